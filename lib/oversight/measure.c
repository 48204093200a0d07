/*
 * measure.c -- the SQL, the state table and the steps of the measures on
 * enterprise users (measure.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/enumname.h"
#include "core/timefmt.h"
#include "db/db_region.h"
#include "accounts/inbox.h"
#include "oversight/measure.h"

const char *const measure_kind_names[MK__MAX + 1] = {
	[MK_SUSPEND_PUBLISH] = "suspend_publish",
	[MK_SUSPEND_MESSAGE] = "suspend_message",
	[MK_SUSPEND_SELFVIEW] = "suspend_selfview",
	[MK_SUSPEND_ALL] = "suspend_all",
	[MK_REVOKE] = "revoke",
	[MK_UNWELCOME] = "unwelcome",
	[MK_OTHER] = "other",
	[MK__MAX] = NULL,
};

const char *const measure_status_names[MS__MAX + 1] = {
	[MS_PENDING] = "pending", [MS_REFUSED] = "refused",
	[MS_ACTIVE] = "active", [MS_FI_ACTIVE] = "fi_active",
	[MS_ADOPT_PENDING] = "adopt_pending", [MS_LIFT_PENDING] = "lift_pending",
	[MS_LIFTED] = "lifted", [MS__MAX] = NULL,
};

const char *const measure_shown_names[] = { "pending", "refused", "scheduled",
	"active", "fi_active", "adopt_pending", "lift_pending", "ended",
	"lifted", NULL };

static const char *const action_names[MA__MAX] = {
	[MA_APPROVE] = "approve", [MA_REFUSE] = "refuse",
	[MA_ADOPT] = "adopt", [MA_LIFT] = "lift",
};

#define NO4	{ STEP_NO, STEP_NO, STEP_NO, STEP_NO }
static const signed char measure_next[MS__MAX][MA__MAX] = {
	/* an operator's proposal waits for a supervisor */
	[MS_PENDING] = { [MA_APPROVE] = STEP_TO(MS_ACTIVE),
	    [MA_REFUSE] = STEP_TO(MS_REFUSED), [MA_ADOPT] = STEP_NO,
	    [MA_LIFT] = STEP_NO },
	[MS_REFUSED] = NO4,
	/* platform-wide: an operator asks to lift it */
	[MS_ACTIVE] = { [MA_APPROVE] = STEP_NO, [MA_REFUSE] = STEP_NO,
	    [MA_ADOPT] = STEP_NO, [MA_LIFT] = STEP_TO(MS_LIFT_PENDING) },
	/* an FI's own: the region's operators adopt it, the FI lifts it */
	[MS_FI_ACTIVE] = { [MA_APPROVE] = STEP_NO, [MA_REFUSE] = STEP_NO,
	    [MA_ADOPT] = STEP_TO(MS_ADOPT_PENDING), [MA_LIFT] = STEP_TO(MS_LIFTED) },
	[MS_ADOPT_PENDING] = { [MA_APPROVE] = STEP_TO(MS_ACTIVE),
	    [MA_REFUSE] = STEP_TO(MS_FI_ACTIVE), [MA_ADOPT] = STEP_NO,
	    [MA_LIFT] = STEP_NO },
	/* still in force until a supervisor approves the lift */
	[MS_LIFT_PENDING] = { [MA_APPROVE] = STEP_TO(MS_LIFTED),
	    [MA_REFUSE] = STEP_TO(MS_ACTIVE), [MA_ADOPT] = STEP_NO,
	    [MA_LIFT] = STEP_NO },
	[MS_LIFTED] = NO4,
};
#undef NO4

const struct step_machine measure_machine = {
	"measure", MS__MAX, MA__MAX, measure_status_names, action_names,
	&measure_next[0][0],
};

enum {
	STMT_M_GET,
	STMT_M_LIST,
	STMT_M_COUNT,
	STMT_M_BINDING,
	STMT_M_FIND_ENT,
	STMT_M_INSERT,
	STMT_M_LOCK,
	STMT_M_UPDATE,
	STMT_M_END_SESSIONS,
	STMT_M__MAX
};

