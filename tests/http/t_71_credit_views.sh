#!/usr/bin/env bash
# t_71_credit_views.sh -- enterprise credit information as people see it:
# gov users and operators open an enterprise's records only with a stated
# purpose, every opening logged (query log + audit) in one transaction;
# agencies view province-wide while operators stay in their region; the
# enterprise applies to view its own, an operator of its region grants or
# refuses, the numbered A4 report under a grant; "谁查询了我" with the
# organisation and purpose, never the person (R-08.1, R-08.2c, R-09.4,
# R-02.2, X-AUD).
#
# The CSV import is another area: this file puts its batches and records
# straight into the database, for enterprises of its own (USCCs starting
# 91440100T71) and enterprise users of its own (t71-*), made anew on each
# run.  Leaves the demo accounts as they were.  Safe to run twice.
. "$(dirname "$0")/lib.sh"

uid_of() { sql "SELECT id FROM users WHERE username = '$1'"; }
eid_of() { sql "SELECT id FROM enterprises WHERE uscc = '$1'"; }
audit_count() { sql "SELECT COUNT(*) FROM audit_log WHERE $1"; }
queries_of() { sql "SELECT COUNT(*) FROM credit_queries WHERE enterprise_id = $1${2:+ AND $2}"; }

GZ_AGENCY=$(sql "SELECT org_id FROM users WHERE username = 'gov-gz'")
FS_AGENCY=$(sql "SELECT org_id FROM users WHERE username = 'gov-fs'")
GOVGZ_ID=$(uid_of gov-gz)
TAG=$(printf '%06d' $(((RANDOM * 32768 + RANDOM) % 1000000)))
USCC_A=91440100T71A$TAG
USCC_B=91440100T71B$TAG
NAME_A="广州市七一测试甲${TAG}有限公司"
NAME_B="广州市七一测试乙${TAG}有限公司"

# --- set up: two enterprises with an account each, batches and records --------
sql "INSERT INTO enterprises (uscc, name, region_code) VALUES
	('$USCC_A', '$NAME_A', '440100'), ('$USCC_B', '$NAME_B', '440100')"
ENT_A=$(eid_of "$USCC_A") ENT_B=$(eid_of "$USCC_B")
EA=t71-a-$TAG EB=t71-b-$TAG
for pair in "$EA:$ENT_A" "$EB:$ENT_B"; do
	# ent-a's hash: the demo password, so these sign in with it too; an
	# enterprise user's number is its sealed mobile, its contact empty (R-09.4)
	sql "INSERT INTO users (username, role, region_code, org_kind, org_id, real_name,
		pw_hash, must_change_pw)
		SELECT '${pair%%:*}', 'enterprise', '440100', 'enterprise', ${pair#*:},
		'七一测试联系人', pw_hash, 0 FROM users WHERE username = 'ent-a'"
done
# batch: a confirmed batch of the agency (category 2 行政处罚 or 7 纳税信用等级)
batch() {
	sql "INSERT INTO credit_batches (agency_id, region_code, category_id, file_name,
		encoding, status, rows_total, rows_new, uploaded_by, confirmed_by, confirmed_at)
		VALUES ($1, '$2', $3, 't71.csv', 'utf-8', '$4', 1, 1, $GOVGZ_ID, $GOVGZ_ID,
		UTC_TIMESTAMP()); SELECT LAST_INSERT_ID()"
}
# record ENT CATEGORY AGENCY BATCH DATE PERIOD_END|NULL CONTENT [WITHDRAWN]
record() {
	sql "INSERT INTO credit_records (enterprise_id, category_id, agency_id, batch_id,
		decision_date, period_end, content, row_hash, withdrawn)
		VALUES ($1, $2, $3, $4, '$5', $6, '$7', UNHEX(SHA2('$7$RANDOM', 256)), ${8:-0})"
}
B_GZ=$(batch "$GZ_AGENCY" 440100 2 confirmed)
B_FS=$(batch "$FS_AGENCY" 440600 7 confirmed)
B_OFF=$(batch "$GZ_AGENCY" 440100 2 withdrawn)
PEN="穗市监罚〔2026〕71${TAG}号"
record "$ENT_A" 2 "$GZ_AGENCY" "$B_GZ" 2026-03-01 "'2099-12-31'" \
	"{\"doc_no\":\"$PEN\",\"violation\":\"虚假宣传\",\"penalty_type\":\"罚款\",\"amount\":\"5000.00\",\"content\":\"\",\"authority\":\"广州市市场监督管理局\"}"
