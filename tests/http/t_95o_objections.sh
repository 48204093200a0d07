#!/usr/bin/env bash
# t_95o_objections.sh -- an enterprise disputes information about it (issue
# 15, R-08.2e, X-AUD, X-SEC): filing on a current record of its own or on
# its registration facts (kind, what it should say, reason, sniffed
# evidence, the commitment), one open objection per record, the mark
# 有异议 with the filing date at once on the pages that show the record,
# handling by the source agency (accept / refuse as inadmissible within 2
# working days -> checked -> corrected, removed, kept, cannot be
# confirmed), the operators' take-over, the numbered written reply, the
# record's history, the notices, and every refusal of scope as a 404
# (another enterprise, another agency, another city).
#
# Records are put straight into the database (the import is another
# area), for enterprises of this file's own (USCCs 91440100T95…), made
# anew on each run.  Safe to run twice.
. "$(dirname "$0")/lib.sh"

uid_of() { sql "SELECT id FROM users WHERE username = '$1'"; }
eid_of() { sql "SELECT id FROM enterprises WHERE uscc = '$1'"; }
audit_count() { sql "SELECT COUNT(*) FROM audit_log WHERE $1"; }
today=$(TZ=Asia/Shanghai date +%F)
in_days() { TZ=Asia/Shanghai date -d "$today + $1 days" +%F; }

GZ_AGENCY=$(sql "SELECT org_id FROM users WHERE username = 'gov-gz'")
FS_AGENCY=$(sql "SELECT org_id FROM users WHERE username = 'gov-fs'")
GOVGZ_ID=$(uid_of gov-gz)
TAG=$(printf '%06d' $(((RANDOM * 32768 + RANDOM) % 1000000)))
USCC_A=91440100T95A$TAG USCC_B=91440100T95B$TAG
NAME_A="广州市九五异议甲${TAG}有限公司" NAME_B="广州市九五异议乙${TAG}有限公司"
sql "INSERT INTO enterprises (uscc, name, region_code) VALUES
	('$USCC_A', '$NAME_A', '440100'), ('$USCC_B', '$NAME_B', '440100')"
ENT_A=$(eid_of "$USCC_A") ENT_B=$(eid_of "$USCC_B")
EA=t95-a-$TAG EB=t95-b-$TAG
for pair in "$EA:$ENT_A" "$EB:$ENT_B"; do
	sql "INSERT INTO users (username, role, region_code, org_kind, org_id, real_name,
		pw_hash, must_change_pw)
		SELECT '${pair%%:*}', 'enterprise', '440100', 'enterprise', ${pair#*:},
		'九五测试联系人', pw_hash, 0 FROM users WHERE username = 'ent-a'"
done
batch() {
	sql "INSERT INTO credit_batches (agency_id, region_code, category_id, file_name,
		encoding, status, rows_total, rows_new, uploaded_by, confirmed_by, confirmed_at)
		VALUES ($1, '$2', $3, 't95.csv', 'utf-8', 'confirmed', 1, 1, $GOVGZ_ID, $GOVGZ_ID,
		UTC_TIMESTAMP()); SELECT LAST_INSERT_ID()"
}
record() {
	sql "INSERT INTO credit_records (enterprise_id, category_id, agency_id, batch_id,
		decision_date, period_end, content, row_hash)
		VALUES ($1, $2, $3, $4, '$5', $6, '$7', UNHEX(SHA2('$7$RANDOM', 256)));
		SELECT LAST_INSERT_ID()"
}
B_GZ=$(batch "$GZ_AGENCY" 440100 2)
B_FS=$(batch "$FS_AGENCY" 440600 7)
PEN="穗市监罚〔2026〕95${TAG}号"
R1=$(record "$ENT_A" 2 "$GZ_AGENCY" "$B_GZ" 2026-03-01 "'2099-12-31'" \
	"{\"doc_no\":\"$PEN\",\"violation\":\"虚假宣传\",\"penalty_type\":\"罚款\",\"amount\":\"50000.00\",\"content\":\"\",\"authority\":\"广州市市场监督管理局\"}")
R2=$(record "$ENT_A" 7 "$FS_AGENCY" "$B_FS" 2026-04-01 NULL '{"year":"2025","grade":"C"}')
R3=$(record "$ENT_B" 2 "$GZ_AGENCY" "$B_GZ" 2026-02-01 "'2099-12-31'" \
	"{\"doc_no\":\"乙$TAG\",\"violation\":\"x\",\"penalty_type\":\"警告\",\"amount\":\"\",\"content\":\"\",\"authority\":\"x\"}")
