/*
 * db.c -- MariaDB Connector/C: connection, lazy prepared statements,
 * typed binding, rows into the request arena.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include <mysql.h>
#include <errmsg.h>
#include <mysqld_error.h>

#include "db/db.h"
#include "core/log.h"

/* MariaDB-specific server errors that mean "this connection is gone". */
#ifndef ER_CONNECTION_KILLED
#define ER_CONNECTION_KILLED 1927
#endif
#define ER_CLIENT_INTERACTION_TIMEOUT_ 4031

/* After this much idleness a cheap ping precedes the next request, so a
 * connection the server dropped overnight costs a reconnect, not a 503. */
#define DB_IDLE_PING_SECS 60

enum { STMT_CORE_PING, STMT_CORE__MAX };

static const char *const core_sql[STMT_CORE__MAX] = {
	[STMT_CORE_PING] = "SELECT 1",
};

static const struct db_module core_module = {
	DBM_CORE, STMT_CORE__MAX, core_sql
};

struct db {
	MYSQL			*m;
	const struct config_db	*cfg;
	bool			 admin;
	bool			 in_tx;
	time_t			 last_used;
	unsigned		 gen;	/* bumped at every disconnect */
	unsigned		 last_code;	/* of the last lost connection */
	bool			 retry_armed;	/* db_request_begin() was called */
	bool			 req_ran;	/* a statement of this request was sent */
	MYSQL_STMT		**stmts[DBM__MAX];
	size_t			 nstmts[DBM__MAX];
};

#define COL_INIT 256

struct db_rows {
	struct db	*db;
	MYSQL_STMT	*st;
	unsigned	 ncol;
	MYSQL_BIND	*b;
	unsigned long	*len;
	my_bool		*isnull;
	my_bool		*error;
	long long	*ints;
	bool		*is_int;
	char		**buf;
	size_t		*cap;
	struct arena	*a;
	unsigned	 gen;	/* db->gen when the statement ran */
	bool		 done;
};

static bool
is_lost(unsigned code)
{
	switch (code) {
	case CR_SERVER_GONE_ERROR:
	case CR_SERVER_LOST:
	case CR_CONNECTION_ERROR:
	case CR_CONN_HOST_ERROR:
	case CR_SERVER_LOST_EXTENDED:
	case ER_CONNECTION_KILLED:
	case ER_CLIENT_INTERACTION_TIMEOUT_:
	case ER_SERVER_SHUTDOWN:
		return true;
	default:
		return false;
	}
}

/*
 * After a lost connection, may the statement that hit it run again on a new
 * one?  `sent`: the statement itself went to the server (not only its
 * prepare, which changes nothing).  A statement is run again only when the
 * error proves it never ran -- the server had closed or killed the idle
 * connection before it arrived (2006, 1927, 4031) -- or when running it
 * twice changes nothing (`readonly`).  2013 ("lost during query") and a
 * shutdown in progress leave a write's fate unknown: never repeated.
 */
static bool
retryable(unsigned code, bool sent, bool readonly)
{
	if (!sent || readonly)
		return is_lost(code) && code != CR_CONNECTION_ERROR &&
		    code != CR_CONN_HOST_ERROR;
	switch (code) {
	case CR_SERVER_GONE_ERROR:
	case ER_CONNECTION_KILLED:
	case ER_CLIENT_INTERACTION_TIMEOUT_:
		return true;
	default:
		return false;
	}
}

/* A statement that changes nothing when it runs twice. */
static bool
sql_readonly(const char *sql)
{
	while (*sql == ' ' || *sql == '\t' || *sql == '\n' || *sql == '(')
		sql++;
	return strncasecmp(sql, "SELECT", 6) == 0 ||
	    strncasecmp(sql, "START TRANSACTION", 17) == 0;
}

void
db_request_begin(struct db *db)
{
	db->retry_armed = true;
	db->req_ran = false;
}

