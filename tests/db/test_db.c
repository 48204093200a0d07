/*
 * test_db.c -- the data layer against the throwaway MariaDB of
 * `scripts/dev test` (DUIJIE_TEST_CONFIG names its configuration).
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <mysql.h>

#include "accounts/inbox.h"
#include "accounts/scope.h"
#include "accounts/user.h"
#include "agency/agency.h"
#include "agency/agency_form.h"
#include "credit/credit_cat.h"
#include "credit/credit_view.h"
#include "core/arena.h"
#include "core/config.h"
#include "crypto/crypto.h"
#include "crypto/seal.h"
#include "db/audit.h"
#include "db/db.h"
#include "db/db_region.h"
#include "db/migrate.h"
#include "db/workdays.h"
#include "core/timefmt.h"
#include "credit/objection.h"
#include "finance/loan.h"
#include "info/event.h"
#include "info/rule.h"
#include "store/files.h"

#include <fcntl.h>
#include <sys/stat.h>

static struct config cfg;

/* A raw connection for what the product never does (KILL, DDL). */
static MYSQL *
raw(bool admin)
{
	MYSQL	*m = mysql_init(NULL);
	unsigned zero = 0;

	mysql_options(m, MYSQL_SET_CHARSET_NAME, "utf8mb4");
	mysql_options(m, MYSQL_OPT_LOCAL_INFILE, &zero);
	if (mysql_real_connect(m, NULL, admin ? cfg.db.admin_user : cfg.db.user,
	    admin ? cfg.db.admin_password : cfg.db.password, cfg.db.name, 0,
	    cfg.db.socket, 0) == NULL)
		fail_msg("connect: %s", mysql_error(m));
	return m;
}

/* the province and its 21 cities, each with its office; the
 * worker's copy is served without a round trip until it is
 * REGION_CACHE_SECONDS old, then read again. */
static void
r_02_2_regions_and_offices(void **state)
{
	struct db		*db = db_new(&cfg.db, false);
	struct region_cache	 c;
	const struct region	*v, *w;
	size_t			 n, m;

	(void)state;
	memset(&c, 0, sizeof c);
	assert_int_equal(db_region_list(db, &c, &v, &n), ERR_OK);
	assert_int_equal(n, 22);
	assert_string_equal(v[0].code, "440000");
	assert_true(v[0].province);
	assert_string_equal(v[1].code, "440100");
	assert_string_equal(v[1].name, "广州市");
	assert_false(v[1].province);
	for (size_t i = 0; i < n; i++)
		if (strcmp(v[i].code, "440300") == 0)
			assert_string_equal(v[i].office, "中国人民银行深圳市分行");
	assert_string_equal(v[21].code, "445300");
	assert_string_equal(v[21].name, "云浮市");

	/* fresh: the same copy, through a handle that never connected */
	db_free(db);
	db = db_new(&cfg.db, false);
	assert_int_equal(db_region_list(db, &c, &w, &m), ERR_OK);
	assert_ptr_equal(w, v);
	assert_int_equal(m, n);
	/* stale: read again, a new copy with the same rows */
	c.loaded.tv_sec -= REGION_CACHE_SECONDS;
	assert_int_equal(db_region_list(db, &c, &w, &m), ERR_OK);
	assert_ptr_not_equal(w, v);
	assert_int_equal(m, 22);
	assert_string_equal(w[21].name, "云浮市");
	region_cache_clear(&c);
	assert_null(c.a);
	db_free(db);
}

/* A killed connection gives ERR_DB_LOST once, then the next call
 * reconnects and re-prepares by itself (no MYSQL_OPT_RECONNECT). */
static void
x_sec_lost_connection_then_reconnect(void **state)
{
	struct db	*db = db_new(&cfg.db, false);
	MYSQL		*adm = raw(false);	/* an account may kill its own */
	char		 q[128];
	unsigned long	 id;

	(void)state;
	assert_int_equal(db_ping(db), ERR_OK);
	assert_true(db_connected(db));
	assert_int_not_equal(id = db_thread_id(db), 0);
	snprintf(q, sizeof q, "KILL CONNECTION %lu", id);
	assert_int_equal(mysql_query(adm, q), 0);
	usleep(100 * 1000);
	assert_int_equal(db_ping(db), ERR_DB_LOST);
	assert_false(db_connected(db));
	assert_int_equal(db_ping(db), ERR_OK);
	assert_true(db_connected(db));
	assert_int_not_equal(db_thread_id(db), id);
	mysql_close(adm);
	db_free(db);
}

/* Kills the connection of `db` from another one and waits until the
 * server has closed it. */
static void
kill_conn(struct db *db)
{
	MYSQL		*adm = raw(false);	/* an account may kill its own */
	char		 q[128];

	snprintf(q, sizeof q, "KILL CONNECTION %lu", db_thread_id(db));
	assert_int_equal(mysql_query(adm, q), 0);
	mysql_close(adm);
	usleep(100 * 1000);
}

/* X-SEC (availability): a connection found lost at a request's first
 * statement (a restarted or killed server connection) is replaced and the
 * statement runs: the request answers, no 503.  Once a statement of the
 * request ran, a lost connection is ERR_DB_LOST, never replayed. */
static void
x_sec_first_statement_reconnects_once(void **state)
{
	struct db	*db = db_new(&cfg.db, false);
	unsigned long	 id, id2;

	(void)state;
	assert_int_equal(db_ping(db), ERR_OK);
	id = db_thread_id(db);

	/* first statement of a request: run on a new connection */
	kill_conn(db);
	db_request_begin(db);
	assert_int_equal(db_ping(db), ERR_OK);
	assert_true(db_connected(db));
	assert_int_not_equal(id2 = db_thread_id(db), 0);
	assert_int_not_equal(id2, id);

	/* a transaction as the first statement: begun on a new connection */
	kill_conn(db);
	db_request_begin(db);
	assert_int_equal(db_begin(db), ERR_OK);
	assert_int_equal(db_ping(db), ERR_OK);
	assert_int_equal(db_commit(db), ERR_OK);
	assert_int_not_equal(db_thread_id(db), id2);

	/* after a statement of the request ran: lost, not replayed */
	db_request_begin(db);
	assert_int_equal(db_ping(db), ERR_OK);
	kill_conn(db);
	assert_int_equal(db_ping(db), ERR_DB_LOST);
	assert_false(db_connected(db));

	/* inside a transaction: lost, not replayed */
	db_request_begin(db);
	assert_int_equal(db_begin(db), ERR_OK);
	kill_conn(db);
	assert_int_equal(db_ping(db), ERR_DB_LOST);
	assert_false(db_connected(db));

	/* the next request starts afresh */
	db_request_begin(db);
	assert_int_equal(db_ping(db), ERR_OK);
	db_free(db);
}

/* A database that is really down is ERR_DB_LOST at once, retry or not:
 * a handle whose socket leads nowhere. */
static void
x_sec_database_down_is_lost(void **state)
{
	struct config_db	 c = cfg.db;
	struct db		*db;
	char			 nowhere[] = "/nonexistent/mysqld.sock";

	(void)state;
	c.socket = nowhere;
	db = db_new(&c, false);
	db_request_begin(db);
	assert_int_equal(db_ping(db), ERR_DB_LOST);
	assert_false(db_connected(db));
	assert_int_equal(db_begin(db), ERR_DB_LOST);
	db_free(db);
}

/* The workers' account holds only the rights of schema/grants.sql. */
static void
x_sec_app_account_is_least_privilege(void **state)
{
	MYSQL *m = raw(false);

	(void)state;
	assert_int_not_equal(mysql_query(m, "DELETE FROM regions"), 0);
	assert_int_equal(mysql_errno(m), 1142);	/* command denied */
	assert_int_not_equal(mysql_query(m, "CREATE TABLE x (a INT)"), 0);
	assert_int_not_equal(mysql_query(m, "SELECT * FROM schema_migrations"), 0);
	assert_int_equal(mysql_query(m, "SELECT COUNT(*) FROM regions"), 0);
	mysql_free_result(mysql_store_result(m));
	/* the operators keep an office's contact facts, never its name (046) */
	assert_int_equal(mysql_query(m, "UPDATE offices SET hours = hours WHERE id = 0"), 0);
	assert_int_not_equal(mysql_query(m, "UPDATE offices SET name = name WHERE id = 0"), 0);
	assert_int_equal(mysql_errno(m), 1143);	/* column command denied */
	mysql_close(m);
}

/* A second migrate applies nothing and succeeds. */
static void
migrate_is_idempotent(void **state)
{
	struct db	*db = db_new(&cfg.db, true);
	FILE		*out = tmpfile();
	char		 buf[4096] = "";

	(void)state;
	assert_int_equal(migrate_run(db, &cfg, out), ERR_OK);
	rewind(out);
	(void)!fread(buf, 1, sizeof buf - 1, out);
	assert_null(strstr(buf, "applying"));
	assert_non_null(strstr(buf, "schema is current"));
	fclose(out);
	db_free(db);
}

/* Copies the schema folder, runs `edit` on the copy, migrates from it. */
static enum err
migrate_from_copy(const char *edit, char *msg, size_t msglen)
{
	char		 dir[] = "/tmp/duijie-schema-XXXXXX", cmd[8192];
	struct config	 c = cfg;
	struct db	*db = db_new(&cfg.db, true);
	FILE		*out = tmpfile();
	enum err	 rc;

	assert_non_null(mkdtemp(dir));
	snprintf(cmd, sizeof cmd, "cp %s/*.sql %s/ && cd %s && %s", cfg.schema,
	    dir, dir, edit);
	assert_int_equal(system(cmd), 0);
	c.schema = dir;
	rc = migrate_run(db, &c, out);
	rewind(out);
	memset(msg, 0, msglen);
	(void)!fread(msg, 1, msglen - 1, out);
	fclose(out);
	snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
	(void)!system(cmd);
	db_free(db);
	return rc;
}

static void
migrate_refuses_an_edited_migration(void **state)
{
	char msg[4096];

	(void)state;
	assert_int_equal(migrate_from_copy(
	    "echo '-- edited' >> 001_regions.sql", msg, sizeof msg), ERR_CONFLICT);
	assert_non_null(strstr(msg, "001_regions.sql has changed"));
}

static void
migrate_refuses_a_vanished_migration(void **state)
{
	char msg[4096];

	(void)state;
	assert_int_equal(migrate_from_copy("rm 001_regions.sql", msg, sizeof msg),
	    ERR_CONFLICT);
	assert_non_null(strstr(msg, "file is gone"));
}

static void
migrate_refuses_duplicate_versions(void **state)
{
	char msg[4096];

	(void)state;
	assert_int_equal(migrate_from_copy(
	    "echo 'SELECT 1;' > 001_again.sql", msg, sizeof msg), ERR_CONFLICT);
	assert_non_null(strstr(msg, "share a version"));
}

/* One statement through a raw admin connection to database `name`. */
static void
scratch_sql(const char *name, const char *q)
{
	MYSQL		*m = mysql_init(NULL);
	unsigned	 zero = 0;

	mysql_options(m, MYSQL_SET_CHARSET_NAME, "utf8mb4");
	mysql_options(m, MYSQL_OPT_LOCAL_INFILE, &zero);
	if (mysql_real_connect(m, NULL, cfg.db.admin_user, cfg.db.admin_password,
	    name, 0, cfg.db.socket, 0) == NULL)
		fail_msg("connect %s: %s", name != NULL ? name : "-", mysql_error(m));
	if (mysql_query(m, q) != 0)
		fail_msg("%s: %s", q, mysql_error(m));
	mysql_close(m);
}

/* Migrates database `name` from the schema folder `dir`. */
static enum err
migrate_db(const char *name, const char *dir, bool keys, char *msg,
    size_t msglen)
{
	struct config	 c = cfg;
	struct db	*db;
	FILE		*out = tmpfile();
	enum err	 rc;

	c.db.name = (char *)name;
	c.schema = (char *)dir;
	c.have_keys = keys;
	assert_non_null(db = db_new(&c.db, true));
	rc = migrate_run(db, &c, out);
	rewind(out);
	memset(msg, 0, msglen);
	(void)!fread(msg, 1, msglen - 1, out);
	fclose(out);
	db_free(db);
	return rc;
}

/* R-09.4 (issue 12 item 16): a database older than 018 that still holds
 * plain contacts gets them sealed just before 018 drops the columns; the
 * sealed value opens to what was there.  Without Keys migrate refuses and
 * leaves the plain value and its column in place.  Runs in a scratch
 * database of its own (<name>_scratch, granted to the owner account by
 * scripts/dev), migrated to 017 from a copy of the schema folder. */
