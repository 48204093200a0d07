/*
 * perm.h -- permissions within roles and the three administrative roles
 * (issue 16, R-02.3, X-SEC, 等保 level 3 三权分立).
 *
 * A route's role bits say who may open a page at all (cgi/routes.c).
 * Inside a role, a permission says who may do one thing: a gov user views
 * credit information only with `credit.view` and imports it only with
 * `credit.import` (and only the categories its agency is a source of).
 *
 * The rule table perm_cell() says, for every role and permission, how the
 * permission is had: never; fixed (an administrative role's own pages);
 * through the role (the security administrator's role -> permission
 * assignments, table role_permissions); or through the role and the
 * account itself (users.perms: the change form's 开设用户 line).  An
 * administrative role holds only its own fixed permissions: nothing can
 * be assigned to it and nothing of it to another role, so no account
 * combines two of the three (schema/030_permissions.sql refuses a change
 * of role to or from one, too).
 *
 * The security settings (lockout, password age, session limits) are rows
 * of security_settings over the configuration's values, read from the
 * database on every request that needs them: a change takes effect
 * without a restart.
 */
#ifndef DUIJIE_PERM_H
#define DUIJIE_PERM_H

#include <stdbool.h>
#include <stddef.h>

#include "core/arena.h"
#include "core/config.h"
#include "db/audit.h"
#include "db/db.h"
#include "accounts/user.h"

enum perm {
	PERM_CREDIT_VIEW,	/* credit.view: open an enterprise's credit information */
	PERM_CREDIT_IMPORT,	/* credit.import: import for the agency's source categories */
	PERM_STAFF_ADMIN,	/* staff.admin: staff accounts (system administrator) */
	PERM_SECURITY_ADMIN,	/* security.admin: assignments, settings (security administrator) */
	PERM_AUDIT_READ,	/* audit.read: the audit log and its export (audit administrator) */
	PERM__MAX
};

#define PERM_BIT(p)	(1u << (p))
/* The permissions an account holds one by one (users.perms). */
#define PERMS_ACCOUNT	(PERM_BIT(PERM_CREDIT_VIEW) | PERM_BIT(PERM_CREDIT_IMPORT))

/* How a role has a permission: the rule table's cells. */
enum perm_rule {
	PERM_NEVER,		/* never, and no assignment can give it */
	PERM_FIXED,		/* always: the administrative role's own */
	PERM_BY_ROLE,		/* while the role holds it (role_permissions) */
	PERM_BY_ROLE_USER,	/* while the role and the account hold it */
	PERM_RULE__MAX
};

/* The three administrative roles (and none for the others). */
enum admin_role { ADMIN_NONE, ADMIN_SYSTEM, ADMIN_SECURITY, ADMIN_AUDIT };

const char	*perm_name(enum perm);		/* "credit.view"; NULL outside */
int		 perm_parse(const char *);	/* -1 when unknown */
/* users.perms / agency_form_lines.perms ("credit.view,credit.import") as
 * bits of PERMS_ACCOUNT; unknown names are dropped. */
unsigned	 perm_set_parse(const char *);
/* The SET literal of bits & PERMS_ACCOUNT, in `a` ("" for none); NULL on
 * OOM. */
const char	*perm_set_text(struct arena *, unsigned bits);

enum admin_role	 role_admin(enum role);
/* The cell of (role, permission); PERM_NEVER outside the enums. */
enum perm_rule	 perm_cell(enum role, enum perm);
/* True when the security administrator may assign p to role r (or take
 * it away): the cells PERM_BY_ROLE and PERM_BY_ROLE_USER. */
bool		 perm_assignable(enum role, enum perm);

/*
 * May user u use permission p now?  Reads role_permissions for the
 * PERM_BY_ROLE* cells; u->perms for PERM_BY_ROLE_USER.  *ok false
 * otherwise.  Database errors only.
 */
