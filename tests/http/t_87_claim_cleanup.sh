#!/usr/bin/env bash
# t_87_claim_cleanup.sh -- the business licence of a refused claim is not
# kept: the refusal deletes the file under Paths.licences once it is
# committed (its audit row says so); an approved claim keeps its licence
# (R-06.1, R-09.4, X-SEC, X-AUD).  Issue 12 item 9, loose end (a).
# The pending claimant withdraws its own claim from the only page it
# reaches (the sign-in answer), proven by its password: the claim ends
# withdrawn, the account revoked, the licence deleted, all audited; nobody
# else can withdraw it (loose end (b)).
. "$(dirname "$0")/lib.sh"

OUTBOX=$DUIJIE_STATE/sms-outbox.log
LICDIR=$DUIJIE_STATE/licences
last_code() { sms_settle; grep " $1 " "$OUTBOX" 2>/dev/null | tail -n 1 | grep -o '验证码为 [0-9]\{6\}' | grep -o '[0-9]\{6\}'; }

uscc_for() { # REGION6 ORG8: a valid USCC (GB 32100)
	awk -v p="91$1$2" 'BEGIN {
		cs = "0123456789ABCDEFGHJKLMNPQRTUWXY"; split("3 7 9 10 5 8 4 2", ow, " ")
		s = 0; for (i = 1; i <= 8; i++) s += substr(p, 8 + i, 1) * ow[i]
		c = 11 - s % 11; oc = c == 10 ? "X" : c == 11 ? "0" : c
		p = p oc; w = 1; s = 0
		for (i = 1; i <= 17; i++) { s += (index(cs, substr(p, i, 1)) - 1) * w; w = w * 3 % 31 }
		c = (31 - s % 31) % 31; print p substr(cs, c + 1, 1) }'
}
id_for() { # 17 digits: a valid resident ID (GB 11643)
	awk -v p="$1" 'BEGIN { split("7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2", w, " ")
		s = 0; for (i = 1; i <= 17; i++) s += substr(p, i, 1) * w[i]
		print p substr("10X98765432", s % 11 + 1, 1) }'
}
r8() { printf '%08d' $((RANDOM * 3 + $1)); }
U_OK=$(uscc_for 440106 "$(r8 60000000)")	# Guangzhou, none on record: approved
U_REF=$(uscc_for 440104 "$(r8 70000000)")	# Guangzhou, none: refused
U_WD=$(uscc_for 440103 "$(r8 80000000)")	# Guangzhou, none: withdrawn
ID1=$(id_for 44010619800303123)
ID2=$(id_for 44010619850404456)
ID3=$(id_for 44010319870505789)
mob() { printf '13%d%08d' "$1" $((RANDOM * 3000 + 1000)); }
M1=$(mob 7) M2=$(mob 8) M3=$(mob 9)
PW=Lic-Clean-R7y-2027
jar=$(jar_of claim87)
rm -f "$jar"
sql "DELETE FROM sms_codes WHERE client_addr LIKE '127.%'"

# reg USERNAME USCC MOBILE LEGAL_NAME LEGAL_ID ENT_NAME [curl -F args...]:
# the registration as the browser sends it (the form is multipart)
reg_args() {
	local u=$1 uscc=$2 m=$3 ln=$4 lid=$5 en=$6
	shift 6
	REG=("$@" --form-string "username=$u" --form-string "uscc=$uscc"
		--form-string "ent_name=$en" --form-string "reg_no=$uscc" --form-string "agree=1"
		--form-string "legal_name=$ln" --form-string "legal_id=$lid"
		--form-string "contact_name=韩梅梅" --form-string "mobile=$m"
		--form-string "password=$PW" --form-string "password2=$PW")
}
# post_mp JAR URL [curl args]: the form's csrf_token, then a multipart POST
post_mp() {
	local j=$1 url=$2 tok
	shift 2
	req GET "$INTERNET/register" --jar "$j"
	tok=$(csrf_from_body)
	req POST "$url" --jar "$j" -H "Origin: $INTERNET" --form-string "csrf_token=$tok" "$@"
}
send_code() { post_mp "$jar" "$INTERNET/register/sms" "${REG[@]}"; }
register() { local m=$1; shift; post_mp "$jar" "$INTERNET/register" "${REG[@]}" --form-string "sms_code=$(last_code "$m")" "$@"; }
field_error() { grep -o "id=\"$1-error\">[^<]*" "$RESP_BODY" | head -n 1; }
changes_of() { sql "SELECT COUNT(*) FROM enterprise_changes c JOIN enterprises e ON e.id = c.enterprise_id WHERE e.uscc = '$1'"; }


