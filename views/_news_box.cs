<?cs # A home page's box of the latest articles: rows under box.rows. ?>
<?cs def:news_box(box, heading, id, kind) ?>
  <section class="news-box" id="<?cs var:id ?>">
    <h2><?cs var:heading ?></h2>
    <?cs if:subcount(box.rows) > 0 ?>
    <ul class="articles">
      <?cs each:a = box.rows ?><li><?cs if:a.pinned ?><span class="badge pinned"><?cs var:S.News.pinned ?></span> <?cs /if ?><a href="/news/<?cs var:a.id ?>"><?cs var:a.title ?></a> <span class="muted"><?cs var:a.published ?></span></li>
      <?cs /each ?>
    </ul>
    <?cs else ?><p class="muted"><?cs var:S.Home.none ?></p><?cs /if ?>
    <p><a href="/news?kind=<?cs var:kind ?>" id="<?cs var:id ?>-more"><?cs var:S.Home.more ?></a></p>
  </section>
<?cs /def ?>
