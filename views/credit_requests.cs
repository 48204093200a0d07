<?cs include:"_field.cs" ?>
<?cs include:"_pager.cs" ?>
<?cs def:title() ?><?cs var:S.CreditReq.title ?><?cs /def ?>
<?cs def:content() ?>
<section>
  <h1><?cs var:S.CreditReq.title ?></h1>
  <p class="muted"><?cs if:Scope.region == "440000" ?><?cs var:S.CreditReq.scope_all ?><?cs else ?><?cs var:S.CreditReq.scope_city ?><?cs var:Scope.region_name ?><?cs /if ?></p>
  <p class="muted"><?cs var:S.CreditReq.intro ?><?cs var:Grant.days ?><?cs var:S.CreditReq.intro_days ?></p>
  <?cs if:Done ?><p class="notice ok" id="done"><?cs var:S.CreditReq.done[Done] ?></p><?cs /if ?>
  <?cs if:Stale ?><p class="notice" id="stale"><?cs var:S.CreditReq.stale ?></p><?cs /if ?>
  <?cs if:subcount(Requests) > 0 ?>
  <table class="list" id="credit-requests">
    <thead><tr>
      <th scope="col"><?cs var:S.CreditReq.col_ent ?></th>
      <th scope="col"><?cs var:S.CreditReq.col_reason ?></th>
      <th scope="col"><?cs var:S.CreditReq.col_created ?></th>
      <th scope="col"><?cs var:S.CreditReq.col_status ?></th>
      <th scope="col"><?cs var:S.CreditReq.col_decision ?></th>
    </tr></thead>
    <tbody>
    <?cs each:q = Requests ?>
      <tr class="request-<?cs var:q.status ?>" data-request="<?cs var:q.id ?>" data-uscc="<?cs var:q.uscc ?>">
        <td><?cs var:q.name ?><br><span class="muted"><?cs var:q.uscc ?>（<?cs var:q.region_name ?>）</span></td>
        <td class="reason"><?cs var:q.reason ?></td>
        <td><?cs var:q.created ?></td>
        <td class="status"><?cs var:S.CreditReq.status[q.status] ?></td>
        <td>
        <?cs if:q.status == "pending" ?>
          <?cs if:Can.decide ?>
          <form method="post" action="/credit-requests/<?cs var:q.id ?>/decide" class="stack decide" id="decide-<?cs var:q.id ?>" novalidate>
            <input type="hidden" name="csrf_token" value="<?cs var:CSRF.token ?>">
            <div class="field<?cs if:Decide.id == q.id && Form.result.error ?> has-error<?cs /if ?>">
              <?cs each:k = S.CreditReq.result ?><label class="choice"><input type="radio" name="result" value="<?cs var:name(k) ?>"<?cs if:Decide.id == q.id && Form.result.value == name(k) ?> checked<?cs /if ?>> <?cs var:k ?></label>
              <?cs /each ?>
              <?cs if:Decide.id == q.id ?><?cs call:field_error("result") ?><?cs /if ?>
            </div>
            <div class="field<?cs if:Decide.id == q.id && Form.note.error ?> has-error<?cs /if ?>">
              <label for="note-<?cs var:q.id ?>"><?cs var:S.CreditReq.note ?></label>
              <textarea id="note-<?cs var:q.id ?>" name="note" rows="2" maxlength="500"<?cs if:Decide.id == q.id && Form.note.error ?> aria-invalid="true" aria-describedby="note-error"<?cs /if ?>><?cs if:Decide.id == q.id ?><?cs var:Form.note.value ?><?cs /if ?></textarea>
              <?cs if:Decide.id == q.id ?><?cs call:field_error("note") ?><?cs /if ?>
            </div>
            <button type="submit"><?cs var:S.CreditReq.decide ?></button>
          </form>
          <?cs else ?><span class="muted"><?cs var:S.CreditReq.waiting ?></span><?cs /if ?>
        <?cs else ?>
          <?cs var:q.decided ?><?cs if:q.decided_by ?>（<?cs var:q.decided_by ?>）<?cs /if ?>
          <?cs if:q.note ?><br><?cs var:q.note ?><?cs /if ?>
          <?cs if:q.status == "granted" ?><br><?cs var:S.CreditReq.valid_until ?><?cs var:q.valid_until ?><?cs if:!q.live ?>（<?cs var:S.CreditReq.expired ?>）<?cs /if ?><?cs /if ?>
        <?cs /if ?>
        </td>
      </tr>
    <?cs /each ?>
    </tbody>
  </table>
  <?cs else ?>
  <p class="notice" id="requests-none"><?cs var:S.CreditReq.none ?></p>
  <?cs /if ?>
  <?cs call:pager() ?>
</section>
<?cs /def ?>
