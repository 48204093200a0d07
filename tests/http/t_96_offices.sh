#!/usr/bin/env bash
# t_96_offices.sh -- the operator offices' address, phone and hours, kept
# as data by the operators (issue 17 "Front pages", R-02.2, X-AUD, X-UI):
# a city's operator edits their own city's office (one transaction with
# its office.edit audit row), another city's office is a 404 audited as
# access.denied, a bad input is told next to each field with the input
# kept, the province's operators edit every office; the internet front
# page and /offices show the new values at once (and a clear line, not
# blanks, for an office whose facts are not yet published).
#
# Changes the offices of Guangzhou, Foshan and Shaoguan and puts their
# stored values back at the end (the audit rows stay: the log is
# append-only), so the file runs again on the same stack.
. "$(dirname "$0")/lib.sh"

uid_of() { sql "SELECT id FROM users WHERE username = '$1'"; }
office_of() { sql "SELECT office_id FROM regions WHERE code = '$1'"; }
audit_count() { sql "SELECT COUNT(*) FROM audit_log WHERE $1"; }
facts() { sql "SELECT CONCAT_WS('|', address, phone, hours) FROM offices WHERE id = $1"; }

GZ=$(office_of 440100) FS=$(office_of 440600) SG=$(office_of 440200)
SAVED=$T_TMP/offices.sql
sql "SELECT CONCAT('UPDATE offices SET address = ', QUOTE(address), ', phone = ', QUOTE(phone),
	', hours = ', QUOTE(hours), ', updated_at = ', QUOTE(updated_at), ', updated_by = ',
	COALESCE(updated_by, 'NULL'), ' WHERE id = ', id, ';') FROM offices WHERE id IN ($GZ, $FS, $SG)" >"$SAVED"
restore() { sql "$(cat "$SAVED")"; }
# Shaoguan starts unpublished, whatever an earlier run or a hand left
sql "UPDATE offices SET address = '', phone = '', hours = '' WHERE id = $SG"

login "$INTRANET" op-gz; OPGZ=$(jar_of op-gz)
# a Foshan operator of its own: op-fs may have enrolled TOTP in an earlier file
FS_OP=t96-fs-$$
otp=$("$DUIJIE_BUILD/duijie-admin" --config "$DUIJIE_CONF" create-operator "$FS_OP" \
	--name 测试员 --contact 0757-12345678 --region 440600 | sed -n 's/^one-time password.*: //p')
sql "UPDATE users SET must_change_pw = 0 WHERE username = '$FS_OP'"
login "$INTRANET" "$FS_OP" "$otp"; OPFS=$(jar_of "$FS_OP")
login "$INTRANET" op-gd; OPGD=$(jar_of op-gd)
login "$INTRANET" sup-gz; SUPGZ=$(jar_of sup-gz)

# --- who may open the form ---------------------------------------------------------------------------
req GET "$INTRANET/offices/$GZ/edit"
expect_status '30[23]' "R-02.2 the office form needs signing in"
req GET "$INTERNET/offices/$GZ/edit"
expect_status 404 "R-02.2 ... and is not on the internet portal"
req GET "$INTRANET/offices/$GZ/edit" --jar "$SUPGZ"
expect_status 403 "R-02.3 a supervisor does not edit the office"
req GET "$INTRANET/offices/$GZ/edit" --jar "$OPGZ"
expect_status 200 "R-02.2 Guangzhou's operator opens their office's form"
expect_body '<h1>修改联系信息：中国人民银行广州市分行</h1>' "X-UI ... of their office"
expect_body "name=\"address\" type=\"text\" value=\"[^\"]+\"" "X-UI ... with the stored address in it"
expect_body "href=\"/offices/$GZ/edit\"" "X-UI the menu leads the operator to their office's form"

# --- another city's office -----------------------------------------------------------------------------
before=$(facts "$FS")
n0=$(audit_count "action = 'access.denied' AND object_type = 'office' AND object_id = '$FS' AND actor_id = $(uid_of op-gz)")
req GET "$INTRANET/offices/$FS/edit" --jar "$OPGZ"
expect_status 404 "R-02.2 Guangzhou's operator cannot open Foshan's office"
post_form "$OPGZ" "$INTRANET/offices/$GZ/edit" "$INTRANET/offices/$FS/edit" \
	--data-urlencode "address=广州市越秀区越界路 1 号" --data-urlencode "phone=020-81322000" \
	--data-urlencode "hours=工作日 9:00—17:00"
