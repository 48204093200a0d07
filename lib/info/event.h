/*
 * event.h -- training and events (培训活动) and their registrations (issue
 * 17 "Training and events", R-14.1, X-AUD; schema/041_events.sql).
 *
 * The operators of a region publish courses, trainings and lectures
 * (event_machine: draft -> published -> cancelled); the users of an
 * event's audience (enterprises, gov, FIs) register while the deadline
 * has not passed: a seat while there is one, else a place on the waiting
 * list.  A cancellation frees the seat and, in the same transaction, the
 * first on the waiting list moves up (event_reg_machine: registered,
 * waiting, cancelled, attended, absent).  Seats are counted under the
 * event row's lock, so of two users racing for the last seat one gets it
 * and the other waits.  Registrants get an in-site notice and an SMS
 * (inbox_add, in the event's transaction).
 *
 * Scope: a reader (event_reader) sees the published and cancelled events
 * of its audience; the offices' staff see every published one and, in
 * their region scope, the drafts too.  Every change by staff locks the
 * event through the region predicate; a user's cancellation locks the
 * user's own registration only.
 */
#ifndef DUIJIE_EVENT_H
#define DUIJIE_EVENT_H

#include <stdbool.h>
#include <stddef.h>

#include "core/arena.h"
#include "db/audit.h"
#include "db/db.h"
#include "db/step.h"
#include "accounts/scope.h"

enum event_kind { EVK_COURSE, EVK_TRAINING, EVK_LECTURE, EVK__MAX };
extern const char *const event_kind_names[EVK__MAX + 1];	/* NULL-ended */

/* Who may register: the SET column's members. */
enum event_aud { EVU_ENTERPRISE, EVU_GOV, EVU_FI, EVU__MAX };
extern const char *const event_aud_names[EVU__MAX + 1];	/* NULL-ended */

enum event_state { EVS_DRAFT, EVS_PUBLISHED, EVS_CANCELLED, EVS__MAX };
extern const char *const event_state_names[EVS__MAX + 1];
enum event_action { EVA_EDIT, EVA_PUBLISH, EVA_WITHDRAW, EVA__MAX };
extern const struct step_machine event_machine;

enum event_reg_state { ERS_REGISTERED, ERS_WAITING, ERS_CANCELLED,
	ERS_ATTENDED, ERS_ABSENT, ERS__MAX };
extern const char *const event_reg_state_names[ERS__MAX + 1];
enum event_reg_action { ERA_CANCEL, ERA_PROMOTE, ERA_ATTEND, ERA_ABSENT,
	ERA__MAX };
extern const struct step_machine event_reg_machine;

struct event {
	long long	 id;
	const char	*region, *region_name;
	enum event_kind	 kind;
	const char	*title, *body, *place, *online_url;
	const char	*starts_at, *ends_at, *deadline;	/* UTC */
	long long	 capacity;
	const char	*audience;	/* "enterprise,gov" */
	enum event_state state;
	unsigned	 version;
	long long	 registered;	/* seats taken (attended, absent too) */
	long long	 waiting;
	bool		 open;		/* before the deadline */
	bool		 started;	/* starts_at passed */
};

struct event_list {
	struct event	*v;
	size_t		 n;
	long long	 total;
};

/* Whose view of the events: `audience` is the reader's kind
 * ("enterprise", "gov", "fi"), "*" for the offices' staff (every
 * published one) or "" (none); `manager` (may be NULL) adds the drafts
 * and everything of its region scope. */
struct event_reader {
	const char		*audience;
	const struct scope	*manager;
};

/* Event `id` as `rd` may see it.  ERR_NOTFOUND (absent or out of sight),
 * db errors.  Strings in `a`. */
enum err	event_get(struct db *, struct arena *a,
		    const struct event_reader *rd, long long id, struct event *out);
/* Page `page` (0-based) of the published and cancelled events `rd` sees
 * that have not ended, soonest first. */
enum err	event_list_upcoming(struct db *, struct arena *a,
		    const struct event_reader *rd, size_t page, size_t per,
		    struct event_list *out);