/* True when the statement that just failed with ERR_DB_LOST is to run
 * again on a new connection (once: the caller counts). */
static bool
retry_now(struct db *db, bool armed, bool sent, const char *sql)
{
	if (!armed || !retryable(db->last_code, sent, sql_readonly(sql)))
		return false;
	log_warn("db: connection lost (%u) before the request's first "
	    "statement ran; running it on a new connection", db->last_code);
	return true;
}

struct db *
db_new(const struct config_db *cfg, bool admin)
{
	struct db *db;

	if ((db = calloc(1, sizeof *db)) == NULL)
		return NULL;
	db->cfg = cfg;
	db->admin = admin;
	return db;
}

void
db_disconnect(struct db *db)
{
	for (int i = 0; i < DBM__MAX; i++) {
		for (size_t j = 0; j < db->nstmts[i]; j++)
			if (db->stmts[i][j] != NULL)
				mysql_stmt_close(db->stmts[i][j]);
		free(db->stmts[i]);
		db->stmts[i] = NULL;
		db->nstmts[i] = 0;
	}
	if (db->m != NULL)
		mysql_close(db->m);
	db->m = NULL;
	db->in_tx = false;
	db->gen++;
}

void
db_free(struct db *db)
{
	if (db == NULL)
		return;
	db_disconnect(db);
	free(db);
}

unsigned long
db_thread_id(const struct db *db)
{
	return db->m != NULL ? mysql_thread_id(db->m) : 0;
}

bool
db_connected(const struct db *db)
{
	return db->m != NULL;
}

/* Logs the handle's error, drops a lost connection, maps the code. */
static enum err
fail_conn(struct db *db, const char *what)
{
	unsigned code = mysql_errno(db->m);

	if (code == ER_DUP_ENTRY)
		return ERR_DB_DUP;
	log_error("db: %s: %u %s", what, code, mysql_error(db->m));
	if (is_lost(code)) {
		db->last_code = code;
		db_disconnect(db);
		return ERR_DB_LOST;
	}
	return ERR_DB;
}

static enum err
fail_stmt(struct db *db, MYSQL_STMT *st, const char *what)
{
	unsigned code = mysql_stmt_errno(st);

	if (code == ER_DUP_ENTRY)
		return ERR_DB_DUP;
	log_error("db: %s: %u %s", what, code, mysql_stmt_error(st));
	if (is_lost(code)) {
		db->last_code = code;
		db_disconnect(db);
		return ERR_DB_LOST;
	}
	return ERR_DB;
}

enum err
db_ensure(struct db *db)
{
	const struct config_db	*c = db->cfg;
	MYSQL			*m;
	my_bool			 off = 0;
	unsigned		 zero = 0;
	unsigned long		 flags = 0;
	time_t			 now = time(NULL);
	const char		*init =
	    "SET time_zone = '+00:00', sql_mode = 'STRICT_ALL_TABLES,"
	    "ERROR_FOR_DIVISION_BY_ZERO,NO_ZERO_DATE,NO_ZERO_IN_DATE,"
	    "NO_ENGINE_SUBSTITUTION,ONLY_FULL_GROUP_BY'";

	if (db->m != NULL) {
		if (!db->in_tx && now - db->last_used > DB_IDLE_PING_SECS &&
		    mysql_ping(db->m) != 0) {
			log_warn("db: idle connection was dropped (%u), "
			    "reconnecting", mysql_errno(db->m));
			db_disconnect(db);
		} else {
			db->last_used = now;
			return ERR_OK;
		}
	}
	if ((m = mysql_init(NULL)) == NULL)
		return ERR_NOMEM;
	mysql_options(m, MYSQL_SET_CHARSET_NAME, "utf8mb4");
	mysql_options(m, MYSQL_OPT_RECONNECT, &off);
	mysql_options(m, MYSQL_OPT_LOCAL_INFILE, &zero);
	mysql_options(m, MYSQL_OPT_CONNECT_TIMEOUT, &c->connect_timeout);
	mysql_options(m, MYSQL_OPT_READ_TIMEOUT, &c->read_timeout);
	mysql_options(m, MYSQL_OPT_WRITE_TIMEOUT, &c->write_timeout);
	mysql_options(m, MYSQL_INIT_COMMAND, init);
	if (db->admin)
		flags |= CLIENT_MULTI_STATEMENTS;
	if (mysql_real_connect(m, NULL,
	    db->admin ? c->admin_user : c->user,
	    db->admin ? c->admin_password : c->password,
	    c->name, 0, c->socket, flags) == NULL) {
		log_error("db: connect to %s as %s: %u %s", c->socket,
		    db->admin ? c->admin_user : c->user, mysql_errno(m),
		    mysql_error(m));
		mysql_close(m);
		db->last_code = 0;	/* really down: nothing to retry */
		return ERR_DB_LOST;
	}
	/* close-on-exec, whatever Connector/C did: no child (the SMS
	 * command) is to hold the connection (issue 12 item 18) */
	if (mysql_get_socket(m) >= 0)
		(void)fcntl((int)mysql_get_socket(m), F_SETFD, FD_CLOEXEC);
	db->m = m;
	db->in_tx = false;
	db->last_used = now;
	return ERR_OK;
}

