/*
 * loan_stats.c -- the financing statistics of a period (loan_stats.h).
 *
 * One statement reads the period's applications within the scope, one
 * row each, ordered by group; the counts, sums and medians are taken here
 * in one pass (the medians need the values, which SQL's aggregates do not
 * give portably).
 */
#include <stdlib.h>
#include <string.h>

#include "db/db_region.h"
#include "finance/loan.h"
#include "finance/loan_stats.h"

enum { STMT_S_CITY, STMT_S_FI, STMT_S__MAX };

#define S_COLS(key, name) \
	"SELECT " key ", " name ", l.amount_wan, COALESCE(l.outcome, '')," \
	" COALESCE(l.approved_amount_wan, 0), l.status = 'disbursed'," \
	" COALESCE(l.disbursed_amount_wan, 0)," \
	" TIMESTAMPDIFF(SECOND, l.published_at, l.taken_at)," \
	" TIMESTAMPDIFF(SECOND, l.published_at, l.decided_at)" \
	" FROM loans l JOIN regions rg ON rg.code = l.region_code" \
	" LEFT JOIN fis f ON f.id = l.fi_id"

/* from, to; mode, region, region, fi */
#define S_WHERE \
	" WHERE l.status <> 'draft' AND l.published_at >= ? AND l.published_at < ?" \
	" AND (CASE ? WHEN 'all' THEN 1" \
	" WHEN 'region' THEN (? = '" REGION_PROVINCE "' OR l.region_code = ?)" \
	" WHEN 'fi' THEN l.fi_id = ? ELSE 0 END)"

static const char *const sql[STMT_S__MAX] = {
	[STMT_S_CITY] = S_COLS("l.region_code", "rg.name") S_WHERE
	    " ORDER BY l.region_code",
	[STMT_S_FI] = S_COLS("COALESCE(l.fi_id, 0)", "COALESCE(f.name, '')") S_WHERE
	    " ORDER BY COALESCE(l.fi_id, 0)",
};

static const struct db_module mod = { DBM_FINANCE_LOAN_STATS, STMT_S__MAX, sql };

static int
ll_cmp(const void *x, const void *y)
{
	long long a = *(const long long *)x, b = *(const long long *)y;

	return a < b ? -1 : a > b;
}

double
loan_stats_median(long long *v, size_t n)
{
	if (n == 0)
		return 0;
	qsort(v, n, sizeof *v, ll_cmp);
	if (n % 2 == 1)
		return (double)v[n / 2];
	return ((double)v[n / 2 - 1] + (double)v[n / 2]) / 2.0;
}

int
loan_stats_rate_pm(long long approved, long long decided)
{
	if (decided <= 0)
		return -1;
	return (int)((approved * 2000 + decided) / (2 * decided));
}

void
loan_stats_scale(long long max, long long *top, long long *step)
{
	long long p = 1;

	if (max <= 1) {
		*top = 1;
		*step = 1;
		return;
	}
	for (;;) {
		if (p >= max) {
			*top = p;
			*step = p / 5 > 0 ? p / 5 : 1;
			return;
		}
		if (2 * p >= max) {
			*top = 2 * p;
			*step = 2 * p / 4 > 0 ? 2 * p / 4 : 1;
			return;
		}
		if (5 * p >= max) {
			*top = 5 * p;
			*step = p;
			return;
		}
		p *= 10;
	}
}

int
loan_stats_bar(long long v, long long top, int width)
{
	long long w;

	if (v <= 0 || top <= 0 || width <= 0)
		return 0;
	if (v >= top)
		return width;
	w = (v * width * 2 + top) / (2 * top);
	return w < 1 ? 1 : (int)w;
}

/* The values of one group (or the total) being read. */
struct acc {
	long long	*take, *decide;
	size_t		 ntake, ndecide;
};

static void
finish(struct loan_stats_row *g, struct acc *c)
{
	g->taken = (long long)c->ntake;
	g->take_median_h = loan_stats_median(c->take, c->ntake) / 3600.0;
	g->decide_median_h = loan_stats_median(c->decide, c->ndecide) / 3600.0;
}

