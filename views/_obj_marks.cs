<?cs # The enterprise's information marked 有异议 (objections.c, issue 15):
     the self-view and 谁查询了我. ?>
<?cs def:obj_marks() ?>
  <section id="obj-marks">
  <h2><?cs var:S.Obj.marks_title ?></h2>
  <?cs if:subcount(ObjMarks) > 0 ?>
  <ul>
  <?cs each:m = ObjMarks ?>
    <li class="obj-mark" data-objection="<?cs var:m.id ?>"><strong class="objection-mark"><?cs var:S.Obj.mark ?></strong> <?cs if:m.subject == "registration" ?><?cs var:S.Obj.subject_registration ?><?cs else ?><?cs var:S.Obj.record ?> <?cs var:m.record ?><?cs /if ?>，<?cs var:S.Obj.mark_filed ?><?cs var:m.filed_day ?>，<?cs var:S.Obj.status[m.status] ?> <a href="/objections/<?cs var:m.id ?>"><?cs var:S.Obj.mark_link ?></a></li>
  <?cs /each ?>
  </ul>
  <?cs else ?>
  <p class="muted" id="obj-marks-none"><?cs var:S.Obj.marks_none ?></p>
  <?cs /if ?>
  <p><a href="/objections"><?cs var:S.Obj.marks_all ?></a></p>
  </section>
<?cs /def ?>
