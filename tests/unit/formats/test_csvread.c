/*
 * test_csvread.c -- R-09.2 the CSV reader of gov imports: RFC 4180 and
 * what Excel really writes, UTF-8 and GB18030, row and line numbers for
 * the row-level errors, going on after a bad record, bounded memory.
 *
 * Every case is read with several chunk sizes (the whole 64 KiB, and 1,
 * 2, 3, 7 and 64 bytes per read), since the records must be the same
 * wherever the reads split a line end, a quote or a character.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "formats/csvread.h"
#include "core/utf8.h"

/* Byte strings with explicit lengths, so NULs can be inside. */
#define S(lit)	lit, sizeof(lit) - 1
#define NELEM(a)	(sizeof(a) / sizeof((a)[0]))

static const size_t chunks[] = { 0, 1, 2, 3, 7, 64 };

static const char *const codes[CSVR__MAX] = {
	[CSVR_OK] = "OK",
	[CSVR_EIO] = "EIO",
	[CSVR_ENOMEM] = "ENOMEM",
	[CSVR_EBOM] = "EBOM",
	[CSVR_EENCODING] = "EENCODING",
	[CSVR_ENUL] = "ENUL",
	[CSVR_EFIELD] = "EFIELD",
	[CSVR_EFIELDS] = "EFIELDS",
	[CSVR_EQUOTE] = "EQUOTE",
	[CSVR_EEOF] = "EEOF",
};

/* A growing string for the transcript of a read. */
struct out {
	char	*s;
	size_t	 len, cap;
};

static void
out_add(struct out *o, const char *s, size_t n)
{
	if (o->len + n + 1 > o->cap) {
		o->cap = (o->len + n + 1) * 2;
		o->s = realloc(o->s, o->cap);
		assert_non_null(o->s);
	}
	memcpy(o->s + o->len, s, n);
	o->len += n;
	o->s[o->len] = '\0';
}

