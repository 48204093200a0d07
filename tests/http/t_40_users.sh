#!/usr/bin/env bash
# t_40_users.sh -- the operators' user pages on the intranet: list and
# detail scoped by region, unlock, password reset, suspend, reactivate,
# TOTP reset, read-only supervisors, and every refusal audited (R-02.2,
# R-11.1, X-AUD, X-SEC).
#
# Leaves the demo accounts as it found them: gov-gz is suspended and
# reactivated, fi-gz locked and unlocked; resets and TOTP resets use an fi
# user this file creates (operators' accounts are not operators' to manage,
# and a gov user's password is reset by a change form: t_42).
. "$(dirname "$0")/lib.sh"

ADMIN=("$DUIJIE_BUILD/duijie-admin" --config "$DUIJIE_CONF")

# new_operator NAME REGION: creates a throwaway operator, prints its OTP
new_operator() {
	"${ADMIN[@]}" create-operator "$1" --name 测试员 --contact 020-12345678 --region "$2" |
		sed -n 's/^one-time password.*: //p'
}
uid_of() { sql "SELECT id FROM users WHERE username = '$1'"; }
audit_count() { sql "SELECT COUNT(*) FROM audit_log WHERE $1"; }
# act OPERATOR ID ACTION [curl args]: the action's form from the user page, posted
act() {
	local who=$1 id=$2 what=$3
	shift 3
	post_form "$(jar_of "$who")" "$INTRANET/users/$id" "$INTRANET/users/$id/$what" "$@"
}

GOV_GZ=$(uid_of gov-gz)
GOV_FS=$(uid_of gov-fs)
FI_GZ=$(uid_of fi-gz)
OP_GZ=$(uid_of op-gz)

login "$INTRANET" op-gz
expect_status 303 "R-11.1 op-gz signs in"
OPGZ=$(jar_of op-gz)
login "$INTRANET" op-gd
OPGD=$(jar_of op-gd)
login "$INTRANET" sup-gz
SUPGZ=$(jar_of sup-gz)

# --- the list, scoped by region (R-02.2) -------------------------------------------
req GET "$INTRANET/users" --jar "$OPGZ"
expect_status 200 "R-02.2 an operator opens the user list"
expect_body '<title>用户管理' "X-UI the user list has a Chinese title"
expect_body 'aria-current="page">用户管理' "X-UI the menu marks the user list"
expect_body ">gov-gz</a>" "R-02.2 a Guangzhou operator sees Guangzhou's users"
expect_no_body ">gov-fs</a>" "R-02.2 a Guangzhou operator does not see Foshan's users"
expect_no_body ">op-gd</a>" "R-02.2 ... nor the province's"
expect_body '<td>政府机构用户</td>' "X-UI roles are shown in Chinese"
expect_body '>正常</td>' "X-UI statuses are shown in Chinese"
expect_no_body '<script' "X-UI the list works without JavaScript"

req GET "$INTRANET/users?q=gov" --jar "$OPGD"
expect_body ">gov-gz</a>" "R-02.2 the province's operator sees Guangzhou's users"
expect_body ">gov-fs</a>" "R-02.2 ... and Foshan's"
expect_no_body ">op-gz</a>" "R-02.2 q filters by username"

req GET "$INTRANET/users?q=%E8%B5%B5%E7%A3%8A" --jar "$OPGZ"
expect_body ">gov-gz</a>" "R-02.2 q finds a real name (赵磊)"
expect_body 'value="赵磊"' "X-UI the search box keeps the query"
req GET "$INTRANET/users?q=%E5%B8%82%E5%9C%BA%E7%9B%91%E7%9D%A3" --jar "$OPGZ"
expect_body ">gov-gz</a>" "R-02.2 q finds an organisation name (市场监督)"
expect_no_body ">fi-gz</a>" "R-02.2 ... and only matching users"
req GET "$INTRANET/users?q=gov-fs" --jar "$OPGZ"
expect_body 'id="users-none"' "R-02.2 searching for another city's user finds nothing"
req GET "$INTRANET/users?q=%25" --jar "$OPGZ"
expect_body 'id="users-none"' "X-SEC a LIKE wildcard in q is taken literally"

