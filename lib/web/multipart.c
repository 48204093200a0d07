/*
 * multipart.c -- streaming multipart/form-data (RFC 7578, RFC 2046).
 *
 * The body is read through the caller's callback into one fixed buffer.
 * The stream is scanned for the delimiter CRLF "--" boundary; a virtual
 * CRLF is put in front of the body so that the first boundary line, which
 * has no CRLF of its own, is found the same way.  Everything before it is
 * preamble, everything after the close delimiter is epilogue; both are
 * read and dropped.  Part data are handed on as soon as they cannot be
 * the start of a delimiter: values grow in the arena up to field_max,
 * files are written to an unlinked temp file, so memory does not grow
 * with a file's size.
 *
 * A delimiter must be followed by "--" (close), or by optional spaces and
 * tabs and CRLF; anything else is ERR_INVAL, since RFC 2046 forbids the
 * boundary inside a part and a lenient reading would be ambiguous.
 *
 * Filenames and names in quotes end at the next '"': browsers percent-
 * encode '"' and never backslash-escape, so '\' is taken literally.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "web/params.h"
#include "core/utf8.h"

#define MP_BUFSZ	(16 * 1024)	/* read buffer */
#define MP_HDRMAX	(8 * 1024)	/* header bytes per part, CRLFs included */
#define MP_BOUNDMAX	70		/* RFC 2046 */

static const struct limits nolimits = {
	SIZE_MAX, SIZE_MAX, SIZE_MAX, SIZE_MAX
};

struct mp {
	struct arena		*a;
	const struct limits	*lim;
	params_read_fn		 rd;
	void			*ctx;
	size_t			 left;		/* body bytes not read yet */
	char			 delim[4 + MP_BOUNDMAX];
	size_t			 dlen;
	size_t			 start, end;	/* unconsumed buf[start..end) */
	char			 buf[MP_BUFSZ];
};

/* A part's headers, copied into the arena. */
struct part {
	const char	*name;
	const char	*filename;	/* NULL: a value, not a file */
	const char	*ctype;
};

/* A value being collected. */
struct vbuf {
	char	*p;
	size_t	 len, cap;
};

static bool
is_ows(char c)
{
	return c == ' ' || c == '\t';
}

/* RFC 7230 tchar. */
static bool
is_tchar(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	    (c >= '0' && c <= '9') || (c != '\0' && strchr("!#$%&'*+-.^_`|~", c));
}

/* RFC 2046 bchars. */
static bool
is_bchar(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	    (c >= '0' && c <= '9') || (c != '\0' && strchr("'()+_,-./:=? ", c));
}

static bool
token_eq(const char *s, size_t n, const char *lit)
{
	return strlen(lit) == n && strncasecmp(s, lit, n) == 0;
}

/*
 * Next "; key=value" of a header value at *pp (up to end): returns 1 with
 * key and value set (quotes removed), 0 at the end, -1 when malformed.
 */
static int
hparam_next(const char **pp, const char *end, const char **k, size_t *klen,
    const char **v, size_t *vlen)
{
	const char	*p = *pp, *s, *q;

	while (p < end && is_ows(*p))
		p++;
	if (p == end)
		return 0;
	if (*p++ != ';')
		return -1;
	while (p < end && is_ows(*p))
		p++;
	if (p == end)
		return 0;
	for (s = p; p < end && is_tchar(*p); p++)
		continue;
	if (p == s)
		return -1;
	*k = s;
	*klen = (size_t)(p - s);
	while (p < end && is_ows(*p))
		p++;
	if (p == end || *p++ != '=')
		return -1;
	while (p < end && is_ows(*p))
		p++;
	if (p < end && *p == '"') {
		if ((q = memchr(p + 1, '"', (size_t)(end - p - 1))) == NULL)
			return -1;
		*v = p + 1;
		*vlen = (size_t)(q - p - 1);
		p = q + 1;
	} else {
		for (s = p; p < end && *p != ';' && !is_ows(*p); p++)
			continue;
		*v = s;
		*vlen = (size_t)(p - s);
	}
	*pp = p;
	return 1;
}

