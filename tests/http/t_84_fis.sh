#!/usr/bin/env bash
# t_84_fis.sh -- the financial institutions on the intranet (issue 14):
# the operators' list and pages scoped by region (another region's FI is a
# 404), creation and editing with the 14-character 金融机构编码 checked and
# messages next to the fields, the FI managers opened and closed by the
# region's operators, the officers opened and closed by their FI's manager
# and only by it, contacts sealed, every change with its audit row
# (R-02.2, R-02.3, X-AUD, X-SEC, X-UI).
#
# Creates FIs named 八四测试* (codes Z84…) and users t84-*, and removes
# them at the start, so the file runs again on the same stack.  The demo
# FIs and their users are only read.
. "$(dirname "$0")/lib.sh"

uid_of() { sql "SELECT id FROM users WHERE username = '$1'"; }
fi_of() { sql "SELECT id FROM fis WHERE name = '$1'"; }
audit_count() { sql "SELECT COUNT(*) FROM audit_log WHERE $1"; }
cleanup() {
	sql "DELETE s FROM sessions s JOIN users u ON u.id = s.user_id WHERE u.username LIKE 't84-%'"
	sql "DELETE h FROM password_history h JOIN users u ON u.id = h.user_id WHERE u.username LIKE 't84-%'"
	sql "DELETE FROM users WHERE username LIKE 't84-%'"
	sql "DELETE FROM fis WHERE name LIKE '八四测试%' AND parent_id IS NOT NULL"
	sql "DELETE FROM fis WHERE name LIKE '八四测试%'"
}
cleanup

ICBC=$(fi_of 中国工商银行广州分行)
CCB=$(fi_of 中国建设银行广州分行)
FSRCB=$(fi_of 佛山农村商业银行)
expect_eq "$([ -n "$ICBC" ] && [ -n "$CCB" ] && [ -n "$FSRCB" ] && echo yes)" yes "demo data has the Guangzhou and Foshan FIs"

login "$INTRANET" op-gz; OPGZ=$(jar_of op-gz)
# A Foshan operator of this file's own (the demo op-fs has TOTP after t_30)
FS_OP=t84-fs-$$
otp=$("$DUIJIE_BUILD/duijie-admin" --config "$DUIJIE_CONF" create-operator "$FS_OP" \
	--name 测试员 --contact 0757-12345678 --region 440600 | sed -n 's/^one-time password.*: //p')
sql "UPDATE users SET must_change_pw = 0 WHERE username = '$FS_OP'"
login "$INTRANET" "$FS_OP" "$otp"; OPFS=$(jar_of "$FS_OP")
login "$INTRANET" op-gd; OPGD=$(jar_of op-gd)
login "$INTRANET" sup-gz; SUPGZ=$(jar_of sup-gz)
login "$INTRANET" fi-gz-mgr
expect_status 303 "R-02.3 the FI manager fi-gz-mgr signs in"
MGR=$(jar_of fi-gz-mgr)
login "$INTRANET" fi-gz; OFF=$(jar_of fi-gz)
login "$INTRANET" fi-gz2; OFF2=$(jar_of fi-gz2)
login "$INTRANET" gov-gz; GOV=$(jar_of gov-gz)

# --- the list, scoped by region (R-02.2) ---------------------------------------------
req GET "$INTRANET/fis" --jar "$OPGZ"
expect_status 200 "R-02.2 a Guangzhou operator opens /fis"
expect_body '<title>金融机构' "X-UI the list has a Chinese title"
expect_body 'aria-current="page">金融机构' "X-UI the operators' menu shows 金融机构"
expect_body '>中国工商银行广州分行</a>' "R-02.2 a Guangzhou operator sees Guangzhou's FIs"
expect_body '>广州农村商业银行</a>' "R-02.2 ... all three of them"
expect_no_body '佛山农村商业银行' "R-02.2 ... and not Foshan's"
expect_body 'href="/fis/new"' "R-02.3 an operator is offered a new FI"
req GET "$INTRANET/fis" --jar "$OPGD"
expect_body '>佛山农村商业银行</a>' "R-02.2 the province's operators see every FI"
expect_body '>中国建设银行广州分行</a>' "R-02.2 ... Guangzhou's too"
req GET "$INTRANET/fis" --jar "$SUPGZ"
expect_status 200 "R-02.3 a supervisor reads /fis"
expect_no_body 'href="/fis/new"' "R-02.3 ... without the way to create one"
req GET "$INTRANET/fis" --jar "$OFF"
expect_status 403 "R-02.3 an FI user may not open the list of FIs"
req GET "$INTRANET/fis" --jar "$GOV"
expect_status 403 "R-02.3 a gov user may not open /fis"

