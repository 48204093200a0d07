<?cs def:title() ?><?cs var:S.AForm.form_title ?><?cs if:AForm.blank ?>（<?cs var:S.AForm.blank ?>）<?cs else ?> No. <?cs var:AForm.id ?><?cs /if ?><?cs /def ?>
<?cs def:ymd(p) ?><span class="ymd"><?cs if:p.y ?><?cs var:p.y ?><?cs else ?>&emsp;&emsp;<?cs /if ?> <?cs var:S.AForm.year ?> <?cs if:p.m ?><?cs var:p.m ?><?cs else ?>&emsp;<?cs /if ?> <?cs var:S.AForm.month ?> <?cs if:p.d ?><?cs var:p.d ?><?cs else ?>&emsp;<?cs /if ?> <?cs var:S.AForm.day ?></span><?cs /def ?>
<?cs def:box(on) ?><?cs if:on ?>☑<?cs else ?>□<?cs /if ?><?cs /def ?>
<?cs def:copy(which, label) ?>
<article class="print-copy" id="copy-<?cs var:which ?>">
  <p class="copy-label"><?cs var:label ?><?cs if:which == "pboc" && AForm.office_name ?>（<?cs var:AForm.office_name ?>）<?cs /if ?><?cs if:AForm.id ?>　No. <?cs var:AForm.id ?><?cs else ?>　No. ________<?cs /if ?></p>
  <p class="print-platform"><?cs var:S.AForm.platform ?></p>
  <h1 class="print-title"><?cs var:S.AForm.form_title ?></h1>
  <table class="print-form">
    <tbody>
    <tr><th><?cs var:S.AForm.unit ?></th><td colspan="3"><?cs var:AForm.agency_name ?></td></tr>
    <tr><th><?cs var:S.AForm.apply_date ?></th><td colspan="3"><?cs call:ymd(AForm.apply) ?></td></tr>
    <?cs each:l = AForm.lines ?>
    <tr><th rowspan="4"><?cs var:S.AForm.user_label ?>（<?cs var:l.letter ?>）<?cs var:S.AForm.info ?></th><td class="sub"><?cs var:S.AForm.name ?></td><td colspan="2"><?cs var:l.name ?></td></tr>
    <tr><td class="sub"><?cs var:S.AForm.title ?></td><td colspan="2"><?cs var:l.title ?></td></tr>
    <tr><td class="sub"><?cs var:S.AForm.contact ?></td><td colspan="2"><?cs var:l.contact ?></td></tr>
    <tr><td class="sub"><?cs var:S.AForm.op ?></td><td colspan="2"><?cs call:box(l.op == "open") ?><?cs var:S.AForm.op.open ?>　<?cs call:box(l.op == "revoke") ?><?cs var:S.AForm.op.revoke ?>　<?cs call:box(l.op == "reset") ?><?cs var:S.AForm.op.reset ?><?cs if:l.target ?>（<?cs var:l.target ?>）<?cs elif:AForm.blank ?>（<?cs var:S.AForm.username ?>：________）<?cs /if ?><?cs if:l.op == "open" || AForm.blank ?><br><?cs var:S.AForm.perms ?>：<?cs call:box(l.view) ?><?cs var:S.Perm.credit.view ?>　<?cs call:box(l.import) ?><?cs var:S.Perm.credit.import ?><?cs /if ?></td></tr>
    <?cs /each ?>
    <tr><th rowspan="3"><?cs var:S.AForm.net ?></th><td class="sub"><?cs var:S.AForm.name ?></td><td colspan="2"><?cs var:AForm.net_name ?></td></tr>
    <tr><td class="sub"><?cs var:S.AForm.title ?></td><td colspan="2"><?cs var:AForm.net_title ?></td></tr>
    <tr><td class="sub"><?cs var:S.AForm.contact ?></td><td colspan="2"><?cs var:AForm.net_contact ?></td></tr>
    </tbody>
    <?cs # the opinion and the PBoC's part with its signature rows: kept on
         one sheet (page-break-inside: avoid), never a page of their own ?>
    <tbody class="sign-block">
    <tr><td colspan="4" class="opinion">
      <p><?cs var:S.AForm.opinion ?>：</p>
      <p class="indent"><?cs var:AForm.opinion ?></p>
      <p class="sign"><?cs var:S.AForm.resp_sign ?><?cs var:AForm.resp_name ?></p>
      <p class="date"><?cs call:ymd(AForm.opinion_on) ?></p>
    </td></tr>
    <tr><td colspan="4" class="pboc-part"><?cs var:S.AForm.pboc_part ?></td></tr>
    <tr><th><?cs var:S.AForm.result ?></th><td colspan="3"><?cs call:box(AForm.status == "approved" || AForm.status == "executed") ?> <?cs var:S.AForm.agree ?>　　<?cs call:box(AForm.status == "returned") ?> <?cs var:S.AForm.return ?></td></tr>
    <?cs each:l = AForm.lines ?><?cs if:l.op != "revoke" ?>
    <tr><th><?cs var:S.AForm.admin ?>（<?cs var:l.letter ?>）<br><?cs var:S.AForm.admin_creds ?></th><td colspan="3" class="creds">
      <?cs if:l.username ?><?cs var:S.AForm.username ?>：<code class="username"><?cs var:l.username ?></code>　<?cs var:S.AForm.password ?>：<?cs if:l.password ?><code class="otp"><?cs var:l.password ?></code><?cs else ?><span class="masked"><?cs var:S.AForm.masked ?></span><?cs /if ?><?cs /if ?>
    </td></tr>
    <?cs /if ?><?cs /each ?>
    <tr><th><?cs var:S.AForm.sup_opinion ?></th><td colspan="3"><p><?cs var:AForm.sup_opinion ?><?cs if:AForm.approved_name ?>（<?cs var:AForm.approved_name ?>）<?cs /if ?></p><p class="date"><?cs call:ymd(AForm.approved_on) ?></p></td></tr>
    <tr><th><?cs var:S.AForm.op_sign ?></th><td colspan="3"><p><?cs var:AForm.executed_name ?></p><p class="date"><?cs call:ymd(AForm.executed_on) ?></p></td></tr>
    </tbody>
  </table>
  <p class="print-note"><?cs var:S.AForm.note ?></p>
</article>
<?cs /def ?>
<?cs def:content() ?>
<div class="no-print print-bar">
  <?cs if:AForm.fresh ?><p class="notice" id="fresh"><?cs var:S.AForm.fresh ?></p><?cs /if ?>
  <?cs if:AForm.blank ?>
  <p id="blank-how"><?cs var:S.AForm.blank_how ?></p>
  <p><a href="/"><?cs var:S.AForm.blank_back ?></a></p>
  <?cs else ?>
  <p><a href="/agency-forms/<?cs var:AForm.id ?>"><?cs var:S.AForm.print_back ?></a></p>
  <?cs /if ?>
</div>
<?cs call:copy("agency", S.AForm.copy_agency) ?>
<?cs call:copy("pboc", S.AForm.copy_pboc) ?>
<?cs /def ?>