/* The boundary of a multipart/form-data Content-Type, into b (70 + NUL). */
static enum err
mp_boundary(const char *ctype, char *b, size_t *blen)
{
	const char	*p, *end, *s, *k, *v;
	size_t		 klen, vlen, i;
	int		 r;
	bool		 found = false;

	if (ctype == NULL)
		return ERR_INVAL;
	end = ctype + strlen(ctype);
	for (p = ctype; p < end && is_ows(*p); p++)
		continue;
	for (s = p; p < end && *p != ';' && !is_ows(*p); p++)
		continue;
	if (!token_eq(s, (size_t)(p - s), "multipart/form-data"))
		return ERR_INVAL;
	while ((r = hparam_next(&p, end, &k, &klen, &v, &vlen)) > 0) {
		if (!token_eq(k, klen, "boundary") || found)
			continue;
		if (vlen == 0 || vlen > MP_BOUNDMAX || v[vlen - 1] == ' ')
			return ERR_INVAL;
		for (i = 0; i < vlen; i++)
			if (!is_bchar(v[i]))
				return ERR_INVAL;
		memcpy(b, v, vlen);
		*blen = vlen;
		found = true;
	}
	return r < 0 || !found ? ERR_INVAL : ERR_OK;
}

/*
 * Reads more of the body after what is unconsumed.  A body that ends here
 * (length reached, or the callback's end) is ERR_INVAL: every caller is
 * still waiting for a delimiter or a line.
 */
static enum err
mp_more(struct mp *m)
{
	size_t	 want;
	ssize_t	 r;

	if (m->start > 0) {
		memmove(m->buf, m->buf + m->start, m->end - m->start);
		m->end -= m->start;
		m->start = 0;
	}
	if (m->left == 0)
		return ERR_INVAL;
	want = sizeof(m->buf) - m->end;
	if (want > m->left)
		want = m->left;
	if (want == 0)
		return ERR_INVAL;	/* cannot happen: callers consume */
	r = m->rd(m->ctx, m->buf + m->end, want);
	if (r < 0 || (size_t)r > want)
		return ERR_IO;
	if (r == 0)
		return ERR_INVAL;
	m->end += (size_t)r;
	m->left -= (size_t)r;
	return ERR_OK;
}

/* Reads and drops the epilogue up to `length`; a short body is fine here. */
static enum err
mp_drain(struct mp *m)
{
	size_t	 want;
	ssize_t	 r;

	while (m->left > 0) {
		want = m->left < sizeof(m->buf) ? m->left : sizeof(m->buf);
		r = m->rd(m->ctx, m->buf, want);
		if (r < 0 || (size_t)r > want)
			return ERR_IO;
		if (r == 0)
			break;
		m->left -= (size_t)r;
	}
	return ERR_OK;
}

/* Drops data up to and including the first delimiter (the preamble). */
static enum err
mp_skip_preamble(struct mp *m)
{
	const char	*hit;
	size_t		 avail;
	enum err	 e;

	for (;;) {
		avail = m->end - m->start;
		hit = memmem(m->buf + m->start, avail, m->delim, m->dlen);
		if (hit != NULL) {
			m->start = (size_t)(hit - m->buf) + m->dlen;
			return ERR_OK;
		}
		if (avail >= m->dlen)
			m->start = m->end - (m->dlen - 1);
		if ((e = mp_more(m)) != ERR_OK)
			return e;
	}
}

static enum err
mp_copy(struct mp *m, const char *s, size_t n, const char **out)
{
	if (!utf8_valid(s, n))
		return ERR_UTF8;
	if ((*out = arena_strndup(m->a, s, n)) == NULL)
		return ERR_NOMEM;
	return ERR_OK;
}

