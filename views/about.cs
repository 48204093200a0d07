<?cs def:title() ?><?cs var:S.About[About.page].title ?><?cs /def ?>
<?cs def:content() ?>
<article class="article" id="about-<?cs var:About.page ?>">
  <h1><?cs var:S.About[About.page].title ?></h1>
  <div class="article-body">
  <?cs each:p = S.About[About.page].p ?><p><?cs var:p ?></p>
  <?cs /each ?>
  </div>
</article>
<?cs /def ?>
