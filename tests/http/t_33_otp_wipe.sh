#!/usr/bin/env bash
# t_33_otp_wipe.sh -- X-SEC a one-time password does not outlive its page
# (issue 12 item 18, R-11.1): after an operator resets a user's password
# and the page has shown the one-time password, no intranet worker's
# memory holds it any more (template output, FastCGI buffers, HDF and the
# rest wiped at their end of life).  The stack runs the ASan build, whose
# quarantine keeps freed memory as it was: only an explicit wipe clears it.
# Re-runnable: the reset user is a fresh copy of fi-gz each time.
. "$(dirname "$0")/lib.sh"

uid_of() { sql "SELECT id FROM users WHERE username = '$1'"; }

# mem_has PID STRING: 0 when STRING is in the process's memory -- every
# private writable mapping up to 1 GiB (which leaves out a sanitizer's
# shadow), as t_12_secrets.sh searches it.
mem_has() {
	local pid=$1 s=$2 range perms start end size n
	while read -r range perms _; do
		case $perms in rw?p) ;; *) continue ;; esac
		start=$((16#${range%-*})) end=$((16#${range#*-}))
		size=$((end - start))
		[ "$size" -le $((1 << 30)) ] || continue
		# grep -c reads to the end: no SIGPIPE for dd under pipefail
		n=$(dd if="/proc/$pid/mem" bs=65536 iflag=skip_bytes,count_bytes \
			skip="$start" count="$size" 2>/dev/null | grep -acF -- "$s")
		[ "${n:-0}" -eq 0 ] || return 0
	done <"/proc/$pid/maps"
	return 1
}

SECRETS=$(awk -F' *= *' '$1 == "Secrets" { print $2 }' "$DUIJIE_CONF")
APP_PW=$(awk -F' *= *' '$1 == "DB.password" { print $2 }' "$SECRETS")

# --- a password reset by op-gz ---------------------------------------------------
R=t33r$$
sql "INSERT INTO users (username, role, region_code, org_kind, org_id, real_name, contact_enc,
     must_change_pw, pw_hash) SELECT '$R', role, region_code, org_kind, org_id, real_name,
     contact_enc, 0, pw_hash FROM users WHERE username = 'fi-gz'"
RID=$(uid_of "$R")
[ -n "$RID" ] && ok "R-11.1 (set up) a user to reset" || not_ok "R-11.1 (set up) a user to reset"
login "$INTRANET" op-gz
expect_status 303 "R-11.1 op-gz signs in"
post_form "$(jar_of op-gz)" "$INTRANET/users/$RID" "$INTRANET/users/$RID/reset-password"
expect_status 200 "R-11.1 the password reset answers with a page"
otp=$(grep -o 'id="otp">[^<]*<' "$RESP_BODY" | sed 's/id="otp">//; s/<$//')
[ ${#otp} -ge 10 ] && ok "R-11.1 the page shows a one-time password" ||
	not_ok "R-11.1 the page shows a one-time password" "got '$otp'"
# a later request on the same connection pool, so every worker has moved on
req GET "$INTRANET/healthz"
req GET "$INTRANET/healthz"

# --- every intranet worker's memory -------------------------------------------------
master=$(cat "$DUIJIE_STATE/run/duijie-intranet.pid")
workers=$(pgrep -P "$master" | tr '\n' ' ')
[ -n "$workers" ] && ok "X-SEC intranet workers to inspect ($workers)" ||
	not_ok "X-SEC intranet workers to inspect" "no child of $master"
[ ${#otp} -ge 10 ] || otp=no-otp-was-shown-$$
for w in $workers; do
	mem_has "$w" "$APP_PW" && ok "X-SEC worker $w: the memory search finds the application's password" ||
		not_ok "X-SEC worker $w: the memory search finds the application's password"
	mem_has "$w" "$otp" && not_ok "X-SEC worker $w holds no copy of the one-time password" "found in pid $w" ||
		ok "X-SEC worker $w holds no copy of the one-time password"
done
mem_has "$master" "$otp" && not_ok "X-SEC the intranet master holds no copy of the one-time password" ||
	ok "X-SEC the intranet master holds no copy of the one-time password"

done_testing
