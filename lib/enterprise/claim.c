/*
 * claim.c -- the SQL and rules of claiming an enterprise row that exists
 * without users (see claim.h), and its business licence files.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "core/enumname.h"
#include "db/db_region.h"
#include "core/timefmt.h"
#include "enterprise/claim.h"
#include "crypto/crypto.h"
#include "formats/ident.h"
#include "crypto/password.h"
#include "crypto/seal.h"
#include "accounts/inbox.h"
#include "accounts/sms.h"
#include "accounts/user.h"

#define CLAIM_COLS \
	"c.id, c.enterprise_id, c.user_id, e.uscc, c.region_code, r.name, c.status," \
	" u.username, u.real_name, c.ent_name, c.reg_no, c.legal_name, c.legal_id_enc," \
	" e.name, c.licence_file, c.licence_type, c.licence_size," \
	" DATE_FORMAT(c.created_at, '%Y-%m-%d %H:%i:%s')," \
	" COALESCE(DATE_FORMAT(c.decided_at, '%Y-%m-%d %H:%i:%s'), '')," \
	" COALESCE(d.username, ''), c.reason"
#define CLAIM_FROM \
	" FROM enterprise_claims c JOIN enterprises e ON e.id = c.enterprise_id" \
	" JOIN regions r ON r.code = c.region_code JOIN users u ON u.id = c.user_id" \
	" LEFT JOIN users d ON d.id = c.decided_by"
#define CLAIM_SCOPE	REGION_SCOPE("c.region_code")

enum {
	STMT_CLAIM_ENT_LOCK,
	STMT_CLAIM_PENDING_OF_ENT,
	STMT_CLAIM_INSERT,
	STMT_CLAIM_USER_PENDING,
	STMT_CLAIM_LIST,
	STMT_CLAIM_COUNT,
	STMT_CLAIM_GET,
	STMT_CLAIM_LOCK,
	STMT_CLAIM_USER_LOCK,
	STMT_CLAIM_DECIDE,
	STMT_CLAIM_OWN_FIND,
	STMT_CLAIM_OWN_LOCK,
	STMT_CLAIM__MAX
};

static const char *const sql[STMT_CLAIM__MAX] = {
	[STMT_CLAIM_ENT_LOCK] =
	    "SELECT id, legal_name, legal_id_idx IS NOT NULL, COALESCE(legal_id_idx, ''),"
	    " region_code FROM enterprises WHERE uscc = ? FOR UPDATE",
	[STMT_CLAIM_PENDING_OF_ENT] =
	    "SELECT COUNT(*) FROM users WHERE org_kind = 'enterprise' AND org_id = ?"
	    " AND status = 'pending'",
	[STMT_CLAIM_INSERT] =
	    "INSERT INTO enterprise_claims (enterprise_id, user_id, region_code, ent_name,"
	    " reg_no, legal_name, legal_id_enc, legal_id_idx, licence_file, licence_type,"
	    " licence_size, licence_sha256) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
	[STMT_CLAIM_USER_PENDING] =
	    "SELECT COUNT(*) FROM users WHERE username = ? AND role = 'enterprise'"
	    " AND status = 'pending'",
	/* a claim whose account left 'pending' another way (revoked by an
	 * operator) is not waiting for anyone */
	[STMT_CLAIM_LIST] =
	    "SELECT " CLAIM_COLS CLAIM_FROM " WHERE c.status = 'pending'"
	    " AND u.status = 'pending' AND" CLAIM_SCOPE " ORDER BY c.id LIMIT ?",
	[STMT_CLAIM_COUNT] =
	    "SELECT COUNT(*)" CLAIM_FROM " WHERE c.status = 'pending'"
	    " AND u.status = 'pending' AND" CLAIM_SCOPE,
	[STMT_CLAIM_GET] =
	    "SELECT " CLAIM_COLS CLAIM_FROM " WHERE c.id = ? AND" CLAIM_SCOPE,
	[STMT_CLAIM_LOCK] =
	    "SELECT c.status, c.enterprise_id, c.user_id, c.ent_name, c.reg_no,"
	    " c.legal_name, c.legal_id_enc, c.licence_file FROM enterprise_claims c"
	    " WHERE c.id = ? AND" CLAIM_SCOPE " FOR UPDATE",
	[STMT_CLAIM_USER_LOCK] = "SELECT status FROM users WHERE id = ? FOR UPDATE",
	[STMT_CLAIM_DECIDE] =
	    "UPDATE enterprise_claims SET status = ?, decided_at = UTC_TIMESTAMP(),"
	    " decided_by = ?, reason = ? WHERE id = ?",
	/* the pending claim of an enterprise account, by its own username */
	[STMT_CLAIM_OWN_FIND] =
	    "SELECT c.id FROM enterprise_claims c JOIN users u ON u.id = c.user_id"
	    " WHERE u.username = ? AND u.role = 'enterprise' AND c.status = 'pending'"
	    " ORDER BY c.id DESC LIMIT 1",
	/* parameters: id, then the claimant's scope: its username */
	[STMT_CLAIM_OWN_LOCK] =
	    "SELECT c.status, c.user_id, c.enterprise_id, c.region_code, c.licence_file"
	    " FROM enterprise_claims c JOIN users u ON u.id = c.user_id"
	    " WHERE c.id = ? AND u.username = ? AND u.role = 'enterprise'"
	    " FOR UPDATE",
};

