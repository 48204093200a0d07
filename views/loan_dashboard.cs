<?cs def:title() ?><?cs var:S.LoanDash.title ?><?cs /def ?>
<?cs def:content() ?>
<section>
  <h1><?cs var:S.LoanDash.title ?></h1>
  <p class="muted"><?cs var:S.Loans.scope_fi ?></p>
  <h2 id="loans-waiting-title"><?cs var:S.LoanDash.waiting ?>（<a href="/loans?status=published" id="loans-waiting-count"><?cs var:Dash.loans_waiting ?></a>）</h2>
  <?cs if:Dash.manager ?>
  <h2 id="loans-overdue-title"><?cs var:S.Dash.loans_overdue ?>（<a href="/loans?overdue=1" id="loans-overdue-count"><?cs var:Dash.loans_overdue ?></a>）</h2>
  <?cs /if ?>
  <p class="muted" id="clock-rule"><?cs var:S.Loans.clock_rule ?></p>
</section>
<?cs /def ?>