/* The prepared statement for (mod, idx) on the current connection. */
static enum err
stmt_get(struct db *db, const struct db_module *mod, int idx,
    MYSQL_STMT **out)
{
	MYSQL_STMT	*st;
	const char	*sql;
	enum err	 rc;

	if (idx < 0 || (size_t)idx >= mod->n || mod->sql[idx] == NULL)
		return ERR_INVAL;
	if ((rc = db_ensure(db)) != ERR_OK)
		return rc;
	if (db->stmts[mod->id] == NULL) {
		db->stmts[mod->id] = calloc(mod->n, sizeof *db->stmts[0]);
		if (db->stmts[mod->id] == NULL)
			return ERR_NOMEM;
		db->nstmts[mod->id] = mod->n;
	}
	if ((st = db->stmts[mod->id][idx]) != NULL) {
		*out = st;
		return ERR_OK;
	}
	if ((st = mysql_stmt_init(db->m)) == NULL)
		return fail_conn(db, "stmt_init");
	sql = mod->sql[idx];
	if (mysql_stmt_prepare(st, sql, strlen(sql)) != 0) {
		rc = fail_stmt(db, st, "prepare");
		log_error("db: the statement was: %s", sql);
		mysql_stmt_close(st);
		return rc;
	}
	if (db->m == NULL) {	/* lost while preparing */
		mysql_stmt_close(st);
		return ERR_DB_LOST;
	}
	db->stmts[mod->id][idx] = st;
	*out = st;
	return ERR_OK;
}

static enum err
bind_params(MYSQL_STMT *st, const struct db_param *p, size_t np,
    MYSQL_BIND *b, unsigned long *len, my_bool *isnull)
{
	if (mysql_stmt_param_count(st) != np) {
		log_error("db: statement wants %lu parameters, got %zu",
		    mysql_stmt_param_count(st), np);
		return ERR_INVAL;
	}
	if (np == 0)
		return ERR_OK;
	memset(b, 0, np * sizeof *b);
	for (size_t i = 0; i < np; i++) {
		switch (p[i].t) {
		case DBP_NULL:
			isnull[i] = 1;
			b[i].buffer_type = MYSQL_TYPE_NULL;
			b[i].is_null = &isnull[i];
			break;
		case DBP_INT:
			b[i].buffer_type = MYSQL_TYPE_LONGLONG;
			b[i].buffer = (void *)&p[i].i;
			break;
		case DBP_STR:
			len[i] = p[i].len;
			b[i].buffer_type = MYSQL_TYPE_STRING;
			b[i].buffer = (void *)p[i].s;
			b[i].buffer_length = p[i].len;
			b[i].length = &len[i];
			break;
		}
	}
	return mysql_stmt_bind_param(st, b) == 0 ? ERR_OK : ERR_DB;
}