# past the last page of Guangzhou's users (other files add users to it)
req GET "$INTRANET/users?page=$(( $(sql "SELECT COUNT(*) FROM users WHERE region_code = '440100'") / 20 + 2 ))" --jar "$OPGZ"
expect_status 200 "R-02.2 a page past the end is served"
expect_body 'id="users-none"' "R-02.2 ... and is empty"
req GET "$INTRANET/users?page=0" --jar "$OPGZ"
expect_status 200 "X-SEC page=0 re-renders the list"
expect_body 'class="error-text"[^>]*>数值超出允许范围' "X-SEC page=0 gets a Chinese message"
req GET "$INTRANET/users?page=abc&q=%3Cscript%3E" --jar "$OPGZ"
expect_body '请输入整数' "X-SEC a non-numeric page gets a Chinese message"
expect_no_body '<script>' "X-SEC the query is escaped on output"
expect_body 'value="&lt;script&gt;"' "X-SEC ... and kept in the box, escaped"
long=$(printf 'x%.0s' $(seq 1 51))
req GET "$INTRANET/users?q=$long" --jar "$OPGZ"
expect_body 'class="error-text"[^>]*>内容太长' "X-SEC q over 50 characters gets a message"

# --- who may open the pages (R-02.1, R-02.2) -----------------------------------------
req GET "$INTRANET/users"
expect_status 303 "R-02.2 the user list needs a sign-in"
expect_header Location '^/login$' "R-02.2 ... and sends strangers to /login"
login "$INTRANET" gov-gz
req GET "$INTRANET/users" --jar "$(jar_of gov-gz)"
expect_status 403 "R-02.2 a gov user may not open the user list"
login "$INTRANET" aud-gd
req GET "$INTRANET/users/$GOV_GZ" --jar "$(jar_of aud-gd)"
expect_status 403 "R-02.2 an auditor may not open a user page"
login "$INTERNET" ent-a
req GET "$INTERNET/users" --jar "$(jar_of ent-a)"
expect_status 404 "R-02.1 the internet portal has no /users"
req GET "$INTERNET/users/$GOV_GZ"
expect_status 404 "R-02.1 ... nor /users/{id}"

# --- the detail page and its scope (R-02.2, X-AUD) --------------------------------------
req GET "$INTRANET/users/$GOV_GZ" --jar "$OPGZ"
expect_status 200 "R-02.2 an operator opens a user of its city"
expect_body 'id="user-username">gov-gz<' "R-02.2 the page shows the user"
expect_body 'id="user-status">正常' "X-UI ... its status in Chinese"
expect_body '开设时间（北京时间）</dt><dd>[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}<' "X-UI times are Beijing time"
expect_body 'action="/users/'"$GOV_GZ"'/suspend"' "R-11.1 an active user can be suspended"
expect_no_body 'action="/users/'"$GOV_GZ"'/reset-password"' "R-04 ... but a gov user's password is not reset by one click"
expect_no_body 'action="/users/'"$GOV_GZ"'/unlock"' "R-11.1 an unlocked user offers no unlock"
expect_no_body 'action="/users/'"$GOV_GZ"'/totp-reset"' "R-11.1 a user without TOTP offers no TOTP reset"
expect_body 'name="csrf_token" value="[A-Za-z0-9_-]{43}"' "X-SEC the action forms carry the CSRF token"
expect_body 'id="history"' "X-AUD the page lists the user's recent audit rows"