# --- one FI: another region's is a 404 (the scope is in the query) -----------------------
req GET "$INTRANET/fis/$ICBC" --jar "$OPFS"
expect_status 404 "R-02.2 a Foshan operator cannot see a Guangzhou FI"
req GET "$INTRANET/fis/$ICBC/edit" --jar "$OPFS"
expect_status 404 "R-02.2 ... nor open its edit form"
post_form "$OPFS" "$INTRANET/fis" "$INTRANET/fis/$ICBC/edit" \
	--data-urlencode "name=佛山改名" --data-urlencode "kind=bank" --data-urlencode "code=C1010244010016"
expect_status 404 "R-02.2 ... nor edit it by a forged POST"
expect_eq "$(sql "SELECT name FROM fis WHERE id = $ICBC")" "中国工商银行广州分行" "R-02.2 ... and the FI is unchanged"
req GET "$INTRANET/fis/$FSRCB" --jar "$OPFS"
expect_status 200 "R-02.2 a Foshan operator sees Foshan's FI"
req GET "$INTRANET/fis/$ICBC" --jar "$OPGZ"
expect_status 200 "R-02.2 a Guangzhou operator opens ICBC Guangzhou"
expect_body 'id="fi-code"><code>C1010244010016</code>' "R-02.3 the page shows the 金融机构编码"
expect_body 'id="member-fi-gz-mgr"' "R-02.3 the FI's page lists its manager"
expect_body 'id="member-fi-gz"' "R-02.3 ... and its officer"
expect_body '普惠金融事业部' "R-02.3 ... with the officer's department"
expect_no_body '020-83330201' "X-SEC the officer's contact is masked on the page"
expect_body 'href="/users/[0-9]*" class="user-link">fi-gz<' "R-02.3 the region's operators reach each FI user's account page (reset, suspend)"
expect_body '开设机构管理员' "R-02.3 the region's operators are offered to open a manager"
expect_body '>经营快贷</a>' "R-12.1 the FI's page lists its products"
req GET "$INTRANET/fis/$ICBC" --jar "$MGR"
expect_status 200 "R-02.3 the FI's manager opens its own FI"
expect_body 'aria-current="page">本机构' "X-UI the FI's menu shows 本机构"
expect_body 'href="/products"' "X-UI ... and 金融产品"
expect_body '开设客户经理' "R-02.3 the manager is offered to open an officer"
expect_no_body 'class="user-link"' "R-02.3 ... but no link to the operators' account pages"
req GET "$INTRANET/fis/$CCB" --jar "$MGR"
expect_status 404 "R-02.3 a manager cannot see another FI"
req GET "$INTRANET/fis/$ICBC" --jar "$OFF"
expect_status 200 "R-02.3 an officer reads its own FI"
expect_no_body 'id="fi-user-open"' "R-02.3 ... without the form to open users"
req GET "$INTRANET/fis/$ICBC" --jar "$OFF2"
expect_status 404 "R-02.3 an officer of another bank cannot see ICBC"

# --- create: the code checked, messages next to the fields, input kept -----------------
req GET "$INTRANET/fis/new" --jar "$OPGZ"
expect_status 200 "R-02.3 an operator opens the new FI form"
expect_body '<option value="440100" selected>广州市（440100）</option>' "R-02.2 a city operator's region is preselected"
expect_no_body 'value="440600"' "R-02.2 ... no other city is offered"
post_form "$OPGZ" "$INTRANET/fis/new" "$INTRANET/fis/new" \
	--data-urlencode "name=八四测试银行" --data-urlencode "kind=bank" \
	--data-urlencode "code=Z8400000000" --data-urlencode "region=440100" --data-urlencode "address=天河路 84 号"
expect_status 200 "R-02.3 a short code is refused"
expect_body 'id="code-error">金融机构编码应为 14 位' "R-02.3 ... with the message next to the code"
expect_body 'value="八四测试银行"' "X-UI ... the name kept as typed"
expect_body 'value="天河路 84 号"' "X-UI ... the address kept as typed"
post_form "$OPGZ" "$INTRANET/fis/new" "$INTRANET/fis/new" \
	--data-urlencode "name=八四测试银行" --data-urlencode "kind=bank" \
	--data-urlencode "code=z8400000000001" --data-urlencode "region=440100"
