/*
 * test_workdays.c -- working days and "within n working days" deadlines
 * against the State Council's 2025 and 2026 schedules.  No
 * database: the calendar is typed in from data/cn-holidays.csv.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdbool.h>
#include <string.h>

#include "core/arena.h"
#include "db/workdays.h"

#define H true		/* holiday */
#define W false		/* adjusted working weekend day (调休上班) */

/* Every row of data/cn-holidays.csv, in its order. */
static const struct {
	int	 y, m, d;
	bool	 holiday;
} cn[] = {
	/* 2025 (国办发明电〔2024〕12号) */
	{ 2025, 1, 1, H },					/* 元旦 */
	{ 2025, 1, 26, W },					/* 春节调休上班 */
	{ 2025, 1, 28, H }, { 2025, 1, 29, H }, { 2025, 1, 30, H },
	{ 2025, 1, 31, H }, { 2025, 2, 1, H }, { 2025, 2, 2, H },
	{ 2025, 2, 3, H }, { 2025, 2, 4, H },			/* 春节 */
	{ 2025, 2, 8, W },					/* 春节调休上班 */
	{ 2025, 4, 4, H }, { 2025, 4, 5, H }, { 2025, 4, 6, H },	/* 清明节 */
	{ 2025, 4, 27, W },					/* 劳动节调休上班 */
	{ 2025, 5, 1, H }, { 2025, 5, 2, H }, { 2025, 5, 3, H },
	{ 2025, 5, 4, H }, { 2025, 5, 5, H },			/* 劳动节 */
	{ 2025, 5, 31, H }, { 2025, 6, 1, H }, { 2025, 6, 2, H },	/* 端午节 */
	{ 2025, 9, 28, W },					/* 国庆节调休上班 */
	{ 2025, 10, 1, H }, { 2025, 10, 2, H }, { 2025, 10, 3, H },
	{ 2025, 10, 4, H }, { 2025, 10, 5, H }, { 2025, 10, 6, H },
	{ 2025, 10, 7, H }, { 2025, 10, 8, H },			/* 国庆节、中秋节 */
	{ 2025, 10, 11, W },					/* 国庆节调休上班 */
	/* 2026 (notice of 2025-11-04) */
	{ 2026, 1, 1, H }, { 2026, 1, 2, H }, { 2026, 1, 3, H },	/* 元旦 */
	{ 2026, 1, 4, W },					/* 元旦调休上班 */
	{ 2026, 2, 14, W },					/* 春节调休上班 */
	{ 2026, 2, 15, H }, { 2026, 2, 16, H }, { 2026, 2, 17, H },
	{ 2026, 2, 18, H }, { 2026, 2, 19, H }, { 2026, 2, 20, H },
	{ 2026, 2, 21, H }, { 2026, 2, 22, H }, { 2026, 2, 23, H },	/* 春节 */
	{ 2026, 2, 28, W },					/* 春节调休上班 */
	{ 2026, 4, 4, H }, { 2026, 4, 5, H }, { 2026, 4, 6, H },	/* 清明节 */
	{ 2026, 5, 1, H }, { 2026, 5, 2, H }, { 2026, 5, 3, H },
	{ 2026, 5, 4, H }, { 2026, 5, 5, H },			/* 劳动节 */
	{ 2026, 5, 9, W },					/* 劳动节调休上班 */
	{ 2026, 6, 19, H }, { 2026, 6, 20, H }, { 2026, 6, 21, H },	/* 端午节 */
	{ 2026, 9, 20, W },					/* 国庆节调休上班 */
	{ 2026, 9, 25, H }, { 2026, 9, 26, H }, { 2026, 9, 27, H },	/* 中秋节 */
	{ 2026, 10, 1, H }, { 2026, 10, 2, H }, { 2026, 10, 3, H },
	{ 2026, 10, 4, H }, { 2026, 10, 5, H }, { 2026, 10, 6, H },
	{ 2026, 10, 7, H },					/* 国庆节 */
	{ 2026, 10, 10, W },					/* 国庆节调休上班 */
};

#define NCN	(sizeof cn / sizeof cn[0])

static struct arena	*arena;
static struct calendar	 cal;

static int
setup(void **state)
{
	(void)state;
	if ((arena = arena_new(4096)) == NULL)
		return -1;
	calendar_init(&cal, arena);
	for (size_t i = 0; i < NCN; i++)
		if (calendar_add(&cal, cn[i].y, cn[i].m, cn[i].d, cn[i].holiday) == -1)
			return -1;
	return 0;
}

