/*
 * credit_import.c -- validation, confirmation and withdrawal of credit
 * information batches (see credit_import.h).
 */
#include <stdio.h>
#include <string.h>

#include "core/enumname.h"
#include "db/db_region.h"
#include "credit/credit_import.h"
#include "credit/credit_view.h"
#include "crypto/crypto.h"
#include "formats/ident.h"
#include "core/utf8.h"

/* One staged row: batch, row, USCC, name, region, date, period end,
 * content, hash. */
#define SR	"(?,?,?,?,?,?,?,?,?)"
#define SR2	SR "," SR
#define SR4	SR2 "," SR2
#define SR8	SR4 "," SR4
#define SR16	SR8 "," SR8
#define SR32	SR16 "," SR16
#define SR64	SR32 "," SR32
#define STAGE_PARAMS	9
#define STAGE_INSERT \
	"INSERT INTO credit_staging (batch_id, row_no, uscc, ent_name, region_code," \
	" decision_date, period_end, content, row_hash) VALUES "

#define CB_TIME(c)	"DATE_FORMAT(" c ", '%Y-%m-%d %H:%i:%s')"

enum {
	STMT_CI_BATCH_ADD,
	STMT_CI_STAGE1,
	STMT_CI_STAGE64,
	STMT_CI_ERROR_ADD,
	STMT_CI_DUP_IN_FILE,
	STMT_CI_DUP_IN_FILE_COUNT,
	STMT_CI_MARK_DUPS,
	STMT_CI_COUNTS,
	STMT_CI_LOCK,
	STMT_CI_NEWER,
	STMT_CI_ENT_ADD,
	STMT_CI_RECORDS_ADD,
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
	[STMT_CI_STAGE64] = STAGE_INSERT SR64,
	[STMT_CI_ERROR_ADD] =
	    "INSERT INTO credit_batch_errors (batch_id, seq, row_no, col_label,"
	    " value, message) VALUES (?, ?, ?, ?, ?, ?)",
	[STMT_CI_DUP_IN_FILE] =
	    "SELECT s.row_no, f.first FROM credit_staging s JOIN"
	    " (SELECT row_hash, MIN(row_no) AS first FROM credit_staging"
	    " WHERE batch_id = ? GROUP BY row_hash HAVING COUNT(*) > 1) f"
	    " ON f.row_hash = s.row_hash"
	    " WHERE s.batch_id = ? AND s.row_no > f.first ORDER BY s.row_no LIMIT ?",
	[STMT_CI_DUP_IN_FILE_COUNT] =
	    "SELECT COALESCE(SUM(n - 1), 0) FROM (SELECT COUNT(*) AS n FROM credit_staging"
	    " WHERE batch_id = ? GROUP BY row_hash HAVING COUNT(*) > 1) d",
	[STMT_CI_MARK_DUPS] =
	    "UPDATE credit_staging s JOIN credit_records r ON r.category_id = ?"
	    " AND r.row_hash = s.row_hash AND r.withdrawn = 0"
	    " SET s.dup = 1 WHERE s.batch_id = ?",
	[STMT_CI_COUNTS] =
	    "UPDATE credit_batches SET rows_total = ?, rows_new = ?, rows_dup = ?,"
	    " rows_error = ? WHERE id = ?",
	[STMT_CI_LOCK] =
	    "SELECT status, rows_error, category_id FROM credit_batches"
	    " WHERE id = ? FOR UPDATE",
	[STMT_CI_NEWER] =
	    "SELECT COUNT(*) FROM credit_batches o JOIN credit_batches b ON b.id = ?"
	    " WHERE o.category_id = b.category_id AND o.status = 'confirmed'"
	    " AND o.confirmed_at >= b.uploaded_at",
	[STMT_CI_ENT_ADD] =
	    "INSERT IGNORE INTO enterprises (uscc, name, region_code)"
	    " SELECT uscc, MIN(ent_name), MIN(region_code) FROM credit_staging"
	    " WHERE batch_id = ? AND dup = 0 GROUP BY uscc",
	[STMT_CI_RECORDS_ADD] =
	    "INSERT INTO credit_records (enterprise_id, category_id, agency_id,"
	    " batch_id, decision_date, period_end, content, row_hash)"
	    " SELECT e.id, b.category_id, b.agency_id, b.id, s.decision_date,"
	    " s.period_end, s.content, s.row_hash"
	    " FROM credit_staging s JOIN credit_batches b ON b.id = s.batch_id"
	    " JOIN enterprises e ON e.uscc = s.uscc"
	    " WHERE s.batch_id = ? AND s.dup = 0 ORDER BY s.row_no",
	[STMT_CI_CONFIRM] =
	    "UPDATE credit_batches SET status = 'confirmed', confirmed_by = ?,"
	    " confirmed_at = UTC_TIMESTAMP(), rows_new = ?,"
	    " rows_dup = rows_total - rows_error - ? WHERE id = ?",
	[STMT_CI_STAGE_DEL] = "DELETE FROM credit_staging WHERE batch_id = ?",
	[STMT_CI_ERRORS_DEL] = "DELETE FROM credit_batch_errors WHERE batch_id = ?",
	[STMT_CI_DISCARD] =
	    "UPDATE credit_batches SET status = 'discarded' WHERE id = ?",
	[STMT_CI_WITHDRAW_RECORDS] =
	    "UPDATE credit_records SET withdrawn = 1 WHERE batch_id = ?",
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
	[STMT_CI_STAGED] =
	    "SELECT row_no, uscc, ent_name, DATE_FORMAT(decision_date, '%Y-%m-%d'),"
	    " DATE_FORMAT(period_end, '%Y-%m-%d'), content, dup FROM credit_staging"
	    " WHERE batch_id = ? ORDER BY row_no LIMIT ?",
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
	struct db_param			 buf[CIMPORT_STAGE_ROWS * STAGE_PARAMS];
	size_t				 nbuf;		/* rows in buf */
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
	struct crun		 t = { a, actor, p, cat, feed, ctx, NULL };
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

/* Writes the buffered rows (CIMPORT_STAGE_ROWS at once, or one by one). */
static enum err
flush(struct cimport *ci)
{
	enum err rc = ERR_OK;

	if (ci->nbuf == CIMPORT_STAGE_ROWS)
		rc = db_exec(ci->db, &mod, STMT_CI_STAGE64, ci->buf,
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
 * Stages one valid row.  Every string must live in ci->rows: the row
 * stays in ci->buf, pointing at them, until the flush after the 64th row
 * (or the finish) -- a caller's stack array would be gone, or hold
 * another row's value, by then.
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
	p[0] = DB_INT(ci->batch_id);
	p[1] = DB_INT(row_no);
	p[2] = DB_STR(uscc);
	p[3] = DB_STR(name);
	p[4] = DB_STR(region);
	p[5] = DB_STR(date);
	p[6] = period != NULL ? DB_STR(period) : DB_NULL;
	p[7] = DB_STR(content);
	p[8] = DB_STRN((const char *)hash, 32);
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
	struct db_param	 p[] = { DB_INT(ci->batch_id), DB_INT(ci->batch_id),
		DB_INT(CIMPORT_ERRORS_KEPT) };
	struct db_rows	*rows;
	enum err	 rc;
	int		 r;

	*count = 0;
	if ((rc = db_query(ci->db, ci->a, &mod, STMT_CI_DUP_IN_FILE_COUNT, p, 1,
	    &rows)) != ERR_OK)
		return rc;
	if (db_next(rows) == 1)
		*count = (unsigned)db_col_int(rows, 0);
	db_rows_free(rows);
	if (*count == 0)
		return ERR_OK;
	if ((rc = db_query(ci->db, ci->a, &mod, STMT_CI_DUP_IN_FILE, p, 3,
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
	struct db_param		 d[] = { DB_INT(ci->cat->id), DB_INT(ci->batch_id) };
	unsigned long long	 dup = 0;
	unsigned		 twice = 0;
	char			 oid[24], detail[128];
	enum err		 rc;

	if ((rc = flush(ci)) != ERR_OK ||
	    (rc = dups_in_file(ci, &twice)) != ERR_OK ||
	    (rc = db_exec(ci->db, &mod, STMT_CI_MARK_DUPS, d, 2, &dup, NULL)) != ERR_OK)
		return rc;
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
 * status, rows_error, category_id) and hand back. */
struct bstep {
	unsigned		 errors;
	int			 category_id;
	const char		*note;
	unsigned long long	 n;
};

static enum err
batch_locked(struct step_run *run)
{
	struct bstep *b = run->ctx;

	b->errors = (unsigned)db_col_int(run->row, 1);
	b->category_id = (int)db_col_int(run->row, 2);
	return ERR_OK;
}

static enum err
confirm_locked(struct step_run *run)
{
	struct bstep *b = run->ctx;

	(void)batch_locked(run);
	return b->errors > 0 ? ERR_CONFLICT : ERR_OK;
}

static enum err
confirm_change(struct step_run *run)
{
	struct bstep	*b = run->ctx;
	struct db	*db = run->db;
	struct db_param	 p1[] = { DB_INT(run->id) };
	enum err	 rc;

	{
		/* what another batch of the category confirmed since the
		 * validation is not imported twice (the check again, only when
		 * there is such a batch: it costs a probe per row) */
		struct db_param	 d[] = { DB_INT(b->category_id), DB_INT(run->id) };
		struct db_rows	*rows;
		long long	 newer = 1;

		if ((rc = db_query(db, run->a, &mod, STMT_CI_NEWER, p1, 1, &rows)) != ERR_OK)
			return rc;
		if (db_next(rows) == 1)
			newer = db_col_int(rows, 0);
		db_rows_free(rows);
		if (newer > 0 &&
		    (rc = db_exec(db, &mod, STMT_CI_MARK_DUPS, d, 2, NULL, NULL)) != ERR_OK)
			return rc;
	}
	if ((rc = db_exec(db, &mod, STMT_CI_ENT_ADD, p1, 1, NULL, NULL)) != ERR_OK ||
	    (rc = db_exec(db, &mod, STMT_CI_RECORDS_ADD, p1, 1, &b->n, NULL)) != ERR_OK)
		return rc;
	{
		struct db_param p[] = { DB_INT(run->actor->user_id), DB_INT(b->n),
			DB_INT(b->n), DB_INT(run->id) };

		if ((rc = db_exec(db, &mod, STMT_CI_CONFIRM, p, 4, NULL, NULL)) != ERR_OK ||
		    (rc = db_exec(db, &mod, STMT_CI_STAGE_DEL, p1, 1, NULL, NULL)) != ERR_OK)
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
	struct db_param	 p1[] = { DB_INT(run->id) };
	enum err	 rc;

	if ((rc = db_exec(run->db, &mod, STMT_CI_STAGE_DEL, p1, 1, NULL, NULL)) != ERR_OK ||
	    (rc = db_exec(run->db, &mod, STMT_CI_ERRORS_DEL, p1, 1, NULL, NULL)) != ERR_OK)
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
	enum err	 rc;

	if ((rc = db_exec(run->db, &mod, STMT_CI_WITHDRAW_RECORDS, p1, 1, &b->n,
	    NULL)) != ERR_OK ||
	    (rc = db_exec(run->db, &mod, STMT_CI_WITHDRAW, w, 3, NULL, NULL)) != ERR_OK)
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
