/*
 * routes.c -- the one table of every URL of both portals.
 *
 * The dispatcher (worker.c) checks portal, method, size, roles and CSRF
 * from this table before a handler runs; handlers never re-check.
 */
#include <string.h>

#include "routes.h"

#define GET	(HTTP_GET | HTTP_HEAD)
#define POST	HTTP_POST
#define NET	PORTAL_INTERNET
#define LAN	PORTAL_INTRANET
#define BOTH	PORTAL_BOTH

const struct route routes[PAGE__MAX] = {
	/*                    path        methods portals roles        csrf form        body handler */
	[PAGE_HEALTHZ] =       { "/healthz", GET,  BOTH, ROLE_PUBLIC, 0, NULL,       0, handle_healthz },
	[PAGE_HOME_INTERNET] = { "/",        GET,  NET,  ROLE_PUBLIC, 0, &home_form, 0, handle_home },
	[PAGE_HOME_INTRANET] = { "/",        GET,  LAN,  ROLE_PUBLIC, 0, &home_form, 0, handle_home },
};

const char *const tmpl_names[TMPL__MAX] = {
	[TMPL_ERROR] = "error",
	[TMPL_HOME_INTERNET] = "home_internet",
	[TMPL_HOME_INTRANET] = "home_intranet",
};

int
routes_find(enum portal portal, enum http_method method, const char *path,
    struct route_args *args, unsigned *allow)
{
	*allow = 0;
	for (int i = 0; i < PAGE__MAX; i++) {
		const struct route *rt = &routes[i];

		if (!(rt->portals & portal) || !route_match(rt->path, path, args))
			continue;
		if (rt->methods & method)
			return i;
		*allow |= rt->methods;
	}
	return -1;
}
