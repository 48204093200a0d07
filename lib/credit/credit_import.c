/*
 * credit_import.c -- validation, confirmation and withdrawal of credit
 * information batches (see credit_import.h).
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "core/enumname.h"
#include "db/db_region.h"
#include "credit/credit_import.h"
#include "credit/credit_view.h"
#include "crypto/crypto.h"
#include "formats/ident.h"
#include "core/utf8.h"

/* One row of the file as its record: enterprise, category, agency,
 * batch, row, date, period end, content, hash, withdrawn (2: on record
 * already). */
#define SR	"(?,?,?,?,?,?,?,?,?,?)"
#define SR2	SR "," SR
#define SR4	SR2 "," SR2
#define SR8	SR4 "," SR4
#define SR16	SR8 "," SR8
#define SR32	SR16 "," SR16
#define SR64	SR32 "," SR32
#define SR128	SR64 "," SR64
#define SR256	SR128 "," SR128
#define SR512	SR256 "," SR256
#define SR1024	SR512 "," SR512
#define STAGE_PARAMS	10
#define STAGE_INSERT \
	"INSERT INTO credit_records (enterprise_id, category_id, agency_id, batch_id," \
	" row_no, decision_date, period_end, content, row_hash, withdrawn) VALUES "
/* USCCs looked up at once (ent_resolve) */
#define EQ	"?"
#define EQ4	EQ "," EQ "," EQ "," EQ
#define EQ16	EQ4 "," EQ4 "," EQ4 "," EQ4
#define EQ64	EQ16 "," EQ16 "," EQ16 "," EQ16
#define EQ256	EQ64 "," EQ64 "," EQ64 "," EQ64
#define EQ512	EQ256 "," EQ256
#define ENT_FIND_N	256
/* the workers' copy of USCC -> enterprise id during one import */
#define ECACHE_SLOTS	4096
/* The row hashes seen in the file, as a Bloom filter of 2^24 bits (2 MiB)
 * probed with BLOOM_K bit indexes taken from the hash itself: no hit in it
 * proves that no row is twice in the file and spares the database's
 * GROUP BY; a hit (or a file too large for it) leaves it to the database. */
#define BLOOM_BITS	(1u << 24)
#define BLOOM_K		4

#define CIMPORT_CHUNK	10000
#define CIMPORT_CHUNK_S	"10000"

#define CB_TIME(c)	"DATE_FORMAT(" c ", '%Y-%m-%d %H:%i:%s')"

enum {
	STMT_CI_BATCH_ADD,
	STMT_CI_STAGE1,
	STMT_CI_STAGE_N,
	STMT_CI_ENT_FIND,
	STMT_CI_ENT_NEW,
	STMT_CI_ENT_ID,
	STMT_CI_ON_RECORD,
	STMT_CI_ERROR_ADD,
	STMT_CI_DUP_IN_FILE,
	STMT_CI_DUP_IN_FILE_COUNT,
	STMT_CI_MARK_DUPS,
	STMT_CI_COUNTS,
	STMT_CI_LOCK,
	STMT_CI_NEWER,
	STMT_CI_CONFIRM,
	STMT_CI_STAGE_DEL,
	STMT_CI_ERRORS_DEL,
	STMT_CI_DISCARD,
	STMT_CI_WITHDRAW_RECORDS,
	STMT_CI_WITHDRAW,
	STMT_CI_GET,
	STMT_CI_COUNT,
	STMT_CI_STATUS_COUNT,
	STMT_CI_SEARCH,
	STMT_CI_STAGED,
	STMT_CI_ERRORS,
	STMT_CI__MAX
};

#define CB_COLS \
	"b.id, b.agency_id, ag.name, b.region_code, b.category_id, c.name," \
	" b.file_name, b.encoding, b.status, b.rows_total, b.rows_new, b.rows_dup," \
	" b.rows_error, uu.real_name, " CB_TIME("b.uploaded_at") ", uc.real_name," \
	" " CB_TIME("b.confirmed_at") ", uw.real_name, " CB_TIME("b.withdrawn_at") "," \
	" b.withdraw_note"
#define CB_FROM \
	" FROM credit_batches b JOIN agencies ag ON ag.id = b.agency_id" \
	" JOIN credit_categories c ON c.id = b.category_id" \
	" JOIN users uu ON uu.id = b.uploaded_by" \
	" LEFT JOIN users uc ON uc.id = b.confirmed_by" \
	" LEFT JOIN users uw ON uw.id = b.withdrawn_by"
#define CB_SCOPE \
	" WHERE" REGION_SCOPE("b.region_code") " AND (? = 0 OR b.agency_id = ?)"