/*
 * The scope predicate (measure.h): mode, mode, region, mode, enterprise,
 * mode, fi, fi.
 */
#define M_SCOPE \
	" (? = 'all' OR (? = 'region' AND m.region_code = ?)" \
	" OR (? = 'ent' AND m.enterprise_id = ? AND m.status NOT IN ('pending','refused'))" \
	" OR (? = 'fi' AND (m.fi_id = ? OR (m.kind = 'unwelcome'" \
	" AND m.status IN ('active','lift_pending') AND EXISTS (SELECT 1 FROM loans l" \
	" WHERE l.enterprise_id = m.enterprise_id AND l.fi_id = ? AND l.status <> 'draft')))))"
#define M_SCOPE_NP	8

#define M_COLS \
	"SELECT m.id, m.enterprise_id, COALESCE(m.fi_id, 0), e.name, e.uscc," \
	" COALESCE(f.name, ''), m.region_code, COALESCE(rg.name, ''), m.kind," \
	" m.other_text, m.reason, m.note, DATE_FORMAT(m.starts_on, '%Y-%m-%d')," \
	" COALESCE(DATE_FORMAT(m.ends_on, '%Y-%m-%d'), ''), m.status, m.version," \
	" m.starts_at <= UTC_TIMESTAMP()," \
	" m.ends_at IS NOT NULL AND m.ends_at <= UTC_TIMESTAMP()," \
	" m.proposed_by, COALESCE(m.asked_by, 0), COALESCE(m.decided_by, 0)," \
	" pu.real_name, COALESCE(au.real_name, ''), COALESCE(du.real_name, '')," \
	" DATE_FORMAT(m.created_at, '%Y-%m-%d %H:%i:%s')," \
	" COALESCE(DATE_FORMAT(m.decided_at, '%Y-%m-%d %H:%i:%s'), '')," \
	" COALESCE(DATE_FORMAT(m.lifted_at, '%Y-%m-%d %H:%i:%s'), '')"
#define M_FROM \
	" FROM measures m JOIN enterprises e ON e.id = m.enterprise_id" \
	" LEFT JOIN fis f ON f.id = m.fi_id" \
	" LEFT JOIN regions rg ON rg.code = m.region_code" \
	" JOIN users pu ON pu.id = m.proposed_by" \
	" LEFT JOIN users au ON au.id = m.asked_by" \
	" LEFT JOIN users du ON du.id = m.decided_by"
/* what the lists show (measure_shown, in SQL for the filter) */
#define M_SHOWN \
	" (CASE WHEN m.status IN ('pending','refused','lifted') THEN m.status" \
	" WHEN m.ends_at IS NOT NULL AND m.ends_at <= UTC_TIMESTAMP() THEN 'ended'" \
	" WHEN m.starts_at > UTC_TIMESTAMP() THEN 'scheduled' ELSE m.status END)"
/* the filter: kind, kind, shown, shown, q, q, like, ent, ent */
#define M_FILTER \
	" AND (? < 0 OR m.kind = ELT(? + 1, 'suspend_publish', 'suspend_message'," \
	" 'suspend_selfview', 'suspend_all', 'revoke', 'unwelcome', 'other'))" \
	" AND (? = '' OR" M_SHOWN " = ?)" \
	" AND (? = '' OR e.uscc = ? OR e.name LIKE ?)" \
	" AND (? = 0 OR m.enterprise_id = ?)"
#define M_FILTER_NP	9

