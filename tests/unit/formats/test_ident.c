/*
 * test_ident.c -- R-06.1 identity formats checked on registration (USCC,
 * resident ID, mobile, registration number) and screen masks.
 *
 * Valid codes were computed with the algorithms of FORMATS.md outside
 * this program; gen_uscc() below is an independent second implementation
 * that the known codes are checked against before it is trusted to make
 * codes for every Guangdong city.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "formats/ident.h"

#define NELEM(a)	(sizeof(a) / sizeof((a)[0]))

/* "Today" for every birth-date check. */
#define TY	2025
#define TM	6
#define TD	15

/* Fills a buffer that must come back unchanged from a failed call. */
#define SENTINEL	'Q'

static bool
untouched(const char *buf, size_t n)
{
	size_t	 i;

	for (i = 0; i < n; i++)
		if (buf[i] != SENTINEL)
			return false;
	return true;
}

/*
 * A second implementation of GB 32100 + GB 11714, written differently
 * from lib/formats/ident.c on purpose (weights computed, letter values looked
 * up): completes a 16-character prefix into an 18-character code.
 */
static void
gen_uscc(const char *p16, char out[19])
{
	static const char	 cs[] = "0123456789ABCDEFGHJKLMNPQRTUWXY";
	static const char	 gb[] = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
	static const int	 ow[] = { 3, 7, 9, 10, 5, 8, 4, 2 };
	int			 i, sum, w, c;

	memcpy(out, p16, 16);
	for (sum = 0, i = 0; i < 8; i++)
		sum += (int)(strchr(gb, p16[8 + i]) - gb) * ow[i];
	c = 11 - sum % 11;
	out[16] = c == 10 ? 'X' : c == 11 ? '0' : (char)('0' + c);
	for (sum = 0, w = 1, i = 0; i < 17; i++, w = w * 3 % 31)
		sum += (int)(strchr(cs, out[i]) - cs) * w;
	out[17] = cs[(31 - sum % 31) % 31];
	out[18] = '\0';
}

/* Valid USCCs (upper-case, as stored) with the region they map to, or
 * NULL when uscc_region() must say no. */
static const struct {
	const char	*code;
	const char	*region;
} uscc_ok[] = {
	/* Given in the brief. */
	{ "91440104567890120G", "440100" },
	{ "91440106987654327Q", "440100" },
	{ "91440304123456788F", "440300" },
	/* One per category and per city, digits and "MA" bodies. */
	{ "91440104MAT2FQ813G", "440100" },
	{ "91440106975504735J", "440100" },
	{ "92440203MADXHHM345", "440200" },
	{ "93440305849165154P", "440300" },
	{ "11440402MAR8EN3Q4W", "440400" },
	{ "124405074109357300", "440500" },
	{ "51440604MALNWRGX6C", "440600" },
	{ "52440703539645910W", "440700" },
	{ "53440811831944360M", "440800" },
	{ "91440902293803201Y", "440900" },
	{ "92441202MAHWMKK92B", "441200" },
	{ "9144130286427026XE", "441300" },
	{ "91441402MAC3E7R25G", "441400" },
	{ "91441502MAMUWEER7R", "441500" },
	{ "91441602MAR2GDF9XC", "441600" },
	{ "91441702MADY26PM89", "441700" },
	{ "91441802720081494N", "441800" },
	{ "91441900MA68GEAX4T", "441900" },
	{ "92442000MADXWDKF05", "442000" },
	{ "91445102777267476Y", "445100" },
	{ "91445202296945678Y", "445200" },
	{ "91445302MA5XT9H07N", "445300" },
	/* Provincial and city-level registering authorities. */
	{ "91440000MAY150KQ7F", "440000" },
	{ "91440100MAMNBBYF76", "440100" },
	{ "91440300MA1X64Y84W", "440300" },
	/* GB 11714 letters after H, valued A=10 ... Z=35 (not 0..30). */
	{ "91440101MA59JKLP0R", "440100" },
	{ "91440101MA5CQRTU2P", "440100" },
	{ "91440101MA4WXY129K", "440100" },
	{ "91440101JKLMNPQRXL", "440100" },
	{ "91440101MA9UWXYNX8", "440100" },
	/* Edge values of both checks: 10 -> X, 11 -> 0, 31 -> 0. */
	{ "9144030000000006XE", "440300" },
	{ "914401000000000004", "440100" },
	{ "9144050000000022X0", "440500" },
	/* Valid codes from outside Guangdong. */
	{ "91110108567890120R", NULL },		/* Beijing Haidian */
	{ "91110108MADRRRTG1Q", NULL },
	{ "91310115731552394D", NULL },		/* Shanghai Pudong */
	{ "9145010001107710XQ", NULL },		/* Guangxi Nanning */
	{ "9143000050139380X4", NULL },		/* Hunan */
	/* 44xxxx that is neither the province nor one of its 21 cities. */
	{ "91449900MA4KTX254H", NULL },
	{ "91441100MAX8XTWL9P", NULL },
	{ "91441000023777787J", NULL },
	{ "91440001914545015Y", NULL },
	{ "91445400MA888YFD7R", NULL },
	{ "91440099MAAB11YP47", NULL },
	/* Checks pass, but positions 3-8 are not a GB/T 2260 code. */
	{ "9144AB00123456788T", NULL },
};

