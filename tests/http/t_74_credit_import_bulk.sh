#!/usr/bin/env bash
# t_74_credit_import_bulk.sh -- the credit import at size (issue 19 item 3):
# the validation writes a file's rows as the batch's records in 512-row
# inserts, with the enterprises it names for the first time, and the
# confirmation only shows them.  A 10 000-row file imports completely and
# once; an error row deep in a file stops its confirmation and nothing of
# it is shown; a row twice in the file far apart is found; the same file
# again is all unchanged; a discard deletes the rows (R-09.2, R-08.1).
#
# Uses enterprises with USCCs made here (91440100 + 7 + random digits);
# safe to run twice on a stack.
. "$(dirname "$0")/lib.sh"

batch_from_location() { header Location | sed -nE 's|^/credit/batches/([0-9]+).*|\1|p'; }
shown() {
	sql "SELECT COUNT(*) FROM credit_records r JOIN credit_batches b ON b.id = r.batch_id
		WHERE r.batch_id = $1 AND r.withdrawn = 0 AND b.status = 'confirmed'"
}
upload() {
	local jar=$1 cat=$2 file=$3 tok
	req GET "$INTRANET/credit/import" --jar "$jar"
	tok=$(csrf_from_body)
	req POST "$INTRANET/credit/import" --jar "$jar" -H "Origin: $INTRANET" \
		-F "csrf_token=$tok" -F "category=$cat" -F "encoding=auto" \
		-F "file=@$file;type=text/csv"
}

# bulk_csv FILE N TAG [BAD_ROW [TWICE_ROW]]: N rows of 行政处罚 over 200
# enterprises of this run (valid USCCs); row BAD_ROW (as the user counts,
# header = 1) with an impossible date; row TWICE_ROW a copy of row 3
bulk_csv() {
	awk -v n="$2" -v tag="$3" -v bad="${4:-0}" -v twice="${5:-0}" 'BEGIN {
		split("3 7 9 10 5 8 4 2", ow, " ")
		split("1 3 9 27 19 26 16 17 20 29 25 13 8 24 10 30 28", w, " ")
		cs = "0123456789ABCDEFGHJKLMNPQRTUWXY"
		for (e = 0; e < 200; e++) {
			body = sprintf("7%04d%03d", tag, e); s = 0
			for (i = 1; i <= 8; i++) s += substr(body, i, 1) * ow[i]
			c = 11 - s % 11
			code = "91440100" body ((c == 10) ? "X" : (c == 11) ? "0" : c)
			s = 0
			for (i = 1; i <= 17; i++) s += (index(cs, substr(code, i, 1)) - 1) * w[i]
			u[e] = code substr(cs, (31 - s % 31) % 31 + 1, 1)
		}
		printf "统一社会信用代码,企业名称,处罚决定日期,公示截止日期,处罚决定书文号,违法行为类型,处罚类别,罚款金额（元）,处罚内容,处罚机关\r\n"
		for (r = 1; r <= n; r++) {
			k = (r + 1 == twice) ? 2 : r
			d = (r + 1 == bad) ? "2026-02-30" : sprintf("2026-%02d-%02d", 1 + k % 12, 1 + k % 28)
			printf "%s,七四批量企业%d号有限公司,%s,,穗市监罚〔2026〕T%s-%d号,虚假宣传,罚款,%d.00,罚款%d元,广州市市场监督管理局\r\n",
			    u[k % 200], k % 200, d, tag, k, 1000 + k, 1000 + k
		}
	}' >"$1"
}

TAG=$(printf '%04d' $((RANDOM % 9000)))
PENALTY=2
N=10000
login "$INTRANET" gov-gz
GOVGZ=$(jar_of gov-gz)
ents0=$(sql "SELECT COUNT(*) FROM enterprises WHERE uscc LIKE '914401007${TAG}%'")