static int
teardown(void **state)
{
	(void)state;
	arena_free(arena);
	return 0;
}

/* The calendar holds exactly the 72 rows of the CSV: 33 of 2025, 39 of 2026. */
static void
r_09_5_calendar_holds_the_csv(void **state)
{
	size_t n2026 = 0;

	(void)state;
	assert_int_equal(NCN, 72);
	assert_int_equal(cal.n, 72);
	for (size_t i = 0; i < NCN; i++)
		n2026 += cn[i].y == 2026;
	assert_int_equal(n2026, 39);
	for (size_t i = 1; i < cal.n; i++)
		assert_true(cal.v[i - 1].day < cal.v[i].day);
	assert_true(calendar_has_year(&cal, 2025));
	assert_true(calendar_has_year(&cal, 2026));
	assert_false(calendar_has_year(&cal, 2024));
	assert_false(calendar_has_year(&cal, 2027));
}

/* Monday to Friday, less holidays, plus adjusted working weekends. */
static void
r_09_5_is_workday_table(void **state)
{
	static const struct {
		int	 y, m, d;
		bool	 want;
	} t[] = {
		{ 2026, 3, 2, true },		/* Monday */
		{ 2026, 3, 6, true },		/* Friday */
		{ 2026, 3, 7, false },		/* Saturday */
		{ 2026, 3, 8, false },		/* Sunday */
		{ 2026, 1, 1, false },		/* 元旦, Thursday */
		{ 2026, 1, 2, false },		/* 元旦, Friday */
		{ 2026, 1, 3, false },		/* 元旦, Saturday */
		{ 2026, 1, 4, true },		/* Sunday, 元旦调休上班 */
		{ 2026, 2, 13, true },		/* Friday */
		{ 2026, 2, 14, true },		/* Saturday, 春节调休上班 */
		{ 2026, 2, 15, false },		/* 春节, Sunday */
		{ 2026, 2, 16, false },		/* 春节, Monday */
		{ 2026, 2, 20, false },		/* 春节, Friday */
		{ 2026, 2, 23, false },		/* 春节, Monday */
		{ 2026, 2, 24, true },		/* Tuesday */
		{ 2026, 2, 28, true },		/* Saturday, 春节调休上班 */
		{ 2026, 3, 1, false },		/* Sunday */
		{ 2026, 4, 6, false },		/* 清明节, Monday */
		{ 2026, 5, 1, false },		/* 劳动节, Friday */
		{ 2026, 5, 5, false },		/* 劳动节, Tuesday */
		{ 2026, 5, 9, true },		/* Saturday, 劳动节调休上班 */
		{ 2026, 5, 10, false },		/* Sunday */
		{ 2026, 6, 19, false },		/* 端午节, Friday */
		{ 2026, 9, 20, true },		/* Sunday, 国庆节调休上班 */
		{ 2026, 9, 25, false },		/* 中秋节, Friday */
		{ 2026, 10, 1, false },		/* 国庆节, Thursday */
		{ 2026, 10, 7, false },		/* 国庆节, Wednesday */
		{ 2026, 10, 8, true },		/* Thursday */
		{ 2026, 10, 10, true },		/* Saturday, 国庆节调休上班 */
		{ 2026, 10, 11, false },	/* Sunday */
		{ 2025, 1, 26, true },		/* Sunday, 春节调休上班 */
		{ 2025, 10, 8, false },		/* 国庆节、中秋节, Wednesday */
		{ 2025, 10, 11, true },		/* Saturday, 国庆节调休上班 */
		{ 2025, 12, 31, true },		/* Wednesday */
		{ 2027, 1, 1, true },		/* Friday of a year not entered yet */
		{ 1970, 1, 1, true },		/* Thursday */
		{ 2024, 2, 29, true },		/* Thursday */
		{ 2100, 3, 1, true },		/* Monday */
		{ 2000, 2, 29, true },		/* Tuesday */
	};

	(void)state;
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++)
		if (is_workday(&cal, t[i].y, t[i].m, t[i].d) != t[i].want)
			fail_msg("case %zu: %04d-%02d-%02d should%s be a working day",
			    i, t[i].y, t[i].m, t[i].d, t[i].want ? "" : " not");
}

