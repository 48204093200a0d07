/*
 * form.c -- declared, typed input: the only reader of raw params.
 */
#include <limits.h>
#include <string.h>

#include "web/form.h"
#include "core/utf8.h"

/* parse_dec() results. */
#define DEC_OK		0
#define DEC_SYNTAX	(-1)	/* not an optional '-' and digits */
#define DEC_RANGE	(-2)	/* an integer, but outside long long */

/*
 * Decimal s[0..n): optional '-', then at least one digit, nothing else.
 * Accumulates negatively so that LLONG_MIN is reachable.
 */
static int
parse_dec(const char *s, size_t n, long long *out)
{
	long long	 acc = 0;
	size_t		 i = 0;
	int		 neg = 0, d, range = 0;

	if (n > 0 && s[0] == '-') {
		neg = 1;
		i = 1;
	}
	if (i == n)
		return DEC_SYNTAX;
	for (; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return DEC_SYNTAX;
		d = s[i] - '0';
		if (range)
			continue;
		if (acc < LLONG_MIN / 10 ||
		    (acc == LLONG_MIN / 10 && d > -(LLONG_MIN % 10)))
			range = 1;
		else
			acc = acc * 10 - d;
	}
	if (range)
		return DEC_RANGE;
	if (!neg) {
		if (acc == LLONG_MIN)
			return DEC_RANGE;
		acc = -acc;
	}
	*out = acc;
	return DEC_OK;
}

/*
 * Bounded decimal parser over s[0..n): an optional '-' then digits only
 * ("-0" is 0; "+1", " 1", "1 ", "" and "-" are refused), within
 * [min, max].  Returns 0 and sets *out, or -1 leaving *out untouched.
 */
int
parse_ll(const char *s, size_t n, long long min, long long max,
    long long *out)
{
	long long	 v;

	if (s == NULL || min > max || parse_dec(s, n, &v) != DEC_OK)
		return -1;
	if (v < min || v > max)
		return -1;
	*out = v;
	return 0;
}

/* True when y-m-d is a real Gregorian date with 1900 <= y <= 2999. */
bool
date_valid(int y, int m, int d)
{
	static const int mdays[12] =
	    { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	int	 n;

	if (y < 1900 || y > 2999 || m < 1 || m > 12 || d < 1)
		return false;
	n = mdays[m - 1];
	if (m == 2 && y % 4 == 0 && (y % 100 != 0 || y % 400 == 0))
		n = 29;
	return d <= n;
}

static int
is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' ||
	    c == '\f' || c == '\v';
}

/* "bad_chars" when s holds a control character (multiline: but \t\n\r). */
static const char *
check_chars(const char *s, size_t n, int multiline)
{
	size_t	 i;
	unsigned char c;

	if (!utf8_valid(s, n))
		return "bad_chars";
	for (i = 0; i < n; i++) {
		c = (unsigned char)s[i];
		if (c == 0x7F)
			return "bad_chars";
		if (c >= 0x20)
			continue;
		if (multiline && (c == '\n' || c == '\r' || c == '\t'))
			continue;
		return "bad_chars";
	}
	return NULL;
}

static const char *
check_len(const struct field *f, const char *s, size_t n)
{
	size_t	 len = utf8_len(s, n);

	if (f->minlen > 0 && len < f->minlen)
		return "too_short";
	if (f->maxlen > 0 && len > f->maxlen)
		return "too_long";
	return NULL;
}

/* YYYY-MM-DD exactly, digits only. */
static const char *
check_date(struct fval *v)
{
	const char	*s = v->s;
	long long	 y, m, d;

	if (v->len != 10 || s[4] != '-' || s[7] != '-' ||
	    parse_ll(s, 4, 0, 9999, &y) == -1 ||
	    parse_ll(s + 5, 2, 0, 99, &m) == -1 ||
	    parse_ll(s + 8, 2, 0, 99, &d) == -1 ||
	    !date_valid((int)y, (int)m, (int)d))
		return "bad_date";
	v->y = (int)y;
	v->m = (int)m;
	v->d = (int)d;
	return NULL;
}

static const char *
check_int(const struct field *f, struct fval *v)
{
	long long	 i;

	switch (parse_dec(v->s, v->len, &i)) {
	case DEC_OK:
		break;
	case DEC_RANGE:
		return "out_of_range";
	default:
		return "not_int";
	}
	if (i < f->min || i > f->max)
		return "out_of_range";
	v->i = i;
	return NULL;
}

