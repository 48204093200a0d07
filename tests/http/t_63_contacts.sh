#!/usr/bin/env bash
# t_63_contacts.sh -- gov users' and agencies' contact numbers at rest and
# on screen (R-09.4, X-SEC; issue 12 item 16): sealed in the database
# after entry through the pages (the plain columns are dropped by
# 018_drop_plain_contacts.sql); masked on the pages; whole on the printed
# change form for its parties only.
#
# Works on an agency and gov users of its own (六三测试*), in Guangzhou.
# Safe to run twice on a stack.
. "$(dirname "$0")/lib.sh"

uid_of() { sql "SELECT id FROM users WHERE username = '$1'"; }
form_version() { sql "SELECT version FROM agency_forms WHERE id = $1"; }
form_from_location() { header Location | sed -nE 's|^/agency-forms/([0-9]+).*|\1|p'; }
# hex never holds a '-': a number with one found in a row is plain text
plain_in() { sql "SELECT COUNT(*) FROM $1 WHERE $2 AND CONCAT_WS('|', $3) LIKE '%$4%'"; }
ADMIN=("$DUIJIE_BUILD/duijie-admin" --config "$DUIJIE_CONF")

TAG=$(( RANDOM % 9000 + 1000 ))
for u in op-gz sup-gz sup-gd; do
	login "$INTRANET" "$u"
	[ "$STATUS" = 303 ] || not_ok "$u signs in" "status $STATUS"
done
OPGZ=$(jar_of op-gz) SUPGZ=$(jar_of sup-gz) SUPGD=$(jar_of sup-gd)

# --- an agency's network contact (R-09.4) ------------------------------------------------
AG_NET=020-6363$TAG AG_NET_M="020*****$TAG"
post_form "$OPGZ" "$INTRANET/agencies/new" "$INTRANET/agencies/new" \
	--data-urlencode "name=六三测试局$TAG" --data-urlencode "region=440100" \
	--data-urlencode "net_name=张六三" --data-urlencode "net_contact=$AG_NET"
expect_status 303 "R-05.1 (set up) op-gz creates an agency"
AG=$(sql "SELECT id FROM agencies WHERE name = '六三测试局$TAG'")
expect_eq "$(plain_in agencies "id = $AG" "name, net_name, net_contact_enc" "$AG_NET")" 0 \
	"R-09.4 X-SEC the agency's row holds no plain network contact"
expect_eq "$(sql "SELECT LENGTH(net_contact_enc) > 56 FROM agencies WHERE id = $AG")" 1 \
	"R-09.4 ... it is sealed"
req GET "$INTRANET/agencies/$AG" --jar "$OPGZ"
expect_body "id=\"agency-net-contact\">${AG_NET_M//\*/\\*}<" "R-09.4 the agency's page shows the contact masked"
expect_no_body "$AG_NET" "R-09.4 ... and nowhere whole"
req GET "$INTRANET/agencies" -G --data-urlencode "q=六三测试局$TAG" --jar "$OPGZ"
expect_body "${AG_NET_M//\*/\\*}" "R-09.4 the agencies list shows it masked"
expect_no_body "$AG_NET" "R-09.4 ... and nowhere whole"
req GET "$INTRANET/agencies/$AG/edit" --jar "$OPGZ"
expect_body "value=\"$AG_NET\"" "R-05.1 the edit form has the whole value to edit"

# --- a gov user through the change form (R-09.4, R-04.3) -----------------------------------
LINE=020-8363$TAG LINE_M="020*****$TAG" NET=020-8364$TAG NET_M="020*****$TAG"
post_form "$OPGZ" "$INTRANET/agency-forms/new?agency=$AG" "$INTRANET/agency-forms/new" \
	--data-urlencode "agency=$AG" --data-urlencode "action=submit" --data-urlencode "lines=2" \
	--data-urlencode "apply_date=$(TZ=Asia/Shanghai date +%F)" \
	--data-urlencode "op1=open" --data-urlencode "name1=六三测试甲$TAG" \
	--data-urlencode "title1=信用科/科员" --data-urlencode "contact1=$LINE" \
	--data-urlencode "net_name=钱网" --data-urlencode "net_contact=$NET" \
	--data-urlencode "opinion=我单位申请开立政府机构用户。" --data-urlencode "resp_name=孙局长" \
	--data-urlencode "opinion_date=$(TZ=Asia/Shanghai date +%F)"
expect_status 303 "R-04.3 (set up) op-gz enters a paper form for the agency"
F=$(form_from_location)
expect_eq "$(plain_in agency_forms "id = $F" "net_name, net_contact_enc, opinion" "$NET")" 0 \
	"R-09.4 X-SEC the form's row holds no plain network contact"
expect_eq "$(plain_in agency_form_lines "form_id = $F" "name, title, contact_enc" "$LINE")" 0 \
	"R-09.4 X-SEC the form's lines hold no plain contact"
expect_eq "$(sql "SELECT COUNT(*) FROM agency_form_lines WHERE form_id = $F AND LENGTH(contact_enc) > 56")" 1 \
	"R-09.4 ... the line's contact is sealed"
req GET "$INTRANET/agency-forms/$F" --jar "$OPGZ"
expect_status 200 "R-04.3 the form's page opens"
expect_body "${LINE_M//\*/\\*}" "R-09.4 the form's page shows the line's contact masked"
expect_no_body "$LINE" "R-09.4 ... not whole"
expect_no_body "$NET" "R-09.4 ... nor the network contact"

