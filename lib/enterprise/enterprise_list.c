/*
 * enterprise_list.c -- the SQL of the operators' enterprise pages.
 *
 * The filters are bound as parameters with an "off" value, e.g.
 * "(? = 0 OR e.late_changes > 0)".  MariaDB optimises a prepared
 * statement again at every execution with the bound values, so an
 * "off" filter folds away and the scope becomes a plain
 * "region_code = ?" on its index (checked with EXPLAIN on 10.11).  The
 * statements that need another index or order are separate entries.
 *
 * Indexes (schema/004_enterprise_list.sql): region_code (with the
 * primary key: newest first per city), (region_code, name) (a name
 * search scans this, not the rows), (region_code, late_changes),
 * (region_code, profile_complete) and the same without the region for
 * the province.  enterprises.profile_complete is a stored generated
 * column: the same rule as ent_fields[].supplementary in enterprise.c.
 */
#include <stdio.h>
#include <string.h>

#include "db/db_region.h"
#include "enterprise/enterprise_list.h"

enum {
	STMT_ENTLIST_COUNT,
	STMT_ENTLIST_BY_ID,
	STMT_ENTLIST_BY_USCC,
	STMT_ENTLIST_USERS,
	STMT_ENTLIST_LATE_COUNT,
	STMT_ENTLIST_LATE,
	STMT_ENTLIST_COUNT_GRAM,
	STMT_ENTLIST_BY_GRAM,
	STMT_ENTLIST_GRAM_STATS,
	STMT_ENTLIST_GRAM_IDS,
	STMT_ENTLIST_COUNT_IDS,
	STMT_ENTLIST_BY_IDS,
	STMT_ENTLIST_STATS_CLEAR,
	STMT_ENTLIST_STATS_FILL,
	STMT_ENTLIST__MAX
};

/* ENTLIST_COUNT_CAP + 1: LIMIT takes no expression. */
#define COUNT_LIMIT	" LIMIT 1001"

#define REGISTERED \
	"EXISTS (SELECT 1 FROM users u WHERE u.org_kind = 'enterprise' AND u.org_id = e.id)"

/* Parameters, in order: scope x2, uscc prefix x2 (LIKE pattern), name x2
 * (LIKE pattern), late, complete x2, registered x2. */
#define ENTLIST_WHERE \
	" WHERE" REGION_SCOPE("e.region_code") \
	" AND (? = '' OR e.uscc LIKE ?)" \
	" AND (? = '' OR e.name LIKE ?)" \
	" AND (? = 0 OR e.late_changes > 0)" \
	" AND (? = -1 OR e.profile_complete = ?)" \
	" AND (? <> 1 OR " REGISTERED ")" \
	" AND (? <> 0 OR NOT " REGISTERED ")"
#define ENTLIST_NPARAMS	11

/* The region's name by a subquery, not a join: with a join the optimiser
 * may start from regions and sort every enterprise of the province. */
#define ENTLIST_SELECT \
	" e.id, e.uscc, e.name, e.region_code," \
	" (SELECT r.name FROM regions r WHERE r.code = e.region_code)," \
	" e.late_changes, e.profile_complete, " REGISTERED
#define ENTLIST_COLS "SELECT" ENTLIST_SELECT " FROM enterprises e"
/* The trigram search joins in this order (STRAIGHT_JOIN): the rarer
 * trigram's index range, a probe of the other, then the enterprise row,
 * so only names holding both are read. */
#define GRAM_FROM \
	" FROM enterprise_name_grams g" \
	" JOIN enterprise_name_grams g2 ON g2.enterprise_id = g.enterprise_id" \
	" JOIN enterprises e ON e.id = g.enterprise_id"

/* The candidates of a name search as a JSON array of ids (the first
 * parameter), each read by its primary key. */
#define IDS_FROM \
	" FROM JSON_TABLE(?, '$[*]' COLUMNS (id BIGINT UNSIGNED PATH '$')) j" \
	" JOIN enterprises e ON e.id = j.id"

/* Trigrams of a query looked up in the statistics: one row, a column
 * each, in the order asked (NULL: not counted yet). */
#define GRAMS_ASKED	16
#define GRAM_N	"(SELECT n FROM enterprise_name_gram_stats WHERE gram = ?)"
#define GRAM_N4	GRAM_N ", " GRAM_N ", " GRAM_N ", " GRAM_N
/* Ids read from one trigram's posting list; a longer list sends the
 * search to the join in SQL (GRAM_FROM). */
