/*
 * agencies.c -- the government agencies on the intranet: the operators'
 * list, creation and editing, and one agency's page with its gov users,
 * which the agency's own users may open too (R-02.2, R-05.1, X-AUD).
 *
 * Operators and supervisors read, operators write (the route table says
 * so).  Scope: a user of an agency sees its own agency and no other; the
 * offices' staff see the agencies of their region (all of them for the
 * province).  A refusal is a 403 with an access.denied audit row.  The
 * domain calls write the audit rows of the changes themselves.
 */
#include <stdio.h>
#include <string.h>

#include "agency/agency.h"
#include "agency/agency_form.h"
#include "db/db_region.h"
#include "routes.h"
#include "accounts/perm.h"
#include "credit/credit_cat.h"
#include "crypto/seal.h"
#include "core/timefmt.h"

#define AGENCIES_PER_PAGE	20
#define AGENCY_FORMS		10	/* latest change forms on an agency's page */

enum { AGENCIES_Q, AGENCIES_PAGE, AGENCIES__MAX };

static const struct field agencies_fields[AGENCIES__MAX] = {
	[AGENCIES_Q] = { .name = "q", .kind = FK_TEXT, .flags = F_TRIM, .maxlen = 50 },
	[AGENCIES_PAGE] = { .name = "page", .kind = FK_INT, .min = 1, .max = 100000 },
};
const struct form agencies_form = { agencies_fields, AGENCIES__MAX };

static const char *
check_region(struct arena *a, struct fval *v)
{
	(void)a;
	return region_code_valid(v->s) ? NULL : "bad_region";
}

/* The fields of an agency, lengths as in the agencies table.  The region
 * comes last: the edit form is the same list without it, so a region
 * posted to an edit is never even read. */
enum { AG_NAME, AG_DEPT_CODE, AG_ADDRESS, AG_NET_NAME, AG_NET_TITLE,
	AG_NET_CONTACT, AG_REGION, AG__MAX };

static const struct field agency_fields[AG__MAX] = {
	[AG_NAME] = { .name = "name", .kind = FK_TEXT, .flags = F_REQUIRED | F_TRIM, .minlen = 2, .maxlen = 100 },
	[AG_DEPT_CODE] = { .name = "dept_code", .kind = FK_TEXT, .flags = F_TRIM, .maxlen = 40 },
	[AG_ADDRESS] = { .name = "address", .kind = FK_TEXT, .flags = F_TRIM, .maxlen = 200 },
	[AG_NET_NAME] = { .name = "net_name", .kind = FK_TEXT, .flags = F_TRIM, .maxlen = 50 },
	[AG_NET_TITLE] = { .name = "net_title", .kind = FK_TEXT, .flags = F_TRIM, .maxlen = 100 },
	[AG_NET_CONTACT] = { .name = "net_contact", .kind = FK_TEXT, .flags = F_TRIM, .maxlen = 100 },
	[AG_REGION] = { .name = "region", .kind = FK_CUSTOM, .flags = F_REQUIRED | F_TRIM, .maxlen = 6, .check = check_region },
};
const struct form agency_new_form = { agency_fields, AG__MAX };
const struct form agency_edit_form = { agency_fields, AG_REGION };

/* The confirmations after a redirect, by their ?done= value. */
static const char *const done_names[] = { "created", "updated", NULL };

enum { AGENCY_DONE, AGENCY__MAX };

static const struct field agency_view_fields[AGENCY__MAX] = {
	[AGENCY_DONE] = { .name = "done", .kind = FK_CHOICE, .choices = done_names },
};
const struct form agency_form = { agency_view_fields, AGENCY__MAX };

/* Sets `name` under `node` to UTC time utc in Beijing time (unless NULL). */
static int
node_set_time(HDF *node, const char *name, const char *utc)
{
	char when[32];

	if (time_beijing(utc, when, sizeof when) == -1)
		return 0;
	return node_set(node, name, when);
}

/* True when the signed-in user belongs to an agency (a gov user). */
static bool
of_agency(const struct req *r)
{
	return strcmp(r->sess->user.org_kind, "agency") == 0;
}

/* Sources.<i>.{id, name, on}: every category and whether the agency is a
 * source of it (credit.import, issue 16).  -1 on error. */
static int
sources_to_hdf(struct req *r, long long agency_id)
{
	struct credit_catalog	 cat;
	long long		*ids;
	size_t			 n;

	if (credit_catalog_load(r->app->db, r->a, false, &cat) != ERR_OK ||
	    perm_agency_sources(r->app->db, r->a, agency_id, &ids, &n) != ERR_OK)
		return -1;
	for (size_t i = 0; i < cat.n; i++) {
		HDF	*row = req_row(r, "Sources", i);
		bool	 on = false;

		for (size_t j = 0; j < n; j++)
			on = on || ids[j] == cat.v[i].id;
		if (row == NULL ||
		    node_set(row, "id", arena_printf(r->a, "%d", cat.v[i].id)) == -1 ||
		    node_set(row, "name", cat.v[i].name) == -1 ||
		    (on && node_set(row, "on", "1") == -1))
			return -1;
	}
	return 0;
}

