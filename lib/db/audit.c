/*
 * audit.c -- append-only, hash-chained audit rows.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "db/audit.h"
#include "crypto/crypto.h"
#include "core/log.h"

enum {
	STMT_AUDIT_HEAD_LOCK,
	STMT_AUDIT_INSERT,
	STMT_AUDIT_HEAD_SET,
	STMT_AUDIT_WALK,
	STMT_AUDIT_HEAD_GET,
	STMT_AUDIT_PURGE,
	STMT_AUDIT__MAX
};

#define AUDIT_COLS \
	"id, DATE_FORMAT(at, '%Y-%m-%d %H:%i:%s.%f'), actor_id, actor_role," \
	" actor_org, actor_region, portal, client_addr, request_id, action," \
	" object_type, object_id, outcome, detail, prev_hash, hash"

static const char *const sql[STMT_AUDIT__MAX] = {
	[STMT_AUDIT_HEAD_LOCK] =
	    "SELECT last_id, last_hash FROM audit_head WHERE id = 1 FOR UPDATE",
	[STMT_AUDIT_INSERT] =
	    "INSERT INTO audit_log (id, at, actor_id, actor_role, actor_org,"
	    " actor_region, portal, client_addr, request_id, action, object_type,"
	    " object_id, outcome, detail, prev_hash, hash)"
	    " VALUES (?, ?, NULLIF(?, 0), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
	[STMT_AUDIT_HEAD_SET] =
	    "UPDATE audit_head SET last_id = ?, last_hash = ? WHERE id = 1",
	[STMT_AUDIT_WALK] =
	    "SELECT " AUDIT_COLS " FROM audit_log WHERE id > ? ORDER BY id LIMIT 5000",
	[STMT_AUDIT_HEAD_GET] =
	    "SELECT last_id, last_hash FROM audit_head WHERE id = 1",
	[STMT_AUDIT_PURGE] = "DELETE FROM audit_log WHERE at < ?",
};

static const struct db_module mod = { DBM_AUDIT, STMT_AUDIT__MAX, sql };

static const char *const outcome_names[] = {
	[AUDIT_OK] = "ok", [AUDIT_DENIED] = "denied", [AUDIT_FAILED] = "failed",
};

static const char *
nz(const char *s)
{
	return s != NULL ? s : "";
}

void
audit_hash(const char *prev, long long id, const char *at, long long actor,
    const char *role, const char *org, const char *region, const char *portal,
    const char *addr, const char *rid, const char *action, const char *otype,
    const char *oid, const char *outcome, const char *detail, char out[65])
{
	char		 num[2][24];
	const char	*f[16];
	unsigned char	 md[32];
	size_t		 cap = 0, n = 0;
	char		*buf;

	snprintf(num[0], sizeof num[0], "%lld", id);
	snprintf(num[1], sizeof num[1], "%lld", actor);
	f[0] = prev; f[1] = num[0]; f[2] = at; f[3] = num[1]; f[4] = role;
	f[5] = org; f[6] = region; f[7] = portal; f[8] = addr; f[9] = rid;
	f[10] = action; f[11] = otype; f[12] = oid; f[13] = outcome;
	f[14] = detail; f[15] = NULL;
	for (int i = 0; f[i] != NULL; i++)
		cap += strlen(nz(f[i])) + 1;
	if ((buf = malloc(cap + 1)) == NULL) {
		memset(out, '!', 64);	/* never matches a real hash */
		out[64] = '\0';
		return;
	}
	for (int i = 0; f[i] != NULL; i++) {
		size_t l = strlen(nz(f[i]));

		memcpy(buf + n, nz(f[i]), l);
		n += l;
		buf[n++] = '\x1f';
	}
	crypto_sha256(buf, n, md);
	free(buf);
	crypto_hex(md, sizeof md, out);
}

/* At most 255 characters, cut on a character boundary. */
static size_t
cut255(const char *s)
{
	size_t i = 0, chars = 0;

	while (s[i] != '\0' && chars < 255) {
		unsigned char c = (unsigned char)s[i++];

		if (c >= 0xc0)
			while ((s[i] & 0xc0) == 0x80)
				i++;
		chars++;
	}
	return i;
}

enum err
audit_write(struct db *db, const struct audit_actor *a, const char *action,
    const char *otype, const char *oid, enum audit_outcome outcome,
    const char *detail)
{
	struct arena	*ar;
	struct db_rows	*rows;
	struct timespec	 ts;
	struct tm	 tm;
	char		 at[96], prev[65], hash[65], det[1024];
	long long	 id;
	enum err	 rc;

	if ((ar = arena_new(1024)) == NULL)
		return ERR_NOMEM;
	if ((rc = db_query(db, ar, &mod, STMT_AUDIT_HEAD_LOCK, NULL, 0, &rows)) != ERR_OK)
		goto out;
	if (db_next(rows) != 1) {
		rc = db_connected(db) ? ERR_DB : ERR_DB_LOST;
		goto out;
	}
	id = db_col_int(rows, 0) + 1;
	snprintf(prev, sizeof prev, "%s", nz(db_col_str(rows, 1)));
	db_rows_free(rows);

	clock_gettime(CLOCK_REALTIME, &ts);
	gmtime_r(&ts.tv_sec, &tm);
	snprintf(at, sizeof at, "%04d-%02d-%02d %02d:%02d:%02d.%06ld",
	    tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min,
	    tm.tm_sec, ts.tv_nsec / 1000);
	snprintf(det, sizeof det, "%.*s", (int)cut255(nz(detail)), nz(detail));
	audit_hash(prev, id, at, a->user_id, nz(a->role), nz(a->org),
	    nz(a->region), nz(a->portal), nz(a->client_addr), nz(a->request_id),
	    action, nz(otype), nz(oid), outcome_names[outcome], det, hash);
	{
		struct db_param p[] = {
			DB_INT(id), DB_STR(at), DB_INT(a->user_id), DB_STR(nz(a->role)),
			DB_STR(nz(a->org)), DB_STR(nz(a->region)), DB_STR(nz(a->portal)),
			DB_STR(nz(a->client_addr)), DB_STR(nz(a->request_id)),
			DB_STR(action), DB_STR(nz(otype)), DB_STR(nz(oid)),
			DB_STR(outcome_names[outcome]), DB_STR(det), DB_STR(prev),
			DB_STR(hash),
		};
		if ((rc = db_exec(db, &mod, STMT_AUDIT_INSERT, p,
		    sizeof p / sizeof p[0], NULL, NULL)) != ERR_OK)
			goto out;
	}
	{
		struct db_param p[] = { DB_INT(id), DB_STR(hash) };

		rc = db_exec(db, &mod, STMT_AUDIT_HEAD_SET, p, 2, NULL, NULL);
	}
out:
	arena_free(ar);
	return rc;
}

