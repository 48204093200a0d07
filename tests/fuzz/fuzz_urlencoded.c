/*
 * fuzz_urlencoded.c -- libFuzzer target for application/x-www-form-
 * urlencoded bodies (params_urlencoded() in lib/web/params.c; the query
 * string goes through the same parser, see fuzz_query.c).
 * Built and run by `scripts/dev fuzz`, never by `make check`.
 *
 * Checked on every input, without limits and with small ones:
 *  - the only errors are ERR_INVAL, ERR_UTF8, ERR_TOOBIG, ERR_TOOMANY;
 *  - every param has a non-empty name, NUL-terminated valid UTF-8 name
 *    and value without NUL, len == strlen(value), within the limits;
 *  - at most fields_max params, and with limits the params are a prefix
 *    of those parsed without limits;
 *  - the params percent-encoded again and parsed give the same params
 *    (round trip), and no more than one per '&'-separated pair;
 *  - ASan sees any read past the input: it is exactly `size` bytes.
 */
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/arena.h"
#include "web/params.h"
#include "core/utf8.h"

int	LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define CHECK(x) do {							\
	if (!(x)) {							\
		fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__,	\
		    __LINE__, #x);					\
		abort();						\
	}								\
} while (0)

static void
check_params(const struct params *p, const struct limits *lim)
{
	CHECK(p->n <= lim->fields_max);
	for (size_t i = 0; i < p->n; i++) {
		const struct param *v = &p->v[i];
		size_t nl = strlen(v->name);

		CHECK(nl > 0 && nl <= lim->field_max);
		CHECK(utf8_valid(v->name, nl));
		CHECK(v->len == strlen(v->value));
		CHECK(v->len <= lim->field_max);
		CHECK(utf8_valid(v->value, v->len));
		CHECK(v->file == NULL);
	}
}

/* s percent-encoded but for RFC 3986 unreserved characters; ' ' as '+'
 * every other time so both spellings are exercised. */
static char *
enc(char *o, const char *s, bool plus)
{
	static const char hex[] = "0123456789ABCDEF";

	for (; *s != '\0'; s++) {
		unsigned char c = (unsigned char)*s;

		if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		    (c >= '0' && c <= '9') || strchr("-._~", c) != NULL)
			*o++ = (char)c;
		else if (c == ' ' && plus)
			*o++ = '+';
		else {
			*o++ = '%';
			*o++ = hex[c >> 4];
			*o++ = hex[c & 15];
		}
	}
	return o;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const struct limits	 nolim = { SIZE_MAX, SIZE_MAX, SIZE_MAX, SIZE_MAX };
	const struct limits	 small = { 64, 3, 5, 0 };
	struct arena		*a = arena_new(256);
	struct params		 all = { 0 }, few = { 0 }, again = { 0 };
	const char		*s = (const char *)data;
	size_t			 pairs = 1, i;
	enum err		 e, ef;
	char			*buf, *o;

	CHECK(a != NULL);
	for (i = 0; i < size; i++)
		pairs += data[i] == '&';
	e = params_urlencoded(a, s, size, NULL, &all);
	CHECK(e == ERR_OK || e == ERR_INVAL || e == ERR_UTF8);
	check_params(&all, &nolim);
	CHECK(all.n <= pairs);

	ef = params_urlencoded(a, s, size, &small, &few);
	CHECK(ef == ERR_OK || ef == ERR_INVAL || ef == ERR_UTF8 ||
	    ef == ERR_TOOBIG || ef == ERR_TOOMANY);
	check_params(&few, &small);
	CHECK(few.n <= all.n);
	for (i = 0; i < few.n; i++) {
		CHECK(strcmp(few.v[i].name, all.v[i].name) == 0);
		CHECK(strcmp(few.v[i].value, all.v[i].value) == 0);
	}
	if (e != ERR_OK)
		CHECK(ef != ERR_OK);

	if (e == ERR_OK) {
		/* each byte grows to at most 3, plus '=' and '&' per param */
		CHECK((buf = malloc(3 * size + 2 * all.n + 1)) != NULL);
		o = buf;
		for (i = 0; i < all.n; i++) {
			if (i > 0)
				*o++ = '&';
			o = enc(o, all.v[i].name, i % 2 == 0);
			*o++ = '=';
			o = enc(o, all.v[i].value, i % 2 == 1);
		}
		CHECK(params_urlencoded(a, buf, (size_t)(o - buf), NULL,
		    &again) == ERR_OK);
		CHECK(again.n == all.n);
		for (i = 0; i < all.n; i++) {
			CHECK(strcmp(again.v[i].name, all.v[i].name) == 0);
			CHECK(again.v[i].len == all.v[i].len);
			CHECK(memcmp(again.v[i].value, all.v[i].value,
			    all.v[i].len) == 0);
		}
		free(buf);
	}
	arena_free(a);
	return 0;
}
