/*
 * test_view.c -- templates: escaping on by default (X-SEC), golden
 * output, strings, and every real page template parses (X-UI).
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <ctype.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "web/view.h"

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

/*
 * X-SEC (issue 12 item 18): a secret page's data holds only the token;
 * view_render_secret() prints the value, html-escaped, in its place, and
 * the same output as view_render() otherwise.
 */
static void
x_sec_render_secret_puts_the_value_in_place_of_its_token(void **state)
{
	static const char *const names[] = { "page" };
	const struct view_secret sec[] = {
		{ "DJS0123456789abcdef", "Ab3-<x>&'\"" },
		{ "DJSffff", "second" },
	};
	const struct view_secret empty[] = { { "", "v" } };
	struct views	*v;
	HDF		*h;
	char		 dir[4096], err[512], *out, *plain;
	size_t		 len, plen;

	(void)state;
	snprintf(dir, sizeof dir, "%s/tests/unit/views", srcdir);
	assert_int_equal(views_load(dir, names, 1, &v, err, sizeof err), ERR_OK);
	assert_int_equal(hdf_init(&h), STATUS_OK);
	hdf_set_value(h, "Page.title", "标题");
	hdf_set_value(h, "Page.text", "pw DJS0123456789abcdef / DJSffff DJS0123456789abcdef");
	assert_int_equal(view_render_secret(v, 0, h, sec, 2, &out, &len), ERR_OK);
	assert_int_equal(len, strlen(out));
	assert_non_null(strstr(out, "pw Ab3-&lt;x&gt;&amp;&#39;&#34; / second "
	    "Ab3-&lt;x&gt;&amp;&#39;&#34;"));
	assert_null(strstr(out, "DJS"));
	/* without secrets: what view_render() gives */
	assert_int_equal(view_render(v, 0, h, &plain, &plen), ERR_OK);
	free(out);
	assert_int_equal(view_render_secret(v, 0, h, NULL, 0, &out, &len), ERR_OK);
	assert_string_equal(out, plain);
	assert_int_equal(len, plen);
	free(out);
	free(plain);
	assert_int_equal(view_render_secret(v, 0, h, empty, 1, &out, &len), ERR_INVAL);
	assert_int_equal(view_render_secret(v, 7, h, sec, 2, &out, &len), ERR_TEMPLATE);
	hdf_destroy(&h);
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

/*
 * X-SEC: the check over views/.  Under Config.VarEscapeMode=html only
 * `var:` output is escaped; `alt:` (unless it prints html_escape()),
 * `uvar:`, `lvar:`, `evar:`, `name:`, `linclude:` and `escape:` blocks
 * print raw or replace the html escaping.  Escaped text is still unsafe
 * where HTML does not end at a quote: inside <script>/<style>, in on*=
 * and style= attributes, in an unquoted attribute value, and at the start
 * of a URL attribute (a `javascript:` scheme).  Every finding fails the
 * test unless it is on this reviewed list (file, exact construct text).
 */
static const struct {
	const char	*file;
	const char	*construct;
	const char	*why;
} raw_reviewed[] = {
	{ "login_enrol.cs", "src=\"<?cs var:Enrol.qr ?>",
	  "data:image/svg+xml URI built by qr_svg_data_uri() in cgi/auth.c" },
	{ "article.cs", "<?cs uvar:Article.html ?>",
	  "the article body rendered by md_render() (lib/formats/markdown.c): libcmark's"
	  " safe mode omits raw HTML, links only http(s)/local, images only local;"
	  " tests/unit/formats/test_markdown.c and tests/http/t_89_articles.sh" },
};

/* Template commands whose output, if any, is escaped (or that print nothing). */
static const char *const cs_cmd_ok[] = {
	"var", "if", "elif", "else", "/if", "each", "/each", "loop", "/loop",
	"with", "/with", "def", "/def", "call", "include", "set", "/alt",
};

static int
reviewed(const char *file, const char *text, size_t at)
{
	for (size_t i = 0; i < sizeof raw_reviewed / sizeof raw_reviewed[0]; i++) {
		size_t l = strlen(raw_reviewed[i].construct);

		if (strcmp(file, raw_reviewed[i].file) != 0)
			continue;
		/* Some occurrence of the construct covers position `at`. */
		for (size_t b = at + 1 > l ? at + 1 - l : 0; b <= at; b++)
			if (strncmp(text + b, raw_reviewed[i].construct, l) == 0)
				return 1;
	}
	return 0;
}

static int
finding(const char *file, const char *text, size_t at, const char *what,
    char *why, size_t whylen, int n)
{
	int line = 1;

	if (reviewed(file, text, at))
		return n;
	for (size_t i = 0; i < at; i++)
		line += text[i] == '\n';
	if (n == 0)
		snprintf(why, whylen, "%s:%d: %s: %.40s", file, line, what, text + at);
	return n + 1;
}

/*
 * Where the template tag at text[at] sits in the HTML of `mask` (the text
 * with every template tag blanked to 0x01).  NULL when escaped output is
 * safe there, else the reason.  A `call:` may stand between attributes
 * (macros print attributes such as aria-invalid); a `var:` may not.
 */
static const char *
html_context(const char *mask, size_t at, int is_call)
{
	static const char *const raw_el[] = { "script", "style" };
	size_t	 i, lt = 0;
	int	 in_tag = 0;

	for (size_t k = 0; k < sizeof raw_el / sizeof raw_el[0]; k++) {
		size_t	 l = strlen(raw_el[k]);
		int	 open = 0;

		for (i = 0; i < at; i++)
			if (mask[i] == '<' && strncasecmp(mask + i + 1, raw_el[k], l) == 0)
				open = 1;
			else if (mask[i] == '<' && mask[i + 1] == '/' &&
			    strncasecmp(mask + i + 2, raw_el[k], l) == 0)
				open = 0;
		if (open)
			return "output inside <script> or <style>";
	}
	for (i = at; i-- > 0;) {
		if (mask[i] == '>')
			break;
		if (mask[i] == '<') {
			in_tag = isalpha((unsigned char)mask[i + 1]);
			lt = i;
			break;
		}
	}
	if (!in_tag)
		return NULL;
	/* Lex the tag name, then attribute by attribute up to `at`. */
	for (i = lt + 1; i < at && !isspace((unsigned char)mask[i]); i++)
		;
	for (;;) {
		char	 attr[32], q = 0;
		size_t	 nl = 0, vstart;

		while (i < at && isspace((unsigned char)mask[i]))
			i++;
		while (i < at && mask[i] != '=' && !isspace((unsigned char)mask[i])) {
			if (nl + 1 < sizeof attr)
				attr[nl++] = (char)tolower((unsigned char)mask[i]);
			i++;
		}
		attr[nl] = '\0';
		if (i >= at)	/* between attributes or inside a name */
			return is_call ? NULL : "output in a tag outside a quoted value";
		if (mask[i] != '=')
			continue;
		i++;
		if (i < at && (mask[i] == '"' || mask[i] == '\''))
			q = mask[i++];
		vstart = i;
		while (i < at && (q ? mask[i] != q : !isspace((unsigned char)mask[i])))
			i++;
		if (i < at) {	/* this value ends before `at` */
			i += q != 0;
			continue;
		}
		if (q == 0)
			return "output in an unquoted attribute value";
		if (strncmp(attr, "on", 2) == 0 || strcmp(attr, "style") == 0)
			return "output in an on*= or style= attribute";
		if (vstart == at && (strcmp(attr, "href") == 0 ||
		    strcmp(attr, "src") == 0 || strcmp(attr, "action") == 0 ||
		    strcmp(attr, "formaction") == 0))
			return "output starts a URL attribute";
		return NULL;
	}
}

/*
 * Counts the raw or unsafe output constructs in template `text` (named
 * `file` for messages and the reviewed list) and describes the first in
 * `why`.  0 means the template passes.
 */
static int
view_raw_findings(const char *file, const char *text, char *why, size_t whylen)
{
	char	*mask = strdup(text);
	int	 n = 0;

	assert_non_null(mask);
	for (char *p = mask; (p = strstr(p, "<?cs")) != NULL;) {
		char *e = strstr(p, "?>");

		e = e != NULL ? e + 2 : p + strlen(p);
		memset(p, '\x01', (size_t)(e - p));
		p = e;
	}
	for (const char *p = text; (p = strstr(p, "<?cs")) != NULL; p += 4) {
		const char	*c = p + 4, *end = strstr(p, "?>"), *ctx;
		char		 cmd[16], arg[512];
		size_t		 l = 0, at = (size_t)(p - text);
		int		 ok = 0;

		while (isspace((unsigned char)*c))
			c++;
		if (*c == '#')
			continue;
		while ((isalpha((unsigned char)*c) || *c == '/' || *c == '_') &&
		    l + 1 < sizeof cmd)
			cmd[l++] = (char)tolower((unsigned char)*c++);
		cmd[l] = '\0';
		while (isspace((unsigned char)*c) || *c == ':')
			c++;
		snprintf(arg, sizeof arg, "%.*s",
		    (int)(end != NULL && end > c ? end - c : 0), c);
		for (size_t i = 0; i < sizeof cs_cmd_ok / sizeof cs_cmd_ok[0]; i++)
			ok |= strcmp(cmd, cs_cmd_ok[i]) == 0;
		if (strcmp(cmd, "alt") == 0)
			ok = strncmp(arg, "html_escape(", 12) == 0;
		if (!ok)
			n = finding(file, text, at, "raw output construct",
			    why, whylen, n);
		else if (strstr(arg, "url_escape(") != NULL ||
		    strstr(arg, "js_escape(") != NULL)
			n = finding(file, text, at, "url/js escaping instead of html",
			    why, whylen, n);
		else if ((strcmp(cmd, "var") == 0 || strcmp(cmd, "alt") == 0 ||
		    strcmp(cmd, "call") == 0) &&
		    (ctx = html_context(mask, at, cmd[0] == 'c')) != NULL)
			n = finding(file, text, at, ctx, why, whylen, n);
	}
	free(mask);
	return n;
}

/* X-SEC: the check itself catches every kind of bad snippet. */
static void
x_sec_raw_output_check_catches_bad_snippets(void **state)
{
	static const char *const bad[] = {
		"<dd><?cs alt:Ent.name ?>-<?cs /alt ?></dd>",
		"<p><?cs uvar:Ent.name ?></p>",
		"<p><?cs lvar:Ent.name ?></p>",
		"<p><?cs evar:Ent.name ?></p>",
		"<option value=\"<?cs name:o ?>\">",
		"<?cs linclude:Page.file ?>",
		"<?cs escape:\"none\" ?><?cs var:x ?><?cs /escape ?>",
		"<p><?cs  ALT : x ?>-<?cs /alt ?></p>",
		"<a href=\"/x?q=<?cs var:url_escape(q) ?>\">",
		"<script>var n = \"<?cs var:Ent.name ?>\";</script>",
		"<p onclick=\"go('<?cs var:Ent.name ?>')\">",
		"<p style=\"color:<?cs var:c ?>\">",
		"<input value=<?cs var:Form.name.value ?>>",
		"<a href=\"<?cs var:Ent.website ?>\">",
		"<a class=\"x\" href='<?cs var:Ent.website ?>'>",
		"<p <?cs var:Attr ?>>",
	};
	static const char *const good[] = {
		"<dd><?cs if:Ent.name ?><?cs var:Ent.name ?><?cs else ?>-<?cs /if ?></dd>",
		"<dd><?cs alt:html_escape(Ent.name) ?>-<?cs /alt ?></dd>",
		"<option value=\"<?cs var:name(o) ?>\"<?cs if:x == name(o) ?> selected<?cs /if ?>>",
		"<a href=\"/agencies/<?cs var:a.id ?>\" title=\"<?cs var:a.name ?>\">",
		"<form action=\"<?cs if:F.id ?>/f/<?cs var:F.id ?><?cs else ?>/f<?cs /if ?>\">",
		"<?cs # alt:comment ?><input<?cs call:invalid(\"x\") ?> value=\"<?cs var:v ?>\">",
		"<script src=\"/static/x.js\"></script><p><?cs var:x ?></p>",
		"<p>a > b <?cs var:x ?></p>",
	};
	char why[256];

	(void)state;
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
		if (view_raw_findings("snippet.cs", bad[i], why, sizeof why) < 1)
			fail_msg("not caught: %s", bad[i]);
	for (size_t i = 0; i < sizeof good / sizeof good[0]; i++)
		if (view_raw_findings("snippet.cs", good[i], why, sizeof why) != 0)
			fail_msg("false alarm on %s: %s", good[i], why);
	/* The reviewed list applies to its file only. */
	assert_int_equal(view_raw_findings("login_enrol.cs",
	    "<img src=\"<?cs var:Enrol.qr ?>\">", why, sizeof why), 0);
	assert_int_equal(view_raw_findings("other.cs",
	    "<img src=\"<?cs var:Enrol.qr ?>\">", why, sizeof why), 1);
}

/* X-UI: every page template of the product parses with the real layout
 * and strings, and (X-SEC) none prints raw or unsafe output. */
static void
x_ui_every_real_template_parses(void **state)
{
	char		 dir[4096], err[512], why[256], *names[128];
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
		int bad;

		if (l < 4 || strcmp(de->d_name + l - 3, ".cs") != 0)
			continue;
		snprintf(path, sizeof path, "%s/%s", dir, de->d_name);
		assert_non_null(text = slurp(path));
		if ((bad = view_raw_findings(de->d_name, text, why, sizeof why)) != 0)
			fail_msg("%s (%d finding(s) in this file)", why, bad);
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

/*
 * X-UI, X-SEC: golden renders of the real pages.  Each
 * tests/unit/golden/pages/NAME.hdf is a representative request's data
 * (Golden.template names the page of views/); the page rendered with the
 * real layout and strings must equal NAME.html byte for byte, so that a
 * change of a template, the layout or strings.hdf shows as a reviewed
 * diff of the goldens.  DUIJIE_GOLDEN_UPDATE=1 writes the renders into the
 * goldens instead (README.md, "Tests"); otherwise a mismatch leaves the
 * render as NAME.actual.html in the test's working directory for diff -u.
 */
static int
cmp_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void
x_ui_real_pages_match_goldens(void **state)
{
	char		 dir[4096], views_dir[4096], err[512], *cases[64], *pages[64];
	const char	*update = getenv("DUIJIE_GOLDEN_UPDATE");
	size_t		 n = 0;
	DIR		*d;
	struct dirent	*de;
	struct views	*v;
	int		 bad = 0;

	(void)state;
	snprintf(dir, sizeof dir, "%s/tests/unit/golden/pages", srcdir);
	snprintf(views_dir, sizeof views_dir, "%s/views", srcdir);
	assert_non_null(d = opendir(dir));
	while ((de = readdir(d)) != NULL && n < 64) {
		size_t l = strlen(de->d_name);

		if (l > 4 && strcmp(de->d_name + l - 4, ".hdf") == 0)
			cases[n++] = strndup(de->d_name, l - 4);
	}
	closedir(d);
	qsort(cases, n, sizeof cases[0], cmp_names);
	/* layout + sign-in, profile, enterprise, change form, credit report,
	 * users, audit log at least */
	assert_true(n >= 7);
	for (size_t i = 0; i < n; i++) {
		char path[8192];
		HDF *h;

		snprintf(path, sizeof path, "%s/%s.hdf", dir, cases[i]);
		assert_int_equal(hdf_init(&h), STATUS_OK);
		if (hdf_read_file(h, path) != STATUS_OK)
			fail_msg("%s: not readable HDF", path);
		assert_non_null(hdf_get_value(h, "Golden.template", NULL));
		pages[i] = strdup(hdf_get_value(h, "Golden.template", NULL));
		hdf_destroy(&h);
	}
	if (views_load(views_dir, (const char *const *)pages, n, &v, err, sizeof err) != ERR_OK)
		fail_msg("%s", err);
	for (size_t i = 0; i < n; i++) {
		char path[8192], *out, *want;
		size_t len;
		HDF *h;
		FILE *f;

		snprintf(path, sizeof path, "%s/%s.hdf", dir, cases[i]);
		assert_int_equal(hdf_init(&h), STATUS_OK);
		assert_int_equal(hdf_read_file(h, path), STATUS_OK);
		if (view_render(v, i, h, &out, &len) != ERR_OK)
			fail_msg("%s: rendering %s.cs failed", cases[i], pages[i]);
		hdf_destroy(&h);
		/* escaped, never raw: no fixture's markup survives */
		assert_null(strstr(out, "<script>x"));
		snprintf(path, sizeof path, "%s/%s.html", dir, cases[i]);
		if (update != NULL && *update != '\0') {
			assert_non_null(f = fopen(path, "wb"));
			assert_int_equal(fwrite(out, 1, len, f), len);
			assert_int_equal(fclose(f), 0);
			printf("golden written: %s\n", path);
		} else if ((want = slurp(path)) == NULL ||
		    strcmp(out, want) != 0 || len != strlen(want)) {
			snprintf(path, sizeof path, "%s.actual.html", cases[i]);
			if ((f = fopen(path, "wb")) != NULL) {
				fwrite(out, 1, len, f);
				fclose(f);
			}
			printf("golden differs: %s (%s.cs); the render is in %s: "
			    "diff -u %s/%s.html %s, and if the change is "
			    "meant, DUIJIE_GOLDEN_UPDATE=1 make check\n",
			    cases[i], pages[i], path, dir, cases[i], path);
			bad++;
			free(want);
		} else
			free(want);
		free(out);
	}
	views_free(v);
	for (size_t i = 0; i < n; i++) {
		free(cases[i]);
		free(pages[i]);
	}
	if (bad > 0)
		fail_msg("%d golden page(s) differ", bad);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(x_sec_render_escapes_and_matches_golden),
		cmocka_unit_test(x_sec_render_secret_puts_the_value_in_place_of_its_token),
		cmocka_unit_test(strings_come_from_strings_hdf),
		cmocka_unit_test(missing_template_is_an_error),
		cmocka_unit_test(x_sec_raw_output_check_catches_bad_snippets),
		cmocka_unit_test(x_ui_every_real_template_parses),
		cmocka_unit_test(x_ui_real_pages_match_goldens),
	};
	const char *s = getenv("DUIJIE_SRCDIR");

	snprintf(srcdir, sizeof srcdir, "%s", s != NULL ? s : ".");
	nerr_init();
	return cmocka_run_group_tests_name("view", tests, NULL, NULL);
}