/* Page `page` of every event of scope `sc`'s region, newest start first. */
enum err	event_list_manage(struct db *, struct arena *a,
		    const struct scope *sc, size_t page, size_t per,
		    struct event_list *out);

/* How many of the events event_list_manage lists for `sc` are in
 * `state` (and, when `upcoming`, have not ended), into *n. */
enum err	event_count_manage(struct db *, struct arena *a,
		    const struct scope *sc, enum event_state state, bool upcoming,
		    long long *n);

/* What an operator types; times are UTC "YYYY-MM-DD HH:MM:SS". */
struct event_input {
	int		 kind;
	const char	*title, *body, *place, *online_url;
	const char	*starts_at, *ends_at, *deadline;
	long long	 capacity;
	const char	*audience;	/* members of event_aud_names, ',' */
};

/* A draft of region `region` by the actor ("event.create").  ERR_INVAL
 * for a kind out of range; db errors (a CHECK refused: ERR_DB). */
enum err	event_create(struct db *, const struct audit_actor *,
		    const char *region, const struct event_input *in,
		    long long *id);
/* Edits event `id` at `version` within `sc` ("event.edit"); a capacity
 * raised moves the waiting list up in the same transaction.
 * ERR_NOTFOUND, ERR_CONFLICT (stale or cancelled), db errors. */
enum err	event_edit(struct db *, const struct audit_actor *,
		    const struct scope *sc, long long id, unsigned version,
		    const struct event_input *in);
/* Publishes ("event.publish") or cancels ("event.withdraw": every
 * registrant told) event `id` within `sc`.  ERR_NOTFOUND, ERR_CONFLICT,
 * db errors. */
enum err	event_step(struct db *, const struct audit_actor *,
		    const struct scope *sc, long long id, int action);

/*
 * Registers user actor->user_id of kind `audience` for event `id` in one
 * transaction under the event's lock ("event.register", a notice and an
 * SMS): a seat while one is free, else the waiting list.  *waiting says
 * which.  ERR_NOTFOUND (not published for this audience), ERR_CONFLICT
 * (already registered or waiting), ERR_FORBIDDEN (the deadline passed or
 * the event was cancelled), db errors.  Nothing written on error.
 */
enum err	event_register(struct db *, const struct audit_actor *,
		    const char *audience, long long id, bool *waiting);
/*
 * Cancels the actor's own registration for event `id` ("event.cancel");
 * when it held a seat and the event has not started, the first on the
 * waiting list moves up in the same transaction ("event.promote", a
 * notice and an SMS to them).  ERR_NOTFOUND (no registration of the
 * actor's), ERR_CONFLICT (already cancelled, or marked), db errors.
 */
enum err	event_cancel(struct db *, const struct audit_actor *, long long id);

/* User `user_id`'s registration state for event `id` (-1 none). */
enum err	event_reg_of(struct db *, struct arena *a, long long user_id,
		    long long id, int *state);

struct event_reg {
	long long	 id;
	long long	 user_id;
	const char	*username, *real_name, *org, *role;
	enum event_reg_state state;
	const char	*queued_at;	/* UTC */
};

struct event_reg_list {
	struct event_reg *v;
	size_t		 n;
};

/* Every registration of event `id` within `sc` (seats first, then the
 * waiting list in order, then the cancelled).  ERR_NOTFOUND outside. */
enum err	event_regs(struct db *, struct arena *a, const struct scope *sc,
		    long long id, struct event_reg_list *out);
/* Marks registration `reg_id` of event `event_id` attended or absent
 * (ERA_ATTEND, ERA_ABSENT) within `sc` ("event.attendance"), once the
 * event has started.  ERR_NOTFOUND, ERR_CONFLICT (not started, or the
 * state refuses), db errors. */
enum err	event_mark(struct db *, const struct audit_actor *,
		    const struct scope *sc, long long event_id,
		    long long reg_id, int action);

/* True when `csv` is a non-empty list of distinct event_aud_names
 * joined by ','.  Pure. */
bool		event_audience_valid(const char *csv);

#endif
