/*
 * test_objection.c -- the pure parts of the objections (R-08.2e): the
 * names stored in objections.kind / .status, the deadlines (20 calendar
 * days, 2 working days to accept), the days left and the reply's number.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <string.h>

#include "credit/objection.h"
#include "db/workdays.h"

/* R-08.2e: the six kinds of 信用湛江 and the states round-trip. */
static void
r08_2e_names_round_trip(void **state)
{
	(void)state;
	for (int i = 0; i < OKIND__MAX; i++)
		assert_int_equal(obj_kind_parse(obj_kind_name(i)), i);
	for (int i = 0; i < OST__MAX; i++)
		assert_int_equal(obj_status_parse(obj_status_name(i)), i);
	for (int i = 0; i < OA__MAX; i++)
		assert_int_equal(obj_action_parse(obj_action_name(i)), i);
	assert_string_equal(obj_kind_name(OKIND_NOT_PUBLIC), "not_public");
	assert_string_equal(obj_kind_name(OKIND_INCONSISTENT), "inconsistent");
	assert_int_equal(obj_kind_parse("错误"), -1);
	assert_int_equal(obj_kind_parse(NULL), -1);
	assert_int_equal(obj_subject_parse("registration"), OSUB_REGISTRATION);
}

/* R-08.2e: the mark stays while open and after "cannot be confirmed";
 * kept, corrected, removed and refused take it away. */
static void
r08_2e_marks(void **state)
{
	(void)state;
	assert_true(obj_status_marks(OST_FILED));
	assert_true(obj_status_marks(OST_ACCEPTED));
	assert_true(obj_status_marks(OST_CHECKED));
	assert_true(obj_status_marks(OST_UNCONFIRMED));
	assert_false(obj_status_marks(OST_KEPT));
	assert_false(obj_status_marks(OST_CORRECTED));
	assert_false(obj_status_marks(OST_REMOVED));
	assert_false(obj_status_marks(OST_REFUSED));
	assert_false(obj_status_open(OST_UNCONFIRMED));
}

/* R-08.2e: filed on Friday 2026-09-25 (before the National Day holiday,
 * 10-01..10-08 off, 09-27 and 10-10 worked): due 20 calendar days later,
 * 2026-10-15; accepted by the 2nd working day after: Monday 09-28, then
 * Sunday 09-27 is worked, so 09-28. */
static void
r08_2e_deadlines(void **state)
{
	struct calendar	 cal;
	struct arena	*a = arena_new(1024);
	char		 due[11], acc[11];

	(void)state;
	calendar_init(&cal, a);
	for (int d = 1; d <= 8; d++)
		assert_int_equal(calendar_add(&cal, 2026, 10, d, true), 0);
	assert_int_equal(calendar_add(&cal, 2026, 9, 27, false), 0);
	obj_deadlines(&cal, 2026, 9, 25, due, acc);
	assert_string_equal(due, "2026-10-15");
	assert_string_equal(acc, "2026-09-28");
	/* filed on Tuesday 09-29: 09-30, then the holiday, then 10-09 */
	obj_deadlines(&cal, 2026, 9, 29, due, acc);
	assert_string_equal(due, "2026-10-19");
	assert_string_equal(acc, "2026-10-09");
	/* across a year's end */
	obj_deadlines(&cal, 2026, 12, 20, due, acc);
	assert_string_equal(due, "2027-01-09");
	arena_free(a);
}

static void
r08_2e_days_left_and_reply_number(void **state)
{
	char no[OBJ_REPLY_NO_LEN];

	(void)state;
	assert_int_equal(obj_days_left("2026-12-23", "2026-12-03"), 20);
	assert_int_equal(obj_days_left("2026-12-03", "2026-12-03"), 0);
	assert_int_equal(obj_days_left("2026-12-01", "2026-12-03"), -2);
	assert_int_equal(obj_days_left("2026-13-01", "2026-12-03"), 0);
	assert_int_equal(obj_reply_number(42, "2026-12-03", no), 0);
	assert_string_equal(no, "GDYY-20261203-00000042");
	assert_int_equal(obj_reply_number(123456789, "2026-12-03", no), 0);
	assert_string_equal(no, "GDYY-20261203-123456789");
	assert_int_equal(obj_reply_number(0, "2026-12-03", no), -1);
	assert_string_equal(no, "");
	assert_int_equal(obj_reply_number(1, "20261203", no), -1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(r08_2e_names_round_trip),
		cmocka_unit_test(r08_2e_marks),
		cmocka_unit_test(r08_2e_deadlines),
		cmocka_unit_test(r08_2e_days_left_and_reply_number),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
