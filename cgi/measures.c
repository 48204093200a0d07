/*
 * measures.c -- management measures on enterprise users (issue 16
 * "Measures on enterprise users", R-15.1, Art. 15; oversight/measure.h).
 *
 * Internet: /measures and /measures/{id}, the enterprise's own measures
 * with their reasons and dates.  Intranet: /measures (the region's for
 * its offices, an FI's own and the unwelcome entries on enterprises whose
 * applications it handles), filtered by kind, state and enterprise, and
 * /measures.csv; /measures/new (operators and FI managers); /measures/{id}
 * with its evidence and the steps: approve / refuse (supervisors; not who
 * asked), adopt (operators, an FI's measure), lift (operators ask, a
 * supervisor approves; an FI manager lifts the FI's own).
 *
 * Enforcement: measure_enforce runs in the dispatcher on every request of
 * an enterprise user (the right each page needs: route_rights.c).
 *
 * Scope: /measures/{id} is loaded by the dispatcher (OBJ_MEASURE,
 * measure_get with the request's scope in the statement); the steps lock
 * the row with the same predicate.
 */
#include <stdio.h>
#include <string.h>

#include "core/enumname.h"
#include "core/timefmt.h"
#include "formats/csv.h"
#include "accounts/session.h"
#include "finance/fi.h"
#include "finance/loan.h"
#include "oversight/measure.h"
#include "store/files.h"
#include "routes.h"

#define MEASURES_PER_PAGE	20

static const char *const done_names[] = { "proposed", "approved", "refused",
	"adopted", "lifted", "lift_asked", NULL };

enum { MV_DONE, MV__MAX };
static const struct field measure_view_fields[MV__MAX] = {
	[MV_DONE] = { .name = "done", .kind = FK_CHOICE, .choices = done_names },
};
const struct form measure_view_form = { measure_view_fields, MV__MAX };

enum { ML_KIND, ML_STATE, ML_Q, ML_PAGE, ML__MAX };
static const struct field measures_fields[ML__MAX] = {
	[ML_KIND] = { .name = "kind", .kind = FK_CHOICE, .choices = measure_kind_names },
	[ML_STATE] = { .name = "state", .kind = FK_CHOICE, .choices = measure_shown_names },
	[ML_Q] = { .name = "q", .kind = FK_TEXT, .flags = F_TRIM, .maxlen = 100 },
	[ML_PAGE] = { .name = "page", .kind = FK_INT, .min = 1, .max = 100000 },
};
const struct form measures_form = { measures_fields, ML__MAX };

enum { MN_ENT, MN_KIND, MN_OTHER, MN_REASON, MN_START, MN_END, MN_EVIDENCE,
	MN__MAX };
static const struct field measure_new_fields[MN__MAX] = {
	[MN_ENT] = { .name = "enterprise", .kind = FK_TEXT, .flags = F_REQUIRED | F_TRIM, .maxlen = 18 },
	[MN_KIND] = { .name = "kind", .kind = FK_CHOICE, .flags = F_REQUIRED, .choices = measure_kind_names },
	[MN_OTHER] = { .name = "other_text", .kind = FK_TEXT, .flags = F_TRIM, .maxlen = MEASURE_OTHER_MAX },
	[MN_REASON] = { .name = "reason", .kind = FK_MULTILINE, .flags = F_REQUIRED | F_TRIM, .minlen = 4, .maxlen = MEASURE_REASON_MAX },
	[MN_START] = { .name = "starts_on", .kind = FK_DATE, .flags = F_REQUIRED | F_TRIM },
	[MN_END] = { .name = "ends_on", .kind = FK_DATE, .flags = F_TRIM },
	[MN_EVIDENCE] = { .name = "evidence", .kind = FK_FILE },
};
const struct form measure_new_form = { measure_new_fields, MN__MAX };

enum { MA_F_VERSION, MA_F_NOTE, MA_F__MAX };
static const struct field measure_act_fields[MA_F__MAX] = {
	[MA_F_VERSION] = { .name = "version", .kind = FK_INT, .min = 1, .max = 1000000000 },
	[MA_F_NOTE] = { .name = "note", .kind = FK_MULTILINE, .flags = F_TRIM, .maxlen = MEASURE_REASON_MAX },
};
const struct form measure_act_form = { measure_act_fields, MA_F__MAX };

