#!/usr/bin/env bash
# t_98_start.sh -- each role's start page (issue 18 "land each role on its
# own start page", X-UI, R-02.2): every demo account signs in to /start on
# its portal; the page names itself, is marked in the menu and lists the
# items of its role (and none of another's), each a count linking the
# list it counts (every link opens); the counts follow the data (a
# feedback, a change form, a returned form, a notice, a draft, a
# publication, a take-up, an overdue application, a missing profile
# field, a refused access, a verification, a locked account) and keep to
# the reader's scope (a Foshan operator does not count Guangzhou's, a
# Guangzhou operator not Foshan's, an officer not a colleague's); the
# empty state when nothing waits; the home page's summary.
#
# Marks what it creates with 九八启动测试 and removes it at the start and
# the end; ent-a's address and sec-gd's unread notices are put back.
. "$(dirname "$0")/lib.sh"

MARK=九八启动测试
uid_of() { sql "SELECT id FROM users WHERE username = '$1'"; }
ADMIN=("$DUIJIE_BUILD/duijie-admin" --config "$DUIJIE_CONF")

cleanup() {
	local ids
	sql "DELETE FROM feedback WHERE subject LIKE '$MARK%'"
	sql "DELETE FROM agency_forms WHERE net_name = '$MARK'"
	sql "DELETE FROM inbox WHERE title LIKE '$MARK%'"
	ids=$(sql "SELECT GROUP_CONCAT(id) FROM loans WHERE purpose LIKE '$MARK%'")
	if [ "$ids" != NULL ] && [ -n "$ids" ]; then
		sql "DELETE FROM inbox WHERE link IN (SELECT CONCAT('/loans/', id) FROM loans WHERE id IN ($ids))"
		sql "DELETE FROM loan_events WHERE loan_id IN ($ids)"
		sql "DELETE FROM loans WHERE id IN ($ids)"
	fi
}
cleanup

# The last page's text on one line (items span lines; read from the file:
# start_count runs in $(...), whose BODY does not come back).
flat() { tr -d '\n' <"$RESP_BODY"; }
# start_get JAR BASE: GET /start
start_get() { req GET "$2/start" --jar "$1"; }
# item KEY: the <li> of item KEY on the last page, on one line
item() { flat | sed 's|</li>|</li>\n|g' | grep "<li id=\"start-$1\""; }
# count KEY: its count ("" when absent); href KEY: its link; detail KEY:
# the text beside its count
count() { item "$1" | sed -n 's|.*<strong class="count">\([0-9]*\)</strong>.*|\1|p'; }
href() { item "$1" | sed -n 's|.*<a href="\([^"]*\)">.*|\1|p'; }
detail() { item "$1" | sed -n 's|.*<span class="detail">\([^<]*\)</span>.*|\1|p'; }
# start_count JAR BASE KEY
start_count() { start_get "$1" "$2"; count "$3"; }

FS_OP=t98-fs-$$
otp=$("${ADMIN[@]}" create-operator "$FS_OP" --name 测试员 --contact 0757-12345678 \
	--region 440600 | sed -n 's/^one-time password.*: //p')
sql "UPDATE users SET must_change_pw = 0 WHERE username = '$FS_OP'"

