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

# --- the menu, grouped and by role (issue 18) ---------------------------------------
login "$INTRANET" op-gz
req GET "$INTRANET/users" --jar "$(jar_of op-gz)"
expect_body '<ul class="sections">' "X-UI issue 18: the menu shows its sections in one row"
expect_body 'href="/dashboard" class="section current" aria-current="true">用户与机构<' \
	"X-UI ... the current page's section is marked (and links to its first page)"
expect_body 'href="/users" aria-current="page">用户管理<' "X-UI ... and the current page within it"
expect_body 'href="/credit" class="section">信用信息<' "X-UI ... another section links to its first page"
expect_no_body 'href="/credit-requests"' "X-UI ... whose pages show only in that section"
expect_no_body 'href="/audit"' "X-UI issue 18: the operator's menu offers no page it may not open (the audit log)"
login "$INTRANET" aud-gd
req GET "$INTRANET/audit" --jar "$(jar_of aud-gd)"
expect_body 'href="/audit" aria-current="page">审计日志<' "X-UI the auditor's menu marks the audit log"
expect_no_body 'class="section[^"]*">(用户与机构|信用信息|融资对接)<' "X-UI ... and has no section it may not open"
login "$INTERNET" ent-b
req GET "$INTERNET/account" --jar "$(jar_of ent-b)"
expect_body 'href="/my-credit">我的信用信息<' "X-UI the enterprise's own section lists its credit information"
expect_no_body 'href="/users"' "X-UI ... and nothing of the staff"

done_testing