#define GRAM_IDS_MAX	5000

/* Parameters: scope x2. */
#define LATE_FROM \
	" FROM enterprise_changes c JOIN enterprises e ON e.id = c.enterprise_id" \
	" WHERE c.late = 1 AND" REGION_SCOPE("e.region_code")

static const char *const sql[STMT_ENTLIST__MAX] = {
	/* counting stops after the cap: one row more says "more than" */
	[STMT_ENTLIST_COUNT] =
	    "SELECT COUNT(*) FROM (SELECT 1 FROM enterprises e" ENTLIST_WHERE
	    COUNT_LIMIT ") t",
	[STMT_ENTLIST_BY_ID] =
	    ENTLIST_COLS ENTLIST_WHERE " ORDER BY e.id DESC LIMIT ? OFFSET ?",
	[STMT_ENTLIST_BY_USCC] =
	    ENTLIST_COLS ENTLIST_WHERE " ORDER BY e.uscc LIMIT ? OFFSET ?",
	[STMT_ENTLIST_USERS] =
	    "SELECT id, username, status FROM users"
	    " WHERE org_kind = 'enterprise' AND org_id = ? ORDER BY id LIMIT ?",
	[STMT_ENTLIST_LATE_COUNT] =
	    "SELECT COUNT(*) FROM (SELECT 1" LATE_FROM COUNT_LIMIT ") t",
	/* days: from the day it happened to the Beijing day it was entered */
	[STMT_ENTLIST_LATE] =
	    "SELECT c.id, e.id, e.uscc, e.name, e.region_code, c.field,"
	    " c.old_value, c.new_value, c.sealed,"
	    " DATE_FORMAT(c.changed_on, '%Y-%m-%d'),"
	    " DATE_FORMAT(c.entered_at, '%Y-%m-%d %H:%i:%s'),"
	    " DATEDIFF(DATE(c.entered_at + INTERVAL 8 HOUR), c.changed_on)"
	    LATE_FROM " ORDER BY c.entered_at DESC, c.id DESC LIMIT ? OFFSET ?",
	/* Search by part of a name: candidates from the name's trigram index
	 * (schema/006), those holding the two rarest trigrams of q (an index
	 * probe each); the LIKE in the WHERE still decides.  Newest first
	 * along the index: no sort, no scan of the table.  Used when the
	 * rarest trigram has more than GRAM_IDS_MAX names (below: the
	 * posting lists intersected in the worker). */
	[STMT_ENTLIST_COUNT_GRAM] =
	    "SELECT COUNT(*) FROM (SELECT STRAIGHT_JOIN 1" GRAM_FROM
	    ENTLIST_WHERE " AND g.gram = ? AND g2.gram = ?" COUNT_LIMIT ") t",
	[STMT_ENTLIST_BY_GRAM] =
	    "SELECT STRAIGHT_JOIN" ENTLIST_SELECT GRAM_FROM
	    ENTLIST_WHERE " AND g.gram = ? AND g2.gram = ?"
	    " ORDER BY g.enterprise_id DESC LIMIT ? OFFSET ?",
	/* The same search with trigram statistics (schema/011): the two
	 * rarest trigrams' posting lists are read whole (an index range
	 * each) and intersected in the worker; only the names in both are
	 * read, by primary key.  The work follows the rare trigrams' lists,
	 * not the table: a probe per list entry (GRAM_FROM) cost ~4 us, a
	 * list entry read in order well under 1 us. */
	[STMT_ENTLIST_GRAM_STATS] =
	    "SELECT " GRAM_N4 ", " GRAM_N4 ", " GRAM_N4 ", " GRAM_N4,
	[STMT_ENTLIST_GRAM_IDS] =
	    "SELECT enterprise_id FROM enterprise_name_grams WHERE gram = ?"
	    " ORDER BY enterprise_id DESC LIMIT ?",
	[STMT_ENTLIST_COUNT_IDS] =
	    "SELECT COUNT(*) FROM (SELECT STRAIGHT_JOIN 1" IDS_FROM ENTLIST_WHERE
	    COUNT_LIMIT ") t",
	[STMT_ENTLIST_BY_IDS] =
	    "SELECT STRAIGHT_JOIN" ENTLIST_SELECT IDS_FROM ENTLIST_WHERE
	    " ORDER BY e.id DESC LIMIT ? OFFSET ?",
	[STMT_ENTLIST_STATS_CLEAR] = "DELETE FROM enterprise_name_gram_stats",
	[STMT_ENTLIST_STATS_FILL] =
	    "INSERT INTO enterprise_name_gram_stats (gram, n)"
	    " SELECT gram, COUNT(*) FROM enterprise_name_grams GROUP BY gram",
};

