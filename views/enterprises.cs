<?cs include:"_field.cs" ?>
<?cs include:"_pager.cs" ?>
<?cs def:title() ?><?cs var:S.Ents.title ?><?cs /def ?>
<?cs def:choose(name, label, cur, yes, no) ?>
    <div class="field">
      <label for="<?cs var:name ?>"><?cs var:label ?></label>
      <select id="<?cs var:name ?>" name="<?cs var:name ?>"<?cs call:invalid(name) ?>>
        <option value="any"<?cs if:cur == "any" ?> selected<?cs /if ?>><?cs var:S.Ents.any ?></option>
        <option value="yes"<?cs if:cur == "yes" ?> selected<?cs /if ?>><?cs var:yes ?></option>
        <?cs if:no ?><option value="no"<?cs if:cur == "no" ?> selected<?cs /if ?>><?cs var:no ?></option><?cs /if ?>
      </select>
      <?cs call:field_error(name) ?>
    </div>
<?cs /def ?>
<?cs def:content() ?>
<section>
  <h1><?cs var:S.Ents.title ?></h1>
  <p class="muted"><?cs if:Ents.scope == "440000" ?><?cs var:S.Ents.scope_all ?><?cs else ?><?cs var:S.Ents.scope_city ?><?cs var:Ents.scope_name ?><?cs /if ?></p>
  <p><a href="/enterprises/late" id="late-report"><?cs var:S.Ents.late_report ?></a></p>
  <form method="get" action="/enterprises" class="inline search" novalidate>
    <div class="field<?cs if:Form.q.error ?> has-error<?cs /if ?>">
      <label for="q"><?cs var:S.Ents.q ?></label>
      <input id="q" name="q" value="<?cs var:Form.q.value ?>" maxlength="100" aria-describedby="q-hint"<?cs call:invalid("q") ?>>
      <p class="hint muted" id="q-hint"><?cs var:S.Ents.q_hint ?></p>
      <?cs call:field_error("q") ?>
      <?cs call:field_error("page") ?>
    </div>
    <?cs call:choose("registered", S.Ents.registered, Ents.registered, S.Ents.reg_yes, S.Ents.reg_no) ?>
    <?cs call:choose("complete", S.Ents.complete, Ents.complete, S.Ents.complete_yes, S.Ents.complete_no) ?>
    <?cs call:choose("late", S.Ents.late, Ents.late, S.Ents.late_yes, "") ?>
    <button type="submit"><?cs var:S.Ents.search ?></button>
  </form>
  <?cs if:Pager.capped ?>
  <p id="ents-total" class="capped"><?cs var:S.Ents.capped ?></p>
  <?cs else ?>
  <p id="ents-total"><?cs var:S.Ents.total ?><?cs var:Pager.total ?><?cs var:S.Ents.total_unit ?></p>
  <?cs /if ?>
  <?cs if:subcount(Ents.rows) > 0 ?>
  <table class="list" id="enterprises">
    <thead><tr>
      <th scope="col"><?cs var:S.Ents.col_uscc ?></th>
      <th scope="col"><?cs var:S.Ents.col_name ?></th>
      <th scope="col"><?cs var:S.Ents.col_region ?></th>
      <th scope="col"><?cs var:S.Ents.col_registered ?></th>
      <th scope="col"><?cs var:S.Ents.col_complete ?></th>
      <th scope="col"><?cs var:S.Ents.col_late ?></th>
    </tr></thead>
    <tbody>
    <?cs each:e = Ents.rows ?>
      <tr>
        <td><a href="/enterprises/<?cs var:e.id ?>" class="ent-link"><?cs var:e.uscc ?></a></td>
        <td><?cs var:e.name ?></td>
        <td><?cs var:e.region_name ?>（<?cs var:e.region ?>）</td>
        <td class="registered-<?cs var:e.registered ?>"><?cs if:e.registered == "1" ?><?cs var:S.Ents.reg_yes ?><?cs else ?><?cs var:S.Ents.reg_no ?><?cs /if ?></td>
        <td class="complete-<?cs var:e.complete ?>"><?cs if:e.complete == "1" ?><?cs var:S.Ents.complete_yes ?><?cs else ?><?cs var:S.Ents.complete_no ?><?cs /if ?></td>
        <td class="late-count"><?cs var:e.late ?></td>
      </tr>
    <?cs /each ?>
    </tbody>
  </table>
  <?cs else ?>
  <p class="notice" id="ents-none"><?cs var:S.Ents.none ?></p>
  <?cs /if ?>
  <?cs call:pager() ?>
</section>
<?cs /def ?>
