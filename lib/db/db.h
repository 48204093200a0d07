/*
 * db.h -- one MariaDB connection per worker, prepared statements only.
 *
 * Each data module declares its SQL once as an enum-indexed table (a
 * struct db_module); statements are prepared on first use on the current
 * connection and re-prepared after a reconnect.  No SQL is ever built
 * from input: values travel as bound parameters.
 *
 * A lost connection (2006, 2013, killed, unreachable) closes the handle
 * and returns ERR_DB_LOST; the next db_ensure() connects again.  There is
 * no silent reconnect (MYSQL_OPT_RECONNECT stays off), so a transaction
 * is never half-replayed.  One exception, after db_request_begin(): when
 * the connection turns out lost at the request's first statement and the
 * error proves that statement never ran (or it only reads), it runs once
 * more on a new connection -- a database restarted since the worker's last
 * request costs nothing, and a request still gets ERR_DB_LOST when the
 * database is really down.
 */
#ifndef DUIJIE_DB_H
#define DUIJIE_DB_H

#include <stdbool.h>
#include <stddef.h>
#include <string.h>

#include "core/arena.h"
#include "core/config.h"
#include "core/err.h"

/* Statement modules: one per data file in lib/db_*.c. */
enum dbm {
	DBM_CORE,	/* db.c itself: ping */
	DBM_MIGRATE,	/* migrate.c */
	DBM_REGION,	/* db_region.c */
	DBM_AUDIT,	/* audit.c */
	DBM_USER,	/* user.c */
	DBM_SESSION,	/* session.c */
	DBM_ORG,	/* org.c */
	DBM_SMS,	/* sms.c */
	DBM_ENTERPRISE,	/* enterprise.c */
	DBM_AUDITLOG,	/* auditlog.c */
	DBM_ENTLIST,	/* enterprise_list.c */
	DBM_CALENDAR,	/* workdays.c */
	DBM_AGENCY_FORM, /* agency_form.c */
	DBM_DEPARTURE,	/* departure.c */
	DBM_CREDIT_CAT,	/* credit_cat.c */
	DBM_CREDIT_IMPORT, /* credit_import.c */
	DBM_BENCH,	/* duijie-admin bench-insert */
	DBM_AGENCY,	/* agency.c */
	DBM_CREDIT_VIEW, /* credit_view.c */
	DBM_CLAIM,	/* claim.c */
	DBM_STAFF_REQUEST, /* staff_request.c */
	DBM_FINANCE_FI,	/* finance/fi.c */
	DBM_FINANCE_PRODUCT, /* finance/product.c */
	DBM_INBOX,	/* accounts/inbox.c */
	DBM_FILES,	/* store/files.c */
	DBM_PERM,	/* accounts/perm.c */
	DBM_FINANCE_LOAN, /* finance/loan.c */
	DBM_INFO_ARTICLE, /* info/article.c */
	DBM_INFO_FEEDBACK, /* info/feedback.c */
	DBM_FINANCE_MATCH, /* finance/match.c */
	DBM_FINANCE_LOAN_STATS, /* finance/loan_stats.c */
	DBM_INFO_EVENT,	/* info/event.c */
	DBM_INFO_RULE,	/* info/rule.c */
	DBM_FINANCE_LOAN_MSG, /* finance/loan_msg.c */
	DBM_INFO_OFFICE, /* info/office.c */
	DBM_CREDIT_OBJECTION, /* credit/objection.c */
	DBM_OVERSIGHT_MEASURE, /* oversight/measure.c */
	DBM_DB_RETENTION, /* db/retention.c */
	DBM__MAX
};

struct db_module {
	enum dbm		 id;
	size_t			 n;	/* entries in sql[] */
	const char *const	*sql;
};

enum db_ptype { DBP_NULL, DBP_INT, DBP_STR };

struct db_param {
	enum db_ptype	 t;
	const char	*s;
	size_t		 len;
	long long	 i;
};

#define DB_INT(v)	((struct db_param){ .t = DBP_INT, .i = (long long)(v) })
#define DB_STR(v)	((struct db_param){ .t = DBP_STR, .s = (v), .len = strlen(v) })
#define DB_STRN(v, n)	((struct db_param){ .t = DBP_STR, .s = (v), .len = (n) })
#define DB_NULL		((struct db_param){ .t = DBP_NULL })

struct db;
struct db_rows;

/* A handle that is not yet connected; NULL on OOM.  `admin` uses the
 * schema owner's account and allows multi-statement scripts. */
struct db	*db_new(const struct config_db *cfg, bool admin);
void		 db_free(struct db *);

/*
 * Marks the start of a request (worker_handle): until a statement has been
 * sent to the server, a connection found lost is replaced and the
 * statement run again, once (see above).  Never fails.  Handles that never
 * call it (duijie-admin, tests) never retry.
 */