/* Content-Disposition: form-data; name="..."[; filename="..."] */
static enum err
mp_disposition(struct mp *m, const char *p, const char *end, struct part *pt)
{
	const char	*s, *k, *v;
	size_t		 klen, vlen;
	int		 r;
	enum err	 e;

	for (s = p; p < end && *p != ';' && !is_ows(*p); p++)
		continue;
	if (!token_eq(s, (size_t)(p - s), "form-data"))
		return ERR_INVAL;
	while ((r = hparam_next(&p, end, &k, &klen, &v, &vlen)) > 0) {
		if (token_eq(k, klen, "name") && pt->name == NULL) {
			if (vlen > m->lim->field_max)
				return ERR_TOOBIG;
			if ((e = mp_copy(m, v, vlen, &pt->name)) != ERR_OK)
				return e;
		} else if (token_eq(k, klen, "filename") &&
		    pt->filename == NULL) {
			if (vlen > m->lim->field_max)
				return ERR_TOOBIG;
			if ((e = mp_copy(m, v, vlen, &pt->filename)) != ERR_OK)
				return e;
		}
	}
	if (r < 0 || pt->name == NULL || pt->name[0] == '\0')
		return ERR_INVAL;
	return ERR_OK;
}

/* One header line (without CRLF). */
static enum err
mp_header(struct mp *m, const char *line, size_t len, struct part *pt,
    bool *seen_cd)
{
	const char	*colon, *ne, *vs, *ve, *end = line + len;

	if (!utf8_valid(line, len))
		return ERR_UTF8;
	if ((colon = memchr(line, ':', len)) == NULL)
		return ERR_INVAL;
	for (ne = colon; ne > line && is_ows(ne[-1]); ne--)
		continue;
	for (vs = colon + 1; vs < end && is_ows(*vs); vs++)
		continue;
	for (ve = end; ve > vs && is_ows(ve[-1]); ve--)
		continue;
	if (token_eq(line, (size_t)(ne - line), "Content-Disposition")) {
		if (*seen_cd)
			return ERR_INVAL;
		*seen_cd = true;
		return mp_disposition(m, vs, ve, pt);
	}
	if (token_eq(line, (size_t)(ne - line), "Content-Type") &&
	    pt->ctype == NULL) {
		if ((pt->ctype = arena_strndup(m->a, vs,
		    (size_t)(ve - vs))) == NULL)
			return ERR_NOMEM;
	}
	return ERR_OK;
}

/* Header lines up to the empty one; at most MP_HDRMAX bytes in all. */
static enum err
mp_headers(struct mp *m, struct part *pt)
{
	const char	*line, *crlf;
	size_t		 avail, llen, total = 0;
	bool		 seen_cd = false;
	enum err	 e;

	for (;;) {
		line = m->buf + m->start;
		avail = m->end - m->start;
		if ((crlf = memmem(line, avail, "\r\n", 2)) == NULL) {
			if (avail > MP_HDRMAX - total)
				return ERR_INVAL;
			if ((e = mp_more(m)) != ERR_OK)
				return e;
			continue;
		}
		llen = (size_t)(crlf - line);
		if (llen + 2 > MP_HDRMAX - total)
			return ERR_INVAL;
		total += llen + 2;
		m->start += llen + 2;
		if (llen == 0)
			break;
		if ((e = mp_header(m, line, llen, pt, &seen_cd)) != ERR_OK)
			return e;
	}
	return seen_cd ? ERR_OK : ERR_INVAL;
}

static void
mp_close_upload(void *arg)
{
	struct upload	*up = arg;

	if (up->fd >= 0)
		close(up->fd);
	up->fd = -1;
}

