/*
 * feedback.c -- users' suggestions and reports (issue 17 "Feedback",
 * Art. 9(6), 9(4), X-AUD): any signed-in user sends one on /feedback (on
 * either portal) to the operators of their region and reads the answers
 * there; an important-information report goes to the province's
 * operators at once, flagged, and only they see it.  On the intranet the
 * operators and supervisors list what reaches them (/feedback/manage),
 * operators answer (/feedback/{id}/answer).
 *
 * Scope: /feedback/{id} is loaded by the dispatcher (OBJ_FEEDBACK,
 * feedback_get with the staff predicate in the query); a sender's own
 * list is by their user id.
 */
#include <stdio.h>
#include <string.h>

#include "core/enumname.h"
#include "core/timefmt.h"
#include "info/feedback.h"
#include "routes.h"

#define FEEDBACK_PER_PAGE	20

static const char *const done_names[] = { "sent", "answered", NULL };

enum { FB_KIND, FB_SUBJECT, FB_BODY, FB_PAGE, FB_DONE, FB__MAX };

static const struct field feedback_fields[FB__MAX] = {
	[FB_KIND] = { .name = "kind", .kind = FK_CHOICE, .flags = F_REQUIRED, .choices = feedback_kind_names },
	[FB_SUBJECT] = { .name = "subject", .kind = FK_TEXT, .flags = F_REQUIRED | F_TRIM, .minlen = 4, .maxlen = 100 },
	[FB_BODY] = { .name = "body", .kind = FK_MULTILINE, .flags = F_REQUIRED | F_TRIM, .minlen = 10, .maxlen = 5000 },
	[FB_PAGE] = { .name = "page", .kind = FK_INT, .min = 1, .max = 100000 },
	[FB_DONE] = { .name = "done", .kind = FK_CHOICE, .choices = done_names },
};
const struct form feedback_form = { feedback_fields, FB__MAX };

enum { FM_STATE, FM_PAGE, FM__MAX };

static const struct field feedback_manage_fields[FM__MAX] = {
	[FM_STATE] = { .name = "state", .kind = FK_CHOICE, .choices = feedback_state_names },
	[FM_PAGE] = { .name = "page", .kind = FK_INT, .min = 1, .max = 100000 },
};
const struct form feedback_manage_form = { feedback_manage_fields, FM__MAX };

enum { FA_ANSWER, FA_DONE, FA__MAX };

static const struct field feedback_answer_fields[FA__MAX] = {
	[FA_ANSWER] = { .name = "answer", .kind = FK_MULTILINE, .flags = F_REQUIRED | F_TRIM, .minlen = 2, .maxlen = 5000 },
	[FA_DONE] = { .name = "done", .kind = FK_CHOICE, .choices = done_names },
};
const struct form feedback_answer_form = { feedback_answer_fields, FA__MAX };

static int
set_time(HDF *n, const char *key, const char *utc)
{
	char when[32];

	if (utc == NULL || *utc == '\0' || time_beijing(utc, when, sizeof when) != 0)
		return 0;
	return node_set(n, key, when);
}

static int
feedback_to_node(struct req *r, HDF *n, const struct feedback *f)
{
	if (n == NULL ||
	    node_set(n, "id", arena_printf(r->a, "%lld", f->id)) == -1 ||
	    node_set(n, "sender", f->sender) == -1 ||
	    node_set(n, "org", f->org) == -1 ||
	    node_set(n, "portal", f->portal) == -1 ||
	    node_set(n, "region_name", f->region_name) == -1 ||
	    node_set(n, "kind", feedback_kind_names[f->kind]) == -1 ||
	    node_set(n, "subject", f->subject) == -1 ||
	    node_set(n, "body", f->body) == -1 ||
	    node_set(n, "state", feedback_state_names[f->state]) == -1 ||
	    node_set(n, "answer", f->answer) == -1 ||
	    node_set(n, "answerer", f->answerer) == -1 ||
	    set_time(n, "answered", f->answered_at) == -1 ||
	    set_time(n, "created", f->created_at) == -1)
		return -1;
	return 0;
}

static int
list_to_hdf(struct req *r, const char *name, const struct feedback_list *l,
    struct pager *pg, const char *href)
{
	for (size_t i = 0; i < l->n; i++)
		if (feedback_to_node(r, req_row(r, arena_printf(r->a, "%s.rows", name), i),
		    &l->v[i]) == -1)
			return -1;
	pg->total = l->total;
	return req_pager(r, pg, href);
}

/*
 * GET /feedback (any signed-in user, both portals): the form and the
 * user's own feedback with the answers.  POST: kind (suggestion, problem,
 * important), subject, body; sent to the operators of the user's region
 * (the province's for an important report), 303 to /feedback?done=sent.
 * 200 with the messages next to the fields and the text as typed.
 */
