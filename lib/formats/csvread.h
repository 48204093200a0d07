/*
 * csvread.h -- a streaming CSV reader for uploaded spreadsheets.
 *
 * Reads RFC 4180 CSV as Excel and other tools write it, from a file
 * descriptor in fixed-size chunks, one record per call.  Memory does not
 * grow with the file: only with the longest record, which the caller's
 * limits cap (see csvr_mem).
 *
 * Syntax:
 *  - Fields are separated by ',' and records end in LF, CRLF or a lone CR;
 *    the last record may lack its line end.
 *  - A field is quoted when its first byte is '"'; inside, '""' is a quote
 *    and line breaks (LF, CRLF, CR) are part of the value, as they are.
 *  - Anywhere else a quote is an ordinary character ('ab"c', ' "x"').
 *  - Whitespace is kept as it is; the caller trims.  After a closing
 *    quote only ',' or a line end may follow: '"ab" ,' is CSVR_EQUOTE.
 *  - A line with nothing on it is skipped (it still counts as a line);
 *    a line of spaces, or '""', is a record of one field.
 *  - Records may have any number of fields up to fields_max ("ragged"):
 *    the caller compares n with its header.
 *
 * Encodings: UTF-8 with or without its BOM, or GB18030 (and so GBK and
 * GB2312, as Excel in China saves CSV), converted to UTF-8 by iconv.
 * Every field handed out is valid UTF-8 (utf8_valid) with no NUL byte and
 * at most field_max bytes of UTF-8; nothing is ever replaced or dropped:
 * a record that cannot be given whole is an error.  (Windows code page
 * 936's one-byte euro sign 0x80 is not GB18030, so it is an error too.)
 *
 * Errors come in two kinds:
 *  - A bad record (CSVR_EENCODING, CSVR_ENUL, CSVR_EFIELD, CSVR_EFIELDS,
 *    CSVR_EQUOTE): csvr_next returns -1 once for it, and the next call
 *    goes on with the record after it.  The reader never loses its place:
 *    the bad record is read to its end by the same rules as a good one,
 *    so the next record starts exactly where it would have.  The one
 *    extra rule is for text after a closing quote ('"ab"c,'): the rest of
 *    that field runs to the next ',' or line end, quotes taken literally.
 *  - The end of reading (fatal: CSVR_EIO, CSVR_ENOMEM, CSVR_EBOM): every
 *    later call returns -1 with the same error.
 * CSVR_EEOF (the input ends inside a quoted field) is a bad record too,
 * the last one: the next call returns 0.
 */
#ifndef DUIJIE_CSVREAD_H
#define DUIJIE_CSVREAD_H

#include <stdbool.h>
#include <stddef.h>

enum csvr_encoding {
	CSVR_AUTO = 0,	/* the BOM's (UTF-8 or GB18030) if there is one,
			 * else UTF-8 if the first 64 KiB are valid UTF-8
			 * (NULs aside), else GB18030 */
	CSVR_UTF8,	/* a leading UTF-8 BOM is dropped */
	CSVR_GB18030,	/* a leading GB18030 BOM (84 31 95 33) is dropped */
};

/* Limits; 0 in a member means its default. */
struct csvr_limits {
	size_t	field_max;	/* bytes of UTF-8 in one field (4096) */
	size_t	fields_max;	/* fields in one record (256) */
	size_t	chunk;		/* bytes per read, at most 64 KiB (64 KiB);
				 * tests use tiny ones to split characters */
};

/* One field: s[0..len) is valid UTF-8 without NUL, and s[len] is NUL. */
struct csvr_field {
	const char	*s;
	size_t		 len;
};

/* One record; f[0..n) and their strings live until the next csvr_next or
 * csvr_close. */
struct csvr_record {
	const struct csvr_field	*f;
	size_t			 n;	/* 1 .. fields_max */
	size_t			 row;	/* record number, 1-based: header = 1 */
	size_t			 line;	/* physical line it starts on, 1-based */
};

/* Stable codes: the caller turns each into its own message for users,
 * which is why they are finer than lib/'s enum err. */
enum csvr_errcode {
	CSVR_OK = 0,
	CSVR_EIO,	/* read() failed (fatal) */
	CSVR_ENOMEM,	/* allocation failed (fatal) */
	CSVR_EBOM,	/* starts with a BOM of another encoding: UTF-16, or
			 * UTF-8 when GB18030 was asked for (fatal) */
	CSVR_EENCODING,	/* bytes that are not UTF-8 (or not GB18030) */
	CSVR_ENUL,	/* a NUL byte in a field */
	CSVR_EFIELD,	/* a field longer than field_max */
	CSVR_EFIELDS,	/* more fields than fields_max */
	CSVR_EQUOTE,	/* text after a closing quote: '"ab"c' */
	CSVR_EEOF,	/* the input ends inside a quoted field */
	CSVR__MAX
};

struct csvr_error {
	enum csvr_errcode	 code;
	size_t			 row;	/* the record's number (as above) */
	size_t			 line;	/* the line the record starts on */
	size_t			 column;/* field number, 1-based (the
					 * spreadsheet's column); 0: none.
					 * At most fields_max + 1, except for
					 * CSVR_EEOF: the field the quote
					 * opened, however far on */
	bool			 fatal;	/* no further record can be read */
};

struct csvr;

/*
 * A reader of fd from its current offset, or of buf[0..len) (not copied:
 * it must outlive the reader, and is never read past len).  lim NULL: all
 * defaults.  Nothing is read before the first csvr_next.  NULL when out
 * of memory or when iconv has no GB18030 (errno says).  The caller keeps
 * fd: csvr_close does not close it.
 */
struct csvr	*csvr_open(int fd, enum csvr_encoding enc,
		    const struct csvr_limits *lim);
struct csvr	*csvr_open_mem(const void *buf, size_t len,
		    enum csvr_encoding enc, const struct csvr_limits *lim);

/*
 * The next record into *r: 1, or 0 at the end of the input, or -1 with
 * csvr_error() set (a bad record, or fatal: see above).  *r is untouched
 * unless 1 is returned.
 */
int		 csvr_next(struct csvr *, struct csvr_record *r);

/* The last error of csvr_next (code CSVR_OK before any); owned by the
 * reader, valid until its next call. */
const struct csvr_error *csvr_error(const struct csvr *);

/* The encoding being read: the one asked for, or, for CSVR_AUTO, the one
 * detected by the first csvr_next (CSVR_AUTO until then, and when that
 * call failed with CSVR_EIO or CSVR_EBOM). */
enum csvr_encoding csvr_encoding(const struct csvr *);

/*
 * Bytes the reader has allocated (apart from iconv's own state).  It only
 * grows with the longest record read so far and never exceeds
 * csvr_mem_max().
 */
size_t		 csvr_mem(const struct csvr *);
/* The bound on csvr_mem for these limits (NULL: the defaults);
 * SIZE_MAX when it does not fit in a size_t. */
size_t		 csvr_mem_max(const struct csvr_limits *lim);

/* A short English phrase for logs; never NULL. */
const char	*csvr_strerror(enum csvr_errcode);

/* Frees the reader (NULL is a no-op); leaves the fd open. */
void		 csvr_close(struct csvr *);

#endif
