/*
 * enterprise.c -- the SQL and rules of enterprises and their history.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/timefmt.h"
#include "crypto/crypto.h"
#include "enterprise/enterprise.h"
#include "web/form.h"
#include "formats/ident.h"
#include "crypto/password.h"
#include "crypto/seal.h"
#include "accounts/sms.h"
#include "accounts/user.h"

const struct ent_field_info ent_fields[ENT_F__MAX] = {
	[ENT_F_NAME] = { "ent_name", "name", false, false },
	[ENT_F_REG_NO] = { "reg_no", "reg_no", false, false },
	[ENT_F_LEGAL_NAME] = { "legal_name", "legal_name", false, false },
	[ENT_F_LEGAL_ID] = { "legal_id", "legal_id_enc", true, false },
	[ENT_F_ADDRESS] = { "address", "address", false, true },
	[ENT_F_BUSINESS_SCOPE] = { "business_scope", "business_scope", false, true },
	[ENT_F_REG_CAPITAL] = { "reg_capital", "reg_capital_fen", false, true },
	[ENT_F_ORG_FORM] = { "org_form", "org_form", false, true },
	[ENT_F_INDUSTRY] = { "industry", "industry", false, true },
	[ENT_F_SIZE] = { "size", "size", false, true },
	[ENT_F_HEADCOUNT] = { "headcount", "headcount", false, false },
	[ENT_F_REVENUE] = { "revenue", "revenue_fen", false, false },
	[ENT_F_MAIN_NAME] = { "main_name", "main_name", false, true },
	[ENT_F_MAIN_TITLE] = { "main_title", "main_title", false, false },
	[ENT_F_MAIN_MOBILE] = { "main_mobile", "main_mobile_enc", true, true },
	[ENT_F_MAIN_EMAIL] = { "main_email", "main_email", false, false },
	[ENT_F_LIAISON_NAME] = { "liaison_name", "liaison_name", false, true },
	[ENT_F_LIAISON_TITLE] = { "liaison_title", "liaison_title", false, false },
	[ENT_F_LIAISON_MOBILE] = { "liaison_mobile", "liaison_mobile_enc", true, true },
	[ENT_F_LIAISON_EMAIL] = { "liaison_email", "liaison_email", false, false },
};

#define ENT_COLS \
	"e.id, e.uscc, e.region_code, r.name, e.late_changes," \
	" (SELECT COUNT(*) FROM users u WHERE u.org_kind = 'enterprise' AND u.org_id = e.id)," \
	" e.name, e.reg_no, e.legal_name, e.legal_id_enc, e.address, e.business_scope," \
	" COALESCE(e.reg_capital_fen, ''), e.org_form, e.industry, e.size," \
	" COALESCE(e.headcount, ''), COALESCE(e.revenue_fen, ''), e.main_name, e.main_title," \
	" e.main_mobile_enc, e.main_email, e.liaison_name, e.liaison_title," \
	" e.liaison_mobile_enc, e.liaison_email"
#define ENT_FIRST_FIELD 6

enum {
	STMT_ENT_GET,
	STMT_ENT_LOCK,
	STMT_ENT_BY_USCC,
	STMT_ENT_INSERT,
	STMT_ENT_REGISTER_SET,
	STMT_ENT_UPDATE,
	STMT_ENT_CHANGE_ADD,
	STMT_ENT_LATE_ADD,
	STMT_ENT_HISTORY,
	STMT_ENT_USERS_OF_USCC,
	STMT_ENT_USER_INSERT,
	STMT_ENT__MAX
};

static const char *const sql[STMT_ENT__MAX] = {
	/* parameters of both: id, then the scope (SCOPE_ENT) */
	[STMT_ENT_GET] = "SELECT " ENT_COLS
	    " FROM enterprises e JOIN regions r ON r.code = e.region_code"
	    " WHERE e.id = ? AND" SCOPE_ENT("e.id", "e.region_code"),
	[STMT_ENT_LOCK] = "SELECT " ENT_COLS
	    " FROM enterprises e JOIN regions r ON r.code = e.region_code"
	    " WHERE e.id = ? AND" SCOPE_ENT("e.id", "e.region_code")
	    " FOR UPDATE",
	[STMT_ENT_BY_USCC] = "SELECT id FROM enterprises WHERE uscc = ? FOR UPDATE",
	[STMT_ENT_INSERT] =
	    "INSERT INTO enterprises (uscc, name, region_code) VALUES (?, ?, ?)",
	[STMT_ENT_REGISTER_SET] =
	    "UPDATE enterprises SET name = ?, reg_no = ?, legal_name = ?,"
	    " legal_id_enc = ?, legal_id_idx = ?, updated_at = UTC_TIMESTAMP() WHERE id = ?",
	[STMT_ENT_UPDATE] =
	    "UPDATE enterprises SET name = ?, reg_no = ?, legal_name = ?, legal_id_enc = ?,"
	    " legal_id_idx = ?, address = ?, business_scope = ?, reg_capital_fen = ?,"
	    " org_form = ?, industry = ?, size = ?, headcount = ?, revenue_fen = ?,"
	    " main_name = ?, main_title = ?, main_mobile_enc = ?, main_email = ?,"
	    " liaison_name = ?, liaison_title = ?, liaison_mobile_enc = ?, liaison_email = ?,"
	    " updated_at = UTC_TIMESTAMP() WHERE id = ?",
	[STMT_ENT_CHANGE_ADD] =
	    "INSERT INTO enterprise_changes (enterprise_id, field, old_value, new_value,"
	    " sealed, changed_on, late, user_id)"
	    " VALUES (?, ?, ?, ?, ?, ?, ?, NULLIF(?, 0))",
	[STMT_ENT_LATE_ADD] =
	    "UPDATE enterprises SET late_changes = late_changes + ? WHERE id = ?",
	[STMT_ENT_HISTORY] =
	    "SELECT c.field, c.old_value, c.new_value, c.sealed,"
	    " DATE_FORMAT(c.changed_on, '%Y-%m-%d'),"
	    " DATE_FORMAT(c.entered_at, '%Y-%m-%d %H:%i:%s'), c.late,"
	    " COALESCE(u.username, '')"
	    " FROM enterprise_changes c LEFT JOIN users u ON u.id = c.user_id"
	    " WHERE c.enterprise_id = ? ORDER BY c.id DESC LIMIT ?",
	[STMT_ENT_USERS_OF_USCC] =
	    "SELECT COUNT(*) FROM users u JOIN enterprises e ON u.org_kind = 'enterprise'"
	    " AND u.org_id = e.id WHERE e.uscc = ? AND u.status <> 'revoked'",
	[STMT_ENT_USER_INSERT] =
	    "INSERT INTO users (username, role, region_code, org_kind, org_id, real_name,"
	    " mobile_enc, mobile_idx, must_change_pw, pw_hash)"
	    " VALUES (?, 'enterprise', ?, 'enterprise', ?, ?, ?, ?, 0, ?)",
};

