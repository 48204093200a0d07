/*
 * agency.c -- the SQL and rules of the agencies table.
 *
 * Names are unique per region by the table's key (region_code, name), so
 * a duplicate is refused by the INSERT or UPDATE itself (ERR_DB_DUP) and
 * two operators creating the same agency at once cannot both succeed.
 */
#include <stdio.h>
#include <string.h>

#include "db/db_region.h"
#include "agency/agency.h"
#include "crypto/seal.h"

enum {
	STMT_AGENCY_GET,
	STMT_AGENCY_LOCK,
	STMT_AGENCY_COUNT,
	STMT_AGENCY_SEARCH,
	STMT_AGENCY_INSERT,
	STMT_AGENCY_UPDATE,
	STMT_AGENCY_USERS,
	STMT_AGENCY__MAX
};

/* The columns of struct agency, in its order. */
#define AGENCY_COLS \
	"SELECT a.id, a.name, a.region_code, r.name, a.dept_code, a.address," \
	" a.net_name, a.net_title, a.net_contact_enc," \
	" (SELECT COUNT(*) FROM users u WHERE u.org_kind = 'agency'" \
	" AND u.org_id = a.id AND u.role = 'gov' AND u.status <> 'revoked')," \
	" DATE_FORMAT(a.created_at, '%Y-%m-%d %H:%i:%s')" \
	" FROM agencies a JOIN regions r ON r.code = a.region_code"

/* Parameters: scope x2, q, q as a LIKE pattern. */
#define AGENCY_SCOPE \
	" WHERE" REGION_SCOPE("a.region_code") \
	" AND (? = '' OR a.name LIKE ?)"

static const char *const sql[STMT_AGENCY__MAX] = {
	/* Parameters: id, then the scope (agency_get): an agency's own users
	 * see it alone, the offices' staff those of their region. */
	[STMT_AGENCY_GET] = AGENCY_COLS " WHERE a.id = ?"
	    " AND ((? = 'agency' AND a.id = ?)"
	    " OR (? <> 'agency' AND" REGION_SCOPE("a.region_code") "))",
	/* the row alone: FOR UPDATE on the join would lock the region too;
	 * parameters: id, then the scope as STMT_AGENCY_GET's */
	[STMT_AGENCY_LOCK] =
	    "SELECT name, dept_code, address, net_name, net_title, net_contact_enc"
	    " FROM agencies WHERE id = ?"
	    " AND ((? = 'agency' AND id = ?)"
	    " OR (? <> 'agency' AND" REGION_SCOPE("region_code") "))"
	    " FOR UPDATE",
	[STMT_AGENCY_COUNT] = "SELECT COUNT(*) FROM agencies a" AGENCY_SCOPE,
	/* along the (region_code, name) key: no sort */
	[STMT_AGENCY_SEARCH] =
	    AGENCY_COLS AGENCY_SCOPE
	    " ORDER BY a.region_code, a.name LIMIT ? OFFSET ?",
	[STMT_AGENCY_INSERT] =
	    "INSERT INTO agencies (name, region_code, dept_code, address,"
	    " net_name, net_title, net_contact_enc) VALUES (?, ?, ?, ?, ?, ?, ?)",
	[STMT_AGENCY_UPDATE] =
	    "UPDATE agencies SET name = ?, dept_code = ?, address = ?,"
	    " net_name = ?, net_title = ?, net_contact_enc = ?,"
	    " updated_at = UTC_TIMESTAMP() WHERE id = ?",
	[STMT_AGENCY_USERS] =
	    "SELECT " USER_COLS USER_FROM
	    " WHERE u.org_kind = 'agency' AND u.org_id = ? AND u.role = 'gov'"
	    " ORDER BY u.id LIMIT ?",
};

static const struct db_module mod = { DBM_AGENCY, STMT_AGENCY__MAX, sql };

static const char *
nz(const char *s)
{
	return s != NULL ? s : "";
}

/* The current row (AGENCY_COLS) into *o, strings copied into `a`. */
static int
agency_from_row(const struct db_rows *r, struct arena *a, struct agency *o)
{
	const char **s[] = { &o->name, &o->region, &o->region_name,
	    &o->dept_code, &o->address, &o->net_name, &o->net_title };

	memset(o, 0, sizeof *o);
	o->id = db_col_int(r, 0);
	for (size_t i = 0; i < sizeof s / sizeof s[0]; i++)
		if ((*s[i] = db_col_dup(r, a, (unsigned)i + 1)) == NULL)
			return -1;
	/* sealed */
	if ((o->net_contact = contact_open(a, "agencies.net_contact",
	    db_col_str(r, 8))) == NULL)
		return -1;
	o->users = db_col_int(r, 9);
	if ((o->created_at = db_col_dup(r, a, 10)) == NULL)
		return -1;
	return 0;
}

