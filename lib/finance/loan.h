/*
 * loan.h -- the enterprises' loan applications (信贷申请): publication
 * with consent, take-up by one FI, decision, disbursement (issue 14
 * "Loan applications", "Matching and take-up", R-08.2a, R-08.2b, R-06.3,
 * X-AUD).
 *
 * An application belongs to one enterprise and carries its region.  It
 * is either addressed to one product (that product's FI) or open to the
 * FIs serving the region.  Its life is loan_machine, a table of
 * (from-state, action) -> to-state run by step_run (db/step.h); every step
 * is one transaction with its timeline row (loan_events), its audit row
 * and a version check, and calls loan_event_hook.
 *
 * Scope is in every statement by id (loan_get, the steps' lock):
 *   - the enterprise: its own applications, drafts included;
 *   - an FI's users: those addressed to or taken up by their FI, and the
 *     published open ones of a region their FI serves (its own region, or
 *     one served by a published product of the FI) -- never drafts, never
 *     another FI's;
 *   - the offices' staff (operators, supervisors): their region's (all for
 *     the province), never drafts; read only;
 *   - the system: all.
 * Anything else is ERR_NOTFOUND.  Who may take which step (the enterprise
 * its own edits, the handling FI its decisions) is checked in the step
 * under the row's lock: ERR_FORBIDDEN, audited as denied.
 */
#ifndef DUIJIE_LOAN_H
#define DUIJIE_LOAN_H

#include <stdbool.h>
#include <stddef.h>

#include "core/arena.h"
#include "db/audit.h"
#include "db/db.h"
#include "db/step.h"
#include "accounts/scope.h"

enum loan_status { LS_DRAFT, LS_PUBLISHED, LS_TAKEN, LS_APPROVED, LS_DECLINED,
	LS_DISBURSED, LS_NOT_TAKEN, LS_WITHDRAWN, LS_EXPIRED, LS__MAX };

/*
 * The actions of loan_machine.  edit, publish, withdraw and revoke (the
 * consent) are the enterprise's; take, assign (a manager: to an officer of
 * its FI), release (opens it again), approve, decline, disburse and
 * not_taken (the enterprise did not take the offer) the FI's; expire the
 * system's (`duijie-admin loans-expire`: published and not taken up past
 * expire_at, loan_clock.h); republish the enterprise's again: taken up
 * and past reclaim_at without a decision, it takes the application back
 * from the FI and publishes it again, open to the region's FIs (it may
 * then edit it or withdraw it).
 */
enum loan_action { LA_EDIT, LA_PUBLISH, LA_WITHDRAW, LA_REVOKE, LA_TAKE,
	LA_ASSIGN, LA_RELEASE, LA_APPROVE, LA_DECLINE, LA_DISBURSE,
	LA_NOT_TAKEN, LA_EXPIRE, LA_REPUBLISH, LA__MAX };

extern const struct step_machine loan_machine;

const char	*loan_status_name(enum loan_status);	/* "published"; "" out of range */
int		 loan_status_parse(const char *);	/* -1 when unknown */
const char	*loan_action_name(enum loan_action);	/* "take"; "" out of range */

/* Why an FI declines (loans.decline_kind), NULL-ended. */
enum loan_decline { LD_CREDIT, LD_COLLATERAL, LD_MATERIALS, LD_POLICY,
	LD_OTHER, LD__MAX };
extern const char *const loan_decline_names[LD__MAX + 1];

#define LOAN_AMOUNT_MAX		1000000		/* 万元, as products */
#define LOAN_TERM_MAX		360		/* months */
#define LOAN_CONSENT_DAYS	30		/* consent lasts past the close */
#define LOAN_NUMBER_LEN		16

/* The number an application is known by ("XD00000042"): "XD" and the id
 * zero-padded to 8 digits (more when larger).  Pure. */
void		 loan_number(long long id, char out[LOAN_NUMBER_LEN]);

/* What the enterprise fills in (new and edit). */
struct loan_input {
	long long	 amount_wan;	/* 1 .. LOAN_AMOUNT_MAX */
	long long	 term_months;	/* 1 .. LOAN_TERM_MAX */
	const char	*purpose;
	const char	*guarantee;
	long long	 product_id;	/* 0: open to the region's FIs */
	bool		 consent;	/* the authorisation (publication only) */
	bool		 disclaimer;	/* the platform is not a party (publication) */
};

/* A field name and the Err.* key of its message. */
struct loan_error {
	const char	*field;
	const char	*key;
};

/*
 * The rules of an application the form checks cannot see: amount and term
 * within the limits ("amount_wan"/"loan_amount", "term_months"/
 * "loan_term"), a purpose ("purpose"/"required"); when `publish`, the
 * consent ("consent"/"loan_consent") and the disclaimer ("disclaimer"/
 * "loan_disclaimer") ticked.  Fills errs[0..max) and returns how many.
 * Pure.
 */
size_t		 loan_check(const struct loan_input *, bool publish,
		    struct loan_error *errs, size_t max);