record "$ENT_A" 7 "$FS_AGENCY" "$B_FS" 2026-04-01 NULL \
	'{"year":"2025","grade":"A"}'
record "$ENT_A" 2 "$GZ_AGENCY" "$B_GZ" 2019-05-01 "'2020-01-01'" \
	"{\"doc_no\":\"过期处罚$TAG\",\"violation\":\"x\",\"penalty_type\":\"警告\",\"amount\":\"\",\"content\":\"\",\"authority\":\"x\"}"
record "$ENT_A" 2 "$GZ_AGENCY" "$B_OFF" 2026-05-01 "'2099-12-31'" \
	"{\"doc_no\":\"撤回批次$TAG\",\"violation\":\"x\",\"penalty_type\":\"警告\",\"amount\":\"\",\"content\":\"\",\"authority\":\"x\"}"
record "$ENT_A" 2 "$GZ_AGENCY" "$B_GZ" 2026-05-02 "'2099-12-31'" \
	"{\"doc_no\":\"撤回记录$TAG\",\"violation\":\"x\",\"penalty_type\":\"警告\",\"amount\":\"\",\"content\":\"\",\"authority\":\"x\"}" 1
R_PEN=$(sql "SELECT id FROM credit_records WHERE enterprise_id = $ENT_A AND category_id = 2 AND decision_date = '2026-03-01'")
R_TAX=$(sql "SELECT id FROM credit_records WHERE enterprise_id = $ENT_A AND category_id = 7")

for u in gov-gz gov-fs op-gz sup-gz op-gd; do
	login "$INTRANET" "$u"
	[ "$STATUS" = 303 ] || not_ok "$u signs in" "status $STATUS"
done
GOVGZ=$(jar_of gov-gz) GOVFS=$(jar_of gov-fs) OPGZ=$(jar_of op-gz)
SUPGZ=$(jar_of sup-gz) OPGD=$(jar_of op-gd)
# A Foshan operator of this file's own (the demo op-fs has TOTP after t_30)
FS_OP=t71-fs-$$
otp=$("$DUIJIE_BUILD/duijie-admin" --config "$DUIJIE_CONF" create-operator "$FS_OP" \
	--name 测试员 --contact 0757-12345678 --region 440600 | sed -n 's/^one-time password.*: //p')
sql "UPDATE users SET must_change_pw = 0 WHERE username = '$FS_OP'"
login "$INTRANET" "$FS_OP" "$otp"
expect_status 303 "R-02.2 (set up) a Foshan operator signs in"
OPFS=$(jar_of "$FS_OP")
for u in "$EA" "$EB"; do
	login "$INTERNET" "$u"
	[ "$STATUS" = 303 ] || not_ok "$u signs in" "status $STATUS"
done
JA=$(jar_of "$EA") JB=$(jar_of "$EB")

# --- finding the enterprise (R-08.1, R-02.2) ------------------------------------------
req GET "$INTRANET/credit" --jar "$GOVFS"
expect_status 200 "R-08.1 gov-fs opens the credit information search"
expect_body 'id="credit-scope">[^<]*全省' "R-02.2 ... which says agencies search province-wide"
expect_body 'href="/credit" aria-current="page"' "X-UI gov users have the menu link 信用信息"
req GET "$INTRANET/credit?q=$USCC_A" --jar "$GOVFS"
expect_body "href=\"/credit/$ENT_A\"" "R-08.1 a Foshan agency finds a Guangzhou enterprise by USCC"
req GET "$INTRANET/credit?q=%E4%B8%83%E4%B8%80%E6%B5%8B%E8%AF%95%E7%94%B2$TAG" --jar "$GOVGZ"
expect_body "href=\"/credit/$ENT_A\"" "R-08.1 ... and gov-gz by part of its name"
req GET "$INTRANET/credit?q=$USCC_A" --jar "$OPFS"
expect_status 200 "R-02.2 a Foshan operator may search"
expect_no_body "href=\"/credit/$ENT_A\"" "R-02.2 ... but finds only its own region's enterprises"
expect_body 'id="credit-scope">[^<]*佛山市' "R-02.2 ... and is told its scope"
req GET "$INTRANET/credit?q=$USCC_A" --jar "$OPGZ"
expect_body "href=\"/credit/$ENT_A\"" "R-02.2 op-gz finds its city's enterprise"
req GET "$INTRANET/credit?q=$USCC_A" --jar "$OPGD"
expect_body "href=\"/credit/$ENT_A\"" "R-02.2 the province's operator finds it too"

