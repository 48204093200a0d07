/*
 * test_password.c -- R-11.1 password policy (等保 level 3): length in
 * characters, three of four classes, no username, no mobile number, not
 * a common password even with digits/symbols around it, no controls.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <ctype.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "password.h"

#define NELEM(a)	(sizeof(a) / sizeof((a)[0]))

/* 对接平台 (4 characters, 12 bytes) and 对 alone. */
#define CJK4	"\xe5\xaf\xb9\xe6\x8e\xa5\xe5\xb9\xb3\xe5\x8f\xb0"
#define CJK1	"\xe5\xaf\xb9"
#define CJK40	CJK4 CJK4 CJK4 CJK4 CJK4 CJK4 CJK4 CJK4 CJK4 CJK4
/* 张三丰 and 张三 as usernames. */
#define ZSF	"\xe5\xbc\xa0\xe4\xb8\x89\xe4\xb8\xb0"
#define ZS	"\xe5\xbc\xa0\xe4\xb8\x89"
/* 64 bytes with upper, lower and digit. */
#define B10	"Tkq8vmzrwp"
#define B64	B10 B10 B10 B10 B10 B10 "Tkq8"

#define MOB	"13812345678"

static const struct {
	const char	*what;
	const char	*pw;
	const char	*user;
	const char	*mobile;
	const char	*want;	/* NULL: accepted */
} policy[] = {
	/* R-11.1 length: at least 10 characters, at most 128 bytes. */
	{ "R-11.1 empty", "", NULL, NULL, "pw_short" },
	{ "R-11.1 4 characters", "Ab1!", NULL, NULL, "pw_short" },
	{ "R-11.1 9 characters", "Tkq8vm#rw", NULL, NULL, "pw_short" },
	{ "R-11.1 10 characters", "Tkq8vm#rwp", NULL, NULL, NULL },
	{ "R-11.1 11 characters", "Tkq8vm#rwpz", NULL, NULL, NULL },
	{ "R-11.1 9 chars in 17 bytes (CJK)", CJK4 "Abc12", NULL, NULL,
	  "pw_short" },
	{ "R-11.1 10 chars in 18 bytes (CJK)", CJK4 "Abc123", NULL, NULL,
	  NULL },
	{ "R-11.1 9 CJK characters (27 bytes)", CJK4 CJK4 CJK1, NULL, NULL,
	  "pw_short" },
	{ "R-11.1 128 bytes", B64 B64, NULL, NULL, NULL },
	{ "R-11.1 129 bytes", B64 B64 "x", NULL, NULL, "pw_long" },
	{ "R-11.1 42 CJK + a1 = 128 bytes", CJK40 CJK1 CJK1 "a1", NULL, NULL,
	  NULL },
	{ "R-11.1 43 CJK = 129 bytes", CJK40 CJK1 CJK1 CJK1, NULL, NULL,
	  "pw_long" },
	{ "R-11.1 control chars do not rescue the length", "\t\t\t",
	  NULL, NULL, "pw_short" },

	/* R-11.1 classes: three of upper, lower, digit, symbol. */
	{ "R-11.1 lower only", "korabelnik", NULL, NULL, "pw_classes" },
	{ "R-11.1 upper only", "KORABELNIK", NULL, NULL, "pw_classes" },
	{ "R-11.1 digits only", "8203917465", NULL, NULL, "pw_classes" },
	{ "R-11.1 symbols only", "!@#$%^&*()", NULL, NULL, "pw_classes" },
	{ "R-11.1 upper+lower", "KorabelNik", NULL, NULL, "pw_classes" },
	{ "R-11.1 lower+digit", "korab31nik", NULL, NULL, "pw_classes" },
	{ "R-11.1 lower+symbol", "korab#lnik", NULL, NULL, "pw_classes" },
	{ "R-11.1 upper+digit", "KORAB31NIK", NULL, NULL, "pw_classes" },
	{ "R-11.1 digit+symbol", "82039-17465", NULL, NULL, "pw_classes" },
	{ "R-11.1 upper+lower+digit", "Korab31nik", NULL, NULL, NULL },
	{ "R-11.1 lower+digit+symbol", "korab31n#k", NULL, NULL, NULL },
	{ "R-11.1 upper+digit+symbol", "KORAB31N#K", NULL, NULL, NULL },
	{ "R-11.1 upper+lower+symbol", "Korab#lnik", NULL, NULL, NULL },
	{ "R-11.1 all four", "K0rab#lnik", NULL, NULL, NULL },
	{ "R-11.1 space is a symbol", "Korab lnik", NULL, NULL, NULL },
	{ "R-11.1 CJK only: one class", CJK4 CJK4 CJK1 CJK1, NULL, NULL,
	  "pw_classes" },
	{ "R-11.1 CJK + lower: two classes", CJK4 CJK4 "ab", NULL, NULL,
	  "pw_classes" },
	{ "R-11.1 CJK counts as symbol", CJK4 CJK4 "a1", NULL, NULL, NULL },
	{ "R-11.1 accented letter counts as symbol",
	  "\xc3\x89" "clair2026x", NULL, NULL, NULL },
	{ "R-11.1 NBSP counts as symbol", "korab31nik\xc2\xa0", NULL, NULL,
	  NULL },
	{ "R-11.1 a control char is no symbol", "korab31nik\t", NULL, NULL,
	  "pw_classes" },

	/* R-11.1 username, case-insensitive, when >= 3 characters. */
	{ "R-11.1 username as is", "zhangsan#2026", "zhangsan", NULL,
	  "pw_username" },
	{ "R-11.1 username other case", "xxZHANGSANxx1!", "zhangsan", NULL,
	  "pw_username" },
	{ "R-11.1 username mixed case in both", "Q7!zHaNgSaN", "ZhangSan",
	  NULL, "pw_username" },
	{ "R-11.1 username at the end", "Tkq8vm#rwpzhangsan", "zhangsan",
	  NULL, "pw_username" },
	{ "R-11.1 username 3 chars", "Bob-the-builder1", "bob", NULL,
	  "pw_username" },
	{ "R-11.1 username 2 chars ignored", "Li#2026xyzw", "li", NULL,
	  NULL },
	{ "R-11.1 CJK username 3 chars", ZSF "Abc12345", ZSF, NULL,
	  "pw_username" },
	{ "R-11.1 CJK username 2 chars ignored", ZS "Abc1234567", ZS, NULL,
	  NULL },
	{ "R-11.1 username split is not inside", "zhang-san#2026A",
	  "zhangsan", NULL, NULL },
	{ "R-11.1 username longer than pw part", "Zhangsa#2026x",
	  "zhangsan", NULL, NULL },
	{ "R-11.1 NULL username", "Zhangsan#2026", NULL, NULL, NULL },
	{ "R-11.1 empty username", "Zhangsan#2026", "", NULL, NULL },

	/* R-11.1 mobile: all 11 digits or the last 8. */
	{ "R-11.1 mobile 11 digits", "Tk#" MOB, NULL, MOB, "pw_mobile" },
	{ "R-11.1 mobile inside", "Ab" MOB "cd", NULL, MOB, "pw_mobile" },
	{ "R-11.1 mobile last 8", "Tk#12345678xx", NULL, MOB, "pw_mobile" },
	{ "R-11.1 mobile last 8 at start", "12345678Tk#x", NULL, MOB,
	  "pw_mobile" },
	{ "R-11.1 mobile last 7 only", "Tk#2345678xyz", NULL, MOB, NULL },
	{ "R-11.1 mobile first 8 only", "Tk#13812345xyz", NULL, MOB, NULL },
	{ "R-11.1 mobile not contiguous", "Tk#1381234-5678x", NULL, MOB,
	  NULL },
	{ "R-11.1 mobile written with +86 and dashes", "Abc12345678!", NULL,
	  "+86 138-1234-5678", "pw_mobile" },
	{ "R-11.1 mobile with 86 prefix, full 11", "Xy!" MOB, NULL,
	  "8613812345678", "pw_mobile" },
	{ "R-11.1 NULL mobile", "Tk#" MOB, NULL, NULL, NULL },
	{ "R-11.1 empty mobile", "Tk#" MOB, NULL, "", NULL },
	{ "R-11.1 mobile too short to judge", "Tk#1234567xyz", NULL,
	  "1234567", NULL },

	/* R-11.1 common passwords, exact or with padding stripped. */
	{ "R-11.1 Password123!", "Password123!", NULL, NULL, "pw_common" },
	{ "R-11.1 !Qwerty2026", "!Qwerty2026", NULL, NULL, "pw_common" },
	{ "R-11.1 P@ssw0rd12", "P@ssw0rd12", NULL, NULL, "pw_common" },
	{ "R-11.1 Passw0rd!!", "Passw0rd!!", NULL, NULL, "pw_common" },
	{ "R-11.1 Admin@1234 exact", "Admin@1234", NULL, NULL, "pw_common" },
	{ "R-11.1 Huawei@123 exact", "Huawei@123", NULL, NULL, "pw_common" },
	{ "R-11.1 Abc@123456 exact", "Abc@123456", NULL, NULL, "pw_common" },
	{ "R-11.1 Qwer1234!!", "Qwer1234!!", NULL, NULL, "pw_common" },
	{ "R-11.1 1qaz@WSX3edc", "1qaz@WSX3edc", NULL, NULL, "pw_common" },
	{ "R-11.1 1q2w3e4r5T", "1q2w3e4r5T", NULL, NULL, "pw_common" },
	{ "R-11.1 Woaini1314!", "Woaini1314!", NULL, NULL, "pw_common" },
	{ "R-11.1 WOAINI@520x is no hit (x)", "WOAINI@520x", NULL, NULL,
	  NULL },
	{ "R-11.1 Zhangwei1990.", "Zhangwei1990.", NULL, NULL, "pw_common" },
	{ "R-11.1 Iloveyou520!", "Iloveyou520!", NULL, NULL, "pw_common" },
	{ "R-11.1 MyPassword1!", "MyPassword1!", NULL, NULL, "pw_common" },
	{ "R-11.1 12!Love!34 (4-char core)", "12!Love!34", NULL, NULL,
	  "pw_common" },
	{ "R-11.1 product name", "Duijie@2026", NULL, NULL, "pw_common" },
	{ "R-11.1 Aa123456!! (symbols stripped)", "Aa123456!!", NULL, NULL,
	  "pw_common" },
	{ "R-11.1 !!Qq123456 (symbols stripped)", "!!Qq123456", NULL, NULL,
	  "pw_common" },
	{ "R-11.1 Admin@123!! (symbols stripped)", "#Admin@123!!", NULL, NULL,
	  "pw_common" },
	{ "R-11.1 spaces around", "  Sunshine 99", NULL, NULL, "pw_common" },
	{ "R-11.1 near miss: Passwort2026!", "Passwort2026!", NULL, NULL,
	  NULL },
	{ "R-11.1 near miss: letter after", "Qwerty2026x", NULL, NULL, NULL },
	{ "R-11.1 near miss: letter before", "X-Password123!", NULL, NULL,
	  NULL },
	{ "R-11.1 near miss: two words", "Password-manager-7", NULL, NULL,
	  NULL },
	{ "R-11.1 near miss: core under 4 chars", "99Zte!!8888", NULL, NULL,
	  NULL },
	{ "R-11.1 near miss: CJK core", "2026!" CJK4 "!ab", NULL, NULL,
	  NULL },

	/* R-11.1 control characters. */
	{ "R-11.1 tab", "Korab31ni!\t", NULL, NULL, "pw_chars" },
	{ "R-11.1 newline", "Korab31ni!\n", NULL, NULL, "pw_chars" },
	{ "R-11.1 DEL", "Korab31ni!\x7f", NULL, NULL, "pw_chars" },
	{ "R-11.1 escape sequence", "Korab31ni!\x1b[0m", NULL, NULL,
	  "pw_chars" },
	{ "R-11.1 C1 control U+0085", "Korab31ni!\xc2\x85", NULL, NULL,
	  "pw_chars" },
	{ "R-11.1 invalid UTF-8", "Korab31ni!\xff", NULL, NULL, "pw_chars" },
	{ "R-11.1 Latin-1 bytes", "Caf\xe9-2026-ok", NULL, NULL,
	  "pw_chars" },

	/* R-11.1 the first broken rule is the one reported. */
	{ "R-11.1 short beats classes", "abc", NULL, NULL, "pw_short" },
	{ "R-11.1 short beats common", "P@ssw0rd1", NULL, NULL, "pw_short" },
	{ "R-11.1 classes beat common", "1qaz2wsx3edc", NULL, NULL,
	  "pw_classes" },
	{ "R-11.1 username beats mobile", "zhangsan" MOB "!", "zhangsan",
	  MOB, "pw_username" },
	{ "R-11.1 username beats common", "Admin@1234", "admin", NULL,
	  "pw_username" },
	{ "R-11.1 mobile beats common", "Password" MOB, NULL, MOB,
	  "pw_mobile" },
	{ "R-11.1 common beats chars", "Password1!\t", NULL, NULL,
	  "pw_common" },
	{ "R-11.1 good with user and mobile", "Tkq8vm#rwp", "zhangsan", MOB,
	  NULL },
	{ "R-11.1 good Chinese passphrase", CJK4 "-2026-" CJK4 "Go", "zhangsan",
	  MOB, NULL },
};

