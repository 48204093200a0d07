<?cs include:"_field.cs" ?>
<?cs include:"_input.cs" ?>
<?cs def:title() ?><?cs var:S.Fi.title ?> <?cs var:Fi.name ?><?cs /def ?>
<?cs def:content() ?>
<section>
  <?cs if:Page.nav == "fis" ?><p><a href="/fis"><?cs var:S.Fi.back ?></a></p><?cs /if ?>
  <h1><?cs var:S.Fi.title ?>：<?cs var:Fi.name ?></h1>
  <?cs if:Done ?><p class="notice" id="done"><?cs var:Done ?></p><?cs /if ?>
  <dl class="facts" id="fi-facts">
    <dt><?cs var:S.Fi.name ?></dt><dd id="fi-name"><?cs var:Fi.name ?></dd>
    <dt><?cs var:S.Fi.kind ?></dt><dd id="fi-kind"><?cs var:S.FiKind[Fi.kind] ?></dd>
    <dt><?cs var:S.Fi.code ?></dt><dd id="fi-code"><?cs if:Fi.code ?><code><?cs var:Fi.code ?></code><?cs else ?>-<?cs /if ?></dd>
    <dt><?cs var:S.Fi.region ?></dt><dd id="fi-region"><?cs var:Fi.region_name ?>（<?cs var:Fi.region ?>）</dd>
    <dt><?cs var:S.Fi.parent ?></dt><dd id="fi-parent"><?cs if:Fi.parent_name ?><?cs var:Fi.parent_name ?><?cs else ?>-<?cs /if ?></dd>
    <dt><?cs var:S.Fi.address ?></dt><dd id="fi-address"><?cs if:Fi.address ?><?cs var:Fi.address ?><?cs else ?>-<?cs /if ?></dd>
    <dt><?cs var:S.Fi.created ?></dt><dd><?cs var:Fi.created ?></dd>
  </dl>
  <?cs if:Can.edit ?><p><a href="/fis/<?cs var:Fi.id ?>/edit" id="fi-edit"><?cs var:S.Fi.edit ?></a></p><?cs /if ?>

  <h2><?cs var:S.Fi.members ?></h2>
  <p class="muted"><?cs var:S.Fi.members_count ?><?cs var:Fi.managers ?> / <?cs var:Fi.officers ?></p>
  <?cs if:subcount(Members) > 0 ?>
  <table class="list" id="members">
    <thead><tr>
      <th scope="col"><?cs var:S.Users.col_username ?></th>
      <th scope="col"><?cs var:S.Users.col_real_name ?></th>
      <th scope="col"><?cs var:S.Fi.col_role ?></th>
      <th scope="col"><?cs var:S.Fi.department ?></th>
      <th scope="col"><?cs var:S.Account.contact ?></th>
      <th scope="col"><?cs var:S.Users.col_status ?></th>
      <th scope="col"><?cs var:S.Account.last_login ?></th>
    </tr></thead>
    <tbody>
    <?cs each:u = Members ?>
      <tr id="member-<?cs var:u.username ?>">
        <td><?cs if:Can.users ?><a href="/users/<?cs var:u.id ?>" class="user-link"><?cs var:u.username ?></a><?cs else ?><span class="user-name"><?cs var:u.username ?></span><?cs /if ?></td>
        <td><?cs var:u.real_name ?></td>
        <td><?cs if:u.manager ?><?cs var:S.Fi.manager ?><?cs else ?><?cs var:S.Fi.officer ?><?cs /if ?></td>
        <td><?cs if:u.department ?><?cs var:u.department ?><?cs else ?>-<?cs /if ?></td>
        <td><?cs var:u.contact ?></td>
        <td class="status-<?cs var:u.status ?>"><?cs var:S.Status[u.status] ?></td>
        <td><?cs if:u.last_login ?><?cs var:u.last_login ?><?cs else ?>-<?cs /if ?></td>
      </tr>
    <?cs /each ?>
    </tbody>
  </table>
  <?cs else ?>
  <p class="muted" id="no-members"><?cs var:S.Fi.no_members ?></p>
  <?cs /if ?>
  <p class="muted"><?cs if:Can.users ?><?cs var:S.Fi.members_hint_op ?><?cs else ?><?cs var:S.Fi.members_hint ?><?cs /if ?></p>

  <?cs if:Can.open_manager || Can.open_officer ?>
  <h2 id="open"><?cs if:Can.open_manager ?><?cs var:S.Fi.open_manager ?><?cs else ?><?cs var:S.Fi.open_officer ?><?cs /if ?></h2>
  <form method="post" action="/fis/<?cs var:Fi.id ?>/users" class="stack narrow" novalidate>
    <?cs call:csrf() ?>
    <?cs call:input("username", S.Fi.username, "text", 40, S.Fi.username_hint) ?>
    <?cs call:input("real_name", S.Users.col_real_name, "text", 50, "") ?>
    <?cs if:Can.open_officer ?><?cs call:input("department", S.Fi.department, "text", 50, "") ?><?cs /if ?>
    <?cs call:input("contact", S.Account.contact, "text", 100, S.Fi.contact_hint) ?>
    <button type="submit" id="fi-user-open"><?cs var:S.Fi.open ?></button>
  </form>

  <h2 id="close"><?cs if:Can.open_manager ?><?cs var:S.Fi.close_manager ?><?cs else ?><?cs var:S.Fi.close_officer ?><?cs /if ?></h2>
  <form method="post" action="/fis/<?cs var:Fi.id ?>/users/close" class="stack narrow" novalidate>
    <?cs call:csrf() ?>
    <div class="field<?cs if:Form.user_id.error ?> has-error<?cs /if ?>">
      <label for="user_id"><?cs var:S.Fi.close_who ?></label>
      <select id="user_id" name="user_id"<?cs call:invalid("user_id") ?>>
        <?cs each:u = Members ?><?cs if:u.can_close ?><option value="<?cs var:u.id ?>"<?cs if:Form.user_id.value == u.id ?> selected<?cs /if ?>><?cs var:u.real_name ?>（<?cs var:u.username ?>）</option><?cs /if ?>
        <?cs /each ?>
      </select>
      <?cs call:field_error("user_id") ?>
    </div>
    <div class="field<?cs if:Form.reason.error ?> has-error<?cs /if ?>">
      <label for="reason"><?cs var:S.Fi.close_reason ?></label>
      <textarea id="reason" name="reason" rows="2" maxlength="200"<?cs call:invalid("reason") ?>><?cs var:Form.reason.value ?></textarea>
      <?cs call:field_error("reason") ?>
    </div>
    <button type="submit" id="fi-user-close"><?cs var:S.Fi.close ?></button>
    <p class="hint"><?cs var:S.Fi.close_hint ?></p>
  </form>
  <?cs /if ?>

  <h2><?cs var:S.Fi.products ?></h2>
  <?cs if:subcount(FiProducts) > 0 ?>
  <ul id="fi-products">
    <?cs each:p = FiProducts ?><li><a href="/products/<?cs var:p.id ?>"><?cs var:p.name ?></a>（<?cs var:S.ProductKind[p.kind] ?>，<span class="status-<?cs var:p.status ?>"><?cs var:S.ProductStatus[p.status] ?></span>）</li>
    <?cs /each ?>
  </ul>
  <?cs else ?>
  <p class="muted" id="fi-no-products"><?cs var:S.Fi.no_products ?></p>
  <?cs /if ?>
  <p class="muted"><?cs var:S.Fi.audited ?></p>
</section>
<?cs /def ?>
