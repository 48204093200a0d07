#!/usr/bin/env bash
# t_60_agencies.sh -- government agencies on the intranet: the operators'
# list scoped by region, creation and editing with field messages and
# audit rows, one agency's page for its region's staff and its own gov
# users; and the holiday calendar the province's operators keep (R-02.2,
# R-05.1, R-09.5, X-AUD, X-SEC, X-UI).
#
# Creates agencies named 六十测试局* and calendar rows of 2031 (a year no
# other test uses), and removes them at the start and the end, so the file
# runs again on the same stack.  The demo agencies are only read.
. "$(dirname "$0")/lib.sh"

uid_of() { sql "SELECT id FROM users WHERE username = '$1'"; }
audit_count() { sql "SELECT COUNT(*) FROM audit_log WHERE $1"; }
# the percent-encoded UTF-8 of a text, for a query string
pct() { printf '%s' "$1" | od -An -tx1 | tr -d ' \n' | sed 's/../%&/g'; }
cleanup() {
	sql "DELETE FROM agencies WHERE name LIKE '六十测试%'"
	sql "DELETE FROM calendar_days WHERE day >= '2031-01-01' AND day < '2032-01-01'"
}
cleanup

AG_GZ=$(sql "SELECT id FROM agencies WHERE name = '广州市市场监督管理局'")
AG_FS=$(sql "SELECT id FROM agencies WHERE name = '佛山市市场监督管理局'")
OP_GZ=$(uid_of op-gz)
OP_GD=$(uid_of op-gd)
GOV_GZ=$(uid_of gov-gz)

login "$INTRANET" op-gz
expect_status 303 "R-02.2 op-gz signs in"
OPGZ=$(jar_of op-gz)
login "$INTRANET" op-gd
OPGD=$(jar_of op-gd)
login "$INTRANET" sup-gz
SUPGZ=$(jar_of sup-gz)
login "$INTRANET" sup-gd
SUPGD=$(jar_of sup-gd)
login "$INTRANET" gov-gz
expect_status 303 "R-05.1 gov-gz signs in"
GOVGZ=$(jar_of gov-gz)

# --- the list, scoped by region (R-02.2) -------------------------------------------
req GET "$INTRANET/agencies" --jar "$OPGZ"
expect_status 200 "R-02.2 an operator opens the agency list"
expect_body '<title>政府机构' "X-UI the list has a Chinese title"
expect_body 'aria-current="page">政府机构' "X-UI the menu marks the agency list"
expect_body '>广州市市场监督管理局</a>' "R-02.2 a Guangzhou operator sees Guangzhou's agency"
expect_no_body '佛山市市场监督管理局' "R-02.2 ... but not Foshan's"
expect_body '您可以查看本地区的政府机构：广州市' "R-02.2 ... and is told its scope"
expect_body 'href="/agencies/new"' "R-05.1 an operator is offered a new agency"
expect_no_body '<script' "X-UI the list works without JavaScript"
req GET "$INTRANET/agencies" --jar "$OPGD"
expect_body '>广州市市场监督管理局</a>' "R-02.2 the province's operator sees Guangzhou's agency"
expect_body '>佛山市市场监督管理局</a>' "R-02.2 ... and Foshan's"
expect_body '您可以查看全省所有政府机构' "R-02.2 ... and is told it sees the province"
req GET "$INTRANET/agencies?q=$(pct 佛山)" --jar "$OPGD"
expect_body '>佛山市市场监督管理局</a>' "R-02.2 q finds part of a name"
expect_no_body '广州市市场监督管理局' "R-02.2 ... and only matching agencies"
expect_body 'value="佛山"' "X-UI the search box keeps the query"
req GET "$INTRANET/agencies?q=$(pct 佛山)" --jar "$OPGZ"
expect_body 'id="agencies-none"' "R-02.2 a Guangzhou operator searching Foshan's agency finds nothing"
req GET "$INTRANET/agencies?q=%25" --jar "$OPGZ"
expect_body 'id="agencies-none"' "X-SEC a LIKE wildcard in q is taken literally"
req GET "$INTRANET/agencies?page=0" --jar "$OPGZ"
expect_body 'class="error-text"[^>]*>数值超出允许范围' "X-SEC page=0 gets a Chinese message"
req GET "$INTRANET/agencies" --jar "$SUPGZ"
expect_status 200 "R-02.3 a supervisor opens the agency list"
expect_no_body 'href="/agencies/new"' "R-02.3 ... without the link to create one"
req GET "$INTRANET/agencies" --jar "$GOVGZ"
expect_status 403 "R-02.2 a gov user may not open the agency list"
req GET "$INTRANET/users" --jar "$OPGZ"
expect_body 'href="/agencies"' "X-UI operators have a menu link to the agencies"
expect_body 'href="/calendar"' "X-UI ... and to the holiday calendar"

