<?cs include:"_field.cs" ?>
<?cs include:"_input.cs" ?>
<?cs def:title() ?><?cs if:Edit.new ?><?cs var:S.Rules.new ?><?cs else ?><?cs var:S.Rules.edit ?><?cs /if ?><?cs /def ?>
<?cs def:content() ?>
<section>
  <?cs if:Edit.new ?>
  <p><a href="/rules"><?cs var:S.Rules.back ?></a></p>
  <h1><?cs var:S.Rules.new ?></h1>
  <form method="post" action="/rules/new" class="stack" novalidate>
  <?cs else ?>
  <p><a href="/rules/<?cs var:Edit.id ?>"><?cs var:S.Rules.back_one ?></a></p>
  <h1><?cs var:S.Rules.edit ?></h1>
  <?cs if:Edit.conflict ?><p class="notice error-text" id="edit-conflict"><?cs var:S.Rules.conflict ?></p><?cs /if ?>
  <form method="post" action="/rules/<?cs var:Edit.id ?>/edit" class="stack" novalidate>
  <input type="hidden" name="version" value="<?cs var:Form.version.value ?>">
  <?cs /if ?>
    <?cs call:csrf() ?>
    <?cs call:input("title", S.Rules.title_label, "text", 200, "") ?>
    <?cs call:input("effective_on", S.Rules.effective, "date", 10, S.Rules.effective_hint) ?>
    <div class="field<?cs if:Form.summary.error ?> has-error<?cs /if ?>">
      <label for="summary"><?cs var:S.Rules.summary ?></label>
      <textarea id="summary" name="summary" rows="3" maxlength="1000"<?cs call:invalid("summary") ?>><?cs var:Form.summary.value ?></textarea>
      <?cs call:field_error("summary") ?>
    </div>
    <div class="field<?cs if:Form.body.error ?> has-error<?cs /if ?>">
      <label for="body"><?cs var:S.Rules.body ?></label>
      <textarea id="body" name="body" rows="24" maxlength="100000"<?cs call:invalid("body") ?>><?cs var:Form.body.value ?></textarea>
      <p class="hint"><?cs var:S.Rules.body_hint ?></p>
      <?cs call:field_error("body") ?>
    </div>
    <button type="submit" id="rule-save"><?cs if:Edit.new ?><?cs var:S.Rules.create ?><?cs else ?><?cs var:S.Rules.save ?><?cs /if ?></button>
  </form>
  <p class="muted"><?cs var:S.Rules.draft_hint ?></p>
</section>
<?cs /def ?>
