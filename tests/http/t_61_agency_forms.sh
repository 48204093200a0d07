#!/usr/bin/env bash
# t_61_agency_forms.sh -- government agency users through the change form
# 《政府机构用户开设或变更申请表》: entry with field errors, check, four-eyes
# approval, execution in one transaction, the one-time password shown once
# on the printout, first sign-in with forced change, a return with reason,
# reset and revoke (a live session ends), and every refusal audited
# (R-04.1 - R-04.4, R-05.1, R-02.2, X-AUD).
#
# Opens its own gov users in 广州市市场监督管理局 (names 六一测试*) and
# leaves the demo accounts as they were.  Safe to run twice on a stack.
. "$(dirname "$0")/lib.sh"

uid_of() { sql "SELECT id FROM users WHERE username = '$1'"; }
audit_count() { sql "SELECT COUNT(*) FROM audit_log WHERE $1"; }
form_status() { sql "SELECT status FROM agency_forms WHERE id = $1"; }
form_version() { sql "SELECT version FROM agency_forms WHERE id = $1"; }
# form id from the Location of the last 303 (/agency-forms/ID?done=...)
form_from_location() { header Location | sed -nE 's|^/agency-forms/([0-9]+).*|\1|p'; }

GZ_AGENCY=$(sql "SELECT org_id FROM users WHERE username = 'gov-gz'")
FS_AGENCY=$(sql "SELECT org_id FROM users WHERE username = 'gov-fs'")
TAG=$RANDOM

for u in gov-gz gov-fs op-gz sup-gz sup-gd; do
	login "$INTRANET" "$u"
	[ "$STATUS" = 303 ] || not_ok "$u signs in" "status $STATUS"
done
GOVGZ=$(jar_of gov-gz) GOVFS=$(jar_of gov-fs) OPGZ=$(jar_of op-gz)
SUPGZ=$(jar_of sup-gz) SUPGD=$(jar_of sup-gd)
# A Foshan operator of this file's own (the demo op-fs has TOTP after t_30)
FS_OP=t61-fs-$$
otp=$("$DUIJIE_BUILD/duijie-admin" --config "$DUIJIE_CONF" create-operator "$FS_OP" \
	--name 测试员 --contact 0757-12345678 --region 440600 | sed -n 's/^one-time password.*: //p')
sql "UPDATE users SET must_change_pw = 0 WHERE username = '$FS_OP'"
login "$INTRANET" "$FS_OP" "$otp"
expect_status 303 "R-02.2 (set up) a Foshan operator signs in"
OPFS=$(jar_of "$FS_OP")

# --- entry by the agency (R-04.1, R-04.2) -----------------------------------------
req GET "$INTRANET/agency-forms/new" --jar "$GOVGZ"
expect_status 200 "R-04.1 gov-gz opens a new change form for its agency"
expect_body 'id="entry-agency"><strong>广州市市场监督管理局' "R-04.2 the unit is the user's own agency"
expect_body '我单位申请使用广东省中小微企业信用信息和融资对接平台' "R-04.2 the applying unit's opinion is pre-filled with the attachment's wording"
expect_body 'name="name2"' "R-04.2 at least two user lines (A, B)"

post_form "$GOVGZ" "$INTRANET/agency-forms/new" "$INTRANET/agency-forms/new" \
	--data-urlencode "action=submit" --data-urlencode "lines=2" \
	--data-urlencode "apply_date=2099-01-01" \
	--data-urlencode "op1=open" --data-urlencode "title1=科员" --data-urlencode "contact1=020-1234$TAG" \
	--data-urlencode "net_name=网管$TAG" --data-urlencode "net_contact=020-88880000" \
	--data-urlencode "opinion=同意" --data-urlencode "resp_name=" --data-urlencode "opinion_date=2026-11-01"
