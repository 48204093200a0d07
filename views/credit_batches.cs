<?cs include:"_pager.cs" ?>
<?cs def:title() ?><?cs var:S.Batches.title ?><?cs /def ?>
<?cs def:content() ?>
<section>
  <h1><?cs var:S.Batches.title ?></h1>
  <?cs if:Can.import ?><p><a class="button" href="/credit/import" id="new-import"><?cs var:S.Import.title ?></a></p><?cs /if ?>
  <p id="batches-total"><?cs var:S.Batches.total ?> <?cs var:Pager.total ?> <?cs var:S.Batches.unit ?></p>
  <?cs if:subcount(Batches) > 0 ?>
  <table class="list" id="batches">
    <thead><tr>
      <th scope="col"><?cs var:S.Batches.col_id ?></th>
      <th scope="col"><?cs var:S.Batches.col_category ?></th>
      <th scope="col"><?cs var:S.Batches.col_agency ?></th>
      <th scope="col"><?cs var:S.Batches.col_status ?></th>
      <th scope="col"><?cs var:S.Batches.col_counts ?></th>
      <th scope="col"><?cs var:S.Batches.col_uploaded ?></th>
    </tr></thead>
    <tbody>
    <?cs each:b = Batches ?>
      <tr data-batch="<?cs var:b.id ?>">
        <td><a href="/credit/batches/<?cs var:b.id ?>"><?cs var:b.id ?></a></td>
        <td><?cs var:b.category ?></td>
        <td><?cs var:b.agency ?></td>
        <td class="batch-<?cs var:b.status ?>"><?cs var:S.Batch.status[b.shown] ?></td>
        <td><?cs var:S.Batch.new ?> <?cs var:b.fresh ?> · <?cs var:S.Batch.dup ?> <?cs var:b.dup ?> · <?cs var:S.Batch.errors ?> <?cs var:b.errors ?></td>
        <td><?cs var:b.uploaded_by ?>（<?cs var:b.uploaded_at ?>）</td>
      </tr>
    <?cs /each ?>
    </tbody>
  </table>
  <?cs else ?>
  <p class="notice" id="batches-none"><?cs var:S.Batches.none ?></p>
  <?cs /if ?>
  <?cs call:pager() ?>
</section>
<?cs /def ?>