static void
r_09_4_migrate_seals_plain_contacts_before_018(void **state)
{
	char		 scratch[128], dir[] = "/tmp/duijie-schema-XXXXXX";
	char		 cmd[8192], msg[8192], q[512];
	struct arena	*a = arena_new(4096);
	MYSQL		*m = mysql_init(NULL);
	MYSQL_RES	*res;
	MYSQL_ROW	 row;
	const char	*plain;

	(void)state;
	snprintf(scratch, sizeof scratch, "%s_scratch", cfg.db.name);
	snprintf(q, sizeof q, "DROP DATABASE IF EXISTS `%s`", scratch);
	scratch_sql(NULL, q);
	snprintf(q, sizeof q, "CREATE DATABASE `%s` CHARACTER SET utf8mb4"
	    " COLLATE utf8mb4_unicode_ci", scratch);
	scratch_sql(NULL, q);

	/* the schema as a 017 installation had it */
	assert_non_null(mkdtemp(dir));
	snprintf(cmd, sizeof cmd, "cp %s/*.sql %s/ && cd %s && for f in [0-9]*.sql;"
	    " do [ \"${f%%%%_*}\" -ge 18 ] && rm \"$f\"; done; rm grants.sql; ls 017_*.sql >/dev/null",
	    cfg.schema, dir, dir);
	assert_int_equal(system(cmd), 0);
	if (migrate_db(scratch, dir, true, msg, sizeof msg) != ERR_OK)
		fail_msg("migrating to 017: %s", msg);
	scratch_sql(scratch, "INSERT INTO users (username, role, region_code,"
	    " org_kind, org_id, real_name, contact, pw_hash) VALUES ('tdb-plain',"
	    " 'operator', '440100', 'office', 1, '旧版本', '020-83331234', '')");
	scratch_sql(scratch, "INSERT INTO agencies (name, region_code, net_contact)"
	    " VALUES ('tdb-plain-agency', '440100', '13800138000')");

	/* without Keys: refused before 018, nothing dropped */
	assert_int_equal(migrate_db(scratch, cfg.schema, false, msg, sizeof msg),
	    ERR_CONFIG);
	assert_non_null(strstr(msg, "plain contacts that must be sealed"));
	assert_null(strstr(msg, "applying 018"));
	scratch_sql(scratch, "SELECT contact FROM users WHERE username = 'tdb-plain'");

	/* with Keys: sealed, then dropped, then the rest applied */
	assert_int_equal(migrate_db(scratch, cfg.schema, true, msg, sizeof msg),
	    ERR_OK);
	assert_non_null(strstr(msg, "sealed 1 plain users.contact"));
	assert_non_null(strstr(msg, "sealed 1 plain agencies.net_contact"));
	assert_non_null(strstr(msg, "applying 018_drop_plain_contacts.sql"));

	mysql_options(m, MYSQL_SET_CHARSET_NAME, "utf8mb4");
	if (mysql_real_connect(m, NULL, cfg.db.admin_user, cfg.db.admin_password,
	    scratch, 0, cfg.db.socket, 0) == NULL)
		fail_msg("connect: %s", mysql_error(m));
	assert_int_equal(mysql_query(m, "SELECT u.contact_enc, g.net_contact_enc,"
	    " (SELECT COUNT(*) FROM information_schema.columns WHERE"
	    " table_schema = DATABASE() AND ((table_name = 'users' AND"
	    " column_name = 'contact') OR (table_name = 'agencies' AND"
	    " column_name = 'net_contact')))"
	    " FROM users u, agencies g WHERE u.username = 'tdb-plain'"
	    " AND g.name = 'tdb-plain-agency'"), 0);
	assert_non_null(res = mysql_store_result(m));
	assert_non_null(row = mysql_fetch_row(res));
	assert_non_null(row[0]);
	assert_non_null(row[1]);
	plain = open_text(a, cfg.data_key, "users.contact", row[0]);
	assert_non_null(plain);
	assert_string_equal(plain, "020-83331234");
	plain = open_text(a, cfg.data_key, "agencies.net_contact", row[1]);
	assert_non_null(plain);
	assert_string_equal(plain, "13800138000");
	assert_string_equal(row[2], "0");	/* both plain columns are gone */
	mysql_free_result(res);
	mysql_close(m);

	snprintf(q, sizeof q, "DROP DATABASE `%s`", scratch);
	scratch_sql(NULL, q);
	snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
	(void)!system(cmd);
	arena_free(a);
}

/* the seeded calendar (schema/005_calendar.sql, every row of
 * data/cn-holidays.csv) loads by year, adjusted working weekends too. */
static void
r_09_5_calendar_loads_the_seed(void **state)
{
	struct db	*db = db_new(&cfg.db, false);
	struct arena	*a = arena_new(4096);
	struct calendar	 c;
	int		 y, m, d;

	(void)state;
	assert_int_equal(calendar_load(db, a, 2025, 2026, &c), ERR_OK);
	assert_int_equal(c.n, 72);
	assert_true(is_workday(&c, 2026, 2, 14));	/* Saturday, 春节调休上班 */
	assert_false(is_workday(&c, 2026, 2, 16));	/* 春节, Monday */
	assert_false(is_workday(&c, 2026, 10, 1));	/* 国庆节 */
	assert_true(is_workday(&c, 2026, 10, 10));	/* Saturday, 国庆节调休上班 */
	assert_true(is_workday(&c, 2025, 1, 26));	/* Sunday, 春节调休上班 */
	assert_false(is_workday(&c, 2025, 1, 1));	/* 元旦 */
	add_workdays(&c, 2025, 12, 29, 5, &y, &m, &d);	/* past 元旦 2026 */
	assert_true(y == 2026 && m == 1 && d == 6);
	/* one year only, and a year without rows */
	assert_int_equal(calendar_load(db, a, 2026, 2026, &c), ERR_OK);
	assert_int_equal(c.n, 39);
	assert_false(calendar_has_year(&c, 2025));
	assert_true(calendar_has_year(&c, 2026));
	assert_int_equal(calendar_load(db, a, 2030, 2031, &c), ERR_OK);
	assert_int_equal(c.n, 0);
	assert_int_equal(calendar_load(db, a, 2026, 2025, &c), ERR_OK);
	assert_int_equal(c.n, 0);
	arena_free(a);
	db_free(db);
}

/* The id of the agency named `name` (through the raw connection m). */
static long long
agency_id_of(MYSQL *m, const char *name)
{
	char		 q[160];
	MYSQL_RES	*res;
	MYSQL_ROW	 row;
	long long	 id;

	snprintf(q, sizeof q, "SELECT id FROM agencies WHERE name = '%s'", name);
	if (mysql_query(m, q) != 0 || (res = mysql_store_result(m)) == NULL)
		fail_msg("select: %s", mysql_error(m));
	if ((row = mysql_fetch_row(res)) == NULL)
		fail_msg("no agency %s", name);
	id = atoll(row[0]);
	mysql_free_result(res);
	return id;
}

/* A scope as scope_of_user would make it. */
static void
scope_as(struct scope *s, enum role role, const char *region,
    const char *org_kind, long long org_id)
{
	memset(s, 0, sizeof *s);
	s->kind = SCOPE_USER;
	s->role = role;
	snprintf(s->region, sizeof s->region, "%s", region);
	s->org_kind = org_kind;
	s->org_id = org_id;
	s->user_id = 1;
}

/* issue 13: the scoped getter carries the scope in its statement:
 * a city's operator gets its city's agency and not another city's, an
 * agency's gov user its own and no other (not even of its city), the
 * province and the system all. */
static void
r_02_2_agency_get_is_scoped(void **state)
{
	struct db	*db = db_new(&cfg.db, false);
	struct arena	*a = arena_new(4096);
	MYSQL		*m = raw(true);
	struct scope	 gz, fs, gd, sys, gov_gz;
	struct agency	 ag;
	long long	 id_gz, id_gz2, id_fs;

	(void)state;
	if (mysql_query(m, "DELETE FROM agencies WHERE name LIKE 'tdb-scope-%'") != 0 ||
	    mysql_query(m, "INSERT INTO agencies (name, region_code) VALUES"
	    " ('tdb-scope-gz', '440100'), ('tdb-scope-gz2', '440100'),"
	    " ('tdb-scope-fs', '440600')") != 0)
		fail_msg("insert: %s", mysql_error(m));
	id_gz = agency_id_of(m, "tdb-scope-gz");
	id_gz2 = agency_id_of(m, "tdb-scope-gz2");
	id_fs = agency_id_of(m, "tdb-scope-fs");
	scope_as(&gz, ROLE_OPERATOR, "440100", "office", 2);
	scope_as(&fs, ROLE_OPERATOR, "440600", "office", 7);
	scope_as(&gd, ROLE_SUPERVISOR, "440000", "office", 1);
	scope_as(&gov_gz, ROLE_GOV, "440100", "agency", id_gz);
	scope_system(&sys);

	assert_int_equal(agency_get(db, a, &gz, id_gz, &ag), ERR_OK);
	assert_string_equal(ag.name, "tdb-scope-gz");
	assert_int_equal(agency_get(db, a, &gz, id_fs, &ag), ERR_NOTFOUND);
	assert_int_equal(agency_get(db, a, &fs, id_fs, &ag), ERR_OK);
	assert_int_equal(agency_get(db, a, &fs, id_gz, &ag), ERR_NOTFOUND);
	assert_int_equal(agency_get(db, a, &gd, id_fs, &ag), ERR_OK);
	assert_int_equal(agency_get(db, a, &sys, id_gz2, &ag), ERR_OK);
	assert_int_equal(agency_get(db, a, &gov_gz, id_gz, &ag), ERR_OK);
	assert_int_equal(agency_get(db, a, &gov_gz, id_gz2, &ag), ERR_NOTFOUND);
	assert_int_equal(agency_get(db, a, &gov_gz, id_fs, &ag), ERR_NOTFOUND);
	assert_int_equal(agency_get(db, a, &gd, id_fs + 1000000, &ag), ERR_NOTFOUND);

	if (mysql_query(m, "DELETE FROM agencies WHERE name LIKE 'tdb-scope-%'") != 0)
		fail_msg("delete: %s", mysql_error(m));
	mysql_close(m);
	arena_free(a);
	db_free(db);
}

/* The first column of the first row of q, as a number (0: none). */
static long long
sql_int(MYSQL *m, const char *q)
{
	MYSQL_RES	*res;
	MYSQL_ROW	 row;
	long long	 v = 0;

	if (mysql_query(m, q) != 0)
		fail_msg("%s: %s", q, mysql_error(m));
	if ((res = mysql_store_result(m)) != NULL) {
		if ((row = mysql_fetch_row(res)) != NULL && row[0] != NULL)
			v = strtoll(row[0], NULL, 10);
		mysql_free_result(res);
	}
	return v;
}

/* an event's getter carries the reader in its statement
 * (a draft for its region's offices only, a published one for its
 * audience), and the waiting list moves up when a seat is given up. */
static void
r_14_1_event_scope_and_waiting_list(void **state)
{
	struct audit_actor	 act = { .portal = "intranet",
	    .client_addr = "test_db", .request_id = "test-db-event" };
	struct db		*db = db_new(&cfg.db, false);
	struct arena		*a = arena_new(4096);
	MYSQL			*m = raw(true);
	struct scope		 gz, fs;
	struct event		 e;
	struct event_reader	 r_gz = { "*", &gz }, r_fs = { "*", &fs },
				 r_ent = { "enterprise", NULL }, r_gov = { "gov", NULL },
				 r_fi = { "fi", NULL };
	struct rule		 rv;
	long long		 id, u1, u2, rid;
	bool			 waiting = true;
	char			 q[512];
	int			 st;

	(void)state;
	u1 = sql_int(m, "SELECT id FROM users WHERE username = 'fi-gz'");
	u2 = sql_int(m, "SELECT id FROM users WHERE username = 'fi-gz2'");
	assert_true(u1 > 0 && u2 > 0);
	snprintf(q, sizeof q, "INSERT INTO events (region_code, kind, title, body,"
	    " place, starts_at, ends_at, deadline, capacity, audience, created_by)"
	    " VALUES ('440100', 'lecture', 'tdb-event', 'x', 'y',"
	    " UTC_TIMESTAMP() + INTERVAL 2 DAY, UTC_TIMESTAMP() + INTERVAL 3 DAY,"
	    " UTC_TIMESTAMP() + INTERVAL 1 DAY, 1, 'enterprise,fi', %lld)", u1);
	if (mysql_query(m, q) != 0)
		fail_msg("insert: %s", mysql_error(m));
	id = (long long)mysql_insert_id(m);
	scope_as(&gz, ROLE_OPERATOR, "440100", "office", 2);
	scope_as(&fs, ROLE_OPERATOR, "440600", "office", 7);

	assert_int_equal(event_get(db, a, &r_gz, id, &e), ERR_OK);
	assert_int_equal(e.state, EVS_DRAFT);
	assert_int_equal(event_get(db, a, &r_fs, id, &e), ERR_NOTFOUND);
	assert_int_equal(event_get(db, a, &r_ent, id, &e), ERR_NOTFOUND);
	snprintf(q, sizeof q, "UPDATE events SET status = 'published' WHERE id = %lld", id);
	assert_int_equal(mysql_query(m, q), 0);
	assert_int_equal(event_get(db, a, &r_ent, id, &e), ERR_OK);
	assert_int_equal(event_get(db, a, &r_fs, id, &e), ERR_OK);
	assert_int_equal(event_get(db, a, &r_gov, id, &e), ERR_NOTFOUND);
	assert_int_equal(event_get(db, a, &r_gz, id + 1000000, &e), ERR_NOTFOUND);

	/* one seat: the first registers, the second waits; a gov user is
	 * outside the audience; the first cancels and the second moves up */
	act.user_id = u1;
	assert_int_equal(event_register(db, &act, "fi", id, &waiting), ERR_OK);
	assert_false(waiting);
	assert_int_equal(event_register(db, &act, "fi", id, &waiting), ERR_CONFLICT);
	act.user_id = u2;
	assert_int_equal(event_register(db, &act, "gov", id, &waiting), ERR_NOTFOUND);
	assert_int_equal(event_register(db, &act, "fi", id, &waiting), ERR_OK);
	assert_true(waiting);
	act.user_id = u1;
	assert_int_equal(event_cancel(db, &act, id), ERR_OK);
	assert_int_equal(event_reg_of(db, a, u2, id, &st), ERR_OK);
	assert_int_equal(st, ERS_REGISTERED);
	assert_int_equal(event_reg_of(db, a, u1, id, &st), ERR_OK);
	assert_int_equal(st, ERS_CANCELLED);
	assert_int_equal(event_cancel(db, &act, id), ERR_CONFLICT);
	assert_int_equal(event_get(db, a, &r_fi, id, &e), ERR_OK);
	assert_int_equal(e.registered, 1);
	assert_int_equal(e.waiting, 0);

	/* a draft of the measures is found by the province's staff
	 * only */
	if (mysql_query(m, "INSERT INTO rule_versions (title, body, effective_on)"
	    " VALUES ('tdb-rule', 'x', CURDATE())") != 0)
		fail_msg("insert: %s", mysql_error(m));
	rid = (long long)mysql_insert_id(m);
	assert_int_equal(rule_get(db, a, false, rid, &rv), ERR_NOTFOUND);
	assert_int_equal(rule_get(db, a, true, rid, &rv), ERR_OK);
	assert_false(rule_staff(&gz));

	snprintf(q, sizeof q, "DELETE FROM event_registrations WHERE event_id = %lld", id);
	assert_int_equal(mysql_query(m, q), 0);
	snprintf(q, sizeof q, "DELETE FROM inbox WHERE link = '/events/%lld'", id);
	assert_int_equal(mysql_query(m, q), 0);
	snprintf(q, sizeof q, "DELETE FROM events WHERE id = %lld", id);
	assert_int_equal(mysql_query(m, q), 0);
	snprintf(q, sizeof q, "DELETE FROM rule_versions WHERE id = %lld", rid);
	assert_int_equal(mysql_query(m, q), 0);
	inbox_sms_forget();
	mysql_close(m);
	arena_free(a);
	db_free(db);
}

