/*
 * auth.c -- sign-in, two factors, sign-out, password change and the
 * signed-in user's own page (R-02.1, R-02.3, R-11.1, X-SEC).
 */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "enterprise/claim.h"
#include "crypto/crypto.h"
#include "enterprise/enterprise.h"
#include "crypto/password.h"
#include "formats/qr.h"
#include "routes.h"
#include "accounts/perm.h"
#include "core/log.h"
#include "crypto/seal.h"
#include "core/timefmt.h"
#include "info/rule.h"

enum { LOGIN_USERNAME, LOGIN_PASSWORD, LOGIN_RESET, LOGIN_AGAIN, LOGIN_WITHDRAWN,
	LOGIN__MAX };

static const struct field login_fields[LOGIN__MAX] = {
	[LOGIN_USERNAME] = { .name = "username", .kind = FK_TEXT,
	    .flags = F_REQUIRED | F_TRIM, .maxlen = 40 },
	[LOGIN_PASSWORD] = { .name = "password", .kind = FK_TEXT,
	    .flags = F_REQUIRED | F_SECRET, .maxlen = PASSWORD_MAX },
	/* ?reset=1 after a password reset by SMS: a notice only */
	[LOGIN_RESET] = { .name = "reset", .kind = FK_BOOL },
	/* ?again=1 after a pending sign-in ended (wrong TOTP codes) */
	[LOGIN_AGAIN] = { .name = "again", .kind = FK_BOOL },
	/* ?withdrawn=1 after an enterprise withdrew its pending claim */
	[LOGIN_WITHDRAWN] = { .name = "withdrawn", .kind = FK_BOOL },
};
const struct form login_form = { login_fields, LOGIN__MAX };

enum { WD_USERNAME, WD_PASSWORD, WD__MAX };
static const struct field withdraw_fields[WD__MAX] = {
	[WD_USERNAME] = { .name = "username", .kind = FK_TEXT,
	    .flags = F_REQUIRED | F_TRIM, .maxlen = 40 },
	[WD_PASSWORD] = { .name = "withdraw_password", .kind = FK_TEXT,
	    .flags = F_REQUIRED | F_SECRET, .maxlen = PASSWORD_MAX },
};
const struct form claim_withdraw_form = { withdraw_fields, WD__MAX };

enum { TOTP_CODE, TOTP__MAX };

static const struct field totp_fields[TOTP__MAX] = {
	[TOTP_CODE] = { .name = "code", .kind = FK_TEXT,
	    .flags = F_REQUIRED | F_TRIM | F_SECRET, .maxlen = 16 },
};
const struct form totp_form = { totp_fields, TOTP__MAX };

enum { PW_CURRENT, PW_NEW, PW_NEW2, PW__MAX };

static const struct field password_fields[PW__MAX] = {
	[PW_CURRENT] = { .name = "current_password", .kind = FK_TEXT,
	    .flags = F_REQUIRED | F_SECRET, .maxlen = PASSWORD_MAX },
	[PW_NEW] = { .name = "new_password", .kind = FK_TEXT,
	    .flags = F_REQUIRED | F_SECRET, .maxlen = PASSWORD_MAX },
	[PW_NEW2] = { .name = "new_password2", .kind = FK_TEXT,
	    .flags = F_REQUIRED | F_SECRET, .maxlen = PASSWORD_MAX },
};
const struct form password_form = { password_fields, PW__MAX };

enum { ACCOUNT_CHANGED, ACCOUNT_CONTACT, ACCOUNT__MAX };

static const struct field account_fields[ACCOUNT__MAX] = {
	[ACCOUNT_CHANGED] = { .name = "changed", .kind = FK_BOOL },
	[ACCOUNT_CONTACT] = { .name = "contact", .kind = FK_BOOL },
};
const struct form account_form = { account_fields, ACCOUNT__MAX };

static bool
is_staff(const struct user *u)
{
	return (ROLES_STAFF & ROLE_BIT(u->role)) != 0;
}

/* The first stage after a good password. */
static enum session_stage
stage_after_password(const struct config *cfg, const struct user *u)
{
	if (is_staff(u) && u->totp_enrolled)
		return STAGE_TOTP;
	if (is_staff(u) && cfg->auth.totp_required)
		return STAGE_ENROL;
	return STAGE_PWCHANGE;	/* narrowed by stage_after_factor() */
}

/* The sign-in rules in force: the configuration's, with the security
 * administrator's settings from the database over them (issue 16); the
 * configuration's alone when the database cannot say (logged). */
