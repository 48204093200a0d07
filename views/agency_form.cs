<?cs def:line_perms(l) ?><?cs if:l.view ?><?cs var:S.Perm.credit.view ?><?cs /if ?><?cs if:l.view && l.import ?>、<?cs /if ?><?cs if:l.import ?><?cs var:S.Perm.credit.import ?><?cs /if ?><?cs if:!l.view && !l.import ?><?cs var:S.Perm.none ?><?cs /if ?><?cs /def ?>
<?cs include:"_field.cs" ?>
<?cs def:title() ?><?cs var:S.AForm.form_title ?> <?cs var:AForm.id ?><?cs /def ?>
<?cs def:decide(path, legend, agree_label, button_id) ?>
  <form method="post" action="/agency-forms/<?cs var:AForm.id ?>/<?cs var:path ?>" class="stack" id="aform-<?cs var:path ?>" novalidate>
    <?cs call:csrf() ?>
    <input type="hidden" name="version" value="<?cs var:AForm.version ?>">
    <fieldset><legend><?cs var:legend ?></legend>
      <fieldset class="field choices<?cs if:Form.result.error ?> has-error<?cs /if ?>"<?cs call:invalid("result") ?>>
        <legend><?cs var:S.AForm.decision ?></legend>
        <label class="choice"><input type="radio" name="result" value="agree"<?cs if:Form.result.value == "agree" ?> checked<?cs /if ?>> <?cs var:agree_label ?></label>
        <label class="choice"><input type="radio" name="result" value="return"<?cs if:Form.result.value == "return" ?> checked<?cs /if ?>> <?cs var:S.AForm.return ?></label>
        <?cs call:field_error("result") ?>
      </fieldset>
      <div class="field<?cs if:Form.note.error ?> has-error<?cs /if ?>">
        <label for="note-<?cs var:path ?>"><?cs var:S.AForm.reason ?></label>
        <textarea id="note-<?cs var:path ?>" name="note" rows="3" maxlength="500"<?cs call:invalid("note") ?>><?cs var:Form.note.value ?></textarea>
        <?cs call:field_error("note") ?>
      </div>
      <button type="submit" id="<?cs var:button_id ?>"><?cs var:S.AForm.decide ?></button>
    </fieldset>
  </form>
