/*
 * users.c -- the operators' user pages on the intranet: list, detail and
 * the account actions (unlock, password reset, suspend, reactivate, TOTP
 * reset) (R-02.2, R-11.1, X-AUD).
 *
 * Operators and supervisors see; only operators act (the route table says
 * so).  Every page about one user checks the region scope first: a user
 * outside the actor's region is a 403 with an access.denied audit row,
 * whatever the page.  What an operator may do to whom is the rule table
 * (lib/accounts/account_rule.h); what the account's state allows is the state
 * table (lib/accounts/account_state.h); user_step() runs the step with its audit
 * row and checks both again under the row lock.
 */
#include <stdio.h>
#include <string.h>

#include "accounts/account_rule.h"
#include "oversight/auditlog.h"
#include "routes.h"
#include "accounts/perm.h"
#include "crypto/seal.h"
#include "accounts/staff_request.h"
#include "core/timefmt.h"

#define USERS_PER_PAGE	20
#define USER_HISTORY	20

enum { USERS_Q, USERS_PAGE, USERS__MAX };

static const struct field users_fields[USERS__MAX] = {
	[USERS_Q] = { .name = "q", .kind = FK_TEXT, .flags = F_TRIM, .maxlen = 50 },
	[USERS_PAGE] = { .name = "page", .kind = FK_INT, .min = 1, .max = 100000 },
};
const struct form users_form = { users_fields, USERS__MAX };

/* The actions, by the name they carry in ?done= after the redirect. */
enum act { ACT_UNLOCK, ACT_RESET_PW, ACT_SUSPEND, ACT_REACTIVATE,
	ACT_TOTP_RESET, ACT__MAX };

static const char *const act_done[ACT__MAX + 1] = {
	[ACT_UNLOCK] = "unlock", [ACT_RESET_PW] = "reset-password",
	[ACT_SUSPEND] = "suspend", [ACT_REACTIVATE] = "reactivate",
	[ACT_TOTP_RESET] = "totp-reset", [ACT__MAX] = NULL,
};

/* Its name in HDF and strings.hdf (no '-' there). */
static const char *const act_key[ACT__MAX] = {
	[ACT_UNLOCK] = "unlock", [ACT_RESET_PW] = "reset_pw",
	[ACT_SUSPEND] = "suspend", [ACT_REACTIVATE] = "reactivate",
	[ACT_TOTP_RESET] = "totp_reset",
};

/* The step of the state table each runs. */
static const enum acct_action act_step[ACT__MAX] = {
	[ACT_UNLOCK] = ACCT_UNLOCK, [ACT_RESET_PW] = ACCT_PW_RESET,
	[ACT_SUSPEND] = ACCT_SUSPEND, [ACT_REACTIVATE] = ACCT_REACTIVATE,
	[ACT_TOTP_RESET] = ACCT_TOTP_RESET,
};

enum { USER_DONE, USER__MAX };

static const struct field user_fields[USER__MAX] = {
	[USER_DONE] = { .name = "done", .kind = FK_CHOICE, .choices = act_done },
};
const struct form user_form = { user_fields, USER__MAX };

/* POST /users/{id}/suspend: the reason is required (kept on the account
 * and in the audit row; a gov user's suspension waits on the dashboard
 * for its change form). */
enum { SUSPEND_REASON, SUSPEND__MAX };

static const struct field suspend_fields[SUSPEND__MAX] = {
	[SUSPEND_REASON] = { .name = "reason", .kind = FK_TEXT,
	    .flags = F_TRIM | F_REQUIRED, .maxlen = 200 },
};
const struct form user_suspend_form = { suspend_fields, SUSPEND__MAX };

/* POST /users/{id}/request: what the province's operator asks for on a
 * staff account (lib/accounts/staff_request.h), and why (required). */
enum { UREQ_ACTION, UREQ_REASON, UREQ__MAX };

static const struct field ureq_fields[UREQ__MAX] = {
	[UREQ_ACTION] = { .name = "ask_action", .kind = FK_CHOICE,
	    .flags = F_REQUIRED, .choices = act_done },
	[UREQ_REASON] = { .name = "ask_reason", .kind = FK_TEXT,
	    .flags = F_TRIM | F_REQUIRED, .maxlen = 200 },
};
const struct form user_request_form = { ureq_fields, UREQ__MAX };

