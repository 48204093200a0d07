#!/usr/bin/env bash
# t_52_claim.sh -- claiming an enterprise that exists without users (a row
# a credit import created, or one whose account was revoked): the legal
# representative on record must match; without one the account waits for
# the region's operator, who checks the business licence (R-06.1, R-02.2,
# R-09.4, R-10.1, X-SEC, X-AUD).  Issue 12 item 9.
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
U_REP=$(uscc_for 440304 "$(r8 30000000)")	# Shenzhen, representative on record
U_LIC=$(uscc_for 440106 "$(r8 40000000)")	# Guangzhou, none on record
U_REF=$(uscc_for 440104 "$(r8 50000000)")	# Guangzhou, none: refused
ID1=$(id_for 44030419800101123)
ID2=$(id_for 44030419851212456)
ID3=$(id_for 44010619900606789)
mob() { printf '13%d%08d' "$1" $((RANDOM * 3000 + 1000)); }
M1=$(mob 1) M2=$(mob 2) M3=$(mob 3) M4=$(mob 5) M5=$(mob 6)
PW=Lic-Verify-Q8z-2027
jar=$(jar_of claim)
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

# --- a row with a representative on record (its account was revoked) ----------
reg_args repco-$$ "$U_REP" "$M1" 张三 "$ID1" 深圳原有科技有限公司
send_code
register "$M1"
expect_status 303 "R-06.1 setup: a new enterprise registers (multipart form, no licence)"
sql "UPDATE users SET status = 'revoked' WHERE username = 'repco-$$'"
eid=$(sql "SELECT id FROM enterprises WHERE uscc = '$U_REP'")
c0=$(changes_of "$U_REP")

# mismatching representative: refused next to the field, nothing changed
rm -f "$jar"
reg_args thief-$$ "$U_REP" "$M2" 张三 "$ID2" 冒名顶替有限公司
send_code
expect_body 'id="claim-match"' "R-06.1 the form says the representative on record must be matched"
register "$M2"
expect_status 200 "X-SEC R-06.1 a claim with the wrong legal ID number is refused"
case $(field_error legal_id) in *与平台记录不符*) ok "X-SEC ... with the message next to the ID field" ;;
	*) not_ok "X-SEC ... with the message next to the ID field" "$(field_error legal_id)" ;; esac
expect_body 'value="冒名顶替有限公司"' "X-UI ... the form keeps what was typed"
expect_no_body "$PW" "X-SEC ... never the password"
expect_eq "$(sql "SELECT COUNT(*) FROM users WHERE username = 'thief-$$'")" 0 "X-SEC ... no account was made"
expect_eq "$(sql "SELECT name FROM enterprises WHERE id = $eid")" 深圳原有科技有限公司 "X-SEC ... the name on record is unchanged"
expect_eq "$(changes_of "$U_REP")" "$c0" "R-10.1 ... and no change was recorded"
expect_eq "$(sql "SELECT COUNT(*) FROM audit_log WHERE action = 'enterprise.claim' AND outcome = 'denied' AND object_id = '$eid'")" 1 \
	"X-AUD ... the refused claim is audited"
sql "UPDATE sms_codes SET created_at = created_at - INTERVAL 2 MINUTE WHERE client_addr LIKE '127.%'"
reg_args thief-$$ "$U_REP" "$M2" 李四 "$ID1" 冒名顶替有限公司
send_code
register "$M2"
case $(field_error legal_name) in *与平台记录不符*) ok "X-SEC R-06.1 the wrong representative's name is refused too" ;;
	*) not_ok "X-SEC R-06.1 the wrong representative's name is refused too" "$(field_error legal_name)" ;; esac

