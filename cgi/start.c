/*
 * start.c -- each role's start page, /start on both portals (issue 18
 * "land each role on its own start page").
 *
 * Sign-in ends here for every role (routes_stage_path), and the portal's
 * home page shows its summary to a signed-in user.  The page lists what
 * waits for the person signed in, each item a count linking the list it
 * counts, filtered where the list has the filter:
 *   - operators and supervisors: change forms to check, approve or
 *     execute, departures past their due date, staff requests, claims,
 *     enterprises' requests to view their credit information, loan
 *     applications past their take-up limit, feedback to answer, event
 *     drafts, revisions of the measures waiting for a province
 *     supervisor's approval (and, as a fact, the region's upcoming
 *     events);
 *   - gov: its agency's import batches not confirmed, its change forms
 *     returned or still drafts, its departures past due;
 *   - an FI's users: the open applications waiting for a take-up, those
 *     the officer handles (taken up, approved); its manager also the
 *     overdue ones;
 *   - an enterprise: its applications by state, the supplementary
 *     fields still empty (named), its request to view its credit
 *     information, how often others viewed it;
 *   - the auditor: the last verification of the audit chain and the
 *     refused accesses of the last 7 days; the system administrator: the
 *     offices' locked accounts;
 *   - everyone: unread in-site notices.
 * The table below is data: an item is shown when it is for the user's
 * role and its list's route admits the user on this portal (as the
 * menu), so no item links a page the user cannot open.  Each count is a
 * count function of lib/ beside the list it counts, with the user's
 * scope (r->scope, or the region and organisation the list itself takes).
 * A line says so when nothing waits.
 */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "accounts/inbox.h"
#include "accounts/perm.h"
#include "accounts/staff_request.h"
#include "agency/agency_form.h"
#include "agency/departure.h"
#include "core/timefmt.h"
#include "credit/credit_import.h"
#include "credit/credit_view.h"
#include "credit/objection.h"
#include "enterprise/claim.h"
#include "enterprise/enterprise.h"
#include "finance/fi.h"
#include "finance/loan.h"
#include "info/event.h"
#include "info/feedback.h"
#include "info/rule.h"
#include "oversight/auditlog.h"
#include "oversight/measure.h"
#include "routes.h"

#define START_LIST_MAX	500	/* rows read where a list is counted */

/* What the count functions share within one request. */
struct start_ctx {
	struct req	*r;
	bool		 mgr;		/* an FI's manager */
	bool		 have_loans;	/* loans[] read */
	long long	 loans[LS__MAX];	/* the scope's applications by state */
	bool		 have_deps;
	long long	 deps_overdue;
	/* set by a count function for its item: */
	const char	*detail;	/* text beside the count, or NULL */
	const char	*query;		/* replaces the item's query, or NULL */
	bool		 waits;		/* a fact item that waits after all */
};

/* Counts one item into *n: 0, or the HTTP status of a failure. */
typedef int start_count_fn(struct start_ctx *, long long *n);

struct start_item {
	const char	*key;		/* S.Start.item.<key>; id="start-<key>" */
	unsigned	 roles;		/* ROLE_BIT()s it is for */
	int		 page;		/* PAGE_* of the list it links */
	const char	*query;		/* appended to the list's path */
	start_count_fn	*count;
	unsigned	 flags;
};
#define SI_FACT		1u	/* a fact, not a task: not in the total */
#define SI_MANAGER	2u	/* an FI's manager only */
#define SI_NOCOUNT	4u	/* shows its detail, not a number */
#define SI_PROVINCE	8u	/* the province's staff only */

static int
st(enum err rc)
{
	return rc == ERR_OK ? 0 : status_of(rc);
}

static const struct user *
me(const struct start_ctx *c)
{
	return &c->r->sess->user;
}

/* --- the count functions ----------------------------------------------- */

