#!/usr/bin/env bash
# t_42_account_rules.sh -- the one account-state machine and the rule table
# of who may act on whom, through the real path (R-11.1, R-02.2, R-04,
# X-SEC, X-AUD):
#   - a suspended user who types five wrong passwords and waits out the
#     lock is still suspended; only a reactivation reinstates it;
#   - a lock expires into active; duijie-admin unlock never ends a
#     suspension; revoked is terminal and wipes the password hash and the
#     TOTP secret;
#   - operators may not manage supervisors', operators' or auditors'
#     accounts (a Chinese message points to duijie-admin);
#   - a gov user's password is reset only by a change form's 重置密码
#     line; an emergency suspension needs a reason and waits on the
#     dashboard until a change form follows; the form's reset reinstates.
#
# Works on throwaway copies of fi-gz and gov-gz (t42*-$$); the demo
# accounts are left as they were.
. "$(dirname "$0")/lib.sh"

ADMIN=("$DUIJIE_BUILD/duijie-admin" --config "$DUIJIE_CONF")
uid_of() { sql "SELECT id FROM users WHERE username = '$1'"; }
audit_count() { sql "SELECT COUNT(*) FROM audit_log WHERE $1"; }
status_of_user() { sql "SELECT status FROM users WHERE username = '$1'"; }
# copy_user FROM NEW: a new account like FROM (same role, organisation and
# password), no forced change
copy_user() {
	sql "INSERT INTO users (username, role, region_code, org_kind, org_id, real_name,
	     contact_enc, must_change_pw, pw_hash)
	     SELECT '$2', role, region_code, org_kind, org_id, CONCAT(real_name, '四二'),
	     contact_enc, 0, pw_hash FROM users WHERE username = '$1'"
}
form_version() { sql "SELECT version FROM agency_forms WHERE id = $1"; }
form_from_location() { header Location | sed -nE 's|^/agency-forms/([0-9]+).*|\1|p'; }

FI=t42f-$$ GOV=t42g-$$
copy_user fi-gz "$FI"
copy_user gov-gz "$GOV"
FI_ID=$(uid_of "$FI") GOV_ID=$(uid_of "$GOV")
SUP_GZ=$(uid_of sup-gz) AUD_GD=$(uid_of aud-gd) OP_GZ=$(uid_of op-gz) GOV_GZ=$(uid_of gov-gz)

for u in op-gz op-gd sup-gz sup-gd gov-gz; do
	login "$INTRANET" "$u"
	[ "$STATUS" = 303 ] || not_ok "$u signs in" "status $STATUS"
done
OPGZ=$(jar_of op-gz) OPGD=$(jar_of op-gd) SUPGZ=$(jar_of sup-gz)
SUPGD=$(jar_of sup-gd) GOVGZ=$(jar_of gov-gz)

# --- a suspension needs a reason (R-11.1, X-AUD) ----------------------------------------
post_form "$OPGZ" "$INTRANET/users/$FI_ID" "$INTRANET/users/$FI_ID/suspend"
expect_status 400 "R-11.1 a suspension without a reason is refused"
expect_body 'id="reason-error"[^>]*>请填写此项' "R-11.1 ... with a Chinese message next to the field"
expect_eq "$(status_of_user "$FI")" active "R-11.1 ... and the user stays active"
post_form "$OPGZ" "$INTRANET/users/$FI_ID" "$INTRANET/users/$FI_ID/suspend" \
	--data-urlencode "reason=疑似账户被盗用"
expect_status 303 "R-11.1 an operator suspends with a reason"
expect_eq "$(sql "SELECT CONCAT(status, '|', status_reason) FROM users WHERE id = $FI_ID")" \
	"suspended|疑似账户被盗用" "R-11.1 the reason is kept on the account"
expect_eq "$(audit_count "action = 'suspend' AND object_id = '$FI_ID' AND detail LIKE '%active -> suspended: 疑似账户被盗用%'")" 1 \
	"X-AUD the suspension's audit row has the transition and the reason"
req GET "$INTRANET/users/$FI_ID" --jar "$OPGZ"
expect_body 'id="user-status-reason">疑似账户被盗用' "R-11.1 the user page shows the reason"