# matching representative: active at once, the new name recorded with history
rm -f "$jar"
reg_args heir-$$ "$U_REP" "$M3" 张三 "$ID1" 深圳认领科技有限公司
send_code
register "$M3"
expect_status 303 "R-06.1 a claim matching the representative on record succeeds"
expect_header Location '^/profile\?welcome=1$' "R-06.1 ... signed in, on the profile"
expect_eq "$(sql "SELECT CONCAT(status, '/', org_id) FROM users WHERE username = 'heir-$$'")" "active/$eid" \
	"R-06.1 ... the account is active and attached to the existing row"
expect_eq "$(sql "SELECT name FROM enterprises WHERE id = $eid")" 深圳认领科技有限公司 "R-06.1 ... the typed name replaces the old one"
expect_eq "$(sql "SELECT CONCAT(old_value, '>', new_value) FROM enterprise_changes WHERE enterprise_id = $eid AND field = 'ent_name' ORDER BY id DESC LIMIT 1")" \
	"深圳原有科技有限公司>深圳认领科技有限公司" "R-10.1 ... with a history row holding the old and the new name"
expect_eq "$(sql "SELECT COUNT(*) FROM audit_log WHERE action = 'enterprise.claim' AND outcome = 'ok' AND object_id = '$eid'")" 1 \
	"X-AUD ... the claim is audited"

# --- a row without a representative (as a credit import makes it) ------------------
sql "INSERT INTO enterprises (uscc, name, region_code) VALUES ('$U_LIC', '预先导入的企业', '440100'), ('$U_REF', '另一家导入的企业', '440100')"
lid=$(sql "SELECT id FROM enterprises WHERE uscc = '$U_LIC'")
printf '%%PDF-1.4\n%%\xe2\xe3\xcf\xd3\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%%%EOF\n' >"$T_TMP/licence.pdf"
printf '<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>\n' >"$T_TMP/evil.pdf"
{ printf '%%PDF-1.4\n'; head -c $((5 * 1024 * 1024)) /dev/zero; } >"$T_TMP/big.pdf"
{ printf '%%PDF-1.4\n'; head -c $((7 * 1024 * 1024)) /dev/zero; } >"$T_TMP/huge.pdf"
printf '\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\1\0\0\0\1\x08\x02\0\0\0' >"$T_TMP/licence.png"
files0=$(find "$LICDIR" -type f 2>/dev/null | wc -l)

rm -f "$jar"
reg_args claimant-$$ "$U_LIC" "$M4" 李雷 "$ID3" 广州认领贸易有限公司
send_code
expect_body 'id="claim-licence"' "R-06.1 the form says a business licence is needed for this USCC"
register "$M4"
expect_status 200 "R-06.1 without a representative on record the licence is required"
case $(field_error licence) in *请上传营业执照*) ok "R-06.1 ... with the message next to the licence field" ;;
	*) not_ok "R-06.1 ... with the message next to the licence field" "$(field_error licence)" ;; esac
expect_eq "$(sql "SELECT COUNT(*) FROM users WHERE username = 'claimant-$$'")" 0 "R-06.1 ... and no account is made"
register "$M4" -F "licence=@$T_TMP/evil.pdf;type=application/pdf"
case $(field_error licence) in *PDF、JPG*) ok "X-SEC an HTML file named .pdf (sent as application/pdf) is refused by its content" ;;
	*) not_ok "X-SEC an HTML file named .pdf (sent as application/pdf) is refused by its content" "$(field_error licence)" ;; esac
register "$M4" -F "licence=@$T_TMP/big.pdf;type=application/pdf"
case $(field_error licence) in *5\ MB*) ok "X-SEC a licence over Limits.licence_max (5 MiB) is refused next to the field" ;;
	*) not_ok "X-SEC a licence over Limits.licence_max (5 MiB) is refused next to the field" "$STATUS $(field_error licence)" ;; esac
