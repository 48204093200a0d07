/*
 * http.h -- response heads: status lines and the headers every response
 * carries (X-SEC).  Pure functions over an arena, so tests need no server.
 */
#ifndef DUIJIE_HTTP_H
#define DUIJIE_HTTP_H

#include <stdbool.h>
#include <stddef.h>

#include "core/arena.h"

enum http_method {
	HTTP_GET = 1 << 0,
	HTTP_HEAD = 1 << 1,
	HTTP_POST = 1 << 2,
	HTTP_OTHER = 1 << 3,	/* anything else: 405 or 501 */
};

struct http_header {
	const char	*name;
	const char	*value;
};

/* The Content-Security-Policy sent with every response: no inline script
 * or style, nothing from elsewhere, no framing. */
extern const char http_csp[];

/* "GET" -> HTTP_GET ...; HTTP_OTHER for anything unknown or NULL. */
enum http_method http_method_parse(const char *);
/* "GET, HEAD" for a mask, into buf; returns buf. */
char		*http_allow(unsigned mask, char *buf, size_t len);
/* "Not Found" for 404 ...; "Unknown" for codes not used here. */
const char	*http_reason(int status);
/* True when a client-supplied request id is 1..64 of [0-9A-Za-z-]. */
bool		 http_request_id_valid(const char *);

/*
 * The CGI/FastCGI response head: Status, Content-Type (when ctype is not
 * NULL), the security headers, Cache-Control: no-store unless `cacheable`,
 * X-Request-Id, then extra[0..n) and the blank line.  Header values with
 * CR or LF are dropped (logged by the caller).  NULL on OOM.
 */
char		*http_head(struct arena *, int status, const char *ctype,
		    bool cacheable, const char *request_id,
		    const struct http_header *extra, size_t n);

#endif
