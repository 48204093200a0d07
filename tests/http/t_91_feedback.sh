#!/usr/bin/env bash
# t_91_feedback.sh -- users' feedback (issue 17 "Feedback", Art. 9(6),
# 9(4)): any signed-in user sends a suggestion or problem to the
# operators of their region (messages next to the fields), the region's
# operators see it and answer once (audited), the sender reads the
# answer; other regions do not see it; an important-information report
# goes to the province's operators at once, flagged, and nobody else sees
# it (R-02.2, X-AUD, X-SEC, X-UI).
#
# Creates feedback with subjects 九一测试* and removes it at the start
# and the end, so the file runs again on the same stack.
. "$(dirname "$0")/lib.sh"

uid_of() { sql "SELECT id FROM users WHERE username = '$1'"; }
fid_of() { sql "SELECT id FROM feedback WHERE subject = '$1'"; }
audit_count() { sql "SELECT COUNT(*) FROM audit_log WHERE $1"; }
cleanup() { sql "DELETE FROM feedback WHERE subject LIKE '九一测试%'"; }
cleanup

login "$INTERNET" ent-a; ENTA=$(jar_of ent-a)
login "$INTERNET" ent-b; ENTB=$(jar_of ent-b)
login "$INTRANET" op-gz; OPGZ=$(jar_of op-gz)
login "$INTRANET" op-gd; OPGD=$(jar_of op-gd)
login "$INTRANET" sup-gz; SUPGZ=$(jar_of sup-gz)
login "$INTRANET" sup-gd; SUPGD=$(jar_of sup-gd)
login "$INTRANET" fi-fs; FIFS=$(jar_of fi-fs)
FS_OP=t91-fs-$$
otp=$("$DUIJIE_BUILD/duijie-admin" --config "$DUIJIE_CONF" create-operator "$FS_OP" \
	--name 测试员 --contact 0757-12345678 --region 440600 | sed -n 's/^one-time password.*: //p')
sql "UPDATE users SET must_change_pw = 0 WHERE username = '$FS_OP'"
login "$INTRANET" "$FS_OP" "$otp"; OPFS=$(jar_of "$FS_OP")

# --- an enterprise sends a suggestion --------------------------------------------------------------
req GET "$INTERNET/feedback"
expect_status '30[23]' "Art. 9(6) feedback needs signing in"
req GET "$INTERNET/feedback" --jar "$ENTA"
expect_status 200 "Art. 9(6) a signed-in enterprise opens the feedback page"
expect_body 'value="important"' "Art. 9(4) ... with the important-information report"
post_form "$ENTA" "$INTERNET/feedback" "$INTERNET/feedback" \
	--data-urlencode "subject=九" --data-urlencode "body=<b>保留的内容</b>"
expect_status 200 "Art. 9(6) a bad feedback is refused"
expect_body 'id="kind-error">' "X-UI ... no kind told next to it"
expect_body 'id="subject-error">' "X-UI ... a too short subject told next to it"
expect_body '&lt;b&gt;保留的内容&lt;/b&gt;</textarea>' "X-UI ... the body kept as typed, escaped"
post_form "$ENTA" "$INTERNET/feedback" "$INTERNET/feedback" --data-urlencode "kind=suggestion" \
	--data-urlencode "subject=九一测试建议<script>x</script>" --data-urlencode "body=希望增加按行业筛选产品的功能。<img src=x>"
expect_status 303 "Art. 9(6) a good feedback is sent"
F=$(fid_of '九一测试建议<script>x</script>')
expect_eq "$(sql "SELECT CONCAT(user_id, '|', region_code, '|', kind, '|', status, '|', portal) FROM feedback WHERE id = $F")" \
	"$(uid_of ent-a)|440100|suggestion|open|internet" "Art. 9(6) it goes to the operators of the sender's city"
expect_eq "$(audit_count "action = 'feedback.create' AND object_id = '$F' AND actor_id = $(uid_of ent-a)")" 1 "X-AUD the sending has its audit row"
req GET "$INTERNET/feedback?done=sent" --jar "$ENTA"
expect_body 'id="done">已提交' "X-UI the sender is told"
expect_body "id=\"own-$F\"" "Art. 9(6) ... and sees it among its own"
expect_escaped '九一测试建议<script>x</script>' "X-SEC ... its subject escaped"
req GET "$INTERNET/feedback" --jar "$ENTB"
expect_no_body '九一测试建议' "R-02.2 another enterprise does not see it"

