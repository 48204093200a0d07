/*
 * rules.c -- the measures and their revisions (issue 17 "The measures
 * and revisions", R-17.1, X-AUD): /rules and /rules/{id} on both portals
 * (the internet's without signing in): the text in force, every version
 * with its effective date, and for a revision what changed, paragraph by
 * paragraph, against the version it revises (rule_diff).  On the
 * intranet the province's operators draft, edit and submit a revision
 * (/rules/new, /rules/{id}/edit|submit); a supervisor of the province
 * who did not draft it publishes it or sends it back
 * (/rules/{id}/approve|reject).
 *
 * Scope: /rules/{id} is loaded by the dispatcher (OBJ_RULE, rule_get:
 * published versions for everyone, drafts for the province's offices in
 * the statement); the changes lock the row with the same predicate.
 */
#include <stdio.h>
#include <string.h>

#include "core/timefmt.h"
#include "info/rule.h"
#include "info/rule_diff.h"
#include "routes.h"

static const char *const done_names[] = { "created", "updated", "submitted",
	"approved", "rejected", NULL };
static const char *const view_names[] = { "diff", "text", NULL };

enum { RV_DONE, RV_VIEW, RV__MAX };

static const struct field rule_view_fields[RV__MAX] = {
	[RV_DONE] = { .name = "done", .kind = FK_CHOICE, .choices = done_names },
	[RV_VIEW] = { .name = "view", .kind = FK_CHOICE, .choices = view_names },
};
const struct form rule_view_form = { rule_view_fields, RV__MAX };

/* An effective date not before today (Beijing). */
static const char *
check_effective(struct arena *a, struct fval *v)
{
	char today[16];

	(void)a;
	beijing_date(today, sizeof today);
	return strcmp(v->s, today) >= 0 ? NULL : "rule_past";
}

enum { RF_TITLE, RF_BODY, RF_SUMMARY, RF_EFFECTIVE, RF_VERSION, RF__MAX };

static const struct field rule_edit_fields[RF__MAX] = {
	[RF_TITLE] = { .name = "title", .kind = FK_TEXT, .flags = F_REQUIRED | F_TRIM, .minlen = 4, .maxlen = 200 },
	[RF_BODY] = { .name = "body", .kind = FK_MULTILINE, .flags = F_REQUIRED | F_TRIM, .minlen = 20, .maxlen = RULE_BODY_MAX },
	[RF_SUMMARY] = { .name = "summary", .kind = FK_MULTILINE, .flags = F_REQUIRED | F_TRIM, .minlen = 4, .maxlen = 1000 },
	[RF_EFFECTIVE] = { .name = "effective_on", .kind = FK_DATE, .flags = F_REQUIRED | F_TRIM, .check = check_effective },
	[RF_VERSION] = { .name = "version", .kind = FK_INT, .min = 1, .max = 1000000000 },
};
const struct form rule_edit_form = { rule_edit_fields, RF__MAX };

bool
rule_reader_staff(const struct req *r)
{
	return r->sess != NULL && r->app->cfg->portal == PORTAL_INTRANET &&
	    rule_staff(&r->scope);
}

static bool
drafts(const struct req *r)
{
	return rule_reader_staff(r) && r->sess->user.role == ROLE_OPERATOR;
}

static bool
approves(const struct req *r)
{
	return rule_reader_staff(r) && r->sess->user.role == ROLE_SUPERVISOR;
}

static int
set_time(HDF *n, const char *key, const char *utc)
{
	char when[32];

	if (utc == NULL || *utc == '\0' || time_beijing(utc, when, sizeof when) != 0)
		return node_set(n, key, "");
	return node_set(n, key, when);
}

