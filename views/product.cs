<?cs include:"_field.cs" ?>
<?cs include:"_product_facts.cs" ?>
<?cs def:title() ?><?cs var:S.Product.title ?> <?cs var:Product.name ?><?cs /def ?>
<?cs def:content() ?>
<section>
  <p><a href="/products"><?cs var:S.Product.back ?></a></p>
  <h1><?cs var:S.Product.title ?>：<?cs var:Product.name ?></h1>
  <?cs if:Done ?><p class="notice" id="done"><?cs var:Done ?></p><?cs /if ?>
  <p>
    <?cs var:S.Products.status ?>：<strong id="product-status" class="status-<?cs var:Product.status ?>"><?cs var:S.ProductStatus[Product.status] ?></strong>
    <?cs if:Product.status == "taken_down" ?><span id="product-takedown-reason"><?cs var:S.Product.takedown_reason ?><?cs var:Product.takedown_reason ?></span><?cs /if ?>
  </p>
  <?cs call:product_facts(Product) ?>
  <?cs if:Can.edit || Can.publish || Can.withdraw ?>
  <div class="actions">
    <?cs if:Can.edit ?><a class="button" href="/products/<?cs var:Product.id ?>/edit" id="product-edit"><?cs var:S.Product.edit ?></a><?cs /if ?>
    <?cs if:Can.publish ?><form method="post" action="/products/<?cs var:Product.id ?>/publish" class="inline"><?cs call:csrf() ?><button type="submit" id="product-publish"><?cs var:S.Product.publish ?></button></form><?cs /if ?>
    <?cs if:Can.withdraw ?><form method="post" action="/products/<?cs var:Product.id ?>/withdraw" class="inline"><?cs call:csrf() ?><button type="submit" id="product-withdraw"><?cs var:S.Product.withdraw ?></button></form><?cs /if ?>
  </div>
  <p class="muted"><?cs var:S.Product.steps_hint ?></p>
  <?cs /if ?>
  <?cs if:Can.take_down ?>
  <h2><?cs var:S.Product.take_down ?></h2>
  <form method="post" action="/products/<?cs var:Product.id ?>/take-down" class="stack narrow" novalidate>
    <?cs call:csrf() ?>
    <div class="field<?cs if:Form.reason.error ?> has-error<?cs /if ?>">
      <label for="reason"><?cs var:S.Product.takedown_reason_label ?></label>
      <textarea id="reason" name="reason" rows="2" maxlength="200"<?cs call:invalid("reason") ?>><?cs var:Form.reason.value ?></textarea>
      <?cs call:field_error("reason") ?>
    </div>
    <button type="submit" id="product-take-down"><?cs var:S.Product.take_down ?></button>
    <p class="hint"><?cs var:S.Product.take_down_hint ?></p>
  </form>
  <?cs /if ?>
  <p class="muted"><?cs var:S.Product.audited ?></p>
</section>
<?cs /def ?>
