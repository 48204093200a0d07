<?cs include:"_pager.cs" ?>
<?cs def:title() ?><?cs var:S.AForm.list_title ?><?cs /def ?>
<?cs def:content() ?>
<section>
  <h1><?cs var:S.AForm.list_title ?></h1>
  <p class="muted"><?cs var:S.AForm.list_intro ?></p>
  <p class="muted"><?cs if:Scope.agency ?><?cs var:S.AForm.scope_agency ?><?cs var:Scope.agency ?><?cs else ?><?cs var:S.AForm.scope_region ?><?cs var:Scope.region ?><?cs /if ?></p>
  <?cs if:Can.enter ?><p><a class="button" id="aform-new" href="/agency-forms/new"><?cs if:User.role == "gov" ?><?cs var:S.AForm.new ?><?cs else ?><?cs var:S.AForm.new_paper ?><?cs /if ?></a></p><?cs /if ?>
  <form method="get" action="/agency-forms" class="inline search" novalidate>
    <div class="field">
      <label for="status"><?cs var:S.AForm.filter ?></label>
      <select id="status" name="status">
        <option value=""><?cs var:S.AForm.filter_all ?></option>
        <?cs each:s = S.AForm.status ?><option value="<?cs var:name(s) ?>"<?cs if:Filter.status == name(s) ?> selected<?cs /if ?>><?cs var:s ?></option>
        <?cs /each ?>
      </select>
      <button type="submit"><?cs var:S.AForm.filter_go ?></button>
    </div>
  </form>
  <p id="aforms-total"><?cs var:S.AForm.total ?> <?cs var:Pager.total ?> <?cs var:S.AForm.total_unit ?></p>
  <?cs if:subcount(Forms) > 0 ?>
  <table class="list" id="aforms">
    <thead><tr>
      <th scope="col"><?cs var:S.AForm.col_id ?></th>
      <th scope="col"><?cs var:S.AForm.col_agency ?></th>
      <th scope="col"><?cs var:S.AForm.col_region ?></th>
      <th scope="col"><?cs var:S.AForm.col_apply_date ?></th>
      <th scope="col"><?cs var:S.AForm.col_lines ?></th>
      <th scope="col"><?cs var:S.AForm.col_status ?></th>
      <th scope="col"><?cs var:S.AForm.col_since ?></th>
    </tr></thead>
    <tbody>
    <?cs each:f = Forms ?>
      <tr>
        <td><a href="/agency-forms/<?cs var:f.id ?>" class="aform-link"><?cs var:f.id ?></a></td>
        <td><?cs var:f.agency ?></td>
        <td><?cs var:f.region ?></td>
        <td><?cs if:f.apply_date ?><?cs var:f.apply_date ?><?cs else ?>-<?cs /if ?></td>
        <td><?cs var:f.lines ?></td>
        <td class="aform-status-<?cs var:f.status ?>"><?cs var:S.AForm.status[f.status] ?></td>
        <td><?cs var:f.since ?></td>
      </tr>
    <?cs /each ?>
    </tbody>
  </table>
  <?cs else ?>
  <p class="notice" id="aforms-none"><?cs var:S.AForm.none ?></p>
  <?cs /if ?>
  <?cs call:pager() ?>
</section>
<?cs /def ?>
