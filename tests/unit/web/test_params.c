/*
 * test_params.c -- X-SEC input validation of raw request input: query
 * strings and urlencoded bodies (escapes, '+', bad escapes, overlong UTF-8,
 * NUL, limits) and Cookie headers.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "web/params.h"
#include "core/utf8.h"

#define MAXKV	6

struct kv {
	const char	*k;
	const char	*v;
};

struct pcase {
	const char	*in;
	enum err	 want;
	struct kv	 kv[MAXKV];	/* expected params on success */
};

static const struct limits lim = {
	.body_max = 1 << 20,
	.fields_max = 6,
	.field_max = 16,
	.file_max = 1 << 20,
};

static const struct pcase url_cases[] = {
	/* Plain pairs and shapes. */
	{ "", ERR_OK, { { NULL, NULL } } },
	{ "a=1", ERR_OK, { { "a", "1" } } },
	{ "a=1&b=2", ERR_OK, { { "a", "1" }, { "b", "2" } } },
	{ "a=1&a=2", ERR_OK, { { "a", "1" }, { "a", "2" } } },
	{ "a", ERR_OK, { { "a", "" } } },
	{ "a=", ERR_OK, { { "a", "" } } },
	{ "a=&b", ERR_OK, { { "a", "" }, { "b", "" } } },
	{ "a=1&&b=2", ERR_OK, { { "a", "1" }, { "b", "2" } } },
	{ "&&&", ERR_OK, { { NULL, NULL } } },
	{ "&a=1&", ERR_OK, { { "a", "1" } } },
	{ "=1", ERR_OK, { { NULL, NULL } } },
	{ "=1&b=2", ERR_OK, { { "b", "2" } } },
	{ "b=2&=1", ERR_OK, { { "b", "2" } } },
	{ "b=2&", ERR_OK, { { "b", "2" } } },
	{ "a==1", ERR_OK, { { "a", "=1" } } },
	{ "a=1=2", ERR_OK, { { "a", "1=2" } } },
	{ "a=b;c", ERR_OK, { { "a", "b;c" } } },
	/* '+' and escapes. */
	{ "q=a+b", ERR_OK, { { "q", "a b" } } },
	{ "q=a%2Bb", ERR_OK, { { "q", "a+b" } } },
	{ "q=%20", ERR_OK, { { "q", " " } } },
	{ "q=%41%42%43", ERR_OK, { { "q", "ABC" } } },
	{ "q=%4a%4A", ERR_OK, { { "q", "JJ" } } },
	{ "q=%26%3D", ERR_OK, { { "q", "&=" } } },
	{ "q=%25", ERR_OK, { { "q", "%" } } },
	{ "q=%2525", ERR_OK, { { "q", "%25" } } },
	{ "my+name=x", ERR_OK, { { "my name", "x" } } },
	{ "%61=1", ERR_OK, { { "a", "1" } } },
	{ "q=%E5%AF%B9%E6%8E%A5", ERR_OK,
	    { { "q", "\xe5\xaf\xb9\xe6\x8e\xa5" } } },
	{ "q=\xe5\xaf\xb9", ERR_OK, { { "q", "\xe5\xaf\xb9" } } },
	{ "q=%F0%9F%98%80", ERR_OK, { { "q", "\xf0\x9f\x98\x80" } } },
	{ "q=%0A%0D%09", ERR_OK, { { "q", "\n\r\t" } } },
	/* Bad escapes: ERR_INVAL. */
	{ "q=%", ERR_INVAL, { { NULL, NULL } } },
	{ "q=%4", ERR_INVAL, { { NULL, NULL } } },
	{ "q=%G1", ERR_INVAL, { { NULL, NULL } } },
	{ "q=%1G", ERR_INVAL, { { NULL, NULL } } },
	{ "q=%%41", ERR_INVAL, { { NULL, NULL } } },
	{ "q=% 1", ERR_INVAL, { { NULL, NULL } } },
	{ "q=%-1", ERR_INVAL, { { NULL, NULL } } },
	{ "q=%+1", ERR_INVAL, { { NULL, NULL } } },
	{ "%=1", ERR_INVAL, { { NULL, NULL } } },
	{ "a=1&q=%4&b=2", ERR_INVAL, { { NULL, NULL } } },
	{ "q=%u0041", ERR_INVAL, { { NULL, NULL } } },
	/* Decoded bytes must be UTF-8 without NUL: ERR_UTF8. */
	{ "q=%00", ERR_UTF8, { { NULL, NULL } } },
	{ "q=a%00b", ERR_UTF8, { { NULL, NULL } } },
	{ "%00=1", ERR_UTF8, { { NULL, NULL } } },
	{ "q=%C0%AF", ERR_UTF8, { { NULL, NULL } } },
	{ "q=%C0%80", ERR_UTF8, { { NULL, NULL } } },
	{ "q=%E0%80%AF", ERR_UTF8, { { NULL, NULL } } },
	{ "q=%ED%A0%80", ERR_UTF8, { { NULL, NULL } } },
	{ "q=%F4%90%80%80", ERR_UTF8, { { NULL, NULL } } },
	{ "q=%E5%AF", ERR_UTF8, { { NULL, NULL } } },
	{ "q=%FF", ERR_UTF8, { { NULL, NULL } } },
	{ "q=%E9", ERR_UTF8, { { NULL, NULL } } },
	{ "q=\xe9", ERR_UTF8, { { NULL, NULL } } },
	{ "q=\xc0\xaf", ERR_UTF8, { { NULL, NULL } } },
	{ "%C0%AF=1", ERR_UTF8, { { NULL, NULL } } },
	/* Limits: field_max 16, fields_max 6. */
	{ "q=0123456789abcdef", ERR_OK, { { "q", "0123456789abcdef" } } },
	{ "q=0123456789abcdefg", ERR_TOOBIG, { { NULL, NULL } } },
	{ "0123456789abcdef=1", ERR_OK, { { "0123456789abcdef", "1" } } },
	{ "0123456789abcdefg=1", ERR_TOOBIG, { { NULL, NULL } } },
	{ "q=%41%41%41%41%41%41%41%41%41%41%41%41%41%41%41%41", ERR_OK,
	    { { "q", "AAAAAAAAAAAAAAAA" } } },
	{ "q=%41%41%41%41%41%41%41%41%41%41%41%41%41%41%41%41%41", ERR_TOOBIG,
	    { { NULL, NULL } } },
	{ "q=\xe5\xaf\xb9\xe5\xaf\xb9\xe5\xaf\xb9\xe5\xaf\xb9\xe5\xaf\xb9\xe5",
	    ERR_UTF8, { { NULL, NULL } } },
	{ "q=\xe5\xaf\xb9\xe5\xaf\xb9\xe5\xaf\xb9\xe5\xaf\xb9\xe5\xaf\xb9\xe5"
	    "\xaf\xb9", ERR_TOOBIG, { { NULL, NULL } } },
	{ "a&b&c&d&e&f", ERR_OK, { { "a", "" }, { "b", "" }, { "c", "" },
	    { "d", "" }, { "e", "" }, { "f", "" } } },
	{ "a&b&c&d&e&f&g", ERR_TOOMANY, { { NULL, NULL } } },
	{ "a&&b&&c&&d&&e&&f&&", ERR_OK, { { "a", "" }, { "b", "" },
	    { "c", "" }, { "d", "" }, { "e", "" }, { "f", "" } } },
};

