<?cs include:"_field.cs" ?>
<?cs def:title() ?><?cs var:S.UserOtp.title ?><?cs /def ?>
<?cs def:content() ?>
<section class="narrow">
  <h1><?cs var:S.UserOtp.title ?></h1>
  <p class="notice"><?cs var:S.UserOtp.done ?><?cs var:Target.real_name ?>（<?cs var:Target.username ?>）</p>
  <p><?cs var:S.UserOtp.label ?></p>
  <p><code class="secret" id="otp"><?cs var:Otp.password ?></code></p>
  <p class="muted"><?cs var:S.UserOtp.once ?></p>
  <p class="muted"><?cs var:S.UserOtp.next ?></p>
  <p><a href="/users/<?cs var:Target.id ?>"><?cs var:S.UserOtp.back ?></a></p>
</section>
<?cs /def ?>
