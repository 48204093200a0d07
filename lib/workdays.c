/*
 * workdays.c -- working days from a calendar of exceptions, and the SQL
 * of the calendar_days table.
 */
#include <stdbool.h>
#include <string.h>

#include "workdays.h"

enum {
	STMT_CAL_LOAD,
	STMT_CAL__MAX
};

static const char *const sql[STMT_CAL__MAX] = {
	/* A range on the primary key, not YEAR(day), so the index serves it. */
	[STMT_CAL_LOAD] =
	    "SELECT YEAR(day), MONTH(day), DAYOFMONTH(day), kind = 'holiday'"
	    " FROM calendar_days WHERE day >= MAKEDATE(?, 1) AND day < MAKEDATE(?, 1)"
	    " ORDER BY day",
};

static const struct db_module mod = { DBM_CALENDAR, STMT_CAL__MAX, sql };

/* Day 4, 1970-01-05, is a Monday. */
#define A_MONDAY	4L

/* Howard Hinnant's days_from_civil: eras of 400 years (146097 days)
 * starting on 1 March, so the leap day is the last day of its year. */
long
day_from_civil(int y, int m, int d)
{
	long	yy = (long)y - (m <= 2);
	long	era = (yy >= 0 ? yy : yy - 399) / 400;
	long	yoe = yy - era * 400;				/* 0..399 */
	long	doy = (153L * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
	long	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;	/* 0..146096 */

	return era * 146097 + doe - 719468;
}

void
civil_from_day(long day, int *y, int *m, int *d)
{
	long	z = day + 719468;
	long	era = (z >= 0 ? z : z - 146096) / 146097;
	long	doe = z - era * 146097;
	long	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	long	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	long	mp = (5 * doy + 2) / 153;

	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = (int)(yoe + era * 400 + (*m <= 2));
}

bool
calendar_date_valid(int y, int m, int d)
{
	static const int mdays[12] = { 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

	if (y < 1 || y > 9999 || m < 1 || m > 12 || d < 1 || d > mdays[m - 1])
		return false;
	return m != 2 || d < 29 || (y % 4 == 0 && (y % 100 != 0 || y % 400 == 0));
}

static long
floor_div(long a, long b)
{
	return a / b - (a % b != 0 && (a < 0) != (b < 0));
}

/* 0 for Monday .. 6 for Sunday. */
static int
weekday(long day)
{
	return (int)(day - A_MONDAY - 7 * floor_div(day - A_MONDAY, 7));
}

/* Monday to Friday days in [A_MONDAY, day), negative before it. */
static long
weekdays_before(long day)
{
	long	k = day - A_MONDAY;
	long	weeks = floor_div(k, 7);
	long	r = k - 7 * weeks;

	return 5 * weeks + (r < 5 ? r : 5);
}

/* The index of the first listed day >= day (c->n when none). */
static size_t
lower_bound(const struct calendar *c, long day)
{
	size_t lo = 0, hi = c->n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (c->v[mid].day < day)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

static bool
workday_of(const struct calendar *c, long day)
{
	size_t i = lower_bound(c, day);

	if (i < c->n && c->v[i].day == day)
		return !c->v[i].holiday;
	return weekday(day) < 5;
}

void
calendar_init(struct calendar *c, struct arena *a)
{
	memset(c, 0, sizeof *c);
	c->a = a;
}

int
calendar_add(struct calendar *c, int y, int m, int d, bool holiday)
{
	long	day;
	size_t	i;

	if (!calendar_date_valid(y, m, d))
		return -1;
	day = day_from_civil(y, m, d);
	i = lower_bound(c, day);
	if (i < c->n && c->v[i].day == day) {
		c->v[i].holiday = holiday;
		return 0;
	}
	if (c->n == c->cap) {
		size_t		 cap = c->cap ? c->cap * 2 : 64;
		struct cal_day	*v;

		/* The old array stays in the arena until it goes. */
		if (c->a == NULL || (v = arena_calloc(c->a, cap, sizeof *v)) == NULL)
			return -1;
		if (c->n > 0)
			memcpy(v, c->v, c->n * sizeof *v);
		c->v = v;
		c->cap = cap;
	}
	memmove(&c->v[i + 1], &c->v[i], (c->n - i) * sizeof *c->v);
	c->v[i].day = day;
	c->v[i].holiday = holiday;
	c->n++;
	return 0;
}

bool
calendar_has_year(const struct calendar *c, int y)
{
	size_t i = lower_bound(c, day_from_civil(y, 1, 1));

	return i < c->n && c->v[i].day < day_from_civil(y + 1, 1, 1);
}

bool
is_workday(const struct calendar *c, int y, int m, int d)
{
	return workday_of(c, day_from_civil(y, m, d));
}

void
add_workdays(const struct calendar *c, int y, int m, int d, int n,
    int *oy, int *om, int *od)
{
	long day = day_from_civil(y, m, d);

	/* Ends: past the last listed day every Monday to Friday counts. */
	while (n > 0)
		if (workday_of(c, ++day))
			n--;
	civil_from_day(day, oy, om, od);
}

int
workdays_between(const struct calendar *c, int y1, int m1, int d1,
    int y2, int m2, int d2)
{
	long	from = day_from_civil(y1, m1, d1), to = day_from_civil(y2, m2, d2);
	long	n;
	size_t	i;

	if (to <= from)
		return 0;
	/* Monday to Friday in (from, to], then the listed days in it. */
	n = weekdays_before(to + 1) - weekdays_before(from + 1);
	for (i = lower_bound(c, from + 1); i < c->n && c->v[i].day <= to; i++) {
		bool weekend = weekday(c->v[i].day) >= 5;

		if (c->v[i].holiday && !weekend)
			n--;
		else if (!c->v[i].holiday && weekend)
			n++;
	}
	return (int)n;
}

enum err
calendar_load(struct db *db, struct arena *a, int from_year, int to_year,
    struct calendar *out)
{
	struct db_rows	*rows;
	struct db_param	 p[] = { DB_INT(from_year), DB_INT((long long)to_year + 1) };
	enum err	 rc;
	int		 r;

	calendar_init(out, a);
	if (from_year > to_year)
		return ERR_OK;
	if ((rc = db_query(db, a, &mod, STMT_CAL_LOAD, p, 2, &rows)) != ERR_OK)
		return rc;
	while ((r = db_next(rows)) == 1)
		if (calendar_add(out, (int)db_col_int(rows, 0), (int)db_col_int(rows, 1),
		    (int)db_col_int(rows, 2), db_col_int(rows, 3) != 0) == -1) {
			rc = ERR_NOMEM;
			break;
		}
	if (rc == ERR_OK && r == -1)
		rc = db_connected(db) ? ERR_DB : ERR_DB_LOST;
	db_rows_free(rows);
	if (rc != ERR_OK)
		calendar_init(out, a);
	return rc;
}
