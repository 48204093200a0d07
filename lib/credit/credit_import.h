/*
 * credit_import.h -- reviewed imports of credit information by agencies
 * (R-09.2, R-08.1, X-AUD).
 *
 * A CSV upload becomes a batch in three steps:
 *
 *  1. Validation (cimport_run, one transaction): the
 *     header is matched to the category's columns by label, every row is
 *     checked (USCC check character and region, required columns, types,
 *     dates, allowed values); good rows become the batch's records at
 *     once (credit_records, in CIMPORT_STAGE_ROWS-row prepared inserts),
 *     which no view shows while the batch is not confirmed; bad ones go to
 *     credit_batch_errors (row, column, value, message key).  The
 *     enterprises the file names for the first time are created here (the
 *     records need their id).  Rows that are twice in the file are errors;
 *     rows already on record, unchanged, are counted as duplicates
 *     (withdrawn = 2) and will not be imported again.  Memory stays
 *     bounded: rows go out in fixed-size multi-row inserts and the
 *     duplicate checks run in the database.
 *  2. Confirmation (cbatch_confirm, one transaction): only a batch
 *     without errors; marks the batch confirmed, which shows its records
 *     (the views join the batch's status) -- no copy: all or nothing, even
 *     if the worker dies half-way (InnoDB rolls the transaction back).
 *  3. Withdrawal (credit_batch_withdraw): its records leave every view and
 *     are kept.  A discarded batch's records are deleted (they never took
 *     effect); the enterprises its validation created stay.
 *
 * Who may do what (the agency's gov users import and confirm; operators of
 * the region read) is the caller's check.
 */
#ifndef DUIJIE_CREDIT_IMPORT_H
#define DUIJIE_CREDIT_IMPORT_H

#include <stdbool.h>
#include <stddef.h>

#include "accounts/scope.h"
#include "core/arena.h"
#include "db/audit.h"
#include "credit/credit_cat.h"
#include "db/db.h"
#include "db/step.h"

#define CIMPORT_ERRORS_KEPT	10000	/* error rows stored per batch (all are counted) */
#define CIMPORT_STAGE_ROWS	512	/* records per INSERT of the validation */

enum cbatch_status { CB_VALIDATED, CB_CONFIRMED, CB_WITHDRAWN, CB_DISCARDED,
	CB__MAX };
/* What is done to a batch once validated (cbatch_machine). */
enum cbatch_action { CBA_CONFIRM, CBA_DISCARD, CBA_WITHDRAW, CBA__MAX };

/* The batches' state machine: status x action -> status (step.h). */
extern const struct step_machine cbatch_machine;

struct cimport;

struct cimport_counts {
	unsigned	total;		/* data rows */
	unsigned	fresh;		/* valid, not on record yet */
	unsigned	dup;		/* valid, already on record unchanged */
	unsigned	errors;		/* rows with at least one error */
};

/* Feeds the file to the validation: cimport_header, then cimport_row or
 * cimport_fail for each record.  Anything but ERR_OK rolls the whole
 * validation back (nothing of it stays) and is cimport_run's answer. */
typedef enum err cimport_feed_fn(struct cimport *, void *ctx);

/*
 * Validates a file for `cat` by agency_id (of `region`) in one
 * transaction (db_tx): the batch row, then feed(ci, ctx), then the
 * duplicate checks, the counts and the audit row "credit.batch.upload".
 * `encoding` is "utf-8" or "gb18030" (as read).  *counts and *batch_id
 * are set on ERR_OK; on anything else nothing is stored.  The cimport
 * belongs to `a` and lives only during the call.
 */
enum err	cimport_run(struct db *, struct arena *a,
		    const struct audit_actor *, long long agency_id,
		    const char *region, const struct credit_category *cat,
		    const char *file_name, const char *encoding,
		    cimport_feed_fn *feed, void *ctx,
		    struct cimport_counts *counts, long long *batch_id);
/*
 * The header row: each field (trimmed) names a fixed column or one of the
 * category's columns by its label (or its code).  A missing required
 * column or an unknown or repeated one is a batch error on row 1.
 * Returns ERR_OK whether or not the header was good (see
 * cimport_header_ok), or a database error.
 */
enum err	cimport_header(struct cimport *, size_t n, const char *const *s,
		    const size_t *len);
bool		cimport_header_ok(const struct cimport *);
/* One data row (fields as read, valid UTF-8; row_no as the user counts
 * them, header = 1): staged, or its errors recorded. */
