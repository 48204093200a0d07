<?cs include:"_pager.cs" ?>
<?cs def:title() ?><?cs var:S.Nav.events_manage ?><?cs /def ?>
<?cs def:content() ?>
<section>
  <h1><?cs var:S.Nav.events_manage ?></h1>
  <p><?cs var:S.Events.manage_intro ?></p>
  <?cs if:Can.create ?><p><a class="button" href="/events/new" id="event-new"><?cs var:S.Events.new ?></a></p><?cs /if ?>
  <?cs if:subcount(Events.rows) > 0 ?>
  <table class="list" id="events-list">
    <thead><tr><th scope="col"><?cs var:S.Events.title_label ?></th><th scope="col"><?cs var:S.Events.kind ?></th><th scope="col"><?cs var:S.Events.time ?></th><th scope="col"><?cs var:S.Events.seats ?></th><th scope="col"><?cs var:S.Events.state ?></th></tr></thead>
    <tbody>
    <?cs each:e = Events.rows ?>
    <tr>
      <td><a href="/events/<?cs var:e.id ?>"><?cs var:e.title ?></a></td>
      <td><?cs var:S.EventKind[e.kind] ?></td>
      <td><?cs var:e.starts ?></td>
      <td><a href="/events/<?cs var:e.id ?>/attendees"><?cs var:e.registered ?>/<?cs var:e.capacity ?><?cs if:e.waiting > 0 ?> +<?cs var:e.waiting ?><?cs /if ?></a></td>
      <td class="status-<?cs var:e.state ?>"><?cs var:S.EventState[e.state] ?></td>
    </tr>
    <?cs /each ?>
    </tbody>
  </table>
  <?cs else ?>
  <p class="notice" id="events-none"><?cs var:S.Events.manage_none ?></p>
  <?cs /if ?>
  <?cs call:pager() ?>
</section>
<?cs /def ?>
