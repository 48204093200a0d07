#!/usr/bin/env bash
# t_70_credit_import.sh -- agencies' reviewed imports of credit information:
# the CSV template, an upload with row errors shown and downloadable, a
# batch with errors that cannot be confirmed, the fixed file in GBK
# (Excel's encoding) previewed and confirmed, unchanged duplicates on a
# second upload, withdrawal, discarding, scope, and a worker killed during
# a confirmation leaving all or nothing (R-09.2, R-08.1, R-02.2, X-AUD).
#
# Uses enterprises with USCCs made here (91440100 + 70 + random digits);
# safe to run twice on a stack.
. "$(dirname "$0")/lib.sh"

audit_count() { sql "SELECT COUNT(*) FROM audit_log WHERE $1"; }
batch_from_location() { header Location | sed -nE 's|^/credit/batches/([0-9]+).*|\1|p'; }
# shown BATCH: its records a view shows (the batch confirmed, the record
# neither withdrawn nor a duplicate; lib/credit/credit_view.c)
shown() {
	sql "SELECT COUNT(*) FROM credit_records r JOIN credit_batches b ON b.id = r.batch_id
		WHERE r.batch_id = $1 AND r.withdrawn = 0 AND b.status = 'confirmed'"
}

# uscc BODY8: a valid USCC of Guangzhou (91 440100 BODY8 + checks)
uscc() {
	awk -v body="$1" 'BEGIN {
		split("3 7 9 10 5 8 4 2", ow, " ")
		s = 0
		for (i = 1; i <= 8; i++) s += substr(body, i, 1) * ow[i]
		c = 11 - s % 11
		org = (c == 10) ? "X" : (c == 11) ? "0" : c
		code = "91440100" body org
		cs = "0123456789ABCDEFGHJKLMNPQRTUWXY"
		split("1 3 9 27 19 26 16 17 20 29 25 13 8 24 10 30 28", w, " ")
		s = 0
		for (i = 1; i <= 17; i++) s += (index(cs, substr(code, i, 1)) - 1) * w[i]
		printf "%s%s\n", code, substr(cs, (31 - s % 31) % 31 + 1, 1)
	}'
}

# upload JAR CATEGORY FILE [ENCODING]: the import form's token, then the
# multipart POST; leaves STATUS/HEADERS/BODY
upload() {
	local jar=$1 cat=$2 file=$3 enc=${4:-auto} tok
	req GET "$INTRANET/credit/import" --jar "$jar"
	tok=$(csrf_from_body)
	req POST "$INTRANET/credit/import" --jar "$jar" -H "Origin: $INTRANET" \
		-F "csrf_token=$tok" -F "category=$cat" -F "encoding=$enc" \
		-F "file=@$file;type=text/csv"
}

TAG=$(printf '%05d' $((RANDOM % 100000)))
U1=$(uscc "70${TAG}1") U2=$(uscc "70${TAG}2") U3=$(uscc "70${TAG}3")
BAD_USCC="${U1%?}$( [ "${U1: -1}" = 0 ] && echo 1 || echo 0 )"
PENALTY=2	# 行政处罚 (schema/008_credit.sql)

login "$INTRANET" gov-gz
GOVGZ=$(jar_of gov-gz)
login "$INTRANET" gov-fs
GOVFS=$(jar_of gov-fs)
login "$INTRANET" op-gz
OPGZ=$(jar_of op-gz)
GZ_AGENCY=$(sql "SELECT org_id FROM users WHERE username = 'gov-gz'")

# --- the form and the template ------------------------------------------------------
req GET "$INTRANET/credit/import" --jar "$GOVGZ"
expect_status 200 "R-09.2 gov-gz opens the import form"
expect_body '<option value="2">行政处罚</option>' "R-08.1 the categories are offered"
req GET "$INTRANET/credit/import" --jar "$OPGZ"
expect_status 403 "R-09.2 only agencies import"
req GET "$INTRANET/credit/categories/$PENALTY/template.csv" --jar "$GOVGZ"
expect_status 200 "R-09.2 the category's CSV template downloads"
expect_body $'^\xEF\xBB\xBF''"统一社会信用代码","企业名称","处罚决定日期","公示截止日期","处罚决定书文号","违法行为类型","处罚类别","罚款金额（元）","处罚内容","处罚机关"' \
	"R-09.2 ... with the fixed and the category's columns, BOM for Excel"
