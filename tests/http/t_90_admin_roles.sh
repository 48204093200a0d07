#!/usr/bin/env bash
# t_90_admin_roles.sh -- separated administration (issue 16, 等保 level 3
# 三权分立, X-SEC, X-AUD, R-02.3):
#   - the system administrator (sys-gd), the security administrator
#     (sec-gd) and the audit administrator (aud-gd) each open their own
#     pages and are refused (403, access.denied) every page of the other
#     two; business roles are refused all three;
#   - no account combines two roles: a staff account asked with two roles
#     is refused (audited, nothing created); the database refuses turning
#     an administrator into another role or anyone into an administrator;
#     the security administrator cannot assign an administrative
#     permission to another role, nor any permission to an administrator;
#   - the system administrator opens a staff account (one-time password);
#   - the security administrator's settings take effect from the database
#     on the next request, without a restart: the lockout after 3 failures,
#     the idle limit of sessions; a value out of bounds is a message next
#     to its field, what was typed kept.
#
# Restores the settings it changes (security_settings rows) on exit.
. "$(dirname "$0")/lib.sh"

uid_of() { sql "SELECT id FROM users WHERE username = '$1'"; }
audit_count() { sql "SELECT COUNT(*) FROM audit_log WHERE $1"; }
denied_page() { audit_count "action = 'access.denied' AND object_type = 'page' AND object_id = '$1' AND actor_id = $2"; }
TAG=$$
cleanup() { sql "DELETE FROM security_settings" >/dev/null 2>&1 || true; }
trap cleanup EXIT

for u in sys-gd sec-gd aud-gd op-gd sup-gd; do
	login "$INTRANET" "$u"
	expect_status 303 "X-SEC (set up) $u signs in"
done
SYS=$(jar_of sys-gd) SEC=$(jar_of sec-gd) AUD=$(jar_of aud-gd)
OPGD=$(jar_of op-gd) SUPGD=$(jar_of sup-gd)
SYS_ID=$(uid_of sys-gd) SEC_ID=$(uid_of sec-gd) AUD_ID=$(uid_of aud-gd) OPGD_ID=$(uid_of op-gd)
expect_eq "$(sql "SELECT CONCAT(role, ':', region_code, ':', org_kind) FROM users WHERE username = 'sys-gd'")" \
	"sysadmin:440000:office" "X-SEC demo sys-gd is the province's system administrator"
expect_eq "$(sql "SELECT CONCAT(role, ':', region_code, ':', org_kind) FROM users WHERE username = 'sec-gd'")" \
	"secadmin:440000:office" "X-SEC demo sec-gd is the province's security administrator"
expect_eq "$(sql "SELECT role FROM users WHERE username = 'aud-gd'")" auditor \
	"X-SEC demo aud-gd stays the audit administrator (auditor)"

# --- each its own pages --------------------------------------------------------------
req GET "$INTRANET/staff" --jar "$SYS"
expect_status 200 "X-SEC the system administrator opens /staff"
expect_body 'id="staff-new"' "X-SEC ... with the form that opens a staff account"
expect_body 'href="/staff" aria-current="page"' "X-SEC ... and its menu entry"
expect_body '<td class="staff-username">sec-gd</td>' "X-SEC ... listing the offices' accounts"
req GET "$INTRANET/security" --jar "$SEC"
expect_status 200 "X-SEC the security administrator opens /security"
expect_body 'id="security-settings"' "X-SEC ... the lockout, password and session settings"
expect_body 'name="max_failures"[^>]*value="5"' "X-SEC ... showing the configuration's values"
req GET "$INTRANET/security/roles" --jar "$SEC"
expect_status 200 "X-SEC the security administrator opens /security/roles"
expect_body 'id="role-gov"' "X-SEC ... the role -> permission table"
req GET "$INTRANET/audit" --jar "$AUD"
expect_status 200 "X-SEC the audit administrator opens /audit"

