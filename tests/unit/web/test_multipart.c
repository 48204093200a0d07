/*
 * test_multipart.c -- X-SEC input validation of multipart/form-data
 * (RFC 7578): every case is fed through a read callback in several
 * chunkings (1 byte, 7 bytes, 4096 bytes, a ragged mix), since the parser
 * must give the same answer wherever the reads split the delimiter.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "web/params.h"
#include "core/utf8.h"

/* An in-memory body handed out in chunks of the given sizes, in turn. */
struct src {
	const char	*buf;
	size_t		 len, off;
	const size_t	*chunks;
	size_t		 nchunks, ci;
	size_t		 fail_at;	/* return -1 once off reaches this */
	size_t		 calls;
};

static ssize_t
src_read(void *ctx, char *buf, size_t n)
{
	struct src	*s = ctx;
	size_t		 k;

	s->calls++;
	if (s->off >= s->fail_at)
		return -1;
	k = s->chunks[s->ci++ % s->nchunks];
	if (k > n)
		k = n;
	if (k > s->len - s->off)
		k = s->len - s->off;
	if (k > s->fail_at - s->off)
		k = s->fail_at - s->off;
	memcpy(buf, s->buf + s->off, k);
	s->off += k;
	return (ssize_t)k;
}

static const size_t ch_1[] = { 1 };
static const size_t ch_7[] = { 7 };
static const size_t ch_4096[] = { 4096 };
static const size_t ch_mix[] = { 1, 7, 4096, 3, 65536, 2, 13, 500 };
static const size_t ch_big[] = { 1 << 20 };

static const struct {
	const char	*what;
	const size_t	*v;
	size_t		 n;
} chunkings[] = {
	{ "1", ch_1, 1 },
	{ "7", ch_7, 1 },
	{ "4096", ch_4096, 1 },
	{ "mix", ch_mix, sizeof(ch_mix) / sizeof(ch_mix[0]) },
	{ "whole", ch_big, 1 },
};
#define NCHUNKINGS (sizeof(chunkings) / sizeof(chunkings[0]))

static char tmpdir[64];

static const struct limits deflim = {
	.body_max = 1 << 20,
	.fields_max = 8,
	.field_max = 64,
	.file_max = 4096,
};
static const struct limits lim_2fields = { 1 << 20, 2, 64, 4096 };
static const struct limits lim_field8 = { 1 << 20, 8, 8, 4096 };
static const struct limits lim_file8 = { 1 << 20, 8, 64, 8 };
static const struct limits lim_body100 = { 100, 8, 64, 4096 };

#define BND	"XyZ"
#define CT	"multipart/form-data; boundary=" BND
#define CD(n)	"Content-Disposition: form-data; name=\"" n "\"\r\n"
#define PART(n, v) "--" BND "\r\n" CD(n) "\r\n" v "\r\n"
#define FPART(n, f, t, v) "--" BND "\r\n" \
	"Content-Disposition: form-data; name=\"" n "\"; filename=\"" f "\"\r\n" \
	"Content-Type: " t "\r\n\r\n" v "\r\n"
#define END	"--" BND "--\r\n"
#define BODY(lit) lit, sizeof(lit) - 1

/* Expected param; `file` set means an upload whose content is value. */
struct mexp {
	const char	*name;
	const char	*value;
	size_t		 vlen;		/* 0: strlen(value) */
	const char	*file;		/* filename, NULL for a value */
	const char	*ctype;
};

struct mcase {
	const char		*what;
	const char		*ctype;
	const char		*body;
	size_t			 len;
	const struct limits	*lim;	/* NULL: deflim */
	enum err		 want;
	struct mexp		 exp[5];
};

#define H8K_LINE "X-Pad: " \
	"%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%"