static const char *const sql[STMT_CI__MAX] = {
	[STMT_CI_BATCH_ADD] =
	    "INSERT INTO credit_batches (agency_id, region_code, category_id,"
	    " file_name, encoding, uploaded_by) VALUES (?, ?, ?, ?, ?, ?)",
	[STMT_CI_STAGE1] = STAGE_INSERT SR,
	[STMT_CI_STAGE_N] = STAGE_INSERT SR512,
	/* the enterprises of a buffer's rows (padded with '': no USCC) */
	[STMT_CI_ENT_FIND] =
	    "SELECT id, uscc FROM enterprises WHERE uscc IN (" EQ256 ")",
	/* one named for the first time */
	[STMT_CI_ENT_NEW] =
	    "INSERT IGNORE INTO enterprises (uscc, name, region_code) VALUES (?, ?, ?)",
	[STMT_CI_ENT_ID] = "SELECT id FROM enterprises WHERE uscc = ?",
	/* which of a buffer's row hashes are on record (shown: the batch
	 * confirmed, not withdrawn); padded with the first one.  A probe per
	 * hash along credit_records_hash, forced: past 1000 values MariaDB
	 * turns an IN list into a join (in_predicate_conversion_threshold),
	 * and with statistics instead of index dives (over
	 * eq_range_index_dive_limit values) it may read the whole table */
	[STMT_CI_ON_RECORD] =
	    "SELECT r.row_hash FROM credit_records r FORCE INDEX (credit_records_hash)"
	    " JOIN credit_batches o ON o.id = r.batch_id AND o.status = 'confirmed'"
	    " WHERE r.category_id = ? AND r.withdrawn = 0 AND r.row_hash IN (" EQ512 ")",
	[STMT_CI_ERROR_ADD] =
	    "INSERT INTO credit_batch_errors (batch_id, seq, row_no, col_label,"
	    " value, message) VALUES (?, ?, ?, ?, ?, ?)",
	/* parameters: batch, category, batch, limit */
	[STMT_CI_DUP_IN_FILE] =
	    "SELECT s.row_no, f.first FROM (SELECT row_hash, MIN(row_no) AS first"
	    " FROM credit_records WHERE batch_id = ? GROUP BY row_hash"
	    " HAVING COUNT(*) > 1) f JOIN credit_records s ON s.category_id = ?"
	    " AND s.row_hash = f.row_hash AND s.batch_id = ?"
	    " WHERE s.row_no > f.first ORDER BY s.row_no LIMIT ?",
	[STMT_CI_DUP_IN_FILE_COUNT] =
	    "SELECT COALESCE(SUM(n - 1), 0) FROM (SELECT COUNT(*) AS n FROM credit_records"
	    " WHERE batch_id = ? GROUP BY row_hash HAVING COUNT(*) > 1) d",
	/* a row on record unchanged (shown: its batch confirmed, not
	 * withdrawn) is a duplicate, withdrawn = 2: never shown itself (the
	 * validation finds them before the insert, STMT_CI_ON_RECORD; this is
	 * the confirmation's check again) */
	[STMT_CI_MARK_DUPS] =
	    "UPDATE credit_records s JOIN credit_records r ON r.category_id = s.category_id"
	    " AND r.row_hash = s.row_hash AND r.withdrawn = 0 AND r.batch_id <> s.batch_id"
	    " JOIN credit_batches o ON o.id = r.batch_id AND o.status = 'confirmed'"
	    " SET s.withdrawn = 2 WHERE s.batch_id = ? AND s.withdrawn = 0",
	[STMT_CI_COUNTS] =
	    "UPDATE credit_batches SET rows_total = ?, rows_new = ?, rows_dup = ?,"
	    " rows_error = ? WHERE id = ?",
	[STMT_CI_LOCK] =
	    "SELECT status, rows_error, category_id, rows_new FROM credit_batches"
	    " WHERE id = ? FOR UPDATE",
	[STMT_CI_NEWER] =
	    "SELECT COUNT(*) FROM credit_batches o JOIN credit_batches b ON b.id = ?"
	    " WHERE o.category_id = b.category_id AND o.status = 'confirmed'"
	    " AND o.confirmed_at >= b.uploaded_at",
	[STMT_CI_CONFIRM] =
	    "UPDATE credit_batches SET status = 'confirmed', confirmed_by = ?,"
	    " confirmed_at = UTC_TIMESTAMP(), rows_new = ?,"
	    " rows_dup = rows_total - rows_error - ? WHERE id = ?",
	/* a batch's rows in statements of CIMPORT_CHUNK (each well inside
	 * the workers' read timeout, all in the step's transaction) */
	[STMT_CI_STAGE_DEL] =
	    "DELETE FROM credit_records WHERE batch_id = ? LIMIT " CIMPORT_CHUNK_S,
	[STMT_CI_ERRORS_DEL] = "DELETE FROM credit_batch_errors WHERE batch_id = ?",
	[STMT_CI_DISCARD] =
	    "UPDATE credit_batches SET status = 'discarded' WHERE id = ?",
	[STMT_CI_WITHDRAW_RECORDS] =
	    "UPDATE credit_records SET withdrawn = 1 WHERE batch_id = ? AND withdrawn = 0"
	    " LIMIT " CIMPORT_CHUNK_S,
	[STMT_CI_WITHDRAW] =
	    "UPDATE credit_batches SET status = 'withdrawn', withdrawn_by = ?,"
	    " withdrawn_at = UTC_TIMESTAMP(), withdraw_note = ? WHERE id = ?",
	/* Parameters: id, then the scope (cbatch_get): the agency's own
	 * users, or the offices of its region. */
	[STMT_CI_GET] = "SELECT " CB_COLS CB_FROM " WHERE b.id = ?"
	    " AND ((? = 'agency' AND b.agency_id = ?)"
	    " OR (? <> 'agency' AND" REGION_SCOPE("b.region_code") "))",
	[STMT_CI_COUNT] = "SELECT COUNT(*) FROM credit_batches b" CB_SCOPE,
	[STMT_CI_STATUS_COUNT] = "SELECT COUNT(*) FROM credit_batches b" CB_SCOPE
	    " AND b.status = ?",
	[STMT_CI_SEARCH] =
	    "SELECT " CB_COLS CB_FROM CB_SCOPE " ORDER BY b.id DESC LIMIT ? OFFSET ?",
	/* a validated batch's records, in the file's order (ids grow with it) */
	[STMT_CI_STAGED] =
	    "SELECT r.row_no, e.uscc, e.name, DATE_FORMAT(r.decision_date, '%Y-%m-%d'),"
	    " DATE_FORMAT(r.period_end, '%Y-%m-%d'), r.content, r.withdrawn = 2"
	    " FROM credit_records r JOIN enterprises e ON e.id = r.enterprise_id"
	    " WHERE r.batch_id = ? ORDER BY r.id LIMIT ?",
	[STMT_CI_ERRORS] =
	    "SELECT row_no, col_label, value, message FROM credit_batch_errors"
	    " WHERE batch_id = ? ORDER BY row_no, seq LIMIT ?",
};

static const struct db_module mod = { DBM_CREDIT_IMPORT, STMT_CI__MAX, sql };

static const char *const status_names[CB__MAX] = {
	[CB_VALIDATED] = "validated", [CB_CONFIRMED] = "confirmed",
	[CB_WITHDRAWN] = "withdrawn", [CB_DISCARDED] = "discarded",
};

const char *
cbatch_status_name(enum cbatch_status s)
{
	return (unsigned)s < CB__MAX ? status_names[s] : "?";
}

static int
status_parse(const char *s)
{
	return enum_parse(status_names, CB__MAX, s);
}

static const char *const action_names[CBA__MAX] = {
	[CBA_CONFIRM] = "confirm", [CBA_DISCARD] = "discard",
	[CBA_WITHDRAW] = "withdraw",
};

/* Validated: confirmed or discarded; confirmed: withdrawn; the rest is
 * final. */
static const signed char cbatch_next[CB__MAX][CBA__MAX] = {
	[CB_VALIDATED] = { [CBA_CONFIRM] = STEP_TO(CB_CONFIRMED),
	    [CBA_DISCARD] = STEP_TO(CB_DISCARDED), [CBA_WITHDRAW] = STEP_NO },
	[CB_CONFIRMED] = { [CBA_CONFIRM] = STEP_NO, [CBA_DISCARD] = STEP_NO,
	    [CBA_WITHDRAW] = STEP_TO(CB_WITHDRAWN) },
	[CB_WITHDRAWN] = { STEP_NO, STEP_NO, STEP_NO },
	[CB_DISCARDED] = { STEP_NO, STEP_NO, STEP_NO },
};

