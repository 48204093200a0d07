/*
 * article.c -- the SQL, the state table and the steps of the articles
 * (article.h).
 */
#include <stdio.h>
#include <string.h>

#include "core/enumname.h"
#include "db/db_region.h"
#include "info/article.h"

const char *const article_kind_names[AK__MAX + 1] = {
	[AK_NOTICE] = "notice", [AK_POLICY] = "policy",
	[AK_KNOWLEDGE] = "knowledge", [AK_GUIDE] = "guide", [AK__MAX] = NULL,
};

const char *const article_audience_names[AUD__MAX + 1] = {
	[AUD_INTERNET] = "internet", [AUD_INTRANET] = "intranet",
	[AUD_BOTH] = "both", [AUD__MAX] = NULL,
};

const char *const article_state_names[AS__MAX + 1] = {
	[AS_DRAFT] = "draft", [AS_SCHEDULED] = "scheduled",
	[AS_PUBLISHED] = "published", [AS_WITHDRAWN] = "withdrawn",
	[AS__MAX] = NULL,
};

static const char *const action_names[AA__MAX] = {
	[AA_EDIT] = "edit", [AA_PUBLISH] = "publish",
	[AA_SCHEDULE] = "schedule", [AA_WITHDRAW] = "withdraw",
};

static const signed char article_next[AS__MAX][AA__MAX] = {
	[AS_DRAFT] = { [AA_EDIT] = STEP_TO(AS_DRAFT),
	    [AA_PUBLISH] = STEP_TO(AS_PUBLISHED),
	    [AA_SCHEDULE] = STEP_TO(AS_SCHEDULED), [AA_WITHDRAW] = STEP_NO },
	[AS_SCHEDULED] = { [AA_EDIT] = STEP_TO(AS_SCHEDULED),
	    [AA_PUBLISH] = STEP_TO(AS_PUBLISHED),
	    [AA_SCHEDULE] = STEP_TO(AS_SCHEDULED),
	    [AA_WITHDRAW] = STEP_TO(AS_DRAFT) },
	[AS_PUBLISHED] = { [AA_EDIT] = STEP_TO(AS_PUBLISHED),
	    [AA_PUBLISH] = STEP_NO, [AA_SCHEDULE] = STEP_NO,
	    [AA_WITHDRAW] = STEP_TO(AS_WITHDRAWN) },
	[AS_WITHDRAWN] = { [AA_EDIT] = STEP_TO(AS_WITHDRAWN),
	    [AA_PUBLISH] = STEP_TO(AS_PUBLISHED),
	    [AA_SCHEDULE] = STEP_TO(AS_SCHEDULED), [AA_WITHDRAW] = STEP_NO },
};

const struct step_machine article_machine = {
	"article", AS__MAX, AA__MAX, article_state_names, action_names,
	&article_next[0][0],
};

enum {
	STMT_A_GET,
	STMT_A_COUNT,
	STMT_A_LIST,
	STMT_A_MCOUNT,
	STMT_A_MLIST,
	STMT_A_LOCK,
	STMT_A_INSERT,
	STMT_A_UPDATE,
	STMT_A_STEP,
	STMT_A_REV_KEEP,
	STMT_A_REVISIONS,
	STMT_A__MAX
};

/* The state readers and the table go by: a scheduled article whose time
 * has come is published. */
#define A_STATE \
	"IF(a.status = 'scheduled' AND a.publish_at <= UTC_TIMESTAMP()," \
	" 'published', a.status)"
#define A_SHOWN \
	" (a.status = 'published' OR (a.status = 'scheduled'" \
	" AND a.publish_at <= UTC_TIMESTAMP()))"
#define A_WHEN	"COALESCE(a.published_at, a.publish_at)"

#define A_COLS(body) \
	"SELECT a.id, a.kind, a.audience, a.region_code, r.name, a.title, " body "," \
	" a.pinned, " A_STATE "," \
	" COALESCE(DATE_FORMAT(a.publish_at, '%Y-%m-%d %H:%i:%s'), '')," \
	" COALESCE(DATE_FORMAT(IF(" A_SHOWN " OR a.status = 'withdrawn', " A_WHEN \
	", NULL), '%Y-%m-%d %H:%i:%s'), '')," \
	" a.revision, COALESCE(cu.real_name, ''), COALESCE(uu.real_name, '')," \
	" DATE_FORMAT(a.updated_at, '%Y-%m-%d %H:%i:%s')" \
	" FROM articles a JOIN regions r ON r.code = a.region_code" \
	" LEFT JOIN users cu ON cu.id = a.created_by" \
	" LEFT JOIN users uu ON uu.id = a.updated_by"

