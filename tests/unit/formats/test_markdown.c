/*
 * test_markdown.c -- R-13.1 / X-SEC: article bodies rendered by libcmark
 * (lib/formats/markdown.c).  The author's raw HTML never reaches the page,
 * javascript: and other schemes (in any case, entity-encoded or split by
 * whitespace) are neutralised, links keep only http(s) and local paths,
 * images only local paths; ordinary CommonMark renders as expected.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "formats/markdown.h"

#define N(a)	(sizeof(a) / sizeof((a)[0]))

static char *
render(struct arena *a, const char *md)
{
	char *html = md_render(a, md, strlen(md));

	assert_non_null(html);
	return html;
}

/* Case-insensitive "does html contain s". */
static int
has(const char *html, const char *s)
{
	size_t l = strlen(s);

	for (const char *p = html; *p != '\0'; p++)
		if (strncasecmp(p, s, l) == 0)
			return 1;
	return 0;
}

static void
r_13_1_commonmark_renders(void **state)
{
	static const struct {
		const char *md, *want;
	} v[] = {
		{ "# 通知\n", "<h1>通知</h1>" },
		{ "**重要**", "<strong>重要</strong>" },
		{ "- 一\n- 二\n", "<li>一</li>" },
		{ "1. 甲\n", "<ol>" },
		{ "[产品](/products)", "<a href=\"/products\">产品</a>" },
		{ "[政策](https://www.gd.gov.cn/zwgk/)", "<a href=\"https://www.gd.gov.cn/zwgk/\">" },
		{ "[旧站](HTTP://example.org/a?b=1&c=2)", "href=\"HTTP://example.org/a?b=1&amp;c=2\"" },
		{ "[页内](#s2)", "href=\"#s2\"" },
		{ "![图](/static/logo.png)", "<img src=\"/static/logo.png\" alt=\"图\"" },
		{ "a < b & c > d", "a &lt; b &amp; c &gt; d" },
		{ "`<b>`", "<code>&lt;b&gt;</code>" },
		{ "> 引用", "<blockquote>" },
		{ "| not | a table |", "<p>| not | a table |</p>" },
	};
	struct arena *a = arena_new(1024);

	(void)state;
	for (size_t i = 0; i < N(v); i++) {
		const char *h = render(a, v[i].md);

		if (strstr(h, v[i].want) == NULL)
			fail_msg("%s -> %s, want %s", v[i].md, h, v[i].want);
	}
	arena_free(a);
}

/* X-SEC: raw HTML in any position is replaced, never passed through. */
static void
x_sec_raw_html_is_omitted(void **state)
{
	static const char *const v[] = {
		"<script>alert(1)</script>",
		"<img src=x onerror=alert(1)>",
		"文字 <span onclick=\"alert(1)\">点</span> 文字",
		"<iframe src=\"https://evil.example\"></iframe>",
		"<div>\n\n**在块中**\n\n</div>",
		"<style>body{display:none}</style>",
		"<a href=\"javascript:alert(1)\">x</a>",
		"<!-- comment --><svg onload=alert(1)>",
		"<?php echo 1; ?>",
		"<![CDATA[<script>x</script>]]>",
	};
	static const char *const bad[] = { "<script", "<img", "<span", "<iframe",
		"<div", "<style", "<a ", "<svg", "<?php", "<![CDATA", "onerror",
		"onclick", "onload" };
	struct arena *a = arena_new(1024);

	(void)state;
	for (size_t i = 0; i < N(v); i++) {
		const char *h = render(a, v[i]);

		for (size_t k = 0; k < N(bad); k++)
			if (has(h, bad[k]))
				fail_msg("%s -> %s (has %s)", v[i], h, bad[k]);
		if (!has(h, "raw HTML omitted"))
			fail_msg("%s -> %s (no omission marker)", v[i], h);
	}
	arena_free(a);
}

/* X-SEC: no link or image leads to a script, another scheme or (for
 * images) another site: the destination is emptied. */