# --- a lock never hides or ends a suspension (R-11.1) -------------------------------------
for i in 1 2 3 4 5 6; do login "$INTRANET" "$FI" 'Wrong-Pass-2026'; done
expect_eq "$(status_of_user "$FI")" suspended "R-11.1 five wrong passwords do not turn a suspension into a lock"
expect_eq "$(audit_count "action = 'lock' AND object_id = '$FI_ID'")" 0 "R-11.1 ... and no lock is recorded"
# what waiting out a lock would do: the old lock's time has passed
sql "UPDATE users SET locked_until = UTC_TIMESTAMP() - INTERVAL 1 MINUTE WHERE id = $FI_ID"
login "$INTRANET" "$FI"
expect_status 200 "R-11.1 a suspended user cannot sign in after the lock time either"
expect_eq "$(status_of_user "$FI")" suspended "R-11.1 ... and is still suspended"
"${ADMIN[@]}" unlock "$FI" >/dev/null 2>"$T_TMP/unlock.err" &&
	not_ok "R-11.1 duijie-admin unlock refuses a suspended user" ||
	ok "R-11.1 duijie-admin unlock refuses a suspended user"
grep -q "present state" "$T_TMP/unlock.err" && ok "R-11.1 ... and says why" ||
	not_ok "R-11.1 ... and says why" "$(cat "$T_TMP/unlock.err")"
expect_eq "$(status_of_user "$FI")" suspended "R-11.1 ... which stays suspended"
post_form "$OPGZ" "$INTRANET/users/$FI_ID" "$INTRANET/users/$FI_ID/unlock"
expect_status 200 "R-11.1 an operator's unlock of a suspended user is refused on the page"
expect_body 'id="refused"' "R-11.1 ... with a message"

# --- the reinstatement path: reactivation (R-11.1) -----------------------------------------
post_form "$OPGZ" "$INTRANET/users/$FI_ID" "$INTRANET/users/$FI_ID/reactivate"
expect_status 303 "R-11.1 an operator reactivates the suspended user"
expect_eq "$(sql "SELECT CONCAT(status, '|', fail_count, '|', locked_until IS NULL) FROM users WHERE id = $FI_ID")" \
	"active|0|1" "R-11.1 reactivated: active, no failures, no lock left over"
login "$INTRANET" "$FI"
expect_status 303 "R-11.1 the reinstated user signs in"

# --- a lock expires into active (R-11.1) ---------------------------------------------------
for i in 1 2 3 4 5; do login "$INTRANET" "$FI" 'Wrong-Pass-2026'; done
expect_eq "$(status_of_user "$FI")" locked "R-11.1 five wrong passwords lock an active user"
login "$INTRANET" "$FI"
expect_status 200 "R-11.1 a locked user cannot sign in"
sql "UPDATE users SET locked_until = UTC_TIMESTAMP() - INTERVAL 1 MINUTE WHERE id = $FI_ID"
login "$INTRANET" "$FI"
expect_status 303 "R-11.1 once the lock has run out the user signs in"
expect_eq "$(status_of_user "$FI")" active "R-11.1 ... and is active"
expect_eq "$(audit_count "action = 'unlock.expired' AND object_id = '$FI_ID'")" 1 "X-AUD the lock's expiry is audited"

# --- revoked is terminal and wipes the secrets (R-11.1, X-SEC) -----------------------------
sql "UPDATE users SET totp_secret = 0x00112233445566778899, totp_last_step = 1 WHERE id = $FI_ID"
sql "INSERT INTO password_history (user_id, pw_hash) SELECT id, pw_hash FROM users WHERE id = $FI_ID"
"${ADMIN[@]}" revoke "$FI" >/dev/null 2>&1 && not_ok "R-11.1 a revocation needs a reason" ||
	ok "R-11.1 a revocation needs a reason"
"${ADMIN[@]}" revoke "$FI" --reason "离职" >/dev/null && ok "R-11.1 duijie-admin revokes a user" ||
	not_ok "R-11.1 duijie-admin revokes a user"