static const struct mcase cases[] = {
	{ "simple fields", CT,
	    BODY(PART("a", "1") PART("b", "\xe5\xaf\xb9\xe6\x8e\xa5") END),
	    NULL, ERR_OK, { { "a", "1", 0, NULL, NULL },
	    { "b", "\xe5\xaf\xb9\xe6\x8e\xa5", 0, NULL, NULL } } },
	{ "file part with content type", CT,
	    BODY(PART("a", "x") FPART("doc", "a.txt", "text/plain",
	    "hello\r\nworld") END),
	    NULL, ERR_OK, { { "a", "x", 0, NULL, NULL },
	    { "doc", "hello\r\nworld", 0, "a.txt", "text/plain" } } },
	{ "binary file with NUL and high bytes", CT,
	    BODY(FPART("f", "b.bin", "application/octet-stream",
	    "\0\xff\xfe\r\0\n") END),
	    NULL, ERR_OK, { { "f", "\0\xff\xfe\r\0\n", 6, "b.bin",
	    "application/octet-stream" } } },
	{ "file without content type", CT,
	    BODY("--" BND "\r\nContent-Disposition: form-data; name=\"f\"; "
	    "filename=\"n.txt\"\r\n\r\nabc\r\n" END),
	    NULL, ERR_OK, { { "f", "abc", 0, "n.txt", "" } } },
	{ "empty file from an empty file input", CT,
	    BODY(FPART("f", "", "application/octet-stream", "") END),
	    NULL, ERR_OK, { { "f", "", 0, "", "application/octet-stream" } } },
	{ "boundary-like text inside data but not at line start", CT,
	    BODY(PART("a", "x--" BND "--y --" BND "\n--" BND "\r--" BND
	    "\r\n-" BND "\r\n--XyY") END),
	    NULL, ERR_OK, { { "a", "x--" BND "--y --" BND "\n--" BND "\r--"
	    BND "\r\n-" BND "\r\n--XyY", 0, NULL, NULL } } },
	{ "boundary-like text inside a file", CT,
	    BODY(FPART("f", "f", "t/t", "--" BND "x\r\n--XY\r\n\r\n-- " BND)
	    END),
	    NULL, ERR_OK, { { "f", "--" BND "x\r\n--XY\r\n\r\n-- " BND, 0,
	    "f", "t/t" } } },
	{ "CRLF-only lines and empty values", CT,
	    BODY(PART("a", "\r\n") PART("b", "\r\n\r\n") PART("c", "")
	    PART("d", "\r") PART("e", "\n") END),
	    NULL, ERR_OK, { { "a", "\r\n", 0, NULL, NULL },
	    { "b", "\r\n\r\n", 0, NULL, NULL }, { "c", "", 0, NULL, NULL },
	    { "d", "\r", 0, NULL, NULL }, { "e", "\n", 0, NULL, NULL } } },
	{ "preamble and epilogue are ignored", CT,
	    BODY("This is the preamble --" BND " not yet\r\n"
	    PART("a", "1") END "epilogue\r\n--" BND "\r\n" CD("z") "\r\n"),
	    NULL, ERR_OK, { { "a", "1", 0, NULL, NULL } } },
	{ "body starting with CRLF", CT,
	    BODY("\r\n" PART("a", "1") END),
	    NULL, ERR_OK, { { "a", "1", 0, NULL, NULL } } },
	{ "close delimiter without trailing CRLF", CT,
	    BODY(PART("a", "1") "--" BND "--"),
	    NULL, ERR_OK, { { "a", "1", 0, NULL, NULL } } },
	{ "transport padding after a delimiter", CT,
	    BODY("--" BND " \t \r\n" CD("a") "\r\n1\r\n" END),
	    NULL, ERR_OK, { { "a", "1", 0, NULL, NULL } } },
	{ "quoted boundary with RFC 2046 specials", "multipart/form-data; "
	    "boundary=\"a'()+_,-./:=? b\"",
	    BODY("--a'()+_,-./:=? b\r\n" CD("q") "\r\nv\r\n"
	    "--a'()+_,-./:=? b--\r\n"),
	    NULL, ERR_OK, { { "q", "v", 0, NULL, NULL } } },
	{ "case-insensitive type and parameter, charset first",
	    "Multipart/Form-Data; charset=utf-8; BOUNDARY=" BND,
	    BODY(PART("a", "1") END),
	    NULL, ERR_OK, { { "a", "1", 0, NULL, NULL } } },
	{ "case-insensitive part header names", CT,
	    BODY("--" BND "\r\ncontent-DISPOSITION: Form-Data; NAME=\"a\"; "
	    "FileName=\"x\"\r\ncontent-type: a/b\r\n\r\nz\r\n" END),
	    NULL, ERR_OK, { { "a", "z", 0, "x", "a/b" } } },
	{ "unquoted name, unknown headers and params ignored", CT,
	    BODY("--" BND "\r\nX-Other: 1\r\nContent-Disposition: form-data; "
	    "foo=bar; name=a\r\nContent-Transfer-Encoding: 8bit\r\n\r\nv\r\n"
	    END),
	    NULL, ERR_OK, { { "a", "v", 0, NULL, NULL } } },
	{ "quoted name with ';' and filename with backslashes", CT,
	    BODY("--" BND "\r\nContent-Disposition: form-data; "
	    "name=\"a;b\"; filename=\"C:\\dir\\x.txt\"\r\n\r\nv\r\n" END),
	    NULL, ERR_OK, { { "a;b", "v", 0, "C:\\dir\\x.txt", "" } } },
	{ "UTF-8 filename", CT,
	    BODY(FPART("f", "\xe5\xaf\xb9.pdf", "application/pdf", "%PDF")
	    END),
	    NULL, ERR_OK, { { "f", "%PDF", 0, "\xe5\xaf\xb9.pdf",
	    "application/pdf" } } },
	{ "value at exactly field_max", CT,
	    BODY(PART("a", "12345678") END),
	    &lim_field8, ERR_OK, { { "a", "12345678", 0, NULL, NULL } } },
	{ "file at exactly file_max", CT,
	    BODY(FPART("f", "f", "t/t", "12345678") END),
	    &lim_file8, ERR_OK, { { "f", "12345678", 0, "f", "t/t" } } },
	{ "fields at exactly fields_max", CT,
	    BODY(PART("a", "1") FPART("f", "f", "t/t", "2") END),
	    &lim_2fields, ERR_OK, { { "a", "1", 0, NULL, NULL },
	    { "f", "2", 0, "f", "t/t" } } },

	/* Limits. */
	{ "too many fields", CT,
	    BODY(PART("a", "1") PART("b", "2") PART("c", "3") END),
	    &lim_2fields, ERR_TOOMANY, { { NULL, NULL, 0, NULL, NULL } } },
	{ "too many fields counting files", CT,
	    BODY(PART("a", "1") PART("b", "2") FPART("f", "f", "t/t", "x")
	    END),
	    &lim_2fields, ERR_TOOMANY, { { NULL, NULL, 0, NULL, NULL } } },
	{ "field too long", CT,
	    BODY(PART("a", "123456789") END),
	    &lim_field8, ERR_TOOBIG, { { NULL, NULL, 0, NULL, NULL } } },
	{ "field name too long", CT,
	    BODY(PART("abcdefghi", "1") END),
	    &lim_field8, ERR_TOOBIG, { { NULL, NULL, 0, NULL, NULL } } },
	{ "file too big", CT,
	    BODY(FPART("f", "f", "t/t", "123456789") END),
	    &lim_file8, ERR_TOOBIG, { { NULL, NULL, 0, NULL, NULL } } },
	{ "body larger than body_max", CT,
	    BODY(PART("a", "0123456789012345678901234567890123456789"
	    "0123456789012345678901234567890123456789") END),
	    &lim_body100, ERR_TOOBIG, { { NULL, NULL, 0, NULL, NULL } } },

	/* Encoding of values, names, filenames. */
	{ "bad UTF-8 in value", CT,
	    BODY(PART("a", "caf\xe9") END),
	    NULL, ERR_UTF8, { { NULL, NULL, 0, NULL, NULL } } },
	{ "overlong UTF-8 in value", CT,
	    BODY(PART("a", "\xc0\xaf") END),
	    NULL, ERR_UTF8, { { NULL, NULL, 0, NULL, NULL } } },
	{ "NUL in value", CT,
	    BODY(PART("a", "a\0b") END),
	    NULL, ERR_UTF8, { { NULL, NULL, 0, NULL, NULL } } },
	{ "surrogate in name", CT,
	    BODY(PART("\xed\xa0\x80", "1") END),
	    NULL, ERR_UTF8, { { NULL, NULL, 0, NULL, NULL } } },
	{ "bad UTF-8 in filename", CT,
	    BODY(FPART("f", "\xff.txt", "t/t", "x") END),
	    NULL, ERR_UTF8, { { NULL, NULL, 0, NULL, NULL } } },

	/* Broken bodies. */
	{ "missing final boundary", CT,
	    BODY(PART("a", "1")),
	    NULL, ERR_INVAL, { { NULL, NULL, 0, NULL, NULL } } },
	{ "body ends inside a value", CT,
	    BODY("--" BND "\r\n" CD("a") "\r\nhalf a val"),
	    NULL, ERR_INVAL, { { NULL, NULL, 0, NULL, NULL } } },
	{ "body ends inside a file", CT,
	    BODY("--" BND "\r\nContent-Disposition: form-data; name=\"f\"; "
	    "filename=\"f\"\r\n\r\nhalf a file\r\n--" BND),
	    NULL, ERR_INVAL, { { NULL, NULL, 0, NULL, NULL } } },
	{ "body ends inside headers", CT,
	    BODY("--" BND "\r\nContent-Disposition: form-da"),
	    NULL, ERR_INVAL, { { NULL, NULL, 0, NULL, NULL } } },
	{ "body ends after close dash", CT,
	    BODY(PART("a", "1") "--" BND "-"),
	    NULL, ERR_INVAL, { { NULL, NULL, 0, NULL, NULL } } },
	{ "empty body", CT, BODY(""),
	    NULL, ERR_INVAL, { { NULL, NULL, 0, NULL, NULL } } },
	{ "no boundary at all", CT, BODY("just text\r\n"),
	    NULL, ERR_INVAL, { { NULL, NULL, 0, NULL, NULL } } },
	{ "boundary followed by junk", CT,
	    BODY(PART("a", "1") "--" BND "junk\r\n" CD("b") "\r\n2\r\n" END),
	    NULL, ERR_INVAL, { { NULL, NULL, 0, NULL, NULL } } },
	{ "LF-only line endings", CT,
	    BODY("--" BND "\nContent-Disposition: form-data; name=\"a\"\n\n1\n"
	    "--" BND "--\n"),
	    NULL, ERR_INVAL, { { NULL, NULL, 0, NULL, NULL } } },
	{ "part without Content-Disposition", CT,
	    BODY("--" BND "\r\nContent-Type: text/plain\r\n\r\n1\r\n" END),
	    NULL, ERR_INVAL, { { NULL, NULL, 0, NULL, NULL } } },
	{ "part without headers", CT,
	    BODY("--" BND "\r\n\r\n1\r\n" END),
	    NULL, ERR_INVAL, { { NULL, NULL, 0, NULL, NULL } } },
	{ "disposition without name", CT,
	    BODY("--" BND "\r\nContent-Disposition: form-data; "
	    "filename=\"x\"\r\n\r\n1\r\n" END),
	    NULL, ERR_INVAL, { { NULL, NULL, 0, NULL, NULL } } },
	{ "disposition with empty name", CT,
	    BODY(PART("", "1") END),
	    NULL, ERR_INVAL, { { NULL, NULL, 0, NULL, NULL } } },
	{ "disposition other than form-data", CT,
	    BODY("--" BND "\r\nContent-Disposition: attachment; "
	    "name=\"a\"\r\n\r\n1\r\n" END),
	    NULL, ERR_INVAL, { { NULL, NULL, 0, NULL, NULL } } },
	{ "two Content-Disposition headers", CT,
	    BODY("--" BND "\r\n" CD("a") CD("b") "\r\n1\r\n" END),
	    NULL, ERR_INVAL, { { NULL, NULL, 0, NULL, NULL } } },
	{ "unterminated quote in name", CT,
	    BODY("--" BND "\r\nContent-Disposition: form-data; "
	    "name=\"a\r\n\r\n1\r\n" END),
	    NULL, ERR_INVAL, { { NULL, NULL, 0, NULL, NULL } } },
	{ "header line without colon", CT,
	    BODY("--" BND "\r\n" CD("a") "garbage\r\n\r\n1\r\n" END),
	    NULL, ERR_INVAL, { { NULL, NULL, 0, NULL, NULL } } },
	{ "NUL in a part header", CT,
	    BODY("--" BND "\r\n" CD("a") "X-A: \0\r\n\r\n1\r\n" END),
	    NULL, ERR_UTF8, { { NULL, NULL, 0, NULL, NULL } } },
	{ "header line over the 8 KiB cap", CT,
	    BODY("--" BND "\r\n" CD("a") H8K_LINE H8K_LINE H8K_LINE H8K_LINE
	    H8K_LINE H8K_LINE H8K_LINE H8K_LINE H8K_LINE H8K_LINE H8K_LINE
	    H8K_LINE H8K_LINE H8K_LINE H8K_LINE H8K_LINE H8K_LINE H8K_LINE
	    H8K_LINE H8K_LINE H8K_LINE H8K_LINE H8K_LINE H8K_LINE H8K_LINE
	    H8K_LINE H8K_LINE H8K_LINE H8K_LINE H8K_LINE H8K_LINE H8K_LINE
	    H8K_LINE H8K_LINE H8K_LINE H8K_LINE H8K_LINE H8K_LINE H8K_LINE
	    H8K_LINE H8K_LINE H8K_LINE H8K_LINE H8K_LINE H8K_LINE H8K_LINE
	    H8K_LINE H8K_LINE H8K_LINE H8K_LINE H8K_LINE H8K_LINE H8K_LINE
	    H8K_LINE H8K_LINE H8K_LINE H8K_LINE H8K_LINE H8K_LINE H8K_LINE
	    H8K_LINE H8K_LINE H8K_LINE H8K_LINE "\r\n\r\n1\r\n" END),
	    NULL, ERR_INVAL, { { NULL, NULL, 0, NULL, NULL } } },

	/* Request Content-Type. */
	{ "not multipart", "application/x-www-form-urlencoded",
	    BODY(PART("a", "1") END),
	    NULL, ERR_INVAL, { { NULL, NULL, 0, NULL, NULL } } },
	{ "multipart/mixed is not form-data", "multipart/mixed; boundary=" BND,
	    BODY(PART("a", "1") END),
	    NULL, ERR_INVAL, { { NULL, NULL, 0, NULL, NULL } } },
	{ "no boundary parameter", "multipart/form-data",
	    BODY(PART("a", "1") END),
	    NULL, ERR_INVAL, { { NULL, NULL, 0, NULL, NULL } } },
	{ "empty boundary", "multipart/form-data; boundary=",
	    BODY(PART("a", "1") END),
	    NULL, ERR_INVAL, { { NULL, NULL, 0, NULL, NULL } } },
	{ "empty quoted boundary", "multipart/form-data; boundary=\"\"",
	    BODY(PART("a", "1") END),
	    NULL, ERR_INVAL, { { NULL, NULL, 0, NULL, NULL } } },
	{ "boundary with a forbidden character",
	    "multipart/form-data; boundary=\"a\\b\"",
	    BODY("--a\\b\r\n" CD("a") "\r\n1\r\n--a\\b--\r\n"),
	    NULL, ERR_INVAL, { { NULL, NULL, 0, NULL, NULL } } },
	{ "boundary ending in a space",
	    "multipart/form-data; boundary=\"ab \"",
	    BODY("--ab \r\n" CD("a") "\r\n1\r\n--ab --\r\n"),
	    NULL, ERR_INVAL, { { NULL, NULL, 0, NULL, NULL } } },
	{ "unterminated quoted boundary", "multipart/form-data; boundary=\"ab",
	    BODY("--ab\r\n" CD("a") "\r\n1\r\n--ab--\r\n"),
	    NULL, ERR_INVAL, { { NULL, NULL, 0, NULL, NULL } } },
	{ "boundary of 71 characters", "multipart/form-data; boundary="
	    "12345678901234567890123456789012345678901234567890123456789012345678901",
	    BODY("--12345678901234567890123456789012345678901234567890"
	    "123456789012345678901\r\n" CD("a") "\r\n1\r\n"
	    "--12345678901234567890123456789012345678901234567890"
	    "123456789012345678901--\r\n"),
	    NULL, ERR_INVAL, { { NULL, NULL, 0, NULL, NULL } } },
	{ "boundary of 70 characters", "multipart/form-data; boundary="
	    "1234567890123456789012345678901234567890123456789012345678901234567890",
	    BODY("--12345678901234567890123456789012345678901234567890"
	    "12345678901234567890\r\n" CD("a") "\r\n1\r\n"
	    "--12345678901234567890123456789012345678901234567890"
	    "12345678901234567890--\r\n"),
	    NULL, ERR_OK, { { "a", "1", 0, NULL, NULL } } },
};