static const char *const sql[STMT_M__MAX] = {
	[STMT_M_GET] = M_COLS M_FROM " WHERE m.id = ? AND" M_SCOPE,
	[STMT_M_LIST] = M_COLS M_FROM " WHERE" M_SCOPE M_FILTER
	    " ORDER BY m.id DESC LIMIT ? OFFSET ?",
	[STMT_M_COUNT] = "SELECT COUNT(*)" M_FROM " WHERE" M_SCOPE M_FILTER,
	[STMT_M_BINDING] = M_COLS M_FROM
	    " WHERE m.enterprise_id = ? AND m.status IN ('active','lift_pending')"
	    " AND m.starts_at <= UTC_TIMESTAMP()"
	    " AND (m.ends_at IS NULL OR m.ends_at > UTC_TIMESTAMP()) ORDER BY m.id",
	/* uscc, id, then mode, mode, region, mode, fi */
	[STMT_M_FIND_ENT] = "SELECT e.id, e.name, e.region_code FROM enterprises e"
	    " WHERE (e.uscc = ? OR e.id = ?) AND (? = 'all'"
	    " OR (? = 'region' AND e.region_code = ?) OR (? = 'fi' AND EXISTS"
	    " (SELECT 1 FROM loans l WHERE l.enterprise_id = e.id AND l.fi_id = ?"
	    " AND l.status <> 'draft')))",
	[STMT_M_INSERT] = "INSERT INTO measures (enterprise_id, region_code, fi_id,"
	    " kind, other_text, reason, starts_on, ends_on, starts_at, ends_at,"
	    " status, proposed_by, asked_by) VALUES (?, ?, NULLIF(?, 0), ?, ?, ?,"
	    " ?, NULLIF(?, ''), ?, NULLIF(?, ''), ?, ?, ?)",
	[STMT_M_LOCK] = "SELECT m.status, m.version, COALESCE(m.asked_by, 0),"
	    " m.ends_at IS NOT NULL AND m.ends_at <= UTC_TIMESTAMP(),"
	    " m.enterprise_id, m.kind, m.starts_at <= UTC_TIMESTAMP()"
	    " FROM measures m WHERE m.id = ? AND" M_SCOPE " FOR UPDATE",
	/* status, ask, actor, ask, decide, actor, decide, note, note,
	 * status, id */
	[STMT_M_UPDATE] = "UPDATE measures SET status = ?, version = version + 1,"
	    " updated_at = UTC_TIMESTAMP(), asked_by = IF(? = 1, ?, asked_by),"
	    " decided_by = IF(? = 1, NULL, IF(? = 1, ?, decided_by)),"
	    " decided_at = IF(? = 1, UTC_TIMESTAMP(), decided_at),"
	    " note = IF(? = '', note, ?),"
	    " lifted_at = IF(? = 'lifted', UTC_TIMESTAMP(), lifted_at) WHERE id = ?",
	[STMT_M_END_SESSIONS] = "DELETE s FROM sessions s JOIN users u ON u.id = s.user_id"
	    " WHERE u.org_kind = 'enterprise' AND u.org_id = ?",
};

static const struct db_module mod = { DBM_OVERSIGHT_MEASURE, STMT_M__MAX, sql };

static const char *
nz(const char *s)
{
	return s != NULL ? s : "";
}

/* The scope's mode: all, region, ent, fi or none. */
static const char *
mode_of(const struct scope *sc)
{
	if (sc->kind == SCOPE_SYSTEM)
		return "all";
	if (sc->role == ROLE_OPERATOR || sc->role == ROLE_SUPERVISOR)
		return scope_province_wide(sc) ? "all" : "region";
	if (sc->role == ROLE_ENTERPRISE && sc->org_id > 0 &&
	    strcmp(nz(sc->org_kind), "enterprise") == 0)
		return "ent";
	if (sc->role == ROLE_FI && sc->org_id > 0 &&
	    strcmp(nz(sc->org_kind), "fi") == 0)
		return "fi";
	return "none";
}

static void
scope_params(const struct scope *sc, struct db_param p[M_SCOPE_NP])
{
	const char *mode = mode_of(sc);

	p[0] = DB_STR(mode);
	p[1] = DB_STR(mode);
	p[2] = DB_STR(sc->region);
	p[3] = DB_STR(mode);
	p[4] = DB_INT(sc->org_id);
	p[5] = DB_STR(mode);
	p[6] = DB_INT(sc->org_id);
	p[7] = DB_INT(sc->org_id);
}

const char *
measure_shown(const struct measure *m)
{
	switch (m->status) {
	case MS_PENDING:
	case MS_REFUSED:
	case MS_LIFTED:
		break;
	default:
		if (m->ended)
			return "ended";
		if (!m->started)
			return "scheduled";
	}
	return measure_status_names[m->status];
}