# --- the region's staff see it; others do not --------------------------------------------------------
req GET "$INTRANET/feedback/manage" --jar "$OPGZ"
expect_status 200 "Art. 9(6) the city's operator lists the feedback"
expect_body "href=\"/feedback/$F\"" "Art. 9(6) ... with the enterprise's suggestion"
req GET "$INTRANET/feedback/manage" --jar "$OPFS"
expect_no_body '九一测试建议' "R-02.2 a Foshan operator does not list it"
req GET "$INTRANET/feedback/$F" --jar "$OPFS"
expect_status 404 "R-02.2 ... nor open it"
expect_eq "$(audit_count "action = 'access.denied' AND object_type = 'feedback' AND object_id = '$F'")" 1 "X-AUD ... the refusal audited"
req GET "$INTRANET/feedback/$F" --jar "$SUPGZ"
expect_status 200 "Art. 9(6) the city's supervisor reads it"
expect_no_body 'id="feedback-answer-send"' "R-02.3 ... without the answer form"
post_form "$SUPGZ" "$INTRANET/feedback/$F" "$INTRANET/feedback/$F/answer" --data-urlencode "answer=督导答复"
expect_status 403 "R-02.3 a supervisor cannot answer"
req GET "$INTRANET/feedback/manage" --jar "$FIFS"
expect_status 403 "R-02.3 an FI user has no feedback list"

# --- the operator answers once -------------------------------------------------------------------------
post_form "$OPGZ" "$INTRANET/feedback/$F" "$INTRANET/feedback/$F/answer" --data-urlencode "answer= "
expect_status 400 "Art. 9(6) an empty answer is refused"
expect_body 'id="answer-error">' "X-UI ... told next to it"
post_form "$OPGZ" "$INTRANET/feedback/$F" "$INTRANET/feedback/$F/answer" \
	--data-urlencode "answer=感谢建议，按行业筛选已列入计划。"
expect_status 303 "Art. 9(6) the operator answers"
expect_eq "$(sql "SELECT CONCAT(status, '|', answered_by) FROM feedback WHERE id = $F")" "answered|$(uid_of op-gz)" "Art. 9(6) it is answered by the operator"
expect_eq "$(audit_count "action = 'feedback.answer' AND object_id = '$F' AND detail = 'open -> answered'")" 1 "X-AUD the answer has its audit row"
post_form "$OPGZ" "$INTRANET/feedback/$F" "$INTRANET/feedback/$F/answer" --data-urlencode "answer=第二次答复"
expect_status 409 "Art. 9(6) it is answered once"
req GET "$INTERNET/feedback" --jar "$ENTA"
expect_body '感谢建议，按行业筛选已列入计划。' "Art. 9(6) the sender reads the answer"
expect_body 'class="status-answered">已答复' "Art. 9(6) ... marked answered"

# --- an important-information report: the province's operators only ---------------------------------------
post_form "$FIFS" "$INTRANET/feedback" "$INTRANET/feedback" --data-urlencode "kind=important" \
	--data-urlencode "subject=九一测试重要报告" --data-urlencode "body=发现涉及公共安全的信息，详情如下。"
expect_status 303 "Art. 9(4) a Foshan FI user sends an important-information report"
I=$(fid_of 九一测试重要报告)
expect_eq "$(sql "SELECT CONCAT(region_code, '|', kind, '|', portal) FROM feedback WHERE id = $I")" "440000|important|intranet" "Art. 9(4) it goes to the province at once"
req GET "$INTRANET/feedback/manage" --jar "$OPGD"
expect_body "<span class=\"badge pinned\">重要</span> <a href=\"/feedback/$I\">" "Art. 9(4) the province's operator sees it flagged"
req GET "$INTRANET/feedback/$I" --jar "$OPGD"
expect_status 200 "Art. 9(4) ... and opens it"
expect_body 'id="feedback-flag"' "Art. 9(4) ... flagged on its page"
for who in OPFS SUPGD SUPGZ OPGZ; do
	req GET "$INTRANET/feedback/$I" --jar "${!who}"
	expect_status 404 "Art. 9(4) $who cannot open the report"
	req GET "$INTRANET/feedback/manage" --jar "${!who}"
	expect_no_body '九一测试重要报告' "Art. 9(4) ... nor list it"
done
post_form "$OPGD" "$INTRANET/feedback/$I" "$INTRANET/feedback/$I/answer" --data-urlencode "answer=已收到，正在核实。"
expect_status 303 "Art. 9(4) the province's operator answers it"
req GET "$INTRANET/feedback" --jar "$FIFS"
expect_body '已收到，正在核实。' "Art. 9(4) the reporter reads the answer"

cleanup
done_testing