static const struct db_module mod = { DBM_ENTERPRISE, STMT_ENT__MAX, sql };

static void
aad_of(enum ent_field f, char *buf, size_t len)
{
	snprintf(buf, len, "enterprises.%s", ent_fields[f].column);
}

enum err
enterprise_uscc_taken(struct db *db, const char *uscc, bool *taken)
{
	struct arena	*a = arena_new(512);
	struct db_rows	*rows;
	struct db_param	 p[] = { DB_STR(uscc) };
	enum err	 rc;

	if (a == NULL)
		return ERR_NOMEM;
	if ((rc = db_query(db, a, &mod, STMT_ENT_USERS_OF_USCC, p, 1, &rows)) == ERR_OK) {
		*taken = db_next(rows) == 1 && db_col_int(rows, 0) > 0;
		db_rows_free(rows);
	}
	arena_free(a);
	return rc;
}

/* What enterprise_register's transaction needs and tells back. */
struct ereg {
	struct arena			*a;
	struct audit_actor		*actor;	/* becomes the new user */
	const struct ent_registration	*g;
	const char			*hash, *legal_enc, *mobile_enc;
	const unsigned char		*legal_idx, *mobile_idx;
	char				 org[40];
	const char			**why;
	long long			 uid;
};

/* Under the USCC's lock: the checks, the enterprise row, its user, the
 * audit row. */
