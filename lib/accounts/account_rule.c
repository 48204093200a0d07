/*
 * account_rule.c -- the table of who may act on whose account.
 *
 * Rows by actor role, columns by target role, cells by action.  A cell
 * left out is RULE_DENY.  Only operators have rows: the route table lets
 * no other role post to /users, and this table says so again.
 */
#include <stddef.h>
#include <string.h>

#include "core/enumname.h"
#include "accounts/account_rule.h"
#include "db/db_region.h"	/* REGION_PROVINCE */

/* What an operator may do to a user of its region. */
#define OPS_ON_USER(pw_reset, totp_reset) { \
	[ACCT_UNLOCK] = RULE_OK, [ACCT_SUSPEND] = RULE_OK, \
	[ACCT_REACTIVATE] = RULE_OK, [ACCT_PW_RESET] = (pw_reset), \
	[ACCT_TOTP_RESET] = (totp_reset) }
/* Staff accounts: the province's operators with a supervisor's approval
 * (the staff table below) or duijie-admin. */
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
		[ROLE_SYSADMIN] = OPS_ON_STAFF,
		[ROLE_SECADMIN] = OPS_ON_STAFF,
	},
};

/* What may be asked for, and approved, on a staff account: the steps an
 * operator takes on /users (a revocation is duijie-admin's or a change
 * form's alone, as the state table says). */
#define ASK_ON_STAFF { \
	[ACCT_UNLOCK] = RULE_OK, [ACCT_SUSPEND] = RULE_OK, \
	[ACCT_REACTIVATE] = RULE_OK, [ACCT_PW_RESET] = RULE_OK, \
	[ACCT_TOTP_RESET] = RULE_OK }

static const unsigned char staff[ACCT_ASK__MAX][ROLE__MAX][ROLE__MAX][ACCT__MAX] = {
	/* operators ask (and only the province's: acct_rule_request) */
	[ACCT_ASK_REQUEST][ROLE_OPERATOR] = {
		[ROLE_OPERATOR] = ASK_ON_STAFF,
		[ROLE_SUPERVISOR] = ASK_ON_STAFF,
		[ROLE_AUDITOR] = ASK_ON_STAFF,
		[ROLE_SYSADMIN] = ASK_ON_STAFF,
		[ROLE_SECADMIN] = ASK_ON_STAFF,
	},
	/* supervisors decide */
	[ACCT_ASK_APPROVE][ROLE_SUPERVISOR] = {
		[ROLE_OPERATOR] = ASK_ON_STAFF,
		[ROLE_SUPERVISOR] = ASK_ON_STAFF,
		[ROLE_AUDITOR] = ASK_ON_STAFF,
		[ROLE_SYSADMIN] = ASK_ON_STAFF,
		[ROLE_SECADMIN] = ASK_ON_STAFF,
	},
};

static const char *const verdict_names[RULE__MAX] = {
	[RULE_DENY] = "role", [RULE_OK] = "ok", [RULE_SELF] = "self",
	[RULE_REGION] = "region scope",
	[RULE_STAFF] = "staff account: request and approval, or duijie-admin",
	[RULE_VIA_FORM] = "change form only",
	[RULE_PROVINCE] = "province's operators only",
	[RULE_REQUESTER] = "four eyes: the requester",
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
	return enum_name(verdict_names, RULE__MAX, (int)v);
}

enum acct_verdict
acct_ask_cell(enum acct_ask ask, enum role actor, enum role target,
    enum acct_action act)
{
	if ((unsigned)ask >= ACCT_ASK__MAX || (unsigned)actor >= ROLE__MAX ||
	    (unsigned)target >= ROLE__MAX || (unsigned)act >= ACCT__MAX)
		return RULE_DENY;
	return (enum acct_verdict)staff[ask][actor][target][act];
}

enum acct_verdict
acct_rule_request(const struct acct_party *actor,
    const struct acct_party *target, enum acct_action act)
{
	enum acct_verdict v;

	if (actor->id != 0 && actor->id == target->id)
		return RULE_SELF;
	if ((v = acct_ask_cell(ACCT_ASK_REQUEST, actor->role, target->role,
	    act)) != RULE_OK)
		return v;
	if (actor->region == NULL || strcmp(actor->region, REGION_PROVINCE) != 0)
		return RULE_PROVINCE;
	return RULE_OK;
}

enum acct_verdict
acct_rule_approve(const struct acct_party *approver, long long requester_id,
    const struct acct_party *target, enum acct_action act)
{
	enum acct_verdict v;

	if (approver->id != 0 && approver->id == target->id)
		return RULE_SELF;
	if (approver->id != 0 && approver->id == requester_id)
		return RULE_REQUESTER;
	if ((v = acct_ask_cell(ACCT_ASK_APPROVE, approver->role, target->role,
	    act)) != RULE_OK)
		return v;
	if (!region_covers(approver->region, target->region))
		return RULE_REGION;
	return RULE_OK;
}