static bool
is_staff(const struct user *u)
{
	return (ROLES_STAFF & ROLE_BIT(u->role)) != 0;
}

/* Does u's present state allow `act` by an operator (the state table;
 * a TOTP reset also needs an enrolment)? */
static bool
act_allowed(enum act act, const struct user *u)
{
	const char *why;

	if (act == ACT_TOTP_RESET && !(is_staff(u) && u->totp_enrolled))
		return false;
	return acct_lookup(u->status, act_step[act], ACCT_BY_OPERATOR, &why) != NULL;
}

/* The rule table's verdict for the signed-in user doing `act` to u. */
static enum acct_verdict
act_rule(const struct req *r, enum act act, const struct user *u)
{
	struct acct_party me = { r->sess->user.id, r->sess->user.role,
	    r->sess->user.region };
	struct acct_party them = { u->id, u->role, u->region };

	return acct_rule(&me, &them, act_step[act]);
}

/* The staff table's verdict for the signed-in user asking for `act` on u. */
static enum acct_verdict
ask_rule(const struct req *r, enum act act, const struct user *u)
{
	struct acct_party me = { r->sess->user.id, r->sess->user.role,
	    r->sess->user.region };
	struct acct_party them = { u->id, u->role, u->region };

	return acct_rule_request(&me, &them, act_step[act]);
}

static void
set_time(struct req *r, const char *name, const char *utc)
{
	char when[32];

	if (time_beijing(utc, when, sizeof when) == 0)
		req_set(r, name, when);
}

/* The user's facts and what the signed-in user may do to it. */
static int
target_to_hdf(struct req *r, const struct user *u)
{
	bool operator = r->sess->user.role == ROLE_OPERATOR;
	bool self = u->id == r->sess->user.id;

	if (req_setf(r, "Target.id", "%lld", u->id) == -1 ||
	    req_set(r, "Target.username", u->username) == -1 ||
	    req_set(r, "Target.real_name", u->real_name) == -1 ||
	    req_set(r, "Target.role", role_name(u->role)) == -1 ||
	    req_set(r, "Target.region", u->region) == -1 ||
	    req_set(r, "Target.region_name", u->region_name) == -1 ||
	    req_set(r, "Target.org_kind", u->org_kind) == -1 ||
	    req_set(r, "Target.org_name", u->org_name) == -1 ||
	    req_set(r, "Target.contact", contact_mask(r->a, u->contact)) == -1 ||
	    req_set(r, "Target.status", user_status_name(u->status)) == -1 ||
	    req_set(r, "Target.must_change_pw", u->must_change_pw ? "1" : "0") == -1 ||
	    req_set(r, "Target.totp", u->totp_enrolled ? "1" : "0") == -1 ||
	    req_set(r, "Target.staff", is_staff(u) ? "1" : "0") == -1 ||
	    req_setf(r, "Target.pw_age", "%d", u->pw_age_days) == -1)
		return -1;
	set_time(r, "Target.locked_until", u->locked_until);
	set_time(r, "Target.last_login", u->last_login_at);
	set_time(r, "Target.created", u->created_at);
	if (self)
		req_set(r, "Target.self", "1");
	if (u->status_reason != NULL && u->status_reason[0] != '\0' &&
	    req_set(r, "Target.status_reason", u->status_reason) == -1)
		return -1;
	if (u->role == ROLE_GOV) {
		req_set(r, "Target.gov", "1");
		/* what the account holds within its role (issue 16) */
		if ((u->perms & PERM_BIT(PERM_CREDIT_VIEW) &&
		    req_set(r, "Target.perms.view", "1") == -1) ||
		    (u->perms & PERM_BIT(PERM_CREDIT_IMPORT) &&
		    req_set(r, "Target.perms.import", "1") == -1))
			return -1;
	}
	if (!operator || self || u->status == USER_REVOKED)
		return 0;
	req_set(r, "Can.act", "1");
	for (int i = 0; i < ACT__MAX; i++) {
		enum acct_verdict	v = act_rule(r, (enum act)i, u);
		char			name[48];

		/* what the rule table refuses is said once, not offered */
		if (v == RULE_STAFF)
			req_set(r, "Rule.staff", "1");
		if (v == RULE_VIA_FORM && act_allowed((enum act)i, u))
			req_set(r, "Rule.via_form", "1");
		snprintf(name, sizeof name, "Can.%s", act_key[i]);
		if (v == RULE_OK && act_allowed((enum act)i, u) &&
		    req_set(r, name, "1") == -1)
			return -1;
		/* a staff account: what the province's operator may ask for */
		if (v == RULE_STAFF && ask_rule(r, (enum act)i, u) == RULE_OK &&
		    act_allowed((enum act)i, u)) {
			snprintf(name, sizeof name, "Ask.%s", act_key[i]);
			if (req_set(r, "Can.request", "1") == -1 ||
			    req_set(r, name, act_done[i]) == -1)
				return -1;
		}
	}
	return 0;
}

