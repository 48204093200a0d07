<?cs def:event_card(e) ?>
  <section class="card event" id="event-<?cs var:e.id ?>">
    <h3><a href="/events/<?cs var:e.id ?>"><?cs var:e.title ?></a></h3>
    <p class="muted"><span class="badge"><?cs var:S.EventKind[e.kind] ?></span> <?cs var:e.starts ?> · <?cs if:e.place ?><?cs var:e.place ?><?cs else ?><?cs var:S.Events.online ?><?cs /if ?> · <?cs var:e.region_name ?></p>
    <p><?cs if:e.state == "cancelled" ?><span class="status-cancelled"><?cs var:S.EventState.cancelled ?></span><?cs elif:e.left > 0 ?><?cs var:S.Events.left ?><?cs var:e.left ?>/<?cs var:e.capacity ?><?cs else ?><?cs var:S.Events.full ?><?cs /if ?><?cs if:e.open && e.state == "published" ?> · <?cs var:S.Events.deadline ?><?cs var:e.deadline ?><?cs /if ?></p>
  </section>
<?cs /def ?>