/* portal, region, region: shown on this portal, the province's and the
 * reader's region's (every region for "") */
#define A_READER \
	" ((a.audience = 'both' OR a.audience = ?) AND" A_SHOWN \
	" AND (? = '' OR a.region_code = '" REGION_PROVINCE "' OR a.region_code = ?))"
/* manager?, region, region */
#define A_MANAGER \
	" (? = 1 AND" REGION_SCOPE("a.region_code") ")"
/* kind, kind, region, region */
#define A_FILTER \
	" AND (? = '' OR a.kind = ?)" \
	" AND (? = '' OR a.region_code = '" REGION_PROVINCE "' OR a.region_code = ?)"

static const char *const sql[STMT_A__MAX] = {
	[STMT_A_GET] = A_COLS("a.body") " WHERE a.id = ? AND (" A_READER " OR"
	    A_MANAGER ")",
	[STMT_A_COUNT] = "SELECT COUNT(*) FROM articles a WHERE" A_READER A_FILTER,
	[STMT_A_LIST] = A_COLS("''") " WHERE" A_READER A_FILTER
	    " ORDER BY a.pinned DESC, " A_WHEN " DESC, a.id DESC LIMIT ? OFFSET ?",
	[STMT_A_MCOUNT] = "SELECT COUNT(*) FROM articles a WHERE"
	    REGION_SCOPE("a.region_code") A_FILTER " AND (? = '' OR " A_STATE " = ?)",
	[STMT_A_MLIST] = A_COLS("''") " WHERE" REGION_SCOPE("a.region_code")
	    A_FILTER " AND (? = '' OR " A_STATE " = ?)"
	    " ORDER BY a.updated_at DESC, a.id DESC LIMIT ? OFFSET ?",
	[STMT_A_LOCK] = "SELECT " A_STATE ", a.revision FROM articles a"
	    " WHERE a.id = ? AND" REGION_SCOPE("a.region_code") " FOR UPDATE",
	[STMT_A_INSERT] =
	    "INSERT INTO articles (kind, region_code, audience, title, body,"
	    " pinned, created_by, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
	[STMT_A_UPDATE] =
	    "UPDATE articles SET kind = ?, audience = ?, title = ?, body = ?,"
	    " pinned = ?, revision = revision + 1, updated_by = ?,"
	    " updated_at = UTC_TIMESTAMP() WHERE id = ?",
	/* published_at before publish_at: MariaDB assigns left to right */
	[STMT_A_STEP] =
	    "UPDATE articles SET"
	    " published_at = CASE ? WHEN 'published' THEN UTC_TIMESTAMP()"
	    "  WHEN 'withdrawn' THEN COALESCE(published_at, publish_at) ELSE NULL END,"
	    " publish_at = ?, status = ?, updated_by = ?,"
	    " updated_at = UTC_TIMESTAMP() WHERE id = ?",
	[STMT_A_REV_KEEP] =
	    "INSERT INTO article_revisions (article_id, revision, kind, audience,"
	    " title, body, edited_by) SELECT id, revision, kind, audience, title,"
	    " body, updated_by FROM articles WHERE id = ?",
	[STMT_A_REVISIONS] =
	    "SELECT ar.revision, ar.kind, ar.audience, ar.title, ar.body,"
	    " COALESCE(u.real_name, ''),"
	    " DATE_FORMAT(ar.edited_at, '%Y-%m-%d %H:%i:%s')"
	    " FROM article_revisions ar JOIN articles a ON a.id = ar.article_id"
	    " LEFT JOIN users u ON u.id = ar.edited_by"
	    " WHERE ar.article_id = ? AND" REGION_SCOPE("a.region_code")
	    " ORDER BY ar.revision DESC",
};

static const struct db_module mod = { DBM_INFO_ARTICLE, STMT_A__MAX, sql };

static const char *
nz(const char *s)
{
	return s != NULL ? s : "";
}

