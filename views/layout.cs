<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title><?cs call:title() ?> - <?cs var:S.site_name ?></title>
<link rel="stylesheet" href="/static/style.css">
</head>
<?cs if:Page.layout == "print" ?>
<body class="print">
<main id="main">
<?cs call:content() ?>
</main>
</body>
</html>
<?cs else ?>
<body class="portal-<?cs var:Portal.name ?>">
<a class="skip" href="#main"><?cs var:S.skip ?></a>
<header class="site">
  <div class="wrap">
    <a class="brand" href="/"><?cs var:S.site_name ?></a>
    <span class="portal"><?cs if:Portal.name == "intranet" ?><?cs var:S.Portal.intranet.name ?><?cs else ?><?cs var:S.Portal.internet.name ?><?cs /if ?></span>
    <nav class="user">
    <?cs if:Portal.name == "internet" ?><a href="/products" id="nav-catalogue"><?cs var:S.Nav.products ?></a><?cs /if ?>
    <?cs if:User.username ?>
      <?cs if:User.signed_in ?><a href="/account"><?cs var:User.real_name ?>（<?cs var:User.role_label ?>）</a><?cs else ?><span><?cs var:User.real_name ?></span><?cs /if ?>
      <form method="post" action="/logout" class="logout"><input type="hidden" name="csrf_token" value="<?cs var:CSRF.token ?>"><button type="submit"><?cs var:S.Nav.logout ?></button></form>
    <?cs else ?>
      <a href="/login"><?cs var:S.Nav.login ?></a><?cs if:Portal.name == "internet" ?> <a href="/register"><?cs var:S.Nav.register ?></a><?cs /if ?>
    <?cs /if ?>
    </nav>
  </div>
</header>
<?cs if:User.signed_in ?>
<nav class="menu"><div class="wrap">
  <a href="/account"<?cs if:Page.nav == "account" ?> aria-current="page"<?cs /if ?>><?cs var:S.Nav.account ?></a>
  <?cs if:User.role == "enterprise" ?><a href="/profile"<?cs if:Page.nav == "profile" ?> aria-current="page"<?cs /if ?>><?cs var:S.Nav.profile ?></a><?cs /if ?>
  <?cs if:User.role == "operator" || User.role == "supervisor" ?><a href="/users"<?cs if:Page.nav == "users" ?> aria-current="page"<?cs /if ?>><?cs var:S.Nav.users ?></a><?cs /if ?>
  <?cs if:User.role == "operator" || User.role == "supervisor" ?><a href="/users/requests"<?cs if:Page.nav == "staff_requests" ?> aria-current="page"<?cs /if ?>><?cs var:S.Nav.staff_requests ?></a><?cs /if ?>
  <?cs if:User.role == "operator" || User.role == "supervisor" ?><a href="/enterprises"<?cs if:Page.nav == "enterprises" ?> aria-current="page"<?cs /if ?>><?cs var:S.Nav.enterprises ?></a><?cs /if ?>
  <?cs if:User.role == "operator" || User.role == "supervisor" ?><a href="/agencies"<?cs if:Page.nav == "agencies" ?> aria-current="page"<?cs /if ?>><?cs var:S.Nav.agencies ?></a><?cs /if ?>
  <?cs if:User.role == "gov" && User.org_kind == "agency" ?><a href="/agencies/<?cs var:User.org_id ?>"<?cs if:Page.nav == "agency" ?> aria-current="page"<?cs /if ?>><?cs var:S.Nav.agency ?></a><?cs /if ?>
  <?cs if:User.role == "operator" || User.role == "supervisor" || User.role == "gov" ?><a href="/agency-forms"<?cs if:Page.nav == "agency_forms" ?> aria-current="page"<?cs /if ?>><?cs var:S.Nav.agency_forms ?></a>
  <a href="/departures"<?cs if:Page.nav == "departures" ?> aria-current="page"<?cs /if ?>><?cs var:S.Nav.departures ?></a><?cs /if ?>
  <?cs if:User.role == "operator" || User.role == "supervisor" ?><a href="/dashboard"<?cs if:Page.nav == "dashboard" ?> aria-current="page"<?cs /if ?>><?cs var:S.Nav.dashboard ?></a><?cs /if ?>
  <?cs if:User.role == "operator" || User.role == "supervisor" || User.role == "gov" ?><a href="/credit/batches"<?cs if:Page.nav == "credit_import" ?> aria-current="page"<?cs /if ?>><?cs var:S.Nav.credit_import ?></a><?cs /if ?>
  <?cs if:User.role == "operator" || User.role == "supervisor" ?><a href="/credit/categories"<?cs if:Page.nav == "credit_categories" ?> aria-current="page"<?cs /if ?>><?cs var:S.Nav.credit_categories ?></a><?cs /if ?>
  <?cs if:User.role == "operator" || User.role == "supervisor" ?><a href="/calendar"<?cs if:Page.nav == "calendar" ?> aria-current="page"<?cs /if ?>><?cs var:S.Nav.calendar ?></a><?cs /if ?>
  <?cs if:User.role == "operator" || User.role == "supervisor" || User.role == "gov" ?><a href="/credit"<?cs if:Page.nav == "credit" ?> aria-current="page"<?cs /if ?>><?cs var:S.Nav.credit ?></a><?cs /if ?>
  <?cs if:User.role == "operator" || User.role == "supervisor" ?><a href="/claims"<?cs if:Page.nav == "claims" ?> aria-current="page"<?cs /if ?>><?cs var:S.Nav.claims ?></a><?cs /if ?>
  <?cs if:User.role == "operator" || User.role == "supervisor" ?><a href="/credit-requests"<?cs if:Page.nav == "credit_requests" ?> aria-current="page"<?cs /if ?>><?cs var:S.Nav.credit_requests ?></a><?cs /if ?>
  <?cs if:User.role == "enterprise" ?><a href="/my-credit"<?cs if:Page.nav == "my_credit" ?> aria-current="page"<?cs /if ?>><?cs var:S.Nav.my_credit ?></a><?cs /if ?>
  <?cs if:User.role == "operator" || User.role == "supervisor" ?><a href="/fis"<?cs if:Page.nav == "fis" ?> aria-current="page"<?cs /if ?>><?cs var:S.Nav.fis ?></a><?cs /if ?>
  <?cs if:User.role == "fi" && User.org_kind == "fi" ?><a href="/fis/<?cs var:User.org_id ?>"<?cs if:Page.nav == "fi" ?> aria-current="page"<?cs /if ?>><?cs var:S.Nav.fi ?></a><?cs /if ?>
  <?cs if:Portal.name == "intranet" && (User.role == "operator" || User.role == "supervisor" || User.role == "fi") ?><a href="/products"<?cs if:Page.nav == "products" ?> aria-current="page"<?cs /if ?>><?cs var:S.Nav.products ?></a><?cs /if ?>
  <?cs if:User.role == "auditor" ?><a href="/audit"<?cs if:Page.nav == "audit" ?> aria-current="page"<?cs /if ?>><?cs var:S.Nav.audit ?></a><?cs /if ?>
  <a href="/password"<?cs if:Page.nav == "password" ?> aria-current="page"<?cs /if ?>><?cs var:S.Nav.password ?></a>
</div></nav>
<?cs /if ?>
<main id="main" class="wrap">
<?cs call:content() ?>
</main>
<footer class="site">
  <div class="wrap">
    <p><?cs var:S.footer ?></p>
    <p><?cs var:S.operator ?></p>
  </div>
</footer>
</body>
</html>
<?cs /if ?>
