/*
 * loans.c -- the loan applications (issue 14 "Loan applications",
 * "Matching and take-up", R-08.2a, R-08.2b, R-06.3, R-03.1, R-02.2,
 * X-AUD).
 *
 * Internet: the enterprise lists its applications, creates one (a draft,
 * or published at once with its consent and the disclaimer ticked; only
 * with complete supplementary information, R-06.3), edits and withdraws it
 * until an FI takes it up, revokes its consent, and follows its timeline.
 * Intranet: an FI's users list the applications addressed to their FI and
 * the open ones of the regions it serves, take one up (one FI wins a
 * race), the manager assigns it to an officer, the FI releases it (open
 * again), decides and reports the disbursement or that the enterprise did
 * not take the offer; the operators of the region read them.
 *
 * Scope: every application by id is loaded by the dispatcher through
 * loan_get (OBJ_LOAN) with the actor's scope in the query; a take-up lost
 * to another FI is told by the OBJ_LOAN_TAKE getter (worker.c).  Who may
 * take which step is checked by loan_step under the row's lock.
 */
#include <stdio.h>
#include <string.h>

#include "accounts/scope.h"
#include "core/enumname.h"
#include "core/timefmt.h"
#include "enterprise/enterprise.h"
#include "finance/fi.h"
#include "finance/loan.h"
#include "finance/loan_clock.h"
#include "finance/product.h"
#include "routes.h"

#define LOANS_PER_PAGE		20
#define LOAN_PRODUCTS_MAX	100	/* products offered on the form */

static const char *const status_choices[LS__MAX + 1] = { "draft", "published",
	"taken", "approved", "declined", "disbursed", "not_taken", "withdrawn",
	"expired", NULL };
static const char *const done_names[] = { "created", "published", "saved",
	"withdrawn", "revoked", "taken", "assigned", "released", "approved",
	"declined", "disbursed", "not_taken", "republished", "message", NULL };
static const char *const outcome_choices[] = { "approved", "declined", NULL };

/* The list: ?status= ?overdue=1 ?mine=1 (an FI's user: those it handles)
 * ?page= */
enum { LL_STATUS, LL_PAGE, LL_OVERDUE, LL_MINE, LL__MAX };

static const struct field list_fields[LL__MAX] = {
	[LL_STATUS] = { .name = "status", .kind = FK_CHOICE, .choices = status_choices },
	[LL_PAGE] = { .name = "page", .kind = FK_INT, .min = 1, .max = 100000 },
	[LL_OVERDUE] = { .name = "overdue", .kind = FK_BOOL },
	[LL_MINE] = { .name = "mine", .kind = FK_BOOL },
};
const struct form loans_form = { list_fields, LL__MAX };

/* One application: ?done= */
enum { LV_DONE, LV__MAX };

static const struct field view_fields[LV__MAX] = {
	[LV_DONE] = { .name = "done", .kind = FK_CHOICE, .choices = done_names },
};
const struct form loan_view_form = { view_fields, LV__MAX };

/* New and edit (the enterprise). */
enum { LE_AMOUNT, LE_TERM, LE_PURPOSE, LE_GUARANTEE, LE_PRODUCT, LE_CONSENT,
	LE_DISCLAIMER, LE_PUBLISH, LE_VERSION, LE__MAX };

static const struct field edit_fields[LE__MAX] = {
	[LE_AMOUNT] = { .name = "amount_wan", .kind = FK_INT, .flags = F_REQUIRED | F_TRIM, .min = 1, .max = LOAN_AMOUNT_MAX },
	[LE_TERM] = { .name = "term_months", .kind = FK_INT, .flags = F_REQUIRED | F_TRIM, .min = 1, .max = LOAN_TERM_MAX },
	[LE_PURPOSE] = { .name = "purpose", .kind = FK_MULTILINE, .flags = F_REQUIRED | F_TRIM, .minlen = 2, .maxlen = 500 },
	[LE_GUARANTEE] = { .name = "guarantee", .kind = FK_TEXT, .flags = F_TRIM, .maxlen = 200 },
	[LE_PRODUCT] = { .name = "product_id", .kind = FK_INT, .flags = F_TRIM, .min = 1, .max = 1000000000000LL },
	[LE_CONSENT] = { .name = "consent", .kind = FK_BOOL },
	[LE_DISCLAIMER] = { .name = "disclaimer", .kind = FK_BOOL },
	[LE_PUBLISH] = { .name = "publish", .kind = FK_BOOL },
	[LE_VERSION] = { .name = "version", .kind = FK_INT, .min = 1, .max = 1000000000 },
};
const struct form loan_edit_form = { edit_fields, LE__MAX };

static const char *
check_rate(struct arena *a, struct fval *v)
{
	int bp;

	(void)a;
	return product_rate_parse(v->s, &bp) == 0 ? NULL : "product_rate";
}

