/*
 * db_region.c -- the SQL of the regions and offices tables.
 */
#include <ctype.h>
#include <string.h>

#include "db/db_region.h"

enum {
	STMT_REGION_LIST,
	STMT_REGION__MAX
};

static const char *const sql[STMT_REGION__MAX] = {
	[STMT_REGION_LIST] =
	    "SELECT r.code, r.name, o.name, o.address, o.phone"
	    " FROM regions r JOIN offices o ON o.id = r.office_id"
	    " ORDER BY r.code",
};

static const struct db_module mod = { DBM_REGION, STMT_REGION__MAX, sql };

#define REGIONS_MAX	64
#define REGION_ARENA	4096

static enum err
load(struct db *db, struct arena *a, struct region **out, size_t *n)
{
	struct db_rows	*rows;
	struct region	*v;
	size_t		 i = 0;
	enum err	 rc;
	int		 r = 0;

	if ((rc = db_query(db, a, &mod, STMT_REGION_LIST, NULL, 0, &rows)) != ERR_OK)
		return rc;
	if ((v = arena_calloc(a, REGIONS_MAX, sizeof *v)) == NULL)
		return ERR_NOMEM;
	while (i < REGIONS_MAX && (r = db_next(rows)) == 1) {
		v[i].code = db_col_dup(rows, a, 0);
		v[i].name = db_col_dup(rows, a, 1);
		v[i].office = db_col_dup(rows, a, 2);
		v[i].office_address = db_col_dup(rows, a, 3);
		v[i].office_phone = db_col_dup(rows, a, 4);
		if (v[i].code == NULL || v[i].name == NULL || v[i].office == NULL ||
		    v[i].office_address == NULL || v[i].office_phone == NULL)
			return ERR_NOMEM;
		v[i].province = strcmp(v[i].code, REGION_PROVINCE) == 0;
		i++;
	}
	/* Closed now, not when the cache's arena goes. */
	db_rows_free(rows);
	if (i < REGIONS_MAX && r == -1)
		return db_connected(db) ? ERR_DB : ERR_DB_LOST;
	*out = v;
	*n = i;
	return ERR_OK;
}

enum err
db_region_list(struct db *db, struct region_cache *c,
    const struct region **out, size_t *n)
{
	struct timespec	 now;
	struct arena	*a;
	struct region	*v;
	size_t		 m;
	enum err	 rc;

	clock_gettime(CLOCK_MONOTONIC, &now);
	if (c->a != NULL && now.tv_sec - c->loaded.tv_sec < REGION_CACHE_SECONDS) {
		*out = c->v;
		*n = c->n;
		return ERR_OK;
	}
	/* A fresh arena, so that the old copy stays usable until the new
	 * one is complete (a failed read keeps it for the next try). */
	if ((a = arena_new(REGION_ARENA)) == NULL)
		return ERR_NOMEM;
	if ((rc = load(db, a, &v, &m)) != ERR_OK) {
		arena_free(a);
		return rc;
	}
	region_cache_clear(c);
	c->a = a;
	c->v = v;
	c->n = m;
	c->loaded = now;
	*out = v;
	*n = m;
	return ERR_OK;
}

void
region_cache_clear(struct region_cache *c)
{
	arena_free(c->a);
	memset(c, 0, sizeof *c);
}

bool
region_code_valid(const char *code)
{
	if (strlen(code) != 6)
		return false;
	for (int i = 0; i < 6; i++)
		if (!isdigit((unsigned char)code[i]))
			return false;
	return true;
}
