/*
 * test_step.c -- the state machines as data (lib/db/step.h): every
 * from-state x action of every machine, allowed (to which state) or
 * refused, as written here.  A state or an action added to a machine
 * without its row here fails: the rows are checked for count, order and
 * every action named.  No database.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "db/step.h"
#include "accounts/staff_request.h"
#include "agency/agency_form.h"
#include "credit/credit_cat.h"
#include "credit/credit_import.h"
#include "credit/credit_view.h"
#include "credit/objection.h"
#include "enterprise/claim.h"
#include "finance/product.h"
#include "finance/loan.h"
#include "info/article.h"
#include "info/feedback.h"
#include "info/event.h"
#include "info/rule.h"
#include "oversight/measure.h"

/* One row: the from-state and, for each action in the machine's order,
 * "action>to-state" or "action>-" (refused), separated by spaces. */
struct row {
	const char	*state;
	const char	*cells;
};

/* Walks the expected rows against the machine, cell by cell. */
static void
enumerate(const struct step_machine *m, const struct row *rows, size_t nrows)
{
	assert_true(step_machine_complete(m));
	/* a state added without its row (or a row too many) */
	assert_int_equal(nrows, m->nstates);
	for (size_t s = 0; s < m->nstates; s++) {
		const char	*p = rows[s].cells;

		assert_string_equal(rows[s].state, m->states[s]);
		assert_int_equal(step_state_parse(m, m->states[s]), (int)s);
		assert_string_equal(step_state_name(m, (int)s), m->states[s]);
		for (size_t a = 0; a < m->nactions; a++) {
			char	 act[40], to[40];
			int	 used = 0;

			/* an action added without its cell in this row */
			if (sscanf(p, " %39[^>]>%39s%n", act, to, &used) != 2)
				fail_msg("%s: row %s lacks action %s", m->name,
				    m->states[s], m->actions[a]);
			p += used;
			assert_string_equal(act, m->actions[a]);
			if (strcmp(to, "-") == 0)
				assert_int_equal(step_next(m, (int)s, (int)a), -1);
			else {
				int t = step_state_parse(m, to);

				assert_true(t >= 0);
				assert_int_equal(step_next(m, (int)s, (int)a), t);
			}
		}
		while (*p == ' ')
			p++;
		/* a cell for an action the machine does not have */
		assert_string_equal(p, "");
	}
	/* out of range is refused, not read */
	assert_int_equal(step_next(m, -1, 0), -1);
	assert_int_equal(step_next(m, (int)m->nstates, 0), -1);
	assert_int_equal(step_next(m, 0, (int)m->nactions), -1);
	assert_int_equal(step_state_parse(m, "no such state"), -1);
	assert_int_equal(step_state_parse(m, NULL), -1);
}

#define N(v)	(sizeof (v) / sizeof (v)[0])

/* the change form's workflow (entered -> checked -> approved ->
 * executed, returned at the check or at the approval). */
static void
r_04_3_agency_form_machine(void **state)
{
	static const struct row rows[] = {
		{ "draft", "save>draft submit>submitted check>- return_at_check>-"
		    " approve>- return_at_approval>- execute>-" },
		{ "submitted", "save>- submit>- check>checked"
		    " return_at_check>returned approve>- return_at_approval>-"
		    " execute>-" },
		{ "checked", "save>- submit>- check>- return_at_check>-"
		    " approve>approved return_at_approval>returned execute>-" },
		{ "approved", "save>- submit>- check>- return_at_check>-"
		    " approve>- return_at_approval>- execute>executed" },
		{ "executed", "save>- submit>- check>- return_at_check>-"
		    " approve>- return_at_approval>- execute>-" },
		{ "returned", "save>returned submit>submitted check>-"
		    " return_at_check>- approve>- return_at_approval>- execute>-" },
	};

	(void)state;
	enumerate(&aform_machine, rows, N(rows));
	/* what the edit page offers follows the table */
	for (int s = 0; s < AF__MAX; s++)
		assert_int_equal(aform_editable((enum aform_status)s),
		    s == AF_DRAFT || s == AF_RETURNED);
}