# --- a purpose before any record (R-08.1) ------------------------------------------------
req GET "$INTRANET/credit/$ENT_A" --jar "$GOVGZ"
expect_status 200 "R-08.1 gov-gz opens the enterprise's page"
expect_body "id=\"ent-uscc\">$USCC_A<" "R-08.1 ... with its USCC"
expect_body 'id="purpose-form"' "R-08.1 ... and the purpose form"
expect_body 'value="duty"[^>]*> 行政履职' "R-08.1 the purposes 行政履职"
expect_body 'value="supervision"[^>]*> 日常监管' "R-08.1 ... 日常监管"
expect_body 'value="evaluation"[^>]*> 信用评价' "R-08.1 ... 信用评价"
expect_body 'value="other"[^>]*> 其他' "R-08.1 ... 其他"
expect_no_body "$PEN|data-record=" "R-08.1 no record is shown before a purpose is given"
expect_header Cache-Control 'no-store' "R-09.4 credit pages are not cached"
before_q=$(queries_of "$ENT_A")
before_a=$(audit_count "action = 'credit.view' AND object_id = '$ENT_A'")
expect_eq "$before_q:$before_a" "0:0" "R-08.1 opening the page alone logs nothing"

post_form "$GOVGZ" "$INTRANET/credit/$ENT_A" "$INTRANET/credit/$ENT_A"
expect_status 200 "R-08.1 an opening without a purpose is refused"
expect_body 'id="purpose-error"[^>]*>请选择查询目的' "R-08.1 ... said next to the field"
expect_no_body "$PEN|data-record=" "R-08.1 ... and no record shown"
post_form "$GOVGZ" "$INTRANET/credit/$ENT_A" "$INTRANET/credit/$ENT_A" \
	--data-urlencode "purpose=other"
expect_body 'id="purpose_text-error"[^>]*>选择“其他”时，请说明查询目的' "R-08.1 其他 needs its text"
expect_no_body "$PEN|data-record=" "R-08.1 ... no record shown"
post_form "$GOVGZ" "$INTRANET/credit/$ENT_A" "$INTRANET/credit/$ENT_A" \
	--data-urlencode "purpose=curiosity"
expect_body 'id="purpose-error"' "R-08.1 an unknown purpose is refused"
expect_no_body 'data-record=' "R-08.1 ... no record shown"
expect_eq "$(queries_of "$ENT_A"):$(audit_count "action = 'credit.view' AND object_id = '$ENT_A'")" \
	"0:0" "R-08.1 refused openings leave no query-log row and no audit row"

post_form "$GOVGZ" "$INTRANET/credit/$ENT_A" "$INTRANET/credit/$ENT_A" \
	--data-urlencode "purpose=duty" --data-urlencode "purpose_text=不应保存"
expect_status 200 "R-08.1 gov-gz opens the records for 行政履职"
expect_no_header Location "R-08.1 ... on the logged opening itself, no redirect"
expect_body "data-record=\"$R_PEN\"" "R-08.1 the current penalty is shown"
expect_body "$PEN" "R-08.1 ... with its content (文号)"
expect_body '<th scope="row">违法行为类型</th><td>虚假宣传' "R-08.1 ... labelled by its category's columns"
expect_body '<th scope="row">罚款金额（元）</th><td>5000.00' "R-08.1 ... money in yuan"
expect_no_body '<th scope="row">处罚内容</th>' "R-08.1 ... empty columns left out"
expect_body '<th scope="row">处罚决定日期</th><td class="credit-date">2026-03-01' "R-08.1 ... the category's date label and date"
expect_body 'class="credit-period">2099-12-31' "R-08.1 ... the end of its publication period"
expect_body "class=\"credit-batch\">$B_GZ<" "R-08.1 ... its import batch"
expect_body "data-record=\"$R_TAX\"" "R-08.1 a record without a period (纳税信用等级) is shown"
expect_body 'class="credit-source">佛山市市场监督管理局' "R-08.1 ... with its source agency"
expect_no_body "过期处罚$TAG" "R-08.1 a record past its publication period is not shown"
expect_no_body "撤回批次$TAG" "R-08.1 a record of a withdrawn batch is not shown"
expect_no_body "撤回记录$TAG" "R-08.1 a withdrawn record is not shown"
expect_eq "$(grep -o 'data-record="[0-9]*"' "$RESP_BODY" | tr -d -c '0-9\n' | paste -sd,)" \
	"$R_TAX,$R_PEN" "R-08.1 newest decision date first"
