#!/usr/bin/env bash
# t_00_smoke.sh -- the test nginx answers over TLS on both portals and serves
# /static/ itself with the security headers (the harness's own smoke test).
. "$(dirname "$0")/lib.sh"

for base in "$INTERNET" "$INTRANET"; do
	req GET "$base/static/style.css"
	expect_status '200|404' "X-SEC nginx serves /static/ on $base (style.css may not exist yet)"
	expect_header Server '^nginx$' "X-SEC server_tokens off: no nginx version on $base"
	expect_header Strict-Transport-Security 'max-age=31536000' "X-SEC HSTS on $base/static/"
	expect_header X-Content-Type-Options '^nosniff$' "X-SEC nosniff on $base/static/"
	expect_header Content-Security-Policy "frame-ancestors 'none'" "X-SEC CSP on $base/static/"
	expect_header Referrer-Policy '^same-origin$' "X-SEC Referrer-Policy on $base/static/"

	# TLS: the certificate verifies against the stack's own CA file.
	verify=$(curl -s --cacert "$DUIJIE_CA" -o /dev/null -w '%{http_code} %{ssl_verify_result}' \
		"$base/static/style.css" 2>&1)
	expect_eq "${verify#* }" 0 "X-SEC TLS certificate of $base verifies (127.0.0.1 in subjectAltName)"
done

done_testing
