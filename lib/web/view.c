/*
 * view.c -- parse templates once, render them many times.
 *
 * A parsed CSPARSE can be rendered again with another HDF by pointing
 * cs->hdf at it; the strings HDF is the parse's global_hdf, which
 * ClearSilver consults when a name is missing from the request's data.
 */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/log.h"
#include "web/view.h"

struct views {
	HDF		*global;	/* Config.*, S.* (strings.hdf) */
	CSPARSE		**pages;
	size_t		 n;
};

static NEOERR *
render_cb(void *ctx, char *text)
{
	return nerr_pass(string_append((STRING *)ctx, text));
}

/*
 * The output of a page that carries a secret: a buffer that grows by
 * copying and wiping, never by realloc(), so no freed block keeps a part
 * of the page (a sanitizer's quarantine, or the next malloc, would).
 */
struct wbuf {
	char	*buf;
	size_t	 len, cap;
	int	 failed;
};

static NEOERR *
render_wipe_cb(void *ctx, char *text)
{
	struct wbuf	*w = ctx;
	size_t		 n = strlen(text);

	if (w->failed)
		return STATUS_OK;
	if (w->len + n + 1 > w->cap) {
		size_t	 cap = w->cap != 0 ? w->cap : 16384;
		char	*nb;

		while (w->len + n + 1 > cap)
			cap *= 2;
		if ((nb = malloc(cap)) == NULL) {
			w->failed = 1;
			return nerr_raise(NERR_NOMEM, "render: out of memory");
		}
		if (w->buf != NULL) {
			memcpy(nb, w->buf, w->len);
			explicit_bzero(w->buf, w->cap);
			free(w->buf);
		}
		w->buf = nb;
		w->cap = cap;
	}
	memcpy(w->buf + w->len, text, n);
	w->len += n;
	w->buf[w->len] = '\0';
	return STATUS_OK;
}

static void
nerr_to_buf(NEOERR *nerr, char *errbuf, size_t errlen)
{
	STRING s;

	string_init(&s);
	nerr_error_string(nerr, &s);
	snprintf(errbuf, errlen, "%s", s.buf != NULL ? s.buf : "template error");
	string_clear(&s);
	nerr_ignore(&nerr);
}

enum err
views_load(const char *dir, const char *const *names, size_t n,
    struct views **out, char *errbuf, size_t errlen)
{
	struct views	*v;
	NEOERR		*nerr;
	char		 path[4096];

	if ((v = calloc(1, sizeof *v)) == NULL ||
	    (v->pages = calloc(n ? n : 1, sizeof *v->pages)) == NULL) {
		free(v);
		snprintf(errbuf, errlen, "out of memory");
		return ERR_NOMEM;
	}
	v->n = n;
	if ((nerr = hdf_init(&v->global)) != STATUS_OK)
		goto nerr;
	if ((nerr = hdf_set_value(v->global, "hdf.loadpaths.0", dir)) != STATUS_OK)
		goto nerr;
	/* cs_init reads the escape mode: it must be set before. */
	if ((nerr = hdf_set_value(v->global, "Config.VarEscapeMode", "html")) != STATUS_OK)
		goto nerr;
	snprintf(path, sizeof path, "%s/strings.hdf", dir);
	if ((nerr = hdf_read_file(v->global, path)) != STATUS_OK)
		goto nerr;
	for (size_t i = 0; i < n; i++) {
		CSPARSE *cs;

		if ((nerr = cs_init(&cs, v->global)) != STATUS_OK)
			goto nerr;
		v->pages[i] = cs;
		cs->global_hdf = v->global;
		snprintf(path, sizeof path, "%s.cs", names[i]);
		if ((nerr = cs_parse_file(cs, path)) != STATUS_OK)
			goto nerr;
		if ((nerr = cs_parse_file(cs, "layout.cs")) != STATUS_OK)
			goto nerr;
	}
	*out = v;
	return ERR_OK;
nerr:
	nerr_to_buf(nerr, errbuf, errlen);
	views_free(v);
	return ERR_TEMPLATE;
}

