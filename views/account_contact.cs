<?cs include:"_field.cs" ?>
<?cs include:"_input.cs" ?>
<?cs def:title() ?><?cs var:S.Contact.title ?><?cs /def ?>
<?cs def:content() ?>
<section class="narrow">
  <h1><?cs var:S.Contact.title ?></h1>
  <p class="muted"><?cs var:S.Contact.intro ?></p>
  <?cs if:Contact.mobile ?><p id="contact-current"><?cs var:S.Contact.current ?><?cs var:Contact.mobile ?></p><?cs /if ?>
  <?cs if:Sms.sent ?><p class="notice" id="sms-sent"><?cs var:S.Contact.sms_sent ?></p><?cs /if ?>
  <form method="post" action="/account/contact" class="stack" novalidate>
    <?cs call:csrf() ?>
    <?cs call:input("real_name", S.Contact.real_name, "text", 50, "") ?>
    <?cs call:input("mobile", S.Contact.mobile, "tel", 20, S.Contact.mobile_hint) ?>
    <button type="submit" formaction="/account/contact/sms" class="secondary" id="send-sms"><?cs var:S.Register.send_sms ?></button>
    <?cs call:input("sms_code", S.Field.sms_code, "text", 6, "") ?>
    <?cs call:input("password", S.Contact.password, "password", 128, S.Contact.password_hint) ?>
    <button type="submit" id="contact-submit"><?cs var:S.Contact.submit ?></button>
    <a href="/account" class="button secondary"><?cs var:S.Contact.cancel ?></a>
  </form>
</section>
<?cs /def ?>
