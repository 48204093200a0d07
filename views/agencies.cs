<?cs include:"_field.cs" ?>
<?cs include:"_pager.cs" ?>
<?cs def:title() ?><?cs var:S.Agencies.title ?><?cs /def ?>
<?cs def:content() ?>
<section>
  <h1><?cs var:S.Agencies.title ?></h1>
  <p class="muted"><?cs if:Agencies.scope == "440000" ?><?cs var:S.Agencies.scope_all ?><?cs else ?><?cs var:S.Agencies.scope_city ?><?cs var:Agencies.scope_name ?><?cs /if ?></p>
  <?cs if:Can.create ?><p><a href="/agencies/new" id="agency-new"><?cs var:S.Agencies.new ?></a></p><?cs /if ?>
  <form method="get" action="/agencies" class="inline search" novalidate>
    <div class="field<?cs if:Form.q.error ?> has-error<?cs /if ?>">
      <label for="q"><?cs var:S.Agencies.q ?></label>
      <input id="q" name="q" value="<?cs var:Form.q.value ?>" maxlength="50"<?cs call:invalid("q") ?>>
      <button type="submit"><?cs var:S.Agencies.search ?></button>
      <?cs call:field_error("q") ?>
      <?cs call:field_error("page") ?>
    </div>
  </form>
  <p id="agencies-total"><?cs var:S.Agencies.total ?><?cs var:Pager.total ?><?cs var:S.Agencies.total_unit ?></p>
  <?cs if:subcount(Agencies.rows) > 0 ?>
  <table class="list" id="agencies">
    <thead><tr>
      <th scope="col"><?cs var:S.Agency.name ?></th>
      <th scope="col"><?cs var:S.Agency.region ?></th>
      <th scope="col"><?cs var:S.Agency.net_name ?></th>
      <th scope="col"><?cs var:S.Agency.net_contact ?></th>
      <th scope="col"><?cs var:S.Agencies.col_users ?></th>
    </tr></thead>
    <tbody>
    <?cs each:a = Agencies.rows ?>
      <tr>
        <td><a href="/agencies/<?cs var:a.id ?>" class="agency-link"><?cs var:a.name ?></a></td>
        <td><?cs var:a.region_name ?>（<?cs var:a.region ?>）</td>
        <td><?cs if:a.net_name ?><?cs var:a.net_name ?><?cs else ?>-<?cs /if ?></td>
        <td><?cs if:a.net_contact ?><?cs var:a.net_contact ?><?cs else ?>-<?cs /if ?></td>
        <td><?cs var:a.users ?></td>
      </tr>
    <?cs /each ?>
    </tbody>
  </table>
  <?cs else ?>
  <p class="notice" id="agencies-none"><?cs var:S.Agencies.none ?></p>
  <?cs /if ?>
  <?cs call:pager() ?>
</section>
<?cs /def ?>