static enum err
register_body(struct db *db, struct arena *scratch, void *ctx)
{
	struct ereg			*r = ctx;
	struct arena			*a = r->a;
	const struct ent_registration	*g = r->g;
	const char			**why = r->why;
	const char			*hash = r->hash, *legal_enc = r->legal_enc;
	const char			*mobile_enc = r->mobile_enc;
	const unsigned char		*legal_idx = r->legal_idx;
	const unsigned char		*mobile_idx = r->mobile_idx;
	char				*org = r->org;
	struct db_rows			*rows;
	char				 oid[24];
	unsigned long long		 eid = 0, uid = 0;
	bool				 taken;
	enum err			 rc;
	int				 n;

	(void)scratch;
	/* Lock the enterprise row (or the gap) so two registrations of one
	 * USCC cannot both pass the check below. */
	{
		struct db_param p[] = { DB_STR(g->uscc) };

		if ((rc = db_query(db, a, &mod, STMT_ENT_BY_USCC, p, 1, &rows)) != ERR_OK)
			return rc;
		if ((n = db_next(rows)) == 1)
			eid = (unsigned long long)db_col_int(rows, 0);
		db_rows_free(rows);
		if (n < 0) {
			rc = db_connected(db) ? ERR_DB : ERR_DB_LOST;
			return rc;
		}
	}
	if ((rc = enterprise_uscc_taken(db, g->uscc, &taken)) != ERR_OK)
		return rc;
	if (taken) {
		*why = "uscc_taken";
		rc = ERR_CONFLICT;
		return rc;
	}
	/* A row without users is claimed (lib/enterprise/claim.c), never overwritten. */
	if (eid != 0) {
		*why = "uscc_known";
		rc = ERR_CONFLICT;
		return rc;
	}
	{
		struct db_param p[] = { DB_STR(g->uscc), DB_STR(g->ent_name), DB_STR(g->region) };

		if ((rc = db_exec(db, &mod, STMT_ENT_INSERT, p, 3, NULL, &eid)) != ERR_OK)
			return rc;
	}
	{
		struct db_param p[] = { DB_STR(g->ent_name), DB_STR(g->reg_no),
		    DB_STR(g->legal_name), DB_STR(legal_enc),
		    DB_STRN((const char *)legal_idx, 32), DB_INT((long long)eid) };

		if ((rc = db_exec(db, &mod, STMT_ENT_REGISTER_SET, p, 6, NULL, NULL)) != ERR_OK)
			return rc;
	}
	{
		struct db_param p[] = { DB_STR(g->username), DB_STR(g->region),
		    DB_INT((long long)eid), DB_STR(g->contact_name), DB_STR(mobile_enc),
		    DB_STRN((const char *)mobile_idx, 32), DB_STR(hash) };

		rc = db_exec(db, &mod, STMT_ENT_USER_INSERT, p, 7, NULL, &uid);
		if (rc == ERR_DB_DUP) {
			*why = "username_taken";
			rc = ERR_CONFLICT;
		}
		if (rc != ERR_OK)
			return rc;
	}
	snprintf(oid, sizeof oid, "%llu", uid);
	snprintf(org, sizeof r->org, "enterprise:%llu", eid);
	r->actor->user_id = (long long)uid;
	r->actor->role = "enterprise";
	r->actor->org = org;
	r->actor->region = g->region;
	if ((rc = audit_write(db, r->actor, "register", "user", oid, AUDIT_OK,
	    g->uscc)) != ERR_OK)
		return rc;
	r->uid = (long long)uid;
	return ERR_OK;
}