struct loan {
	long long		 id;
	char			 number[LOAN_NUMBER_LEN];
	long long		 enterprise_id;
	const char		*ent_name;
	const char		*uscc;
	const char		*region;
	const char		*region_name;
	long long		 product_id;	/* 0: open */
	const char		*product_name;	/* "" when open */
	long long		 fi_id;		/* 0: none yet */
	const char		*fi_name;	/* "" */
	long long		 officer_id;	/* 0 */
	const char		*officer_name;	/* "" */
	long long		 amount_wan, term_months;
	const char		*purpose, *guarantee;
	enum loan_status	 status;
	long long		 approved_amount_wan, approved_term_months;
	int			 rate_bp;
	const char		*conditions;
	int			 decline_kind;	/* enum loan_decline, -1: none */
	const char		*decline_reason;
	long long		 disbursed_amount_wan;
	const char		*disbursed_on;	/* YYYY-MM-DD or "" */
	const char		*contract_no;
	bool			 consent;	/* given and not revoked */
	bool			 consent_live;	/* ... and not past close + 30 days */
	const char		*consent_at, *consent_revoked_at;	/* UTC or "" */
	unsigned		 version;
	bool			 lost;		/* loan_get_lost: only id, number
						 * and status are set */
	/* UTC "YYYY-MM-DD HH:MM:SS", "" when not yet */
	const char		*created_at, *updated_at, *published_at, *taken_at,
				*decided_at, *closed_at;
	/* the time limits (loan_clock.h), UTC, "" when none: the take-up
	 * clock's start, its limit, the expiry, the reclaim */
	const char		*open_at, *take_due_at, *expire_at, *reclaim_at;
	bool			 overdue;	/* published, past take_due_at */
	bool			 reclaimable;	/* taken, past reclaim_at */
};

/* loan_search's count stops here for an FI (capped: "more than") */
#define LOAN_COUNT_CAP	500
/* and its pages end after this many rows (an FI filters instead) */
#define LOAN_DEPTH_MAX	5000

struct loan_list {
	struct loan	*v;
	size_t		 n;
	long long	 total;		/* a lower bound when capped */
	bool		 capped, more;	/* more: a row after this page */
};

/* How the loan statements read scope sc: "all" (the system), "region"
 * (the offices), "fi" (an FI's user), "ent" (an enterprise's), "none";
 * the one mapping every loan module's SQL uses. */
const char	*loan_scope_mode(const struct scope *sc);

/* Application `id` within `sc` (see above) into *out, strings in `a`.
 * ERR_NOTFOUND, ERR_DB_LOST, ERR_DB, ERR_NOMEM. */
enum err	loan_get(struct db *, struct arena *, const struct scope *sc,
		    long long id, struct loan *out);

/*
 * For the take-up of an FI user (scope `sc`) that lost the race: when
 * `id` is an open application of a region the FI serves that another FI
 * has taken up, *out gets its id, number and status only (out->lost) --
 * what the FI saw before, so that it can be told; ERR_NOTFOUND for
 * anything else and for every other scope.  Database errors.
 */
enum err	loan_get_lost(struct db *, struct arena *, const struct scope *sc,
		    long long id, struct loan *out);

/* Page `page` (from 0) of `per` applications within `sc`, newest first;
 * status -1: any (else enum loan_status).  *out empty on failure.  For an
 * FI's user along indexes (loan.c, L_FI_SLOTS): total capped at
 * LOAN_COUNT_CAP, no rows beyond LOAN_DEPTH_MAX. */
enum err	loan_search(struct db *, struct arena *, const struct scope *sc,
		    int status, size_t page, size_t per, struct loan_list *out);

/* What a list asks for: status -1 any (else enum loan_status); overdue:
 * only the published ones past their take-up limit (by the index on
 * status, take_due_at); officer: only those an FI's officer (users.id)
 * handles, 0 any. */
struct loan_filter {
	int		 status;
	bool		 overdue;
	long long	 officer;
};

/* loan_search with a filter. */
enum err	loan_search_filter(struct db *, struct arena *,
		    const struct scope *sc, const struct loan_filter *f,
		    size_t page, size_t per, struct loan_list *out);

/* How many applications within `sc` pass `f` into *n.  Database errors
 * (*n = 0). */
enum err	loan_count(struct db *, struct arena *, const struct scope *sc,
		    const struct loan_filter *f, long long *n);

/* How many applications within `sc` are in each state, n[status]
 * (the start page: an enterprise's applications by state).  Database
 * errors (n all 0). */
enum err	loan_count_by_status(struct db *, struct arena *,
		    const struct scope *sc, long long n[LS__MAX]);

/*
 * Recomputes the stored limits (open_at's take_due_at and expire_at,
 * taken_at's reclaim_at, loan_clock.h) of every published and taken-up
 * application from the holiday calendar as it is now: a holiday entered
 * after the publication moves them.  Derived values, not a step: no
 * version change, no audit row.  *changed: the rows whose limits moved.
 * Database errors.
 */
