#!/usr/bin/env bash
# t_13_escaping.sh -- stored XSS (issue 12 item 10, X-SEC): hostile text
# saved in every text field users can write reaches every page that shows
# it as escaped text, never as markup.  Fields: enterprise registration and
# profile, an agency (new and edit), a change form (draft), a credit
# category with its columns, a holiday name, a credit-report application.
#
# Creates its own enterprise (a random Guangzhou USCC), agency (名称 starts
# with 十三), category (code esc13_*), calendar day in 2033 and change-form
# draft; removes the draft, the application and the calendar day again and
# deactivates the category, so later files see the demo data as before.
. "$(dirname "$0")/lib.sh"

OUTBOX=$DUIJIE_STATE/sms-outbox.log
last_code() { sms_settle; grep " $1 " "$OUTBOX" 2>/dev/null | tail -n 1 | grep -o '验证码为 [0-9]\{6\}' | grep -o '[0-9]\{6\}'; }
# A valid Guangdong USCC for a given 8-digit organisation number (GB 32100).
uscc_for() { # REGION6 ORG8
	awk -v p="91$1$2" 'BEGIN {
		cs = "0123456789ABCDEFGHJKLMNPQRTUWXY"; split("3 7 9 10 5 8 4 2", ow, " ")
		s = 0; for (i = 1; i <= 8; i++) s += substr(p, 8 + i, 1) * ow[i]
		c = 11 - s % 11; oc = c == 10 ? "X" : c == 11 ? "0" : c
		p = p oc; w = 1; s = 0
		for (i = 1; i <= 17; i++) { s += (index(cs, substr(p, i, 1)) - 1) * w; w = w * 3 % 31 }
		c = (31 - s % 31) % 31; print p substr(cs, c + 1, 1) }'
}

# The hostile values (each fits the shortest field it goes into, 20).
V_IMG='<img src=x onerror=alert(13)>'
V_QUOTE=\"\''><script>alert(13)</script>'
V_TA='</textarea><b>13</b>'
# What must never appear in a page: the markup these values would make.
RAW=('<img src=x onerror=alert(13)>' '<script>alert(13)' '</textarea><b>13')

# html_escaped, expect_inert and expect_escaped: tests/http/lib.sh

# page_shows JAR URL WHAT VALUE...: GET URL, 200, no hostile markup, and
# every VALUE escaped.
page_shows() {
	local jar=$1 url=$2 what=$3 v
	shift 3
	req GET "$url" --jar "$jar"
	expect_status 200 "X-SEC $what opens"
	expect_inert "X-SEC $what shows no stored markup"
	for v in "$@"; do
		expect_escaped "$v" "X-SEC $what shows the stored text escaped"
	done
}

USCC=$(uscc_for 440103 "$(printf '%08d' $((RANDOM * 9 + 30000000)))")
MOBILE=138$(printf '%08d' $((RANDOM * 3000 + 2000)))
ID=11010519491231002X
PW='Tq8#Escape-Zv41-Nm'
USER=esc13-$$
ENTJ=$(jar_of "$USER")
rm -f "$ENTJ"
today=$(TZ=Asia/Shanghai date +%F)
sql "DELETE FROM sms_codes WHERE client_addr LIKE '127.%'"

# --- registration: values kept on a refused form, then stored ----------------------
REG=(--data-urlencode "username=$USER" --data-urlencode "uscc=$USCC"
	--data-urlencode "ent_name=$V_IMG" --data-urlencode "reg_no=$USCC" --data-urlencode "agree=1"
	--data-urlencode "legal_name=$V_QUOTE" --data-urlencode "legal_id=$ID"
	--data-urlencode "contact_name=$V_TA" --data-urlencode "mobile=$MOBILE"
	--data-urlencode "password=$PW" --data-urlencode "password2=$PW")
post_form "$ENTJ" "$INTERNET/register" "$INTERNET/register" "${REG[@]}" --data-urlencode "sms_code=000000"
expect_status 200 "X-SEC a registration without a valid code is shown again"
expect_inert "X-SEC the refused registration form echoes no markup"
for v in "$V_IMG" "$V_QUOTE" "$V_TA"; do
	expect_escaped "$v" "X-SEC the refused registration form keeps the typed text, escaped"
done
post_form "$ENTJ" "$INTERNET/register" "$INTERNET/register/sms" "${REG[@]}"
code=$(last_code "$MOBILE")
post_form "$ENTJ" "$INTERNET/register" "$INTERNET/register" "${REG[@]}" --data-urlencode "sms_code=$code"
expect_status 303 "X-SEC an enterprise registers with hostile names (set-up)"
EID=$(sql "SELECT id FROM enterprises WHERE uscc = '$USCC'")
expect_eq "$(sql "SELECT name FROM enterprises WHERE id = '$EID'")" "$V_IMG" \
	"X-SEC the name is stored as typed (escaping is on output only)"
page_shows "$ENTJ" "$INTERNET/profile" "R-08.2b /profile after registration" "$V_IMG" "$V_QUOTE"

