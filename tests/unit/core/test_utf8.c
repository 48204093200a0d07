/*
 * test_utf8.c -- X-SEC input validation: strict RFC 3629 UTF-8, no NUL.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdbool.h>
#include <string.h>

#include "core/utf8.h"

/* Byte strings with explicit lengths, so NULs can be inside. */
#define S(lit)	lit, sizeof(lit) - 1

static const struct {
	const char	*what;
	const char	*s;
	size_t		 n;
	size_t		 cps;	/* code points */
} valid[] = {
	{ "empty", S(""), 0 },
	{ "ASCII letter", S("a"), 1 },
	{ "ASCII text", S("Duijie 1.0"), 10 },
	{ "ASCII U+0001", S("\x01"), 1 },
	{ "ASCII U+007F", S("\x7f"), 1 },
	{ "U+0080 smallest 2-byte", S("\xc2\x80"), 1 },
	{ "U+00E9 e-acute", S("\xc3\xa9"), 1 },
	{ "U+07FF largest 2-byte", S("\xdf\xbf"), 1 },
	{ "U+0800 smallest 3-byte", S("\xe0\xa0\x80"), 1 },
	{ "U+5BF9 dui", S("\xe5\xaf\xb9"), 1 },
	{ "duijie", S("\xe5\xaf\xb9\xe6\x8e\xa5"), 2 },
	{ "U+D7FF before surrogates", S("\xed\x9f\xbf"), 1 },
	{ "U+E000 after surrogates", S("\xee\x80\x80"), 1 },
	{ "U+FEFF BOM", S("\xef\xbb\xbf"), 1 },
	{ "U+FFFD replacement", S("\xef\xbf\xbd"), 1 },
	{ "U+FFFF noncharacter is well-formed", S("\xef\xbf\xbf"), 1 },
	{ "U+10000 smallest 4-byte", S("\xf0\x90\x80\x80"), 1 },
	{ "U+1F600 emoji", S("\xf0\x9f\x98\x80"), 1 },
	{ "U+FFFFF", S("\xf3\xbf\xbf\xbf"), 1 },
	{ "U+100000", S("\xf4\x80\x80\x80"), 1 },
	{ "U+10FFFF largest", S("\xf4\x8f\xbf\xbf"), 1 },
	{ "mixed widths", S("a\xc3\xa9\xe5\xaf\xb9\xf0\x9f\x98\x80z"), 5 },
	{ "Guangdong SME", S("\xe5\xb9\xbf\xe4\xb8\x9c SME"), 6 },
	{ "control chars are not UTF-8's business", S("\t\r\n"), 3 },
};

static const struct {
	const char	*what;
	const char	*s;
	size_t		 n;
} invalid[] = {
	{ "NUL alone", S("\0") },
	{ "NUL inside", S("a\0b") },
	{ "NUL at end", S("abc\0") },
	{ "overlong NUL C0 80", S("\xc0\x80") },
	{ "overlong slash C0 AF", S("\xc0\xaf") },
	{ "overlong C1 BF", S("\xc1\xbf") },
	{ "overlong 3-byte E0 80 AF", S("\xe0\x80\xaf") },
	{ "overlong 3-byte E0 9F BF", S("\xe0\x9f\xbf") },
	{ "overlong 4-byte F0 80 80 AF", S("\xf0\x80\x80\xaf") },
	{ "overlong 4-byte F0 8F BF BF", S("\xf0\x8f\xbf\xbf") },
	{ "overlong 5-byte F8", S("\xf8\x80\x80\x80\xaf") },
	{ "overlong 6-byte FC", S("\xfc\x80\x80\x80\x80\xaf") },
	{ "surrogate U+D800", S("\xed\xa0\x80") },
	{ "surrogate U+DBFF", S("\xed\xaf\xbf") },
	{ "surrogate U+DC00", S("\xed\xb0\x80") },
	{ "surrogate U+DFFF", S("\xed\xbf\xbf") },
	{ "surrogate pair CESU-8", S("\xed\xa0\xbd\xed\xb8\x80") },
	{ "U+110000", S("\xf4\x90\x80\x80") },
	{ "F5 lead", S("\xf5\x80\x80\x80") },
	{ "F7 lead", S("\xf7\xbf\xbf\xbf") },
	{ "FE byte", S("\xfe") },
	{ "FF byte", S("\xff") },
	{ "lone continuation 80", S("\x80") },
	{ "lone continuation BF", S("\xbf") },
	{ "continuation after ASCII", S("a\x80") },
	{ "extra continuation", S("\xc3\xa9\xa9") },
	{ "truncated 2-byte", S("\xc3") },
	{ "truncated 3-byte after 1", S("\xe5") },
	{ "truncated 3-byte after 2", S("\xe5\xaf") },
	{ "truncated 4-byte after 3", S("\xf0\x9f\x98") },
	{ "truncated then ASCII", S("\xe5\xafz") },
	{ "2-byte with ASCII second", S("\xc3\x41") },
	{ "3-byte with bad third", S("\xe5\xaf\x41") },
	{ "4-byte with bad fourth", S("\xf0\x9f\x98\xc0") },
	{ "Latin-1 e-acute", S("caf\xe9") },
	{ "GBK dui", S("\xb6\xd4") },
	{ "valid then invalid", S("\xe5\xaf\xb9\xe6\x8e") },
};