enum err
enterprise_register(struct db *db, const struct ent_keys *k,
    const struct audit_actor *actor0, const struct ent_registration *g,
    long long *user_id, const char **why)
{
	struct audit_actor	 actor = *actor0;
	struct arena		*a = arena_new(4096);
	char			 hash[PASSWORD_HASH_MAX], aad[64];
	char			*legal_enc, *mobile_enc;
	unsigned char		 legal_idx[32], mobile_idx[32];
	struct ereg		 r;
	enum err		 rc;

	*why = NULL;
	if (a == NULL)
		return ERR_NOMEM;
	aad_of(ENT_F_LEGAL_ID, aad, sizeof aad);
	legal_enc = seal_text(a, k->data, aad, g->legal_id);
	mobile_enc = seal_text(a, k->data, "users.mobile", g->mobile);
	blind_index(k->index, "idno", g->legal_id, legal_idx);
	blind_index(k->index, "mobile", g->mobile, mobile_idx);
	if (legal_enc == NULL || mobile_enc == NULL ||
	    password_hash(g->password, strlen(g->password), &kdf_current, hash) == -1) {
		arena_free(a);
		return ERR_NOMEM;
	}
	memset(&r, 0, sizeof r);
	r.a = a;
	r.actor = &actor;
	r.g = g;
	r.hash = hash;
	r.legal_enc = legal_enc;
	r.mobile_enc = mobile_enc;
	r.legal_idx = legal_idx;
	r.mobile_idx = mobile_idx;
	r.why = why;
	if ((rc = db_tx(db, 0, register_body, &r)) == ERR_OK)
		*user_id = r.uid;
	explicit_bzero(hash, sizeof hash);
	arena_free(a);
	return rc;
}

/* The masked form of a sealed field's plain value. */
static const char *
masked(struct arena *a, enum ent_field f, const char *plain)
{
	char *out = arena_alloc(a, 20);

	if (out == NULL || plain == NULL || *plain == '\0')
		return "";
	if (f == ENT_F_LEGAL_ID)
		mask_idno(plain, out);
	else
		mask_mobile(plain, out);
	return out;
}

static enum err
ent_load(struct db *db, struct arena *a, const struct ent_keys *k, int stmt,
    const struct scope *sc, long long id, bool reveal, struct enterprise *e)
{
	struct db_rows	*rows;
	struct db_param	 p[1 + SCOPE_ENT_NP] = { DB_INT(id) };
	enum err	 rc;
	int		 n;

	memset(e, 0, sizeof *e);
	scope_ent_params(sc, true, p + 1);
	if ((rc = db_query(db, a, &mod, stmt, p, 1 + SCOPE_ENT_NP, &rows)) != ERR_OK)
		return rc;
	if ((n = db_next(rows)) != 1)
		return n == 0 ? ERR_NOTFOUND : db_connected(db) ? ERR_DB : ERR_DB_LOST;
	e->id = db_col_int(rows, 0);
	e->uscc = db_col_dup(rows, a, 1);
	e->region = db_col_dup(rows, a, 2);
	e->region_name = db_col_dup(rows, a, 3);
	e->late_changes = (unsigned)db_col_int(rows, 4);
	e->users = (unsigned)db_col_int(rows, 5);
	for (int f = 0; f < ENT_F__MAX; f++) {
		const char *v = db_col_str(rows, (unsigned)(ENT_FIRST_FIELD + f));

		if (v == NULL || *v == '\0') {
			e->v[f] = "";
			continue;
		}
		if (ent_fields[f].sealed) {
			char aad[64], *plain;

			aad_of((enum ent_field)f, aad, sizeof aad);
			plain = open_text(a, k->data, aad, v);
			e->v[f] = plain == NULL ? "" : reveal ? plain :
			    masked(a, (enum ent_field)f, plain);
		} else
			e->v[f] = arena_strdup(a, v);
		if (e->v[f] == NULL)
			return ERR_NOMEM;
	}
	db_rows_free(rows);
	return ERR_OK;
}

enum err
enterprise_get(struct db *db, struct arena *a, const struct ent_keys *k,
    const struct scope *sc, long long id, bool reveal, struct enterprise *e)
{
	return ent_load(db, a, k, STMT_ENT_GET, sc, id, reveal, e);
}

