/*
 * credit_categories.c -- the categories of credit information and their
 * columns, kept as data: the list for the offices and the
 * agencies, and the form the province's operators add or change a
 * category with, no code needed.
 *
 * The categories are the province's, not a region's: every office and
 * agency reads them, only operators of the province (440000) change them.
 * The route table lets operators in; the region is checked here, a city
 * operator gets a 403 with an access.denied audit row.  The domain calls
 * (lib/credit/credit_cat.c) check the category and write the audit rows.
 *
 * The form works without JavaScript: the stored columns and three empty
 * rows, fields col_<field>_<N> for N = 1..CREDIT_COLS_MAX; an empty row
 * is ignored.
 */
#include <stdio.h>
#include <string.h>

#include "credit/credit_cat.h"
#include "db/db_region.h"
#include "routes.h"

#define EMPTY_ROWS	3	/* offered after the last column */

_Static_assert(CREDIT_COLS_MAX == 20, "the form declares 20 column rows");

static const char *const done_names[] = { "saved", NULL };

enum { LIST_DONE, LIST__MAX };

static const struct field list_fields[LIST__MAX] = {
	[LIST_DONE] = { .name = "done", .kind = FK_CHOICE, .choices = done_names },
};
const struct form ccats_form = { list_fields, LIST__MAX };

/* As ccol_kind_name(), in its order. */
static const char *const kinds[] = { "text", "int", "money", "date", "choice", NULL };

/* The category's fields, then CF__MAX fields a column row. */
enum { CC_CODE, CC_NAME, CC_DATE_LABEL, CC_HAS_PERIOD, CC_ACTIVE, CC__FIXED };
enum { CF_CODE, CF_LABEL, CF_KIND, CF_REQUIRED, CF_MAX, CF_CHOICES, CF__MAX };

/* The names of a row's fields in the form and in its HDF row. */
static const char *const cf_names[CF__MAX] = {
	[CF_CODE] = "code", [CF_LABEL] = "label", [CF_KIND] = "kind",
	[CF_REQUIRED] = "required", [CF_MAX] = "max_len", [CF_CHOICES] = "choices",
};