register "$M4" -F "licence=@$T_TMP/huge.pdf;type=application/pdf"
expect_status 413 "X-SEC a body far over the registration's limit is refused unread (413)"
expect_eq "$(sql "SELECT COUNT(*) FROM users WHERE username = 'claimant-$$'")" 0 "X-SEC ... none of the refused uploads made an account"
expect_eq "$(find "$LICDIR" -type f 2>/dev/null | wc -l)" "$files0" "X-SEC ... nor stored a file"
register "$M4" -F "licence=@$T_TMP/licence.pdf;filename=营业执照.pdf;type=application/pdf"
expect_status 303 "R-06.1 with a PDF licence the claim is sent (the SMS code was not used up by the refusals)"
expect_header Location '^/register\?pending=1$' "R-06.1 ... to the page that says it waits for the operator"
expect_no_header Set-Cookie "X-SEC ... and nobody is signed in"
req GET "$INTERNET/register?pending=1"
expect_body 'id="claim-pending"' "R-06.1 the pending page explains what happens next"
expect_eq "$(sql "SELECT status FROM users WHERE username = 'claimant-$$'")" pending "R-06.1 the account is pending"
cid=$(sql "SELECT id FROM enterprise_claims WHERE enterprise_id = $lid")
expect_eq "$(sql "SELECT CONCAT(status, '/', region_code, '/', licence_type) FROM enterprise_claims WHERE id = '$cid'")" pending/440100/pdf \
	"R-06.1 a claim waits in the enterprise's region with the sniffed type"
stored=$(sql "SELECT licence_file FROM enterprise_claims WHERE id = '$cid'")
if cmp -s "$LICDIR/$stored" "$T_TMP/licence.pdf"; then ok "R-06.1 the licence is stored as sent under Paths.licences"; else not_ok "R-06.1 the licence is stored as sent under Paths.licences" "$stored"; fi
case $LICDIR in "$DUIJIE_SRC/views"*) not_ok "X-SEC the licence directory is outside the web root" ;; *) ok "X-SEC the licence directory is outside the web root" ;; esac
expect_eq "$(sql "SELECT CONCAT(name, '/', legal_name, '/', legal_id_idx IS NULL) FROM enterprises WHERE id = $lid")" "预先导入的企业//1" \
	"R-10.1 nothing on the enterprise row changes before the approval"
expect_eq "$(changes_of "$U_LIC")" 0 "R-10.1 ... and no history row yet"
if sql "SELECT HEX(legal_id_enc), legal_name FROM enterprise_claims WHERE id = '$cid'" | grep -q "$ID3"; then
	not_ok "R-09.4 the claimed ID number is sealed"; else ok "R-09.4 the claimed ID number is sealed"; fi

# a pending account cannot sign in; only the right password learns why
login "$INTERNET" "claimant-$$" "$PW"
expect_status 200 "R-06.1 a pending account cannot sign in"
expect_no_header Set-Cookie "X-SEC ... no session is made" 
case $(field_error username) in *等待*核实*) ok "R-06.1 ... the right password gets a clear message that it waits for the operator" ;;
	*) not_ok "R-06.1 ... the right password gets a clear message that it waits for the operator" "$(field_error username)" ;; esac
login "$INTERNET" "claimant-$$" "Wrong-Pass-2027-x"
expect_eq "$(field_error username | sed 's/.*>//')" "用户名或密码错误" "X-SEC ... a wrong password learns nothing of the claim"
login "$INTERNET" "claimant-$$" "$PW"

# the operators: region scope, the licence, the decision
# a Foshan operator of this file's own (the demo op-fs has TOTP after t_30)
FS_OP=t52-fs-$$
otp=$("$DUIJIE_BUILD/duijie-admin" --config "$DUIJIE_CONF" create-operator "$FS_OP" \
	--name 测试员 --contact 0757-12345678 --region 440600 | sed -n 's/^one-time password.*: //p')
