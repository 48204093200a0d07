<?cs include:"_field.cs" ?>
<?cs include:"_input.cs" ?>
<?cs def:title() ?><?cs if:Edit.new ?><?cs var:S.Article.new ?><?cs else ?><?cs var:S.Article.edit ?> <?cs var:Edit.title ?><?cs /if ?><?cs /def ?>
<?cs def:content() ?>
<section>
  <?cs if:Edit.new ?>
  <p><a href="/news/manage"><?cs var:S.News.back_manage ?></a></p>
  <h1><?cs var:S.Article.new ?></h1>
  <form method="post" action="/news/new" class="stack" novalidate>
  <?cs else ?>
  <p><a href="/news/<?cs var:Edit.id ?>"><?cs var:S.Article.back_one ?></a></p>
  <h1><?cs var:S.Article.edit ?>：<?cs var:Edit.title ?></h1>
  <?cs if:Edit.conflict ?><p class="notice error-text" id="edit-conflict"><?cs var:S.Article.conflict ?></p><?cs /if ?>
  <form method="post" action="/news/<?cs var:Edit.id ?>/edit" class="stack" novalidate>
  <input type="hidden" name="revision" value="<?cs var:Form.revision.value ?>">
  <?cs /if ?>
    <?cs call:csrf() ?>
    <p class="muted"><?cs var:S.Article.region ?><strong id="edit-region"><?cs var:Edit.region_name ?></strong> <?cs var:S.Article.region_hint ?></p>
    <div class="field<?cs if:Form.kind.error ?> has-error<?cs /if ?>">
      <label for="kind"><?cs var:S.Article.kind ?></label>
      <select id="kind" name="kind"<?cs call:invalid("kind") ?>>
        <option value=""><?cs var:S.Profile.choose ?></option>
        <?cs each:k = S.ArticleKind ?><option value="<?cs var:name(k) ?>"<?cs if:Form.kind.value == name(k) ?> selected<?cs /if ?>><?cs var:k ?></option>
        <?cs /each ?>
      </select>
      <?cs call:field_error("kind") ?>
    </div>
    <div class="field<?cs if:Form.audience.error ?> has-error<?cs /if ?>">
      <label for="audience"><?cs var:S.Article.audience_label ?></label>
      <select id="audience" name="audience"<?cs call:invalid("audience") ?>>
        <?cs each:k = S.ArticleAudience ?><option value="<?cs var:name(k) ?>"<?cs if:Form.audience.value == name(k) ?> selected<?cs /if ?>><?cs var:k ?></option>
        <?cs /each ?>
      </select>
      <?cs call:field_error("audience") ?>
    </div>
    <?cs call:input("title", S.Article.title, "text", 100, "") ?>
    <div class="field<?cs if:Form.body.error ?> has-error<?cs /if ?>">
      <label for="body"><?cs var:S.Article.body ?></label>
      <textarea id="body" name="body" rows="18" maxlength="20000"<?cs call:invalid("body") ?>><?cs var:Form.body.value ?></textarea>
      <p class="hint"><?cs var:S.Article.body_hint ?></p>
      <?cs call:field_error("body") ?>
    </div>
    <label class="choice"><input type="checkbox" name="pinned" value="1"<?cs if:Form.pinned.value ?> checked<?cs /if ?>> <?cs var:S.Article.pinned ?></label>
    <button type="submit" id="article-save"><?cs if:Edit.new ?><?cs var:S.Article.create ?><?cs else ?><?cs var:S.Article.save ?><?cs /if ?></button>
  </form>
  <p class="muted"><?cs var:S.Article.draft_hint ?></p>
</section>
<?cs /def ?>
