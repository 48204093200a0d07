<?cs include:"_field.cs" ?>
<?cs def:title() ?><?cs var:S.SReq.one ?> <?cs var:Req.0.id ?><?cs /def ?>
<?cs def:content() ?>
<section>
  <p><a href="/users/requests"><?cs var:S.SReq.back ?></a></p>
  <?cs with:q = Req.0 ?>
  <h1><?cs var:S.SReq.one ?> <?cs var:q.id ?>：<?cs var:S.SReq.act[q.act] ?></h1>
  <?cs if:Done ?><p class="notice" id="done"><?cs var:Done ?></p><?cs /if ?>
  <?cs if:Refused ?><p class="notice error-text" id="refused"><?cs var:Refused ?></p><?cs /if ?>
  <dl class="facts">
    <dt><?cs var:S.SReq.col_status ?></dt><dd id="req-status" data-status="<?cs var:q.status ?>"><?cs var:S.SReq.status[q.status] ?></dd>
    <dt><?cs var:S.SReq.col_target ?></dt><dd id="req-target"><a href="/users/<?cs var:q.target_id ?>"><?cs var:q.target ?></a>（<?cs var:q.target_name ?>，<?cs var:S.Role[q.role] ?>，<?cs var:q.region ?>）</dd>
    <dt><?cs var:S.SReq.col_action ?></dt><dd id="req-action"><?cs var:S.SReq.act[q.act] ?></dd>
    <dt><?cs var:S.SReq.col_reason ?></dt><dd id="req-reason"><?cs var:q.reason ?></dd>
    <dt><?cs var:S.SReq.col_requester ?></dt><dd id="req-requester"><?cs var:q.requester ?>（<?cs var:q.requester_name ?>）</dd>
    <dt><?cs var:S.SReq.col_requested_at ?></dt><dd><?cs var:q.requested_at ?></dd>
    <?cs if:q.decider ?>
    <dt><?cs var:S.SReq.col_decider ?></dt><dd id="req-decider"><?cs var:q.decider ?></dd>
    <dt><?cs var:S.SReq.col_decided_at ?></dt><dd><?cs var:q.decided_at ?></dd>
    <dt><?cs var:S.SReq.col_note ?></dt><dd id="req-note"><?cs var:q.note ?></dd>
    <?cs /if ?>
  </dl>
  <?cs if:Can.decide ?>
  <div class="actions">
    <form method="post" action="/users/requests/<?cs var:q.id ?>/approve" class="action stack" id="req-approve" novalidate>
      <?cs call:csrf() ?>
      <div class="field<?cs if:Form.approve_note.error ?> has-error<?cs /if ?>">
        <label for="approve-note"><?cs var:S.SReq.col_note ?></label>
        <input type="text" id="approve-note" name="approve_note" maxlength="200" value="<?cs var:Form.approve_note.value ?>"<?cs call:invalid("approve_note") ?>>
        <?cs call:field_error("approve_note") ?>
      </div>
      <button type="submit"><?cs var:S.SReq.approve ?></button>
    </form>
    <form method="post" action="/users/requests/<?cs var:q.id ?>/refuse" class="action stack" id="req-refuse" novalidate>
      <?cs call:csrf() ?>
      <div class="field<?cs if:Form.refuse_note.error ?> has-error<?cs /if ?>">
        <label for="refuse-note"><?cs var:S.SReq.note ?></label>
        <input type="text" id="refuse-note" name="refuse_note" maxlength="200" value="<?cs var:Form.refuse_note.value ?>"<?cs call:invalid("refuse_note") ?>>
        <?cs call:field_error("refuse_note") ?>
      </div>
      <button type="submit"><?cs var:S.SReq.refuse ?></button>
    </form>
  </div>
  <?cs elif:Cannot ?>
  <p class="notice" id="cannot"><?cs var:Cannot ?></p>
  <?cs /if ?>
  <?cs /with ?>
</section>
<?cs /def ?>