bool
measure_in_force(const struct measure *m)
{
	return (m->status == MS_ACTIVE || m->status == MS_LIFT_PENDING) &&
	    m->started && !m->ended;
}

bool
measure_may_propose(const struct scope *sc)
{
	return sc != NULL && sc->kind == SCOPE_USER &&
	    (sc->role == ROLE_OPERATOR || sc->role == ROLE_FI);
}

static void
fill(const struct db_rows *r, struct arena *a, void *elem)
{
	struct measure	*o = elem;
	int		 k;

	o->id = db_col_int(r, 0);
	o->enterprise_id = db_col_int(r, 1);
	o->fi_id = db_col_int(r, 2);
	o->ent_name = db_col_text(r, a, 3);
	o->ent_uscc = db_col_text(r, a, 4);
	o->fi_name = db_col_text(r, a, 5);
	o->region = db_col_text(r, a, 6);
	o->region_name = db_col_text(r, a, 7);
	k = enum_parse(measure_kind_names, MK__MAX, db_col_str(r, 8));
	o->kind = k < 0 ? MK_OTHER : (enum measure_kind)k;
	o->other_text = db_col_text(r, a, 9);
	o->reason = db_col_text(r, a, 10);
	o->note = db_col_text(r, a, 11);
	o->starts_on = db_col_text(r, a, 12);
	o->ends_on = db_col_text(r, a, 13);
	k = enum_parse(measure_status_names, MS__MAX, db_col_str(r, 14));
	o->status = k < 0 ? MS_LIFTED : (enum measure_status)k;
	o->version = (unsigned)db_col_int(r, 15);
	o->started = db_col_int(r, 16) != 0;
	o->ended = db_col_int(r, 17) != 0;
	o->proposed_by = db_col_int(r, 18);
	o->asked_by = db_col_int(r, 19);
	o->decided_by = db_col_int(r, 20);
	o->proposer = db_col_text(r, a, 21);
	o->asker = db_col_text(r, a, 22);
	o->decider = db_col_text(r, a, 23);
	o->created_at = db_col_text(r, a, 24);
	o->decided_at = db_col_text(r, a, 25);
	o->lifted_at = db_col_text(r, a, 26);
}

enum err
measure_get(struct db *db, struct arena *a, const struct scope *sc,
    long long id, struct measure *out)
{
	struct db_param	 p[1 + M_SCOPE_NP];
	struct measure	*v = NULL;
	size_t		 n = 0;
	enum err	 rc;

	p[0] = DB_INT(id);
	scope_params(sc, p + 1);
	if ((rc = db_query_list(db, a, &mod, STMT_M_GET, p, 1 + M_SCOPE_NP,
	    sizeof *v, fill, (void **)&v, &n)) != ERR_OK)
		return rc;
	if (n != 1)
		return ERR_NOTFOUND;
	*out = v[0];
	return ERR_OK;
}

static int
filter_params(struct arena *a, const struct measure_filter *f,
    struct db_param p[M_FILTER_NP])
{
	const char	*q = f != NULL ? nz(f->q) : "";
	const char	*like = db_like(a, "%", q, "%");
	int		 kind = f != NULL && f->kind >= 0 && f->kind < MK__MAX ?
	    f->kind : -1;

	if (like == NULL)
		return -1;
	p[0] = DB_INT(kind);
	p[1] = DB_INT(kind);
	p[2] = DB_STR(f != NULL ? nz(f->shown) : "");
	p[3] = DB_STR(f != NULL ? nz(f->shown) : "");
	p[4] = DB_STR(q);
	p[5] = DB_STR(q);
	p[6] = DB_STR(like);
	p[7] = DB_INT(f != NULL ? f->ent_id : 0);
	p[8] = DB_INT(f != NULL ? f->ent_id : 0);
	return 0;
}

