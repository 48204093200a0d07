#!/usr/bin/env bash
# t_98_events.sh -- training and events (issue 17 "Training and events",
# R-14.1): an operator drafts an event (messages next to the fields, the
# form kept), publishes it; visitors read it without signing in; users of
# its audience register (of two racing for the last seat one gets it, the
# other waits), get a notice and an SMS, cancel, and the waiting list
# moves up; the operators list the attendees, export them as CSV (BOM,
# formula cells inert) and mark attendance once it started; another
# city's operator neither sees the draft nor changes it (R-02.2, X-AUD,
# X-SEC, X-UI).
#
# Creates events titled 九八测试* and removes them at the start and the
# end, so the file runs again on the same stack.
. "$(dirname "$0")/lib.sh"

uid_of() { sql "SELECT id FROM users WHERE username = '$1'"; }
eid_of() { sql "SELECT id FROM events WHERE title = '$1'"; }
audit_count() { sql "SELECT COUNT(*) FROM audit_log WHERE $1"; }
reg_of() { sql "SELECT COALESCE((SELECT status FROM event_registrations WHERE event_id = $1 AND user_id = $(uid_of "$2")), 'none')"; }
cleanup() {
	sql "DELETE g FROM event_registrations g JOIN events e ON e.id = g.event_id WHERE e.title LIKE '九八测试%'"
	sql "DELETE FROM events WHERE title LIKE '九八测试%'"
}
cleanup
# Beijing times an hour, a day and two days from now
bj() { date -u -d "@$(( $(date +%s) + 8 * 3600 + $1 ))" '+%Y-%m-%d %H:%M'; }
START=$(bj 172800) END=$(bj 180000) DEADLINE=$(bj 86400)

login "$INTERNET" ent-a; ENTA=$(jar_of ent-a)
login "$INTERNET" ent-b; ENTB=$(jar_of ent-b)
login "$INTRANET" op-gz; OPGZ=$(jar_of op-gz)
login "$INTRANET" sup-gz; SUPGZ=$(jar_of sup-gz)
login "$INTRANET" fi-gz; FIGZ=$(jar_of fi-gz)
login "$INTRANET" gov-gz; GOVGZ=$(jar_of gov-gz)
FS_OP=t98-fs-$$
otp=$("$DUIJIE_BUILD/duijie-admin" --config "$DUIJIE_CONF" create-operator "$FS_OP" \
	--name 测试员 --contact 0757-12345678 --region 440600 | sed -n 's/^one-time password.*: //p')
sql "UPDATE users SET must_change_pw = 0 WHERE username = '$FS_OP'"
login "$INTRANET" "$FS_OP" "$otp"; OPFS=$(jar_of "$FS_OP")

# --- an operator drafts an event -----------------------------------------------------------------
req GET "$INTRANET/events/new" --jar "$OPGZ"
expect_status 200 "R-14.1 an operator opens the new event form"
post_form "$OPGZ" "$INTRANET/events/new" "$INTRANET/events/new" \
	--data-urlencode "kind=training" --data-urlencode "title=九八测试<i>培训</i>" \
	--data-urlencode "body=介绍融资对接平台的使用方法。" --data-urlencode "starts_at=$START" \
	--data-urlencode "ends_at=$END" --data-urlencode "deadline=$END" --data-urlencode "capacity=1" \
	--data-urlencode "online_url=javascript:alert(1)"
expect_status 200 "R-14.1 a bad event is refused"
expect_body 'id="deadline-error">报名截止时间不能晚于开始时间' "X-UI ... a deadline after the start told next to it"
expect_body 'id="online_url-error">' "X-SEC ... a javascript: link refused next to it"
expect_body 'id="aud_enterprise-error">' "X-UI ... no audience told"
expect_body 'value="九八测试&lt;i&gt;培训&lt;/i&gt;"' "X-UI ... the title kept as typed, escaped"
expect_eq "$(sql "SELECT COUNT(*) FROM events WHERE title LIKE '九八测试%'")" 0 "R-14.1 ... and nothing saved"
post_form "$OPGZ" "$INTRANET/events/new" "$INTRANET/events/new" \
	--data-urlencode "kind=training" --data-urlencode "title=九八测试<i>培训</i>" \
	--data-urlencode "body=介绍融资对接平台的使用方法。" --data-urlencode "starts_at=$START" \
	--data-urlencode "ends_at=$END" --data-urlencode "deadline=$DEADLINE" --data-urlencode "capacity=1" \
	--data-urlencode "place=广州市天河区某路 1 号" --data-urlencode "online_url=https://meeting.example.cn/j/98?a=1&b=2" \
	--data-urlencode "aud_enterprise=1" --data-urlencode "aud_fi=1"
