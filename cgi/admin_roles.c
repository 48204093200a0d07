/*
 * admin_roles.c -- the pages of the system and security administrators
 * and the permission check of the other pages (issue 16, 等保 level 3
 * 三权分立, R-02.3, X-SEC, X-AUD).
 *
 * The route table keeps each administrative role to its own pages: the
 * system administrator's /staff (the offices' accounts), the security
 * administrator's /security (settings) and /security/roles (role ->
 * permission assignments), the audit administrator's /audit; every other
 * role is refused there by the dispatcher (403, access.denied).  What a
 * role may be given is lib/accounts/perm.c's table: an administrative
 * role gets nothing assigned, so no account combines two of them.
 */
#include <stdio.h>
#include <string.h>

#include "routes.h"
#include "accounts/perm.h"
#include "db/db_region.h"
#include "db/org.h"

#define STAFF_LIST_MAX	200

/* The roles the system administrator opens accounts of. */
static const char *const staff_roles[] = { "operator", "supervisor",
	"auditor", "sysadmin", "secadmin", NULL };

enum { SF_USERNAME, SF_ROLE, SF_REGION, SF_REAL_NAME, SF_CONTACT, SF__MAX };
static const struct field staff_fields[SF__MAX] = {
	[SF_USERNAME] = { .name = "username", .kind = FK_TEXT,
	    .flags = F_TRIM | F_REQUIRED, .maxlen = 40 },
	[SF_ROLE] = { .name = "role", .kind = FK_CHOICE, .flags = F_REQUIRED,
	    .choices = staff_roles },
	[SF_REGION] = { .name = "region", .kind = FK_TEXT,
	    .flags = F_TRIM | F_REQUIRED, .maxlen = 6 },
	[SF_REAL_NAME] = { .name = "real_name", .kind = FK_TEXT,
	    .flags = F_TRIM | F_REQUIRED, .maxlen = 50 },
	[SF_CONTACT] = { .name = "contact", .kind = FK_TEXT,
	    .flags = F_TRIM | F_REQUIRED, .maxlen = 100 },
};
const struct form staff_form = { staff_fields, SF__MAX };

/* The security settings form: one integer field per setting, in the
 * order of enum secset (the bounds are checked against secset_defs). */
static const struct field secset_fields[SS__MAX] = {
	[SS_MAX_FAILURES] = { .name = "max_failures", .kind = FK_INT, .min = 0, .max = 1LL << 31 },
	[SS_FAILURE_WINDOW] = { .name = "failure_window", .kind = FK_INT, .min = 0, .max = 1LL << 31 },
	[SS_LOCK_SECS] = { .name = "lock_secs", .kind = FK_INT, .min = 0, .max = 1LL << 31 },
	[SS_STAFF_PW_DAYS] = { .name = "staff_pw_days", .kind = FK_INT, .min = 0, .max = 1LL << 31 },
	[SS_SESSION_IDLE] = { .name = "session_idle", .kind = FK_INT, .min = 0, .max = 1LL << 31 },
	[SS_SESSION_ABSOLUTE] = { .name = "session_absolute", .kind = FK_INT, .min = 0, .max = 1LL << 31 },
};
const struct form security_form = { secset_fields, SS__MAX };

static const char *const grant_choices[] = { "grant", "revoke", NULL };
enum { RP_ROLE, RP_PERM, RP_ACTION, RP__MAX };
static const struct field roleperm_fields[RP__MAX] = {
	[RP_ROLE] = { .name = "role", .kind = FK_TEXT, .flags = F_TRIM, .maxlen = 20 },
	[RP_PERM] = { .name = "perm", .kind = FK_TEXT, .flags = F_TRIM, .maxlen = 32 },
	[RP_ACTION] = { .name = "action", .kind = FK_CHOICE, .choices = grant_choices },
};
const struct form security_roles_form = { roleperm_fields, RP__MAX };

/* --- the permission check of other pages ------------------------------- */

int
req_perm(struct req *r, enum perm p)
{
	struct audit_actor	a;
	char			why[64];
	bool			ok = false;
	enum err		rc;

	if ((rc = perm_check(r->app->db, &r->sess->user, p, &ok)) != ERR_OK)
		return status_of(rc);
	if (ok)
		return 0;
	req_actor(r, &a);
	snprintf(why, sizeof why, "permission %s not held", perm_name(p));
	if (audit_write1(r->app->db, &a, "access.denied", "permission",
	    perm_name(p), AUDIT_DENIED, why) == ERR_DB_LOST)
		return 503;
	req_set(r, "Error.permission", perm_name(p));
	return 403;
}

