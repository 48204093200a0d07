/*
 * test_routes.c -- X-SEC checks over the one route table (cgi/routes.c):
 * every row that takes an unsafe method has CSRF on, and every row whose
 * path has an {id} names the object that id means (enum route_obj), the
 * object its path is about.  A new route without either fails here.
 *
 * Each check is a function over an array of rows, run on the real table
 * and on rows made wrong on purpose, so the test is seen to fail.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "oversight/measure.h"
#include "routes.h"

/* The collection each object's {id} follows in a path: "/users/{id}..." is
 * a user.  A row naming an object must have its {id} right after one of
 * these, so a copied row that keeps a wrong object fails too. */
static const struct {
	enum route_obj	 obj;
	const char	*prefix;
} obj_paths[] = {
	{ OBJ_USER, "/users/{id}" },
	{ OBJ_ENTERPRISE, "/enterprises/{id}" },
	{ OBJ_ENTERPRISE, "/credit/{id}" },
	{ OBJ_AGENCY, "/agencies/{id}" },
	{ OBJ_AFORM, "/agency-forms/{id}" },
	{ OBJ_CATEGORY, "/credit/categories/{id}" },
	{ OBJ_BATCH, "/credit/batches/{id}" },
	{ OBJ_CREDIT_REQUEST, "/credit-requests/{id}" },
	{ OBJ_CLAIM, "/claims/{id}" },
	{ OBJ_STAFF_REQUEST, "/users/requests/{id}" },
	{ OBJ_FI, "/fis/{id}" },
	{ OBJ_PRODUCT, "/products/{id}" },
	{ OBJ_INBOX, "/inbox/{id}" },
	{ OBJ_LOAN, "/loans/{id}" },
	{ OBJ_LOAN_TAKE, "/loans/{id}/take" },
	{ OBJ_ARTICLE, "/news/{id}" },
	{ OBJ_FEEDBACK, "/feedback/{id}" },
	{ OBJ_EVENT, "/events/{id}" },
	{ OBJ_RULE, "/rules/{id}" },
	{ OBJ_OFFICE, "/offices/{id}" },
	{ OBJ_OBJECTION, "/objections/{id}" },
	{ OBJ_MEASURE, "/measures/{id}" },
};

/* Counts rows with an unsafe method (anything but GET/HEAD) and no CSRF;
 * prints each. */
static int
unsafe_without_csrf(const struct route *rt, size_t n)
{
	int	 bad = 0;

	for (size_t i = 0; i < n; i++)
		if ((rt[i].methods & ~(unsigned)(HTTP_GET | HTTP_HEAD)) != 0 &&
		    rt[i].csrf != 1) {
			fprintf(stderr, "no CSRF: %s\n", rt[i].path);
			bad++;
		}
	return bad;
}

static bool
path_fits_obj(const char *path, enum route_obj obj)
{
	for (size_t i = 0; i < sizeof obj_paths / sizeof obj_paths[0]; i++) {
		size_t	 l = strlen(obj_paths[i].prefix);

		if (obj_paths[i].obj == obj &&
		    strncmp(path, obj_paths[i].prefix, l) == 0 &&
		    (path[l] == '\0' || path[l] == '/'))
			return true;
	}
	return false;
}

/* Counts rows whose {id} names no object (or the wrong one), and rows
 * without an {id} that name one; prints each. */
static int
id_without_object(const struct route *rt, size_t n)
{
	int	 bad = 0;

	for (size_t i = 0; i < n; i++) {
		bool	 has_param = strchr(rt[i].path, '{') != NULL;

		if (has_param && (rt[i].obj == OBJ_NONE ||
		    route_obj_name(rt[i].obj) == NULL ||
		    !path_fits_obj(rt[i].path, rt[i].obj))) {
			fprintf(stderr, "{id} without its object: %s (%s)\n",
			    rt[i].path, route_obj_name(rt[i].obj) ?
			    route_obj_name(rt[i].obj) : "?");
			bad++;
		} else if (!has_param && rt[i].obj != OBJ_NONE) {
			fprintf(stderr, "object without {id}: %s\n", rt[i].path);
			bad++;
		}
	}
	return bad;
}

