#!/usr/bin/env bash
# t_62_departures.sh -- the departure duty and the operators' dashboard:
# a holder's departure recorded by the agency or an operator, its due date
# counted in working days from the holiday calendar, pending and overdue
# cases, a change form answering one, dormant gov accounts, the dashboard
# and its CSV exports, and the refusals (R-09.5, R-04.3, R-02.2, X-AUD).
#
# Works on gov users it inserts itself (usernames t62-*, 广州市市场监督管理局)
# and leaves the demo accounts as they were.  Safe to run twice on a stack.
. "$(dirname "$0")/lib.sh"

uid_of() { sql "SELECT id FROM users WHERE username = '$1'"; }
audit_count() { sql "SELECT COUNT(*) FROM audit_log WHERE $1"; }

GZ_AGENCY=$(sql "SELECT org_id FROM users WHERE username = 'gov-gz'")
TAG=$RANDOM
X=t62-x-$TAG Y=t62-y-$TAG Z=t62-z-$TAG
# contacts are sealed (R-09.4): these take gov-gz's sealed one
for u in "$X" "$Y" "$Z"; do
	sql "INSERT INTO users (username, role, region_code, org_kind, org_id, real_name, contact_enc, pw_hash)
		SELECT '$u', 'gov', '440100', 'agency', $GZ_AGENCY, '六二测试$u', contact_enc, 'none'
		FROM users WHERE username = 'gov-gz'"
done
# Z last signed in 100 days ago; X and Y recently
sql "UPDATE users SET last_login_at = UTC_TIMESTAMP() - INTERVAL 100 DAY WHERE username = '$Z'"
sql "UPDATE users SET last_login_at = UTC_TIMESTAMP() - INTERVAL 1 DAY WHERE username IN ('$X', '$Y')"
TODAY=$(TZ=Asia/Shanghai date +%F)

for u in gov-gz op-gz sup-gz; do
	login "$INTRANET" "$u"
done
GOVGZ=$(jar_of gov-gz) OPGZ=$(jar_of op-gz) SUPGZ=$(jar_of sup-gz)
# A Foshan operator of this file's own (the demo op-fs has TOTP after t_30)
FS_OP=t62-fs-$$
otp=$("$DUIJIE_BUILD/duijie-admin" --config "$DUIJIE_CONF" create-operator "$FS_OP" \
	--name 测试员 --contact 0757-12345678 --region 440600 | sed -n 's/^one-time password.*: //p')
sql "UPDATE users SET must_change_pw = 0 WHERE username = '$FS_OP'"
login "$INTRANET" "$FS_OP" "$otp"
OPFS=$(jar_of "$FS_OP")

# --- recording by the agency (R-09.5) -------------------------------------------------
req GET "$INTRANET/departures" --jar "$GOVGZ"
expect_status 200 "R-09.5 gov-gz opens the departure page"
expect_no_body 'class="error-text"' "X-UI the empty form shows no \"required\" messages before it is sent (issue 18)"
expect_body "<option value=\"$(uid_of "$X")\">$X" "R-09.5 the agency chooses among its own users"

post_form "$GOVGZ" "$INTRANET/departures" "$INTRANET/departures" \
	--data-urlencode "user=$(uid_of "$X")" --data-urlencode "event_date=2099-01-01"
expect_status 200 "R-09.5 a bad departure is shown again"
expect_body 'id="kind-error"' "R-09.5 the missing kind is marked"
expect_body 'id="event_date-error"[^>]*>日期不能晚于今天' "R-09.5 a future date is refused"
expect_body "<option value=\"$(uid_of "$X")\" selected" "X-UI the chosen user is kept"

# 2026-09-30 + 5 working days: 10-01..07 are the National Day holidays,
# 10-10 (a Saturday) is a working day: 10-08, 10-09, 10-10, 10-12, 10-13
post_form "$GOVGZ" "$INTRANET/departures" "$INTRANET/departures" \
	--data-urlencode "user=$(uid_of "$X")" --data-urlencode "kind=left" \
	--data-urlencode "event_date=2026-09-30" --data-urlencode "note=调往区分局"
