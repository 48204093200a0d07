/*
 * worker.c -- one worker: accept a request, run it through the request
 * life (DESIGN.md), answer, log one line, forget it.
 *
 *   params -> route (404/405) -> size (413) -> parse (400) -> fields ->
 *   handler -> view -> response
 */
#include <errno.h>
#include <fcntl.h>
#include <malloc.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>

#include <openssl/crypto.h>
#include <openssl/rand.h>

#include "accounts/inbox.h"
#include "accounts/sms.h"
#include "accounts/staff_request.h"
#include "accounts/perm.h"
#include "oversight/measure.h"
#include "agency/agency.h"
#include "agency/agency_form.h"
#include "credit/credit_cat.h"
#include "info/article.h"
#include "info/feedback.h"
#include "info/event.h"
#include "info/office.h"
#include "info/rule.h"
#include "credit/credit_import.h"
#include "credit/credit_view.h"
#include "credit/objection.h"
#include "db/audit.h"
#include "enterprise/claim.h"
#include "finance/fi.h"
#include "finance/product.h"
#include "store/files.h"
#include "finance/loan.h"
#include "crypto/crypto.h"
#include "core/log.h"
#include "routes.h"
#include "core/timefmt.h"
#include "core/utf8.h"
#include "worker.h"

#define ARENA_CHUNK	(64 * 1024)
#define WORKER_HEAP_KEEP	(16 * 1024 * 1024)	/* free heap a worker keeps */

int
req_set(struct req *r, const char *name, const char *value)
{
	NEOERR *nerr = hdf_set_value(r->hdf, name, value != NULL ? value : "");

	if (nerr != STATUS_OK) {
		nerr_ignore(&nerr);
		return -1;
	}
	return 0;
}

int
req_set_secret(struct req *r, const char *name, const char *value)
{
	size_t		 n = strlen(value), i = r->nsecrets;
	unsigned char	 rnd[16];

	r->secret = true;
	if (i >= sizeof r->secrets / sizeof r->secrets[0] ||
	    n >= sizeof r->secrets[0].value)
		return -1;
	if (crypto_random(rnd, sizeof rnd) != 0)
		return -1;
	memcpy(r->secrets[i].token, "DJS", 3);
	crypto_hex(rnd, sizeof rnd, r->secrets[i].token + 3);
	r->secrets[i].token[3 + 2 * sizeof rnd] = '\0';
	OPENSSL_cleanse(rnd, sizeof rnd);
	memcpy(r->secrets[i].value, value, n + 1);
	r->nsecrets++;
	return req_set(r, name, r->secrets[i].token);
}

int
req_setf(struct req *r, const char *name, const char *fmt, ...)
{
	va_list	 ap;
	char	*v;

	va_start(ap, fmt);
	v = arena_vprintf(r->a, fmt, ap);
	va_end(ap);
	return v == NULL ? -1 : req_set(r, name, v);
}

HDF *
req_row(struct req *r, const char *name, size_t i)
{
	HDF	*list, *row;
	char	 idx[24], *p = idx + sizeof idx;

	if (hdf_get_node(r->hdf, name, &list) != STATUS_OK)
		return NULL;
	*--p = '\0';
	do
		*--p = (char)('0' + i % 10);
	while ((i /= 10) != 0);
	if (hdf_get_node(list, p, &row) != STATUS_OK)
		return NULL;
	return row;
}

int
node_set(HDF *node, const char *key, const char *value)
{
	NEOERR *nerr = hdf_set_value(node, key, value != NULL ? value : "");

	if (nerr != STATUS_OK) {
		nerr_ignore(&nerr);
		return -1;
	}
	return 0;
}

void
req_header(struct req *r, const char *name, const char *value)
{
	if (r->nheaders < sizeof r->headers / sizeof r->headers[0])
		r->headers[r->nheaders++] = (struct http_header){ name, value };
}

void
req_cookie(struct req *r, const char *name, const char *value)
{
	char *h = value != NULL ?
	    arena_printf(r->a, "%s=%s; Path=/; Secure; HttpOnly; SameSite=Lax",
	    name, value) :
	    arena_printf(r->a, "%s=; Path=/; Max-Age=0; Secure; HttpOnly; SameSite=Lax",
	    name);

	if (h != NULL)
		req_header(r, "Set-Cookie", h);
}

void
req_actor(const struct req *r, struct audit_actor *a)
{
	memset(a, 0, sizeof *a);
	a->portal = r->app->cfg->portal_name;
	a->client_addr = r->remote_addr;
	a->request_id = r->request_id;
	if (r->sess != NULL) {
		const struct user *u = &r->sess->user;

		a->user_id = u->id;
		a->role = role_name(u->role);
		a->region = u->region;
		a->org = arena_printf(r->a, "%s:%lld", u->org_kind, u->org_id);
	}
}

int
req_forbidden(struct req *r, const char *otype, long long id, const char *why)
{
	struct audit_actor	a;
	char			oid[24];

	req_actor(r, &a);
	snprintf(oid, sizeof oid, "%lld", id);
	if (audit_write1(r->app->db, &a, "access.denied", otype, oid,
	    AUDIT_DENIED, why) == ERR_DB_LOST)
		return 503;
	return 403;
}

/*
 * The scoped getter of each object a route's {id} may name (routes.h):
 * it fills `out` (size bytes, in r->a) when the actor's scope covers the
 * object, ERR_NOTFOUND otherwise, the predicate being in the statement.
 * Every kind a route names has one (tests/unit/cgi/test_routes.c).
 */
