<?cs # Shared pieces of the objection pages (objections.c, issue 15). ?>
<?cs def:obj_clock(o) ?><?cs if:o.open ?><?cs if:o.overdue ?><strong class="flag-overdue obj-overdue"><?cs var:S.Obj.overdue ?><?cs var:o.overdue ?><?cs var:S.Obj.days_unit ?></strong><?cs else ?><span class="obj-left"><?cs var:S.Obj.left ?><span class="days-left"><?cs var:o.left ?></span><?cs var:S.Obj.days_unit ?></span><?cs /if ?>（<?cs var:S.Obj.due ?><?cs var:o.due ?>）<?cs else ?><span class="muted"><?cs var:S.Obj.closed ?><?cs var:o.closed_day ?></span><?cs /if ?><?cs /def ?>
<?cs def:obj_subject(o) ?><?cs if:o.subject == "registration" ?><?cs var:S.Obj.subject_registration ?><?cs else ?><?cs var:S.Obj.subject_record ?> <?cs var:o.record ?><?cs /if ?><?cs /def ?>
<?cs def:obj_record() ?>
<?cs if:Record.id ?>
<table class="credit-record obj-record" id="record" data-record="<?cs var:Record.id ?>">
  <caption><?cs var:S.Obj.record ?> <?cs var:Record.id ?>：<?cs var:Record.category ?><?cs if:Obj.marks ?> <strong class="objection-mark" id="mark"><?cs var:S.Obj.mark ?></strong><?cs /if ?><?cs if:!Record.shown ?> <span class="muted" id="record-removed"><?cs var:S.Obj.record_removed ?></span><?cs /if ?></caption>
  <tbody>
    <tr><th scope="row"><?cs var:Record.date_label ?></th><td><?cs var:Record.date ?></td></tr>
    <?cs if:Record.period_end ?><tr><th scope="row"><?cs var:S.Credit.period_end ?></th><td class="record-period"><?cs var:Record.period_end ?></td></tr><?cs /if ?>
    <?cs each:f = Record.fields ?><tr><th scope="row"><?cs var:f.label ?></th><td class="record-value"><?cs var:f.value ?></td></tr>
    <?cs /each ?>
    <tr><th scope="row"><?cs var:S.Credit.source ?></th><td class="record-agency"><?cs var:Record.agency ?></td></tr>
  </tbody>
</table>
<?cs else ?>
<p id="record-registration"><?cs var:S.Obj.subject_registration ?><?cs if:Obj.marks ?> <strong class="objection-mark" id="mark"><?cs var:S.Obj.mark ?></strong><?cs /if ?></p>
<?cs /if ?>
<?cs /def ?>
<?cs def:obj_history() ?>
  <?cs if:subcount(History) > 0 ?>
  <ol class="timeline" id="history">
  <?cs each:e = History ?>
    <li class="event event-<?cs var:e.action ?><?cs if:!e.this ?> other-objection<?cs /if ?>" data-action="<?cs var:e.action ?>" data-objection="<?cs var:e.objection ?>">
      <span class="muted"><?cs var:e.at ?></span>
      <strong><?cs var:S.Obj.ev[e.action] ?></strong>
      <?cs if:e.org ?><span class="event-org"><?cs var:e.org ?></span><?cs elif:e.org_kind == "system" ?><span class="event-org"><?cs var:S.Obj.system ?></span><?cs /if ?>
      <?cs if:e.user ?><span class="muted"><?cs var:e.user ?></span><?cs /if ?>
      <?cs if:!e.this ?><span class="muted">（<?cs var:S.Obj.other ?> <?cs var:e.objection ?>）</span><?cs /if ?>
      <?cs if:e.action == "remind" ?><span>：<?cs var:S.Obj.remind_left ?><?cs var:e.note ?><?cs var:S.Obj.days_unit ?></span><?cs elif:e.note ?><span class="event-note">：<?cs var:e.note ?></span><?cs /if ?>
      <?cs if:subcount(e.changes) > 0 ?>
      <table class="list changes">
        <thead><tr><th scope="col"><?cs var:S.Obj.col ?></th><th scope="col"><?cs var:S.Obj.before ?></th><th scope="col"><?cs var:S.Obj.after ?></th></tr></thead>
        <tbody><?cs each:c = e.changes ?><tr class="change"><td><?cs var:c.label ?></td><td class="old"><?cs var:c.old ?></td><td class="new"><?cs var:c.value ?></td></tr><?cs /each ?></tbody>
      </table>
      <?cs /if ?>
    </li>
  <?cs /each ?>
  </ol>
  <?cs /if ?>
<?cs /def ?>
