/*
 * csvread.c -- a byte-level state machine over one fixed input buffer.
 *
 * The lexer works on the bytes as read, before any conversion.  That is
 * sound for both encodings: CSV's structure is four ASCII bytes (',' '"'
 * CR LF), and no byte of a multi-byte character is ever one of them (UTF-8
 * continuation and lead bytes are >= 0x80; GB18030 lead bytes are
 * 0x81..0xFE and its trail bytes 0x30..0x39, 0x40..0x7E or 0x80..0xFE).
 * A field's bytes are collected across any number of reads and checked
 * (UTF-8) or converted (GB18030) once the field has ended, so a character
 * split between two reads is never seen in halves.
 *
 * Fields go one after the other, each with its NUL, into one record
 * buffer that grows by doubling up to the bound the limits give and is
 * reused for every record; GB18030 fields are first collected in a second
 * buffer.  A bad record stops filling them but is lexed to its end.
 */
#include <errno.h>
#include <iconv.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "formats/csvread.h"
#include "core/utf8.h"

#define CSVR_BUFSZ	(64 * 1024)	/* input buffer; the AUTO window */
#define CSVR_FIELD_MAX	4096
#define CSVR_FIELDS_MAX	256
#define CSVR_GROW_MIN	256		/* first size of a growing buffer */

enum state {
	ST_RECORD,	/* between records: a line end here is a blank line */
	ST_FIELD,	/* at the first byte of a field */
	ST_PLAIN,	/* in an unquoted field */
	ST_QUOTED,	/* in a quoted field */
	ST_QUOTE,	/* just after a quote inside a quoted field */
};

struct csvr {
	/* the source: fd, or mem[0..memlen) */
	int			 fd;
	bool			 is_mem;
	const unsigned char	*mem;
	size_t			 memlen, memoff;
	bool			 src_end;	/* it said end of input */

	enum csvr_encoding	 enc;
	iconv_t			 cd;		/* GB18030 to UTF-8, or -1 */
	size_t			 field_max, fields_max, chunk;
	size_t			 raw_max;	/* bytes as read in a field */
	size_t			 rec_max;	/* bound of rec_cap */

	bool			 started, done;
	struct csvr_error	 err;

	/* the lexer */
	enum state		 st;
	bool			 prev_cr;	/* the last byte was a CR */
	size_t			 line;		/* line of the next byte */
	size_t			 rows;		/* records begun */

	/* the record being read */
	size_t			 row, rec_line;
	size_t			 fieldno;	/* current field, 1-based */
	bool			 bad;		/* err holds why */
	char			*rec;		/* its fields, each with a NUL */
	size_t			 rec_len, rec_cap;
	char			*raw;		/* GB18030: the field as read */
	size_t			 raw_cap;
	size_t			 flen;		/* bytes read of this field */
	struct csvr_field	*f;
	size_t			 nf, f_cap;

	size_t			 pos, end;	/* unread buf[pos..end) */
	unsigned char		 buf[CSVR_BUFSZ];
};

static const char *const csvr_strs[CSVR__MAX] = {
	[CSVR_OK] = "success",
	[CSVR_EIO] = "read error",
	[CSVR_ENOMEM] = "out of memory",
	[CSVR_EBOM] = "byte-order mark of another encoding",
	[CSVR_EENCODING] = "invalid byte sequence for the encoding",
	[CSVR_ENUL] = "NUL byte in a field",
	[CSVR_EFIELD] = "field too long",
	[CSVR_EFIELDS] = "too many fields",
	[CSVR_EQUOTE] = "text after a closing quote",
	[CSVR_EEOF] = "end of input inside a quoted field",
};

const char *
csvr_strerror(enum csvr_errcode e)
{
	if ((unsigned)e >= CSVR__MAX || csvr_strs[e] == NULL)
		return "unknown error";
	return csvr_strs[e];
}

static size_t
add_sat(size_t a, size_t b)
{
	return a > SIZE_MAX - b ? SIZE_MAX : a + b;
}

static size_t
mul_sat(size_t a, size_t b)
{
	return b != 0 && a > SIZE_MAX / b ? SIZE_MAX : a * b;
}