static const struct pcase cookie_cases[] = {
	{ "", ERR_OK, { { NULL, NULL } } },
	{ "sid=abc", ERR_OK, { { "sid", "abc" } } },
	{ "a=1; b=2", ERR_OK, { { "a", "1" }, { "b", "2" } } },
	{ "a=1;b=2", ERR_OK, { { "a", "1" }, { "b", "2" } } },
	{ "  a = 1 ;\tb=2\t", ERR_OK, { { "a", "1" }, { "b", "2" } } },
	{ "a=1; a=2", ERR_OK, { { "a", "1" }, { "a", "2" } } },
	{ "a=\"quoted\"", ERR_OK, { { "a", "quoted" } } },
	{ "a=\"", ERR_OK, { { "a", "\"" } } },
	{ "a=", ERR_OK, { { "a", "" } } },
	{ "a=%41+b", ERR_OK, { { "a", "%41+b" } } },	/* no decoding */
	{ "a=x=y", ERR_OK, { { "a", "x=y" } } },
	{ "flag; a=1", ERR_OK, { { "a", "1" } } },
	{ "flag", ERR_OK, { { NULL, NULL } } },
	{ ";;; a=1 ;;", ERR_OK, { { "a", "1" } } },
	{ "=1; b=2", ERR_OK, { { "b", "2" } } },
	{ "b=2; =1", ERR_OK, { { "b", "2" } } },
	{ "b=2; flag", ERR_OK, { { "b", "2" } } },
	{ "b=2;", ERR_OK, { { "b", "2" } } },
	{ "a=\xe5\xaf\xb9", ERR_OK, { { "a", "\xe5\xaf\xb9" } } },
	{ "a=\xc0\xaf", ERR_UTF8, { { NULL, NULL } } },
	{ "\xff=1", ERR_UTF8, { { NULL, NULL } } },
	{ "a=0123456789abcdef", ERR_OK, { { "a", "0123456789abcdef" } } },
	{ "a=0123456789abcdefX", ERR_TOOBIG, { { NULL, NULL } } },
	{ "0123456789abcdefX=1", ERR_TOOBIG, { { NULL, NULL } } },
	{ "a=1;b=2;c=3;d=4;e=5;f=6", ERR_OK, { { "a", "1" }, { "b", "2" },
	    { "c", "3" }, { "d", "4" }, { "e", "5" }, { "f", "6" } } },
	{ "a=1;b=2;c=3;d=4;e=5;f=6;g=7", ERR_TOOMANY, { { NULL, NULL } } },
};

