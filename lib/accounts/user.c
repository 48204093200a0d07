/*
 * user.c -- the SQL and rules of the users table.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/enumname.h"
#include "db/db_region.h"
#include "accounts/scope.h"
#include "accounts/account_rule.h"
#include "accounts/perm.h"
#include "crypto/crypto.h"
#include "core/log.h"
#include "crypto/password.h"
#include "crypto/seal.h"
#include "accounts/session.h"
#include "accounts/sms.h"
#include "accounts/user.h"

enum {
	STMT_USER_BY_ID,
	STMT_USER_BY_NAME,
	STMT_USER_GET,
	STMT_USER_AUTH,
	STMT_USER_FAIL,
	STMT_USER_FAILS,
	STMT_USER_LOGIN_OK,
	STMT_USER_SET_HASH,
	STMT_USER_REHASH,
	STMT_USER_HASH,
	STMT_USER_HIST_LIST,
	STMT_USER_HIST_ADD,
	STMT_USER_HIST_TRIM,
	STMT_USER_END_SESSIONS,
	STMT_USER_STEP_LOCK,
	STMT_USER_STEP,
	STMT_USER_HIST_WIPE,
	STMT_USER_TOTP_GET,
	STMT_USER_TOTP_SET,
	STMT_USER_TOTP_STEP,
	STMT_USER_INSERT,
	STMT_USER_SEARCH_COUNT,
	STMT_USER_SEARCH,
	STMT_USER_THROTTLE_GET,
	STMT_USER_THROTTLE_ADD,
	STMT_USER_BY_NAME_MOBILE,
	STMT_USER_MOBILE,
	STMT_USER_SET_CONTACT,
	STMT_USER_SUSPENDED_GOV,
	STMT_USER_AUTH_PEEK,
	STMT_USER_HASH_PEEK,
	STMT_USER_LOCK_NOTICE,
	STMT_USER__MAX
};

#define USER_SCOPE \
	" WHERE" REGION_SCOPE("u.region_code") \
	" AND (? = '' OR u.username LIKE ? OR u.real_name LIKE ?" \
	" OR u.org_name LIKE ?)"

/* failures inside the window count up; outside it they start again */
#define IN_WINDOW \
	"fail_first_at IS NOT NULL AND fail_first_at > UTC_TIMESTAMP() - INTERVAL ? SECOND"

static const char *const sql[STMT_USER__MAX] = {
	[STMT_USER_BY_ID] = "SELECT " USER_COLS USER_FROM " WHERE u.id = ?",
	[STMT_USER_BY_NAME] = "SELECT " USER_COLS USER_FROM " WHERE u.username = ?",
	/* Parameters: id, the scope's region x2 (user_get, R-02.2). */
	[STMT_USER_GET] = "SELECT " USER_COLS USER_FROM
	    " WHERE u.id = ? AND" REGION_SCOPE("u.region_code"),
	[STMT_USER_AUTH] =
	    "SELECT id, pw_hash, status, role,"
	    " locked_until IS NOT NULL AND locked_until > UTC_TIMESTAMP(),"
	    " DATE_FORMAT(locked_until, '%Y-%m-%d %H:%i:%s'),"
	    " must_change_pw <> 0 AND pw_changed_at < UTC_TIMESTAMP() - INTERVAL ? DAY,"
	    " DATE_FORMAT(locked_notice, '%Y-%m-%d %H:%i:%s')"
	    " FROM users WHERE username = ? FOR UPDATE",
	[STMT_USER_FAIL] =
	    "UPDATE users SET fail_count = IF(" IN_WINDOW ", fail_count + 1, 1),"
	    " fail_first_at = IF(" IN_WINDOW ", fail_first_at, UTC_TIMESTAMP())"
	    " WHERE id = ?",
	[STMT_USER_FAILS] = "SELECT fail_count FROM users WHERE id = ?",
	[STMT_USER_LOGIN_OK] =
	    "UPDATE users SET fail_count = 0, fail_first_at = NULL,"
	    " prev_login_at = last_login_at, last_login_at = UTC_TIMESTAMP(),"
	    " locked_notice = NULL WHERE id = ?",
	[STMT_USER_SET_HASH] =
	    "UPDATE users SET pw_hash = ?, pw_changed_at = UTC_TIMESTAMP(),"
	    " must_change_pw = ?, updated_at = UTC_TIMESTAMP() WHERE id = ?",
	[STMT_USER_REHASH] = "UPDATE users SET pw_hash = ? WHERE id = ?",
	[STMT_USER_HASH] = "SELECT pw_hash FROM users WHERE id = ? FOR UPDATE",
	[STMT_USER_HIST_LIST] =
	    "SELECT pw_hash FROM password_history WHERE user_id = ?"
	    " ORDER BY id DESC LIMIT 5",
	[STMT_USER_HIST_ADD] =
	    "INSERT INTO password_history (user_id, pw_hash) VALUES (?, ?)",
	[STMT_USER_HIST_TRIM] =
	    "DELETE FROM password_history WHERE user_id = ? AND id NOT IN"
	    " (SELECT id FROM (SELECT id FROM password_history WHERE user_id = ?"
	    " ORDER BY id DESC LIMIT 5) keep)",
	[STMT_USER_END_SESSIONS] =
	    "DELETE FROM sessions WHERE user_id = ? AND id_hash <> ?",
	[STMT_USER_STEP_LOCK] =
	    "SELECT status, role, region_code FROM users WHERE id = ? FOR UPDATE",
	/* the one UPDATE of users.status (user_step_tx): status_at and
	 * status_reason first, they read the status before it changes */
	[STMT_USER_STEP] =
	    "UPDATE users SET status_at = IF(status <> ?, UTC_TIMESTAMP(), status_at),"
	    " status_reason = IF(status <> ?, ?, status_reason),"
	    " status = ?,"
	    " locked_until = CASE ? WHEN 1 THEN UTC_TIMESTAMP() + INTERVAL ? SECOND"
	    " WHEN 2 THEN NULL ELSE locked_until END,"
	    " fail_count = IF(?, 0, fail_count),"
	    " fail_first_at = IF(?, NULL, fail_first_at),"
	    " pw_hash = IF(?, '', pw_hash),"
	    " totp_secret = IF(?, NULL, totp_secret),"
	    " totp_last_step = IF(?, NULL, totp_last_step),"
	    " updated_at = UTC_TIMESTAMP() WHERE id = ?",
	[STMT_USER_HIST_WIPE] = "DELETE FROM password_history WHERE user_id = ?",
	[STMT_USER_TOTP_GET] =
	    "SELECT totp_secret, COALESCE(totp_last_step, -1) FROM users"
	    " WHERE id = ? FOR UPDATE",
	[STMT_USER_TOTP_SET] =
	    "UPDATE users SET totp_secret = ?, totp_last_step = ?,"
	    " updated_at = UTC_TIMESTAMP() WHERE id = ?",
	[STMT_USER_TOTP_STEP] = "UPDATE users SET totp_last_step = ? WHERE id = ?",
	[STMT_USER_INSERT] =
	    "INSERT INTO users (username, role, region_code, org_kind, org_id,"
	    " real_name, contact_enc, must_change_pw, pw_hash, mobile_enc, mobile_idx,"
	    " perms) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
	[STMT_USER_SEARCH_COUNT] = "SELECT COUNT(*)" USER_FROM USER_SCOPE,
	[STMT_USER_SEARCH] =
	    "SELECT " USER_COLS USER_FROM USER_SCOPE " ORDER BY u.id LIMIT ? OFFSET ?",
	[STMT_USER_THROTTLE_GET] =
	    "SELECT COALESCE(SUM(failures), 0) FROM login_throttle"
	    " WHERE client_addr = ? AND window_start > UTC_TIMESTAMP() - INTERVAL ? SECOND",
	[STMT_USER_THROTTLE_ADD] =
	    "INSERT INTO login_throttle (client_addr, window_start, failures)"
	    " VALUES (?, UTC_TIMESTAMP() - INTERVAL SECOND(UTC_TIMESTAMP()) SECOND, 1)"
	    " ON DUPLICATE KEY UPDATE failures = failures + 1",
	[STMT_USER_BY_NAME_MOBILE] =
	    "SELECT id FROM users WHERE username = ? AND mobile_idx = ?"
	    " AND role = 'enterprise' AND status IN ('active', 'locked')",
	[STMT_USER_MOBILE] = "SELECT mobile_enc FROM users WHERE id = ?",
	[STMT_USER_SET_CONTACT] =
	    "UPDATE users SET real_name = ?, mobile_enc = ?, mobile_idx = ?"
	    " WHERE id = ? AND role = 'enterprise' AND status = 'active'",
	[STMT_USER_SUSPENDED_GOV] =
	    "SELECT u.id, u.username, u.real_name, u.org_name, r.name,"
	    " DATE_FORMAT(u.status_at, '%Y-%m-%d %H:%i:%s'), u.status_reason"
	    " FROM users u JOIN regions r ON r.code = u.region_code"
	    " WHERE u.role = 'gov' AND u.status = 'suspended'"
	    " AND" REGION_SCOPE("u.region_code")
	    " AND NOT EXISTS (SELECT 1 FROM agency_form_lines l"
	    " JOIN agency_forms f ON f.id = l.form_id"
	    " WHERE l.target_user_id = u.id"
	    " AND f.status IN ('submitted', 'checked', 'approved', 'executed')"
	    " AND f.submitted_at >= COALESCE(u.status_at, '1970-01-01'))"
	    " ORDER BY u.status_at, u.id LIMIT ?",
	/* Reads without a lock, for the KDF to run before the row is locked. */
	[STMT_USER_AUTH_PEEK] = "SELECT id, pw_hash FROM users WHERE username = ?",
	[STMT_USER_HASH_PEEK] = "SELECT pw_hash FROM users WHERE id = ?",
	/* told to the owner at the next good sign-in (schema/013) */
	[STMT_USER_LOCK_NOTICE] =
	    "UPDATE users SET locked_notice = UTC_TIMESTAMP() WHERE id = ?",
};

