#!/usr/bin/env bash
# t_41_audit.sh -- the auditor's audit log on the intranet: who may read
# it, filters, region scope, and the CSV export (X-AUD, R-02.2, X-SEC).
#
# Creates its own users (a city auditor, an operator whose name starts
# with '='); changes no demo account.
. "$(dirname "$0")/lib.sh"

ADMIN=("$DUIJIE_BUILD/duijie-admin" --config "$DUIJIE_CONF")

new_operator() {
	"${ADMIN[@]}" create-operator "$1" --name 测试员 --contact 020-12345678 --region "$2" |
		sed -n 's/^one-time password.*: //p'
}
uid_of() { sql "SELECT id FROM users WHERE username = '$1'"; }
audit_count() { sql "SELECT COUNT(*) FROM audit_log WHERE $1"; }
today=$(TZ=Asia/Shanghai date +%F)

# Rows to look for: a refused access by op-gz, sign-ins by op-gd.
GOV_FS=$(uid_of gov-fs)
login "$INTRANET" op-gz
req GET "$INTRANET/users/$GOV_FS" --jar "$(jar_of op-gz)"
expect_status 404 "R-02.2 (set up) op-gz is refused a Foshan user"
login "$INTRANET" op-gd
post_form "$(jar_of op-gd)" "$INTRANET/account" "$INTRANET/logout"
expect_status 303 "X-AUD (set up) op-gd signs out"

login "$INTRANET" aud-gd
AUD=$(jar_of aud-gd)

# --- who may read it (X-AUD, R-02.1) ---------------------------------------------------------
req GET "$INTRANET/audit" --jar "$AUD"
expect_status 200 "X-AUD an auditor opens the audit log"
expect_body '<title>审计日志' "X-UI the audit log has a Chinese title"
expect_body 'aria-current="page">审计日志' "X-UI the menu marks the audit log"
expect_body '<table class="list audit"' "X-UI the rows are a printable table"
expect_body '<code>login</code>' "X-AUD sign-ins are listed"
expect_body '您可以查看全省' "R-02.2 the province's auditor is told it sees everything"
expect_no_body '<script' "X-UI the audit log works without JavaScript"
expect_body '<td>[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}:[0-9]{2}</td>' "X-UI times are shown (Beijing time)"
first=$(awk '/<tbody>/ { f = 1 } f && /<td>[0-9]+<\/td>/ { gsub(/[^0-9]/, ""); print; exit }' "$RESP_BODY")
expect_eq "$first" "$(sql "SELECT MAX(id) FROM audit_log")" "X-AUD newest row first"
rows=$(grep -c '<tr class="outcome-' "$RESP_BODY")
[ "$rows" -le 50 ] && ok "X-AUD at most 50 rows a page ($rows)" || not_ok "X-AUD at most 50 rows a page" "$rows"

for u in op-gd sup-gz gov-gz; do
	login "$INTRANET" "$u"
	req GET "$INTRANET/audit" --jar "$(jar_of "$u")"
	expect_status 403 "X-AUD $u (not an auditor) may not open the audit log"
	req GET "$INTRANET/audit.csv" --jar "$(jar_of "$u")"
	expect_status 403 "X-AUD $u may not export it"
done
req GET "$INTRANET/audit"
expect_status 303 "X-AUD the audit log needs a sign-in"
login "$INTERNET" ent-a
req GET "$INTERNET/audit" --jar "$(jar_of ent-a)"
expect_status 404 "R-02.1 the internet portal has no /audit"
req GET "$INTERNET/audit.csv"
expect_status 404 "R-02.1 ... nor /audit.csv"
req POST "$INTRANET/audit" --jar "$AUD" -H "Origin: $INTRANET" -d 'user=x'
expect_status 405 "X-AUD the audit log is read only (no POST)"

# --- filters (X-AUD) -----------------------------------------------------------------------------
req GET "$INTRANET/audit?user=op-gz&action=access.denied" --jar "$AUD"
expect_status 200 "X-AUD filter by user and action"
expect_body '<span class="uname">op-gz</span>' "X-AUD ... shows op-gz's refused access"
expect_no_body '<span class="uname">(op-gd|aud-gd|gov-gz)</span>' "X-AUD ... and no other user's rows"
expect_no_body '<code>login</code>' "X-AUD ... and no other action"
expect_body "<td>用户 $GOV_FS</td>" "X-AUD ... naming the object (its kind in Chinese)"
expect_body 'region scope' "X-AUD ... and the reason"
expect_body 'value="op-gz"' "X-UI the filter form keeps the input"

req GET "$INTRANET/audit?user=op-gd&action=login" --jar "$AUD"
expect_body '<code>login</code>' "X-AUD action is a prefix: login finds login"
expect_no_body '<code>logout</code>' "X-AUD ... but not logout (dotted prefix only)"
req GET "$INTRANET/audit?user=op-gd&action=logout" --jar "$AUD"
expect_body '<code>logout</code>' "X-AUD an exact action finds it"
req GET "$INTRANET/audit?action=user.create" --jar "$AUD"
expect_body '<code>user.create.demo</code>' "X-AUD a dotted prefix finds the actions below it"
req GET "$INTRANET/audit?action=user.creat" --jar "$AUD"
expect_body 'id="audit-none"' "X-AUD a prefix matches whole words only"
req GET "$INTRANET/audit?action=use_.create" --jar "$AUD"
expect_body 'id="audit-none"' "X-SEC _ in the action is not a LIKE wildcard"