static const struct db_module mod = { DBM_ENTLIST, STMT_ENTLIST__MAX, sql };

static const char *
nz(const char *s)
{
	return s != NULL ? s : "";
}

bool
entlist_q_is_uscc(const char *q)
{
	size_t n = strlen(nz(q));

	if (n < 2 || n > 18 || q[0] < '0' || q[0] > '9')
		return false;
	for (size_t i = 0; i < n; i++)
		if (!((q[i] >= '0' && q[i] <= '9') || (q[i] >= 'A' && q[i] <= 'Z') ||
		    (q[i] >= 'a' && q[i] <= 'z')))
			return false;
	return true;
}

/* Runs a capped COUNT statement: total and capped. */
static enum err
count_capped(struct db *db, struct arena *a, int stmt, const struct db_param *p,
    size_t np, long long *total, bool *capped)
{
	struct db_rows	*rows;
	enum err	 rc;
	int		 n;

	if ((rc = db_query(db, a, &mod, stmt, p, np, &rows)) != ERR_OK)
		return rc;
	if ((n = db_next(rows)) == -1)
		return db_rows_error(db);
	*total = n == 1 ? db_col_int(rows, 0) : 0;
	db_rows_free(rows);
	*capped = *total > ENTLIST_COUNT_CAP;
	if (*capped)
		*total = ENTLIST_COUNT_CAP;
	return ERR_OK;
}

/* The two trigrams of q with the fewest names by the statistics (the
 * same one twice when q has only one), into g1 and g2, and the count of
 * g1 in *n1; false when q has fewer than three characters or on a
 * database error (the caller falls back to LIKE).  A trigram the
 * statistics do not know yet counts 0: it is new, so rare.  Of a long q,
 * GRAMS_ASKED trigrams spread over it are asked. */
static bool
rarest_grams(struct db *db, struct arena *a, const char *q, char *g1, char *g2,
    size_t len, long long *n1)
{
	struct db_param	 p[GRAMS_ASKED];
	struct db_rows	*rows;
	size_t		 starts[64], n = 0, ngram, asked, b1 = 0, b2 = 0;
	long long	 c1 = -1, c2 = -1;
	const char	*s = q;

	g1[0] = g2[0] = '\0';
	for (; *s != '\0' && n < 64; s++)
		if (((unsigned char)*s & 0xc0) != 0x80)
			starts[n++] = (size_t)(s - q);
	if (n < 3)
		return false;
	ngram = n - 2;
	asked = ngram < GRAMS_ASKED ? ngram : GRAMS_ASKED;
	for (size_t i = 0; i < GRAMS_ASKED; i++) {
		/* spread over q; the last one repeated to fill the list */
		size_t k = (i < asked ? i : asked - 1) * ngram / asked;
		size_t end = k + 3 < n ? starts[k + 3] : strlen(q);

		if (end - starts[k] + 1 > len)
			return false;
		p[i] = DB_STRN(q + starts[k], end - starts[k]);
	}
	if (db_query(db, a, &mod, STMT_ENTLIST_GRAM_STATS, p, GRAMS_ASKED,
	    &rows) != ERR_OK || db_next(rows) != 1)
		return false;
	for (size_t i = 0; i < asked; i++) {
		long long c = db_col_null(rows, (unsigned)i) ? 0 :
		    db_col_int(rows, (unsigned)i);

		if (c1 == -1 || c < c1) {
			c2 = c1;
			b2 = b1;
			c1 = c;
			b1 = i;
		} else if (c2 == -1 || c < c2) {
			c2 = c;
			b2 = i;
		}
	}
	db_rows_free(rows);
	if (c2 == -1)
		b2 = b1;
	memcpy(g1, p[b1].s, p[b1].len);
	g1[p[b1].len] = '\0';
	memcpy(g2, p[b2].s, p[b2].len);
	g2[p[b2].len] = '\0';
	*n1 = c1;
	return true;
}

/* Gram g's posting list, newest first, into *v (in `a`): ERR_OK, or
 * ERR_TOOBIG when it holds more than GRAM_IDS_MAX names. */
