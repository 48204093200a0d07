/*
 * auditlog.c -- the auditor's pages: search the audit log and export it
 * as CSV (X-AUD, R-02.2).  Auditors read; nothing here changes data
 * except the audit row that records an export.
 */
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "oversight/auditlog.h"
#include "formats/csv.h"
#include "routes.h"
#include "core/timefmt.h"

#define AUDIT_PER_PAGE	50
#define AUDIT_CSV_MAX	100000

/* ?org= names an organisation as actor_org does: "office:2". */
static const char *
check_org(struct arena *a, struct fval *v)
{
	static const char *const kinds[] = { "enterprise:", "agency:", "fi:",
	    "office:", NULL };
	const char *s = v->s;

	(void)a;
	for (const char *const *k = kinds; *k != NULL; k++) {
		size_t n = strlen(*k);

		if (strncmp(s, *k, n) != 0)
			continue;
		s += n;
		if (*s < '1' || *s > '9' || strlen(s) > 19)
			return "bad_org";
		while (*s >= '0' && *s <= '9')
			s++;
		return *s == '\0' ? NULL : "bad_org";
	}
	return "bad_org";
}

static const char *
check_action(struct arena *a, struct fval *v)
{
	(void)a;
	return auditlog_action_valid(v->s) ? NULL : "bad_action";
}

enum { AUDIT_USER, AUDIT_ACTION, AUDIT_ORG, AUDIT_FROM, AUDIT_TO, AUDIT_PAGE,
	AUDIT__MAX };

static const struct field audit_fields[AUDIT__MAX] = {
	[AUDIT_USER] = { .name = "user", .kind = FK_TEXT, .flags = F_TRIM,
	    .maxlen = 40 },
	[AUDIT_ACTION] = { .name = "action", .kind = FK_CUSTOM, .flags = F_TRIM,
	    .maxlen = 40, .check = check_action },
	[AUDIT_ORG] = { .name = "org", .kind = FK_CUSTOM, .flags = F_TRIM,
	    .maxlen = 40, .check = check_org },
	[AUDIT_FROM] = { .name = "from", .kind = FK_DATE, .flags = F_TRIM },
	[AUDIT_TO] = { .name = "to", .kind = FK_DATE, .flags = F_TRIM },
	[AUDIT_PAGE] = { .name = "page", .kind = FK_INT, .min = 1, .max = 100000 },
};
const struct form audit_form = { audit_fields, AUDIT__MAX };

/* Midnight of Beijing date y-m-d (+ days) as a UTC "YYYY-MM-DD HH:MM:SS"
 * in `a`; NULL on OOM or a date that cannot be formatted. */
static const char *
midnight_utc(struct arena *a, int y, int m, int d, int days)
{
	char		 buf[32];

	if (beijing_midnight_utc(y, m, d, days, buf, sizeof buf) != 0)
		return NULL;
	return arena_strdup(a, buf);
}

/*
 * The filter of this request, scoped to the auditor's region.  Returns 0,
 * 1 when a field is in error (messages set), -1 on OOM.
 */
static int
read_filter(struct req *r, struct auditlog_filter *f)
{
	const struct fval *from = &r->f[AUDIT_FROM], *to = &r->f[AUDIT_TO];

	memset(f, 0, sizeof *f);
	f->scope = r->sess->user.region;
	if (r->nerrors > 0)
		return 1;
	if (from->present && to->present &&
	    (to->y * 10000 + to->m * 100 + to->d) <
	    (from->y * 10000 + from->m * 100 + from->d)) {
		req_field_error(r, "to", "date_order");
		return 1;
	}
	f->username = r->f[AUDIT_USER].s;
	f->action = r->f[AUDIT_ACTION].s;
	f->org = r->f[AUDIT_ORG].s;
	if (from->present &&
	    (f->from = midnight_utc(r->a, from->y, from->m, from->d, 0)) == NULL)
		return -1;
	if (to->present &&
	    (f->to = midnight_utc(r->a, to->y, to->m, to->d, 1)) == NULL)
		return -1;
	return 0;
}

