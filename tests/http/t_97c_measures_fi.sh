#!/usr/bin/env bash
# t_97c_measures_fi.sh -- an FI's measures (issue 16 "Measures on
# enterprise users", R-15.1, Art. 15 (3)): the manager of ICBC Guangzhou
# puts ent-a on its unwelcome credit-application list (its officer may
# not; an FI takes no other suspension); the list applies to its own
# dealings at once: an application to it is refused in the domain with a
# clear message, one to another bank is not; its officers see the entry
# on the application's page; another bank sees nothing of it (404) until
# the region's operator adopts it platform-wide and a supervisor approves
# it; the FI cannot lift an adopted one, it lifts its own at once; the
# operators export the measures as CSV (BOM, formula cells inert)
# (R-02.2, X-AUD, X-SEC).
#
# Creates measures whose reason contains 九七丙 and applications 九七丙测试,
# removed at the start and the end.
. "$(dirname "$0")/lib.sh"

ENT=$(sql "SELECT org_id FROM users WHERE username = 'ent-a'")
USCC=$(sql "SELECT uscc FROM enterprises WHERE id = $ENT")
ICBC=$(sql "SELECT id FROM fis WHERE name = '中国工商银行广州分行'")
P_ICBC=$(sql "SELECT id FROM products WHERE name = '经营快贷'")
P_CCB=$(sql "SELECT id FROM products WHERE name = '小微信用贷'")
uid_of() { sql "SELECT id FROM users WHERE username = '$1'"; }
mcol() { sql "SELECT $2 FROM measures WHERE id = $1"; }
audit_count() { sql "SELECT COUNT(*) FROM audit_log WHERE $1"; }
cleanup() {
	sql "DELETE i FROM inbox i JOIN measures m ON i.link = CONCAT('/measures/', m.id) WHERE m.reason LIKE '%九七丙%'"
	sql "DELETE FROM measures WHERE reason LIKE '%九七丙%'"
	sql "DELETE ev FROM loan_events ev JOIN loans l ON l.id = ev.loan_id WHERE l.purpose LIKE '九七丙测试%'"
	sql "DELETE FROM loans WHERE purpose LIKE '九七丙测试%'"
}
cleanup
TODAY=$(date -u -d "@$(( $(date +%s) + 8 * 3600 ))" +%F)

login "$INTERNET" ent-a; ENTA=$(jar_of ent-a)
login "$INTRANET" fi-gz; FIGZ=$(jar_of fi-gz)
login "$INTRANET" fi-gz-mgr; MGR=$(jar_of fi-gz-mgr)
login "$INTRANET" fi-gz2; CCB=$(jar_of fi-gz2)
login "$INTRANET" fi-fs; FS=$(jar_of fi-fs)
login "$INTRANET" op-gz; OPGZ=$(jar_of op-gz)
login "$INTRANET" sup-gz; SUPGZ=$(jar_of sup-gz)

# apply PRODUCT PURPOSE: ent-a publishes an application (PRODUCT "" open)
apply() {
	post_form "$ENTA" "$INTERNET/loans/new" "$INTERNET/loans/new" --data-urlencode "amount_wan=80" \
		--data-urlencode "term_months=12" --data-urlencode "purpose=$2" \
		--data-urlencode "product_id=$1" --data-urlencode "consent=1" \
		--data-urlencode "disclaimer=1" --data-urlencode "publish=1"
}
apply "$P_ICBC" "九七丙测试 工行"
expect_status 303 "setup: an application addressed to ICBC"
L1=$(sql "SELECT MAX(id) FROM loans WHERE purpose = '九七丙测试 工行'")
apply "$P_CCB" "九七丙测试 建行"
expect_status 303 "setup: one to CCB"
L2=$(sql "SELECT MAX(id) FROM loans WHERE purpose = '九七丙测试 建行'")