static const struct db_module mod = { DBM_CLAIM, STMT_CLAIM__MAX, sql };

/* The AAD of the sealed ID number: the enterprise row's, so the value is
 * the same kind of thing wherever it is stored. */
#define LEGAL_AAD	"enterprises.legal_id_enc"

static const char *const ftype_names[CLAIM_FT__MAX] = {
	[CLAIM_FT_NONE] = "", [CLAIM_FT_PDF] = "pdf", [CLAIM_FT_JPG] = "jpg",
	[CLAIM_FT_PNG] = "png",
};
static const char *const ftype_mimes[CLAIM_FT__MAX] = {
	[CLAIM_FT_NONE] = "application/octet-stream", [CLAIM_FT_PDF] = "application/pdf",
	[CLAIM_FT_JPG] = "image/jpeg", [CLAIM_FT_PNG] = "image/png",
};

enum claim_ftype
claim_sniff(const unsigned char *b, size_t n)
{
	static const unsigned char png[8] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };

	if (b == NULL)
		return CLAIM_FT_NONE;
	if (n >= 8 && memcmp(b, png, 8) == 0)
		return CLAIM_FT_PNG;
	if (n >= 5 && memcmp(b, "%PDF-", 5) == 0)
		return CLAIM_FT_PDF;
	if (n >= 4 && b[0] == 0xff && b[1] == 0xd8 && b[2] == 0xff)
		return CLAIM_FT_JPG;
	return CLAIM_FT_NONE;
}

const char *
claim_ftype_name(enum claim_ftype t)
{
	return enum_name(ftype_names, CLAIM_FT__MAX, (int)t);
}

const char *
claim_ftype_mime(enum claim_ftype t)
{
	return t < CLAIM_FT__MAX ? ftype_mimes[t] : ftype_mimes[CLAIM_FT_NONE];
}

static enum claim_ftype
ftype_parse(const char *s)
{
	int i = enum_parse(ftype_names, CLAIM_FT__MAX, s);

	return i < 1 ? CLAIM_FT_NONE : (enum claim_ftype)i;
}

/* --- the enterprise row ----------------------------------------------------- */

struct ent_row {
	long long	 id;
	bool		 has_rep;	/* an ID number is on record */
	const char	*legal_name;
	unsigned char	 legal_idx[32];
	const char	*region;
};

/* 1 found, 0 none, or -(enum err). */
static int
ent_row(struct db *db, struct arena *a, int stmt, const char *uscc, struct ent_row *e)
{
	struct db_rows	*rows;
	struct db_param	 p[] = { DB_STR(uscc) };
	enum err	 rc;
	int		 n;

	memset(e, 0, sizeof *e);
	if ((rc = db_query(db, a, &mod, stmt, p, 1, &rows)) != ERR_OK)
		return -(int)rc;
	if ((n = db_next(rows)) == 1) {
		e->id = db_col_int(rows, 0);
		e->legal_name = db_col_dup(rows, a, 1);
		e->has_rep = db_col_int(rows, 2) != 0;
		if (e->has_rep)
			memcpy(e->legal_idx, db_col_str(rows, 3), 32);
		e->region = db_col_dup(rows, a, 4);
	}
	db_rows_free(rows);
	if (n < 0)
		return -(int)db_rows_error(db);
	return n;
}

static enum err
count1(struct db *db, struct arena *a, int stmt, struct db_param *p, size_t np,
    long long *out)
{
	struct db_rows	*rows;
	enum err	 rc;

	*out = 0;
	if ((rc = db_query(db, a, &mod, stmt, p, np, &rows)) != ERR_OK)
		return rc;
	if (db_next(rows) == 1)
		*out = db_col_int(rows, 0);
	db_rows_free(rows);
	return ERR_OK;
}