/* Input forms that normalise to a code. */
static const struct {
	const char	*in;
	const char	*want;
} uscc_forms[] = {
	{ "91440104567890120g", "91440104567890120G" },
	{ "91440104mat2fq813g", "91440104MAT2FQ813G" },
	{ "91440104MaT2fQ813G", "91440104MAT2FQ813G" },
	{ "  91440304123456788F", "91440304123456788F" },
	{ "91440304123456788F  ", "91440304123456788F" },
	{ " \t91440304123456788f\r\n", "91440304123456788F" },
	{ "9144030000000006xe", "9144030000000006XE" },
	{ "91440101ma59jklp0r", "91440101MA59JKLP0R" },
};

static const struct {
	const char	*what;
	const char	*in;
	const char	*key;
} uscc_bad[] = {
	{ "NULL", NULL, "uscc_length" },
	{ "empty", "", "uscc_length" },
	{ "only spaces", "    ", "uscc_length" },
	{ "17 characters", "91440104567890120", "uscc_length" },
	{ "19 characters", "91440104567890120G0", "uscc_length" },
	{ "36 characters", "91440104567890120G91440104567890120G",
	    "uscc_length" },
	{ "inner space makes 19", "914401 04567890120G", "uscc_length" },
	{ "inner hyphen makes 19", "914401-04567890120G", "uscc_length" },
	{ "full-width digit", "\xef\xbc\x99" "1440104567890120G",
	    "uscc_length" },
	{ "inner space in 18", "91440104 67890120G", "uscc_chars" },
	{ "Latin-1 byte in 18", "9144010456789012\xe9G", "uscc_chars" },
	{ "2-byte UTF-8 in 18", "\xc3\xa9" "440104567890120G", "uscc_chars" },
	{ "I at 18", "91440104567890120I", "uscc_chars" },
	{ "O at 18", "91440104567890120O", "uscc_chars" },
	{ "Z at 18", "91440104567890120Z", "uscc_chars" },
	{ "S at 18", "91440104567890120S", "uscc_chars" },
	{ "V at 18", "91440104567890120V", "uscc_chars" },
	{ "lower-case o for 0", "91440104567890120o", "uscc_chars" },
	{ "punctuation", "9144010456789012.G", "uscc_chars" },
	{ "tab inside", "914401045678\t0120G", "uscc_chars" },
	{ "pos 17 wrong", "91440104567890121G", "uscc_org_check" },
	{ "pos 17 X for 0", "9144010456789012XG", "uscc_org_check" },
	{ "pos 18 X for G", "91440104567890120X", "uscc_check" },
	{ "pos 17 a letter", "9144010456789012AG", "uscc_org_check" },
	{ "pos 18 wrong", "91440104567890120H", "uscc_check" },
	{ "pos 18 0 for G", "914401045678901200", "uscc_check" },
	{ "pos 1 wrong", "81440104567890120G", "uscc_check" },
	{ "pos 3-8 another region", "91440105567890120G", "uscc_check" },
	{ "swap of pos 1 and 2", "19440104567890120G", "uscc_check" },
	/* Pos 17 computed with letter values 0..30 instead of 10..35. */
	{ "charset-valued org check", "91440101MA59JKLP20",
	    "uscc_org_check" },
	{ "charset-valued org check 2", "91440101MA9UWXYN3P",
	    "uscc_org_check" },
	{ "zeros, pos 18 wrong", "000000000000000001", "uscc_check" },
	{ "zeros, pos 17 wrong", "000000000000000010", "uscc_org_check" },
};