static void
add(struct loan_stats_row *g, struct acc *c, const struct db_rows *rows)
{
	bool approved = strcmp(db_col_str(rows, 3), "approved") == 0;
	bool decided = approved || strcmp(db_col_str(rows, 3), "declined") == 0;

	g->apps++;
	g->requested_wan += db_col_int(rows, 2);
	if (decided)
		g->decided++;
	if (approved) {
		g->approved++;
		g->approved_wan += db_col_int(rows, 4);
	}
	if (db_col_int(rows, 5) != 0) {
		g->disbursed++;
		g->disbursed_wan += db_col_int(rows, 6);
	}
	if (!db_col_null(rows, 7))
		c->take[c->ntake++] = db_col_int(rows, 7);
	if (decided && !db_col_null(rows, 8))
		c->decide[c->ndecide++] = db_col_int(rows, 8);
}

enum err
loan_stats_get(struct db *db, struct arena *a, const struct scope *sc,
    const char *from_utc, const char *to_utc, enum loan_stats_by by,
    struct loan_stats *out)
{
	struct db_param		 p[6];
	struct db_rows		*rows;
	struct acc		 all, grp;
	size_t			 cnt, cap = 0;
	enum err		 rc;
	int			 r;

	memset(out, 0, sizeof *out);
	out->total.key = out->total.name = "";
	p[0] = DB_STR(from_utc);
	p[1] = DB_STR(to_utc);
	p[2] = DB_STR(loan_scope_mode(sc));
	p[3] = DB_STR(sc->region);
	p[4] = DB_STR(sc->region);
	p[5] = DB_INT(sc->kind == SCOPE_SYSTEM ? 0 : sc->org_id);
	if ((rc = db_query(db, a, &mod, by == LSB_FI ? STMT_S_FI : STMT_S_CITY,
	    p, 6, &rows)) != ERR_OK)
		return rc;
	cnt = db_rows_count(rows);
	memset(&all, 0, sizeof all);
	memset(&grp, 0, sizeof grp);
	if ((all.take = arena_calloc(a, cnt + 1, sizeof *all.take)) == NULL ||
	    (all.decide = arena_calloc(a, cnt + 1, sizeof *all.decide)) == NULL ||
	    (grp.take = arena_calloc(a, cnt + 1, sizeof *grp.take)) == NULL ||
	    (grp.decide = arena_calloc(a, cnt + 1, sizeof *grp.decide)) == NULL) {
		db_rows_free(rows);
		return ERR_NOMEM;
	}
	while ((r = db_next(rows)) == 1) {
		const char		*key = db_col_str(rows, 0);
		struct loan_stats_row	*g;

		if (key == NULL)
			key = "";
		if (out->n == 0 || strcmp(out->v[out->n - 1].key, key) != 0) {
			if (out->n == cap) {
				size_t			 ncap = cap == 0 ? 32 : 2 * cap;
				struct loan_stats_row	*nv;

				if ((nv = arena_calloc(a, ncap, sizeof *nv)) == NULL) {
					db_rows_free(rows);
					memset(out, 0, sizeof *out);
					return ERR_NOMEM;
				}
				if (out->n > 0)
					memcpy(nv, out->v, out->n * sizeof *nv);
				out->v = nv;
				cap = ncap;
			}
			if (out->n > 0)
				finish(&out->v[out->n - 1], &grp);
			grp.ntake = grp.ndecide = 0;
			g = &out->v[out->n++];
			memset(g, 0, sizeof *g);
			g->key = arena_strdup(a, key);
			g->name = db_col_text(rows, a, 1);
			if (g->key == NULL) {
				db_rows_free(rows);
				memset(out, 0, sizeof *out);
				return ERR_NOMEM;
			}
		}
		g = &out->v[out->n - 1];
		add(g, &grp, rows);
		add(&out->total, &all, rows);
	}
	db_rows_free(rows);
	if (r == -1) {
		memset(out, 0, sizeof *out);
		return db_rows_error(db);
	}
	if (out->n > 0)
		finish(&out->v[out->n - 1], &grp);
	finish(&out->total, &all);
	return ERR_OK;
}
