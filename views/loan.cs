<?cs include:"_field.cs" ?>
<?cs include:"_input.cs" ?>
<?cs def:title() ?><?cs var:S.Loan.title ?> <?cs var:Loan.number ?><?cs /def ?>
<?cs def:content() ?>
<section>
  <p><a href="/loans"><?cs var:S.Loan.back ?></a></p>
  <h1><?cs var:S.Loan.title ?>：<span id="loan-number"><?cs var:Loan.number ?></span></h1>
  <?cs if:Done ?><p class="notice" id="done"><?cs var:Done ?></p><?cs /if ?>
  <?cs if:Refused ?><p class="notice error" id="refused"><?cs var:Refused ?></p><?cs /if ?>
  <?cs if:subcount(Unwelcome) > 0 ?>
  <div class="notice error-text" id="loan-unwelcome"><p><strong><?cs var:S.Measures.unwelcome_on_loan ?></strong></p>
  <ul><?cs each:u = Unwelcome ?><li><a href="/measures/<?cs var:u.id ?>"><?cs var:S.Measures.one ?> <?cs var:u.id ?></a>：<?cs if:u.fi_name ?><?cs var:u.fi_name ?><?cs else ?><?cs var:S.Measures.platform ?><?cs /if ?>，<?cs var:u.starts_on ?> — <?cs if:u.ends_on ?><?cs var:u.ends_on ?><?cs else ?><?cs var:S.Measures.no_end ?><?cs /if ?>；<?cs var:u.reason ?></li><?cs /each ?></ul></div>
  <?cs /if ?>
  <?cs if:Loan.lost ?>
  <p id="loan-lost"><?cs var:S.Loan.lost ?></p>
  <?cs else ?>
  <p><?cs var:S.Loans.status ?>：<strong id="loan-status" class="status-<?cs var:Loan.status ?>"><?cs var:S.LoanStatus[Loan.status] ?></strong></p>
  <dl class="facts" id="loan-facts">
    <dt><?cs var:S.Loan.enterprise ?></dt><dd id="loan-ent"><?cs var:Loan.ent_name ?>（<?cs var:Loan.uscc ?>）</dd>
    <dt><?cs var:S.Loan.region ?></dt><dd><?cs var:Loan.region_name ?></dd>
    <dt><?cs var:S.Loan.amount ?></dt><dd id="loan-amount"><?cs var:Loan.amount_wan ?> <?cs var:S.Loan.wan ?></dd>
    <dt><?cs var:S.Loan.term ?></dt><dd id="loan-term"><?cs var:Loan.term_months ?> <?cs var:S.Loan.months ?></dd>
    <dt><?cs var:S.Loan.purpose ?></dt><dd id="loan-purpose"><?cs var:Loan.purpose ?></dd>
    <dt><?cs var:S.Loan.guarantee ?></dt><dd id="loan-guarantee"><?cs var:Loan.guarantee ?></dd>
    <dt><?cs var:S.Loan.product ?></dt><dd id="loan-product"><?cs if:Loan.product_name ?><?cs var:Loan.product_name ?><?cs else ?><?cs var:S.Loan.open ?><?cs /if ?></dd>
    <?cs if:Loan.fi_name ?><dt><?cs var:S.Loan.fi ?></dt><dd id="loan-fi"><?cs var:Loan.fi_name ?></dd><?cs /if ?>
    <?cs if:Loan.officer_name ?><dt><?cs var:S.Loan.officer ?></dt><dd id="loan-officer"><?cs var:Loan.officer_name ?></dd><?cs /if ?>
    <dt><?cs var:S.Loan.consent ?></dt><dd id="loan-consent"><?cs if:Loan.consent_live ?><?cs var:S.Loan.consent_live ?><?cs elif:Loan.consent_revoked_at ?><?cs var:S.Loan.consent_revoked ?><?cs var:Loan.consent_revoked_at ?><?cs else ?><?cs var:S.Loan.consent_none ?><?cs /if ?></dd>
    <?cs if:Loan.decided ?>
    <dt><?cs var:S.Loan.outcome ?></dt><dd id="loan-outcome"><?cs if:Loan.decline_reason ?><?cs var:S.LoanStatus.declined ?><?cs else ?><?cs var:S.LoanStatus.approved ?><?cs /if ?>（<?cs var:Loan.decided ?>）</dd>
    <?cs if:Loan.rate ?>
    <dt><?cs var:S.Loan.approved_amount ?></dt><dd id="loan-approved-amount"><?cs var:Loan.approved_amount_wan ?> <?cs var:S.Loan.wan ?>，<?cs var:Loan.approved_term_months ?> <?cs var:S.Loan.months ?></dd>
    <dt><?cs var:S.Loan.rate ?></dt><dd id="loan-rate"><?cs var:Loan.rate ?>%</dd>
    <?cs if:Loan.conditions ?><dt><?cs var:S.Loan.conditions ?></dt><dd id="loan-conditions"><?cs var:Loan.conditions ?></dd><?cs /if ?>
    <?cs /if ?>
    <?cs if:Loan.decline_reason ?><dt><?cs var:S.Loan.decline_reason ?></dt><dd id="loan-decline"><?cs var:S.LoanDecline[Loan.decline_kind] ?>：<?cs var:Loan.decline_reason ?></dd><?cs /if ?>
    <?cs /if ?>
    <?cs if:Loan.contract_no ?>
    <dt><?cs var:S.Loan.disbursed_amount ?></dt><dd id="loan-disbursed"><?cs var:Loan.disbursed_amount_wan ?> <?cs var:S.Loan.wan ?>（<?cs var:Loan.disbursed_on ?>）</dd>
    <dt><?cs var:S.Loan.contract_no ?></dt><dd id="loan-contract"><?cs var:Loan.contract_no ?></dd>
    <?cs /if ?>
  </dl>

  <?cs if:Can.edit || Can.withdraw || Can.revoke ?>
  <div class="actions">
    <?cs if:Can.edit ?><a class="button" href="/loans/<?cs var:Loan.id ?>/edit" id="loan-edit"><?cs var:S.Loan.edit ?></a><?cs /if ?>
    <?cs if:Can.withdraw ?><form method="post" action="/loans/<?cs var:Loan.id ?>/withdraw" class="inline"><?cs call:csrf() ?><button type="submit" id="loan-withdraw"><?cs var:S.Loan.withdraw ?></button></form><?cs /if ?>
    <?cs if:Can.revoke ?><form method="post" action="/loans/<?cs var:Loan.id ?>/revoke" class="inline"><?cs call:csrf() ?><button type="submit" id="loan-revoke"><?cs var:S.Loan.revoke ?></button></form><?cs /if ?>
  </div>
  <?cs /if ?>

  <?cs if:Loan.reclaim_from ?>
  <div class="actions" id="loan-reclaim">
    <?cs if:Can.republish ?>
    <form method="post" action="/loans/<?cs var:Loan.id ?>/republish" class="inline"><?cs call:csrf() ?><button type="submit" id="loan-republish"><?cs var:S.Loan.republish ?></button></form>
    <p class="hint"><?cs var:S.Loan.republish_hint ?></p>
    <?cs else ?>
    <p class="hint" id="loan-reclaim-from"><?cs var:S.Loan.reclaim_from ?><span id="reclaim-date"><?cs var:Loan.reclaim_from ?></span></p>
    <?cs /if ?>
  </div>
  <?cs /if ?>

  <?cs if:Can.take ?>
  <form method="post" action="/loans/<?cs var:Loan.id ?>/take" class="inline">
    <?cs call:csrf() ?><input type="hidden" name="version" value="<?cs var:Loan.version ?>">
    <button type="submit" id="loan-take"><?cs var:S.Loan.take ?></button>
    <p class="hint"><?cs var:S.Loan.take_hint ?></p>
  </form>
  <?cs /if ?>
  <?cs if:Can.credit ?><p><a class="button" href="/loans/<?cs var:Loan.id ?>/credit" id="loan-credit"><?cs var:S.Loan.credit ?></a></p><?cs /if ?>
  <?cs if:Can.assign ?>
  <h2><?cs var:S.Loan.assign ?></h2>
  <form method="post" action="/loans/<?cs var:Loan.id ?>/assign" class="stack narrow" novalidate>
    <?cs call:csrf() ?><input type="hidden" name="version" value="<?cs var:Loan.version ?>">
    <div class="field<?cs if:Form.officer_id.error ?> has-error<?cs /if ?>">
      <label for="officer_id"><?cs var:S.Loan.assign_label ?></label>
      <select id="officer_id" name="officer_id"<?cs call:invalid("officer_id") ?>>
        <?cs each:o = Officers ?><option value="<?cs var:o.id ?>"<?cs if:Form.officer_id.value == o.id ?> selected<?cs /if ?>><?cs var:o.name ?><?cs if:o.department ?>（<?cs var:o.department ?>）<?cs /if ?></option>
        <?cs /each ?>
      </select>
      <?cs call:field_error("officer_id") ?>
    </div>
    <button type="submit" id="loan-assign"><?cs var:S.Loan.assign ?></button>
  </form>
  <?cs /if ?>
  <?cs if:Can.decide ?>
  <h2><?cs var:S.Loan.decide ?></h2>
  <form method="post" action="/loans/<?cs var:Loan.id ?>/decide" class="stack narrow" novalidate>
    <?cs call:csrf() ?><input type="hidden" name="version" value="<?cs var:Loan.version ?>">
    <fieldset class="field<?cs if:Form.outcome.error ?> has-error<?cs /if ?>"><legend><?cs var:S.Loan.outcome_label ?></legend>
      <label class="choice"><input type="radio" name="outcome" value="approved"<?cs if:Form.outcome.value == "approved" ?> checked<?cs /if ?>> <?cs var:S.LoanStatus.approved ?></label>
      <label class="choice"><input type="radio" name="outcome" value="declined"<?cs if:Form.outcome.value == "declined" ?> checked<?cs /if ?>> <?cs var:S.LoanStatus.declined ?></label>
      <?cs call:field_error("outcome") ?>
    </fieldset>
    <?cs call:input("amount_wan", S.Loan.amount_label, "text", 7, "") ?>
    <?cs call:input("term_months", S.Loan.term_label, "text", 3, "") ?>
    <?cs call:input("rate", S.Loan.rate_label, "text", 6, S.Product.rate_hint) ?>
    <?cs call:input("conditions", S.Loan.conditions_label, "text", 500, "") ?>
    <div class="field<?cs if:Form.reason_kind.error ?> has-error<?cs /if ?>">
      <label for="reason_kind"><?cs var:S.Loan.reason_kind_label ?></label>
      <select id="reason_kind" name="reason_kind">
        <?cs each:k = S.LoanDecline ?><option value="<?cs var:name(k) ?>"<?cs if:Form.reason_kind.value == name(k) ?> selected<?cs /if ?>><?cs var:k ?></option>
        <?cs /each ?>
      </select>
      <?cs call:field_error("reason_kind") ?>
    </div>
    <?cs call:input("reason", S.Loan.decline_reason_label, "text", 500, "") ?>
    <button type="submit" id="loan-decide"><?cs var:S.Loan.decide_submit ?></button>
  </form>
  <?cs /if ?>
  <?cs if:Can.release ?>
  <h2><?cs var:S.Loan.release ?></h2>
  <form method="post" action="/loans/<?cs var:Loan.id ?>/release" class="stack narrow" novalidate>
    <?cs call:csrf() ?><input type="hidden" name="version" value="<?cs var:Loan.version ?>">
    <?cs if:!Can.decide ?><?cs call:input("reason", S.Loan.reason_label, "text", 500, "") ?><?cs else ?>
    <div class="field"><label for="release-reason"><?cs var:S.Loan.reason_label ?></label>
      <input id="release-reason" name="reason" type="text" maxlength="500"></div>
    <?cs /if ?>
    <button type="submit" id="loan-release"><?cs var:S.Loan.release ?></button>
  </form>
  <?cs /if ?>
  <?cs if:Can.disburse ?>
  <h2><?cs var:S.Loan.disburse ?></h2>
  <form method="post" action="/loans/<?cs var:Loan.id ?>/disburse" class="stack narrow" novalidate>
    <?cs call:csrf() ?><input type="hidden" name="version" value="<?cs var:Loan.version ?>">
    <?cs call:input("amount_wan", S.Loan.amount_label, "text", 7, "") ?>
    <?cs call:input("date", S.Loan.date_label, "date", 10, "") ?>
    <?cs call:input("contract_no", S.Loan.contract_label, "text", 50, "") ?>
    <button type="submit" id="loan-disburse"><?cs var:S.Loan.disburse ?></button>
  </form>
  <?cs /if ?>
  <?cs if:Can.not_taken ?>
  <form method="post" action="/loans/<?cs var:Loan.id ?>/not-taken" class="inline">
    <?cs call:csrf() ?><input type="hidden" name="version" value="<?cs var:Loan.version ?>">
    <button type="submit" id="loan-not-taken"><?cs var:S.Loan.not_taken ?></button>
  </form>
  <?cs /if ?>

  <?cs include:"_loan_suggest.cs" ?>