static void
r06_1_valid_uscc_is_accepted_and_stored_upper_case(void **state)
{
	char	 out[19];
	size_t	 i;

	(void)state;
	for (i = 0; i < NELEM(uscc_ok); i++) {
		memset(out, SENTINEL, sizeof(out));
		if (!uscc_normalize(uscc_ok[i].code, out))
			fail_msg("R-06.1 rejected %s", uscc_ok[i].code);
		assert_string_equal(out, uscc_ok[i].code);
		if (uscc_error(uscc_ok[i].code) != NULL)
			fail_msg("R-06.1 error for %s: %s", uscc_ok[i].code,
			    uscc_error(uscc_ok[i].code));
	}
	for (i = 0; i < NELEM(uscc_forms); i++) {
		memset(out, SENTINEL, sizeof(out));
		if (!uscc_normalize(uscc_forms[i].in, out))
			fail_msg("R-06.1 rejected \"%s\"", uscc_forms[i].in);
		assert_string_equal(out, uscc_forms[i].want);
		assert_null(uscc_error(uscc_forms[i].in));
	}
}

/* The test's generator agrees with every known code, so it can be used
 * to make more. */
static void
r06_1_reference_generator_agrees_with_known_codes(void **state)
{
	char	 out[19];
	size_t	 i;

	(void)state;
	for (i = 0; i < NELEM(uscc_ok); i++) {
		gen_uscc(uscc_ok[i].code, out);
		assert_string_equal(out, uscc_ok[i].code);
	}
}

static void
r06_1_invalid_uscc_is_rejected_with_its_reason(void **state)
{
	char		 out[19];
	const char	*key;
	size_t		 i;

	(void)state;
	for (i = 0; i < NELEM(uscc_bad); i++) {
		memset(out, SENTINEL, sizeof(out));
		if (uscc_normalize(uscc_bad[i].in, out))
			fail_msg("R-06.1 accepted: %s", uscc_bad[i].what);
		if (!untouched(out, sizeof(out)))
			fail_msg("out written for: %s", uscc_bad[i].what);
		key = uscc_error(uscc_bad[i].in);
		if (key == NULL || strcmp(key, uscc_bad[i].key) != 0)
			fail_msg("R-06.1 %s: got %s, want %s",
			    uscc_bad[i].what, key ? key : "NULL",
			    uscc_bad[i].key);
	}
}

/*
 * Every code with one character replaced by any other byte is rejected.
 * A wrong pos 1-8 or 18 is "uscc_check", a wrong pos 17 "uscc_org_check";
 * a wrong pos 9-16 is usually "uscc_org_check" but GB 11714 misses some
 * (e.g. 0 -> B, worth 0 and 11), which then fail the pos 18 check.
 */
static void
r06_1_every_single_character_corruption_of_a_uscc_is_rejected(void **state)
{
	char		 code[19], out[19];
	const char	*key;
	size_t		 i, pos;
	unsigned	 c;

	(void)state;
	for (i = 0; i < NELEM(uscc_ok); i++)
		for (pos = 0; pos < 18; pos++)
			for (c = 1; c <= 0xFF; c++) {
				strcpy(code, uscc_ok[i].code);
				/* Skip the character and its lower case. */
				if (c == (unsigned char)code[pos] ||
				    (code[pos] >= 'A' && code[pos] <= 'Z' &&
				    c == (unsigned)(code[pos] - 'A' + 'a')))
					continue;
				code[pos] = (char)c;
				memset(out, SENTINEL, sizeof(out));
				if (uscc_normalize(code, out))
					fail_msg("R-06.1 accepted %s (pos %zu)",
					    code, pos + 1);
				if (!untouched(out, sizeof(out)))
					fail_msg("out written for %s", code);
				if ((key = uscc_error(code)) == NULL)
					fail_msg("no error for %s", code);
				/* Whitespace at the ends is trimmed. */
				if ((pos == 0 || pos == 17) && (c == ' ' ||
				    (c >= '\t' && c <= '\r'))) {
					assert_string_equal(key, "uscc_length");
					continue;
				}
				if (strchr("0123456789ABCDEFGHJKLMNPQRTUWXY"
				    "abcdefghjklmnpqrtuwxy", (int)c) == NULL) {
					assert_string_equal(key, "uscc_chars");
					continue;
				}
				if (pos == 16)
					assert_string_equal(key,
					    "uscc_org_check");
				else if (pos < 8 || pos == 17)
					assert_string_equal(key, "uscc_check");
			}
}

