<?cs include:"_field.cs" ?>
<?cs include:"_pager.cs" ?>
<?cs def:title() ?><?cs var:S.Late.title ?><?cs /def ?>
<?cs def:content() ?>
<section>
  <p><a href="/enterprises"><?cs var:S.Ent.back ?></a></p>
  <h1><?cs var:S.Late.title ?></h1>
  <p class="muted"><?cs if:Late.scope == "440000" ?><?cs var:S.Ents.scope_all ?><?cs else ?><?cs var:S.Ents.scope_city ?><?cs var:Late.scope_name ?><?cs /if ?></p>
  <p><?cs var:S.Late.intro ?></p>
  <?cs call:field_error("page") ?>
  <p><a class="button" href="/enterprises/late.csv" id="late-csv" download><?cs var:S.Late.csv ?></a></p>
  <?cs if:Pager.capped ?>
  <p id="late-total" class="capped"><?cs var:S.Late.capped ?></p>
  <?cs else ?>
  <p id="late-total"><?cs var:S.Late.total ?><?cs var:Pager.total ?><?cs var:S.Late.total_unit ?></p>
  <?cs /if ?>
  <?cs if:subcount(Late.rows) > 0 ?>
  <table class="list" id="late-changes">
    <thead><tr>
      <th scope="col"><?cs var:S.Ents.col_uscc ?></th>
      <th scope="col"><?cs var:S.Ents.col_name ?></th>
      <th scope="col"><?cs var:S.Profile.h_field ?></th>
      <th scope="col"><?cs var:S.Profile.h_old ?></th>
      <th scope="col"><?cs var:S.Profile.h_new ?></th>
      <th scope="col"><?cs var:S.Profile.h_changed ?></th>
      <th scope="col"><?cs var:S.Profile.h_entered ?></th>
      <th scope="col"><?cs var:S.Late.col_days ?></th>
      <th scope="col"><?cs var:S.Late.col_days_late ?></th>
    </tr></thead>
    <tbody>
    <?cs each:c = Late.rows ?>
      <tr class="late">
        <td><a href="/enterprises/<?cs var:c.ent_id ?>" class="ent-link"><?cs var:c.uscc ?></a></td>
        <td><?cs var:c.name ?></td>
        <td><?cs var:c.field ?></td>
        <td><?cs var:c.old ?></td>
        <td><?cs var:c.new ?></td>
        <td><?cs var:c.changed_on ?></td>
        <td><?cs var:c.entered ?></td>
        <td><?cs var:c.days ?></td>
        <td class="days-late"><?cs var:c.days_late ?></td>
      </tr>
    <?cs /each ?>
    </tbody>
  </table>
  <?cs else ?>
  <p class="notice" id="late-none"><?cs var:S.Late.none ?></p>
  <?cs /if ?>
  <?cs call:pager() ?>
</section>
<?cs /def ?>
