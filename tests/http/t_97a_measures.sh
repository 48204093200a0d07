#!/usr/bin/env bash
# t_97a_measures.sh -- measures on enterprise users (issue 16 "Measures on
# enterprise users", R-15.1, Art. 15): a Guangzhou operator proposes a
# suspension of ent-a's publishing (messages next to the fields, what was
# typed kept; evidence attached), which does nothing until a supervisor
# who did not ask for it approves it (four eyes, audited); then ent-a's
# very next request to publish is a 403 page naming the measure, its
# reason, dates and how to appeal, while reading goes on; the enterprise
# sees it on /measures; the operator asks to lift it with a reason, it
# holds until a supervisor approves the lift.  Another city's operator and
# an FI see nothing of it (404, audited); a supervisor cannot propose.
#
# Creates measures on ent-a whose reason starts with 九七测试 and removes
# them (with their notices, evidence rows and audit-free leftovers) at the
# start and the end, so the file runs again on the same stack.
. "$(dirname "$0")/lib.sh"

ENT=$(sql "SELECT org_id FROM users WHERE username = 'ent-a'")
USCC=$(sql "SELECT uscc FROM enterprises WHERE id = $ENT")
uid_of() { sql "SELECT id FROM users WHERE username = '$1'"; }
mcol() { sql "SELECT $2 FROM measures WHERE id = $1"; }
audit_count() { sql "SELECT COUNT(*) FROM audit_log WHERE $1"; }
cleanup() {
	sql "DELETE i FROM inbox i JOIN measures m ON i.link = CONCAT('/measures/', m.id) WHERE m.reason LIKE '九七测试%'"
	sql "DELETE f FROM files f JOIN measures m ON f.owner_kind = 'measure' AND f.owner_id = m.id WHERE m.reason LIKE '九七测试%'"
	sql "DELETE FROM measures WHERE reason LIKE '九七测试%'"
	sql "DELETE ev FROM loan_events ev JOIN loans l ON l.id = ev.loan_id WHERE l.purpose LIKE '九七测试%'"
	sql "DELETE FROM loans WHERE purpose LIKE '九七测试%'"
}
cleanup
TODAY=$(date -u -d "@$(( $(date +%s) + 8 * 3600 ))" +%F)
YESTERDAY=$(date -u -d "@$(( $(date +%s) + 8 * 3600 - 86400 ))" +%F)
NEXTWEEK=$(date -u -d "@$(( $(date +%s) + 8 * 3600 + 7 * 86400 ))" +%F)

login "$INTERNET" ent-a; ENTA=$(jar_of ent-a)
login "$INTRANET" op-gz; OPGZ=$(jar_of op-gz)
login "$INTRANET" sup-gz; SUPGZ=$(jar_of sup-gz)
# A Foshan operator of this file's own (the demo op-fs has TOTP after
# t_30): its one-time password made permanent in the database.
FS_OP=t97-fs-$$
otp=$("$DUIJIE_BUILD/duijie-admin" --config "$DUIJIE_CONF" create-operator "$FS_OP" \
	--name 测试员 --contact 0757-12345678 --region 440600 | sed -n 's/^one-time password.*: //p')
sql "UPDATE users SET must_change_pw = 0 WHERE username = '$FS_OP'"
login "$INTRANET" "$FS_OP" "$otp"
expect_status 303 "R-02.2 (set up) a Foshan operator signs in"
OPFS=$(jar_of "$FS_OP")
login "$INTRANET" fi-gz; FIGZ=$(jar_of fi-gz)

# --- the pages and the menus -----------------------------------------------------------------------
req GET "$INTERNET/measures" --jar "$ENTA"
expect_status 200 "R-15.1 the enterprise has its measures page"
expect_body '<a href="/measures" aria-current="page">管理措施</a>' "X-UI ... in its menu"
expect_body 'id="measures-none"' "R-15.1 ... with no measure yet"
req GET "$INTRANET/measures" --jar "$OPGZ"
expect_status 200 "R-15.1 the operators list measures"
expect_body 'href="/measures/new" id="measure-new"' "R-15.1 ... and may propose one"
expect_body 'id="measures-csv"' "R-15.1 ... and export them"
req GET "$INTRANET/measures" --jar "$SUPGZ"
expect_no_body 'id="measure-new"' "R-15.1 a supervisor decides, does not propose"
req GET "$INTRANET/measures/new" --jar "$SUPGZ"
expect_status 403 "R-15.1 ... and cannot open the form"