static enum err
get_agency(struct req *r, long long id, void *out)
{
	return agency_get(r->app->db, r->a, &r->scope, id, out);
}

static enum err
get_user(struct req *r, long long id, void *out)
{
	return user_get(r->app->db, r->a, &r->scope, id, out);
}

static enum err
get_sreq(struct req *r, long long id, void *out)
{
	return sreq_get(r->app->db, r->a, &r->scope, id, out);
}

static enum err
get_batch(struct req *r, long long id, void *out)
{
	return cbatch_get(r->app->db, r->a, &r->scope, id, out);
}

static enum err
get_inbox(struct req *r, long long id, void *out)
{
	return inbox_get(r->app->db, r->a, r->scope.user_id, id, out);
}

static enum err
get_claim(struct req *r, long long id, void *out)
{
	return claim_get(r->app->db, r->a, r->app->cfg->data_key, &r->scope,
	    id, out);
}

/* Any enterprise for a gov user, the region's for operators and
 * supervisors (SCOPE_ENT): /enterprises/{id} and /credit/{id}. */
static enum err
get_enterprise(struct req *r, long long id, void *out)
{
	return credit_ent_get(r->app->db, r->a, &r->scope, id, out);
}

static enum err
get_aform(struct req *r, long long id, void *out)
{
	return aform_get(r->app->db, r->a, &r->scope, id, out);
}

static enum err
get_category(struct req *r, long long id, void *out)
{
	return credit_category_get(r->app->db, r->a, &r->scope, id, out);
}

static enum err
get_credit_request(struct req *r, long long id, void *out)
{
	return credit_self_get(r->app->db, r->a, &r->scope, id, out);
}

static enum err
get_fi(struct req *r, long long id, void *out)
{
	return fi_get(r->app->db, r->a, &r->scope, id, out);
}

/* The public catalogue's page (a ROLE_PUBLIC route) reads published
 * products only, whoever asks; the intranet's pages the actor's. */
static enum err
get_product(struct req *r, long long id, void *out)
{
	if (r->route->roles == ROLE_PUBLIC)
		return product_get_public(r->app->db, r->a, id, out);
	return product_get(r->app->db, r->a, &r->scope, id, out);
}

static enum err
get_loan(struct req *r, long long id, void *out)
{
	return loan_get(r->app->db, r->a, &r->scope, id, out);
}

static enum err
get_loan_take(struct req *r, long long id, void *out)
{
	enum err rc = loan_get(r->app->db, r->a, &r->scope, id, out);

	return rc == ERR_NOTFOUND ?
	    loan_get_lost(r->app->db, r->a, &r->scope, id, out) : rc;
}

/* An article as this reader sees it: shown ones for everyone (a public
 * route on the internet), any state of their region for the offices'
 * staff on the intranet. */
static enum err
get_article(struct req *r, long long id, void *out)
{
	struct article_reader rd;

	article_reader_of(r, &rd);
	return article_get(r->app->db, r->a, &rd, id, out);
}

static enum err
get_feedback(struct req *r, long long id, void *out)
{
	return feedback_get(r->app->db, r->a, &r->scope, id, out);
}

static enum err
get_event(struct req *r, long long id, void *out)
{
	struct event_reader rd;

	event_reader_of(r, &rd);
	return event_get(r->app->db, r->a, &rd, id, out);
}

static enum err
get_rule(struct req *r, long long id, void *out)
{
	return rule_get(r->app->db, r->a, rule_reader_staff(r), id, out);
}

static enum err
get_office(struct req *r, long long id, void *out)
{
	return office_get(r->app->db, r->a, &r->scope, id, out);
}

static enum err
get_objection(struct req *r, long long id, void *out)
{
	return objection_get(r->app->db, r->a, &r->scope, id, out);
}

static enum err
get_measure(struct req *r, long long id, void *out)
{
	return measure_get(r->app->db, r->a, &r->scope, id, out);
}

static const struct {
	size_t		  size;
	enum err	(*get)(struct req *, long long, void *);
} obj_getters[OBJ__MAX] = {
	[OBJ_USER] = { sizeof(struct user), get_user },
	[OBJ_ENTERPRISE] = { sizeof(struct credit_ent), get_enterprise },
	[OBJ_AGENCY] = { sizeof(struct agency), get_agency },
	[OBJ_AFORM] = { sizeof(struct aform), get_aform },
	[OBJ_CATEGORY] = { sizeof(struct credit_category), get_category },
	[OBJ_BATCH] = { sizeof(struct cbatch), get_batch },
	[OBJ_CREDIT_REQUEST] = { sizeof(struct credit_self_req), get_credit_request },
	[OBJ_CLAIM] = { sizeof(struct claim), get_claim },
	[OBJ_STAFF_REQUEST] = { sizeof(struct staff_request), get_sreq },
	[OBJ_FI] = { sizeof(struct fi), get_fi },
	[OBJ_PRODUCT] = { sizeof(struct product), get_product },
	[OBJ_INBOX] = { sizeof(struct inbox_item), get_inbox },
	[OBJ_LOAN] = { sizeof(struct loan), get_loan },
	[OBJ_LOAN_TAKE] = { sizeof(struct loan), get_loan_take },
	[OBJ_ARTICLE] = { sizeof(struct article), get_article },
	[OBJ_FEEDBACK] = { sizeof(struct feedback), get_feedback },
	[OBJ_EVENT] = { sizeof(struct event), get_event },
	[OBJ_RULE] = { sizeof(struct rule), get_rule },
	[OBJ_OFFICE] = { sizeof(struct office), get_office },
	[OBJ_OBJECTION] = { sizeof(struct objection), get_objection },
	[OBJ_MEASURE] = { sizeof(struct measure), get_measure },
};

