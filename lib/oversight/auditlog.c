/*
 * auditlog.c -- the read side of the audit log: search, export, a user's
 * history.
 */
#include <stdio.h>
#include <string.h>

#include "db/db_region.h"
#include "oversight/auditlog.h"

enum {
	STMT_AUDITLOG_COUNT,
	STMT_AUDITLOG_SEARCH,
	STMT_AUDITLOG_OF_USER,
	STMT_AUDITLOG_ORGS,
	STMT_AUDITLOG__MAX
};

#define AUDITLOG_COLS \
	"SELECT l.id, DATE_FORMAT(l.at, '%Y-%m-%d %H:%i:%s'), COALESCE(l.actor_id, 0)," \
	" COALESCE(u.username, ''), l.actor_role, l.actor_org, l.actor_region," \
	" l.portal, l.client_addr, l.request_id, l.action, l.object_type," \
	" l.object_id, l.outcome, l.detail, COALESCE(u.real_name, '')," \
	" COALESCE(" ORG_NAME("l.actor_org") ", ''), COALESCE(rg.name, '')"

/* The name of the organisation an actor_org value ("office:2") names. */
#define ORG_ID(col) "CAST(SUBSTRING_INDEX(" col ", ':', -1) AS UNSIGNED)"
#define ORG_NAME(col) \
	"CASE SUBSTRING_INDEX(" col ", ':', 1)" \
	" WHEN 'office' THEN (SELECT o.name FROM offices o WHERE o.id = " ORG_ID(col) ")" \
	" WHEN 'agency' THEN (SELECT g.name FROM agencies g WHERE g.id = " ORG_ID(col) ")" \
	" WHEN 'fi' THEN (SELECT f.name FROM fis f WHERE f.id = " ORG_ID(col) ")" \
	" WHEN 'enterprise' THEN (SELECT e.name FROM enterprises e WHERE e.id = " ORG_ID(col) ")" \
	" END"

#define AUDITLOG_FROM \
	" FROM audit_log l LEFT JOIN users u ON u.id = l.actor_id" \
	" LEFT JOIN regions rg ON rg.code = l.actor_region"

/* Parameters, in order: scope x2, username x2, action x3 (the last a
 * LIKE pattern "prefix.%"), org x2, from, to. */
#define AUDITLOG_WHERE \
	" WHERE" REGION_SCOPE("l.actor_region") \
	" AND (? = '' OR u.username = ?)" \
	" AND (? = '' OR l.action = ? OR l.action LIKE ?)" \
	" AND (? = '' OR l.actor_org = ?)" \
	" AND l.at >= ? AND l.at < ?"

static const char *const sql[STMT_AUDITLOG__MAX] = {
	[STMT_AUDITLOG_COUNT] = "SELECT COUNT(*)" AUDITLOG_FROM AUDITLOG_WHERE,
	[STMT_AUDITLOG_SEARCH] =
	    AUDITLOG_COLS AUDITLOG_FROM AUDITLOG_WHERE
	    " ORDER BY l.id DESC LIMIT ? OFFSET ?",
	[STMT_AUDITLOG_OF_USER] =
	    AUDITLOG_COLS AUDITLOG_FROM
	    " WHERE (l.object_type = 'user' AND l.object_id = ?) OR l.actor_id = ?"
	    " ORDER BY l.id DESC LIMIT ?",
	/* the offices, agencies and FIs of a scope, for the filter's list */
	[STMT_AUDITLOG_ORGS] =
	    "SELECT CONCAT('office:', o.id), 'office', o.name, 1 FROM offices o"
	    " WHERE" REGION_SCOPE("o.region_code")
	    " UNION ALL SELECT CONCAT('agency:', g.id), 'agency', g.name, 2"
	    " FROM agencies g WHERE" REGION_SCOPE("g.region_code")
	    " UNION ALL SELECT CONCAT('fi:', f.id), 'fi', f.name, 3 FROM fis f"
	    " WHERE" REGION_SCOPE("f.region_code")
	    " ORDER BY 4, 3 LIMIT 2000",
};

static const struct db_module mod = { DBM_AUDITLOG, STMT_AUDITLOG__MAX, sql };

#define FILTER_NPARAMS	11
#define OPEN_FROM	"1000-01-01 00:00:00"
#define OPEN_TO		"9999-12-31 23:59:59"

bool
auditlog_action_valid(const char *s)
{
	size_t n = s != NULL ? strlen(s) : 0;

	if (n == 0 || n > 40)
		return false;
	for (size_t i = 0; i < n; i++)
		if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= '0' && s[i] <= '9') ||
		    s[i] == '.' || s[i] == '_' || s[i] == '-'))
			return false;
	return true;
}