# --- every demo account lands on its start page ----------------------------------------------
# user, portal, the items it has, the items it has not
while read -r user portal has hasnot <&3; do
	base=$INTRANET
	[ "$portal" = net ] && base=$INTERNET
	pw=$DEMO_PW
	[ "$user" = "$FS_OP" ] && pw=$otp
	login "$base" "$user" "$pw"
	expect_header Location '^/start$' "X-UI issue 18 $user's sign-in lands on its start page"
	jar=$(jar_of "$user")
	start_get "$jar" "$base"
	expect_status 200 "X-UI issue 18 $user opens /start"
	expect_body '<title>我的工作台 - 广东省中小微企业信用信息和融资对接平台</title>' "X-UI ... its title names the page"
	expect_body '<a href="/start" aria-current="page">工作台</a>' "X-UI ... the menu marks it as the current page"
	expect_body 'href="/start" class="section current" aria-current="true">我的<' "X-UI ... in the section 我的, which it opens"
	for k in ${has//,/ }; do
		expect_body "<li id=\"start-$k\"" "X-UI issue 18 $user's start page has the item $k"
	done
	for k in ${hasnot//,/ }; do
		expect_no_body "<li id=\"start-$k\"" "R-02.2 $user's start page has no item $k"
	done
	# every item's link opens (the list it counts, for this role)
	links=$(flat | grep -o '<li id="start-[a-z_]*"[^>]*>[^<]*<a href="[^"]*"' |
		sed 's/.*<a href="//; s/"$//; s/&amp;/\&/g')
	bad=''
	for l in $links; do
		req GET "$base$l" --jar "$jar"
		[ "$STATUS" = 200 ] || bad="$bad $l=$STATUS"
	done
	[ -z "$bad" ] && [ -n "$links" ] && ok "X-UI issue 18 every link of $user's start page opens its list" ||
		not_ok "X-UI issue 18 every link of $user's start page opens its list" "$bad"
done 3<<EOF
op-gz lan aforms_check,aforms_execute,departures,claims,credit_requests,loans_overdue,feedback,events_draft,events_upcoming,inbox aforms_approve,staff_requests,batches,fi_open,ent_draft,audit_verify,rules_pending
sup-gz lan aforms_check,aforms_approve,departures,staff_requests,loans_overdue,inbox aforms_execute,claims,feedback,rules_pending,fi_open
sup-gd lan aforms_approve,staff_requests,rules_pending,inbox claims,batches
op-gd lan aforms_check,claims,feedback,inbox aforms_approve,rules_pending,audit_verify
gov-gz lan batches,aforms_returned,aforms_draft,departures,inbox aforms_check,claims,feedback,fi_open
gov-fs lan batches,aforms_returned,inbox claims,fi_open
fi-gz lan fi_open,fi_taken,fi_approved,inbox fi_overdue,aforms_check,batches,ent_draft
fi-gz-mgr lan fi_open,fi_taken,fi_approved,fi_overdue,inbox aforms_check,ent_draft
fi-gz2 lan fi_open,fi_taken,inbox fi_overdue
fi-fs lan fi_open,inbox fi_overdue,claims
aud-gd lan audit_verify,audit_denied,inbox aforms_check,staff_locked,fi_open
sys-gd lan staff_locked,inbox audit_verify,aforms_check
sec-gd lan inbox staff_locked,audit_verify,aforms_check
$FS_OP lan aforms_check,claims,feedback,inbox aforms_approve
ent-a net ent_draft,ent_published,ent_taken,ent_approved,profile,my_credit,viewers,inbox aforms_check,fi_open,feedback,claims
ent-b net ent_draft,profile,inbox fi_open,claims
EOF

OPGZ=$(jar_of op-gz) OPGD=$(jar_of op-gd) OPFS=$(jar_of "$FS_OP")
GOVGZ=$(jar_of gov-gz) GOVFS=$(jar_of gov-fs)
GZ=$(jar_of fi-gz) GZ2=$(jar_of fi-gz2) MGR=$(jar_of fi-gz-mgr)
ENTA=$(jar_of ent-a) AUD=$(jar_of aud-gd) SYS=$(jar_of sys-gd) SEC=$(jar_of sec-gd)

req GET "$INTRANET/account" --jar "$OPGZ"
expect_status 200 "R-07.1 /account still opens after sign-in"
req GET "$INTERNET/start"
expect_status 303 "X-SEC /start needs signing in"
expect_header Location '^/login$' "X-SEC ... to /login"
start_get "$OPGZ" "$INTRANET"
expect_eq "$(href feedback)" "/feedback/manage?state=open" "X-UI issue 18 the feedback count links the open feedback"
expect_eq "$(href aforms_check)" "/agency-forms?status=submitted" "X-UI ... the forms to check link the filtered list"
expect_eq "$(href loans_overdue)" "/loans?overdue=1" "X-UI ... the overdue applications link /loans?overdue=1"

# --- operators: feedback and change forms, each in its scope --------------------------------
gz0=$(start_count "$OPGZ" "$INTRANET" feedback)
fs0=$(start_count "$OPFS" "$INTRANET" feedback)
gd0=$(start_count "$OPGD" "$INTRANET" feedback)
post_form "$ENTA" "$INTERNET/feedback" "$INTERNET/feedback" --data-urlencode kind=suggestion \
	--data-urlencode "subject=${MARK}建议" --data-urlencode "body=希望在工作台上看到待办事项的数量。"
expect_status 303 "(set up) ent-a sends a suggestion to Guangzhou's operators"
expect_eq "$(start_count "$OPGZ" "$INTRANET" feedback)" "$((gz0 + 1))" \
	"X-UI issue 18 the Guangzhou operator's feedback to answer goes up by one"
expect_body 'class="start-item waits"' "X-UI ... and the item is marked as waiting"
expect_eq "$(start_count "$OPGD" "$INTRANET" feedback)" "$((gd0 + 1))" "R-02.2 ... the province's operator counts it too"
expect_eq "$(start_count "$OPFS" "$INTRANET" feedback)" "$fs0" "R-02.2 ... a Foshan operator does not count Guangzhou's feedback"
F=$(sql "SELECT id FROM feedback WHERE subject = '${MARK}建议'")
post_form "$OPGZ" "$INTRANET/feedback/$F" "$INTRANET/feedback/$F/answer" --data-urlencode "answer=谢谢，已经安排。"
expect_status 303 "(set up) the operator answers it"
expect_eq "$(start_count "$OPGZ" "$INTRANET" feedback)" "$gz0" "X-UI issue 18 ... and the count goes back once answered"

gz0=$(start_count "$OPGZ" "$INTRANET" aforms_check)
fs0=$(start_count "$OPFS" "$INTRANET" aforms_check)
sql "INSERT INTO agency_forms (agency_id, region_code, status, source, net_name, entered_by, submitted_at)
	SELECT a.id, a.region_code, 'submitted', 'online', '$MARK', $(uid_of "$FS_OP"), UTC_TIMESTAMP()
	FROM agencies a WHERE a.region_code = '440600' LIMIT 1"
expect_eq "$(start_count "$OPFS" "$INTRANET" aforms_check)" "$((fs0 + 1))" \
	"X-UI issue 18 a form submitted by a Foshan agency waits for the Foshan operator's check"
expect_eq "$(start_count "$OPGZ" "$INTRANET" aforms_check)" "$gz0" "R-02.2 ... and is not counted by Guangzhou's operator"

# --- gov: its agency's returned forms -----------------------------------------------------------
gz0=$(start_count "$GOVGZ" "$INTRANET" aforms_returned)
fs0=$(start_count "$GOVFS" "$INTRANET" aforms_returned)
sql "INSERT INTO agency_forms (agency_id, region_code, status, source, net_name, entered_by, return_reason)
	SELECT u.org_id, u.region_code, 'returned', 'online', '$MARK', u.id, '缺少负责人签字'
	FROM users u WHERE u.username = 'gov-gz'"
expect_eq "$(start_count "$GOVGZ" "$INTRANET" aforms_returned)" "$((gz0 + 1))" \
	"X-UI issue 18 a form returned to gov-gz's agency waits on its start page"
expect_eq "$(href aforms_returned)" "/agency-forms?status=returned" "X-UI ... linking its returned forms"
req GET "$INTRANET/agency-forms?status=returned" --jar "$GOVGZ"
expect_body "href=\"/agency-forms/$(sql "SELECT id FROM agency_forms WHERE net_name = '$MARK' AND status = 'returned'")\"" \
	"X-UI ... where the form is listed"
expect_eq "$(start_count "$GOVFS" "$INTRANET" aforms_returned)" "$fs0" "R-02.2 ... another agency's gov user does not count it"

# --- the loan applications: the enterprise, the FI's officers and manager ------------------------
PRODUCT=$(sql "SELECT id FROM products WHERE name = '经营快贷'")
e_draft=$(start_count "$ENTA" "$INTERNET" ent_draft)
post_form "$ENTA" "$INTERNET/loans/new" "$INTERNET/loans/new" \
	--data-urlencode amount_wan=50 --data-urlencode term_months=6 --data-urlencode "purpose=${MARK}草稿"
expect_status 303 "(set up) ent-a saves a draft application"
expect_eq "$(start_count "$ENTA" "$INTERNET" ent_draft)" "$((e_draft + 1))" \
	"X-UI issue 18 the enterprise's drafts go up by one"
e_pub=$(count ent_published)
o_open=$(start_count "$GZ" "$INTRANET" fi_open)
post_form "$ENTA" "$INTERNET/loans/new" "$INTERNET/loans/new" \
	--data-urlencode amount_wan=100 --data-urlencode term_months=12 \
	--data-urlencode "purpose=${MARK}发布" --data-urlencode "product_id=$PRODUCT" \
	--data-urlencode consent=1 --data-urlencode disclaimer=1 --data-urlencode publish=1
expect_status 303 "(set up) ent-a publishes an application to the bank's product"
L=$(header Location | sed -n 's|^/loans/\([0-9]*\).*|\1|p')
expect_eq "$(start_count "$ENTA" "$INTERNET" ent_published)" "$((e_pub + 1))" \
	"X-UI issue 18 the enterprise's published applications go up by one"
e_taken=$(count ent_taken)
expect_eq "$(start_count "$GZ" "$INTRANET" fi_open)" "$((o_open + 1))" \
	"X-UI issue 18 the bank's applications waiting for a take-up go up by one"
o_taken=$(count fi_taken)
o2_taken=$(start_count "$GZ2" "$INTRANET" fi_taken)
m_late=$(start_count "$MGR" "$INTRANET" fi_overdue)
sql "UPDATE loans SET take_due_at = UTC_TIMESTAMP() - INTERVAL 1 HOUR WHERE id = $L"
expect_eq "$(start_count "$MGR" "$INTRANET" fi_overdue)" "$((m_late + 1))" \
	"R-08.2a issue 18 the manager's overdue applications go up by one past the take-up limit"
post_form "$GZ" "$INTRANET/loans/$L" "$INTRANET/loans/$L/take" --data-urlencode "version=$(sql "SELECT version FROM loans WHERE id = $L")"
expect_status 303 "(set up) fi-gz takes it up"
expect_eq "$(start_count "$GZ" "$INTRANET" fi_taken)" "$((o_taken + 1))" \
	"X-UI issue 18 the officer's own applications waiting for a decision go up by one"
expect_eq "$(href fi_taken)" "/loans?status=taken&amp;mine=1" "X-UI ... linking its own taken-up applications"
req GET "$INTRANET/loans?status=taken&mine=1" --jar "$GZ"
expect_body "data-loan=\"$L\"" "X-UI ... where the application is listed"
req GET "$INTRANET/loans?status=taken&mine=1" --jar "$GZ2"
expect_no_body "data-loan=\"$L\"" "R-02.2 ... and not in a colleague's own list"
expect_eq "$(start_count "$GZ2" "$INTRANET" fi_taken)" "$o2_taken" "R-02.2 ... nor counted on the colleague's start page"
expect_eq "$(start_count "$GZ" "$INTRANET" fi_open)" "$o_open" "X-UI ... the one taken up no longer waits for a take-up"
expect_eq "$(start_count "$ENTA" "$INTERNET" ent_taken)" "$((e_taken + 1))" \
	"X-UI issue 18 the enterprise sees it among its taken-up applications"
n_inbox=$(count inbox)
[ "$n_inbox" -ge 1 ] && ok "X-UI ... and its unread notices count the take-up notice" ||
	not_ok "X-UI ... and its unread notices count the take-up notice" "$n_inbox"

# --- the enterprise's missing information -----------------------------------------------------
ENT_ID=$(sql "SELECT org_id FROM users WHERE username = 'ent-a'")
ADDR=$(sql "SELECT address FROM enterprises WHERE id = $ENT_ID")
p0=$(start_count "$ENTA" "$INTERNET" profile)
sql "UPDATE enterprises SET address = '' WHERE id = $ENT_ID"
expect_eq "$(start_count "$ENTA" "$INTERNET" profile)" "$((p0 + 1))" \
	"R-06.3 issue 18 an emptied supplementary field is counted as missing"
case "$(detail profile)" in *经营地址*) ok "R-06.3 ... and named beside the count" ;;
	*) not_ok "R-06.3 ... and named beside the count" "$(detail profile)" ;; esac
