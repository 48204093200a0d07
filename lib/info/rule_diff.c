/*
 * rule_diff.c -- paragraphs and their longest common subsequence
 * (rule_diff.h).
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "info/rule_diff.h"

/* True for the bytes of a space to trim at p (its length in *len). */
static int
space_at(const char *p, const char *end, size_t *len)
{
	if (p < end && (*p == ' ' || *p == '\t' || *p == '\r')) {
		*len = 1;
		return 1;
	}
	/* U+3000 IDEOGRAPHIC SPACE: E3 80 80 */
	if (end - p >= 3 && (unsigned char)p[0] == 0xe3 &&
	    (unsigned char)p[1] == 0x80 && (unsigned char)p[2] == 0x80) {
		*len = 3;
		return 1;
	}
	return 0;
}

static int
space_before(const char *start, const char *end, size_t *len)
{
	if (end > start && (end[-1] == ' ' || end[-1] == '\t' || end[-1] == '\r')) {
		*len = 1;
		return 1;
	}
	if (end - start >= 3 && (unsigned char)end[-3] == 0xe3 &&
	    (unsigned char)end[-2] == 0x80 && (unsigned char)end[-1] == 0x80) {
		*len = 3;
		return 1;
	}
	return 0;
}

int
rule_paragraphs(struct arena *a, const char *text, const char ***out,
    size_t *n)
{
	const char	**v = NULL, *p = text != NULL ? text : "";
	size_t		 cap = 0, k = 0, l;

	while (*p != '\0') {
		const char *eol = strchr(p, '\n'), *s = p, *e;

		if (eol == NULL)
			eol = p + strlen(p);
		e = eol;
		while (space_at(s, e, &l))
			s += l;
		while (e > s && space_before(s, e, &l))
			e -= l;
		if (e > s) {
			if (k == cap) {
				const char **nv;

				cap = cap ? cap * 2 : 64;
				if ((nv = arena_alloc(a, cap * sizeof *nv)) == NULL)
					return -1;
				if (k > 0)
					memcpy(nv, v, k * sizeof *nv);
				v = nv;
			}
			if ((v[k] = arena_strndup(a, s, (size_t)(e - s))) == NULL)
				return -1;
			k++;
		}
		p = *eol == '\n' ? eol + 1 : eol;
	}
	*out = v;
	*n = k;
	return 0;
}

int
rule_diff(struct arena *a, const char *const *pa, size_t na,
    const char *const *pb, size_t nb, struct rule_edit **out, size_t *nout)
{
	size_t		 w = nb + 1, i, j, k = 0;
	uint32_t	*L;
	struct rule_edit *v;

	if (na >= RULE_DIFF_MAX_CELLS || nb >= RULE_DIFF_MAX_CELLS ||
	    (na + 1) * w > RULE_DIFF_MAX_CELLS)
		return -1;
	/* L[i][j]: the LCS length of pa[i..] and pb[j..] */
	if ((L = calloc((na + 1) * w, sizeof *L)) == NULL)
		return -1;
	for (i = na; i-- > 0;)
		for (j = nb; j-- > 0;)
			L[i * w + j] = strcmp(pa[i], pb[j]) == 0 ?
			    L[(i + 1) * w + j + 1] + 1 :
			    L[(i + 1) * w + j] >= L[i * w + j + 1] ?
			    L[(i + 1) * w + j] : L[i * w + j + 1];
	if ((v = arena_alloc(a, (na + nb + 1) * sizeof *v)) == NULL) {
		free(L);
		return -1;
	}
	for (i = 0, j = 0; i < na || j < nb;) {
		if (i < na && j < nb && strcmp(pa[i], pb[j]) == 0) {
			v[k++] = (struct rule_edit){ RD_SAME, pb[j] };
			i++, j++;
		} else if (i < na && (j == nb ||
		    L[(i + 1) * w + j] >= L[i * w + j + 1])) {
			v[k++] = (struct rule_edit){ RD_DEL, pa[i] };
			i++;
		} else {
			v[k++] = (struct rule_edit){ RD_ADD, pb[j] };
			j++;
		}
	}
	free(L);
	*out = v;
	*nout = k;
	return 0;
}