R4=$(record "$ENT_A" 2 "$GZ_AGENCY" "$B_GZ" 2026-05-01 "'2099-12-31'" \
	"{\"doc_no\":\"重复$TAG\",\"violation\":\"x\",\"penalty_type\":\"警告\",\"amount\":\"\",\"content\":\"\",\"authority\":\"x\"}")
# the enterprise's self-view, granted (another area's steps: t_71)
sql "INSERT INTO credit_self_requests (enterprise_id, region_code, user_id, reason, status,
	decided_at, valid_until) VALUES ($ENT_A, '440100', $(uid_of "$EA"), 't95', 'granted',
	UTC_TIMESTAMP(), UTC_TIMESTAMP() + INTERVAL 1 DAY)"

for u in gov-gz gov-fs op-gz; do
	login "$INTRANET" "$u"
	[ "$STATUS" = 303 ] || not_ok "$u signs in" "status $STATUS"
done
GOVGZ=$(jar_of gov-gz) GOVFS=$(jar_of gov-fs) OPGZ=$(jar_of op-gz)
FS_OP=t95-fs-$$
otp=$("$DUIJIE_BUILD/duijie-admin" --config "$DUIJIE_CONF" create-operator "$FS_OP" \
	--name 测试员 --contact 0757-12345678 --region 440600 | sed -n 's/^one-time password.*: //p')
sql "UPDATE users SET must_change_pw = 0 WHERE username = '$FS_OP'"
login "$INTRANET" "$FS_OP" "$otp"
expect_status 303 "R-02.2 (set up) a Foshan operator signs in"
OPFS=$(jar_of "$FS_OP")
for u in "$EA" "$EB"; do
	login "$INTERNET" "$u"
	[ "$STATUS" = 303 ] || not_ok "$u signs in" "status $STATUS"
done
JA=$(jar_of "$EA") JB=$(jar_of "$EB")

PDF=$T_TMP/zhengming.pdf HTML=$T_TMP/fake.pdf
printf '%%PDF-1.4\n%% 九五测试 缴款凭证\n1 0 obj <<>> endobj\n%%%%EOF\n' >"$PDF"
printf '<html><script>alert(1)</script></html>\n' >"$HTML"

# file JAR QUERY [curl -F args...]: the filing page for the token, then the
# multipart POST; OBJ is the new objection's id on a 303
file() {
	local jar=$1 q=$2 tok
	shift 2
	req GET "$INTERNET/objections/new?$q" --jar "$jar"
	tok=$(csrf_from_body)
	req POST "$INTERNET/objections/new" --jar "$jar" -H "Origin: $INTERNET" \
		--form-string "csrf_token=$tok" "$@"
	OBJ=$(header Location | sed -n 's|^/objections/\([0-9]*\).*|\1|p')
}
# step JAR ID ACTION [curl args...]: a step with the row's version
step() {
	local jar=$1 id=$2 act=$3
	shift 3
	post_form "$jar" "$INTRANET/objections/$id" "$INTRANET/objections/$id/step" \
		--data-urlencode "action=$act" \
		--data-urlencode "version=$(sql "SELECT version FROM objections WHERE id = $id")" "$@"
}
# opened JAR: gov/operator opening of enterprise A's records (duty)
opened() {
	post_form "$1" "$INTRANET/credit/$ENT_A" "$INTRANET/credit/$ENT_A" \
		--data-urlencode "purpose=duty"
}

# --- the way in: the report's links and the list ---------------------------------------------------
req GET "$INTERNET/objections" --jar "$JA"
expect_status 200 "R-08.2e the enterprise has its list of objections"
expect_body 'id="objections-none"' "R-08.2e ... empty so far"
expect_body 'href="/objections" aria-current="page"' "X-UI the menu has 异议"
expect_body 'href="/objections/new\?subject=registration"' "R-08.2e ... and the way to object to its registration facts"
post_form "$JA" "$INTERNET/my-credit" "$INTERNET/my-credit/report"
req GET "$INTERNET/my-credit/report" --jar "$JA"
expect_status 200 "R-08.2e (set up) the enterprise's report"
expect_body "href=\"/objections/new\\?record=$R1\"" "R-08.2e the report has 提出异议 next to each record"
expect_body "id=\"object-$R2\"" "R-08.2e ... every record"
expect_no_body '可向信息提供单位或运行管理机构提出' "R-08.2e the report no longer sends the enterprise offline"
expect_body '点击该信息旁的“提出异议”' "R-08.2e ... it says the real way"