void
views_free(struct views *v)
{
	if (v == NULL)
		return;
	for (size_t i = 0; i < v->n; i++) {
		if (v->pages[i] == NULL)
			continue;
		v->pages[i]->hdf = v->global;
		cs_destroy(&v->pages[i]);
	}
	free(v->pages);
	hdf_destroy(&v->global);
	free(v);
}

const char *
views_str(const struct views *v, const char *key)
{
	char name[256];

	snprintf(name, sizeof name, "S.%s", key);
	return hdf_get_value(v->global, name, (char *)key);
}

enum err
view_render(struct views *v, size_t idx, HDF *data, char **out, size_t *len)
{
	CSPARSE	*cs;
	NEOERR	*nerr;
	STRING	 s;

	if (idx >= v->n)
		return ERR_TEMPLATE;
	cs = v->pages[idx];
	string_init(&s);
	cs->hdf = data;
	nerr = cs_render(cs, &s, render_cb);
	cs->hdf = v->global;
	if (nerr != STATUS_OK) {
		STRING tb;

		string_init(&tb);
		nerr_error_traceback(nerr, &tb);
		log_error("view: render of page %zu failed: %s", idx,
		    tb.buf != NULL ? tb.buf : "?");
		string_clear(&tb);
		nerr_ignore(&nerr);
		string_clear(&s);
		return ERR_TEMPLATE;
	}
	if (s.buf == NULL) {
		if ((s.buf = strdup("")) == NULL)
			return ERR_NOMEM;
	}
	/* The page's def blocks leave line breaks before the layout's
	 * doctype: drop leading white space so the doctype comes first. */
	{
		size_t skip = strspn(s.buf, " \t\r\n");

		memmove(s.buf, s.buf + skip, (size_t)s.len - skip + 1);
		s.len -= (int)skip;
	}
	*out = s.buf;
	*len = (size_t)s.len;
	return ERR_OK;
}

/* Sets Pager.<key> to the number n (skipped when n is 0 and !always). */
static int
pager_num(HDF *hdf, const char *key, long long n, bool always)
{
	char	 name[32], val[24];
	NEOERR	*nerr;

	if (n == 0 && !always)
		return 0;
	snprintf(name, sizeof name, "Pager.%s", key);
	snprintf(val, sizeof val, "%lld", n);
	if ((nerr = hdf_set_value(hdf, name, val)) != STATUS_OK) {
		nerr_ignore(&nerr);
		return -1;
	}
	return 0;
}

int
pager_to_hdf(HDF *hdf, const struct pager *p, const char *href)
{
	NEOERR *nerr;

	/* a path of this site, never "//host": the template writes the
	 * leading "/" itself (test_view refuses output starting a URL) */
	if (href == NULL || href[0] != '/' || href[1] == '/')
		return -1;
	if (pager_num(hdf, "total", p->total, true) == -1 ||
	    pager_num(hdf, "page", p->page, true) == -1 ||
	    pager_num(hdf, "pages", pager_pages(p), false) == -1 ||
	    pager_num(hdf, "capped", p->capped, false) == -1 ||
	    pager_num(hdf, "prev", pager_prev(p), false) == -1 ||
	    pager_num(hdf, "next", pager_next(p), false) == -1)
		return -1;
	if ((nerr = hdf_set_value(hdf, "Pager.href", href + 1)) != STATUS_OK) {
		nerr_ignore(&nerr);
		return -1;
	}
	return 0;
}

/* The length of s html-escaped as put_escaped() writes it. */
static size_t
escaped_len(const char *s)
{
	size_t	 n = 0;

	for (; *s != '\0'; s++) {
		switch (*s) {
		case '&':  n += 5; break;	/* &amp; */
		case '<':
		case '>':  n += 4; break;	/* &lt; &gt; */
		case '"':
		case '\'': n += 5; break;	/* &#34; &#39; */
		default:   n++;
		}
	}
	return n;
}

