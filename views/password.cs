<?cs include:"_field.cs" ?>
<?cs def:title() ?><?cs var:S.Password.title ?><?cs /def ?>
<?cs def:content() ?>
<section class="narrow">
  <h1><?cs var:S.Password.title ?></h1>
  <?cs if:Password.forced ?><p class="notice" id="forced"><?cs var:S.Password.forced ?></p><?cs /if ?>
  <p class="muted"><?cs var:S.Password.rules ?></p>
  <form method="post" action="/password" class="stack" novalidate>
    <?cs call:csrf() ?>
    <div class="field<?cs if:Form.current_password.error ?> has-error<?cs /if ?>">
      <label for="current_password"><?cs var:S.Password.current ?></label>
      <input id="current_password" name="current_password" type="password" maxlength="128" autocomplete="current-password" required<?cs call:invalid("current_password") ?>>
      <?cs call:field_error("current_password") ?>
    </div>
    <div class="field<?cs if:Form.new_password.error ?> has-error<?cs /if ?>">
      <label for="new_password"><?cs var:S.Password.new ?></label>
      <input id="new_password" name="new_password" type="password" maxlength="128" autocomplete="new-password" required<?cs call:invalid("new_password") ?>>
      <?cs call:field_error("new_password") ?>
    </div>
    <div class="field<?cs if:Form.new_password2.error ?> has-error<?cs /if ?>">
      <label for="new_password2"><?cs var:S.Password.new2 ?></label>
      <input id="new_password2" name="new_password2" type="password" maxlength="128" autocomplete="new-password" required<?cs call:invalid("new_password2") ?>>
      <?cs call:field_error("new_password2") ?>
    </div>
    <button type="submit"><?cs var:S.Password.submit ?></button>
  </form>
</section>
<?cs /def ?>
