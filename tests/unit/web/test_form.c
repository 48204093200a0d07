/*
 * test_form.c -- X-SEC input validation: declared, typed fields
 * (form_validate), the bounded integer parser and calendar dates.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <limits.h>
#include <stdbool.h>
#include <string.h>

#include "web/form.h"

static const char *const colours[] = { "red", "green", "\xe7\xba\xa2", NULL };

/* FK_CUSTOM check: an 18-character code, upper-cased into the arena. */
static const char *
check_code(struct arena *a, struct fval *v)
{
	char	*s;
	size_t	 i;

	if (v->len != 18)
		return "bad_code";
	if ((s = arena_strndup(a, v->s, v->len)) == NULL)
		return "bad_code";
	for (i = 0; i < v->len; i++) {
		if (s[i] >= 'a' && s[i] <= 'z')
			s[i] = (char)(s[i] - 'a' + 'A');
		else if (!(s[i] >= 'A' && s[i] <= 'Z') &&
		    !(s[i] >= '0' && s[i] <= '9'))
			return "bad_code";
	}
	v->s = s;
	return NULL;
}

#define TEXT(fl, mn, mx) { .name = "f", .kind = FK_TEXT, .flags = (fl), \
	.minlen = (mn), .maxlen = (mx) }
#define MULTI(fl, mx) { .name = "f", .kind = FK_MULTILINE, .flags = (fl), \
	.maxlen = (mx) }
#define INT(fl, lo, hi) { .name = "f", .kind = FK_INT, .flags = (fl), \
	.min = (lo), .max = (hi) }
#define CHOICE(fl) { .name = "f", .kind = FK_CHOICE, .flags = (fl), \
	.choices = colours }
#define BOOL(fl) { .name = "f", .kind = FK_BOOL, .flags = (fl) }
#define DATE(fl) { .name = "f", .kind = FK_DATE, .flags = (fl) }
#define CUSTOM(fl) { .name = "f", .kind = FK_CUSTOM, .flags = (fl), \
	.maxlen = 20, .check = check_code }

