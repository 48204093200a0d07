/*
 * test_account_rule.c -- who may act on whose account, every cell of
 * actor role x target role x action, then self and region (R-02.2, R-04,
 * X-SEC); the staff table of requests and approvals on staff
 * accounts (issue 12 item 3).
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdbool.h>
#include <string.h>

#include "accounts/account_rule.h"

/* The rule as the issue states it, written independently of the table. */
static enum acct_verdict
expected(enum role actor, enum role target, enum acct_action act)
{
	bool user_action = act == ACCT_UNLOCK || act == ACCT_SUSPEND ||
	    act == ACCT_REACTIVATE || act == ACCT_PW_RESET ||
	    act == ACCT_TOTP_RESET;

	if (actor != ROLE_OPERATOR)
		return RULE_DENY;	/* only operators act on /users */
	switch (target) {
	case ROLE_ENTERPRISE:
		return user_action && act != ACCT_TOTP_RESET ? RULE_OK : RULE_DENY;
	case ROLE_GOV:
		if (act == ACCT_PW_RESET)
			return RULE_VIA_FORM;	/* only a 重置密码 line */
		return user_action ? RULE_OK : RULE_DENY;
	case ROLE_FI:
		return user_action ? RULE_OK : RULE_DENY;
	case ROLE_OPERATOR:
	case ROLE_SUPERVISOR:
	case ROLE_AUDITOR:
	case ROLE_SYSADMIN:
	case ROLE_SECADMIN:
		return user_action || act == ACCT_REVOKE ? RULE_STAFF : RULE_DENY;
	default:
		return RULE_DENY;
	}
}

static const char *const regions[] = { "440000", "440100", "440600" };

/* X-SEC every cell, from every pair of regions, of another person */
static void
every_cell(void **state)
{
	(void)state;
	for (int ar = 0; ar < ROLE__MAX; ar++)
		for (int tr = 0; tr < ROLE__MAX; tr++)
			for (int act = 0; act < ACCT__MAX; act++) {
				enum acct_verdict want = expected((enum role)ar,
				    (enum role)tr, (enum acct_action)act);

				assert_int_equal(acct_rule_cell((enum role)ar,
				    (enum role)tr, (enum acct_action)act), want);
				for (size_t i = 0; i < 3; i++)
					for (size_t j = 0; j < 3; j++) {
						struct acct_party me = { 1, (enum role)ar, regions[i] };
						struct acct_party them = { 2, (enum role)tr, regions[j] };
						bool covers = i == 0 || i == j;
						enum acct_verdict got = acct_rule(&me, &them,
						    (enum acct_action)act);

						if (want == RULE_OK && !covers)
							assert_int_equal(got, RULE_REGION);
						else
							assert_int_equal(got, want);
					}
			}
}

/* X-SEC nobody acts on their own account, whatever role or action */
static void
nobody_on_self(void **state)
{
	(void)state;
	for (int r = 0; r < ROLE__MAX; r++)
		for (int act = 0; act < ACCT__MAX; act++) {
			struct acct_party me = { 7, (enum role)r, "440000" };

			assert_int_equal(acct_rule(&me, &me, (enum acct_action)act), RULE_SELF);
		}
}

/* a city's operator acts on its own city's enterprise, gov and fi
 * users only; the province's on every city's */
static void
region_scope(void **state)
{
	struct acct_party gz = { 1, ROLE_OPERATOR, "440100" };
	struct acct_party gd = { 2, ROLE_OPERATOR, "440000" };
	struct acct_party fs_gov = { 3, ROLE_GOV, "440600" };
	struct acct_party gz_fi = { 4, ROLE_FI, "440100" };

	(void)state;
	assert_int_equal(acct_rule(&gz, &fs_gov, ACCT_SUSPEND), RULE_REGION);
	assert_int_equal(acct_rule(&gd, &fs_gov, ACCT_SUSPEND), RULE_OK);
	assert_int_equal(acct_rule(&gz, &gz_fi, ACCT_PW_RESET), RULE_OK);
	assert_int_equal(acct_rule(&gz, &fs_gov, ACCT_PW_RESET), RULE_VIA_FORM);
}

