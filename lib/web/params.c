/*
 * params.c -- query strings, urlencoded bodies and cookies into a
 * per-request arena.  Multipart bodies are in multipart.c.
 */
#include <stdint.h>
#include <string.h>

#include "web/params.h"
#include "core/utf8.h"

/* No limits: what a NULL `lim` stands for. */
static const struct limits nolimits = {
	SIZE_MAX, SIZE_MAX, SIZE_MAX, SIZE_MAX
};

/*
 * Appends a param whose strings already live in the arena.  The array
 * grows by doubling inside the arena; the old copy is simply left behind.
 */
static enum err
params_add(struct arena *a, struct params *out, const struct limits *lim,
    const char *name, const char *value, size_t len)
{
	struct param	*v;
	size_t		 cap;

	if (out->n >= lim->fields_max)
		return ERR_TOOMANY;
	if (out->n == out->cap) {
		if (out->cap > SIZE_MAX / 2 / sizeof(*v))
			return ERR_NOMEM;
		cap = out->cap == 0 ? 16 : out->cap * 2;
		if ((v = arena_calloc(a, cap, sizeof(*v))) == NULL)
			return ERR_NOMEM;
		if (out->n > 0)
			memcpy(v, out->v, out->n * sizeof(*v));
		out->v = v;
		out->cap = cap;
	}
	v = &out->v[out->n++];
	v->name = name;
	v->value = value;
	v->len = len;
	v->file = NULL;
	return ERR_OK;
}

/*
 * First param called `name`, or NULL (also when p or name is NULL).  The
 * result points into p.
 */
const struct param *
params_get(const struct params *p, const char *name)
{
	size_t	 i;

	if (p == NULL || name == NULL)
		return NULL;
	for (i = 0; i < p->n; i++)
		if (strcmp(p->v[i].name, name) == 0)
			return &p->v[i];
	return NULL;
}

static int
hexval(unsigned char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/*
 * Decodes s[0..n) ('+' and %XX) into a new arena string; *len gets its
 * length.  ERR_INVAL for a bad escape, ERR_TOOBIG when longer than max,
 * ERR_UTF8 for invalid UTF-8 or a NUL, ERR_NOMEM.
 */
static enum err
url_decode(struct arena *a, const char *s, size_t n, size_t max,
    char **out, size_t *len)
{
	char	*d;
	size_t	 i, j;
	int	 hi, lo;

	/* Decoding never lengthens; a cheap check before any allocation. */
	if (n / 3 > max)
		return ERR_TOOBIG;
	if ((d = arena_alloc(a, n + 1)) == NULL)
		return ERR_NOMEM;
	for (i = j = 0; i < n; i++) {
		if (s[i] == '+')
			d[j++] = ' ';
		else if (s[i] == '%') {
			if (n - i < 3 ||
			    (hi = hexval((unsigned char)s[i + 1])) < 0 ||
			    (lo = hexval((unsigned char)s[i + 2])) < 0)
				return ERR_INVAL;
			d[j++] = (char)(hi << 4 | lo);
			i += 2;
		} else
			d[j++] = s[i];
	}
	d[j] = '\0';
	if (j > max)
		return ERR_TOOBIG;
	if (!utf8_valid(d, j))
		return ERR_UTF8;
	*out = d;
	*len = j;
	return ERR_OK;
}

/*
 * application/x-www-form-urlencoded s[0..n) appended to `out` (see
 * params.h for the errors).  A pair with an empty name ("=x") is skipped
 * like an empty pair.  A NULL `lim` means no limits.  On error, `out`
 * keeps the params appended before the bad pair; the caller should treat
 * the whole input as rejected.
 */
enum err
params_urlencoded(struct arena *a, const char *s, size_t n,
    const struct limits *lim, struct params *out)
{
	const char	*p, *end, *amp, *eq;
	char		*name, *value;
	size_t		 nlen, vlen;
	enum err	 e;

	if (lim == NULL)
		lim = &nolimits;
	if (s == NULL)
		return ERR_OK;
	for (p = s, end = s + n; p < end; p = amp < end ? amp + 1 : end) {
		if ((amp = memchr(p, '&', (size_t)(end - p))) == NULL)
			amp = end;
		if (amp == p)
			continue;
		if ((eq = memchr(p, '=', (size_t)(amp - p))) == NULL)
			eq = amp;
		if (eq == p)
			continue;
		if ((e = url_decode(a, p, (size_t)(eq - p), lim->field_max,
		    &name, &nlen)) != ERR_OK)
			return e;
		if (eq == amp)
			e = url_decode(a, eq, 0, lim->field_max, &value, &vlen);
		else
			e = url_decode(a, eq + 1, (size_t)(amp - eq - 1),
			    lim->field_max, &value, &vlen);
		if (e != ERR_OK)
			return e;
		if ((e = params_add(a, out, lim, name, value, vlen)) != ERR_OK)
			return e;
	}
	return ERR_OK;
}

static int
is_ows(char c)
{
	return c == ' ' || c == '\t';
}

/*
 * Cookie header "a=1; b=2" appended to `out`.  Names and values are
 * trimmed of spaces and tabs; a value in double quotes loses them; no
 * percent decoding.  Pairs without '=' or with an empty name are skipped.
 * Errors and limits as params_urlencoded() (no ERR_INVAL).  A NULL hdr is
 * no cookies.
 */
enum err
params_cookies(struct arena *a, const char *hdr, const struct limits *lim,
    struct params *out)
{
	const char	*p, *end, *semi, *eq, *ns, *ne, *vs, *ve;
	char		*name, *value;
	enum err	 e;

	if (lim == NULL)
		lim = &nolimits;
	if (hdr == NULL)
		return ERR_OK;
	for (p = hdr, end = hdr + strlen(hdr); p < end;
	    p = semi < end ? semi + 1 : end) {
		if ((semi = memchr(p, ';', (size_t)(end - p))) == NULL)
			semi = end;
		if ((eq = memchr(p, '=', (size_t)(semi - p))) == NULL)
			continue;
		for (ns = p; ns < eq && is_ows(*ns); ns++)
			continue;
		for (ne = eq; ne > ns && is_ows(ne[-1]); ne--)
			continue;
		for (vs = eq + 1; vs < semi && is_ows(*vs); vs++)
			continue;
		for (ve = semi; ve > vs && is_ows(ve[-1]); ve--)
			continue;
		if (ve - vs >= 2 && *vs == '"' && ve[-1] == '"') {
			vs++;
			ve--;
		}
		if (ns == ne)
			continue;
		if ((size_t)(ne - ns) > lim->field_max ||
		    (size_t)(ve - vs) > lim->field_max)
			return ERR_TOOBIG;
		if (!utf8_valid(ns, (size_t)(ne - ns)) ||
		    !utf8_valid(vs, (size_t)(ve - vs)))
			return ERR_UTF8;
		if ((name = arena_strndup(a, ns, (size_t)(ne - ns))) == NULL ||
		    (value = arena_strndup(a, vs, (size_t)(ve - vs))) == NULL)
			return ERR_NOMEM;
		if ((e = params_add(a, out, lim, name, value,
		    (size_t)(ve - vs))) != ERR_OK)
			return e;
	}
	return ERR_OK;
}