/* The FI's steps. */
enum { LA_F_VERSION, LA_F_OFFICER, LA_F_REASON, LA_F_KIND, LA_F_OUTCOME,
	LA_F_AMOUNT, LA_F_TERM, LA_F_RATE, LA_F_CONDITIONS, LA_F_DATE,
	LA_F_CONTRACT, LA_F__MAX };

static const struct field act_fields[LA_F__MAX] = {
	[LA_F_VERSION] = { .name = "version", .kind = FK_INT, .min = 1, .max = 1000000000 },
	[LA_F_OFFICER] = { .name = "officer_id", .kind = FK_INT, .min = 1, .max = 1000000000000LL },
	[LA_F_REASON] = { .name = "reason", .kind = FK_MULTILINE, .flags = F_TRIM, .maxlen = 500 },
	[LA_F_KIND] = { .name = "reason_kind", .kind = FK_CHOICE, .choices = loan_decline_names },
	[LA_F_OUTCOME] = { .name = "outcome", .kind = FK_CHOICE, .choices = outcome_choices },
	[LA_F_AMOUNT] = { .name = "amount_wan", .kind = FK_INT, .flags = F_TRIM, .min = 1, .max = LOAN_AMOUNT_MAX },
	[LA_F_TERM] = { .name = "term_months", .kind = FK_INT, .flags = F_TRIM, .min = 1, .max = LOAN_TERM_MAX },
	[LA_F_RATE] = { .name = "rate", .kind = FK_CUSTOM, .flags = F_TRIM, .maxlen = 6, .check = check_rate },
	[LA_F_CONDITIONS] = { .name = "conditions", .kind = FK_MULTILINE, .flags = F_TRIM, .maxlen = 500 },
	[LA_F_DATE] = { .name = "date", .kind = FK_DATE, .flags = F_TRIM, .check = check_not_future },
	[LA_F_CONTRACT] = { .name = "contract_no", .kind = FK_TEXT, .flags = F_TRIM, .maxlen = 50 },
};
const struct form loan_act_form = { act_fields, LA_F__MAX };

static bool
is_fi_user(const struct req *r)
{
	return r->sess != NULL && r->sess->user.role == ROLE_FI &&
	    strcmp(r->sess->user.org_kind, "fi") == 0;
}

static bool
is_enterprise(const struct req *r)
{
	return r->sess != NULL && r->sess->user.role == ROLE_ENTERPRISE;
}

static bool
is_fi_manager(struct req *r)
{
	bool mgr = false;

	if (!is_fi_user(r) ||
	    fi_user_is_manager(r->app->db, r->sess->user.id, &mgr) != ERR_OK)
		return false;
	return mgr;
}

/* UTC text as Beijing time, "" for none. */
static const char *
bj(struct req *r, const char *utc)
{
	char out[32];

	if (utc == NULL || *utc == '\0' || time_beijing(utc, out, sizeof out) != 0)
		return "";
	return arena_strdup(r->a, out);
}

/* One application as HDF node n (a row or "Loan"). */
static int
loan_to_node(struct req *r, HDF *n, const struct loan *l)
{
	char rate[16];

	product_rate_format(l->rate_bp, rate, sizeof rate);
	if (n == NULL ||
	    node_set(n, "id", arena_printf(r->a, "%lld", l->id)) == -1 ||
	    node_set(n, "number", l->number) == -1 ||
	    node_set(n, "ent_name", l->ent_name) == -1 ||
	    node_set(n, "uscc", l->uscc) == -1 ||
	    node_set(n, "region_name", l->region_name) == -1 ||
	    node_set(n, "product_id", l->product_id > 0 ?
	    arena_printf(r->a, "%lld", l->product_id) : "") == -1 ||
	    node_set(n, "product_name", l->product_name) == -1 ||
	    node_set(n, "fi_name", l->fi_name) == -1 ||
	    node_set(n, "officer_name", l->officer_name) == -1 ||
	    node_set(n, "amount_wan", arena_printf(r->a, "%lld", l->amount_wan)) == -1 ||
	    node_set(n, "term_months", arena_printf(r->a, "%lld", l->term_months)) == -1 ||
	    node_set(n, "purpose", l->purpose) == -1 ||
	    node_set(n, "guarantee", l->guarantee) == -1 ||
	    node_set(n, "status", loan_status_name(l->status)) == -1 ||
	    node_set(n, "version", arena_printf(r->a, "%u", l->version)) == -1 ||
	    node_set(n, "consent", l->consent ? "1" : "") == -1 ||
	    node_set(n, "consent_live", l->consent_live ? "1" : "") == -1 ||
	    node_set(n, "consent_at", bj(r, l->consent_at)) == -1 ||
	    node_set(n, "consent_revoked_at", bj(r, l->consent_revoked_at)) == -1 ||
	    node_set(n, "created", bj(r, l->created_at)) == -1 ||
	    node_set(n, "published", bj(r, l->published_at)) == -1 ||
	    node_set(n, "taken", bj(r, l->taken_at)) == -1 ||
	    node_set(n, "decided", bj(r, l->decided_at)) == -1 ||
	    node_set(n, "closed", bj(r, l->closed_at)) == -1)
		return -1;
	if (l->decided_at[0] != '\0' && (
	    node_set(n, "approved_amount_wan", arena_printf(r->a, "%lld", l->approved_amount_wan)) == -1 ||
	    node_set(n, "approved_term_months", arena_printf(r->a, "%lld", l->approved_term_months)) == -1 ||
	    node_set(n, "rate", l->rate_bp > 0 ? rate : "") == -1 ||
	    node_set(n, "conditions", l->conditions) == -1 ||
	    node_set(n, "decline_kind", l->decline_kind >= 0 ?
	    loan_decline_names[l->decline_kind] : "") == -1 ||
	    node_set(n, "decline_reason", l->decline_reason) == -1))
		return -1;
	if (l->status == LS_DISBURSED && (
	    node_set(n, "disbursed_amount_wan", arena_printf(r->a, "%lld", l->disbursed_amount_wan)) == -1 ||
	    node_set(n, "disbursed_on", l->disbursed_on) == -1 ||
	    node_set(n, "contract_no", l->contract_no) == -1))
		return -1;
	return 0;
}