# --- filing ---------------------------------------------------------------------------------------
req GET "$INTERNET/objections/new?record=$R1" --jar "$JA"
expect_status 200 "R-08.2e the filing form from the record"
expect_body "id=\"record-agency\">广州市" "R-08.2e ... naming the record's source agency"
for k in 错误 遗漏 重复 不应公开 超期 与来源不一致; do
	expect_body "<option value=\"[a-z_]+\">$k</option>" "R-08.2e the kind $k"
done
expect_body 'enctype="multipart/form-data"' "R-08.2e the form takes evidence files"
expect_body 'name="commit"' "R-08.2e ... and the commitment"
expect_no_body 'class="error-text"' "R-08.2e ... the form as first shown carries no error"
req GET "$INTERNET/objections/new?record=$R3" --jar "$JA"
expect_status 404 "X-SEC another enterprise's record cannot be disputed (404)"
req GET "$INTERNET/objections/new?record=999999999" --jar "$JA"
expect_status 404 "R-08.2e ... nor a record that does not exist"

file "$JA" "record=$R1" --form-string "record=$R1" --form-string "should_say=罚款金额应为 5000 元 <b>x</b>"
expect_status 400 "R-08.2e a filing without kind, reason and commitment is refused"
expect_body 'id="kind-error"[^>]*>请选择异议类型' "R-08.2e ... kind said next to the field"
expect_body 'id="reason-error"[^>]*>请填写异议理由' "R-08.2e ... the reason"
expect_body 'id="commit-error"[^>]*>请勾选承诺' "R-08.2e ... the commitment"
expect_body '罚款金额应为 5000 元 &lt;b&gt;x&lt;/b&gt;</textarea>' "R-08.2e ... what was typed is kept, escaped"
file "$JA" "record=$R1" --form-string "record=$R1" --form-string kind=wrong \
	--form-string "should_say=罚款金额应为 5000 元" --form-string "reason=决定书写明 5000 元" \
	--form-string commit=1 -F "file=@$HTML;type=application/pdf"
expect_status 400 "X-SEC evidence is sniffed: HTML named .pdf is refused"
expect_body 'id="file-error"[^>]*>附件须为 PDF、JPG 或 PNG' "X-SEC ... said next to the field"
expect_eq "$(sql "SELECT COUNT(*) FROM objections WHERE enterprise_id = $ENT_A")" 0 "R-08.2e refused filings leave nothing"

file "$JA" "record=$R1" --form-string "record=$R1" --form-string kind=wrong \
	--form-string "should_say=罚款金额应为 5000 元" --form-string "reason=决定书写明 5000 元" \
	--form-string commit=1 -F "file=@$PDF;type=application/pdf"
expect_status 303 "R-08.2e the enterprise files an objection with evidence"
expect_header Location "^/objections/[0-9]+\\?done=filed$" "R-08.2e ... and sees it"
O1=$OBJ
expect_eq "$(sql "SELECT CONCAT_WS('|', subject, record_id, agency_id, batch_id, kind, status, handler, committed,
	due_date = '$(in_days 20)') FROM objections WHERE id = $O1")" \
	"record|$R1|$GZ_AGENCY|$B_GZ|wrong|filed|agency|1|1" \
	"R-08.2e the objection names the record, its source agency and batch; due 20 calendar days later"
expect_eq "$(sql "SELECT CONCAT_WS('|', ftype, owner_kind) FROM files WHERE owner_kind = 'objection' AND owner_id = $O1")" \
	"pdf|objection" "R-08.2e the evidence is stored as a file of the objection"
expect_eq "$(audit_count "action = 'objection.file' AND object_id = '$O1'")" 1 "X-AUD the filing is audited"
expect_eq "$(sql "SELECT CONCAT_WS('|', COUNT(*), MAX(i.sms <> 'none')) FROM inbox i JOIN users u ON u.id = i.user_id
	WHERE u.username = 'gov-gz' AND i.kind = 'objection.filed' AND i.link = '/objections/$O1'")" "1|1" \
	"R-08.2e the source agency's users are told at filing, with an SMS"