req GET "$INTRANET/enterprises/$ENT" --jar "$OPGZ"
expect_body "href=\"/measures/new\?enterprise=$USCC\" id=\"ent-measure-new\"" "R-15.1 the enterprise's page leads to a measure on it"
req GET "$INTRANET/measures/new?enterprise=$USCC" --jar "$OPGZ"
expect_body "id=\"enterprise\" name=\"enterprise\" type=\"text\" value=\"$USCC\"" "R-15.1 ... the form opened with the enterprise filled in"

# --- a bad proposal -------------------------------------------------------------------------------------
post_form "$OPGZ" "$INTRANET/measures/new" "$INTRANET/measures/new" \
	--data-urlencode "enterprise=91440000XXXXXXXXX0" --data-urlencode "kind=other" \
	--data-urlencode "reason=九七测试<b>理由</b>" --data-urlencode "starts_on=$TODAY" \
	--data-urlencode "ends_on=$YESTERDAY"
expect_status 200 "R-15.1 a bad proposal is refused"
expect_body 'id="enterprise-error">在您的地区找不到该企业' "X-UI ... an unknown enterprise told next to the field"
expect_body 'id="other_text-error">请填写其他措施的内容' "X-UI ... other without its text told"
expect_body 'id="ends_on-error">结束日期不能早于开始日期' "X-UI ... an end before the start told"
expect_escaped '九七测试<b>理由</b>' "X-UI ... the reason kept as typed, escaped"
FSENT=$(sql "SELECT e.uscc FROM enterprises e WHERE e.region_code = '440600' LIMIT 1")
if [ -n "$FSENT" ]; then
	post_form "$OPGZ" "$INTRANET/measures/new" "$INTRANET/measures/new" \
		--data-urlencode "enterprise=$FSENT" --data-urlencode "kind=suspend_publish" \
		--data-urlencode "reason=九七测试 佛山" --data-urlencode "starts_on=$TODAY"
	expect_body 'id="enterprise-error">' "R-02.2 a Foshan enterprise is not the Guangzhou operator's"
fi
expect_eq "$(sql "SELECT COUNT(*) FROM measures WHERE reason LIKE '九七测试%'")" 0 "R-15.1 ... nothing written"

# --- a proposal with evidence ------------------------------------------------------------------------
printf '%%PDF-1.4\n九七测试证据\n%%%%EOF\n' > "$T_TMP/ev.pdf"
req GET "$INTRANET/measures/new" --jar "$OPGZ"
TOK=$(csrf_from_body)
req POST "$INTRANET/measures/new" --jar "$OPGZ" -H "Origin: $INTRANET" \
	-F "csrf_token=$TOK" -F "enterprise=$USCC" -F "kind=suspend_publish" \
	-F "reason=九七测试 在信贷业务中提供虚假材料" -F "starts_on=$TODAY" \
	-F "evidence=@$T_TMP/ev.pdf;filename=证据.pdf;type=application/pdf"
expect_status 303 "R-15.1 the operator proposes a suspension of publishing"
M=$(header Location | sed -n 's|^/measures/\([0-9]*\).*|\1|p')
expect_eq "$(mcol "$M" "CONCAT(status, '|', kind, '|', enterprise_id, '|', proposed_by, '|', asked_by, '|', starts_on, '|', COALESCE(ends_on, '-'))")" \
	"pending|suspend_publish|$ENT|$(uid_of op-gz)|$(uid_of op-gz)|$TODAY|-" "R-15.1 ... pending, with its kind, dates and proposer"
expect_eq "$(sql "SELECT COUNT(*) FROM files WHERE owner_kind = 'measure' AND owner_id = $M AND ftype = 'pdf'")" 1 "R-15.1 ... its evidence kept"
expect_eq "$(audit_count "action = 'measure.propose' AND object_id = '$M'")" 1 "X-AUD ... audited"
req GET "$INTRANET/measures/$M" --jar "$OPGZ"
expect_status 200 "R-15.1 the operator opens it"
expect_body '证据.pdf' "R-15.1 ... with its evidence listed"
FID=$(sql "SELECT id FROM files WHERE owner_kind = 'measure' AND owner_id = $M")
req GET "$INTRANET/measures/$M/files/$FID" --jar "$SUPGZ"
expect_status 200 "R-15.1 the supervisor downloads the evidence"
expect_header Content-Disposition '^attachment' "X-SEC ... as an attachment"

# pending: nothing happens yet, the enterprise does not see a proposal
req GET "$INTERNET/loans/new" --jar "$ENTA"
expect_status 200 "R-15.1 a proposal alone suspends nothing"
req GET "$INTERNET/measures/$M" --jar "$ENTA"
expect_status 404 "R-15.1 ... nor is shown to the enterprise before a decision"