expect_body 'id="record-count">现行有效的信用信息共2条' "R-08.1 the count of current records"
expect_eq "$(sql "SELECT CONCAT_WS('|', user_id, role, org_kind, org_id, purpose, purpose_text,
	client_addr <> '') FROM credit_queries WHERE enterprise_id = $ENT_A")" \
	"$GOVGZ_ID|gov|agency|$GZ_AGENCY|duty||1" \
	"R-08.1 the query log has who, role, agency, purpose and client address"
expect_eq "$(sql "SELECT TIMESTAMPDIFF(MINUTE, at, UTC_TIMESTAMP()) < 5 FROM credit_queries
	WHERE enterprise_id = $ENT_A")" 1 "R-08.1 ... and when"
expect_eq "$(audit_count "action = 'credit.view' AND object_type = 'enterprise'
	AND object_id = '$ENT_A' AND actor_id = $GOVGZ_ID AND detail = 'purpose=duty'")" 1 \
	"X-AUD the opening is in the audit trail with its purpose"
Q1=$(sql "SELECT id FROM credit_queries WHERE enterprise_id = $ENT_A")
expect_body "id=\"opened\" data-query=\"$Q1\"" "R-08.1 the page names the logged opening"

# --- scope: agencies province-wide, operators their region (R-02.2) ------------------------
post_form "$GOVFS" "$INTRANET/credit/$ENT_A" "$INTRANET/credit/$ENT_A" \
	--data-urlencode "purpose=other" --data-urlencode "purpose_text=七一联合惩戒核查$TAG"
expect_status 200 "R-02.2 a Foshan agency opens a Guangzhou enterprise's records (province-wide)"
expect_body "$PEN" "R-02.2 ... and sees them"
expect_eq "$(queries_of "$ENT_A" "org_id = $FS_AGENCY AND org_kind = 'agency' AND purpose = 'other'
	AND purpose_text = '七一联合惩戒核查$TAG'")" 1 "R-08.1 ... logged with its agency and its text"

before=$(audit_count "action = 'access.denied' AND object_type = 'enterprise' AND object_id = '$ENT_A'")
before_q=$(queries_of "$ENT_A")
req GET "$INTRANET/credit/$ENT_A" --jar "$OPFS"
expect_status 404 "R-02.2 a Foshan operator cannot open a Guangzhou enterprise"
post_form "$OPFS" "$INTRANET/credit" "$INTRANET/credit/$ENT_A" --data-urlencode "purpose=supervision"
expect_status 404 "R-02.2 ... nor post a purpose for it"
expect_no_body "$PEN" "R-02.2 ... and sees no record"
expect_eq "$(audit_count "action = 'access.denied' AND object_type = 'enterprise' AND object_id = '$ENT_A'")" \
	$((before + 2)) "X-AUD both refusals are audited"
expect_eq "$(queries_of "$ENT_A")" "$before_q" "R-08.1 ... and leave no query-log row"

post_form "$OPGZ" "$INTRANET/credit/$ENT_A" "$INTRANET/credit/$ENT_A" --data-urlencode "purpose=supervision"
expect_status 200 "R-02.2 op-gz opens its city's enterprise for 日常监管"
expect_body "$PEN" "R-08.1 ... and sees the records"
expect_eq "$(queries_of "$ENT_A" "org_kind = 'office' AND role = 'operator' AND purpose = 'supervision'")" 1 \
	"R-08.1 operators' openings are logged too, with their office"
req GET "$INTRANET/credit/$ENT_A" --jar "$SUPGZ"
expect_status 200 "R-08.1 supervisors may open the page"
req GET "$INTRANET/credit/999999999" --jar "$GOVGZ"
expect_status 404 "R-08.1 no such enterprise: 404"
req GET "$INTERNET/credit/$ENT_A" --jar "$JA"
expect_status 404 "R-02.1 the credit pages of staff are not on the internet portal"