void		 db_request_begin(struct db *);
/* Connects when not connected.  ERR_OK or ERR_DB_LOST (logged). */
enum err	 db_ensure(struct db *);
bool		 db_connected(const struct db *);
/* Drops the connection (tests, and after fork). */
void		 db_disconnect(struct db *);
/* The server's id of the current connection (0: none), for logs and tests. */
unsigned long	 db_thread_id(const struct db *);
/* A round trip through a prepared statement. */
enum err	 db_ping(struct db *);

/*
 * Transactions do not nest.  db_begin() inside an open transaction is
 * refused: it logs and returns ERR_CONFLICT, and the open transaction is
 * left as it was (the caller that owns it still commits or rolls back).
 * Otherwise ERR_OK, ERR_DB_LOST or ERR_DB.
 */
enum err	 db_begin(struct db *);
enum err	 db_commit(struct db *);
/* Never fails from the caller's point of view: a failed rollback drops
 * the connection, which rolls back on the server. */
void		 db_rollback(struct db *);
/* True between a successful db_begin() and its commit or rollback. */
bool		 db_in_tx(const struct db *);

/*
 * One transaction: creates a scratch arena of `scratch` bytes per chunk
 * (0: a default), begins, runs fn(db, scratch, ctx), commits when fn
 * returned ERR_OK and rolls back otherwise, then frees the arena.  fn
 * must not begin, commit or roll back itself, and must copy what it
 * hands back out of the scratch arena (into ctx's own arena).  Returns
 * fn's error, else the begin's or the commit's (a failed commit has
 * rolled back); ERR_NOMEM when the arena cannot be had (fn not run).
 * Refused like db_begin() when a transaction is already open.
 */
typedef enum err db_tx_fn(struct db *, struct arena *scratch, void *ctx);
enum err	 db_tx(struct db *, size_t scratch, db_tx_fn *fn, void *ctx);

/*
 * The end of a request (worker_handle, after the answer went out): a
 * transaction still open is a bug in a handler or mutator; it is logged
 * with the request id and rolled back, so that neither its locks nor its
 * changes outlive the request.  Returns true when it did so.
 */
bool		 db_request_end(struct db *, const char *request_id);

/*
 * Runs statement `idx` of `mod` with np parameters and returns its rows
 * in *rows, which belongs to `a` (freed with the arena, or earlier with
 * db_rows_free).  Errors: ERR_DB_LOST, ERR_DB_DUP, ERR_DB, ERR_NOMEM.
 */
enum err	 db_query(struct db *, struct arena *a,
		    const struct db_module *mod, int idx,
		    const struct db_param *p, size_t np, struct db_rows **rows);
/* 1 when a row is ready, 0 at the end, -1 on error. */
int		 db_next(struct db_rows *);
/* Column values of the current row.  Strings stay valid until the next
 * db_next(); NULL for SQL NULL.  Integers are 0 for NULL. */
const char	*db_col_str(const struct db_rows *, unsigned col);
char		*db_col_dup(const struct db_rows *, struct arena *, unsigned col);
long long	 db_col_int(const struct db_rows *, unsigned col);
bool		 db_col_null(const struct db_rows *, unsigned col);
unsigned long long db_rows_count(const struct db_rows *);
void		 db_rows_free(struct db_rows *);
/* A string column copied into `a`, "" for NULL (and on OOM). */
const char	*db_col_text(const struct db_rows *, struct arena *, unsigned col);
/* The error after db_next() returned -1: ERR_DB_LOST when the connection
 * went with it, else ERR_DB. */
enum err	 db_rows_error(const struct db *);
/*
 * Runs statement `idx` and reads every row into an array of `size`-byte
 * elements in `a`, each filled by fill(rows, a, element) (zeroed first).
 * *v is NULL when there are no rows.  Errors as db_query, plus the row
 * fetch's.
 */
typedef void	 db_fill_fn(const struct db_rows *, struct arena *, void *elem);
enum err	 db_query_list(struct db *, struct arena *a,
		    const struct db_module *mod, int idx,
		    const struct db_param *p, size_t np, size_t size,
		    db_fill_fn *fill, void **v, size_t *n);

/* Runs statement `idx`, a SELECT COUNT(*) (or any one integer), into *n:
 * the first column of the first row, 0 when there is none.  Errors as
 * db_query (*n = 0). */
enum err	 db_count(struct db *, struct arena *a,
		    const struct db_module *mod, int idx,
		    const struct db_param *p, size_t np, long long *n);

/* Runs a statement that returns no rows.  affected/insert_id may be NULL. */
enum err	 db_exec(struct db *, const struct db_module *mod, int idx,
		    const struct db_param *p, size_t np,
		    unsigned long long *affected, unsigned long long *insert_id);

/* Admin handles only: runs a script of one or more statements (schema
 * migrations).  On error copies the server's message into errbuf. */
enum err	 db_script(struct db *, const char *sql, size_t len,
		    char *errbuf, size_t errlen);

/*
 * A LIKE pattern: `pre`, then s with LIKE's own characters (% _ \) taken
 * literally, then `post`, in `a` ("%", s, "%" matches s anywhere; "", s,
 * "%" as a prefix).  NULL on OOM.
 */
char		*db_like(struct arena *a, const char *pre, const char *s,
		    const char *post);

#endif
