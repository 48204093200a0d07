#!/usr/bin/env bash
# t_93_loan_messages.sh -- questions and answers on a loan application
# (issue 14 "Questions and answers", R-08.2d, X-AUD, X-SEC): the FI
# handling an application and the enterprise post on its thread, with
# PDF/JPG/PNG attachments sniffed by content and capped at 10 MB; each
# post is audited and tells the other side (the enterprise: a notice and an
# SMS; the FI: its officer, or its users while none is assigned); an FI
# that has not taken an open application cannot post; another FI, another
# enterprise and a Foshan bank get 404 for the thread and the files; the
# region's operator reads both; a released application's next bank never
# sees the first bank's conversation; a closed application is read only.
#
# Creates applications whose purpose starts with 九三测试 and removes them
# (with their messages, files' rows, notices and timeline) at the start,
# so the file runs again on the same stack.
. "$(dirname "$0")/lib.sh"

cleanup() {
	local ids mids
	ids=$(sql "SELECT GROUP_CONCAT(id) FROM loans WHERE purpose LIKE '九三测试%'")
	[ "$ids" = NULL ] || [ -z "$ids" ] && return 0
	mids=$(sql "SELECT GROUP_CONCAT(id) FROM loan_messages WHERE loan_id IN ($ids)")
	if [ "$mids" != NULL ] && [ -n "$mids" ]; then
		sql "DELETE FROM files WHERE owner_kind = 'loan_message' AND owner_id IN ($mids)"
		sql "DELETE FROM loan_messages WHERE id IN ($mids)"
	fi
	for id in ${ids//,/ }; do
		sql "DELETE FROM inbox WHERE link = '/loans/$id'"
	done
	sql "DELETE FROM credit_queries WHERE purpose = 'loan' AND purpose_text IN
		(SELECT CONCAT('XD', LPAD(id, 8, '0')) FROM loans WHERE id IN ($ids))"
	sql "DELETE FROM loan_events WHERE loan_id IN ($ids)"
	sql "DELETE FROM loans WHERE id IN ($ids)"
}
cleanup
fi_of() { sql "SELECT id FROM fis WHERE name = '$1'"; }
audit_count() { sql "SELECT COUNT(*) FROM audit_log WHERE $1"; }
msg_count() { sql "SELECT COUNT(*) FROM loan_messages WHERE loan_id = $1"; }
notes() { # USER KIND LOAN: that user's notices of KIND linking the application
	sql "SELECT COUNT(*) FROM inbox i JOIN users u ON u.id = i.user_id
		WHERE u.username = '$1' AND i.kind = '$2' AND i.link = '/loans/$3'"
}

ICBC=$(fi_of 中国工商银行广州分行)
PRODUCT=$(sql "SELECT id FROM products WHERE name = '经营快贷'")
login "$INTERNET" ent-a; ENTA=$(jar_of ent-a)
login "$INTERNET" ent-b; ENTB=$(jar_of ent-b)
login "$INTRANET" fi-gz; GZ=$(jar_of fi-gz)
login "$INTRANET" fi-gz-mgr; MGR=$(jar_of fi-gz-mgr)
login "$INTRANET" fi-gz2; GZ2=$(jar_of fi-gz2)
login "$INTRANET" fi-fs; FS=$(jar_of fi-fs)
login "$INTRANET" op-gz; OPGZ=$(jar_of op-gz)

# apply PURPOSE [PRODUCT]: ent-a publishes an application (200 万元, 12
# months, with its consent); $LOAN its id
apply() {
	post_form "$ENTA" "$INTERNET/loans/new" "$INTERNET/loans/new" \
		--data-urlencode amount_wan=200 --data-urlencode term_months=12 \
		--data-urlencode "purpose=$1" --data-urlencode "product_id=${2:-}" \
		--data-urlencode consent=1 --data-urlencode disclaimer=1 --data-urlencode publish=1
	LOAN=$(header Location | sed -n 's|^/loans/\([0-9]*\).*|\1|p')
}
# post_msg JAR BASE LOAN BODY [curl -F args...]: the list's page for the
# session's token (a reader outside the scope has no page of the
# application), then the multipart POST of a message
post_msg() {
	local jar=$1 base=$2 id=$3 body=$4 tok
	shift 4
	req GET "$base/loans" --jar "$jar"
	tok=$(csrf_from_body)
	req POST "$base/loans/$id/messages" --jar "$jar" -H "Origin: $base" \
		--form-string "csrf_token=$tok" --form-string "body=$body" "$@"
}
# the first attachment link of the last page
file_id() { grep -o 'data-file="[0-9]*"' "$RESP_BODY" | sed -n "${1:-1}p" | tr -dc 0-9; }
# take JAR LOAN: an FI takes the application up
take() {
	post_form "$1" "$INTRANET/loans/$2" "$INTRANET/loans/$2/take" \
		--data-urlencode "version=$(sql "SELECT version FROM loans WHERE id = $2")"
}

# the attachments: real PDF and PNG heads, HTML named .pdf, one over 10 MiB
PDF=$T_TMP/liushui.pdf PNG=$T_TMP/zhizhao.png HTML=$T_TMP/fake.pdf BIG=$T_TMP/big.pdf
printf '%%PDF-1.4\n%% 九三测试 银行流水\n1 0 obj <<>> endobj\n%%%%EOF\n' >"$PDF"
printf '\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\1\0\0\0\1\10\6\0\0\0' >"$PNG"
printf '<html><script>alert(1)</script></html>\n' >"$HTML"
{ printf '%%PDF-1.4\n'; head -c $((10 * 1024 * 1024)) /dev/zero; } >"$BIG"

# --- addressed to a product: the FI asks before taking it up ---------------------------------
apply "九三测试 经营快贷 留言" "$PRODUCT"
expect_status 303 "R-08.2a ent-a applies for ICBC's product"
A=$LOAN
NUM=$(printf 'XD%08d' "$A")
req GET "$INTRANET/loans/$A" --jar "$GZ"
expect_body 'id="thread"' "R-08.2d the application page has the thread"
expect_body 'id="thread-none"' "R-08.2d ... empty so far"
expect_body 'id="message-form"' "R-08.2d the FI it is addressed to may ask before taking it up"
expect_body 'enctype="multipart/form-data"' "R-08.2d ... a form that takes attachments"
post_msg "$GZ" "$INTRANET" "$A" "请提供近三个月的银行流水 <b>粗</b>" -F "file=@$PDF;type=application/pdf"
expect_status 303 "R-08.2d the FI posts a question with a PDF"
expect_header Location "^/loans/$A\\?done=message" "R-08.2d ... back to the application"
expect_eq "$(msg_count "$A")" 1 "R-08.2d ... one message stored"
expect_eq "$(sql "SELECT CONCAT(org_kind, ' ', org_id, ' ', fi_id) FROM loan_messages WHERE loan_id = $A")" "fi $ICBC $ICBC" \
	"R-08.2d ... by the FI, in its conversation"
expect_eq "$(sql "SELECT COUNT(*) FROM files f JOIN loan_messages m ON m.id = f.owner_id
	WHERE f.owner_kind = 'loan_message' AND m.loan_id = $A AND f.ftype = 'pdf' AND f.filename = 'liushui.pdf'")" 1 \
	"X-SEC ... the attachment recorded as a PDF by its content"
SNAME=$(sql "SELECT f.storage_name FROM files f JOIN loan_messages m ON m.id = f.owner_id
	WHERE f.owner_kind = 'loan_message' AND m.loan_id = $A")
if [ -f "$DUIJIE_STATE/files/$SNAME" ] && cmp -s "$PDF" "$DUIJIE_STATE/files/$SNAME"; then
	ok "X-SEC ... stored outside the web root under a random name"
else
	not_ok "X-SEC ... stored outside the web root under a random name" "$SNAME"
fi
expect_eq "$(audit_count "action = 'loan.message' AND object_type = 'loan' AND object_id = '$A'
	AND detail LIKE '$NUM message % from fi $ICBC: % 1 files'")" 1 "X-AUD the question is audited with the application"
expect_eq "$(notes ent-a loan.question "$A")" 1 "R-08.2d the enterprise gets an in-site notice of the question"
for i in $(seq 1 100); do
	[ "$(sql "SELECT COUNT(*) FROM inbox i JOIN users u ON u.id = i.user_id WHERE u.username = 'ent-a'
		AND i.kind = 'loan.question' AND i.link = '/loans/$A' AND i.sms = 'pending'")" = 0 ] && break
	sleep 0.2
done
expect_eq "$(sql "SELECT i.sms FROM inbox i JOIN users u ON u.id = i.user_id WHERE u.username = 'ent-a'
	AND i.kind = 'loan.question' AND i.link = '/loans/$A'")" sent "R-08.2d ... and an SMS of it, sent"
if grep -q '金融机构就您的信贷申请留言' "$DUIJIE_STATE/sms-outbox.log"; then ok "R-08.2d ... whose text names the question"
else not_ok "R-08.2d ... whose text names the question" "$(tail -n 3 "$DUIJIE_STATE/sms-outbox.log")"; fi

req GET "$INTERNET/loans/$A" --jar "$ENTA"
expect_body 'class="message from-fi"' "R-08.2d the enterprise sees the question in the thread"
expect_body 'class="message-org">中国工商银行广州分行<' "R-08.2d ... with the bank's name"
expect_body 'class="message-user">[^<]+<' "R-08.2d ... the author"
expect_body 'class="muted message-at">20[0-9-]+ [0-9:]+' "R-08.2d ... and the time"
expect_escaped '请提供近三个月的银行流水 <b>粗</b>' "X-SEC the message is shown escaped"
expect_body ">liushui.pdf</a>" "R-08.2d ... with its attachment as a link"
expect_body 'id="message-form"' "R-08.2d the enterprise may answer"
FA=$(file_id)
req GET "$INTERNET/loans/$A/files/$FA" --jar "$ENTA"
expect_status 200 "R-08.2d the enterprise downloads the attachment"
expect_header Content-Type '^application/pdf' "X-SEC ... typed by its content"
expect_header Content-Disposition '^attachment; filename="file-[0-9]+\.pdf"' "X-SEC ... as a download"
expect_header X-Content-Type-Options nosniff "X-SEC ... never sniffed by the browser"
if cmp -s "$PDF" "$RESP_BODY"; then ok "R-08.2d ... the bytes as uploaded"; else not_ok "R-08.2d ... the bytes as uploaded"; fi
N=$(sql "SELECT COUNT(*) FROM audit_log WHERE action = 'file.download' AND object_type = 'file' AND object_id = '$FA' AND outcome = 'ok' AND detail = 'loan_message'")
if [ "$N" = 1 ]; then ok "X-AUD the download is audited, naming the file"; else not_ok "X-AUD the download is audited, naming the file (rows: $N)"; fi

# --- bad input: next to the field, the text kept, nothing written -------------------------------
post_msg "$ENTA" "$INTERNET" "$A" "   "
expect_status 400 "R-08.2d an empty message is refused"
expect_body 'id="body-error">请填写留言内容' "X-UI ... told next to the field"
LONG=$(printf '长%.0s' $(seq 1 2001))
post_msg "$ENTA" "$INTERNET" "$A" "$LONG"
expect_status 400 "R-08.2d a message over 2000 characters is refused"
expect_body 'id="body-error">留言不能超过 2000 字' "X-UI ... told next to the field"
expect_body ">$LONG</textarea>" "X-UI ... the text kept as typed"
post_msg "$ENTA" "$INTERNET" "$A" "九三 附件是网页" -F "file=@$HTML;type=application/pdf"
expect_status 400 "X-SEC an HTML file named .pdf is refused"
expect_body 'id="file-error">附件须为 PDF、JPG 或 PNG 文件' "X-UI ... told next to the file field"
expect_body '>九三 附件是网页</textarea>' "X-UI ... the text kept"
post_msg "$ENTA" "$INTERNET" "$A" "九三 附件太大" -F "file2=@$BIG;type=application/pdf"
expect_status 400 "R-08.2d an attachment over 10 MB is refused"
expect_body 'id="file2-error">附件不能超过 10 MB' "X-UI ... told next to its field"
expect_body '>九三 附件太大</textarea>' "X-UI ... the text kept"
expect_eq "$(msg_count "$A")" 1 "R-08.2d ... none of them written"
expect_eq "$(sql "SELECT COUNT(*) FROM files WHERE created_at > UTC_TIMESTAMP() - INTERVAL 10 MINUTE
	AND filename IN ('fake.pdf', 'big.pdf')")" 0 "X-SEC ... nor their files recorded"

# --- the answer: the FI's users while nobody is assigned, then its officer --------------------
post_msg "$ENTA" "$INTERNET" "$A" "已附营业执照，流水明日补充。" -F "file=@$PNG;type=image/png" \
	-F "file3=@$PDF;type=application/pdf"
expect_status 303 "R-08.2d the enterprise answers with a PNG and a PDF"
expect_eq "$(msg_count "$A")" 2 "R-08.2d ... stored"
expect_eq "$(audit_count "action = 'loan.message' AND object_id = '$A' AND detail LIKE '% from enterprise %: % 2 files'")" 1 \
	"X-AUD ... audited"
expect_eq "$(notes fi-gz loan.answer "$A")$(notes fi-gz-mgr loan.answer "$A")" 11 \
	"R-08.2d not yet taken up: each user of the FI gets a notice of the answer"
req GET "$INTRANET/loans/$A" --jar "$GZ"
expect_body 'class="message from-enterprise"' "R-08.2d the FI sees the answer"
expect_body ">zhizhao.png</a>" "R-08.2d ... with its attachments"
FB=$(grep -o 'data-file="[0-9]*">zhizhao.png' "$RESP_BODY" | tr -dc 0-9)
req GET "$INTRANET/loans/$A/files/$FB" --jar "$GZ"
expect_status 200 "R-08.2d the FI downloads the enterprise's PNG"
expect_header Content-Type '^image/png' "X-SEC ... typed by its content"
take "$GZ" "$A"
expect_status 303 "R-08.2b fi-gz takes it up (its officer now)"
post_msg "$ENTA" "$INTERNET" "$A" "流水已上传。" -F "file=@$PDF;type=application/pdf"
expect_status 303 "R-08.2d the enterprise answers again"
expect_eq "$(notes fi-gz loan.answer "$A")$(notes fi-gz-mgr loan.answer "$A")" 21 \
	"R-08.2d ... now only the officer handling it gets the notice"
req GET "$INTRANET/inbox" --jar "$GZ"
expect_body '企业回复了信贷申请的留言' "R-08.2d ... in its 消息 list"

# --- nobody else: another bank, another enterprise, a Foshan bank ------------------------------
for who in GZ2:fi-gz2 FS:fi-fs; do
	jar=${who%%:*}; name=${who#*:}
	req GET "$INTRANET/loans/$A" --jar "${!jar}"
	expect_status 404 "R-02.2 $name gets 404 for the application and its thread"
	req GET "$INTRANET/loans/$A/files/$FA" --jar "${!jar}"
	expect_status 404 "R-08.2d $name gets 404 for its attachment"
	post_msg "${!jar}" "$INTRANET" "$A" "九三 越权"
	expect_status 404 "R-08.2d $name cannot post on it"
done
req GET "$INTERNET/loans/$A/files/$FA" --jar "$ENTB"
expect_status 404 "R-08.2d another enterprise gets 404 for the attachment"
expect_eq "$(audit_count "action = 'access.denied' AND object_type = 'loan' AND object_id = '$A'")" 7 \
	"X-AUD each refusal audited as denied"
req GET "$INTRANET/loans/$A/files/$((FA + 100000))" --jar "$GZ"
expect_status 404 "R-08.2d no such file: 404"
req GET "$INTRANET/loans/$A" --jar "$OPGZ"
expect_status 200 "R-08.2d the region's operator reads the application"
expect_body 'class="message from-fi"' "R-08.2d ... the thread"
expect_body 'class="message from-enterprise"' "R-08.2d ... both sides"
expect_no_body 'id="message-form"' "R-08.2d ... but may not post"
req GET "$INTRANET/loans/$A/files/$FA" --jar "$OPGZ"
expect_status 200 "R-08.2d ... and downloads the attachments"
expect_eq "$(msg_count "$A")" 3 "R-08.2d nothing written by the others"

# --- an open application: no FI may post before it takes it up --------------------------------
apply "九三测试 开放 留言"
B=$LOAN
req GET "$INTERNET/loans/$B" --jar "$ENTA"
expect_no_body 'id="message-form"' "R-08.2d open and not taken up: the enterprise has nobody to write to"
expect_body 'id="thread-closed"' "R-08.2d ... and is told so"
post_msg "$ENTA" "$INTERNET" "$B" "九三 没有受理机构"
expect_status 409 "R-08.2d ... a post is refused"
expect_body '本申请目前不能留言' "R-08.2d ... with the reason"
req GET "$INTRANET/loans/$B" --jar "$GZ2"
expect_status 200 "R-08.2b another Guangzhou bank sees the open application"
expect_no_body 'id="message-form"' "R-08.2d ... without a message form"
post_msg "$GZ2" "$INTRANET" "$B" "九三 未受理就提问"
expect_status 403 "R-08.2d an FI that has not taken an open application cannot post"
expect_eq "$(audit_count "action = 'access.denied' AND object_id = '$B' AND detail LIKE 'loan message%'")" 1 \
	"X-AUD ... the refusal audited"
take "$GZ2" "$B"
expect_status 303 "R-08.2b fi-gz2 takes it up"
post_msg "$GZ2" "$INTRANET" "$B" "九三 请说明用途" -F "file=@$PDF;type=application/pdf"
expect_status 303 "R-08.2d ... and asks"
expect_eq "$(notes ent-a loan.question "$B")" 1 "R-08.2d the enterprise is told"
req GET "$INTERNET/loans/$B" --jar "$ENTA"
FG=$(file_id)
req GET "$INTRANET/loans/$B" --jar "$GZ"
expect_status 404 "R-02.2 the other bank no longer sees it"
post_form "$GZ2" "$INTRANET/loans/$B" "$INTRANET/loans/$B/release" --data-urlencode "reason=九三 不在服务范围"
expect_status 303 "R-08.2b fi-gz2 releases it"
take "$GZ" "$B"
expect_status 303 "R-08.2b fi-gz takes it up next"
req GET "$INTRANET/loans/$B" --jar "$GZ"
expect_no_body '九三 请说明用途' "R-08.2d the next bank never sees the first bank's conversation"
expect_body 'id="thread-none"' "R-08.2d ... its own thread starts empty"
req GET "$INTRANET/loans/$B/files/$FG" --jar "$GZ"
expect_status 404 "R-08.2d ... nor its attachment"
req GET "$INTRANET/loans/$B/files/$FG" --jar "$GZ2"
expect_status 404 "R-08.2d the bank that released it no longer reads its own"
req GET "$INTERNET/loans/$B" --jar "$ENTA"
expect_body '九三 请说明用途' "R-08.2d the enterprise keeps the whole history"
req GET "$INTERNET/loans/$B/files/$FG" --jar "$ENTA"
expect_status 200 "R-08.2d ... and its files"

# --- closed: read only ------------------------------------------------------------------------
post_form "$GZ" "$INTRANET/loans/$A" "$INTRANET/loans/$A/decide" --data-urlencode outcome=declined \
	--data-urlencode reason_kind=materials --data-urlencode "reason=九三 材料不全"
expect_status 303 "R-08.2b fi-gz declines A"
req GET "$INTERNET/loans/$A" --jar "$ENTA"
expect_no_body 'id="message-form"' "R-08.2d a closed application takes no message"
expect_body 'id="thread-closed"' "R-08.2d ... the thread read only"
expect_body '流水已上传。' "R-08.2d ... still shown"
post_msg "$ENTA" "$INTERNET" "$A" "九三 结束后留言"
expect_status 409 "R-08.2d ... a post is refused"
post_msg "$GZ" "$INTRANET" "$A" "九三 结束后留言"
expect_status 409 "R-08.2d ... for the FI too"
expect_eq "$(msg_count "$A")" 3 "R-08.2d ... nothing written"

done_testing
