#!/usr/bin/env bash
# t_14_escaping_more.sh -- stored XSS and CSV injection (issue 12 item 10,
# X-SEC), the paths t_13 leaves out: hostile text inside an imported credit
# CSV (its text columns, the enterprise name, the file's name) on the batch
# pages, in errors.csv and on the enterprise's credit pages; hostile notes
# when a change form is checked, returned and approved and when a credit
# request is decided; a hostile suspension reason on the user page, the
# dashboard, the audit log and its CSV; a hostile username signing in, on
# the audit log and its CSV.  Each page: 200, none of the markup, the text
# escaped.  Each CSV: text/csv, nosniff, every cell quoted, and a cell a
# spreadsheet would run as a formula (= + - @) neutralised.
#
# Creates its own enterprise (a random Guangzhou USCC, registered), a new
# enterprise named by the import, a gov user (copy of gov-gz), two
# operators and a change form; withdraws the batch, reactivates the gov
# user, deletes the form and the credit requests not behind a report, so
# later files see the demo data as before.
. "$(dirname "$0")/lib.sh"

OUTBOX=$DUIJIE_STATE/sms-outbox.log
ADMIN=("$DUIJIE_BUILD/duijie-admin" --config "$DUIJIE_CONF")
last_code() { sms_settle; grep " $1 " "$OUTBOX" 2>/dev/null | tail -n 1 | grep -o '验证码为 [0-9]\{6\}' | grep -o '[0-9]\{6\}'; }
uid_of() { sql "SELECT id FROM users WHERE username = '$1'"; }
form_version() { sql "SELECT version FROM agency_forms WHERE id = $1"; }
batch_from_location() { header Location | sed -nE 's|^/credit/batches/([0-9]+).*|\1|p'; }
# A valid Guangdong USCC for a given 8-digit organisation number (GB 32100).
uscc_for() { # REGION6 ORG8
	awk -v p="91$1$2" 'BEGIN {
		cs = "0123456789ABCDEFGHJKLMNPQRTUWXY"; split("3 7 9 10 5 8 4 2", ow, " ")
		s = 0; for (i = 1; i <= 8; i++) s += substr(p, 8 + i, 1) * ow[i]
		c = 11 - s % 11; oc = c == 10 ? "X" : c == 11 ? "0" : c
		p = p oc; w = 1; s = 0
		for (i = 1; i <= 17; i++) { s += (index(cs, substr(p, i, 1)) - 1) * w; w = w * 3 % 31 }
		c = (31 - s % 31) % 31; print p substr(cs, c + 1, 1) }'
}

# The hostile values (as in t_13) and the markup that must never appear.
V_IMG='<img src=x onerror=alert(13)>'
V_QUOTE=\"\''><script>alert(13)</script>'
V_TA='</textarea><b>13</b>'
RAW=('<img src=x onerror=alert(13)>' '<script>alert(13)' '</textarea><b>13')