sql "UPDATE users SET must_change_pw = 0 WHERE username = '$FS_OP'"
login "$INTRANET" "$FS_OP" "$otp"
expect_status 303 "R-02.2 (set up) a Foshan operator signs in"
fs=$(jar_of "$FS_OP")
req GET "$INTRANET/claims" --jar "$fs"
expect_status 200 "R-02.2 a city's operator opens the list of claims"
expect_no_body "data-claim=\"$cid\"" "R-02.2 ... another city's claim is not in it"
nd0=$(sql "SELECT COUNT(*) FROM audit_log WHERE action = 'access.denied' AND object_type = 'claim' AND object_id = '$cid' AND outcome = 'denied' AND detail = 'region scope' AND actor_id = (SELECT id FROM users WHERE username = '$FS_OP')")
req GET "$INTRANET/claims/$cid" --jar "$fs"
expect_status 404 "R-02.2 another city's operator gets 404 for the claim"
req GET "$INTRANET/claims/$cid/licence" --jar "$fs"
expect_status 404 "R-02.2 ... and for its licence"
post_form "$fs" "$INTRANET/claims" "$INTRANET/claims/$cid/decide" --data-urlencode result=approve
expect_status 404 "R-02.2 ... and cannot decide it"
expect_eq "$(sql "SELECT COUNT(*) FROM audit_log WHERE action = 'access.denied' AND object_type = 'claim' AND object_id = '$cid' AND outcome = 'denied' AND detail = 'region scope' AND actor_id = (SELECT id FROM users WHERE username = '$FS_OP')")" "$((nd0 + 3))" \
	"X-AUD R-02.2 the three out-of-scope requests are access.denied audit rows (the dispatcher's scoped load)"
expect_eq "$(sql "SELECT status FROM enterprise_claims WHERE id = '$cid'")" pending "R-02.2 ... which is still pending"

login "$INTRANET" op-gd
req GET "$INTRANET/claims" --jar "$(jar_of op-gd)"
expect_body "data-claim=\"$cid\"" "R-02.2 the province's operator sees every region's claims"

login "$INTRANET" op-gz
gz=$(jar_of op-gz)
req GET "$INTRANET/claims" --jar "$gz"
expect_body "data-claim=\"$cid\"" "R-06.1 the region's operator sees the pending claim"
expect_body '广州认领贸易有限公司' "R-06.1 ... with the name it claims"
req GET "$INTRANET/claims/$cid" --jar "$gz"
expect_status 200 "R-06.1 the region's operator opens the claim"
expect_body 'id="claim-record-name">预先导入的企业<' "R-06.1 ... next to the name on record"
expect_body 'id="claim-legal-id">4401\*+[0-9X]{3,4}<' "R-09.4 ... the claimed ID number masked"
expect_no_body "$ID3" "R-09.4 ... never whole"
expect_body 'id="decide"' "R-06.1 ... with the form to decide"
req GET "$INTRANET/claims/$cid/licence" --jar "$gz"
expect_status 200 "R-06.1 the operator views the licence"
expect_header Content-Type '^application/pdf' "X-SEC ... served with the sniffed type"
expect_header Content-Disposition '^inline' "R-06.1 ... inline"
expect_header X-Content-Type-Options nosniff "X-SEC ... with nosniff"
if cmp -s "$RESP_BODY" "$T_TMP/licence.pdf"; then ok "R-06.1 ... byte for byte"; else not_ok "R-06.1 ... byte for byte"; fi
req GET "$INTRANET/claims/$cid/licence?download=1" --jar "$gz"
expect_header Content-Disposition '^attachment; filename="licence-[0-9]+\.pdf"' "R-06.1 the licence can be downloaded"
login "$INTRANET" sup-gz
post_form "$(jar_of sup-gz)" "$INTRANET/claims/$cid" "$INTRANET/claims/$cid/decide" --data-urlencode result=approve
expect_status 403 "R-02.2 a supervisor reads but does not decide claims"
post_form "$gz" "$INTRANET/claims/$cid" "$INTRANET/claims/$cid/decide" --data-urlencode result=refuse
expect_status 200 "R-06.1 a refusal needs a reason"
case $(field_error reason) in *原因*) ok "R-06.1 ... said next to the field" ;; *) not_ok "R-06.1 ... said next to the field" "$(field_error reason)" ;; esac
expect_eq "$(sql "SELECT status FROM enterprise_claims WHERE id = '$cid'")" pending "R-06.1 ... and nothing was decided"
post_form "$gz" "$INTRANET/claims/$cid" "$INTRANET/claims/$cid/decide" --data-urlencode result=approve
expect_status 303 "R-06.1 the region's operator approves the claim"
expect_header Location '^/claims\?done=approved$' "R-06.1 ... back to the list"
expect_eq "$(sql "SELECT status FROM users WHERE username = 'claimant-$$'")" active "R-06.1 ... the account is active"
expect_eq "$(sql "SELECT CONCAT(name, '/', legal_name, '/', legal_id_idx IS NOT NULL) FROM enterprises WHERE id = $lid")" "广州认领贸易有限公司/李雷/1" \
	"R-06.1 ... the claimed values are on record"