static const struct {
	const char	*what;
	struct field	 f;
	const char	*query;		/* urlencoded input */
	const char	*err;		/* expected error key or NULL */
	bool		 present;
	const char	*s;		/* expected text */
	long long	 i;		/* FK_INT, FK_BOOL; FK_DATE: yyyymmdd */
} cases[] = {
	/* FK_TEXT */
	{ "text plain", TEXT(0, 0, 0), "f=hello", NULL, true, "hello", 0 },
	{ "text absent optional", TEXT(0, 0, 0), "", NULL, false, "", 0 },
	{ "text empty optional", TEXT(0, 0, 0), "f=", NULL, false, "", 0 },
	{ "text absent required", TEXT(F_REQUIRED, 0, 0), "g=1", "required",
	    false, "", 0 },
	{ "text empty required", TEXT(F_REQUIRED, 0, 0), "f=", "required",
	    false, "", 0 },
	{ "text spaces only required, trimmed", TEXT(F_REQUIRED | F_TRIM, 0, 0),
	    "f=+++", "required", false, "", 0 },
	{ "text spaces only required, untrimmed", TEXT(F_REQUIRED, 0, 0),
	    "f=+++", NULL, true, "   ", 0 },
	{ "text trim both ends", TEXT(F_TRIM, 0, 0), "f=++a+b++", NULL, true,
	    "a b", 0 },
	{ "text trim tabs and newlines", TEXT(F_TRIM, 0, 0),
	    "f=%09%0A+x%0D%0A", NULL, true, "x", 0 },
	{ "text trim leading only", TEXT(F_TRIM, 0, 0), "f=++x", NULL, true,
	    "x", 0 },
	{ "text no trim keeps spaces", TEXT(0, 0, 0), "f=+x+", NULL, true,
	    " x ", 0 },
	{ "text trim keeps inner ideographic space", TEXT(F_TRIM, 0, 0),
	    "f=%E3%80%80x", NULL, true, "\xe3\x80\x80x", 0 },
	{ "text minlen met", TEXT(0, 3, 0), "f=abc", NULL, true, "abc", 0 },
	{ "text too short", TEXT(0, 3, 0), "f=ab", "too_short", true, "ab",
	    0 },
	{ "text maxlen met", TEXT(0, 0, 3), "f=abc", NULL, true, "abc", 0 },
	{ "text too long", TEXT(0, 0, 3), "f=abcd", "too_long", true, "abcd",
	    0 },
	{ "text length in code points, not bytes", TEXT(0, 0, 2),
	    "f=%E5%AF%B9%E6%8E%A5", NULL, true, "\xe5\xaf\xb9\xe6\x8e\xa5", 0 },
	{ "text 3 CJK chars too long for 2", TEXT(0, 0, 2),
	    "f=%E5%AF%B9%E6%8E%A5%E5%AF%B9", "too_long", true,
	    "\xe5\xaf\xb9\xe6\x8e\xa5\xe5\xaf\xb9", 0 },
	{ "text 2 CJK chars too short for 3", TEXT(0, 3, 0),
	    "f=%E5%AF%B9%E6%8E%A5", "too_short", true,
	    "\xe5\xaf\xb9\xe6\x8e\xa5", 0 },
	{ "text emoji is one character", TEXT(0, 1, 1), "f=%F0%9F%98%80",
	    NULL, true, "\xf0\x9f\x98\x80", 0 },
	{ "text rejects newline", TEXT(0, 0, 0), "f=a%0Ab", "bad_chars", true,
	    "a\nb", 0 },
	{ "text rejects CR", TEXT(0, 0, 0), "f=a%0Db", "bad_chars", true,
	    "a\rb", 0 },
	{ "text rejects tab", TEXT(0, 0, 0), "f=a%09b", "bad_chars", true,
	    "a\tb", 0 },
	{ "text rejects U+0001", TEXT(0, 0, 0), "f=%01", "bad_chars", true,
	    "\x01", 0 },
	{ "text rejects ESC", TEXT(0, 0, 0), "f=%1B%5B0m", "bad_chars", true,
	    "\x1b[0m", 0 },
	{ "text rejects U+001F", TEXT(0, 0, 0), "f=a%1F", "bad_chars", true,
	    "a\x1f", 0 },
	{ "text rejects DEL", TEXT(0, 0, 0), "f=a%7F", "bad_chars", true,
	    "a\x7f", 0 },
	{ "text accepts HTML metacharacters (view escapes)", TEXT(0, 0, 0),
	    "f=%3Cb%3E%26%22%27", NULL, true, "<b>&\"'", 0 },
	{ "text bad_chars before length", TEXT(0, 0, 2), "f=abc%01",
	    "bad_chars", true, "abc\x01", 0 },
	/* FK_MULTILINE */
	{ "multiline allows LF CR TAB", MULTI(0, 0), "f=a%0D%0Ab%09c", NULL,
	    true, "a\r\nb\tc", 0 },
	{ "multiline rejects U+0000..U+0008", MULTI(0, 0), "f=a%08", "bad_chars",
	    true, "a\b", 0 },
	{ "multiline rejects VT", MULTI(0, 0), "f=a%0B", "bad_chars", true,
	    "a\v", 0 },
	{ "multiline rejects FF", MULTI(0, 0), "f=a%0C", "bad_chars", true,
	    "a\f", 0 },
	{ "multiline rejects DEL", MULTI(0, 0), "f=%7F", "bad_chars", true,
	    "\x7f", 0 },
	{ "multiline too long", MULTI(0, 3), "f=a%0Ab%0A", "too_long", true,
	    "a\nb\n", 0 },
	{ "multiline trim keeps inner newlines", MULTI(F_TRIM, 0),
	    "f=%0A+a%0Ab+%0A", NULL, true, "a\nb", 0 },
	/* FK_INT */
	{ "int in range", INT(0, 1, 100), "f=42", NULL, true, "42", 42 },
	{ "int at min", INT(0, 1, 100), "f=1", NULL, true, "1", 1 },
	{ "int at max", INT(0, 1, 100), "f=100", NULL, true, "100", 100 },
	{ "int below min", INT(0, 1, 100), "f=0", "out_of_range", true, "0",
	    0 },
	{ "int above max", INT(0, 1, 100), "f=101", "out_of_range", true,
	    "101", 0 },
	{ "int negative", INT(0, -10, 10), "f=-10", NULL, true, "-10", -10 },
	{ "int minus zero", INT(0, 0, 0), "f=-0", NULL, true, "-0", 0 },
	{ "int leading zeros", INT(0, 0, 100), "f=007", NULL, true, "007", 7 },
	{ "int LLONG_MAX", INT(0, LLONG_MIN, LLONG_MAX),
	    "f=9223372036854775807", NULL, true, "9223372036854775807",
	    LLONG_MAX },
	{ "int LLONG_MIN", INT(0, LLONG_MIN, LLONG_MAX),
	    "f=-9223372036854775808", NULL, true, "-9223372036854775808",
	    LLONG_MIN },
	{ "int overflow is out_of_range", INT(0, LLONG_MIN, LLONG_MAX),
	    "f=9223372036854775808", "out_of_range", true,
	    "9223372036854775808", 0 },
	{ "int huge is out_of_range", INT(0, 0, 10),
	    "f=99999999999999999999999999", "out_of_range", true,
	    "99999999999999999999999999", 0 },
	{ "int plus sign", INT(0, 0, 10), "f=%2B1", "not_int", true, "+1", 0 },
	{ "int leading space", INT(0, 0, 10), "f=+1", "not_int", true, " 1",
	    0 },
	{ "int leading space trimmed", INT(F_TRIM, 0, 10), "f=+1+", NULL, true,
	    "1", 1 },
	{ "int trailing junk", INT(0, 0, 10), "f=1x", "not_int", true, "1x",
	    0 },
	{ "int hex", INT(0, 0, 100), "f=0x10", "not_int", true, "0x10", 0 },
	{ "int decimal point", INT(0, 0, 100), "f=1.0", "not_int", true, "1.0",
	    0 },
	{ "int exponent", INT(0, 0, 100), "f=1e2", "not_int", true, "1e2",
	    0 },
	{ "int minus alone", INT(0, -10, 10), "f=-", "not_int", true, "-",
	    0 },
	{ "int double minus", INT(0, -10, 10), "f=--1", "not_int", true,
	    "--1", 0 },
	{ "int fullwidth digit", INT(0, 0, 10), "f=%EF%BC%91", "not_int", true,
	    "\xef\xbc\x91", 0 },
	{ "int absent optional", INT(0, 1, 10), "", NULL, false, "", 0 },
	{ "int absent required", INT(F_REQUIRED, 1, 10), "", "required", false,
	    "", 0 },
	/* FK_CHOICE */
	{ "choice first", CHOICE(0), "f=red", NULL, true, "red", 0 },
	{ "choice UTF-8", CHOICE(0), "f=%E7%BA%A2", NULL, true, "\xe7\xba\xa2",
	    0 },
	{ "choice unknown", CHOICE(0), "f=blue", "bad_choice", true, "blue",
	    0 },
	{ "choice is case-sensitive", CHOICE(0), "f=Red", "bad_choice", true,
	    "Red", 0 },
	{ "choice prefix", CHOICE(0), "f=re", "bad_choice", true, "re", 0 },
	{ "choice with trailing space", CHOICE(0), "f=red+", "bad_choice", true,
	    "red ", 0 },
	{ "choice required absent", CHOICE(F_REQUIRED), "", "required", false,
	    "", 0 },
	{ "choice with no choices declared",
	    { .name = "f", .kind = FK_CHOICE }, "f=red", "bad_choice", true,
	    "red", 0 },
	/* FK_BOOL */
	{ "bool 1", BOOL(0), "f=1", NULL, true, "1", 1 },
	{ "bool on", BOOL(0), "f=on", NULL, true, "on", 1 },
	{ "bool absent is false", BOOL(0), "", NULL, false, "", 0 },
	{ "bool empty is false", BOOL(0), "f=", NULL, false, "", 0 },
	{ "bool other value", BOOL(0), "f=yes", "bad_choice", true, "yes", 0 },
	{ "bool 0 is not a value we send", BOOL(0), "f=0", "bad_choice", true,
	    "0", 0 },
	{ "bool required unchecked", BOOL(F_REQUIRED), "", "required", false,
	    "", 0 },
	{ "bool required checked", BOOL(F_REQUIRED), "f=on", NULL, true, "on",
	    1 },
	/* FK_DATE (i holds the expected yyyymmdd) */
	{ "date ordinary", DATE(0), "f=2024-03-15", NULL, true, "2024-03-15",
	    20240315 },
	{ "date leap day 2024", DATE(0), "f=2024-02-29", NULL, true,
	    "2024-02-29", 20240229 },
	{ "date leap day 2000", DATE(0), "f=2000-02-29", NULL, true,
	    "2000-02-29", 20000229 },
	{ "date no leap day 1900", DATE(0), "f=1900-02-29", "bad_date", true,
	    "1900-02-29", 0 },
	{ "date no leap day 2023", DATE(0), "f=2023-02-29", "bad_date", true,
	    "2023-02-29", 0 },
	{ "date April 31", DATE(0), "f=2024-04-31", "bad_date", true,
	    "2024-04-31", 0 },
	{ "date month 13", DATE(0), "f=2024-13-01", "bad_date", true,
	    "2024-13-01", 0 },
	{ "date day 0", DATE(0), "f=2024-01-00", "bad_date", true,
	    "2024-01-00", 0 },
	{ "date year 1899", DATE(0), "f=1899-12-31", "bad_date", true,
	    "1899-12-31", 0 },
	{ "date year 3000", DATE(0), "f=3000-01-01", "bad_date", true,
	    "3000-01-01", 0 },
	{ "date bounds 1900-01-01", DATE(0), "f=1900-01-01", NULL, true,
	    "1900-01-01", 19000101 },
	{ "date bounds 2999-12-31", DATE(0), "f=2999-12-31", NULL, true,
	    "2999-12-31", 29991231 },
	{ "date without zero padding", DATE(0), "f=2024-3-15", "bad_date",
	    true, "2024-3-15", 0 },
	{ "date with slashes", DATE(0), "f=2024%2F03%2F15", "bad_date", true,
	    "2024/03/15", 0 },
	{ "date with time", DATE(0), "f=2024-03-15T00:00", "bad_date", true,
	    "2024-03-15T00:00", 0 },
	{ "date with sign in day", DATE(0), "f=2024-03--1", "bad_date", true,
	    "2024-03--1", 0 },
	{ "date with space", DATE(0), "f=2024-03-+1", "bad_date", true,
	    "2024-03- 1", 0 },
	{ "date reversed", DATE(0), "f=15-03-2024", "bad_date", true,
	    "15-03-2024", 0 },
	{ "date required absent", DATE(F_REQUIRED), "", "required", false, "",
	    0 },
	/* FK_CUSTOM: text rules, then check(), which may normalise. */
	{ "custom good and normalised", CUSTOM(0), "f=91440101mA5abcde1x",
	    NULL, true, "91440101MA5ABCDE1X", 0 },
	{ "custom check fails", CUSTOM(0), "f=9144010", "bad_code", true,
	    "9144010", 0 },
	{ "custom text rules first", CUSTOM(0), "f=91440101MA5ABCDE1%01",
	    "bad_chars", true, "91440101MA5ABCDE1\x01", 0 },
	{ "custom maxlen before check", CUSTOM(0),
	    "f=91440101MA5ABCDE1X12345", "too_long", true,
	    "91440101MA5ABCDE1X12345", 0 },
	{ "custom trim then check", CUSTOM(F_TRIM), "f=+91440101MA5ABCDE1X+",
	    NULL, true, "91440101MA5ABCDE1X", 0 },
	{ "custom absent optional skips check", CUSTOM(0), "", NULL, false, "",
	    0 },
	/* Duplicates and undeclared params. */
	{ "duplicated param: first wins", TEXT(0, 0, 0), "f=first&f=second",
	    NULL, true, "first", 0 },
	{ "duplicated param: first wins even if bad", INT(0, 0, 10),
	    "f=x&f=1", "not_int", true, "x", 0 },
	{ "undeclared params are ignored", TEXT(0, 0, 0),
	    "evil=%01&f=ok&g=%7F", NULL, true, "ok", 0 },
	{ "F_SECRET keeps the value for the handler",
	    { .name = "f", .kind = FK_TEXT, .flags = F_SECRET | F_REQUIRED },
	    "f=hunter2", NULL, true, "hunter2", 0 },
};

