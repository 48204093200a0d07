<?cs include:"_field.cs" ?>
<?cs include:"_input.cs" ?>
<?cs def:title() ?><?cs var:S.Cal.title ?> <?cs var:Cal.year ?><?cs /def ?>
<?cs def:content() ?>
<section>
  <h1><?cs var:Cal.year ?> <?cs var:S.Cal.title ?></h1>
  <p class="muted"><?cs var:S.Cal.intro ?></p>
  <?cs if:Done ?><p class="notice" id="done"><?cs var:S.Cal.done ?></p><?cs /if ?>
  <nav class="pager" aria-label="<?cs var:S.Cal.years ?>">
    <?cs if:Cal.prev ?><a rel="prev" href="/calendar?year=<?cs var:Cal.prev ?>" id="cal-prev"><?cs var:Cal.prev ?> <?cs var:S.Cal.year_unit ?></a><?cs /if ?>
    <span><?cs var:Cal.year ?> <?cs var:S.Cal.year_unit ?></span>
    <?cs if:Cal.next ?><a rel="next" href="/calendar?year=<?cs var:Cal.next ?>" id="cal-next"><?cs var:Cal.next ?> <?cs var:S.Cal.year_unit ?></a><?cs /if ?>
  </nav>
  <form method="get" action="/calendar" class="inline" novalidate>
    <div class="field<?cs if:Form.year.error ?> has-error<?cs /if ?>">
      <label for="year"><?cs var:S.Cal.year ?></label>
      <input id="year" name="year" type="number" value="<?cs if:Form.year.error ?><?cs var:Form.year.value ?><?cs else ?><?cs var:Cal.year ?><?cs /if ?>" min="1900" max="2999"<?cs call:invalid("year") ?>>
      <button type="submit"><?cs var:S.Cal.go ?></button>
      <?cs call:field_error("year") ?>
    </div>
  </form>
  <?cs if:Cal.empty ?>
  <p class="notice" id="cal-empty"><?cs var:S.Cal.empty ?></p>
  <?cs else ?>
  <table class="list" id="cal-days">
    <thead><tr>
      <th scope="col"><?cs var:S.Cal.col_date ?></th>
      <th scope="col"><?cs var:S.Cal.col_weekday ?></th>
      <th scope="col"><?cs var:S.Cal.col_kind ?></th>
      <th scope="col"><?cs var:S.Cal.col_name ?></th>
      <?cs if:Can.set ?><th scope="col"><?cs var:S.Cal.col_action ?></th><?cs /if ?>
    </tr></thead>
    <tbody>
    <?cs each:c = Cal.rows ?>
      <tr class="cal-<?cs var:c.kind ?>" id="day-<?cs var:c.date ?>"><td><?cs var:c.date ?></td><td><?cs var:S.Cal.wd[c.weekday] ?></td><td><?cs var:S.Cal.kind[c.kind] ?></td><td><?cs var:c.name ?></td><?cs if:Can.set ?><td>
          <form method="post" action="/calendar" class="action">
            <?cs call:csrf() ?>
            <input type="hidden" name="day" value="<?cs var:c.date ?>">
            <input type="hidden" name="kind" value="none">
            <button type="submit"><?cs var:S.Cal.remove ?></button>
          </form>
        </td><?cs /if ?></tr>
    <?cs /each ?>
    </tbody>
  </table>
  <?cs /if ?>

  <?cs if:Can.set ?>
  <h2><?cs var:S.Cal.set_title ?></h2>
  <form method="post" action="/calendar" class="stack" novalidate id="cal-set">
    <?cs call:csrf() ?>
    <?cs call:input("day", S.Cal.day, "date", 10, S.Cal.day_hint) ?>
    <div class="field<?cs if:Form.kind.error ?> has-error<?cs /if ?>">
      <label for="kind"><?cs var:S.Cal.col_kind ?></label>
      <select id="kind" name="kind"<?cs call:invalid("kind") ?>>
        <option value="holiday"<?cs if:Form.kind.value == "holiday" ?> selected<?cs /if ?>><?cs var:S.Cal.kind.holiday ?></option>
        <option value="workday"<?cs if:Form.kind.value == "workday" ?> selected<?cs /if ?>><?cs var:S.Cal.kind.workday ?></option>
        <option value="none"<?cs if:Form.kind.value == "none" ?> selected<?cs /if ?>><?cs var:S.Cal.kind.none ?></option>
      </select>
      <p class="hint"><?cs var:S.Cal.kind_hint ?></p>
      <?cs call:field_error("kind") ?>
    </div>
    <?cs call:input("name", S.Cal.col_name, "text", 40, S.Cal.name_hint) ?>
    <button type="submit" id="cal-save"><?cs var:S.Cal.save ?></button>
  </form>
  <p class="muted"><?cs var:S.Cal.audited ?></p>
  <?cs else ?>
  <p class="muted" id="cal-read-only"><?cs var:S.Cal.read_only ?></p>
  <?cs /if ?>
</section>
<?cs /def ?>
