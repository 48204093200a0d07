/*
 * account_rule.c -- the table of who may act on whose account.
 *
 * Rows by actor role, columns by target role, cells by action.  A cell
 * left out is RULE_DENY.  Only operators have rows: the route table lets
 * no other role post to /users, and this table says so again.
 */
#include <stddef.h>

#include "account_rule.h"

/* What an operator may do to a user of its region. */
#define OPS_ON_USER(pw_reset, totp_reset) { \
	[ACCT_UNLOCK] = RULE_OK, [ACCT_SUSPEND] = RULE_OK, \
	[ACCT_REACTIVATE] = RULE_OK, [ACCT_PW_RESET] = (pw_reset), \
	[ACCT_TOTP_RESET] = (totp_reset) }
/* Staff accounts: the province's operators with a supervisor's approval
 * (not built) or duijie-admin. */
#define OPS_ON_STAFF { \
	[ACCT_UNLOCK] = RULE_STAFF, [ACCT_SUSPEND] = RULE_STAFF, \
	[ACCT_REACTIVATE] = RULE_STAFF, [ACCT_PW_RESET] = RULE_STAFF, \
	[ACCT_TOTP_RESET] = RULE_STAFF, [ACCT_REVOKE] = RULE_STAFF }

static const unsigned char table[ROLE__MAX][ROLE__MAX][ACCT__MAX] = {
	[ROLE_OPERATOR] = {
		/* an enterprise has no authenticator to reset */
		[ROLE_ENTERPRISE] = OPS_ON_USER(RULE_OK, RULE_DENY),
		[ROLE_GOV] = OPS_ON_USER(RULE_VIA_FORM, RULE_OK),
		[ROLE_FI] = OPS_ON_USER(RULE_OK, RULE_OK),
		[ROLE_OPERATOR] = OPS_ON_STAFF,
		[ROLE_SUPERVISOR] = OPS_ON_STAFF,
		[ROLE_AUDITOR] = OPS_ON_STAFF,
	},
};

static const char *const verdict_names[RULE__MAX] = {
	[RULE_DENY] = "role", [RULE_OK] = "ok", [RULE_SELF] = "self",
	[RULE_REGION] = "region scope", [RULE_STAFF] = "staff account: duijie-admin",
	[RULE_VIA_FORM] = "change form only",
};

enum acct_verdict
acct_rule_cell(enum role actor, enum role target, enum acct_action act)
{
	if ((unsigned)actor >= ROLE__MAX || (unsigned)target >= ROLE__MAX ||
	    (unsigned)act >= ACCT__MAX)
		return RULE_DENY;
	return (enum acct_verdict)table[actor][target][act];
}

enum acct_verdict
acct_rule(const struct acct_party *actor, const struct acct_party *target,
    enum acct_action act)
{
	enum acct_verdict v;

	if (actor->id != 0 && actor->id == target->id)
		return RULE_SELF;
	v = acct_rule_cell(actor->role, target->role, act);
	if (v == RULE_OK && !region_covers(actor->region, target->region))
		return RULE_REGION;
	return v;
}

const char *
acct_verdict_name(enum acct_verdict v)
{
	return (unsigned)v < RULE__MAX ? verdict_names[v] : "";
}
