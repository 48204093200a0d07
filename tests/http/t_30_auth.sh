#!/usr/bin/env bash
# t_30_auth.sh -- sign-in, sessions, CSRF, portal admission, lockout,
# password rules, two factors and the audit chain, through nginx
# (R-02.1, R-02.3, R-07.1, R-11.1, X-AUD, X-SEC).
. "$(dirname "$0")/lib.sh"

ADMIN=("$DUIJIE_BUILD/duijie-admin" --config "$DUIJIE_CONF")
TOTP=$DUIJIE_BUILD/tests/tools/totp

# new_operator NAME REGION: creates a throwaway operator, prints its OTP
new_operator() {
	"${ADMIN[@]}" create-operator "$1" --name 测试员 --contact 020-12345678 --region "$2" |
		sed -n 's/^one-time password.*: //p'
}
uid_of() { sql "SELECT id FROM users WHERE username = '$1'"; }
audit_count() { sql "SELECT COUNT(*) FROM audit_log WHERE $1"; }

# --- sign-in and the session cookie (R-11.1, X-SEC) ---------------------------
req GET "$INTERNET/login"
expect_status 200 "R-11.1 the sign-in form is served"
expect_body 'name="username"' "R-11.1 the form has a username field"
expect_body 'name="csrf_token" value="[A-Za-z0-9_-]{43}"' "X-SEC the sign-in form carries a pre-session CSRF token"
expect_header Set-Cookie '^__Host-duijie-pre=[A-Za-z0-9_-]{43}; Path=/; Secure; HttpOnly; SameSite=Lax' \
	"X-SEC the pre-session token cookie is __Host-, Secure, HttpOnly, SameSite=Lax"

jar=$(jar_of ent-a)
rm -f "$jar"
printf '127.0.0.1\tFALSE\t/\tTRUE\t0\t__Host-duijie\tattackerchosenvalueattackerchosenvalue12345\n' >"$jar"
post_form "$jar" "$INTERNET/login" "$INTERNET/login" \
	--data-urlencode "username=ent-a" --data-urlencode "password=$DEMO_PW"
expect_status 303 "R-11.1 a good password signs in"
expect_header Location '^/start$' "R-11.1 issue 18 sign-in goes to the user's start page"
expect_header Set-Cookie '^__Host-duijie=[A-Za-z0-9_-]{43}; Path=/; Secure; HttpOnly; SameSite=Lax$' \
	"X-SEC the session cookie is __Host-, Secure, HttpOnly, SameSite=Lax, Path=/"