static const struct db_module mod = { DBM_USER, STMT_USER__MAX, sql };

static const char *const role_names[ROLE__MAX] = {
	[ROLE_ENTERPRISE] = "enterprise", [ROLE_GOV] = "gov", [ROLE_FI] = "fi",
	[ROLE_OPERATOR] = "operator", [ROLE_SUPERVISOR] = "supervisor",
	[ROLE_AUDITOR] = "auditor", [ROLE_SYSADMIN] = "sysadmin",
	[ROLE_SECADMIN] = "secadmin",
};

static const char *const status_names[USER_STATUS__MAX] = {
	[USER_ACTIVE] = "active", [USER_LOCKED] = "locked",
	[USER_SUSPENDED] = "suspended", [USER_REVOKED] = "revoked",
	[USER_PENDING] = "pending",
};

const char *
role_name(enum role r)
{
	return enum_name(role_names, ROLE__MAX, (int)r);
}

int
role_parse(const char *s)
{
	return enum_parse(role_names, ROLE__MAX, s);
}

const char *
user_status_name(enum user_status s)
{
	return enum_name(status_names, USER_STATUS__MAX, (int)s);
}

static enum user_status
status_parse(const char *s)
{
	int i = enum_parse(status_names, USER_STATUS__MAX, s);

	/* unknown: the safest reading */
	return i < 0 ? USER_REVOKED : (enum user_status)i;
}

enum portal
role_portal(enum role r)
{
	return r == ROLE_ENTERPRISE ? PORTAL_INTERNET : PORTAL_INTRANET;
}

bool
region_covers(const char *actor, const char *target)
{
	if (actor == NULL || target == NULL)
		return false;
	return strcmp(actor, REGION_PROVINCE) == 0 || strcmp(actor, target) == 0;
}

int
user_from_row(const struct db_rows *r, struct arena *a, unsigned first,
    struct user *u)
{
#define C(n) (first + (n))
	int role = role_parse(db_col_str(r, C(2)));

	memset(u, 0, sizeof *u);
	u->id = db_col_int(r, C(0));
	u->username = db_col_dup(r, a, C(1));
	u->role = role < 0 ? ROLE_ENTERPRISE : (enum role)role;
	u->region = db_col_dup(r, a, C(3));
	u->region_name = db_col_dup(r, a, C(4));
	u->org_kind = db_col_dup(r, a, C(5));
	u->org_id = db_col_int(r, C(6));
	u->org_name = db_col_dup(r, a, C(7));
	u->real_name = db_col_dup(r, a, C(8));
	u->contact = contact_open(a, "users.contact", db_col_str(r, C(9)));	/* */
	u->status = status_parse(db_col_str(r, C(10)));
	u->locked_until = db_col_dup(r, a, C(11));
	u->must_change_pw = db_col_int(r, C(12)) != 0;
	u->totp_enrolled = db_col_int(r, C(13)) != 0;
	u->pw_age_days = (int)db_col_int(r, C(14));
	u->last_login_at = db_col_dup(r, a, C(15));
	u->created_at = db_col_dup(r, a, C(16));
	u->status_reason = db_col_dup(r, a, C(17));
	u->prev_login_at = db_col_dup(r, a, C(18));
	u->perms = perm_set_parse(db_col_str(r, C(19)));
	if (role < 0 || u->username == NULL || u->region == NULL ||
	    u->org_kind == NULL || u->real_name == NULL || u->contact == NULL)
		return -1;
	return 0;
#undef C
}

static enum err
user_one(struct db *db, struct arena *a, int stmt, struct db_param p,
    struct user *u)
{
	struct db_rows	*rows;
	enum err	 rc;
	int		 n;

	if ((rc = db_query(db, a, &mod, stmt, &p, 1, &rows)) != ERR_OK)
		return rc;
	if ((n = db_next(rows)) == 0)
		return ERR_NOTFOUND;
	if (n < 0)
		return db_connected(db) ? ERR_DB : ERR_DB_LOST;
	rc = user_from_row(rows, a, 0, u) == 0 ? ERR_OK : ERR_DB;
	db_rows_free(rows);
	return rc;
}

enum err
user_by_id(struct db *db, struct arena *a, long long id, struct user *u)
{
	return user_one(db, a, STMT_USER_BY_ID, DB_INT(id), u);
}

enum err
user_get(struct db *db, struct arena *a, const struct scope *sc, long long id,
    struct user *u)
{
	struct db_param	 p[] = {
		DB_INT(id), DB_STR(sc->region), DB_STR(sc->region),
	};
	struct db_rows	*rows;
	enum err	 rc;
	int		 n;

	if ((rc = db_query(db, a, &mod, STMT_USER_GET, p, sizeof p / sizeof p[0],
	    &rows)) != ERR_OK)
		return rc;
	if ((n = db_next(rows)) == 1)
		rc = user_from_row(rows, a, 0, u) == 0 ? ERR_OK : ERR_DB;
	else if (n == 0)
		rc = ERR_NOTFOUND;
	else
		rc = db_connected(db) ? ERR_DB : ERR_DB_LOST;
	db_rows_free(rows);
	return rc;
}

enum err
user_by_name(struct db *db, struct arena *a, const char *name, struct user *u)
{
	return user_one(db, a, STMT_USER_BY_NAME, DB_STR(name), u);
}

static enum err
end_sessions(struct db *db, long long user_id, const unsigned char *keep)
{
	static const unsigned char none[32];
	struct db_param p[] = {
		DB_INT(user_id),
		DB_STRN((const char *)(keep != NULL ? keep : none), 32),
	};

	return db_exec(db, &mod, STMT_USER_END_SESSIONS, p, 2, NULL, NULL);
}

/* The acting operator as a party of the rule table, from the audit actor
 * (the session's user). */
static void
actor_party(const struct audit_actor *actor, struct acct_party *p)
{
	int role = role_parse(actor->role);

	p->id = actor->user_id;
	p->role = role < 0 ? ROLE__MAX : (enum role)role;
	p->region = actor->region;
}

