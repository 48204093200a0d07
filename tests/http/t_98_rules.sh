#!/usr/bin/env bash
# t_98_rules.sh -- the measures and their revisions (issue 17 "The
# measures and revisions", R-17.1): the text in force (the migration's,
# spec/measures.zh.txt) is public on both portals; a province operator
# drafts a revision (messages next to the fields, the text kept), submits
# it, a supervisor of the province who did not draft it publishes it
# (four eyes, audited); readers see what changed paragraph by paragraph;
# after it takes effect each user is told once, at sign-in; drafts stay
# with the province's offices (R-02.2, X-AUD, X-SEC, X-UI).
#
# Creates versions titled 九八测试* and removes them at the start and the
# end, so the file runs again on the same stack.
. "$(dirname "$0")/lib.sh"

uid_of() { sql "SELECT id FROM users WHERE username = '$1'"; }
rid_of() { sql "SELECT MAX(id) FROM rule_versions WHERE title = '$1'"; }
audit_count() { sql "SELECT COUNT(*) FROM audit_log WHERE $1"; }
cleanup() {
	sql "DELETE n FROM rule_notices n JOIN rule_versions v ON v.id = n.rule_id WHERE v.title LIKE '九八测试%'"
	sql "DELETE i FROM inbox i JOIN rule_versions v ON i.link = CONCAT('/rules/', v.id) WHERE v.title LIKE '九八测试%'"
	for id in $(sql "SELECT id FROM rule_versions WHERE title LIKE '九八测试%' ORDER BY id DESC"); do
		sql "DELETE FROM rule_versions WHERE id = $id"
	done
}
cleanup
TODAY=$(date -u -d "@$(( $(date +%s) + 8 * 3600 ))" +%F)
YESTERDAY=$(date -u -d "@$(( $(date +%s) + 8 * 3600 - 86400 ))" +%F)
FIRST=$(sql "SELECT MIN(id) FROM rule_versions")

# --- the text in force -----------------------------------------------------------------------------
req GET "$INTERNET/rules"
expect_status 200 "R-17.1 the measures are public on the internet"
expect_body "href=\"/rules/$FIRST\\?view=text\" id=\"rules-current\"" "R-17.1 ... linking the text in force"
req GET "$INTERNET/rules/$FIRST"
expect_status 200 "R-17.1 a visitor reads the text in force"
expect_body '<p>第一条 为加强广东省中小微企业信用信息和融资对接平台' "R-17.1 ... the measures' own text (spec/measures.zh.txt), by paragraph"
expect_body '<p>第十八条 本办法自公布之日起施行。</p>' "R-17.1 ... to its last article"
login "$INTERNET" ent-a; ENTA=$(jar_of ent-a)
login "$INTRANET" op-gd; OPGD=$(jar_of op-gd)
login "$INTRANET" op-gz; OPGZ=$(jar_of op-gz)
login "$INTRANET" sup-gd; SUPGD=$(jar_of sup-gd)
login "$INTRANET" sup-gz; SUPGZ=$(jar_of sup-gz)
req GET "$INTRANET/rules" --jar "$OPGZ"
expect_status 200 "R-17.1 the measures are on the intranet too"
expect_no_body 'id="rules-new"' "R-17.1 ... a city's operator does not draft revisions"
req GET "$INTRANET/rules/new" --jar "$OPGZ"
expect_status 403 "R-17.1 ... and cannot open the draft form"

# --- a province operator drafts a revision ---------------------------------------------------------------
req GET "$INTRANET/rules/new" --jar "$OPGD"
expect_status 200 "R-17.1 a province operator opens the draft form"
expect_body '第五条 各政府机构可根据业务需求，申请开立多个用户。' "R-17.1 ... filled with the text in force to revise"
# raw: the text with its line breaks, not the batch mode's \n escapes
ORIG=$(mariadb --no-defaults -S "$DUIJIE_STATE/run/mysqld.sock" -uroot -N -B -r duijie \
	-e "SELECT body FROM rule_versions WHERE id = $FIRST")