/* an import batch is confirmed or discarded once validated, and
 * a confirmed one withdrawn; withdrawn and discarded are final. */
static void
r_09_2_credit_batch_machine(void **state)
{
	static const struct row rows[] = {
		{ "validated", "confirm>confirmed discard>discarded withdraw>-" },
		{ "confirmed", "confirm>- discard>- withdraw>withdrawn" },
		{ "withdrawn", "confirm>- discard>- withdraw>-" },
		{ "discarded", "confirm>- discard>- withdraw>-" },
	};

	(void)state;
	enumerate(&cbatch_machine, rows, N(rows));
}

/* X-AUD (four eyes on staff accounts): a pending request is decided
 * once, approved or refused. */
static void
x_aud_staff_request_machine(void **state)
{
	static const struct row rows[] = {
		{ "pending", "approve>approved refuse>refused" },
		{ "approved", "approve>- refuse>-" },
		{ "refused", "approve>- refuse>-" },
	};

	(void)state;
	enumerate(&sreq_machine, rows, N(rows));
}

/* an article is written as a draft, published at once or
 * scheduled for a time, withdrawn and published again; a scheduled one
 * withdrawn goes back to draft; a published one is not rescheduled. */
static void
r_13_1_article_machine(void **state)
{
	static const struct row rows[] = {
		{ "draft", "edit>draft publish>published schedule>scheduled withdraw>-" },
		{ "scheduled", "edit>scheduled publish>published schedule>scheduled withdraw>draft" },
		{ "published", "edit>published publish>- schedule>- withdraw>withdrawn" },
		{ "withdrawn", "edit>withdrawn publish>published schedule>scheduled withdraw>-" },
	};

	(void)state;
	enumerate(&article_machine, rows, N(rows));
}

/* Art. 9(6): a user's feedback is answered once. */
static void
art_9_6_feedback_machine(void **state)
{
	static const struct row rows[] = {
		{ "open", "answer>answered" },
		{ "answered", "answer>-" },
	};

	(void)state;
	enumerate(&feedback_machine, rows, N(rows));
}

/* an event is drafted, published (edited meanwhile) and
 * cancelled; a cancelled one takes nothing. */
static void
r_14_1_event_machine(void **state)
{
	static const struct row rows[] = {
		{ "draft", "edit>draft publish>published withdraw>cancelled" },
		{ "published", "edit>published publish>- withdraw>cancelled" },
		{ "cancelled", "edit>- publish>- withdraw>-" },
	};

	(void)state;
	enumerate(&event_machine, rows, N(rows));
}

/* a seat or a waiting place is given up; only the waiting list
 * moves up into a seat; attendance is marked on seats (and corrected),
 * never on a waiting or cancelled registration. */
static void
r_14_1_event_registration_machine(void **state)
{
	static const struct row rows[] = {
		{ "registered", "cancel>cancelled promote>- attend>attended absent>absent" },
		{ "waiting", "cancel>cancelled promote>registered attend>- absent>-" },
		{ "cancelled", "cancel>- promote>- attend>- absent>-" },
		{ "attended", "cancel>- promote>- attend>- absent>absent" },
		{ "absent", "cancel>- promote>- attend>attended absent>-" },
	};

	(void)state;
	enumerate(&event_reg_machine, rows, N(rows));
}

/* a revision of the measures is drafted and edited, submitted,
 * then published by a supervisor or sent back to draft; a published
 * version never changes. */
static void
r_17_1_rule_machine(void **state)
{
	static const struct row rows[] = {
		{ "draft", "edit>draft submit>pending approve>- reject>-" },
		{ "pending", "edit>- submit>- approve>published reject>draft" },
		{ "published", "edit>- submit>- approve>- reject>-" },
	};

	(void)state;
	enumerate(&rule_machine, rows, N(rows));
}

/* a credit category is offered for import or not; an edit moves
 * it either way. */
static void
r_09_2_credit_category_machine(void **state)
{
	static const struct row rows[] = {
		{ "inactive", "edit_active>active edit_inactive>inactive" },
		{ "active", "edit_active>active edit_inactive>inactive" },
	};

	(void)state;
	enumerate(&ccat_machine, rows, N(rows));
}