static void
check_case(size_t k, struct arena *a)
{
	struct params	 p = { NULL, 0, 0 };
	struct fval	 v;
	int		 r;

	assert_int_equal(params_urlencoded(a, cases[k].query,
	    strlen(cases[k].query), NULL, &p), ERR_OK);
	memset(&v, 0xA5, sizeof(v));
	r = form_validate(a, &cases[k].f, 1, &p, &v);
	if (r != (cases[k].err != NULL))
		fail_msg("%s: %d errors", cases[k].what, r);
	if (cases[k].err == NULL ? v.error != NULL :
	    v.error == NULL || strcmp(v.error, cases[k].err) != 0)
		fail_msg("%s: error %s, want %s", cases[k].what,
		    v.error ? v.error : "none",
		    cases[k].err ? cases[k].err : "none");
	if (v.present != cases[k].present)
		fail_msg("%s: present %d", cases[k].what, v.present);
	if (strcmp(v.s, cases[k].s) != 0 || v.len != strlen(cases[k].s))
		fail_msg("%s: s \"%s\"", cases[k].what, v.s);
	assert_null(v.file);
	if (cases[k].err != NULL)
		return;
	switch (cases[k].f.kind) {
	case FK_INT:
	case FK_BOOL:
		if (v.i != cases[k].i)
			fail_msg("%s: i %lld", cases[k].what, v.i);
		break;
	case FK_DATE:
		if (cases[k].present &&
		    v.y * 10000LL + v.m * 100 + v.d != cases[k].i)
			fail_msg("%s: date %d-%d-%d", cases[k].what, v.y, v.m,
			    v.d);
		break;
	default:
		break;
	}
}

