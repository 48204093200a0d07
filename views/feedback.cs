<?cs include:"_field.cs" ?>
<?cs include:"_input.cs" ?>
<?cs include:"_pager.cs" ?>
<?cs def:title() ?><?cs var:S.Feedback.title ?><?cs /def ?>
<?cs def:content() ?>
<section>
  <h1><?cs var:S.Feedback.title ?></h1>
  <?cs if:Done ?><p class="notice" id="done"><?cs var:Done ?></p><?cs /if ?>
  <?cs if:Portal.name == "intranet" && (User.role == "operator" || User.role == "supervisor") ?><p><a href="/feedback/manage" id="feedback-manage"><?cs var:S.Feedback.manage ?></a></p><?cs /if ?>
  <p><?cs var:S.Feedback.intro ?></p>
  <form method="post" action="/feedback" class="stack narrow" novalidate>
    <?cs call:csrf() ?>
    <fieldset class="field<?cs if:Form.kind.error ?> has-error<?cs /if ?>"><legend><?cs var:S.Feedback.kind ?></legend>
      <?cs each:k = S.FeedbackKind ?><label class="choice"><input type="radio" name="kind" value="<?cs var:name(k) ?>"<?cs if:Form.kind.value == name(k) ?> checked<?cs /if ?>> <?cs var:k ?></label>
      <?cs /each ?>
      <p class="hint"><?cs var:S.Feedback.important_hint ?></p>
      <?cs call:field_error("kind") ?>
    </fieldset>
    <?cs call:input("subject", S.Feedback.subject, "text", 100, "") ?>
    <div class="field<?cs if:Form.body.error ?> has-error<?cs /if ?>">
      <label for="body"><?cs var:S.Feedback.body ?></label>
      <textarea id="body" name="body" rows="8" maxlength="5000"<?cs call:invalid("body") ?>><?cs var:Form.body.value ?></textarea>
      <?cs call:field_error("body") ?>
    </div>
    <button type="submit" id="feedback-send"><?cs var:S.Feedback.send ?></button>
  </form>
  <h2><?cs var:S.Feedback.own ?></h2>
  <?cs if:subcount(Own.rows) > 0 ?>
  <?cs each:f = Own.rows ?>
  <section class="card feedback" id="own-<?cs var:f.id ?>">
    <h3><?cs var:f.subject ?></h3>
    <p class="muted"><?cs var:S.FeedbackKind[f.kind] ?> · <?cs var:f.created ?> · <?cs var:S.Feedback.to ?><?cs var:f.region_name ?> · <span class="status-<?cs var:f.state ?>"><?cs var:S.FeedbackState[f.state] ?></span></p>
    <p class="pre"><?cs var:f.body ?></p>
    <?cs if:f.state == "answered" ?><div class="answer"><p><strong><?cs var:S.Feedback.answer ?></strong>（<?cs var:f.answered ?>）</p><p class="pre"><?cs var:f.answer ?></p></div><?cs /if ?>
  </section>
  <?cs /each ?>
  <?cs call:pager() ?>
  <?cs else ?>
  <p class="muted" id="own-none"><?cs var:S.Feedback.own_none ?></p>
  <?cs /if ?>
</section>
<?cs /def ?>
