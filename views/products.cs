<?cs include:"_field.cs" ?>
<?cs include:"_pager.cs" ?>
<?cs def:title() ?><?cs var:S.Products.title ?><?cs /def ?>
<?cs def:content() ?>
<section>
  <h1><?cs var:S.Products.title ?></h1>
  <p class="muted"><?cs if:User.role == "fi" ?><?cs var:S.Products.scope_fi ?><?cs else ?><?cs var:S.Products.scope_ops ?><?cs /if ?></p>
  <?cs if:Can.create ?><p><a class="button" href="/products/new" id="product-new"><?cs var:S.Products.new ?></a></p><?cs /if ?>
  <form method="get" action="/products" class="inline search" novalidate>
    <div class="field">
      <label for="status"><?cs var:S.Products.status ?></label>
      <select id="status" name="status">
        <option value=""><?cs var:S.Products.any ?></option>
        <?cs each:s = S.ProductStatus ?><option value="<?cs var:name(s) ?>"<?cs if:Form.status.value == name(s) ?> selected<?cs /if ?>><?cs var:s ?></option>
        <?cs /each ?>
      </select>
      <label for="kind"><?cs var:S.Product.kind ?></label>
      <select id="kind" name="kind">
        <option value=""><?cs var:S.Products.any ?></option>
        <?cs each:k = S.ProductKind ?><option value="<?cs var:name(k) ?>"<?cs if:Form.kind.value == name(k) ?> selected<?cs /if ?>><?cs var:k ?></option>
        <?cs /each ?>
      </select>
      <button type="submit"><?cs var:S.Products.filter ?></button>
      <?cs call:field_error("status") ?><?cs call:field_error("kind") ?><?cs call:field_error("page") ?>
    </div>
  </form>
  <p id="products-total"><?cs var:S.Products.total ?><?cs var:Pager.total ?><?cs var:S.Products.total_unit ?></p>
  <?cs if:subcount(Products.rows) > 0 ?>
  <table class="list" id="products">
    <thead><tr>
      <th scope="col"><?cs var:S.Product.name ?></th>
      <th scope="col"><?cs var:S.Product.fi ?></th>
      <th scope="col"><?cs var:S.Product.kind ?></th>
      <th scope="col"><?cs var:S.Product.amount ?></th>
      <th scope="col"><?cs var:S.Product.term ?></th>
      <th scope="col"><?cs var:S.Products.status ?></th>
      <th scope="col"><?cs var:S.Product.updated ?></th>
    </tr></thead>
    <tbody>
    <?cs each:p = Products.rows ?>
      <tr>
        <td><a href="/products/<?cs var:p.id ?>" class="product-link"><?cs var:p.name ?></a></td>
        <td><?cs var:p.fi_name ?></td>
        <td><?cs var:S.ProductKind[p.kind] ?></td>
        <td><?cs var:p.amount_min ?> - <?cs var:p.amount_max ?> <?cs var:S.Product.wan ?></td>
        <td><?cs var:p.term_min ?> - <?cs var:p.term_max ?> <?cs var:S.Product.months ?></td>
        <td class="status-<?cs var:p.status ?>"><?cs var:S.ProductStatus[p.status] ?></td>
        <td><?cs var:p.updated ?></td>
      </tr>
    <?cs /each ?>
    </tbody>
  </table>
  <?cs else ?>
  <p class="notice" id="products-none"><?cs var:S.Products.none ?></p>
  <?cs /if ?>
  <?cs call:pager() ?>
</section>
<?cs /def ?>