/* NULL for "" on numeric columns, so the database keeps NULL. */
static struct db_param
num_param(const char *v)
{
	return *v == '\0' ? DB_NULL : DB_STR(v);
}

/* enterprise_update's arguments, for its transaction. */
struct eupdate {
	struct arena			*a;
	const struct ent_keys		*k;
	const struct audit_actor	*actor;
	const struct scope		*sc;
	long long			 id;
	const char *const		*v;
	const char			*changed_on;
	long long			 user_id;
	int				*nchanged, *nlate;
};

/* Under the enterprise's lock (within the scope): the history rows, the
 * row, the late count and the audit row. */
static enum err
update_body(struct db *db, struct arena *scratch, void *ctx)
{
	struct eupdate			*u = ctx;
	struct arena			*a = u->a;
	const struct ent_keys		*k = u->k;
	const struct audit_actor	*actor = u->actor;
	long long			 id = u->id;
	const char *const		*v = u->v;
	const char			*changed_on = u->changed_on;
	long long			 user_id = u->user_id;
	struct enterprise	 cur;
	const char		*next[ENT_F__MAX], *stored[ENT_F__MAX];
	unsigned char		 legal_idx[32];
	char			 oid[24], detail[64];
	enum err		 rc;
	int			 changed = 0, late = 0;
	bool			 is_late;
	struct tm		 tm;
	time_t			 day;

	(void)scratch;
	memset(&tm, 0, sizeof tm);
	if (strptime(changed_on, "%Y-%m-%d", &tm) == NULL)
		return ERR_INVAL;
	day = timegm(&tm) / 86400;
	/* Days count in Beijing time, where the enterprise lives. */
	is_late = beijing_day_number() - day > ENT_LATE_DAYS;
	if ((rc = ent_load(db, a, k, STMT_ENT_LOCK, u->sc, id, true, &cur)) != ERR_OK)
		return rc;
	for (int f = 0; f < ENT_F__MAX; f++) {
		next[f] = v[f] != NULL ? v[f] : cur.v[f];
		if (strcmp(next[f], cur.v[f]) == 0) {
			stored[f] = NULL;
			continue;
		}
		changed++;
		{
			char		aad[64];
			const char	*oldv = cur.v[f], *newv = next[f];
			int		sealed = ent_fields[f].sealed;

			if (sealed) {
				/* History keeps sealed values sealed too. */
				aad_of((enum ent_field)f, aad, sizeof aad);
				oldv = *oldv ? seal_text(a, k->data, aad, oldv) : "";
				newv = *newv ? seal_text(a, k->data, aad, newv) : "";
				if (oldv == NULL || newv == NULL) {
					rc = ERR_NOMEM;
					return rc;
				}
			}
			struct db_param p[] = { DB_INT(id), DB_STR(ent_fields[f].name),
			    DB_STR(oldv), DB_STR(newv), DB_INT(sealed),
			    DB_STR(changed_on), DB_INT(is_late), DB_INT(user_id) };

			if ((rc = db_exec(db, &mod, STMT_ENT_CHANGE_ADD, p, 8, NULL, NULL)) != ERR_OK)
				return rc;
			stored[f] = newv;
		}
		late += is_late;
	}
	if (changed == 0)
		return ERR_OK;	/* nothing written: db_tx commits a read */
	/* The row: sealed columns get their new sealed text, or keep theirs. */
	{
		struct db_param	 p[ENT_F__MAX + 2];
		size_t		 np = 0;

		for (int f = 0; f < ENT_F__MAX; f++) {
			const char *val = next[f];

			if (ent_fields[f].sealed) {
				char aad[64];

				aad_of((enum ent_field)f, aad, sizeof aad);
				val = stored[f] != NULL ? stored[f] :
				    *cur.v[f] ? seal_text(a, k->data, aad, cur.v[f]) : "";
				if (val == NULL) {
					rc = ERR_NOMEM;
					return rc;
				}
			}
			if (f == ENT_F_REG_CAPITAL || f == ENT_F_HEADCOUNT ||
			    f == ENT_F_REVENUE)
				p[np++] = num_param(val);
			else
				p[np++] = *val == '\0' && ent_fields[f].sealed ?
				    DB_NULL : DB_STR(val);
			if (f == ENT_F_LEGAL_ID) {
				blind_index(k->index, "idno", next[f], legal_idx);
				p[np++] = *next[f] ? DB_STRN((const char *)legal_idx, 32) : DB_NULL;
			}
		}
		p[np++] = DB_INT(id);
		if ((rc = db_exec(db, &mod, STMT_ENT_UPDATE, p, np, NULL, NULL)) != ERR_OK)
			return rc;
	}
	if (late > 0) {
		struct db_param p[] = { DB_INT(late), DB_INT(id) };

		if ((rc = db_exec(db, &mod, STMT_ENT_LATE_ADD, p, 2, NULL, NULL)) != ERR_OK)
			return rc;
	}
	snprintf(oid, sizeof oid, "%lld", id);
	snprintf(detail, sizeof detail, "%d fields, %d late, changed on %s",
	    changed, late, changed_on);
	if ((rc = audit_write(db, actor, "enterprise.update", "enterprise", oid,
	    AUDIT_OK, detail)) != ERR_OK)
		return rc;
	*u->nchanged = changed;
	*u->nlate = late;
	return ERR_OK;
}

