/*
 * db_region.h -- regions (GB/T 2260, R-02.2) and their operator offices.
 */
#ifndef DUIJIE_DB_REGION_H
#define DUIJIE_DB_REGION_H

#include <stdbool.h>
#include <stddef.h>

#include "arena.h"
#include "db.h"

#define REGION_PROVINCE "440000"

struct region {
	const char	*code;		/* "440100" */
	const char	*name;		/* "广州市" */
	bool		 province;	/* 440000 */
	const char	*office;	/* the office that runs it */
	const char	*office_address;
	const char	*office_phone;
};

/* Every region, province first, then the cities in GB/T 2260 order.
 * The array and strings belong to `a`.  ERR_DB_LOST, ERR_DB, ERR_NOMEM. */
enum err	db_region_list(struct db *, struct arena *a,
		    struct region **out, size_t *n);

/* True when `code` is six digits: a syntactic check before any lookup. */
bool		region_code_valid(const char *code);

#endif