/* An unlinked, close-on-exec temp file under dir; -1 on failure. */
static int
mp_tmpfile(struct arena *a, const char *dir)
{
	char	*path;
	int	 fd;

#ifdef O_TMPFILE
	if ((fd = open(dir, O_TMPFILE | O_RDWR | O_CLOEXEC, 0600)) >= 0)
		return fd;
	/* Not supported by this file system: fall back to mkostemp(). */
#endif
	if ((path = arena_printf(a, "%s/duijie-upload-XXXXXX", dir)) == NULL)
		return -1;
	if ((fd = mkostemp(path, O_CLOEXEC)) == -1)
		return -1;
	if (unlink(path) == -1) {
		close(fd);
		return -1;
	}
	return fd;
}

static enum err
mp_write(int fd, const char *p, size_t n)
{
	ssize_t	 w;

	while (n > 0) {
		if ((w = write(fd, p, n)) < 0) {
			if (errno == EINTR)
				continue;
			return ERR_IO;
		}
		p += w;
		n -= (size_t)w;
	}
	return ERR_OK;
}

/* Appends to a value, at most max bytes in all; keeps room for a NUL. */
static enum err
vbuf_add(struct arena *a, struct vbuf *vb, const char *p, size_t n,
    size_t max)
{
	size_t	 need, cap;
	char	*np;

	if (n == 0)
		return ERR_OK;
	if (n > max - vb->len)
		return ERR_TOOBIG;
	need = vb->len + n;
	if (need == SIZE_MAX)
		return ERR_NOMEM;
	if (need + 1 > vb->cap) {
		cap = vb->cap > 0 ? vb->cap : 256;
		while (cap < need + 1)
			cap = cap > SIZE_MAX / 2 ? need + 1 : cap * 2;
		if (max < SIZE_MAX && cap > max + 1)
			cap = max + 1;
		if ((np = arena_alloc(a, cap)) == NULL)
			return ERR_NOMEM;
		if (vb->len > 0)
			memcpy(np, vb->p, vb->len);
		vb->p = np;
		vb->cap = cap;
	}
	memcpy(vb->p + vb->len, p, n);
	vb->len = need;
	return ERR_OK;
}

/* Hands n bytes of part data on to the value or the file. */
static enum err
mp_sink(struct mp *m, struct vbuf *vb, struct upload *up, const char *p,
    size_t n)
{
	if (up == NULL)
		return vbuf_add(m->a, vb, p, n, m->lim->field_max);
	if (n > m->lim->file_max - up->size)
		return ERR_TOOBIG;
	up->size += n;
	return mp_write(up->fd, p, n);
}