/* Open descriptors of this process, to prove uploads are closed. */
static int
count_fds(void)
{
	DIR		*d = opendir("/proc/self/fd");
	struct dirent	*e;
	int		 n = 0;

	assert_non_null(d);
	while ((e = readdir(d)) != NULL)
		if (e->d_name[0] != '.')
			n++;
	closedir(d);
	return n - 1;	/* the DIR's own descriptor */
}

static int
tmpdir_entries(void)
{
	DIR		*d = opendir(tmpdir);
	struct dirent	*e;
	int		 n = 0;

	assert_non_null(d);
	while ((e = readdir(d)) != NULL)
		if (e->d_name[0] != '.')
			n++;
	closedir(d);
	return n;
}

/* Checks an upload: unlinked, at offset 0, holding exactly want[0..n). */
static void
check_upload(const char *what, const struct upload *up, const char *want,
    size_t n)
{
	struct stat	 st;
	char		 buf[8192];
	size_t		 got = 0;
	ssize_t		 r;

	if (up->size != n)
		fail_msg("%s: file size %zu, want %zu", what, up->size, n);
	assert_int_equal(fstat(up->fd, &st), 0);
	assert_int_equal(st.st_nlink, 0);
	assert_int_equal((long long)st.st_size, (long long)n);
	assert_int_equal(lseek(up->fd, 0, SEEK_CUR), 0);
	while ((r = read(up->fd, buf, sizeof(buf))) > 0) {
		if (got + (size_t)r > n || memcmp(buf, want + got, (size_t)r))
			fail_msg("%s: file content differs at %zu", what, got);
		got += (size_t)r;
	}
	assert_int_equal(got, n);
}