bool
route_obj_scoped(enum route_obj o)
{
	return o > OBJ_NONE && o < OBJ__MAX && obj_getters[o].get != NULL;
}

/*
 * Loads the object of the path's {id} through its scoped getter into
 * r->obj: 0, or the status to answer.  None in the actor's scope (absent
 * or out of it: the statement does not tell them apart, R-02.2) is a 404
 * audited as access.denied with the object's kind and id.  On a public
 * route (the catalogue) the scope is the public's and a miss is a plain
 * 404: nobody's access was refused.
 */
static int
load_object(struct req *r)
{
	long long	 id = route_arg_int(&r->args, "id");
	enum route_obj	 o = r->route->obj;
	struct audit_actor a;
	char		 oid[24], why[32];
	void		*out;
	enum err	 rc;

	if (!route_obj_scoped(o))
		return 0;
	if (r->sess == NULL && r->route->roles != ROLE_PUBLIC)
		return 404;	/* no scope: nothing is in it */
	if ((out = arena_calloc(r->a, 1, obj_getters[o].size)) == NULL)
		return 500;
	if (id > 0 && (rc = obj_getters[o].get(r, id, out)) != ERR_NOTFOUND) {
		if (rc != ERR_OK)
			return status_of(rc);
		r->obj = out;
		return 0;
	}
	if (r->route->roles == ROLE_PUBLIC)
		return 404;
	/* the scope that refused it: an organisation's own users reach
	 * their organisation's objects, the offices' staff their region's */
	if (*r->scope.org_kind == '\0' ||
	    strcmp(r->scope.org_kind, "office") == 0)
		snprintf(why, sizeof why, "region scope");
	else
		snprintf(why, sizeof why, "not own %s", r->scope.org_kind);
	req_actor(r, &a);
	snprintf(oid, sizeof oid, "%lld", id);
	if (audit_write1(r->app->db, &a, "access.denied", route_obj_name(o),
	    oid, AUDIT_DENIED, why) == ERR_DB_LOST)
		return 503;
	return 404;
}

/* A page refused by the dispatcher: audited with the route's path, which
 * stays stable when routes are added (page numbers do not). */
static int
deny_page(struct req *r, const char *why)
{
	struct audit_actor a;

	req_actor(r, &a);
	if (audit_write1(r->app->db, &a, "access.denied", "page",
	    r->page >= 0 ? routes[r->page].path : r->path, AUDIT_DENIED, why) == ERR_DB_LOST)
		return 503;
	return 403;
}

const char *
req_raw(const struct req *r, const char *name)
{
	const struct param *p = params_get(r->method == HTTP_POST ? &r->body :
	    &r->query, name);

	return p != NULL && p->file == NULL ? p->value : NULL;
}

int
req_file(struct req *r, const struct files_row *f, const unsigned char *data)
{
	const char		*disp = files_disposition(r->a, f);
	struct audit_actor	 a;
	char			 id[24];
	enum err		 rc;

	if (disp == NULL || f->size < 0)
		return 500;
	/* who read an attachment (an enterprise's evidence, a bank's
	 * statement) is on the record like who read credit information:
	 * the file leaves only once its audit row is stored (X-AUD) */
	snprintf(id, sizeof id, "%lld", f->id);
	req_actor(r, &a);
	if ((rc = audit_write1(r->app->db, &a, "file.download", "file", id,
	    AUDIT_OK, f->owner_kind)) != ERR_OK)
		return status_of(rc);
	r->body_out = (const char *)data;
	r->body_len = (size_t)f->size;
	r->ctype = files_mime(f->type);
	req_header(r, "Content-Disposition", disp);
	return 200;
}

int
status_of(enum err e)
{
	switch (e) {
	case ERR_OK:
		return 200;
	case ERR_DB_LOST:
		return 503;
	case ERR_TOOBIG:
	case ERR_TOOMANY:
		return 413;
	case ERR_UTF8:
	case ERR_INVAL:
		return 400;
	case ERR_NOTFOUND:
		return 404;
	case ERR_FORBIDDEN:
		return 403;
	default:
		return 500;
	}
}

static const char *
env(const struct req *r, const char *name)
{
	return FCGX_GetParam(name, r->fcgi->envp);
}

static ssize_t
fcgi_read(void *ctx, char *buf, size_t n)
{
	FCGX_Stream	*in = ctx;
	int		 got;

	if (n > 1 << 20)
		n = 1 << 20;
	got = FCGX_GetStr(buf, (int)n, in);
	return got < 0 ? -1 : got;
}

static void
hdf_cleanup(void *arg)
{
	HDF *h = arg;

	hdf_destroy(&h);
}

/* A fresh request id when nginx sent none (or a malformed one). */
static const char *
make_request_id(struct req *r)
{
	const char	*id = env(r, "REQUEST_ID");
	unsigned char	 raw[16];
	char		*hex;

	if (http_request_id_valid(id))
		return id;
	if (RAND_bytes(raw, sizeof raw) != 1 ||
	    (hex = arena_alloc(r->a, 2 * sizeof raw + 1)) == NULL)
		return "-";
	for (size_t i = 0; i < sizeof raw; i++)
		snprintf(hex + 2 * i, 3, "%02x", raw[i]);
	return hex;
}