static void
r06_1_uscc_letters_i_o_z_s_v_are_rejected_everywhere(void **state)
{
	static const char	 no[] = "IOZSVioszv";
	char			 code[19];
	const char		*p;
	size_t			 i, pos;

	(void)state;
	for (i = 0; i < NELEM(uscc_ok); i++)
		for (pos = 0; pos < 18; pos++)
			for (p = no; *p != '\0'; p++) {
				strcpy(code, uscc_ok[i].code);
				code[pos] = *p;
				assert_string_equal(uscc_error(code),
				    "uscc_chars");
			}
}

static void
r06_1_uscc_region_is_the_guangdong_city(void **state)
{
	char	 region[7];
	size_t	 i;

	(void)state;
	for (i = 0; i < NELEM(uscc_ok); i++) {
		memset(region, SENTINEL, sizeof(region));
		if (uscc_ok[i].region == NULL) {
			if (uscc_region(uscc_ok[i].code, region))
				fail_msg("R-06.1 region %s for %s", region,
				    uscc_ok[i].code);
			assert_true(untouched(region, sizeof(region)));
			continue;
		}
		if (!uscc_region(uscc_ok[i].code, region))
			fail_msg("R-06.1 no region for %s", uscc_ok[i].code);
		assert_string_equal(region, uscc_ok[i].region);
	}

	/* Normalised first; invalid codes have no region. */
	assert_true(uscc_region(" 91440304123456788f ", region));
	assert_string_equal(region, "440300");
	memset(region, SENTINEL, sizeof(region));
	assert_false(uscc_region("91440304123456788G", region));
	assert_false(uscc_region("91440304123456789F", region));
	assert_false(uscc_region("", region));
	assert_false(uscc_region(NULL, region));
	assert_true(untouched(region, sizeof(region)));
}

/* Every 44CC from 4400 to 4499 with several district suffixes: only the
 * 21 cities (and 440000 itself) have a region. */
static void
r06_1_uscc_region_for_every_44xxxx(void **state)
{
	static const char *const cities[] = {
		"4401", "4402", "4403", "4404", "4405", "4406", "4407",
		"4408", "4409", "4412", "4413", "4414", "4415", "4416",
		"4417", "4418", "4419", "4420", "4451", "4452", "4453",
	};
	static const char *const tails[] = { "00", "01", "03", "11", "99" };
	char		 p16[17], code[19], region[7], want[7];
	size_t		 i, j, ncity = 0;
	unsigned	 cc;
	bool		 city;

	(void)state;
	for (cc = 0; cc <= 99; cc++)
		for (j = 0; j < NELEM(tails); j++) {
			snprintf(p16, sizeof(p16), "9144%02u%sMA5%uXY7K",
			    cc, tails[j], cc % 10);
			gen_uscc(p16, code);
			assert_null(uscc_error(code));
			city = false;
			for (i = 0; i < NELEM(cities); i++)
				if (strncmp(code + 2, cities[i], 4) == 0)
					city = true;
			memset(region, SENTINEL, sizeof(region));
			if (city) {
				snprintf(want, sizeof(want), "44%02u00", cc);
				if (!uscc_region(code, region))
					fail_msg("R-06.1 no region: %s", code);
				assert_string_equal(region, want);
				ncity++;
			} else if (cc == 0 && j == 0) {
				assert_true(uscc_region(code, region));
				assert_string_equal(region, "440000");
			} else if (uscc_region(code, region))
				fail_msg("R-06.1 region %s for %s", region,
				    code);
		}
	assert_int_equal(ncity, 21 * NELEM(tails));
}

/* Valid ID numbers (today is 2025-06-15) and their stored form. */
static const struct {
	const char	*what;
	const char	*in;
	const char	*want;
} idno_ok[] = {
	{ "FORMATS.md example, X", "11010519491231002X",
	    "11010519491231002X" },
	{ "FORMATS.md example, 1880", "440524188001010014",
	    "440524188001010014" },
	{ "lower-case x", "11010519491231002x", "11010519491231002X" },
	{ "trimmed", "  11010519491231002x\t", "11010519491231002X" },
	{ "leap day 2000-02-29", "440106200002291238", "440106200002291238" },
	{ "leap day 2024-02-29", "440101202402290151", "440101202402290151" },
	{ "2023-02-28", "440304202302280036", "440304202302280036" },
	{ "1900-01-01", "440101190001010045", "440101190001010045" },
	{ "1899-12-31", "440101189912310059", "440101189912310059" },
	{ "1800-01-01, the floor", "440101180001010062",
	    "440101180001010062" },
	{ "born today", "440101202506150081", "440101202506150081" },
	{ "1949-12-31", "440101194912310020", "440101194912310020" },
	{ "2000-01-01", "440101200001010172", "440101200001010172" },
};

