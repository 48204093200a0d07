/*
 * pager.h -- one page of a list (issue 13 item 3).
 *
 * A handler fills page, per and last from the request (pager_init); the
 * list function of lib/ reads pager_offset() and per, and fills total,
 * capped and more; pager_to_hdf (web/view.h) hands the result to
 * views/_pager.cs.  Every paged list goes through this one struct.
 */
#ifndef DUIJIE_PAGER_H
#define DUIJIE_PAGER_H

#include <stdbool.h>

struct pager {
	long long	page;	/* asked for, from 1 */
	long long	per;	/* rows a page, at least 1 */
	long long	last;	/* deepest page offered (0: no limit) */
	long long	total;	/* rows counted; a lower bound when capped */
	bool		capped;	/* the count stopped at its cap */
	bool		more;	/* a row exists after this page (lists that
				 * fetch per + 1 rows say so) */
};

/* A pager for page `page` (below 1: the first) of `per` rows (below 1:
 * one), offering pages up to `last` (0: as many as there are). */
void		pager_init(struct pager *, long long page, long long per,
		    long long last);

/* The rows before this page: (page - 1) * per. */
long long	pager_offset(const struct pager *);

/* The number of pages, 0 when the count is capped (not known). */
long long	pager_pages(const struct pager *);

/* The previous and the next page's number, 0 when there is none.  A
 * next page exists when `more` says so or, with an exact count, while
 * page < pages; never beyond `last`. */
long long	pager_prev(const struct pager *);
long long	pager_next(const struct pager *);

#endif
