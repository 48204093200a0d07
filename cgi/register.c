/*
 * register.c -- the internet portal's front door: enterprise
 * registration with SMS verification,
 * password reset by SMS, and an enterprise user's change of its
 * contact person and mobile, the new number checked by SMS (issue 18).
 *
 * Without JavaScript the "send code" button is a second submit button of
 * the same form (formaction): /register/sms gets every field, sends the
 * code and shows the form again as typed.
 */
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>

#include "enterprise/claim.h"

#include "db/db_region.h"
#include "enterprise/enterprise.h"
#include "formats/ident.h"
#include "crypto/password.h"
#include "crypto/seal.h"
#include "core/timefmt.h"
#include "routes.h"
#include "accounts/sms.h"


static const char *
check_username(struct arena *a, struct fval *v)
{
	(void)a;
	if (v->len < 4 || v->len > 32 ||
	    !((v->s[0] >= 'a' && v->s[0] <= 'z') || (v->s[0] >= 'A' && v->s[0] <= 'Z')))
		return "username_rule";
	for (size_t i = 0; i < v->len; i++) {
		char c = v->s[i];

		if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		    (c >= '0' && c <= '9') || c == '_' || c == '-' || c == '.'))
			return "username_rule";
	}
	return NULL;
}

static const char *
check_uscc(struct arena *a, struct fval *v)
{
	char		 out[19], region[7];
	const char	*why;

	if ((why = uscc_error(v->s)) != NULL)
		return why;
	uscc_normalize(v->s, out);
	if (!uscc_region(out, region))
		return "uscc_region";
	v->s = arena_strdup(a, out);
	v->len = 18;
	return v->s == NULL ? "uscc_length" : NULL;
}

static const char *
check_regno(struct arena *a, struct fval *v)
{
	char out[19];

	if (!regno_valid(v->s, out))
		return "regno";
	v->s = arena_strdup(a, out);
	v->len = strlen(out);
	return NULL;
}

static const char *
check_idno(struct arena *a, struct fval *v)
{
	char		 out[19];
	const char	*why;
	int		 y, m, d;

	beijing_today(&y, &m, &d);
	if ((why = idno_error(v->s, y, m, d)) != NULL)
		return why;
	idno_valid(v->s, out, y, m, d);
	v->s = arena_strdup(a, out);
	v->len = 18;
	return NULL;
}

static const char *
check_mobile(struct arena *a, struct fval *v)
{
	char out[12];

	if (!mobile_valid(v->s, out))
		return "mobile";
	v->s = arena_strdup(a, out);
	v->len = 11;
	return NULL;
}

static const char *
check_sms_code(struct arena *a, struct fval *v)
{
	(void)a;
	if (v->len != 6 || strspn(v->s, "0123456789") != 6)
		return "sms_format";
	return NULL;
}

enum {
	REG_USERNAME, REG_USCC, REG_ENT_NAME, REG_REG_NO, REG_LEGAL_NAME,
	REG_LEGAL_ID, REG_CONTACT_NAME, REG_MOBILE, REG_SMS_CODE, REG_PASSWORD,
	REG_PASSWORD2, REG_LICENCE, REG_PENDING, REG_AGREE, REG__MAX
};

/* The same fields twice: all required to register, only the mobile
 * required to send a code (the rest are kept as typed). */
