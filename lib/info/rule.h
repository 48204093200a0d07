/*
 * rule.h -- the measures (管理办法) and their revisions (issue 17 "The
 * measures and revisions", R-17.1, X-AUD; schema/042_rules.sql).
 *
 * Every version of the text is a row: the first, loaded by the
 * migration, and every revision after it with its effective date.  A
 * revision is drafted and edited by the province's operators, submitted,
 * and published by a supervisor of the province who did not draft it
 * (rule_machine: draft -> pending -> published, or back to draft; four
 * eyes checked in the step and by a CHECK).  Everyone reads the
 * published versions; the drafts are seen by the province's operators
 * and supervisors only (the predicate is in each statement).  After a
 * revision takes effect each user is told once, at sign-in, by an
 * in-site notice (rule_notice_signin).
 */
#ifndef DUIJIE_RULE_H
#define DUIJIE_RULE_H

#include <stdbool.h>
#include <stddef.h>

#include "core/arena.h"
#include "db/audit.h"
#include "db/db.h"
#include "db/step.h"
#include "accounts/scope.h"

enum rule_state { RLS_DRAFT, RLS_PENDING, RLS_PUBLISHED, RLS__MAX };
extern const char *const rule_state_names[RLS__MAX + 1];
enum rule_action { RLA_EDIT, RLA_SUBMIT, RLA_APPROVE, RLA_REJECT, RLA__MAX };
extern const struct step_machine rule_machine;

#define RULE_BODY_MAX	100000	/* characters */

struct rule {
	long long	 id;
	const char	*title, *body, *summary;
	const char	*effective_on;		/* "YYYY-MM-DD", Beijing */
	enum rule_state	 state;
	long long	 base_id;		/* 0 for the first version */
	unsigned	 version;
	long long	 drafted_by, approved_by;	/* 0 none */
	const char	*drafter, *approver;	/* real names, "" none */
	const char	*published_at;		/* UTC, "" none */
};

struct rule_list {
	struct rule	*v;
	size_t		 n;
};

/* Version `id` as the reader sees it: published ones for everyone, any
 * for `staff` (the province's operators and supervisors).  ERR_NOTFOUND,
 * db errors. */
enum err	rule_get(struct db *, struct arena *a, bool staff, long long id,
		    struct rule *out);
/* Every version the reader sees, the latest effective date first
 * (bodies left out: ""). */
enum err	rule_list(struct db *, struct arena *a, bool staff,
		    struct rule_list *out);
/* The published version in force on `today` ("YYYY-MM-DD"): the latest
 * effective on or before it.  ERR_NOTFOUND when none. */
enum err	rule_current(struct db *, struct arena *a, const char *today,
		    struct rule *out);

struct rule_input {
	const char	*title, *body, *summary, *effective_on;
};

/* A draft revising the latest published version, by the actor
 * ("rule.create").  db errors. */
enum err	rule_create(struct db *, const struct audit_actor *,
		    const struct rule_input *in, long long *id);
/* True for the scope that sees drafts and changes versions: the
 * province's operators and supervisors (and the system).  Pure. */
bool		rule_staff(const struct scope *sc);
/* How many of the versions rule_list shows `sc` (rule_staff; 0 for
 * anyone else) wait for an approval that `sc`'s user may give: submitted
 * and not drafted by that user.  Into *n; db errors. */
enum err	rule_pending_count(struct db *, struct arena *a,
		    const struct scope *sc, long long *n);
/* Edits draft `id` at `version` within `sc` ("rule.edit"; outside
 * rule_staff nothing is found).  ERR_NOTFOUND, ERR_CONFLICT (stale, or
 * not a draft), db errors. */
enum err	rule_edit(struct db *, const struct audit_actor *,
		    const struct scope *sc, long long id, unsigned version,
		    const struct rule_input *in);
/* Submits (RLA_SUBMIT), approves (RLA_APPROVE: published, effective on
 * its date) or rejects (RLA_REJECT: back to draft) version `id`
 * ("rule.submit", "rule.approve", "rule.reject").  ERR_FORBIDDEN when
 * the approver drafted it (audited as refused), ERR_NOTFOUND,
 * ERR_CONFLICT, db errors. */
enum err	rule_step(struct db *, const struct audit_actor *,
		    const struct scope *sc, long long id, int action);

/*
 * At sign-in of user `user_id`: for every published revision in force on
 * `today` that took effect after the user's account was opened and that
 * the user was not told of, one in-site notice linking it and a row in
 * rule_notices, in one transaction ("rule.noticed").  *count (may be
 * NULL) gets how many.  db errors (the sign-in goes on).
 */
enum err	rule_notice_signin(struct db *, const struct audit_actor *,
		    long long user_id, const char *today, size_t *count);

#endif