/* The limits with their defaults filled in. */
static struct csvr_limits
limits_of(const struct csvr_limits *lim)
{
	struct csvr_limits l = { 0, 0, 0 };

	if (lim != NULL)
		l = *lim;
	if (l.field_max == 0)
		l.field_max = CSVR_FIELD_MAX;
	if (l.fields_max == 0)
		l.fields_max = CSVR_FIELDS_MAX;
	if (l.chunk == 0 || l.chunk > CSVR_BUFSZ)
		l.chunk = CSVR_BUFSZ;
	return l;
}

/*
 * The record buffer holds at most fields_max fields of field_max bytes and
 * a NUL each; converting a GB18030 field needs field_max + 2 bytes free
 * after the fields before it, so one byte more.
 */
static size_t
rec_max_of(const struct csvr_limits *l)
{
	return add_sat(mul_sat(l->fields_max, add_sat(l->field_max, 1)), 1);
}

size_t
csvr_mem_max(const struct csvr_limits *lim)
{
	struct csvr_limits	 l = limits_of(lim);
	size_t			 m = sizeof(struct csvr);

	m = add_sat(m, rec_max_of(&l));
	m = add_sat(m, mul_sat(l.field_max, 2));	/* raw */
	return add_sat(m, mul_sat(l.fields_max, sizeof(struct csvr_field)));
}

size_t
csvr_mem(const struct csvr *c)
{
	return sizeof *c + c->rec_cap + c->raw_cap +
	    c->f_cap * sizeof *c->f;
}

enum csvr_encoding
csvr_encoding(const struct csvr *c)
{
	return c->enc;
}

const struct csvr_error *
csvr_error(const struct csvr *c)
{
	return &c->err;
}

static struct csvr *
csvr_new(enum csvr_encoding enc, const struct csvr_limits *lim)
{
	struct csvr_limits	 l = limits_of(lim);
	struct csvr		*c;

	if (enc != CSVR_AUTO && enc != CSVR_UTF8 && enc != CSVR_GB18030) {
		errno = EINVAL;
		return NULL;
	}
	/* the input buffer needs no zeroing: 64 KiB per reader */
	if ((c = malloc(sizeof *c)) == NULL)
		return NULL;
	memset(c, 0, offsetof(struct csvr, buf));
	c->fd = -1;
	c->enc = enc;
	c->cd = (iconv_t)-1;
	c->field_max = l.field_max;
	c->fields_max = l.fields_max;
	c->chunk = l.chunk;
	c->rec_max = rec_max_of(&l);
	c->line = 1;
	c->st = ST_RECORD;
	if (enc != CSVR_UTF8 &&
	    (c->cd = iconv_open("UTF-8", "GB18030")) == (iconv_t)-1) {
		free(c);
		return NULL;
	}
	return c;
}

struct csvr *
csvr_open(int fd, enum csvr_encoding enc, const struct csvr_limits *lim)
{
	struct csvr *c = csvr_new(enc, lim);

	if (c != NULL)
		c->fd = fd;
	return c;
}

struct csvr *
csvr_open_mem(const void *buf, size_t len, enum csvr_encoding enc,
    const struct csvr_limits *lim)
{
	struct csvr *c = csvr_new(enc, lim);

	if (c != NULL) {
		c->is_mem = true;
		c->mem = buf;
		c->memlen = buf != NULL ? len : 0;
	}
	return c;
}

void
csvr_close(struct csvr *c)
{
	if (c == NULL)
		return;
	if (c->cd != (iconv_t)-1)
		iconv_close(c->cd);
	free(c->rec);
	free(c->raw);
	free(c->f);
	free(c);
}

/*
 * A buffer of *cap elements of `size` bytes at p, made to hold at least
 * `need` (<= max): doubles from CSVR_GROW_MIN, never past max.  Returns
 * the buffer (p when it was big enough), or NULL on OOM with p untouched.
 */
static void *
grow(void *p, size_t *cap, size_t need, size_t max, size_t size)
{
	size_t	 n = *cap > CSVR_GROW_MIN ? *cap : CSVR_GROW_MIN;
	void	*np;

	if (need <= *cap)
		return p;
	if (need > max)
		return NULL;
	while (n < need)
		n = n > max / 2 ? max : n * 2;
	if (n > max)
		n = max;
	if (n > SIZE_MAX / size || (np = realloc(p, n * size)) == NULL)
		return NULL;
	*cap = n;
	return np;
}

