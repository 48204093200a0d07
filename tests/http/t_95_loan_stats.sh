#!/usr/bin/env bash
# t_95_loan_stats.sh -- the financing statistics (issue 14 "Operators",
# R-12.1, R-02.2, X-SEC, X-AUD): /loan-stats and /loan-stats.csv for a
# period, per city and per FI: applications, amounts requested / approved
# / disbursed, approval rate, median hours to take-up and to decision
# (an odd and an even count); the inline SVG charts (no script, titled,
# each bar labelled); the CSV (BOM, the same figures, a formula-looking
# name neutralised, audited); the dates validated with Chinese messages;
# a city's operator sees its city only, an FI its own applications only.
#
# The applications are written by SQL with known times, published in
# March 2020 (Beijing), a period no other test publishes in; purposes
# start with 九五统计, removed at the start and the end.
. "$(dirname "$0")/lib.sh"

FS_USCC=91440600T95STAT001
cleanup() {
	local ids
	ids=$(sql "SELECT GROUP_CONCAT(id) FROM loans WHERE purpose LIKE '九五统计%'")
	if [ "$ids" != NULL ] && [ -n "$ids" ]; then
		sql "DELETE FROM loan_events WHERE loan_id IN ($ids)"
		sql "DELETE FROM loans WHERE id IN ($ids)"
	fi
	sql "DELETE FROM enterprises WHERE uscc = '$FS_USCC'"
	sql "UPDATE fis SET name = '广州农村商业银行' WHERE name = '=广州农村商业银行'"
}
cleanup

ENTA=$(sql "SELECT org_id FROM users WHERE username = 'ent-a'")
ENTA_U=$(sql "SELECT id FROM users WHERE username = 'ent-a'")
ICBC=$(sql "SELECT id FROM fis WHERE name = '中国工商银行广州分行'")
CCB=$(sql "SELECT id FROM fis WHERE name = '中国建设银行广州分行'")
FSB=$(sql "SELECT id FROM fis WHERE name = '佛山农村商业银行'")
RCB=$(sql "SELECT id FROM fis WHERE name = '广州农村商业银行'")
sql "INSERT INTO enterprises (uscc, name, region_code) VALUES ('$FS_USCC', '佛山九五统计企业', '440600')"
ENTFS=$(sql "SELECT id FROM enterprises WHERE uscc = '$FS_USCC'")

# loan ENT REGION AMOUNT STATUS PUBLISHED(UTC) FI TAKE_H OUTCOME DECIDE_H APPROVED DISBURSED
# (NULL / 0 for none)
loan() {
	local ent=$1 region=$2 amount=$3 status=$4 pub=$5 fi=$6 take=$7 outcome=$8 dec=$9 appr=${10} disb=${11}
	sql "INSERT INTO loans (enterprise_id, region_code, fi_id, created_by, amount_wan, term_months,
		purpose, status, outcome, approved_amount_wan, disbursed_amount_wan, consent_at, published_at,
		taken_at, decided_at)
		VALUES ($ent, '$region', NULLIF($fi, 0), $ENTA_U, $amount, 12, '九五统计 $amount', '$status',
		$( [ "$outcome" = NULL ] && echo NULL || echo "'$outcome'"), NULLIF($appr, 0), NULLIF($disb, 0),
		$( [ "$pub" = NULL ] && echo NULL || echo "'$pub'"),
		$( [ "$pub" = NULL ] && echo NULL || echo "'$pub'"),
		IF($take = 0, NULL, '$pub' + INTERVAL $take HOUR),
		IF($dec = 0, NULL, '$pub' + INTERVAL $dec HOUR))"
}
# Guangzhou: take-up after 2, 4, 7, 9 h (median 5.5); decisions after 10, 20, 30 h (median 20)
loan "$ENTA" 440100 100 disbursed '2020-03-02 00:00:00' "$ICBC" 2 approved 10 80 80
loan "$ENTA" 440100 200 declined  '2020-03-03 00:00:00' "$ICBC" 4 declined 20 0 0
loan "$ENTA" 440100 300 approved  '2020-03-04 00:00:00' "$CCB" 7 approved 30 250 0
loan "$ENTA" 440100 50  published '2020-03-05 00:00:00' 0 0 NULL 0 0 0
loan "$ENTA" 440100 150 taken     '2020-03-07 00:00:00' "$ICBC" 9 NULL 0 0 0
# Foshan: taken after 1 h, approved after 5 h, 300 of 400 disbursed
loan "$ENTFS" 440600 500 disbursed '2020-03-06 00:00:00' "$FSB" 1 approved 5 400 300
# ... and a Guangzhou one of the other rural bank, to be renamed below
loan "$ENTA" 440100 70  published '2020-03-08 00:00:00' "$RCB" 0 NULL 0 0 0
# not counted: a draft, one published the day after the period ends (Beijing),
# one published at the last minute of its last day (counted)
loan "$ENTA" 440100 999 draft NULL 0 0 NULL 0 0 0
loan "$ENTA" 440100 888 published '2020-03-31 16:00:00' 0 0 NULL 0 0 0
loan "$ENTA" 440100 1   published '2020-03-31 15:59:00' 0 0 NULL 0 0 0
# the CSV neutralises a name a spreadsheet would run as a formula
sql "UPDATE fis SET name = '=广州农村商业银行' WHERE id = $RCB"

