/*
 * enterprises.c -- the operators' enterprise pages on the intranet: the
 * list with search and filters, one enterprise with its accounts and
 * change history, and the report of late changes with its CSV export
 * (R-02.2, R-09.4, R-10.1, X-AUD).
 *
 * Operators and supervisors read (the route table says so); nothing here
 * changes data except the audit row of an export.  Region scope: the
 * lists are scoped by the query; one enterprise is loaded by the
 * dispatcher through its scoped getter (OBJ_ENTERPRISE), out of the
 * region a 404 with an access.denied row.
 * Sealed values (ID number, mobiles) are shown masked only.
 */
#include <stdio.h>
#include <string.h>

#include "credit/credit_view.h"
#include "formats/csv.h"
#include "enterprise/enterprise.h"
#include "enterprise/enterprise_list.h"
#include "routes.h"
#include "core/timefmt.h"
#include "accounts/user.h"

#define ENTS_PER_PAGE	20
#define LATE_PER_PAGE	20
#define LATE_CSV_MAX	100000
#define ENT_USERS_MAX	50
#define ENT_HISTORY_MAX	1000
#define PAGE_MAX	10000

static const char *const any_yes_no[] = { "any", "yes", "no", NULL };
static const char *const any_yes[] = { "any", "yes", NULL };

enum { ENTS_Q, ENTS_REGISTERED, ENTS_COMPLETE, ENTS_LATE, ENTS_PAGE, ENTS__MAX };

static const struct field ents_fields[ENTS__MAX] = {
	[ENTS_Q] = { .name = "q", .kind = FK_TEXT, .flags = F_TRIM, .maxlen = 100 },
	[ENTS_REGISTERED] = { .name = "registered", .kind = FK_CHOICE, .choices = any_yes_no },
	[ENTS_COMPLETE] = { .name = "complete", .kind = FK_CHOICE, .choices = any_yes_no },
	[ENTS_LATE] = { .name = "late", .kind = FK_CHOICE, .choices = any_yes },
	[ENTS_PAGE] = { .name = "page", .kind = FK_INT, .min = 1, .max = PAGE_MAX },
};
const struct form enterprises_form = { ents_fields, ENTS__MAX };

enum { LATE_PAGE, LATE__MAX };

static const struct field late_fields[LATE__MAX] = {
	[LATE_PAGE] = { .name = "page", .kind = FK_INT, .min = 1, .max = PAGE_MAX },
};
const struct form enterprises_late_form = { late_fields, LATE__MAX };

/* A valid choice field's value, or "any" (absent or in error). */
static const char *
choice(const struct req *r, int i)
{
	const struct fval *v = &r->f[i];

	return v->present && v->error == NULL ? v->s : "any";
}

static enum entlist_tri
tri(const char *s)
{
	return strcmp(s, "yes") == 0 ? ENTLIST_YES :
	    strcmp(s, "no") == 0 ? ENTLIST_NO : ENTLIST_ANY;
}

/* The label of history field `name` (S.Field.<name>), or the name. */
static const char *
field_label(struct req *r, const char *name)
{
	char		 key[64];
	const char	*s;

	snprintf(key, sizeof key, "Field.%s", name);
	s = views_str(r->app->views, key);
	return strcmp(s, key) == 0 ? name : s;
}

/* A history value as every page shows it (ent_value_shown): money in
 * yuan with separators, codes as their labels (an unknown code as
 * stored), sealed values already "******". */
static const char *
shown(struct req *r, const char *field, const char *v)
{
	const char	*s, *label;
	bool		 is_key;

	if ((s = ent_value_shown(r->a, field, v, &is_key)) == NULL)
		return "";
	if (!is_key)
		return s;
	label = views_str(r->app->views, s);
	return strcmp(label, s) == 0 ? v : label;
}

/*
 * GET /enterprises (operator, supervisor): the enterprises of the actor's
 * region (all of them for the province), 20 a page, newest first.  ?q= is
 * a USCC (exact or prefix: 2-18 letters and digits starting with a digit)
 * or a part of the name; registered=any|yes|no (an enterprise account
 * exists), complete=any|yes|no (supplementary fields filled), late=any|yes
 * (at least one late change), page.  The total is exact up to 1 000
 * (ENTLIST_COUNT_CAP); above it the page says "more than 1 000" and pages
 * on with next links, so the count costs the same at any table size.
 * 200; a bad field shows its message and is ignored.
 */
