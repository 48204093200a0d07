/*
 * test_office.c -- the operator offices' contact facts as an operator
 * types them (lib/info/office.c; issue 17 "Front pages", R-02.2): which
 * phone numbers the form takes, and the lengths of address and hours.
 * The edit itself (scope, transaction, audit row) is tested through
 * nginx by tests/http/t_96_offices.sh.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "info/office.h"

#define NELEM(a)	(sizeof(a) / sizeof((a)[0]))

static const char *const good_phones[] = {
	"020-81322000",			/* Guangzhou, 8 digits */
	"0757-83330001",		/* Foshan, 4-digit area code */
	"0751-8888888",			/* 7-digit local number */
	"020-81322000-123",		/* extension after '-' */
	"020-81322000转123",		/* ... or 转 */
	"13800138001",			/* a mobile */
	"19912345678",
	"400-830-1234",			/* 400 / 800 */
	"4008301234",
	"800-830-1234",
	"12363",			/* PBoC's consumer hotline */
	"95588",			/* a bank's service number */
	"020-81322000、12363",		/* several, up to three */
	"020-81322000、0757-83330001、13800138001",
};

static const char *const bad_phones[] = {
	"",
	"81322000",			/* no area code */
	"20-81322000",			/* area code without 0 */
	"02-81322000",			/* area code too short */
	"02012-81322000",		/* ... too long */
	"020-813220",			/* local number too short */
	"020-813220001",		/* ... too long */
	"020 81322000",			/* a space, not '-' */
	"(020)81322000",
	"020-81322000-",		/* empty extension */
	"020-81322000-1234567",		/* extension too long */
	"020-81322000转",
	"020-81322000x12",
	"12800138001",			/* 12 is no mobile prefix */
	"1380013800",			/* 10 digits */
	"138001380011",			/* 12 digits */
	"400-8301-234",			/* 400 grouped wrongly */
	"40083012345",
	"1236",				/* four digits */
	"52363",			/* a five-digit number not 1 or 9 */
	"020-81322000、",		/* empty after the separator */
	"、020-81322000",
	"020-81322000,12363",		/* ASCII comma is not the separator */
	"020-81322000、12363、95588、95599",	/* four numbers */
	"０２０-81322000",		/* full-width digits */
	"020-81322000\n",
	"电话020-81322000",
};

/* the offices' phone: the numbers an operator may publish */
static void
r_02_2_office_phone_formats(void **state)
{
	(void)state;
	for (size_t i = 0; i < NELEM(good_phones); i++)
		if (!office_phone_valid(good_phones[i]))
			fail_msg("refused a good phone: \"%s\"", good_phones[i]);
	for (size_t i = 0; i < NELEM(bad_phones); i++)
		if (office_phone_valid(bad_phones[i]))
			fail_msg("took a bad phone: \"%s\"", bad_phones[i]);
	assert_false(office_phone_valid(NULL));
}

/* the whole input: the first bad field is named */
static void
r_02_2_office_input_lengths(void **state)
{
	char long_addr[3 * OFFICE_ADDRESS_MAX + 8] = "", long_hours[3 * OFFICE_HOURS_MAX + 8] = "";
	const struct {
		struct office_input	 in;
		const char		*bad;
	} cases[] = {
		{ { "广州市越秀区沿江西路137号", "020-81322000", "工作日 8:30-17:30" }, NULL },
		{ { "广州市越秀", "020-81322000", "工作日上午" }, NULL },	/* the minimums */
		{ { "广州市越", "020-81322000", "工作日 8:30-17:30" }, "address" },
		{ { "", "020-81322000", "工作日 8:30-17:30" }, "address" },
		{ { long_addr, "020-81322000", "工作日 8:30-17:30" }, "address" },
		{ { "广州市越秀区沿江西路137号", "81322000", "工作日 8:30-17:30" }, "phone" },
		{ { "广州市越秀区沿江西路137号", "", "工作日 8:30-17:30" }, "phone" },
		{ { "广州市越秀区沿江西路137号", "020-81322000", "工作日" }, "hours" },
		{ { "广州市越秀区沿江西路137号", "020-81322000", long_hours }, "hours" },
		{ { "广州市越秀区沿江西路137号", "020-81322000", "\xff\xfe\xfd\xfc" }, "hours" },
		{ { "短", "坏", "短" }, "address" },	/* the first in form order */
	};

	(void)state;
	for (int i = 0; i <= OFFICE_ADDRESS_MAX; i++)
		strcat(long_addr, "路");	/* one character over */
	for (int i = 0; i <= OFFICE_HOURS_MAX; i++)
		strcat(long_hours, "时");
	for (size_t i = 0; i < NELEM(cases); i++) {
		const char *got = office_input_check(&cases[i].in);

		if (cases[i].bad == NULL ? got != NULL :
		    got == NULL || strcmp(got, cases[i].bad) != 0)
			fail_msg("case %zu: %s, expected %s", i, got ? got : "ok",
			    cases[i].bad ? cases[i].bad : "ok");
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(r_02_2_office_phone_formats),
		cmocka_unit_test(r_02_2_office_input_lengths),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