enum err
measure_list(struct db *db, struct arena *a, const struct scope *sc,
    const struct measure_filter *f, struct measure_list *out, long long *total)
{
	struct db_param	 p[M_SCOPE_NP + M_FILTER_NP + 2];
	long long	 limit = f != NULL && f->limit > 0 && f->limit <
	    MEASURE_LIST_MAX ? f->limit : MEASURE_LIST_MAX;
	void		*v = NULL;
	enum err	 rc;

	memset(out, 0, sizeof *out);
	scope_params(sc, p);
	if (filter_params(a, f, p + M_SCOPE_NP) == -1)
		return ERR_NOMEM;
	p[M_SCOPE_NP + M_FILTER_NP] = DB_INT(limit);
	p[M_SCOPE_NP + M_FILTER_NP + 1] = DB_INT(f != NULL && f->offset > 0 ?
	    f->offset : 0);
	if ((rc = db_query_list(db, a, &mod, STMT_M_LIST, p,
	    M_SCOPE_NP + M_FILTER_NP + 2, sizeof *out->v, fill, &v,
	    &out->n)) != ERR_OK)
		return rc;
	out->v = v;
	if (total != NULL) {
		struct db_rows	*rows;
		int		 k;

		if ((rc = db_query(db, a, &mod, STMT_M_COUNT, p,
		    M_SCOPE_NP + M_FILTER_NP, &rows)) != ERR_OK)
			return rc;
		if ((k = db_next(rows)) == 1)
			*total = db_col_int(rows, 0);
		db_rows_free(rows);
		if (k != 1)
			return db_rows_error(db);
	}
	return ERR_OK;
}

enum err
measure_binding(struct db *db, struct arena *a, long long ent_id,
    struct measure_list *out)
{
	struct db_param	 p[1] = { DB_INT(ent_id) };
	void		*v = NULL;
	enum err	 rc;

	memset(out, 0, sizeof *out);
	if ((rc = db_query_list(db, a, &mod, STMT_M_BINDING, p, 1,
	    sizeof *out->v, fill, &v, &out->n)) != ERR_OK)
		return rc;
	out->v = v;
	return ERR_OK;
}

const struct measure *
measure_refuses(const struct measure_list *l, enum measure_right need)
{
	const struct measure *all = NULL;
	enum measure_kind want;

	if (l == NULL)
		return NULL;
	for (size_t i = 0; i < l->n; i++)
		if (measure_in_force(&l->v[i]) && l->v[i].kind == MK_REVOKE)
			return &l->v[i];
	if (need == MR_ALWAYS)
		return NULL;
	for (size_t i = 0; i < l->n && all == NULL; i++)
		if (measure_in_force(&l->v[i]) && l->v[i].kind == MK_SUSPEND_ALL)
			all = &l->v[i];
	if (all != NULL)
		return all;
	switch (need) {
	case MR_PUBLISH:
		want = MK_SUSPEND_PUBLISH;
		break;
	case MR_MESSAGE:
		want = MK_SUSPEND_MESSAGE;
		break;
	case MR_SELFVIEW:
		want = MK_SUSPEND_SELFVIEW;
		break;
	default:
		return NULL;
	}
	for (size_t i = 0; i < l->n; i++)
		if (measure_in_force(&l->v[i]) && l->v[i].kind == want)
			return &l->v[i];
	return NULL;
}

enum err
measure_end_sessions(struct db *db, long long ent_id, long long *n)
{
	struct db_param		p[1] = { DB_INT(ent_id) };
	unsigned long long	aff = 0;
	enum err		rc;

	rc = db_exec(db, &mod, STMT_M_END_SESSIONS, p, 1, &aff, NULL);
	if (n != NULL)
		*n = rc == ERR_OK ? (long long)aff : 0;
	return rc;
}

enum err
measure_find_enterprise(struct db *db, struct arena *a, const struct scope *sc,
    const char *uscc_or_id, long long *ent_id, const char **name)
{
	const char	*mode = mode_of(sc);
	const char	*s = nz(uscc_or_id);
	long long	 id = 0;
	struct db_rows	*rows;
	enum err	 rc;
	int		 k;

	if (strcmp(mode, "ent") == 0)
		mode = "none";
	if (*s == '\0' || strlen(s) > 18)
		return ERR_NOTFOUND;
	if (strspn(s, "0123456789") == strlen(s) && strlen(s) < 18)
		id = strtoll(s, NULL, 10);
	{
		struct db_param p[] = { DB_STR(s), DB_INT(id), DB_STR(mode),
		    DB_STR(mode), DB_STR(sc->region), DB_STR(mode),
		    DB_INT(sc->org_id) };

		if ((rc = db_query(db, a, &mod, STMT_M_FIND_ENT, p, 7, &rows)) != ERR_OK)
			return rc;
	}
	if ((k = db_next(rows)) == 1) {
		*ent_id = db_col_int(rows, 0);
		if (name != NULL)
			*name = db_col_text(rows, a, 1);
	}
	db_rows_free(rows);
	if (k == -1)
		return db_rows_error(db);
	return k == 1 ? ERR_OK : ERR_NOTFOUND;
}

