#!/usr/bin/env bash
# t_97b_measures_kinds.sh -- each kind of measure through the real path
# (issue 16 "Measures on enterprise users", R-15.1, Art. 15 (1)-(4)):
# suspending messaging refuses the loan messages and nothing else;
# suspending self-view requests refuses them and keeps the credit page;
# two measures combined each refuse their own pages, and lifting one
# leaves the other; suspending all rights refuses reading too but keeps
# the measures, the notices, feedback (to appeal) and signing out; a
# measure before its start binds nothing, one past its end date ends by
# itself (the list says so, no job needed); a revocation ends every
# session of the enterprise's users at its approval and on any later
# sign-in (R-02.2, X-AUD).
#
# Creates measures on ent-a whose reason starts with 九七乙 and a draft
# application 九七乙测试, removed at the start and the end.
. "$(dirname "$0")/lib.sh"

ENT=$(sql "SELECT org_id FROM users WHERE username = 'ent-a'")
uid_of() { sql "SELECT id FROM users WHERE username = '$1'"; }
mcol() { sql "SELECT $2 FROM measures WHERE id = $1"; }
audit_count() { sql "SELECT COUNT(*) FROM audit_log WHERE $1"; }
cleanup() {
	sql "DELETE i FROM inbox i JOIN measures m ON i.link = CONCAT('/measures/', m.id) WHERE m.reason LIKE '九七乙%'"
	sql "DELETE FROM measures WHERE reason LIKE '九七乙%'"
	local ids
	ids=$(sql "SELECT GROUP_CONCAT(id) FROM loans WHERE purpose LIKE '九七乙测试%'")
	if [ -n "$ids" ] && [ "$ids" != NULL ]; then
		sql "DELETE FROM loan_messages WHERE loan_id IN ($ids)"
		sql "DELETE FROM loan_events WHERE loan_id IN ($ids)"
		sql "DELETE FROM loans WHERE id IN ($ids)"
	fi
}
cleanup
TODAY=$(date -u -d "@$(( $(date +%s) + 8 * 3600 ))" +%F)
TOMORROW=$(date -u -d "@$(( $(date +%s) + 8 * 3600 + 86400 ))" +%F)

login "$INTRANET" op-gz; OPGZ=$(jar_of op-gz)
login "$INTRANET" sup-gz; SUPGZ=$(jar_of sup-gz)
login "$INTERNET" ent-a; ENTA=$(jar_of ent-a)

# measure KIND [START [END]]: op-gz proposes KIND on ent-a, sup-gz
# approves; MID is its id
measure() {
	local kind=$1 start=${2:-$TODAY} end=${3:-}
	post_form "$OPGZ" "$INTRANET/measures/new" "$INTRANET/measures/new" \
		--data-urlencode "enterprise=$ENT" --data-urlencode "kind=$kind" \
		--data-urlencode "other_text=九七乙 其他" --data-urlencode "reason=九七乙 $kind" \
		--data-urlencode "starts_on=$start" --data-urlencode "ends_on=$end"
	MID=$(header Location | sed -n 's|^/measures/\([0-9]*\).*|\1|p')
	post_form "$SUPGZ" "$INTRANET/measures/$MID" "$INTRANET/measures/$MID/approve"
	[ "$STATUS" = 303 ] && [ "$(mcol "$MID" status)" = active ] ||
		not_ok "setup: measure $kind approved" "status $STATUS"
}
# lift ID: asked by op-gz, approved by sup-gz
lift() {
	post_form "$OPGZ" "$INTRANET/measures/$1" "$INTRANET/measures/$1/lift" --data-urlencode "note=九七乙 解除"
	post_form "$SUPGZ" "$INTRANET/measures/$1" "$INTRANET/measures/$1/approve"
	[ "$(mcol "$1" status)" = lifted ] || not_ok "setup: measure $1 lifted"
}
message() {
	local tok
	req GET "$INTERNET/loans" --jar "$ENTA"
	tok=$(csrf_from_body)
	req POST "$INTERNET/loans/$L/messages" --jar "$ENTA" -H "Origin: $INTERNET" \
		-F "csrf_token=$tok" -F "body=九七乙测试 提问"
}