static bool
on_internet(const struct req *r)
{
	return r->app->cfg->portal == PORTAL_INTERNET;
}

static const char *
role_of(const struct req *r, enum role want)
{
	return r->sess != NULL && r->sess->user.role == want ? "1" : NULL;
}

static bool
is_fi_manager(struct req *r)
{
	bool mgr = false;

	if (role_of(r, ROLE_FI) == NULL ||
	    fi_user_is_manager(r->app->db, r->sess->user.id, &mgr) != ERR_OK)
		return false;
	return mgr;
}

/* UTC text as Beijing time, "" for none. */
static const char *
bj(struct req *r, const char *utc)
{
	char *out;

	if (utc == NULL || *utc == '\0' || (out = arena_alloc(r->a, 32)) == NULL ||
	    time_beijing(utc, out, 32) != 0)
		return "";
	return out;
}

static const char *
kind_label(struct req *r, const struct measure *m)
{
	const char *s = views_str(r->app->views, arena_printf(r->a,
	    "MeasureKind.%s", measure_kind_names[m->kind]));

	if (m->kind == MK_OTHER && m->other_text != NULL && *m->other_text != '\0')
		return arena_printf(r->a, "%s：%s", s != NULL ? s : "", m->other_text);
	return s != NULL ? s : measure_kind_names[m->kind];
}

static const char *
shown_label(struct req *r, const struct measure *m)
{
	const char *s = views_str(r->app->views, arena_printf(r->a,
	    "MeasureState.%s", measure_shown(m)));

	return s != NULL ? s : measure_shown(m);
}

/* The node `name` of the page's data, made when missing; NULL on OOM. */
static HDF *
node_of(struct req *r, const char *name)
{
	HDF *n;

	return hdf_get_node(r->hdf, name, &n) == STATUS_OK ? n : NULL;
}

/* Measure m as HDF node n; `staff` adds who proposed and decided. */
static int
measure_to_node(struct req *r, HDF *n, const struct measure *m, bool staff)
{
	if (n == NULL ||
	    node_set(n, "id", arena_printf(r->a, "%lld", m->id)) == -1 ||
	    node_set(n, "kind", measure_kind_names[m->kind]) == -1 ||
	    node_set(n, "kind_label", kind_label(r, m)) == -1 ||
	    node_set(n, "reason", m->reason) == -1 ||
	    node_set(n, "note", m->note) == -1 ||
	    node_set(n, "starts_on", m->starts_on) == -1 ||
	    node_set(n, "ends_on", m->ends_on) == -1 ||
	    node_set(n, "shown", measure_shown(m)) == -1 ||
	    node_set(n, "shown_label", shown_label(r, m)) == -1 ||
	    node_set(n, "in_force", measure_in_force(m) ? "1" : "") == -1 ||
	    node_set(n, "ent_id", arena_printf(r->a, "%lld", m->enterprise_id)) == -1 ||
	    node_set(n, "ent_name", m->ent_name) == -1 ||
	    node_set(n, "ent_uscc", m->ent_uscc) == -1 ||
	    node_set(n, "fi_name", m->fi_name) == -1 ||
	    node_set(n, "region_name", m->region_name) == -1 ||
	    node_set(n, "version", arena_printf(r->a, "%u", m->version)) == -1 ||
	    node_set(n, "created", bj(r, m->created_at)) == -1 ||
	    node_set(n, "lifted", bj(r, m->lifted_at)) == -1)
		return -1;
	if (staff && (node_set(n, "proposer", m->proposer) == -1 ||
	    node_set(n, "asker", m->asker) == -1 ||
	    node_set(n, "decider", m->decider) == -1 ||
	    node_set(n, "decided", bj(r, m->decided_at)) == -1))
		return -1;
	return 0;
}

/*
 * The dispatcher's check (routes.h), for an enterprise user's every
 * request: the measures that bind its enterprise now (one indexed
 * statement), and the one that refuses the page's right, if any: 403
 * with the page naming it, its reason, dates and how to appeal, audited
 * as access.denied on the measure.  A revocation in force ends every
 * session of the enterprise's users, this one first.
 */
