<?php
// scripts/bench/php/account.php -- "what a user would pick instead" for
// `scripts/dev bench` (issue 19 item 1b): the work of duijie's /account
// in PHP-FPM -- the session looked up by the SHA-256 of its cookie with
// its user and region (one prepared statement on a persistent mysqli
// connection, as the workers' account), then the page rendered with every
// value html-escaped: the markup of views/account.cs in views/layout.cs.
// Bench only; the socket, account and password come from the pool's env.
$cookie = $_COOKIE['__Host-duijie'] ?? '';
$raw = base64_decode(strtr($cookie, '-_', '+/'), true);
if (strlen($cookie) !== 43 || $raw === false || strlen($raw) !== 32) {
	http_response_code(303);
	header('Location: /login');
	exit;
}
mysqli_report(MYSQLI_REPORT_OFF);
$db = new mysqli('p:localhost', getenv('BENCH_DB_USER'), getenv('BENCH_DB_PASSWORD'),
	getenv('BENCH_DB_NAME'), 0, getenv('BENCH_DB_SOCKET'));
if ($db->connect_errno) {
	http_response_code(503);
	exit;
}
$db->set_charset('utf8mb4');
$st = $db->prepare('SELECT s.stage, s.csrf, u.id, u.username, u.role, u.region_code, r.name,'
	. ' u.org_name, u.real_name, DATEDIFF(UTC_TIMESTAMP(), u.pw_changed_at),'
	. " DATE_FORMAT(u.last_login_at, '%Y-%m-%d %H:%i:%s'), u.totp_secret IS NOT NULL"
	. ' FROM users u JOIN regions r ON r.code = u.region_code'
	. ' JOIN sessions s ON s.user_id = u.id WHERE s.id_hash = ? AND s.portal = ?');
$hash = hash('sha256', $raw, true);
$portal = 'internet';
$st->bind_param('ss', $hash, $portal);
$st->execute();
$st->bind_result($stage, $csrf, $uid, $username, $role, $region, $region_name,
	$org, $real_name, $pw_age, $last_login, $totp);
if (!$st->fetch() || $stage !== 'full') {
	$st->close();
	http_response_code(303);
	header('Location: /login');
	exit;
}
$st->close();
function h($s) { return htmlspecialchars((string)$s, ENT_QUOTES | ENT_HTML5, 'UTF-8'); }
header('Content-Type: text/html; charset=utf-8');
header('Cache-Control: no-store');
?>
<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>我的账户 - 广东省中小微企业信用信息和融资对接平台</title>
<link rel="stylesheet" href="/static/style.css">
</head>

<body class="portal-internet">
<a class="skip" href="#main">跳到正文</a>
<header class="site">
  <div class="wrap">
    <a class="brand" href="/">广东省中小微企业信用信息和融资对接平台</a>
    <span class="portal">互联网门户</span>
    <nav class="user">
      <span><?= h($real_name) ?></span>
      <form method="post" action="/logout" class="logout"><input type="hidden" name="csrf_token" value="<?= h($csrf) ?>"><button type="submit">退出</button></form>
    </nav>
  </div>
</header>

<main id="main" class="wrap">
<section>
  <h1>我的账户</h1>
  <dl class="facts">
    <dt>用户名</dt><dd id="acct-username"><?= h($username) ?></dd>
    <dt>姓名</dt><dd><?= h($real_name) ?></dd>
    <dt>角色</dt><dd id="acct-role"><?= h($role) ?></dd>
    <dt>所属地区</dt><dd><?= h($region_name) ?>（<?= h($region) ?>）</dd>
    <dt>所属机构</dt><dd><?= h($org) ?></dd>
    <dt>上次登录（北京时间）</dt><dd><?= $last_login !== null ? h($last_login) : '-' ?></dd>
    <dt>密码已使用</dt><dd><?= h($pw_age) ?> 天</dd>
<?php if ($role !== 'enterprise'): ?>
    <dt>双因素认证</dt><dd><?= $totp ? '已绑定' : '未绑定' ?></dd>
<?php endif; ?>
  </dl>
</section>
</main>
<footer class="site">
  <div class="wrap">
    <p>本平台为借贷双方提供信息对接服务，不参与借贷业务。</p>
  </div>
</footer>
</body>
</html>
