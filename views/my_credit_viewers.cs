<?cs include:"_obj_marks.cs" ?>
<?cs include:"_pager.cs" ?>
<?cs def:title() ?><?cs var:S.Viewers.title ?><?cs /def ?>
<?cs def:content() ?>
<section>
  <h1><?cs var:S.Viewers.title ?></h1>
  <p class="muted"><?cs var:Ent.name ?>（<?cs var:Ent.uscc ?>）</p>
  <p><?cs var:S.Viewers.intro ?></p>
  <p id="viewers-total"><?cs var:S.Viewers.total ?><?cs var:Pager.total ?><?cs var:S.Viewers.total_unit ?></p>
  <?cs if:subcount(Viewers) > 0 ?>
  <table class="list" id="viewers">
    <thead><tr>
      <th scope="col"><?cs var:S.Viewers.col_at ?></th>
      <th scope="col"><?cs var:S.Viewers.col_org ?></th>
      <th scope="col"><?cs var:S.Viewers.col_purpose ?></th>
    </tr></thead>
    <tbody>
    <?cs each:v = Viewers ?>
      <tr class="viewer" data-purpose="<?cs var:v.purpose ?>">
        <td><?cs var:v.at ?></td>
        <td class="org"><?cs var:v.org ?><?cs if:v.org_kind == "office" ?><span class="muted">（<?cs var:S.Viewers.office ?>）</span><?cs /if ?></td>
        <td class="purpose"><?cs var:S.Credit.purpose[v.purpose] ?><?cs if:v.text ?>：<?cs var:v.text ?><?cs /if ?></td>
      </tr>
    <?cs /each ?>
    </tbody>
  </table>
  <?cs else ?>
  <p class="notice" id="viewers-none"><?cs var:S.Viewers.none ?></p>
  <?cs /if ?>
  <?cs call:pager() ?>
  <p><a href="/my-credit"><?cs var:S.Viewers.back ?></a></p>
  <?cs call:obj_marks() ?>
</section>
<?cs /def ?>