static const struct {
	const char	*what;
	const char	*in;
	const char	*key;
} idno_bad[] = {
	{ "NULL", NULL, "idno_length" },
	{ "empty", "", "idno_length" },
	{ "15-digit first generation", "110105491231002", "idno_length" },
	{ "17 characters", "11010519491231002", "idno_length" },
	{ "19 characters", "11010519491231002X0", "idno_length" },
	{ "inner space makes 19", "110105 19491231002X", "idno_length" },
	{ "X not last", "1101051949123100X2", "idno_chars" },
	{ "Y as check", "11010519491231002Y", "idno_chars" },
	{ "letter inside", "1101051949123A002X", "idno_chars" },
	{ "inner space in 18", "110105 9491231002X", "idno_chars" },
	{ "full-width digit", "\xef\xbc\x91" "101051949123100", "idno_chars" },
	{ "1900-02-29, not a leap year", "110101190002290011", "idno_birth" },
	{ "2023-02-29", "440303202302290027", "idno_birth" },
	{ "1799-12-31, before the floor", "440101179912310076",
	    "idno_birth" },
	{ "year 0000", "440101000001010141", "idno_birth" },
	{ "born tomorrow", "440101202506160095", "idno_birth" },
	{ "born next year", "440101202601010108", "idno_birth" },
	{ "month 13", "440101202313010111", "idno_birth" },
	{ "day 0", "440101202301000127", "idno_birth" },
	{ "April 31", "440101202304310139", "idno_birth" },
	{ "wrong check digit", "110105194912310021", "idno_check" },
	{ "X where 0 is due", "44052418800101001X", "idno_check" },
	{ "0 where X is due", "110105194912310020", "idno_check" },
};

static void
r06_1_valid_idno_is_accepted(void **state)
{
	char	 out[19];
	size_t	 i;

	(void)state;
	for (i = 0; i < NELEM(idno_ok); i++) {
		memset(out, SENTINEL, sizeof(out));
		if (!idno_valid(idno_ok[i].in, out, TY, TM, TD))
			fail_msg("R-06.1 rejected %s: %s", idno_ok[i].what,
			    idno_error(idno_ok[i].in, TY, TM, TD));
		assert_string_equal(out, idno_ok[i].want);
		assert_null(idno_error(idno_ok[i].in, TY, TM, TD));
	}
}

static void
r06_1_invalid_idno_is_rejected_with_its_reason(void **state)
{
	char		 out[19];
	const char	*key;
	size_t		 i;

	(void)state;
	for (i = 0; i < NELEM(idno_bad); i++) {
		memset(out, SENTINEL, sizeof(out));
		if (idno_valid(idno_bad[i].in, out, TY, TM, TD))
			fail_msg("R-06.1 accepted: %s", idno_bad[i].what);
		assert_true(untouched(out, sizeof(out)));
		key = idno_error(idno_bad[i].in, TY, TM, TD);
		if (key == NULL || strcmp(key, idno_bad[i].key) != 0)
			fail_msg("R-06.1 %s: got %s, want %s",
			    idno_bad[i].what, key ? key : "NULL",
			    idno_bad[i].key);
	}
}

/* "Today" is a parameter: the same number flips at the birth date. */
static void
r06_1_idno_birth_date_is_checked_against_today(void **state)
{
	static const char	 id[] = "440106200002291238";	/* 2000-02-29 */
	char			 out[19];

	(void)state;
	assert_true(idno_valid(id, out, 2000, 2, 29));
	assert_true(idno_valid(id, out, 2000, 3, 1));
	assert_true(idno_valid(id, out, 2001, 1, 1));
	assert_false(idno_valid(id, out, 2000, 2, 28));
	assert_false(idno_valid(id, out, 2000, 1, 31));
	assert_false(idno_valid(id, out, 1999, 12, 31));
	assert_string_equal(idno_error(id, 1999, 12, 31), "idno_birth");
}

