<?cs include:"_field.cs" ?>
<?cs include:"_pager.cs" ?>
<?cs def:title() ?><?cs var:S.News.manage ?><?cs /def ?>
<?cs def:content() ?>
<section>
  <p><a href="/news"><?cs var:S.News.back_list ?></a></p>
  <h1><?cs var:S.News.manage ?></h1>
  <p><?cs var:S.News.manage_intro ?></p>
  <?cs if:Can.create ?><p><a class="button" href="/news/new" id="news-new"><?cs var:S.Article.new ?></a></p><?cs /if ?>
  <form method="get" action="/news/manage" class="inline search" novalidate>
    <div class="field">
      <label for="kind"><?cs var:S.Article.kind ?></label>
      <select id="kind" name="kind">
        <option value=""><?cs var:S.News.all ?></option>
        <?cs each:k = S.ArticleKind ?><option value="<?cs var:name(k) ?>"<?cs if:Form.kind.value == name(k) ?> selected<?cs /if ?>><?cs var:k ?></option>
        <?cs /each ?>
      </select>
    </div>
    <div class="field">
      <label for="state"><?cs var:S.Article.state_label ?></label>
      <select id="state" name="state">
        <option value=""><?cs var:S.News.all ?></option>
        <?cs each:k = S.ArticleState ?><option value="<?cs var:name(k) ?>"<?cs if:Form.state.value == name(k) ?> selected<?cs /if ?>><?cs var:k ?></option>
        <?cs /each ?>
      </select>
    </div>
    <button type="submit"><?cs var:S.News.filter ?></button>
  </form>
  <?cs if:subcount(Manage.rows) > 0 ?>
  <table id="news-manage-list">
    <thead><tr><th scope="col"><?cs var:S.Article.title ?></th><th scope="col"><?cs var:S.Article.kind ?></th><th scope="col"><?cs var:S.Article.region_col ?></th><th scope="col"><?cs var:S.Article.state_label ?></th><th scope="col"><?cs var:S.Article.updated_col ?></th></tr></thead>
    <tbody>
    <?cs each:a = Manage.rows ?>
    <tr>
      <td><a href="/news/<?cs var:a.id ?>"><?cs var:a.title ?></a><?cs if:a.pinned ?> <span class="badge pinned"><?cs var:S.News.pinned ?></span><?cs /if ?></td>
      <td><?cs var:S.ArticleKind[a.kind] ?></td>
      <td><?cs var:a.region_name ?></td>
      <td class="status-<?cs var:a.state ?>"><?cs var:S.ArticleState[a.state] ?><?cs if:a.state == "scheduled" ?>（<?cs var:a.publish_at ?>）<?cs /if ?></td>
      <td><?cs var:a.updated ?> <?cs var:a.editor ?></td>
    </tr>
    <?cs /each ?>
    </tbody>
  </table>
  <?cs else ?>
  <p class="notice" id="news-manage-none"><?cs var:S.News.manage_none ?></p>
  <?cs /if ?>
  <?cs call:pager() ?>
</section>
<?cs /def ?>