int
measure_enforce(struct req *r)
{
	const struct measure	*m;
	struct measure_list	 l;
	struct audit_actor	 a;
	enum measure_right	 need;
	enum err		 rc;

	if (r->sess == NULL || r->sess->user.role != ROLE_ENTERPRISE ||
	    strcmp(r->sess->user.org_kind, "enterprise") != 0 || r->page < 0)
		return 0;
	if ((rc = measure_binding(r->app->db, r->a, r->sess->user.org_id, &l)) != ERR_OK)
		return status_of(rc);
	if (l.n == 0)
		return 0;
	need = (enum measure_right)route_rights[r->page];
	if (need == MR_NONE)
		need = r->method == HTTP_POST ? MR_USE : MR_READ;
	if ((m = measure_refuses(&l, need)) == NULL)
		return 0;
	req_actor(r, &a);
	if ((rc = audit_write1(r->app->db, &a, "access.denied", "measure",
	    arena_printf(r->a, "%lld", m->id), AUDIT_DENIED, arena_printf(r->a,
	    "%s: %s", measure_kind_names[m->kind], routes[r->page].path))) == ERR_DB_LOST)
		return 503;
	if (m->kind == MK_REVOKE) {
		long long n = 0;

		if ((rc = measure_end_sessions(r->app->db, r->sess->user.org_id, &n)) != ERR_OK)
			return status_of(rc);
		req_actor(r, &a);
		(void)audit_write1(r->app->db, &a, "session.ended", "measure",
		    arena_printf(r->a, "%lld", m->id), AUDIT_OK,
		    arena_printf(r->a, "revoked: %lld sessions", n));
		req_cookie(r, SESSION_COOKIE, NULL);
		hdf_remove_tree(r->hdf, "User");
		hdf_remove_tree(r->hdf, "Menu");
		r->sess = NULL;
		req_set(r, "Refusal.revoked", "1");
	}
	r->tmpl = TMPL_MEASURE_REFUSED;
	r->tmpl_on_4xx = true;
	if (measure_to_node(r, node_of(r, "Refusal"), m, false) == -1)
		return 500;
	return 403;
}

/*
 * GET /measures.  Internet: the enterprise's own measures, newest first,
 * with their state and dates.  Intranet: the measures of the reader's
 * scope, ?kind= ?state= ?q= (USCC or part of the name) and ?page=, with
 * the link to their CSV; the way to propose one for operators and FI
 * managers.
 */
int
handle_measures(struct req *r)
{
	struct measure_filter	 f = { -1, NULL, NULL, 0, 0, 0 };
	struct measure_list	 l;
	struct pager		 pg;
	long long		 total = 0;
	const char		*qs;
	enum err		 rc;
	bool			 staff = !on_internet(r);

	r->tmpl = TMPL_MEASURES;
	req_set(r, "Page.nav", staff ? "measures" : "my_measures");
	if (staff) {
		if (r->f[ML_KIND].present && r->f[ML_KIND].error == NULL)
			f.kind = enum_parse(measure_kind_names, MK__MAX, r->f[ML_KIND].s);
		if (r->f[ML_STATE].present && r->f[ML_STATE].error == NULL)
			f.shown = r->f[ML_STATE].s;
		if (r->f[ML_Q].present && r->f[ML_Q].error == NULL)
			f.q = r->f[ML_Q].s;
		req_set(r, "Staff", "1");
		if (role_of(r, ROLE_OPERATOR) != NULL || is_fi_manager(r))
			req_set(r, "Can.propose", "1");
		if (role_of(r, ROLE_FI) == NULL)
			req_set(r, "Can.export", "1");
		req_pager_init(r, ML_PAGE, MEASURES_PER_PAGE, 0, &pg);
	} else
		pager_init(&pg, 1, MEASURE_LIST_MAX, 0);
	f.offset = pager_offset(&pg);
	f.limit = pg.per;
	if ((rc = measure_list(r->app->db, r->a, &r->scope, &f, &l, &total)) != ERR_OK)
		return status_of(rc);
	for (size_t i = 0; i < l.n; i++)
		if (measure_to_node(r, req_row(r, "Measures.rows", i), &l.v[i], staff) == -1)
			return 500;
	req_setf(r, "Measures.total", "%lld", total);
	if (!staff)
		return 200;
	qs = arena_printf(r->a, "kind=%s&state=%s&q=%s",
	    f.kind >= 0 ? measure_kind_names[f.kind] : "", f.shown != NULL ? f.shown : "",
	    query_escape(r->a, f.q != NULL ? f.q : ""));
	if (qs == NULL)
		return 500;
	req_set(r, "Measures.query", qs);
	pg.total = total;
	return req_pager(r, &pg, arena_printf(r->a, "/measures?%s&", qs)) == 0 ? 200 : 500;
}

