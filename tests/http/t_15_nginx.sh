#!/usr/bin/env bash
# t_15_nginx.sh -- what nginx answers by itself (issue 12: items 11, 12, 12b,
# 5's rate limit and "the test stack uses the production rate-limit map"):
# body limits per location, nginx's own error pages, the TLS profile and the
# sign-in rate limit, on the test stack's nginx, which includes the shipped
# conf/nginx/duijie-common.conf (X-SEC, X-UI).
. "$(dirname "$0")/lib.sh"

NGX_DIR=$DUIJIE_STATE/nginx
HOSTPORT_NET=${INTERNET#https://}
HOSTPORT_LAN=${INTRANET#https://}

# nginx_page CODE WHAT: the last response is nginx's own Chinese page for
# CODE (views/static/errors/), with the app's security headers, UTF-8, not
# cached, and the request id that nginx logged, in the body and the header.
nginx_page() {
	local code=$1 what=$2 rid
	expect_status "$code" "X-SEC $what: HTTP $code"
	expect_body 'id="nginx-error"' "X-UI $what: nginx's own page from views/static/errors/"
	expect_body '<html lang="zh-CN">' "X-UI $what: the page is in Chinese"
	expect_no_body '<center>|</?hr>' "X-UI $what: not nginx's English default page"
	expect_header Content-Type '^text/html; charset=utf-8$' "X-SEC $what: text/html; charset=utf-8"
	expect_header Content-Security-Policy "^default-src 'self'; script-src 'self';.*frame-ancestors 'none'$" \
		"X-SEC $what: the app's Content-Security-Policy"
	expect_header X-Content-Type-Options '^nosniff$' "X-SEC $what: nosniff"
	expect_header Referrer-Policy '^same-origin$' "X-SEC $what: Referrer-Policy"
	expect_header X-Frame-Options '^DENY$' "X-SEC $what: X-Frame-Options"
	expect_header Strict-Transport-Security 'max-age=31536000' "X-SEC $what: HSTS"
	expect_header Cache-Control 'no-store' "X-SEC $what: not cached"
	rid=$(header X-Request-Id)
	if printf '%s' "$rid" | grep -Eqx '[0-9a-f]{32}' &&
		grep -Fq "请求编号：<code>$rid</code>（HTTP $code）" "$RESP_BODY"; then
		ok "X-UI $what: the page shows its request id and status"
	else
		not_ok "X-UI $what: the page shows its request id and status" "X-Request-Id: $rid" "$(_context)"
	fi
	# the access log is written when the request ends, i.e. by now
	if [ -n "$rid" ] && grep -qs " $code [0-9]* [0-9.]* rid=$rid" "$NGX_DIR"/access-*.log; then
		ok "X-SEC $what: the id is the one nginx logged"
	else
		not_ok "X-SEC $what: the id is the one nginx logged" "rid=$rid not in $NGX_DIR/access-*.log"
	fi
}

# not_nginx_413 WHAT: the last request got past nginx to the app (whatever
# the app answered), i.e. nginx did not refuse its body
not_nginx_413() {
	if [ "$STATUS" != 000 ] && ! grep -q 'id="nginx-error"' "$RESP_BODY"; then
		ok "X-SEC $1: nginx passes the body to the app (HTTP $STATUS from the app)"
	else
		not_ok "X-SEC $1: nginx passes the body to the app" "$(_context)"
	fi
}

# --- 12. nginx's own error pages ------------------------------------------------
for base in "$INTERNET" "$INTRANET"; do
	req GET "$base/static/no-such-file.css"
	nginx_page 404 "a missing static file on $base"
done
req GET "$INTERNET/static/errors/404.html"
expect_status 404 "X-SEC the error pages are not served as pages of their own (internal)"

req POST "$INTERNET/static/style.css" -d 'a=1'
nginx_page 405 "a POST to a static file"

# A Host header nginx cannot parse: nginx answers 400 before any location.
req GET "$INTERNET/" --http1.1 -H 'Host: bad/host'
nginx_page 400 "a malformed request"

# The test stack's nginx has, on its internet server only, a location
# answering nginx's own 500, 503 and 504, and one whose upstream socket does
# not exist (502): scripts/dev nginx_test_locations.
for code in 500 503 504; do
	req GET "$INTERNET/__nginx-test/$code"
	nginx_page "$code" "nginx's own $code"
done
req GET "$INTERNET/__nginx-test/502"
nginx_page 502 "the workers unreachable (502)"
expect_body '服务暂时不可用' "X-UI the 502 page says the service is unavailable"

# The app's own pages pass through as they are.
req GET "$INTERNET/no-such-page"
expect_status 404 "X-SEC an unknown dynamic path is the app's 404"
expect_no_body 'id="nginx-error"' "X-SEC the app's 404 page is not replaced by nginx's"
expect_body '请求编号：<code>' "X-UI the app's 404 page shows its request id"

# --- 11. body size per location -------------------------------------------------
mkbody() { head -c "$2" /dev/zero | tr '\0' 'a' >"$T_TMP/$1"; }
mkbody 1m1 $((1024 * 1024 + 4096))
mkbody 1m0 $((1024 * 1024 - 4096))
mkbody 3m $((3 * 1024 * 1024))
mkbody 7m $((7 * 1024 * 1024))
mkbody 20m $((20 * 1024 * 1024 + 65536))
mkbody 22m $((22 * 1024 * 1024))
form=(-H 'Content-Type: application/x-www-form-urlencoded')

# the form limit (Limits.body_max, 1 MiB) everywhere but the upload routes
for url in "$INTERNET/login" "$INTERNET/password/forgot" "$INTERNET/profile/edit" \
	"$INTRANET/login" "$INTRANET/agency-forms/new"; do
	req POST "$url" "${form[@]}" --data-binary "@$T_TMP/1m1"
	nginx_page 413 "a body just over 1 MiB to ${url#https://*/}"
done
req POST "$INTERNET/login" "${form[@]}" --data-binary "@$T_TMP/1m0"
not_nginx_413 "a body just under 1 MiB to /login"

# /register and /register/sms take the business licence (<= 5 MiB): 6 MiB
for path in /register /register/sms; do
	req POST "$INTERNET$path" "${form[@]}" --data-binary "@$T_TMP/3m"
	not_nginx_413 "3 MiB to $path"
	req POST "$INTERNET$path" "${form[@]}" --data-binary "@$T_TMP/7m"
	nginx_page 413 "7 MiB to $path"
done

# /credit/import takes a CSV of up to Limits.upload_max (20 MiB)
req POST "$INTRANET/credit/import" -H 'Content-Type: text/csv' --data-binary "@$T_TMP/20m"
not_nginx_413 "20 MiB and a little to /credit/import"
req POST "$INTRANET/credit/import" -H 'Content-Type: text/csv' --data-binary "@$T_TMP/22m"
nginx_page 413 "22 MiB to /credit/import"
req POST "$INTRANET/credit/batches" -H 'Content-Type: text/csv' --data-binary "@$T_TMP/3m"
nginx_page 413 "3 MiB to another intranet route (the upload limit is only on /credit/import)"

# routes that take an attachment (lib/store/files.h, Limits.attachment_max,
# 10 MiB): the loan messages and an objection's filing, 11 MiB on both portals
mkbody 10m $((10 * 1024 * 1024 + 65536))
mkbody 12m $((12 * 1024 * 1024))
for base in "$INTERNET" "$INTRANET"; do
	for path in /loans/1/messages /objections/new; do
		req POST "$base$path" "${form[@]}" --data-binary "@$T_TMP/10m"
		not_nginx_413 "10 MiB and a little to $path (${base##*:})"
		req POST "$base$path" "${form[@]}" --data-binary "@$T_TMP/12m"
		nginx_page 413 "12 MiB to $path (${base##*:})"
	done
done
req POST "$INTERNET/inbox/read-all" "${form[@]}" --data-binary "@$T_TMP/3m"
nginx_page 413 "3 MiB to /inbox/read-all (the attachment limit is only on its routes)"

# --- 12b. TLS: Mozilla "intermediate" -------------------------------------------
# tls HOSTPORT ARGS...: "OK CIPHER PROTOCOL" when the handshake succeeds,
# "REFUSED" otherwise.  @SECLEVEL=0: the client offers whatever it is told,
# so a refusal is the server's.
tls() {
	local hp=$1 out
	shift
	out=$(timeout 20 openssl s_client -connect "$hp" -servername localhost "$@" </dev/null 2>&1)
	if [ $? -eq 0 ] && printf '%s\n' "$out" | grep -q '^New, TLS'; then
		# "New, TLSv1.2, Cipher is ECDHE-RSA-AES128-GCM-SHA256"
		printf '%s\n' "$out" | sed -n 's/^New, \(TLS[^,]*\), Cipher is \(.*\)$/OK \2 \1/p' | head -n 1
	else
		echo REFUSED
	fi
}
for hp in "$HOSTPORT_NET" "$HOSTPORT_LAN"; do
	expect_eq "$(tls "$hp" -tls1_2 -cipher 'AES128-SHA:@SECLEVEL=0')" REFUSED \
		"X-SEC $hp refuses static-RSA key exchange (no forward secrecy): -tls1_2 -cipher AES128-SHA"
	expect_eq "$(tls "$hp" -tls1_2 -cipher 'AES256-GCM-SHA384:@SECLEVEL=0')" REFUSED \
		"X-SEC $hp refuses static-RSA even with AES-GCM (AES256-GCM-SHA384)"
	expect_eq "$(tls "$hp" -tls1_2 -cipher 'ECDHE-ECDSA-AES128-SHA:@SECLEVEL=0')" REFUSED \
		"X-SEC $hp refuses ECDHE with CBC (ECDHE-ECDSA-AES128-SHA)"
	expect_eq "$(tls "$hp" -tls1_2 -cipher 'ECDHE-RSA-AES256-SHA384:@SECLEVEL=0')" REFUSED \
		"X-SEC $hp refuses ECDHE with CBC (ECDHE-RSA-AES256-SHA384)"
	expect_eq "$(tls "$hp" -tls1_1 -cipher 'DEFAULT:@SECLEVEL=0')" REFUSED \
		"X-SEC $hp refuses TLS 1.1"
	# the refusals are the cipher list's: the same key types work with AEAD
	expect_eq "$(tls "$hp" -tls1_2 -cipher ECDHE-RSA-AES128-GCM-SHA256)" \
		"OK ECDHE-RSA-AES128-GCM-SHA256 TLSv1.2" \
		"X-SEC $hp has an RSA certificate too and offers ECDHE-RSA-AES128-GCM-SHA256"
	expect_eq "$(tls "$hp" -tls1_2 -cipher ECDHE-ECDSA-CHACHA20-POLY1305)" \
		"OK ECDHE-ECDSA-CHACHA20-POLY1305 TLSv1.2" \
		"X-SEC $hp offers ECDHE-ECDSA-CHACHA20-POLY1305 on TLS 1.2"
	expect_eq "$(tls "$hp" -tls1_3 | cut -d ' ' -f 1,3)" "OK TLSv1.3" "X-SEC $hp offers TLS 1.3"
done
expect_eq "$(grep -c '^ssl_ciphers ECDHE-ECDSA-AES128-GCM-SHA256:' "$DUIJIE_SRC/conf/nginx/duijie-common.conf")" 1 \
	"X-SEC the cipher list is in duijie-common.conf, which the shipped site and this stack include"
expect_eq "$(grep -c 'ssl_ciphers\|ssl_protocols' "$DUIJIE_SRC/conf/nginx/duijie.conf" "$NGX_DIR/nginx.conf" |
	awk -F: '{ s += $2 } END { print s }')" 0 \
	"X-SEC neither the shipped site nor this stack's nginx.conf sets other protocols or ciphers"
expect_eq "$(grep -cE '^ssl_stapling(_verify)? on;' "$DUIJIE_SRC/conf/nginx/duijie.conf")" 2 \
	"X-SEC the shipped site staples OCSP answers (and verifies them)"
expect_eq "$(grep -c '^ *ssl_trusted_certificate ' "$DUIJIE_SRC/conf/nginx/duijie.conf")" 2 \
	"X-SEC the shipped site names each portal's issuer chain for stapling"

# --- 5 and the classes: the sign-in rate limit ----------------------------------
# 10 POSTs a minute per address, in bursts of 6 (burst 5): 11 POSTs at once
# from one address, each with its own X-Duijie-Test-Client header (which
# bypassed the limit of the test stack before), and no CSRF token (the app
# answers 403 at once; nginx counts the POST all the same).
burst() { # ADDR URL: CODES is the STATUS of each POST, space-separated;
	# STATUS, BODY etc. are the 11th's
	local addr=$1 url=$2 i
	CODES=''
	for ((i = 1; i <= 11; i++)); do
		REQ_CLIENT=$addr req POST "$url" -H "X-Duijie-Test-Client: t15-$$-$i" -d 'username=x&password=y'
		CODES="${CODES:+$CODES }$STATUS"
	done
}
check_burst() { # WHAT CODES
	local what=$1 codes=$2 first six
	set -- $codes
	first="$1 $2 $3 $4 $5 $6"
	case " $first " in
	*' 429 '*) not_ok "X-SEC $what: the first 6 POSTs pass" "statuses: $codes" ;;
	*) ok "X-SEC $what: the first 6 POSTs pass" ;;
	esac
	expect_eq "${11}" 429 "X-SEC $what: the 11th POST within a minute from one address is refused"
	expect_body 'id="nginx-error"' "X-UI $what: the refusal is nginx's Chinese 429 page"
}