char *
query_escape(struct arena *a, const char *s)
{
	static const char hex[] = "0123456789ABCDEF";
	size_t	 n = strlen(s), j = 0;
	char	*out = arena_alloc(a, 3 * n + 1);

	if (out == NULL)
		return NULL;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
		    (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_' ||
		    c == '~') {
			out[j++] = (char)c;
			continue;
		}
		out[j++] = '%';
		out[j++] = hex[c >> 4];
		out[j++] = hex[c & 15];
	}
	out[j] = '\0';
	return out;
}

/* The UI string `key`, or NULL when strings.hdf has none. */
static const char *
label(struct req *r, const char *prefix, const char *name)
{
	char		 key[96];
	const char	*s;

	snprintf(key, sizeof key, "%s.%s", prefix, name);
	s = views_str(r->app->views, key);
	return s == NULL || strcmp(s, key) == 0 ? NULL : s;
}

int
audit_rows_to_hdf(struct req *r, const char *name, const struct auditlog_list *l)
{
	for (size_t i = 0; i < l->n; i++) {
		const struct auditlog_row *a = &l->v[i];
		HDF	*row = req_row(r, name, i);
		char	 when[32], id[24], actor[24];
		const char *s;

		if (row == NULL)
			return -1;
		snprintf(id, sizeof id, "%lld", a->id);
		snprintf(actor, sizeof actor, "%lld", a->actor_id);
		if (time_beijing_secs(a->at, when, sizeof when) == -1)
			snprintf(when, sizeof when, "%s", a->at);
		if (node_set(row, "id", id) == -1 ||
		    node_set(row, "at", when) == -1 ||
		    node_set(row, "actor_id", a->actor_id != 0 ? actor : "") == -1 ||
		    node_set(row, "actor", a->actor_name) == -1 ||
		    node_set(row, "role", a->role) == -1 ||
		    node_set(row, "org", a->org) == -1 ||
		    node_set(row, "region", a->region) == -1 ||
		    node_set(row, "portal", a->portal) == -1 ||
		    node_set(row, "addr", a->client_addr) == -1 ||
		    node_set(row, "rid", a->request_id) == -1 ||
		    node_set(row, "action", a->action) == -1 ||
		    node_set(row, "object_type", a->object_type) == -1 ||
		    node_set(row, "object_id", a->object_id) == -1 ||
		    node_set(row, "outcome", a->outcome) == -1 ||
		    node_set(row, "detail", a->detail) == -1 ||
		    node_set(row, "real_name", a->actor_real) == -1 ||
		    node_set(row, "org_name", a->org_name) == -1 ||
		    node_set(row, "region_name", a->region_name) == -1)
			return -1;
		if ((s = label(r, "Portal", a->portal)) != NULL &&
		    node_set(row, "portal_label", s) == -1)
			return -1;
		if (*a->object_type != '\0' &&
		    (s = label(r, "Object", a->object_type)) != NULL &&
		    node_set(row, "object_label", s) == -1)
			return -1;
		if ((s = label(r, "Action", a->action)) != NULL &&
		    node_set(row, "action_label", s) == -1)
			return -1;
		if (*a->role != '\0' && (s = label(r, "Role", a->role)) != NULL &&
		    node_set(row, "role_label", s) == -1)
			return -1;
		if ((s = label(r, "Outcome", a->outcome)) != NULL &&
		    node_set(row, "outcome_label", s) == -1)
			return -1;
	}
	return 0;
}

/* The organisations the auditor may filter by, as Audit.orgs; the chosen
 * one is marked, and kept as an entry of its own when it is not among
 * them (another region's, an enterprise's).  -1 on OOM, else the status. */