int
handle_enterprises(struct req *r)
{
	struct entlist_filter	 f;
	struct entlist		 l;
	const char		*q = r->f[ENTS_Q].error == NULL ? r->f[ENTS_Q].s : "";
	const char		*reg = choice(r, ENTS_REGISTERED);
	const char		*comp = choice(r, ENTS_COMPLETE);
	const char		*late = choice(r, ENTS_LATE);
	const char		*eq;
	struct pager		 pg;
	enum err		 rc;

	r->tmpl = TMPL_ENTERPRISES;
	req_set(r, "Page.nav", "enterprises");
	req_set(r, "Ents.scope", r->sess->user.region);
	req_set(r, "Ents.scope_name", r->sess->user.region_name);
	req_set(r, "Ents.registered", reg);
	req_set(r, "Ents.complete", comp);
	req_set(r, "Ents.late", late);
	memset(&f, 0, sizeof f);
	f.scope = r->sess->user.region;
	f.q = q;
	f.registered = tri(reg);
	f.complete = tri(comp);
	f.late = strcmp(late, "yes") == 0;
	if (*q != '\0' && entlist_q_is_uscc(q))
		req_set(r, "Ents.by_uscc", "1");
	req_pager_init(r, ENTS_PAGE, ENTS_PER_PAGE, PAGE_MAX, &pg);
	if ((rc = entlist_search(r->app->db, r->a, &f, (size_t)pg.page - 1,
	    ENTS_PER_PAGE, &l)) != ERR_OK)
		return status_of(rc);
	for (size_t i = 0; i < l.n; i++) {
		const struct entlist_row	*e = &l.v[i];
		HDF				*row = req_row(r, "Ents.rows", i);
		char				 id[24], late_n[16];

		snprintf(id, sizeof id, "%lld", e->id);
		snprintf(late_n, sizeof late_n, "%u", e->late_changes);
		if (row == NULL || node_set(row, "id", id) == -1 ||
		    node_set(row, "uscc", e->uscc) == -1 ||
		    node_set(row, "name", e->name) == -1 ||
		    node_set(row, "region", e->region) == -1 ||
		    node_set(row, "region_name", e->region_name) == -1 ||
		    node_set(row, "registered", e->registered ? "1" : "0") == -1 ||
		    node_set(row, "complete", e->complete ? "1" : "0") == -1 ||
		    node_set(row, "late", late_n) == -1)
			return 500;
	}
	pg.total = l.total;
	pg.capped = l.capped;
	pg.more = l.more;
	if ((eq = query_escape(r->a, q)) == NULL ||
	    req_pager(r, &pg, arena_printf(r->a,
	    "/enterprises?q=%s&registered=%s&complete=%s&late=%s&",
	    eq, reg, comp, late)) == -1)
		return 500;
	return 200;
}

/* Ent.<field> for every field of e (sealed ones as enterprise_get gave
 * them: masked), money as yuan with thousands separators, as the
 * enterprise's own page shows it. */
static int
ent_to_hdf(struct req *r, const struct enterprise *e)
{
	const char	*missing[ENT_F__MAX];
	char		 key[64];
	size_t		 n;

	if (req_setf(r, "Ent.id", "%lld", e->id) == -1 ||
	    req_set(r, "Ent.uscc", e->uscc) == -1 ||
	    req_set(r, "Ent.region", e->region) == -1 ||
	    req_set(r, "Ent.region_name", e->region_name) == -1 ||
	    req_setf(r, "Ent.late_changes", "%u", e->late_changes) == -1)
		return -1;
	for (int f = 0; f < ENT_F__MAX; f++) {
		const char *v = e->v[f];

		if (f == ENT_F_REG_CAPITAL || f == ENT_F_REVENUE)
			v = ent_money_text(r->a, v);
		snprintf(key, sizeof key, "Ent.%s", ent_fields[f].name);
		if (req_set(r, key, v) == -1)
			return -1;
	}
	n = enterprise_missing(e, missing);
	for (size_t i = 0; i < n; i++) {
		snprintf(key, sizeof key, "Missing.%zu", i);
		if (req_set(r, key, field_label(r, missing[i])) == -1)
			return -1;
	}
	return n == 0 ? req_set(r, "Ent.complete", "1") : 0;
}

