/*
 * test_loan_clock.c -- the time limits of the loan applications in
 * working days (issue 14 "Time limits", R-08.2a, R-08.2b): the take-up
 * limit of an addressed (1 working day) and an open (3) application, the
 * reclaim limit (10) and the expiry (20), each the Beijing midnight
 * ending its last working day as a UTC instant; a holiday or a weekend
 * working day of the calendar moving them; the Beijing date of a UTC
 * instant; the working days elapsed.  No database (calendars by hand).
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <string.h>

#include "finance/loan_clock.h"

static struct arena *a;

static int
setup(void **state)
{
	(void)state;
	a = arena_new(4096);
	return a == NULL ? -1 : 0;
}

static int
teardown(void **state)
{
	(void)state;
	arena_free(a);
	return 0;
}

static const char *
due(const struct calendar *cal, int y, int m, int d, int n)
{
	static char	out[LOAN_CLOCK_LEN];
	struct bj_day	from = { y, m, d };

	assert_int_equal(loan_clock_due(cal, &from, n, out), 0);
	return out;
}

/* R-08.2a: addressed, taken up within 1 working day; open within 3; the
 * limit ends at Beijing midnight (16:00 UTC of the last day). */
static void
r08_2a_take_limits(void **state)
{
	struct calendar cal;

	(void)state;
	calendar_init(&cal, a);
	assert_int_equal(loan_clock_take_days(true), 1);
	assert_int_equal(loan_clock_take_days(false), 3);
	/* Monday 2026-11-09: addressed due Tuesday, open due Thursday */
	assert_string_equal(due(&cal, 2026, 11, 9, LOAN_TAKE_ADDRESSED), "2026-11-10 16:00:00");
	assert_string_equal(due(&cal, 2026, 11, 9, LOAN_TAKE_OPEN), "2026-11-12 16:00:00");
	/* Friday 2026-11-13: over the weekend */
	assert_string_equal(due(&cal, 2026, 11, 13, LOAN_TAKE_ADDRESSED), "2026-11-16 16:00:00");
	assert_string_equal(due(&cal, 2026, 11, 13, LOAN_TAKE_OPEN), "2026-11-18 16:00:00");
	/* published on a Saturday: the clock starts Monday */
	assert_string_equal(due(&cal, 2026, 11, 14, LOAN_TAKE_ADDRESSED), "2026-11-16 16:00:00");
}

/* R-08.2a: a holiday of the calendar shifts a limit; a weekend working day
 * (调休上班) brings it forward; across the year's end. */
static void
r08_2a_holiday_shifts(void **state)
{
	struct calendar cal;

	(void)state;
	calendar_init(&cal, a);
	assert_int_equal(calendar_add(&cal, 2026, 11, 10, true), 0);
	assert_string_equal(due(&cal, 2026, 11, 9, LOAN_TAKE_ADDRESSED), "2026-11-11 16:00:00");
	assert_string_equal(due(&cal, 2026, 11, 9, LOAN_TAKE_OPEN), "2026-11-13 16:00:00");
	assert_int_equal(calendar_add(&cal, 2026, 11, 14, false), 0);	/* Saturday works */
	assert_string_equal(due(&cal, 2026, 11, 13, LOAN_TAKE_ADDRESSED), "2026-11-14 16:00:00");
	assert_int_equal(calendar_add(&cal, 2027, 1, 1, true), 0);
	assert_string_equal(due(&cal, 2026, 12, 31, LOAN_TAKE_ADDRESSED), "2027-01-04 16:00:00");
	/* the National Day week */
	for (int d = 1; d <= 7; d++)
		assert_int_equal(calendar_add(&cal, 2026, 10, d, true), 0);
	assert_string_equal(due(&cal, 2026, 9, 30, LOAN_TAKE_ADDRESSED), "2026-10-08 16:00:00");
}

/* R-08.2b: reclaim 10 working days after the take-up, expiry 20 after the
 * opening. */
static void
r08_2b_reclaim_and_expiry(void **state)
{
	struct calendar cal;

	(void)state;
	calendar_init(&cal, a);
	assert_int_equal(LOAN_RECLAIM, 10);
	assert_int_equal(LOAN_EXPIRE, 20);
	assert_string_equal(due(&cal, 2026, 11, 2, LOAN_RECLAIM), "2026-11-16 16:00:00");
	assert_string_equal(due(&cal, 2026, 11, 2, LOAN_EXPIRE), "2026-11-30 16:00:00");
	assert_int_equal(calendar_add(&cal, 2026, 11, 5, true), 0);
	assert_string_equal(due(&cal, 2026, 11, 2, LOAN_RECLAIM), "2026-11-17 16:00:00");
}

/* The Beijing date of a UTC instant; the date a page names ("from"). */
static void
r08_2b_beijing_days(void **state)
{
	struct bj_day	d;
	char		out[11];

	(void)state;
	assert_int_equal(loan_clock_day("2026-11-09 15:59:59", &d), 0);
	assert_int_equal(d.y * 10000 + d.m * 100 + d.d, 20261109);
	assert_int_equal(loan_clock_day("2026-11-09 16:00:00", &d), 0);
	assert_int_equal(d.y * 10000 + d.m * 100 + d.d, 20261110);
	assert_int_equal(loan_clock_day("2026-12-31 18:00:00", &d), 0);
	assert_int_equal(d.y * 10000 + d.m * 100 + d.d, 20270101);
	assert_int_equal(loan_clock_day("", &d), -1);
	assert_int_equal(loan_clock_day(NULL, &d), -1);
	assert_int_equal(loan_clock_day("yesterday", &d), -1);
	loan_clock_from_date("2026-11-16 16:00:00", out);
	assert_string_equal(out, "2026-11-17");
	loan_clock_from_date("", out);
	assert_string_equal(out, "");
}

/* The working days elapsed since an opening, shown with the overdue flag. */
static void
r08_2a_elapsed(void **state)
{
	struct calendar	cal;
	struct bj_day	fri = { 2026, 11, 13 }, mon = { 2026, 11, 9 };

	(void)state;
	calendar_init(&cal, a);
	/* published Monday 10:00 Beijing: Tue..Fri */
	assert_int_equal(loan_clock_elapsed(&cal, "2026-11-09 02:00:00", &fri), 4);
	assert_int_equal(loan_clock_elapsed(&cal, "2026-11-09 02:00:00", &mon), 0);
	assert_int_equal(loan_clock_elapsed(&cal, "", &fri), 0);
	assert_int_equal(calendar_add(&cal, 2026, 11, 10, true), 0);
	assert_int_equal(loan_clock_elapsed(&cal, "2026-11-09 02:00:00", &fri), 3);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(r08_2a_take_limits),
		cmocka_unit_test(r08_2a_holiday_shifts),
		cmocka_unit_test(r08_2b_reclaim_and_expiry),
		cmocka_unit_test(r08_2b_beijing_days),
		cmocka_unit_test(r08_2a_elapsed),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