/* out of range is refused */
static void
out_of_range(void **state)
{
	struct acct_party me = { 1, ROLE__MAX, "440000" };
	struct acct_party them = { 2, ROLE_FI, "440000" };

	(void)state;
	assert_int_equal(acct_rule_cell(ROLE__MAX, ROLE_FI, ACCT_UNLOCK), RULE_DENY);
	assert_int_equal(acct_rule_cell(ROLE_OPERATOR, ROLE__MAX, ACCT_UNLOCK), RULE_DENY);
	assert_int_equal(acct_rule_cell(ROLE_OPERATOR, ROLE_FI, ACCT__MAX), RULE_DENY);
	assert_int_equal(acct_rule(&me, &them, ACCT_UNLOCK), RULE_DENY);
	for (int v = 0; v < RULE__MAX; v++)
		assert_true(strlen(acct_verdict_name((enum acct_verdict)v)) > 0);
}

/* The staff table as the issue states it: operators ask, supervisors
 * decide, for the five /users actions on operator, supervisor and auditor
 * accounts; nothing else (a revocation stays duijie-admin's or a form's). */
static enum acct_verdict
expected_ask(enum acct_ask ask, enum role actor, enum role target,
    enum acct_action act)
{
	bool staff = target == ROLE_OPERATOR || target == ROLE_SUPERVISOR ||
	    target == ROLE_AUDITOR || target == ROLE_SYSADMIN ||
	    target == ROLE_SECADMIN;	/* the three administrators too (issue 16) */
	bool user_action = act == ACCT_UNLOCK || act == ACCT_SUSPEND ||
	    act == ACCT_REACTIVATE || act == ACCT_PW_RESET ||
	    act == ACCT_TOTP_RESET;
	enum role who = ask == ACCT_ASK_REQUEST ? ROLE_OPERATOR : ROLE_SUPERVISOR;

	return actor == who && staff && user_action ? RULE_OK : RULE_DENY;
}

/* X-SEC every cell of the staff table, and the request rule from every
 * region: only the province's operators ask */
static void
every_ask_cell(void **state)
{
	(void)state;
	for (int k = 0; k < ACCT_ASK__MAX; k++)
		for (int ar = 0; ar < ROLE__MAX; ar++)
			for (int tr = 0; tr < ROLE__MAX; tr++)
				for (int act = 0; act < ACCT__MAX; act++) {
					enum acct_verdict want = expected_ask((enum acct_ask)k,
					    (enum role)ar, (enum role)tr, (enum acct_action)act);

					assert_int_equal(acct_ask_cell((enum acct_ask)k,
					    (enum role)ar, (enum role)tr,
					    (enum acct_action)act), want);
					if (k != ACCT_ASK_REQUEST)
						continue;
					for (size_t i = 0; i < 3; i++) {
						struct acct_party me = { 1, (enum role)ar, regions[i] };
						struct acct_party them = { 2, (enum role)tr, regions[(i + 1) % 3] };
						enum acct_verdict got = acct_rule_request(&me, &them,
						    (enum acct_action)act);

						if (want == RULE_OK && i != 0)
							assert_int_equal(got, RULE_PROVINCE);
						else
							assert_int_equal(got, want);
					}
				}
	/* a request is for what a direct action refuses as RULE_STAFF */
	for (int tr = 0; tr < ROLE__MAX; tr++)
		for (int act = 0; act < ACCT__MAX; act++)
			if (acct_ask_cell(ACCT_ASK_REQUEST, ROLE_OPERATOR,
			    (enum role)tr, (enum acct_action)act) == RULE_OK)
				assert_int_equal(acct_rule_cell(ROLE_OPERATOR,
				    (enum role)tr, (enum acct_action)act), RULE_STAFF);
	/* the province's operator may not act directly, only ask */
	{
		struct acct_party gd = { 1, ROLE_OPERATOR, "440000" };
		struct acct_party aud = { 2, ROLE_AUDITOR, "440000" };

		assert_int_equal(acct_rule(&gd, &aud, ACCT_PW_RESET), RULE_STAFF);
		assert_int_equal(acct_rule_request(&gd, &aud, ACCT_PW_RESET), RULE_OK);
		assert_int_equal(acct_rule_request(&gd, &aud, ACCT_REVOKE), RULE_DENY);
	}
}