# --- who in an FI proposes, and what -------------------------------------------------------------------------
req GET "$INTRANET/measures" --jar "$MGR"
expect_status 200 "R-15.1 the FI's manager has the measures page"
expect_body 'id="measure-new"' "R-15.1 ... and may propose"
req GET "$INTRANET/measures/new" --jar "$FIGZ"
expect_status 403 "R-15.1 the FI's officer may not propose"
req GET "$INTRANET/measures/new" --jar "$MGR"
expect_body 'value="unwelcome"' "R-15.1 the FI's form offers the unwelcome list"
expect_no_body 'value="suspend_publish"' "R-15.1 ... and no suspension of the platform's rights"
post_form "$MGR" "$INTRANET/measures/new" "$INTRANET/measures/new" --data-urlencode "enterprise=$USCC" \
	--data-urlencode "kind=suspend_all" --data-urlencode "reason=九七丙 x" --data-urlencode "starts_on=$TODAY"
expect_status 200 "R-15.1 an FI's suspension is refused"
expect_body 'id="kind-error">金融机构可采取的措施' "X-UI ... told next to the field"
post_form "$MGR" "$INTRANET/measures/new" "$INTRANET/measures/new" --data-urlencode "enterprise=$USCC" \
	--data-urlencode "kind=unwelcome" --data-urlencode "reason==HYPERLINK(\"x\")九七丙 多次提供虚假财务报表" \
	--data-urlencode "starts_on=$TODAY"
expect_status 303 "R-15.1 the FI's manager lists the enterprise as unwelcome"
U=$(header Location | sed -n 's|^/measures/\([0-9]*\).*|\1|p')
expect_eq "$(mcol "$U" "CONCAT(status, '|', kind, '|', fi_id)")" "fi_active|unwelcome|$ICBC" "R-15.1 ... in force for its own dealings at once"
expect_eq "$(audit_count "action = 'measure.propose' AND object_id = '$U' AND detail LIKE '% fi'")" 1 "X-AUD ... audited"

# --- the domain refuses an application to it ---------------------------------------------------------------------
apply "$P_ICBC" "九七丙测试 再申请"
expect_status 200 "R-15.1 an application to the FI that listed the enterprise is refused"
expect_body 'id="product_id-error">该金融机构已将贵企业列入不受欢迎的信贷申请名单' "R-15.1 ... with a clear message"
expect_eq "$(sql "SELECT COUNT(*) FROM loans WHERE purpose = '九七丙测试 再申请'")" 0 "R-15.1 ... nothing published"
[ "$(audit_count "action = 'loan.create' AND outcome = 'denied' AND actor_id = $(uid_of ent-a) AND detail LIKE '%unwelcome%'")" -gt 0 ] &&
	ok "X-AUD ... the refusal audited" || not_ok "X-AUD ... the refusal audited"
apply "$P_CCB" "九七丙测试 建行二"
expect_status 303 "R-15.1 ... an application to another bank is not"
req GET "$INTERNET/loans/new" --jar "$ENTA"
expect_status 200 "R-15.1 ... nor is publishing suspended"
req GET "$INTERNET/measures/$U" --jar "$ENTA"
expect_status 200 "R-15.1 the enterprise sees the FI's measure"
expect_body '中国工商银行广州分行' "R-15.1 ... naming the FI"

# --- who sees the entry --------------------------------------------------------------------------------------------
req GET "$INTRANET/loans/$L1" --jar "$FIGZ"
expect_status 200 "R-15.1 the FI's officer opens the application"
expect_body 'id="loan-unwelcome"' "R-15.1 ... and sees the unwelcome entry on it"
req GET "$INTRANET/measures/$U" --jar "$FIGZ"
expect_status 200 "R-15.1 ... and the entry itself"
req GET "$INTRANET/measures/$U" --jar "$CCB"
expect_status 404 "R-02.2 another bank does not see an FI's own list"
req GET "$INTRANET/loans/$L2" --jar "$CCB"
expect_no_body 'id="loan-unwelcome"' "R-02.2 ... nor on its application's page"
req GET "$INTRANET/measures/$U" --jar "$FS"
expect_status 404 "R-02.2 nor a Foshan bank"
expect_eq "$(audit_count "action = 'access.denied' AND object_type = 'measure' AND object_id = '$U' AND actor_id = $(uid_of fi-fs)")" 1 "X-AUD ... the refusal audited"