post_form "$SUPGD" "$INTRANET/agency-forms/$F" "$INTRANET/agency-forms/$F/check" \
	--data-urlencode "version=$(form_version "$F")" --data-urlencode "result=agree"
expect_status 303 "R-04.3 (set up) the province's supervisor checks it"
post_form "$SUPGZ" "$INTRANET/agency-forms/$F" "$INTRANET/agency-forms/$F/approve" \
	--data-urlencode "version=$(form_version "$F")" --data-urlencode "result=agree" \
	--data-urlencode "note=同意"
expect_status 303 "R-04.3 (set up) sup-gz approves it"
post_form "$OPGZ" "$INTRANET/agency-forms/$F" "$INTRANET/agency-forms/$F/execute" \
	--data-urlencode "version=$(form_version "$F")"
expect_status 200 "R-04.3 (set up) op-gz executes it"
expect_body "$LINE" "R-09.4 the printout of the execution shows the line's contact whole"
expect_body "$NET" "R-09.4 ... and the network contact"
NEW_USER=$(grep -o '<code class="username">[^<]*' "$RESP_BODY" | head -n 1 | sed 's/.*>//')
NEW_ID=$(uid_of "$NEW_USER")
expect_eq "$(plain_in users "id = ${NEW_ID:-0}" "username, real_name, contact_enc" "$LINE")" 0 \
	"R-09.4 X-SEC the new gov user's row holds no plain contact"
expect_eq "$(sql "SELECT LENGTH(contact_enc) > 56 FROM users WHERE id = ${NEW_ID:-0}")" 1 \
	"R-09.4 ... it is sealed"

# the printout: whole to its parties, masked to anyone else
for who in OPGZ SUPGZ SUPGD; do
	req GET "$INTRANET/agency-forms/$F/print" --jar "${!who}"
	expect_status 200 "R-04.4 the printout opens for $who"
	expect_body "$LINE" "R-09.4 ... $who, a party to the form, sees the contact whole"
	expect_body "$NET" "R-09.4 ... and the network contact"
done
# sup-gz is a supervisor of the region who had no part in a second form
post_form "$OPGZ" "$INTRANET/agency-forms/new?agency=$AG" "$INTRANET/agency-forms/new" \
	--data-urlencode "agency=$AG" --data-urlencode "action=save" --data-urlencode "lines=2" \
	--data-urlencode "apply_date=$(TZ=Asia/Shanghai date +%F)" \
	--data-urlencode "op1=open" --data-urlencode "name1=六三测试乙$TAG" \
	--data-urlencode "title1=科员" --data-urlencode "contact1=$LINE" \
	--data-urlencode "net_name=钱网" --data-urlencode "net_contact=$NET" \
	--data-urlencode "opinion=x" --data-urlencode "resp_name=孙局长" \
	--data-urlencode "opinion_date=$(TZ=Asia/Shanghai date +%F)"
expect_status 303 "R-04.3 (set up) op-gz saves a second form"
F2=$(form_from_location)
req GET "$INTRANET/agency-forms/$F2/edit" --jar "$OPGZ"
expect_body "value=\"$LINE\"" "R-04.2 the entry form has the whole value to edit"
expect_body "value=\"$NET\"" "R-04.2 ... and the network contact"
req GET "$INTRANET/agency-forms/$F2/print" --jar "$SUPGZ"
expect_status 200 "R-04.4 a supervisor of the region opens its printout"
expect_no_body "$LINE" "R-09.4 ... not a party, it does not see the contact whole"
expect_no_body "$NET" "R-09.4 ... nor the network contact"
expect_body "${LINE_M//\*/\\*}" "R-09.4 ... but masked"
req GET "$INTRANET/agency-forms/$F2/print" --jar "$OPGZ"
expect_body "$LINE" "R-09.4 the operator who entered it sees it whole"

# the gov user's contact on the pages
req GET "$INTRANET/users/$NEW_ID" --jar "$OPGZ"
expect_status 200 "R-05.1 the new user's page opens"
expect_body "${LINE_M//\*/\\*}" "R-09.4 the user's page shows the contact masked"
expect_no_body "$LINE" "R-09.4 ... not whole"
req GET "$INTRANET/agencies/$AG" --jar "$OPGZ"
expect_body "${LINE_M//\*/\\*}" "R-09.4 the agency's member list shows it masked"
expect_no_body "$LINE" "R-09.4 ... not whole"

# --- no plain column is left to hold a number (R-09.4, 018_drop_plain_contacts.sql) ----------
# migrate sealed what older versions left in plain before it dropped them
expect_eq "$(sql "SELECT COUNT(*) FROM information_schema.columns WHERE table_schema = DATABASE()
	AND ((table_name IN ('users', 'agency_form_lines') AND column_name = 'contact')
	OR (table_name IN ('agencies', 'agency_forms') AND column_name = 'net_contact'))")" 0 \
	"R-09.4 X-SEC the plain contact columns are gone"
expect_eq "$(sql "SELECT COUNT(*) FROM information_schema.columns WHERE table_schema = DATABASE()
	AND column_name IN ('contact_enc', 'net_contact_enc')")" 4 "R-09.4 ... the sealed ones stay"
out=$("${ADMIN[@]}" migrate 2>&1) && ok "R-09.4 duijie-admin migrate runs again on the migrated database" ||
	not_ok "R-09.4 duijie-admin migrate runs again on the migrated database" "$out"

done_testing