static int
rule_to_node(struct req *r, HDF *n, const struct rule *v, const char *today)
{
	if (n == NULL ||
	    node_set(n, "id", arena_printf(r->a, "%lld", v->id)) == -1 ||
	    node_set(n, "title", v->title) == -1 ||
	    node_set(n, "summary", v->summary) == -1 ||
	    node_set(n, "effective_on", v->effective_on) == -1 ||
	    node_set(n, "state", rule_state_names[v->state]) == -1 ||
	    node_set(n, "base", v->base_id > 0 ?
	    arena_printf(r->a, "%lld", v->base_id) : "") == -1 ||
	    node_set(n, "drafter", v->drafter) == -1 ||
	    node_set(n, "approver", v->approver) == -1 ||
	    set_time(n, "published", v->published_at) == -1 ||
	    node_set(n, "in_force", v->state == RLS_PUBLISHED &&
	    strcmp(v->effective_on, today) <= 0 ? "1" : "") == -1)
		return -1;
	return 0;
}

/*
 * GET /rules (both portals; the internet's without signing in): the
 * version in force and every published version with its effective date,
 * newest first; for the province's offices the drafts and pending
 * revisions too, and the way to draft one.
 */
int
handle_rules(struct req *r)
{
	struct rule_list l;
	struct rule	 cur;
	char		 today[16];
	enum err	 rc;

	r->tmpl = TMPL_RULES;
	req_set(r, "Page.nav", "rules");
	beijing_date(today, sizeof today);
	if (drafts(r))
		req_set(r, "Can.draft", "1");
	if ((rc = rule_current(r->app->db, r->a, today, &cur)) == ERR_OK)
		req_setf(r, "Current.id", "%lld", cur.id);
	else if (rc != ERR_NOTFOUND)
		return status_of(rc);
	if ((rc = rule_list(r->app->db, r->a, rule_reader_staff(r), &l)) != ERR_OK)
		return status_of(rc);
	for (size_t i = 0; i < l.n; i++)
		if (rule_to_node(r, req_row(r, "Rules.rows", i), &l.v[i], today) == -1)
			return 500;
	if (r->sess == NULL)
		r->cacheable = true;
	return 200;
}

/* Paragraphs of `text` as `name`.<i>. */
static int
paras_to_hdf(struct req *r, const char *name, const char *text)
{
	const char	**p;
	size_t		  n;

	if (rule_paragraphs(r->a, text, &p, &n) != 0)
		return -1;
	for (size_t i = 0; i < n; i++)
		if (req_set(r, arena_printf(r->a, "%s.%zu", name, i), p[i]) == -1)
			return -1;
	return 0;
}

/* The changes from `old` to `new` as Diff.rows (op, text) and the
 * counts Diff.added, Diff.deleted. */
static int
diff_to_hdf(struct req *r, const char *old, const char *new)
{
	const char		**pa, **pb;
	size_t			  na, nb, n, add = 0, del = 0;
	struct rule_edit	 *e;
	static const char *const op[] = { [RD_SAME] = "same", [RD_DEL] = "del",
	    [RD_ADD] = "add" };

	if (rule_paragraphs(r->a, old, &pa, &na) != 0 ||
	    rule_paragraphs(r->a, new, &pb, &nb) != 0)
		return -1;
	if (rule_diff(r->a, pa, na, pb, nb, &e, &n) != 0) {
		req_set(r, "Diff.too_big", "1");
		return 0;
	}
	for (size_t i = 0; i < n; i++) {
		HDF *row = req_row(r, "Diff.rows", i);

		if (row == NULL || node_set(row, "op", op[e[i].op]) == -1 ||
		    node_set(row, "text", e[i].text) == -1)
			return -1;
		add += e[i].op == RD_ADD;
		del += e[i].op == RD_DEL;
	}
	req_setf(r, "Diff.added", "%zu", add);
	req_setf(r, "Diff.deleted", "%zu", del);
	return 0;
}