static char *
put_escaped(char *d, const char *s)
{
	for (; *s != '\0'; s++) {
		const char *e = NULL;

		switch (*s) {
		case '&':  e = "&amp;"; break;
		case '<':  e = "&lt;"; break;
		case '>':  e = "&gt;"; break;
		case '"':  e = "&#34;"; break;
		case '\'': e = "&#39;"; break;
		}
		if (e != NULL) {
			memcpy(d, e, strlen(e));
			d += strlen(e);
		} else
			*d++ = *s;
	}
	return d;
}

/* The secret of sec[] whose token starts at p, or NULL. */
static const struct view_secret *
token_at(const char *p, const struct view_secret *sec, size_t nsec)
{
	for (size_t i = 0; i < nsec; i++)
		if (strncmp(p, sec[i].token, strlen(sec[i].token)) == 0)
			return &sec[i];
	return NULL;
}

/*
 * Writes src (len bytes) into a new buffer of exactly the right size with
 * every token of sec[] replaced by its value, html-escaped: the one place
 * a secret's bytes are written while rendering.  NULL when out of memory.
 */
static char *
put_secrets(const char *src, size_t len, const struct view_secret *sec,
    size_t nsec, size_t *outlen)
{
	const struct view_secret *t;
	size_t		 n = 0;
	char		*buf, *d;

	for (size_t i = 0; i < len; ) {
		if ((t = token_at(src + i, sec, nsec)) != NULL) {
			n += escaped_len(t->value);
			i += strlen(t->token);
		} else {
			n++;
			i++;
		}
	}
	if ((buf = malloc(n + 1)) == NULL)
		return NULL;
	d = buf;
	for (size_t i = 0; i < len; ) {
		if ((t = token_at(src + i, sec, nsec)) != NULL) {
			d = put_escaped(d, t->value);
			i += strlen(t->token);
		} else
			*d++ = src[i++];
	}
	*d = '\0';
	*outlen = n;
	return buf;
}

/*
 * view_render() for a page that shows secrets (a one-time password): the
 * template sees only each secret's token (data holds the token, never the
 * value); the value is put in place of the token in the final buffer,
 * which is the only copy made.  The output never passes through a freed
 * block either (the render buffer grows by copy and wipe).  The caller
 * wipes *out (*len bytes) once sent.
 */
enum err
view_render_secret(struct views *v, size_t idx, HDF *data,
    const struct view_secret *sec, size_t nsec, char **out, size_t *len)
{
	CSPARSE		*cs;
	NEOERR		*nerr;
	struct wbuf	 w = { NULL, 0, 0, 0 };
	size_t		 skip;
	char		*res;

	for (size_t i = 0; i < nsec; i++)
		if (sec[i].token == NULL || sec[i].token[0] == '\0' ||
		    sec[i].value == NULL)
			return ERR_INVAL;
	if (idx >= v->n)
		return ERR_TEMPLATE;
	cs = v->pages[idx];
	cs->hdf = data;
	nerr = cs_render(cs, &w, render_wipe_cb);
	cs->hdf = v->global;
	if (nerr != STATUS_OK || w.failed) {
		nerr_ignore(&nerr);
		log_error("view: render of page %zu failed", idx);
		if (w.buf != NULL) {
			explicit_bzero(w.buf, w.cap);
			free(w.buf);
		}
		return w.failed ? ERR_NOMEM : ERR_TEMPLATE;
	}
	if (w.buf == NULL)
		w.len = 0;
	skip = w.buf != NULL ? strspn(w.buf, " \t\r\n") : 0;
	res = put_secrets(w.buf != NULL ? w.buf + skip : "", w.len - skip,
	    sec, nsec, len);
	if (w.buf != NULL) {
		explicit_bzero(w.buf, w.cap);
		free(w.buf);
	}
	if (res == NULL)
		return ERR_NOMEM;
	*out = res;
	return ERR_OK;
}
