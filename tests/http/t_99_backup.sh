#!/usr/bin/env bash
# t_99_backup.sh -- duijie-admin backup / restore / restore-binlog (issue 20
# "Backups", docs/OPERATIONS.md) on the test stack's data: a full set, an
# audited change, an incremental set, another audited change (in the
# binlog only); then the chain restored into a scratch data directory, a
# scratch mariadbd started on it and the stack's binlogs replayed: every
# row of four tables equals the stack's, audit-verify says there what it
# says on the stack, a second replay is refused; the same again to a point
# in time (--before); Backup.keep's retention.  Also the refusals: no incremental without a
# full, a credentials file others can read, a non-empty data directory, a
# running server.  The full drill (kill, delete, RTO) is
# `scripts/dev backup-drill`.
. "$(dirname "$0")/lib.sh"

CONF=$DUIJIE_CONF
ADMIN_BIN=$DUIJIE_BUILD/duijie-admin
CRED=$(awk -F' *= *' '{ k = $1; gsub(/^[ \t]+/, "", k) } k == "credentials" { print $2 }' "$CONF")
B=$T_TMP/backups
SCRATCH=$T_TMP/data
SOCK=$T_TMP/m.sock

# the stack's configuration with Backup.dir in T_TMP (later HDF lines win)
C1=$T_TMP/backup.hdf
{ cat "$CONF"; printf 'Backup.dir = %s\n' "$B"; } >"$C1"
# ... and one that restores into the scratch server
C2=$T_TMP/restore.hdf
{ cat "$C1"; printf 'Backup.datadir = %s\nDB.socket = %s\n' "$SCRATCH" "$SOCK"; } >"$C2"
a1() { "$ADMIN_BIN" --config "$C1" "$@"; }
a2() { "$ADMIN_BIN" --config "$C2" "$@"; }

