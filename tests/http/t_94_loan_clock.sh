#!/usr/bin/env bash
# t_94_loan_clock.sh -- the loan applications' time limits in working days
# (issue 14 "Time limits", R-08.2a, R-08.2b, X-AUD): take_due_at stored at
# publication (1 working day addressed, 3 open) and recomputed from the
# calendar by `duijie-admin loans-expire` (a holiday shifts it); the
# overdue flag shown to the FI's manager and to the region's operators,
# not to the FI's officer, never to another city's operators; the
# dashboards' counts; withdraw-and-republish refused before 10 working
# days after the take-up, allowed after; the expiry command audited and
# told to the enterprise.
#
# Publication times are set in the past by SQL; applications' purposes
# start with 九四测试 and are removed at the start.
. "$(dirname "$0")/lib.sh"

cleanup() {
	local ids
	ids=$(sql "SELECT GROUP_CONCAT(id) FROM loans WHERE purpose LIKE '九四测试%'")
	[ "$ids" = NULL ] || [ -z "$ids" ] && return 0
	sql "DELETE FROM inbox WHERE link IN (SELECT CONCAT('/loans/', id) FROM loans WHERE id IN ($ids))"
	sql "DELETE FROM loan_events WHERE loan_id IN ($ids)"
	sql "DELETE FROM loans WHERE id IN ($ids)"
}
cleanup
HOLIDAY_WAS=$(sql "SELECT COUNT(*) FROM calendar_days WHERE day = '2026-11-10'")
lcol() { sql "SELECT $2 FROM loans WHERE id = $1"; }
ADMIN=("$DUIJIE_BUILD/duijie-admin" --config "$DUIJIE_CONF")
expire_run() { "${ADMIN[@]}" loans-expire >"$T_TMP/expire.out" 2>&1; }

PRODUCT=$(sql "SELECT id FROM products WHERE name = '经营快贷'")
login "$INTERNET" ent-a; ENTA=$(jar_of ent-a)
login "$INTRANET" fi-gz; GZ=$(jar_of fi-gz)
login "$INTRANET" fi-gz-mgr; MGR=$(jar_of fi-gz-mgr)
login "$INTRANET" op-gz; OPGZ=$(jar_of op-gz)
FS_OP=t94-fs-$$
otp=$("${ADMIN[@]}" create-operator "$FS_OP" --name 测试员 --contact 0757-12345678 \
	--region 440600 | sed -n 's/^one-time password.*: //p')
sql "UPDATE users SET must_change_pw = 0 WHERE username = '$FS_OP'"
login "$INTRANET" "$FS_OP" "$otp"; OPFS=$(jar_of "$FS_OP")

publish() { # PURPOSE PRODUCT_ID
	post_form "$ENTA" "$INTERNET/loans/new" "$INTERNET/loans/new" \
		--data-urlencode amount_wan=100 --data-urlencode term_months=12 \
		--data-urlencode "purpose=$1" --data-urlencode "product_id=$2" \
		--data-urlencode consent=1 --data-urlencode disclaimer=1 --data-urlencode publish=1
	header Location | sed -n 's|^/loans/\([0-9]*\).*|\1|p'
}

# --- limits stored at publication --------------------------------------------------------
ADDR=$(publish "九四测试 指定机构" "$PRODUCT")
OPEN=$(publish "九四测试 开放" "")
[ -n "$ADDR" ] && [ -n "$OPEN" ] && ok "R-08.2a the enterprise publishes an addressed and an open application" ||
	not_ok "R-08.2a the enterprise publishes an addressed and an open application"
expect_eq "$(lcol "$ADDR" "take_due_at > UTC_TIMESTAMP() AND take_due_at <= UTC_TIMESTAMP() + INTERVAL 5 DAY AND TIME(take_due_at) = '16:00:00'")" 1 \
	"R-08.2a the addressed one's take-up limit is stored at publication: a Beijing midnight within days"
expect_eq "$(lcol "$OPEN" "take_due_at > (SELECT take_due_at FROM loans WHERE id = $ADDR)")" 1 \
	"R-08.2a ... the open one's (3 working days) later than the addressed one's (1)"
req GET "$INTRANET/loans?overdue=1" --jar "$MGR"
expect_no_body "data-loan=\"$ADDR\"" "R-08.2a a fresh application is not overdue"

