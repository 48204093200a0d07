/*
 * perm.c -- the permission rule table, role assignments, agency sources
 * and security settings (see perm.h).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/enumname.h"
#include "core/log.h"
#include "accounts/perm.h"
#include "db/db_region.h"

static const char *const perm_names[PERM__MAX] = {
	[PERM_CREDIT_VIEW] = "credit.view",
	[PERM_CREDIT_IMPORT] = "credit.import",
	[PERM_STAFF_ADMIN] = "staff.admin",
	[PERM_SECURITY_ADMIN] = "security.admin",
	[PERM_AUDIT_READ] = "audit.read",
};

/*
 * The rule table.  A cell left out is PERM_NEVER.  The administrative
 * roles have their own permission and nothing else; business roles have
 * no administrative permission.
 */
static const unsigned char table[ROLE__MAX][PERM__MAX] = {
	[ROLE_GOV] = {
		[PERM_CREDIT_VIEW] = PERM_BY_ROLE_USER,
		[PERM_CREDIT_IMPORT] = PERM_BY_ROLE_USER,
	},
	[ROLE_OPERATOR] = { [PERM_CREDIT_VIEW] = PERM_BY_ROLE },
	[ROLE_SUPERVISOR] = { [PERM_CREDIT_VIEW] = PERM_BY_ROLE },
	[ROLE_SYSADMIN] = { [PERM_STAFF_ADMIN] = PERM_FIXED },
	[ROLE_SECADMIN] = { [PERM_SECURITY_ADMIN] = PERM_FIXED },
	[ROLE_AUDITOR] = { [PERM_AUDIT_READ] = PERM_FIXED },
};

const char *
perm_name(enum perm p)
{
	return enum_name(perm_names, PERM__MAX, (int)p);
}

int
perm_parse(const char *s)
{
	return enum_parse(perm_names, PERM__MAX, s);
}

unsigned
perm_set_parse(const char *s)
{
	unsigned bits = 0;

	while (s != NULL && *s != '\0') {
		const char	*comma = strchr(s, ',');
		size_t		 len = comma != NULL ? (size_t)(comma - s) : strlen(s);
		char		 one[32];
		int		 p;

		if (len < sizeof one) {
			memcpy(one, s, len);
			one[len] = '\0';
			if ((p = perm_parse(one)) >= 0 &&
			    (PERMS_ACCOUNT & PERM_BIT(p)))
				bits |= PERM_BIT(p);
		}
		s = comma != NULL ? comma + 1 : NULL;
	}
	return bits;
}

const char *
perm_set_text(struct arena *a, unsigned bits)
{
	char	buf[128] = "";
	size_t	len = 0;

	for (int p = 0; p < PERM__MAX; p++) {
		if (!(PERMS_ACCOUNT & bits & PERM_BIT(p)))
			continue;
		len += (size_t)snprintf(buf + len, sizeof buf - len, "%s%s",
		    len > 0 ? "," : "", perm_names[p]);
	}
	return arena_strdup(a, buf);
}

enum admin_role
role_admin(enum role r)
{
	switch (r) {
	case ROLE_SYSADMIN:
		return ADMIN_SYSTEM;
	case ROLE_SECADMIN:
		return ADMIN_SECURITY;
	case ROLE_AUDITOR:
		return ADMIN_AUDIT;
	default:
		return ADMIN_NONE;
	}
}

enum perm_rule
perm_cell(enum role r, enum perm p)
{
	if ((unsigned)r >= ROLE__MAX || (unsigned)p >= PERM__MAX)
		return PERM_NEVER;
	return (enum perm_rule)table[r][p];
}

bool
perm_assignable(enum role r, enum perm p)
{
	enum perm_rule c = perm_cell(r, p);

	return c == PERM_BY_ROLE || c == PERM_BY_ROLE_USER;
}

/* --- SQL ---------------------------------------------------------------- */

