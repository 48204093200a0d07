#!/usr/bin/env bash
# t_32_signin.sh -- what the security review found in sign-in (issue 12
# items 5-8, 14, 18): the second factor's attempt limit and lifetime,
# answers that do not enumerate accounts, the password rules of ASVS 2.1,
# sessions at a password change, one-time passwords that expire, and
# the audit rows of SMS, sessions and TOTP (R-06.2, R-11.1, X-SEC, X-AUD).
. "$(dirname "$0")/lib.sh"

ADMIN=("$DUIJIE_BUILD/duijie-admin" --config "$DUIJIE_CONF")
TOTP=$DUIJIE_BUILD/tests/tools/totp
OUTBOX=$DUIJIE_STATE/sms-outbox.log
new_operator() { # NAME REGION: prints the one-time password
	"${ADMIN[@]}" create-operator "$1" --name 测试员 --contact 020-12345678 --region "$2" |
		sed -n 's/^one-time password.*: //p'
}
uid_of() { sql "SELECT id FROM users WHERE username = '$1'"; }
audit_count() { sql "SELECT COUNT(*) FROM audit_log WHERE $1"; }
pw_change() { # JAR BASE CURRENT NEW NEW2
	post_form "$1" "$2/password" "$2/password" --data-urlencode "current_password=$3" \
		--data-urlencode "new_password=$4" --data-urlencode "new_password2=$5"
}
set_totp() { # required|optional: rewrite the config and reload the intranet pool
	local before
	before=$(grep -c 'reload: done' "$DUIJIE_STATE/log/intranet.log" || true)
	sed -i "s/^\([[:space:]]*totp = \).*/\1$1/" "$DUIJIE_CONF"
	kill -HUP "$(cat "$DUIJIE_STATE/run/duijie-intranet.pid")"
	for i in $(seq 1 100); do
		[ "$(grep -c 'reload: done' "$DUIJIE_STATE/log/intranet.log")" -gt "$before" ] && return 0
		sleep 0.1
	done
	return 1
}
S=$$

# --- item 6: unknown names in the audit log, locked answers like wrong -------------
login "$INTERNET" "no-such-user-$S" 'Typed-Secret-Pw-1'
expect_body '用户名或密码错误' "X-SEC an unknown name gets the wrong-password message"
n=$(audit_count "action = 'login' AND detail LIKE '%no-such-user-$S%'")
expect_eq "$n" 0 "X-AUD a failed sign-in of an unknown name does not keep the name's text"
n=$(audit_count "action = 'login' AND outcome = 'failed' AND detail REGEXP 'name_hmac=[0-9a-f]{32}'")
[ "$n" -ge 1 ] && ok "X-AUD ... but an HMAC of it" || not_ok "X-AUD ... but an HMAC of it"

otp=$(new_operator "lk-$S" 440100)
for i in 1 2 3 4 5; do login "$INTRANET" "lk-$S" 'Wrong-Pass-2026x'; done
expect_eq "$(sql "SELECT status FROM users WHERE username = 'lk-$S'")" locked "R-11.1 five failures lock the account"
wrong_body=$(grep -o 'id="username-error">[^<]*' "$RESP_BODY")
login "$INTRANET" "lk-$S" "$otp"
expect_status 200 "R-11.1 the locked account refuses the right password"
expect_eq "$(grep -o 'id="username-error">[^<]*' "$RESP_BODY")" "$wrong_body" \
	"X-SEC a locked account answers exactly like a wrong password (issue 12 item 6)"
login "$INTRANET" "no-such-user-$S" 'Wrong-Pass-2026x'
expect_eq "$(grep -o 'id="username-error">[^<]*' "$RESP_BODY")" "$wrong_body" \
	"X-SEC ... and like an unknown name"
