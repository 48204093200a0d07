<?cs include:"_office_table.cs" ?>
<section class="regions" id="home-offices">
  <h2><?cs var:S.Home.regions_title ?></h2>
  <p><?cs var:S.Home.regions_intro ?></p>
  <form method="get" action="/" class="inline">
    <div class="field<?cs if:Form.region.error ?> has-error<?cs /if ?>">
      <label for="region"><?cs var:S.Home.pick_label ?></label>
      <select id="region" name="region"<?cs if:Form.region.error ?> aria-invalid="true" aria-describedby="region-error"<?cs /if ?>>
        <option value=""><?cs var:S.Home.pick_any ?></option>
        <?cs each:r = Regions ?><option value="<?cs var:r.region ?>"<?cs if:r.selected ?> selected<?cs /if ?>><?cs var:r.region_name ?></option>
        <?cs /each ?>
      </select>
      <button type="submit"><?cs var:S.Home.pick_submit ?></button>
      <?cs if:Form.region.error ?><p class="error-text" id="region-error"><?cs var:Form.region.error ?></p><?cs /if ?>
    </div>
  </form>
  <?cs if:Selected.region ?>
  <div class="selected" id="selected-office">
    <h3><?cs var:S.Home.selected ?>：<?cs var:Selected.region_name ?></h3>
    <p><strong><?cs var:Selected.office ?></strong></p>
    <?cs if:Selected.filled ?>
    <p><?cs var:S.Home.col_address ?>：<?cs var:Selected.address ?></p>
    <p><?cs var:S.Home.col_phone ?>：<?cs var:Selected.phone ?></p>
    <p><?cs var:S.Office.hours ?>：<?cs var:Selected.hours ?></p>
    <?cs else ?>
    <p class="muted office-unfilled"><?cs var:S.Office.unfilled ?><?cs if:Site.hotline ?><?cs var:S.Office.unfilled_hotline ?><?cs var:Site.hotline ?><?cs /if ?></p>
    <?cs /if ?>
  </div>
  <?cs /if ?>
  <?cs call:office_table(Regions, "office-table") ?>
  <p><a href="/offices" id="home-offices-more"><?cs var:S.Office.all ?></a></p>
</section>
