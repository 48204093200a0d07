#!/usr/bin/env bash
# t_73_credit_review.sh -- what the security review (issue 12) found in the
# credit areas, through nginx into MariaDB:
#  - an import naming enterprises of four cities puts each in its own
#    region with every record (R-09.2, R-08.1; the staged rows once shared
#    one stack array for their region);
#  - an office shown a batch's staged rows or errors leaves a query-log
#    row and an audit row, the errors.csv export is audited (R-08.1, X-AUD);
#  - the enterprise's report is issued by a POST, once a day for the same
#    records, and a GET or HEAD only shows it (R-08.2c, X-AUD);
#  - the operators' enterprise page shows the change history as the
#    enterprise's own page does: yuan with thousands separators, labels
#    instead of codes (R-10.1, R-09.4).
# Makes its own enterprises (USCCs with organisation numbers 73xxxxxx and
# a random tag); safe to run twice on a stack.
. "$(dirname "$0")/lib.sh"

audit_count() { sql "SELECT COUNT(*) FROM audit_log WHERE $1"; }
batch_from_location() { header Location | sed -nE 's|^/credit/batches/([0-9]+).*|\1|p'; }

# uscc_in REGION6 BODY8: a valid USCC registered in REGION6 (GB 32100:
# the GB 11714 check of the organisation number, then the check character)
uscc_in() {
	awk -v region="$1" -v body="$2" 'BEGIN {
		split("3 7 9 10 5 8 4 2", ow, " ")
		s = 0
		for (i = 1; i <= 8; i++) s += substr(body, i, 1) * ow[i]
		c = 11 - s % 11
		org = (c == 10) ? "X" : (c == 11) ? "0" : c
		code = "91" region body org
		cs = "0123456789ABCDEFGHJKLMNPQRTUWXY"
		split("1 3 9 27 19 26 16 17 20 29 25 13 8 24 10 30 28", w, " ")
		s = 0
		for (i = 1; i <= 17; i++) s += (index(cs, substr(code, i, 1)) - 1) * w[i]
		printf "%s%s\n", code, substr(cs, (31 - s % 31) % 31 + 1, 1)
	}'
}

# upload JAR CATEGORY FILE: the import form's token, then the multipart POST
upload() {
	local jar=$1 cat=$2 file=$3 tok
	req GET "$INTRANET/credit/import" --jar "$jar"
	tok=$(csrf_from_body)
	req POST "$INTRANET/credit/import" --jar "$jar" -H "Origin: $INTRANET" \
		-F "csrf_token=$tok" -F "category=$cat" -F "encoding=auto" \
		-F "file=@$file;type=text/csv"
}

TAG=$(printf '%05d' $((RANDOM % 100000)))
HONOUR=6	# 荣誉表彰 (schema/008_credit.sql)
PENALTY=2	# 行政处罚
login "$INTRANET" gov-gz
GOVGZ=$(jar_of gov-gz)
login "$INTRANET" op-gz
OPGZ=$(jar_of op-gz)
login "$INTRANET" op-gd
OPGD=$(jar_of op-gd)

# --- 1. one file, four cities ------------------------------------------------------
# 4 cities x 17 rows, interleaved: 68 rows are one 64-row insert and four
# single ones, so both ways of staging carry rows of every city.
CITIES="440100 440300 440600 441900"
declare -A U NAME
for c in $CITIES; do
	U[$c]=$(uscc_in "$c" "73${TAG}${c:3:1}")
	NAME[$c]="七三测试${c}企业${TAG}有限公司"
done
req GET "$INTRANET/credit/categories/$HONOUR/template.csv" --jar "$GOVGZ"
F=$T_TMP/mixed.csv
{
	sed -n '1s/^\xEF\xBB\xBF//p' "$RESP_BODY" | tr -d '\r'
	for i in $(seq 1 17); do
		for c in $CITIES; do
			printf '%s,%s,2026-10-01,七三荣誉%s-%s-%d,市级,广东省人民政府\n' \
				"${U[$c]}" "${NAME[$c]}" "$TAG" "$c" "$i"
		done
	done
} >"$F"
upload "$GOVGZ" "$HONOUR" "$F"
expect_status 303 "R-09.2 a file of enterprises of four cities is validated"
BM=$(batch_from_location)
expect_eq "$(sql "SELECT CONCAT(rows_total, ':', rows_new, ':', rows_error) FROM credit_batches WHERE id = $BM")" \
	"68:68:0" "R-09.2 ... 68 rows, all new, no error"
