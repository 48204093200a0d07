#!/usr/bin/env bash
# t_99p_print_report.sh -- the enterprise's credit report as a document others
# can trust (issue 18 "Printing", R-08.2c, X-AUD): its basic facts, a summary
# by category, the total, a random verification code and the digest of its
# content; /verify on the internet portal (public, no sign-in, rate limited
# by nginx) says a genuine code's report is genuine, an unknown code is not
# found (audited), a malformed one gets its message; one enterprise never
# sees another's report.
#
# The import and the grant are other areas: this file puts its enterprises
# (USCCs 91440100PRT...), their users (t99p-*), records and grants straight
# into the database, anew on each run.  Safe to run twice.
. "$(dirname "$0")/lib.sh"

eid_of() { sql "SELECT id FROM enterprises WHERE uscc = '$1'"; }
audit_count() { sql "SELECT COUNT(*) FROM audit_log WHERE $1"; }

GZ_AGENCY=$(sql "SELECT org_id FROM users WHERE username = 'gov-gz'")
GOVGZ_ID=$(sql "SELECT id FROM users WHERE username = 'gov-gz'")
TAG=$(printf '%06d' $(((RANDOM * 32768 + RANDOM) % 1000000)))
USCC_A=91440100PRTA$TAG USCC_B=91440100PRTB$TAG
NAME_A="广州市九九打印甲${TAG}有限公司" NAME_B="广州市九九打印乙${TAG}有限公司"
EA=t99p-a-$TAG EB=t99p-b-$TAG

sql "INSERT INTO enterprises (uscc, name, region_code, reg_no, legal_name, address)
	VALUES ('$USCC_A', '$NAME_A', '440100', '440101$TAG', '李九九', '广州市越秀区九九路${TAG}号'),
	('$USCC_B', '$NAME_B', '440100', '', '', '')"
ENT_A=$(eid_of "$USCC_A") ENT_B=$(eid_of "$USCC_B")
for pair in "$EA:$ENT_A" "$EB:$ENT_B"; do
	sql "INSERT INTO users (username, role, region_code, org_kind, org_id, real_name,
		pw_hash, must_change_pw)
		SELECT '${pair%%:*}', 'enterprise', '440100', 'enterprise', ${pair#*:},
		'九九测试联系人', pw_hash, 0 FROM users WHERE username = 'ent-a'"
	# a live grant of its own (the operators' decision is t_71's)
	sql "INSERT INTO credit_self_requests (enterprise_id, region_code, user_id, reason,
		status, decided_by, decided_at, valid_until)
		SELECT ${pair#*:}, '440100', id, '贷款', 'granted', id, UTC_TIMESTAMP(),
		UTC_TIMESTAMP() + INTERVAL 30 DAY FROM users WHERE username = '${pair%%:*}'"
done
BATCH=$(sql "INSERT INTO credit_batches (agency_id, region_code, category_id, file_name,
	encoding, status, rows_total, rows_new, uploaded_by, confirmed_by, confirmed_at)
	VALUES ($GZ_AGENCY, '440100', 2, 't99p.csv', 'utf-8', 'confirmed', 3, 3, $GOVGZ_ID,
	$GOVGZ_ID, UTC_TIMESTAMP()); SELECT LAST_INSERT_ID()")
PEN="穗市监罚〔2026〕99${TAG}号"
rec() { # ENT CATEGORY DATE CONTENT
	sql "INSERT INTO credit_records (enterprise_id, category_id, agency_id, batch_id,
		decision_date, period_end, content, row_hash)
		VALUES ($1, $2, $GZ_AGENCY, $BATCH, '$3', NULL, '$4', UNHEX(SHA2('$4$RANDOM$1', 256)))"
}
rec "$ENT_A" 2 2026-03-01 "{\"doc_no\":\"$PEN\",\"violation\":\"虚假宣传\",\"penalty_type\":\"罚款\",\"amount\":\"5000.00\",\"content\":\"\",\"authority\":\"广州市市场监督管理局\"}"
rec "$ENT_A" 2 2026-04-01 "{\"doc_no\":\"${PEN}之二\",\"violation\":\"x\",\"penalty_type\":\"警告\",\"amount\":\"\",\"content\":\"\",\"authority\":\"广州市市场监督管理局\"}"
rec "$ENT_A" 7 2026-05-01 '{"year":"2025","grade":"A"}'
rec "$ENT_B" 6 2026-02-01 '{"title":"守合同重信用","authority":"广州市市场监督管理局"}'