static void
xsec_every_field_kind_validates_by_table(void **state)
{
	struct arena	*a = arena_new(0);
	size_t		 k;

	(void)state;
	for (k = 0; k < sizeof(cases) / sizeof(cases[0]); k++) {
		check_case(k, a);
		arena_reset(a);
	}
	arena_free(a);
}

/* Several fields at once: the count of errors, one fval per decl. */
static void
xsec_form_counts_errors_and_ignores_undeclared(void **state)
{
	static const struct field decl[] = {
		{ .name = "name", .kind = FK_TEXT, .flags = F_REQUIRED | F_TRIM,
		    .maxlen = 10 },
		{ .name = "age", .kind = FK_INT, .min = 18, .max = 120 },
		{ .name = "colour", .kind = FK_CHOICE, .choices = colours },
		{ .name = "agree", .kind = FK_BOOL, .flags = F_REQUIRED },
		{ .name = "born", .kind = FK_DATE },
		{ .name = "note", .kind = FK_MULTILINE },
	};
	struct arena	*a = arena_new(0);
	struct params	 p = { NULL, 0, 0 };
	struct fval	 v[6];
	static const char q[] = "name=+Li+Wei+&age=17&colour=red&born=&"
	    "note=a%0Ab&is_admin=1&role=root&age=30";

	(void)state;
	assert_int_equal(params_urlencoded(a, q, sizeof(q) - 1, NULL, &p),
	    ERR_OK);
	assert_int_equal(form_validate(a, decl, 6, &p, v), 2);
	assert_null(v[0].error);
	assert_string_equal(v[0].s, "Li Wei");
	assert_string_equal(v[1].error, "out_of_range");
	assert_string_equal(v[1].s, "17");
	assert_null(v[2].error);
	assert_string_equal(v[3].error, "required");
	assert_null(v[4].error);
	assert_false(v[4].present);
	assert_string_equal(v[4].s, "");
	assert_null(v[5].error);
	assert_string_equal(v[5].s, "a\nb");
	assert_int_equal(form_validate(a, decl, 0, &p, v), 0);
	arena_free(a);
}

