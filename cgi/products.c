/*
 * products.c -- the financing products (issue 14 "Products", R-12.1,
 * X-AUD): on the intranet the FI's manager creates, edits,
 * publishes and withdraws its FI's products, its officers read them, and
 * the operators of the FI's region read them and take one down with a
 * reason; on the internet the published ones are the public catalogue,
 * readable without signing in, with the platform's disclaimer.
 *
 * Scope: every product by id goes through product_get() with the actor's
 * scope in the query (an FI's users: their FI's products; the offices'
 * staff: their region's, all for the province), or product_get_public()
 * (published only) on the internet; anything else is a 404.
 */
#include <stdio.h>
#include <string.h>

#include "accounts/scope.h"
#include "db/db_region.h"
#include "finance/fi.h"
#include "finance/product.h"
#include "routes.h"
#include "core/timefmt.h"

#define PRODUCTS_PER_PAGE	20

static const char *
check_rate(struct arena *a, struct fval *v)
{
	int bp;

	(void)a;
	return product_rate_parse(v->s, &bp) == 0 ? NULL : "product_rate";
}

static const char *
check_region(struct arena *a, struct fval *v)
{
	(void)a;
	return region_code_valid(v->s) ? NULL : "bad_region";
}

enum { PR_NAME, PR_KIND, PR_AMIN, PR_AMAX, PR_TMIN, PR_TMAX, PR_RMIN, PR_RMAX,
	PR_INDUSTRIES, PR_SIZES, PR_REQUIREMENTS, PR_MATERIALS, PR_REGIONS,
	PR__MAX };

static const struct field product_fields[PR__MAX] = {
	[PR_NAME] = { .name = "name", .kind = FK_TEXT, .flags = F_REQUIRED | F_TRIM, .minlen = 2, .maxlen = 60 },
	[PR_KIND] = { .name = "kind", .kind = FK_CHOICE, .flags = F_REQUIRED, .choices = product_kind_names },
	[PR_AMIN] = { .name = "amount_min", .kind = FK_INT, .flags = F_REQUIRED | F_TRIM, .min = 1, .max = PRODUCT_AMOUNT_MAX },
	[PR_AMAX] = { .name = "amount_max", .kind = FK_INT, .flags = F_REQUIRED | F_TRIM, .min = 1, .max = PRODUCT_AMOUNT_MAX },
	[PR_TMIN] = { .name = "term_min", .kind = FK_INT, .flags = F_REQUIRED | F_TRIM, .min = 1, .max = PRODUCT_TERM_MAX },
	[PR_TMAX] = { .name = "term_max", .kind = FK_INT, .flags = F_REQUIRED | F_TRIM, .min = 1, .max = PRODUCT_TERM_MAX },
	[PR_RMIN] = { .name = "rate_min", .kind = FK_CUSTOM, .flags = F_REQUIRED | F_TRIM, .maxlen = 6, .check = check_rate },
	[PR_RMAX] = { .name = "rate_max", .kind = FK_CUSTOM, .flags = F_REQUIRED | F_TRIM, .maxlen = 6, .check = check_rate },
	[PR_INDUSTRIES] = { .name = "industries", .kind = FK_TEXT, .flags = F_TRIM, .maxlen = 200 },
	[PR_SIZES] = { .name = "sizes", .kind = FK_TEXT, .flags = F_TRIM, .maxlen = 100 },
	[PR_REQUIREMENTS] = { .name = "requirements", .kind = FK_MULTILINE, .flags = F_REQUIRED | F_TRIM, .minlen = 4, .maxlen = 2000 },
	[PR_MATERIALS] = { .name = "materials", .kind = FK_MULTILINE, .flags = F_TRIM, .maxlen = 2000 },
	/* every checked box is a "regions" param: the handler reads them all */
	[PR_REGIONS] = { .name = "regions", .kind = FK_TEXT, .flags = F_TRIM, .maxlen = 6 },
};
const struct form product_edit_form = { product_fields, PR__MAX };

static const char *const status_choices[] = { "draft", "published",
	"withdrawn", "taken_down", NULL };
static const char *const done_names[] = { "created", "updated", "published",
	"withdrawn", "taken_down", NULL };

