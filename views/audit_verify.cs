<?cs include:"_field.cs" ?>
<?cs def:title() ?><?cs var:S.Audit.verify_title ?><?cs /def ?>
<?cs def:content() ?>
<section class="narrow">
  <h1><?cs var:S.Audit.verify_title ?></h1>
  <p class="muted"><?cs var:S.Audit.verify_intro ?></p>
  <?cs if:Verify.done ?><?cs if:Verify.broken ?><p class="notice error-text" id="verify-broken"><?cs var:S.Audit.verify_broken ?><?cs var:Verify.broken ?></p><?cs else ?><p class="notice" id="verify-intact"><?cs var:S.Audit.verify_intact ?></p><?cs /if ?><?cs /if ?>
  <form method="post" action="/audit/verify" id="audit-verify">
    <?cs call:csrf() ?>
    <button type="submit"><?cs var:S.Audit.verify_run ?></button>
  </form>
  <p><a href="/audit"><?cs var:S.Audit.title ?></a></p>
</section>
<?cs /def ?>