# the lock runs out; the owner is told at the next good sign-in
sql "UPDATE users SET locked_until = UTC_TIMESTAMP() - INTERVAL 1 SECOND WHERE username = 'lk-$S'"
login "$INTRANET" "lk-$S" "$otp"
expect_status 303 "R-11.1 after the lock the right password signs in"
jar=$(jar_of "lk-$S")
pw_change "$jar" "$INTRANET" "$otp" 'Fresh-Pass-2027!' 'Fresh-Pass-2027!'
req GET "$INTRANET/account" --jar "$jar"
expect_body 'id="lock-notice"' "X-SEC the owner learns of the lock on the next successful sign-in"
expect_eq "$(sql "SELECT locked_notice IS NULL FROM users WHERE username = 'lk-$S'")" 1 \
	"X-SEC the notice is given once (cleared at sign-in)"
login "$INTRANET" "lk-$S" 'Fresh-Pass-2027!'
req GET "$INTRANET/account" --jar "$jar"
expect_no_body 'id="lock-notice"' "X-SEC ... and not at the sign-in after"

# --- item 14: a session created at sign-in is audited ----------------------------------
uid=$(uid_of "lk-$S")
n=$(audit_count "action = 'session.create' AND object_id = '$uid'")
[ "$n" -ge 2 ] && ok "X-AUD each sign-in's new session is audited" || not_ok "X-AUD each sign-in's new session is audited" "rows: $n"

# --- item 8: a new session id at a password change; one-time passwords expire ----------
old=$(cookie "$jar" __Host-duijie)
pw_change "$jar" "$INTRANET" 'Fresh-Pass-2027!' 'Second-Pass-2028!' 'Second-Pass-2028!'
expect_status 303 "R-11.1 the password is changed"
new=$(cookie "$jar" __Host-duijie)
[ -n "$new" ] && [ "$new" != "$old" ] && ok "X-SEC the session that changed the password gets a new id" ||
	not_ok "X-SEC the session that changed the password gets a new id"
req GET "$INTRANET/account" -H "Cookie: __Host-duijie=$old"
expect_status 303 "X-SEC the old session id no longer opens pages"
req GET "$INTRANET/account" --jar "$jar"
expect_status 200 "X-SEC the new id does"

otp2=$(new_operator "ox-$S" 440100)
sql "UPDATE users SET pw_changed_at = UTC_TIMESTAMP() - INTERVAL 8 DAY WHERE username = 'ox-$S'"
login "$INTRANET" "ox-$S" "$otp2"
expect_status 200 "R-11.1 a one-time password older than Auth.otp_days (7) is refused"
expect_body '一次性密码已超过有效期' "R-11.1 ... with a message that says so"
sql "UPDATE users SET pw_changed_at = UTC_TIMESTAMP() - INTERVAL 6 DAY WHERE username = 'ox-$S'"
login "$INTRANET" "ox-$S" "$otp2"
expect_status 303 "R-11.1 one 6 days old still signs in (to change it)"
login "$INTRANET" "ox-$S" 'Not-The-Otp-2026'
expect_no_body '有效期' "X-SEC the expiry is told only to whoever typed the right password"

