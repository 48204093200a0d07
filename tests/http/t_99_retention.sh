#!/usr/bin/env bash
# t_99_retention.sh -- `duijie-admin purge` (issue 20 "Retention", X-AUD):
# what is past the config's Retention periods goes, what is younger stays;
# the legal minimum of 6 months for the audit trail and the credit query
# log holds whatever the config says (a shorter period is refused); every
# batch is audited "retention.purge", the audit part "audit.purge";
# audit-verify's verdict is the same before and after.
#
# Rows are put in the past by SQL, marked by client_addr 't99-...' (the
# query log, SMS codes, sessions, throttling windows) and removed at the
# start.  The audit trail's own deletion is shown with the default
# 365 days, where the stack holds nothing that old: nothing goes, the cut-off
# is audited (an old audit row inserted by SQL would be sealed at the chain's
# tip and take every older seal with it).
. "$(dirname "$0")/lib.sh"

ADMIN=("$DUIJIE_BUILD/duijie-admin" --config "$DUIJIE_CONF")
cleanup() {
	sql "DELETE FROM credit_queries WHERE client_addr LIKE 't99-%'"
	sql "DELETE FROM sms_codes WHERE client_addr LIKE 't99-%'"
	sql "DELETE FROM sessions WHERE client_addr LIKE 't99-%'"
	sql "DELETE FROM login_throttle WHERE client_addr LIKE 't99-%'"
}
cleanup
UID_A=$(sql "SELECT id FROM users WHERE username = 'ent-a'")
ENT=$(sql "SELECT id FROM enterprises ORDER BY id LIMIT 1")

# credit query log: 1100 days (past 1095), 400 days (past 365 < 1095:
# kept by default), 200 days (past 183 only)
for d in 1100 400 200; do
	sql "INSERT INTO credit_queries (at, user_id, role, org_kind, org_id, enterprise_id,
		purpose, client_addr) VALUES (UTC_TIMESTAMP() - INTERVAL $d DAY, $UID_A,
		'enterprise', 'enterprise', $ENT, $ENT, 'self', 't99-q$d')"
done
# SMS codes: expired 31 days ago (past 30), 29 days ago, not yet
for d in 31 29 -1; do
	sql "INSERT INTO sms_codes (purpose, mobile_idx, code_hash, client_addr, created_at,
		expires_at) VALUES ('register', UNHEX(SHA2('t99-$d', 256)), UNHEX(SHA2('x', 256)),
		't99-s$d', UTC_TIMESTAMP() - INTERVAL $d DAY, UTC_TIMESTAMP() - INTERVAL $d DAY)"
done
# sessions: idle for 2 h (Session.idle 1800 s), busy but signed in 13 h
# ago (Session.absolute 43200 s), fresh
sess() {	# sess TAG CREATED-AGO-SECONDS LAST-SEEN-AGO-SECONDS
	sql "INSERT INTO sessions (id_hash, user_id, portal, stage, csrf, client_addr,
		created_at, last_seen_at) VALUES (UNHEX(SHA2('t99-$1', 256)), $UID_A, 'internet',
		'full', REPEAT('c', 43), 't99-$1', UTC_TIMESTAMP() - INTERVAL $2 SECOND,
		UTC_TIMESTAMP() - INTERVAL $3 SECOND)"
}
sess idle 7300 7200
sess absolute 46800 10
sess fresh 60 10
# sign-in throttling windows: 2 days old, current
sql "INSERT INTO login_throttle (client_addr, window_start, failures) VALUES
	('t99-old', UTC_TIMESTAMP() - INTERVAL 2 DAY, 3), ('t99-now', UTC_TIMESTAMP(), 3)"

left() { sql "SELECT GROUP_CONCAT(client_addr ORDER BY client_addr) FROM $1 WHERE client_addr LIKE 't99-%'"; }
# the chain's verdict before (t_30 leaves the test stack's chain broken on
# purpose: the purge must leave the same verdict, at the same row)
verdict() {
	local out rc
	out=$("${ADMIN[@]}" audit-verify 2>&1)
	rc=$?
	printf '%s %s' "$rc" "$(printf '%s' "$out" | sed -n 's/.*\(broken at row [0-9]*\).*/\1/p' | head -n 1)"
}
VERDICT=$(verdict)
AUDIT_N=$(sql "SELECT COUNT(*) FROM audit_log")
LAST=$(sql "SELECT MAX(id) FROM audit_log")
BEFORE=$(date -u -d '-365 days' +%F)

