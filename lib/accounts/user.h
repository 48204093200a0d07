/*
 * user.h -- accounts of every role, their passwords and their state
 * (R-02.2, R-02.3, R-07.1, R-11.1).
 *
 * Secret columns (password hash, TOTP secret) never reach struct user:
 * they travel only inside this module.
 */
#ifndef DUIJIE_USER_H
#define DUIJIE_USER_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

#include "core/arena.h"
#include "db/audit.h"
#include "core/config.h"
#include "db/db.h"
#include "crypto/crypto.h"
#include "accounts/account_state.h"	/* enum user_status, the state table */
#include "crypto/password.h"

enum role {
	ROLE_ENTERPRISE,
	ROLE_GOV,
	ROLE_FI,
	ROLE_OPERATOR,
	ROLE_SUPERVISOR,
	ROLE_AUDITOR,		/* 审计管理员: the audit log (issue 16) */
	ROLE_SYSADMIN,		/* 系统管理员: staff accounts */
	ROLE_SECADMIN,		/* 安全管理员: permissions, security settings */
	ROLE__MAX
};

#define ROLE_BIT(r)	(1u << (r))
/* Staff: every role but enterprise (intranet, two factors, 90-day passwords). */
#define ROLES_STAFF	(ROLE_BIT(ROLE_GOV) | ROLE_BIT(ROLE_FI) | \
			 ROLE_BIT(ROLE_OPERATOR) | ROLE_BIT(ROLE_SUPERVISOR) | \
			 ROLE_BIT(ROLE_AUDITOR) | ROLE_BIT(ROLE_SYSADMIN) | \
			 ROLE_BIT(ROLE_SECADMIN))

struct user {
	long long		 id;
	const char		*username;
	enum role		 role;
	const char		*region;	/* "440100" */
	const char		*region_name;
	const char		*org_kind;	/* enterprise, agency, fi, office */
	long long		 org_id;
	const char		*org_name;
	const char		*real_name;
	const char		*contact;
	enum user_status	 status;
	const char		*locked_until;	/* UTC "YYYY-MM-DD HH:MM:SS" or NULL */
	bool			 must_change_pw;
	bool			 totp_enrolled;
	int			 pw_age_days;
	const char		*last_login_at;	/* UTC or NULL */
	const char		*prev_login_at;	/* the sign-in before it, or NULL */
	const char		*created_at;
	const char		*status_reason;	/* why suspended or revoked, or "" */
	unsigned		 perms;		/* users.perms as PERM_BIT()s (accounts/perm.h) */
};

/*
 * The columns of struct user and the FROM clause they need, for other
 * modules' statements that return users (sessions join them).  Fill the
 * struct with user_from_row(), `first` being the index of the first of
 * these columns in the row; -1 when a required column is missing.
 */
#define USER_COLS \
	"u.id, u.username, u.role, u.region_code, r.name, u.org_kind, u.org_id," \
	" u.org_name, u.real_name, u.contact_enc," \
	" u.status, DATE_FORMAT(u.locked_until, '%Y-%m-%d %H:%i:%s')," \
	" u.must_change_pw, u.totp_secret IS NOT NULL," \
	" DATEDIFF(UTC_TIMESTAMP(), u.pw_changed_at)," \
	" DATE_FORMAT(u.last_login_at, '%Y-%m-%d %H:%i:%s')," \
	" DATE_FORMAT(u.created_at, '%Y-%m-%d %H:%i:%s'), u.status_reason," \
	" DATE_FORMAT(u.prev_login_at, '%Y-%m-%d %H:%i:%s'), u.perms"

/* u.org_name is the organisation's name, kept by triggers
 * (schema/010_users_org_name.sql): no join per organisation kind. */
#define USER_FROM \
	" FROM users u JOIN regions r ON r.code = u.region_code"

struct db_rows;
int		 user_from_row(const struct db_rows *, struct arena *,
		    unsigned first, struct user *);