# --- item 7: the password rules (ASVS 2.1) ----------------------------------------------
jar=$(jar_of "ox-$S")
login "$INTRANET" "ox-$S" "$otp2"
pw_change "$jar" "$INTRANET" 'wrong-current' 'short' 'other'
expect_body 'id="current_password-error">当前密码不正确' "R-11.1 the current password is checked before the new one's rules"
expect_no_body '至少需要' "R-11.1 ... which are not told to someone without it"
pw_change "$jar" "$INTRANET" "$otp2" 'Tkq8vm#rwpz' 'Tkq8vm#rwpz'
expect_body '至少需要 12 个字符' "R-11.1 11 characters are too few"
pw_change "$jar" "$INTRANET" "$otp2" 'Password1234!' 'Password1234!'
expect_body '容易被猜中' "R-11.1 a dictionary word with digits appended is refused (cracklib)"
pw_change "$jar" "$INTRANET" "$otp2" 'nocapitalsnodigits' 'nocapitalsnodigits'
expect_status 303 "R-11.1 16 characters and more need no character classes"
login "$INTRANET" "ox-$S" 'nocapitalsnodigits'
expect_status 303 "R-11.1 ... and sign in"
p4='春眠不觉晓 处处闻啼鸟 夜来风雨声 花落知多少'
phrase="$p4 $p4 $p4 再来一句"	# 76 characters, 216 bytes
pw_change "$jar" "$INTRANET" 'nocapitalsnodigits' "$phrase" "$phrase"
expect_status 303 "R-11.1 a Chinese passphrase of 76 characters with spaces is accepted (ASVS 2.1.2)"
login "$INTRANET" "ox-$S" "$phrase"
expect_status 303 "R-11.1 ... and signs in"
long=$(printf '对%.0s' $(seq 1 129))
pw_change "$jar" "$INTRANET" "$phrase" "$long" "$long"
expect_body '最多 128 个字符' "R-11.1 more than 128 characters are refused, counted as characters"

ejar=$(jar_of ent-a)
login "$INTERNET" ent-a
uscc=$(sql "SELECT e.uscc FROM enterprises e JOIN users u ON u.org_id = e.id WHERE u.username = 'ent-a'")
ename=$(sql "SELECT e.name FROM enterprises e JOIN users u ON u.org_id = e.id WHERE u.username = 'ent-a'")
pw_change "$ejar" "$INTERNET" "$DEMO_PW" "x-$uscc-x" "x-$uscc-x"
expect_body '不能包含统一社会信用代码' "R-11.1 a password containing the enterprise's USCC is refused"
pw_change "$ejar" "$INTERNET" "$DEMO_PW" "${ename}-2026-ok!" "${ename}-2026-ok!"
expect_body '不能包含企业名称' "R-11.1 a password containing the enterprise's name is refused"

# --- item 5: five wrong TOTP codes end the pending sign-in; it lives 5 minutes ----------
set_totp required && ok "the intranet pool reloads with Auth.totp = required" ||
	not_ok "the intranet pool reloads with Auth.totp = required"
otp3=$(new_operator "tf-$S" 440100)
login "$INTRANET" "tf-$S" "$otp3"
jar=$(jar_of "tf-$S")
req GET "$INTRANET/login/enrol" --jar "$jar"
secret=$(grep -o 'id="totp-secret">[A-Z2-7]*<' "$RESP_BODY" | sed 's/.*>//; s/<//')
post_form "$jar" "$INTRANET/login/enrol" "$INTRANET/login/enrol" -d code=000000
expect_eq "$(audit_count "action = 'totp.enrol' AND outcome = 'failed' AND object_id = '$(uid_of "tf-$S")'")" 1 \
	"X-AUD a wrong enrolment code is audited"
post_form "$jar" "$INTRANET/login/enrol" "$INTRANET/login/enrol" -d "code=$("$TOTP" "$secret")"
expect_status 303 "R-11.1 the staff user enrols"
pw_change "$jar" "$INTRANET" "$otp3" 'Totp-User-Pass-2027' 'Totp-User-Pass-2027'
set_totp optional || true
uid=$(uid_of "tf-$S")
login "$INTRANET" "tf-$S" 'Totp-User-Pass-2027'
expect_header Location '^/login/totp$' "R-11.1 the enrolled user is asked for the code"
for i in 1 2 3 4; do
	post_form "$jar" "$INTRANET/login/totp" "$INTRANET/login/totp" -d code=000000