file "$JA" "record=$R1" --form-string "record=$R1" --form-string kind=duplicate \
	--form-string "should_say=x" --form-string "reason=y" --form-string commit=1
expect_status 409 "R-08.2e one open objection per record"
expect_body 'id="refused"[^>]*>该信息已有一项正在处理的异议' "R-08.2e ... said"

req GET "$INTERNET/objections/$O1?done=filed" --jar "$JA"
expect_status 200 "R-08.2e the enterprise opens its objection"
expect_body 'id="done"' "R-08.2e ... which says it was filed"
expect_body 'id="obj-clock"><span class="obj-left">剩余 ?<span class="days-left">20</span> ?日' "R-08.2e ... with the days left"
expect_body 'id="mark"' "R-08.2e ... the record marked"
expect_body 'href="/objections/[0-9]+/form"' "R-08.2e ... and the printable form"
F1=$(grep -o 'data-file="[0-9]*"' "$RESP_BODY" | head -1 | tr -dc 0-9)
req GET "$INTERNET/objections/$O1/form" --jar "$JA"
expect_body 'id="signature">[^<]*签字' "R-08.2e the printable form has the signature line"
expect_body 'id="commitment">本企业承诺' "R-08.2e ... and the commitment"
req GET "$INTERNET/objections/$O1/files/$F1" --jar "$JA"
expect_status 200 "R-08.2e the enterprise downloads its evidence"
expect_header Content-Type '^application/pdf' "X-SEC ... with the sniffed type"
expect_header Content-Disposition '^attachment' "X-SEC ... as an attachment"

# --- scope: another enterprise, another agency, another city: 404 ---------------------------------
req GET "$INTERNET/objections/$O1" --jar "$JB"
expect_status 404 "X-SEC another enterprise does not see the objection (404)"
expect_eq "$(audit_count "action = 'access.denied' AND object_type = 'objection' AND object_id = '$O1'")" 1 \
	"X-AUD ... audited as access.denied"
req GET "$INTERNET/objections/$O1/files/$F1" --jar "$JB"
expect_status 404 "X-SEC ... nor its evidence"
req GET "$INTERNET/objections" --jar "$JB"
expect_no_body "data-objection=\"$O1\"" "X-SEC ... nor lists it"
req GET "$INTRANET/objections/$O1" --jar "$GOVFS"
expect_status 404 "X-SEC another agency does not see it (404)"
req GET "$INTRANET/objections/$O1/files/$F1" --jar "$GOVFS"
expect_status 404 "X-SEC ... nor its evidence"
req GET "$INTRANET/objections" --jar "$GOVFS"
expect_no_body "data-objection=\"$O1\"" "X-SEC ... nor lists it"
step "$GOVFS" "$O1" accept
expect_status 404 "X-SEC ... nor steps it"
req GET "$INTRANET/objections/$O1" --jar "$OPFS"
expect_status 404 "X-SEC another city's operator does not see it (404)"
req GET "$INTRANET/objections" --jar "$GOVGZ"
expect_body "data-objection=\"$O1\"" "R-08.2e the source agency lists it"
expect_body 'href="/objections" aria-current="page"' "X-UI gov users have the menu link 异议"
req GET "$INTRANET/objections/$O1/files/$F1" --jar "$GOVGZ"
expect_status 200 "R-08.2e ... and reads the evidence"
req GET "$INTRANET/objections" --jar "$OPGZ"
expect_body "data-objection=\"$O1\"" "R-08.2e the region's operators list it"

# --- at once: the mark on the pages that show the record -------------------------------------------
opened "$GOVFS"
expect_status 200 "R-08.2e (gov) another agency opens the enterprise's records"
expect_body "id=\"mark-$R1\">有异议<" "R-08.2e ... and sees 有异议 on the record"
expect_body "异议提出日期：$today" "R-08.2e ... with the filing date"
expect_no_body "id=\"mark-$R2\"" "R-08.2e ... only on the disputed record"
opened "$OPGZ"
expect_body "id=\"mark-$R1\">有异议<" "R-08.2e (operator) the region's operator sees it"
post_form "$JA" "$INTERNET/my-credit" "$INTERNET/my-credit/report"
req GET "$INTERNET/my-credit/report" --jar "$JA"
expect_body "id=\"mark-$R1\">有异议<" "R-08.2e (enterprise) the printed report shows it"
expect_no_body "id=\"object-$R1\"" "R-08.2e ... without a second 提出异议 on it"
expect_no_body 'id="report-issue"' "R-08.2e (the report issued anew: the mark changed what it shows)"