/* X-SEC (issue 13 item 1): the getters of the objects the
 * dispatcher loads, and the locks of the mutators that change them, carry
 * the scope in their statement, so a domain function called out of scope
 * finds nothing whichever handler calls it: an enterprise (gov users
 * province-wide, operators their region), a change form (its agency, its
 * region's offices), a credit request (its region; no gov user), a credit
 * category (read by the staff, locked for an edit by the province's
 * operators only). */
static void
r_02_2_mutators_lock_within_the_scope(void **state)
{
	static const struct audit_actor act = { .portal = "intranet",
	    .client_addr = "test_db", .request_id = "test-db-scope" };
	struct db		*db = db_new(&cfg.db, false);
	struct arena		*a = arena_new(4096);
	MYSQL			*m = raw(true);
	struct scope		 gz, fs, gd, gov_fs, gov_gz;
	struct credit_ent	 e;
	struct credit_self_req	 q;
	struct credit_category	 c;
	struct aform		 f;
	long long		 ent, op, ag_gz, form, req, cat;
	char			 sql[512];

	(void)state;
	if (mysql_query(m, "DELETE FROM credit_self_requests WHERE reason = 'tdb-scope'") != 0 ||
	    mysql_query(m, "DELETE f FROM agency_forms f JOIN agencies g ON g.id = f.agency_id"
	    " WHERE g.name = 'tdb-mut-gz'") != 0 ||
	    mysql_query(m, "DELETE FROM agencies WHERE name = 'tdb-mut-gz'") != 0 ||
	    mysql_query(m, "DELETE FROM enterprises WHERE uscc = '91440100TDBSCOPE1X'") != 0 ||
	    mysql_query(m, "INSERT INTO agencies (name, region_code) VALUES ('tdb-mut-gz', '440100')") != 0 ||
	    mysql_query(m, "INSERT INTO enterprises (uscc, name, region_code) VALUES"
	    " ('91440100TDBSCOPE1X', 'tdb-scope 广州', '440100')") != 0)
		fail_msg("insert: %s", mysql_error(m));
	ent = sql_int(m, "SELECT id FROM enterprises WHERE uscc = '91440100TDBSCOPE1X'");
	ag_gz = agency_id_of(m, "tdb-mut-gz");
	op = sql_int(m, "SELECT MIN(id) FROM users");
	assert_true(ent > 0 && ag_gz > 0 && op > 0);
	snprintf(sql, sizeof sql, "INSERT INTO agency_forms (agency_id, region_code,"
	    " status, source, entered_by) VALUES (%lld, '440100', 'draft', 'paper', %lld)",
	    ag_gz, op);
	if (mysql_query(m, sql) != 0)
		fail_msg("insert: %s", mysql_error(m));
	form = (long long)mysql_insert_id(m);
	snprintf(sql, sizeof sql, "INSERT INTO credit_self_requests (enterprise_id,"
	    " region_code, user_id, reason) VALUES (%lld, '440100', %lld, 'tdb-scope')",
	    ent, op);
	if (mysql_query(m, sql) != 0)
		fail_msg("insert: %s", mysql_error(m));
	req = (long long)mysql_insert_id(m);
	cat = sql_int(m, "SELECT MIN(id) FROM credit_categories");
	assert_true(cat > 0);
	scope_as(&gz, ROLE_OPERATOR, "440100", "office", 2);
	scope_as(&fs, ROLE_OPERATOR, "440600", "office", 7);
	scope_as(&gd, ROLE_OPERATOR, "440000", "office", 1);
	scope_as(&gov_fs, ROLE_GOV, "440600", "agency", ag_gz + 1000000);
	scope_as(&gov_gz, ROLE_GOV, "440100", "agency", ag_gz);

	/* the enterprise: its city's operators, the province's, and every
	 * gov user (a Foshan agency's too); not another city's operators */
	assert_int_equal(credit_ent_get(db, a, &gz, ent, &e), ERR_OK);
	assert_int_equal(credit_ent_get(db, a, &gov_fs, ent, &e), ERR_OK);
	assert_int_equal(credit_ent_get(db, a, &gd, ent, &e), ERR_OK);
	assert_int_equal(credit_ent_get(db, a, &fs, ent, &e), ERR_NOTFOUND);

	/* its request to view its own information: the region's, no gov */
	assert_int_equal(credit_self_get(db, a, &gz, req, &q), ERR_OK);
	assert_int_equal(credit_self_get(db, a, &fs, req, &q), ERR_NOTFOUND);
	assert_int_equal(credit_self_get(db, a, &gov_fs, req, &q), ERR_NOTFOUND);
	assert_int_equal(credit_self_decide(db, &act, &fs, req, false, "越区"),
	    ERR_NOTFOUND);
	assert_int_equal(credit_self_decide(db, &act, &gov_gz, req, false, "越区"),
	    ERR_NOTFOUND);
	snprintf(sql, sizeof sql, "SELECT status = 'pending' FROM credit_self_requests"
	    " WHERE id = %lld", req);
	assert_int_equal(sql_int(m, sql), 1);

	/* the change form: its agency and its region's offices */
	assert_int_equal(aform_get(db, a, &gz, form, &f), ERR_OK);
	assert_int_equal(aform_get(db, a, &gov_gz, form, &f), ERR_OK);
	assert_int_equal(aform_get(db, a, &fs, form, &f), ERR_NOTFOUND);
	assert_int_equal(aform_get(db, a, &gov_fs, form, &f), ERR_NOTFOUND);
	/* out of scope the lock finds nothing; in scope it finds the draft,
	 * which the table refuses to check */
	assert_int_equal(aform_check(db, &act, &fs, form, 0, true, ""), ERR_NOTFOUND);
	assert_int_equal(aform_check(db, &act, &gz, form, 0, true, ""), ERR_CONFLICT);

	/* a category: read by a city's operator, locked by the province's */
	assert_int_equal(credit_category_get(db, a, &fs, cat, &c), ERR_OK);
	assert_int_equal(credit_category_get(db, a, &gov_fs, cat, &c), ERR_OK);
	assert_int_equal(credit_category_update(db, &act, &fs, (int)cat, &c),
	    ERR_NOTFOUND);
	assert_false(db_in_tx(db));

	if (mysql_query(m, "DELETE FROM credit_self_requests WHERE reason = 'tdb-scope'") != 0 ||
	    mysql_query(m, "DELETE FROM agency_forms WHERE agency_id IN"
	    " (SELECT id FROM agencies WHERE name = 'tdb-mut-gz')") != 0 ||
	    mysql_query(m, "DELETE FROM agencies WHERE name = 'tdb-mut-gz'") != 0 ||
	    mysql_query(m, "DELETE FROM enterprises WHERE uscc = '91440100TDBSCOPE1X'") != 0)
		fail_msg("delete: %s", mysql_error(m));
	mysql_close(m);
	arena_free(a);
	db_free(db);
}

/* What the KDF hook saw: every run, and the runs while the user's row
 * was locked by another transaction. */
struct kdf_probe {
	MYSQL		*m;
	long long	 id;
	int		 runs, locked;
};

/* user_kdf_hook: can another connection lock the row right now?  NOWAIT
 * answers at once (error 1205/3572 when a transaction holds it), so the
 * answer depends on the order of statements only, not on timing. */
static void
kdf_probe(void *arg)
{
	struct kdf_probe	*k = arg;
	char			 q[128];

	k->runs++;
	assert_int_equal(mysql_query(k->m, "START TRANSACTION"), 0);
	snprintf(q, sizeof q, "SELECT id FROM users WHERE id = %lld FOR UPDATE NOWAIT",
	    k->id);
	if (mysql_query(k->m, q) != 0)
		k->locked++;
	else
		mysql_free_result(mysql_store_result(k->m));
	assert_int_equal(mysql_query(k->m, "ROLLBACK"), 0);
}

/*
 * X-SEC (issue 12 item 18, R-11.1): a sign-in runs every password KDF --
 * the verification and the upgrade of a stale hash -- while no
 * transaction holds the user's row (FOR UPDATE), so parallel wrong
 * passwords cannot queue the real user behind their scrypt runs.  The
 * hook probes the row from a second connection at each KDF run.
 */
static void
x_sec_signin_kdf_runs_outside_the_row_lock(void **state)
{
	const struct kdf_params	 old = { 10, 8, 1 };
	const struct auth_policy pol = { 5, 900, 1800, 1000, 7, NULL };
	struct audit_actor	 act = { 0, "", "", "", "internet", "127.0.0.9",
				    "test-db-kdf" };
	struct kdf_probe	 k = { raw(false), 0, 0, 0 };
	struct db		*db = db_new(&cfg.db, false);
	struct arena		*a = arena_new(4096);
	MYSQL			*m = raw(false);
	MYSQL_RES		*res;
	MYSQL_ROW		 row;
	struct user		 u;
	char			 hash[PASSWORD_HASH_MAX], name[32], q[768], notice[32];
	enum portal		 portal;
	enum err		 e;

	(void)state;
	/* a copy of fi-gz with a hash made under older (cheaper) parameters */
	snprintf(name, sizeof name, "tdbkdf%ld", (long)getpid());
	assert_int_equal(password_hash("Kdf-test-pw-1", 13, &old, hash), 0);
	snprintf(q, sizeof q, "INSERT INTO users (username, role, region_code,"
	    " org_kind, org_id, real_name, contact_enc, must_change_pw, pw_hash)"
	    " SELECT '%s', role, region_code, org_kind, org_id, real_name,"
	    " contact_enc, 0, '%s' FROM users WHERE username = 'fi-gz'", name, hash);
	if (mysql_query(m, q) != 0)
		fail_msg("insert: %s", mysql_error(m));
	assert_int_equal(mysql_affected_rows(m), 1);
	k.id = (long long)mysql_insert_id(m);
	snprintf(q, sizeof q, "SELECT role FROM users WHERE id = %lld", k.id);
	assert_int_equal(mysql_query(m, q), 0);
	assert_non_null(res = mysql_store_result(m));
	assert_non_null(row = mysql_fetch_row(res));
	portal = role_portal((enum role)role_parse(row[0]));
	mysql_free_result(res);

	user_kdf_hook = kdf_probe;
	user_kdf_hook_arg = &k;
	/* a wrong password: one KDF run, the row free meanwhile */
	assert_int_equal(user_authenticate(db, a, &pol, &act, portal, name,
	    "Kdf-test-pw-2", &u, notice, &e), AUTH_BAD);
	assert_int_equal(k.runs, 1);
	assert_int_equal(k.locked, 0);
	/* the right one under a stale hash: verification and upgrade, both
	 * with the row free (on the old code the upgrade ran locked) */
	k.runs = 0;
	assert_int_equal(user_authenticate(db, a, &pol, &act, portal, name,
	    "Kdf-test-pw-1", &u, notice, &e), AUTH_OK);
	assert_int_equal(k.runs, 2);
	assert_int_equal(k.locked, 0);
	snprintf(q, sizeof q, "SELECT pw_hash LIKE '$scrypt$ln=15,%%' FROM users"
	    " WHERE id = %lld", k.id);
	assert_int_equal(mysql_query(m, q), 0);
	assert_non_null(res = mysql_store_result(m));
	assert_non_null(row = mysql_fetch_row(res));
	assert_string_equal(row[0], "1");	/* the upgrade was stored */
	mysql_free_result(res);
	/* the probe itself sees a held lock: from this connection */
	k.runs = 0;
	assert_int_equal(mysql_query(m, "START TRANSACTION"), 0);
	snprintf(q, sizeof q, "SELECT id FROM users WHERE id = %lld FOR UPDATE", k.id);
	assert_int_equal(mysql_query(m, q), 0);
	mysql_free_result(mysql_store_result(m));
	kdf_probe(&k);
	assert_int_equal(k.locked, 1);
	assert_int_equal(mysql_query(m, "ROLLBACK"), 0);

	user_kdf_hook = NULL;
	user_kdf_hook_arg = NULL;
	mysql_close(k.m);
	mysql_close(m);
	arena_free(a);
	db_free(db);
}

/* Audit rows of this file's transactions, counted on a connection of
 * its own (what another worker would see). */
