/*
 * org.h -- the organisations users belong to: enterprises (by USCC),
 * government agencies, financial institutions; operator offices are in
 * db_region.h.
 */
#ifndef DUIJIE_ORG_H
#define DUIJIE_ORG_H

#include "db/db.h"

/* The id of the named organisation of `region`, created when missing.
 * ERR_DB_LOST, ERR_DB. */
enum err	org_agency_ensure(struct db *, const char *name, const char *region,
		    long long *id);
enum err	org_fi_ensure(struct db *, const char *name, const char *region,
		    long long *id);
/* Enterprises are found by USCC (upper case); name and region are set on
 * creation only. */
enum err	org_enterprise_ensure(struct db *, const char *uscc, const char *name,
		    const char *region, long long *id);
/* The operator office that runs `region`; ERR_NOTFOUND for an unknown one. */
enum err	org_office_of_region(struct db *, const char *region, long long *id);

#endif
