#!/usr/bin/env bash
# t_43_staff_requests.sh -- actions on staff accounts are asked for by the
# province's operators and run only with a supervisor's approval (issue 12
# item 3, X-SEC, X-AUD, R-11.1, R-02.2):
#   - a city's operator may not ask; nobody asks on their own account;
#   - the province's operator asks for a password reset of an auditor: the
#     request is pending and nothing has changed yet;
#   - the requester and the target may not approve; a supervisor outside
#     the target's region does not even see the request;
#   - another supervisor approves: the password is reset (one-time
#     password shown once), with the audit rows; or refuses with a reason.
#
# Works on throwaway copies of aud-gd, sup-gd and sup-gz (t43*-$$).
. "$(dirname "$0")/lib.sh"

uid_of() { sql "SELECT id FROM users WHERE username = '$1'"; }
audit_count() { sql "SELECT COUNT(*) FROM audit_log WHERE $1"; }
copy_user() {
	sql "INSERT INTO users (username, role, region_code, org_kind, org_id, real_name,
	     contact_enc, must_change_pw, pw_hash)
	     SELECT '$2', role, region_code, org_kind, org_id, CONCAT(real_name, '四三'),
	     contact_enc, 0, pw_hash FROM users WHERE username = '$1'"
}
req_from_location() { header Location | sed -nE 's|^/users/requests/([0-9]+).*|\1|p'; }
ask() { # JAR TARGET_ID ACTION REASON
	post_form "$1" "$INTRANET/users/$2" "$INTRANET/users/$2/request" \
		--data-urlencode "ask_action=$3" --data-urlencode "ask_reason=$4"
}

AUD=t43a-$$ SUP=t43s-$$ CSUP=t43c-$$
copy_user aud-gd "$AUD"
copy_user sup-gd "$SUP"
copy_user sup-gz "$CSUP"
AUD_ID=$(uid_of "$AUD") SUP_ID=$(uid_of "$SUP") CSUP_ID=$(uid_of "$CSUP")
OP_GD=$(uid_of op-gd) SUP_GD=$(uid_of sup-gd)

for u in op-gz op-gd sup-gd sup-gz "$SUP"; do
	login "$INTRANET" "$u"
	[ "$STATUS" = 303 ] || not_ok "$u signs in" "status $STATUS"
done
OPGZ=$(jar_of op-gz) OPGD=$(jar_of op-gd) SUPGD=$(jar_of sup-gd)
SUPGZ=$(jar_of sup-gz) SUPJ=$(jar_of "$SUP")
n_requests() { sql "SELECT COUNT(*) FROM staff_requests WHERE target_id = $1"; }

# --- a city's operator may not ask (X-SEC) ----------------------------------------------
req GET "$INTRANET/users/$CSUP_ID" --jar "$OPGZ"
expect_status 200 "X-SEC a city's operator sees its city's supervisor"
expect_no_body 'id="act-request"' "X-SEC ... and is offered no request on the account"
n=$(audit_count "action = 'access.denied' AND object_id = '$CSUP_ID' AND actor_id = $(uid_of op-gz)")
ask "$OPGZ" "$CSUP_ID" unlock "城市业务管理员申请"
expect_status 403 "X-SEC a city's operator's request on a staff account is refused"
expect_body 'id="refused"[^>]*>只有省级业务管理员' "X-SEC ... the page says only the province's operators ask"
expect_eq "$(n_requests "$CSUP_ID")" 0 "X-SEC ... no request is stored"
expect_eq "$(audit_count "action = 'access.denied' AND object_id = '$CSUP_ID' AND actor_id = $(uid_of op-gz)")" \
	"$((n + 1))" "X-AUD ... and the refusal is audited"

# --- nobody asks on their own account (X-SEC) ---------------------------------------------
ask "$OPGD" "$OP_GD" unlock "本人申请"
expect_status 403 "X-SEC the province's operator may not ask on its own account"
expect_eq "$(n_requests "$OP_GD")" 0 "X-SEC ... no request is stored"

# --- the province's operator asks (X-SEC, R-11.1) ------------------------------------------
req GET "$INTRANET/users/$AUD_ID" --jar "$OPGD"
expect_body 'id="act-request"' "X-SEC the province's operator is offered a request on the auditor's account"
expect_body '<option value="reset-password"' "X-SEC ... a password reset among its actions"
expect_no_body 'action="/users/'"$AUD_ID"'/reset-password"' "X-SEC ... and still no direct reset"
ask "$OPGD" "$AUD_ID" reset-password ""
expect_status 400 "X-SEC a request without a reason is refused"
expect_body 'id="ask_reason-error"[^>]*>请填写此项' "X-SEC ... with a Chinese message next to the field"
expect_eq "$(n_requests "$AUD_ID")" 0 "X-SEC ... and nothing is stored"
pw_before=$(sql "SELECT pw_hash FROM users WHERE id = $AUD_ID")
ask "$OPGD" "$AUD_ID" reset-password "<b>审计员</b>忘记密码"
expect_status 303 "X-SEC the province's operator asks for the auditor's password reset"
expect_header Location '^/users/requests/[0-9]+\?done=requested$' "X-SEC ... and is sent to the request"
N=$(req_from_location)
expect_eq "$(sql "SELECT CONCAT(status, '|', action, '|', requested_by, '|', region_code) FROM staff_requests WHERE id = ${N:-0}")" \
	"pending|reset-password|$OP_GD|440000" "X-SEC the request is stored as pending"