static enum err
gram_ids(struct db *db, struct arena *a, const char *g, long long **v,
    size_t *n)
{
	struct db_param	 p[] = { DB_STR(g), DB_INT(GRAM_IDS_MAX + 1) };
	struct db_rows	*rows;
	enum err	 rc;
	int		 k = 0;

	*n = 0;
	if ((*v = arena_calloc(a, GRAM_IDS_MAX + 1, sizeof **v)) == NULL)
		return ERR_NOMEM;
	if ((rc = db_query(db, a, &mod, STMT_ENTLIST_GRAM_IDS, p, 2, &rows)) != ERR_OK)
		return rc;
	while ((k = db_next(rows)) == 1)
		(*v)[(*n)++] = db_col_int(rows, 0);
	if (k == -1)
		return db_rows_error(db);
	return *n > GRAM_IDS_MAX ? ERR_TOOBIG : ERR_OK;
}

/* The ids in both lists (each newest first) as a JSON array, in `a`;
 * *none when there are none.  NULL on OOM. */
static char *
intersect_json(struct arena *a, const long long *x, size_t nx,
    const long long *y, size_t ny, bool *none)
{
	size_t	 i = 0, j = 0, k = 0, cap = 2 + 21 * (nx < ny ? nx : ny) + 1;
	char	*out = arena_alloc(a, cap);

	if (out == NULL)
		return NULL;
	out[k++] = '[';
	while (i < nx && j < ny) {
		if (x[i] > y[j])
			i++;
		else if (x[i] < y[j])
			j++;
		else {
			k += (size_t)snprintf(out + k, cap - k, "%s%lld",
			    out[k - 1] == '[' ? "" : ",", x[i]);
			i++;
			j++;
		}
	}
	*none = out[k - 1] == '[';
	out[k++] = ']';
	out[k] = '\0';
	return out;
}

static enum err	read_page(struct db *, struct arena *, int,
		    const struct db_param *, size_t, size_t, struct entlist *);

/* The name search by trigram statistics: p holds the ENTLIST_NPARAMS
 * filter parameters.  ERR_TOOBIG when a posting list is longer than
 * GRAM_IDS_MAX (the statistics are behind). */
static enum err
search_by_ids(struct db *db, struct arena *a, const struct db_param *p,
    const char *g1, const char *g2, size_t page, size_t per,
    struct entlist *out)
{
	struct db_param	 q[1 + ENTLIST_NPARAMS + 2];
	long long	*x, *y;
	size_t		 nx, ny;
	const char	*json;
	bool		 none;
	enum err	 rc;

	if ((rc = gram_ids(db, a, g1, &x, &nx)) != ERR_OK)
		return rc;
	if (strcmp(g1, g2) == 0) {
		y = x;
		ny = nx;
	} else if ((rc = gram_ids(db, a, g2, &y, &ny)) != ERR_OK)
		return rc;
	if ((json = intersect_json(a, x, nx, y, ny, &none)) == NULL)
		return ERR_NOMEM;
	if (none)
		return (out->v = arena_calloc(a, 1, sizeof *out->v)) == NULL ?
		    ERR_NOMEM : ERR_OK;
	q[0] = DB_STR(json);
	memcpy(&q[1], p, ENTLIST_NPARAMS * sizeof *p);
	if ((rc = count_capped(db, a, STMT_ENTLIST_COUNT_IDS, q,
	    1 + ENTLIST_NPARAMS, &out->total, &out->capped)) != ERR_OK)
		return rc;
	q[1 + ENTLIST_NPARAMS] = DB_INT(per + 1);
	q[2 + ENTLIST_NPARAMS] = DB_INT(page * per);
	return read_page(db, a, STMT_ENTLIST_BY_IDS, q, 3 + ENTLIST_NPARAMS,
	    per, out);
}

