/*
 * admin.c -- `duijie-admin`: operations from the shell.
 *
 *   duijie-admin --config FILE migrate    apply schema/NNN_*.sql, then grants
 *   duijie-admin --config FILE ping       check that the app account connects
 *   duijie-admin --config FILE demo       load the development demo data
 *                                         (idempotent; never in production)
 *
 * Exit status: 0 success, 1 failure (the reason on stderr), 2 usage.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <mysql.h>

#include "config.h"
#include "cs.h"
#include "db.h"
#include "log.h"
#include "migrate.h"

static void
usage(void)
{
	fprintf(stderr,
	    "usage: duijie-admin --config FILE COMMAND\n"
	    "commands:\n"
	    "  migrate   apply pending schema migrations and the grants\n"
	    "  ping      connect with the workers' account and run a query\n"
	    "  demo      load the development demo data (idempotent)\n");
	exit(2);
}

static int
cmd_migrate(const struct config *cfg)
{
	struct db	*db = db_new(&cfg->db, true);
	enum err	 rc;

	if (db == NULL)
		return 1;
	rc = migrate_run(db, cfg, stdout);
	db_free(db);
	return rc == ERR_OK ? 0 : 1;
}

static int
cmd_ping(const struct config *cfg)
{
	struct db	*db = db_new(&cfg->db, false);
	enum err	 rc;

	if (db == NULL)
		return 1;
	rc = db_ping(db);
	db_free(db);
	printf("ping: %s\n", rc == ERR_OK ? "ok" : err_str(rc));
	return rc == ERR_OK ? 0 : 1;
}

/* The demo data set grows with each area; it is loaded by `scripts/dev
 * up` and never by a migration.  Reference data (regions, offices) comes
 * from the migrations, so the foundation has no demo rows of its own. */
static int
cmd_demo(const struct config *cfg)
{
	struct db	*db = db_new(&cfg->db, true);
	enum err	 rc;

	if (db == NULL)
		return 1;
	rc = db_ensure(db);
	db_free(db);
	printf("demo: %s\n", rc == ERR_OK ? "done" : err_str(rc));
	return rc == ERR_OK ? 0 : 1;
}

int
main(int argc, char *argv[])
{
	static const struct option opts[] = {
		{ "config", required_argument, NULL, 'c' },
		{ NULL, 0, NULL, 0 },
	};
	static const struct {
		const char	*name;
		int		(*fn)(const struct config *);
	} cmds[] = {
		{ "migrate", cmd_migrate },
		{ "ping", cmd_ping },
		{ "demo", cmd_demo },
	};
	const char	*path = NULL;
	struct config	 cfg;
	char		 err[512];
	int		 ch, rc = 2;

	while ((ch = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		if (ch == 'c')
			path = optarg;
		else
			usage();
	}
	if (path == NULL || optind != argc - 1)
		usage();
	if (config_load(path, PORTAL_NONE, &cfg, err, sizeof err) != ERR_OK) {
		fprintf(stderr, "duijie-admin: %s\n", err);
		return 1;
	}
	log_init("admin", cfg.log_level);
	nerr_init();
	mysql_library_init(0, NULL, NULL);
	for (size_t i = 0; i < sizeof cmds / sizeof cmds[0]; i++)
		if (strcmp(argv[optind], cmds[i].name) == 0)
			rc = cmds[i].fn(&cfg);
	if (rc == 2)
		usage();
	config_free(&cfg);
	mysql_library_end();
	return rc;
}