expect_status 303 "R-09.5 gov-gz records that X's holder left"
expect_header Location '^/departures\?done=ok$' "R-09.5 ... with the 2026 calendar on record"
expect_eq "$(sql "SELECT DATE_FORMAT(due_date, '%Y-%m-%d') FROM departures WHERE user_id = $(uid_of "$X")")" \
	2026-10-13 "R-09.5 the form is due 5 working days later, by the holiday calendar"
expect_eq "$(audit_count "action = 'departure.record' AND object_id = '$(uid_of "$X")'")" 1 \
	"X-AUD the record is audited"
req GET "$INTRANET/departures" --jar "$GOVGZ"
expect_body "class=\"departure-overdue\" data-user=\"$X\"" "R-09.5 an unanswered departure past its due date is overdue"

post_form "$GOVGZ" "$INTRANET/departures" "$INTRANET/departures" \
	--data-urlencode "user=$(uid_of "$X")" --data-urlencode "kind=changed" \
	--data-urlencode "event_date=2026-10-01"
expect_body 'id="user-error"[^>]*>该用户已有一条尚未提交申请表的离岗登记' \
	"R-09.5 one open departure per user"
post_form "$GOVGZ" "$INTRANET/departures" "$INTRANET/departures" \
	--data-urlencode "user=$(uid_of gov-fs)" --data-urlencode "kind=left" \
	--data-urlencode "event_date=2026-10-01"
expect_body 'id="user-error"' "R-02.2 an agency cannot record another agency's user"

# --- recording by an operator (R-09.5, R-02.2) ----------------------------------------
post_form "$OPGZ" "$INTRANET/departures" "$INTRANET/departures" \
	--data-urlencode "username=$Y" --data-urlencode "kind=changed" \
	--data-urlencode "event_date=$TODAY"
expect_status 303 "R-09.5 op-gz records Y's change of duties by username"
# a year whose holidays are not entered yet: the due date counts Monday to
# Friday, and the page says so
W=t62-w-$TAG
sql "INSERT INTO users (username, role, region_code, org_kind, org_id, real_name, contact_enc, pw_hash)
	SELECT '$W', 'gov', '440100', 'agency', $GZ_AGENCY, '六二测试$W', contact_enc, 'none'
	FROM users WHERE username = 'gov-gz'"
post_form "$OPGZ" "$INTRANET/departures" "$INTRANET/departures" \
	--data-urlencode "username=$W" --data-urlencode "kind=left" \
	--data-urlencode "event_date=2024-12-27"
expect_header Location '^/departures\?done=nocal$' "R-09.5 a year without calendar rows is flagged"
expect_eq "$(sql "SELECT DATE_FORMAT(due_date, '%Y-%m-%d') FROM departures WHERE user_id = $(uid_of "$W")")" \
	2025-01-06 "R-09.5 ... 2024-12-27 + 5 working days: 12-30, 12-31, (01-01 元旦) 01-02, 01-03, 01-06"
req GET "$INTRANET/departures?done=nocal" --jar "$OPGZ"
expect_body 'id="no-calendar"' "R-09.5 ... and the page says the calendar is missing"
post_form "$OPFS" "$INTRANET/departures" "$INTRANET/departures" \
	--data-urlencode "username=$Z" --data-urlencode "kind=left" \
	--data-urlencode "event_date=$TODAY"
expect_body 'id="username-error"' "R-02.2 a Foshan operator cannot record a Guangzhou user"
before=$(audit_count "action = 'access.denied'")
post_form "$SUPGZ" "$INTRANET/departures" "$INTRANET/departures" \
	--data-urlencode "username=$Z" --data-urlencode "kind=left" \
	--data-urlencode "event_date=$TODAY"
