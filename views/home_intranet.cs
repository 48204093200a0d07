<?cs def:title() ?><?cs var:S.Portal.intranet.name ?><?cs /def ?>
<?cs def:content() ?>
<section class="hero">
  <h1><?cs var:S.site_name ?></h1>
  <p class="lead"><?cs var:S.Portal.intranet.audience ?></p>
  <p><?cs var:S.Portal.intranet.purpose ?></p>
</section>
<?cs include:"_regions.cs" ?>
<?cs /def ?>