static struct config_auth
auth_now(struct req *r)
{
	struct config_auth	auth;

	if (secset_load(r->app->db, &r->app->cfg->auth, &auth) != ERR_OK)
		log_error("rid=%s security settings unread: the configuration's apply",
		    r->request_id);
	return auth;
}

/* The stage after every factor is done. */
static enum session_stage
stage_after_factor(struct req *r, const struct user *u)
{
	struct config_auth auth = auth_now(r);

	if (u->must_change_pw ||
	    (is_staff(u) && u->pw_age_days >= (int)auth.staff_pw_days))
		return STAGE_PWCHANGE;
	return STAGE_FULL;
}

static int
go_stage(struct req *r, enum session_stage stage)
{
	r->location = routes_stage_path(stage);
	return 303;
}

static struct auth_policy
auth_policy_of(struct req *r)
{
	const struct config	*cfg = r->app->cfg;
	struct config_auth	 auth = auth_now(r);
	struct auth_policy	 pol = { auth.max_failures,
	    auth.failure_window, auth.lock_secs,
	    auth.addr_max_failures, auth.otp_days,
	    cfg->have_keys ? cfg->index_key : NULL };

	return pol;
}

/*
 * A right password for an account that may not sign in.  An enterprise
 * whose claim waits for its operator is told so (never before the right
 * password: a wrong one gets the one message); any other account gets
 * the one message too.
 */
static int
login_inactive(struct req *r)
{
	bool		pending = false;
	enum err	rc;

	if ((rc = claim_user_pending(r->app->db, r->f[LOGIN_USERNAME].s,
	    &pending)) != ERR_OK)
		return status_of(rc);
	req_field_error(r, "username", pending ? "claim_pending_login" : "bad_login");
	/* the only page a pending claimant reaches: it may withdraw here */
	if (pending)
		req_set(r, "Login.claim_pending", "1");
	return 200;
}

/*
 * GET /login: the sign-in form (a signed-in user goes to /account).
 * POST /login (username, password, csrf_token): 303 to the next step of
 * sign-in or to /account with a new session; otherwise the form again with
 * one message for an unknown user, a wrong password, a locked, suspended
 * or revoked account or the wrong portal (the owner of a locked account
 * learns of the lock on /account after the next good sign-in); a message
 * of its own for a right one-time password past Auth.otp_days; 429 when
 * the client address has failed too often.
 */
/* What a sign-in tells the user once: a revision of the
 * measures that took effect, as an in-site notice.  A failure is logged
 * and the sign-in goes on. */
static void
signin_notices(struct req *r, const struct audit_actor *actor, long long uid)
{
	char		today[16];
	enum err	rc;

	beijing_date(today, sizeof today);
	if ((rc = rule_notice_signin(r->app->db, actor, uid, today, NULL)) != ERR_OK)
		log_error("rid=%s revision notice not written: %s", r->request_id,
		    err_str(rc));
}

int
handle_login(struct req *r)
{
	const struct config	*cfg = r->app->cfg;
	struct auth_policy	 pol = auth_policy_of(r);
	struct audit_actor	 actor;
	struct user		 u;
	enum auth_result	 res;
	enum session_stage	 stage;
	enum err		 err;
	char			 notice[32], token[SESSION_TOKEN_LEN + 1];

	r->tmpl = TMPL_LOGIN;
	if (r->sess != NULL && r->sess->stage == STAGE_FULL)
		return go_stage(r, STAGE_FULL);
	if (r->method != HTTP_POST) {
		if (r->f[LOGIN_RESET].i == 1)
			req_set(r, "Login.reset_done", "1");
		if (r->f[LOGIN_AGAIN].i == 1)
			req_set(r, "Login.again", "1");
		if (r->f[LOGIN_WITHDRAWN].i == 1)
			req_set(r, "Login.withdrawn", "1");
		return 200;
	}
	if (r->nerrors > 0)
		return 200;

	req_actor(r, &actor);
	actor.user_id = 0;
	res = user_authenticate(r->app->db, r->a, &pol, &actor, cfg->portal,
	    r->f[LOGIN_USERNAME].s, r->f[LOGIN_PASSWORD].s, &u, notice, &err);
	switch (res) {
	case AUTH_OK:
		break;
	case AUTH_OTP_EXPIRED:
		/* Only said to whoever typed the right one-time password. */
		req_field_error(r, "password", "otp_expired");
		return 200;
	case AUTH_THROTTLED:
		req_field_error(r, "username", "throttled");
		return 429;
	case AUTH_ERROR:
		return status_of(err);
	case AUTH_INACTIVE:
		return login_inactive(r);
	default:
		req_field_error(r, "username", "bad_login");
		return 200;
	}

	stage = stage_after_password(cfg, &u);
	if (stage == STAGE_PWCHANGE)
		stage = stage_after_factor(r, &u);
	/* A new id at sign-in: whatever session the browser had is gone. */
	actor.user_id = u.id;
	actor.role = role_name(u.role);
	if ((err = session_start(r->app->db, &actor, cfg->portal, stage,
	    r->sess != NULL ? r->sess->id_hash : NULL, notice, token)) != ERR_OK)
		return status_of(err);
	r->user_id = u.id;
	req_cookie(r, SESSION_COOKIE, token);
	req_cookie(r, PRESESSION_COOKIE, NULL);
	signin_notices(r, &actor, u.id);
	return go_stage(r, stage);
}

