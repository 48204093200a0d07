<?cs include:"_measure_facts.cs" ?>
<?cs def:title() ?><?cs var:S.Measures.refused_title ?><?cs /def ?>
<?cs def:content() ?>
<section>
  <h1 id="measure-refused"><?cs var:S.Measures.refused_title ?></h1>
  <p class="notice error-text" id="measure-refused-why"><?cs if:Refusal.revoked ?><?cs var:S.Measures.refused_revoked ?><?cs else ?><?cs var:S.Measures.refused_text ?><?cs /if ?></p>
  <?cs call:measure_facts(Refusal) ?>
  <h2><?cs var:S.Measures.how_appeal ?></h2>
  <p id="measure-appeal"><?cs var:S.Measures.appeal ?><?cs if:!Refusal.revoked ?> <a href="/feedback"><?cs var:S.Measures.appeal_link ?></a> · <a href="/measures/<?cs var:Refusal.id ?>"><?cs var:S.Measures.see ?></a><?cs /if ?></p>
  <?cs if:Refusal.revoked ?><p><a href="/login"><?cs var:S.Measures.to_login ?></a></p><?cs /if ?>
</section>
<?cs /def ?>