/* Fills the detail page of u (facts, actions, recent audit rows). */
static int
detail(struct req *r, const struct user *u)
{
	struct auditlog_list	l;
	enum err		rc;

	r->tmpl = TMPL_USER;
	req_set(r, "Page.nav", "users");
	if (target_to_hdf(r, u) == -1)
		return 500;
	if ((rc = auditlog_of_user(r->app->db, r->a, u->id, USER_HISTORY, &l)) != ERR_OK)
		return status_of(rc);
	if (audit_rows_to_hdf(r, "History", &l) == -1)
		return 500;
	return 200;
}

/*
 * GET /users (operator, supervisor): users of the actor's region (all of
 * them for the province), 20 a page, matching ?q= against username, real
 * name or organisation.  200; a bad field shows its message and the
 * first page.
 */
int
handle_users(struct req *r)
{
	struct user_list	 l;
	const char		*q = r->f[USERS_Q].error == NULL ? r->f[USERS_Q].s : "";
	const char		*eq;
	struct pager		 pg;
	enum err		 rc;

	r->tmpl = TMPL_USERS;
	req_set(r, "Page.nav", "users");
	req_set(r, "Users.scope", r->sess->user.region);
	req_set(r, "Users.scope_name", r->sess->user.region_name);
	req_pager_init(r, USERS_PAGE, USERS_PER_PAGE, 0, &pg);
	if ((rc = user_search(r->app->db, r->a, r->sess->user.region, q,
	    (size_t)pg.page - 1, USERS_PER_PAGE, &l)) != ERR_OK)
		return status_of(rc);
	for (size_t i = 0; i < l.n; i++) {
		const struct user	*u = &l.v[i];
		HDF			*row = req_row(r, "Users.rows", i);
		char			 id[24];

		snprintf(id, sizeof id, "%lld", u->id);
		if (row == NULL || node_set(row, "id", id) == -1 ||
		    node_set(row, "username", u->username) == -1 ||
		    node_set(row, "real_name", u->real_name) == -1 ||
		    node_set(row, "role", role_name(u->role)) == -1 ||
		    node_set(row, "region", u->region) == -1 ||
		    node_set(row, "region_name", u->region_name) == -1 ||
		    node_set(row, "org_name", u->org_name) == -1 ||
		    node_set(row, "status", user_status_name(u->status)) == -1)
			return 500;
	}
	pg.total = l.total;
	if ((eq = query_escape(r->a, q)) == NULL ||
	    req_pager(r, &pg, arena_printf(r->a, "/users?q=%s&", eq)) == -1)
		return 500;
	return 200;
}

/*
 * GET /users/{id} (operator, supervisor): one user's account, the
 * actions the actor may take on it and its 20 most recent audit rows.
 * ?done=<action> shows the confirmation after an action.  200; 404 for
 * no such user; 403 (audited) outside the actor's region.
 */