expect_status 403 "R-09.5 supervisors read the departures, they do not record them"
expect_eq "$(audit_count "action = 'access.denied'")" $((before + 1)) "X-AUD ... refusal audited"

# --- the dashboard (R-09.5) ----------------------------------------------------------------
req GET "$INTRANET/dashboard" --jar "$OPGZ"
expect_status 200 "R-09.5 op-gz opens the dashboard"
expect_body "class=\"departure-overdue\" data-user=\"$X\"" "R-09.5 X is listed overdue"
expect_body "class=\"departure-pending\" data-user=\"$Y\"" "R-09.5 Y is listed pending"
expect_body "<tr data-user=\"$Z\">" "R-09.5 Z, 100 days without a sign-in, is dormant"
expect_no_body "<tr data-user=\"$X\">" "R-09.5 X signed in yesterday: not dormant"
req GET "$INTRANET/dashboard" --jar "$SUPGZ"
expect_status 200 "R-09.5 supervisors see the dashboard"
req GET "$INTRANET/dashboard" --jar "$OPFS"
expect_no_body "data-user=\"$X\"" "R-02.2 a Foshan operator's dashboard does not list Guangzhou users"
req GET "$INTRANET/dashboard" --jar "$GOVGZ"
expect_status 403 "R-09.5 the dashboard is for operators and supervisors"

# a form revoking X answers its departure; it waits for the check, with its age
post_form "$GOVGZ" "$INTRANET/agency-forms/new" "$INTRANET/agency-forms/new" \
	--data-urlencode "action=submit" --data-urlencode "lines=2" \
	--data-urlencode "apply_date=$TODAY" \
	--data-urlencode "op1=revoke" --data-urlencode "name1=六二测试$X" \
	--data-urlencode "title1=科员" --data-urlencode "contact1=020-1" \
	--data-urlencode "user1=$(uid_of "$X")" \
	--data-urlencode "net_name=钱网" --data-urlencode "net_contact=020-83120000" \
	--data-urlencode "opinion=调离，申请撤销。" --data-urlencode "resp_name=孙局长" \
	--data-urlencode "opinion_date=$TODAY"
expect_status 303 "R-09.5 gov-gz submits the form revoking X"
F=$(header Location | sed -nE 's|^/agency-forms/([0-9]+).*|\1|p')
expect_eq "$(sql "SELECT form_id FROM departures WHERE user_id = $(uid_of "$X")")" "$F" \
	"R-09.5 the submitted form answers X's departure"
req GET "$INTRANET/dashboard" --jar "$OPGZ"
expect_no_body "data-user=\"$X\"" "R-09.5 an answered departure leaves the dashboard"
expect_body "<tr data-form=\"$F\">" "R-04.3 the form waits for the check on the dashboard"
req GET "$INTRANET/departures" --jar "$GOVGZ"
expect_body "class=\"departure-answered\" data-user=\"$X\"" "R-09.5 the agency sees X's departure answered"

# --- CSV exports -------------------------------------------------------------------------------
before=$(audit_count "action = 'dashboard.export'")
req GET "$INTRANET/dashboard.csv?list=dormant" --jar "$OPGZ"
expect_status 200 "R-09.5 the dormant list as CSV"
expect_header Content-Type '^text/csv' "R-09.5 ... a CSV"
expect_body "\"$Z\"" "R-09.5 ... with Z"
req GET "$INTRANET/dashboard.csv?list=departures" --jar "$OPGZ"
expect_body "\"$Y\".*\"待提交\"" "R-09.5 the open departures as CSV"
req GET "$INTRANET/dashboard.csv?list=forms" --jar "$OPGZ"
expect_body "^\"$F\"|\"$F\"" "R-09.5 the waiting forms as CSV"
expect_eq "$(audit_count "action = 'dashboard.export'")" $((before + 3)) "X-AUD every export is audited"
req GET "$INTRANET/dashboard.csv?list=secrets" --jar "$OPGZ"
expect_status 400 "an unknown list is a 400"

done_testing