/* Reads and parses the body according to its Content-Type.  Returns an
 * HTTP status: 0 when fine. */
static int
read_body(struct req *r, size_t length, const struct limits *lim)
{
	const char	*ct = env(r, "CONTENT_TYPE");
	char		*buf;
	size_t		 got = 0;
	enum err	 rc;

	if (length == 0 || ct == NULL)
		return 0;
	if (strncasecmp(ct, "application/x-www-form-urlencoded", 33) == 0) {
		if ((buf = arena_alloc(r->a, length + 1)) == NULL)
			return 500;
		while (got < length) {
			ssize_t n = fcgi_read(r->fcgi->in, buf + got, length - got);

			if (n <= 0)
				return 400;
			got += (size_t)n;
		}
		rc = params_urlencoded(r->a, buf, length, lim, &r->body);
	} else if (strncasecmp(ct, "multipart/form-data", 19) == 0) {
		rc = params_multipart(r->a, ct, fcgi_read, r->fcgi->in, length,
		    lim, r->app->cfg->tmp, &r->body);
	} else
		return 0;	/* not read, never seen */
	return rc == ERR_OK ? 0 : status_of(rc);
}

const char *
check_not_future(struct arena *a, struct fval *v)
{
	int y, m, d;

	(void)a;
	beijing_today(&y, &m, &d);
	if (v->y * 10000L + v->m * 100 + v->d > y * 10000L + m * 100 + d)
		return "date_future";
	return NULL;
}

int
req_field_error(struct req *r, const char *name, const char *key)
{
	char hname[160], skey[120];

	snprintf(hname, sizeof hname, "Form.%s.error", name);
	snprintf(skey, sizeof skey, "Err.%s", key);
	r->nerrors++;
	return req_set(r, hname, views_str(r->app->views, skey));
}

void
req_pager_init(const struct req *r, int field, long long per, long long last,
    struct pager *p)
{
	const struct fval *v = &r->f[field];

	pager_init(p, v->present && v->error == NULL ? v->i : 1, per, last);
}

int
req_pager(struct req *r, const struct pager *p, const char *href)
{
	return pager_to_hdf(r->hdf, p, href);
}

/* Exposes each declared field to the template as Form.<name>.value and
 * Form.<name>.error (the message, from strings.hdf). */
static int
form_to_hdf(struct req *r)
{
	const struct form *fm = r->route->form;
	char name[160];

	for (size_t i = 0; fm != NULL && i < fm->n; i++) {
		const struct field *fd = &fm->fields[i];

		if (!(fd->flags & F_SECRET)) {
			snprintf(name, sizeof name, "Form.%s.value", fd->name);
			if (req_set(r, name, r->f[i].s) == -1)
				return -1;
		}
		if (r->f[i].error != NULL) {
			char key[120];

			snprintf(key, sizeof key, "Err.%s", r->f[i].error);
			snprintf(name, sizeof name, "Form.%s.error", fd->name);
			if (req_set(r, name, views_str(r->app->views, key)) == -1)
				return -1;
		}
	}
	return 0;
}

/* The signed-in user, if the session cookie names a live session of this
 * portal.  Returns an HTTP status: 0 when fine. */
static int
load_session(struct req *r)
{
	const struct config	*cfg = r->app->cfg;
	const struct param	*ck = params_get(&r->cookies, SESSION_COOKIE);
	struct config_auth	 auth;
	struct session		*s;
	enum err		 rc;

	if (ck == NULL)
		return 0;
	if ((s = arena_calloc(r->a, 1, sizeof *s)) == NULL)
		return 500;
	/* the security administrator's settings over the configuration's,
	 * from the database in the session's own round trip: in force
	 * without a restart (issue 16) */
	rc = session_lookup(r->app->db, r->a, ck->value, cfg->portal, &cfg->auth,
	    &auth, s);
	if (rc == ERR_NOTFOUND) {
		req_cookie(r, SESSION_COOKIE, NULL);
		return 0;
	}
	if (rc != ERR_OK)
		return status_of(rc);
	/* A password past its age (staff) or reset by an operator must be
	 * changed before anything else. */
	if (s->stage == STAGE_FULL && (s->user.must_change_pw ||
	    ((ROLES_STAFF & ROLE_BIT(s->user.role)) &&
	    s->user.pw_age_days >= (int)auth.staff_pw_days)))
		s->stage = STAGE_PWCHANGE;
	r->sess = s;
	r->user_id = s->user.id;
	r->csrf = s->csrf;
	return 0;
}

/* Same origin and the form's token (X-SEC).  0 when fine, else 403. */
static int
check_csrf(struct req *r)
{
	const char	*want = env(r, "DUIJIE_ORIGIN");
	const char	*origin = env(r, "HTTP_ORIGIN");
	const char	*referer = env(r, "HTTP_REFERER");
	const char	*sent = req_raw(r, "csrf_token");
	const char	*expect = r->csrf;
	const char	*why = NULL;

	if (want != NULL && *want != '\0') {
		size_t wl = strlen(want);

		if (origin != NULL && *origin != '\0') {
			if (strcmp(origin, want) != 0)
				why = "cross-origin request (Origin)";
		} else if (referer != NULL && *referer != '\0') {
			if (strncmp(referer, want, wl) != 0 ||
			    (referer[wl] != '/' && referer[wl] != '\0'))
				why = "cross-origin request (Referer)";
		}
	}
	if (why == NULL && (expect == NULL || sent == NULL ||
	    strlen(sent) != SESSION_TOKEN_LEN || strlen(expect) != SESSION_TOKEN_LEN ||
	    !crypto_equal(sent, expect, SESSION_TOKEN_LEN)))
		why = "missing or wrong CSRF token";
	if (why == NULL)
		return 0;
	log_warn("rid=%s csrf refused: %s", r->request_id, why);
	return deny_page(r, why);
}

