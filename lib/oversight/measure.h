/*
 * measure.h -- management measures on enterprise users (Art. 15, issue 16
 * "Measures on enterprise users", R-15.1; schema/039_measures.sql).
 *
 * A measure is one kind (suspend publishing applications, messaging,
 * self-view requests, or all rights; revoke the qualification; the
 * unwelcome credit-application list; another measure with its text) on
 * one enterprise, with its reason, evidence (files owned by "measure"),
 * start and optional end (Beijing dates), and who proposed it.
 *
 * Life (measure_machine, the table in measure.c):
 *   an operator's proposal is pending until a supervisor of the region
 *   who did not ask for it approves it (active, platform-wide) or refuses
 *   it (refused); an FI's measure (kinds unwelcome and other) is in force
 *   for its own dealings at once (fi_active: the enterprise's
 *   applications to that FI are refused, loan.c), and the region's
 *   operators may adopt it platform-wide (adopt_pending, then approved:
 *   active; refused: back to fi_active); an operator's lift waits for a
 *   supervisor (lift_pending, still in force; approved: lifted, refused:
 *   active again); an FI lifts its own fi_active measure at once.
 * A measure in force (active or lift_pending, or for the FI's own
 * dealings fi_active and adopt_pending) counts between its start and the
 * end of its end date: the statements compare with the clock, so it ends
 * by itself, and the lists show it "ended" (measure_shown).
 *
 * Scope (measure_scope_params, in every get, list and lock): the system
 * and the province's offices every measure; a city's operators and
 * supervisors their region's (the enterprise's region); an enterprise's
 * users its own, once proposed ones are decided (never pending or
 * refused ones); an FI's users their FI's own measures and the
 * platform-wide unwelcome entries on enterprises whose applications it
 * handles (published or later: never a draft); anyone else none.
 */
#ifndef DUIJIE_MEASURE_H
#define DUIJIE_MEASURE_H

#include <stdbool.h>
#include <stddef.h>

#include "core/arena.h"
#include "db/audit.h"
#include "db/db.h"
#include "db/step.h"
#include "accounts/scope.h"
#include "store/files.h"

enum measure_kind {
	MK_SUSPEND_PUBLISH,	/* 暂停发布信贷申请 */
	MK_SUSPEND_MESSAGE,	/* 暂停与金融机构沟通交流 */
	MK_SUSPEND_SELFVIEW,	/* 暂停申请查看本企业信用信息 */
	MK_SUSPEND_ALL,		/* 暂停全部使用权限 */
	MK_REVOKE,		/* 取消用户资格 */
	MK_UNWELCOME,		/* 列入不受欢迎的信贷申请名单 */
	MK_OTHER,		/* 其他必要措施 (other_text) */
	MK__MAX
};
extern const char *const measure_kind_names[MK__MAX + 1];

enum measure_status {
	MS_PENDING, MS_REFUSED, MS_ACTIVE, MS_FI_ACTIVE, MS_ADOPT_PENDING,
	MS_LIFT_PENDING, MS_LIFTED, MS__MAX
};
extern const char *const measure_status_names[MS__MAX + 1];
enum measure_action { MA_APPROVE, MA_REFUSE, MA_ADOPT, MA_LIFT, MA__MAX };
extern const struct step_machine measure_machine;

/*
 * The right an enterprise's page needs (cgi/route_rights.c names one
 * for every route an enterprise user may open).  MR_NONE is "not
 * declared".  MR_READ pages read; MR_USE pages change something but need
 * no right of their own; both are refused only while all rights are
 * suspended or the qualification revoked.  MR_ALWAYS pages stay open
 * even then (signing out, the measures themselves, feedback to appeal).
 */
enum measure_right {
	MR_NONE, MR_READ, MR_USE, MR_ALWAYS, MR_PUBLISH, MR_MESSAGE,
	MR_SELFVIEW, MR__MAX
};

#define MEASURE_REASON_MAX	1000
#define MEASURE_OTHER_MAX	200

struct measure {
	long long		 id, enterprise_id, fi_id;
	const char		*ent_name, *ent_uscc, *fi_name;
	const char		*region, *region_name;
	enum measure_kind	 kind;
	const char		*other_text, *reason, *note;
	const char		*starts_on, *ends_on;	/* Beijing dates; "" none */
	enum measure_status	 status;
	unsigned		 version;
	bool			 started, ended;	/* against the clock */
	long long		 proposed_by, asked_by, decided_by;
	const char		*proposer, *asker, *decider;	/* real names */
	const char		*created_at, *decided_at, *lifted_at;	/* UTC, "" */
};

struct measure_list {
	struct measure	*v;
	size_t		 n;
};

/*
 * What the lists and pages show: the status, except that a measure in
 * force before its start is "scheduled" and one past its end "ended".
 * Pure.
 */