static void
check_case(const struct pcase *c, enum err got, const struct params *p)
{
	size_t	 i, n;

	if (got != c->want)
		fail_msg("\"%s\": got %s, want %s", c->in, err_str(got),
		    err_str(c->want));
	if (got != ERR_OK)
		return;
	for (n = 0; n < MAXKV && c->kv[n].k != NULL; n++)
		continue;
	if (p->n != n)
		fail_msg("\"%s\": %zu params, want %zu", c->in, p->n, n);
	for (i = 0; i < n; i++) {
		if (strcmp(p->v[i].name, c->kv[i].k) != 0 ||
		    strcmp(p->v[i].value, c->kv[i].v) != 0 ||
		    p->v[i].len != strlen(c->kv[i].v) ||
		    p->v[i].file != NULL)
			fail_msg("\"%s\": param %zu is \"%s\"=\"%s\"", c->in,
			    i, p->v[i].name, p->v[i].value);
	}
}

static void
xsec_urlencoded_decodes_and_rejects_bad_input(void **state)
{
	struct arena	*a = arena_new(1024);
	size_t		 i;

	(void)state;
	for (i = 0; i < sizeof(url_cases) / sizeof(url_cases[0]); i++) {
		struct params	 p = { NULL, 0, 0 };
		enum err	 e;

		e = params_urlencoded(a, url_cases[i].in,
		    strlen(url_cases[i].in), &lim, &p);
		check_case(&url_cases[i], e, &p);
		arena_reset(a);
	}
	arena_free(a);
}

static void
xsec_cookies_are_split_trimmed_and_checked(void **state)
{
	struct arena	*a = arena_new(1024);
	size_t		 i;

	(void)state;
	for (i = 0; i < sizeof(cookie_cases) / sizeof(cookie_cases[0]); i++) {
		struct params	 p = { NULL, 0, 0 };
		enum err	 e;

		e = params_cookies(a, cookie_cases[i].in, &lim, &p);
		check_case(&cookie_cases[i], e, &p);
		arena_reset(a);
	}
	arena_free(a);
}

/* A raw NUL inside the query string (length given) is ERR_UTF8. */
static void
xsec_raw_nul_in_query_is_rejected(void **state)
{
	struct arena	*a = arena_new(0);
	struct params	 p = { NULL, 0, 0 };

	(void)state;
	assert_int_equal(params_urlencoded(a, "a=1\0b", 5, &lim, &p), ERR_UTF8);
	arena_free(a);
}

/* Only `n` bytes are parsed: the rest of the buffer is not looked at. */
static void
urlencoded_honours_length(void **state)
{
	struct arena	*a = arena_new(0);
	struct params	 p = { NULL, 0, 0 };

	(void)state;
	assert_int_equal(params_urlencoded(a, "a=12%zz", 4, &lim, &p), ERR_OK);
	assert_int_equal(p.n, 1);
	assert_string_equal(p.v[0].value, "12");
	assert_int_equal(params_urlencoded(a, NULL, 0, &lim, &p), ERR_OK);
	assert_int_equal(p.n, 1);
	arena_free(a);
}

/* fields_max counts everything in `out`: query string plus body. */
static void
xsec_field_limit_spans_query_and_body(void **state)
{
	struct arena	*a = arena_new(0);
	struct params	 p = { NULL, 0, 0 };

	(void)state;
	assert_int_equal(params_urlencoded(a, "a&b&c", 5, &lim, &p), ERR_OK);
	assert_int_equal(params_urlencoded(a, "d&e&f", 5, &lim, &p), ERR_OK);
	assert_int_equal(params_urlencoded(a, "g", 1, &lim, &p), ERR_TOOMANY);
	assert_int_equal(params_cookies(a, "x=1", &lim, &p), ERR_TOOMANY);
	assert_int_equal(p.n, 6);
	arena_free(a);
}