expect_eq "$(sql "SELECT CONCAT(status, '|', pw_hash = '', '|', totp_secret IS NULL, '|', totp_last_step IS NULL) FROM users WHERE id = $FI_ID")" \
	"revoked|1|1|1" "X-SEC revocation wipes the password hash and the TOTP secret"
expect_eq "$(sql "SELECT COUNT(*) FROM password_history WHERE user_id = $FI_ID")" 0 "X-SEC ... and the old hashes"
expect_eq "$(sql "SELECT COUNT(*) FROM sessions WHERE user_id = $FI_ID")" 0 "R-11.1 ... and ends every session"
login "$INTRANET" "$FI"
expect_status 200 "R-11.1 a revoked user cannot sign in"
expect_body '用户名或密码错误' "R-11.1 ... with the one sign-in message"
for cmd in unlock reactivate totp-reset reset-password; do
	"${ADMIN[@]}" "$cmd" "$FI" >/dev/null 2>&1 && not_ok "R-11.1 revoked is terminal: duijie-admin $cmd is refused" ||
		ok "R-11.1 revoked is terminal: duijie-admin $cmd is refused"
done
post_form "$OPGZ" "$INTRANET/users/$FI_ID" "$INTRANET/users/$FI_ID/reactivate"
expect_status 403 "R-11.1 an operator cannot reactivate a revoked user"
expect_eq "$(status_of_user "$FI")" revoked "R-11.1 ... it stays revoked"

# --- who may act on whom: staff accounts (X-SEC) --------------------------------------------
req GET "$INTRANET/users/$SUP_GZ" --jar "$OPGZ"
expect_status 200 "X-SEC an operator sees its city's supervisor"
expect_no_body 'action="/users/'"$SUP_GZ"'/' "X-SEC ... but is offered no action on the account"
expect_body 'id="rule-staff"[^>]*>[^<]*duijie-admin' "X-SEC ... and is told such accounts go through duijie-admin"
pw_before=$(sql "SELECT pw_hash FROM users WHERE id = $SUP_GZ")
n=$(audit_count "action = 'access.denied' AND object_id = '$SUP_GZ' AND actor_id = $OP_GZ")
post_form "$OPGZ" "$INTRANET/users/$SUP_GZ" "$INTRANET/users/$SUP_GZ/reset-password"
expect_status 403 "X-SEC an operator may not reset a supervisor's password"
expect_no_body 'id="otp"' "X-SEC ... no one-time password is made"
expect_body 'id="refused"[^>]*>[^<]*duijie-admin' "X-SEC ... and the page points to duijie-admin in Chinese"
expect_eq "$(sql "SELECT pw_hash FROM users WHERE id = $SUP_GZ")" "$pw_before" "X-SEC ... the supervisor's password is unchanged"
expect_eq "$(audit_count "action = 'access.denied' AND object_id = '$SUP_GZ' AND actor_id = $OP_GZ")" "$((n + 1))" \
	"X-AUD ... and the refusal is audited"
post_form "$OPGZ" "$INTRANET/users/$SUP_GZ" "$INTRANET/users/$SUP_GZ/suspend" --data-urlencode "reason=测试"
expect_status 403 "X-SEC an operator may not suspend a supervisor"
expect_eq "$(status_of_user sup-gz)" active "X-SEC ... who stays active"
post_form "$OPGD" "$INTRANET/users/$AUD_GD" "$INTRANET/users/$AUD_GD/totp-reset"
expect_status 403 "X-SEC the province's operator may not reset the auditor's TOTP"
post_form "$OPGD" "$INTRANET/users/$AUD_GD" "$INTRANET/users/$AUD_GD/reset-password"
expect_status 403 "X-SEC ... nor the auditor's password"
post_form "$OPGD" "$INTRANET/users/$OP_GZ" "$INTRANET/users/$OP_GZ/suspend" --data-urlencode "reason=测试"
expect_status 403 "X-SEC ... nor suspend another operator"
expect_eq "$(status_of_user op-gz)" active "X-SEC ... who stays active"