static int
c_inbox(struct start_ctx *c, long long *n)
{
	return st(inbox_unread(c->r->app->db, me(c)->id, n));
}

/* Change forms of the region (gov: of its agency) in one state. */
static int
aforms_in(struct start_ctx *c, enum aform_status s, long long *n)
{
	const struct user *u = me(c);

	return st(aform_count(c->r->app->db, c->r->a, u->region,
	    u->role == ROLE_GOV ? u->org_id : 0, (int)s, n));
}

static int c_aforms_check(struct start_ctx *c, long long *n) { return aforms_in(c, AF_SUBMITTED, n); }
static int c_aforms_approve(struct start_ctx *c, long long *n) { return aforms_in(c, AF_CHECKED, n); }
static int c_aforms_execute(struct start_ctx *c, long long *n) { return aforms_in(c, AF_APPROVED, n); }
static int c_aforms_returned(struct start_ctx *c, long long *n) { return aforms_in(c, AF_RETURNED, n); }
static int c_aforms_draft(struct start_ctx *c, long long *n) { return aforms_in(c, AF_DRAFT, n); }

/* Unanswered departures past their due date (the region's; gov: its
 * agency's), as /departures lists them. */
static int
c_departures(struct start_ctx *c, long long *n)
{
	const struct user	*u = me(c);
	struct departure_list	 l;
	char			 today[16];
	enum err		 rc;

	if (!c->have_deps) {
		beijing_date(today, sizeof today);
		if ((rc = departure_list(c->r->app->db, c->r->a, u->region,
		    u->role == ROLE_GOV ? u->org_id : 0, true, today,
		    START_LIST_MAX, &l)) != ERR_OK)
			return status_of(rc);
		for (size_t i = 0; i < l.n; i++)
			c->deps_overdue += l.v[i].overdue;
		c->have_deps = true;
	}
	*n = c->deps_overdue;
	return 0;
}

static int
c_sreqs(struct start_ctx *c, long long *n)
{
	return st(sreq_pending_count(c->r->app->db, c->r->a, &c->r->scope, n));
}

static int
c_claims(struct start_ctx *c, long long *n)
{
	return st(claim_count(c->r->app->db, c->r->a, &c->r->scope, n));
}

static int
c_credit_requests(struct start_ctx *c, long long *n)
{
	return st(credit_self_pending_count(c->r->app->db, c->r->a, &c->r->scope, n));
}

static int
c_loans_overdue(struct start_ctx *c, long long *n)
{
	struct loan_filter f = { -1, true, 0 };

	return st(loan_count(c->r->app->db, c->r->a, &c->r->scope, &f, n));
}

static int
c_feedback(struct start_ctx *c, long long *n)
{
	return st(feedback_count_staff(c->r->app->db, c->r->a, &c->r->scope,
	    FBS_OPEN, n));
}

static int
c_events_draft(struct start_ctx *c, long long *n)
{
	return st(event_count_manage(c->r->app->db, c->r->a, &c->r->scope,
	    EVS_DRAFT, false, n));
}

static int
c_events_upcoming(struct start_ctx *c, long long *n)
{
	return st(event_count_manage(c->r->app->db, c->r->a, &c->r->scope,
	    EVS_PUBLISHED, true, n));
}

static int
c_rules_pending(struct start_ctx *c, long long *n)
{
	return st(rule_pending_count(c->r->app->db, c->r->a, &c->r->scope, n));
}

static int
c_batches(struct start_ctx *c, long long *n)
{
	const struct user *u = me(c);

	return st(cbatch_count(c->r->app->db, c->r->a, u->region, u->org_id,
	    CB_VALIDATED, n));
}

/* An FI's applications: in state s (-1 any), overdue, the officer's own. */
static int
fi_loans(struct start_ctx *c, int s, bool overdue, bool mine, long long *n)
{
	struct loan_filter f = { s, overdue, mine ? me(c)->id : 0 };

	return st(loan_count(c->r->app->db, c->r->a, &c->r->scope, &f, n));
}