const char	*role_name(enum role);		/* "operator" */
int		 role_parse(const char *);	/* -1 when unknown */
const char	*user_status_name(enum user_status);
/* The portal a role signs in on. */
enum portal	 role_portal(enum role);
/* True when an actor of `region` may see a user of `target`:
 * the province (440000) sees all, a city only itself. */
bool		 region_covers(const char *actor_region, const char *target);

/* Lookups; ERR_NOTFOUND when there is no such user. */
enum err	 user_by_id(struct db *, struct arena *, long long id, struct user *);
enum err	 user_by_name(struct db *, struct arena *, const char *name, struct user *);
/* User `id` into *u when `sc`'s region covers the user's (R-02.2; the
 * predicate is in the statement): the target of an operator's action.
 * ERR_NOTFOUND for none in the scope, ERR_DB_LOST, ERR_DB. */
struct scope;
enum err	 user_get(struct db *, struct arena *, const struct scope *sc,
		    long long id, struct user *);

/*
 * Sign-in by password.  Does the same KDF work whether or not
 * the user exists, before the user's row is locked.  On success fills *u,
 * resets the failure count, records last_login_at, upgrades a stale hash,
 * writes the audit row and puts into `notice` the time (UTC) the account
 * was locked since its last good sign-in ("" when it was not).  A failure
 * of an unknown name is audited with an HMAC of the name, not the name.
 * Results:
 */
enum auth_result {
	AUTH_OK,
	AUTH_BAD,		/* unknown user or wrong password: one message */
	AUTH_LOCKED,		/* locked (now or before): as BAD, not to tell */
	AUTH_INACTIVE,		/* suspended or revoked: same message as BAD */
	AUTH_WRONG_PORTAL,	/* staff on the internet portal etc.: as BAD */
	AUTH_THROTTLED,		/* too many failures from this address */
	AUTH_OTP_EXPIRED,	/* right one-time password, past Auth.otp_days */
	AUTH_ERROR,		/* database: *err set */
};

struct auth_policy {
	unsigned	max_failures;		/* 5 */
	unsigned	failure_window;		/* seconds, 900 */
	unsigned	lock_secs;		/* 1800 */
	unsigned	addr_max_failures;	/* per address per window, 20 */
	unsigned	otp_days;		/* one-time passwords live 7 days */
	const unsigned char *name_key;		/* Keys.index, for unknown names; may be NULL */
};

/*
 * Test hook (NULL in the product): called with user_kdf_hook_arg just
 * before every password KDF run of this module (sign-in, change, reset,
 * creation), so that a test can check that no row lock is held then.
 */
extern void	(*user_kdf_hook)(void *);
extern void	*user_kdf_hook_arg;

enum auth_result user_authenticate(struct db *, struct arena *,
		    const struct auth_policy *, const struct audit_actor *,
		    enum portal, const char *username, const char *password,
		    struct user *u, char notice[32], enum err *err);

/* Password change by the user: the current password first
 * ("pw_current", audited), then `confirm` equal to `next` ("pw_mismatch"),
 * then the policy against ctx, then not one of the last 5 -- every KDF
 * run before the row is locked; ends every other session
 * (keep_session_hash may be NULL), audited.  Returns NULL on success or a
 * message key ("pw_*", "pw_reused", "pw_current"), or "db" with *err set. */
const char	*user_change_password(struct db *, struct arena *,
		    const struct audit_actor *, const struct user *,
		    const struct pw_context *ctx, const char *current,
		    const char *next, const char *confirm,
		    const unsigned char *keep_session_hash, enum err *err);

/* Sets `pw` (policy already checked) after a verified reset by SMS: not one
 * of the last 5 ("pw_reused"), no forced change, every session ended,
 * audited as "password.reset.self".  NULL on success, else a message key
 * or "db" with *err set. */
const char	*user_set_password(struct db *, struct arena *,
		    const struct audit_actor *, long long user_id,
		    const char *pw, enum err *err);
/* A check run once the password is known right: NULL, a message key, or
 * "db" for a database error. */
typedef const char *user_check_fn(void *ctx);