/* FK_FILE: present, absent, empty input, plain value, size cap. */
static void
xsec_file_fields(void **state)
{
	static const struct upload up_ok = { "a.pdf", "application/pdf", -1,
	    100 };
	static const struct upload up_empty_input = { "", "", -1, 0 };
	static const struct upload up_empty_named = { "e.txt", "", -1, 0 };
	static const struct upload up_big = { "b.pdf", "", -1, 1001 };
	static const struct {
		const char		*what;
		unsigned		 flags;
		const struct upload	*up;	/* NULL: no file */
		bool			 sent;	/* a param called "f" */
		const char		*err;
		bool			 present;
	} fc[] = {
		{ "file sent", 0, &up_ok, true, NULL, true },
		{ "file sent required", F_REQUIRED, &up_ok, true, NULL, true },
		{ "file absent", 0, NULL, false, NULL, false },
		{ "file absent required", F_REQUIRED, NULL, false, "required",
		    false },
		{ "empty file input", 0, &up_empty_input, true, NULL, false },
		{ "empty file input required", F_REQUIRED, &up_empty_input,
		    true, "required", false },
		{ "named empty file", F_REQUIRED, &up_empty_named, true, NULL,
		    true },
		{ "plain value is not_file", 0, NULL, true, "not_file", false },
		{ "plain value is not_file, required", F_REQUIRED, NULL, true,
		    "not_file", false },
		{ "file over maxlen bytes", 0, &up_big, true, "file_too_big",
		    true },
	};
	struct field	 f = { .name = "f", .kind = FK_FILE, .maxlen = 1000 };
	struct arena	*a = arena_new(0);
	size_t		 k;

	(void)state;
	for (k = 0; k < sizeof(fc) / sizeof(fc[0]); k++) {
		struct param	 pv[2] = {
			{ "g", "x", 1, NULL },
			{ "f", "C:\\fake", 7, (struct upload *)fc[k].up },
		};
		struct params	 p = { pv, fc[k].sent ? 2 : 1, 2 };
		struct fval	 v;

		f.flags = fc[k].flags;
		if (form_validate(a, &f, 1, &p, &v) != (fc[k].err != NULL))
			fail_msg("%s: error count", fc[k].what);
		if (fc[k].err == NULL ? v.error != NULL :
		    v.error == NULL || strcmp(v.error, fc[k].err) != 0)
			fail_msg("%s: error %s", fc[k].what,
			    v.error ? v.error : "none");
		if (v.present != fc[k].present)
			fail_msg("%s: present", fc[k].what);
		if (v.present) {
			assert_ptr_equal(v.file, fc[k].up);
			assert_string_equal(v.s, fc[k].up->filename);
		} else
			assert_null(v.file);
	}
	arena_free(a);
}

