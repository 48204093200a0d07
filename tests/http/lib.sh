# tests/http/lib.sh -- sourced by every tests/http/t_*.sh.
# shellcheck shell=bash disable=SC2034
#
# The runner (tests/http/run) exports:
#   INTERNET, INTRANET   base URLs, e.g. https://127.0.0.1:18443
#   DUIJIE_STATE         the stack's state dir;  DUIJIE_CONF its duijie.hdf
#   DUIJIE_BUILD         the build dir (duijie, duijie-admin)
#   DUIJIE_SRC           the source tree;  DUIJIE_CA the self-signed cert
#
# Requests through nginx:
#   req METHOD URL [--jar FILE] [curl options...]
#       e.g. req GET "$INTERNET/"
#            req POST "$INTERNET/login" --jar "$T_TMP/jar" -d 'username=a&password=b'
#            req POST "$INTERNET/upload" -F 'file=@x.csv;type=text/csv' -H 'Origin: ...'
#       Any curl option passes through (-H, -d, --data-urlencode, -F, -b, ...);
#       --jar FILE reads and writes a cookie jar.  Redirects are not followed.
#       Sets STATUS (e.g. 200; 000 when no response), HEADERS (the last
#       response's header lines, CR stripped), BODY (text), and the files
#       $RESP_HEADERS and $RESP_BODY; REQ_DESC is "METHOD URL" for messages.
#       The test nginx has the production rate limit (10 sign-in, SMS and
#       reset POSTs a minute per client address), so each request is sent
#       from the next loopback address, 127.0.0.2 .. 127.0.0.250 (curl
#       --interface; the start differs per file).  Set REQ_CLIENT to one
#       address (e.g. REQ_CLIENT=127.0.0.251) to send from it alone: to test
#       the limit, or a per-address rule of the app.  REQ_ADDR is the address
#       the last request was sent from.
# Requests straight to a portal's FastCGI socket (bypassing nginx):
#   fcgi SOCKET METHOD URI [--data BODY] [NAME=VALUE...]
#       SOCKET is internet or intranet ($DUIJIE_STATE/run/SOCKET.sock).
#       DUIJIE_PORTAL defaults to SOCKET; override it (and any other param)
#       with NAME=VALUE, e.g.  fcgi internet GET / DUIJIE_PORTAL=intranet
#       Sets STATUS/HEADERS/BODY like req.
# Assertions (DESC should cite requirement IDs: "R-02.1 internet home is served"):
#   expect_status CODE DESC            CODE is an ERE: 200, '30[23]', '200|404'
#   expect_header NAME ERE DESC        some NAME header's value matches ERE
#   expect_no_header NAME DESC
#   expect_body ERE DESC / expect_no_body ERE DESC
#   expect_eq ACTUAL EXPECTED DESC / ok DESC (pass) / not_ok DESC [DETAIL]
#   header NAME   prints the first NAME header's value
#   cookie JAR NAME   prints a cookie's value from a jar
# Helpers:  dev db-stop | dev db-start   (scripts/dev on this state dir)
#           T_TMP  a private temp dir, removed at exit
# End each file with:  done_testing   (prints "N passed, N failed"; exits 1
# on any failure).

set -uo pipefail
export LC_ALL=C.UTF-8

: "${INTERNET:?run HTTP tests through tests/http/run}"
: "${INTRANET:?run HTTP tests through tests/http/run}"
: "${DUIJIE_STATE:?run HTTP tests through tests/http/run}"
: "${DUIJIE_SRC:?run HTTP tests through tests/http/run}"

T_PASS=0
T_FAIL=0
T_NAME=$(basename "$0" .sh)
T_TMP=$(mktemp -d "/tmp/duijie-http-$T_NAME.XXXXXX")
trap 'rm -rf "$T_TMP"' EXIT
RESP_HEADERS=$T_TMP/resp.headers
RESP_BODY=$T_TMP/resp.body
STATUS=000 HEADERS='' BODY='' REQ_DESC='' REQ_ADDR=''
REQ_SEQ=0
# where this file's rotation over 127.0.0.2..250 starts
REQ_ADDR0=$((($$ + RANDOM) % 249))

