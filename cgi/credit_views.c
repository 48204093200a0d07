/*
 * credit_views.c -- enterprise credit information as people see it:
 * logged openings by gov users and operators on the intranet, the
 * enterprise's request to view its own, its printed report and the list
 * of who viewed it (R-08.1, R-08.2c, R-09.4, R-02.2, X-AUD).
 *
 * Scope: gov users open any enterprise of the province -- an agency views
 * credit information for its duties wherever the enterprise is
 * registered -- while operators and supervisors stay in their region
 * (the province sees all): the enterprise's scoped getter (credit_ent_get,
 * SCOPE_ENT) says so in its statement, and an operator opening an
 * enterprise of another city is a 404 with an access.denied row.  No record is shown without a
 * stated purpose, and every opening is logged (credit_open).
 *
 * The enterprise applies on the internet portal; an operator of its
 * region grants or refuses (a city operator on another city's request is
 * an audited 404); under a live grant each opening of the report is
 * issued (POST) with a number and logged with the purpose "self"; the
 * same day's report of the same records is issued once.
 */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "db/db_region.h"
#include "credit/credit_cat.h"
#include "credit/credit_view.h"
#include "enterprise/enterprise.h"
#include "enterprise/enterprise_list.h"
#include "finance/loan.h"
#include "routes.h"
#include "accounts/perm.h"
#include "core/timefmt.h"

#define CREDIT_PER_PAGE		20	/* search results, requests, viewers */
#define CREDIT_PAGE_MAX		10000
#define MY_REQUESTS_MAX		50

/* --- declared input ---------------------------------------------------- */

static const char *const purpose_choices[] = { "duty", "supervision",
	"evaluation", "other", NULL };
static const char *const result_choices[] = { "grant", "refuse", NULL };
static const char *const decided_choices[] = { "granted", "refused", NULL };
static const char *const applied_choices[] = { "applied", NULL };

enum { CS_Q, CS_PAGE, CS__MAX };
static const struct field search_fields[CS__MAX] = {
	[CS_Q] = { .name = "q", .kind = FK_TEXT, .flags = F_TRIM, .maxlen = 100 },
	[CS_PAGE] = { .name = "page", .kind = FK_INT, .min = 1, .max = CREDIT_PAGE_MAX },
};
const struct form credit_search_form = { search_fields, CS__MAX };

enum { CO_PURPOSE, CO_TEXT, CO__MAX };
static const struct field open_fields[CO__MAX] = {
	[CO_PURPOSE] = { .name = "purpose", .kind = FK_CHOICE, .choices = purpose_choices },
	[CO_TEXT] = { .name = "purpose_text", .kind = FK_TEXT, .flags = F_TRIM, .maxlen = 200 },
};
const struct form credit_open_form = { open_fields, CO__MAX };

enum { CR_DONE, CR_PAGE, CR__MAX };
static const struct field requests_fields[CR__MAX] = {
	[CR_DONE] = { .name = "done", .kind = FK_CHOICE, .choices = decided_choices },
	[CR_PAGE] = { .name = "page", .kind = FK_INT, .min = 1, .max = CREDIT_PAGE_MAX },
};
const struct form credit_requests_form = { requests_fields, CR__MAX };

enum { CD_RESULT, CD_NOTE, CD__MAX };
static const struct field decide_fields[CD__MAX] = {
	[CD_RESULT] = { .name = "result", .kind = FK_CHOICE, .choices = result_choices },
	[CD_NOTE] = { .name = "note", .kind = FK_MULTILINE, .flags = F_TRIM, .maxlen = 500 },
};
const struct form credit_decide_form = { decide_fields, CD__MAX };

enum { MC_DONE, MC__MAX };
static const struct field my_fields[MC__MAX] = {
	[MC_DONE] = { .name = "done", .kind = FK_CHOICE, .choices = applied_choices },
};
const struct form my_credit_form = { my_fields, MC__MAX };

enum { MA_REASON, MA__MAX };
static const struct field apply_fields[MA__MAX] = {
	[MA_REASON] = { .name = "reason", .kind = FK_MULTILINE,
	    .flags = F_REQUIRED | F_TRIM, .maxlen = 500 },
};
const struct form my_credit_apply_form = { apply_fields, MA__MAX };

enum { MV_PAGE, MV__MAX };
static const struct field viewers_fields[MV__MAX] = {
	[MV_PAGE] = { .name = "page", .kind = FK_INT, .min = 1, .max = CREDIT_PAGE_MAX },
};
const struct form my_credit_viewers_form = { viewers_fields, MV__MAX };

/* /verify: the code as printed (groups of four, '-' or spaces between,
 * either case), checked by credit_code_normal in the handler so that a
 * malformed one gets its message next to the field. */
