<?cs include:"_field.cs" ?>
<?cs include:"_input.cs" ?>
<?cs def:title() ?><?cs var:S.Office.edit ?> <?cs var:Office.name ?><?cs /def ?>
<?cs def:content() ?>
<section class="narrow">
  <p><a href="/offices"><?cs var:S.Office.back ?></a></p>
  <h1><?cs var:S.Office.edit ?>：<?cs var:Office.name ?></h1>
  <p><?cs var:S.Office.edit_intro ?></p>
  <p><strong><?cs var:S.Office.region ?></strong>：<span id="office-region"><?cs var:Office.region_name ?>（<?cs var:Office.region ?>）</span></p>
  <?cs if:Office.updated ?><p class="muted" id="office-updated"><?cs var:S.Office.updated ?><?cs var:Office.updated ?>（<?cs var:Office.updated_by ?>）</p><?cs /if ?>
  <form method="post" action="/offices/<?cs var:Office.id ?>/edit" class="stack" novalidate>
    <?cs call:csrf() ?>
    <?cs call:input("address", S.Office.address, "text", 200, S.Office.address_hint) ?>
    <?cs call:input("phone", S.Office.phone, "text", 40, S.Office.phone_hint) ?>
    <?cs call:input("hours", S.Office.hours, "text", 100, S.Office.hours_hint) ?>
    <button type="submit" id="office-save"><?cs var:S.Office.save ?></button>
  </form>
  <p class="muted"><?cs var:S.Office.audited ?></p>
</section>
<?cs /def ?>
