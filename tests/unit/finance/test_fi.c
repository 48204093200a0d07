/*
 * test_fi.c -- the 金融机构编码 format check (JR/T 0124: 14 characters,
 * upper-case letters and digits, a category letter first; issue 14,
 * ), the FI kinds and what an FI edit records in its audit row
 * (X-AUD).  No database.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <string.h>

#include "finance/fi.h"

static void
r02_3_fi_code_format(void **state)
{
	static const struct {
		const char	*code;
		const char	*want;	/* NULL: good */
	} t[] = {
		{ "C1010244000014", NULL },
		{ "D2030144060001", NULL },
		{ "Z0000000000000", NULL },
		{ "A1000144000019", NULL },
		{ "", "fi_code_len" },
		{ "C101024400001", "fi_code_len" },	/* 13 */
		{ "C10102440000141", "fi_code_len" },	/* 15 */
		{ "c1010244000014", "fi_code_chars" },	/* lower case */
		{ "C10102 4400001", "fi_code_chars" },
		{ "C1010244-00014", "fi_code_chars" },
		{ "C101024400001０", "fi_code_len" },	/* a full-width digit: bytes */
		{ "I1010244000014", "fi_code_category" },
		{ "11010244000014", "fi_code_category" },
		{ "Y1010244000014", "fi_code_category" },
	};

	(void)state;
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
		const char *got = fi_code_check(t[i].code);

		if (t[i].want == NULL)
			assert_null(got);
		else {
			assert_non_null(got);
			assert_string_equal(got, t[i].want);
		}
	}
	assert_string_equal(fi_code_check(NULL), "fi_code_len");
}

static void
r02_3_fi_kinds_round_trip(void **state)
{
	(void)state;
	for (int k = 0; k < FI_KIND__MAX; k++)
		assert_int_equal(fi_kind_parse(fi_kind_name((enum fi_kind)k)), k);
	assert_int_equal(fi_kind_parse("insurer"), -1);
	assert_int_equal(fi_kind_parse(NULL), -1);
	assert_null(fi_kind_name(FI_KIND__MAX));
	assert_null(fi_kind_names[FI_KIND__MAX]);
}

static void
x_aud_fi_diff(void **state)
{
	struct fi	 old = { .id = 3, .name = "中国工商银行广州分行", .kind = FI_BANK,
	    .code = "C1010244000014", .region = "440100", .parent_id = 0,
	    .address = "广州市越秀区" };
	struct fi_input	 in = { .name = old.name, .kind = FI_BANK, .code = old.code,
	    .parent_id = 0, .address = old.address, .region = "440600" };
	char		 buf[64], small[6];

	(void)state;
	/* the region is never compared */
	assert_int_equal(fi_diff(&old, &in, buf, sizeof buf), 0);
	assert_string_equal(buf, "");
	in.kind = FI_RURAL_CREDIT;
	in.parent_id = 9;
	in.address = NULL;
	assert_int_equal(fi_diff(&old, &in, buf, sizeof buf), 3);
	assert_string_equal(buf, "kind,parent,address");
	in.name = "x";
	in.code = "";
	assert_int_equal(fi_diff(&old, &in, small, sizeof small), 5);
	assert_int_equal(strlen(small), sizeof small - 1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(r02_3_fi_code_format),
		cmocka_unit_test(r02_3_fi_kinds_round_trip),
		cmocka_unit_test(x_aud_fi_diff),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