n0=$(audit_count "action = 'access.denied' AND object_type = 'user' AND object_id = '$GOV_FS' AND actor_id = $OP_GZ")
req GET "$INTRANET/users/$GOV_FS" --jar "$OPGZ"
expect_status 404 "R-02.2 a Guangzhou operator may not open a Foshan user by changing the id (out of scope: 404, issue 13)"
expect_body '页面不存在' "X-UI the refusal is in Chinese"
expect_no_body 'gov-fs' "R-02.2 ... and reveals nothing about the user"
n1=$(audit_count "action = 'access.denied' AND object_type = 'user' AND object_id = '$GOV_FS' AND actor_id = $OP_GZ AND outcome = 'denied' AND detail = 'region scope'")
expect_eq "$n1" "$((n0 + 1))" "X-AUD the refused access is an access.denied audit row"
act op-gd "$GOV_FS" suspend --data-urlencode "reason=t40 测试" >/dev/null
req POST "$INTRANET/users/$GOV_FS/suspend" --jar "$OPGZ" -H "Origin: $INTRANET" \
	--data-urlencode "csrf_token=wrong-token"
expect_status 403 "X-SEC a POST without the session's CSRF token is refused"
post_form "$OPGZ" "$INTRANET/users/$GOV_GZ" "$INTRANET/users/$GOV_FS/suspend"
expect_status 404 "R-02.2 a Guangzhou operator may not suspend a Foshan user"
expect_eq "$(sql "SELECT status FROM users WHERE id = $GOV_FS")" suspended \
	"R-02.2 (set up) the province's operator suspended gov-fs"
n2=$(audit_count "action = 'access.denied' AND object_type = 'user' AND object_id = '$GOV_FS' AND actor_id = $OP_GZ")
expect_eq "$n2" "$((n0 + 2))" "X-AUD the refused action is audited too"
req GET "$INTRANET/users/$GOV_FS" --jar "$OPGD"
expect_status 200 "R-02.2 the province's operator opens a Foshan user"
expect_body 'id="user-status">已停用' "R-11.1 the suspension shows"
act op-gd "$GOV_FS" reactivate
expect_status 303 "R-11.1 the province's operator reactivates gov-fs"
expect_eq "$(sql "SELECT status FROM users WHERE id = $GOV_FS")" active "R-11.1 gov-fs is active again"

req GET "$INTRANET/users/999999999" --jar "$OPGZ"
expect_status 404 "R-02.2 a user that does not exist is 404"
req GET "$INTRANET/users/0" --jar "$OPGZ"
expect_status 404 "R-02.2 id 0 is 404"
req GET "$INTRANET/users/abc" --jar "$OPGZ"
expect_status 404 "R-02.2 a non-numeric id is 404"
req GET "$INTRANET/users/$GOV_GZ/suspend" --jar "$OPGZ"
expect_status 405 "X-SEC actions are POST only"

# --- supervisors read only (R-02.3, R-02.2) ---------------------------------------------
req GET "$INTRANET/users" --jar "$SUPGZ"
expect_status 200 "R-02.3 a supervisor opens the user list"
expect_body ">gov-gz</a>" "R-02.2 ... scoped to its city"
req GET "$INTRANET/users/$GOV_GZ" --jar "$SUPGZ"
expect_status 200 "R-02.3 a supervisor opens a user page"
expect_no_body 'action="/users/' "R-02.3 ... without any action form"
expect_body '负责人只能查看' "R-02.3 ... and says it is read-only"
n0=$(audit_count "action = 'access.denied' AND actor_id = $(uid_of sup-gz)")
post_form "$SUPGZ" "$INTRANET/users/$GOV_GZ" "$INTRANET/users/$GOV_GZ/suspend"
expect_status 403 "R-02.3 a supervisor's POST to an action is 403"
expect_eq "$(sql "SELECT status FROM users WHERE id = $GOV_GZ")" active "R-02.3 ... and changes nothing"
expect_eq "$(audit_count "action = 'access.denied' AND actor_id = $(uid_of sup-gz)")" "$((n0 + 1))" \
	"X-AUD the supervisor's refused action is audited"

