/*
 * session.c -- the SQL of the sessions table.
 */
#include <stdio.h>
#include <string.h>

#include "core/enumname.h"
#include "db/audit.h"
#include "crypto/crypto.h"
#include "accounts/perm.h"
#include "accounts/session.h"

enum {
	STMT_SESSION_INSERT,
	STMT_SESSION_GET,
	STMT_SESSION_TOUCH,
	STMT_SESSION_DELETE,
	STMT_SESSION_ROTATE,
	STMT_SESSION_FACTOR_FAIL,
	STMT_SESSION_FACTOR_COUNT,
	STMT_SESSION_NOTICE,
	STMT_SESSION__MAX
};

static const char *const sql[STMT_SESSION__MAX] = {
	[STMT_SESSION_INSERT] =
	    "INSERT INTO sessions (id_hash, user_id, portal, stage, csrf,"
	    " client_addr, created_at, last_seen_at)"
	    " VALUES (?, ?, ?, ?, ?, ?, UTC_TIMESTAMP(), UTC_TIMESTAMP())",
	/* One round trip per request: the session, its user and the
	 * security settings in force (perm.h). */
	[STMT_SESSION_GET] =
	    "SELECT s.stage, s.csrf,"
	    " TIMESTAMPDIFF(SECOND, s.last_seen_at, UTC_TIMESTAMP()),"
	    " TIMESTAMPDIFF(SECOND, s.created_at, UTC_TIMESTAMP()),"
	    " s.factor_failures, s.notice, " SECSET_PAIRS_SQL ", " USER_COLS
	    USER_FROM " JOIN sessions s ON s.user_id = u.id"
	    " WHERE s.id_hash = ? AND s.portal = ?",
	[STMT_SESSION_TOUCH] =
	    "UPDATE sessions SET last_seen_at = UTC_TIMESTAMP() WHERE id_hash = ?",
	[STMT_SESSION_DELETE] = "DELETE FROM sessions WHERE id_hash = ?",
	[STMT_SESSION_ROTATE] =
	    "UPDATE sessions SET id_hash = ?, stage = ?, csrf = ?,"
	    " last_seen_at = UTC_TIMESTAMP() WHERE id_hash = ?",
	[STMT_SESSION_FACTOR_FAIL] =
	    "UPDATE sessions SET factor_failures = factor_failures + 1"
	    " WHERE id_hash = ?",
	[STMT_SESSION_FACTOR_COUNT] =
	    "SELECT factor_failures FROM sessions WHERE id_hash = ?",
	[STMT_SESSION_NOTICE] = "UPDATE sessions SET notice = ? WHERE id_hash = ?",
};

static const struct db_module mod = { DBM_SESSION, STMT_SESSION__MAX, sql };

static const char *const stage_names[STAGE__MAX] = {
	[STAGE_FULL] = "full", [STAGE_TOTP] = "totp",
	[STAGE_ENROL] = "enrol", [STAGE_PWCHANGE] = "pwchange",
};

#define TOUCH_EVERY 60	/* seconds between last_seen_at updates */

int
session_token(char out[SESSION_TOKEN_LEN + 1])
{
	unsigned char raw[32];

	if (crypto_random(raw, sizeof raw) == -1)
		return -1;
	crypto_b64_encode(raw, sizeof raw, out);
	explicit_bzero(raw, sizeof raw);
	return 0;
}

/* The stored form of a cookie value; -1 when it is not 43 base64url. */
static int
token_hash(const char *token, unsigned char out[32])
{
	unsigned char raw[32];

	if (token == NULL || strlen(token) != SESSION_TOKEN_LEN ||
	    crypto_b64_decode(token, SESSION_TOKEN_LEN, raw, sizeof raw) != 32)
		return -1;
	crypto_sha256(raw, sizeof raw, out);
	explicit_bzero(raw, sizeof raw);
	return 0;
}

enum err
session_id_hash(const char *token, unsigned char out[32])
{
	return token_hash(token, out) == 0 ? ERR_OK : ERR_INVAL;
}

enum err
session_create(struct db *db, long long user_id, enum portal portal,
    enum session_stage stage, const char *addr, char token[SESSION_TOKEN_LEN + 1])
{
	unsigned char	hash[32];
	char		csrf[SESSION_TOKEN_LEN + 1];

