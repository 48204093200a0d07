<?cs include:"_field.cs" ?>
<?cs def:title() ?><?cs var:S.User.title ?> <?cs var:Target.username ?><?cs /def ?>
<?cs def:action(path, label) ?>
    <form method="post" action="/users/<?cs var:Target.id ?>/<?cs var:path ?>" class="action" id="act-<?cs var:path ?>">
      <?cs call:csrf() ?>
      <button type="submit"><?cs var:label ?></button>
    </form>
<?cs /def ?>
<?cs def:content() ?>
<section>
  <p><a href="/users"><?cs var:S.User.back ?></a></p>
  <h1><?cs var:S.User.title ?>：<?cs var:Target.username ?></h1>
  <?cs if:Done ?><p class="notice" id="done"><?cs var:Done ?></p><?cs /if ?>
  <?cs if:Refused ?><p class="notice error-text" id="refused"><?cs var:Refused ?></p><?cs /if ?>
  <dl class="facts">
    <dt><?cs var:S.User.id ?></dt><dd><?cs var:Target.id ?></dd>
    <dt><?cs var:S.Account.username ?></dt><dd id="user-username"><?cs var:Target.username ?></dd>
    <dt><?cs var:S.Account.real_name ?></dt><dd><?cs var:Target.real_name ?></dd>
    <dt><?cs var:S.Account.role ?></dt><dd id="user-role"><?cs var:S.Role[Target.role] ?></dd>
    <dt><?cs var:S.Account.region ?></dt><dd><?cs var:Target.region_name ?>（<?cs var:Target.region ?>）</dd>
    <dt><?cs var:S.Account.org ?></dt><dd><?cs var:Target.org_name ?></dd>
    <dt><?cs var:S.Account.contact ?></dt><dd><?cs var:Target.contact ?></dd>
    <dt><?cs var:S.User.status ?></dt><dd id="user-status"><?cs var:S.Status[Target.status] ?><?cs if:Target.status == "locked" && Target.locked_until ?>（<?cs var:S.User.locked_until ?> <?cs var:Target.locked_until ?>）<?cs /if ?></dd>
    <?cs if:Target.gov ?><dt><?cs var:S.Users.perms ?></dt><dd id="user-perms"><?cs if:Target.perms.view ?><span class="perm" id="perm-credit-view"><?cs var:S.Perm.credit.view ?></span> <?cs /if ?><?cs if:Target.perms.import ?><span class="perm" id="perm-credit-import"><?cs var:S.Perm.credit.import ?></span><?cs /if ?><?cs if:!Target.perms.view && !Target.perms.import ?><?cs var:S.Perm.none ?><?cs /if ?></dd><?cs /if ?>
    <?cs if:Target.status_reason ?><dt><?cs var:S.User.status_reason ?></dt><dd id="user-status-reason"><?cs var:Target.status_reason ?></dd><?cs /if ?>
    <dt><?cs var:S.User.must_change ?></dt><dd><?cs if:Target.must_change_pw == "1" ?><?cs var:S.User.yes ?><?cs else ?><?cs var:S.User.no ?><?cs /if ?></dd>
    <dt><?cs var:S.Account.pw_age ?></dt><dd><?cs var:Target.pw_age ?> <?cs var:S.Account.days ?></dd>
    <?cs if:Target.staff == "1" ?><dt><?cs var:S.Account.totp ?></dt><dd id="user-totp"><?cs if:Target.totp == "1" ?><?cs var:S.Account.totp_on ?><?cs else ?><?cs var:S.Account.totp_off ?><?cs /if ?></dd><?cs /if ?>
    <dt><?cs var:S.Account.last_login ?></dt><dd><?cs if:Target.last_login ?><?cs var:Target.last_login ?><?cs else ?>-<?cs /if ?></dd>
    <dt><?cs var:S.User.created ?></dt><dd><?cs var:Target.created ?></dd>
  </dl>

  <?cs if:Can.act ?>
  <h2><?cs var:S.User.actions ?></h2>
  <div class="actions">
    <?cs if:Can.unlock ?><?cs call:action("unlock", S.User.act.unlock) ?><?cs /if ?>
    <?cs if:Can.reset_pw ?><?cs call:action("reset-password", S.User.act.reset_pw) ?><?cs /if ?>
    <?cs if:Can.suspend ?>
    <form method="post" action="/users/<?cs var:Target.id ?>/suspend" class="action stack" id="act-suspend" novalidate>
      <?cs call:csrf() ?>
      <div class="field<?cs if:Form.reason.error ?> has-error<?cs /if ?>">
        <label for="suspend-reason"><?cs var:S.User.suspend_reason ?></label>
        <input type="text" id="suspend-reason" name="reason" maxlength="200" value="<?cs var:Form.reason.value ?>"<?cs call:invalid("reason") ?>>
        <?cs call:field_error("reason") ?>
        <?cs if:Target.gov == "1" ?><p class="muted" id="suspend-gov-hint"><?cs var:S.User.suspend_gov_hint ?></p><?cs /if ?>
      </div>
      <button type="submit"><?cs var:S.User.act.suspend ?></button>
    </form>
    <?cs /if ?>
    <?cs if:Can.reactivate ?><?cs call:action("reactivate", S.User.act.reactivate) ?><?cs /if ?>
    <?cs if:Can.totp_reset ?><?cs call:action("totp-reset", S.User.act.totp_reset) ?><?cs /if ?>
  </div>
  <?cs if:Rule.via_form ?><p class="notice" id="rule-via-form"><?cs var:S.User.rule_via_form ?></p><?cs /if ?>
  <?cs if:Rule.staff ?><p class="notice" id="rule-staff"><?cs var:S.User.rule_staff ?></p><?cs /if ?>
  <?cs if:Can.request ?>
  <h3><?cs var:S.User.ask_title ?></h3>
  <form method="post" action="/users/<?cs var:Target.id ?>/request" class="action stack" id="act-request" novalidate>
    <?cs call:csrf() ?>
    <div class="field<?cs if:Form.ask_action.error ?> has-error<?cs /if ?>">
      <label for="ask-action"><?cs var:S.User.ask_action ?></label>
      <select id="ask-action" name="ask_action"<?cs call:invalid("ask_action") ?>>
        <option value=""><?cs var:S.User.ask_choose ?></option>
        <?cs each:k = Ask ?><option value="<?cs var:k ?>"<?cs if:Form.ask_action.value == k ?> selected<?cs /if ?>><?cs var:S.User.act[name(k)] ?></option><?cs /each ?>
      </select>
      <?cs call:field_error("ask_action") ?>
    </div>
    <div class="field<?cs if:Form.ask_reason.error ?> has-error<?cs /if ?>">
      <label for="ask-reason"><?cs var:S.User.ask_reason ?></label>
      <input type="text" id="ask-reason" name="ask_reason" maxlength="200" value="<?cs var:Form.ask_reason.value ?>"<?cs call:invalid("ask_reason") ?>>
      <?cs call:field_error("ask_reason") ?>
    </div>
    <button type="submit"><?cs var:S.User.ask_submit ?></button>
  </form>
  <p class="muted"><?cs var:S.User.ask_hint ?></p>
  <?cs /if ?>
  <?cs if:Rule.staff ?><p><a href="/users/requests" id="ask-list"><?cs var:S.User.ask_list ?></a></p><?cs /if ?>
  <p class="muted"><?cs var:S.User.act_hint ?></p>
  <?cs elif:Target.self ?>
  <p class="muted"><?cs var:S.User.self ?></p>
  <?cs elif:User.role == "supervisor" ?>
  <p class="muted"><?cs var:S.User.read_only ?></p>
  <?cs /if ?>

  <h2><?cs var:S.User.history ?></h2>
  <?cs if:subcount(History) > 0 ?>
  <table class="list" id="history">
    <thead><tr>
      <th scope="col"><?cs var:S.Audit.col_at ?></th>
      <th scope="col"><?cs var:S.Audit.col_actor ?></th>
      <th scope="col"><?cs var:S.Audit.col_action ?></th>
      <th scope="col"><?cs var:S.Audit.col_object ?></th>
      <th scope="col"><?cs var:S.Audit.col_outcome ?></th>
      <th scope="col"><?cs var:S.Audit.col_addr ?></th>
      <th scope="col"><?cs var:S.Audit.col_detail ?></th>
    </tr></thead>
    <tbody>
    <?cs each:h = History ?>
      <tr>
        <td><?cs var:h.at ?></td>
        <td><?cs if:h.actor ?><?cs var:h.actor ?><?cs else ?>-<?cs /if ?></td>
        <td><?cs if:h.action_label ?><?cs var:h.action_label ?><?cs else ?><?cs var:h.action ?><?cs /if ?> <code><?cs var:h.action ?></code></td>
        <td><?cs var:h.object_type ?><?cs if:h.object_id ?>:<?cs var:h.object_id ?><?cs /if ?></td>
        <td><?cs if:h.outcome_label ?><?cs var:h.outcome_label ?><?cs else ?><?cs var:h.outcome ?><?cs /if ?></td>
        <td><?cs var:h.addr ?></td>
        <td><?cs var:h.detail ?></td>
      </tr>
    <?cs /each ?>
    </tbody>
  </table>
  <?cs else ?>
  <p class="muted"><?cs var:S.User.no_history ?></p>
  <?cs /if ?>
</section>
<?cs /def ?>