expect_no_body 'Demo-Pass' "X-SEC the password is never echoed"
sid=$(cookie "$jar" __Host-duijie)
[ "$sid" != attackerchosenvalueattackerchosenvalue12345 ] && [ ${#sid} -eq 43 ] &&
	ok "X-SEC fixation: sign-in sets a new session id, not the one the browser had" ||
	not_ok "X-SEC fixation: sign-in sets a new session id" "got $sid"
hash=$(printf '%s' "$sid" | tr '_-' '/+' | base64 -d 2>/dev/null | sha256sum | cut -c1-64)
[ -z "$hash" ] && hash=x
n=$(sql "SELECT COUNT(*) FROM sessions WHERE HEX(id_hash) = UPPER('$hash')")
expect_eq "$n" 1 "X-SEC the database stores the SHA-256 of the session id"
n=$(sql "SELECT COUNT(*) FROM sessions WHERE HEX(id_hash) LIKE '%$(printf '%s' "$sid" | od -An -tx1 | tr -d ' \n' | cut -c1-16 | tr a-f A-F)%'")
expect_eq "$n" 0 "X-SEC the database never stores the cookie value itself"
req GET "$INTERNET/account" --jar "$jar"
expect_status 200 "R-11.1 the session opens the account page"
expect_body 'id="acct-username">ent-a<' "R-07.1 the account page shows who is signed in"
expect_body '孙丽娟' "R-07.1 the account page shows the real name"

# --- the other portal does not know the session (R-02.1) ------------------------
cp "$jar" "$T_TMP/jar-cross"
sed -i "s/127.0.0.1/127.0.0.1/" "$T_TMP/jar-cross"
req GET "$INTRANET/account" -H "Cookie: __Host-duijie=$sid"
expect_status 303 "R-02.1 an internet session is no session on the intranet portal"
expect_header Location '^/login$' "R-02.1 ... and the intranet asks to sign in"

# --- one message for every failure, the same work (R-11.1) ----------------------
login "$INTERNET" ent-a 'Wrong-Pass-2026'
expect_status 200 "R-11.1 a wrong password re-shows the form"
expect_body '用户名或密码错误' "R-11.1 a wrong password says 用户名或密码错误"
expect_body 'value="ent-a"' "X-UI the form keeps the username"
expect_no_body 'Wrong-Pass' "X-SEC the typed password is not echoed"
body_wrong=$(grep -o 'class="error-text"[^<]*<' "$RESP_BODY")
login "$INTERNET" no-such-user-x 'Wrong-Pass-2026'
expect_status 200 "R-11.1 an unknown user re-shows the form"
body_unknown=$(grep -o 'class="error-text"[^<]*<' "$RESP_BODY")
expect_eq "$body_unknown" "$body_wrong" "R-11.1 unknown user and wrong password get the identical message"
login "$INTRANET" ent-a
expect_body '用户名或密码错误' "R-02.1 an enterprise cannot sign in on the intranet portal (same message)"
login "$INTERNET" op-gz
expect_body '用户名或密码错误' "R-02.1 staff cannot sign in on the internet portal (same message)"
# Both failures run the KDF: the unknown user's attempt is not much faster.
t_wrong=0 t_unknown=0
for i in 1 2 3; do
	s=$(date +%s%N); login "$INTERNET" ent-b 'Wrong-Pass-2026'; e=$(date +%s%N)
	t_wrong=$((t_wrong + (e - s) / 1000000))
	s=$(date +%s%N); login "$INTERNET" nobody-here-$i 'Wrong-Pass-2026'; e=$(date +%s%N)
	t_unknown=$((t_unknown + (e - s) / 1000000))
done
[ $((t_unknown * 10)) -ge $((t_wrong * 4)) ] &&
	ok "R-11.1 an unknown user costs the KDF too (${t_unknown} ms vs ${t_wrong} ms for 3)" ||
	not_ok "R-11.1 an unknown user costs the KDF too" "unknown ${t_unknown} ms, wrong ${t_wrong} ms"
n=$(audit_count "action = 'login' AND outcome = 'failed' AND detail LIKE 'unknown user name_hmac=%'")
[ "$n" -ge 1 ] && ok "X-AUD a failed sign-in is audited (an unknown name as its HMAC)" ||
	not_ok "X-AUD a failed sign-in is audited (an unknown name as its HMAC)"

# --- CSRF (X-SEC) -----------------------------------------------------------------
jar=$(jar_of csrf)
rm -f "$jar"
req GET "$INTERNET/login" --jar "$jar"
tok=$(csrf_from_body)
req POST "$INTERNET/login" --jar "$jar" -d "username=ent-a&password=$DEMO_PW"
expect_status 403 "X-SEC a POST without csrf_token is refused"
expect_body '无权访问' "X-SEC the refusal is a Chinese 403 page"
req POST "$INTERNET/login" --jar "$jar" -d "csrf_token=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA&username=ent-a&password=$DEMO_PW"
expect_status 403 "X-SEC a POST with a wrong csrf_token is refused"
req POST "$INTERNET/login" --jar "$jar" -H 'Origin: https://evil.example' \
	--data-urlencode "csrf_token=$tok" -d "username=ent-a&password=$DEMO_PW"
expect_status 403 "X-SEC a cross-origin POST (Origin) is refused even with the token"
req POST "$INTERNET/login" --jar "$jar" -H 'Referer: https://evil.example/x' \
	--data-urlencode "csrf_token=$tok" -d "username=ent-a&password=$DEMO_PW"
expect_status 403 "X-SEC a cross-origin POST (Referer) is refused even with the token"
req POST "$INTERNET/login" --jar "$jar" -H "Referer: $INTERNET/login" \
	--data-urlencode "csrf_token=$tok" -d "username=ent-a&password=$DEMO_PW"
expect_status 303 "X-SEC a same-origin POST with the token is accepted"
login "$INTERNET" ent-b
jar=$(jar_of ent-b)
req POST "$INTERNET/logout" --jar "$jar" -H "Origin: $INTERNET"
expect_status 403 "X-SEC sign-out without the session's token is refused"
req POST "$INTERNET/logout" --jar "$jar" -H "Origin: $INTERNET" --data-urlencode "csrf_token=$tok"
expect_status 403 "X-SEC the pre-session token is not the session's token"
n=$(audit_count "action = 'access.denied' AND detail LIKE '%CSRF%'")
[ "$n" -ge 2 ] && ok "X-AUD CSRF refusals are audited" || not_ok "X-AUD CSRF refusals are audited" "count $n"

# --- sign-out ends the session ------------------------------------------------------
old=$(cookie "$jar" __Host-duijie)
post_form "$jar" "$INTERNET/account" "$INTERNET/logout"
expect_status 303 "R-11.1 sign-out answers 303"
expect_header Location '^/login$' "R-11.1 sign-out goes to the sign-in page"
req GET "$INTERNET/account" -H "Cookie: __Host-duijie=$old"
expect_status 303 "R-11.1 the old session id is dead after sign-out"
n=$(audit_count "action = 'logout' AND actor_id = $(uid_of ent-b)")
[ "$n" -ge 1 ] && ok "X-AUD sign-out is audited" || not_ok "X-AUD sign-out is audited"

# --- idle and absolute limits (DESIGN.md: 30 min idle, 12 h absolute) ---------------
login "$INTERNET" ent-b
jar=$(jar_of ent-b)
uid=$(uid_of ent-b)
sql "UPDATE sessions SET last_seen_at = last_seen_at - INTERVAL 29 MINUTE WHERE user_id = $uid"
req GET "$INTERNET/account" --jar "$jar"
expect_status 200 "X-SEC 29 idle minutes keep the session"
sql "UPDATE sessions SET last_seen_at = UTC_TIMESTAMP() - INTERVAL 31 MINUTE WHERE user_id = $uid"
req GET "$INTERNET/account" --jar "$jar"
expect_status 303 "X-SEC 31 idle minutes end the session"
expect_eq "$(sql "SELECT COUNT(*) FROM sessions WHERE user_id = $uid")" 0 "X-SEC the idle session's row is deleted"
login "$INTERNET" ent-b
sql "UPDATE sessions SET created_at = created_at - INTERVAL 12 HOUR WHERE user_id = $uid"
req GET "$INTERNET/account" --jar "$jar"
expect_status 303 "X-SEC a session older than 12 hours ends even when active"

# --- lockout after 5 failures, unlock (R-11.1) ----------------------------------------
otp=$(new_operator lock-op 440100)
[ -n "$otp" ] && ok "duijie-admin create-operator prints a one-time password" ||
	not_ok "duijie-admin create-operator prints a one-time password"
for i in 1 2 3 4; do login "$INTRANET" lock-op 'Wrong-Pass-2026'; done
expect_body '用户名或密码错误' "R-11.1 four failures are still ordinary failures"
login "$INTRANET" lock-op 'Wrong-Pass-2026'
expect_body '用户名或密码错误' \
	"X-SEC the fifth failure locks the account and answers like a wrong password (issue 12 item 6)"
expect_no_body '锁定' "X-SEC ... without telling that the account is locked"
login "$INTRANET" lock-op "$otp"
expect_status 200 "R-11.1 a locked account refuses even the right password"
expect_body '用户名或密码错误' "X-SEC ... with the wrong-password message"
expect_eq "$(sql "SELECT status FROM users WHERE username = 'lock-op'")" locked "R-11.1 the account is locked in the database"
until_min=$(sql "SELECT TIMESTAMPDIFF(MINUTE, UTC_TIMESTAMP(), locked_until) FROM users WHERE username = 'lock-op'")
[ "$until_min" -ge 28 ] && [ "$until_min" -le 30 ] && ok "R-11.1 the lock lasts 30 minutes" ||
	not_ok "R-11.1 the lock lasts 30 minutes" "minutes left: $until_min"
expect_eq "$(audit_count "action = 'lock' AND object_id = '$(uid_of lock-op)'")" 1 "X-AUD the lock is audited"
"${ADMIN[@]}" unlock lock-op >/dev/null && ok "duijie-admin unlock succeeds" || not_ok "duijie-admin unlock succeeds"
login "$INTRANET" lock-op "$otp"
expect_status 303 "R-11.1 after unlock the account signs in"
expect_header Location '^/password$' "R-11.1 a one-time password must be changed first"
jar=$(jar_of lock-op)
req GET "$INTRANET/account" --jar "$jar"
expect_status 303 "R-11.1 nothing else opens before the change"
expect_header Location '^/password$' "R-11.1 ... every page leads to /password"
req GET "$INTRANET/password" --jar "$jar"
expect_body 'id="forced"' "R-11.1 the change page says why"

# --- password rules (R-11.1) -----------------------------------------------------------
pw_change() { # JAR BASE CURRENT NEW NEW2
	post_form "$1" "$2/password" "$2/password" --data-urlencode "current_password=$3" \
		--data-urlencode "new_password=$4" --data-urlencode "new_password2=$5"
}
pw_change "$jar" "$INTRANET" "wrong-current" 'Fresh-Pass-2027' 'Fresh-Pass-2027'
expect_body '当前密码不正确' "R-11.1 a wrong current password is refused"
pw_change "$jar" "$INTRANET" "$otp" 'short1A!' 'short1A!'
expect_body '至少需要 12 个字符' "R-11.1 fewer than 12 characters is refused"
pw_change "$jar" "$INTRANET" "$otp" 'alllowercase' 'alllowercase'
expect_body '至少三类' "R-11.1 under 16 characters, fewer than three character classes is refused"
pw_change "$jar" "$INTRANET" "$otp" 'Xlock-op-2027' 'Xlock-op-2027'
expect_body '不能包含用户名' "R-11.1 a password containing the username is refused"
pw_change "$jar" "$INTRANET" "$otp" 'Password123!' 'Password123!'
expect_body '容易被猜中' "R-11.1 a dictionary password is refused (cracklib)"
pw_change "$jar" "$INTRANET" "$otp" 'Fresh-Pass-2027' 'Fresh-Pass-2028'
expect_body '两次输入的新密码不一致' "R-11.1 the two new passwords must match"
expect_no_body 'Fresh-Pass' "X-SEC typed passwords are not echoed back"
login "$INTRANET" lock-op "$otp"
jar2=$(jar_of lock-op)-2
cp "$(jar_of lock-op)" "$jar2"
pw_change "$jar" "$INTRANET" "$otp" "$otp" "$otp"
expect_body '最近 5 次' "R-11.1 the current password cannot be reused"
pw_change "$jar" "$INTRANET" "$otp" 'Fresh-Pass-2027' 'Fresh-Pass-2027'
expect_status 303 "R-11.1 a good new password is accepted"
expect_header Location '^/account\?changed=1$' "R-11.1 ... and the account page confirms it"
req GET "$INTRANET/account?changed=1" --jar "$jar"
expect_body 'id="changed"' "R-11.1 the change is confirmed on screen"
expect_eq "$(sql "SELECT must_change_pw FROM users WHERE username = 'lock-op'")" 0 "R-11.1 the forced change is satisfied"
[ "$(sql "SELECT COUNT(*) FROM password_history WHERE user_id = $(uid_of lock-op)")" -ge 1 ] &&
	ok "R-11.1 the old hash goes to the history" || not_ok "R-11.1 the old hash goes to the history"
expect_eq "$(audit_count "action = 'password.change' AND outcome = 'ok' AND object_id = '$(uid_of lock-op)'")" 1 \
	"X-AUD the password change is audited"
n=$(sql "SELECT COUNT(*) FROM users WHERE pw_hash NOT LIKE '\$scrypt\$ln=15,r=8,p=1\$%'")
expect_eq "$n" 0 "R-11.1 every password is an scrypt hash with its parameters"
pw_change "$jar" "$INTRANET" 'Fresh-Pass-2027' "$otp" "$otp"
expect_body '最近 5 次' "R-11.1 a password from the last five is refused"

# --- a password upgrade: an old-parameter hash is re-hashed at sign-in ------------------
n0=$(sql "SELECT pw_hash FROM users WHERE username = 'lock-op'")
# ln=14 hash of Fresh-Pass-2027 made by the same code path is not available from SQL,
# so check the rule through the unit tests (test_crypto: stale) and here only that
# a current hash stays as it is after sign-in:
login "$INTRANET" lock-op 'Fresh-Pass-2027'
expect_status 303 "R-11.1 the new password signs in"
expect_eq "$(sql "SELECT pw_hash FROM users WHERE username = 'lock-op'")" "$n0" \
	"R-11.1 a hash with current parameters is not rewritten at sign-in"

# --- a password change ends the user's other sessions ------------------------------------
login "$INTERNET" ent-b
jar_b1=$(jar_of ent-b)-1
cp "$(jar_of ent-b)" "$jar_b1"
login "$INTERNET" ent-b
jar_b2=$(jar_of ent-b)
pw_change "$jar_b2" "$INTERNET" "$DEMO_PW" 'Other-Pass-2027' 'Other-Pass-2027'
expect_status 303 "R-11.1 ent-b changes its password"
req GET "$INTERNET/account" --jar "$jar_b1"
expect_status 303 "R-11.1 the change ends the user's other sessions at once"
req GET "$INTERNET/account" --jar "$jar_b2"
expect_status 200 "R-11.1 ... but keeps the session that made it"
# back to the demo password: 5 changes push it out of the history
cur='Other-Pass-2027'
for p in 'Hist-Pass-2031' 'Hist-Pass-2032' 'Hist-Pass-2033' 'Hist-Pass-2034' 'Hist-Pass-2035' "$DEMO_PW"; do
	pw_change "$jar_b2" "$INTERNET" "$cur" "$p" "$p"
	cur=$p
done
expect_status 303 "R-11.1 after five other passwords an old one is allowed again"
login "$INTERNET" ent-b
expect_status 303 "the demo password of ent-b is back"

# --- two factors for staff (等保 level 3) ------------------------------------------------
login "$INTRANET" op-gz
expect_status 303 "R-11.1 optional mode: staff without TOTP sign in with the password"
expect_header Location '^/start$' "R-11.1 optional mode goes straight to the start page"

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
set_totp required && ok "the intranet pool reloads with Auth.totp = required" ||
	not_ok "the intranet pool reloads with Auth.totp = required"
login "$INTRANET" op-fs
expect_status 303 "R-11.1 required mode: the password alone does not sign staff in"
expect_header Location '^/login/enrol$' "R-11.1 required mode: first sign-in enrols a TOTP app"
jar=$(jar_of op-fs)
req GET "$INTRANET/account" --jar "$jar"
expect_status 303 "R-11.1 nothing opens before the second factor"
req GET "$INTRANET/login/enrol" --jar "$jar"
expect_status 200 "R-11.1 the enrolment page is served"
expect_body '<img class="qr" src="data:image/svg\+xml,' "R-11.1 enrolment shows a QR code (no script, data: image)"
secret=$(grep -o 'id="totp-secret">[A-Z2-7]*<' "$RESP_BODY" | sed 's/.*>//; s/<//')
expect_eq "${#secret}" 32 "R-11.1 enrolment shows the base32 secret"
post_form "$jar" "$INTRANET/login/enrol" "$INTRANET/login/enrol" -d code=000000
expect_body '验证码不正确' "R-11.1 a wrong enrolment code is refused"
code=$("$TOTP" "$secret")
post_form "$jar" "$INTRANET/login/enrol" "$INTRANET/login/enrol" -d "code=$code"
expect_status 303 "R-11.1 the right code completes enrolment"
expect_header Location '^/start$' "R-11.1 ... and signs in"
sealed=$(sql "SELECT HEX(totp_secret) FROM users WHERE username = 'op-fs'")
[ -n "$sealed" ] && ! printf '%s' "$sealed" | grep -qi "$(printf '%s' "$secret" | od -An -tx1 | tr -d ' \n')" &&
	ok "R-11.1 the TOTP secret is stored sealed, not in plain text" ||
	not_ok "R-11.1 the TOTP secret is stored sealed"
expect_eq "$(audit_count "action = 'totp.enrol' AND outcome = 'ok' AND object_id = '$(uid_of op-fs)'")" 1 "X-AUD enrolment is audited"
expect_eq "$(audit_count "action = 'totp.enrol' AND outcome = 'failed' AND object_id = '$(uid_of op-fs)'")" 1 "X-AUD ... and so is the wrong enrolment code"
login "$INTRANET" op-fs
expect_header Location '^/login/totp$' "R-11.1 an enrolled user is asked for the code after the password"
jar=$(jar_of op-fs)
post_form "$jar" "$INTRANET/login/totp" "$INTRANET/login/totp" -d code=12345
expect_body '6 位数字' "R-11.1 a malformed code is refused"
post_form "$jar" "$INTRANET/login/totp" "$INTRANET/login/totp" -d "code=$code"
expect_body '已使用过' "R-11.1 a code is accepted only once"
next=$("$TOTP" "$secret" 1)
post_form "$jar" "$INTRANET/login/totp" "$INTRANET/login/totp" -d "code=$next"
expect_status 303 "R-11.1 the next step's code is accepted (one step of drift)"
expect_header Location '^/start$' "R-11.1 ... and signs in"
req GET "$INTRANET/account" --jar "$jar"
expect_status 200 "R-11.1 the two-factor session opens pages"
expect_body '已绑定' "R-11.1 the account page shows the TOTP enrolment"
login "$INTERNET" ent-a
expect_header Location '^/start$' "R-11.1 enterprises never need the second factor"
set_totp optional && ok "the intranet pool is back to Auth.totp = optional" ||
	not_ok "the intranet pool is back to Auth.totp = optional"
login "$INTRANET" op-fs
expect_header Location '^/login/totp$' "R-11.1 optional mode still asks an enrolled user for the code"

# --- the audit chain (X-AUD) ------------------------------------------------------------
# The workers seal their rows after the answer (issue 19 item 2): the
# newest row gets its seal with no duijie-admin run (waits up to 10 s,
# a liveness check, not a timing one).
newest=$(sql "SELECT MAX(id) FROM audit_log")
for _ in $(seq 1 100); do
	[ "$(sql "SELECT COUNT(*) FROM audit_seal WHERE log_id >= $newest")" -ge 1 ] && break
	sleep 0.1
done
expect_eq "$(sql "SELECT COUNT(*) FROM audit_seal WHERE log_id = $newest")" 1 \
	"X-AUD the workers chain their audit rows themselves (row $newest sealed)"
out=$("${ADMIN[@]}" audit-verify)
rc=$?
expect_eq "$rc" 0 "X-AUD audit-verify passes on an untouched log: $out"
tip=$(printf '%s' "$out" | sed -n 's/.*(tip \([0-9]*:[0-9a-f]*\)).*/\1/p')
"${ADMIN[@]}" audit-verify --tip "$tip" >/dev/null &&
	ok "X-AUD audit-verify --tip accepts the tip it printed ($tip)" ||
	not_ok "X-AUD audit-verify --tip accepts the tip it printed" "$tip"
"${ADMIN[@]}" audit-verify --tip "${tip%%:*}:$(printf '%064d' 0)" >/dev/null
expect_eq "$?" 1 "X-AUD audit-verify --tip refuses a tip the chain does not carry (a rewritten chain)"
n=$(sql "SELECT COUNT(*) FROM audit_log")
[ "$n" -ge 20 ] && ok "X-AUD the log has the rows of this test ($n)" || not_ok "X-AUD rows recorded" "$n"
row=$(sql "SELECT MIN(id) + 3 FROM audit_log")
orig=$(sql "SELECT detail FROM audit_log WHERE id = $row")
sql "UPDATE audit_log SET detail = 'edited by hand' WHERE id = $row"
out=$("${ADMIN[@]}" audit-verify)
rc=$?
expect_eq "$rc" 1 "X-AUD audit-verify fails after a row is edited by hand"
printf '%s' "$out" | grep -q "broken at row $row" && ok "X-AUD audit-verify names the edited row ($row)" ||
	not_ok "X-AUD audit-verify names the edited row" "$out"
sql "UPDATE audit_log SET detail = '$(printf '%s' "$orig" | sed "s/'/''/g")' WHERE id = $row"
"${ADMIN[@]}" audit-verify >/dev/null && ok "X-AUD the chain verifies again once the row is restored" ||
	not_ok "X-AUD the chain verifies again once the row is restored"
a=$(sql "SELECT MIN(id) + 5 FROM audit_log") b=$(sql "SELECT MIN(id) + 6 FROM audit_log")
sql "CREATE TABLE t30_swap SELECT * FROM audit_log WHERE id IN ($a, $b)"
sql "UPDATE audit_log x JOIN t30_swap y ON y.id = $a + $b - x.id SET x.detail = y.detail,
	x.hash = y.hash, x.at = y.at, x.action = y.action WHERE x.id IN ($a, $b)"
out=$("${ADMIN[@]}" audit-verify)
expect_eq "$?" 1 "X-AUD audit-verify fails after two rows are swapped"
printf '%s' "$out" | grep -q "broken at row $a" && ok "X-AUD audit-verify names the first swapped row ($a)" ||
	not_ok "X-AUD audit-verify names the first swapped row" "$out"
sql "UPDATE audit_log x JOIN t30_swap y ON y.id = x.id SET x.detail = y.detail,
	x.hash = y.hash, x.at = y.at, x.action = y.action; DROP TABLE t30_swap"
"${ADMIN[@]}" audit-verify >/dev/null && ok "X-AUD ... and verifies once they are swapped back" ||
	not_ok "X-AUD ... and verifies once they are swapped back"
last=$(sql "SELECT MAX(id) FROM audit_log")
sql "CREATE TABLE t30_tail SELECT * FROM audit_log WHERE id > $last - 3"
sql "CREATE TABLE t30_tail_seal SELECT s.* FROM audit_seal s WHERE s.log_id > $last - 3"
sql "DELETE FROM audit_log WHERE id > $last - 3; DELETE FROM audit_seal WHERE log_id > $last - 3"
out=$("${ADMIN[@]}" audit-verify)
expect_eq "$?" 1 "X-AUD truncating the last three rows and their seals is detected (the head remembers)"
printf '%s' "$out" | grep -q "broken at row $last" && ok "X-AUD ... naming the newest row the head names ($last)" ||
	not_ok "X-AUD ... naming the newest row the head names" "$out"
sql "INSERT INTO audit_log SELECT * FROM t30_tail; INSERT INTO audit_seal SELECT * FROM t30_tail_seal;
	DROP TABLE t30_tail; DROP TABLE t30_tail_seal"
"${ADMIN[@]}" audit-verify >/dev/null && ok "X-AUD ... and verifies once they are back" ||
	not_ok "X-AUD ... and verifies once they are back"
last=$(sql "SELECT MAX(id) FROM audit_log")
sql "DELETE FROM audit_log WHERE id = $last" 2>/dev/null
"${ADMIN[@]}" audit-verify >/dev/null
expect_eq "$?" 1 "X-AUD deleting the newest row is detected (the head remembers it)"
recent=$(date -u -d '-30 days' +%F)
"${ADMIN[@]}" audit-purge --before "$recent" >/dev/null 2>&1
expect_eq "$?" 1 "X-AUD audit-purge refuses anything younger than 6 months"
grants=$(sql "SHOW GRANTS FOR 'duijie_app'@'localhost'" | grep 'audit_log')
printf '%s' "$grants" | grep -q 'GRANT SELECT, INSERT ON' && ! printf '%s' "$grants" | grep -qE 'UPDATE|DELETE' &&
	ok "X-AUD the workers' account may only INSERT and SELECT audit rows" ||
	not_ok "X-AUD the workers' account may only INSERT and SELECT audit rows" "$grants"
grants=$(sql "SHOW GRANTS FOR 'duijie_app'@'localhost'" | grep 'audit_seal')
printf '%s' "$grants" | grep -q 'GRANT SELECT, INSERT ON' && ! printf '%s' "$grants" | grep -qE 'UPDATE|DELETE' &&
	ok "X-AUD ... and only INSERT and SELECT seals" ||
	not_ok "X-AUD ... and only INSERT and SELECT seals" "$grants"

done_testing