/* The pre-session token of the sign-in form: the cookie's, or a new one. */
static void
presession(struct req *r)
{
	const struct param	*ck = params_get(&r->cookies, PRESESSION_COOKIE);
	char			*t;

	if (ck != NULL && ck->len == SESSION_TOKEN_LEN) {
		r->csrf = ck->value;
		return;
	}
	if ((t = arena_alloc(r->a, SESSION_TOKEN_LEN + 1)) == NULL ||
	    session_token(t) == -1)
		return;
	r->csrf = t;
	req_cookie(r, PRESESSION_COOKIE, t);
}

static void
user_to_hdf(struct req *r)
{
	const struct user *u = &r->sess->user;
	char key[64];

	req_set(r, "User.username", u->username);
	req_set(r, "User.real_name", u->real_name);
	req_set(r, "User.role", role_name(u->role));
	snprintf(key, sizeof key, "Role.%s", role_name(u->role));
	req_set(r, "User.role_label", views_str(r->app->views, key));
	req_set(r, "User.region", u->region);
	req_set(r, "User.region_name", u->region_name);
	req_set(r, "User.org_name", u->org_name);
	req_set(r, "User.org_kind", u->org_kind);
	req_setf(r, "User.org_id", "%lld", u->org_id);
	req_setf(r, "User.stage", "%d", (int)r->sess->stage);
	if (r->sess->stage == STAGE_FULL) {
		req_set(r, "User.signed_in", "1");
		(void)menu_to_hdf(r);	/* on OOM the page has no menu */
	}
}

/* Whether the page's form is sent by POST: its own row takes POST, or
 * another row of this portal takes a POST to the same path with the same
 * form (GET /departures shows the form POST /departures takes). */
static bool
form_is_posted(const struct req *r)
{
	struct route_args	 args;
	unsigned		 allow;
	int			 p;

	if (r->route->methods & HTTP_POST)
		return true;
	p = routes_find(r->app->cfg->portal, HTTP_POST, r->path, &args, &allow);
	return p >= 0 && routes[p].form == r->route->form;
}

/* Everything from params to handler.  Returns the HTTP status. */
static int
dispatch(struct req *r)
{
	const struct config	*cfg = r->app->cfg;
	const char		*cl, *qs, *ck;
	struct limits		 lim = cfg->limits;
	unsigned		 allow;
	long long		 length = 0;
	int			 st;
	char			 allowbuf[64];

	if (r->path == NULL || r->path[0] != '/' ||
	    !utf8_valid(r->path, strlen(r->path)))
		return 400;
	r->page = routes_find(cfg->portal, r->method, r->path, &r->args, &allow);

	/* The size is refused before anything is read. */
	if ((cl = env(r, "CONTENT_LENGTH")) != NULL && *cl != '\0' &&
	    parse_ll(cl, strlen(cl), 0, 1LL << 40, &length) == -1)
		return 400;
	if (r->page >= 0 && routes[r->page].body_max == BODY_UPLOAD) {
		lim.body_max = cfg->upload_max + 64 * 1024;
		lim.file_max = cfg->upload_max;
	} else if (r->page >= 0 && routes[r->page].body_max == BODY_LICENCE) {
		lim.body_max = cfg->licence_max + (1u << 20);
		lim.file_max = cfg->licence_max + (1u << 20);
	} else if (r->page >= 0 && routes[r->page].body_max == BODY_ATTACHMENT) {
		lim.body_max = cfg->attachment_max + (1u << 20);
		lim.file_max = cfg->attachment_max + (1u << 20);
	} else if (r->page >= 0 && routes[r->page].body_max != 0)
		lim.body_max = routes[r->page].body_max;
	if ((size_t)length > lim.body_max)
		return r->page >= 0 || allow != 0 ? 413 : 404;

	if (r->page < 0) {
		if (allow == 0)
			return 404;
		req_header(r, "Allow", http_allow(allow, allowbuf, sizeof allowbuf));
		/* The header value must outlive this frame. */
		r->headers[r->nheaders - 1].value = arena_strdup(r->a, allowbuf);
		return 405;
	}
	r->route = &routes[r->page];
	/* A path's {id} names its object (routes.h): a row that declares
	 * none is refused rather than run without a scope. */
	if (route_arg_int(&r->args, "id") > 0 && r->route->obj == OBJ_NONE) {
		log_error("rid=%s route %s: {id} without an object", r->request_id,
		    r->route->path);
		return 500;
	}

	if ((qs = env(r, "QUERY_STRING")) != NULL &&
	    params_urlencoded(r->a, qs, strlen(qs), &lim, &r->query) != ERR_OK)
		return 400;
	if ((ck = env(r, "HTTP_COOKIE")) != NULL &&
	    params_cookies(r->a, ck, &lim, &r->cookies) != ERR_OK)
		return 400;
	if (r->method == HTTP_POST &&
	    (st = read_body(r, (size_t)length, &lim)) != 0)
		return st;

	if ((st = load_session(r)) != 0)
		return st;
	if (r->sess == NULL && r->route->csrf)
		presession(r);
	if (r->sess != NULL) {
		scope_of_user(&r->scope, &r->sess->user);
		user_to_hdf(r);
	}
	if (r->route->roles != ROLE_PUBLIC) {
		if (r->sess == NULL) {
			r->location = "/login";
			return 303;
		}
		if (!(r->route->stages & (1u << r->sess->stage))) {
			r->location = routes_stage_path(r->sess->stage);
			return 303;
		}
		if (!(r->route->roles & ROLE_BIT(r->sess->user.role)))
			return deny_page(r, "role may not open this page");
	}
	if (r->method == HTTP_POST && r->route->csrf && (st = check_csrf(r)) != 0)
		return st;
	req_set(r, "CSRF.token", r->csrf);
	/* a measure in force on the enterprise refuses the page's right on
	 * every session's very next request (issue 16, R-15.1) */
	if (r->sess != NULL && r->sess->stage == STAGE_FULL &&
	    r->sess->user.role == ROLE_ENTERPRISE && (st = measure_enforce(r)) != 0)
		return st;

	if (r->route->form != NULL) {
		const struct form *fm = r->route->form;

		if ((r->f = arena_calloc(r->a, fm->n + 1, sizeof *r->f)) == NULL)
			return 500;
		r->nerrors = form_validate(r->a, fm->fields, fm->n,
		    r->method == HTTP_POST ? &r->body : &r->query, r->f);
		/* GET of a page whose form is POSTed (by this row or by the
		 * POST row of the same path): an empty form is not an error,
		 * so "required" is only said after a POST. */
		if (r->method != HTTP_POST && form_is_posted(r))
			for (size_t i = 0; i < fm->n && r->nerrors > 0; i++)
				if (r->f[i].error != NULL &&
				    strcmp(r->f[i].error, "required") == 0) {
					r->f[i].error = NULL;
					r->nerrors--;
				}
		if (r->nerrors < 0 || form_to_hdf(r) == -1)
			return 500;
	}
	if ((st = load_object(r)) != 0)
		return st;
	return r->route->handler(r);
}