/*
 * GET /measures.csv (the offices): the measures of the list's filters,
 * up to MEASURE_LIST_MAX rows, as CSV (the project's writer: a BOM, and
 * a cell a spreadsheet would read as a formula made inert), audited
 * ("measure.export").
 */
int
handle_measures_csv(struct req *r)
{
	static const char *const head[] = { "编号", "统一社会信用代码", "企业名称",
	    "地区", "措施", "理由", "开始日期", "结束日期", "状态", "提出的金融机构",
	    "提出人", "决定人", "说明", "提出时间（北京时间）" };
	struct measure_filter	 f = { -1, NULL, NULL, 0, 0, MEASURE_LIST_MAX };
	struct measure_list	 l;
	struct audit_actor	 a;
	struct csv		*c;
	const char		*body;
	size_t			 len;
	enum err		 rc;

	if (r->f[ML_KIND].present && r->f[ML_KIND].error == NULL)
		f.kind = enum_parse(measure_kind_names, MK__MAX, r->f[ML_KIND].s);
	if (r->f[ML_STATE].present && r->f[ML_STATE].error == NULL)
		f.shown = r->f[ML_STATE].s;
	if (r->f[ML_Q].present && r->f[ML_Q].error == NULL)
		f.q = r->f[ML_Q].s;
	if ((rc = measure_list(r->app->db, r->a, &r->scope, &f, &l, NULL)) != ERR_OK)
		return status_of(rc);
	if ((c = csv_new(r->a, true)) == NULL)
		return 500;
	for (size_t i = 0; i < sizeof head / sizeof head[0]; i++)
		if (csv_field(c, head[i]) == -1)
			return 500;
	if (csv_end_row(c) == -1)
		return 500;
	for (size_t i = 0; i < l.n; i++) {
		const struct measure *m = &l.v[i];

		if (csv_field_ll(c, m->id) == -1 ||
		    csv_field(c, m->ent_uscc) == -1 ||
		    csv_field(c, m->ent_name) == -1 ||
		    csv_field(c, m->region_name) == -1 ||
		    csv_field(c, kind_label(r, m)) == -1 ||
		    csv_field(c, m->reason) == -1 ||
		    csv_field(c, m->starts_on) == -1 ||
		    csv_field(c, m->ends_on) == -1 ||
		    csv_field(c, shown_label(r, m)) == -1 ||
		    csv_field(c, m->fi_name) == -1 ||
		    csv_field(c, m->proposer) == -1 ||
		    csv_field(c, m->decider) == -1 ||
		    csv_field(c, m->note) == -1 ||
		    csv_field(c, bj(r, m->created_at)) == -1 ||
		    csv_end_row(c) == -1)
			return 500;
	}
	if ((body = csv_data(c, &len)) == NULL)
		return 500;
	req_actor(r, &a);
	if ((rc = audit_write1(r->app->db, &a, "measure.export", "measure", "",
	    AUDIT_OK, arena_printf(r->a, "%zu rows", l.n))) != ERR_OK)
		return status_of(rc);
	r->body_out = body;
	r->body_len = len;
	r->ctype = "text/csv; charset=utf-8";
	req_header(r, "Content-Disposition", "attachment; filename=\"measures.csv\"");
	return 200;
}