for c in $CITIES; do
	expect_eq "$(sql "SELECT CONCAT(COUNT(*), ':', MIN(e.region_code), ':', MAX(e.region_code))
		FROM credit_records r JOIN enterprises e ON e.id = r.enterprise_id
		WHERE r.batch_id = $BM AND e.uscc = '${U[$c]}'")" "17:$c:$c" \
		"R-09.2 the validated rows of the $c enterprise are its own, in its own region"
done
post_form "$GOVGZ" "$INTRANET/credit/batches/$BM" "$INTRANET/credit/batches/$BM/confirm"
expect_status 303 "R-09.2 gov-gz confirms the mixed batch"
for c in $CITIES; do
	expect_eq "$(sql "SELECT region_code FROM enterprises WHERE uscc = '${U[$c]}'")" "$c" \
		"R-08.1 the enterprise of $c is created in its own region"
	expect_eq "$(sql "SELECT COUNT(*) FROM credit_records r JOIN enterprises e ON e.id = r.enterprise_id
		WHERE e.uscc = '${U[$c]}' AND r.batch_id = $BM")" 17 \
		"R-09.2 ... with every one of its 17 records"
done
EGZ=$(sql "SELECT id FROM enterprises WHERE uscc = '${U[440100]}'")
ESZ=$(sql "SELECT id FROM enterprises WHERE uscc = '${U[440300]}'")
EFS=$(sql "SELECT id FROM enterprises WHERE uscc = '${U[440600]}'")
EDG=$(sql "SELECT id FROM enterprises WHERE uscc = '${U[441900]}'")
for pair in "$ESZ:深圳市" "$EFS:佛山市" "$EDG:东莞市" "$EGZ:广州市"; do
	req GET "$INTRANET/enterprises/${pair%%:*}" --jar "$OPGD"
	expect_body "<dd>${pair#*:}</dd>" "R-08.1 the province's operator sees the enterprise in ${pair#*:}"
done
req GET "$INTRANET/enterprises/$ESZ" --jar "$OPGZ"
expect_status 404 "R-02.2 the Shenzhen enterprise is outside Guangzhou's operators' region"
req GET "$INTRANET/enterprises/$EGZ" --jar "$OPGZ"
expect_status 200 "R-02.2 ... the Guangzhou one is inside it"

# --- 2. an office looking at staged rows is logged (R-08.1, X-AUD) ------------------
G=$T_TMP/review.csv
req GET "$INTRANET/credit/categories/$PENALTY/template.csv" --jar "$GOVGZ"
{
	sed -n '1s/^\xEF\xBB\xBF//p' "$RESP_BODY" | tr -d '\r'
	printf '%s,%s,2026-10-08,,穗市监罚〔2026〕七三%s号,虚假宣传,罚款,"5,000",,广州市市场监督管理局\n' \
		"${U[440100]}" "${NAME[440100]}" "$TAG"
	printf '%s,%s,2026-10-09,,穗市监罚〔2026〕七三%s-2号,无照经营,拘留,,,广州市市场监督管理局\n' \
		"${U[440600]}" "${NAME[440600]}" "$TAG"
} >"$G"
upload "$GOVGZ" "$PENALTY" "$G"
BR=$(batch_from_location)
expect_eq "$(sql "SELECT CONCAT(rows_new, ':', rows_error) FROM credit_batches WHERE id = $BR")" "1:1" \
	"R-09.2 (set up) a batch with one good row and one error"
qrows() { sql "SELECT COUNT(*) FROM credit_queries WHERE batch_id = $BR $1"; }

req GET "$INTRANET/credit/batches/$BR" --jar "$GOVGZ"
expect_body "穗市监罚〔2026〕七三${TAG}号" "R-09.2 the agency previews its own batch"
expect_eq "$(qrows '')" 0 "R-08.1 the agency's look at its own upload is no query"
n0=$(audit_count "action = 'credit.batch.errors' AND object_id = '$BR'")
req GET "$INTRANET/credit/batches/$BR/errors.csv" --jar "$GOVGZ"
expect_body '拘留' "R-09.2 the agency downloads the errors"
expect_eq "$(audit_count "action = 'credit.batch.errors' AND object_id = '$BR'")" $((n0 + 1)) \
	"X-AUD the errors.csv export is audited"

