/*
 * db_region.h -- regions (GB/T 2260, R-02.2) and their operator offices.
 */
#ifndef DUIJIE_DB_REGION_H
#define DUIJIE_DB_REGION_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

#include "core/arena.h"
#include "db/db.h"

#define REGION_PROVINCE "440000"

/* The region predicate of a scoped statement: " (? = '440000' OR col = ?)",
 * bound to the actor's region twice; the province sees every row, a city
 * only its own. */
#define REGION_SCOPE(col) " (? = '" REGION_PROVINCE "' OR " col " = ?)"

struct region {
	const char	*code;		/* "440100" */
	const char	*name;		/* "广州市" */
	bool		 province;	/* 440000 */
	const char	*office;	/* the office that runs it */
	const char	*office_address;
	const char	*office_phone;
};

/*
 * The regions and their offices' names are reference data: migrations
 * write them.  The offices' address and phone are the operators' to keep
 * (lib/info/office.h; the front pages read those from the database on
 * every request): the editing worker clears its own cache with
 * region_cache_clear, the others follow within the minute.  A worker
 * keeps them in a region_cache (zeroed before first use) and reads them
 * again once the copy is REGION_CACHE_SECONDS old, so that a correction
 * made in the database by hand shows within that time; a deployment
 * reloads the workers anyway.  The region selectors use them on many
 * pages: this spares those a round trip to the database.
 */
#define REGION_CACHE_SECONDS	60

struct region_cache {
	struct arena	*a;		/* owns v and its strings */
	struct region	*v;
	size_t		 n;
	struct timespec	 loaded;	/* CLOCK_MONOTONIC */
};

/* Every region, province first, then the cities in GB/T 2260 order, from
 * the cache or, when it is empty or stale, from the database.  *out stays
 * valid until the next call.  ERR_DB_LOST, ERR_DB, ERR_NOMEM (the cache
 * keeps its old copy, if any, for the next try). */
enum err	db_region_list(struct db *, struct region_cache *,
		    const struct region **out, size_t *n);
/* Frees the cache's copy (a worker's exit). */
void		region_cache_clear(struct region_cache *);

/* True when `code` is six digits: a syntactic check before any lookup. */
bool		region_code_valid(const char *code);

#endif