const struct step_machine cbatch_machine = {
	"credit_batch", CB__MAX, CBA__MAX, status_names, action_names,
	&cbatch_next[0][0],
};


/* --- validation ----------------------------------------------------------- */

/* What a header field names: a fixed column, or (>= 0) the category's
 * column of that index. */
enum { COL_UNKNOWN = -5, COL_USCC = -4, COL_NAME = -3, COL_DATE = -2,
	COL_PERIOD = -1 };

#define HEADER_MAX	(CREDIT_COLS_MAX + 8)

struct cimport {
	struct db			*db;
	struct arena			*a;
	struct arena			*rows;		/* the buffered rows' values */
	const struct audit_actor	*actor;
	const struct credit_category	*cat;
	long long			 batch_id;
	int				 map[HEADER_MAX];
	size_t				 nmap;
	bool				 header_ok;
	unsigned			 err_seq;	/* error rows stored */
	struct cimport_counts		 counts;
	unsigned			 staged;
	long long			 agency_id;
	struct db_param			 buf[CIMPORT_STAGE_ROWS * STAGE_PARAMS];
	struct srow {
		const char	*uscc, *name, *region;	/* in rows */
		const unsigned char *hash;
	}				 sbuf[CIMPORT_STAGE_ROWS];
	unsigned			 dup;		/* rows on record already */
	unsigned char			*bloom;		/* BLOOM_BITS */
	bool				 maybe_twice;	/* a hit in it */
	size_t				 nbuf;		/* rows in buf */
	struct ecache {
		char		 uscc[19];
		long long	 id;
	}				*ecache;	/* ECACHE_SLOTS */
	size_t				 ecache_n;
};

/* What cimport_run's transaction needs. */
struct crun {
	struct arena			*a;
	const struct audit_actor	*actor;
	const struct db_param		*p;	/* the batch row's */
	const struct credit_category	*cat;
	cimport_feed_fn			*feed;
	void				*ctx;
	struct cimport			*ci;
	long long			 agency_id;
};

static enum err	finish(struct cimport *);

/* The batch row, the file fed row by row, the checks, counts and audit. */
static enum err
run_body(struct db *db, struct arena *scratch, void *ctx)
{
	struct crun		*t = ctx;
	struct cimport		*ci;
	unsigned long long	 id = 0;
	enum err		 rc;

	(void)scratch;
	if ((ci = arena_calloc(t->a, 1, sizeof *ci)) == NULL ||
	    (ci->ecache = arena_calloc(t->a, ECACHE_SLOTS, sizeof *ci->ecache)) == NULL ||
	    (ci->bloom = arena_calloc(t->a, BLOOM_BITS / 8, 1)) == NULL ||
	    (ci->rows = arena_new(64 * 1024)) == NULL)
		return ERR_NOMEM;
	if (arena_cleanup(t->a, (void (*)(void *))arena_free, ci->rows) == -1) {
		arena_free(ci->rows);
		return ERR_NOMEM;
	}
	ci->db = db;
	ci->a = t->a;
	ci->actor = t->actor;
	ci->cat = t->cat;
	ci->agency_id = t->agency_id;
	t->ci = ci;
	if ((rc = db_exec(db, &mod, STMT_CI_BATCH_ADD, t->p, 6, NULL, &id)) != ERR_OK)
		return rc;
	ci->batch_id = (long long)id;
	if ((rc = t->feed(ci, t->ctx)) != ERR_OK)
		return rc;
	return finish(ci);
}

enum err
cimport_run(struct db *db, struct arena *a, const struct audit_actor *actor,
    long long agency_id, const char *region, const struct credit_category *cat,
    const char *file_name, const char *encoding, cimport_feed_fn *feed,
    void *ctx, struct cimport_counts *counts, long long *batch_id)
{
	struct db_param		 p[] = { DB_INT(agency_id), DB_STR(region),
		DB_INT(cat->id), DB_STR(file_name), DB_STR(encoding),
		DB_INT(actor->user_id) };
	struct crun		 t = { a, actor, p, cat, feed, ctx, NULL, agency_id };
	enum err		 rc;

	if ((rc = db_tx(db, 0, run_body, &t)) != ERR_OK)
		return rc;
	*counts = t.ci->counts;
	*batch_id = t.ci->batch_id;
	return ERR_OK;
}

/* Records one error (the first CIMPORT_ERRORS_KEPT are stored). */
static enum err
add_error(struct cimport *ci, unsigned row_no, const char *label,
    const char *value, size_t vlen, const char *key)
{
	char	v[201];
	size_t	n = vlen;

	if (ci->err_seq >= CIMPORT_ERRORS_KEPT)
		return ERR_OK;
	/* at most 200 characters of the value, cut on a character boundary */
	if (n > 200) {
		n = 200;
		while (n > 0 && ((unsigned char)value[n] & 0xc0) == 0x80)
			n--;
	}
	memcpy(v, value, n);
	v[n] = '\0';
	{
		struct db_param p[] = { DB_INT(ci->batch_id), DB_INT(++ci->err_seq),
			DB_INT(row_no), DB_STR(label != NULL ? label : ""), DB_STR(v),
			DB_STR(key) };

		return db_exec(ci->db, &mod, STMT_CI_ERROR_ADD, p, 6, NULL, NULL);
	}
}

static bool
same(const char *s, size_t len, const char *name)
{
	return strlen(name) == len && memcmp(s, name, len) == 0;
}

/* s without leading and trailing blanks (ASCII space, tab, U+3000). */
static void
trim(const char **s, size_t *len)
{
	for (;;) {
		if (*len > 0 && ((*s)[0] == ' ' || (*s)[0] == '\t')) {
			(*s)++;
			(*len)--;
		} else if (*len >= 3 && memcmp(*s, "\xe3\x80\x80", 3) == 0) {
			*s += 3;
			*len -= 3;
		} else
			break;
	}
	for (;;) {
		if (*len > 0 && ((*s)[*len - 1] == ' ' || (*s)[*len - 1] == '\t'))
			(*len)--;
		else if (*len >= 3 && memcmp(*s + *len - 3, "\xe3\x80\x80", 3) == 0)
			*len -= 3;
		else
			break;
	}
}