OPGZ_ID=$(sql "SELECT id FROM users WHERE username = 'op-gz'")
OPGZ_OFFICE=$(sql "SELECT org_id FROM users WHERE username = 'op-gz'")
v0=$(audit_count "action = 'credit.batch.view' AND object_id = '$BR'")
req GET "$INTRANET/credit/batches/$BR" --jar "$OPGZ"
expect_status 200 "R-02.2 the region's operator opens the batch"
expect_body "穗市监罚〔2026〕七三${TAG}号" "R-08.1 ... and is shown its staged rows"
expect_eq "$(qrows "AND user_id = $OPGZ_ID AND purpose = 'review' AND org_kind = 'office' AND org_id = $OPGZ_OFFICE AND enterprise_id IS NULL")" 1 \
	"R-08.1 X-AUD showing staged rows to an office writes a query-log row (purpose review, the batch, the office)"
expect_eq "$(audit_count "action = 'credit.batch.view' AND object_id = '$BR' AND actor_id = $OPGZ_ID")" $((v0 + 1)) \
	"X-AUD ... and an audit row"
req GET "$INTRANET/credit/batches/$BR" --jar "$OPGZ"
expect_eq "$(qrows "AND user_id = $OPGZ_ID")" 2 "R-08.1 every opening is logged, a reload too"
n1=$(audit_count "action = 'credit.batch.errors' AND object_id = '$BR'")
req GET "$INTRANET/credit/batches/$BR/errors.csv" --jar "$OPGZ"
expect_header Content-Type '^text/csv' "R-09.2 the operator downloads the errors"
expect_eq "$(qrows "AND user_id = $OPGZ_ID")" 3 "R-08.1 X-AUD an office's errors.csv is a query-log row too"
expect_eq "$(audit_count "action = 'credit.batch.errors' AND object_id = '$BR'")" $((n1 + 1)) \
	"X-AUD ... and audited"
expect_eq "$(sql "SELECT COUNT(*) FROM credit_queries q JOIN audit_log l ON l.action = 'credit.batch.errors'
	AND l.object_id = '$BR' AND l.actor_id = q.user_id WHERE q.batch_id = $BR AND q.user_id = $OPGZ_ID")" 3 \
	"X-AUD (the rows name the same actor and batch)"
# a confirmed batch without errors shows no staged row: nothing to log
req GET "$INTRANET/credit/batches/$BM" --jar "$OPGZ"
expect_status 200 "R-09.2 the operator opens the confirmed batch"
expect_eq "$(sql "SELECT COUNT(*) FROM credit_queries WHERE batch_id = $BM")" 0 \
	"R-08.1 ... which shows no staged row and logs no query"
post_form "$GOVGZ" "$INTRANET/credit/batches/$BR" "$INTRANET/credit/batches/$BR/discard"
expect_status 303 "R-09.2 (clean up) the review batch is discarded"

# --- 3. the report: issued by a POST, shown by a GET (R-08.2c, X-AUD) -------------------
EUSER=t73-$TAG
sql "INSERT INTO users (username, role, region_code, org_kind, org_id, real_name,
	pw_hash, must_change_pw) SELECT '$EUSER', 'enterprise', '440100', 'enterprise', $EGZ,
	'七三测试联系人', pw_hash, 0 FROM users WHERE username = 'ent-a'"
sql "INSERT INTO credit_self_requests (enterprise_id, region_code, user_id, reason, status,
	decided_by, decided_at, valid_until) SELECT $EGZ, '440100', id, '办理贷款', 'granted',
	$OPGZ_ID, UTC_TIMESTAMP(), UTC_TIMESTAMP() + INTERVAL 30 DAY FROM users WHERE username = '$EUSER'"