NEW=$(printf "%s" "$ORIG" | sed "s/^\(第五条 各政府机构可根据业务需求，申请开立多个用户\)。/\1，每个用户对应一名工作人员。/")
NEW=$(printf '%s\n第十九条 九八测试新增条款<b>。\n' "$NEW")
post_form "$OPGD" "$INTRANET/rules/new" "$INTRANET/rules/new" \
	--data-urlencode "title=九八测试管理办法（修订）" --data-urlencode "body=$NEW" \
	--data-urlencode "effective_on=$YESTERDAY"
expect_status 200 "R-17.1 a bad draft is refused"
expect_body 'id="effective_on-error">施行日期不能早于今天' "X-UI ... a past effective date told next to it"
expect_body 'id="summary-error">' "X-UI ... a missing summary told"
expect_body '九八测试新增条款&lt;b&gt;。' "X-UI ... the text kept as typed, escaped"
post_form "$OPGD" "$INTRANET/rules/new" "$INTRANET/rules/new" \
	--data-urlencode "title=九八测试管理办法（修订）" --data-urlencode "body=$NEW" \
	--data-urlencode "effective_on=$TODAY" --data-urlencode "summary=明确一人一户，新增第十九条。"
expect_status 303 "R-17.1 the draft is saved"
R=$(rid_of '九八测试管理办法（修订）')
expect_eq "$(sql "SELECT CONCAT(status, '|', base_id, '|', effective_on, '|', drafted_by) FROM rule_versions WHERE id = $R")" \
	"draft|$FIRST|$TODAY|$(uid_of op-gd)" "R-17.1 ... revising the text in force, with its date and drafter"
expect_eq "$(audit_count "action = 'rule.create' AND object_id = '$R'")" 1 "X-AUD ... audited"
req GET "$INTERNET/rules/$R"
expect_status 404 "R-17.1 a draft is not public"
req GET "$INTRANET/rules/$R" --jar "$SUPGZ"
expect_status 404 "R-02.2 ... nor shown to a city's supervisor"
post_form "$SUPGZ" "$INTRANET/rules" "$INTRANET/rules/$R/approve"
expect_status 404 "R-02.2 ... who cannot approve it"

post_form "$OPGD" "$INTRANET/rules/$R" "$INTRANET/rules/$R/submit"
expect_status 303 "R-17.1 the operator submits the revision"
expect_eq "$(sql "SELECT status FROM rule_versions WHERE id = $R")" pending "R-17.1 ... it waits for a supervisor"
post_form "$OPGD" "$INTRANET/rules/$R" "$INTRANET/rules/$R/approve"
expect_status 403 "R-17.1 an operator does not approve"
req GET "$INTRANET/rules/$R/edit" --jar "$OPGD"
expect_status 409 "R-17.1 a submitted revision is no longer edited"

# --- four eyes ---------------------------------------------------------------------------------------
sql "UPDATE rule_versions SET drafted_by = $(uid_of sup-gd) WHERE id = $R"
req GET "$INTRANET/rules/$R" --jar "$SUPGD"
expect_body 'id="rule-four-eyes"' "R-17.1 the drafter is told another supervisor approves"
post_form "$SUPGD" "$INTRANET/rules/$R" "$INTRANET/rules/$R/approve"
expect_status 403 "R-17.1 who drafted a revision cannot approve it (four eyes)"
expect_eq "$(audit_count "action = 'rule.approve' AND object_id = '$R' AND outcome = 'denied'")" 1 "X-AUD ... the refusal audited"
expect_eq "$(sql "SELECT status FROM rule_versions WHERE id = $R")" pending "R-17.1 ... and nothing published"
sql "UPDATE rule_versions SET drafted_by = $(uid_of op-gd) WHERE id = $R"
req GET "$INTRANET/rules/$R" --jar "$SUPGD"
expect_body 'id="rule-approve"' "R-17.1 the province's supervisor sees the approval button"
post_form "$SUPGD" "$INTRANET/rules/$R" "$INTRANET/rules/$R/approve"
expect_status 303 "R-17.1 the supervisor publishes the revision"
expect_eq "$(sql "SELECT CONCAT(status, '|', approved_by) FROM rule_versions WHERE id = $R")" \
	"published|$(uid_of sup-gd)" "R-17.1 ... published, with its approver"