/* the last day of "within n working days", not counting the start. */
static void
r_09_5_add_workdays_table(void **state)
{
	static const struct {
		int	 y, m, d, n;
		int	 wy, wm, wd;
	} t[] = {
		/* ordinary weeks */
		{ 2026, 3, 4, 0, 2026, 3, 4 },		/* n = 0: the day itself */
		{ 2026, 3, 7, 0, 2026, 3, 7 },		/* even on a Saturday */
		{ 2026, 3, 4, 1, 2026, 3, 5 },
		{ 2026, 3, 2, 4, 2026, 3, 6 },		/* Monday + 4: Friday */
		{ 2026, 3, 2, 5, 2026, 3, 9 },		/* Monday + 5: next Monday */
		{ 2026, 3, 2, 10, 2026, 3, 16 },
		{ 2026, 3, 4, -3, 2026, 3, 4 },		/* n < 0 as n = 0 */
		/* across a weekend */
		{ 2026, 3, 5, 5, 2026, 3, 12 },		/* Thursday */
		{ 2026, 3, 6, 1, 2026, 3, 9 },		/* Friday + 1: Monday */
		{ 2026, 3, 7, 1, 2026, 3, 9 },		/* from a Saturday */
		{ 2026, 3, 8, 5, 2026, 3, 13 },		/* from a Sunday */
		/* 春节 2026: 02-14 (Sat) works, 02-15..23 off, 02-28 (Sat) works */
		{ 2026, 2, 11, 5, 2026, 2, 25 },	/* 12, 13, 14, 24, 25 */
		{ 2026, 2, 13, 1, 2026, 2, 14 },	/* Friday + 1: the working Saturday */
		{ 2026, 2, 14, 1, 2026, 2, 24 },
		{ 2026, 2, 16, 5, 2026, 2, 28 },	/* 24, 25, 26, 27, 28 (Sat) */
		{ 2026, 2, 24, 5, 2026, 3, 2 },		/* 25, 26, 27, 28, 03-02 */
		{ 2026, 2, 27, 1, 2026, 2, 28 },
		{ 2026, 2, 28, 1, 2026, 3, 2 },
		/* 清明节 2026: 04-04..06 */
		{ 2026, 4, 3, 1, 2026, 4, 7 },
		/* 劳动节 2026: 05-01..05 off, 05-09 (Sat) works */
		{ 2026, 4, 29, 5, 2026, 5, 9 },		/* 30, 06, 07, 08, 09 */
		{ 2026, 4, 30, 1, 2026, 5, 6 },
		{ 2026, 5, 8, 1, 2026, 5, 9 },
		{ 2026, 5, 8, 2, 2026, 5, 11 },
		/* 端午节 2026: 06-19..21 */
		{ 2026, 6, 18, 1, 2026, 6, 22 },
		/* 国庆节 2026: 09-20 (Sun) works, 09-25..27 and 10-01..07 off,
		 * 10-10 (Sat) works */
		{ 2026, 9, 17, 5, 2026, 9, 23 },	/* 18, 20 (Sun), 21, 22, 23 */
		{ 2026, 9, 19, 1, 2026, 9, 20 },
		{ 2026, 9, 24, 5, 2026, 10, 9 },	/* 28, 29, 30, 08, 09 */
		{ 2026, 9, 29, 5, 2026, 10, 12 },	/* 30, 08, 09, 10 (Sat), 12 */
		{ 2026, 9, 30, 1, 2026, 10, 8 },
		{ 2026, 10, 1, 1, 2026, 10, 8 },
		{ 2026, 10, 9, 1, 2026, 10, 10 },
		/* year end: 元旦 2026 is 01-01..03, 01-04 (Sun) works */
		{ 2025, 12, 29, 5, 2026, 1, 6 },	/* 30, 31, 04 (Sun), 05, 06 */
		{ 2025, 12, 31, 1, 2026, 1, 4 },
		{ 2025, 12, 31, 2, 2026, 1, 5 },
		/* 国庆节 2025: 09-28 (Sun) works, 10-01..08 off, 10-11 (Sat) works */
		{ 2025, 9, 26, 5, 2025, 10, 10 },	/* 28, 29, 30, 09, 10 */
		{ 2025, 9, 30, 3, 2025, 10, 11 },
		/* 2027 has no rows yet: plain Monday to Friday */
		{ 2026, 12, 31, 1, 2027, 1, 1 },
		/* leap days */
		{ 2024, 2, 28, 1, 2024, 2, 29 },
		{ 2100, 2, 26, 1, 2100, 3, 1 },		/* Friday + 1 */
	};

	(void)state;
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
		int y, m, d;

		add_workdays(&cal, t[i].y, t[i].m, t[i].d, t[i].n, &y, &m, &d);
		if (y != t[i].wy || m != t[i].wm || d != t[i].wd)
			fail_msg("case %zu: %04d-%02d-%02d + %d: want %04d-%02d-%02d,"
			    " got %04d-%02d-%02d", i, t[i].y, t[i].m, t[i].d, t[i].n,
			    t[i].wy, t[i].wm, t[i].wd, y, m, d);
	}
}

