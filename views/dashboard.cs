<?cs def:title() ?><?cs var:S.Dash.title ?><?cs /def ?>
<?cs def:content() ?>
<section>
  <h1><?cs var:S.Dash.title ?></h1>
  <p class="muted"><?cs var:S.Dash.scope ?><?cs var:Scope.region ?></p>

  <h2 id="loans-overdue-title"><?cs var:S.Dash.loans_overdue ?>（<a href="/loans?overdue=1" id="loans-overdue-count"><?cs var:Dash.loans_overdue ?></a>）</h2>
  <p class="muted"><?cs var:S.Loans.clock_rule ?></p>
  <h2 id="objections-overdue-title"><?cs var:S.Dash.objections_overdue ?>（<a href="/objections?status=overdue" id="objections-overdue-count"><?cs var:Dash.objections_overdue ?></a>）</h2>
  <p class="muted"><?cs var:S.Obj.rule ?></p>

  <h2 id="waiting-title"><?cs var:S.Dash.waiting ?>（<span id="waiting-count"><?cs var:Dash.waiting ?></span>）</h2>
  <p><a href="/dashboard.csv?list=forms" id="csv-forms"><?cs var:S.Dash.csv ?></a></p>
  <?cs if:subcount(Waiting) > 0 ?>
  <table class="list" id="waiting">
    <thead><tr>
      <th scope="col"><?cs var:S.AForm.col_id ?></th>
      <th scope="col"><?cs var:S.AForm.col_agency ?></th>
      <th scope="col"><?cs var:S.AForm.col_region ?></th>
      <th scope="col"><?cs var:S.AForm.col_status ?></th>
      <th scope="col"><?cs var:S.AForm.col_since ?></th>
      <th scope="col"><?cs var:S.Dash.col_age ?></th>
    </tr></thead>
    <tbody>
    <?cs each:f = Waiting ?>
      <tr data-form="<?cs var:f.id ?>">
        <td><a href="/agency-forms/<?cs var:f.id ?>"><?cs var:f.id ?></a></td>
        <td><?cs var:f.agency ?></td>
        <td><?cs var:f.region ?></td>
        <td><?cs var:S.AForm.status[f.status] ?></td>
        <td><?cs var:f.since ?></td>
        <td class="age"><?cs var:f.age ?></td>
      </tr>
    <?cs /each ?>
    </tbody>
  </table>
  <?cs else ?>
  <p class="muted"><?cs var:S.Dash.waiting_none ?></p>
  <?cs /if ?>

  <h2><?cs var:S.Dash.departures ?>（<?cs var:S.Dash.pending ?> <span id="pending-count"><?cs var:Dash.pending ?></span>，<?cs var:S.Dash.overdue ?> <span id="overdue-count"><?cs var:Dash.overdue ?></span>）</h2>
  <p><a href="/dashboard.csv?list=departures" id="csv-departures"><?cs var:S.Dash.csv ?></a></p>
  <?cs if:subcount(Departures) > 0 ?>
  <table class="list" id="dash-departures">
    <thead><tr>
      <th scope="col"><?cs var:S.Departure.col_user ?></th>
      <th scope="col"><?cs var:S.Departure.col_agency ?></th>
      <th scope="col"><?cs var:S.Departure.col_kind ?></th>
      <th scope="col"><?cs var:S.Departure.col_date ?></th>
      <th scope="col"><?cs var:S.Departure.col_due ?></th>
      <th scope="col"><?cs var:S.Departure.col_state ?></th>
    </tr></thead>
    <tbody>
    <?cs each:d = Departures ?>
      <tr class="departure-<?cs var:d.state ?>" data-user="<?cs var:d.username ?>">
        <td><?cs var:d.username ?>（<?cs var:d.real_name ?>）</td>
        <td><?cs var:d.agency ?></td>
        <td><?cs var:S.Departure.kind[d.kind] ?></td>
        <td><?cs var:d.event_date ?></td>
        <td><?cs var:d.due_date ?></td>
        <td class="state"><?cs var:S.Departure.state[d.state] ?><?cs if:d.state == "overdue" ?>（<?cs var:S.Departure.days_over ?><?cs var:d.days ?>）<?cs else ?>（<?cs var:S.Departure.days_left ?><?cs var:d.days ?>）<?cs /if ?></td>
      </tr>
    <?cs /each ?>
    </tbody>
  </table>
  <?cs else ?>
  <p class="muted"><?cs var:S.Dash.departures_none ?></p>
  <?cs /if ?>

  <?cs if:User.role == "supervisor" || subcount(StaffReqs) > 0 ?>
  <h2 id="staff-requests-title"><?cs var:S.SReq.dash ?>（<span id="staff-requests-count"><?cs var:Dash.staff_requests ?></span>）</h2>
  <?cs if:subcount(StaffReqs) > 0 ?>
  <ul id="staff-requests">
    <?cs each:q = StaffReqs ?><li data-request="<?cs var:q.id ?>"><a href="/users/requests/<?cs var:q.id ?>"><?cs var:S.SReq.act[q.act] ?>：<?cs var:q.target ?>（<?cs var:S.Role[q.role] ?>，<?cs var:q.region ?>）</a> <?cs var:S.SReq.col_requester ?> <?cs var:q.requester ?>，<?cs var:q.requested_at ?></li><?cs /each ?>
  </ul>
  <?cs else ?><p class="muted"><?cs var:S.SReq.pending_none ?></p><?cs /if ?>
  <?cs /if ?>
  <h2 id="suspended-title"><?cs var:S.Dash.suspended ?>（<span id="suspended-count"><?cs var:Dash.suspended ?></span>）</h2>
  <p class="muted"><?cs var:S.Dash.suspended_intro ?></p>
  <p><a href="/dashboard.csv?list=suspended" id="csv-suspended"><?cs var:S.Dash.csv ?></a></p>
  <?cs if:subcount(Suspended) > 0 ?>
  <table class="list" id="suspended">
    <thead><tr>
      <th scope="col"><?cs var:S.Departure.col_user ?></th>
      <th scope="col"><?cs var:S.Departure.col_agency ?></th>
      <th scope="col"><?cs var:S.AForm.col_region ?></th>
      <th scope="col"><?cs var:S.Dash.col_suspended_at ?></th>
      <th scope="col"><?cs var:S.Dash.col_reason ?></th>
    </tr></thead>
    <tbody>
    <?cs each:x = Suspended ?>
      <tr data-user="<?cs var:x.username ?>">
        <td><a href="/users/<?cs var:x.id ?>"><?cs var:x.username ?></a>（<?cs var:x.real_name ?>）</td>
        <td><?cs var:x.agency ?></td>
        <td><?cs var:x.region ?></td>
        <td><?cs if:x.since ?><?cs var:x.since ?><?cs else ?>-<?cs /if ?></td>
        <td><?cs var:x.reason ?></td>
      </tr>
    <?cs /each ?>
    </tbody>
  </table>
  <?cs else ?>
  <p class="muted" id="suspended-none"><?cs var:S.Dash.suspended_none ?></p>
  <?cs /if ?>

  <h2><?cs var:S.Dash.dormant ?>（<span id="dormant-count"><?cs var:Dash.dormant ?></span>）</h2>
  <p class="muted"><?cs var:S.Dash.dormant_intro ?><?cs var:Dash.dormant_days ?></p>
  <p><a href="/dashboard.csv?list=dormant" id="csv-dormant"><?cs var:S.Dash.csv ?></a></p>
  <?cs if:subcount(Dormant) > 0 ?>
  <table class="list" id="dormant">
    <thead><tr>
      <th scope="col"><?cs var:S.Departure.col_user ?></th>
      <th scope="col"><?cs var:S.Departure.col_agency ?></th>
      <th scope="col"><?cs var:S.AForm.col_region ?></th>
      <th scope="col"><?cs var:S.Dash.col_last_login ?></th>
      <th scope="col"><?cs var:S.Dash.col_idle ?></th>
    </tr></thead>
    <tbody>
    <?cs each:z = Dormant ?>
      <tr data-user="<?cs var:z.username ?>">
        <td><a href="/users/<?cs var:z.id ?>"><?cs var:z.username ?></a>（<?cs var:z.real_name ?>）</td>
        <td><?cs var:z.agency ?></td>
        <td><?cs var:z.region ?></td>
        <td><?cs if:z.last_login ?><?cs var:z.last_login ?><?cs else ?><?cs var:S.Dash.never ?><?cs /if ?></td>
        <td><?cs var:z.idle ?></td>
      </tr>
    <?cs /each ?>
    </tbody>
  </table>
  <?cs else ?>
  <p class="muted"><?cs var:S.Dash.dormant_none ?></p>
  <?cs /if ?>
</section>
<?cs /def ?>