expect_status 303 "R-14.1 a good event is saved as a draft"
E=$(eid_of '九八测试<i>培训</i>')
expect_eq "$(sql "SELECT CONCAT(region_code, '|', kind, '|', status, '|', capacity, '|', audience) FROM events WHERE id = $E")" \
	"440100|training|draft|1|enterprise,fi" "R-14.1 ... of the operator's city, with its audience"
expect_eq "$(audit_count "action = 'event.create' AND object_id = '$E'")" 1 "X-AUD the draft has its audit row"
req GET "$INTERNET/events/$E"
expect_status 404 "R-14.1 a draft is not shown to visitors"
req GET "$INTRANET/events/$E" --jar "$OPFS"
expect_status 404 "R-02.2 ... nor to another city's operator"
post_form "$OPFS" "$INTRANET/events" "$INTRANET/events/$E/publish"
expect_status 404 "R-02.2 ... who cannot publish it"
expect_eq "$(audit_count "action = 'access.denied' AND object_type = 'event' AND object_id = '$E' AND detail = 'region scope'")" 2 "X-AUD ... both refusals audited"

post_form "$OPGZ" "$INTRANET/events/$E" "$INTRANET/events/$E/publish"
expect_status 303 "R-14.1 the operator publishes it"
expect_eq "$(sql "SELECT status FROM events WHERE id = $E")" published "R-14.1 ... published"
expect_eq "$(audit_count "action = 'event.publish' AND object_id = '$E'")" 1 "X-AUD ... audited"
post_form "$OPGZ" "$INTRANET/events/$E" "$INTRANET/events/$E/publish"
expect_status 409 "R-14.1 publishing twice is refused"

# --- visitors and the audience ------------------------------------------------------------------
req GET "$INTERNET/events"
expect_status 200 "R-14.1 the events list is public on the internet"
expect_body "href=\"/events/$E\"" "R-14.1 ... listing the event"
expect_escaped '九八测试<i>培训</i>' "X-SEC ... its title escaped"
req GET "$INTERNET/events/$E"
expect_status 200 "R-14.1 a visitor reads the event"
expect_body 'href="https://meeting\.example\.cn/j/98\?a=1&amp;b=2"' "R-14.1 ... with its online link"
expect_body 'id="event-sign-in"' "R-14.1 ... and signs in to register"
req GET "$INTRANET/events/$E" --jar "$GOVGZ"
expect_status 404 "R-14.1 a gov user outside the audience does not see it"
req GET "$INTERNET/" 
expect_body "href=\"/events/$E\"" "R-14.1 the internet's front page shows the upcoming event"

# --- two enterprises race for the one seat -----------------------------------------------------------
tok_a=$(req GET "$INTERNET/events/$E" --jar "$ENTA"; csrf_from_body)
expect_body 'id="event-register"' "R-14.1 an enterprise of the audience has the register button"
tok_b=$(req GET "$INTERNET/events/$E" --jar "$ENTB"; csrf_from_body)
for who in a b; do
	if [ $who = a ]; then jar=$ENTA tok=$tok_a; else jar=$ENTB tok=$tok_b; fi
	curl -sk --max-time 30 -o /dev/null -w '%{http_code}\n' -b "$jar" -c "$jar.race" \
		-H "Origin: $INTERNET" --data-urlencode "csrf_token=$tok" \
		"$INTERNET/events/$E/register" >"$T_TMP/race-$who" &
done
wait
expect_eq "$(cat "$T_TMP/race-a" "$T_TMP/race-b" | sort | uniq -c | awk '{print $1 "x" $2}')" "2x303" \
	"R-14.1 both racing registrations are answered"
expect_eq "$(sql "SELECT GROUP_CONCAT(status ORDER BY status) FROM event_registrations WHERE event_id = $E")" \
	"registered,waiting" "R-14.1 of two racing for the last seat one gets it, the other waits"
