/*
 * test_enumname.c -- the enum <-> string tables (lib/core/enumname.c;
 * issue 13 item 3).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "core/enumname.h"

static const char *const names[] = { "draft", NULL, "submitted", "" };

static void
test_parse(void **state)
{
	(void)state;
	assert_int_equal(enum_parse(names, 4, "draft"), 0);
	assert_int_equal(enum_parse(names, 4, "submitted"), 2);
	assert_int_equal(enum_parse(names, 4, ""), 3);
	/* beyond n, NULL input, unknown text, prefixes: not found */
	assert_int_equal(enum_parse(names, 2, "submitted"), -1);
	assert_int_equal(enum_parse(names, 4, NULL), -1);
	assert_int_equal(enum_parse(names, 4, "Draft"), -1);
	assert_int_equal(enum_parse(names, 4, "draf"), -1);
	assert_int_equal(enum_parse(names, 4, "drafts"), -1);
}

static void
test_name(void **state)
{
	(void)state;
	assert_string_equal(enum_name(names, 4, 0), "draft");
	assert_string_equal(enum_name(names, 4, 2), "submitted");
	assert_string_equal(enum_name(names, 4, 1), "");	/* NULL entry */
	assert_string_equal(enum_name(names, 4, 4), "");
	assert_string_equal(enum_name(names, 4, -1), "");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_parse),
		cmocka_unit_test(test_name),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