#define REG_FIELDS(R) { \
	[REG_USERNAME] = { .name = "username", .kind = FK_CUSTOM, .flags = R | F_TRIM, .maxlen = 32, .check = check_username }, \
	[REG_USCC] = { .name = "uscc", .kind = FK_CUSTOM, .flags = R | F_TRIM, .maxlen = 24, .check = check_uscc }, \
	[REG_ENT_NAME] = { .name = "ent_name", .kind = FK_TEXT, .flags = R | F_TRIM, .minlen = 2, .maxlen = 100 }, \
	/* optional: an enterprise with a USCC is registered under it */ \
	[REG_REG_NO] = { .name = "reg_no", .kind = FK_CUSTOM, .flags = F_TRIM, .maxlen = 24, .check = check_regno }, \
	[REG_LEGAL_NAME] = { .name = "legal_name", .kind = FK_TEXT, .flags = R | F_TRIM, .maxlen = 50 }, \
	[REG_LEGAL_ID] = { .name = "legal_id", .kind = FK_CUSTOM, .flags = R | F_TRIM, .maxlen = 24, .check = check_idno }, \
	[REG_CONTACT_NAME] = { .name = "contact_name", .kind = FK_TEXT, .flags = R | F_TRIM, .maxlen = 50 }, \
	[REG_MOBILE] = { .name = "mobile", .kind = FK_CUSTOM, .flags = F_REQUIRED | F_TRIM, .maxlen = 20, .check = check_mobile }, \
	[REG_SMS_CODE] = { .name = "sms_code", .kind = FK_CUSTOM, .flags = R | F_TRIM | F_SECRET, .maxlen = 6, .check = check_sms_code }, \
	[REG_PASSWORD] = { .name = "password", .kind = FK_TEXT, .flags = R | F_SECRET, .maxlen = PASSWORD_MAX }, \
	[REG_PASSWORD2] = { .name = "password2", .kind = FK_TEXT, .flags = R | F_SECRET, .maxlen = PASSWORD_MAX }, \
	/* a claim's business licence (size and type checked by claim_check) */ \
	[REG_LICENCE] = { .name = "licence", .kind = FK_FILE }, \
	/* GET /register?pending=1: the claim was sent */ \
	[REG_PENDING] = { .name = "pending", .kind = FK_BOOL }, \
	/* the user agreement and the privacy policy (/terms, /privacy) */ \
	[REG_AGREE] = { .name = "agree", .kind = FK_BOOL, .flags = R }, \
}

static const struct field register_fields[REG__MAX] = REG_FIELDS(F_REQUIRED);
static const struct field register_sms_fields[REG__MAX] = REG_FIELDS(0);
const struct form register_form = { register_fields, REG__MAX };
const struct form register_sms_form = { register_sms_fields, REG__MAX };

static enum claim_state claim_hint(struct req *);
static void office_hint(struct req *, const char *);

static struct sms_sender
sender_of(const struct config *cfg)
{
	struct sms_sender s = {
		cfg->sms.command ? SMS_SENDER_COMMAND : SMS_SENDER_FILE,
		cfg->sms.command ? cfg->sms.cmd : cfg->sms.outbox,
		cfg->sms.timeout,
	};

	return s;
}

/* Sends a code to the typed mobile; shows the outcome next to the field. */
static int
send_code(struct req *r, enum sms_purpose purpose, const char *mobile,
    bool really)
{
	const struct config	*cfg = r->app->cfg;
	struct sms_sender	 sender = sender_of(cfg);
	const char		*why = NULL;
	enum err		 rc;
	struct audit_actor	 actor;

	if (!cfg->have_keys)
		return 500;
	req_actor(r, &actor);
	/* Not really (an unknown reset pair): the same throttles, counters
	 * and answer, a row whose code matches nothing, no message sent. */
	rc = sms_send_code(r->app->db, cfg->index_key, &sms_default_policy,
	    &sender, &actor, purpose, mobile, really, &why);
	if (rc != ERR_OK)
		return status_of(rc);
	if (why != NULL)
		req_field_error(r, "mobile", why);
	else
		req_set(r, "Sms.sent", "1");
	return 200;
}

/*
 * What depends on more than one field: the registration number is the
 * USCC unless another is typed (and a USCC typed into both fields is
 * reported once, next to the USCC); the agreement's own message.
 */
static void
tidy_fields(struct req *r)
{
	struct fval *rn = &r->f[REG_REG_NO], *us = &r->f[REG_USCC];

	if (rn->error != NULL && strcasecmp(rn->s, us->s) == 0) {
		rn->error = NULL;
		r->nerrors--;
		hdf_remove_tree(r->hdf, "Form.reg_no.error");
	}
	if (rn->len == 0 && us->error == NULL) {
		rn->s = us->s;
		rn->len = us->len;
	}
	if (r->f[REG_AGREE].error != NULL)
		req_set(r, "Form.agree.error",
		    views_str(r->app->views, "Err.agree_required"));
	else if (r->f[REG_AGREE].i == 1)
		req_set(r, "Form.agree.checked", "1");
}

/*
 * GET /terms, GET /privacy (internet portal, public): the user agreement
 * and the privacy policy a registration agrees to.  200.
 */
