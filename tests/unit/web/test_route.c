/*
 * test_route.c -- X-SEC input validation of paths: exact matching, typed
 * {id} and {name:str} segments, no allocation.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <limits.h>
#include <string.h>

#include "web/route.h"

#define A128 "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa" \
	"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"

static const struct {
	const char	*pattern;
	const char	*path;
	bool		 match;
	size_t		 n;		/* expected args */
	const char	*arg0;		/* expected text of args[0] */
	long long	 i0;		/* expected i of args[0] */
} cases[] = {
	/* Literal paths: exact, no slash games. */
	{ "/", "/", true, 0, NULL, 0 },
	{ "/", "", false, 0, NULL, 0 },
	{ "/", "//", false, 0, NULL, 0 },
	{ "/login", "/login", true, 0, NULL, 0 },
	{ "/login", "/login/", false, 0, NULL, 0 },
	{ "/login/", "/login", false, 0, NULL, 0 },
	{ "/login", "/Login", false, 0, NULL, 0 },
	{ "/login", "/logi", false, 0, NULL, 0 },
	{ "/login", "/loginx", false, 0, NULL, 0 },
	{ "/login", "//login", false, 0, NULL, 0 },
	{ "/login", "/login?x=1", false, 0, NULL, 0 },
	{ "/login", "/./login", false, 0, NULL, 0 },
	{ "/a/b", "/a/b", true, 0, NULL, 0 },
	{ "/a/b", "/a//b", false, 0, NULL, 0 },
	{ "/a/b", "/a/../a/b", false, 0, NULL, 0 },
	/* {id}: 1..2^63-1, digits, no leading zero. */
	{ "/user/{id}", "/user/1", true, 1, "1", 1 },
	{ "/user/{id}", "/user/42", true, 1, "42", 42 },
	{ "/user/{id}", "/user/9223372036854775807", true, 1,
	    "9223372036854775807", LLONG_MAX },
	{ "/user/{id}", "/user/9223372036854775808", false, 0, NULL, 0 },
	{ "/user/{id}", "/user/99999999999999999999", false, 0, NULL, 0 },
	{ "/user/{id}", "/user/0", false, 0, NULL, 0 },
	{ "/user/{id}", "/user/01", false, 0, NULL, 0 },
	{ "/user/{id}", "/user/-1", false, 0, NULL, 0 },
	{ "/user/{id}", "/user/+1", false, 0, NULL, 0 },
	{ "/user/{id}", "/user/1x", false, 0, NULL, 0 },
	{ "/user/{id}", "/user/x", false, 0, NULL, 0 },
	{ "/user/{id}", "/user/ 1", false, 0, NULL, 0 },
	{ "/user/{id}", "/user/1%00", false, 0, NULL, 0 },
	{ "/user/{id}", "/user/", false, 0, NULL, 0 },
	{ "/user/{id}", "/user", false, 0, NULL, 0 },
	{ "/user/{id}", "/user/1/", false, 0, NULL, 0 },
	{ "/user/{id}", "/user/1/edit", false, 0, NULL, 0 },
	{ "/user/{id}/edit", "/user/7/edit", true, 1, "7", 7 },
	{ "/user/{id}/edit", "/user/7/edi", false, 0, NULL, 0 },
	{ "/user/{id}/edit", "/user//edit", false, 0, NULL, 0 },
	/* {name:str}: 1..128 of [A-Za-z0-9_.-]. */
	{ "/f/{name:str}", "/f/report-2024_v1.pdf", true, 1,
	    "report-2024_v1.pdf", -1 },
	{ "/f/{name:str}", "/f/" A128, true, 1, A128, -1 },
	{ "/f/{name:str}", "/f/" A128 "a", false, 0, NULL, 0 },
	{ "/f/{name:str}", "/f/", false, 0, NULL, 0 },
	{ "/f/{name:str}", "/f/a b", false, 0, NULL, 0 },
	{ "/f/{name:str}", "/f/a%2Fb", false, 0, NULL, 0 },
	{ "/f/{name:str}", "/f/a/b", false, 0, NULL, 0 },
	{ "/f/{name:str}", "/f/\xe5\xaf\xb9", false, 0, NULL, 0 },
	{ "/f/{name:str}", "/f/a;b", false, 0, NULL, 0 },
	{ "/f/{name:str}", "/f/..", true, 1, "..", -1 },
	{ "/f/{name:str}/x", "/f/a/x", true, 1, "a", -1 },
	/* Several parameters. */
	{ "/e/{eid}/u/{uid}", "/e/3/u/4", true, 2, "3", 3 },
	{ "/e/{eid}/u/{uid}", "/e/3/u/0", false, 0, NULL, 0 },
	{ "/{a}/{b}/{c}/{d}", "/1/2/3/4", true, 4, "1", 1 },
	/* Malformed patterns never match. */
	{ "/{a}/{b}/{c}/{d}/{e}", "/1/2/3/4/5", false, 0, NULL, 0 },
	{ "/user/{id", "/user/1", false, 0, NULL, 0 },
	{ "/user/{}", "/user/1", false, 0, NULL, 0 },
	{ "/user/{:str}", "/user/a", false, 0, NULL, 0 },
	{ "/user/{id:int}", "/user/1", false, 0, NULL, 0 },
	{ "/user/{id:st}", "/user/a", false, 0, NULL, 0 },
	{ "/user/{id:string}", "/user/a", false, 0, NULL, 0 },
};

