/*
 * enterprise_list.h -- the operators' view of enterprises: the list with
 * search and filters, an enterprise's accounts, and the report of late
 * changes.  Read only.
 *
 * Every call takes the actor's region as `scope`: "440000" sees every
 * enterprise, a city code only the enterprises of that city.
 *
 * Totals are counted up to ENTLIST_COUNT_CAP rows and no further, so a
 * page costs the same with 10 000 or 100 000 enterprises: past the cap
 * the caller shows "more than ENTLIST_COUNT_CAP" and a next link while
 * pages are full (`more`).  (Counting 10 000 index entries took 12 ms,
 * 1 000 took 1.7 ms, the page itself 1 ms: the cap is what keeps the list
 * flat.)  Not flat: a search by part of the name scans the scope's
 * (region_code, name) index, and registered=yes probes users per row.
 */
#ifndef DUIJIE_ENTERPRISE_LIST_H
#define DUIJIE_ENTERPRISE_LIST_H

#include <stdbool.h>
#include <stddef.h>

#include "core/arena.h"
#include "db/db.h"

#define ENTLIST_COUNT_CAP	1000

/* A yes/no filter that may be off. */
enum entlist_tri { ENTLIST_ANY = -1, ENTLIST_NO = 0, ENTLIST_YES = 1 };

struct entlist_filter {
	const char		*scope;		/* actor's region */
	const char		*q;		/* "" or NULL: no search */
	enum entlist_tri	 registered;	/* has an enterprise account */
	enum entlist_tri	 complete;	/* supplementary fields filled */
	bool			 late;		/* at least one late change */
};

struct entlist_row {
	long long	 id;
	const char	*uscc;
	const char	*name;
	const char	*region;
	const char	*region_name;
	unsigned	 late_changes;
	bool		 complete;
	bool		 registered;
};

struct entlist {
	struct entlist_row	*v;
	size_t			 n;
	long long		 total;		/* exact when !capped */
	bool			 capped;	/* more than ENTLIST_COUNT_CAP */
	bool			 more;		/* a further page has rows */
};

/*
 * True when q is searched as a USCC (exact or prefix) rather than as a
 * part of the name: 2 to 18 ASCII letters and digits, the first a digit.
 * A name search cannot use an index (a leading-wildcard LIKE); a USCC
 * search is a range on the unique index.
 */
bool		entlist_q_is_uscc(const char *q);

/*
 * Page `page` (from 0) of `per` enterprises matching f, newest first (by
 * USCC for a USCC search), into *out (rows in `a`).  ERR_DB_LOST, ERR_DB,
 * ERR_NOMEM; *out is empty on failure.
 */
enum err	entlist_search(struct db *, struct arena *a,
		    const struct entlist_filter *f, size_t page, size_t per,
		    struct entlist *out);

/*
 * Recounts the trigram statistics of the name search (schema/011) in one
 * transaction; *grams: how many trigrams there are.  The schema owner's
 * connection (`duijie-admin gram-stats`).  ERR_DB_LOST, ERR_DB.
 */
enum err	entlist_gram_stats_refresh(struct db *, unsigned long long *grams);

struct entlist_user {
	long long	 id;
	const char	*username;
	const char	*status;	/* users.status */
};

/* The accounts of enterprise `id` (every status), oldest first, at most
 * `max`.  *v in `a`. */
enum err	entlist_users(struct db *, struct arena *a, long long id,
		    size_t max, struct entlist_user **v, size_t *n);

/* One late change (enterprise_changes.late = 1) with its enterprise. */
struct entlist_late {
	long long	 change_id;
	long long	 ent_id;
	const char	*uscc;
	const char	*name;
	const char	*region;
	const char	*field;		/* ent_fields[].name */
	const char	*old_value;	/* "******" for sealed fields */
	const char	*new_value;	/* idem */
	const char	*changed_on;	/* YYYY-MM-DD */
	const char	*entered_at;	/* UTC "YYYY-MM-DD HH:MM:SS" */
	int		 days;		/* Beijing days from change to entry */
};

struct entlist_late_list {
	struct entlist_late	*v;
	size_t			 n;
	long long		 total;
	bool			 capped;
	bool			 more;
};

/* Page `page` of the late changes of enterprises in `scope`, newest
 * entry first. */
enum err	entlist_late_search(struct db *, struct arena *a,
		    const char *scope, size_t page, size_t per,
		    struct entlist_late_list *out);

/*
 * Calls fn for each late change in `scope` (same order), at most `max`;
 * the row's strings are valid during the call only.  Stops with ERR_NOMEM
 * when fn returns -1.  *n is the number of rows passed to fn.
 */
enum err	entlist_late_each(struct db *, struct arena *a,
		    const char *scope, size_t max,
		    int (*fn)(void *, const struct entlist_late *), void *arg,
		    size_t *n);

#endif
