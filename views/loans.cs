<?cs include:"_field.cs" ?>
<?cs include:"_pager.cs" ?>
<?cs def:title() ?><?cs if:User.role == "enterprise" ?><?cs var:S.Loans.title_ent ?><?cs else ?><?cs var:S.Loans.title ?><?cs /if ?><?cs /def ?>
<?cs def:content() ?>
<section>
  <h1><?cs if:User.role == "enterprise" ?><?cs var:S.Loans.title_ent ?><?cs else ?><?cs var:S.Loans.title ?><?cs /if ?></h1>
  <p class="muted"><?cs if:User.role == "enterprise" ?><?cs var:S.Loans.scope_ent ?><?cs elif:User.role == "fi" ?><?cs var:S.Loans.scope_fi ?><?cs else ?><?cs var:S.Loans.scope_ops ?><?cs /if ?></p>
  <?cs if:Can.create ?><p><a class="button" href="/loans/new" id="loan-new"><?cs var:S.Loans.new ?></a></p><?cs /if ?>
  <form method="get" action="/loans" class="inline search" novalidate>
    <div class="field">
      <label for="status"><?cs var:S.Loans.status ?></label>
      <select id="status" name="status">
        <option value=""><?cs var:S.Loans.any ?></option>
        <?cs each:s = S.LoanStatus ?><option value="<?cs var:name(s) ?>"<?cs if:Form.status.value == name(s) ?> selected<?cs /if ?>><?cs var:s ?></option>
        <?cs /each ?>
      </select>
      <?cs if:Can.clock ?><label class="choice"><input type="checkbox" id="overdue" name="overdue" value="1"<?cs if:Filter.overdue ?> checked<?cs /if ?>> <?cs var:S.Loans.overdue_only ?></label><?cs /if ?>
      <?cs if:Can.mine ?><label class="choice"><input type="checkbox" id="mine" name="mine" value="1"<?cs if:Filter.mine ?> checked<?cs /if ?>> <?cs var:S.Loans.mine_only ?></label><?cs /if ?>
      <button type="submit"><?cs var:S.Loans.filter ?></button>
      <?cs call:field_error("status") ?><?cs call:field_error("page") ?>
    </div>
  </form>
  <?cs if:Can.clock ?><p class="muted" id="clock-rule"><?cs var:S.Loans.clock_rule ?></p><?cs /if ?>
  <p id="loans-total"><?cs var:S.Loans.total ?><?cs var:Pager.total ?><?cs var:S.Loans.total_unit ?></p>
  <?cs if:subcount(Loans) > 0 ?>
  <table class="list" id="loans">
    <thead><tr>
      <th scope="col"><?cs var:S.Loan.number ?></th>
      <?cs if:User.role != "enterprise" ?><th scope="col"><?cs var:S.Loan.enterprise ?></th><?cs /if ?>
      <th scope="col"><?cs var:S.Loan.amount ?></th>
      <th scope="col"><?cs var:S.Loan.term ?></th>
      <th scope="col"><?cs var:S.Loan.product ?></th>
      <th scope="col"><?cs var:S.Loan.fi ?></th>
      <th scope="col"><?cs var:S.Loans.status ?></th>
      <th scope="col"><?cs var:S.Loan.created ?></th>
      <?cs if:Can.clock ?><th scope="col"><?cs var:S.Loans.age ?></th><th scope="col"><?cs var:S.Loans.overdue ?></th><?cs /if ?>
    </tr></thead>
    <tbody>
    <?cs each:l = Loans ?>
      <tr data-loan="<?cs var:l.id ?>">
        <td><a href="/loans/<?cs var:l.id ?>" class="loan-link"><?cs var:l.number ?></a></td>
        <?cs if:User.role != "enterprise" ?><td><?cs var:l.ent_name ?></td><?cs /if ?>
        <td><?cs var:l.amount_wan ?> <?cs var:S.Loan.wan ?></td>
        <td><?cs var:l.term_months ?> <?cs var:S.Loan.months ?></td>
        <td><?cs if:l.product_name ?><?cs var:l.product_name ?><?cs else ?><?cs var:S.Loan.open ?><?cs /if ?></td>
        <td><?cs var:l.fi_name ?></td>
        <td class="status-<?cs var:l.status ?>"><?cs var:S.LoanStatus[l.status] ?></td>
        <td><?cs var:l.created ?></td>
        <?cs if:Can.clock ?><td class="age"><?cs var:l.age ?></td><td class="overdue"><?cs if:l.overdue ?><strong class="flag-overdue"><?cs var:S.Loans.overdue ?></strong>（<?cs var:S.Loans.overdue_days ?><span class="overdue-days"><?cs var:l.overdue ?></span>）<?cs /if ?></td><?cs /if ?>
      </tr>
    <?cs /each ?>
    </tbody>
  </table>
  <?cs else ?>
  <p class="notice" id="loans-none"><?cs var:S.Loans.none ?></p>
  <?cs /if ?>
  <?cs call:pager() ?>
  <p class="muted" id="disclaimer"><?cs var:S.Loan.disclaimer ?></p>
</section>
<?cs /def ?>
