/*
 * migrate.h -- schema migrations: schema/NNN_name.sql applied in order,
 * each recorded in schema_migrations with the SHA-256 of its text.
 */
#ifndef DUIJIE_MIGRATE_H
#define DUIJIE_MIGRATE_H

#include <stdio.h>

#include "core/config.h"
#include "db/db.h"
#include "core/err.h"

/*
 * Applies every pending migration of cfg->schema through the admin handle,
 * then schema/grants.sql.  Refuses to apply anything (ERR_CONFLICT) when an
 * applied file has changed or disappeared, or when versions repeat.
 * Reports progress and problems on `out`.  Returns ERR_OK when the schema
 * is current.
 */
enum err	migrate_run(struct db *admin, const struct config *cfg, FILE *out);

/* Hex SHA-256 of buf[0..n) into hex[65]. */
void		sha256_hex(const void *buf, size_t n, char hex[65]);

#endif
