<?cs include:"_field.cs" ?>
<?cs include:"_input.cs" ?>
<?cs def:title() ?><?cs var:S.Departure.title ?><?cs /def ?>
<?cs def:content() ?>
<section>
  <h1><?cs var:S.Departure.title ?></h1>
  <p class="muted"><?cs var:S.Departure.intro ?></p>
  <?cs if:Done ?><p class="notice ok" id="done"><?cs var:S.Departure.done ?></p><?cs /if ?>
  <?cs if:NoCalendar ?><p class="notice" id="no-calendar"><?cs var:S.Departure.no_calendar ?></p><?cs /if ?>
  <?cs if:Can.record ?>
  <form method="post" action="/departures" class="stack narrow" id="departure-form" novalidate>
    <?cs call:csrf() ?>
    <fieldset><legend><?cs var:S.Departure.record ?></legend>
    <?cs if:User.role == "gov" ?>
      <div class="field<?cs if:Form.user.error ?> has-error<?cs /if ?>">
        <label for="user"><?cs var:S.Departure.user ?></label>
        <select id="user" name="user"<?cs call:invalid("user") ?>>
          <option value=""><?cs var:S.Departure.choose ?></option>
          <?cs each:m = Members ?><option value="<?cs var:m.id ?>"<?cs if:Form.user.value == m.id ?> selected<?cs /if ?>><?cs var:m.username ?>（<?cs var:m.real_name ?>）</option>
          <?cs /each ?>
        </select>
        <?cs call:field_error("user") ?>
      </div>
    <?cs else ?>
      <?cs call:input("username", S.Departure.username, "text", 40, "") ?>
    <?cs /if ?>
      <div class="field<?cs if:Form.kind.error ?> has-error<?cs /if ?>">
        <span class="label"><?cs var:S.Departure.kind ?></span>
        <?cs each:k = S.Departure.kind ?><label class="choice"><input type="radio" name="kind" value="<?cs var:name(k) ?>"<?cs if:Form.kind.value == name(k) ?> checked<?cs /if ?>> <?cs var:k ?></label>
        <?cs /each ?>
        <?cs call:field_error("kind") ?>
      </div>
      <?cs call:input("event_date", S.Departure.event_date, "date", 10, "") ?>
      <?cs call:input("note", S.Departure.note, "text", 200, "") ?>
      <button type="submit" id="departure-save"><?cs var:S.Departure.save ?></button>
    </fieldset>
  </form>
  <?cs /if ?>
  <h2><?cs var:S.Departure.list ?></h2>
  <?cs if:subcount(Departures) > 0 ?>
  <table class="list" id="departures">
    <thead><tr>
      <th scope="col"><?cs var:S.Departure.col_user ?></th>
      <th scope="col"><?cs var:S.Departure.col_agency ?></th>
      <th scope="col"><?cs var:S.Departure.col_kind ?></th>
      <th scope="col"><?cs var:S.Departure.col_date ?></th>
      <th scope="col"><?cs var:S.Departure.col_due ?></th>
      <th scope="col"><?cs var:S.Departure.col_state ?></th>
      <th scope="col"><?cs var:S.Departure.col_recorded ?></th>
    </tr></thead>
    <tbody>
    <?cs each:d = Departures ?>
      <tr class="departure-<?cs var:d.state ?>" data-user="<?cs var:d.username ?>">
        <td><?cs var:d.username ?>（<?cs var:d.real_name ?>）</td>
        <td><?cs var:d.agency ?></td>
        <td><?cs var:S.Departure.kind[d.kind] ?><?cs if:d.note ?>：<?cs var:d.note ?><?cs /if ?></td>
        <td><?cs var:d.event_date ?></td>
        <td><?cs var:d.due_date ?></td>
        <td class="state"><?cs var:S.Departure.state[d.state] ?><?cs if:d.state == "overdue" ?>（<?cs var:S.Departure.days_over ?><?cs var:d.days ?>）<?cs elif:d.state == "pending" ?>（<?cs var:S.Departure.days_left ?><?cs var:d.days ?>）<?cs else ?> <a href="/agency-forms/<?cs var:d.form_id ?>"><?cs var:S.Departure.form ?> <?cs var:d.form_id ?></a><?cs /if ?></td>
        <td><?cs var:d.recorded_by ?>（<?cs var:d.recorded_at ?>）</td>
      </tr>
    <?cs /each ?>
    </tbody>
  </table>
  <?cs else ?>
  <p class="notice" id="departures-none"><?cs var:S.Departure.none ?></p>
  <?cs /if ?>
</section>
<?cs /def ?>