static int
parse_or(const char *const *names, size_t n, const char *s, int dflt)
{
	int k = enum_parse(names, n, s);

	return k < 0 ? dflt : k;
}

static void
article_fill(const struct db_rows *r, struct arena *a, void *elem)
{
	struct article *o = elem;

	o->id = db_col_int(r, 0);
	o->kind = (enum article_kind)parse_or(article_kind_names, AK__MAX,
	    db_col_str(r, 1), AK_NOTICE);
	o->audience = (enum article_audience)parse_or(article_audience_names,
	    AUD__MAX, db_col_str(r, 2), AUD_BOTH);
	o->region = db_col_text(r, a, 3);
	o->region_name = db_col_text(r, a, 4);
	o->title = db_col_text(r, a, 5);
	o->body = db_col_text(r, a, 6);
	o->pinned = db_col_int(r, 7) != 0;
	o->state = (enum article_state)parse_or(article_state_names, AS__MAX,
	    db_col_str(r, 8), AS_WITHDRAWN);
	o->publish_at = db_col_text(r, a, 9);
	o->published_at = db_col_text(r, a, 10);
	o->revision = (unsigned)db_col_int(r, 11);
	o->author = db_col_text(r, a, 12);
	o->editor = db_col_text(r, a, 13);
	o->updated_at = db_col_text(r, a, 14);
}

/* The manager predicate's parameters: on for an operator or a supervisor
 * (sc not NULL), with its region. */
static void
manager_params(const struct scope *sc, struct db_param p[3])
{
	bool on = sc != NULL && (sc->kind == SCOPE_SYSTEM ||
	    sc->role == ROLE_OPERATOR || sc->role == ROLE_SUPERVISOR);
	const char *region = on ? (sc->kind == SCOPE_SYSTEM ? REGION_PROVINCE :
	    sc->region) : "";

	p[0] = DB_INT(on ? 1 : 0);
	p[1] = DB_STR(region);
	p[2] = DB_STR(region);
}

static const char *
scope_region(const struct scope *sc)
{
	return sc->kind == SCOPE_SYSTEM ? REGION_PROVINCE : sc->region;
}

enum err
article_get(struct db *db, struct arena *a, const struct article_reader *rd,
    long long id, struct article *out)
{
	struct db_param	 p[7];
	struct article	*v = NULL;
	size_t		 n = 0;
	enum err	 rc;

	p[0] = DB_INT(id);
	p[1] = DB_STR(nz(rd->portal));
	p[2] = DB_STR(nz(rd->region));
	p[3] = DB_STR(nz(rd->region));
	manager_params(rd->manager, p + 4);
	if ((rc = db_query_list(db, a, &mod, STMT_A_GET, p, 7, sizeof *v,
	    article_fill, (void **)&v, &n)) != ERR_OK)
		return rc;
	if (n != 1)
		return ERR_NOTFOUND;
	*out = v[0];
	return ERR_OK;
}

static void
filter_params(const struct article_filter *f, struct db_param p[4])
{
	const char *kind = f->kind >= 0 && f->kind < AK__MAX ?
	    article_kind_names[f->kind] : "";

	p[0] = DB_STR(kind);
	p[1] = DB_STR(kind);
	p[2] = DB_STR(nz(f->region));
	p[3] = DB_STR(nz(f->region));
}

/* Count statement, then the page: p[np], p[np + 1] are set here. */
static enum err
page_of(struct db *db, struct arena *a, int cstmt, int stmt,
    struct db_param *p, size_t np, size_t page, size_t per,
    struct article_list *out)
{
	struct db_rows	*rows;
	void		*v = NULL;
	enum err	 rc;
	int		 k;

	memset(out, 0, sizeof *out);
	if ((rc = db_query(db, a, &mod, cstmt, p, np, &rows)) != ERR_OK)
		return rc;
	if ((k = db_next(rows)) == 1)
		out->total = db_col_int(rows, 0);
	db_rows_free(rows);
	if (k == -1)
		return db_rows_error(db);
	p[np] = DB_INT(per);
	p[np + 1] = DB_INT(page * per);
	if ((rc = db_query_list(db, a, &mod, stmt, p, np + 2, sizeof *out->v,
	    article_fill, &v, &out->n)) != ERR_OK)
		return rc;
	out->v = v;
	return ERR_OK;
}

