<?cs include:"_field.cs" ?>
<?cs def:title() ?><?cs var:S.Import.title ?><?cs /def ?>
<?cs def:content() ?>
<section class="wide">
  <h1><?cs var:S.Import.title ?></h1>
  <p class="muted"><?cs var:S.Import.intro ?></p>
  <p><a href="/credit/batches"><?cs var:S.Import.batches ?></a></p>
  <form method="post" action="/credit/import" enctype="multipart/form-data" class="stack" id="import-form" novalidate>
    <?cs call:csrf() ?>
    <div class="field<?cs if:Form.category.error ?> has-error<?cs /if ?>">
      <label for="category"><?cs var:S.Import.category ?></label>
      <select id="category" name="category"<?cs call:invalid("category") ?>>
        <option value=""><?cs var:S.Import.choose ?></option>
        <?cs each:c = Categories ?><option value="<?cs var:c.id ?>"<?cs if:Form.category.value == c.id ?> selected<?cs /if ?>><?cs var:c.name ?></option>
        <?cs /each ?>
      </select>
      <?cs call:field_error("category") ?>
    </div>
    <div class="field<?cs if:Form.encoding.error ?> has-error<?cs /if ?>">
      <label for="encoding"><?cs var:S.Import.encoding ?></label>
      <select id="encoding" name="encoding">
        <?cs each:e = S.Import.enc ?><option value="<?cs var:name(e) ?>"<?cs if:Form.encoding.value == name(e) ?> selected<?cs /if ?>><?cs var:e ?></option>
        <?cs /each ?>
      </select>
      <p class="hint"><?cs var:S.Import.encoding_hint ?></p>
    </div>
    <div class="field<?cs if:Form.file.error ?> has-error<?cs /if ?>">
      <label for="file"><?cs var:S.Import.file ?></label>
      <input id="file" name="file" type="file" accept=".csv,text/csv"<?cs call:invalid("file") ?>>
      <p class="hint"><?cs var:S.Import.file_hint ?><?cs var:Import.max_mb ?> MB</p>
      <?cs call:field_error("file") ?>
    </div>
    <button type="submit" id="import-submit"><?cs var:S.Import.submit ?></button>
  </form>
  <h2><?cs var:S.Import.templates ?></h2>
  <ul id="templates">
  <?cs each:c = Categories ?><li><a href="/credit/categories/<?cs var:c.id ?>/template.csv"><?cs var:c.name ?></a></li>
  <?cs /each ?>
  </ul>
</section>
<?cs /def ?>