# --- the profile: every text field ---------------------------------------------------
post_form "$ENTJ" "$INTERNET/profile/edit" "$INTERNET/profile/edit" \
	--data-urlencode "changed_on=$today" --data-urlencode "ent_name=$V_QUOTE" \
	--data-urlencode "reg_no=$USCC" --data-urlencode "agree=1" --data-urlencode "legal_name=$V_TA" --data-urlencode "legal_id=$ID" \
	--data-urlencode "address=$V_IMG" --data-urlencode "business_scope=$V_TA" \
	--data-urlencode org_form=llc --data-urlencode industry=I --data-urlencode size=small \
	--data-urlencode "main_name=$V_IMG" --data-urlencode "main_title=$V_QUOTE" \
	--data-urlencode "liaison_name=$V_TA" --data-urlencode "liaison_title=$V_IMG"
expect_status 303 "X-SEC the enterprise saves hostile text in every profile text field (set-up)"
expect_eq "$(sql "SELECT business_scope FROM enterprises WHERE id = '$EID'")" "$V_TA" "X-SEC ... stored as typed"
page_shows "$ENTJ" "$INTERNET/profile" "R-08.2b /profile (fields and change history)" "$V_IMG" "$V_QUOTE" "$V_TA"
page_shows "$ENTJ" "$INTERNET/profile/edit" "R-08.2b /profile/edit (values and the textarea)" "$V_IMG" "$V_QUOTE" "$V_TA"
expect_body '<textarea[^>]*name="business_scope"[^>]*>&lt;/textarea&gt;' \
	"X-SEC a stored </textarea> does not close the business scope's textarea"

# --- an application for a credit report (shown to the region's operators) -----------
post_form "$ENTJ" "$INTERNET/my-credit" "$INTERNET/my-credit/apply" --data-urlencode "reason=$V_IMG $V_QUOTE"
expect_status 303 "X-SEC the enterprise applies for its credit report with a hostile reason (set-up)"
page_shows "$ENTJ" "$INTERNET/my-credit" "R-08.2c /my-credit" "$V_QUOTE"

# --- the operators' pages of that enterprise -------------------------------------------
login "$INTRANET" op-gz
OPGZ=$(jar_of op-gz)
page_shows "$OPGZ" "$INTRANET/enterprises?q=$USCC" "R-09.4 /enterprises (search)" "$V_QUOTE"
page_shows "$OPGZ" "$INTRANET/enterprises/$EID" "R-09.4 /enterprises/{id}" "$V_IMG" "$V_QUOTE" "$V_TA"
page_shows "$OPGZ" "$INTRANET/credit?q=$USCC" "R-08.1 /credit (search)" "$V_QUOTE"
page_shows "$OPGZ" "$INTRANET/credit-requests" "R-08.2c /credit-requests" "$V_QUOTE" "$V_IMG $V_QUOTE"

# --- an agency, created and edited by the city's operator ------------------------------
sql "DELETE FROM agencies WHERE name LIKE '十三测试%'"
AG_NAME="十三测试局$V_IMG"
post_form "$OPGZ" "$INTRANET/agencies/new" "$INTRANET/agencies/new" \
	--data-urlencode "name=$AG_NAME" --data-urlencode "region=440100" \
	--data-urlencode "dept_code=$V_TA" --data-urlencode "address=$V_QUOTE" \
	--data-urlencode "net_name=$V_TA" --data-urlencode "net_title=$V_IMG" \
	--data-urlencode "net_contact=$V_QUOTE"
expect_status 303 "X-SEC an agency is created with hostile text in every field (set-up)"
AG=$(sql "SELECT id FROM agencies WHERE name = '十三测试局<img src=x onerror=alert(13)>'")
page_shows "$OPGZ" "$INTRANET/agencies" "R-05.1 /agencies" "$AG_NAME" "$V_TA"
page_shows "$OPGZ" "$INTRANET/agencies/$AG" "R-05.1 /agencies/{id}" "$AG_NAME" "$V_TA" "$V_QUOTE" "$V_IMG"
page_shows "$OPGZ" "$INTRANET/agencies/$AG/edit" "R-05.1 /agencies/{id}/edit" "$AG_NAME" "$V_TA" "$V_QUOTE" "$V_IMG"
post_form "$OPGZ" "$INTRANET/agencies/$AG/edit" "$INTRANET/agencies/$AG/edit" \
	--data-urlencode "name=$AG_NAME$V_TA" --data-urlencode "region=440100" \
	--data-urlencode "dept_code=$V_IMG" --data-urlencode "address=$V_TA" \
	--data-urlencode "net_name=$V_QUOTE" --data-urlencode "net_title=$V_TA" \
	--data-urlencode "net_contact=$V_IMG"
expect_status 303 "X-SEC the agency is edited with other hostile text (set-up)"
page_shows "$OPGZ" "$INTRANET/agencies/$AG" "R-05.1 /agencies/{id} after an edit" "$AG_NAME$V_TA" "$V_IMG" "$V_QUOTE"

