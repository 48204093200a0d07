/*
 * sms.h -- SMS verification codes and their delivery.
 *
 * A code is 6 digits, valid 5 minutes, voided by 5 wrong attempts, used
 * once.  Sending is throttled per number (60 s apart, 10 a day) and per
 * client address (20 an hour).  The database keeps only the number's
 * blind index and HMAC(code): no code or number in plain text.
 */
#ifndef DUIJIE_SMS_H
#define DUIJIE_SMS_H

#include <stdbool.h>
#include <stddef.h>

#include "db/db.h"

enum sms_purpose { SMS_REGISTER, SMS_RESET, SMS_CONTACT, SMS_PURPOSE__MAX };

struct sms_policy {
	unsigned	ttl;		/* seconds a code lives: 300 */
	unsigned	max_attempts;	/* wrong tries that void it: 5 */
	unsigned	resend_gap;	/* seconds between sends to a number: 60 */
	unsigned	per_number_day;	/* sends to one number per day: 10 */
	unsigned	per_addr_hour;	/* sends from one address per hour: 20 */
};
extern const struct sms_policy sms_default_policy;

/* What the throttle looks at, measured at one instant. */
struct sms_counts {
	long long	since_last;	/* seconds since the last send to the number, -1: never */
	unsigned	number_day;	/* sends to the number in the last 24 h */
	unsigned	addr_hour;	/* sends from the address in the last hour */
};

/* NULL when a code may be sent now, else a message key: "sms_wait",
 * "sms_number_day", "sms_addr_hour".  Pure: tests give it any clock. */
const char	*sms_may_send(const struct sms_policy *, const struct sms_counts *);

/* How messages leave: appended to a file (development), or handed to a
 * command with the number as its argument and the text on stdin
 * (production), killed after `timeout` seconds. */
enum sms_kind { SMS_SENDER_FILE, SMS_SENDER_COMMAND };
struct sms_sender {
	enum sms_kind	 kind;
	const char	*path;		/* the outbox file, or the command */
	unsigned	 timeout;	/* seconds, command only */
};

/* Delivers one message.  0, or -1 with a reason in err. */
int		sms_deliver(const struct sms_sender *, const char *mobile,
		    const char *text, char *err, size_t errlen);

/* The message text for a purpose and code (Chinese, with the platform's name). */
void		sms_text(enum sms_purpose, const char *code, char *out, size_t len);

/*
 * Sends a new code to `mobile` (11 digits) for `purpose` unless throttled.
 * The code's row and an "sms.send" audit row are one transaction.  The
 * message is not delivered here: it waits in this process until
 * sms_deliver_queued, which the worker calls after the response is
 * finished, so the answer never waits for the gateway (issue 12 item 6).
 * With `deliver` false (a reset asked for an unknown username/mobile
 * pair) everything happens the same -- throttles, a row that counts
 * toward them, the audit row, the answer -- except that the stored hash
 * matches no code and nothing is queued.  Returns ERR_OK with *why NULL
 * when the code is stored (and queued); ERR_OK with *why set to a
 * throttle key when refused; or a database error (nothing queued).  The
 * client address is actor->client_addr.
 */
struct audit_actor;
enum err	sms_send_code(struct db *, const unsigned char index_key[32],
		    const struct sms_policy *, const struct sms_sender *,
		    const struct audit_actor *, enum sms_purpose,
		    const char *mobile, bool deliver, const char **why);

/*
 * Delivers the messages sms_send_code queued in this process, and records
 * on each row whether the gateway took it ('sent', or 'failed' with the
 * reason; the row's delivery is 'pending' until then).  Call it after the
 * response went out.  A failure is logged, never returned: the person
 * asks again after the resend gap.  Returns how many were handled; the
 * queued texts are wiped.
 */
size_t		sms_deliver_queued(struct db *);

/*
 * Checks `code` against the newest live code of (purpose, mobile) and uses
 * it up when right, in a transaction of its own: a wrong attempt is
 * counted even when the caller's change fails afterwards.  Callers check
 * everything else first.  Returns 1 right, 0 wrong (one attempt counted),
 * -1 no live code (none, expired, used or voided), -2 database error.
 * A right or wrong attempt writes an "sms.check" audit row in the same
 * transaction.
 */
int		sms_check_code(struct db *, const unsigned char index_key[32],
		    const struct sms_policy *, const struct audit_actor *,
		    enum sms_purpose, const char *mobile, const char *code);

/* HMAC-SHA-256 blind index of a value under `domain` (e.g. "mobile"). */
void		blind_index(const unsigned char key[32], const char *domain,
		    const char *value, unsigned char out[32]);

#endif