/* The label of what header field i names, for messages. */
static const char *
label_of(const struct cimport *ci, int what)
{
	switch (what) {
	case COL_USCC:
		return CREDIT_LABEL_USCC;
	case COL_NAME:
		return CREDIT_LABEL_NAME;
	case COL_DATE:
		return ci->cat->date_label;
	case COL_PERIOD:
		return CREDIT_LABEL_PERIOD;
	default:
		return what >= 0 ? ci->cat->cols[what].label : "";
	}
}

enum err
cimport_header(struct cimport *ci, size_t n, const char *const *s,
    const size_t *len)
{
	const struct credit_category	*cat = ci->cat;
	bool				 seen[CREDIT_COLS_MAX + 4] = { false };
	enum err			 rc;

	ci->header_ok = true;
	ci->nmap = n < HEADER_MAX ? n : HEADER_MAX;
	if (n > HEADER_MAX) {
		ci->header_ok = false;
		return add_error(ci, 1, "", "", 0, "credit_header_wide");
	}
	for (size_t i = 0; i < n; i++) {
		const char	*f = s[i];
		size_t		 fl = len[i];
		int		 what = COL_UNKNOWN;

		trim(&f, &fl);
		if (same(f, fl, CREDIT_LABEL_USCC) || same(f, fl, "uscc"))
			what = COL_USCC;
		else if (same(f, fl, CREDIT_LABEL_NAME) || same(f, fl, "ent_name"))
			what = COL_NAME;
		else if (same(f, fl, cat->date_label) || same(f, fl, "decision_date"))
			what = COL_DATE;
		else if (cat->has_period && (same(f, fl, CREDIT_LABEL_PERIOD) ||
		    same(f, fl, "period_end")))
			what = COL_PERIOD;
		else
			for (size_t c = 0; c < cat->ncols; c++)
				if (same(f, fl, cat->cols[c].label) ||
				    same(f, fl, cat->cols[c].code))
					what = (int)c;
		ci->map[i] = what;
		if (what == COL_UNKNOWN) {
			/* a blank column at the end (Excel) is harmless */
			if (fl == 0)
				continue;
			ci->header_ok = false;
			if ((rc = add_error(ci, 1, "", f, fl, "credit_header_unknown")) != ERR_OK)
				return rc;
			continue;
		}
		if (seen[what + 4]) {
			ci->header_ok = false;
			if ((rc = add_error(ci, 1, label_of(ci, what), f, fl,
			    "credit_header_twice")) != ERR_OK)
				return rc;
		}
		seen[what + 4] = true;
	}
	/* every required column must be there */
	for (int what = COL_USCC; what < (int)cat->ncols; what++) {
		bool required = what == COL_USCC || what == COL_NAME || what == COL_DATE ||
		    (what >= 0 && cat->cols[what].required);

		if (what == COL_PERIOD || !required || seen[what + 4])
			continue;
		ci->header_ok = false;
		if ((rc = add_error(ci, 1, label_of(ci, what), "", 0,
		    "credit_header_missing")) != ERR_OK)
			return rc;
	}
	if (!ci->header_ok)
		ci->counts.errors++;
	return ERR_OK;
}

bool
cimport_header_ok(const struct cimport *ci)
{
	return ci->header_ok;
}

/* --- the enterprises of the rows ------------------------------------------ */

static size_t
ecache_slot(const struct cimport *ci, const char *uscc)
{
	unsigned h = 2166136261u;

	for (const char *c = uscc; *c != '\0'; c++)
		h = (h ^ (unsigned char)*c) * 16777619u;
	for (size_t i = h % ECACHE_SLOTS;; i = (i + 1) % ECACHE_SLOTS)
		if (ci->ecache[i].id == 0 || strcmp(ci->ecache[i].uscc, uscc) == 0)
			return i;
}

/* The enterprise id of uscc in the copy, 0 when not there. */
static long long
ecache_get(const struct cimport *ci, const char *uscc)
{
	return ci->ecache[ecache_slot(ci, uscc)].id;
}

static void
ecache_put(struct cimport *ci, const char *uscc, long long id)
{
	size_t i;

	/* three quarters full: start again (a file naming more enterprises
	 * looks them up again, memory stays fixed) */
	if (ci->ecache_n >= ECACHE_SLOTS / 4 * 3) {
		memset(ci->ecache, 0, ECACHE_SLOTS * sizeof *ci->ecache);
		ci->ecache_n = 0;
	}
	i = ecache_slot(ci, uscc);
	if (ci->ecache[i].id == 0)
		ci->ecache_n++;
	snprintf(ci->ecache[i].uscc, sizeof ci->ecache[i].uscc, "%s", uscc);
	ci->ecache[i].id = id;
}

/*
 * Sets the enterprise of every buffered row (params [0]): from the copy,
 * else looked up ENT_FIND_N USCCs at a time, else created (R-08.1: an
 * enterprise exists whether or not it registered; its name and region
 * those of its first row in the file).
 */
static enum err
ent_resolve(struct cimport *ci)
{
	struct db_param	 q[ENT_FIND_N];
	size_t		 nq = 0;
	enum err	 rc;

	for (size_t i = 0; i <= ci->nbuf; i++) {
		bool last = i == ci->nbuf;

		if (!last && ecache_get(ci, ci->sbuf[i].uscc) == 0) {
			bool again = false;

			for (size_t k = 0; k < nq && !again; k++)
				again = strcmp(q[k].s, ci->sbuf[i].uscc) == 0;
			if (!again)
				q[nq++] = DB_STR(ci->sbuf[i].uscc);
		}
		if (nq > 0 && (nq == ENT_FIND_N || last)) {
			struct db_rows	*rows;
			int		 r;

			for (size_t k = nq; k < ENT_FIND_N; k++)
				q[k] = DB_STR("");
			if ((rc = db_query(ci->db, ci->rows, &mod, STMT_CI_ENT_FIND, q,
			    ENT_FIND_N, &rows)) != ERR_OK)
				return rc;
			while ((r = db_next(rows)) == 1)
				ecache_put(ci, db_col_str(rows, 1), db_col_int(rows, 0));
			db_rows_free(rows);
			if (r == -1)
				return db_rows_error(ci->db);
			nq = 0;
		}
	}
	for (size_t i = 0; i < ci->nbuf; i++) {
		const struct srow	*w = &ci->sbuf[i];
		long long		 id = ecache_get(ci, w->uscc);

		if (id == 0) {
			struct db_param		 e[] = { DB_STR(w->uscc), DB_STR(w->name),
				DB_STR(w->region) };
			unsigned long long	 n = 0, nid = 0;

			if ((rc = db_exec(ci->db, &mod, STMT_CI_ENT_NEW, e, 3, &n,
			    &nid)) != ERR_OK)
				return rc;
			if (n == 1)
				id = (long long)nid;
			else {
				/* made by another transaction meanwhile */
				struct db_rows	*rows;
				int		 r;

				if ((rc = db_query(ci->db, ci->rows, &mod, STMT_CI_ENT_ID, e, 1,
				    &rows)) != ERR_OK)
					return rc;
				if ((r = db_next(rows)) == 1)
					id = db_col_int(rows, 0);
				db_rows_free(rows);
				if (r != 1)
					return r == 0 ? ERR_DB : db_rows_error(ci->db);
			}
			ecache_put(ci, w->uscc, id);
		}
		ci->buf[i * STAGE_PARAMS] = DB_INT(id);
	}
	return ERR_OK;
}