expect_eq "$(sql "SELECT GROUP_CONCAT(field ORDER BY field) FROM enterprise_changes WHERE enterprise_id = $lid")" "ent_name,legal_id,legal_name,reg_no" \
	"R-10.1 ... each changed field with its history row"
expect_eq "$(sql "SELECT sealed FROM enterprise_changes WHERE enterprise_id = $lid AND field = 'legal_id'")" 1 "R-09.4 ... the ID number sealed in the history"
expect_eq "$(sql "SELECT COUNT(*) FROM audit_log WHERE action = 'claim.approve' AND object_id = '$cid'")" 1 "X-AUD ... the approval is audited"
post_form "$gz" "$INTRANET/claims/$cid" "$INTRANET/claims/$cid/decide" --data-urlencode result=refuse --data-urlencode reason=再次
expect_status 409 "R-06.1 a decided claim cannot be decided again"
expect_eq "$(sql "SELECT status FROM users WHERE username = 'claimant-$$'")" active "R-06.1 ... the account stays active"
login "$INTERNET" "claimant-$$" "$PW"
expect_status 303 "R-06.1 after the approval the enterprise signs in"

# the approval tells the claimant: an in-site notice (站内消息) and an SMS,
# written in the approval's transaction (lib/accounts/inbox.c; issues 14, 15)
cj=$(jar_of "claimant-$$")
nq="FROM inbox i JOIN users u ON u.id = i.user_id WHERE u.username = 'claimant-$$'"
expect_eq "$(sql "SELECT COUNT(*) $nq")" 1 "R-06.1 X-AUD the approval left the claimant exactly one notice"
nid=$(sql "SELECT i.id $nq AND i.kind = 'claim.approved' AND i.link = '/profile' AND i.read_at IS NULL")
expect_eq "$([ -n "$nid" ] && echo yes)" yes "R-06.1 ... a claim.approved notice, unread, linking to the profile"
req GET "$INTERNET/profile" --jar "$cj"
expect_body 'id="inbox-unread"[^>]*>1<' "R-06.1 the header of a signed-in page shows 1 unread notice"
req GET "$INTERNET/inbox" --jar "$cj"
expect_status 200 "R-06.1 the claimant opens its 消息 list"
expect_body "data-notice=\"$nid\" data-kind=\"claim.approved\" class=\"unread\"" "R-06.1 ... the notice is there, unread"
expect_body '<strong class="notice-title">企业认领已通过审核</strong>' "R-06.1 ... its title in bold"
for i in $(seq 1 100); do [ "$(sql "SELECT sms $nq AND i.id = $nid")" = pending ] || break; sleep 0.1; done
expect_eq "$(sql "SELECT sms $nq AND i.id = $nid")" sent "R-06.1 the notice's SMS went to the sender after the answer"
if grep " $M4 " "$OUTBOX" | grep -q '您有一条新消息：企业认领已通过审核'; then ok "R-06.1 ... to the claimant's mobile, with the notice's title"
else not_ok "R-06.1 ... to the claimant's mobile, with the notice's title" "$(tail -n 3 "$OUTBOX")"; fi
login "$INTERNET" ent-a
nd0=$(sql "SELECT COUNT(*) FROM audit_log WHERE action = 'access.denied' AND object_type = 'inbox' AND object_id = '$nid'")
post_form "$(jar_of ent-a)" "$INTERNET/inbox" "$INTERNET/inbox/$nid/read"
expect_status 404 "R-02.2 another enterprise's user gets 404 marking someone else's notice read"
expect_eq "$(sql "SELECT read_at IS NULL $nq AND i.id = $nid")" 1 "R-02.2 ... and the notice stays unread"
expect_eq "$(sql "SELECT COUNT(*) FROM audit_log WHERE action = 'access.denied' AND object_type = 'inbox' AND object_id = '$nid'")" "$((nd0 + 1))" \
	"X-AUD ... the refusal is an access.denied audit row"
