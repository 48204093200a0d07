#!/bin/bash
# tests/deploy/run.sh -- runs docs/DEPLOY.md in a throwaway root and checks
# that both portals answer through nginx (issue 20, "Deployment").
#
# The blocks of docs/DEPLOY.md marked ```sh step are extracted in order into
# one script and run with bash -eu in a chroot on an overlay of this
# machine's / (the writes go to a throwaway upper directory), inside private
# mount, PID and network namespaces (unshare): its own loopback, with the
# document's INTRANET_ADDR on it, so ports 80 and 443 are its own and
# nothing leaves the machine.  Stand-ins, and only for what needs the network
# or systemd as PID 1: apt-get and systemctl (tests/deploy/apt-get,
# tests/deploy/systemctl) and the CA (a throwaway one makes the portals'
# certificates into the document's $CERTS).  Then the checks below.
#
#   tests/deploy/run.sh          (as root; also `scripts/dev deploy-test`)
#
# Output: "ok N - ..." / "not ok N - ..." lines and, last, "N passed, N failed".
# Exit 0 when none failed.  DUIJIE_DEPLOY_KEEP=1 keeps the work directory
# (its upper/ holds every file the steps wrote, steps.log their output).
# Needs: root, unshare, overlayfs, and the Debian packages the document's
# apt-get step names installed on this machine.
set -Eeuo pipefail

SRC=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/../.." && pwd -P)
DOC=$SRC/docs/DEPLOY.md

# ---------------------------------------------------------------------------
# inside the namespaces (PID 1 of the new PID namespace): mount the overlay,
# chroot, run the steps and the checks.  Everything it started dies with it.

inside() {
	local W=$1 R=$1/root addr
	mount --make-rprivate /
	mount -t overlay overlay -o "lowerdir=/,upperdir=$W/upper,workdir=$W/work" "$R"
	mount -t proc proc "$R/proc"
	mount -t sysfs sysfs "$R/sys"
	mount --rbind /dev "$R/dev"
	# /run as after a boot: empty (kept in $W/run for a look afterwards)
	mkdir -p "$W/run"
	chmod 0755 "$W/run"
	mount --bind "$W/run" "$R/run"
	mount -t tmpfs -o mode=1777 tmpfs "$R/tmp"
	addr=$(sed -n 's/^INTRANET_ADDR=//p' "$W/steps.sh" | head -n 1)
	ip link set lo up
	ip addr add "$addr/32" dev lo

	# the source tree, as a checkout would be (tracked and new files, not
	# what .gitignore ignores: no build, no .dev state)
	mkdir -p "$R/usr/src/duijie"
	(cd "$SRC" && git ls-files -z --cached --others --exclude-standard |
		xargs -0 -I{} sh -c '[ -e "$1" ] && printf "%s\0" "$1"' _ {} |
		tar --null -T - -cf -) | tar -C "$R/usr/src/duijie" -xf -
	rm -f "$R/usr/src/duijie/configure"
	install -m 0755 "$SRC/tests/deploy/systemctl" "$R/usr/local/sbin/systemctl"
	install -m 0755 "$SRC/tests/deploy/apt-get" "$R/usr/local/sbin/apt-get"
	install -m 0755 "$W/steps.sh" "$R/root/steps.sh"
	install -m 0755 "$W/checks.sh" "$R/root/checks.sh"
	make_certs "$W" "$R"

	local env=(/usr/bin/env -i HOME=/root LANG=C.UTF-8 TERM=dumb
		PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
		CURL_CA_BUNDLE=/root/deploy-ca.crt)
	# The booted host after `apt-get install`: Debian's packages start and
	# enable their services (here by their init scripts: no systemd)
	local rc=0
	chroot "$R" "${env[@]}" /bin/sh -c '/etc/init.d/mariadb start && /etc/init.d/nginx start' \
		>"$W/boot.log" 2>&1 || { echo "booting the chroot's services failed" >>"$W/boot.log"; rc=1; }
	[ "$rc" -eq 0 ] &&
	chroot "$R" "${env[@]}" /bin/bash -eu /root/steps.sh >"$W/steps.log" 2>&1 || rc=$?
	echo "$rc" >"$W/steps.rc"
	chroot "$R" "${env[@]}" /bin/bash -u /root/checks.sh "$rc" >"$W/checks.log" 2>&1 || true
}

