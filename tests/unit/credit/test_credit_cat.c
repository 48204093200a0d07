/*
 * test_credit_cat.c -- the checks of one credit value by its column's kind
 * types, dates, allowed values, required columns) and the
 * content object's round trip; the checks of a category an operator
 * declares (R-09.2: categories kept as data).
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "credit/credit_cat.h"

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

/* A good category with a text and a choice column, to spoil one field at a time. */
static void
good_category(struct credit_category *c)
{
	memset(c, 0, sizeof *c);
	c->code = "fire_check";
	c->name = "消防检查";
	c->date_label = "检查日期";
	c->active = true;
	c->cols[0] = (struct credit_column){ 1, "doc_no", "检查文书号", CCOL_TEXT, true, 100, "" };
	c->cols[1] = (struct credit_column){ 2, "result", "检查结果", CCOL_CHOICE, true, 10, "合格|不合格" };
	c->ncols = 2;
}

/* The only mistake of c is (col, field, key). */
static void
one_error(const struct credit_category *c, int col, const char *field, const char *key)
{
	struct ccat_error	e[CCAT_ERRORS_MAX];

	assert_int_equal(credit_category_check(c, e, CCAT_ERRORS_MAX), 1);
	assert_int_equal(e[0].col, col);
	assert_string_equal(e[0].field, field);
	assert_string_equal(e[0].key, key);
}

static void
test_category_good(void **state)
{
	static const char *const codes[] = { "ab", "a1", "a_b", "tax_grade_2026",
		"abcdefghijabcdefghijabcdefghijabcdefghij" /* 40 */ };
	struct credit_category	 c;
	struct ccat_error	 e[CCAT_ERRORS_MAX];

	(void)state;
	good_category(&c);
	assert_int_equal(credit_category_check(&c, e, CCAT_ERRORS_MAX), 0);
	for (size_t i = 0; i < sizeof codes / sizeof codes[0]; i++) {
		good_category(&c);
		c.code = codes[i];
		c.cols[0].code = codes[i];
		assert_int_equal(credit_category_check(&c, e, CCAT_ERRORS_MAX), 0);
	}
	/* max_len at its bounds, an int of 18 digits */
	good_category(&c);
	c.cols[0].max_len = 500;
	c.cols[1] = (struct credit_column){ 2, "year", "年度", CCOL_INT, false, 18, "" };
	assert_int_equal(credit_category_check(&c, e, CCAT_ERRORS_MAX), 0);
	/* CREDIT_COLS_MAX columns */
	good_category(&c);
	for (size_t i = 0; i < CREDIT_COLS_MAX; i++) {
		static char codes20[CREDIT_COLS_MAX][8], labels[CREDIT_COLS_MAX][16];

		snprintf(codes20[i], sizeof codes20[i], "c%zu", i);
		snprintf(labels[i], sizeof labels[i], "列%zu", i);
		c.cols[i] = (struct credit_column){ (int)i + 1, codes20[i], labels[i],
		    CCOL_TEXT, false, 200, "" };
	}
	c.ncols = CREDIT_COLS_MAX;
	assert_int_equal(credit_category_check(&c, e, CCAT_ERRORS_MAX), 0);
}