static long long
audit_rows(const char *action)
{
	MYSQL		*m = raw(true);
	MYSQL_RES	*res;
	MYSQL_ROW	 row;
	char		 q[256];
	long long	 n;

	snprintf(q, sizeof q,
	    "SELECT COUNT(*) FROM audit_log WHERE action = '%s'", action);
	assert_int_equal(mysql_query(m, q), 0);
	assert_non_null(res = mysql_store_result(m));
	assert_non_null(row = mysql_fetch_row(res));
	n = atoll(row[0]);
	mysql_free_result(res);
	mysql_close(m);
	return n;
}

static const struct audit_actor test_actor = {
	.user_id = 0, .portal = "admin", .client_addr = "test_db",
	.request_id = "test-db-tx",
};

/* X-AUD (every state change is one transaction): db_begin inside an open
 * transaction is refused and leaves that transaction as it was, still
 * open and still the only one; its rollback takes everything with it. */
static void
x_aud_begin_refuses_nesting(void **state)
{
	struct db	*db = db_new(&cfg.db, false);

	(void)state;
	assert_false(db_in_tx(db));
	assert_int_equal(db_begin(db), ERR_OK);
	assert_true(db_in_tx(db));
	assert_int_equal(audit_write(db, &test_actor, "test.nested", "", "",
	    AUDIT_OK, "outer"), ERR_OK);
	assert_int_equal(db_begin(db), ERR_CONFLICT);
	assert_true(db_in_tx(db));
	/* audit_write1 begins a transaction of its own: refused too */
	assert_int_equal(audit_write1(db, &test_actor, "test.nested", "", "",
	    AUDIT_OK, "inner"), ERR_CONFLICT);
	assert_true(db_in_tx(db));
	db_rollback(db);
	assert_false(db_in_tx(db));
	assert_int_equal(audit_rows("test.nested"), 0);
	/* after the rollback a transaction begins again */
	assert_int_equal(db_begin(db), ERR_OK);
	db_rollback(db);
	db_free(db);
}

struct tx_probe {
	int		 runs;
	bool		 had_scratch;
	bool		 in_tx;
	enum err	 ret;
	enum err	 nested;
};

static enum err
tx_probe_fn(struct db *db, struct arena *scratch, void *ctx)
{
	struct tx_probe	*p = ctx;
	enum err	 rc;

	p->runs++;
	p->had_scratch = scratch != NULL && arena_strdup(scratch, "x") != NULL;
	p->in_tx = db_in_tx(db);
	if ((rc = audit_write(db, &test_actor, "test.db_tx", "", "", AUDIT_OK,
	    "db_tx")) != ERR_OK)
		return rc;
	p->nested = db_begin(db);
	return p->ret;
}

/* X-AUD: db_tx owns the scratch arena, the begin and the commit or
 * rollback: fn's error rolls back (its audit row vanishes), ERR_OK
 * commits and leaves no transaction open; fn cannot nest a begin, and
 * db_tx itself is refused inside an open transaction without running fn. */
static void
x_aud_db_tx_commits_or_rolls_back(void **state)
{
	struct db	*db = db_new(&cfg.db, false);
	struct tx_probe	 p = { .ret = ERR_FORBIDDEN };
	long long	 before;

	(void)state;
	before = audit_rows("test.db_tx");
	assert_int_equal(db_tx(db, 0, tx_probe_fn, &p), ERR_FORBIDDEN);
	assert_int_equal(p.runs, 1);
	assert_true(p.had_scratch);
	assert_true(p.in_tx);
	assert_int_equal(p.nested, ERR_CONFLICT);
	assert_false(db_in_tx(db));
	assert_int_equal(audit_rows("test.db_tx"), before);

	/* fn's ERR_OK commits: no transaction is left open */
	memset(&p, 0, sizeof p);
	p.ret = ERR_OK;
	assert_int_equal(db_begin(db), ERR_OK);
	assert_int_equal(db_tx(db, 0, tx_probe_fn, &p), ERR_CONFLICT);
	assert_int_equal(p.runs, 0);
	assert_true(db_in_tx(db));
	db_rollback(db);
	before = audit_rows("test.db_tx");
	assert_int_equal(db_tx(db, 256, tx_probe_fn, &p), ERR_OK);
	assert_int_equal(p.runs, 1);
	assert_false(db_in_tx(db));
	assert_int_equal(audit_rows("test.db_tx"), before + 1);
	db_free(db);
}

/* X-AUD: what the worker does when a request ends (worker_handle calls
 * db_request_end): a transaction a handler left open is rolled back --
 * its rows never reach another connection -- and the next request's
 * begin is not refused. */
static void
x_aud_request_end_rolls_back_an_open_transaction(void **state)
{
	struct db	*db = db_new(&cfg.db, false);

	(void)state;
	db_request_begin(db);
	assert_false(db_request_end(db, "test-1"));	/* nothing open */
	db_request_begin(db);
	assert_int_equal(db_begin(db), ERR_OK);
	assert_int_equal(audit_write(db, &test_actor, "test.left_open", "", "",
	    AUDIT_OK, "left open"), ERR_OK);
	assert_true(db_request_end(db, "test-2"));
	assert_false(db_in_tx(db));
	assert_int_equal(audit_rows("test.left_open"), 0);
	db_request_begin(db);
	assert_int_equal(db_begin(db), ERR_OK);
	db_rollback(db);
	assert_false(db_request_end(db, "test-3"));
	db_free(db);
}

/* ------------------------------------------------------------------ */
/* The audit chain without a global lock (issue 19 item 2) */

/* One number from `q` on a raw owner connection to database `name`
 * (NULL: the test database); -1 for NULL. */
static long long
sql_ll(const char *name, const char *q)
{
	MYSQL		*m = mysql_init(NULL);
	MYSQL_RES	*res;
	MYSQL_ROW	 row;
	long long	 v;

	mysql_options(m, MYSQL_SET_CHARSET_NAME, "utf8mb4");
	if (mysql_real_connect(m, NULL, cfg.db.admin_user, cfg.db.admin_password,
	    name != NULL ? name : cfg.db.name, 0, cfg.db.socket, 0) == NULL)
		fail_msg("connect: %s", mysql_error(m));
	if (mysql_query(m, q) != 0)
		fail_msg("%s: %s", q, mysql_error(m));
	assert_non_null(res = mysql_store_result(m));
	row = mysql_fetch_row(res);
	v = row != NULL && row[0] != NULL ? atoll(row[0]) : -1;
	mysql_free_result(res);
	mysql_close(m);
	return v;
}

static long long
audit_id_of(const char *db, const char *detail)
{
	char q[256];

	snprintf(q, sizeof q, "SELECT MAX(id) FROM audit_log WHERE detail = '%s'",
	    detail);
	return sql_ll(db, q);
}

static long long
seal_seq_of(const char *db, long long id)
{
	char q[128];

	snprintf(q, sizeof q, "SELECT seq FROM audit_seal WHERE log_id = %lld", id);
	return sql_ll(db, q);
}

/* X-AUD (issue 19 item 2): two audited transactions run at once.  One
 * holds its audit row uncommitted; the other's audited transaction, on
 * another connection of the workers' account, commits meanwhile -- with
 * the old chain it waited on audit_head until the first ended (here: the
 * lock wait timeout, an error).  Neither row is chained yet; once both
 * committed the sealer chains them, the one that committed first first. */
static void
x_aud_two_audited_transactions_do_not_wait_on_each_other(void **state)
{
	struct db	*a = db_new(&cfg.db, false), *b = db_new(&cfg.db, false);
	long long	 ida, idb, n;
	char		 da[32], dbb[32];

	(void)state;
	/* re-runnable: this run's rows by the pid */
	snprintf(da, sizeof da, "tdb-conc-a-%d", (int)getpid());
	snprintf(dbb, sizeof dbb, "tdb-conc-b-%d", (int)getpid());
	assert_int_equal(db_begin(a), ERR_OK);
	assert_int_equal(audit_write(a, &test_actor, "test.concurrent", "", "",
	    AUDIT_OK, da), ERR_OK);
	/* b: a whole audited transaction while a's is open */
	assert_int_equal(audit_write1(b, &test_actor, "test.concurrent", "", "",
	    AUDIT_OK, dbb), ERR_OK);
	assert_true(db_in_tx(a));
	assert_int_equal(audit_id_of(NULL, da), -1);	/* not visible */
	idb = audit_id_of(NULL, dbb);
	assert_true(idb > 0);
	/* the sealer runs while a is open: b's row is chained, a's waits */
	assert_int_equal(audit_seal(b, true, &n), ERR_OK);
	assert_true(seal_seq_of(NULL, idb) > 0);
	assert_int_equal(db_commit(a), ERR_OK);
	ida = audit_id_of(NULL, da);
	assert_true(ida > 0 && ida < idb);	/* a's id came first ... */
	assert_int_equal(seal_seq_of(NULL, ida), -1);	/* ... not sealed yet */
	assert_int_equal(audit_seal(a, true, &n), ERR_OK);
	/* ... and is chained after b's: the late row is not lost */
	assert_true(seal_seq_of(NULL, ida) > seal_seq_of(NULL, idb));
	assert_int_equal(audit_verify(a, NULL), 0);
	db_free(a);
	db_free(b);
}

/* X-AUD (issue 19 item 2): the id of a rolled-back audited transaction
 * is a gap AUTO_INCREMENT never fills; the rows after it are sealed and
 * the chain verifies. */
static void
x_aud_rolled_back_id_does_not_break_the_chain(void **state)
{
	struct db	*db = db_new(&cfg.db, false);
	long long	 before, after;
	char		 d1[32], d2[32], dr[40];

	(void)state;
	snprintf(d1, sizeof d1, "tdb-gap-1-%d", (int)getpid());
	snprintf(d2, sizeof d2, "tdb-gap-2-%d", (int)getpid());
	snprintf(dr, sizeof dr, "tdb-gap-rolled-back-%d", (int)getpid());
	assert_int_equal(audit_write1(db, &test_actor, "test.gap", "", "",
	    AUDIT_OK, d1), ERR_OK);
	before = audit_id_of(NULL, d1);
	assert_int_equal(db_begin(db), ERR_OK);
	assert_int_equal(audit_write(db, &test_actor, "test.gap", "", "",
	    AUDIT_OK, dr), ERR_OK);
	db_rollback(db);
	assert_int_equal(audit_write1(db, &test_actor, "test.gap", "", "",
	    AUDIT_OK, d2), ERR_OK);
	after = audit_id_of(NULL, d2);
	assert_int_equal(audit_id_of(NULL, dr), -1);
	assert_true(after >= before + 2);	/* the rolled-back id is gone */
	assert_int_equal(audit_verify(db, NULL), 0);
	assert_true(seal_seq_of(NULL, after) > 0);
	db_free(db);
}

/* A scratch database migrated to the current schema, and the owner's
 * handle on it (its own audit chain, to break at will). */
static struct db *
scratch_audit_db(char *name, size_t len, struct config *c)
{
	char q[256], msg[8192];

	snprintf(name, len, "%s_scratch", cfg.db.name);
	snprintf(q, sizeof q, "DROP DATABASE IF EXISTS `%s`", name);
	scratch_sql(NULL, q);
	snprintf(q, sizeof q, "CREATE DATABASE `%s` CHARACTER SET utf8mb4"
	    " COLLATE utf8mb4_unicode_ci", name);
	scratch_sql(NULL, q);
	if (migrate_db(name, cfg.schema, true, msg, sizeof msg) != ERR_OK)
		fail_msg("migrating %s: %s", name, msg);
	*c = cfg;
	c->db.name = name;
	return db_new(&c->db, true);
}

static void
scratch_drop(const char *name)
{
	char q[256];

	snprintf(q, sizeof q, "DROP DATABASE `%s`", name);
	scratch_sql(NULL, q);
}

