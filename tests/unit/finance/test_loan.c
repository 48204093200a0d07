/*
 * test_loan.c -- the rules of a loan application (issue 14, R-08.2a,
 * R-08.2b, R-03.1): the fields the form cannot check alone, publication
 * needing the consent and the disclaimer, the application number and the
 * names of states and actions.  The state table itself is enumerated in
 * tests/unit/db/test_step.c.  No database.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "finance/loan.h"

static const struct loan_input good = {
	.amount_wan = 200, .term_months = 12, .purpose = "采购原材料",
	.guarantee = "", .product_id = 0, .consent = true, .disclaimer = true,
};

/* The fields of the errors as one string "a,b". */
static const char *
fields(const struct loan_input *in, bool publish, char *buf, size_t len)
{
	struct loan_error	e[8];
	size_t			n = loan_check(in, publish, e, 8), used = 0;

	buf[0] = '\0';
	for (size_t i = 0; i < n; i++)
		used += (size_t)snprintf(buf + used, len - used, "%s%s:%s",
		    i > 0 ? "," : "", e[i].field, e[i].key);
	return buf;
}

static void
r08_2a_loan_check(void **state)
{
	struct loan_input	in;
	char			buf[256];

	(void)state;
	assert_string_equal(fields(&good, true, buf, sizeof buf), "");
	assert_string_equal(fields(&good, false, buf, sizeof buf), "");
	in = good;
	in.consent = false;
	in.disclaimer = false;
	/* a draft needs neither */
	assert_string_equal(fields(&in, false, buf, sizeof buf), "");
	assert_string_equal(fields(&in, true, buf, sizeof buf),
	    "consent:loan_consent,disclaimer:loan_disclaimer");
	in = good;
	in.disclaimer = false;
	assert_string_equal(fields(&in, true, buf, sizeof buf),
	    "disclaimer:loan_disclaimer");
	in = good;
	in.amount_wan = 0;
	in.term_months = LOAN_TERM_MAX + 1;
	in.purpose = "";
	assert_string_equal(fields(&in, false, buf, sizeof buf),
	    "amount_wan:loan_amount,term_months:loan_term,purpose:required");
	in = good;
	in.amount_wan = LOAN_AMOUNT_MAX;
	in.term_months = LOAN_TERM_MAX;
	assert_string_equal(fields(&in, true, buf, sizeof buf), "");
	in.amount_wan = LOAN_AMOUNT_MAX + 1;
	in.purpose = NULL;
	assert_string_equal(fields(&in, false, buf, sizeof buf),
	    "amount_wan:loan_amount,purpose:required");
	/* errs is filled up to max, the count is capped */
	{
		struct loan_error e[1];

		in = good;
		in.amount_wan = 0;
		in.consent = false;
		assert_int_equal(loan_check(&in, true, e, 1), 1);
		assert_string_equal(e[0].field, "amount_wan");
	}
}

static void
r08_2b_loan_number(void **state)
{
	char n[LOAN_NUMBER_LEN];

	(void)state;
	loan_number(42, n);
	assert_string_equal(n, "XD00000042");
	loan_number(123456789, n);
	assert_string_equal(n, "XD123456789");
	loan_number(1, n);
	assert_string_equal(n, "XD00000001");
}

static void
r08_2b_names(void **state)
{
	(void)state;
	for (int s = 0; s < LS__MAX; s++)
		assert_int_equal(loan_status_parse(loan_status_name((enum loan_status)s)), s);
	assert_string_equal(loan_status_name(LS_NOT_TAKEN), "not_taken");
	assert_string_equal(loan_status_name(LS__MAX), "");
	assert_int_equal(loan_status_parse("taken_up"), -1);
	assert_int_equal(loan_status_parse(NULL), -1);
	assert_string_equal(loan_action_name(LA_TAKE), "take");
	assert_string_equal(loan_action_name(LA__MAX), "");
	assert_null(loan_decline_names[LD__MAX]);
	assert_string_equal(loan_decline_names[LD_OTHER], "other");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(r08_2a_loan_check),
		cmocka_unit_test(r08_2b_loan_number),
		cmocka_unit_test(r08_2b_names),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
