/*
 * retention.c -- deleting what is past retention (retention.h).
 */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "db/retention.h"

_Static_assert(RETENTION_MIN_LOG_DAYS == AUDIT_KEEP_DAYS,
    "the config's minimum and the audit purge's are the same 6 months");

enum {
	STMT_RET_QUERIES,
	STMT_RET_SMS,
	STMT_RET_SESSIONS,
	STMT_RET_THROTTLE,
	STMT_RET__MAX
};

#define STR_(x) #x
#define STR(x) STR_(x)

/* Each: DELETE ... LIMIT RETENTION_BATCH, the cut-off as parameters. */
static const char *const sql[STMT_RET__MAX] = {
	[STMT_RET_QUERIES] =
	    "DELETE FROM credit_queries WHERE at < UTC_TIMESTAMP() - INTERVAL ? DAY"
	    " ORDER BY id LIMIT " STR(RETENTION_BATCH),
	[STMT_RET_SMS] =
	    "DELETE FROM sms_codes WHERE expires_at < UTC_TIMESTAMP() - INTERVAL ? DAY"
	    " ORDER BY id LIMIT " STR(RETENTION_BATCH),
	[STMT_RET_SESSIONS] =
	    "DELETE FROM sessions WHERE last_seen_at < UTC_TIMESTAMP() - INTERVAL ? SECOND"
	    " OR created_at < UTC_TIMESTAMP() - INTERVAL ? SECOND"
	    " LIMIT " STR(RETENTION_BATCH),
	[STMT_RET_THROTTLE] =
	    "DELETE FROM login_throttle WHERE window_start < UTC_TIMESTAMP() - INTERVAL ? SECOND"
	    " LIMIT " STR(RETENTION_BATCH),
};

static const struct db_module mod = { DBM_DB_RETENTION, STMT_RET__MAX, sql };

/* purge_table: batches of one statement until fewer than a batch go; each
 * batch one transaction with its audit row. */
static enum err
purge_table(struct db *db, const struct audit_actor *a, int stmt,
    const char *table, const struct db_param *p, size_t np,
    const char *cutoff, long long *total)
{
	unsigned long long	 n;
	char			 detail[128];
	enum err		 rc;

	*total = 0;
	do {
		if ((rc = db_begin(db)) != ERR_OK)
			return rc;
		n = 0;
		if ((rc = db_exec(db, &mod, stmt, p, np, &n, NULL)) != ERR_OK)
			goto rollback;
		if (n > 0) {
			snprintf(detail, sizeof detail, "%llu rows, %s", n, cutoff);
			if ((rc = audit_write(db, a, "retention.purge", table, "",
			    AUDIT_OK, detail)) != ERR_OK)
				goto rollback;
		}
		if ((rc = db_commit(db)) != ERR_OK)
			return rc;
		*total += (long long)n;
	} while (n >= RETENTION_BATCH);
	return ERR_OK;
rollback:
	db_rollback(db);
	return rc;
}

enum err
retention_purge(struct db *db, const struct audit_actor *a,
    const struct config *cfg, struct retention_counts *out)
{
	const struct config_retention *r = &cfg->retention;
	unsigned	 audit_days, queries_days, sms_days;
	time_t		 t;
	struct tm	 tm;
	char		 cut[64];
	enum err	 rc;

	memset(out, 0, sizeof *out);
	/* the legal minimum holds whatever the config says */
	audit_days = r->audit_days < AUDIT_KEEP_DAYS ? AUDIT_KEEP_DAYS : r->audit_days;
	queries_days = r->queries_days < RETENTION_MIN_LOG_DAYS ?
	    RETENTION_MIN_LOG_DAYS : r->queries_days;
	sms_days = r->sms_days < RETENTION_MIN_SMS_DAYS ?
	    RETENTION_MIN_SMS_DAYS : r->sms_days;

	/* audit rows: before the UTC day audit_days ago (audit_purge seals
	 * first, audits itself and refuses anything inside 6 months) */
	t = time(NULL) - (time_t)audit_days * 86400;
	gmtime_r(&t, &tm);
	strftime(out->audit_before, sizeof out->audit_before, "%Y-%m-%d", &tm);
	if ((rc = audit_purge(db, a, out->audit_before, &out->audit)) != ERR_OK)
		return rc;
	{
		struct db_param p[] = { DB_INT(queries_days) };

		snprintf(cut, sizeof cut, "older than %u days", queries_days);
		if ((rc = purge_table(db, a, STMT_RET_QUERIES, "credit_queries",
		    p, 1, cut, &out->queries)) != ERR_OK)
			return rc;
	}
	{
		struct db_param p[] = { DB_INT(sms_days) };

		snprintf(cut, sizeof cut, "expired more than %u days ago", sms_days);
		if ((rc = purge_table(db, a, STMT_RET_SMS, "sms_codes", p, 1, cut,
		    &out->sms)) != ERR_OK)
			return rc;
	}
	{
		struct db_param p[] = { DB_INT(cfg->auth.session_idle),
			DB_INT(cfg->auth.session_absolute) };

		snprintf(cut, sizeof cut, "idle over %us or older than %us",
		    cfg->auth.session_idle, cfg->auth.session_absolute);
		if ((rc = purge_table(db, a, STMT_RET_SESSIONS, "sessions", p, 2,
		    cut, &out->sessions)) != ERR_OK)
			return rc;
	}
	{
		struct db_param p[] = { DB_INT((long long)cfg->auth.failure_window + 86400) };

		snprintf(cut, sizeof cut, "windows older than %llus",
		    (unsigned long long)cfg->auth.failure_window + 86400);
		if ((rc = purge_table(db, a, STMT_RET_THROTTLE, "login_throttle",
		    p, 1, cut, &out->throttle)) != ERR_OK)
			return rc;
	}
	return ERR_OK;
}
