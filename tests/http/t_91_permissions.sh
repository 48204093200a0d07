#!/usr/bin/env bash
# t_91_permissions.sh -- permissions within roles (issue 16, R-08.1,
# R-09.2, R-04.2, X-SEC, X-AUD):
#   - a gov user views credit information only with credit.view on its
#     account, imports only with credit.import; without: 403 and an
#     access.denied audit row (the search, an opening, the import form,
#     a confirmation);
#   - the change form's 开设用户 line says which permissions the new user
#     gets; after execution the user holds exactly those; the form's page
#     and printout show them; operators see them on /users/{id} and the
#     agency's page;
#   - an agency imports only the categories it is a source of: the
#     region's operator takes one away (audited), the form no longer
#     offers it, a POST of it is a 403 (audited);
#   - the security administrator's role -> permission assignment: taking
#     credit.view from the gov role refuses every gov user, giving it back
#     restores them.
#
# Works on gov users of its own (copies of gov-gz, t91*-$$) and a change
# form of its own; restores the demo agency's sources and the role's
# permission on exit.
. "$(dirname "$0")/lib.sh"

uid_of() { sql "SELECT id FROM users WHERE username = '$1'"; }
audit_count() { sql "SELECT COUNT(*) FROM audit_log WHERE $1"; }
perm_denied() { audit_count "action = 'access.denied' AND object_type = 'permission' AND object_id = '$1' AND actor_id = $2"; }
form_status() { sql "SELECT status FROM agency_forms WHERE id = $1"; }
form_version() { sql "SELECT version FROM agency_forms WHERE id = $1"; }
form_from_location() { header Location | sed -nE 's|^/agency-forms/([0-9]+).*|\1|p'; }
# copy_gov NAME PERMS: a gov user of gov-gz's agency holding PERMS
copy_gov() {
	sql "INSERT INTO users (username, role, region_code, org_kind, org_id, real_name, contact_enc,
	     must_change_pw, pw_hash, perms) SELECT '$1', role, region_code, org_kind, org_id,
	     '九一测试', contact_enc, 0, pw_hash, '$2' FROM users WHERE username = 'gov-gz'"
}

TAG=$$
GZ_AGENCY=$(sql "SELECT org_id FROM users WHERE username = 'gov-gz'")
PENALTY=2	# 行政处罚
cleanup() {
	sql "INSERT IGNORE INTO agency_credit_sources (agency_id, category_id) VALUES ($GZ_AGENCY, $PENALTY)" >/dev/null 2>&1
	sql "INSERT IGNORE INTO role_permissions (role, perm) VALUES ('gov', 'credit.view')" >/dev/null 2>&1
}
trap cleanup EXIT
ENT=$(sql "SELECT id FROM enterprises ORDER BY id LIMIT 1")

NONE=t91n-$TAG VIEW=t91v-$TAG
copy_gov "$NONE" ""
copy_gov "$VIEW" "credit.view"
for u in gov-gz "$NONE" "$VIEW" op-gz sup-gz sec-gd; do
	login "$INTRANET" "$u"
	expect_status 303 "R-08.1 (set up) $u signs in"
done
GOVGZ=$(jar_of gov-gz) NJ=$(jar_of "$NONE") VJ=$(jar_of "$VIEW")
OPGZ=$(jar_of op-gz) SUPGZ=$(jar_of sup-gz) SEC=$(jar_of sec-gd)
NONE_ID=$(uid_of "$NONE") VIEW_ID=$(uid_of "$VIEW")

# --- credit.view -------------------------------------------------------------------------
req GET "$INTRANET/credit?q=%E5%B9%BF%E5%B7%9E" --jar "$GOVGZ"
expect_status 200 "R-08.1 gov-gz (credit.view) searches credit information"
n=$(perm_denied credit.view "$NONE_ID")
req GET "$INTRANET/credit?q=%E5%B9%BF%E5%B7%9E" --jar "$NJ"
expect_status 403 "X-SEC a gov user without credit.view is refused the search"
expect_body 'id="perm-missing"' "X-SEC ... the page names the missing permission"
req GET "$INTRANET/credit/$ENT" --jar "$NJ"
expect_status 403 "X-SEC ... and an enterprise's credit information"
post_form "$NJ" "$INTRANET/account" "$INTRANET/credit/$ENT" --data-urlencode "purpose=duty"
expect_status 403 "X-SEC ... and its logged opening"
expect_eq "$(perm_denied credit.view "$NONE_ID")" "$((n + 3))" "X-AUD ... each refusal audited"
expect_eq "$(sql "SELECT COUNT(*) FROM credit_queries WHERE user_id = $NONE_ID")" 0 "R-08.1 ... nothing opened, no query logged"
req GET "$INTRANET/credit/$ENT" --jar "$VJ"
expect_status 200 "R-08.1 a gov user with credit.view opens the purpose form"

