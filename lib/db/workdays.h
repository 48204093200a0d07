/*
 * workdays.h -- working days and deadlines counted in them (R-09.5: "the
 * change form is due within 5 working days").
 *
 * A working day is Monday to Friday unless the calendar lists it as a
 * holiday, or a Saturday or Sunday the calendar lists as a workday (调休
 * 上班).  A calendar holds only those exceptions, from the calendar_days
 * table (schema/005_calendar.sql) or built by hand with calendar_add().
 *
 * Dates are proleptic Gregorian (y, m, d) with m 1..12 and d valid for the
 * month (calendar_date_valid); the pure functions do not check them, and
 * give the result of the normalised day number for an invalid date
 * (2026-02-30 is 2026-03-02).  Nothing depends on the time zone or the
 * clock: "today" is the caller's business (Beijing time, see
 * enterprise.c).
 *
 * A day outside every year the calendar has rows for falls back to
 * Monday to Friday: check calendar_has_year() before trusting a deadline
 * in a year whose notice may not be entered yet.
 *
 * Operators keep the table (calendar_year_rows, calendar_set_day): a
 * holiday is entered only on Monday to Friday and a working day only on a
 * Saturday or Sunday, the only rows that change anything.  The seeded
 * years also list the weekend days inside each holiday; they are
 * harmless and stay.
 */
#ifndef DUIJIE_WORKDAYS_H
#define DUIJIE_WORKDAYS_H

#include <stdbool.h>
#include <stddef.h>

#include "core/arena.h"
#include "db/audit.h"
#include "db/db.h"

struct cal_day {
	long		 day;		/* day_from_civil() */
	bool		 holiday;	/* false: a weekend working day */
};

struct calendar {
	struct arena	*a;		/* owns v */
	struct cal_day	*v;		/* sorted by day, no two alike */
	size_t		 n, cap;
};

/* Days since 1970-01-01 (negative before it). */
long		day_from_civil(int y, int m, int d);
/* The date of day number `day`. */
void		civil_from_day(long day, int *y, int *m, int *d);
/* True for a real date of years 1..9999. */
bool		calendar_date_valid(int y, int m, int d);

/* An empty calendar whose days will belong to `a`. */
void		calendar_init(struct calendar *, struct arena *a);
/*
 * Lists y-m-d as a holiday or (holiday false) as a working day.  A day
 * listed again takes the new kind.  Returns 0, or -1 on an invalid date
 * or OOM, leaving the calendar as it was.
 */
int		calendar_add(struct calendar *, int y, int m, int d, bool holiday);
/* True when the calendar lists at least one day of year y. */
bool		calendar_has_year(const struct calendar *, int y);

bool		is_workday(const struct calendar *, int y, int m, int d);
/*
 * The date n working days after y-m-d, not counting y-m-d itself: the
 * last day of "within n working days" from y-m-d.  n <= 0 gives y-m-d.
 */
void		add_workdays(const struct calendar *, int y, int m, int d, int n,
		    int *oy, int *om, int *od);
/*
 * The working days after y1-m1-d1 up to and including y2-m2-d2; 0 when the
 * second date is not after the first.  For n >= 1,
 * workdays_between(d, add_workdays(d, n)) == n.
 */
int		workdays_between(const struct calendar *, int y1, int m1, int d1,
		    int y2, int m2, int d2);

/*
 * Loads the calendar_days rows of years from_year..to_year into *out,
 * whose days belong to `a`.  ERR_DB_LOST, ERR_DB, ERR_NOMEM; *out is
 * then empty.
 */
enum err	calendar_load(struct db *, struct arena *a, int from_year,
		    int to_year, struct calendar *out);

/* The day of the week of y-m-d: 1 for Monday .. 7 for Sunday (ISO 8601). */
int		calendar_weekday(int y, int m, int d);

/* What a calendar row says of its day; CAL_NONE: no row (Monday to
 * Friday work, the weekend does not). */
enum cal_kind { CAL_NONE, CAL_HOLIDAY, CAL_WORKDAY, CAL_KIND__MAX };

/* "none", "holiday", "workday" (the column's values, and the form's). */
const char	*calendar_kind_name(enum cal_kind);
/* The kind named s, or -1. */
int		calendar_kind_parse(const char *s);

/*
 * Whether y-m-d may be listed as `kind`: NULL when it may, else a message
 * key (strings.hdf Err.*): "bad_date" for an invalid date,
 * "cal_holiday_weekend" for a holiday on a Saturday or Sunday (they are
 * off anyway), "cal_workday_weekday" for a working day on Monday to
 * Friday (they work anyway).  CAL_NONE fits every valid date.
 */
const char	*calendar_kind_error(int y, int m, int d, enum cal_kind kind);

/* One calendar_days row. */
struct cal_row {
	int		 y, m, d;
	int		 weekday;	/* calendar_weekday() */
	enum cal_kind	 kind;		/* CAL_HOLIDAY or CAL_WORKDAY */
	const char	*name;		/* 春节, 春节调休上班 ... */
};

struct cal_rows {
	struct cal_row	*v;
	size_t		 n;
};

/* The rows of year y, by day, into *out (in `a`).  ERR_DB_LOST, ERR_DB,
 * ERR_NOMEM; *out is then empty. */
enum err	calendar_year_rows(struct db *, struct arena *a, int year,
		    struct cal_rows *out);

/*
 * Lists y-m-d as `kind` with `name` (1..CAL_NAME_MAX characters), or with
 * CAL_NONE removes its row, and writes a "calendar.set" audit row (object
 * "calendar_day" "YYYY-MM-DD", detail the new and the former kind and
 * name) in one transaction.  ERR_INVAL when calendar_kind_error() refuses
 * or the name is empty or too long (nothing written); ERR_NOTFOUND for
 * CAL_NONE on a day without a row; ERR_DB_LOST, ERR_DB.
 */
#define CAL_NAME_MAX	40
enum err	calendar_set_day(struct db *, const struct audit_actor *,
		    int y, int m, int d, enum cal_kind kind, const char *name);

#endif
