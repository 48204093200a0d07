<?cs include:"_field.cs" ?>
<?cs include:"_input.cs" ?>
<?cs def:title() ?><?cs var:S.Register.title ?><?cs /def ?>
<?cs def:content() ?>
<section class="narrow wide">
  <h1><?cs var:S.Register.title ?></h1>
  <p class="muted"><?cs var:S.Register.intro ?></p>
  <?cs if:Register.taken_region ?><p class="notice" id="uscc-taken"><?cs var:S.Register.taken_hint ?> <a href="/password/forgot"><?cs var:S.Register.forgot ?></a>；<?cs var:S.Register.office_hint ?><strong><?cs var:Register.office ?></strong><?cs if:Register.office_phone ?>（<?cs var:Register.office_phone ?>）<?cs /if ?>。</p><?cs /if ?>
  <?cs if:Register.pending_done ?><p class="notice ok" id="claim-pending"><?cs var:S.Claim.pending_done ?></p><?cs /if ?>
  <?cs if:Register.claim == "match" ?><p class="notice" id="claim-match"><?cs var:S.Claim.hint_match ?></p><?cs /if ?>
  <?cs if:Register.claim == "licence" ?><p class="notice" id="claim-licence"><?cs var:S.Claim.hint_licence ?></p><?cs /if ?>
  <?cs if:Register.mismatch ?><p class="notice" id="claim-mismatch"><?cs var:S.Claim.mismatch_hint ?><?cs if:Register.office ?><strong><?cs var:Register.office ?></strong><?cs if:Register.office_phone ?>（<?cs var:Register.office_phone ?>）<?cs /if ?><?cs /if ?>。</p><?cs /if ?>
  <?cs if:Sms.sent ?><p class="notice" id="sms-sent"><?cs var:S.Register.sms_sent ?></p><?cs /if ?>
  <p class="hint" id="sms-order"><?cs var:S.Register.sms_order ?></p>
  <form method="post" action="/register" class="stack" enctype="multipart/form-data" novalidate>
    <?cs call:csrf() ?>
    <fieldset><legend><?cs var:S.Register.enterprise ?></legend>
    <?cs call:input("uscc", S.Field.uscc, "text", 24, S.Register.uscc_hint) ?>
    <?cs call:input("ent_name", S.Field.ent_name, "text", 100, "") ?>
    <?cs call:input("reg_no", S.Field.reg_no, "text", 24, S.Register.reg_no_optional) ?>
    <?cs call:input("legal_name", S.Field.legal_name, "text", 50, "") ?>
    <?cs call:input("legal_id", S.Field.legal_id, "text", 24, "") ?>
    <div class="field<?cs if:Form.licence.error ?> has-error<?cs /if ?>">
      <label for="licence"><?cs var:S.Field.licence ?></label>
      <input id="licence" name="licence" type="file" accept=".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png"<?cs call:invalid("licence") ?>>
      <p class="hint"><?cs var:S.Claim.licence_hint ?></p>
      <?cs call:field_error("licence") ?>
    </div>
    </fieldset>
    <fieldset><legend><?cs var:S.Register.contact ?></legend>
    <?cs call:input("contact_name", S.Field.contact_name, "text", 50, "") ?>
    <?cs call:input("mobile", S.Field.mobile, "tel", 20, "") ?>
    <button type="submit" formaction="/register/sms" class="secondary" id="send-sms"><?cs var:S.Register.send_sms ?></button>
    <?cs call:input("sms_code", S.Field.sms_code, "text", 6, S.Register.sms_hint) ?>
    </fieldset>
    <fieldset><legend><?cs var:S.Register.account ?></legend>
    <?cs call:input("username", S.Field.username, "text", 32, S.Register.username_hint) ?>
    <?cs call:input("password", S.Field.password, "password", 128, S.Password.rules) ?>
    <?cs call:input("password2", S.Field.password2, "password", 128, "") ?>
    </fieldset>
    <div class="field check<?cs if:Form.agree.error ?> has-error<?cs /if ?>">
      <input type="checkbox" id="agree" name="agree" value="1"<?cs if:Form.agree.checked ?> checked<?cs /if ?><?cs call:invalid("agree") ?>>
      <label for="agree"><?cs var:S.Register.agree_pre ?><a href="/terms" target="_blank" rel="noopener"><?cs var:S.Register.terms_link ?></a><?cs var:S.Register.agree_and ?><a href="/privacy" target="_blank" rel="noopener"><?cs var:S.Register.privacy_link ?></a></label>
      <?cs call:field_error("agree") ?>
    </div>
    <button type="submit" id="register-submit"><?cs var:S.Register.submit ?></button>
  </form>
</section>
<?cs /def ?>