office=$(sql "SELECT CONCAT('office:', org_id) FROM users WHERE username = 'op-gz'")
req GET "$INTRANET/audit?org=$office" --jar "$AUD"
expect_body '<span class="uname">op-gz</span>' "X-AUD filter by organisation ($office)"
expect_no_body '<span class="uname">op-gd</span>' "X-AUD ... shows only that organisation's users"
oname=$(sql "SELECT name FROM offices WHERE id = ${office#office:}")
expect_body "<option value=\"$office\" selected>人民银行：$oname</option>" \
	"X-UI issue 18: the organisation is chosen from a list, by its name, and stays chosen"
expect_body "<a href=\"/audit\?org=$office\" title=\"$office\">$oname</a>" \
	"X-UI issue 18: a row names its organisation (a link that filters by it)"
expect_body '<td>内网门户</td>' "X-UI issue 18: the portal in Chinese"
expect_body '<td title="440100">广州市</td>' "X-UI issue 18: the region by its name"
rname=$(sql "SELECT real_name FROM users WHERE username = 'op-gz'")
expect_body "<span class=\"rname\">$rname</span>" "X-UI issue 18: the person's real name beside the username"
expect_body '<div class="table-scroll">' "X-UI issue 18: the wide table scrolls inside its box"
fsag=$(sql "SELECT name FROM agencies WHERE region_code = '440600' ORDER BY id LIMIT 1")
gzag=$(sql "SELECT name FROM agencies WHERE region_code = '440100' ORDER BY id LIMIT 1")
expect_body "<option value=\"agency:[0-9]+\">政府部门：$fsag</option>" "X-UI the province's auditor may choose any city's agency"
req GET "$INTRANET/audit.csv?org=$office" --jar "$AUD"
expect_body "\"$rname\",\"$oname\",\"广州市\"" "X-AUD issue 18: the export adds the real name, organisation and region names"

req GET "$INTRANET/audit?from=$today&to=$today&user=op-gz" --jar "$AUD"
expect_body '<span class="uname">op-gz</span>' "X-AUD today's Beijing date finds today's rows"
req GET "$INTRANET/audit?from=2000-01-01&to=2000-01-02" --jar "$AUD"
expect_body 'id="audit-none"' "X-AUD a date range without rows shows none"
req GET "$INTRANET/audit?to=2000-01-01" --jar "$AUD"
expect_body 'id="audit-none"' "X-AUD 'to' bounds the dates"

req GET "$INTRANET/audit?from=2026-13-01&action=Bad!&org=xyz&to=2026-01-01" --jar "$AUD"
expect_status 200 "X-AUD bad filters re-render the page"
expect_body 'class="error-text" id="from-error">请输入有效日期' "X-AUD a bad date gets a message next to its field"
expect_body 'class="error-text" id="action-error">操作名称只能包含' "X-AUD a bad action gets a message"
expect_body 'class="error-text" id="org-error">请从列表中选择机构' "X-AUD a bad organisation gets a message"
expect_body 'value="2026-13-01"' "X-UI the form keeps the bad input"
expect_body 'value="Bad!"' "X-UI ... every field of it"
expect_no_body '<table class="list audit"' "X-AUD no rows for a bad filter"
req GET "$INTRANET/audit?from=2026-02-01&to=2026-01-01" --jar "$AUD"
expect_body 'id="to-error">结束日期不能早于开始日期' "X-AUD to before from gets a message"
req GET "$INTRANET/audit?user=%3Cb%3Ex" --jar "$AUD"
expect_no_body '<b>x' "X-SEC filter input is escaped on output"
req GET "$INTRANET/audit?page=0" --jar "$AUD"
expect_body 'id="page-error"' "X-AUD page=0 gets a message"

n=$(audit_count "1")
if [ "$n" -gt 50 ]; then
	req GET "$INTRANET/audit?page=2" --jar "$AUD"
	expect_body 'rel="prev" href="/audit\?user=&amp;action=&amp;org=&amp;from=&amp;to=&amp;page=1"' \
		"X-AUD page 2 links back to page 1 with the filters"
else
	ok "X-AUD (fewer than 51 rows: no second page to check)"
fi

# --- a city auditor sees its city only (R-02.2) ---------------------------------------------------
A=t41a$$
otp=$(new_operator "$A" 440100)
sql "UPDATE users SET role = 'auditor' WHERE username = '$A'"
login "$INTRANET" "$A" "$otp"
AJAR=$(jar_of "$A")
post_form "$AJAR" "$INTRANET/password" "$INTRANET/password" --data-urlencode "current_password=$otp" \
	--data-urlencode "new_password=Audit-City-2026x" --data-urlencode "new_password2=Audit-City-2026x"
