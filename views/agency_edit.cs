<?cs include:"_field.cs" ?>
<?cs include:"_input.cs" ?>
<?cs def:title() ?><?cs if:Agency.new ?><?cs var:S.Agency.new ?><?cs else ?><?cs var:S.Agency.edit ?> <?cs var:Agency.name ?><?cs /if ?><?cs /def ?>
<?cs def:content() ?>
<section class="narrow">
  <?cs if:Agency.new ?>
  <p><a href="/agencies"><?cs var:S.Agency.back ?></a></p>
  <h1><?cs var:S.Agency.new ?></h1>
  <form method="post" action="/agencies/new" class="stack" novalidate>
  <?cs else ?>
  <p><a href="/agencies/<?cs var:Agency.id ?>"><?cs var:S.Agency.back_one ?></a></p>
  <h1><?cs var:S.Agency.edit ?>：<?cs var:Agency.name ?></h1>
  <form method="post" action="/agencies/<?cs var:Agency.id ?>/edit" class="stack" novalidate>
  <?cs /if ?>
    <?cs call:csrf() ?>
    <fieldset><legend><?cs var:S.Agency.facts ?></legend>
    <?cs call:input("name", S.Agency.name, "text", 100, S.Agency.name_hint) ?>
    <?cs if:Agency.new ?>
    <div class="field<?cs if:Form.region.error ?> has-error<?cs /if ?>">
      <label for="region"><?cs var:S.Agency.region ?></label>
      <select id="region" name="region"<?cs call:invalid("region") ?>>
        <?cs if:subcount(Regions) > 1 ?><option value=""><?cs var:S.Profile.choose ?></option><?cs /if ?>
        <?cs each:g = Regions ?><option value="<?cs var:g.code ?>"<?cs if:g.selected ?> selected<?cs /if ?>><?cs var:g.name ?>（<?cs var:g.code ?>）</option>
        <?cs /each ?>
      </select>
      <p class="hint"><?cs var:S.Agency.region_hint ?></p>
      <?cs call:field_error("region") ?>
    </div>
    <?cs else ?>
    <div class="field">
      <p><strong><?cs var:S.Agency.region ?></strong>：<span id="agency-region"><?cs var:Agency.region_name ?>（<?cs var:Agency.region ?>）</span></p>
      <p class="hint"><?cs var:S.Agency.region_fixed ?></p>
    </div>
    <?cs /if ?>
    <?cs call:input("dept_code", S.Agency.dept_code, "text", 40, S.Agency.dept_code_hint) ?>
    <?cs call:input("address", S.Agency.address, "text", 200, "") ?>
    </fieldset>
    <fieldset><legend><?cs var:S.Agency.net ?></legend>
    <p class="hint"><?cs var:S.Agency.net_hint ?></p>
    <?cs call:input("net_name", S.Agency.net_name, "text", 50, "") ?>
    <?cs call:input("net_title", S.Agency.net_title, "text", 100, "") ?>
    <?cs call:input("net_contact", S.Agency.net_contact, "text", 100, "") ?>
    </fieldset>
    <button type="submit" id="agency-save"><?cs if:Agency.new ?><?cs var:S.Agency.create ?><?cs else ?><?cs var:S.Agency.save ?><?cs /if ?></button>
  </form>
  <p class="muted"><?cs var:S.Agency.audited ?></p>
</section>
<?cs /def ?>
