/*
 * test_layers.c -- lib/ is layered: a module includes only headers of its
 * own folder or of a lower layer (issue 13, item 7).
 *
 *   0 core       arena, err, utf8, log, time formats, config
 *   1 formats    identifiers, CSV, QR
 *   2 crypto     primitives, sealing, passwords
 *   2 web        parameters, forms, routes, HTTP, views
 *   3 db         connection, migrations, audit chain, reference data
 *   4 accounts   users, sessions, account states and rules, SMS, inbox
 *   4 store      attachments (files owned by an object of an area)
 *   5 enterprise, agency, credit, oversight, finance, info: the business areas
 *
 * Folders of the same layer do not include each other (crypto never
 * needs a form, one business area never reaches into another: what two
 * areas share belongs a layer down).  Every include of a lib header names
 * its folder.  A folder that is not in the table fails the test, so a new
 * one is placed deliberately.
 */
#include <dirent.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

static const struct layer {
	const char	*folder;
	int		 rank;
} layers[] = {
	{ "core", 0 },
	{ "formats", 1 },
	{ "crypto", 2 },
	{ "web", 2 },
	{ "db", 3 },
	{ "accounts", 4 },
	{ "store", 4 },
	{ "enterprise", 5 },
	{ "agency", 5 },
	{ "credit", 5 },
	{ "oversight", 5 },
	{ "finance", 5 },
	{ "info", 5 },
};

static int
rank_of(const char *folder, size_t n)
{
	for (size_t i = 0; i < sizeof layers / sizeof layers[0]; i++)
		if (strlen(layers[i].folder) == n &&
		    memcmp(layers[i].folder, folder, n) == 0)
			return layers[i].rank;
	return -1;
}

/* NULL when the include of `target` ("db/db.h") from a file of `folder`
 * is allowed, else why not. */
static const char *
include_refusal(const char *folder, const char *target)
{
	const char *slash = strchr(target, '/');
	int from, to;

	if (slash == NULL)
		return "names no folder";
	from = rank_of(folder, strlen(folder));
	to = rank_of(target, (size_t)(slash - target));
	if (to < 0)
		return "names a folder outside lib/";
	if (strlen(folder) == (size_t)(slash - target) &&
	    memcmp(folder, target, strlen(folder)) == 0)
		return NULL;
	if (to > from)
		return "reaches up to a higher layer";
	if (to == from)
		return "reaches into a sibling area of the same layer";
	return NULL;
}

static const char *
srcdir(void)
{
	const char *s = getenv("DUIJIE_SRCDIR");

	return s != NULL ? s : ".";
}

/* Checks every `#include "..."` of one file; returns the number refused. */
static int
check_file(const char *folder, const char *path)
{
	char line[512], target[256];
	int bad = 0;
	FILE *f = fopen(path, "r");

	assert_non_null(f);
	while (fgets(line, sizeof line, f) != NULL) {
		const char *why;

		if (sscanf(line, "#include \"%255[^\"]\"", target) != 1)
			continue;
		why = include_refusal(folder, target);
		if (why != NULL) {
			print_error("%s: #include \"%s\" %s\n", path, target, why);
			bad++;
		}
	}
	fclose(f);
	return bad;
}

static void
test_lib_includes_respect_layers(void **state)
{
	char dir[1024], path[1600];
	int bad = 0, files = 0;
	DIR *top, *d;
	struct dirent *e, *g;

	(void)state;
	snprintf(dir, sizeof dir, "%s/lib", srcdir());
	top = opendir(dir);
	assert_non_null(top);
	while ((e = readdir(top)) != NULL) {
		char sub[1300];

		if (e->d_name[0] == '.')
			continue;
		snprintf(sub, sizeof sub, "%s/%s", dir, e->d_name);
		d = opendir(sub);
		if (d == NULL) {
			print_error("lib/%s: a file outside the layer folders\n",
			    e->d_name);
			bad++;
			continue;
		}
		if (rank_of(e->d_name, strlen(e->d_name)) < 0) {
			print_error("lib/%s: a folder without a layer (add it to "
			    "the table in test_layers.c)\n", e->d_name);
			bad++;
		}
		while ((g = readdir(d)) != NULL) {
			size_t n = strlen(g->d_name);

			if (n < 3 || g->d_name[n - 2] != '.' ||
			    (g->d_name[n - 1] != 'c' && g->d_name[n - 1] != 'h'))
				continue;
			snprintf(path, sizeof path, "%s/%s", sub, g->d_name);
			bad += check_file(e->d_name, path);
			files++;
		}
		closedir(d);
	}
	closedir(top);
	assert_true(files > 40);
	assert_int_equal(bad, 0);
}

/* The rule itself, on includes that must be refused and allowed. */
static void
test_rule_refuses_upward_and_sideways(void **state)
{
	(void)state;
	assert_non_null(include_refusal("core", "web/params.h"));
	assert_non_null(include_refusal("db", "accounts/user.h"));
	assert_non_null(include_refusal("crypto", "web/form.h"));
	assert_non_null(include_refusal("credit", "enterprise/enterprise.h"));
	assert_non_null(include_refusal("accounts", "user.h"));
	assert_non_null(include_refusal("accounts", "routes.h"));
	assert_null(include_refusal("credit", "credit/credit_cat.h"));
	assert_null(include_refusal("credit", "accounts/user.h"));
	assert_null(include_refusal("db", "crypto/seal.h"));
	assert_null(include_refusal("web", "core/utf8.h"));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_rule_refuses_upward_and_sideways),
		cmocka_unit_test(test_lib_includes_respect_layers),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