static int
orgs_to_hdf(struct req *r, const char *chosen)
{
	struct auditlog_org_list	 l;
	enum err			 rc;
	bool				 found = false;
	size_t				 i;

	if ((rc = auditlog_orgs(r->app->db, r->a, r->sess->user.region, &l)) != ERR_OK)
		return status_of(rc);
	for (i = 0; i < l.n; i++) {
		HDF		*row = req_row(r, "Audit.orgs", i);
		const char	*k = label(r, "OrgKind", l.v[i].kind);
		bool		 sel = strcmp(l.v[i].value, chosen) == 0;

		if (row == NULL || node_set(row, "value", l.v[i].value) == -1 ||
		    node_set(row, "name", l.v[i].name) == -1 ||
		    node_set(row, "kind", k != NULL ? k : l.v[i].kind) == -1 ||
		    (sel && node_set(row, "selected", "1") == -1))
			return -1;
		found = found || sel;
	}
	if (!found && *chosen != '\0') {
		HDF *row = req_row(r, "Audit.orgs", i);

		if (row == NULL || node_set(row, "value", chosen) == -1 ||
		    node_set(row, "name", chosen) == -1 ||
		    node_set(row, "kind", "") == -1 ||
		    node_set(row, "selected", "1") == -1)
			return -1;
	}
	return 0;
}

/*
 * GET /audit (auditor): the audit log, newest first, 50 rows a page,
 * filtered by actor username (exact), action (exact or dotted prefix:
 * "login" also finds "login.totp"), organisation (actor_org, exact),
 * Beijing dates from/to (inclusive) and page.  A city auditor sees the
 * rows of actors of its city only; the province sees all.  200;
 * a bad filter shows its message next to the field and no rows.
 */
int
handle_audit(struct req *r)
{
	struct auditlog_filter	 f;
	struct auditlog_list	 l;
	struct pager		 pg;
	const char		*query;
	enum err		 rc;
	int			 st, os;

	r->tmpl = TMPL_AUDIT;
	req_set(r, "Page.nav", "audit");
	req_set(r, "Audit.scope", r->sess->user.region);
	req_set(r, "Audit.scope_name", r->sess->user.region_name);
	if ((st = read_filter(r, &f)) == -1)
		return 500;
	if ((os = orgs_to_hdf(r, r->f[AUDIT_ORG].s)) != 0)
		return os == -1 ? 500 : os;
	if (st == 1) {
		req_set(r, "Audit.invalid", "1");
		return 200;
	}
	{
		const char *e[AUDIT_PAGE];

		/* the filters again, for the page links and the export */
		for (int i = 0; i < AUDIT_PAGE; i++)
			if ((e[i] = query_escape(r->a, r->f[i].s)) == NULL)
				return 500;
		query = arena_printf(r->a, "user=%s&action=%s&org=%s&from=%s&to=%s",
		    e[AUDIT_USER], e[AUDIT_ACTION], e[AUDIT_ORG], e[AUDIT_FROM],
		    e[AUDIT_TO]);
		if (query == NULL || req_set(r, "Audit.query", query) == -1)
			return 500;
	}
	req_pager_init(r, AUDIT_PAGE, AUDIT_PER_PAGE, 0, &pg);
	if ((rc = auditlog_search(r->app->db, r->a, &f, (size_t)pg.page - 1,
	    AUDIT_PER_PAGE, &l)) != ERR_OK)
		return status_of(rc);
	if (audit_rows_to_hdf(r, "Audit.rows", &l) == -1)
		return 500;
	pg.total = l.total;
	if (req_pager(r, &pg, arena_printf(r->a, "/audit?%s&", query)) == -1)
		return 500;
	return 200;
}

struct csv_ctx {
	struct req	*r;
	struct csv	*csv;
};

