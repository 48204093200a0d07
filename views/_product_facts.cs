<?cs def:product_facts(p) ?>
  <dl class="facts" id="product-facts">
    <dt><?cs var:S.Product.fi ?></dt><dd id="product-fi"><?cs var:p.fi_name ?></dd>
    <dt><?cs var:S.Product.kind ?></dt><dd id="product-kind"><?cs var:S.ProductKind[p.kind] ?></dd>
    <dt><?cs var:S.Product.amount ?></dt><dd id="product-amount"><?cs var:p.amount_min ?> - <?cs var:p.amount_max ?> <?cs var:S.Product.wan ?></dd>
    <dt><?cs var:S.Product.term ?></dt><dd id="product-term"><?cs var:p.term_min ?> - <?cs var:p.term_max ?> <?cs var:S.Product.months ?></dd>
    <dt><?cs var:S.Product.rate ?></dt><dd id="product-rate"><?cs var:p.rate_min ?>% - <?cs var:p.rate_max ?>%</dd>
    <dt><?cs var:S.Product.regions ?></dt><dd id="product-regions"><?cs var:p.region_names ?></dd>
    <dt><?cs var:S.Product.industries ?></dt><dd id="product-industries"><?cs if:p.industries ?><?cs var:p.industries ?><?cs else ?><?cs var:S.Product.any ?><?cs /if ?></dd>
    <dt><?cs var:S.Product.sizes ?></dt><dd id="product-sizes"><?cs if:p.sizes ?><?cs var:p.sizes ?><?cs else ?><?cs var:S.Product.any ?><?cs /if ?></dd>
    <dt><?cs var:S.Product.requirements ?></dt><dd id="product-requirements" class="pre"><?cs var:p.requirements ?></dd>
    <dt><?cs var:S.Product.materials ?></dt><dd id="product-materials" class="pre"><?cs if:p.materials ?><?cs var:p.materials ?><?cs else ?>-<?cs /if ?></dd>
    <?cs if:p.published ?><dt><?cs var:S.Product.published ?></dt><dd><?cs var:p.published ?></dd><?cs /if ?>
  </dl>
  <p class="notice disclaimer" id="disclaimer"><?cs var:S.Product.disclaimer ?></p>
<?cs /def ?>