int
handle_terms(struct req *r)
{
	r->tmpl = TMPL_TERMS;
	return 200;
}

int
handle_privacy(struct req *r)
{
	r->tmpl = TMPL_PRIVACY;
	return 200;
}

/*
 * POST /register/sms (every registration field, mobile required): sends
 * a code (throttled) and shows the form again as typed.  200.
 */
int
handle_register_sms(struct req *r)
{
	const struct fval	*us = &r->f[REG_USCC];
	bool			 taken;
	enum err		 rc;

	r->tmpl = TMPL_REGISTER;
	tidy_fields(r);
	if (r->f[REG_MOBILE].error != NULL)
		return 200;
	/* Errors in the other fields are not shown yet: the user is only
	 * asking for a code. */
	for (int i = 0; i < REG__MAX; i++)
		if (i != REG_MOBILE && r->f[i].error != NULL) {
			char name[96];

			snprintf(name, sizeof name, "Form.%s.error", register_fields[i].name);
			hdf_remove_tree(r->hdf, name);
		}
	hdf_remove_tree(r->hdf, "Form.agree.error");
	/* A USCC already registered is said now, before a code is sent
	 * for a registration that cannot succeed. */
	if (us->present && us->error == NULL) {
		if ((rc = enterprise_uscc_taken(r->app->db, us->s, &taken)) != ERR_OK)
			return status_of(rc);
		if (taken) {
			req_field_error(r, "uscc", "uscc_taken");
			office_hint(r, us->s);
			return 200;
		}
	}
	claim_hint(r);
	return send_code(r, SMS_REGISTER, r->f[REG_MOBILE].s, true);
}

/* The operator office of a region, for the "already registered" message. */
static void
office_hint(struct req *r, const char *uscc)
{
	const struct region *v;
	size_t		 n;
	char		 region[7];

	if (!uscc_region(uscc, region))
		return;
	req_set(r, "Register.taken_region", region);
	if (db_region_list(r->app->db, &r->app->regions, &v, &n) != ERR_OK)
		return;
	for (size_t i = 0; i < n; i++)
		if (strcmp(v[i].code, region) == 0) {
			req_set(r, "Register.office", v[i].office);
			req_set(r, "Register.office_phone", v[i].office_phone);
		}
}

/* --- claiming an enterprise row that exists without users (claim.h) --- */

/* The claim state of the typed USCC, shown as a hint above the form. */
static enum claim_state
claim_hint(struct req *r)
{
	enum claim_state st = CLAIM_NEW;

	if (r->f[REG_USCC].error != NULL || !r->f[REG_USCC].present ||
	    claim_state_of(r->app->db, r->f[REG_USCC].s, &st) != ERR_OK)
		return CLAIM_NEW;
	if (st == CLAIM_MATCH)
		req_set(r, "Register.claim", "match");
	else if (st == CLAIM_LICENCE)
		req_set(r, "Register.claim", "licence");
	return st;
}

/*
 * Before the SMS code is used: the claim state of the USCC and, when the
 * row has no representative on record, the licence (present, at most
 * Limits.licence_max, a PDF, JPEG or PNG by its first bytes, whatever its
 * name).  Errors go next to the licence field.  0, or the HTTP status.
 */
static int
claim_check(struct req *r, enum claim_state *st, struct claim_licence *lic)
{
	const struct fval	*f = &r->f[REG_LICENCE];
	unsigned char		*buf;
	size_t			 got = 0;

	memset(lic, 0, sizeof *lic);
	if ((*st = claim_hint(r)) != CLAIM_LICENCE)
		return 0;
	if (f->error != NULL)
		return 0;
	if (!f->present || f->file == NULL) {
		req_field_error(r, "licence", "licence_required");
		return 0;
	}
	if (f->file->size > r->app->cfg->licence_max) {
		req_field_error(r, "licence", "licence_too_big");
		return 0;
	}
	if ((buf = arena_alloc(r->a, f->file->size + 1)) == NULL)
		return 500;
	while (got < f->file->size) {
		ssize_t n = pread(f->file->fd, buf + got, f->file->size - got, (off_t)got);

		if (n <= 0)
			return 500;
		got += (size_t)n;
	}
	lic->data = buf;
	lic->size = got;
	if ((lic->type = claim_sniff(buf, got)) == CLAIM_FT_NONE)
		req_field_error(r, "licence", "licence_type");
	return 0;
}

