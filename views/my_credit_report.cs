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
  <?cs if:Issue.nocode ?><p class="notice" id="report-nocode"><?cs var:S.Report.nocode ?><?cs var:Issue.nocode ?></p><?cs /if ?>
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
<?cs def:val(value, id) ?><?cs if:value ?><span<?cs if:id ?> id="<?cs var:id ?>"<?cs /if ?>><?cs var:value ?></span><?cs else ?><span class="muted"><?cs var:S.Profile.empty ?></span><?cs /if ?><?cs /def ?>
<article class="credit-report" id="report">
  <?cs # the frame's footer group is repeated at the foot of every printed
       sheet (a table's footer repeats on each page it spans): the number,
       the code and where to check it; on screen the frame is plain blocks ?>
  <table class="report-frame" role="presentation">
  <tfoot><tr><td><p class="report-footer" id="report-footer"><?cs var:S.Report.number ?> <?cs var:Report.number ?>　<?cs var:S.Report.code ?> <span class="code"><?cs var:Report.code ?></span>　<?cs var:S.Report.footer_verify ?> <?cs var:Report.verify_url ?></p></td></tr></tfoot>
  <tbody><tr><td>
  <p class="print-platform"><?cs var:S.site_name ?></p>
  <h1 class="print-title"><?cs var:S.Report.title ?></h1>
  <table class="print-form report-head">
    <tr><th><?cs var:S.Report.number ?></th><td id="report-number"><?cs var:Report.number ?></td><th><?cs var:S.Report.at ?></th><td id="report-at"><?cs var:Report.at ?></td></tr>
    <tr><th><?cs var:S.Report.code ?></th><td id="report-code" class="code"><?cs var:Report.code ?></td><th><?cs var:S.Report.valid_until ?></th><td><?cs var:Report.valid_until ?></td></tr>
  </table>
  <h2><?cs var:S.Report.facts ?></h2>
  <table class="print-form report-facts" id="report-facts">
    <tr><th><?cs var:S.Credit.col_name ?></th><td colspan="3" id="ent-name"><?cs var:Facts.name ?></td></tr>
    <tr><th><?cs var:S.Credit.col_uscc ?></th><td id="ent-uscc"><?cs var:Facts.uscc ?></td><th><?cs var:S.Field.region ?></th><td id="ent-region"><?cs var:Facts.region_name ?></td></tr>
    <tr><th><?cs var:S.Field.legal_name ?></th><td><?cs call:val(Facts.legal_name, "ent-legal") ?></td><th><?cs var:S.Field.reg_no ?></th><td><?cs call:val(Facts.reg_no, "ent-reg-no") ?></td></tr>
    <tr><th><?cs var:S.Field.reg_capital ?></th><td><?cs call:val(Facts.reg_capital, "") ?></td><th><?cs var:S.Field.org_form ?></th><td><?cs call:val(S.OrgForm[Facts.org_form], "") ?></td></tr>
    <tr><th><?cs var:S.Field.industry ?></th><td colspan="3"><?cs call:val(S.Industry[Facts.industry], "") ?></td></tr>
    <tr><th><?cs var:S.Field.address ?></th><td colspan="3"><?cs call:val(Facts.address, "ent-address") ?></td></tr>
  </table>
  <h2><?cs var:S.Report.summary ?></h2>
  <table class="print-form report-summary" id="report-summary">
    <thead><tr><th scope="col"><?cs var:S.Report.col_category ?></th><th scope="col"><?cs var:S.Report.col_count ?></th><th scope="col"><?cs var:S.Report.col_category ?></th><th scope="col"><?cs var:S.Report.col_count ?></th></tr></thead>
    <tbody>
    <?cs each:row = Summary ?><tr><?cs each:c = row ?><td class="cat" data-category="<?cs var:c.name ?>"><?cs var:c.name ?></td><td class="count"><?cs var:c.count ?></td><?cs /each ?><?cs if:subcount(row) < 2 ?><td></td><td></td><?cs /if ?></tr>
    <?cs /each ?>
    <tr class="total"><td><?cs var:S.Report.total ?></td><td class="count" id="report-total"><?cs var:RecordCount ?></td><td colspan="2"></td></tr>
    </tbody>
  </table>
  <h2><?cs var:S.Report.records ?></h2>
  <?cs call:credit_records() ?>
  <p class="print-note"><?cs var:S.Report.note ?></p>
  <p class="print-note" id="report-verify"><?cs var:S.Report.verify_note ?><?cs var:Report.verify_url ?><?cs var:S.Report.verify_note2 ?><br><?cs var:S.Report.digest ?>：<code class="digest" id="report-digest"><?cs var:Report.digest ?></code></p>
  <p class="print-end" id="report-end"><?cs var:S.Report.end_before ?><?cs var:RecordCount ?><?cs var:S.Report.end_after ?></p>
  </td></tr></tbody>
  </table>
</article>
<?cs /if ?>
<?cs /def ?>
