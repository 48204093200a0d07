/*
 * fuzz_cookies.c -- libFuzzer target for the Cookie header parser
 * (params_cookies() in lib/web/params.c).  Built and run by `scripts/dev
 * fuzz`, never by `make check`.
 *
 * The input up to its first NUL is the header (a CGI variable has none).
 * Checked, without limits and with small ones:
 *  - the only errors are ERR_UTF8, ERR_TOOBIG, ERR_TOOMANY;
 *  - every name is non-empty, has neither ';' nor '=' and no leading or
 *    trailing space or tab; no value has ';'; both are NUL-terminated
 *    valid UTF-8, len == strlen(value), within the limits;
 *  - at most one param per ';'-separated pair, at most fields_max, and
 *    with limits a prefix of those parsed without;
 *  - the params written out again ("name=\"value\"; ...") parse to the
 *    same params (round trip);
 *  - ASan sees any read past the header: it is copied to exactly its
 *    length plus the NUL.
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

static bool
ows(char c)
{
	return c == ' ' || c == '\t';
}

static void
check_params(const struct params *p, const struct limits *lim)
{
	CHECK(p->n <= lim->fields_max);
	for (size_t i = 0; i < p->n; i++) {
		const struct param *v = &p->v[i];
		size_t nl = strlen(v->name);

		CHECK(nl > 0 && nl <= lim->field_max);
		CHECK(strpbrk(v->name, ";=") == NULL);
		CHECK(!ows(v->name[0]) && !ows(v->name[nl - 1]));
		CHECK(utf8_valid(v->name, nl));
		CHECK(v->len == strlen(v->value));
		CHECK(v->len <= lim->field_max);
		CHECK(strchr(v->value, ';') == NULL);
		CHECK(utf8_valid(v->value, v->len));
		CHECK(v->file == NULL);
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const struct limits	 nolim = { SIZE_MAX, SIZE_MAX, SIZE_MAX, SIZE_MAX };
	const struct limits	 small = { 64, 3, 5, 0 };
	struct arena		*a = arena_new(256);
	struct params		 all = { 0 }, few = { 0 }, again = { 0 };
	size_t			 len, pairs = 1, i, n;
	enum err		 e, ef;
	char			*hdr, *buf, *o;

	CHECK(a != NULL);
	len = strnlen((const char *)data, size);
	CHECK((hdr = malloc(len + 1)) != NULL);
	memcpy(hdr, data, len);
	hdr[len] = '\0';
	for (i = 0; i < len; i++)
		pairs += hdr[i] == ';';

	e = params_cookies(a, hdr, NULL, &all);
	CHECK(e == ERR_OK || e == ERR_UTF8);
	check_params(&all, &nolim);
	CHECK(all.n <= pairs);

	ef = params_cookies(a, hdr, &small, &few);
	CHECK(ef == ERR_OK || ef == ERR_UTF8 || ef == ERR_TOOBIG ||
	    ef == ERR_TOOMANY);
	check_params(&few, &small);
	CHECK(few.n <= all.n);
	for (i = 0; i < few.n; i++) {
		CHECK(strcmp(few.v[i].name, all.v[i].name) == 0);
		CHECK(strcmp(few.v[i].value, all.v[i].value) == 0);
	}
	if (e != ERR_OK)
		CHECK(ef != ERR_OK);

	if (e == ERR_OK) {
		CHECK((buf = malloc(len + 6 * all.n + 1)) != NULL);
		o = buf;
		for (i = 0; i < all.n; i++) {
			n = strlen(all.v[i].name);
			memcpy(o, all.v[i].name, n);
			o += n;
			*o++ = '=';
			*o++ = '"';
			memcpy(o, all.v[i].value, all.v[i].len);
			o += all.v[i].len;
			*o++ = '"';
			*o++ = ';';
			*o++ = ' ';
		}
		*o = '\0';
		CHECK(params_cookies(a, buf, NULL, &again) == ERR_OK);
		CHECK(again.n == all.n);
		for (i = 0; i < all.n; i++) {
			CHECK(strcmp(again.v[i].name, all.v[i].name) == 0);
			CHECK(strcmp(again.v[i].value, all.v[i].value) == 0);
		}
		free(buf);
	}
	free(hdr);
	arena_free(a);
	return 0;
}