enum err	cimport_row(struct cimport *, unsigned row_no, size_t n,
		    const char *const *s, const size_t *len);
/* An error the reader found on a row (broken quotes, bad encoding). */
enum err	cimport_fail(struct cimport *, unsigned row_no, const char *key);

/* --- batches ----------------------------------------------------------------- */

struct cbatch {
	long long		 id;
	long long		 agency_id;
	const char		*agency_name;
	const char		*region;
	int			 category_id;
	const char		*category_name;
	const char		*file_name;
	const char		*encoding;
	enum cbatch_status	 status;
	struct cimport_counts	 counts;
	const char		*uploaded_name, *uploaded_at;
	const char		*confirmed_name, *confirmed_at;
	const char		*withdrawn_name, *withdrawn_at;
	const char		*withdraw_note;
};

struct cbatch_list {
	struct cbatch	*v;
	size_t		 n;
	long long	 total;
};

/* A validated batch's row for the preview (the name is the enterprise's). */
struct cstaged {
	unsigned	 row_no;
	const char	*uscc, *ent_name, *decision_date, *period_end, *content;
	bool		 dup;
};

/* A row error; `key` is a strings.hdf Err.* key. */
struct cerror {
	unsigned	 row_no;
	const char	*col_label;
	const char	*value;
	const char	*key;
};

const char	*cbatch_status_name(enum cbatch_status);

/* Batch `id` when `sc` covers it: the agency's own users, the offices'
 * staff of its region, the system all (R-02.2; the predicate is in the
 * statement).  ERR_NOTFOUND for none in the scope, ERR_DB_LOST, ERR_DB. */
enum err	cbatch_get(struct db *, struct arena *, const struct scope *sc,
		    long long id, struct cbatch *);
/* Batches of one agency (agency_id != 0) or of the region scope, newest
 * first; page 0-based. */
enum err	cbatch_search(struct db *, struct arena *, const char *region,
		    long long agency_id, size_t page, size_t per_page,
		    struct cbatch_list *);
/* How many of the batches cbatch_search lists (region scope, agency_id
 * as there) are in `status`, into *n (the start page). */
enum err	cbatch_count(struct db *, struct arena *, const char *region,
		    long long agency_id, enum cbatch_status status, long long *n);
/* The first `max` staged rows and errors of a batch, by row. */
enum err	cbatch_staged(struct db *, struct arena *, long long id, size_t max,
		    struct cstaged **v, size_t *n);
enum err	cbatch_errors(struct db *, struct arena *, long long id, size_t max,
		    struct cerror **v, size_t *n);

/* What an opening of a batch's rows showed. */
struct cbatch_view {
	struct cstaged	*rows;		/* staged rows, while validated */
	size_t		 nrows;
	struct cerror	*errs;		/* row errors */
	size_t		 nerrs;
};

/*
 * Reads what a page shows of batch b -- the first max_rows staged rows
 * (while validated; max_rows 0: none) and the first max_errs errors --
 * and logs the look, in one transaction.  Staged rows and error values
 * are credit information not yet on record, so an office (office true:
 * the caller is not the batch's agency) that is shown any of them leaves
 * a credit_queries row (purpose "review", object the batch; org_kind and
 * org_id its own) and an audit row: "credit.batch.errors" for the
 * errors.csv export (`action`), "credit.batch.view" for the preview.  The
 * export is audited whoever downloads it (export true).  Nothing shown,
 * nothing logged.  ERR_DB_LOST, ERR_DB, ERR_NOMEM: nothing logged, *out
 * empty (rows in `a`).
 */
enum err	cbatch_open(struct db *, struct arena *a,
		    const struct audit_actor *, const struct cbatch *b,
		    bool office, const char *org_kind, long long org_id,
		    bool export, size_t max_rows, size_t max_errs,
		    struct cbatch_view *out);

/* Validated without errors -> confirmed (see above).  ERR_CONFLICT when
 * it is not (any more) validated or has errors. */
enum err	cbatch_confirm(struct db *, const struct audit_actor *, long long id,
		    unsigned *imported);
/* Validated -> discarded (its staged rows and errors are deleted). */
enum err	cbatch_discard(struct db *, const struct audit_actor *, long long id);
/* Confirmed -> withdrawn, with the reason. */
enum err	cbatch_withdraw(struct db *, const struct audit_actor *, long long id,
		    const char *note);

#endif