enum err
article_list(struct db *db, struct arena *a, const struct article_reader *rd,
    const struct article_filter *f, size_t page, size_t per,
    struct article_list *out)
{
	struct db_param p[9];

	p[0] = DB_STR(nz(rd->portal));
	p[1] = DB_STR(nz(rd->region));
	p[2] = DB_STR(nz(rd->region));
	filter_params(f, p + 3);
	return page_of(db, a, STMT_A_COUNT, STMT_A_LIST, p, 7, page, per, out);
}

enum err
article_manage_list(struct db *db, struct arena *a, const struct scope *sc,
    const struct article_filter *f, size_t page, size_t per,
    struct article_list *out)
{
	struct db_param	 p[10];
	const char	*st = f->state >= 0 && f->state < AS__MAX ?
	    article_state_names[f->state] : "";

	p[0] = DB_STR(scope_region(sc));
	p[1] = DB_STR(scope_region(sc));
	filter_params(f, p + 2);
	p[6] = DB_STR(st);
	p[7] = DB_STR(st);
	return page_of(db, a, STMT_A_MCOUNT, STMT_A_MLIST, p, 8, page, per, out);
}

struct create_tx {
	const struct audit_actor	*actor;
	const struct scope		*sc;
	const struct article_input	*in;
	long long			 id;
};

static const char *
kind_of(int k)
{
	return k >= 0 && k < AK__MAX ? article_kind_names[k] : "notice";
}

static const char *
audience_of(int k)
{
	return k >= 0 && k < AUD__MAX ? article_audience_names[k] : "both";
}

static enum err
create_body(struct db *db, struct arena *a, void *ctx)
{
	struct create_tx	*t = ctx;
	unsigned long long	 newid = 0;
	char			 oid[24];
	enum err		 rc;
	struct db_param		 p[] = { DB_STR(kind_of(t->in->kind)),
	    DB_STR(scope_region(t->sc)), DB_STR(audience_of(t->in->audience)),
	    DB_STR(nz(t->in->title)), DB_STR(nz(t->in->body)),
	    DB_INT(t->in->pinned ? 1 : 0),
	    t->actor->user_id > 0 ? DB_INT(t->actor->user_id) : DB_NULL,
	    t->actor->user_id > 0 ? DB_INT(t->actor->user_id) : DB_NULL };

	(void)a;
	if ((rc = db_exec(db, &mod, STMT_A_INSERT, p, 8, NULL, &newid)) != ERR_OK)
		return rc;
	struct db_param k[] = { DB_INT((long long)newid) };

	if ((rc = db_exec(db, &mod, STMT_A_REV_KEEP, k, 1, NULL, NULL)) != ERR_OK)
		return rc;
	snprintf(oid, sizeof oid, "%llu", newid);
	if ((rc = audit_write(db, t->actor, "article.create", "article", oid,
	    AUDIT_OK, nz(t->in->title))) != ERR_OK)
		return rc;
	t->id = (long long)newid;
	return ERR_OK;
}

enum err
article_create(struct db *db, const struct audit_actor *actor,
    const struct scope *sc, const struct article_input *in, long long *id)
{
	struct create_tx	t = { actor, sc, in, 0 };
	enum err		rc;

	if ((rc = db_tx(db, 256, create_body, &t)) == ERR_OK)
		*id = t.id;
	return rc;
}

/* The edit under the row's lock: the new version, kept in the history. */
static enum err
edit_change(struct step_run *run)
{
	const struct article_input *in = run->ctx;
	struct db_param	 k[] = { DB_INT(run->id) };
	struct db_param	 p[] = { DB_STR(kind_of(in->kind)),
	    DB_STR(audience_of(in->audience)), DB_STR(nz(in->title)),
	    DB_STR(nz(in->body)), DB_INT(in->pinned ? 1 : 0),
	    run->actor->user_id > 0 ? DB_INT(run->actor->user_id) : DB_NULL,
	    DB_INT(run->id) };
	enum err	 rc;

	if ((rc = db_exec(run->db, &mod, STMT_A_UPDATE, p, 7, NULL, NULL)) != ERR_OK ||
	    (rc = db_exec(run->db, &mod, STMT_A_REV_KEEP, k, 1, NULL, NULL)) != ERR_OK)
		return rc;
	snprintf(run->detail, sizeof run->detail, "%.400s", nz(in->title));
	return ERR_OK;
}

