/*
 * fuzz_query.c -- libFuzzer target for a query string as the worker reads
 * it: params_urlencoded() (lib/web/params.c) with the worker's default limits,
 * then form_validate() (lib/web/form.c) over a declaration of every field kind
 * but files.  Built and run by `scripts/dev fuzz`, never by `make check`.
 *
 * Checked:
 *  - the parser ends in ERR_OK, ERR_INVAL, ERR_UTF8, ERR_TOOBIG or
 *    ERR_TOOMANY; the validator never fails (-1) and counts its errors;
 *  - every field's text is NUL-terminated at len and valid UTF-8; a
 *    missing field is "" and not present; "required" only for an empty one;
 *  - a valid text has no control character (multiline: but \t\n\r) and a
 *    length in characters within [minlen, maxlen]; trimmed text has no
 *    space at either end; an int is within [min, max] and is the text;
 *    a date is a real date spelt YYYY-MM-DD; a choice is one of the list;
 *    a bool is 1 for "1" or "on";
 *  - ASan sees any read past the input: it is exactly `size` bytes.
 */
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/arena.h"
#include "web/form.h"
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

static const char *const choices[] = { "a", "bb", "中文", NULL };

static const struct field decl[] = {
	{ "t", FK_TEXT, 0, 0, 8, 0, 0, NULL, NULL },
	{ "tr", FK_TEXT, F_TRIM | F_REQUIRED, 2, 5, 0, 0, NULL, NULL },
	{ "m", FK_MULTILINE, F_TRIM, 0, 20, 0, 0, NULL, NULL },
	{ "i", FK_INT, 0, 0, 0, -5, 1000000, NULL, NULL },
	{ "page", FK_INT, F_TRIM, 0, 0, 1, 1LL << 40, NULL, NULL },
	{ "c", FK_CHOICE, F_REQUIRED, 0, 0, 0, 0, choices, NULL },
	{ "b", FK_BOOL, 0, 0, 0, 0, 0, NULL, NULL },
	{ "d", FK_DATE, 0, 0, 0, 0, 0, NULL, NULL },
};
#define NDECL (sizeof decl / sizeof decl[0])

static bool
space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' ||
	    c == '\f' || c == '\v';
}

static void
check_text(const struct field *f, const struct fval *v, bool multiline)
{
	size_t	 n = utf8_len(v->s, v->len);

	for (size_t i = 0; i < v->len; i++) {
		unsigned char c = (unsigned char)v->s[i];

		CHECK(c != 0x7f);
		CHECK(c >= 0x20 ||
		    (multiline && (c == '\t' || c == '\n' || c == '\r')));
	}
	CHECK(f->minlen == 0 || n >= f->minlen);
	CHECK(f->maxlen == 0 || n <= f->maxlen);
}

static void
check_field(const struct field *f, const struct fval *v,
    const struct params *in)
{
	const struct param	*p = params_get(in, f->name);
	char			 buf[32];
	bool			 ok = false;

	CHECK(v->s != NULL);
	CHECK(v->s[v->len] == '\0');
	CHECK(strlen(v->s) == v->len);
	CHECK(utf8_valid(v->s, v->len));
	if (p == NULL)
		CHECK(v->len == 0);
	else if (!(f->flags & F_TRIM))
		CHECK(v->len == p->len && strcmp(v->s, p->value) == 0);
	else if (v->len > 0)
		CHECK(!space(v->s[0]) && !space(v->s[v->len - 1]));
	CHECK(v->present == (v->len > 0));
	if (v->error != NULL && strcmp(v->error, "required") == 0)
		CHECK(v->len == 0 && (f->flags & F_REQUIRED));
	if (!v->present) {
		CHECK(v->error == NULL || strcmp(v->error, "required") == 0);
		return;
	}
	if (v->error != NULL)
		return;
	switch (f->kind) {
	case FK_TEXT:
		check_text(f, v, false);
		break;
	case FK_MULTILINE:
		check_text(f, v, true);
		break;
	case FK_INT:
		CHECK(v->i >= f->min && v->i <= f->max);
		CHECK(strtoll(v->s, NULL, 10) == v->i);
		break;
	case FK_CHOICE:
		for (const char *const *c = f->choices; *c != NULL; c++)
			ok = ok || strcmp(*c, v->s) == 0;
		CHECK(ok);
		break;
	case FK_BOOL:
		CHECK(v->i == 1);
		CHECK(strcmp(v->s, "1") == 0 || strcmp(v->s, "on") == 0);
		break;
	case FK_DATE:
		CHECK(v->len == 10 && date_valid(v->y, v->m, v->d));
		snprintf(buf, sizeof buf, "%04d-%02d-%02d", v->y, v->m, v->d);
		CHECK(strcmp(buf, v->s) == 0);
		break;
	default:
		CHECK(!"undeclared kind");
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	/* the defaults of lib/core/config.c's Limits */
	const struct limits	 lim = { 1 << 20, 200, 65536, 0 };
	struct arena		*a = arena_new(4096);
	struct params		 q = { 0 };
	struct fval		 out[NDECL];
	enum err		 e;
	int			 nerr, counted = 0;

	CHECK(a != NULL);
	e = params_urlencoded(a, (const char *)data, size, &lim, &q);
	CHECK(e == ERR_OK || e == ERR_INVAL || e == ERR_UTF8 ||
	    e == ERR_TOOBIG || e == ERR_TOOMANY);
	CHECK(q.n <= lim.fields_max);
	if (e == ERR_OK) {
		nerr = form_validate(a, decl, NDECL, &q, out);
		CHECK(nerr >= 0 && (size_t)nerr <= NDECL);
		for (size_t i = 0; i < NDECL; i++) {
			check_field(&decl[i], &out[i], &q);
			counted += out[i].error != NULL;
		}
		CHECK(counted == nerr);
	}
	arena_free(a);
	return 0;
}
