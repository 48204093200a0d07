<?cs include:"_field.cs" ?>
<?cs include:"_measure_facts.cs" ?>
<?cs def:title() ?><?cs var:S.Measures.one ?> <?cs var:Measure.id ?><?cs /def ?>
<?cs def:content() ?>
<section>
  <p class="no-print"><a href="/measures"><?cs var:S.Measures.back ?></a></p>
  <?cs if:Done ?><p class="notice" id="done"><?cs var:Done ?></p><?cs /if ?>
  <?cs if:Refused ?><p class="notice error-text" id="refused"><?cs var:Refused ?></p><?cs /if ?>
  <h1><?cs var:S.Measures.one ?> <?cs var:Measure.id ?></h1>
  <?cs call:measure_facts(Measure) ?>
  <?cs if:Staff ?>
  <dl class="facts">
    <dt><?cs var:S.Measures.proposer ?></dt><dd id="measure-proposer"><?cs var:Measure.proposer ?>（<?cs var:Measure.created ?>）</dd>
    <?cs if:Measure.asker ?><dt><?cs var:S.Measures.asker ?></dt><dd id="measure-asker"><?cs var:Measure.asker ?></dd><?cs /if ?>
    <?cs if:Measure.decider ?><dt><?cs var:S.Measures.decider ?></dt><dd id="measure-decider"><?cs var:Measure.decider ?>（<?cs var:Measure.decided ?>）</dd><?cs /if ?>
  </dl>
  <h2><?cs var:S.Measures.evidence ?></h2>
  <?cs if:subcount(Files) > 0 ?>
  <ul id="measure-files"><?cs each:f = Files ?><li><a href="/measures/<?cs var:Measure.id ?>/files/<?cs var:f.id ?>"><?cs var:f.name ?></a> <span class="muted">（<?cs var:f.size ?> <?cs var:S.Measures.bytes ?>）</span></li><?cs /each ?></ul>
  <?cs else ?><p class="muted" id="measure-no-files"><?cs var:S.Measures.no_evidence ?></p><?cs /if ?>
  <?cs if:Can.approve || Can.refuse || Can.adopt || Can.lift ?>
  <div class="notice no-print" id="measure-admin">
    <?cs if:Can.approve ?><form method="post" action="/measures/<?cs var:Measure.id ?>/approve" class="inline"><?cs call:csrf() ?><input type="hidden" name="version" value="<?cs var:Measure.version ?>"><button type="submit" id="measure-approve"><?cs var:S.Measures.approve[Measure.shown] ?><?cs if:!S.Measures.approve[Measure.shown] ?><?cs var:S.Measures.approve.any ?><?cs /if ?></button></form><?cs /if ?>
    <?cs if:Can.four_eyes ?><p class="muted" id="measure-four-eyes"><?cs var:S.Measures.four_eyes ?></p><?cs /if ?>
    <?cs if:Can.refuse ?>
    <form method="post" action="/measures/<?cs var:Measure.id ?>/refuse" class="stack">
      <?cs call:csrf() ?><input type="hidden" name="version" value="<?cs var:Measure.version ?>">
      <div class="field"><label for="refuse-note"><?cs var:S.Measures.refuse_note ?></label>
      <textarea id="refuse-note" name="note" rows="2" maxlength="1000"></textarea></div>
      <button type="submit" class="secondary" id="measure-refuse"><?cs var:S.Measures.refuse ?></button>
    </form>
    <?cs /if ?>
    <?cs if:Can.adopt ?>
    <form method="post" action="/measures/<?cs var:Measure.id ?>/adopt" class="stack">
      <?cs call:csrf() ?><input type="hidden" name="version" value="<?cs var:Measure.version ?>">
      <div class="field<?cs if:Form.note.error ?> has-error<?cs /if ?>"><label for="adopt-note"><?cs var:S.Measures.adopt_note ?></label>
      <textarea id="adopt-note" name="note" rows="2" maxlength="1000"<?cs call:invalid("note") ?>></textarea><?cs call:field_error("note") ?></div>
      <button type="submit" id="measure-adopt"><?cs var:S.Measures.adopt ?></button>
    </form>
    <?cs /if ?>
    <?cs if:Can.lift ?>
    <form method="post" action="/measures/<?cs var:Measure.id ?>/lift" class="stack">
      <?cs call:csrf() ?><input type="hidden" name="version" value="<?cs var:Measure.version ?>">
      <div class="field<?cs if:Form.note.error ?> has-error<?cs /if ?>"><label for="lift-note"><?cs var:S.Measures.lift_note ?></label>
      <textarea id="lift-note" name="note" rows="2" maxlength="1000"<?cs call:invalid("note") ?>></textarea><?cs call:field_error("note") ?></div>
      <button type="submit" id="measure-lift"><?cs var:S.Measures.lift ?></button>
    </form>
    <?cs /if ?>
  </div>
  <?cs /if ?>
  <?cs else ?>
  <p class="notice" id="measure-appeal"><?cs var:S.Measures.appeal ?> <a href="/feedback"><?cs var:S.Measures.appeal_link ?></a></p>
  <?cs /if ?>
</section>
<?cs /def ?>