expect_status 200 "R-04.2 an incomplete form is shown again, not stored"
expect_body 'id="name1-error"' "R-04.2 the missing name of line A is marked next to the field"
expect_body 'id="apply_date-error"[^>]*>日期不能晚于今天' "R-04.2 an application date in the future is refused next to the field"
expect_body 'id="resp_name-error"' "R-04.2 the responsible person is required to submit"
expect_body "value=\"020-1234$TAG\"" "X-UI the form keeps what was typed"
expect_body "value=\"网管$TAG\"" "X-UI ... header fields too"
expect_eq "$(sql "SELECT COUNT(*) FROM agency_forms WHERE net_name = '网管$TAG'")" 0 \
	"R-04.2 nothing was stored"

post_form "$GOVGZ" "$INTRANET/agency-forms/new" "$INTRANET/agency-forms/new" \
	--data-urlencode "action=addline" --data-urlencode "lines=2" --data-urlencode "name1=甲"
expect_body 'name="name3"' "R-04.2 more lines can be added without JavaScript"

post_form "$GOVGZ" "$INTRANET/agency-forms/new" "$INTRANET/agency-forms/new" \
	--data-urlencode "action=submit" --data-urlencode "lines=2" \
	--data-urlencode "apply_date=2026-11-20" \
	--data-urlencode "op1=revoke" --data-urlencode "name1=甲" --data-urlencode "title1=科员" \
	--data-urlencode "contact1=1" --data-urlencode "user1=$(uid_of gov-fs)" \
	--data-urlencode "net_name=网管" --data-urlencode "net_contact=1" --data-urlencode "opinion=x" \
	--data-urlencode "resp_name=负责人" --data-urlencode "opinion_date=2026-11-20"
expect_body 'id="user1-error"[^>]*>请选择本机构现有的用户' \
	"R-05.1 a line cannot name a user of another agency"

# a complete form: A opens a user
OPEN_NAME="六一测试甲$TAG"
post_form "$GOVGZ" "$INTRANET/agency-forms/new" "$INTRANET/agency-forms/new" \
	--data-urlencode "action=submit" --data-urlencode "lines=2" \
	--data-urlencode "apply_date=2026-11-20" \
	--data-urlencode "op1=open" --data-urlencode "name1=$OPEN_NAME" \
	--data-urlencode "title1=信用科/科员" --data-urlencode "contact1=020-8312$TAG" \
	--data-urlencode "net_name=钱网" --data-urlencode "net_title=信息科/工程师" \
	--data-urlencode "net_contact=020-83120000" \
	--data-urlencode "opinion=我单位申请开立政府机构用户。" --data-urlencode "resp_name=孙局长" \
	--data-urlencode "opinion_date=2026-11-20"
expect_status 303 "R-04.3 gov-gz submits a complete form"
F1=$(form_from_location)
expect_eq "$(form_status "$F1")" submitted "R-04.3 the form waits for the check"
expect_eq "$(sql "SELECT source FROM agency_forms WHERE id = $F1")" online "R-04.3 entered online by the agency"
expect_eq "$(audit_count "action = 'agency_form.submit' AND object_id = '$F1'")" 1 "X-AUD the submission is audited"

req GET "$INTRANET/agency-forms/$F1" --jar "$GOVGZ"
expect_body 'data-status="submitted"' "R-04.3 the agency sees its form and its state"
expect_no_body 'id="aform-check"' "R-04.3 the agency cannot check its own form"
req GET "$INTRANET/agency-forms" --jar "$GOVGZ"
expect_body "href=\"/agency-forms/$F1\"" "R-04.3 the agency's list has the form"
req GET "$INTRANET/agencies/$GZ_AGENCY" --jar "$GOVGZ"
expect_body "href=\"/agency-forms/$F1\"" "R-04.3 ... and so has its agency's page"

