<?cs include:"_event_row.cs" ?>
<?cs include:"_news_box.cs" ?>
<?cs def:title() ?><?cs var:S.Portal.intranet.name ?><?cs /def ?>
<?cs def:content() ?>
<section class="hero">
  <h1><?cs var:S.site_name ?></h1>
  <p class="lead"><?cs var:S.Portal.intranet.audience ?></p>
  <p><?cs var:S.Portal.intranet.purpose ?></p>
</section>
<?cs if:User.signed_in ?><p class="notice" id="home-start"><?cs if:Start.waiting > 0 ?><?cs var:S.Start.waiting ?>：<strong id="home-waiting"><?cs var:Start.waiting ?></strong> <?cs var:S.Start.unit ?><?cs else ?><?cs var:S.Start.home_none ?><?cs /if ?> · <a href="/start" id="home-start-link"><?cs var:S.Start.open ?></a></p><?cs /if ?>
<?cs if:User.signed_in ?>
<?cs call:news_box(Latest.staff, S.Home.latest_staff, "home-staff-notices", "") ?>
<?cs if:subcount(Upcoming.rows) > 0 ?><section id="home-events">
  <h2><?cs var:S.Events.upcoming ?></h2>
  <?cs each:e = Upcoming.rows ?><?cs call:event_card(e) ?><?cs /each ?>
  <p><a href="/events" id="home-events-more"><?cs var:S.Events.all ?></a></p>
</section><?cs /if ?>
<?cs else ?>
<p class="notice" id="home-signin"><a href="/login"><?cs var:S.Nav.login ?></a> <?cs var:S.Home.signin_for_notices ?></p>
<?cs /if ?>
<section id="who">
  <h2><?cs var:S.Home.intranet_who ?></h2>
  <ul>
    <li><?cs var:S.Home.intranet_who_1 ?></li>
    <li><?cs var:S.Home.intranet_who_2 ?></li>
    <li><?cs var:S.Home.intranet_who_3 ?></li>
    <li><?cs var:S.Home.intranet_who_4 ?></li>
  </ul>
  <h3><?cs var:S.Home.intranet_open ?></h3>
  <ol id="how-open">
    <li><?cs var:S.Home.intranet_open_1 ?></li>
    <li><?cs var:S.Home.intranet_open_2 ?></li>
    <li><?cs var:S.Home.intranet_open_3 ?></li>
  </ol>
  <p><a href="/agency-forms/blank" id="home-blank-form"><?cs var:S.Home.blank_form ?></a></p>
</section>
<?cs include:"_regions.cs" ?>
<?cs /def ?>
