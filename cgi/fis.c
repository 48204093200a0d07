/*
 * fis.c -- the financial institutions on the intranet (issue 14): the
 * operators' list, creation and editing, one FI's page with its managers
 * and loan officers, and the opening and closing of those users
 * (R-02.2, R-02.3, X-AUD).
 *
 * Scope: every FI is fetched through fi_get() with the actor's scope in
 * the query (finance/fi.h): the province's operators and supervisors see
 * every FI, a city's those of its city, an FI's users their own FI; any
 * other FI is a 404.  The operators of the FI's region open and close its
 * managers (and reset or suspend any of its users on /users/{id}); the
 * FI's manager opens and closes its officers.  The domain calls write the
 * audit rows of the changes in the same transaction.
 */
#include <stdio.h>
#include <string.h>

#include "accounts/scope.h"
#include "db/db_region.h"
#include "finance/fi.h"
#include "finance/product.h"
#include "routes.h"
#include "core/timefmt.h"
#include "crypto/seal.h"

#define FIS_PER_PAGE	20

enum { FIS_Q, FIS_PAGE, FIS__MAX };

static const struct field fis_fields[FIS__MAX] = {
	[FIS_Q] = { .name = "q", .kind = FK_TEXT, .flags = F_TRIM, .maxlen = 50 },
	[FIS_PAGE] = { .name = "page", .kind = FK_INT, .min = 1, .max = 100000 },
};
const struct form fis_form = { fis_fields, FIS__MAX };

static const char *
check_code(struct arena *a, struct fval *v)
{
	(void)a;
	return fi_code_check(v->s);
}

static const char *
check_region(struct arena *a, struct fval *v)
{
	(void)a;
	return region_code_valid(v->s) ? NULL : "bad_region";
}

/* The fields of an FI; the region last (the edit form is the same list
 * without it, so a region posted to an edit is never read). */
enum { FI_NAME, FI_KIND, FI_CODE, FI_PARENT, FI_ADDRESS, FI_REGION, FI__MAX };

static const struct field fi_fields[FI__MAX] = {
	[FI_NAME] = { .name = "name", .kind = FK_TEXT, .flags = F_REQUIRED | F_TRIM, .minlen = 2, .maxlen = 100 },
	[FI_KIND] = { .name = "kind", .kind = FK_CHOICE, .flags = F_REQUIRED, .choices = fi_kind_names },
	[FI_CODE] = { .name = "code", .kind = FK_CUSTOM, .flags = F_REQUIRED | F_TRIM, .maxlen = 20, .check = check_code },
	[FI_PARENT] = { .name = "parent_id", .kind = FK_INT, .min = 1, .max = 1LL << 53 },
	[FI_ADDRESS] = { .name = "address", .kind = FK_TEXT, .flags = F_TRIM, .maxlen = 200 },
	[FI_REGION] = { .name = "region", .kind = FK_CUSTOM, .flags = F_REQUIRED | F_TRIM, .maxlen = 6, .check = check_region },
};
const struct form fi_new_form = { fi_fields, FI__MAX };
const struct form fi_edit_form = { fi_fields, FI_REGION };

static const char *const done_names[] = { "created", "updated", "opened",
	"closed", NULL };

enum { FIV_DONE, FIV__MAX };

static const struct field fi_view_fields[FIV__MAX] = {
	[FIV_DONE] = { .name = "done", .kind = FK_CHOICE, .choices = done_names },
};
const struct form fi_view_form = { fi_view_fields, FIV__MAX };

/* Opening a user: the fields of the form on the FI's page. */
enum { FU_USERNAME, FU_REAL_NAME, FU_DEPARTMENT, FU_CONTACT, FU__MAX };

static const char *
check_username(struct arena *a, struct fval *v)
{
	(void)a;
	for (size_t i = 0; i < v->len; i++) {
		char c = v->s[i];

		if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
		    c == '-' || c == '_' || c == '.'))
			return "fi_username";
	}
	return NULL;
}