static void
run_case(const struct mcase *c, size_t k)
{
	struct arena	*a = arena_new(4096);
	struct params	 p = { NULL, 0, 0 };
	struct src	 s = { c->body, c->len, 0, chunkings[k].v,
	    chunkings[k].n, 0, SIZE_MAX, 0 };
	enum err	 e;
	size_t		 i, n, vlen;
	int		 fds = count_fds();

	e = params_multipart(a, c->ctype, src_read, &s, c->len,
	    c->lim != NULL ? c->lim : &deflim, tmpdir, &p);
	if (e != c->want)
		fail_msg("%s (chunks %s): got %s, want %s", c->what,
		    chunkings[k].what, err_str(e), err_str(c->want));
	if (e == ERR_OK) {
		/* Reads exactly `length` bytes, epilogue included. */
		assert_int_equal(s.off, c->len);
		for (n = 0; n < 5 && c->exp[n].name != NULL; n++)
			continue;
		if (p.n != n)
			fail_msg("%s: %zu params, want %zu", c->what, p.n, n);
		for (i = 0; i < n; i++) {
			const struct mexp *x = &c->exp[i];
			const struct param *v = &p.v[i];

			vlen = x->vlen ? x->vlen : strlen(x->value);
			assert_string_equal(v->name, x->name);
			if (x->file == NULL) {
				if (v->file != NULL || v->len != vlen ||
				    memcmp(v->value, x->value, vlen) != 0 ||
				    v->value[vlen] != '\0')
					fail_msg("%s: value of %s", c->what,
					    x->name);
				continue;
			}
			if (v->file == NULL)
				fail_msg("%s: %s is no file", c->what, x->name);
			assert_string_equal(v->value, "");
			assert_string_equal(v->file->filename, x->file);
			assert_string_equal(v->file->ctype, x->ctype);
			check_upload(c->what, v->file, x->value, vlen);
		}
	}
	arena_free(a);
	/* The arena cleanup closed every upload; nothing left on disk. */
	assert_int_equal(count_fds(), fds);
	assert_int_equal(tmpdir_entries(), 0);
}