static void
test_category_bad(void **state)
{
	static const char *const bad_codes[] = { "", "a", "1ab", "_ab", "Ab", "a-b",
		"a b", "类别", "abcdefghijabcdefghijabcdefghijabcdefghijk" /* 41 */ };
	static const char *const fixed[] = { CREDIT_LABEL_USCC, CREDIT_LABEL_NAME,
		CREDIT_LABEL_PERIOD, "检查日期" };
	static const char *const bad_choices[] = { "", "合格", "合格|", "|合格", "合格||不合格" };
	struct credit_category	 c;
	struct ccat_error	 e[CCAT_ERRORS_MAX];

	(void)state;
	for (size_t i = 0; i < sizeof bad_codes / sizeof bad_codes[0]; i++) {
		good_category(&c);
		c.code = bad_codes[i];
		one_error(&c, -1, "code", "ccat_code");
		good_category(&c);
		c.cols[1].code = bad_codes[i];
		one_error(&c, 1, "code", "ccat_code");
	}
	good_category(&c);
	c.code = NULL;
	one_error(&c, -1, "code", "ccat_code");
	good_category(&c);
	c.name = "";
	one_error(&c, -1, "name", "required");
	good_category(&c);
	c.date_label = CREDIT_LABEL_PERIOD;
	one_error(&c, -1, "date_label", "ccat_label_fixed");
	good_category(&c);
	c.ncols = 0;
	one_error(&c, -1, "cols", "ccat_no_cols");
	good_category(&c);
	c.ncols = CREDIT_COLS_MAX + 1;
	assert_true(credit_category_check(&c, e, CCAT_ERRORS_MAX) >= 1);
	assert_string_equal(e[0].key, "ccat_too_many");
	/* unique codes and labels among the columns */
	good_category(&c);
	c.cols[1].code = "doc_no";
	one_error(&c, 1, "code", "ccat_col_dup");
	good_category(&c);
	c.cols[1].label = "检查文书号";
	one_error(&c, 1, "label", "ccat_label_dup");
	for (size_t i = 0; i < sizeof fixed / sizeof fixed[0]; i++) {
		good_category(&c);
		c.cols[0].label = fixed[i];
		one_error(&c, 0, "label", "ccat_label_fixed");
	}
	good_category(&c);
	c.cols[0].label = "";
	one_error(&c, 0, "label", "required");
	good_category(&c);
	/* 51 characters */
	c.cols[0].label = "一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十"
	    "一二三四五六七八九十一二三四五六七八九十一";
	one_error(&c, 0, "label", "too_long");
	good_category(&c);
	c.cols[0].max_len = 0;
	one_error(&c, 0, "max_len", "ccat_max_len");
	good_category(&c);
	c.cols[0].max_len = 501;
	one_error(&c, 0, "max_len", "ccat_max_len");
	good_category(&c);
	c.cols[0].kind = CCOL_INT;
	c.cols[0].max_len = 19;
	one_error(&c, 0, "max_len", "ccat_max_len");
	good_category(&c);
	c.cols[0].kind = CCOL__MAX;
	one_error(&c, 0, "kind", "ccat_kind");
	for (size_t i = 0; i < sizeof bad_choices / sizeof bad_choices[0]; i++) {
		good_category(&c);
		c.cols[1].choices = bad_choices[i];
		one_error(&c, 1, "choices", "ccat_choices");
	}
	good_category(&c);
	c.cols[0].choices = "a|b";
	one_error(&c, 0, "choices", "ccat_choices_kind");
	/* every mistake counted, only max stored */
	good_category(&c);
	c.code = "";
	c.name = "";
	c.cols[0].code = "";
	c.cols[1].choices = "";
	assert_int_equal(credit_category_check(&c, e, 2), 4);
	assert_string_equal(e[0].field, "code");
	assert_string_equal(e[1].field, "name");
}

/* issue 18: the template's example row passes the checks it shows the
 * format of; a choice's message lists its values. */
static void
test_example_and_choices(void **state)
{
	static const struct credit_column short_col = { 7, "flag", "标记", CCOL_TEXT, true, 1, "" };
	const struct credit_column *cols[] = { &text_col, &opt_col, &int_col,
		&money_col, &date_col, &choice_col, &short_col };
	struct arena	*a = arena_new(1024);
	const char	*v, *out;

	(void)state;
	for (size_t i = 0; i < sizeof cols / sizeof cols[0]; i++) {
		assert_non_null(v = credit_example_value(a, cols[i]));
		assert_true(v[0] != '\0');
		assert_null(check(a, cols[i], v, &out));
	}
	assert_string_equal(credit_example_value(a, &choice_col), "A");
	assert_string_equal(credit_choices_text(a, "A|B|M|C|D"), "A、B、M、C、D");
	assert_string_equal(credit_choices_text(a, "合格|不合格"), "合格、不合格");
	assert_string_equal(credit_choices_text(a, ""), "");
	assert_string_equal(credit_choices_text(a, NULL), "");
	assert_true(strncmp(CREDIT_EXAMPLE_USCC, CREDIT_EXAMPLE_MARK,
	    strlen(CREDIT_EXAMPLE_MARK)) == 0);
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
		cmocka_unit_test(test_category_good),
		cmocka_unit_test(test_category_bad),
		cmocka_unit_test(test_example_and_choices),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