/*
 * After the SMS code: the claim itself.  0 when the account is active
 * (*uid set: the caller signs it in), 303 to /register?pending=1 when it
 * waits for the operator, 200 with the message next to its field.
 */
static int
claim_finish(struct req *r, const struct ent_keys *keys,
    const struct audit_actor *actor, const struct ent_registration *g,
    const struct claim_licence *lic, long long *uid)
{
	enum claim_result	 res;
	const char		*why;
	enum err		 rc;

	rc = claim_register(r->app->db, keys, actor, g, r->app->cfg->licences,
	    lic->data != NULL ? lic : NULL, uid, &res, &why);
	if (rc == ERR_CONFLICT) {
		if (strcmp(why, "claim_mismatch") == 0) {
			req_field_error(r, "legal_name", "claim_mismatch");
			req_field_error(r, "legal_id", "claim_mismatch");
			/* whom to ask when the record is out of date */
			office_hint(r, g->uscc);
			hdf_remove_tree(r->hdf, "Register.taken_region");
			req_set(r, "Register.mismatch", "1");
		} else if (strcmp(why, "licence_required") == 0)
			req_field_error(r, "licence", why);
		else
			req_field_error(r, strcmp(why, "username_taken") == 0 ?
			    "username" : "uscc", why);
		return 200;
	}
	if (rc != ERR_OK)
		return status_of(rc);
	if (res == CLAIM_PENDING) {
		r->location = "/register?pending=1";
		return 303;
	}
	return 0;
}

/*
 * GET /register: the form.  POST /register: every field checked (a
 * message next to each bad one, the form as typed, passwords aside), the
 * SMS code checked last; on success the enterprise is signed in: 303 to
 * /profile.
 */
int
handle_register(struct req *r)
{
	const struct config	*cfg = r->app->cfg;
	struct ent_keys		 keys = { cfg->data_key, cfg->index_key };
	struct ent_registration	 g;
	struct audit_actor	 actor;
	struct claim_licence	 lic;
	const char		*why;
	char			 region[7], token[SESSION_TOKEN_LEN + 1];
	long long		 uid;
	bool			 taken;
	enum claim_state	 claim = CLAIM_NEW;
	enum err		 rc;
	int			 ok, st;

	r->tmpl = TMPL_REGISTER;
	if (r->method != HTTP_POST) {
		if (r->f[REG_PENDING].i == 1)
			req_set(r, "Register.pending_done", "1");
		return 200;
	}
	if (!cfg->have_keys)
		return 500;
	tidy_fields(r);
	if (r->f[REG_PASSWORD].error == NULL && r->f[REG_MOBILE].error == NULL &&
	    (why = password_policy(r->f[REG_PASSWORD].s, &(struct pw_context){
	    r->f[REG_USERNAME].s, r->f[REG_MOBILE].s, r->f[REG_USCC].s,
	    r->f[REG_ENT_NAME].s })) != NULL) {
		req_field_error(r, "password", why);
	}
	if (r->f[REG_PASSWORD2].error == NULL && r->f[REG_PASSWORD].error == NULL &&
	    strcmp(r->f[REG_PASSWORD].s, r->f[REG_PASSWORD2].s) != 0) {
		req_field_error(r, "password2", "pw_mismatch");
	}
	if (r->f[REG_USCC].error == NULL) {
		if ((rc = enterprise_uscc_taken(r->app->db, r->f[REG_USCC].s, &taken)) != ERR_OK)
			return status_of(rc);
		if (taken) {
			req_field_error(r, "uscc", "uscc_taken");
			office_hint(r, r->f[REG_USCC].s);
		}
	}
	/* Whether the username is taken (staff names too) is told only
	 * after a right SMS code, by enterprise_register: no enumeration
	 * of accounts without a phone and a code for each try. */
	if ((st = claim_check(r, &claim, &lic)) != 0)
		return st;
	if (r->nerrors > 0)
		return 200;
	req_actor(r, &actor);
	ok = sms_check_code(r->app->db, cfg->index_key, &sms_default_policy,
	    &actor, SMS_REGISTER, r->f[REG_MOBILE].s, r->f[REG_SMS_CODE].s);
	if (ok == -2)
		return db_connected(r->app->db) ? 500 : 503;
	if (ok != 1) {
		req_field_error(r, "sms_code", ok == 0 ? "sms_wrong" : "sms_expired");
		return 200;
	}
	uscc_region(r->f[REG_USCC].s, region);
	memset(&g, 0, sizeof g);
	g.username = r->f[REG_USERNAME].s;
	g.uscc = r->f[REG_USCC].s;
	g.region = region;
	g.ent_name = r->f[REG_ENT_NAME].s;
	g.reg_no = r->f[REG_REG_NO].s;
	g.legal_name = r->f[REG_LEGAL_NAME].s;
	g.legal_id = r->f[REG_LEGAL_ID].s;
	g.contact_name = r->f[REG_CONTACT_NAME].s;
	g.mobile = r->f[REG_MOBILE].s;
	g.password = r->f[REG_PASSWORD].s;
	if (claim == CLAIM_MATCH || claim == CLAIM_LICENCE) {
		if ((st = claim_finish(r, &keys, &actor, &g, &lic, &uid)) != 0)
			return st;
		goto signed_in;
	}
	rc = enterprise_register(r->app->db, &keys, &actor, &g, &uid, &why);
	if (rc == ERR_CONFLICT) {
		req_field_error(r, strcmp(why, "username_taken") == 0 ? "username" : "uscc", why);
		return 200;
	}
	if (rc != ERR_OK)
		return status_of(rc);
signed_in:
	actor.user_id = uid;
	actor.role = "enterprise";
	if ((rc = session_start(r->app->db, &actor, cfg->portal, STAGE_FULL,
	    r->sess != NULL ? r->sess->id_hash : NULL, NULL, token)) != ERR_OK)
		return status_of(rc);
	req_cookie(r, SESSION_COOKIE, token);
	req_cookie(r, PRESESSION_COOKIE, NULL);
	r->user_id = uid;
	r->location = "/profile?welcome=1";
	return 303;
}