static void
xsec_multipart_table_in_every_chunking(void **state)
{
	size_t	 i, k;

	(void)state;
	for (k = 0; k < NCHUNKINGS; k++)
		for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
			run_case(&cases[i], k);
}

/*
 * A file much larger than the read buffer, full of near-delimiters, comes
 * back byte for byte, and the arena does not grow with it.
 */
static void
xsec_large_file_memory_does_not_grow_with_size(void **state)
{
	static const char	 head[] = "preamble\r\n--" BND "\r\n"
	    "Content-Disposition: form-data; name=\"big\"; filename=\"big.bin\""
	    "\r\nContent-Type: application/octet-stream\r\n\r\n";
	static const char	 tail[] = "\r\n" PART("after", "ok") END;
	const size_t		 fsize = 3 * 1024 * 1024 + 17;
	static const char	 noise[][8] = {
		"\r\n--XyY", "\r\n--Xy", "\r\n-", "--XyZ", "\r\r\n--", "\n--XyZ",
	};
	struct limits		 lim = deflim;
	char			*body, *file;
	size_t			 len, i, k;

	(void)state;
	lim.file_max = fsize;
	lim.body_max = fsize + 1024;
	len = sizeof(head) - 1 + fsize + sizeof(tail) - 1;
	body = malloc(len);
	assert_non_null(body);
	memcpy(body, head, sizeof(head) - 1);
	file = body + sizeof(head) - 1;
	srand(7);
	for (i = 0; i < fsize; ) {
		/*
		 * Near-delimiters, fenced with '.' so that neighbouring noise
		 * or random bytes cannot complete a real one.
		 */
		if (rand() % 50 == 0 && fsize - i > 10) {
			const char *nz = noise[(size_t)rand() %
			    (sizeof(noise) / sizeof(noise[0]))];

			file[i++] = '.';
			for (k = 0; nz[k] != '\0'; k++)
				file[i++] = nz[k];
			file[i++] = '.';
		} else
			file[i++] = (char)(rand() & 0xff);
	}
	memcpy(file + fsize, tail, sizeof(tail) - 1);

	/* From 1: 3 MiB one byte at a time is slow for no gain. */
	for (k = 1; k < NCHUNKINGS; k++) {
		struct arena	*a = arena_new(4096);
		struct params	 p = { NULL, 0, 0 };
		struct src	 s = { body, len, 0, chunkings[k].v,
		    chunkings[k].n, 0, SIZE_MAX, 0 };

		assert_int_equal(params_multipart(a, CT, src_read, &s, len,
		    &lim, tmpdir, &p), ERR_OK);
		assert_int_equal(p.n, 2);
		assert_string_equal(p.v[0].file->filename, "big.bin");
		check_upload("large file", p.v[0].file, file, fsize);
		assert_string_equal(p.v[1].value, "ok");
		assert_true(arena_used(a) < 4096);
		arena_free(a);
	}
	free(body);
	assert_int_equal(tmpdir_entries(), 0);
}