burst 127.0.1.1 "$INTERNET/login"
check_burst "POST /login (internet)" "$CODES"
nginx_page 429 "the rate limit of /login"
expect_body '尝试次数过多' "X-UI the 429 page says there were too many attempts"
REQ_CLIENT=127.0.1.1 req GET "$INTERNET/login"
expect_status 200 "X-SEC GET /login from the same address is not counted"
REQ_CLIENT=127.0.1.2 req POST "$INTERNET/login" -d 'username=x&password=y'
expect_status 403 "X-SEC the limit is per address: another address still reaches the app"

burst 127.0.1.3 "$INTRANET/login/totp"
check_burst "POST /login/totp (intranet)" "$CODES"
burst 127.0.1.4 "$INTRANET/login/enrol"
check_burst "POST /login/enrol (intranet)" "$CODES"
burst 127.0.1.5 "$INTERNET/register/sms"
check_burst "POST /register/sms" "$CODES"
burst 127.0.1.6 "$INTERNET/password/forgot/sms"
check_burst "POST /password/forgot/sms" "$CODES"
burst 127.0.1.7 "$INTRANET/login"
check_burst "POST /login (intranet)" "$CODES"

# lib.sh spreads the other tests over 127.0.0.2..250
REQ_CLIENT='' req GET "$INTERNET/healthz"
case $REQ_ADDR in
127.0.0.*) n=${REQ_ADDR##*.}
	[ "$n" -ge 2 ] && [ "$n" -le 250 ] && ok "X-SEC lib.sh sends from a rotating loopback address ($REQ_ADDR)" ||
		not_ok "X-SEC lib.sh sends from a rotating loopback address" "REQ_ADDR=$REQ_ADDR" ;;
*) not_ok "X-SEC lib.sh sends from a rotating loopback address" "REQ_ADDR=$REQ_ADDR" ;;
esac
grep -qs "^$REQ_ADDR \[.*\"GET /healthz\"" "$NGX_DIR/access-internet.log" &&
	ok "X-SEC nginx saw the request from $REQ_ADDR" ||
	not_ok "X-SEC nginx saw the request from $REQ_ADDR" "$(tail -n 3 "$NGX_DIR/access-internet.log")"
expect_eq "$(grep -ci 'x_duijie_test_client\|x-duijie-test-client' "$NGX_DIR/nginx.conf" "$DUIJIE_SRC/scripts/dev" |
	awk -F: '{ s += $2 } END { print s }')" 0 \
	"X-SEC the test stack's rate-limit key has no bypass header"

done_testing