static void
out_printf(struct out *o, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static void
out_printf(struct out *o, const char *fmt, ...)
{
	char	 buf[128];
	va_list	 ap;
	int	 n;

	va_start(ap, fmt);
	n = vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	assert_true(n >= 0 && (size_t)n < sizeof buf);
	out_add(o, buf, (size_t)n);
}

/*
 * Reads everything and writes one line per result:
 *   "2@3 [a][b]"	record 2, starting on line 3, two fields
 *   "!EQUOTE 2@3:1"	a bad record: row 2, line 3, column 1
 *   "!!EIO 4@9:0"	a fatal error (and the next call must say it again)
 * Checks the contract of every field on the way.
 */
static char *
transcript(struct csvr *c)
{
	struct out		 o = { NULL, 0, 0 };
	struct csvr_record	 r;
	const struct csvr_error	*e;
	int			 k, guard = 0;

	out_add(&o, "", 0);
	while ((k = csvr_next(c, &r)) != 0) {
		assert_true(++guard < 100000);
		if (k == -1) {
			e = csvr_error(c);
			assert_true(e->code > CSVR_OK && e->code < CSVR__MAX);
			out_printf(&o, "%s%s %zu@%zu:%zu\n", e->fatal ? "!!" : "!",
			    codes[e->code], e->row, e->line, e->column);
			if (e->fatal) {
				assert_int_equal(csvr_next(c, &r), -1);
				assert_int_equal(csvr_error(c)->code, e->code);
				break;
			}
			continue;
		}
		assert_int_equal(k, 1);
		assert_int_equal(csvr_error(c)->code, CSVR_OK);
		assert_true(r.n >= 1);
		out_printf(&o, "%zu@%zu ", r.row, r.line);
		for (size_t i = 0; i < r.n; i++) {
			assert_true(utf8_valid(r.f[i].s, r.f[i].len));
			assert_int_equal(r.f[i].s[r.f[i].len], '\0');
			out_add(&o, "[", 1);
			out_add(&o, r.f[i].s, r.f[i].len);
			out_add(&o, "]", 1);
		}
		out_add(&o, "\n", 1);
	}
	return o.s;
}

/* The transcript of in[0..len) read chunk bytes at a time. */
static char *
read_all(const char *in, size_t len, enum csvr_encoding enc,
    size_t field_max, size_t fields_max, size_t chunk,
    enum csvr_encoding *detected)
{
	struct csvr_limits	 lim = { field_max, fields_max, chunk };
	struct csvr		*c = csvr_open_mem(in, len, enc, &lim);
	char			*t;

	assert_non_null(c);
	t = transcript(c);
	assert_true(csvr_mem(c) <= csvr_mem_max(&lim));
	if (detected != NULL)
		*detected = csvr_encoding(c);
	csvr_close(c);
	return t;
}

static const struct {
	const char		*what;
	const char		*in;
	size_t			 len;
	enum csvr_encoding	 enc;
	size_t			 field_max, fields_max;	/* 0: defaults */
	const char		*want;
} cases[] = {
	/* records and line ends */
	{ "empty file", S(""), CSVR_UTF8, 0, 0, "" },
	{ "header only", S("name,uscc\n"), CSVR_UTF8, 0, 0,
	  "1@1 [name][uscc]\n" },
	{ "header only, no line end", S("name,uscc"), CSVR_UTF8, 0, 0,
	  "1@1 [name][uscc]\n" },
	{ "LF", S("a,b\nc,d\n"), CSVR_UTF8, 0, 0,
	  "1@1 [a][b]\n2@2 [c][d]\n" },
	{ "CRLF", S("a,b\r\nc,d\r\n"), CSVR_UTF8, 0, 0,
	  "1@1 [a][b]\n2@2 [c][d]\n" },
	{ "lone CR", S("a,b\rc,d\r"), CSVR_UTF8, 0, 0,
	  "1@1 [a][b]\n2@2 [c][d]\n" },
	{ "mixed line ends", S("a\r\nb\nc\rd"), CSVR_UTF8, 0, 0,
	  "1@1 [a]\n2@2 [b]\n3@3 [c]\n4@4 [d]\n" },
	{ "no final line end", S("a\nb"), CSVR_UTF8, 0, 0,
	  "1@1 [a]\n2@2 [b]\n" },
	{ "blank lines are skipped and counted", S("\n\na\n\r\n\rb\n\n"),
	  CSVR_UTF8, 0, 0, "1@3 [a]\n2@6 [b]\n" },
	{ "CR then CRLF is a blank line", S("a\r\r\nb"), CSVR_UTF8, 0, 0,
	  "1@1 [a]\n2@3 [b]\n" },
	{ "only line ends", S("\r\n\n\r"), CSVR_UTF8, 0, 0, "" },
	{ "empty fields", S(",\n,,\n"), CSVR_UTF8, 0, 0,
	  "1@1 [][]\n2@2 [][][]\n" },
	{ "trailing comma", S("a,\n"), CSVR_UTF8, 0, 0, "1@1 [a][]\n" },
	{ "trailing comma at the end", S("a,"), CSVR_UTF8, 0, 0,
	  "1@1 [a][]\n" },
	{ "a line of spaces is a record", S("  \nx"), CSVR_UTF8, 0, 0,
	  "1@1 [  ]\n2@2 [x]\n" },
	{ "whitespace is kept", S(" a , b \t\n"), CSVR_UTF8, 0, 0,
	  "1@1 [ a ][ b \t]\n" },

	/* quotes */
	{ "quoted", S("\"a\",\"b,c\"\n"), CSVR_UTF8, 0, 0,
	  "1@1 [a][b,c]\n" },
	{ "doubled quotes", S("\"say \"\"hi\"\"\",x\n"), CSVR_UTF8, 0, 0,
	  "1@1 [say \"hi\"][x]\n" },
	{ "a quote alone", S("\"\"\"\""), CSVR_UTF8, 0, 0, "1@1 [\"]\n" },
	{ "empty quoted field", S("\"\"\n\"\",\"\""), CSVR_UTF8, 0, 0,
	  "1@1 []\n2@2 [][]\n" },
	{ "LF in quotes", S("\"a\nb\",c\nd"), CSVR_UTF8, 0, 0,
	  "1@1 [a\nb][c]\n2@3 [d]\n" },
	{ "CRLF in quotes", S("\"a\r\nb\"\r\nd"), CSVR_UTF8, 0, 0,
	  "1@1 [a\r\nb]\n2@3 [d]\n" },
	{ "CR in quotes", S("\"a\rb\"\rd"), CSVR_UTF8, 0, 0,
	  "1@1 [a\rb]\n2@3 [d]\n" },
	{ "blank lines in quotes", S("x,\"\n\n\"\ny"), CSVR_UTF8, 0, 0,
	  "1@1 [x][\n\n]\n2@4 [y]\n" },
	{ "a quote inside an unquoted field is literal", S("ab\"c,d\"\n"),
	  CSVR_UTF8, 0, 0, "1@1 [ab\"c][d\"]\n" },
	{ "a space before a quote makes it literal", S(" \"a\",b"),
	  CSVR_UTF8, 0, 0, "1@1 [ \"a\"][b]\n" },
	{ "text after a closing quote", S("\"ab\"c,d\nx,y\n"),
	  CSVR_UTF8, 0, 0, "!EQUOTE 1@1:1\n2@2 [x][y]\n" },
	{ "a space after a closing quote", S("a,\"b\" \nx"),
	  CSVR_UTF8, 0, 0, "!EQUOTE 1@1:2\n2@2 [x]\n" },
	{ "after the stray text, quotes are literal", S("\"a\"b\"c\nx"),
	  CSVR_UTF8, 0, 0, "!EQUOTE 1@1:1\n2@2 [x]\n" },
	{ "a bad record spanning lines", S("\"a\nb\"c,\"d\ne\"\nx"),
	  CSVR_UTF8, 0, 0, "!EQUOTE 1@1:1\n2@4 [x]\n" },
	{ "unterminated quote", S("a,\"b\nc"), CSVR_UTF8, 0, 0,
	  "!EEOF 1@1:2\n" },
	{ "unterminated quote after a record", S("x\n\n\"abc"),
	  CSVR_UTF8, 0, 0, "1@1 [x]\n!EEOF 2@3:1\n" },
	{ "unterminated quote after an error", S("\"a\"b,\"c"),
	  CSVR_UTF8, 0, 0, "!EEOF 1@1:2\n" },

	/* ragged rows */
	{ "ragged rows", S("a,b,c\n1\n1,2,3,4\n,\n"), CSVR_UTF8, 0, 0,
	  "1@1 [a][b][c]\n2@2 [1]\n3@3 [1][2][3][4]\n4@4 [][]\n" },

	/* UTF-8 */
	{ "UTF-8", S("企业名称,统一社会信用代码\n广州,\"佛山市\"\n"),
	  CSVR_UTF8, 0, 0, "1@1 [企业名称][统一社会信用代码]\n2@2 [广州][佛山市]\n" },
	{ "BOM", S("\xEF\xBB\xBF" "a,b\n"), CSVR_UTF8, 0, 0, "1@1 [a][b]\n" },
	{ "BOM in AUTO", S("\xEF\xBB\xBF" "a,b\n"), CSVR_AUTO, 0, 0,
	  "1@1 [a][b]\n" },
	{ "BOM alone", S("\xEF\xBB\xBF"), CSVR_UTF8, 0, 0, "" },
	{ "BOM then a quoted field", S("\xEF\xBB\xBF\"a\""), CSVR_UTF8, 0, 0,
	  "1@1 [a]\n" },
	{ "a BOM later is a character", S("a\n\xEF\xBB\xBF" "b"), CSVR_UTF8,
	  0, 0, "1@1 [a]\n2@2 [\xEF\xBB\xBF" "b]\n" },
	{ "invalid UTF-8", S("a\n\xC3\x28,b\nc\n"), CSVR_UTF8, 0, 0,
	  "1@1 [a]\n!EENCODING 2@2:1\n3@3 [c]\n" },
	{ "overlong UTF-8", S("a,\xC0\xAF\nc"), CSVR_UTF8, 0, 0,
	  "!EENCODING 1@1:2\n2@2 [c]\n" },
	{ "UTF-8 cut short by a comma", S("\xE4\xBC,x\ny"), CSVR_UTF8, 0, 0,
	  "!EENCODING 1@1:1\n2@2 [y]\n" },
	{ "UTF-8 cut short by the end", S("a\n\xE4\xBC"), CSVR_UTF8, 0, 0,
	  "1@1 [a]\n!EENCODING 2@2:1\n" },
	{ "GBK read as UTF-8", S("\xC6\xF3\xD2\xB5\n"), CSVR_UTF8, 0, 0,
	  "!EENCODING 1@1:1\n" },
	{ "NUL", S("a\0b,c\nd"), CSVR_UTF8, 0, 0, "!ENUL 1@1:1\n2@2 [d]\n" },
	{ "NUL in quotes", S("x,\"\0\"\nd"), CSVR_UTF8, 0, 0,
	  "!ENUL 1@1:2\n2@2 [d]\n" },
	{ "NUL in AUTO", S("a\0"), CSVR_AUTO, 0, 0, "!ENUL 1@1:1\n" },
	{ "UTF-16LE BOM", S("\xFF\xFE" "a\0,\0"), CSVR_AUTO, 0, 0,
	  "!!EBOM 1@1:0\n" },
	{ "UTF-16BE BOM", S("\xFE\xFF\0a"), CSVR_UTF8, 0, 0,
	  "!!EBOM 1@1:0\n" },
	{ "UTF-8 BOM when GB18030 is asked for", S("\xEF\xBB\xBF" "a"),
	  CSVR_GB18030, 0, 0, "!!EBOM 1@1:0\n" },

	/* GB18030 (GBK as Excel saves it) */
	{ "GBK", S("\xC6\xF3\xD2\xB5\xC3\xFB\xB3\xC6,\xCD\xB3\xD2\xBB\xC9\xE7"
	  "\xBB\xE1\xD0\xC5\xD3\xC3\xB4\xFA\xC2\xEB\r\n\xB9\xE3\xD6\xDD,"
	  "\"\xB7\xF0\xC9\xBD\xCA\xD0\"\r\n"), CSVR_GB18030, 0, 0,
	  "1@1 [企业名称][统一社会信用代码]\n2@2 [广州][佛山市]\n" },
	{ "GBK trail bytes that are ASCII letters", S("\x81\x40,\xA2\xE3"),
	  CSVR_GB18030, 0, 0, "1@1 [丂][€]\n" },
	{ "GB18030 four-byte characters", S("\x81\x30\x81\x30,\x90\x30\x81"
	  "\x30,\xE3\x32\x9A\x35"), CSVR_GB18030, 0, 0,
	  "1@1 [\xC2\x80][\xF0\x90\x80\x80][\xF4\x8F\xBF\xBF]\n" },
	{ "GB18030 BOM", S("\x84\x31\x95\x33\xC6\xF3\xD2\xB5"), CSVR_GB18030,
	  0, 0, "1@1 [企业]\n" },
	{ "GB18030 BOM in AUTO", S("\x84\x31\x95\x33" "a"), CSVR_AUTO, 0, 0,
	  "1@1 [a]\n" },
	{ "GB18030: a byte that is no character", S("a\n\x80,b\nc"),
	  CSVR_GB18030, 0, 0, "1@1 [a]\n!EENCODING 2@2:1\n3@3 [c]\n" },
	{ "GB18030: an unassigned four-byte code", S("\x84\x31\xA5\x30\nc"),
	  CSVR_GB18030, 0, 0, "!EENCODING 1@1:1\n2@2 [c]\n" },
	{ "GB18030: a lead byte before a comma", S("\xC6,b\nc"),
	  CSVR_GB18030, 0, 0, "!EENCODING 1@1:1\n2@2 [c]\n" },
	{ "GB18030: a lead byte before a quote", S("x,\"\xC6\"\nc"),
	  CSVR_GB18030, 0, 0, "!EENCODING 1@1:2\n2@2 [c]\n" },
	{ "GB18030: cut short by the end", S("a\n\xC6"), CSVR_GB18030, 0, 0,
	  "1@1 [a]\n!EENCODING 2@2:1\n" },
	{ "GB18030: NUL", S("\xC6\xF3\0,x\ny"), CSVR_GB18030, 0, 0,
	  "!ENUL 1@1:1\n2@2 [y]\n" },
	{ "AUTO: GBK", S("name,uscc\n\xC6\xF3\xD2\xB5,1\n"), CSVR_AUTO, 0, 0,
	  "1@1 [name][uscc]\n2@2 [企业][1]\n" },
	{ "AUTO: UTF-8 without BOM", S("name\n企业\n"), CSVR_AUTO, 0, 0,
	  "1@1 [name]\n2@2 [企业]\n" },

	/* limits */
	{ "a field at field_max", S("12345678,x\n"), CSVR_UTF8, 8, 0,
	  "1@1 [12345678][x]\n" },
	{ "a field over field_max", S("123456789,x\nok"), CSVR_UTF8, 8, 0,
	  "!EFIELD 1@1:1\n2@2 [ok]\n" },
	{ "a quoted field over field_max, over lines",
	  S("a,\"12345\n6789\n\",x\nok"), CSVR_UTF8, 8, 0,
	  "!EFIELD 1@1:2\n2@4 [ok]\n" },
	{ "UTF-8 at field_max", S("企业"), CSVR_UTF8, 6, 0, "1@1 [企业]\n" },
	{ "UTF-8 over field_max", S("企业a"), CSVR_UTF8, 6, 0,
	  "!EFIELD 1@1:1\n" },
	{ "GBK at field_max counts UTF-8 bytes", S("\xC6\xF3\xD2\xB5"),
	  CSVR_GB18030, 6, 0, "1@1 [企业]\n" },
	{ "GBK over field_max", S("\xC6\xF3\xD2\xB5" "a,b\nc"), CSVR_GB18030,
	  6, 0, "!EFIELD 1@1:1\n2@2 [c]\n" },
	{ "GBK over field_max in UTF-8, not as read", S("\xC6\xF3\xD2\xB5\xC6"
	  "\xF3"), CSVR_GB18030, 8, 0, "!EFIELD 1@1:1\n" },
	{ "GB18030 twice as long as read as UTF-8", S("\x81\x30\x81\x30\x81"
	  "\x30\x81\x31"), CSVR_GB18030, 4, 0, "1@1 [\xC2\x80\xC2\x81]\n" },
	{ "GB18030 one byte too many", S("\x81\x30\x81\x30\x81\x30\x81\x31"
	  "a"), CSVR_GB18030, 4, 0, "!EFIELD 1@1:1\n" },
	{ "fields_max fields", S("a,b,c\n"), CSVR_UTF8, 0, 3,
	  "1@1 [a][b][c]\n" },
	{ "too many fields", S("a,b,c\na,b,c,d\nx"), CSVR_UTF8, 0, 3,
	  "1@1 [a][b][c]\n!EFIELDS 2@2:4\n3@3 [x]\n" },
	{ "too many fields by a trailing comma", S("a,b,c,\nx"), CSVR_UTF8,
	  0, 3, "!EFIELDS 1@1:4\n2@2 [x]\n" },
	{ "an open quote past fields_max names its own column",
	  S("a,b,c,d,\"x\n"), CSVR_UTF8, 0, 3, "!EEOF 1@1:5\n" },
	{ "the first error of a record is the one", S("123,\"a\"b,\0\nx"),
	  CSVR_UTF8, 2, 0, "!EFIELD 1@1:1\n2@2 [x]\n" },
};

static void
r09_2_each_case_in_every_chunking(void **state)
{
	(void)state;
	for (size_t i = 0; i < NELEM(cases); i++) {
		for (size_t k = 0; k < NELEM(chunks); k++) {
			char *got = read_all(cases[i].in, cases[i].len,
			    cases[i].enc, cases[i].field_max,
			    cases[i].fields_max, chunks[k], NULL);

			if (strcmp(got, cases[i].want) != 0)
				fail_msg("%s (chunk %zu):\ngot:\n%s\nwant:\n%s",
				    cases[i].what, chunks[k], got,
				    cases[i].want);
			free(got);
		}
	}
}

static void
r09_2_auto_detects_the_encoding(void **state)
{
	static const struct {
		const char		*in;
		size_t			 len;
		enum csvr_encoding	 want;
	} det[] = {
		{ S(""), CSVR_UTF8 },
		{ S("name,uscc\n"), CSVR_UTF8 },
		{ S("\xEF\xBB\xBF"), CSVR_UTF8 },
		{ S("\xEF\xBB\xBF\xC6\xF3"), CSVR_UTF8 },
		{ S("企业\n"), CSVR_UTF8 },
		{ S("a\0b"), CSVR_UTF8 },
		{ S("\xC6\xF3\xD2\xB5\n"), CSVR_GB18030 },
		{ S("name\n\xB9\xE3\xD6\xDD"), CSVR_GB18030 },
		{ S("\x84\x31\x95\x33"), CSVR_GB18030 },
		/* cut short by the end of the file: not UTF-8 */
		{ S("a\xE4\xBC"), CSVR_GB18030 },
	};
	enum csvr_encoding	 got;
	char			*t;

	(void)state;
	for (size_t i = 0; i < NELEM(det); i++) {
		t = read_all(det[i].in, det[i].len, CSVR_AUTO, 0, 0, 0, &got);
		if (got != det[i].want)
			fail_msg("case %zu: detected %d, want %d", i, got,
			    det[i].want);
		free(t);
	}
	/* asked for, not detected */
	t = read_all(S("\xC6\xF3"), CSVR_UTF8, 0, 0, 0, &got);
	assert_int_equal(got, CSVR_UTF8);
	free(t);
	t = read_all(S("abc"), CSVR_GB18030, 0, 0, 0, &got);
	assert_int_equal(got, CSVR_GB18030);
	free(t);
}

/* AUTO looks at the first 64 KiB only, and a character cut by the end of
 * that window is still UTF-8. */
static void
r09_2_auto_window_is_64k(void **state)
{
	size_t			 n = 64 * 1024 + 16;
	char			*in = malloc(n);
	enum csvr_encoding	 got;
	char			*t;

	(void)state;
	assert_non_null(in);
	/* 企 (E4 BC 81) across the window's end */
	memset(in, 'a', n);
	memcpy(in + 64 * 1024 - 2, "\xE4\xBC\x81", 3);
	t = read_all(in, n, CSVR_AUTO, 128 * 1024, 0, 0, &got);
	assert_int_equal(got, CSVR_UTF8);
	assert_null(strchr(t, '!'));
	free(t);
	/* GBK after the window: UTF-8 was chosen, so it is an error */
	memset(in, 'a', n);
	in[100] = '\n';
	memcpy(in + 64 * 1024 + 4, "\n\xC6\xF3\xD2\xB5\n", 6);
	t = read_all(in, n, CSVR_AUTO, 128 * 1024, 0, 7, &got);
	assert_int_equal(got, CSVR_UTF8);
	assert_non_null(strstr(t, "!EENCODING 3@3:1\n"));
	free(t);
	/* GBK inside it: GB18030 */
	memcpy(in + 64 * 1024 - 8, "\n\xC6\xF3\xD2\xB5\n", 6);
	t = read_all(in, n, CSVR_AUTO, 128 * 1024, 0, 0, &got);
	assert_int_equal(got, CSVR_GB18030);
	free(t);
	free(in);
}

/* Characters of 1, 2 and 4 bytes at every offset against reads of 1 to 9
 * bytes: the same records as when read whole. */
static void
r09_2_gb18030_split_across_reads(void **state)
{
	static const char gb[] = "\xC6\xF3\xD2\xB5,\x90\x30\x81\x30\xB9\xE3"
	    "\r\n\"\xD6\xDD\r\n\x81\x30\x81\x30\"";
	static const char want[] =
	    "[企业][\xF0\x90\x80\x80广]\n"
	    "[州\r\n\xC2\x80]\n";
	char	 in[64];

	(void)state;
	/* a first line of pad + 1 bytes moves the rest against the reads */
	for (size_t pad = 0; pad < 9; pad++) {
		memset(in, 'x', pad + 1);
		in[pad + 1] = '\n';
		memcpy(in + pad + 2, gb, sizeof gb - 1);
		for (size_t chunk = 1; chunk <= 9; chunk++) {
			struct csvr_limits	 lim = { 0, 0, chunk };
			struct csvr		*c;
			struct csvr_record	 r;
			struct out		 o = { NULL, 0, 0 };

			c = csvr_open_mem(in, pad + 1 + sizeof gb,
			    CSVR_GB18030, &lim);
			assert_non_null(c);
			assert_int_equal(csvr_next(c, &r), 1);
			assert_int_equal(r.n, 1);
			assert_int_equal(r.f[0].len, pad + 1);
			out_add(&o, "", 0);
			while (csvr_next(c, &r) == 1) {
				for (size_t i = 0; i < r.n; i++) {
					out_add(&o, "[", 1);
					out_add(&o, r.f[i].s, r.f[i].len);
					out_add(&o, "]", 1);
				}
				out_add(&o, "\n", 1);
			}
			assert_int_equal(csvr_error(c)->code, CSVR_OK);
			if (strcmp(o.s, want) != 0)
				fail_msg("pad %zu chunk %zu: got [%s]", pad,
				    chunk, o.s);
			free(o.s);
			csvr_close(c);
		}
	}
}

/* A field of 1 MiB exactly at field_max, then one byte over. */
static void
r09_2_huge_field_at_the_limit(void **state)
{
	size_t			 max = 1024 * 1024, n = max + 16;
	char			*in = malloc(n);
	struct csvr_limits	 lim = { max, 4, 0 };
	struct csvr		*c;
	struct csvr_record	 r;

	(void)state;
	assert_non_null(in);
	memset(in, 'x', max);
	memcpy(in + max, ",y\n\"", 4);
	memset(in + max + 4, 'z', 12);
	in[n - 1] = '"';
	/* "xxx…x,y\n" then a quoted field of 11 z's */
	c = csvr_open_mem(in, n, CSVR_UTF8, &lim);
	assert_non_null(c);
	assert_int_equal(csvr_next(c, &r), 1);
	assert_int_equal(r.n, 2);
	assert_int_equal(r.f[0].len, max);
	assert_int_equal(r.f[0].s[max - 1], 'x');
	assert_string_equal(r.f[1].s, "y");
	assert_int_equal(csvr_next(c, &r), 1);
	assert_int_equal(r.f[0].len, 11);
	assert_int_equal(csvr_next(c, &r), 0);
	assert_true(csvr_mem(c) <= csvr_mem_max(&lim));
	csvr_close(c);

	in[max] = 'x';	/* one byte more */
	c = csvr_open_mem(in, n, CSVR_UTF8, &lim);
	assert_int_equal(csvr_next(c, &r), -1);
	assert_int_equal(csvr_error(c)->code, CSVR_EFIELD);
	assert_int_equal(csvr_error(c)->column, 1);
	assert_false(csvr_error(c)->fatal);
	assert_int_equal(csvr_next(c, &r), 1);
	assert_int_equal(r.row, 2);
	assert_int_equal(r.line, 2);
	assert_int_equal(csvr_next(c, &r), 0);
	assert_true(csvr_mem(c) <= csvr_mem_max(&lim));
	csvr_close(c);
	free(in);
}

/*
 * 200 000 rows through the reader: its memory is the same after the
 * first record as at the end, and far below the bound.
 */
static void
r09_2_memory_does_not_grow_with_the_file(void **state)
{
	size_t			 rows = 200000, cap = rows * 64, len = 0;
	char			*in = malloc(cap);
	struct csvr		*c;
	struct csvr_record	 r;
	size_t			 mem1 = 0, n = 0;
	int			 k;

	(void)state;
	assert_non_null(in);
	for (size_t i = 0; i < rows; i++)
		len += (size_t)snprintf(in + len, cap - len,
		    "%zu,企业%zu,\"广州, %zu\"\r\n", i, i * 7, i % 13);
	c = csvr_open_mem(in, len, CSVR_AUTO, NULL);
	assert_non_null(c);
	while ((k = csvr_next(c, &r)) == 1) {
		if (n++ == 0)
			mem1 = csvr_mem(c);
		assert_int_equal(r.n, 3);
		assert_int_equal(r.row, n);
		assert_int_equal(csvr_mem(c), mem1);
	}
	assert_int_equal(k, 0);
	assert_int_equal(n, rows);
	assert_int_equal(csvr_encoding(c), CSVR_UTF8);
	assert_true(mem1 < 96 * 1024);
	assert_true(mem1 <= csvr_mem_max(NULL));
	csvr_close(c);

	/* the same as GB18030, from a file, in 4 KiB reads */
	{
		char			 path[] = "/tmp/test_csvread.XXXXXX";
		int			 fd = mkstemp(path);
		struct csvr_limits	 lim = { 0, 0, 4096 };

		assert_true(fd >= 0);
		unlink(path);
		len = 0;
		for (size_t i = 0; i < rows; i++)
			len += (size_t)snprintf(in + len, cap - len,
			    "%zu,\xC6\xF3\xD2\xB5%zu,\"\xB9\xE3\xD6\xDD, %zu\"\r\n",
			    i, i * 7, i % 13);
		assert_int_equal(write(fd, in, len), (ssize_t)len);
		assert_int_equal(lseek(fd, 0, SEEK_SET), 0);
		c = csvr_open(fd, CSVR_AUTO, &lim);
		assert_non_null(c);
		n = 0;
		while ((k = csvr_next(c, &r)) == 1) {
			if (n++ == 0)
				mem1 = csvr_mem(c);
			assert_int_equal(csvr_mem(c), mem1);
			if (n == rows)
				assert_string_equal(r.f[1].s, "企业1399993");
		}
		assert_int_equal(k, 0);
		assert_int_equal(n, rows);
		assert_int_equal(csvr_encoding(c), CSVR_GB18030);
		csvr_close(c);
		close(fd);
	}
	free(in);
}

/* Whatever the input, memory stays under csvr_mem_max. */
static void
r09_2_memory_bound_holds_at_the_worst(void **state)
{
	struct csvr_limits	 lim = { 100, 4, 0 };
	char			 in[4 * 201 + 8];
	size_t			 len = 0;
	struct csvr		*c;
	struct csvr_record	 r;

	(void)state;
	/* four fields of 50 four-byte GB18030 characters (100 of UTF-8) */
	for (int f = 0; f < 4; f++) {
		for (int i = 0; i < 50; i++) {
			memcpy(in + len, "\x81\x30\x81\x30", 4);
			len += 4;
		}
		in[len++] = f < 3 ? ',' : '\n';
	}
	c = csvr_open_mem(in, len, CSVR_GB18030, &lim);
	assert_non_null(c);
	assert_int_equal(csvr_next(c, &r), 1);
	assert_int_equal(r.n, 4);
	assert_int_equal(r.f[3].len, 100);
	assert_true(csvr_mem(c) <= csvr_mem_max(&lim));
	csvr_close(c);
	assert_int_equal(csvr_mem_max(&(struct csvr_limits){ SIZE_MAX, 2, 0 }),
	    SIZE_MAX);
}

static void
r09_2_reads_a_file_descriptor(void **state)
{
	static const char data[] = "\xEF\xBB\xBF" "a,\"b\r\nc\"\r\n\r\nd";
	char			 path[] = "/tmp/test_csvread.XXXXXX";
	int			 fd = mkstemp(path);
	struct csvr_limits	 lim = { 0, 0, 3 };
	struct csvr		*c;
	char			*t;

	(void)state;
	assert_true(fd >= 0);
	unlink(path);
	assert_int_equal(write(fd, data, sizeof data - 1),
	    (ssize_t)(sizeof data - 1));
	assert_int_equal(lseek(fd, 0, SEEK_SET), 0);
	c = csvr_open(fd, CSVR_AUTO, &lim);
	assert_non_null(c);
	t = transcript(c);
	assert_string_equal(t, "1@1 [a][b\r\nc]\n2@4 [d]\n");
	assert_int_equal(csvr_encoding(c), CSVR_UTF8);
	free(t);
	csvr_close(c);
	/* the caller keeps its descriptor */
	assert_int_equal(lseek(fd, 0, SEEK_SET), 0);
	close(fd);
}

/* A read error ends reading, and says so again on every call. */
static void
r09_2_read_error_is_fatal(void **state)
{
	int		 fd = open("/", O_RDONLY | O_DIRECTORY);
	struct csvr	*c;
	char		*t;

	(void)state;
	assert_true(fd >= 0);
	c = csvr_open(fd, CSVR_AUTO, NULL);
	assert_non_null(c);
	t = transcript(c);
	assert_string_equal(t, "!!EIO 1@1:0\n");
	assert_int_equal(csvr_encoding(c), CSVR_AUTO);
	free(t);
	csvr_close(c);
	close(fd);
	c = csvr_open(-1, CSVR_UTF8, NULL);
	assert_non_null(c);
	t = transcript(c);
	assert_string_equal(t, "!!EIO 1@1:0\n");
	free(t);
	csvr_close(c);
}

static void
r09_2_api_edges(void **state)
{
	struct csvr		*c;
	struct csvr_record	 r;

	(void)state;
	errno = 0;
	assert_null(csvr_open_mem("", 0, (enum csvr_encoding)7, NULL));
	assert_int_equal(errno, EINVAL);
	csvr_close(NULL);
	c = csvr_open_mem(NULL, 0, CSVR_AUTO, NULL);
	assert_non_null(c);
	assert_int_equal(csvr_error(c)->code, CSVR_OK);
	assert_int_equal(csvr_encoding(c), CSVR_AUTO);
	assert_int_equal(csvr_next(c, &r), 0);
	assert_int_equal(csvr_next(c, &r), 0);
	csvr_close(c);
	for (int e = 0; e < CSVR__MAX; e++)
		assert_string_not_equal(csvr_strerror((enum csvr_errcode)e),
		    "unknown error");
	assert_string_equal(csvr_strerror(CSVR__MAX), "unknown error");
	assert_string_equal(csvr_strerror((enum csvr_errcode)-1),
	    "unknown error");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(r09_2_each_case_in_every_chunking),
		cmocka_unit_test(r09_2_auto_detects_the_encoding),
		cmocka_unit_test(r09_2_auto_window_is_64k),
		cmocka_unit_test(r09_2_gb18030_split_across_reads),
		cmocka_unit_test(r09_2_huge_field_at_the_limit),
		cmocka_unit_test(r09_2_memory_does_not_grow_with_the_file),
		cmocka_unit_test(r09_2_memory_bound_holds_at_the_worst),
		cmocka_unit_test(r09_2_reads_a_file_descriptor),
		cmocka_unit_test(r09_2_read_error_is_fatal),
		cmocka_unit_test(r09_2_api_edges),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