expect_eq "$(sed -n 2p "$RESP_BODY" | tr -d '\r')" \
	'"示例（导入时跳过此行）","广州市示例贸易有限公司","2026-01-15","2029-01-14","示例内容","示例内容","警告","10000.00","示例内容","示例内容"' \
	"issue 18 the template carries an example row (a choice's first value, a money amount)"
HEADER=$(sed -n '1s/^\xEF\xBB\xBF//p' "$RESP_BODY" | tr -d '\r')

# --- a file with errors -----------------------------------------------------------------
F=$T_TMP/penalty.csv
{
	printf '%s\r\n' "$HEADER"
	printf '%s,广州七十测试甲有限公司,2026-10-08,2029-10-08,穗市监罚〔2026〕%s号,虚假宣传,罚款,"12,000",罚款一万二千元,广州市市场监督管理局\r\n' "$U1" "$TAG"
	printf '%s,广州七十测试乙有限公司,2026-10-09,,穗市监罚〔2026〕%s-2号,无照经营,警告,,,广州市市场监督管理局\r\n' "$BAD_USCC" "$TAG"
	printf '%s,广州七十测试丙有限公司,2026-13-01,,穗市监罚〔2026〕%s-3号,无照经营,警告,,,广州市市场监督管理局\r\n' "$U3" "$TAG"
	printf '%s,广州七十测试丙有限公司,2026/10/10,,穗市监罚〔2026〕%s-4号,无照经营,拘留,,,广州市市场监督管理局\r\n' "$U3" "$TAG"
	printf '%s,广州七十测试甲有限公司,2026-10-08,2029-10-08,穗市监罚〔2026〕%s号,虚假宣传,罚款,"12,000",罚款一万二千元,广州市市场监督管理局\r\n' "$U1" "$TAG"
	printf '%s,广州七十测试丙有限公司,2026-10-11,2026-10-01,穗市监罚〔2026〕%s-6号,无照经营,警告,,,\r\n' "$U3" "$TAG"
} >"$F"
upload "$GOVGZ" "$PENALTY" "$F"
expect_status 303 "R-09.2 the upload is validated into a batch"
B1=$(batch_from_location)
expect_eq "$(sql "SELECT CONCAT(status, ':', rows_total, ':', rows_error) FROM credit_batches WHERE id = $B1")" \
	"validated:6:5" "R-09.2 six rows, five with errors"
req GET "$INTRANET/credit/batches/$B1" --jar "$GOVGZ"
expect_body 'id="count-errors">5<' "R-09.2 the preview counts the errors"
expect_body '<td>3</td><td>统一社会信用代码</td><td>'"$BAD_USCC"'</td><td>统一社会信用代码校验位不正确' \
	"R-09.2 a wrong USCC check character: row, column, value, message"
expect_body '<td>4</td><td>处罚决定日期</td><td>2026-13-01</td><td>应为日期' "R-09.2 an impossible date"
expect_body '<td>5</td><td>处罚类别</td><td>拘留</td><td>不是允许的取值（可选：警告、通报批评、罚款、没收违法所得、暂扣或者吊销许可证、责令停产停业、其他）' \
	"R-09.2 issue 18 a value not allowed, with the allowed values"
expect_body 'id="batch-status" data-status="validated">有错误，不能确认<' "issue 18 a batch that cannot be confirmed does not read 待确认"
expect_no_body '>待确认<' "issue 18 ... anywhere on its page"
expect_body '<td>6</td><td></td><td>2</td><td>与文件中前面的一行完全相同' "R-09.2 a row twice in the file"
expect_body '<td>7</td><td>处罚机关</td><td></td><td>请填写此项|<td>7</td><td>公示截止日期' "R-09.2 a missing required value / a period ending before the decision"
expect_no_body 'id="batch-confirm"' "R-09.2 a batch with errors offers no confirmation"
post_form "$GOVGZ" "$INTRANET/credit/batches/$B1" "$INTRANET/credit/batches/$B1/confirm"
expect_status 409 "R-09.2 ... and cannot be confirmed"
expect_eq "$(shown "$B1")" 0 "R-09.2 nothing took effect"
req GET "$INTRANET/credit/batches/$B1/errors.csv" --jar "$GOVGZ"
expect_header Content-Type '^text/csv' "R-09.2 the errors download as CSV"
expect_body '"4","处罚决定日期","2026-13-01","应为日期' "R-09.2 ... with row, column, value and message"
expect_body '"5","处罚类别","拘留","不是允许的取值（可选：警告、' "issue 18 ... the allowed values there too"
req GET "$INTRANET/credit/batches" --jar "$GOVGZ"
expect_body "batch-validated\">有错误，不能确认</td>" "issue 18 ... nor in the batch list"