static void
r_09_5_workdays_between_table(void **state)
{
	static const struct {
		int	 y1, m1, d1, y2, m2, d2;
		int	 want;
	} t[] = {
		{ 2026, 3, 4, 2026, 3, 4, 0 },		/* same day */
		{ 2026, 3, 9, 2026, 3, 2, 0 },		/* backwards */
		{ 2026, 3, 2, 2026, 3, 3, 1 },
		{ 2026, 3, 6, 2026, 3, 8, 0 },		/* Friday to Sunday */
		{ 2026, 3, 6, 2026, 3, 9, 1 },
		{ 2026, 2, 13, 2026, 2, 25, 3 },	/* 14 (Sat), 24, 25 */
		{ 2026, 2, 14, 2026, 2, 23, 0 },	/* 春节 */
		{ 2026, 4, 30, 2026, 5, 10, 4 },	/* 06, 07, 08, 09 (Sat) */
		{ 2026, 9, 30, 2026, 10, 11, 3 },	/* 08, 09, 10 (Sat) */
		{ 2025, 12, 29, 2026, 1, 6, 5 },
		/* every working day of 2026: 261 weekdays, 19 of them holidays,
		 * 6 working weekend days */
		{ 2025, 12, 31, 2026, 12, 31, 248 },
		/* 2025: 261 weekdays, 18 of them holidays, 5 working weekend days */
		{ 2024, 12, 31, 2025, 12, 31, 248 },
		/* no rows: weekdays only; 1970-01-01 was a Thursday */
		{ 1969, 12, 31, 1970, 1, 11, 7 },
		{ 1600, 1, 1, 2400, 1, 1, 208684 },	/* 292194 days */
	};

	(void)state;
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
		int got = workdays_between(&cal, t[i].y1, t[i].m1, t[i].d1,
		    t[i].y2, t[i].m2, t[i].d2);

		if (got != t[i].want)
			fail_msg("case %zu: %04d-%02d-%02d .. %04d-%02d-%02d: want %d, got %d",
			    i, t[i].y1, t[i].m1, t[i].d1, t[i].y2, t[i].m2, t[i].d2,
			    t[i].want, got);
	}
}

/*
 * property, for every start day from 2025-01-01 to 2026-12-31 and
 * n = 1..10: the deadline is a working day, exactly n working days away,
 * and the day before it is n - 1 away (no earlier day would do); and
 * workdays_between() agrees with a day-by-day count over 60 days.
 */
static void
r_09_5_deadline_properties_every_day(void **state)
{
	long first = day_from_civil(2025, 1, 1), last = day_from_civil(2026, 12, 31);

	(void)state;
	for (long day = first; day <= last; day++) {
		int y, m, d, count = 0;

		civil_from_day(day, &y, &m, &d);
		for (int n = 1; n <= 10; n++) {
			int oy, om, od, py, pm, pd;

			add_workdays(&cal, y, m, d, n, &oy, &om, &od);
			civil_from_day(day_from_civil(oy, om, od) - 1, &py, &pm, &pd);
			if (!is_workday(&cal, oy, om, od) ||
			    workdays_between(&cal, y, m, d, oy, om, od) != n ||
			    workdays_between(&cal, y, m, d, py, pm, pd) != n - 1)
				fail_msg("%04d-%02d-%02d + %d = %04d-%02d-%02d", y, m, d,
				    n, oy, om, od);
		}
		for (int k = 1; k <= 60; k++) {
			int ey, em, ed;

			civil_from_day(day + k, &ey, &em, &ed);
			count += is_workday(&cal, ey, em, ed);
			if (workdays_between(&cal, y, m, d, ey, em, ed) != count)
				fail_msg("%04d-%02d-%02d .. %04d-%02d-%02d: want %d",
				    y, m, d, ey, em, ed, count);
		}
	}
}