int
handle_user(struct req *r)
{
	struct user	u;

	u = *(const struct user *)r->obj;	/* the dispatcher's, scoped */
	for (int i = 0; r->f[USER_DONE].present && i < ACT__MAX; i++) {
		char key[48];

		if (strcmp(r->f[USER_DONE].s, act_done[i]) != 0)
			continue;
		snprintf(key, sizeof key, "User.done.%s", act_key[i]);
		req_set(r, "Done", views_str(r->app->views, key));
	}
	return detail(r, &u);
}

/*
 * Runs an action of an operator on the user of the path.  Answers 404 /
 * 403 as handle_user; 403 (audited) for the actor's own account or a
 * revoked user; 200 with the detail page and a message when the user's
 * state does not allow it (unlocking an unlocked user...); else 303 to
 * /users/{id}?done=<action> -- except a password reset, which answers 200
 * with the one-time password, shown this once and never stored or logged.
 */
static int
act(struct req *r, enum act what)
{
	struct audit_actor	 a;
	struct user		 u;
	struct acct_change	 ch = { .action = act_step[what], .by = ACCT_BY_OPERATOR };
	enum acct_verdict	 v;
	char			 otp[OTP_LEN + 1], oid[24];
	enum err		 rc;
	int			 st;

	u = *(const struct user *)r->obj;	/* the dispatcher's, scoped */
	if ((v = act_rule(r, what, &u)) == RULE_SELF)
		return req_forbidden(r, "user", u.id, "own account");
	if (u.status == USER_REVOKED)
		return req_forbidden(r, "user", u.id, "user revoked");
	if (v == RULE_STAFF || v == RULE_VIA_FORM) {
		/* refused by the rule table: audited, and the page says
		 * where the change is made instead */
		req_actor(r, &a);
		snprintf(oid, sizeof oid, "%lld", u.id);
		(void)audit_write1(r->app->db, &a, "access.denied", "user", oid,
		    AUDIT_DENIED, acct_verdict_name(v));
		req_set(r, "Refused", views_str(r->app->views, v == RULE_STAFF ?
		    "User.rule_staff" : "User.rule_via_form"));
		r->tmpl_on_4xx = true;
		st = detail(r, &u);
		return st == 200 ? 403 : st;
	}
	if (v != RULE_OK)
		return req_forbidden(r, "user", u.id, acct_verdict_name(v));
	if (!act_allowed(what, &u)) {
		req_set(r, "Refused", views_str(r->app->views, "User.refused"));
		return detail(r, &u);
	}
	if (what == ACT_SUSPEND) {
		if (r->f[SUSPEND_REASON].error != NULL) {
			r->tmpl_on_4xx = true;
			st = detail(r, &u);
			return st == 200 ? 400 : st;
		}
		ch.reason = r->f[SUSPEND_REASON].s;
	}
	req_actor(r, &a);
	switch (what) {
	case ACT_UNLOCK:
	case ACT_REACTIVATE:
	case ACT_SUSPEND:
		rc = user_step(r->app->db, &a, u.id, &ch, NULL);
		break;
	case ACT_TOTP_RESET:
		rc = user_totp_reset(r->app->db, &a, ACCT_BY_OPERATOR, u.id);
		break;
	case ACT_RESET_PW:
		rc = user_reset_password(r->app->db, &a, ACCT_BY_OPERATOR, u.id, otp);
		if (rc == ERR_CONFLICT)
			break;
		if (rc != ERR_OK)
			return status_of(rc);
		st = req_set_secret(r, "Otp.password", otp);
		explicit_bzero(otp, sizeof otp);
		if (st == -1 || target_to_hdf(r, &u) == -1)
			return 500;
		req_set(r, "Page.nav", "users");
		r->tmpl = TMPL_USER_OTP;
		return 200;
	default:
		return 500;
	}
	if (rc == ERR_CONFLICT) {
		/* the state changed since the page was shown */
		req_set(r, "Refused", views_str(r->app->views, "User.refused"));
		return detail(r, &u);
	}
	if (rc == ERR_FORBIDDEN)
		return req_forbidden(r, "user", u.id, "refused by the account tables");
	if (rc != ERR_OK)
		return status_of(rc);
	r->location = arena_printf(r->a, "/users/%lld?done=%s", u.id, act_done[what]);
	return r->location != NULL ? 303 : 500;
}