/* The page of version `v` with what this user may do. */
static int
rule_page(struct req *r, const struct rule *v, bool diff)
{
	struct rule	 base;
	char		 today[16];
	HDF		*n = NULL;
	enum err	 rc;

	r->tmpl = TMPL_RULE;
	req_set(r, "Page.nav", "rules");
	beijing_date(today, sizeof today);
	if (hdf_get_node(r->hdf, "Rule", &n) != STATUS_OK ||
	    rule_to_node(r, n, v, today) == -1)
		return 500;
	if (v->base_id > 0) {
		if ((rc = rule_get(r->app->db, r->a, rule_reader_staff(r), v->base_id,
		    &base)) != ERR_OK)
			return status_of(rc);
		req_set(r, "Base.title", base.title);
		req_set(r, "Base.effective_on", base.effective_on);
		if (diff) {
			req_set(r, "View.diff", "1");
			if (diff_to_hdf(r, base.body, v->body) == -1)
				return 500;
		}
	}
	if (!diff || v->base_id == 0) {
		if (paras_to_hdf(r, "Text", v->body) == -1)
			return 500;
	}
	if (drafts(r) && step_next(&rule_machine, (int)v->state, RLA_EDIT) >= 0) {
		req_set(r, "Can.edit", "1");
		req_set(r, "Can.submit", "1");
	}
	if (approves(r) && step_next(&rule_machine, (int)v->state, RLA_APPROVE) >= 0) {
		req_set(r, "Can.reject", "1");
		if (v->drafted_by != r->sess->user.id)
			req_set(r, "Can.approve", "1");
	}
	return 0;
}

/*
 * GET /rules/{id} (both portals): one version; a revision shows what
 * changed against the version it revises (?view=diff, the default) or
 * its whole text (?view=text).  404 for a draft outside the province's
 * offices.
 */
int
handle_rule(struct req *r)
{
	const struct rule	*v = r->obj;
	bool			 diff = !(r->f[RV_VIEW].present &&
	    r->f[RV_VIEW].error == NULL && strcmp(r->f[RV_VIEW].s, "text") == 0);
	int			 st;

	if ((st = rule_page(r, v, diff)) != 0)
		return st;
	if (r->f[RV_DONE].present && r->f[RV_DONE].error == NULL)
		req_set(r, "Done", views_str(r->app->views,
		    arena_printf(r->a, "Rules.done.%s", r->f[RV_DONE].s)));
	if (r->sess == NULL)
		r->cacheable = true;
	return 200;
}

static void
input_of(const struct req *r, struct rule_input *in)
{
	in->title = r->f[RF_TITLE].s;
	in->body = r->f[RF_BODY].s;
	in->summary = r->f[RF_SUMMARY].s;
	in->effective_on = r->f[RF_EFFECTIVE].s;
}

/*
 * GET /rules/new (the province's operators): the form, opened with the
 * text in force to revise.  POST: title, body, summary (what the
 * revision changes), effective date (not before today); a draft, 303 to
 * /rules/{id}?done=created.  200 with the messages next to the fields
 * and the text as typed; 403 (audited) for a city's operator.
 */
int
handle_rule_new(struct req *r)
{
	struct audit_actor	 a;
	struct rule_input	 in;
	struct rule		 cur;
	char			 today[16];
	long long		 id;
	enum err		 rc;

	if (!drafts(r))
		return req_forbidden(r, "rule", 0, "not the province's operator");
	r->tmpl = TMPL_RULE_EDIT;
	req_set(r, "Page.nav", "rules");
	req_set(r, "Edit.new", "1");
	if (r->method != HTTP_POST) {
		beijing_date(today, sizeof today);
		if ((rc = rule_current(r->app->db, r->a, today, &cur)) == ERR_OK) {
			req_set(r, "Form.title.value", cur.title);
			req_set(r, "Form.body.value", cur.body);
		} else if (rc != ERR_NOTFOUND)
			return status_of(rc);
		return 200;
	}
	if (r->nerrors > 0)
		return 200;
	input_of(r, &in);
	req_actor(r, &a);
	if ((rc = rule_create(r->app->db, &a, &in, &id)) != ERR_OK)
		return status_of(rc);
	r->location = arena_printf(r->a, "/rules/%lld?done=created", id);
	return r->location != NULL ? 303 : 500;
}

