/*
 * workdays.c -- working days from a calendar of exceptions, and the SQL
 * of the calendar_days table (read for deadlines, maintained by the
 * province's operators).
 */
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "core/utf8.h"
#include "core/enumname.h"
#include "db/workdays.h"

enum {
	STMT_CAL_LOAD,
	STMT_CAL_YEAR,
	STMT_CAL_LOCK,
	STMT_CAL_PUT,
	STMT_CAL_DELETE,
	STMT_CAL__MAX
};

static const char *const sql[STMT_CAL__MAX] = {
	/* A range on the primary key, not YEAR(day), so the index serves it. */
	[STMT_CAL_LOAD] =
	    "SELECT YEAR(day), MONTH(day), DAYOFMONTH(day), kind = 'holiday'"
	    " FROM calendar_days WHERE day >= MAKEDATE(?, 1) AND day < MAKEDATE(?, 1)"
	    " ORDER BY day",
	[STMT_CAL_YEAR] =
	    "SELECT YEAR(day), MONTH(day), DAYOFMONTH(day), kind, name"
	    " FROM calendar_days WHERE day >= MAKEDATE(?, 1) AND day < MAKEDATE(?, 1)"
	    " ORDER BY day",
	/* FOR UPDATE on a missing key locks the gap: two operators setting
	 * the same day queue up rather than both reading "none" */
	[STMT_CAL_LOCK] =
	    "SELECT kind, name FROM calendar_days WHERE day = ? FOR UPDATE",
	[STMT_CAL_PUT] =
	    "INSERT INTO calendar_days (day, kind, name) VALUES (?, ?, ?)"
	    " ON DUPLICATE KEY UPDATE kind = VALUES(kind), name = VALUES(name),"
	    " updated_at = UTC_TIMESTAMP()",
	[STMT_CAL_DELETE] = "DELETE FROM calendar_days WHERE day = ?",
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

int
calendar_weekday(int y, int m, int d)
{
	return weekday(day_from_civil(y, m, d)) + 1;
}

static const char *const kind_names[CAL_KIND__MAX] = {
	[CAL_NONE] = "none", [CAL_HOLIDAY] = "holiday", [CAL_WORKDAY] = "workday",
};

const char *
calendar_kind_name(enum cal_kind k)
{
	return enum_name(kind_names, CAL_KIND__MAX, (int)k);
}

int
calendar_kind_parse(const char *s)
{
	return enum_parse(kind_names, CAL_KIND__MAX, s);
}

const char *
calendar_kind_error(int y, int m, int d, enum cal_kind kind)
{
	bool weekend;

	if (!calendar_date_valid(y, m, d) || kind >= CAL_KIND__MAX)
		return "bad_date";
	weekend = calendar_weekday(y, m, d) >= 6;
	if (kind == CAL_HOLIDAY && weekend)
		return "cal_holiday_weekend";
	if (kind == CAL_WORKDAY && !weekend)
		return "cal_workday_weekday";
	return NULL;
}

enum err
calendar_year_rows(struct db *db, struct arena *a, int year, struct cal_rows *out)
{
	struct db_param	 p[] = { DB_INT(year), DB_INT((long long)year + 1) };
	struct db_rows	*rows;
	enum err	 rc;
	int		 r = 0;

	memset(out, 0, sizeof *out);
	/* one row a day at most */
	if ((out->v = arena_calloc(a, 367, sizeof *out->v)) == NULL)
		return ERR_NOMEM;
	if ((rc = db_query(db, a, &mod, STMT_CAL_YEAR, p, 2, &rows)) != ERR_OK)
		return rc;
	while (out->n < 367 && (r = db_next(rows)) == 1) {
		struct cal_row *c = &out->v[out->n];

		c->y = (int)db_col_int(rows, 0);
		c->m = (int)db_col_int(rows, 1);
		c->d = (int)db_col_int(rows, 2);
		c->weekday = calendar_weekday(c->y, c->m, c->d);
		c->kind = calendar_kind_parse(db_col_str(rows, 3)) == CAL_WORKDAY ?
		    CAL_WORKDAY : CAL_HOLIDAY;
		if ((c->name = db_col_dup(rows, a, 4)) == NULL) {
			db_rows_free(rows);
			out->n = 0;
			return ERR_NOMEM;
		}
		out->n++;
	}
	if (r == -1) {
		out->n = 0;
		return db_connected(db) ? ERR_DB : ERR_DB_LOST;
	}
	db_rows_free(rows);
	return ERR_OK;
}

enum err
calendar_set_day(struct db *db, const struct audit_actor *actor, int y, int m,
    int d, enum cal_kind kind, const char *name)
{
	struct arena	*a;
	struct db_rows	*rows;
	struct db_param	 p[3];
	char		 day[16], was[64 + 4 * CAL_NAME_MAX], detail[128 + 8 * CAL_NAME_MAX];
	size_t		 nlen = name != NULL ? strlen(name) : 0;
	enum err	 rc;
	int		 n;

	if (calendar_kind_error(y, m, d, kind) != NULL)
		return ERR_INVAL;
	if (kind != CAL_NONE && (nlen == 0 || !utf8_valid(name, nlen) ||
	    utf8_len(name, nlen) > CAL_NAME_MAX))
		return ERR_INVAL;
	if ((a = arena_new(1024)) == NULL)
		return ERR_NOMEM;
	snprintf(day, sizeof day, "%04d-%02d-%02d", y, m, d);
	p[0] = DB_STR(day);
	if ((rc = db_begin(db)) != ERR_OK)
		goto out;
	if ((rc = db_query(db, a, &mod, STMT_CAL_LOCK, p, 1, &rows)) != ERR_OK)
		goto rollback;
	if ((n = db_next(rows)) == -1) {
		rc = db_connected(db) ? ERR_DB : ERR_DB_LOST;
		goto rollback;
	}
	if (n == 1)
		snprintf(was, sizeof was, "%s %s", db_col_str(rows, 0) != NULL ?
		    db_col_str(rows, 0) : "", db_col_str(rows, 1) != NULL ?
		    db_col_str(rows, 1) : "");
	else
		snprintf(was, sizeof was, "none");
	db_rows_free(rows);
	if (kind == CAL_NONE) {
		if (n == 0) {
			rc = ERR_NOTFOUND;
			goto rollback;
		}
		rc = db_exec(db, &mod, STMT_CAL_DELETE, p, 1, NULL, NULL);
		snprintf(detail, sizeof detail, "none; was %s", was);
	} else {
		p[1] = DB_STR(calendar_kind_name(kind));
		p[2] = DB_STR(name);
		rc = db_exec(db, &mod, STMT_CAL_PUT, p, 3, NULL, NULL);
		snprintf(detail, sizeof detail, "%s %s; was %s",
		    calendar_kind_name(kind), name, was);
	}
	if (rc != ERR_OK)
		goto rollback;
	if ((rc = audit_write(db, actor, "calendar.set", "calendar_day", day,
	    AUDIT_OK, detail)) != ERR_OK)
		goto rollback;
	rc = db_commit(db);
	goto out;
rollback:
	db_rollback(db);
out:
	arena_free(a);
	return rc;
}