expect_status 404 "R-02.2 ... nor change it"
expect_eq "$(facts "$FS")" "$before" "R-02.2 ... Foshan's office is unchanged"
expect_eq "$(audit_count "action = 'access.denied' AND object_type = 'office' AND object_id = '$FS' AND actor_id = $(uid_of op-gz)")" \
	$((n0 + 2)) "X-AUD ... both refusals audited as access.denied"
req GET "$INTRANET/offices/$GZ/edit" --jar "$OPFS"
expect_status 404 "R-02.2 Foshan's operator cannot open Guangzhou's office"

# --- bad input: messages next to the fields, the input kept ------------------------------------------------
before=$(facts "$GZ")
post_form "$OPGZ" "$INTRANET/offices/$GZ/edit" "$INTRANET/offices/$GZ/edit" \
	--data-urlencode "address=越秀<" --data-urlencode "phone=81322000" --data-urlencode "hours="
expect_status 200 "R-02.2 a bad office form is shown again"
expect_body 'id="address-error">内容太短' "X-UI a too short address is told next to it"
expect_body 'id="phone-error">电话格式不正确' "X-UI a phone without area code is told next to it"
expect_body 'id="hours-error">请填写此项' "X-UI missing hours are told next to them"
expect_body 'value="越秀&lt;"' "X-UI ... the address kept as typed, escaped"
expect_body 'value="81322000"' "X-UI ... and the phone"
expect_eq "$(facts "$GZ")" "$before" "R-02.2 ... nothing written"
long=$(printf '路%.0s' $(seq 1 201))
post_form "$OPGZ" "$INTRANET/offices/$GZ/edit" "$INTRANET/offices/$GZ/edit" \
	--data-urlencode "address=$long" --data-urlencode "phone=020-81322000、95588、12363、0757-83330000" \
	--data-urlencode "hours=工作日 9:00—17:00"
expect_status 200 "R-02.2 a too long address and four phone numbers are refused"
expect_body 'id="address-error">内容太长' "X-UI ... the address's length told"
expect_body 'id="phone-error">电话格式不正确' "X-UI ... at most three numbers"
expect_no_body 'id="hours-error"' "X-UI ... good hours have no message"
expect_eq "$(facts "$GZ")" "$before" "R-02.2 ... nothing written"
req POST "$INTRANET/offices/$GZ/edit" --jar "$OPGZ" -H "Origin: $INTRANET" \
	--data-urlencode "address=广州市越秀区无令牌路 1 号" --data-urlencode "phone=020-81322000" --data-urlencode "hours=工作日"
expect_status 403 "X-SEC a POST without the CSRF token is refused"

# --- the operator's edit: one transaction with its audit row ------------------------------------------------
A="action = 'office.edit' AND object_type = 'office' AND object_id = '$GZ' AND actor_id = $(uid_of op-gz)"
n0=$(audit_count "$A AND detail = 'address,phone,hours' AND outcome = 'ok'")
ADDR='广州市天河区九六测试路 96 号 <b>B座</b>'
post_form "$OPGZ" "$INTRANET/offices/$GZ/edit" "$INTRANET/offices/$GZ/edit" \
	--data-urlencode "address= $ADDR " --data-urlencode "phone=020-96960000转12、12363" \
	--data-urlencode "hours=工作日 9:00—12:00，13:30—17:30"
expect_status 303 "R-02.2 Guangzhou's operator saves their office's facts"
expect_header Location '^/offices\?done=updated$' "X-UI ... and goes to the directory"
expect_eq "$(facts "$GZ")" "$ADDR|020-96960000转12、12363|工作日 9:00—12:00，13:30—17:30" "R-02.2 ... stored as typed (trimmed)"
expect_eq "$(sql "SELECT updated_by FROM offices WHERE id = $GZ")" "$(uid_of op-gz)" "X-AUD ... who changed them recorded"
expect_eq "$(audit_count "$A AND detail = 'address,phone,hours' AND outcome = 'ok'")" $((n0 + 1)) "X-AUD ... with one office.edit row naming the fields"
n1=$(audit_count "$A")
post_form "$OPGZ" "$INTRANET/offices/$GZ/edit" "$INTRANET/offices/$GZ/edit" \
	--data-urlencode "address=$ADDR" --data-urlencode "phone=020-96960000转12、12363" \
	--data-urlencode "hours=工作日 9:00—12:00，13:30—17:30"
