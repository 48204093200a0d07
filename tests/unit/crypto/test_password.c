/*
 * test_password.c -- R-11.1 password policy (ASVS 2.1, 等保 level 3):
 * 12 to 128 characters counted as characters, the class rule only under
 * 16 characters, nothing of the account in it (username, USCC, mobile,
 * enterprise name), nothing cracklib refuses, no controls.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "crypto/password.h"

#define NELEM(a)	(sizeof(a) / sizeof((a)[0]))

/* 对接平台 (4 characters, 12 bytes) and 对 alone. */
#define CJK4	"\xe5\xaf\xb9\xe6\x8e\xa5\xe5\xb9\xb3\xe5\x8f\xb0"
#define CJK1	"\xe5\xaf\xb9"
#define CJK40	CJK4 CJK4 CJK4 CJK4 CJK4 CJK4 CJK4 CJK4 CJK4 CJK4
/* 春眠不觉晓 处处闻啼鸟 夜来风雨声 花落知多少 (23 characters, spaces) */
#define POEM	"\xe6\x98\xa5\xe7\x9c\xa0\xe4\xb8\x8d\xe8\xa7\x89\xe6\x99\x93 " \
		"\xe5\xa4\x84\xe5\xa4\x84\xe9\x97\xbb\xe5\x95\xbc\xe9\xb8\x9f " \
		"\xe5\xa4\x9c\xe6\x9d\xa5\xe9\xa3\x8e\xe9\x9b\xa8\xe5\xa3\xb0 " \
		"\xe8\x8a\xb1\xe8\x90\xbd\xe7\x9f\xa5\xe5\xa4\x9a\xe5\xb0\x91"
/* 广州对接科技有限公司 */
#define ENT	"\xe5\xb9\xbf\xe5\xb7\x9e\xe5\xaf\xb9\xe6\x8e\xa5\xe7\xa7\x91" \
		"\xe6\x8a\x80\xe6\x9c\x89\xe9\x99\x90\xe5\x85\xac\xe5\x8f\xb8"
#define B10	"Tkq8vmzrwp"
#define MOB	"13812345678"
#define USCC	"91440101MA59XXXX1Q"

static const struct pw_context ctx_full = { "zhangsan", MOB, USCC, ENT };

