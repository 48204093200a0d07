/*
 * fi.c -- the SQL and rules of the financial institutions and their users
 * (fi.h).
 *
 * The scope predicate FI_SCOPE is part of every statement that reaches an
 * FI by id or lists them: mode 'all' (the system, the province's staff),
 * 'region' (a city's staff: its city), 'org' (an FI's own users: their
 * FI), anything else matches nothing.
 */
#include <stdio.h>
#include <string.h>

#include "core/enumname.h"
#include "db/db_region.h"
#include "accounts/account_state.h"
#include "crypto/password.h"
#include "crypto/seal.h"
#include "finance/fi.h"

const char *const fi_kind_names[FI_KIND__MAX + 1] = {
	[FI_BANK] = "bank", [FI_RURAL_CREDIT] = "rural_credit",
	[FI_MICROCREDIT] = "microcredit", [FI_GUARANTEE] = "guarantee",
	[FI_OTHER] = "other", [FI_KIND__MAX] = NULL,
};

const char *
fi_kind_name(enum fi_kind k)
{
	return (unsigned)k < FI_KIND__MAX ? fi_kind_names[k] : NULL;
}

int
fi_kind_parse(const char *s)
{
	return enum_parse(fi_kind_names, FI_KIND__MAX, s);
}

const char *
fi_code_check(const char *code)
{
	static const char categories[] = "ABCDEFGHZ";

	if (code == NULL || strlen(code) != FI_CODE_LEN)
		return "fi_code_len";
	for (size_t i = 0; i < FI_CODE_LEN; i++) {
		char c = code[i];

		if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')))
			return "fi_code_chars";
	}
	if (strchr(categories, code[0]) == NULL)
		return "fi_code_category";
	return NULL;
}

enum {
	STMT_FI_GET,
	STMT_FI_COUNT,
	STMT_FI_SEARCH,
	STMT_FI_INSERT,
	STMT_FI_UPDATE,
	STMT_FI_LOCK,
	STMT_FI_USERS,
	STMT_FI_IS_MANAGER,
	STMT_FI_USER_FLAGS,
	STMT_FI_USER_FIND,
	STMT_FI__MAX
};

#define FI_COLS \
	"SELECT f.id, f.name, f.kind, COALESCE(f.code, ''), f.region_code, r.name," \
	" COALESCE(f.parent_id, 0), COALESCE(pf.name, ''), f.address," \
	" (SELECT COUNT(*) FROM users u WHERE u.org_kind = 'fi' AND u.org_id = f.id" \
	"  AND u.role = 'fi' AND u.fi_manager = 1 AND u.status <> 'revoked')," \
	" (SELECT COUNT(*) FROM users u WHERE u.org_kind = 'fi' AND u.org_id = f.id" \
	"  AND u.role = 'fi' AND u.fi_manager = 0 AND u.status <> 'revoked')," \
	" (SELECT COUNT(*) FROM products p WHERE p.fi_id = f.id AND p.status = 'published')," \
	" DATE_FORMAT(f.created_at, '%Y-%m-%d %H:%i:%s')" \
	" FROM fis f JOIN regions r ON r.code = f.region_code" \
	" LEFT JOIN fis pf ON pf.id = f.parent_id"

/* Parameters: mode, mode, region, mode, org id (scope_params). */
#define FI_SCOPE(col) \
	" (? = 'all' OR (? = 'region' AND " col ".region_code = ?)" \
	" OR (? = 'org' AND " col ".id = ?))"

