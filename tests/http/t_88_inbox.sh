#!/usr/bin/env bash
# t_88_inbox.sh -- the in-site notices (站内消息) on both portals: the list
# newest first with unread ones bold and a pager, marking one or all read
# (CSRF, audited), opening a notice's link, the unread count in the header
# of every signed-in page (capped at 99+), scope: only the recipient
# (R-08.2d, R-08.2e, R-02.2, X-SEC, X-AUD).  Issues 14 and 15, the shared
# inbox.  The notices are made by SQL here; t_52 proves one made by a real
# event (a claim's approval) with its SMS.
. "$(dirname "$0")/lib.sh"

uid_of() { sql "SELECT id FROM users WHERE username = '$1'"; }
FI=$(uid_of fi-gz)
GOV=$(uid_of gov-fs)
sql "DELETE FROM inbox WHERE user_id IN ($FI, $GOV)"
# 25 notices for fi-gz, the newest (25) with a link, one hostile
sql "INSERT INTO inbox (user_id, kind, title, body, link, created_at)
	WITH RECURSIVE n (k) AS (SELECT 1 UNION ALL SELECT k + 1 FROM n WHERE k < 25)
	SELECT $FI, 't88.note', CONCAT('测试消息 ', k), CONCAT('第 ', k, ' 条'),
	  IF(k = 25, '/products', ''), UTC_TIMESTAMP() - INTERVAL (100 - k) MINUTE FROM n"
sql "UPDATE inbox SET title = '<script>alert(88)</script>', body = '\"onmouseover=x' WHERE user_id = $FI AND title = '测试消息 24'"
first=$(sql "SELECT MAX(id) FROM inbox WHERE user_id = $FI")
oldest=$(sql "SELECT MIN(id) FROM inbox WHERE user_id = $FI")
hostile=$(sql "SELECT id FROM inbox WHERE user_id = $FI AND title LIKE '<script>%'")
gov_note=$(sql "INSERT INTO inbox (user_id, kind, title) VALUES ($GOV, 't88.note', '佛山的消息'); SELECT LAST_INSERT_ID()")

if sql "INSERT INTO inbox (user_id, kind, title, link) VALUES ($FI, 't88.bad', 'x', '//evil.example/')" 2>/dev/null; then
	not_ok "X-SEC the schema refuses a link to another host (//...)"
else ok "X-SEC the schema refuses a link to another host (//...)"; fi

login "$INTRANET" fi-gz
expect_status 303 "(set up) fi-gz signs in on the intranet"
fj=$(jar_of fi-gz)
req GET "$INTRANET/account" --jar "$fj"
expect_body 'href="/inbox" id="nav-inbox"' "R-08.2d every signed-in page links to 消息 in its header"
expect_body 'id="inbox-unread"[^>]*>25<' "R-08.2d ... with the unread count (25)"
req GET "$INTRANET/inbox" --jar "$fj"
expect_status 200 "R-08.2d the intranet user opens its 消息 list"
expect_eq "$(grep -o 'data-notice="[0-9]*"' "$RESP_BODY" | head -n 1)" "data-notice=\"$first\"" "R-08.2d ... newest first"
expect_eq "$(grep -c 'data-notice=' "$RESP_BODY")" 20 "R-08.2d ... 20 a page"
expect_body 'rel="next" href="/inbox\?page=2"' "R-08.2d ... with the pager to the next page"
expect_body 'class="unread"' "R-08.2d ... unread notices marked"
expect_body '<strong class="notice-title">测试消息 25</strong>' "R-08.2d ... and their titles bold"
expect_body 'id="inbox-total">共 25 条消息' "R-08.2d ... the total"
expect_no_body '<script>alert\(88\)' "X-SEC a notice's title is escaped"
expect_body '&lt;script&gt;alert\(88\)&lt;/script&gt;' "X-SEC ... shown as text"
expect_body '&quot;onmouseover=x' "X-SEC ... and so is its body"
req GET "$INTRANET/inbox?page=2" --jar "$fj"
expect_eq "$(grep -c 'data-notice=' "$RESP_BODY")" 5 "R-08.2d the second page holds the other 5"
expect_body "data-notice=\"$oldest\"" "R-08.2d ... down to the oldest"

# scope: only the recipient
login "$INTRANET" gov-fs
gj=$(jar_of gov-fs)
req GET "$INTRANET/inbox" --jar "$gj"
expect_no_body "data-notice=\"$first\"" "R-02.2 another user's list does not show fi-gz's notices"
expect_body "data-notice=\"$gov_note\"" "R-02.2 ... only its own"
post_form "$gj" "$INTRANET/inbox" "$INTRANET/inbox/$first/read"
expect_status 404 "R-02.2 another user gets 404 marking fi-gz's notice read"
expect_eq "$(sql "SELECT read_at IS NULL FROM inbox WHERE id = $first")" 1 "R-02.2 ... which stays unread"
expect_eq "$(sql "SELECT COUNT(*) FROM audit_log WHERE action = 'access.denied' AND object_type = 'inbox' AND object_id = '$first' AND actor_id = $GOV")" 1 \
	"X-AUD ... the refusal is audited"