/*
 * An enterprise user changes its contact person (real_name) and mobile
 * (issue 18): the current password first ("pw_current", audited as a
 * failed "account.contact"; the KDF before any lock), then `check` (the
 * caller's SMS code to the new mobile, so a wrong password does not use
 * the code up; NULL: none), then the mobile sealed under data_key with
 * its blind index under index_key and the row updated with its
 * "account.contact" audit row in one transaction.  Returns NULL on
 * success, "pw_current" or check's key; "db" with *err set (ERR_FORBIDDEN
 * for a staff account, ERR_CONFLICT for one no longer active).
 */
const char	*user_set_contact(struct db *, struct arena *,
		    const unsigned char data_key[32], const unsigned char index_key[32],
		    const struct audit_actor *, const struct user *u,
		    const char *password, const char *name, const char *mobile,
		    user_check_fn *check, void *ctx, enum err *err);
/* The user's mobile (opened with Keys.data) into the arena, or "" when
 * none is on record.  ERR_INVAL when it does not open. */
enum err	 user_mobile(struct db *, struct arena *, const unsigned char key[32],
		    long long user_id, const char **mobile);
/* The id of the enterprise user `username` whose mobile has blind index
 * idx; 0 when there is none (the caller answers the same either way). */
enum err	 user_by_name_mobile(struct db *, const char *username,
		    const unsigned char idx[32], long long *id);

/* Sets a generated one-time password (forced change at next sign-in),
 * ends all sessions, audited as "password.reset" through the state table
 * (user_step_tx, ACCT_PW_RESET by `by`).  otp receives the password (wiped
 * on failure).  ERR_CONFLICT when the user's state refuses a reset
 * (revoked), ERR_FORBIDDEN when `by` may not. */
#define OTP_LEN 14
enum err	 user_reset_password(struct db *, const struct audit_actor *,
		    enum acct_by by, long long user_id, char otp[OTP_LEN + 1]);
/* A random one-time password that meets the policy. */
void		 user_make_otp(char otp[OTP_LEN + 1]);
/* A one-time password and its hash, made before a transaction (the KDF
 * takes a fifth of a second: never inside one).  -1 on OOM (otp wiped). */
int		 user_otp_hash(char otp[OTP_LEN + 1], char hash[PASSWORD_HASH_MAX]);

/*
 * The one writer of users.status (lib/accounts/account_state.h): locks the user's
 * row, looks up (its status, ch->action) in the state table, refuses what
 * the table refuses, applies the step (status, lock, failure count,
 * sessions, wiped secrets, reason) and writes its audit row -- all in the
 * caller's transaction (user_step_tx) or in one of its own (user_step).
 * For ACCT_BY_OPERATOR the rule table (account_rule.h) is checked too,
 * from actor->user_id, actor->role and actor->region.
 * Returns ERR_OK (*to, may be NULL, gets the new status); ERR_NOTFOUND;
 * ERR_CONFLICT when the state has no such transition (nothing written);
 * ERR_FORBIDDEN when `by` or the actor may not; ERR_INVAL when the step
 * needs a reason and ch->reason is empty; database errors.  The caller
 * rolls back on any error of user_step_tx.
 */
struct acct_change {
	enum acct_action	 action;
	enum acct_by		 by;
	const char		*reason;	/* kept in status_reason and the audit
						 * detail; NULL or "" when none */
	unsigned		 lock_secs;	/* ACCT_LOCK: for how long */
};
enum err	 user_step_tx(struct db *, const struct audit_actor *,
		    long long user_id, const struct acct_change *,
		    enum user_status *to);
enum err	 user_step(struct db *, const struct audit_actor *,
		    long long user_id, const struct acct_change *,
		    enum user_status *to);

/*
 * Counts one failed sign-in (password or second factor) of user_id in the
 * caller's transaction and, at pol->max_failures within the window,
 * locks it through user_step_tx (ACCT_LOCK by ACCT_BY_SIGNIN): *locked is
 * then true.  A suspended or revoked user is counted, never locked (its
 * state stays what it is).  Database errors only.
 */