static const struct field fi_user_fields[FU__MAX] = {
	[FU_USERNAME] = { .name = "username", .kind = FK_CUSTOM, .flags = F_REQUIRED | F_TRIM, .minlen = 3, .maxlen = 40, .check = check_username },
	[FU_REAL_NAME] = { .name = "real_name", .kind = FK_TEXT, .flags = F_REQUIRED | F_TRIM, .minlen = 2, .maxlen = 50 },
	[FU_DEPARTMENT] = { .name = "department", .kind = FK_TEXT, .flags = F_TRIM, .maxlen = 50 },
	[FU_CONTACT] = { .name = "contact", .kind = FK_TEXT, .flags = F_REQUIRED | F_TRIM, .minlen = 5, .maxlen = 100 },
};
const struct form fi_user_form = { fi_user_fields, FU__MAX };

enum { FC_USER, FC_REASON, FC__MAX };

static const struct field fi_close_fields[FC__MAX] = {
	[FC_USER] = { .name = "user_id", .kind = FK_INT, .flags = F_REQUIRED, .min = 1, .max = 1LL << 53 },
	[FC_REASON] = { .name = "reason", .kind = FK_TEXT, .flags = F_REQUIRED | F_TRIM, .minlen = 2, .maxlen = 200 },
};
const struct form fi_close_form = { fi_close_fields, FC__MAX };

static int
node_set_time(HDF *node, const char *name, const char *utc)
{
	char when[32];

	if (utc == NULL || time_beijing(utc, when, sizeof when) == -1)
		return 0;
	return node_set(node, name, when);
}

static bool
is_fi_user(const struct req *r)
{
	return r->sess->user.role == ROLE_FI &&
	    strcmp(r->sess->user.org_kind, "fi") == 0;
}

/* True when the signed-in user is the manager of an FI (users.fi_manager). */
static bool
is_fi_manager(struct req *r)
{
	bool mgr = false;

	if (!is_fi_user(r) ||
	    fi_user_is_manager(r->app->db, r->sess->user.id, &mgr) != ERR_OK)
		return false;
	return mgr;
}

static int
fi_to_hdf(struct req *r, const struct fi *f)
{
	char when[32];

	if (req_setf(r, "Fi.id", "%lld", f->id) == -1 ||
	    req_set(r, "Fi.name", f->name) == -1 ||
	    req_set(r, "Fi.kind", fi_kind_name(f->kind)) == -1 ||
	    req_set(r, "Fi.code", f->code) == -1 ||
	    req_set(r, "Fi.region", f->region) == -1 ||
	    req_set(r, "Fi.region_name", f->region_name) == -1 ||
	    req_set(r, "Fi.address", f->address) == -1 ||
	    req_set(r, "Fi.parent_name", f->parent_name) == -1 ||
	    req_setf(r, "Fi.managers", "%lld", f->managers) == -1 ||
	    req_setf(r, "Fi.officers", "%lld", f->officers) == -1 ||
	    req_setf(r, "Fi.products", "%lld", f->products) == -1)
		return -1;
	if (f->parent_id > 0 && req_setf(r, "Fi.parent_id", "%lld", f->parent_id) == -1)
		return -1;
	if (time_beijing(f->created_at, when, sizeof when) == 0)
		req_set(r, "Fi.created", when);
	return 0;
}

/*
 * GET /fis (operator, supervisor): the FIs of the actor's region (all of
 * them for the province), by region and name, 20 a page, with their
 * managers, officers and published products; ?q= part of the name.
 */