dev() {
	"$DUIJIE_SRC/scripts/dev" "$@"
}

# _load_response RAW_HEADERS_FILE: keep only the last header block (after
# 100 Continue and the like), CR stripped.
_load_response() {
	awk '{ sub(/\r$/, "") }
		/^HTTP\// { n = 0; delete h }
		/^$/ { next }
		{ h[n++] = $0 }
		END { for (i = 0; i < n; i++) print h[i] }' "$1" >"$RESP_HEADERS"
	HEADERS=$(cat "$RESP_HEADERS")
	BODY=$(cat "$RESP_BODY" 2>/dev/null || true)
}

req() {
	local method=$1 url=$2 jar='' rc
	shift 2
	local -a args=()
	while [ $# -gt 0 ]; do
		case $1 in
		--jar) jar=$2; shift 2 ;;
		*) args+=("$1"); shift ;;
		esac
	done
	if [ -n "$jar" ]; then
		[ -f "$jar" ] || : >"$jar"
		args+=(-b "$jar" -c "$jar")
	fi
	case $method in
	GET) ;;
	HEAD) args+=(--head) ;;
	*) args+=(-X "$method") ;;
	esac
	REQ_SEQ=$((REQ_SEQ + 1))
	REQ_ADDR=${REQ_CLIENT:-127.0.0.$((2 + (REQ_ADDR0 + REQ_SEQ) % 249))}
	REQ_DESC="$method $url (from $REQ_ADDR)"
	: >"$RESP_BODY"
	: >"$T_TMP/raw.headers"
	STATUS=$(curl -sk --max-time 30 \
		-H 'Expect:' --interface "$REQ_ADDR" \
		-D "$T_TMP/raw.headers" -o "$RESP_BODY" -w '%{http_code}' \
		"${args[@]}" -- "$url" 2>"$T_TMP/curl.err")
	rc=$?
	[ -n "$STATUS" ] || STATUS=000
	if [ "$rc" -ne 0 ]; then
		printf '# curl exit %s for %s: %s\n' "$rc" "$REQ_DESC" "$(head -c 300 "$T_TMP/curl.err")"
	fi
	# curl --head writes the headers to -o as well; a HEAD has no body
	[ "$method" = HEAD ] && : >"$RESP_BODY"
	_load_response "$T_TMP/raw.headers"
	return 0
}

fcgi() {
	local sock=$1 method=$2 uri=$3 data='' path query
	shift 3
	if [ "${1:-}" = --data ]; then
		data=$2
		shift 2
	fi
	path=${uri%%\?*}
	query=
	case $uri in *\?*) query=${uri#*\?} ;; esac
	REQ_DESC="fcgi $sock $method $uri"
	local raw=$T_TMP/fcgi.raw
	local -a envs=(
		GATEWAY_INTERFACE=CGI/1.1 SERVER_PROTOCOL=HTTP/1.1 SERVER_SOFTWARE=cgi-fcgi
		REQUEST_METHOD="$method" DOCUMENT_URI="$path" SCRIPT_NAME="$path"
		REQUEST_URI="$uri" QUERY_STRING="$query"
		CONTENT_TYPE="${data:+application/x-www-form-urlencoded}" CONTENT_LENGTH=
		REMOTE_ADDR=127.0.0.1 REMOTE_PORT=40000 SERVER_ADDR=127.0.0.1
		SERVER_PORT=443 SERVER_NAME=127.0.0.1 HTTP_HOST=127.0.0.1 HTTPS=on
		REQUEST_SCHEME=https REQUEST_ID="test-$T_NAME-$$-$RANDOM"
		DUIJIE_PORTAL="$sock"
	)
	# CONTENT_LENGTH counts bytes, not characters
	if [ -n "$data" ]; then
		envs+=(CONTENT_LENGTH="$(printf '%s' "$data" | wc -c)")
	fi
	printf '%s' "$data" |
		env -i "${envs[@]}" "$@" cgi-fcgi -bind -connect "$DUIJIE_STATE/run/$sock.sock" \
			>"$raw" 2>"$T_TMP/fcgi.err"
	# split the CGI response: headers up to the first empty line
	awk '{ sub(/\r$/, "") } /^$/ { exit } { print }' "$raw" >"$RESP_HEADERS"
	awk 'body { print; next } { sub(/\r$/, "") } /^$/ { body = 1 }' "$raw" >"$RESP_BODY"
	HEADERS=$(cat "$RESP_HEADERS")
	BODY=$(cat "$RESP_BODY")
	STATUS=$(awk 'tolower($1) == "status:" { print $2; exit }' "$RESP_HEADERS")
	if [ -z "$STATUS" ]; then
		if [ -s "$raw" ]; then STATUS=200; else STATUS=000; fi
	fi
	return 0
}