enum { VF_CODE, VF__MAX };
static const struct field verify_fields[VF__MAX] = {
	[VF_CODE] = { .name = "code", .kind = FK_TEXT, .flags = F_TRIM, .maxlen = 40 },
};
const struct form verify_form = { verify_fields, VF__MAX };

/* --- helpers ------------------------------------------------------------- */

static bool
is_ops(const struct req *r)
{
	return (ROLES_OPS & ROLE_BIT(r->sess->user.role)) != 0;
}

/* The region scope of credit information: province-wide for gov users
 * (for their duties), the user's own region for operators. */
static const char *
credit_scope(const struct req *r)
{
	return is_ops(r) ? r->sess->user.region : REGION_PROVINCE;
}

static void
today_str(char out[16])
{
	int y, m, d;

	beijing_today(&y, &m, &d);
	snprintf(out, 16, "%04d-%02d-%02d", y % 10000, m % 100, d % 100);
}

/* A UTC time as Beijing time ("" for NULL or malformed). */
static const char *
beijing(struct req *r, const char *utc, bool secs)
{
	char out[32];

	if (utc == NULL || (secs ? time_beijing_secs(utc, out, sizeof out) :
	    time_beijing(utc, out, sizeof out)) == -1)
		return "";
	return arena_strdup(r->a, out);
}

/* The Beijing day of a UTC time ("" for NULL or malformed). */
static const char *
beijing_day(struct req *r, const char *utc)
{
	const char *s = beijing(r, utc, false);

	return strlen(s) >= 10 ? arena_strndup(r->a, s, 10) : s;
}

static int
ent_to_hdf(struct req *r, const struct credit_ent *e)
{
	if (req_setf(r, "Ent.id", "%lld", e->id) == -1 ||
	    req_set(r, "Ent.uscc", e->uscc) == -1 ||
	    req_set(r, "Ent.name", e->name) == -1 ||
	    req_set(r, "Ent.region", e->region) == -1 ||
	    req_set(r, "Ent.region_name", e->region_name) == -1)
		return -1;
	return 0;
}

/* The records as HDF list Records.<i> (with .fields.<j>). */
static int
records_to_hdf(struct req *r, const struct credit_record_list *l)
{
	for (size_t i = 0; i < l->n; i++) {
		const struct credit_record	*x = &l->v[i];
		HDF				*row = req_row(r, "Records", i);

		if (row == NULL ||
		    node_set(row, "n", arena_printf(r->a, "%zu", i + 1)) == -1 ||
		    node_set(row, "id", arena_printf(r->a, "%lld", x->id)) == -1 ||
		    node_set(row, "category", x->category) == -1 ||
		    node_set(row, "date_label", x->date_label) == -1 ||
		    node_set(row, "date", x->decision_date) == -1 ||
		    node_set(row, "period_end", x->period_end) == -1 ||
		    node_set(row, "agency", x->agency_name) == -1 ||
		    node_set(row, "batch", arena_printf(r->a, "%lld", x->batch_id)) == -1)
			return -1;
		/* the mark 有异议 with the filing day (issue 15, R-08.2e) */
		if (x->objection_id > 0 &&
		    (node_set(row, "objection", arena_printf(r->a, "%lld", x->objection_id)) == -1 ||
		    node_set(row, "objection_day", beijing_day(r, x->objection_filed)) == -1 ||
		    node_set(row, "objection_status", x->objection_status) == -1))
			return -1;
		for (size_t j = 0; j < x->nfields; j++) {
			HDF	*f;
			char	 key[32];

			snprintf(key, sizeof key, "fields.%zu", j);
			if (hdf_get_node(row, key, &f) != STATUS_OK ||
			    node_set(f, "label", x->fields[j].label) == -1 ||
			    node_set(f, "value", x->fields[j].value) == -1)
				return -1;
		}
	}
	if (req_setf(r, "RecordCount", "%zu", l->n) == -1)
		return -1;
	if (l->capped && req_setf(r, "RecordsCapped", "%d", CREDIT_RECORDS_MAX) == -1)
		return -1;
	return 0;
}

/* --- gov users and operators (intranet) ---------------------------------- */

/*
 * GET /credit (gov, operator, supervisor): search an enterprise by a part
 * of its name or its USCC (?q=, lib/enterprise_list), province-wide for
 * gov users, in the user's region for operators; 20 a page.  Without q
 * only the form.  Each result links to /credit/{id}.  200.
 */
