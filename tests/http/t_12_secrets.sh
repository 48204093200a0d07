#!/usr/bin/env bash
# t_12_secrets.sh -- X-SEC least privilege of the database secrets (issue
# 12 item 17): the workers hold only the application account's password;
# the schema owner's is in AdminSecrets, read by duijie-admin alone; a
# worker whose configuration holds it refuses to start; migrate still works.
. "$(dirname "$0")/lib.sh"

CONF=$DUIJIE_CONF
SECRETS=$(awk -F' *= *' '$1 == "Secrets" { print $2 }' "$CONF")
ADMIN_SECRETS=$(awk -F' *= *' '$1 == "AdminSecrets" { print $2 }' "$CONF")
val() { awk -F' *= *' -v k="$1" '$1 == k { print $2 }' "$2"; }
APP_PW=$(val DB.password "$SECRETS")
OWNER_PW=$(val DB.admin_password "$ADMIN_SECRETS")

# --- the stack's files --------------------------------------------------------
[ -n "$ADMIN_SECRETS" ] && [ "$ADMIN_SECRETS" != "$SECRETS" ] &&
	ok "X-SEC the config names a separate AdminSecrets file" ||
	not_ok "X-SEC the config names a separate AdminSecrets file" "Secrets=$SECRETS AdminSecrets=$ADMIN_SECRETS"