# the audit administrator runs the chain's verification (audited); its
# answer is duijie-admin audit-verify's (t_30 leaves the test stack's chain
# broken on purpose: the page must say so, at the same row)
cli=$("$DUIJIE_BUILD/duijie-admin" --config "$DUIJIE_CONF" audit-verify 2>&1)
cli_rc=$?
row=$(printf '%s' "$cli" | sed -n 's/.*broken at row \([0-9]*\).*/\1/p')
if [ "$cli_rc" -eq 0 ]; then detail=intact; else detail="broken at $row"; fi
n=$(audit_count "action = 'audit.verify' AND actor_id = $AUD_ID AND detail = '$detail'")
post_form "$AUD" "$INTRANET/audit/verify" "$INTRANET/audit/verify"
expect_status 200 "X-AUD the audit administrator verifies the audit log's chain"
if [ "$cli_rc" -eq 0 ]; then
	expect_body 'id="verify-intact"' "X-AUD ... intact, as audit-verify says ($cli)"
else
	expect_body "id=\"verify-broken\"[^<]*$row<" "X-AUD ... broken at row $row, as audit-verify says"
fi
expect_eq "$(audit_count "action = 'audit.verify' AND actor_id = $AUD_ID AND detail = '$detail'")" "$((n + 1))" \
	"X-AUD ... and the verification is itself audited with its result"

# --- each refused the others' pages (403, audited) ------------------------------------
# refused USER_JAR USER_ID PATH...: each GET is a 403 with an access.denied row
refused() {
	local jar=$1 id=$2 path n
	shift 2
	for path in "$@"; do
		n=$(denied_page "$path" "$id")
		req GET "$INTRANET$path" --jar "$jar"
		expect_status 403 "X-SEC $(sql "SELECT username FROM users WHERE id = $id") is refused $path"
		expect_eq "$(denied_page "$path" "$id")" "$((n + 1))" "X-AUD ... and the refusal is audited"
	done
}
refused "$SYS" "$SYS_ID" /security /security/roles /audit /audit.csv /audit/verify
refused "$SEC" "$SEC_ID" /staff /audit /audit.csv /audit/verify
refused "$AUD" "$AUD_ID" /staff /security /security/roles
refused "$OPGD" "$OPGD_ID" /staff /security /security/roles
refused "$SUPGD" "$(uid_of sup-gd)" /staff /security
# the administrators hold no business page either
refused "$SYS" "$SYS_ID" /users /credit /agencies
refused "$SEC" "$SEC_ID" /users /credit
# POSTs too: sys-gd may not change the settings, sec-gd may not open accounts
n=$(denied_page /security "$SYS_ID")
post_form "$SYS" "$INTRANET/account" "$INTRANET/security" --data-urlencode "max_failures=3"
expect_status 403 "X-SEC the system administrator may not change the security settings"
expect_eq "$(denied_page /security "$SYS_ID")" "$((n + 1))" "X-AUD ... audited"
expect_eq "$(sql "SELECT COUNT(*) FROM security_settings")" 0 "X-SEC ... nothing stored"
n=$(denied_page /staff "$SEC_ID")
post_form "$SEC" "$INTRANET/account" "$INTRANET/staff" --data-urlencode "username=t90x-$TAG" \
	--data-urlencode "role=auditor" --data-urlencode "region=440000" \
	--data-urlencode "real_name=九零" --data-urlencode "contact=020-12345678"
expect_status 403 "X-SEC the security administrator may not open staff accounts"
expect_eq "$(denied_page /staff "$SEC_ID")" "$((n + 1))" "X-AUD ... audited"
expect_eq "$(sql "SELECT COUNT(*) FROM users WHERE username = 't90x-$TAG'")" 0 "X-SEC ... nothing created"

# --- one account, one role ---------------------------------------------------------------
n=$(audit_count "action = 'access.denied' AND object_type = 'user' AND object_id = 't90c-$TAG'")
post_form "$SYS" "$INTRANET/staff" "$INTRANET/staff" --data-urlencode "username=t90c-$TAG" \
	--data-urlencode "role=sysadmin" --data-urlencode "role=auditor" --data-urlencode "region=440000" \
	--data-urlencode "real_name=九零兼任" --data-urlencode "contact=020-12345678"
