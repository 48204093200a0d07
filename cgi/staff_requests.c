/*
 * staff_requests.c -- requests on staff accounts and their decision by a
 * supervisor, on the intranet (issue 12 item 3, R-11.1, X-SEC, X-AUD).
 *
 * The province's operators ask on /users/{id} (users.c); these pages
 * list the requests of the reader's region scope and let a supervisor who
 * is neither the requester nor the target approve (the action runs in
 * the same transaction, lib/accounts/staff_request.h) or refuse with a reason.  A
 * request by id is loaded by the dispatcher through sreq_get(), which carries the region
 * scope in its SQL: one outside the scope is a 404 (audited).
 */
#include <stdio.h>
#include <string.h>

#include "routes.h"
#include "accounts/staff_request.h"
#include "core/timefmt.h"

#define SREQ_LIST_MAX	200

static const char *const done_choices[] = { "requested", "approved",
	"refused", NULL };

enum { SQV_DONE, SQV__MAX };
static const struct field sqv_fields[SQV__MAX] = {
	[SQV_DONE] = { .name = "done", .kind = FK_CHOICE, .choices = done_choices },
};
const struct form sreq_view_form = { sqv_fields, SQV__MAX };

enum { SQA_NOTE, SQA__MAX };
static const struct field sqa_fields[SQA__MAX] = {
	[SQA_NOTE] = { .name = "approve_note", .kind = FK_TEXT, .flags = F_TRIM,
	    .maxlen = 200 },
};
const struct form sreq_approve_form = { sqa_fields, SQA__MAX };

enum { SQR_NOTE, SQR__MAX };
static const struct field sqr_fields[SQR__MAX] = {
	[SQR_NOTE] = { .name = "refuse_note", .kind = FK_TEXT,
	    .flags = F_TRIM | F_REQUIRED, .maxlen = 200 },
};
const struct form sreq_refuse_form = { sqr_fields, SQR__MAX };

static void
beijing(const char *utc, char *out, size_t len)
{
	if (utc == NULL || utc[0] == '\0' || time_beijing(utc, out, len) == -1)
		snprintf(out, len, "%s", "");
}

/* One request's facts under `node`. */
static int
sreq_to_node(struct req *r, HDF *node, const struct staff_request *s)
{
	char	 at[32], dec[32];
	char	*key = arena_printf(r->a, "%s", acct_action_name(s->action));

	/* the action's name as an HDF key (strings.hdf S.SReq.act.*): no '-' */
	for (char *c = key; c != NULL && *c != '\0'; c++)
		if (*c == '-')
			*c = '_';

	beijing(s->requested_at, at, sizeof at);
	beijing(s->decided_at, dec, sizeof dec);
	if (node == NULL ||
	    node_set(node, "id", arena_printf(r->a, "%lld", s->id)) == -1 ||
	    node_set(node, "target_id", arena_printf(r->a, "%lld", s->target_id)) == -1 ||
	    node_set(node, "target", s->target_username) == -1 ||
	    node_set(node, "target_name", s->target_real_name) == -1 ||
	    node_set(node, "role", role_name(s->target_role)) == -1 ||
	    node_set(node, "region", s->region_name) == -1 ||
	    node_set(node, "action", acct_action_name(s->action)) == -1 ||
	    node_set(node, "act", key) == -1 ||
	    node_set(node, "reason", s->reason) == -1 ||
	    node_set(node, "status", sreq_status_name(s->status)) == -1 ||
	    node_set(node, "requester", s->requester_username) == -1 ||
	    node_set(node, "requester_name", s->requester_real_name) == -1 ||
	    node_set(node, "requested_at", at) == -1 ||
	    node_set(node, "decider", s->decider_username) == -1 ||
	    node_set(node, "decided_at", dec) == -1 ||
	    node_set(node, "note", s->decision_note) == -1)
		return -1;
	return 0;
}

/*
 * The pending requests of the signed-in user's region scope as HDF list
 * `name` (the supervisors' dashboard).  Returns the count, or -1 with
 * *st set to the HTTP status.
 */
long
sreq_pending_to_hdf(struct req *r, const char *name, int *st)
{
	struct staff_request	*v;
	size_t			 n;
	enum err		 rc;

	if ((rc = sreq_list(r->app->db, r->a, r->sess->user.region, false,
	    SREQ_LIST_MAX, &v, &n)) != ERR_OK) {
		*st = status_of(rc);
		return -1;
	}
	for (size_t i = 0; i < n; i++)
		if (sreq_to_node(r, req_row(r, name, i), &v[i]) == -1) {
			*st = 500;
			return -1;
		}
	return (long)n;
}

/*
 * GET /users/requests (operators, supervisors): the requests of the
 * region scope, pending ones first (oldest first), then the last decided.
 * 200.
 */
int
handle_sreqs(struct req *r)
{
	struct staff_request	*v;
	size_t			 n, np = 0, nd = 0;
	enum err		 rc;

	r->tmpl = TMPL_SREQS;
	req_set(r, "Page.nav", "staff_requests");
	if ((rc = sreq_list(r->app->db, r->a, r->sess->user.region, true,
	    SREQ_LIST_MAX, &v, &n)) != ERR_OK)
		return status_of(rc);
	for (size_t i = 0; i < n; i++) {
		HDF *row = v[i].status == SREQ_PENDING ?
		    req_row(r, "Pending", np++) : req_row(r, "Decided", nd++);

		if (sreq_to_node(r, row, &v[i]) == -1)
			return 500;
	}
	return 200;
}

/* The verdict of the rule table for the signed-in user deciding s. */
static enum acct_verdict
decide_rule(const struct req *r, const struct staff_request *s)
{
	struct acct_party me = { r->sess->user.id, r->sess->user.role,
	    r->sess->user.region };
	struct acct_party them = { s->target_id, s->target_role, s->region };

	return acct_rule_approve(&me, s->requested_by, &them, s->action);
}