static void
xsec_route_patterns_match_exactly_by_table(void **state)
{
	size_t	 k;

	(void)state;
	for (k = 0; k < sizeof(cases) / sizeof(cases[0]); k++) {
		struct route_args	 args;

		memset(&args, 0x5A, sizeof(args));
		if (route_match(cases[k].pattern, cases[k].path, &args) !=
		    cases[k].match)
			fail_msg("\"%s\" vs \"%s\"", cases[k].pattern,
			    cases[k].path);
		/* Also without args. */
		assert_int_equal(route_match(cases[k].pattern, cases[k].path,
		    NULL), cases[k].match);
		if (!cases[k].match) {
			/* args untouched on failure */
			assert_int_equal(args.n, (size_t)0x5A5A5A5A5A5A5A5AULL);
			continue;
		}
		assert_int_equal(args.n, cases[k].n);
		if (cases[k].n == 0)
			continue;
		assert_int_equal(args.v[0].len, strlen(cases[k].arg0));
		assert_memory_equal(args.v[0].s, cases[k].arg0,
		    args.v[0].len);
		assert_int_equal(args.v[0].i, cases[k].i0);
		/* Arguments point into the path and the pattern. */
		assert_true(args.v[0].s >= cases[k].path &&
		    args.v[0].s < cases[k].path + strlen(cases[k].path));
		assert_true(args.v[0].name > cases[k].pattern &&
		    args.v[0].name < cases[k].pattern +
		    strlen(cases[k].pattern));
	}
}

static void
route_args_are_found_by_name(void **state)
{
	struct route_args	 args;

	(void)state;
	assert_true(route_match("/e/{eid}/f/{file:str}/u/{uid}",
	    "/e/12/f/a.pdf/u/34", &args));
	assert_int_equal(args.n, 3);
	assert_int_equal(args.v[0].namelen, 3);
	assert_memory_equal(args.v[0].name, "eid", 3);
	assert_int_equal(args.v[1].namelen, 4);
	assert_memory_equal(args.v[1].name, "file", 4);
	assert_memory_equal(args.v[1].s, "a.pdf", 5);
	assert_int_equal(route_arg_int(&args, "eid"), 12);
	assert_int_equal(route_arg_int(&args, "uid"), 34);
	/* A str parameter is no integer; unknown and prefixes are absent. */
	assert_int_equal(route_arg_int(&args, "file"), -1);
	assert_int_equal(route_arg_int(&args, "ei"), -1);
	assert_int_equal(route_arg_int(&args, "eidx"), -1);
	assert_int_equal(route_arg_int(&args, ""), -1);
	assert_int_equal(route_arg_int(NULL, "eid"), -1);
	assert_false(route_match(NULL, "/", &args));
	assert_false(route_match("/", NULL, &args));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(xsec_route_patterns_match_exactly_by_table),
		cmocka_unit_test(route_args_are_found_by_name),
	};

	return cmocka_run_group_tests_name("route", tests, NULL, NULL);
}