# header NAME: the first value of header NAME in the last response
header() {
	awk -v n="$1" 'BEGIN { n = tolower(n) }
		{ i = index($0, ":"); if (i && tolower(substr($0, 1, i - 1)) == n) {
			v = substr($0, i + 1); sub(/^[ \t]+/, "", v); print v; exit } }' "$RESP_HEADERS"
}

# cookie JAR NAME: a cookie's value from a curl cookie jar
cookie() {
	awk -v n="$2" -F '\t' '$6 == n { v = $7 } END { if (v != "") print v }' "$1" 2>/dev/null
}

ok() {
	T_PASS=$((T_PASS + 1))
	printf 'ok - %s\n' "$1"
}

# not_ok DESC [DETAIL...]
not_ok() {
	T_FAIL=$((T_FAIL + 1))
	printf 'not ok - %s\n' "$1"
	shift
	local line
	for line in "$@"; do
		printf '%s\n' "$line" | sed 's/^/#   /'
	done
}

_context() {
	printf 'request: %s\nstatus: %s\nheaders:\n%s\nbody (first 15 lines):\n%s' \
		"$REQ_DESC" "$STATUS" "$(sed 's/^/  /' "$RESP_HEADERS")" \
		"$(head -n 15 "$RESP_BODY" | sed 's/^/  /')"
}

expect_status() {
	if printf '%s' "$STATUS" | grep -Eqx -- "$1"; then
		ok "$2"
	else
		not_ok "$2" "expected status $1, got $STATUS" "$(_context)"
	fi
}

# some header NAME has a value matching ERE
expect_header() {
	local name=$1 re=$2 desc=$3
	if awk -v n="$name" 'BEGIN { n = tolower(n) }
		{ i = index($0, ":"); if (i && tolower(substr($0, 1, i - 1)) == n) {
			v = substr($0, i + 1); sub(/^[ \t]+/, "", v); print v } }' "$RESP_HEADERS" |
		grep -Eq -- "$re"; then
		ok "$desc"
	else
		not_ok "$desc" "expected header $name matching /$re/" "$(_context)"
	fi
}

expect_no_header() {
	local name=$1 desc=$2
	if grep -iq -- "^$name:" "$RESP_HEADERS"; then
		not_ok "$desc" "unexpected header: $(grep -i -- "^$name:" "$RESP_HEADERS" | head -n 3)" "$(_context)"
	else
		ok "$desc"
	fi
}

expect_body() {
	if grep -Eq -- "$1" "$RESP_BODY"; then
		ok "$2"
	else
		not_ok "$2" "expected body matching /$1/" "$(_context)"
	fi
}

expect_no_body() {
	if grep -Eq -- "$1" "$RESP_BODY"; then
		not_ok "$2" "body unexpectedly matches /$1/: $(grep -Eo -- "$1" "$RESP_BODY" | head -n 3)" "$(_context)"
	else
		ok "$2"
	fi
}

expect_eq() {
	if [ "$1" = "$2" ]; then
		ok "$3"
	else
		not_ok "$3" "expected: $2" "     got: $1"
	fi
}

