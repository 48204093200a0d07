<?cs include:"_product_facts.cs" ?>
<?cs def:title() ?><?cs var:Product.name ?> - <?cs var:S.Catalogue.title ?><?cs /def ?>
<?cs def:content() ?>
<section>
  <p><a href="/products"><?cs var:S.Catalogue.back ?></a></p>
  <h1><?cs var:Product.name ?></h1>
  <?cs call:product_facts(Product) ?>
  <p class="muted"><?cs var:S.Catalogue.how ?></p>
</section>
<?cs /def ?>