static HDF *
loan_node(struct req *r)
{
	HDF *n = NULL;

	return hdf_get_node(r->hdf, "Loan", &n) == STATUS_OK ? n : NULL;
}

/* Who sees the time limits (issue 14 "Time limits"): the FI's manager and
 * the offices' staff of the region. */
static bool
sees_clock(struct req *r)
{
	return (r->sess != NULL && (r->sess->user.role == ROLE_OPERATOR ||
	    r->sess->user.role == ROLE_SUPERVISOR)) || is_fi_manager(r);
}

/*
 * The clock of a listed application as node n: age (working days since
 * its take-up clock started, to its close or today) and, when overdue,
 * overdue = the working days elapsed since open_at.  0, or -1.
 */
static int
clock_to_node(struct req *r, HDF *n, const struct loan *l,
    const struct calendar *cal, const struct bj_day *today)
{
	const char	*since = l->open_at != NULL && l->open_at[0] != '\0' ?
	    l->open_at : l->published_at;
	struct bj_day	 end = *today;

	if (l->closed_at != NULL && l->closed_at[0] != '\0' &&
	    loan_clock_day(l->closed_at, &end) != 0)
		end = *today;
	if (node_set(n, "age", arena_printf(r->a, "%d",
	    loan_clock_elapsed(cal, l->published_at, &end))) == -1)
		return -1;
	if (l->overdue && node_set(n, "overdue", arena_printf(r->a, "%d",
	    loan_clock_elapsed(cal, since, today))) == -1)
		return -1;
	return 0;
}

/*
 * GET /loans (internet: the enterprise's own; intranet: an FI's users
 * the applications addressed to their FI and the open ones of the regions
 * it serves, the offices their region's): newest first, 20 a page,
 * ?status= filter.  The FI's manager and the region's operators also see
 * each one's age in working days and the overdue flag (published and not
 * taken up within 1 working day when addressed, 3 when open, with the
 * working days elapsed), and filter with ?overdue=1 (by take_due_at's
 * index); for anybody else ?overdue= is ignored.  200.
 */
int
handle_loans(struct req *r)
{
	struct loan_filter	 f = { -1, false, 0 };
	struct loan_list	 l;
	struct pager		 pg;
	struct calendar		 cal;
	struct bj_day		 today;
	const char		*st = "";
	bool			 clock = sees_clock(r);
	enum err		 rc;

	r->tmpl = TMPL_LOANS;
	req_set(r, "Page.nav", "loans");
	if (r->f[LL_STATUS].present && r->f[LL_STATUS].error == NULL)
		st = r->f[LL_STATUS].s;
	if (is_enterprise(r))
		req_set(r, "Can.create", "1");
	f.status = loan_status_parse(st);
	if (clock) {
		req_set(r, "Can.clock", "1");
		f.overdue = r->f[LL_OVERDUE].i != 0;
		if (f.overdue)
			req_set(r, "Filter.overdue", "1");
	}
	if (is_fi_user(r)) {
		req_set(r, "Can.mine", "1");
		if (r->f[LL_MINE].i != 0) {
			f.officer = r->sess->user.id;
			req_set(r, "Filter.mine", "1");
		}
	}
	req_pager_init(r, LL_PAGE, LOANS_PER_PAGE, 0, &pg);
	if ((rc = loan_search_filter(r->app->db, r->a, &r->scope, &f,
	    (size_t)pg.page - 1, LOANS_PER_PAGE, &l)) != ERR_OK)
		return status_of(rc);
	loan_clock_today(&today);
	if (clock && (rc = loan_clock_calendar(r->app->db, r->a, today.y,
	    &cal)) != ERR_OK)
		return status_of(rc);
	for (size_t i = 0; i < l.n; i++) {
		HDF *n = req_row(r, "Loans", i);

		if (loan_to_node(r, n, &l.v[i]) == -1 ||
		    (clock && clock_to_node(r, n, &l.v[i], &cal, &today) == -1))
			return 500;
	}
	pg.total = l.total;
	pg.capped = l.capped;
	pg.more = l.more;
	return req_pager(r, &pg, arena_printf(r->a, "/loans?status=%s&%s%s", st,
	    f.overdue ? "overdue=1&" : "", f.officer != 0 ? "mine=1&" : "")) == 0 ?
	    200 : 500;
}