enum err
user_step_tx(struct db *db, const struct audit_actor *actor, long long id,
    const struct acct_change *ch, enum user_status *to)
{
	const struct acct_step	*st;
	struct arena		*a = arena_new(512);
	struct db_param		 p[] = { DB_INT(id) };
	struct db_rows		*rows;
	struct acct_party	 target, me;
	enum user_status	 from = USER_REVOKED;
	const char		*why, *reason = ch->reason != NULL ? ch->reason : "";
	char			 oid[24], detail[240];
	enum err		 rc;
	int			 n, role = -1;

	if (a == NULL)
		return ERR_NOMEM;
	if ((rc = db_query(db, a, &mod, STMT_USER_STEP_LOCK, p, 1, &rows)) != ERR_OK)
		goto out;
	if ((n = db_next(rows)) == 1) {
		from = status_parse(db_col_str(rows, 0));
		role = role_parse(db_col_str(rows, 1));
		target.region = db_col_dup(rows, a, 2);
	}
	db_rows_free(rows);
	if (n != 1) {
		rc = n == 0 ? ERR_NOTFOUND : db_connected(db) ? ERR_DB : ERR_DB_LOST;
		goto out;
	}
	if ((st = acct_lookup(from, ch->action, ch->by, &why)) == NULL) {
		rc = strcmp(why, "who") == 0 ? ERR_FORBIDDEN : ERR_CONFLICT;
		goto out;
	}
	if (ch->by == ACCT_BY_OPERATOR) {
		target.id = id;
		target.role = role < 0 ? ROLE__MAX : (enum role)role;
		actor_party(actor, &me);
		if (acct_rule(&me, &target, ch->action) != RULE_OK) {
			rc = ERR_FORBIDDEN;
			goto out;
		}
	}
	if ((st->fx & ACCT_FX_REASON) && reason[0] == '\0') {
		rc = ERR_INVAL;
		goto out;
	}
	{
		const char	*tn = status_names[st->to];
		int		 lk = (st->fx & ACCT_FX_SET_LOCK) ? 1 :
				     (st->fx & ACCT_FX_CLEAR_LOCK) ? 2 : 0;
		struct db_param	 u[] = {
			DB_STR(tn), DB_STR(tn),
			DB_STR((st->fx & ACCT_FX_REASON) ? reason : ""),
			DB_STR(tn), DB_INT(lk), DB_INT(ch->lock_secs),
			DB_INT((st->fx & ACCT_FX_CLEAR_FAILS) != 0),
			DB_INT((st->fx & ACCT_FX_CLEAR_FAILS) != 0),
			DB_INT((st->fx & ACCT_FX_WIPE_PASSWORD) != 0),
			DB_INT((st->fx & ACCT_FX_WIPE_TOTP) != 0),
			DB_INT((st->fx & ACCT_FX_WIPE_TOTP) != 0),
			DB_INT(id),
		};

		if ((rc = db_exec(db, &mod, STMT_USER_STEP, u, 12, NULL, NULL)) != ERR_OK)
			goto out;
	}
	if ((st->fx & ACCT_FX_WIPE_PASSWORD) &&
	    (rc = db_exec(db, &mod, STMT_USER_HIST_WIPE, p, 1, NULL, NULL)) != ERR_OK)
		goto out;
	if ((st->fx & ACCT_FX_END_SESSIONS) && (rc = end_sessions(db, id, NULL)) != ERR_OK)
		goto out;
	snprintf(oid, sizeof oid, "%lld", id);
	if (st->to != from)
		snprintf(detail, sizeof detail, "%s -> %s%s%.200s", status_names[from],
		    status_names[st->to], reason[0] != '\0' ? ": " : "", reason);
	else
		snprintf(detail, sizeof detail, "%s%s%.200s", status_names[from],
		    reason[0] != '\0' ? ": " : "", reason);
	if ((rc = audit_write(db, actor, st->audit, "user", oid, AUDIT_OK,
	    detail)) != ERR_OK)
		goto out;
	if (to != NULL)
		*to = st->to;
out:
	arena_free(a);
	return rc;
}

/* What user_step's transaction needs and gives back. */
struct ustep {
	const struct audit_actor	*actor;
	long long			 id;
	const struct acct_change	*ch;
	enum user_status		*to;
};

static enum err
step_body(struct db *db, struct arena *a, void *ctx)
{
	struct ustep *u = ctx;

	(void)a;
	return user_step_tx(db, u->actor, u->id, u->ch, u->to);
}

enum err
user_step(struct db *db, const struct audit_actor *actor, long long id,
    const struct acct_change *ch, enum user_status *to)
{
	struct ustep u = { actor, id, ch, to };

	return db_tx(db, 0, step_body, &u);
}

enum err
user_count_failure_tx(struct db *db, const struct audit_actor *actor,
    long long id, const struct auth_policy *pol, bool *locked)
{
	struct db_param	 f[] = { DB_INT(pol->failure_window),
	    DB_INT(pol->failure_window), DB_INT(id) };
	struct db_param	 p[] = { DB_INT(id) };
	struct arena	*a = arena_new(256);
	struct db_rows	*rows;
	long long	 fails = 0;
	enum err	 rc;

	*locked = false;
	if (a == NULL)
		return ERR_NOMEM;
	if ((rc = db_exec(db, &mod, STMT_USER_FAIL, f, 3, NULL, NULL)) != ERR_OK ||
	    (rc = db_query(db, a, &mod, STMT_USER_FAILS, p, 1, &rows)) != ERR_OK)
		goto out;
	if (db_next(rows) == 1)
		fails = db_col_int(rows, 0);
	db_rows_free(rows);
	if (fails >= (long long)pol->max_failures) {
		struct acct_change ch = { .action = ACCT_LOCK, .by = ACCT_BY_SIGNIN,
		    .reason = "too many failed sign-ins", .lock_secs = pol->lock_secs };

		rc = user_step_tx(db, actor, id, &ch, NULL);
		if (rc == ERR_OK)
			*locked = true;
		else if (rc == ERR_CONFLICT)
			rc = ERR_OK;	/* suspended or revoked: counted, not locked */
	}
out:
	arena_free(a);
	return rc;
}

/* Counts a failure against the client address (its own transaction
 * would be wrong: it rides on the caller's). */
static enum err
throttle_add(struct db *db, const char *addr)
{
	struct db_param p[] = { DB_STR(addr != NULL ? addr : "") };

	return db_exec(db, &mod, STMT_USER_THROTTLE_ADD, p, 1, NULL, NULL);
}

static enum err
throttle_count(struct db *db, struct arena *a, const char *addr,
    unsigned window, long long *n)
{
	struct db_param	 p[] = { DB_STR(addr != NULL ? addr : ""), DB_INT(window) };
	struct db_rows	*rows;
	enum err	 rc;

	if ((rc = db_query(db, a, &mod, STMT_USER_THROTTLE_GET, p, 2, &rows)) != ERR_OK)
		return rc;
	*n = db_next(rows) == 1 ? db_col_int(rows, 0) : 0;
	db_rows_free(rows);
	return ERR_OK;
}

/*
 * A failed sign-in step (a wrong password or TOTP code) of user `id`, in
 * the caller's transaction: counted, and locked at the limit by
 * user_count_failure_tx; a lock it makes is noted for the owner's next
 * good sign-in.
 */
static enum err
count_failure(struct db *db, const struct audit_actor *actor,
    const struct auth_policy *pol, long long id, bool *locked_now)
{
	struct db_param	p[] = { DB_INT(id) };
	enum err	rc;

	if ((rc = user_count_failure_tx(db, actor, id, pol, locked_now)) != ERR_OK ||
	    !*locked_now)
		return rc;
	return db_exec(db, &mod, STMT_USER_LOCK_NOTICE, p, 1, NULL, NULL);
}

/* "name_hmac=<hex>": an unknown name in the audit log, never its text
 * (it is often a password typed into the wrong field).  Without a key
 * the name is left out. */