# --- signed-in requests ------------------------------------------------------
# Demo accounts (scripts/demo-accounts.txt) all use this password.
DEMO_PW=Demo-Pass-2026

# jar_of USER: the cookie jar file of USER in this test file
# (characters curl would read as cookie text, such as '=', become '_')
jar_of() { printf '%s/jar-%s' "$T_TMP" "$(printf '%s' "$1" | tr -c 'A-Za-z0-9._-' '_')"; }

# csrf_from_body: the csrf_token of the first form in the last response
csrf_from_body() {
	grep -o 'name="csrf_token" value="[^"]*"' "$RESP_BODY" | head -n 1 |
		sed 's/.*value="//; s/"$//'
}

# post_form JAR PAGE_URL POST_URL [curl args...]: GET PAGE_URL with JAR,
# take its form's csrf_token, then POST to POST_URL with it and a
# same-origin Origin header.  Leaves STATUS/HEADERS/BODY of the POST.
post_form() {
	local jar=$1 page=$2 url=$3 tok origin
	shift 3
	req GET "$page" --jar "$jar"
	tok=$(csrf_from_body)
	origin=$(printf '%s' "$url" | sed -E 's|^(https?://[^/]+).*|\1|')
	req POST "$url" --jar "$jar" -H "Origin: $origin" \
		--data-urlencode "csrf_token=$tok" "$@"
}

# login BASE USER [PASSWORD]: signs USER in on BASE (an empty jar first);
# STATUS is the POST's (303 on success); the jar is $(jar_of USER).
login() {
	local base=$1 user=$2 pw=${3:-$DEMO_PW} jar
	jar=$(jar_of "$user")
	rm -f "$jar"
	post_form "$jar" "$base/login" "$base/login" \
		--data-urlencode "username=$user" --data-urlencode "password=$pw"
}

# sql STATEMENT: runs SQL as the database's root on the test stack (for
# setting up cases the UI cannot reach, e.g. moving a session's clock).
sql() {
	mariadb --no-defaults -S "$DUIJIE_STATE/run/mysqld.sock" -uroot -N -B duijie -e "$1"
}

# sms_settle: waits (up to 20 s) until no SMS code of the last 10 minutes
# still waits for its worker to deliver it: codes go out after the answer
# (lib/accounts/sms.h), so read the outbox only after this.  1 on timeout.
sms_settle() {
	local i
	for i in $(seq 1 200); do
		[ "$(sql "SELECT COUNT(*) FROM sms_codes WHERE delivery = 'pending'
			AND created_at > UTC_TIMESTAMP() - INTERVAL 10 MINUTE")" = 0 ] && return 0
		sleep 0.1
	done
	return 1
}

done_testing() {
	printf '%s passed, %s failed\n' "$T_PASS" "$T_FAIL"
	[ "$T_FAIL" -eq 0 ] || exit 1
	exit 0
}

# --- escaping checks (t_13, t_14) ---------------------------------------------
# html_escaped TEXT: TEXT as ClearSilver's html escaping prints it.
html_escaped() { printf '%s' "$1" | sed -e 's/&/\&amp;/g; s/</\&lt;/g; s/>/\&gt;/g; s/"/\&quot;/g' -e "s/'/\&#39;/g"; }

# expect_inert DESC: the last page contains none of the strings in the
# caller's RAW array (the hostile markup it stored).
expect_inert() {
	local m
	for m in "${RAW[@]}"; do
		if grep -qF -- "$m" "$RESP_BODY"; then
			not_ok "$1" "raw markup '$m' in the page" "$(_context)"
			return
		fi
	done
	ok "$1"
}

# expect_escaped VALUE DESC: the last page shows VALUE as escaped text.
expect_escaped() {
	local want
	want=$(html_escaped "$1")
	if grep -qF -- "$want" "$RESP_BODY"; then
		ok "$2"
	else
		not_ok "$2" "expected '$want' in the page" "$(_context)"
	fi
}