if [ "$(reg_of "$E" ent-a)" = registered ]; then FIRST=ent-a FJ=$ENTA SECOND=ent-b SJ=$ENTB
else FIRST=ent-b FJ=$ENTB SECOND=ent-a SJ=$ENTA; fi
expect_eq "$(sql "SELECT COUNT(*) FROM inbox WHERE user_id = $(uid_of $FIRST) AND kind = 'event.registered' AND link = '/events/$E' AND sms IN ('pending','sent','failed')")" 1 \
	"R-14.1 the registrant gets a notice with an SMS"
expect_eq "$(sql "SELECT COUNT(*) FROM inbox WHERE user_id = $(uid_of $SECOND) AND kind = 'event.waiting' AND link = '/events/$E'")" 1 \
	"R-14.1 the one on the waiting list is told so"
expect_eq "$(audit_count "action = 'event.register' AND object_id = '$E'")" 2 "X-AUD both registrations audited"
req GET "$INTERNET/events/$E?done=waiting" --jar "$SJ"
expect_body 'id="reg-state">您的报名状态：<strong class="status-waiting">候补中' "R-14.1 the waiting user sees their place"
expect_body 'id="event-cancel"' "R-14.1 ... and may cancel it"
post_form "$FJ" "$INTERNET/events/$E" "$INTERNET/events/$E/register"
expect_status 409 "R-14.1 registering twice is refused"
expect_body 'id="refused">您已经报名' "X-UI ... with the reason"

post_form "$FIGZ" "$INTRANET/events/$E" "$INTRANET/events/$E/register"
expect_status 303 "R-14.1 an FI user of the audience registers on the intranet"
expect_eq "$(reg_of "$E" fi-gz)" waiting "R-14.1 ... and waits behind the enterprise"
post_form "$GOVGZ" "$INTRANET/events" "$INTRANET/events/$E/register"
expect_status 404 "R-14.1 a gov user outside the audience cannot register"

# --- a cancellation moves the waiting list up ------------------------------------------------------
post_form "$FJ" "$INTERNET/events/$E" "$INTERNET/events/$E/cancel"
expect_status 303 "R-14.1 the registrant cancels"
expect_eq "$(reg_of "$E" $FIRST)|$(reg_of "$E" $SECOND)|$(reg_of "$E" fi-gz)" "cancelled|registered|waiting" \
	"R-14.1 ... the first on the waiting list moves up, the next still waits"
expect_eq "$(sql "SELECT COUNT(*) FROM inbox WHERE user_id = $(uid_of $SECOND) AND kind = 'event.promoted' AND link = '/events/$E' AND sms <> 'none'")" 1 \
	"R-14.1 ... and is told by a notice and an SMS"
expect_eq "$(audit_count "action = 'event.cancel' AND object_id = '$E'")|$(audit_count "action = 'event.promote' AND object_id = '$E'")" "1|1" \
	"X-AUD the cancellation and the move up audited"
post_form "$FJ" "$INTERNET/events/$E" "$INTERNET/events/$E/cancel"
expect_status 409 "R-14.1 nothing left to cancel"
post_form "$FJ" "$INTERNET/events/$E" "$INTERNET/events/$E/register"
expect_status 303 "R-14.1 who cancelled may register again"
expect_eq "$(reg_of "$E" $FIRST)" waiting "R-14.1 ... at the end of the waiting list"
sms_settle