static int c_fi_open(struct start_ctx *c, long long *n) { return fi_loans(c, LS_PUBLISHED, false, false, n); }
static int c_fi_taken(struct start_ctx *c, long long *n) { return fi_loans(c, LS_TAKEN, false, true, n); }
static int c_fi_approved(struct start_ctx *c, long long *n) { return fi_loans(c, LS_APPROVED, false, true, n); }
static int c_fi_overdue(struct start_ctx *c, long long *n) { return fi_loans(c, -1, true, false, n); }

/* The enterprise's applications in one state (one statement for all). */
static int
ent_loans(struct start_ctx *c, enum loan_status s, long long *n)
{
	enum err rc;

	if (!c->have_loans) {
		if ((rc = loan_count_by_status(c->r->app->db, c->r->a, &c->r->scope,
		    c->loans)) != ERR_OK)
			return status_of(rc);
		c->have_loans = true;
	}
	*n = c->loans[s];
	return 0;
}

static int c_ent_draft(struct start_ctx *c, long long *n) { return ent_loans(c, LS_DRAFT, n); }
static int c_ent_published(struct start_ctx *c, long long *n) { return ent_loans(c, LS_PUBLISHED, n); }
static int c_ent_taken(struct start_ctx *c, long long *n) { return ent_loans(c, LS_TAKEN, n); }
static int c_ent_approved(struct start_ctx *c, long long *n) { return ent_loans(c, LS_APPROVED, n); }

/* The supplementary fields still empty, named in the detail. */
static int
c_profile(struct start_ctx *c, long long *n)
{
	const struct config	*cfg = c->r->app->cfg;
	struct ent_keys		 keys = { cfg->data_key, cfg->index_key };
	struct enterprise	 e;
	const char		*missing[ENT_F__MAX], *text = "";
	size_t			 k;
	enum err		 rc;

	if ((rc = enterprise_get(c->r->app->db, c->r->a, &keys, &c->r->scope,
	    me(c)->org_id, false, &e)) != ERR_OK)
		return status_of(rc);
	k = enterprise_missing(&e, missing);
	for (size_t i = 0; i < k; i++) {
		char label[64];

		snprintf(label, sizeof label, "Field.%s", missing[i]);
		text = arena_printf(c->r->a, "%s%s%s", text, i > 0 ? "、" : "",
		    views_str(c->r->app->views, label));
		if (text == NULL)
			return 500;
	}
	c->detail = k > 0 ? text : NULL;
	*n = (long long)k;
	return 0;
}

/* The enterprise's request to view its own credit information: pending,
 * granted until a date, or none (the detail). */
static int
c_my_credit(struct start_ctx *c, long long *n)
{
	struct credit_self_req_list	 l;
	const char			*key = "Start.credit_none";
	char				 until[32] = "";
	enum err			 rc;

	if ((rc = credit_self_of(c->r->app->db, c->r->a, me(c)->org_id, 20,
	    &l)) != ERR_OK)
		return status_of(rc);
	for (size_t i = 0; i < l.n; i++) {
		if (l.v[i].status == CSR_PENDING) {
			key = "Start.credit_pending";
			break;
		}
		if (l.v[i].live && until[0] == '\0' && l.v[i].valid_until != NULL &&
		    time_beijing(l.v[i].valid_until, until, sizeof until) == 0)
			key = "Start.credit_live";
	}
	c->detail = strcmp(key, "Start.credit_live") == 0 ?
	    arena_printf(c->r->a, "%s%s", views_str(c->r->app->views, key), until) :
	    views_str(c->r->app->views, key);
	*n = 0;
	return 0;
}

static int
c_viewers(struct start_ctx *c, long long *n)
{
	struct credit_viewer_list	l;
	enum err			rc;

	if ((rc = credit_viewers(c->r->app->db, c->r->a, me(c)->org_id, 0, 1,
	    &l)) != ERR_OK)
		return status_of(rc);
	*n = l.total;
	return 0;
}