int
handle_credit_search(struct req *r)
{
	struct entlist_filter	 f;
	struct entlist		 l;
	const char		*q = r->f[CS_Q].error == NULL ? r->f[CS_Q].s : "";
	const char		*eq;
	struct pager		 pg;
	enum err		 rc;
	int			 st;

	/* issue 16: credit.view (a gov user's account, and the role) */
	if ((st = req_perm(r, PERM_CREDIT_VIEW)) != 0)
		return st;
	r->tmpl = TMPL_CREDIT_SEARCH;
	req_set(r, "Page.nav", "credit");
	req_set(r, "Scope.region", credit_scope(r));
	req_set(r, "Scope.region_name", r->sess->user.region_name);
	if (*q == '\0')
		return 200;
	req_pager_init(r, CS_PAGE, CREDIT_PER_PAGE, CREDIT_PAGE_MAX, &pg);
	memset(&f, 0, sizeof f);
	f.scope = credit_scope(r);
	f.q = q;
	f.registered = ENTLIST_ANY;
	f.complete = ENTLIST_ANY;
	if ((rc = entlist_search(r->app->db, r->a, &f, (size_t)pg.page - 1,
	    CREDIT_PER_PAGE, &l)) != ERR_OK)
		return status_of(rc);
	req_set(r, "Search.done", "1");
	for (size_t i = 0; i < l.n; i++) {
		const struct entlist_row	*e = &l.v[i];
		HDF				*row = req_row(r, "Results", i);

		if (row == NULL ||
		    node_set(row, "id", arena_printf(r->a, "%lld", e->id)) == -1 ||
		    node_set(row, "uscc", e->uscc) == -1 ||
		    node_set(row, "name", e->name) == -1 ||
		    node_set(row, "region_name", e->region_name) == -1)
			return 500;
	}
	pg.total = l.total;
	pg.capped = l.capped;
	pg.more = l.more;
	if ((eq = query_escape(r->a, q)) == NULL ||
	    req_pager(r, &pg, arena_printf(r->a, "/credit?q=%s&", eq)) == -1)
		return 500;
	return 200;
}

/* Now in Beijing, "YYYY-MM-DD HH:MM". */
static const char *
now_beijing(struct req *r)
{
	char		out[32];

	beijing_now_text(out, sizeof out);
	return arena_strdup(r->a, out);
}

/*
 * GET /credit/{id} (gov, operator, supervisor): the enterprise's name and
 * USCC and the purpose form -- no record.  POST (purpose = duty |
 * supervision | evaluation | other, purpose_text required for other,
 * csrf_token): logs the opening (credit_queries + audit "credit.view" in
 * one transaction) and answers 200 with the current records; this page is
 * the logged opening, so there is no redirect.  Without a purpose: 200
 * with the message next to the field, nothing logged, nothing shown.
 * The dispatcher loaded the enterprise (r->obj, OBJ_ENTERPRISE: any for
 * a gov user, the region's for operators and supervisors); none in the
 * scope was its 404, audited as access.denied.
 */
int
handle_credit(struct req *r)
{
	const struct user		*u = &r->sess->user;
	struct credit_record_list	 l;
	struct credit_opening		 o;
	struct audit_actor		 a;
	const struct credit_ent		*e = r->obj;
	long long			 qid = 0;
	char				 today[16];
	enum err			 rc;
	int				 p;

	if ((p = req_perm(r, PERM_CREDIT_VIEW)) != 0)	/* issue 16 */
		return p;
	r->tmpl = TMPL_CREDIT;
	req_set(r, "Page.nav", "credit");
	if (ent_to_hdf(r, e) == -1)
		return 500;
	if (r->method != HTTP_POST)
		return 200;

	if (!r->f[CO_PURPOSE].present && r->f[CO_PURPOSE].error == NULL)
		req_field_error(r, "purpose", "credit_purpose");
	p = credit_purpose_parse(r->f[CO_PURPOSE].s);
	if (p == CPUR_OTHER && r->f[CO_TEXT].error == NULL && !r->f[CO_TEXT].present)
		req_field_error(r, "purpose_text", "credit_purpose_text");
	if (r->nerrors > 0 || p < 0)
		return 200;

	memset(&o, 0, sizeof o);
	o.enterprise_id = e->id;
	o.org_kind = u->org_kind;
	o.org_id = u->org_id;
	o.purpose = (enum credit_purpose)p;
	o.purpose_text = p == CPUR_OTHER ? r->f[CO_TEXT].s : "";
	today_str(today);
	req_actor(r, &a);
	if ((rc = credit_open(r->app->db, r->a, &a, &o, today, CREDIT_RECORDS_MAX,
	    &l, &qid)) != ERR_OK)
		return status_of(rc);
	if (req_set(r, "Opened.purpose", credit_purpose_name(o.purpose)) == -1 ||
	    req_set(r, "Opened.text", o.purpose_text) == -1 ||
	    req_setf(r, "Opened.id", "%lld", qid) == -1 ||
	    req_set(r, "Opened.at", now_beijing(r)) == -1 ||
	    records_to_hdf(r, &l) == -1)
		return 500;
	return 200;
}

/* The consent of a loan application, held in the opening's transaction. */
struct loan_hold {
	long long	loan_id, fi_id, ent_id;
	char		number[LOAN_NUMBER_LEN];
};