enum err
claim_state_of(struct db *db, const char *uscc, enum claim_state *st)
{
	struct arena	*a = arena_new(1024);
	struct ent_row	 e;
	bool		 taken;
	enum err	 rc;
	int		 n;

	if (a == NULL)
		return ERR_NOMEM;
	/* the locking read is fine outside a transaction: it locks nothing */
	if ((n = ent_row(db, a, STMT_CLAIM_ENT_LOCK, uscc, &e)) < 0) {
		rc = (enum err)-n;
		goto out;
	}
	if (n == 0) {
		*st = CLAIM_NEW;
		rc = ERR_OK;
		goto out;
	}
	if ((rc = enterprise_uscc_taken(db, uscc, &taken)) != ERR_OK)
		goto out;
	*st = taken ? CLAIM_TAKEN : e.has_rep ? CLAIM_MATCH : CLAIM_LICENCE;
out:
	arena_free(a);
	return rc;
}

/* --- licence files ---------------------------------------------------------- */

/* fsync of the directory, so the new name survives a crash. */
static int
sync_dir(const char *dir)
{
	int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	int rc;

	if (fd == -1)
		return -1;
	rc = fsync(fd);
	close(fd);
	return rc;
}

/* Writes the licence as a new file under dir: name[] gets its name
 * (32 hex + "." + type), sha[] its SHA-256 in hex. */
static enum err
licence_store(const char *dir, const struct claim_licence *lic, char name[40],
    char sha[65])
{
	unsigned char	 rnd[16], digest[32];
	char		 hex[33], path[4096];
	const unsigned char *p = lic->data;
	size_t		 left = lic->size;
	int		 fd;

	if (crypto_random(rnd, sizeof rnd) == -1)
		return ERR_IO;
	crypto_hex(rnd, sizeof rnd, hex);
	snprintf(name, 40, "%s.%s", hex, claim_ftype_name(lic->type));
	if ((size_t)snprintf(path, sizeof path, "%s/%s", dir, name) >= sizeof path)
		return ERR_CONFIG;
	crypto_sha256(lic->data, lic->size, digest);
	crypto_hex(digest, sizeof digest, sha);
	fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0640);
	if (fd == -1)
		return ERR_IO;
	while (left > 0) {
		ssize_t w = write(fd, p, left);

		if (w == -1 && errno == EINTR)
			continue;
		if (w <= 0)
			break;
		p += w;
		left -= (size_t)w;
	}
	if (left > 0 || fsync(fd) == -1 || close(fd) == -1 || sync_dir(dir) == -1) {
		if (left > 0)
			close(fd);
		unlink(path);
		return ERR_IO;
	}
	return ERR_OK;
}

static void
licence_remove(const char *dir, const char *name)
{
	char path[4096];

	if ((size_t)snprintf(path, sizeof path, "%s/%s", dir, name) < sizeof path)
		unlink(path);
}

/* A stored name is ours: 32 hex digits, a dot, a known type. */
static bool
licence_name_valid(const char *s)
{
	if (s == NULL || strlen(s) != 36 || strspn(s, "0123456789abcdef") != 32 ||
	    s[32] != '.')
		return false;
	return ftype_parse(s + 33) != CLAIM_FT_NONE;
}

enum err
claim_licence_read(struct arena *a, const char *dir, const struct claim *c,
    const unsigned char **data, size_t *len)
{
	char		 path[4096];
	unsigned char	*buf;
	struct stat	 st;
	size_t		 got = 0;
	int		 fd;

	if (!licence_name_valid(c->licence_file) || c->licence_size < 0 ||
	    (size_t)snprintf(path, sizeof path, "%s/%s", dir, c->licence_file) >= sizeof path)
		return ERR_IO;
	if ((fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)) == -1)
		return ERR_IO;
	if (fstat(fd, &st) == -1 || !S_ISREG(st.st_mode) ||
	    st.st_size != (off_t)c->licence_size) {
		close(fd);
		return ERR_IO;
	}
	if ((buf = arena_alloc(a, (size_t)st.st_size + 1)) == NULL) {
		close(fd);
		return ERR_NOMEM;
	}
	while (got < (size_t)st.st_size) {
		ssize_t r = read(fd, buf + got, (size_t)st.st_size - got);

		if (r == -1 && errno == EINTR)
			continue;
		if (r <= 0)
			break;
		got += (size_t)r;
	}
	close(fd);
	if (got != (size_t)st.st_size)
		return ERR_IO;
	*data = buf;
	*len = got;
	return ERR_OK;
}

/* --- registration ------------------------------------------------------------ */

/*
 * The one place a claim changes an account's status: a step of the
 * account-state table (lib/accounts/account_state.c), audited there.
 */
static enum err
claim_user_step(struct db *db, const struct audit_actor *actor,
    long long user_id, enum acct_action action, enum acct_by by,
    const char *reason)
{
	struct acct_change ch = { .action = action, .by = by, .reason = reason };

	return user_step_tx(db, actor, user_id, &ch, NULL);
}