# --- scope -----------------------------------------------------------------------------------------------------
req GET "$INTRANET/measures/$M" --jar "$OPFS"
expect_status 404 "R-02.2 another city's operator does not see it"
expect_eq "$(audit_count "action = 'access.denied' AND object_type = 'measure' AND object_id = '$M' AND actor_id = $(uid_of "$FS_OP")")" 1 "X-AUD ... the refusal audited"
req GET "$INTRANET/measures" --jar "$OPFS"
expect_no_body "id=\"measure-$M\"" "R-02.2 ... nor in its list"
post_form "$OPFS" "$INTRANET/measures" "$INTRANET/measures/$M/lift" --data-urlencode "note=九七测试"
expect_status 404 "R-02.2 ... nor acts on it"
login "$INTRANET" op-gd; OPGD=$(jar_of op-gd)
req GET "$INTRANET/measures/$M" --jar "$OPGD"
expect_status 200 "R-02.2 the province's operator sees every city's measure"
req GET "$INTRANET/measures?q=$USCC" --jar "$OPGD"
expect_body "id=\"measure-$M\"" "R-15.1 ... and finds it by the enterprise's USCC"
req GET "$INTRANET/measures/$M" --jar "$FIGZ"
expect_status 404 "R-02.2 an FI does not see the operators' measure"
req GET "$INTRANET/measures/$M/files/$FID" --jar "$FIGZ"
expect_status 404 "R-02.2 ... nor its evidence"

# --- four eyes -------------------------------------------------------------------------------------------------
req GET "$INTRANET/measures/$M" --jar "$SUPGZ"
expect_body 'id="measure-approve"' "R-15.1 the supervisor is offered the approval"
post_form "$OPGZ" "$INTRANET/measures/$M" "$INTRANET/measures/$M/approve"
expect_status 403 "R-15.1 the operator cannot approve (role)"
# who asked for a step cannot approve it, whatever the role (the rule in the step)
sql "UPDATE measures SET asked_by = $(uid_of sup-gz) WHERE id = $M"
post_form "$SUPGZ" "$INTRANET/measures/$M" "$INTRANET/measures/$M/approve"
expect_status 403 "R-15.1 four eyes: who asked for it cannot approve it"
expect_eq "$(mcol "$M" status)" pending "R-15.1 ... nothing changed"
expect_eq "$(audit_count "action = 'measure.approve' AND object_id = '$M' AND outcome = 'denied'")" 1 "X-AUD ... the refusal audited"
sql "UPDATE measures SET asked_by = $(uid_of op-gz) WHERE id = $M"
post_form "$SUPGZ" "$INTRANET/measures/$M" "$INTRANET/measures/$M/approve" --data-urlencode "version=$(mcol "$M" version)"
expect_status 303 "R-15.1 the supervisor approves it"
expect_eq "$(mcol "$M" "CONCAT(status, '|', decided_by)")" "active|$(uid_of sup-gz)" "R-15.1 ... in force, the decider recorded"
expect_eq "$(audit_count "action = 'measure.approve' AND object_id = '$M' AND outcome = 'ok'")" 1 "X-AUD ... audited"
expect_eq "$(sql "SELECT COUNT(*) FROM inbox i JOIN users u ON u.id = i.user_id WHERE u.username = 'ent-a' AND i.link = '/measures/$M' AND i.kind = 'measure.effective'")" 1 "R-15.1 ... the enterprise told by a notice"

# --- enforced on the very next request ---------------------------------------------------------------------
req GET "$INTERNET/loans/new" --jar "$ENTA"
expect_status 403 "R-15.1 the enterprise's next request to publish is refused"
expect_body 'id="measure-refused"' "R-15.1 ... with the measure's page"
expect_body '暂停发布信贷申请' "R-15.1 ... naming the measure"
expect_body '九七测试 在信贷业务中提供虚假材料' "R-15.1 ... its reason"
expect_body "id=\"measure-starts\">$TODAY" "R-15.1 ... its start"
expect_body '未设结束日期' "R-15.1 ... and that it has no end date"
expect_body 'id="measure-appeal">如对该措施有异议' "R-15.1 ... and how to appeal"
expect_body '<a href="/feedback">提出申诉</a>' "R-15.1 ... through the feedback form"
post_form "$ENTA" "$INTERNET/loans" "$INTERNET/loans/new" --data-urlencode "amount_wan=100" \
	--data-urlencode "term_months=12" --data-urlencode "purpose=九七测试 不应发布" \
	--data-urlencode "consent=1" --data-urlencode "disclaimer=1" --data-urlencode "publish=1"
