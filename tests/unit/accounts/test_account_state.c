/*
 * test_account_state.c -- the transition table of users.status, every
 * cell (R-11.1, X-AUD, X-SEC): revoked is terminal, a lock never hides or
 * ends a suspension, revocation wipes the secrets, each step is audited
 * and only the right actor may take it; a claim's pending account leaves
 * its state only by the claim's decision or a revocation.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdbool.h>
#include <string.h>

#include "accounts/account_state.h"

#define A	USER_ACTIVE
#define L	USER_LOCKED
#define S	USER_SUSPENDED
#define R	USER_REVOKED
#define P	USER_PENDING
#define NO	-1	/* no such transition */

#define OP	ACCT_BY_OPERATOR
#define ADM	ACCT_BY_ADMIN
#define FORM	ACCT_BY_FORM
#define SIGNIN	ACCT_BY_SIGNIN
#define SELF	ACCT_BY_SELF
#define REG	ACCT_BY_REGISTER
#define CLAIM	ACCT_BY_CLAIM
#define APPR	ACCT_BY_APPROVAL	/* a supervisor's approval of a staff request */
#define FI	ACCT_BY_FI	/* an FI user closed by its region's operators or its FI's manager */
#define WDRAW	ACCT_BY_CLAIMANT	/* a pending claimant withdrawing its claim */
#define ALL_BY	(OP | APPR | ADM | FORM | SIGNIN | SELF | REG | CLAIM | FI | WDRAW)

/* The whole table typed out again: (from, action) -> to, who, audit. */
static const struct {
	int		 to;
	unsigned	 who;
	const char	*audit;
} want[USER_STATUS__MAX][ACCT__MAX] = {
	[A] = {
		[ACCT_LOCK] = { L, SIGNIN, "lock" },
		[ACCT_LOCK_EXPIRE] = { NO, 0, NULL },
		[ACCT_UNLOCK] = { NO, 0, NULL },
		[ACCT_SMS_RESET] = { A, SELF, "password.reset.self" },
		[ACCT_PW_RESET] = { A, OP | APPR | ADM, "password.reset" },
		[ACCT_FORM_RESET] = { A, FORM, "password.reset" },
		[ACCT_TOTP_RESET] = { A, OP | APPR | ADM, "totp.reset" },
		[ACCT_SUSPEND] = { S, OP | APPR | ADM, "suspend" },
		[ACCT_REACTIVATE] = { NO, 0, NULL },
		[ACCT_REVOKE] = { R, ADM | FORM | FI, "revoke" },
		[ACCT_CLAIM_WAIT] = { P, REG, "claim.pending" },
		[ACCT_CLAIM_APPROVE] = { NO, 0, NULL },
	},
	[L] = {
		[ACCT_LOCK] = { L, SIGNIN, "lock" },
		[ACCT_LOCK_EXPIRE] = { A, SIGNIN, "unlock.expired" },
		[ACCT_UNLOCK] = { A, OP | APPR | ADM, "unlock" },
		[ACCT_SMS_RESET] = { A, SELF, "password.reset.self" },
		[ACCT_PW_RESET] = { A, OP | APPR | ADM, "password.reset" },
		[ACCT_FORM_RESET] = { A, FORM, "password.reset" },
		[ACCT_TOTP_RESET] = { L, OP | APPR | ADM, "totp.reset" },
		[ACCT_SUSPEND] = { S, OP | APPR | ADM, "suspend" },
		[ACCT_REACTIVATE] = { NO, 0, NULL },
		[ACCT_REVOKE] = { R, ADM | FORM | FI, "revoke" },
		[ACCT_CLAIM_WAIT] = { NO, 0, NULL },
		[ACCT_CLAIM_APPROVE] = { NO, 0, NULL },
	},
	[S] = {
		[ACCT_LOCK] = { NO, 0, NULL },
		[ACCT_LOCK_EXPIRE] = { NO, 0, NULL },
		[ACCT_UNLOCK] = { NO, 0, NULL },
		[ACCT_SMS_RESET] = { NO, 0, NULL },
		[ACCT_PW_RESET] = { S, OP | APPR | ADM, "password.reset" },
		[ACCT_FORM_RESET] = { A, FORM, "password.reset" },
		[ACCT_TOTP_RESET] = { S, OP | APPR | ADM, "totp.reset" },
		[ACCT_SUSPEND] = { NO, 0, NULL },
		[ACCT_REACTIVATE] = { A, OP | APPR | ADM, "reactivate" },
		[ACCT_REVOKE] = { R, ADM | FORM | FI, "revoke" },
		[ACCT_CLAIM_WAIT] = { NO, 0, NULL },
		[ACCT_CLAIM_APPROVE] = { NO, 0, NULL },
	},
	/* a claim waiting for the region's operator: no sign-in, no lock,
	 * no reset; only the decision or a revocation ends it */
	[P] = {
		[ACCT_LOCK] = { NO, 0, NULL },
		[ACCT_LOCK_EXPIRE] = { NO, 0, NULL },
		[ACCT_UNLOCK] = { NO, 0, NULL },
		[ACCT_SMS_RESET] = { NO, 0, NULL },
		[ACCT_PW_RESET] = { NO, 0, NULL },
		[ACCT_FORM_RESET] = { NO, 0, NULL },
		[ACCT_TOTP_RESET] = { NO, 0, NULL },
		[ACCT_SUSPEND] = { NO, 0, NULL },
		[ACCT_REACTIVATE] = { NO, 0, NULL },
		[ACCT_REVOKE] = { R, ADM | FORM | CLAIM | WDRAW, "revoke" },
		[ACCT_CLAIM_WAIT] = { NO, 0, NULL },
		[ACCT_CLAIM_APPROVE] = { A, CLAIM, "claim.activate" },
	},
	[R] = {
		[ACCT_LOCK] = { NO, 0, NULL },
		[ACCT_LOCK_EXPIRE] = { NO, 0, NULL },
		[ACCT_UNLOCK] = { NO, 0, NULL },
		[ACCT_SMS_RESET] = { NO, 0, NULL },
		[ACCT_PW_RESET] = { NO, 0, NULL },
		[ACCT_FORM_RESET] = { NO, 0, NULL },
		[ACCT_TOTP_RESET] = { NO, 0, NULL },
		[ACCT_SUSPEND] = { NO, 0, NULL },
		[ACCT_REACTIVATE] = { NO, 0, NULL },
		[ACCT_REVOKE] = { NO, 0, NULL },
		[ACCT_CLAIM_WAIT] = { NO, 0, NULL },
		[ACCT_CLAIM_APPROVE] = { NO, 0, NULL },
	},
};