/* The last verification of the audit chain in the auditor's scope: when
 * and its result; it waits when there was none in 7 days or it failed. */
static int
c_audit_verify(struct start_ctx *c, long long *n)
{
	struct auditlog_filter	 f = { .scope = me(c)->region, .action = "audit.verify" };
	struct auditlog_list	 l;
	struct views		*vw = c->r->app->views;
	char			 when[32], from[24];
	int			 y, m, d;
	bool			 ok;
	enum err		 rc;

	*n = 0;
	if ((rc = auditlog_search(c->r->app->db, c->r->a, &f, 0, 1, &l)) != ERR_OK)
		return status_of(rc);
	if (l.n == 0 || time_beijing(l.v[0].at, when, sizeof when) != 0) {
		c->detail = views_str(vw, "Start.verify_never");
		c->waits = true;
		return 0;
	}
	ok = strcmp(l.v[0].outcome, "ok") == 0;
	c->detail = arena_printf(c->r->a, "%s%s，%s", views_str(vw,
	    "Start.verify_last"), when, views_str(vw, ok ? "Start.verify_ok" :
	    "Start.verify_bad"));
	/* both UTC "YYYY-MM-DD HH:MM:SS": older than today and the 6 before */
	beijing_today(&y, &m, &d);
	if (beijing_midnight_utc(y, m, d, -6, from, sizeof from) != 0)
		return 500;
	c->waits = !ok || strcmp(l.v[0].at, from) < 0;
	return 0;
}

/* Refused accesses in the auditor's scope in the last 7 days (today and
 * the 6 before), linking the audit log filtered alike. */
static int
c_audit_denied(struct start_ctx *c, long long *n)
{
	struct auditlog_filter	f = { .scope = me(c)->region, .action = "access.denied" };
	struct auditlog_list	l;
	struct tm		t = { 0 };
	time_t			day;
	char			from[24], date[16];
	int			y, m, d;
	enum err		rc;

	beijing_today(&y, &m, &d);
	if (beijing_midnight_utc(y, m, d, -6, from, sizeof from) != 0)
		return 500;
	t.tm_year = y - 1900;
	t.tm_mon = m - 1;
	t.tm_mday = d - 6;
	day = timegm(&t);
	gmtime_r(&day, &t);
	snprintf(date, sizeof date, "%04d-%02d-%02d", (t.tm_year + 1900) % 10000,
	    (t.tm_mon + 1) % 100, t.tm_mday % 100);
	f.from = from;
	if ((rc = auditlog_search(c->r->app->db, c->r->a, &f, 0, 1, &l)) != ERR_OK)
		return status_of(rc);
	*n = l.total;
	c->query = arena_printf(c->r->a, "?action=access.denied&from=%s", date);
	return 0;
}

/* The offices' accounts of the region that are locked, as /staff lists
 * them. */
static int
c_staff_locked(struct start_ctx *c, long long *n)
{
	struct user	*v;
	size_t		 k;
	enum err	 rc;

	if ((rc = perm_staff_list(c->r->app->db, c->r->a, me(c)->region,
	    START_LIST_MAX, &v, &k)) != ERR_OK)
		return status_of(rc);
	*n = 0;
	for (size_t i = 0; i < k; i++)
		*n += v[i].status == USER_LOCKED;
	return 0;
}

/* Open objections past their 20 days (issue 15) in the reader's scope:
 * the agency's for gov, the region's for the offices. */
static int
c_objections_overdue(struct start_ctx *c, long long *n)
{
	char today[16];

	beijing_date(today, sizeof today);
	return st(objection_overdue_count(c->r->app->db, &c->r->scope, today, n));
}

/* Measures proposed and waiting for a supervisor's decision (issue 16),
 * as /measures?state=pending lists them. */