/* Runs the printf-style statement on the scratch database. */
static void tamper(const char *name, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
static void
tamper(const char *name, const char *fmt, ...)
{
	char	q[1024];
	va_list	ap;

	va_start(ap, fmt);
	vsnprintf(q, sizeof q, fmt, ap);
	va_end(ap);
	scratch_sql(name, q);
}

/*
 * X-AUD (issue 19 item 2): what audit-verify finds in the new chain, each
 * kind of tampering on its own and undone before the next -- a sealed
 * row edited (with or without its stored hash recomputed), deleted,
 * swapped with another, the tail truncated (rows alone, or rows, seals
 * and all) -- each named by the first broken row; and what an unsealed
 * row is open to: an edit that leaves its stored hash is found once it is
 * sealed, an edit that recomputes it, or its deletion, is not.
 */
static void
x_aud_tampering_is_found_by_verify(void **state)
{
	char		 name[128], det[32];
	struct config	 c;
	struct db	*db;
	long long	 id[10], bad;

	(void)state;
	assert_non_null(db = scratch_audit_db(name, sizeof name, &c));
	for (int i = 0; i < 10; i++) {
		snprintf(det, sizeof det, "tdb-tamper-%d", i);
		assert_int_equal(audit_write1(db, &test_actor, "test.tamper", "x",
		    "1", AUDIT_OK, det), ERR_OK);
		id[i] = audit_id_of(name, det);
	}
	assert_int_equal(audit_seal(db, true, NULL), ERR_OK);
	assert_int_equal(sql_ll(name, "SELECT COUNT(*) FROM audit_seal"), 10);
	assert_int_equal(audit_verify(db, NULL), 0);
	scratch_sql(name, "CREATE TABLE keep SELECT * FROM audit_log");
	scratch_sql(name, "CREATE TABLE keep_seal SELECT * FROM audit_seal");
	scratch_sql(name, "CREATE TABLE keep_head SELECT * FROM audit_head");
#define RESTORE() do { \
	scratch_sql(name, "DELETE FROM audit_log"); \
	scratch_sql(name, "INSERT INTO audit_log SELECT * FROM keep"); \
	scratch_sql(name, "DELETE FROM audit_seal"); \
	scratch_sql(name, "INSERT INTO audit_seal SELECT * FROM keep_seal"); \
	scratch_sql(name, "DELETE FROM audit_head"); \
	scratch_sql(name, "INSERT INTO audit_head SELECT * FROM keep_head"); \
	assert_int_equal(audit_verify(db, NULL), 0); \
} while (0)

	/* edited */
	tamper(name, "UPDATE audit_log SET detail = 'edited' WHERE id = %lld", id[3]);
	assert_int_equal(audit_verify(db, NULL), id[3]);
	RESTORE();
	/* edited, its stored hash recomputed: the seal still has the old one */
	{
		char h[65];

		audit_row_hash("2026-01-01 00:00:00.000000", 0, "", "", "", "admin",
		    "test_db", "test-db-tx", "test.tamper", "x", "1", "ok", "forged", h);
		tamper(name, "UPDATE audit_log SET at = '2026-01-01',"
		    " detail = 'forged', hash = '%s' WHERE id = %lld", h, id[4]);
		assert_int_equal(audit_verify(db, NULL), id[4]);
		RESTORE();
	}
	/* deleted from the middle */
	tamper(name, "DELETE FROM audit_log WHERE id = %lld", id[5]);
	assert_int_equal(audit_verify(db, NULL), id[5]);
	RESTORE();
	/* deleted with its seal: the seqs skip at the next row */
	tamper(name, "DELETE FROM audit_log WHERE id = %lld", id[5]);
	tamper(name, "DELETE FROM audit_seal WHERE log_id = %lld", id[5]);
	assert_int_equal(audit_verify(db, NULL), id[6]);
	RESTORE();
	/* two rows swapped (their contents trade ids) */
	tamper(name, "UPDATE audit_log a JOIN keep b ON b.id = %lld + %lld - a.id"
	    " SET a.detail = b.detail, a.hash = b.hash WHERE a.id IN (%lld, %lld)",
	    id[2], id[7], id[2], id[7]);
	assert_int_equal(audit_id_of(name, "tdb-tamper-2"), id[7]);
	bad = audit_verify(db, NULL);
	assert_int_equal(bad, id[2]);
	RESTORE();
	/* truncated: the last three rows */
	tamper(name, "DELETE FROM audit_log WHERE id >= %lld", id[7]);
	assert_int_equal(audit_verify(db, NULL), id[7]);
	RESTORE();
	/* truncated: rows and seals, the head left: it names the last row */
	tamper(name, "DELETE FROM audit_log WHERE id >= %lld", id[7]);
	tamper(name, "DELETE FROM audit_seal WHERE log_id >= %lld", id[7]);
	assert_int_equal(audit_verify(db, NULL), id[9]);
	RESTORE();

	/* an unsealed row edited without its stored hash: sealed as it
	 * was stored, found */
	assert_int_equal(audit_write1(db, &test_actor, "test.tamper", "x", "1",
	    AUDIT_OK, "tdb-unsealed-1"), ERR_OK);
	id[0] = audit_id_of(name, "tdb-unsealed-1");
	assert_int_equal(seal_seq_of(name, id[0]), -1);
	tamper(name, "UPDATE audit_log SET detail = 'edited' WHERE id = %lld", id[0]);
	assert_int_equal(audit_verify(db, NULL), id[0]);
	tamper(name, "UPDATE audit_log SET detail = 'tdb-unsealed-1' WHERE id = %lld", id[0]);
	assert_int_equal(audit_verify(db, NULL), 0);
	/* an unsealed row rewritten whole (hash recomputed) is sealed as
	 * rewritten, and an unsealed row deleted is a gap: neither is found */
	assert_int_equal(audit_write1(db, &test_actor, "test.tamper", "x", "1",
	    AUDIT_OK, "tdb-unsealed-2"), ERR_OK);
	assert_int_equal(audit_write1(db, &test_actor, "test.tamper", "x", "1",
	    AUDIT_OK, "tdb-unsealed-3"), ERR_OK);
	{
		char h[65];

		audit_row_hash("2026-01-01 00:00:00.000000", 0, "", "", "", "admin",
		    "test_db", "test-db-tx", "test.tamper", "x", "1", "ok",
		    "rewritten", h);
		tamper(name, "UPDATE audit_log SET at = '2026-01-01',"
		    " detail = 'rewritten', hash = '%s' WHERE id = %lld", h,
		    audit_id_of(name, "tdb-unsealed-2"));
	}
	tamper(name, "DELETE FROM audit_log WHERE id = %lld",
	    audit_id_of(name, "tdb-unsealed-3"));
	assert_int_equal(audit_verify(db, NULL), 0);
	assert_true(seal_seq_of(name, audit_id_of(name, "rewritten")) > 0);
	/* once sealed, the same rewrite is found */
	tamper(name, "UPDATE audit_log SET detail = 'again' WHERE id = %lld",
	    audit_id_of(name, "rewritten"));
	assert_int_equal(audit_verify(db, NULL), audit_id_of(name, "again"));
#undef RESTORE
	db_free(db);
	scratch_drop(name);
}

/*
 * X-AUD (issue 19 item 2): what the chain does not stop and what does.
 * Database root rewrites a sealed row and recomputes its hash, every
 * later seal and the head: audit_verify alone finds nothing.  The tip the
 * sealer wrote to the workers' log before (seal SEQ, HASH) no longer
 * matches: audit_check_tip names the row that seal covers.
 */
static void
x_aud_rewritten_chain_is_found_by_a_copied_tip(void **state)
{
	char		 name[128], det[32], tip[65], h[65], prev[65], q[1024];
	struct config	 c;
	struct db	*db;
	MYSQL		*m;
	MYSQL_RES	*res;
	MYSQL_ROW	 row;
	long long	 id[5], last;

	(void)state;
	assert_non_null(db = scratch_audit_db(name, sizeof name, &c));
	for (int i = 0; i < 5; i++) {
		snprintf(det, sizeof det, "tdb-tip-%d", i);
		assert_int_equal(audit_write1(db, &test_actor, "test.tip", "", "",
		    AUDIT_OK, det), ERR_OK);
		id[i] = audit_id_of(name, det);
	}
	assert_int_equal(audit_verify(db, NULL), 0);
	last = sql_ll(name, "SELECT last_seq FROM audit_head");
	assert_int_equal(last, 5);
	m = mysql_init(NULL);
	if (mysql_real_connect(m, NULL, cfg.db.admin_user, cfg.db.admin_password,
	    name, 0, cfg.db.socket, 0) == NULL)
		fail_msg("connect: %s", mysql_error(m));
	assert_int_equal(mysql_query(m, "SELECT chain FROM audit_seal WHERE seq = 5"), 0);
	assert_non_null(res = mysql_store_result(m));
	assert_non_null(row = mysql_fetch_row(res));
	snprintf(tip, sizeof tip, "%s", row[0]);	/* the copy in the log */
	mysql_free_result(res);
	assert_int_equal(audit_check_tip(db, 5, tip), 0);

	/* root rewrites row 2 and everything after it, consistently */
	audit_row_hash("2026-01-01 00:00:00.000000", 0, "", "", "", "admin",
	    "test_db", "test-db-tx", "test.tip", "", "", "ok", "rewritten", h);
	tamper(name, "UPDATE audit_log SET at = '2026-01-01', detail = 'rewritten',"
	    " hash = '%s' WHERE id = %lld", h, id[2]);
	tamper(name, "UPDATE audit_seal SET row_hash = '%s' WHERE log_id = %lld",
	    h, id[2]);
	assert_int_equal(mysql_query(m, "SELECT prev_chain FROM audit_seal WHERE seq = 3"), 0);
	assert_non_null(res = mysql_store_result(m));
	assert_non_null(row = mysql_fetch_row(res));
	snprintf(prev, sizeof prev, "%s", row[0]);
	mysql_free_result(res);
	for (long long seq = 3; seq <= 5; seq++) {
		char rh[65], ch[65];
		long long lid;

		snprintf(q, sizeof q, "SELECT log_id, row_hash FROM audit_seal"
		    " WHERE seq = %lld", seq);
		assert_int_equal(mysql_query(m, q), 0);
		assert_non_null(res = mysql_store_result(m));
		assert_non_null(row = mysql_fetch_row(res));
		lid = atoll(row[0]);
		snprintf(rh, sizeof rh, "%s", row[1]);
		mysql_free_result(res);
		audit_chain_hash(prev, seq, lid, rh, ch);
		tamper(name, "UPDATE audit_seal SET prev_chain = '%s', chain = '%s'"
		    " WHERE seq = %lld", prev, ch, seq);
		memcpy(prev, ch, sizeof prev);
	}
	tamper(name, "UPDATE audit_head SET last_hash = '%s' WHERE id = %d", prev, 1);
	mysql_close(m);
	/* the chain in the database is consistent again ... */
	assert_int_equal(audit_verify(db, NULL), 0);
	/* ... but not with the tip copied out before */
	assert_int_equal(audit_check_tip(db, 5, tip), id[4]);
	db_free(db);
	scratch_drop(name);
}

/* X-AUD (issue 19 item 2): audit-purge takes a prefix of the seals and
 * their rows; the first seal left anchors the chain, which verifies. */
static void
x_aud_purge_keeps_the_sealed_chain_verifiable(void **state)
{
	char		 name[128], det[32], h[65];
	struct config	 c;
	struct db	*db;
	long long	 id[5], n = 0;

	(void)state;
	assert_non_null(db = scratch_audit_db(name, sizeof name, &c));
	for (int i = 0; i < 5; i++) {
		snprintf(det, sizeof det, "tdb-purge-%d", i);
		assert_int_equal(audit_write1(db, &test_actor, "test.purge", "", "",
		    AUDIT_OK, det), ERR_OK);
		id[i] = audit_id_of(name, det);
	}
	/* the first three made old before they are sealed (root could; the
	 * test needs rows older than 6 months) */
	for (int i = 0; i < 3; i++) {
		snprintf(det, sizeof det, "tdb-purge-%d", i);
		audit_row_hash("2020-01-01 00:00:00.000000", 0, "", "", "", "admin",
		    "test_db", "test-db-tx", "test.purge", "", "", "ok", det, h);
		tamper(name, "UPDATE audit_log SET at = '2020-01-01', hash = '%s'"
		    " WHERE id = %lld", h, id[i]);
	}
	assert_int_equal(audit_verify(db, NULL), 0);
	assert_int_equal(audit_purge(db, &test_actor, "2021-01-01", &n), ERR_OK);
	assert_int_equal(n, 3);
	assert_int_equal(sql_ll(name, "SELECT COUNT(*) FROM audit_log"), 3);
	assert_int_equal(sql_ll(name, "SELECT MIN(seq) FROM audit_seal"), 4);
	assert_int_equal(audit_verify(db, NULL), 0);
	/* the anchor row edited is still found */
	tamper(name, "UPDATE audit_log SET detail = 'x' WHERE id = %lld", id[3]);
	assert_int_equal(audit_verify(db, NULL), id[3]);
	db_free(db);
	scratch_drop(name);
}

/*
 * X-AUD (issue 19 item 2): an installation with rows of the old chain
 * (before 032) keeps them checked the old way, and the first seal hangs
 * on the old chain's tip: an edited old row is still found.
 */
static void
x_aud_old_chain_rows_stay_verified_after_032(void **state)
{
	char		 name[128], dir[] = "/tmp/duijie-schema-XXXXXX";
	char		 cmd[8192], msg[8192], q[1024], prev[65], h[65];
	struct config	 c;
	struct db	*db;

	(void)state;
	snprintf(name, sizeof name, "%s_scratch", cfg.db.name);
	snprintf(q, sizeof q, "DROP DATABASE IF EXISTS `%s`", name);
	scratch_sql(NULL, q);
	snprintf(q, sizeof q, "CREATE DATABASE `%s` CHARACTER SET utf8mb4"
	    " COLLATE utf8mb4_unicode_ci", name);
	scratch_sql(NULL, q);
	assert_non_null(mkdtemp(dir));
	snprintf(cmd, sizeof cmd, "cp %s/*.sql %s/ && rm %s/032_*.sql %s/grants.sql",
	    cfg.schema, dir, dir, dir);
	assert_int_equal(system(cmd), 0);
	if (migrate_db(name, dir, true, msg, sizeof msg) != ERR_OK)
		fail_msg("migrating without 032: %s", msg);
	/* three rows the way the old audit_write chained them */
	snprintf(prev, sizeof prev, "%s",
	    "0000000000000000000000000000000000000000000000000000000000000000");
	for (int i = 1; i <= 3; i++) {
		char det[16];

		snprintf(det, sizeof det, "old-%d", i);
		audit_hash(prev, i, "2026-01-01 00:00:00.000000", 0, "", "", "",
		    "admin", "", "", "test.old", "", "", "ok", det, h);
		snprintf(q, sizeof q, "INSERT INTO audit_log (id, at, portal, action,"
		    " outcome, detail, prev_hash, hash) VALUES (%d, '2026-01-01',"
		    " 'admin', 'test.old', 'ok', '%s', '%s', '%s')", i, det, prev, h);
		scratch_sql(name, q);
		memcpy(prev, h, sizeof prev);
	}
	snprintf(q, sizeof q, "UPDATE audit_head SET last_id = 3, last_hash = '%s'",
	    prev);
	scratch_sql(name, q);
	if (migrate_db(name, cfg.schema, true, msg, sizeof msg) != ERR_OK)
		fail_msg("migrating to 032: %s", msg);
	assert_int_equal(sql_ll(name, "SELECT legacy_id FROM audit_head"), 3);
	c = cfg;
	c.db.name = name;
	assert_non_null(db = db_new(&c.db, true));
	assert_int_equal(audit_write1(db, &test_actor, "test.new", "", "",
	    AUDIT_OK, "new-1"), ERR_OK);
	assert_int_equal(audit_id_of(name, "new-1"), 4);
	assert_int_equal(audit_verify(db, NULL), 0);
	snprintf(q, sizeof q, "SELECT COUNT(*) FROM audit_seal WHERE seq = 1"
	    " AND log_id = 4 AND prev_chain = '%s'", prev);
	assert_int_equal(sql_ll(name, q), 1);
	scratch_sql(name, "UPDATE audit_log SET detail = 'x' WHERE id = 2");
	assert_int_equal(audit_verify(db, NULL), 2);
	scratch_sql(name, "UPDATE audit_log SET detail = 'old-2' WHERE id = 2");
	assert_int_equal(audit_verify(db, NULL), 0);
	/* the old chain's last row deleted */
	scratch_sql(name, "DELETE FROM audit_log WHERE id = 3");
	assert_int_equal(audit_verify(db, NULL), 2);
	db_free(db);
	scratch_drop(name);
	snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
	(void)!system(cmd);
}