/* Marks the buffered rows already on record (withdrawn = 2, counted). */
static enum err
on_record(struct cimport *ci)
{
	struct db_param	 q[1 + CIMPORT_STAGE_ROWS];
	struct db_rows	*rows;
	enum err	 rc;
	int		 r;

	q[0] = DB_INT(ci->cat->id);
	for (size_t i = 0; i < CIMPORT_STAGE_ROWS; i++)
		q[1 + i] = DB_STRN((const char *)ci->sbuf[i < ci->nbuf ? i : 0].hash, 32);
	if ((rc = db_query(ci->db, ci->rows, &mod, STMT_CI_ON_RECORD, q,
	    1 + CIMPORT_STAGE_ROWS, &rows)) != ERR_OK)
		return rc;
	while ((r = db_next(rows)) == 1) {
		const char *h = db_col_str(rows, 0);

		for (size_t i = 0; i < ci->nbuf; i++) {
			struct db_param *w = &ci->buf[i * STAGE_PARAMS + 9];

			if (w->i == 0 && memcmp(ci->sbuf[i].hash, h, 32) == 0) {
				*w = DB_INT(2);
				ci->dup++;
			}
		}
	}
	db_rows_free(rows);
	return r == -1 ? db_rows_error(ci->db) : ERR_OK;
}

/* Writes the buffered rows as records (CIMPORT_STAGE_ROWS at once, or one
 * by one). */
static enum err
flush(struct cimport *ci)
{
	enum err rc = ERR_OK;

	if (ci->nbuf > 0 && ((rc = ent_resolve(ci)) != ERR_OK ||
	    (rc = on_record(ci)) != ERR_OK))
		return rc;
	if (ci->nbuf == CIMPORT_STAGE_ROWS)
		rc = db_exec(ci->db, &mod, STMT_CI_STAGE_N, ci->buf,
		    CIMPORT_STAGE_ROWS * STAGE_PARAMS, NULL, NULL);
	else
		for (size_t i = 0; i < ci->nbuf && rc == ERR_OK; i++)
			rc = db_exec(ci->db, &mod, STMT_CI_STAGE1,
			    &ci->buf[i * STAGE_PARAMS], STAGE_PARAMS, NULL, NULL);
	ci->nbuf = 0;
	arena_reset(ci->rows);
	return rc;
}

/*
 * Buffers one valid row.  Every string must live in ci->rows: the row
 * stays in ci->buf, pointing at them, until the flush after the
 * CIMPORT_STAGE_ROWS-th row (or the finish) -- a caller's stack array
 * would be gone, or hold another row's value, by then.
 */
static enum err
stage(struct cimport *ci, unsigned row_no, const char *uscc, const char *name,
    const char *region, const char *date, const char *period,
    const char *content)
{
	struct db_param	*p = &ci->buf[ci->nbuf * STAGE_PARAMS];
	unsigned char	*hash;
	char		 head[64];
	size_t		 hl, cl = strlen(content);
	unsigned char	*msg;

	if ((hash = arena_alloc(ci->rows, 32)) == NULL ||
	    (msg = arena_alloc(ci->rows, sizeof head + cl)) == NULL)
		return ERR_NOMEM;
	/* the hash covers what makes a record: category, enterprise, dates,
	 * content (the name is the enterprise's, by its USCC) */
	hl = (size_t)snprintf(head, sizeof head, "%d|%s|%s|%s|", ci->cat->id, uscc,
	    date, period != NULL ? period : "");
	memcpy(msg, head, hl);
	memcpy(msg + hl, content, cl);
	crypto_sha256(msg, hl + cl, hash);
	{
		bool all = true;

		for (unsigned k = 0; k < BLOOM_K; k++) {
			uint32_t	b;
			unsigned char	bit;

			memcpy(&b, hash + 4 * k, sizeof b);
			b %= BLOOM_BITS;
			bit = (unsigned char)(1u << (b & 7));
			all = all && (ci->bloom[b >> 3] & bit) != 0;
			ci->bloom[b >> 3] |= bit;
		}
		ci->maybe_twice = ci->maybe_twice || all;
	}
	ci->sbuf[ci->nbuf] = (struct srow){ uscc, name, region, hash };
	p[0] = DB_INT(0);	/* the enterprise: ent_resolve */
	p[1] = DB_INT(ci->cat->id);
	p[2] = DB_INT(ci->agency_id);
	p[3] = DB_INT(ci->batch_id);
	p[4] = DB_INT(row_no);
	p[5] = DB_STR(date);
	p[6] = period != NULL ? DB_STR(period) : DB_NULL;
	p[7] = DB_STR(content);
	p[8] = DB_STRN((const char *)hash, 32);
	p[9] = DB_INT(0);
	ci->staged++;
	if (++ci->nbuf == CIMPORT_STAGE_ROWS)
		return flush(ci);
	return ERR_OK;
}

enum err
cimport_fail(struct cimport *ci, unsigned row_no, const char *key)
{
	ci->counts.total++;
	ci->counts.errors++;
	return add_error(ci, row_no, "", "", 0, key);
}