/* X-SEC nobody asks for or approves an action on their own account; the
 * requester never approves (four eyes); a supervisor decides only in its
 * region */
static void
approval_rules(void **state)
{
	struct acct_party op_gd = { 1, ROLE_OPERATOR, "440000" };
	struct acct_party sup_gd = { 2, ROLE_SUPERVISOR, "440000" };
	struct acct_party sup_gz = { 3, ROLE_SUPERVISOR, "440100" };
	struct acct_party aud_gd = { 4, ROLE_AUDITOR, "440000" };
	struct acct_party op_gz = { 5, ROLE_OPERATOR, "440100" };
	struct acct_party op_fs = { 6, ROLE_OPERATOR, "440600" };

	(void)state;
	for (int act = 0; act < ACCT__MAX; act++) {
		assert_int_equal(acct_rule_request(&op_gd, &op_gd,
		    (enum acct_action)act), RULE_SELF);
		assert_int_equal(acct_rule_approve(&sup_gd, op_gd.id, &sup_gd,
		    (enum acct_action)act), RULE_SELF);
		assert_int_equal(acct_rule_approve(&sup_gd, sup_gd.id, &aud_gd,
		    (enum acct_action)act), RULE_REQUESTER);
	}
	assert_int_equal(acct_rule_approve(&sup_gd, op_gd.id, &aud_gd, ACCT_PW_RESET), RULE_OK);
	assert_int_equal(acct_rule_approve(&sup_gd, op_gd.id, &op_fs, ACCT_SUSPEND), RULE_OK);
	assert_int_equal(acct_rule_approve(&sup_gz, op_gd.id, &op_gz, ACCT_UNLOCK), RULE_OK);
	assert_int_equal(acct_rule_approve(&sup_gz, op_gd.id, &aud_gd, ACCT_PW_RESET), RULE_REGION);
	assert_int_equal(acct_rule_approve(&sup_gz, op_gd.id, &op_fs, ACCT_UNLOCK), RULE_REGION);
	/* an operator or an auditor approves nothing; a supervisor asks nothing */
	assert_int_equal(acct_rule_approve(&op_gz, op_gd.id, &aud_gd, ACCT_UNLOCK), RULE_DENY);
	assert_int_equal(acct_rule_approve(&aud_gd, op_gd.id, &op_gz, ACCT_UNLOCK), RULE_DENY);
	assert_int_equal(acct_rule_request(&sup_gd, &aud_gd, ACCT_UNLOCK), RULE_DENY);
	/* a city's operator does not ask */
	assert_int_equal(acct_rule_request(&op_gz, &aud_gd, ACCT_PW_RESET), RULE_PROVINCE);
	/* out of range */
	assert_int_equal(acct_ask_cell(ACCT_ASK__MAX, ROLE_OPERATOR, ROLE_AUDITOR,
	    ACCT_UNLOCK), RULE_DENY);
	assert_int_equal(acct_ask_cell(ACCT_ASK_REQUEST, ROLE_OPERATOR, ROLE_AUDITOR,
	    ACCT__MAX), RULE_DENY);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(every_cell),
		cmocka_unit_test(nobody_on_self),
		cmocka_unit_test(region_scope),
		cmocka_unit_test(out_of_range),
		cmocka_unit_test(every_ask_cell),
		cmocka_unit_test(approval_rules),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
