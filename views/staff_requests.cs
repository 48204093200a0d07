<?cs def:title() ?><?cs var:S.SReq.title ?><?cs /def ?>
<?cs def:sreq_rows(list, decided) ?>
  <table class="list" id="<?cs if:decided ?>decided<?cs else ?>pending<?cs /if ?>">
    <thead><tr>
      <th scope="col"><?cs var:S.SReq.col_id ?></th>
      <th scope="col"><?cs var:S.SReq.col_target ?></th>
      <th scope="col"><?cs var:S.SReq.col_role ?></th>
      <th scope="col"><?cs var:S.SReq.col_region ?></th>
      <th scope="col"><?cs var:S.SReq.col_action ?></th>
      <th scope="col"><?cs var:S.SReq.col_reason ?></th>
      <th scope="col"><?cs var:S.SReq.col_requester ?></th>
      <th scope="col"><?cs var:S.SReq.col_requested_at ?></th>
      <th scope="col"><?cs var:S.SReq.col_status ?></th>
    </tr></thead>
    <tbody>
    <?cs each:q = list ?>
      <tr data-request="<?cs var:q.id ?>">
        <td><a href="/users/requests/<?cs var:q.id ?>"><?cs var:q.id ?></a></td>
        <td><a href="/users/<?cs var:q.target_id ?>"><?cs var:q.target ?></a>（<?cs var:q.target_name ?>）</td>
        <td><?cs var:S.Role[q.role] ?></td>
        <td><?cs var:q.region ?></td>
        <td><?cs var:S.SReq.act[q.act] ?></td>
        <td><?cs var:q.reason ?></td>
        <td><?cs var:q.requester ?></td>
        <td><?cs var:q.requested_at ?></td>
        <td><?cs var:S.SReq.status[q.status] ?></td>
      </tr>
    <?cs /each ?>
    </tbody>
  </table>
<?cs /def ?>
<?cs def:content() ?>
<section>
  <p><a href="/users"><?cs var:S.User.back ?></a></p>
  <h1><?cs var:S.SReq.title ?></h1>
  <p class="muted"><?cs var:S.SReq.intro ?></p>
  <h2><?cs var:S.SReq.pending ?></h2>
  <?cs if:subcount(Pending) > 0 ?><?cs call:sreq_rows(Pending, 0) ?>
  <?cs else ?><p class="muted" id="pending-none"><?cs var:S.SReq.pending_none ?></p><?cs /if ?>
  <h2><?cs var:S.SReq.decided ?></h2>
  <?cs if:subcount(Decided) > 0 ?><?cs call:sreq_rows(Decided, 1) ?>
  <?cs else ?><p class="muted"><?cs var:S.SReq.decided_none ?></p><?cs /if ?>
</section>
<?cs /def ?>