static const char *const sql[STMT_FI__MAX] = {
	[STMT_FI_GET] = FI_COLS " WHERE f.id = ? AND" FI_SCOPE("f"),
	[STMT_FI_COUNT] = "SELECT COUNT(*) FROM fis f WHERE" FI_SCOPE("f")
	    " AND (? = '' OR f.name LIKE ?)",
	[STMT_FI_SEARCH] = FI_COLS " WHERE" FI_SCOPE("f")
	    " AND (? = '' OR f.name LIKE ?)"
	    " ORDER BY f.region_code, f.name LIMIT ? OFFSET ?",
	[STMT_FI_INSERT] =
	    "INSERT INTO fis (name, kind, code, region_code, parent_id, address)"
	    " VALUES (?, ?, ?, ?, ?, ?)",
	[STMT_FI_UPDATE] =
	    "UPDATE fis SET name = ?, kind = ?, code = ?, parent_id = ?,"
	    " address = ?, updated_at = UTC_TIMESTAMP() WHERE id = ?",
	/* the row to change, with the changer's predicate */
	[STMT_FI_LOCK] = "SELECT f.id FROM fis f WHERE f.id = ? AND" FI_SCOPE("f")
	    " FOR UPDATE",
	[STMT_FI_USERS] =
	    "SELECT u.id, u.username, u.real_name, u.department, u.contact_enc,"
	    " u.fi_manager, u.status,"
	    " DATE_FORMAT(u.last_login_at, '%Y-%m-%d %H:%i:%s')"
	    " FROM users u WHERE u.org_kind = 'fi' AND u.org_id = ? AND u.role = 'fi'"
	    " ORDER BY u.fi_manager DESC, u.id LIMIT 500",
	[STMT_FI_IS_MANAGER] =
	    "SELECT fi_manager FROM users WHERE id = ? AND role = 'fi'"
	    " AND org_kind = 'fi'",
	[STMT_FI_USER_FLAGS] =
	    "UPDATE users SET fi_manager = ?, department = ? WHERE id = ?"
	    " AND role = 'fi' AND org_kind = 'fi'",
	/* the target of a close, with the closer's predicate */
	[STMT_FI_USER_FIND] =
	    "SELECT u.id FROM users u JOIN fis f ON f.id = u.org_id"
	    " WHERE u.id = ? AND f.id = ? AND u.role = 'fi' AND u.org_kind = 'fi'"
	    " AND u.fi_manager = ? AND" FI_SCOPE("f") " FOR UPDATE",
};

static const struct db_module mod = { DBM_FINANCE_FI, STMT_FI__MAX, sql };

static const char *
nz(const char *s)
{
	return s != NULL ? s : "";
}

/* The scope's mode and its five parameters into p[0..5). */
static void
scope_params(const struct scope *sc, struct db_param p[5])
{
	const char *mode = "none";

	if (sc->kind == SCOPE_SYSTEM)
		mode = "all";
	else if (sc->role == ROLE_OPERATOR || sc->role == ROLE_SUPERVISOR)
		mode = scope_province_wide(sc) ? "all" : "region";
	else if (sc->role == ROLE_FI && strcmp(nz(sc->org_kind), "fi") == 0)
		mode = "org";
	p[0] = DB_STR(mode);
	p[1] = DB_STR(mode);
	p[2] = DB_STR(sc->region);
	p[3] = DB_STR(mode);
	p[4] = DB_INT(sc->org_id);
}

static int
status_parse(const char *s)
{
	for (int i = 0; s != NULL && i < USER_STATUS__MAX; i++)
		if (user_status_name((enum user_status)i) != NULL &&
		    strcmp(s, user_status_name((enum user_status)i)) == 0)
			return i;
	return -1;
}

static int
fi_from_row(const struct db_rows *r, struct arena *a, struct fi *o)
{
	int k;

	memset(o, 0, sizeof *o);
	o->id = db_col_int(r, 0);
	o->name = db_col_text(r, a, 1);
	o->kind = (k = fi_kind_parse(db_col_str(r, 2))) < 0 ? FI_OTHER : (enum fi_kind)k;
	o->code = db_col_text(r, a, 3);
	o->region = db_col_text(r, a, 4);
	o->region_name = db_col_text(r, a, 5);
	o->parent_id = db_col_int(r, 6);
	o->parent_name = db_col_text(r, a, 7);
	o->address = db_col_text(r, a, 8);
	o->managers = db_col_int(r, 9);
	o->officers = db_col_int(r, 10);
	o->products = db_col_int(r, 11);
	o->created_at = db_col_text(r, a, 12);
	return o->name != NULL && o->created_at != NULL ? 0 : -1;
}

