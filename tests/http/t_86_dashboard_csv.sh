#!/usr/bin/env bash
# t_86_dashboard_csv.sh -- the dashboard's list of gov users suspended in an
# emergency (issue 12 item 4) as CSV: /dashboard.csv?list=suspended, scoped
# like the list (the operator's region), formulas neutralised, audited
# (R-04, R-02.2, X-SEC, X-AUD).
#
# Works on gov users it inserts itself (t86-*) and an operator of its own;
# safe to run twice on a stack.
. "$(dirname "$0")/lib.sh"

uid_of() { sql "SELECT id FROM users WHERE username = '$1'"; }
audit_count() { sql "SELECT COUNT(*) FROM audit_log WHERE $1"; }

TAG=$RANDOM$$
GZ=t86-gz-$TAG FS=t86-fs-$TAG
# contacts are sealed (R-09.4): these take the demo gov users' sealed ones
sql "INSERT INTO users (username, role, region_code, org_kind, org_id, real_name, contact_enc,
	must_change_pw, pw_hash) SELECT '$GZ', role, region_code, org_kind, org_id, '八六广州',
	contact_enc, 0, pw_hash FROM users WHERE username = 'gov-gz'"
sql "INSERT INTO users (username, role, region_code, org_kind, org_id, real_name, contact_enc,
	must_change_pw, pw_hash) SELECT '$FS', role, region_code, org_kind, org_id, '八六佛山',
	contact_enc, 0, pw_hash FROM users WHERE username = 'gov-fs'"
GZID=$(uid_of "$GZ") FSID=$(uid_of "$FS")

login "$INTRANET" op-gz
OPGZ=$(jar_of op-gz)
FS_OP=t86-op-$TAG
otp=$("$DUIJIE_BUILD/duijie-admin" --config "$DUIJIE_CONF" create-operator "$FS_OP" \
	--name 测试员 --contact 0757-12345678 --region 440600 | sed -n 's/^one-time password.*: //p')
sql "UPDATE users SET must_change_pw = 0 WHERE username = '$FS_OP'"
login "$INTRANET" "$FS_OP" "$otp"
OPFS=$(jar_of "$FS_OP")

# A reason starting with "=" must not become a formula in the CSV
REASON="=HYPERLINK(\"x\")八六停用"
post_form "$OPGZ" "$INTRANET/users/$GZID" "$INTRANET/users/$GZID/suspend" --data-urlencode "reason=$REASON"
expect_status 303 "R-04 (set up) op-gz suspends a Guangzhou gov user"
post_form "$OPFS" "$INTRANET/users/$FSID" "$INTRANET/users/$FSID/suspend" --data-urlencode "reason=八六佛山停用"
expect_status 303 "R-04 (set up) the Foshan operator suspends a Foshan gov user"

req GET "$INTRANET/dashboard" --jar "$OPGZ"
expect_body 'href="/dashboard.csv\?list=suspended" id="csv-suspended"' "R-04 the dashboard links the suspended list's CSV"

before=$(audit_count "action = 'dashboard.export' AND object_id = 'suspended'")
req GET "$INTRANET/dashboard.csv?list=suspended" --jar "$OPGZ"
expect_status 200 "R-04 op-gz gets the suspended gov users as CSV"
expect_header Content-Type '^text/csv; charset=utf-8' "R-04 ... a UTF-8 CSV"
expect_header Content-Disposition 'attachment; filename="dashboard-suspended.csv"' "R-04 ... as an attachment"
expect_body '"用户名","姓名","所属机构","所属地区","暂停时间（北京时间）","暂停原因"' "R-04 ... with its header row"
expect_body "^\"$GZ\",\"八六广州\",\"[^\"]+\",\"[^\"]+\",\"[^\"]*\",\"'=HYPERLINK\(\"\"x\"\"\)八六停用\"" \
	"R-04 X-SEC ... the Guangzhou user's row, the reason's formula neutralised"
expect_no_body "\"=HYPERLINK" "X-SEC ... never a bare formula"
expect_no_body "\"$FS\"" "R-02.2 a Guangzhou operator's CSV has no Foshan user"
expect_eq "$(audit_count "action = 'dashboard.export' AND object_id = 'suspended'")" $((before + 1)) \
	"X-AUD the export is audited"
expect_eq "$(sql "SELECT detail REGEXP '^[1-9][0-9]* rows; scope=440100$' FROM audit_log
	WHERE action = 'dashboard.export' AND object_id = 'suspended' ORDER BY id DESC LIMIT 1")" 1 \
	"X-AUD ... with its row count and scope"

req GET "$INTRANET/dashboard.csv?list=suspended" --jar "$OPFS"
expect_status 200 "R-04 the Foshan operator gets its CSV"
expect_body "^\"$FS\",\"八六佛山\"" "R-02.2 ... with the Foshan user"
expect_no_body "\"$GZ\"" "R-02.2 ... and no Guangzhou user"

done_testing