expect_body 'id="code-error">金融机构编码只能由大写字母和数字组成' "R-02.3 a lower-case code is refused with its message"
post_form "$OPGZ" "$INTRANET/fis/new" "$INTRANET/fis/new" \
	--data-urlencode "name=八四测试银行" --data-urlencode "kind=bank" \
	--data-urlencode "code=Y8400000000001" --data-urlencode "region=440100"
expect_body 'id="code-error">金融机构编码的首位应为机构类别字母' "R-02.3 a code without a JR/T 0124 category letter is refused"
post_form "$OPGZ" "$INTRANET/fis/new" "$INTRANET/fis/new" \
	--data-urlencode "name=八四测试银行" --data-urlencode "kind=bank" \
	--data-urlencode "code=C1010244010016" --data-urlencode "region=440100"
expect_body 'id="code-error">该地区已有同名的金融机构，或该编码已被使用' "R-02.3 a code another FI has is refused"
post_form "$OPGZ" "$INTRANET/fis/new" "$INTRANET/fis/new" \
	--data-urlencode "name=八四测试银行" --data-urlencode "kind=bank" \
	--data-urlencode "code=Z8400000000001" --data-urlencode "region=440600"
expect_status 200 "R-02.2 a Guangzhou operator cannot create a Foshan FI"
expect_body 'id="region-error">请选择有效的地区' "R-02.2 ... told next to the region"
post_form "$OPGZ" "$INTRANET/fis/new" "$INTRANET/fis/new" \
	--data-urlencode "name=八四测试银行" --data-urlencode "kind=bank" \
	--data-urlencode "code=Z8400000000001" --data-urlencode "region=440100" \
	--data-urlencode "parent_id=$FSRCB"
expect_status 200 "R-02.2 a parent outside the operator's scope is refused"
expect_body 'id="parent_id-error">' "R-02.2 ... next to the parent"
expect_eq "$(sql "SELECT COUNT(*) FROM fis WHERE name LIKE '八四测试%'")" 0 "R-02.3 no refused form wrote an FI"
post_form "$OPGZ" "$INTRANET/fis/new" "$INTRANET/fis/new" \
	--data-urlencode "name=八四测试银行" --data-urlencode "kind=bank" \
	--data-urlencode "code=Z8400000000001" --data-urlencode "region=440100" --data-urlencode "address=天河路 84 号"
expect_status 303 "R-02.3 a good form creates the FI"
T84=$(fi_of 八四测试银行)
expect_header 'Location' "^/fis/$T84[?]done=created$" "R-02.3 ... and shows it"
expect_eq "$(audit_count "action = 'fi.create' AND object_id = '$T84' AND actor_id = $(uid_of op-gz)")" 1 "X-AUD the creation has its audit row"
post_form "$OPGZ" "$INTRANET/fis/new" "$INTRANET/fis/new" \
	--data-urlencode "name=八四测试支行" --data-urlencode "kind=bank" \
	--data-urlencode "code=Z8400000000002" --data-urlencode "region=440100" --data-urlencode "parent_id=$T84"
expect_status 303 "R-02.3 a sub-branch is created under its parent"
T84B=$(fi_of 八四测试支行)
req GET "$INTRANET/fis/$T84B" --jar "$OPGZ"
expect_body 'id="fi-parent">八四测试银行' "R-02.3 the sub-branch names its parent"

# --- edit ------------------------------------------------------------------------------------
req GET "$INTRANET/fis/$T84/edit" --jar "$OPGZ"
expect_body 'value="Z8400000000001"' "R-02.3 the edit form has the stored code"
post_form "$OPGZ" "$INTRANET/fis/$T84/edit" "$INTRANET/fis/$T84/edit" \
	--data-urlencode "name=八四测试银行" --data-urlencode "kind=rural_credit" \
	--data-urlencode "code=Z8400000000001" --data-urlencode "address=珠江新城 84 号" --data-urlencode "region=440600"
expect_status 303 "R-02.3 the operator edits the FI"
expect_eq "$(sql "SELECT CONCAT(kind, '|', address, '|', region_code) FROM fis WHERE id = $T84")" "rural_credit|珠江新城 84 号|440100" "R-02.2 kind and address changed, a posted region ignored"
expect_eq "$(sql "SELECT detail FROM audit_log WHERE action = 'fi.update' AND object_id = '$T84' ORDER BY id DESC LIMIT 1")" "kind,address" "X-AUD the edit's audit row names the changed fields"
post_form "$OPGZ" "$INTRANET/fis/$T84/edit" "$INTRANET/fis/$T84/edit" \
	--data-urlencode "name=八四测试银行" --data-urlencode "kind=bank" \
	--data-urlencode "code=Z8400000000001" --data-urlencode "parent_id=$T84"
