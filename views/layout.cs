<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title><?cs call:title() ?> - <?cs var:S.site_name ?></title>
<link rel="icon" href="/static/favicon.svg" type="image/svg+xml">
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
    <a class="brand" href="/"><img class="emblem" src="/static/emblem.svg" alt="" width="32" height="32"><span><?cs var:S.site_name ?></span></a>
    <span class="portal"><?cs if:Portal.name == "intranet" ?><?cs var:S.Portal.intranet.name ?><?cs else ?><?cs var:S.Portal.internet.name ?><?cs /if ?></span>
    <nav class="user">
    <?cs if:Portal.name == "internet" ?><a href="/news" id="nav-news"><?cs var:S.Nav.news ?></a><?cs /if ?>
    <?cs if:Portal.name == "internet" ?><a href="/products" id="nav-catalogue"><?cs var:S.Nav.products ?></a><?cs /if ?>
    <?cs if:User.username ?>
      <?cs if:User.signed_in ?><a href="/inbox" id="nav-inbox"<?cs if:Page.nav == "inbox" ?> aria-current="page"<?cs /if ?>><?cs var:S.Nav.inbox ?><?cs if:Inbox.unread > 0 ?> <span class="badge" id="inbox-unread" title="<?cs var:S.Inbox.unread_label ?>"><?cs if:Inbox.more ?><?cs var:S.Inbox.more ?><?cs else ?><?cs var:Inbox.unread ?><?cs /if ?></span><?cs /if ?></a>
      <a href="/account"><?cs var:User.real_name ?>（<?cs var:User.role_label ?>）</a><?cs else ?><span><?cs var:User.real_name ?></span><?cs /if ?>
      <form method="post" action="/logout" class="logout"><input type="hidden" name="csrf_token" value="<?cs var:CSRF.token ?>"><button type="submit"><?cs var:S.Nav.logout ?></button></form>
    <?cs else ?>
      <a href="/login"><?cs var:S.Nav.login ?></a><?cs if:Portal.name == "internet" ?> <a href="/register"><?cs var:S.Nav.register ?></a><?cs /if ?>
    <?cs /if ?>
    </nav>
  </div>
</header>
<?cs if:User.signed_in ?>
<?cs set:cursec = "" ?><?cs each:sec = Menu ?><?cs each:i = sec.items ?><?cs if:i.nav == Page.nav ?><?cs set:cursec = name(sec) ?><?cs /if ?><?cs /each ?><?cs /each ?>
<nav class="menu" aria-label="<?cs var:S.Menu.label ?>"><div class="wrap">
  <ul class="sections">
  <?cs each:sec = Menu ?><li><a href="/<?cs var:sec.path ?>" class="section<?cs if:name(sec) == cursec ?> current<?cs /if ?>"<?cs if:name(sec) == cursec ?> aria-current="true"<?cs /if ?>><?cs var:S.Menu[name(sec)] ?></a></li>
  <?cs /each ?></ul>
  <?cs if:cursec ?><ul class="items">
  <?cs each:i = Menu[cursec].items ?><li><a href="/<?cs var:i.path ?>"<?cs if:i.nav == Page.nav ?> aria-current="page"<?cs /if ?>><?cs var:S.Nav[i.nav] ?></a></li>
  <?cs /each ?></ul><?cs /if ?>
</div></nav>
<?cs /if ?>
<main id="main" class="wrap">
<?cs call:content() ?>
</main>
<footer class="site">
  <div class="wrap">
    <p><?cs var:S.footer ?></p>
    <p><?cs var:S.Footer.organiser ?><?cs var:S.operator ?><?cs if:Site.hotline ?> · <?cs var:S.Footer.hotline ?><span id="footer-hotline"><?cs var:Site.hotline ?></span><?cs /if ?></p>
    <p class="no-print"><a href="/about/disclaimer" id="footer-disclaimer"><?cs var:S.Footer.disclaimer ?></a><?cs if:Portal.name == "internet" ?> · <a href="/verify" id="footer-verify"><?cs var:S.Footer.verify ?></a> · <a href="/privacy" id="footer-privacy"><?cs var:S.Footer.privacy ?></a> · <a href="/terms" id="footer-terms"><?cs var:S.Footer.terms ?></a><?cs /if ?></p>
    <?cs if:Site.icp || Site.psb ?><p class="muted"><?cs if:Site.icp ?><span id="footer-icp"><?cs var:Site.icp ?></span><?cs /if ?> <?cs if:Site.psb ?><span id="footer-psb"><?cs var:Site.psb ?></span><?cs /if ?></p><?cs /if ?>
  </div>
</footer>
</body>
</html>
<?cs /if ?>
