#!/usr/bin/env bash
# t_20_resilience.sh -- the stack survives what production throws at it:
# the database going away and coming back, a worker killed with SIGKILL,
# a reload under load (DESIGN.md "Prefork master").
. "$(dirname "$0")/lib.sh"

master=$(cat "$DUIJIE_STATE/run/duijie-internet.pid")
# the pages' workers (the sign-in pool's are named duijie-signin)
workers() { pgrep -P "$master" -x duijie | sort; }
signin_workers() { pgrep -P "$master" -x duijie-signin | sort; }

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
LOG=$DUIJIE_STATE/log/internet.log
n_workers=$(workers | grep -c .)
# served_since LINE [ROUTE]: how many workers logged a request (to ROUTE, a
# page that reads the database, when given) since LINE of the log.
served_since() {
	tail -n +"$1" "$LOG" | grep -E "route=${2:-/}" |
		grep -oE '\[internet [0-9]+\] rid=' | sort -u | grep -c . || true
}
log_from=$(($(wc -l <"$LOG") + 1))
ok_run=0
for i in $(seq 1 40); do
	req GET "$INTERNET/account" --jar "$ENTA"
	if [ "$STATUS" = 200 ]; then ok_run=$((ok_run + 1)); else ok_run=0; fi
	[ "$i" -ge 12 ] && [ "$(served_since "$log_from")" -ge "$n_workers" ] && break
done
[ "$ok_run" -ge 8 ] && ok "pages are served again after the database returns" ||
	not_ok "pages are served again after the database returns" "last run of 200s: $ok_run"

# --- the database restarts while the workers are idle -------------------------
# X-SEC (availability): every worker holds a connection to the server that
# was just restarted.  The first statement of its next request finds it lost
# before anything ran, replaces it and runs the request: no 503, a sign-in
# POST included, on every worker (they were idle for seconds, so no idle
# ping ran first).
dev db-stop >/dev/null
dev db-start >/dev/null
log_from=$(($(wc -l <"$LOG") + 1))
bad='' served=0
for i in $(seq 1 $((6 * n_workers))); do
	login "$INTERNET" ent-a
	[ "$STATUS" = 303 ] || bad="$bad sign-in#$i=$STATUS"
	req GET "$INTERNET/account" --jar "$(jar_of ent-a)"
	[ "$STATUS" = 200 ] || bad="$bad account#$i=$STATUS"
	served=$(served_since "$log_from" '/account ')
	[ "$i" -ge 2 ] && [ "$served" -ge "$n_workers" ] && break
done
[ -z "$bad" ] && ok "X-SEC right after a database restart, sign-in (303) and pages (200) answer, no 503" ||
	not_ok "X-SEC right after a database restart, sign-in (303) and pages (200) answer, no 503" "$bad"
expect_eq "$served" "$n_workers" "every worker served a request after the restart"
retried=$(tail -n +"$log_from" "$LOG" | grep "before the request's first statement ran" |
	grep -oE '\[internet [0-9]+\]' | sort -u | grep -oE '[0-9]+' | grep -cxF -f <(workers) || true)
expect_eq "$retried" "$n_workers" "each worker replaced its lost connection at its first statement"
# the sign-ins were the sign-in pool's (issue 19 item 4), which survived
# the restart the same way
n_signin=$(signin_workers | grep -c . || true)
[ "$n_signin" -ge 1 ] && ok "the master runs a sign-in pool beside the pages' workers ($n_signin)" ||
	not_ok "the master runs a sign-in pool beside the pages' workers"
signed=$(tail -n +"$log_from" "$LOG" | grep -E 'route=/login status=303' |
	grep -oE '\[internet [0-9]+\]' | sort -u | grep -oE '[0-9]+')
expect_eq "$(grep -cxF -f <(signin_workers) <<<"$signed" || true)" "$(grep -c . <<<"$signed")" \
	"X-SEC every sign-in was served by the sign-in pool, none by the pages' workers"
post_form "$T_TMP/jar-intranet" "$INTRANET/login" "$INTRANET/login" \
	--data-urlencode 'username=nobody-here' --data-urlencode 'password=wrong-password-1'
