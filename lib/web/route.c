/*
 * route.c -- path patterns with typed parameters.  No allocation: the
 * arguments point into the pattern and the path.
 */
#include <limits.h>
#include <string.h>

#include "web/route.h"

#define ROUTE_STR_MAX	128

static int
is_strchar(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	    (c >= '0' && c <= '9') || c == '_' || c == '.' || c == '-';
}

/* An id: 1..2^63-1, digits only, no leading zero. */
static bool
route_id(const char *s, size_t n, long long *out)
{
	long long	 v = 0;
	size_t		 i;

	if (n == 0 || s[0] == '0')
		return false;
	for (i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return false;
		if (v > (LLONG_MAX - (s[i] - '0')) / 10)
			return false;
		v = v * 10 + (s[i] - '0');
	}
	*out = v;
	return true;
}

/*
 * True when `path` matches `pattern` exactly (see route.h).  A
 * placeholder stands for one whole path segment, up to the next '/' or
 * the end.  A malformed pattern (unclosed '{', empty name, unknown type,
 * more than ROUTE_PARAMS_MAX placeholders) never matches.  *args is
 * written only on a match (str parameters get i = -1); args may be NULL.
 */
bool
route_match(const char *pattern, const char *path, struct route_args *args)
{
	struct route_args	 r;
	const char		*p = pattern, *q = path, *close, *colon;
	const char		*seg;
	size_t			 seglen, namelen;
	bool			 isstr;

	if (pattern == NULL || path == NULL)
		return false;
	r.n = 0;
	while (*p != '\0') {
		if (*p != '{') {
			if (*p++ != *q++)
				return false;
			continue;
		}
		if ((close = strchr(p, '}')) == NULL)
			return false;
		colon = memchr(p, ':', (size_t)(close - p));
		namelen = (size_t)((colon != NULL ? colon : close) - p - 1);
		if (namelen == 0)
			return false;
		if (colon != NULL) {
			if (close - colon - 1 != 3 ||
			    strncmp(colon + 1, "str", 3) != 0)
				return false;
			isstr = true;
		} else
			isstr = false;
		if (r.n == ROUTE_PARAMS_MAX)
			return false;

		seg = q;
		seglen = strcspn(q, "/");
		r.v[r.n].name = p + 1;
		r.v[r.n].namelen = namelen;
		r.v[r.n].s = seg;
		r.v[r.n].len = seglen;
		if (isstr) {
			size_t i;

			if (seglen == 0 || seglen > ROUTE_STR_MAX)
				return false;
			for (i = 0; i < seglen; i++)
				if (!is_strchar(seg[i]))
					return false;
			r.v[r.n].i = -1;
		} else if (!route_id(seg, seglen, &r.v[r.n].i))
			return false;
		r.n++;
		q += seglen;
		p = close + 1;
	}
	if (*q != '\0')
		return false;
	if (args != NULL)
		*args = r;
	return true;
}

/*
 * The integer parameter called `name`, or -1 when there is none (or it is
 * a str parameter, or args is NULL).
 */
long long
route_arg_int(const struct route_args *args, const char *name)
{
	size_t	 i, len;

	if (args == NULL || name == NULL)
		return -1;
	len = strlen(name);
	for (i = 0; i < args->n && i < ROUTE_PARAMS_MAX; i++)
		if (args->v[i].namelen == len &&
		    memcmp(args->v[i].name, name, len) == 0)
			return args->v[i].i;
	return -1;
}