enum err
cimport_row(struct cimport *ci, unsigned row_no, size_t n, const char *const *s,
    const size_t *len)
{
	const struct credit_category	*cat = ci->cat;
	const char			*values[CREDIT_COLS_MAX] = { NULL };
	const char			*uscc = NULL, *name = NULL, *date = NULL,
					*period = NULL, *region = NULL, *content;
	char				 ucode[19], rcode[7] = "", d[11];
	unsigned			 bad = 0;
	enum err			 rc;

	/* the template's example row (see CREDIT_EXAMPLE_MARK) is not data */
	if (n > 0 && len[0] >= strlen(CREDIT_EXAMPLE_MARK) &&
	    memcmp(s[0], CREDIT_EXAMPLE_MARK, strlen(CREDIT_EXAMPLE_MARK)) == 0)
		return ERR_OK;
	ci->counts.total++;
	/* fields past the header must be empty */
	for (size_t i = ci->nmap; i < n; i++) {
		const char	*f = s[i];
		size_t		 fl = len[i];

		trim(&f, &fl);
		if (fl > 0) {
			bad++;
			if ((rc = add_error(ci, row_no, "", f, fl,
			    "credit_extra_field")) != ERR_OK)
				return rc;
			break;
		}
	}
	for (size_t i = 0; i < ci->nmap; i++) {
		int		 what = ci->map[i];
		const char	*f = i < n ? s[i] : "";
		size_t		 fl = i < n ? len[i] : 0;
		const char	*key = NULL, *v = NULL;

		if (what == COL_UNKNOWN)
			continue;
		trim(&f, &fl);
		switch (what) {
		case COL_USCC: {
			char in[64];

			if (fl == 0) {
				key = "required";
				break;
			}
			snprintf(in, sizeof in, "%.*s", (int)(fl < 63 ? fl : 63), f);
			if (fl > 40 || (key = uscc_error(in)) != NULL) {
				if (key == NULL)
					key = "uscc_length";
				break;
			}
			uscc_normalize(in, ucode);
			if (!uscc_region(ucode, rcode))
				key = "uscc_region";
			else if ((uscc = arena_strdup(ci->rows, ucode)) == NULL ||
			    (region = arena_strdup(ci->rows, rcode)) == NULL)
				return ERR_NOMEM;
			break;
		}
		case COL_NAME:
			if (fl == 0)
				key = "required";
			else if (utf8_len(f, fl) > 100)
				key = "credit_too_long";
			else
				name = arena_strndup(ci->rows, f, fl);
			break;
		case COL_DATE:
			if (fl == 0)
				key = "required";
			else if ((key = credit_date_check(f, fl, d)) == NULL)
				date = arena_strdup(ci->rows, d);
			break;
		case COL_PERIOD:
			if (fl > 0 && (key = credit_date_check(f, fl, d)) == NULL)
				period = arena_strdup(ci->rows, d);
			break;
		default:
			if ((key = credit_value_check(ci->rows, &cat->cols[what], f, fl,
			    &v)) == NULL)
				values[what] = v;
			break;
		}
		if (key != NULL) {
			bad++;
			if ((rc = add_error(ci, row_no, label_of(ci, what), f, fl, key)) != ERR_OK)
				return rc;
		}
	}
	/* a required column of the category that the header lacks was
	 * reported once on row 1; the row itself cannot be good */
	if (!ci->header_ok)
		return ERR_OK;
	if (bad == 0 && date != NULL && period != NULL && strcmp(period, date) < 0) {
		bad++;
		if ((rc = add_error(ci, row_no, CREDIT_LABEL_PERIOD, period,
		    strlen(period), "date_order")) != ERR_OK)
			return rc;
	}
	if (bad > 0) {
		ci->counts.errors++;
		return ERR_OK;
	}
	if (uscc == NULL || region == NULL || name == NULL || date == NULL)
		return ERR_NOMEM;
	if ((content = credit_content_encode(ci->rows, cat, values)) == NULL)
		return ERR_NOMEM;
	return stage(ci, row_no, uscc, name, region, date, period, content);
}

/* Rows that are twice in the file: errors naming the first occurrence. */
static enum err
dups_in_file(struct cimport *ci, unsigned *count)
{
	struct db_param	 p[] = { DB_INT(ci->batch_id), DB_INT(ci->cat->id),
		DB_INT(ci->batch_id), DB_INT(CIMPORT_ERRORS_KEPT) };
	struct db_rows	*rows;
	enum err	 rc;
	int		 r;

	*count = 0;
	if (!ci->maybe_twice)
		return ERR_OK;
	if ((rc = db_query(ci->db, ci->a, &mod, STMT_CI_DUP_IN_FILE_COUNT, p, 1,
	    &rows)) != ERR_OK)
		return rc;
	if (db_next(rows) == 1)
		*count = (unsigned)db_col_int(rows, 0);
	db_rows_free(rows);
	if (*count == 0)
		return ERR_OK;
	if ((rc = db_query(ci->db, ci->a, &mod, STMT_CI_DUP_IN_FILE, p, 4,
	    &rows)) != ERR_OK)
		return rc;
	while ((r = db_next(rows)) == 1) {
		char first[16];

		snprintf(first, sizeof first, "%lld", db_col_int(rows, 1));
		if ((rc = add_error(ci, (unsigned)db_col_int(rows, 0), "", first,
		    strlen(first), "credit_dup_in_file")) != ERR_OK)
			break;
	}
	db_rows_free(rows);
	return rc == ERR_OK && r == -1 ? db_rows_error(ci->db) : rc;
}

/* Flushes, runs the duplicate checks, stores the counts and audits
 * ("credit.batch.upload"), in cimport_run's transaction. */
static enum err
finish(struct cimport *ci)
{
	unsigned long long	 dup;
	unsigned		 twice = 0;
	char			 oid[24], detail[128];
	enum err		 rc;

	if ((rc = flush(ci)) != ERR_OK ||
	    (rc = dups_in_file(ci, &twice)) != ERR_OK)
		return rc;
	dup = ci->dup;
	ci->counts.errors += twice;
	ci->counts.dup = (unsigned)dup;
	ci->counts.fresh = ci->staged - twice - (unsigned)dup;
	if (twice + dup > ci->staged)
		ci->counts.fresh = 0;
	{
		struct db_param p[] = { DB_INT(ci->counts.total), DB_INT(ci->counts.fresh),
			DB_INT(ci->counts.dup), DB_INT(ci->counts.errors),
			DB_INT(ci->batch_id) };

		if ((rc = db_exec(ci->db, &mod, STMT_CI_COUNTS, p, 5, NULL, NULL)) != ERR_OK)
			return rc;
	}
	snprintf(oid, sizeof oid, "%lld", ci->batch_id);
	snprintf(detail, sizeof detail, "%s: %u rows, %u new, %u unchanged, %u with errors",
	    ci->cat->code, ci->counts.total, ci->counts.fresh, ci->counts.dup,
	    ci->counts.errors);
	if ((rc = audit_write(ci->db, ci->actor, "credit.batch.upload", "credit_batch",
	    oid, AUDIT_OK, detail)) != ERR_OK)
		return rc;
	return ERR_OK;
}

/* --- batches ------------------------------------------------------------------ */