/* view_render_secret() with the request's secrets. */
static enum err
render_secret(struct req *r, int tmpl, char **body, size_t *len)
{
	struct view_secret	 sec[sizeof r->secrets / sizeof r->secrets[0]];

	for (size_t i = 0; i < r->nsecrets; i++) {
		sec[i].token = r->secrets[i].token;
		sec[i].value = r->secrets[i].value;
	}
	return view_render_secret(r->app->views, (size_t)tmpl, r->hdf, sec,
	    r->nsecrets, body, len);
}

/*
 * The unread count in the header of a signed-in page (layout.cs): one
 * indexed COUNT, capped, only for a page that shows the header.  A
 * database error leaves the count out of the page, nothing else.
 */
static void
inbox_to_hdf(struct req *r)
{
	long long n = 0;

	if (r->sess == NULL || r->sess->stage != STAGE_FULL ||
	    strcmp(hdf_get_value(r->hdf, "Page.layout", ""), "print") == 0 ||
	    inbox_unread(r->app->db, r->sess->user.id, &n) != ERR_OK)
		return;
	req_setf(r, "Inbox.unread", "%lld", n);
	if (n >= INBOX_UNREAD_CAP)
		req_set(r, "Inbox.more", "1");
}

/* Writes the whole response; false when the client has gone. */
static bool
respond(struct req *r, int status)
{
	struct app	*app = r->app;
	char		*body = NULL, *head;
	const char	*out;
	size_t		 len = 0;
	bool		 ok = true, cache;
	int		 tmpl = TMPL_ERROR;
	static const char fallback[] =
	    "<!DOCTYPE html><html lang=\"zh-CN\"><meta charset=\"utf-8\">"
	    "<title>系统错误</title><p>系统暂时无法处理您的请求，请稍后再试。</p></html>\n";

	if (status == 303 && r->location != NULL)
		req_header(r, "Location", r->location);
	if (r->body_out != NULL) {
		out = r->body_out;
		len = r->body_len;
	} else if (status == 303) {
		out = "";
	} else {
		if (status == 200 || (r->tmpl_on_4xx && status >= 400 && status < 500))
			tmpl = r->tmpl;
		else {
			req_setf(r, "Error.status", "%d", status);
			req_set(r, "Request.id", r->request_id);
		}
		if (status < 500)	/* not while the database is down */
			inbox_to_hdf(r);
		if ((r->secret ? render_secret(r, tmpl, &body, &len) :
		    view_render(app->views, (size_t)tmpl, r->hdf, &body,
		    &len)) != ERR_OK) {
			status = 500;
			out = fallback;
			len = sizeof fallback - 1;
		} else {
			out = body;
			/* Handed to the arena so every path frees it. */
			if (arena_cleanup(r->a, free, body) == -1) {
				free(body);
				out = fallback;
				len = sizeof fallback - 1;
				status = 500;
			}
		}
		r->ctype = "text/html; charset=utf-8";
	}
	cache = r->cacheable && status == 200 && r->sess == NULL && !r->secret;
	for (size_t i = 0; cache && i < r->nheaders; i++)
		if (strcasecmp(r->headers[i].name, "Set-Cookie") == 0)
			cache = false;
	if (cache)
		req_header(r, "Cache-Control", "public, max-age=300");
	head = http_head(r->a, status, status == 303 ? NULL : r->ctype, cache,
	    r->request_id, r->headers, r->nheaders);
	if (head == NULL)
		return false;
	if (FCGX_PutStr(head, (int)strlen(head), r->fcgi->out) < 0)
		ok = false;
	if (ok && r->method != HTTP_HEAD && len > 0 &&
	    FCGX_PutStr(out, (int)len, r->fcgi->out) < 0)
		ok = false;
	if (r->secret && body != NULL)
		explicit_bzero(body, len);
	if (r->secret) {
		FCGX_Stream *o = r->fcgi->out;

		/* libfcgi's output buffer still holds the page once sent:
		 * after a flush all of [wrNext, stop) is free space, which is
		 * where the page's bytes were. */
		if (FCGX_FFlush(o) == 0 && o->wrNext != NULL && o->stop > o->wrNext)
			explicit_bzero(o->wrNext, (size_t)(o->stop - o->wrNext));
	}
	return ok && FCGX_GetError(r->fcgi->out) == 0;
}

