<?cs include:"_field.cs" ?>
<?cs def:title() ?><?cs var:S.Totp.title ?><?cs /def ?>
<?cs def:content() ?>
<section class="narrow">
  <h1><?cs var:S.Totp.title ?></h1>
  <p><?cs var:S.Totp.intro ?></p>
  <form method="post" action="/login/totp" class="stack" novalidate>
    <?cs call:csrf() ?>
    <div class="field<?cs if:Form.code.error ?> has-error<?cs /if ?>">
      <label for="code"><?cs var:S.Totp.code ?></label>
      <input id="code" name="code" inputmode="numeric" pattern="[0-9]{6}" maxlength="6" autocomplete="one-time-code" required<?cs call:invalid("code") ?>>
      <?cs call:field_error("code") ?>
    </div>
    <button type="submit"><?cs var:S.Totp.submit ?></button>
  </form>
</section>
<?cs /def ?>
