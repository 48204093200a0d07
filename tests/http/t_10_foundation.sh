#!/usr/bin/env bash
# t_10_foundation.sh -- the request path on both portals through nginx:
# pages, error pages, limits, headers, portal separation (R-02.1, R-02.2,
# X-SEC, X-UI).
. "$(dirname "$0")/lib.sh"

# --- home pages (R-02.1, R-02.2, X-UI) -------------------------------------
req GET "$INTERNET/"
expect_status 200 "R-02.1 internet home is served"
expect_header Content-Type 'text/html; charset=utf-8' "X-UI pages are UTF-8 HTML"
expect_body '<html lang="zh-CN">' "X-UI pages are marked Simplified Chinese"
expect_body '广东省中小微企业信用信息和融资对接平台' "X-UI the platform's name is shown"
expect_body '互联网门户' "R-02.1 internet home names its portal"
expect_body '企业用户在此注册' "R-02.1 internet home states the portal's purpose"
expect_no_body '内网门户' "R-02.1 internet home is not the intranet's"
expect_body '中国人民银行深圳市分行' "R-02.2 region list shows the offices from the database"
n=$(grep -o '<option value="44[0-9]\{4\}"' "$RESP_BODY" | wc -l)
expect_eq "$n" 22 "R-02.2 the province and its 21 cities are listed"
expect_no_body '<script' "X-UI pages work without JavaScript (no script at all)"

req GET "$INTRANET/"
expect_status 200 "R-02.1 intranet home is served"
expect_body '内网门户' "R-02.1 intranet home names its portal"
expect_body '政府机构用户、金融机构用户' "R-02.1 intranet home states the portal's purpose"
expect_body '云浮市' "R-02.2 intranet home lists the cities too"

req GET "$INTERNET/?region=440300"
expect_status 200 "R-02.2 a city can be picked"
expect_body 'id="selected-office"' "R-02.2 the picked city's office is shown"
expect_body '<option value="440300" selected>' "X-UI the form keeps the choice"

req GET "$INTERNET/?region=999999"
expect_status 200 "X-UI an unknown region re-renders the page"
expect_body 'class="error-text"[^>]*>没有这个地区' "X-UI an unknown region gets a Chinese message next to the field"

req GET "$INTERNET/?region=%3Cscript%3E"
expect_status 200 "X-SEC a malformed region re-renders the page"
expect_body '请选择有效的地区' "X-SEC a malformed region gets a Chinese message"
expect_no_body '<script>' "X-SEC input is escaped on output"

req GET "$INTERNET/?region=440300&evil=1"
expect_status 200 "X-SEC undeclared fields are ignored, not errors"

req HEAD "$INTERNET/"
expect_status 200 "HEAD is answered"
expect_eq "$(wc -c <"$RESP_BODY")" 0 "HEAD has no body"

# --- security headers (X-SEC) ----------------------------------------------
req GET "$INTERNET/"
expect_header Content-Security-Policy "default-src 'self'" "X-SEC CSP on dynamic pages"
expect_header Content-Security-Policy "frame-ancestors 'none'" "X-SEC CSP forbids framing"
expect_header Content-Security-Policy "script-src 'self'(;|$)" "X-SEC CSP allows no inline script"
expect_header X-Content-Type-Options '^nosniff$' "X-SEC nosniff on dynamic pages"
expect_header Referrer-Policy '^same-origin$' "X-SEC Referrer-Policy on dynamic pages"
expect_header Cache-Control 'no-store' "X-SEC dynamic pages are not cached"
expect_header X-Request-Id '^[0-9a-f]{32}$' "every response carries nginx's request id"
expect_header Strict-Transport-Security 'max-age=' "X-SEC HSTS from nginx"
expect_no_header Server-Timing "no internal timing leaks"
expect_header Server '^nginx$' "X-SEC nginx hides its version"