# --- gov users: the password only through a change form (R-04) -----------------------------
req GET "$INTRANET/users/$GOV_ID" --jar "$OPGZ"
expect_no_body 'action="/users/'"$GOV_ID"'/reset-password"' "R-04 a gov user offers no one-click password reset"
expect_body 'id="rule-via-form"[^>]*>[^<]*变更表' "R-04 ... the page says it is done by a change form"
expect_body 'action="/users/'"$GOV_ID"'/suspend"' "R-04 ... an emergency suspension stays possible"
expect_body 'id="suspend-gov-hint"' "R-04 ... and says it waits on the dashboard for a form"
pw_before=$(sql "SELECT pw_hash FROM users WHERE id = $GOV_ID")
post_form "$OPGZ" "$INTRANET/users/$GOV_ID" "$INTRANET/users/$GOV_ID/reset-password"
expect_status 403 "R-04 a one-click reset of a gov user is refused"
expect_no_body 'id="otp"' "R-04 ... no one-time password is made"
expect_body 'id="refused"[^>]*>[^<]*重置密码' "R-04 ... and the page names the form's 重置密码 line"
expect_eq "$(sql "SELECT pw_hash FROM users WHERE id = $GOV_ID")" "$pw_before" "R-04 ... the password is unchanged"
"${ADMIN[@]}" reset-password "$GOV" >/dev/null 2>&1 && not_ok "R-04 duijie-admin refuses a gov user's reset too" ||
	ok "R-04 duijie-admin refuses a gov user's reset too"

# --- the emergency suspension waits on the dashboard for its form (R-04) ---------------------
login "$INTRANET" "$GOV"
GJAR=$(jar_of "$GOV")
post_form "$OPGZ" "$INTRANET/users/$GOV_ID" "$INTRANET/users/$GOV_ID/suspend"
expect_status 400 "R-04 an emergency suspension of a gov user needs a reason"
post_form "$OPGZ" "$INTRANET/users/$GOV_ID" "$INTRANET/users/$GOV_ID/suspend" \
	--data-urlencode "reason=<b>紧急</b>：密码疑似泄露"
expect_status 303 "R-04 an operator suspends a gov user in an emergency"
req GET "$INTRANET/account" --jar "$GJAR"
expect_status 303 "R-04 ... whose session ends at once"
req GET "$INTRANET/dashboard" --jar "$OPGZ"
expect_body "data-user=\"$GOV\"" "R-04 the suspension appears on the operators' dashboard"
expect_body '&lt;b&gt;紧急&lt;/b&gt;：密码疑似泄露' "R-04 X-SEC ... with its reason, escaped"
req GET "$INTRANET/dashboard" --jar "$SUPGZ"
expect_body "data-user=\"$GOV\"" "R-04 ... the supervisors' too"
login "$INTRANET" op-fs
req GET "$INTRANET/dashboard" --jar "$(jar_of op-fs)"
expect_no_body "data-user=\"$GOV\"" "R-02.2 ... but not another city's"

post_form "$GOVGZ" "$INTRANET/agency-forms/new" "$INTRANET/agency-forms/new" \
	--data-urlencode "action=submit" --data-urlencode "lines=2" \
	--data-urlencode "apply_date=2026-11-23" \
	--data-urlencode "op1=reset" --data-urlencode "name1=四二测试" \
	--data-urlencode "title1=信用科/科员" --data-urlencode "contact1=020-83124242" \
	--data-urlencode "user1=$GOV_ID" \
	--data-urlencode "net_name=钱网" --data-urlencode "net_contact=020-83120000" \
	--data-urlencode "opinion=账户紧急停用后申请重置密码。" --data-urlencode "resp_name=孙局长" \
	--data-urlencode "opinion_date=2026-11-23"
expect_status 303 "R-04 the agency submits a change form resetting the suspended user"
F=$(form_from_location)
req GET "$INTRANET/dashboard" --jar "$OPGZ"
expect_no_body "data-user=\"$GOV\"" "R-04 once a change form follows, the suspension leaves the dashboard"