static const enum acct_by bys[] = { SIGNIN, SELF, OP, APPR, ADM, FORM, REG, CLAIM, WDRAW };

/* every (state, action, actor) answers as the typed-out table */
static void
every_cell(void **state)
{
	(void)state;
	for (int f = 0; f < USER_STATUS__MAX; f++)
		for (int act = 0; act < ACCT__MAX; act++)
			for (size_t b = 0; b < sizeof bys / sizeof bys[0]; b++) {
				const char		*why = "unset";
				const struct acct_step	*s = acct_lookup((enum user_status)f,
				    (enum acct_action)act, bys[b], &why);
				bool			 may = want[f][act].to != NO &&
				    (want[f][act].who & bys[b]) != 0;

				if (!may) {
					assert_null(s);
					assert_string_equal(why, want[f][act].to == NO ?
					    "state" : "who");
					continue;
				}
				assert_non_null(s);
				assert_null(why);
				assert_int_equal(s->to, want[f][act].to);
				assert_string_equal(s->audit, want[f][act].audit);
			}
}

/* revoked is terminal: no action by anyone leaves it */
static void
revoked_terminal(void **state)
{
	(void)state;
	for (int act = 0; act < ACCT__MAX; act++) {
		const struct acct_step *s = acct_cell(R, (enum acct_action)act);

		assert_non_null(s);
		assert_false(s->allowed);
		for (int f = 0; f < R; f++) {
			s = acct_cell((enum user_status)f, (enum acct_action)act);
			if (s->allowed && f != R)
				assert_true(s->to != R || act == ACCT_REVOKE);
		}
	}
}

/* a lock never hides or ends a suspension: nothing takes a
 * suspended account to locked, and only a decision (reactivation, a change
 * form, revocation) takes it out of suspended */
