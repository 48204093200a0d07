<?cs include:"_field.cs" ?>
<?cs include:"_input.cs" ?>
<?cs def:title() ?><?cs if:AForm.id ?><?cs var:S.AForm.edit_title ?><?cs else ?><?cs var:S.AForm.new_title ?><?cs /if ?><?cs /def ?>
<?cs def:line_input(l, key, label, max) ?>
        <div class="field<?cs if:Form[key + l.n].error ?> has-error<?cs /if ?>">
          <label for="<?cs var:key ?><?cs var:l.n ?>"><?cs var:label ?></label>
          <input id="<?cs var:key ?><?cs var:l.n ?>" name="<?cs var:key ?><?cs var:l.n ?>" value="<?cs var:l[key] ?>" maxlength="<?cs var:max ?>"<?cs call:invalid(key + l.n) ?>>
          <?cs call:field_error(key + l.n) ?>
        </div>
<?cs /def ?>
<?cs def:content() ?>
<section class="wide">
  <p><a href="/agency-forms"><?cs var:S.AForm.back ?></a></p>
  <h1><?cs call:title() ?></h1>
  <?cs if:Chooser ?>
  <p><?cs var:S.AForm.choose_hint ?></p>
  <?cs if:subcount(Agencies) > 0 ?>
  <form method="get" action="/agency-forms/new" class="inline" id="aform-choose">
    <div class="field">
      <label for="agency"><?cs var:S.AForm.choose_agency ?></label>
      <select id="agency" name="agency">
        <?cs each:g = Agencies ?><option value="<?cs var:g.id ?>"><?cs var:g.name ?>（<?cs var:g.region_name ?>）</option>
        <?cs /each ?>
      </select>
      <button type="submit"><?cs var:S.AForm.choose_go ?></button>
    </div>
  </form>
  <?cs else ?>
  <p class="notice" id="no-agencies"><?cs var:S.AForm.no_agencies ?></p>
  <?cs /if ?>
  <?cs else ?>
  <?cs if:Stale ?><p class="notice error-text" id="stale"><?cs var:S.AForm.stale ?></p><?cs /if ?>
  <?cs if:AForm.status == "returned" && AForm.return_reason ?><p class="notice" id="returned"><?cs var:S.AForm.returned ?><?cs var:AForm.return_reason ?></p><?cs /if ?>
  <form method="post" action="<?cs if:AForm.id ?>/agency-forms/<?cs var:AForm.id ?>/edit<?cs else ?>/agency-forms/new<?cs /if ?>" class="stack" id="aform-entry" novalidate>
    <?cs call:csrf() ?>
    <input type="hidden" name="agency" value="<?cs var:Agency.id ?>">
    <input type="hidden" name="version" value="<?cs var:Form.version.value ?>">
    <input type="hidden" name="lines" value="<?cs var:Lines_n ?>">
    <fieldset><legend><?cs var:S.AForm.unit ?></legend>
      <p id="entry-agency"><strong><?cs var:Agency.name ?></strong>（<?cs var:Agency.region_name ?>）</p>
      <?cs call:input("apply_date", S.AForm.apply_date, "date", 10, "") ?>
    </fieldset>
    <p class="muted"><?cs var:S.AForm.lines_hint ?></p>
    <?cs each:l = Lines ?>
    <fieldset class="aform-line" id="line-<?cs var:l.n ?>"><legend><?cs var:S.AForm.user_label ?>（<?cs var:l.letter ?>）<?cs var:S.AForm.info ?></legend>
      <?cs call:line_input(l, "name", S.AForm.name, 50) ?>
      <?cs call:line_input(l, "title", S.AForm.title, 100) ?>
      <?cs call:line_input(l, "contact", S.AForm.contact, 100) ?>
      <div class="field<?cs if:Form["op" + l.n].error ?> has-error<?cs /if ?>">
        <span class="label"><?cs var:S.AForm.op ?></span>
        <?cs each:o = S.AForm.op ?><label class="choice"><input type="radio" name="op<?cs var:l.n ?>" value="<?cs var:name(o) ?>"<?cs if:l.op == name(o) ?> checked<?cs /if ?>> <?cs var:o ?></label>
        <?cs /each ?>
        <?cs call:field_error("op" + l.n) ?>
      </div>
      <div class="field" id="perms-<?cs var:l.n ?>">
        <span class="label"><?cs var:S.AForm.perms ?></span>
        <label class="choice"><input type="checkbox" name="view<?cs var:l.n ?>" value="1"<?cs if:l.view ?> checked<?cs /if ?>> <?cs var:S.Perm.credit.view ?></label>
        <label class="choice"><input type="checkbox" name="import<?cs var:l.n ?>" value="1"<?cs if:l.import ?> checked<?cs /if ?>> <?cs var:S.Perm.credit.import ?></label>
        <p class="hint"><?cs var:S.AForm.perms_hint ?></p>
      </div>
      <div class="field<?cs if:Form["user" + l.n].error ?> has-error<?cs /if ?>">
        <label for="user<?cs var:l.n ?>"><?cs var:S.AForm.target ?></label>
        <select id="user<?cs var:l.n ?>" name="user<?cs var:l.n ?>"<?cs call:invalid("user" + l.n) ?>>
          <option value=""><?cs var:S.AForm.target_choose ?></option>
          <?cs each:m = Members ?><option value="<?cs var:m.id ?>"<?cs if:l.user == m.id ?> selected<?cs /if ?>><?cs var:m.username ?>（<?cs var:m.real_name ?>）</option>
          <?cs /each ?>
        </select>
        <p class="hint"><?cs var:S.AForm.target_hint ?></p>
        <?cs call:field_error("user" + l.n) ?>
      </div>
    </fieldset>
    <?cs /each ?>
    <?cs if:Lines_n < 8 ?><button type="submit" name="action" value="addline" class="secondary" id="add-line"><?cs var:S.AForm.add_line ?></button><?cs else ?><p class="muted"><?cs var:S.AForm.lines_full ?></p><?cs /if ?>
    <fieldset><legend><?cs var:S.AForm.net ?></legend>
      <?cs call:input("net_name", S.AForm.name, "text", 50, "") ?>
      <?cs call:input("net_title", S.AForm.title, "text", 100, "") ?>
      <?cs call:input("net_contact", S.AForm.contact, "text", 100, "") ?>
    </fieldset>
    <fieldset><legend><?cs var:S.AForm.opinion ?></legend>
      <div class="field<?cs if:Form.opinion.error ?> has-error<?cs /if ?>">
        <label for="opinion"><?cs var:S.AForm.opinion ?></label>
        <textarea id="opinion" name="opinion" rows="3" maxlength="500"<?cs call:invalid("opinion") ?>><?cs var:Form.opinion.value ?></textarea>
        <?cs call:field_error("opinion") ?>
      </div>
      <?cs call:input("resp_name", S.AForm.resp_name, "text", 50, "") ?>
      <?cs call:input("opinion_date", S.AForm.opinion_date, "date", 10, "") ?>
    </fieldset>
    <p>
      <button type="submit" name="action" value="submit" id="aform-submit"><?cs var:S.AForm.submit ?></button>
      <button type="submit" name="action" value="save" class="secondary" id="aform-save"><?cs var:S.AForm.save ?></button>
    </p>
  </form>
  <?cs /if ?>
</section>
<?cs /def ?>