/* MOD 11-2 catches every single substitution; so do the other checks
 * when it is the date or the charset that breaks. */
static void
r06_1_every_single_digit_corruption_of_an_idno_is_rejected(void **state)
{
	static const char	 subs[] = "0123456789Xx";
	char			 id[19], out[19];
	const char		*p;
	size_t			 i, pos;

	(void)state;
	for (i = 0; i < NELEM(idno_ok); i++)
		for (pos = 0; pos < 18; pos++)
			for (p = subs; *p != '\0'; p++) {
				memcpy(id, idno_ok[i].want, sizeof(id));
				if (id[pos] == *p ||
				    (id[pos] == 'X' && *p == 'x'))
					continue;
				id[pos] = *p;
				memset(out, SENTINEL, sizeof(out));
				if (idno_valid(id, out, TY, TM, TD))
					fail_msg("R-06.1 accepted %s", id);
				assert_true(untouched(out, sizeof(out)));
				assert_non_null(idno_error(id, TY, TM, TD));
			}
}

static const struct {
	const char	*in;
	const char	*want;
} mobile_ok[] = {
	{ "13800138000", "13800138000" },
	{ "13912345678", "13912345678" },
	{ "14700000000", "14700000000" },
	{ "15012345678", "15012345678" },
	{ "16600001111", "16600001111" },
	{ "17012345678", "17012345678" },
	{ "18888888888", "18888888888" },
	{ "19912345678", "19912345678" },
	{ "  13800138000  ", "13800138000" },
	{ "\t13800138000\r\n", "13800138000" },
	{ "138 0013 8000", "13800138000" },
	{ "138-0013-8000", "13800138000" },
	{ "138 0013-8000", "13800138000" },
	{ "1 3 8 0 0 1 3 8 0 0 0", "13800138000" },
	{ "+8613800138000", "13800138000" },
	{ "+86 13800138000", "13800138000" },
	{ "+86 138 0013 8000", "13800138000" },
	{ "+86-138-0013-8000", "13800138000" },
	{ "8613800138000", "13800138000" },
	{ "86 138 0013 8000", "13800138000" },
	{ " +86 19912345678 ", "19912345678" },
};

static const char *const mobile_bad[] = {
	NULL,
	"",
	"   ",
	"1380013800",		/* 10 digits */
	"138001380000",		/* 12 digits */
	"12800138000",		/* 1[3-9] */
	"11800138000",
	"10800138000",
	"23800138000",
	"03800138000",
	"+13800138000",		/* + without 86 */
	"+8513800138000",
	"8513800138000",
	"+861380013800",	/* 86 + 10 digits */
	"861380013800",
	"+86138001380000",	/* 86 + 12 digits */
	"008613800138000",
	"+8612800138000",	/* 86 + not a mobile */
	"8623800138000",
	"++8613800138000",
	"+ 8613800138000",
	"+86+13800138000",
	"(+86)13800138000",
	"138  0013 8000",	/* two separators */
	"138 -0013-8000",
	"-13800138000",
	"13800138000-",
	"138.0013.8000",
	"138/0013/8000",
	"138\t0013\t8000",
	"1380013800O",
	"13800138000x",
	"\xef\xbc\x91" "3800138000",	/* full-width 1 */
	"13800138000 13800138000",
	"138001380001380013800138000138001380001380013800138000",
};

static void
r06_1_mobile_variants_are_accepted_as_11_digits(void **state)
{
	char	 out[12];
	size_t	 i;

	(void)state;
	for (i = 0; i < NELEM(mobile_ok); i++) {
		memset(out, SENTINEL, sizeof(out));
		if (!mobile_valid(mobile_ok[i].in, out))
			fail_msg("R-06.1 rejected \"%s\"", mobile_ok[i].in);
		assert_string_equal(out, mobile_ok[i].want);
	}
}

static void
r06_1_malformed_mobile_is_rejected(void **state)
{
	char	 out[12];
	size_t	 i;

	(void)state;
	for (i = 0; i < NELEM(mobile_bad); i++) {
		memset(out, SENTINEL, sizeof(out));
		if (mobile_valid(mobile_bad[i], out))
			fail_msg("R-06.1 accepted \"%s\"", mobile_bad[i]);
		assert_true(untouched(out, sizeof(out)));
	}
}