# --- not on oneself (R-11.1) --------------------------------------------------------------
req GET "$INTRANET/users/$OP_GZ" --jar "$OPGZ"
expect_status 200 "R-11.1 an operator opens its own user page"
expect_no_body 'action="/users/' "R-11.1 ... with no action on itself"
post_form "$OPGZ" "$INTRANET/users/$OP_GZ" "$INTRANET/users/$OP_GZ/suspend"
expect_status 403 "R-11.1 an operator may not suspend itself"
expect_eq "$(sql "SELECT status FROM users WHERE id = $OP_GZ")" active "R-11.1 ... and stays active"

# --- suspend ends the target's session at once; reactivate (R-11.1, X-AUD) ---------------
login "$INTRANET" gov-gz
GOVJAR=$(jar_of gov-gz)
req GET "$INTRANET/account" --jar "$GOVJAR"
expect_status 200 "R-11.1 (set up) gov-gz is signed in"
ns=$(audit_count "action = 'suspend' AND object_id = '$GOV_GZ' AND actor_id = $OP_GZ AND outcome = 'ok'")
nr=$(audit_count "action = 'reactivate' AND object_id = '$GOV_GZ' AND actor_id = $OP_GZ")
act op-gz "$GOV_GZ" suspend --data-urlencode "reason=t40 测试"
expect_status 303 "R-11.1 an operator suspends a user of its city"
expect_header Location "^/users/$GOV_GZ\\?done=suspend\$" "R-11.1 ... and returns to the user page"
req GET "$INTRANET/account" --jar "$GOVJAR"
expect_status 303 "R-11.1 the suspended user's live session ends on its next request"
expect_header Location '^/login$' "R-11.1 ... which goes to /login"
expect_eq "$(sql "SELECT COUNT(*) FROM sessions WHERE user_id = $GOV_GZ")" 0 "R-11.1 the suspended user has no session left"
login "$INTRANET" gov-gz
expect_status 200 "R-11.1 a suspended user cannot sign in"
expect_body '用户名或密码错误' "R-11.1 ... and gets the ordinary message"
req GET "$INTRANET/users/$GOV_GZ?done=suspend" --jar "$OPGZ"
expect_body 'id="done">已停用该账户' "X-UI the suspension is confirmed in Chinese"
expect_body 'id="user-status">已停用' "R-11.1 the user shows as suspended"
expect_body 'action="/users/'"$GOV_GZ"'/reactivate"' "R-11.1 a suspended user can be reactivated"
expect_no_body 'action="/users/'"$GOV_GZ"'/suspend"' "R-11.1 ... and not suspended again"
expect_body '<code>suspend</code>' "X-AUD the suspension is in the user's history"
expect_eq "$(audit_count "action = 'suspend' AND object_id = '$GOV_GZ' AND actor_id = $OP_GZ AND outcome = 'ok'")" "$((ns + 1))" \
	"X-AUD the suspension is audited with its actor"
post_form "$OPGZ" "$INTRANET/users/$GOV_GZ" "$INTRANET/users/$GOV_GZ/suspend"
expect_status 200 "R-11.1 suspending a suspended user is refused on the page"
expect_body 'id="refused"' "R-11.1 ... with a message"
act op-gz "$GOV_GZ" reactivate
expect_status 303 "R-11.1 an operator reactivates the user"
expect_header Location "^/users/$GOV_GZ\\?done=reactivate\$" "R-11.1 ... and returns to the user page"
expect_eq "$(audit_count "action = 'reactivate' AND object_id = '$GOV_GZ' AND actor_id = $OP_GZ")" "$((nr + 1))" \
	"X-AUD the reactivation is audited"
login "$INTRANET" gov-gz
expect_status 303 "R-11.1 the reactivated user signs in again"