# --- scope (R-02.2) ------------------------------------------------------------------
before=$(audit_count "action = 'access.denied' AND object_type = 'agency_form' AND object_id = '$F1'")
req GET "$INTRANET/agency-forms/$F1" --jar "$OPFS"
expect_status 404 "R-02.2 a Foshan operator cannot open a Guangzhou agency's form"
req GET "$INTRANET/agency-forms/$F1" --jar "$GOVFS"
expect_status 404 "R-02.2 another agency cannot open it"
expect_eq "$(audit_count "action = 'access.denied' AND object_type = 'agency_form' AND object_id = '$F1'")" $((before + 2)) \
	"X-AUD both refusals are audited"
req GET "$INTRANET/agency-forms" --jar "$OPFS"
expect_no_body "href=\"/agency-forms/$F1\"" "R-02.2 ... nor see it listed"
post_form "$OPFS" "$INTRANET/agency-forms/$F1" "$INTRANET/agency-forms/$F1/check" \
	--data-urlencode "version=$(form_version "$F1")" --data-urlencode "result=agree"
expect_status 404 "R-02.2 ... nor check it"
req GET "$INTRANET/agency-forms/new?agency=$FS_AGENCY" --jar "$OPGZ"
expect_status 403 "R-02.2 op-gz cannot enter a form for a Foshan agency"
req GET "$INTRANET/agency-forms/new" --jar "$SUPGZ"
expect_status 403 "R-04.3 supervisors do not enter forms"

# --- check, approval, execution (R-04.3) -----------------------------------------------
V=$(form_version "$F1")
req GET "$INTRANET/agency-forms/$F1" --jar "$OPGZ"
expect_body 'id="aform-check"' "R-04.3 op-gz is offered the check"
expect_no_body 'name="result" value="[a-z]+" checked' "X-UI issue 18: no decision is pre-selected"
post_form "$OPGZ" "$INTRANET/agency-forms/$F1" "$INTRANET/agency-forms/$F1/check" \
	--data-urlencode "version=$V" --data-urlencode "note=材料齐全"
expect_status 200 "R-04.3 a check without a decision is not taken"
expect_body 'id="result-error">请选择“同意”或“退回”' "X-UI issue 18: ... the decision must be chosen, said next to it"
expect_eq "$(form_status "$F1")" submitted "R-04.3 ... and the form is unchanged"
post_form "$OPGZ" "$INTRANET/agency-forms/$F1" "$INTRANET/agency-forms/$F1/check" \
	--data-urlencode "version=$V" --data-urlencode "result=agree" --data-urlencode "note=材料齐全"
expect_status 303 "R-04.3 op-gz checks the form"
expect_eq "$(form_status "$F1")" checked "R-04.3 the form waits for the supervisor"
post_form "$OPGZ" "$INTRANET/agency-forms/$F1" "$INTRANET/agency-forms/$F1/check" \
	--data-urlencode "version=$V" --data-urlencode "result=agree"
expect_status 409 "R-04.3 a step taken on a stale page is refused"
expect_body 'id="stale"' "R-04.3 ... with the reason on the form's page"

req GET "$INTRANET/agency-forms/$F1" --jar "$SUPGZ"
expect_body 'id="aform-approve"' "R-04.3 the supervisor is offered the approval"
post_form "$SUPGZ" "$INTRANET/agency-forms/$F1" "$INTRANET/agency-forms/$F1/approve" \
	--data-urlencode "version=$(form_version "$F1")" --data-urlencode "result=agree" \
	--data-urlencode "note=同意开设"
expect_status 303 "R-04.3 sup-gz approves"
expect_eq "$(form_status "$F1")" approved "R-04.3 the form waits for execution"
expect_eq "$(sql "SELECT COUNT(*) FROM users WHERE real_name = '$OPEN_NAME'")" 0 \
	"R-04.3 nothing is opened before execution"

post_form "$OPGZ" "$INTRANET/agency-forms/$F1" "$INTRANET/agency-forms/$F1/execute" \
	--data-urlencode "version=$(form_version "$F1")"
