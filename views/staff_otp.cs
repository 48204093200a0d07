<?cs include:"_field.cs" ?>
<?cs def:title() ?><?cs var:S.Staff.otp_title ?><?cs /def ?>
<?cs def:content() ?>
<section class="narrow">
  <h1><?cs var:S.Staff.otp_title ?></h1>
  <p class="notice" id="done"><?cs var:S.Staff.otp_done ?><?cs var:Target.real_name ?>（<?cs var:Target.username ?>）</p>
  <p><?cs var:S.UserOtp.label ?></p>
  <p><code class="secret" id="otp"><?cs var:Otp.password ?></code></p>
  <p class="muted"><?cs var:S.UserOtp.once ?></p>
  <p class="muted"><?cs var:S.UserOtp.next ?></p>
  <p><a href="/staff"><?cs var:S.Staff.back ?></a></p>
</section>
<?cs /def ?>