/* The intranet list and page: ?status= ?kind= and ?done= */
enum { PL_STATUS, PL_KIND, PL_PAGE, PL_DONE, PL__MAX };

static const struct field products_fields[PL__MAX] = {
	[PL_STATUS] = { .name = "status", .kind = FK_CHOICE, .choices = status_choices },
	[PL_KIND] = { .name = "kind", .kind = FK_CHOICE, .choices = product_kind_names },
	[PL_PAGE] = { .name = "page", .kind = FK_INT, .min = 1, .max = 100000 },
	[PL_DONE] = { .name = "done", .kind = FK_CHOICE, .choices = done_names },
};
const struct form products_form = { products_fields, PL__MAX };

enum { TD_REASON, TD__MAX };

static const struct field takedown_fields[TD__MAX] = {
	[TD_REASON] = { .name = "reason", .kind = FK_TEXT, .flags = F_REQUIRED | F_TRIM, .minlen = 2, .maxlen = 200 },
};
const struct form product_takedown_form = { takedown_fields, TD__MAX };

/* The public catalogue's filters. */
enum { PC_KIND, PC_AMOUNT, PC_TERM, PC_REGION, PC_PAGE, PC__MAX };

static const struct field catalogue_fields[PC__MAX] = {
	[PC_KIND] = { .name = "kind", .kind = FK_CHOICE, .choices = product_kind_names },
	[PC_AMOUNT] = { .name = "amount", .kind = FK_INT, .flags = F_TRIM, .min = 1, .max = PRODUCT_AMOUNT_MAX },
	[PC_TERM] = { .name = "term", .kind = FK_INT, .flags = F_TRIM, .min = 1, .max = PRODUCT_TERM_MAX },
	[PC_REGION] = { .name = "region", .kind = FK_CUSTOM, .flags = F_TRIM, .maxlen = 6, .check = check_region },
	[PC_PAGE] = { .name = "page", .kind = FK_INT, .min = 1, .max = 100000 },
};
const struct form catalogue_form = { catalogue_fields, PC__MAX };