/* The steps the reader may take on m, as Can.*. */
static void
can_to_hdf(struct req *r, const struct measure *m)
{
	bool open = !m->ended;

	if (role_of(r, ROLE_SUPERVISOR) != NULL &&
	    step_next(&measure_machine, (int)m->status, MA_APPROVE) >= 0) {
		req_set(r, "Can.refuse", "1");
		if (m->asked_by != r->sess->user.id &&
		    (open || m->status == MS_LIFT_PENDING))
			req_set(r, "Can.approve", "1");
		else if (m->asked_by == r->sess->user.id)
			req_set(r, "Can.four_eyes", "1");
	}
	if (role_of(r, ROLE_OPERATOR) != NULL && open &&
	    step_next(&measure_machine, (int)m->status, MA_ADOPT) >= 0)
		req_set(r, "Can.adopt", "1");
	if (open && ((role_of(r, ROLE_OPERATOR) != NULL && m->status == MS_ACTIVE) ||
	    (m->status == MS_FI_ACTIVE && is_fi_manager(r) &&
	    r->sess->user.org_id == m->fi_id)))
		req_set(r, "Can.lift", "1");
}

/* The evidence of m as Files.<i> (the offices and the FI that proposed). */
static int
files_to_hdf(struct req *r, const struct measure *m)
{
	struct files_row	*v = NULL;
	size_t			 n = 0;
	enum err		 rc;

	if ((rc = files_list(r->app->db, r->a, "measure", m->id, &v, &n)) != ERR_OK)
		return status_of(rc);
	for (size_t i = 0; i < n; i++) {
		HDF *f = req_row(r, "Files", i);

		if (f == NULL ||
		    node_set(f, "id", arena_printf(r->a, "%lld", v[i].id)) == -1 ||
		    node_set(f, "name", *v[i].filename != '\0' ? v[i].filename :
		    arena_printf(r->a, "file-%lld.%s", v[i].id,
		    files_type_name(v[i].type))) == -1 ||
		    node_set(f, "size", arena_printf(r->a, "%lld", v[i].size)) == -1)
			return 500;
	}
	return 0;
}

/* The page of m answering `st` (200, or a refused step's 4xx). */
static int
measure_page(struct req *r, const struct measure *m, int st)
{
	bool	staff = !on_internet(r);
	int	e;

	r->tmpl = TMPL_MEASURE;
	r->tmpl_on_4xx = true;
	req_set(r, "Page.nav", staff ? "measures" : "my_measures");
	if (staff)
		req_set(r, "Staff", "1");
	if (measure_to_node(r, node_of(r, "Measure"), m, staff) == -1)
		return 500;
	if (staff) {
		can_to_hdf(r, m);
		if ((e = files_to_hdf(r, m)) != 0)
			return e;
	}
	return st;
}

/* GET /measures/{id} (the enterprise its own; the offices, the FI). */
int
handle_measure(struct req *r)
{
	if (r->f[MV_DONE].present && r->f[MV_DONE].error == NULL)
		req_set(r, "Done", views_str(r->app->views,
		    arena_printf(r->a, "Measures.done.%s", r->f[MV_DONE].s)));
	return measure_page(r, r->obj, 200);
}

/* files_read's check: the evidence of the measure in the URL, which the
 * dispatcher loaded in the reader's scope. */
struct file_ctx {
	long long	 id;
};

static enum err
file_may(void *ctx, const char *owner_kind, long long owner_id)
{
	const struct file_ctx *c = ctx;

	return strcmp(owner_kind, "measure") == 0 && owner_id == c->id ?
	    ERR_OK : ERR_NOTFOUND;
}

/* GET /measures/{id}/files/{fid} (the offices, the FI): a piece of
 * evidence as a download; 404 for another measure's file. */
int
handle_measure_file(struct req *r)
{
	const struct measure	*m = r->obj;
	struct file_ctx		 c = { m->id };
	struct files_row	 row;
	const unsigned char	*data = NULL;
	enum err		 rc;

	rc = files_read(r->app->db, r->a, r->app->cfg->files,
	    route_arg_int(&r->args, "fid"), file_may, &c, &row, &data);
	if (rc != ERR_OK)
		return status_of(rc);
	return req_file(r, &row, data);
}