expect_eq "$(stat -c %a "$ADMIN_SECRETS" 2>/dev/null)" 600 "X-SEC AdminSecrets is mode 0600"
expect_eq "$(stat -c %a "$SECRETS")" 600 "X-SEC Secrets is mode 0600"
[ ${#OWNER_PW} -ge 16 ] && [ ${#APP_PW} -ge 16 ] && [ "$OWNER_PW" != "$APP_PW" ] &&
	ok "X-SEC the owner's and the application's passwords are set and differ" ||
	not_ok "X-SEC the owner's and the application's passwords are set and differ"
expect_eq "$(grep -c 'admin_password' "$CONF" "$SECRETS" | awk -F: '{ s += $2 } END { print s }')" 0 \
	"X-SEC neither the config nor Secrets (what the workers read) holds DB.admin_password"

# --- a running worker's memory --------------------------------------------------
# Every private writable mapping of one worker per portal (up to 1 GiB each,
# which leaves out a sanitizer's shadow) searched for both passwords: the
# application's must be found (the search works), the owner's never.
mem_has() {	# PID STRING: 0 when STRING is in the process's memory
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
for portal in internet intranet; do
	master=$(cat "$DUIJIE_STATE/run/duijie-$portal.pid")
	# a worker that has served a request (its connection is open)
	if [ "$portal" = internet ]; then req GET "$INTERNET/healthz"; else req GET "$INTRANET/healthz"; fi
	worker=$(pgrep -P "$master" | head -n 1)
	if [ -z "$worker" ]; then
		not_ok "X-SEC $portal: a worker to inspect" "no child of $master"
		continue
	fi
	mem_has "$worker" "$APP_PW" && ok "X-SEC $portal worker: the memory search finds the application's password" ||
		not_ok "X-SEC $portal worker: the memory search finds the application's password"
	mem_has "$worker" "$OWNER_PW" && not_ok "X-SEC $portal worker holds no owner password" "found in pid $worker" ||
		ok "X-SEC $portal worker holds no owner password"
	mem_has "$master" "$OWNER_PW" && not_ok "X-SEC $portal master holds no owner password" "found in pid $master" ||
		ok "X-SEC $portal master holds no owner password"
done

# --- a worker refuses a config with the owner's password -------------------------
# A copy of the stack's config on its own socket, its Secrets with the
# owner's password added (as a pre-split install would have it).
mkdir -p "$T_TMP/run"
cp "$SECRETS" "$T_TMP/secrets.hdf"
printf 'DB.admin_password = %s\n' "$OWNER_PW" >>"$T_TMP/secrets.hdf"
chmod 600 "$T_TMP/secrets.hdf"
sed -e "s|^Secrets = .*|Secrets = $T_TMP/secrets.hdf|" \
	-e "s#socket = .*/\(internet\|intranet\)\.sock\$#socket = $T_TMP/run/\1.sock#" "$CONF" >"$T_TMP/bad.hdf"
grep -q "$T_TMP/run/internet.sock" "$T_TMP/bad.hdf" || not_ok "X-SEC test setup: the copy has its own socket"
rc=0
timeout 20 "$DUIJIE_BUILD/duijie" --portal internet --config "$T_TMP/bad.hdf" >"$T_TMP/start.out" 2>&1 || rc=$?
[ "$rc" -ne 0 ] && [ "$rc" -ne 124 ] && [ ! -S "$T_TMP/run/internet.sock" ] &&
	ok "X-SEC a worker with DB.admin_password in its Secrets refuses to start" ||
	not_ok "X-SEC a worker with DB.admin_password in its Secrets refuses to start" "exit $rc: $(head -c 300 "$T_TMP/start.out")"
grep -q 'AdminSecrets' "$T_TMP/start.out" &&
	ok "X-SEC ... and says the password belongs in AdminSecrets" ||
	not_ok "X-SEC ... and says the password belongs in AdminSecrets" "$(head -c 300 "$T_TMP/start.out")"

# the same in the main file
sed -e "s|^Secrets = .*|Secrets = $SECRETS|" "$T_TMP/bad.hdf" >"$T_TMP/bad2.hdf"
printf 'DB.admin_password = %s\n' "$OWNER_PW" >>"$T_TMP/bad2.hdf"
rc=0
timeout 20 "$DUIJIE_BUILD/duijie" --portal intranet --config "$T_TMP/bad2.hdf" >"$T_TMP/start2.out" 2>&1 || rc=$?
[ "$rc" -ne 0 ] && [ "$rc" -ne 124 ] && [ ! -S "$T_TMP/run/intranet.sock" ] &&
	ok "X-SEC a worker with DB.admin_password in its config refuses to start" ||
	not_ok "X-SEC a worker with DB.admin_password in its config refuses to start" "exit $rc: $(head -c 300 "$T_TMP/start2.out")"

# --- duijie-admin ---------------------------------------------------------------
ADMIN=("$DUIJIE_BUILD/duijie-admin" --config "$CONF")
out=$("${ADMIN[@]}" migrate 2>&1) && ok "X-SEC duijie-admin migrate works as the owner from AdminSecrets" ||
	not_ok "X-SEC duijie-admin migrate works as the owner from AdminSecrets" "$out"
"${ADMIN[@]}" ping >/dev/null 2>&1 && ok "X-SEC duijie-admin ping works as the application account" ||
	not_ok "X-SEC duijie-admin ping works as the application account"

# migrate with AdminSecrets readable by others: refused, nothing run
cp "$ADMIN_SECRETS" "$T_TMP/secrets-admin.hdf"
chmod 644 "$T_TMP/secrets-admin.hdf"
sed -e "s|^AdminSecrets = .*|AdminSecrets = $T_TMP/secrets-admin.hdf|" "$CONF" >"$T_TMP/loose.hdf"
out=$("$DUIJIE_BUILD/duijie-admin" --config "$T_TMP/loose.hdf" migrate 2>&1) &&
	not_ok "X-SEC migrate refuses an AdminSecrets readable by others" "$out" ||
	{ grep -q 'chmod 600' <<<"$out" && ok "X-SEC migrate refuses an AdminSecrets readable by others" ||
		not_ok "X-SEC migrate refuses an AdminSecrets readable by others" "$out"; }

# migrate without AdminSecrets: refused, with the reason
grep -v '^AdminSecrets' "$CONF" >"$T_TMP/noadmin.hdf"
out=$("$DUIJIE_BUILD/duijie-admin" --config "$T_TMP/noadmin.hdf" migrate 2>&1) &&
	not_ok "X-SEC migrate without AdminSecrets is refused" "$out" ||
	{ grep -q 'AdminSecrets' <<<"$out" && ok "X-SEC migrate without AdminSecrets is refused" ||
		not_ok "X-SEC migrate without AdminSecrets is refused" "$out"; }
# ... while an application-account command still works without it
"$DUIJIE_BUILD/duijie-admin" --config "$T_TMP/noadmin.hdf" ping >/dev/null 2>&1 &&
	ok "X-SEC duijie-admin ping needs no AdminSecrets" ||
	not_ok "X-SEC duijie-admin ping needs no AdminSecrets"

done_testing