const char	*measure_shown(const struct measure *);
/* True when m counts now platform-wide (active or lift_pending, started,
 * not ended).  Pure. */
bool		 measure_in_force(const struct measure *);

/* The shown states a list may be filtered by, NULL-terminated. */
extern const char *const measure_shown_names[];

/* Measure `id` within `sc`.  ERR_NOTFOUND, db errors. */
enum err	measure_get(struct db *, struct arena *, const struct scope *sc,
		    long long id, struct measure *out);

struct measure_filter {
	int		 kind;		/* enum measure_kind, -1 any */
	const char	*shown;		/* a measure_shown_names entry, NULL any */
	const char	*q;		/* USCC or part of the name, NULL any */
	long long	 ent_id;	/* 0 any */
	long long	 offset, limit;	/* limit 0: MEASURE_LIST_MAX */
};
#define MEASURE_LIST_MAX	10000

/* The measures within `sc` that pass `f`, newest first; *total (may be
 * NULL) the count of all that pass.  db errors. */
enum err	measure_list(struct db *, struct arena *, const struct scope *sc,
		    const struct measure_filter *f, struct measure_list *out,
		    long long *total);

/*
 * The measures that bind enterprise `ent_id` now, platform-wide (in
 * force: measure_in_force), oldest first, for the dispatcher.  One
 * indexed statement.  db errors.
 */
enum err	measure_binding(struct db *, struct arena *, long long ent_id,
		    struct measure_list *out);

/*
 * The measure of `l` that refuses a page needing right `need`, or NULL:
 * a revocation or the suspension of all rights refuses everything but
 * MR_ALWAYS pages (a revocation first); a suspension of one right the
 * pages needing it.  MR_NONE is treated as MR_USE.  Pure.
 */
const struct measure *measure_refuses(const struct measure_list *l,
		    enum measure_right need);

/*
 * Ends every session of the users of enterprise `ent_id`, in the
 * caller's transaction (a revocation, at its approval and on the next
 * request of a session while in force).  *n (may be NULL) the count.
 * db errors.
 */
enum err	measure_end_sessions(struct db *, long long ent_id, long long *n);

/*
 * The enterprise a proposer names, by its USCC (18 characters) or its
 * id, within `sc`: the region's for operators, for an FI one whose
 * applications it handles.  *ent_id and *name.  ERR_NOTFOUND, db errors.
 */
enum err	measure_find_enterprise(struct db *, struct arena *,
		    const struct scope *sc, const char *uscc_or_id,
		    long long *ent_id, const char **name);

struct measure_input {
	long long	 ent_id;
	enum measure_kind kind;
	const char	*other_text;	/* MK_OTHER: required */
	const char	*reason;
	const char	*starts_on;	/* YYYY-MM-DD, Beijing */
	const char	*ends_on;	/* NULL or "" none */
	struct files_in	*evidence;	/* saved by files_save, or NULL */
	size_t		 nevidence;
};

/*
 * A measure proposed by `actor` within `sc` ("measure.propose"): an
 * operator's is pending; an FI user's (kinds unwelcome and other only)
 * is in force for its FI at once (fi_active), the FI's fi_id recorded.
 * The enterprise must be in scope (measure_find_enterprise's rule).
 * Evidence rows are inserted in the same transaction.  ERR_INVAL (a kind
 * the proposer may not take, dates out of order, no text for other),
 * ERR_NOTFOUND (enterprise out of scope), ERR_FORBIDDEN (a role that
 * proposes none), db errors.
 */
enum err	measure_create(struct db *, const struct audit_actor *,
		    const struct scope *sc, const struct measure_input *in,
		    long long *id);

/*
 * Step `action` on measure `id` within `sc`, at `version` (0: any), with
 * `note` (a refusal's, an adoption's or a lift's reason; required for
 * MA_LIFT and MA_ADOPT), through measure_machine and step_run
 * ("measure.approve", "measure.refuse", "measure.adopt", "measure.lift").
 * Who: supervisors approve and refuse, never the user who asked for the
 * step (four eyes: ERR_FORBIDDEN, audited as denied); operators adopt an
 * FI's measure and ask to lift a platform one; an FI's user lifts its
 * FI's own.  An approval of a revocation in force ends the enterprise's
 * sessions; the enterprise's users are told by an in-site notice when a
 * measure takes effect or is lifted.  ERR_NOTFOUND, ERR_CONFLICT (state,
 * version, a measure already ended), ERR_FORBIDDEN, ERR_INVAL, db errors.
 */
enum err	measure_step(struct db *, const struct audit_actor *,
		    const struct scope *sc, long long id, unsigned version,
		    enum measure_action action, const char *note);

/* True when the user of scope `sc` may propose measures (operators, FI
 * users).  Pure. */
bool		measure_may_propose(const struct scope *sc);

#endif