static const char *
nz(const char *s)
{
	return s != NULL ? s : "";
}

/* The filter's bound parameters into p[0..FILTER_NPARAMS).  NULL on OOM
 * (the LIKE pattern lives in `a`). */
static struct db_param *
filter_params(struct arena *a, const struct auditlog_filter *f,
    struct db_param *p)
{
	const char	*act = nz(f->action);
	char		*like;

	/* "prefix.%" with LIKE's own characters taken literally. */
	if ((like = db_like(a, "", act, ".%")) == NULL)
		return NULL;

	p[0] = DB_STR(nz(f->scope));
	p[1] = DB_STR(nz(f->scope));
	p[2] = DB_STR(nz(f->username));
	p[3] = DB_STR(nz(f->username));
	p[4] = DB_STR(act);
	p[5] = DB_STR(act);
	p[6] = DB_STR(like);
	p[7] = DB_STR(nz(f->org));
	p[8] = DB_STR(nz(f->org));
	p[9] = DB_STR(f->from != NULL && *f->from != '\0' ? f->from : OPEN_FROM);
	p[10] = DB_STR(f->to != NULL && *f->to != '\0' ? f->to : OPEN_TO);
	return p;
}

/* The current row of an AUDITLOG_COLS query, strings borrowed from rows
 * (valid until the next db_next). */
static void
row_peek(const struct db_rows *r, struct auditlog_row *o)
{
	o->id = db_col_int(r, 0);
	o->at = nz(db_col_str(r, 1));
	o->actor_id = db_col_int(r, 2);
	o->actor_name = nz(db_col_str(r, 3));
	o->role = nz(db_col_str(r, 4));
	o->org = nz(db_col_str(r, 5));
	o->region = nz(db_col_str(r, 6));
	o->portal = nz(db_col_str(r, 7));
	o->client_addr = nz(db_col_str(r, 8));
	o->request_id = nz(db_col_str(r, 9));
	o->action = nz(db_col_str(r, 10));
	o->object_type = nz(db_col_str(r, 11));
	o->object_id = nz(db_col_str(r, 12));
	o->outcome = nz(db_col_str(r, 13));
	o->detail = nz(db_col_str(r, 14));
	o->actor_real = nz(db_col_str(r, 15));
	o->org_name = nz(db_col_str(r, 16));
	o->region_name = nz(db_col_str(r, 17));
}

/* The same, copied into `a`.  -1 on OOM. */
static int
row_copy(const struct db_rows *r, struct arena *a, struct auditlog_row *o)
{
	const char **s[] = { &o->at, &o->actor_name, &o->role, &o->org,
	    &o->region, &o->portal, &o->client_addr, &o->request_id,
	    &o->action, &o->object_type, &o->object_id, &o->outcome,
	    &o->detail, &o->actor_real, &o->org_name, &o->region_name };

	row_peek(r, o);
	for (size_t i = 0; i < sizeof s / sizeof s[0]; i++)
		if ((*s[i] = arena_strdup(a, *s[i])) == NULL)
			return -1;
	return 0;
}

/* Reads up to max rows of `rows` into out->v (allocated here). */
static enum err
collect(struct db *db, struct arena *a, struct db_rows *rows, size_t max,
    struct auditlog_list *out)
{
	int n = 0;

	if ((out->v = arena_calloc(a, max + 1, sizeof *out->v)) == NULL) {
		db_rows_free(rows);
		return ERR_NOMEM;
	}
	while (out->n < max && (n = db_next(rows)) == 1) {
		if (row_copy(rows, a, &out->v[out->n]) == -1) {
			db_rows_free(rows);
			out->n = 0;
			return ERR_NOMEM;
		}
		out->n++;
	}
	if (n == -1) {
		out->n = 0;
		return db_connected(db) ? ERR_DB : ERR_DB_LOST;
	}
	db_rows_free(rows);
	return ERR_OK;
}

