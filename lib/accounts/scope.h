/*
 * scope.h -- who is asking, as the data layer sees it (issue 13).
 *
 * Every get, lock or change of an object by id in lib/ takes the caller's
 * scope and puts it in the statement's WHERE clause, so a domain function
 * cannot reach an object outside it whichever handler calls it.  The
 * worker builds one per request from the signed-in user (scope_of_user);
 * duijie-admin and background jobs use scope_system().
 */
#ifndef DUIJIE_SCOPE_H
#define DUIJIE_SCOPE_H

#include <stdbool.h>

#include "accounts/user.h"

enum scope_kind {
	SCOPE_USER,	/* a signed-in user: role, region, organisation */
	SCOPE_SYSTEM,	/* duijie-admin, migrations, timers: everything */
};

struct scope {
	enum scope_kind	 kind;
	enum role	 role;
	char		 region[7];	/* "440000" (province) or a city's code */
	const char	*org_kind;	/* "enterprise", "agency", "fi", "office" */
	long long	 org_id;	/* 0 when none */
	long long	 user_id;	/* 0 for the system */
};

/* The scope of `u` (which must outlive it: org_kind is borrowed). */
void	scope_of_user(struct scope *s, const struct user *u);

/* The scope of the system itself (no user, no region limit). */
void	scope_system(struct scope *s);

/* True when the scope covers the whole province (the system, or a user
 * of the province's region). */
bool	scope_province_wide(const struct scope *s);

/*
 * The scope predicate of an object that belongs to an organisation and a
 * region, on the statement's organisation-id and region columns:
 * SCOPE_ORG(orgcol, regioncol) with its SCOPE_ORG_NP parameters from
 * scope_org_params(), in the predicate's place among the statement's.  The
 * system and the province's operators and supervisors reach every one; a
 * city's operators and supervisors those of their region; a user of an
 * organisation of kind `own_kind` ("enterprise", "agency") those of its
 * own; the agencies' gov users every one when `gov_all` (enterprises:
 * they view credit information province-wide, docs/SECURITY.md); anyone
 * else none.
 */
#define SCOPE_ORG(orgcol, regioncol) \
	" (? = 'all' OR (? = 'region' AND " regioncol " = ?)" \
	" OR (? = 'own' AND " orgcol " = ?))"
#define SCOPE_ORG_NP	5
void	scope_org_params(const struct scope *s, const char *own_kind, bool gov_all,
	    struct db_param p[SCOPE_ORG_NP]);

/* An enterprise's (or what belongs to one): SCOPE_ORG with own_kind
 * "enterprise". */
#define SCOPE_ENT(idcol, regioncol)	SCOPE_ORG(idcol, regioncol)
#define SCOPE_ENT_NP			SCOPE_ORG_NP
void	scope_ent_params(const struct scope *s, bool gov_all,
	    struct db_param p[SCOPE_ORG_NP]);

#endif