expect_body 'id="parent_id-error">' "R-02.3 an FI cannot be its own parent"

# --- managers: opened and closed by the region's operators ------------------------------------
post_form "$OPGZ" "$INTRANET/fis/$T84" "$INTRANET/fis/$T84/users" \
	--data-urlencode "username=T84 bad" --data-urlencode "real_name=测" --data-urlencode "contact=020-84848484"
expect_status 200 "R-02.3 a bad username is refused"
expect_body 'id="username-error">' "R-02.3 ... with a message next to the username"
expect_body 'id="real_name-error">' "R-02.3 ... and next to a too-short name"
expect_body 'value="020-84848484"' "X-UI ... the contact kept as typed"
post_form "$OPGZ" "$INTRANET/fis/$T84" "$INTRANET/fis/$T84/users" \
	--data-urlencode "username=t84-mgr" --data-urlencode "real_name=八四经理" --data-urlencode "contact=020-84848484"
expect_status 200 "R-02.3 the region's operator opens a manager"
expect_body 'id="otp">[A-Za-z0-9._+-]{14}<' "R-02.3 ... and is shown its one-time password"
expect_header 'Cache-Control' 'no-store' "X-SEC the password page is not cached"
MGR84=$(uid_of t84-mgr)
expect_eq "$(sql "SELECT CONCAT(role, '|', org_kind, '|', org_id, '|', fi_manager, '|', region_code, '|', must_change_pw) FROM users WHERE id = $MGR84")" "fi|fi|$T84|1|440100|1" "R-02.3 the manager is an fi user of its FI with the manager flag, changing its password first"
expect_eq "$(sql "SELECT COUNT(*) FROM users WHERE id = $MGR84 AND contact_enc <> '' AND contact_enc NOT LIKE '%84848484%'")" 1 "X-SEC the contact is sealed, never plain"
expect_eq "$(audit_count "action = 'fi.user.open.manager' AND object_id = '$MGR84'")" 1 "X-AUD the opening has its audit row"
post_form "$OPGZ" "$INTRANET/fis/$T84" "$INTRANET/fis/$T84/users" \
	--data-urlencode "username=t84-mgr" --data-urlencode "real_name=八四经理" --data-urlencode "contact=020-84848484"
expect_body 'id="username-error">该用户名已被使用' "R-02.3 a taken username is told next to the field"
post_form "$OPFS" "$INTRANET/fis/$FSRCB" "$INTRANET/fis/$T84/users" \
	--data-urlencode "username=t84-fsop" --data-urlencode "real_name=佛山开设" --data-urlencode "contact=0757-84848484"
expect_status 404 "R-02.2 a Foshan operator cannot open a manager of a Guangzhou FI"
expect_eq "$(uid_of t84-fsop)" "" "R-02.2 ... and no user was made"

# --- officers: opened and closed by their FI's manager only -----------------------------------
post_form "$MGR" "$INTRANET/fis/$ICBC" "$INTRANET/fis/$ICBC/users" \
	--data-urlencode "username=t84-off" --data-urlencode "real_name=八四客户经理" \
	--data-urlencode "department=普惠金融部" --data-urlencode "contact=13800138084"
expect_status 200 "R-02.3 the FI's manager opens an officer"
expect_body 'id="otp">' "R-02.3 ... shown its one-time password"
OFF84=$(uid_of t84-off)
expect_eq "$(sql "SELECT CONCAT(org_id, '|', fi_manager, '|', department) FROM users WHERE id = $OFF84")" "$ICBC|0|普惠金融部" "R-02.3 the officer belongs to the manager's FI with its department"
expect_eq "$(audit_count "action = 'fi.user.open.officer' AND object_id = '$OFF84' AND actor_id = $(uid_of fi-gz-mgr)")" 1 "X-AUD the opening by the manager has its audit row"
post_form "$MGR" "$INTRANET/fis/$ICBC" "$INTRANET/fis/$CCB/users" \
	--data-urlencode "username=t84-other" --data-urlencode "real_name=别家经理" --data-urlencode "contact=13800138085"
expect_status 404 "R-02.3 a manager cannot open officers of another FI"
expect_eq "$(uid_of t84-other)" "" "R-02.3 ... and no user was made"
DENIED0=$(audit_count "action = 'access.denied' AND object_type = 'fi' AND object_id = '$ICBC' AND actor_id = $(uid_of fi-gz)")
post_form "$OFF" "$INTRANET/fis/$ICBC" "$INTRANET/fis/$ICBC/users" \
	--data-urlencode "username=t84-byoff" --data-urlencode "real_name=越权开设" --data-urlencode "contact=13800138086"
