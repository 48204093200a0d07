<?cs include:"_match_why.cs" ?>
<?cs def:title() ?><?cs var:S.Match.fi_title ?><?cs /def ?>
<?cs def:content() ?>
<section>
  <h1><?cs var:S.Match.fi_title ?></h1>
  <p class="muted"><?cs var:S.Match.fi_scope ?></p>
  <p class="muted"><?cs var:S.Match.rule ?></p>
  <?cs if:subcount(Leads) > 0 ?>
  <ol class="suggest" id="leads">
    <?cs each:d = Leads ?>
    <li class="lead" data-loan="<?cs var:d.id ?>" data-product="<?cs var:d.product_id ?>" data-score="<?cs var:d.score ?>">
      <p><a href="/loans/<?cs var:d.id ?>"><?cs var:d.number ?></a> <?cs var:d.ent_name ?>（<?cs var:d.region_name ?>，<?cs var:d.published ?>）
        <strong class="score"><?cs var:S.Match.score ?><?cs var:d.score ?></strong></p>
      <p><?cs var:S.Match.fits_product ?><a href="/products/<?cs var:d.product_id ?>" class="product"><?cs var:d.product_name ?></a></p>
      <?cs call:match_why(d, d.region_name, d.amount_wan, d.term_months, d.industry, d.size) ?>
    </li>
    <?cs /each ?>
  </ol>
  <?cs else ?>
  <p id="leads-none"><?cs var:S.Match.fi_none ?></p>
  <?cs /if ?>
</section>
<?cs /def ?>