enum {
	STMT_ROLE_HOLDS,
	STMT_ROLE_TABLE,
	STMT_ROLE_GRANT,
	STMT_ROLE_REVOKE,
	STMT_SOURCE_IS,
	STMT_SOURCES,
	STMT_SOURCE_ADD,
	STMT_SOURCE_DEL,
	STMT_SOURCE_ALL,
	STMT_SETTINGS,
	STMT_SETTING_PUT,
	STMT_STAFF,
	STMT__MAX
};

static const char *const sql[STMT__MAX] = {
	[STMT_ROLE_HOLDS] =
	    "SELECT COUNT(*) FROM role_permissions WHERE role = ? AND perm = ?",
	[STMT_ROLE_TABLE] = "SELECT role, perm FROM role_permissions",
	[STMT_ROLE_GRANT] =
	    "INSERT IGNORE INTO role_permissions (role, perm, granted_by)"
	    " VALUES (?, ?, NULLIF(?, 0))",
	[STMT_ROLE_REVOKE] =
	    "DELETE FROM role_permissions WHERE role = ? AND perm = ?",
	[STMT_SOURCE_IS] =
	    "SELECT COUNT(*) FROM agency_credit_sources"
	    " WHERE agency_id = ? AND category_id = ?",
	[STMT_SOURCES] =
	    "SELECT category_id FROM agency_credit_sources WHERE agency_id = ?"
	    " ORDER BY category_id",
	[STMT_SOURCE_ADD] =
	    "INSERT IGNORE INTO agency_credit_sources (agency_id, category_id)"
	    " VALUES (?, ?)",
	[STMT_SOURCE_DEL] =
	    "DELETE FROM agency_credit_sources WHERE agency_id = ? AND category_id = ?",
	[STMT_SOURCE_ALL] =
	    "INSERT IGNORE INTO agency_credit_sources (agency_id, category_id)"
	    " SELECT ?, id FROM credit_categories",
	[STMT_SETTINGS] = "SELECT name, value FROM security_settings",
	[STMT_SETTING_PUT] =
	    "INSERT INTO security_settings (name, value, set_by) VALUES (?, ?, NULLIF(?, 0))"
	    " ON DUPLICATE KEY UPDATE value = VALUES(value), set_by = VALUES(set_by),"
	    " set_at = UTC_TIMESTAMP()",
	[STMT_STAFF] =
	    "SELECT " USER_COLS USER_FROM
	    " WHERE u.org_kind = 'office' AND" REGION_SCOPE("u.region_code")
	    " ORDER BY u.id DESC LIMIT ?",
};

static const struct db_module mod = { DBM_PERM, STMT__MAX, sql };

static enum err
count_of(struct db *db, int stmt, const struct db_param *p, size_t np,
    long long *n)
{
	struct arena	*a = arena_new(256);
	struct db_rows	*rows;
	enum err	 rc;
	int		 got;

	if (a == NULL)
		return ERR_NOMEM;
	*n = 0;
	if ((rc = db_query(db, a, &mod, stmt, p, np, &rows)) == ERR_OK) {
		if ((got = db_next(rows)) == 1)
			*n = db_col_int(rows, 0);
		else if (got == -1)
			rc = db_rows_error(db);
	}
	arena_free(a);
	return rc;
}

enum err
perm_check(struct db *db, const struct user *u, enum perm p, bool *ok)
{
	enum perm_rule	 c = perm_cell(u->role, p);
	struct db_param	 q[2];
	long long	 n;
	enum err	 rc;

	*ok = false;
	if (c == PERM_NEVER)
		return ERR_OK;
	if (c == PERM_FIXED) {
		*ok = true;
		return ERR_OK;
	}
	if (c == PERM_BY_ROLE_USER && !(u->perms & PERM_BIT(p)))
		return ERR_OK;
	q[0] = DB_STR(role_name(u->role));
	q[1] = DB_STR(perm_names[p]);
	if ((rc = count_of(db, STMT_ROLE_HOLDS, q, 2, &n)) != ERR_OK)
		return rc;
	*ok = n > 0;
	return ERR_OK;
}

