/*
 * org.c -- the SQL of enterprises, agencies and fis (find or create).
 */
#include "db/org.h"

enum {
	STMT_ORG_AGENCY_ADD,
	STMT_ORG_AGENCY_GET,
	STMT_ORG_FI_ADD,
	STMT_ORG_FI_GET,
	STMT_ORG_ENT_ADD,
	STMT_ORG_ENT_GET,
	STMT_ORG_OFFICE_OF,
	STMT_ORG__MAX
};

static const char *const sql[STMT_ORG__MAX] = {
	[STMT_ORG_AGENCY_ADD] =
	    "INSERT IGNORE INTO agencies (name, region_code) VALUES (?, ?)",
	[STMT_ORG_AGENCY_GET] =
	    "SELECT id FROM agencies WHERE name = ? AND region_code = ?",
	[STMT_ORG_FI_ADD] =
	    "INSERT IGNORE INTO fis (name, region_code) VALUES (?, ?)",
	[STMT_ORG_FI_GET] =
	    "SELECT id FROM fis WHERE name = ? AND region_code = ?",
	[STMT_ORG_ENT_ADD] =
	    "INSERT IGNORE INTO enterprises (uscc, name, region_code) VALUES (?, ?, ?)",
	[STMT_ORG_ENT_GET] =
	    "SELECT id FROM enterprises WHERE uscc = ?",
	[STMT_ORG_OFFICE_OF] =
	    "SELECT office_id FROM regions WHERE code = ?",
};

static const struct db_module mod = { DBM_ORG, STMT_ORG__MAX, sql };

/* Runs `add` (unless -1) with ap[], then `get` with gp[]: the id. */
static enum err
ensure(struct db *db, int add, const struct db_param *ap, size_t nap, int get,
    const struct db_param *gp, size_t ngp, long long *id)
{
	struct arena	*a = arena_new(1024);
	struct db_rows	*rows;
	enum err	 rc;
	int		 n;

	if (a == NULL)
		return ERR_NOMEM;
	if (add >= 0 && (rc = db_exec(db, &mod, add, ap, nap, NULL, NULL)) != ERR_OK)
		goto out;
	if ((rc = db_query(db, a, &mod, get, gp, ngp, &rows)) != ERR_OK)
		goto out;
	if ((n = db_next(rows)) == 1)
		*id = db_col_int(rows, 0);
	else
		rc = n == 0 ? ERR_NOTFOUND : db_connected(db) ? ERR_DB : ERR_DB_LOST;
	db_rows_free(rows);
out:
	arena_free(a);
	return rc;
}

enum err
org_agency_ensure(struct db *db, const char *name, const char *region, long long *id)
{
	struct db_param p[] = { DB_STR(name), DB_STR(region) };

	return ensure(db, STMT_ORG_AGENCY_ADD, p, 2, STMT_ORG_AGENCY_GET, p, 2, id);
}

enum err
org_fi_ensure(struct db *db, const char *name, const char *region, long long *id)
{
	struct db_param p[] = { DB_STR(name), DB_STR(region) };

	return ensure(db, STMT_ORG_FI_ADD, p, 2, STMT_ORG_FI_GET, p, 2, id);
}

enum err
org_enterprise_ensure(struct db *db, const char *uscc, const char *name,
    const char *region, long long *id)
{
	struct db_param p[] = { DB_STR(uscc), DB_STR(name), DB_STR(region) };

	return ensure(db, STMT_ORG_ENT_ADD, p, 3, STMT_ORG_ENT_GET, p, 1, id);
}

enum err
org_office_of_region(struct db *db, const char *region, long long *id)
{
	struct db_param p[] = { DB_STR(region) };

	return ensure(db, -1, NULL, 0, STMT_ORG_OFFICE_OF, p, 1, id);
}