# --- the fixed file, saved by Excel in GBK -------------------------------------------------
G=$T_TMP/penalty-gbk.csv
{
	printf '%s\r\n' "$HEADER"
	printf '%s,广州七十测试甲有限公司,2026-10-08,2029-10-08,穗市监罚〔2026〕%s号,虚假宣传,罚款,"12,000",罚款一万二千元,广州市市场监督管理局\r\n' "$U1" "$TAG"
	printf '%s,广州七十测试乙有限公司,2026-10-09,,穗市监罚〔2026〕%s-2号,无照经营,警告,,"多行\r\n说明",广州市市场监督管理局\r\n' "$U2" "$TAG"
	printf '%s,广州七十测试丙有限公司,2026/10/10,,穗市监罚〔2026〕%s-4号,无照经营,通报批评,,,广州市市场监督管理局\r\n' "$U3" "$TAG"
} | iconv -f UTF-8 -t GB18030 >"$G"
upload "$GOVGZ" "$PENALTY" "$G"
expect_status 303 "R-09.2 the GBK file is read"
B2=$(batch_from_location)
expect_eq "$(sql "SELECT CONCAT(encoding, ':', rows_total, ':', rows_new, ':', rows_error) FROM credit_batches WHERE id = $B2")" \
	"gb18030:3:3:0" "R-09.2 GBK detected, three new rows, no errors"
req GET "$INTRANET/credit/batches/$B2" --jar "$GOVGZ"
expect_body '<td>广州七十测试乙有限公司</td>' "R-09.2 the preview shows the rows in UTF-8"
expect_body '<td>12000.00</td>' "R-09.2 ... money normalised"
expect_body '<td>2026-10-10</td>' "R-09.2 ... dates normalised"
expect_body 'id="batch-confirm"' "R-09.2 a batch without errors can be confirmed"
expect_eq "$(shown "$B2")" 0 "R-09.2 nothing takes effect before the confirmation"
# issue 19: the validation wrote the records, the confirmation shows them
ids2=$(sql "SELECT CONCAT(COUNT(*), ':', MIN(id), ':', MAX(id)) FROM credit_records WHERE batch_id = $B2 AND withdrawn = 0")
if [[ $ids2 =~ ^3:[0-9]+:[0-9]+$ ]]; then
	ok "issue 19 the three rows wait as the batch's records, not shown"
else
	not_ok "issue 19 the three rows wait as the batch's records, not shown" "got $ids2"
fi
req GET "$INTRANET/credit/batches/$B2" --jar "$OPGZ"
expect_status 200 "R-02.2 the region's operator sees the batch"
expect_no_body 'id="batch-confirm"' "R-09.2 ... but only the agency confirms"
nd0=$(sql "SELECT COUNT(*) FROM audit_log WHERE action = 'access.denied' AND object_type = 'credit_batch' AND object_id = '$B2' AND outcome = 'denied' AND detail = 'not own agency'")
req GET "$INTRANET/credit/batches/$B2" --jar "$GOVFS"
expect_status 404 "R-02.2 another agency cannot open it (out of scope: 404, issue 13)"
expect_eq "$(sql "SELECT COUNT(*) FROM audit_log WHERE action = 'access.denied' AND object_type = 'credit_batch' AND object_id = '$B2' AND outcome = 'denied' AND detail = 'not own agency'")" \
	"$((nd0 + 1))" "X-AUD R-02.2 ... an access.denied audit row (the dispatcher's scoped load)"

post_form "$GOVGZ" "$INTRANET/credit/batches/$B2" "$INTRANET/credit/batches/$B2/confirm"
expect_status 303 "R-09.2 gov-gz confirms"
expect_eq "$(sql "SELECT COUNT(*) FROM credit_records WHERE batch_id = $B2 AND agency_id = $GZ_AGENCY AND category_id = $PENALTY")" 3 \
	"R-09.2 the records take effect with their agency and batch"