/* Reading ends: every later csvr_next returns -1 with this error. */
static int
fatal(struct csvr *c, enum csvr_errcode code)
{
	bool in_record = c->st != ST_RECORD;

	c->err.code = code;
	c->err.row = in_record ? c->row : c->rows + 1;
	c->err.line = in_record ? c->rec_line : c->line;
	c->err.column = 0;
	c->err.fatal = true;
	c->done = true;
	return -1;
}

/* The record is bad: its first error is kept, except that the end of
 * input inside quotes, which explains any other, replaces it. */
static void
bad(struct csvr *c, enum csvr_errcode code)
{
	if (c->bad && code != CSVR_EEOF)
		return;
	c->bad = true;
	c->err.code = code;
	c->err.row = c->row;
	c->err.line = c->rec_line;
	c->err.column = c->fieldno;
	c->err.fatal = false;
}

/* Up to n bytes of the source into p: bytes read, 0 at its end, -1 on a
 * read error. */
static ssize_t
src_read(struct csvr *c, unsigned char *p, size_t n)
{
	ssize_t r;

	if (c->src_end)
		return 0;
	if (c->is_mem) {
		if (n > c->memlen - c->memoff)
			n = c->memlen - c->memoff;
		if (n > 0)
			memcpy(p, c->mem + c->memoff, n);
		c->memoff += n;
		r = (ssize_t)n;
	} else {
		do
			r = read(c->fd, p, n);
		while (r == -1 && errno == EINTR);
	}
	if (r == 0)
		c->src_end = true;
	return r;
}

/*
 * True when p[0..n) is UTF-8 as far as it goes.  NULs pass here (they are
 * refused later in either encoding), and so does a character cut off by
 * the end of the window when the input goes on after it.
 */
static bool
looks_utf8(const unsigned char *p, size_t n, bool whole)
{
	const unsigned char	*nul;
	size_t			 k, len;

	for (k = 1; !whole && k <= 3 && k <= n; k++) {
		unsigned char b = p[n - k];

		if ((b & 0xC0) == 0x80)
			continue;
		len = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : 2;
		if (b >= 0xC2 && b <= 0xF4 && len > k)
			n -= k;
		break;
	}
	while ((nul = memchr(p, '\0', n)) != NULL) {
		if (!utf8_valid((const char *)p, (size_t)(nul - p)))
			return false;
		n -= (size_t)(nul - p) + 1;
		p = nul + 1;
	}
	return utf8_valid((const char *)p, n);
}

static bool
starts_with(const struct csvr *c, const char *s, size_t n)
{
	return c->end >= n && memcmp(c->buf, s, n) == 0;
}

/* Fills the window, drops a BOM and settles the encoding. */
static int
start(struct csvr *c)
{
	size_t	 want;
	ssize_t	 r;

	c->started = true;
	while (c->end < sizeof c->buf) {
		want = sizeof c->buf - c->end;
		if (want > c->chunk)
			want = c->chunk;
		if ((r = src_read(c, c->buf + c->end, want)) < 0)
			return fatal(c, CSVR_EIO);
		if (r == 0)
			break;
		c->end += (size_t)r;
	}
	if (starts_with(c, "\xef\xbb\xbf", 3)) {
		if (c->enc == CSVR_GB18030)
			return fatal(c, CSVR_EBOM);
		c->enc = CSVR_UTF8;
		c->pos = 3;
	} else if (starts_with(c, "\xff\xfe", 2) ||
	    starts_with(c, "\xfe\xff", 2))
		return fatal(c, CSVR_EBOM);
	else if (c->enc != CSVR_UTF8 && starts_with(c, "\x84\x31\x95\x33", 4)) {
		c->enc = CSVR_GB18030;
		c->pos = 4;
	} else if (c->enc == CSVR_AUTO)
		c->enc = looks_utf8(c->buf, c->end, c->src_end) ?
		    CSVR_UTF8 : CSVR_GB18030;
	/* a UTF-8 byte is at least a GB18030 one, 4 of GB18030 at least 2 */
	c->raw_max = c->enc == CSVR_GB18030 ? mul_sat(c->field_max, 2) :
	    c->field_max;
	return 0;
}

/* Refills the spent buffer: 1, 0 at the end of input, -1 on error. */
static int
fill(struct csvr *c)
{
	ssize_t r = src_read(c, c->buf, c->chunk);

	if (r < 0)
		return -1;
	c->pos = 0;
	c->end = (size_t)r;
	return r > 0;
}

