<?cs include:"_field.cs" ?>
<?cs include:"_input.cs" ?>
<?cs def:title() ?><?cs var:S.Staff.title ?><?cs /def ?>
<?cs def:content() ?>
<section>
  <h1><?cs var:S.Staff.title ?></h1>
  <p class="muted"><?cs var:S.Staff.intro ?></p>
  <h2><?cs var:S.Staff.new ?></h2>
  <form method="post" action="/staff" class="stack" id="staff-new" novalidate>
    <?cs call:csrf() ?>
    <?cs call:input("username", S.Staff.username, "text", 40, S.Staff.username_hint) ?>
    <div class="field<?cs if:Form.role.error ?> has-error<?cs /if ?>">
      <label for="role"><?cs var:S.Staff.role ?></label>
      <select id="role" name="role"<?cs call:invalid("role") ?>>
        <?cs each:o = Roles ?><option value="<?cs var:o.name ?>"<?cs if:Form.role.value == o.name ?> selected<?cs /if ?>><?cs var:o.label ?></option>
        <?cs /each ?>
      </select>
      <p class="hint"><?cs var:S.Staff.role_hint ?></p>
      <?cs call:field_error("role") ?>
    </div>
    <?cs call:input("region", S.Staff.region, "text", 6, S.Staff.region_hint) ?>
    <?cs call:input("real_name", S.Staff.real_name, "text", 50, "") ?>
    <?cs call:input("contact", S.Staff.contact, "text", 100, "") ?>
    <button type="submit"><?cs var:S.Staff.submit ?></button>
  </form>
  <h2><?cs var:S.Staff.list ?></h2>
  <table class="list" id="staff">
    <thead><tr>
      <th scope="col"><?cs var:S.Users.col_username ?></th>
      <th scope="col"><?cs var:S.Users.col_real_name ?></th>
      <th scope="col"><?cs var:S.Staff.role ?></th>
      <th scope="col"><?cs var:S.Staff.region ?></th>
      <th scope="col"><?cs var:S.Users.col_status ?></th>
    </tr></thead>
    <tbody>
    <?cs each:u = Staff ?>
      <tr>
        <td class="staff-username"><?cs var:u.username ?></td>
        <td><?cs var:u.real_name ?></td>
        <td class="role-<?cs var:u.role ?>"><?cs var:u.role_label ?></td>
        <td><?cs var:u.region_name ?></td>
        <td class="status-<?cs var:u.status ?>"><?cs var:S.Status[u.status] ?></td>
      </tr>
    <?cs /each ?>
    </tbody>
  </table>
</section>
<?cs /def ?>