/* --- /staff: the offices' accounts (system administrator) --------------- */

static int
staff_page(struct req *r)
{
	struct user	*v;
	size_t		 n;
	enum err	 rc;
	char		 key[48];

	r->tmpl = TMPL_STAFF;
	r->tmpl_on_4xx = true;
	req_set(r, "Page.nav", "staff");
	if (!r->f[SF_REGION].present)
		req_set(r, "Form.region.value", r->sess->user.region);
	for (size_t i = 0; staff_roles[i] != NULL; i++) {
		HDF *row = req_row(r, "Roles", i);

		snprintf(key, sizeof key, "Role.%s", staff_roles[i]);
		if (row == NULL || node_set(row, "name", staff_roles[i]) == -1 ||
		    node_set(row, "label", views_str(r->app->views, key)) == -1)
			return 500;
	}
	if ((rc = perm_staff_list(r->app->db, r->a, r->sess->user.region,
	    STAFF_LIST_MAX, &v, &n)) != ERR_OK)
		return status_of(rc);
	for (size_t i = 0; i < n; i++) {
		HDF *row = req_row(r, "Staff", i);

		snprintf(key, sizeof key, "Role.%s", role_name(v[i].role));
		if (row == NULL ||
		    node_set(row, "id", arena_printf(r->a, "%lld", v[i].id)) == -1 ||
		    node_set(row, "username", v[i].username) == -1 ||
		    node_set(row, "real_name", v[i].real_name) == -1 ||
		    node_set(row, "role", role_name(v[i].role)) == -1 ||
		    node_set(row, "role_label", views_str(r->app->views, key)) == -1 ||
		    node_set(row, "region_name", v[i].region_name) == -1 ||
		    node_set(row, "status", user_status_name(v[i].status)) == -1)
			return 500;
	}
	return 200;
}

/* How many values of `name` the body carries. */
static size_t
body_count(const struct req *r, const char *name)
{
	size_t n = 0;

	for (size_t i = 0; i < r->body.n; i++)
		if (strcmp(r->body.v[i].name, name) == 0)
			n++;
	return n;
}

static bool
username_ok(const char *s)
{
	size_t n = strlen(s);

	if (n < 3 || n > 40)
		return false;
	for (; *s != '\0'; s++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') ||
		    *s == '-' || *s == '_'))
			return false;
	return true;
}

/*
 * GET /staff (system administrator): the accounts of the offices of the
 * administrator's region and the form that opens one.  POST (username,
 * role: one of operator, supervisor, auditor, sysadmin, secadmin; region;
 * real_name; contact): opens the account with a one-time password, shown
 * once (200); a bad field is a message next to it; a request naming more
 * than one role is refused (one role per account: 403, audited); a region
 * outside the administrator's is a message, nothing created.
 */
int
handle_staff(struct req *r)
{
	struct audit_actor	 a;
	struct user_new		 n;
	long long		 office = 0, id = 0;
	char			 otp[OTP_LEN + 1];
	enum err		 rc;
	int			 st, role;

	if (r->method != HTTP_POST)
		return staff_page(r);
	if (body_count(r, "role") > 1) {
		/* 三权分立: one account, one role -- never two of them */
		req_actor(r, &a);
		if (audit_write1(r->app->db, &a, "access.denied", "user",
		    r->f[SF_USERNAME].s != NULL ? r->f[SF_USERNAME].s : "",
		    AUDIT_DENIED, "roles combined on one account") == ERR_DB_LOST)
			return 503;
		req_field_error(r, "role", "staff_one_role");
		if ((st = staff_page(r)) != 200)
			return st;
		return 403;
	}
	if (r->f[SF_USERNAME].error == NULL && !username_ok(r->f[SF_USERNAME].s))
		req_field_error(r, "username", "staff_username");
	if (r->f[SF_REGION].error == NULL) {
		const char *reg = r->f[SF_REGION].s;

		if (!region_code_valid(reg) ||
		    (rc = org_office_of_region(r->app->db, reg, &office)) == ERR_NOTFOUND)
			req_field_error(r, "region", "staff_region");
		else if (rc != ERR_OK)
			return status_of(rc);
		else if (!region_covers(r->sess->user.region, reg))
			req_field_error(r, "region", "staff_region_scope");
	}
	if (r->nerrors > 0)
		return staff_page(r);
	role = role_parse(r->f[SF_ROLE].s);
	memset(&n, 0, sizeof n);
	n.username = r->f[SF_USERNAME].s;
	n.role = (enum role)role;
	n.region = r->f[SF_REGION].s;
	n.org_kind = "office";
	n.org_id = office;
	n.real_name = r->f[SF_REAL_NAME].s;
	n.contact = r->f[SF_CONTACT].s;
	req_actor(r, &a);
	rc = user_create(r->app->db, &a, "user.create", &n, &id, otp);
	if (rc == ERR_DB_DUP) {
		req_field_error(r, "username", "fi_username_taken");
		return staff_page(r);
	}
	if (rc != ERR_OK)
		return status_of(rc);
	r->tmpl = TMPL_STAFF_OTP;
	r->secret = true;
	req_set(r, "Page.nav", "staff");
	st = req_set_secret(r, "Otp.password", otp);
	explicit_bzero(otp, sizeof otp);
	if (st == -1 || req_set(r, "Target.username", n.username) == -1 ||
	    req_set(r, "Target.real_name", n.real_name) == -1 ||
	    req_setf(r, "Target.id", "%lld", id) == -1)
		return 500;
	return 200;
}