/* Day numbers: fixed points, leap years, and a round trip over 800 years. */
static void
r_09_5_day_numbers_and_leap_years(void **state)
{
	static const struct {
		int	 y, m, d;
		long	 day;
	} t[] = {
		{ 1970, 1, 1, 0 },
		{ 1969, 12, 31, -1 },
		{ 2000, 3, 1, 11017 },
		{ 2024, 2, 29, 19782 },
		{ 2026, 1, 1, 20454 },
		{ 2100, 2, 28, 47540 },
		{ 2100, 3, 1, 47541 },		/* 2100 is not a leap year */
		{ 1600, 1, 1, -135140 },
		{ 1, 1, 1, -719162 },
		{ 9999, 12, 31, 2932896 },
	};
	static const struct {
		int	 y, m, d;
		bool	 valid;
	} v[] = {
		{ 2024, 2, 29, true }, { 2025, 2, 29, false }, { 2000, 2, 29, true },
		{ 2100, 2, 29, false }, { 1900, 2, 29, false }, { 2026, 4, 30, true },
		{ 2026, 4, 31, false }, { 2026, 12, 31, true }, { 2026, 13, 1, false },
		{ 2026, 0, 1, false }, { 2026, 1, 0, false }, { 0, 1, 1, false },
		{ 10000, 1, 1, false }, { 1, 1, 1, true }, { 9999, 12, 31, true },
	};
	static const struct {
		int	 y, m, d;
		int	 ny, nm, nd;	/* the day after */
	} next[] = {
		{ 2024, 2, 28, 2024, 2, 29 },
		{ 2024, 2, 29, 2024, 3, 1 },
		{ 2025, 2, 28, 2025, 3, 1 },
		{ 2100, 2, 28, 2100, 3, 1 },
		{ 2000, 2, 28, 2000, 2, 29 },
		{ 1900, 2, 28, 1900, 3, 1 },
		{ 2025, 12, 31, 2026, 1, 1 },
	};
	int y = 1600, m = 1, d = 1;

	(void)state;
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
		int cy, cm, cd;

		if (day_from_civil(t[i].y, t[i].m, t[i].d) != t[i].day)
			fail_msg("case %zu: %04d-%02d-%02d is not day %ld", i,
			    t[i].y, t[i].m, t[i].d, t[i].day);
		civil_from_day(t[i].day, &cy, &cm, &cd);
		if (cy != t[i].y || cm != t[i].m || cd != t[i].d)
			fail_msg("case %zu: day %ld is %04d-%02d-%02d", i, t[i].day,
			    cy, cm, cd);
	}
	for (size_t i = 0; i < sizeof v / sizeof v[0]; i++)
		if (calendar_date_valid(v[i].y, v[i].m, v[i].d) != v[i].valid)
			fail_msg("case %zu: %04d-%02d-%02d valid should be %d", i,
			    v[i].y, v[i].m, v[i].d, v[i].valid);
	for (size_t i = 0; i < sizeof next / sizeof next[0]; i++) {
		int ny, nm, nd;

		civil_from_day(day_from_civil(next[i].y, next[i].m, next[i].d) + 1,
		    &ny, &nm, &nd);
		if (ny != next[i].ny || nm != next[i].nm || nd != next[i].nd)
			fail_msg("case %zu: the day after %04d-%02d-%02d is"
			    " %04d-%02d-%02d", i, next[i].y, next[i].m, next[i].d,
			    ny, nm, nd);
	}
	/* Walk 1600-01-01 .. 2400-12-31 by the calendar rules of
	 * calendar_date_valid(): each date is the next day number. */
	for (long day = day_from_civil(1600, 1, 1); y <= 2400; day++) {
		int cy, cm, cd;

		if (day_from_civil(y, m, d) != day)
			fail_msg("%04d-%02d-%02d is not day %ld", y, m, d, day);
		civil_from_day(day, &cy, &cm, &cd);
		if (cy != y || cm != m || cd != d)
			fail_msg("day %ld is %04d-%02d-%02d, not %04d-%02d-%02d",
			    day, cy, cm, cd, y, m, d);
		if (calendar_date_valid(y, m, d + 1))
			d++;
		else if (m < 12)
			m++, d = 1;
		else
			y++, m = 1, d = 1;
	}
}