/* Agency.* for the templates. */
static int
agency_to_hdf(struct req *r, const struct agency *ag)
{
	char when[32];

	if (req_setf(r, "Agency.id", "%lld", ag->id) == -1 ||
	    req_set(r, "Agency.name", ag->name) == -1 ||
	    req_set(r, "Agency.region", ag->region) == -1 ||
	    req_set(r, "Agency.region_name", ag->region_name) == -1 ||
	    req_set(r, "Agency.dept_code", ag->dept_code) == -1 ||
	    req_set(r, "Agency.address", ag->address) == -1 ||
	    req_set(r, "Agency.net_name", ag->net_name) == -1 ||
	    req_set(r, "Agency.net_title", ag->net_title) == -1 ||
	    req_set(r, "Agency.net_contact", contact_mask(r->a, ag->net_contact)) == -1 ||
	    req_setf(r, "Agency.users", "%lld", ag->users) == -1)
		return -1;
	if (time_beijing(ag->created_at, when, sizeof when) == 0)
		req_set(r, "Agency.created", when);
	return 0;
}

/* The typed fields of an agency form (region: the create form only). */
static void
input_of(const struct req *r, struct agency_input *in, bool with_region)
{
	memset(in, 0, sizeof *in);
	in->name = r->f[AG_NAME].s;
	in->dept_code = r->f[AG_DEPT_CODE].s;
	in->address = r->f[AG_ADDRESS].s;
	in->net_name = r->f[AG_NET_NAME].s;
	in->net_title = r->f[AG_NET_TITLE].s;
	in->net_contact = r->f[AG_NET_CONTACT].s;
	if (with_region)
		in->region = r->f[AG_REGION].s;
}

/*
 * GET /agencies (operator, supervisor): the agencies of the actor's
 * region (all of them for the province), by region and name, 20 a page,
 * with their number of gov users; ?q= matches part of the name.  200; a
 * bad field shows its message and the first page.
 */
int
handle_agencies(struct req *r)
{
	struct agency_list	 l;
	const char		*q = r->f[AGENCIES_Q].error == NULL ? r->f[AGENCIES_Q].s : "";
	const char		*eq;
	struct pager		 pg;
	enum err		 rc;

	r->tmpl = TMPL_AGENCIES;
	req_set(r, "Page.nav", "agencies");
	req_set(r, "Agencies.scope", r->sess->user.region);
	req_set(r, "Agencies.scope_name", r->sess->user.region_name);
	if (r->sess->user.role == ROLE_OPERATOR)
		req_set(r, "Can.create", "1");
	req_pager_init(r, AGENCIES_PAGE, AGENCIES_PER_PAGE, 0, &pg);
	if ((rc = agency_search(r->app->db, r->a, r->sess->user.region, q,
	    &pg, &l)) != ERR_OK)
		return status_of(rc);
	for (size_t i = 0; i < l.n; i++) {
		const struct agency	*ag = &l.v[i];
		HDF			*row = req_row(r, "Agencies.rows", i);
		char			 id[24], users[24];

		snprintf(id, sizeof id, "%lld", ag->id);
		snprintf(users, sizeof users, "%lld", ag->users);
		if (row == NULL || node_set(row, "id", id) == -1 ||
		    node_set(row, "name", ag->name) == -1 ||
		    node_set(row, "region", ag->region) == -1 ||
		    node_set(row, "region_name", ag->region_name) == -1 ||
		    node_set(row, "net_name", ag->net_name) == -1 ||
		    node_set(row, "net_contact", contact_mask(r->a, ag->net_contact)) == -1 ||
		    node_set(row, "users", users) == -1)
			return 500;
	}
	if ((eq = query_escape(r->a, q)) == NULL ||
	    req_pager(r, &pg, arena_printf(r->a, "/agencies?q=%s&", eq)) == -1)
		return 500;
	return 200;
}

/*
 * Regions.<i>.{code, name, selected} for the region select: the regions
 * the actor covers (the province: all 22; a city: itself), `sel` marked.
 * Sets *found when sel is one of them.  Returns 0, or an HTTP status.
 */