expect_status 200 "R-04.3 op-gz executes the approved form"
expect_header Cache-Control 'no-store' "R-04.3 the page with the password is not cached"
expect_body 'id="copy-agency"' "R-04.4 the printout has the agency's copy"
expect_body 'id="copy-pboc"' "R-04.4 ... and the PBoC's copy"
NEW_USER=$(grep -o '<code class="username">[^<]*' "$RESP_BODY" | head -n 1 | sed 's/.*>//')
OTP=$(grep -o '<code class="otp">[^<]*' "$RESP_BODY" | head -n 1 | sed 's/.*>//')
expect_eq "$(grep -c "<code class=\"otp\">$OTP<" "$RESP_BODY")" 2 \
	"R-04.3 the one-time password is on both copies"
if printf '%s' "$NEW_USER" | grep -Eq '^g440100[0-9]{4}$'; then ok "R-04.3 a username is generated ($NEW_USER)"
else not_ok "R-04.3 a username is generated" "got '$NEW_USER'"; fi
expect_eq "$(form_status "$F1")" executed "R-04.3 the form is executed"
expect_eq "$(sql "SELECT CONCAT(role, ':', org_id, ':', real_name, ':', must_change_pw, ':', status)
	FROM users WHERE username = '$NEW_USER'")" "gov:$GZ_AGENCY:$OPEN_NAME:1:active" \
	"R-04.3 the user is a gov user of the agency, must change its password"
expect_eq "$(sql "SELECT result_username FROM agency_form_lines WHERE form_id = $F1 AND seq = 1")" \
	"$NEW_USER" "R-04.3 the line records the user it opened"
expect_eq "$(audit_count "action = 'agency_form.execute' AND object_id = '$F1'")" 1 "X-AUD the execution is audited"
expect_eq "$(audit_count "action = 'user.create' AND object_id = '$(uid_of "$NEW_USER")'")" 1 \
	"X-AUD ... and each line"
expect_eq "$(sql "SELECT COUNT(*) FROM users WHERE pw_hash LIKE '%$OTP%'")
$(sql "SELECT COUNT(*) FROM audit_log WHERE detail LIKE '%$OTP%'")" "0
0" "R-04.3 the password is stored nowhere in plain text"
if grep -rqF -- "$OTP" "$DUIJIE_STATE/log" "$DUIJIE_STATE/nginx" 2>/dev/null; then
	not_ok "R-04.3 the password is not logged"
else ok "R-04.3 the password is not logged"; fi

post_form "$OPGZ" "$INTRANET/agency-forms/$F1" "$INTRANET/agency-forms/$F1/execute" \
	--data-urlencode "version=$V"
expect_status 409 "R-04.3 a form is executed once"
expect_eq "$(sql "SELECT COUNT(*) FROM users WHERE real_name = '$OPEN_NAME'")" 1 "R-04.3 ... no second user"

req GET "$INTRANET/agency-forms/$F1/print" --jar "$OPGZ"
expect_status 200 "R-04.4 the printout can be opened again"
expect_no_body "$OTP" "R-04.3 afterwards the password is not shown"
expect_body 'class="masked"' "R-04.3 ... it is masked"
expect_body "$NEW_USER" "R-04.4 the username is on the printout"
expect_body '中国人民银行广州市分行' "R-04.4 the PBoC copy names the office"
expect_body '注：本表一式两份' "R-04.4 the attachment's note"
expect_no_body '<nav class="menu"' "R-04.4 no navigation on the printout"
req GET "$INTRANET/agency-forms/$F1/print" --jar "$GOVGZ"
expect_status 200 "R-04.4 the agency prints its own form"

# --- the new user's first sign-in (R-04.3, R-11.1) ------------------------------------------
login "$INTRANET" "$NEW_USER" "$OTP"
expect_status 303 "R-04.3 the new user signs in with the one-time password"
expect_header Location '^/password$' "R-04.3 ... and must change it first"
NEWJAR=$(jar_of "$NEW_USER")
NEW_PW="Gz-Gov-$TAG-2027x"
post_form "$NEWJAR" "$INTRANET/password" "$INTRANET/password" --data-urlencode "current_password=$OTP" \
	--data-urlencode "new_password=$NEW_PW" --data-urlencode "new_password2=$NEW_PW"