expect_status 403 "R-02.3 an officer cannot open users"
expect_eq "$(audit_count "action = 'access.denied' AND object_type = 'fi' AND object_id = '$ICBC' AND actor_id = $(uid_of fi-gz)")" $((DENIED0 + 1)) "X-AUD ... the refusal is audited"
req GET "$INTRANET/fis/$ICBC" --jar "$OPGZ"
expect_body 'id="member-t84-off"' "R-02.3 the region's operators see the officer the manager opened"

# the region's operators suspend an officer through its account page
post_form "$OPGZ" "$INTRANET/users/$OFF84" "$INTRANET/users/$OFF84/suspend" --data-urlencode "reason=核查中"
expect_eq "$(sql "SELECT status FROM users WHERE id = $OFF84")" "suspended" "R-02.3 the region's operators can suspend an officer"

# closing: a reason is required; the manager closes its officers, not managers or others
post_form "$MGR" "$INTRANET/fis/$ICBC" "$INTRANET/fis/$ICBC/users/close" --data-urlencode "user_id=$OFF84"
expect_status 400 "R-02.3 closing without a reason is refused"
expect_body 'id="reason-error">请填写此项' "R-02.3 ... with the message next to the reason"
post_form "$MGR" "$INTRANET/fis/$ICBC" "$INTRANET/fis/$ICBC/users/close" \
	--data-urlencode "user_id=$(uid_of fi-gz-mgr)" --data-urlencode "reason=越权"
expect_status 404 "R-02.3 a manager cannot close a manager"
post_form "$MGR" "$INTRANET/fis/$ICBC" "$INTRANET/fis/$ICBC/users/close" \
	--data-urlencode "user_id=$(uid_of fi-gz2)" --data-urlencode "reason=越权"
expect_status 404 "R-02.3 a manager cannot close another FI's officer"
expect_eq "$(sql "SELECT status FROM users WHERE username = 'fi-gz2'")" "active" "R-02.3 ... who stays active"
post_form "$MGR" "$INTRANET/fis/$ICBC" "$INTRANET/fis/$ICBC/users/close" \
	--data-urlencode "user_id=$OFF84" --data-urlencode "reason=调离岗位"
expect_status 303 "R-02.3 the manager closes its officer"
expect_eq "$(sql "SELECT status FROM users WHERE id = $OFF84")" "revoked" "R-02.3 ... who is revoked"
expect_eq "$(audit_count "action = 'revoke' AND object_id = '$OFF84' AND actor_id = $(uid_of fi-gz-mgr)")" 1 "X-AUD the closing has its audit row"
post_form "$OPGZ" "$INTRANET/fis/$T84" "$INTRANET/fis/$T84/users/close" \
	--data-urlencode "user_id=$OFF84" --data-urlencode "reason=不是本机构"
expect_status 404 "R-02.3 an operator cannot close a user of another FI through this FI"
post_form "$OPFS" "$INTRANET/fis/$FSRCB" "$INTRANET/fis/$T84/users/close" \
	--data-urlencode "user_id=$MGR84" --data-urlencode "reason=越区"
expect_status 404 "R-02.2 a Foshan operator cannot close a Guangzhou FI's manager"
post_form "$OPGZ" "$INTRANET/fis/$T84" "$INTRANET/fis/$T84/users/close" \
	--data-urlencode "user_id=$MGR84" --data-urlencode "reason=机构撤并"
expect_status 303 "R-02.3 the region's operator closes the FI's manager"
expect_eq "$(sql "SELECT status FROM users WHERE id = $MGR84")" "revoked" "R-02.3 ... who is revoked"

# --- escaping --------------------------------------------------------------------------------
post_form "$OPGZ" "$INTRANET/fis/new" "$INTRANET/fis/new" \
	--data-urlencode "name=八四测试<script>x</script>" --data-urlencode "kind=bank" \
	--data-urlencode "code=Z8400000000003" --data-urlencode "region=440100"
XSS=$(fi_of '八四测试<script>x</script>')
req GET "$INTRANET/fis/$XSS" --jar "$OPGZ"
expect_no_body '<script>x' "X-SEC an FI's name is escaped on its page"
expect_body '&lt;script&gt;x' "X-SEC ... and shown as text"

cleanup
done_testing