struct auth_policy;
enum err	 user_count_failure_tx(struct db *, const struct audit_actor *,
		    long long user_id, const struct auth_policy *, bool *locked);

/* TOTP (two factors for staff).  The secret is sealed with `key`. */
enum err	 user_totp_secret(struct db *, const unsigned char key[32],
		    long long user_id, unsigned char *secret, size_t *len);
enum err	 user_totp_enrol(struct db *, const unsigned char key[32],
		    const struct audit_actor *, long long user_id,
		    const unsigned char *secret, size_t len, long long step);
/*
 * Accepts a code once: 1 ok, 0 wrong or reused, 2 wrong and the pending
 * sign-in is over (the session's fifth wrong code, or the account locked:
 * the session is deleted), -1 database.  A wrong code counts against the
 * session (session_hash) and toward the account lock like a wrong
 * password (user_count_failure_tx); each attempt is audited in the same
 * transaction.
 */
#define TOTP_MAX_FAILURES 5
int		 user_totp_verify(struct db *, const unsigned char key[32],
		    const struct audit_actor *, const struct auth_policy *,
		    long long user_id, const unsigned char session_hash[32],
		    const char *code, time_t now);
/* Forgets the authenticator through the state table (ACCT_TOTP_RESET):
 * errors as user_step. */
enum err	 user_totp_reset(struct db *, const struct audit_actor *,
		    enum acct_by by, long long user_id);

/*
 * Creates a user with the given password hash source: when `password` is
 * NULL a one-time password is generated into otp (must change at first
 * sign-in); else `password` is set as is (demo data) and must_change is as
 * given.  Audited as `action`.  ERR_DB_DUP when the username exists.
 */
struct user_new {
	const char	*username;
	enum role	 role;
	const char	*region;
	const char	*org_kind;
	long long	 org_id;
	const char	*real_name;
	const char	*contact;
	const char	*password;	/* NULL: generate a one-time password */
	bool		 must_change;
	const char	*mobile_enc;	/* sealed mobile (seal.h) or NULL */
	const unsigned char *mobile_idx; /* its blind index (32 bytes) or NULL */
	unsigned	 perms;		/* PERM_BIT()s the account holds (gov) */
};
enum err	 user_create(struct db *, const struct audit_actor *,
		    const char *action, const struct user_new *,
		    long long *id, char otp[OTP_LEN + 1]);

/*
 * The same changes inside the caller's transaction (db_begin .. db_commit),
 * for a change form that opens, resets and revokes several users at once:
 * the password hashes are made beforehand (user_otp_hash).  Each writes
 * its audit row; the caller rolls back on any error.
 */
enum err	 user_insert_tx(struct db *, const struct audit_actor *,
		    const char *action, const struct user_new *,
		    const char *hash, bool must_change, long long *id);
/* ACCT_FORM_RESET when by is ACCT_BY_FORM, else ACCT_PW_RESET. */
enum err	 user_reset_password_tx(struct db *, const struct audit_actor *,
		    enum acct_by by, long long user_id, const char *hash);

/* Operator list, scoped to `region`: matches q against username,
 * real name or organisation name; page is 0-based. */
struct user_list {
	struct user	*v;
	size_t		 n;
	long long	 total;
};
enum err	 user_search(struct db *, struct arena *, const char *region,
		    const char *q, size_t page, size_t per_page,
		    struct user_list *);

/*
 * Gov users of the region scope (440000: all) suspended outside a change
 * form and still waiting for one: status suspended, and no change
 * form naming them submitted since the suspension (a returned or draft
 * form does not count).  Longest waiting first, at most `max`.
 */
struct user_suspended {
	long long	 id;
	const char	*username;
	const char	*real_name;
	const char	*org_name;
	const char	*region_name;
	const char	*since;		/* UTC, or NULL when not known */
	const char	*reason;
};
enum err	 user_suspended_gov(struct db *, struct arena *, const char *region,
		    size_t max, struct user_suspended **v, size_t *n);

#endif