expect_status 303 "R-11.1 the new user sets its own password"
req GET "$INTRANET/account" --jar "$NEWJAR"
expect_status 200 "R-04.3 the new user works on the intranet"

# --- a return with reason; four eyes (R-04.3) ----------------------------------------------
post_form "$GOVGZ" "$INTRANET/agency-forms/new" "$INTRANET/agency-forms/new" \
	--data-urlencode "action=save" --data-urlencode "lines=2" \
	--data-urlencode "apply_date=2026-11-21" \
	--data-urlencode "op1=reset" --data-urlencode "name1=$OPEN_NAME" \
	--data-urlencode "title1=信用科/科员" --data-urlencode "contact1=020-8312$TAG" \
	--data-urlencode "user1=$(uid_of "$NEW_USER")"
expect_status 303 "R-04.3 a draft can be saved incomplete"
F2=$(form_from_location)
expect_eq "$(form_status "$F2")" draft "R-04.3 ... it stays a draft"
req GET "$INTRANET/agency-forms/$F2/edit" --jar "$GOVGZ"
expect_body "value=\"$OPEN_NAME\"" "R-04.3 the draft is edited with what was saved"
post_form "$GOVGZ" "$INTRANET/agency-forms/$F2/edit" "$INTRANET/agency-forms/$F2/edit" \
	--data-urlencode "action=submit" --data-urlencode "lines=2" \
	--data-urlencode "version=$(form_version "$F2")" \
	--data-urlencode "apply_date=2026-11-21" \
	--data-urlencode "op1=reset" --data-urlencode "name1=$OPEN_NAME" \
	--data-urlencode "title1=信用科/科员" --data-urlencode "contact1=020-8312$TAG" \
	--data-urlencode "user1=$(uid_of "$NEW_USER")" \
	--data-urlencode "net_name=钱网" --data-urlencode "net_contact=020-83120000" \
	--data-urlencode "opinion=申请重置密码。" --data-urlencode "resp_name=孙局长" \
	--data-urlencode "opinion_date=2026-11-21"
expect_status 303 "R-04.3 the draft is submitted"
expect_eq "$(form_status "$F2")" submitted "R-04.3 ... and waits for the check"

post_form "$OPGZ" "$INTRANET/agency-forms/$F2" "$INTRANET/agency-forms/$F2/check" \
	--data-urlencode "version=$(form_version "$F2")" --data-urlencode "result=return"
expect_status 200 "R-04.3 a return needs its reason"
expect_body 'id="note-error"[^>]*>退回申请时请填写退回原因' "R-04.3 ... said next to the field"
post_form "$OPGZ" "$INTRANET/agency-forms/$F2" "$INTRANET/agency-forms/$F2/check" \
	--data-urlencode "version=$(form_version "$F2")" --data-urlencode "result=return" \
	--data-urlencode "note=请补充负责人签字的纸质原件"
expect_status 303 "R-04.3 op-gz returns the form with a reason"
expect_eq "$(form_status "$F2")" returned "R-04.3 the form is returned"
req GET "$INTRANET/agency-forms/$F2" --jar "$GOVGZ"
expect_body 'id="returned"[^>]*>[^<]*请补充负责人签字的纸质原件' "R-04.3 the agency sees the reason"
expect_body 'id="aform-edit"' "R-04.3 ... and may edit the returned form"
req GET "$INTRANET/agency-forms/$F2/edit" --jar "$OPGZ"
expect_status 403 "R-04.3 only the party that entered a form edits it"