enum {
	FGT_USERNAME, FGT_MOBILE, FGT_SMS_CODE, FGT_PASSWORD, FGT_PASSWORD2, FGT__MAX
};

#define FGT_FIELDS(R) { \
	[FGT_USERNAME] = { .name = "username", .kind = FK_TEXT, .flags = F_REQUIRED | F_TRIM, .maxlen = 40 }, \
	[FGT_MOBILE] = { .name = "mobile", .kind = FK_CUSTOM, .flags = F_REQUIRED | F_TRIM, .maxlen = 20, .check = check_mobile }, \
	[FGT_SMS_CODE] = { .name = "sms_code", .kind = FK_CUSTOM, .flags = R | F_TRIM | F_SECRET, .maxlen = 6, .check = check_sms_code }, \
	[FGT_PASSWORD] = { .name = "password", .kind = FK_TEXT, .flags = R | F_SECRET, .maxlen = PASSWORD_MAX }, \
	[FGT_PASSWORD2] = { .name = "password2", .kind = FK_TEXT, .flags = R | F_SECRET, .maxlen = PASSWORD_MAX }, \
}

static const struct field forgot_fields[FGT__MAX] = FGT_FIELDS(F_REQUIRED);
static const struct field forgot_sms_fields[FGT__MAX] = FGT_FIELDS(0);
const struct form forgot_form = { forgot_fields, FGT__MAX };
const struct form forgot_sms_form = { forgot_sms_fields, FGT__MAX };

/* The enterprise user matching username + mobile, or 0. */
static int
forgot_user(struct req *r, long long *id)
{
	unsigned char	idx[32];
	enum err	rc;

	blind_index(r->app->cfg->index_key, "mobile", r->f[FGT_MOBILE].s, idx);
	rc = user_by_name_mobile(r->app->db, r->f[FGT_USERNAME].s, idx, id);
	return rc == ERR_OK ? 0 : status_of(rc);
}

/*
 * POST /password/forgot/sms (username, mobile): sends a reset code when
 * the pair belongs to an enterprise account; the same answer either way.
 */
