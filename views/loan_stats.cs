<?cs include:"_field.cs" ?>
<?cs def:title() ?><?cs var:S.LoanStats.title ?><?cs /def ?>
<?cs def:date_field(name, label) ?>
    <div class="field<?cs if:Form[name].error ?> has-error<?cs /if ?>">
      <label for="<?cs var:name ?>"><?cs var:label ?></label>
      <input id="<?cs var:name ?>" name="<?cs var:name ?>" type="date" value="<?cs var:Form[name].value ?>" placeholder="2026-01-31" maxlength="10"<?cs call:invalid(name) ?>>
      <?cs call:field_error(name) ?>
    </div>
<?cs /def ?>
<?cs def:stats_table(id, caption, dim, rows, total) ?>
  <div class="table-scroll">
  <table class="list stats" id="<?cs var:id ?>">
    <caption><?cs var:caption ?></caption>
    <thead><tr>
      <th scope="col"><?cs var:dim ?></th>
      <th scope="col"><?cs var:S.LoanStats.apps ?></th>
      <th scope="col"><?cs var:S.LoanStats.requested ?></th>
      <th scope="col"><?cs var:S.LoanStats.decided ?></th>
      <th scope="col"><?cs var:S.LoanStats.approved ?></th>
      <th scope="col"><?cs var:S.LoanStats.rate ?></th>
      <th scope="col"><?cs var:S.LoanStats.approved_wan ?></th>
      <th scope="col"><?cs var:S.LoanStats.disbursed ?></th>
      <th scope="col"><?cs var:S.LoanStats.disbursed_wan ?></th>
      <th scope="col"><?cs var:S.LoanStats.take_h ?></th>
      <th scope="col"><?cs var:S.LoanStats.decide_h ?></th>
    </tr></thead>
    <tbody>
    <?cs each:g = rows ?>
      <tr data-key="<?cs var:g.key ?>">
        <th scope="row"><?cs var:g.name ?></th>
        <td class="apps"><?cs var:g.apps ?></td>
        <td class="requested"><?cs var:g.requested ?></td>
        <td class="decided"><?cs var:g.decided ?></td>
        <td class="approved"><?cs var:g.approved ?></td>
        <td class="rate"><?cs if:g.rate ?><?cs var:g.rate ?>%<?cs else ?>—<?cs /if ?></td>
        <td class="approved-wan"><?cs var:g.approved_wan ?></td>
        <td class="disbursed"><?cs var:g.disbursed ?></td>
        <td class="disbursed-wan"><?cs var:g.disbursed_wan ?></td>
        <td class="take-h"><?cs if:g.take_h ?><?cs var:g.take_h ?><?cs else ?>—<?cs /if ?></td>
        <td class="decide-h"><?cs if:g.decide_h ?><?cs var:g.decide_h ?><?cs else ?>—<?cs /if ?></td>
      </tr>
    <?cs /each ?>
    </tbody>
    <tfoot>
      <tr class="total">
        <th scope="row"><?cs var:total.name ?></th>
        <td class="apps"><?cs var:total.apps ?></td>
        <td class="requested"><?cs var:total.requested ?></td>
        <td class="decided"><?cs var:total.decided ?></td>
        <td class="approved"><?cs var:total.approved ?></td>
        <td class="rate"><?cs if:total.rate ?><?cs var:total.rate ?>%<?cs else ?>—<?cs /if ?></td>
        <td class="approved-wan"><?cs var:total.approved_wan ?></td>
        <td class="disbursed"><?cs var:total.disbursed ?></td>
        <td class="disbursed-wan"><?cs var:total.disbursed_wan ?></td>
        <td class="take-h"><?cs if:total.take_h ?><?cs var:total.take_h ?><?cs else ?>—<?cs /if ?></td>
        <td class="decide-h"><?cs if:total.decide_h ?><?cs var:total.decide_h ?><?cs else ?>—<?cs /if ?></td>
      </tr>
    </tfoot>
  </table>
  </div>