#define PARAMS_STACK 64		/* more (multi-row inserts) go to the heap */
#define PARAMS_MAX 8192	/* the credit import: 512 rows x 10 */

static enum err
run(struct db *db, const struct db_module *mod, int idx,
    const struct db_param *p, size_t np, MYSQL_STMT **out)
{
	MYSQL_STMT	*st = NULL;
	MYSQL_BIND	 sb[PARAMS_STACK], *b = sb;
	unsigned long	 slen[PARAMS_STACK], *len = slen;
	my_bool		 snull[PARAMS_STACK], *isnull = snull;
	enum err	 rc;
	bool		 armed = db->retry_armed && !db->req_ran && !db->in_tx;
	bool		 sent = false;

	if (np > PARAMS_MAX)
		return ERR_INVAL;
	if (np > PARAMS_STACK) {
		b = calloc(np, sizeof *b);
		len = calloc(np, sizeof *len);
		isnull = calloc(np, sizeof *isnull);
		if (b == NULL || len == NULL || isnull == NULL) {
			rc = ERR_NOMEM;
			goto out;
		}
	}
	for (int attempt = 0;; attempt++) {
		db->last_code = 0;
		sent = false;
		if ((rc = stmt_get(db, mod, idx, &st)) == ERR_OK &&
		    (rc = bind_params(st, p, np, b, len, isnull)) == ERR_OK) {
			sent = true;
			if (mysql_stmt_execute(st) != 0)
				rc = fail_stmt(db, st, "execute");
		}
		if (rc != ERR_DB_LOST || attempt > 0 ||
		    !retry_now(db, armed, sent, mod->sql[idx]))
			break;
	}
	if (sent)
		db->req_ran = true;
	if (rc == ERR_OK)
		*out = st;
out:
	if (b != sb) {
		free(b);
		free(len);
		free(isnull);
	}
	return rc;
}

static void
rows_cleanup(void *arg)
{
	db_rows_free(arg);
}