# --- four eyes over the whole form (R-04.3, X-SEC) -------------------------------------------
post_form "$OPGZ" "$INTRANET/agency-forms/$F" "$INTRANET/agency-forms/$F/check" \
	--data-urlencode "version=$(form_version "$F")" --data-urlencode "result=agree"
expect_status 303 "R-04.3 op-gz checks the form"
post_form "$SUPGZ" "$INTRANET/agency-forms/$F" "$INTRANET/agency-forms/$F/approve" \
	--data-urlencode "version=$(form_version "$F")" --data-urlencode "result=agree"
expect_status 303 "R-04.3 sup-gz approves it"
post_form "$OPGZ" "$INTRANET/agency-forms/$F" "$INTRANET/agency-forms/$F/execute" \
	--data-urlencode "version=$(form_version "$F")"
expect_status 200 "R-04 the reset line is executed"
OTP=$(grep -o '<code class="otp">[^<]*' "$RESP_BODY" | head -n 1 | sed 's/.*>//')
expect_eq "$(sql "SELECT CONCAT(status, '|', must_change_pw) FROM users WHERE id = $GOV_ID")" "active|1" \
	"R-04 R-11.1 the form's reset reinstates the suspended gov user with a one-time password"
login "$INTRANET" "$GOV" "$OTP"
expect_status 303 "R-04 the reinstated gov user signs in with the one-time password"
expect_header Location '^/password$' "R-04 ... and must change it first"

# entered and checked by one operator, approved by the other: whoever entered
# may not check; whoever entered or checked may not approve
post_form "$OPGZ" "$INTRANET/agency-forms/new?agency=$(sql "SELECT org_id FROM users WHERE id = $GOV_GZ")" "$INTRANET/agency-forms/new" \
	--data-urlencode "agency=$(sql "SELECT org_id FROM users WHERE id = $GOV_GZ")" \
	--data-urlencode "action=submit" --data-urlencode "lines=2" \
	--data-urlencode "apply_date=2026-11-23" \
	--data-urlencode "op1=open" --data-urlencode "name1=四二纸质" \
	--data-urlencode "title1=信用科/科员" --data-urlencode "contact1=020-83124243" \
	--data-urlencode "net_name=钱网" --data-urlencode "net_contact=020-83120000" \
	--data-urlencode "opinion=申请开设用户。" --data-urlencode "resp_name=孙局长" \
	--data-urlencode "opinion_date=2026-11-23"
expect_status 303 "R-04.3 (set up) op-gz enters a paper form"
P=$(form_from_location)
post_form "$OPGZ" "$INTRANET/agency-forms/$P" "$INTRANET/agency-forms/$P/check" \
	--data-urlencode "version=$(form_version "$P")" --data-urlencode "result=agree"
expect_status 403 "X-SEC four eyes: the operator who entered a form may not check it"
post_form "$SUPGZ" "$INTRANET/agency-forms/$P" "$INTRANET/agency-forms/$P/check" \
	--data-urlencode "version=$(form_version "$P")" --data-urlencode "result=agree"
expect_status 303 "R-04.3 another person checks it"
post_form "$SUPGZ" "$INTRANET/agency-forms/$P" "$INTRANET/agency-forms/$P/approve" \
	--data-urlencode "version=$(form_version "$P")" --data-urlencode "result=agree"
expect_status 403 "X-SEC four eyes: the checker may not approve"
# a supervisor who entered a form may not approve it after someone else checked it
sql "UPDATE agency_forms SET entered_by = $(uid_of sup-gd) WHERE id = $P"
post_form "$SUPGD" "$INTRANET/agency-forms/$P" "$INTRANET/agency-forms/$P/approve" \
	--data-urlencode "version=$(form_version "$P")" --data-urlencode "result=agree"
expect_status 403 "X-SEC four eyes: whoever entered a form may not approve it"
expect_eq "$(sql "SELECT status FROM agency_forms WHERE id = $P")" checked "X-SEC ... the form stays checked"
expect_eq "$(audit_count "action = 'agency_form.approve' AND object_id = '$P' AND outcome = 'denied' AND detail LIKE '%entered%'")" 1 \
	"X-AUD ... and the refusal is audited"

done_testing