req GET "$INTERNET/static/style.css"
expect_status 200 "static files are served by nginx"
expect_header Content-Type 'text/css' "static CSS has its type"
expect_header Content-Security-Policy "frame-ancestors 'none'" "X-SEC CSP on static files"
expect_header X-Content-Type-Options '^nosniff$' "X-SEC nosniff on static files"
expect_no_header X-Request-Id "static files never reach a worker"

# --- error pages (X-SEC, X-UI) ---------------------------------------------
req GET "$INTERNET/no/such/page"
expect_status 404 "unknown path is 404"
expect_body '页面不存在' "X-UI the 404 page is in Chinese"
rid=$(header X-Request-Id)
expect_body "请求编号：<code>$rid</code>" "X-UI the error page shows the request id"
expect_header Cache-Control 'no-store' "X-SEC error pages are not cached"

req POST "$INTERNET/" -d 'a=1'
expect_status 405 "POST to a GET page is 405"
expect_header Allow '^GET, HEAD$' "405 names the allowed methods"
expect_body '不支持的请求方式' "X-UI the 405 page is in Chinese"

req DELETE "$INTERNET/"
expect_status 501 "an unknown method is 501"

head -c 2000000 /dev/zero | tr '\0' 'a' >"$T_TMP/big"
req POST "$INTERNET/" -H 'Content-Type: application/x-www-form-urlencoded' --data-binary "@$T_TMP/big"
expect_status 413 "X-SEC a body over Limits.body_max is refused with 413"
expect_body '提交的内容过大' "X-UI the 413 page is in Chinese"

req GET "$INTERNET/?region=%FF"
expect_status 400 "X-SEC invalid UTF-8 in a field is 400"
expect_body '请求无效' "X-UI the 400 page is in Chinese"
req GET "$INTERNET/?region=a%00b"
expect_status 400 "X-SEC a NUL byte in a field is 400"
req GET "$INTERNET/?region=%E4%B8"
expect_status 400 "X-SEC a truncated UTF-8 sequence is 400"
req GET "$INTERNET/?region=%zz"
expect_status 400 "X-SEC a broken percent escape is 400"
req GET "$INTERNET/" -H 'Cookie: a=%FF; b=1'
expect_status 200 "cookies are not percent-decoded"
req GET "$INTERNET/" -H $'Cookie: a=\xff'
expect_status 400 "X-SEC invalid UTF-8 in a cookie is 400"
req GET "$INTERNET/%C0%AF"
expect_status '400|404' "X-SEC an overlong path byte sequence never reaches a handler"
expect_no_body '分平台与运行管理机构' "X-SEC ... and does not serve the home page"

# --- health (both portals) -------------------------------------------------
for base in "$INTERNET" "$INTRANET"; do
	req GET "$base/healthz"
	expect_status 200 "healthz is 200 on $base"
	expect_body '^ok' "healthz says ok after a DB round trip on $base"
	expect_header Content-Type 'text/plain' "healthz is plain text"
done

# --- portal separation in the worker itself (R-02.1) ------------------------
fcgi internet GET / DUIJIE_PORTAL=intranet
expect_status 200 "R-02.1 internet worker answers a spoofed portal param"
expect_body '互联网门户' "R-02.1 the internet worker ignores DUIJIE_PORTAL=intranet"
expect_no_body '政府机构用户、金融机构用户' "R-02.1 ... and never renders the intranet home"
fcgi intranet GET / DUIJIE_PORTAL=internet
expect_body '内网门户' "R-02.1 the intranet worker ignores DUIJIE_PORTAL=internet"

# --- the request log (one line per request, no secrets) ---------------------
req GET "$INTERNET/?region=440100&password=hunter2-secret"
rid=$(header X-Request-Id)
sleep 0.2
line=$(grep "rid=$rid" "$DUIJIE_STATE/log/internet.log" || true)
expect_eq "$(printf '%s\n' "$line" | grep -c 'portal=internet user=0 route=/ status=200 ms=')" 1 \
	"one log line per request with id, portal, user, route, status and ms"
expect_eq "$(grep -c 'hunter2-secret' "$DUIJIE_STATE/log/internet.log")" 0 \
	"X-SEC the log never carries query strings or field values"

done_testing