expect_eq "$(stat -c %a "$CRED" 2>/dev/null)" 600 "issue 20 the backup account's option file is mode 0600"
PW=$(awk -F= '$1 == "password" { print $2 }' "$CRED")
[ ${#PW} -ge 16 ] && ok "issue 20 the backup account has a password of its own" ||
	not_ok "issue 20 the backup account has a password of its own" "${#PW} characters"
expect_eq "$(grep -c -- "${PW:-none}" "$CONF")" 0 "issue 20 the backup password is not in duijie.hdf"

out=$(a1 backup incremental 2>&1) && not_ok "issue 20 no incremental without a full" "$out" ||
	expect_eq "$(grep -c 'no full backup' <<<"$out")" 1 "issue 20 no incremental without a full"

# a credentials file that others may read is refused
cp -p "$CRED" "$T_TMP/loose.cnf"
chmod 0644 "$T_TMP/loose.cnf"
{ cat "$C1"; printf 'Backup.credentials = %s\n' "$T_TMP/loose.cnf"; } >"$T_TMP/loose.hdf"
out=$("$ADMIN_BIN" --config "$T_TMP/loose.hdf" backup 2>&1) &&
	not_ok "issue 20 a credentials file of mode 0644 is refused" "$out" ||
	expect_eq "$(grep -c 'mode 0600' <<<"$out")" 1 "issue 20 a credentials file of mode 0644 is refused"

out=$(a1 backup 2>&1)
rc=$?
expect_eq "$rc" 0 "issue 20 backup (the first: full) succeeds"
FULL=$(ls "$B" | grep -E '^[0-9]{8}T[0-9]{6}Z-full$' | head -n 1)
[ -n "$FULL" ] && [ -f "$B/$FULL/duijie-backup.info" ] && [ -f "$B/$FULL/xtrabackup_binlog_info" ] &&
	ok "issue 20 the full set is complete (info, binlog position)" ||
	not_ok "issue 20 the full set is complete (info, binlog position)" "$out"
[ -n "$(ls "$B/binlog" 2>/dev/null)" ] && ok "issue 20 the closed binlogs are copied next to the sets" ||
	not_ok "issue 20 the closed binlogs are copied next to the sets" "$(ls -la "$B")"
# the process list never shows the password (it is not on any command line)
expect_eq "$(grep -c -- "${PW:-none}" "$B/$FULL.log")" 0 "issue 20 the password is not in mariadb-backup's command line or log"

"$ADMIN_BIN" --config "$CONF" suspend op-fs --reason "备份测试" >/dev/null 2>&1
sleep 1
out=$(a1 backup 2>&1)
expect_eq "$?" 0 "issue 20 backup (the second: incremental on the full) succeeds"
INC=$(ls "$B" | grep -E '^[0-9]{8}T[0-9]{6}Z-inc$' | head -n 1)
expect_eq "$(awk -F= '$1 == "base" { print $2 }' "$B/$INC/duijie-backup.info" 2>/dev/null)" "$FULL" \
	"issue 20 the incremental is based on the full"
# after the last set: only in the binlog; BEFORE lies between the two
sleep 1.1
BEFORE=$(date '+%Y-%m-%d %H:%M:%S')
sleep 1.1
"$ADMIN_BIN" --config "$CONF" reactivate op-fs >/dev/null 2>&1

TABLES="users audit_log audit_head enterprises"
# every row of each table, in primary-key order, hashed (the data itself:
# CHECKSUM TABLE once differed in a full run where the rows, compared
# later, did not -- see the report of issue 20)
checksums() {
	local t
	for t in $TABLES; do
		printf '%s %s\n' "$t" "$(mariadb --no-defaults -S "$1" -uroot -N -B duijie \
			-e "SELECT * FROM $t ORDER BY id" | md5sum | cut -d' ' -f1)"
	done
}
LIVE=$(checksums "$DUIJIE_STATE/run/mysqld.sock")

out=$(a1 restore 2>&1) && not_ok "issue 20 restore refuses while the server answers" "$out" ||
	expect_eq "$(grep -c 'answers on' <<<"$out")" 1 "issue 20 restore refuses while the server answers"
mkdir -p "$SCRATCH" && : >"$SCRATCH/stray"
out=$(a2 restore 2>&1) && not_ok "issue 20 restore refuses a non-empty data directory" "$out" ||
	expect_eq "$(grep -c 'not empty' <<<"$out")" 1 "issue 20 restore refuses a non-empty data directory"
rm -f "$SCRATCH/stray"

sets_sum() { (cd "$B" && find "$FULL" "$INC" -type f -exec md5sum {} + | sort -k 2 | md5sum); }
SETS=$(sets_sum)
out=$(a2 restore 2>&1)
expect_eq "$?" 0 "issue 20 restore prepares the full and the incremental and copies them back"
expect_eq "$(sets_sum)" "$SETS" "issue 20 restore leaves the sets as they were (it prepares copies)"
grep -q "restore: $FULL + 1 incremental up to $INC into $SCRATCH" <<<"$out" && ok "issue 20 restore applies the chain full + incremental" ||
	not_ok "issue 20 restore applies the chain full + incremental" "$out"

start_scratch() {
	mkdir -p "$T_TMP/binlog"
	setsid mariadbd --no-defaults --datadir="$SCRATCH" --socket="$SOCK" --skip-networking --user=root \
		--pid-file="$T_TMP/m.pid" --log-error="$T_TMP/m.err" --innodb-buffer-pool-size=32M \
		--server-id=2 --log-bin="$T_TMP/binlog/binlog" --log-bin-trust-function-creators=1 \
		</dev/null >/dev/null 2>&1 &
	SCRATCH_PID=$!
	for _ in $(seq 1 150); do
		mariadb-admin --no-defaults -S "$SOCK" -uroot ping >/dev/null 2>&1 && return 0
		sleep 0.2
	done
	return 1
}
stop_scratch() {
	[ -n "${SCRATCH_PID:-}" ] || return 0
	mariadb-admin --no-defaults -S "$SOCK" -uroot shutdown >/dev/null 2>&1 || true
	for _ in $(seq 1 300); do
		kill -0 "$SCRATCH_PID" 2>/dev/null || break
		sleep 0.2
	done
	wait "$SCRATCH_PID" 2>/dev/null
	SCRATCH_PID=
}
trap 'stop_scratch; rm -rf "$T_TMP"' EXIT
start_scratch || not_ok "issue 20 the restored data directory starts" "$(tail -n 20 "$T_TMP/m.err")"

out=$(a2 restore-binlog 2>&1)
expect_eq "$?" 0 "issue 20 restore-binlog replays the binlogs into the restored server"
expect_eq "$(checksums "$SOCK")" "$LIVE" \
	"issue 20 after restore + replay every row of $TABLES equals the stack's"
expect_eq "$(mariadb --no-defaults -S "$SOCK" -uroot -N -B duijie -e "SELECT status FROM users WHERE username = 'op-fs'")" \
	"$(sql "SELECT status FROM users WHERE username = 'op-fs'")" \
	"issue 20 the change after the last set (only in the binlog) is there"
# the restored chain says what the stack's says (intact, or broken where an
# earlier test broke it on purpose)
verdict() { "$ADMIN_BIN" --config "$1" audit-verify 2>&1 | grep -o 'chain intact\|chain broken at row [0-9]*' | tail -n 1; }
LIVE_VERDICT=$(verdict "$CONF")
[ -n "$LIVE_VERDICT" ] && expect_eq "$(verdict "$C2")" "$LIVE_VERDICT" \
	"issue 20 audit-verify on the restored data says what it says on the stack's ($LIVE_VERDICT)" ||
	not_ok "issue 20 audit-verify on the restored data says what it says on the stack's" "no verdict"
out=$(a2 restore-binlog 2>&1) && not_ok "issue 20 a second replay is refused" "$out" ||
	expect_eq "$(grep -c 'replayed already' <<<"$out")" 1 "issue 20 a second replay is refused"
# the replay was not logged again by the restored server
expect_eq "$(mariadb-binlog --no-defaults "$T_TMP"/binlog/binlog.0* 2>/dev/null | grep -ci 'audit_log')" 0 \
	"issue 20 the replayed transactions are not written to the restored server's binlog"

# point in time: the same chain, the binlogs replayed only up to BEFORE
stop_scratch
rm -rf "$SCRATCH" "$T_TMP/binlog"
out=$(a2 restore --before "$BEFORE" 2>&1) && grep -q "duijie-admin restore-binlog --before '$BEFORE'" <<<"$out" &&
	ok "issue 20 restore --before picks the chain and says how to replay to that time" ||
	not_ok "issue 20 restore --before picks the chain and says how to replay to that time" "$out"
start_scratch || not_ok "issue 20 the restored data directory starts again" "$(tail -n 20 "$T_TMP/m.err")"
out=$(a2 restore-binlog 2>&1)
expect_eq "$?" 0 "issue 20 restore-binlog replays up to --before"
expect_eq "$(mariadb --no-defaults -S "$SOCK" -uroot -N -B duijie -e "SELECT status FROM users WHERE username = 'op-fs'")" \
	suspended "issue 20 point in time: the suspension (before BEFORE) is there, the reactivation (after) is not"
expect_eq "$(verdict "$C2")" "$LIVE_VERDICT" "issue 20 audit-verify at the point in time says the same"
stop_scratch

# retention: with Backup.keep = 1 a new full removes the older chain and
# the binlog copies before the new full's position
{ cat "$C1"; printf 'Backup.keep = 1\n'; } >"$T_TMP/keep1.hdf"
sleep 1
out=$("$ADMIN_BIN" --config "$T_TMP/keep1.hdf" backup full 2>&1)
expect_eq "$?" 0 "issue 20 backup full with Backup.keep = 1"
NEW=$(ls "$B" | grep -E '^[0-9]{8}T[0-9]{6}Z-(full|inc)$')
expect_eq "$(wc -l <<<"$NEW")" 1 "issue 20 Backup.keep = 1: only the newest full remains"
[ "$NEW" != "$FULL" ] && [ ! -e "$B/$FULL.log" ] && ok "issue 20 the old chain and its logs are gone" ||
	not_ok "issue 20 the old chain and its logs are gone" "$(ls "$B")"
START=$(awk -F= '$1 == "binlog_file" { print $2 }' "$B/$NEW/duijie-backup.info")
OLDER=$(ls "$B/binlog" | awk -v s="$START" '$0 < s' | wc -l)
expect_eq "$OLDER" 0 "issue 20 no binlog copy older than the oldest kept full's position ($START)"

done_testing