static void
name_detail(const unsigned char *key, const char *username, char *out,
    size_t len)
{
	unsigned char	mac[32];
	char		msg[96], hex[33];
	int		n;

	if (key == NULL) {
		snprintf(out, len, "unknown user");
		return;
	}
	n = snprintf(msg, sizeof msg, "login-name\x1f%.60s", username);
	crypto_hmac_sha256(key, 32, msg, n < 0 ? 0 : (size_t)n, mac);
	crypto_hex(mac, 16, hex);
	snprintf(out, len, "unknown user name_hmac=%s", hex);
	explicit_bzero(msg, sizeof msg);
}

void	(*user_kdf_hook)(void *);
void	*user_kdf_hook_arg;

/* The stored hash of `username` read without a lock; id 0 when none. */
static enum err
auth_peek(struct db *db, struct arena *a, const char *username, long long *id,
    char stored[PASSWORD_HASH_MAX])
{
	struct db_param	 p[1] = { DB_STR(username) };
	struct db_rows	*rows;
	enum err	 rc;
	int		 n;

	*id = 0;
	stored[0] = '\0';
	if ((rc = db_query(db, a, &mod, STMT_USER_AUTH_PEEK, p, 1, &rows)) != ERR_OK)
		return rc;
	if ((n = db_next(rows)) < 0)
		return db_connected(db) ? ERR_DB : ERR_DB_LOST;
	if (n == 1) {
		*id = db_col_int(rows, 0);
		snprintf(stored, PASSWORD_HASH_MAX, "%s", db_col_str(rows, 1));
	}
	db_rows_free(rows);
	return ERR_OK;
}

/* The KDF run of a sign-in: 1 match, 0 not (a dummy run when there is no
 * hash: unknown name, or revoked with its hash wiped). */
static int
auth_verify(const char *password, size_t pwlen, const char *stored, bool *stale)
{
	if (user_kdf_hook != NULL)
		user_kdf_hook(user_kdf_hook_arg);
	if (stored[0] == '\0') {
		password_dummy_verify(password, pwlen);
		return 0;
	}
	return password_verify(password, pwlen, stored, stale);
}

/* password_hash() under kdf_current, announced to user_kdf_hook. */
static int
kdf_hash(const char *pw, char out[PASSWORD_HASH_MAX])
{
	if (user_kdf_hook != NULL)
		user_kdf_hook(user_kdf_hook_arg);
	return password_hash(pw, strlen(pw), &kdf_current, out);
}

/* password_verify() (1 match), announced to user_kdf_hook. */
static int
kdf_verify(const char *pw, const char *stored)
{
	if (user_kdf_hook != NULL)
		user_kdf_hook(user_kdf_hook_arg);
	return password_verify(pw, strlen(pw), stored, NULL);
}

/* What the sign-in's transaction needs and tells back. */
struct auth_tx {
	struct arena			*a;
	const struct auth_policy	*pol;
	struct audit_actor		 actor;	/* the user's once known */
	enum portal			 portal;
	const char			*username;
	const struct db_param		*p;	/* STMT_USER_AUTH's */
	long long			 peek_id, addr_failures;
	const char			*peeked;	/* the hash verified */
	const char			*fresh;		/* its upgrade, or "" */
	int				 match;
	bool				 stale;
	char				*notice;
	/* out */
	bool				 retry;	/* the hash changed: verify again */
	long long			 id;
	enum auth_result		 res;
};

/*
 * Under the user's row lock: the row read again (a hash changed since
 * the verification is a retry, rolled back), then the decision -- the
 * address throttle, an unknown name, an expired or live lock, a wrong
 * password, the status, the portal, an expired one-time password, or the
 * sign-in with its upgrade -- and its audit row.
 */
static enum err
auth_body(struct db *db, struct arena *scratch, void *ctx)
{
	struct auth_tx		*t = ctx;
	struct arena		*a = t->a;
	char			*notice = t->notice;
	struct db_rows		*rows;
	char			 stored[PASSWORD_HASH_MAX] = "";
	char			 detail[96], oid[24], until[32] = "";
	long long		 id = 0;
	const char		*status = NULL;
	int			 role = -1, n;
	bool			 locked = false, otp_expired = false;
	enum auth_result	 res = AUTH_ERROR;
	enum err		 rc;

	(void)scratch;
	if ((rc = db_query(db, a, &mod, STMT_USER_AUTH, t->p, 2, &rows)) != ERR_OK)
		return rc;
	if ((n = db_next(rows)) < 0) {
		db_rows_free(rows);
		return db_connected(db) ? ERR_DB : ERR_DB_LOST;
	}
	until[0] = notice[0] = '\0';
	if (n == 1) {
		id = db_col_int(rows, 0);
		snprintf(stored, sizeof stored, "%s", db_col_str(rows, 1));
		status = db_col_dup(rows, a, 2);
		role = role_parse(db_col_str(rows, 3));
		locked = db_col_int(rows, 4) != 0;
		if (db_col_str(rows, 5) != NULL)
			snprintf(until, sizeof until, "%s", db_col_str(rows, 5));
		otp_expired = db_col_int(rows, 6) != 0;
		if (db_col_str(rows, 7) != NULL)
			snprintf(notice, 32, "%s", db_col_str(rows, 7));
	}
	db_rows_free(rows);
	if (id != t->peek_id || strcmp(stored, t->peeked) != 0) {
		/* Changed between the two reads (a reset, a new account):
		 * verify again, the lock released first; rare. */
		explicit_bzero(stored, sizeof stored);
		t->retry = true;
		return ERR_CONFLICT;
	}
	snprintf(oid, sizeof oid, "%lld", id);

	if (t->addr_failures >= t->pol->addr_max_failures) {
		res = AUTH_THROTTLED;
		t->actor.user_id = 0;
		rc = audit_write(db, &t->actor, "login", "user", "", AUDIT_DENIED,
		    "too many failures from this address");
		goto finish;
	}
	if (id == 0) {
		res = AUTH_BAD;
		name_detail(t->pol->name_key, t->username, detail, sizeof detail);
		if ((rc = throttle_add(db, t->actor.client_addr)) == ERR_OK)
			rc = audit_write(db, &t->actor, "login", "user", "",
			    AUDIT_FAILED, detail);
		goto finish;
	}
	if (status != NULL && strcmp(status, "locked") == 0 &&
	    !locked && until[0] != '\0') {
		/* the lock has run out: the state table lifts it */
		struct acct_change ex = { .action = ACCT_LOCK_EXPIRE,
		    .by = ACCT_BY_SIGNIN };

		if ((rc = user_step_tx(db, &t->actor, id, &ex, NULL)) != ERR_OK)
			goto finish;
		status = "active";
	}
	if (status != NULL && strcmp(status, "locked") == 0) {
		res = AUTH_LOCKED;
		rc = audit_write(db, &t->actor, "login", "user", oid,
		    AUDIT_DENIED, "account locked");
		goto finish;
	}
	if (t->match != 1) {
		bool locked_now = false;

		res = AUTH_BAD;
		if ((rc = throttle_add(db, t->actor.client_addr)) != ERR_OK ||
		    (rc = audit_write(db, &t->actor, "login", "user", oid,
		    AUDIT_FAILED, "wrong password")) != ERR_OK ||
		    (rc = count_failure(db, &t->actor, t->pol, id, &locked_now)) != ERR_OK)
			goto finish;
		if (locked_now)
			res = AUTH_LOCKED;
		goto finish;
	}
	if (status == NULL || (strcmp(status, "active") != 0 &&
	    strcmp(status, "locked") != 0)) {
		res = AUTH_INACTIVE;
		rc = audit_write(db, &t->actor, "login", "user", oid,
		    AUDIT_DENIED, status != NULL ? status : "");
		goto finish;
	}
	if (role < 0 || role_portal((enum role)role) != t->portal) {
		res = AUTH_WRONG_PORTAL;
		rc = audit_write(db, &t->actor, "login", "user", oid,
		    AUDIT_DENIED, "wrong portal for the role");
		goto finish;
	}
	if (otp_expired) {
		res = AUTH_OTP_EXPIRED;
		rc = audit_write(db, &t->actor, "login", "user", oid,
		    AUDIT_DENIED, "one-time password expired");
		goto finish;
	}
	{
		struct db_param ok[] = { DB_INT(id) };

		res = AUTH_OK;
		if ((rc = db_exec(db, &mod, STMT_USER_LOGIN_OK, ok, 1, NULL, NULL)) != ERR_OK)
			goto finish;
	}
	if (t->stale && t->fresh[0] != '\0') {
		struct db_param rh[] = { DB_STR(t->fresh), DB_INT(id) };

		if ((rc = db_exec(db, &mod, STMT_USER_REHASH, rh, 2,
		    NULL, NULL)) != ERR_OK)
			goto finish;
	}
	t->actor.user_id = id;
	t->actor.role = role_name((enum role)role);
	snprintf(detail, sizeof detail, "%s%s%s", t->stale ? "password hash upgraded" : "",
	    t->stale && notice[0] ? "; " : "",
	    notice[0] ? "locked since the last sign-in: owner told" : "");
	rc = audit_write(db, &t->actor, "login", "user", oid, AUDIT_OK, detail);
finish:
	explicit_bzero(stored, sizeof stored);
	t->res = res;
	t->id = id;
	return rc;
}