# --- create: field messages, values kept, a duplicate name (R-05.1) -----------------------
req GET "$INTRANET/agencies/new" --jar "$OPGZ"
expect_status 200 "R-05.1 an operator opens the new agency form"
expect_body '<option value="440100" selected>广州市（440100）</option>' "R-02.2 a city operator's only region is preselected"
expect_no_body 'value="440600"' "R-02.2 ... and no other city is offered"
expect_no_body 'class="error-text"' "X-UI the empty form shows no message yet"
req GET "$INTRANET/agencies/new" --jar "$OPGD"
expect_body '<option value="440600">佛山市（440600）</option>' "R-02.2 the province's operator is offered every city"
expect_body '<option value="440000">广东省（440000）</option>' "R-02.2 ... and the province"
n_ag=$(sql "SELECT COUNT(*) FROM agencies")
post_form "$OPGZ" "$INTRANET/agencies/new" "$INTRANET/agencies/new" \
	--data-urlencode "name=" --data-urlencode "region=440100" \
	--data-urlencode "address=广州市越秀区六十路 1 号" --data-urlencode "net_name=张六十"
expect_status 200 "R-05.1 an empty name re-renders the form"
expect_body 'id="name-error">请填写此项' "X-UI ... with the message next to the name"
expect_body 'value="广州市越秀区六十路 1 号"' "X-UI ... keeping the address as typed"
expect_body 'value="张六十"' "X-UI ... and the network contact"
expect_eq "$(sql "SELECT COUNT(*) FROM agencies")" "$n_ag" "R-05.1 ... and creates nothing"
post_form "$OPGZ" "$INTRANET/agencies/new" "$INTRANET/agencies/new" \
	--data-urlencode "name=六十测试局" --data-urlencode "region=440600"
expect_status 200 "R-02.2 a Guangzhou operator posting Foshan as the region is refused"
expect_body 'id="region-error">请选择有效的地区' "R-02.2 ... with a message next to the region"
long=$(printf '局%.0s' $(seq 1 101))
post_form "$OPGZ" "$INTRANET/agencies/new" "$INTRANET/agencies/new" \
	--data-urlencode "name=$long" --data-urlencode "region=440100"
expect_body 'id="name-error">内容太长' "X-SEC a name over 100 characters gets a message"

na=$(audit_count "action = 'agency.create' AND actor_id = $OP_GZ")
post_form "$OPGZ" "$INTRANET/agencies/new" "$INTRANET/agencies/new" \
	--data-urlencode "name=六十测试局" --data-urlencode "region=440100" \
	--data-urlencode "dept_code=11440100T60" --data-urlencode "address=广州市越秀区六十路 1 号" \
	--data-urlencode "net_name=张六十" --data-urlencode "net_title=信息科 科长" \
	--data-urlencode "net_contact=020-60606060"
expect_status 303 "R-05.1 an operator creates an agency of its city"
AG_NEW=$(sql "SELECT id FROM agencies WHERE name = '六十测试局' AND region_code = '440100'")
expect_header Location "^/agencies/$AG_NEW\\?done=created\$" "R-05.1 ... and is sent to its page"
expect_eq "$(audit_count "action = 'agency.create' AND actor_id = $OP_GZ AND object_type = 'agency' AND object_id = '$AG_NEW'")" 1 \
	"X-AUD the creation is audited with the new agency's id"
