/*
 * account_state.c -- the transition table of users.status.
 *
 * One row per (from-state, action).  A missing cell is a refused
 * transition.  Read down a column to see what an action does from every
 * state; tests/unit/accounts/test_account_state.c enumerates every cell.
 */
#include <stddef.h>

#include "core/enumname.h"
#include "accounts/account_state.h"

#define OP	ACCT_BY_OPERATOR
#define ADM	ACCT_BY_ADMIN
#define FORM	ACCT_BY_FORM
#define SIGNIN	ACCT_BY_SIGNIN
#define SELF	ACCT_BY_SELF
#define REG	ACCT_BY_REGISTER
#define CLAIM	ACCT_BY_CLAIM
#define APPR	ACCT_BY_APPROVAL
#define FI	ACCT_BY_FI
#define WDRAW	ACCT_BY_CLAIMANT

#define LOCK_FX		(ACCT_FX_SET_LOCK | ACCT_FX_END_SESSIONS)
#define LIFT_FX		(ACCT_FX_CLEAR_LOCK | ACCT_FX_CLEAR_FAILS)
#define RESET_FX	(ACCT_FX_CLEAR_LOCK | ACCT_FX_CLEAR_FAILS | ACCT_FX_END_SESSIONS)
#define SUSPEND_FX	(ACCT_FX_CLEAR_LOCK | ACCT_FX_CLEAR_FAILS | \
			 ACCT_FX_END_SESSIONS | ACCT_FX_REASON)
#define REVOKE_FX	(ACCT_FX_CLEAR_LOCK | ACCT_FX_CLEAR_FAILS | \
			 ACCT_FX_END_SESSIONS | ACCT_FX_WIPE_PASSWORD | \
			 ACCT_FX_WIPE_TOTP | ACCT_FX_REASON)
#define TOTP_FX		(ACCT_FX_WIPE_TOTP | ACCT_FX_END_SESSIONS)

#define T(to_, who_, audit_, fx_) \
	{ .allowed = true, .to = (to_), .who = (who_), .audit = (audit_), .fx = (fx_) }

static const struct acct_step table[USER_STATUS__MAX][ACCT__MAX] = {
	[USER_ACTIVE] = {
		[ACCT_LOCK] = T(USER_LOCKED, SIGNIN, "lock", LOCK_FX),
		[ACCT_SMS_RESET] = T(USER_ACTIVE, SELF, "password.reset.self", RESET_FX),
		[ACCT_PW_RESET] = T(USER_ACTIVE, OP | APPR | ADM, "password.reset", RESET_FX),
		[ACCT_FORM_RESET] = T(USER_ACTIVE, FORM, "password.reset", RESET_FX),
		[ACCT_TOTP_RESET] = T(USER_ACTIVE, OP | APPR | ADM, "totp.reset", TOTP_FX),
		[ACCT_SUSPEND] = T(USER_SUSPENDED, OP | APPR | ADM, "suspend", SUSPEND_FX),
		[ACCT_REVOKE] = T(USER_REVOKED, ADM | FORM | FI, "revoke", REVOKE_FX),
		/* only in the transaction that creates the account (claim.c) */
		[ACCT_CLAIM_WAIT] = T(USER_PENDING, REG, "claim.pending",
		    ACCT_FX_END_SESSIONS),
	},
	[USER_LOCKED] = {
		/* a second lock while locked (a race of two sign-ins) renews it */
		[ACCT_LOCK] = T(USER_LOCKED, SIGNIN, "lock", LOCK_FX),
		[ACCT_LOCK_EXPIRE] = T(USER_ACTIVE, SIGNIN, "unlock.expired", LIFT_FX),
		[ACCT_UNLOCK] = T(USER_ACTIVE, OP | APPR | ADM, "unlock", LIFT_FX),
		[ACCT_SMS_RESET] = T(USER_ACTIVE, SELF, "password.reset.self", RESET_FX),
		[ACCT_PW_RESET] = T(USER_ACTIVE, OP | APPR | ADM, "password.reset", RESET_FX),
		[ACCT_FORM_RESET] = T(USER_ACTIVE, FORM, "password.reset", RESET_FX),
		[ACCT_TOTP_RESET] = T(USER_LOCKED, OP | APPR | ADM, "totp.reset", TOTP_FX),
		[ACCT_SUSPEND] = T(USER_SUSPENDED, OP | APPR | ADM, "suspend", SUSPEND_FX),
		[ACCT_REVOKE] = T(USER_REVOKED, ADM | FORM | FI, "revoke", REVOKE_FX),
	},
	[USER_SUSPENDED] = {
		/* no lock, no expiry, no unlock, no SMS reset: a suspension
		 * ends only by a decision (reactivation, a change form) */
		[ACCT_PW_RESET] = T(USER_SUSPENDED, OP | APPR | ADM, "password.reset",
		    ACCT_FX_END_SESSIONS),
		[ACCT_FORM_RESET] = T(USER_ACTIVE, FORM, "password.reset", RESET_FX),
		[ACCT_TOTP_RESET] = T(USER_SUSPENDED, OP | APPR | ADM, "totp.reset", TOTP_FX),
		[ACCT_REACTIVATE] = T(USER_ACTIVE, OP | APPR | ADM, "reactivate", LIFT_FX),
		[ACCT_REVOKE] = T(USER_REVOKED, ADM | FORM | FI, "revoke", REVOKE_FX),
	},
	[USER_PENDING] = {
		/* no sign-in at all: no lock (failures are counted), no
		 * reset; only the claim's decision or a revocation ends it */
		[ACCT_CLAIM_APPROVE] = T(USER_ACTIVE, CLAIM, "claim.activate", LIFT_FX),
		/* a refused claim is a revocation with the operator's reason;
		 * the enterprise withdrawing its own claim (WDRAW) is one too */
		[ACCT_REVOKE] = T(USER_REVOKED, ADM | FORM | CLAIM | WDRAW, "revoke", REVOKE_FX),
	},
	[USER_REVOKED] = {
		/* terminal: nothing leaves it */
		[0] = { .allowed = false },
	},
};

static const char *const action_names[ACCT__MAX] = {
	[ACCT_LOCK] = "lock", [ACCT_LOCK_EXPIRE] = "lock-expire",
	[ACCT_UNLOCK] = "unlock", [ACCT_SMS_RESET] = "sms-reset",
	[ACCT_PW_RESET] = "reset-password", [ACCT_FORM_RESET] = "form-reset",
	[ACCT_TOTP_RESET] = "totp-reset", [ACCT_SUSPEND] = "suspend",
	[ACCT_REACTIVATE] = "reactivate", [ACCT_REVOKE] = "revoke",
	[ACCT_CLAIM_WAIT] = "claim-wait", [ACCT_CLAIM_APPROVE] = "claim-approve",
};

const struct acct_step *
acct_cell(enum user_status from, enum acct_action act)
{
	if ((unsigned)from >= USER_STATUS__MAX || (unsigned)act >= ACCT__MAX)
		return NULL;
	return &table[from][act];
}

const struct acct_step *
acct_lookup(enum user_status from, enum acct_action act, enum acct_by by,
    const char **why)
{
	const struct acct_step *s = acct_cell(from, act);

	if (s == NULL || !s->allowed) {
		*why = "state";
		return NULL;
	}
	if ((s->who & (unsigned)by) == 0) {
		*why = "who";
		return NULL;
	}
	*why = NULL;
	return s;
}

const char *
acct_action_name(enum acct_action act)
{
	return enum_name(action_names, ACCT__MAX, (int)act);
}
