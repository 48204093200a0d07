<?cs include:"_field.cs" ?>
<?cs include:"_pager.cs" ?>
<?cs def:title() ?><?cs if:News.kind ?><?cs var:S.ArticleKind[News.kind] ?><?cs else ?><?cs var:S.News.title ?><?cs /if ?><?cs /def ?>
<?cs def:content() ?>
<section>
  <h1><?cs var:S.News.title ?></h1>
  <p><?cs if:Portal.name == "internet" ?><?cs var:S.News.intro_internet ?><?cs else ?><?cs var:S.News.intro_intranet ?><?cs /if ?></p>
  <?cs if:Can.manage ?><p class="no-print"><a href="/news/manage" id="news-manage"><?cs var:S.News.manage ?></a></p><?cs /if ?>
  <nav class="tabs" aria-label="<?cs var:S.News.kinds ?>">
    <a href="/news"<?cs if:!News.kind ?> aria-current="page"<?cs /if ?>><?cs var:S.News.all ?></a>
    <?cs each:k = S.ArticleKind ?><a href="/news?kind=<?cs var:name(k) ?>" id="news-kind-<?cs var:name(k) ?>"<?cs if:News.kind == name(k) ?> aria-current="page"<?cs /if ?>><?cs var:k ?></a>
    <?cs /each ?>
  </nav>
  <?cs if:News.pick_region ?>
  <form method="get" action="/news" class="inline search no-print" novalidate>
    <?cs if:News.kind ?><input type="hidden" name="kind" value="<?cs var:News.kind ?>"><?cs /if ?>
    <div class="field<?cs if:Form.region.error ?> has-error<?cs /if ?>">
      <label for="region"><?cs var:S.News.region ?></label>
      <select id="region" name="region"<?cs call:invalid("region") ?>>
        <option value=""><?cs var:S.News.any_region ?></option>
        <?cs each:g = Regions ?><option value="<?cs var:g.code ?>"<?cs if:g.selected ?> selected<?cs /if ?>><?cs var:g.name ?></option>
        <?cs /each ?>
      </select>
      <?cs call:field_error("region") ?>
    </div>
    <button type="submit"><?cs var:S.News.filter ?></button>
  </form>
  <?cs /if ?>
  <?cs if:subcount(News.rows) > 0 ?>
  <ul class="articles" id="news-list">
    <?cs each:a = News.rows ?>
    <li>
      <?cs if:a.pinned ?><span class="badge pinned"><?cs var:S.News.pinned ?></span> <?cs /if ?><span class="badge"><?cs var:S.ArticleKind[a.kind] ?></span>
      <a href="/news/<?cs var:a.id ?>" class="article-link"><?cs var:a.title ?></a>
      <span class="muted"><?cs var:a.region_name ?> · <?cs var:a.published ?></span>
    </li>
    <?cs /each ?>
  </ul>
  <?cs else ?>
  <p class="notice" id="news-none"><?cs var:S.News.none ?></p>
  <?cs /if ?>
  <?cs call:pager() ?>
</section>
<?cs /def ?>