/* A refused claim: its audit row, in a transaction of its own. */
static void
audit_mismatch(struct db *db, const struct audit_actor *actor0,
    const struct ent_row *e, const char *uscc)
{
	struct audit_actor	actor = *actor0;
	char			oid[24];

	snprintf(oid, sizeof oid, "%lld", e->id);
	actor.region = e->region;
	(void)audit_write1(db, &actor, "enterprise.claim", "enterprise", oid,
	    AUDIT_DENIED, uscc);
}

/* What claim_register's transaction needs and tells back. */
struct creg {
	struct arena			*a;
	const struct ent_keys		*k;
	struct audit_actor		 actor;	/* becomes the claimant */
	const struct ent_registration	*g;
	const char			*licdir;
	const struct claim_licence	*lic;
	const char			*hash, *legal_enc, *mobile_enc;
	const unsigned char		*legal_idx, *mobile_idx;
	enum claim_result		*res;
	const char			**why;
	struct ent_row			 e;
	char				 file[40], sha[65], today[11];
	long long			 uid;
	bool				 stored, mismatch;
};

/* Under the enterprise's lock: the checks, the licence stored, the
 * claimant's account, then the claim applied (representative on record)
 * or recorded for an operator, with the audit rows. */
static enum err
register_body(struct db *db, struct arena *scratch, void *ctx)
{
	struct creg			*c = ctx;
	struct arena			*a = c->a;
	const struct ent_keys		*k = c->k;
	const struct ent_registration	*g = c->g;
	const char			*licdir = c->licdir;
	const struct claim_licence	*lic = c->lic;
	const char			*hash = c->hash, *legal_enc = c->legal_enc;
	const char			*mobile_enc = c->mobile_enc;
	const unsigned char		*legal_idx = c->legal_idx;
	const unsigned char		*mobile_idx = c->mobile_idx;
	enum claim_result		*res = c->res;
	const char			**why = c->why;
	struct ent_row			*e = &c->e;
	struct user_new			 nu;
	char				 oid[24], org[40];
	long long			 pending = 0;
	bool				 taken;
	enum err			 rc;
	int				 n;

	(void)scratch;
	if ((n = ent_row(db, a, STMT_CLAIM_ENT_LOCK, g->uscc, e)) <= 0) {
		rc = n == 0 ? ERR_NOTFOUND : (enum err)-n;
		return rc;
	}
	{
		struct db_param p[] = { DB_INT(e->id) };

		if ((rc = count1(db, a, STMT_CLAIM_PENDING_OF_ENT, p, 1, &pending)) != ERR_OK)
			return rc;
	}
	if ((rc = enterprise_uscc_taken(db, g->uscc, &taken)) != ERR_OK)
		return rc;
	if (taken) {
		*why = pending > 0 ? "claim_pending" : "uscc_taken";
		rc = ERR_CONFLICT;
		return rc;
	}
	if (e->has_rep) {
		/* the name as on record, the ID number by its blind index */
		c->mismatch = strcmp(e->legal_name, g->legal_name) != 0 ||
		    !crypto_equal(e->legal_idx, legal_idx, 32);
		if (c->mismatch) {
			*why = "claim_mismatch";
			rc = ERR_CONFLICT;
			return rc;
		}
	} else if (lic == NULL) {
		*why = "licence_required";
		rc = ERR_CONFLICT;
		return rc;
	}
	if (!e->has_rep) {
		if ((rc = licence_store(licdir, lic, c->file, c->sha)) != ERR_OK)
			return rc;
		c->stored = true;
	}
	snprintf(org, sizeof org, "enterprise:%lld", e->id);
	c->actor.role = "enterprise";
	c->actor.org = org;
	c->actor.region = e->region;
	memset(&nu, 0, sizeof nu);
	nu.username = g->username;
	nu.role = ROLE_ENTERPRISE;
	nu.region = e->region;
	nu.org_kind = "enterprise";
	nu.org_id = e->id;
	nu.real_name = g->contact_name;
	nu.contact = "";
	nu.mobile_enc = mobile_enc;
	nu.mobile_idx = mobile_idx;
	rc = user_insert_tx(db, &c->actor, "register", &nu, hash, false, &c->uid);
	if (rc == ERR_DB_DUP) {
		*why = "username_taken";
		rc = ERR_CONFLICT;
	}
	if (rc != ERR_OK)
		return rc;
	c->actor.user_id = c->uid;
	snprintf(oid, sizeof oid, "%lld", e->id);
	if (e->has_rep) {
		int changed;

		if ((rc = enterprise_claim_apply_tx(db, a, k, e->id, g, c->today, c->uid,
		    &changed)) != ERR_OK ||
		    (rc = audit_write(db, &c->actor, "enterprise.claim", "enterprise", oid,
		    AUDIT_OK, arena_printf(a, "%s; representative matched; %d fields changed",
		    g->uscc, changed))) != ERR_OK)
			return rc;
		*res = CLAIM_ACTIVE;
	} else {
		unsigned long long	cid = 0;
		struct db_param		p[] = { DB_INT(e->id), DB_INT(c->uid), DB_STR(e->region),
		    DB_STR(g->ent_name), DB_STR(g->reg_no), DB_STR(g->legal_name),
		    DB_STR(legal_enc), DB_STRN((const char *)legal_idx, 32), DB_STR(c->file),
		    DB_STR(claim_ftype_name(lic->type)), DB_INT((long long)lic->size),
		    DB_STR(c->sha) };

		if ((rc = claim_user_step(db, &c->actor, c->uid, ACCT_CLAIM_WAIT,
		    ACCT_BY_REGISTER, NULL)) != ERR_OK ||
		    (rc = db_exec(db, &mod, STMT_CLAIM_INSERT, p, 12, NULL, &cid)) != ERR_OK ||
		    (rc = audit_write(db, &c->actor, "enterprise.claim", "claim",
		    arena_printf(a, "%llu", cid), AUDIT_OK,
		    arena_printf(a, "%s; licence %s, %zu bytes, waiting for the operator",
		    g->uscc, claim_ftype_name(lic->type), lic->size))) != ERR_OK)
			return rc;
		*res = CLAIM_PENDING;
	}
	return ERR_OK;
}