/* --- /security: settings (security administrator) ------------------------ */

static int
security_page(struct req *r, const struct config_auth *cur, bool posted)
{
	struct config_auth c = *cur;

	r->tmpl = TMPL_SECURITY;
	r->tmpl_on_4xx = true;
	req_set(r, "Page.nav", "security");
	for (int i = 0; i < SS__MAX; i++) {
		char name[64];

		snprintf(name, sizeof name, "Bounds.%s.min", secset_defs[i].name);
		req_setf(r, name, "%u", secset_defs[i].min);
		snprintf(name, sizeof name, "Bounds.%s.max", secset_defs[i].name);
		req_setf(r, name, "%u", secset_defs[i].max);
		if (!posted) {
			snprintf(name, sizeof name, "Form.%s.value", secset_defs[i].name);
			req_setf(r, name, "%u", *secset_slot(&c, (enum secset)i));
		}
	}
	return 200;
}

/*
 * GET /security (security administrator): the lockout, password and
 * session settings in force (the database's rows over the
 * configuration).  POST: every field within its bounds (a message next
 * to each one that is not, what was typed kept), then the changed ones
 * stored with one audit row; 303 to /security?done=1.  The next request
 * of every worker uses them.
 */
int
handle_security(struct req *r)
{
	struct config_auth	 cur;
	struct audit_actor	 a;
	unsigned		 v[SS__MAX], changed = 0;
	enum err		 rc;

	if ((rc = secset_load(r->app->db, &r->app->cfg->auth, &cur)) != ERR_OK)
		return status_of(rc);
	if (r->method != HTTP_POST) {
		if (req_raw(r, "done") != NULL)
			req_set(r, "Done", "1");
		return security_page(r, &cur, false);
	}
	for (int i = 0; i < SS__MAX; i++) {
		const struct fval *f = &r->f[i];

		if (!f->present || f->error != NULL ||
		    f->i < secset_defs[i].min || f->i > secset_defs[i].max) {
			if (f->error == NULL)
				req_field_error(r, secset_defs[i].name, "secset_bounds");
			continue;
		}
		v[i] = (unsigned)f->i;
	}
	if (r->nerrors > 0)
		return security_page(r, &cur, true);
	req_actor(r, &a);
	if ((rc = secset_save(r->app->db, &a, &cur, v, &changed)) != ERR_OK)
		return status_of(rc);
	r->location = "/security?done=1";
	return 303;
}

/* --- /security/roles: role -> permission (security administrator) ------- */