	if (session_token(token) == -1 || session_token(csrf) == -1 ||
	    token_hash(token, hash) == -1)
		return ERR_NOMEM;
	{
		struct db_param p[] = {
			DB_STRN((const char *)hash, 32), DB_INT(user_id),
			DB_STR(portal_name(portal)), DB_STR(stage_names[stage]),
			DB_STR(csrf), DB_STR(addr != NULL ? addr : ""),
		};

		return db_exec(db, &mod, STMT_SESSION_INSERT, p, 6, NULL, NULL);
	}
}

static int
stage_parse(const char *s)
{
	return enum_parse(stage_names, STAGE__MAX, s);
}

enum err
session_lookup(struct db *db, struct arena *a, const char *token,
    enum portal portal, const struct config_auth *base,
    struct config_auth *auth, struct session *out)
{
	struct db_rows	*rows;
	long long	 idle, age;
	int		 stage, n;
	bool		 user_ok, expired_pending = false;
	enum err	 rc;

	memset(out, 0, sizeof *out);
	*auth = *base;
	if (token_hash(token, out->id_hash) == -1)
		return ERR_NOTFOUND;
	{
		struct db_param p[] = { DB_STRN((const char *)out->id_hash, 32),
		    DB_STR(portal_name(portal)) };

		if ((rc = db_query(db, a, &mod, STMT_SESSION_GET, p, 2, &rows)) != ERR_OK)
			return rc;
	}
	if ((n = db_next(rows)) != 1)
		return n == 0 ? ERR_NOTFOUND : db_connected(db) ? ERR_DB : ERR_DB_LOST;
	stage = stage_parse(db_col_str(rows, 0));
	snprintf(out->csrf, sizeof out->csrf, "%s", db_col_str(rows, 1) ? db_col_str(rows, 1) : "");
	idle = db_col_int(rows, 2);
	age = db_col_int(rows, 3);
	out->factor_failures = (unsigned)db_col_int(rows, 4);
	if (!db_col_null(rows, 5))
		snprintf(out->notice, sizeof out->notice, "%s", db_col_str(rows, 5));
	secset_apply(base, db_col_str(rows, 6), auth);
	user_ok = user_from_row(rows, a, 7, &out->user) == 0;
	db_rows_free(rows);
	/* A sign-in half done (password given, code not yet) lives only
	 * minutes: created_at is when the password was accepted. */
	if (stage == STAGE_TOTP || stage == STAGE_ENROL)
		expired_pending = auth->pending_secs > 0 && age >= auth->pending_secs;
	if (stage < 0 || !user_ok || idle >= auth->session_idle ||
	    age >= auth->session_absolute || expired_pending) {
		(void)session_end(db, out->id_hash);
		return ERR_NOTFOUND;
	}
	out->stage = (enum session_stage)stage;
	if (out->user.status != USER_ACTIVE) {
		(void)session_end(db, out->id_hash);
		return ERR_NOTFOUND;
	}
	if (idle >= TOUCH_EVERY) {
		struct db_param p[] = { DB_STRN((const char *)out->id_hash, 32) };

		if ((rc = db_exec(db, &mod, STMT_SESSION_TOUCH, p, 1, NULL, NULL)) != ERR_OK)
			return rc;
	}
	return ERR_OK;
}

enum err
session_rotate(struct db *db, struct session *s, enum session_stage stage,
    char token[SESSION_TOKEN_LEN + 1])
{
	unsigned char		 hash[32];
	char			 csrf[SESSION_TOKEN_LEN + 1];
	unsigned long long	 n = 0;
	enum err		 rc;

	if (session_token(token) == -1 || session_token(csrf) == -1 ||
	    token_hash(token, hash) == -1)
		return ERR_NOMEM;
	{
		struct db_param p[] = {
			DB_STRN((const char *)hash, 32), DB_STR(stage_names[stage]),
			DB_STR(csrf), DB_STRN((const char *)s->id_hash, 32),
		};

		if ((rc = db_exec(db, &mod, STMT_SESSION_ROTATE, p, 4, &n, NULL)) != ERR_OK)
			return rc;
	}
	if (n != 1)
		return ERR_NOTFOUND;
	memcpy(s->id_hash, hash, 32);
	memcpy(s->csrf, csrf, sizeof csrf);
	s->stage = stage;
	return ERR_OK;
}