enum err
enterprise_update(struct db *db, struct arena *a, const struct ent_keys *k,
    const struct audit_actor *actor, const struct scope *sc, long long id,
    const char *const v[ENT_F__MAX], const char *changed_on,
    long long user_id, int *nchanged, int *nlate)
{
	struct eupdate	 u = { a, k, actor, sc, id, v, changed_on, user_id,
	    nchanged, nlate };
	enum err	 rc;

	*nchanged = *nlate = 0;
	if ((rc = db_tx(db, 0, update_body, &u)) != ERR_OK)
		*nchanged = *nlate = 0;
	return rc;
}

enum err
enterprise_history(struct db *db, struct arena *a, long long id, size_t max,
    struct ent_change **out, size_t *n)
{
	struct db_rows	*rows;
	struct db_param	 p[] = { DB_INT(id), DB_INT((long long)max) };
	struct ent_change *v;
	enum err	 rc;

	*n = 0;
	if ((v = arena_calloc(a, max + 1, sizeof *v)) == NULL)
		return ERR_NOMEM;
	if ((rc = db_query(db, a, &mod, STMT_ENT_HISTORY, p, 2, &rows)) != ERR_OK)
		return rc;
	while (*n < max && db_next(rows) == 1) {
		struct ent_change *c = &v[*n];
		bool sealed = db_col_int(rows, 3) != 0;

		c->field = db_col_dup(rows, a, 0);
		/* Sealed values never leave sealed in the history view. */
		c->old_value = sealed ? (*db_col_str(rows, 1) ? "******" : "") : db_col_dup(rows, a, 1);
		c->new_value = sealed ? (*db_col_str(rows, 2) ? "******" : "") : db_col_dup(rows, a, 2);
		c->changed_on = db_col_dup(rows, a, 4);
		c->entered_at = db_col_dup(rows, a, 5);
		c->late = db_col_int(rows, 6) != 0;
		c->by = db_col_dup(rows, a, 7);
		(*n)++;
	}
	db_rows_free(rows);
	*out = v;
	return ERR_OK;
}

size_t
enterprise_missing(const struct enterprise *e, const char **missing)
{
	size_t n = 0;

	for (int f = 0; f < ENT_F__MAX; f++)
		if (ent_fields[f].supplementary && *e->v[f] == '\0')
			missing[n++] = ent_fields[f].name;
	return n;
}

