<?cs def:field_error(name) ?><?cs if:Form[name].error ?><p class="error-text" id="<?cs var:name ?>-error"><?cs var:Form[name].error ?></p><?cs /if ?><?cs /def ?>
<?cs def:invalid(name) ?><?cs if:Form[name].error ?> aria-invalid="true" aria-describedby="<?cs var:name ?>-error"<?cs /if ?><?cs /def ?>
<?cs def:csrf() ?><input type="hidden" name="csrf_token" value="<?cs var:CSRF.token ?>"><?cs /def ?>
