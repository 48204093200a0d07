/*
 * test_pager.c -- the one pager of every list (lib/core/pager.c and
 * pager_to_hdf in lib/web/view.c; issue 13 item 3, X-UI).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "core/pager.h"
#include "web/view.h"

/* Page numbers below 1 are the first page; per below 1 is one row. */
static void
test_init_clamps(void **state)
{
	struct pager p;

	(void)state;
	pager_init(&p, 0, 20, 0);
	assert_int_equal(p.page, 1);
	assert_int_equal(pager_offset(&p), 0);
	pager_init(&p, 3, 0, 0);
	assert_int_equal(p.per, 1);
	assert_int_equal(pager_offset(&p), 2);
	pager_init(&p, 3, 20, 0);
	assert_int_equal(pager_offset(&p), 40);
}

/* An exact count: pages, prev and next follow it. */
static void
test_exact_count(void **state)
{
	struct pager p;

	(void)state;
	pager_init(&p, 1, 20, 0);
	p.total = 0;
	assert_int_equal(pager_pages(&p), 0);
	assert_int_equal(pager_prev(&p), 0);
	assert_int_equal(pager_next(&p), 0);
	p.total = 41;
	assert_int_equal(pager_pages(&p), 3);
	assert_int_equal(pager_next(&p), 2);
	p.page = 3;
	assert_int_equal(pager_prev(&p), 2);
	assert_int_equal(pager_next(&p), 0);
	p.total = 40;
	p.page = 2;
	assert_int_equal(pager_pages(&p), 2);
	assert_int_equal(pager_next(&p), 0);
}

/* A capped count: the number of pages is unknown and `more` decides. */
static void
test_capped_count(void **state)
{
	struct pager p;

	(void)state;
	pager_init(&p, 60, 20, 0);
	p.total = 1000;
	p.capped = true;
	assert_int_equal(pager_pages(&p), 0);
	assert_int_equal(pager_next(&p), 0);
	p.more = true;
	assert_int_equal(pager_next(&p), 61);
}

/* Never a next page beyond `last`. */
static void
test_last_page(void **state)
{
	struct pager p;

	(void)state;
	pager_init(&p, 10000, 20, 10000);
	p.total = 1000000;
	p.more = true;
	assert_int_equal(pager_next(&p), 0);
	assert_int_equal(pager_prev(&p), 9999);
}

/* pager_to_hdf: the values views/_pager.cs reads, and the href refused
 * unless it is a path of this site. */
static void
test_to_hdf(void **state)
{
	struct pager	 p;
	HDF		*h;

	(void)state;
	assert_null(hdf_init(&h));
	pager_init(&p, 2, 20, 0);
	p.total = 52;
	assert_int_equal(pager_to_hdf(h, &p, "/users?q=gz&"), 0);
	assert_string_equal(hdf_get_value(h, "Pager.total", ""), "52");
	assert_string_equal(hdf_get_value(h, "Pager.page", ""), "2");
	assert_string_equal(hdf_get_value(h, "Pager.pages", ""), "3");
	assert_string_equal(hdf_get_value(h, "Pager.prev", ""), "1");
	assert_string_equal(hdf_get_value(h, "Pager.next", ""), "3");
	assert_string_equal(hdf_get_value(h, "Pager.href", ""), "users?q=gz&");
	assert_null(hdf_get_value(h, "Pager.capped", NULL));
	hdf_destroy(&h);

	assert_null(hdf_init(&h));
	p.capped = true;
	assert_int_equal(pager_to_hdf(h, &p, "/enterprises?"), 0);
	assert_string_equal(hdf_get_value(h, "Pager.capped", ""), "1");
	assert_null(hdf_get_value(h, "Pager.pages", NULL));
	assert_int_equal(pager_to_hdf(h, &p, "//evil.example/"), -1);
	assert_int_equal(pager_to_hdf(h, &p, "javascript:x"), -1);
	assert_int_equal(pager_to_hdf(h, &p, NULL), -1);
	hdf_destroy(&h);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_init_clamps),
		cmocka_unit_test(test_exact_count),
		cmocka_unit_test(test_capped_count),
		cmocka_unit_test(test_last_page),
		cmocka_unit_test(test_to_hdf),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