/* Every 1[3-9] prefix is a mobile, every 1[0-2] and [02-9] is not. */
static void
r06_1_mobile_segments_are_not_listed(void **state)
{
	char		 in[12], out[12];
	unsigned	 a, b;

	(void)state;
	for (a = 0; a <= 9; a++)
		for (b = 0; b <= 9; b++) {
			snprintf(in, sizeof(in), "%u%u012345678", a, b);
			assert_int_equal(mobile_valid(in, out),
			    a == 1 && b >= 3);
		}
}

static const struct {
	const char	*in;
	const char	*want;
} regno_ok[] = {
	{ "110108000000016", "110108000000016" },	/* FORMATS.md */
	{ "440301000000011", "440301000000011" },
	{ "440106102345674", "440106102345674" },
	{ "441900009876544", "441900009876544" },
	{ "440000000000006", "440000000000006" },
	{ "440604123456785", "440604123456785" },
	{ "999999999999993", "999999999999993" },
	{ " 110108000000016\t", "110108000000016" },
	{ "91440104567890120G", "91440104567890120G" },
	{ "91440104567890120g", "91440104567890120G" },
	{ " 91110108567890120r ", "91110108567890120R" },
	{ "9144030000000006XE", "9144030000000006XE" },
};

static const char *const regno_bad[] = {
	NULL,
	"",
	"  ",
	"110108000000015",		/* wrong check digit */
	"110108000000017",
	"110108000000010",
	"11010800000001",		/* 14 digits */
	"1101080000000160",		/* 16 digits */
	"11010800000001X",
	"110108 00000016",
	"110108-000000016",
	"11O108000000016",		/* letter O */
	"91440104567890120H",		/* USCC, bad pos 18 */
	"91440104567890121G",		/* USCC, bad pos 17 */
	"91440104567890120I",
	"9144010456789012",
	"11010519491231002X",		/* an ID number */
	"\xef\xbc\x91" "10108000000016",
};

static void
r06_1_registration_number_is_a_uscc_or_a_gs15_number(void **state)
{
	char	 out[19];
	size_t	 i;

	(void)state;
	for (i = 0; i < NELEM(regno_ok); i++) {
		memset(out, SENTINEL, sizeof(out));
		if (!regno_valid(regno_ok[i].in, out))
			fail_msg("R-06.1 rejected \"%s\"", regno_ok[i].in);
		assert_string_equal(out, regno_ok[i].want);
		assert_null(regno_error(regno_ok[i].in));
	}
	for (i = 0; i < NELEM(regno_bad); i++) {
		memset(out, SENTINEL, sizeof(out));
		if (regno_valid(regno_bad[i], out))
			fail_msg("R-06.1 accepted \"%s\"", regno_bad[i]);
		assert_true(untouched(out, sizeof(out)));
		assert_string_equal(regno_error(regno_bad[i]), "regno");
	}
}

/* ISO 7064 MOD 11,10 catches every single-digit substitution. */
static void
r06_1_every_single_digit_corruption_of_a_gs15_number_is_rejected(
    void **state)
{
	char	 reg[16], out[19];
	size_t	 i, pos;
	char	 d;

	(void)state;
	for (i = 0; i < NELEM(regno_ok); i++) {
		if (strlen(regno_ok[i].in) != 15)
			continue;
		for (pos = 0; pos < 15; pos++)
			for (d = '0'; d <= '9'; d++) {
				memcpy(reg, regno_ok[i].in, sizeof(reg));
				if (reg[pos] == d)
					continue;
				reg[pos] = d;
				memset(out, SENTINEL, sizeof(out));
				if (regno_valid(reg, out))
					fail_msg("R-06.1 accepted %s", reg);
				assert_true(untouched(out, sizeof(out)));
			}
	}
}

static const struct {
	const char	*in;
	const char	*want;
} mask_id[] = {
	{ "440106200002291238", "4401**********1238" },
	{ "11010519491231002X", "1101**********002X" },
	{ "11010519491231002x", "1101**********002X" },
	{ "440524188001010014", "4405**********0014" },
	/* Malformed: nothing leaks, not even the length. */
	{ NULL, "******************" },
	{ "", "******************" },
	{ "4401", "******************" },
	{ "44010620000229123", "******************" },
	{ "4401062000022912388", "******************" },
	{ "44010620000229123Y", "******************" },
	{ "4401X6200002291238", "******************" },
	{ " 440106200002291238", "******************" },
	{ "440106200002291238 ", "******************" },
	{ "440106200002291238440106200002291238", "******************" },
};