# marking one read: CSRF, the link, the audit row
req POST "$INTRANET/inbox/$hostile/read" --jar "$fj" -H "Origin: $INTRANET"
expect_status 403 "X-SEC marking read without the CSRF token is refused"
expect_eq "$(sql "SELECT read_at IS NULL FROM inbox WHERE id = $hostile")" 1 "X-SEC ... nothing changed"
post_form "$fj" "$INTRANET/inbox" "$INTRANET/inbox/$hostile/read" --data-urlencode page=2
expect_status 303 "R-08.2d the recipient marks a notice read"
expect_header Location '^/inbox\?page=2&done=read$' "R-08.2d ... back to the page it was on"
expect_eq "$(sql "SELECT read_at IS NOT NULL FROM inbox WHERE id = $hostile")" 1 "R-08.2d ... it is read"
expect_eq "$(sql "SELECT COUNT(*) FROM audit_log WHERE action = 'inbox.read' AND object_id = '$hostile' AND actor_id = $FI")" 1 \
	"X-AUD ... with its audit row"
post_form "$fj" "$INTRANET/inbox" "$INTRANET/inbox/$hostile/read"
expect_status 303 "R-08.2d marking it read again is harmless"
expect_eq "$(sql "SELECT COUNT(*) FROM audit_log WHERE action = 'inbox.read' AND object_id = '$hostile'")" 1 "X-AUD ... and writes nothing more"
post_form "$fj" "$INTRANET/inbox" "$INTRANET/inbox/$first/read" --data-urlencode go=1
expect_status 303 "R-08.2d opening a notice marks it read"
expect_header Location '^/products$' "R-08.2d ... and goes to its link"
req GET "$INTRANET/account" --jar "$fj"
expect_body 'id="inbox-unread"[^>]*>23<' "R-08.2d the header's count follows (23 unread)"

# all read
post_form "$fj" "$INTRANET/inbox" "$INTRANET/inbox/read-all"
expect_status 303 "R-08.2d 全部标为已读"
expect_header Location '^/inbox\?done=read_all$' "R-08.2d ... back to the list"
expect_eq "$(sql "SELECT COUNT(*) FROM inbox WHERE user_id = $FI AND read_at IS NULL")" 0 "R-08.2d ... every notice of the user is read"
expect_eq "$(sql "SELECT read_at IS NULL FROM inbox WHERE id = $gov_note")" 1 "R-02.2 ... and nobody else's"
expect_eq "$(sql "SELECT detail FROM audit_log WHERE action = 'inbox.read_all' AND actor_id = $FI ORDER BY id DESC LIMIT 1")" "23 notices" \
	"X-AUD ... one audit row with the count"
req GET "$INTRANET/inbox?done=read_all" --jar "$fj"
expect_body 'id="done"' "R-08.2d ... the list says so"
expect_no_body 'class="unread"' "R-08.2d ... no notice is bold any more"
expect_no_body 'id="inbox-unread"' "R-08.2d ... and the header shows no count"

# the count is capped: one cheap query however many there are
sql "INSERT INTO inbox (user_id, kind, title)
	WITH RECURSIVE n (k) AS (SELECT 1 UNION ALL SELECT k + 1 FROM n WHERE k < 130)
	SELECT $FI, 't88.many', CONCAT('批量 ', k) FROM n"
req GET "$INTRANET/account" --jar "$fj"
expect_body 'id="inbox-unread"[^>]*>99\+<' "R-08.2d over 99 unread the header says 99+"
expect_eq "$(sql "EXPLAIN SELECT COUNT(*) FROM (SELECT 1 FROM inbox WHERE user_id = $FI AND read_at IS NULL LIMIT 100) t" | grep -c 'inbox_unread')" 1 \
	"R-08.2d ... the count reads the inbox_unread index"

# the internet portal: the enterprise's list
login "$INTERNET" ent-b
req GET "$INTERNET/inbox" --jar "$(jar_of ent-b)"
expect_status 200 "R-08.2d the enterprise opens 消息 on the internet portal"
expect_body 'id="inbox-none"|data-notice=' "R-08.2d ... its own list (empty or not)"
req GET "$INTERNET/inbox"
expect_status 303 "X-SEC the list needs a sign-in"

sql "DELETE FROM inbox WHERE user_id IN ($FI, $GOV)"
done_testing
