<?cs def:title() ?><?cs var:S.Privacy.title ?><?cs /def ?>
<?cs def:content() ?>
<section class="narrow wide doc" id="privacy">
  <h1><?cs var:S.Privacy.title ?></h1>
  <p class="muted"><?cs var:S.Privacy.updated ?></p>
  <?cs each:sec = S.Privacy.s ?>
  <h2><?cs var:sec.h ?></h2>
  <p><?cs var:sec.p ?></p>
  <?cs /each ?>
  <p><a href="/register"><?cs var:S.Register.title ?></a></p>
</section>
<?cs /def ?>