enum err
agency_get(struct db *db, struct arena *a, const struct scope *sc,
    long long id, struct agency *out)
{
	struct db_param	 p[] = {
		DB_INT(id), DB_STR(sc->org_kind), DB_INT(sc->org_id),
		DB_STR(sc->org_kind), DB_STR(sc->region), DB_STR(sc->region),
	};
	struct db_rows	*rows;
	enum err	 rc;
	int		 n;

	if ((rc = db_query(db, a, &mod, STMT_AGENCY_GET, p,
	    sizeof p / sizeof p[0], &rows)) != ERR_OK)
		return rc;
	if ((n = db_next(rows)) == 1)
		rc = agency_from_row(rows, a, out) == 0 ? ERR_OK : ERR_NOMEM;
	else
		rc = n == 0 ? ERR_NOTFOUND : db_rows_error(db);
	db_rows_free(rows);
	return rc;
}

enum err
agency_search(struct db *db, struct arena *a, const char *scope, const char *q,
    struct pager *pg, struct agency_list *out)
{
	size_t		 per = (size_t)pg->per;
	struct db_param	 p[6];
	struct db_rows	*rows;
	const char	*like;
	enum err	 rc;
	int		 n;

	memset(out, 0, sizeof *out);
	q = nz(q);
	if ((like = db_like(a, "%", q, "%")) == NULL)
		return ERR_NOMEM;
	p[0] = DB_STR(nz(scope));
	p[1] = DB_STR(nz(scope));
	p[2] = DB_STR(q);
	p[3] = DB_STR(like);
	if ((rc = db_query(db, a, &mod, STMT_AGENCY_COUNT, p, 4, &rows)) != ERR_OK)
		return rc;
	if ((n = db_next(rows)) == -1)
		return db_rows_error(db);
	pg->total = n == 1 ? db_col_int(rows, 0) : 0;
	db_rows_free(rows);

	if ((out->v = arena_calloc(a, per + 1, sizeof *out->v)) == NULL)
		return ERR_NOMEM;
	p[4] = DB_INT(pg->per);
	p[5] = DB_INT(pager_offset(pg));
	if ((rc = db_query(db, a, &mod, STMT_AGENCY_SEARCH, p, 6, &rows)) != ERR_OK)
		return rc;
	while (out->n < per && (n = db_next(rows)) == 1) {
		if (agency_from_row(rows, a, &out->v[out->n]) == -1) {
			db_rows_free(rows);
			out->n = 0;
			return ERR_NOMEM;
		}
		out->n++;
	}
	if (n == -1) {
		out->n = 0;
		return db_rows_error(db);
	}
	db_rows_free(rows);
	return ERR_OK;
}

/* Audit detail: the name and region, cut by audit_write. */
static const char *
create_detail(char *buf, size_t len, const struct agency_input *in)
{
	snprintf(buf, len, "%s (%s)", nz(in->name), nz(in->region));
	return buf;
}

/* What agency_create's and agency_update's transactions need. */
struct atx {
	const struct audit_actor	*actor;
	const struct agency_input	*in;
	const char			*enc;	/* the sealed contact */
	const struct scope		*sc;
	long long			 id;	/* in: update's; out: create's */
	bool				 changed;
};

static enum err
create_body(struct db *db, struct arena *a, void *ctx)
{
	struct atx		*t = ctx;
	const struct agency_input *in = t->in;
	unsigned long long	 newid = 0;
	char			 oid[24], detail[512];
	struct db_param		 p[] = { DB_STR(nz(in->name)), DB_STR(nz(in->region)),
	    DB_STR(nz(in->dept_code)), DB_STR(nz(in->address)),
	    DB_STR(nz(in->net_name)), DB_STR(nz(in->net_title)), DB_STR(t->enc) };
	enum err		 rc;

	(void)a;
	if ((rc = db_exec(db, &mod, STMT_AGENCY_INSERT, p, 7, NULL, &newid)) != ERR_OK)
		return rc;
	snprintf(oid, sizeof oid, "%llu", newid);
	if ((rc = audit_write(db, t->actor, "agency.create", "agency", oid, AUDIT_OK,
	    create_detail(detail, sizeof detail, in))) != ERR_OK)
		return rc;
	t->id = (long long)newid;
	return ERR_OK;
}

enum err
agency_create(struct db *db, const struct audit_actor *actor,
    const struct agency_input *in, long long *id)
{
	struct arena	*a = arena_new(1024);
	char		*enc = a == NULL ? NULL :
	    contact_seal(a, "agencies.net_contact", nz(in->net_contact));
	struct atx	 t = { .actor = actor, .in = in, .enc = enc };
	enum err	 rc;

	if (enc == NULL)
		rc = ERR_NOMEM;
	else if ((rc = db_tx(db, 0, create_body, &t)) == ERR_OK)
		*id = t.id;
	arena_free(a);
	return rc;
}

