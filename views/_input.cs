<?cs def:input(name, label, type, max, hint) ?>
    <div class="field<?cs if:Form[name].error ?> has-error<?cs /if ?>">
      <label for="<?cs var:name ?>"><?cs var:label ?></label>
      <input id="<?cs var:name ?>" name="<?cs var:name ?>" type="<?cs var:type ?>"<?cs if:type != "password" ?> value="<?cs var:Form[name].value ?>"<?cs /if ?> maxlength="<?cs var:max ?>"<?cs call:invalid(name) ?>>
      <?cs if:hint ?><p class="hint"><?cs var:hint ?></p><?cs /if ?>
      <?cs call:field_error(name) ?>
    </div>
<?cs /def ?>