enum err
perm_role_table(struct db *db, unsigned held[ROLE__MAX])
{
	struct arena	*a = arena_new(1024);
	struct db_rows	*rows;
	enum err	 rc;
	int		 got;

	if (a == NULL)
		return ERR_NOMEM;
	for (int r = 0; r < ROLE__MAX; r++) {
		held[r] = 0;
		for (int p = 0; p < PERM__MAX; p++)
			if (table[r][p] == PERM_FIXED)
				held[r] |= PERM_BIT(p);
	}
	if ((rc = db_query(db, a, &mod, STMT_ROLE_TABLE, NULL, 0, &rows)) == ERR_OK) {
		while ((got = db_next(rows)) == 1) {
			int r = role_parse(db_col_str(rows, 0));
			int p = perm_parse(db_col_str(rows, 1));

			/* only what the table lets a role have counts */
			if (r >= 0 && p >= 0 && perm_assignable((enum role)r, (enum perm)p))
				held[r] |= PERM_BIT(p);
		}
		if (got == -1)
			rc = db_rows_error(db);
	}
	arena_free(a);
	return rc;
}

struct role_set {
	const struct audit_actor	*actor;
	enum role			 r;
	enum perm			 p;
	bool				 grant;
};

static enum err
role_set_tx(struct db *db, struct arena *a, void *ctx)
{
	const struct role_set	*s = ctx;
	struct db_param		 q[] = { DB_STR(role_name(s->r)),
		DB_STR(perm_names[s->p]), DB_INT(s->actor->user_id) };
	unsigned long long	 n = 0;
	const char		*detail;
	enum err		 rc;

	if ((rc = db_exec(db, &mod, s->grant ? STMT_ROLE_GRANT : STMT_ROLE_REVOKE,
	    q, s->grant ? 3 : 2, &n, NULL)) != ERR_OK)
		return rc;
	if (n == 0)
		return ERR_OK;	/* already so: nothing changed, nothing to record */
	if ((detail = arena_printf(a, "%s %s %s", s->grant ? "grant" : "revoke",
	    role_name(s->r), perm_names[s->p])) == NULL)
		return ERR_NOMEM;
	return audit_write(db, s->actor, "security.role_perm", "role",
	    role_name(s->r), AUDIT_OK, detail);
}

enum err
perm_role_set(struct db *db, const struct audit_actor *actor, enum role r,
    enum perm p, bool grant)
{
	struct role_set s = { actor, r, p, grant };

	if (!perm_assignable(r, p))
		return ERR_FORBIDDEN;
	return db_tx(db, 0, role_set_tx, &s);
}

/* --- agency sources -------------------------------------------------- */

enum err
perm_agency_source(struct db *db, long long agency_id, long long category_id,
    bool *yes)
{
	struct db_param	q[] = { DB_INT(agency_id), DB_INT(category_id) };
	long long	n;
	enum err	rc;

	*yes = false;
	if ((rc = count_of(db, STMT_SOURCE_IS, q, 2, &n)) == ERR_OK)
		*yes = n > 0;
	return rc;
}

static void
id_fill(const struct db_rows *rows, struct arena *a, void *elem)
{
	(void)a;
	*(long long *)elem = db_col_int(rows, 0);
}

enum err
perm_agency_sources(struct db *db, struct arena *a, long long agency_id,
    long long **ids, size_t *n)
{
	struct db_param q[] = { DB_INT(agency_id) };

	return db_query_list(db, a, &mod, STMT_SOURCES, q, 1, sizeof **ids,
	    id_fill, (void **)ids, n);
}

struct source_set {
	const struct audit_actor	*actor;
	long long			 agency_id, category_id;
	bool				 on;
};