static const struct {
	const char	*in;
	const char	*want;
} mask_mob[] = {
	{ "13812345678", "138****5678" },
	{ "13800138000", "138****8000" },
	{ "19912345678", "199****5678" },
	{ NULL, "***********" },
	{ "", "***********" },
	{ "138", "***********" },
	{ "1381234567", "***********" },
	{ "138123456789", "***********" },
	{ "138-1234-5678", "***********" },
	{ "+8613812345678", "***********" },
	{ "1381234567a", "***********" },
	{ "13812345678 ", "***********" },
};

static void
r09_4_id_numbers_are_masked_on_screens(void **state)
{
	char	 out[19];
	size_t	 i;

	(void)state;
	for (i = 0; i < NELEM(mask_id); i++) {
		memset(out, SENTINEL, sizeof(out));
		mask_idno(mask_id[i].in, out);
		if (strcmp(out, mask_id[i].want) != 0)
			fail_msg("R-09.4 mask of %s: %s", mask_id[i].in ?
			    mask_id[i].in : "NULL", out);
	}
}

static void
r09_4_mobiles_are_masked_on_screens(void **state)
{
	char	 out[12];
	size_t	 i;

	(void)state;
	for (i = 0; i < NELEM(mask_mob); i++) {
		memset(out, SENTINEL, sizeof(out));
		mask_mobile(mask_mob[i].in, out);
		if (strcmp(out, mask_mob[i].want) != 0)
			fail_msg("R-09.4 mask of %s: %s", mask_mob[i].in ?
			    mask_mob[i].in : "NULL", out);
	}
}

/* What validation stores, masking accepts. */
static void
r09_4_every_stored_value_masks_to_its_shape(void **state)
{
	char	 out[19], m[19];
	size_t	 i;

	(void)state;
	for (i = 0; i < NELEM(idno_ok); i++) {
		assert_true(idno_valid(idno_ok[i].in, out, TY, TM, TD));
		mask_idno(out, m);
		assert_int_equal(strlen(m), 18);
		assert_memory_equal(m, out, 4);
		assert_memory_equal(m + 4, "**********", 10);
		assert_memory_equal(m + 14, out + 14, 4);
	}
	for (i = 0; i < NELEM(mobile_ok); i++) {
		assert_true(mobile_valid(mobile_ok[i].in, out));
		mask_mobile(out, m);
		assert_int_equal(strlen(m), 11);
		assert_memory_equal(m, out, 3);
		assert_memory_equal(m + 3, "****", 4);
		assert_memory_equal(m + 7, out + 7, 4);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(r06_1_valid_uscc_is_accepted_and_stored_upper_case),
		cmocka_unit_test(r06_1_reference_generator_agrees_with_known_codes),
		cmocka_unit_test(r06_1_invalid_uscc_is_rejected_with_its_reason),
		cmocka_unit_test(r06_1_every_single_character_corruption_of_a_uscc_is_rejected),
		cmocka_unit_test(r06_1_uscc_letters_i_o_z_s_v_are_rejected_everywhere),
		cmocka_unit_test(r06_1_uscc_region_is_the_guangdong_city),
		cmocka_unit_test(r06_1_uscc_region_for_every_44xxxx),
		cmocka_unit_test(r06_1_valid_idno_is_accepted),
		cmocka_unit_test(r06_1_invalid_idno_is_rejected_with_its_reason),
		cmocka_unit_test(r06_1_idno_birth_date_is_checked_against_today),
		cmocka_unit_test(r06_1_every_single_digit_corruption_of_an_idno_is_rejected),
		cmocka_unit_test(r06_1_mobile_variants_are_accepted_as_11_digits),
		cmocka_unit_test(r06_1_malformed_mobile_is_rejected),
		cmocka_unit_test(r06_1_mobile_segments_are_not_listed),
		cmocka_unit_test(r06_1_registration_number_is_a_uscc_or_a_gs15_number),
		cmocka_unit_test(r06_1_every_single_digit_corruption_of_a_gs15_number_is_rejected),
		cmocka_unit_test(r09_4_id_numbers_are_masked_on_screens),
		cmocka_unit_test(r09_4_mobiles_are_masked_on_screens),
		cmocka_unit_test(r09_4_every_stored_value_masks_to_its_shape),
	};

	return cmocka_run_group_tests_name("ident", tests, NULL, NULL);
}