enum auth_result
user_authenticate(struct db *db, struct arena *a, const struct auth_policy *pol,
    const struct audit_actor *actor0, enum portal portal, const char *username,
    const char *password, struct user *u, char notice[32], enum err *err)
{
	struct db_param		 p[2] = { DB_INT(pol->otp_days), DB_STR(username) };
	char			 peeked[PASSWORD_HASH_MAX] = "";
	char			 fresh[PASSWORD_HASH_MAX] = "";
	struct auth_tx		 t;
	enum err		 rc;
	size_t			 pwlen = strlen(password);

	*err = ERR_OK;
	notice[0] = '\0';
	memset(&t, 0, sizeof t);
	t.a = a;
	t.pol = pol;
	t.actor = *actor0;
	t.portal = portal;
	t.username = username;
	t.p = p;
	t.peeked = peeked;
	t.fresh = fresh;
	t.notice = notice;
	if ((rc = throttle_count(db, a, t.actor.client_addr, pol->failure_window,
	    &t.addr_failures)) != ERR_OK)
		goto dberr;
	/*
	 * The KDF runs before the row is locked, so parallel wrong passwords
	 * for one name do not queue the real user behind a fifth of a second
	 * each; the same work for an unknown name.  Every KDF run (the
	 * upgrade of a stale hash too) is outside the transaction
	 * (X-SEC, issue 12 item 18; tests/db/test_db.c checks it).
	 */
	for (int tries = 0; ; tries++) {
		if ((rc = auth_peek(db, a, username, &t.peek_id, peeked)) != ERR_OK)
			goto dberr;
		t.stale = false;
		t.match = auth_verify(password, pwlen, peeked, &t.stale);
		/* the upgrade of a stale hash too, before the lock */
		fresh[0] = '\0';
		if (t.match == 1 && t.stale && kdf_hash(password, fresh) != 0)
			fresh[0] = '\0';
		t.retry = false;
		t.res = AUTH_ERROR;
		rc = db_tx(db, 0, auth_body, &t);
		if (!t.retry)
			break;
		/* a hash changing under three tries in a row: ERR_CONFLICT */
		if (tries == 2) {
			rc = ERR_CONFLICT;
			goto dberr;
		}
	}
	explicit_bzero(peeked, sizeof peeked);
	explicit_bzero(fresh, sizeof fresh);
	if (t.res != AUTH_OK)
		notice[0] = '\0';
	if (rc != ERR_OK)
		goto dberr;
	if (t.res == AUTH_OK && (rc = user_by_id(db, a, t.id, u)) != ERR_OK)
		goto dberr;
	return t.res;
dberr:
	explicit_bzero(peeked, sizeof peeked);
	explicit_bzero(fresh, sizeof fresh);
	*err = rc;
	return AUTH_ERROR;
}

/* Is pw one of the hashes in the history (or the current one)? */
static enum err
recently_used(struct db *db, struct arena *a, long long id, const char *pw,
    const char *current_hash, bool *used)
{
	struct db_param	 p[] = { DB_INT(id) };
	struct db_rows	*rows;
	enum err	 rc;

	*used = kdf_verify(pw, current_hash) == 1;
	if (*used)
		return ERR_OK;
	if ((rc = db_query(db, a, &mod, STMT_USER_HIST_LIST, p, 1, &rows)) != ERR_OK)
		return rc;
	while (!*used && db_next(rows) == 1)
		*used = kdf_verify(pw, db_col_str(rows, 0)) == 1;
	db_rows_free(rows);
	return ERR_OK;
}

/* Stores a new hash, keeps the old one in the history (last 5). */
static enum err
store_password(struct db *db, long long id, const char *old_hash,
    const char *new_hash, bool must_change)
{
	struct db_param	 h[] = { DB_INT(id), DB_STR(old_hash) };
	struct db_param	 t[] = { DB_INT(id), DB_INT(id) };
	struct db_param	 s[] = { DB_STR(new_hash), DB_INT(must_change), DB_INT(id) };
	enum err	 rc;

	if (old_hash[0] != '\0' &&
	    (rc = db_exec(db, &mod, STMT_USER_HIST_ADD, h, 2, NULL, NULL)) != ERR_OK)
		return rc;
	if ((rc = db_exec(db, &mod, STMT_USER_HIST_TRIM, t, 2, NULL, NULL)) != ERR_OK)
		return rc;
	return db_exec(db, &mod, STMT_USER_SET_HASH, s, 3, NULL, NULL);
}

static enum err
current_hash(struct db *db, struct arena *a, long long id,
    char out[PASSWORD_HASH_MAX])
{
	struct db_param	 p[] = { DB_INT(id) };
	struct db_rows	*rows;
	enum err	 rc;
	int		 n;

	if ((rc = db_query(db, a, &mod, STMT_USER_HASH, p, 1, &rows)) != ERR_OK)
		return rc;
	if ((n = db_next(rows)) != 1)
		return n == 0 ? ERR_NOTFOUND : db_connected(db) ? ERR_DB : ERR_DB_LOST;
	snprintf(out, PASSWORD_HASH_MAX, "%s", db_col_str(rows, 0));
	db_rows_free(rows);
	return ERR_OK;
}

/* The current hash of user id, read without a lock. */
static enum err
hash_peek(struct db *db, struct arena *a, long long id,
    char out[PASSWORD_HASH_MAX])
{
	struct db_param	 p[] = { DB_INT(id) };
	struct db_rows	*rows;
	enum err	 rc;
	int		 n;

	if ((rc = db_query(db, a, &mod, STMT_USER_HASH_PEEK, p, 1, &rows)) != ERR_OK)
		return rc;
	if ((n = db_next(rows)) != 1)
		return n == 0 ? ERR_NOTFOUND : db_connected(db) ? ERR_DB : ERR_DB_LOST;
	snprintf(out, PASSWORD_HASH_MAX, "%s", db_col_str(rows, 0));
	db_rows_free(rows);
	return ERR_OK;
}

/*
 * Stores `fresh` for user id when its hash is still `seen` (read before
 * the KDF runs, outside the lock), in one transaction with the history,
 * `step` (a state change, may be NULL) or the end of the other sessions
 * and audit row `action` (without a step).  *changed (nothing stored)
 * when the hash changed in between.
 */
/* What swap_password's transaction needs and tells back. */
struct swap {
	struct arena			*a;
	const struct audit_actor	*actor;
	const char			*action, *seen, *fresh;
	long long			 id;
	const unsigned char		*keep;
	const struct acct_change	*step;
	bool				 changed;
};