expect_eq "$(sql "SELECT COUNT(*) FROM enterprises WHERE uscc IN ('$U1', '$U2', '$U3')")" 3 \
	"R-08.1 enterprises named for the first time exist now"
expect_eq "$(shown "$B2")" 3 "R-09.2 ... and are shown"
expect_eq "$(sql "SELECT CONCAT(COUNT(*), ':', MIN(id), ':', MAX(id)) FROM credit_records WHERE batch_id = $B2")" "$ids2" \
	"issue 19 the confirmation copied nothing: the same rows, the same ids"
expect_eq "$(audit_count "action = 'credit.batch.confirm' AND object_id = '$B2'")" 1 "X-AUD the confirmation is audited"
expect_eq "$(sql "SELECT JSON_VALUE(content, '$.content') = CONCAT('多行', CHAR(10), '说明') FROM credit_records r
	JOIN enterprises e ON e.id = r.enterprise_id WHERE e.uscc = '$U2' AND r.batch_id = $B2")" 1 \
	"R-09.2 a quoted cell with a line break is kept (CRLF as LF)"

# records visible: an agency opens the enterprise with a purpose (R-08.1)
E1=$(sql "SELECT id FROM enterprises WHERE uscc = '$U1'")
post_form "$GOVGZ" "$INTRANET/credit/$E1" "$INTRANET/credit/$E1" --data-urlencode "purpose=duty"
expect_status 200 "R-08.1 the imported enterprise's credit information opens with a purpose"
expect_body "穗市监罚〔2026〕${TAG}号<" "R-09.2 the confirmed records are visible"
expect_body '广州市市场监督管理局' "R-08.1 ... with their source agency"

# the same file again: unchanged duplicates
upload "$GOVGZ" "$PENALTY" "$G"
B3=$(batch_from_location)
expect_eq "$(sql "SELECT CONCAT(rows_new, ':', rows_dup, ':', rows_error) FROM credit_batches WHERE id = $B3")" \
	"0:3:0" "R-09.2 rows already on record are counted as unchanged"
req GET "$INTRANET/credit/batches/$B3" --jar "$GOVGZ"
expect_no_body 'id="batch-confirm"' "R-09.2 nothing new: nothing to confirm"
post_form "$GOVGZ" "$INTRANET/credit/batches/$B3" "$INTRANET/credit/batches/$B3/discard"
expect_status 303 "R-09.2 the batch is discarded"
expect_eq "$(sql "SELECT status FROM credit_batches WHERE id = $B3")" discarded "R-09.2 ... and stays on the list as discarded"
expect_eq "$(sql "SELECT COUNT(*) FROM credit_records WHERE batch_id = $B3")" 0 "issue 19 a discarded batch's rows are deleted"

# --- withdrawal ------------------------------------------------------------------------------
post_form "$GOVGZ" "$INTRANET/credit/batches/$B2" "$INTRANET/credit/batches/$B2/withdraw"
expect_status 200 "R-09.2 a withdrawal needs its reason"
expect_body 'id="note-error"' "R-09.2 ... said next to the field"
post_form "$GOVGZ" "$INTRANET/credit/batches/$B2" "$INTRANET/credit/batches/$B2/withdraw" \
	--data-urlencode "note=处罚决定已被撤销"
expect_status 303 "R-09.2 gov-gz withdraws the batch"
expect_eq "$(sql "SELECT COUNT(*) FROM credit_records WHERE batch_id = $B2 AND withdrawn = 1")" 3 \
	"R-09.2 its records are withdrawn, and kept"
expect_eq "$(audit_count "action = 'credit.batch.withdraw' AND object_id = '$B2'")" 1 "X-AUD the withdrawal is audited"
post_form "$GOVGZ" "$INTRANET/credit/$E1" "$INTRANET/credit/$E1" --data-urlencode "purpose=duty"
expect_no_body "穗市监罚〔2026〕${TAG}号<" "R-09.2 withdrawn records disappear from the views"
req GET "$INTRANET/credit/batches" --jar "$OPGZ"
expect_body "<tr data-batch=\"$B2\">" "R-09.2 the region's batches list for operators"
req GET "$INTRANET/credit/batches" --jar "$GOVFS"
expect_no_body "<tr data-batch=\"$B2\">" "R-02.2 ... not for another agency"