enum err	loan_clock_refresh(struct db *, long long *changed);

/*
 * Expires (LA_EXPIRE, as the system, audited "loan.expire", the
 * enterprise told by an in-site notice) every published application past
 * its expire_at, at most `max`; *expired how many.  One transaction per
 * application; one that changed meanwhile (taken up) is skipped.
 * Database errors (the ones expired before stay expired).
 */
enum err	loan_expire_due(struct db *, const struct audit_actor *,
		    size_t max, long long *expired);

/* One row of an application's timeline. */
struct loan_event {
	const char	*at;		/* UTC */
	const char	*action;	/* loan_action_name, or "create" */
	const char	*from, *to;	/* status names ("" for the creation) */
	const char	*org_kind;	/* enterprise, fi, office, "" */
	const char	*org_name;	/* the enterprise's or FI's name */
	const char	*user_name;	/* the acting user's real name, "" */
	const char	*note;
};

/* The timeline of application `id` (the caller fetched it through its
 * scope), oldest first, at most 200 rows. */
enum err	loan_events(struct db *, struct arena *, long long id,
		    struct loan_event **v, size_t *n);

/*
 * Called at every loan event, inside the step's transaction, after its
 * timeline row: the hook point of what follows an event (the in-site
 * notice, the SMS queue).  NULL (the default): nothing.  An error it
 * returns rolls the step back.
 */
struct loan_event_info {
	long long		 loan_id;
	long long		 enterprise_id;
	long long		 fi_id;		/* 0: none */
	enum loan_action	 action;	/* LA__MAX: the creation */
	int			 from, to;	/* enum loan_status, -1 for none */
	const struct audit_actor *actor;
};
typedef enum err loan_event_fn(struct db *, const struct loan_event_info *);
extern loan_event_fn *loan_event_hook;

/*
 * Creates an application of enterprise ent_id (of `region`) by its user
 * (actor->user_id), a draft or, when `publish`, published with the consent
 * recorded; in one transaction with its timeline row and its audit row
 * ("loan.create" / "loan.publish").  The caller has run loan_check and
 * made sure the enterprise's supplementary information is complete
 * .  ERR_INVAL when product_id is not a published product serving
 * `region` (nothing written); ERR_FORBIDDEN when that product's FI has
 * the enterprise on its unwelcome list now (issue 16, R-15.1: a measure
 * of the FI's own in force, schema/039_measures.sql).  Database errors.
 */
enum err	loan_create(struct db *, const struct audit_actor *,
		    long long ent_id, const char *region,
		    const struct loan_input *, bool publish, long long *id);

/* What a step of the FI carries (the fields of its action). */
struct loan_decision {
	long long	 officer_id;	/* assign: an active user of the FI */
	long long	 amount_wan;	/* approve, disburse */
	long long	 term_months;	/* approve */
	int		 rate_bp;	/* approve */
	const char	*conditions;	/* approve */
	int		 decline_kind;	/* decline: enum loan_decline */
	const char	*reason;	/* decline, release: required */
	const char	*date;		/* disburse: YYYY-MM-DD */
	const char	*contract_no;	/* disburse */
	bool		 manager;	/* assign: the actor is its FI's manager */
};

/*
 * Step `act` on application `id` within `sc`, by `actor`, on `version`
 * (what the actor saw; 0: the current one, for steps that are not races),
 * through loan_machine and step_run: lock, state, version, who may (the
 * enterprise: edit/publish/withdraw/revoke its own; an FI user: take an
 * open or addressed one, then assign (its manager), release, approve,
 * decline, disburse, not_taken on the ones its FI handles; the system:
 * expire), the update conditional on status and version, the timeline
 * row, loan_event_hook, the audit row "loan.<action>".  `in` for edit and
 * publish (the new values), `d` for the FI's steps (may be NULL else).
 * ERR_NOTFOUND (none in scope), ERR_CONFLICT (the state refuses the
 * action, or the row changed since `version`: another FI took it first),
 * ERR_FORBIDDEN (not the actor's to take, or an edit addressing an FI
 * that has the enterprise on its unwelcome list; audited as denied), ERR_INVAL
 * (a missing field, an officer of another FI, a product that does not
 * serve the region), database errors.
 */
enum err	loan_step(struct db *, const struct audit_actor *,
		    const struct scope *sc, long long id, unsigned version,
		    enum loan_action act, const struct loan_input *in,
		    const struct loan_decision *d);

/*
 * In the caller's transaction: ERR_OK when FI `fi_id` handles application
 * `id` (taken up or later) and the enterprise's consent holds (given, not
 * revoked, not past the close + LOAN_CONSENT_DAYS days), the row held by
 * a shared lock so a revocation waits for the opening; *ent_id and
 * `number` then name the enterprise and the application.  ERR_FORBIDDEN
 * otherwise; database errors.
 */
enum err	loan_consent_hold_tx(struct db *, struct arena *, long long id,
		    long long fi_id, long long *ent_id,
		    char number[LOAN_NUMBER_LEN]);

#endif