<?cs include:"_loan_thread.cs" ?>

  <h2><?cs var:S.Loan.timeline ?></h2>
  <table class="list" id="timeline">
    <thead><tr>
      <th scope="col"><?cs var:S.Loan.col_at ?></th>
      <th scope="col"><?cs var:S.Loan.col_step ?></th>
      <th scope="col"><?cs var:S.Loan.col_who ?></th>
      <th scope="col"><?cs var:S.Loan.col_note ?></th>
    </tr></thead>
    <tbody>
    <?cs each:e = Events ?>
      <tr class="event" data-action="<?cs var:e.action ?>">
        <td><?cs var:e.at ?></td>
        <td><?cs var:S.LoanAction[e.action] ?><?cs if:e.to && e.to != e.from ?>（<?cs var:S.LoanStatus[e.to] ?>）<?cs /if ?></td>
        <td class="who"><?cs var:e.org ?><?cs if:e.user ?> <?cs var:e.user ?><?cs /if ?></td>
        <td><?cs var:e.note ?></td>
      </tr>
    <?cs /each ?>
    </tbody>
  </table>
  <p class="muted"><?cs var:S.Loan.audited ?></p>
  <?cs /if ?>
  <p class="muted" id="disclaimer"><?cs var:S.Loan.disclaimer ?></p>
</section>
<?cs /def ?>