enum err
db_query(struct db *db, struct arena *a, const struct db_module *mod,
    int idx, const struct db_param *p, size_t np, struct db_rows **out)
{
	MYSQL_STMT	*st;
	MYSQL_RES	*meta;
	MYSQL_FIELD	*f;
	struct db_rows	*r;
	enum err	 rc;

	if ((rc = run(db, mod, idx, p, np, &st)) != ERR_OK)
		return rc;
	if ((r = arena_calloc(a, 1, sizeof *r)) == NULL)
		goto nomem;
	r->db = db;
	r->st = st;
	r->gen = db->gen;
	r->a = a;
	r->ncol = mysql_stmt_field_count(st);
	r->b = arena_calloc(a, r->ncol + 1, sizeof *r->b);
	r->len = arena_calloc(a, r->ncol + 1, sizeof *r->len);
	r->isnull = arena_calloc(a, r->ncol + 1, sizeof *r->isnull);
	r->error = arena_calloc(a, r->ncol + 1, sizeof *r->error);
	r->ints = arena_calloc(a, r->ncol + 1, sizeof *r->ints);
	r->is_int = arena_calloc(a, r->ncol + 1, sizeof *r->is_int);
	r->buf = arena_calloc(a, r->ncol + 1, sizeof *r->buf);
	r->cap = arena_calloc(a, r->ncol + 1, sizeof *r->cap);
	if (r->b == NULL || r->len == NULL || r->isnull == NULL ||
	    r->error == NULL || r->ints == NULL || r->is_int == NULL ||
	    r->buf == NULL || r->cap == NULL)
		goto nomem;
	if ((meta = mysql_stmt_result_metadata(st)) == NULL) {
		mysql_stmt_free_result(st);
		log_error("db: statement %d of module %d returns no rows", idx, mod->id);
		return ERR_INVAL;
	}
	f = mysql_fetch_fields(meta);
	for (unsigned i = 0; i < r->ncol; i++) {
		switch (f[i].type) {
		case MYSQL_TYPE_TINY:
		case MYSQL_TYPE_SHORT:
		case MYSQL_TYPE_LONG:
		case MYSQL_TYPE_INT24:
		case MYSQL_TYPE_LONGLONG:
		case MYSQL_TYPE_YEAR:
			r->is_int[i] = true;
			r->b[i].buffer_type = MYSQL_TYPE_LONGLONG;
			r->b[i].buffer = &r->ints[i];
			r->b[i].is_unsigned = (f[i].flags & UNSIGNED_FLAG) != 0;
			break;
		default:
			if ((r->buf[i] = arena_alloc(a, COL_INIT)) == NULL) {
				mysql_free_result(meta);
				goto nomem;
			}
			r->cap[i] = COL_INIT;
			r->b[i].buffer_type = MYSQL_TYPE_STRING;
			r->b[i].buffer = r->buf[i];
			r->b[i].buffer_length = COL_INIT - 1;
			break;
		}
		r->b[i].length = &r->len[i];
		r->b[i].is_null = &r->isnull[i];
		r->b[i].error = &r->error[i];
	}
	mysql_free_result(meta);
	if (mysql_stmt_bind_result(st, r->b) != 0 ||
	    mysql_stmt_store_result(st) != 0) {
		rc = fail_stmt(db, st, "store_result");
		if (db->m != NULL)
			mysql_stmt_free_result(st);
		return rc;
	}
	if (arena_cleanup(a, rows_cleanup, r) == -1) {
		mysql_stmt_free_result(st);
		return ERR_NOMEM;
	}
	*out = r;
	return ERR_OK;
nomem:
	mysql_stmt_free_result(st);
	return ERR_NOMEM;
}

int
db_next(struct db_rows *r)
{
	int rc;

	if (r->done)
		return 0;
	if (r->db->m == NULL || r->db->gen != r->gen) {
		r->done = true;
		return -1;
	}
	rc = mysql_stmt_fetch(r->st);
	if (rc == MYSQL_NO_DATA) {
		db_rows_free(r);
		return 0;
	}
	if (rc == 1) {
		fail_stmt(r->db, r->st, "fetch");
		db_rows_free(r);
		return -1;
	}
	for (unsigned i = 0; i < r->ncol; i++) {
		if (r->is_int[i] || r->isnull[i])
			continue;
		if (r->len[i] + 1 > r->cap[i]) {
			/* Truncated: grow and fetch the whole column. */
			size_t cap = r->len[i] + 1;
			char *nb = arena_alloc(r->a, cap);

			if (nb == NULL) {
				db_rows_free(r);
				return -1;
			}
			r->buf[i] = nb;
			r->cap[i] = cap;
			r->b[i].buffer = nb;
			r->b[i].buffer_length = cap - 1;
			if (mysql_stmt_fetch_column(r->st, &r->b[i], i, 0) != 0) {
				fail_stmt(r->db, r->st, "fetch_column");
				db_rows_free(r);
				return -1;
			}
		}
		r->buf[i][r->len[i]] = '\0';
	}
	return 1;
}

const char *
db_col_str(const struct db_rows *r, unsigned col)
{
	if (col >= r->ncol || r->isnull[col])
		return NULL;
	if (r->is_int[col]) {
		/* Rare: an integer read as text.  Format into the spare slot. */
		char *s = arena_printf(r->a, r->b[col].is_unsigned ? "%llu" : "%lld",
		    r->ints[col]);
		return s;
	}
	return r->buf[col];
}

char *
db_col_dup(const struct db_rows *r, struct arena *a, unsigned col)
{
	const char *s = db_col_str(r, col);

	return s == NULL ? NULL : arena_strdup(a, s);
}

