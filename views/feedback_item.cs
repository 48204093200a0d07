<?cs include:"_field.cs" ?>
<?cs def:title() ?><?cs var:Feedback.subject ?><?cs /def ?>
<?cs def:content() ?>
<section>
  <p><a href="/feedback/manage"><?cs var:S.Feedback.back ?></a></p>
  <?cs if:Done ?><p class="notice" id="done"><?cs var:Done ?></p><?cs /if ?>
  <h1><?cs if:Feedback.kind == "important" ?><span class="badge pinned" id="feedback-flag"><?cs var:S.Feedback.flag ?></span> <?cs /if ?><?cs var:Feedback.subject ?></h1>
  <p class="muted"><?cs var:S.FeedbackKind[Feedback.kind] ?> · <?cs var:S.Feedback.sender ?>：<?cs var:Feedback.sender ?><?cs if:Feedback.org ?>（<?cs var:Feedback.org ?>）<?cs /if ?> · <?cs var:Feedback.created ?> · <?cs var:S.Feedback.to ?><?cs var:Feedback.region_name ?> · <span id="feedback-state" class="status-<?cs var:Feedback.state ?>"><?cs var:S.FeedbackState[Feedback.state] ?></span></p>
  <p class="pre" id="feedback-body"><?cs var:Feedback.body ?></p>
  <?cs if:Feedback.state == "answered" ?>
  <div class="answer" id="feedback-answer"><p><strong><?cs var:S.Feedback.answer ?></strong>（<?cs var:Feedback.answerer ?>，<?cs var:Feedback.answered ?>）</p><p class="pre"><?cs var:Feedback.answer ?></p></div>
  <?cs /if ?>
  <?cs if:Can.answer ?>
  <form method="post" action="/feedback/<?cs var:Feedback.id ?>/answer" class="stack narrow" novalidate>
    <?cs call:csrf() ?>
    <div class="field<?cs if:Form.answer.error ?> has-error<?cs /if ?>">
      <label for="answer"><?cs var:S.Feedback.answer_label ?></label>
      <textarea id="answer" name="answer" rows="6" maxlength="5000"<?cs call:invalid("answer") ?>><?cs var:Form.answer.value ?></textarea>
      <?cs call:field_error("answer") ?>
    </div>
    <button type="submit" id="feedback-answer-send"><?cs var:S.Feedback.answer_send ?></button>
    <p class="hint"><?cs var:S.Feedback.answer_hint ?></p>
  </form>
  <?cs /if ?>
</section>
<?cs /def ?>
