/*
 * form.h -- declared, typed input.
 *
 * Every field a route accepts is declared once (name, kind, bounds).
 * form_validate() runs before the handler: it reads the raw params,
 * checks each declared field and fills one struct fval per declaration.
 * Params that are not declared are never looked at.  A field that fails
 * gets `error` set to a message key (strings.hdf "Err.<key>") and keeps
 * the raw text in `s` so the form can be shown again as typed.
 */
#ifndef DUIJIE_FORM_H
#define DUIJIE_FORM_H

#include <stdbool.h>
#include <stddef.h>

#include "core/arena.h"
#include "web/params.h"

enum field_kind {
	FK_TEXT,	/* one line: no control characters */
	FK_MULTILINE,	/* text that may contain \n, \r and \t */
	FK_INT,		/* decimal integer in [min, max] */
	FK_CHOICE,	/* one of `choices` (NULL-terminated) */
	FK_BOOL,	/* "1"/"on" true; absent false */
	FK_DATE,	/* YYYY-MM-DD, a real calendar date */
	FK_FILE,	/* a multipart upload, size in [0, file_max] */
	FK_CUSTOM,	/* text, then check() */
	FK__MAX
};

#define F_REQUIRED	0x01u	/* absent or empty: "required" */
#define F_TRIM		0x02u	/* strip leading/trailing ASCII space first */
#define F_SECRET	0x04u	/* never echoed back into a form */

struct fval;

struct field {
	const char		*name;
	enum field_kind		 kind;
	unsigned		 flags;
	size_t			 minlen;	/* in characters, 0 = none */
	size_t			 maxlen;	/* in characters, 0 = none */
	long long		 min, max;	/* FK_INT only */
	const char *const	*choices;	/* FK_CHOICE only */
	/* FK_CUSTOM (after the text checks) and FK_DATE (after the date is
	 * parsed into y/m/d): may normalise v->s (arena copy); returns an
	 * error key or NULL when the value is good. */
	const char		*(*check)(struct arena *, struct fval *v);
};

struct fval {
	bool			 present;	/* sent and non-empty */
	const char		*s;		/* text as sent (after F_TRIM) */
	size_t			 len;		/* bytes in s */
	long long		 i;		/* FK_INT, FK_BOOL (0/1) */
	int			 y, m, d;	/* FK_DATE */
	const struct upload	*file;		/* FK_FILE */
	const char		*error;		/* message key, NULL when valid */
};

/*
 * Fills out[0..n) from `in` according to decl[0..n).  Returns the number
 * of fields in error (0 = all valid), or -1 on OOM.  A missing optional
 * field is valid with present = false and s = "".
 */
int	form_validate(struct arena *a, const struct field *decl, size_t n,
	    const struct params *in, struct fval *out);

/* Bounded decimal parser: whole string, optional '-', no spaces, in
 * [min, max].  Returns 0 and sets *out, or -1. */
int	parse_ll(const char *s, size_t n, long long min, long long max,
	    long long *out);

/* True when y-m-d is a real Gregorian date in years 1900..2999. */
bool	date_valid(int y, int m, int d);

#endif