static const struct {
	const char	*s;
	long long	 min, max;
	int		 ok;
	long long	 want;
} ll_cases[] = {
	{ "0", 0, 0, 1, 0 },
	{ "-0", -1, 1, 1, 0 },
	{ "1", 0, 10, 1, 1 },
	{ "10", 0, 10, 1, 10 },
	{ "11", 0, 10, 0, 0 },
	{ "-1", 0, 10, 0, 0 },
	{ "-1", -1, -1, 1, -1 },
	{ "007", 0, 10, 1, 7 },
	{ "9223372036854775807", LLONG_MIN, LLONG_MAX, 1, LLONG_MAX },
	{ "-9223372036854775808", LLONG_MIN, LLONG_MAX, 1, LLONG_MIN },
	{ "9223372036854775808", LLONG_MIN, LLONG_MAX, 0, 0 },
	{ "-9223372036854775809", LLONG_MIN, LLONG_MAX, 0, 0 },
	{ "18446744073709551616", LLONG_MIN, LLONG_MAX, 0, 0 },
	{ "99999999999999999999999999999", LLONG_MIN, LLONG_MAX, 0, 0 },
	{ "00000000000000000000000000001", LLONG_MIN, LLONG_MAX, 1, 1 },
	{ "", LLONG_MIN, LLONG_MAX, 0, 0 },
	{ "-", LLONG_MIN, LLONG_MAX, 0, 0 },
	{ "+1", LLONG_MIN, LLONG_MAX, 0, 0 },
	{ " 1", LLONG_MIN, LLONG_MAX, 0, 0 },
	{ "1 ", LLONG_MIN, LLONG_MAX, 0, 0 },
	{ "\t1", LLONG_MIN, LLONG_MAX, 0, 0 },
	{ "1x", LLONG_MIN, LLONG_MAX, 0, 0 },
	{ "x1", LLONG_MIN, LLONG_MAX, 0, 0 },
	{ "1-", LLONG_MIN, LLONG_MAX, 0, 0 },
	{ "--1", LLONG_MIN, LLONG_MAX, 0, 0 },
	{ "0x1", LLONG_MIN, LLONG_MAX, 0, 0 },
	{ "1e3", LLONG_MIN, LLONG_MAX, 0, 0 },
	{ "1.5", LLONG_MIN, LLONG_MAX, 0, 0 },
	{ "1,000", LLONG_MIN, LLONG_MAX, 0, 0 },
	{ "5", 10, 0, 0, 0 },		/* min > max */
};

