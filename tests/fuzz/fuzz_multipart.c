/*
 * fuzz_multipart.c -- libFuzzer target for multipart/form-data bodies
 * (params_multipart() in lib/web/multipart.c).  Built and run by `scripts/dev
 * fuzz`, never by `make check`.
 *
 * Input: byte 0 picks the limits (bit 0: small ones), then the Content-
 * Type up to the first '\n' (a line without "multipart" is taken as the
 * boundary of "multipart/form-data; boundary=LINE"), then the body.
 * The body is read whole, one byte at a time and in odd chunks.  Checked:
 *  - the errors are ERR_INVAL, ERR_UTF8, ERR_TOOBIG, ERR_TOOMANY; the
 *    chunk size changes nothing (error, params, values, files);
 *  - on success the whole body was read; each param has a non-empty
 *    NUL-terminated valid UTF-8 name, a value without NUL with len ==
 *    strlen(value) within field_max; a file's fd is at offset 0, holds
 *    exactly `size` <= file_max bytes, its filename is valid UTF-8; no
 *    value or file holds the delimiter of its own boundary;
 *  - ASan sees any read past the input: the reader copies from exactly
 *    `size` bytes.
 */
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

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

struct src {
	const uint8_t	*p;
	size_t		 len, pos, chunk;
};

static ssize_t
rd(void *ctx, char *buf, size_t n)
{
	struct src	*s = ctx;
	size_t		 k = s->len - s->pos;

	if (k > n)
		k = n;
	if (k > s->chunk)
		k = s->chunk;
	memcpy(buf, s->p + s->pos, k);
	s->pos += k;
	return (ssize_t)k;
}

static uint64_t
fnv(uint64_t h, const void *p, size_t n)
{
	const unsigned char *b = p;

	while (n-- > 0) {
		h ^= *b++;
		h *= 0x100000001b3ULL;
	}
	return h;
}

/* One parse: the error and a hash of everything it gave. */
static uint64_t
run(const char *ctype, const uint8_t *body, size_t len, size_t chunk,
    const struct limits *lim, const char *delim, enum err *ep)
{
	struct arena	*a = arena_new(1024);
	struct params	 out = { 0 };
	struct src	 s = { body, len, 0, chunk };
	uint64_t	 h = 0xcbf29ce484222325ULL;
	struct stat	 st;
	char		*file;
	enum err	 e;

	CHECK(a != NULL);
	e = params_multipart(a, ctype, rd, &s, len, lim, NULL, &out);
	CHECK(e == ERR_OK || e == ERR_INVAL || e == ERR_UTF8 ||
	    e == ERR_TOOBIG || e == ERR_TOOMANY);
	CHECK(s.pos <= len);
	CHECK(out.n <= lim->fields_max);
	h = fnv(h, &e, sizeof e);
	h = fnv(h, &out.n, sizeof out.n);
	if (e == ERR_OK)
		CHECK(s.pos == len);
	for (size_t i = 0; i < out.n; i++) {
		const struct param	*v = &out.v[i];
		size_t			 nl = strlen(v->name);

		CHECK(nl > 0 && nl <= lim->field_max);
		CHECK(utf8_valid(v->name, nl));
		CHECK(v->len == strlen(v->value));
		CHECK(v->len <= lim->field_max);
		CHECK(utf8_valid(v->value, v->len));
		if (delim != NULL)
			CHECK(memmem(v->value, v->len, delim,
			    strlen(delim)) == NULL);
		h = fnv(h, v->name, nl + 1);
		h = fnv(h, v->value, v->len + 1);
		if (v->file == NULL)
			continue;
		CHECK(v->len == 0);
		CHECK(v->file->filename != NULL && v->file->ctype != NULL);
		CHECK(utf8_valid(v->file->filename,
		    strlen(v->file->filename)));
		CHECK(v->file->size <= lim->file_max);
		CHECK(lseek(v->file->fd, 0, SEEK_CUR) == 0);
		CHECK(fstat(v->file->fd, &st) == 0);
		CHECK((size_t)st.st_size == v->file->size);
		CHECK((file = malloc(v->file->size + 1)) != NULL);
		CHECK(pread(v->file->fd, file, v->file->size, 0) ==
		    (ssize_t)v->file->size);
		if (delim != NULL)
			CHECK(memmem(file, v->file->size, delim,
			    strlen(delim)) == NULL);
		h = fnv(h, v->file->filename, strlen(v->file->filename) + 1);
		h = fnv(h, v->file->ctype, strlen(v->file->ctype) + 1);
		h = fnv(h, &v->file->size, sizeof v->file->size);
		h = fnv(h, file, v->file->size);
		free(file);
	}
	arena_free(a);
	*ep = e;
	return h;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const struct limits big = { 1 << 20, 200, 65536, 1 << 20 };
	static const struct limits small = { 4096, 3, 16, 32 };
	const struct limits	*lim;
	const uint8_t		*nl, *body;
	char			 ctype[256], delim[128];
	const char		*d = NULL;
	size_t			 clen, blen, odd;
	uint64_t		 h, h2;
	enum err		 e, e2;

	if (size < 1)
		return 0;
	lim = (data[0] & 1) ? &small : &big;
	if ((nl = memchr(data + 1, '\n', size - 1)) == NULL ||
	    (clen = (size_t)(nl - (data + 1))) > 120)
		return 0;
	if (memchr(data + 1, '\0', clen) != NULL)
		return 0;	/* a header has no NUL */
	body = nl + 1;
	blen = size - (size_t)(body - data);
	if (memmem(data + 1, clen, "multipart", 9) != NULL) {
		memcpy(ctype, data + 1, clen);
		ctype[clen] = '\0';
	} else {
		snprintf(ctype, sizeof ctype, "multipart/form-data; boundary=%.*s",
		    (int)clen, (const char *)(data + 1));
		/* a plain token is the boundary itself */
		if (clen > 0 && strcspn(ctype + 30, "\"; \t\r\n") == clen) {
			snprintf(delim, sizeof delim, "\r\n--%s", ctype + 30);
			d = delim;
		}
	}

	odd = 2 + size % 13;
	h = run(ctype, body, blen, SIZE_MAX, lim, d, &e);
	h2 = run(ctype, body, blen, 1, lim, d, &e2);
	CHECK(e2 == e && h2 == h);
	h2 = run(ctype, body, blen, odd, lim, d, &e2);
	CHECK(e2 == e && h2 == h);
	return 0;
}
