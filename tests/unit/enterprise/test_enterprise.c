/*
 * test_enterprise.c -- how an enterprise's stored values are shown on
 * every page (R-10.1, issue 12 item 19): money in fen as yuan with
 * thousands separators, coded values as the keys of their labels,
 * table-driven.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdbool.h>
#include <string.h>

#include "enterprise/enterprise.h"

#define NELEM(a)	(sizeof(a) / sizeof((a)[0]))

/* fen as yuan: separators every three digits, cents only when
 * there are any, "" for what is not an amount. */
static void
r10_1_money_text(void **state)
{
	static const struct { const char *fen, *want; } cases[] = {
		{ "0", "0" }, { "1", "0.01" }, { "99", "0.99" }, { "100", "1" },
		{ "12345", "123.45" }, { "50050", "500.50" }, { "99999", "999.99" },
		{ "100000", "1,000" }, { "123456", "1,234.56" },
		{ "100000000", "1,000,000" }, { "123456789", "1,234,567.89" },
		{ "25000050", "250,000.50" }, { "99999999999", "999,999,999.99" },
		{ "100000000000000", "1,000,000,000,000" },
		{ "", "" }, { "-1", "" }, { "12a", "" }, { "1.5", "" }, { " 1", "" },
	};
	struct arena *a = arena_new(1024);

	(void)state;
	assert_non_null(a);
	for (size_t i = 0; i < NELEM(cases); i++) {
		const char *got = ent_money_text(a, cases[i].fen);

		assert_non_null(got);
		if (strcmp(got, cases[i].want) != 0)
			fail_msg("%s: got \"%s\", want \"%s\"", cases[i].fen, got, cases[i].want);
	}
	assert_string_equal(ent_money_text(a, NULL), "");
	arena_free(a);
}

/* every field is shown one way: money as yuan, codes as label
 * keys, the rest as stored. */
static void
r10_1_value_shown(void **state)
{
	static const struct {
		const char	*field, *v, *want;
		bool		 key;
	} cases[] = {
		{ "reg_capital", "100000000", "1,000,000", false },
		{ "revenue", "25000050", "250,000.50", false },
		{ "org_form", "llc", "OrgForm.llc", true },
		{ "industry", "C", "Industry.C", true },
		{ "size", "medium", "Size.medium", true },
		{ "headcount", "1200", "1200", false },
		{ "address", "广州市天河区", "广州市天河区", false },
		{ "main_mobile", "******", "******", false },
		{ "org_form", "", "", false },
		{ "reg_capital", "", "", false },
	};
	struct arena *a = arena_new(1024);

	(void)state;
	assert_non_null(a);
	for (size_t i = 0; i < NELEM(cases); i++) {
		bool		 key = !cases[i].key;
		const char	*got = ent_value_shown(a, cases[i].field, cases[i].v, &key);

		assert_non_null(got);
		if (strcmp(got, cases[i].want) != 0 || key != cases[i].key)
			fail_msg("%s=%s: got \"%s\" (key %d)", cases[i].field, cases[i].v,
			    got, key);
	}
	arena_free(a);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(r10_1_money_text),
		cmocka_unit_test(r10_1_value_shown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