/*
 * GET /enterprises/{id} (operator, supervisor): one enterprise's
 * registration and supplementary information (ID number and mobiles
 * masked, R-09.4), its accounts, and its whole change history with late
 * entries marked.  200.  The dispatcher loaded the enterprise
 * in the actor's region (r->obj, OBJ_ENTERPRISE): none there, or none at
 * all, was its 404 audited as access.denied.
 */
int
handle_enterprise(struct req *r)
{
	const struct config	*cfg = r->app->cfg;
	const struct credit_ent	*ref = r->obj;
	struct ent_keys		 keys = { cfg->data_key, cfg->index_key };
	struct enterprise	 e;
	struct entlist_user	*u;
	struct ent_change	*c;
	long long		 id = ref->id;
	size_t			 n;
	enum err		 rc;

	if ((rc = enterprise_get(r->app->db, r->a, &keys, &r->scope, id, false,
	    &e)) != ERR_OK)
		return status_of(rc);
	r->tmpl = TMPL_ENTERPRISE;
	req_set(r, "Page.nav", "enterprises");
	if (ent_to_hdf(r, &e) == -1)
		return 500;

	if ((rc = entlist_users(r->app->db, r->a, id, ENT_USERS_MAX, &u, &n)) != ERR_OK)
		return status_of(rc);
	for (size_t i = 0; i < n; i++) {
		HDF	*row = req_row(r, "Accounts", i);
		char	 uid[24];

		snprintf(uid, sizeof uid, "%lld", u[i].id);
		if (row == NULL || node_set(row, "id", uid) == -1 ||
		    node_set(row, "username", u[i].username) == -1 ||
		    node_set(row, "status", u[i].status) == -1)
			return 500;
	}

	/* an objection on the registration facts marks them (issue 15) */
	if (objection_reg_mark_to_hdf(r, id) == -1)
		return 500;
	if ((rc = enterprise_history(r->app->db, r->a, id, ENT_HISTORY_MAX, &c,
	    &n)) != ERR_OK)
		return status_of(rc);
	for (size_t i = 0; i < n; i++) {
		HDF	*row = req_row(r, "History", i);
		char	 when[32];

		if (time_beijing(c[i].entered_at, when, sizeof when) == -1)
			snprintf(when, sizeof when, "%s", c[i].entered_at);
		if (row == NULL ||
		    node_set(row, "field", field_label(r, c[i].field)) == -1 ||
		    node_set(row, "old", shown(r, c[i].field, c[i].old_value)) == -1 ||
		    node_set(row, "new", shown(r, c[i].field, c[i].new_value)) == -1 ||
		    node_set(row, "changed_on", c[i].changed_on) == -1 ||
		    node_set(row, "entered", when) == -1 ||
		    node_set(row, "by", c[i].by) == -1 ||
		    (c[i].late && node_set(row, "late", "1") == -1))
			return 500;
	}
	if (n == ENT_HISTORY_MAX)
		req_setf(r, "HistoryCapped", "%d", ENT_HISTORY_MAX);
	return 200;
}

/* Days past the 5-day duty of a change entered `days` after it happened. */
static int
days_late(int days)
{
	return days > ENT_LATE_DAYS ? days - ENT_LATE_DAYS : 0;
}

/*
 * GET /enterprises/late (operator, supervisor): the changes entered more
 * than 5 days after they happened, of the enterprises of the
 * actor's region, newest entry first, 20 a page: USCC, name, field, old
 * and new value (sealed ones as "******"), the day it happened, when it
 * was entered (Beijing time) and the days past the duty.  200.
 */
