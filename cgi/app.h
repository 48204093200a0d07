/*
 * app.h -- the two lifetimes of a worker.
 *
 * struct app lives as long as the worker: configuration, the database
 * connection with its prepared statements, the parsed templates and the
 * request arena (reset, not freed, between requests).
 *
 * struct req lives from accept to finish.  Everything it points to is in
 * the arena or in the FastCGI request, and is gone when the next request
 * starts: nothing static may keep a pointer into it.
 */
#ifndef DUIJIE_APP_H
#define DUIJIE_APP_H

#include <stdbool.h>
#include <time.h>

#include <fcgiapp.h>

#include "core/arena.h"
#include "core/config.h"
#include "core/cs.h"
#include "db/db.h"
#include "db/db_region.h"
#include "web/form.h"
#include "web/http.h"
#include "web/params.h"
#include "web/route.h"
#include "accounts/scope.h"
#include "accounts/session.h"
#include "web/view.h"

struct app {
	const struct config	*cfg;
	struct db		*db;
	struct views		*views;
	struct arena		*arena;
	struct region_cache	 regions;	/* db_region_list */
};

struct route;

struct req {
	struct app		*app;
	struct arena		*a;
	FCGX_Request		*fcgi;
	enum http_method	 method;
	const char		*path;
	const char		*request_id;
	const char		*remote_addr;
	struct timespec		 start;

	int			 page;		/* PAGE_* or -1 */
	const struct route	*route;
	struct route_args	 args;		/* typed path parameters */
	struct params		 query;
	struct params		 body;
	struct params		 cookies;
	struct fval		*f;		/* one per declared field */
	int			 nerrors;	/* fields in error */

	struct session		*sess;		/* NULL: nobody signed in */
	long long		 user_id;	/* sess->user.id or 0 */
	struct scope		 scope;		/* of sess->user (valid with sess) */
	const void		*obj;		/* the route's {id} object, loaded by
						 * the dispatcher through its scoped
						 * getter (worker.c obj_getters); the
						 * handler casts it to the route's
						 * OBJ_* type (struct agency ...) */
	const char		*csrf;		/* the token forms must carry */
	HDF			*hdf;		/* the page's data */
	int			 tmpl;		/* TMPL_* to render on 200 */
	bool			 secret;	/* the page carries a one-time password:
						 * wiped from memory once sent */
	struct {
		char	 token[41];
		char	 value[64];
	}			 secrets[2];	/* req_set_secret() */
	size_t			 nsecrets;
	bool			 cacheable;	/* a public page, the same for every
						 * anonymous visitor: kept 5 minutes
						 * when 200, signed out, no cookie */
	bool			 tmpl_on_4xx;	/* render tmpl on a 4xx too (a refused
						 * step shown on its own page) */
	const char		*location;	/* for 303 */
	const char		*body_out;	/* a handler's own body, if any */
	size_t			 body_len;
	const char		*ctype;		/* with body_out */
	struct http_header	 headers[12];
	size_t			 nheaders;
};

/* A handler: validated input in r->f, data out in r->hdf.  Returns the
 * HTTP status: 200 renders r->tmpl, 303 redirects to r->location, any
 * other status renders the error page (unless body_out is set). */
typedef int (*handler_fn)(struct req *);

/* Sets HDF `name` to `value` (NULL becomes "").  -1 on OOM. */
int	req_set(struct req *, const char *name, const char *value);
/*
 * A secret the page shows (a one-time password, shorter than 64 bytes):
 * the data gets an unguessable token under name, the value is kept in r
 * and put in the token's place only in the rendered page
 * (view_render_secret()); r->secret is set, so that the page, the data
 * and the FastCGI buffers are wiped once sent.  The caller wipes its own
 * copy of value.  -1 when value is too long, too many secrets are set or
 * out of memory.
 */
int	req_set_secret(struct req *, const char *name, const char *value);
int	req_setf(struct req *, const char *name, const char *fmt, ...)
	    __attribute__((format(printf, 3, 4)));
/* The node `name`.<i> (created), for filling a list row by row without
 * walking the tree from the root for every value; NULL on OOM. */
HDF	*req_row(struct req *, const char *name, size_t i);
/* Sets `key` under `node` (NULL value becomes "").  -1 on OOM. */
int	node_set(HDF *node, const char *key, const char *value);
/* Adds a response header (name and value must outlive the request). */
void	req_header(struct req *, const char *name, const char *value);
/* Adds Set-Cookie for a __Host- cookie (Secure, HttpOnly, SameSite=Lax,
 * Path=/); value NULL clears it. */
void	req_cookie(struct req *, const char *name, const char *value);
/* The audit actor of this request (the signed-in user, if any). */
void	req_actor(const struct req *, struct audit_actor *);
/* A refused access: audits it and returns 403. */
int	req_forbidden(struct req *, const char *object_type, long long id,
	    const char *why);
/* Shows the message Err.<key> next to field `name` (Form.<name>.error)
 * and counts it in nerrors.  -1 on OOM. */
int	req_field_error(struct req *, const char *name, const char *key);
/* The pager of a list whose page number is the FK_INT field `field`
 * (absent or bad: the first page), `per` rows a page, pages up to `last`
 * (0: no limit). */
void	req_pager_init(const struct req *, int field, long long per,
	    long long last, struct pager *);
/* The filled pager as Pager.* for views/_pager.cs (href: the list's URL
 * up to "page=", pager_to_hdf).  -1 on OOM. */
int	req_pager(struct req *, const struct pager *, const char *href);
/* FK_DATE check: not after today (Beijing) -- "date_future". */
const char *check_not_future(struct arena *, struct fval *);
/* The raw value of a parameter the dispatcher itself reads (csrf_token). */
const char *req_raw(const struct req *, const char *name);
/*
 * Answers with an attachment read by files_read() (lib/store/files.h),
 * whose owner check already passed: the bytes as the body, Content-Type
 * from the sniffed type, Content-Disposition attachment (files_disposition;
 * the response's X-Content-Type-Options: nosniff and CSP are the usual
 * ones), after a `file.download` audit row (object: the file; detail:
 * its owner's kind).  Returns 200, 500 out of memory, or 503 when the
 * audit row cannot be stored (the file is not served then).
 */
struct files_row;
int	req_file(struct req *, const struct files_row *, const unsigned char *data);
/* The HTTP status for a lib/ error: 503 when the database is gone, 500
 * otherwise. */
int	status_of(enum err);

#endif