static void
batch_fill(const struct db_rows *rows, struct arena *a, void *elem)
{
	struct cbatch	*b = elem;
	int		 st;

	b->id = db_col_int(rows, 0);
	b->agency_id = db_col_int(rows, 1);
	b->agency_name = db_col_text(rows, a, 2);
	b->region = db_col_text(rows, a, 3);
	b->category_id = (int)db_col_int(rows, 4);
	b->category_name = db_col_text(rows, a, 5);
	b->file_name = db_col_text(rows, a, 6);
	b->encoding = db_col_text(rows, a, 7);
	st = status_parse(db_col_str(rows, 8));
	b->status = st >= 0 ? (enum cbatch_status)st : CB_DISCARDED;
	b->counts.total = (unsigned)db_col_int(rows, 9);
	b->counts.fresh = (unsigned)db_col_int(rows, 10);
	b->counts.dup = (unsigned)db_col_int(rows, 11);
	b->counts.errors = (unsigned)db_col_int(rows, 12);
	b->uploaded_name = db_col_text(rows, a, 13);
	b->uploaded_at = db_col_text(rows, a, 14);
	b->confirmed_name = db_col_text(rows, a, 15);
	b->confirmed_at = db_col_dup(rows, a, 16);
	b->withdrawn_name = db_col_text(rows, a, 17);
	b->withdrawn_at = db_col_dup(rows, a, 18);
	b->withdraw_note = db_col_text(rows, a, 19);
}

enum err
cbatch_get(struct db *db, struct arena *a, const struct scope *sc, long long id,
    struct cbatch *b)
{
	struct db_param	 p[] = {
		DB_INT(id), DB_STR(sc->org_kind), DB_INT(sc->org_id),
		DB_STR(sc->org_kind), DB_STR(sc->region), DB_STR(sc->region),
	};
	struct db_rows	*rows;
	enum err	 rc;
	int		 n;

	memset(b, 0, sizeof *b);
	if ((rc = db_query(db, a, &mod, STMT_CI_GET, p, sizeof p / sizeof p[0],
	    &rows)) != ERR_OK)
		return rc;
	if ((n = db_next(rows)) == 1)
		batch_fill(rows, a, b);
	db_rows_free(rows);
	return n == 1 ? ERR_OK : n == 0 ? ERR_NOTFOUND : db_rows_error(db);
}

enum err
cbatch_count(struct db *db, struct arena *a, const char *region,
    long long agency_id, enum cbatch_status status, long long *n)
{
	struct db_param	 p[] = { DB_STR(region), DB_STR(region),
		DB_INT(agency_id), DB_INT(agency_id), DB_STR(cbatch_status_name(status)) };

	return db_count(db, a, &mod, STMT_CI_STATUS_COUNT, p, 5, n);
}

enum err
cbatch_search(struct db *db, struct arena *a, const char *region,
    long long agency_id, size_t page, size_t per_page, struct cbatch_list *l)
{
	struct db_param	 p[] = { DB_STR(region), DB_STR(region),
		DB_INT(agency_id), DB_INT(agency_id), DB_INT(per_page),
		DB_INT(page * per_page) };
	struct db_rows	*rows;
	enum err	 rc;

	memset(l, 0, sizeof *l);
	if ((rc = db_query(db, a, &mod, STMT_CI_COUNT, p, 4, &rows)) != ERR_OK)
		return rc;
	if (db_next(rows) == 1)
		l->total = db_col_int(rows, 0);
	db_rows_free(rows);
	return db_query_list(db, a, &mod, STMT_CI_SEARCH, p, 6, sizeof *l->v,
	    batch_fill, (void **)&l->v, &l->n);
}

static void
staged_fill(const struct db_rows *rows, struct arena *a, void *elem)
{
	struct cstaged *x = elem;

	x->row_no = (unsigned)db_col_int(rows, 0);
	x->uscc = db_col_text(rows, a, 1);
	x->ent_name = db_col_text(rows, a, 2);
	x->decision_date = db_col_text(rows, a, 3);
	x->period_end = db_col_text(rows, a, 4);
	x->content = db_col_text(rows, a, 5);
	x->dup = db_col_int(rows, 6) != 0;
}

enum err
cbatch_staged(struct db *db, struct arena *a, long long id, size_t max,
    struct cstaged **v, size_t *n)
{
	struct db_param p[] = { DB_INT(id), DB_INT(max) };

	return db_query_list(db, a, &mod, STMT_CI_STAGED, p, 2, sizeof **v,
	    staged_fill, (void **)v, n);
}

static void
error_fill(const struct db_rows *rows, struct arena *a, void *elem)
{
	struct cerror *x = elem;

	x->row_no = (unsigned)db_col_int(rows, 0);
	x->col_label = db_col_text(rows, a, 1);
	x->value = db_col_text(rows, a, 2);
	x->key = db_col_text(rows, a, 3);
}

enum err
cbatch_errors(struct db *db, struct arena *a, long long id, size_t max,
    struct cerror **v, size_t *n)
{
	struct db_param p[] = { DB_INT(id), DB_INT(max) };

	return db_query_list(db, a, &mod, STMT_CI_ERRORS, p, 2, sizeof **v,
	    error_fill, (void **)v, n);
}

/* What cbatch_open's transaction needs and fills (in c->a). */
struct copen {
	struct arena			*a;
	const struct audit_actor	*actor;
	const struct cbatch		*b;
	bool				 office, export;
	const char			*org_kind;
	long long			 org_id;
	size_t				 max_rows, max_errs;
	struct cbatch_view		*out;
};

/* The rows and errors shown, the review's query-log and audit rows. */
static enum err
open_body(struct db *db, struct arena *scratch, void *ctx)
{
	struct copen		*c = ctx;
	const struct cbatch	*b = c->b;
	struct cbatch_view	*out = c->out;
	char			 oid[24], detail[96];
	long long		 qid;
	enum err		 rc;

	(void)scratch;
	if (b->status == CB_VALIDATED && c->max_rows > 0 &&
	    (rc = cbatch_staged(db, c->a, b->id, c->max_rows, &out->rows,
	    &out->nrows)) != ERR_OK)
		return rc;
	if (b->counts.errors > 0 && c->max_errs > 0 &&
	    (rc = cbatch_errors(db, c->a, b->id, c->max_errs, &out->errs,
	    &out->nerrs)) != ERR_OK)
		return rc;
	snprintf(oid, sizeof oid, "%lld", b->id);
	snprintf(detail, sizeof detail, "%zu staged rows, %zu errors shown",
	    out->nrows, out->nerrs);
	if (c->office && out->nrows + out->nerrs > 0 &&
	    (rc = credit_query_add(db, c->actor, c->org_kind, c->org_id, 0, b->id,
	    CPUR_REVIEW, "", &qid)) != ERR_OK)
		return rc;
	if ((c->export || (c->office && out->nrows + out->nerrs > 0)) &&
	    (rc = audit_write(db, c->actor, c->export ? "credit.batch.errors" :
	    "credit.batch.view", "credit_batch", oid, AUDIT_OK, detail)) != ERR_OK)
		return rc;
	return ERR_OK;
}