# two uploads of one file validated side by side: the second confirmation
# imports nothing the first one did
upload "$GOVGZ" "$PENALTY" "$G"
B5=$(batch_from_location)
upload "$GOVGZ" "$PENALTY" "$G"
B6=$(batch_from_location)
expect_eq "$(sql "SELECT CONCAT(a.rows_new, ':', b.rows_new) FROM credit_batches a, credit_batches b WHERE a.id = $B5 AND b.id = $B6")" \
	"3:3" "R-09.2 (set up) two validated batches of the same rows (the first were withdrawn)"
post_form "$GOVGZ" "$INTRANET/credit/batches/$B5" "$INTRANET/credit/batches/$B5/confirm"
post_form "$GOVGZ" "$INTRANET/credit/batches/$B6" "$INTRANET/credit/batches/$B6/confirm"
expect_status 303 "R-09.2 the second is confirmed too"
expect_eq "$(shown "$B6"):$(shown "$B5")" \
	"0:3" "R-09.2 ... and imports none of the rows the first one did"
expect_eq "$(sql "SELECT CONCAT(rows_new, ':', rows_dup) FROM credit_batches WHERE id = $B6")" "0:3" \
	"R-09.2 ... counted as unchanged at its confirmation"
post_form "$GOVGZ" "$INTRANET/credit/batches/$B5" "$INTRANET/credit/batches/$B5/withdraw" \
	--data-urlencode "note=测试撤回"

# --- all or nothing: a worker killed during a confirmation --------------------------------------
N=20000
H=$T_TMP/honours.csv
req GET "$INTRANET/credit/categories/6/template.csv" --jar "$GOVGZ"
{
	# the whole template, its example row included: skipped by the import
	sed '1s/^\xEF\xBB\xBF//' "$RESP_BODY" | tr -d '\r'
	awk -v n=$N -v tag="$TAG" -v u="$U1" 'BEGIN {
		for (i = 1; i <= n; i++)
			printf "%s,广州七十测试甲有限公司,2026-10-01,荣誉%s-%d,市级,广州市人民政府\n", u, tag, i
	}'
} >"$H"
upload "$GOVGZ" 6 "$H"
B4=$(batch_from_location)
expect_eq "$(sql "SELECT CONCAT(rows_new, ':', rows_error) FROM credit_batches WHERE id = $B4")" \
	"$N:0" "R-09.2 a $N-row file validates (issue 18: the template's example row skipped)"
req GET "$INTRANET/credit/batches/$B4" --jar "$GOVGZ"
tok=$(csrf_from_body)
curl -sk -o /dev/null -b "$GOVGZ" -H "Origin: $INTRANET" --data-urlencode "csrf_token=$tok" \
	"$INTRANET/credit/batches/$B4/confirm" &
cpid=$!
sleep 0.3
# every worker of the intranet pool, whichever is confirming
pkill -KILL -P "$(cat "$DUIJIE_STATE/run/duijie-intranet.pid")" 2>/dev/null || true
wait "$cpid" 2>/dev/null
sleep 1
st=$(sql "SELECT status FROM credit_batches WHERE id = $B4")
n=$(shown "$B4")
if { [ "$st" = validated ] && [ "$n" = 0 ]; } || { [ "$st" = confirmed ] && [ "$n" = "$N" ]; }; then
	ok "R-09.2 a worker killed during the confirmation leaves all or nothing ($st, $n records)"
else
	not_ok "R-09.2 a worker killed during the confirmation leaves all or nothing" "status $st with $n records"
fi
# the pool is back
for i in 1 2 3 4 5 6 7 8 9 10; do
	req GET "$INTRANET/healthz"
	[ "$STATUS" = 200 ] && break
	sleep 0.5
done
expect_status 200 "the intranet pool restarts its workers"
if [ "$st" = validated ]; then
	login "$INTRANET" gov-gz
	post_form "$GOVGZ" "$INTRANET/credit/batches/$B4" "$INTRANET/credit/batches/$B4/confirm"
	expect_status 303 "R-09.2 the batch the kill interrupted is confirmed afterwards"
else
	ok "R-09.2 (the confirmation had finished before the kill)"
fi
expect_eq "$(sql "SELECT COUNT(*) FROM credit_records WHERE batch_id = $B4")" "$N" "R-09.2 every row once"
expect_eq "$(shown "$B4")" "$N" "R-09.2 ... and shown"

done_testing