static int
new_page(struct req *r)
{
	r->tmpl = TMPL_MEASURE_EDIT;
	req_set(r, "Page.nav", "measures");
	if (role_of(r, ROLE_FI) != NULL)
		req_set(r, "Edit.fi", "1");
	return 200;
}

/*
 * GET /measures/new (operators; an FI's manager): the form, with
 * ?enterprise= filled in.  POST: enterprise (USCC or id, within the
 * proposer's scope: the region's, or for an FI one whose applications it
 * handles), kind (an FI: unwelcome or other), other_text (for other),
 * reason, starts_on, ends_on (optional, not before the start), evidence
 * (optional PDF, JPEG or PNG).  An operator's measure waits for a
 * supervisor; an FI's is in force for its own dealings at once.  303 to
 * /measures/{id}?done=proposed; 200 with the messages next to the fields
 * and what was typed.
 */
int
handle_measure_new(struct req *r)
{
	const struct config	*cfg = r->app->cfg;
	struct measure_input	 in;
	struct files_in		 ev;
	struct audit_actor	 a;
	const char		*key;
	long long		 id;
	enum err		 rc;
	int			 k;

	if (role_of(r, ROLE_FI) != NULL && !is_fi_manager(r))
		return req_forbidden(r, "measure", 0, "not the FI's manager");
	new_page(r);
	if (r->method != HTTP_POST) {
		const char *e = req_raw(r, "enterprise");

		if (e != NULL)
			req_set(r, "Form.enterprise.value", e);
		return 200;
	}
	memset(&in, 0, sizeof in);
	k = r->f[MN_KIND].error == NULL ?
	    enum_parse(measure_kind_names, MK__MAX, r->f[MN_KIND].s) : -1;
	if (k == MK_OTHER && !r->f[MN_OTHER].present)
		req_field_error(r, "other_text", "measure_other");
	if (k >= 0 && role_of(r, ROLE_FI) != NULL && k != MK_UNWELCOME && k != MK_OTHER)
		req_field_error(r, "kind", "measure_fi_kind");
	if (r->f[MN_END].present && r->f[MN_END].error == NULL &&
	    r->f[MN_START].error == NULL &&
	    strcmp(r->f[MN_END].s, r->f[MN_START].s) < 0)
		req_field_error(r, "ends_on", "measure_end");
	if (r->f[MN_ENT].error == NULL && (rc = measure_find_enterprise(r->app->db,
	    r->a, &r->scope, r->f[MN_ENT].s, &in.ent_id, NULL)) != ERR_OK) {
		if (rc != ERR_NOTFOUND)
			return status_of(rc);
		req_field_error(r, "enterprise", role_of(r, ROLE_FI) != NULL ?
		    "measure_ent_fi" : "measure_ent");
	}
	if (r->f[MN_EVIDENCE].present && r->f[MN_EVIDENCE].error == NULL &&
	    (key = files_accept(r->a, r->f[MN_EVIDENCE].file, cfg->attachment_max,
	    &ev)) != NULL)
		req_field_error(r, "evidence", key);
	if (r->nerrors > 0 || k < 0)
		return 200;
	in.kind = (enum measure_kind)k;
	in.other_text = r->f[MN_OTHER].s;
	in.reason = r->f[MN_REASON].s;
	in.starts_on = r->f[MN_START].s;
	in.ends_on = r->f[MN_END].present ? r->f[MN_END].s : NULL;
	if (r->f[MN_EVIDENCE].present) {
		if ((rc = files_save(cfg->files, &ev)) != ERR_OK)
			return status_of(rc);
		in.evidence = &ev;
		in.nevidence = 1;
	}
	req_actor(r, &a);
	rc = measure_create(r->app->db, &a, &r->scope, &in, &id);
	if (rc != ERR_OK && in.nevidence > 0)
		files_discard(cfg->files, &ev);
	if (rc == ERR_NOTFOUND) {
		req_field_error(r, "enterprise", "measure_ent");
		return 200;
	}
	if (rc == ERR_INVAL) {
		req_field_error(r, "kind", "measure_fi_kind");
		return 200;
	}
	if (rc == ERR_FORBIDDEN)
		return req_forbidden(r, "measure", 0, "may not propose measures");
	if (rc != ERR_OK)
		return status_of(rc);
	r->location = arena_printf(r->a, "/measures/%lld?done=proposed", id);
	return r->location != NULL ? 303 : 500;
}