static enum err
loan_hold(struct db *db, struct arena *a, void *ctx)
{
	struct loan_hold *h = ctx;

	return loan_consent_hold_tx(db, a, h->loan_id, h->fi_id, &h->ent_id,
	    h->number);
}

/*
 * GET /loans/{id}/credit (a user of the FI handling the application, in
 * its scope): the enterprise and the application, and the button that
 * opens its credit information -- no record.  POST: while the
 * enterprise's consent holds (taken up or later, not revoked, not past
 * the close + 30 days), logs the opening (credit_queries with org the FI,
 * purpose 信贷审批 and the application's number, + audit "credit.view",
 * the consent checked under a lock in the same transaction) and answers
 * 200 with the current records; the enterprise sees the FI's name in its
 * 谁查询了我.  Without consent: 403, audited, nothing logged.
 */
int
handle_loan_credit(struct req *r)
{
	const struct loan		*l = r->obj;
	const struct user		*u = &r->sess->user;
	struct credit_record_list	 recs;
	struct credit_opening		 o;
	struct audit_actor		 a;
	struct credit_ent		 e;
	struct loan_hold		 h;
	struct scope			 sys;
	long long			 qid = 0;
	char				 today[16];
	enum err			 rc;

	if (l->fi_id != u->org_id || !l->consent_live)
		return req_forbidden(r, "loan", l->id, "no consent for this FI");
	/* the FI reaches the enterprise through the application, which the
	 * dispatcher loaded in the FI's scope: no enterprise scope of its own */
	scope_system(&sys);
	if ((rc = credit_ent_get(r->app->db, r->a, &sys, l->enterprise_id, &e)) != ERR_OK)
		return status_of(rc);
	r->tmpl = TMPL_LOAN_CREDIT;
	req_set(r, "Page.nav", "loans");
	if (ent_to_hdf(r, &e) == -1 ||
	    req_setf(r, "Loan.id", "%lld", l->id) == -1 ||
	    req_set(r, "Loan.number", l->number) == -1)
		return 500;
	if (r->method != HTTP_POST)
		return 200;
	memset(&h, 0, sizeof h);
	h.loan_id = l->id;
	h.fi_id = u->org_id;
	memset(&o, 0, sizeof o);
	o.enterprise_id = l->enterprise_id;
	o.org_kind = "fi";
	o.org_id = u->org_id;
	o.purpose = CPUR_LOAN;
	o.purpose_text = l->number;
	o.hold = loan_hold;
	o.hold_ctx = &h;
	today_str(today);
	req_actor(r, &a);
	rc = credit_open(r->app->db, r->a, &a, &o, today, CREDIT_RECORDS_MAX,
	    &recs, &qid);
	if (rc == ERR_FORBIDDEN)
		return req_forbidden(r, "loan", l->id, "consent ended");
	if (rc != ERR_OK)
		return status_of(rc);
	if (req_set(r, "Opened.purpose", credit_purpose_name(o.purpose)) == -1 ||
	    req_set(r, "Opened.text", o.purpose_text) == -1 ||
	    req_setf(r, "Opened.id", "%lld", qid) == -1 ||
	    req_set(r, "Opened.at", now_beijing(r)) == -1 ||
	    records_to_hdf(r, &recs) == -1)
		return 500;
	return 200;
}

/* The requests page: the region's requests, pending first. */
static int
requests_page(struct req *r)
{
	const struct user		*u = &r->sess->user;
	struct credit_self_req_list	 l;
	struct pager			 pg;
	enum err			 rc;

	r->tmpl = TMPL_CREDIT_REQUESTS;
	req_set(r, "Page.nav", "credit_requests");
	req_set(r, "Scope.region", u->region);
	req_set(r, "Scope.region_name", u->region_name);
	req_setf(r, "Grant.days", "%d", CREDIT_GRANT_DAYS);
	if (u->role == ROLE_OPERATOR)
		req_set(r, "Can.decide", "1");
	req_pager_init(r, CR_PAGE, CREDIT_PER_PAGE, CREDIT_PAGE_MAX, &pg);
	if ((rc = credit_self_search(r->app->db, r->a, u->region, (size_t)pg.page - 1,
	    CREDIT_PER_PAGE, &l)) != ERR_OK)
		return status_of(rc);
	for (size_t i = 0; i < l.n; i++) {
		const struct credit_self_req	*q = &l.v[i];
		HDF				*row = req_row(r, "Requests", i);

		if (row == NULL ||
		    node_set(row, "id", arena_printf(r->a, "%lld", q->id)) == -1 ||
		    node_set(row, "ent_id", arena_printf(r->a, "%lld", q->enterprise_id)) == -1 ||
		    node_set(row, "uscc", q->uscc) == -1 ||
		    node_set(row, "name", q->ent_name) == -1 ||
		    node_set(row, "region_name", q->region_name) == -1 ||
		    node_set(row, "reason", q->reason) == -1 ||
		    node_set(row, "status", csr_status_name(q->status)) == -1 ||
		    node_set(row, "created", beijing(r, q->created_at, false)) == -1 ||
		    node_set(row, "decided", beijing(r, q->decided_at, false)) == -1 ||
		    node_set(row, "decided_by", q->decided_name) == -1 ||
		    node_set(row, "note", q->note) == -1 ||
		    node_set(row, "valid_until", beijing(r, q->valid_until, false)) == -1 ||
		    node_set(row, "live", q->live ? "1" : "") == -1)
			return 500;
	}
	pg.total = l.total;
	return req_pager(r, &pg, "/credit-requests?") == -1 ? 500 : 200;
}

