#!/usr/bin/env bash
# t_33_cloexec.sh -- X-SEC every descriptor a portal worker holds beyond
# 0-2 is close-on-exec (issue 12 item 18): the FastCGI listen socket, the
# connection from nginx, the MariaDB connection, log and secret files.  A
# child the worker starts (the SMS command) then gets its pipes only
# (tests/unit/accounts/test_sms.c runs one and lists what it holds).
# Reads /proc/PID/fdinfo/N, whose "flags:" (octal) has O_CLOEXEC = 02000000.
. "$(dirname "$0")/lib.sh"

for portal in internet intranet; do
	case $portal in internet) url=$INTERNET ;; *) url=$INTRANET ;; esac
	# a page that reads the database, so each worker has its connection
	for _ in 1 2 3 4 5 6; do req GET "$url/healthz"; done
	master=$(cat "$DUIJIE_STATE/run/duijie-$portal.pid")
	workers=$(pgrep -P "$master" | tr '\n' ' ')
	[ -n "$workers" ] && ok "X-SEC $portal workers to inspect ($workers)" ||
		not_ok "X-SEC $portal workers to inspect" "no child of $master"
	for w in $workers; do
		bad= socks=0
		for fdp in /proc/"$w"/fd/*; do
			fd=${fdp##*/}
			[ "$fd" -gt 2 ] || continue
			flags=$(awk '$1 == "flags:" { print $2 }' "/proc/$w/fdinfo/$fd" 2>/dev/null) || continue
			[ -n "$flags" ] || continue	# closed meanwhile
			target=$(readlink "$fdp" 2>/dev/null || true)
			case $target in socket:*) socks=$((socks + 1)) ;; esac
			(( (8#$flags & 8#2000000) != 0 )) || bad="$bad $fd->$target"
		done
		[ "$socks" -ge 1 ] && ok "X-SEC $portal worker $w holds sockets to inspect ($socks)" ||
			not_ok "X-SEC $portal worker $w holds sockets to inspect" "$socks sockets"
		[ -z "$bad" ] && ok "X-SEC $portal worker $w: every descriptor from 3 up is close-on-exec" ||
			not_ok "X-SEC $portal worker $w: every descriptor from 3 up is close-on-exec" "not:$bad"
	done
done

done_testing