enum err	 perm_check(struct db *, const struct user *u, enum perm p,
		    bool *ok);
/* Every role's assigned permissions: held[role] gets PERM_BIT()s (the
 * fixed ones included).  Database errors only. */
enum err	 perm_role_table(struct db *, unsigned held[ROLE__MAX]);
/*
 * The security administrator grants (or revokes) p to role r: one
 * transaction, the row and a "security.role_perm" audit row.
 * ERR_FORBIDDEN when the cell is not assignable (nothing written: the
 * caller audits the refusal); ERR_OK also when it already was so.
 */
enum err	 perm_role_set(struct db *, const struct audit_actor *,
		    enum role r, enum perm p, bool grant);

/* --- the categories an agency is a source of (credit.import) ---------- */

/* *yes when the agency is a source of the category.  DB errors only. */
enum err	 perm_agency_source(struct db *, long long agency_id,
		    long long category_id, bool *yes);
/* The agency's source category ids into *ids (in `a`, *n of them). */
enum err	 perm_agency_sources(struct db *, struct arena *,
		    long long agency_id, long long **ids, size_t *n);
/* Makes the agency a source (or not) of the category, audited as
 * "agency.source" in one transaction. */
enum err	 perm_agency_source_set(struct db *, const struct audit_actor *,
		    long long agency_id, long long category_id, bool on);
/* Makes the agency a source of every category (demo data). */
enum err	 perm_agency_source_all(struct db *, long long agency_id);

/* --- the security settings ------------------------------------------- */

enum secset {
	SS_MAX_FAILURES,	/* Auth.max_failures */
	SS_FAILURE_WINDOW,	/* Auth.failure_window, seconds */
	SS_LOCK_SECS,		/* Auth.lock_secs */
	SS_STAFF_PW_DAYS,	/* Auth.staff_pw_days */
	SS_SESSION_IDLE,	/* Session.idle, seconds */
	SS_SESSION_ABSOLUTE,	/* Session.absolute, seconds */
	SS__MAX
};

struct secset_def {
	const char	*name;		/* "max_failures": the row's name, the form field */
	unsigned	 min, max;
};
extern const struct secset_def secset_defs[SS__MAX];

/* The value of setting i within `auth`. */
unsigned	*secset_slot(struct config_auth *, enum secset);
/*
 * *out = *base with every row of security_settings in its place (a value
 * outside its bounds is ignored and logged).  Database errors only: *out
 * is then *base.
 */
enum err	 secset_load(struct db *, const struct config_auth *base,
		    struct config_auth *out);
/*
 * The same from the rows as "name=value,name=value" (SECSET_PAIRS_SQL,
 * which a statement of its own round trip selects: session_lookup's):
 * *out = *base with each valid pair in its place; a bad pair is ignored
 * and logged.  pairs may be NULL (no rows).
 */
void		 secset_apply(const struct config_auth *base, const char *pairs,
		    struct config_auth *out);
#define SECSET_PAIRS_SQL \
	"(SELECT GROUP_CONCAT(CONCAT(ss.name, '=', ss.value) SEPARATOR ',')" \
	" FROM security_settings ss)"
/*
 * Stores v[] (each within its bounds: ERR_INVAL otherwise, nothing
 * written) where it differs from *cur, one "security.settings" audit row
 * naming each change ("max_failures 5 -> 3"), one transaction.  *changed
 * gets how many changed (0: nothing written).
 */
enum err	 secset_save(struct db *, const struct audit_actor *,
		    const struct config_auth *cur, const unsigned v[SS__MAX],
		    unsigned *changed);

/* --- staff accounts (system administrator) ---------------------------- */

/* The accounts of the offices (operator, supervisor and the three
 * administrative roles) of the region scope (440000: all), newest first,
 * at most max. */
enum err	 perm_staff_list(struct db *, struct arena *, const char *region,
		    size_t max, struct user **v, size_t *n);

#endif
