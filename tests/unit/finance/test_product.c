/*
 * test_product.c -- the rules of a financing product (issue 14, R-12.1,
 * X-AUD): the annual rate as typed, the cross-field checks, and the
 * draft -> published -> withdrawn / taken-down steps.  No database.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <string.h>

#include "finance/product.h"

static void
r12_1_rate_parse(void **state)
{
	static const struct {
		const char	*s;
		int		 bp;	/* -1: refused */
	} t[] = {
		{ "4.35", 435 }, { "4.3", 430 }, { "4", 400 }, { "0.01", 1 },
		{ "36", 3600 }, { "36.00", 3600 }, { "12.5", 1250 },
		{ "36.01", -1 }, { "37", -1 }, { "0", -1 }, { "0.00", -1 },
		{ "", -1 }, { "4.", -1 }, { ".5", -1 }, { "4.355", -1 },
		{ "-4", -1 }, { "+4", -1 }, { " 4", -1 }, { "4 ", -1 },
		{ "4e1", -1 }, { "100", -1 }, { "4,35", -1 }, { "４", -1 },
	};

	(void)state;
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
		int bp = -7;

		if (t[i].bp < 0) {
			assert_int_equal(product_rate_parse(t[i].s, &bp), -1);
			assert_int_equal(bp, -7);
		} else {
			assert_int_equal(product_rate_parse(t[i].s, &bp), 0);
			assert_int_equal(bp, t[i].bp);
		}
	}
	assert_int_equal(product_rate_parse(NULL, &(int){ 0 }), -1);
}

static void
r12_1_rate_format(void **state)
{
	char buf[16];

	(void)state;
	product_rate_format(435, buf, sizeof buf);
	assert_string_equal(buf, "4.35");
	product_rate_format(1, buf, sizeof buf);
	assert_string_equal(buf, "0.01");
	product_rate_format(3600, buf, sizeof buf);
	assert_string_equal(buf, "36.00");
}

static struct product_input
good(void)
{
	struct product_input in = { .name = "经营快贷", .kind = PK_CREDIT,
	    .amount_min = 10, .amount_max = 500, .term_min = 6, .term_max = 36,
	    .rate_min_bp = 350, .rate_max_bp = 600,
	    .regions = { "440100" }, .nregions = 1 };

	return in;
}

static void
r12_1_product_check(void **state)
{
	struct product_error	 e[8];
	struct product_input	 in = good();

	(void)state;
	assert_int_equal(product_check(&in, e, 8), 0);
	/* equal bounds are a fixed amount / term / rate: allowed */
	in.amount_min = in.amount_max = 100;
	in.term_min = in.term_max = 12;
	in.rate_min_bp = in.rate_max_bp = 435;
	assert_int_equal(product_check(&in, e, 8), 0);

	in = good();
	in.amount_min = 501;
	assert_int_equal(product_check(&in, e, 8), 1);
	assert_string_equal(e[0].field, "amount_max");
	assert_string_equal(e[0].key, "amount_min_gt_max");

	in = good();
	in.kind = -1;
	in.term_min = 37;
	in.rate_min_bp = 601;
	in.nregions = 0;
	assert_int_equal(product_check(&in, e, 8), 4);
	assert_string_equal(e[0].field, "kind");
	assert_string_equal(e[1].field, "term_max");
	assert_string_equal(e[1].key, "term_min_gt_max");
	assert_string_equal(e[2].field, "rate_max");
	assert_string_equal(e[3].field, "regions");
	assert_string_equal(e[3].key, "product_no_region");
	/* a short array: filled, never overrun */
	assert_int_equal(product_check(&in, e, 2), 2);
	in.kind = PK__MAX;
	assert_int_equal(product_check(&in, e, 8), 4);
}

static void
x_aud_product_steps(void **state)
{
	static const int want[PS__MAX][PA__MAX] = {
		/*                 edit          publish       withdraw      take down */
		[PS_DRAFT] =      { PS_DRAFT,     PS_PUBLISHED, -1,           PS_TAKEN_DOWN },
		[PS_PUBLISHED] =  { PS_PUBLISHED, -1,           PS_WITHDRAWN, PS_TAKEN_DOWN },
		[PS_WITHDRAWN] =  { PS_WITHDRAWN, PS_PUBLISHED, -1,           PS_TAKEN_DOWN },
		[PS_TAKEN_DOWN] = { -1,           -1,           -1,           -1 },
	};

	(void)state;
	for (int s = 0; s < PS__MAX; s++)
		for (int a = 0; a < PA__MAX; a++)
			assert_int_equal(product_next((enum product_status)s,
			    (enum product_action)a), want[s][a]);
	assert_int_equal(product_next(PS__MAX, PA_EDIT), -1);
	assert_int_equal(product_next(PS_DRAFT, PA__MAX), -1);
	assert_string_equal(product_status_name(PS_TAKEN_DOWN), "taken_down");
	assert_null(product_status_name(PS__MAX));
	for (int k = 0; k < PK__MAX; k++)
		assert_int_equal(product_kind_parse(product_kind_names[k]), k);
	assert_int_equal(product_kind_parse("loan"), -1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(r12_1_rate_parse),
		cmocka_unit_test(r12_1_rate_format),
		cmocka_unit_test(r12_1_product_check),
		cmocka_unit_test(x_aud_product_steps),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