expect_eq "$(audit_count "action = 'agency.create' AND actor_id = $OP_GZ")" "$((na + 1))" "X-AUD ... once"
req GET "$INTRANET/agencies/$AG_NEW?done=created" --jar "$OPGZ"
expect_status 200 "R-05.1 the new agency's page opens"
expect_body 'id="done">已新增政府机构' "X-UI the creation is confirmed in Chinese"
expect_body 'id="agency-name">六十测试局<' "R-05.1 the page shows its name"
expect_body 'id="agency-region">广州市（440100）<' "R-02.2 ... its region"
expect_body 'id="agency-address">广州市越秀区六十路 1 号<' "R-05.1 ... its address"
expect_body 'id="agency-net-name">张六十<' "R-04.2 ... its network contact"
expect_body 'id="agency-net-contact">020\*\*\*\*\*6060<' "R-04.2 ... and how to reach them, masked (R-09.4)"
expect_body 'id="no-members"' "R-05.1 a new agency has no users yet"
expect_body "href=\"/agencies/$AG_NEW/edit\"" "R-05.1 the operator may edit it"
req GET "$INTRANET/agencies" --jar "$OPGZ"
expect_body "href=\"/agencies/$AG_NEW\"" "R-05.1 the new agency is in the list"

post_form "$OPGZ" "$INTRANET/agencies/new" "$INTRANET/agencies/new" \
	--data-urlencode "name=六十测试局" --data-urlencode "region=440100" \
	--data-urlencode "address=别处"
expect_status 200 "R-05.1 a second agency of the same name in the same city is refused"
expect_body 'id="name-error">该地区已有同名的政府机构' "X-UI ... with a message next to the name"
expect_body 'value="别处"' "X-UI ... keeping what was typed"
expect_eq "$(sql "SELECT COUNT(*) FROM agencies WHERE name = '六十测试局'")" 1 "R-05.1 ... and nothing is created"
post_form "$OPGD" "$INTRANET/agencies/new" "$INTRANET/agencies/new" \
	--data-urlencode "name=六十测试局" --data-urlencode "region=440600"
expect_status 303 "R-02.2 the same name is allowed in another city (by the province's operator)"
AG_NEW_FS=$(sql "SELECT id FROM agencies WHERE name = '六十测试局' AND region_code = '440600'")
req GET "$INTRANET/agencies/new" --jar "$SUPGZ"
expect_status 403 "R-02.3 a supervisor may not create an agency"

# --- edit (R-05.1, X-AUD) ---------------------------------------------------------------
req GET "$INTRANET/agencies/$AG_NEW/edit" --jar "$OPGZ"
expect_status 200 "R-05.1 the edit form opens"
expect_body 'id="name" name="name" type="text" value="六十测试局"' "R-05.1 ... filled with the stored values"
expect_body 'value="020-60606060"' "R-05.1 ... including the network contact"
expect_no_body 'name="region"' "R-02.2 the region is shown, not offered"
nu=$(audit_count "action = 'agency.update' AND object_id = '$AG_NEW'")
post_form "$OPGZ" "$INTRANET/agencies/$AG_NEW/edit" "$INTRANET/agencies/$AG_NEW/edit" \
	--data-urlencode "name=六十测试局（改）" --data-urlencode "region=440600" \
	--data-urlencode "dept_code=11440100T60" --data-urlencode "address=广州市天河区六十路 2 号" \
	--data-urlencode "net_name=张六十" --data-urlencode "net_title=信息科 科长" \
	--data-urlencode "net_contact=020-60606060"
expect_status 303 "R-05.1 an operator edits its city's agency"
expect_header Location "^/agencies/$AG_NEW\\?done=updated\$" "R-05.1 ... and returns to its page"
expect_eq "$(sql "SELECT CONCAT(name, '|', region_code, '|', address) FROM agencies WHERE id = $AG_NEW")" \
	"六十测试局（改）|440100|广州市天河区六十路 2 号" "R-02.2 the fields changed, the region (posted as Foshan) did not"
expect_eq "$(audit_count "action = 'agency.update' AND object_type = 'agency' AND object_id = '$AG_NEW' AND actor_id = $OP_GZ AND outcome = 'ok' AND detail = 'name,address'")" \
	"$((nu + 1))" "X-AUD the edit is audited with the changed fields"