# html_escaped, expect_inert and expect_escaped: tests/http/lib.sh
# csv_cell TEXT: TEXT as one RFC 4180 field (quoted, quotes doubled)
csv_cell() { local s=${1//\"/\"\"}; printf '"%s"' "$s"; }

# expect_text STRING DESC / expect_no_text STRING DESC: fixed strings
expect_text() {
	if grep -qF -- "$1" "$RESP_BODY"; then ok "$2"; else not_ok "$2" "expected '$1'" "$(_context)"; fi
}
expect_no_text() {
	if grep -qF -- "$1" "$RESP_BODY"; then not_ok "$2" "unexpected '$1'" "$(_context)"; else ok "$2"; fi
}
# shown WHAT VALUE...: the last response is a 200 page with no hostile
# markup and every VALUE escaped
shown() {
	local what=$1 v
	shift
	expect_status 200 "X-SEC $what opens"
	expect_inert "X-SEC $what shows no stored markup"
	for v in "$@"; do
		expect_escaped "$v" "X-SEC $what shows the stored text escaped"
	done
}
page_shows() { # JAR URL WHAT VALUE...
	local jar=$1 url=$2
	shift 2
	req GET "$url" --jar "$jar"
	shown "$@"
}
# csv_ok WHAT: the last response is a CSV download a browser will not
# render as a page
csv_ok() {
	expect_status 200 "X-SEC $1 downloads"
	expect_header Content-Type '^text/csv; charset=utf-8$' "X-SEC $1 is text/csv"
	expect_header X-Content-Type-Options '^nosniff$' "X-SEC $1 is not sniffed as HTML"
	expect_header Content-Disposition '^attachment' "X-SEC $1 is an attachment"
}

TAG=$(printf '%05d' $((RANDOM % 100000)))
U1=$(uscc_for 440100 "$(printf '%08d' $((RANDOM * 9 + 40000000)))")
U2=$(uscc_for 440100 "$(printf '%08d' $((RANDOM * 9 + 40000001)))")
today=$(TZ=Asia/Shanghai date +%F)

login "$INTRANET" gov-gz
GOVGZ=$(jar_of gov-gz)
login "$INTRANET" op-gz
OPGZ=$(jar_of op-gz)
login "$INTRANET" sup-gz
SUPGZ=$(jar_of sup-gz)
login "$INTRANET" aud-gd
AUD=$(jar_of aud-gd)

# --- set up: an enterprise with an account (U2) ------------------------------------
MOBILE=139$(printf '%08d' $((RANDOM * 3000 + 2000)))
ENTU=esc14-$$
ENTJ=$(jar_of "$ENTU")
rm -f "$ENTJ"
PW='Tq8#Escape-Zv42-Nm'
sql "DELETE FROM sms_codes WHERE client_addr = '127.0.0.1'"
REG=(--data-urlencode "username=$ENTU" --data-urlencode "uscc=$U2"
	--data-urlencode "ent_name=十四测试企业$TAG" --data-urlencode "reg_no=$U2" --data-urlencode "agree=1"
	--data-urlencode "legal_name=十四法人" --data-urlencode "legal_id=11010519491231002X"
	--data-urlencode "contact_name=十四联系人" --data-urlencode "mobile=$MOBILE"
	--data-urlencode "password=$PW" --data-urlencode "password2=$PW")
post_form "$ENTJ" "$INTERNET/register" "$INTERNET/register/sms" "${REG[@]}"
post_form "$ENTJ" "$INTERNET/register" "$INTERNET/register" "${REG[@]}" --data-urlencode "sms_code=$(last_code "$MOBILE")"
expect_status 303 "R-08.2c (set up) an enterprise registers"
E2=$(sql "SELECT id FROM enterprises WHERE uscc = '$U2'")

# --- 1. a credit CSV with hostile text (R-09.2) --------------------------------------
PENALTY=2	# 行政处罚: text columns 文号, 违法行为类型, 处罚内容, 处罚机关
req GET "$INTRANET/credit/categories/$PENALTY/template.csv" --jar "$GOVGZ"
HEADER=$(sed '1s/^\xEF\xBB\xBF//' "$RESP_BODY" | tr -d '\r')
upload() { # FILE NAME: the multipart POST of FILE as NAME; leaves STATUS
	local tok
	req GET "$INTRANET/credit/import" --jar "$GOVGZ"
	tok=$(csrf_from_body)
	req POST "$INTRANET/credit/import" --jar "$GOVGZ" -H "Origin: $INTRANET" \
		-F "csrf_token=$tok" -F "category=$PENALTY" -F "encoding=auto" \
		-F "file=@$1;type=text/csv;filename=\"$2\""
}

# a file whose rows all have errors; the values are hostile or formulas
BAD=$T_TMP/bad.csv
row() { # USCC NAME DATE PERIOD DOC KIND AMOUNT AUTHORITY
	printf '%s,%s,%s,%s,%s,违法行为,%s,%s,,%s\r\n' "$(csv_cell "$1")" "$(csv_cell "$2")" \
		"$(csv_cell "$3")" "$(csv_cell "$4")" "$(csv_cell "$5")" "$(csv_cell "$6")" \
		"$(csv_cell "$7")" "$(csv_cell "$8")"
}
{
	printf '%s\r\n' "$HEADER"
	row "$V_QUOTE" 十四企业 2026-10-08 '' "十四文号$TAG-1" 警告 '' 十四机关
	row "$U1" 十四企业 '=1+2' '' "十四文号$TAG-2" 警告 '' 十四机关
	row "$U1" 十四企业 2026-10-08 '' "十四文号$TAG-3" '@SUM(A1)' '' 十四机关
	row "$U1" 十四企业 2026-10-08 '' "十四文号$TAG-4" 罚款 '-4+5' 十四机关
	row "$U1" 十四企业 2026-10-08 '+3' "十四文号$TAG-5" 警告 '' 十四机关
	row "$U1" 十四企业 2026-10-08 '' "十四文号$TAG-6" "$V_IMG" '' 十四机关
} >"$BAD"
upload "$BAD" bad.csv
expect_status 303 "R-09.2 (set up) a file with hostile and formula values is validated"
BB=$(batch_from_location)
expect_eq "$(sql "SELECT rows_error FROM credit_batches WHERE id = '$BB'")" 6 "R-09.2 (set up) ... every row has an error"
page_shows "$GOVGZ" "$INTRANET/credit/batches/$BB" "R-09.2 the batch preview with row errors" "$V_QUOTE" "$V_IMG"
req GET "$INTRANET/credit/batches/$BB/errors.csv" --jar "$GOVGZ"
csv_ok "R-09.2 errors.csv"
for f in '=1+2' '@SUM(A1)' '-4+5' '+3'; do
	expect_text ",\"'$f\"," "X-SEC errors.csv neutralises the formula $f with a leading quote"
	expect_no_text ",\"$f\"," "X-SEC ... and never has it bare"
done
expect_text ",$(csv_cell "$V_QUOTE")," "X-SEC errors.csv keeps quotes inside their cell (doubled)"
post_form "$GOVGZ" "$INTRANET/credit/batches/$BB" "$INTRANET/credit/batches/$BB/discard"
expect_status 303 "R-09.2 (clean up) the batch with errors is discarded"

# a good file: hostile names, text columns and file name
GOOD=$T_TMP/good.csv
DOC1="十四文号$TAG$V_QUOTE"
{
	printf '%s\r\n' "$HEADER"
	printf '%s,%s,2026-10-08,2029-10-08,%s,%s,罚款,100,%s,%s\r\n' "$U1" "$(csv_cell "$V_IMG")" \
		"$(csv_cell "$DOC1")" "$(csv_cell "$V_TA")" "$(csv_cell "$V_IMG$V_TA")" "$(csv_cell "十四机关$V_QUOTE")"
	printf '%s,%s,2026-10-09,,%s,%s,警告,,%s,%s\r\n' "$U2" "$(csv_cell "$V_TA")" \
		"$(csv_cell "十四文号$TAG-2$V_IMG")" "$(csv_cell "$V_QUOTE")" "$(csv_cell "$V_QUOTE")" "$(csv_cell "$V_IMG")"
} >"$GOOD"
FNAME="$V_IMG.csv"
upload "$GOOD" "$FNAME"
expect_status 303 "R-09.2 (set up) a file with hostile text in every text column is validated"
BG=$(batch_from_location)
expect_eq "$(sql "SELECT CONCAT(rows_new, ':', rows_error) FROM credit_batches WHERE id = '$BG'")" "2:0" \
	"R-09.2 (set up) ... two new rows, no errors (hostile text is text)"
page_shows "$GOVGZ" "$INTRANET/credit/batches/$BG" "R-09.2 the batch preview (names, columns, file name)" \
	"$FNAME" "$V_IMG" "$V_TA" "$DOC1" "$V_IMG$V_TA" "十四机关$V_QUOTE" "$V_QUOTE"
page_shows "$OPGZ" "$INTRANET/credit/batches/$BG" "R-09.2 the region's operator's batch preview" "$V_IMG" "$DOC1"
page_shows "$GOVGZ" "$INTRANET/credit/batches" "R-09.2 /credit/batches"
post_form "$GOVGZ" "$INTRANET/credit/batches/$BG" "$INTRANET/credit/batches/$BG/confirm"
expect_status 303 "R-09.2 (set up) the batch is confirmed"
E1=$(sql "SELECT id FROM enterprises WHERE uscc = '$U1'")
expect_eq "$(sql "SELECT name FROM enterprises WHERE id = '$E1'")" "$V_IMG" \
	"R-08.1 (set up) the enterprise the import names is stored with the file's name, as typed"

post_form "$GOVGZ" "$INTRANET/credit/$E1" "$INTRANET/credit/$E1" --data-urlencode "purpose=duty"
shown "R-08.1 /credit/{id} of the imported enterprise (agency)" "$V_IMG" "$DOC1" "$V_TA" "$V_IMG$V_TA" "十四机关$V_QUOTE"
post_form "$GOVGZ" "$INTRANET/credit/$E2" "$INTRANET/credit/$E2" --data-urlencode "purpose=duty"
shown "R-08.1 /credit/{id} of the registered enterprise (agency)" "十四文号$TAG-2$V_IMG" "$V_QUOTE" "$V_IMG"
page_shows "$OPGZ" "$INTRANET/enterprises/$E1" "R-09.4 /enterprises/{id} of the imported enterprise" "$V_IMG"
page_shows "$OPGZ" "$INTRANET/credit?q=$U1" "R-08.1 /credit (search) for the imported enterprise" "$V_IMG"

# --- 2a. a credit request decided with hostile notes (R-08.2c) --------------------------
post_form "$ENTJ" "$INTERNET/my-credit" "$INTERNET/my-credit/apply" --data-urlencode "reason=十四申请一"
expect_status 303 "R-08.2c (set up) the enterprise applies for its report"
REQ1=$(sql "SELECT MAX(id) FROM credit_self_requests WHERE enterprise_id = '$E2'")
post_form "$OPGZ" "$INTRANET/credit-requests" "$INTRANET/credit-requests/$REQ1/decide" \
	--data-urlencode "result=refuse" --data-urlencode "note=$V_IMG$V_TA"
expect_status 303 "R-08.2c (set up) op-gz refuses it with a hostile reason"
post_form "$ENTJ" "$INTERNET/my-credit" "$INTERNET/my-credit/apply" --data-urlencode "reason=十四申请二"
REQ2=$(sql "SELECT MAX(id) FROM credit_self_requests WHERE enterprise_id = '$E2'")
post_form "$OPGZ" "$INTRANET/credit-requests" "$INTRANET/credit-requests/$REQ2/decide" \
	--data-urlencode "result=grant" --data-urlencode "note=$V_QUOTE"
expect_status 303 "R-08.2c (set up) op-gz grants the second with a hostile note"
page_shows "$ENTJ" "$INTERNET/my-credit" "R-08.2c /my-credit (the decisions' notes)" "$V_IMG$V_TA" "$V_QUOTE"
page_shows "$OPGZ" "$INTRANET/credit-requests" "R-08.2c /credit-requests (the decisions' notes)" "$V_IMG$V_TA" "$V_QUOTE"
# the report is issued by a POST (item 15); its page then lists the records
post_form "$ENTJ" "$INTERNET/my-credit" "$INTERNET/my-credit/report"
expect_status 303 "R-08.2c (set up) the enterprise issues its credit report"
req GET "$INTERNET/my-credit/report" --jar "$ENTJ"
shown "R-08.2c /my-credit/report (the imported records)" "十四文号$TAG-2$V_IMG" "$V_QUOTE" "$V_IMG"

# --- 2b. a change form checked, returned and approved with hostile notes (R-04.3) ----------
FORM_ARGS=(--data-urlencode "lines=2" --data-urlencode "apply_date=$today"
	--data-urlencode "op1=open" --data-urlencode "name1=十四测试$TAG"
	--data-urlencode "title1=科员" --data-urlencode "contact1=020-8314$TAG"
	--data-urlencode "net_name=十四网管" --data-urlencode "net_contact=020-83140000"
	--data-urlencode "opinion=同意" --data-urlencode "resp_name=十四负责人"
	--data-urlencode "opinion_date=$today")
post_form "$GOVGZ" "$INTRANET/agency-forms/new" "$INTRANET/agency-forms/new" \
	--data-urlencode "action=submit" "${FORM_ARGS[@]}"
expect_status 303 "R-04.3 (set up) gov-gz submits a change form"
FORM=$(header Location | sed -nE 's|^/agency-forms/([0-9]+).*|\1|p')
post_form "$OPGZ" "$INTRANET/agency-forms/$FORM" "$INTRANET/agency-forms/$FORM/check" \
	--data-urlencode "version=$(form_version "$FORM")" --data-urlencode "result=return" \
	--data-urlencode "note=$V_IMG$V_TA"
expect_status 303 "R-04.3 (set up) op-gz returns it with a hostile reason"
page_shows "$GOVGZ" "$INTRANET/agency-forms/$FORM" "R-04.3 /agency-forms/{id} (the return reason)" "$V_IMG$V_TA"
page_shows "$GOVGZ" "$INTRANET/agency-forms/$FORM/edit" "R-04.3 /agency-forms/{id}/edit of the returned form" "$V_IMG$V_TA"
post_form "$GOVGZ" "$INTRANET/agency-forms/$FORM/edit" "$INTRANET/agency-forms/$FORM/edit" \
	--data-urlencode "action=submit" --data-urlencode "version=$(form_version "$FORM")" "${FORM_ARGS[@]}"
expect_status 303 "R-04.3 (set up) gov-gz submits it again"
post_form "$OPGZ" "$INTRANET/agency-forms/$FORM" "$INTRANET/agency-forms/$FORM/check" \
	--data-urlencode "version=$(form_version "$FORM")" --data-urlencode "result=agree" \
	--data-urlencode "note=$V_QUOTE"
expect_status 303 "R-04.3 (set up) op-gz checks it with a hostile note"
post_form "$SUPGZ" "$INTRANET/agency-forms/$FORM" "$INTRANET/agency-forms/$FORM/approve" \
	--data-urlencode "version=$(form_version "$FORM")" --data-urlencode "result=agree" \
	--data-urlencode "note=$V_TA"
expect_status 303 "R-04.3 (set up) sup-gz approves it with a hostile opinion"
page_shows "$GOVGZ" "$INTRANET/agency-forms/$FORM" "R-04.3 /agency-forms/{id} (check note, opinion)" "$V_QUOTE" "$V_TA"
page_shows "$OPGZ" "$INTRANET/agency-forms/$FORM" "R-04.3 /agency-forms/{id} for the operator" "$V_QUOTE" "$V_TA"
page_shows "$GOVGZ" "$INTRANET/agency-forms/$FORM/print" "R-04.2 /agency-forms/{id}/print (the supervisor's opinion)" "$V_TA"
page_shows "$OPGZ" "$INTRANET/agency-forms" "R-04.3 /agency-forms for the operator"
page_shows "$OPGZ" "$INTRANET/dashboard" "R-11.1 /dashboard with the approved form"

# --- 2c. a gov user suspended with a hostile reason (R-11.1, X-AUD) -------------------------
G=t14g$$
GNAME="十四$V_QUOTE"
sql "INSERT INTO users (username, role, region_code, org_kind, org_id, real_name, contact_enc,
     must_change_pw, pw_hash) SELECT '$G', role, region_code, org_kind, org_id, '${GNAME//\'/\'\'}',
     contact_enc, 0, pw_hash FROM users WHERE username = 'gov-gz'"
GID=$(uid_of "$G")
REASON="十四停用$V_IMG$V_QUOTE"
post_form "$OPGZ" "$INTRANET/users/$GID" "$INTRANET/users/$GID/suspend" --data-urlencode "reason=$REASON"
expect_status 303 "R-11.1 (set up) op-gz suspends a gov user with a hostile reason"
expect_eq "$(sql "SELECT status_reason FROM users WHERE id = '$GID'")" "$REASON" "R-11.1 (set up) ... stored as typed"
page_shows "$OPGZ" "$INTRANET/users/$GID" "R-11.1 /users/{id} (the suspension reason, history)" "$REASON" "十四$V_QUOTE"
page_shows "$OPGZ" "$INTRANET/users?q=$G" "R-11.1 /users (the suspended user)" "十四$V_QUOTE"
page_shows "$OPGZ" "$INTRANET/dashboard" "R-11.1 /dashboard (the suspended gov user, its reason)" "$REASON" "十四$V_QUOTE"

# --- 3. hostile usernames signing in (X-AUD) ---------------------------------------------
# Unknown names reach the audit log only as an HMAC (t_32); a name that is
# stored is an account's: operators made by duijie-admin with hostile and
# formula-like names sign in.
HU="<img src=x onerror=alert(13)>$$"
FU="@t14f$$"
PU="+t14p$$"
for u in "$HU" "$FU" "$PU"; do
	otp=$("${ADMIN[@]}" create-operator "$u" --name 十四测试员 --contact 020-12345678 --region 440100 |
		sed -n 's/^one-time password.*: //p')
	login "$INTRANET" "$u" "$otp"
	expect_status 303 "X-AUD (set up) the operator $(html_escaped "$u") signs in"
done
HID=$(uid_of "$HU")
page_shows "$AUD" "$INTRANET/audit" "X-AUD /audit (hostile usernames, the suspension reason)" "$HU" "$REASON"
req GET "$INTRANET/audit" --jar "$AUD" -G --data-urlencode "user=$HU"
shown "X-AUD /audit filtered by a hostile username (the filter echoed)" "$HU"
expect_body "<span class=\"uname\">&lt;img src=x onerror=alert\\(13\\)&gt;$$</span>" "X-AUD ... the sign-in's actor is the escaped name"
req GET "$INTRANET/audit" --jar "$AUD" -G --data-urlencode "user=$V_QUOTE" --data-urlencode "action=$V_IMG"
shown "X-SEC /audit with hostile filters" "$V_QUOTE"
page_shows "$AUD" "$INTRANET/audit?action=suspend" "X-AUD /audit of suspensions" "$REASON"
page_shows "$OPGZ" "$INTRANET/users/$HID" "R-11.1 /users/{id} of the hostile-named operator" "$HU"

req GET "$INTRANET/audit.csv" --jar "$AUD"
csv_ok "X-AUD audit.csv"
expect_text ",$(csv_cell "$HU")," "X-AUD audit.csv has the hostile username in one quoted cell"
expect_text "$(csv_cell "active -> suspended: $REASON")" "X-AUD audit.csv has the suspension reason in one cell, quotes doubled"
expect_text ",\"'$FU\"," "X-SEC audit.csv neutralises a username starting with @"
expect_no_text ",\"$FU\"," "X-SEC ... never bare"
expect_text ",\"'$PU\"," "X-SEC audit.csv neutralises a username starting with +"
expect_no_text ",\"$PU\"," "X-SEC ... never bare"

# --- clean up ------------------------------------------------------------------------------
post_form "$OPGZ" "$INTRANET/users/$GID" "$INTRANET/users/$GID/reactivate"
expect_status 303 "(clean up) the gov user is reactivated"
post_form "$GOVGZ" "$INTRANET/credit/batches/$BG" "$INTRANET/credit/batches/$BG/withdraw" \
	--data-urlencode "note=$V_IMG"
expect_status 303 "(clean up) the batch is withdrawn with a hostile note"
page_shows "$GOVGZ" "$INTRANET/credit/batches/$BG" "R-09.2 the withdrawn batch (its note)" "$V_IMG"
sql "DELETE FROM agency_forms WHERE id = '$FORM'"
sql "DELETE FROM credit_self_requests WHERE enterprise_id = '$E2' AND id NOT IN (SELECT request_id FROM credit_reports)"

done_testing