# make_certs W R: a throwaway CA and each portal's chain, key and issuer
# chain, in the document's $CERTS (as the site's CA would deliver them)
make_certs() {
	local W=$1 R=$2 certs ca=$1/ca p host
	certs=$R$(sed -n 's/^CERTS=//p' "$W/steps.sh" | head -n 1)
	mkdir -p "$ca" "$certs"
	openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes \
		-sha256 -days 30 -subj "/CN=Duijie deploy test CA" \
		-addext basicConstraints=critical,CA:TRUE -addext keyUsage=critical,keyCertSign,cRLSign \
		-keyout "$ca/ca.key" -out "$ca/ca.crt" 2>/dev/null
	for p in internet intranet; do
		host=$(sed -n "s/^${p^^}_HOST=//p" "$W/steps.sh" | head -n 1)
		openssl req -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes \
			-subj "/CN=$host" -keyout "$certs/$p.key" -out "$ca/$p.csr" 2>/dev/null
		openssl x509 -req -in "$ca/$p.csr" -CA "$ca/ca.crt" -CAkey "$ca/ca.key" \
			-CAcreateserial -days 30 -sha256 -out "$certs/$p.crt" \
			-extfile <(printf 'subjectAltName=DNS:%s\nextendedKeyUsage=serverAuth\n' "$host") 2>/dev/null
		cp "$ca/ca.crt" "$certs/$p-ca.crt"
	done
	cp "$ca/ca.crt" "$R/root/deploy-ca.crt"
}

if [ "${1:-}" = --inside ]; then
	inside "$2"
	exit 0
fi

# ---------------------------------------------------------------------------
# outside: extract the steps, write the checks, run, report

[ "$(id -u)" -eq 0 ] || { echo "tests/deploy/run.sh: needs root"; echo "0 passed, 1 failed"; exit 1; }

W=$(mktemp -d /tmp/duijie-deploy.XXXXXX)
cleanup() {
	if [ -n "${DUIJIE_DEPLOY_KEEP:-}" ]; then
		echo "# kept $W"
	else
		rm -rf "$W"
	fi
}
trap cleanup EXIT
mkdir -p "$W/upper" "$W/work" "$W/root"

# Each ```sh step block, headed by an echo naming its section.
awk '
	/^## / { section = substr($0, 4) }
	/^```sh step[[:space:]]*$/ { inblock = 1; n++; printf "echo \"==> step %d (%s)\"\n", n, section; next }
	/^```/ && inblock { inblock = 0; print ""; next }
	inblock { print }
	END { if (inblock) { print "unterminated step block" > "/dev/stderr"; exit 1 } }
' "$DOC" >"$W/steps.sh"
nsteps=$(grep -c '^echo "==> step ' "$W/steps.sh" || true)