int
handle_fis(struct req *r)
{
	struct fi_list	 l;
	struct scope	 sc;
	const char	*q = r->f[FIS_Q].error == NULL ? r->f[FIS_Q].s : "";
	const char	*eq;
	struct pager	 pg;
	enum err	 rc;

	r->tmpl = TMPL_FIS;
	req_set(r, "Page.nav", "fis");
	req_set(r, "Fis.scope_name", r->sess->user.region_name);
	if (r->sess->user.role == ROLE_OPERATOR)
		req_set(r, "Can.create", "1");
	req_pager_init(r, FIS_PAGE, FIS_PER_PAGE, 0, &pg);
	scope_of_user(&sc, &r->sess->user);
	if ((rc = fi_search(r->app->db, r->a, &sc, q, (size_t)pg.page - 1,
	    FIS_PER_PAGE, &l)) != ERR_OK)
		return status_of(rc);
	for (size_t i = 0; i < l.n; i++) {
		const struct fi	*f = &l.v[i];
		HDF		*row = req_row(r, "Fis.rows", i);

		if (row == NULL ||
		    node_set(row, "id", arena_printf(r->a, "%lld", f->id)) == -1 ||
		    node_set(row, "name", f->name) == -1 ||
		    node_set(row, "kind", fi_kind_name(f->kind)) == -1 ||
		    node_set(row, "code", f->code) == -1 ||
		    node_set(row, "region_name", f->region_name) == -1 ||
		    node_set(row, "parent_name", f->parent_name) == -1 ||
		    node_set(row, "managers", arena_printf(r->a, "%lld", f->managers)) == -1 ||
		    node_set(row, "officers", arena_printf(r->a, "%lld", f->officers)) == -1 ||
		    node_set(row, "products", arena_printf(r->a, "%lld", f->products)) == -1)
			return 500;
	}
	pg.total = l.total;
	if ((eq = query_escape(r->a, q)) == NULL ||
	    req_pager(r, &pg, arena_printf(r->a, "/fis?q=%s&", eq)) == -1)
		return 500;
	return 200;
}

/* Regions.<i> for the region select: those the actor covers, sel marked;
 * *found when sel is one of them.  0 or an HTTP status. */
