<?cs include:"_pager.cs" ?>
<?cs def:title() ?><?cs var:S.Inbox.title ?><?cs /def ?>
<?cs def:content() ?>
<section>
  <h1><?cs var:S.Inbox.title ?></h1>
  <p class="muted"><?cs var:S.Inbox.intro ?></p>
  <?cs if:Done ?><p class="notice ok" id="done"><?cs var:S.Inbox.done[Done] ?></p><?cs /if ?>
  <p id="inbox-total"><?cs var:S.Inbox.total ?> <?cs var:Inbox.total ?> <?cs var:S.Inbox.total_unit ?><?cs if:Inbox.unread > 0 ?>，<?cs var:S.Inbox.unread ?> <?cs if:Inbox.more ?><?cs var:S.Inbox.more ?><?cs else ?><?cs var:Inbox.unread ?><?cs /if ?><?cs /if ?></p>
  <?cs if:Inbox.unread > 0 ?>
  <form method="post" action="/inbox/read-all" class="inline" id="inbox-read-all">
    <input type="hidden" name="csrf_token" value="<?cs var:CSRF.token ?>">
    <button type="submit"><?cs var:S.Inbox.read_all ?></button>
  </form>
  <?cs /if ?>
  <?cs if:subcount(Inbox.items) > 0 ?>
  <table class="list" id="inbox">
    <thead><tr>
      <th scope="col"><?cs var:S.Inbox.col_time ?></th>
      <th scope="col"><?cs var:S.Inbox.col_title ?></th>
      <th scope="col"><?cs var:S.Inbox.col_state ?></th>
    </tr></thead>
    <tbody>
    <?cs each:i = Inbox.items ?>
      <tr data-notice="<?cs var:i.id ?>" data-kind="<?cs var:i.kind ?>" class="<?cs if:i.unread ?>unread<?cs else ?>read<?cs /if ?>">
        <td><?cs var:i.created ?></td>
        <td><?cs if:i.unread ?><strong class="notice-title"><?cs var:i.title ?></strong><?cs else ?><span class="notice-title"><?cs var:i.title ?></span><?cs /if ?>
          <?cs if:i.body ?><br><span class="notice-body"><?cs var:i.body ?></span><?cs /if ?></td>
        <td><?cs if:i.unread ?><?cs var:S.Inbox.unread ?><?cs else ?><?cs var:S.Inbox.read ?><?cs /if ?>
          <?cs if:i.link || i.unread ?>
          <form method="post" action="/inbox/<?cs var:i.id ?>/read" class="inline">
            <input type="hidden" name="csrf_token" value="<?cs var:CSRF.token ?>">
            <input type="hidden" name="page" value="<?cs var:Inbox.page ?>">
            <?cs if:i.link ?><button type="submit" name="go" value="1"><?cs var:S.Inbox.open ?></button><?cs /if ?>
            <?cs if:i.unread ?><button type="submit"><?cs var:S.Inbox.mark_read ?></button><?cs /if ?>
          </form>
          <?cs /if ?></td>
      </tr>
    <?cs /each ?>
    </tbody>
  </table>
  <?cs else ?>
  <p class="notice" id="inbox-none"><?cs var:S.Inbox.none ?></p>
  <?cs /if ?>
  <?cs call:pager() ?>
</section>
<?cs /def ?>
