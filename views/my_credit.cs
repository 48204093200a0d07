<?cs include:"_obj_marks.cs" ?>
<?cs include:"_field.cs" ?>
<?cs def:title() ?><?cs var:S.MyCredit.title ?><?cs /def ?>
<?cs def:content() ?>
<section>
  <h1><?cs var:S.MyCredit.title ?></h1>
  <p class="muted"><?cs var:Ent.name ?>（<?cs var:Ent.uscc ?>）</p>
  <p><?cs var:S.MyCredit.intro ?><?cs var:Grant.days ?><?cs var:S.MyCredit.intro_days ?></p>
  <?cs if:Done ?><p class="notice ok" id="done"><?cs var:S.MyCredit.done ?></p><?cs /if ?>
  <?cs if:Live.on ?>
  <div class="notice ok" id="live">
    <p><?cs var:S.MyCredit.live ?><?cs var:Live.valid_until ?><?cs var:S.MyCredit.live_after ?></p>
    <form method="post" action="/my-credit/report" id="report-form">
      <?cs call:csrf() ?>
      <button type="submit" id="report-link"><?cs var:S.MyCredit.report ?></button>
    </form>
  </div>
  <?cs /if ?>
  <p><a href="/my-credit/viewers" id="viewers-link"><?cs var:S.MyCredit.viewers ?></a></p>
  <?cs if:Pending ?>
  <p class="notice" id="pending"><?cs var:S.MyCredit.pending ?></p>
  <?cs /if ?>
  <?cs if:!Pending || Form.reason.error ?>
  <form method="post" action="/my-credit/apply" class="stack narrow" id="apply-form" novalidate>
    <?cs call:csrf() ?>
    <fieldset><legend><?cs var:S.MyCredit.apply ?></legend>
      <div class="field<?cs if:Form.reason.error ?> has-error<?cs /if ?>">
        <label for="reason"><?cs var:S.MyCredit.reason ?></label>
        <textarea id="reason" name="reason" rows="3" maxlength="500" aria-describedby="reason-hint"<?cs call:invalid("reason") ?>><?cs var:Form.reason.value ?></textarea>
        <p class="hint" id="reason-hint"><?cs var:S.MyCredit.reason_hint ?></p>
        <?cs call:field_error("reason") ?>
      </div>
      <button type="submit" id="apply"><?cs var:S.MyCredit.submit ?></button>
    </fieldset>
  </form>
  <?cs /if ?>
  <h2><?cs var:S.MyCredit.requests ?></h2>
  <?cs if:subcount(Requests) > 0 ?>
  <table class="list" id="my-requests">
    <thead><tr>
      <th scope="col"><?cs var:S.MyCredit.col_created ?></th>
      <th scope="col"><?cs var:S.MyCredit.col_reason ?></th>
      <th scope="col"><?cs var:S.MyCredit.col_status ?></th>
      <th scope="col"><?cs var:S.MyCredit.col_decided ?></th>
      <th scope="col"><?cs var:S.MyCredit.col_note ?></th>
      <th scope="col"><?cs var:S.MyCredit.col_valid ?></th>
    </tr></thead>
    <tbody>
    <?cs each:q = Requests ?>
      <tr class="request-<?cs var:q.status ?>" data-request="<?cs var:q.id ?>">
        <td><?cs var:q.created ?></td>
        <td><?cs var:q.reason ?></td>
        <td class="status"><?cs var:S.CreditReq.status[q.status] ?></td>
        <td><?cs var:q.decided ?></td>
        <td><?cs var:q.note ?></td>
        <td><?cs var:q.valid_until ?><?cs if:q.status == "granted" && !q.live ?>（<?cs var:S.CreditReq.expired ?>）<?cs /if ?></td>
      </tr>
    <?cs /each ?>
    </tbody>
  </table>
  <?cs else ?>
  <p class="muted" id="requests-none"><?cs var:S.MyCredit.none ?></p>
  <?cs /if ?>
  <?cs call:obj_marks() ?>
</section>
<?cs /def ?>
