#!/usr/bin/env bash
# t_72_credit_categories.sh -- credit information categories kept as data:
# the list for the offices and agencies, the province's operators adding
# and changing a category and its columns with field messages, the new
# category offered for import with its CSV template, a city operator
# refused (audited), and a category with batches keeping its columns
# (R-09.2, X-AUD, X-UI).
#
# Creates categories coded t72_<random>_*, so the file runs again on the
# same stack; the seeded categories are only read.
. "$(dirname "$0")/lib.sh"

uid_of() { sql "SELECT id FROM users WHERE username = '$1'"; }
audit_count() { sql "SELECT COUNT(*) FROM audit_log WHERE $1"; }
R=$RANDOM$RANDOM
CODE="t72_${R}_fire"
NAME="七二消防检查$R"

OP_GZ=$(uid_of op-gz)
OP_GD=$(uid_of op-gd)
GOVGZ_ID=$(uid_of gov-gz)
AG_GZ=$(sql "SELECT id FROM agencies WHERE name = '广州市市场监督管理局'")

login "$INTRANET" op-gd
expect_status 303 "R-09.2 op-gd signs in"
OPGD=$(jar_of op-gd)
login "$INTRANET" op-gz
OPGZ=$(jar_of op-gz)
login "$INTRANET" sup-gz
SUPGZ=$(jar_of sup-gz)
login "$INTRANET" gov-gz
GOVGZ=$(jar_of gov-gz)

# --- the list ----------------------------------------------------------------------
req GET "$INTRANET/credit/categories" --jar "$OPGD"
expect_status 200 "R-09.2 the province's operator opens the categories"
expect_body '<title>信用信息类别' "X-UI the list has a Chinese title"
expect_body 'aria-current="page">信用信息类别' "X-UI the menu marks the categories"
expect_body '<td>行政处罚</td>' "R-09.2 the list shows the seeded categories"
expect_body 'href="/credit/categories/2/template.csv"' "R-09.2 ... with their CSV templates"
expect_body 'href="/credit/categories/new"' "R-09.2 the province's operator is offered a new category"
expect_body 'href="/credit/categories/2/edit"' "R-09.2 ... and to change one"
expect_no_body '<script' "X-UI the list works without JavaScript"
req GET "$INTRANET/credit/categories" --jar "$SUPGZ"
expect_status 200 "R-09.2 a supervisor reads the categories"
expect_no_body 'href="/credit/categories/new"' "R-09.2 ... without the link to add one"
req GET "$INTRANET/credit/categories" --jar "$GOVGZ"
expect_status 200 "R-09.2 a gov user reads the categories"
expect_no_body 'href="/credit/categories/2/edit"' "R-09.2 ... and may not change them"
req GET "$INTRANET/credit/categories/new" --jar "$GOVGZ"
expect_status 403 "R-09.2 a gov user may not open the new category form"
req GET "$INTRANET/credit/categories/2/template.csv" --jar "$GOVGZ"
expect_status 200 "R-09.2 the template route still answers beside the new routes"

# --- a bad form: messages next to the fields, values kept --------------------------
req GET "$INTRANET/credit/categories/new" --jar "$OPGD"
expect_status 200 "R-09.2 the province's operator opens the new category form"
expect_body 'name="col_code_3"' "X-UI the empty form offers three column rows"
expect_no_body 'name="col_code_4"' "X-UI ... and no more"
expect_no_body 'class="error-text"' "X-UI the empty form shows no message yet"
n_cat=$(sql "SELECT COUNT(*) FROM credit_categories")
post_form "$OPGD" "$INTRANET/credit/categories/new" "$INTRANET/credit/categories/new" \
	--data-urlencode "code=Bad-Code" --data-urlencode "name=$NAME" \
	--data-urlencode "date_label=检查日期" --data-urlencode "active=1" \
	--data-urlencode "col_code_1=doc_no" --data-urlencode "col_label_1=检查文书号" \
	--data-urlencode "col_kind_1=text" --data-urlencode "col_max_1=100" \
	--data-urlencode "col_code_2=doc_no" --data-urlencode "col_label_2=检查结果" \
	--data-urlencode "col_kind_2=choice" --data-urlencode "col_choices_2=合格" \
	--data-urlencode "col_kind_3=text"