# --- handling ---------------------------------------------------------------------------------------
step "$OPGZ" "$O1" accept
expect_status 403 "R-08.2e while the agency answers, an operator does not step it"
expect_eq "$(audit_count "action = 'objection.accept' AND object_id = '$O1' AND outcome = 'denied'")" 1 \
	"X-AUD ... the refusal is audited"
req GET "$INTRANET/objections/$O1" --jar "$GOVGZ"
expect_body 'id="accept"' "R-08.2e the agency may accept"
expect_body 'id="do-refuse"' "R-08.2e ... or refuse within 2 working days"
step "$GOVGZ" "$O1" accept
expect_status 303 "R-08.2e gov-gz accepts"
expect_eq "$(sql "SELECT CONCAT_WS('|', status, accepted_at IS NOT NULL) FROM objections WHERE id = $O1")" \
	"accepted|1" "R-08.2e ... accepted"
expect_eq "$(audit_count "action = 'objection.accept' AND object_id = '$O1' AND outcome = 'ok'")" 1 "X-AUD ... audited"
expect_eq "$(sql "SELECT CONCAT_WS('|', COUNT(*), MAX(i.sms <> 'none')) FROM inbox i JOIN users u ON u.id = i.user_id
	WHERE u.username = '$EA' AND i.kind = 'objection.accepted'")" "1|1" \
	"R-08.2e the enterprise is told at acceptance, with an SMS"
post_form "$GOVGZ" "$INTRANET/objections/$O1" "$INTRANET/objections/$O1/step" \
	--data-urlencode action=check --data-urlencode version=0 --data-urlencode note=x
expect_status 409 "R-08.2e a stale page's step is refused"
step "$GOVGZ" "$O1" check
expect_status 400 "R-08.2e the check needs its note"
expect_body 'id="note-error"' "R-08.2e ... said next to the field"
step "$GOVGZ" "$O1" check --data-urlencode "note=核对决定书原件，金额录入错误"
expect_status 303 "R-08.2e gov-gz records the check"
req GET "$INTRANET/objections/$O1" --jar "$GOVGZ"
expect_body 'id="correct-values"' "R-08.2e a correction takes the record's new values"
# the page's values, with the amount changed
args=()
while IFS= read -r line; do
	n=$(printf '%s' "$line" | sed 's/^id="\(v[0-9]*\)".*/\1/')
	v=$(printf '%s' "$line" | sed 's/.*value="\([^"]*\)".*/\1/')
	[ "$v" = 50000.00 ] && v=5000.00
	args+=(--data-urlencode "$n=$v")
done < <(grep -o 'id="v[0-9]*" name="v[0-9]*" type="text" value="[^"]*"' "$RESP_BODY")
expect_eq "${#args[@]}" 12 "R-08.2e (set up) the six columns of 行政处罚"
step "$GOVGZ" "$O1" correct "${args[@]}"
expect_status 400 "R-08.2e a correction needs its reasons"
step "$GOVGZ" "$O1" correct "${args[@]}" --data-urlencode "note=金额按决定书更正为 5000 元"
expect_status 303 "R-08.2e gov-gz corrects the record"
expect_eq "$(sql "SELECT JSON_VALUE(content, '$.amount') FROM credit_records WHERE id = $R1")" 5000.00 \
	"R-08.2e the record changes"
expect_eq "$(sql "SELECT CONCAT_WS('|', org_kind, org_id, JSON_VALUE(old_content, '$.amount'), JSON_VALUE(new_content, '$.amount'))
	FROM objection_events WHERE objection_id = $O1 AND action = 'correct'")" \
	"agency|$GZ_AGENCY|50000.00|5000.00" "R-08.2e ... with a history row naming the correction's agency, before and after"
REPLY=$(sql "SELECT reply_no FROM objections WHERE id = $O1")
expect_eq "$(sql "SELECT CONCAT_WS('|', status, corr_agency_id, reply_no REGEXP '^GDYY-[0-9]{8}-[0-9]{8}$') FROM objections WHERE id = $O1")" \
	"corrected|$GZ_AGENCY|1" "R-08.2e ... corrected, with a numbered reply"