int
handle_forgot_sms(struct req *r)
{
	long long	id;
	int		st;

	r->tmpl = TMPL_FORGOT;
	if (r->f[FGT_USERNAME].error != NULL || r->f[FGT_MOBILE].error != NULL)
		return 200;
	for (int i = FGT_SMS_CODE; i < FGT__MAX; i++) {
		char name[96];

		snprintf(name, sizeof name, "Form.%s.error", forgot_fields[i].name);
		hdf_remove_tree(r->hdf, name);
	}
	if (!r->app->cfg->have_keys)
		return 500;
	if ((st = forgot_user(r, &id)) != 0)
		return st;
	/* Unknown pairs: no code, but the same page and the same wording. */
	return send_code(r, SMS_RESET, r->f[FGT_MOBILE].s, id != 0);
}

/*
 * GET /password/forgot: the form.  POST: username + mobile + code + new
 * password; 303 to /login?reset=1 on success, every session of the user
 * ended.  A wrong pair and a wrong code get the same message.
 */
int
handle_forgot(struct req *r)
{
	const struct config	*cfg = r->app->cfg;
	struct audit_actor	 actor;
	const char		*why;
	long long		 id;
	enum err		 err;
	int			 st, ok;

	r->tmpl = TMPL_FORGOT;
	if (r->method != HTTP_POST)
		return 200;
	if (!cfg->have_keys)
		return 500;
	if (r->f[FGT_PASSWORD].error == NULL && r->f[FGT_MOBILE].error == NULL &&
	    (why = password_policy(r->f[FGT_PASSWORD].s, &(struct pw_context){
	    r->f[FGT_USERNAME].s, r->f[FGT_MOBILE].s, NULL, NULL })) != NULL) {
		req_field_error(r, "password", why);
	}
	if (r->f[FGT_PASSWORD].error == NULL && r->f[FGT_PASSWORD2].error == NULL &&
	    strcmp(r->f[FGT_PASSWORD].s, r->f[FGT_PASSWORD2].s) != 0) {
		req_field_error(r, "password2", "pw_mismatch");
	}
	if (r->nerrors > 0)
		return 200;
	if ((st = forgot_user(r, &id)) != 0)
		return st;
	/* The code is checked (and counted) whether or not the pair exists. */
	req_actor(r, &actor);
	ok = sms_check_code(r->app->db, cfg->index_key, &sms_default_policy,
	    &actor, SMS_RESET, r->f[FGT_MOBILE].s, r->f[FGT_SMS_CODE].s);
	if (ok == -2)
		return db_connected(r->app->db) ? 500 : 503;
	if (ok != 1 || id == 0) {
		req_field_error(r, "sms_code", ok == -1 ? "sms_expired" : "sms_wrong");
		return 200;
	}
	{
		/* The rules that need the account (its USCC and name) only
		 * now: before the code they would tell a real pair apart. */
		struct ent_keys		keys = { cfg->data_key, cfg->index_key };
		struct enterprise	e;
		struct scope		sc;
		struct user		u;

		if (user_by_id(r->app->db, r->a, id, &u) == ERR_OK) {
			scope_of_user(&sc, &u);
			if (enterprise_get(r->app->db, r->a, &keys, &sc, u.org_id,
			    false, &e) == ERR_OK &&
			    (why = password_policy(r->f[FGT_PASSWORD].s,
			    &(struct pw_context){ u.username, r->f[FGT_MOBILE].s,
			    e.uscc, u.org_name })) != NULL) {
				req_field_error(r, "password", why);
				return 200;
			}
		}
	}
	actor.user_id = id;
	actor.role = "enterprise";
	why = user_set_password(r->app->db, r->a, &actor, id, r->f[FGT_PASSWORD].s, &err);
	if (why != NULL && strcmp(why, "db") == 0)
		return status_of(err);
	if (why != NULL) {
		req_field_error(r, "password", why);
		return 200;
	}
	r->location = "/login?reset=1";
	return 303;
}

/* --- the enterprise's contact person and mobile ------------------------------ */

enum {
	CT_REAL_NAME, CT_MOBILE, CT_SMS_CODE, CT_PASSWORD, CT__MAX
};

