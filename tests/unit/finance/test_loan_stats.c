/*
 * test_loan_stats.c -- the pure parts of the financing statistics (issue
 * 14 "Operators", R-12.1; lib/finance/loan_stats.h): the median (odd,
 * even, unsorted, duplicates, none), the approval rate's rounding, the
 * charts' scale and bar lengths.  No database.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "finance/loan_stats.h"

static void
r12_1_stats_median(void **state)
{
	long long one[] = { 7 };
	long long odd[] = { 9, 1, 5 };
	long long even[] = { 3600, 7200, 10800, 36000 };
	long long even2[] = { 4, 1 };
	long long dup[] = { 2, 2, 2, 9, 2 };
	long long big[] = { 86400LL * 400, 1, 86400LL * 400 };

	(void)state;
	assert_true(loan_stats_median(NULL, 0) == 0.0);
	assert_true(loan_stats_median(one, 1) == 7.0);
	assert_true(loan_stats_median(odd, 3) == 5.0);
	/* even: the mean of the two middle ones, not either of them */
	assert_true(loan_stats_median(even, 4) == 9000.0);
	assert_true(loan_stats_median(even2, 2) == 2.5);
	assert_true(loan_stats_median(dup, 5) == 2.0);
	assert_true(loan_stats_median(big, 3) == 86400.0 * 400);
	/* sorted in place */
	assert_true(odd[0] == 1 && odd[1] == 5 && odd[2] == 9);
}

static void
r12_1_stats_rate(void **state)
{
	(void)state;
	assert_int_equal(loan_stats_rate_pm(0, 0), -1);
	assert_int_equal(loan_stats_rate_pm(0, 3), 0);
	assert_int_equal(loan_stats_rate_pm(3, 3), 1000);
	assert_int_equal(loan_stats_rate_pm(1, 3), 333);	/* 33.3% */
	assert_int_equal(loan_stats_rate_pm(2, 3), 667);	/* 66.67 up */
	assert_int_equal(loan_stats_rate_pm(1, 8), 125);
	assert_int_equal(loan_stats_rate_pm(1, 16), 63);	/* 62.5 half up */
}

static void
r12_1_stats_scale(void **state)
{
	static const struct { long long max, top, step; } t[] = {
		{ -5, 1, 1 }, { 0, 1, 1 }, { 1, 1, 1 }, { 2, 2, 1 }, { 3, 5, 1 },
		{ 5, 5, 1 }, { 6, 10, 2 }, { 10, 10, 2 }, { 11, 20, 5 },
		{ 20, 20, 5 }, { 21, 50, 10 }, { 99, 100, 20 }, { 101, 200, 50 },
		{ 1234, 2000, 500 }, { 5000, 5000, 1000 }, { 999999, 1000000, 200000 },
	};

	(void)state;
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
		long long top = -1, step = -1;

		loan_stats_scale(t[i].max, &top, &step);
		assert_int_equal(top, t[i].top);
		assert_int_equal(step, t[i].step);
		assert_true(top >= t[i].max);
	}
}

static void
r12_1_stats_bar(void **state)
{
	(void)state;
	assert_int_equal(loan_stats_bar(0, 100, 400), 0);
	assert_int_equal(loan_stats_bar(-3, 100, 400), 0);
	assert_int_equal(loan_stats_bar(100, 100, 400), 400);
	assert_int_equal(loan_stats_bar(150, 100, 400), 400);	/* clamped */
	assert_int_equal(loan_stats_bar(50, 100, 400), 200);
	assert_int_equal(loan_stats_bar(1, 3, 400), 133);	/* 133.3 */
	assert_int_equal(loan_stats_bar(2, 3, 400), 267);	/* 266.7 up */
	assert_int_equal(loan_stats_bar(1, 1000000, 400), 1);	/* visible */
	assert_int_equal(loan_stats_bar(5, 0, 400), 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(r12_1_stats_median),
		cmocka_unit_test(r12_1_stats_rate),
		cmocka_unit_test(r12_1_stats_scale),
		cmocka_unit_test(r12_1_stats_bar),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