static int
regions_to_hdf(struct req *r, const char *sel, bool *found)
{
	const struct region *v;
	size_t		 n, k = 0;
	enum err	 rc;

	*found = false;
	if ((rc = db_region_list(r->app->db, &r->app->regions, &v, &n)) != ERR_OK)
		return status_of(rc);
	for (size_t i = 0; i < n; i++) {
		HDF *row;

		if (!region_covers(r->sess->user.region, v[i].code))
			continue;
		if ((row = req_row(r, "Regions", k++)) == NULL ||
		    node_set(row, "code", v[i].code) == -1 ||
		    node_set(row, "name", v[i].name) == -1)
			return 500;
		if (strcmp(sel, v[i].code) == 0) {
			*found = true;
			if (node_set(row, "selected", "1") == -1)
				return 500;
		}
	}
	return 0;
}

/*
 * GET /agencies/new (operator): the empty form; a city operator's region
 * is preselected (it is the only choice).  POST: name (2-100 characters),
 * region (one the operator covers), dept_code, address, net_name,
 * net_title, net_contact; 303 to /agencies/{id}?done=created.  200 with
 * the messages next to the fields and the values as typed on a bad field
 * or a name the region already has.
 */
int
handle_agency_new(struct req *r)
{
	struct audit_actor	 a;
	struct agency_input	 in;
	const char		*sel = r->f[AG_REGION].s;
	long long		 id;
	bool			 found;
	enum err		 rc;
	int			 st;

	r->tmpl = TMPL_AGENCY_EDIT;
	req_set(r, "Page.nav", "agencies");
	req_set(r, "Agency.new", "1");
	if (r->method != HTTP_POST && *sel == '\0' &&
	    strcmp(r->sess->user.region, REGION_PROVINCE) != 0) {
		sel = r->sess->user.region;
		req_set(r, "Form.region.value", sel);
	}
	if ((st = regions_to_hdf(r, sel, &found)) != 0)
		return st;
	if (r->method != HTTP_POST || r->nerrors > 0)
		return 200;
	if (!found) {
		/* a region outside the operator's (a forged select) or unknown */
		req_field_error(r, "region", "bad_region");
		return 200;
	}
	input_of(r, &in, true);
	req_actor(r, &a);
	rc = agency_create(r->app->db, &a, &in, &id);
	if (rc == ERR_DB_DUP) {
		req_field_error(r, "name", "agency_dup");
		return 200;
	}
	if (rc != ERR_OK)
		return status_of(rc);
	r->location = arena_printf(r->a, "/agencies/%lld?done=created", id);
	return r->location != NULL ? 303 : 500;
}

/*
 * GET /agencies/{id} (operator, supervisor of its region; a gov user of
 * this agency): the agency's facts and network contact, and its gov users
 * with their status and last sign-in in Beijing time.
 * ?done=created|updated shows the confirmation.  200; 404 for no such
 * agency; 403 (audited) for another region's agency, or for a gov user,
 * any agency but its own.
 */
/* The agency's latest change forms (R-04.3: their states are visible to
 * the agency and to the region's offices) and the way to enter one. */
static int
agency_forms_to_hdf(struct req *r, const struct agency *ag)
{
	struct aform_list	l;
	enum err		rc;

	if (r->sess->user.role == ROLE_OPERATOR || of_agency(r))
		req_set(r, "Can.enter_form", "1");
	if ((rc = aform_search(r->app->db, r->a, ag->region, ag->id, -1, 0,
	    AGENCY_FORMS, &l)) != ERR_OK)
		return status_of(rc);
	req_setf(r, "AgencyForms.total", "%lld", l.total);
	for (size_t i = 0; i < l.n; i++) {
		HDF	*row = req_row(r, "AgencyForms.rows", i);
		char	 since[32] = "";

		time_beijing(l.v[i].since, since, sizeof since);
		if (row == NULL ||
		    node_set(row, "id", arena_printf(r->a, "%lld", l.v[i].id)) == -1 ||
		    node_set(row, "status", aform_status_name(l.v[i].status)) == -1 ||
		    node_set(row, "apply_date", l.v[i].apply_date) == -1 ||
		    node_set(row, "since", since) == -1)
			return 500;
	}
	return 200;
}