long long
db_col_int(const struct db_rows *r, unsigned col)
{
	if (col >= r->ncol || r->isnull[col])
		return 0;
	if (!r->is_int[col]) {
		char *end;
		long long v = strtoll(r->buf[col], &end, 10);

		return *end == '\0' ? v : 0;
	}
	return r->ints[col];
}

bool
db_col_null(const struct db_rows *r, unsigned col)
{
	return col >= r->ncol || r->isnull[col];
}

const char *
db_col_text(const struct db_rows *r, struct arena *a, unsigned col)
{
	const char *s = db_col_dup(r, a, col);

	return s != NULL ? s : "";
}

enum err
db_rows_error(const struct db *db)
{
	return db_connected(db) ? ERR_DB : ERR_DB_LOST;
}

enum err
db_query_list(struct db *db, struct arena *a, const struct db_module *mod,
    int idx, const struct db_param *p, size_t np, size_t size,
    db_fill_fn *fill, void **v, size_t *n)
{
	struct db_rows		*rows;
	unsigned long long	 cnt;
	unsigned char		*out = NULL;
	enum err		 rc;
	int			 r = 0;

	*v = NULL;
	*n = 0;
	if ((rc = db_query(db, a, mod, idx, p, np, &rows)) != ERR_OK)
		return rc;
	cnt = db_rows_count(rows);
	if (cnt > 0 && (out = arena_calloc(a, cnt, size)) == NULL) {
		db_rows_free(rows);
		return ERR_NOMEM;
	}
	while (*n < cnt && (r = db_next(rows)) == 1)
		fill(rows, a, out + (*n)++ * size);
	db_rows_free(rows);
	if (r == -1)
		return db_rows_error(db);
	*v = out;
	return ERR_OK;
}

enum err
db_count(struct db *db, struct arena *a, const struct db_module *mod, int idx,
    const struct db_param *p, size_t np, long long *n)
{
	struct db_rows	*rows;
	enum err	 rc;
	int		 k;

	*n = 0;
	if ((rc = db_query(db, a, mod, idx, p, np, &rows)) != ERR_OK)
		return rc;
	if ((k = db_next(rows)) == 1)
		*n = db_col_int(rows, 0);
	db_rows_free(rows);
	return k == -1 ? db_rows_error(db) : ERR_OK;
}

unsigned long long
db_rows_count(const struct db_rows *r)
{
	return r->done || r->db->gen != r->gen ? 0 : mysql_stmt_num_rows(r->st);
}

void
db_rows_free(struct db_rows *r)
{
	if (r == NULL || r->done)
		return;
	r->done = true;
	/* The statement may have died with its connection. */
	if (r->db->m != NULL && r->db->gen == r->gen)
		mysql_stmt_free_result(r->st);
}

enum err
db_exec(struct db *db, const struct db_module *mod, int idx,
    const struct db_param *p, size_t np, unsigned long long *affected,
    unsigned long long *insert_id)
{
	MYSQL_STMT	*st;
	enum err	 rc;

	if ((rc = run(db, mod, idx, p, np, &st)) != ERR_OK)
		return rc;
	if (affected != NULL)
		*affected = mysql_stmt_affected_rows(st);
	if (insert_id != NULL)
		*insert_id = mysql_stmt_insert_id(st);
	return ERR_OK;
}

enum err
db_ping(struct db *db)
{
	struct arena	*a;
	struct db_rows	*r;
	enum err	 rc;

	if ((a = arena_new(1024)) == NULL)
		return ERR_NOMEM;
	rc = db_query(db, a, &core_module, STMT_CORE_PING, NULL, 0, &r);
	if (rc == ERR_OK && (db_next(r) != 1 || db_col_int(r, 0) != 1))
		rc = db->m == NULL ? ERR_DB_LOST : ERR_DB;
	arena_free(a);
	return rc;
}