/* The enterprise of the signed-in user, its missing supplementary fields
 * as Missing.<i> (labels); *region its region.  0, or the status. */
static int
own_enterprise(struct req *r, const char **region, size_t *nmissing)
{
	const struct config	*cfg = r->app->cfg;
	struct ent_keys		 keys = { cfg->data_key, cfg->index_key };
	struct enterprise	 e;
	const char		*missing[ENT_F__MAX];
	enum err		 rc;

	if ((rc = enterprise_get(r->app->db, r->a, &keys, &r->scope,
	    r->sess->user.org_id,
	    false, &e)) != ERR_OK)
		return status_of(rc);
	*region = e.region;
	*nmissing = enterprise_missing(&e, missing);
	for (size_t i = 0; i < *nmissing; i++) {
		char label[64];

		snprintf(label, sizeof label, "Field.%s", missing[i]);
		if (req_set(r, arena_printf(r->a, "Missing.%zu", i),
		    views_str(r->app->views, label)) == -1)
			return 500;
	}
	return 0;
}

/* Products.<i> for the form: the published products serving `region`,
 * the one of id `sel` marked. */
static int
products_to_hdf(struct req *r, const char *region, long long sel)
{
	struct product_filter	 f = { .kind = -1, .region = region, .status = -1 };
	struct product_list	 l;
	enum err		 rc;

	if ((rc = product_catalogue(r->app->db, r->a, &f, 0, LOAN_PRODUCTS_MAX,
	    &l)) != ERR_OK)
		return status_of(rc);
	for (size_t i = 0; i < l.n; i++) {
		HDF *row = req_row(r, "Products", i);

		if (row == NULL ||
		    node_set(row, "id", arena_printf(r->a, "%lld", l.v[i].id)) == -1 ||
		    node_set(row, "name", l.v[i].name) == -1 ||
		    node_set(row, "fi_name", l.v[i].fi_name) == -1 ||
		    (l.v[i].id == sel && node_set(row, "selected", "1") == -1))
			return 500;
	}
	return 0;
}

/* The typed input; the cross-field messages set.  0, or -1. */
static int
input_of(struct req *r, struct loan_input *in, bool publish)
{
	struct loan_error	e[8];
	size_t			ne;

	memset(in, 0, sizeof *in);
	in->amount_wan = r->f[LE_AMOUNT].i;
	in->term_months = r->f[LE_TERM].i;
	in->purpose = r->f[LE_PURPOSE].s;
	in->guarantee = r->f[LE_GUARANTEE].s;
	in->product_id = r->f[LE_PRODUCT].present ? r->f[LE_PRODUCT].i : 0;
	in->consent = r->f[LE_CONSENT].i != 0;
	in->disclaimer = r->f[LE_DISCLAIMER].i != 0;
	if ((ne = loan_check(in, publish, e, 8)) == 0)
		return 0;
	for (size_t i = 0; i < ne; i++)
		if (hdf_get_value(r->hdf, arena_printf(r->a, "Form.%s.error",
		    e[i].field), NULL) == NULL)
			req_field_error(r, e[i].field, e[i].key);
	return -1;
}

/* The edit form's page data: the products and what is missing. */
static int
form_page(struct req *r, const char *region)
{
	r->tmpl = TMPL_LOAN_EDIT;
	req_set(r, "Page.nav", "loans");
	return products_to_hdf(r, region, r->f[LE_PRODUCT].present ?
	    r->f[LE_PRODUCT].i : 0);
}

/*
 * GET /loans/new (the enterprise): the form, with what is still missing
 * from its supplementary information.  POST: amount_wan (万元),
 * term_months, purpose, guarantee, product_id (empty: open to the banks
 * of its region), consent, disclaimer, publish.  With publish=1 it is
 * published at once (consent and disclaimer required; refused while the
 * supplementary information is incomplete, the page naming what is
 * missing with a link to complete it), else saved as a draft.  303 to
 * /loans/{id}?done=published|created; 200 with the messages next to the
 * fields and the values as typed.
 */