enum err
claim_register(struct db *db, const struct ent_keys *k,
    const struct audit_actor *actor0, const struct ent_registration *g,
    const char *licdir, const struct claim_licence *lic, long long *user_id,
    enum claim_result *res, const char **why)
{
	struct arena		*a = arena_new(4096);
	struct creg		*c = a == NULL ? NULL : arena_calloc(a, 1, sizeof *c);
	char			 hash[PASSWORD_HASH_MAX];
	char			*legal_enc = NULL, *mobile_enc;
	unsigned char		 legal_idx[32], mobile_idx[32];
	enum err		 rc;

	*why = NULL;
	if (c == NULL) {
		arena_free(a);
		return ERR_NOMEM;
	}
	beijing_date(c->today, sizeof c->today);
	legal_enc = seal_text(a, k->data, LEGAL_AAD, g->legal_id);
	mobile_enc = seal_text(a, k->data, "users.mobile", g->mobile);
	blind_index(k->index, "idno", g->legal_id, legal_idx);
	blind_index(k->index, "mobile", g->mobile, mobile_idx);
	/* the KDF before the transaction: never while rows are locked */
	if (legal_enc == NULL || mobile_enc == NULL ||
	    password_hash(g->password, strlen(g->password), &kdf_current, hash) == -1) {
		arena_free(a);
		return ERR_NOMEM;
	}
	c->a = a;
	c->k = k;
	c->actor = *actor0;
	c->g = g;
	c->licdir = licdir;
	c->lic = lic;
	c->hash = hash;
	c->legal_enc = legal_enc;
	c->mobile_enc = mobile_enc;
	c->legal_idx = legal_idx;
	c->mobile_idx = mobile_idx;
	c->res = res;
	c->why = why;
	if ((rc = db_tx(db, 0, register_body, c)) == ERR_OK)
		*user_id = c->uid;
	else {
		if (c->stored)
			licence_remove(licdir, c->file);
		if (c->mismatch)
			audit_mismatch(db, actor0, &c->e, g->uscc);
	}
	explicit_bzero(hash, sizeof hash);
	arena_free(a);
	return rc;
}

enum err
claim_user_pending(struct db *db, const char *username, bool *pending)
{
	struct arena	*a = arena_new(512);
	struct db_param	 p[] = { DB_STR(username) };
	long long	 n;
	enum err	 rc;

	if (a == NULL)
		return ERR_NOMEM;
	rc = count1(db, a, STMT_CLAIM_USER_PENDING, p, 1, &n);
	*pending = rc == ERR_OK && n > 0;
	arena_free(a);
	return rc;
}

/* --- the operators' side ----------------------------------------------------- */

static int
claim_from_row(struct db_rows *rows, struct arena *a, const unsigned char key[32],
    struct claim *c)
{
	const char	*sealed, *plain;
	char		*masked;

