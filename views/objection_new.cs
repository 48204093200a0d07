<?cs include:"_field.cs" ?>
<?cs def:title() ?><?cs var:S.Obj.new_title ?><?cs /def ?>
<?cs def:content() ?>
<section>
  <h1><?cs var:S.Obj.new_title ?></h1>
  <p><?cs var:S.Obj.new_intro ?></p>
  <?cs if:Refused ?><p class="error" id="refused" role="alert"><?cs var:Refused ?></p><?cs /if ?>
  <h2><?cs var:S.Obj.subject ?></h2>
  <?cs if:Obj.subject == "registration" ?>
  <p id="subject-registration"><?cs var:Ent.name ?>：<?cs var:S.Obj.subject_registration ?>（<a href="/profile"><?cs var:S.Obj.see_profile ?></a>）</p>
  <?cs else ?>
  <dl class="facts" id="subject-record">
    <dt><?cs var:S.Obj.record ?></dt><dd id="record-id"><?cs var:Record.id ?></dd>
    <dt><?cs var:S.Obj.category ?></dt><dd><?cs var:Record.category ?></dd>
    <dt><?cs var:Record.date_label ?></dt><dd><?cs var:Record.date ?></dd>
    <dt><?cs var:S.Credit.source ?></dt><dd id="record-agency"><?cs var:Record.agency ?></dd>
  </dl>
  <?cs /if ?>
  <form method="post" action="/objections/new" enctype="multipart/form-data" class="stack" id="objection-form" novalidate>
    <?cs call:csrf() ?>
    <?cs if:Obj.subject == "registration" ?><input type="hidden" name="subject" value="registration"><?cs else ?><input type="hidden" name="record" value="<?cs var:Record.id ?>"><?cs /if ?>
    <div class="field<?cs if:Form.kind.error ?> has-error<?cs /if ?>">
      <label for="kind"><?cs var:S.Obj.kind_label ?></label>
      <select id="kind" name="kind"<?cs call:invalid("kind") ?>>
        <option value=""><?cs var:S.Obj.choose ?></option>
        <?cs each:k = S.Obj.kind ?><option value="<?cs var:name(k) ?>"<?cs if:Form.kind.value == name(k) ?> selected<?cs /if ?>><?cs var:k ?></option>
        <?cs /each ?>
      </select>
      <?cs call:field_error("kind") ?>
    </div>
    <div class="field<?cs if:Form.should_say.error ?> has-error<?cs /if ?>">
      <label for="should_say"><?cs var:S.Obj.should_say ?></label>
      <textarea id="should_say" name="should_say" rows="4" maxlength="2000"<?cs call:invalid("should_say") ?>><?cs var:Form.should_say.value ?></textarea>
      <p class="hint"><?cs var:S.Obj.should_say_hint ?></p>
      <?cs call:field_error("should_say") ?>
    </div>
    <div class="field<?cs if:Form.reason.error ?> has-error<?cs /if ?>">
      <label for="reason"><?cs var:S.Obj.reason ?></label>
      <textarea id="reason" name="reason" rows="4" maxlength="2000"<?cs call:invalid("reason") ?>><?cs var:Form.reason.value ?></textarea>
      <?cs call:field_error("reason") ?>
    </div>
    <?cs each:fn = S.Obj.files ?>
    <div class="field<?cs if:Form[name(fn)].error ?> has-error<?cs /if ?>">
      <label for="<?cs var:name(fn) ?>"><?cs var:fn ?></label>
      <input id="<?cs var:name(fn) ?>" name="<?cs var:name(fn) ?>" type="file" accept=".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png"<?cs call:invalid(name(fn)) ?>>
      <?cs call:field_error(name(fn)) ?>
    </div>
    <?cs /each ?>
    <p class="hint"><?cs var:S.Obj.files_hint ?><?cs var:Obj.max_mb ?> MB。</p>
    <div class="field<?cs if:Form.commit.error ?> has-error<?cs /if ?>">
      <label class="choice"><input type="checkbox" id="commit" name="commit" value="1"<?cs if:Form.commit.value ?> checked<?cs /if ?><?cs call:invalid("commit") ?>> <?cs var:S.Obj.commitment ?></label>
      <?cs call:field_error("commit") ?>
    </div>
    <p class="muted"><?cs var:S.Obj.rule ?></p>
    <button type="submit" id="objection-submit"><?cs var:S.Obj.submit ?></button>
  </form>
  <p><a href="/objections"><?cs var:S.Obj.back ?></a></p>
</section>
<?cs /def ?>