login "$INTERNET" "$EUSER"
expect_status 303 "R-08.2c (set up) the enterprise signs in"
EJ=$(jar_of "$EUSER")
reports() { sql "SELECT COUNT(*) FROM credit_reports WHERE enterprise_id = $EGZ"; }
selfq() { sql "SELECT COUNT(*) FROM credit_queries WHERE enterprise_id = $EGZ AND purpose = 'self'"; }
repaudit() { audit_count "action = 'credit.report' AND object_id = '$EGZ'"; }

req GET "$INTERNET/my-credit/report" --jar "$EJ"
expect_status 200 "R-08.2c before a report is issued the page offers to issue one"
expect_body 'id="report-issue-button"' "R-08.2c ... with a button (a POST)"
expect_no_body 'id="report-number"' "R-08.2c ... and shows no report"
expect_eq "$(reports):$(selfq):$(repaudit)" "0:0:0" "R-08.2c a GET numbers and logs nothing"
req GET "$INTERNET/my-credit" --jar "$EJ"
expect_body 'form method="post" action="/my-credit/report"' "R-08.2c /my-credit issues the report by a POST form"
req POST "$INTERNET/my-credit/report" --jar "$EJ" -H "Origin: $INTERNET"
expect_status 403 "X-SEC issuing without the CSRF token is refused"
post_form "$EJ" "$INTERNET/my-credit" "$INTERNET/my-credit/report"
expect_status 303 "R-08.2c POST /my-credit/report issues the report"
expect_header Location '^/my-credit/report$' "R-08.2c ... and 303s to the page that shows it"
expect_eq "$(reports):$(selfq):$(repaudit)" "1:1:1" "R-08.2c X-AUD one report, one query-log row, one audit row"
req GET "$INTERNET/my-credit/report" --jar "$EJ"
expect_status 200 "R-08.2c GET shows the report"
NO1=$(grep -o 'id="report-number">[^<]*' "$RESP_BODY" | sed 's/.*>//')
expect_body "id=\"report-number\">GDXY-[0-9]{8}-[0-9]{8,}<" "R-08.2c ... with its number"
expect_body '七三荣誉' "R-08.2c ... and its records"
req GET "$INTERNET/my-credit/report" --jar "$EJ"
expect_body "id=\"report-number\">$NO1<" "R-08.2c a reload shows the same report"
req HEAD "$INTERNET/my-credit/report" --jar "$EJ"
expect_status 200 "R-08.2c HEAD answers like the GET"
expect_eq "$(reports):$(selfq):$(repaudit)" "1:1:1" "R-08.2c reloads and HEAD number and log nothing"
post_form "$EJ" "$INTERNET/my-credit" "$INTERNET/my-credit/report"
expect_status 303 "R-08.2c issuing again the same day"
req GET "$INTERNET/my-credit/report" --jar "$EJ"
expect_body "id=\"report-number\">$NO1<" "R-08.2c ... gives the same report when nothing changed"
expect_eq "$(reports):$(selfq):$(repaudit)" "1:1:1" "R-08.2c ... and writes nothing"
# a record withdrawn: the report no longer says what is on record
post_form "$GOVGZ" "$INTRANET/credit/batches/$BM" "$INTRANET/credit/batches/$BM/withdraw" \
	--data-urlencode "note=七三测试撤回"
expect_status 303 "R-09.2 (set up) the mixed batch is withdrawn"
req GET "$INTERNET/my-credit/report" --jar "$EJ"
expect_status 200 "R-08.2c after a change the page still opens"
expect_body 'id="report-stale"' "R-08.2c ... says the report is out of date"
expect_no_body 'id="report-number"|七三荣誉' "R-08.2c ... and shows neither the old report nor records unlogged"
post_form "$EJ" "$INTERNET/my-credit/report" "$INTERNET/my-credit/report"
expect_status 303 "R-08.2c a new report is issued"
req GET "$INTERNET/my-credit/report" --jar "$EJ"
NO2=$(grep -o 'id="report-number">[^<]*' "$RESP_BODY" | sed 's/.*>//')
if [ -n "$NO2" ] && [ "$NO2" != "$NO1" ]; then
	ok "R-08.2c ... with a new number ($NO2)"
else
	not_ok "R-08.2c ... with a new number" "first $NO1, now '$NO2'"
