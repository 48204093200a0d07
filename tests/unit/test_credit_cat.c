/*
 * test_credit_cat.c -- the checks of one credit value by its column's kind
 * types, dates, allowed values, required columns) and the
 * content object's round trip.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <string.h>

#include "credit_cat.h"

static const struct credit_column text_col = { 1, "doc_no", "文号", CCOL_TEXT, true, 5, "" };
static const struct credit_column opt_col = { 2, "note", "备注", CCOL_TEXT, false, 10, "" };
static const struct credit_column int_col = { 3, "year", "年度", CCOL_INT, true, 4, "" };
static const struct credit_column money_col = { 4, "amount", "金额", CCOL_MONEY, false, 20, "" };
static const struct credit_column date_col = { 5, "valid_to", "有效期至", CCOL_DATE, false, 10, "" };
static const struct credit_column choice_col = { 6, "grade", "等级", CCOL_CHOICE, true, 1, "A|B|M|C|D" };

/* The check of s against c: the error key, or NULL with *out. */
static const char *
check(struct arena *a, const struct credit_column *c, const char *s, const char **out)
{
	return credit_value_check(a, c, s, strlen(s), out);
}

static void
test_required_and_text(void **state)
{
	struct arena	*a = arena_new(1024);
	const char	*out;

	(void)state;
	assert_string_equal(check(a, &text_col, "", &out), "required");
	assert_null(check(a, &opt_col, "", &out));
	assert_string_equal(out, "");
	assert_null(check(a, &text_col, "粤市监罚", &out));
	assert_string_equal(out, "粤市监罚");
	/* five characters, not bytes */
	assert_null(check(a, &text_col, "一二三四五", &out));
	assert_string_equal(check(a, &text_col, "一二三四五六", &out), "credit_too_long");
	/* a cell of several lines: line breaks kept as LF */
	assert_null(check(a, &opt_col, "a\r\nb\rc\nd", &out));
	assert_string_equal(out, "a\nb\nc\nd");
	assert_null(check(a, &opt_col, "a\tb", &out));
	assert_string_equal(check(a, &opt_col, "a\x01b", &out), "credit_control");
	assert_string_equal(check(a, &opt_col, "a\x7f", &out), "credit_control");
	assert_string_equal(check(a, &int_col, "1\n", &out), "credit_control");
	arena_free(a);
}

static void
test_int(void **state)
{
	struct arena	*a = arena_new(1024);
	const char	*out;

	(void)state;
	assert_null(check(a, &int_col, "2026", &out));
	assert_string_equal(out, "2026");
	assert_string_equal(check(a, &int_col, "20261", &out), "credit_int");
	assert_string_equal(check(a, &int_col, "-1", &out), "credit_int");
	assert_string_equal(check(a, &int_col, "2O26", &out), "credit_int");
	assert_string_equal(check(a, &int_col, "1.5", &out), "credit_int");
	arena_free(a);
}

static void
test_money(void **state)
{
	static const struct { const char *in, *out; } good[] = {
		{ "1234", "1234.00" }, { "1,234.5", "1234.50" }, { "0.05", "0.05" },
		{ "007", "7.00" }, { "0", "0.00" }, { "12,345,678.90", "12345678.90" },
	};
	static const char *const bad[] = { "1.234", "-5", "1e3", "¥100", ".5", "5.", ",5", "1 000" };
	struct arena	*a = arena_new(1024);
	const char	*out;

	(void)state;
	for (size_t i = 0; i < sizeof good / sizeof good[0]; i++) {
		assert_null(check(a, &money_col, good[i].in, &out));
		assert_string_equal(out, good[i].out);
	}
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
		assert_string_equal(check(a, &money_col, bad[i], &out), "credit_money");
	arena_free(a);
}

static void
test_date(void **state)
{
	static const struct { const char *in, *out; } good[] = {
		{ "2026-11-05", "2026-11-05" }, { "2026/11/5", "2026-11-05" },
		{ "2026.1.5", "2026-01-05" }, { "2024-02-29", "2024-02-29" },
	};
	static const char *const bad[] = { "2026-02-29", "2026-13-01", "2026-11", "26-11-05",
		"2026-11-05 10:00", "2026/11-05", "20261105", "2026-1-32" };
	struct arena	*a = arena_new(1024);
	const char	*out;

	(void)state;
	for (size_t i = 0; i < sizeof good / sizeof good[0]; i++) {
		assert_null(check(a, &date_col, good[i].in, &out));
		assert_string_equal(out, good[i].out);
	}
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
		assert_string_equal(check(a, &date_col, bad[i], &out), "credit_date");
	arena_free(a);
}

static void
test_choice(void **state)
{
	struct arena	*a = arena_new(1024);
	const char	*out;

	(void)state;
	assert_null(check(a, &choice_col, "M", &out));
	assert_string_equal(out, "M");
	assert_null(check(a, &choice_col, "D", &out));
	assert_string_equal(check(a, &choice_col, "m", &out), "credit_choice");
	assert_string_equal(check(a, &choice_col, "A|B", &out), "credit_choice");
	assert_string_equal(check(a, &choice_col, "", &out), "required");
	arena_free(a);
}

static void
test_content_round_trip(void **state)
{
	struct credit_category	 cat = { .id = 1, .code = "t", .name = "测试", .ncols = 3 };
	const char		*values[] = { "粤\"市\"监\\罚", "", "A,B:{}" };
	struct arena		*a = arena_new(4096);
	char			*json;

	(void)state;
	cat.cols[0] = text_col;
	cat.cols[1] = opt_col;
	cat.cols[2] = choice_col;
	json = credit_content_encode(a, &cat, values);
	assert_non_null(json);
	assert_string_equal(json, "{\"doc_no\":\"粤\\\"市\\\"监\\\\罚\",\"note\":\"\",\"grade\":\"A,B:{}\"}");
	assert_string_equal(credit_content_get(a, json, "doc_no"), values[0]);
	assert_string_equal(credit_content_get(a, json, "note"), "");
	assert_string_equal(credit_content_get(a, json, "grade"), values[2]);
	assert_string_equal(credit_content_get(a, json, "absent"), "");
	assert_string_equal(credit_content_get(a, "{}", "x"), "");
	assert_null(credit_content_get(a, "{\"a\":1}", "a"));
	assert_null(credit_content_get(a, "{\"a\":\"x\"", "b"));
	assert_null(credit_content_get(a, "", "a"));
	arena_free(a);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_required_and_text),
		cmocka_unit_test(test_int),
		cmocka_unit_test(test_money),
		cmocka_unit_test(test_date),
		cmocka_unit_test(test_choice),
		cmocka_unit_test(test_content_round_trip),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
