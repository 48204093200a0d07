<?cs include:"_field.cs" ?>
<?cs include:"_pager.cs" ?>
<?cs def:title() ?><?cs var:S.Credit.title ?><?cs /def ?>
<?cs def:content() ?>
<section>
  <h1><?cs var:S.Credit.title ?></h1>
  <p class="muted" id="credit-scope"><?cs if:Scope.region == "440000" ?><?cs if:User.role == "gov" ?><?cs var:S.Credit.scope_gov ?><?cs else ?><?cs var:S.Credit.scope_all ?><?cs /if ?><?cs else ?><?cs var:S.Credit.scope_city ?><?cs var:Scope.region_name ?><?cs /if ?></p>
  <p class="muted"><?cs var:S.Credit.logged ?></p>
  <form method="get" action="/credit" class="inline search" novalidate>
    <div class="field<?cs if:Form.q.error ?> has-error<?cs /if ?>">
      <label for="q"><?cs var:S.Credit.q ?></label>
      <input id="q" name="q" value="<?cs var:Form.q.value ?>" maxlength="100" aria-describedby="q-hint"<?cs call:invalid("q") ?>>
      <p class="hint muted" id="q-hint"><?cs var:S.Credit.q_hint ?></p>
      <?cs call:field_error("q") ?>
      <?cs call:field_error("page") ?>
    </div>
    <button type="submit"><?cs var:S.Credit.search ?></button>
  </form>
  <?cs if:Search.done ?>
  <?cs if:subcount(Results) > 0 ?>
  <p id="results-total"><?cs if:Pager.capped ?><?cs var:S.Credit.results_capped ?><?cs else ?><?cs var:S.Credit.results ?><?cs var:Pager.total ?><?cs var:S.Credit.results_unit ?><?cs /if ?></p>
  <table class="list" id="credit-results">
    <thead><tr>
      <th scope="col"><?cs var:S.Credit.col_uscc ?></th>
      <th scope="col"><?cs var:S.Credit.col_name ?></th>
      <th scope="col"><?cs var:S.Credit.col_region ?></th>
      <th scope="col"><?cs var:S.Credit.col_open ?></th>
    </tr></thead>
    <tbody>
    <?cs each:e = Results ?>
      <tr data-uscc="<?cs var:e.uscc ?>">
        <td><?cs var:e.uscc ?></td>
        <td><?cs var:e.name ?></td>
        <td><?cs var:e.region_name ?></td>
        <td><a href="/credit/<?cs var:e.id ?>" class="credit-open"><?cs var:S.Credit.open ?></a></td>
      </tr>
    <?cs /each ?>
    </tbody>
  </table>
  <?cs else ?>
  <p class="notice" id="results-none"><?cs var:S.Credit.results_none ?></p>
  <?cs /if ?>
  <?cs call:pager() ?>
  <?cs /if ?>
</section>
<?cs /def ?>
