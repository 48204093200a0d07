#!/usr/bin/env bash
# t_92_identity.sh -- the platform's identity on every page (issue 18): a
# favicon, the emblem beside the wordmark, a footer naming the organiser and
# the disclaimer, and page titles that name the page.
. "$(dirname "$0")/lib.sh"

for base in "$INTERNET" "$INTRANET"; do
	req GET "$base/"
	expect_status 200 "issue 18 $base front page"
	expect_body '<link rel="icon" href="/static/favicon.svg" type="image/svg\+xml">' "issue 18 ... links the favicon"
	expect_body '<img class="emblem" src="/static/emblem.svg" alt=""' "issue 18 ... shows the emblem beside the wordmark"
	expect_body '<footer class="site">' "issue 18 ... has a footer"
	expect_body 'id="footer-disclaimer"' "R-03.1 ... linking the disclaimer"
	req GET "$base/static/favicon.svg"
	expect_status 200 "issue 18 the favicon is served"
	expect_header Content-Type '^image/svg\+xml' "issue 18 ... as SVG"
	req GET "$base/static/emblem.svg"
	expect_status 200 "issue 18 the emblem is served"
	req GET "$base/favicon.ico"
	expect_status 301 "issue 18 /favicon.ico points at the icon"
	expect_header Location '/static/favicon\.svg$' "issue 18 ... the SVG one"
	req GET "$base/login"
	expect_body '<title>用户登录 - 广东省中小微企业信用信息和融资对接平台</title>' "issue 18 the title names the page, then the platform"
done
done_testing