static const char *
verdict_key(enum acct_verdict v)
{
	switch (v) {
	case RULE_SELF:
		return "SReq.self";
	case RULE_REQUESTER:
		return "SReq.requester";
	default:
		return "SReq.region";
	}
}

/* The detail page of s, with the decision forms a supervisor may use. */
static int
sreq_detail(struct req *r, const struct staff_request *s)
{
	enum acct_verdict v;

	r->tmpl = TMPL_SREQ;
	req_set(r, "Page.nav", "staff_requests");
	if (sreq_to_node(r, req_row(r, "Req", 0), s) == -1)
		return 500;
	if (r->sess->user.role != ROLE_SUPERVISOR || s->status != SREQ_PENDING)
		return 200;
	if ((v = decide_rule(r, s)) == RULE_OK)
		req_set(r, "Can.decide", "1");
	else
		req_set(r, "Cannot", views_str(r->app->views, verdict_key(v)));
	return 200;
}

/*
 * GET /users/requests/{id} (operators, supervisors): one request; a
 * supervisor who may decide it sees the approve and refuse forms.
 * ?done= shows the confirmation.  200; 404 outside the region scope.
 */
int
handle_sreq(struct req *r)
{
	struct staff_request	s;

	s = *(const struct staff_request *)r->obj;	/* the dispatcher's, scoped */
	if (r->f[SQV_DONE].present && r->f[SQV_DONE].error == NULL) {
		char key[48];

		snprintf(key, sizeof key, "SReq.done.%s", r->f[SQV_DONE].s);
		req_set(r, "Done", views_str(r->app->views, key));
	}
	return sreq_detail(r, &s);
}

/*
 * Decides the request of the path.  403 (audited) when the rule refuses
 * the signed-in supervisor (own account, the requester, outside the
 * region), with the page saying why; 200 with a message when it is no
 * longer pending or the account's state refuses the action; 400 with
 * the message next to the field for a refusal without a reason.  On
 * success 303 to /users/requests/{id}?done=approved|refused -- except an
 * approved password reset, which answers 200 with the one-time password,
 * shown this once to the approver and never stored or logged.
 */
static int
decide(struct req *r, bool approve)
{
	struct staff_request	 s;
	struct audit_actor	 a;
	enum acct_verdict	 v;
	char			 otp[OTP_LEN + 1], hash[PASSWORD_HASH_MAX];
	const char		*note = approve ? r->f[SQA_NOTE].s : r->f[SQR_NOTE].s;
	bool			 pw;
	enum err		 rc;
	int			 st;

	s = *(const struct staff_request *)r->obj;	/* the dispatcher's, scoped */
	if (s.status != SREQ_PENDING) {
		req_set(r, "Refused", views_str(r->app->views, "SReq.not_pending"));
		return sreq_detail(r, &s);
	}
	if ((v = decide_rule(r, &s)) != RULE_OK) {
		st = req_forbidden(r, "staff_request", s.id, acct_verdict_name(v));
		req_set(r, "Refused", views_str(r->app->views, verdict_key(v)));
		r->tmpl_on_4xx = true;
		return sreq_detail(r, &s) == 200 ? st : 500;
	}
	if (r->f[approve ? SQA_NOTE : SQR_NOTE].error != NULL) {
		r->tmpl_on_4xx = true;
		st = sreq_detail(r, &s);
		return st == 200 ? 400 : st;
	}
	pw = approve && s.action == ACCT_PW_RESET;
	if (pw && user_otp_hash(otp, hash) == -1)
		return 500;
	req_actor(r, &a);
	rc = sreq_decide(r->app->db, &a, r->sess->user.region, s.id, approve,
	    note, pw ? hash : NULL, &v);
	explicit_bzero(hash, sizeof hash);
	if (rc != ERR_OK && pw)
		explicit_bzero(otp, sizeof otp);
	if (rc == ERR_CONFLICT) {
		/* decided meanwhile, or the account's state moved on */
		if (sreq_get(r->app->db, r->a, &r->scope, s.id, &s) != ERR_OK)
			return 500;
		req_set(r, "Refused", views_str(r->app->views, s.status == SREQ_PENDING ?
		    "SReq.refused_state" : "SReq.not_pending"));
		return sreq_detail(r, &s);
	}
	if (rc == ERR_FORBIDDEN)
		return req_forbidden(r, "staff_request", s.id, acct_verdict_name(v));
	if (rc == ERR_NOTFOUND)
		return 404;
	if (rc != ERR_OK)
		return status_of(rc);
	if (pw) {
		st = req_set_secret(r, "Otp.password", otp);
		explicit_bzero(otp, sizeof otp);
		if (st == -1 ||
		    req_setf(r, "Target.id", "%lld", s.target_id) == -1 ||
		    req_set(r, "Target.username", s.target_username) == -1 ||
		    req_set(r, "Target.real_name", s.target_real_name) == -1)
			return 500;
		req_set(r, "Page.nav", "staff_requests");
		r->tmpl = TMPL_USER_OTP;
		return 200;
	}
	r->location = arena_printf(r->a, "/users/requests/%lld?done=%s", s.id,
	    approve ? "approved" : "refused");
	return r->location != NULL ? 303 : 500;
}

/* POST /users/requests/{id}/approve (supervisor; approve_note optional). */
int
handle_sreq_approve(struct req *r)
{
	return decide(r, true);
}

/* POST /users/requests/{id}/refuse (supervisor; refuse_note required). */
int
handle_sreq_refuse(struct req *r)
{
	return decide(r, false);
}