/*
 * POST /login/withdraw (username, withdraw_password, csrf_token; internet
 * portal, no session: a pending account cannot have one): an enterprise
 * whose claim waits for its operator withdraws it, proven by its password
 * (checked and counted like a sign-in).  claim_withdraw: one transaction
 * with its audit rows, the claim withdrawn, the account revoked, the
 * licence deleted; 303 to /login?withdrawn=1.  A wrong password (or
 * anyone else's) gets the one message next to the field and changes
 * nothing; so does any account that is not pending (a dummy KDF run, no
 * sign-in: its right password here is no login); 409 when the claim was
 * decided between the password and the withdrawal; 429 when the address
 * has failed too often.
 */
int
handle_claim_withdraw(struct req *r)
{
	const struct config	*cfg = r->app->cfg;
	struct auth_policy	 pol = auth_policy_of(r);
	struct audit_actor	 actor;
	struct user		 u;
	enum auth_result	 res;
	enum err		 err;
	bool			 pending = false;
	char			 notice[32];

	r->tmpl = TMPL_LOGIN;
	req_set(r, "Login.claim_pending", "1");
	if (r->nerrors > 0)
		return 200;
	if ((err = claim_user_pending(r->app->db, r->f[WD_USERNAME].s, &pending)) != ERR_OK)
		return status_of(err);
	if (!pending) {
		/* the same cost and answer as a wrong password */
		password_dummy_verify(r->f[WD_PASSWORD].s, strlen(r->f[WD_PASSWORD].s));
		req_field_error(r, "withdraw_password", "bad_login");
		return 200;
	}
	req_actor(r, &actor);
	actor.user_id = 0;
	res = user_authenticate(r->app->db, r->a, &pol, &actor, cfg->portal,
	    r->f[WD_USERNAME].s, r->f[WD_PASSWORD].s, &u, notice, &err);
	switch (res) {
	case AUTH_THROTTLED:
		req_field_error(r, "withdraw_password", "throttled");
		return 429;
	case AUTH_ERROR:
		return status_of(err);
	case AUTH_OK:
	case AUTH_INACTIVE:
	case AUTH_OTP_EXPIRED:
		break;
	default:
		req_field_error(r, "withdraw_password", "bad_login");
		return 200;
	}
	err = claim_withdraw(r->app->db, &actor, cfg->licences, r->f[WD_USERNAME].s);
	if (err == ERR_NOTFOUND || err == ERR_CONFLICT) {
		hdf_remove_tree(r->hdf, "Login.claim_pending");
		req_field_error(r, "username", "claim_not_pending");
		return 409;
	}
	if (err != ERR_OK)
		return status_of(err);
	r->location = "/login?withdrawn=1";
	return 303;
}

/* POST /logout: ends the session (audited); 303 to /login. */
int
handle_logout(struct req *r)
{
	struct audit_actor	a;
	enum err		rc;

	req_actor(r, &a);
	if ((rc = session_logout(r->app->db, &a, r->sess->id_hash)) != ERR_OK)
		return status_of(rc);
	req_cookie(r, SESSION_COOKIE, NULL);
	r->location = "/login";
	return 303;
}

/* Moves the session on (new id: a privilege change) and redirects. */
static int
advance(struct req *r, enum session_stage stage)
{
	char		token[SESSION_TOKEN_LEN + 1];
	enum err	rc;

	if ((rc = session_rotate(r->app->db, r->sess, stage, token)) != ERR_OK)
		return status_of(rc);
	req_cookie(r, SESSION_COOKIE, token);
	return go_stage(r, stage);
}

static bool
six_digits(const char *s)
{
	if (strlen(s) != 6)
		return false;
	for (int i = 0; i < 6; i++)
		if (s[i] < '0' || s[i] > '9')
			return false;
	return true;
}