static int
roles_page(struct req *r)
{
	unsigned	held[ROLE__MAX];
	enum err	rc;
	char		key[48];
	size_t		k = 0;

	r->tmpl = TMPL_SECURITY_ROLES;
	r->tmpl_on_4xx = true;
	req_set(r, "Page.nav", "security");
	if ((rc = perm_role_table(r->app->db, held)) != ERR_OK)
		return status_of(rc);
	for (int p = 0; p < PERM__MAX; p++) {
		HDF *row = req_row(r, "Perms", (size_t)p);

		if (row == NULL || node_set(row, "name", perm_name((enum perm)p)) == -1)
			return 500;
	}
	for (int ro = 0; ro < ROLE__MAX; ro++) {
		HDF *row = req_row(r, "Roles", k++);

		snprintf(key, sizeof key, "Role.%s", role_name((enum role)ro));
		if (row == NULL || node_set(row, "name", role_name((enum role)ro)) == -1 ||
		    node_set(row, "label", views_str(r->app->views, key)) == -1)
			return 500;
		for (int p = 0; p < PERM__MAX; p++) {
			enum perm_rule c = perm_cell((enum role)ro, (enum perm)p);
			const char *cell = c == PERM_NEVER ? "never" :
			    c == PERM_FIXED ? "fixed" :
			    (held[ro] & PERM_BIT(p)) ? "held" : "not_held";
			HDF *pc;

			if ((pc = req_row(r, arena_printf(r->a, "Roles.%zu.cells", k - 1),
			    (size_t)p)) == NULL ||
			    node_set(pc, "perm", perm_name((enum perm)p)) == -1 ||
			    node_set(pc, "state", cell) == -1 ||
			    (c == PERM_BY_ROLE_USER && node_set(pc, "per_user", "1") == -1))
				return 500;
		}
	}
	if (req_raw(r, "done") != NULL)
		req_set(r, "Done", "1");
	return 200;
}

/*
 * GET /security/roles: every role x permission, held or not, and which
 * cells can be changed.  POST (role, perm, action grant|revoke): changes
 * one assignment (one transaction, audited); a cell the rule table does
 * not open -- an administrative role's permission to another role, any
 * permission to an administrative role -- is refused with 403 and an
 * access.denied row, nothing changed.
 */
int
handle_security_roles(struct req *r)
{
	struct audit_actor	 a;
	int			 ro, p;
	enum err		 rc;
	int			 st;

	if (r->method != HTTP_POST)
		return roles_page(r);
	ro = role_parse(r->f[RP_ROLE].s != NULL ? r->f[RP_ROLE].s : "");
	p = perm_parse(r->f[RP_PERM].s != NULL ? r->f[RP_PERM].s : "");
	if (ro < 0 || p < 0 || !r->f[RP_ACTION].present)
		return 400;
	req_actor(r, &a);
	rc = perm_role_set(r->app->db, &a, (enum role)ro, (enum perm)p,
	    strcmp(r->f[RP_ACTION].s, "grant") == 0);
	if (rc == ERR_FORBIDDEN) {
		char why[96];

		snprintf(why, sizeof why, "%s %s to %s: roles are not combined",
		    r->f[RP_ACTION].s, perm_name((enum perm)p), role_name((enum role)ro));
		if (audit_write1(r->app->db, &a, "access.denied", "role",
		    role_name((enum role)ro), AUDIT_DENIED, why) == ERR_DB_LOST)
			return 503;
		if ((st = roles_page(r)) != 200)
			return st;
		req_set(r, "Refused", "1");
		return 403;
	}
	if (rc != ERR_OK)
		return status_of(rc);
	r->location = "/security/roles?done=1";
	return 303;
}

/* --- /audit/verify (audit administrator) ------------------------------- */

/*
 * GET /audit/verify (audit administrator): the form.  POST: walks the
 * whole hash chain (audit_verify) and shows whether it is
 * intact or the id of the first broken row; the run is audited as
 * "audit.verify" with its result.  The same check as duijie-admin
 * audit-verify.
 */
int
handle_audit_verify(struct req *r)
{
	struct audit_actor	a;
	char			detail[48];
	long long		bad;

	r->tmpl = TMPL_AUDIT_VERIFY;
	req_set(r, "Page.nav", "audit");
	if (r->method != HTTP_POST)
		return 200;
	/* seals what has committed, then walks the chain and the seals
	 * (lib/db/audit.h): its own short transactions, none of ours */
	if ((bad = audit_verify(r->app->db, NULL)) < 0)
		return 503;
	if (bad == 0)
		snprintf(detail, sizeof detail, "intact");
	else
		snprintf(detail, sizeof detail, "broken at %lld", bad);
	req_actor(r, &a);
	if (audit_write1(r->app->db, &a, "audit.verify", "audit_log", "",
	    bad == 0 ? AUDIT_OK : AUDIT_FAILED, detail) == ERR_DB_LOST)
		return 503;
	req_set(r, "Verify.done", "1");
	if (bad != 0)
		req_setf(r, "Verify.broken", "%lld", bad);
	return 200;
}