expect_status 303 "R-02.2 (set up) a Guangzhou auditor sets its password"
req GET "$INTRANET/audit" --jar "$AJAR"
expect_status 200 "R-02.2 a city auditor opens the audit log"
expect_body '本地区用户的审计记录：广州市' "R-02.2 ... and is told its scope"
expect_body '<td title="440100">广州市</td>' "R-02.2 ... it sees its city's rows"
expect_body "<option value=\"agency:[0-9]+\">政府部门：$gzag</option>" "R-02.2 the city auditor chooses among its city's agencies"
expect_no_body "政府部门：$fsag</option>" "R-02.2 ... and never sees another city's in the list"
expect_no_body '<td title="(440000|440600)">' "R-02.2 ... and no other region's"
req GET "$INTRANET/audit.csv" --jar "$AJAR"
others=$(tail -n +2 "$RESP_BODY" | awk -F'","' '$6 != "440100"' | head -n 3)
expect_eq "$others" "" "R-02.2 every row of the city auditor's export is its city's (none without a region)"
[ "$(tail -n +2 "$RESP_BODY" | grep -c .)" -gt 0 ] && ok "R-02.2 ... and it has rows" ||
	not_ok "R-02.2 ... and it has rows"
req GET "$INTRANET/audit?user=op-gd" --jar "$AJAR"
expect_body 'id="audit-none"' "R-02.2 a city auditor cannot see the province's users' rows"
req GET "$INTRANET/audit?user=op-gz" --jar "$AJAR"
expect_body '<span class="uname">op-gz</span>' "R-02.2 ... but sees its city's"
req GET "$INTRANET/audit.csv?user=op-gd" --jar "$AJAR"
expect_eq "$(tail -n +2 "$RESP_BODY" | grep -c .)" 0 "R-02.2 the city auditor's export is scoped too"

# --- CSV export (X-AUD, X-SEC) ----------------------------------------------------------------------
# An operator whose username starts with '=' signs in: its rows carry a
# value a spreadsheet would run as a formula.
E="=t41e$$"
eotp=$(new_operator "$E" 440100)
# (not login(): curl takes a -b argument with '=' for cookie text, not a jar)
post_form "$T_TMP/jar-eq" "$INTRANET/login" "$INTRANET/login" \
	--data-urlencode "username=$E" --data-urlencode "password=$eotp"
expect_status 303 "X-SEC (set up) a user named $E signs in"
n0=$(audit_count "action = 'audit.export'")
req GET "$INTRANET/audit.csv?user=$(printf '%s' "$E" | sed 's/=/%3D/')" --jar "$AUD"
expect_status 200 "X-AUD the auditor exports CSV"
expect_header Content-Type '^text/csv; charset=utf-8$' "X-AUD the export is text/csv in UTF-8"
expect_header Content-Disposition '^attachment; filename="audit.csv"$' "X-AUD the export downloads as audit.csv"
expect_header Cache-Control 'no-store' "X-SEC the export is not cached"
expect_eq "$(head -c 3 "$RESP_BODY" | od -An -tx1 | tr -d ' \n')" efbbbf "X-AUD the export starts with the UTF-8 BOM (Excel)"
head1=$(head -n 1 "$RESP_BODY" | tail -c +4 | tr -d '\r')
expect_eq "$head1" '"编号","时间（北京时间）","用户名","角色","机构","地区","门户","客户端地址","操作","对象","结果","详情","请求编号","姓名","机构名称","地区名称"' \
	"X-AUD the header row is Chinese"
expect_eq "$(head -n 1 "$RESP_BODY" | tail -c 2 | od -An -tx1 | tr -d ' \n')" 0d0a "X-AUD rows end in CRLF (RFC 4180)"
expect_body ",\"'$E\"," "X-SEC a value starting with = is neutralised with a leading quote"
expect_no_body ",\"$E\"," "X-SEC ... and never appears bare"
expect_body ',"login",' "X-AUD the export has the user's sign-in"
expect_body '"成功"' "X-AUD outcomes are in Chinese"
expect_eq "$(audit_count "action = 'audit.export'")" "$((n0 + 1))" "X-AUD the export itself is audited"

req GET "$INTRANET/audit.csv?action=login" --jar "$AUD"
lines=$(tail -n +2 "$RESP_BODY" | grep -c .)
expect_eq "$lines" "$(sql "SELECT COUNT(*) FROM audit_log WHERE action = 'login' OR action LIKE 'login.%'")" \
	"X-AUD the export has every matching row, not one page"
expect_no_body ',"logout",' "X-AUD the export applies the filters"
bad=$(tail -n +2 "$RESP_BODY" | grep -v '^"[0-9]*","[0-9]\{4\}-[0-9][0-9]-[0-9][0-9] [0-9:]\{8\}",' | head -n 3)
expect_eq "$bad" "" "X-AUD every row starts with a quoted id and a Beijing time"

req GET "$INTRANET/audit.csv?from=bad" --jar "$AUD"
expect_status 200 "X-AUD a bad export filter shows the page"
expect_header Content-Type '^text/html' "X-AUD ... as HTML, not CSV"
expect_body 'id="from-error"' "X-AUD ... with the message"

done_testing