/* R-08.2e: an objection is accepted (or refused as inadmissible), checked
 * and decided once: corrected, removed, kept or cannot be confirmed; an
 * operator takes over an open one without changing its state. */
static void
r_08_2e_objection_machine(void **state)
{
	static const struct row rows[] = {
		{ "filed", "accept>accepted refuse>refused check>- correct>- remove>-"
		    " keep>- unconfirm>- take_over>filed" },
		{ "accepted", "accept>- refuse>- check>checked correct>- remove>-"
		    " keep>- unconfirm>- take_over>accepted" },
		{ "refused", "accept>- refuse>- check>- correct>- remove>- keep>-"
		    " unconfirm>- take_over>-" },
		{ "checked", "accept>- refuse>- check>- correct>corrected remove>removed"
		    " keep>kept unconfirm>unconfirmed take_over>checked" },
		{ "corrected", "accept>- refuse>- check>- correct>- remove>- keep>-"
		    " unconfirm>- take_over>-" },
		{ "removed", "accept>- refuse>- check>- correct>- remove>- keep>-"
		    " unconfirm>- take_over>-" },
		{ "kept", "accept>- refuse>- check>- correct>- remove>- keep>-"
		    " unconfirm>- take_over>-" },
		{ "unconfirmed", "accept>- refuse>- check>- correct>- remove>- keep>-"
		    " unconfirm>- take_over>-" },
	};

	(void)state;
	enumerate(&objection_machine, rows, N(rows));
}

/* R-08.2c: an enterprise's own request to see its credit information is
 * decided once, granted or refused. */
static void
r_08_2c_credit_request_machine(void **state)
{
	static const struct row rows[] = {
		{ "pending", "grant>granted refuse>refused" },
		{ "granted", "grant>- refuse>-" },
		{ "refused", "grant>- refuse>-" },
	};

	(void)state;
	enumerate(&csr_machine, rows, N(rows));
}

/* a financing product is drafted, published, withdrawn and
 * published again, or taken down by an operator for good. */
static void
r_12_1_product_machine(void **state)
{
	static const struct row rows[] = {
		{ "draft", "edit>draft publish>published withdraw>-"
		    " take_down>taken_down" },
		{ "published", "edit>published publish>- withdraw>withdrawn"
		    " take_down>taken_down" },
		{ "withdrawn", "edit>withdrawn publish>published withdraw>-"
		    " take_down>taken_down" },
		{ "taken_down", "edit>- publish>- withdraw>- take_down>-" },
	};

	(void)state;
	enumerate(&product_machine, rows, N(rows));
}

/* a claim on an existing enterprise is decided once, or
 * withdrawn by its claimant while pending. */
static void
r_06_1_claim_machine(void **state)
{
	static const struct row rows[] = {
		{ "pending", "approve>approved refuse>refused withdraw>withdrawn" },
		{ "approved", "approve>- refuse>- withdraw>-" },
		{ "refused", "approve>- refuse>- withdraw>-" },
		{ "withdrawn", "approve>- refuse>- withdraw>-" },
	};

	(void)state;
	enumerate(&claim_machine, rows, N(rows));
}

/* R-08.2a, R-08.2b: a loan application is edited and withdrawn by the
 * enterprise until an FI takes it up; taken up by one FI, assigned,
 * released (open again), approved or declined, then disbursed or not
 * taken; the consent revoked whenever it was given; a published one
 * expires (past its expire_at), a taken-up one without a decision is
 * republished by the enterprise (past its reclaim_at; both limits checked
 * under the lock, loan_clock.h); closed states take no other step. */