static void
lock_never_touches_suspension(void **state)
{
	(void)state;
	for (int act = 0; act < ACCT__MAX; act++) {
		const struct acct_step *s = acct_cell(S, (enum acct_action)act);

		if (!s->allowed)
			continue;
		assert_int_not_equal(s->to, L);
		assert_false(s->fx & ACCT_FX_SET_LOCK);
		assert_false(s->who & (SIGNIN | SELF));
		if (s->to != S)
			assert_true(act == ACCT_REACTIVATE || act == ACCT_FORM_RESET ||
			    act == ACCT_REVOKE);
	}
	/* the sign-in machinery only ever locks or lifts its own lock */
	for (int f = 0; f < USER_STATUS__MAX; f++)
		for (int act = 0; act < ACCT__MAX; act++) {
			const struct acct_step *s = acct_cell((enum user_status)f,
			    (enum acct_action)act);

			if (s->allowed && (s->who & (SIGNIN | SELF)))
				assert_true((f == A || f == L) && (s->to == A || s->to == L));
		}
}

/* X-SEC revocation wipes the password hash and the TOTP secret and ends
 * every session; it needs a reason */
static void
revoke_wipes(void **state)
{
	(void)state;
	for (int f = 0; f < R; f++) {
		const struct acct_step *s = acct_cell((enum user_status)f, ACCT_REVOKE);

		assert_true(s->allowed);
		assert_int_equal(s->to, R);
		assert_true(s->fx & ACCT_FX_WIPE_PASSWORD);
		assert_true(s->fx & ACCT_FX_WIPE_TOTP);
		assert_true(s->fx & ACCT_FX_END_SESSIONS);
		assert_true(s->fx & ACCT_FX_REASON);
		/* not an operator's one click (R-04: a change form, or the shell) */
		assert_false(s->who & (OP | APPR | SIGNIN | SELF));
	}
	/* a refused claim revokes with the same wipe */
	{
		const struct acct_step *s = acct_cell(P, ACCT_REVOKE);

		assert_true(s->allowed && s->to == R);
		assert_true(s->fx & ACCT_FX_WIPE_PASSWORD);
		assert_true(s->fx & ACCT_FX_WIPE_TOTP);
		assert_true(s->fx & ACCT_FX_REASON);
		assert_false(s->who & (OP | SIGNIN | SELF));
		/* the claimant's withdrawal only from pending */
		assert_true(s->who & WDRAW);
	}
	for (int f = 0; f < USER_STATUS__MAX; f++)
		for (int act = 0; act < ACCT__MAX; act++)
			if (acct_cell((enum user_status)f, (enum acct_action)act)->who & WDRAW)
				assert_true(f == P && act == ACCT_REVOKE);
	/* nothing else wipes a password */
	for (int f = 0; f < USER_STATUS__MAX; f++)
		for (int act = 0; act < ACCT__MAX; act++)
			if (act != ACCT_REVOKE)
				assert_false(acct_cell((enum user_status)f,
				    (enum acct_action)act)->fx & ACCT_FX_WIPE_PASSWORD);
}

/* X-AUD every allowed step names its audit action, has someone who may
 * run it, and the states that shut a user out end its sessions */
static void
steps_audited(void **state)
{
	(void)state;
	for (int f = 0; f < USER_STATUS__MAX; f++)
		for (int act = 0; act < ACCT__MAX; act++) {
			const struct acct_step *s = acct_cell((enum user_status)f,
			    (enum acct_action)act);

			if (!s->allowed)
				continue;
			assert_non_null(s->audit);
			assert_true(strlen(s->audit) > 0);
			assert_true(s->who != 0 && (s->who & ~(unsigned)ALL_BY) == 0);
			if ((s->to == S || s->to == L || s->to == R) && (int)s->to != f)
				assert_true(s->fx & ACCT_FX_END_SESSIONS);
			if (act == ACCT_SUSPEND)
				assert_true(s->fx & ACCT_FX_REASON);
		}
}

/* out of range is refused, not read past the table */
static void
out_of_range(void **state)
{
	const char *why;

	(void)state;
	assert_null(acct_cell(USER_STATUS__MAX, ACCT_LOCK));
	assert_null(acct_cell(A, ACCT__MAX));
	assert_null(acct_lookup(USER_STATUS__MAX, ACCT_UNLOCK, OP, &why));
	assert_string_equal(why, "state");
	assert_string_equal(acct_action_name(ACCT_SUSPEND), "suspend");
	assert_string_equal(acct_action_name(ACCT__MAX), "");
	for (int act = 0; act < ACCT__MAX; act++)
		assert_true(strlen(acct_action_name((enum acct_action)act)) > 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(every_cell),
		cmocka_unit_test(revoked_terminal),
		cmocka_unit_test(lock_never_touches_suspension),
		cmocka_unit_test(revoke_wipes),
		cmocka_unit_test(steps_audited),
		cmocka_unit_test(out_of_range),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