/*
 * GET /rules/{id}/edit (the province's operators, a draft): the form
 * with the stored text.  POST: the fields of /rules/new and the version
 * it was opened at; 303 to /rules/{id}?done=updated; 200 with messages;
 * 409 when not a draft or changed meanwhile (the form kept).
 */
int
handle_rule_edit(struct req *r)
{
	const struct rule	*v = r->obj;
	struct audit_actor	 a;
	struct rule_input	 in;
	enum err		 rc;

	if (!drafts(r))
		return req_forbidden(r, "rule", v->id, "not the province's operator");
	if (step_next(&rule_machine, (int)v->state, RLA_EDIT) < 0)
		return 409;
	r->tmpl = TMPL_RULE_EDIT;
	req_set(r, "Page.nav", "rules");
	req_setf(r, "Edit.id", "%lld", v->id);
	if (r->method != HTTP_POST) {
		req_set(r, "Form.title.value", v->title);
		req_set(r, "Form.body.value", v->body);
		req_set(r, "Form.summary.value", v->summary);
		req_set(r, "Form.effective_on.value", v->effective_on);
		req_setf(r, "Form.version.value", "%u", v->version);
		return 200;
	}
	if (r->nerrors > 0)
		return 200;
	if (!r->f[RF_VERSION].present)
		return 400;
	input_of(r, &in);
	req_actor(r, &a);
	rc = rule_edit(r->app->db, &a, &r->scope, v->id,
	    (unsigned)r->f[RF_VERSION].i, &in);
	if (rc == ERR_NOTFOUND)
		return 404;
	if (rc == ERR_CONFLICT) {
		r->tmpl_on_4xx = true;
		req_set(r, "Edit.conflict", "1");
		req_setf(r, "Form.version.value", "%u", v->version);
		return 409;
	}
	if (rc != ERR_OK)
		return status_of(rc);
	r->location = arena_printf(r->a, "/rules/%lld?done=updated", v->id);
	return r->location != NULL ? 303 : 500;
}

static int
step(struct req *r, bool allowed, int action, const char *done)
{
	const struct rule	*v = r->obj;
	struct audit_actor	 a;
	enum err		 rc;

	if (!allowed)
		return req_forbidden(r, "rule", v->id, "not the province's office");
	req_actor(r, &a);
	rc = rule_step(r->app->db, &a, &r->scope, v->id, action);
	if (rc == ERR_NOTFOUND)
		return 404;
	if (rc == ERR_CONFLICT)
		return 409;
	if (rc == ERR_FORBIDDEN)
		return 403;
	if (rc != ERR_OK)
		return status_of(rc);
	r->location = arena_printf(r->a, "/rules/%lld?done=%s", v->id, done);
	return r->location != NULL ? 303 : 500;
}

/* POST /rules/{id}/submit (the province's operators): the draft waits
 * for a supervisor.  303; 409 when not a draft. */
int
handle_rule_submit(struct req *r)
{
	return step(r, drafts(r), RLA_SUBMIT, "submitted");
}

/* POST /rules/{id}/approve (the province's supervisors, not the
 * drafter): published, in force from its effective date; users are told
 * at their next sign-in after that.  303; 403 for the drafter (audited);
 * 409 when not pending. */
int
handle_rule_approve(struct req *r)
{
	return step(r, approves(r), RLA_APPROVE, "approved");
}

/* POST /rules/{id}/reject (the province's supervisors): back to draft.
 * 303; 409 when not pending. */
int
handle_rule_reject(struct req *r)
{
	return step(r, approves(r), RLA_REJECT, "rejected");
}