<?cs /def ?>
<?cs def:content() ?>
<section>
  <p><a href="/agency-forms"><?cs var:S.AForm.back ?></a></p>
  <h1><?cs var:S.AForm.form_title ?> <span class="muted">No. <?cs var:AForm.id ?></span></h1>
  <?cs if:Done ?><p class="notice ok" id="done"><?cs var:Done ?></p><?cs /if ?>
  <?cs if:Stale ?><p class="notice error-text" id="stale"><?cs if:BadLine ?><?cs var:S.AForm.bad_line_pre ?><?cs var:BadLine ?><?cs var:S.AForm.bad_line_post ?><?cs else ?><?cs var:S.AForm.stale ?><?cs /if ?></p><?cs /if ?>
  <?cs if:FourEyes ?><p class="notice error-text" id="four-eyes"><?cs var:S.AForm.four_eyes ?></p><?cs /if ?>
  <?cs if:AForm.status == "returned" && AForm.return_reason ?><p class="notice" id="returned"><?cs var:S.AForm.returned ?><?cs var:AForm.return_reason ?></p><?cs /if ?>
  <dl class="facts">
    <dt><?cs var:S.AForm.status ?></dt><dd id="aform-status" data-status="<?cs var:AForm.status ?>"><?cs var:S.AForm.status[AForm.status] ?></dd>
    <dt><?cs var:S.AForm.unit ?></dt><dd id="aform-agency"><?cs var:AForm.agency_name ?>（<?cs var:AForm.region_name ?>）</dd>
    <dt><?cs var:S.AForm.apply_date ?></dt><dd><?cs if:AForm.apply_date ?><?cs var:AForm.apply_date ?><?cs else ?>-<?cs /if ?></dd>
    <dt><?cs var:S.AForm.source ?></dt><dd><?cs var:S.AForm.source[AForm.source] ?></dd>
    <dt><?cs var:S.AForm.entered_by ?></dt><dd><?cs var:AForm.entered_name ?>（<?cs var:AForm.entered_at ?>）</dd>
    <?cs if:AForm.submitted_at ?><dt><?cs var:S.AForm.submitted_at ?></dt><dd><?cs var:AForm.submitted_at ?></dd><?cs /if ?>
    <?cs if:AForm.checked_name ?><dt><?cs var:S.AForm.checked_by ?></dt><dd id="aform-checker"><?cs var:AForm.checked_name ?>（<?cs var:AForm.checked_at ?>）<?cs if:AForm.check_note ?>：<?cs var:AForm.check_note ?><?cs /if ?></dd><?cs /if ?>
    <?cs if:AForm.approved_name ?><dt><?cs var:S.AForm.approved_by ?></dt><dd><?cs var:AForm.approved_name ?>（<?cs var:AForm.approved_at ?>）<?cs if:AForm.sup_opinion ?>：<?cs var:AForm.sup_opinion ?><?cs /if ?></dd><?cs /if ?>
    <?cs if:AForm.executed_name ?><dt><?cs var:S.AForm.executed_by ?></dt><dd><?cs var:AForm.executed_name ?>（<?cs var:AForm.executed_at ?>）</dd><?cs /if ?>
  </dl>

  <h2><?cs var:S.AForm.lines ?></h2>
  <table class="list" id="aform-lines">
    <thead><tr>
      <th scope="col"></th>
      <th scope="col"><?cs var:S.AForm.name ?></th>
      <th scope="col"><?cs var:S.AForm.title ?></th>
      <th scope="col"><?cs var:S.AForm.contact ?></th>
      <th scope="col"><?cs var:S.AForm.op ?></th>
      <th scope="col"><?cs var:S.AForm.target ?></th>
      <th scope="col"><?cs var:S.AForm.result_user ?></th>
    </tr></thead>
    <tbody>
    <?cs each:l = AForm.lines ?>
      <tr>
        <td><?cs var:l.letter ?></td>
        <td><?cs var:l.name ?></td>
        <td><?cs var:l.title ?></td>
        <td><?cs var:l.contact ?></td>
        <td class="op-<?cs var:l.op ?>"><?cs var:S.AForm.op[l.op] ?><?cs if:l.op == "open" ?><span class="line-perms">（<?cs call:line_perms(l) ?>）</span><?cs /if ?></td>
        <td><?cs if:l.target ?><?cs var:l.target ?><?cs else ?>-<?cs /if ?></td>
        <td class="result-user"><?cs if:l.username ?><?cs var:l.username ?><?cs else ?>-<?cs /if ?></td>
      </tr>
    <?cs /each ?>
    </tbody>
  </table>
  <dl class="facts">
    <dt><?cs var:S.AForm.net ?></dt><dd><?cs var:AForm.net_name ?> <?cs var:AForm.net_title ?> <?cs var:AForm.net_contact ?></dd>
    <dt><?cs var:S.AForm.opinion ?></dt><dd><?cs var:AForm.opinion ?></dd>
    <dt><?cs var:S.AForm.resp_name ?></dt><dd><?cs var:AForm.resp_name ?> <?cs var:AForm.opinion_date ?></dd>
  </dl>

  <p class="links">
    <?cs if:Can.edit ?><a class="button" id="aform-edit" href="/agency-forms/<?cs var:AForm.id ?>/edit"><?cs var:S.AForm.edit ?></a><?cs /if ?>
    <a href="/agency-forms/<?cs var:AForm.id ?>/print" id="aform-print"><?cs var:S.AForm.print ?></a>
  </p>

  <?cs if:Can.check ?>
    <?cs if:Can.four_eyes_check ?><p class="notice" id="four-eyes-check-hint"><?cs var:S.AForm.four_eyes_check_hint ?></p><?cs /if ?>
    <?cs call:decide("check", S.AForm.check_title, S.AForm.agree, "check-submit") ?>
  <?cs /if ?>
  <?cs if:Can.approve ?>
    <?cs if:Can.four_eyes ?><p class="notice" id="four-eyes-hint"><?cs var:S.AForm.four_eyes_hint ?></p><?cs /if ?>
    <?cs call:decide("approve", S.AForm.approve_title, S.AForm.agree, "approve-submit") ?>
  <?cs /if ?>
  <?cs if:Can.execute ?>
  <form method="post" action="/agency-forms/<?cs var:AForm.id ?>/execute" class="stack" id="aform-execute">
    <?cs call:csrf() ?>
    <input type="hidden" name="version" value="<?cs var:AForm.version ?>">
    <fieldset><legend><?cs var:S.AForm.execute_title ?></legend>
      <p class="muted"><?cs var:S.AForm.execute_intro ?></p>
      <button type="submit" id="execute-submit"><?cs var:S.AForm.execute ?></button>
    </fieldset>
  </form>
  <?cs /if ?>

  <h2><?cs var:S.AForm.history ?></h2>
  <table class="list" id="aform-history">
    <thead><tr>
      <th scope="col"><?cs var:S.AForm.col_at ?></th>
      <th scope="col"><?cs var:S.AForm.col_actor ?></th>
      <th scope="col"><?cs var:S.AForm.col_action ?></th>
      <th scope="col"><?cs var:S.AForm.col_note ?></th>
    </tr></thead>
    <tbody>
    <?cs each:e = AForm.events ?>
      <tr class="event-<?cs var:e.action ?>">
        <td><?cs var:e.at ?></td>
        <td><?cs var:e.actor ?>（<?cs var:S.Role[e.role] ?>）</td>
        <td><?cs var:S.AForm.event[e.action] ?></td>
        <td><?cs var:e.note ?></td>
      </tr>
    <?cs /each ?>
    </tbody>
  </table>
</section>
<?cs /def ?>
