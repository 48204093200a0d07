<?cs include:"_field.cs" ?>
<?cs include:"_pager.cs" ?>
<?cs include:"_objection.cs" ?>
<?cs def:title() ?><?cs var:S.Obj.list_title ?><?cs /def ?>
<?cs def:content() ?>
<section>
  <h1><?cs var:S.Obj.list_title ?></h1>
  <p class="muted"><?cs if:User.role == "enterprise" ?><?cs var:S.Obj.scope_ent ?><?cs elif:User.role == "gov" ?><?cs var:S.Obj.scope_gov ?><?cs else ?><?cs var:S.Obj.scope_ops ?><?cs /if ?></p>
  <p class="muted" id="clock-rule"><?cs var:S.Obj.rule ?></p>
  <?cs if:User.role == "enterprise" ?><p><a class="button" href="/objections/new?subject=registration" id="object-registration"><?cs var:S.Obj.new_registration ?></a> <span class="muted"><?cs var:S.Obj.new_record_hint ?></span> <a href="/my-credit/report"><?cs var:S.Obj.to_report ?></a></p><?cs /if ?>
  <?cs if:Overdue.count > 0 ?><p class="notice" id="overdue-count"><strong class="flag-overdue"><?cs var:S.Obj.overdue_count ?><?cs var:Overdue.count ?><?cs var:S.Obj.count_unit ?></strong> <a href="/objections?status=overdue"><?cs var:S.Obj.show_overdue ?></a></p><?cs /if ?>
  <form method="get" action="/objections" class="inline search" novalidate>
    <div class="field">
      <label for="status"><?cs var:S.Obj.status_label ?></label>
      <select id="status" name="status">
        <option value=""><?cs var:S.Obj.any ?></option>
        <option value="open"<?cs if:Filter.status == "open" ?> selected<?cs /if ?>><?cs var:S.Obj.open ?></option>
        <option value="overdue"<?cs if:Filter.status == "overdue" ?> selected<?cs /if ?>><?cs var:S.Obj.overdue_only ?></option>
        <?cs each:s = S.Obj.status ?><option value="<?cs var:name(s) ?>"<?cs if:Filter.status == name(s) ?> selected<?cs /if ?>><?cs var:s ?></option>
        <?cs /each ?>
      </select>
      <button type="submit"><?cs var:S.Obj.filter ?></button>
      <?cs call:field_error("status") ?>
    </div>
  </form>
  <p id="objections-total"><?cs var:S.Obj.total ?><?cs var:Pager.total ?><?cs var:S.Obj.count_unit ?></p>
  <?cs if:subcount(Objections) > 0 ?>
  <table class="list" id="objections">
    <thead><tr>
      <th scope="col"><?cs var:S.Obj.no ?></th>
      <?cs if:User.role != "enterprise" ?><th scope="col"><?cs var:S.Obj.enterprise ?></th><?cs /if ?>
      <th scope="col"><?cs var:S.Obj.subject ?></th>
      <th scope="col"><?cs var:S.Obj.kind_label ?></th>
      <th scope="col"><?cs var:S.Obj.agency ?></th>
      <th scope="col"><?cs var:S.Obj.filed ?></th>
      <th scope="col"><?cs var:S.Obj.status_label ?></th>
      <th scope="col"><?cs var:S.Obj.clock ?></th>
    </tr></thead>
    <tbody>
    <?cs each:o = Objections ?>
      <tr data-objection="<?cs var:o.id ?>" class="status-<?cs var:o.status ?><?cs if:o.overdue ?> overdue<?cs /if ?>">
        <td><a href="/objections/<?cs var:o.id ?>" class="objection-link"><?cs var:o.id ?></a></td>
        <?cs if:User.role != "enterprise" ?><td><?cs var:o.ent ?></td><?cs /if ?>
        <td><?cs call:obj_subject(o) ?></td>
        <td><?cs var:S.Obj.kind[o.kind] ?></td>
        <td><?cs if:o.agency ?><?cs var:o.agency ?><?cs else ?><?cs var:S.Obj.office ?><?cs /if ?><?cs if:o.handler == "office" && o.agency ?><span class="muted">（<?cs var:S.Obj.taken_over ?>）</span><?cs /if ?></td>
        <td><?cs var:o.filed_day ?></td>
        <td class="obj-status"><?cs var:S.Obj.status[o.status] ?></td>
        <td class="clock"><?cs call:obj_clock(o) ?></td>
      </tr>
    <?cs /each ?>
    </tbody>
  </table>
  <?cs else ?>
  <p class="notice" id="objections-none"><?cs var:S.Obj.none ?></p>
  <?cs /if ?>
  <?cs call:pager() ?>
</section>
<?cs /def ?>
