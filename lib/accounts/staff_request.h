/*
 * staff_request.h -- actions on staff accounts asked for by the
 * province's operators and decided by a supervisor (issue 12 item 3,
 * X-SEC, X-AUD).
 *
 * Operators', supervisors' and auditors' accounts are not acted on by
 * one operator's click (lib/accounts/account_rule.h, RULE_STAFF).  An operator of
 * the province asks instead: the request (one action, a reason) waits in
 * staff_requests (schema/017_staff_requests.sql) as pending; a supervisor
 * whose region covers the target's, who is neither the requester nor the
 * target, approves it -- the action then runs through user_step_tx
 * (ACCT_BY_APPROVAL) in the same transaction as the approval, each with
 * its audit row -- or refuses it with a reason.  Every read by id carries
 * the reader's region scope in its SQL.
 */
#ifndef DUIJIE_STAFF_REQUEST_H
#define DUIJIE_STAFF_REQUEST_H

#include <stdbool.h>
#include <stddef.h>

#include "accounts/account_rule.h"
#include "core/arena.h"
#include "db/audit.h"
#include "db/db.h"
#include "accounts/scope.h"
#include "db/step.h"
#include "accounts/user.h"

enum sreq_status { SREQ_PENDING, SREQ_APPROVED, SREQ_REFUSED, SREQ__MAX };
/* A pending request is approved or refused (sreq_machine). */
enum sreq_decision { SRA_APPROVE, SRA_REFUSE, SRA__MAX };

/* The requests' state machine: status x decision -> status (step.h). */
extern const struct step_machine sreq_machine;

struct staff_request {
	long long		 id;
	long long		 target_id;
	const char		*target_username;
	const char		*target_real_name;
	enum role		 target_role;
	const char		*region;	/* the target's, at the request */
	const char		*region_name;
	enum acct_action	 action;
	const char		*reason;
	enum sreq_status	 status;
	long long		 requested_by;
	const char		*requester_username;
	const char		*requester_real_name;
	const char		*requested_at;	/* UTC */
	long long		 decided_by;	/* 0 while pending */
	const char		*decider_username;	/* "" while pending */
	const char		*decided_at;	/* UTC or "" */
	const char		*decision_note;
};

const char	*sreq_status_name(enum sreq_status);	/* "pending" */
/* The action of a request's name ("reset-password"), -1 for any other
 * (only the five of the staff table can be asked for). */
int		 sreq_action_parse(const char *);

/*
 * Records actor's request for `act` on user target_id with `reason`
 * (required), in one transaction with its audit row
 * ("staff_request.create").  The rule (acct_rule_request) and the
 * target's present state (the state table, ACCT_BY_APPROVAL) are checked
 * under the target's row lock.  Returns ERR_OK (*id set); ERR_NOTFOUND;
 * ERR_FORBIDDEN (*why = the rule's verdict); ERR_CONFLICT when the
 * target's state does not allow the action or the same action is already
 * pending for it; ERR_INVAL without a reason; database errors.  Nothing
 * is written on any error.
 */
enum err	 sreq_create(struct db *, const struct audit_actor *,
		    long long target_id, enum acct_action act, const char *reason,
		    long long *id, enum acct_verdict *why);

/* The request `id` if the scope `sc`'s region covers its target's
 * region (440000: all; the predicate is in the statement): ERR_NOTFOUND
 * otherwise.  Strings live in `a`. */
enum err	 sreq_get(struct db *, struct arena *, const struct scope *sc,
		    long long id, struct staff_request *);

/* Requests of the scope: the pending ones (oldest first) then, when
 * with_decided, the last decided ones (newest first), at most max in all.
 * *v lives in `a` (NULL when none). */
enum err	 sreq_list(struct db *, struct arena *, const char *region,
		    bool with_decided, size_t max, struct staff_request **v,
		    size_t *n);

/* How many pending requests sreq_list shows the region of `sc`, into
 * *n (the start page). */
enum err	 sreq_pending_count(struct db *, struct arena *,
		    const struct scope *sc, long long *n);

/*
 * Decides the pending request `id` of the scope `region` as `actor` (a
 * supervisor): approve runs the action (ACCT_BY_APPROVAL, the request's
 * reason as the step's reason) and marks the request approved, refuse
 * marks it refused with `note` (required for a refusal) -- one
 * transaction with the audit rows ("staff_request.approve" or
 * ".refuse", and the step's own).  For a password reset `hash` is the
 * one-time password's hash, made beforehand (user_otp_hash); NULL
 * otherwise.  Returns ERR_OK; ERR_NOTFOUND (outside the scope too);
 * ERR_CONFLICT when it is no longer pending or the target's state
 * refuses the action; ERR_FORBIDDEN (*why set) when the rule
 * (acct_rule_approve) refuses this actor; ERR_INVAL without a needed
 * note or hash; database errors.  Nothing is written on any error.
 */
enum err	 sreq_decide(struct db *, const struct audit_actor *,
		    const char *region, long long id, bool approve,
		    const char *note, const char *hash, enum acct_verdict *why);

#endif