expect_header Location '^/offices\?done=unchanged$' "R-02.2 an unchanged form writes nothing"
expect_eq "$(audit_count "$A")" "$n1" "X-AUD ... and adds no audit row"
req GET "$INTRANET/offices?done=updated" --jar "$OPGZ"
expect_body 'id="done">联系信息已更新' "X-UI the operator is told"
expect_body "id=\"office-edit-$GZ\"" "R-02.2 ... the directory offers them their own office"
expect_no_body "id=\"office-edit-$FS\"" "R-02.2 ... and not another city's"
req GET "$INTRANET/offices/$GZ/edit" --jar "$OPGZ"
expect_body 'id="office-updated">最近修改：[^<]+（王芳）' "X-UI the form tells who changed it last"

# --- the front page and /offices show the new values at once ------------------------------------------------
E_ADDR=$(html_escaped "$ADDR")
for i in 1 2 3; do	# every worker: none keeps a stale copy
	req GET "$INTERNET/"
	expect_body "<tr id=\"office-440100\">.*" "X-UI the internet home lists Guangzhou's office (request $i)"
	grep -A1 'id="office-440100"' "$RESP_BODY" | grep -qF "<td class=\"office-address\">$E_ADDR</td>" &&
		ok "R-02.2 ... with the new address, escaped (request $i)" ||
		not_ok "R-02.2 ... with the new address, escaped (request $i)"
done
expect_body '<td class="office-phone">020-96960000转12、12363</td>' "R-02.2 ... the new phone"
expect_body '<td class="office-hours">工作日 9:00—12:00，13:30—17:30</td>' "R-02.2 ... the new hours"
expect_no_body '<b>B座</b>' "X-SEC ... the address's markup not passed through"
req GET "$INTERNET/?region=440100"
expect_body 'id="selected-office"' "X-UI a visitor picks Guangzhou"
expect_body '<p>联系电话：020-96960000转12、12363</p>' "R-02.2 ... and sees its new phone"
req GET "$INTERNET/offices"
expect_status 200 "X-UI /offices opens without signing in"
expect_body '<h1>运行管理机构联系方式</h1>' "X-UI ... it is the offices' directory"
expect_body '<td class="office-phone">020-96960000转12、12363</td>' "R-02.2 ... with the new phone"
expect_no_body 'id="office-edit-' "R-02.2 ... and no edit links on the internet"
n=$(grep -c '<tr id="office-44' "$RESP_BODY")
expect_eq "$n" 22 "R-02.2 ... every region: the province and the 21 cities"

# --- an office not yet published: a clear line, not blanks ---------------------------------------------------
req GET "$INTERNET/"
grep -A1 'id="office-440200"' "$RESP_BODY" | grep -q 'class="muted office-unfilled">该机构的地址、电话和办公时间尚未公布，请拨打平台服务热线：' &&
	ok "X-UI Shaoguan's unpublished office says so, with the hotline" ||
	not_ok "X-UI Shaoguan's unpublished office says so, with the hotline"

# --- the province's operators edit every office --------------------------------------------------------------
req GET "$INTRANET/offices" --jar "$OPGD"
n0=$(audit_count "action = 'office.edit' AND object_id = '$SG' AND actor_id = $(uid_of op-gd)")
expect_eq "$(grep -c 'id="office-edit-' "$RESP_BODY")" 22 "R-02.2 the province's operator may edit every office"
post_form "$OPGD" "$INTRANET/offices/$SG/edit" "$INTRANET/offices/$SG/edit" \
	--data-urlencode "address=韶关市浈江区九六测试大道 8 号" --data-urlencode "phone=0751-8888888" \
	--data-urlencode "hours=工作日 8:30—17:30"
expect_status 303 "R-02.2 the province's operator saves Shaoguan's office"
expect_eq "$(audit_count "action = 'office.edit' AND object_id = '$SG' AND actor_id = $(uid_of op-gd)")" $((n0 + 1)) "X-AUD ... audited"
req GET "$INTERNET/"
grep -A1 'id="office-440200"' "$RESP_BODY" | grep -qF '<td class="office-phone">0751-8888888</td>' &&
	ok "R-02.2 ... the front page shows it at once" || not_ok "R-02.2 ... the front page shows it at once"

restore
done_testing