login "$INTRANET" op-gd; GD=$(jar_of op-gd)
login "$INTRANET" op-gz; OPGZ=$(jar_of op-gz)
login "$INTRANET" fi-gz; GZ=$(jar_of fi-gz)
P='from=2020-03-01&to=2020-03-31'

# cell TABLE KEY CLASS: the text of the cell of class CLASS in the row of
# KEY (data-key; "total" for the total row) of table TABLE
cell() {
	awk -v t="id=\"$1\"" -v k="$2" -v c="class=\"$3\">" '
		index($0, t) { intable = 1 }
		intable && /<\/table>/ { exit }
		intable && ((k == "total" && /<tr class="total">/) || index($0, "data-key=\"" k "\"")) { inrow = 1 }
		inrow && index($0, c) { s = substr($0, index($0, c) + length(c)); sub(/<\/td>.*/, "", s); print s; exit }
		inrow && /<\/tr>/ { inrow = 0 }' "$RESP_BODY"
}
# row TABLE KEY: the row's figures, apps..decide_h, space-separated
row() {
	local out='' c
	for c in apps requested decided approved rate approved-wan disbursed disbursed-wan take-h decide-h; do
		out+="$(cell "$1" "$2" "$c") "
	done
	printf '%s' "${out% }"
}

# --- the province ------------------------------------------------------------------------
req GET "$INTRANET/loan-stats?$P" --jar "$GD"
expect_status 200 "R-12.1 the province's operator opens the statistics"
expect_body '<a href="/loan-stats" aria-current="page">融资统计</a>' "X-UI ... from the 融资对接 menu"
expect_eq "$(row stats-city 440100)" "7 871 3 2 66.7% 330 1 80 5.5 20.0" \
	"R-12.1 Guangzhou: applications, requested, decided, approved, rate, amounts, median hours (even count: mean of the middle two)"
expect_eq "$(row stats-city 440600)" "1 500 1 1 100.0% 400 1 300 1.0 5.0" "R-12.1 Foshan's figures"
expect_eq "$(row stats-city total)" "8 1371 4 3 75.0% 730 2 380 4.0 15.0" "R-12.1 the province's total (medians over all: 1,2,4,7,9 h and 5,10,20,30 h)"
expect_eq "$(row stats-fi "$ICBC")" "3 450 2 1 50.0% 80 1 80 4.0 15.0" "R-12.1 per FI: the ICBC branch"
expect_eq "$(row stats-fi "$CCB")" "1 300 1 1 100.0% 250 0 0 7.0 30.0" "R-12.1 per FI: the CCB branch"
expect_eq "$(row stats-fi 0)" "2 51 0 0 — 0 0 0 — —" "R-12.1 the open applications not yet taken up form their own row"
expect_body '<th scope="row">尚未受理的开放申请</th>' "R-12.1 ... named so"
expect_no_body '九五统计 999|data-value="999"|>999<' "R-12.1 drafts and later applications are not counted"

# the charts: inline SVG, no script, titled, every bar with its value
expect_body '<svg class="chart" id="chart-city-apps" viewBox="0 0 640 [0-9]+" role="img" aria-labelledby="chart-city-apps-title chart-city-apps-desc" aria-label="各城市申请笔数"' "X-UI the charts are inline SVG with a role and a label"
expect_body '<title id="chart-city-amounts-title">各城市申请、批准、放款金额（万元）</title>' "X-UI ... each with its title"
expect_no_body '<script' "X-SEC ... and no script on the page"
# the scale: Guangzhou's 7 applications on a top of 10 are 70% of 370 px = 259
expect_body '<rect class="bar" x="180" y="[0-9]+" width="259" height="14" fill="#1f4e79" data-value="7"><title>广州市 申请笔数：7</title></rect>' \
	"R-12.1 a bar's length follows the scale (7 of 10: 259 of 370 px) and it carries its value"
expect_body 'data-value="871"><title>广州市 申请金额（万元）：871</title>' "R-12.1 the amounts chart shows Guangzhou's requested amount"
expect_body 'fill="#222222">871</text>' "X-UI ... written beside the bar"