/* Header lines totalling just under 8 KiB pass; just over fail. */
static void
xsec_part_header_cap_is_8k(void **state)
{
	char		 body[12000];
	size_t		 hdr, len, k;
	int		 over;

	(void)state;
	for (over = 0; over <= 1; over++)
		for (k = 0; k < NCHUNKINGS; k++) {
			struct arena	*a = arena_new(0);
			struct params	 p = { NULL, 0, 0 };
			struct src	 s;
			enum err	 e;

			len = (size_t)snprintf(body, sizeof(body), "--%s\r\n%s",
			    BND, CD("a"));
			/* CD line + X-Pad line + blank line = 8192 (+1). */
			hdr = sizeof(CD("a")) - 1;
			len += (size_t)snprintf(body + len, sizeof(body) - len,
			    "X-Pad: ");
			hdr += 7;
			while (hdr < 8192 - 4 + (size_t)over) {
				body[len++] = 'p';
				hdr++;
			}
			len += (size_t)snprintf(body + len, sizeof(body) - len,
			    "\r\n\r\nv\r\n--%s--\r\n", BND);
			s = (struct src){ body, len, 0, chunkings[k].v,
			    chunkings[k].n, 0, SIZE_MAX, 0 };
			e = params_multipart(a, CT, src_read, &s, len,
			    &deflim, tmpdir, &p);
			assert_int_equal(e, over ? ERR_INVAL : ERR_OK);
			arena_free(a);
		}
}