static enum err
swap_body(struct db *db, struct arena *scratch, void *ctx)
{
	struct swap	*w = ctx;
	char		 old[PASSWORD_HASH_MAX], oid[24];
	enum err	 rc;

	(void)scratch;
	snprintf(oid, sizeof oid, "%lld", w->id);
	if ((rc = current_hash(db, w->a, w->id, old)) != ERR_OK)
		goto out;
	if (strcmp(old, w->seen) != 0) {
		/* nothing stored: db_tx commits what only read */
		w->changed = true;
		rc = ERR_OK;
		goto out;
	}
	if (w->step != NULL) {
		/* A reset by SMS also lifts a lock from failed sign-ins, never
		 * a suspension (the state table refuses it). */
		if ((rc = user_step_tx(db, w->actor, w->id, w->step, NULL)) == ERR_OK)
			rc = store_password(db, w->id, old, w->fresh, false);
	} else if ((rc = store_password(db, w->id, old, w->fresh, false)) == ERR_OK &&
	    (rc = end_sessions(db, w->id, w->keep)) == ERR_OK)
		rc = audit_write(db, w->actor, w->action, "user", oid, AUDIT_OK, "");
out:
	explicit_bzero(old, sizeof old);
	return rc;
}

static enum err
swap_password(struct db *db, struct arena *a, const struct audit_actor *actor,
    const char *action, long long id, const char *seen, const char *fresh,
    const unsigned char *keep, const struct acct_change *step, bool *changed)
{
	struct swap	 w = { a, actor, action, seen, fresh, id, keep, step,
	    false };
	enum err	 rc;

	rc = db_tx(db, 0, swap_body, &w);
	*changed = rc == ERR_OK && w.changed;
	return rc;
}

const char *
user_change_password(struct db *db, struct arena *a,
    const struct audit_actor *actor, const struct user *u,
    const struct pw_context *ctx, const char *cur, const char *next,
    const char *confirm, const unsigned char *keep, enum err *err)
{
	char		 seen[PASSWORD_HASH_MAX], fresh[PASSWORD_HASH_MAX], oid[24];
	const char	*why = NULL;
	bool		 used, changed;
	enum err	 rc;

	*err = ERR_OK;
	snprintf(oid, sizeof oid, "%lld", u->id);
	if ((rc = hash_peek(db, a, u->id, seen)) != ERR_OK)
		goto fail;
	/* The current password first: the rules of the new one tell
	 * nothing to someone who does not know it. */
	if (kdf_verify(cur, seen) != 1) {
		(void)audit_write1(db, actor, "password.change", "user", oid,
		    AUDIT_FAILED, "wrong current password");
		why = "pw_current";
		goto out;
	}
	if (strcmp(next, confirm) != 0) {
		why = "pw_mismatch";
		goto out;
	}
	if ((why = password_policy(next, ctx)) != NULL)
		goto out;
	if ((rc = recently_used(db, a, u->id, next, seen, &used)) != ERR_OK)
		goto fail;
	if (used) {
		why = "pw_reused";
		goto out;
	}
	if (kdf_hash(next, fresh) == -1) {
		rc = ERR_NOMEM;
		goto fail;
	}
	rc = swap_password(db, a, actor, "password.change", u->id, seen, fresh,
	    keep, NULL, &changed);
	if (rc != ERR_OK)
		goto fail;
	if (changed)	/* changed meanwhile: `cur` was right for the old one */
		why = "pw_current";
out:
	explicit_bzero(seen, sizeof seen);
	return why;
fail:
	explicit_bzero(seen, sizeof seen);
	*err = rc;
	return "db";
}

const char *
user_set_password(struct db *db, struct arena *a, const struct audit_actor *actor,
    long long id, const char *pw, enum err *err)
{
	struct acct_change	 ch = { .action = ACCT_SMS_RESET, .by = ACCT_BY_SELF };
	char			 seen[PASSWORD_HASH_MAX], fresh[PASSWORD_HASH_MAX];
	const char		*why = NULL;
	bool			 used, changed;
	enum err		 rc;

	*err = ERR_OK;
	/* Every KDF run (history, new hash) before the row is locked. */
	if ((rc = hash_peek(db, a, id, seen)) != ERR_OK ||
	    (rc = recently_used(db, a, id, pw, seen, &used)) != ERR_OK)
		goto fail;
	if (used) {
		why = "pw_reused";
		goto out;
	}
	if (kdf_hash(pw, fresh) == -1) {
		rc = ERR_NOMEM;
		goto fail;
	}
	rc = swap_password(db, a, actor, "password.reset.self", id, seen, fresh,
	    NULL, &ch, &changed);
	/* Changed meanwhile (another reset): the code was spent, try again. */
	if (rc == ERR_OK && changed)
		rc = ERR_CONFLICT;
	if (rc != ERR_OK)
		goto fail;
out:
	explicit_bzero(seen, sizeof seen);
	return why;
fail:
	explicit_bzero(seen, sizeof seen);
	*err = rc;
	return "db";
}

/* What user_set_contact's transaction needs. */
struct contact_set {
	const struct audit_actor	*actor;
	long long			 id;
	const char			*name, *enc;
	const unsigned char		*idx;
};

static enum err
contact_body(struct db *db, struct arena *scratch, void *ctx)
{
	struct contact_set	*t = ctx;
	struct db_param		 p[] = { DB_STR(t->name), DB_STR(t->enc),
		DB_STRN((const char *)t->idx, 32), DB_INT(t->id) };
	unsigned long long	 n = 0;
	char			 oid[24];
	enum err		 rc;

	(void)scratch;
	if ((rc = db_exec(db, &mod, STMT_USER_SET_CONTACT, p, 4, &n, NULL)) != ERR_OK)
		return rc;
	/* the sealed mobile has a fresh nonce, so a live row always changes:
	 * none changed is an account no longer active */
	if (n == 0)
		return ERR_CONFLICT;
	snprintf(oid, sizeof oid, "%lld", t->id);
	return audit_write(db, t->actor, "account.contact", "user", oid,
	    AUDIT_OK, "contact person and mobile changed (mobile checked by SMS)");
}

const char *
user_set_contact(struct db *db, struct arena *a, const unsigned char data_key[32],
    const unsigned char index_key[32], const struct audit_actor *actor,
    const struct user *u, const char *password, const char *name,
    const char *mobile, user_check_fn *check, void *ctx, enum err *err)
{
	char			 seen[PASSWORD_HASH_MAX];
	unsigned char		 idx[32];
	struct contact_set	 t = { .actor = actor, .id = u->id, .name = name,
		.idx = idx };
	const char		*why = NULL;
	char			 oid[24];
	enum err		 rc;

	*err = ERR_OK;
	snprintf(oid, sizeof oid, "%lld", u->id);
	if (u->role != ROLE_ENTERPRISE) {
		*err = ERR_FORBIDDEN;
		return "db";
	}
	/* the KDF before the transaction: never while the row is locked */
	if ((rc = hash_peek(db, a, u->id, seen)) != ERR_OK)
		goto fail;
	if (kdf_verify(password, seen) != 1) {
		(void)audit_write1(db, actor, "account.contact", "user", oid,
		    AUDIT_FAILED, "wrong current password");
		why = "pw_current";
		goto out;
	}
	if (check != NULL && (why = check(ctx)) != NULL) {
		if (strcmp(why, "db") == 0) {
			rc = ERR_DB;
			goto fail;
		}
		goto out;
	}
	if ((t.enc = seal_text(a, data_key, "users.mobile", mobile)) == NULL) {
		rc = ERR_NOMEM;
		goto fail;
	}
	blind_index(index_key, "mobile", mobile, idx);
	if ((rc = db_tx(db, 0, contact_body, &t)) != ERR_OK)
		goto fail;
out:
	explicit_bzero(seen, sizeof seen);
	return why;
fail:
	explicit_bzero(seen, sizeof seen);
	*err = rc;
	return "db";
}

enum err
user_mobile(struct db *db, struct arena *a, const unsigned char key[32],
    long long id, const char **mobile)
{
	struct db_rows	*rows;
	struct db_param	 p[] = { DB_INT(id) };
	enum err	 rc;

	*mobile = "";
	if ((rc = db_query(db, a, &mod, STMT_USER_MOBILE, p, 1, &rows)) != ERR_OK)
		return rc;
	if (db_next(rows) == 1 && !db_col_null(rows, 0) && *db_col_str(rows, 0)) {
		char *m = open_text(a, key, "users.mobile", db_col_str(rows, 0));

		rc = m != NULL ? ERR_OK : ERR_INVAL;
		if (m != NULL)
			*mobile = m;
	}
	db_rows_free(rows);
	return rc;
}

