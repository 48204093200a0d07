<?cs include:"_field.cs" ?>
<?cs def:title() ?><?cs var:S.Events.attendees ?> <?cs var:Event.title ?><?cs /def ?>
<?cs def:content() ?>
<section>
  <p><a href="/events/<?cs var:Event.id ?>"><?cs var:S.Events.back_one ?></a></p>
  <h1><?cs var:S.Events.attendees ?>：<?cs var:Event.title ?></h1>
  <?cs if:Done ?><p class="notice" id="done"><?cs var:Done ?></p><?cs /if ?>
  <p><?cs var:Event.starts ?> · <?cs var:S.Events.seats ?><?cs var:Event.registered ?>/<?cs var:Event.capacity ?><?cs if:Event.waiting > 0 ?> · <?cs var:S.Events.waiting ?><?cs var:Event.waiting ?><?cs /if ?>
  · <a href="/events/<?cs var:Event.id ?>/attendees.csv" id="attendees-csv"><?cs var:S.Events.export ?></a></p>
  <?cs if:!Can.mark ?><p class="muted"><?cs var:S.Events.mark_hint ?></p><?cs /if ?>
  <?cs if:subcount(Regs.rows) > 0 ?>

  <table class="list" id="attendees">
    <thead><tr><th scope="col"><?cs var:S.Events.no ?></th><th scope="col"><?cs var:S.Events.person ?></th><th scope="col"><?cs var:S.Events.org ?></th><th scope="col"><?cs var:S.Events.reg_state ?></th><th scope="col"><?cs var:S.Events.queued ?></th><?cs if:Can.mark ?><th scope="col"><?cs var:S.Events.mark ?></th><?cs /if ?></tr></thead>
    <tbody>
    <?cs each:g = Regs.rows ?>
    <tr id="reg-<?cs var:g.id ?>">
      <td><?cs var:g.no ?></td>
      <td><?cs var:g.real_name ?>（<?cs var:g.username ?>）</td>
      <td><?cs var:g.org ?> <span class="muted"><?cs var:S.Role[g.role] ?></span></td>
      <td class="status-<?cs var:g.state ?>"><?cs var:S.EventReg[g.state] ?></td>
      <td><?cs var:g.queued ?></td>
      <?cs if:Can.mark ?><td><?cs if:g.state == "registered" || g.state == "attended" || g.state == "absent" ?>
        <?cs if:g.state != "attended" ?><form method="post" action="/events/<?cs var:Event.id ?>/attendance" class="inline"><?cs call:csrf() ?><input type="hidden" name="reg" value="<?cs var:g.id ?>"><input type="hidden" name="mark" value="attended"><button type="submit"><?cs var:S.Events.mark_attended ?></button></form><?cs /if ?>
        <?cs if:g.state != "absent" ?><form method="post" action="/events/<?cs var:Event.id ?>/attendance" class="inline"><?cs call:csrf() ?><input type="hidden" name="reg" value="<?cs var:g.id ?>"><input type="hidden" name="mark" value="absent"><button type="submit" class="secondary"><?cs var:S.Events.mark_absent ?></button></form><?cs /if ?>
      <?cs /if ?></td><?cs /if ?>
    </tr>
    <?cs /each ?>
    </tbody>
  </table>
  <?cs else ?>
  <p class="notice" id="attendees-none"><?cs var:S.Events.attendees_none ?></p>
  <?cs /if ?>
</section>
<?cs /def ?>
