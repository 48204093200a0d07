<?cs def:title() ?><?cs var:S.Article.history ?> <?cs var:Article.title ?><?cs /def ?>
<?cs def:content() ?>
<section>
  <p class="no-print"><a href="/news/<?cs var:Article.id ?>"><?cs var:S.Article.back_one ?></a></p>
  <h1><?cs var:S.Article.history ?>：<?cs var:Article.title ?></h1>
  <p><?cs var:S.Article.history_intro ?></p>
  <?cs each:v = Revisions ?>
  <section class="revision" id="revision-<?cs var:v.revision ?>">
    <h2><?cs var:S.Article.revision ?><?cs var:v.revision ?> · <?cs var:v.edited ?> · <?cs var:v.editor ?></h2>
    <p class="muted"><?cs var:S.ArticleKind[v.kind] ?> · <?cs var:S.ArticleAudience[v.audience] ?></p>
    <p><strong><?cs var:v.title ?></strong></p>
    <pre class="source"><?cs var:v.body ?></pre>
  </section>
  <?cs /each ?>
</section>
<?cs /def ?>