/*
 * GET /credit-requests (operator, supervisor): the enterprises' requests
 * to view their own credit information in the user's region (the
 * province: all), pending first, 20 a page; operators decide each
 * pending one in place.  ?done=granted|refused confirms a decision.
 */
int
handle_credit_requests(struct req *r)
{
	if (r->f[CR_DONE].present && r->f[CR_DONE].error == NULL)
		req_set(r, "Done", r->f[CR_DONE].s);
	return requests_page(r);
}

/*
 * POST /credit-requests/{id}/decide (operator of the request's region):
 * result=grant|refuse, note (required to refuse).  Grant: valid for
 * CREDIT_GRANT_DAYS days from now.  303 to /credit-requests?done=...; a
 * missing result or reason: 200, the list with the message at that
 * request; no longer pending: 409 with the list.  The dispatcher loaded
 * the request of the actor's region (r->obj, OBJ_CREDIT_REQUEST): another
 * region's, or none, was its 404 audited as access.denied (R-02.2).
 */
int
handle_credit_decide(struct req *r)
{
	const struct credit_self_req *q = r->obj;
	struct audit_actor	a;
	long long		id = q->id;
	bool			grant;
	enum err		rc;

	grant = r->f[CD_RESULT].present && strcmp(r->f[CD_RESULT].s, "grant") == 0;
	if (!r->f[CD_RESULT].present && r->f[CD_RESULT].error == NULL)
		req_field_error(r, "result", "required");
	else if (r->f[CD_RESULT].error == NULL && !grant &&
	    !r->f[CD_NOTE].present && r->f[CD_NOTE].error == NULL)
		req_field_error(r, "note", "credit_refuse_note");
	if (r->nerrors > 0) {
		req_setf(r, "Decide.id", "%lld", id);
		return requests_page(r);
	}
	req_actor(r, &a);
	rc = credit_self_decide(r->app->db, &a, &r->scope, id, grant,
	    r->f[CD_NOTE].s);
	if (rc == ERR_CONFLICT) {
		int st;

		req_setf(r, "Stale", "%lld", id);
		r->tmpl_on_4xx = true;
		st = requests_page(r);
		return st == 200 ? 409 : st;
	}
	if (rc != ERR_OK)
		return status_of(rc);
	r->location = grant ? "/credit-requests?done=granted" :
	    "/credit-requests?done=refused";
	return 303;
}

/* --- the enterprise's side (internet) ------------------------------------ */

/* The signed-in enterprise user's enterprise.  0, or the status. */
static int
my_ent(struct req *r, struct credit_ent *e)
{
	const struct user	*u = &r->sess->user;
	enum err		 rc;

	if (strcmp(u->org_kind, "enterprise") != 0)
		return req_forbidden(r, "user", u->id, "not an enterprise account");
	if ((rc = credit_ent_get(r->app->db, r->a, &r->scope, u->org_id, e)) != ERR_OK)
		return status_of(rc);
	return 0;
}

/* The enterprise's page: its requests, the live grant, the form. */
static int
my_credit_page(struct req *r, const struct credit_ent *e)
{
	struct credit_self_req_list	l;
	bool				pending = false, live = false;
	enum err			rc;

	r->tmpl = TMPL_MY_CREDIT;
	req_set(r, "Page.nav", "my_credit");
	/* the marks 有异议 on its information (issue 15) */
	if (objection_marks_to_hdf(r) == -1)
		return 500;
	req_setf(r, "Grant.days", "%d", CREDIT_GRANT_DAYS);
	if (ent_to_hdf(r, e) == -1)
		return 500;
	if ((rc = credit_self_of(r->app->db, r->a, e->id, MY_REQUESTS_MAX, &l)) != ERR_OK)
		return status_of(rc);
	for (size_t i = 0; i < l.n; i++) {
		const struct credit_self_req	*q = &l.v[i];
		HDF				*row = req_row(r, "Requests", i);

		if (row == NULL ||
		    node_set(row, "id", arena_printf(r->a, "%lld", q->id)) == -1 ||
		    node_set(row, "reason", q->reason) == -1 ||
		    node_set(row, "status", csr_status_name(q->status)) == -1 ||
		    node_set(row, "created", beijing(r, q->created_at, false)) == -1 ||
		    node_set(row, "decided", beijing(r, q->decided_at, false)) == -1 ||
		    node_set(row, "note", q->note) == -1 ||
		    node_set(row, "valid_until", beijing(r, q->valid_until, false)) == -1 ||
		    node_set(row, "live", q->live ? "1" : "") == -1)
			return 500;
		pending |= q->status == CSR_PENDING;
		/* the newest live grant is the one the report goes by */
		if (q->live && !live) {
			live = true;
			req_set(r, "Live.valid_until", beijing(r, q->valid_until, false));
		}
	}
	if (pending)
		req_set(r, "Pending", "1");
	if (live)
		req_set(r, "Live.on", "1");
	return 200;
}

