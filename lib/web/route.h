/*
 * route.h -- path patterns with typed parameters.
 *
 * A pattern is a literal path whose segments may be "{name}" (an integer
 * id, 1..2^63-1, digits only, no leading zero) or "{name:str}" (one
 * segment of 1..128 bytes from [A-Za-z0-9_.-]).  Matching is exact: no
 * trailing slash is added or removed.
 */
#ifndef DUIJIE_ROUTE_H
#define DUIJIE_ROUTE_H

#include <stdbool.h>
#include <stddef.h>

#define ROUTE_PARAMS_MAX 4

struct route_args {
	size_t		 n;
	struct {
		const char	*name;	/* points into the pattern, not NUL-ended at '}' */
		size_t		 namelen;
		const char	*s;	/* points into the path */
		size_t		 len;
		long long	 i;	/* integer parameters */
	} v[ROUTE_PARAMS_MAX];
};

/* True when `path` matches `pattern`; fills *args (args may be NULL).
 * Never allocates. */
bool	route_match(const char *pattern, const char *path,
	    struct route_args *args);

/* Integer argument `name` or -1 when absent. */
long long route_arg_int(const struct route_args *args, const char *name);

#endif
