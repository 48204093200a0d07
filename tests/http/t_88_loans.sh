#!/usr/bin/env bash
# t_88_loans.sh -- loan applications (issue 14 "Loan applications",
# "Matching and take-up", "Consent"): the enterprise publishes with its
# consent and the disclaimer (R-08.2a, R-03.1), one with incomplete
# supplementary information is told what is missing (R-06.3); the banks
# of the region see open applications, a Foshan bank never sees a
# Guangzhou-only one, another enterprise never sees it (R-02.2); two
# banks race on the take-up and exactly one wins, the other is told
# (R-08.2b); the manager assigns, the FI releases, decides and reports the
# disbursement; the handling FI opens the enterprise's credit information
# under the consent, logged with purpose 信贷审批 and the application's
# number and shown in the enterprise's 谁查询了我 with the bank's name
# (R-08.1, R-08.2c); every step on the timeline and audited (X-AUD).
#
# Creates applications whose purpose starts with 八八测试 and removes them
# (with their timeline and credit openings) at the start, so the file runs
# again on the same stack.
. "$(dirname "$0")/lib.sh"

cleanup() {
	local ids
	ids=$(sql "SELECT GROUP_CONCAT(id) FROM loans WHERE purpose LIKE '八八测试%'")
	[ "$ids" = NULL ] || [ -z "$ids" ] && return 0
	sql "DELETE FROM credit_queries WHERE purpose = 'loan' AND purpose_text IN
		(SELECT CONCAT('XD', LPAD(id, 8, '0')) FROM loans WHERE id IN ($ids))"
	sql "DELETE FROM loan_events WHERE loan_id IN ($ids)"
	sql "DELETE FROM loans WHERE id IN ($ids)"
}
cleanup
fi_of() { sql "SELECT id FROM fis WHERE name = '$1'"; }
lcol() { sql "SELECT $2 FROM loans WHERE id = $1"; }
number_of() { printf 'XD%08d' "$1"; }
audit_count() { sql "SELECT COUNT(*) FROM audit_log WHERE $1"; }

ICBC=$(fi_of 中国工商银行广州分行)
CCB=$(fi_of 中国建设银行广州分行)
PRODUCT=$(sql "SELECT id FROM products WHERE name = '经营快贷'")
login "$INTERNET" ent-a; ENTA=$(jar_of ent-a)
login "$INTERNET" ent-b; ENTB=$(jar_of ent-b)
login "$INTRANET" fi-gz; GZ=$(jar_of fi-gz)
login "$INTRANET" fi-gz-mgr; MGR=$(jar_of fi-gz-mgr)
login "$INTRANET" fi-gz2; GZ2=$(jar_of fi-gz2)
login "$INTRANET" fi-fs; FS=$(jar_of fi-fs)
login "$INTRANET" op-gz; OPGZ=$(jar_of op-gz)