/* Building a calendar: any order, a day listed twice, bad dates, no arena. */
static void
r_09_5_calendar_add(void **state)
{
	struct arena	*a = arena_new(256);
	struct calendar	 c, none;

	(void)state;
	calendar_init(&c, a);
	assert_true(is_workday(&c, 2026, 10, 1));	/* empty: Mon-Fri */
	assert_false(calendar_has_year(&c, 2026));
	/* the 2026 rows backwards, enough to grow the array twice */
	for (size_t i = NCN; i-- > 0;)
		assert_int_equal(calendar_add(&c, cn[i].y, cn[i].m, cn[i].d,
		    cn[i].holiday), 0);
	for (size_t i = 0; i < NCN; i++)
		assert_int_equal(calendar_add(&c, cn[i].y, cn[i].m, cn[i].d,
		    cn[i].holiday), 0);
	assert_int_equal(c.n, NCN);
	for (size_t i = 0; i < NCN; i++)
		assert_true(c.v[i].day == cal.v[i].day && c.v[i].holiday == cal.v[i].holiday);
	assert_false(is_workday(&c, 2026, 10, 1));
	/* listed again: the new kind wins */
	assert_int_equal(calendar_add(&c, 2026, 10, 1, false), 0);
	assert_true(is_workday(&c, 2026, 10, 1));
	assert_int_equal(calendar_add(&c, 2026, 2, 14, true), 0);
	assert_false(is_workday(&c, 2026, 2, 14));
	assert_int_equal(c.n, NCN);
	/* a weekday listed as workday, a weekend day as holiday: no change */
	assert_int_equal(calendar_add(&c, 2026, 3, 4, false), 0);
	assert_int_equal(calendar_add(&c, 2026, 3, 7, true), 0);
	assert_true(is_workday(&c, 2026, 3, 4));
	assert_false(is_workday(&c, 2026, 3, 7));
	assert_int_equal(workdays_between(&c, 2026, 3, 2, 2026, 3, 9), 5);
	/* invalid dates are refused and change nothing */
	assert_int_equal(calendar_add(&c, 2026, 2, 29, true), -1);
	assert_int_equal(calendar_add(&c, 2026, 13, 1, true), -1);
	assert_int_equal(calendar_add(&c, 0, 1, 1, true), -1);
	assert_int_equal(c.n, NCN + 2);
	/* without an arena nothing can be added */
	calendar_init(&none, NULL);
	assert_int_equal(calendar_add(&none, 2026, 10, 1, true), -1);
	assert_int_equal(none.n, 0);
	assert_true(is_workday(&none, 2026, 10, 1));
	arena_free(a);
}

/* the day of the week shown next to each calendar row. */
static void
r_09_5_weekday_table(void **state)
{
	static const struct {
		int	 y, m, d;
		int	 want;	/* 1 Monday .. 7 Sunday */
	} t[] = {
		{ 1970, 1, 1, 4 },	/* Thursday */
		{ 1970, 1, 5, 1 },
		{ 1969, 12, 28, 7 },	/* before day 0 */
		{ 2026, 1, 1, 4 },	/* 元旦 */
		{ 2026, 1, 4, 7 },	/* 元旦调休上班, a Sunday */
		{ 2026, 2, 14, 6 },	/* 春节调休上班, a Saturday */
		{ 2026, 2, 16, 1 },
		{ 2026, 10, 10, 6 },
		{ 2025, 9, 28, 7 },
		{ 2024, 2, 29, 4 },
		{ 2000, 2, 29, 2 },
		{ 2100, 3, 1, 1 },
		{ 1, 1, 1, 1 },		/* proleptic Gregorian */
		{ 9999, 12, 31, 5 },
	};

	(void)state;
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++)
		if (calendar_weekday(t[i].y, t[i].m, t[i].d) != t[i].want)
			fail_msg("case %zu: %04d-%02d-%02d: want %d, got %d", i,
			    t[i].y, t[i].m, t[i].d, t[i].want,
			    calendar_weekday(t[i].y, t[i].m, t[i].d));
	/* seven days in a row take every weekday once, in order */
	for (long day = day_from_civil(2026, 3, 2), k = 0; k < 21; k++) {
		int y, m, d;

		civil_from_day(day + k, &y, &m, &d);
		assert_int_equal(calendar_weekday(y, m, d), (int)(k % 7) + 1);
	}
}