/* The in-site notice of a measure that takes effect (by an FI: `fi`) or
 * is lifted. */
static enum err
tell(struct db *db, struct arena *a, long long ent_id, long long id,
    bool lifted, bool fi)
{
	struct inbox_note note = {
		lifted ? "measure.lifted" : "measure.effective",
		lifted ? "对贵企业的管理措施已解除" : fi ?
		    "金融机构对贵企业采取了管理措施" : "平台对贵企业采取了管理措施",
		lifted ? "一项管理措施已解除，详情请查看“管理措施”页面。" :
		    "根据《非金融机构用户管理办法》第十五条，对贵企业采取了管理措施。"
		    "措施的内容、理由、起止日期和申诉方式请查看“管理措施”页面。",
		arena_printf(a, "/measures/%lld", id), true,
	};

	if (note.link == NULL)
		return ERR_NOMEM;
	return inbox_add_org(db, "enterprise", ent_id, &note, NULL);
}

struct create_tx {
	const struct audit_actor	*actor;
	const struct scope		*sc;
	const struct measure_input	*in;
	long long			 id;
};

static enum err
create_body(struct db *db, struct arena *a, void *ctx)
{
	struct create_tx		*t = ctx;
	const struct measure_input	*in = t->in;
	const char			*mode = mode_of(t->sc);
	bool				 fi = strcmp(mode, "fi") == 0;
	const char			*status = fi ? "fi_active" : "pending";
	char				 region[8] = "", oid[24];
	char				 sat[24], eat[24] = "";
	unsigned long long		 newid = 0;
	struct db_rows			*rows;
	int				 y, m, d, k;
	enum err			 rc;

	{
		char idtxt[24];
		struct db_param p[] = { DB_STR(""), DB_INT(in->ent_id), DB_STR(mode),
		    DB_STR(mode), DB_STR(t->sc->region), DB_STR(mode),
		    DB_INT(t->sc->org_id) };

		snprintf(idtxt, sizeof idtxt, "%lld", in->ent_id);
		if ((rc = db_query(db, a, &mod, STMT_M_FIND_ENT, p, 7, &rows)) != ERR_OK)
			return rc;
		if ((k = db_next(rows)) == 1)
			snprintf(region, sizeof region, "%s", nz(db_col_str(rows, 2)));
		db_rows_free(rows);
		if (k == -1)
			return db_rows_error(db);
		if (k == 0)
			return ERR_NOTFOUND;
	}
	if (sscanf(nz(in->starts_on), "%4d-%2d-%2d", &y, &m, &d) != 3 ||
	    beijing_midnight_utc(y, m, d, 0, sat, sizeof sat) != 0)
		return ERR_INVAL;
	if (in->ends_on != NULL && *in->ends_on != '\0' &&
	    (sscanf(in->ends_on, "%4d-%2d-%2d", &y, &m, &d) != 3 ||
	    beijing_midnight_utc(y, m, d, 1, eat, sizeof eat) != 0))
		return ERR_INVAL;
	{
		struct db_param p[] = { DB_INT(in->ent_id), DB_STR(region),
		    DB_INT(fi ? t->sc->org_id : 0),
		    DB_STR(measure_kind_names[in->kind]),
		    DB_STR(in->kind == MK_OTHER ? nz(in->other_text) : ""),
		    DB_STR(nz(in->reason)), DB_STR(nz(in->starts_on)),
		    DB_STR(nz(in->ends_on)), DB_STR(sat), DB_STR(eat),
		    DB_STR(status), DB_INT(t->actor->user_id),
		    DB_INT(t->actor->user_id) };

		if ((rc = db_exec(db, &mod, STMT_M_INSERT, p, 13, NULL, &newid)) != ERR_OK)
			return rc;
	}
	t->id = (long long)newid;
	for (size_t i = 0; i < in->nevidence; i++)
		if ((rc = files_insert(db, "measure", t->id, t->actor->user_id,
		    &in->evidence[i], NULL)) != ERR_OK)
			return rc;
	if (fi && (rc = tell(db, a, in->ent_id, t->id, false, true)) != ERR_OK)
		return rc;
	snprintf(oid, sizeof oid, "%lld", t->id);
	return audit_write(db, t->actor, "measure.propose", "measure", oid,
	    AUDIT_OK, arena_printf(a, "enterprise %lld %s %s..%s%s", in->ent_id,
	    measure_kind_names[in->kind], nz(in->starts_on),
	    *nz(in->ends_on) != '\0' ? in->ends_on : "", fi ? " fi" : ""));
}

