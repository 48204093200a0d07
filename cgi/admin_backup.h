/*
 * admin_backup.h -- duijie-admin backup, restore, restore-binlog
 * (cgi/admin_backup.c; docs/OPERATIONS.md says when and how).
 */
#ifndef DUIJIE_ADMIN_BACKUP_H
#define DUIJIE_ADMIN_BACKUP_H

#include "core/config.h"

/*
 * backup [full|incremental]: a mariadb-backup set into Backup.dir (an
 * incremental on the newest set of the newest full when one exists and
 * no operand says otherwise), then the closed binlogs copied next to the
 * sets, then the sets and binlog copies older than the Backup.keep-th
 * newest full removed.  Exit status 0, or 1 with the reason on stderr.
 */
int	admin_backup(const struct config *, const char *mode);

/*
 * restore [SET] [--before T]: the chain ending at SET (default: the
 * newest set, or with BEFORE the newest finished before it) prepared in
 * Backup.dir/restore and copied into Backup.datadir, which must be
 * empty or missing and the server stopped; the binlogs from the set's
 * position on are copied aside for restore-binlog.
 */
int	admin_restore(const struct config *, const char *set, const char *before);

/*
 * restore-binlog [--before T]: with the restored server running (and the
 * portals stopped), the binlogs that restore put aside replayed from the
 * set's position to their end (or to the first event at or after BEFORE,
 * the server's local time), without writing them to the binlog again.
 * Once only: a second run refuses.
 */
int	admin_restore_binlog(const struct config *, const char *before);

#endif