# apply JAR [KEY=VALUE...]: POST /loans/new with a good application
# (八八测试..., 200 万元, 12 months, open), each KEY given replacing its
# default; KEY= drops it
apply() {
	local jar=$1 kv k
	shift
	local -A f=([amount_wan]=200 [term_months]=12 [purpose]="八八测试 采购原材料"
		[guarantee]="实际控制人连带责任保证" [product_id]= [consent]=1 [disclaimer]=1 [publish]=1)
	for kv in "$@"; do k=${kv%%=*}; f[$k]=${kv#*=}; done
	local -a args=()
	for k in "${!f[@]}"; do
		[ -n "${f[$k]}" ] || [ "$k" = product_id ] && args+=(--data-urlencode "$k=${f[$k]}")
	done
	post_form "$jar" "$INTERNET/loans/new" "$INTERNET/loans/new" "${args[@]}"
}
loc_id() { header Location | sed -n 's|^/loans/\([0-9]*\).*|\1|p'; }

# --- the menus -------------------------------------------------------------------------
req GET "$INTERNET/loans" --jar "$ENTA"
expect_body '<a href="/loans" aria-current="page">信贷申请</a>' "X-UI the enterprise's menu shows 信贷申请"
req GET "$INTRANET/loans" --jar "$GZ"
expect_body '<a href="/loans" aria-current="page">信贷申请</a>' "X-UI the FI's menu shows 信贷申请"
expect_body '<a href="/products">金融产品</a>' "X-UI ... beside its products"

# --- R-06.3: incomplete supplementary information -----------------------------------------
req GET "$INTERNET/loans/new" --jar "$ENTB"
expect_status 200 "R-08.2a the enterprise opens the new application form"
expect_body 'id="missing"' "R-06.3 ... which names what is missing before publishing"
expect_body 'href="/profile/edit" id="complete-link"' "R-06.3 ... with a link to complete it"
expect_body '本平台仅为企业和金融机构提供信息对接服务' "R-03.1 the form carries the disclaimer"
apply "$ENTB" "purpose=八八测试 乙企业"
expect_status 200 "R-06.3 publishing with incomplete supplementary information is refused"
expect_body 'id="publish-error">企业补充信息尚未完整，不能发布' "R-06.3 ... told next to the publish step"
expect_body '<li>经营地址</li>' "R-06.3 ... naming a missing field"
expect_body 'value="八八测试 乙企业"|>八八测试 乙企业<' "X-UI ... the form keeps what was typed"
expect_eq "$(sql "SELECT COUNT(*) FROM loans WHERE purpose = '八八测试 乙企业'")" 0 "R-06.3 ... nothing written"
apply "$ENTB" "purpose=八八测试 乙企业草稿" publish=
expect_status 303 "R-08.2a ... but it may save a draft"
DRAFT_B=$(loc_id)
expect_eq "$(lcol "$DRAFT_B" status)" draft "R-08.2a ... which stays a draft"

# --- publishing: consent and disclaimer ---------------------------------------------------
req GET "$INTERNET/loans/new" --jar "$ENTA"
expect_no_body 'id="missing"' "R-06.3 complete supplementary information: nothing is missing"
expect_body "<option value=\"$PRODUCT\">中国工商银行广州分行 - 经营快贷</option>" "R-08.2a the form offers the products of its region"
apply "$ENTA" consent= disclaimer= "amount_wan=abc" "purpose=八八测试 <b>甲</b>"
expect_status 200 "R-08.2a a bad application is refused"
expect_body 'id="consent-error">发布申请前，请授权受理机构查询本企业的信用信息' "R-08.2b publishing needs the consent, told next to it"
expect_body 'id="disclaimer-error">发布申请前，请确认' "R-03.1 publishing needs the disclaimer ticked"
expect_body 'id="amount_wan-error">' "X-UI a malformed amount is told next to the field"
expect_body 'value="abc"' "X-UI ... and kept as typed"
apply "$ENTA" "product_id=999999999"
expect_body 'id="product_id-error">请选择本地区正在发布的产品' "R-08.2a an unknown product is refused next to the field"
apply "$ENTA" "purpose=八八测试 <b>甲</b> 开放申请"
expect_status 303 "R-08.2a the enterprise publishes an open application with its consent"
OPEN=$(loc_id)
expect_eq "$(lcol "$OPEN" status)" published "R-08.2a ... published at once"
expect_eq "$(lcol "$OPEN" "consent_at IS NOT NULL AND product_id IS NULL AND fi_id IS NULL")" 1 "R-08.2b ... with its consent, open to the region's banks"
expect_eq "$(audit_count "action = 'loan.publish' AND object_id = '$OPEN'")" 1 "X-AUD ... audited"
NUM=$(number_of "$OPEN")
req GET "$INTERNET/loans/$OPEN?done=published" --jar "$ENTA"
expect_status 200 "R-08.2a the enterprise opens its application"
expect_body "id=\"loan-number\">$NUM<" "R-08.2a ... with its number"
expect_escaped '八八测试 <b>甲</b> 开放申请' "X-SEC the purpose is shown escaped"
expect_body '本平台仅为企业和金融机构提供信息对接服务' "R-03.1 the application page carries the disclaimer"
expect_body 'data-action="publish"' "R-08.2a the timeline shows the publication"
expect_body 'id="loan-edit"' "R-08.2a ... it may still edit it"
req GET "$INTERNET/loans" --jar "$ENTA"
expect_body ">$NUM</a>" "R-08.2a the enterprise's list shows it"
expect_no_body ">$(number_of "$DRAFT_B")</a>" "R-02.2 ... and not another enterprise's"

# --- scope: another enterprise, a Foshan bank ---------------------------------------------
req GET "$INTERNET/loans/$OPEN" --jar "$ENTB"
expect_status 404 "R-02.2 another enterprise gets 404 for the application"
expect_eq "$(audit_count "action = 'access.denied' AND object_type = 'loan' AND object_id = '$OPEN'")" 1 "X-AUD ... audited as denied"
req GET "$INTRANET/loans/$OPEN" --jar "$FS"
expect_status 404 "R-02.2 a Foshan bank never sees a Guangzhou-only open application"
req GET "$INTRANET/loans" --jar "$FS"
expect_no_body ">$NUM</a>" "R-02.2 ... nor in its list"
req GET "$INTRANET/loans/$DRAFT_B" --jar "$GZ"
expect_status 404 "R-02.2 no bank sees a draft"
req GET "$INTRANET/loans?status=published" --jar "$GZ2"
expect_body ">$NUM</a>" "R-08.2b a Guangzhou bank sees the open application in its list"
req GET "$INTRANET/loans/$OPEN" --jar "$OPGZ"
expect_status 200 "R-02.2 the region's operator reads it"
expect_no_body 'action="/loans/[0-9]*/(take|decide|release)' "R-02.2 ... read only"

# --- the race: two banks take it up at once -----------------------------------------------
req GET "$INTRANET/loans/$OPEN" --jar "$GZ"
expect_body 'id="loan-take"' "R-08.2b the bank may take it up"
TOK1=$(csrf_from_body)
req GET "$INTRANET/loans/$OPEN" --jar "$GZ2"
TOK2=$(csrf_from_body)
VER=$(lcol "$OPEN" version)
race() { # JAR TOKEN OUT
	curl -sk --max-time 30 -H 'Expect:' -b "$1" -H "Origin: $INTRANET" \
		--data-urlencode "csrf_token=$2" --data-urlencode "version=$VER" \
		-o "$3.body" -w '%{http_code}' "$INTRANET/loans/$OPEN/take" >"$3.code"
}
race "$GZ" "$TOK1" "$T_TMP/r1" &
race "$GZ2" "$TOK2" "$T_TMP/r2" &
wait
C1=$(cat "$T_TMP/r1.code") C2=$(cat "$T_TMP/r2.code")
WINS=0
[ "$C1" = 303 ] && WINS=$((WINS + 1))
[ "$C2" = 303 ] && WINS=$((WINS + 1))
expect_eq "$WINS" 1 "R-08.2b of two banks racing exactly one takes it up ($C1, $C2)"
if [ "$C1" = 303 ]; then WIN=$GZ WFI=$ICBC WNAME=中国工商银行广州分行 LOSE=$GZ2 LB=$T_TMP/r2.body LC=$C2
else WIN=$GZ2 WFI=$CCB WNAME=中国建设银行广州分行 LOSE=$GZ LB=$T_TMP/r1.body LC=$C1; fi
expect_eq "$LC" 409 "R-08.2b ... the other is refused with 409"
if grep -q '该申请已被其他金融机构受理' "$LB"; then ok "R-08.2b ... and told in Chinese that another bank took it"
else not_ok "R-08.2b ... and told in Chinese that another bank took it" "$(head -c 400 "$LB")"; fi
expect_eq "$(lcol "$OPEN" "CONCAT(status, ' ', fi_id)")" "taken $WFI" "R-08.2b the winner's FI handles it"
expect_eq "$(sql "SELECT COUNT(*) FROM loan_events WHERE loan_id = $OPEN AND action = 'take'")" 1 "X-AUD one take-up on the timeline"
post_form "$LOSE" "$INTRANET/loans" "$INTRANET/loans/$OPEN/take" --data-urlencode "version=$VER"
expect_status 409 "R-08.2b a late take-up after the other bank's is refused too"
expect_body '该申请已被其他金融机构受理' "R-08.2b ... with the message"
expect_no_body '八八测试' "R-02.2 ... and nothing of the application but its number"
req GET "$INTRANET/loans/$OPEN" --jar "$LOSE"
expect_status 404 "R-02.2 the losing bank no longer sees the application"
req GET "$INTRANET/loans/$OPEN/credit" --jar "$LOSE"
expect_status 404 "R-08.2b ... nor its enterprise's credit information"
post_form "$ENTA" "$INTERNET/loans/$OPEN" "$INTERNET/loans/$OPEN/withdraw"
expect_status 409 "R-08.2a once taken up the enterprise cannot withdraw it"
expect_body '不能再撤回' "R-08.2a ... and is told why"

# --- the consent: the handling FI opens the credit information ----------------------------
req GET "$INTRANET/loans/$OPEN" --jar "$WIN"
expect_body 'id="loan-credit"' "R-08.2b the handling bank has the link to the credit information"
req GET "$INTRANET/loans/$OPEN/credit" --jar "$WIN"
expect_status 200 "R-08.2b ... which shows the enterprise and a button"
expect_no_body 'id="opened"' "R-08.1 ... nothing opened by the GET"
Q0=$(sql "SELECT COUNT(*) FROM credit_queries WHERE purpose = 'loan' AND purpose_text = '$NUM'")
post_form "$WIN" "$INTRANET/loans/$OPEN/credit" "$INTRANET/loans/$OPEN/credit"
expect_status 200 "R-08.2b the handling bank opens the credit information under the consent"
expect_body 'id="opened"' "R-08.1 ... the opening is shown"
expect_body '信贷审批' "R-08.1 ... with the purpose 信贷审批"
expect_eq "$(sql "SELECT COUNT(*) FROM credit_queries WHERE purpose = 'loan' AND purpose_text = '$NUM'
	AND org_kind = 'fi' AND org_id = $WFI")" "$((Q0 + 1))" "R-08.1 the opening is logged with the FI, the purpose and the number"
req GET "$INTERNET/my-credit/viewers" --jar "$ENTA"
expect_body "$WNAME" "R-08.2c the enterprise sees the bank's name in 谁查询了我"
expect_body "信贷审批：$NUM" "R-08.2c ... with the purpose and the application's number"

# --- the decision and the disbursement ----------------------------------------------------
post_form "$WIN" "$INTRANET/loans/$OPEN" "$INTRANET/loans/$OPEN/decide" \
	--data-urlencode outcome=approved --data-urlencode amount_wan=150 --data-urlencode rate=4.355
expect_status 400 "R-08.2b an incomplete decision is refused"
expect_body 'id="term_months-error">请填写此项' "X-UI ... the missing term told next to it"
expect_body 'id="rate-error">请输入 0.01 至 36' "X-UI ... the bad rate told next to it"
post_form "$WIN" "$INTRANET/loans/$OPEN" "$INTRANET/loans/$OPEN/decide" \
	--data-urlencode outcome=approved --data-urlencode amount_wan=150 \
	--data-urlencode term_months=12 --data-urlencode rate=4.35 --data-urlencode "conditions=按月付息"
expect_status 303 "R-08.2b the handling bank approves"
expect_eq "$(lcol "$OPEN" "CONCAT(status, ' ', approved_amount_wan, ' ', rate_bp)")" "approved 150 435" "R-08.2b ... with amount, term and rate"
post_form "$WIN" "$INTRANET/loans/$OPEN" "$INTRANET/loans/$OPEN/disburse" \
	--data-urlencode amount_wan=150 --data-urlencode "date=$(TZ=Asia/Shanghai date -d '+3 days' +%F)" \
	--data-urlencode contract_no=HT-88-001
expect_status 400 "R-08.2b a disbursement dated in the future is refused"
expect_body 'id="date-error">日期不能晚于今天' "X-UI ... told next to the date"
post_form "$WIN" "$INTRANET/loans/$OPEN" "$INTRANET/loans/$OPEN/disburse" \
	--data-urlencode amount_wan=150 --data-urlencode "date=$(TZ=Asia/Shanghai date +%F)" \
	--data-urlencode contract_no=HT-88-001
expect_status 303 "R-08.2b the bank reports the disbursement"
expect_eq "$(lcol "$OPEN" "CONCAT(status, ' ', contract_no, ' ', closed_at IS NOT NULL)")" "disbursed HT-88-001 1" "R-08.2b ... disbursed and closed"
expect_eq "$(audit_count "action IN ('loan.take','loan.approve','loan.disburse') AND object_id = '$OPEN'")" 3 "X-AUD every step audited"
req GET "$INTERNET/loans/$OPEN" --jar "$ENTA"
expect_body 'id="loan-status" class="status-disbursed">已放款' "R-08.2a the enterprise sees the result"
expect_body 'data-action="take"' "R-08.2a ... the take-up on its timeline"
expect_body 'data-action="approve"' "R-08.2a ... the approval"
expect_body 'data-action="disburse"' "R-08.2a ... the disbursement"
expect_body "class=\"who\">$WNAME" "R-08.2a ... with the bank's name"
expect_body 'id="loan-contract">HT-88-001<' "R-08.2a ... and the contract number"
for k in taken approved disbursed; do
	expect_eq "$(sql "SELECT COUNT(*) FROM inbox i JOIN users u ON u.id = i.user_id WHERE u.username = 'ent-a' AND i.kind = 'loan.$k' AND i.link = '/loans/$OPEN'")" 1 \
		"R-08.2a issue 14: the enterprise gets a notice linking the application at loan.$k"
done
expect_eq "$(sql "SELECT COUNT(*) FROM inbox i JOIN users u ON u.id = i.user_id WHERE u.username = 'ent-a' AND i.kind = 'loan.taken' AND i.link = '/loans/$OPEN' AND i.sms IN ('pending','sent','failed')")" 1 \
	"R-08.2a ... with an SMS queued for it"
req GET "$INTERNET/inbox" --jar "$ENTA"
expect_body '您的贷款已发放' "R-08.2a ... which its 消息 list shows"

# --- revoking the consent ends the bank's access ------------------------------------------
post_form "$ENTA" "$INTERNET/loans/$OPEN" "$INTERNET/loans/$OPEN/revoke"
expect_status 303 "R-08.2b the enterprise revokes its consent"
req GET "$INTRANET/loans/$OPEN" --jar "$WIN"
expect_no_body 'id="loan-credit"' "R-08.2b ... the bank has no link any more"
req GET "$INTRANET/loans/$OPEN/credit" --jar "$WIN"
expect_status 403 "R-08.2b ... and opening the credit information is refused"

# --- addressed to a product: the manager assigns, the FI releases ------------------------
apply "$ENTA" "purpose=八八测试 经营快贷" "product_id=$PRODUCT"
expect_status 303 "R-08.2a the enterprise applies for one product"
ADDR=$(loc_id)
expect_eq "$(lcol "$ADDR" fi_id)" "$ICBC" "R-08.2a ... addressed to that product's FI"
req GET "$INTRANET/loans/$ADDR" --jar "$GZ2"
expect_status 404 "R-02.2 another bank never sees an application addressed to another FI"
req GET "$INTRANET/loans/$ADDR" --jar "$GZ"
TOK=$(csrf_from_body)
req POST "$INTRANET/loans/$ADDR/take" --jar "$GZ" -H "Origin: $INTRANET" \
	--data-urlencode "csrf_token=$TOK" --data-urlencode "version=$(lcol "$ADDR" version)"
expect_status 303 "R-08.2b the addressed bank's officer takes it up"
GZ_ID=$(sql "SELECT id FROM users WHERE username = 'fi-gz'")
MGR_ID=$(sql "SELECT id FROM users WHERE username = 'fi-gz-mgr'")
post_form "$GZ" "$INTRANET/loans/$ADDR" "$INTRANET/loans/$ADDR/assign" --data-urlencode "officer_id=$MGR_ID"
expect_status 403 "R-08.2b an officer cannot assign"
expect_eq "$(audit_count "action = 'loan.assign' AND object_id = '$ADDR' AND outcome = 'denied'")" 1 "X-AUD ... the refusal audited as denied"
req GET "$INTRANET/loans/$ADDR" --jar "$MGR"
expect_body 'id="loan-assign"' "R-08.2b the manager has the assign form"
GZ2_ID=$(sql "SELECT id FROM users WHERE username = 'fi-gz2'")
post_form "$MGR" "$INTRANET/loans/$ADDR" "$INTRANET/loans/$ADDR/assign" --data-urlencode "officer_id=$GZ2_ID"
expect_status 400 "R-08.2b the manager cannot assign another FI's user"
expect_body 'id="officer_id-error">请选择本机构的客户经理' "X-UI ... told next to the field"
post_form "$MGR" "$INTRANET/loans/$ADDR" "$INTRANET/loans/$ADDR/assign" --data-urlencode "officer_id=$GZ_ID"
expect_status 303 "R-08.2b the manager assigns it to an officer of its FI"
expect_eq "$(lcol "$ADDR" officer_id)" "$GZ_ID" "R-08.2b ... who handles it"
post_form "$GZ" "$INTRANET/loans/$ADDR" "$INTRANET/loans/$ADDR/release"
expect_status 400 "R-08.2b a release needs a reason"
post_form "$GZ" "$INTRANET/loans/$ADDR" "$INTRANET/loans/$ADDR/release" --data-urlencode "reason=额度超出本行产品范围"
expect_status 303 "R-08.2b the bank releases it with a reason"
expect_eq "$(lcol "$ADDR" "CONCAT(status, ' ', fi_id IS NULL, ' ', product_id IS NULL)")" "published 1 1" "R-08.2b ... open again"
req GET "$INTRANET/loans/$ADDR" --jar "$GZ2"
expect_status 200 "R-08.2b ... so the region's other banks see it"
post_form "$GZ2" "$INTRANET/loans/$ADDR" "$INTRANET/loans/$ADDR/decide" \
	--data-urlencode outcome=declined --data-urlencode "reason=x"
expect_status 409 "R-08.2b a bank that did not take it up cannot decide (not taken up: the state refuses)"
req GET "$INTERNET/loans/$ADDR" --jar "$ENTA"
expect_body 'data-action="release"' "R-08.2a the release is on the enterprise's timeline"
expect_body '额度超出本行产品范围' "R-08.2a ... with its reason"
post_form "$ENTA" "$INTERNET/loans/$ADDR" "$INTERNET/loans/$ADDR/withdraw"
expect_status 303 "R-08.2a an open application not taken up is withdrawn by the enterprise"
expect_eq "$(lcol "$ADDR" status)" withdrawn "R-08.2a ... withdrawn"

# --- a draft edited, then published from the edit form; a stale form refused -------------
apply "$ENTA" "purpose=八八测试 草稿" publish= consent= disclaimer=
expect_status 303 "R-08.2a the enterprise saves a draft"
D=$(loc_id)
expect_eq "$(lcol "$D" "CONCAT(status, ' ', consent_at IS NULL)")" "draft 1" "R-08.2a ... a draft without consent"
req GET "$INTRANET/loans/$D" --jar "$GZ"
expect_status 404 "R-02.2 a bank does not see a draft"
req GET "$INTERNET/loans/$D/edit" --jar "$ENTA"
expect_status 200 "R-08.2a the enterprise opens the edit form"
expect_body '>八八测试 草稿<' "R-08.2a ... with the stored values"
V=$(lcol "$D" version)
edit() { post_form "$ENTA" "$INTERNET/loans/$D/edit" "$INTERNET/loans/$D/edit" \
	--data-urlencode amount_wan=300 --data-urlencode term_months=24 \
	--data-urlencode "purpose=八八测试 草稿改" --data-urlencode product_id= "$@"; }
edit --data-urlencode "version=$((V + 5))"
expect_status 200 "R-08.2a an edit on a stale form is refused"
expect_body 'id="refused">申请已被修改或状态已变化' "R-08.2a ... and told so"
expect_eq "$(lcol "$D" amount_wan)" 200 "R-08.2a ... nothing changed"
edit --data-urlencode "version=$V" --data-urlencode publish=1
expect_status 200 "R-08.2b publishing from the edit form needs the consent"
expect_body 'id="consent-error">' "R-08.2b ... told next to it"
edit --data-urlencode "version=$V" --data-urlencode publish=1 --data-urlencode consent=1 --data-urlencode disclaimer=1
expect_status 303 "R-08.2a the draft is edited and published"
expect_eq "$(lcol "$D" "CONCAT(status, ' ', amount_wan, ' ', consent_at IS NOT NULL)")" "published 300 1" "R-08.2a ... with the new values and the consent"
post_form "$ENTB" "$INTERNET/loans/$DRAFT_B/edit" "$INTERNET/loans/$DRAFT_B/edit" \
	--data-urlencode amount_wan=50 --data-urlencode term_months=6 --data-urlencode "purpose=八八测试 乙企业草稿" \
	--data-urlencode "version=$(lcol "$DRAFT_B" version)" --data-urlencode publish=1 \
	--data-urlencode consent=1 --data-urlencode disclaimer=1
expect_status 200 "R-06.3 publishing ent-b's draft is refused too"
expect_body 'id="publish-error">企业补充信息尚未完整' "R-06.3 ... told next to the publish step"
expect_eq "$(lcol "$DRAFT_B" status)" draft "R-06.3 ... it stays a draft"

# --- approved, but the enterprise did not take the offer ---------------------------------
req GET "$INTRANET/loans/$D" --jar "$GZ"
TOK=$(csrf_from_body)
req POST "$INTRANET/loans/$D/take" --jar "$GZ" -H "Origin: $INTRANET" \
	--data-urlencode "csrf_token=$TOK" --data-urlencode "version=$(lcol "$D" version)"
expect_status 303 "R-08.2b a bank takes up the edited application"
post_form "$GZ" "$INTRANET/loans/$D" "$INTRANET/loans/$D/decide" --data-urlencode outcome=approved \
	--data-urlencode amount_wan=250 --data-urlencode term_months=24 --data-urlencode rate=3.9
expect_status 303 "R-08.2b ... approves"
post_form "$GZ" "$INTRANET/loans/$D" "$INTRANET/loans/$D/not-taken"
expect_status 303 "R-08.2b ... and records that the enterprise did not take the offer"
expect_eq "$(lcol "$D" "CONCAT(status, ' ', closed_at IS NOT NULL)")" "not_taken 1" "R-08.2b ... closed"
post_form "$GZ" "$INTRANET/loans/$D" "$INTRANET/loans/$D/disburse" --data-urlencode amount_wan=250 \
	--data-urlencode "date=$(TZ=Asia/Shanghai date +%F)" --data-urlencode contract_no=HT-88-002
expect_status 409 "R-08.2b a closed application takes no other step"

# --- a declined one ----------------------------------------------------------------------
apply "$ENTA" "purpose=八八测试 拒绝"
DEC=$(loc_id)
req GET "$INTRANET/loans/$DEC" --jar "$GZ2"
TOK=$(csrf_from_body)
req POST "$INTRANET/loans/$DEC/take" --jar "$GZ2" -H "Origin: $INTRANET" \
	--data-urlencode "csrf_token=$TOK" --data-urlencode "version=$(lcol "$DEC" version)"
expect_status 303 "R-08.2b a second bank takes up another application"
post_form "$GZ2" "$INTRANET/loans/$DEC" "$INTRANET/loans/$DEC/decide" --data-urlencode outcome=declined
expect_status 400 "R-08.2b a decline needs a reason"
expect_body 'id="reason-error">请填写原因' "X-UI ... told next to it"
post_form "$GZ2" "$INTRANET/loans/$DEC" "$INTRANET/loans/$DEC/decide" --data-urlencode outcome=declined \
	--data-urlencode reason_kind=collateral --data-urlencode "reason=抵押物不足"
expect_status 303 "R-08.2b the bank declines with a reason"
req GET "$INTERNET/loans/$DEC" --jar "$ENTA"
expect_body 'id="loan-decline">担保或抵押不足：抵押物不足<' "R-08.2a the enterprise sees why"

cleanup
done_testing
