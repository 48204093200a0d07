<section class="regions">
  <h2><?cs var:S.Home.regions_title ?></h2>
  <p><?cs var:S.Home.regions_intro ?></p>
  <form method="get" action="/" class="inline">
    <div class="field<?cs if:Form.region.error ?> has-error<?cs /if ?>">
      <label for="region"><?cs var:S.Home.pick_label ?></label>
      <select id="region" name="region"<?cs if:Form.region.error ?> aria-invalid="true" aria-describedby="region-error"<?cs /if ?>>
        <option value=""><?cs var:S.Home.pick_any ?></option>
        <?cs each:r = Regions ?><option value="<?cs var:r.code ?>"<?cs if:r.selected ?> selected<?cs /if ?>><?cs var:r.name ?></option>
        <?cs /each ?>
      </select>
      <button type="submit"><?cs var:S.Home.pick_submit ?></button>
      <?cs if:Form.region.error ?><p class="error-text" id="region-error"><?cs var:Form.region.error ?></p><?cs /if ?>
    </div>
  </form>
  <?cs if:Selected.code ?>
  <div class="selected" id="selected-office">
    <h3><?cs var:S.Home.selected ?>：<?cs var:Selected.name ?></h3>
    <p><strong><?cs var:Selected.office ?></strong></p>
    <?cs if:Selected.address ?><p><?cs var:S.Home.col_address ?>：<?cs var:Selected.address ?></p><?cs /if ?>
    <?cs if:Selected.phone ?><p><?cs var:S.Home.col_phone ?>：<?cs var:Selected.phone ?></p><?cs /if ?>
  </div>
  <?cs /if ?>
  <table class="list">
    <thead><tr><th scope="col"><?cs var:S.Home.col_region ?></th><th scope="col"><?cs var:S.Home.col_code ?></th><th scope="col"><?cs var:S.Home.col_office ?></th></tr></thead>
    <tbody>
    <?cs each:r = Regions ?><tr<?cs if:r.selected ?> class="current"<?cs /if ?>><td><?cs var:r.name ?><?cs if:r.province ?>（<?cs var:S.Home.province ?>）<?cs /if ?></td><td><?cs var:r.code ?></td><td><?cs var:r.office ?></td></tr>
    <?cs /each ?>
    </tbody>
  </table>
</section>
