<?cs include:"_field.cs" ?>
<?cs def:title() ?><?cs var:S.Security.roles_title ?><?cs /def ?>
<?cs def:content() ?>
<section>
  <h1><?cs var:S.Security.roles_title ?></h1>
  <?cs if:Done ?><p class="notice" id="done"><?cs var:S.Security.roles_done ?></p><?cs /if ?>
  <?cs if:Refused ?><p class="notice error-text" id="refused"><?cs var:S.Security.roles_refused ?></p><?cs /if ?>
  <p class="muted"><?cs var:S.Security.roles_intro ?></p>
  <table class="list" id="role-perms">
    <thead><tr>
      <th scope="col"><?cs var:S.Staff.role ?></th>
      <?cs each:p = Perms ?><th scope="col"><?cs var:S.Perm[p.name] ?></th><?cs /each ?>
    </tr></thead>
    <tbody>
    <?cs each:ro = Roles ?>
      <tr id="role-<?cs var:ro.name ?>">
        <th scope="row"><?cs var:ro.label ?></th>
        <?cs each:c = ro.cells ?>
        <td class="cell-<?cs var:c.state ?>"><?cs if:c.state == "never" ?>-<?cs elif:c.state == "fixed" ?><?cs var:S.Security.fixed ?><?cs else ?><form method="post" action="/security/roles"><?cs call:csrf() ?><input type="hidden" name="role" value="<?cs var:ro.name ?>"><input type="hidden" name="perm" value="<?cs var:c.perm ?>"><?cs if:c.state == "held" ?><?cs var:S.Security.held ?> <input type="hidden" name="action" value="revoke"><button type="submit" class="secondary"><?cs var:S.Security.revoke ?></button><?cs else ?><?cs var:S.Security.not_held ?> <input type="hidden" name="action" value="grant"><button type="submit" class="secondary"><?cs var:S.Security.grant ?></button><?cs /if ?><?cs if:c.per_user ?><br><span class="muted"><?cs var:S.Security.per_user ?></span><?cs /if ?></form><?cs /if ?></td>
        <?cs /each ?>
      </tr>
    <?cs /each ?>
    </tbody>
  </table>
</section>
<?cs /def ?>