# --- a change form (draft) entered by a gov user --------------------------------------
login "$INTRANET" gov-gz
GOVGZ=$(jar_of gov-gz)
post_form "$GOVGZ" "$INTRANET/agency-forms/new" "$INTRANET/agency-forms/new" \
	--data-urlencode "action=save" --data-urlencode "lines=2" \
	--data-urlencode "apply_date=$today" \
	--data-urlencode "op1=open" --data-urlencode "name1=$V_IMG" \
	--data-urlencode "title1=$V_QUOTE" --data-urlencode "contact1=$V_TA" \
	--data-urlencode "net_name=$V_TA" --data-urlencode "net_title=$V_IMG" \
	--data-urlencode "net_contact=$V_QUOTE" --data-urlencode "opinion=$V_TA$V_IMG" \
	--data-urlencode "resp_name=$V_QUOTE"
expect_status 303 "X-SEC a change form draft is saved with hostile text in every field (set-up)"
FORM=$(header Location | sed -nE 's|^/agency-forms/([0-9]+).*|\1|p')
page_shows "$GOVGZ" "$INTRANET/agency-forms/$FORM" "R-04.2 /agency-forms/{id}" "$V_IMG" "$V_QUOTE" "$V_TA"
page_shows "$GOVGZ" "$INTRANET/agency-forms/$FORM/edit" "R-04.2 /agency-forms/{id}/edit" "$V_IMG" "$V_QUOTE" "$V_TA" "$V_TA$V_IMG"
expect_body '<textarea[^>]*name="opinion"[^>]*>&lt;/textarea&gt;' \
	"X-SEC a stored </textarea> does not close the opinion's textarea"
page_shows "$GOVGZ" "$INTRANET/agency-forms/$FORM/print" "R-04.2 /agency-forms/{id}/print" "$V_IMG" "$V_QUOTE" "$V_TA"
page_shows "$GOVGZ" "$INTRANET/agency-forms" "R-04.2 /agency-forms" 

# --- a credit category and its columns (the province's operator) -----------------------
login "$INTRANET" op-gd
OPGD=$(jar_of op-gd)
CAT_CODE=esc13_$(printf '%s' "$$" | tr '0-9' 'a-j')
post_form "$OPGD" "$INTRANET/credit/categories/new" "$INTRANET/credit/categories/new" \
	--data-urlencode "code=$CAT_CODE" --data-urlencode "name=$V_IMG" \
	--data-urlencode "date_label=$V_TA" --data-urlencode "active=1" \
	--data-urlencode "col_code_1=doc_no" --data-urlencode "col_label_1=$V_QUOTE" \
	--data-urlencode "col_kind_1=text" --data-urlencode "col_max_1=100" \
	--data-urlencode "col_code_2=result" --data-urlencode "col_label_2=结果$V_TA" \
	--data-urlencode "col_kind_2=choice" --data-urlencode "col_choices_2=$V_IMG|$V_QUOTE" \
	--data-urlencode "col_kind_3=text"
expect_status 303 "X-SEC a credit category is created with hostile names, labels and choices (set-up)"
CAT=$(sql "SELECT id FROM credit_categories WHERE code = '$CAT_CODE'")
page_shows "$OPGD" "$INTRANET/credit/categories" "R-09.2 /credit/categories" "$V_IMG"
page_shows "$OPGD" "$INTRANET/credit/categories/$CAT/edit" "R-09.2 /credit/categories/{id}/edit" "$V_IMG" "$V_QUOTE" "$V_TA" "结果$V_TA"
page_shows "$GOVGZ" "$INTRANET/credit/import" "R-09.2 /credit/import (the categories to choose)" "$V_IMG"

# --- a holiday's name --------------------------------------------------------------
sql "DELETE FROM calendar_days WHERE day = '2033-03-09'"
post_form "$OPGD" "$INTRANET/calendar?year=2033" "$INTRANET/calendar" \
	--data-urlencode "day=2033-03-09" --data-urlencode "kind=holiday" --data-urlencode "name=$V_TA"
expect_status 303 "X-SEC a holiday is named with hostile text (set-up)"
page_shows "$OPGD" "$INTRANET/calendar?year=2033" "R-09.5 /calendar" "$V_TA"

# --- clean up: what later files count -------------------------------------------------
sql "DELETE FROM agency_forms WHERE id = '$FORM'"
sql "DELETE FROM credit_self_requests WHERE enterprise_id = '$EID' AND id NOT IN (SELECT request_id FROM credit_reports)"
sql "DELETE FROM calendar_days WHERE day = '2033-03-09'"
sql "UPDATE credit_categories SET active = 0 WHERE id = '$CAT'"
sql "DELETE FROM agencies WHERE id = '$AG'"
expect_eq "$(sql "SELECT COUNT(*) FROM credit_self_requests WHERE enterprise_id = '$EID'")" 0 "(clean up) the application is gone"

done_testing