<?cs /def ?>
<?cs def:chart(c) ?>
  <figure class="chart">
  <figcaption><?cs var:c.title ?></figcaption>
  <svg class="chart" id="<?cs var:c.id ?>" viewBox="0 0 <?cs var:c.width ?> <?cs var:c.height ?>" role="img" aria-labelledby="<?cs var:c.id ?>-title <?cs var:c.id ?>-desc" aria-label="<?cs var:c.title ?>" xmlns="http://www.w3.org/2000/svg" font-size="12" font-family="sans-serif">
    <title id="<?cs var:c.id ?>-title"><?cs var:c.title ?></title>
    <desc id="<?cs var:c.id ?>-desc"><?cs var:S.LoanStats.chart_desc ?><?cs var:c.top ?><?cs each:g = c.groups ?>；<?cs var:g.label ?><?cs each:b = g.bars ?> <?cs var:b.series ?> <?cs var:b.value ?><?cs /each ?><?cs /each ?></desc>
    <rect x="0" y="0" width="<?cs var:c.width ?>" height="<?cs var:c.height ?>" fill="#ffffff"/>
    <?cs each:l = c.legend ?><rect x="<?cs var:l.x ?>" y="2" width="10" height="10" fill="<?cs var:l.colour ?>"/><text x="<?cs var:l.tx ?>" y="11" fill="#222222"><?cs var:l.name ?></text>
    <?cs /each ?>
    <?cs each:t = c.ticks ?><line x1="<?cs var:t.x ?>" y1="22" x2="<?cs var:t.x ?>" y2="<?cs var:c.axis_y2 ?>" stroke="#767676" stroke-width="0.5"/><text x="<?cs var:t.x ?>" y="21" text-anchor="middle" fill="#222222" font-size="10"><?cs var:t.label ?></text>
    <?cs /each ?>
    <?cs each:g = c.groups ?>
    <g class="bar-group">
      <text x="<?cs var:c.label_x ?>" y="<?cs var:g.label_y ?>" text-anchor="end" fill="#222222"><?cs var:g.label ?></text>
      <?cs each:b = g.bars ?><rect class="bar" x="<?cs var:c.bar_x ?>" y="<?cs var:b.y ?>" width="<?cs var:b.w ?>" height="<?cs var:b.h ?>" fill="<?cs var:b.colour ?>" data-value="<?cs var:b.value ?>"><title><?cs var:g.label ?> <?cs var:b.series ?>：<?cs var:b.value ?></title></rect><text x="<?cs var:b.text_x ?>" y="<?cs var:b.text_y ?>" fill="#222222"><?cs var:b.value ?></text>
      <?cs /each ?>
    </g>
    <?cs /each ?>
  </svg>
  </figure>
<?cs /def ?>
<?cs def:content() ?>
<section>
  <h1><?cs var:S.LoanStats.title ?></h1>
  <p class="muted"><?cs if:Stats.fi ?><?cs var:S.LoanStats.scope_fi ?><?cs else ?><?cs var:S.LoanStats.scope_ops ?><?cs /if ?></p>
  <form method="get" action="/loan-stats" class="filters" novalidate>
    <?cs call:date_field("from", S.LoanStats.from) ?>
    <?cs call:date_field("to", S.LoanStats.to) ?>
    <div class="field"><button type="submit"><?cs var:S.LoanStats.show ?></button></div>
  </form>
  <p class="muted"><?cs var:S.LoanStats.rule ?></p>
  <?cs if:!Stats.invalid ?>
  <p id="stats-period"><?cs var:S.LoanStats.period ?><?cs var:Stats.from ?> — <?cs var:Stats.to ?>
    <a href="/loan-stats.csv?from=<?cs var:Stats.from ?>&amp;to=<?cs var:Stats.to ?>" id="stats-csv"><?cs var:S.LoanStats.csv ?></a></p>
  <h2><?cs var:S.LoanStats.by_city ?></h2>
  <?cs call:stats_table("stats-city", S.LoanStats.by_city, S.LoanStats.city, ByCity, Totals.0) ?>
  <?cs call:chart(Charts.0) ?>
  <?cs call:chart(Charts.1) ?>
  <h2><?cs var:S.LoanStats.by_fi ?></h2>
  <?cs call:stats_table("stats-fi", S.LoanStats.by_fi, S.LoanStats.fi, ByFi, Totals.1) ?>
  <?cs call:chart(Charts.2) ?>
  <?cs call:chart(Charts.3) ?>
  <?cs /if ?>
</section>
<?cs /def ?>