/* The array grows in the arena well past its first capacity. */
static void
many_params_grow_the_array_and_get_finds_the_first(void **state)
{
	struct arena	*a = arena_new(0);
	struct params	 p = { NULL, 0, 0 };
	struct limits	 big = lim;
	char		 q[16000];
	size_t		 n = 0;
	int		 i;
	const struct param *x;

	(void)state;
	big.fields_max = 1000;
	for (i = 0; i < 1000; i++)
		n += (size_t)snprintf(q + n, sizeof(q) - n, "%sk%d=%d",
		    i ? "&" : "", i % 500, i);
	assert_int_equal(params_urlencoded(a, q, n, &big, &p), ERR_OK);
	assert_int_equal(p.n, 1000);
	assert_true(p.cap >= 1000);
	for (i = 0; i < 1000; i++)
		assert_int_equal(atoi(p.v[i].value), i);
	x = params_get(&p, "k7");
	assert_non_null(x);
	assert_string_equal(x->value, "7");	/* first wins, not 507 */
	x = params_get(&p, "k499");
	assert_string_equal(x->value, "499");
	assert_null(params_get(&p, "k500"));
	assert_null(params_get(&p, "k"));
	assert_null(params_get(&p, ""));
	assert_null(params_get(NULL, "k1"));
	assert_null(params_get(&p, NULL));
	arena_free(a);
}

static void
null_limits_mean_no_limits_and_null_cookie_is_empty(void **state)
{
	struct arena	*a = arena_new(0);
	struct params	 p = { NULL, 0, 0 };

	(void)state;
	assert_int_equal(params_urlencoded(a, "long=0123456789abcdefghij", 25,
	    NULL, &p), ERR_OK);
	assert_int_equal(params_cookies(a, NULL, &lim, &p), ERR_OK);
	assert_int_equal(params_cookies(a, "c=0123456789abcdefghij", NULL, &p),
	    ERR_OK);
	assert_int_equal(p.n, 2);
	arena_free(a);
}

/*
 * Random strings over an alphabet of the interesting bytes: whatever the
 * verdict, an accepted result holds only valid UTF-8 without NUL.
 */
static void
xsec_random_input_never_yields_bad_params(void **state)
{
	static const char	 alpha[] = "%%%==&&+;aZ09fF\xc3\xa9\xe5\xaf\xb9"
	    "\xc0\xaf\xff\x01 \"";
	struct arena		*a = arena_new(0);
	char			 buf[40];
	size_t			 i, k, n;
	int			 round;

	(void)state;
	srand(1);
	for (round = 0; round < 20000; round++) {
		struct params	 p = { NULL, 0, 0 };
		enum err	 e;

		n = (size_t)rand() % sizeof(buf);
		for (i = 0; i < n; i++)
			buf[i] = alpha[(size_t)rand() % (sizeof(alpha) - 1)];
		if (round % 2 == 0)
			e = params_urlencoded(a, buf, n, &lim, &p);
		else {
			buf[n] = '\0';
			e = params_cookies(a, buf, &lim, &p);
		}
		assert_true(e == ERR_OK || e == ERR_INVAL || e == ERR_UTF8 ||
		    e == ERR_TOOBIG || e == ERR_TOOMANY);
		if (e != ERR_OK)
			p.n = 0;
		assert_true(p.n <= lim.fields_max);
		for (k = 0; k < p.n; k++) {
			assert_true(p.v[k].name[0] != '\0');
			assert_true(utf8_valid(p.v[k].name,
			    strlen(p.v[k].name)));
			assert_true(utf8_valid(p.v[k].value, p.v[k].len));
			assert_int_equal(strlen(p.v[k].value), p.v[k].len);
			assert_true(p.v[k].len <= lim.field_max);
		}
		arena_reset(a);
	}
	arena_free(a);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(xsec_urlencoded_decodes_and_rejects_bad_input),
		cmocka_unit_test(xsec_cookies_are_split_trimmed_and_checked),
		cmocka_unit_test(xsec_raw_nul_in_query_is_rejected),
		cmocka_unit_test(urlencoded_honours_length),
		cmocka_unit_test(xsec_field_limit_spans_query_and_body),
		cmocka_unit_test(many_params_grow_the_array_and_get_finds_the_first),
		cmocka_unit_test(null_limits_mean_no_limits_and_null_cookie_is_empty),
		cmocka_unit_test(xsec_random_input_never_yields_bad_params),
	};

	return cmocka_run_group_tests_name("params", tests, NULL, NULL);
}