# --- 10 000 rows, imported completely and once ------------------------------------------
F=$T_TMP/bulk.csv
bulk_csv "$F" "$N" "$TAG"
upload "$GOVGZ" "$PENALTY" "$F"
expect_status 303 "R-09.2 a $N-row file is validated"
B1=$(batch_from_location)
expect_eq "$(sql "SELECT CONCAT(status, ':', rows_total, ':', rows_new, ':', rows_dup, ':', rows_error) FROM credit_batches WHERE id = $B1")" \
	"validated:$N:$N:0:0" "R-09.2 ... every row new, none with an error"
expect_eq "$(sql "SELECT CONCAT(COUNT(*), ':', COUNT(DISTINCT row_no), ':', MIN(row_no), ':', MAX(row_no)) FROM credit_records WHERE batch_id = $B1")" \
	"$N:$N:2:$((N + 1))" "issue 19 the validation wrote each row once as the batch's record, with its row of the file"
expect_eq "$(shown "$B1")" 0 "R-09.2 ... none shown before the confirmation"
expect_eq "$(sql "SELECT COUNT(*) FROM enterprises WHERE uscc LIKE '914401007${TAG}%'")" 200 \
	"R-08.1 the 200 enterprises the file names exist (created by the validation, $ents0 before)"
req GET "$INTRANET/credit/batches/$B1" --jar "$GOVGZ"
expect_body '<td>七四批量企业1号有限公司</td>' "R-09.2 the preview shows the first rows"
expect_body 'id="batch-confirm"' "R-09.2 ... and offers the confirmation"
post_form "$GOVGZ" "$INTRANET/credit/batches/$B1" "$INTRANET/credit/batches/$B1/confirm"
expect_status 303 "R-09.2 gov-gz confirms the $N rows"
expect_eq "$(shown "$B1")" "$N" "R-09.2 all $N records are shown"
expect_eq "$(sql "SELECT COUNT(*) FROM credit_records r JOIN enterprises e ON e.id = r.enterprise_id
	WHERE r.batch_id = $B1 AND JSON_VALUE(r.content, '$.doc_no') = CONCAT('穗市监罚〔2026〕T$TAG-', r.row_no - 1, '号')
	AND e.uscc LIKE '914401007${TAG}%'")" "$N" \
	"R-09.2 ... each with its own row's content and enterprise"
E7=$(sql "SELECT id FROM enterprises WHERE name = '七四批量企业7号有限公司' AND uscc LIKE '914401007${TAG}%'")
post_form "$GOVGZ" "$INTRANET/credit/$E7" "$INTRANET/credit/$E7" --data-urlencode "purpose=duty"
# its newest (2026-12-28): rows 1008 and 5208
expect_body "穗市监罚〔2026〕T${TAG}-1007号<" "R-08.1 the view shows an enterprise's imported records"

# --- the same file again: all unchanged ----------------------------------------------------
upload "$GOVGZ" "$PENALTY" "$F"
B2=$(batch_from_location)
expect_eq "$(sql "SELECT CONCAT(rows_new, ':', rows_dup, ':', rows_error) FROM credit_batches WHERE id = $B2")" \
	"0:$N:0" "R-09.2 the same $N rows again are counted as unchanged"
expect_eq "$(sql "SELECT COUNT(*) FROM credit_records WHERE batch_id = $B2 AND withdrawn <> 2")" 0 \
	"issue 19 ... each marked a duplicate (withdrawn = 2), never shown"
post_form "$GOVGZ" "$INTRANET/credit/batches/$B2" "$INTRANET/credit/batches/$B2/discard"
expect_status 303 "R-09.2 the unchanged batch is discarded"
expect_eq "$(sql "SELECT COUNT(*) FROM credit_records WHERE batch_id = $B2")" 0 "issue 19 ... and its rows deleted"
expect_eq "$(shown "$B1")" "$N" "R-09.2 ... the first batch's records stay shown"

# --- an error row deep in a file stops the confirmation -------------------------------------
G=$T_TMP/bulk-bad.csv
bulk_csv "$G" "$N" "$((10#$TAG + 1))" 9000
upload "$GOVGZ" "$PENALTY" "$G"
B3=$(batch_from_location)
expect_eq "$(sql "SELECT CONCAT(status, ':', rows_total, ':', rows_error) FROM credit_batches WHERE id = $B3")" \
	"validated:$N:1" "R-09.2 one impossible date among $N rows is an error"
