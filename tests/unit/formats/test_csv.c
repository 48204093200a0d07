/*
 * test_csv.c -- the CSV writer of the audit export (X-AUD): RFC 4180
 * quoting, the BOM, CRLF rows, formula neutralisation (CSV injection),
 * growth past the first block.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <string.h>

#include "formats/csv.h"

/* One field as it must come out. */
static const struct {
	const char	*in;
	const char	*out;
} fields[] = {
	{ "", "\"\"" },
	{ NULL, "\"\"" },
	{ "abc", "\"abc\"" },
	{ "登录", "\"登录\"" },
	{ "a,b", "\"a,b\"" },
	{ "say \"hi\"", "\"say \"\"hi\"\"\"" },
	{ "\"", "\"\"\"\"" },
	{ "two\nlines", "\"two\nlines\"" },
	{ "cr\r\nlf", "\"cr\r\nlf\"" },
	/* formulas: a leading apostrophe makes them text */
	{ "=cmd|' /C calc'!A0", "\"'=cmd|' /C calc'!A0\"" },
	{ "=1+1", "\"'=1+1\"" },
	{ "+1", "\"'+1\"" },
	{ "-1", "\"'-1\"" },
	{ "@SUM(A1)", "\"'@SUM(A1)\"" },
	{ "\t=1", "\"'\t=1\"" },
	{ "\r=1", "\"'\r=1\"" },
	{ "=\"x\"", "\"'=\"\"x\"\"\"" },
	/* only the first character counts */
	{ "a=1", "\"a=1\"" },
	{ "username==cmd", "\"username==cmd\"" },
	{ " =1", "\" =1\"" },
	{ "'", "\"'\"" },
	{ "office:2", "\"office:2\"" },
};

static void
xaud_each_field_is_quoted_and_neutralised(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++) {
		struct arena	*a = arena_new(1024);
		struct csv	*c = csv_new(a, false);
		const char	*d;
		size_t		 len;

		assert_non_null(c);
		assert_int_equal(csv_field(c, fields[i].in), 0);
		d = csv_data(c, &len);
		assert_non_null(d);
		if (len != strlen(fields[i].out) ||
		    memcmp(d, fields[i].out, len) != 0)
			fail_msg("field %zu: got [%.*s], want [%s]", i, (int)len,
			    d, fields[i].out);
		arena_free(a);
	}
}

static void
xaud_risky_names_the_formula_starts(void **state)
{
	static const char *const risky[] = { "=", "+", "-", "@", "\t", "\r",
	    "=A1", "-2", "@x" };
	static const char *const safe[] = { "", "a", "1", " =", "'=", "\n=",
	    "登录", "a=b", "office:1" };

	(void)state;
	for (size_t i = 0; i < sizeof risky / sizeof risky[0]; i++)
		assert_true(csv_risky(risky[i]));
	for (size_t i = 0; i < sizeof safe / sizeof safe[0]; i++)
		assert_false(csv_risky(safe[i]));
	assert_false(csv_risky(NULL));
}

static void
xaud_rows_bom_and_separators(void **state)
{
	/* a number is a field like any other: a negative one is neutralised */
	static const char want[] =
	    "\xef\xbb\xbf\"编号\",\"操作\"\r\n\"1\",\"login\"\r\n\"'-5\"\r\n";
	struct arena	*a = arena_new(256);
	struct csv	*c = csv_new(a, true);
	const char	*d;
	size_t		 len;

	(void)state;
	assert_non_null(c);
	assert_int_equal(csv_field(c, "编号"), 0);
	assert_int_equal(csv_field(c, "操作"), 0);
	assert_int_equal(csv_end_row(c), 0);
	assert_int_equal(csv_field_ll(c, 1), 0);
	assert_int_equal(csv_field(c, "login"), 0);
	assert_int_equal(csv_end_row(c), 0);
	assert_int_equal(csv_field_ll(c, -5), 0);
	assert_int_equal(csv_end_row(c), 0);
	d = csv_data(c, &len);
	assert_non_null(d);
	assert_int_equal(len, sizeof want - 1);
	assert_memory_equal(d, want, len);
	arena_free(a);
}

static void
grows_past_the_first_block(void **state)
{
	struct arena	*a = arena_new(1024);
	struct csv	*c = csv_new(a, false);
	char		 big[10000];
	const char	*d;
	size_t		 len;

	(void)state;
	memset(big, 'x', sizeof big - 1);
	big[sizeof big - 1] = '\0';
	for (int i = 0; i < 100; i++) {
		assert_int_equal(csv_field(c, big), 0);
		assert_int_equal(csv_end_row(c), 0);
	}
	d = csv_data(c, &len);
	assert_non_null(d);
	assert_int_equal(len, 100 * (sizeof big - 1 + 4));
	for (int i = 0; i < 100; i++) {
		const char *row = d + (size_t)i * (sizeof big - 1 + 4);

		assert_int_equal(row[0], '"');
		assert_int_equal(row[1], 'x');
		assert_int_equal(row[sizeof big - 1], 'x');
		assert_memory_equal(row + sizeof big, "\"\r\n", 3);
	}
	arena_free(a);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(xaud_each_field_is_quoted_and_neutralised),
		cmocka_unit_test(xaud_risky_names_the_formula_starts),
		cmocka_unit_test(xaud_rows_bom_and_separators),
		cmocka_unit_test(grows_past_the_first_block),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
