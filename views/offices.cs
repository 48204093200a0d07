<?cs include:"_office_table.cs" ?>
<?cs def:title() ?><?cs var:S.Office.title ?><?cs /def ?>
<?cs def:content() ?>
<section>
  <h1><?cs var:S.Office.title ?></h1>
  <?cs if:Done ?><p class="notice ok" id="done"><?cs var:Done ?></p><?cs /if ?>
  <p><?cs var:S.Office.intro ?></p>
  <?cs if:Site.hotline ?><p id="offices-hotline"><?cs var:S.Home.hotline ?><strong><?cs var:Site.hotline ?></strong></p><?cs /if ?>
  <?cs call:office_table(Offices, "offices") ?>
  <p class="muted"><?cs var:S.Office.kept_by ?></p>
</section>
<?cs /def ?>