static const struct {
	const char		*what;
	const char		*pw;
	const struct pw_context	*ctx;
	const char		*want;	/* NULL: accepted */
} policy[] = {
	/* ASVS 2.1.1: at least 12 characters, counted as characters. */
	{ "R-11.1 empty", "", NULL, "pw_short" },
	{ "R-11.1 11 characters", "Tkq8vm#rwpz", NULL, "pw_short" },
	{ "R-11.1 12 characters", "Tkq8vm#rwpzX", NULL, NULL },
	{ "R-11.1 11 chars in 19 bytes (CJK) is short", CJK4 "Abc12#x", NULL,
	  "pw_short" },
	{ "R-11.1 12 chars in 20 bytes (CJK)", CJK4 "Abc12#xy", NULL, NULL },
	{ "R-11.1 11 CJK characters (33 bytes) is short",
	  CJK4 CJK4 CJK1 CJK1 CJK1, NULL, "pw_short" },
	/* ASVS 2.1.2/2.1.3: 64 and more accepted, spaces and CJK too. */
	{ "R-11.1 64 characters accepted", B10 B10 B10 B10 B10 B10 "Tkq8",
	  NULL, NULL },
	{ "R-11.1 Chinese passphrase with spaces", POEM, &ctx_full, NULL },
	{ "R-11.1 Latin passphrase with spaces", "correct horse battery staple",
	  NULL, NULL },
	{ "R-11.1 128 characters (384 bytes)", CJK40 CJK40 CJK40 CJK4 CJK4,
	  NULL, NULL },
	{ "R-11.1 129 characters", CJK40 CJK40 CJK40 CJK4 CJK4 CJK1, NULL,
	  "pw_long" },
	/* 等保 classes only under 16 characters. */
	{ "R-11.1 15 lower-case characters need classes", "tkqvmzrwpxlnbhy",
	  NULL, "pw_classes" },
	{ "R-11.1 16 lower-case characters do not", "tkqvmzrwpxlnbhyd",
	  NULL, NULL },
	{ "R-11.1 12 characters of three classes", "tkq8vm#rwpzx", NULL, NULL },
	/* Nothing of the account. */
	{ "R-11.1 username", "Xx-zhangsan-2026", &ctx_full, "pw_username" },
	{ "R-11.1 username any case", "Xx-ZhangSan-2026", &ctx_full,
	  "pw_username" },
	{ "R-11.1 USCC", "pw:" USCC, &ctx_full, "pw_uscc" },
	{ "R-11.1 USCC lower case", "pw:91440101ma59xxxx1q", &ctx_full,
	  "pw_uscc" },
	{ "R-11.1 mobile", "Tkq#" MOB, &ctx_full, "pw_mobile" },
	{ "R-11.1 last 8 digits of the mobile", "Tkq#vm12345678", &ctx_full,
	  "pw_mobile" },
	{ "R-11.1 enterprise name", ENT "-2026-ok", &ctx_full, "pw_org" },
	/* cracklib. */
	{ "R-11.1 dictionary word with digits and a symbol", "Password1234!",
	  NULL, "pw_common" },
	{ "R-11.1 dictionary word padded", "2026sunshine!!", NULL,
	  "pw_common" },
	{ "R-11.1 too systematic", "abcdefghijklmnop", NULL, "pw_common" },
	{ "R-11.1 too few different characters", "aaaaaaaaaaaaaaaaaaaa", NULL,
	  "pw_common" },
	{ "R-11.1 repeated CJK character", CJK1 CJK1 CJK1 CJK1 CJK1 CJK1
	  CJK1 CJK1 CJK1 CJK1 CJK1 CJK1 CJK1 CJK1 CJK1 CJK1, NULL,
	  "pw_common" },
	/* Characters. */
	{ "R-11.1 invalid UTF-8", "Korab31ni!xx\xff", NULL, "pw_chars" },
	{ "R-11.1 control character", "Tkq8vm#rwpzX\t", NULL, "pw_chars" },
	/* The first broken rule is the one reported. */
	{ "R-11.1 short beats classes", "abc", NULL, "pw_short" },
	{ "R-11.1 username beats mobile", "zhangsan" MOB "!", &ctx_full,
	  "pw_username" },
	{ "R-11.1 good with every context", "Tkq8vm#rwpzX", &ctx_full, NULL },
};

static void
r11_1_policy_table(void **state)
{
	const char	*got;
	size_t		 i;

	(void)state;
	for (i = 0; i < NELEM(policy); i++) {
		got = password_policy(policy[i].pw, policy[i].ctx);
		if (got == NULL && policy[i].want == NULL)
			continue;
		if (got == NULL || policy[i].want == NULL ||
		    strcmp(got, policy[i].want) != 0)
			fail_msg("%s: got %s, want %s", policy[i].what,
			    got ? got : "(accepted)",
			    policy[i].want ? policy[i].want : "(accepted)");
	}
}

static void
r11_1_policy_null_password_is_short(void **state)
{
	(void)state;
	assert_string_equal(password_policy(NULL, NULL), "pw_short");
}

/* Common passwords that pass length and classes alone are refused by
 * the dictionary, also with what people append. */
static void
r11_1_dictionary_words_are_refused(void **state)
{
	static const char *const words[] = {
		"password", "sunshine", "welcome", "computer", "football",
		"dragon", "monkey", "princess", "internet",
	};
	static const char *const pads[][2] = {
		{ "", "2026!!@@" }, { "!!", "20262026" }, { "1990", "...." },
		{ "@@@@", "@12345" },
	};
	char		 pw[64];
	const char	*got;
	size_t		 i, j;

	(void)state;
	for (i = 0; i < NELEM(words); i++)
		for (j = 0; j < NELEM(pads); j++) {
			snprintf(pw, sizeof pw, "%s%s%s", pads[j][0], words[i],
			    pads[j][1]);
			got = password_policy(pw, NULL);
			if (got == NULL || strcmp(got, "pw_common") != 0)
				fail_msg("%s: %s", pw, got ? got : "accepted");
		}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(r11_1_policy_table),
		cmocka_unit_test(r11_1_policy_null_password_is_short),
		cmocka_unit_test(r11_1_dictionary_words_are_refused),
	};

	return cmocka_run_group_tests_name("password", tests, NULL, NULL);
}
