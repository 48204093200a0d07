<?cs include:"_field.cs" ?>
<?cs def:title() ?><?cs var:S.Security.title ?><?cs /def ?>
<?cs def:setting(name) ?>
    <div class="field<?cs if:Form[name].error ?> has-error<?cs /if ?>">
      <label for="<?cs var:name ?>"><?cs var:S.Security.label[name] ?></label>
      <input id="<?cs var:name ?>" name="<?cs var:name ?>" type="text" inputmode="numeric" value="<?cs var:Form[name].value ?>" maxlength="10"<?cs call:invalid(name) ?>>
      <p class="hint"><?cs var:S.Security.range ?><?cs var:Bounds[name].min ?> - <?cs var:Bounds[name].max ?></p>
      <?cs call:field_error(name) ?>
    </div>
<?cs /def ?>
<?cs def:content() ?>
<section class="narrow">
  <h1><?cs var:S.Security.title ?></h1>
  <?cs if:Done ?><p class="notice" id="done"><?cs var:S.Security.done ?></p><?cs /if ?>
  <p class="muted"><?cs var:S.Security.intro ?></p>
  <p><a href="/security/roles" id="roles-link"><?cs var:S.Security.roles_link ?></a></p>
  <form method="post" action="/security" class="stack" id="security-settings" novalidate>
    <?cs call:csrf() ?>
    <fieldset><legend><?cs var:S.Security.lockout ?></legend>
      <?cs call:setting("max_failures") ?>
      <?cs call:setting("failure_window") ?>
      <?cs call:setting("lock_secs") ?>
    </fieldset>
    <fieldset><legend><?cs var:S.Security.password ?></legend>
      <?cs call:setting("staff_pw_days") ?>
    </fieldset>
    <fieldset><legend><?cs var:S.Security.session ?></legend>
      <?cs call:setting("session_idle") ?>
      <?cs call:setting("session_absolute") ?>
    </fieldset>
    <button type="submit"><?cs var:S.Security.submit ?></button>
  </form>
</section>
<?cs /def ?>