sql "INSERT INTO enterprises (uscc, name, region_code) VALUES ('$U_OK', '待认领企业甲', '440100'), ('$U_REF', '待认领企业乙', '440100'), ('$U_WD', '待认领企业丙', '440100')"
printf '%%PDF-1.4\n%%\xe2\xe3\xcf\xd3\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%%%EOF\n' >"$T_TMP/licence.pdf"
printf '\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\1\0\0\0\1\x08\x02\0\0\0' >"$T_TMP/licence.png"
claim_of() { sql "SELECT c.id FROM enterprise_claims c JOIN enterprises e ON e.id = c.enterprise_id WHERE e.uscc = '$1'"; }
file_of() { sql "SELECT licence_file FROM enterprise_claims WHERE id = '$1'"; }

rm -f "$jar"
reg_args keep87-$$ "$U_OK" "$M1" 陈一 "$ID1" 广州保留执照有限公司
send_code
register "$M1" -F "licence=@$T_TMP/licence.pdf;filename=licence.pdf;type=application/pdf"
expect_status 303 "R-06.1 (set up) a claim with a PDF licence is sent"
rm -f "$jar"
reg_args drop87-$$ "$U_REF" "$M2" 陈二 "$ID2" 广州冒领执照有限公司
send_code
register "$M2" -F "licence=@$T_TMP/licence.png;filename=licence.png;type=image/png"
expect_status 303 "R-06.1 (set up) a second claim with a PNG licence is sent"
kid=$(claim_of "$U_OK") rid=$(claim_of "$U_REF")
kfile=$(file_of "$kid") rfile=$(file_of "$rid")
if [ -n "$kfile" ] && [ -f "$LICDIR/$kfile" ]; then ok "R-06.1 (set up) the first licence is stored under Paths.licences"; else not_ok "R-06.1 (set up) the first licence is stored under Paths.licences" "$LICDIR/$kfile"; fi
if [ -n "$rfile" ] && [ -f "$LICDIR/$rfile" ]; then ok "R-06.1 (set up) the second licence is stored under Paths.licences"; else not_ok "R-06.1 (set up) the second licence is stored under Paths.licences" "$LICDIR/$rfile"; fi

login "$INTRANET" op-gz
gz=$(jar_of op-gz)
post_form "$gz" "$INTRANET/claims/$kid" "$INTRANET/claims/$kid/decide" --data-urlencode result=approve
expect_status 303 "R-06.1 the region's operator approves the first claim"
if cmp -s "$LICDIR/$kfile" "$T_TMP/licence.pdf"; then ok "R-06.1 ... an approved claim keeps its licence file"; else not_ok "R-06.1 ... an approved claim keeps its licence file" "$LICDIR/$kfile"; fi
req GET "$INTRANET/claims/$kid/licence" --jar "$gz"
expect_status 200 "R-06.1 ... which the operator can still open"

post_form "$gz" "$INTRANET/claims/$rid" "$INTRANET/claims/$rid/decide" --data-urlencode result=refuse \
	--data-urlencode "reason=营业执照与企业名称不符"
