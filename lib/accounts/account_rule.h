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
 *     province's operators with a supervisor's approval, or duijie-admin:
 *     on /users a direct action on them is refused (RULE_STAFF); the
 *     province's operator asks instead (ACCT_ASK_REQUEST) and a
 *     supervisor of the target's region, neither the requester nor the
 *     target, decides (ACCT_ASK_APPROVE, lib/accounts/staff_request.h);
 *   - supervisors, auditors, gov, fi and enterprise users act on nobody;
 *   - nobody acts on their own account.
 * duijie-admin (ACCT_BY_ADMIN) and an executed change form (ACCT_BY_FORM)
 * do not go through this table: the state table alone governs them.
 */
#ifndef DUIJIE_ACCOUNT_RULE_H
#define DUIJIE_ACCOUNT_RULE_H

#include "accounts/account_state.h"
#include "accounts/user.h"

enum acct_verdict {
	RULE_DENY = 0,		/* the actor's role may not do this at all */
	RULE_OK,
	RULE_SELF,		/* the actor's own account */
	RULE_REGION,		/* the target is outside the actor's region */
	RULE_STAFF,		/* staff account: a request and a supervisor's
				 * approval, or duijie-admin */
	RULE_VIA_FORM,		/* only through a change form (gov password) */
	RULE_PROVINCE,		/* only the province's operators may ask */
	RULE_REQUESTER,		/* four eyes: the requester may not approve */
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

/*
 * The two steps of an action on a staff account (issue 12 item 3): a
 * request, then its approval.  A refusal of a request is allowed to
 * whoever may approve it.
 */
enum acct_ask { ACCT_ASK_REQUEST, ACCT_ASK_APPROVE, ACCT_ASK__MAX };

/* The staff table's cell alone: RULE_OK or RULE_DENY. */
enum acct_verdict	acct_ask_cell(enum acct_ask, enum role actor,
			    enum role target, enum acct_action);
/*
 * May `actor` ask for `act` on `target`?  RULE_SELF for the actor's own
 * account; the cell (RULE_DENY); RULE_PROVINCE when the actor is not of
 * the province (440000).  RULE_OK otherwise.
 */
enum acct_verdict	acct_rule_request(const struct acct_party *actor,
			    const struct acct_party *target, enum acct_action);
/*
 * May `approver` approve (or refuse) `requester_id`'s request for `act`
 * on `target`?  RULE_SELF for the approver's own account; RULE_REQUESTER
 * when the approver asked for it; the cell (RULE_DENY); RULE_REGION when
 * the target is outside the approver's region.  RULE_OK otherwise.
 */
enum acct_verdict	acct_rule_approve(const struct acct_party *approver,
			    long long requester_id,
			    const struct acct_party *target, enum acct_action);

#endif