login "$INTERNET" "$EA"
[ "$STATUS" = 303 ] || not_ok "$EA signs in" "status $STATUS"
login "$INTERNET" "$EB"
[ "$STATUS" = 303 ] || not_ok "$EB signs in" "status $STATUS"
JA=$(jar_of "$EA") JB=$(jar_of "$EB")

# --- the report: facts, summary, code, digest ---------------------------------------------------
post_form "$JA" "$INTERNET/my-credit" "$INTERNET/my-credit/report"
expect_status 303 "R-08.2c the enterprise issues its report"
req GET "$INTERNET/my-credit/report" --jar "$JA"
expect_status 200 "R-08.2c ... and opens it"
expect_body "id=\"ent-name\">$NAME_A<" "issue 18 the report carries the enterprise's name"
expect_body "id=\"ent-uscc\">$USCC_A<" "issue 18 ... its USCC"
expect_body "id=\"ent-reg-no\">440101$TAG<" "issue 18 ... its registration number"
expect_body 'id="ent-legal">李九九<' "issue 18 ... its legal representative"
expect_body "id=\"ent-address\">广州市越秀区九九路${TAG}号<" "issue 18 ... its address"
expect_body 'id="ent-region">广州市<' "issue 18 ... its region"
expect_body '<td class="cat" data-category="行政处罚">行政处罚</td><td class="count">2</td>' \
	"issue 18 the summary counts 2 administrative penalties"
expect_body '<td class="cat" data-category="纳税信用等级">纳税信用等级</td><td class="count">1</td>' \
	"issue 18 ... 1 tax grade"
expect_body '<td class="cat" data-category="荣誉表彰">荣誉表彰</td><td class="count">0</td>' \
	"issue 18 ... and 0 of a category it has none of (B's honour is B's)"
expect_body 'id="report-total">3<' "issue 18 ... the total"
expect_body 'id="report-end">[^<]*3' "issue 18 the report ends with the number of records it lists"
CODE=$(grep -o 'id="report-code" class="code">[^<]*' "$RESP_BODY" | sed 's/.*>//')
case $CODE in
[A-Z2-7][A-Z2-7][A-Z2-7][A-Z2-7]-[A-Z2-7][A-Z2-7][A-Z2-7][A-Z2-7]-[A-Z2-7][A-Z2-7][A-Z2-7][A-Z2-7]-[A-Z2-7][A-Z2-7][A-Z2-7][A-Z2-7])
	ok "issue 18 the report carries a verification code of 16 base32 characters ($CODE)" ;;
*) not_ok "issue 18 the report carries a verification code of 16 base32 characters" "got '$CODE'" ;;
esac
expect_body "id=\"report-footer\">[^<]*<span class=\"code\">$CODE</span>" \
	"issue 18 ... repeated in the footer printed on every sheet"
expect_body "$INTERNET/verify" "issue 18 ... with where to check it"
DIGEST=$(grep -o 'id="report-digest">[0-9a-f]*' "$RESP_BODY" | sed 's/.*>//')
expect_eq "${#DIGEST}" 64 "issue 18 the report prints the SHA-256 of its content"
REP_A=$(sql "SELECT MAX(id) FROM credit_reports WHERE enterprise_id = $ENT_A")
NUM_A=$(grep -o 'id="report-number">[^<]*' "$RESP_BODY" | sed 's/.*>//')
# stored: the code's hash (the lookup) and the code sealed, never in plain text
expect_eq "$(sql "SELECT code_hash = UNHEX(SHA2('$CODE', 256)) FROM credit_reports WHERE id = $REP_A")" 1 \
	"issue 18 the code is stored as its SHA-256"
expect_eq "$(sql "SELECT COUNT(*) FROM credit_reports WHERE id = $REP_A AND (INSTR(code_enc, '$CODE') > 0
	OR INSTR(code_enc, REPLACE('$CODE', '-', '')) > 0 OR code_enc IS NULL)")" 0 \
	"issue 18 ... and sealed, not in plain text"
