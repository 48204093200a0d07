/*
 * test_timefmt.c -- UTC and Beijing time (lib/core/timefmt.c, X-UI): the
 * one module that knows the offset (issue 13 item 3).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "core/timefmt.h"

static void
test_utc_to_beijing(void **state)
{
	char out[32];

	(void)state;
	assert_int_equal(time_beijing("2026-12-02 16:30:00", out, sizeof out), 0);
	assert_string_equal(out, "2026-12-03 00:30");
	assert_int_equal(time_beijing_secs("2026-12-31 23:59:59.5", out, sizeof out), 0);
	assert_string_equal(out, "2027-01-01 07:59:59");
	assert_int_equal(time_beijing("not a time", out, sizeof out), -1);
	assert_string_equal(out, "");
	assert_int_equal(time_beijing(NULL, out, sizeof out), -1);
}

/* Midnight in Beijing is 16:00 UTC the day before; days roll months. */
static void
test_beijing_midnight_utc(void **state)
{
	char out[32];

	(void)state;
	assert_int_equal(beijing_midnight_utc(2026, 12, 3, 0, out, sizeof out), 0);
	assert_string_equal(out, "2026-12-02 16:00:00");
	assert_int_equal(beijing_midnight_utc(2026, 12, 31, 1, out, sizeof out), 0);
	assert_string_equal(out, "2026-12-31 16:00:00");
	assert_int_equal(beijing_midnight_utc(2026, 3, 1, 0, out, sizeof out), 0);
	assert_string_equal(out, "2026-02-28 16:00:00");
	assert_int_equal(beijing_midnight_utc(2026, 3, 1, 0, out, 5), -1);
	assert_string_equal(out, "");
}

/* Today's date, its text and its day number agree with each other. */
static void
test_today_agrees(void **state)
{
	char date[11], again[32], now[32];
	int y, m, d;
	long day;

	(void)state;
	for (int i = 0; i < 3; i++) {	/* a midnight may pass in between */
		day = beijing_day_number();
		beijing_today(&y, &m, &d);
		beijing_date(date, sizeof date);
		beijing_now_text(now, sizeof now);
		snprintf(again, sizeof again, "%04d-%02d-%02d", y,
		    m, d);
		if (day == beijing_day_number())
			break;
	}
	assert_string_equal(date, again);
	assert_int_equal(strlen(now), 16);
	assert_memory_equal(now, date, 10);
	{
		char mid[32], back[32];

		/* the day number's midnight, read back in Beijing, is today */
		assert_int_equal(beijing_midnight_utc(1970, 1, 1, (int)day,
		    mid, sizeof mid), 0);
		assert_int_equal(time_beijing(mid, back, sizeof back), 0);
		assert_memory_equal(back, date, 10);
		assert_string_equal(back + 10, " 00:00");
	}
}

/* a scheduled publication time typed in Beijing time. */
static void
test_beijing_to_utc(void **state)
{
	static const struct {
		const char *in, *out;
	} v[] = {
		{ "2026-12-03 08:30", "2026-12-03 00:30:00" },
		{ "2026-12-03T07:59", "2026-12-02 23:59:00" },
		{ "2027-01-01 00:00", "2026-12-31 16:00:00" },
		{ "2028-02-29 12:00", "2028-02-29 04:00:00" },
		{ "2026-02-29 12:00", "" },
		{ "2026-02-30 12:00", "" },
		{ "2026-12-03 24:00", "" },
		{ "2026-12-03 8:30", "" },
		{ "2026-12-03 08:30:00", "" },
		{ "2026-12-03+08:30", "" },
		{ "2026-1a-03 08:30", "" },
		{ "", "" },
	};
	char out[32];

	(void)state;
	for (size_t i = 0; i < sizeof v / sizeof v[0]; i++) {
		int rc = beijing_to_utc(v[i].in, out, sizeof out);

		assert_int_equal(rc, *v[i].out != '\0' ? 0 : -1);
		assert_string_equal(out, v[i].out);
	}
	assert_int_equal(beijing_to_utc(NULL, out, sizeof out), -1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_utc_to_beijing),
		cmocka_unit_test(test_beijing_midnight_utc),
		cmocka_unit_test(test_today_agrees),
		cmocka_unit_test(test_beijing_to_utc),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
