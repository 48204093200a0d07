/*
 * test_match.c -- the suggestion rule (issue 14 "Suggestions", R-12.1,
 * R-08.2a; lib/finance/match.h, docs/ARCHITECTURE.md "Suggestions"):
 * each criterion alone failing, the industry and size texts, the score
 * and the ranking.  No database.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <string.h>

#include "finance/match.h"

static const struct match_app app = { "440100", 100, 12, "C", "small" };

static struct match_product
product(void)
{
	return (struct match_product){ "440100,440600", "440600", 10, 300, 6,
	    36, "", "" };
}

static void
r12_1_match_all_criteria(void **state)
{
	struct match_product	p = product();
	struct match_result	r;

	(void)state;
	match_eval(&app, &p, &r);
	assert_true(r.fits);
	assert_int_equal(r.met & MC_ALL, MC_ALL);
	assert_int_equal(r.score, 0);		/* unrestricted, not local */

	/* each criterion failing alone */
	p = product(); p.regions = "440600";
	match_eval(&app, &p, &r);
	assert_false(r.fits);
	assert_int_equal(r.met & MC_ALL, MC_ALL & ~MC_REGION);
	p = product(); p.regions = "4401000";	/* no prefix match */
	match_eval(&app, &p, &r);
	assert_false(r.met & MC_REGION);
	p = product(); p.amount_min = 101;
	match_eval(&app, &p, &r);
	assert_int_equal(r.met & MC_ALL, MC_ALL & ~MC_AMOUNT);
	p = product(); p.amount_max = 99;
	match_eval(&app, &p, &r);
	assert_false(r.fits);
	p = product(); p.amount_min = p.amount_max = 100;	/* bounds included */
	p.term_min = p.term_max = 12;
	match_eval(&app, &p, &r);
	assert_true(r.fits);
	p = product(); p.term_max = 11;
	match_eval(&app, &p, &r);
	assert_int_equal(r.met & MC_ALL, MC_ALL & ~MC_TERM);
	p = product(); p.term_min = 13;
	match_eval(&app, &p, &r);
	assert_false(r.fits);
	p = product(); p.industries = "批发和零售业";
	match_eval(&app, &p, &r);
	assert_int_equal(r.met & MC_ALL, MC_ALL & ~MC_INDUSTRY);
	p = product(); p.sizes = "大型、中型";
	match_eval(&app, &p, &r);
	assert_int_equal(r.met & MC_ALL, MC_ALL & ~MC_SIZE);
}

static void
r12_1_match_industry_text(void **state)
{
	bool named;

	(void)state;
	assert_string_equal(match_industry_name("C"), "制造业");
	assert_string_equal(match_industry_name("I"), "信息传输、软件和信息技术服务业");
	assert_null(match_industry_name("U"));
	assert_null(match_industry_name("CC"));
	assert_null(match_industry_name(""));

	assert_true(match_industry("", "C", &named));
	assert_false(named);
	assert_true(match_industry("  、 ", "C", &named));	/* no item */
	assert_false(named);
	assert_true(match_industry("不限", "", &named));
	assert_false(named);
	assert_true(match_industry("制造业", "C", &named));
	assert_true(named);
	assert_true(match_industry("批发和零售业、制造业", "C", &named));
	assert_true(named);
	assert_true(match_industry("批发和零售业，制造", "C", &named));	/* part of the name */
	assert_true(match_industry("制造业企业", "C", &named));	/* contains it */
	assert_true(match_industry("C;F", "C", &named));		/* the letter */
	assert_true(match_industry("c", "C", &named));
	assert_false(match_industry("批发和零售业", "C", &named));
	assert_false(named);
	assert_false(match_industry("造", "C", &named));		/* one character */
	assert_false(match_industry("制造业", "", &named));	/* unknown industry */
	assert_false(match_industry("制造业", "Z", &named));
	/* 软件 is part of section I's name, not of C's */
	assert_true(match_industry("软件", "I", &named));
	assert_false(match_industry("软件", "C", &named));
}

static void
r12_1_match_size_text(void **state)
{
	bool named;

	(void)state;
	assert_true(match_size("", "micro", &named));
	assert_false(named);
	assert_true(match_size("不限", "", &named));
	assert_true(match_size("小型、微型", "small", &named));
	assert_true(named);
	assert_true(match_size("小型、微型", "micro", &named));
	assert_false(match_size("小型、微型", "medium", &named));
	assert_false(named);
	assert_true(match_size("中小微企业", "medium", &named));
	assert_true(match_size("小微", "micro", &named));
	assert_true(match_size("大中型", "large", &named));
	assert_false(match_size("小型", "", &named));		/* unknown size */
	assert_false(match_size("小型", "huge", &named));
}

static void
r12_1_match_score_and_rank(void **state)
{
	struct match_product	p = product();
	struct match_result	r;

	(void)state;
	p.industries = "制造业";
	match_eval(&app, &p, &r);
	assert_true(r.fits);
	assert_int_equal(r.score, MATCH_W_INDUSTRY);
	assert_true(r.met & MC_INDUSTRY_NAMED);
	assert_false(r.met & MC_SIZE_NAMED);
	p.sizes = "小型";
	match_eval(&app, &p, &r);
	assert_int_equal(r.score, MATCH_W_INDUSTRY + MATCH_W_SIZE);
	p.fi_region = "440100";
	match_eval(&app, &p, &r);
	assert_int_equal(r.score, 100);
	assert_true(r.met & MC_LOCAL);
	/* a failing pair still says what matched, and its score is no rank */
	p.amount_max = 50;
	match_eval(&app, &p, &r);
	assert_false(r.fits);

	/* higher score first, then lower minimum rate, then newer product */
	assert_true(match_cmp(70, 500, 1, 40, 300, 2) < 0);
	assert_true(match_cmp(40, 300, 1, 70, 500, 2) > 0);
	assert_true(match_cmp(40, 300, 1, 40, 345, 2) < 0);
	assert_true(match_cmp(40, 345, 1, 40, 345, 2) > 0);
	assert_int_equal(match_cmp(40, 345, 2, 40, 345, 2), 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(r12_1_match_all_criteria),
		cmocka_unit_test(r12_1_match_industry_text),
		cmocka_unit_test(r12_1_match_size_text),
		cmocka_unit_test(r12_1_match_score_and_rank),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