static void
r_08_2b_loan_machine(void **state)
{
#define CLOSED(s) { s, "edit>- publish>- withdraw>- revoke>" s " take>- assign>-" \
	    " release>- approve>- decline>- disburse>- not_taken>- expire>-" \
	    " republish>-" }
	static const struct row rows[] = {
		{ "draft", "edit>draft publish>published withdraw>withdrawn revoke>-"
		    " take>- assign>- release>- approve>- decline>- disburse>-"
		    " not_taken>- expire>- republish>-" },
		{ "published", "edit>published publish>- withdraw>withdrawn"
		    " revoke>published take>taken assign>- release>- approve>-"
		    " decline>- disburse>- not_taken>- expire>expired republish>-" },
		{ "taken", "edit>- publish>- withdraw>- revoke>taken take>-"
		    " assign>taken release>published approve>approved"
		    " decline>declined disburse>- not_taken>- expire>-"
		    " republish>published" },
		{ "approved", "edit>- publish>- withdraw>- revoke>approved take>-"
		    " assign>- release>- approve>- decline>- disburse>disbursed"
		    " not_taken>not_taken expire>- republish>-" },
		CLOSED("declined"), CLOSED("disbursed"), CLOSED("not_taken"),
		CLOSED("withdrawn"), CLOSED("expired"),
	};
#undef CLOSED

	(void)state;
	enumerate(&loan_machine, rows, N(rows));
}

/* an operator's measure waits for a supervisor (four eyes, in
 * the step); an FI's is in force for its own dealings at once and may be
 * adopted platform-wide; an operator's lift waits for a supervisor, an
 * FI lifts its own; refused and lifted measures take no step. */
static void
r_15_1_measure_machine(void **state)
{
	static const struct row rows[] = {
		{ "pending", "approve>active refuse>refused adopt>- lift>-" },
		{ "refused", "approve>- refuse>- adopt>- lift>-" },
		{ "active", "approve>- refuse>- adopt>- lift>lift_pending" },
		{ "fi_active", "approve>- refuse>- adopt>adopt_pending lift>lifted" },
		{ "adopt_pending", "approve>active refuse>fi_active adopt>- lift>-" },
		{ "lift_pending", "approve>lifted refuse>active adopt>- lift>-" },
		{ "lifted", "approve>- refuse>- adopt>- lift>-" },
	};

	(void)state;
	enumerate(&measure_machine, rows, N(rows));
}

/* A machine with a cell left undeclared (0) is incomplete, and the cell
 * refuses; a to-state outside the machine is incomplete too. */
static void
step_machine_incomplete_is_reported(void **state)
{
	static const char *const st[] = { "a", "b" };
	static const char *const ac[] = { "go", "stop" };
	static const signed char holes[2][2] = {
		{ STEP_TO(1), STEP_NO }, { STEP_NO /* , stop undeclared */ },
	};
	static const signed char wild[2][2] = {
		{ STEP_TO(1), STEP_NO }, { STEP_NO, STEP_TO(2) },
	};
	const struct step_machine h = { "holes", 2, 2, st, ac, &holes[0][0] };
	const struct step_machine w = { "wild", 2, 2, st, ac, &wild[0][0] };

	(void)state;
	assert_false(step_machine_complete(&h));
	assert_int_equal(step_next(&h, 0, 0), 1);
	assert_int_equal(step_next(&h, 1, 1), -1);
	assert_false(step_machine_complete(&w));
	assert_int_equal(step_next(&w, 1, 1), -1);
	assert_string_equal(step_state_name(&w, 2), "");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(r_04_3_agency_form_machine),
		cmocka_unit_test(r_09_2_credit_batch_machine),
		cmocka_unit_test(x_aud_staff_request_machine),
		cmocka_unit_test(r_09_2_credit_category_machine),
		cmocka_unit_test(r_13_1_article_machine),
		cmocka_unit_test(art_9_6_feedback_machine),
		cmocka_unit_test(r_14_1_event_machine),
		cmocka_unit_test(r_14_1_event_registration_machine),
		cmocka_unit_test(r_17_1_rule_machine),
		cmocka_unit_test(r_08_2c_credit_request_machine),
		cmocka_unit_test(r_08_2e_objection_machine),
		cmocka_unit_test(r_06_1_claim_machine),
		cmocka_unit_test(r_12_1_product_machine),
		cmocka_unit_test(r_08_2b_loan_machine),
		cmocka_unit_test(r_15_1_measure_machine),
		cmocka_unit_test(step_machine_incomplete_is_reported),
	};

	return cmocka_run_group_tests_name("step", tests, NULL, NULL);
}