int
handle_feedback(struct req *r)
{
	struct audit_actor	 a;
	struct feedback_list	 l;
	struct pager		 pg;
	long long		 id;
	enum err		 rc;

	r->tmpl = TMPL_FEEDBACK;
	req_set(r, "Page.nav", "feedback");
	if (r->method == HTTP_POST && r->nerrors == 0) {
		req_actor(r, &a);
		rc = feedback_create(r->app->db, &a, r->sess->user.region,
		    r->app->cfg->portal_name,
		    enum_parse(feedback_kind_names, FBK__MAX, r->f[FB_KIND].s),
		    r->f[FB_SUBJECT].s, r->f[FB_BODY].s, &id);
		if (rc != ERR_OK)
			return status_of(rc);
		r->location = "/feedback?done=sent";
		return 303;
	}
	if (r->method != HTTP_POST && r->f[FB_DONE].present &&
	    r->f[FB_DONE].error == NULL)
		req_set(r, "Done", views_str(r->app->views,
		    arena_printf(r->a, "Feedback.done.%s", r->f[FB_DONE].s)));
	req_pager_init(r, FB_PAGE, FEEDBACK_PER_PAGE, 0, &pg);
	if ((rc = feedback_list_own(r->app->db, r->a, r->sess->user.id,
	    (size_t)pg.page - 1, FEEDBACK_PER_PAGE, &l)) != ERR_OK)
		return status_of(rc);
	return list_to_hdf(r, "Own", &l, &pg, "/feedback?") == 0 ? 200 : 500;
}

/*
 * GET /feedback/manage (operators, supervisors): the feedback of their
 * region (all for the province; important reports for the province's
 * operators only), open first; ?state= filter.
 */
int
handle_feedback_manage(struct req *r)
{
	struct feedback_list	 l;
	struct pager		 pg;
	int			 state = -1;
	enum err		 rc;

	r->tmpl = TMPL_FEEDBACK_MANAGE;
	req_set(r, "Page.nav", "feedback_manage");
	if (r->f[FM_STATE].present && r->f[FM_STATE].error == NULL)
		state = enum_parse(feedback_state_names, FBS__MAX, r->f[FM_STATE].s);
	req_pager_init(r, FM_PAGE, FEEDBACK_PER_PAGE, 0, &pg);
	if ((rc = feedback_list_staff(r->app->db, r->a, &r->scope, state,
	    (size_t)pg.page - 1, FEEDBACK_PER_PAGE, &l)) != ERR_OK)
		return status_of(rc);
	return list_to_hdf(r, "Manage", &l, &pg, arena_printf(r->a,
	    "/feedback/manage?state=%s&", state >= 0 ?
	    feedback_state_names[state] : "")) == 0 ? 200 : 500;
}

/* One feedback (r->obj, loaded in the actor's scope) as "Feedback", with
 * the answer form for an operator while it is open. */
static int
item_page(struct req *r, const struct feedback *f)
{
	HDF *n = NULL;

	r->tmpl = TMPL_FEEDBACK_ITEM;
	req_set(r, "Page.nav", "feedback_manage");
	if (hdf_get_node(r->hdf, "Feedback", &n) != STATUS_OK ||
	    feedback_to_node(r, n, f) == -1)
		return 500;
	if (r->sess->user.role == ROLE_OPERATOR &&
	    step_next(&feedback_machine, (int)f->state, FBA_ANSWER) >= 0)
		req_set(r, "Can.answer", "1");
	return 0;
}

/* GET /feedback/{id} (operators, supervisors within scope): the feedback,
 * its sender and, once answered, the answer.  404 outside the scope. */
int
handle_feedback_item(struct req *r)
{
	const struct feedback *f = r->obj;

	if (item_page(r, f) != 0)
		return 500;
	if (r->f[FA_DONE].present && r->f[FA_DONE].error == NULL)
		req_set(r, "Done", views_str(r->app->views,
		    arena_printf(r->a, "Feedback.done.%s", r->f[FA_DONE].s)));
	return 200;
}

/* POST /feedback/{id}/answer (operators within scope): answer (required);
 * 303 to /feedback/{id}?done=answered; 400 with the message next to it;
 * 409 when already answered. */
int
handle_feedback_answer(struct req *r)
{
	const struct feedback	*f = r->obj;
	struct audit_actor	 a;
	enum err		 rc;

	if (r->nerrors > 0) {
		if (item_page(r, f) != 0)
			return 500;
		r->tmpl_on_4xx = true;
		return 400;
	}
	req_actor(r, &a);
	rc = feedback_answer(r->app->db, &a, &r->scope, f->id, r->f[FA_ANSWER].s);
	if (rc == ERR_NOTFOUND)
		return 404;
	if (rc == ERR_CONFLICT)
		return 409;
	if (rc != ERR_OK)
		return status_of(rc);
	r->location = arena_printf(r->a, "/feedback/%lld?done=answered", f->id);
	return r->location != NULL ? 303 : 500;
}