# --- the operators' attendee list ----------------------------------------------------------------
req GET "$INTRANET/events/$E/attendees" --jar "$SUPGZ"
expect_status 200 "R-14.1 the city's supervisor reads the attendee list"
expect_no_body 'name="mark"' "R-14.1 ... without attendance marks before the start"
req GET "$INTRANET/events/$E/attendees" --jar "$FIGZ"
expect_status 403 "R-02.3 an FI user has no attendee list"
req GET "$INTRANET/events/$E/attendees" --jar "$OPFS"
expect_status 403 "R-02.2 another city's operator has no attendee list"
expect_eq "$(audit_count "action = 'access.denied' AND object_type = 'event' AND object_id = '$E' AND detail LIKE 'not its region%'")" 1 "X-AUD ... the refusal audited"
req GET "$INTRANET/events/$E/attendees.csv" --jar "$OPFS"
expect_status 403 "R-02.2 ... nor its export"
post_form "$OPFS" "$INTRANET/events" "$INTRANET/events/$E/withdraw"
expect_status 403 "R-02.2 ... and cannot cancel the event"
ORIG=$(sql "SELECT real_name FROM users WHERE username = '$SECOND'")
sql "UPDATE users SET real_name = '=HYPERLINK(\"x\")' WHERE username = '$SECOND'"
req GET "$INTRANET/events/$E/attendees.csv" --jar "$OPGZ"
sql "UPDATE users SET real_name = '$ORIG' WHERE username = '$SECOND'"
expect_status 200 "R-14.1 the operator exports the attendee list"
expect_header 'Content-Type' 'text/csv' "R-14.1 ... as CSV"
expect_eq "$(head -c 3 "$RESP_BODY" | od -An -tx1 | tr -d ' ')" "efbbbf" "R-14.1 ... UTF-8 with a BOM"
expect_body '^.{0,3}"序号","用户名","姓名","机构","身份","状态"' "R-14.1 ... with its header row, every field quoted (RFC 4180)"
expect_body "\"'=HYPERLINK\(\"\"x\"\"\)\"" "X-SEC ... a formula cell made inert, quotes doubled"
expect_body '"已报名"' "R-14.1 ... the seat holder listed"
expect_eq "$(audit_count "action = 'event.export' AND object_id = '$E'")" 1 "X-AUD the export audited"

REG=$(sql "SELECT id FROM event_registrations WHERE event_id = $E AND user_id = $(uid_of $SECOND)")
WREG=$(sql "SELECT id FROM event_registrations WHERE event_id = $E AND user_id = $(uid_of fi-gz)")
post_form "$OPGZ" "$INTRANET/events/$E/attendees" "$INTRANET/events/$E/attendance" \
	--data-urlencode "reg=$REG" --data-urlencode "mark=attended"
expect_status 409 "R-14.1 attendance is not marked before the start"
sql "UPDATE events SET deadline = UTC_TIMESTAMP() - INTERVAL 2 HOUR, starts_at = UTC_TIMESTAMP() - INTERVAL 1 HOUR WHERE id = $E"
post_form "$OPGZ" "$INTRANET/events/$E/attendees" "$INTRANET/events/$E/attendance" \
	--data-urlencode "reg=$REG" --data-urlencode "mark=attended"
expect_status 303 "R-14.1 the operator marks the attendee present"
expect_eq "$(reg_of "$E" $SECOND)" attended "R-14.1 ... recorded"
expect_eq "$(audit_count "action = 'event.attendance' AND object_id = '$REG'")" 1 "X-AUD ... audited"
post_form "$OPGZ" "$INTRANET/events/$E/attendees" "$INTRANET/events/$E/attendance" \
	--data-urlencode "reg=$WREG" --data-urlencode "mark=attended"
expect_status 409 "R-14.1 a waiting registration is not marked present"
post_form "$SUPGZ" "$INTRANET/events/$E/attendees" "$INTRANET/events/$E/attendance" \
	--data-urlencode "reg=$REG" --data-urlencode "mark=absent"
expect_status 403 "R-02.3 a supervisor does not mark attendance"
post_form "$SJ" "$INTERNET/events/$E" "$INTERNET/events/$E/register"
expect_status 409 "R-14.1 no registration after the deadline"
req GET "$INTRANET/events/$E/attendees" --jar "$OPGZ"
expect_body "id=\"reg-$REG\"" "R-14.1 the list shows the attendee"
expect_body 'status-attended">已出席' "R-14.1 ... marked present"

# --- cancelling the event tells the registrants --------------------------------------------------
post_form "$OPGZ" "$INTRANET/events/$E" "$INTRANET/events/$E/withdraw"
expect_status 303 "R-14.1 the operator cancels the event"
expect_eq "$(sql "SELECT COUNT(*) FROM inbox WHERE kind = 'event.cancelled' AND link = '/events/$E'")" 2 \
	"R-14.1 ... the two still registered or waiting told"
req GET "$INTRANET/events/manage" --jar "$OPGZ"
expect_status 200 "R-14.1 the operator's event list"
expect_body "href=\"/events/$E/attendees\"" "R-14.1 ... links the attendee list"
req GET "$INTRANET/events/manage" --jar "$FIGZ"
expect_status 403 "R-02.3 an FI user has no event management"
sms_settle
cleanup
done_testing
