#!/usr/bin/env bash
# t_89_articles.sh -- the information service's articles (issue 17
# "Articles", R-13.1): the region's operators write drafts on the
# intranet with messages next to the fields, publish them at once or at a
# time, edit them (every version kept, a stale form refused), withdraw
# them; others cannot; the public reads the published ones on the
# internet without signing in (cacheable), by kind and city; the body is
# CommonMark rendered with raw HTML omitted and only http(s)/local links
# (R-13.1, R-02.2, R-02.3, X-SEC, X-AUD, X-UI).
#
# Creates articles titled 八九测试* and removes them at the start and the
# end, so the file runs again on the same stack.
. "$(dirname "$0")/lib.sh"

uid_of() { sql "SELECT id FROM users WHERE username = '$1'"; }
aid_of() { sql "SELECT id FROM articles WHERE title = '$1'"; }
audit_count() { sql "SELECT COUNT(*) FROM audit_log WHERE $1"; }
cleanup() {
	sql "DELETE r FROM article_revisions r JOIN articles a ON a.id = r.article_id WHERE a.title LIKE '八九测试%'"
	sql "DELETE FROM article_revisions WHERE title LIKE '八九测试%'"
	sql "DELETE FROM articles WHERE title LIKE '八九测试%'"
}
cleanup

login "$INTRANET" op-gz; OPGZ=$(jar_of op-gz)
login "$INTRANET" op-gd; OPGD=$(jar_of op-gd)
login "$INTRANET" sup-gz; SUPGZ=$(jar_of sup-gz)
login "$INTRANET" fi-gz; FIGZ=$(jar_of fi-gz)
login "$INTRANET" fi-fs; FIFS=$(jar_of fi-fs)
login "$INTERNET" ent-a; ENTA=$(jar_of ent-a)
# A Foshan operator of this file's own (the demo op-fs has TOTP after t_30)
FS_OP=t89-fs-$$
otp=$("$DUIJIE_BUILD/duijie-admin" --config "$DUIJIE_CONF" create-operator "$FS_OP" \
	--name 测试员 --contact 0757-12345678 --region 440600 | sed -n 's/^one-time password.*: //p')
sql "UPDATE users SET must_change_pw = 0 WHERE username = '$FS_OP'"
login "$INTRANET" "$FS_OP" "$otp"; OPFS=$(jar_of "$FS_OP")