# --- unlock after five failures (R-11.1) ----------------------------------------------------
for i in 1 2 3 4 5; do login "$INTRANET" fi-gz 'Wrong-Pass-2026'; done
expect_eq "$(sql "SELECT status FROM users WHERE id = $FI_GZ")" locked "R-11.1 (set up) five failures lock fi-gz"
req GET "$INTRANET/users/$FI_GZ" --jar "$OPGZ"
expect_body 'id="user-status">已锁定（锁定至（北京时间） [0-9]{4}-' "R-11.1 a locked user shows until when (Beijing time)"
expect_body 'action="/users/'"$FI_GZ"'/unlock"' "R-11.1 a locked user can be unlocked"
nu=$(audit_count "action = 'unlock' AND object_id = '$FI_GZ' AND actor_id = $OP_GZ")
act op-gz "$FI_GZ" unlock
expect_status 303 "R-11.1 an operator unlocks a user of its city"
expect_header Location "^/users/$FI_GZ\\?done=unlock\$" "R-11.1 ... and returns to the user page"
req GET "$INTRANET/users/$FI_GZ?done=unlock" --jar "$OPGZ"
expect_body 'id="done">已解除锁定' "X-UI the unlock is confirmed in Chinese"
expect_body 'id="user-status">正常' "R-11.1 the user is active again"
expect_eq "$(audit_count "action = 'unlock' AND object_id = '$FI_GZ' AND actor_id = $OP_GZ")" "$((nu + 1))" "X-AUD the unlock is audited"
login "$INTRANET" fi-gz
expect_status 303 "R-11.1 the unlocked user signs in"
expect_header Location '^/start$' "R-11.1 ... straight to its start page"
post_form "$OPGZ" "$INTRANET/users/$FI_GZ" "$INTRANET/users/$FI_GZ/unlock"
expect_status 200 "R-11.1 unlocking an unlocked user is refused on the page"
expect_body '不允许此操作' "R-11.1 ... with a Chinese message"

# --- password reset: a one-time password shown once (R-11.1, X-SEC) --------------------------
R=t40r$$
sql "INSERT INTO users (username, role, region_code, org_kind, org_id, real_name, contact_enc,
     must_change_pw, pw_hash) SELECT '$R', role, region_code, org_kind, org_id, real_name,
     contact_enc, 0, pw_hash FROM users WHERE username = 'fi-gz'"