expect_eq "$(href profile)" "/profile/edit" "X-UI ... linking the form that fills it in"
sql "UPDATE enterprises SET address = '$ADDR' WHERE id = $ENT_ID"
[ -n "$(detail my_credit)" ] && ok "X-UI issue 18 the enterprise's credit information item tells the state of its request" ||
	not_ok "X-UI issue 18 the enterprise's credit information item tells the state of its request"

# --- the auditor, the system administrator ------------------------------------------------------
d0=$(start_count "$AUD" "$INTRANET" audit_denied)
req GET "$INTRANET/staff" --jar "$OPGZ"
expect_status 403 "(set up) an operator is refused the system administrator's page"
expect_eq "$(start_count "$AUD" "$INTRANET" audit_denied)" "$((d0 + 1))" \
	"X-AUD issue 18 the auditor's refused accesses of the last 7 days go up by one"
case "$(href audit_denied)" in "/audit?action=access.denied&amp;from=20"*) ok "X-AUD ... linking the audit log filtered alike" ;;
	*) not_ok "X-AUD ... linking the audit log filtered alike" "$(href audit_denied)" ;; esac
post_form "$AUD" "$INTRANET/audit/verify" "$INTRANET/audit/verify"
expect_status 200 "(set up) the auditor verifies the audit chain"
# (the chain is intact unless an earlier file left it broken: the start
# page tells the result the verification had)
if grep -q 'id="verify-intact"' "$RESP_BODY"; then result=完整 class='start-item fact'
else result=发现断裂 class='start-item waits fact'; fi
start_get "$AUD" "$INTRANET"
case "$(detail audit_verify)" in 最近一次校验*"$result"*) ok "X-AUD issue 18 the start page shows the last verification and its result" ;;
	*) not_ok "X-AUD issue 18 the start page shows the last verification and its result" "$(detail audit_verify)" ;; esac