/*
 * GET /my-credit (enterprise): its requests to view its own credit
 * information (status, dates, the operator's note, how long a grant
 * lasts), the report while a grant is live, the form to apply while none
 * is pending, and the link to who viewed its information.
 */
int
handle_my_credit(struct req *r)
{
	struct credit_ent	e;
	int			st;

	if ((st = my_ent(r, &e)) != 0)
		return st;
	if (r->f[MC_DONE].present && r->f[MC_DONE].error == NULL)
		req_set(r, "Done", "1");
	return my_credit_page(r, &e);
}

/*
 * POST /my-credit/apply (enterprise): reason (required, at most 500
 * characters).  Creates a pending request for the enterprise's region,
 * audited as "credit.self.apply", and 303s to /my-credit?done=applied.  A
 * bad reason or a request already pending: 200, the page with the
 * message next to the field.
 */
int
handle_my_credit_apply(struct req *r)
{
	struct audit_actor	a;
	struct credit_ent	e;
	long long		id;
	enum err		rc;
	int			st;

	if ((st = my_ent(r, &e)) != 0)
		return st;
	if (r->nerrors > 0)
		return my_credit_page(r, &e);
	req_actor(r, &a);
	rc = credit_self_apply(r->app->db, &a, e.id, e.region, r->sess->user.id,
	    r->f[MA_REASON].s, &id);
	if (rc == ERR_CONFLICT) {
		req_field_error(r, "reason", "credit_self_pending");
		return my_credit_page(r, &e);
	}
	if (rc != ERR_OK)
		return status_of(rc);
	r->location = "/my-credit?done=applied";
	return 303;
}

/* The 403 page of the report without a live grant (access.denied). */
static int
report_no_grant(struct req *r, long long ent_id)
{
	req_set(r, "Page.nav", "my_credit");
	req_set(r, "NoGrant", "1");
	r->tmpl_on_4xx = true;
	return req_forbidden(r, "enterprise", ent_id, "no live credit grant");
}

/* Where the code is checked: /verify on this (the internet) portal's
 * public origin, as nginx passes it (DUIJIE_ORIGIN). */
static const char *
verify_url(struct req *r)
{
	const char *o = r->fcgi != NULL ?
	    FCGX_GetParam("DUIJIE_ORIGIN", r->fcgi->envp) : NULL;

	return arena_printf(r->a, "%s/verify", o != NULL ? o : "");
}

/*
 * The report's basic facts of the enterprise (Facts.*): what its profile
 * holds of its registration -- name, USCC, region, registration number,
 * legal representative, address, registered capital, organisational form,
 * industry.  The profile has no date of establishment, so none is shown.
 * Nothing sealed (the ID number, mobiles) is printed.
 */
static int
report_facts(struct req *r, long long ent_id)
{
	const struct config	*cfg = r->app->cfg;
	struct ent_keys		 keys = { cfg->data_key, cfg->index_key };
	struct enterprise	 x;
	enum err		 rc;

	if ((rc = enterprise_get(r->app->db, r->a, &keys, &r->scope, ent_id,
	    false, &x)) != ERR_OK)
		return status_of(rc);
	if (req_set(r, "Facts.name", x.v[ENT_F_NAME]) == -1 ||
	    req_set(r, "Facts.uscc", x.uscc) == -1 ||
	    req_set(r, "Facts.region_name", x.region_name) == -1 ||
	    req_set(r, "Facts.reg_no", x.v[ENT_F_REG_NO]) == -1 ||
	    req_set(r, "Facts.legal_name", x.v[ENT_F_LEGAL_NAME]) == -1 ||
	    req_set(r, "Facts.address", x.v[ENT_F_ADDRESS]) == -1 ||
	    req_set(r, "Facts.reg_capital", ent_money_text(r->a, x.v[ENT_F_REG_CAPITAL])) == -1 ||
	    req_set(r, "Facts.org_form", x.v[ENT_F_ORG_FORM]) == -1 ||
	    req_set(r, "Facts.industry", x.v[ENT_F_INDUSTRY]) == -1)
		return 500;
	return 0;
}