	memset(c, 0, sizeof *c);
	c->id = db_col_int(rows, 0);
	c->enterprise_id = db_col_int(rows, 1);
	c->user_id = db_col_int(rows, 2);
	c->uscc = db_col_dup(rows, a, 3);
	c->region = db_col_dup(rows, a, 4);
	c->region_name = db_col_dup(rows, a, 5);
	c->status = db_col_dup(rows, a, 6);
	c->username = db_col_dup(rows, a, 7);
	c->contact_name = db_col_dup(rows, a, 8);
	c->ent_name = db_col_dup(rows, a, 9);
	c->reg_no = db_col_dup(rows, a, 10);
	c->legal_name = db_col_dup(rows, a, 11);
	sealed = db_col_str(rows, 12);
	c->record_name = db_col_dup(rows, a, 13);
	c->licence_file = db_col_dup(rows, a, 14);
	c->licence_type = ftype_parse(db_col_str(rows, 15));
	c->licence_size = db_col_int(rows, 16);
	c->created_at = db_col_dup(rows, a, 17);
	c->decided_at = db_col_dup(rows, a, 18);
	c->decided_by = db_col_dup(rows, a, 19);
	c->reason = db_col_dup(rows, a, 20);
	plain = sealed != NULL ? open_text(a, key, LEGAL_AAD, sealed) : NULL;
	if ((masked = arena_alloc(a, 20)) == NULL)
		return -1;
	if (plain != NULL && strlen(plain) == 18)
		mask_idno(plain, masked);
	else
		masked[0] = '\0';
	c->legal_id = masked;
	return c->uscc == NULL || c->reason == NULL ? -1 : 0;
}

enum err
claim_count(struct db *db, struct arena *a, const struct scope *sc, long long *n)
{
	struct db_param	 p[] = { DB_STR(sc->region), DB_STR(sc->region) };

	return db_count(db, a, &mod, STMT_CLAIM_COUNT, p, 2, n);
}

enum err
claim_list(struct db *db, struct arena *a, const unsigned char key[32],
    const char *region, size_t max, struct claim **out, size_t *n)
{
	struct db_param	 p[] = { DB_STR(region), DB_STR(region), DB_INT((long long)max) };
	struct db_rows	*rows;
	struct claim	*v;
	enum err	 rc;

	*n = 0;
	if ((v = arena_calloc(a, max + 1, sizeof *v)) == NULL)
		return ERR_NOMEM;
	if ((rc = db_query(db, a, &mod, STMT_CLAIM_LIST, p, 3, &rows)) != ERR_OK)
		return rc;
	while (*n < max && db_next(rows) == 1) {
		if (claim_from_row(rows, a, key, &v[*n]) == -1) {
			db_rows_free(rows);
			return ERR_NOMEM;
		}
		(*n)++;
	}
	db_rows_free(rows);
	*out = v;
	return ERR_OK;
}

enum err
claim_get(struct db *db, struct arena *a, const unsigned char key[32],
    const struct scope *sc, long long id, struct claim *c)
{
	struct db_param	 p[] = {
		DB_INT(id), DB_STR(sc->region), DB_STR(sc->region),
	};
	struct db_rows	*rows;
	enum err	 rc;
	int		 n;

	if ((rc = db_query(db, a, &mod, STMT_CLAIM_GET, p, 3, &rows)) != ERR_OK)
		return rc;
	if ((n = db_next(rows)) == 1 && claim_from_row(rows, a, key, c) == -1)
		n = -2;
	db_rows_free(rows);
	if (n == -2)
		return ERR_NOMEM;
	if (n != 1)
		return n == 0 ? ERR_NOTFOUND : db_rows_error(db);
	return ERR_OK;
}

static const char *const claim_states[CLAIMS__MAX] = {
	[CLAIMS_PENDING] = "pending", [CLAIMS_APPROVED] = "approved",
	[CLAIMS_REFUSED] = "refused", [CLAIMS_WITHDRAWN] = "withdrawn",
};
static const char *const claim_decisions[CLAIMA__MAX] = {
	[CLAIMA_APPROVE] = "approve", [CLAIMA_REFUSE] = "refuse",
	[CLAIMA_WITHDRAW] = "withdraw",
};
/* Decided once, by an operator or by the claimant's withdrawal. */
static const signed char claim_next[CLAIMS__MAX][CLAIMA__MAX] = {
	[CLAIMS_PENDING] = { [CLAIMA_APPROVE] = STEP_TO(CLAIMS_APPROVED),
	    [CLAIMA_REFUSE] = STEP_TO(CLAIMS_REFUSED),
	    [CLAIMA_WITHDRAW] = STEP_TO(CLAIMS_WITHDRAWN) },
	[CLAIMS_APPROVED] = { STEP_NO, STEP_NO, STEP_NO },
	[CLAIMS_REFUSED] = { STEP_NO, STEP_NO, STEP_NO },
	[CLAIMS_WITHDRAWN] = { STEP_NO, STEP_NO, STEP_NO },
};
const struct step_machine claim_machine = {
	"claim", CLAIMS__MAX, CLAIMA__MAX, claim_states, claim_decisions,
	&claim_next[0][0],
};