/* Counts lines: LF, CR and CRLF each end one. */
static void
newline(struct csvr *c, unsigned char b)
{
	if (b == '\r' || !c->prev_cr)
		c->line++;
	c->prev_cr = b == '\r';
}

static void
field_begin(struct csvr *c)
{
	c->fieldno++;
	c->flen = 0;
	if (c->nf == c->fields_max)
		bad(c, CSVR_EFIELDS);
}

/* Adds p[0..n) to the current field: 0, or -1 out of memory. */
static int
append(struct csvr *c, const unsigned char *p, size_t n)
{
	char *np;

	if (c->bad)
		return 0;
	if (n > c->raw_max - c->flen) {
		bad(c, CSVR_EFIELD);
		return 0;
	}
	if (c->enc == CSVR_GB18030) {
		np = grow(c->raw, &c->raw_cap, c->flen + n, c->raw_max, 1);
		if (np == NULL)
			return -1;
		c->raw = np;
		memcpy(c->raw + c->flen, p, n);
	} else {
		np = grow(c->rec, &c->rec_cap, c->rec_len + n, c->rec_max, 1);
		if (np == NULL)
			return -1;
		c->rec = np;
		memcpy(c->rec + c->rec_len, p, n);
		c->rec_len += n;
	}
	c->flen += n;
	return 0;
}

/*
 * GB18030: converts raw[0..flen) onto the end of rec, giving iconv
 * field_max + 1 bytes so that a field too long shows as E2BIG or as
 * one byte too many.  0, or -1 out of memory.
 */
static int
convert(struct csvr *c)
{
	size_t	 room = c->field_max + 1, inleft = c->flen, outleft = room;
	char	*in = c->raw, *out, *np;

	if (c->flen > 0 && memchr(c->raw, '\0', c->flen) != NULL) {
		bad(c, CSVR_ENUL);
		return 0;
	}
	np = grow(c->rec, &c->rec_cap, c->rec_len + room + 1, c->rec_max, 1);
	if (np == NULL)
		return -1;
	c->rec = np;
	out = c->rec + c->rec_len;
	if (inleft > 0) {
		iconv(c->cd, NULL, NULL, NULL, NULL);
		if (iconv(c->cd, &in, &inleft, &out, &outleft) == (size_t)-1) {
			bad(c, errno == E2BIG ? CSVR_EFIELD : CSVR_EENCODING);
			return 0;
		}
	}
	c->flen = room - outleft;
	if (c->flen > c->field_max)
		bad(c, CSVR_EFIELD);
	else if (!utf8_valid(c->rec + c->rec_len, c->flen))
		bad(c, CSVR_EENCODING);	/* iconv's output: never seen */
	else
		c->rec_len += c->flen;
	return 0;
}

/* Ends the current field: checks or converts it, then adds its NUL.  0,
 * or -1 out of memory. */
static int
field_end(struct csvr *c)
{
	const char	*s;
	void		*np;

	if (c->bad)
		return 0;
	if (c->enc == CSVR_GB18030) {
		if (convert(c) == -1)
			return -1;
		if (c->bad)
			return 0;
	} else if (c->flen > 0) {
		s = c->rec + c->rec_len - c->flen;
		if (memchr(s, '\0', c->flen) != NULL) {
			bad(c, CSVR_ENUL);
			return 0;
		}
		if (!utf8_valid(s, c->flen)) {
			bad(c, CSVR_EENCODING);
			return 0;
		}
	}
	if ((np = grow(c->rec, &c->rec_cap, c->rec_len + 1, c->rec_max,
	    1)) == NULL)
		return -1;
	c->rec = np;
	c->rec[c->rec_len++] = '\0';
	if ((np = grow(c->f, &c->f_cap, c->nf + 1, c->fields_max,
	    sizeof *c->f)) == NULL)
		return -1;
	c->f = np;
	c->f[c->nf].s = NULL;
	c->f[c->nf++].len = c->flen;
	return 0;
}

/* Bytes of p[0..n) before the first that can end an unquoted field. */
static size_t
span_plain(const unsigned char *p, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (p[i] == ',' || p[i] == '\r' || p[i] == '\n')
			break;
	return i;
}