static int
regions_to_hdf(struct req *r, const char *sel, bool *found)
{
	const struct region	*v;
	size_t			 n, k = 0;
	enum err		 rc;

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

/* Parents.<i> for the parent select: the FIs of the actor's scope (the
 * first 200 by region and name), `self` left out, `sel` marked. */
static int
parents_to_hdf(struct req *r, long long self, long long sel)
{
	struct fi_list	l;
	struct scope	sc;
	size_t		k = 0;
	enum err	rc;

	scope_of_user(&sc, &r->sess->user);
	if ((rc = fi_search(r->app->db, r->a, &sc, "", 0, 200, &l)) != ERR_OK)
		return status_of(rc);
	for (size_t i = 0; i < l.n; i++) {
		HDF *row;

		if (l.v[i].id == self)
			continue;
		if ((row = req_row(r, "Parents", k++)) == NULL ||
		    node_set(row, "id", arena_printf(r->a, "%lld", l.v[i].id)) == -1 ||
		    node_set(row, "name", l.v[i].name) == -1 ||
		    node_set(row, "region_name", l.v[i].region_name) == -1)
			return 500;
		if (l.v[i].id == sel && node_set(row, "selected", "1") == -1)
			return 500;
	}
	return 0;
}

static void
input_of(const struct req *r, struct fi_input *in, bool with_region)
{
	int k = fi_kind_parse(r->f[FI_KIND].s);

	memset(in, 0, sizeof *in);
	in->name = r->f[FI_NAME].s;
	in->kind = k < 0 ? FI_OTHER : (enum fi_kind)k;
	in->code = r->f[FI_CODE].s;
	in->parent_id = r->f[FI_PARENT].present ? r->f[FI_PARENT].i : 0;
	in->address = r->f[FI_ADDRESS].s;
	if (with_region)
		in->region = r->f[FI_REGION].s;
}

/* The message of a failed create or update next to its field: 200, or
 * the status of any other error. */
static int
save_error(struct req *r, enum err rc)
{
	if (rc == ERR_DB_DUP) {
		req_field_error(r, "name", "fi_dup");
		req_field_error(r, "code", "fi_dup");
		return 200;
	}
	if (rc == ERR_INVAL || rc == ERR_NOTFOUND) {
		req_field_error(r, "parent_id", "fi_parent");
		return 200;
	}
	return status_of(rc);
}

/*
 * GET /fis/new (operator): the empty form, a city operator's region
 * preselected.  POST: name, kind, code (14 characters, JR/T 0124 format),
 * parent_id (an FI of the operator's scope, optional), address, region
 * (one the operator covers); 303 to /fis/{id}?done=created.  200 with the
 * messages next to the fields and the values as typed.
 */
int
handle_fi_new(struct req *r)
{
	struct audit_actor	 a;
	struct fi_input		 in;
	struct scope		 sc;
	const char		*sel = r->f[FI_REGION].s;
	long long		 id;
	bool			 found;
	enum err		 rc;
	int			 st;

	r->tmpl = TMPL_FI_EDIT;
	req_set(r, "Page.nav", "fis");
	req_set(r, "Fi.new", "1");
	if (r->method != HTTP_POST && *sel == '\0' &&
	    strcmp(r->sess->user.region, REGION_PROVINCE) != 0) {
		sel = r->sess->user.region;
		req_set(r, "Form.region.value", sel);
	}
	if ((st = regions_to_hdf(r, sel, &found)) != 0 ||
	    (st = parents_to_hdf(r, 0, r->f[FI_PARENT].present ?
	    r->f[FI_PARENT].i : 0)) != 0)
		return st;
	if (r->method != HTTP_POST || r->nerrors > 0)
		return 200;
	if (!found) {
		req_field_error(r, "region", "bad_region");
		return 200;
	}
	input_of(r, &in, true);
	req_actor(r, &a);
	scope_of_user(&sc, &r->sess->user);
	if ((rc = fi_create(r->app->db, &a, &sc, &in, &id)) != ERR_OK)
		return save_error(r, rc);
	r->location = arena_printf(r->a, "/fis/%lld?done=created", id);
	return r->location != NULL ? 303 : 500;
}

/* The FI's published and other products (the FI's page). */
static int
fi_products_to_hdf(struct req *r, const struct fi *f)
{
	struct product_filter	pf = { .kind = -1, .region = "", .status = -1 };
	struct product_list	l;
	struct scope		sc;
	enum err		rc;
	size_t			k = 0;

	scope_of_user(&sc, &r->sess->user);
	if ((rc = product_search(r->app->db, r->a, &sc, &pf, 0, 500, &l)) != ERR_OK)
		return status_of(rc);
	for (size_t i = 0; i < l.n; i++) {
		HDF *row;

		if (l.v[i].fi_id != f->id)
			continue;
		if ((row = req_row(r, "FiProducts", k++)) == NULL ||
		    node_set(row, "id", arena_printf(r->a, "%lld", l.v[i].id)) == -1 ||
		    node_set(row, "name", l.v[i].name) == -1 ||
		    node_set(row, "kind", product_kind_names[l.v[i].kind]) == -1 ||
		    node_set(row, "status", product_status_name(l.v[i].status)) == -1)
			return 500;
	}
	return 0;
}

/* The FI's page into the HDF: facts, users, products, what the actor may
 * do.  0 or an HTTP status. */
static int
fi_page(struct req *r, const struct fi *f)
{
	struct fi_user	*v;
	size_t		 n;
	bool		 mgr = is_fi_manager(r);
	bool		 op = r->sess->user.role == ROLE_OPERATOR;
	enum err	 rc;
	int		 st;

	r->tmpl = TMPL_FI;
	req_set(r, "Page.nav", is_fi_user(r) ? "fi" : "fis");
	if (fi_to_hdf(r, f) == -1)
		return 500;
	if (op) {
		req_set(r, "Can.edit", "1");
		req_set(r, "Can.open_manager", "1");
		req_set(r, "Can.users", "1");
	}
	if (mgr)
		req_set(r, "Can.open_officer", "1");
	if ((rc = fi_users(r->app->db, r->a, f->id, &v, &n)) != ERR_OK)
		return status_of(rc);
	for (size_t i = 0; i < n; i++) {
		const struct fi_user	*u = &v[i];
		HDF			*row = req_row(r, "Members", i);
		bool			 can_close = u->status != USER_REVOKED &&
		    ((op && u->manager) || (mgr && !u->manager));

		if (row == NULL ||
		    node_set(row, "id", arena_printf(r->a, "%lld", u->id)) == -1 ||
		    node_set(row, "username", u->username) == -1 ||
		    node_set(row, "real_name", u->real_name) == -1 ||
		    node_set(row, "department", u->department) == -1 ||
		    node_set(row, "contact", contact_mask(r->a, u->contact)) == -1 ||
		    node_set(row, "manager", u->manager ? "1" : "") == -1 ||
		    node_set(row, "status", user_status_name(u->status)) == -1 ||
		    node_set(row, "can_close", can_close ? "1" : "") == -1 ||
		    node_set_time(row, "last_login", u->last_login_at) == -1)
			return 500;
	}
	if ((st = fi_products_to_hdf(r, f)) != 0)
		return st;
	return 0;
}

/*
 * GET /fis/{id} (operator, supervisor of the FI's region; the FI's own
 * users): the FI's facts, its managers and officers (contacts masked),
 * its products; the forms to open and close users for those who may.
 * ?done= shows a confirmation.  404 outside the scope.
 */
int
handle_fi(struct req *r)
{
	struct fi	f;
	int		st;

	f = *(const struct fi *)r->obj;
	if ((st = fi_page(r, &f)) != 0)
		return st;
	if (r->f[FIV_DONE].present && r->f[FIV_DONE].error == NULL) {
		char key[48];

		snprintf(key, sizeof key, "Fi.done.%s", r->f[FIV_DONE].s);
		req_set(r, "Done", views_str(r->app->views, key));
	}
	return 200;
}

/*
 * GET /fis/{id}/edit (operator of the FI's region): the form with the
 * stored values; the region shown, never changed.  POST: the fields of
 * /fis/new but the region; 303 to /fis/{id}?done=updated.  200 with the
 * messages next to the fields; 404 outside the scope.
 */
int
handle_fi_edit(struct req *r)
{
	struct audit_actor	 a;
	struct fi_input		 in;
	struct scope		 sc;
	struct fi		 f;
	enum err		 rc;
	int			 st;

	f = *(const struct fi *)r->obj;
	r->tmpl = TMPL_FI_EDIT;
	req_set(r, "Page.nav", "fis");
	if (fi_to_hdf(r, &f) == -1)
		return 500;
	if ((st = parents_to_hdf(r, f.id, r->method == HTTP_POST ?
	    (r->f[FI_PARENT].present ? r->f[FI_PARENT].i : 0) : f.parent_id)) != 0)
		return st;
	if (r->method != HTTP_POST) {
		if (req_set(r, "Form.name.value", f.name) == -1 ||
		    req_set(r, "Form.kind.value", fi_kind_name(f.kind)) == -1 ||
		    req_set(r, "Form.code.value", f.code) == -1 ||
		    req_set(r, "Form.address.value", f.address) == -1)
			return 500;
		return 200;
	}
	if (r->nerrors > 0)
		return 200;
	input_of(r, &in, false);
	req_actor(r, &a);
	scope_of_user(&sc, &r->sess->user);
	if ((rc = fi_update(r->app->db, &a, &sc, f.id, &in)) != ERR_OK)
		return save_error(r, rc);
	r->location = arena_printf(r->a, "/fis/%lld?done=updated", f.id);
	return r->location != NULL ? 303 : 500;
}

/*
 * POST /fis/{id}/users (an operator of the FI's region: a manager; the
 * FI's manager: an officer): username, real_name, department (officers),
 * contact.  200 with the one-time password shown once; 200 with the FI's
 * page and the messages next to the fields on a bad field or a taken
 * username; 403 (audited) for anyone else of the FI; 404 outside the
 * scope.
 */
int
handle_fi_user_open(struct req *r)
{
	struct audit_actor	 a;
	struct fi		 f;
	char			 otp[OTP_LEN + 1];
	long long		 id;
	bool			 manager;
	enum err		 rc;
	int			 st;

	f = *(const struct fi *)r->obj;
	if (r->sess->user.role == ROLE_OPERATOR)
		manager = true;
	else if (is_fi_manager(r))
		manager = false;
	else
		return req_forbidden(r, "fi", f.id, "not the FI's manager");
	if (r->nerrors > 0) {
		if ((st = fi_page(r, &f)) != 0)
			return st;
		req_set(r, "Open.failed", "1");
		return 200;
	}
	req_actor(r, &a);
	rc = fi_user_open(r->app->db, &a, &f, manager, r->f[FU_USERNAME].s,
	    r->f[FU_REAL_NAME].s, r->f[FU_DEPARTMENT].s, r->f[FU_CONTACT].s,
	    &id, otp);
	if (rc == ERR_DB_DUP) {
		if ((st = fi_page(r, &f)) != 0)
			return st;
		req_field_error(r, "username", "fi_username_taken");
		req_set(r, "Open.failed", "1");
		return 200;
	}
	if (rc != ERR_OK)
		return status_of(rc);
	r->tmpl = TMPL_FI_USER_OTP;
	r->secret = true;
	req_set(r, "Page.nav", is_fi_user(r) ? "fi" : "fis");
	st = req_set_secret(r, "Otp.password", otp);
	explicit_bzero(otp, sizeof otp);
	if (st == -1 || fi_to_hdf(r, &f) == -1 ||
	    req_set(r, "Target.username", r->f[FU_USERNAME].s) == -1 ||
	    req_set(r, "Target.real_name", r->f[FU_REAL_NAME].s) == -1 ||
	    req_set(r, "Target.kind", manager ? "manager" : "officer") == -1)
		return 500;
	return 200;
}

/*
 * POST /fis/{id}/users/close (user_id, reason): an operator of the FI's
 * region closes (revokes) one of its managers, the FI's manager one of
 * its officers.  303 to /fis/{id}?done=closed; 400 with the FI's page and
 * the message next to the reason without one; 404 for a user that is not
 * one the actor may close in this FI.
 */
int
handle_fi_user_close(struct req *r)
{
	struct audit_actor	 a;
	struct scope		 sc;
	struct fi		 f;
	bool			 manager;
	enum err		 rc;
	int			 st;

	f = *(const struct fi *)r->obj;
	if (r->sess->user.role == ROLE_OPERATOR)
		manager = true;
	else if (is_fi_manager(r))
		manager = false;
	else
		return req_forbidden(r, "fi", f.id, "not the FI's manager");
	if (r->nerrors > 0) {
		if (r->f[FC_USER].error != NULL)
			return 404;
		if ((st = fi_page(r, &f)) != 0)
			return st;
		r->tmpl_on_4xx = true;
		return 400;
	}
	req_actor(r, &a);
	scope_of_user(&sc, &r->sess->user);
	rc = fi_user_close(r->app->db, &a, &sc, f.id, r->f[FC_USER].i, manager,
	    r->f[FC_REASON].s);
	if (rc == ERR_NOTFOUND)
		return 404;
	if (rc == ERR_CONFLICT) {
		if ((st = fi_page(r, &f)) != 0)
			return st;
		req_set(r, "Done", views_str(r->app->views, "Fi.close_conflict"));
		return 200;
	}
	if (rc != ERR_OK)
		return status_of(rc);
	r->location = arena_printf(r->a, "/fis/%lld?done=closed", f.id);
	return r->location != NULL ? 303 : 500;
}
