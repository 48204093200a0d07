<?cs def:title() ?><?cs var:S.CCat.title ?><?cs /def ?>
<?cs def:content() ?>
<section>
  <h1><?cs var:S.CCat.title ?></h1>
  <?cs if:Done ?><p class="notice" id="done"><?cs var:S.CCat.done ?></p><?cs /if ?>
  <p><?cs var:S.CCat.intro ?></p>
  <?cs if:Can.edit ?><p><a class="button" href="/credit/categories/new" id="ccat-new"><?cs var:S.CCat.new ?></a></p>
  <?cs else ?><p class="muted"><?cs var:S.CCat.province_only ?></p><?cs /if ?>
  <?cs if:subcount(Categories) > 0 ?>
  <table class="list" id="categories">
    <thead><tr>
      <th scope="col"><?cs var:S.CCat.name ?></th>
      <th scope="col"><?cs var:S.CCat.code ?></th>
      <th scope="col"><?cs var:S.CCat.date_label ?></th>
      <th scope="col"><?cs var:S.CCat.col_count ?></th>
      <th scope="col"><?cs var:S.CCat.active ?></th>
      <th scope="col"><?cs var:S.CCat.template ?></th>
      <?cs if:Can.edit ?><th scope="col"><?cs var:S.CCat.actions ?></th><?cs /if ?>
    </tr></thead>
    <tbody>
    <?cs each:c = Categories ?>
      <tr data-category="<?cs var:c.code ?>">
        <td><?cs var:c.name ?></td>
        <td><code><?cs var:c.code ?></code></td>
        <td><?cs var:c.date_label ?><?cs if:c.has_period ?>，<?cs var:S.CCat.has_period_short ?><?cs /if ?></td>
        <td class="ccat-cols"><?cs var:c.cols ?></td>
        <td class="ccat-active"><?cs if:c.active ?><?cs var:S.CCat.yes ?><?cs else ?><?cs var:S.CCat.no ?><?cs /if ?></td>
        <td><a href="/credit/categories/<?cs var:c.id ?>/template.csv"><?cs var:S.CCat.download ?></a></td>
        <?cs if:Can.edit ?><td><a href="/credit/categories/<?cs var:c.id ?>/edit"><?cs var:S.CCat.edit ?></a></td><?cs /if ?>
      </tr>
    <?cs /each ?>
    </tbody>
  </table>
  <?cs else ?>
  <p class="notice" id="categories-none"><?cs var:S.CCat.none ?></p>
  <?cs /if ?>
</section>
<?cs /def ?>
