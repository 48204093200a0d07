/*
 * audit.c -- append-only audit rows, chained by a sealer after their
 * commit (audit.h, schema/032_audit_seal.sql).
 */
#include <stdbool.h>
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
	STMT_AUDIT_WALK,
	STMT_AUDIT_HEAD_GET,
	STMT_AUDIT_PURGE_LAST_SEQ,
	STMT_AUDIT_PURGE_ROWS,
	STMT_AUDIT_PURGE_SEALS,
	STMT_AUDIT_PURGE_LEGACY,
	STMT_SEAL_LOCK,
	STMT_SEAL_LOCK_WAIT,
	STMT_SEAL_NEW,
	STMT_SEAL_LATE,
	STMT_SEAL_INSERT,
	STMT_SEAL_FLOOR,
	STMT_SEAL_HEAD_SET,
	STMT_SEAL_WALK,
	STMT_SEAL_UNSEALED,
	STMT_SEAL_TIP,
	STMT_AUDIT__MAX
};

#define AUDIT_COLS \
	"id, DATE_FORMAT(at, '%Y-%m-%d %H:%i:%s.%f'), actor_id, actor_role," \
	" actor_org, actor_region, portal, client_addr, request_id, action," \
	" object_type, object_id, outcome, detail, prev_hash, hash"
#define AUDIT_COLS_A \
	"a.id, DATE_FORMAT(a.at, '%Y-%m-%d %H:%i:%s.%f'), a.actor_id, a.actor_role," \
	" a.actor_org, a.actor_region, a.portal, a.client_addr, a.request_id, a.action," \
	" a.object_type, a.object_id, a.outcome, a.detail, a.prev_hash, a.hash"
#define STR_(x) #x
#define STR(x) STR_(x)