enum err
session_end(struct db *db, const unsigned char id_hash[32])
{
	struct db_param p[] = { DB_STRN((const char *)id_hash, 32) };

	return db_exec(db, &mod, STMT_SESSION_DELETE, p, 1, NULL, NULL);
}

enum err
session_factor_fail(struct db *db, struct arena *a,
    const unsigned char id_hash[32], unsigned *count)
{
	struct db_param	 p[] = { DB_STRN((const char *)id_hash, 32) };
	struct db_rows	*rows;
	enum err	 rc;
	int		 n;

	*count = 0;
	if ((rc = db_exec(db, &mod, STMT_SESSION_FACTOR_FAIL, p, 1, NULL, NULL)) != ERR_OK)
		return rc;
	if ((rc = db_query(db, a, &mod, STMT_SESSION_FACTOR_COUNT, p, 1, &rows)) != ERR_OK)
		return rc;
	if ((n = db_next(rows)) == 1)
		*count = (unsigned)db_col_int(rows, 0);
	else
		rc = n == 0 ? ERR_NOTFOUND : db_connected(db) ? ERR_DB : ERR_DB_LOST;
	db_rows_free(rows);
	return rc;
}

enum err
session_set_notice(struct db *db, const unsigned char id_hash[32],
    const char *notice)
{
	struct db_param p[] = {
		notice != NULL ? DB_STR(notice) : DB_NULL,
		DB_STRN((const char *)id_hash, 32),
	};

	return db_exec(db, &mod, STMT_SESSION_NOTICE, p, 2, NULL, NULL);
}

/* What session_start's transaction needs and fills. */
struct sstart {
	const struct audit_actor	*actor;
	enum portal			 portal;
	enum session_stage		 stage;
	const unsigned char		*old_hash;
	const char			*notice;
	char				*token;
};

/* The old session ended, the new one with its notice, the audit row. */
static enum err
start_body(struct db *db, struct arena *a, void *ctx)
{
	struct sstart	*t = ctx;
	unsigned char	 hash[32];
	char		 oid[24];
	enum err	 rc;

	(void)a;
	snprintf(oid, sizeof oid, "%lld", t->actor->user_id);
	if ((t->old_hash != NULL && (rc = session_end(db, t->old_hash)) != ERR_OK) ||
	    (rc = session_create(db, t->actor->user_id, t->portal, t->stage,
	    t->actor->client_addr, t->token)) != ERR_OK)
		return rc;
	if (t->notice != NULL && t->notice[0] != '\0' &&
	    ((rc = session_id_hash(t->token, hash)) != ERR_OK ||
	    (rc = session_set_notice(db, hash, t->notice)) != ERR_OK))
		return rc;
	return audit_write(db, t->actor, "session.create", "user", oid, AUDIT_OK,
	    stage_names[t->stage]);
}

enum err
session_start(struct db *db, const struct audit_actor *actor, enum portal portal,
    enum session_stage stage, const unsigned char *old_hash, const char *notice,
    char token[SESSION_TOKEN_LEN + 1])
{
	struct sstart	 t = { actor, portal, stage, old_hash, notice, token };
	enum err	 rc;

	if ((rc = db_tx(db, 0, start_body, &t)) != ERR_OK)
		explicit_bzero(token, SESSION_TOKEN_LEN + 1);
	return rc;
}

/* What session_logout's transaction needs. */
struct slogout {
	const struct audit_actor	*actor;
	const unsigned char		*hash;
};

static enum err
logout_body(struct db *db, struct arena *a, void *ctx)
{
	struct slogout	*t = ctx;
	char		 oid[24];
	enum err	 rc;

	(void)a;
	snprintf(oid, sizeof oid, "%lld", t->actor->user_id);
	if ((rc = session_end(db, t->hash)) != ERR_OK)
		return rc;
	return audit_write(db, t->actor, "logout", "user", oid, AUDIT_OK, "");
}

enum err
session_logout(struct db *db, const struct audit_actor *actor,
    const unsigned char hash[32])
{
	struct slogout t = { actor, hash };

	return db_tx(db, 0, logout_body, &t);
}
