/*
 * loan_msg.h -- questions and answers on a loan application (信贷申请的
 * 留言): a thread between the enterprise and the FI handling it, with
 * attachments (issue 14 "Questions and answers", R-08.2d, X-AUD,
 * schema/034_loan_messages.sql).
 *
 * Who posts (loan_msg_may_post, checked again under the application's
 * lock): the enterprise on its own application, and the FI handling it --
 * the one it is addressed to (published to a product) or the one that took
 * it up -- while it is published with an FI, taken up or approved (the
 * offer stands until the disbursement or the enterprise's refusal).  An FI
 * that has not taken an open application has nobody to talk to; a closed
 * application (declined, disbursed, not taken, withdrawn, expired) and a
 * draft are read only.
 *
 * Who reads, in every statement (the predicate joins the application):
 * the enterprise its own applications' messages; an FI's users the
 * messages of their own FI's conversation, while their FI handles the
 * application (after a release it is gone from them, and another bank's
 * take-up starts a thread the first never sees); the offices' staff of the
 * application's region (the province: all); the system all.  Nobody else.
 * The same predicate decides who may download a message's attachments
 * (loan_msg_file_owner, for files_read).
 */
#ifndef DUIJIE_LOAN_MSG_H
#define DUIJIE_LOAN_MSG_H

#include <stdbool.h>
#include <stddef.h>

#include "core/arena.h"
#include "db/audit.h"
#include "db/db.h"
#include "accounts/scope.h"
#include "finance/loan.h"
#include "store/files.h"

#define LOAN_MSG_BODY_MAX	2000	/* characters */
#define LOAN_MSG_FILES_MAX	3	/* attachments of one message */
#define LOAN_MSG_THREAD_MAX	500	/* messages shown, oldest first */
/* The owner_kind of a message's files (files.h). */
#define LOAN_MSG_OWNER		"loan_message"

/* Why a reader may not post on an application. */
enum loan_msg_may {
	LM_MAY,		/* it may */
	LM_CLOSED,	/* a party, but the state takes no message (draft,
			 * open without an FI, closed) */
	LM_NOT_PARTY,	/* neither the enterprise nor the handling FI */
};

/*
 * Whether scope `sc` may post on application `l` (see above), from l's
 * status, enterprise and FI alone.  Pure.
 */
enum loan_msg_may loan_msg_may_post(const struct loan *l, const struct scope *sc);

struct loan_msg_file {
	long long	 id;
	const char	*filename;	/* as sent, for display */
	const char	*type;		/* "pdf", "jpg", "png" */
	long long	 size;		/* bytes */
};

struct loan_msg {
	long long		 id;
	const char		*at;		/* UTC "YYYY-MM-DD HH:MM:SS" */
	const char		*org_kind;	/* "enterprise", "fi" */
	const char		*org_name;	/* the enterprise's or FI's name */
	const char		*user_name;	/* the author's real name */
	const char		*body;
	struct loan_msg_file	*files;		/* NULL when none */
	size_t			 nfiles;
};

/*
 * The thread of application `loan_id` as `sc` may read it (see above),
 * oldest first, at most LOAN_MSG_THREAD_MAX messages, with their files,
 * into `a`.  *v NULL and *n 0 when there are none or sc reads none (no
 * error).  Database errors as db_query.
 */
enum err	loan_msg_list(struct db *, struct arena *a, const struct scope *sc,
		    long long loan_id, struct loan_msg **v, size_t *n);

/*
 * For files_read: ERR_OK when message `msg_id` belongs to application
 * `loan_id` and `sc` may read it (the thread's predicate), ERR_NOTFOUND
 * otherwise (no such message, another application's, or out of scope).
 * Database errors.
 */
enum err	loan_msg_file_owner(struct db *, struct arena *a,
		    const struct scope *sc, long long loan_id, long long msg_id);

/*
 * Posts message `body` (1..LOAN_MSG_BODY_MAX characters, checked by the
 * caller's form) by actor (a user in `sc`) on application `l` (fetched
 * through loan_get with `sc`), with files[0..nfiles) already saved by
 * files_save (their rows are inserted here); in one transaction: the
 * application's row held by a shared lock and loan_msg_may_post checked
 * again on it, the message, its files, the audit row "loan.message", and
 * the notices -- an FI's message tells the enterprise's users (in-site
 * notice and SMS, "loan.question"), the enterprise's tells the FI's
 * officer handling it, or every user of the FI when none is assigned
 * ("loan.answer").  *id (may be NULL) gets the message's id.
 * ERR_CONFLICT when the state takes no message now (LM_CLOSED, or the
 * application moved to another FI meanwhile), ERR_FORBIDDEN when sc is
 * not a party (nothing written; the caller audits the refusal), ERR_INVAL
 * for an empty body or more than LOAN_MSG_FILES_MAX files, database
 * errors.  On any error the caller discards the saved files.
 */
enum err	loan_msg_post(struct db *, const struct audit_actor *,
		    const struct scope *sc, const struct loan *l,
		    const char *body, const struct files_in *files,
		    size_t nfiles, long long *id);

#endif