static void
xsec_parse_ll_is_bounded_and_strict(void **state)
{
	size_t		 k;
	long long	 v;

	(void)state;
	for (k = 0; k < sizeof(ll_cases) / sizeof(ll_cases[0]); k++) {
		v = 12345;
		if (parse_ll(ll_cases[k].s, strlen(ll_cases[k].s),
		    ll_cases[k].min, ll_cases[k].max, &v) !=
		    (ll_cases[k].ok ? 0 : -1))
			fail_msg("parse_ll(\"%s\")", ll_cases[k].s);
		if (ll_cases[k].ok ? v != ll_cases[k].want : v != 12345)
			fail_msg("parse_ll(\"%s\") value %lld", ll_cases[k].s,
			    v);
	}
	/* Only n bytes count: a NUL inside or after does not matter. */
	assert_int_equal(parse_ll("12", 1, 0, 100, &v), 0);
	assert_int_equal(v, 1);
	assert_int_equal(parse_ll("1\0" "2", 3, 0, 100, &v), -1);
	assert_int_equal(parse_ll(NULL, 0, 0, 100, &v), -1);
}

static const struct {
	int	 y, m, d;
	bool	 ok;
} dates[] = {
	{ 2024, 1, 1, true }, { 2024, 1, 31, true }, { 2024, 1, 32, false },
	{ 2024, 2, 29, true }, { 2023, 2, 29, false }, { 2023, 2, 28, true },
	{ 2000, 2, 29, true }, { 1900, 2, 29, false }, { 2100, 2, 29, false },
	{ 2400, 2, 29, true }, { 2800, 2, 29, true }, { 2900, 2, 29, false },
	{ 1904, 2, 29, true }, { 2024, 2, 30, false },
	{ 2024, 3, 31, true }, { 2024, 4, 30, true }, { 2024, 4, 31, false },
	{ 2024, 5, 31, true }, { 2024, 6, 31, false }, { 2024, 7, 31, true },
	{ 2024, 8, 31, true }, { 2024, 9, 31, false }, { 2024, 10, 31, true },
	{ 2024, 11, 31, false }, { 2024, 12, 31, true },
	{ 2024, 0, 1, false }, { 2024, 13, 1, false }, { 2024, 1, 0, false },
	{ 2024, -1, 1, false }, { 2024, 1, -1, false },
	{ 1900, 1, 1, true }, { 1899, 12, 31, false }, { 2999, 12, 31, true },
	{ 3000, 1, 1, false }, { 0, 1, 1, false }, { -2024, 1, 1, false },
	{ 2024, 1, 2147483647, false }, { 2147483647, 1, 1, false },
};

static void
date_valid_knows_the_gregorian_calendar(void **state)
{
	size_t	 k;

	(void)state;
	for (k = 0; k < sizeof(dates) / sizeof(dates[0]); k++)
		if (date_valid(dates[k].y, dates[k].m, dates[k].d) !=
		    dates[k].ok)
			fail_msg("date_valid(%d, %d, %d)", dates[k].y,
			    dates[k].m, dates[k].d);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(xsec_every_field_kind_validates_by_table),
		cmocka_unit_test(xsec_form_counts_errors_and_ignores_undeclared),
		cmocka_unit_test(xsec_file_fields),
		cmocka_unit_test(xsec_parse_ll_is_bounded_and_strict),
		cmocka_unit_test(date_valid_knows_the_gregorian_calendar),
	};

	return cmocka_run_group_tests_name("form", tests, NULL, NULL);
}
