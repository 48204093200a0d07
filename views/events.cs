<?cs include:"_pager.cs" ?>
<?cs include:"_event_row.cs" ?>
<?cs def:title() ?><?cs var:S.Events.title ?><?cs /def ?>
<?cs def:content() ?>
<section>
  <h1><?cs var:S.Events.title ?></h1>
  <p><?cs var:S.Events.intro ?></p>
  <?cs if:Can.manage ?><p><a href="/events/manage" id="events-manage"><?cs var:S.Nav.events_manage ?></a></p><?cs /if ?>
  <?cs if:subcount(Events.rows) > 0 ?>
  <?cs each:e = Events.rows ?><?cs call:event_card(e) ?><?cs /each ?>
  <?cs call:pager() ?>
  <?cs else ?>
  <p class="notice" id="events-none"><?cs var:S.Events.none ?></p>
  <?cs /if ?>
</section>
<?cs /def ?>
