/*
 * inbox.h -- in-site notices (站内消息) to users, and the SMS that may
 * tell of one (issues 14 and 15, schema/025_inbox.sql).
 *
 * A notice is added by the code of the event it tells of, inside that
 * event's transaction (inbox_add does not begin or commit): a loan taken
 * up, a question asked, an objection answered.  Its recipient reads the
 * list on /inbox of its portal, marks one or all read, and sees the
 * number of unread notices in the header of every signed-in page.  Every
 * read, list and change is scoped to the recipient in the statement.
 */
#ifndef DUIJIE_INBOX_H
#define DUIJIE_INBOX_H

#include <stdbool.h>
#include <stddef.h>

#include "core/arena.h"
#include "db/audit.h"
#include "db/db.h"
#include "accounts/sms.h"

#define INBOX_KIND_MAX	40	/* bytes: [a-z0-9_.], e.g. "loan.taken" */
#define INBOX_TITLE_MAX	100	/* characters */
#define INBOX_BODY_MAX	1000	/* characters */
#define INBOX_LINK_MAX	300	/* bytes */
/* The header's count stops here ("99+" beyond): the query reads at most
 * this many index entries, however many notices a user has. */
#define INBOX_UNREAD_CAP 100

/* What a notice says.  Title and body are plain text (escaped where
 * shown); link is "" or a path on the recipient's portal. */
struct inbox_note {
	const char	*kind;
	const char	*title;
	const char	*body;		/* may be NULL: "" */
	const char	*link;		/* may be NULL: "" */
	bool		 sms;		/* also an SMS with the title */
};

/* True for "" and for a path that starts with exactly one "/" and holds
 * no backslash, no control character and no space: never another host
 * ("//evil", "/\\evil"), never a scheme ("javascript:").  Pure. */
bool		inbox_link_valid(const char *link);
/* True for 1..INBOX_KIND_MAX bytes of [a-z0-9_.].  Pure. */
bool		inbox_kind_valid(const char *kind);
/* NULL when `n` may be added, else the reason ("kind", "title", "body",
 * "link").  Pure: title 1..INBOX_TITLE_MAX characters of valid UTF-8,
 * body up to INBOX_BODY_MAX. */
const char	*inbox_note_check(const struct inbox_note *n);

/*
 * Adds notice `n` for user `user_id`, in the caller's transaction when
 * one is open (the notice then commits or rolls back with the event), or
 * as one statement otherwise.  With n->sms the row's sms is 'pending' and
 * its id is queued in this process for inbox_sms_deliver, which sends it
 * after the answer only if the row committed.  ERR_INVAL for a note
 * inbox_note_check refuses (nothing written); database errors as
 * db_exec.  *id (may be NULL) gets the new row's id.
 */
enum err	inbox_add(struct db *, long long user_id,
		    const struct inbox_note *n, long long *id);

/*
 * The same notice for every user of an organisation ("enterprise", 42:
 * an enterprise's notices go to its users) that is not revoked or
 * pending, in one statement under the caller's transaction.  *count (may
 * be NULL) gets how many were added (0 is no error).  Errors as
 * inbox_add; with n->sms each row is queued.
 */
enum err	inbox_add_org(struct db *, const char *org_kind, long long org_id,
		    const struct inbox_note *n, size_t *count);

struct inbox_item {
	long long	 id;
	const char	*kind;
	const char	*title;
	const char	*body;
	const char	*link;
	const char	*created_at;	/* UTC "YYYY-MM-DD HH:MM:SS" */
	const char	*read_at;	/* NULL while unread */
};

struct inbox_list {
	struct inbox_item *v;
	size_t		 n;
	long long	 total;		/* every notice of the user */
};

/* Page `offset`/`per` of user_id's notices, newest first, into `a`.
 * Database errors as db_query; an empty list is ERR_OK with n 0. */
enum err	inbox_list(struct db *, struct arena *a, long long user_id,
		    long long offset, long long per, struct inbox_list *out);

/* Notice `id` when it is user_id's (the recipient is in the WHERE),
 * into `a`; ERR_NOTFOUND for anyone else's and for no such row. */
enum err	inbox_get(struct db *, struct arena *a, long long user_id,
		    long long id, struct inbox_item *out);

/* user_id's unread notices, at most INBOX_UNREAD_CAP (one indexed
 * COUNT).  On a database error *n is 0 and the error returned. */
enum err	inbox_unread(struct db *, long long user_id, long long *n);

/*
 * Marks notice `id` of the actor (actor->user_id) read, one transaction
 * with its "inbox.read" audit row.  ERR_NOTFOUND when it is not the
 * actor's (nothing written); a notice read before stays as it was
 * (ERR_OK, no audit row).
 */
enum err	inbox_mark_read(struct db *, const struct audit_actor *,
		    long long id);
/* Marks every unread notice of the actor read, one transaction with an
 * "inbox.read_all" audit row (the count as detail) when there were any.
 * *count (may be NULL) gets how many. */
enum err	inbox_mark_all_read(struct db *, const struct audit_actor *,
		    size_t *count);

/*
 * Delivers the SMS of the notices inbox_add queued in this process (call
 * it after the response went out, like sms_deliver_queued): for each
 * queued id whose row exists with sms 'pending' (a rolled-back event
 * left none) it opens the recipient's mobile -- an enterprise user's
 * sealed users.mobile_enc under data_key, else the sealed staff contact
 * when it is a mobile number -- hands "【platform】您有一条新消息：title"
 * to the sender and records 'sent' or 'failed' with the reason (no
 * mobile, the sender's error).  Failures are logged, never returned.
 * Returns how many were handled; the queue is emptied.
 */
size_t		inbox_sms_deliver(struct db *, const struct sms_sender *,
		    const unsigned char data_key[32]);
/* Forgets the queue without sending (tests, and a worker's start). */
void		inbox_sms_forget(void);

#endif