static void
x_sec_unsafe_links_are_neutralised(void **state)
{
	static const char *const v[] = {
		"[x](javascript:alert(1))",
		"[x](JaVaScRiPt:alert(1))",
		"[x](&#106;avascript:alert(1))",
		"[x](java&#115;cript:alert(1))",
		"[x](<javascript:alert(1)>)",
		"[x](vbscript:msgbox(1))",
		"[x](data:text/html;base64,PHNjcmlwdD4=)",
		"[x](file:///etc/passwd)",
		"[x](mailto:a@example.org)",
		"[x](//evil.example/path)",
		"[x](/\\evil.example)",
		"[x](ftp://example.org/)",
		"<javascript:alert(1)>",
		"[x][r]\n\n[r]: javascript:alert(1)\n",
		"![x](https://tracker.example/p.gif)",
		"![x](javascript:alert(1))",
		"![x](data:image/png;base64,iVBORw0KGgo=)",
	};
	struct arena *a = arena_new(1024);

	(void)state;
	for (size_t i = 0; i < N(v); i++) {
		const char *h = render(a, v[i]);

		/* every destination is emptied (the text may still say it) */
		for (const char *p = h; (p = strstr(p, "href=\"")) != NULL; p++)
			if (p[6] != '"')
				fail_msg("%s -> %s", v[i], h);
		for (const char *p = h; (p = strstr(p, "src=\"")) != NULL; p++)
			if (p[5] != '"')
				fail_msg("%s -> %s", v[i], h);
		if (!has(h, "href=\"\"") && !has(h, "src=\"\""))
			fail_msg("%s -> %s (not a link any more?)", v[i], h);
	}
	arena_free(a);
}

static void
x_sec_link_predicates(void **state)
{
	static const struct {
		const char	*url;
		bool		 link, image;
	} v[] = {
		{ "https://www.gd.gov.cn/", true, false },
		{ "http://example.org", true, false },
		{ "HTTPS://EXAMPLE.ORG/", true, false },
		{ "/news/3", true, true },
		{ "#top", true, true },
		{ "?page=2", true, true },
		{ "https://", false, false },
		{ "//evil.example", false, false },
		{ "/\\evil.example", false, false },
		{ "javascript:alert(1)", false, false },
		{ " https://example.org", false, false },
		{ "news/3", false, false },
		{ "", false, false },
		{ NULL, false, false },
	};

	(void)state;
	for (size_t i = 0; i < N(v); i++) {
		if (md_link_ok(v[i].url) != v[i].link)
			fail_msg("link %s", v[i].url ? v[i].url : "(null)");
		if (md_image_ok(v[i].url) != v[i].image)
			fail_msg("image %s", v[i].url ? v[i].url : "(null)");
	}
}

/* Invalid UTF-8 and NUL never come out as such; an empty body is fine. */
static void
x_ui_invalid_bytes_and_empty(void **state)
{
	struct arena	*a = arena_new(1024);
	const char	 bad[] = "ab\xff\xfe" "cd";
	const char	 nul[] = { 'a', '\0', 'b' };
	char		*h;

	(void)state;
	h = md_render(a, bad, sizeof bad - 1);
	assert_non_null(h);
	assert_null(strchr(h, '\xff'));
	assert_non_null(strstr(h, "\xef\xbf\xbd"));
	h = md_render(a, nul, sizeof nul);
	assert_non_null(h);
	assert_non_null(strstr(h, "\xef\xbf\xbd"));
	h = md_render(a, "", 0);
	assert_non_null(h);
	assert_string_equal(h, "");
	h = md_render(a, NULL, 0);
	assert_non_null(h);
	arena_free(a);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(r_13_1_commonmark_renders),
		cmocka_unit_test(x_sec_raw_html_is_omitted),
		cmocka_unit_test(x_sec_unsafe_links_are_neutralised),
		cmocka_unit_test(x_sec_link_predicates),
		cmocka_unit_test(x_ui_invalid_bytes_and_empty),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
