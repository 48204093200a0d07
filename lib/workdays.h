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
 */
#ifndef DUIJIE_WORKDAYS_H
#define DUIJIE_WORKDAYS_H

#include <stdbool.h>
#include <stddef.h>

#include "arena.h"
#include "db.h"

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

#endif