expect_status 403 "R-15.1 ... and so is the POST itself"
expect_eq "$(sql "SELECT COUNT(*) FROM loans WHERE purpose = '九七测试 不应发布'")" 0 "R-15.1 ... nothing published"
[ "$(audit_count "action = 'access.denied' AND object_type = 'measure' AND object_id = '$M' AND detail LIKE 'suspend_publish:%'")" -ge 2 ] &&
	ok "X-AUD each refusal audited with the measure" || not_ok "X-AUD each refusal audited with the measure"
req GET "$INTERNET/loans" --jar "$ENTA"
expect_status 200 "R-15.1 reading stays possible"
req GET "$INTERNET/my-credit" --jar "$ENTA"
expect_status 200 "R-15.1 ... and the other rights are kept"
req GET "$INTERNET/measures" --jar "$ENTA"
expect_status 200 "R-15.1 the enterprise sees its measure"
expect_body "id=\"measure-$M\"" "R-15.1 ... in its list"
expect_body '执行中' "R-15.1 ... in force"
req GET "$INTERNET/measures/$M" --jar "$ENTA"
expect_status 200 "R-15.1 ... and opens it"
expect_no_body '证据.pdf' "R-15.1 ... without the evidence (the offices')"
expect_no_body 'id="measure-proposer"' "R-15.1 ... nor the staff's names"

# --- lifting: asked by an operator, approved by a supervisor --------------------------------------------
post_form "$OPGZ" "$INTRANET/measures/$M" "$INTRANET/measures/$M/lift"
expect_status 400 "R-15.1 a lift needs a reason"
expect_body 'id="note-error">请填写理由' "X-UI ... told next to the field"
post_form "$OPGZ" "$INTRANET/measures/$M" "$INTRANET/measures/$M/lift" --data-urlencode "note=九七测试 已整改"
expect_status 303 "R-15.1 the operator asks to lift it"
expect_eq "$(mcol "$M" "CONCAT(status, '|', asked_by, '|', note)")" "lift_pending|$(uid_of op-gz)|九七测试 已整改" "R-15.1 ... waiting for a supervisor, with the reason"
req GET "$INTERNET/loans/new" --jar "$ENTA"
expect_status 403 "R-15.1 ... and the measure holds until then"
post_form "$SUPGZ" "$INTRANET/measures/$M" "$INTRANET/measures/$M/approve"
expect_status 303 "R-15.1 the supervisor approves the lift"
expect_eq "$(mcol "$M" "status")" lifted "R-15.1 ... lifted"
expect_eq "$(audit_count "action = 'measure.lift' AND object_id = '$M'") $(audit_count "action = 'measure.approve' AND object_id = '$M' AND outcome = 'ok'")" "1 2" "X-AUD ... both steps audited"
req GET "$INTERNET/loans/new" --jar "$ENTA"
expect_status 200 "R-15.1 the enterprise publishes again"
req GET "$INTERNET/measures" --jar "$ENTA"
expect_body '已解除' "R-15.1 ... its list says the measure was lifted"
post_form "$OPGZ" "$INTRANET/measures/$M" "$INTRANET/measures/$M/lift" --data-urlencode "note=九七测试 again"
expect_status 409 "R-15.1 a lifted measure takes no step"

# --- refused proposal ---------------------------------------------------------------------------------------
post_form "$OPGZ" "$INTRANET/measures/new" "$INTRANET/measures/new" \
	--data-urlencode "enterprise=$ENT" --data-urlencode "kind=other" --data-urlencode "other_text=九七测试 约谈" \
	--data-urlencode "reason=九七测试 其他措施" --data-urlencode "starts_on=$TODAY" --data-urlencode "ends_on=$NEXTWEEK"
expect_status 303 "R-15.1 an enterprise is picked by its id too; another measure with its text"
M2=$(header Location | sed -n 's|^/measures/\([0-9]*\).*|\1|p')
post_form "$SUPGZ" "$INTRANET/measures/$M2" "$INTRANET/measures/$M2/refuse" --data-urlencode "note=九七测试 证据不足"
expect_status 303 "R-15.1 the supervisor refuses it"
expect_eq "$(mcol "$M2" "CONCAT(status, '|', note)")" "refused|九七测试 证据不足" "R-15.1 ... refused, with the reason"
req GET "$INTERNET/measures/$M2" --jar "$ENTA"
expect_status 404 "R-15.1 a refused proposal is not the enterprise's"

cleanup
done_testing