# --- credit.import ---------------------------------------------------------------------------
req GET "$INTRANET/credit/import" --jar "$GOVGZ"
expect_status 200 "R-09.2 gov-gz (credit.import) opens the import form"
n=$(perm_denied credit.import "$VIEW_ID")
req GET "$INTRANET/credit/import" --jar "$VJ"
expect_status 403 "X-SEC a gov user with credit.view only is refused the import form"
expect_eq "$(perm_denied credit.import "$VIEW_ID")" "$((n + 1))" "X-AUD ... audited"
n=$(perm_denied credit.import "$NONE_ID")
req GET "$INTRANET/credit/import" --jar "$NJ"
expect_status 403 "X-SEC a gov user without permissions is refused the import form"
BATCH=$(sql "SELECT id FROM credit_batches WHERE agency_id = $GZ_AGENCY ORDER BY id DESC LIMIT 1")
if [ -n "$BATCH" ]; then
	post_form "$NJ" "$INTRANET/account" "$INTRANET/credit/batches/$BATCH/confirm"
	expect_status 403 "X-SEC ... and a batch's confirmation"
	expect_eq "$(perm_denied credit.import "$NONE_ID")" "$((n + 2))" "X-AUD ... both audited"
fi

# --- the categories the agency is a source of ---------------------------------------------
req GET "$INTRANET/agencies/$GZ_AGENCY" --jar "$OPGZ"
expect_body "id=\"source-$PENALTY\"" "R-09.2 the agency's page lists the categories it is a source of"
n=$(audit_count "action = 'agency.source' AND object_id = '$GZ_AGENCY'")
post_form "$OPGZ" "$INTRANET/agencies/$GZ_AGENCY" "$INTRANET/agencies/$GZ_AGENCY/sources" \
	--data-urlencode "category=$PENALTY"
expect_status 303 "R-09.2 op-gz takes 行政处罚 away from the agency's sources"
expect_eq "$(sql "SELECT COUNT(*) FROM agency_credit_sources WHERE agency_id = $GZ_AGENCY AND category_id = $PENALTY")" 0 \
	"R-09.2 ... stored"
expect_eq "$(audit_count "action = 'agency.source' AND object_id = '$GZ_AGENCY'")" "$((n + 1))" "X-AUD ... audited"
req GET "$INTRANET/credit/import" --jar "$GOVGZ"
expect_no_body "<option value=\"$PENALTY\">" "R-09.2 the import form no longer offers it"
expect_body '<option value="7">' "R-09.2 ... but still the others"
printf '%s\n' '统一社会信用代码,企业名称' >"$T_TMP/t91.csv"
n=$(audit_count "action = 'access.denied' AND object_type = 'credit_category' AND object_id = '$PENALTY'")
tok=$(csrf_from_body)
req POST "$INTRANET/credit/import" --jar "$GOVGZ" -H "Origin: $INTRANET" \
	-F "csrf_token=$tok" -F "category=$PENALTY" -F "encoding=auto" -F "file=@$T_TMP/t91.csv;type=text/csv"
expect_status 403 "X-SEC an import into a category the agency is no source of is refused"
expect_eq "$(audit_count "action = 'access.denied' AND object_type = 'credit_category' AND object_id = '$PENALTY'")" \
	"$((n + 1))" "X-AUD ... audited"
post_form "$OPGZ" "$INTRANET/agencies/$GZ_AGENCY" "$INTRANET/agencies/$GZ_AGENCY/sources" \
	--data-urlencode "category=$PENALTY" --data-urlencode "on=1"
expect_status 303 "R-09.2 op-gz gives it back"
req GET "$INTRANET/credit/import" --jar "$GOVGZ"
expect_body "<option value=\"$PENALTY\">" "R-09.2 ... offered again"
post_form "$GOVGZ" "$INTRANET/agencies/$GZ_AGENCY" "$INTRANET/agencies/$GZ_AGENCY/sources" \
	--data-urlencode "category=$PENALTY"
expect_status 403 "X-SEC an agency's own user may not change its sources"

# --- the role -> permission assignment (security administrator) --------------------------
n=$(audit_count "action = 'security.role_perm' AND object_id = 'gov'")
post_form "$SEC" "$INTRANET/security/roles" "$INTRANET/security/roles" \
	--data-urlencode "role=gov" --data-urlencode "perm=credit.view" --data-urlencode "action=revoke"
expect_status 303 "X-SEC the security administrator takes credit.view from the gov role"
expect_eq "$(audit_count "action = 'security.role_perm' AND object_id = 'gov'")" "$((n + 1))" "X-AUD ... audited"
req GET "$INTRANET/credit?q=x" --jar "$GOVGZ"
expect_status 403 "X-SEC ... gov-gz, who holds credit.view, is refused on its next request"
post_form "$SEC" "$INTRANET/security/roles" "$INTRANET/security/roles" \
	--data-urlencode "role=gov" --data-urlencode "perm=credit.view" --data-urlencode "action=grant"
