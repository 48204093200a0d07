/*
 * test_inbox.c -- the checks of a notice before it is written
 * (lib/accounts/inbox.c; issues 14 and 15, R-08.2d, X-SEC): a link is a
 * path of the same portal, never another host or a scheme; a kind is a
 * short code; title and body are valid UTF-8 within their limits.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <string.h>

#include "accounts/inbox.h"

#define NELEM(a)	(sizeof(a) / sizeof((a)[0]))

static void
x_sec_links_stay_on_the_portal(void **state)
{
	static const char *const good[] = {
		"", "/", "/loans/42", "/objections/7?tab=reply", "/inbox?page=2&done=read",
		"/loans/42#messages",
	};
	static const char *const bad[] = {
		"//evil.example/", "///x", "/\\evil.example", "https://evil.example/",
		"javascript:alert(1)", "loans/42", " /loans/42", "/loans/42 x",
		"/loans\r\nSet-Cookie: x", "/loans/\t1", "/贷款", "/x\x7f",
	};
	char long_link[INBOX_LINK_MAX + 2];

	(void)state;
	for (size_t i = 0; i < NELEM(good); i++)
		if (!inbox_link_valid(good[i]))
			fail_msg("refused: \"%s\"", good[i]);
	for (size_t i = 0; i < NELEM(bad); i++)
		if (inbox_link_valid(bad[i]))
			fail_msg("accepted: \"%s\"", bad[i]);
	assert_true(inbox_link_valid(NULL));
	memset(long_link, 'a', sizeof long_link);
	long_link[0] = '/';
	long_link[INBOX_LINK_MAX] = '\0';
	assert_true(inbox_link_valid(long_link));
	long_link[INBOX_LINK_MAX] = 'a';
	long_link[INBOX_LINK_MAX + 1] = '\0';
	assert_false(inbox_link_valid(long_link));
}

static void
r_08_2d_kinds_are_codes(void **state)
{
	(void)state;
	assert_true(inbox_kind_valid("loan.taken"));
	assert_true(inbox_kind_valid("objection.accepted"));
	assert_true(inbox_kind_valid("claim_2.x"));
	assert_false(inbox_kind_valid(""));
	assert_false(inbox_kind_valid(NULL));
	assert_false(inbox_kind_valid("Loan.Taken"));
	assert_false(inbox_kind_valid("loan taken"));
	assert_false(inbox_kind_valid("loan-taken"));
	assert_false(inbox_kind_valid("0123456789012345678901234567890123456789x"));
	assert_true(inbox_kind_valid("0123456789012345678901234567890123456789"));
}

static void
r_08_2d_note_check(void **state)
{
	struct inbox_note	 n = { "loan.taken", "您的申请已被受理", NULL, "/loans/1", true };
	char			 title[4 * INBOX_TITLE_MAX + 8], body[3 * INBOX_BODY_MAX + 8];
	size_t			 k = 0;

	(void)state;
	assert_null(inbox_note_check(&n));
	assert_string_equal(inbox_note_check(NULL), "kind");
	n.kind = "Bad Kind";
	assert_string_equal(inbox_note_check(&n), "kind");
	n.kind = "loan.taken";
	n.title = "";
	assert_string_equal(inbox_note_check(&n), "title");
	n.title = NULL;
	assert_string_equal(inbox_note_check(&n), "title");
	n.title = "\xff\xfe not UTF-8";
	assert_string_equal(inbox_note_check(&n), "title");
	/* exactly INBOX_TITLE_MAX characters (3 bytes each) pass, one more not */
	for (int i = 0; i < INBOX_TITLE_MAX; i++, k += 3)
		memcpy(title + k, "贷", 3);
	title[k] = '\0';
	n.title = title;
	assert_null(inbox_note_check(&n));
	memcpy(title + k, "款", 4);
	assert_string_equal(inbox_note_check(&n), "title");
	n.title = "ok";
	k = 0;
	for (int i = 0; i < INBOX_BODY_MAX; i++, k += 3)
		memcpy(body + k, "审", 3);
	body[k] = '\0';
	n.body = body;
	assert_null(inbox_note_check(&n));
	memcpy(body + k, "x", 2);
	assert_string_equal(inbox_note_check(&n), "body");
	n.body = "";
	n.link = "//evil.example/";
	assert_string_equal(inbox_note_check(&n), "link");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(x_sec_links_stay_on_the_portal),
		cmocka_unit_test(r_08_2d_kinds_are_codes),
		cmocka_unit_test(r_08_2d_note_check),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
