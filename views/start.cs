<?cs def:title() ?><?cs var:S.Start.title ?><?cs /def ?>
<?cs def:content() ?>
<section>
  <h1><?cs var:S.Start.title ?></h1>
  <p class="muted"><?cs var:User.real_name ?>（<?cs var:User.role_label ?>）<?cs if:User.region_name ?> · <?cs var:User.region_name ?><?cs /if ?><?cs if:User.org_name ?> · <?cs var:User.org_name ?><?cs /if ?></p>
  <p id="start-total"><?cs var:S.Start.waiting ?>：<strong id="start-waiting"><?cs var:Start.waiting ?></strong> <?cs var:S.Start.unit ?></p>
  <?cs if:Start.waiting == 0 ?><p class="notice ok" id="start-empty"><?cs var:S.Start.empty ?></p><?cs else ?><p class="muted"><?cs var:S.Start.intro ?></p><?cs /if ?>
  <ul class="start-items" id="start-items">
  <?cs each:i = Start.items ?>
    <li id="start-<?cs var:i.key ?>" class="start-item<?cs if:i.waits ?> waits<?cs /if ?><?cs if:i.fact ?> fact<?cs /if ?>">
      <a href="/<?cs var:i.path ?>"><span class="label"><?cs var:S.Start.item[i.key] ?></span><?cs if:i.count != "" ?> <strong class="count"><?cs var:i.count ?></strong><?cs /if ?></a>
      <?cs if:i.detail ?><span class="detail"><?cs var:i.detail ?></span><?cs /if ?>
    </li>
  <?cs /each ?>
  </ul>
</section>
<?cs /def ?>