expect_eq "$(audit_count "action = 'rule.approve' AND object_id = '$R' AND outcome = 'ok'")" 1 "X-AUD ... audited"
post_form "$SUPGD" "$INTRANET/rules/$R" "$INTRANET/rules/$R/reject"
expect_status 409 "R-17.1 a published version is not sent back"

# --- readers see what changed ----------------------------------------------------------------------
req GET "$INTERNET/rules"
expect_body "href=\"/rules/$R\\?view=text\" id=\"rules-current\"" "R-17.1 the revision in force is now the current text"
expect_body "id=\"rule-$FIRST\"" "R-17.1 ... and the first version is still listed"
req GET "$INTERNET/rules/$R"
expect_status 200 "R-17.1 a visitor opens the revision"
expect_body "id=\"rule-effective\">$TODAY<" "R-17.1 ... with its effective date"
expect_body 'id="diff-counts">新增段落：2 · 删除段落：1' "R-17.1 ... and what changed: two paragraphs added, one deleted"
expect_body '<p class="del"><del><span class="muted">【删除】</span>第五条 各政府机构可根据业务需求，申请开立多个用户。</del></p>' "R-17.1 ... the old paragraph struck"
expect_body '<ins><span class="muted">【新增】</span>第五条 各政府机构可根据业务需求，申请开立多个用户，每个用户对应一名工作人员。</ins>' "R-17.1 ... the new one marked"
expect_body '第十九条 九八测试新增条款&lt;b&gt;。' "X-SEC ... the text escaped"
expect_body '<p class="same">第六条' "R-17.1 ... unchanged paragraphs shown plainly"
req GET "$INTERNET/rules/$R?view=text"
expect_no_body 'class="del"' "R-17.1 the whole text on request"

# --- users are told once, at sign-in ---------------------------------------------------------------
notices() { sql "SELECT COUNT(*) FROM inbox WHERE user_id = $(uid_of "$1") AND kind = 'rule.revised' AND link = '/rules/$R'"; }
expect_eq "$(notices ent-a)" 0 "R-17.1 nobody is told before signing in"
login "$INTERNET" ent-a
expect_status 303 "R-17.1 an enterprise signs in"
expect_eq "$(notices ent-a)" 1 "R-17.1 ... and is told of the revision in force"
login "$INTERNET" ent-a
expect_eq "$(notices ent-a)" 1 "R-17.1 ... once: not again at the next sign-in"
req GET "$INTERNET/inbox" --jar "$ENTA"
expect_body '《管理办法》已修订' "R-17.1 the notice is in the enterprise's messages"
login "$INTRANET" sup-gz
expect_eq "$(notices sup-gz)" 1 "R-17.1 intranet users are told too"
expect_eq "$(audit_count "action = 'rule.noticed' AND object_id = '$R'")" 2 "X-AUD each notice audited"

# --- a revision sent back ------------------------------------------------------------------------------
post_form "$OPGD" "$INTRANET/rules/new" "$INTRANET/rules/new" \
	--data-urlencode "title=九八测试管理办法（再修订）" --data-urlencode "body=$NEW 再修订" \
	--data-urlencode "effective_on=$TODAY" --data-urlencode "summary=再修订。"
R2=$(rid_of '九八测试管理办法（再修订）')
expect_eq "$(sql "SELECT base_id FROM rule_versions WHERE id = $R2")" "$R" "R-17.1 a new draft revises the latest published version"
post_form "$OPGD" "$INTRANET/rules/$R2" "$INTRANET/rules/$R2/submit"
post_form "$SUPGD" "$INTRANET/rules/$R2" "$INTRANET/rules/$R2/reject"
expect_status 303 "R-17.1 the supervisor sends a revision back"
expect_eq "$(sql "SELECT status FROM rule_versions WHERE id = $R2")" draft "R-17.1 ... to draft"
req GET "$INTRANET/rules/$R2/edit" --jar "$OPGD"
expect_status 200 "R-17.1 ... where the operator edits it again"
expect_body "name=\"version\" value=\"[0-9]+\"" "R-17.1 ... at its version"
cleanup
done_testing
