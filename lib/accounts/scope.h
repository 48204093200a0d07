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

#endif
