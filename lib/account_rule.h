/*
 * account_rule.h -- who may act on whose account (R-02.2, R-04, R-11.1,
 * X-SEC): a table of actor role x target role x action.
 *
 * The rule table says, for the people who act on /users (the intranet):
 *   - operators act on enterprise, gov and fi users of their own region
 *     (the province's operators: every region);
 *   - a gov user's password is reset only by a change form's 重置密码
 *     line (R-04), never by one click;
 *   - supervisors', operators' and auditors' accounts are managed by the
 *     province's operators with a supervisor's approval, or duijie-admin;
 *     the approval flow is not built, so on /users they are refused with
 *     a message that points to duijie-admin;
 *   - supervisors, auditors, gov, fi and enterprise users act on nobody;
 *   - nobody acts on their own account.
 * duijie-admin (ACCT_BY_ADMIN) and an executed change form (ACCT_BY_FORM)
 * do not go through this table: the state table alone governs them.
 */
#ifndef DUIJIE_ACCOUNT_RULE_H
#define DUIJIE_ACCOUNT_RULE_H

#include "account_state.h"
#include "user.h"

enum acct_verdict {
	RULE_DENY = 0,		/* the actor's role may not do this at all */
	RULE_OK,
	RULE_SELF,		/* the actor's own account */
	RULE_REGION,		/* the target is outside the actor's region */
	RULE_STAFF,		/* staff account: duijie-admin (no approval flow) */
	RULE_VIA_FORM,		/* only through a change form (gov password) */
	RULE__MAX
};

struct acct_party {
	long long	 id;
	enum role	 role;
	const char	*region;	/* "440100" */
};

/*
 * The verdict for `actor` doing `act` to `target`.  Self comes first,
 * then the table's cell, then (for a cell that allows) the region.
 * Out-of-range roles or actions are RULE_DENY.
 */
enum acct_verdict	acct_rule(const struct acct_party *actor,
			    const struct acct_party *target, enum acct_action);
/* The table's cell alone (for tests and for the page's offers). */
enum acct_verdict	acct_rule_cell(enum role actor, enum role target,
			    enum acct_action);
const char		*acct_verdict_name(enum acct_verdict);	/* "self" */

#endif
