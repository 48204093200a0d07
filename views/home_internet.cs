<?cs include:"_event_row.cs" ?>
<?cs include:"_news_box.cs" ?>
<?cs def:title() ?><?cs var:S.Portal.internet.name ?><?cs /def ?>
<?cs def:content() ?>
<section class="hero">
  <h1><?cs var:S.site_name ?></h1>
  <p class="lead"><?cs var:S.Portal.internet.audience ?></p>
  <p><?cs var:S.Portal.internet.purpose ?></p>
  <p><a href="/rules" id="home-rules"><?cs var:S.Home.rules_link ?></a></p>
  <?cs if:Site.hotline ?><p id="home-hotline"><?cs var:S.Home.hotline ?><strong><?cs var:Site.hotline ?></strong></p><?cs /if ?>
</section>
<?cs if:User.signed_in ?><p class="notice" id="home-start"><?cs if:Start.waiting > 0 ?><?cs var:S.Start.waiting ?>：<strong id="home-waiting"><?cs var:Start.waiting ?></strong> <?cs var:S.Start.unit ?><?cs else ?><?cs var:S.Start.home_none ?><?cs /if ?> · <a href="/start" id="home-start-link"><?cs var:S.Start.open ?></a></p><?cs /if ?>
<section id="services">
  <h2><?cs var:S.Home.services ?></h2>
  <ul class="cards services">
    <?cs if:User.signed_in ?>
    <li class="card"><h3><a href="/account" id="svc-account"><?cs var:S.Home.svc_account ?></a></h3><p><?cs var:S.Home.svc_account_text ?></p></li>
    <?cs else ?>
    <li class="card"><h3><a href="/register" id="svc-register"><?cs var:S.Home.svc_register ?></a></h3><p><?cs var:S.Home.svc_register_text ?></p></li>
    <li class="card"><h3><a href="/login" id="svc-login"><?cs var:S.Home.svc_login ?></a></h3><p><?cs var:S.Home.svc_login_text ?></p></li>
    <?cs /if ?>
    <li class="card"><h3><a href="/products" id="svc-products"><?cs var:S.Home.svc_products ?></a></h3><p><?cs var:S.Home.svc_products_text ?></p></li>
    <li class="card"><h3><a href="/loans/new" id="svc-loan"><?cs var:S.Home.svc_loan ?></a></h3><p><?cs var:S.Home.svc_loan_text ?></p></li>
    <li class="card"><h3><a href="/my-credit" id="svc-credit"><?cs var:S.Home.svc_credit ?></a></h3><p><?cs var:S.Home.svc_credit_text ?></p></li>
    <li class="card"><h3><a href="/news?kind=policy" id="svc-policy"><?cs var:S.Home.svc_policy ?></a></h3><p><?cs var:S.Home.svc_policy_text ?></p></li>
    <li class="card"><h3><a href="/news?kind=guide" id="svc-guide"><?cs var:S.Home.svc_guide ?></a></h3><p><?cs var:S.Home.svc_guide_text ?></p></li>
  </ul>
</section>
<div class="columns">
<?cs call:news_box(Latest.notice, S.Home.latest_notice, "home-notices", "notice") ?>
<?cs call:news_box(Latest.policy, S.Home.latest_policy, "home-policies", "policy") ?>
</div>
<section id="home-events">
  <h2><?cs var:S.Events.upcoming ?></h2>
  <?cs if:subcount(Upcoming.rows) > 0 ?><?cs each:e = Upcoming.rows ?><?cs call:event_card(e) ?><?cs /each ?>
  <?cs else ?><p class="muted"><?cs var:S.Events.none ?></p><?cs /if ?>
  <p><a href="/events" id="home-events-more"><?cs var:S.Events.all ?></a></p>
</section>
<section id="howto">
  <h2><?cs var:S.Home.howto ?></h2>
  <ol>
    <li><?cs var:S.Home.howto_1 ?></li>
    <li><?cs var:S.Home.howto_2 ?></li>
    <li><?cs var:S.Home.howto_3 ?></li>
    <li><?cs var:S.Home.howto_4 ?></li>
  </ol>
  <p><?cs var:S.Home.contact_office ?></p>
</section>
<?cs include:"_regions.cs" ?>
<?cs /def ?>