enum err
user_by_name_mobile(struct db *db, const char *username,
    const unsigned char idx[32], long long *id)
{
	struct arena	*a = arena_new(512);
	struct db_rows	*rows;
	struct db_param	 p[] = { DB_STR(username), DB_STRN((const char *)idx, 32) };
	enum err	 rc;

	*id = 0;
	if (a == NULL)
		return ERR_NOMEM;
	if ((rc = db_query(db, a, &mod, STMT_USER_BY_NAME_MOBILE, p, 2, &rows)) == ERR_OK) {
		if (db_next(rows) == 1)
			*id = db_col_int(rows, 0);
		db_rows_free(rows);
	}
	arena_free(a);
	return rc;
}

void
user_make_otp(char otp[OTP_LEN + 1])
{
	/* No look-alikes (0/O, 1/l/I); the fixed class positions make the
	 * policy hold whatever the random draw. */
	static const char up[] = "ABCDEFGHJKLMNPQRSTUVWXYZ";
	static const char lo[] = "abcdefghijkmnpqrstuvwxyz";
	static const char dg[] = "23456789";
	static const char sy[] = "-_.+";
	static const char *const set[OTP_LEN] = {
		up, lo, lo, lo, dg, dg, sy, up, lo, lo, lo, dg, dg, up,
	};
	unsigned char rnd[OTP_LEN];

	crypto_random(rnd, sizeof rnd);
	for (int i = 0; i < OTP_LEN; i++)
		otp[i] = set[i][rnd[i] % strlen(set[i])];
	otp[OTP_LEN] = '\0';
	explicit_bzero(rnd, sizeof rnd);
}

int
user_otp_hash(char otp[OTP_LEN + 1], char hash[PASSWORD_HASH_MAX])
{
	user_make_otp(otp);
	if (kdf_hash(otp, hash) == 0)
		return 0;
	explicit_bzero(otp, OTP_LEN + 1);
	return -1;
}

enum err
user_reset_password_tx(struct db *db, const struct audit_actor *actor,
    enum acct_by by, long long id, const char *hash)
{
	struct acct_change	 ch = { .action = by == ACCT_BY_FORM ?
				    ACCT_FORM_RESET : ACCT_PW_RESET, .by = by };
	struct arena		*a = arena_new(1024);
	char			 old[PASSWORD_HASH_MAX];
	enum err		 rc;

	if (a == NULL)
		return ERR_NOMEM;
	if ((rc = user_step_tx(db, actor, id, &ch, NULL)) == ERR_OK &&
	    (rc = current_hash(db, a, id, old)) == ERR_OK)
		rc = store_password(db, id, old, hash, true);
	explicit_bzero(old, sizeof old);
	arena_free(a);
	return rc;
}

/* What user_reset_password's transaction needs. */
struct ureset {
	const struct audit_actor	*actor;
	enum acct_by			 by;
	long long			 id;
	const char			*hash;
};

static enum err
reset_body(struct db *db, struct arena *a, void *ctx)
{
	struct ureset *t = ctx;

	(void)a;
	return user_reset_password_tx(db, t->actor, t->by, t->id, t->hash);
}

enum err
user_reset_password(struct db *db, const struct audit_actor *actor,
    enum acct_by by, long long id, char otp[OTP_LEN + 1])
{
	char		 hash[PASSWORD_HASH_MAX];
	enum err	 rc;

	struct ureset	 t = { actor, by, id, hash };

	if (user_otp_hash(otp, hash) == -1)
		return ERR_NOMEM;
	if ((rc = db_tx(db, 0, reset_body, &t)) != ERR_OK)
		explicit_bzero(otp, OTP_LEN + 1);
	return rc;
}

static void
totp_aad(long long id, char *buf, size_t len)
{
	snprintf(buf, len, "users.totp_secret:%lld", id);
}

enum err
user_totp_secret(struct db *db, const unsigned char key[32], long long id,
    unsigned char *secret, size_t *len)
{
	struct arena	*a = arena_new(1024);
	struct db_param	 p[] = { DB_INT(id) };
	struct db_rows	*rows;
	char		 aad[48];
	enum err	 rc;
	long		 n;

	if (a == NULL)
		return ERR_NOMEM;
	*len = 0;
	if ((rc = db_query(db, a, &mod, STMT_USER_TOTP_GET, p, 1, &rows)) == ERR_OK) {
		if (db_next(rows) == 1 && !db_col_null(rows, 0)) {
			const char *s = db_col_str(rows, 0);
			size_t slen = strlen(s);	/* sealed data is hex */
			unsigned char sealed[128];

			totp_aad(id, aad, sizeof aad);
			rc = ERR_INVAL;
			if (slen % 2 == 0 && slen / 2 <= sizeof sealed) {
				for (size_t i = 0; i < slen / 2; i++)
					sscanf(s + 2 * i, "%2hhx", &sealed[i]);
				n = crypto_open(key, aad, strlen(aad), sealed,
				    slen / 2, secret, 64);
				if (n > 0) {
					*len = (size_t)n;
					rc = ERR_OK;
				}
			}
		} else
			rc = ERR_NOTFOUND;
	}
	arena_free(a);
	return rc;
}

/* What user_totp_enrol's transaction needs. */
struct tenrol {
	const struct audit_actor	*actor;
	const struct db_param		*p;
	const char			*oid;
};

static enum err
enrol_body(struct db *db, struct arena *a, void *ctx)
{
	struct tenrol	*t = ctx;
	enum err	 rc;

	(void)a;
	if ((rc = db_exec(db, &mod, STMT_USER_TOTP_SET, t->p, 3, NULL, NULL)) != ERR_OK)
		return rc;
	return audit_write(db, t->actor, "totp.enrol", "user", t->oid, AUDIT_OK, "");
}

enum err
user_totp_enrol(struct db *db, const unsigned char key[32],
    const struct audit_actor *actor, long long id, const unsigned char *secret,
    size_t len, long long step)
{
	unsigned char	 sealed[64 + CRYPTO_SEAL_OVERHEAD];
	char		 hex[2 * sizeof sealed + 1], aad[48], oid[24];
	enum err	 rc;

	if (len > 64)
		return ERR_INVAL;
	totp_aad(id, aad, sizeof aad);
	if (crypto_seal(key, aad, strlen(aad), secret, len, sealed) == -1)
		return ERR_NOMEM;
	crypto_hex(sealed, len + CRYPTO_SEAL_OVERHEAD, hex);
	snprintf(oid, sizeof oid, "%lld", id);
	{
		struct db_param p[] = { DB_STR(hex), DB_INT(step), DB_INT(id) };
		struct tenrol t = { actor, p, oid };

		rc = db_tx(db, 0, enrol_body, &t);
	}
	return rc;
}

/* What user_totp_verify's transaction needs and tells back. */
struct tverify {
	const unsigned char		*key;
	const struct audit_actor	*actor;
	const struct auth_policy	*pol;
	long long			 id;
	const unsigned char		*session_hash;
	const char			*code;
	time_t				 now;
	int				 result;
};

/* The code checked under the user's lock (FOR UPDATE: two racing
 * requests cannot both spend one code), then the step spent or the
 * failure counted, with the audit row. */