enum err
measure_create(struct db *db, const struct audit_actor *actor,
    const struct scope *sc, const struct measure_input *in, long long *id)
{
	struct create_tx	 t = { actor, sc, in, 0 };
	enum err		 rc;

	if (!measure_may_propose(sc) || actor->user_id <= 0)
		return ERR_FORBIDDEN;
	if ((unsigned)in->kind >= MK__MAX || in->reason == NULL ||
	    *in->reason == '\0' || in->starts_on == NULL ||
	    (in->kind == MK_OTHER && (in->other_text == NULL ||
	    *in->other_text == '\0')))
		return ERR_INVAL;
	/* an FI's measure is on its own dealings: its unwelcome list, or
	 * another measure it takes itself */
	if (sc->role == ROLE_FI && in->kind != MK_UNWELCOME && in->kind != MK_OTHER)
		return ERR_INVAL;
	if (in->ends_on != NULL && *in->ends_on != '\0' &&
	    strcmp(in->ends_on, in->starts_on) < 0)
		return ERR_INVAL;
	if ((rc = db_tx(db, 2048, create_body, &t)) == ERR_OK)
		*id = t.id;
	return rc;
}

struct mstep {
	const struct scope	*sc;
	const char		*note;
	unsigned		 version;	/* 0: any */
	long long		 ent_id;
	enum measure_kind	 kind;
	bool			 started;
};

static enum err
step_locked(struct step_run *run)
{
	struct mstep		*ms = run->ctx;
	const struct scope	*sc = ms->sc;
	long long		 asked = db_col_int(run->row, 2);
	bool			 ended = db_col_int(run->row, 3) != 0;
	bool			 system = sc->kind == SCOPE_SYSTEM;
	int			 k;

	/* a stale page (another step since it was shown) is refused */
	if (ms->version != 0 && (unsigned)db_col_int(run->row, 1) != ms->version)
		return ERR_CONFLICT;
	ms->ent_id = db_col_int(run->row, 4);
	k = enum_parse(measure_kind_names, MK__MAX, db_col_str(run->row, 5));
	ms->kind = k < 0 ? MK_OTHER : (enum measure_kind)k;
	ms->started = db_col_int(run->row, 6) != 0;
	switch (run->step->action) {
	case MA_APPROVE:
	case MA_REFUSE:
		if (!system && sc->role != ROLE_SUPERVISOR) {
			run->denied = "only a supervisor decides a measure";
			return ERR_FORBIDDEN;
		}
		if (run->step->action == MA_APPROVE && asked != 0 &&
		    asked == run->actor->user_id) {
			run->denied = "four eyes: who asked cannot approve";
			return ERR_FORBIDDEN;
		}
		/* a proposal or adoption past its end has nothing to start */
		if (run->step->action == MA_APPROVE && ended &&
		    run->from != MS_LIFT_PENDING)
			return ERR_CONFLICT;
		break;
	case MA_ADOPT:
		if (!system && sc->role != ROLE_OPERATOR) {
			run->denied = "only an operator adopts an FI's measure";
			return ERR_FORBIDDEN;
		}
		if (ended)
			return ERR_CONFLICT;
		break;
	case MA_LIFT:
		if (!system && ((run->from == MS_ACTIVE && sc->role != ROLE_OPERATOR) ||
		    (run->from == MS_FI_ACTIVE && sc->role != ROLE_FI))) {
			run->denied = run->from == MS_ACTIVE ?
			    "only an operator asks to lift a platform measure" :
			    "only its FI lifts an FI's own measure";
			return ERR_FORBIDDEN;
		}
		if (ended)
			return ERR_CONFLICT;
		break;
	default:
		return ERR_INVAL;
	}
	if ((run->step->action == MA_ADOPT || run->step->action == MA_LIFT) &&
	    (ms->note == NULL || *ms->note == '\0'))
		return ERR_INVAL;
	return ERR_OK;
}