enum err
entlist_search(struct db *db, struct arena *a, const struct entlist_filter *f,
    size_t page, size_t per, struct entlist *out)
{
	struct db_param	 p[ENTLIST_NPARAMS + 4];
	char		 gram[16], gram2[16];
	long long	 n1 = 0;
	bool		 by_gram = false;
	size_t		 np = ENTLIST_NPARAMS;
	const char	*q = nz(f->q), *uscc = "", *uscc_like = "", *name = "",
			*name_like = "";
	bool		 by_uscc = entlist_q_is_uscc(q);
	enum err	 rc;

	memset(out, 0, sizeof *out);
	if (by_uscc) {
		char *u = arena_strdup(a, q);

		if (u == NULL)
			return ERR_NOMEM;
		for (char *c = u; *c != '\0'; c++)
			if (*c >= 'a' && *c <= 'z')
				*c = (char)(*c - 'a' + 'A');
		uscc = u;
		/* 18 characters: the prefix is the whole code, an exact match */
		if ((uscc_like = db_like(a, "", u, "%")) == NULL)
			return ERR_NOMEM;
	} else if (*q != '\0') {
		name = q;
		if ((name_like = db_like(a, "%", q, "%")) == NULL)
			return ERR_NOMEM;
	}
	p[0] = DB_STR(nz(f->scope));
	p[1] = DB_STR(nz(f->scope));
	p[2] = DB_STR(uscc);
	p[3] = DB_STR(uscc_like);
	p[4] = DB_STR(name);
	p[5] = DB_STR(name_like);
	p[6] = DB_INT(f->late ? 1 : 0);
	p[7] = DB_INT(f->complete);
	p[8] = DB_INT(f->complete);
	p[9] = DB_INT(f->registered);
	p[10] = DB_INT(f->registered);
	if (*name != '\0' &&
	    rarest_grams(db, a, name, gram, gram2, sizeof gram, &n1)) {
		if (n1 <= GRAM_IDS_MAX &&
		    (rc = search_by_ids(db, a, p, gram, gram2, page, per,
		    out)) != ERR_TOOBIG)
			return rc;
		/* a list longer than the statistics said: the join in SQL */
		memset(out, 0, sizeof *out);
		by_gram = true;
		p[np++] = DB_STR(gram);
		p[np++] = DB_STR(gram2);
	}
	if ((rc = count_capped(db, a, by_gram ? STMT_ENTLIST_COUNT_GRAM :
	    STMT_ENTLIST_COUNT, p, np, &out->total, &out->capped)) != ERR_OK)
		return rc;

	/* one row more than a page says whether a next page exists */
	p[np] = DB_INT(per + 1);
	p[np + 1] = DB_INT(page * per);
	return read_page(db, a, by_gram ? STMT_ENTLIST_BY_GRAM :
	    by_uscc ? STMT_ENTLIST_BY_USCC : STMT_ENTLIST_BY_ID, p, np + 2,
	    per, out);
}

/* One page of a list statement's rows (at most per, and whether there
 * are more) into out. */
