/*
 * test_loan_msg.c -- who may post on a loan application's thread (issue
 * 14 "Questions and answers", R-08.2d): every status of loan_machine
 * against the enterprise, the handling FI, another FI, an FI on an open
 * application, another enterprise, an operator and the system.  No
 * database (the thread's reads are tested through HTTP, t_93).
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "finance/loan_msg.h"

enum who { ENT, OTHER_ENT, FI, OTHER_FI, OPERATOR, SYSTEM, WHO__MAX };

static struct scope
scope_of(enum who w)
{
	struct scope s;

	memset(&s, 0, sizeof s);
	s.kind = SCOPE_USER;
	snprintf(s.region, sizeof s.region, "%s", "440100");
	switch (w) {
	case ENT:
	case OTHER_ENT:
		s.role = ROLE_ENTERPRISE;
		s.org_kind = "enterprise";
		s.org_id = w == ENT ? 7 : 8;
		break;
	case FI:
	case OTHER_FI:
		s.role = ROLE_FI;
		s.org_kind = "fi";
		s.org_id = w == FI ? 3 : 4;
		break;
	case OPERATOR:
		s.role = ROLE_OPERATOR;
		s.org_kind = "office";
		s.org_id = 3;	/* the same number as the FI's: never a party */
		break;
	default:
		scope_system(&s);
		break;
	}
	return s;
}

/*
 * Expected answer per status, for the enterprise (7) and the handling FI
 * (3) of an application handled by FI 3: M may, C closed (a party, but
 * the state takes no message).
 */
static const char expect_handled[LS__MAX] = {
	[LS_DRAFT] = 'C', [LS_PUBLISHED] = 'M', [LS_TAKEN] = 'M',
	[LS_APPROVED] = 'M', [LS_DECLINED] = 'C', [LS_DISBURSED] = 'C',
	[LS_NOT_TAKEN] = 'C', [LS_WITHDRAWN] = 'C', [LS_EXPIRED] = 'C',
};

static char
code(enum loan_msg_may m)
{
	return m == LM_MAY ? 'M' : m == LM_CLOSED ? 'C' : 'N';
}

static void
r08_2d_who_may_post_by_status(void **state)
{
	struct loan	l;

	(void)state;
	memset(&l, 0, sizeof l);
	l.id = 42;
	l.enterprise_id = 7;
	for (int st = 0; st < LS__MAX; st++) {
		l.status = (enum loan_status)st;
		/* handled by FI 3 (addressed to it, or taken up by it) */
		l.fi_id = 3;
		for (int w = 0; w < WHO__MAX; w++) {
			struct scope	sc = scope_of((enum who)w);
			char		want = w == ENT || w == FI ? expect_handled[st] : 'N';
			char		got = code(loan_msg_may_post(&l, &sc));

			if (got != want)
				fail_msg("status %d who %d: got %c, want %c", st, w, got, want);
		}
		/* open, no FI yet: the enterprise has nobody to write to, and no
		 * FI is a party before it takes it up */
		l.fi_id = 0;
		for (int w = 0; w < WHO__MAX; w++) {
			struct scope	sc = scope_of((enum who)w);
			char		want = w == ENT ? 'C' : 'N';
			char		got = code(loan_msg_may_post(&l, &sc));

			if (got != want)
				fail_msg("open, status %d who %d: got %c, want %c", st, w, got, want);
		}
	}
}

/* An FI user with a zero organisation never matches an open application. */
static void
r08_2d_no_org_is_no_party(void **state)
{
	struct loan	l;
	struct scope	sc = scope_of(FI);

	(void)state;
	memset(&l, 0, sizeof l);
	l.status = LS_TAKEN;
	sc.org_id = 0;
	assert_int_equal(loan_msg_may_post(&l, &sc), LM_NOT_PARTY);
	sc = scope_of(ENT);
	sc.org_id = 0;
	assert_int_equal(loan_msg_may_post(&l, &sc), LM_NOT_PARTY);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(r08_2d_who_may_post_by_status),
		cmocka_unit_test(r08_2d_no_org_is_no_party),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