req GET "$INTRANET/agencies/$AG_NEW?done=updated" --jar "$OPGZ"
expect_body 'id="done">已保存机构信息' "X-UI the edit is confirmed"
expect_body 'id="agency-name">六十测试局（改）<' "R-05.1 the page shows the new name"
# users.org_name is a copy kept by triggers (schema/010): a renamed
# organisation shows on its users' pages at once, by any writer
GOV_AG=$(sql "SELECT org_id FROM users WHERE username = 'gov-gz'")
GOV_AG_NAME=$(sql "SELECT name FROM agencies WHERE id = $GOV_AG")
sql "UPDATE agencies SET name = CONCAT(name, '（六十）') WHERE id = $GOV_AG"
req GET "$INTRANET/account" --jar "$GOVGZ"
expect_body "<dd>${GOV_AG_NAME}（六十）</dd>" "R-07.1 a renamed agency's name shows on its user's account page at once"
sql "UPDATE agencies SET name = '$GOV_AG_NAME' WHERE id = $GOV_AG"
expect_eq "$(sql "SELECT COUNT(*) FROM users u JOIN agencies a ON a.id = u.org_id WHERE u.org_kind = 'agency' AND u.org_name <> a.name")" \
	0 "R-07.1 every agency user's organisation name is its agency's"
expect_eq "$(sql "SELECT COUNT(*) FROM users u JOIN enterprises e ON e.id = u.org_id WHERE u.org_kind = 'enterprise' AND u.org_name <> e.name")" \
	0 "R-07.1 ... and every enterprise user's its enterprise's"
post_form "$OPGZ" "$INTRANET/agencies/$AG_NEW/edit" "$INTRANET/agencies/$AG_NEW/edit" \
	--data-urlencode "name=广州市市场监督管理局" --data-urlencode "address=x"
expect_status 200 "R-05.1 renaming to another agency's name in the city is refused"
expect_body 'id="name-error">该地区已有同名的政府机构' "X-UI ... with a message next to the name"
expect_body 'value="广州市市场监督管理局"' "X-UI ... keeping what was typed"
post_form "$OPGZ" "$INTRANET/agencies/$AG_NEW/edit" "$INTRANET/agencies/$AG_NEW/edit" \
	--data-urlencode "name=六十测试局（改）" --data-urlencode "net_contact=$(printf 'a\001b')"
expect_body 'id="net_contact-error">含有不允许的字符' "X-SEC a control character gets a message"
expect_eq "$(audit_count "action = 'agency.update' AND object_id = '$AG_NEW'")" "$((nu + 1))" \
	"X-AUD refused edits write no update row"
req POST "$INTRANET/agencies/$AG_NEW/edit" --jar "$OPGZ" -H "Origin: $INTRANET" \
	--data-urlencode "csrf_token=wrong" --data-urlencode "name=六十测试局（坏）"
expect_status 403 "X-SEC an edit without the session's CSRF token is refused"
req GET "$INTRANET/agencies/$AG_NEW/edit" --jar "$SUPGZ"
expect_status 403 "R-02.3 a supervisor may not edit an agency"
req GET "$INTRANET/agencies/$AG_NEW" --jar "$SUPGZ"
expect_status 200 "R-02.3 a supervisor opens an agency of its city"
expect_no_body '/edit"' "R-02.3 ... without the edit link"

# --- scope of one agency (R-02.2, X-AUD) --------------------------------------------------
n0=$(audit_count "action = 'access.denied' AND object_type = 'agency' AND object_id = '$AG_FS' AND actor_id = $OP_GZ")
req GET "$INTRANET/agencies/$AG_FS" --jar "$OPGZ"
expect_status 404 "R-02.2 a Guangzhou operator may not open Foshan's agency by its id (out of scope: 404, issue 13)"
expect_body '页面不存在' "X-UI the refusal is in Chinese"
expect_no_body '佛山市市场监督管理局' "R-02.2 ... and names nothing"
expect_eq "$(audit_count "action = 'access.denied' AND object_type = 'agency' AND object_id = '$AG_FS' AND actor_id = $OP_GZ AND outcome = 'denied' AND detail = 'region scope'")" \
	"$((n0 + 1))" "X-AUD the refusal is an access.denied audit row"
