<?cs include:"_field.cs" ?>
<?cs include:"_pager.cs" ?>
<?cs def:title() ?><?cs var:S.Catalogue.title ?><?cs /def ?>
<?cs def:content() ?>
<section>
  <h1><?cs var:S.Catalogue.title ?></h1>
  <p><?cs var:S.Catalogue.intro ?></p>
  <p class="notice disclaimer" id="disclaimer"><?cs var:S.Product.disclaimer ?></p>
  <form method="get" action="/products" class="inline search" novalidate>
    <div class="field<?cs if:Form.kind.error ?> has-error<?cs /if ?>">
      <label for="kind"><?cs var:S.Product.kind ?></label>
      <select id="kind" name="kind"<?cs call:invalid("kind") ?>>
        <option value=""><?cs var:S.Products.any ?></option>
        <?cs each:k = S.ProductKind ?><option value="<?cs var:name(k) ?>"<?cs if:Form.kind.value == name(k) ?> selected<?cs /if ?>><?cs var:k ?></option>
        <?cs /each ?>
      </select>
      <?cs call:field_error("kind") ?>
    </div>
    <div class="field<?cs if:Form.amount.error ?> has-error<?cs /if ?>">
      <label for="amount"><?cs var:S.Catalogue.amount ?></label>
      <input id="amount" name="amount" value="<?cs var:Form.amount.value ?>" maxlength="7" inputmode="numeric"<?cs call:invalid("amount") ?>>
      <?cs call:field_error("amount") ?>
    </div>
    <div class="field<?cs if:Form.term.error ?> has-error<?cs /if ?>">
      <label for="term"><?cs var:S.Catalogue.term ?></label>
      <input id="term" name="term" value="<?cs var:Form.term.value ?>" maxlength="3" inputmode="numeric"<?cs call:invalid("term") ?>>
      <?cs call:field_error("term") ?>
    </div>
    <div class="field<?cs if:Form.region.error ?> has-error<?cs /if ?>">
      <label for="region"><?cs var:S.Catalogue.region ?></label>
      <select id="region" name="region"<?cs call:invalid("region") ?>>
        <option value=""><?cs var:S.Products.any ?></option>
        <?cs each:g = Regions ?><option value="<?cs var:g.code ?>"<?cs if:g.selected ?> selected<?cs /if ?>><?cs var:g.name ?></option>
        <?cs /each ?>
      </select>
      <?cs call:field_error("region") ?>
    </div>
    <button type="submit"><?cs var:S.Products.filter ?></button>
  </form>
  <p id="catalogue-total"><?cs var:S.Catalogue.total ?><?cs var:Pager.total ?><?cs var:S.Products.total_unit ?></p>
  <?cs if:subcount(Catalogue.rows) > 0 ?>
  <ul class="cards" id="catalogue">
    <?cs each:p = Catalogue.rows ?>
    <li class="card">
      <h2><a href="/products/<?cs var:p.id ?>" class="product-link"><?cs var:p.name ?></a></h2>
      <p class="muted"><?cs var:p.fi_name ?> · <?cs var:S.ProductKind[p.kind] ?></p>
      <p><?cs var:S.Product.amount ?>：<?cs var:p.amount_min ?> - <?cs var:p.amount_max ?> <?cs var:S.Product.wan ?>；<?cs var:S.Product.term ?>：<?cs var:p.term_min ?> - <?cs var:p.term_max ?> <?cs var:S.Product.months ?>；<?cs var:S.Product.rate ?>：<?cs var:p.rate_min ?>% - <?cs var:p.rate_max ?>%</p>
      <p class="muted"><?cs var:S.Product.regions ?>：<?cs var:p.region_names ?></p>
    </li>
    <?cs /each ?>
  </ul>
  <?cs else ?>
  <p class="notice" id="catalogue-none"><?cs var:S.Catalogue.none ?></p>
  <?cs /if ?>
  <?cs call:pager() ?>
</section>
<?cs /def ?>