# --- the enterprise's side: report without a grant (R-08.2c) -----------------------------------
req GET "$INTERNET/my-credit" --jar "$JA"
expect_status 200 "R-08.2c the enterprise opens 我的信用信息"
expect_body 'href="/my-credit" aria-current="page"' "X-UI enterprises have the menu link 我的信用信息"
expect_body 'id="apply-form"' "R-08.2c ... with the form to apply"
expect_no_body 'id="report-link"' "R-08.2c ... and no report before a grant"
before=$(audit_count "action = 'access.denied' AND object_id = '$ENT_A'")
req GET "$INTERNET/my-credit/report" --jar "$JA"
expect_status 403 "R-08.2c the report without a grant is refused"
expect_body 'id="no-grant"' "R-08.2c ... with a page that says why"
expect_body 'href="/my-credit"' "R-08.2c ... and where to apply"
expect_no_body "$PEN" "R-08.2c ... and no record"
expect_eq "$(sql "SELECT COUNT(*) FROM credit_reports WHERE enterprise_id = $ENT_A")
$(queries_of "$ENT_A" "purpose = 'self'")" "0
0" "R-08.2c ... no report number, no query-log row"
expect_eq "$(audit_count "action = 'access.denied' AND object_id = '$ENT_A'")" $((before + 1)) \
	"X-AUD ... the refusal is audited"

# --- applying (R-08.2c) ------------------------------------------------------------------------------
post_form "$JA" "$INTERNET/my-credit" "$INTERNET/my-credit/apply" --data-urlencode "reason=   "
expect_status 200 "R-08.2c an application without a reason is refused"
expect_body 'id="reason-error"' "R-08.2c ... said next to the field"
long=$(printf '理%.0s' $(seq 1 501))
post_form "$JA" "$INTERNET/my-credit" "$INTERNET/my-credit/apply" --data-urlencode "reason=$long"
expect_body 'id="reason-error"' "R-08.2c a reason over 500 characters is refused"
expect_eq "$(sql "SELECT COUNT(*) FROM credit_self_requests WHERE enterprise_id = $ENT_A")" 0 \
	"R-08.2c ... nothing stored"
post_form "$JA" "$INTERNET/my-credit" "$INTERNET/my-credit/apply" --data-urlencode "reason=办理银行贷款需要$TAG"
expect_status 303 "R-08.2c the enterprise applies with a reason"
expect_header Location '^/my-credit\?done=applied$' "R-08.2c ... and returns to its page"
REQ_A=$(sql "SELECT id FROM credit_self_requests WHERE enterprise_id = $ENT_A")
expect_eq "$(sql "SELECT CONCAT_WS('|', status, region_code, user_id, reason) FROM credit_self_requests
	WHERE id = $REQ_A")" "pending|440100|$(uid_of "$EA")|办理银行贷款需要$TAG" \
	"R-08.2c a pending request of the enterprise's region"
expect_eq "$(audit_count "action = 'credit.self.apply' AND object_id = '$REQ_A'")" 1 "X-AUD the application is audited"
req GET "$INTERNET/my-credit?done=applied" --jar "$JA"
expect_body 'id="pending"' "R-08.2c the page says a request is pending"
expect_body "data-request=\"$REQ_A\"" "R-08.2c ... and lists it"
expect_no_body 'id="apply-form"' "R-08.2c ... without the form meanwhile"
post_form "$JA" "$INTERNET/my-credit" "$INTERNET/my-credit/apply" --data-urlencode "reason=再申请一次"
expect_status 200 "R-08.2c a second application while one is pending"
expect_body 'id="reason-error"[^>]*>您已有一份申请正在等待处理' "R-08.2c ... is refused next to the field"
expect_eq "$(sql "SELECT COUNT(*) FROM credit_self_requests WHERE enterprise_id = $ENT_A")" 1 \
	"R-08.2c one pending request at a time"

# --- deciding (R-08.2c, R-02.2) ----------------------------------------------------------------------
req GET "$INTRANET/credit-requests" --jar "$OPFS"
expect_status 200 "R-08.2c a Foshan operator opens the requests"
expect_no_body "data-request=\"$REQ_A\"" "R-02.2 ... without Guangzhou's"
before=$(audit_count "action = 'access.denied' AND object_type = 'credit_request' AND object_id = '$REQ_A'")
post_form "$OPFS" "$INTRANET/credit-requests" "$INTRANET/credit-requests/$REQ_A/decide" \
	--data-urlencode "result=grant"
expect_status 404 "R-02.2 a Foshan operator cannot decide a Guangzhou request"
expect_eq "$(audit_count "action = 'access.denied' AND object_type = 'credit_request' AND object_id = '$REQ_A'")" \
	$((before + 1)) "X-AUD ... audited"
post_form "$SUPGZ" "$INTRANET/credit-requests" "$INTRANET/credit-requests/$REQ_A/decide" \
	--data-urlencode "result=grant"
