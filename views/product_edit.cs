<?cs include:"_field.cs" ?>
<?cs include:"_input.cs" ?>
<?cs def:title() ?><?cs if:Product.new ?><?cs var:S.Product.new ?><?cs else ?><?cs var:S.Product.edit ?> <?cs var:Product.name ?><?cs /if ?><?cs /def ?>
<?cs def:content() ?>
<section class="narrow">
  <?cs if:Product.new ?>
  <p><a href="/products"><?cs var:S.Product.back ?></a></p>
  <h1><?cs var:S.Product.new ?></h1>
  <form method="post" action="/products/new" class="stack" novalidate>
  <?cs else ?>
  <p><a href="/products/<?cs var:Product.id ?>"><?cs var:S.Product.back_one ?></a></p>
  <h1><?cs var:S.Product.edit ?>：<?cs var:Product.name ?></h1>
  <form method="post" action="/products/<?cs var:Product.id ?>/edit" class="stack" novalidate>
  <?cs /if ?>
    <?cs call:csrf() ?>
    <?cs call:input("name", S.Product.name, "text", 60, "") ?>
    <div class="field<?cs if:Form.kind.error ?> has-error<?cs /if ?>">
      <label for="kind"><?cs var:S.Product.kind ?></label>
      <select id="kind" name="kind"<?cs call:invalid("kind") ?>>
        <option value=""><?cs var:S.Profile.choose ?></option>
        <?cs each:k = S.ProductKind ?><option value="<?cs var:name(k) ?>"<?cs if:Form.kind.value == name(k) ?> selected<?cs /if ?>><?cs var:k ?></option>
        <?cs /each ?>
      </select>
      <?cs call:field_error("kind") ?>
    </div>
    <fieldset><legend><?cs var:S.Product.amount ?>（<?cs var:S.Product.wan ?>）</legend>
    <?cs call:input("amount_min", S.Product.min, "text", 7, "") ?>
    <?cs call:input("amount_max", S.Product.max, "text", 7, "") ?>
    </fieldset>
    <fieldset><legend><?cs var:S.Product.term ?>（<?cs var:S.Product.months ?>）</legend>
    <?cs call:input("term_min", S.Product.min, "text", 3, "") ?>
    <?cs call:input("term_max", S.Product.max, "text", 3, "") ?>
    </fieldset>
    <fieldset><legend><?cs var:S.Product.rate ?>（%）</legend>
    <?cs call:input("rate_min", S.Product.min, "text", 6, S.Product.rate_hint) ?>
    <?cs call:input("rate_max", S.Product.max, "text", 6, "") ?>
    </fieldset>
    <fieldset class="field<?cs if:Form.regions.error ?> has-error<?cs /if ?>"><legend><?cs var:S.Product.regions ?></legend>
      <?cs each:g = Regions ?><label class="choice"><input type="checkbox" name="regions" value="<?cs var:g.code ?>"<?cs if:g.selected ?> checked<?cs /if ?>> <?cs var:g.name ?></label>
      <?cs /each ?>
      <?cs call:field_error("regions") ?>
    </fieldset>
    <?cs call:input("industries", S.Product.industries, "text", 200, S.Product.industries_hint) ?>
    <?cs call:input("sizes", S.Product.sizes, "text", 100, S.Product.sizes_hint) ?>
    <div class="field<?cs if:Form.requirements.error ?> has-error<?cs /if ?>">
      <label for="requirements"><?cs var:S.Product.requirements ?></label>
      <textarea id="requirements" name="requirements" rows="4" maxlength="2000"<?cs call:invalid("requirements") ?>><?cs var:Form.requirements.value ?></textarea>
      <?cs call:field_error("requirements") ?>
    </div>
    <div class="field<?cs if:Form.materials.error ?> has-error<?cs /if ?>">
      <label for="materials"><?cs var:S.Product.materials ?></label>
      <textarea id="materials" name="materials" rows="4" maxlength="2000"<?cs call:invalid("materials") ?>><?cs var:Form.materials.value ?></textarea>
      <?cs call:field_error("materials") ?>
    </div>
    <button type="submit" id="product-save"><?cs if:Product.new ?><?cs var:S.Product.create ?><?cs else ?><?cs var:S.Product.save ?><?cs /if ?></button>
  </form>
  <p class="muted"><?cs var:S.Product.draft_hint ?></p>
</section>
<?cs /def ?>
