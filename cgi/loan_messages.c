/*
 * loan_messages.c -- questions and answers on a loan application (issue
 * 14 "Questions and answers", R-08.2d, X-AUD, X-SEC).
 *
 * The thread is shown on /loans/{id} of both portals (loan_thread_to_hdf,
 * called by loans.c's page): the enterprise and the FI handling the
 * application post on it (POST /loans/{id}/messages: `body`, up to three
 * PDF/JPG/PNG attachments `file`, `file2`, `file3`), the region's offices
 * read it.  An attachment is served by GET /loans/{id}/files/{fid} to the
 * same readers only.
 *
 * Scope: the application is loaded by the dispatcher (OBJ_LOAN, loan_get
 * with the reader's scope: 404 outside it); the thread and each file go
 * through lib/finance/loan_msg.c's predicate, which also keeps an FI to
 * its own conversation while it handles the application.  Who may post
 * is checked again under the application's lock (loan_msg_post).
 */
#include <stdio.h>
#include <string.h>

#include "accounts/scope.h"
#include "core/timefmt.h"
#include "finance/loan.h"
#include "finance/loan_msg.h"
#include "store/files.h"
#include "routes.h"

/* POST /loans/{id}/messages */
enum { LM_F_BODY, LM_F_FILE, LM_F_FILE2, LM_F_FILE3, LM_F__MAX };

static const struct field msg_fields[LM_F__MAX] = {
	[LM_F_BODY] = { .name = "body", .kind = FK_MULTILINE, .flags = F_REQUIRED | F_TRIM, .maxlen = LOAN_MSG_BODY_MAX },
	[LM_F_FILE] = { .name = "file", .kind = FK_FILE },
	[LM_F_FILE2] = { .name = "file2", .kind = FK_FILE },
	[LM_F_FILE3] = { .name = "file3", .kind = FK_FILE },
};
const struct form loan_msg_form = { msg_fields, LM_F__MAX };

/* UTC text as Beijing time, "" for none. */
static const char *
bj(struct req *r, const char *utc)
{
	char out[32];

	if (utc == NULL || *utc == '\0' || time_beijing(utc, out, sizeof out) != 0)
		return "";
	return arena_strdup(r->a, out);
}

/* "12 KB", "1.5 MB" */
static const char *
size_text(struct req *r, long long n)
{
	if (n < 1024 * 1024)
		return arena_printf(r->a, "%lld KB", (n + 1023) / 1024);
	return arena_printf(r->a, "%.1f MB", (double)n / (1024.0 * 1024.0));
}

int
loan_thread_to_hdf(struct req *r, const struct loan *l)
{
	struct loan_msg	*v = NULL;
	size_t		 n = 0;
	enum err	 rc;

	if ((rc = loan_msg_list(r->app->db, r->a, &r->scope, l->id, &v, &n)) != ERR_OK)
		return status_of(rc);
	for (size_t i = 0; i < n; i++) {
		HDF *row = req_row(r, "Messages", i);
		/* what the reader's organisation wrote: the thread holds only
		 * the enterprise's and the handling FI's messages */
		bool own = r->sess != NULL && r->sess->user.org_kind != NULL &&
		    strcmp(v[i].org_kind, r->sess->user.org_kind) == 0;

		if (row == NULL ||
		    node_set(row, "id", arena_printf(r->a, "%lld", v[i].id)) == -1 ||
		    node_set(row, "at", bj(r, v[i].at)) == -1 ||
		    node_set(row, "org_kind", v[i].org_kind) == -1 ||
		    node_set(row, "org", v[i].org_name) == -1 ||
		    node_set(row, "user", v[i].user_name) == -1 ||
		    node_set(row, "body", v[i].body) == -1 ||
		    (own && node_set(row, "own", "1") == -1))
			return 500;
		for (size_t k = 0; k < v[i].nfiles; k++) {
			const struct loan_msg_file	*f = &v[i].files[k];
			HDF				*fn = NULL;

			if (hdf_get_node(row, arena_printf(r->a, "Files.%zu", k),
			    &fn) != STATUS_OK || fn == NULL ||
			    node_set(fn, "id", arena_printf(r->a, "%lld", f->id)) == -1 ||
			    node_set(fn, "name", *f->filename != '\0' ? f->filename :
			    arena_printf(r->a, "file-%lld.%s", f->id, f->type)) == -1 ||
			    node_set(fn, "type", f->type) == -1 ||
			    node_set(fn, "size", size_text(r, f->size)) == -1)
				return 500;
		}
	}
	switch (loan_msg_may_post(l, &r->scope)) {
	case LM_MAY:
		if (req_set(r, "Can.message", "1") == -1 ||
		    req_set(r, "Msg.max_mb", arena_printf(r->a, "%zu",
		    r->app->cfg->attachment_max >> 20)) == -1)
			return 500;
		break;
	case LM_CLOSED:
		/* a party of a thread that takes no message now */
		if (req_set(r, "Msg.closed", "1") == -1)
			return 500;
		break;
	default:
		break;
	}
	return 0;
}

