/*
 * audit.h -- the tamper-evident audit log (X-AUD).
 *
 * audit_write() appends one row in the caller's transaction: the row and
 * the change it records commit or vanish together.  Rows are chained: each
 * carries SHA-256(previous hash | its own fields), so editing, deleting or
 * inserting a row by hand breaks the chain at that row, which
 * audit_verify() reports.
 */
#ifndef DUIJIE_AUDIT_H
#define DUIJIE_AUDIT_H

#include <stdio.h>

#include "db/db.h"

/* Who did it, from where.  Strings may be NULL (stored as ""). */
struct audit_actor {
	long long	 user_id;	/* 0: nobody signed in */
	const char	*role;
	const char	*org;		/* "agency:12", "office:3" ... */
	const char	*region;
	const char	*portal;	/* "internet", "intranet", "admin" */
	const char	*client_addr;
	const char	*request_id;
};

enum audit_outcome { AUDIT_OK, AUDIT_DENIED, AUDIT_FAILED };

/*
 * Appends a row.  Must run inside a transaction (db_begin) so the chain
 * head stays locked until commit; `detail` must hold no secret and is cut
 * to 255 characters.  ERR_DB_LOST, ERR_DB.
 */
enum err	audit_write(struct db *, const struct audit_actor *,
		    const char *action, const char *object_type,
		    const char *object_id, enum audit_outcome,
		    const char *detail);

/* audit_write in a transaction of its own (for events that change
 * nothing else, such as a refused access). */
enum err	audit_write1(struct db *, const struct audit_actor *,
		    const char *action, const char *object_type,
		    const char *object_id, enum audit_outcome,
		    const char *detail);

/*
 * Walks the whole chain in id order.  Returns 0 when intact, else the id
 * of the first broken row (its hash does not match, its prev_hash does
 * not match its predecessor, ids skip, or the head disagrees), -1 on a
 * database error.  Writes a summary to `out` (may be NULL).
 */
long long	audit_verify(struct db *, FILE *out);

/*
 * Deletes rows older than `before` ("YYYY-MM-DD", UTC midnight) and
 * records the purge as a new row.  Refuses (ERR_FORBIDDEN) a date less
 * than AUDIT_KEEP_DAYS ago: security logs are kept at least 6 months
 * (网络安全法).  Needs the schema owner's handle: the workers' account
 * cannot delete audit rows.  *deleted receives the count.
 */
#define AUDIT_KEEP_DAYS 183
enum err	audit_purge(struct db *, const struct audit_actor *,
		    const char *before, long long *deleted);

/* The row hash: hex SHA-256 of prev_hash and the fields, '\x1f'-separated. */
void		audit_hash(const char *prev_hash, long long id, const char *at,
		    long long actor_id, const char *role, const char *org,
		    const char *region, const char *portal, const char *addr,
		    const char *rid, const char *action, const char *otype,
		    const char *oid, const char *outcome, const char *detail,
		    char out[65]);

#endif