int
handle_loan_new(struct req *r)
{
	struct audit_actor	 a;
	struct loan_input	 in;
	const char		*region = NULL;
	size_t			 nmissing = 0;
	bool			 publish = r->f[LE_PUBLISH].i != 0;
	long long		 id;
	enum err		 rc;
	int			 st;

	if ((st = own_enterprise(r, &region, &nmissing)) != 0)
		return st;
	req_set(r, "Loan.new", "1");
	if ((st = form_page(r, region)) != 0)
		return st;
	if (r->method != HTTP_POST)
		return 200;
	st = input_of(r, &in, publish);
	if (publish && nmissing > 0) {
		req_set(r, "Loan.incomplete", "1");
		req_field_error(r, "publish", "loan_incomplete");
	}
	if (st != 0 || r->nerrors > 0)
		return 200;
	req_actor(r, &a);
	rc = loan_create(r->app->db, &a, r->sess->user.org_id, region, &in,
	    publish, &id);
	if (rc == ERR_INVAL) {
		req_field_error(r, "product_id", "loan_product");
		return 200;
	}
	if (rc == ERR_FORBIDDEN) {
		if (audit_write1(r->app->db, &a, "loan.create", "loan", "",
		    AUDIT_DENIED, "the FI has the enterprise on its unwelcome list") == ERR_DB_LOST)
			return 503;
		req_field_error(r, "product_id", "loan_unwelcome");
		return 200;
	}
	if (rc != ERR_OK)
		return status_of(rc);
	r->location = arena_printf(r->a, "/loans/%lld?done=%s", id,
	    publish ? "published" : "created");
	return r->location != NULL ? 303 : 500;
}

/* The timeline of l as Events.<i>. */
static int
events_to_hdf(struct req *r, const struct loan *l)
{
	struct loan_event	*v = NULL;
	size_t			 n = 0;
	enum err		 rc;

	if ((rc = loan_events(r->app->db, r->a, l->id, &v, &n)) != ERR_OK)
		return status_of(rc);
	for (size_t i = 0; i < n; i++) {
		HDF *row = req_row(r, "Events", i);

		if (row == NULL ||
		    node_set(row, "at", bj(r, v[i].at)) == -1 ||
		    node_set(row, "action", v[i].action) == -1 ||
		    node_set(row, "from", v[i].from) == -1 ||
		    node_set(row, "to", v[i].to) == -1 ||
		    node_set(row, "org_kind", v[i].org_kind) == -1 ||
		    node_set(row, "org", v[i].org_name) == -1 ||
		    node_set(row, "user", v[i].user_name) == -1 ||
		    node_set(row, "note", v[i].note) == -1)
			return 500;
	}
	return 0;
}

/* Officers.<i>: the active users of the FI, for the manager's assign. */
static int
officers_to_hdf(struct req *r, long long fi_id)
{
	struct fi_user	*v = NULL;
	size_t		 n = 0, k = 0;
	enum err	 rc;

	if ((rc = fi_users(r->app->db, r->a, fi_id, &v, &n)) != ERR_OK)
		return status_of(rc);
	for (size_t i = 0; i < n; i++) {
		HDF *row;

		if (v[i].status != USER_ACTIVE)
			continue;
		if ((row = req_row(r, "Officers", k++)) == NULL ||
		    node_set(row, "id", arena_printf(r->a, "%lld", v[i].id)) == -1 ||
		    node_set(row, "name", v[i].real_name) == -1 ||
		    node_set(row, "department", v[i].department) == -1)
			return 500;
	}
	return 0;
}

/* What the reader may do on l, as Can.*. */
static int
can_to_hdf(struct req *r, const struct loan *l)
{
	const struct step_machine *m = &loan_machine;
	bool	mine = is_fi_user(r) && l->fi_id == r->sess->user.org_id;
#define CAN(a)	(step_next(m, (int)l->status, (a)) >= 0)

	if (is_enterprise(r)) {
		if (CAN(LA_EDIT))
			req_set(r, "Can.edit", "1");
		if (CAN(LA_WITHDRAW))
			req_set(r, "Can.withdraw", "1");
		if (CAN(LA_REVOKE) && l->consent)
			req_set(r, "Can.revoke", "1");
		/* taken up, no decision: from reclaim_at it may take it back */
		if (CAN(LA_REPUBLISH) && l->reclaim_at[0] != '\0') {
			char from[11];

			loan_clock_from_date(l->reclaim_at, from);
			req_set(r, "Loan.reclaim_from", arena_strdup(r->a, from));
			if (l->reclaimable)
				req_set(r, "Can.republish", "1");
		}
	} else if (is_fi_user(r)) {
		if (CAN(LA_TAKE) && (l->fi_id == 0 || mine))
			req_set(r, "Can.take", "1");
		if (mine && CAN(LA_RELEASE))
			req_set(r, "Can.release", "1");
		if (mine && CAN(LA_APPROVE))
			req_set(r, "Can.decide", "1");
		if (mine && CAN(LA_DISBURSE))
			req_set(r, "Can.disburse", "1");
		if (mine && CAN(LA_NOT_TAKEN))
			req_set(r, "Can.not_taken", "1");
		if (mine && l->consent_live && l->status != LS_PUBLISHED)
			req_set(r, "Can.credit", "1");
		if (mine && CAN(LA_ASSIGN) && is_fi_manager(r)) {
			req_set(r, "Can.assign", "1");
			return officers_to_hdf(r, l->fi_id);
		}
	}
#undef CAN
	return 0;
}

