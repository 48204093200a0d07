/*
 * routes.h -- every page of both portals, and the templates they render.
 */
#ifndef DUIJIE_ROUTES_H
#define DUIJIE_ROUTES_H

#include <stddef.h>

#include "app.h"

enum page {
	PAGE_HEALTHZ,
	PAGE_HOME_INTERNET,
	PAGE_HOME_INTRANET,
	PAGE__MAX
};

enum tmpl {
	TMPL_ERROR,
	TMPL_HOME_INTERNET,
	TMPL_HOME_INTRANET,
	TMPL__MAX
};

/* Who may open a page.  Accounts arrive with sign-in; until then every
 * page is public. */
#define ROLE_PUBLIC	0u

struct form {
	const struct field	*fields;
	size_t			 n;
};

struct route {
	const char		*path;		/* pattern, see lib/route.h */
	unsigned		 methods;	/* HTTP_GET | ... (GET implies HEAD) */
	unsigned		 portals;	/* PORTAL_INTERNET | PORTAL_INTRANET */
	unsigned		 roles;		/* ROLE_PUBLIC or role bits */
	int			 csrf;		/* 1: unsafe methods need the token */
	const struct form	*form;		/* declared input, or NULL */
	size_t			 body_max;	/* 0: Limits.body_max */
	handler_fn		 handler;
};

extern const struct route routes[PAGE__MAX];
extern const char *const tmpl_names[TMPL__MAX];

/*
 * The page for (portal, method, path): its index, or -1 with *allow set to
 * the methods that path takes on this portal (0: no such page, 404).
 * Routes of the other portal are never found.
 */
int	routes_find(enum portal, enum http_method, const char *path,
	    struct route_args *args, unsigned *allow);

/* Handlers, one file per area. */
int	handle_healthz(struct req *);
int	handle_home(struct req *);
extern const struct form home_form;

#endif
