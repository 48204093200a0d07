<?cs def:match_why(m, region, amount, term, industry, size) ?>
<ul class="why">
  <li><?cs var:S.Match.region ?><?cs var:region ?></li>
  <li><?cs var:S.Match.amount ?><?cs var:amount ?> <?cs var:S.Loan.wan ?><?cs var:S.Match.within ?><?cs var:m.amount_min ?>–<?cs var:m.amount_max ?> <?cs var:S.Loan.wan ?></li>
  <li><?cs var:S.Match.term ?><?cs var:term ?> <?cs var:S.Loan.months ?><?cs var:S.Match.within ?><?cs var:m.term_min ?>–<?cs var:m.term_max ?> <?cs var:S.Loan.months ?></li>
  <li><?cs if:m.industry_named ?><?cs var:S.Match.industry ?>“<?cs var:m.industries ?>”<?cs var:S.Match.names ?><?cs var:S.Industry[industry] ?>（+<?cs var:S.Match.w_industry ?>）<?cs else ?><?cs var:S.Match.industry_any ?><?cs /if ?></li>
  <li><?cs if:m.size_named ?><?cs var:S.Match.size ?>“<?cs var:m.sizes ?>”<?cs var:S.Match.names ?><?cs var:S.Size[size] ?>（+<?cs var:S.Match.w_size ?>）<?cs else ?><?cs var:S.Match.size_any ?><?cs /if ?></li>
  <?cs if:m.local ?><li><?cs var:S.Match.local ?>（+<?cs var:S.Match.w_local ?>）</li><?cs /if ?>
</ul>
<?cs /def ?>