enum err
auditlog_search(struct db *db, struct arena *a, const struct auditlog_filter *f,
    size_t page, size_t per, struct auditlog_list *out)
{
	struct db_param	 p[FILTER_NPARAMS + 2];
	struct db_rows	*rows;
	enum err	 rc;
	int		 n;

	memset(out, 0, sizeof *out);
	if (filter_params(a, f, p) == NULL)
		return ERR_NOMEM;
	if ((rc = db_query(db, a, &mod, STMT_AUDITLOG_COUNT, p, FILTER_NPARAMS,
	    &rows)) != ERR_OK)
		return rc;
	if ((n = db_next(rows)) == -1)
		return db_connected(db) ? ERR_DB : ERR_DB_LOST;
	out->total = n == 1 ? db_col_int(rows, 0) : 0;
	db_rows_free(rows);

	p[FILTER_NPARAMS] = DB_INT(per);
	p[FILTER_NPARAMS + 1] = DB_INT(page * per);
	if ((rc = db_query(db, a, &mod, STMT_AUDITLOG_SEARCH, p,
	    FILTER_NPARAMS + 2, &rows)) != ERR_OK)
		return rc;
	if ((rc = collect(db, a, rows, per, out)) != ERR_OK)
		out->total = 0;
	return rc;
}

enum err
auditlog_each(struct db *db, struct arena *a, const struct auditlog_filter *f,
    size_t max, int (*fn)(void *, const struct auditlog_row *), void *ctx,
    size_t *count)
{
	struct db_param		 p[FILTER_NPARAMS + 2];
	struct db_rows		*rows;
	struct auditlog_row	 row;
	enum err		 rc;
	int			 n = 0;

	*count = 0;
	if (filter_params(a, f, p) == NULL)
		return ERR_NOMEM;
	p[FILTER_NPARAMS] = DB_INT(max);
	p[FILTER_NPARAMS + 1] = DB_INT(0);
	if ((rc = db_query(db, a, &mod, STMT_AUDITLOG_SEARCH, p,
	    FILTER_NPARAMS + 2, &rows)) != ERR_OK)
		return rc;
	while (*count < max && (n = db_next(rows)) == 1) {
		row_peek(rows, &row);
		if (fn(ctx, &row) == -1) {
			db_rows_free(rows);
			return ERR_NOMEM;
		}
		(*count)++;
	}
	if (n == -1)
		return db_connected(db) ? ERR_DB : ERR_DB_LOST;
	db_rows_free(rows);
	return ERR_OK;
}

enum err
auditlog_of_user(struct db *db, struct arena *a, long long id, size_t max,
    struct auditlog_list *out)
{
	char		 oid[24];
	struct db_rows	*rows;
	enum err	 rc;
	int		 len;

	memset(out, 0, sizeof *out);
	len = snprintf(oid, sizeof oid, "%lld", id);
	if (len < 0 || (size_t)len >= sizeof oid)
		return ERR_INVAL;
	{
		struct db_param p[] = { DB_STR(oid), DB_INT(id), DB_INT(max) };

		if ((rc = db_query(db, a, &mod, STMT_AUDITLOG_OF_USER, p, 3,
		    &rows)) != ERR_OK)
			return rc;
	}
	if ((rc = collect(db, a, rows, max, out)) == ERR_OK)
		out->total = (long long)out->n;
	return rc;
}

enum err
auditlog_orgs(struct db *db, struct arena *a, const char *scope,
    struct auditlog_org_list *out)
{
	struct db_param	 p[] = { DB_STR(scope), DB_STR(scope), DB_STR(scope),
	    DB_STR(scope), DB_STR(scope), DB_STR(scope) };
	struct db_rows	*rows;
	enum err	 rc;
	size_t		 cap = 0;
	int		 n;

	memset(out, 0, sizeof *out);
	if ((rc = db_query(db, a, &mod, STMT_AUDITLOG_ORGS, p, 6, &rows)) != ERR_OK)
		return rc;
	while ((n = db_next(rows)) == 1) {
		struct auditlog_org *o;

		if (out->n == cap) {
			struct auditlog_org *v;

			cap = cap == 0 ? 64 : 2 * cap;
			if ((v = arena_calloc(a, cap, sizeof *v)) == NULL)
				goto oom;
			if (out->n > 0)
				memcpy(v, out->v, out->n * sizeof *v);
			out->v = v;
		}
		o = &out->v[out->n];
		if ((o->value = db_col_dup(rows, a, 0)) == NULL ||
		    (o->kind = db_col_dup(rows, a, 1)) == NULL ||
		    (o->name = db_col_dup(rows, a, 2)) == NULL)
			goto oom;
		out->n++;
	}
	db_rows_free(rows);
	if (n == -1) {
		out->n = 0;
		return db_connected(db) ? ERR_DB : ERR_DB_LOST;
	}
	return ERR_OK;
oom:
	db_rows_free(rows);
	out->n = 0;
	return ERR_NOMEM;
}