expect_eq "$(sql "SELECT LOWER(HEX(content_hash)) FROM credit_reports WHERE id = $REP_A")" "$DIGEST" \
	"issue 18 the digest printed is the one stored with the report"
expect_eq "$(audit_count "action = 'credit.report' AND object_id = '$ENT_A' AND detail LIKE '%$CODE%'")" 0 \
	"X-AUD the issuing is audited without the code"
expect_eq "$(audit_count "action = 'credit.report' AND object_id = '$ENT_A' AND detail LIKE 'report $NUM_A;%'")" 1 \
	"X-AUD ... once, with the report's number"
req GET "$INTERNET/my-credit/report" --jar "$JA"
expect_body "id=\"report-code\" class=\"code\">$CODE<" "issue 18 a reload prints the same code"

# --- another enterprise's report cannot be fetched -------------------------------------------------
post_form "$JB" "$INTERNET/my-credit" "$INTERNET/my-credit/report"
expect_status 303 "R-08.2c enterprise B issues its own report"
req GET "$INTERNET/my-credit/report" --jar "$JB"
expect_status 200 "R-08.2c ... and opens it"
expect_body "id=\"ent-name\">$NAME_B<" "R-08.2c B's report is B's"
expect_no_body "$NAME_A" "R-02.2 ... nothing of A's: not its name"
expect_no_body "$CODE" "R-02.2 ... nor its code"
expect_no_body "$PEN" "R-02.2 ... nor its records"
CODE_B=$(grep -o 'id="report-code" class="code">[^<]*' "$RESP_BODY" | sed 's/.*>//')
[ -n "$CODE_B" ] && [ "$CODE_B" != "$CODE" ] && ok "issue 18 each report has a code of its own" ||
	not_ok "issue 18 each report has a code of its own" "A $CODE, B '$CODE_B'"
req GET "$INTERNET/my-credit/report?id=$REP_A" --jar "$JB"
expect_no_body "$CODE" "R-02.2 no parameter reaches another enterprise's report"
req GET "$INTERNET/my-credit/report"
expect_status 303 "R-02.2 nobody signed in gets no report"
expect_no_body "$CODE" "R-02.2 ... and no code"

# --- /verify: public --------------------------------------------------------------------------
VJ=$T_TMP/jar-verify
rm -f "$VJ"
req GET "$INTERNET/verify" --jar "$VJ"
expect_status 200 "issue 18 /verify is open without a sign-in"
expect_body 'id="verify-form"' "issue 18 ... with the form"
expect_body '<label for="code">核验码</label>' "X-UI ... the field has its label"
req GET "$INTERNET/"
expect_body 'href="/verify" id="footer-verify"' "issue 18 the internet footer links to it"
req GET "$INTRANET/verify"
expect_status 404 "R-02.1 /verify is on the internet portal only"

# genuine: typed in lower case, without the dashes
lower=$(printf '%s' "${CODE//-/}" | tr 'A-Z' 'a-z')
REQ_CLIENT=127.0.3.1 post_form "$VJ" "$INTERNET/verify" "$INTERNET/verify" --data-urlencode "code=$lower"
expect_status 200 "issue 18 a code is checked"
expect_body 'id="verify-genuine"' "issue 18 a genuine code: the report is genuine"
expect_body "id=\"verify-number\">$NUM_A<" "issue 18 ... its number"
expect_body "id=\"verify-ent\">$NAME_A<" "issue 18 ... the enterprise's name"
expect_body "id=\"verify-at\">$(TZ=Asia/Shanghai date +%F) [0-9]{2}:[0-9]{2}:[0-9]{2}<" "issue 18 ... the issue time (Beijing)"
expect_body 'id="verify-records">3' "issue 18 ... the number of records it listed"
expect_body "id=\"verify-digest\">$DIGEST<" "issue 18 ... the digest, to compare with the paper"
expect_no_body "$PEN" "R-09.4 ... and none of the records themselves"
expect_eq "$(audit_count "action = 'credit.report.verify' AND at > UTC_TIMESTAMP() - INTERVAL 1 MINUTE AND outcome = 'ok'")" 0 \
	"X-AUD a genuine check writes nothing"