# --- the CSV --------------------------------------------------------------------------------
N0=$(sql "SELECT COUNT(*) FROM audit_log WHERE action = 'loan_stats.export'")
req GET "$INTRANET/loan-stats.csv?$P" --jar "$GD"
expect_status 200 "R-12.1 the statistics as CSV"
expect_header 'Content-Type' 'text/csv; charset=utf-8' "R-12.1 ... as text/csv in UTF-8"
expect_header 'Content-Disposition' 'attachment; filename="loan-stats-2020-03-01-2020-03-31.csv"' "R-12.1 ... an attachment named after the period"
expect_eq "$(head -c 3 "$RESP_BODY" | od -An -tx1 | tr -d ' ')" efbbbf "R-12.1 ... starting with the BOM"
expect_body '^.?.?.?"维度","名称","申请笔数","申请金额（万元）"' "R-12.1 ... with its header row"
expect_body '^"按城市","广州市","7","871","3","2","66.7","330","1","80","5.5","20.0"' "R-12.1 ... Guangzhou's row, the same figures as the table"
expect_body '^"按城市","合计","8","1371","4","3","75.0","730","2","380","4.0","15.0"' "R-12.1 ... the total row"
expect_body "^\"按金融机构\",\"中国工商银行广州分行\",\"3\",\"450\"" "R-12.1 ... the FIs' rows"
expect_body "^\"按金融机构\",\"'=广州农村商业银行\",\"1\",\"70\"" "X-SEC ... a name starting with = is neutralised"
expect_eq "$(sql "SELECT COUNT(*) FROM audit_log WHERE action = 'loan_stats.export'")" $((N0 + 1)) "X-AUD the export is audited"

# --- scope ----------------------------------------------------------------------------------
req GET "$INTRANET/loan-stats?$P" --jar "$OPGZ"
expect_status 200 "R-02.2 Guangzhou's operator opens the statistics"
expect_eq "$(row stats-city 440100)" "7 871 3 2 66.7% 330 1 80 5.5 20.0" "R-02.2 ... with Guangzhou's figures"
expect_no_body 'data-key="440600"|佛山市|佛山农村商业银行' "R-02.2 ... and none of Foshan's"
expect_eq "$(cell stats-city total apps)" 7 "R-02.2 ... its total is Guangzhou's"
req GET "$INTRANET/loan-stats.csv?$P" --jar "$OPGZ"
expect_no_body '佛山' "R-02.2 ... nor in its CSV"
req GET "$INTRANET/loan-stats?$P" --jar "$GZ"
expect_status 200 "R-12.1 an FI's user opens its FI's statistics"
expect_eq "$(row stats-fi "$ICBC")" "3 450 2 1 50.0% 80 1 80 4.0 15.0" "R-12.1 ... its own figures"
expect_no_body "data-key=\"$CCB\"|中国建设银行广州分行|data-key=\"0\"" "R-02.2 ... and no other FI's, nor the open applications"
expect_eq "$(cell stats-city 440100 apps)" 3 "R-02.2 ... per city only its own applications"
req GET "$INTERNET/loan-stats?$P" --jar "$(jar_of nobody)"
expect_status 404 "R-02.2 the statistics are not on the internet portal"

# --- the period -----------------------------------------------------------------------------
req GET "$INTRANET/loan-stats?from=2020-03-31&to=2020-03-01" --jar "$GD"
expect_status 200 "X-UI a period ending before it starts is refused"
expect_body 'id="to-error">结束日期不能早于开始日期' "X-UI ... told in Chinese next to the end date"
expect_body 'value="2020-03-01"' "X-UI ... the dates kept as typed"
expect_no_body 'id="stats-city"' "X-UI ... and no figures"
req GET "$INTRANET/loan-stats?from=2020-02-30&to=2020-03-01" --jar "$GD"
expect_body 'id="from-error">' "X-UI an impossible date is told next to the field"
expect_body 'value="2020-02-30"' "X-UI ... kept as typed"
req GET "$INTRANET/loan-stats.csv?from=2000-01-01&to=2020-03-01" --jar "$GD"
expect_body 'id="from-error">统计期间不能超过十年' "X-UI a period over ten years is refused (the CSV answers with the form)"
req GET "$INTRANET/loan-stats" --jar "$GD"
expect_status 200 "R-12.1 without dates: the last 30 days"
expect_body "value=\"$(TZ=Asia/Shanghai date +%F)\"" "R-12.1 ... ending today (Beijing)"
expect_body "value=\"$(TZ=Asia/Shanghai date -d '-29 days' +%F)\"" "R-12.1 ... starting 29 days before"

cleanup
done_testing