expect_status 403 "X-SEC an account asked with two roles (sysadmin + auditor) is refused"
expect_body 'id="role-error"[^>]*>一个账户只能有一个角色' "X-SEC ... the message next to the role"
expect_body 'value="九零兼任"' "X-SEC ... the form keeps what was typed"
expect_eq "$(sql "SELECT COUNT(*) FROM users WHERE username = 't90c-$TAG'")" 0 "X-SEC ... nothing created"
expect_eq "$(audit_count "action = 'access.denied' AND object_type = 'user' AND object_id = 't90c-$TAG'")" \
	"$((n + 1))" "X-AUD ... and the refusal is audited"

# the system administrator opens a security administrator's account
post_form "$SYS" "$INTRANET/staff" "$INTRANET/staff" --data-urlencode "username=t90s-$TAG" \
	--data-urlencode "role=secadmin" --data-urlencode "region=440000" \
	--data-urlencode "real_name=九零安全" --data-urlencode "contact=020-12345679"
expect_status 200 "X-SEC the system administrator opens a staff account"
expect_header Cache-Control 'no-store' "X-SEC ... the one-time password page is not cached"
OTP=$(grep -o '<code class="secret" id="otp">[^<]*' "$RESP_BODY" | sed 's/.*>//')
[ -n "$OTP" ] && ok "X-SEC ... its one-time password is shown once" || not_ok "X-SEC ... its one-time password is shown once" "none"
expect_eq "$(sql "SELECT CONCAT(role, ':', region_code, ':', org_kind, ':', must_change_pw) FROM users WHERE username = 't90s-$TAG'")" \
	"secadmin:440000:office:1" "X-SEC ... a security administrator of the province's office, to change its password"
expect_eq "$(audit_count "action = 'user.create' AND object_id = '$(uid_of "t90s-$TAG")' AND actor_id = $SYS_ID")" 1 \
	"X-AUD ... the creation is audited"
# a bad field: a message next to it, nothing created
post_form "$SYS" "$INTRANET/staff" "$INTRANET/staff" --data-urlencode "username=T 90" \
	--data-urlencode "role=operator" --data-urlencode "region=449999" \
	--data-urlencode "real_name=九零错" --data-urlencode "contact=020-1"
expect_status 200 "X-SEC a bad staff form is shown again"
expect_body 'id="username-error"' "X-SEC ... the username's message"
expect_body 'id="region-error"' "X-SEC ... the region's message"
expect_body 'value="九零错"' "X-SEC ... what was typed kept"

# the database refuses a change of role to or from an administrative one
# of an account that has signed in (whoever writes it: here the root)
sql "UPDATE users SET role = 'auditor' WHERE username = 'sec-gd'" 2>/dev/null
expect_eq "$(sql "SELECT role FROM users WHERE username = 'sec-gd'")" secadmin \
	"X-SEC the security administrator cannot be made an auditor (trigger)"
sql "UPDATE users SET role = 'operator' WHERE username = 'aud-gd'" 2>/dev/null
expect_eq "$(sql "SELECT role FROM users WHERE username = 'aud-gd'")" auditor \
	"X-SEC the audit administrator cannot be made an operator (trigger)"
sql "UPDATE users SET role = 'sysadmin' WHERE username = 'op-gd'" 2>/dev/null
expect_eq "$(sql "SELECT role FROM users WHERE username = 'op-gd'")" operator \
	"X-SEC an operator cannot be made a system administrator (trigger)"

# --- the security administrator cannot combine roles through permissions -------------
roleperm() { # ROLE PERM ACTION
	post_form "$SEC" "$INTRANET/security/roles" "$INTRANET/security/roles" \
		--data-urlencode "role=$1" --data-urlencode "perm=$2" --data-urlencode "action=$3"
}
for cell in sysadmin:audit.read secadmin:staff.admin auditor:security.admin auditor:credit.view sysadmin:credit.import operator:audit.read; do
	n=$(audit_count "action = 'access.denied' AND object_type = 'role' AND object_id = '${cell%%:*}'")
	before=$(sql "SELECT COUNT(*) FROM role_permissions")
	roleperm "${cell%%:*}" "${cell#*:}" grant
	expect_status 403 "X-SEC granting ${cell#*:} to ${cell%%:*} is refused (roles never combined)"
	expect_body 'id="refused"' "X-SEC ... the page says why"
	expect_eq "$(sql "SELECT COUNT(*) FROM role_permissions")" "$before" "X-SEC ... nothing assigned"
	expect_eq "$(audit_count "action = 'access.denied' AND object_type = 'role' AND object_id = '${cell%%:*}'")" \
		"$((n + 1))" "X-AUD ... audited"
