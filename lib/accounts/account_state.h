/*
 * account_state.h -- the one state machine of users.status (R-11.1,
 * X-AUD): which action may move an account from which state to which,
 * who may run it, what it audits and what else it does to the row.
 *
 * The table is data (lib/accounts/account_state.c); user_step_tx() (lib/accounts/user.h)
 * is the one function that runs it, in the caller's transaction with the
 * audit row.  Every writer of users.status goes through it: the lock on
 * failed sign-ins and its expiry, the reset by SMS, the operators'
 * actions, duijie-admin and the change form's execution.
 *
 * Invariants the table keeps (tests/unit/accounts/test_account_state.c checks
 * them for every cell): revoked is terminal; a lock never hides or ends
 * a suspension (no action takes a suspended account to locked, and only
 * a reactivation, a change form's reset or a revocation leaves
 * suspended); revocation wipes the password hash and the TOTP secret.
 */
#ifndef DUIJIE_ACCOUNT_STATE_H
#define DUIJIE_ACCOUNT_STATE_H

#include <stdbool.h>

/* The values of users.status, in the column's order. */
/* USER_PENDING: an enterprise account waiting for its claim (claim.h). */
enum user_status { USER_ACTIVE, USER_LOCKED, USER_SUSPENDED, USER_REVOKED,
	USER_PENDING, USER_STATUS__MAX };

enum acct_action {
	ACCT_LOCK,		/* too many failed sign-ins */
	ACCT_LOCK_EXPIRE,	/* the lock's time has passed (at sign-in) */
	ACCT_UNLOCK,		/* an operator or duijie-admin lifts a lock */
	ACCT_SMS_RESET,		/* the user resets its password by SMS */
	ACCT_PW_RESET,		/* a one-time password by an operator or admin */
	ACCT_FORM_RESET,	/* a change form's 重置密码 line (reinstates) */
	ACCT_TOTP_RESET,	/* the authenticator is forgotten */
	ACCT_SUSPEND,		/* 停用 */
	ACCT_REACTIVATE,	/* 恢复 */
	ACCT_REVOKE,		/* 撤销: terminal */
	ACCT_CLAIM_WAIT,	/* a new account that claims an enterprise waits */
	ACCT_CLAIM_APPROVE,	/* the region's operator approves the claim */
	ACCT__MAX
};

/* Who runs a step (a bit set in the table's `who`). */
enum acct_by {
	ACCT_BY_SIGNIN = 1u << 0,	/* the sign-in machinery itself */
	ACCT_BY_SELF = 1u << 1,		/* the user, proven by an SMS code */
	ACCT_BY_OPERATOR = 1u << 2,	/* an operator on /users (rule table too) */
	ACCT_BY_ADMIN = 1u << 3,	/* duijie-admin on the shell */
	ACCT_BY_FORM = 1u << 4,		/* an executed, four-eyes change form */
	ACCT_BY_REGISTER = 1u << 5,	/* the registration that creates the account */
	ACCT_BY_CLAIM = 1u << 6,	/* the region's operator deciding a claim
					 * (/claims: scoped by claim.c's query) */
	ACCT_BY_APPROVAL = 1u << 7,	/* a province operator's request on a staff
					 * account, approved by a supervisor
					 * (lib/accounts/staff_request.h) */
	ACCT_BY_FI = 1u << 8,		/* closing an FI user: the operators of
					 * the FI's region (its managers) or the
					 * FI's manager (its officers), scoped by
					 * lib/finance/fi.c's query */
	ACCT_BY_CLAIMANT = 1u << 9,	/* a pending claimant withdrawing its own
					 * claim, proven by its password
					 * (claim.c claim_withdraw) */
};

/* What a step does to the row besides setting the status. */
enum acct_effect {
	ACCT_FX_SET_LOCK = 1u << 0,	/* locked_until = now + lock time */
	ACCT_FX_CLEAR_LOCK = 1u << 1,	/* locked_until = NULL */
	ACCT_FX_CLEAR_FAILS = 1u << 2,	/* failure count starts again */
	ACCT_FX_END_SESSIONS = 1u << 3,	/* every session of the user ends */
	ACCT_FX_WIPE_PASSWORD = 1u << 4, /* pw_hash = '', history deleted */
	ACCT_FX_WIPE_TOTP = 1u << 5,	/* totp_secret = NULL */
	ACCT_FX_REASON = 1u << 6,	/* a reason is required and kept */
};

struct acct_step {
	bool			 allowed;	/* false: no such transition */
	enum user_status	 to;
	unsigned		 who;		/* enum acct_by bits */
	const char		*audit;		/* the audit row's action */
	unsigned		 fx;		/* enum acct_effect bits */
};

/*
 * The table's cell for (from, action), or NULL when either is out of
 * range.  A cell with allowed == false is a refused transition.
 */
const struct acct_step	*acct_cell(enum user_status from, enum acct_action);

/*
 * The step `by` may take from `from`: NULL when the transition does not
 * exist (*why = "state") or `by` may not run it (*why = "who").
 */
const struct acct_step	*acct_lookup(enum user_status from, enum acct_action,
			    enum acct_by by, const char **why);

const char		*acct_action_name(enum acct_action);	/* "suspend" */

#endif