expect_body "<li id=\"start-audit_verify\" class=\"$class\">" "X-AUD ... and asks for another only when it failed"

s0=$(start_count "$SYS" "$INTRANET" staff_locked)
T98=t98-op-$$
"${ADMIN[@]}" create-operator "$T98" --name 测试员 --contact 0757-12345678 --region 440600 >/dev/null
sql "UPDATE users SET status = 'locked' WHERE username = '$T98'"
expect_eq "$(start_count "$SYS" "$INTRANET" staff_locked)" "$((s0 + 1))" \
	"R-11.1 issue 18 the system administrator's locked staff accounts go up by one"
sql "UPDATE users SET status = 'revoked' WHERE username IN ('$T98', '$FS_OP')"

# --- the empty state, a notice, the home page ------------------------------------------------------
SEC_ID=$(uid_of sec-gd)
UNREAD=$(sql "SELECT GROUP_CONCAT(id) FROM inbox WHERE user_id = $SEC_ID AND read_at IS NULL")
[ "$UNREAD" = NULL ] || sql "UPDATE inbox SET read_at = UTC_TIMESTAMP() WHERE id IN ($UNREAD)"
start_get "$SEC" "$INTRANET"
expect_body 'id="start-empty"' "X-UI issue 18 with nothing waiting the start page says so"
expect_body 'id="start-waiting">0<' "X-UI ... and counts 0"
req GET "$INTRANET/" --jar "$SEC"
expect_body 'id="home-start">目前没有等待您处理的事项' "X-UI issue 18 the signed-in home page says nothing waits ..."
expect_body 'href="/start" id="home-start-link"' "X-UI ... and links the start page"
sql "INSERT INTO inbox (user_id, kind, title) VALUES ($SEC_ID, 'test', '${MARK}通知')"
expect_eq "$(start_count "$SEC" "$INTRANET" inbox)" 1 "X-UI issue 18 an unread notice is counted"
expect_no_body 'id="start-empty"' "X-UI ... and the page no longer says nothing waits"
expect_body 'id="start-waiting">1<' "X-UI ... it counts one thing waiting"
req GET "$INTRANET/" --jar "$SEC"
expect_body 'id="home-waiting">1<' "X-UI issue 18 the signed-in home page counts it too"
req GET "$INTRANET/"
expect_no_body 'id="home-start"' "X-UI ... and an anonymous home page has no summary"
sql "DELETE FROM inbox WHERE title = '${MARK}通知'"
[ "$UNREAD" = NULL ] || sql "UPDATE inbox SET read_at = NULL WHERE id IN ($UNREAD)"

cleanup
done_testing
