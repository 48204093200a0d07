/*
 * test_measure.c -- which measure refuses which page (measure_refuses)
 * and what the lists show (measure_shown), R-15.1.  No database.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <string.h>

#include "oversight/measure.h"

static struct measure
m(enum measure_kind k, enum measure_status s, bool started, bool ended)
{
	struct measure o;

	memset(&o, 0, sizeof o);
	o.kind = k;
	o.status = s;
	o.started = started;
	o.ended = ended;
	return o;
}

/* One suspended right refuses the pages that need it, nothing else. */
static void
r_15_1_one_right(void **state)
{
	struct measure		v[1] = { m(MK_SUSPEND_PUBLISH, MS_ACTIVE, true, false) };
	struct measure_list	l = { v, 1 };

	(void)state;
	assert_ptr_equal(measure_refuses(&l, MR_PUBLISH), &v[0]);
	assert_null(measure_refuses(&l, MR_MESSAGE));
	assert_null(measure_refuses(&l, MR_SELFVIEW));
	assert_null(measure_refuses(&l, MR_READ));
	assert_null(measure_refuses(&l, MR_USE));
	assert_null(measure_refuses(&l, MR_ALWAYS));
	v[0].kind = MK_SUSPEND_MESSAGE;
	assert_ptr_equal(measure_refuses(&l, MR_MESSAGE), &v[0]);
	assert_null(measure_refuses(&l, MR_PUBLISH));
	v[0].kind = MK_SUSPEND_SELFVIEW;
	assert_ptr_equal(measure_refuses(&l, MR_SELFVIEW), &v[0]);
	/* the unwelcome list and other measures refuse no page */
	v[0].kind = MK_UNWELCOME;
	assert_null(measure_refuses(&l, MR_PUBLISH));
	v[0].kind = MK_OTHER;
	assert_null(measure_refuses(&l, MR_USE));
}

/* All rights suspended: reading too, but not the MR_ALWAYS pages; a
 * revocation first, even there. */
static void
r_15_1_all_and_revoke(void **state)
{
	struct measure		v[2] = { m(MK_SUSPEND_MESSAGE, MS_ACTIVE, true, false),
	    m(MK_SUSPEND_ALL, MS_LIFT_PENDING, true, false) };
	struct measure_list	l = { v, 2 };

	(void)state;
	assert_ptr_equal(measure_refuses(&l, MR_READ), &v[1]);
	assert_ptr_equal(measure_refuses(&l, MR_NONE), &v[1]);
	assert_ptr_equal(measure_refuses(&l, MR_MESSAGE), &v[1]);
	assert_null(measure_refuses(&l, MR_ALWAYS));
	v[0].kind = MK_REVOKE;
	assert_ptr_equal(measure_refuses(&l, MR_READ), &v[0]);
	assert_ptr_equal(measure_refuses(&l, MR_ALWAYS), &v[0]);
}

/* Only what is in force counts: not before its start, not after its
 * end, not pending, lifted or an FI's own. */
static void
r_15_1_in_force_only(void **state)
{
	struct measure		v[1] = { m(MK_SUSPEND_ALL, MS_ACTIVE, false, false) };
	struct measure_list	l = { v, 1 };

	(void)state;
	assert_null(measure_refuses(&l, MR_READ));
	assert_string_equal(measure_shown(&v[0]), "scheduled");
	v[0].started = true;
	assert_string_equal(measure_shown(&v[0]), "active");
	assert_non_null(measure_refuses(&l, MR_READ));
	v[0].ended = true;
	assert_string_equal(measure_shown(&v[0]), "ended");
	assert_null(measure_refuses(&l, MR_READ));
	v[0].ended = false;
	const enum measure_status off[] = { MS_PENDING, MS_REFUSED, MS_FI_ACTIVE,
	    MS_ADOPT_PENDING, MS_LIFTED };
	for (size_t i = 0; i < sizeof off / sizeof off[0]; i++) {
		v[0].status = off[i];
		assert_null(measure_refuses(&l, MR_READ));
	}
	v[0].status = MS_LIFTED;
	v[0].ended = true;
	assert_string_equal(measure_shown(&v[0]), "lifted");
	v[0].status = MS_FI_ACTIVE;
	assert_string_equal(measure_shown(&v[0]), "ended");
	assert_null(measure_refuses(NULL, MR_READ));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(r_15_1_one_right),
		cmocka_unit_test(r_15_1_all_and_revoke),
		cmocka_unit_test(r_15_1_in_force_only),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