static enum err
read_page(struct db *db, struct arena *a, int stmt, const struct db_param *p,
    size_t np, size_t per, struct entlist *out)
{
	struct db_rows	*rows;
	enum err	 rc;
	int		 n;

	if ((out->v = arena_calloc(a, per + 1, sizeof *out->v)) == NULL)
		return ERR_NOMEM;
	if ((rc = db_query(db, a, &mod, stmt, p, np, &rows)) != ERR_OK)
		return rc;
	while ((n = db_next(rows)) == 1) {
		struct entlist_row *e = &out->v[out->n];

		if (out->n == per) {
			out->more = true;
			continue;
		}
		e->id = db_col_int(rows, 0);
		e->uscc = db_col_dup(rows, a, 1);
		e->name = db_col_dup(rows, a, 2);
		e->region = db_col_dup(rows, a, 3);
		e->region_name = db_col_dup(rows, a, 4);
		e->late_changes = (unsigned)db_col_int(rows, 5);
		e->complete = db_col_int(rows, 6) != 0;
		e->registered = db_col_int(rows, 7) != 0;
		if (e->uscc == NULL || e->name == NULL || e->region == NULL ||
		    e->region_name == NULL) {
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

enum err
entlist_users(struct db *db, struct arena *a, long long id, size_t max,
    struct entlist_user **v, size_t *n)
{
	struct db_param	 p[] = { DB_INT(id), DB_INT((long long)max) };
	struct db_rows	*rows;
	enum err	 rc;
	int		 k = 0;

	*n = 0;
	if ((*v = arena_calloc(a, max + 1, sizeof **v)) == NULL)
		return ERR_NOMEM;
	if ((rc = db_query(db, a, &mod, STMT_ENTLIST_USERS, p, 2, &rows)) != ERR_OK)
		return rc;
	while (*n < max && (k = db_next(rows)) == 1) {
		struct entlist_user *u = &(*v)[*n];

		u->id = db_col_int(rows, 0);
		if ((u->username = db_col_dup(rows, a, 1)) == NULL ||
		    (u->status = db_col_dup(rows, a, 2)) == NULL) {
			db_rows_free(rows);
			*n = 0;
			return ERR_NOMEM;
		}
		(*n)++;
	}
	if (k == -1) {
		*n = 0;
		return db_rows_error(db);
	}
	db_rows_free(rows);
	return ERR_OK;
}

/* The current row of STMT_ENTLIST_LATE, strings borrowed from rows. */
static void
late_peek(const struct db_rows *r, struct entlist_late *o)
{
	bool sealed = db_col_int(r, 8) != 0;

	o->change_id = db_col_int(r, 0);
	o->ent_id = db_col_int(r, 1);
	o->uscc = nz(db_col_str(r, 2));
	o->name = nz(db_col_str(r, 3));
	o->region = nz(db_col_str(r, 4));
	o->field = nz(db_col_str(r, 5));
	/* sealed values never leave sealed, as in enterprise_history */
	o->old_value = sealed ? (*nz(db_col_str(r, 6)) ? "******" : "") : nz(db_col_str(r, 6));
	o->new_value = sealed ? (*nz(db_col_str(r, 7)) ? "******" : "") : nz(db_col_str(r, 7));
	o->changed_on = nz(db_col_str(r, 9));
	o->entered_at = nz(db_col_str(r, 10));
	o->days = (int)db_col_int(r, 11);
}

static int
late_copy(const struct db_rows *r, struct arena *a, struct entlist_late *o)
{
	const char **s[] = { &o->uscc, &o->name, &o->region, &o->field,
	    &o->old_value, &o->new_value, &o->changed_on, &o->entered_at };

	late_peek(r, o);
	for (size_t i = 0; i < sizeof s / sizeof s[0]; i++)
		if ((*s[i] = arena_strdup(a, *s[i])) == NULL)
			return -1;
	return 0;
}

enum err
entlist_late_search(struct db *db, struct arena *a, const char *scope,
    size_t page, size_t per, struct entlist_late_list *out)
{
	struct db_param	 p[] = { DB_STR(nz(scope)), DB_STR(nz(scope)),
	    DB_INT(per + 1), DB_INT(page * per) };
	struct db_rows	*rows;
	enum err	 rc;
	int		 n = 0;

	memset(out, 0, sizeof *out);
	if ((rc = count_capped(db, a, STMT_ENTLIST_LATE_COUNT, p, 2, &out->total,
	    &out->capped)) != ERR_OK)
		return rc;
	if ((out->v = arena_calloc(a, per + 1, sizeof *out->v)) == NULL)
		return ERR_NOMEM;
	if ((rc = db_query(db, a, &mod, STMT_ENTLIST_LATE, p, 4, &rows)) != ERR_OK)
		return rc;
	while ((n = db_next(rows)) == 1) {
		if (out->n == per) {
			out->more = true;
			continue;
		}
		if (late_copy(rows, a, &out->v[out->n]) == -1) {
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

enum err
entlist_late_each(struct db *db, struct arena *a, const char *scope, size_t max,
    int (*fn)(void *, const struct entlist_late *), void *arg, size_t *n)
{
	struct db_param	 p[] = { DB_STR(nz(scope)), DB_STR(nz(scope)),
	    DB_INT((long long)max), DB_INT(0) };
	struct db_rows	*rows;
	struct entlist_late l;
	enum err	 rc;
	int		 k = 0;

	*n = 0;
	if ((rc = db_query(db, a, &mod, STMT_ENTLIST_LATE, p, 4, &rows)) != ERR_OK)
		return rc;
	while (*n < max && (k = db_next(rows)) == 1) {
		late_peek(rows, &l);
		if (fn(arg, &l) == -1) {
			db_rows_free(rows);
			return ERR_NOMEM;
		}
		(*n)++;
	}
	if (k == -1)
		return db_rows_error(db);
	db_rows_free(rows);
	return ERR_OK;
}

static enum err
stats_body(struct db *db, struct arena *a, void *ctx)
{
	enum err rc;

	(void)a;
	if ((rc = db_exec(db, &mod, STMT_ENTLIST_STATS_CLEAR, NULL, 0, NULL,
	    NULL)) != ERR_OK)
		return rc;
	return db_exec(db, &mod, STMT_ENTLIST_STATS_FILL, NULL, 0, ctx, NULL);
}

enum err
entlist_gram_stats_refresh(struct db *db, unsigned long long *grams)
{
	/* one transaction: searches read the old counts until the commit */
	return db_tx(db, 0, stats_body, grams);
}