expect_status 303 "R-06.1 the operator refuses the second claim with a reason"
expect_eq "$(sql "SELECT status FROM enterprise_claims WHERE id = '$rid'")" refused "R-06.1 ... the claim is refused"
if [ -e "$LICDIR/$rfile" ]; then not_ok "X-SEC R-09.4 the refused claim's licence file is deleted" "$LICDIR/$rfile still there"; else ok "X-SEC R-09.4 the refused claim's licence file is deleted"; fi
expect_eq "$(sql "SELECT COUNT(*) FROM audit_log WHERE action = 'claim.refuse' AND object_id = '$rid' AND detail LIKE '%licence removed%'")" 1 \
	"X-AUD ... the refusal's audit row notes the licence was removed"
if [ -f "$LICDIR/$kfile" ]; then ok "R-06.1 ... the approved claim's file is untouched by the refusal"; else not_ok "R-06.1 ... the approved claim's file is untouched by the refusal"; fi
req GET "$INTRANET/claims/$rid/licence" --jar "$gz"
expect_status 404 "X-SEC the refused claim's licence is no longer served (404, not an error)"
req GET "$INTRANET/claims/$rid" --jar "$gz"
expect_body 'id="licence-removed"' "R-06.1 the refused claim's page says the licence was deleted"
expect_no_body 'id="licence-view"' "R-06.1 ... and links to no file"

# --- (b) the claimant withdraws its own pending claim --------------------------
PW_OWN=$PW
PW=Wd-Own-Claim-K3x-2027
rm -f "$jar"
reg_args wd87-$$ "$U_WD" "$M3" 陈三 "$ID3" 广州撤回申请有限公司
send_code
register "$M3" -F "licence=@$T_TMP/licence.pdf;filename=licence.pdf;type=application/pdf"
expect_status 303 "R-06.1 (set up) a third claim is sent"
wid=$(claim_of "$U_WD") wfile=$(file_of "$wid")
wuid=$(sql "SELECT id FROM users WHERE username = 'wd87-$$'")
if [ -n "$wfile" ] && [ -f "$LICDIR/$wfile" ]; then ok "R-06.1 (set up) its licence is stored"; else not_ok "R-06.1 (set up) its licence is stored" "$LICDIR/$wfile"; fi

login "$INTERNET" "wd87-$$" "$PW"
expect_status 200 "R-06.1 the pending claimant's right password gets the waiting page"
expect_body 'id="claim-withdraw"' "R-06.1 ... which offers to withdraw the claim"
expect_body 'name="username" value="wd87-' "R-06.1 ... for the account that signed in"
login "$INTERNET" "wd87-$$" "Wrong-Pass-2027-x"
expect_no_body 'id="claim-withdraw"' "X-SEC a wrong password is not offered the withdrawal"

# nobody else withdraws it: not the approved enterprise with its own password
aj=$(jar_of attacker87)
rm -f "$aj"
post_form "$aj" "$INTERNET/login" "$INTERNET/login/withdraw" \
	--data-urlencode "username=wd87-$$" --data-urlencode "withdraw_password=$PW_OWN"
expect_status 200 "X-SEC another user's password cannot withdraw someone else's claim"
expect_eq "$(field_error withdraw_password | sed 's/.*>//')" "用户名或密码错误" "X-SEC ... it gets the one message next to the field"
expect_no_body "$PW_OWN" "X-SEC ... the password is not echoed"
post_form "$aj" "$INTERNET/login" "$INTERNET/login/withdraw" \
	--data-urlencode "username=keep87-$$" --data-urlencode "withdraw_password=$PW_OWN"
expect_status 200 "X-SEC an active account's right password on the withdrawal form gets the one message"
expect_eq "$(field_error withdraw_password | sed 's/.*>//')" "用户名或密码错误" "X-SEC ... next to the field"
expect_eq "$(sql "SELECT status FROM users WHERE username = 'keep87-$$'")" active "R-06.1 ... and it stays active"
expect_eq "$(sql "SELECT COUNT(*) FROM audit_log WHERE action = 'login' AND outcome = 'ok' AND actor_id = (SELECT id FROM users WHERE username = 'keep87-$$')")" 0 \
	"X-AUD ... and it is no sign-in"