# an unknown code: not found, audited
before=$(audit_count "action = 'credit.report.verify' AND outcome = 'failed'")
WRONG=$(printf '%s' "$CODE" | tr 'A-Z2-7' 'B-Z2-7A')
[ "$WRONG" != "$CODE" ] || WRONG=AAAA-AAAA-AAAA-AAAA
REQ_CLIENT=127.0.3.2 post_form "$VJ" "$INTERNET/verify" "$INTERNET/verify" --data-urlencode "code=$WRONG"
expect_status 200 "issue 18 a wrong code is answered"
expect_body 'id="verify-notfound"' "issue 18 ... not found"
expect_body '未找到核验码为' "issue 18 ... said plainly"
expect_no_body 'id="verify-genuine"' "issue 18 ... and nothing is called genuine"
expect_no_body "$NAME_A" "issue 18 ... nor named"
expect_body "value=\"$WRONG\"" "X-UI ... the form keeps what was typed"
expect_eq "$(audit_count "action = 'credit.report.verify' AND outcome = 'failed'")" $((before + 1)) \
	"X-AUD a failed verification is audited"
expect_eq "$(audit_count "action = 'credit.report.verify' AND (detail LIKE '%${WRONG:0:4}%' OR detail LIKE '%${WRONG//-/}%')")" 0 \
	"X-AUD ... without the code typed"

# a malformed code: the message next to the field, nothing looked up
REQ_CLIENT=127.0.3.3 post_form "$VJ" "$INTERNET/verify" "$INTERNET/verify" --data-urlencode "code=GDXY-1234"
expect_status 200 "issue 18 a malformed code is answered"
expect_body 'id="code-error"' "X-UI ... with the message next to the field"
expect_body '核验码是 16 位' "X-UI ... saying what a code looks like"
expect_eq "$(audit_count "action = 'credit.report.verify' AND outcome = 'failed'")" $((before + 1)) \
	"X-AUD ... and no lookup (nothing more audited)"
REQ_CLIENT=127.0.3.3 post_form "$VJ" "$INTERNET/verify" "$INTERNET/verify" --data-urlencode "code="
expect_body 'id="code-error">请输入核验码' "X-UI an empty code: 请输入核验码"

# rate limited by nginx like the sign-in: the 11th POST a minute from one address is 429
CODES=''
for ((i = 1; i <= 11; i++)); do
	REQ_CLIENT=127.0.3.9 req POST "$INTERNET/verify" -d "code=AAAA-AAAA-AAAA-AAA$i"
	CODES="${CODES:+$CODES }$STATUS"
done
set -- $CODES
case " $1 $2 $3 $4 $5 $6 " in
*' 429 '*) not_ok "X-SEC POST /verify: the first 6 pass" "statuses: $CODES" ;;
*) ok "X-SEC POST /verify: the first 6 pass" ;;
esac
expect_eq "${11}" 429 "X-SEC POST /verify: the 11th within a minute from one address is refused"
REQ_CLIENT=127.0.3.9 req GET "$INTERNET/verify"
expect_status 200 "X-SEC ... the form itself (GET) is not counted"

# a report of before 045 (no code): the page asks for a new one, which has a code
sql "UPDATE credit_reports SET code_hash = NULL, code_enc = NULL, content_hash = NULL WHERE id = $REP_A"
req GET "$INTERNET/my-credit/report" --jar "$JA"
expect_body "id=\"report-nocode\">[^<]*$NUM_A<" "issue 18 a report without a code is not printed: issue a new one"
expect_no_body 'id="report-stale"' "issue 18 ... (not called changed records)"
post_form "$JA" "$INTERNET/my-credit/report" "$INTERNET/my-credit/report"
expect_status 303 "issue 18 ... issued again"
req GET "$INTERNET/my-credit/report" --jar "$JA"
CODE2=$(grep -o 'id="report-code" class="code">[^<]*' "$RESP_BODY" | sed 's/.*>//')
[ -n "$CODE2" ] && [ "$CODE2" != "$CODE" ] && ok "issue 18 ... with a new code" ||
	not_ok "issue 18 ... with a new code" "got '$CODE2'"

done_testing
