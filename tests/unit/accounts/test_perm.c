/*
 * test_perm.c -- the permission rule table (issue 16, R-02.3, X-SEC,
 * 等保 level 3 三权分立): every cell of role x permission against the
 * rule as the issue states it, the separation of the three
 * administrative roles, the account's permission set and the security
 * settings' table.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdbool.h>
#include <string.h>

#include "accounts/perm.h"

/* The rule as the issue states it, written independently of the table. */
static enum perm_rule
expected(enum role r, enum perm p)
{
	switch (p) {
	case PERM_CREDIT_VIEW:
		/* gov: the account's permission and the role's; the offices
		 * through their role; nobody else */
		if (r == ROLE_GOV)
			return PERM_BY_ROLE_USER;
		return r == ROLE_OPERATOR || r == ROLE_SUPERVISOR ?
		    PERM_BY_ROLE : PERM_NEVER;
	case PERM_CREDIT_IMPORT:
		return r == ROLE_GOV ? PERM_BY_ROLE_USER : PERM_NEVER;
	case PERM_STAFF_ADMIN:
		return r == ROLE_SYSADMIN ? PERM_FIXED : PERM_NEVER;
	case PERM_SECURITY_ADMIN:
		return r == ROLE_SECADMIN ? PERM_FIXED : PERM_NEVER;
	case PERM_AUDIT_READ:
		return r == ROLE_AUDITOR ? PERM_FIXED : PERM_NEVER;
	default:
		return PERM_NEVER;
	}
}

/* X-SEC every cell of role x permission */
static void
x_sec_every_cell(void **state)
{
	(void)state;
	for (int r = 0; r < ROLE__MAX; r++)
		for (int p = 0; p < PERM__MAX; p++) {
			enum perm_rule want = expected((enum role)r, (enum perm)p);

			assert_int_equal(perm_cell((enum role)r, (enum perm)p), want);
			assert_int_equal(perm_assignable((enum role)r, (enum perm)p),
			    want == PERM_BY_ROLE || want == PERM_BY_ROLE_USER);
		}
	/* outside the enums: never */
	assert_int_equal(perm_cell(ROLE__MAX, PERM_CREDIT_VIEW), PERM_NEVER);
	assert_int_equal(perm_cell(ROLE_GOV, PERM__MAX), PERM_NEVER);
	assert_false(perm_assignable(ROLE__MAX, PERM_CREDIT_VIEW));
}

/* X-SEC 三权分立: each administrative role has exactly one permission,
 * its own, fixed; no two share one; nothing is assignable to them, and
 * none of theirs to anyone -- so no assignment combines two roles */
static void
x_sec_admin_roles_never_combine(void **state)
{
	static const enum role admins[] = { ROLE_SYSADMIN, ROLE_SECADMIN, ROLE_AUDITOR };
	unsigned seen = 0;

	(void)state;
	for (size_t i = 0; i < 3; i++) {
		unsigned mine = 0;

		assert_int_not_equal(role_admin(admins[i]), ADMIN_NONE);
		for (int p = 0; p < PERM__MAX; p++) {
			enum perm_rule c = perm_cell(admins[i], (enum perm)p);

			assert_true(c == PERM_NEVER || c == PERM_FIXED);
			assert_false(perm_assignable(admins[i], (enum perm)p));
			if (c == PERM_FIXED)
				mine |= PERM_BIT(p);
		}
		/* exactly one bit, and nobody else's */
		assert_int_not_equal(mine, 0);
		assert_int_equal(mine & (mine - 1), 0);
		assert_int_equal(seen & mine, 0);
		seen |= mine;
	}
	assert_int_not_equal(role_admin(ROLE_SYSADMIN), role_admin(ROLE_SECADMIN));
	assert_int_not_equal(role_admin(ROLE_SECADMIN), role_admin(ROLE_AUDITOR));
	assert_int_not_equal(role_admin(ROLE_SYSADMIN), role_admin(ROLE_AUDITOR));
	/* the administrative permissions: fixed to their role, never given */
	for (int r = 0; r < ROLE__MAX; r++)
		for (int p = 0; p < PERM__MAX; p++)
			if (seen & PERM_BIT(p))
				assert_false(perm_assignable((enum role)r, (enum perm)p));
	/* the administrators are staff: intranet, two factors, password age */
	for (size_t i = 0; i < 3; i++)
		assert_true(ROLES_STAFF & ROLE_BIT(admins[i]));
	/* business roles are no administrators */
	assert_int_equal(role_admin(ROLE_OPERATOR), ADMIN_NONE);
	assert_int_equal(role_admin(ROLE_SUPERVISOR), ADMIN_NONE);
	assert_int_equal(role_admin(ROLE_GOV), ADMIN_NONE);
	assert_int_equal(role_admin(ROLE_FI), ADMIN_NONE);
	assert_int_equal(role_admin(ROLE_ENTERPRISE), ADMIN_NONE);
}

