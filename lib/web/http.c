/*
 * http.c -- status lines and security headers.
 */
#include <string.h>

#include "web/http.h"

const char http_csp[] =
    "default-src 'self'; script-src 'self'; style-src 'self'; "
    "img-src 'self' data:; form-action 'self'; base-uri 'none'; "
    "object-src 'none'; frame-ancestors 'none'";

enum http_method
http_method_parse(const char *m)
{
	if (m == NULL)
		return HTTP_OTHER;
	if (strcmp(m, "GET") == 0)
		return HTTP_GET;
	if (strcmp(m, "HEAD") == 0)
		return HTTP_HEAD;
	if (strcmp(m, "POST") == 0)
		return HTTP_POST;
	return HTTP_OTHER;
}

char *
http_allow(unsigned mask, char *buf, size_t len)
{
	static const struct { unsigned bit; const char *name; } m[] = {
		{ HTTP_GET, "GET" }, { HTTP_HEAD, "HEAD" }, { HTTP_POST, "POST" },
	};
	size_t n = 0;

	buf[0] = '\0';
	for (size_t i = 0; i < sizeof m / sizeof m[0]; i++) {
		size_t l = strlen(m[i].name);

		if (!(mask & m[i].bit) || n + l + 3 > len)
			continue;
		if (n > 0) {
			memcpy(buf + n, ", ", 2);
			n += 2;
		}
		memcpy(buf + n, m[i].name, l + 1);
		n += l;
	}
	return buf;
}

const char *
http_reason(int status)
{
	switch (status) {
	case 200: return "OK";
	case 303: return "See Other";
	case 304: return "Not Modified";
	case 400: return "Bad Request";
	case 403: return "Forbidden";
	case 404: return "Not Found";
	case 405: return "Method Not Allowed";
	case 409: return "Conflict";
	case 413: return "Content Too Large";
	case 422: return "Unprocessable Content";
	case 429: return "Too Many Requests";
	case 500: return "Internal Server Error";
	case 501: return "Not Implemented";
	case 503: return "Service Unavailable";
	default: return "Unknown";
	}
}

bool
http_request_id_valid(const char *s)
{
	size_t n = 0;

	if (s == NULL)
		return false;
	for (; s[n] != '\0'; n++) {
		char c = s[n];

		if (n >= 64 || !((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
		    (c >= 'A' && c <= 'Z') || c == '-'))
			return false;
	}
	return n > 0;
}

static bool
clean(const char *s)
{
	return s != NULL && strpbrk(s, "\r\n") == NULL;
}

char *
http_head(struct arena *a, int status, const char *ctype, bool cacheable,
    const char *request_id, const struct http_header *extra, size_t n)
{
	char	*head, *p;
	size_t	 len;

	head = arena_printf(a,
	    "Status: %d %s\r\n"
	    "%s%s%s"
	    "Content-Security-Policy: %s\r\n"
	    "X-Content-Type-Options: nosniff\r\n"
	    "X-Frame-Options: DENY\r\n"
	    "Referrer-Policy: same-origin\r\n"
	    "%s"
	    "X-Request-Id: %s\r\n",
	    status, http_reason(status),
	    ctype != NULL ? "Content-Type: " : "",
	    ctype != NULL ? ctype : "",
	    ctype != NULL ? "\r\n" : "",
	    http_csp,
	    cacheable ? "" : "Cache-Control: no-store\r\n",
	    http_request_id_valid(request_id) ? request_id : "-");
	if (head == NULL)
		return NULL;
	for (size_t i = 0; i < n; i++) {
		if (!clean(extra[i].name) || !clean(extra[i].value))
			continue;
		if ((p = arena_printf(a, "%s%s: %s\r\n", head, extra[i].name,
		    extra[i].value)) == NULL)
			return NULL;
		head = p;
	}
	len = strlen(head);
	if ((p = arena_alloc(a, len + 3)) == NULL)
		return NULL;
	memcpy(p, head, len);
	memcpy(p + len, "\r\n", 3);
	return p;
}