static void
r11_1_policy_table(void **state)
{
	const char	*got;
	size_t		 i;

	(void)state;
	for (i = 0; i < NELEM(policy); i++) {
		got = password_policy(policy[i].pw, policy[i].user,
		    policy[i].mobile);
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
	assert_string_equal(password_policy(NULL, NULL, NULL), "pw_short");
}

/* Exact, case-insensitive hits across the whole (sorted) list. */
static const char *const common_hits[] = {
	"!@#$%^", "!@#$%^&*", "000000", "0123456789", "111111", "123456",
	"1234567890", "123qwe!@#", "1q2w3e4r5t", "1qaz2wsx", "1qaz2wsx3edc",
	"5201314", "654321", "888888", "987654321", "a123456789",
	"A123456789", "aa123456", "Abc@123456", "abc123456", "admin",
	"ADMIN", "Admin@123", "aini1314", "asdfghjkl", "baobei520",
	"caonima", "changeme", "china", "duijie", "Duijie@123", "football",
	"Huawei@123", "HUAWEI@123", "iloveyou", "ILoveYou", "letmein",
	"liuyang", "mima", "monkey", "nihao123", "P@ssw0rd", "p@ssw0rd",
	"P@ssword1", "Passw0rd!", "password", "PASSWORD", "PaSsWoRd",
	"password123", "qq123456", "Qq123456", "qwer1234!", "Qwer1234!",
	"qwerty", "qwertyuiop", "root", "sunshine", "test@123", "wangwei",
	"welcome", "woaini", "woaini1314", "WoAiNi1314", "xiaoming",
	"zaq12wsx", "zhangwei", "zhongguo", "zxcvbnm", "zz123456",
};

static const char *const common_misses[] = {
	"", "a", "passwor", "passwordd", " password", "password ",
	"pass word", "Password123!", "!Qwerty2026", "qwertyuiop1",
	"1qaz2wsx3ed", "woaini13141", "zhangsanfeng", "Tkq8vm#rwp",
	"\xef\xbc\xb0\xef\xbd\x81\xef\xbd\x93\xef\xbd\x93",	/* Ｐａｓｓ */
	CJK4, "zzz", "~~~~~~", "{}",
	"a very long passphrase that is not in any list at all 2026",
};

static void
r11_1_is_common_exact_case_insensitive(void **state)
{
	size_t	 i;

	(void)state;
	for (i = 0; i < NELEM(common_hits); i++)
		if (!password_is_common(common_hits[i]))
			fail_msg("not common: %s", common_hits[i]);
	for (i = 0; i < NELEM(common_misses); i++)
		if (password_is_common(common_misses[i]))
			fail_msg("common: %s", common_misses[i]);
	assert_false(password_is_common(NULL));
}

/*
 * Every hit that starts and ends with a letter, wrapped in digits and
 * symbols (at least 10 characters in all), is refused as pw_common.
 */
static void
r11_1_padded_common_passwords_are_refused(void **state)
{
	static const char *const pads[][2] = {
		{ "", "2026!!" }, { "!!", "2026" }, { "1990", ".." },
		{ "@", "@12345" }, { "  ", " 8888" }, { "#12", "34#" },
	};
	char		 pw[64];
	const char	*got, *h;
	size_t		 i, j, n, tried = 0;

	(void)state;
	for (i = 0; i < NELEM(common_hits); i++) {
		h = common_hits[i];
		n = strlen(h);
		if (!isalpha((unsigned char)h[0]) ||
		    !isalpha((unsigned char)h[n - 1]))
			continue;
		for (j = 0; j < NELEM(pads); j++) {
			snprintf(pw, sizeof(pw), "%s%s%s", pads[j][0], h,
			    pads[j][1]);
			got = password_policy(pw, NULL, NULL);
			if (got == NULL || strcmp(got, "pw_common") != 0)
				fail_msg("%s: %s", pw, got ? got : "accepted");
			tried++;
		}
	}
	assert_true(tried >= 100);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(r11_1_policy_table),
		cmocka_unit_test(r11_1_policy_null_password_is_short),
		cmocka_unit_test(r11_1_is_common_exact_case_insensitive),
		cmocka_unit_test(r11_1_padded_common_passwords_are_refused),
	};

	return cmocka_run_group_tests_name("password", tests, NULL, NULL);
}