/* Overwrites every value of the tree (a page that carried a secret). */
static void
hdf_wipe(HDF *node)
{
	for (; node != NULL; node = hdf_obj_next(node)) {
		char *v = hdf_obj_value(node);

		if (v != NULL)
			explicit_bzero(v, strlen(v));
		hdf_wipe(hdf_obj_child(node));
	}
}

static double
ms_since(const struct timespec *t0)
{
	struct timespec t1;

	clock_gettime(CLOCK_MONOTONIC, &t1);
	return (double)(t1.tv_sec - t0->tv_sec) * 1e3 +
	    (double)(t1.tv_nsec - t0->tv_nsec) / 1e6;
}

static const char *
page_path(const struct req *r)
{
	return r->page >= 0 ? routes[r->page].path : "-";
}

void
worker_handle(struct app *app, FCGX_Request *fr)
{
	struct req	 r;
	NEOERR		*nerr;
	int		 status;
	bool		 sent;

	memset(&r, 0, sizeof r);
	clock_gettime(CLOCK_MONOTONIC, &r.start);
	arena_reset(app->arena);
	r.app = app;
	r.a = app->arena;
	r.fcgi = fr;
	r.page = -1;
	r.method = http_method_parse(env(&r, "REQUEST_METHOD"));
	r.path = env(&r, "DOCUMENT_URI");
	r.remote_addr = env(&r, "REMOTE_ADDR");
	r.request_id = make_request_id(&r);
	db_request_begin(app->db);

	if ((nerr = hdf_init(&r.hdf)) != STATUS_OK) {
		nerr_ignore(&nerr);
		status = 500;
		r.hdf = NULL;
	} else if (arena_cleanup(r.a, hdf_cleanup, r.hdf) == -1) {
		hdf_destroy(&r.hdf);
		status = 500;
	} else {
		req_set(&r, "Portal.name", app->cfg->portal_name);
		req_set(&r, "Request.id", r.request_id);
		req_set(&r, "Request.path", r.path);
		req_set(&r, "Site.hotline", app->cfg->site.hotline);
		req_set(&r, "Site.icp", app->cfg->site.icp);
		req_set(&r, "Site.psb", app->cfg->site.psb);
		status = r.method == HTTP_OTHER ? 501 : dispatch(&r);
	}
	if (r.hdf == NULL) {
		static const char msg[] = "Status: 500 Internal Server Error\r\n"
		    "Content-Type: text/plain; charset=utf-8\r\n\r\n系统错误\n";

		FCGX_PutStr(msg, sizeof msg - 1, fr->out);
		sent = true;
	} else {
		sent = respond(&r, status);
		if (r.secret) {
			hdf_wipe(r.hdf);
			OPENSSL_cleanse(r.secrets, sizeof r.secrets);
		}
	}
	(void)db_request_end(app->db, r.request_id);
	log_info("rid=%s portal=%s user=%lld route=%s status=%d ms=%.1f%s",
	    r.request_id, app->cfg->portal_name, r.user_id, page_path(&r),
	    status, ms_since(&r.start), sent ? "" : " client-gone");
}

/*
 * Set by SIGTERM/SIGINT.  Both signals stay blocked except inside ppoll()
 * on the listen socket, so they are only ever delivered there: a worker
 * never leaves between accept() and its answer, and nothing is half-read.
 */
static volatile sig_atomic_t stop_requested;

static void
on_term(int sig)
{
	(void)sig;
	stop_requested = 1;
}

/*
 * Waits until the listen socket has a connection to accept, with SIGTERM
 * and SIGINT deliverable only while waiting.  True when a connection may
 * be waiting, false when the worker was told to stop (or poll failed,
 * logged).
 */
static bool
wait_for_connection(struct db *db, int sock, const sigset_t *waitmask)
{
	struct pollfd pfd = { .fd = sock, .events = POLLIN };

	while (!stop_requested) {
		/* audit rows this worker wrote are sealed within
		 * AUDIT_SEAL_EVERY_MS even when no request follows */
		int due = audit_seal_due();
		struct timespec ts = { due / 1000, (long)(due % 1000) * 1000000 };
		int n = ppoll(&pfd, 1, due >= 0 ? &ts : NULL, waitmask);

		if (n > 0)
			return true;
		if (n == 0) {
			audit_seal_after(db);
			continue;
		}
		if (n < 0 && errno != EINTR) {
			log_error("poll on the FastCGI socket: %s", strerror(errno));
			return false;
		}
	}
	return false;
}