/*
 * POST /loans/{id}/messages (the enterprise on the internet, the handling
 * FI's users on the intranet; multipart): body (required, up to 2000
 * characters), file, file2, file3 (optional: PDF, JPG or PNG by their
 * content, each within Limits.attachment_max).  303 to
 * /loans/{id}?done=message#thread; 400 with the application's page, the
 * message next to the field and the text as typed; 409 with the page when
 * the application takes no message now (closed, or moved to another FI);
 * 403, audited, for an FI that does not handle it.
 */
int
handle_loan_message(struct req *r)
{
	const struct loan	*l = r->obj;
	const struct config	*cfg = r->app->cfg;
	struct files_in		 in[LOAN_MSG_FILES_MAX];
	struct audit_actor	 a;
	size_t			 nin = 0, saved = 0;
	enum err		 rc = ERR_OK;
	const char		*key;

	switch (loan_msg_may_post(l, &r->scope)) {
	case LM_MAY:
		break;
	case LM_CLOSED:
		req_set(r, "Refused", views_str(r->app->views, "Err.loan_msg_closed"));
		return loan_page(r, l, 409);
	default:
		return req_forbidden(r, "loan", l->id, "loan message: not a party");
	}
	/* the form's own messages, in the words of this form */
	if (r->f[LM_F_BODY].error != NULL &&
	    strcmp(r->f[LM_F_BODY].error, "required") == 0)
		req_field_error(r, "body", "loan_msg_empty");
	else if (r->f[LM_F_BODY].error != NULL &&
	    strcmp(r->f[LM_F_BODY].error, "too_long") == 0)
		req_field_error(r, "body", "loan_msg_long");
	for (int f = LM_F_FILE; f <= LM_F_FILE3; f++) {
		if (!r->f[f].present || r->f[f].error != NULL)
			continue;
		if ((key = files_accept(r->a, r->f[f].file, cfg->attachment_max,
		    &in[nin])) != NULL) {
			req_field_error(r, msg_fields[f].name, key);
			continue;
		}
		nin++;
	}
	if (r->nerrors > 0)
		return loan_page(r, l, 400);
	for (; saved < nin; saved++)
		if ((rc = files_save(cfg->files, &in[saved])) != ERR_OK)
			break;
	if (saved == nin) {
		req_actor(r, &a);
		rc = loan_msg_post(r->app->db, &a, &r->scope, l, r->f[LM_F_BODY].s,
		    in, nin, NULL);
	}
	if (rc != ERR_OK) {
		for (size_t i = 0; i < saved; i++)
			files_discard(cfg->files, &in[i]);
		switch (rc) {
		case ERR_CONFLICT:
			req_set(r, "Refused", views_str(r->app->views, "Err.loan_msg_closed"));
			return loan_page(r, l, 409);
		case ERR_FORBIDDEN:
			return req_forbidden(r, "loan", l->id, "loan message: not a party");
		case ERR_INVAL:
			req_field_error(r, "body", "loan_msg_empty");
			return loan_page(r, l, 400);
		default:
			return status_of(rc);
		}
	}
	r->location = arena_printf(r->a, "/loans/%lld?done=message#thread", l->id);
	return r->location != NULL ? 303 : 500;
}

/* files_read's check: a message of this application the reader may read. */
struct file_ctx {
	struct req	*r;
	long long	 loan_id;
};

static enum err
file_may(void *ctx, const char *owner_kind, long long owner_id)
{
	struct file_ctx *c = ctx;

	if (strcmp(owner_kind, LOAN_MSG_OWNER) != 0)
		return ERR_NOTFOUND;
	return loan_msg_file_owner(c->r->app->db, c->r->a, &c->r->scope,
	    c->loan_id, owner_id);
}

/*
 * GET /loans/{id}/files/{fid} (the enterprise; the handling FI; the
 * region's offices): attachment fid of a message of the application, as
 * a download (Content-Disposition attachment, the sniffed type, nosniff).
 * 404 for no such file, another application's, another FI's conversation,
 * or outside the scope (the same answer).
 */
int
handle_loan_file(struct req *r)
{
	const struct loan	*l = r->obj;
	struct file_ctx		 c = { r, l->id };
	struct files_row	 row;
	const unsigned char	*data = NULL;
	enum err		 rc;

	rc = files_read(r->app->db, r->a, r->app->cfg->files,
	    route_arg_int(&r->args, "fid"), file_may, &c, &row, &data);
	if (rc != ERR_OK)
		return status_of(rc);
	return req_file(r, &row, data);
}