/* What the decision reads from the locked claim (STMT_CLAIM_LOCK: status,
 * enterprise_id, user_id, ent_name, reg_no, legal_name, legal_id_enc). */
struct claim_step {
	const struct ent_keys	*k;
	const char		*reason, *today;
	struct ent_registration	 g;
	long long		 ent_id, uid;
	char			 file[128];	/* the licence's stored name */
};

static enum err
decide_locked(struct step_run *run)
{
	struct claim_step *c = run->ctx;

	c->ent_id = db_col_int(run->row, 1);
	c->uid = db_col_int(run->row, 2);
	c->g.ent_name = db_col_dup(run->row, run->a, 3);
	c->g.reg_no = db_col_dup(run->row, run->a, 4);
	c->g.legal_name = db_col_dup(run->row, run->a, 5);
	c->g.legal_id = open_text(run->a, c->k->data, LEGAL_AAD,
	    db_col_str(run->row, 6));
	snprintf(c->file, sizeof c->file, "%s",
	    db_col_str(run->row, 7) ? db_col_str(run->row, 7) : "");
	return ERR_OK;
}

/* What the claimant is told when its claim is approved: a notice (and an
 * SMS) in the approval's transaction.  A refused claimant has no account
 * left to read one. */
static const struct inbox_note claim_approved_note = {
	"claim.approved", "企业认领已通过审核",
	"您提交的企业认领申请已由业务管理员审核通过，账户已开通，现在可以使用平台的全部功能。"
	"请在“企业信息”中核对并补充企业资料。",
	"/profile", true,
};

/* The account must still be pending too; approval writes the claimed
 * values, activates it and tells the claimant; refusal revokes it. */
static enum err
decide_change(struct step_run *run)
{
	struct claim_step	*c = run->ctx;
	struct ent_registration	*g = &c->g;
	struct db		*db = run->db;
	bool			 approve = run->step->action == CLAIMA_APPROVE;
	bool			 user_pending = false;
	struct db_rows		*rows;
	enum err		 rc;
	int			 changed = 0;

	{
		struct db_param p[] = { DB_INT(c->uid) };

		if ((rc = db_query(db, run->a, &mod, STMT_CLAIM_USER_LOCK, p, 1, &rows)) != ERR_OK)
			return rc;
		if (db_next(rows) == 1)
			user_pending = strcmp(db_col_str(rows, 0), "pending") == 0;
		db_rows_free(rows);
	}
	if (!user_pending)
		return ERR_CONFLICT;
	if (approve) {
		if (g->ent_name == NULL || g->reg_no == NULL || g->legal_name == NULL ||
		    g->legal_id == NULL)
			return g->legal_id == NULL ? ERR_INVAL : ERR_NOMEM;
		if ((rc = enterprise_claim_apply_tx(db, run->a, c->k, c->ent_id, g,
		    c->today, c->uid, &changed)) != ERR_OK ||
		    (rc = claim_user_step(db, run->actor, c->uid, ACCT_CLAIM_APPROVE,
		    ACCT_BY_CLAIM, NULL)) != ERR_OK ||
		    (rc = inbox_add(db, c->uid, &claim_approved_note, NULL)) != ERR_OK)
			return rc;
	} else if ((rc = claim_user_step(db, run->actor, c->uid, ACCT_REVOKE,
	    ACCT_BY_CLAIM, c->reason)) != ERR_OK)
		return rc;
	{
		struct db_param p[] = {
		    DB_STR(step_state_name(&claim_machine, run->to)),
		    DB_INT(run->actor->user_id), DB_STR(c->reason), DB_INT(run->id) };

		if ((rc = db_exec(db, &mod, STMT_CLAIM_DECIDE, p, 4, NULL, NULL)) != ERR_OK)
			return rc;
	}
	if (approve)
		snprintf(run->detail, sizeof run->detail,
		    "enterprise %lld, user %lld; %d fields changed", c->ent_id,
		    c->uid, changed);
	else
		snprintf(run->detail, sizeof run->detail,
		    "enterprise %lld, user %lld; licence removed", c->ent_id,
		    c->uid);
	return ERR_OK;
}

static const struct step approve_step = {
	&claim_machine, CLAIMA_APPROVE, &mod, STMT_CLAIM_LOCK, false,
	"claim.approve", "claim", decide_locked, decide_change,
};
static const struct step refuse_step = {
	&claim_machine, CLAIMA_REFUSE, &mod, STMT_CLAIM_LOCK, false,
	"claim.refuse", "claim", decide_locked, decide_change,
};

