<?cs include:"_objection.cs" ?>
<?cs def:title() ?><?cs var:S.Obj.reply_title ?> <?cs var:Obj.reply_no ?><?cs /def ?>
<?cs def:content() ?>
<?cs if:!Obj.reply_no ?>
<section>
  <h1><?cs var:S.Obj.reply_title ?></h1>
  <p class="notice" id="reply-none"><?cs var:S.Obj.reply_none ?></p>
  <p><a href="/objections/<?cs var:Obj.id ?>"><?cs var:S.Obj.back_one ?></a></p>
</section>
<?cs else ?>
<div class="no-print print-bar"><p><?cs var:S.Obj.print_hint ?></p><p><a href="/objections/<?cs var:Obj.id ?>"><?cs var:S.Obj.back_one ?></a></p></div>
<article class="obj-print" id="reply">
  <p class="print-platform"><?cs var:S.site_name ?></p>
  <h1 class="print-title"><?cs var:S.Obj.reply_title ?></h1>
  <p class="reply-no"><?cs var:S.Obj.reply_no ?><span id="reply-no"><?cs var:Obj.reply_no ?></span></p>
  <p><?cs var:Obj.ent ?>：</p>
  <p><?cs var:S.Obj.reply_p1 ?><?cs var:Obj.filed_day ?><?cs var:S.Obj.reply_p2 ?><?cs call:obj_subject(Obj) ?><?cs var:S.Obj.reply_p3 ?></p>
  <table class="print-form">
    <tr><th><?cs var:S.Obj.kind_label ?></th><td><?cs var:S.Obj.kind[Obj.kind] ?></td></tr>
    <tr><th><?cs var:S.Obj.should_say ?></th><td class="pre"><?cs var:Obj.should_say ?></td></tr>
    <?cs if:Obj.check_note ?><tr><th><?cs var:S.Obj.check_note ?></th><td class="pre"><?cs var:Obj.check_note ?></td></tr><?cs /if ?>
    <tr><th><?cs var:S.Obj.outcome_label ?></th><td id="reply-outcome"><?cs var:S.Obj.outcome[Obj.status] ?></td></tr>
    <tr><th><?cs var:S.Obj.outcome_note ?></th><td class="pre" id="reply-note"><?cs var:Obj.outcome_note ?></td></tr>
    <?cs if:Obj.corr_agency ?><tr><th><?cs var:S.Obj.corr_agency ?></th><td><?cs var:Obj.corr_agency ?></td></tr><?cs /if ?>
  </table>
  <?cs if:Obj.status == "corrected" ?><h2><?cs var:S.Obj.record_now ?></h2><?cs call:obj_record() ?><?cs /if ?>
  <p class="reply-from"><?cs if:Obj.handler == "office" ?><?cs var:S.Obj.office ?> <?cs var:Obj.region ?><?cs else ?><?cs var:Obj.agency ?><?cs /if ?></p>
  <p class="reply-date"><?cs var:Obj.closed_day ?></p>
</article>
<?cs /if ?>
<?cs /def ?>