/*
 * what operators may enter: a holiday only on Monday to Friday, a
 * working day only on Saturday or Sunday, "none" anywhere; a bad date or
 * kind is refused; and every row of the State Council's schedules passes.
 */
static void
r_09_5_kind_error_table(void **state)
{
	static const struct {
		int		 y, m, d;
		enum cal_kind	 kind;
		const char	*want;		/* NULL: accepted */
	} t[] = {
		{ 2026, 3, 2, CAL_HOLIDAY, NULL },		/* Monday */
		{ 2026, 3, 6, CAL_HOLIDAY, NULL },		/* Friday */
		{ 2026, 3, 7, CAL_HOLIDAY, "cal_holiday_weekend" },	/* Saturday */
		{ 2026, 3, 8, CAL_HOLIDAY, "cal_holiday_weekend" },	/* Sunday */
		{ 2026, 3, 7, CAL_WORKDAY, NULL },
		{ 2026, 3, 8, CAL_WORKDAY, NULL },
		{ 2026, 3, 2, CAL_WORKDAY, "cal_workday_weekday" },
		{ 2026, 3, 6, CAL_WORKDAY, "cal_workday_weekday" },
		{ 2026, 3, 2, CAL_NONE, NULL },
		{ 2026, 3, 7, CAL_NONE, NULL },
		{ 2026, 2, 29, CAL_NONE, "bad_date" },
		{ 2026, 2, 29, CAL_HOLIDAY, "bad_date" },
		{ 2026, 13, 1, CAL_WORKDAY, "bad_date" },
		{ 0, 1, 1, CAL_NONE, "bad_date" },
		{ 2026, 3, 2, CAL_KIND__MAX, "bad_date" },
		{ 2024, 2, 29, CAL_HOLIDAY, NULL },		/* a Thursday */
	};

	(void)state;
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
		const char *got = calendar_kind_error(t[i].y, t[i].m, t[i].d, t[i].kind);

		if ((got == NULL) != (t[i].want == NULL) ||
		    (got != NULL && strcmp(got, t[i].want) != 0))
			fail_msg("case %zu: %04d-%02d-%02d kind %d: want %s, got %s",
			    i, t[i].y, t[i].m, t[i].d, (int)t[i].kind,
			    t[i].want ? t[i].want : "NULL", got ? got : "NULL");
	}
	/* A State Council holiday on a weekend (春节 2026-02-21, a
	 * Saturday) is a row the rule would refuse: such rows came from the
	 * seed, they change nothing (the day is off either way) and operators
	 * need not enter them.  Every working-day row is on a weekend. */
	for (size_t i = 0; i < NCN; i++)
		if (!cn[i].holiday)
			assert_null(calendar_kind_error(cn[i].y, cn[i].m, cn[i].d,
			    CAL_WORKDAY));
}

static void
r_09_5_kind_names(void **state)
{
	static const char *const bad[] = { "", "Holiday", "holiday ", "work", "off" };

	(void)state;
	for (int k = 0; k < CAL_KIND__MAX; k++)
		assert_int_equal(calendar_kind_parse(calendar_kind_name((enum cal_kind)k)), k);
	assert_string_equal(calendar_kind_name(CAL_NONE), "none");
	assert_string_equal(calendar_kind_name(CAL_HOLIDAY), "holiday");
	assert_string_equal(calendar_kind_name(CAL_WORKDAY), "workday");
	assert_string_equal(calendar_kind_name(CAL_KIND__MAX), "");
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
		assert_int_equal(calendar_kind_parse(bad[i]), -1);
	assert_int_equal(calendar_kind_parse(NULL), -1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(r_09_5_calendar_holds_the_csv),
		cmocka_unit_test(r_09_5_is_workday_table),
		cmocka_unit_test(r_09_5_add_workdays_table),
		cmocka_unit_test(r_09_5_workdays_between_table),
		cmocka_unit_test(r_09_5_deadline_properties_every_day),
		cmocka_unit_test(r_09_5_day_numbers_and_leap_years),
		cmocka_unit_test(r_09_5_calendar_add),
		cmocka_unit_test(r_09_5_weekday_table),
		cmocka_unit_test(r_09_5_kind_error_table),
		cmocka_unit_test(r_09_5_kind_names),
	};

	return cmocka_run_group_tests_name("workdays", tests, setup, teardown);
}