expect_status 403 "R-08.2c supervisors read the requests, operators decide"
expect_eq "$(sql "SELECT status FROM credit_self_requests WHERE id = $REQ_A")" pending "R-08.2c ... still pending"

req GET "$INTRANET/credit-requests" --jar "$OPGZ"
expect_status 200 "R-08.2c op-gz opens the requests of its city"
expect_body 'href="/credit-requests" aria-current="page"' "X-UI operators have the menu link 查询申请"
expect_body "class=\"request-pending\" data-request=\"$REQ_A\"" "R-08.2c ... the request is pending"
expect_body "id=\"decide-$REQ_A\"" "R-08.2c ... with the decision form"
req GET "$INTRANET/credit-requests" --jar "$SUPGZ"
expect_body "data-request=\"$REQ_A\"" "R-08.2c the supervisor sees it"
expect_no_body "id=\"decide-$REQ_A\"" "R-08.2c ... without the decision form"
post_form "$OPGZ" "$INTRANET/credit-requests" "$INTRANET/credit-requests/$REQ_A/decide"
expect_status 200 "R-08.2c a decision without a result is refused"
expect_body 'id="result-error"' "R-08.2c ... said next to the field"
post_form "$OPGZ" "$INTRANET/credit-requests" "$INTRANET/credit-requests/$REQ_A/decide" \
	--data-urlencode "result=refuse"
expect_body 'id="note-error"[^>]*>拒绝申请时请填写原因' "R-08.2c a refusal needs its reason"
expect_eq "$(sql "SELECT status FROM credit_self_requests WHERE id = $REQ_A")" pending "R-08.2c ... nothing decided"
post_form "$OPGZ" "$INTRANET/credit-requests" "$INTRANET/credit-requests/$REQ_A/decide" \
	--data-urlencode "result=grant" --data-urlencode "note=同意"
expect_status 303 "R-08.2c op-gz grants the request"
expect_header Location '^/credit-requests\?done=granted$' "R-08.2c ... and returns to the list"
expect_eq "$(sql "SELECT CONCAT_WS('|', status, decided_by, TIMESTAMPDIFF(MINUTE, decided_at, valid_until),
	TIMESTAMPDIFF(MINUTE, decided_at, UTC_TIMESTAMP()) < 5) FROM credit_self_requests WHERE id = $REQ_A")" \
	"granted|$(uid_of op-gz)|43200|1" \
	"R-08.2c granted for 30 days from now"
expect_eq "$(audit_count "action = 'credit.self.grant' AND object_id = '$REQ_A'")" 1 "X-AUD the grant is audited"
post_form "$OPGZ" "$INTRANET/credit-requests" "$INTRANET/credit-requests/$REQ_A/decide" \
	--data-urlencode "result=refuse" --data-urlencode "note=晚了"
expect_status 409 "R-08.2c a request is decided once"
expect_body 'id="stale"' "R-08.2c ... the list says so"
expect_eq "$(sql "SELECT status FROM credit_self_requests WHERE id = $REQ_A")" granted "R-08.2c ... it stays granted"

# --- the report (R-08.2c) --------------------------------------------------------------------------
req GET "$INTERNET/my-credit" --jar "$JA"
expect_body 'id="report-link"' "R-08.2c under a grant the page offers the report"
expect_body 'id="apply-form"' "R-08.2c ... and another application may follow"
post_form "$JA" "$INTERNET/my-credit" "$INTERNET/my-credit/report"
expect_status 303 "R-08.2c the enterprise issues its report (POST)"
req GET "$INTERNET/my-credit/report" --jar "$JA"
expect_status 200 "R-08.2c the enterprise opens its report"
expect_body '<body class="print">' "R-08.2c ... a print view"
expect_no_body '<nav class="menu"' "R-08.2c ... without navigation"
expect_header Cache-Control 'no-store' "R-09.4 ... not cached"
REP1=$(sql "SELECT MAX(id) FROM credit_reports WHERE enterprise_id = $ENT_A")
REP1_NO=$(sql "SELECT CONCAT('GDXY-', DATE_FORMAT(created_at + INTERVAL 8 HOUR, '%Y%m%d'), '-',
	LPAD(id, 8, '0')) FROM credit_reports WHERE id = $REP1")
expect_body "id=\"report-number\">$REP1_NO<" "R-08.2c the report number GDXY-date-id ($REP1_NO)"
expect_body "id=\"report-at\">$(TZ=Asia/Shanghai date +%F) [0-9]{2}:[0-9]{2}:[0-9]{2}<" \
	"R-08.2c ... the report time in Beijing"
