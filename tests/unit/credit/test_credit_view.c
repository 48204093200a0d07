/*
 * test_credit_view.c -- the purposes of a credit query, the
 * states of a self-view request and the report number of the
 * enterprise's printed report (R-08.2c), table-driven.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <string.h>

#include "credit/credit_view.h"

/* the purposes round-trip through their stored names (the values
 * of credit_queries.purpose), and nothing else parses. */
static void
r08_1_purposes_round_trip(void **state)
{
	static const char *const bad[] = { "", "Duty", "duty ", "行政履职", "selfish",
		"other\n", NULL };

	(void)state;
	for (int i = 0; i < CPUR__MAX; i++)
		assert_int_equal(credit_purpose_parse(credit_purpose_name(i)), i);
	assert_string_equal(credit_purpose_name(CPUR_DUTY), "duty");
	assert_string_equal(credit_purpose_name(CPUR_SUPERVISION), "supervision");
	assert_string_equal(credit_purpose_name(CPUR_EVALUATION), "evaluation");
	assert_string_equal(credit_purpose_name(CPUR_OTHER), "other");
	assert_string_equal(credit_purpose_name(CPUR_SELF), "self");
	/* issue 14: an FI under a loan application's consent (信贷审批) */
	assert_string_equal(credit_purpose_name(CPUR_LOAN), "loan");
	assert_string_equal(credit_purpose_name(CPUR__MAX), "?");
	for (int i = 0; bad[i] != NULL; i++)
		assert_int_equal(credit_purpose_parse(bad[i]), -1);
	assert_int_equal(credit_purpose_parse(NULL), -1);
}

static void
r08_2c_request_states(void **state)
{
	(void)state;
	assert_string_equal(csr_status_name(CSR_PENDING), "pending");
	assert_string_equal(csr_status_name(CSR_GRANTED), "granted");
	assert_string_equal(csr_status_name(CSR_REFUSED), "refused");
	assert_string_equal(csr_status_name(CSR__MAX), "?");
}

/* R-08.2c the report number: GDXY-, the Beijing date, the id in 8 digits
 * (more when it is larger). */
static void
r08_2c_report_numbers(void **state)
{
	static const struct {
		long long	 id;
		const char	*utc;
		const char	*want;	/* NULL: refused */
	} cases[] = {
		{ 42, "2026-11-20 03:04:05", "GDXY-20261120-00000042" },
		/* 16:00 UTC is midnight in Beijing: the next day */
		{ 1, "2026-11-20 15:59:59", "GDXY-20261120-00000001" },
		{ 1, "2026-11-20 16:00:00", "GDXY-20261121-00000001" },
		{ 7, "2026-12-31 23:00:00", "GDXY-20270101-00000007" },
		{ 7, "2026-12-31 23:00:00.123456", "GDXY-20270101-00000007" },
		{ 99999999, "2026-01-01 00:00:00", "GDXY-20260101-99999999" },
		{ 123456789012LL, "2026-01-01 00:00:00", "GDXY-20260101-123456789012" },
		{ 0, "2026-01-01 00:00:00", NULL },
		{ -5, "2026-01-01 00:00:00", NULL },
		{ 1, "2026-01-01", NULL },
		{ 1, "yesterday", NULL },
		{ 1, "", NULL },
		{ 1, NULL, NULL },
	};
	char out[CREDIT_REPORT_NO_LEN];

	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		int rc = credit_report_number(cases[i].id, cases[i].utc, out);

		if (cases[i].want == NULL) {
			assert_int_equal(rc, -1);
			assert_string_equal(out, "");
		} else {
			assert_int_equal(rc, 0);
			assert_string_equal(out, cases[i].want);
		}
	}
}

