<?cs include:"_field.cs" ?>
<?cs def:title() ?><?cs var:Article.title ?><?cs /def ?>
<?cs def:content() ?>
<article class="article">
  <p class="no-print"><a href="/news?kind=<?cs var:Article.kind ?>"><?cs var:S.News.back ?><?cs var:S.ArticleKind[Article.kind] ?></a></p>
  <?cs if:Done ?><p class="notice no-print" id="done"><?cs var:Done ?></p><?cs /if ?>
  <h1 id="article-title"><?cs var:Article.title ?></h1>
  <p class="muted article-meta">
    <span class="badge"><?cs var:S.ArticleKind[Article.kind] ?></span>
    <?cs var:S.Article.region ?><?cs var:Article.region_name ?>
    <?cs if:Article.published ?> · <?cs var:S.Article.published ?><span id="article-published"><?cs var:Article.published ?></span><?cs /if ?>
    <?cs if:Article.revision > 1 && Article.updated ?> · <?cs var:S.Article.updated ?><?cs var:Article.updated ?><?cs /if ?>
  </p>
  <?cs if:Can.manage ?>
  <div class="notice no-print" id="article-admin">
    <p><?cs var:S.Article.state ?><strong id="article-state" class="status-<?cs var:Article.state ?>"><?cs var:S.ArticleState[Article.state] ?></strong>
    <?cs if:Article.state == "scheduled" ?><span id="article-publish-at"><?cs var:S.Article.publish_at_is ?><?cs var:Article.publish_at ?></span><?cs /if ?>
    · <?cs var:S.Article.audience ?><?cs var:S.ArticleAudience[Article.audience] ?>
    · <?cs var:S.Article.revision ?><?cs var:Article.revision ?>
    · <a href="/news/<?cs var:Article.id ?>/history" id="article-history"><?cs var:S.Article.history ?></a></p>
    <?cs if:Can.write ?>
    <div class="actions">
      <a class="button" href="/news/<?cs var:Article.id ?>/edit" id="article-edit"><?cs var:S.Article.edit ?></a>
      <?cs if:Can.publish ?><form method="post" action="/news/<?cs var:Article.id ?>/publish" class="inline"><?cs call:csrf() ?><button type="submit" id="article-publish"><?cs var:S.Article.publish ?></button></form><?cs /if ?>
      <?cs if:Can.withdraw ?><form method="post" action="/news/<?cs var:Article.id ?>/withdraw" class="inline"><?cs call:csrf() ?><button type="submit" id="article-withdraw"><?cs if:Article.state == "scheduled" ?><?cs var:S.Article.unschedule ?><?cs else ?><?cs var:S.Article.withdraw ?><?cs /if ?></button></form><?cs /if ?>
    </div>
    <?cs if:Can.schedule ?>
    <form method="post" action="/news/<?cs var:Article.id ?>/schedule" class="inline" novalidate>
      <?cs call:csrf() ?>
      <div class="field<?cs if:Form.publish_at.error ?> has-error<?cs /if ?>">
        <label for="publish_at"><?cs var:S.Article.publish_at ?></label>
        <input id="publish_at" name="publish_at" type="datetime-local" value="<?cs var:Form.publish_at.value ?>" maxlength="16"<?cs call:invalid("publish_at") ?>>
        <p class="hint"><?cs var:S.Article.publish_at_hint ?></p>
        <?cs call:field_error("publish_at") ?>
      </div>
      <button type="submit" id="article-schedule"><?cs var:S.Article.schedule ?></button>
    </form>
    <?cs /if ?>
    <?cs /if ?>
  </div>
  <?cs /if ?>
  <div class="article-body" id="article-body">
<?cs uvar:Article.html ?>
  </div>
  <p class="muted print-only"><?cs var:S.site_name ?></p>
</article>
<?cs /def ?>