/* The table is indexed by enum page: a hole would be a NULL path. */
static void
xsec_route_table_has_no_holes(void **state)
{
	(void)state;
	for (size_t i = 0; i < PAGE__MAX; i++) {
		assert_non_null(routes[i].path);
		assert_non_null(routes[i].handler);
		assert_true(routes[i].methods != 0);
	}
}

static void
xsec_every_unsafe_route_has_csrf(void **state)
{
	static const struct route bad[] = {
		{ "/x", HTTP_POST, PORTAL_BOTH, ROLE_PUBLIC, 0, 0, NULL, 0, NULL, OBJ_NONE },
		{ "/y", HTTP_GET | HTTP_POST, PORTAL_BOTH, ROLE_PUBLIC, 0, 0, NULL, 0, NULL, OBJ_NONE },
		{ "/z", HTTP_GET | HTTP_HEAD, PORTAL_BOTH, ROLE_PUBLIC, 0, 0, NULL, 0, NULL, OBJ_NONE },
	};

	(void)state;
	assert_int_equal(unsafe_without_csrf(routes, PAGE__MAX), 0);
	assert_int_equal(unsafe_without_csrf(bad, 3), 2);
}

static void
xsec_every_id_route_names_its_scoped_object(void **state)
{
	static const struct route bad[] = {
		{ "/users/{id}/x", HTTP_GET, PORTAL_BOTH, ROLE_PUBLIC, 0, 0, NULL, 0, NULL, OBJ_NONE },
		{ "/users/{id}", HTTP_GET, PORTAL_BOTH, ROLE_PUBLIC, 0, 0, NULL, 0, NULL, OBJ_AGENCY },
		{ "/usersx/{id}", HTTP_GET, PORTAL_BOTH, ROLE_PUBLIC, 0, 0, NULL, 0, NULL, OBJ_USER },
		{ "/users", HTTP_GET, PORTAL_BOTH, ROLE_PUBLIC, 0, 0, NULL, 0, NULL, OBJ_USER },
		{ "/users/{id}", HTTP_GET, PORTAL_BOTH, ROLE_PUBLIC, 0, 0, NULL, 0, NULL, OBJ__MAX },
		{ "/users/{id}/x", HTTP_GET, PORTAL_BOTH, ROLE_PUBLIC, 0, 0, NULL, 0, NULL, OBJ_USER },
	};
	size_t	 with_id = 0;

	(void)state;
	assert_int_equal(id_without_object(routes, PAGE__MAX), 0);
	assert_int_equal(id_without_object(bad, 6), 5);
	/* the check has something to check */
	for (size_t i = 0; i < PAGE__MAX; i++)
		with_id += routes[i].obj != OBJ_NONE;
	assert_true(with_id >= 20);
	for (int o = 0; o < OBJ__MAX; o++)
		assert_non_null(route_obj_name(o));
	assert_null(route_obj_name(OBJ__MAX));
}

/* Counts rows with {id} whose object the dispatcher has no scoped getter
 * for; prints each. */
static int
id_without_getter(const struct route *rt, size_t n)
{
	int bad = 0;

	for (size_t i = 0; i < n; i++) {
		if (strchr(rt[i].path, '{') == NULL)
			continue;
		if (!route_obj_scoped(rt[i].obj)) {
			fprintf(stderr, "{id} without a scoped getter: %s\n", rt[i].path);
			bad++;
		}
	}
	return bad;
}

/* X-SEC (issue 13): the dispatcher loads a route's object through
 * its scoped getter; a route whose object has none fails here. */
