<?cs include:"_field.cs" ?>
<?cs def:title() ?><?cs var:S.Enrol.title ?><?cs /def ?>
<?cs def:content() ?>
<section class="narrow">
  <h1><?cs var:S.Enrol.title ?></h1>
  <p><?cs var:S.Enrol.intro ?></p>
  <p><img class="qr" src="<?cs var:Enrol.qr ?>" alt="<?cs var:S.Enrol.qr_alt ?>" width="220" height="220"></p>
  <p><?cs var:S.Enrol.secret ?>：<code class="secret" id="totp-secret"><?cs var:Enrol.secret ?></code></p>
  <form method="post" action="/login/enrol" class="stack" novalidate>
    <?cs call:csrf() ?>
    <div class="field<?cs if:Form.code.error ?> has-error<?cs /if ?>">
      <label for="code"><?cs var:S.Enrol.code ?></label>
      <input id="code" name="code" inputmode="numeric" pattern="[0-9]{6}" maxlength="6" autocomplete="one-time-code" required<?cs call:invalid("code") ?>>
      <?cs call:field_error("code") ?>
    </div>
    <button type="submit"><?cs var:S.Enrol.submit ?></button>
  </form>
</section>
<?cs /def ?>