enum err
claim_decide(struct db *db, const struct ent_keys *k,
    const struct audit_actor *actor, const char *licdir, const char *region,
    long long id, bool approve, const char *reason, const char *today)
{
	/* the scope predicate of STMT_CLAIM_LOCK (CLAIM_SCOPE) */
	struct db_param		 scope[] = { DB_STR(region), DB_STR(region) };
	struct claim_step	 c;
	enum err		 rc;

	memset(&c, 0, sizeof c);
	c.k = k;
	c.reason = reason;
	c.today = today;
	rc = step_run(db, approve ? &approve_step : &refuse_step, actor,
	    scope, 2, id, 0, &c);
	/* the refused claimant's identity document goes only once the
	 * refusal is final; a failed unlink leaves a file nothing names */
	if (rc == ERR_OK && !approve && licence_name_valid(c.file))
		licence_remove(licdir, c.file);
	return rc;
}

/* What the withdrawal reads from the locked claim (STMT_CLAIM_OWN_LOCK:
 * status, user_id, enterprise_id, region_code, licence_file); the audit
 * rows are the claimant's, so `actor` (step_run's) becomes it. */
struct withdraw_step {
	struct audit_actor	*actor;
	long long		 uid, ent_id;
	char			 org[40];
	char			 file[128];
};

static enum err
withdraw_locked(struct step_run *run)
{
	struct withdraw_step	*w = run->ctx;
	const char		*f = db_col_str(run->row, 4);

	w->uid = db_col_int(run->row, 1);
	w->ent_id = db_col_int(run->row, 2);
	snprintf(w->file, sizeof w->file, "%s", f != NULL ? f : "");
	snprintf(w->org, sizeof w->org, "enterprise:%lld", w->ent_id);
	w->actor->user_id = w->uid;
	w->actor->role = "enterprise";
	w->actor->org = w->org;
	if ((w->actor->region = db_col_dup(run->row, run->a, 3)) == NULL)
		return ERR_NOMEM;
	return ERR_OK;
}

/* The account must still be pending: revoked by the claimant, the claim
 * marked withdrawn. */
static enum err
withdraw_change(struct step_run *run)
{
	struct withdraw_step	*w = run->ctx;
	struct db_param		 u[] = { DB_INT(w->uid) };
	struct db_param		 p[] = { DB_STR("withdrawn"), DB_INT(w->uid),
	    DB_STR(""), DB_INT(run->id) };
	struct db_rows		*rows;
	bool			 user_pending = false;
	enum err		 rc;

	if ((rc = db_query(run->db, run->a, &mod, STMT_CLAIM_USER_LOCK, u, 1,
	    &rows)) != ERR_OK)
		return rc;
	if (db_next(rows) == 1)
		user_pending = strcmp(db_col_str(rows, 0), "pending") == 0;
	db_rows_free(rows);
	if (!user_pending)
		return ERR_CONFLICT;
	if ((rc = claim_user_step(run->db, run->actor, w->uid, ACCT_REVOKE,
	    ACCT_BY_CLAIMANT, "claim withdrawn by the enterprise")) != ERR_OK ||
	    (rc = db_exec(run->db, &mod, STMT_CLAIM_DECIDE, p, 4, NULL,
	    NULL)) != ERR_OK)
		return rc;
	snprintf(run->detail, sizeof run->detail,
	    "enterprise %lld, user %lld; licence removed", w->ent_id, w->uid);
	return ERR_OK;
}

static const struct step withdraw_step = {
	&claim_machine, CLAIMA_WITHDRAW, &mod, STMT_CLAIM_OWN_LOCK, false,
	"claim.withdraw", "claim", withdraw_locked, withdraw_change,
};

enum err
claim_withdraw(struct db *db, const struct audit_actor *actor0,
    const char *licdir, const char *username)
{
	struct db_param		 l[] = { DB_STR(username) };
	struct arena		*a = arena_new(512);
	struct audit_actor	 actor = *actor0;
	struct withdraw_step	 w = { .actor = &actor };
	struct db_rows		*rows;
	long long		 id = 0;
	enum err		 rc;
	int			 n;

	if (a == NULL)
		return ERR_NOMEM;
	/* the claim by its claimant; the step locks it by id and username */
	if ((rc = db_query(db, a, &mod, STMT_CLAIM_OWN_FIND, l, 1, &rows)) != ERR_OK)
		goto out;
	if ((n = db_next(rows)) == 1)
		id = db_col_int(rows, 0);
	db_rows_free(rows);
	if (n != 1) {
		rc = n == 0 ? ERR_NOTFOUND : db_rows_error(db);
		goto out;
	}
	rc = step_run(db, &withdraw_step, &actor, l, 1, id, 0, &w);
	if (rc == ERR_OK && licence_name_valid(w.file))
		licence_remove(licdir, w.file);
out:
	arena_free(a);
	return rc;
}