expect_body "id=\"ent-uscc\">$USCC_A<" "R-08.2c ... the enterprise"
expect_body "$PEN" "R-08.2c ... its current records"
expect_body "data-record=\"$R_TAX\"" "R-08.2c ... all of them"
expect_no_body "过期处罚$TAG|撤回批次$TAG|撤回记录$TAG" "R-08.2c ... and none past its period or withdrawn"
expect_eq "$(sql "SELECT CONCAT_WS('|', request_id, user_id, records) FROM credit_reports WHERE id = $REP1")" \
	"$REQ_A|$(uid_of "$EA")|2" "R-08.2c the report is on record with its grant and record count"
expect_eq "$(queries_of "$ENT_A" "purpose = 'self' AND org_kind = 'enterprise' AND org_id = $ENT_A")" 1 \
	"R-08.2c the opening is in the query log with the purpose self"
expect_eq "$(audit_count "action = 'credit.report' AND object_id = '$ENT_A' AND detail LIKE 'report $REP1_NO;%'")" 1 \
	"X-AUD ... and in the audit trail"
req GET "$INTERNET/my-credit/report" --jar "$JA"
REP2_NO=$(grep -o 'id="report-number">[^<]*' "$RESP_BODY" | sed 's/.*>//')
expect_eq "$REP2_NO" "$REP1_NO" "R-08.2c a reload shows the same report, numbers no other"
n=$(sql "SELECT COUNT(*) FROM credit_reports WHERE enterprise_id = $ENT_A")
req HEAD "$INTERNET/my-credit/report" --jar "$JA"
expect_status 200 "R-08.2c HEAD of the report answers as GET would"
expect_eq "$(sql "SELECT COUNT(*) FROM credit_reports WHERE enterprise_id = $ENT_A")" "$n" \
	"R-08.2c ... without numbering a report"
sql "UPDATE credit_self_requests SET valid_until = UTC_TIMESTAMP() - INTERVAL 1 SECOND WHERE id = $REQ_A"
req GET "$INTERNET/my-credit/report" --jar "$JA"
expect_status 403 "R-08.2c a grant older than 30 days no longer opens the report"
req GET "$INTERNET/my-credit" --jar "$JA"
expect_body "data-request=\"$REQ_A\"" "R-08.2c ... the request stays listed"
expect_no_body 'id="report-link"' "R-08.2c ... without the report link"
sql "UPDATE credit_self_requests SET valid_until = UTC_TIMESTAMP() + INTERVAL 30 DAY WHERE id = $REQ_A"

# --- a refused request (R-08.2c) --------------------------------------------------------------------------
post_form "$JB" "$INTERNET/my-credit" "$INTERNET/my-credit/apply" --data-urlencode "reason=七一乙申请$TAG"
expect_status 303 "R-08.2c enterprise B applies"
REQ_B=$(sql "SELECT id FROM credit_self_requests WHERE enterprise_id = $ENT_B")
post_form "$OPGZ" "$INTRANET/credit-requests" "$INTRANET/credit-requests/$REQ_B/decide" \
	--data-urlencode "result=refuse" --data-urlencode "note=材料不全$TAG"
expect_status 303 "R-08.2c op-gz refuses B's request with a reason"
expect_eq "$(sql "SELECT CONCAT_WS('|', status, decision_note, valid_until IS NULL) FROM credit_self_requests
	WHERE id = $REQ_B")" "refused|材料不全$TAG|1" "R-08.2c ... refused, no validity"
expect_eq "$(audit_count "action = 'credit.self.refuse' AND object_id = '$REQ_B'")" 1 "X-AUD the refusal is audited"
req GET "$INTERNET/my-credit" --jar "$JB"
expect_body "class=\"request-refused\" data-request=\"$REQ_B\"" "R-08.2c B sees its request refused"
expect_body "材料不全$TAG" "R-08.2c ... with the reason"
expect_no_body "data-request=\"$REQ_A\"" "R-08.2c ... and not A's requests"
req GET "$INTERNET/my-credit/report" --jar "$JB"
expect_status 403 "R-08.2c a refused request opens no report"
req GET "$INTRANET/credit-requests" --jar "$OPGZ"
expect_body "class=\"request-refused\" data-request=\"$REQ_B\"" "R-08.2c the list shows decided requests too"