expect_status 303 "X-SEC ... and gives it back"
req GET "$INTRANET/credit?q=x" --jar "$GOVGZ"
expect_status 200 "X-SEC ... gov-gz searches again"

# --- the change form's 开设用户 line says what the new user gets --------------------------
NAME_V="九一只查$TAG" NAME_B="九一两项$TAG"
post_form "$GOVGZ" "$INTRANET/agency-forms/new" "$INTRANET/agency-forms/new" \
	--data-urlencode "action=submit" --data-urlencode "lines=2" \
	--data-urlencode "apply_date=2026-11-20" \
	--data-urlencode "op1=open" --data-urlencode "name1=$NAME_V" \
	--data-urlencode "title1=信用科/科员" --data-urlencode "contact1=020-83129101" \
	--data-urlencode "view1=1" \
	--data-urlencode "op2=open" --data-urlencode "name2=$NAME_B" \
	--data-urlencode "title2=信用科/科长" --data-urlencode "contact2=020-83129102" \
	--data-urlencode "view2=1" --data-urlencode "import2=1" \
	--data-urlencode "net_name=钱网" --data-urlencode "net_title=信息科/工程师" \
	--data-urlencode "net_contact=020-83120000" \
	--data-urlencode "opinion=我单位申请开立政府机构用户。" --data-urlencode "resp_name=孙局长" \
	--data-urlencode "opinion_date=2026-11-20"
expect_status 303 "R-04.2 gov-gz submits a form opening two users with their permissions"
F=$(form_from_location)
expect_eq "$(sql "SELECT GROUP_CONCAT(perms ORDER BY seq SEPARATOR '|') FROM agency_form_lines WHERE form_id = $F")" \
	"credit.view|credit.view,credit.import" "R-04.2 ... each line keeps its permissions"
req GET "$INTRANET/agency-forms/$F" --jar "$OPGZ"
expect_body '开设用户<span class="line-perms">（查看信用信息）</span>' "R-04.2 the form's page says line A gets credit.view"
expect_body '开设用户<span class="line-perms">（查看信用信息、报送信用信息）</span>' "R-04.2 ... and line B both"
req GET "$INTRANET/agency-forms/$F/print" --jar "$OPGZ"
expect_body '权限：☑查看信用信息　□报送信用信息' "R-04.4 the printout ticks line A's permission"
post_form "$OPGZ" "$INTRANET/agency-forms/$F" "$INTRANET/agency-forms/$F/check" \
	--data-urlencode "version=$(form_version "$F")" --data-urlencode "result=agree"
expect_status 303 "R-04.3 (set up) op-gz checks it"
post_form "$SUPGZ" "$INTRANET/agency-forms/$F" "$INTRANET/agency-forms/$F/approve" \
	--data-urlencode "version=$(form_version "$F")" --data-urlencode "result=agree" --data-urlencode "note=同意"
expect_status 303 "R-04.3 (set up) sup-gz approves it"
post_form "$OPGZ" "$INTRANET/agency-forms/$F" "$INTRANET/agency-forms/$F/execute" \
	--data-urlencode "version=$(form_version "$F")"
expect_status 200 "R-04.3 op-gz executes it"
UV=$(sql "SELECT result_user_id FROM agency_form_lines WHERE form_id = $F AND seq = 1")
UB=$(sql "SELECT result_user_id FROM agency_form_lines WHERE form_id = $F AND seq = 2")
expect_eq "$(sql "SELECT perms FROM users WHERE id = $UV")" "credit.view" "R-04.2 user A holds credit.view only"
expect_eq "$(sql "SELECT perms FROM users WHERE id = $UB")" "credit.view,credit.import" "R-04.2 user B holds both"
expect_eq "$(audit_count "action = 'user.create' AND object_id = '$UB' AND detail = 'gov credit.view,credit.import'")" 1 \
	"X-AUD the creation's audit row names the permissions"
req GET "$INTRANET/users/$UV" --jar "$OPGZ"
expect_body 'id="perm-credit-view"' "R-04.2 the operator sees user A's credit.view on /users/{id}"
expect_no_body 'id="perm-credit-import"' "R-04.2 ... and no credit.import"
req GET "$INTRANET/users/$UB" --jar "$OPGZ"
expect_body 'id="perm-credit-import"' "R-04.2 ... user B's credit.import"
req GET "$INTRANET/users/$NONE_ID" --jar "$OPGZ"
expect_body 'id="user-perms">无<' "R-04.2 ... and a user without any"

cleanup
done_testing