/* A read error anywhere, even in the epilogue, is ERR_IO and leaks no
 * upload. */
static void
read_error_is_err_io_and_closes_uploads(void **state)
{
	static const char body[] = PART("a", "1")
	    FPART("f", "f.txt", "t/t", "0123456789012345678901234567890") END;
	size_t		 at, k;

	(void)state;
	for (k = 0; k < NCHUNKINGS; k++)
		for (at = 0; at < sizeof(body) - 1; at += 5) {
			struct arena	*a = arena_new(0);
			struct params	 p = { NULL, 0, 0 };
			struct src	 s = { body, sizeof(body) - 1, 0,
			    chunkings[k].v, chunkings[k].n, 0, at, 0 };
			int		 fds = count_fds();
			enum err	 e;

			e = params_multipart(a, CT, src_read, &s,
			    sizeof(body) - 1, &deflim, tmpdir, &p);
			assert_int_equal(e, ERR_IO);
			arena_free(a);
			assert_int_equal(count_fds(), fds);
		}
}

/* A body shorter than CONTENT_LENGTH is truncated: ERR_INVAL. */
static void
body_shorter_than_length_is_err_inval(void **state)
{
	static const char body[] = PART("a", "1");
	struct arena	*a = arena_new(0);
	struct params	 p = { NULL, 0, 0 };
	struct src	 s = { body, sizeof(body) - 1, 0, ch_7, 1, 0,
	    SIZE_MAX, 0 };

	(void)state;
	assert_int_equal(params_multipart(a, CT, src_read, &s, 1000, &deflim,
	    tmpdir, &p), ERR_INVAL);
	arena_free(a);
}

/* Reading stops at `length` even if the callback has more. */
static void
reads_never_go_past_length(void **state)
{
	static const char body[] = PART("a", "1") END "NEXT REQUEST";
	struct arena	*a = arena_new(0);
	struct params	 p = { NULL, 0, 0 };
	struct src	 s = { body, sizeof(body) - 1, 0, ch_big, 1, 0,
	    SIZE_MAX, 0 };
	size_t		 len = sizeof(body) - 1 - strlen("NEXT REQUEST");

	(void)state;
	assert_int_equal(params_multipart(a, CT, src_read, &s, len, &deflim,
	    tmpdir, &p), ERR_OK);
	assert_int_equal(s.off, len);
	assert_int_equal(p.n, 1);
	arena_free(a);
}

/* Parts append to params already parsed from the query string. */
static void
multipart_appends_after_query_params(void **state)
{
	static const char body[] = PART("b", "2") END;
	struct arena	*a = arena_new(0);
	struct params	 p = { NULL, 0, 0 };
	struct src	 s = { body, sizeof(body) - 1, 0, ch_4096, 1, 0,
	    SIZE_MAX, 0 };

	(void)state;
	assert_int_equal(params_urlencoded(a, "a=1", 3, &deflim, &p), ERR_OK);
	assert_int_equal(params_multipart(a, CT, src_read, &s,
	    sizeof(body) - 1, &deflim, tmpdir, &p), ERR_OK);
	assert_int_equal(p.n, 2);
	assert_string_equal(params_get(&p, "a")->value, "1");
	assert_string_equal(params_get(&p, "b")->value, "2");
	arena_free(a);
}