req POST "$INTERNET/login/withdraw" --jar "$aj" -H "Origin: $INTERNET" \
	--data-urlencode "username=wd87-$$" --data-urlencode "withdraw_password=$PW"
expect_status 403 "X-SEC a withdrawal without the CSRF token is refused"
expect_eq "$(sql "SELECT CONCAT(c.status, '/', u.status) FROM enterprise_claims c JOIN users u ON u.id = c.user_id WHERE c.id = '$wid'")" pending/pending \
	"X-SEC ... none of these changed the claim or its account"
if [ -f "$LICDIR/$wfile" ]; then ok "X-SEC ... nor removed its licence"; else not_ok "X-SEC ... nor removed its licence"; fi

wj=$(jar_of wd87-$$)
rm -f "$wj"
post_form "$wj" "$INTERNET/login" "$INTERNET/login/withdraw" \
	--data-urlencode "username=wd87-$$" --data-urlencode "withdraw_password=$PW"
expect_status 303 "R-06.1 the claimant withdraws its pending claim with its password"
expect_header Location '^/login\?withdrawn=1$' "R-06.1 ... back to the sign-in page"
expect_no_header Set-Cookie "X-SEC ... without a session"
req GET "$INTERNET/login?withdrawn=1"
expect_body 'id="claim-withdrawn"' "R-06.1 ... which says the claim was withdrawn"
expect_eq "$(sql "SELECT CONCAT(status, '/', decided_by) FROM enterprise_claims WHERE id = '$wid'")" "withdrawn/$wuid" \
	"R-06.1 the claim ends withdrawn, by the claimant"
expect_eq "$(sql "SELECT status FROM users WHERE id = $wuid")" revoked "R-06.1 ... the account is closed (revoked)"
if [ -e "$LICDIR/$wfile" ]; then not_ok "X-SEC R-09.4 ... the withdrawn claim's licence file is deleted" "$LICDIR/$wfile"; else ok "X-SEC R-09.4 ... the withdrawn claim's licence file is deleted"; fi
expect_eq "$(sql "SELECT COUNT(*) FROM audit_log WHERE action = 'claim.withdraw' AND object_id = '$wid' AND actor_id = $wuid AND detail LIKE '%licence removed%'")" 1 \
	"X-AUD the withdrawal is audited as the claimant's, noting the removed licence"
expect_eq "$(sql "SELECT COUNT(*) FROM audit_log WHERE action = 'revoke' AND object_id = '$wuid'")" 1 \
	"X-AUD ... with the account's revocation"
expect_eq "$(sql "SELECT CONCAT(name, '/', legal_name) FROM enterprises WHERE uscc = '$U_WD'")" "待认领企业丙/" "R-10.1 ... the enterprise row is unchanged"
post_form "$wj" "$INTERNET/login" "$INTERNET/login/withdraw" \
	--data-urlencode "username=wd87-$$" --data-urlencode "withdraw_password=$PW"
expect_status 200 "R-06.1 a withdrawn claim cannot be withdrawn again (the password is gone)"
login "$INTERNET" "wd87-$$" "$PW"
expect_eq "$(field_error username | sed 's/.*>//')" "用户名或密码错误" "R-06.1 the withdrawn account cannot sign in"
req GET "$INTRANET/claims" --jar "$gz"
expect_no_body "data-claim=\"$wid\"" "R-06.1 the withdrawn claim left the operators' list"
req GET "$INTRANET/claims/$wid" --jar "$gz"
expect_body 'id="claim-status">企业已撤回' "R-06.1 its page shows it withdrawn by the enterprise"
req GET "$INTRANET/claims/$wid/licence" --jar "$gz"
expect_status 404 "X-SEC ... and serves no licence"

done_testing