expect_status 200 "R-09.2 a bad category re-renders the form"
expect_body 'id="code-error">请填写 2–40 位小写英文字母' "X-UI a bad code gets its message next to it"
expect_body 'id="col_code_2-error">列代码重复' "X-UI a duplicate column code gets its message in its row"
expect_body 'id="col_choices_2-error">可选值类型须填写至少两个值' "X-UI a choice with one value gets its message"
expect_body 'value="Bad-Code"' "X-UI ... the code is kept as typed"
expect_body "value=\"$NAME\"" "X-UI ... and the name"
expect_body 'value="检查文书号"' "X-UI ... and the columns"
expect_body '<option value="choice" selected>' "X-UI ... with their kinds"
expect_eq "$(sql "SELECT COUNT(*) FROM credit_categories")" "$n_cat" "R-09.2 ... and nothing is stored"
post_form "$OPGD" "$INTRANET/credit/categories/new" "$INTRANET/credit/categories/new" \
	--data-urlencode "code=${CODE}" --data-urlencode "name=$NAME" \
	--data-urlencode "date_label=检查日期" \
	--data-urlencode "col_code_1=uscc" --data-urlencode "col_label_1=统一社会信用代码" \
	--data-urlencode "col_kind_1=text"
expect_body 'id="col_label_1-error">不能与固定列' "R-09.2 a column may not take a fixed column's label"

# --- a city operator: audited 403 ---------------------------------------------------
n0=$(audit_count "action = 'access.denied' AND object_type = 'credit_category' AND actor_id = $OP_GZ")
req GET "$INTRANET/credit/categories/new" --jar "$OPGZ"
expect_status 403 "R-09.2 a city operator may not open the new category form"
req GET "$INTRANET/credit/categories" --jar "$OPGZ"
expect_no_body 'href="/credit/categories/new"' "R-09.2 a city operator is not offered a new category"
# the token of a page the city operator may open (the form itself is refused)
req GET "$INTRANET/calendar" --jar "$OPGZ"
tok=$(csrf_from_body)
req POST "$INTRANET/credit/categories/new" --jar "$OPGZ" -H "Origin: $INTRANET" \
	--data-urlencode "csrf_token=$tok" --data-urlencode "code=${CODE}_gz" \
	--data-urlencode "name=七二广州$R" --data-urlencode "date_label=检查日期" \
	--data-urlencode "col_code_1=a1" --data-urlencode "col_label_1=甲" --data-urlencode "col_kind_1=text"
expect_status 403 "R-09.2 a city operator's POST is refused"
expect_eq "$(sql "SELECT COUNT(*) FROM credit_categories WHERE code = '${CODE}_gz'")" 0 "R-09.2 ... and stores nothing"
expect_eq "$(audit_count "action = 'access.denied' AND object_type = 'credit_category' AND actor_id = $OP_GZ AND outcome = 'denied'")" \
	"$((n0 + 2))" "X-AUD the refusals are access.denied audit rows"

# --- create: two columns, one a choice ------------------------------------------------
post_form "$OPGD" "$INTRANET/credit/categories/new" "$INTRANET/credit/categories/new" \
	--data-urlencode "code=$CODE" --data-urlencode "name=$NAME" \
	--data-urlencode "date_label=检查日期" --data-urlencode "has_period=1" --data-urlencode "active=1" \
	--data-urlencode "col_code_1=doc_no" --data-urlencode "col_label_1=检查文书号" \
	--data-urlencode "col_kind_1=text" --data-urlencode "col_required_1=1" --data-urlencode "col_max_1=100" \
	--data-urlencode "col_code_2=result" --data-urlencode "col_label_2=检查结果" \
	--data-urlencode "col_kind_2=choice" --data-urlencode "col_required_2=1" \
	--data-urlencode "col_choices_2=合格|不合格" --data-urlencode "col_kind_3=text"
