/*
 * session.h -- server-side sessions (DESIGN.md "Request life", X-SEC).
 *
 * The cookie holds 256 random bits (base64url, 43 characters); the
 * database holds only their SHA-256.  A session belongs to the portal that
 * created it: looked up from the other portal it does not exist.
 */
#ifndef DUIJIE_SESSION_H
#define DUIJIE_SESSION_H

#include <stdbool.h>

#include "core/arena.h"
#include "core/config.h"
#include "db/db.h"
#include "accounts/user.h"

#define SESSION_TOKEN_LEN	43	/* base64url of 32 bytes */
#define SESSION_COOKIE		"__Host-duijie"
#define PRESESSION_COOKIE	"__Host-duijie-pre"

/* Where a session stands: signed in, or part-way through sign-in. */
enum session_stage {
	STAGE_FULL,	/* signed in */
	STAGE_TOTP,	/* password accepted, TOTP code pending */
	STAGE_ENROL,	/* password accepted, TOTP enrolment pending */
	STAGE_PWCHANGE,	/* signed in but must change the password first */
	STAGE__MAX
};

struct session {
	unsigned char		 id_hash[32];
	enum session_stage	 stage;
	char			 csrf[SESSION_TOKEN_LEN + 1];
	unsigned		 factor_failures;	/* wrong TOTP codes so far */
	char			 notice[32];	/* a lock since the last sign-in, or "" */
	struct user		 user;
};

/* A fresh random token (43 base64url characters). */
int		 session_token(char out[SESSION_TOKEN_LEN + 1]);

/* The stored id of cookie value `token`; ERR_INVAL when it is not one. */
enum err	 session_id_hash(const char *token, unsigned char out[32]);

/*
 * Creates a session and returns its cookie value in `token`.  Must run in
 * the caller's transaction when it goes with other changes (sign-in).
 */
enum err	 session_create(struct db *, long long user_id, enum portal,
		    enum session_stage, const char *client_addr,
		    char token[SESSION_TOKEN_LEN + 1]);

/*
 * A sign-in's new session (for actor->user_id, from actor->client_addr)
 * and its "session.create" audit row, in one transaction of its own; the
 * browser's old session (old_hash, may be NULL) ends in it too.  `notice`
 * (may be NULL or ""): shown on /account for the session's life.  On
 * failure nothing is stored and token is wiped.
 */
struct audit_actor;
enum err	 session_start(struct db *, const struct audit_actor *,
		    enum portal, enum session_stage,
		    const unsigned char *old_hash, const char *notice,
		    char token[SESSION_TOKEN_LEN + 1]);

/*
 * The live session for cookie value `token` on `portal`, in one round
 * trip with the security settings in force: *auth = *base with every row
 * of security_settings in its place (perm.h secset_apply), whose
 * session_idle, session_absolute and pending_secs are the limits.
 * ERR_NOTFOUND when there is none, it is past its idle or absolute limit
 * or, in stage totp or enrol, past the pending limit (the row is then
 * deleted), or its user is not active.  Refreshes last_seen_at at most
 * once a minute.
 */
enum err	 session_lookup(struct db *, struct arena *, const char *token,
		    enum portal, const struct config_auth *base,
		    struct config_auth *auth, struct session *out);

/* Replaces the session's id (privilege change) and sets its stage;
 * `token` receives the new cookie value. */
enum err	 session_rotate(struct db *, struct session *, enum session_stage,
		    char token[SESSION_TOKEN_LEN + 1]);

/*
 * Counts a wrong second-factor code against the session and returns the
 * new count; in the caller's transaction.  ERR_NOTFOUND when the session
 * is gone.
 */
enum err	 session_factor_fail(struct db *, struct arena *,
		    const unsigned char id_hash[32], unsigned *count);

/* Sets (or with NULL clears) the notice shown on /account; in the
 * caller's transaction. */
enum err	 session_set_notice(struct db *, const unsigned char id_hash[32],
		    const char *notice);

/* Ends one session. */
enum err	 session_end(struct db *, const unsigned char id_hash[32]);

/* Ends session `hash` (the signed-in user's, actor->user_id) with its
 * audit row "logout", in one transaction (db_tx).  Database errors. */
enum err	session_logout(struct db *, const struct audit_actor *actor,
		    const unsigned char hash[32]);

#endif
