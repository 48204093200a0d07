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

void
scope_org_params(const struct scope *s, const char *own_kind, bool gov_all,
    struct db_param p[SCOPE_ORG_NP])
{
	const char *mode = "none";

	if (s->kind == SCOPE_SYSTEM || (gov_all && s->role == ROLE_GOV))
		mode = "all";
	else if (s->role == ROLE_OPERATOR || s->role == ROLE_SUPERVISOR)
		mode = scope_province_wide(s) ? "all" : "region";
	else if (s->org_kind != NULL && s->org_id > 0 &&
	    strcmp(s->org_kind, own_kind) == 0)
		mode = "own";
	p[0] = DB_STR(mode);
	p[1] = DB_STR(mode);
	p[2] = DB_STR(s->region);
	p[3] = DB_STR(mode);
	p[4] = DB_INT(s->org_id);
}

void
scope_ent_params(const struct scope *s, bool gov_all, struct db_param p[SCOPE_ORG_NP])
{
	scope_org_params(s, "enterprise", gov_all, p);
}