/* The page of one application (r->obj), with its timeline, its thread
 * (loan_messages.c) and the forms the reader may use; `st` the status to
 * answer (200, or 4xx with the page shown again). */
int
loan_page(struct req *r, const struct loan *l, int st)
{
	int rc;

	r->tmpl = TMPL_LOAN;
	r->tmpl_on_4xx = true;
	req_set(r, "Page.nav", "loans");
	if (loan_to_node(r, loan_node(r), l) == -1)
		return 500;
	if ((rc = events_to_hdf(r, l)) != 0 || (rc = can_to_hdf(r, l)) != 0 ||
	    (rc = loan_suggest_products(r, l)) != 0 ||
	    (rc = loan_thread_to_hdf(r, l)) != 0 ||
	    (rc = measure_unwelcome_to_hdf(r, l)) != 0)
		return rc;
	return st;
}

/* GET /loans/{id} (both portals, within the reader's scope): the
 * application, its timeline, the disclaimer and the steps the reader may
 * take.  ?done= names the step just taken.  404 outside the scope. */
int
handle_loan(struct req *r)
{
	if (r->f[LV_DONE].present && r->f[LV_DONE].error == NULL)
		req_set(r, "Done", views_str(r->app->views,
		    arena_printf(r->a, "Loan.done.%s", r->f[LV_DONE].s)));
	return loan_page(r, r->obj, 200);
}

/* The answer to a refused or failed step on l: the page with the
 * message `key` (Err.<key>) for ERR_CONFLICT / ERR_INVAL, else the
 * status of rc. */
static int
step_refused(struct req *r, const struct loan *l, enum err rc, const char *conflict)
{
	switch (rc) {
	case ERR_CONFLICT:
		req_set(r, "Refused", views_str(r->app->views,
		    arena_printf(r->a, "Err.%s", conflict)));
		return loan_page(r, l, 409);
	case ERR_NOTFOUND:
		return 404;
	case ERR_FORBIDDEN:
		return 403;
	default:
		return status_of(rc);
	}
}

static int
done(struct req *r, long long id, const char *what)
{
	r->location = arena_printf(r->a, "/loans/%lld?done=%s", id, what);
	return r->location != NULL ? 303 : 500;
}

/*
 * GET /loans/{id}/edit (the enterprise, until an FI takes it up): the
 * form with the stored values.  POST: the fields of /loans/new and
 * version (the one shown: an application changed meanwhile, or taken up,
 * is refused with a message); a draft with publish=1 is published.  303
 * to /loans/{id}?done=saved|published; 200 with messages; 409 when it can
 * no longer be edited.
 */
int
handle_loan_edit(struct req *r)
{
	const struct loan	*l = r->obj;
	struct audit_actor	 a;
	struct loan_input	 in;
	const char		*region = NULL;
	size_t			 nmissing = 0;
	bool			 publish = r->f[LE_PUBLISH].i != 0 && l->status == LS_DRAFT;
	enum err		 rc;
	int			 st;

	if (step_next(&loan_machine, (int)l->status, LA_EDIT) < 0)
		return step_refused(r, l, ERR_CONFLICT, "loan_not_editable");
	if ((st = own_enterprise(r, &region, &nmissing)) != 0)
		return st;
	if (loan_to_node(r, loan_node(r), l) == -1)
		return 500;
	if (r->method != HTTP_POST) {
		const struct {
			const char *k, *v;
		} f[] = {
			{ "amount_wan", arena_printf(r->a, "%lld", l->amount_wan) },
			{ "term_months", arena_printf(r->a, "%lld", l->term_months) },
			{ "purpose", l->purpose }, { "guarantee", l->guarantee },
			{ "product_id", l->product_id > 0 ?
			    arena_printf(r->a, "%lld", l->product_id) : "" },
			{ "version", arena_printf(r->a, "%u", l->version) },
		};

		for (size_t i = 0; i < sizeof f / sizeof f[0]; i++)
			if (req_set(r, arena_printf(r->a, "Form.%s.value", f[i].k), f[i].v) == -1)
				return 500;
		r->tmpl = TMPL_LOAN_EDIT;
		req_set(r, "Page.nav", "loans");
		st = products_to_hdf(r, region, l->product_id);
		return st != 0 ? st : 200;
	}
	if ((st = form_page(r, region)) != 0)
		return st;
	st = input_of(r, &in, publish);
	if (publish && nmissing > 0) {
		req_set(r, "Loan.incomplete", "1");
		req_field_error(r, "publish", "loan_incomplete");
	}
	if (st != 0 || r->nerrors > 0)
		return 200;
	req_actor(r, &a);
	rc = loan_step(r->app->db, &a, &r->scope, l->id,
	    (unsigned)r->f[LE_VERSION].i, publish ? LA_PUBLISH : LA_EDIT, &in, NULL);
	if (rc == ERR_INVAL) {
		req_field_error(r, "product_id", "loan_product");
		return 200;
	}
	if (rc == ERR_FORBIDDEN) {
		req_field_error(r, "product_id", "loan_unwelcome");
		return 200;
	}
	if (rc == ERR_CONFLICT) {
		req_set(r, "Refused", views_str(r->app->views, "Err.loan_changed"));
		return 200;
	}
	if (rc != ERR_OK)
		return step_refused(r, l, rc, "loan_changed");
	return done(r, l->id, publish ? "published" : "saved");
}

