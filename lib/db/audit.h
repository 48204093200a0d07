/*
 * audit.h -- the tamper-evident audit log (X-AUD).
 *
 * audit_write() appends one row in the caller's transaction: the row and
 * the change it records commit or vanish together.  The row is inserted
 * unchained (AUTO_INCREMENT id, the hash of its own fields), so audited
 * transactions share no locked row.  After the commit a sealer chains it:
 * audit_seal() takes audit_head in a short transaction of its own and
 * appends an audit_seal row per committed unsealed row, each carrying
 * SHA-256(previous chain | seq | row id | row hash).  Editing, deleting,
 * swapping or truncating a sealed row breaks the chain at that row, which
 * audit_verify() reports (docs/SECURITY.md says what an unsealed row is
 * open to, and for how long).  Rows before schema/032_audit_seal.sql
 * keep the older chain (prev_hash, hash), checked the old way.
 */
#ifndef DUIJIE_AUDIT_H
#define DUIJIE_AUDIT_H

#include <stdbool.h>
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
 * Appends a row, unchained, in the caller's transaction (db_begin): it
 * locks nothing any other audited transaction needs.  `detail` must hold
 * no secret and is cut to 255 characters.  Marks this process as having
 * rows to seal (audit_seal_after).  ERR_DB_LOST, ERR_DB.
 *
 * Bench only: with DUIJIE_BENCH_AUDIT_LOCK=1 in the environment it first
 * locks audit_head FOR UPDATE, which the transaction then holds through
 * its commit -- the global lock of the chain before 032 -- and the
 * process does not seal (scripts/bench/run compares the two).
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
 * The sealer.  AUDIT_SEAL_BATCH rows per transaction; an AUTO_INCREMENT
 * id missing below sealed ones (a rolled-back transaction's, or one still
 * open) is waited for: a row that commits later is sealed then, after the
 * rows above it; the sealer stops looking once the row after the gap is
 * AUDIT_SEAL_GRACE seconds old.  A worker seals at most every
 * AUDIT_SEAL_EVERY_MS, and looks below the head for late rows at most
 * once a second.
 */
#define AUDIT_SEAL_BATCH	1000
#define AUDIT_SEAL_GRACE	30
#define AUDIT_SEAL_EVERY_MS	100

/*
 * Chains every committed unsealed row, in transactions of its own (must
 * be called outside one: ERR_CONFLICT).  wait: block on the head until
 * another sealer is done (duijie-admin); otherwise ERR_CONFLICT at once
 * when another sealer holds it (SKIP LOCKED).  *sealed (may be NULL)
 * receives the count.  ERR_DB, ERR_DB_LOST, ERR_NOMEM.
 */
enum err	audit_seal(struct db *, bool wait, long long *sealed);

/* Milliseconds until this process should seal (0: now), -1 when it
 * wrote no row since its last seal (the worker's poll timeout). */
int		audit_seal_due(void);

/* The worker, after its answer: audit_seal(db, false) when due; a busy
 * head or a failure leaves the process due again (logged, no error). */
void		audit_seal_after(struct db *);

/*
 * Seals what has committed (audit_seal, waiting), then walks the old
 * chain in id order and the seals in seq order.  Returns 0 when intact,
 * else the id of the first broken row (its hash does not match, it is
 * gone, its seal does not chain to the one before, seqs skip, the head
 * disagrees, or a row below the sealer's floor is not sealed), -1 on a
 * database error.  Writes a summary and the tip to `out` (may be NULL).
 */
long long	audit_verify(struct db *, FILE *out);

/*
 * Checks a tip copied out of the database (the workers' log line "audit
 * sealed ... tip SEQ:HASH"): 0 when seal SEQ still carries HASH, else the id of
 * the row that seal names (the chain was rewritten at or before it; the
 * newest row the head names when the seal is gone), -1 on a database
 * error.  Run after audit_verify().
 */
long long	audit_check_tip(struct db *, long long seq, const char *hash);

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

/* The old chain's row hash (rows before 032): hex SHA-256 of prev_hash
 * and the fields, '\x1f'-separated. */
void		audit_hash(const char *prev_hash, long long id, const char *at,
		    long long actor_id, const char *role, const char *org,
		    const char *region, const char *portal, const char *addr,
		    const char *rid, const char *action, const char *otype,
		    const char *oid, const char *outcome, const char *detail,
		    char out[65]);

/* An unchained row's hash: hex SHA-256 of "row" and its fields (not its
 * id, which AUTO_INCREMENT gives at the insert: the seal binds the two). */
void		audit_row_hash(const char *at, long long actor_id,
		    const char *role, const char *org, const char *region,
		    const char *portal, const char *addr, const char *rid,
		    const char *action, const char *otype, const char *oid,
		    const char *outcome, const char *detail, char out[65]);

/* A seal's chain value: hex SHA-256 of "seal", the previous chain value,
 * the seq, the row id and the row hash. */
void		audit_chain_hash(const char *prev_chain, long long seq,
		    long long log_id, const char *row_hash, char out[65]);

#endif