enum err
cbatch_open(struct db *db, struct arena *a, const struct audit_actor *actor,
    const struct cbatch *b, bool office, const char *org_kind, long long org_id,
    bool export, size_t max_rows, size_t max_errs, struct cbatch_view *out)
{
	struct copen	 c = { a, actor, b, office, export, org_kind, org_id,
	    max_rows, max_errs, out };
	enum err	 rc;

	memset(out, 0, sizeof *out);
	if ((rc = db_tx(db, 0, open_body, &c)) != ERR_OK)
		memset(out, 0, sizeof *out);
	return rc;
}

/* What the steps of a batch read from its locked row (STMT_CI_LOCK:
 * status, rows_error, category_id, rows_new) and hand back. */
struct bstep {
	unsigned		 errors;
	int			 category_id;
	unsigned long long	 fresh;
	const char		*note;
	unsigned long long	 n;
};

static enum err
batch_locked(struct step_run *run)
{
	struct bstep *b = run->ctx;

	b->errors = (unsigned)db_col_int(run->row, 1);
	b->category_id = (int)db_col_int(run->row, 2);
	b->fresh = (unsigned long long)db_col_int(run->row, 3);
	return ERR_OK;
}

static enum err
confirm_locked(struct step_run *run)
{
	struct bstep *b = run->ctx;

	(void)batch_locked(run);
	return b->errors > 0 ? ERR_CONFLICT : ERR_OK;
}

/* The batch's records are there since the validation: the confirmation
 * shows them by the batch's status. */
static enum err
confirm_change(struct step_run *run)
{
	struct bstep		*b = run->ctx;
	struct db		*db = run->db;
	struct db_param		 p1[] = { DB_INT(run->id) };
	unsigned long long	 again = 0;
	enum err		 rc;

	{
		/* what another batch of the category confirmed since the
		 * validation is not imported twice (the check again, only when
		 * there is such a batch: it costs a probe per row) */
		struct db_rows	*rows;
		long long	 newer = 1;

		if ((rc = db_query(db, run->a, &mod, STMT_CI_NEWER, p1, 1, &rows)) != ERR_OK)
			return rc;
		if (db_next(rows) == 1)
			newer = db_col_int(rows, 0);
		db_rows_free(rows);
		if (newer > 0 &&
		    (rc = db_exec(db, &mod, STMT_CI_MARK_DUPS, p1, 1, &again, NULL)) != ERR_OK)
			return rc;
	}
	b->n = again < b->fresh ? b->fresh - again : 0;
	{
		struct db_param p[] = { DB_INT(run->actor->user_id), DB_INT(b->n),
			DB_INT(b->n), DB_INT(run->id) };

		if ((rc = db_exec(db, &mod, STMT_CI_CONFIRM, p, 4, NULL, NULL)) != ERR_OK)
			return rc;
	}
	snprintf(run->detail, sizeof run->detail, "%llu records", b->n);
	return ERR_OK;
}

static const struct step confirm_step = {
	&cbatch_machine, CBA_CONFIRM, &mod, STMT_CI_LOCK, false,
	"credit.batch.confirm", "credit_batch", confirm_locked, confirm_change,
};

enum err
cbatch_confirm(struct db *db, const struct audit_actor *actor, long long id,
    unsigned *imported)
{
	struct bstep	 b = { 0 };
	enum err	 rc;

	*imported = 0;
	if ((rc = step_run(db, &confirm_step, actor, NULL, 0, id, 0, &b)) == ERR_OK)
		*imported = (unsigned)b.n;
	return rc;
}

static enum err
discard_change(struct step_run *run)
{
	struct db_param		 p1[] = { DB_INT(run->id) };
	unsigned long long	 n = CIMPORT_CHUNK;
	enum err		 rc;

	/* its rows never took effect: deleted */
	while (n == CIMPORT_CHUNK)
		if ((rc = db_exec(run->db, &mod, STMT_CI_STAGE_DEL, p1, 1, &n,
		    NULL)) != ERR_OK)
			return rc;
	if ((rc = db_exec(run->db, &mod, STMT_CI_ERRORS_DEL, p1, 1, NULL, NULL)) != ERR_OK)
		return rc;
	return db_exec(run->db, &mod, STMT_CI_DISCARD, p1, 1, NULL, NULL);
}

static const struct step discard_step = {
	&cbatch_machine, CBA_DISCARD, &mod, STMT_CI_LOCK, false,
	"credit.batch.discard", "credit_batch", NULL, discard_change,
};

enum err
cbatch_discard(struct db *db, const struct audit_actor *actor, long long id)
{
	struct bstep b = { 0 };

	return step_run(db, &discard_step, actor, NULL, 0, id, 0, &b);
}

static enum err
withdraw_change(struct step_run *run)
{
	struct bstep	*b = run->ctx;
	struct db_param	 p1[] = { DB_INT(run->id) };
	struct db_param	 w[] = { DB_INT(run->actor->user_id), DB_STR(b->note),
		DB_INT(run->id) };
	unsigned long long n = CIMPORT_CHUNK;
	enum err	 rc;

	b->n = 0;
	while (n == CIMPORT_CHUNK) {
		if ((rc = db_exec(run->db, &mod, STMT_CI_WITHDRAW_RECORDS, p1, 1, &n,
		    NULL)) != ERR_OK)
			return rc;
		b->n += n;
	}
	if ((rc = db_exec(run->db, &mod, STMT_CI_WITHDRAW, w, 3, NULL, NULL)) != ERR_OK)
		return rc;
	snprintf(run->detail, sizeof run->detail, "%llu records withdrawn", b->n);
	return ERR_OK;
}

static const struct step withdraw_step = {
	&cbatch_machine, CBA_WITHDRAW, &mod, STMT_CI_LOCK, false,
	"credit.batch.withdraw", "credit_batch", NULL, withdraw_change,
};

enum err
cbatch_withdraw(struct db *db, const struct audit_actor *actor, long long id,
    const char *note)
{
	struct bstep b = { .note = note };

	return step_run(db, &withdraw_step, actor, NULL, 0, id, 0, &b);
}