/* the account's set (users.perms, a change form line) */
static void
r_04_2_perm_set_round_trip(void **state)
{
	struct arena *a = arena_new(256);

	(void)state;
	assert_int_equal(perm_set_parse(""), 0);
	assert_int_equal(perm_set_parse(NULL), 0);
	assert_int_equal(perm_set_parse("credit.view"), PERM_BIT(PERM_CREDIT_VIEW));
	assert_int_equal(perm_set_parse("credit.view,credit.import"), PERMS_ACCOUNT);
	/* an administrative or unknown name is no account permission */
	assert_int_equal(perm_set_parse("audit.read,nonsense,credit.import"),
	    PERM_BIT(PERM_CREDIT_IMPORT));
	assert_string_equal(perm_set_text(a, 0), "");
	assert_string_equal(perm_set_text(a, PERMS_ACCOUNT), "credit.view,credit.import");
	assert_string_equal(perm_set_text(a, PERM_BIT(PERM_AUDIT_READ) |
	    PERM_BIT(PERM_CREDIT_IMPORT)), "credit.import");
	for (int p = 0; p < PERM__MAX; p++)
		assert_int_equal(perm_parse(perm_name((enum perm)p)), p);
	assert_int_equal(perm_parse("credit"), -1);
	arena_free(a);
}

/* X-SEC the security settings: named, bounded, each its own slot, and the
 * configuration's defaults within the bounds */
static void
x_sec_settings_table(void **state)
{
	struct config_auth auth;

	(void)state;
	memset(&auth, 0, sizeof auth);
	for (int i = 0; i < SS__MAX; i++) {
		assert_non_null(secset_defs[i].name);
		assert_true(secset_defs[i].min > 0);
		assert_true(secset_defs[i].min <= secset_defs[i].max);
		*secset_slot(&auth, (enum secset)i) = (unsigned)i + 1;
		for (int j = 0; j < i; j++) {
			assert_ptr_not_equal(secset_slot(&auth, (enum secset)i),
			    secset_slot(&auth, (enum secset)j));
			assert_string_not_equal(secset_defs[i].name, secset_defs[j].name);
		}
	}
	for (int i = 0; i < SS__MAX; i++)
		assert_int_equal(*secset_slot(&auth, (enum secset)i), (unsigned)i + 1);
	/* conf/duijie.hdf's values are settable */
	assert_true(5 >= secset_defs[SS_MAX_FAILURES].min && 5 <= secset_defs[SS_MAX_FAILURES].max);
	assert_true(1800 >= secset_defs[SS_SESSION_IDLE].min && 1800 <= secset_defs[SS_SESSION_IDLE].max);
	assert_true(43200 <= secset_defs[SS_SESSION_ABSOLUTE].max);
	assert_true(90 <= secset_defs[SS_STAFF_PW_DAYS].max);
}

/* X-SEC the settings as session_lookup reads them (one column,
 * "name=value,..."): each valid pair in its slot, the configuration's
 * value kept for a missing, unknown, unparsable or out-of-bounds one */
static void
x_sec_settings_apply(void **state)
{
	struct config_auth base, out;

	(void)state;
	memset(&base, 0, sizeof base);
	base.max_failures = 5;
	base.session_idle = 1800;
	base.session_absolute = 43200;
	base.pending_secs = 300;
	secset_apply(&base, NULL, &out);
	assert_memory_equal(&out, &base, sizeof base);
	secset_apply(&base, "", &out);
	assert_memory_equal(&out, &base, sizeof base);
	secset_apply(&base, "max_failures=3,session_idle=600", &out);
	assert_int_equal(out.max_failures, 3);
	assert_int_equal(out.session_idle, 600);
	assert_int_equal(out.session_absolute, 43200);
	assert_int_equal(out.pending_secs, 300);
	assert_int_equal(base.max_failures, 5);		/* base untouched */
	secset_apply(&base, "nosuch=1,max_failures=x3,session_idle,"
	    "session_absolute=99999999999,max_failures=4", &out);
	assert_int_equal(out.max_failures, 4);
	assert_int_equal(out.session_idle, 1800);
	assert_int_equal(out.session_absolute, 43200);
	secset_apply(&base, "max_failures=0", &out);	/* below its minimum */
	assert_int_equal(out.max_failures, 5);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(x_sec_every_cell),
		cmocka_unit_test(x_sec_admin_roles_never_combine),
		cmocka_unit_test(r_04_2_perm_set_round_trip),
		cmocka_unit_test(x_sec_settings_table),
		cmocka_unit_test(x_sec_settings_apply),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