static const char *const sql[STMT_AUDIT__MAX] = {
	/* the bench-only variant (audit.h): the old global lock */
	[STMT_AUDIT_HEAD_LOCK] =
	    "SELECT last_id FROM audit_head WHERE id = 1 FOR UPDATE",
	[STMT_AUDIT_INSERT] =
	    "INSERT INTO audit_log (at, actor_id, actor_role, actor_org,"
	    " actor_region, portal, client_addr, request_id, action, object_type,"
	    " object_id, outcome, detail, prev_hash, hash)"
	    " VALUES (?, NULLIF(?, 0), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '', ?)",
	/* the rows of the old chain (up to audit_head.legacy_id) */
	[STMT_AUDIT_WALK] =
	    "SELECT " AUDIT_COLS " FROM audit_log WHERE id > ? AND id <= ?"
	    " ORDER BY id LIMIT 5000",
	[STMT_AUDIT_HEAD_GET] =
	    "SELECT last_id, last_hash, legacy_id, last_seq, floor_id"
	    " FROM audit_head WHERE id = 1",
	[STMT_AUDIT_PURGE_LAST_SEQ] =
	    "SELECT COALESCE(MAX(s.seq), 0) FROM audit_seal s"
	    " JOIN audit_log a ON a.id = s.log_id WHERE a.at < ?",
	[STMT_AUDIT_PURGE_ROWS] =
	    "DELETE a FROM audit_log a JOIN audit_seal s ON s.log_id = a.id"
	    " WHERE s.seq <= ?",
	[STMT_AUDIT_PURGE_SEALS] = "DELETE FROM audit_seal WHERE seq <= ?",
	[STMT_AUDIT_PURGE_LEGACY] =
	    "DELETE FROM audit_log WHERE at < ? AND id <="
	    " (SELECT legacy_id FROM audit_head WHERE id = 1)",
	/* the sealer: the head for a short transaction of its own */
	[STMT_SEAL_LOCK] =
	    "SELECT last_id, last_hash, last_seq, floor_id FROM audit_head"
	    " WHERE id = 1 FOR UPDATE SKIP LOCKED",
	[STMT_SEAL_LOCK_WAIT] =
	    "SELECT last_id, last_hash, last_seq, floor_id FROM audit_head"
	    " WHERE id = 1 FOR UPDATE",
	[STMT_SEAL_NEW] =
	    "SELECT id, hash FROM audit_log WHERE id > ? ORDER BY id"
	    " LIMIT " STR(AUDIT_SEAL_BATCH),
	[STMT_SEAL_LATE] =
	    "SELECT a.id, a.hash FROM audit_log a WHERE a.id > ? AND a.id < ?"
	    " AND NOT EXISTS (SELECT 1 FROM audit_seal s WHERE s.log_id = a.id)"
	    " ORDER BY a.id LIMIT " STR(AUDIT_SEAL_BATCH),
	[STMT_SEAL_INSERT] =
	    "INSERT INTO audit_seal (seq, log_id, prev_chain, row_hash, chain,"
	    " sealed_at) VALUES (?, ?, ?, ?, ?, UTC_TIMESTAMP(6))",
	[STMT_SEAL_FLOOR] =
	    "SELECT a.id, a.at < UTC_TIMESTAMP(6) - INTERVAL "
	    STR(AUDIT_SEAL_GRACE) " SECOND,"
	    " EXISTS (SELECT 1 FROM audit_seal s WHERE s.log_id = a.id)"
	    " FROM audit_log a WHERE a.id > ? ORDER BY a.id LIMIT 5000",
	[STMT_SEAL_HEAD_SET] =
	    "UPDATE audit_head SET last_id = ?, last_hash = ?, last_seq = ?,"
	    " floor_id = ?, sealed_at = UTC_TIMESTAMP(6) WHERE id = 1",
	/* verification: the seals in order with the rows they name */
	[STMT_SEAL_WALK] =
	    "SELECT s.seq, s.log_id, s.prev_chain, s.row_hash, s.chain,"
	    " a.id IS NULL, " AUDIT_COLS_A " FROM audit_seal s"
	    " LEFT JOIN audit_log a ON a.id = s.log_id WHERE s.seq > ?"
	    " ORDER BY s.seq LIMIT 5000",
	[STMT_SEAL_UNSEALED] =
	    "SELECT MIN(a.id) FROM audit_log a WHERE a.id > ? AND a.id <= ?"
	    " AND NOT EXISTS (SELECT 1 FROM audit_seal s WHERE s.log_id = a.id)",
	[STMT_SEAL_TIP] =
	    "SELECT h.last_id, s.log_id, s.chain FROM audit_head h"
	    " LEFT JOIN audit_seal s ON s.seq = ? WHERE h.id = 1",
};

static const struct db_module mod = { DBM_AUDIT, STMT_AUDIT__MAX, sql };

static const char *const outcome_names[] = {
	[AUDIT_OK] = "ok", [AUDIT_DENIED] = "denied", [AUDIT_FAILED] = "failed",
};

/* This process's sealing state (one worker is one process). */
static struct {
	bool		pending;	/* wrote a row since its last seal */
	long long	last_ms;	/* monotonic time of the last attempt */
	long long	back_ms;	/* ... of the last look below the head */
	int		global_lock;	/* bench-only old lock: -1 not read yet */
} st = { false, 0, -1000000, -1 };

static const char *
nz(const char *s)
{
	return s != NULL ? s : "";
}

static long long
mono_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static bool
global_lock(void)
{
	if (st.global_lock < 0) {
		const char *v = getenv("DUIJIE_BENCH_AUDIT_LOCK");

		st.global_lock = v != NULL && strcmp(v, "1") == 0;
		if (st.global_lock)
			log_warn("DUIJIE_BENCH_AUDIT_LOCK=1: every audited "
			    "transaction locks audit_head (bench only)");
	}
	return st.global_lock == 1;
}

