<?cs include:"_field.cs" ?>
<?cs def:title() ?><?cs var:Event.title ?><?cs /def ?>
<?cs def:content() ?>
<article class="article">
  <p class="no-print"><a href="/events"><?cs var:S.Events.back ?></a></p>
  <?cs if:Done ?><p class="notice" id="done"><?cs var:Done ?></p><?cs /if ?>
  <?cs if:Refused ?><p class="notice error-text" id="refused"><?cs var:Refused ?></p><?cs /if ?>
  <h1 id="event-title"><?cs var:Event.title ?></h1>
  <p class="muted"><span class="badge"><?cs var:S.EventKind[Event.kind] ?></span> <?cs var:S.Events.by ?><?cs var:Event.region_name ?><?cs if:Event.state != "published" ?> · <strong id="event-state" class="status-<?cs var:Event.state ?>"><?cs var:S.EventState[Event.state] ?></strong><?cs /if ?></p>
  <dl class="facts">
    <dt><?cs var:S.Events.time ?></dt><dd id="event-time"><?cs var:Event.starts ?> — <?cs var:Event.ends ?></dd>
    <?cs if:Event.place ?><dt><?cs var:S.Events.place ?></dt><dd id="event-place"><?cs var:Event.place ?></dd><?cs /if ?>
    <?cs if:Event.online_url ?><dt><?cs var:S.Events.online_url ?></dt><dd><a href="<?cs if:Event.online_https ?>https<?cs else ?>http<?cs /if ?>://<?cs var:Event.online_rest ?>" rel="noopener noreferrer" id="event-url"><?cs var:Event.online_url ?></a></dd><?cs /if ?>
    <dt><?cs var:S.Events.audience ?></dt><dd id="event-audience"><?cs each:k = S.EventAud ?><?cs if:Event.aud[name(k)] ?><span class="badge"><?cs var:k ?></span> <?cs /if ?><?cs /each ?></dd>
    <dt><?cs var:S.Events.deadline_label ?></dt><dd id="event-deadline"><?cs var:Event.deadline ?><?cs if:!Event.open ?>（<?cs var:S.Events.closed ?>）<?cs /if ?></dd>
    <dt><?cs var:S.Events.seats ?></dt><dd id="event-seats"><?cs var:Event.registered ?>/<?cs var:Event.capacity ?><?cs if:Event.waiting > 0 ?> · <?cs var:S.Events.waiting ?><?cs var:Event.waiting ?><?cs /if ?></dd>
  </dl>
  <p class="pre" id="event-body"><?cs var:Event.body ?></p>
  <?cs if:Reg.state ?><p class="notice" id="reg-state"><?cs var:S.Events.your ?><strong class="status-<?cs var:Reg.state ?>"><?cs var:S.EventReg[Reg.state] ?></strong></p><?cs /if ?>
  <div class="actions no-print">
    <?cs if:Can.register ?><form method="post" action="/events/<?cs var:Event.id ?>/register" class="inline"><?cs call:csrf() ?><button type="submit" id="event-register"><?cs if:Event.left > 0 ?><?cs var:S.Events.register ?><?cs else ?><?cs var:S.Events.register_wait ?><?cs /if ?></button></form><?cs /if ?>
    <?cs if:Can.cancel ?><form method="post" action="/events/<?cs var:Event.id ?>/cancel" class="inline"><?cs call:csrf() ?><button type="submit" class="secondary" id="event-cancel"><?cs var:S.Events.cancel ?></button></form><?cs /if ?>
    <?cs if:Can.sign_in ?><a class="button" href="/login" id="event-sign-in"><?cs var:S.Events.sign_in ?></a><?cs /if ?>
  </div>
  <?cs if:Can.manage ?>
  <div class="notice no-print" id="event-admin">
    <p><a href="/events/<?cs var:Event.id ?>/attendees" id="event-attendees"><?cs var:S.Events.attendees ?></a></p>
    <div class="actions">
      <?cs if:Can.edit ?><a class="button" href="/events/<?cs var:Event.id ?>/edit" id="event-edit"><?cs var:S.Events.edit ?></a><?cs /if ?>
      <?cs if:Can.publish ?><form method="post" action="/events/<?cs var:Event.id ?>/publish" class="inline"><?cs call:csrf() ?><button type="submit" id="event-publish"><?cs var:S.Events.publish ?></button></form><?cs /if ?>
      <?cs if:Can.withdraw ?><form method="post" action="/events/<?cs var:Event.id ?>/withdraw" class="inline"><?cs call:csrf() ?><button type="submit" class="secondary" id="event-withdraw"><?cs var:S.Events.withdraw ?></button></form><?cs /if ?>
    </div>
  </div>
  <?cs /if ?>
</article>
<?cs /def ?>