static int
c_measures_pending(struct start_ctx *c, long long *n)
{
	struct measure_filter	 f = { -1, "pending", NULL, 0, 0, 1 };
	struct measure_list	 l;

	return st(measure_list(c->r->app->db, c->r->a, &c->r->scope, &f, &l, n));
}

/* --- the items ----------------------------------------------------------- */

#define R(x)		ROLE_BIT(ROLE_##x)
#define OPS		(R(OPERATOR) | R(SUPERVISOR))

/*
 * In the order shown.  Objections (issue 15) and management measures
 * (issue 16) are rows like the others: the overdue objections of the
 * reader's scope, the proposals waiting for a supervisor.
 */
static const struct start_item items[] = {
	/* operators and supervisors */
	{ "aforms_check", OPS, PAGE_AFORMS, "?status=submitted", c_aforms_check, 0 },
	{ "aforms_approve", R(SUPERVISOR), PAGE_AFORMS, "?status=checked", c_aforms_approve, 0 },
	{ "aforms_execute", R(OPERATOR), PAGE_AFORMS, "?status=approved", c_aforms_execute, 0 },
	{ "departures", OPS | R(GOV), PAGE_DEPARTURES, "", c_departures, 0 },
	{ "staff_requests", R(SUPERVISOR), PAGE_SREQS, "", c_sreqs, 0 },
	{ "claims", R(OPERATOR), PAGE_CLAIMS, "", c_claims, 0 },
	{ "credit_requests", R(OPERATOR), PAGE_CREDIT_REQUESTS, "", c_credit_requests, 0 },
	{ "loans_overdue", OPS, PAGE_LOANS_LAN, "?overdue=1", c_loans_overdue, 0 },
	{ "feedback", R(OPERATOR), PAGE_FEEDBACK_MANAGE, "?state=open", c_feedback, 0 },
	{ "events_draft", R(OPERATOR), PAGE_EVENTS_MANAGE, "", c_events_draft, 0 },
	{ "rules_pending", R(SUPERVISOR), PAGE_RULES_LAN, "", c_rules_pending, SI_PROVINCE },
	{ "measures_pending", R(SUPERVISOR), PAGE_MEASURES_LAN, "?state=pending", c_measures_pending, 0 },
	{ "objections_overdue", OPS | R(GOV), PAGE_OBJECTIONS_LAN, "?status=overdue", c_objections_overdue, 0 },
	{ "events_upcoming", OPS, PAGE_EVENTS_MANAGE, "", c_events_upcoming, SI_FACT },
	/* gov: its agency's */
	{ "batches", R(GOV), PAGE_CREDIT_BATCHES, "", c_batches, 0 },
	{ "aforms_returned", R(GOV), PAGE_AFORMS, "?status=returned", c_aforms_returned, 0 },
	{ "aforms_draft", R(GOV), PAGE_AFORMS, "?status=draft", c_aforms_draft, 0 },
	/* an FI's users */
	{ "fi_open", R(FI), PAGE_LOANS_LAN, "?status=published", c_fi_open, 0 },
	{ "fi_taken", R(FI), PAGE_LOANS_LAN, "?status=taken&mine=1", c_fi_taken, 0 },
	{ "fi_approved", R(FI), PAGE_LOANS_LAN, "?status=approved&mine=1", c_fi_approved, 0 },
	{ "fi_overdue", R(FI), PAGE_LOANS_LAN, "?overdue=1", c_fi_overdue, SI_MANAGER },
	/* an enterprise */
	{ "ent_draft", R(ENTERPRISE), PAGE_LOANS_NET, "?status=draft", c_ent_draft, 0 },
	{ "ent_published", R(ENTERPRISE), PAGE_LOANS_NET, "?status=published", c_ent_published, SI_FACT },
	{ "ent_taken", R(ENTERPRISE), PAGE_LOANS_NET, "?status=taken", c_ent_taken, SI_FACT },
	{ "ent_approved", R(ENTERPRISE), PAGE_LOANS_NET, "?status=approved", c_ent_approved, SI_FACT },
	{ "profile", R(ENTERPRISE), PAGE_PROFILE_EDIT, "", c_profile, 0 },
	{ "my_credit", R(ENTERPRISE), PAGE_MY_CREDIT, "", c_my_credit, SI_FACT | SI_NOCOUNT },
	{ "viewers", R(ENTERPRISE), PAGE_MY_CREDIT_VIEWERS, "", c_viewers, SI_FACT },
	/* the administrative roles */
	{ "audit_verify", R(AUDITOR), PAGE_AUDIT_VERIFY, "", c_audit_verify, SI_FACT | SI_NOCOUNT },
	{ "audit_denied", R(AUDITOR), PAGE_AUDIT, "", c_audit_denied, SI_FACT },
	{ "staff_locked", R(SYSADMIN), PAGE_STAFF, "", c_staff_locked, 0 },
	/* everyone */
	{ "inbox", ROLES_ANY, PAGE_INBOX, "", c_inbox, 0 },
};