# --- a holiday shifts the deadline ---------------------------------------------------------
sql "UPDATE loans SET published_at = '2026-11-09 02:00:00', open_at = '2026-11-09 02:00:00' WHERE id = $ADDR"
sql "DELETE FROM calendar_days WHERE day = '2026-11-10'"
expire_run && ok "R-08.2a duijie-admin loans-expire runs" || not_ok "R-08.2a duijie-admin loans-expire runs" "$(cat "$T_TMP/expire.out")"
expect_eq "$(lcol "$ADDR" "DATE_FORMAT(take_due_at, '%Y-%m-%d %H:%i:%s')")" "2026-11-10 16:00:00" \
	"R-08.2a published Monday 2026-11-09: due by the end of Tuesday (Beijing)"
sql "INSERT INTO calendar_days (day, kind, name) VALUES ('2026-11-10', 'holiday', '九四测试')"
expire_run
expect_eq "$(lcol "$ADDR" "DATE_FORMAT(take_due_at, '%Y-%m-%d %H:%i:%s')")" "2026-11-11 16:00:00" \
	"R-08.2a a holiday on the Tuesday in the calendar shifts it to Wednesday"
sql "DELETE FROM calendar_days WHERE day = '2026-11-10' AND name = '九四测试'"
[ "$HOLIDAY_WAS" = 0 ] || true
expire_run

# --- the overdue flag ------------------------------------------------------------------------
req GET "$INTRANET/loans?overdue=1" --jar "$MGR"
expect_status 200 "R-08.2a the FI's manager filters its list by 逾期"
expect_body "data-loan=\"$ADDR\"" "R-08.2a ... the overdue addressed application is listed"
expect_no_body "data-loan=\"$OPEN\"" "R-08.2a ... the fresh open one is not"
expect_body 'class="flag-overdue">逾期</strong>（已过工作日：<span class="overdue-days">[0-9]+</span>' \
	"R-08.2a ... flagged 逾期 with the working days elapsed"
req GET "$INTRANET/loans" --jar "$GZ"
expect_body "data-loan=\"$ADDR\"" "R-08.2a the FI's officer lists it"
expect_no_body 'flag-overdue' "R-08.2a ... without the overdue flag (the manager's and operators')"
req GET "$INTRANET/loans?overdue=1" --jar "$OPGZ"
expect_body "data-loan=\"$ADDR\"" "R-08.2a the region's operators see it among the overdue"
expect_body 'flag-overdue' "R-08.2a ... flagged"
expect_body 'class="age">[0-9]+<' "R-08.2a ... with its age in working days"
req GET "$INTRANET/loans?overdue=1" --jar "$OPFS"
expect_status 200 "R-02.2 another city's operator opens its list"
expect_no_body "data-loan=\"$ADDR\"" "R-02.2 ... without the Guangzhou application"
req GET "$INTRANET/loans/$ADDR" --jar "$OPFS"
expect_status 404 "R-02.2 ... nor by id"

# --- the dashboards ------------------------------------------------------------------------------
N=$(sql "SELECT COUNT(*) FROM loans WHERE status = 'published' AND take_due_at < UTC_TIMESTAMP() AND region_code = '440100'")
req GET "$INTRANET/dashboard" --jar "$OPGZ"
expect_body "<a href=\"/loans\\?overdue=1\" id=\"loans-overdue-count\">$N</a>" "R-08.2a the operators' dashboard counts the overdue applications, linking the filtered list"
req GET "$INTRANET/loan-dashboard" --jar "$MGR"
expect_status 200 "R-08.2a the FI manager's dashboard"
expect_body 'id="loans-overdue-count">[1-9][0-9]*</a>' "R-08.2a ... counts the overdue ones"
req GET "$INTRANET/loan-dashboard" --jar "$GZ"
expect_no_body 'loans-overdue-count' "R-08.2a ... the officer's shows no overdue count"

