/*
 * claim.h -- claiming an enterprise that exists without users, e.g. one a
 * credit import created (R-06.1, R-09.4, X-SEC, X-AUD).
 *
 * A registration for such a row must match the legal representative on
 * record (the name, and the ID number by its blind index).  When the row
 * has no ID number on record, the account is created 'pending' with a
 * claim carrying the enterprise's business licence; the region's operator
 * approves (the claimed values are written to the row, each changed field
 * with its history row, and the account becomes active) or refuses (the
 * account is revoked).  Nothing on the row changes before the approval.
 */
#ifndef DUIJIE_CLAIM_H
#define DUIJIE_CLAIM_H

#include <stdbool.h>
#include <stddef.h>

#include "accounts/scope.h"
#include "core/arena.h"
#include "db/audit.h"
#include "db/db.h"
#include "db/step.h"
#include "enterprise/enterprise.h"

/* A licence's type, from its first bytes (never from its name). */
enum claim_ftype { CLAIM_FT_NONE, CLAIM_FT_PDF, CLAIM_FT_JPG, CLAIM_FT_PNG,
	CLAIM_FT__MAX };

/* The bytes a sniff needs at most. */
#define CLAIM_SNIFF_LEN	8

/*
 * The type of a file that starts with buf[0..n): PDF ("%PDF-"), PNG (its
 * 8-byte signature) or JPEG (FF D8 FF); CLAIM_FT_NONE for anything else,
 * an HTML or script file with any name included.  Pure.
 */
enum claim_ftype claim_sniff(const unsigned char *buf, size_t n);
/* "pdf", "jpg", "png" ("" for NONE); the MIME type of each. */
const char	*claim_ftype_name(enum claim_ftype);
const char	*claim_ftype_mime(enum claim_ftype);

/* What a registration of a USCC meets. */
enum claim_state {
	CLAIM_NEW,	/* no enterprise row: an ordinary registration */
	CLAIM_TAKEN,	/* a live (or pending) account exists */
	CLAIM_MATCH,	/* a row without users, representative on record */
	CLAIM_LICENCE,	/* a row without users and without one: licence */
};

/* The state of `uscc` now (no lock: the registration checks again). */
enum err	claim_state_of(struct db *, const char *uscc, enum claim_state *);

/* A licence already read and sniffed (the caller checked size and type). */
struct claim_licence {
	const unsigned char	*data;
	size_t			 size;
	enum claim_ftype	 type;
};

/* How a claim ended. */
enum claim_result { CLAIM_ACTIVE, CLAIM_PENDING };

/*
 * Registers `g` on the existing row of g->uscc, in one transaction with
 * its audit rows.  With a representative on record: both must match, then
 * the user is active and the typed name and registration number replace
 * the row's with history rows (*res = CLAIM_ACTIVE).  Without one: `lic`
 * is required; it is stored under `licdir` (a new file, synced before the
 * commit, removed again when the transaction fails), the user is created
 * pending with a claim (*res = CLAIM_PENDING).  ERR_CONFLICT with *why:
 * "claim_mismatch" (audited as denied, nothing else changed),
 * "licence_required", "uscc_taken", "claim_pending", "username_taken".
 * ERR_NOTFOUND when there is no row (an ordinary registration).
 */
enum err	claim_register(struct db *, const struct ent_keys *,
		    const struct audit_actor *, const struct ent_registration *g,
		    const char *licdir, const struct claim_licence *lic,
		    long long *user_id, enum claim_result *res, const char **why);

/* True when `username` is an enterprise account waiting for its claim. */
enum err	claim_user_pending(struct db *, const char *username, bool *pending);

struct claim {
	long long	 id;
	long long	 enterprise_id;
	long long	 user_id;
	const char	*uscc;
	const char	*region;
	const char	*region_name;
	const char	*status;	/* pending, approved, refused */
	const char	*username;
	const char	*contact_name;	/* the account's real name */
	const char	*ent_name;	/* claimed */
	const char	*reg_no;
	const char	*legal_name;
	const char	*legal_id;	/* masked */
	const char	*record_name;	/* on the enterprise row now */
	const char	*licence_file;	/* never shown: the download names it */
	enum claim_ftype licence_type;
	long long	 licence_size;
	const char	*created_at;	/* UTC */
	const char	*decided_at;
	const char	*decided_by;
	const char	*reason;
};

/*
 * The pending claims of `region` ("440000": every region), oldest first,
 * at most `max`.  Rows in `a`.
 */
enum err	claim_list(struct db *, struct arena *, const unsigned char data_key[32],
		    const char *region, size_t max, struct claim **v, size_t *n);

/* How many claims claim_list shows the region of `sc` (all of them,
 * however many), into *n. */
enum err	claim_count(struct db *, struct arena *, const struct scope *sc,
		    long long *n);

/* One claim, if the region of `sc` covers it (the predicate is in the
 * statement); ERR_NOTFOUND otherwise (another city's claim does not exist
 * for its operators). */
enum err	claim_get(struct db *, struct arena *, const unsigned char data_key[32],
		    const struct scope *sc, long long id, struct claim *);

/*
 * Reads the licence of claim `c` from `licdir` into `a`.  ERR_IO when the
 * file is missing or its size is not the recorded one.
 */
enum err	claim_licence_read(struct arena *, const char *licdir,
		    const struct claim *c, const unsigned char **data, size_t *len);

/* A claim's life (claim_machine): pending, then approved or refused by
 * an operator, or withdrawn by the claimant; the three are final. */
enum claim_status { CLAIMS_PENDING, CLAIMS_APPROVED, CLAIMS_REFUSED,
	CLAIMS_WITHDRAWN, CLAIMS__MAX };
enum claim_decision { CLAIMA_APPROVE, CLAIMA_REFUSE, CLAIMA_WITHDRAW,
	CLAIMA__MAX };
extern const struct step_machine claim_machine;

/*
 * Approves or refuses claim `id` of `region`, one transaction with its
 * audit rows: approval writes the claimed values to the enterprise row
 * (history rows dated `today`), activates the account and adds the
 * claimant's notice "claim.approved" with its SMS (inbox_add, sent after
 * the answer), refusal (with
 * `reason`) revokes it and, once committed, deletes the licence file from
 * `licdir` (an approved claim keeps it).  ERR_NOTFOUND outside the region;
 * ERR_CONFLICT when the claim or its account is no longer pending.
 */
enum err	claim_decide(struct db *, const struct ent_keys *,
		    const struct audit_actor *, const char *licdir, const char *region,
		    long long id, bool approve, const char *reason, const char *today);

/*
 * Withdraws the pending claim of the enterprise account `username` (the
 * caller proved it is its owner, e.g. by its password), one transaction
 * with its audit rows: the claim ends 'withdrawn', the account is revoked
 * (ACCT_BY_CLAIMANT); once committed the licence file is deleted from
 * `licdir`.  The audit rows are the claimant's (`actor0` gives the
 * request's address).  A step of claim_machine (step_run): the claim is
 * locked by its id and the claimant's username.  ERR_NOTFOUND when the
 * account has no pending claim; ERR_CONFLICT when the claim or the
 * account is no longer pending.
 */
enum err	claim_withdraw(struct db *, const struct audit_actor *actor0,
		    const char *licdir, const char *username);

#endif
