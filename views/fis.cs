<?cs include:"_field.cs" ?>
<?cs include:"_pager.cs" ?>
<?cs def:title() ?><?cs var:S.Fis.title ?><?cs /def ?>
<?cs def:content() ?>
<section>
  <h1><?cs var:S.Fis.title ?></h1>
  <p class="muted"><?cs var:S.Fis.scope ?><?cs var:Fis.scope_name ?></p>
  <?cs if:Can.create ?><p><a href="/fis/new" id="fi-new"><?cs var:S.Fis.new ?></a></p><?cs /if ?>
  <form method="get" action="/fis" class="inline search" novalidate>
    <div class="field<?cs if:Form.q.error ?> has-error<?cs /if ?>">
      <label for="q"><?cs var:S.Fis.q ?></label>
      <input id="q" name="q" value="<?cs var:Form.q.value ?>" maxlength="50"<?cs call:invalid("q") ?>>
      <button type="submit"><?cs var:S.Fis.search ?></button>
      <?cs call:field_error("q") ?>
      <?cs call:field_error("page") ?>
    </div>
  </form>
  <p id="fis-total"><?cs var:S.Fis.total ?><?cs var:Pager.total ?><?cs var:S.Fis.total_unit ?></p>
  <?cs if:subcount(Fis.rows) > 0 ?>
  <table class="list" id="fis">
    <thead><tr>
      <th scope="col"><?cs var:S.Fi.name ?></th>
      <th scope="col"><?cs var:S.Fi.kind ?></th>
      <th scope="col"><?cs var:S.Fi.code ?></th>
      <th scope="col"><?cs var:S.Fi.region ?></th>
      <th scope="col"><?cs var:S.Fi.parent ?></th>
      <th scope="col"><?cs var:S.Fis.col_managers ?></th>
      <th scope="col"><?cs var:S.Fis.col_officers ?></th>
      <th scope="col"><?cs var:S.Fis.col_products ?></th>
    </tr></thead>
    <tbody>
    <?cs each:f = Fis.rows ?>
      <tr>
        <td><a href="/fis/<?cs var:f.id ?>" class="fi-link"><?cs var:f.name ?></a></td>
        <td><?cs var:S.FiKind[f.kind] ?></td>
        <td><?cs if:f.code ?><code><?cs var:f.code ?></code><?cs else ?>-<?cs /if ?></td>
        <td><?cs var:f.region_name ?></td>
        <td><?cs if:f.parent_name ?><?cs var:f.parent_name ?><?cs else ?>-<?cs /if ?></td>
        <td><?cs var:f.managers ?></td>
        <td><?cs var:f.officers ?></td>
        <td><?cs var:f.products ?></td>
      </tr>
    <?cs /each ?>
    </tbody>
  </table>
  <?cs else ?>
  <p class="notice" id="fis-none"><?cs var:S.Fis.none ?></p>
  <?cs /if ?>
  <?cs call:pager() ?>
</section>
<?cs /def ?>