static enum err
simple(struct db *db, const char *sql)
{
	bool		armed = db->retry_armed && !db->req_ran && !db->in_tx;
	enum err	rc;

	for (int attempt = 0;; attempt++) {
		db->last_code = 0;
		if ((rc = db_ensure(db)) != ERR_OK)
			return rc;
		db->req_ran = true;
		if (mysql_real_query(db->m, sql, strlen(sql)) == 0)
			return ERR_OK;
		rc = fail_conn(db, sql);
		if (rc != ERR_DB_LOST || attempt > 0 ||
		    !retry_now(db, armed, true, sql))
			return rc;
	}
}

enum err
db_begin(struct db *db)
{
	enum err rc;

	if (db->in_tx) {
		log_error("db: db_begin inside an open transaction refused "
		    "(transactions do not nest)");
		return ERR_CONFLICT;
	}
	if ((rc = simple(db, "START TRANSACTION")) == ERR_OK)
		db->in_tx = true;
	return rc;
}

bool
db_in_tx(const struct db *db)
{
	return db->in_tx;
}

enum err
db_tx(struct db *db, size_t scratch, db_tx_fn *fn, void *ctx)
{
	struct arena	*a;
	enum err	 rc;

	if ((a = arena_new(scratch > 0 ? scratch : 1024)) == NULL)
		return ERR_NOMEM;
	if ((rc = db_begin(db)) == ERR_OK) {
		if ((rc = fn(db, a, ctx)) == ERR_OK)
			rc = db_commit(db);
		else
			db_rollback(db);
	}
	arena_free(a);
	return rc;
}

bool
db_request_end(struct db *db, const char *request_id)
{
	if (!db->in_tx)
		return false;
	log_error("db: rid=%s: a transaction was still open at the end of "
	    "the request; rolled back", request_id != NULL ? request_id : "-");
	db_rollback(db);
	return true;
}

enum err
db_commit(struct db *db)
{
	enum err rc;

	if (db->m == NULL)
		return ERR_DB_LOST;
	if (mysql_commit(db->m) != 0) {
		rc = fail_conn(db, "commit");
		db_rollback(db);
		return rc;
	}
	db->in_tx = false;
	return ERR_OK;
}

void
db_rollback(struct db *db)
{
	if (db->m != NULL && mysql_rollback(db->m) != 0) {
		log_error("db: rollback: %u %s; dropping the connection",
		    mysql_errno(db->m), mysql_error(db->m));
		db_disconnect(db);
	}
	db->in_tx = false;
}

enum err
db_script(struct db *db, const char *sql, size_t len, char *errbuf,
    size_t errlen)
{
	enum err	rc;
	int		status;

	if (!db->admin)
		return ERR_INVAL;
	if ((rc = db_ensure(db)) != ERR_OK) {
		snprintf(errbuf, errlen, "cannot connect");
		return rc;
	}
	if (mysql_real_query(db->m, sql, len) != 0)
		goto fail;
	do {
		MYSQL_RES *res = mysql_store_result(db->m);

		if (res != NULL)
			mysql_free_result(res);
		else if (mysql_field_count(db->m) != 0)
			goto fail;
		if ((status = mysql_next_result(db->m)) > 0)
			goto fail;
	} while (status == 0);
	return ERR_OK;
fail:
	snprintf(errbuf, errlen, "%u %s", mysql_errno(db->m), mysql_error(db->m));
	return is_lost(mysql_errno(db->m)) ? ERR_DB_LOST : ERR_DB;
}

char *
db_like(struct arena *a, const char *pre, const char *s, const char *post)
{
	size_t	 n = strlen(s), np = strlen(pre), nq = strlen(post), j = np;
	char	*out = arena_alloc(a, np + 2 * n + nq + 1);

	if (out == NULL)
		return NULL;
	memcpy(out, pre, np);
	for (size_t i = 0; i < n; i++) {
		if (s[i] == '%' || s[i] == '_' || s[i] == '\\')
			out[j++] = '\\';
		out[j++] = s[i];
	}
	memcpy(out + j, post, nq + 1);
	return out;
}