int
worker_main(struct app *app, int sock)
{
	FCGX_Request	 fr;
	sigset_t	 term, waitmask;
	struct sigaction sa;
	int		 fl;
	char		 err[512];

	log_init(app->cfg->portal_name, app->cfg->log_level);	/* our pid */
	/*
	 * A request's memory (arena chunks, ClearSilver's HDF nodes) goes
	 * back to malloc at its end.  With glibc's defaults the top of the
	 * heap went back to the kernel after each larger page and came back
	 * with fresh zeroed pages on the next: a page of 100 credit records
	 * spent a third of its worker time in brk, page faults and malloc
	 * (perf).  Keep up to WORKER_HEAP_KEEP of free heap, and serve blocks
	 * up to 4 MiB from the heap rather than mmap; the worker's RSS stays
	 * flat (`scripts/dev bench` samples it).
	 */
	mallopt(M_TRIM_THRESHOLD, WORKER_HEAP_KEEP);
	mallopt(M_TOP_PAD, 1024 * 1024);
	mallopt(M_MMAP_THRESHOLD, 4 * 1024 * 1024);
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_term;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);
	sa.sa_handler = SIG_IGN;
	sigaction(SIGHUP, &sa, NULL);
	sigaction(SIGPIPE, &sa, NULL);
	sigemptyset(&term);
	sigaddset(&term, SIGTERM);
	sigaddset(&term, SIGINT);
	sigprocmask(SIG_BLOCK, &term, &waitmask);
	sigdelset(&waitmask, SIGTERM);
	sigdelset(&waitmask, SIGINT);

	if (views_load(app->cfg->views, tmpl_names, TMPL__MAX, &app->views,
	    err, sizeof err) != ERR_OK) {
		log_error("templates: %s", err);
		return 1;
	}
	if ((app->arena = arena_new(ARENA_CHUNK)) == NULL ||
	    (app->db = db_new(&app->cfg->db, false)) == NULL) {
		log_error("out of memory at start");
		return 1;
	}
	/* Connect now so the first request does not pay for it; a database
	 * that is down now is retried on each request. */
	(void)db_ensure(app->db);
	if (FCGX_InitRequest(&fr, sock, 0) != 0) {
		log_error("FCGX_InitRequest failed");
		return 1;
	}
	/*
	 * The listen socket is non-blocking (for every worker: they share
	 * it), so when another worker wins the race for a connection
	 * FCGX_Accept_r returns EAGAIN and this one goes back to ppoll(),
	 * where a stop request can reach it, instead of blocking in
	 * accept() with the signals held.  Accepted connections are
	 * blocking (accept() does not pass O_NONBLOCK on).  Close-on-exec
	 * too: FCGX_OpenSocket() sets none (issue 12 item 18).
	 */
	if ((fl = fcntl(sock, F_GETFL)) == -1 ||
	    fcntl(sock, F_SETFL, fl | O_NONBLOCK) == -1 ||
	    fcntl(sock, F_SETFD, FD_CLOEXEC) == -1) {
		log_error("fcntl on the FastCGI socket: %s", strerror(errno));
		return 1;
	}
	while (wait_for_connection(app->db, sock, &waitmask)) {
		int rc = FCGX_Accept_r(&fr);

		if (rc < 0) {
			if (rc == -EAGAIN || rc == -EWOULDBLOCK || rc == -EINTR ||
			    rc == -ECONNABORTED)
				continue;
			log_error("accept: %s", strerror(-rc));
			return 1;
		}
		/* libfcgi's accept() sets no close-on-exec: no child (the
		 * SMS command) is to hold the connection (issue 12 item 18) */
		if (fcntl(fr.ipcFd, F_SETFD, FD_CLOEXEC) == -1)
			log_warn("fcntl on a FastCGI connection: %s", strerror(errno));
		worker_handle(app, &fr);
		/*
		 * libfcgi closes a connection by shutting down its side and
		 * then waiting for nginx to close the other (read until EOF,
		 * up to 2 s), lest unread input make the kernel reset the
		 * connection under the response.  With all input read there
		 * is nothing to reset: a detached request is closed at once,
		 * which spares each request that wait and three system calls.
		 * (A body refused unread, a 413, keeps the careful close.)
		 */
		if (FCGX_HasSeenEOF(fr.in) == EOF || FCGX_GetChar(fr.in) == EOF)
			(void)FCGX_Detach(&fr);
		FCGX_Finish_r(&fr);
		/* SMS codes go out once the answer is gone (sms.h), and so
		 * do the SMS of notices whose event committed (inbox.h). */
		(void)sms_deliver_queued(app->db);
		/* and the audit rows are chained once it is gone (audit.h) */
		audit_seal_after(app->db);
		{
			const struct config *cfg = app->cfg;
			struct sms_sender s = {
				cfg->sms.command ? SMS_SENDER_COMMAND : SMS_SENDER_FILE,
				cfg->sms.command ? cfg->sms.cmd : cfg->sms.outbox,
				cfg->sms.timeout,
			};

			(void)inbox_sms_deliver(app->db, &s, cfg->data_key);
		}
		arena_reset(app->arena);
	}
	if (stop_requested)
		log_info("stop requested: exiting after the last request");
	return stop_requested ? 0 : 1;
}
