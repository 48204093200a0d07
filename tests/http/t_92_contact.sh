#!/usr/bin/env bash
# t_92_contact.sh -- an enterprise user sees and changes its contact person
# and mobile, the new number checked by an SMS code and the change confirmed
# by the current password (issue 18; R-06.2, R-11.1, X-AUD).  Uses ent-b and
# puts its contact back at the end.
. "$(dirname "$0")/lib.sh"

OUTBOX=$DUIJIE_STATE/sms-outbox.log
last_code() { sms_settle; grep " $1 " "$OUTBOX" 2>/dev/null | tail -n 1 | grep -o '验证码为 [0-9]\{6\}' | grep -o '[0-9]\{6\}'; }
audit_count() { sql "SELECT COUNT(*) FROM audit_log WHERE $1"; }
ENTB_ID=$(sql "SELECT id FROM users WHERE username = 'ent-b'")
NEW=139$(printf '%08d' $((RANDOM * 3 + 20000000)))
OLD=13800138002

REQ_CLIENT=127.0.0.92
login "$INTERNET" ent-b
ENTB=$(jar_of ent-b)

req GET "$INTERNET/account" --jar "$ENTB"
expect_body 'id="acct-contact">138\*\*\*\*8002 <a href="/account/contact" id="contact-change">' \
	"issue 18 the enterprise sees its mobile (masked) and a link to change it"
expect_body '<dt>联系人</dt><dd id="acct-real-name">郑浩<' "issue 18 ... and its contact person"
req GET "$INTERNET/account/contact" --jar "$ENTB"
expect_status 200 "issue 18 the change form opens"
expect_body 'value="郑浩"' "issue 18 ... with the contact person filled in"
expect_body 'id="contact-current">当前手机号码：138\*\*\*\*8002' "issue 18 ... and the current mobile, masked"

# a bad number: the message next to the field, the name kept
post_form "$ENTB" "$INTERNET/account/contact" "$INTERNET/account/contact/sms" \
	--data-urlencode real_name=郑浩新 --data-urlencode mobile=12345
expect_status 200 "X-UI a bad mobile is refused"
expect_body 'id="mobile-error"' "X-UI ... with a message next to the field"
expect_body 'value="郑浩新"' "X-UI ... and the name as typed"

# the code goes to the new number
post_form "$ENTB" "$INTERNET/account/contact" "$INTERNET/account/contact/sms" \
	--data-urlencode real_name=郑浩新 --data-urlencode mobile=$NEW
expect_status 200 "R-06.2 a code is sent to the new mobile"
expect_body 'id="sms-sent"' "R-06.2 ... which the page says"
expect_body "value=\"$NEW\"" "X-UI ... keeping the number typed"
CODE=$(last_code "$NEW")
expect_eq "${#CODE}" 6 "R-06.2 ... the new number got a 6-digit code"
expect_eq "$(sql "SELECT COUNT(*) FROM sms_codes WHERE purpose = 'contact' AND created_at > UTC_TIMESTAMP() - INTERVAL 5 MINUTE")" 1 \
	"R-06.2 ... a code of its own purpose"

# a wrong password: refused, audited, the code kept for the next try
post_form "$ENTB" "$INTERNET/account/contact" "$INTERNET/account/contact" \
	--data-urlencode real_name=郑浩新 --data-urlencode mobile=$NEW \
	--data-urlencode sms_code=$CODE --data-urlencode password=Wrong-Pass-2026
expect_status 200 "R-11.1 a wrong current password is refused"
expect_body 'id="password-error"' "R-11.1 ... next to the password"
expect_no_body 'value="Wrong-Pass-2026"' "X-SEC ... which the form does not keep"
expect_eq "$(audit_count "action = 'account.contact' AND outcome = 'failed' AND object_id = '$ENTB_ID'")" 1 "X-AUD ... audited"

# a wrong code
post_form "$ENTB" "$INTERNET/account/contact" "$INTERNET/account/contact" \
	--data-urlencode real_name=郑浩新 --data-urlencode mobile=$NEW \
	--data-urlencode sms_code=000000 --data-urlencode password="$DEMO_PW"
expect_status 200 "R-06.2 a wrong code is refused"
expect_body 'id="sms_code-error"' "R-06.2 ... next to the code"
expect_eq "$(sql "SELECT real_name FROM users WHERE id = $ENTB_ID")" 郑浩 "R-06.2 ... nothing changed"

# the right code and password
post_form "$ENTB" "$INTERNET/account/contact" "$INTERNET/account/contact" \
	--data-urlencode real_name=郑浩新 --data-urlencode mobile=$NEW \
	--data-urlencode sms_code=$CODE --data-urlencode password="$DEMO_PW"
expect_status 303 "issue 18 the contact person and mobile change"
expect_header Location '/account\?contact=1$' "issue 18 ... back to the account"
expect_eq "$(sql "SELECT real_name FROM users WHERE id = $ENTB_ID")" 郑浩新 "issue 18 ... the contact person stored"
expect_eq "$(audit_count "action = 'account.contact' AND outcome = 'ok' AND object_id = '$ENTB_ID'")" 1 "X-AUD ... audited"
expect_eq "$(sql "SELECT COUNT(*) FROM users WHERE id = $ENTB_ID AND mobile_enc NOT LIKE '%$NEW%'")" 1 \
	"X-SEC ... the mobile sealed, not in plain text"
req GET "$INTERNET/account?contact=1" --jar "$ENTB"
expect_body 'id="contact-changed"' "issue 18 ... the change confirmed"
expect_body "id=\"acct-contact\">${NEW:0:3}\\*\\*\\*\\*${NEW:7:4} " "issue 18 ... the new mobile shown"
expect_body 'id="acct-real-name">郑浩新<' "issue 18 ... and the new contact person"

# the new number is the one a password reset now checks
post_form "$T_TMP/anon" "$INTERNET/password/forgot" "$INTERNET/password/forgot/sms" \
	--data-urlencode username=ent-b --data-urlencode mobile=$NEW
expect_status 200 "R-11.1 a reset asked with the new mobile"
expect_eq "$(last_code "$NEW" | wc -c)" 7 "R-11.1 ... sends the code to the new mobile"

# back as it was
post_form "$ENTB" "$INTERNET/account/contact" "$INTERNET/account/contact/sms" \
	--data-urlencode real_name=郑浩 --data-urlencode mobile=$OLD
CODE=$(last_code "$OLD")
post_form "$ENTB" "$INTERNET/account/contact" "$INTERNET/account/contact" \
	--data-urlencode real_name=郑浩 --data-urlencode mobile=$OLD \
	--data-urlencode sms_code=$CODE --data-urlencode password="$DEMO_PW"
expect_status 303 "issue 18 ... and back"
done_testing
