<?cs include:"_pager.cs" ?>
<?cs def:title() ?><?cs var:S.Measures.title ?><?cs /def ?>
<?cs def:content() ?>
<section>
  <h1><?cs var:S.Measures.title ?></h1>
  <?cs if:Staff ?>
  <p><?cs var:S.Measures.intro_staff ?></p>
  <?cs if:Can.propose ?><p class="no-print"><a class="button" href="/measures/new" id="measure-new"><?cs var:S.Measures.new ?></a></p><?cs /if ?>
  <form method="get" action="/measures" class="inline search no-print" novalidate>
    <div class="field">
      <label for="kind"><?cs var:S.Measures.kind ?></label>
      <select id="kind" name="kind">
        <option value=""><?cs var:S.News.all ?></option>
        <?cs each:k = S.MeasureKind ?><option value="<?cs var:name(k) ?>"<?cs if:Form.kind.value == name(k) ?> selected<?cs /if ?>><?cs var:k ?></option>
        <?cs /each ?>
      </select>
    </div>
    <div class="field">
      <label for="state"><?cs var:S.Measures.state ?></label>
      <select id="state" name="state">
        <option value=""><?cs var:S.News.all ?></option>
        <?cs each:k = S.MeasureState ?><option value="<?cs var:name(k) ?>"<?cs if:Form.state.value == name(k) ?> selected<?cs /if ?>><?cs var:k ?></option>
        <?cs /each ?>
      </select>
    </div>
    <div class="field">
      <label for="q"><?cs var:S.Measures.q ?></label>
      <input id="q" name="q" type="text" maxlength="100" value="<?cs var:Form.q.value ?>">
    </div>
    <button type="submit"><?cs var:S.News.filter ?></button>
  </form>
  <?cs if:Can.export ?><p class="no-print"><a href="/measures.csv?<?cs var:Measures.query ?>" id="measures-csv"><?cs var:S.Measures.csv ?></a></p><?cs /if ?>
  <?cs else ?>
  <p><?cs var:S.Measures.intro_ent ?></p>
  <?cs /if ?>
  <p id="measures-total"><?cs var:S.Measures.total ?><?cs var:Measures.total ?></p>
  <?cs if:subcount(Measures.rows) > 0 ?>
  <table id="measures-list">
    <thead><tr><th scope="col"><?cs var:S.Measures.number ?></th><?cs if:Staff ?><th scope="col"><?cs var:S.Measures.enterprise ?></th><?cs /if ?><th scope="col"><?cs var:S.Measures.kind ?></th><th scope="col"><?cs var:S.Measures.starts ?></th><th scope="col"><?cs var:S.Measures.ends ?></th><th scope="col"><?cs var:S.Measures.state ?></th><?cs if:Staff ?><th scope="col"><?cs var:S.Measures.by ?></th><?cs /if ?></tr></thead>
    <tbody>
    <?cs each:m = Measures.rows ?>
    <tr id="measure-<?cs var:m.id ?>">
      <td><a href="/measures/<?cs var:m.id ?>"><?cs var:m.id ?></a></td>
      <?cs if:Staff ?><td><?cs var:m.ent_name ?><br><span class="muted"><?cs var:m.ent_uscc ?> · <?cs var:m.region_name ?></span></td><?cs /if ?>
      <td><?cs var:m.kind_label ?></td>
      <td><?cs var:m.starts_on ?></td>
      <td><?cs if:m.ends_on ?><?cs var:m.ends_on ?><?cs else ?><?cs var:S.Measures.no_end ?><?cs /if ?></td>
      <td class="status-<?cs var:m.shown ?>"><?cs var:m.shown_label ?></td>
      <?cs if:Staff ?><td><?cs if:m.fi_name ?><?cs var:m.fi_name ?><?cs else ?><?cs var:m.proposer ?><?cs /if ?></td><?cs /if ?>
    </tr>
    <?cs /each ?>
    </tbody>
  </table>
  <?cs else ?>
  <p class="notice" id="measures-none"><?cs var:S.Measures.none ?></p>
  <?cs /if ?>
  <?cs if:Staff ?><?cs call:pager() ?><?cs /if ?>
</section>
<?cs /def ?>