/* A step of the enterprise without fields (withdraw, revoke). */
static int
ent_step(struct req *r, enum loan_action act, const char *what)
{
	const struct loan	*l = r->obj;
	struct audit_actor	 a;
	enum err		 rc;

	req_actor(r, &a);
	rc = loan_step(r->app->db, &a, &r->scope, l->id, 0, act, NULL, NULL);
	if (rc != ERR_OK)
		return step_refused(r, l, rc, act == LA_WITHDRAW ?
		    "loan_not_withdrawable" : act == LA_REPUBLISH ?
		    "loan_not_republishable" : "loan_no_consent");
	return done(r, l->id, what);
}

/* POST /loans/{id}/withdraw (the enterprise, until taken up): withdrawn
 * (final).  303; 409 with a message once an FI took it up. */
int
handle_loan_withdraw(struct req *r)
{
	return ent_step(r, LA_WITHDRAW, "withdrawn");
}

/* POST /loans/{id}/revoke (the enterprise): its consent ends now; the FI
 * can no longer open its credit information for it.  303; 409 when no
 * consent holds. */
int
handle_loan_revoke(struct req *r)
{
	return ent_step(r, LA_REVOKE, "revoked");
}

/*
 * POST /loans/{id}/republish (the enterprise; R-08.2b): an application
 * taken up LOAN_RECLAIM working days ago (reclaim_at) without a decision
 * is taken back from the FI and published again, open to the region's
 * FIs, with a new take-up clock; the enterprise may then edit or withdraw
 * it.  303 to ?done=republished; 409 with the message (the page names
 * the date it becomes possible) before then or in any other state.
 */
int
handle_loan_republish(struct req *r)
{
	return ent_step(r, LA_REPUBLISH, "republished");
}

/* The take-up lost to another FI: 409, the number and the message only. */
static int
lost(struct req *r, const struct loan *l)
{
	r->tmpl = TMPL_LOAN;
	r->tmpl_on_4xx = true;
	req_set(r, "Page.nav", "loans");
	req_set(r, "Refused", views_str(r->app->views, "Err.loan_taken_elsewhere"));
	req_set(r, "Loan.lost", "1");
	req_set(r, "Loan.number", l->number);
	return 409;
}

/*
 * POST /loans/{id}/take (an FI user; version: the one shown): the FI
 * takes up a published application addressed to it or open in a region
 * it serves.  Two FIs racing: the first wins (303), the other gets 409
 * with 该申请已被其他金融机构受理 (from here, or from the OBJ_LOAN_TAKE
 * getter when the other FI's take-up was already committed).
 */
int
handle_loan_take(struct req *r)
{
	const struct loan	*l = r->obj;
	struct audit_actor	 a;
	enum err		 rc;

	if (l->lost)
		return lost(r, l);
	if (l->status != LS_PUBLISHED)
		return step_refused(r, l, ERR_CONFLICT, "loan_changed");
	req_actor(r, &a);
	rc = loan_step(r->app->db, &a, &r->scope, l->id,
	    r->f[LA_F_VERSION].present ? (unsigned)r->f[LA_F_VERSION].i : l->version,
	    LA_TAKE, NULL, NULL);
	if (rc == ERR_CONFLICT || rc == ERR_NOTFOUND) {
		struct loan now;

		/* lost the race: say so, and show only what it may still see */
		req_set(r, "Refused", views_str(r->app->views, "Err.loan_taken_elsewhere"));
		if (loan_get(r->app->db, r->a, &r->scope, l->id, &now) == ERR_OK) {
			/* still in view: changed by the enterprise meanwhile */
			if (now.status == LS_PUBLISHED)
				req_set(r, "Refused", views_str(r->app->views,
				    "Err.loan_changed"));
			return loan_page(r, &now, 409);
		}
		if (loan_get_lost(r->app->db, r->a, &r->scope, l->id, &now) == ERR_OK)
			return lost(r, &now);
		return 404;
	}
	if (rc != ERR_OK)
		return step_refused(r, l, rc, "loan_taken_elsewhere");
	return done(r, l->id, "taken");
}

/* A step of the handling FI: the decision fields in d.  A field error
 * shows the page again (400) with the message next to it. */
static int
fi_step(struct req *r, enum loan_action act, const struct loan_decision *d,
    const char *what)
{
	const struct loan	*l = r->obj;
	struct audit_actor	 a;
	enum err		 rc;

	if (r->nerrors > 0)
		return loan_page(r, l, 400);
	req_actor(r, &a);
	rc = loan_step(r->app->db, &a, &r->scope, l->id,
	    r->f[LA_F_VERSION].present ? (unsigned)r->f[LA_F_VERSION].i : 0,
	    act, NULL, d);
	if (rc == ERR_INVAL && act == LA_ASSIGN) {
		req_field_error(r, "officer_id", "loan_officer");
		return loan_page(r, l, 400);
	}
	if (rc != ERR_OK)
		return step_refused(r, l, rc, "loan_changed");
	return done(r, l->id, what);
}