expect_eq "$(sql "SELECT pw_hash FROM users WHERE id = $AUD_ID")" "$pw_before" "X-SEC ... and the password is not changed yet"
expect_eq "$(audit_count "action = 'password.reset' AND object_id = '$AUD_ID'")" 0 "X-SEC ... no reset is recorded"
expect_eq "$(audit_count "action = 'staff_request.create' AND object_id = '$AUD_ID' AND actor_id = $OP_GD AND detail LIKE 'request $N reset-password:%'")" 1 \
	"X-AUD the request is audited"
ask "$OPGD" "$AUD_ID" reset-password "再次申请"
expect_status 200 "X-SEC the same request twice is not stored again"
expect_body 'id="refused"[^>]*>[^<]*等待审批' "X-SEC ... the page says one is waiting"
expect_eq "$(n_requests "$AUD_ID")" 1 "X-SEC ... one request only"

# --- shown to the supervisors of the region, scoped (R-02.2) ------------------------------
req GET "$INTRANET/users/requests" --jar "$SUPGD"
expect_status 200 "R-02.2 the province's supervisor lists the requests"
expect_body "data-request=\"$N\"" "R-02.2 ... with the pending one"
expect_body '&lt;b&gt;审计员&lt;/b&gt;忘记密码' "X-SEC ... its reason escaped"
req GET "$INTRANET/users/requests/$N" --jar "$SUPGD"
expect_body 'id="req-reason">&lt;b&gt;审计员&lt;/b&gt;忘记密码<' "X-SEC ... escaped on the request's page too"
expect_body 'id="req-status" data-status="pending"' "X-SEC ... which shows it pending"
req GET "$INTRANET/dashboard" --jar "$SUPGD"
expect_body "id=\"staff-requests\".*data-request=\"$N\"|data-request=\"$N\"" "X-SEC the request waits on the supervisor's dashboard"
req GET "$INTRANET/users/requests" --jar "$SUPGZ"
expect_no_body "data-request=\"$N\"" "R-02.2 a city's supervisor does not see a province account's request"
nd0=$(audit_count "action = 'access.denied' AND object_type = 'staff_request' AND object_id = '$N' AND actor_id = $(uid_of sup-gz) AND outcome = 'denied' AND detail = 'region scope'")
req GET "$INTRANET/users/requests/$N" --jar "$SUPGZ"
expect_status 404 "R-02.2 ... nor open it by id (scoped getter)"
post_form "$SUPGZ" "$INTRANET/users" "$INTRANET/users/requests/$N/approve"
expect_status 404 "R-02.2 ... nor approve it"
expect_eq "$(audit_count "action = 'access.denied' AND object_type = 'staff_request' AND object_id = '$N' AND actor_id = $(uid_of sup-gz) AND outcome = 'denied' AND detail = 'region scope'")" \
	"$((nd0 + 2))" "X-AUD R-02.2 both out-of-scope requests are access.denied audit rows (the dispatcher's scoped load)"

# --- the requester and the target may not approve (X-SEC four eyes) -----------------------
req GET "$INTRANET/users/requests/$N" --jar "$OPGD"
expect_status 200 "X-SEC the requester sees its request"
expect_no_body 'id="req-approve"' "X-SEC ... but is offered no approval"
post_form "$OPGD" "$INTRANET/users/requests/$N" "$INTRANET/users/requests/$N/approve"
expect_status 403 "X-SEC the requester may not approve"
expect_eq "$(sql "SELECT status FROM staff_requests WHERE id = $N")" pending "X-SEC ... the request stays pending"

ask "$OPGD" "$SUP_ID" suspend "疑似账户被盗用"
expect_status 303 "X-SEC the province's operator asks to suspend a supervisor"
M=$(req_from_location)
req GET "$INTRANET/users/requests/$M" --jar "$SUPJ"
expect_no_body 'id="req-approve"' "X-SEC the target supervisor is offered no approval of its own request"
expect_body 'id="cannot"[^>]*>这是您本人账户' "X-SEC ... and is told why"
n=$(audit_count "action = 'access.denied' AND object_type = 'staff_request' AND object_id = '$M'")
post_form "$SUPJ" "$INTRANET/users/requests/$M" "$INTRANET/users/requests/$M/approve"
expect_status 403 "X-SEC the target may not approve a request on its own account"
expect_eq "$(sql "SELECT status FROM users WHERE id = $SUP_ID")" active "X-SEC ... it stays active"
expect_eq "$(audit_count "action = 'access.denied' AND object_type = 'staff_request' AND object_id = '$M'")" "$((n + 1))" \
	"X-AUD ... and the refusal is audited"
