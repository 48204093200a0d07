<?cs include:"_field.cs" ?>
<?cs include:"_credit_records.cs" ?>
<?cs def:title() ?><?cs var:S.Loan.credit ?> - <?cs var:Ent.name ?><?cs /def ?>
<?cs def:content() ?>
<section>
  <p><a href="/loans/<?cs var:Loan.id ?>"><?cs var:S.Loan.back_one ?></a></p>
  <h1><?cs var:S.Loan.credit ?></h1>
  <dl class="facts" id="credit-ent">
    <dt><?cs var:S.Credit.col_name ?></dt><dd id="ent-name"><?cs var:Ent.name ?></dd>
    <dt><?cs var:S.Credit.col_uscc ?></dt><dd id="ent-uscc"><?cs var:Ent.uscc ?></dd>
    <dt><?cs var:S.Loan.number ?></dt><dd id="loan-number"><?cs var:Loan.number ?></dd>
    <dt><?cs var:S.Credit.purpose_legend ?></dt><dd><?cs var:S.Credit.purpose.loan ?></dd>
  </dl>
  <?cs if:Opened.id ?>
  <p class="notice ok" id="opened" data-query="<?cs var:Opened.id ?>"><?cs var:S.Credit.opened ?><?cs var:Opened.at ?><?cs var:S.Credit.opened_purpose ?><?cs var:S.Credit.purpose[Opened.purpose] ?>（<?cs var:Opened.text ?>）<?cs var:S.Credit.opened_no ?><?cs var:Opened.id ?></p>
  <?cs call:credit_records() ?>
  <?cs else ?>
  <p class="hint"><?cs var:S.Loan.credit_hint ?></p>
  <form method="post" action="/loans/<?cs var:Loan.id ?>/credit" class="inline">
    <?cs call:csrf() ?>
    <button type="submit" id="loan-credit-open"><?cs var:S.Loan.credit_open ?></button>
  </form>
  <?cs /if ?>
  <p class="muted" id="disclaimer"><?cs var:S.Loan.disclaimer ?></p>
</section>
<?cs /def ?>
