<?cs def:title() ?><?cs var:S.Terms.title ?><?cs /def ?>
<?cs def:content() ?>
<section class="narrow wide doc" id="terms">
  <h1><?cs var:S.Terms.title ?></h1>
  <p class="muted"><?cs var:S.Terms.updated ?></p>
  <?cs each:sec = S.Terms.s ?>
  <h2><?cs var:sec.h ?></h2>
  <p><?cs var:sec.p ?></p>
  <?cs /each ?>
  <p><a href="/register"><?cs var:S.Register.title ?></a></p>
</section>
<?cs /def ?>
