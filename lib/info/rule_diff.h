/*
 * rule_diff.h -- what changed between two versions of the measures, by
 * paragraph (issue 17 "The measures and revisions", R-17.1).
 *
 * A text is split into paragraphs (its non-blank lines, trimmed), and
 * the two lists are compared by their longest common subsequence: the
 * paragraphs both keep are "same", the others were deleted from the old
 * text or added in the new one.  Pure, no I/O; memory from the caller's
 * arena.
 */
#ifndef DUIJIE_RULE_DIFF_H
#define DUIJIE_RULE_DIFF_H

#include <stddef.h>

#include "core/arena.h"

/* The LCS table's cells are capped: two texts of more paragraphs than
 * this product are not compared (the measures have under 200). */
#define RULE_DIFF_MAX_CELLS	(4u * 1024 * 1024)

enum rule_op { RD_SAME, RD_DEL, RD_ADD };

struct rule_edit {
	enum rule_op	 op;
	const char	*text;		/* the paragraph (the old one for RD_DEL) */
};

/* The paragraphs of `text` (NULL is empty): each non-blank line with its
 * leading and trailing spaces, tabs, CRs and ideographic spaces (U+3000)
 * removed, copied into `a`.  0, or -1 on OOM. */
int	rule_paragraphs(struct arena *a, const char *text, const char ***out,
	    size_t *n);

/*
 * The edit script from paragraphs a[0..na) to b[0..nb) in text order:
 * every paragraph of `a` appears once as RD_SAME or RD_DEL, every one of
 * `b` once as RD_SAME or RD_ADD; within a change the deletions come
 * before the additions; the RD_SAME are a longest common subsequence.
 * 0, or -1 on OOM or when (na + 1) * (nb + 1) exceeds
 * RULE_DIFF_MAX_CELLS (*out untouched).
 */
int	rule_diff(struct arena *a, const char *const *pa, size_t na,
	    const char *const *pb, size_t nb, struct rule_edit **out,
	    size_t *nout);

#endif