size_t
agency_diff(const struct agency *old, const struct agency_input *in, char *out,
    size_t len)
{
	const struct {
		const char	*name, *was, *now;
	} f[] = {
		{ "name", old->name, in->name },
		{ "dept_code", old->dept_code, in->dept_code },
		{ "address", old->address, in->address },
		{ "net_name", old->net_name, in->net_name },
		{ "net_title", old->net_title, in->net_title },
		{ "net_contact", old->net_contact, in->net_contact },
	};
	size_t	n = 0, used = 0;

	if (len > 0)
		out[0] = '\0';
	for (size_t i = 0; i < sizeof f / sizeof f[0]; i++) {
		int w;

		if (strcmp(nz(f[i].was), nz(f[i].now)) == 0)
			continue;
		if (used < len) {
			w = snprintf(out + used, len - used, "%s%s", n > 0 ? "," : "",
			    f[i].name);
			used = w < 0 ? len : used + (size_t)w;
		}
		n++;
	}
	return n;
}

/* The agency locked within the actor's scope, the fields compared, the
 * row and its audit row written when something changed. */
static enum err
update_body(struct db *db, struct arena *a, void *ctx)
{
	struct atx	*t = ctx;
	const struct agency_input *in = t->in;
	struct db_param	 lp[] = { DB_INT(t->id), DB_STR(t->sc->org_kind),
	    DB_INT(t->sc->org_id), DB_STR(t->sc->org_kind),
	    DB_STR(t->sc->region), DB_STR(t->sc->region) };
	struct db_param	 p[] = { DB_STR(nz(in->name)), DB_STR(nz(in->dept_code)),
	    DB_STR(nz(in->address)), DB_STR(nz(in->net_name)),
	    DB_STR(nz(in->net_title)), DB_STR(t->enc), DB_INT(t->id) };
	struct db_rows	*rows;
	struct agency	 old;
	char		 oid[24], changed[256];
	enum err	 rc;
	int		 n;

	if ((rc = db_query(db, a, &mod, STMT_AGENCY_LOCK, lp,
	    sizeof lp / sizeof lp[0], &rows)) != ERR_OK)
		return rc;
	if ((n = db_next(rows)) != 1) {
		db_rows_free(rows);
		return n == 0 ? ERR_NOTFOUND : db_rows_error(db);
	}
	memset(&old, 0, sizeof old);
	if ((old.name = db_col_dup(rows, a, 0)) == NULL ||
	    (old.dept_code = db_col_dup(rows, a, 1)) == NULL ||
	    (old.address = db_col_dup(rows, a, 2)) == NULL ||
	    (old.net_name = db_col_dup(rows, a, 3)) == NULL ||
	    (old.net_title = db_col_dup(rows, a, 4)) == NULL ||
	    (old.net_contact = contact_open(a, "agencies.net_contact",
	    db_col_str(rows, 5))) == NULL) {
		db_rows_free(rows);
		return ERR_NOMEM;
	}
	db_rows_free(rows);
	if (agency_diff(&old, in, changed, sizeof changed) == 0)
		return ERR_OK;	/* nothing to record: db_tx commits a read */
	if ((rc = db_exec(db, &mod, STMT_AGENCY_UPDATE, p, 7, NULL, NULL)) != ERR_OK)
		return rc;
	snprintf(oid, sizeof oid, "%lld", t->id);
	return audit_write(db, t->actor, "agency.update", "agency", oid, AUDIT_OK,
	    changed);
}

enum err
agency_update(struct db *db, const struct audit_actor *actor,
    const struct scope *sc, long long id, const struct agency_input *in)
{
	struct arena	*a = arena_new(1024);
	char		*enc = a == NULL ? NULL :
	    contact_seal(a, "agencies.net_contact", nz(in->net_contact));
	struct atx	 t = { .actor = actor, .in = in, .enc = enc, .sc = sc,
	    .id = id };
	enum err	 rc;

	rc = enc == NULL ? ERR_NOMEM : db_tx(db, 0, update_body, &t);
	arena_free(a);
	return rc;
}

enum err
agency_users(struct db *db, struct arena *a, long long agency_id,
    struct user_list *out)
{
	struct db_param	 p[] = { DB_INT(agency_id), DB_INT(AGENCY_USERS_MAX) };
	struct db_rows	*rows;
	enum err	 rc;
	int		 n = 0;

	memset(out, 0, sizeof *out);
	if ((out->v = arena_calloc(a, AGENCY_USERS_MAX, sizeof *out->v)) == NULL)
		return ERR_NOMEM;
	if ((rc = db_query(db, a, &mod, STMT_AGENCY_USERS, p, 2, &rows)) != ERR_OK)
		return rc;
	while (out->n < AGENCY_USERS_MAX && (n = db_next(rows)) == 1) {
		if (user_from_row(rows, a, 0, &out->v[out->n]) == -1) {
			db_rows_free(rows);
			out->n = 0;
			return ERR_NOMEM;
		}
		out->n++;
	}
	if (n == -1) {
		out->n = 0;
		return db_rows_error(db);
	}
	db_rows_free(rows);
	out->total = (long long)out->n;
	return ERR_OK;
}