/*
 * GET /login/totp: asks for the 6-digit code of an enrolled staff user.
 * POST (code): 303 onwards when the code is right and unused, else the
 * form again with a message; the fifth wrong code (or one that locks the
 * account) ends the pending sign-in: 303 to /login?again=1.  Every
 * attempt is audited; wrong ones count toward the account lock.
 */
int
handle_login_totp(struct req *r)
{
	const struct config	*cfg = r->app->cfg;
	struct auth_policy	 pol = auth_policy_of(r);
	struct audit_actor	 a;
	int			 ok;

	r->tmpl = TMPL_LOGIN_TOTP;
	if (r->method != HTTP_POST || r->nerrors > 0)
		return 200;
	if (!six_digits(r->f[TOTP_CODE].s)) {
		req_field_error(r, "code", "totp_format");
		return 200;
	}
	if (!cfg->have_keys)
		return 500;
	req_actor(r, &a);
	ok = user_totp_verify(r->app->db, cfg->data_key, &a, &pol,
	    r->sess->user.id, r->sess->id_hash, r->f[TOTP_CODE].s, time(NULL));
	if (ok < 0)
		return db_connected(r->app->db) ? 500 : 503;
	if (ok == 2) {
		req_cookie(r, SESSION_COOKIE, NULL);
		r->location = "/login?again=1";
		return 303;
	}
	if (ok == 0) {
		req_field_error(r, "code", "totp_wrong");
		return 200;
	}
	return advance(r, stage_after_factor(r, &r->sess->user));
}

/* The secret offered at enrolment: derived from the session, so the page
 * can be shown again and the code checked without storing a pending
 * secret anywhere. */
static void
enrol_secret(const struct req *r, unsigned char secret[20])
{
	unsigned char	mac[32];
	unsigned char	msg[64];

	memcpy(msg, "duijie totp enrolment:", 22);
	memcpy(msg + 22, r->sess->id_hash, 32);
	crypto_hmac_sha256(r->app->cfg->data_key, 32, msg, 54, mac);
	memcpy(secret, mac, 20);
	explicit_bzero(mac, sizeof mac);
}

/*
 * GET /login/enrol: the QR code and the base32 secret of a new TOTP
 * enrolment (staff without one, when two factors are required).  POST
 * (code): stores the secret (sealed) once a code from it is right.
 */
int
handle_login_enrol(struct req *r)
{
	const struct config	*cfg = r->app->cfg;
	struct audit_actor	 a;
	unsigned char		 secret[20];
	char			 b32[CRYPTO_B32LEN(20) + 1], *uri, *qr;
	long long		 step;
	enum err		 rc;

	r->tmpl = TMPL_LOGIN_ENROL;
	if (!cfg->have_keys)
		return 500;
	enrol_secret(r, secret);
	crypto_b32_encode(secret, sizeof secret, b32);
	if (r->method == HTTP_POST && r->nerrors == 0) {
		if (!six_digits(r->f[TOTP_CODE].s))
			req_field_error(r, "code", "totp_format");
		else if ((step = totp_check(secret, sizeof secret,
		    r->f[TOTP_CODE].s, (uint64_t)time(NULL) / 30, -1)) < 0) {
			char oid[24];

			req_actor(r, &a);
			snprintf(oid, sizeof oid, "%lld", r->sess->user.id);
			if ((rc = audit_write1(r->app->db, &a, "totp.enrol", "user",
			    oid, AUDIT_FAILED, "wrong code")) != ERR_OK) {
				explicit_bzero(secret, sizeof secret);
				return status_of(rc);
			}
			req_field_error(r, "code", "totp_wrong");
		} else {
			req_actor(r, &a);
			rc = user_totp_enrol(r->app->db, cfg->data_key, &a,
			    r->sess->user.id, secret, sizeof secret, step);
			explicit_bzero(secret, sizeof secret);
			if (rc != ERR_OK)
				return status_of(rc);
			return advance(r, stage_after_factor(r, &r->sess->user));
		}
	}
	explicit_bzero(secret, sizeof secret);
	uri = arena_printf(r->a, "otpauth://totp/%s:%s?secret=%s&issuer=%s"
	    "&algorithm=SHA1&digits=6&period=30", "Duijie",
	    r->sess->user.username, b32, "Duijie");
	if (uri == NULL || (qr = qr_svg_data_uri(r->a, uri)) == NULL)
		return 500;
	req_set(r, "Enrol.secret", b32);
	req_set(r, "Enrol.qr", qr);
	return 200;
}

