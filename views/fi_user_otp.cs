<?cs include:"_field.cs" ?>
<?cs def:title() ?><?cs var:S.Fi.otp_title ?><?cs /def ?>
<?cs def:content() ?>
<section class="narrow">
  <h1><?cs var:S.Fi.otp_title ?></h1>
  <p class="notice" id="done"><?cs if:Target.kind == "manager" ?><?cs var:S.Fi.otp_done_manager ?><?cs else ?><?cs var:S.Fi.otp_done_officer ?><?cs /if ?><?cs var:Target.real_name ?>（<?cs var:Target.username ?>）</p>
  <p><?cs var:S.UserOtp.label ?></p>
  <p><code class="secret" id="otp"><?cs var:Otp.password ?></code></p>
  <p class="muted"><?cs var:S.UserOtp.once ?></p>
  <p class="muted"><?cs var:S.UserOtp.next ?></p>
  <p><a href="/fis/<?cs var:Fi.id ?>"><?cs var:S.Fi.back_one ?></a></p>
</section>
<?cs /def ?>
