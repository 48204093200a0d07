<?cs include:"_field.cs" ?>
<?cs include:"_input.cs" ?>
<?cs def:title() ?><?cs if:Edit.new ?><?cs var:S.Events.new ?><?cs else ?><?cs var:S.Events.edit ?> <?cs var:Edit.title ?><?cs /if ?><?cs /def ?>
<?cs def:content() ?>
<section>
  <?cs if:Edit.new ?>
  <p><a href="/events/manage"><?cs var:S.Events.back_manage ?></a></p>
  <h1><?cs var:S.Events.new ?></h1>
  <form method="post" action="/events/new" class="stack" novalidate>
  <?cs else ?>
  <p><a href="/events/<?cs var:Edit.id ?>"><?cs var:S.Events.back_one ?></a></p>
  <h1><?cs var:S.Events.edit ?>：<?cs var:Edit.title ?></h1>
  <?cs if:Edit.conflict ?><p class="notice error-text" id="edit-conflict"><?cs var:S.Events.conflict ?></p><?cs /if ?>
  <form method="post" action="/events/<?cs var:Edit.id ?>/edit" class="stack" novalidate>
  <input type="hidden" name="version" value="<?cs var:Form.version.value ?>">
  <?cs /if ?>
    <?cs call:csrf() ?>
    <div class="field<?cs if:Form.kind.error ?> has-error<?cs /if ?>">
      <label for="kind"><?cs var:S.Events.kind ?></label>
      <select id="kind" name="kind"<?cs call:invalid("kind") ?>>
        <option value=""><?cs var:S.Profile.choose ?></option>
        <?cs each:k = S.EventKind ?><option value="<?cs var:name(k) ?>"<?cs if:Form.kind.value == name(k) ?> selected<?cs /if ?>><?cs var:k ?></option>
        <?cs /each ?>
      </select>
      <?cs call:field_error("kind") ?>
    </div>
    <?cs call:input("title", S.Events.title_label, "text", 100, "") ?>
    <div class="field<?cs if:Form.body.error ?> has-error<?cs /if ?>">
      <label for="body"><?cs var:S.Events.body ?></label>
      <textarea id="body" name="body" rows="8" maxlength="5000"<?cs call:invalid("body") ?>><?cs var:Form.body.value ?></textarea>
      <?cs call:field_error("body") ?>
    </div>
    <?cs call:input("place", S.Events.place, "text", 200, S.Events.where_hint) ?>
    <?cs call:input("online_url", S.Events.online_url, "url", 300, "") ?>
    <?cs call:input("starts_at", S.Events.starts_at, "text", 16, S.Events.time_hint) ?>
    <?cs call:input("ends_at", S.Events.ends_at, "text", 16, S.Events.time_hint) ?>
    <?cs call:input("deadline", S.Events.deadline_label, "text", 16, S.Events.deadline_hint) ?>
    <?cs call:input("capacity", S.Events.capacity, "number", 6, "") ?>
    <fieldset class="field<?cs if:Form.aud_enterprise.error ?> has-error<?cs /if ?>"><legend><?cs var:S.Events.audience ?></legend>
      <?cs each:k = S.EventAud ?><label class="choice"><input type="checkbox" name="aud_<?cs var:name(k) ?>" value="1"<?cs if:Form["aud_" + name(k)].value ?> checked<?cs /if ?>> <?cs var:k ?></label>
      <?cs /each ?>
      <?cs call:field_error("aud_enterprise") ?>
    </fieldset>
    <button type="submit" id="event-save"><?cs if:Edit.new ?><?cs var:S.Events.create ?><?cs else ?><?cs var:S.Events.save ?><?cs /if ?></button>
  </form>
  <p class="muted"><?cs var:S.Events.draft_hint ?></p>
</section>
<?cs /def ?>
