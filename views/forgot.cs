<?cs include:"_field.cs" ?>
<?cs include:"_input.cs" ?>
<?cs def:title() ?><?cs var:S.Forgot.title ?><?cs /def ?>
<?cs def:content() ?>
<section class="narrow">
  <h1><?cs var:S.Forgot.title ?></h1>
  <p class="muted"><?cs var:S.Forgot.intro ?></p>
  <?cs if:Sms.sent ?><p class="notice" id="sms-sent"><?cs var:S.Forgot.sms_sent ?></p><?cs /if ?>
  <form method="post" action="/password/forgot" class="stack" novalidate>
    <?cs call:csrf() ?>
    <?cs call:input("username", S.Field.username, "text", 40, "") ?>
    <?cs call:input("mobile", S.Field.mobile, "tel", 20, S.Forgot.mobile_hint) ?>
    <button type="submit" formaction="/password/forgot/sms" class="secondary" id="send-sms"><?cs var:S.Register.send_sms ?></button>
    <?cs call:input("sms_code", S.Field.sms_code, "text", 6, "") ?>
    <?cs call:input("password", S.Password.new, "password", 128, S.Password.rules) ?>
    <?cs call:input("password2", S.Password.new2, "password", 128, "") ?>
    <button type="submit" id="forgot-submit"><?cs var:S.Forgot.submit ?></button>
  </form>
</section>
<?cs /def ?>
