/*
 * inbox.c -- a signed-in user's in-site notices on either portal: the
 * list, marking one or all read (lib/accounts/inbox.c; issues 14 and 15,
 * R-08.2d, R-08.2e, X-AUD).
 *
 * Scope is the recipient: a notice of anyone else is not found (404,
 * audited by the dispatcher's scoped load), whatever id is typed.
 */
#include <stdio.h>
#include <string.h>

#include "accounts/inbox.h"
#include "core/timefmt.h"
#include "routes.h"

#define INBOX_PER_PAGE	20

static const char *const done_choices[] = { "read", "read_all", NULL };
enum { IB_PAGE, IB_DONE, IB__MAX };
static const struct field inbox_fields[IB__MAX] = {
	[IB_PAGE] = { .name = "page", .kind = FK_INT, .min = 1, .max = 100000 },
	[IB_DONE] = { .name = "done", .kind = FK_CHOICE, .choices = done_choices },
};
const struct form inbox_form = { inbox_fields, IB__MAX };

enum { IR_GO, IR_PAGE, IR__MAX };
static const struct field read_fields[IR__MAX] = {
	[IR_GO] = { .name = "go", .kind = FK_BOOL },
	[IR_PAGE] = { .name = "page", .kind = FK_INT, .min = 1, .max = 100000 },
};
const struct form inbox_read_form = { read_fields, IR__MAX };

static const char *
beijing(struct req *r, const char *utc)
{
	char out[32];

	if (utc == NULL || *utc == '\0' || time_beijing(utc, out, sizeof out) == -1)
		return "";
	return arena_strdup(r->a, out);
}

/*
 * GET /inbox (every signed-in user, both portals): the user's notices,
 * newest first, 20 a page, the unread ones bold with a button to mark
 * each read, and one to mark all read.  ?done=read|read_all: the notice
 * after either.
 */
int
handle_inbox(struct req *r)
{
	struct inbox_list	 l;
	struct pager		 pg;
	enum err		 rc;

	r->tmpl = TMPL_INBOX;
	req_set(r, "Page.nav", "inbox");
	if (r->f[IB_DONE].present && r->f[IB_DONE].error == NULL)
		req_set(r, "Done", r->f[IB_DONE].s);
	req_pager_init(r, IB_PAGE, INBOX_PER_PAGE, 0, &pg);
	if ((rc = inbox_list(r->app->db, r->a, r->sess->user.id,
	    pager_offset(&pg), pg.per, &l)) != ERR_OK)
		return status_of(rc);
	for (size_t i = 0; i < l.n; i++) {
		const struct inbox_item	*it = &l.v[i];
		HDF			*row = req_row(r, "Inbox.items", i);

		if (row == NULL ||
		    node_set(row, "id", arena_printf(r->a, "%lld", it->id)) == -1 ||
		    node_set(row, "kind", it->kind) == -1 ||
		    node_set(row, "title", it->title) == -1 ||
		    node_set(row, "body", it->body) == -1 ||
		    node_set(row, "link", it->link) == -1 ||
		    node_set(row, "created", beijing(r, it->created_at)) == -1 ||
		    (it->read_at == NULL && node_set(row, "unread", "1") == -1))
			return 500;
	}
	pg.total = l.total;
	if (req_setf(r, "Inbox.total", "%lld", l.total) == -1 ||
	    req_setf(r, "Inbox.page", "%lld", pg.page) == -1 ||
	    req_pager(r, &pg, "/inbox?") == -1)
		return 500;
	return 200;
}

/*
 * POST /inbox/{id}/read (the notice's recipient; the dispatcher loaded it
 * through inbox_get, so anyone else's is a 404): marks it read (one
 * transaction with its audit row; a notice read before stays as it was).
 * 303 to the notice's link with go=1 (the link is a path of this portal,
 * inbox_link_valid), else back to the list's page.
 */
int
handle_inbox_read(struct req *r)
{
	const struct inbox_item	*it = r->obj;
	struct audit_actor	 a;
	enum err		 rc;

	req_actor(r, &a);
	if ((rc = inbox_mark_read(r->app->db, &a, it->id)) != ERR_OK)
		return status_of(rc);
	if (r->f[IR_GO].i && it->link != NULL && *it->link != '\0' &&
	    inbox_link_valid(it->link))
		r->location = it->link;
	else if (r->f[IR_PAGE].present && r->f[IR_PAGE].error == NULL &&
	    r->f[IR_PAGE].i > 1)
		r->location = arena_printf(r->a, "/inbox?page=%lld&done=read",
		    r->f[IR_PAGE].i);
	else
		r->location = "/inbox?done=read";
	return r->location != NULL ? 303 : 500;
}

/*
 * POST /inbox/read-all (every signed-in user): marks all of the user's
 * unread notices read, one transaction with an audit row when there were
 * any.  303 to /inbox?done=read_all.
 */
int
handle_inbox_read_all(struct req *r)
{
	struct audit_actor	 a;
	enum err		 rc;

	req_actor(r, &a);
	if ((rc = inbox_mark_all_read(r->app->db, &a, NULL)) != ERR_OK)
		return status_of(rc);
	r->location = "/inbox?done=read_all";
	return 303;
}