done

# --- security settings from the database, without a restart ---------------------------
post_form "$SEC" "$INTRANET/security" "$INTRANET/security" \
	--data-urlencode "max_failures=1" --data-urlencode "failure_window=900" \
	--data-urlencode "lock_secs=1800" --data-urlencode "staff_pw_days=90" \
	--data-urlencode "session_idle=1800" --data-urlencode "session_absolute=43200"
expect_status 200 "X-SEC a setting out of its bounds is refused"
expect_body 'id="max_failures-error"' "X-SEC ... with the message next to it"
expect_body 'name="max_failures"[^>]*value="1"' "X-SEC ... what was typed kept"
expect_eq "$(sql "SELECT COUNT(*) FROM security_settings")" 0 "X-SEC ... nothing stored"

n=$(audit_count "action = 'security.settings' AND actor_id = $SEC_ID")
post_form "$SEC" "$INTRANET/security" "$INTRANET/security" \
	--data-urlencode "max_failures=3" --data-urlencode "failure_window=900" \
	--data-urlencode "lock_secs=1800" --data-urlencode "staff_pw_days=90" \
	--data-urlencode "session_idle=600" --data-urlencode "session_absolute=43200"
expect_status 303 "X-SEC the security administrator sets 3 failures and a 600 s idle limit"
expect_eq "$(sql "SELECT GROUP_CONCAT(CONCAT(name, '=', value) ORDER BY name) FROM security_settings")" \
	"max_failures=3,session_idle=600" "X-SEC ... only the changed settings are stored"
expect_eq "$(audit_count "action = 'security.settings' AND actor_id = $SEC_ID AND detail LIKE '%max_failures 5 -> 3%'")" \
	"$((n + 1))" "X-AUD ... one audit row naming the changes"
req GET "$INTRANET/security?done=1" --jar "$SEC"
expect_body 'name="max_failures"[^>]*value="3"' "X-SEC ... the page shows the setting in force"

# the lockout: an operator of this file locked at the third failure (the
# configuration says 5)
LU=t90l-$TAG
sql "INSERT INTO users (username, role, region_code, org_kind, org_id, real_name, contact_enc,
	must_change_pw, pw_hash) SELECT '$LU', role, region_code, org_kind, org_id, '九零锁定',
	contact_enc, 0, pw_hash FROM users WHERE username = 'op-gd'"
for i in 1 2 3; do
	login "$INTRANET" "$LU" "Wrong-Pass-$i-2026"
done
expect_eq "$(sql "SELECT status FROM users WHERE username = '$LU'")" locked \
	"X-SEC the third wrong password locks the account (setting from the database, no restart)"

# the idle limit: a session idle for 700 s has ended (the configuration says 1800)
login "$INTRANET" "$(printf '%s' op-gz)"
OPGZ=$(jar_of op-gz)
req GET "$INTRANET/account" --jar "$OPGZ"
expect_status 200 "X-SEC (set up) op-gz's session is live"
sql "UPDATE sessions SET last_seen_at = UTC_TIMESTAMP() - INTERVAL 700 SECOND
	WHERE user_id = $(uid_of op-gz)"
req GET "$INTRANET/account" --jar "$OPGZ"
expect_status 303 "X-SEC a session idle for 700 s ends under the 600 s setting"
expect_header Location '/login' "X-SEC ... back to the sign-in"

# --- the second factor: required by the shipped configuration --------------------------
expect_eq "$(sed -n 's/^TOTP=//p' "$DUIJIE_SRC/conf/production.values")" required \
	"X-SEC the shipped configuration requires the second factor of every staff account"
expect_eq "$(sed -n 's/^ *totp = //p' "$DUIJIE_CONF")" optional "X-SEC ... the test stack's says optional"

cleanup
done_testing
