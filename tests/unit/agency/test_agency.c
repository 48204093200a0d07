/*
 * test_agency.c -- what an agency edit records in its audit row (R-05.1,
 * X-AUD): the changed fields by name, in a fixed order, the region never
 * compared, NULL as "", and a short buffer cut but terminated.  No
 * database.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <string.h>

#include "agency/agency.h"

static const struct agency old = {
	.id = 7, .name = "广州市市场监督管理局", .region = "440100",
	.region_name = "广州市", .dept_code = "11440100MB2C1234X",
	.address = "广州市天河区", .net_name = "王五", .net_title = "信息科科长",
	.net_contact = "020-12345678",
};

/* The same values as `old`, as an operator would post them. */
static struct agency_input
same(void)
{
	struct agency_input in = {
		.name = old.name, .region = old.region, .dept_code = old.dept_code,
		.address = old.address, .net_name = old.net_name,
		.net_title = old.net_title, .net_contact = old.net_contact,
	};

	return in;
}

static void
x_aud_agency_diff_table(void **state)
{
	static const struct {
		const char	*field;		/* set to "x", or NULL: none */
		const char	*want;
	} t[] = {
		{ NULL, "" },
		{ "name", "name" },
		{ "dept_code", "dept_code" },
		{ "address", "address" },
		{ "net_name", "net_name" },
		{ "net_title", "net_title" },
		{ "net_contact", "net_contact" },
		{ "region", "" },		/* never compared: it cannot change */
	};

	(void)state;
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
		struct agency_input	in = same();
		char			out[128];
		size_t			n;

		if (t[i].field != NULL) {
			const char **f =
			    strcmp(t[i].field, "name") == 0 ? &in.name :
			    strcmp(t[i].field, "dept_code") == 0 ? &in.dept_code :
			    strcmp(t[i].field, "address") == 0 ? &in.address :
			    strcmp(t[i].field, "net_name") == 0 ? &in.net_name :
			    strcmp(t[i].field, "net_title") == 0 ? &in.net_title :
			    strcmp(t[i].field, "net_contact") == 0 ? &in.net_contact :
			    &in.region;

			*f = "x";
		}
		n = agency_diff(&old, &in, out, sizeof out);
		if (strcmp(out, t[i].want) != 0 || n != (*t[i].want != '\0'))
			fail_msg("case %zu (%s): got \"%s\" (%zu), want \"%s\"", i,
			    t[i].field != NULL ? t[i].field : "none", out, n, t[i].want);
	}
}

static void
x_aud_agency_diff_many_null_and_short(void **state)
{
	struct agency_input	in = same();
	struct agency		blank = { .id = 1 };
	char			out[128], small[8];

	(void)state;
	/* several fields: comma-separated in the struct's order */
	in.net_contact = "13800138000";
	in.name = "广州市市场监管局";
	in.address = "";
	assert_int_equal(agency_diff(&old, &in, out, sizeof out), 3);
	assert_string_equal(out, "name,address,net_contact");

	/* NULL reads as "" on either side */
	memset(&in, 0, sizeof in);
	assert_int_equal(agency_diff(&blank, &in, out, sizeof out), 0);
	assert_string_equal(out, "");
	in.address = "";
	in.net_name = "x";
	assert_int_equal(agency_diff(&blank, &in, out, sizeof out), 1);
	assert_string_equal(out, "net_name");

	/* case counts: a corrected spelling is a change */
	in = same();
	blank = old;
	blank.dept_code = "11440100mb2c1234x";
	assert_int_equal(agency_diff(&blank, &in, out, sizeof out), 1);
	assert_string_equal(out, "dept_code");

	/* a short buffer is cut and terminated; the count stays right */
	in = same();
	in.name = in.dept_code = in.address = "x";
	assert_int_equal(agency_diff(&old, &in, small, sizeof small), 3);
	assert_int_equal(strlen(small), sizeof small - 1);
	assert_memory_equal(small, "name,de", 8);
	assert_int_equal(agency_diff(&old, &in, small, 0), 3);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(x_aud_agency_diff_table),
		cmocka_unit_test(x_aud_agency_diff_many_null_and_short),
	};

	return cmocka_run_group_tests_name("agency", tests, NULL, NULL);
}