# a supervisor who asked (set by hand: the UI lets only operators ask) may not approve
sql "UPDATE staff_requests SET requested_by = $SUP_GD WHERE id = $M"
post_form "$SUPGD" "$INTRANET/users/requests/$M" "$INTRANET/users/requests/$M/approve"
expect_status 403 "X-SEC four eyes: the requester may not approve, whatever its role"
expect_body 'id="refused"[^>]*>您是该申请的申请人' "X-SEC ... and is told why"
sql "UPDATE staff_requests SET requested_by = $OP_GD WHERE id = $M"

# --- refusal with a reason (X-AUD) ---------------------------------------------------------
post_form "$SUPGD" "$INTRANET/users/requests/$M" "$INTRANET/users/requests/$M/refuse"
expect_status 400 "X-SEC a refusal needs a reason"
expect_body 'id="refuse_note-error"[^>]*>请填写此项' "X-SEC ... with a Chinese message next to the field"
post_form "$SUPGD" "$INTRANET/users/requests/$M" "$INTRANET/users/requests/$M/refuse" \
	--data-urlencode "refuse_note=已与本人核实，账户正常"
expect_status 303 "X-SEC another supervisor refuses the suspension"
expect_eq "$(sql "SELECT CONCAT(status, '|', decided_by, '|', decision_note) FROM staff_requests WHERE id = $M")" \
	"refused|$SUP_GD|已与本人核实，账户正常" "X-SEC the request is refused with its reason"
expect_eq "$(sql "SELECT status FROM users WHERE id = $SUP_ID")" active "X-SEC ... and the supervisor stays active"
expect_eq "$(audit_count "action = 'staff_request.refuse' AND object_id = '$M' AND actor_id = $SUP_GD")" 1 "X-AUD ... audited"
expect_eq "$(audit_count "action = 'suspend' AND object_id = '$SUP_ID'")" 0 "X-SEC ... no suspension is recorded"
post_form "$SUPGD" "$INTRANET/users/requests/$M" "$INTRANET/users/requests/$M/approve"
expect_status 200 "X-SEC a decided request is not decided again"
expect_body 'id="refused"[^>]*>该申请已处理' "X-SEC ... the page says so"
expect_eq "$(sql "SELECT status FROM users WHERE id = $SUP_ID")" active "X-SEC ... still active"

# --- another supervisor approves: the reset runs (X-SEC, X-AUD, R-11.1) --------------------
req GET "$INTRANET/users/requests/$N" --jar "$SUPGD"
expect_body 'id="req-approve"' "X-SEC a supervisor who is neither requester nor target is offered the approval"
post_form "$SUPGD" "$INTRANET/users/requests/$N" "$INTRANET/users/requests/$N/approve" \
	--data-urlencode "approve_note=已电话核实"
expect_status 200 "X-SEC the supervisor approves the password reset"
OTP=$(grep -o 'id="otp">[^<]*' "$RESP_BODY" | head -n 1 | sed 's/.*>//')
[ -n "$OTP" ] && ok "X-SEC ... and is shown the one-time password once" ||
	not_ok "X-SEC ... and is shown the one-time password once"
expect_eq "$(sql "SELECT pw_hash <> '$pw_before' AND must_change_pw = 1 FROM users WHERE id = $AUD_ID")" 1 \
	"X-SEC the auditor's password is reset, to be changed at the next sign-in"
expect_eq "$(sql "SELECT CONCAT(status, '|', decided_by, '|', decision_note) FROM staff_requests WHERE id = $N")" \
	"approved|$SUP_GD|已电话核实" "X-SEC the request is approved"
expect_eq "$(audit_count "action = 'password.reset' AND object_id = '$AUD_ID' AND actor_id = $SUP_GD")" 1 \
	"X-AUD the reset is audited as the approver's"
expect_eq "$(audit_count "action = 'staff_request.approve' AND object_type = 'staff_request' AND object_id = '$N' AND actor_id = $SUP_GD")" 1 \
	"X-AUD ... and the approval too"
# one transaction: the audit chain's head is locked until commit, so the
# reset's row and the approval's follow each other
expect_eq "$(sql "SELECT (SELECT MAX(id) FROM audit_log WHERE action = 'staff_request.approve' AND object_id = '$N')
	- (SELECT MAX(id) FROM audit_log WHERE action = 'password.reset' AND object_id = '$AUD_ID')")" 1 \
	"X-AUD ... written in the same transaction"
login "$INTRANET" "$AUD" "$OTP"
expect_status 303 "R-11.1 the auditor signs in with the one-time password"
expect_header Location '^/password$' "R-11.1 ... and must change it first"
req GET "$INTRANET/dashboard" --jar "$SUPGD"
expect_no_body "data-request=\"$N\"" "X-SEC a decided request leaves the dashboard"

done_testing
