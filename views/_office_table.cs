<?cs def:office_table(rows, tid) ?>
  <table class="list offices" id="<?cs var:tid ?>">
    <thead><tr><th scope="col"><?cs var:S.Home.col_region ?></th><th scope="col"><?cs var:S.Home.col_office ?></th><th scope="col"><?cs var:S.Home.col_address ?></th><th scope="col"><?cs var:S.Home.col_phone ?></th><th scope="col"><?cs var:S.Office.hours ?></th></tr></thead>
    <tbody>
    <?cs each:o = rows ?><tr id="office-<?cs var:o.region ?>"<?cs if:o.selected ?> class="current"<?cs /if ?>><td><?cs var:o.region_name ?><?cs if:o.province ?>（<?cs var:S.Home.province ?>）<?cs /if ?></td><td><?cs var:o.office ?><?cs if:o.edit ?> <a href="/offices/<?cs var:o.office_id ?>/edit" class="no-print" id="office-edit-<?cs var:o.office_id ?>"><?cs var:S.Office.edit_link ?></a><?cs /if ?></td>
      <?cs if:o.filled ?><td class="office-address"><?cs var:o.address ?></td><td class="office-phone"><?cs var:o.phone ?></td><td class="office-hours"><?cs var:o.hours ?></td>
      <?cs else ?><td colspan="3" class="muted office-unfilled"><?cs var:S.Office.unfilled ?><?cs if:Site.hotline ?><?cs var:S.Office.unfilled_hotline ?><?cs var:Site.hotline ?><?cs /if ?></td><?cs /if ?></tr>
    <?cs /each ?>
    </tbody>
  </table>
<?cs /def ?>