expect_status 303 "R-09.2 the province's operator adds a category"
expect_header Location '^/credit/categories\?done=saved$' "R-09.2 ... and is sent to the list"
CAT=$(sql "SELECT id FROM credit_categories WHERE code = '$CODE'")
expect_eq "$(sql "SELECT CONCAT(name, '/', date_label, '/', has_period, '/', active) FROM credit_categories WHERE id = ${CAT:-0}")" \
	"$NAME/检查日期/1/1" "R-09.2 ... stored with its facts"
expect_eq "$(sql "SELECT GROUP_CONCAT(CONCAT(seq, ':', code, ':', kind, ':', required, ':', max_len, ':', choices) ORDER BY seq SEPARATOR ' ') FROM credit_columns WHERE category_id = ${CAT:-0}")" \
	"1:doc_no:text:1:100: 2:result:choice:1:20:合格|不合格" "R-09.2 ... and its two columns (an empty max_len: the kind's default)"
expect_eq "$(audit_count "action = 'credit.category.create' AND object_type = 'credit_category' AND object_id = '${CAT:-0}' AND actor_id = $OP_GD")" 1 \
	"X-AUD the creation is audited with the category's id"
req GET "$INTRANET/credit/categories?done=saved" --jar "$OPGD"
expect_body 'id="done">已保存信用信息类别' "X-UI the change is confirmed in Chinese"
expect_body "<td>$NAME</td>" "R-09.2 the new category is listed"
post_form "$OPGD" "$INTRANET/credit/categories/new" "$INTRANET/credit/categories/new" \
	--data-urlencode "code=$CODE" --data-urlencode "name=七二重复$R" --data-urlencode "date_label=检查日期" \
	--data-urlencode "col_code_1=a1" --data-urlencode "col_label_1=甲" --data-urlencode "col_kind_1=text"
expect_status 200 "R-09.2 a code already taken re-renders the form"
expect_body 'id="code-error">该类别代码已被使用' "X-UI ... with its message next to the code"

# --- offered for import, with its template ----------------------------------------------
req GET "$INTRANET/credit/import" --jar "$GOVGZ"
expect_body "<option value=\"$CAT\">$NAME</option>" "R-09.2 the new category is offered in the import form"
req GET "$INTRANET/credit/categories/$CAT/template.csv" --jar "$GOVGZ"
expect_status 200 "R-09.2 its template downloads"
expect_eq "$(tr -d '\r"' <"$RESP_BODY" | sed 's/^\xEF\xBB\xBF//' | head -n 1)" \
	"统一社会信用代码,企业名称,检查日期,公示截止日期,检查文书号,检查结果" "R-09.2 ... with the fixed columns and its own"

# --- edit: add a column; a category with a batch keeps its columns -----------------------
req GET "$INTRANET/credit/categories/$CAT/edit" --jar "$OPGD"
expect_status 200 "R-09.2 the edit form opens"
expect_body "id=\"ccat-code\">$CODE<" "R-09.2 ... showing the code, which does not change"
expect_body 'name="col_code_5"' "X-UI ... the two columns and three empty rows"
expect_no_body 'name="col_code_6"' "X-UI ... no more"
expect_body 'value="合格\|不合格"' "R-09.2 ... the stored choices"
edit() {
	post_form "$OPGD" "$INTRANET/credit/categories/$CAT/edit" "$INTRANET/credit/categories/$CAT/edit" \
		--data-urlencode "name=$NAME" --data-urlencode "date_label=检查日期" \
		--data-urlencode "has_period=1" --data-urlencode "active=1" "$@"
}
edit --data-urlencode "col_code_1=doc_no" --data-urlencode "col_label_1=检查文书编号" \
	--data-urlencode "col_kind_1=text" --data-urlencode "col_required_1=1" --data-urlencode "col_max_1=100" \
	--data-urlencode "col_code_2=result" --data-urlencode "col_label_2=检查结果" \
	--data-urlencode "col_kind_2=choice" --data-urlencode "col_required_2=1" \
	--data-urlencode "col_choices_2=合格|不合格|限期整改" \
	--data-urlencode "col_code_3=inspector" --data-urlencode "col_label_3=检查人员" \
	--data-urlencode "col_kind_3=text" --data-urlencode "col_kind_4=text"