otp0=$DEMO_PW
RID=$(uid_of "$R")
RO=t40o$$
new_operator "$RO" 440100 >/dev/null
login "$INTRANET" "$R" "$otp0"
RJAR=$(jar_of "$R")
act op-gz "$RID" reset-password
expect_status 200 "R-11.1 a password reset answers with a page"
expect_header Cache-Control 'no-store' "X-SEC the one-time password page is never cached"
otp=$(grep -o 'id="otp">[^<]*<' "$RESP_BODY" | sed 's/id="otp">//; s/<$//')
[ ${#otp} -ge 10 ] && ok "R-11.1 the page shows a one-time password" ||
	not_ok "R-11.1 the page shows a one-time password" "got '$otp'"
expect_body '只显示这一次' "R-11.1 ... and says it is shown once"
expect_eq "$(sql "SELECT COUNT(*) FROM sessions WHERE user_id = $RID")" 0 "R-11.1 the reset ends the user's sessions"
expect_eq "$(audit_count "action = 'password.reset' AND object_id = '$RID' AND actor_id = $OP_GZ")" 1 "X-AUD the reset is audited"
expect_eq "$(audit_count "detail LIKE '%$otp%' OR object_id LIKE '%$otp%'")" 0 "X-SEC the one-time password is not in the audit log"
expect_eq "$(sql "SELECT COUNT(*) FROM users WHERE pw_hash LIKE '%$otp%'")" 0 "X-SEC the one-time password is not stored in plain text"
req GET "$INTRANET/users/$(uid_of "$RO")" --jar "$(jar_of op-gz)"
expect_body '<code>user.create</code>' "X-AUD the user's history includes its creation"
sleep 0.2
expect_eq "$(cat "$DUIJIE_STATE"/log/*.log | grep -c -- "$otp")" 0 "X-SEC the one-time password is never logged"
req GET "$INTRANET/users/$RID" --jar "$OPGZ"
expect_no_body "$otp" "R-11.1 reloading the user page does not show the password again"
expect_body '<code>password.reset</code>' "X-AUD the reset is in the user's history"
req GET "$INTRANET/users/$RID/reset-password" --jar "$OPGZ"
expect_status 405 "R-11.1 the one-time password page cannot be fetched again"
login "$INTRANET" "$R" "$otp0"
expect_status 200 "R-11.1 the previous password no longer works"
login "$INTRANET" "$R" "$otp"
expect_status 303 "R-11.1 the user signs in with the one-time password"
expect_header Location '^/password$' "R-11.1 ... and must change it first"

# --- TOTP reset (R-11.1) ------------------------------------------------------------------------
sql "UPDATE users SET totp_secret = 0x00112233445566778899, totp_last_step = 1 WHERE id = $RID"
req GET "$INTRANET/users/$RID" --jar "$OPGZ"
expect_body 'id="user-totp">已绑定' "R-11.1 (set up) the user shows an enrolled authenticator"
expect_body 'action="/users/'"$RID"'/totp-reset"' "R-11.1 an enrolled staff user's TOTP can be reset"
act op-gz "$RID" totp-reset
expect_status 303 "R-11.1 an operator resets a TOTP enrolment"
expect_header Location "^/users/$RID\\?done=totp-reset\$" "R-11.1 ... and returns to the user page"
expect_eq "$(sql "SELECT totp_secret IS NULL FROM users WHERE id = $RID")" 1 "R-11.1 the TOTP secret is gone"
expect_eq "$(audit_count "action = 'totp.reset' AND object_id = '$RID' AND actor_id = $OP_GZ")" 1 "X-AUD the TOTP reset is audited"
req GET "$INTRANET/users/$RID?done=totp-reset" --jar "$OPGZ"
expect_body 'id="done">已重置动态验证码绑定' "X-UI the TOTP reset is confirmed in Chinese"
expect_no_body 'action="/users/'"$RID"'/totp-reset"' "R-11.1 ... and is not offered again"
post_form "$OPGZ" "$INTRANET/users/$RID" "$INTRANET/users/$RID/totp-reset"
expect_body 'id="refused"' "R-11.1 resetting a TOTP that is not enrolled is refused on the page"

# --- revoked users are left alone (R-11.1) ----------------------------------------------------------
sql "UPDATE users SET status = 'revoked' WHERE id = $RID"
req GET "$INTRANET/users/$RID" --jar "$OPGZ"
expect_body 'id="user-status">已撤销' "R-11.1 a revoked user shows as revoked"
expect_no_body 'action="/users/' "R-11.1 ... with no action"
post_form "$OPGZ" "$INTRANET/users/$RID" "$INTRANET/users/$RID/reset-password"
expect_status 403 "R-11.1 a revoked user's password cannot be reset"
expect_no_body 'id="otp"' "R-11.1 ... and no password is made"
post_form "$OPGZ" "$INTRANET/users/$RID" "$INTRANET/users/$RID/reactivate"
expect_status 403 "R-11.1 a revoked user cannot be reactivated"
expect_eq "$(sql "SELECT status FROM users WHERE id = $RID")" revoked "R-11.1 ... and stays revoked"

# --- print and no script (X-UI) ------------------------------------------------------------------------
req GET "$INTRANET/users/$GOV_GZ" --jar "$OPGZ"
expect_no_body '<script' "X-UI the user page works without JavaScript"
expect_body '<table class="list"' "X-UI the history prints as a table"

done_testing
