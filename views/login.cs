<?cs include:"_field.cs" ?>
<?cs def:title() ?><?cs var:S.Login.title ?><?cs /def ?>
<?cs def:content() ?>
<section class="narrow">
  <h1><?cs var:S.Login.title ?></h1>
  <p class="muted"><?cs if:Portal.name == "intranet" ?><?cs var:S.Login.intranet_hint ?><?cs else ?><?cs var:S.Login.internet_hint ?><?cs /if ?></p>
  <?cs if:Login.reset_done ?><p class="notice" id="reset-done"><?cs var:S.Login.reset_done ?></p><?cs /if ?>
  <?cs if:Login.again ?><p class="notice" id="again"><?cs var:S.Login.again ?></p><?cs /if ?>
  <?cs if:Login.withdrawn ?><p class="notice ok" id="claim-withdrawn"><?cs var:S.Login.withdrawn ?></p><?cs /if ?>
  <form method="post" action="/login" class="stack" novalidate>
    <?cs call:csrf() ?>
    <div class="field<?cs if:Form.username.error ?> has-error<?cs /if ?>">
      <label for="username"><?cs var:S.Login.username ?></label>
      <input id="username" name="username" value="<?cs var:Form.username.value ?>" maxlength="40" autocomplete="username" required<?cs call:invalid("username") ?>>
      <?cs call:field_error("username") ?>
    </div>
    <div class="field<?cs if:Form.password.error ?> has-error<?cs /if ?>">
      <label for="password"><?cs var:S.Login.password ?></label>
      <input id="password" name="password" type="password" maxlength="128" autocomplete="current-password" required<?cs call:invalid("password") ?>>
      <?cs call:field_error("password") ?>
    </div>
    <button type="submit"><?cs var:S.Login.submit ?></button>
  </form>
  <?cs if:Login.claim_pending ?>
  <form method="post" action="/login/withdraw" class="stack" id="claim-withdraw" novalidate>
    <?cs call:csrf() ?>
    <h2><?cs var:S.Login.withdraw_title ?></h2>
    <p class="muted"><?cs var:S.Login.withdraw_hint ?></p>
    <input type="hidden" name="username" value="<?cs var:Form.username.value ?>">
    <div class="field<?cs if:Form.withdraw_password.error ?> has-error<?cs /if ?>">
      <label for="withdraw_password"><?cs var:S.Login.password ?></label>
      <input id="withdraw_password" name="withdraw_password" type="password" maxlength="128" autocomplete="current-password" required<?cs call:invalid("withdraw_password") ?>>
      <?cs call:field_error("withdraw_password") ?>
    </div>
    <button type="submit"><?cs var:S.Login.withdraw_submit ?></button>
  </form>
  <?cs /if ?>
  <?cs if:Portal.name == "internet" ?><p class="links"><a href="/register"><?cs var:S.Nav.register ?></a> · <a href="/password/forgot"><?cs var:S.Nav.forgot ?></a></p><?cs /if ?>
</section>
<?cs /def ?>