static enum err
step_change(struct step_run *run)
{
	struct mstep	*ms = run->ctx;
	int		 act = run->step->action;
	const char	*to = measure_status_names[run->to];
	/* an adoption or a lift by an operator asks; a supervisor decides */
	int		 ask = (act == MA_ADOPT || (act == MA_LIFT &&
	    run->to == MS_LIFT_PENDING)) ? 1 : 0;
	int		 decide = (act == MA_APPROVE || act == MA_REFUSE) ? 1 : 0;
	struct db_param	 p[] = { DB_STR(to), DB_INT(ask),
	    DB_INT(run->actor->user_id), DB_INT(ask), DB_INT(decide),
	    DB_INT(run->actor->user_id), DB_INT(decide), DB_STR(nz(ms->note)),
	    DB_STR(nz(ms->note)), DB_STR(to), DB_INT(run->id) };
	long long	 ended = 0;
	enum err	 rc;

	if ((rc = db_exec(run->db, &mod, STMT_M_UPDATE, p, 11, NULL, NULL)) != ERR_OK)
		return rc;
	if (run->to == MS_ACTIVE && run->from != MS_LIFT_PENDING) {
		if (ms->kind == MK_REVOKE && ms->started &&
		    (rc = measure_end_sessions(run->db, ms->ent_id, &ended)) != ERR_OK)
			return rc;
		if ((rc = tell(run->db, run->a, ms->ent_id, run->id, false, false)) != ERR_OK)
			return rc;
	}
	if (run->to == MS_LIFTED &&
	    (rc = tell(run->db, run->a, ms->ent_id, run->id, true, false)) != ERR_OK)
		return rc;
	snprintf(run->detail, sizeof run->detail, "%s -> %s%s%.200s%s",
	    measure_status_names[run->from], to,
	    ms->note != NULL && *ms->note != '\0' ? ": " : "", nz(ms->note),
	    ended > 0 ? " (sessions ended)" : "");
	return ERR_OK;
}

static const struct step steps[MA__MAX] = {
	[MA_APPROVE] = { &measure_machine, MA_APPROVE, &mod, STMT_M_LOCK, false,
	    "measure.approve", "measure", step_locked, step_change },
	[MA_REFUSE] = { &measure_machine, MA_REFUSE, &mod, STMT_M_LOCK, false,
	    "measure.refuse", "measure", step_locked, step_change },
	[MA_ADOPT] = { &measure_machine, MA_ADOPT, &mod, STMT_M_LOCK, false,
	    "measure.adopt", "measure", step_locked, step_change },
	[MA_LIFT] = { &measure_machine, MA_LIFT, &mod, STMT_M_LOCK, false,
	    "measure.lift", "measure", step_locked, step_change },
};

enum err
measure_step(struct db *db, const struct audit_actor *actor,
    const struct scope *sc, long long id, unsigned version,
    enum measure_action action, const char *note)
{
	struct db_param	 p[M_SCOPE_NP];
	struct mstep	 ms = { sc, note, version, 0, MK_OTHER, false };

	if ((unsigned)action >= MA__MAX)
		return ERR_INVAL;
	scope_params(sc, p);
	return step_run(db, &steps[action], actor, p, M_SCOPE_NP, id, 0, &ms);
}