"${ADMIN[@]}" purge >"$T_TMP/purge.out" 2>&1
expect_eq "$?" 0 "purge runs (the schema owner's account, AdminSecrets)"
grep -qE "^purge: 0 audit rows before $BEFORE, [0-9]+ credit queries, [0-9]+ SMS codes, [0-9]+ sessions, [0-9]+ throttling windows deleted$" "$T_TMP/purge.out" &&
	ok "purge says what it deleted, the audit cut-off 365 days back" ||
	not_ok "purge says what it deleted, the audit cut-off 365 days back" "$(cat "$T_TMP/purge.out")"
expect_eq "$(left credit_queries)" "t99-q200,t99-q400" "the credit query log older than Retention.queries_days (1095) goes, younger stays"
expect_eq "$(left sms_codes)" "t99-s-1,t99-s29" "SMS codes expired more than Retention.sms_days (30) ago go, the rest stay"
expect_eq "$(left sessions)" "t99-fresh" "sessions past Session.idle or Session.absolute go, a live one stays"
expect_eq "$(left login_throttle)" "t99-now" "sign-in throttling windows a day past their window go, the current stays"
expect_eq "$(sql "SELECT COUNT(*) FROM audit_log WHERE id <= $LAST")" "$AUDIT_N" \
	"X-AUD no audit row younger than Retention.audit_days (365) is deleted"
expect_eq "$(sql "SELECT detail FROM audit_log WHERE id > $LAST AND action = 'audit.purge'")" \
	"before $BEFORE: 0 rows" "X-AUD the audit part is audited (audit.purge, its cut-off)"
expect_eq "$(sql "SELECT GROUP_CONCAT(object_type ORDER BY object_type) FROM audit_log
	WHERE id > $LAST AND action = 'retention.purge' AND portal = 'admin'")" \
	"credit_queries,login_throttle,sessions,sms_codes" "X-AUD each table's deletion is audited retention.purge (portal admin)"
detail=$(sql "SELECT detail FROM audit_log WHERE id > $LAST AND action = 'retention.purge' AND object_type = 'credit_queries'")
printf '%s' "$detail" | grep -qE '^[0-9]+ rows, older than 1095 days$' &&
	ok "X-AUD the audit row names the rows and the cut-off" ||
	not_ok "X-AUD the audit row names the rows and the cut-off" "$detail"
expect_eq "$(verdict)" "$VERDICT" "X-AUD audit-verify says after the purge what it said before (${VERDICT})"

# Again: nothing more to go, and no batch audited when none went
LAST=$(sql "SELECT MAX(id) FROM audit_log")
"${ADMIN[@]}" purge >/dev/null 2>&1
expect_eq "$(left credit_queries)" "t99-q200,t99-q400" "a second purge deletes nothing more"
expect_eq "$(sql "SELECT COUNT(*) FROM audit_log WHERE id > $LAST AND action = 'retention.purge'
	AND object_type = 'credit_queries'")" 0 "a table with nothing to delete writes no retention.purge row"

# The legal minimum: a period under 6 months is refused, 183 days is allowed
conf_with() {	# conf_with KEY VALUE: the stack's config with Retention.KEY = VALUE
	sed "s/^\([[:space:]]*\)$1 = .*/\1$1 = $2/" "$DUIJIE_CONF" >"$T_TMP/retention.hdf"
	grep -q "^[[:space:]]*$1 = $2\$" "$T_TMP/retention.hdf"
}
for k in audit_days queries_days; do
	conf_with "$k" 182
	"$DUIJIE_BUILD/duijie-admin" --config "$T_TMP/retention.hdf" purge >"$T_TMP/refused.out" 2>&1
	rc=$?
	[ "$rc" -eq 1 ] && grep -q "must be >= 183 (6 months)" "$T_TMP/refused.out" &&
		ok "X-AUD Retention.$k = 182 (under 6 months) is refused" ||
		not_ok "X-AUD Retention.$k = 182 (under 6 months) is refused" "rc $rc: $(cat "$T_TMP/refused.out")"
done
expect_eq "$(left credit_queries)" "t99-q200,t99-q400" "a refused purge deletes nothing"
conf_with queries_days 183
"$DUIJIE_BUILD/duijie-admin" --config "$T_TMP/retention.hdf" purge >/dev/null 2>&1
expect_eq "$(left credit_queries)" NULL "Retention.queries_days = 183: the query log older than 6 months goes"

cleanup
done_testing