int
handle_enterprises_late(struct req *r)
{
	struct entlist_late_list	 l;
	struct pager			 pg;
	enum err			 rc;

	r->tmpl = TMPL_ENTERPRISES_LATE;
	req_set(r, "Page.nav", "enterprises");
	req_set(r, "Late.scope", r->sess->user.region);
	req_set(r, "Late.scope_name", r->sess->user.region_name);
	req_pager_init(r, LATE_PAGE, LATE_PER_PAGE, PAGE_MAX, &pg);
	if ((rc = entlist_late_search(r->app->db, r->a, r->sess->user.region,
	    (size_t)pg.page - 1, LATE_PER_PAGE, &l)) != ERR_OK)
		return status_of(rc);
	for (size_t i = 0; i < l.n; i++) {
		const struct entlist_late	*c = &l.v[i];
		HDF				*row = req_row(r, "Late.rows", i);
		char				 id[24], when[32], days[16], late[16];

		snprintf(id, sizeof id, "%lld", c->ent_id);
		snprintf(days, sizeof days, "%d", c->days);
		snprintf(late, sizeof late, "%d", days_late(c->days));
		if (time_beijing(c->entered_at, when, sizeof when) == -1)
			snprintf(when, sizeof when, "%s", c->entered_at);
		if (row == NULL || node_set(row, "ent_id", id) == -1 ||
		    node_set(row, "uscc", c->uscc) == -1 ||
		    node_set(row, "name", c->name) == -1 ||
		    node_set(row, "field", field_label(r, c->field)) == -1 ||
		    node_set(row, "old", shown(r, c->field, c->old_value)) == -1 ||
		    node_set(row, "new", shown(r, c->field, c->new_value)) == -1 ||
		    node_set(row, "changed_on", c->changed_on) == -1 ||
		    node_set(row, "entered", when) == -1 ||
		    node_set(row, "days", days) == -1 ||
		    node_set(row, "days_late", late) == -1)
			return 500;
	}
	pg.total = l.total;
	pg.capped = l.capped;
	pg.more = l.more;
	return req_pager(r, &pg, "/enterprises/late?") == -1 ? 500 : 200;
}

struct late_csv {
	struct req	*r;
	struct csv	*csv;
};

static int
late_csv_row(void *arg, const struct entlist_late *c)
{
	struct late_csv	*x = arg;
	char		 when[32];

	if (time_beijing_secs(c->entered_at, when, sizeof when) == -1)
		snprintf(when, sizeof when, "%s", c->entered_at);
	if (csv_field(x->csv, c->uscc) == -1 ||
	    csv_field(x->csv, c->name) == -1 ||
	    csv_field(x->csv, c->region) == -1 ||
	    csv_field(x->csv, field_label(x->r, c->field)) == -1 ||
	    csv_field(x->csv, shown(x->r, c->field, c->old_value)) == -1 ||
	    csv_field(x->csv, shown(x->r, c->field, c->new_value)) == -1 ||
	    csv_field(x->csv, c->changed_on) == -1 ||
	    csv_field(x->csv, when) == -1 ||
	    csv_field_ll(x->csv, c->days) == -1 ||
	    csv_field_ll(x->csv, days_late(c->days)) == -1)
		return -1;
	return csv_end_row(x->csv);
}

/*
 * GET /enterprises/late.csv (operator, supervisor): the rows of
 * /enterprises/late, all pages (at most 100 000), as a UTF-8 CSV with a
 * BOM and a Chinese header row, every value quoted and formulas
 * neutralised (lib/formats/csv.h); sealed values stay "******".  200
 * text/csv as an attachment.  The export is audited as
 * "enterprise.late.export" with the number of rows.
 */
int
handle_enterprises_late_csv(struct req *r)
{
	static const char *const head[] = { "统一社会信用代码", "企业名称",
	    "所属地区", "变更项目", "原内容", "新内容", "变更发生日期",
	    "登记时间（北京时间）", "间隔天数", "逾期天数" };
	struct late_csv		 x = { r, NULL };
	struct audit_actor	 actor;
	const char		*body;
	char			 detail[64];
	size_t			 n, len;
	enum err		 rc;

	if ((x.csv = csv_new(r->a, true)) == NULL)
		return 500;
	for (size_t i = 0; i < sizeof head / sizeof head[0]; i++)
		if (csv_field(x.csv, head[i]) == -1)
			return 500;
	if (csv_end_row(x.csv) == -1)
		return 500;
	if ((rc = entlist_late_each(r->app->db, r->a, r->sess->user.region,
	    LATE_CSV_MAX, late_csv_row, &x, &n)) != ERR_OK)
		return status_of(rc);
	if ((body = csv_data(x.csv, &len)) == NULL)
		return 500;

	req_actor(r, &actor);
	snprintf(detail, sizeof detail, "%zu rows; scope=%s", n, r->sess->user.region);
	if ((rc = audit_write1(r->app->db, &actor, "enterprise.late.export",
	    "enterprise_changes", "", AUDIT_OK, detail)) != ERR_OK)
		return status_of(rc);
	r->body_out = body;
	r->body_len = len;
	r->ctype = "text/csv; charset=utf-8";
	req_header(r, "Content-Disposition",
	    "attachment; filename=\"enterprise-late-changes.csv\"");
	return 200;
}
