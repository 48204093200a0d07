#!/usr/bin/env bash
# t_20_resilience.sh -- the stack survives what production throws at it:
# the database going away and coming back, a worker killed with SIGKILL,
# a reload under load (DESIGN.md "Prefork master").
. "$(dirname "$0")/lib.sh"

master=$(cat "$DUIJIE_STATE/run/duijie-internet.pid")
workers() { pgrep -P "$master" | sort; }

# --- database down, then back, without restarting anything -------------------
# A signed-in page reads its session from the database on every request
# (the home page's office directory may come from the workers' copy).
login "$INTERNET" ent-a
expect_status 303 "(set up) ent-a signs in"
ENTA=$(jar_of ent-a)
req GET "$INTERNET/account" --jar "$ENTA"
expect_status 200 "(set up) the account page before the outage"
req GET "$INTERNET/healthz"
expect_status 200 "healthz is 200 before the outage"
dev db-stop >/dev/null
for base in "$INTERNET" "$INTRANET"; do
	req GET "$base/healthz"
	expect_status 503 "healthz is 503 while the database is down ($base)"
	expect_no_body '^ok' "healthz does not say ok while the database is down"
done
req GET "$INTERNET/account" --jar "$ENTA"
expect_status 503 "a DB-backed page is 503 while the database is down"
expect_body '服务暂时不可用' "X-UI the 503 page is in Chinese"
expect_no_body '(mysql|MariaDB|socket|errno|2002|2006)' "X-SEC the 503 page shows no internal detail"
expect_header X-Request-Id '.' "the 503 page carries the request id"
dev db-start >/dev/null
for base in "$INTERNET" "$INTRANET"; do
	req GET "$base/healthz"
	expect_status 200 "healthz is 200 again once the database is back ($base)"
done
# Each worker replaces its dead connection on its next request: at most one
# 503 per worker, then 200 for good.
ok_run=0
for i in $(seq 1 12); do
	req GET "$INTERNET/account" --jar "$ENTA"
	if [ "$STATUS" = 200 ]; then ok_run=$((ok_run + 1)); else ok_run=0; fi
done
[ "$ok_run" -ge 8 ] && ok "pages are served again after the database returns" ||
	not_ok "pages are served again after the database returns" "last run of 200s: $ok_run"
expect_eq "$(workers | wc -l)" "$(grep -c . <<<"$(workers)")" "workers are still the same pool"

# --- a worker killed with SIGKILL is replaced; the pool keeps serving ---------
before=$(workers)
n_before=$(printf '%s\n' "$before" | grep -c .)
victim=$(printf '%s\n' "$before" | head -n 1)
kill -KILL "$victim"
fails=0
for i in $(seq 1 30); do
	req GET "$INTERNET/healthz"
	[ "$STATUS" = 200 ] || fails=$((fails + 1))
done
expect_eq "$fails" 0 "the pool keeps serving while a worker is dead"
for i in $(seq 1 50); do
	[ "$(workers | wc -l)" -ge "$n_before" ] && ! workers | grep -qx "$victim" && break
	sleep 0.1
done
expect_eq "$(workers | wc -l)" "$n_before" "the killed worker is replaced"
workers | grep -qx "$victim" && not_ok "the dead pid is gone" || ok "the dead pid is gone"
grep -q "worker $victim killed by signal 9" "$DUIJIE_STATE/log/internet.log" &&
	ok "the master logs the death" || not_ok "the master logs the death"

# --- SIGHUP replaces every worker, one by one, while requests keep coming ------
before=$(workers)
( for i in $(seq 1 60); do
	curl -sk -o /dev/null -w '%{http_code}\n' "$INTERNET/healthz"
done ) >"$T_TMP/during-reload" &
load=$!
kill -HUP "$master"
wait "$load"
for i in $(seq 1 50); do
	grep -q 'reload: done' "$DUIJIE_STATE/log/internet.log" && break
	sleep 0.1
done
after=$(workers)
expect_eq "$(grep -vc '^200$' "$T_TMP/during-reload")" 0 "no request fails during a reload"
common=$(comm -12 <(printf '%s\n' "$before") <(printf '%s\n' "$after") | grep -c . || true)
expect_eq "$common" 0 "SIGHUP replaced every worker"
expect_eq "$(printf '%s\n' "$after" | grep -c .)" "$(printf '%s\n' "$before" | grep -c .)" \
	"the pool has its size after the reload"
req GET "$INTERNET/"
expect_status 200 "pages are served after the reload"

done_testing
