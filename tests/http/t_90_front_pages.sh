#!/usr/bin/env bash
# t_90_front_pages.sh -- the portals' front pages (issue 17 "Front
# pages", R-13.1, X-UI): the internet home's service entries (each one a
# page that exists: a visitor reaches every service from it), the latest
# notices and policies shown to this reader, how to start, the offices,
# the hotline and the footer (disclaimer, privacy policy, user agreement,
# ICP and public-security numbers from the configuration); the intranet
# home's who may sign in, and the latest articles once signed in.
#
# Inserts published articles titled 九〇测试* and removes them at the
# start and the end, so the file runs again on the same stack.
. "$(dirname "$0")/lib.sh"

cleanup() {
	sql "DELETE r FROM article_revisions r JOIN articles a ON a.id = r.article_id WHERE a.title LIKE '九〇测试%'"
	sql "DELETE FROM articles WHERE title LIKE '九〇测试%'"
}
cleanup
# art KIND REGION AUDIENCE STATUS TITLE: an article as the operators' steps leave it
art() {
	sql "INSERT INTO articles (kind, region_code, audience, title, body, status, published_at)
		VALUES ('$1', '$2', '$3', '$5', '正文。', '$4', IF('$4' = 'published', UTC_TIMESTAMP(), NULL))"
}
art notice 440000 both published 九〇测试全省通知
art policy 440100 internet published 九〇测试广州政策
art notice 440000 intranet published 九〇测试内网通知
art notice 440000 both draft 九〇测试草稿通知
art guide 440600 both published 九〇测试佛山指南
login "$INTRANET" fi-fs; FIFS=$(jar_of fi-fs)
login "$INTERNET" ent-a; ENTA=$(jar_of ent-a)

# --- the internet home ----------------------------------------------------------------------------
req GET "$INTERNET/"
expect_status 200 "X-UI the internet home opens without signing in"
for s in register:/register login:/login products:/products loan:/loans/new credit:/my-credit \
	policy:/news?kind=policy guide:/news?kind=guide; do
	href=${s#*:}
	expect_body "href=\"${href/\?/[?]}\" id=\"svc-${s%%:*}\"" "X-UI the home's entry ${s%%:*} leads to $href"
done
expect_body 'href="/register" id="svc-register"' "X-UI 注册 leads to the registration"
expect_body 'href="/products" id="svc-products"' "X-UI 融资产品 leads to the catalogue"
expect_body '<section class="news-box" id="home-notices">' "R-13.1 the home shows the latest notices"
expect_body '>九〇测试全省通知</a>' "R-13.1 ... the province's notice among them"
expect_body '>九〇测试广州政策</a>' "R-13.1 the latest policies"
expect_no_body '九〇测试内网通知' "R-13.1 an intranet-only notice is not on the internet home"
expect_no_body '九〇测试草稿通知' "R-13.1 a draft is not on the home page"
expect_body 'id="howto"' "X-UI the home says how to start"
expect_body 'id="home-hotline">服务热线：<strong>020-8888-0000' "X-UI the configured hotline is shown"
expect_body 'id="footer-icp">粤ICP备' "X-UI the footer has the configured ICP number"
expect_body 'id="footer-psb">粤公网安备' "X-UI ... and the public-security filing number"
expect_body 'href="/privacy" id="footer-privacy"' "X-UI ... and the privacy policy"
expect_body 'href="/terms" id="footer-terms"' "X-UI ... and the user agreement"
expect_body '<table class="list offices" id="office-table">' "X-UI the offices of every city are listed"
expect_body 'href="/loans/new" id="svc-loan"' "X-UI 发布融资需求 leads to a new loan application"
expect_body 'href="/offices" id="home-offices-more"' "X-UI ... and the offices' own page"
req GET "$INTERNET/?region=440600"
expect_body 'id="selected-office"' "X-UI a visitor picks a city and sees its office"

# every local link of the home page leads to a page (or to the sign-in for
# the signed-in services), never to a 404: a visitor reaches every service
req GET "$INTERNET/"
rel=$(grep -o 'href="[^"]*"' "$RESP_BODY" | grep -v '^href="[/#]' || true)
expect_eq "$rel" "" "X-UI every link of the home page is a local path or an anchor"
links=$(grep -o 'href="/[^"]*"' "$RESP_BODY" | sed 's/^href="//; s/"$//; s/&amp;/\&/g' | sort -u)
n=0
for l in $links; do
	case $l in /static/*) continue ;; esac
	n=$((n + 1))
	req GET "$INTERNET$l"
	case $STATUS in
	200) ok "X-UI the home's link $l opens" ;;
	30[23]) if header Location | grep -q '^/login'; then ok "X-UI the home's link $l asks to sign in"
		else not_ok "X-UI the home's link $l redirects to $(header Location)"; fi ;;
	*) not_ok "X-UI the home's link $l answers $STATUS" ;;
	esac
done
[ "$n" -ge 12 ] && ok "X-UI the home has $n local links, all checked" || not_ok "X-UI only $n local links on the home"

req GET "$INTERNET/" --jar "$ENTA"
expect_body 'id="svc-account"' "X-UI a signed-in enterprise sees 我的账户 instead of 注册"
expect_no_body 'id="svc-register"' "X-UI ... and no registration entry"
expect_body '九〇测试广州政策' "R-13.1 a Guangzhou enterprise sees its city's policy"
expect_no_body '九〇测试佛山指南' "R-13.1 ... not Foshan's articles"

# --- the disclaimer, privacy policy and user agreement ---------------------------------------------
req GET "$INTERNET/about/disclaimer"
expect_status 200 "X-UI /about/disclaimer opens"
expect_body '<h1>免责声明</h1>' "X-UI ... it is the disclaimer"
expect_body '不参与借贷业务本身' "X-UI ... the platform is not a party to loans"
expect_header 'Cache-Control' '^public, max-age=300$' "X-UI ... cacheable"
req GET "$INTRANET/about/disclaimer"
expect_status 200 "X-UI the disclaimer is on the intranet too"
expect_body 'id="footer-disclaimer"' "X-UI ... linked from its footer"
expect_no_body 'id="footer-privacy"' "X-UI ... without the internet's registration agreements"

# --- the intranet home --------------------------------------------------------------------------------
req GET "$INTRANET/"
expect_status 200 "X-UI the intranet home opens"
expect_body 'id="who"' "X-UI it says who may sign in and how accounts are opened"
expect_body '政府机构用户变更申请' "X-UI ... gov users through the change form"
expect_body 'id="home-signin"' "X-UI ... and that notices need signing in"
expect_no_body '九〇测试内网通知' "R-13.1 no notice for an anonymous visitor"
req GET "$INTRANET/" --jar "$FIFS"
expect_body 'id="home-staff-notices"' "R-13.1 a signed-in FI user sees the latest notices"
expect_body '>九〇测试内网通知</a>' "R-13.1 ... the province's intranet notice"
expect_body '>九〇测试佛山指南</a>' "R-13.1 ... its own city's guide"
expect_no_body '九〇测试广州政策' "R-13.1 ... not an internet-only or other city's article"
expect_header 'Cache-Control' 'no-store' "X-SEC a signed-in home page is not cached"

cleanup
done_testing