expect_status '200|400' "an intranet sign-in POST after the restart is answered (the form again), not 503"
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
# X-SEC (availability): a worker told to go finishes what it accepted and
# stops accepting first.  One reload under a quiet CPU almost never hits the
# window between accept and the first read, so repeat it RELOADS times with
# REQS requests each while two CPU hogs keep the scheduler busy (a worker
# that exits with a connection it took makes nginx answer 502 "recv() failed
# (104) while reading response header from upstream").  Bounded: the loop
# stops after RELOAD_SECS whatever it reached, and says so.
RELOADS=${T20_RELOADS:-20} REQS=${T20_REQS:-60} RELOAD_SECS=${T20_RELOAD_SECS:-240}
hogs=()
stop_hogs() {
	local h
	for h in "${hogs[@]}"; do kill "$h" 2>/dev/null; wait "$h" 2>/dev/null; done
	hogs=()
}
trap 'stop_hogs; rm -rf "$T_TMP"' EXIT
yes >/dev/null & hogs+=("$!")
yes >/dev/null & hogs+=("$!")
reloads_done() { grep -c 'reload: done' "$DUIJIE_STATE/log/internet.log" || true; }
NGX_ERR=$DUIJIE_STATE/nginx/error.log
ngx_from=$(($(wc -l <"$NGX_ERR" 2>/dev/null || echo 0) + 1))
first=$(workers)
base=$(reloads_done)
deadline=$((SECONDS + RELOAD_SECS))
: >"$T_TMP/during-reload"
replaced=0 rounds=0 slow=0
for r in $(seq 1 "$RELOADS"); do
	[ "$SECONDS" -lt "$deadline" ] || break
	before=$(workers)
	urls=()
	for i in $(seq 1 "$REQS"); do urls+=(-o /dev/null "$INTERNET/healthz"); done
	curl -sk --max-time 20 -w '%{http_code}\n' "${urls[@]}" \
		>>"$T_TMP/during-reload" 2>/dev/null &
	load=$!
	sleep 0.05
	kill -HUP "$master"
	wait "$load"
	for i in $(seq 1 300); do
		[ "$(reloads_done)" -ge $((base + r)) ] && break
		sleep 0.1
	done
	[ "$(reloads_done)" -ge $((base + r)) ] || slow=$((slow + 1))
	after=$(workers)
	common=$(comm -12 <(printf '%s\n' "$before") <(printf '%s\n' "$after") | grep -c . || true)
	[ "$common" = 0 ] && replaced=$((replaced + 1))
	rounds=$r
done
stop_hogs
trap 'rm -rf "$T_TMP"' EXIT
after=$(workers)
echo "# $rounds reloads of $RELOADS in $((RELOAD_SECS - deadline + SECONDS)) s," \
	"$(grep -c . "$T_TMP/during-reload") requests"
[ "$rounds" -ge 5 ] && ok "the reload loop ran at least 5 reloads ($rounds, time bound ${RELOAD_SECS} s)" ||
	not_ok "the reload loop ran at least 5 reloads" "only $rounds before the time bound"
expect_eq "$(grep -c . "$T_TMP/during-reload")" $((rounds * REQS)) "every request during the reloads got an answer"
expect_eq "$(grep -vc '^200$' "$T_TMP/during-reload")" 0 \
	"X-SEC no request fails during $rounds reloads under CPU load"
expect_eq "$slow" 0 "every reload finished within 30 s (no worker waits for its grace time)"
expect_eq "$replaced" "$rounds" "SIGHUP replaced every worker, each time"
common=$(comm -12 <(printf '%s\n' "$first") <(printf '%s\n' "$after") | grep -c . || true)
expect_eq "$common" 0 "none of the first workers is left"
expect_eq "$(printf '%s\n' "$after" | grep -c .)" "$(printf '%s\n' "$first" | grep -c .)" \
	"the pool has its size after the reloads"
resets=$(tail -n +"$ngx_from" "$NGX_ERR" 2>/dev/null | grep 'recv() failed (104' || true)
if [ -n "$resets" ]; then
	not_ok "nginx saw no worker reset a connection" "$(printf '%s\n' "$resets" | head -n 3)"
else
	ok "nginx saw no worker reset a connection"
fi
req GET "$INTERNET/"
expect_status 200 "pages are served after the reload"

done_testing