static bool
is_fi_user(const struct req *r)
{
	return r->sess != NULL && r->sess->user.role == ROLE_FI &&
	    strcmp(r->sess->user.org_kind, "fi") == 0;
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

/* The HDF node "Product" (created); NULL on OOM. */
static HDF *
product_node(struct req *r)
{
	HDF *n = NULL;

	return hdf_get_node(r->hdf, "Product", &n) == STATUS_OK ? n : NULL;
}

/* One product as HDF node `node` (a row or "Product"). */
static int
product_to_node(struct req *r, HDF *n, const struct product *p)
{
	char	rmin[16], rmax[16], when[32];

	product_rate_format(p->rate_min_bp, rmin, sizeof rmin);
	product_rate_format(p->rate_max_bp, rmax, sizeof rmax);
	if (n == NULL ||
	    node_set(n, "id", arena_printf(r->a, "%lld", p->id)) == -1 ||
	    node_set(n, "fi_id", arena_printf(r->a, "%lld", p->fi_id)) == -1 ||
	    node_set(n, "fi_name", p->fi_name) == -1 ||
	    node_set(n, "region_name", p->region_name) == -1 ||
	    node_set(n, "name", p->name) == -1 ||
	    node_set(n, "kind", product_kind_names[p->kind]) == -1 ||
	    node_set(n, "amount_min", arena_printf(r->a, "%lld", p->amount_min)) == -1 ||
	    node_set(n, "amount_max", arena_printf(r->a, "%lld", p->amount_max)) == -1 ||
	    node_set(n, "term_min", arena_printf(r->a, "%lld", p->term_min)) == -1 ||
	    node_set(n, "term_max", arena_printf(r->a, "%lld", p->term_max)) == -1 ||
	    node_set(n, "rate_min", rmin) == -1 ||
	    node_set(n, "rate_max", rmax) == -1 ||
	    node_set(n, "industries", p->industries) == -1 ||
	    node_set(n, "sizes", p->sizes) == -1 ||
	    node_set(n, "requirements", p->requirements) == -1 ||
	    node_set(n, "materials", p->materials) == -1 ||
	    node_set(n, "status", product_status_name(p->status)) == -1 ||
	    node_set(n, "takedown_reason", p->takedown_reason) == -1 ||
	    node_set(n, "region_names", p->region_names) == -1)
		return -1;
	if (*p->published_at != '\0' && time_beijing(p->published_at, when,
	    sizeof when) == 0 && node_set(n, "published", when) == -1)
		return -1;
	if (time_beijing(p->updated_at, when, sizeof when) == 0 &&
	    node_set(n, "updated", when) == -1)
		return -1;
	return 0;
}

/* The rows of `l` under <name>.rows and the pager (its links: href). */
static int
list_to_hdf(struct req *r, const char *name, const struct product_list *l,
    struct pager *pg, const char *href)
{
	for (size_t i = 0; i < l->n; i++)
		if (product_to_node(r, req_row(r, arena_printf(r->a, "%s.rows", name), i),
		    &l->v[i]) == -1)
			return -1;
	pg->total = l->total;
	return req_pager(r, pg, href);
}

/* Regions.<i> (every city; the province is not a region served), the
 * codes in `sel` ("440100,440600") marked. */
static int
regions_to_hdf(struct req *r, const char *sel)
{
	const struct region	*v;
	size_t			 n, k = 0;
	enum err		 rc;

	if ((rc = db_region_list(r->app->db, &r->app->regions, &v, &n)) != ERR_OK)
		return status_of(rc);
	for (size_t i = 0; i < n; i++) {
		HDF *row;

		if (v[i].province)
			continue;
		if ((row = req_row(r, "Regions", k++)) == NULL ||
		    node_set(row, "code", v[i].code) == -1 ||
		    node_set(row, "name", v[i].name) == -1)
			return 500;
		if (sel != NULL && strstr(sel, v[i].code) != NULL &&
		    node_set(row, "selected", "1") == -1)
			return 500;
	}
	return 0;
}

/*
 * GET /products on the internet (everyone): the published products,
 * newest first, 20 a page; filters kind, amount (万元 within the range),
 * term (months within the range), region (served).  A bad filter shows
 * its message and is ignored.
 */
int
handle_catalogue(struct req *r)
{
	struct product_filter	 f = { .kind = -1, .region = "", .status = -1 };
	struct product_list	 l;
	struct pager		 pg;
	const char		*q;
	enum err		 rc;
	int			 st;

	r->tmpl = TMPL_CATALOGUE;
	req_set(r, "Page.nav", "products");
	if (r->f[PC_KIND].present && r->f[PC_KIND].error == NULL)
		f.kind = product_kind_parse(r->f[PC_KIND].s);
	if (r->f[PC_AMOUNT].present && r->f[PC_AMOUNT].error == NULL)
		f.amount = r->f[PC_AMOUNT].i;
	if (r->f[PC_TERM].present && r->f[PC_TERM].error == NULL)
		f.term = r->f[PC_TERM].i;
	if (r->f[PC_REGION].present && r->f[PC_REGION].error == NULL)
		f.region = r->f[PC_REGION].s;
	req_pager_init(r, PC_PAGE, PRODUCTS_PER_PAGE, 0, &pg);
	if ((st = regions_to_hdf(r, f.region)) != 0)
		return st;
	if ((rc = product_catalogue(r->app->db, r->a, &f, (size_t)pg.page - 1,
	    PRODUCTS_PER_PAGE, &l)) != ERR_OK)
		return status_of(rc);
	q = arena_printf(r->a, "/products?kind=%s&amount=%s&term=%s&region=%s&",
	    f.kind >= 0 ? product_kind_names[f.kind] : "",
	    f.amount > 0 ? arena_printf(r->a, "%lld", f.amount) : "",
	    f.term > 0 ? arena_printf(r->a, "%lld", f.term) : "",
	    query_escape(r->a, f.region));
	return list_to_hdf(r, "Catalogue", &l, &pg, q) == 0 ? 200 : 500;
}

/* GET /products/{id} on the internet: a published product, with the
 * disclaimer; 404 for any other. */
int
handle_catalogue_item(struct req *r)
{
	struct product	p;

	p = *(const struct product *)r->obj;
	if (p.status != PS_PUBLISHED)
		return 404;
	r->tmpl = TMPL_CATALOGUE_ITEM;
	req_set(r, "Page.nav", "products");
	return product_to_node(r, product_node(r), &p) == 0 ? 200 : 500;
}

/*
 * GET /products on the intranet (operators, supervisors: their region's;
 * an FI's users: their FI's): every status, ?status= and ?kind= filters,
 * 20 a page; the manager sees the way to a new one.
 */
int
handle_products(struct req *r)
{
	struct product_filter	 f = { .kind = -1, .region = "", .status = -1 };
	struct product_list	 l;
	struct scope		 sc;
	struct pager		 pg;
	enum err		 rc;

	r->tmpl = TMPL_PRODUCTS;
	req_set(r, "Page.nav", "products");
	if (is_fi_manager(r))
		req_set(r, "Can.create", "1");
	if (r->f[PL_STATUS].present && r->f[PL_STATUS].error == NULL)
		for (int i = 0; status_choices[i] != NULL; i++)
			if (strcmp(status_choices[i], r->f[PL_STATUS].s) == 0)
				f.status = i;
	if (r->f[PL_KIND].present && r->f[PL_KIND].error == NULL)
		f.kind = product_kind_parse(r->f[PL_KIND].s);
	req_pager_init(r, PL_PAGE, PRODUCTS_PER_PAGE, 0, &pg);
	scope_of_user(&sc, &r->sess->user);
	if ((rc = product_search(r->app->db, r->a, &sc, &f, (size_t)pg.page - 1,
	    PRODUCTS_PER_PAGE, &l)) != ERR_OK)
		return status_of(rc);
	return list_to_hdf(r, "Products", &l, &pg, arena_printf(r->a,
	    "/products?status=%s&kind=%s&",
	    f.status >= 0 ? status_choices[f.status] : "",
	    f.kind >= 0 ? product_kind_names[f.kind] : "")) == 0 ? 200 : 500;
}

/* The typed product into *in; 0, or -1 with the messages set (the
 * cross-field ones and the regions). */
static int
input_of(struct req *r, struct product_input *in, char *sel, size_t sellen)
{
	struct product_error	 e[8];
	const struct region	*v;
	size_t			 nv = 0, ne, used = 0;
	int			 bp;

	memset(in, 0, sizeof *in);
	sel[0] = '\0';
	in->name = r->f[PR_NAME].s;
	in->kind = product_kind_parse(r->f[PR_KIND].s);
	in->amount_min = r->f[PR_AMIN].i;
	in->amount_max = r->f[PR_AMAX].i;
	in->term_min = r->f[PR_TMIN].i;
	in->term_max = r->f[PR_TMAX].i;
	in->rate_min_bp = product_rate_parse(r->f[PR_RMIN].s, &bp) == 0 ? bp : 0;
	in->rate_max_bp = product_rate_parse(r->f[PR_RMAX].s, &bp) == 0 ? bp : 0;
	in->industries = r->f[PR_INDUSTRIES].s;
	in->sizes = r->f[PR_SIZES].s;
	in->requirements = r->f[PR_REQUIREMENTS].s;
	in->materials = r->f[PR_MATERIALS].s;
	if (db_region_list(r->app->db, &r->app->regions, &v, &nv) != ERR_OK)
		nv = 0;
	for (size_t i = 0; i < r->body.n; i++) {
		const struct param *p = &r->body.v[i];
		bool known = false, dup = false;

		if (strcmp(p->name, "regions") != 0)
			continue;
		for (size_t k = 0; k < nv; k++)
			if (!v[k].province && strcmp(v[k].code, p->value) == 0)
				known = true;
		for (size_t k = 0; k < in->nregions; k++)
			if (strcmp(in->regions[k], p->value) == 0)
				dup = true;
		if (!known) {
			req_field_error(r, "regions", "bad_region");
			return -1;
		}
		if (dup || in->nregions >= PRODUCT_REGIONS_MAX)
			continue;
		in->regions[in->nregions++] = p->value;
		used += (size_t)snprintf(sel + used, used < sellen ? sellen - used : 0,
		    "%s%s", used > 0 ? "," : "", p->value);
		if (used >= sellen)
			used = sellen - 1;
	}
	if ((ne = product_check(in, e, 8)) == 0)
		return 0;
	/* a field's own message (required, a bad number) comes first */
	for (size_t i = 0; i < ne; i++)
		if (hdf_get_value(r->hdf, arena_printf(r->a, "Form.%s.error",
		    e[i].field), NULL) == NULL)
			req_field_error(r, e[i].field, e[i].key);
	return -1;
}

/*
 * GET /products/new (an FI's manager): the empty form, the FI's region
 * ticked.  POST: name, kind, amount_min/max (万元), term_min/max
 * (months), rate_min/max (annual %, two decimals), industries, sizes,
 * requirements, materials, regions (one or more cities); saved as a draft,
 * 303 to /products/{id}?done=created.  200 with the messages next to the
 * fields and the values as typed; 403 (audited) for an officer.
 */
int
handle_product_new(struct req *r)
{
	struct audit_actor	 a;
	struct product_input	 in;
	char			 sel[8 * PRODUCT_REGIONS_MAX];
	long long		 id;
	enum err		 rc;
	int			 st;

	if (!is_fi_manager(r))
		return req_forbidden(r, "fi", r->sess->user.org_id, "not the FI's manager");
	r->tmpl = TMPL_PRODUCT_EDIT;
	req_set(r, "Page.nav", "products");
	req_set(r, "Product.new", "1");
	if (r->method != HTTP_POST)
		return regions_to_hdf(r, r->sess->user.region) == 0 ? 200 : 500;
	st = input_of(r, &in, sel, sizeof sel);
	if (regions_to_hdf(r, sel) != 0)
		return 500;
	if (st != 0 || r->nerrors > 0)
		return 200;
	req_actor(r, &a);
	rc = product_create(r->app->db, &a, r->sess->user.org_id,
	    r->sess->user.region, &in, &id);
	if (rc == ERR_DB_DUP) {
		req_field_error(r, "name", "product_dup");
		return 200;
	}
	if (rc != ERR_OK)
		return status_of(rc);
	r->location = arena_printf(r->a, "/products/%lld?done=created", id);
	return r->location != NULL ? 303 : 500;
}

/*
 * GET /products/{id} on the intranet: the product with its status and,
 * for its FI's manager, edit / publish / withdraw; for an operator of
 * its region, the take-down form.  404 outside the scope.
 */
int
handle_product(struct req *r)
{
	struct product	p;

	p = *(const struct product *)r->obj;
	r->tmpl = TMPL_PRODUCT;
	req_set(r, "Page.nav", "products");
	if (product_to_node(r, product_node(r), &p) == -1)
		return 500;
	if (is_fi_manager(r) && p.fi_id == r->sess->user.org_id) {
		if (product_next(p.status, PA_EDIT) >= 0)
			req_set(r, "Can.edit", "1");
		if (product_next(p.status, PA_PUBLISH) >= 0)
			req_set(r, "Can.publish", "1");
		if (product_next(p.status, PA_WITHDRAW) >= 0)
			req_set(r, "Can.withdraw", "1");
	}
	if (r->sess->user.role == ROLE_OPERATOR &&
	    product_next(p.status, PA_TAKE_DOWN) >= 0)
		req_set(r, "Can.take_down", "1");
	if (r->f[PL_DONE].present && r->f[PL_DONE].error == NULL)
		req_set(r, "Done", views_str(r->app->views,
		    arena_printf(r->a, "Product.done.%s", r->f[PL_DONE].s)));
	return 200;
}

/*
 * GET /products/{id}/edit (its FI's manager): the form with the stored
 * values.  POST: the fields of /products/new; 303 to
 * /products/{id}?done=updated.  200 with messages; 404 outside the
 * scope; 403 (audited) for an officer; 409 for a taken-down product.
 */
int
handle_product_edit(struct req *r)
{
	struct audit_actor	 a;
	struct product_input	 in;
	struct product		 p;
	struct scope		 sc;
	char			 sel[8 * PRODUCT_REGIONS_MAX];
	char			 rate[16];
	enum err		 rc;
	int			 st;

	p = *(const struct product *)r->obj;
	if (!is_fi_manager(r) || p.fi_id != r->sess->user.org_id)
		return req_forbidden(r, "product", p.id, "not the FI's manager");
	if (product_next(p.status, PA_EDIT) < 0)
		return 409;
	r->tmpl = TMPL_PRODUCT_EDIT;
	req_set(r, "Page.nav", "products");
	req_setf(r, "Product.id", "%lld", p.id);
	req_set(r, "Product.name", p.name);
	if (r->method != HTTP_POST) {
		const struct {
			const char *k, *v;
		} f[] = {
			{ "name", p.name }, { "kind", product_kind_names[p.kind] },
			{ "amount_min", arena_printf(r->a, "%lld", p.amount_min) },
			{ "amount_max", arena_printf(r->a, "%lld", p.amount_max) },
			{ "term_min", arena_printf(r->a, "%lld", p.term_min) },
			{ "term_max", arena_printf(r->a, "%lld", p.term_max) },
			{ "industries", p.industries }, { "sizes", p.sizes },
			{ "requirements", p.requirements }, { "materials", p.materials },
		};

		for (size_t i = 0; i < sizeof f / sizeof f[0]; i++)
			if (req_set(r, arena_printf(r->a, "Form.%s.value", f[i].k), f[i].v) == -1)
				return 500;
		product_rate_format(p.rate_min_bp, rate, sizeof rate);
		req_set(r, "Form.rate_min.value", rate);
		product_rate_format(p.rate_max_bp, rate, sizeof rate);
		req_set(r, "Form.rate_max.value", rate);
		return regions_to_hdf(r, p.regions) == 0 ? 200 : 500;
	}
	st = input_of(r, &in, sel, sizeof sel);
	if (regions_to_hdf(r, sel) != 0)
		return 500;
	if (st != 0 || r->nerrors > 0)
		return 200;
	req_actor(r, &a);
	scope_of_user(&sc, &r->sess->user);
	rc = product_update(r->app->db, &a, &sc, p.id, &in);
	if (rc == ERR_DB_DUP) {
		req_field_error(r, "name", "product_dup");
		return 200;
	}
	if (rc == ERR_NOTFOUND)
		return 404;
	if (rc == ERR_CONFLICT)
		return 409;
	if (rc != ERR_OK)
		return status_of(rc);
	r->location = arena_printf(r->a, "/products/%lld?done=updated", p.id);
	return r->location != NULL ? 303 : 500;
}

/* A step on the product of the path by `who_ok` actors. */
static int
step(struct req *r, enum product_action act, const char *done)
{
	struct audit_actor	 a;
	struct product		 p;
	struct scope		 sc;
	enum err		 rc;

	p = *(const struct product *)r->obj;
	if (act == PA_TAKE_DOWN) {
		if (r->nerrors > 0) {
			r->tmpl = TMPL_PRODUCT;
			r->tmpl_on_4xx = true;
			req_set(r, "Page.nav", "products");
			if (product_to_node(r, product_node(r), &p) == -1)
				return 500;
			req_set(r, "Can.take_down", "1");
			return 400;
		}
	} else if (!is_fi_manager(r) || p.fi_id != r->sess->user.org_id)
		return req_forbidden(r, "product", p.id, "not the FI's manager");
	req_actor(r, &a);
	scope_of_user(&sc, &r->sess->user);
	rc = product_step(r->app->db, &a, &sc, p.id, act,
	    act == PA_TAKE_DOWN ? r->f[TD_REASON].s : NULL);
	if (rc == ERR_NOTFOUND)
		return 404;
	if (rc == ERR_CONFLICT)
		return 409;
	if (rc != ERR_OK)
		return status_of(rc);
	r->location = arena_printf(r->a, "/products/%lld?done=%s", p.id, done);
	return r->location != NULL ? 303 : 500;
}

/* POST /products/{id}/publish (its FI's manager): a draft or withdrawn
 * product is published (in the catalogue).  303; 409 from another status. */
int
handle_product_publish(struct req *r)
{
	return step(r, PA_PUBLISH, "published");
}

/* POST /products/{id}/withdraw (its FI's manager): out of the catalogue. */
int
handle_product_withdraw(struct req *r)
{
	return step(r, PA_WITHDRAW, "withdrawn");
}

/* POST /products/{id}/take-down (an operator of the FI's region; reason
 * required, 400 with the message next to it): taken down for good. */
int
handle_product_take_down(struct req *r)
{
	return step(r, PA_TAKE_DOWN, "taken_down");
}