/* A change of state: run->ctx is the scheduled time (UTC) or NULL. */
static enum err
state_change(struct step_run *run)
{
	const char	*at = run->ctx;
	const char	*to = article_state_names[run->to];
	struct db_param	 p[] = { DB_STR(to),
	    run->to == AS_SCHEDULED && at != NULL ? DB_STR(at) : DB_NULL,
	    DB_STR(to),
	    run->actor->user_id > 0 ? DB_INT(run->actor->user_id) : DB_NULL,
	    DB_INT(run->id) };
	enum err	 rc;

	if ((rc = db_exec(run->db, &mod, STMT_A_STEP, p, 5, NULL, NULL)) != ERR_OK)
		return rc;
	snprintf(run->detail, sizeof run->detail, "%s -> %s%s%s",
	    article_state_names[run->from], to, at != NULL ? " at " : "",
	    at != NULL ? at : "");
	return ERR_OK;
}

static const struct step edit_step = {
	&article_machine, AA_EDIT, &mod, STMT_A_LOCK, true,
	"article.update", "article", NULL, edit_change,
};
static const struct step publish_step = {
	&article_machine, AA_PUBLISH, &mod, STMT_A_LOCK, false,
	"article.publish", "article", NULL, state_change,
};
static const struct step schedule_step = {
	&article_machine, AA_SCHEDULE, &mod, STMT_A_LOCK, false,
	"article.schedule", "article", NULL, state_change,
};
static const struct step withdraw_step = {
	&article_machine, AA_WITHDRAW, &mod, STMT_A_LOCK, false,
	"article.withdraw", "article", NULL, state_change,
};

enum err
article_update(struct db *db, const struct audit_actor *actor,
    const struct scope *sc, long long id, unsigned revision,
    const struct article_input *in)
{
	struct db_param p[] = { DB_STR(scope_region(sc)), DB_STR(scope_region(sc)) };

	return step_run(db, &edit_step, actor, p, 2, id, revision, (void *)in);
}

enum err
article_step(struct db *db, const struct audit_actor *actor,
    const struct scope *sc, long long id, enum article_action act)
{
	struct db_param p[] = { DB_STR(scope_region(sc)), DB_STR(scope_region(sc)) };

	if (act != AA_PUBLISH && act != AA_WITHDRAW)
		return ERR_INVAL;
	return step_run(db, act == AA_PUBLISH ? &publish_step : &withdraw_step,
	    actor, p, 2, id, 0, NULL);
}

enum err
article_schedule(struct db *db, const struct audit_actor *actor,
    const struct scope *sc, long long id, const char *at_utc)
{
	struct db_param p[] = { DB_STR(scope_region(sc)), DB_STR(scope_region(sc)) };

	if (at_utc == NULL || *at_utc == '\0')
		return ERR_INVAL;
	return step_run(db, &schedule_step, actor, p, 2, id, 0, (void *)at_utc);
}

static void
revision_fill(const struct db_rows *r, struct arena *a, void *elem)
{
	struct article_revision *o = elem;

	o->revision = (unsigned)db_col_int(r, 0);
	o->kind = (enum article_kind)parse_or(article_kind_names, AK__MAX,
	    db_col_str(r, 1), AK_NOTICE);
	o->audience = (enum article_audience)parse_or(article_audience_names,
	    AUD__MAX, db_col_str(r, 2), AUD_BOTH);
	o->title = db_col_text(r, a, 3);
	o->body = db_col_text(r, a, 4);
	o->editor = db_col_text(r, a, 5);
	o->edited_at = db_col_text(r, a, 6);
}

enum err
article_revisions(struct db *db, struct arena *a, const struct scope *sc,
    long long id, struct article_revision **v, size_t *n)
{
	struct db_param	 p[] = { DB_INT(id), DB_STR(scope_region(sc)),
	    DB_STR(scope_region(sc)) };
	enum err	 rc;

	*v = NULL;
	*n = 0;
	if ((rc = db_query_list(db, a, &mod, STMT_A_REVISIONS, p, 3, sizeof **v,
	    revision_fill, (void **)v, n)) != ERR_OK)
		return rc;
	return *n > 0 ? ERR_OK : ERR_NOTFOUND;
}
