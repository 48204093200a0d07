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

#include "enterprise_list.h"

enum {
	STMT_ENTLIST_COUNT,
	STMT_ENTLIST_BY_ID,
	STMT_ENTLIST_BY_USCC,
	STMT_ENTLIST_USERS,
	STMT_ENTLIST_LATE_COUNT,
	STMT_ENTLIST_LATE,
	STMT_ENTLIST_GRAM_FREQ,
	STMT_ENTLIST_COUNT_GRAM,
	STMT_ENTLIST_BY_GRAM,
	STMT_ENTLIST__MAX
};

/* ENTLIST_COUNT_CAP + 1: LIMIT takes no expression. */
#define COUNT_LIMIT	" LIMIT 1001"

#define REGISTERED \
	"EXISTS (SELECT 1 FROM users u WHERE u.org_kind = 'enterprise' AND u.org_id = e.id)"

/* Parameters, in order: scope x2, uscc prefix x2 (LIKE pattern), name x2
 * (LIKE pattern), late, complete x2, registered x2. */
#define ENTLIST_WHERE \
	" WHERE (? = '440000' OR e.region_code = ?)" \
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

/* Parameters: scope x2. */
#define LATE_FROM \
	" FROM enterprise_changes c JOIN enterprises e ON e.id = c.enterprise_id" \
	" WHERE c.late = 1 AND (? = '440000' OR e.region_code = ?)"

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
	 * along the index: no sort, no scan of the table. */
	[STMT_ENTLIST_GRAM_FREQ] =
	    "SELECT COUNT(*) FROM (SELECT 1 FROM enterprise_name_grams"
	    " WHERE gram = ? LIMIT 1000) t",
	[STMT_ENTLIST_COUNT_GRAM] =
	    "SELECT COUNT(*) FROM (SELECT STRAIGHT_JOIN 1" GRAM_FROM
	    ENTLIST_WHERE " AND g.gram = ? AND g2.gram = ?" COUNT_LIMIT ") t",
	[STMT_ENTLIST_BY_GRAM] =
	    "SELECT STRAIGHT_JOIN" ENTLIST_SELECT GRAM_FROM
	    ENTLIST_WHERE " AND g.gram = ? AND g2.gram = ?"
	    " ORDER BY g.enterprise_id DESC LIMIT ? OFFSET ?",
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

/* s with LIKE's own characters taken literally, between `pre` and `post`
 * ("%" or ""), in `a`; NULL on OOM. */
static char *
like_pattern(struct arena *a, const char *pre, const char *s, const char *post)
{
	size_t	 n = strlen(s), j = 0;
	char	*out = arena_alloc(a, 2 * n + 3);

	if (out == NULL)
		return NULL;
	if (*pre != '\0')
		out[j++] = *pre;
	for (size_t i = 0; i < n; i++) {
		if (s[i] == '%' || s[i] == '_' || s[i] == '\\')
			out[j++] = '\\';
		out[j++] = s[i];
	}
	if (*post != '\0')
		out[j++] = *post;
	out[j] = '\0';
	return out;
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

/* The two trigrams of q with the fewest names (the same one twice when q
 * has only one), into g1 and g2; false when q has fewer than three
 * characters. */
static bool
rarest_grams(struct db *db, struct arena *a, const char *q, char *g1, char *g2,
    size_t len)
{
	size_t		 starts[64], n = 0, c1 = (size_t)-1, c2 = (size_t)-1;
	const char	*p = q;

	g1[0] = g2[0] = '\0';
	for (; *p != '\0' && n < 64; p++)
		if (((unsigned char)*p & 0xc0) != 0x80)
			starts[n++] = (size_t)(p - q);
	if (n < 3)
		return false;
	for (size_t i = 0; i + 2 < n; i++) {
		size_t		 end = i + 3 < n ? starts[i + 3] : strlen(q);
		size_t		 glen = end - starts[i];
		struct db_param	 pp[1] = { DB_STRN(q + starts[i], glen) };
		struct db_rows	*rows;
		size_t		 c;

		if (glen + 1 > len ||
		    db_query(db, a, &mod, STMT_ENTLIST_GRAM_FREQ, pp, 1, &rows) != ERR_OK)
			return false;
		c = db_next(rows) == 1 ? (size_t)db_col_int(rows, 0) : 0;
		db_rows_free(rows);
		if (c < c1) {
			c2 = c1;
			memcpy(g2, g1, len);
			c1 = c;
			memcpy(g1, q + starts[i], glen);
			g1[glen] = '\0';
		} else if (c < c2) {
			c2 = c;
			memcpy(g2, q + starts[i], glen);
			g2[glen] = '\0';
		}
	}
	if (g2[0] == '\0')
		memcpy(g2, g1, len);
	return true;
}

enum err
entlist_search(struct db *db, struct arena *a, const struct entlist_filter *f,
    size_t page, size_t per, struct entlist *out)
{
	struct db_param	 p[ENTLIST_NPARAMS + 4];
	struct db_rows	*rows;
	char		 gram[16], gram2[16];
	bool		 by_gram = false;
	size_t		 np = ENTLIST_NPARAMS;
	const char	*q = nz(f->q), *uscc = "", *uscc_like = "", *name = "",
			*name_like = "";
	bool		 by_uscc = entlist_q_is_uscc(q);
	enum err	 rc;
	int		 n = 0;

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
		if ((uscc_like = like_pattern(a, "", u, "%")) == NULL)
			return ERR_NOMEM;
	} else if (*q != '\0') {
		name = q;
		if ((name_like = like_pattern(a, "%", q, "%")) == NULL)
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
	if (*name != '\0' && rarest_grams(db, a, name, gram, gram2, sizeof gram)) {
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
	if ((out->v = arena_calloc(a, per + 1, sizeof *out->v)) == NULL)
		return ERR_NOMEM;
	if ((rc = db_query(db, a, &mod, by_gram ? STMT_ENTLIST_BY_GRAM :
	    by_uscc ? STMT_ENTLIST_BY_USCC : STMT_ENTLIST_BY_ID, p, np + 2,
	    &rows)) != ERR_OK)
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