post_form "$GOVGZ" "$INTRANET/agency-forms/$F2/edit" "$INTRANET/agency-forms/$F2/edit" \
	--data-urlencode "action=submit" --data-urlencode "lines=2" \
	--data-urlencode "version=$(form_version "$F2")" \
	--data-urlencode "apply_date=2026-11-21" \
	--data-urlencode "op1=reset" --data-urlencode "name1=$OPEN_NAME" \
	--data-urlencode "title1=信用科/科员" --data-urlencode "contact1=020-8312$TAG" \
	--data-urlencode "user1=$(uid_of "$NEW_USER")" \
	--data-urlencode "net_name=钱网" --data-urlencode "net_contact=020-83120000" \
	--data-urlencode "opinion=申请重置密码，已补充原件。" --data-urlencode "resp_name=孙局长" \
	--data-urlencode "opinion_date=2026-11-21"
expect_status 303 "R-04.3 the returned form is submitted again"

# sup-gz checks it, then may not approve it: four eyes
post_form "$SUPGZ" "$INTRANET/agency-forms/$F2" "$INTRANET/agency-forms/$F2/check" \
	--data-urlencode "version=$(form_version "$F2")" --data-urlencode "result=agree"
expect_status 303 "R-04.3 a supervisor may check a form"
req GET "$INTRANET/agency-forms/$F2" --jar "$SUPGZ"
expect_body 'id="four-eyes-hint"' "R-04.3 the checker is told another supervisor must approve"
before=$(audit_count "action = 'agency_form.approve' AND object_id = '$F2' AND outcome = 'denied'")
post_form "$SUPGZ" "$INTRANET/agency-forms/$F2" "$INTRANET/agency-forms/$F2/approve" \
	--data-urlencode "version=$(form_version "$F2")" --data-urlencode "result=agree"
expect_status 403 "R-04.3 four eyes: the checker cannot approve"
expect_body 'id="four-eyes"' "R-04.3 ... and is told why"
expect_eq "$(form_status "$F2")" checked "R-04.3 ... the form is unchanged"
expect_eq "$(audit_count "action = 'agency_form.approve' AND object_id = '$F2' AND outcome = 'denied'")" \
	$((before + 1)) "X-AUD the refusal is audited"

post_form "$SUPGD" "$INTRANET/agency-forms/$F2" "$INTRANET/agency-forms/$F2/approve" \
	--data-urlencode "version=$(form_version "$F2")" --data-urlencode "result=agree"
expect_status 303 "R-04.3 another supervisor (province) approves"
post_form "$OPGZ" "$INTRANET/agency-forms/$F2" "$INTRANET/agency-forms/$F2/execute" \
	--data-urlencode "version=$(form_version "$F2")"
expect_status 200 "R-04.3 the reset is executed"
OTP2=$(grep -o '<code class="otp">[^<]*' "$RESP_BODY" | head -n 1 | sed 's/.*>//')
expect_body "<code class=\"username\">$NEW_USER<" "R-04.3 the printout names the reset user"
req GET "$INTRANET/account" --jar "$NEWJAR"
expect_status 303 "R-04.3 a reset ends the user's sessions at once"
login "$INTRANET" "$NEW_USER" "$NEW_PW"
expect_status 200 "R-04.3 the old password no longer works"
login "$INTRANET" "$NEW_USER" "$OTP2"
expect_header Location '^/password$' "R-04.3 the reset password must be changed"
NEW_PW2="Gz-Gov-$TAG-2028y"
post_form "$NEWJAR" "$INTRANET/password" "$INTRANET/password" --data-urlencode "current_password=$OTP2" \
	--data-urlencode "new_password=$NEW_PW2" --data-urlencode "new_password2=$NEW_PW2"
expect_status 303 "R-11.1 ... and is changed"