/* Hex SHA-256 of the fields, each followed by '\x1f'. */
static void
hash_fields(const char *const *f, size_t nf, char out[65])
{
	unsigned char	 md[32];
	size_t		 cap = 0, n = 0;
	char		*buf;

	for (size_t i = 0; i < nf; i++)
		cap += strlen(nz(f[i])) + 1;
	if ((buf = malloc(cap + 1)) == NULL) {
		memset(out, '!', 64);	/* never matches a real hash */
		out[64] = '\0';
		return;
	}
	for (size_t i = 0; i < nf; i++) {
		size_t l = strlen(nz(f[i]));

		memcpy(buf + n, nz(f[i]), l);
		n += l;
		buf[n++] = '\x1f';
	}
	crypto_sha256(buf, n, md);
	free(buf);
	crypto_hex(md, sizeof md, out);
}

void
audit_hash(const char *prev, long long id, const char *at, long long actor,
    const char *role, const char *org, const char *region, const char *portal,
    const char *addr, const char *rid, const char *action, const char *otype,
    const char *oid, const char *outcome, const char *detail, char out[65])
{
	char		 num[2][24];
	const char	*f[15];

	snprintf(num[0], sizeof num[0], "%lld", id);
	snprintf(num[1], sizeof num[1], "%lld", actor);
	f[0] = prev; f[1] = num[0]; f[2] = at; f[3] = num[1]; f[4] = role;
	f[5] = org; f[6] = region; f[7] = portal; f[8] = addr; f[9] = rid;
	f[10] = action; f[11] = otype; f[12] = oid; f[13] = outcome;
	f[14] = detail;
	hash_fields(f, 15, out);
}

void
audit_row_hash(const char *at, long long actor, const char *role,
    const char *org, const char *region, const char *portal, const char *addr,
    const char *rid, const char *action, const char *otype, const char *oid,
    const char *outcome, const char *detail, char out[65])
{
	char		 num[24];
	const char	*f[14];

	snprintf(num, sizeof num, "%lld", actor);
	f[0] = "row"; f[1] = at; f[2] = num; f[3] = role; f[4] = org;
	f[5] = region; f[6] = portal; f[7] = addr; f[8] = rid; f[9] = action;
	f[10] = otype; f[11] = oid; f[12] = outcome; f[13] = detail;
	hash_fields(f, 14, out);
}

