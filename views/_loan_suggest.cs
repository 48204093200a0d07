<?cs include:"_match_why.cs" ?>
<?cs if:Suggest_on ?>
  <h2 id="suggest-title"><?cs var:S.Match.title ?></h2>
  <p class="muted"><?cs var:S.Match.rule ?></p>
  <?cs if:subcount(Suggest) > 0 ?>
  <ol class="suggest" id="suggest" aria-labelledby="suggest-title">
    <?cs each:s = Suggest ?>
    <li class="suggestion" data-product="<?cs var:s.id ?>" data-score="<?cs var:s.score ?>">
      <p><a href="/products/<?cs var:s.id ?>"><?cs var:s.name ?></a>（<?cs var:s.fi_name ?>，<?cs var:S.ProductKind[s.kind] ?>，<?cs var:S.Match.rate_from ?><?cs var:s.rate_min ?>%）
        <strong class="score"><?cs var:S.Match.score ?><?cs var:s.score ?></strong><?cs if:s.addressed ?> <span class="badge"><?cs var:S.Match.addressed ?></span><?cs /if ?></p>
      <?cs call:match_why(s, Loan.region_name, Loan.amount_wan, Loan.term_months, Suggest_for.industry, Suggest_for.size) ?>
    </li>
    <?cs /each ?>
  </ol>
  <?cs else ?>
  <p id="suggest-none"><?cs var:S.Match.none ?></p>
  <?cs /if ?>
<?cs /if ?>