done
expect_status 200 "X-SEC four wrong codes keep the pending sign-in"
expect_eq "$(sql "SELECT factor_failures FROM sessions WHERE user_id = $uid AND stage = 'totp'")" 4 "X-SEC ... counted on the session"
expect_eq "$(sql "SELECT fail_count FROM users WHERE id = $uid")" 4 "X-SEC ... and toward the account lock"
post_form "$jar" "$INTRANET/login/totp" "$INTRANET/login/totp" -d code=000000
expect_status 303 "X-SEC the fifth wrong code ends the pending sign-in (issue 12 item 5)"
expect_header Location '^/login\?again=1$' "X-SEC ... back to the sign-in form"
req GET "$INTRANET/login?again=1"
expect_body 'id="again"' "X-SEC ... which says why"
expect_eq "$(sql "SELECT COUNT(*) FROM sessions WHERE user_id = $uid")" 0 "X-SEC ... its session is gone"
expect_eq "$(sql "SELECT status FROM users WHERE id = $uid")" locked "X-SEC five wrong codes lock the account like five wrong passwords"
n=$(audit_count "action = 'login.totp' AND outcome = 'failed' AND object_id = '$uid'")
expect_eq "$n" 5 "X-AUD every wrong TOTP code is audited"
"${ADMIN[@]}" unlock "tf-$S" >/dev/null || true
login "$INTRANET" "tf-$S" 'Totp-User-Pass-2027'
expect_header Location '^/login/totp$' "R-11.1 after unlock: the code step again"
sql "UPDATE sessions SET created_at = created_at - INTERVAL 301 SECOND WHERE user_id = $uid"
req GET "$INTRANET/login/totp" --jar "$jar"
expect_status 303 "X-SEC a pending sign-in older than 5 minutes is over"
expect_eq "$(sql "SELECT COUNT(*) FROM sessions WHERE user_id = $uid")" 0 "X-SEC ... and its row deleted"

# --- items 6 and 14: SMS -----------------------------------------------------------------
M=136$(printf '%08d' $((RANDOM * 3000 + 1000)))
fjar=$T_TMP/forgot
n0=$(audit_count "action = 'sms.send'")
post_form "$fjar" "$INTERNET/password/forgot" "$INTERNET/password/forgot/sms" \
	--data-urlencode "username=nobody-$S" --data-urlencode "mobile=$M"
first=$(grep -o 'id="sms-sent">[^<]*' "$RESP_BODY")
[ -n "$first" ] && ok "R-11.1 an unknown pair is told a code was sent" || not_ok "R-11.1 an unknown pair is told a code was sent"
sms_settle; grep -q " $M " "$OUTBOX" 2>/dev/null && not_ok "R-11.1 ... but nothing is sent" || ok "R-11.1 ... but nothing is sent"
post_form "$fjar" "$INTERNET/password/forgot" "$INTERNET/password/forgot/sms" \
	--data-urlencode "username=nobody-$S" --data-urlencode "mobile=$M"
expect_body '60 秒' "X-SEC an unknown pair is throttled like a real one (60 s), so the answer tells nothing (issue 12 item 6)"
expect_eq "$(audit_count "action = 'sms.send'")" $((n0 + 2)) "X-AUD SMS sends (and refusals) are audited"
post_form "$fjar" "$INTERNET/password/forgot" "$INTERNET/password/forgot" \
	--data-urlencode "username=nobody-$S" --data-urlencode "mobile=$M" --data-urlencode sms_code=000000 \
	--data-urlencode "password=Reset-Pass-2029!" --data-urlencode "password2=Reset-Pass-2029!"
n=$(audit_count "action = 'sms.check' AND outcome = 'failed'")
[ "$n" -ge 1 ] && ok "X-AUD a wrong SMS code is audited" || not_ok "X-AUD a wrong SMS code is audited"

# /register: a staff username is not told taken before a right SMS code
rjar=$T_TMP/reg
post_form "$rjar" "$INTERNET/register" "$INTERNET/register" \
	--data-urlencode "username=op-gd" --data-urlencode "mobile=$M" --data-urlencode sms_code=123456 \
	--data-urlencode "password=Reg-Pass-2027!!" --data-urlencode "password2=Reg-Pass-2027!!"
expect_no_body '已被使用' "X-SEC /register does not say a staff username is taken (issue 12 item 6)"

done_testing
