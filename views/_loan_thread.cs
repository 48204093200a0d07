<?cs # The thread of a loan application (loan_messages.c, R-08.2d): included by loan.cs. ?>
  <h2 id="thread"><?cs var:S.Loan.thread ?></h2>
  <p class="muted"><?cs var:S.Loan.thread_intro ?></p>
  <?cs if:subcount(Messages) > 0 ?>
  <ol class="thread" id="messages">
  <?cs each:m = Messages ?>
    <li class="message from-<?cs var:m.org_kind ?><?cs if:m.own ?> own<?cs /if ?>" id="message-<?cs var:m.id ?>" data-org="<?cs var:m.org_kind ?>">
      <p class="message-head"><strong class="message-org"><?cs var:m.org ?></strong> <span class="message-user"><?cs var:m.user ?></span> <span class="muted message-at"><?cs var:m.at ?></span></p>
      <p class="message-body"><?cs var:m.body ?></p>
      <?cs if:subcount(m.Files) > 0 ?>
      <ul class="message-files">
      <?cs each:f = m.Files ?><li><a href="/loans/<?cs var:Loan.id ?>/files/<?cs var:f.id ?>" class="message-file" data-file="<?cs var:f.id ?>"><?cs var:f.name ?></a> <span class="muted">（<?cs var:f.type ?>，<?cs var:f.size ?>）</span></li>
      <?cs /each ?>
      </ul>
      <?cs /if ?>
    </li>
  <?cs /each ?>
  </ol>
  <?cs else ?>
  <p id="thread-none"><?cs var:S.Loan.thread_none ?></p>
  <?cs /if ?>
  <?cs if:Can.message ?>
  <form method="post" action="/loans/<?cs var:Loan.id ?>/messages" enctype="multipart/form-data" class="stack" id="message-form" novalidate>
    <?cs call:csrf() ?>
    <div class="field<?cs if:Form.body.error ?> has-error<?cs /if ?>">
      <label for="body"><?cs var:S.Loan.message_label ?></label>
      <textarea id="body" name="body" rows="4" maxlength="2000"<?cs call:invalid("body") ?>><?cs var:Form.body.value ?></textarea>
      <p class="hint"><?cs var:S.Loan.message_hint ?></p>
      <?cs call:field_error("body") ?>
    </div>
    <div class="field<?cs if:Form.file.error ?> has-error<?cs /if ?>">
      <label for="file"><?cs var:S.Loan.attach1 ?></label>
      <input id="file" name="file" type="file" accept=".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png"<?cs call:invalid("file") ?>>
      <?cs call:field_error("file") ?>
    </div>
    <div class="field<?cs if:Form.file2.error ?> has-error<?cs /if ?>">
      <label for="file2"><?cs var:S.Loan.attach2 ?></label>
      <input id="file2" name="file2" type="file" accept=".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png"<?cs call:invalid("file2") ?>>
      <?cs call:field_error("file2") ?>
    </div>
    <div class="field<?cs if:Form.file3.error ?> has-error<?cs /if ?>">
      <label for="file3"><?cs var:S.Loan.attach3 ?></label>
      <input id="file3" name="file3" type="file" accept=".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png"<?cs call:invalid("file3") ?>>
      <?cs call:field_error("file3") ?>
    </div>
    <p class="hint"><?cs var:S.Loan.attach_hint ?><?cs var:Msg.max_mb ?> MB。</p>
    <button type="submit" id="message-send"><?cs var:S.Loan.message_send ?></button>
  </form>
  <?cs elif:Msg.closed ?>
  <p class="muted" id="thread-closed"><?cs var:S.Loan.thread_closed ?></p>
  <?cs /if ?>