# a draft application to message on
post_form "$ENTA" "$INTERNET/loans/new" "$INTERNET/loans/new" --data-urlencode "amount_wan=50" \
	--data-urlencode "term_months=6" --data-urlencode "purpose=九七乙测试 草稿"
L=$(sql "SELECT MAX(id) FROM loans WHERE purpose = '九七乙测试 草稿'")
[ -n "$L" ] && [ "$L" != NULL ] && ok "setup: a draft application" || not_ok "setup: a draft application"
message
BEFORE=$STATUS
[ "$BEFORE" != 403 ] && ok "R-15.1 without a measure a message is not refused by one ($BEFORE)" ||
	not_ok "R-15.1 without a measure a message is not refused by one"

# --- suspend messaging --------------------------------------------------------------------------------------
measure suspend_message; MSG=$MID
message
expect_status 403 "R-15.1 suspended messaging refuses the loan messages"
expect_body '暂停与金融机构沟通交流' "R-15.1 ... naming the measure"
req GET "$INTERNET/loans/new" --jar "$ENTA"
expect_status 200 "R-15.1 ... and not publishing"
req GET "$INTERNET/loans/$L" --jar "$ENTA"
expect_status 200 "R-15.1 ... nor reading the application"

# --- combined with a suspension of publishing; lifting one leaves the other -------------------------
measure suspend_publish; PUB=$MID
req GET "$INTERNET/loans/new" --jar "$ENTA"
expect_status 403 "R-15.1 two measures combined: publishing refused"
expect_body '暂停发布信贷申请' "R-15.1 ... by its own measure"
message
expect_status 403 "R-15.1 ... and messaging refused"
lift "$MSG"
message
[ "$STATUS" = "$BEFORE" ] && ok "R-15.1 messaging lifted: messages as before ($STATUS)" ||
	not_ok "R-15.1 messaging lifted: messages as before" "got $STATUS, before $BEFORE"
req GET "$INTERNET/loans/new" --jar "$ENTA"
expect_status 403 "R-15.1 ... while publishing stays suspended"
lift "$PUB"
req GET "$INTERNET/loans/new" --jar "$ENTA"
expect_status 200 "R-15.1 ... until its own lift"

# --- suspend self-view requests --------------------------------------------------------------------------
measure suspend_selfview; SV=$MID
post_form "$ENTA" "$INTERNET/my-credit" "$INTERNET/my-credit/apply" --data-urlencode "reason=九七乙测试"
expect_status 403 "R-15.1 suspended self-view requests refuse a request"
expect_body '暂停申请查看本企业信用信息' "R-15.1 ... naming the measure"
req GET "$INTERNET/my-credit" --jar "$ENTA"
expect_status 200 "R-15.1 ... the credit page itself still reads"
lift "$SV"

# --- a measure before its start binds nothing ----------------------------------------------------------------
measure suspend_publish "$TOMORROW"; LATER=$MID
req GET "$INTERNET/loans/new" --jar "$ENTA"
expect_status 200 "R-15.1 a measure starting tomorrow does not bind today"
req GET "$INTERNET/measures" --jar "$ENTA"
expect_body "id=\"measure-$LATER\"" "R-15.1 ... the enterprise sees it coming"
expect_body '尚未开始' "R-15.1 ... as not yet started"
sql "UPDATE measures SET status = 'lifted' WHERE id = $LATER"

