<?cs include:"_field.cs" ?>
<?cs def:title() ?><?cs var:S.Agency.title ?> <?cs var:Agency.name ?><?cs /def ?>
<?cs def:content() ?>
<section>
  <?cs if:Page.nav == "agencies" ?><p><a href="/agencies"><?cs var:S.Agency.back ?></a></p><?cs /if ?>
  <h1><?cs var:S.Agency.title ?>：<?cs var:Agency.name ?></h1>
  <?cs if:Done ?><p class="notice" id="done"><?cs var:Done ?></p><?cs /if ?>
  <dl class="facts" id="agency-facts">
    <dt><?cs var:S.Agency.name ?></dt><dd id="agency-name"><?cs var:Agency.name ?></dd>
    <dt><?cs var:S.Agency.region ?></dt><dd id="agency-region"><?cs var:Agency.region_name ?>（<?cs var:Agency.region ?>）</dd>
    <dt><?cs var:S.Agency.dept_code ?></dt><dd id="agency-dept-code"><?cs if:Agency.dept_code ?><?cs var:Agency.dept_code ?><?cs else ?>-<?cs /if ?></dd>
    <dt><?cs var:S.Agency.address ?></dt><dd id="agency-address"><?cs if:Agency.address ?><?cs var:Agency.address ?><?cs else ?>-<?cs /if ?></dd>
    <dt><?cs var:S.Agency.created ?></dt><dd><?cs var:Agency.created ?></dd>
  </dl>
  <h2><?cs var:S.Agency.net ?></h2>
  <dl class="facts" id="agency-net">
    <dt><?cs var:S.Agency.net_name ?></dt><dd id="agency-net-name"><?cs if:Agency.net_name ?><?cs var:Agency.net_name ?><?cs else ?>-<?cs /if ?></dd>
    <dt><?cs var:S.Agency.net_title ?></dt><dd id="agency-net-title"><?cs if:Agency.net_title ?><?cs var:Agency.net_title ?><?cs else ?>-<?cs /if ?></dd>
    <dt><?cs var:S.Agency.net_contact ?></dt><dd id="agency-net-contact"><?cs if:Agency.net_contact ?><?cs var:Agency.net_contact ?><?cs else ?>-<?cs /if ?></dd>
  </dl>
  <?cs if:Can.edit ?><p><a href="/agencies/<?cs var:Agency.id ?>/edit" id="agency-edit"><?cs var:S.Agency.edit ?></a></p><?cs /if ?>

  <h2><?cs var:S.Agency.members ?></h2>
  <p class="muted"><?cs var:S.Agency.members_active ?><?cs var:Agency.users ?></p>
  <?cs if:subcount(Members) > 0 ?>
  <table class="list" id="members">
    <thead><tr>
      <th scope="col"><?cs var:S.Users.col_username ?></th>
      <th scope="col"><?cs var:S.Users.col_real_name ?></th>
      <th scope="col"><?cs var:S.Account.contact ?></th>
      <th scope="col"><?cs var:S.Users.col_status ?></th>
      <th scope="col"><?cs var:S.Account.last_login ?></th>
      <th scope="col"><?cs var:S.AForm.perms ?></th>
    </tr></thead>
    <tbody>
    <?cs each:u = Members ?>
      <tr>
        <td><?cs if:Can.users ?><a href="/users/<?cs var:u.id ?>" class="user-link"><?cs var:u.username ?></a><?cs else ?><span class="user-name"><?cs var:u.username ?></span><?cs /if ?></td>
        <td><?cs var:u.real_name ?></td>
        <td><?cs var:u.contact ?></td>
        <td class="status-<?cs var:u.status ?>"><?cs var:S.Status[u.status] ?></td>
        <td><?cs if:u.last_login ?><?cs var:u.last_login ?><?cs else ?>-<?cs /if ?></td>
        <td class="member-perms"><?cs if:u.view ?><?cs var:S.Perm.credit.view ?> <?cs /if ?><?cs if:u.import ?><?cs var:S.Perm.credit.import ?><?cs /if ?><?cs if:!u.view && !u.import ?><?cs var:S.Perm.none ?><?cs /if ?></td>
      </tr>
    <?cs /each ?>
    </tbody>
  </table>
  <?cs else ?>
  <p class="muted" id="no-members"><?cs var:S.Agency.no_members ?></p>
  <?cs /if ?>
  <p class="muted"><?cs var:S.Agency.members_hint ?></p>
  <h2><?cs var:S.Agency.sources ?></h2>
  <p class="muted"><?cs var:S.Agency.sources_hint ?></p>
  <table class="list" id="sources">
    <tbody>
    <?cs each:c = Sources ?>
      <tr id="source-<?cs var:c.id ?>">
        <td><?cs var:c.name ?></td>
        <td class="<?cs if:c.on ?>source-on<?cs else ?>source-off<?cs /if ?>"><?cs if:c.on ?><?cs var:S.Agency.source_on ?><?cs else ?><?cs var:S.Agency.source_off ?><?cs /if ?></td>
        <td><?cs if:Can.edit ?><form method="post" action="/agencies/<?cs var:Agency.id ?>/sources"><?cs call:csrf() ?><input type="hidden" name="category" value="<?cs var:c.id ?>"><?cs if:!c.on ?><input type="hidden" name="on" value="1"><?cs /if ?><button type="submit" class="secondary"><?cs if:c.on ?><?cs var:S.Agency.source_remove ?><?cs else ?><?cs var:S.Agency.source_add ?><?cs /if ?></button></form><?cs /if ?></td>
      </tr>
    <?cs /each ?>
    </tbody>
  </table>
  <h2><?cs var:S.Agency.forms ?></h2>
  <?cs if:Can.enter_form ?><p><a class="button" id="agency-new-form" href="/agency-forms/new<?cs if:User.role != "gov" ?>?agency=<?cs var:Agency.id ?><?cs /if ?>"><?cs var:S.AForm.new ?></a></p><?cs /if ?>
  <?cs if:subcount(AgencyForms.rows) > 0 ?>
  <table class="list" id="agency-forms">
    <thead><tr>
      <th scope="col"><?cs var:S.AForm.col_id ?></th>
      <th scope="col"><?cs var:S.AForm.col_apply_date ?></th>
      <th scope="col"><?cs var:S.AForm.col_status ?></th>
      <th scope="col"><?cs var:S.AForm.col_since ?></th>
    </tr></thead>
    <tbody>
    <?cs each:f = AgencyForms.rows ?>
      <tr>
        <td><a href="/agency-forms/<?cs var:f.id ?>"><?cs var:f.id ?></a></td>
        <td><?cs if:f.apply_date ?><?cs var:f.apply_date ?><?cs else ?>-<?cs /if ?></td>
        <td class="aform-status-<?cs var:f.status ?>"><?cs var:S.AForm.status[f.status] ?></td>
        <td><?cs var:f.since ?></td>
      </tr>
    <?cs /each ?>
    </tbody>
  </table>
  <?cs if:AgencyForms.total > subcount(AgencyForms.rows) ?><p class="muted"><?cs var:S.Agency.forms_more ?><?cs var:AgencyForms.total ?><?cs var:S.AForm.total_unit ?></p><?cs /if ?>
  <?cs else ?>
  <p class="muted" id="no-agency-forms"><?cs var:S.Agency.no_forms ?></p>
  <?cs /if ?>
</section>
<?cs /def ?>