enum err
audit_write1(struct db *db, const struct audit_actor *a, const char *action,
    const char *otype, const char *oid, enum audit_outcome outcome,
    const char *detail)
{
	enum err rc;

	if ((rc = db_begin(db)) != ERR_OK)
		return rc;
	if ((rc = audit_write(db, a, action, otype, oid, outcome, detail)) != ERR_OK) {
		db_rollback(db);
		return rc;
	}
	return db_commit(db);
}

long long
audit_verify(struct db *db, FILE *out)
{
	struct arena	*ar;
	struct db_rows	*rows;
	char		 prev[65] = "", hash[65];
	long long	 last = -1, n = 0, bad = 0;
	bool		 more = true;
	int		 r;

	if ((ar = arena_new(64 * 1024)) == NULL)
		return -1;
	while (more && bad == 0) {
		struct db_param p[] = { DB_INT(last < 0 ? 0 : last) };
		long long batch = 0;

		arena_reset(ar);
		if (db_query(db, ar, &mod, STMT_AUDIT_WALK, p, 1, &rows) != ERR_OK) {
			bad = -1;
			break;
		}
		while ((r = db_next(rows)) == 1) {
			long long id = db_col_int(rows, 0);

			batch++;
			/* The first row after a purge anchors the chain. */
			if (last >= 0 && (id != last + 1 ||
			    strcmp(prev, db_col_str(rows, 14)) != 0)) {
				bad = id;
				break;
			}
			audit_hash(db_col_str(rows, 14), id, db_col_str(rows, 1),
			    db_col_int(rows, 2), db_col_str(rows, 3),
			    db_col_str(rows, 4), db_col_str(rows, 5),
			    db_col_str(rows, 6), db_col_str(rows, 7),
			    db_col_str(rows, 8), db_col_str(rows, 9),
			    db_col_str(rows, 10), db_col_str(rows, 11),
			    db_col_str(rows, 12), db_col_str(rows, 13), hash);
			if (strcmp(hash, db_col_str(rows, 15)) != 0) {
				bad = id;
				break;
			}
			snprintf(prev, sizeof prev, "%s", hash);
			last = id;
			n++;
		}
		if (r == -1)
			bad = -1;
		db_rows_free(rows);
		more = batch == 5000;
	}
	if (bad == 0) {
		/* The head must point at the last row: a deleted tail shows here. */
		if (db_query(db, ar, &mod, STMT_AUDIT_HEAD_GET, NULL, 0, &rows) != ERR_OK ||
		    db_next(rows) != 1)
			bad = -1;
		else if (last < 0)
			bad = db_col_int(rows, 0);	/* rows gone, head remembers */
		else if (db_col_int(rows, 0) != last ||
		    strcmp(db_col_str(rows, 1), prev) != 0)
			bad = last;
	}
	if (out != NULL) {
		if (bad == 0)
			fprintf(out, "audit-verify: %lld rows, chain intact\n", n);
		else if (bad > 0)
			fprintf(out, "audit-verify: chain broken at row %lld\n", bad);
		else
			fprintf(out, "audit-verify: database error\n");
	}
	arena_free(ar);
	return bad;
}

enum err
audit_purge(struct db *db, const struct audit_actor *a, const char *before,
    long long *deleted)
{
	struct tm		 tm;
	const char		*end;
	time_t			 t;
	unsigned long long	 n = 0;
	char			 detail[64];
	enum err		 rc;

	memset(&tm, 0, sizeof tm);
	if ((end = strptime(before, "%Y-%m-%d", &tm)) == NULL || *end != '\0')
		return ERR_INVAL;
	t = timegm(&tm);
	if (t > time(NULL) - (time_t)AUDIT_KEEP_DAYS * 86400)
		return ERR_FORBIDDEN;
	if ((rc = db_begin(db)) != ERR_OK)
		return rc;
	{
		struct db_param p[] = { DB_STR(before) };

		if ((rc = db_exec(db, &mod, STMT_AUDIT_PURGE, p, 1, &n, NULL)) != ERR_OK)
			goto rollback;
	}
	snprintf(detail, sizeof detail, "before %s: %llu rows", before, n);
	if ((rc = audit_write(db, a, "audit.purge", "audit_log", "", AUDIT_OK,
	    detail)) != ERR_OK)
		goto rollback;
	if ((rc = db_commit(db)) != ERR_OK)
		return rc;
	*deleted = (long long)n;
	return ERR_OK;
rollback:
	db_rollback(db);
	return rc;
}