post_form "$cj" "$INTERNET/inbox" "$INTERNET/inbox/$nid/read"
expect_status 303 "R-06.1 the claimant marks its notice read"
expect_header Location '^/inbox\?done=read$' "R-06.1 ... back to the list"
expect_eq "$(sql "SELECT read_at IS NOT NULL $nq AND i.id = $nid")" 1 "R-06.1 ... it is read"
expect_eq "$(sql "SELECT COUNT(*) FROM audit_log WHERE action = 'inbox.read' AND object_id = '$nid'")" 1 "X-AUD ... audited in its transaction"
req GET "$INTERNET/inbox" --jar "$cj"
expect_body "data-notice=\"$nid\" data-kind=\"claim.approved\" class=\"read\"" "R-06.1 ... and shown as read"
expect_no_body 'id="inbox-unread"' "R-06.1 ... the header shows no unread count any more"

# refused: the account is revoked, the row unchanged
rm -f "$jar"
reg_args refused-$$ "$U_REF" "$M5" 王五 "$ID2" 广州冒领有限公司
send_code
register "$M5" -F "licence=@$T_TMP/licence.png;filename=licence.png;type=image/png"
expect_status 303 "R-06.1 a claim with a PNG licence is sent"
rid=$(sql "SELECT c.id FROM enterprise_claims c JOIN enterprises e ON e.id = c.enterprise_id WHERE e.uscc = '$U_REF'")
expect_eq "$(sql "SELECT licence_type FROM enterprise_claims WHERE id = '$rid'")" png "R-06.1 ... sniffed as PNG"
post_form "$gz" "$INTRANET/claims/$rid" "$INTRANET/claims/$rid/decide" --data-urlencode result=refuse \
	--data-urlencode "reason=营业执照与企业名称不符"
expect_status 303 "R-06.1 the operator refuses a claim with a reason"
expect_eq "$(sql "SELECT CONCAT(status, '/', reason) FROM enterprise_claims WHERE id = '$rid'")" "refused/营业执照与企业名称不符" \
	"R-06.1 ... the claim keeps the reason"
expect_eq "$(sql "SELECT status FROM users WHERE username = 'refused-$$'")" revoked "R-06.1 ... the account is revoked"
expect_eq "$(sql "SELECT CONCAT(name, '/', legal_name) FROM enterprises WHERE uscc = '$U_REF'")" "另一家导入的企业/" "R-10.1 ... the row is unchanged"
expect_eq "$(sql "SELECT COUNT(*) FROM audit_log WHERE action = 'claim.refuse' AND object_id = '$rid'")" 1 "X-AUD ... the refusal is audited"
login "$INTERNET" "refused-$$" "$PW"
expect_eq "$(field_error username | sed 's/.*>//')" "用户名或密码错误" "R-06.1 ... and it cannot sign in"
req GET "$INTRANET/claims" --jar "$gz"
expect_no_body "data-claim=\"$rid\"" "R-06.1 decided claims leave the list"

done_testing