# --- 谁查询了我 (R-08.2c, R-09.4) ----------------------------------------------------------------------------
req GET "$INTERNET/my-credit/viewers" --jar "$JA"
expect_status 200 "R-08.2c the enterprise sees who viewed its credit information"
expect_body 'id="viewers-total">共3次查询' "R-08.2c ... every opening by others (3), not its own reports"
expect_body 'class="org">广州市市场监督管理局' "R-08.2c ... the agency"
expect_body 'class="org">佛山市市场监督管理局' "R-08.2c ... the other agency"
expect_body "class=\"purpose\">其他：七一联合惩戒核查$TAG<" "R-08.2c ... the purpose with its text for 其他"
expect_body 'class="purpose">行政履职<' "R-08.2c ... 行政履职"
expect_body 'class="org">中国人民银行广州市分行' "R-08.2c ... an operator as its office"
expect_body "$(TZ=Asia/Shanghai date +%F) [0-9]{2}:[0-9]{2}" "R-08.2c ... the date (Beijing)"
expect_no_body '赵磊|周静|王芳|gov-gz|gov-fs|op-gz' "R-08.2c ... never the person"
expect_no_body '企业查询本企业' "R-08.2c ... not its own report openings"
req GET "$INTERNET/my-credit/viewers" --jar "$JB"
expect_body 'id="viewers-total">共0次查询' "R-08.2c another enterprise sees none of these"
expect_no_body "七一联合惩戒核查$TAG" "R-08.2c ... not A's viewers"
req GET "$INTRANET/my-credit/viewers" --jar "$GOVGZ"
expect_status 404 "R-02.1 the enterprise's pages are not on the intranet"
req GET "$INTERNET/my-credit/viewers" --jar "$(jar_of nobody)"
expect_status 303 "R-08.2c signed out: to the sign-in"

# pagination: 25 more openings by Foshan's agency
for i in $(seq 1 25); do
	sql "INSERT INTO credit_queries (user_id, role, org_kind, org_id, enterprise_id, purpose)
		VALUES ($(uid_of gov-fs), 'gov', 'agency', $FS_AGENCY, $ENT_A, 'evaluation')"
done
req GET "$INTERNET/my-credit/viewers" --jar "$JA"
expect_body 'id="viewers-total">共28次查询' "R-08.2c 28 openings counted"
expect_eq "$(grep -c '<tr class="viewer"' "$RESP_BODY")" 20 "R-08.2c 20 a page"
expect_body 'rel="next" href="/my-credit/viewers\?page=2"' "R-08.2c ... with a link to the next"
expect_eq "$(grep -o 'data-purpose="[a-z]*"' "$RESP_BODY" | head -n 1)" 'data-purpose="evaluation"' \
	"R-08.2c newest first (the 信用评价 openings at the top)"
req GET "$INTERNET/my-credit/viewers?page=2" --jar "$JA"
expect_eq "$(grep -c '<tr class="viewer"' "$RESP_BODY")" 8 "R-08.2c page 2 has the other 8"
expect_body 'rel="prev"' "R-08.2c ... and a link back"
expect_no_body 'rel="next"' "R-08.2c ... and no next"
expect_body 'class="org">中国人民银行广州市分行' "R-08.2c ... the oldest openings last"
req GET "$INTERNET/my-credit/viewers?page=0" --jar "$JA"
expect_status 200 "R-08.2c a bad page number shows the first page"

# --- the audit rows are links of the chain (X-AUD) ---------------------------------------------
# (t_30 breaks the whole chain on purpose, so audit-verify is its business;
# here: each of the 8 credit rows -- 3 views, 1 report (a reload issues
# none), 2 applications, a grant and a refusal -- is sealed: its seal
# carries the chain value of the seal before it, issue 19 item 2)
"$DUIJIE_BUILD/duijie-admin" --config "$DUIJIE_CONF" audit-seal >/dev/null 2>&1
expect_eq "$(sql "SELECT COUNT(*), SUM(s.prev_chain = p.chain AND s.row_hash = a.hash)
	FROM audit_log a JOIN audit_seal s ON s.log_id = a.id
	JOIN audit_seal p ON p.seq = s.seq - 1 WHERE a.action LIKE 'credit.%'
	AND ((a.object_type = 'enterprise' AND a.object_id = '$ENT_A') OR
	(a.object_type = 'credit_request' AND a.object_id IN ('$REQ_A', '$REQ_B')))" | tr '\t' ' ')" \
	"8 8" \
	"X-AUD the credit rows of this file are chained to their predecessors"

done_testing