req GET "$INTRANET/agencies/$AG_FS/edit" --jar "$OPGZ"
expect_status 404 "R-02.2 ... nor its edit form"
post_form "$OPGZ" "$INTRANET/agencies/$AG_NEW/edit" "$INTRANET/agencies/$AG_NEW_FS/edit" \
	--data-urlencode "name=六十测试局（越权）"
expect_status 404 "R-02.2 ... nor post an edit of a Foshan agency"
expect_eq "$(sql "SELECT name FROM agencies WHERE id = $AG_NEW_FS")" 六十测试局 "R-02.2 ... which changes nothing"
expect_eq "$(audit_count "action = 'access.denied' AND object_type = 'agency' AND object_id = '$AG_FS' AND actor_id = $OP_GZ")" \
	"$((n0 + 2))" "X-AUD every refusal is audited"
req GET "$INTRANET/agencies/$AG_FS" --jar "$OPGD"
expect_status 200 "R-02.2 the province's operator opens Foshan's agency"
expect_body '>gov-fs</a>' "R-05.1 ... with its gov user"
req GET "$INTRANET/agencies/999999999" --jar "$OPGZ"
expect_status 404 "R-05.1 an agency that does not exist is 404"
req GET "$INTRANET/agencies/abc" --jar "$OPGZ"
expect_status 404 "R-05.1 a non-numeric id is 404"

# --- a gov user's own agency (R-05.1, R-02.2) ---------------------------------------------
req GET "$INTRANET/account" --jar "$GOVGZ"
expect_body "<a href=\"/agencies/$AG_GZ\" class=\"section\">用户与机构</a>" "X-UI a gov user's menu links to its own agency (the first page of its section)"
expect_no_body 'href="/agencies"' "X-UI issue 18: ... and offers no page the gov user may not open (the agency list)"
req GET "$INTRANET/agencies/$AG_GZ" --jar "$GOVGZ"
expect_status 200 "R-05.1 a gov user opens its own agency"
expect_body "href=\"/agencies/$AG_GZ\" aria-current=\"page\">本机构" "X-UI ... marked in the menu"
expect_body 'id="agency-name">广州市市场监督管理局<' "R-05.1 ... which shows its facts"
expect_body '<span class="user-name">gov-gz</span>' "R-05.1 ... and lists its users, gov-gz among them"
expect_body '<td>赵磊</td>' "R-07.1 ... with their real names"
expect_body '<td>[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}</td>' "X-UI ... and the last sign-in in Beijing time"
expect_no_body 'href="/users/' "R-02.2 ... without links to the operators' user pages"
expect_no_body '/edit"' "R-04.1 ... and without an edit link"
n0=$(audit_count "action = 'access.denied' AND object_type = 'agency' AND actor_id = $GOV_GZ AND detail = 'not own agency'")
req GET "$INTRANET/agencies/$AG_FS" --jar "$GOVGZ"
expect_status 404 "R-02.2 a gov user may not open another city's agency"
req GET "$INTRANET/agencies/$AG_NEW" --jar "$GOVGZ"
expect_status 404 "R-02.2 ... nor another agency of its own city"
expect_eq "$(audit_count "action = 'access.denied' AND object_type = 'agency' AND actor_id = $GOV_GZ AND detail = 'not own agency'")" \
	"$((n0 + 2))" "X-AUD both refusals are audited"
req GET "$INTRANET/agencies/$AG_GZ/edit" --jar "$GOVGZ"
expect_status 403 "R-04.1 a gov user may not edit its agency"
req GET "$INTRANET/agencies/$AG_GZ" --jar "$OPGZ"
expect_body '>gov-gz</a>' "R-05.1 operators see the agency's users with links"
req GET "$INTERNET/agencies/$AG_GZ"
expect_status 404 "R-02.1 the internet portal has no agency pages"

