/*
 * params.h -- raw request input: query string, cookies, urlencoded and
 * multipart bodies, parsed into a per-request arena.
 *
 * Raw params are what the client sent; handlers never see them.  Only
 * form_validate() (form.h) reads them, through the route's declaration.
 */
#ifndef DUIJIE_PARAMS_H
#define DUIJIE_PARAMS_H

#include <stddef.h>
#include <sys/types.h>

#include "core/arena.h"
#include "core/config.h"
#include "core/err.h"

/* An uploaded file, spooled to an unlinked temp file (fd is closed by an
 * arena cleanup).  Memory does not grow with the file's size. */
struct upload {
	const char	*filename;	/* as sent, UTF-8 checked; may be "" */
	const char	*ctype;		/* part Content-Type or "" */
	int		 fd;		/* positioned at offset 0 */
	size_t		 size;
};

struct param {
	const char	*name;	/* NUL-terminated, valid UTF-8 */
	const char	*value;	/* NUL-terminated, valid UTF-8, no NUL inside */
	size_t		 len;	/* strlen(value) */
	struct upload	*file;	/* non-NULL for a multipart file part */
};

struct params {
	struct param	*v;
	size_t		 n;
	size_t		 cap;
};

/* First param called `name`, or NULL. */
const struct param *params_get(const struct params *p, const char *name);

/*
 * application/x-www-form-urlencoded (also used for QUERY_STRING): appends
 * to `out`.  '+' is a space, %XX decoded; a bad escape is ERR_INVAL;
 * invalid UTF-8 or NUL after decoding is ERR_UTF8; more than
 * lim->fields_max params in `out` is ERR_TOOMANY; a name or value longer
 * than lim->field_max is ERR_TOOBIG.  Empty pairs ("a=1&&b=2") are skipped;
 * "a" without '=' is a param with value "".
 */
enum err params_urlencoded(struct arena *a, const char *s, size_t n,
	    const struct limits *lim, struct params *out);

/*
 * Cookie header ("a=1; b=2"): appends to `out`; no percent decoding;
 * pairs without '=' are skipped; the same limits as above.
 */
enum err params_cookies(struct arena *a, const char *hdr,
	    const struct limits *lim, struct params *out);

/* Reads up to n bytes into buf; returns bytes read, 0 at end, -1 on error. */
typedef ssize_t (*params_read_fn)(void *ctx, char *buf, size_t n);

/*
 * multipart/form-data: `ctype` is the request's Content-Type (the boundary
 * is taken from it; none or too long: ERR_INVAL).  Reads exactly `length`
 * bytes through rd(ctx, ...) in bounded chunks.  Parts with a filename
 * parameter become uploads spooled under `tmpdir`; other parts are
 * values.  Limits as above plus lim->file_max per file.  A body that ends
 * before the closing boundary is ERR_INVAL.
 */
enum err params_multipart(struct arena *a, const char *ctype,
	    params_read_fn rd, void *ctx, size_t length,
	    const struct limits *lim, const char *tmpdir, struct params *out);

#endif
