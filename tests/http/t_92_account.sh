#!/usr/bin/env bash
# t_92_account.sh -- the account page tells the sign-in before this one
# (issue 18: 上次登录 showed the sign-in just made), through nginx into
# MariaDB (R-11.1, X-UI).
. "$(dirname "$0")/lib.sh"

# a sign-in at a known time, then another one
login "$INTERNET" ent-b
expect_status 303 "R-11.1 (set up) ent-b signs in"
sql "UPDATE users SET last_login_at = '2026-01-02 03:04:05' WHERE username = 'ent-b'"
login "$INTERNET" ent-b
expect_status 303 "R-11.1 (set up) ent-b signs in again"
req GET "$INTERNET/account" --jar "$(jar_of ent-b)"
expect_status 200 "X-UI the account page opens"
expect_body 'id="acct-last-login">2026-01-02 11:04' \
	"X-UI issue 18: 上次登录 is the previous sign-in, in Beijing time (03:04 UTC = 11:04)"
expect_eq "$(sql "SELECT DATE_FORMAT(prev_login_at, '%Y-%m-%d %H:%i:%s') FROM users WHERE username = 'ent-b'")" \
	"2026-01-02 03:04:05" "R-11.1 the sign-in keeps the one before it"
expect_eq "$(sql "SELECT last_login_at > '2026-06-01' FROM users WHERE username = 'ent-b'")" 1 \
	"R-11.1 ... and records its own time as the last sign-in"

done_testing
