/*
 * test_view.c -- templates: escaping on by default (X-SEC), golden
 * output, strings, and every real page template parses (X-UI).
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "view.h"

static char srcdir[2048];

static char *
slurp(const char *path)
{
	FILE	*f = fopen(path, "rb");
	char	*buf;
	long	 n;

	if (f == NULL)
		return NULL;
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	fseek(f, 0, SEEK_SET);
	buf = calloc(1, (size_t)n + 1);
	if (buf != NULL && fread(buf, 1, (size_t)n, f) != (size_t)n) {
		free(buf);
		buf = NULL;
	}
	fclose(f);
	return buf;
}

static void
x_sec_render_escapes_and_matches_golden(void **state)
{
	static const char *const names[] = { "page" };
	struct views	*v;
	HDF		*h;
	char		 dir[4096], path[4096], err[512], *out, *want;
	size_t		 len;

	(void)state;
	snprintf(dir, sizeof dir, "%s/tests/unit/views", srcdir);
	assert_int_equal(views_load(dir, names, 1, &v, err, sizeof err), ERR_OK);
	assert_int_equal(hdf_init(&h), STATUS_OK);
	hdf_set_value(h, "Page.title", "标题 <b>");
	hdf_set_value(h, "Page.text", "<script>alert(\"x\")</script> & 'q'");
	hdf_set_value(h, "Items.0", "一");
	hdf_set_value(h, "Items.1", "<二>");
	assert_int_equal(view_render(v, 0, h, &out, &len), ERR_OK);
	snprintf(path, sizeof path, "%s/tests/unit/golden/page_escaped.html", srcdir);
	assert_non_null(want = slurp(path));
	assert_string_equal(out, want);
	assert_int_equal(len, strlen(want));
	free(out);
	free(want);

	/* The same parse tree renders a second request's data. */
	hdf_destroy(&h);
	assert_int_equal(hdf_init(&h), STATUS_OK);
	hdf_set_value(h, "Page.title", "二");
	assert_int_equal(view_render(v, 0, h, &out, &len), ERR_OK);
	assert_non_null(strstr(out, "<title>二 - 对接平台</title>"));
	assert_null(strstr(out, "<li>"));
	free(out);
	hdf_destroy(&h);
	assert_int_equal(view_render(v, 7, h, &out, &len), ERR_TEMPLATE);
	views_free(v);
}

static void
strings_come_from_strings_hdf(void **state)
{
	static const char *const names[] = { "page" };
	struct views	*v;
	char		 dir[4096], err[512];

	(void)state;
	snprintf(dir, sizeof dir, "%s/tests/unit/views", srcdir);
	assert_int_equal(views_load(dir, names, 1, &v, err, sizeof err), ERR_OK);
	assert_string_equal(views_str(v, "Err.required"), "请填写此项");
	assert_string_equal(views_str(v, "Err.nope"), "Err.nope");
	views_free(v);
}

static void
missing_template_is_an_error(void **state)
{
	static const char *const names[] = { "no_such_page" };
	struct views	*v = NULL;
	char		 dir[4096], err[512] = "";

	(void)state;
	snprintf(dir, sizeof dir, "%s/tests/unit/views", srcdir);
	assert_int_equal(views_load(dir, names, 1, &v, err, sizeof err), ERR_TEMPLATE);
	assert_null(v);
	assert_non_null(strstr(err, "no_such_page"));
}

/* X-UI: every page template of the product parses with the real layout
 * and strings, and no template uses raw output. */
static void
x_ui_every_real_template_parses(void **state)
{
	char		 dir[4096], err[512], *names[128];
	size_t		 n = 0;
	DIR		*d;
	struct dirent	*de;
	struct views	*v;

	(void)state;
	snprintf(dir, sizeof dir, "%s/views", srcdir);
	assert_non_null(d = opendir(dir));
	while ((de = readdir(d)) != NULL && n < 128) {
		size_t l = strlen(de->d_name);
		char path[8192], *text;

		if (l < 4 || strcmp(de->d_name + l - 3, ".cs") != 0)
			continue;
		snprintf(path, sizeof path, "%s/%s", dir, de->d_name);
		assert_non_null(text = slurp(path));
		if (strstr(text, "uvar:") != NULL)
			fail_msg("%s uses uvar: (raw output)", de->d_name);
		free(text);
		if (strcmp(de->d_name, "layout.cs") == 0 || de->d_name[0] == '_')
			continue;
		names[n++] = strndup(de->d_name, l - 3);
	}
	closedir(d);
	assert_true(n >= 3);
	if (views_load(dir, (const char *const *)names, n, &v, err, sizeof err) != ERR_OK)
		fail_msg("%s", err);
	views_free(v);
	for (size_t i = 0; i < n; i++)
		free(names[i]);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(x_sec_render_escapes_and_matches_golden),
		cmocka_unit_test(strings_come_from_strings_hdf),
		cmocka_unit_test(missing_template_is_an_error),
		cmocka_unit_test(x_ui_every_real_template_parses),
	};
	const char *s = getenv("DUIJIE_SRCDIR");

	snprintf(srcdir, sizeof srcdir, "%s", s != NULL ? s : ".");
	nerr_init();
	return cmocka_run_group_tests_name("view", tests, NULL, NULL);
}
