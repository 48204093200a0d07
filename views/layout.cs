<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title><?cs call:title() ?> - <?cs var:S.site_name ?></title>
<link rel="stylesheet" href="/static/style.css">
</head>
<body class="portal-<?cs var:Portal.name ?>">
<a class="skip" href="#main"><?cs var:S.skip ?></a>
<header class="site">
  <div class="wrap">
    <a class="brand" href="/"><?cs var:S.site_name ?></a>
    <span class="portal"><?cs if:Portal.name == "intranet" ?><?cs var:S.Portal.intranet.name ?><?cs else ?><?cs var:S.Portal.internet.name ?><?cs /if ?></span>
  </div>
</header>
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