expect_eq "$(sql "SELECT COUNT(*) FROM inbox i JOIN users u ON u.id = i.user_id
	WHERE u.username = '$EA' AND i.kind = 'objection.answered' AND i.body LIKE '%$REPLY%'")" 1 \
	"R-08.2e the enterprise is told of the outcome"
expect_eq "$(audit_count "action IN ('objection.check', 'objection.correct') AND object_id = '$O1'")" 2 "X-AUD each step audited"
opened "$GOVFS"
expect_no_body "id=\"mark-$R1\"" "R-08.2e a corrected record has no mark"
expect_body '5000\.00' "R-08.2e ... and shows the new value"
req GET "$INTERNET/objections/$O1" --jar "$JA"
expect_body 'data-status="corrected"' "R-08.2e the enterprise sees the outcome"
expect_body "id=\"reply-link\">$REPLY<" "R-08.2e ... the reply's number"
expect_body 'class="old">50000\.00</td><td class="new">5000\.00' "R-08.2e ... and the record's history, before and after"
for a in file accept check correct; do
	expect_body "data-action=\"$a\"" "R-08.2e the history shows the step $a"
done
req GET "$INTERNET/objections/$O1/reply" --jar "$JA"
expect_status 200 "R-08.2e the written reply"
expect_body "id=\"reply-no\">$REPLY<" "R-08.2e ... numbered"
expect_body 'id="reply-outcome">经核查，信息有误，已予更正' "R-08.2e ... with the outcome"
expect_body '<body class="print">' "R-08.2e ... printable"

# --- refused as inadmissible: within 2 working days only ------------------------------------------
file "$JB" "record=$R3" --form-string "record=$R3" --form-string kind=not_public \
	--form-string "should_say=不应公开" --form-string "reason=警告不公示" --form-string commit=1
O3=$OBJ
step "$GOVGZ" "$O3" refuse
expect_status 400 "R-08.2e a refusal needs its reason"
expect_body 'id="note-error"[^>]*>不予受理须写明理由' "R-08.2e ... said"
sql "UPDATE objections SET accept_by = '$(in_days -1)' WHERE id = $O3"
req GET "$INTRANET/objections/$O3" --jar "$GOVGZ"
expect_no_body 'id="do-refuse"' "R-08.2e after 2 working days the page offers no refusal"
step "$GOVGZ" "$O3" refuse --data-urlencode "note=超过期限"
expect_status 409 "R-08.2e ... and refuses one"
expect_body 'id="refused"[^>]*>已超过 2 个工作日' "R-08.2e ... saying why"
sql "UPDATE objections SET accept_by = '$today' WHERE id = $O3"
step "$GOVGZ" "$O3" refuse --data-urlencode "note=不属于异议受理范围"
expect_status 303 "R-08.2e refused as inadmissible in time, with a reason"
expect_eq "$(sql "SELECT CONCAT_WS('|', status, outcome_note, reply_no IS NOT NULL) FROM objections WHERE id = $O3")" \
	"refused|不属于异议受理范围|1" "R-08.2e ... refused, reason and reply recorded"

# --- taken over by the operators; cannot be confirmed ----------------------------------------------
file "$JA" "record=$R2" --form-string "record=$R2" --form-string kind=inconsistent \
	--form-string "should_say=纳税信用等级应为 B" --form-string "reason=税务系统显示 B" --form-string commit=1
O2=$OBJ
expect_eq "$(sql "SELECT agency_id FROM objections WHERE id = $O2")" "$FS_AGENCY" "R-08.2e the Foshan agency's record goes to it"
req GET "$INTRANET/objections/$O2" --jar "$OPGZ"
expect_body 'id="take-over"' "R-08.2e the region's operator may take over"
step "$OPGZ" "$O2" take_over
expect_status 303 "R-08.2e op-gz takes over an objection the agency does not answer"
expect_eq "$(sql "SELECT CONCAT_WS('|', status, handler) FROM objections WHERE id = $O2")" "filed|office" "R-08.2e ... the office answers now"
step "$GOVFS" "$O2" accept
expect_status 403 "R-08.2e the agency no longer steps it"
step "$OPGZ" "$O2" accept
expect_status 303 "R-08.2e the operator accepts"
step "$OPGZ" "$O2" check --data-urlencode "note=税务部门未回复"
step "$OPGZ" "$O2" unconfirm --data-urlencode "note=无法向来源单位核实"
expect_status 303 "R-08.2e ... and records that it cannot be confirmed"
opened "$GOVGZ"
expect_body "id=\"mark-$R2\">有异议<" "R-08.2e the mark stays when neither can be confirmed"
expect_body '经核查无法确认' "R-08.2e ... with the note"