static const char *
check_choice(const struct field *f, const struct fval *v)
{
	const char *const *c;

	if (f->choices != NULL)
		for (c = f->choices; *c != NULL; c++)
			if (strcmp(*c, v->s) == 0)
				return NULL;
	return "bad_choice";
}

/*
 * A file field: present when an upload was sent with a filename or some
 * content (browsers send filename="" and no data for an empty file input).
 * A plain value under a file field's name is "not_file".  `maxlen`, when
 * non-zero, caps the file's size in bytes ("file_too_big"); lim->file_max
 * has already capped it during parsing.
 */
static const char *
check_file(const struct field *f, const struct param *p, struct fval *v)
{
	const struct upload *up;

	if (p == NULL)
		return (f->flags & F_REQUIRED) ? "required" : NULL;
	if ((up = p->file) == NULL)
		return "not_file";
	if (up->size == 0 &&
	    (up->filename == NULL || up->filename[0] == '\0'))
		return (f->flags & F_REQUIRED) ? "required" : NULL;
	v->present = true;
	v->file = up;
	if (up->filename != NULL) {
		v->s = up->filename;
		v->len = strlen(up->filename);
	}
	if (f->maxlen > 0 && up->size > f->maxlen)
		return "file_too_big";
	return NULL;
}

static const char *
check_one(struct arena *a, const struct field *f, struct fval *v)
{
	const char	*err;

	switch (f->kind) {
	case FK_TEXT:
	case FK_CUSTOM:
		if ((err = check_chars(v->s, v->len, 0)) != NULL ||
		    (err = check_len(f, v->s, v->len)) != NULL)
			return err;
		if (f->kind == FK_CUSTOM && f->check != NULL)
			return f->check(a, v);
		return NULL;
	case FK_MULTILINE:
		if ((err = check_chars(v->s, v->len, 1)) != NULL)
			return err;
		return check_len(f, v->s, v->len);
	case FK_INT:
		return check_int(f, v);
	case FK_CHOICE:
		return check_choice(f, v);
	case FK_BOOL:
		if (strcmp(v->s, "1") == 0 || strcmp(v->s, "on") == 0) {
			v->i = 1;
			return NULL;
		}
		return "bad_choice";
	case FK_DATE:
		if ((err = check_date(v)) != NULL)
			return err;
		return f->check != NULL ? f->check(a, v) : NULL;
	default:
		return "bad_choice";
	}
}

/*
 * Fills out[0..n) from `in` by decl[0..n) (see form.h).  For each field
 * only the first param of its name is read; params nobody declared are
 * never looked at.  F_TRIM strips ASCII whitespace (space, \t, \n, \r,
 * \f, \v) at both ends.  FK_BOOL accepts "1" and "on"; any other sent
 * value is "bad_choice".  FK_FILE uses `maxlen` as a size cap in bytes and
 * sets `s` to the filename.  Text is checked for valid UTF-8 again
 * ("bad_chars") so params from any source are safe.  Returns the number of
 * fields in error, or -1 on OOM (out is then partly filled).
 */
int
form_validate(struct arena *a, const struct field *decl, size_t n,
    const struct params *in, struct fval *out)
{
	const struct param	*p;
	const struct field	*f;
	struct fval		*v;
	const char		*s;
	size_t			 i, len;
	int			 nerr = 0;

	for (i = 0; i < n; i++) {
		f = &decl[i];
		v = &out[i];
		memset(v, 0, sizeof(*v));
		v->s = "";
		p = params_get(in, f->name);

		if (f->kind == FK_FILE) {
			if ((v->error = check_file(f, p, v)) != NULL)
				nerr++;
			continue;
		}

		s = p != NULL ? p->value : "";
		len = p != NULL ? p->len : 0;
		if (f->flags & F_TRIM) {
			while (len > 0 && is_space(*s)) {
				s++;
				len--;
			}
			if (len > 0 && is_space(s[len - 1])) {
				while (len > 0 && is_space(s[len - 1]))
					len--;
				if ((s = arena_strndup(a, s, len)) == NULL)
					return -1;
			}
		}
		v->s = s;
		v->len = len;
		if (len == 0) {
			if (f->flags & F_REQUIRED) {
				v->error = "required";
				nerr++;
			}
			continue;
		}
		v->present = true;
		if ((v->error = check_one(a, f, v)) != NULL)
			nerr++;
	}
	return nerr;
}