fi
expect_eq "$(reports):$(selfq):$(repaudit)" "2:2:2" "R-08.2c X-AUD ... numbered and logged once"
# no live grant: 403 for the GET and the POST, nothing numbered
sql "UPDATE credit_self_requests SET valid_until = UTC_TIMESTAMP() - INTERVAL 1 SECOND WHERE enterprise_id = $EGZ"
req GET "$INTERNET/my-credit/report" --jar "$EJ"
expect_status 403 "R-08.2c without a live grant the report is refused"
post_form "$EJ" "$INTERNET/my-credit" "$INTERNET/my-credit/report"
expect_status 403 "R-08.2c ... and cannot be issued"
expect_eq "$(reports)" 2 "R-08.2c ... nothing numbered"

# --- 4. the change history as the enterprise's own page shows it (R-10.1) --------------------
ID=11010519491231002X
today=$(TZ=Asia/Shanghai date +%F)
ago=$(TZ=Asia/Shanghai date -d '-9 days' +%F)
edit() { # CHANGED_ON REG_CAPITAL ORG_FORM INDUSTRY SIZE REVENUE
	post_form "$EJ" "$INTERNET/profile/edit" "$INTERNET/profile/edit" \
		--data-urlencode "changed_on=$1" --data-urlencode "ent_name=${NAME[440100]}" \
		--data-urlencode "reg_no=${U[440100]}" --data-urlencode "agree=1" --data-urlencode "legal_name=张三" \
		--data-urlencode "legal_id=$ID" --data-urlencode "address=广州市天河区七三路" \
		--data-urlencode "reg_capital=$2" \
		--data-urlencode "org_form=$3" --data-urlencode "industry=$4" --data-urlencode "size=$5" \
		--data-urlencode "revenue=$6" --data-urlencode "main_name=王五" \
		--data-urlencode "liaison_name=赵六"
}
edit "$ago" 1000000 llc C medium 250000.5
expect_status 303 "R-08.2b (set up) the enterprise fills in its information, 9 days late"
edit "$today" 1234567.89 jsc I small 3000000
expect_status 303 "R-08.2b (set up) ... and changes it today"
expect_eq "$(sql "SELECT reg_capital_fen FROM enterprises WHERE id = $EGZ")" 123456789 \
	"R-08.2b (set up) registered capital stored in fen"
check_history() { # WHO
	expect_body '<td>注册资本（元）</td><td>1,000,000</td><td>1,234,567.89</td>' \
		"R-10.1 $1: registered capital in yuan with thousands separators, as the form asks"
	expect_body '<td>营业收入（元）</td><td>250,000.50</td><td>3,000,000</td>' "R-10.1 $1: revenue too"
	expect_body '<td>组织形式</td><td>有限责任公司</td><td>股份有限公司</td>' "R-10.1 $1: the organisation form by its label"
	expect_body '<td>企业规模</td><td>中型</td><td>小型</td>' "R-10.1 $1: the size by its label"
	expect_body '<td>所属行业</td><td>C 制造业</td><td>I ' "R-10.1 $1: the industry by its label"
	expect_no_body '>(100000000|123456789|25000050|300000000|llc|jsc|medium|small|C|I)<' \
		"R-10.1 $1: never the stored fen or codes"
	expect_body '<dd>1,234,567.89</dd>' "R-10.1 $1: the facts show the amount the same way"
}
req GET "$INTERNET/profile" --jar "$EJ"
check_history "the enterprise's own page"
req GET "$INTRANET/enterprises/$EGZ" --jar "$OPGZ"
expect_status 200 "R-10.1 op-gz opens the enterprise"
check_history "the operators' page"
req GET "$INTRANET/enterprises/late" --jar "$OPGZ"
expect_body '<td>1,000,000</td>|<td></td><td>1,000,000</td>' "R-10.1 the late-change report shows yuan too"
expect_body '<td>有限责任公司</td>' "R-10.1 ... and labels"
req GET "$INTRANET/enterprises/late.csv" --jar "$OPGZ"
expect_body "\"${U[440100]}\",.*\"注册资本（元）\",\"\",\"1,000,000\"" "R-10.1 ... and its CSV"
expect_no_body "\"${U[440100]}\",.*\"(llc|medium|100000000)\"" "R-10.1 ... never the codes or fen"

done_testing