/*
 * The report's summary (Summary.<row>.<0|1>.name/.count: two a row, in
 * the categories' display order): every category, with the number of records the report
 * lists in it (0 too: "no penalty" is a fact worth printing); a category
 * no longer offered appears only when the report lists some of it.
 */
static int
report_summary(struct req *r, const struct credit_record_list *l)
{
	struct credit_catalog	cat;
	size_t			n = 0;
	enum err		rc;

	if ((rc = credit_catalog_load(r->app->db, r->a, false, &cat)) != ERR_OK)
		return status_of(rc);
	for (size_t i = 0; i < cat.n; i++) {
		const struct credit_category	*c = &cat.v[i];
		size_t				 k = 0;
		HDF				*row;

		for (size_t j = 0; j < l->n; j++)
			k += l->v[j].category_id == c->id;
		if (k == 0 && !c->active)
			continue;
		/* two categories a row, to keep the table short on paper */
		if ((row = req_row(r, "Summary", n / 2)) == NULL ||
		    node_set(row, arena_printf(r->a, "%zu.name", n % 2), c->name) == -1 ||
		    node_set(row, arena_printf(r->a, "%zu.count", n % 2),
		    arena_printf(r->a, "%zu", k)) == -1)
			return 500;
		n++;
	}
	return 0;
}

/*
 * GET /my-credit/report (enterprise, under a live grant): the printable
 * report (A4, no navigation) issued last under the grant, with its number
 * and time (Beijing) and its records read again.  Reads only: a reload
 * or a HEAD numbers nothing and logs nothing, and the body of a HEAD is
 * never sent.  No report issued yet under the grant, or the records
 * changed since (a record added, withdrawn or past its period): 200 with
 * the button that issues one (POST), no record shown.  Without a live
 * grant: 403 with a page that says so and points to /my-credit (audited
 * as access.denied).
 */
int
handle_my_credit_report(struct req *r)
{
	struct credit_record_list	l;
	struct credit_report		rep;
	struct credit_ent		e;
	char				today[16];
	enum err			rc;
	int				st;

	if ((st = my_ent(r, &e)) != 0)
		return st;
	r->tmpl = TMPL_MY_CREDIT_REPORT;
	if (ent_to_hdf(r, &e) == -1)
		return 500;
	today_str(today);
	rc = credit_report_show(r->app->db, r->a, r->app->cfg->data_key, e.id,
	    today, CREDIT_RECORDS_MAX, &l, &rep);
	if (rc == ERR_FORBIDDEN)
		return report_no_grant(r, e.id);
	if (rc == ERR_NOTFOUND || rc == ERR_CONFLICT) {
		req_set(r, "Page.nav", "my_credit");
		req_set(r, "Issue.on", "1");
		/* a report of before verification codes (045) is issued anew too */
		if (rc == ERR_CONFLICT && req_set(r, rep.code[0] != '\0' ?
		    "Issue.stale" : "Issue.nocode", rep.number) == -1)
			return 500;
		return 200;
	}
	if (rc != ERR_OK)
		return status_of(rc);
	req_set(r, "Page.layout", "print");
	/* the enterprise disputes a record from its report (issue 15) */
	req_set(r, "ObjLinks", "1");
	if (req_set(r, "Report.number", rep.number) == -1 ||
	    req_set(r, "Report.at", beijing(r, rep.created_at, true)) == -1 ||
	    req_set(r, "Report.valid_until", beijing(r, rep.valid_until, false)) == -1 ||
	    req_set(r, "Report.code", rep.code) == -1 ||
	    req_set(r, "Report.digest", rep.digest) == -1 ||
	    req_set(r, "Report.verify_url", verify_url(r)) == -1 ||
	    records_to_hdf(r, &l) == -1)
		return 500;
	if ((st = report_facts(r, e.id)) != 0 || (st = report_summary(r, &l)) != 0)
		return st;
	return 200;
}

/*
 * POST /my-credit/report (enterprise, under a live grant; csrf_token):
 * issues the report -- a new number, a credit_reports row, a
 * credit_queries row with purpose "self" and an audit row
 * "credit.report", in one transaction -- unless today's newest report of
 * the grant lists the same records: then that one again, nothing written.
 * 303 to GET /my-credit/report, which shows it.  Without a live grant:
 * 403 as the GET.
 */
