<?cs include:"_field.cs" ?>
<?cs include:"_pager.cs" ?>
<?cs def:title() ?><?cs var:S.Users.title ?><?cs /def ?>
<?cs def:content() ?>
<section>
  <h1><?cs var:S.Users.title ?></h1>
  <p class="muted"><?cs if:Users.scope == "440000" ?><?cs var:S.Users.scope_all ?><?cs else ?><?cs var:S.Users.scope_city ?><?cs var:Users.scope_name ?><?cs /if ?></p>
  <form method="get" action="/users" class="inline search" novalidate>
    <div class="field<?cs if:Form.q.error ?> has-error<?cs /if ?>">
      <label for="q"><?cs var:S.Users.q ?></label>
      <input id="q" name="q" value="<?cs var:Form.q.value ?>" maxlength="50"<?cs call:invalid("q") ?>>
      <button type="submit"><?cs var:S.Users.search ?></button>
      <?cs call:field_error("q") ?>
      <?cs call:field_error("page") ?>
    </div>
  </form>
  <p id="users-total"><?cs var:S.Users.total ?><?cs var:Pager.total ?><?cs var:S.Users.total_unit ?></p>
  <?cs if:subcount(Users.rows) > 0 ?>
  <table class="list" id="users">
    <thead><tr>
      <th scope="col"><?cs var:S.Users.col_username ?></th>
      <th scope="col"><?cs var:S.Users.col_real_name ?></th>
      <th scope="col"><?cs var:S.Users.col_role ?></th>
      <th scope="col"><?cs var:S.Users.col_region ?></th>
      <th scope="col"><?cs var:S.Users.col_org ?></th>
      <th scope="col"><?cs var:S.Users.col_status ?></th>
    </tr></thead>
    <tbody>
    <?cs each:u = Users.rows ?>
      <tr>
        <td><a href="/users/<?cs var:u.id ?>" class="user-link"><?cs var:u.username ?></a></td>
        <td><?cs var:u.real_name ?></td>
        <td><?cs var:S.Role[u.role] ?></td>
        <td><?cs var:u.region_name ?>（<?cs var:u.region ?>）</td>
        <td><?cs var:u.org_name ?></td>
        <td class="status-<?cs var:u.status ?>"><?cs var:S.Status[u.status] ?></td>
      </tr>
    <?cs /each ?>
    </tbody>
  </table>
  <?cs else ?>
  <p class="notice" id="users-none"><?cs var:S.Users.none ?></p>
  <?cs /if ?>
  <?cs call:pager() ?>
</section>
<?cs /def ?>