expect_status 303 "R-09.2 the operator adds a column and changes a label and choices"
expect_eq "$(sql "SELECT GROUP_CONCAT(CONCAT(code, ':', label) ORDER BY seq) FROM credit_columns WHERE category_id = $CAT")" \
	"doc_no:检查文书编号,result:检查结果,inspector:检查人员" "R-09.2 ... stored"
expect_eq "$(audit_count "action = 'credit.category.update' AND object_type = 'credit_category' AND object_id = '$CAT' AND actor_id = $OP_GD")" 1 \
	"X-AUD the change is audited"
req GET "$INTRANET/credit/categories/$CAT/template.csv" --jar "$GOVGZ"
expect_body '"检查文书编号","检查结果","检查人员"' "R-09.2 the template follows the change"

sql "INSERT INTO credit_batches (agency_id, region_code, category_id, file_name, encoding,
	status, uploaded_by) VALUES ($AG_GZ, '440100', $CAT, 't72.csv', 'utf-8', 'discarded', $GOVGZ_ID)"
edit --data-urlencode "col_code_1=doc_no" --data-urlencode "col_label_1=检查文书编号" \
	--data-urlencode "col_kind_1=text" --data-urlencode "col_max_1=100" \
	--data-urlencode "col_code_2=result" --data-urlencode "col_label_2=检查结果" \
	--data-urlencode "col_kind_2=choice" --data-urlencode "col_choices_2=合格|不合格|限期整改"
expect_status 200 "R-09.2 removing a column of a category with a batch is refused"
expect_body 'id="cols-error">该类别已有导入批次' "X-UI ... with a message above the columns"
expect_body 'value="检查文书编号"' "X-UI ... keeping the columns as typed"
edit --data-urlencode "col_code_1=doc_no" --data-urlencode "col_label_1=检查文书编号" \
	--data-urlencode "col_kind_1=int" --data-urlencode "col_max_1=10" \
	--data-urlencode "col_code_2=result" --data-urlencode "col_label_2=检查结果" \
	--data-urlencode "col_kind_2=choice" --data-urlencode "col_choices_2=合格|不合格|限期整改" \
	--data-urlencode "col_code_3=inspector" --data-urlencode "col_label_3=检查人员" --data-urlencode "col_kind_3=text"
expect_body 'id="cols-error">该类别已有导入批次' "R-09.2 ... as is changing a column's kind"
expect_eq "$(sql "SELECT GROUP_CONCAT(CONCAT(code, ':', kind) ORDER BY seq) FROM credit_columns WHERE category_id = $CAT")" \
	"doc_no:text,result:choice,inspector:text" "R-09.2 ... and the columns stay as they were"
edit --data-urlencode "col_code_1=doc_no" --data-urlencode "col_label_1=检查文书编号" \
	--data-urlencode "col_kind_1=text" --data-urlencode "col_max_1=200" \
	--data-urlencode "col_code_2=result" --data-urlencode "col_label_2=检查结果" \
	--data-urlencode "col_kind_2=choice" --data-urlencode "col_choices_2=合格|不合格|限期整改" \
	--data-urlencode "col_code_3=inspector" --data-urlencode "col_label_3=检查人员" --data-urlencode "col_kind_3=text" \
	--data-urlencode "col_code_4=note" --data-urlencode "col_label_4=备注" --data-urlencode "col_kind_4=text"
expect_status 303 "R-09.2 a category with a batch may still get a column"
expect_eq "$(sql "SELECT GROUP_CONCAT(code ORDER BY seq) FROM credit_columns WHERE category_id = $CAT")" \
	"doc_no,result,inspector,note" "R-09.2 ... stored"
req GET "$INTRANET/credit/categories/999999/edit" --jar "$OPGD"
expect_status 404 "R-09.2 no such category: 404"

# (clean up) this file's categories are offered no more: later files (the
# report's summary lists every category offered) see the demo's catalogue
sql "UPDATE credit_categories SET active = 0 WHERE name LIKE '七二%'"
expect_eq "$(sql "SELECT COUNT(*) FROM credit_categories WHERE active = 1 AND name LIKE '七二%'")" 0 \
	"(clean up) this file's categories are withdrawn"

done_testing