# --- adopted platform-wide ------------------------------------------------------------------------------------------
req GET "$INTRANET/measures/$U" --jar "$OPGZ"
expect_status 200 "R-15.1 the FI's measure goes to the region's operators"
expect_body 'id="measure-adopt"' "R-15.1 ... who may adopt it"
post_form "$OPGZ" "$INTRANET/measures/$U" "$INTRANET/measures/$U/adopt"
expect_status 400 "R-15.1 an adoption needs a reason"
post_form "$OPGZ" "$INTRANET/measures/$U" "$INTRANET/measures/$U/adopt" --data-urlencode "note=九七丙 在全平台采用"
expect_status 303 "R-15.1 the operator adopts it"
expect_eq "$(mcol "$U" "CONCAT(status, '|', asked_by)")" "adopt_pending|$(uid_of op-gz)" "R-15.1 ... waiting for a supervisor"
req GET "$INTRANET/measures/$U" --jar "$CCB"
expect_status 404 "R-02.2 ... still the FI's own until approved"
post_form "$SUPGZ" "$INTRANET/measures/$U" "$INTRANET/measures/$U/approve"
expect_status 303 "R-15.1 the supervisor approves the adoption"
expect_eq "$(mcol "$U" status)" active "R-15.1 ... platform-wide"
req GET "$INTRANET/measures/$U" --jar "$CCB"
expect_status 200 "R-15.1 another bank handling its applications sees the entry now"
req GET "$INTRANET/loans/$L2" --jar "$CCB"
expect_body 'id="loan-unwelcome"' "R-15.1 ... on the application's page"
req GET "$INTRANET/measures/$U" --jar "$FS"
expect_status 404 "R-02.2 ... a bank that handles none of them does not"
apply "$P_ICBC" "九七丙测试 三"
expect_status 200 "R-15.1 the listing FI still refuses its applications"
post_form "$MGR" "$INTRANET/measures/$U" "$INTRANET/measures/$U/lift" --data-urlencode "note=九七丙"
expect_status 403 "R-15.1 the FI cannot lift the adopted measure"
expect_eq "$(audit_count "action = 'measure.lift' AND object_id = '$U' AND outcome = 'denied'")" 1 "X-AUD ... the refusal audited"

# --- the export ----------------------------------------------------------------------------------------------------
req GET "$INTRANET/measures.csv?kind=unwelcome" --jar "$OPGZ"
expect_status 200 "R-15.1 the operators export the measures"
expect_header Content-Type '^text/csv' "R-15.1 ... as CSV"
expect_eq "$(head -c 3 "$RESP_BODY" | od -An -tx1 | tr -d ' ')" efbbbf "R-15.1 ... with the BOM"
expect_body '"编号","统一社会信用代码","企业名称"' "R-15.1 ... a header row"
expect_body "\"'=HYPERLINK\(\"\"x\"\"\)九七丙" "X-SEC ... the formula cell inert"
expect_body "\"$USCC\"" "R-15.1 ... the enterprise's row"
[ "$(audit_count "action = 'measure.export' AND actor_id = $(uid_of op-gz)")" -gt 0 ] &&
	ok "X-AUD ... the export audited" || not_ok "X-AUD ... the export audited"
req GET "$INTRANET/measures.csv" --jar "$MGR"
expect_status 403 "R-15.1 an FI does not export"

# --- the FI lifts its own at once -------------------------------------------------------------------------------
post_form "$MGR" "$INTRANET/measures/new" "$INTRANET/measures/new" --data-urlencode "enterprise=$ENT" \
	--data-urlencode "kind=other" --data-urlencode "other_text=九七丙 暂停授信" \
	--data-urlencode "reason=九七丙 其他" --data-urlencode "starts_on=$TODAY"
expect_status 303 "R-15.1 the FI takes another measure of its own"
O=$(header Location | sed -n 's|^/measures/\([0-9]*\).*|\1|p')
post_form "$FIGZ" "$INTRANET/measures/$O" "$INTRANET/measures/$O/lift" --data-urlencode "note=九七丙"
expect_status 403 "R-15.1 ... its officer cannot lift it"
post_form "$MGR" "$INTRANET/measures/$O" "$INTRANET/measures/$O/lift" --data-urlencode "note=九七丙 已沟通"
expect_status 303 "R-15.1 ... its manager lifts it at once"
expect_eq "$(mcol "$O" status)" lifted "R-15.1 ... lifted"

cleanup
done_testing