static enum err
verify_body(struct db *db, struct arena *a, void *ctx)
{
	struct tverify	*t = ctx;
	struct db_param	 p[] = { DB_INT(t->id) };
	struct db_rows	*rows;
	unsigned char	 secret[64], sealed[128];
	char		 aad[48], oid[24];
	long long	 last = -1, step = -1;
	long		 n = -1;
	enum err	 rc;

	snprintf(oid, sizeof oid, "%lld", t->id);
	if ((rc = db_query(db, a, &mod, STMT_USER_TOTP_GET, p, 1, &rows)) != ERR_OK)
		return rc;
	if (db_next(rows) == 1 && !db_col_null(rows, 0)) {
		const char *s = db_col_str(rows, 0);
		size_t slen = strlen(s);

		last = db_col_int(rows, 1);
		totp_aad(t->id, aad, sizeof aad);
		if (slen % 2 == 0 && slen / 2 <= sizeof sealed) {
			for (size_t i = 0; i < slen / 2; i++)
				sscanf(s + 2 * i, "%2hhx", &sealed[i]);
			n = crypto_open(t->key, aad, strlen(aad), sealed, slen / 2,
			    secret, sizeof secret);
		}
	}
	db_rows_free(rows);
	if (n > 0)
		step = totp_check(secret, (size_t)n, t->code, (uint64_t)t->now / 30,
		    last);
	explicit_bzero(secret, sizeof secret);
	if (step >= 0) {
		struct db_param s[] = { DB_INT(step), DB_INT(t->id) };

		if ((rc = db_exec(db, &mod, STMT_USER_TOTP_STEP, s, 2, NULL, NULL)) != ERR_OK ||
		    (rc = audit_write(db, t->actor, "login.totp", "user", oid,
		    AUDIT_OK, "")) != ERR_OK)
			return rc;
		t->result = 1;
	} else {
		unsigned	count = 0;
		bool		locked_now = false;
		char		detail[80];

		if ((rc = session_factor_fail(db, a, t->session_hash, &count)) != ERR_OK ||
		    (rc = count_failure(db, t->actor, t->pol, t->id, &locked_now)) != ERR_OK)
			return rc;
		t->result = 0;
		if (count >= TOTP_MAX_FAILURES || locked_now) {
			if ((rc = session_end(db, t->session_hash)) != ERR_OK)
				return rc;
			t->result = 2;
		}
		snprintf(detail, sizeof detail, "wrong or reused code (%u of %u)%s",
		    count, TOTP_MAX_FAILURES, t->result == 2 ? "; sign-in ended" : "");
		if ((rc = audit_write(db, t->actor, "login.totp", "user", oid,
		    AUDIT_FAILED, detail)) != ERR_OK)
			return rc;
	}
	return ERR_OK;
}

int
user_totp_verify(struct db *db, const unsigned char key[32],
    const struct audit_actor *actor, const struct auth_policy *pol,
    long long id, const unsigned char session_hash[32], const char *code,
    time_t now)
{
	struct tverify	 t = { key, actor, pol, id, session_hash, code, now, -1 };

	if (db_tx(db, 1024, verify_body, &t) != ERR_OK)
		return -1;
	return t.result;
}

enum err
user_totp_reset(struct db *db, const struct audit_actor *actor, enum acct_by by,
    long long id)
{
	struct acct_change ch = { .action = ACCT_TOTP_RESET, .by = by };

	return user_step(db, actor, id, &ch, NULL);
}

enum err
user_insert_tx(struct db *db, const struct audit_actor *actor,
    const char *action, const struct user_new *n, const char *hash,
    bool must_change, long long *id)
{
	struct arena	*a = arena_new(1024);
	const char	*contact = a == NULL ? NULL : contact_seal(a, "users.contact",
	    n->contact != NULL ? n->contact : "");	/* */
	struct db_param p[] = {
		DB_STR(n->username), DB_STR(role_name(n->role)),
		DB_STR(n->region), DB_STR(n->org_kind), DB_INT(n->org_id),
		DB_STR(n->real_name), DB_STR(contact != NULL ? contact : ""),
		DB_INT(must_change),
		DB_STR(hash),
		n->mobile_enc != NULL ? DB_STR(n->mobile_enc) : DB_NULL,
		n->mobile_idx != NULL ? DB_STRN((const char *)n->mobile_idx, 32) : DB_NULL,
		DB_NULL,
	};
	const char		*perms = a == NULL ? NULL : perm_set_text(a, n->perms);
	unsigned long long	 newid = 0;
	char			 oid[24], detail[96];
	enum err		 rc;

	if (contact == NULL || perms == NULL)
		rc = ERR_NOMEM;
	else {
		p[11] = DB_STR(perms);
		rc = db_exec(db, &mod, STMT_USER_INSERT, p, 12, NULL, &newid);
	}
	/* the role, and what the account holds within it (issue 16) */
	snprintf(detail, sizeof detail, "%s%s%s", role_name(n->role),
	    perms != NULL && *perms != '\0' ? " " : "", perms != NULL ? perms : "");
	arena_free(a);
	if (rc != ERR_OK)
		return rc;
	snprintf(oid, sizeof oid, "%llu", newid);
	if ((rc = audit_write(db, actor, action, "user", oid, AUDIT_OK,
	    detail)) != ERR_OK)
		return rc;
	*id = (long long)newid;
	return ERR_OK;
}

/* What user_create's transaction needs and gives back. */
struct ucreate {
	const struct audit_actor	*actor;
	const char			*action;
	const struct user_new		*n;
	const char			*hash;
	bool				 must;
	long long			 id;
};

static enum err
create_body(struct db *db, struct arena *a, void *ctx)
{
	struct ucreate *t = ctx;

	(void)a;
	return user_insert_tx(db, t->actor, t->action, t->n, t->hash, t->must,
	    &t->id);
}

enum err
user_create(struct db *db, const struct audit_actor *actor, const char *action,
    const struct user_new *n, long long *id, char otp[OTP_LEN + 1])
{
	char		 hash[PASSWORD_HASH_MAX];
	bool		 must = n->must_change;
	int		 hashed;
	enum err	 rc;

	if (n->password == NULL) {
		hashed = user_otp_hash(otp, hash);
		must = true;
	} else
		hashed = kdf_hash(n->password, hash);
	if (hashed == -1)
		return ERR_NOMEM;
	struct ucreate t = { actor, action, n, hash, must, 0 };

	if ((rc = db_tx(db, 0, create_body, &t)) != ERR_OK)
		return rc;
	*id = t.id;
	return ERR_OK;
}

enum err
user_search(struct db *db, struct arena *a, const char *region, const char *q,
    size_t page, size_t per, struct user_list *out)
{
	struct db_rows	*rows;
	char		*like = db_like(a, "%", q, "%");
	enum err	 rc;
	int		 n;

	if (like == NULL)
		return ERR_NOMEM;
	memset(out, 0, sizeof *out);
	{
		struct db_param p[] = { DB_STR(region), DB_STR(region), DB_STR(q),
		    DB_STR(like), DB_STR(like), DB_STR(like) };

		if ((rc = db_query(db, a, &mod, STMT_USER_SEARCH_COUNT, p, 6, &rows)) != ERR_OK)
			return rc;
		out->total = db_next(rows) == 1 ? db_col_int(rows, 0) : 0;
		db_rows_free(rows);
	}
	if ((out->v = arena_calloc(a, per + 1, sizeof *out->v)) == NULL)
		return ERR_NOMEM;
	{
		struct db_param p[] = { DB_STR(region), DB_STR(region), DB_STR(q),
		    DB_STR(like), DB_STR(like), DB_STR(like), DB_INT(per),
		    DB_INT(page * per) };

		if ((rc = db_query(db, a, &mod, STMT_USER_SEARCH, p, 8, &rows)) != ERR_OK)
			return rc;
	}
	while (out->n < per && (n = db_next(rows)) == 1)
		if (user_from_row(rows, a, 0, &out->v[out->n]) == 0)
			out->n++;
	db_rows_free(rows);
	return ERR_OK;
}

static void
suspended_fill(const struct db_rows *rows, struct arena *a, void *elem)
{
	struct user_suspended *x = elem;

	x->id = db_col_int(rows, 0);
	x->username = db_col_text(rows, a, 1);
	x->real_name = db_col_text(rows, a, 2);
	x->org_name = db_col_text(rows, a, 3);
	x->region_name = db_col_text(rows, a, 4);
	x->since = db_col_dup(rows, a, 5);
	x->reason = db_col_text(rows, a, 6);
}

enum err
user_suspended_gov(struct db *db, struct arena *a, const char *region,
    size_t max, struct user_suspended **v, size_t *n)
{
	struct db_param p[] = { DB_STR(region), DB_STR(region), DB_INT(max) };

	return db_query_list(db, a, &mod, STMT_USER_SUSPENDED_GOV, p, 3, sizeof **v,
	    suspended_fill, (void **)v, n);
}