/* issue 18: a typed verification code in canonical form, or refused */
static void
r08_2c_code_normal(void **state)
{
	static const struct { const char *in, *want; } cases[] = {
		{ "ABCD-EFGH-2345-67AB", "ABCD-EFGH-2345-67AB" },
		{ "abcdefgh234567ab", "ABCD-EFGH-2345-67AB" },
		{ " abcd efgh 2345 67ab ", "ABCD-EFGH-2345-67AB" },
		{ "0OI1-8BAA-AAAA-AAAA", "OOII-BBAA-AAAA-AAAA" },	/* look-alikes */
		{ "ABCD-EFGH-2345-67A", NULL },		/* 15 characters */
		{ "ABCD-EFGH-2345-67ABC", NULL },	/* 17 */
		{ "ABCD-EFGH-2345-679B", NULL },	/* 9 is no base32 */
		{ "ABCD-EFGH-2345-67A!", NULL },
		{ "ABCD-EFGH-2345-67A\xc3\xa9", NULL },
		{ "", NULL },
		{ "----", NULL },
	};
	char out[CREDIT_CODE_LEN];

	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		int rc = credit_code_normal(cases[i].in, out);

		if (cases[i].want == NULL) {
			assert_int_equal(rc, -1);
			assert_string_equal(out, "");
		} else {
			assert_int_equal(rc, 0);
			assert_string_equal(out, cases[i].want);
		}
	}
	assert_int_equal(credit_code_normal(NULL, out), -1);
}

/* issue 18: the content digest changes with every part of the content,
 * and the NUL after each value keeps "ab"+"c" apart from "a"+"bc" */
static void
r08_2c_report_digest(void **state)
{
	struct credit_field	 f[] = { { "处罚类别", "罚款" } };
	struct credit_record	 rec = { .id = 7, .category_id = 2, .category = "行政处罚",
		.date_label = "处罚决定日期", .decision_date = "2026-03-01",
		.agency_name = "广州市市场监督管理局", .fields = f, .nfields = 1 };
	struct credit_record_list l = { &rec, 1, false }, none = { NULL, 0, false };
	unsigned char		 d0[32], d1[32];
	struct arena		*a = arena_new(4096);

	(void)state;
	assert_non_null(a);
	assert_int_equal(credit_report_digest(a, "AAAA-BBBB-CCCC-DDDD", "91440100MA59XXXX1X",
	    "甲公司", &l, d0), ERR_OK);
	assert_int_equal(credit_report_digest(a, "AAAA-BBBB-CCCC-DDDD", "91440100MA59XXXX1X",
	    "甲公司", &l, d1), ERR_OK);
	assert_memory_equal(d0, d1, 32);			/* deterministic */
	assert_int_equal(credit_report_digest(a, "AAAA-BBBB-CCCC-DDDE", "91440100MA59XXXX1X",
	    "甲公司", &l, d1), ERR_OK);
	assert_memory_not_equal(d0, d1, 32);			/* the code */
	assert_int_equal(credit_report_digest(a, "AAAA-BBBB-CCCC-DDDD", "91440100MA59XXXX1X",
	    "乙公司", &l, d1), ERR_OK);
	assert_memory_not_equal(d0, d1, 32);			/* the name */
	f[0].value = "警告";
	assert_int_equal(credit_report_digest(a, "AAAA-BBBB-CCCC-DDDD", "91440100MA59XXXX1X",
	    "甲公司", &l, d1), ERR_OK);
	assert_memory_not_equal(d0, d1, 32);			/* a field */
	assert_int_equal(credit_report_digest(a, "AAAA-BBBB-CCCC-DDDD", "91440100MA59XXXX1X",
	    "甲公司", &none, d1), ERR_OK);
	assert_memory_not_equal(d0, d1, 32);			/* the records */
	assert_int_equal(credit_report_digest(a, "ab", "c", "", &none, d0), ERR_OK);
	assert_int_equal(credit_report_digest(a, "a", "bc", "", &none, d1), ERR_OK);
	assert_memory_not_equal(d0, d1, 32);			/* the boundaries */
	arena_free(a);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(r08_1_purposes_round_trip),
		cmocka_unit_test(r08_2c_request_states),
		cmocka_unit_test(r08_2c_report_numbers),
		cmocka_unit_test(r08_2c_code_normal),
		cmocka_unit_test(r08_2c_report_digest),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
