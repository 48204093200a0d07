/*
 * retention.h -- what is past retention goes (issue 20, "Retention";
 * `duijie-admin purge`, daily from conf/systemd/duijie-purge.timer).
 *
 * retention_purge() deletes, per the config's Retention block
 * (core/config.h):
 *   - audit rows older than Retention.audit_days (audit_purge: the seals
 *     up to the last row that goes, one "audit.purge" row), never younger
 *     than AUDIT_KEEP_DAYS (6 months);
 *   - credit query log rows (credit_queries) older than
 *     Retention.queries_days, never younger than 6 months either;
 *   - SMS codes expired more than Retention.sms_days ago;
 *   - sessions past Session.idle or Session.absolute (no longer valid);
 *   - sign-in throttling windows a day past Auth.failure_window.
 * Each table goes in batches of RETENTION_BATCH rows, each batch one
 * transaction with its "retention.purge" audit row (object: the table,
 * detail: the rows and the cut-off), so the portals keep running.
 * The staging rows of confirmed (later withdrawn) and discarded credit
 * batches are already deleted by those steps (credit_import.c).
 * Needs the schema owner's account (DELETE on audit_log, sms_codes,
 * credit_queries).  ERR_DB, ERR_DB_LOST, ERR_FORBIDDEN (a cut-off inside
 * the legal minimum), ERR_NOMEM.
 */
#ifndef DUIJIE_DB_RETENTION_H
#define DUIJIE_DB_RETENTION_H

#include "core/config.h"
#include "db/audit.h"
#include "db/db.h"

#define RETENTION_BATCH 10000

struct retention_counts {
	long long	 audit;		/* audit rows deleted */
	long long	 queries;	/* credit_queries */
	long long	 sms;		/* sms_codes */
	long long	 sessions;
	long long	 throttle;	/* login_throttle windows */
	char		 audit_before[11];	/* YYYY-MM-DD: audit rows before it went */
};

enum err	retention_purge(struct db *, const struct audit_actor *,
		    const struct config *, struct retention_counts *);

#endif