/*
 * What the new password of the signed-in user must not contain: the
 * username, the mobile (sealed for enterprises: opened here), and for an
 * enterprise its USCC and name.  Values that cannot be read stay NULL.
 */
static void
password_context(struct req *r, struct pw_context *ctx)
{
	const struct config	*cfg = r->app->cfg;
	const struct user	*u = &r->sess->user;
	const char		*mobile = "";

	memset(ctx, 0, sizeof *ctx);
	ctx->username = u->username;
	ctx->mobile = u->contact;
	ctx->org_name = u->role == ROLE_ENTERPRISE ? u->org_name : NULL;
	if (!cfg->have_keys)
		return;
	if (user_mobile(r->app->db, r->a, cfg->data_key, u->id, &mobile) == ERR_OK &&
	    *mobile != '\0')
		ctx->mobile = mobile;
	if (u->role == ROLE_ENTERPRISE) {
		struct ent_keys		keys = { cfg->data_key, cfg->index_key };
		struct enterprise	e;
		struct scope		sc;

		scope_of_user(&sc, u);
		if (enterprise_get(r->app->db, r->a, &keys, &sc, u->org_id, false,
		    &e) == ERR_OK)
			ctx->uscc = e.uscc;
	}
}

/*
 * GET /password: the change form (also the forced step after a reset or
 * when a staff password is 90 days old).  POST (current_password,
 * new_password, new_password2): 303 to /account?changed=1 with a new
 * session id; every other session of the user ends.  Otherwise the form
 * with a message next to the field at fault: a wrong current password is
 * reported before anything about the new one.
 */
int
handle_password(struct req *r)
{
	struct pw_context	 ctx;
	struct audit_actor	 a;
	const char		*why;
	enum err		 err;
	int			 st;

	r->tmpl = TMPL_PASSWORD;
	req_set(r, "Page.nav", "password");
	if (r->sess->stage == STAGE_PWCHANGE)
		req_set(r, "Password.forced", "1");
	if (r->method != HTTP_POST || r->nerrors > 0)
		return 200;
	req_actor(r, &a);
	password_context(r, &ctx);
	why = user_change_password(r->app->db, r->a, &a, &r->sess->user, &ctx,
	    r->f[PW_CURRENT].s, r->f[PW_NEW].s, r->f[PW_NEW2].s,
	    r->sess->id_hash, &err);
	if (why != NULL && strcmp(why, "db") == 0)
		return status_of(err);
	if (why != NULL) {
		req_field_error(r, strcmp(why, "pw_current") == 0 ? "current_password" :
		    strcmp(why, "pw_mismatch") == 0 ? "new_password2" :
		    "new_password", why);
		return 200;
	}
	/* The session that changed the password gets a new id too. */
	if ((st = advance(r, STAGE_FULL)) != 303)
		return st;
	r->location = "/account?changed=1";
	return 303;
}

/*
 * GET /account: who is signed in: name, role, region, organisation, the
 * contact (an enterprise user's mobile, masked, with the link to change
 * it), last sign-in and password age; ?changed=1 and ?contact=1 confirm
 * the change just made.
 */
int
handle_account(struct req *r)
{
	const struct user	*u = &r->sess->user;
	char			 when[32];

	r->tmpl = TMPL_ACCOUNT;
	req_set(r, "Page.nav", "account");
	/* 上次登录: the sign-in before this session's (last_login_at is
	 * this one's) */
	if (time_beijing(u->prev_login_at, when, sizeof when) == 0)
		req_set(r, "Account.last_login", when);
	req_setf(r, "Account.pw_age", "%d", u->pw_age_days);
	req_set(r, "Account.contact", contact_mask(r->a, u->contact));
	/* an enterprise user's contact is its mobile (sealed apart) */
	if (u->role == ROLE_ENTERPRISE && r->app->cfg->have_keys) {
		const char *mobile = "";

		if (user_mobile(r->app->db, r->a, r->app->cfg->data_key, u->id,
		    &mobile) == ERR_OK && *mobile != '\0')
			req_set(r, "Account.contact", contact_mask(r->a, mobile));
	}
	req_set(r, "Account.totp", u->totp_enrolled ? "1" : "0");
	if (r->f[ACCOUNT_CHANGED].i == 1)
		req_set(r, "Account.changed", "1");
	if (r->f[ACCOUNT_CONTACT].i == 1)
		req_set(r, "Account.contact_changed", "1");
	if (r->sess->notice[0] != '\0' &&
	    time_beijing(r->sess->notice, when, sizeof when) == 0)
		req_set(r, "Account.lock_notice", when);
	return 200;
}
