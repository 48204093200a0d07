/*
 * csv.c -- an append-only buffer that grows by doubling inside the arena
 * (the old block stays until the arena is reset: at most as much again).
 */
#include <stdio.h>
#include <string.h>

#include "formats/csv.h"

struct csv {
	struct arena	*a;
	char		*buf;
	size_t		 len, cap;
	bool		 failed;
	bool		 row_open;	/* a field was written on this row */
};

#define CSV_INIT	4096

struct csv *
csv_new(struct arena *a, bool bom)
{
	struct csv *c = arena_calloc(a, 1, sizeof *c);

	if (c == NULL || (c->buf = arena_alloc(a, CSV_INIT)) == NULL)
		return NULL;
	c->a = a;
	c->cap = CSV_INIT;
	if (bom) {
		memcpy(c->buf, "\xef\xbb\xbf", 3);
		c->len = 3;
	}
	return c;
}

/* Room for n more bytes. */
static int
reserve(struct csv *c, size_t n)
{
	size_t	 cap = c->cap;
	char	*nb;

	if (c->failed)
		return -1;
	if (n <= c->cap - c->len)
		return 0;
	while (n > cap - c->len) {
		if (cap > ((size_t)-1) / 2) {
			c->failed = true;
			return -1;
		}
		cap *= 2;
	}
	if ((nb = arena_alloc(c->a, cap)) == NULL) {
		c->failed = true;
		return -1;
	}
	memcpy(nb, c->buf, c->len);
	c->buf = nb;
	c->cap = cap;
	return 0;
}

bool
csv_risky(const char *s)
{
	return s != NULL && (s[0] == '=' || s[0] == '+' || s[0] == '-' ||
	    s[0] == '@' || s[0] == '\t' || s[0] == '\r');
}

int
csv_field(struct csv *c, const char *s)
{
	size_t	 n, quotes = 0;
	char	*p;

	if (s == NULL)
		s = "";
	n = strlen(s);
	for (size_t i = 0; i < n; i++)
		quotes += s[i] == '"';
	/* separator, two quotes, the apostrophe, the text, doubled quotes */
	if (n > ((size_t)-1) / 2 || reserve(c, n + quotes + 4) == -1)
		return -1;
	p = c->buf + c->len;
	if (c->row_open)
		*p++ = ',';
	*p++ = '"';
	if (csv_risky(s))
		*p++ = '\'';
	for (size_t i = 0; i < n; i++) {
		if (s[i] == '"')
			*p++ = '"';
		*p++ = s[i];
	}
	*p++ = '"';
	c->len = (size_t)(p - c->buf);
	c->row_open = true;
	return 0;
}

int
csv_field_ll(struct csv *c, long long v)
{
	char num[24];

	snprintf(num, sizeof num, "%lld", v);
	return csv_field(c, num);
}

int
csv_end_row(struct csv *c)
{
	if (reserve(c, 2) == -1)
		return -1;
	c->buf[c->len++] = '\r';
	c->buf[c->len++] = '\n';
	c->row_open = false;
	return 0;
}

const char *
csv_data(const struct csv *c, size_t *len)
{
	if (c->failed) {
		*len = 0;
		return NULL;
	}
	*len = c->len;
	return c->buf;
}