static enum err
source_set_tx(struct db *db, struct arena *a, void *ctx)
{
	const struct source_set	*s = ctx;
	struct db_param		 q[] = { DB_INT(s->agency_id), DB_INT(s->category_id) };
	unsigned long long	 n = 0;
	enum err		 rc;

	const char		*oid, *detail;

	if ((rc = db_exec(db, &mod, s->on ? STMT_SOURCE_ADD : STMT_SOURCE_DEL,
	    q, 2, &n, NULL)) != ERR_OK || n == 0)
		return rc;
	oid = arena_printf(a, "%lld", s->agency_id);
	detail = arena_printf(a, "%s category %lld", s->on ? "add" : "remove",
	    s->category_id);
	if (oid == NULL || detail == NULL)
		return ERR_NOMEM;
	return audit_write(db, s->actor, "agency.source", "agency", oid,
	    AUDIT_OK, detail);
}

enum err
perm_agency_source_set(struct db *db, const struct audit_actor *actor,
    long long agency_id, long long category_id, bool on)
{
	struct source_set s = { actor, agency_id, category_id, on };

	return db_tx(db, 0, source_set_tx, &s);
}

enum err
perm_agency_source_all(struct db *db, long long agency_id)
{
	struct db_param q[] = { DB_INT(agency_id) };

	return db_exec(db, &mod, STMT_SOURCE_ALL, q, 1, NULL, NULL);
}

/* --- security settings ---------------------------------------------- */

/* Bounds as lib/core/config.c's for the same keys. */
const struct secset_def secset_defs[SS__MAX] = {
	[SS_MAX_FAILURES] = { "max_failures", 3, 20 },
	[SS_FAILURE_WINDOW] = { "failure_window", 60, 86400 },
	[SS_LOCK_SECS] = { "lock_secs", 60, 86400 },
	[SS_STAFF_PW_DAYS] = { "staff_pw_days", 10, 3650 },
	[SS_SESSION_IDLE] = { "session_idle", 60, 86400 },
	[SS_SESSION_ABSOLUTE] = { "session_absolute", 300, 604800 },
};

unsigned *
secset_slot(struct config_auth *auth, enum secset i)
{
	switch (i) {
	case SS_MAX_FAILURES:
		return &auth->max_failures;
	case SS_FAILURE_WINDOW:
		return &auth->failure_window;
	case SS_LOCK_SECS:
		return &auth->lock_secs;
	case SS_STAFF_PW_DAYS:
		return &auth->staff_pw_days;
	case SS_SESSION_IDLE:
		return &auth->session_idle;
	case SS_SESSION_ABSOLUTE:
	default:
		return &auth->session_absolute;
	}
}

static int
secset_find(const char *name)
{
	for (int i = 0; i < SS__MAX; i++)
		if (strcmp(secset_defs[i].name, name) == 0)
			return i;
	return -1;
}

/* Setting `name` = val into *v when both are valid; else logged, and *v
 * keeps its value. */
static void
secset_put(struct config_auth *v, const char *name, long long val)
{
	int i = name != NULL ? secset_find(name) : -1;

	if (i < 0 || val < secset_defs[i].min || val > secset_defs[i].max) {
		log_error("security_settings: %s = %lld ignored",
		    name != NULL ? name : "(null)", val);
		return;
	}
	*secset_slot(v, (enum secset)i) = (unsigned)val;
}

void
secset_apply(const struct config_auth *base, const char *pairs,
    struct config_auth *out)
{
	char	 buf[1024], *save = NULL, *tok, *eq, *end;

	*out = *base;
	if (pairs == NULL || *pairs == '\0')
		return;
	if (strlen(pairs) >= sizeof buf) {
		log_error("security_settings: %zu bytes of settings ignored",
		    strlen(pairs));
		return;
	}
	memcpy(buf, pairs, strlen(pairs) + 1);
	for (tok = strtok_r(buf, ",", &save); tok != NULL;
	    tok = strtok_r(NULL, ",", &save)) {
		long long val;

		if ((eq = strchr(tok, '=')) == NULL) {
			log_error("security_settings: \"%s\" ignored", tok);
			continue;
		}
		*eq++ = '\0';
		errno = 0;
		val = strtoll(eq, &end, 10);
		if (errno != 0 || end == eq || *end != '\0') {
			log_error("security_settings: %s = \"%s\" ignored", tok, eq);
			continue;
		}
		secset_put(out, tok, val);
	}
}