/* A query's single number, as the schema owner. */
static long long
raw_count(const char *q)
{
	MYSQL		*m = raw(true);
	MYSQL_RES	*res;
	MYSQL_ROW	 row;
	long long	 n;

	if (mysql_query(m, q) != 0)
		fail_msg("%s: %s", q, mysql_error(m));
	assert_non_null(res = mysql_store_result(m));
	assert_non_null(row = mysql_fetch_row(res));
	n = row[0] != NULL ? atoll(row[0]) : -1;
	mysql_free_result(res);
	mysql_close(m);
	return n;
}

static void
raw_exec(const char *q)
{
	MYSQL *m = raw(true);

	if (mysql_query(m, q) != 0)
		fail_msg("%s: %s", q, mysql_error(m));
	mysql_close(m);
}

#define INBOX_ORG	990001	/* an enterprise id no other test uses */

/* Three users of one enterprise: one with a sealed mobile, one without,
 * one revoked.  Returns the first's id; ids[] gets all three. */
static long long
inbox_users(long long ids[3])
{
	struct arena	*a = arena_new(1024);
	const char	*mob = seal_text(a, cfg.data_key, "users.mobile", "13912345678");
	char		 q[2048];

	assert_non_null(mob);
	raw_exec("DELETE FROM users WHERE username LIKE 'tdb-inbox-%'");
	for (int i = 0; i < 3; i++) {
		snprintf(q, sizeof q, "INSERT INTO users (username, role, region_code,"
		    " org_kind, org_id, real_name, contact_enc, mobile_enc, status, pw_hash)"
		    " VALUES ('tdb-inbox-%d', 'enterprise', '440100', 'enterprise', %d,"
		    " '测试', '', %s%s%s, '%s', 'x')", i, INBOX_ORG,
		    i == 0 ? "'" : "", i == 0 ? mob : "NULL", i == 0 ? "'" : "",
		    i == 2 ? "revoked" : "active");
		raw_exec(q);
		snprintf(q, sizeof q, "SELECT id FROM users WHERE username = 'tdb-inbox-%d'", i);
		ids[i] = raw_count(q);
	}
	arena_free(a);
	return ids[0];
}

static long long
inbox_rows(long long uid, const char *where)
{
	char q[512];

	snprintf(q, sizeof q, "SELECT COUNT(*) FROM inbox WHERE user_id = %lld%s%s",
	    uid, *where ? " AND " : "", where);
	return raw_count(q);
}

/*
 * R-08.2d, X-AUD: a notice is part of its event's transaction -- rolled
 * back with it (and then its SMS never goes), committed with it; an
 * enterprise's notices go to its users that are not revoked; the SMS
 * goes after the commit to the sealed mobile, a user without one is
 * recorded 'failed'; marking read is the recipient's alone and audited.
 */
static void
r_08_2d_inbox_notice_commits_with_its_event(void **state)
{
	struct db		*db = db_new(&cfg.db, false);
	struct inbox_note	 note = { "test.event", "测试通知", "正文", "/inbox", true };
	char			 outbox[] = "/tmp/duijie-tdb-outbox-XXXXXX";
	struct sms_sender	 sender = { SMS_SENDER_FILE, outbox, 5 };
	struct audit_actor	 act = test_actor;
	long long		 ids[3], a_id, n;
	size_t			 count;
	char			 buf[1024] = "";
	int			 fd;

	(void)state;
	inbox_sms_forget();
	a_id = inbox_users(ids);
	assert_true((fd = mkstemp(outbox)) >= 0);
	close(fd);

	/* rolled back with the event: no row, and no SMS */
	assert_int_equal(db_begin(db), ERR_OK);
	assert_int_equal(inbox_add(db, a_id, &note, NULL), ERR_OK);
	db_rollback(db);
	assert_int_equal(inbox_rows(a_id, ""), 0);
	assert_int_equal(inbox_sms_deliver(db, &sender, cfg.data_key), 1);
	{
		struct stat st;

		assert_int_equal(stat(outbox, &st), 0);
		assert_int_equal(st.st_size, 0);
	}

	/* a bad note writes nothing */
	note.link = "//evil.example/";
	assert_int_equal(inbox_add(db, a_id, &note, NULL), ERR_INVAL);
	note.link = "/inbox";

	/* committed with the event: the organisation's two live users */
	assert_int_equal(db_begin(db), ERR_OK);
	assert_int_equal(inbox_add_org(db, "enterprise", INBOX_ORG, &note, &count), ERR_OK);
	assert_int_equal(db_commit(db), ERR_OK);
	assert_int_equal(count, 2);
	assert_int_equal(inbox_rows(ids[0], "sms = 'pending'"), 1);
	assert_int_equal(inbox_rows(ids[1], "sms = 'pending'"), 1);
	assert_int_equal(inbox_rows(ids[2], ""), 0);
	assert_int_equal(inbox_unread(db, a_id, &n), ERR_OK);
	assert_int_equal(n, 1);

	/* the SMS after the commit: the sealed mobile gets the title */
	assert_int_equal(inbox_sms_deliver(db, &sender, cfg.data_key), 2);
	assert_int_equal(inbox_rows(ids[0], "sms = 'sent'"), 1);
	assert_int_equal(inbox_rows(ids[1], "sms = 'failed' AND sms_error = 'no mobile number on record'"), 1);
	assert_true((fd = open(outbox, O_RDONLY)) >= 0);
	assert_true(read(fd, buf, sizeof buf - 1) > 0);
	close(fd);
	assert_non_null(strstr(buf, " 13912345678 "));
	assert_non_null(strstr(buf, "您有一条新消息：测试通知"));
	assert_null(strstr(buf, "正文"));
	/* delivered once: the queue is empty now */
	assert_int_equal(inbox_sms_deliver(db, &sender, cfg.data_key), 0);

	/* read: the recipient's alone */
	{
		struct inbox_list	 l;
		struct arena		*a = arena_new(1024);
		long long		 nid;

		assert_int_equal(inbox_list(db, a, a_id, 0, 20, &l), ERR_OK);
		assert_int_equal(l.n, 1);
		assert_int_equal(l.total, 1);
		assert_null(l.v[0].read_at);
		assert_string_equal(l.v[0].title, "测试通知");
		nid = l.v[0].id;
		act.user_id = ids[1];
		assert_int_equal(inbox_mark_read(db, &act, nid), ERR_NOTFOUND);
		assert_int_equal(inbox_rows(a_id, "read_at IS NULL"), 1);
		act.user_id = a_id;
		n = audit_rows("inbox.read");
		assert_int_equal(inbox_mark_read(db, &act, nid), ERR_OK);
		assert_int_equal(inbox_rows(a_id, "read_at IS NULL"), 0);
		assert_int_equal(audit_rows("inbox.read"), n + 1);
		act.user_id = ids[1];
		assert_int_equal(inbox_mark_all_read(db, &act, &count), ERR_OK);
		assert_int_equal(count, 1);
		assert_int_equal(inbox_unread(db, ids[1], &n), ERR_OK);
		assert_int_equal(n, 0);
		arena_free(a);
	}
	raw_exec("DELETE FROM users WHERE username LIKE 'tdb-inbox-%'");
	unlink(outbox);
	db_free(db);
}

/* The owner decides who reads its files (files_read's check). */
static enum err
only_owner_7(void *ctx, const char *kind, long long id)
{
	(*(int *)ctx)++;
	return strcmp(kind, "test_owner") == 0 && id == 7 ? ERR_OK : ERR_NOTFOUND;
}

struct file_tx {
	struct files_in	*in;
	long long	 owner, id;
	enum err	 ret;
};

static enum err
file_tx_fn(struct db *db, struct arena *scratch, void *ctx)
{
	struct file_tx	*t = ctx;
	enum err	 rc;

	(void)scratch;
	if ((rc = files_insert(db, "test_owner", t->owner, 0, t->in, &t->id)) != ERR_OK)
		return rc;
	return t->ret;
}

/*
 * X-SEC: an attachment's row is written in its owner's transaction (a
 * failed one leaves no row, and files_discard its file); it is read by
 * id only through the owner's check -- a refusal looks like no file --
 * with its sniffed type, and a stored file altered in size is an error,
 * never served.
 */
static void
x_sec_files_scoped_by_their_owner(void **state)
{
	struct db		*db = db_new(&cfg.db, false);
	struct arena		*a = arena_new(4096);
	char			 dir[] = "/tmp/duijie-tdb-files-XXXXXX", tmp[] = "/tmp/duijie-tdb-up-XXXXXX";
	char			 path[4200];
	static const char	 png[] = "\x89PNG\r\n\x1a\n\0\0\0\rIHDR-test";
	struct upload		 up = { "图.png", "image/png", -1, sizeof png - 1 };
	struct files_in		 in;
	struct files_row	 row;
	struct file_tx		 t = { &in, 7, 0, ERR_CONFLICT };
	const unsigned char	*data;
	int			 asked = 0;

	(void)state;
	assert_non_null(mkdtemp(dir));
	assert_true((up.fd = mkstemp(tmp)) >= 0);
	unlink(tmp);
	assert_int_equal(write(up.fd, png, sizeof png - 1), (ssize_t)(sizeof png - 1));
	assert_null(files_accept(a, &up, FILES_MAX_DEFAULT, &in));

	/* the owner's transaction fails: no row, the file discarded */
	assert_int_equal(files_save(dir, &in), ERR_OK);
	assert_int_equal(db_tx(db, 0, file_tx_fn, &t), ERR_CONFLICT);
	assert_int_equal(raw_count("SELECT COUNT(*) FROM files WHERE owner_kind = 'test_owner'"), 0);
	files_discard(dir, &in);
	snprintf(path, sizeof path, "%s/%s", dir, in.name);
	assert_int_equal(access(path, F_OK), -1);

	/* it commits: the row and the file */
	assert_int_equal(files_save(dir, &in), ERR_OK);
	t.ret = ERR_OK;
	assert_int_equal(db_tx(db, 0, file_tx_fn, &t), ERR_OK);
	assert_true(t.id > 0);
	assert_int_equal(files_read(db, a, dir, t.id, only_owner_7, &asked, &row, &data), ERR_OK);
	assert_int_equal(asked, 1);
	assert_int_equal(row.type, FILES_PNG);
	assert_int_equal(row.size, (long long)(sizeof png - 1));
	assert_string_equal(row.sha256, in.sha256);
	assert_string_equal(row.filename, "图.png");
	assert_memory_equal(data, png, sizeof png - 1);
	{
		struct files_row	*v;
		size_t			 n;

		assert_int_equal(files_list(db, a, "test_owner", 7, &v, &n), ERR_OK);
		assert_int_equal(n, 1);
		assert_int_equal(v[0].id, t.id);
	}

	/* another owner's check refuses: the same answer as no file */
	t.owner = 8;
	assert_null(files_accept(a, &up, FILES_MAX_DEFAULT, &in));
	assert_int_equal(files_save(dir, &in), ERR_OK);
	assert_int_equal(db_tx(db, 0, file_tx_fn, &t), ERR_OK);
	assert_int_equal(files_read(db, a, dir, t.id, only_owner_7, &asked, &row, &data), ERR_NOTFOUND);
	assert_null(data);
	assert_int_equal(files_read(db, a, dir, 999999999, only_owner_7, &asked, &row, &data), ERR_NOTFOUND);

	/* altered on disk: refused */
	{
		long long first = raw_count("SELECT MIN(id) FROM files WHERE owner_kind = 'test_owner'");
		int fd;

		assert_int_equal(files_read(db, a, dir, first, only_owner_7, &asked, &row, &data), ERR_OK);
		snprintf(path, sizeof path, "%s/%s", dir, row.storage_name);
		assert_true((fd = open(path, O_WRONLY | O_APPEND)) >= 0);
		assert_int_equal(write(fd, "x", 1), 1);
		close(fd);
		assert_int_equal(files_read(db, a, dir, first, only_owner_7, &asked, &row, &data), ERR_IO);
		unlink(path);
		assert_int_equal(files_read(db, a, dir, first, only_owner_7, &asked, &row, &data), ERR_IO);
	}
	raw_exec("DELETE FROM files WHERE owner_kind = 'test_owner'");
	files_discard(dir, &in);
	assert_int_equal(rmdir(dir), 0);
	close(up.fd);
	arena_free(a);
	db_free(db);
}