# --- withdraw and republish after 10 working days ------------------------------------------------
TAKEN=$(publish "九四测试 受理后" "$PRODUCT")
req GET "$INTRANET/loans/$TAKEN" --jar "$GZ"
post_form "$GZ" "$INTRANET/loans/$TAKEN" "$INTRANET/loans/$TAKEN/take" --data-urlencode "version=$(lcol "$TAKEN" version)"
expect_status 303 "R-08.2b the bank takes it up"
expect_eq "$(lcol "$TAKEN" "reclaim_at > UTC_TIMESTAMP() + INTERVAL 9 DAY")" 1 "R-08.2b ... its reclaim limit 10 working days ahead"
req GET "$INTERNET/loans/$TAKEN" --jar "$ENTA"
expect_body 'id="reclaim-date">20[0-9][0-9]-[0-9][0-9]-[0-9][0-9]<' "R-08.2b the page says from which date it may be republished"
expect_no_body 'id="loan-republish"' "R-08.2b ... no button yet"
post_form "$ENTA" "$INTERNET/loans/$TAKEN" "$INTERNET/loans/$TAKEN/republish"
expect_status 409 "R-08.2b republishing before 10 working days is refused"
expect_body '满 10 个工作日仍未审批' "R-08.2b ... with the reason"
expect_eq "$(lcol "$TAKEN" status)" taken "R-08.2b ... it stays taken"
sql "UPDATE loans SET taken_at = '2026-11-02 02:00:00' WHERE id = $TAKEN"
expire_run
expect_eq "$(lcol "$TAKEN" "DATE_FORMAT(reclaim_at, '%Y-%m-%d %H:%i:%s')")" "2026-11-16 16:00:00" \
	"R-08.2b taken up Monday 2026-11-02: 10 working days end on Monday 2026-11-16"
req GET "$INTERNET/loans/$TAKEN" --jar "$ENTA"
expect_body 'id="loan-republish"' "R-08.2b past it the enterprise may withdraw and republish"
post_form "$ENTA" "$INTERNET/loans/$TAKEN" "$INTERNET/loans/$TAKEN/republish"
expect_status 303 "R-08.2b ... and does"
expect_eq "$(lcol "$TAKEN" "CONCAT(status, ' ', fi_id IS NULL, ' ', product_id IS NULL, ' ', take_due_at > UTC_TIMESTAMP())")" "published 1 1 1" \
	"R-08.2b ... published again, open to the region's banks, with a new take-up limit"
expect_eq "$(sql "SELECT COUNT(*) FROM audit_log WHERE action = 'loan.republish' AND object_id = '$TAKEN' AND outcome = 'ok'")" 1 "X-AUD ... audited"
req GET "$INTRANET/loans/$TAKEN" --jar "$GZ"
expect_body 'id="loan-take"' "R-08.2b ... the banks may take it up again"

# --- expiry --------------------------------------------------------------------------------------
sql "UPDATE loans SET published_at = '2026-06-01 02:00:00', open_at = '2026-06-01 02:00:00' WHERE id = $OPEN"
expire_run && ok "R-08.2b loans-expire runs" || not_ok "R-08.2b loans-expire runs" "$(cat "$T_TMP/expire.out")"
grep -q 'expired' "$T_TMP/expire.out" && ok "R-08.2b ... and reports what it expired" || not_ok "R-08.2b ... and reports" "$(cat "$T_TMP/expire.out")"
expect_eq "$(lcol "$OPEN" "CONCAT(status, ' ', closed_at IS NOT NULL)")" "expired 1" \
	"R-08.2b a published application not taken up within 20 working days expires"
expect_eq "$(lcol "$ADDR" status)" published "R-08.2b ... one within them does not"
expect_eq "$(sql "SELECT COUNT(*) FROM audit_log WHERE action = 'loan.expire' AND object_id = '$OPEN' AND outcome = 'ok'")" 1 "X-AUD the expiry is audited"
expect_eq "$(sql "SELECT COUNT(*) FROM loan_events WHERE loan_id = $OPEN AND action = 'expire' AND to_status = 'expired'")" 1 "R-08.2a ... on the timeline"
expect_eq "$(sql "SELECT COUNT(*) FROM inbox i JOIN users u ON u.id = i.user_id WHERE u.username = 'ent-a' AND i.kind = 'loan.expired' AND i.link = '/loans/$OPEN'")" 1 \
	"R-08.2a ... and the enterprise gets an in-site notice"
expire_run
expect_eq "$(sql "SELECT COUNT(*) FROM audit_log WHERE action = 'loan.expire' AND object_id = '$OPEN'")" 1 "R-08.2b ... once"

cleanup
done_testing
