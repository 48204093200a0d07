<?cs include:"_field.cs" ?>
<?cs include:"_pager.cs" ?>
<?cs def:title() ?><?cs var:S.Audit.title ?><?cs /def ?>
<?cs def:filter(name, label, type, max) ?>
    <div class="field<?cs if:Form[name].error ?> has-error<?cs /if ?>">
      <label for="<?cs var:name ?>"><?cs var:label ?></label>
      <input id="<?cs var:name ?>" name="<?cs var:name ?>" value="<?cs var:Form[name].value ?>"<?cs if:type == "date" ?> placeholder="2026-01-31"<?cs /if ?> maxlength="<?cs var:max ?>"<?cs call:invalid(name) ?>>
      <?cs call:field_error(name) ?>
    </div>
<?cs /def ?>
<?cs def:content() ?>
<section>
  <h1><?cs var:S.Audit.title ?></h1>
  <p class="muted"><?cs if:Audit.scope == "440000" ?><?cs var:S.Audit.scope_all ?><?cs else ?><?cs var:S.Audit.scope_city ?><?cs var:Audit.scope_name ?><?cs /if ?></p>
  <form method="get" action="/audit" class="filters" novalidate>
    <?cs call:filter("user", S.Audit.f_user, "text", 40) ?>
    <?cs call:filter("action", S.Audit.f_action, "text", 40) ?>
    <div class="field<?cs if:Form.org.error ?> has-error<?cs /if ?>">
      <label for="org"><?cs var:S.Audit.f_org ?></label>
      <select id="org" name="org"<?cs call:invalid("org") ?>>
        <option value=""><?cs var:S.Audit.org_all ?></option>
        <?cs each:o = Audit.orgs ?><option value="<?cs var:o.value ?>"<?cs if:o.selected ?> selected<?cs /if ?>><?cs if:o.kind ?><?cs var:o.kind ?>：<?cs /if ?><?cs var:o.name ?></option>
        <?cs /each ?>
      </select>
      <?cs call:field_error("org") ?>
    </div>
    <?cs call:filter("from", S.Audit.f_from, "date", 10) ?>
    <?cs call:filter("to", S.Audit.f_to, "date", 10) ?>
    <?cs call:field_error("page") ?>
    <div class="field"><button type="submit"><?cs var:S.Audit.search ?></button></div>
  </form>
  <p class="muted"><?cs var:S.Audit.hint ?></p>
  <?cs if:!Audit.invalid ?>
  <p id="audit-total"><?cs var:S.Audit.total ?><?cs var:Pager.total ?><?cs var:S.Audit.total_unit ?>
    <a href="/audit.csv?<?cs var:Audit.query ?>" id="audit-csv"><?cs var:S.Audit.csv ?></a>
    <a href="/audit/verify" id="audit-verify-link"><?cs var:S.Audit.verify_link ?></a></p>
  <?cs if:subcount(Audit.rows) > 0 ?>
  <div class="table-scroll">
  <table class="list audit" id="audit">
    <thead><tr>
      <th scope="col"><?cs var:S.Audit.col_id ?></th>
      <th scope="col"><?cs var:S.Audit.col_at ?></th>
      <th scope="col"><?cs var:S.Audit.col_actor ?></th>
      <th scope="col"><?cs var:S.Audit.col_role ?></th>
      <th scope="col"><?cs var:S.Audit.col_org ?></th>
      <th scope="col"><?cs var:S.Audit.col_region ?></th>
      <th scope="col"><?cs var:S.Audit.col_portal ?></th>
      <th scope="col"><?cs var:S.Audit.col_addr ?></th>
      <th scope="col"><?cs var:S.Audit.col_action ?></th>
      <th scope="col"><?cs var:S.Audit.col_object ?></th>
      <th scope="col"><?cs var:S.Audit.col_outcome ?></th>
      <th scope="col"><?cs var:S.Audit.col_detail ?></th>
    </tr></thead>
    <tbody>
    <?cs each:a = Audit.rows ?>
      <tr class="outcome-<?cs var:a.outcome ?>">
        <td><?cs var:a.id ?></td>
        <td><?cs var:a.at ?></td>
        <td class="actor"><?cs if:a.actor ?><span class="uname"><?cs var:a.actor ?></span><?cs if:a.real_name ?> <span class="rname"><?cs var:a.real_name ?></span><?cs /if ?><?cs else ?>-<?cs /if ?></td>
        <td><?cs if:a.role_label ?><?cs var:a.role_label ?><?cs else ?><?cs var:a.role ?><?cs /if ?></td>
        <td><?cs if:a.org ?><a href="/audit?org=<?cs var:a.org ?>" title="<?cs var:a.org ?>"><?cs if:a.org_name ?><?cs var:a.org_name ?><?cs else ?><?cs var:a.org ?><?cs /if ?></a><?cs else ?>-<?cs /if ?></td>
        <?cs if:a.region ?><td title="<?cs var:a.region ?>"><?cs if:a.region_name ?><?cs var:a.region_name ?><?cs else ?><?cs var:a.region ?><?cs /if ?></td><?cs else ?><td>-</td><?cs /if ?>
        <td><?cs if:a.portal_label ?><?cs var:a.portal_label ?><?cs else ?><?cs var:a.portal ?><?cs /if ?></td>
        <td><?cs var:a.addr ?></td>
        <td><?cs if:a.action_label ?><?cs var:a.action_label ?> <?cs /if ?><code><?cs var:a.action ?></code></td>
        <td><?cs if:a.object_label ?><?cs var:a.object_label ?><?cs else ?><?cs var:a.object_type ?><?cs /if ?><?cs if:a.object_id ?> <?cs var:a.object_id ?><?cs /if ?></td>
        <td><?cs if:a.outcome_label ?><?cs var:a.outcome_label ?><?cs else ?><?cs var:a.outcome ?><?cs /if ?></td>
        <td><?cs var:a.detail ?></td>
      </tr>
    <?cs /each ?>
    </tbody>
  </table>
  </div>
  <?cs else ?>
  <p class="notice" id="audit-none"><?cs var:S.Audit.none ?></p>
  <?cs /if ?>
  <?cs call:pager() ?>
  <?cs /if ?>
</section>
<?cs /def ?>