#define COL_FIELDS(n) \
	{ .name = "col_code_" #n, .kind = FK_TEXT, .flags = F_TRIM, .maxlen = 40 }, \
	{ .name = "col_label_" #n, .kind = FK_TEXT, .flags = F_TRIM, .maxlen = 50 }, \
	{ .name = "col_kind_" #n, .kind = FK_CHOICE, .choices = kinds }, \
	{ .name = "col_required_" #n, .kind = FK_BOOL }, \
	{ .name = "col_max_" #n, .kind = FK_INT, .flags = F_TRIM, .min = 1, .max = 500 }, \
	{ .name = "col_choices_" #n, .kind = FK_TEXT, .flags = F_TRIM, .maxlen = 500 }

static const struct field ccat_fields[CC__FIXED + CF__MAX * CREDIT_COLS_MAX] = {
	[CC_CODE] = { .name = "code", .kind = FK_TEXT, .flags = F_TRIM, .maxlen = 40 },
	[CC_NAME] = { .name = "name", .kind = FK_TEXT, .flags = F_REQUIRED | F_TRIM, .maxlen = 50 },
	[CC_DATE_LABEL] = { .name = "date_label", .kind = FK_TEXT, .flags = F_REQUIRED | F_TRIM, .maxlen = 20 },
	[CC_HAS_PERIOD] = { .name = "has_period", .kind = FK_BOOL },
	[CC_ACTIVE] = { .name = "active", .kind = FK_BOOL },
	COL_FIELDS(1), COL_FIELDS(2), COL_FIELDS(3), COL_FIELDS(4), COL_FIELDS(5),
	COL_FIELDS(6), COL_FIELDS(7), COL_FIELDS(8), COL_FIELDS(9), COL_FIELDS(10),
	COL_FIELDS(11), COL_FIELDS(12), COL_FIELDS(13), COL_FIELDS(14), COL_FIELDS(15),
	COL_FIELDS(16), COL_FIELDS(17), COL_FIELDS(18), COL_FIELDS(19), COL_FIELDS(20),
};
const struct form ccat_edit_form = { ccat_fields, CC__FIXED + CF__MAX * CREDIT_COLS_MAX };

/* The value of field f of column row n (1..CREDIT_COLS_MAX). */
static const struct fval *
col_f(const struct req *r, int n, int f)
{
	return &r->f[CC__FIXED + (n - 1) * CF__MAX + f];
}

/* What max_len means when the operator leaves it empty, by kind. */
static unsigned
default_max(enum ccol_kind k)
{
	switch (k) {
	case CCOL_INT:
		return 18;
	case CCOL_DATE:
		return 10;
	case CCOL_MONEY:
	case CCOL_CHOICE:
		return 20;
	default:
		return 200;
	}
}

/* May the signed-in user change the categories (operator of the province)? */
static bool
may_edit(const struct req *r)
{
	return r->sess->user.role == ROLE_OPERATOR &&
	    strcmp(r->sess->user.region, REGION_PROVINCE) == 0;
}

/*
 * GET /credit/categories (operator, supervisor, gov): every category in
 * display order with its code, date label, number of columns, whether it
 * is offered for import, and its CSV template; the province's operators
 * also get the links to add and change one.  ?done=saved confirms a
 * change.  200.
 */
int
handle_ccats(struct req *r)
{
	struct credit_catalog	cat;
	enum err		rc;

	r->tmpl = TMPL_CCATS;
	req_set(r, "Page.nav", "credit_categories");
	if (may_edit(r))
		req_set(r, "Can.edit", "1");
	if (r->f[LIST_DONE].present && r->f[LIST_DONE].error == NULL)
		req_set(r, "Done", "1");
	if ((rc = credit_catalog_load(r->app->db, r->a, false, &cat)) != ERR_OK)
		return status_of(rc);
	for (size_t i = 0; i < cat.n; i++) {
		const struct credit_category	*c = &cat.v[i];
		HDF				*row = req_row(r, "Categories", i);

		if (row == NULL ||
		    node_set(row, "id", arena_printf(r->a, "%d", c->id)) == -1 ||
		    node_set(row, "code", c->code) == -1 ||
		    node_set(row, "name", c->name) == -1 ||
		    node_set(row, "date_label", c->date_label) == -1 ||
		    node_set(row, "cols", arena_printf(r->a, "%zu", c->ncols)) == -1 ||
		    node_set(row, "has_period", c->has_period ? "1" : "") == -1 ||
		    node_set(row, "active", c->active ? "1" : "") == -1)
			return 500;
	}
	return 200;
}

/* One row of the form: its values as shown and its messages. */
struct form_row {
	const char	*v[CF__MAX];
	const char	*err[CF__MAX];
};

/* Cols.<k>.{n, code, label, kind, required, max_len, choices, err.<field>}
 * for rows[0..n). */
static int
rows_to_hdf(struct req *r, const struct form_row *rows, int n)
{
	for (int k = 0; k < n; k++) {
		HDF	*row = req_row(r, "Cols", (size_t)k);
		char	 key[32];

		if (row == NULL || node_set(row, "n", arena_printf(r->a, "%d", k + 1)) == -1)
			return -1;
		for (int f = 0; f < CF__MAX; f++) {
			if (node_set(row, cf_names[f], rows[k].v[f] != NULL ?
			    rows[k].v[f] : "") == -1)
				return -1;
			if (rows[k].err[f] == NULL)
				continue;
			snprintf(key, sizeof key, "err.%s", cf_names[f]);
			if (node_set(row, key, rows[k].err[f]) == -1)
				return -1;
		}
	}
	return 0;
}

/* The message of key (strings.hdf Err.*). */
static const char *
err_msg(struct req *r, const char *key)
{
	char skey[96];

	snprintf(skey, sizeof skey, "Err.%s", key);
	return views_str(r->app->views, skey);
}

/* The form of a stored category (old) or a new one, as first shown. */
static int
form_first(struct req *r, const struct credit_category *old)
{
	struct form_row	rows[CREDIT_COLS_MAX];
	int		n = 0;

	memset(rows, 0, sizeof rows);
	if (old == NULL) {
		req_set(r, "Form.date_label.value", "决定日期");
		req_set(r, "Form.active.value", "1");
	} else {
		req_set(r, "Form.code.value", old->code);
		req_set(r, "Form.name.value", old->name);
		req_set(r, "Form.date_label.value", old->date_label);
		req_set(r, "Form.has_period.value", old->has_period ? "1" : "");
		req_set(r, "Form.active.value", old->active ? "1" : "");
		for (; (size_t)n < old->ncols; n++) {
			const struct credit_column *c = &old->cols[n];

			rows[n].v[CF_CODE] = c->code;
			rows[n].v[CF_LABEL] = c->label;
			rows[n].v[CF_KIND] = ccol_kind_name(c->kind);
			rows[n].v[CF_REQUIRED] = c->required ? "1" : "";
			rows[n].v[CF_MAX] = arena_printf(r->a, "%u", c->max_len);
			rows[n].v[CF_CHOICES] = c->choices;
		}
	}
	n = n + EMPTY_ROWS > CREDIT_COLS_MAX ? CREDIT_COLS_MAX : n + EMPTY_ROWS;
	return rows_to_hdf(r, rows, n) == -1 ? 500 : 200;
}

/*
 * Reads the posted category into *in (code: `code`, the stored one for an
 * edit) and the rows as typed into rows[]; map[i] is the row of
 * in->cols[i].  Returns the number of rows to show again.
 */
static int
form_read(struct req *r, const char *code, struct credit_category *in,
    struct form_row *rows, int *map)
{
	int last = 0;

	memset(in, 0, sizeof *in);
	in->code = code;
	in->name = r->f[CC_NAME].s;
	in->date_label = r->f[CC_DATE_LABEL].s;
	in->has_period = r->f[CC_HAS_PERIOD].i != 0;
	in->active = r->f[CC_ACTIVE].i != 0;
	for (int n = 1; n <= CREDIT_COLS_MAX; n++) {
		struct form_row		*row = &rows[n - 1];
		struct credit_column	*c;
		int			 kind;

		for (int f = 0; f < CF__MAX; f++) {
			const struct fval *v = col_f(r, n, f);

			row->v[f] = f == CF_REQUIRED ? (v->i ? "1" : "") : v->s;
			row->err[f] = v->error != NULL ? err_msg(r, v->error) : NULL;
		}
		if (*col_f(r, n, CF_CODE)->s == '\0' && *col_f(r, n, CF_LABEL)->s == '\0' &&
		    *col_f(r, n, CF_MAX)->s == '\0' && *col_f(r, n, CF_CHOICES)->s == '\0')
			continue;
		last = n;
		map[in->ncols] = n - 1;
		c = &in->cols[in->ncols++];
		c->seq = (int)in->ncols;
		c->code = col_f(r, n, CF_CODE)->s;
		c->label = col_f(r, n, CF_LABEL)->s;
		kind = col_f(r, n, CF_KIND)->error == NULL ?
		    ccol_kind_parse(col_f(r, n, CF_KIND)->s) : -1;
		/* no kind sent at all: text, as the form preselects */
		if (kind < 0 && !col_f(r, n, CF_KIND)->present)
			kind = CCOL_TEXT;
		c->kind = kind >= 0 ? (enum ccol_kind)kind : CCOL__MAX;
		c->required = col_f(r, n, CF_REQUIRED)->i != 0;
		c->max_len = col_f(r, n, CF_MAX)->present && col_f(r, n, CF_MAX)->error == NULL ?
		    (unsigned)col_f(r, n, CF_MAX)->i : default_max(c->kind);
		c->choices = col_f(r, n, CF_CHOICES)->s;
	}
	return last + EMPTY_ROWS > CREDIT_COLS_MAX ? CREDIT_COLS_MAX : last + EMPTY_ROWS;
}

/*
 * Shows the mistakes credit_category_check finds in `in` next to their
 * fields, a field's own message first.  Returns how many it found.
 */
static size_t
form_check(struct req *r, const struct credit_category *in, struct form_row *rows,
    const int *map)
{
	struct ccat_error	errs[CCAT_ERRORS_MAX];
	size_t			n = credit_category_check(in, errs, CCAT_ERRORS_MAX);

	for (size_t i = 0; i < n && i < CCAT_ERRORS_MAX; i++) {
		const struct ccat_error *e = &errs[i];

		if (e->col < 0) {
			char	hname[64];
			HDF	*node;

			snprintf(hname, sizeof hname, "Form.%s.error", e->field);
			if ((node = hdf_get_obj(r->hdf, hname)) == NULL)
				req_field_error(r, e->field, e->key);
			continue;
		}
		for (int f = 0; f < CF__MAX; f++)
			if (strcmp(cf_names[f], e->field) == 0 &&
			    rows[map[e->col]].err[f] == NULL)
				rows[map[e->col]].err[f] = err_msg(r, e->key);
	}
	return n;
}

/*
 * The form of a new category (old NULL) or of `old`, and its posting:
 * 303 to /credit/categories?done=saved once stored; 200 with the
 * messages next to the fields and the values as typed.
 */
static int
category_form(struct req *r, const struct credit_category *old)
{
	struct credit_category	in;
	struct form_row		rows[CREDIT_COLS_MAX];
	struct audit_actor	a;
	int			map[CREDIT_COLS_MAX], nrows, id = 0;
	size_t			mistakes;
	enum err		rc;

	r->tmpl = TMPL_CCAT_EDIT;
	req_set(r, "Page.nav", "credit_categories");
	if (old != NULL) {
		req_setf(r, "Category.id", "%d", old->id);
		req_set(r, "Category.code", old->code);
		req_set(r, "Category.name", old->name);
	} else
		req_set(r, "Category.new", "1");
	if (r->method != HTTP_POST)
		return form_first(r, old);

	memset(rows, 0, sizeof rows);
	nrows = form_read(r, old != NULL ? old->code : r->f[CC_CODE].s, &in, rows, map);
	if (old != NULL)
		req_set(r, "Form.code.value", old->code);
	mistakes = form_check(r, &in, rows, map);
	if (r->nerrors > 0 || mistakes > 0)
		goto again;
	req_actor(r, &a);
	if (old == NULL)
		rc = credit_category_create(r->app->db, &a, &in, &id);
	else
		rc = credit_category_update(r->app->db, &a, &r->scope, old->id, &in);
	if (rc == ERR_DB_DUP) {
		req_field_error(r, "code", "ccat_dup");
		goto again;
	}
	if (rc == ERR_CONFLICT) {
		req_field_error(r, "cols", "ccat_cols_kept");
		goto again;
	}
	if (rc != ERR_OK)
		return status_of(rc);
	r->location = "/credit/categories?done=saved";
	return 303;
again:
	return rows_to_hdf(r, rows, nrows) == -1 ? 500 : 200;
}

/*
 * GET /credit/categories/new (operator of the province): the empty form
 * (date label 决定日期, offered for import).  POST: code
 * ([a-z][a-z0-9_]{1,39}, unique), name, date_label, has_period, active,
 * and col_{code,label,kind,required,max,choices}_N; see category_form.
 * 403 (audited) for a city's operator.
 */
int
handle_ccat_new(struct req *r)
{
	if (!may_edit(r))
		return req_forbidden(r, "credit_category", 0,
		    "credit categories: province operators only");
	return category_form(r, NULL);
}

/*
 * GET /credit/categories/{id}/edit (operator of the province): the form
 * with the stored values; the code is shown, not offered (records and
 * templates name it).  POST: as /credit/categories/new but the code; a
 * category with batches keeps its column codes and their kinds (200 with
 * a message otherwise).  The dispatcher loaded the category (r->obj,
 * OBJ_CATEGORY; 404 for none); 403 (audited) for a city's operator.
 */
int
handle_ccat_edit(struct req *r)
{
	const struct credit_category	*c = r->obj;

	if (!may_edit(r))
		return req_forbidden(r, "credit_category", c->id,
		    "credit categories: province operators only");
	return category_form(r, c);
}
