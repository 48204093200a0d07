<?cs include:"_field.cs" ?>
<?cs def:title() ?><?cs var:S.Batch.title ?> <?cs var:Batch.id ?><?cs /def ?>
<?cs def:content() ?>
<section>
  <p><a href="/credit/batches"><?cs var:S.Import.batches ?></a></p>
  <h1><?cs var:S.Batch.title ?> <span class="muted">No. <?cs var:Batch.id ?></span></h1>
  <?cs if:Done ?><p class="notice ok" id="done"><?cs var:Done ?></p><?cs /if ?>
  <?cs if:Stale ?><p class="notice error-text" id="stale"><?cs var:S.Batch.stale ?></p><?cs /if ?>
  <dl class="facts">
    <dt><?cs var:S.Batches.col_status ?></dt><dd id="batch-status" data-status="<?cs var:Batch.status ?>"><?cs var:S.Batch.status[Batch.shown] ?></dd>
    <dt><?cs var:S.Batches.col_category ?></dt><dd><?cs var:Batch.category ?></dd>
    <dt><?cs var:S.Batches.col_agency ?></dt><dd><?cs var:Batch.agency ?></dd>
    <dt><?cs var:S.Batch.file ?></dt><dd><?cs var:Batch.file ?>（<?cs var:Batch.encoding ?>）</dd>
    <dt><?cs var:S.Batches.col_uploaded ?></dt><dd><?cs var:Batch.uploaded_by ?>（<?cs var:Batch.uploaded_at ?>）</dd>
    <?cs if:Batch.confirmed_at ?><dt><?cs var:S.Batch.confirmed ?></dt><dd><?cs var:Batch.confirmed_by ?>（<?cs var:Batch.confirmed_at ?>）</dd><?cs /if ?>
    <?cs if:Batch.withdrawn_at ?><dt><?cs var:S.Batch.withdrawn ?></dt><dd><?cs var:Batch.withdrawn_by ?>（<?cs var:Batch.withdrawn_at ?>）：<?cs var:Batch.withdraw_note ?></dd><?cs /if ?>
  </dl>
  <ul class="counts" id="batch-counts">
    <li><?cs var:S.Batch.total ?> <strong id="count-total"><?cs var:Batch.total ?></strong></li>
    <li><?cs var:S.Batch.new ?> <strong id="count-new"><?cs var:Batch.fresh ?></strong></li>
    <li><?cs var:S.Batch.dup ?> <strong id="count-dup"><?cs var:Batch.dup ?></strong></li>
    <li><?cs var:S.Batch.errors ?> <strong id="count-errors"><?cs var:Batch.errors ?></strong></li>
  </ul>

  <?cs if:Batch.errors > 0 ?>
  <h2><?cs var:S.Batch.error_title ?></h2>
  <p class="notice error-text" id="has-errors"><?cs var:S.Batch.has_errors ?></p>
  <p><a href="/credit/batches/<?cs var:Batch.id ?>/errors.csv" id="errors-csv"><?cs var:S.Batch.errors_csv ?></a></p>
  <table class="list" id="batch-errors">
    <thead><tr>
      <th scope="col"><?cs var:S.Batch.col_row ?></th>
      <th scope="col"><?cs var:S.Batch.col_column ?></th>
      <th scope="col"><?cs var:S.Batch.col_value ?></th>
      <th scope="col"><?cs var:S.Batch.col_message ?></th>
    </tr></thead>
    <tbody>
    <?cs each:e = Errors ?>
      <tr><td><?cs var:e.row ?></td><td><?cs var:e.column ?></td><td><?cs var:e.value ?></td><td><?cs var:e.message ?></td></tr>
    <?cs /each ?>
    </tbody>
  </table>
  <?cs /if ?>

  <?cs if:subcount(Rows) > 0 ?>
  <h2><?cs var:S.Batch.preview ?></h2>
  <div class="scroll">
  <table class="list" id="batch-rows">
    <thead><tr>
      <th scope="col"><?cs var:S.Batch.col_row ?></th>
      <th scope="col"><?cs var:S.Batch.col_uscc ?></th>
      <th scope="col"><?cs var:S.Batch.col_name ?></th>
      <th scope="col"><?cs var:DateLabel ?></th>
      <?cs if:HasPeriod ?><th scope="col"><?cs var:S.Batch.col_period ?></th><?cs /if ?>
      <?cs each:c = Columns ?><th scope="col"><?cs var:c ?></th><?cs /each ?>
      <th scope="col"></th>
    </tr></thead>
    <tbody>
    <?cs each:x = Rows ?>
      <tr<?cs if:x.dup ?> class="dup"<?cs /if ?>>
        <td><?cs var:x.row ?></td><td><?cs var:x.uscc ?></td><td><?cs var:x.name ?></td><td><?cs var:x.date ?></td>
        <?cs if:HasPeriod ?><td><?cs var:x.period ?></td><?cs /if ?>
        <?cs each:v = x.v ?><td><?cs var:v ?></td><?cs /each ?>
        <td><?cs if:x.dup ?><?cs var:S.Batch.is_dup ?><?cs /if ?></td>
      </tr>
    <?cs /each ?>
    </tbody>
  </table>
  </div>
  <?cs /if ?>

  <?cs if:Can.confirm ?>
  <form method="post" action="/credit/batches/<?cs var:Batch.id ?>/confirm" class="stack" id="batch-confirm">
    <?cs call:csrf() ?>
    <p><?cs var:S.Batch.confirm_intro ?></p>
    <button type="submit" id="confirm-submit"><?cs var:S.Batch.confirm ?></button>
  </form>
  <?cs /if ?>
  <?cs if:Can.discard ?>
  <form method="post" action="/credit/batches/<?cs var:Batch.id ?>/discard" class="stack" id="batch-discard">
    <?cs call:csrf() ?>
    <button type="submit" class="danger" id="discard-submit"><?cs var:S.Batch.discard ?></button>
  </form>
  <?cs /if ?>
  <?cs if:Can.withdraw ?>
  <form method="post" action="/credit/batches/<?cs var:Batch.id ?>/withdraw" class="stack narrow" id="batch-withdraw" novalidate>
    <?cs call:csrf() ?>
    <div class="field<?cs if:Form.note.error ?> has-error<?cs /if ?>">
      <label for="note"><?cs var:S.Batch.withdraw_note ?></label>
      <textarea id="note" name="note" rows="3" maxlength="500"<?cs call:invalid("note") ?>><?cs var:Form.note.value ?></textarea>
      <?cs call:field_error("note") ?>
    </div>
    <button type="submit" id="withdraw-submit"><?cs var:S.Batch.withdraw ?></button>
  </form>
  <?cs /if ?>
</section>
<?cs /def ?>