# --- suspend all, ended by its end date ---------------------------------------------------------------------
measure suspend_all "$TODAY" "$TODAY"; ALL=$MID
req GET "$INTERNET/loans" --jar "$ENTA"
expect_status 403 "R-15.1 all rights suspended: reading is refused too"
expect_body '暂停全部使用权限' "R-15.1 ... naming the measure"
expect_body "id=\"measure-ends\">$TODAY（含当日）" "R-15.1 ... and its end date"
req GET "$INTERNET/profile" --jar "$ENTA"
expect_status 403 "R-15.1 ... every page"
req GET "$INTERNET/measures/$ALL" --jar "$ENTA"
expect_status 200 "R-15.1 ... but the measures stay readable"
req GET "$INTERNET/feedback" --jar "$ENTA"
expect_status 200 "R-15.1 ... and feedback, to appeal"
req GET "$INTERNET/inbox" --jar "$ENTA"
expect_status 200 "R-15.1 ... and the notices"
expect_body '平台对贵企业采取了管理措施' "R-15.1 ... which tell of the measure"
# the end date passes: the statements compare with the clock, no job runs
sql "UPDATE measures SET starts_on = starts_on - INTERVAL 3 DAY, ends_on = ends_on - INTERVAL 2 DAY,
	starts_at = starts_at - INTERVAL 3 DAY, ends_at = ends_at - INTERVAL 2 DAY WHERE id = $ALL"
req GET "$INTERNET/loans" --jar "$ENTA"
expect_status 200 "R-15.1 past its end date the measure ends by itself"
expect_eq "$(mcol "$ALL" status)" active "R-15.1 ... without a job changing the row"
req GET "$INTRANET/measures?state=ended" --jar "$OPGZ"
expect_body "id=\"measure-$ALL\"" "R-15.1 the operators' list filters it as ended"
expect_body '已到期结束' "R-15.1 ... and says so"
req GET "$INTRANET/measures?state=active" --jar "$OPGZ"
expect_no_body "id=\"measure-$ALL\"" "R-15.1 ... not among those in force"
req GET "$INTERNET/measures" --jar "$ENTA"
expect_body '已到期结束' "R-15.1 the enterprise's list says it ended"
post_form "$OPGZ" "$INTRANET/measures/$ALL" "$INTRANET/measures/$ALL/lift" --data-urlencode "note=九七乙"
expect_status 409 "R-15.1 an ended measure is not lifted"

# --- revocation ends every session ------------------------------------------------------------------------------
cp "$ENTA" "$T_TMP/first-session"
login "$INTERNET" ent-a
[ "$(sql "SELECT COUNT(*) FROM sessions s JOIN users u ON u.id = s.user_id WHERE u.org_kind = 'enterprise' AND u.org_id = $ENT")" -ge 2 ] &&
	ok "setup: two sessions of the enterprise" || not_ok "setup: two sessions of the enterprise"
measure revoke; REV=$MID
expect_eq "$(sql "SELECT COUNT(*) FROM sessions s JOIN users u ON u.id = s.user_id WHERE u.org_kind = 'enterprise' AND u.org_id = $ENT")" 0 "R-15.1 the revocation's approval ends every session of the enterprise"
expect_eq "$(audit_count "action = 'measure.approve' AND object_id = '$REV' AND detail LIKE '%sessions ended%'")" 1 "X-AUD ... audited with its approval"
req GET "$INTERNET/account" --jar "$T_TMP/first-session"
expect_status 303 "R-15.1 ... the first session is signed out"
expect_header Location '^/login$' "R-15.1 ... to the sign-in"
req GET "$INTERNET/account" --jar "$ENTA"
expect_status 303 "R-15.1 ... and the second"
login "$INTERNET" ent-a
req GET "$INTERNET/account" --jar "$ENTA"
expect_status 403 "R-15.1 signing in again: the next request is refused"
expect_body '用户资格已被取消' "R-15.1 ... the qualification revoked"
expect_body '取消用户资格' "R-15.1 ... naming the measure"
expect_header Set-Cookie '__Host-duijie=;' "R-15.1 ... the cookie cleared"
expect_eq "$(sql "SELECT COUNT(*) FROM sessions s JOIN users u ON u.id = s.user_id WHERE u.org_kind = 'enterprise' AND u.org_id = $ENT")" 0 "R-15.1 ... and the session ended"
req GET "$INTERNET/account" --jar "$ENTA"
expect_status 303 "R-15.1 ... so the page after is the sign-in"
lift "$REV"
login "$INTERNET" ent-a
req GET "$INTERNET/account" --jar "$ENTA"
expect_status 200 "R-15.1 a lifted revocation lets the enterprise in again"

cleanup
done_testing