BODY_MD=$(cat <<'MD'
# 申报须知

本通知**即日起**施行，详见[政策原文](https://www.gd.gov.cn/zwgk/)与[产品目录](/products)。

<script>alert('x89')</script>

<img src=x onerror=alert('y89')>

[点我](javascript:alert('z89')) [协议相对](//evil.example/x89)
MD
)

# --- a draft, with messages next to the fields --------------------------------------------
req GET "$INTRANET/news/manage" --jar "$OPGZ"
expect_status 200 "R-13.1 the operator opens the articles of its region"
expect_body 'href="/news/new"' "R-13.1 ... with the way to write one"
req GET "$INTRANET/news/new" --jar "$OPGZ"
expect_status 200 "R-13.1 the operator opens the new article form"
expect_body 'id="edit-region">广州市' "R-13.1 ... the article is of the operator's city"
post_form "$OPGZ" "$INTRANET/news/new" "$INTRANET/news/new" \
	--data-urlencode "kind=" --data-urlencode "audience=both" \
	--data-urlencode "title=八九" --data-urlencode "body=短的正文，保留"
expect_status 200 "R-13.1 a bad article is refused"
expect_body 'id="kind-error">' "X-UI ... a missing kind told next to it"
expect_body 'id="title-error">' "X-UI ... a too short title told next to it"
expect_body '短的正文，保留</textarea>' "X-UI ... the body kept as typed"
expect_eq "$(sql "SELECT COUNT(*) FROM articles WHERE title LIKE '八九%'")" 0 "R-13.1 no refused form wrote an article"
post_form "$OPGZ" "$INTRANET/news/new" "$INTRANET/news/new" \
	--data-urlencode "kind=notice" --data-urlencode "audience=both" \
	--data-urlencode "title=八九测试广州通知<img src=x onerror=alert(1)>" --data-urlencode "body=$BODY_MD"
expect_status 303 "R-13.1 a good form saves the article"
A=$(aid_of '八九测试广州通知<img src=x onerror=alert(1)>')
expect_header 'Location' "^/news/$A[?]done=created$" "R-13.1 ... and shows it"
expect_eq "$(sql "SELECT CONCAT(status, '|', region_code, '|', revision, '|', created_by) FROM articles WHERE id = $A")" \
	"draft|440100|1|$(uid_of op-gz)" "R-13.1 a draft of the operator's city, revision 1"
expect_eq "$(sql "SELECT COUNT(*) FROM article_revisions WHERE article_id = $A")" 1 "R-13.1 the first version is kept"
expect_eq "$(audit_count "action = 'article.create' AND object_id = '$A' AND actor_id = $(uid_of op-gz)")" 1 "X-AUD the creation has its audit row"

# --- nobody else sees or touches a draft --------------------------------------------------------
req GET "$INTERNET/news/$A"
expect_status 404 "R-13.1 a draft is not public"
req GET "$INTERNET/news"
expect_no_body '八九测试' "R-13.1 ... nor in the public list"
req GET "$INTRANET/news/$A" --jar "$FIGZ"
expect_status 404 "R-13.1 an FI user does not see a draft"
req GET "$INTRANET/news/$A" --jar "$OPFS"
expect_status 404 "R-02.2 a Foshan operator cannot see a Guangzhou draft"
post_form "$OPFS" "$INTRANET/news/manage" "$INTRANET/news/$A/publish"
expect_status 404 "R-02.2 ... nor publish it by a forged POST"
post_form "$OPFS" "$INTRANET/news/manage" "$INTRANET/news/$A/edit" \
	--data-urlencode "kind=policy" --data-urlencode "audience=both" --data-urlencode "revision=1" \
	--data-urlencode "title=八九测试改写" --data-urlencode "body=佛山改写广州的资讯正文"
expect_status 404 "R-02.2 ... nor edit it"
req GET "$INTRANET/news/manage" --jar "$OPFS"
expect_no_body '八九测试' "R-02.2 ... nor list it"
req GET "$INTRANET/news/$A" --jar "$SUPGZ"
expect_status 200 "R-13.1 the city's supervisor reads the draft"
expect_body 'id="article-state" class="status-draft">草稿' "R-13.1 ... with its state"
expect_no_body 'id="article-publish"' "R-02.3 ... without the steps"
post_form "$SUPGZ" "$INTRANET/news/$A" "$INTRANET/news/$A/publish"
expect_status 403 "R-02.3 a supervisor cannot publish"
req GET "$INTRANET/news/$A" --jar "$OPGD"
expect_status 200 "R-13.1 the province's operator reads every region's articles"
expect_body 'id="article-publish"' "R-13.1 ... and may act on them"

# --- publish; the public reads it without signing in ------------------------------------------
req GET "$INTRANET/news/$A" --jar "$OPGZ"
expect_body 'id="article-publish"' "R-13.1 the operator sees 立即发布 on its draft"
post_form "$OPGZ" "$INTRANET/news/$A" "$INTRANET/news/$A/publish"
expect_status 303 "R-13.1 the operator publishes the article"
expect_eq "$(sql "SELECT CONCAT(status, '|', published_at IS NOT NULL) FROM articles WHERE id = $A")" "published|1" "R-13.1 it is published with its time"
expect_eq "$(audit_count "action = 'article.publish' AND object_id = '$A' AND detail = 'draft -> published'")" 1 "X-AUD the publication has its audit row"
post_form "$OPGZ" "$INTRANET/news/$A" "$INTRANET/news/$A/publish"
expect_status 409 "R-13.1 a published article is not published twice"

req GET "$INTERNET/news/$A"
expect_status 200 "R-13.1 the public reads a published article without signing in"
expect_body '<h1>申报须知</h1>' "R-13.1 the CommonMark body is rendered"
expect_body '<strong>即日起</strong>' "R-13.1 ... emphasis"
expect_body '<a href="https://www.gd.gov.cn/zwgk/">政策原文</a>' "R-13.1 ... an https link kept"
expect_body '<a href="/products">产品目录</a>' "R-13.1 ... a local link kept"
expect_no_body "<script>alert\('x89'\)" "X-SEC the author's <script> is not passed through"
expect_no_body '<img src=x onerror' "X-SEC ... nor an <img onerror> (it shows as escaped text)"
expect_no_body "javascript:alert\('z89'\)\"" "X-SEC a javascript: link has no such destination"
expect_body '<a href="">点我</a>' "X-SEC ... it is an empty link"
expect_no_body 'href="//evil.example' "X-SEC a protocol-relative link is dropped"
expect_body 'raw HTML omitted' "X-SEC raw HTML is replaced by libcmark's marker"
expect_escaped '八九测试广州通知<img src=x onerror=alert(1)>' "X-SEC the title is shown escaped"
RAW=('<img src=x onerror=alert(1)>' "<script>alert('x89')</script>")
expect_inert "X-SEC no hostile markup of the author on the article page"
expect_header 'Cache-Control' '^public, max-age=300$' "R-13.1 a public article is cacheable for anonymous visitors"
expect_no_header 'Set-Cookie' "R-13.1 ... and sets no cookie"
expect_body 'class="article"' "X-UI the article page has its printable layout"
req GET "$INTERNET/news"
expect_status 200 "R-13.1 the public list opens without signing in"
expect_body "href=\"/news/$A\" class=\"article-link\">八九测试广州通知" "R-13.1 ... and lists the article"
RAW=('<img src=x onerror=alert(1)>')
expect_inert "X-SEC ... its title escaped there"
expect_header 'Cache-Control' '^public, max-age=300$' "R-13.1 the public list is cacheable"
req GET "$INTERNET/news?kind=notice"
expect_body "href=\"/news/$A\"" "R-13.1 the 重要通知 list has it"
req GET "$INTERNET/news?kind=policy"
expect_no_body "href=\"/news/$A\"" "R-13.1 the 扶持政策 list does not"
req GET "$INTERNET/news?region=440600"
expect_no_body "href=\"/news/$A\"" "R-13.1 a Guangzhou article is not among Foshan's"
req GET "$INTERNET/news?region=440100"
expect_body "href=\"/news/$A\"" "R-13.1 ... it is among Guangzhou's"
req GET "$INTERNET/news?region=abc"
expect_status 200 "X-UI a bad region filter still shows the list"
expect_body 'id="region-error">' "X-UI ... with its message"
req GET "$INTERNET/news/$A" --jar "$ENTA"
expect_status 200 "R-13.1 a Guangzhou enterprise reads its city's article"
expect_header 'Cache-Control' 'no-store' "X-SEC a signed-in reader's page is not cached"
req GET "$INTRANET/news/$A" --jar "$FIGZ"
expect_status 200 "R-13.1 a Guangzhou FI user reads it on the intranet"
expect_no_body 'id="article-admin"' "R-02.3 ... without the operators' panel"
req GET "$INTRANET/news/$A" --jar "$FIFS"
expect_status 404 "R-13.1 a Foshan FI user does not see a Guangzhou article"
req GET "$INTRANET/news"
expect_status '30[23]' "R-13.1 the intranet's articles need signing in"

# --- audience and the province's articles --------------------------------------------------------
post_form "$OPGD" "$INTRANET/news/new" "$INTRANET/news/new" \
	--data-urlencode "kind=guide" --data-urlencode "audience=intranet" --data-urlencode "pinned=1" \
	--data-urlencode "title=八九测试全省内网指南" --data-urlencode "body=内网用户的操作指南正文。"
expect_status 303 "R-13.1 the province's operator writes an intranet-only guide"
B=$(aid_of 八九测试全省内网指南)
expect_eq "$(sql "SELECT CONCAT(region_code, '|', audience, '|', pinned) FROM articles WHERE id = $B")" "440000|intranet|1" "R-13.1 ... of the province, for the intranet, pinned"
post_form "$OPGD" "$INTRANET/news/$B" "$INTRANET/news/$B/publish"
expect_status 303 "R-13.1 ... published"
req GET "$INTERNET/news/$B"
expect_status 404 "R-13.1 an intranet-only article is not on the internet"
req GET "$INTRANET/news/$B" --jar "$FIFS"
expect_status 200 "R-13.1 the province's article is read in every city"
req GET "$INTRANET/news" --jar "$FIFS"
expect_body "<span class=\"badge pinned\">置顶</span> <span class=\"badge\">操作指南</span>" "R-13.1 a pinned article is marked in the list"
req GET "$INTRANET/news/$B" --jar "$OPGZ"
expect_status 200 "R-13.1 a city's operator reads the province's article"
expect_no_body 'id="article-edit"' "R-02.2 ... but does not edit it"
req GET "$INTRANET/news/$B/edit" --jar "$OPGZ"
expect_status 403 "R-02.2 ... its edit form is refused"

# --- edit: a new version, every version kept, a stale form refused --------------------------------
req GET "$INTRANET/news/$A/edit" --jar "$OPGZ"
expect_status 200 "R-13.1 the operator opens the edit form"
expect_body 'name="revision" value="1"' "R-13.1 ... at revision 1"
expect_body '即日起' "R-13.1 ... with the stored body"
post_form "$OPGZ" "$INTRANET/news/$A/edit" "$INTRANET/news/$A/edit" \
	--data-urlencode "kind=policy" --data-urlencode "audience=both" --data-urlencode "revision=1" \
	--data-urlencode "title=八九测试广州政策" --data-urlencode "body=修订后的政策正文。"
expect_status 303 "R-13.1 the edit is saved"
expect_eq "$(sql "SELECT CONCAT(kind, '|', title, '|', revision, '|', status) FROM articles WHERE id = $A")" "policy|八九测试广州政策|2|published" "R-13.1 the published article has the new version"
expect_eq "$(sql "SELECT GROUP_CONCAT(revision ORDER BY revision) FROM article_revisions WHERE article_id = $A")" "1,2" "R-13.1 both versions are kept"
expect_eq "$(audit_count "action = 'article.update' AND object_id = '$A'")" 1 "X-AUD the edit has its audit row"
post_form "$OPGZ" "$INTRANET/news/$A/edit" "$INTRANET/news/$A/edit" \
	--data-urlencode "kind=policy" --data-urlencode "audience=both" --data-urlencode "revision=1" \
	--data-urlencode "title=八九测试过期表单" --data-urlencode "body=以旧版本为底的修改。"
expect_status 409 "R-13.1 a form opened at an older revision is refused"
expect_body 'id="edit-conflict"' "X-UI ... with a message"
expect_body '以旧版本为底的修改。</textarea>' "X-UI ... the typed text kept"
expect_body 'name="revision" value="2"' "X-UI ... ready to save over revision 2"
expect_eq "$(sql "SELECT revision FROM articles WHERE id = $A")" 2 "R-13.1 ... and nothing written"
req GET "$INTRANET/news/$A/history" --jar "$OPGZ"
expect_status 200 "R-13.1 the revision history opens"
expect_body 'id="revision-2"' "R-13.1 ... with revision 2"
expect_body 'id="revision-1"' "R-13.1 ... and revision 1"
expect_body '即日起' "R-13.1 ... the first text as written"
expect_escaped "<script>alert('x89')</script>" "X-SEC ... shown as text"
req GET "$INTRANET/news/$A/history" --jar "$FIGZ"
expect_status 403 "R-02.3 an FI user has no revision history"
req GET "$INTERNET/news/$A"
expect_body '修订后的政策正文。' "R-13.1 the public reads the new version"

# --- withdraw; schedule ----------------------------------------------------------------------------------
post_form "$OPGZ" "$INTRANET/news/$A" "$INTRANET/news/$A/withdraw"
expect_status 303 "R-13.1 the operator withdraws the article"
expect_eq "$(sql "SELECT status FROM articles WHERE id = $A")" withdrawn "R-13.1 ... it is withdrawn"
expect_eq "$(audit_count "action = 'article.withdraw' AND object_id = '$A' AND detail = 'published -> withdrawn'")" 1 "X-AUD ... audited"
req GET "$INTERNET/news/$A"
expect_status 404 "R-13.1 a withdrawn article is not public"
post_form "$OPGZ" "$INTRANET/news/$A" "$INTRANET/news/$A/withdraw"
expect_status 409 "R-13.1 a withdrawn article is not withdrawn twice"

PAST=$(date -u -d '+8 hours -1 day' '+%Y-%m-%d %H:%M')
post_form "$OPGZ" "$INTRANET/news/$A" "$INTRANET/news/$A/schedule" --data-urlencode "publish_at=$PAST"
expect_status 400 "R-13.1 a publication time in the past is refused"
expect_body 'id="publish_at-error">定时发布的时间应晚于现在' "X-UI ... told next to it"
expect_body "value=\"$PAST\"" "X-UI ... the time kept as typed"
post_form "$OPGZ" "$INTRANET/news/$A" "$INTRANET/news/$A/schedule" --data-urlencode "publish_at=明天上午"
expect_status 400 "R-13.1 a malformed time is refused"
expect_body 'id="publish_at-error">请按' "X-UI ... told next to it"
NEXT=$(date -u -d '+8 hours +1 day' '+%Y-%m-%dT%H:%M')
post_form "$OPGZ" "$INTRANET/news/$A" "$INTRANET/news/$A/schedule" --data-urlencode "publish_at=$NEXT"
expect_status 303 "R-13.1 the operator schedules the article for tomorrow"
expect_eq "$(sql "SELECT CONCAT(status, '|', DATE_FORMAT(publish_at + INTERVAL 8 HOUR, '%Y-%m-%dT%H:%i')) FROM articles WHERE id = $A")" "scheduled|$NEXT" "R-13.1 it is scheduled at that Beijing time (kept in UTC)"
req GET "$INTERNET/news/$A"
expect_status 404 "R-13.1 a scheduled article is not shown before its time"
sql "UPDATE articles SET publish_at = UTC_TIMESTAMP() - INTERVAL 1 MINUTE WHERE id = $A"
req GET "$INTERNET/news/$A"
expect_status 200 "R-13.1 once its time has come it is shown"
req GET "$INTRANET/news/$A" --jar "$OPGZ"
expect_body 'id="article-state" class="status-published">已发布' "R-13.1 ... and the operators see it as published"
post_form "$OPGZ" "$INTRANET/news/$A" "$INTRANET/news/$A/withdraw"
expect_status 303 "R-13.1 it is withdrawn like any published article"
req GET "$INTERNET/news/$A"
expect_status 404 "R-13.1 ... and no longer shown"

cleanup
done_testing
