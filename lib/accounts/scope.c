/*
 * scope.c -- the caller's scope (scope.h).
 */
#include <stdio.h>
#include <string.h>

#include "accounts/scope.h"
#include "db/db_region.h"

void
scope_of_user(struct scope *s, const struct user *u)
{
	memset(s, 0, sizeof *s);
	s->kind = SCOPE_USER;
	s->role = u->role;
	if (u->region != NULL)
		snprintf(s->region, sizeof s->region, "%s", u->region);
	s->org_kind = u->org_kind != NULL ? u->org_kind : "";
	s->org_id = u->org_id;
	s->user_id = u->id;
}

void
scope_system(struct scope *s)
{
	memset(s, 0, sizeof *s);
	s->kind = SCOPE_SYSTEM;
	s->role = ROLE__MAX;
	snprintf(s->region, sizeof s->region, "%s", REGION_PROVINCE);
	s->org_kind = "";
}

bool
scope_province_wide(const struct scope *s)
{
	return s->kind == SCOPE_SYSTEM ||
	    strcmp(s->region, REGION_PROVINCE) == 0;
}
