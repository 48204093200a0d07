<?cs include:"_field.cs" ?>
<?cs include:"_objection.cs" ?>
<?cs def:title() ?><?cs var:S.Obj.title ?> <?cs var:Obj.id ?><?cs /def ?>
<?cs def:content() ?>
<section>
  <h1><?cs var:S.Obj.title ?> <span id="obj-id"><?cs var:Obj.id ?></span></h1>
  <?cs if:Done ?><p class="notice" id="done" role="status"><?cs var:S.Obj.done[Done] ?></p><?cs /if ?>
  <?cs if:Refused ?><p class="error" id="refused" role="alert"><?cs var:Refused ?></p><?cs /if ?>
  <dl class="facts" id="obj-facts">
    <dt><?cs var:S.Obj.enterprise ?></dt><dd><?cs var:Obj.ent ?>（<?cs var:Obj.uscc ?>）</dd>
    <dt><?cs var:S.Obj.status_label ?></dt><dd id="obj-status" data-status="<?cs var:Obj.status ?>"><?cs var:S.Obj.status[Obj.status] ?></dd>
    <dt><?cs var:S.Obj.clock ?></dt><dd id="obj-clock"><?cs call:obj_clock(Obj) ?></dd>
    <dt><?cs var:S.Obj.filed ?></dt><dd id="obj-filed"><?cs var:Obj.filed_at ?></dd>
    <?cs if:Obj.status == "filed" ?><dt><?cs var:S.Obj.accept_by ?></dt><dd id="obj-accept-by"><?cs var:Obj.accept_by ?></dd><?cs /if ?>
    <dt><?cs var:S.Obj.answerer ?></dt><dd id="obj-answerer"><?cs if:Obj.handler == "office" ?><?cs var:S.Obj.office ?> <?cs var:Obj.region ?><?cs if:Obj.agency ?>（<?cs var:S.Obj.taken_over ?>）<?cs /if ?><?cs else ?><?cs var:Obj.agency ?><?cs /if ?></dd>
    <dt><?cs var:S.Obj.kind_label ?></dt><dd id="obj-kind"><?cs var:S.Obj.kind[Obj.kind] ?></dd>
    <dt><?cs var:S.Obj.should_say ?></dt><dd id="obj-should-say" class="pre"><?cs var:Obj.should_say ?></dd>
    <dt><?cs var:S.Obj.reason ?></dt><dd id="obj-reason" class="pre"><?cs var:Obj.reason ?></dd>
    <?cs if:Obj.check_note ?><dt><?cs var:S.Obj.check_note ?></dt><dd id="obj-check-note" class="pre"><?cs var:Obj.check_note ?></dd><?cs /if ?>
    <?cs if:Obj.reply_no ?><dt><?cs var:S.Obj.reply ?></dt><dd id="obj-reply"><a href="/objections/<?cs var:Obj.id ?>/reply" id="reply-link"><?cs var:Obj.reply_no ?></a> <?cs var:S.Obj.outcome[Obj.status] ?></dd><?cs /if ?>
  </dl>
  <p class="no-print"><a href="/objections/<?cs var:Obj.id ?>/form" id="form-link"><?cs var:S.Obj.print_form ?></a></p>
  <h2><?cs var:S.Obj.subject ?></h2>
  <?cs call:obj_record() ?>
  <h2><?cs var:S.Obj.evidence ?></h2>
  <?cs if:subcount(Files) > 0 ?>
  <ul id="files"><?cs each:f = Files ?><li><a href="/objections/<?cs var:Obj.id ?>/files/<?cs var:f.id ?>" class="obj-file" data-file="<?cs var:f.id ?>"><?cs var:f.name ?></a> <span class="muted">（<?cs var:f.type ?>，<?cs var:f.size ?>）</span></li><?cs /each ?></ul>
  <?cs else ?><p class="muted" id="files-none"><?cs var:S.Obj.no_files ?></p><?cs /if ?>
  <h2><?cs var:S.Obj.history ?></h2>
  <?cs call:obj_history() ?>
  <?cs if:Can.any ?>
  <h2 id="steps"><?cs var:S.Obj.steps ?></h2>
  <?cs if:Can.take_over ?>
  <form method="post" action="/objections/<?cs var:Obj.id ?>/step" class="inline" id="form-take-over">
    <?cs call:csrf() ?><input type="hidden" name="version" value="<?cs var:Obj.version ?>"><input type="hidden" name="action" value="take_over">
    <button type="submit" id="take-over"><?cs var:S.Obj.action.take_over ?></button> <span class="muted"><?cs var:S.Obj.take_over_hint ?></span>
  </form>
  <?cs /if ?>
  <?cs if:Can.accept ?>
  <form method="post" action="/objections/<?cs var:Obj.id ?>/step" class="inline" id="form-accept">
    <?cs call:csrf() ?><input type="hidden" name="version" value="<?cs var:Obj.version ?>"><input type="hidden" name="action" value="accept">
    <button type="submit" id="accept"><?cs var:S.Obj.action.accept ?></button>
  </form>
  <?cs /if ?>
  <?cs if:Can.refuse || Can.check || Can.remove || Can.keep || Can.unconfirm || Can.correct ?>
  <form method="post" action="/objections/<?cs var:Obj.id ?>/step" class="stack" id="form-step" novalidate>
    <?cs call:csrf() ?><input type="hidden" name="version" value="<?cs var:Obj.version ?>">
    <?cs if:subcount(Correct) > 0 ?>
    <fieldset id="correct-values"><legend><?cs var:S.Obj.correct_values ?></legend>
    <?cs each:c = Correct ?>
      <div class="field<?cs if:Form[c.name].error ?> has-error<?cs /if ?>">
        <label for="<?cs var:c.name ?>"><?cs var:c.label ?></label>
        <input id="<?cs var:c.name ?>" name="<?cs var:c.name ?>" type="text" value="<?cs var:c.value ?>" maxlength="<?cs var:c.max ?>"<?cs call:invalid(c.name) ?>>
        <?cs call:field_error(c.name) ?>
      </div>
    <?cs /each ?>
    <?cs if:Correct_period ?><div class="field<?cs if:Form.period_end.error ?> has-error<?cs /if ?>">
        <label for="period_end"><?cs var:S.Credit.period_end ?></label>
        <input id="period_end" name="period_end" type="date" value="<?cs var:Correct_period ?>"<?cs call:invalid("period_end") ?>>
        <?cs call:field_error("period_end") ?>
      </div><?cs /if ?>
    <p class="hint"><?cs var:S.Obj.correct_hint ?></p>
    </fieldset>
    <?cs /if ?>
    <div class="field<?cs if:Form.note.error ?> has-error<?cs /if ?>">
      <label for="note"><?cs if:Can.check ?><?cs var:S.Obj.note_check ?><?cs elif:Can.refuse ?><?cs var:S.Obj.note_refuse ?><?cs else ?><?cs var:S.Obj.note_outcome ?><?cs /if ?></label>
      <textarea id="note" name="note" rows="4" maxlength="2000"<?cs call:invalid("note") ?>><?cs var:Form.note.value ?></textarea>
      <?cs call:field_error("note") ?>
    </div>
    <p>
    <?cs each:a = S.Obj.action ?><?cs if:name(a) != "accept" && name(a) != "take_over" && Can[name(a)] ?><button type="submit" name="action" value="<?cs var:name(a) ?>" id="do-<?cs var:name(a) ?>"><?cs var:a ?></button> <?cs /if ?><?cs /each ?>
    </p>
    <?cs if:Can.refuse ?><p class="muted"><?cs var:S.Obj.refuse_hint ?><?cs var:Obj.accept_by ?></p><?cs /if ?>
  </form>
  <?cs /if ?>
  <?cs /if ?>
  <p class="no-print"><a href="/objections"><?cs var:S.Obj.back ?></a></p>
</section>
<?cs /def ?>
