<?cs include:"_credit_records.cs" ?>
<?cs include:"_field.cs" ?>
<?cs def:title() ?><?cs if:NoGrant ?><?cs var:S.Report.denied_title ?><?cs elif:Issue.on ?><?cs var:S.Report.issue_title ?><?cs else ?><?cs var:S.Report.title ?> <?cs var:Report.number ?><?cs /if ?><?cs /def ?>
<?cs def:content() ?>
<?cs if:NoGrant ?>
<section class="error" id="no-grant">
  <h1><?cs var:S.Report.denied_title ?></h1>
  <p><?cs var:S.Report.denied ?></p>
  <p><a class="button" href="/my-credit"><?cs var:S.Report.denied_link ?></a></p>
</section>
<?cs elif:Issue.on ?>
<section id="report-issue">
  <h1><?cs var:S.Report.issue_title ?></h1>
  <p class="muted"><?cs var:Ent.name ?>（<?cs var:Ent.uscc ?>）</p>
  <?cs if:Issue.stale ?><p class="notice" id="report-stale"><?cs var:S.Report.stale ?><?cs var:Issue.stale ?></p><?cs /if ?>
  <p><?cs var:S.Report.issue_intro ?></p>
  <form method="post" action="/my-credit/report">
    <?cs call:csrf() ?>
    <button type="submit" id="report-issue-button"><?cs var:S.Report.issue ?></button>
  </form>
  <p><a href="/my-credit"><?cs var:S.Report.back ?></a></p>
</section>
<?cs else ?>
<div class="no-print print-bar">
  <p><?cs var:S.Report.print_hint ?></p>
  <p><a href="/my-credit"><?cs var:S.Report.back ?></a></p>
</div>
<article class="credit-report" id="report">
  <p class="print-platform"><?cs var:S.site_name ?></p>
  <h1 class="print-title"><?cs var:S.Report.title ?></h1>
  <table class="print-form report-head">
    <tr><th><?cs var:S.Report.number ?></th><td id="report-number"><?cs var:Report.number ?></td><th><?cs var:S.Report.at ?></th><td id="report-at"><?cs var:Report.at ?></td></tr>
    <tr><th><?cs var:S.Credit.col_name ?></th><td colspan="3" id="ent-name"><?cs var:Ent.name ?></td></tr>
    <tr><th><?cs var:S.Credit.col_uscc ?></th><td colspan="3" id="ent-uscc"><?cs var:Ent.uscc ?></td></tr>
    <tr><th><?cs var:S.Report.valid_until ?></th><td colspan="3"><?cs var:Report.valid_until ?></td></tr>
  </table>
  <h2><?cs var:S.Report.records ?></h2>
  <?cs call:credit_records() ?>
  <p class="print-note"><?cs var:S.Report.note ?></p>
</article>
<?cs /if ?>
<?cs /def ?>