static void
xsec_r_02_2_every_id_route_has_a_scoped_getter(void **state)
{
	static const struct route bad[] = {
		{ "/users/{id}", HTTP_GET, PORTAL_BOTH, ROLE_PUBLIC, 0, 0, NULL, 0, NULL, OBJ_NONE },
		{ "/users/{id}", HTTP_GET, PORTAL_BOTH, ROLE_PUBLIC, 0, 0, NULL, 0, NULL, OBJ__MAX },
		{ "/users/{id}", HTTP_GET, PORTAL_BOTH, ROLE_PUBLIC, 0, 0, NULL, 0, NULL, OBJ_USER },
		{ "/users", HTTP_GET, PORTAL_BOTH, ROLE_PUBLIC, 0, 0, NULL, 0, NULL, OBJ_NONE },
	};

	(void)state;
	assert_int_equal(id_without_getter(routes, PAGE__MAX), 0);
	assert_int_equal(id_without_getter(bad, 4), 2);
	/* every kind: no handler loads an object by id itself any more */
	for (int o = OBJ_NONE + 1; o < OBJ__MAX; o++) {
		if (!route_obj_scoped((enum route_obj)o))
			fprintf(stderr, "no scoped getter: %s\n", route_obj_name(o));
		assert_true(route_obj_scoped((enum route_obj)o));
	}
	assert_false(route_obj_scoped(OBJ_NONE));
	assert_false(route_obj_scoped(OBJ__MAX));
}

/* Counts the routes an enterprise user may POST to on the internet that
 * route_rights does not name; prints each. */
static int
enterprise_post_without_right(const struct route *rt, const unsigned char *rights,
    size_t n)
{
	int bad = 0;

	for (size_t i = 0; i < n; i++) {
		if (!(rt[i].methods & HTTP_POST) || !(rt[i].portals & PORTAL_INTERNET) ||
		    rt[i].roles == ROLE_PUBLIC ||
		    !(rt[i].roles & ROLE_BIT(ROLE_ENTERPRISE)))
			continue;
		if (rights[i] == MR_NONE || rights[i] >= MR__MAX) {
			fprintf(stderr, "enterprise POST without a right: %s\n", rt[i].path);
			bad++;
		}
	}
	return bad;
}

/* every page an enterprise user changes something with says which
 * right it needs (route_rights.c), so a measure that suspends that right
 * refuses it in the dispatcher; the pages named are the ones meant. */
static void
r_15_1_every_enterprise_post_names_its_right(void **state)
{
	static const struct route bad[] = {
		{ "/x", HTTP_POST, PORTAL_INTERNET, ROLE_BIT(ROLE_ENTERPRISE), 0, 1, NULL, 0, NULL, OBJ_NONE },
		{ "/y", HTTP_POST, PORTAL_BOTH, ROLES_ANY, 0, 1, NULL, 0, NULL, OBJ_NONE },
		{ "/z", HTTP_POST, PORTAL_INTRANET, ROLES_ANY, 0, 1, NULL, 0, NULL, OBJ_NONE },
		{ "/w", HTTP_GET, PORTAL_INTERNET, ROLES_ANY, 0, 0, NULL, 0, NULL, OBJ_NONE },
	};
	static const unsigned char none[4];
	size_t named = 0;

	(void)state;
	assert_int_equal(enterprise_post_without_right(routes, route_rights, PAGE__MAX), 0);
	assert_int_equal(enterprise_post_without_right(bad, none, 4), 2);
	for (size_t i = 0; i < PAGE__MAX; i++)
		named += route_rights[i] != MR_NONE;
	assert_true(named >= 20);
	assert_int_equal(route_rights[PAGE_LOAN_NEW], MR_PUBLISH);
	assert_int_equal(route_rights[PAGE_LOAN_MESSAGE_NET], MR_MESSAGE);
	assert_int_equal(route_rights[PAGE_MY_CREDIT_APPLY], MR_SELFVIEW);
	assert_int_equal(route_rights[PAGE_LOGOUT], MR_ALWAYS);
	assert_int_equal(route_rights[PAGE_MEASURES_NET], MR_ALWAYS);
	assert_int_equal(route_rights[PAGE_FEEDBACK], MR_ALWAYS);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(xsec_route_table_has_no_holes),
		cmocka_unit_test(xsec_every_unsafe_route_has_csrf),
		cmocka_unit_test(xsec_every_id_route_names_its_scoped_object),
		cmocka_unit_test(xsec_r_02_2_every_id_route_has_a_scoped_getter),
		cmocka_unit_test(r_15_1_every_enterprise_post_names_its_right),
	};

	return cmocka_run_group_tests_name("routes", tests, NULL, NULL);
}