static int
csv_row(void *arg, const struct auditlog_row *a)
{
	struct csv_ctx	*c = arg;
	char		 when[32], obj[64];
	const char	*s;

	if (time_beijing_secs(a->at, when, sizeof when) == -1)
		snprintf(when, sizeof when, "%s", a->at);
	snprintf(obj, sizeof obj, "%s%s%s", a->object_type,
	    *a->object_id != '\0' ? ":" : "", a->object_id);
	if (csv_field_ll(c->csv, a->id) == -1 ||
	    csv_field(c->csv, when) == -1 ||
	    csv_field(c->csv, a->actor_name) == -1 ||
	    csv_field(c->csv, *a->role != '\0' &&
	    (s = label(c->r, "Role", a->role)) != NULL ? s : a->role) == -1 ||
	    csv_field(c->csv, a->org) == -1 ||
	    csv_field(c->csv, a->region) == -1 ||
	    csv_field(c->csv, a->portal) == -1 ||
	    csv_field(c->csv, a->client_addr) == -1 ||
	    csv_field(c->csv, a->action) == -1 ||
	    csv_field(c->csv, obj) == -1 ||
	    csv_field(c->csv, (s = label(c->r, "Outcome", a->outcome)) != NULL ?
	    s : a->outcome) == -1 ||
	    csv_field(c->csv, a->detail) == -1 ||
	    csv_field(c->csv, a->request_id) == -1 ||
	    csv_field(c->csv, a->actor_real) == -1 ||
	    csv_field(c->csv, a->org_name) == -1 ||
	    csv_field(c->csv, a->region_name) == -1)
		return -1;
	return csv_end_row(c->csv);
}

/*
 * GET /audit.csv (auditor): the rows /audit would show for the same
 * filters, all pages (at most 100000), as a UTF-8 CSV with a BOM and a
 * Chinese header row, every value quoted and formulas neutralised
 * (lib/formats/csv.h).  200 text/csv as an attachment; a bad filter renders the
 * /audit page with its messages instead.  The export itself is audited.
 */
int
handle_audit_csv(struct req *r)
{
	static const char *const head[] = { "编号", "时间（北京时间）", "用户名",
	    "角色", "机构", "地区", "门户", "客户端地址", "操作", "对象", "结果",
	    "详情", "请求编号", "姓名", "机构名称", "地区名称" };
	struct auditlog_filter	 f;
	struct audit_actor	 actor;
	struct csv_ctx		 c = { r, NULL };
	const char		*body;
	size_t			 n, len;
	char			 detail[384];
	enum err		 rc;
	int			 st;

	if ((st = read_filter(r, &f)) == -1)
		return 500;
	if (st == 1)
		return handle_audit(r);
	if ((c.csv = csv_new(r->a, true)) == NULL)
		return 500;
	for (size_t i = 0; i < sizeof head / sizeof head[0]; i++)
		if (csv_field(c.csv, head[i]) == -1)
			return 500;
	if (csv_end_row(c.csv) == -1)
		return 500;
	if ((rc = auditlog_each(r->app->db, r->a, &f, AUDIT_CSV_MAX, csv_row, &c,
	    &n)) != ERR_OK)
		return status_of(rc);
	if ((body = csv_data(c.csv, &len)) == NULL)
		return 500;

	req_actor(r, &actor);
	snprintf(detail, sizeof detail, "%zu rows; user=%s action=%s org=%s"
	    " from=%s to=%s", n, r->f[AUDIT_USER].s, r->f[AUDIT_ACTION].s,
	    r->f[AUDIT_ORG].s, r->f[AUDIT_FROM].s, r->f[AUDIT_TO].s);
	if ((rc = audit_write1(r->app->db, &actor, "audit.export", "audit_log", "",
	    AUDIT_OK, detail)) != ERR_OK)
		return status_of(rc);
	r->body_out = body;
	r->body_len = len;
	r->ctype = "text/csv; charset=utf-8";
	req_header(r, "Content-Disposition", "attachment; filename=\"audit.csv\"");
	return 200;
}
