<?cs include:"_field.cs" ?>
<?cs include:"_input.cs" ?>
<?cs def:title() ?><?cs if:Fi.new ?><?cs var:S.Fi.new ?><?cs else ?><?cs var:S.Fi.edit ?> <?cs var:Fi.name ?><?cs /if ?><?cs /def ?>
<?cs def:content() ?>
<section class="narrow">
  <?cs if:Fi.new ?>
  <p><a href="/fis"><?cs var:S.Fi.back ?></a></p>
  <h1><?cs var:S.Fi.new ?></h1>
  <form method="post" action="/fis/new" class="stack" novalidate>
  <?cs else ?>
  <p><a href="/fis/<?cs var:Fi.id ?>"><?cs var:S.Fi.back_one ?></a></p>
  <h1><?cs var:S.Fi.edit ?>：<?cs var:Fi.name ?></h1>
  <form method="post" action="/fis/<?cs var:Fi.id ?>/edit" class="stack" novalidate>
  <?cs /if ?>
    <?cs call:csrf() ?>
    <?cs call:input("name", S.Fi.name, "text", 100, S.Fi.name_hint) ?>
    <div class="field<?cs if:Form.kind.error ?> has-error<?cs /if ?>">
      <label for="kind"><?cs var:S.Fi.kind ?></label>
      <select id="kind" name="kind"<?cs call:invalid("kind") ?>>
        <option value=""><?cs var:S.Profile.choose ?></option>
        <?cs each:k = S.FiKind ?><option value="<?cs var:name(k) ?>"<?cs if:Form.kind.value == name(k) ?> selected<?cs /if ?>><?cs var:k ?></option>
        <?cs /each ?>
      </select>
      <?cs call:field_error("kind") ?>
    </div>
    <?cs call:input("code", S.Fi.code, "text", 14, S.Fi.code_hint) ?>
    <?cs if:Fi.new ?>
    <div class="field<?cs if:Form.region.error ?> has-error<?cs /if ?>">
      <label for="region"><?cs var:S.Fi.region ?></label>
      <select id="region" name="region"<?cs call:invalid("region") ?>>
        <?cs if:subcount(Regions) > 1 ?><option value=""><?cs var:S.Profile.choose ?></option><?cs /if ?>
        <?cs each:g = Regions ?><option value="<?cs var:g.code ?>"<?cs if:g.selected ?> selected<?cs /if ?>><?cs var:g.name ?>（<?cs var:g.code ?>）</option>
        <?cs /each ?>
      </select>
      <p class="hint"><?cs var:S.Fi.region_hint ?></p>
      <?cs call:field_error("region") ?>
    </div>
    <?cs else ?>
    <div class="field">
      <p><strong><?cs var:S.Fi.region ?></strong>：<span id="fi-region"><?cs var:Fi.region_name ?>（<?cs var:Fi.region ?>）</span></p>
      <p class="hint"><?cs var:S.Fi.region_fixed ?></p>
    </div>
    <?cs /if ?>
    <div class="field<?cs if:Form.parent_id.error ?> has-error<?cs /if ?>">
      <label for="parent_id"><?cs var:S.Fi.parent ?></label>
      <select id="parent_id" name="parent_id"<?cs call:invalid("parent_id") ?>>
        <option value=""><?cs var:S.Fi.no_parent ?></option>
        <?cs each:p = Parents ?><option value="<?cs var:p.id ?>"<?cs if:p.selected ?> selected<?cs /if ?>><?cs var:p.name ?>（<?cs var:p.region_name ?>）</option>
        <?cs /each ?>
      </select>
      <p class="hint"><?cs var:S.Fi.parent_hint ?></p>
      <?cs call:field_error("parent_id") ?>
    </div>
    <?cs call:input("address", S.Fi.address, "text", 200, "") ?>
    <button type="submit" id="fi-save"><?cs if:Fi.new ?><?cs var:S.Fi.create ?><?cs else ?><?cs var:S.Fi.save ?><?cs /if ?></button>
  </form>
  <p class="muted"><?cs var:S.Fi.audited ?></p>
</section>
<?cs /def ?>
