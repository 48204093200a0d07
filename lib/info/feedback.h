/*
 * feedback.h -- users' suggestions and reports to the operators (issue
 * 17 "Feedback", Art. 9(6), 9(4), X-AUD).
 *
 * Any signed-in user sends one to the operators of their region, who
 * answer it once (feedback_machine: open -> answered, run by step_run
 * with its audit row).  An important-information report (Art. 9(4)) goes
 * to the province's operators at once and only they see it: the staff
 * predicate of every statement (feedback_get, the lists, the answer's
 * lock) leaves it out for anyone else, supervisors included.  A sender
 * reads only their own.
 */
#ifndef DUIJIE_FEEDBACK_H
#define DUIJIE_FEEDBACK_H

#include <stdbool.h>
#include <stddef.h>

#include "core/arena.h"
#include "db/audit.h"
#include "db/db.h"
#include "db/step.h"
#include "accounts/scope.h"

enum feedback_kind { FBK_SUGGESTION, FBK_PROBLEM, FBK_IMPORTANT, FBK__MAX };
extern const char *const feedback_kind_names[FBK__MAX + 1];	/* NULL-ended */

enum feedback_state { FBS_OPEN, FBS_ANSWERED, FBS__MAX };
extern const char *const feedback_state_names[FBS__MAX + 1];	/* NULL-ended */

enum feedback_action { FBA_ANSWER, FBA__MAX };
extern const struct step_machine feedback_machine;

struct feedback {
	long long		 id;
	long long		 user_id;
	const char		*sender;	/* real name */
	const char		*org;		/* the sender's organisation, "" none */
	const char		*portal;
	const char		*region, *region_name;
	enum feedback_kind	 kind;
	const char		*subject, *body;
	enum feedback_state	 state;
	const char		*answer;	/* "" none */
	const char		*answerer;	/* real name, "" none */
	const char		*answered_at, *created_at;	/* UTC, "" none */
};

struct feedback_list {
	struct feedback	*v;
	size_t		 n;
	long long	 total;
};

/* Feedback `id` as staff scope `sc` may see it (its region's, all for the
 * province; important reports for the province's operators only).
 * ERR_NOTFOUND, db errors. */
enum err	feedback_get(struct db *, struct arena *, const struct scope *sc,
		    long long id, struct feedback *out);
/* Page `page` (0-based) of what `sc` sees, open first then newest;
 * state -1 any. */
enum err	feedback_list_staff(struct db *, struct arena *,
		    const struct scope *sc, int state, size_t page, size_t per,
		    struct feedback_list *out);
/* How many feedback_list_staff finds (state -1 any), into *n. */
enum err	feedback_count_staff(struct db *, struct arena *,
		    const struct scope *sc, int state, long long *n);
/* Page `page` of user `user_id`'s own, newest first. */
enum err	feedback_list_own(struct db *, struct arena *, long long user_id,
		    size_t page, size_t per, struct feedback_list *out);

/* Sends one from the actor (actor->user_id, region `region`, portal):
 * to `region`'s operators, or the province's for FBK_IMPORTANT;
 * "feedback.create".  *id set.  db errors. */
enum err	feedback_create(struct db *, const struct audit_actor *,
		    const char *region, const char *portal, int kind,
		    const char *subject, const char *body, long long *id);
/* Answers feedback `id` within `sc` ("feedback.answer").  ERR_NOTFOUND,
 * ERR_CONFLICT (already answered), db errors. */
enum err	feedback_answer(struct db *, const struct audit_actor *,
		    const struct scope *sc, long long id, const char *answer);

#endif