enum err
secset_load(struct db *db, const struct config_auth *base,
    struct config_auth *out)
{
	struct config_auth	 v = *base;
	struct arena		*a = arena_new(512);
	struct db_rows		*rows;
	enum err		 rc;
	int			 got;

	*out = *base;
	if (a == NULL)
		return ERR_NOMEM;
	if ((rc = db_query(db, a, &mod, STMT_SETTINGS, NULL, 0, &rows)) == ERR_OK) {
		while ((got = db_next(rows)) == 1)
			secset_put(&v, db_col_str(rows, 0), db_col_int(rows, 1));
		if (got == -1)
			rc = db_rows_error(db);
		else
			*out = v;
	}
	arena_free(a);
	return rc;
}

struct secset_ctx {
	const struct audit_actor	*actor;
	const struct config_auth	*cur;
	const unsigned			*v;
	unsigned			*changed;
};

static enum err
secset_tx(struct db *db, struct arena *a, void *ctx)
{
	struct secset_ctx	*s = ctx;
	struct config_auth	 cur = *s->cur;
	char			 detail[480] = "";
	size_t			 len = 0;
	enum err		 rc;

	*s->changed = 0;
	for (int i = 0; i < SS__MAX; i++) {
		unsigned	 was = *secset_slot(&cur, (enum secset)i);
		struct db_param	 q[] = { DB_STR(secset_defs[i].name),
			DB_INT(s->v[i]), DB_INT(s->actor->user_id) };

		if (was == s->v[i])
			continue;
		if ((rc = db_exec(db, &mod, STMT_SETTING_PUT, q, 3, NULL, NULL)) != ERR_OK)
			return rc;
		len += (size_t)snprintf(detail + len, sizeof detail - len,
		    "%s%s %u -> %u", len > 0 ? ", " : "", secset_defs[i].name,
		    was, s->v[i]);
		if (len >= sizeof detail)
			len = sizeof detail - 1;
		(*s->changed)++;
	}
	if (*s->changed == 0)
		return ERR_OK;
	(void)a;
	return audit_write(db, s->actor, "security.settings", "settings",
	    "security", AUDIT_OK, detail);
}

enum err
secset_save(struct db *db, const struct audit_actor *actor,
    const struct config_auth *cur, const unsigned v[SS__MAX],
    unsigned *changed)
{
	struct secset_ctx s = { actor, cur, v, changed };

	*changed = 0;
	for (int i = 0; i < SS__MAX; i++)
		if (v[i] < secset_defs[i].min || v[i] > secset_defs[i].max)
			return ERR_INVAL;
	return db_tx(db, 0, secset_tx, &s);
}

/* --- staff accounts ---------------------------------------------------- */

enum err
perm_staff_list(struct db *db, struct arena *a, const char *region,
    size_t max, struct user **v, size_t *n)
{
	struct db_param	 q[] = { DB_STR(region), DB_STR(region), DB_INT(max) };
	struct db_rows	*rows;
	enum err	 rc;
	int		 got;

	*v = NULL;
	*n = 0;
	if ((*v = arena_calloc(a, max > 0 ? max : 1, sizeof **v)) == NULL)
		return ERR_NOMEM;
	if ((rc = db_query(db, a, &mod, STMT_STAFF, q, 3, &rows)) != ERR_OK)
		return rc;
	while ((got = db_next(rows)) == 1 && *n < max)
		if (user_from_row(rows, a, 0, &(*v)[*n]) == 0)
			(*n)++;
	if (got == -1)
		return db_rows_error(db);
	return ERR_OK;
}