/* Appends a param, growing the array inside the arena (as params.c). */
static enum err
mp_add(struct mp *m, struct params *out, const char *name, const char *value,
    size_t len, struct upload *up)
{
	struct param	*v;
	size_t		 cap;

	if (out->n >= m->lim->fields_max)
		return ERR_TOOMANY;
	if (out->n == out->cap) {
		if (out->cap > SIZE_MAX / 2 / sizeof(*v))
			return ERR_NOMEM;
		cap = out->cap == 0 ? 16 : out->cap * 2;
		if ((v = arena_calloc(m->a, cap, sizeof(*v))) == NULL)
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
	v->file = up;
	return ERR_OK;
}

/* One part, from after the delimiter line to after the next delimiter. */
static enum err
mp_part(struct mp *m, const char *tmpdir, struct params *out)
{
	struct part	 pt = { NULL, NULL, NULL };
	struct vbuf	 vb = { NULL, 0, 0 };
	struct upload	*up = NULL;
	const char	*hit;
	size_t		 avail, n;
	enum err	 e;

	if ((e = mp_headers(m, &pt)) != ERR_OK)
		return e;
	/* Refuse before spooling anything. */
	if (out->n >= m->lim->fields_max)
		return ERR_TOOMANY;

	if (pt.filename != NULL) {
		if ((up = arena_calloc(m->a, 1, sizeof(*up))) == NULL)
			return ERR_NOMEM;
		up->filename = pt.filename;
		up->ctype = pt.ctype != NULL ? pt.ctype : "";
		if ((up->fd = mp_tmpfile(m->a, tmpdir)) == -1)
			return ERR_IO;
		if (arena_cleanup(m->a, mp_close_upload, up) == -1) {
			close(up->fd);
			return ERR_NOMEM;
		}
	}

	for (;;) {
		avail = m->end - m->start;
		hit = memmem(m->buf + m->start, avail, m->delim, m->dlen);
		if (hit != NULL) {
			n = (size_t)(hit - (m->buf + m->start));
			if ((e = mp_sink(m, &vb, up, m->buf + m->start, n)) !=
			    ERR_OK)
				return e;
			m->start += n + m->dlen;
			break;
		}
		/* Keep what could be the start of a delimiter. */
		if (avail >= m->dlen) {
			n = avail - (m->dlen - 1);
			if ((e = mp_sink(m, &vb, up, m->buf + m->start, n)) !=
			    ERR_OK)
				return e;
			m->start += n;
		}
		if ((e = mp_more(m)) != ERR_OK)
			return e;
	}

	if (up != NULL) {
		if (lseek(up->fd, 0, SEEK_SET) == -1)
			return ERR_IO;
		return mp_add(m, out, pt.name, "", 0, up);
	}
	if (!utf8_valid(vb.p, vb.len))
		return ERR_UTF8;
	if (vb.p == NULL)
		return mp_add(m, out, pt.name, "", 0, NULL);
	vb.p[vb.len] = '\0';
	return mp_add(m, out, pt.name, vb.p, vb.len, NULL);
}

/*
 * multipart/form-data body (see params.h for the contract).  Values are
 * arena strings; a file part becomes a param with value "" and `file`
 * set, its fd at offset 0 and closed by an arena cleanup.  Header lines of
 * one part may total MP_HDRMAX bytes (more: ERR_INVAL); a part without a
 * form-data Content-Disposition with a non-empty name is ERR_INVAL;
 * temp-file and callback failures are ERR_IO.  A NULL `lim` means no
 * limits, a NULL `tmpdir` is "/tmp".  Reads the whole `length` unless an
 * error stops it; on error `out` may hold the parts before the bad one and
 * the caller should reject the request.
 */
enum err
params_multipart(struct arena *a, const char *ctype, params_read_fn rd,
    void *ctx, size_t length, const struct limits *lim, const char *tmpdir,
    struct params *out)
{
	struct mp	 m;
	size_t		 blen = 0;
	enum err	 e;

	if (lim == NULL)
		lim = &nolimits;
	if (tmpdir == NULL)
		tmpdir = "/tmp";
	if ((e = mp_boundary(ctype, m.delim + 4, &blen)) != ERR_OK)
		return e;
	if (length > lim->body_max)
		return ERR_TOOBIG;
	memcpy(m.delim, "\r\n--", 4);
	m.dlen = 4 + blen;
	m.a = a;
	m.lim = lim;
	m.rd = rd;
	m.ctx = ctx;
	m.left = length;
	m.buf[0] = '\r';
	m.buf[1] = '\n';
	m.start = 0;
	m.end = 2;

	if ((e = mp_skip_preamble(&m)) != ERR_OK)
		return e;
	for (;;) {
		/* Just after a delimiter: "--" closes, else padding, CRLF. */
		while (m.end - m.start < 2)
			if ((e = mp_more(&m)) != ERR_OK)
				return e;
		if (m.buf[m.start] == '-' && m.buf[m.start + 1] == '-')
			return mp_drain(&m);
		for (;;) {
			while (m.start < m.end && is_ows(m.buf[m.start]))
				m.start++;
			if (m.start < m.end)
				break;
			if ((e = mp_more(&m)) != ERR_OK)
				return e;
		}
		while (m.end - m.start < 2)
			if ((e = mp_more(&m)) != ERR_OK)
				return e;
		if (m.buf[m.start] != '\r' || m.buf[m.start + 1] != '\n')
			return ERR_INVAL;
		m.start += 2;
		if ((e = mp_part(&m, tmpdir, out)) != ERR_OK)
			return e;
	}
}