/* One step on the measure of the URL; `done` names the outcome. */
static int
step(struct req *r, enum measure_action act, bool need_note, const char *done)
{
	const struct measure	*m = r->obj;
	struct audit_actor	 a;
	enum err		 rc;

	if (need_note && !r->f[MA_F_NOTE].present) {
		req_field_error(r, "note", "measure_note");
		req_set(r, "Refused", views_str(r->app->views, "Err.measure_note"));
		return measure_page(r, m, 400);
	}
	if (r->nerrors > 0)
		return measure_page(r, m, 400);
	req_actor(r, &a);
	rc = measure_step(r->app->db, &a, &r->scope, m->id,
	    r->f[MA_F_VERSION].present ? (unsigned)r->f[MA_F_VERSION].i : 0, act,
	    r->f[MA_F_NOTE].s);
	switch (rc) {
	case ERR_OK:
		break;
	case ERR_CONFLICT:
		req_set(r, "Refused", views_str(r->app->views, "Err.measure_conflict"));
		return measure_page(r, m, 409);
	case ERR_FORBIDDEN:
		return 403;
	case ERR_INVAL:
		req_set(r, "Refused", views_str(r->app->views, "Err.measure_note"));
		return measure_page(r, m, 400);
	default:
		return status_of(rc);
	}
	if (act == MA_LIFT && m->status == MS_ACTIVE)
		done = "lift_asked";
	r->location = arena_printf(r->a, "/measures/%lld?done=%s", m->id, done);
	return r->location != NULL ? 303 : 500;
}

/* POST /measures/{id}/approve (a supervisor who did not ask for it): the
 * proposal, adoption or lift waiting takes effect.  303; 403 for who
 * asked (audited); 409 when nothing waits or the page was stale. */
int
handle_measure_approve(struct req *r)
{
	return step(r, MA_APPROVE, false, "approved");
}

/* POST /measures/{id}/refuse (a supervisor), note: what waited is refused
 * (a proposal refused; an adoption back to the FI's own; a lift: the
 * measure stays). */
int
handle_measure_refuse(struct req *r)
{
	return step(r, MA_REFUSE, false, "refused");
}

/* POST /measures/{id}/adopt (an operator of the region), note: an FI's
 * measure proposed platform-wide, for a supervisor to approve. */
int
handle_measure_adopt(struct req *r)
{
	return step(r, MA_ADOPT, true, "adopted");
}

/* POST /measures/{id}/lift, note (required): an operator asks to lift a
 * platform measure (a supervisor approves); an FI manager lifts its
 * FI's own at once. */
int
handle_measure_lift(struct req *r)
{
	const struct measure *m = r->obj;

	if (role_of(r, ROLE_FI) != NULL && !is_fi_manager(r))
		return req_forbidden(r, "measure", m->id, "not the FI's manager");
	return step(r, MA_LIFT, true, "lifted");
}

/* The unwelcome entries on l's enterprise the reader sees (an FI: its
 * own and the platform's; the offices: their region's) that are in force
 * now, as Unwelcome.<i> on the loan page. */
int
measure_unwelcome_to_hdf(struct req *r, const struct loan *l)
{
	struct measure_filter	 f = { MK_UNWELCOME, NULL, NULL, 0, 0, 50 };
	struct measure_list	 ml;
	size_t			 k = 0;
	enum err		 rc;

	if (on_internet(r) || r->sess == NULL)
		return 0;
	f.ent_id = l->enterprise_id;
	if ((rc = measure_list(r->app->db, r->a, &r->scope, &f, &ml, NULL)) != ERR_OK)
		return status_of(rc);
	for (size_t i = 0; i < ml.n; i++) {
		const struct measure *m = &ml.v[i];

		if (m->ended || !m->started || m->status == MS_PENDING ||
		    m->status == MS_REFUSED || m->status == MS_LIFTED)
			continue;
		if (measure_to_node(r, req_row(r, "Unwelcome", k++), m, false) == -1)
			return 500;
	}
	return 0;
}