enum err
fi_get(struct db *db, struct arena *a, const struct scope *sc, long long id,
    struct fi *out)
{
	struct db_param	 p[6];
	struct db_rows	*rows;
	enum err	 rc;
	int		 n;

	p[0] = DB_INT(id);
	scope_params(sc, p + 1);
	if ((rc = db_query(db, a, &mod, STMT_FI_GET, p, 6, &rows)) != ERR_OK)
		return rc;
	if ((n = db_next(rows)) == 1)
		rc = fi_from_row(rows, a, out) == 0 ? ERR_OK : ERR_NOMEM;
	else
		rc = n == 0 ? ERR_NOTFOUND : db_rows_error(db);
	db_rows_free(rows);
	return rc;
}

enum err
fi_search(struct db *db, struct arena *a, const struct scope *sc,
    const char *q, size_t page, size_t per, struct fi_list *out)
{
	struct db_param	 p[9];
	struct db_rows	*rows;
	const char	*like;
	enum err	 rc;
	int		 n;

	memset(out, 0, sizeof *out);
	q = nz(q);
	if ((like = db_like(a, "%", q, "%")) == NULL)
		return ERR_NOMEM;
	scope_params(sc, p);
	p[5] = DB_STR(q);
	p[6] = DB_STR(like);
	if ((rc = db_query(db, a, &mod, STMT_FI_COUNT, p, 7, &rows)) != ERR_OK)
		return rc;
	if ((n = db_next(rows)) == -1)
		return db_rows_error(db);
	out->total = n == 1 ? db_col_int(rows, 0) : 0;
	db_rows_free(rows);
	if ((out->v = arena_calloc(a, per + 1, sizeof *out->v)) == NULL)
		return ERR_NOMEM;
	p[7] = DB_INT(per);
	p[8] = DB_INT(page * per);
	if ((rc = db_query(db, a, &mod, STMT_FI_SEARCH, p, 9, &rows)) != ERR_OK)
		return rc;
	while (out->n < per && (n = db_next(rows)) == 1) {
		if (fi_from_row(rows, a, &out->v[out->n]) == -1) {
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

/* The parent, when one is named, must be an FI within the scope. */
static enum err
parent_ok(struct db *db, const struct scope *sc, long long parent, long long self)
{
	struct arena	*a;
	struct fi	 f;
	enum err	 rc;

	if (parent == 0)
		return ERR_OK;
	if (parent == self)
		return ERR_INVAL;
	if ((a = arena_new(1024)) == NULL)
		return ERR_NOMEM;
	rc = fi_get(db, a, sc, parent, &f);
	arena_free(a);
	return rc;
}

/* What the transactions below need and give back. */
struct fitx {
	const struct audit_actor *actor;
	const struct db_param	*p;	/* the statement's */
	size_t			 np;
	const struct db_param	*lp;	/* a lock's (id, scope) */
	const char		*detail;
	long long		 id;	/* in: the object; out: a new one's */
	/* fi_user_open */
	const struct user_new	*n;
	const char		*hash;
	bool			 manager;
	/* fi_user_close */
	const struct acct_change *ch;
};

static enum err
create_body(struct db *db, struct arena *a, void *ctx)
{
	struct fitx		*t = ctx;
	unsigned long long	 newid = 0;
	char			 oid[24];
	enum err		 rc;

	(void)a;
	if ((rc = db_exec(db, &mod, STMT_FI_INSERT, t->p, t->np, NULL,
	    &newid)) != ERR_OK)
		return rc;
	snprintf(oid, sizeof oid, "%llu", newid);
	if ((rc = audit_write(db, t->actor, "fi.create", "fi", oid, AUDIT_OK,
	    t->detail)) != ERR_OK)
		return rc;
	t->id = (long long)newid;
	return ERR_OK;
}

enum err
fi_create(struct db *db, const struct audit_actor *actor,
    const struct scope *sc, const struct fi_input *in, long long *id)
{
	char			 detail[300];
	enum err		 rc;
	const char		*code = nz(in->code);
	struct db_param		 p[] = { DB_STR(nz(in->name)),
	    DB_STR(nz(fi_kind_name(in->kind))),
	    *code != '\0' ? DB_STR(code) : DB_NULL, DB_STR(nz(in->region)),
	    in->parent_id > 0 ? DB_INT(in->parent_id) : DB_NULL,
	    DB_STR(nz(in->address)) };
	struct fitx		 t = { .actor = actor, .p = p, .np = 6,
	    .detail = detail };

	if ((rc = parent_ok(db, sc, in->parent_id, 0)) != ERR_OK)
		return rc;
	snprintf(detail, sizeof detail, "%s (%s, %s)", nz(in->name),
	    nz(in->region), code);
	if ((rc = db_tx(db, 0, create_body, &t)) == ERR_OK)
		*id = t.id;
	return rc;
}

size_t
fi_diff(const struct fi *old, const struct fi_input *in, char *out, size_t len)
{
	char	 was_p[24], now_p[24];
	size_t	 n = 0, used = 0;

	snprintf(was_p, sizeof was_p, "%lld", old->parent_id);
	snprintf(now_p, sizeof now_p, "%lld", in->parent_id);
	const struct {
		const char	*name, *was, *now;
	} f[] = {
		{ "name", old->name, in->name },
		{ "kind", fi_kind_name(old->kind), fi_kind_name(in->kind) },
		{ "code", old->code, in->code },
		{ "parent", was_p, now_p },
		{ "address", old->address, in->address },
	};

	if (len > 0)
		out[0] = '\0';
	for (size_t i = 0; i < sizeof f / sizeof f[0]; i++) {
		int w;

		if (strcmp(nz(f[i].was), nz(f[i].now)) == 0)
			continue;
		if (used < len) {
			w = snprintf(out + used, len - used, "%s%s", n > 0 ? "," : "",
			    f[i].name);
			used = w < 0 || (size_t)w >= len - used ? len : used + (size_t)w;
		}
		n++;
	}
	return n;
}

/* The FI locked within the changer's scope, then its row and audit. */
static enum err
update_body(struct db *db, struct arena *a, void *ctx)
{
	struct fitx	*t = ctx;
	struct db_rows	*rows;
	char		 oid[24];
	enum err	 rc;
	int		 n;

	if ((rc = db_query(db, a, &mod, STMT_FI_LOCK, t->lp, 6, &rows)) != ERR_OK)
		return rc;
	n = db_next(rows);
	db_rows_free(rows);
	if (n != 1)
		return n == 0 ? ERR_NOTFOUND : db_rows_error(db);
	snprintf(oid, sizeof oid, "%lld", t->id);
	if ((rc = db_exec(db, &mod, STMT_FI_UPDATE, t->p, t->np, NULL,
	    NULL)) != ERR_OK)
		return rc;
	return audit_write(db, t->actor, "fi.update", "fi", oid, AUDIT_OK,
	    t->detail);
}

enum err
fi_update(struct db *db, const struct audit_actor *actor,
    const struct scope *sc, long long id, const struct fi_input *in)
{
	struct arena	*a = arena_new(2048);
	struct fi	 old;
	char		 detail[128];
	const char	*code = nz(in->code);
	enum err	 rc;

	if (a == NULL)
		return ERR_NOMEM;
	if ((rc = fi_get(db, a, sc, id, &old)) != ERR_OK)
		goto out;
	if ((rc = parent_ok(db, sc, in->parent_id, id)) != ERR_OK) {
		if (rc == ERR_NOTFOUND)
			rc = ERR_INVAL;
		goto out;
	}
	if (fi_diff(&old, in, detail, sizeof detail) == 0)
		goto out;
	struct db_param p[] = { DB_STR(nz(in->name)),
	    DB_STR(nz(fi_kind_name(in->kind))),
	    *code != '\0' ? DB_STR(code) : DB_NULL,
	    in->parent_id > 0 ? DB_INT(in->parent_id) : DB_NULL,
	    DB_STR(nz(in->address)), DB_INT(id) };
	struct db_param lp[6];
	struct fitx t = { .actor = actor, .p = p, .np = 6, .lp = lp,
	    .detail = detail, .id = id };

	lp[0] = DB_INT(id);
	scope_params(sc, lp + 1);
	rc = db_tx(db, 0, update_body, &t);
out:
	arena_free(a);
	return rc;
}

enum err
fi_users(struct db *db, struct arena *a, long long fi_id, struct fi_user **v,
    size_t *n)
{
	struct db_param	 p[] = { DB_INT(fi_id) };
	struct db_rows	*rows;
	enum err	 rc;
	size_t		 k = 0;
	int		 r;

	*v = NULL;
	*n = 0;
	if ((rc = db_query(db, a, &mod, STMT_FI_USERS, p, 1, &rows)) != ERR_OK)
		return rc;
	if ((*v = arena_calloc(a, 501, sizeof **v)) == NULL) {
		db_rows_free(rows);
		return ERR_NOMEM;
	}
	while (k < 500 && (r = db_next(rows)) == 1) {
		struct fi_user *u = &(*v)[k];
		int st;

		u->id = db_col_int(rows, 0);
		u->username = db_col_text(rows, a, 1);
		u->real_name = db_col_text(rows, a, 2);
		u->department = db_col_text(rows, a, 3);
		u->contact = contact_open(a, "users.contact", db_col_str(rows, 4));
		u->manager = db_col_int(rows, 5) != 0;
		st = status_parse(db_col_str(rows, 6));
		u->status = st < 0 ? USER_REVOKED : (enum user_status)st;
		u->last_login_at = db_col_null(rows, 7) ? NULL : db_col_text(rows, a, 7);
		if (u->contact == NULL) {
			db_rows_free(rows);
			return ERR_NOMEM;
		}
		k++;
	}
	if (r == -1)
		return db_rows_error(db);
	db_rows_free(rows);
	*n = k;
	return ERR_OK;
}

enum err
fi_user_is_manager(struct db *db, long long user_id, bool *mgr)
{
	struct arena	*a = arena_new(512);
	struct db_param	 p[] = { DB_INT(user_id) };
	struct db_rows	*rows;
	enum err	 rc;
	int		 n;

	*mgr = false;
	if (a == NULL)
		return ERR_NOMEM;
	if ((rc = db_query(db, a, &mod, STMT_FI_IS_MANAGER, p, 1, &rows)) == ERR_OK) {
		if ((n = db_next(rows)) == 1)
			*mgr = db_col_int(rows, 0) != 0;
		else if (n == -1)
			rc = db_rows_error(db);
		db_rows_free(rows);
	}
	arena_free(a);
	return rc;
}

/* The user and its FI flags, in one transaction. */
static enum err
user_open_body(struct db *db, struct arena *a, void *ctx)
{
	struct fitx	*t = ctx;
	struct db_param	 p[3];
	enum err	 rc;

	(void)a;
	if ((rc = user_insert_tx(db, t->actor, t->manager ? "fi.user.open.manager" :
	    "fi.user.open.officer", t->n, t->hash, true, &t->id)) != ERR_OK)
		return rc;
	p[0] = t->p[0];
	p[1] = t->p[1];
	p[2] = DB_INT(t->id);
	return db_exec(db, &mod, STMT_FI_USER_FLAGS, p, 3, NULL, NULL);
}

enum err
fi_user_open(struct db *db, const struct audit_actor *actor,
    const struct fi *fi, bool manager, const char *username,
    const char *real_name, const char *department, const char *contact,
    long long *id, char otp[OTP_LEN + 1])
{
	char		 hash[PASSWORD_HASH_MAX];
	struct user_new	 n;
	enum err	 rc;

	memset(&n, 0, sizeof n);
	n.username = username;
	n.role = ROLE_FI;
	n.region = fi->region;
	n.org_kind = "fi";
	n.org_id = fi->id;
	n.real_name = real_name;
	n.contact = contact;
	if (user_otp_hash(otp, hash) == -1)
		return ERR_NOMEM;
	struct db_param p[] = { DB_INT(manager), DB_STR(manager ? "" : nz(department)),
	    DB_INT(0) };
	struct fitx t = { .actor = actor, .p = p, .np = 3, .n = &n,
	    .hash = hash, .manager = manager };

	if ((rc = db_tx(db, 0, user_open_body, &t)) == ERR_OK)
		*id = t.id;
	else
		explicit_bzero(otp, OTP_LEN + 1);
	explicit_bzero(hash, sizeof hash);
	return rc;
}

/* The target found with the closer's predicate and locked, then the
 * account's step (revoked by the FI). */
static enum err
user_close_body(struct db *db, struct arena *a, void *ctx)
{
	struct fitx	*t = ctx;
	struct db_rows	*rows;
	enum err	 rc;
	int		 n;

	if ((rc = db_query(db, a, &mod, STMT_FI_USER_FIND, t->lp, 8, &rows)) != ERR_OK)
		return rc;
	n = db_next(rows);
	db_rows_free(rows);
	if (n != 1)
		return n == 0 ? ERR_NOTFOUND : db_rows_error(db);
	return user_step_tx(db, t->actor, t->id, t->ch, NULL);
}

enum err
fi_user_close(struct db *db, const struct audit_actor *actor,
    const struct scope *sc, long long fi_id, long long user_id, bool manager,
    const char *reason)
{
	struct db_param		 p[8];
	struct acct_change	 ch = { .action = ACCT_REVOKE, .by = ACCT_BY_FI,
	    .reason = reason };
	struct fitx		 t = { .actor = actor };
	enum err		 rc;

	if (reason == NULL || *reason == '\0')
		return ERR_INVAL;
	p[0] = DB_INT(user_id);
	p[1] = DB_INT(fi_id);
	p[2] = DB_INT(manager);
	scope_params(sc, p + 3);
	t.lp = p;
	t.id = user_id;
	t.ch = &ch;
	rc = db_tx(db, 0, user_close_body, &t);
	return rc;
}

static enum err
set_role_body(struct db *db, struct arena *a, void *ctx)
{
	struct fitx		*t = ctx;
	unsigned long long	 n = 0;
	char			 oid[24];
	enum err		 rc;

	(void)a;
	snprintf(oid, sizeof oid, "%lld", t->id);
	if ((rc = db_exec(db, &mod, STMT_FI_USER_FLAGS, t->p, t->np, &n,
	    NULL)) != ERR_OK)
		return rc;
	if (n == 0) {
		/* unchanged rows count 0 too: check it exists */
		bool mgr;

		if ((rc = fi_user_is_manager(db, t->id, &mgr)) != ERR_OK)
			return rc;
	}
	return audit_write(db, t->actor, "fi.user.role", "user", oid, AUDIT_OK,
	    t->manager ? "manager" : "officer");
}

enum err
fi_user_set_role(struct db *db, const struct audit_actor *actor,
    long long user_id, bool manager, const char *department)
{
	struct db_param		 p[] = { DB_INT(manager),
	    DB_STR(manager ? "" : nz(department)), DB_INT(user_id) };
	struct fitx		 t = { .actor = actor, .p = p, .np = 3,
	    .id = user_id, .manager = manager };

	return db_tx(db, 0, set_role_body, &t);
}