# --- the holiday calendar (R-09.5) ----------------------------------------------------------
req GET "$INTRANET/calendar" --jar "$OPGD"
expect_status 200 "R-09.5 an operator opens the holiday calendar"
year=$(TZ=Asia/Shanghai date +%Y)
expect_body "<title>节假日安排 $year" "R-09.5 ... of the current Beijing year by default"
expect_body 'aria-current="page">节假日' "X-UI the menu marks the calendar"
req GET "$INTRANET/calendar?year=2026" --jar "$OPGD"
expect_body '<td>2026-02-16</td>[[:space:]]*<td>星期一</td>[[:space:]]*<td>放假</td>[[:space:]]*<td>春节</td>' \
	"R-09.5 2026 lists 春节 with the weekday and kind in Chinese"
expect_body '<td>2026-02-14</td>[[:space:]]*<td>星期六</td>[[:space:]]*<td>调休上班</td>' "R-09.5 ... and the working Saturday"
expect_body 'href="/calendar\?year=2025"' "R-09.5 ... with a link to the year before"
expect_body 'href="/calendar\?year=2027"' "R-09.5 ... and after"
req GET "$INTRANET/calendar?year=2031" --jar "$OPGD"
expect_status 200 "R-09.5 a year without rows opens"
expect_body 'id="cal-empty">该年度的放假安排尚未录入，期限按周一至周五计算' "R-09.5 ... and says deadlines count Monday to Friday"
expect_body 'id="cal-set"' "R-09.5 the province's operator gets the form"
req GET "$INTRANET/calendar?year=abc" --jar "$OPGD"
expect_body 'class="error-text"[^>]*>请输入整数' "X-SEC a bad year gets a Chinese message"

SET_05="action = 'calendar.set' AND object_type = 'calendar_day' AND object_id = '2031-03-05' AND actor_id = $OP_GD"
nc=$(audit_count "$SET_05 AND detail = 'holiday 六十测试假日; was none'")
nd=$(audit_count "$SET_05 AND detail = 'none; was holiday 六十测试假日'")
post_form "$OPGD" "$INTRANET/calendar?year=2031" "$INTRANET/calendar" \
	--data-urlencode "day=2031-03-05" --data-urlencode "kind=holiday" --data-urlencode "name=六十测试假日"
expect_status 303 "R-09.5 the province's operator marks a Wednesday as a holiday"
expect_header Location '^/calendar\?year=2031&done=1$' "R-09.5 ... and returns to that year"
expect_eq "$(sql "SELECT CONCAT(kind, '|', name) FROM calendar_days WHERE day = '2031-03-05'")" "holiday|六十测试假日" \
	"R-09.5 the row is stored"
expect_eq "$(audit_count "$SET_05 AND detail = 'holiday 六十测试假日; was none'")" \
	"$((nc + 1))" "X-AUD the change is audited with the day, the kind and the name"
req GET "$INTRANET/calendar?year=2031&done=1" --jar "$OPGD"
expect_body 'id="done">已保存节假日安排' "X-UI the change is confirmed"
expect_body '<td>2031-03-05</td>[[:space:]]*<td>星期三</td>[[:space:]]*<td>放假</td>[[:space:]]*<td>六十测试假日</td>' \
	"R-09.5 the page shows the day"
expect_no_body 'id="cal-empty"' "R-09.5 ... and no longer says the year is missing"

post_form "$OPGD" "$INTRANET/calendar?year=2031" "$INTRANET/calendar" \
	--data-urlencode "day=2031-03-08" --data-urlencode "kind=holiday" --data-urlencode "name=六十测试周末"
expect_status 200 "R-09.5 marking a Saturday as a holiday is refused"
expect_body 'id="kind-error">这一天是周六或周日，本来就不上班，不能标为放假' "X-UI ... with a message next to the kind"
expect_body 'value="六十测试周末"' "X-UI ... keeping the name as typed"
expect_body '<option value="holiday" selected>' "X-UI ... and the kind"
expect_eq "$(sql "SELECT COUNT(*) FROM calendar_days WHERE day = '2031-03-08'")" 0 "R-09.5 ... and stores nothing"
post_form "$OPGD" "$INTRANET/calendar?year=2031" "$INTRANET/calendar" \
	--data-urlencode "day=2031-03-05" --data-urlencode "kind=workday" --data-urlencode "name=六十测试上班"
