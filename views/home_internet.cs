<?cs def:title() ?><?cs var:S.Portal.internet.name ?><?cs /def ?>
<?cs def:content() ?>
<section class="hero">
  <h1><?cs var:S.site_name ?></h1>
  <p class="lead"><?cs var:S.Portal.internet.audience ?></p>
  <p><?cs var:S.Portal.internet.purpose ?></p>
</section>
<?cs include:"_regions.cs" ?>
<?cs /def ?>