# --- kept; removed; registration facts -------------------------------------------------------------
file "$JA" "record=$R1" --form-string "record=$R1" --form-string kind=over_term \
	--form-string "should_say=已过公示期" --form-string "reason=应于 2027 年到期" --form-string commit=1
O4=$OBJ
expect_status 303 "R-08.2e a decided objection's record may be disputed again"
step "$GOVGZ" "$O4" accept
step "$GOVGZ" "$O4" check --data-urlencode "note=公示期正确"
step "$GOVGZ" "$O4" keep --data-urlencode "note=公示期限符合规定"
expect_status 303 "R-08.2e kept, with reasons"
opened "$GOVFS"
expect_no_body "id=\"mark-$R1\"" "R-08.2e ... the mark removed"
req GET "$INTERNET/objections/$O4" --jar "$JA"
expect_body "data-objection=\"$O1\"" "R-08.2e the record's history shows the earlier objection too"
file "$JA" "record=$R4" --form-string "record=$R4" --form-string kind=duplicate \
	--form-string "should_say=应删除" --form-string "reason=与另一条重复" --form-string commit=1
O5=$OBJ
step "$GOVGZ" "$O5" accept
step "$GOVGZ" "$O5" check --data-urlencode "note=确属重复"
step "$GOVGZ" "$O5" remove --data-urlencode "note=重复记录删除"
expect_status 303 "R-08.2e removed"
expect_eq "$(sql "SELECT withdrawn FROM credit_records WHERE id = $R4")" 1 "R-08.2e ... the record no longer shown"
opened "$GOVFS"
expect_no_body "data-record=\"$R4\"" "R-08.2e ... on any page"

file "$JA" "subject=registration" --form-string subject=registration --form-string kind=wrong \
	--form-string "should_say=注册地址应为天河路 1 号" --form-string "reason=营业执照" --form-string commit=1
O6=$OBJ
expect_status 303 "R-08.2e an objection on the registration facts"
expect_eq "$(sql "SELECT CONCAT_WS('|', subject, record_id IS NULL, handler) FROM objections WHERE id = $O6")" \
	"registration|1|office" "R-08.2e ... answered by the region's office"
req GET "$INTRANET/objections/$O6" --jar "$GOVGZ"
expect_status 404 "X-SEC ... which no agency sees"
req GET "$INTERNET/profile" --jar "$JA"
expect_body 'id="mark-registration">有异议<' "R-08.2e the registration facts are marked on the enterprise's profile"
expect_body "id=\"registration-objection\">异议提出日期：$today" "R-08.2e ... with the filing date"
req GET "$INTRANET/enterprises/$ENT_A" --jar "$OPGZ"
expect_body 'id="mark-registration">有异议<' "R-08.2e ... and on the operators' page of the enterprise"
req GET "$INTERNET/profile" --jar "$JB"
expect_no_body 'id="mark-registration"' "R-08.2e ... not on another enterprise's"
req GET "$INTERNET/my-credit/viewers" --jar "$JA"
expect_body "class=\"obj-mark\" data-objection=\"$O6\"" "R-08.2e 谁查询了我 shows the marked information"
expect_body "class=\"obj-mark\" data-objection=\"$O2\"" "R-08.2e ... the unconfirmed one too"
expect_no_body "class=\"obj-mark\" data-objection=\"$O1\"" "R-08.2e ... not a corrected one"
req GET "$INTERNET/my-credit" --jar "$JA"
expect_body "class=\"obj-mark\" data-objection=\"$O6\"" "R-08.2e ... and so does the self-view"
file "$JA" "subject=registration" --form-string subject=registration --form-string kind=wrong \
	--form-string "should_say=x" --form-string "reason=y" --form-string commit=1
expect_status 409 "R-08.2e one open objection on the registration facts"
req GET "$INTRANET/objections/$O6" --jar "$OPGZ"
expect_body 'id="accept"' "R-08.2e the operator accepts it"