expect_body 'id="kind-error">这一天是周一至周五，本来就上班，不能标为调休上班' "R-09.5 a weekday cannot be a working weekend day"
post_form "$OPGD" "$INTRANET/calendar?year=2031" "$INTRANET/calendar" \
	--data-urlencode "day=2031-03-09" --data-urlencode "kind=workday" --data-urlencode "name="
expect_body 'id="name-error">请填写此项' "R-09.5 the name is required for a holiday or working day"
post_form "$OPGD" "$INTRANET/calendar?year=2031" "$INTRANET/calendar" \
	--data-urlencode "day=2031-02-30" --data-urlencode "kind=holiday" --data-urlencode "name=x"
expect_body 'id="day-error">请输入有效日期' "R-09.5 an impossible date gets a message"
post_form "$OPGD" "$INTRANET/calendar?year=2031" "$INTRANET/calendar" \
	--data-urlencode "day=2031-03-09" --data-urlencode "kind=workday" --data-urlencode "name=六十测试调休"
expect_status 303 "R-09.5 a Sunday can be a working day"
expect_eq "$(sql "SELECT kind FROM calendar_days WHERE day = '2031-03-09'")" workday "R-09.5 ... stored as such"
post_form "$OPGD" "$INTRANET/calendar?year=2031" "$INTRANET/calendar" \
	--data-urlencode "day=2031-03-10" --data-urlencode "kind=none"
expect_status 200 "R-09.5 clearing a day without a row is refused"
expect_body 'id="day-error">这一天没有放假或调休安排' "X-UI ... with a message"
post_form "$OPGD" "$INTRANET/calendar?year=2031" "$INTRANET/calendar" \
	--data-urlencode "day=2031-03-05" --data-urlencode "kind=none"
expect_status 303 "R-09.5 the operator clears the holiday"
expect_eq "$(sql "SELECT COUNT(*) FROM calendar_days WHERE day = '2031-03-05'")" 0 "R-09.5 ... whose row is gone"
expect_eq "$(audit_count "$SET_05 AND detail = 'none; was holiday 六十测试假日'")" "$((nd + 1))" \
	"X-AUD the clearing is audited with what was there"

n0=$(audit_count "action = 'access.denied' AND object_type = 'calendar_day' AND actor_id = $OP_GZ")
req GET "$INTRANET/calendar?year=2031" --jar "$OPGZ"
expect_status 200 "R-09.5 a city operator reads the calendar"
expect_body 'id="cal-read-only"' "R-09.5 ... told the province keeps it"
expect_no_body 'id="cal-set"' "R-09.5 ... without the form"
post_form "$OPGZ" "$INTRANET/calendar?year=2031" "$INTRANET/calendar" \
	--data-urlencode "day=2031-03-06" --data-urlencode "kind=holiday" --data-urlencode "name=六十测试越权"
expect_status 403 "R-09.5 a city operator's change is refused"
expect_eq "$(sql "SELECT COUNT(*) FROM calendar_days WHERE day = '2031-03-06'")" 0 "R-09.5 ... and stores nothing"
expect_eq "$(audit_count "action = 'access.denied' AND object_type = 'calendar_day' AND actor_id = $OP_GZ AND outcome = 'denied'")" \
	"$((n0 + 1))" "X-AUD ... and is audited"
req GET "$INTRANET/calendar" --jar "$SUPGD"
expect_status 200 "R-09.5 a supervisor reads the calendar"
expect_no_body 'id="cal-set"' "R-09.5 ... without the form"
post_form "$SUPGD" "$INTRANET/calendar" "$INTRANET/calendar" \
	--data-urlencode "day=2031-03-06" --data-urlencode "kind=holiday" --data-urlencode "name=六十测试越权"
expect_status 403 "R-09.5 a supervisor's change is refused"
req GET "$INTRANET/calendar" --jar "$GOVGZ"
expect_status 403 "R-09.5 a gov user may not open the calendar page"

cleanup
expect_eq "$(sql "SELECT COUNT(*) FROM agencies WHERE name LIKE '六十测试%'")" 0 "(clean up) the test agencies are gone"
done_testing