static void
xsec_valid_utf8_is_accepted_and_counted(void **state)
{
	size_t	 i;

	(void)state;
	for (i = 0; i < sizeof(valid) / sizeof(valid[0]); i++) {
		if (!utf8_valid(valid[i].s, valid[i].n))
			fail_msg("rejected: %s", valid[i].what);
		if (utf8_len(valid[i].s, valid[i].n) != valid[i].cps)
			fail_msg("length of %s", valid[i].what);
	}
}

static void
xsec_invalid_utf8_and_nul_are_rejected(void **state)
{
	size_t	 i;

	(void)state;
	for (i = 0; i < sizeof(invalid) / sizeof(invalid[0]); i++)
		if (utf8_valid(invalid[i].s, invalid[i].n))
			fail_msg("accepted: %s", invalid[i].what);
}

/* Every invalid sequence stays invalid wherever it sits in a string. */
static void
xsec_invalid_utf8_is_rejected_inside_valid_text(void **state)
{
	char	 buf[64];
	size_t	 i, n;

	(void)state;
	for (i = 0; i < sizeof(invalid) / sizeof(invalid[0]); i++) {
		n = 0;
		memcpy(buf + n, "\xe5\xaf\xb9x", 4);
		n += 4;
		memcpy(buf + n, invalid[i].s, invalid[i].n);
		n += invalid[i].n;
		if (utf8_valid(buf, n))
			fail_msg("accepted at end: %s", invalid[i].what);
		memcpy(buf + n, "y\xe6\x8e\xa5", 4);
		n += 4;
		if (utf8_valid(buf, n))
			fail_msg("accepted in middle: %s", invalid[i].what);
	}
}

/* The length argument is respected: bytes beyond n are never looked at. */
static void
only_n_bytes_are_examined(void **state)
{
	(void)state;
	assert_true(utf8_valid("ab\xff", 2));
	assert_true(utf8_valid("ab\0", 2));
	assert_false(utf8_valid("\xe5\xaf\xb9", 2));
	assert_true(utf8_valid(NULL, 0));
	assert_int_equal(utf8_len("\xe5\xaf\xb9\xe6\x8e\xa5", 3), 1);
}

/* Exhaustive: every 2-byte and 3-byte sequence agrees with a decoder. */
static void
xsec_every_two_and_three_byte_sequence_matches_reference(void **state)
{
	unsigned	 b0, b1, b2, cp;
	unsigned char	 s[3];
	bool		 want;

	(void)state;
	for (b0 = 0xC0; b0 <= 0xDF; b0++)
		for (b1 = 0; b1 <= 0xFF; b1++) {
			s[0] = (unsigned char)b0;
			s[1] = (unsigned char)b1;
			cp = (b0 & 0x1F) << 6 | (b1 & 0x3F);
			want = (b1 & 0xC0) == 0x80 && cp >= 0x80;
			assert_int_equal(utf8_valid((char *)s, 2), want);
		}
	for (b0 = 0xE0; b0 <= 0xEF; b0++)
		for (b1 = 0x80; b1 <= 0xBF; b1++)
			for (b2 = 0; b2 <= 0xFF; b2 += 1) {
				s[0] = (unsigned char)b0;
				s[1] = (unsigned char)b1;
				s[2] = (unsigned char)b2;
				cp = (b0 & 0x0F) << 12 | (b1 & 0x3F) << 6 |
				    (b2 & 0x3F);
				want = (b2 & 0xC0) == 0x80 && cp >= 0x800 &&
				    (cp < 0xD800 || cp > 0xDFFF);
				assert_int_equal(utf8_valid((char *)s, 3),
				    want);
			}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(xsec_valid_utf8_is_accepted_and_counted),
		cmocka_unit_test(xsec_invalid_utf8_and_nul_are_rejected),
		cmocka_unit_test(xsec_invalid_utf8_is_rejected_inside_valid_text),
		cmocka_unit_test(only_n_bytes_are_examined),
		cmocka_unit_test(xsec_every_two_and_three_byte_sequence_matches_reference),
	};

	return cmocka_run_group_tests_name("utf8", tests, NULL, NULL);
}
