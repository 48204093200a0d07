/*
 * pager.c -- one page of a list (pager.h).
 */
#include "core/pager.h"

void
pager_init(struct pager *p, long long page, long long per, long long last)
{
	p->page = page < 1 ? 1 : page;
	p->per = per < 1 ? 1 : per;
	p->last = last < 0 ? 0 : last;
	p->total = 0;
	p->capped = false;
	p->more = false;
}

long long
pager_offset(const struct pager *p)
{
	return (p->page - 1) * p->per;
}

long long
pager_pages(const struct pager *p)
{
	if (p->capped)
		return 0;
	return (p->total + p->per - 1) / p->per;
}

long long
pager_prev(const struct pager *p)
{
	return p->page > 1 ? p->page - 1 : 0;
}

long long
pager_next(const struct pager *p)
{
	if (p->last > 0 && p->page >= p->last)
		return 0;
	if (p->more || (!p->capped && p->page < pager_pages(p)))
		return p->page + 1;
	return 0;
}
