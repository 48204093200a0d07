<?cs include:"_field.cs" ?>
<?cs include:"_input.cs" ?>
<?cs def:title() ?><?cs var:S.Measures.new ?><?cs /def ?>
<?cs def:content() ?>
<section>
  <p><a href="/measures"><?cs var:S.Measures.back ?></a></p>
  <h1><?cs var:S.Measures.new ?></h1>
  <p><?cs if:Edit.fi ?><?cs var:S.Measures.new_intro_fi ?><?cs else ?><?cs var:S.Measures.new_intro ?><?cs /if ?></p>
  <form method="post" action="/measures/new" enctype="multipart/form-data" class="stack" id="measure-form" novalidate>
    <?cs call:csrf() ?>
    <?cs call:input("enterprise", S.Measures.ent_label, "text", 18, S.Measures.ent_hint) ?>
    <div class="field<?cs if:Form.kind.error ?> has-error<?cs /if ?>">
      <label for="kind"><?cs var:S.Measures.kind ?></label>
      <select id="kind" name="kind"<?cs call:invalid("kind") ?>>
        <option value=""><?cs var:S.Measures.pick ?></option>
        <?cs each:k = S.MeasureKind ?><?cs if:!Edit.fi || name(k) == "unwelcome" || name(k) == "other" ?><option value="<?cs var:name(k) ?>"<?cs if:Form.kind.value == name(k) ?> selected<?cs /if ?>><?cs var:k ?></option><?cs /if ?>
        <?cs /each ?>
      </select>
      <?cs call:field_error("kind") ?>
    </div>
    <?cs call:input("other_text", S.Measures.other_label, "text", 200, S.Measures.other_hint) ?>
    <div class="field<?cs if:Form.reason.error ?> has-error<?cs /if ?>">
      <label for="reason"><?cs var:S.Measures.reason ?></label>
      <textarea id="reason" name="reason" rows="4" maxlength="1000"<?cs call:invalid("reason") ?>><?cs var:Form.reason.value ?></textarea>
      <?cs call:field_error("reason") ?>
    </div>
    <?cs call:input("starts_on", S.Measures.starts, "date", 10, "") ?>
    <?cs call:input("ends_on", S.Measures.ends, "date", 10, S.Measures.ends_hint) ?>
    <div class="field<?cs if:Form.evidence.error ?> has-error<?cs /if ?>">
      <label for="evidence"><?cs var:S.Measures.evidence ?></label>
      <input id="evidence" name="evidence" type="file" accept=".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png"<?cs call:invalid("evidence") ?>>
      <p class="hint"><?cs var:S.Measures.evidence_hint ?></p>
      <?cs call:field_error("evidence") ?>
    </div>
    <button type="submit" id="measure-save"><?cs var:S.Measures.propose ?></button>
  </form>
</section>
<?cs /def ?>