int
handle_my_credit_report_issue(struct req *r)
{
	struct credit_report	rep;
	struct audit_actor	a;
	struct credit_ent	e;
	char			today[16];
	bool			fresh;
	enum err		rc;
	int			st;

	if ((st = my_ent(r, &e)) != 0)
		return st;
	r->tmpl = TMPL_MY_CREDIT_REPORT;
	if (ent_to_hdf(r, &e) == -1)
		return 500;
	today_str(today);
	req_actor(r, &a);
	rc = credit_report_issue(r->app->db, r->a, r->app->cfg->data_key, &a,
	    e.id, today, CREDIT_RECORDS_MAX, &rep, &fresh);
	if (rc == ERR_FORBIDDEN)
		return report_no_grant(r, e.id);
	if (rc != ERR_OK)
		return status_of(rc);
	r->location = "/my-credit/report";
	return 303;
}

/*
 * GET /my-credit/viewers (enterprise): "谁查询了我" -- every opening of
 * its credit information by others: the organisation (the agency, or the
 * operator office), never the person; the purpose (with its text for
 * 其他); the time (Beijing).  Newest first, 20 a page.
 */
int
handle_my_credit_viewers(struct req *r)
{
	struct credit_viewer_list	l;
	struct credit_ent		e;
	struct pager			pg;
	enum err			rc;
	int				st;

	if ((st = my_ent(r, &e)) != 0)
		return st;
	r->tmpl = TMPL_MY_CREDIT_VIEWERS;
	req_set(r, "Page.nav", "my_credit");
	if (ent_to_hdf(r, &e) == -1)
		return 500;
	req_pager_init(r, MV_PAGE, CREDIT_PER_PAGE, CREDIT_PAGE_MAX, &pg);
	if ((rc = credit_viewers(r->app->db, r->a, e.id, (size_t)pg.page - 1,
	    CREDIT_PER_PAGE, &l)) != ERR_OK)
		return status_of(rc);
	for (size_t i = 0; i < l.n; i++) {
		const struct credit_viewer	*v = &l.v[i];
		HDF				*row = req_row(r, "Viewers", i);

		if (row == NULL ||
		    node_set(row, "at", beijing(r, v->at, false)) == -1 ||
		    node_set(row, "org_kind", v->org_kind) == -1 ||
		    node_set(row, "org", v->org_name) == -1 ||
		    node_set(row, "purpose", credit_purpose_name(v->purpose)) == -1 ||
		    node_set(row, "text", v->purpose == CPUR_OTHER ||
		    v->purpose == CPUR_LOAN ? v->purpose_text : "") == -1)
			return 500;
	}
	pg.total = l.total;
	/* the marks 有异议 on its information (issue 15) */
	if (objection_marks_to_hdf(r) == -1)
		return 500;
	return req_pager(r, &pg, "/my-credit/viewers?") == -1 ? 500 : 200;
}

/*
 * GET /verify (internet portal, public): the form that checks a credit
 * report's verification code.  POST (code, csrf_token; rate limited by
 * nginx as the sign-in is): a code that cannot be one -- not 16 characters
 * of A-Z and 2-7 once spaces and '-' are left out -- gets its message next
 * to the field, nothing looked up; a well-formed code is looked up by its
 * hash (credit_report_verify): a genuine report shows its number, the
 * enterprise's name and USCC, the time it was issued (Beijing), how many
 * records it listed and the digest of its content, to compare with the
 * paper; an unknown code says so (audited as a failed verification).
 * 200 in every case: nothing tells a made-up code from a withdrawn one.
 */
int
handle_verify(struct req *r)
{
	struct credit_verified	v;
	struct audit_actor	a;
	char			code[CREDIT_CODE_LEN];
	enum err		rc;

	r->tmpl = TMPL_VERIFY;
	if (r->method != HTTP_POST || r->nerrors > 0)
		return 200;
	if (!r->f[VF_CODE].present || r->f[VF_CODE].len == 0) {
		req_field_error(r, "code", "verify_required");
		return 200;
	}
	if (credit_code_normal(r->f[VF_CODE].s, code) == -1) {
		req_field_error(r, "code", "verify_format");
		return 200;
	}
	req_actor(r, &a);
	rc = credit_report_verify(r->app->db, r->a, &a, code, &v);
	if (rc == ERR_NOTFOUND) {
		req_set(r, "Verify.notfound", "1");
		req_set(r, "Verify.code", code);
		return 200;
	}
	if (rc != ERR_OK)
		return status_of(rc);
	if (req_set(r, "Verify.ok", "1") == -1 ||
	    req_set(r, "Verify.code", code) == -1 ||
	    req_set(r, "Verify.number", v.number) == -1 ||
	    req_set(r, "Verify.at", beijing(r, v.created_at, true)) == -1 ||
	    req_set(r, "Verify.ent_name", v.ent_name) == -1 ||
	    req_set(r, "Verify.uscc", v.uscc) == -1 ||
	    req_setf(r, "Verify.records", "%u", v.records) == -1 ||
	    req_set(r, "Verify.digest", v.digest) == -1)
		return 500;
	return 200;
}