# The checks, run in the chroot after the steps (with the steps' exit
# status as $1).  The site values come from the steps' own first block.
{
	sed -n '/^INTERNET_HOST=/p; /^INTRANET_HOST=/p; /^INTRANET_ADDR=/p' "$W/steps.sh"
	cat <<'CHECKS'
n=0 fail=0
ok() {	# ok DESCRIPTION COMMAND...
	local d=$1
	shift
	n=$((n + 1))
	if out=$("$@" 2>&1); then
		echo "ok $n - $d"
	else
		echo "not ok $n - $d"
		printf '%s\n' "$out" | tail -n 15 | sed 's/^/#   /'
		fail=$((fail + 1))
	fi
}
get() {	# get HOST ADDR PATH: the body, the certificate checked against the CA
	curl -fsS --retry 10 --retry-delay 1 --retry-all-errors \
		--resolve "$1:443:$2" "https://$1$3"
}
has() { grep -q -- "$1"; }

# R-14 (two portals): each answers its own sign-in page through nginx
ok "every step of docs/DEPLOY.md ran (exit $1)" test "$1" -eq 0
ok "internet portal: /login through nginx is the enterprise sign-in" \
	sh -c "curl -fsS --resolve '$INTERNET_HOST:443:127.0.0.1' 'https://$INTERNET_HOST/login' | grep -q '企业用户在此登录'"
ok "intranet portal: /login through nginx is the staff sign-in" \
	sh -c "curl -fsS --resolve '$INTRANET_HOST:443:$INTRANET_ADDR' 'https://$INTRANET_HOST/login' | grep -q '政府机构、金融机构和运行管理机构的用户在此登录'"
ok "the intranet portal is not served on the public address" \
	sh -c "! curl -sk --resolve '$INTRANET_HOST:443:127.0.0.1' 'https://$INTRANET_HOST/login' | grep -q '政府机构、金融机构和运行管理机构的用户在此登录'"
ok "plain HTTP redirects to HTTPS" \
	sh -c "curl -sS -o /dev/null -w '%{http_code} %{redirect_url}' --resolve '$INTERNET_HOST:80:127.0.0.1' 'http://$INTERNET_HOST/x' | grep -qx '301 https://$INTERNET_HOST/x'"
# the workers production.values asks for (every *_WORKERS line, the sign-in
# pools' too: those are named duijie-signin), and the 2 masters
NPROC=$(awk -F= '/^[A-Z_]*_WORKERS=/ { n += $2 } END { print n + 2 }' /etc/duijie/production.values)
procs() {
	ps -C duijie,duijie-signin -o user=,comm=,args=
	test "$(ps -C duijie,duijie-signin -o user= | grep -c '^duijie$')" -eq "$NPROC" &&
		test "$(ps -C duijie,duijie-signin -o user= | grep -vc '^duijie$')" -eq 0
}
ok "masters and workers run as duijie (2 masters, the *_WORKERS of production.values: $NPROC processes)" procs
ok "the sockets: duijie:duijie 0660 in /run/duijie" \
	sh -c 'test -S /run/duijie/internet.sock && test -S /run/duijie/intranet.sock && test "$(stat -c "%U:%G %a" /run/duijie/*.sock | sort -u)" = "duijie:duijie 660"'
ok "secrets.hdf: duijie 0600; secrets-admin.hdf: root 0600; duijie.hdf: root:duijie 0640" \
	sh -c 'test "$(stat -c "%U:%G %a" /etc/duijie/secrets.hdf /etc/duijie/secrets-admin.hdf /etc/duijie/duijie.hdf | tr "\n" " ")" = "duijie:duijie 600 root:root 600 root:duijie 640 "'
ok "the portals' request logs: root:adm 0640, written" \
	sh -c 'test "$(stat -c "%U:%G %a" /var/log/duijie/internet.log /var/log/duijie/intranet.log | sort -u)" = "root:adm 640" && test -s /var/log/duijie/internet.log'
ok "the workers cannot read secrets-admin.hdf" \
	sh -c '! setpriv --reuid=duijie --regid=duijie --init-groups cat /etc/duijie/secrets-admin.hdf'
ok "binary log on, log_bin_trust_function_creators back to 0" \
	sh -c 'test "$(mariadb -N -e "SELECT @@log_bin, @@binlog_format, @@log_bin_trust_function_creators")" = "$(printf "1\tROW\t0")"'
ok "the triggers exist, defined by duijie_admin@localhost" \
	sh -c 'test "$(mariadb -N -e "SELECT COUNT(*) FROM information_schema.triggers WHERE trigger_schema = \"duijie\" AND definer = \"duijie_admin@localhost\"")" -ge 8'
ok "duijie_app holds no DDL right" \
	sh -c '! mariadb -N -e "SHOW GRANTS FOR duijie_app@localhost" | grep -Eq "ALL PRIVILEGES|CREATE|ALTER|DROP|TRIGGER|SUPER"'
ok "the first operator exists" \
	sh -c 'test "$(mariadb -N -e "SELECT COUNT(*) FROM duijie.users WHERE username = \"op-gd\"")" -eq 1'
for s in duijie-audit-seal duijie-loans-expire duijie-gram-stats duijie-purge; do
	ok "$s.service (its timer's job) succeeds" systemctl start "$s.service"
done
ok "audit-seal verified the chain" grep -q 'audit-verify' /run/systemctl-shim/duijie-audit-seal.service.out
ok "systemd-analyze security: duijie@.service exposure <= 2.0" \
	sh -c 'systemd-analyze security --offline=yes /etc/systemd/system/duijie@.service | awk "/Overall exposure level/ { x = \$(NF - 2) + 0; print; exit !(x <= 2.0) }"'
ok "reload: SIGHUP to the internet master, the portal keeps answering" \
	sh -c "systemctl reload duijie@internet && sleep 2 && curl -fsS --retry 5 --retry-delay 1 --retry-all-errors --resolve '$INTERNET_HOST:443:127.0.0.1' 'https://$INTERNET_HOST/healthz'"
rotated() {	# the portals' and nginx's logs rotate, nginx reopens its own
	logrotate -f /etc/logrotate.d/duijie || return 1
	ls -l /var/log/duijie/
	ls /var/log/duijie/internet.log-* /var/log/duijie/nginx-internet.access.log-* || return 1
	sleep 1
	get "$INTERNET_HOST" 127.0.0.1 /login >/dev/null || return 1
	sleep 1
	ls -l /var/log/duijie/nginx-internet.access.log
	test -s /var/log/duijie/nginx-internet.access.log
}
ok "logrotate: the portals' and nginx's logs rotate, nginx reopens its own" rotated
echo "$((n - fail)) passed, $fail failed"
CHECKS
} >"$W/checks.sh"

echo "# docs/DEPLOY.md: $nsteps steps; work directory $W"
start=$(date +%s)
rc=0
unshare --mount --net --pid --fork --kill-child -- "$0" --inside "$W" || rc=$?
echo "# $(($(date +%s) - start)) s; steps exit $(cat "$W/steps.rc" 2>/dev/null || echo '?')"
if [ "$(cat "$W/steps.rc" 2>/dev/null || echo 1)" != 0 ]; then
	[ ! -s "$W/boot.log" ] || sed 's/^/# boot: /' "$W/boot.log"
	echo "# the steps' output (last 40 lines):"
	tail -n 40 "$W/steps.log" | sed 's/^/#   /'
fi
if [ -s "$W/checks.log" ]; then
	cat "$W/checks.log"
else
	echo "not ok 1 - the namespaces or the chroot could not be set up (exit $rc)"
	echo "0 passed, 1 failed"
	exit 1
fi
tail -n 1 "$W/checks.log" | grep -q ' 0 failed$'