/* An unusable tmpdir is ERR_IO, only when a file part arrives. */
static void
bad_tmpdir_is_err_io(void **state)
{
	static const char body[] = FPART("f", "f", "t/t", "x") END;
	static const char vbody[] = PART("a", "1") END;
	struct arena	*a = arena_new(0);
	struct params	 p = { NULL, 0, 0 };
	struct src	 s = { body, sizeof(body) - 1, 0, ch_4096, 1, 0,
	    SIZE_MAX, 0 };
	struct src	 vs = { vbody, sizeof(vbody) - 1, 0, ch_4096, 1, 0,
	    SIZE_MAX, 0 };

	(void)state;
	assert_int_equal(params_multipart(a, CT, src_read, &s,
	    sizeof(body) - 1, &deflim, "/nonexistent/dir", &p), ERR_IO);
	assert_int_equal(params_multipart(a, CT, src_read, &vs,
	    sizeof(vbody) - 1, &deflim, "/nonexistent/dir", &p), ERR_OK);
	arena_free(a);
}

/*
 * Mutated and truncated bodies: any verdict is fine, but an accepted one
 * holds only checked strings, and no descriptor or temp file survives.
 */
static void
xsec_mutated_bodies_never_crash_or_leak(void **state)
{
	static const char	 base[] = "pre\r\n" PART("a", "1")
	    FPART("f", "x.txt", "t/t", "hello--XyZ\r\n--XyZx") PART("b",
	    "\xe5\xaf\xb9") END;
	static const char	 alpha[] = "\r\n-XyZ\";:= \xff\xc0";
	char			 body[sizeof(base)];
	int			 round, fds = count_fds();

	(void)state;
	srand(3);
	for (round = 0; round < 4000; round++) {
		struct arena	*a = arena_new(0);
		struct params	 p = { NULL, 0, 0 };
		size_t		 len = sizeof(base) - 1, i, k;
		struct src	 s;
		enum err	 e;
		int		 m = 1 + rand() % 4;

		memcpy(body, base, len);
		while (m-- > 0) {
			i = (size_t)rand() % len;
			if (rand() % 3 == 0)
				body[i] = (char)(rand() & 0xff);
			else
				body[i] = alpha[(size_t)rand() %
				    (sizeof(alpha) - 1)];
		}
		if (rand() % 4 == 0)
			len = (size_t)rand() % len;
		k = (size_t)rand() % NCHUNKINGS;
		s = (struct src){ body, len, 0, chunkings[k].v,
		    chunkings[k].n, 0, SIZE_MAX, 0 };
		e = params_multipart(a, CT, src_read, &s, len, &deflim,
		    tmpdir, &p);
		assert_true(e == ERR_OK || e == ERR_INVAL || e == ERR_UTF8 ||
		    e == ERR_TOOBIG || e == ERR_TOOMANY);
		for (i = 0; e == ERR_OK && i < p.n; i++) {
			assert_true(utf8_valid(p.v[i].name,
			    strlen(p.v[i].name)));
			assert_true(utf8_valid(p.v[i].value, p.v[i].len));
			if (p.v[i].file != NULL)
				assert_int_equal(lseek(p.v[i].file->fd, 0,
				    SEEK_CUR), 0);
		}
		arena_free(a);
	}
	assert_int_equal(count_fds(), fds);
	assert_int_equal(tmpdir_entries(), 0);
}

static int
setup(void **state)
{
	(void)state;
	snprintf(tmpdir, sizeof(tmpdir), "/tmp/duijie-test-XXXXXX");
	return mkdtemp(tmpdir) == NULL ? -1 : 0;
}

static int
teardown(void **state)
{
	(void)state;
	return rmdir(tmpdir);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(xsec_multipart_table_in_every_chunking),
		cmocka_unit_test(xsec_large_file_memory_does_not_grow_with_size),
		cmocka_unit_test(xsec_part_header_cap_is_8k),
		cmocka_unit_test(read_error_is_err_io_and_closes_uploads),
		cmocka_unit_test(body_shorter_than_length_is_err_inval),
		cmocka_unit_test(reads_never_go_past_length),
		cmocka_unit_test(multipart_appends_after_query_params),
		cmocka_unit_test(bad_tmpdir_is_err_io),
		cmocka_unit_test(xsec_mutated_bodies_never_crash_or_leak),
	};

	return cmocka_run_group_tests_name("multipart", tests, setup, teardown);
}
