/*
 * agency.h -- government agencies (政府机构): their facts, their network
 * contact and their gov users.
 *
 * Every agency belongs to one region, set when it is created and never
 * changed afterwards (its users, forms and history are that region's).
 * Names are unique within a region.  Operators create and edit agencies;
 * each change writes its audit row in the same transaction.
 */
#ifndef DUIJIE_AGENCY_H
#define DUIJIE_AGENCY_H

#include <stddef.h>

#include "core/arena.h"
#include "core/pager.h"
#include "db/audit.h"
#include "db/db.h"
#include "accounts/scope.h"
#include "accounts/user.h"

struct agency {
	long long	 id;
	const char	*name;
	const char	*region;	/* "440100" */
	const char	*region_name;
	const char	*dept_code;	/* the agency's own code, free text */
	const char	*address;
	const char	*net_name;	/* network contact (网络设置联系人) */
	const char	*net_title;	/* its department and title */
	const char	*net_contact;	/* its phone or e-mail */
	long long	 users;		/* gov users not revoked */
	const char	*created_at;	/* UTC "YYYY-MM-DD HH:MM:SS" */
};

struct agency_list {
	struct agency	*v;
	size_t		 n;
	long long	 total;
};

/* What an operator enters.  NULL strings are stored as "". */
struct agency_input {
	const char	*name;
	const char	*region;	/* agency_create only */
	const char	*dept_code;
	const char	*address;
	const char	*net_name;
	const char	*net_title;
	const char	*net_contact;
};

/* Agency `id` into *out (strings in `a`) when `sc` covers it: an
 * agency's own users their agency alone, the offices' staff the agencies
 * of their region, the system all (R-02.2; the predicate is in the
 * statement).  ERR_NOTFOUND for none in the scope, ERR_DB_LOST, ERR_DB,
 * ERR_NOMEM. */
enum err	agency_get(struct db *, struct arena *a,
		    const struct scope *sc, long long id, struct agency *out);

/*
 * The page `pg` of the agencies of `region_scope` (440000: every region;
 * a city: its own, R-02.2) whose name holds q ("" or NULL: all; LIKE's
 * own characters taken literally), by region then name; pg->total is
 * every match.  ERR_DB_LOST, ERR_DB, ERR_NOMEM; *out is empty on failure.
 */
enum err	agency_search(struct db *, struct arena *a,
		    const char *region_scope, const char *q, struct pager *pg,
		    struct agency_list *out);

/*
 * Creates an agency and writes its "agency.create" audit row (object
 * "agency", its id) in one transaction; *id is the new id.  ERR_DB_DUP
 * when the region already has an agency of that name (nothing written);
 * ERR_DB_LOST, ERR_DB.  The caller has checked the region is one the
 * actor covers.
 */
enum err	agency_create(struct db *, const struct audit_actor *,
		    const struct agency_input *, long long *id);

/*
 * Sets every field of agency `id` but its region (in->region is ignored)
 * and writes an "agency.update" audit row naming the changed fields, in
 * one transaction.  Nothing is written when nothing changed.  The lock
 * carries `sc` (as agency_get): ERR_NOTFOUND outside it, as for none;
 * ERR_DB_DUP (the name is taken in its region), ERR_DB_LOST,
 * ERR_DB.
 */
enum err	agency_update(struct db *, const struct audit_actor *,
		    const struct scope *sc, long long id,
		    const struct agency_input *);

/*
 * The gov users of agency `agency_id`, revoked ones included, oldest
 * first, at most AGENCY_USERS_MAX; out->total is out->n.  Strings in
 * `a`.  ERR_DB_LOST, ERR_DB, ERR_NOMEM.
 */
#define AGENCY_USERS_MAX	500
enum err	agency_users(struct db *, struct arena *a, long long agency_id,
		    struct user_list *out);

/*
 * The fields (by their form names: "name", "dept_code", "address",
 * "net_name", "net_title", "net_contact") whose value in `in` differs
 * from `old`, comma-separated into out (cut to fit, always terminated).
 * The region is not compared.  Returns how many differ.
 */
size_t		agency_diff(const struct agency *old,
		    const struct agency_input *in, char *out, size_t len);

#endif