enum err
enterprise_claim_apply_tx(struct db *db, struct arena *a, const struct ent_keys *k,
    long long id, const struct ent_registration *g, const char *changed_on,
    long long user_id, int *nchanged)
{
	static const enum ent_field fields[] = { ENT_F_NAME, ENT_F_REG_NO,
		ENT_F_LEGAL_NAME, ENT_F_LEGAL_ID };
	const char		*next[] = { g->ent_name, g->reg_no, g->legal_name, g->legal_id };
	struct enterprise	 cur;
	unsigned char		 legal_idx[32];
	char			 aad[64], *legal_enc;
	struct scope		 sys;
	enum err		 rc;
	int			 changed = 0;

	*nchanged = 0;
	/* the enterprise of a claim the caller locked within its scope
	 * (claim.c: the claimant's own, or the deciding operator's region) */
	scope_system(&sys);
	if ((rc = ent_load(db, a, k, STMT_ENT_LOCK, &sys, id, true, &cur)) != ERR_OK)
		return rc;
	aad_of(ENT_F_LEGAL_ID, aad, sizeof aad);
	for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++) {
		const char	*oldv = cur.v[fields[i]], *newv = next[i];
		int		 sealed = ent_fields[fields[i]].sealed;

		if (strcmp(oldv, newv) == 0)
			continue;
		if (sealed) {
			oldv = *oldv ? seal_text(a, k->data, aad, oldv) : "";
			newv = seal_text(a, k->data, aad, newv);
			if (oldv == NULL || newv == NULL)
				return ERR_NOMEM;
		}
		struct db_param p[] = { DB_INT(id), DB_STR(ent_fields[fields[i]].name),
		    DB_STR(oldv), DB_STR(newv), DB_INT(sealed), DB_STR(changed_on),
		    DB_INT(0), DB_INT(user_id) };

		if ((rc = db_exec(db, &mod, STMT_ENT_CHANGE_ADD, p, 8, NULL, NULL)) != ERR_OK)
			return rc;
		changed++;
	}
	if (changed == 0)
		return ERR_OK;
	if ((legal_enc = seal_text(a, k->data, aad, g->legal_id)) == NULL)
		return ERR_NOMEM;
	blind_index(k->index, "idno", g->legal_id, legal_idx);
	{
		struct db_param p[] = { DB_STR(g->ent_name), DB_STR(g->reg_no),
		    DB_STR(g->legal_name), DB_STR(legal_enc),
		    DB_STRN((const char *)legal_idx, 32), DB_INT(id) };

		if ((rc = db_exec(db, &mod, STMT_ENT_REGISTER_SET, p, 6, NULL, NULL)) != ERR_OK)
			return rc;
	}
	*nchanged = changed;
	return ERR_OK;
}

const char *
ent_money_text(struct arena *a, const char *fen)
{
	char		 digits[32], out[48];
	long long	 v;
	size_t		 n, o = 0;

	if (fen == NULL || *fen == '\0' ||
	    parse_ll(fen, strlen(fen), 0, 1LL << 60, &v) == -1)
		return "";
	n = (size_t)snprintf(digits, sizeof digits, "%lld", v / 100);
	for (size_t i = 0; i < n; i++) {
		if (i > 0 && (n - i) % 3 == 0)
			out[o++] = ',';
		out[o++] = digits[i];
	}
	if (v % 100 != 0)
		o += (size_t)snprintf(out + o, sizeof out - o, ".%02lld", v % 100);
	out[o] = '\0';
	return arena_strdup(a, out);
}

const char *
ent_value_shown(struct arena *a, const char *field, const char *v, bool *is_key)
{
	static const struct { const char *field, *prefix; } coded[] = {
		{ "org_form", "OrgForm" }, { "industry", "Industry" }, { "size", "Size" },
	};

	*is_key = false;
	if (v == NULL || *v == '\0' || field == NULL)
		return v != NULL ? v : "";
	if (strcmp(field, ent_fields[ENT_F_REG_CAPITAL].name) == 0 ||
	    strcmp(field, ent_fields[ENT_F_REVENUE].name) == 0)
		return ent_money_text(a, v);
	for (size_t i = 0; i < sizeof coded / sizeof coded[0]; i++)
		if (strcmp(field, coded[i].field) == 0) {
			*is_key = true;
			return arena_printf(a, "%s.%s", coded[i].prefix, v);
		}
	return v;
}