void
audit_chain_hash(const char *prev, long long seq, long long log_id,
    const char *row_hash, char out[65])
{
	char		 num[2][24];
	const char	*f[5];

	snprintf(num[0], sizeof num[0], "%lld", seq);
	snprintf(num[1], sizeof num[1], "%lld", log_id);
	f[0] = "seal"; f[1] = prev; f[2] = num[0]; f[3] = num[1];
	f[4] = row_hash;
	hash_fields(f, 5, out);
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
	struct timespec	 ts;
	struct tm	 tm;
	char		 at[96], hash[65], det[1024];
	enum err	 rc;

	if (global_lock()) {
		struct arena	*ar;
		struct db_rows	*rows;

		if ((ar = arena_new(256)) == NULL)
			return ERR_NOMEM;
		rc = db_query(db, ar, &mod, STMT_AUDIT_HEAD_LOCK, NULL, 0, &rows);
		if (rc == ERR_OK) {
			if (db_next(rows) != 1)
				rc = db_connected(db) ? ERR_DB : ERR_DB_LOST;
			db_rows_free(rows);
		}
		arena_free(ar);
		if (rc != ERR_OK)
			return rc;
	}
	clock_gettime(CLOCK_REALTIME, &ts);
	gmtime_r(&ts.tv_sec, &tm);
	snprintf(at, sizeof at, "%04d-%02d-%02d %02d:%02d:%02d.%06ld",
	    tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min,
	    tm.tm_sec, ts.tv_nsec / 1000);
	snprintf(det, sizeof det, "%.*s", (int)cut255(nz(detail)), nz(detail));
	audit_row_hash(at, a->user_id, nz(a->role), nz(a->org), nz(a->region),
	    nz(a->portal), nz(a->client_addr), nz(a->request_id), action,
	    nz(otype), nz(oid), outcome_names[outcome], det, hash);
	{
		struct db_param p[] = {
			DB_STR(at), DB_INT(a->user_id), DB_STR(nz(a->role)),
			DB_STR(nz(a->org)), DB_STR(nz(a->region)), DB_STR(nz(a->portal)),
			DB_STR(nz(a->client_addr)), DB_STR(nz(a->request_id)),
			DB_STR(action), DB_STR(nz(otype)), DB_STR(nz(oid)),
			DB_STR(outcome_names[outcome]), DB_STR(det), DB_STR(hash),
		};
		rc = db_exec(db, &mod, STMT_AUDIT_INSERT, p,
		    sizeof p / sizeof p[0], NULL, NULL);
	}
	if (rc == ERR_OK && !global_lock())
		st.pending = true;
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

/* ------------------------------------------------------------------ */
/* The sealer */

struct pend {
	long long	id;
	char		hash[65];
};

/* Reads up to AUDIT_SEAL_BATCH (id, hash) rows of statement `idx` into v
 * (from *n on).  ERR_OK, ERR_DB, ERR_DB_LOST. */
static enum err
collect(struct db *db, struct arena *ar, int idx, const struct db_param *p,
    size_t np, struct pend *v, size_t *n, size_t cap)
{
	struct db_rows	*rows;
	enum err	 rc;
	int		 r = 0;

	if ((rc = db_query(db, ar, &mod, idx, p, np, &rows)) != ERR_OK)
		return rc;
	while (*n < cap && (r = db_next(rows)) == 1) {
		v[*n].id = db_col_int(rows, 0);
		snprintf(v[*n].hash, sizeof v[*n].hash, "%s", db_col_str(rows, 1));
		(*n)++;
	}
	db_rows_free(rows);
	return r == -1 ? db_rows_error(db) : ERR_OK;
}

static int
pend_cmp(const void *a, const void *b)
{
	const struct pend *x = a, *y = b;

	return x->id < y->id ? -1 : x->id > y->id;
}

/* One sealing transaction; *sealed the rows chained, *busy when another
 * sealer held the head (nothing done). */
static enum err
seal_once(struct db *db, bool wait, long long *sealed, bool *busy)
{
	struct arena	*ar;
	struct db_rows	*rows;
	struct pend	*v;
	char		 tip[65], chain[65];
	long long	 top, seq, floor, newtop;
	size_t		 n = 0, late = 0;
	bool		 contiguous, back;
	enum err	 rc;
	int		 r;

	*sealed = 0;
	*busy = false;
	if ((ar = arena_new(16 * 1024)) == NULL)
		return ERR_NOMEM;
	if ((v = malloc(2 * AUDIT_SEAL_BATCH * sizeof *v)) == NULL) {
		arena_free(ar);
		return ERR_NOMEM;
	}
	if ((rc = db_begin(db)) != ERR_OK)
		goto out;
	if ((rc = db_query(db, ar, &mod, wait ? STMT_SEAL_LOCK_WAIT :
	    STMT_SEAL_LOCK, NULL, 0, &rows)) != ERR_OK)
		goto rollback;
	if ((r = db_next(rows)) != 1) {
		db_rows_free(rows);
		if (r == -1)
			rc = db_rows_error(db);
		else
			*busy = true;	/* SKIP LOCKED: another sealer has it */
		goto rollback;
	}
	top = db_col_int(rows, 0);
	snprintf(tip, sizeof tip, "%s", db_col_str(rows, 1));
	seq = db_col_int(rows, 2);
	floor = db_col_int(rows, 3);
	db_rows_free(rows);

	/*
	 * Rows that committed after the sealer passed their id, then new
	 * ones.  Below the head (late rows, the floor) a worker looks at
	 * most once a second: while a gap is young that is a range scan.
	 */
	back = wait || mono_ms() - st.back_ms >= 1000;
	if (back)
		st.back_ms = mono_ms();
	if (floor + 1 < top && back) {
		struct db_param p[] = { DB_INT(floor), DB_INT(top) };

		if ((rc = collect(db, ar, STMT_SEAL_LATE, p, 2, v, &n,
		    AUDIT_SEAL_BATCH)) != ERR_OK)
			goto rollback;
		late = n;
	}
	{
		struct db_param p[] = { DB_INT(top) };

		if ((rc = collect(db, ar, STMT_SEAL_NEW, p, 1, v, &n,
		    2 * AUDIT_SEAL_BATCH)) != ERR_OK)
			goto rollback;
	}
	if (n == 0) {
		rc = ERR_OK;
		goto rollback;	/* nothing to seal: nothing to commit */
	}
	qsort(v, late, sizeof *v, pend_cmp);
	newtop = top;
	contiguous = late == 0 && floor == top;
	for (size_t i = 0; i < n; i++) {
		seq++;
		audit_chain_hash(tip, seq, v[i].id, v[i].hash, chain);
		{
			struct db_param p[] = { DB_INT(seq), DB_INT(v[i].id),
			    DB_STR(tip), DB_STR(v[i].hash), DB_STR(chain) };

			if ((rc = db_exec(db, &mod, STMT_SEAL_INSERT, p, 5, NULL,
			    NULL)) != ERR_OK)
				goto rollback;
		}
		memcpy(tip, chain, sizeof tip);
		if (i >= late) {
			if (v[i].id != newtop + 1)
				contiguous = false;
			newtop = v[i].id;
		}
	}
	if (contiguous)
		floor = newtop;
	else if (back) {
		/* up through sealed ids; past a gap once the row after it
		 * is AUDIT_SEAL_GRACE seconds old (a rolled-back id) */
		struct db_param p[] = { DB_INT(floor) };
		long long expect = floor + 1;

		if ((rc = db_query(db, ar, &mod, STMT_SEAL_FLOOR, p, 1, &rows)) != ERR_OK)
			goto rollback;
		while ((r = db_next(rows)) == 1) {
			long long id = db_col_int(rows, 0);

			if (db_col_int(rows, 2) == 0 ||
			    (id != expect && db_col_int(rows, 1) == 0))
				break;
			floor = id;
			expect = id + 1;
		}
		db_rows_free(rows);
	}
	{
		struct db_param p[] = { DB_INT(newtop), DB_STR(tip), DB_INT(seq),
		    DB_INT(floor) };

		if ((rc = db_exec(db, &mod, STMT_SEAL_HEAD_SET, p, 4, NULL,
		    NULL)) != ERR_OK)
			goto rollback;
	}
	if ((rc = db_commit(db)) != ERR_OK)
		goto out;
	*sealed = (long long)n;
	/* the tip, outside the database (docs/SECURITY.md, Audit) */
	log_info("audit sealed %zu rows up to row %lld: tip %lld:%s", n, newtop,
	    seq, tip);
	goto out;
rollback:
	db_rollback(db);
out:
	free(v);
	arena_free(ar);
	return rc;
}

enum err
audit_seal(struct db *db, bool wait, long long *sealed)
{
	long long	 n, total = 0;
	bool		 busy;
	enum err	 rc;

	if (db_in_tx(db))
		return ERR_CONFLICT;
	do {
		if ((rc = seal_once(db, wait, &n, &busy)) != ERR_OK)
			break;
		if (busy) {
			rc = ERR_CONFLICT;
			break;
		}
		total += n;
	} while (n >= AUDIT_SEAL_BATCH);
	if (sealed != NULL)
		*sealed = total;
	return rc;
}

int
audit_seal_due(void)
{
	long long left;

	if (!st.pending)
		return -1;
	left = st.last_ms + AUDIT_SEAL_EVERY_MS - mono_ms();
	return left <= 0 ? 0 : (int)left;
}

void
audit_seal_after(struct db *db)
{
	enum err rc;

	if (audit_seal_due() != 0 || db_in_tx(db))
		return;
	st.pending = false;
	st.last_ms = mono_ms();
	if ((rc = audit_seal(db, false, NULL)) != ERR_OK) {
		/* busy or failed: this worker's rows may be left; try again */
		st.pending = true;
		if (rc != ERR_CONFLICT) {
			log_warn("audit seal: %s", err_str(rc));
			st.last_ms += 1000;	/* not ten times a second */
		}
	}
}

/* ------------------------------------------------------------------ */
/* Verification */

/* The row hash of an AUDIT_COLS row starting at column c (unchained rows). */
static void
row_hash_at(struct db_rows *rows, unsigned c, char out[65])
{
	audit_row_hash(db_col_str(rows, c + 1), db_col_int(rows, c + 2),
	    db_col_str(rows, c + 3), db_col_str(rows, c + 4),
	    db_col_str(rows, c + 5), db_col_str(rows, c + 6),
	    db_col_str(rows, c + 7), db_col_str(rows, c + 8),
	    db_col_str(rows, c + 9), db_col_str(rows, c + 10),
	    db_col_str(rows, c + 11), db_col_str(rows, c + 12),
	    db_col_str(rows, c + 13), out);
}

struct vstate {
	long long	legacy_id, head_last, head_seq, floor;
	char		head_hash[65];
	char		tip[65];	/* the chain so far */
	long long	last_id;	/* last legacy row walked, -1 none */
	long long	seq;		/* last seal walked, 0 none */
	long long	rows, seals;
};

/* The old chain, rows 1 .. legacy_id: 0 intact, else the broken id, -1. */
static long long
verify_legacy(struct db *db, struct arena *ar, struct vstate *vs)
{
	struct db_rows	*rows;
	char		 hash[65];
	bool		 more = true;
	int		 r;

	while (more) {
		struct db_param p[] = { DB_INT(vs->last_id < 0 ? 0 : vs->last_id),
		    DB_INT(vs->legacy_id) };
		long long batch = 0;

		arena_reset(ar);
		if (db_query(db, ar, &mod, STMT_AUDIT_WALK, p, 2, &rows) != ERR_OK)
			return -1;
		while ((r = db_next(rows)) == 1) {
			long long id = db_col_int(rows, 0);

			batch++;
			/* The first row after a purge anchors the chain. */
			if (vs->last_id >= 0 && (id != vs->last_id + 1 ||
			    strcmp(vs->tip, db_col_str(rows, 14)) != 0)) {
				db_rows_free(rows);
				return id;
			}
			audit_hash(db_col_str(rows, 14), id, db_col_str(rows, 1),
			    db_col_int(rows, 2), db_col_str(rows, 3),
			    db_col_str(rows, 4), db_col_str(rows, 5),
			    db_col_str(rows, 6), db_col_str(rows, 7),
			    db_col_str(rows, 8), db_col_str(rows, 9),
			    db_col_str(rows, 10), db_col_str(rows, 11),
			    db_col_str(rows, 12), db_col_str(rows, 13), hash);
			if (strcmp(hash, db_col_str(rows, 15)) != 0) {
				db_rows_free(rows);
				return id;
			}
			snprintf(vs->tip, sizeof vs->tip, "%s", hash);
			vs->last_id = id;
			vs->rows++;
		}
		db_rows_free(rows);
		if (r == -1)
			return -1;
		more = batch == 5000;
	}
	/* the old chain's last row is gone (its tail deleted) */
	if (vs->last_id >= 0 && vs->last_id != vs->legacy_id)
		return vs->last_id;
	return 0;
}

/* The seals in seq order and the rows they name. */
static long long
verify_seals(struct db *db, struct arena *ar, struct vstate *vs)
{
	struct db_rows	*rows;
	char		 hash[65], chain[65];
	bool		 more = true;
	int		 r;

	while (more) {
		struct db_param p[] = { DB_INT(vs->seq) };
		long long batch = 0;

		arena_reset(ar);
		if (db_query(db, ar, &mod, STMT_SEAL_WALK, p, 1, &rows) != ERR_OK)
			return -1;
		while ((r = db_next(rows)) == 1) {
			long long seq = db_col_int(rows, 0);
			long long id = db_col_int(rows, 1);
			const char *prev = db_col_str(rows, 2);
			const char *rh = db_col_str(rows, 3);

			batch++;
			/* seal 1 hangs on the old chain's tip; after a purge
			 * the first seal left anchors the chain */
			if ((vs->seq > 0 || (seq == 1 && vs->last_id >= 0)) &&
			    (seq != vs->seq + 1 || strcmp(prev, vs->tip) != 0))
				goto broken;
			audit_chain_hash(prev, seq, id, rh, chain);
			if (strcmp(chain, db_col_str(rows, 4)) != 0)
				goto broken;
			if (db_col_int(rows, 5) != 0)
				goto broken;	/* the row is gone */
			row_hash_at(rows, 6, hash);
			if (strcmp(hash, rh) != 0 ||
			    strcmp(db_col_str(rows, 6 + 15), rh) != 0)
				goto broken;	/* edited, or swapped */
			memcpy(vs->tip, chain, sizeof vs->tip);
			vs->seq = seq;
			vs->rows++;
			vs->seals++;
			continue;
broken:
			db_rows_free(rows);
			return id;
		}
		db_rows_free(rows);
		if (r == -1)
			return -1;
		more = batch == 5000;
	}
	return 0;
}

long long
audit_verify(struct db *db, FILE *out)
{
	struct arena	*ar;
	struct db_rows	*rows;
	struct vstate	 vs;
	long long	 bad = 0;

	memset(&vs, 0, sizeof vs);
	vs.last_id = -1;
	if ((ar = arena_new(64 * 1024)) == NULL)
		return -1;
	/* chain what has committed first: only what is sealed is checked */
	if (audit_seal(db, true, NULL) != ERR_OK)
		bad = -1;
	if (bad == 0 && (db_query(db, ar, &mod, STMT_AUDIT_HEAD_GET, NULL, 0,
	    &rows) != ERR_OK || db_next(rows) != 1))
		bad = -1;
	if (bad == 0) {
		vs.head_last = db_col_int(rows, 0);
		snprintf(vs.head_hash, sizeof vs.head_hash, "%s", db_col_str(rows, 1));
		vs.legacy_id = db_col_int(rows, 2);
		vs.head_seq = db_col_int(rows, 3);
		vs.floor = db_col_int(rows, 4);
		db_rows_free(rows);
		bad = verify_legacy(db, ar, &vs);
	}
	if (bad == 0)
		bad = verify_seals(db, ar, &vs);
	if (bad == 0) {
		/* The head names the last seal: a deleted tail shows here. */
		if (vs.seals == 0 && vs.last_id < 0) {
			if (vs.head_seq > 0 || vs.legacy_id > 0)
				bad = vs.head_last;	/* rows gone, head remembers */
		} else if (vs.seq != vs.head_seq ||
		    strcmp(vs.tip, vs.head_hash) != 0)
			bad = vs.head_last;
	}
	if (bad == 0) {
		/* a row the sealer has passed and not chained: inserted by
		 * hand, or committed AUDIT_SEAL_GRACE after its id was given */
		struct db_param p[] = { DB_INT(vs.legacy_id), DB_INT(vs.floor) };

		arena_reset(ar);
		if (db_query(db, ar, &mod, STMT_SEAL_UNSEALED, p, 2, &rows) != ERR_OK ||
		    db_next(rows) != 1)
			bad = -1;
		else {
			if (!db_col_null(rows, 0))
				bad = db_col_int(rows, 0);
			db_rows_free(rows);
		}
	}
	if (out != NULL) {
		if (bad == 0)
			fprintf(out, "audit-verify: %lld rows, chain intact"
			    " (tip %lld:%s)\n", vs.rows, vs.seq, vs.tip);
		else if (bad > 0)
			fprintf(out, "audit-verify: chain broken at row %lld\n", bad);
		else
			fprintf(out, "audit-verify: database error\n");
	}
	arena_free(ar);
	return bad;
}

long long
audit_check_tip(struct db *db, long long seq, const char *hash)
{
	struct arena	*ar;
	struct db_rows	*rows;
	struct db_param	 p[] = { DB_INT(seq) };
	long long	 bad = -1;

	if ((ar = arena_new(1024)) == NULL)
		return -1;
	if (db_query(db, ar, &mod, STMT_SEAL_TIP, p, 1, &rows) == ERR_OK) {
		if (db_next(rows) == 1) {
			if (db_col_null(rows, 1))
				bad = db_col_int(rows, 0);
			else if (strcmp(db_col_str(rows, 2), hash) != 0)
				bad = db_col_int(rows, 1);
			else
				bad = 0;
		}
		db_rows_free(rows);
	}
	arena_free(ar);
	return bad;
}

enum err
audit_purge(struct db *db, const struct audit_actor *a, const char *before,
    long long *deleted)
{
	struct arena		*ar;
	struct db_rows		*rows;
	struct tm		 tm;
	const char		*end;
	time_t			 t;
	unsigned long long	 n = 0, m = 0;
	long long		 seq = 0;
	char			 detail[64];
	enum err		 rc;

	memset(&tm, 0, sizeof tm);
	if ((end = strptime(before, "%Y-%m-%d", &tm)) == NULL || *end != '\0')
		return ERR_INVAL;
	t = timegm(&tm);
	if (t > time(NULL) - (time_t)AUDIT_KEEP_DAYS * 86400)
		return ERR_FORBIDDEN;
	if ((ar = arena_new(1024)) == NULL)
		return ERR_NOMEM;
	/* what has committed is chained first, so that what goes is a
	 * prefix of the seals and the first seal left anchors the rest */
	if ((rc = audit_seal(db, true, NULL)) != ERR_OK)
		goto out;
	if ((rc = db_begin(db)) != ERR_OK)
		goto out;
	{
		struct db_param p[] = { DB_STR(before) };

		if ((rc = db_query(db, ar, &mod, STMT_AUDIT_PURGE_LAST_SEQ, p, 1,
		    &rows)) != ERR_OK)
			goto rollback;
		if (db_next(rows) == 1)
			seq = db_col_int(rows, 0);
		db_rows_free(rows);
	}
	{
		struct db_param p[] = { DB_INT(seq) };

		if ((rc = db_exec(db, &mod, STMT_AUDIT_PURGE_ROWS, p, 1, &n,
		    NULL)) != ERR_OK ||
		    (rc = db_exec(db, &mod, STMT_AUDIT_PURGE_SEALS, p, 1, NULL,
		    NULL)) != ERR_OK)
			goto rollback;
	}
	{
		struct db_param p[] = { DB_STR(before) };

		if ((rc = db_exec(db, &mod, STMT_AUDIT_PURGE_LEGACY, p, 1, &m,
		    NULL)) != ERR_OK)
			goto rollback;
	}
	n += m;
	snprintf(detail, sizeof detail, "before %s: %llu rows", before, n);
	if ((rc = audit_write(db, a, "audit.purge", "audit_log", "", AUDIT_OK,
	    detail)) != ERR_OK)
		goto rollback;
	if ((rc = db_commit(db)) != ERR_OK)
		goto out;
	*deleted = (long long)n;
	(void)audit_seal(db, true, NULL);
	goto out;
rollback:
	db_rollback(db);
out:
	arena_free(ar);
	return rc;
}
