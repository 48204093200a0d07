<?cs include:"_field.cs" ?>
<?cs include:"_input.cs" ?>
<?cs def:select(name, label, list) ?>
    <div class="field<?cs if:Form[name].error ?> has-error<?cs /if ?>">
      <label for="<?cs var:name ?>"><?cs var:label ?></label>
      <select id="<?cs var:name ?>" name="<?cs var:name ?>"<?cs call:invalid(name) ?>>
        <option value=""><?cs var:S.Profile.choose ?></option>
        <?cs each:o = list ?><option value="<?cs var:name(o) ?>"<?cs if:Form[name].value == name(o) ?> selected<?cs /if ?>><?cs var:o ?></option>
        <?cs /each ?>
      </select>
      <?cs call:field_error(name) ?>
    </div>
<?cs /def ?>
<?cs def:title() ?><?cs var:S.Profile.edit ?><?cs /def ?>
<?cs def:content() ?>
<section class="narrow wide">
  <h1><?cs var:S.Profile.edit ?></h1>
  <p class="muted"><?cs var:S.Field.uscc ?>：<?cs var:Ent.uscc ?>（<?cs var:Ent.region_name ?>）</p>
  <p class="notice"><?cs var:S.Profile.duty ?></p>
  <form method="post" action="/profile/edit" class="stack" novalidate>
    <?cs call:csrf() ?>
    <fieldset><legend><?cs var:S.Profile.when ?></legend>
    <?cs call:input("changed_on", S.Field.changed_on, "date", 10, S.Profile.changed_on_hint) ?>
    </fieldset>
    <fieldset><legend><?cs var:S.Profile.registration ?></legend>
    <?cs call:input("ent_name", S.Field.ent_name, "text", 100, "") ?>
    <?cs call:input("reg_no", S.Field.reg_no, "text", 24, "") ?>
    <?cs call:input("legal_name", S.Field.legal_name, "text", 50, "") ?>
    <?cs call:input("legal_id", S.Field.legal_id, "text", 24, "") ?>
    </fieldset>
    <fieldset><legend><?cs var:S.Profile.supplementary ?></legend>
    <?cs call:input("address", S.Field.address, "text", 200, "") ?>
    <div class="field<?cs if:Form.business_scope.error ?> has-error<?cs /if ?>">
      <label for="business_scope"><?cs var:S.Field.business_scope ?></label>
      <textarea id="business_scope" name="business_scope" rows="4" maxlength="2000"<?cs call:invalid("business_scope") ?>><?cs var:Form.business_scope.value ?></textarea>
      <?cs call:field_error("business_scope") ?>
    </div>
    <?cs call:input("reg_capital", S.Field.reg_capital, "text", 20, S.Profile.yuan_hint) ?>
    <?cs call:select("org_form", S.Field.org_form, S.OrgForm) ?>
    <?cs call:select("industry", S.Field.industry, S.Industry) ?>
    <?cs call:select("size", S.Field.size, S.Size) ?>
    <?cs call:input("headcount", S.Field.headcount, "number", 10, "") ?>
    <?cs call:input("revenue", S.Field.revenue, "text", 20, S.Profile.yuan_hint) ?>
    </fieldset>
    <fieldset><legend><?cs var:S.Profile.main ?></legend>
    <?cs call:input("main_name", S.Field.main_name, "text", 50, "") ?>
    <?cs call:input("main_title", S.Field.main_title, "text", 50, "") ?>
    <?cs call:input("main_mobile", S.Field.main_mobile, "tel", 20, "") ?>
    <?cs call:input("main_email", S.Field.main_email, "email", 100, "") ?>
    </fieldset>
    <fieldset><legend><?cs var:S.Profile.liaison ?></legend>
    <?cs call:input("liaison_name", S.Field.liaison_name, "text", 50, "") ?>
    <?cs call:input("liaison_title", S.Field.liaison_title, "text", 50, "") ?>
    <?cs call:input("liaison_mobile", S.Field.liaison_mobile, "tel", 20, "") ?>
    <?cs call:input("liaison_email", S.Field.liaison_email, "email", 100, "") ?>
    </fieldset>
    <button type="submit" id="profile-save"><?cs var:S.Profile.save ?></button>
  </form>
</section>
<?cs /def ?>