expect_eq "$(sql "SELECT CONCAT(row_no, ':', value) FROM credit_batch_errors WHERE batch_id = $B3")" \
	"9000:2026-02-30" "R-09.2 ... on its row, with its value"
post_form "$GOVGZ" "$INTRANET/credit/batches/$B3" "$INTRANET/credit/batches/$B3/confirm"
expect_status 409 "R-09.2 the batch with the error cannot be confirmed"
expect_eq "$(sql "SELECT status FROM credit_batches WHERE id = $B3")" validated "R-09.2 ... it stays validated"
expect_eq "$(shown "$B3")" 0 "R-09.2 ... and none of its $((N - 1)) good rows is shown"
post_form "$GOVGZ" "$INTRANET/credit/batches/$B3" "$INTRANET/credit/batches/$B3/discard"
expect_status 303 "R-09.2 it is discarded"
expect_eq "$(sql "SELECT COUNT(*) FROM credit_records WHERE batch_id = $B3")" 0 "issue 19 ... its rows deleted"

# --- a row twice, far apart ----------------------------------------------------------------------
H=$T_TMP/bulk-twice.csv
bulk_csv "$H" "$N" "$((10#$TAG + 2))" 0 9500
upload "$GOVGZ" "$PENALTY" "$H"
B4=$(batch_from_location)
expect_eq "$(sql "SELECT CONCAT(rows_total, ':', rows_error) FROM credit_batches WHERE id = $B4")" \
	"$N:1" "R-09.2 a row twice in the file, 9497 rows apart, is an error"
expect_eq "$(sql "SELECT CONCAT(row_no, ':', value, ':', message) FROM credit_batch_errors WHERE batch_id = $B4")" \
	"9500:3:credit_dup_in_file" "R-09.2 ... on the second one, naming the first"
post_form "$GOVGZ" "$INTRANET/credit/batches/$B4" "$INTRANET/credit/batches/$B4/confirm"
expect_status 409 "R-09.2 ... and stops the confirmation"
post_form "$GOVGZ" "$INTRANET/credit/batches/$B4" "$INTRANET/credit/batches/$B4/discard"

# --- a worker killed during a validation leaves nothing ------------------------------------------
K=$T_TMP/bulk-kill.csv
bulk_csv "$K" 60000 "$((10#$TAG + 3))"
last=$(sql "SELECT COALESCE(MAX(id), 0) FROM credit_batches")
req GET "$INTRANET/credit/import" --jar "$GOVGZ"
tok=$(csrf_from_body)
curl -sk -o /dev/null -b "$GOVGZ" -H "Origin: $INTRANET" -F "csrf_token=$tok" -F "category=$PENALTY" \
	-F "encoding=auto" -F "file=@$K;type=text/csv" "$INTRANET/credit/import" &
cpid=$!
sleep 1.5
pkill -KILL -P "$(cat "$DUIJIE_STATE/run/duijie-intranet.pid")" 2>/dev/null || true
wait "$cpid" 2>/dev/null
sleep 1
nb=$(sql "SELECT COUNT(*) FROM credit_batches WHERE id > $last")
nr=$(sql "SELECT COUNT(*) FROM credit_records WHERE batch_id > $last")
if [ "$nb:$nr" = "0:0" ] || [ "$nb:$nr" = "1:60000" ]; then
	ok "R-09.2 a worker killed during a validation leaves all or nothing (batches $nb, rows $nr)"
else
	not_ok "R-09.2 a worker killed during a validation leaves all or nothing" "batches $nb, rows $nr"
fi
for i in 1 2 3 4 5 6 7 8 9 10; do
	req GET "$INTRANET/healthz"
	[ "$STATUS" = 200 ] && break
	sleep 0.5
done
expect_status 200 "the intranet pool restarts its workers"
if [ "$nb" = 1 ]; then
	login "$INTRANET" gov-gz
	B5=$(sql "SELECT id FROM credit_batches WHERE id > $last")
	post_form "$GOVGZ" "$INTRANET/credit/batches/$B5" "$INTRANET/credit/batches/$B5/discard"
fi

done_testing