/*
 * Issue 14 (R-02.2, R-08.2a): an FI's loan_search along indexes
 * (lib/finance/loan.c search_fi, schema/036) returns exactly what the
 * scope predicate it replaced returns (LOAN_OLD_SCOPE, copied here from
 * the CASE's 'fi' branch) on a mixed set: applications addressed to each
 * of three FIs, open ones in Guangzhou and Foshan, drafts, taken up and
 * closed ones; an FI whose product serves Foshan too; a Foshan bank; an
 * FI serving more regions than the index path takes (the CASE path).  An
 * FI never sees another FI's addressed application, a Foshan bank never a
 * Guangzhou-only one; the count stops at LOAN_COUNT_CAP.
 */
#define LOAN_OLD_SCOPE(fi, region) \
	"SELECT l.id FROM loans l WHERE l.status <> 'draft' AND (l.fi_id = " fi \
	" OR (l.fi_id IS NULL AND l.status = 'published' AND (l.region_code = '" region "'" \
	" OR EXISTS (SELECT 1 FROM products sp JOIN product_regions spr" \
	" ON spr.product_id = sp.id WHERE sp.fi_id = " fi " AND sp.status = 'published'" \
	" AND spr.region_code = l.region_code))))"

/* The ids of `q` (newest first) into v, their number. */
static size_t
sql_ids(MYSQL *m, const char *q, long long *v, size_t max)
{
	MYSQL_RES	*res;
	MYSQL_ROW	 row;
	size_t		 n = 0;

	if (mysql_query(m, q) != 0)
		fail_msg("%s: %s", q, mysql_error(m));
	if ((res = mysql_store_result(m)) == NULL)
		fail_msg("%s: %s", q, mysql_error(m));
	while ((row = mysql_fetch_row(res)) != NULL)
		if (n < max)
			v[n++] = strtoll(row[0], NULL, 10);
	mysql_free_result(res);
	return n;
}

/* Every page of loan_search(sc, status) equals the rows of `old` (a
 * statement of loan ids); the total is capped at `cap` (0: none). */
static void
loan_scope_same_as(struct db *db, MYSQL *m, const struct scope *sc, int status,
    const char *old, long long cap)
{
	static long long	 want[4000];
	struct arena		*a = arena_new(1 << 16);
	struct loan_list	 l;
	char			 q[2048];
	size_t			 nw, got = 0;

	snprintf(q, sizeof q, "SELECT id FROM (%s"
	    ") t WHERE ('%s' = '' OR id IN (SELECT id FROM loans WHERE status = '%s'))"
	    " ORDER BY id DESC", old,
	    status >= 0 ? loan_status_name(status) : "",
	    status >= 0 ? loan_status_name(status) : "");
	nw = sql_ids(m, q, want, 4000);
	assert_true(nw < 4000);
	for (size_t page = 0;; page++) {
		assert_int_equal(loan_search(db, a, sc, status, page, 7, &l), ERR_OK);
		if (page == 0)
			assert_int_equal(l.total, cap > 0 && (long long)nw > cap ?
			    cap : (long long)nw);
		for (size_t i = 0; i < l.n; i++, got++) {
			assert_true(got < nw);
			assert_int_equal(l.v[i].id, want[got]);
		}
		if (l.n < 7 || got == nw)
			break;
	}
	assert_int_equal(got, nw);
	arena_free(a);
}

/* ... for an FI: the CASE's 'fi' branch, the count capped */
static void
loan_scope_same(struct db *db, MYSQL *m, const struct scope *sc, int status)
{
	char old[1024];

	snprintf(old, sizeof old, LOAN_OLD_SCOPE("%lld", "%s"), sc->org_id,
	    sc->region, sc->org_id);
	loan_scope_same_as(db, m, sc, status, old, LOAN_COUNT_CAP);
}

static long long
tdb_id(MYSQL *m, const char *table, const char *name)
{
	char q[256];

	snprintf(q, sizeof q, "SELECT id FROM %s WHERE name = '%s'", table, name);
	return sql_int(m, q);
}

/* R-08.2e: one open objection per record, whatever two filings do (the
 * unique open_key), and the objection only in its scopes: the enterprise
 * its own, the source agency, the enterprise's region's offices; the
 * steps by the answering organisation only. */
static void
r_08_2e_objection_one_open_and_scoped(void **state)
{
	struct db		*db = db_new(&cfg.db, false);
	struct arena		*a = arena_new(1 << 14);
	MYSQL			*m = raw(true);
	struct audit_actor	 act = { 0, "enterprise", "", "440100", "internet", "127.0.0.9", "tdb" };
	struct scope		 s;
	struct objection	 o;
	struct obj_filing	 f;
	struct obj_step_in	 in = { "", NULL, NULL, NULL };
	struct credit_record_list l;
	enum obj_refusal	 why;
	long long		 ea, eb, ga, gb, uid, cat, batch, rec, id = 0, id2 = 0;
	char			 q[2048], today[16];

	(void)state;
	beijing_date(today, sizeof today);
	in.today = today;
	raw_exec("DELETE ev FROM objection_events ev JOIN objections o ON o.id = ev.objection_id"
	    " JOIN enterprises e ON e.id = o.enterprise_id WHERE e.name LIKE 'tdb-obj-%'");
	raw_exec("DELETE o FROM objections o JOIN enterprises e ON e.id = o.enterprise_id"
	    " WHERE e.name LIKE 'tdb-obj-%'");
	raw_exec("DELETE cr FROM credit_records cr JOIN enterprises e ON e.id = cr.enterprise_id"
	    " WHERE e.name LIKE 'tdb-obj-%'");
	raw_exec("DELETE b FROM credit_batches b JOIN agencies g ON g.id = b.agency_id"
	    " WHERE g.name LIKE 'tdb-obj-%'");
	raw_exec("DELETE i FROM inbox i JOIN users u ON u.id = i.user_id"
	    " WHERE u.username = 'tdb-obj-user'");
	raw_exec("DELETE FROM users WHERE username = 'tdb-obj-user'");
	raw_exec("DELETE FROM agencies WHERE name LIKE 'tdb-obj-%'");
	raw_exec("DELETE FROM enterprises WHERE name LIKE 'tdb-obj-%'");
	raw_exec("INSERT INTO enterprises (uscc, name, region_code) VALUES"
	    " ('91440100TDBOBJ01XX', 'tdb-obj-a', '440100'),"
	    " ('91440600TDBOBJ02XX', 'tdb-obj-b', '440600')");
	raw_exec("INSERT INTO agencies (name, region_code) VALUES"
	    " ('tdb-obj-ga', '440100'), ('tdb-obj-gb', '440100')");
	ea = tdb_id(m, "enterprises", "tdb-obj-a");
	eb = tdb_id(m, "enterprises", "tdb-obj-b");
	ga = tdb_id(m, "agencies", "tdb-obj-ga");
	gb = tdb_id(m, "agencies", "tdb-obj-gb");
	/* the filer: a user of the enterprise (audit rows in its name, not
	 * another test's) */
	snprintf(q, sizeof q, "INSERT INTO users (username, role, region_code, org_kind,"
	    " org_id, real_name, pw_hash, must_change_pw) SELECT 'tdb-obj-user', 'enterprise',"
	    " '440100', 'enterprise', %lld, 'tdb', pw_hash, 0 FROM users ORDER BY id LIMIT 1", ea);
	raw_exec(q);
	uid = sql_int(m, "SELECT id FROM users WHERE username = 'tdb-obj-user'");
	cat = sql_int(m, "SELECT MIN(id) FROM credit_categories");
	snprintf(q, sizeof q, "INSERT INTO credit_batches (agency_id, region_code, category_id,"
	    " encoding, status, uploaded_by) VALUES (%lld, '440100', %lld, 'utf-8', 'confirmed', %lld)",
	    ga, cat, uid);
	raw_exec(q);
	batch = sql_int(m, "SELECT MAX(id) FROM credit_batches");
	snprintf(q, sizeof q, "INSERT INTO credit_records (enterprise_id, category_id, agency_id,"
	    " batch_id, decision_date, content, row_hash) VALUES (%lld, %lld, %lld, %lld,"
	    " '2026-01-01', '{}', UNHEX(SHA2('tdb-obj', 256)))", ea, cat, ga, batch);
	raw_exec(q);
	rec = sql_int(m, "SELECT MAX(id) FROM credit_records");
	act.user_id = uid;

	memset(&f, 0, sizeof f);
	f.enterprise_id = ea;
	f.subject = OSUB_RECORD;
	f.record_id = rec;
	f.kind = OKIND_WRONG;
	f.should_say = "应为 x";
	f.reason = "y";
	f.committed = false;
	assert_int_equal(objection_file(db, &act, &f, today, &id), ERR_INVAL);
	f.committed = true;
	/* another enterprise's record: none of its own */
	f.enterprise_id = eb;
	assert_int_equal(objection_file(db, &act, &f, today, &id), ERR_NOTFOUND);
	f.enterprise_id = ea;
	assert_int_equal(objection_file(db, &act, &f, today, &id), ERR_OK);
	assert_true(id > 0);
	assert_int_equal(objection_file(db, &act, &f, today, &id2), ERR_CONFLICT);
	/* a second open row is refused by the schema itself */
	snprintf(q, sizeof q, "INSERT INTO objections (enterprise_id, region_code, subject,"
	    " record_id, kind, should_say, reason, committed, handler, filed_by, accept_by,"
	    " due_date) SELECT enterprise_id, region_code, subject, record_id, kind, should_say,"
	    " reason, 1, handler, filed_by, accept_by, due_date FROM objections WHERE id = %lld", id);
	assert_int_not_equal(mysql_query(m, q), 0);
	assert_int_equal(mysql_errno(m), 1062);
	/* the record is marked at once */
	assert_int_equal(credit_records(db, a, ea, today, 10, &l), ERR_OK);
	assert_int_equal(l.n, 1);
	assert_int_equal(l.v[0].objection_id, id);

	/* the scopes */
	memset(&s, 0, sizeof s);
	s.kind = SCOPE_USER;
	s.role = ROLE_ENTERPRISE;
	snprintf(s.region, sizeof s.region, "440100");
	s.org_kind = "enterprise";
	s.org_id = ea;
	assert_int_equal(objection_get(db, a, &s, id, &o), ERR_OK);
	assert_int_equal(o.agency_id, ga);
	assert_int_equal(o.batch_id, batch);
	s.org_id = eb;
	assert_int_equal(objection_get(db, a, &s, id, &o), ERR_NOTFOUND);
	s.role = ROLE_GOV;
	s.org_kind = "agency";
	s.org_id = ga;
	assert_int_equal(objection_get(db, a, &s, id, &o), ERR_OK);
	s.org_id = gb;
	assert_int_equal(objection_get(db, a, &s, id, &o), ERR_NOTFOUND);
	/* another agency's step: not found, as for none */
	assert_int_equal(objection_step(db, &act, &s, id, 0, OA_ACCEPT, &in, &why), ERR_NOTFOUND);
	s.role = ROLE_OPERATOR;
	s.org_kind = "office";
	s.org_id = 1;
	snprintf(s.region, sizeof s.region, "440600");
	assert_int_equal(objection_get(db, a, &s, id, &o), ERR_NOTFOUND);
	snprintf(s.region, sizeof s.region, "440000");
	assert_int_equal(objection_get(db, a, &s, id, &o), ERR_OK);
	snprintf(s.region, sizeof s.region, "440100");
	assert_int_equal(objection_get(db, a, &s, id, &o), ERR_OK);
	/* the region's operator while the agency answers: refused */
	assert_int_equal(objection_step(db, &act, &s, id, 0, OA_ACCEPT, &in, &why), ERR_FORBIDDEN);
	assert_int_equal(why, OREF_NOT_HANDLER);
	s.role = ROLE_GOV;
	s.org_kind = "agency";
	s.org_id = ga;
	assert_int_equal(objection_step(db, &act, &s, id, 1, OA_ACCEPT, &in, &why), ERR_CONFLICT);
	assert_int_equal(objection_step(db, &act, &s, id, 0, OA_CHECK, &in, &why), ERR_CONFLICT);
	assert_int_equal(why, OREF_STATE);
	assert_int_equal(objection_step(db, &act, &s, id, 0, OA_ACCEPT, &in, &why), ERR_OK);
	in.note = "";
	assert_int_equal(objection_step(db, &act, &s, id, 1, OA_CHECK, &in, &why), ERR_INVAL);
	assert_int_equal(why, OREF_INPUT);
	in.note = "核查";
	assert_int_equal(objection_step(db, &act, &s, id, 1, OA_CHECK, &in, &why), ERR_OK);
	assert_int_equal(objection_step(db, &act, &s, id, 2, OA_KEEP, &in, &why), ERR_OK);
	assert_int_equal(objection_get(db, a, &s, id, &o), ERR_OK);
	assert_int_equal(o.status, OST_KEPT);
	assert_true(strncmp(o.reply_no, "GDYY-", 5) == 0);
	/* kept: the mark is gone, and the record may be disputed again */
	assert_int_equal(credit_records(db, a, ea, today, 10, &l), ERR_OK);
	assert_int_equal(l.v[0].objection_id, 0);
	assert_int_equal(objection_file(db, &act, &f, today, &id2), ERR_OK);
	/* each step audited in its transaction, the refusal as denied */
	snprintf(q, sizeof q, "SELECT COUNT(*) FROM audit_log WHERE object_type = 'objection'"
	    " AND object_id = '%lld' AND outcome = 'ok'", id);
	assert_int_equal(raw_count(q), 4);
	snprintf(q, sizeof q, "SELECT COUNT(*) FROM audit_log WHERE object_type = 'objection'"
	    " AND object_id = '%lld' AND outcome = 'denied'", id);
	assert_int_equal(raw_count(q), 1);

	mysql_close(m);
	arena_free(a);
	db_free(db);
}