# --- revoke: entered by an operator from the paper form; the live session ends ----------
req GET "$INTRANET/agency-forms/new" --jar "$OPGZ"
expect_body "value=\"$GZ_AGENCY\"" "R-04.3 an operator first chooses the agency"
post_form "$OPGZ" "$INTRANET/agency-forms/new?agency=$GZ_AGENCY" "$INTRANET/agency-forms/new" \
	--data-urlencode "agency=$GZ_AGENCY" --data-urlencode "action=submit" --data-urlencode "lines=2" \
	--data-urlencode "apply_date=2026-11-22" \
	--data-urlencode "op1=revoke" --data-urlencode "name1=$OPEN_NAME" \
	--data-urlencode "title1=信用科/科员" --data-urlencode "contact1=020-8312$TAG" \
	--data-urlencode "user1=$(uid_of "$NEW_USER")" \
	--data-urlencode "net_name=钱网" --data-urlencode "net_contact=020-83120000" \
	--data-urlencode "opinion=该同志调离，申请撤销用户。" --data-urlencode "resp_name=孙局长" \
	--data-urlencode "opinion_date=2026-11-22"
expect_status 303 "R-04.3 op-gz enters a paper form"
F3=$(form_from_location)
expect_eq "$(sql "SELECT source FROM agency_forms WHERE id = $F3")" paper "R-04.3 ... recorded as entered from paper"
req GET "$INTRANET/agency-forms/$F3" --jar "$OPGZ"
expect_body 'id="four-eyes-check-hint"' "R-04.3 X-SEC the operator who entered the form is told another must check it"
post_form "$OPGZ" "$INTRANET/agency-forms/$F3" "$INTRANET/agency-forms/$F3/check" \
	--data-urlencode "version=$(form_version "$F3")" --data-urlencode "result=agree"
expect_status 403 "R-04.3 X-SEC four eyes: whoever entered a form may not check it"
expect_body 'id="four-eyes"' "R-04.3 ... and is told why"
expect_eq "$(form_status "$F3")" submitted "R-04.3 ... and the form stays submitted"
expect_eq "$(audit_count "action = 'agency_form.check' AND object_id = '$F3' AND outcome = 'denied'")" 1 \
	"X-AUD the refused check is audited"
post_form "$SUPGZ" "$INTRANET/agency-forms/$F3" "$INTRANET/agency-forms/$F3/check" \
	--data-urlencode "version=$(form_version "$F3")" --data-urlencode "result=agree"
expect_status 303 "R-04.3 sup-gz checks the paper form op-gz entered"
post_form "$SUPGD" "$INTRANET/agency-forms/$F3" "$INTRANET/agency-forms/$F3/approve" \
	--data-urlencode "version=$(form_version "$F3")" --data-urlencode "result=agree"
expect_status 303 "R-04.3 sup-gd approves the revocation"
req GET "$INTRANET/account" --jar "$NEWJAR"
expect_status 200 "the user is still signed in before execution"
post_form "$OPGZ" "$INTRANET/agency-forms/$F3" "$INTRANET/agency-forms/$F3/execute" \
	--data-urlencode "version=$(form_version "$F3")"
expect_status 200 "R-04.3 the revocation is executed"
expect_no_body 'class="otp"' "R-04.3 a revocation shows no password"
expect_eq "$(sql "SELECT status FROM users WHERE username = '$NEW_USER'")" revoked "R-04.3 the user is revoked"
expect_eq "$(sql "SELECT CONCAT(pw_hash = '', totp_secret IS NULL, status_reason) FROM users WHERE username = '$NEW_USER'")" "11change form $F3" \
	"R-11.1 X-SEC revocation wipes the password hash and the TOTP secret, and keeps the form as its reason"
req GET "$INTRANET/account" --jar "$NEWJAR"
expect_status 303 "R-04.3 revoking ends the live session on its next request"
login "$INTRANET" "$NEW_USER" "$NEW_PW2"
expect_status 200 "R-04.3 a revoked user cannot sign in"
expect_eq "$(audit_count "action = 'revoke' AND object_id = '$(uid_of "$NEW_USER")'")" 1 "X-AUD the revocation is audited"

# history visible to the agency (R-04.3)
req GET "$INTRANET/agency-forms/$F2" --jar "$GOVGZ"
expect_body 'class="event-return"' "R-04.3 the history shows the return"
expect_body 'class="event-execute"' "R-04.3 ... and the execution"

done_testing