# --- the clock: overdue on the agency's list ------------------------------------------------------
file "$JB" "record=$R3" --form-string "record=$R3" --form-string kind=wrong \
	--form-string "should_say=x" --form-string "reason=y" --form-string commit=1
O7=$OBJ
sql "UPDATE objections SET due_date = '$(in_days -2)' WHERE id = $O7"
req GET "$INTRANET/objections?status=overdue" --jar "$GOVGZ"
expect_body "data-objection=\"$O7\" class=\"status-filed overdue\"" "R-08.2e an overdue objection on the agency's list"
expect_body 'class="flag-overdue obj-overdue">已超期 ?2 ?日' "R-08.2e ... by how many days"
expect_body 'id="overdue-count"' "R-08.2e ... counted at the top"
expect_no_body "data-objection=\"$O1\"" "R-08.2e ... the filter shows only overdue ones"

# --- the clock: the operators' dashboard, reminders 5 days and 1 day before -----------------------
req GET "$INTRANET/dashboard" --jar "$OPGZ"
expect_status 200 "R-08.2e the operators' dashboard"
n=$(grep -o 'id="objections-overdue-count">[0-9]*' "$RESP_BODY" | tr -dc 0-9)
[ "${n:-0}" -ge 1 ] && ok "R-08.2e ... counts the region's overdue objections ($n)" ||
	not_ok "R-08.2e ... counts the region's overdue objections" "count ${n:-none}"
expect_body 'href="/objections\?status=overdue" id="objections-overdue-count"' "R-08.2e ... linking the list"
ADMIN=("$DUIJIE_BUILD/duijie-admin" --config "$DUIJIE_CONF")
remind() { "${ADMIN[@]}" objections-remind >"$T_TMP/remind.out" 2>&1; }
reminders() { sql "SELECT COUNT(*) FROM inbox i JOIN users u ON u.id = i.user_id WHERE u.username = 'gov-gz'
	AND i.kind = 'objection.remind' AND i.link = '/objections/$1'"; }
file "$JA" "record=$R1" --form-string "record=$R1" --form-string kind=wrong \
	--form-string "should_say=x" --form-string "reason=提醒测试" --form-string commit=1
O8=$OBJ
sql "UPDATE objections SET due_date = '$(in_days 6)' WHERE id = $O8"
remind && ok "R-08.2e duijie-admin objections-remind runs" || not_ok "R-08.2e duijie-admin objections-remind runs" "$(cat "$T_TMP/remind.out")"
expect_eq "$(reminders "$O8")" 0 "R-08.2e no reminder 6 days before"
sql "UPDATE objections SET due_date = '$(in_days 5)' WHERE id = $O8"
remind
expect_eq "$(reminders "$O8"):$(sql "SELECT reminded FROM objections WHERE id = $O8")" "1:1" \
	"R-08.2e the agency is reminded 5 days before"
expect_eq "$(audit_count "action = 'objection.remind' AND object_id = '$O8'")" 1 "X-AUD ... audited"
remind
expect_eq "$(reminders "$O8")" 1 "R-08.2e ... once"
sql "UPDATE objections SET due_date = '$(in_days 1)' WHERE id = $O8"
remind
expect_eq "$(reminders "$O8"):$(sql "SELECT reminded FROM objections WHERE id = $O8")" "2:3" \
	"R-08.2e ... and again 1 day before"
expect_eq "$(sql "SELECT COUNT(*) FROM inbox i JOIN users u ON u.id = i.user_id WHERE u.username = 'gov-gz'
	AND i.kind = 'objection.remind' AND i.link = '/objections/$O8' AND i.sms <> 'none'")" 2 "R-08.2e ... with an SMS"
req GET "$INTRANET/objections/$O8" --jar "$GOVGZ"
expect_body 'data-action="remind"' "R-08.2e the reminders are in the history"
expect_body 'class="days-left">1<' "R-08.2e ... and the page shows 1 day left"
step "$GOVGZ" "$O8" accept
expect_eq "$(sql "SELECT COUNT(*) FROM inbox i JOIN users u ON u.id = i.user_id WHERE u.username = '$EA'
	AND i.kind = 'objection.accepted' AND i.link = '/objections/$O8'")" 1 "R-08.2e (set up) accepted"

done_testing