/* Whether item i is for the signed-in user on this portal. */
static bool
item_shown(const struct start_ctx *c, const struct start_item *i)
{
	const struct route	*rt = &routes[i->page];
	const struct user	*u = me(c);

	return (i->roles & ROLE_BIT(u->role)) &&
	    (rt->portals & c->r->app->cfg->portal) &&
	    (rt->roles & ROLE_BIT(u->role)) &&
	    (!(i->flags & SI_MANAGER) || c->mgr) &&
	    (!(i->flags & SI_PROVINCE) || scope_province_wide(&c->r->scope));
}

int
start_to_hdf(struct req *r)
{
	struct start_ctx	 c = { .r = r };
	long long		 waiting = 0;
	size_t			 k = 0;
	enum err		 rc;
	int			 s;

	if (r->sess->user.role == ROLE_FI &&
	    (rc = fi_user_is_manager(r->app->db, r->sess->user.id, &c.mgr)) != ERR_OK)
		return status_of(rc);
	for (size_t j = 0; j < sizeof items / sizeof items[0]; j++) {
		const struct start_item	*i = &items[j];
		HDF			*row;
		long long		 n = 0;
		bool			 waits;

		if (!item_shown(&c, i))
			continue;
		c.detail = c.query = NULL;
		c.waits = false;
		if ((s = i->count(&c, &n)) != 0)
			return s;
		waits = (i->flags & SI_FACT) ? c.waits : n > 0;
		if (waits && !(i->flags & SI_FACT))
			waiting += n;
		else if (waits)
			waiting++;
		if ((row = req_row(r, "Start.items", k++)) == NULL ||
		    node_set(row, "key", i->key) == -1 ||
		    /* without its leading "/": the template writes it */
		    node_set(row, "path", arena_printf(r->a, "%s%s",
		    routes[i->page].path + 1, c.query != NULL ? c.query : i->query)) == -1 ||
		    (!(i->flags & SI_NOCOUNT) &&
		    node_set(row, "count", arena_printf(r->a, "%lld", n)) == -1) ||
		    (waits && node_set(row, "waits", "1") == -1) ||
		    ((i->flags & SI_FACT) && node_set(row, "fact", "1") == -1) ||
		    (c.detail != NULL && node_set(row, "detail", c.detail) == -1))
			return 500;
	}
	if (req_setf(r, "Start.waiting", "%lld", waiting) == -1)
		return 500;
	return 0;
}

/*
 * GET /start (both portals, every signed-in role): the start page,
 * where sign-in lands.  200.
 */
int
handle_start(struct req *r)
{
	int s;

	r->tmpl = TMPL_START;
	req_set(r, "Page.nav", "start");
	if ((s = start_to_hdf(r)) != 0)
		return s;
	return 200;
}