int
handle_agency(struct req *r)
{
	struct agency		 ag;
	struct user_list	 l;
	enum err		 rc;

	ag = *(const struct agency *)r->obj;	/* the dispatcher's, scoped */
	r->tmpl = TMPL_AGENCY;
	req_set(r, "Page.nav", of_agency(r) ? "agency" : "agencies");
	if (agency_to_hdf(r, &ag) == -1)
		return 500;
	if (r->sess->user.role == ROLE_OPERATOR)
		req_set(r, "Can.edit", "1");
	/* only the offices' staff may open /users/{id} */
	if (!of_agency(r))
		req_set(r, "Can.users", "1");
	if (r->f[AGENCY_DONE].present && r->f[AGENCY_DONE].error == NULL) {
		char key[48];

		snprintf(key, sizeof key, "Agency.done.%s", r->f[AGENCY_DONE].s);
		req_set(r, "Done", views_str(r->app->views, key));
	}
	if ((rc = agency_users(r->app->db, r->a, ag.id, &l)) != ERR_OK)
		return status_of(rc);
	for (size_t i = 0; i < l.n; i++) {
		const struct user	*u = &l.v[i];
		HDF			*row = req_row(r, "Members", i);
		char			 id[24];

		snprintf(id, sizeof id, "%lld", u->id);
		if (row == NULL || node_set(row, "id", id) == -1 ||
		    node_set(row, "username", u->username) == -1 ||
		    node_set(row, "real_name", u->real_name) == -1 ||
		    node_set(row, "contact", contact_mask(r->a, u->contact)) == -1 ||
		    node_set(row, "status", user_status_name(u->status)) == -1 ||
		    node_set_time(row, "last_login", u->last_login_at) == -1 ||
		    (u->perms & PERM_BIT(PERM_CREDIT_VIEW) && node_set(row, "view", "1") == -1) ||
		    (u->perms & PERM_BIT(PERM_CREDIT_IMPORT) && node_set(row, "import", "1") == -1))
			return 500;
	}
	if (sources_to_hdf(r, ag.id) == -1)
		return 500;
	return agency_forms_to_hdf(r, &ag);
}

/*
 * POST /agencies/{id}/sources (an operator of the agency's region: the
 * dispatcher's scoped load): category, on (1: the agency is a source of
 * it, its gov users with credit.import may import it; absent: not).  One
 * transaction with its "agency.source" audit row; 303 to the agency.
 */
enum { SRC_CATEGORY, SRC_ON, SRC__MAX };
static const struct field source_fields[SRC__MAX] = {
	[SRC_CATEGORY] = { .name = "category", .kind = FK_INT, .flags = F_REQUIRED,
	    .min = 1, .max = 1LL << 31 },
	[SRC_ON] = { .name = "on", .kind = FK_BOOL },
};
const struct form agency_source_form = { source_fields, SRC__MAX };

int
handle_agency_source(struct req *r)
{
	const struct agency		*ag = r->obj;
	struct credit_catalog		 cat;
	struct audit_actor		 a;
	enum err			 rc;

	if (r->nerrors > 0)
		return 400;
	if ((rc = credit_catalog_load(r->app->db, r->a, false, &cat)) != ERR_OK)
		return status_of(rc);
	if (credit_category_by_id(&cat, (int)r->f[SRC_CATEGORY].i) == NULL)
		return 404;
	req_actor(r, &a);
	if ((rc = perm_agency_source_set(r->app->db, &a, ag->id,
	    r->f[SRC_CATEGORY].i, r->f[SRC_ON].i != 0)) != ERR_OK)
		return status_of(rc);
	r->location = arena_printf(r->a, "/agencies/%lld", ag->id);
	return r->location != NULL ? 303 : 500;
}

/*
 * GET /agencies/{id}/edit (operator of its region): the form with the
 * stored values; the region is shown, not offered (it never changes).
 * POST: the fields of /agencies/new but the region; 303 to
 * /agencies/{id}?done=updated (an unchanged form writes nothing).  200
 * with messages as for a new agency; 404; 403 (audited) outside the
 * operator's region.
 */
int
handle_agency_edit(struct req *r)
{
	struct audit_actor	 a;
	struct agency_input	 in;
	struct agency		 ag;
	enum err		 rc;

	ag = *(const struct agency *)r->obj;	/* the dispatcher's, scoped */
	r->tmpl = TMPL_AGENCY_EDIT;
	req_set(r, "Page.nav", "agencies");
	if (agency_to_hdf(r, &ag) == -1)
		return 500;
	if (r->method != HTTP_POST) {
		const struct {
			const char	*key, *value;
		} v[] = {
			{ "Form.name.value", ag.name },
			{ "Form.dept_code.value", ag.dept_code },
			{ "Form.address.value", ag.address },
			{ "Form.net_name.value", ag.net_name },
			{ "Form.net_title.value", ag.net_title },
			{ "Form.net_contact.value", ag.net_contact },
		};

		for (size_t i = 0; i < sizeof v / sizeof v[0]; i++)
			if (req_set(r, v[i].key, v[i].value) == -1)
				return 500;
		return 200;
	}
	if (r->nerrors > 0)
		return 200;
	input_of(r, &in, false);
	req_actor(r, &a);
	rc = agency_update(r->app->db, &a, &r->scope, ag.id, &in);
	if (rc == ERR_DB_DUP) {
		req_field_error(r, "name", "agency_dup");
		return 200;
	}
	if (rc != ERR_OK)
		return status_of(rc);
	r->location = arena_printf(r->a, "/agencies/%lld?done=updated", ag.id);
	return r->location != NULL ? 303 : 500;
}