#define CT_FIELDS(R) { \
	[CT_REAL_NAME] = { .name = "real_name", .kind = FK_TEXT, .flags = F_REQUIRED | F_TRIM, .minlen = 2, .maxlen = 50 }, \
	[CT_MOBILE] = { .name = "mobile", .kind = FK_CUSTOM, .flags = F_REQUIRED | F_TRIM, .maxlen = 20, .check = check_mobile }, \
	[CT_SMS_CODE] = { .name = "sms_code", .kind = FK_CUSTOM, .flags = R | F_TRIM | F_SECRET, .maxlen = 6, .check = check_sms_code }, \
	[CT_PASSWORD] = { .name = "password", .kind = FK_TEXT, .flags = R | F_SECRET, .maxlen = PASSWORD_MAX }, \
}

static const struct field contact_fields[CT__MAX] = CT_FIELDS(F_REQUIRED);
static const struct field contact_sms_fields[CT__MAX] = CT_FIELDS(0);
const struct form contact_form = { contact_fields, CT__MAX };
const struct form contact_sms_form = { contact_sms_fields, CT__MAX };

/* The page's facts: the mobile on record, masked. */
static int
contact_page(struct req *r)
{
	const struct config	*cfg = r->app->cfg;
	const char		*mobile = "";

	r->tmpl = TMPL_ACCOUNT_CONTACT;
	req_set(r, "Page.nav", "account");
	if (cfg->have_keys &&
	    user_mobile(r->app->db, r->a, cfg->data_key, r->sess->user.id, &mobile) == ERR_OK &&
	    *mobile != '\0')
		req_set(r, "Contact.mobile", contact_mask(r->a, mobile));
	return 200;
}

/*
 * POST /account/contact/sms (real_name, mobile): sends a code to the new
 * mobile and shows the form again as typed (the password aside).
 */
int
handle_account_contact_sms(struct req *r)
{
	int st;

	if ((st = contact_page(r)) != 200)
		return st;
	if (r->f[CT_MOBILE].error != NULL)
		return 200;
	for (int i = CT_SMS_CODE; i < CT__MAX; i++) {
		char name[96];

		snprintf(name, sizeof name, "Form.%s.error", contact_fields[i].name);
		hdf_remove_tree(r->hdf, name);
	}
	return send_code(r, SMS_CONTACT, r->f[CT_MOBILE].s, true);
}

/* user_set_contact's check: the code sent to the new mobile. */
struct contact_code {
	struct req		*r;
	struct audit_actor	*actor;
};

static const char *
contact_code_ok(void *ctx)
{
	struct contact_code	*c = ctx;
	struct req		*r = c->r;
	int			 ok;

	ok = sms_check_code(r->app->db, r->app->cfg->index_key, &sms_default_policy,
	    c->actor, SMS_CONTACT, r->f[CT_MOBILE].s, r->f[CT_SMS_CODE].s);
	return ok == 1 ? NULL : ok == -2 ? "db" : ok == -1 ? "sms_expired" : "sms_wrong";
}

/*
 * GET /account/contact (enterprise users): the form to change the
 * contact person and mobile.  POST (real_name, mobile, sms_code,
 * password): the current password, then the code sent to the new mobile,
 * then the change with its audit row; 303 to /account?contact=1.  A
 * wrong password keeps the code for the next try.
 */
int
handle_account_contact(struct req *r)
{
	const struct config	*cfg = r->app->cfg;
	struct audit_actor	 actor;
	struct contact_code	 cc = { r, &actor };
	const char		*why;
	enum err		 err;
	int			 st;

	if ((st = contact_page(r)) != 200)
		return st;
	if (r->method != HTTP_POST) {
		req_set(r, "Form.real_name.value", r->sess->user.real_name);
		return 200;
	}
	if (r->nerrors > 0)
		return 200;
	if (!cfg->have_keys)
		return 500;
	req_actor(r, &actor);
	why = user_set_contact(r->app->db, r->a, cfg->data_key, cfg->index_key,
	    &actor, &r->sess->user, r->f[CT_PASSWORD].s, r->f[CT_REAL_NAME].s,
	    r->f[CT_MOBILE].s, contact_code_ok, &cc, &err);
	if (why != NULL && strcmp(why, "db") == 0)
		return status_of(err);
	if (why != NULL) {
		req_field_error(r, strcmp(why, "pw_current") == 0 ? "password" : "sms_code", why);
		return 200;
	}
	r->location = "/account?contact=1";
	return 303;
}