/* Bytes of p[0..n) before the first quote or line break. */
static size_t
span_quoted(const unsigned char *p, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (p[i] == '"' || p[i] == '\r' || p[i] == '\n')
			break;
	return i;
}

/*
 * Consumes the buffer up to the end of a record: 1 when one ended, 0
 * when the buffer ran out first, -1 out of memory.
 */
static int
lex(struct csvr *c)
{
	const unsigned char	*p;
	unsigned char		 b;
	size_t			 n;

	while (c->pos < c->end) {
		p = c->buf + c->pos;
		b = *p;
		switch (c->st) {
		case ST_RECORD:
			if (b == '\r' || b == '\n') {
				newline(c, b);
				c->pos++;
				break;
			}
			c->row = ++c->rows;
			c->rec_line = c->line;
			c->st = ST_FIELD;
			break;
		case ST_FIELD:
			field_begin(c);
			c->st = ST_PLAIN;
			if (b == '"') {
				c->st = ST_QUOTED;
				c->prev_cr = false;
				c->pos++;
			}
			break;
		case ST_PLAIN:
			if ((n = span_plain(p, c->end - c->pos)) > 0) {
				if (append(c, p, n) == -1)
					return -1;
				c->prev_cr = false;
				c->pos += n;
				break;
			}
			c->pos++;
			if (field_end(c) == -1)
				return -1;
			if (b == ',') {
				c->prev_cr = false;
				c->st = ST_FIELD;
				break;
			}
			newline(c, b);
			c->st = ST_RECORD;
			return 1;
		case ST_QUOTED:
			if ((n = span_quoted(p, c->end - c->pos)) > 0) {
				if (append(c, p, n) == -1)
					return -1;
				c->prev_cr = false;
				c->pos += n;
				break;
			}
			c->pos++;
			if (b == '"') {
				c->prev_cr = false;
				c->st = ST_QUOTE;
				break;
			}
			newline(c, b);
			if (append(c, p, 1) == -1)
				return -1;
			break;
		case ST_QUOTE:
			if (b == '"') {
				if (append(c, p, 1) == -1)
					return -1;
				c->prev_cr = false;
				c->pos++;
				c->st = ST_QUOTED;
				break;
			}
			/* the field ends on a separator as an unquoted one
			 * does; anything else runs on as unquoted text */
			if (b != ',' && b != '\r' && b != '\n')
				bad(c, CSVR_EQUOTE);
			c->st = ST_PLAIN;
			break;
		}
	}
	return 0;
}

/* The record just read into *r: 1, or -1 when it was bad. */
static int
record_out(struct csvr *c, struct csvr_record *r)
{
	const char	*s = c->rec;
	size_t		 i;

	if (c->bad)
		return -1;
	for (i = 0; i < c->nf; i++) {
		c->f[i].s = s;
		s += c->f[i].len + 1;
	}
	r->f = c->f;
	r->n = c->nf;
	r->row = c->row;
	r->line = c->rec_line;
	return 1;
}

/* The input has ended: the last record, if one was begun. */
static int
at_end(struct csvr *c, struct csvr_record *r)
{
	enum state st = c->st;

	c->done = true;
	if (st == ST_RECORD)
		return 0;
	c->st = ST_RECORD;
	if (st == ST_QUOTED)
		bad(c, CSVR_EEOF);
	else {
		if (st == ST_FIELD)
			field_begin(c);
		if (field_end(c) == -1) {
			c->st = st;
			return fatal(c, CSVR_ENOMEM);
		}
	}
	return record_out(c, r);
}

int
csvr_next(struct csvr *c, struct csvr_record *r)
{
	int k;

	if (c->err.fatal)
		return -1;
	memset(&c->err, 0, sizeof c->err);
	if (!c->started && start(c) == -1)
		return -1;
	if (c->done)
		return 0;
	c->bad = false;
	c->fieldno = 0;
	c->nf = 0;
	c->rec_len = 0;
	for (;;) {
		if (c->pos == c->end) {
			if ((k = fill(c)) == -1)
				return fatal(c, CSVR_EIO);
			if (k == 0)
				return at_end(c, r);
		}
		if ((k = lex(c)) == -1)
			return fatal(c, CSVR_ENOMEM);
		if (k == 1)
			return record_out(c, r);
	}
}