/* POST /loans/{id}/assign (its FI's manager; officer_id: an active user
 * of the FI): the officer handling it.  303; 400 for another FI's user;
 * 403 (audited) for an officer. */
int
handle_loan_assign(struct req *r)
{
	struct loan_decision d = { .manager = is_fi_manager(r) };

	if (!r->f[LA_F_OFFICER].present && r->f[LA_F_OFFICER].error == NULL)
		req_field_error(r, "officer_id", "loan_officer");
	d.officer_id = r->f[LA_F_OFFICER].i;
	return fi_step(r, LA_ASSIGN, &d, "assigned");
}

/* POST /loans/{id}/release (the handling FI; reason required): open to
 * the region's FIs again.  303; 400 without a reason. */
int
handle_loan_release(struct req *r)
{
	struct loan_decision d = { .reason = r->f[LA_F_REASON].s };

	if (!r->f[LA_F_REASON].present && r->f[LA_F_REASON].error == NULL)
		req_field_error(r, "reason", "loan_reason");
	return fi_step(r, LA_RELEASE, &d, "released");
}

/*
 * POST /loans/{id}/decide (the handling FI): outcome=approved with
 * amount_wan, term_months, rate (annual %, two decimals) and conditions,
 * or outcome=declined with reason (and reason_kind, default other).  303;
 * 400 with the messages next to the missing fields.
 */
int
handle_loan_decide(struct req *r)
{
	struct loan_decision	d;
	const char		*o = r->f[LA_F_OUTCOME].s;
	bool			 approve;
	int			 bp = 0;

	memset(&d, 0, sizeof d);
	if (!r->f[LA_F_OUTCOME].present && r->f[LA_F_OUTCOME].error == NULL)
		req_field_error(r, "outcome", "loan_outcome");
	approve = strcmp(o, "approved") == 0;
	if (approve) {
		if (!r->f[LA_F_AMOUNT].present && r->f[LA_F_AMOUNT].error == NULL)
			req_field_error(r, "amount_wan", "required");
		if (!r->f[LA_F_TERM].present && r->f[LA_F_TERM].error == NULL)
			req_field_error(r, "term_months", "required");
		if (!r->f[LA_F_RATE].present && r->f[LA_F_RATE].error == NULL)
			req_field_error(r, "rate", "required");
		if (r->f[LA_F_RATE].present && r->f[LA_F_RATE].error == NULL)
			(void)product_rate_parse(r->f[LA_F_RATE].s, &bp);
		d.amount_wan = r->f[LA_F_AMOUNT].i;
		d.term_months = r->f[LA_F_TERM].i;
		d.rate_bp = bp;
		d.conditions = r->f[LA_F_CONDITIONS].s;
	} else if (strcmp(o, "declined") == 0) {
		if (!r->f[LA_F_REASON].present && r->f[LA_F_REASON].error == NULL)
			req_field_error(r, "reason", "loan_reason");
		d.reason = r->f[LA_F_REASON].s;
		d.decline_kind = r->f[LA_F_KIND].present && r->f[LA_F_KIND].error == NULL ?
		    enum_parse(loan_decline_names, LD__MAX, r->f[LA_F_KIND].s) : LD_OTHER;
	}
	return fi_step(r, approve ? LA_APPROVE : LA_DECLINE, &d,
	    approve ? "approved" : "declined");
}

/* POST /loans/{id}/disburse (the handling FI, once approved): amount_wan,
 * date (not in the future), contract_no.  303; 400 with messages. */
int
handle_loan_disburse(struct req *r)
{
	struct loan_decision d;

	memset(&d, 0, sizeof d);
	if (!r->f[LA_F_AMOUNT].present && r->f[LA_F_AMOUNT].error == NULL)
		req_field_error(r, "amount_wan", "required");
	if (!r->f[LA_F_DATE].present && r->f[LA_F_DATE].error == NULL)
		req_field_error(r, "date", "required");
	if (!r->f[LA_F_CONTRACT].present && r->f[LA_F_CONTRACT].error == NULL)
		req_field_error(r, "contract_no", "required");
	d.amount_wan = r->f[LA_F_AMOUNT].i;
	d.date = r->f[LA_F_DATE].s;
	d.contract_no = r->f[LA_F_CONTRACT].s;
	return fi_step(r, LA_DISBURSE, &d, "disbursed");
}

/* POST /loans/{id}/not-taken (the handling FI, once approved): the
 * enterprise did not take the offer (closed).  303. */
int
handle_loan_not_taken(struct req *r)
{
	struct loan_decision d;

	memset(&d, 0, sizeof d);
	return fi_step(r, LA_NOT_TAKEN, &d, "not_taken");
}