/* POST /users/{id}/unlock (operator): a locked user becomes active. */
int
handle_user_unlock(struct req *r)
{
	return act(r, ACT_UNLOCK);
}

/* POST /users/{id}/reset-password (operator): 200 with a one-time
 * password; the user must change it at the next sign-in; every session of
 * the user ends. */
int
handle_user_reset_password(struct req *r)
{
	return act(r, ACT_RESET_PW);
}

/* POST /users/{id}/suspend (operator; reason required, 400 with the
 * message next to the field without one): the user's sessions end at
 * once and it cannot sign in until reactivated (or, for a gov user, a
 * change form's reset line reinstates it).  A suspension of a gov user is
 * the emergency stop of R-04: it waits on the dashboard until a change
 * form naming the user is submitted. */
int
handle_user_suspend(struct req *r)
{
	return act(r, ACT_SUSPEND);
}

/* POST /users/{id}/reactivate (operator): a suspended user is active. */
int
handle_user_reactivate(struct req *r)
{
	return act(r, ACT_REACTIVATE);
}

/* POST /users/{id}/totp-reset (operator): a staff user's authenticator
 * is forgotten (it enrols again at the next sign-in); its sessions end. */
int
handle_user_totp_reset(struct req *r)
{
	return act(r, ACT_TOTP_RESET);
}

/*
 * POST /users/{id}/request (operator; ask_action, ask_reason): the
 * province's operator asks for an action on an operator's, supervisor's
 * or auditor's account; a supervisor decides it on /users/requests.
 * 303 to /users/requests/{rid}; 400 with the message next to the field
 * for a missing action or reason; 403 (audited) for the actor's own
 * account, a city's operator (the page says only the province's ask) or
 * a user that is not a staff account; 200 with a message when the
 * account's state does not allow it or the same request is pending.
 */
int
handle_user_request(struct req *r)
{
	struct audit_actor	 a;
	struct user		 u;
	enum acct_verdict	 v;
	long long		 rid = 0;
	char			 oid[24];
	enum err		 rc;
	int			 st, what = -1;

	u = *(const struct user *)r->obj;	/* the dispatcher's, scoped */
	if (u.id == r->sess->user.id)
		return req_forbidden(r, "user", u.id, "own account");
	for (int i = 0; r->f[UREQ_ACTION].error == NULL && i < ACT__MAX; i++)
		if (strcmp(r->f[UREQ_ACTION].s, act_done[i]) == 0)
			what = i;
	if (what < 0 || r->f[UREQ_REASON].error != NULL) {
		r->tmpl_on_4xx = true;
		st = detail(r, &u);
		return st == 200 ? 400 : st;
	}
	if ((v = ask_rule(r, (enum act)what, &u)) == RULE_PROVINCE) {
		req_actor(r, &a);
		snprintf(oid, sizeof oid, "%lld", u.id);
		(void)audit_write1(r->app->db, &a, "access.denied", "user", oid,
		    AUDIT_DENIED, acct_verdict_name(v));
		req_set(r, "Refused", views_str(r->app->views, "User.ask_province"));
		r->tmpl_on_4xx = true;
		st = detail(r, &u);
		return st == 200 ? 403 : st;
	}
	if (v != RULE_OK)
		return req_forbidden(r, "user", u.id, acct_verdict_name(v));
	req_actor(r, &a);
	rc = sreq_create(r->app->db, &a, u.id, act_step[what],
	    r->f[UREQ_REASON].s, &rid, &v);
	if (rc == ERR_CONFLICT) {
		req_set(r, "Refused", views_str(r->app->views, "User.ask_conflict"));
		return detail(r, &u);
	}
	if (rc == ERR_FORBIDDEN)
		return req_forbidden(r, "user", u.id, acct_verdict_name(v));
	if (rc != ERR_OK)
		return status_of(rc);
	r->location = arena_printf(r->a, "/users/requests/%lld?done=requested", rid);
	return r->location != NULL ? 303 : 500;
}