static void
r_02_2_fi_loan_search_keeps_the_old_scope(void **state)
{
	struct db	*db = db_new(&cfg.db, false);
	struct arena	*a = arena_new(1 << 16);
	MYSQL		*m = raw(true);
	struct scope	 fa, fb, fc, fd, fe;
	struct loan_list l;
	long long	 ea, eb, fia, fib, fic, fid, fie, uid;
	char		 q[4096];

	(void)state;
	raw_exec("DELETE l FROM loans l JOIN enterprises e ON e.id = l.enterprise_id"
	    " WHERE e.name LIKE 'tdb-loan-%'");
	raw_exec("DELETE pr FROM product_regions pr JOIN products p ON p.id = pr.product_id"
	    " JOIN fis f ON f.id = p.fi_id WHERE f.name LIKE 'tdb-loan-%'");
	raw_exec("DELETE p FROM products p JOIN fis f ON f.id = p.fi_id WHERE f.name LIKE 'tdb-loan-%'");
	raw_exec("DELETE FROM fis WHERE name LIKE 'tdb-loan-%'");
	raw_exec("DELETE FROM enterprises WHERE name LIKE 'tdb-loan-%'");
	raw_exec("INSERT INTO enterprises (uscc, name, region_code) VALUES"
	    " ('91440100TDBLOAN01X', 'tdb-loan-gz', '440100'),"
	    " ('91440600TDBLOAN02X', 'tdb-loan-fs', '440600')");
	raw_exec("INSERT INTO fis (name, kind, region_code) VALUES"
	    " ('tdb-loan-a', 'bank', '440100'), ('tdb-loan-b', 'bank', '440100'),"
	    " ('tdb-loan-c', 'bank', '440600'), ('tdb-loan-d', 'bank', '440300'),"
	    " ('tdb-loan-e', 'bank', '440200')");
	ea = tdb_id(m, "enterprises", "tdb-loan-gz");
	eb = tdb_id(m, "enterprises", "tdb-loan-fs");
	fia = tdb_id(m, "fis", "tdb-loan-a");
	fib = tdb_id(m, "fis", "tdb-loan-b");
	fic = tdb_id(m, "fis", "tdb-loan-c");
	fid = tdb_id(m, "fis", "tdb-loan-d");
	fie = tdb_id(m, "fis", "tdb-loan-e");
	uid = sql_int(m, "SELECT id FROM users ORDER BY id LIMIT 1");
	/* a's published product serves Guangzhou and Foshan, its draft
	 * Shenzhen (not served); d's serves every city (the CASE path) */
	snprintf(q, sizeof q, "INSERT INTO products (fi_id, region_code, name, kind,"
	    " amount_min_wan, amount_max_wan, term_min_months, term_max_months,"
	    " rate_min_bp, rate_max_bp, requirements, materials, status) VALUES"
	    " (%lld, '440100', 'tdb-loan-pa', 'credit', 1, 100, 1, 12, 400, 500, '', '', 'published'),"
	    " (%lld, '440100', 'tdb-loan-pa2', 'credit', 1, 100, 1, 12, 400, 500, '', '', 'draft'),"
	    " (%lld, '440300', 'tdb-loan-pd', 'credit', 1, 100, 1, 12, 400, 500, '', '', 'published')",
	    fia, fia, fid);
	raw_exec(q);
	snprintf(q, sizeof q, "INSERT INTO product_regions (product_id, region_code)"
	    " SELECT p.id, r.code FROM products p JOIN regions r"
	    " ON (p.name = 'tdb-loan-pa' AND r.code IN ('440100', '440600'))"
	    " OR (p.name = 'tdb-loan-pa2' AND r.code = '440300')"
	    " OR (p.name = 'tdb-loan-pd' AND r.code LIKE '44__00' AND r.code <> '440000')"
	    " WHERE p.fi_id IN (%lld, %lld)", fia, fid);
	raw_exec(q);
	/* every status x addressed to a, b, c, d / open, in both cities */
	snprintf(q, sizeof q, "INSERT INTO loans (enterprise_id, region_code, fi_id,"
	    " created_by, amount_wan, term_months, purpose, status)"
	    " SELECT IF(e.k = 0, %lld, %lld), IF(e.k = 0, '440100', '440600'),"
	    " ELT(1 + f.k, NULL, %lld, %lld, %lld, %lld), %lld, 10, 12, 'tdb', st.s"
	    " FROM (SELECT seq AS k FROM seq_0_to_1) e"
	    " JOIN (SELECT seq AS k FROM seq_0_to_4) f"
	    " JOIN (SELECT ELT(seq, 'draft', 'published', 'taken', 'approved', 'declined',"
	    "  'disbursed', 'not_taken', 'withdrawn', 'expired') AS s FROM seq_1_to_9) st"
	    " JOIN seq_1_to_3 rep", ea, eb, fia, fib, fic, fid, uid);
	raw_exec(q);
	/* e: more than the count's cap, addressed (taken) */
	snprintf(q, sizeof q, "INSERT INTO loans (enterprise_id, region_code, fi_id,"
	    " created_by, amount_wan, term_months, purpose, status)"
	    " SELECT %lld, '440100', %lld, %lld, 10, 12, 'tdb', 'taken'"
	    " FROM seq_1_to_%d", ea, fie, uid, LOAN_COUNT_CAP + 5);
	raw_exec(q);

	scope_as(&fa, ROLE_FI, "440100", "fi", fia);
	scope_as(&fb, ROLE_FI, "440100", "fi", fib);
	scope_as(&fc, ROLE_FI, "440600", "fi", fic);
	scope_as(&fd, ROLE_FI, "440300", "fi", fid);
	scope_as(&fe, ROLE_FI, "440200", "fi", fie);
	for (int st = -1; st < LS__MAX; st++) {
		loan_scope_same(db, m, &fa, st);
		loan_scope_same(db, m, &fb, st);
		loan_scope_same(db, m, &fc, st);
		loan_scope_same(db, m, &fd, st);
	}
	loan_scope_same(db, m, &fe, -1);
	/* the enterprise's, a city's and the province's lists without the
	 * CASE (loan.c direct_of): each mode's branch, every status */
	{
		struct scope	 ega, efb, ogz, ofs, opv;
		char		 oe[256], of[256];

		scope_as(&ega, ROLE_ENTERPRISE, "440100", "enterprise", ea);
		scope_as(&efb, ROLE_ENTERPRISE, "440600", "enterprise", eb);
		scope_as(&ogz, ROLE_OPERATOR, "440100", "office", 1);
		scope_as(&ofs, ROLE_SUPERVISOR, "440600", "office", 2);
		scope_as(&opv, ROLE_OPERATOR, "440000", "office", 3);
		for (int st = -1; st < LS__MAX; st++) {
			snprintf(oe, sizeof oe, "SELECT id FROM loans WHERE enterprise_id = %lld", ea);
			loan_scope_same_as(db, m, &ega, st, oe, 0);
			snprintf(of, sizeof of, "SELECT id FROM loans WHERE enterprise_id = %lld", eb);
			loan_scope_same_as(db, m, &efb, st, of, 0);
			loan_scope_same_as(db, m, &ogz, st, "SELECT id FROM loans"
			    " WHERE status <> 'draft' AND region_code = '440100'", 0);
			loan_scope_same_as(db, m, &ofs, st, "SELECT id FROM loans"
			    " WHERE status <> 'draft' AND region_code = '440600'", 0);
			loan_scope_same_as(db, m, &opv, st, "SELECT id FROM loans"
			    " WHERE status <> 'draft'", 0);
		}
	}

	/* what the scope means, on this set */
	snprintf(q, sizeof q, "SELECT COUNT(*) FROM (" LOAN_OLD_SCOPE("%lld", "440100")
	    ") t JOIN loans l USING (id) WHERE l.fi_id IS NOT NULL AND l.fi_id <> %lld",
	    fia, fia, fia);
	assert_int_equal(sql_int(m, q), 0);	/* a: no other FI's */
	snprintf(q, sizeof q, "SELECT COUNT(*) FROM (" LOAN_OLD_SCOPE("%lld", "440600")
	    ") t JOIN loans l USING (id) WHERE l.region_code = '440100'"
	    " AND (l.fi_id IS NULL OR l.fi_id <> %lld)", fic, fic, fic);
	assert_int_equal(sql_int(m, q), 0);	/* c (Foshan): no Guangzhou one */
	assert_int_equal(loan_search(db, a, &fc, LS_PUBLISHED, 0, 500, &l), ERR_OK);
	for (size_t i = 0; i < l.n; i++)
		assert_true(strcmp(l.v[i].region, "440100") != 0 || l.v[i].fi_id == fic);
	assert_true(l.n > 0);
	assert_int_equal(loan_search(db, a, &fb, -1, 0, 500, &l), ERR_OK);
	for (size_t i = 0; i < l.n; i++) {
		assert_true(l.v[i].fi_id == fib || l.v[i].fi_id == 0);
		assert_true(l.v[i].status != LS_DRAFT);
	}
	/* a sees Foshan's open ones (its product serves Foshan), b does not */
	snprintf(q, sizeof q, "SELECT COUNT(*) FROM loans WHERE enterprise_id = %lld"
	    " AND fi_id IS NULL AND status = 'published'", eb);
	assert_true(sql_int(m, q) > 0);
	assert_int_equal(loan_search(db, a, &fe, -1, 0, 20, &l), ERR_OK);
	assert_true(l.capped);
	assert_true(l.more);
	assert_int_equal(l.total, LOAN_COUNT_CAP);
	assert_int_equal(l.n, 20);

	raw_exec("DELETE l FROM loans l JOIN enterprises e ON e.id = l.enterprise_id"
	    " WHERE e.name LIKE 'tdb-loan-%'");
	raw_exec("DELETE pr FROM product_regions pr JOIN products p ON p.id = pr.product_id"
	    " JOIN fis f ON f.id = p.fi_id WHERE f.name LIKE 'tdb-loan-%'");
	raw_exec("DELETE p FROM products p JOIN fis f ON f.id = p.fi_id WHERE f.name LIKE 'tdb-loan-%'");
	raw_exec("DELETE FROM fis WHERE name LIKE 'tdb-loan-%'");
	raw_exec("DELETE FROM enterprises WHERE name LIKE 'tdb-loan-%'");
	mysql_close(m);
	arena_free(a);
	db_free(db);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(r_02_2_regions_and_offices),
		cmocka_unit_test(x_sec_lost_connection_then_reconnect),
		cmocka_unit_test(x_sec_first_statement_reconnects_once),
		cmocka_unit_test(x_sec_database_down_is_lost),
		cmocka_unit_test(x_sec_app_account_is_least_privilege),
		cmocka_unit_test(migrate_is_idempotent),
		cmocka_unit_test(migrate_refuses_an_edited_migration),
		cmocka_unit_test(migrate_refuses_a_vanished_migration),
		cmocka_unit_test(migrate_refuses_duplicate_versions),
		cmocka_unit_test(r_09_4_migrate_seals_plain_contacts_before_018),
		cmocka_unit_test(r_09_5_calendar_loads_the_seed),
		cmocka_unit_test(r_02_2_agency_get_is_scoped),
		cmocka_unit_test(r_02_2_mutators_lock_within_the_scope),
		cmocka_unit_test(r_14_1_event_scope_and_waiting_list),
		cmocka_unit_test(x_aud_begin_refuses_nesting),
		cmocka_unit_test(x_aud_db_tx_commits_or_rolls_back),
		cmocka_unit_test(x_aud_request_end_rolls_back_an_open_transaction),
		cmocka_unit_test(x_aud_two_audited_transactions_do_not_wait_on_each_other),
		cmocka_unit_test(x_aud_rolled_back_id_does_not_break_the_chain),
		cmocka_unit_test(x_aud_tampering_is_found_by_verify),
		cmocka_unit_test(x_aud_rewritten_chain_is_found_by_a_copied_tip),
		cmocka_unit_test(x_aud_purge_keeps_the_sealed_chain_verifiable),
		cmocka_unit_test(x_aud_old_chain_rows_stay_verified_after_032),
		cmocka_unit_test(x_sec_signin_kdf_runs_outside_the_row_lock),
		cmocka_unit_test(r_08_2d_inbox_notice_commits_with_its_event),
		cmocka_unit_test(x_sec_files_scoped_by_their_owner),
		cmocka_unit_test(r_02_2_fi_loan_search_keeps_the_old_scope),
		cmocka_unit_test(r_08_2e_objection_one_open_and_scoped),
	};
	const char	*path = getenv("DUIJIE_TEST_CONFIG");
	char		 err[512];
	int		 rc;

	if (path == NULL) {
		fprintf(stderr, "test_db: DUIJIE_TEST_CONFIG is not set "
		    "(run through scripts/dev test)\n");
		return 1;
	}
	/* the tests set up what the product never does: as the owner */
	if (config_load(path, PORTAL_NONE, &cfg, err, sizeof err) != ERR_OK ||
	    config_load_admin(&cfg, err, sizeof err) != ERR_OK) {
		fprintf(stderr, "test_db: %s\n", err);
		return 1;
	}
	mysql_library_init(0, NULL, NULL);
	rc = cmocka_run_group_tests_name("db", tests, NULL, NULL);
	config_free(&cfg);
	mysql_library_end();
	return rc;
}
