/*
 * admin.c -- `duijie-admin`: operations from the shell.
 *
 *   duijie-admin --config FILE migrate
 *   duijie-admin --config FILE ping
 *   duijie-admin --config FILE create-operator USER --name NAME --contact PHONE [--region CODE]
 *   duijie-admin --config FILE unlock USER
 *   duijie-admin --config FILE suspend USER --reason TEXT
 *   duijie-admin --config FILE reactivate USER
 *   duijie-admin --config FILE revoke USER --reason TEXT
 *   duijie-admin --config FILE totp-reset USER
 *   duijie-admin --config FILE reset-password USER
 *   duijie-admin --config FILE audit-verify [--tip SEQ:HASH]
 *   duijie-admin --config FILE audit-seal
 *   duijie-admin --config FILE audit-purge --before YYYY-MM-DD
 *   duijie-admin --config FILE purge       (what is past retention, db/retention.h)
 *   duijie-admin --config FILE gram-stats  (recount the name search's trigram statistics)
 *   duijie-admin --config FILE loans-expire (recompute the loans' time limits, expire the overdue)
 *   duijie-admin --config FILE backup [full|incremental]   (cgi/admin_backup.c)
 *   duijie-admin --config FILE restore [SET] [--before T]
 *   duijie-admin --config FILE restore-binlog [--before T]
 *   duijie-admin --config FILE objections-remind (tell the agencies of objections due in 5 days and 1 day)
 *   duijie-admin keygen
 *   duijie-admin kdf-time [N]              (median ms of one password check)
 *   duijie-admin --config FILE demo        (development demo data, idempotent)
 *   duijie-admin --config FILE bench-insert CSV  (the import benchmark's baseline)
 *
 * Every change is audited with portal "admin".  One-time passwords are
 * printed once on stdout and never logged.  Exit status: 0 success,
 * 1 failure (the reason on stderr), 2 usage.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <mysql.h>

#include "admin_backup.h"
#include "db/db_region.h"
#include "db/audit.h"
#include "db/retention.h"
#include "core/config.h"
#include "crypto/crypto.h"
#include "formats/csvread.h"
#include "core/cs.h"
#include "db/db.h"
#include "enterprise/enterprise.h"
#include "enterprise/enterprise_list.h"
#include "core/log.h"
#include "core/timefmt.h"
#include "db/migrate.h"
#include "db/org.h"
#include "crypto/seal.h"
#include "accounts/inbox.h"
#include "accounts/sms.h"
#include "accounts/perm.h"
#include "accounts/user.h"
#include "accounts/scope.h"
#include "credit/objection.h"
#include "finance/fi.h"
#include "finance/loan.h"
#include "finance/product.h"
#include "info/office.h"

struct opts {
	const char	*name;
	const char	*contact;
	const char	*region;
	const char	*before;
	const char	*reason;
	const char	*tip;	/* audit-verify --tip SEQ:HASH */
	const char	*arg;	/* the command's operand (USER) */
};

static void
usage(void)
{
	fprintf(stderr,
	    "usage: duijie-admin --config FILE COMMAND [ARGS]\n"
	    "commands:\n"
	    "  migrate                     apply pending schema migrations and the grants\n"
	    "  ping                        connect with the workers' account and run a query\n"
	    "  create-operator USER --name NAME --contact PHONE [--region CODE]\n"
	    "                              open an operator account (default region 440000);\n"
	    "                              prints its one-time password\n"
	    "  unlock USER                 unlock a locked account\n"
	    "  suspend USER --reason TEXT  suspend an account (ends its sessions)\n"
	    "  reactivate USER             end a suspension\n"
	    "  revoke USER --reason TEXT   revoke an account for good (wipes its password\n"
	    "                              and authenticator)\n"
	    "  totp-reset USER             forget a staff user's authenticator\n"
	    "  reset-password USER         set a one-time password (printed), end all sessions\n"
	    "  audit-verify [--tip SEQ:HASH] check the audit log's hash chain (and a tip\n"
	    "                              copied from the workers' log)\n"
	    "  audit-seal                  chain the committed audit rows not sealed yet\n"
	    "  audit-purge --before DATE   delete audit rows older than DATE (>= 6 months ago)\n"
	    "  purge                       delete what is past the config's Retention periods:\n"
	    "                              audit rows, credit query logs (both >= 6 months),\n"
	    "                              expired SMS codes, sessions, throttling (daily)\n"
	    "  gram-stats                  recount the trigram statistics of the operators'\n"
	    "                              name search (daily, and after bulk loads)\n"
	    "  loans-expire                recompute the loan applications' working-day limits\n"
	    "                              and expire the ones not taken up in 20 (daily)\n"
	    "  backup [full|incremental]   a mariadb-backup set into Backup.dir (incremental\n"
	    "                              when a full exists), the closed binlogs copied,\n"
	    "                              sets past Backup.keep fulls removed\n"
	    "  restore [SET] [--before T]  with MariaDB stopped and Backup.datadir empty: the\n"
	    "                              newest set's chain (or SET's, or the newest before\n"
	    "                              T) prepared and copied back, its binlogs set aside\n"
	    "  restore-binlog [--before T] with the restored MariaDB running: replay them to\n"
	    "                              their end (or to T, YYYY-MM-DD HH:MM:SS, local)\n"
	    "  objections-remind           tell the answering agency or office of each open\n"
	    "                              objection due in 5 days and in 1 day (daily)\n"
	    "  keygen                      print new Keys.data and Keys.index lines for secrets.hdf\n"
	    "  kdf-time [N]                median time of N password checks at the current\n"
	    "                              scrypt parameters (to choose them for this machine)\n"
	    "  demo                        load the development demo data (idempotent)\n"
	    "  bench-insert CSV            the baseline of `scripts/dev bench`: the CSV's rows\n"
	    "                              by plain 64-row prepared INSERTs into a temporary\n"
	    "                              table, one transaction; prints rows per second\n");
	exit(2);
}

static void
actor_of(struct audit_actor *a)
{
	static char who[64];

	snprintf(who, sizeof who, "uid:%ld", (long)getuid());
	memset(a, 0, sizeof *a);
	a->role = "admin-cli";
	a->org = who;
	a->portal = "admin";
	a->client_addr = "local";
}

/* The database as the schema owner when this command read its password
 * (owner_cmds in main), else as the application account. */
static struct db *
admin_db(const struct config *cfg)
{
	bool		 owner = cfg->db.admin_password[0] != '\0';
	struct db	*db = db_new(&cfg->db, owner);

	if (db == NULL || db_ensure(db) != ERR_OK) {
		fprintf(stderr, "duijie-admin: cannot connect to the database "
		    "as %s (see the log above)\n",
		    owner ? cfg->db.admin_user : cfg->db.user);
		db_free(db);
		return NULL;
	}
	return db;
}

static int
cmd_gram_stats(const struct config *cfg, const struct opts *o)
{
	struct db		*db;
	unsigned long long	 grams = 0;
	enum err		 rc;

	(void)o;
	if ((db = admin_db(cfg)) == NULL)
		return 1;
	rc = entlist_gram_stats_refresh(db, &grams);
	db_free(db);
	if (rc != ERR_OK) {
		fprintf(stderr, "duijie-admin: gram-stats: %s\n", err_str(rc));
		return 1;
	}
	printf("gram-stats: %llu trigrams counted\n", grams);
	return 0;
}

/*
 * loans-expire: recomputes the working-day limits of the live loan
 * applications from the calendar (a holiday entered since moves them),
 * then expires the published ones past expire_at (20 working days
 * without a take-up), each audited "loan.expire" and told to the
 * enterprise (loan.h).  The workers' account suffices.
 */
/*
 * objections-remind: each open objection whose answer is due 5 days (or
 * 1 day) after today (Beijing) and not yet reminded for that mark: its
 * answering organisation (the source agency's users, or the region's
 * office after a take-over) is told in-site and by SMS, audited
 * "objection.remind" (objection.h).  Running twice a day reminds once.
 */
static int
cmd_objections_remind(const struct config *cfg, const struct opts *o)
{
	struct audit_actor	 a;
	struct db		*db;
	struct sms_sender	 s = {
		cfg->sms.command ? SMS_SENDER_COMMAND : SMS_SENDER_FILE,
		cfg->sms.command ? cfg->sms.cmd : cfg->sms.outbox,
		cfg->sms.timeout,
	};
	size_t			 n = 0;
	char			 today[16];
	enum err		 rc;

	(void)o;
	if ((db = admin_db(cfg)) == NULL)
		return 1;
	actor_of(&a);
	beijing_date(today, sizeof today);
	rc = objection_remind(db, &a, today, &n);
	/* the SMS of the reminders that committed */
	(void)inbox_sms_deliver(db, &s, cfg->data_key);
	db_free(db);
	if (rc != ERR_OK) {
		fprintf(stderr, "duijie-admin: objections-remind: %s\n", err_str(rc));
		return 1;
	}
	printf("objections-remind: %zu reminders\n", n);
	return 0;
}

static int
cmd_loans_expire(const struct config *cfg, const struct opts *o)
{
	struct audit_actor	 a;
	struct db		*db;
	long long		 moved = 0, expired = 0;
	enum err		 rc;

	(void)o;
	if ((db = admin_db(cfg)) == NULL)
		return 1;
	actor_of(&a);
	if ((rc = loan_clock_refresh(db, &moved)) == ERR_OK)
		rc = loan_expire_due(db, &a, 10000, &expired);
	db_free(db);
	if (rc != ERR_OK) {
		fprintf(stderr, "duijie-admin: loans-expire: %s\n", err_str(rc));
		return 1;
	}
	printf("loans-expire: %lld limits recomputed, %lld expired\n", moved, expired);
	return 0;
}

static int
cmd_migrate(const struct config *cfg, const struct opts *o)
{
	struct db	*db = db_new(&cfg->db, true);
	enum err	 rc;

	(void)o;
	if (db == NULL)
		return 1;
	rc = migrate_run(db, cfg, stdout);
	db_free(db);
	return rc == ERR_OK ? 0 : 1;
}

static int
cmd_ping(const struct config *cfg, const struct opts *o)
{
	struct db	*db = db_new(&cfg->db, false);
	enum err	 rc;

	(void)o;
	if (db == NULL)
		return 1;
	rc = db_ping(db);
	db_free(db);
	printf("ping: %s\n", rc == ERR_OK ? "ok" : err_str(rc));
	return rc == ERR_OK ? 0 : 1;
}

/* The user named by the operand, or NULL with a message. */
static int
find_user(struct db *db, struct arena *a, const char *name, struct user *u)
{
	enum err rc = user_by_name(db, a, name, u);

	if (rc == ERR_NOTFOUND)
		fprintf(stderr, "duijie-admin: no user %s\n", name);
	else if (rc != ERR_OK)
		fprintf(stderr, "duijie-admin: %s\n", err_str(rc));
	return rc == ERR_OK ? 0 : -1;
}

static int
cmd_create_operator(const struct config *cfg, const struct opts *o)
{
	struct audit_actor	 a;
	struct db		*db;
	struct user_new		 n;
	long long		 office, id;
	char			 otp[OTP_LEN + 1];
	enum err		 rc;
	const char		*region = o->region != NULL ? o->region : REGION_PROVINCE;

	if (o->arg == NULL || o->name == NULL || o->contact == NULL)
		usage();
	if (!cfg->have_keys) {
		fprintf(stderr, "duijie-admin: the contact is stored sealed: "
		    "Keys.data and Keys.index are needed in the secrets file\n");
		return 1;
	}
	if ((db = admin_db(cfg)) == NULL)
		return 1;
	if ((rc = org_office_of_region(db, region, &office)) != ERR_OK) {
		fprintf(stderr, "duijie-admin: region %s: %s\n", region,
		    rc == ERR_NOTFOUND ? "no such region" : err_str(rc));
		db_free(db);
		return 1;
	}
	actor_of(&a);
	memset(&n, 0, sizeof n);
	n.username = o->arg;
	n.role = ROLE_OPERATOR;
	n.region = region;
	n.org_kind = "office";
	n.org_id = office;
	n.real_name = o->name;
	n.contact = o->contact;
	rc = user_create(db, &a, "user.create", &n, &id, otp);
	db_free(db);
	if (rc == ERR_DB_DUP) {
		fprintf(stderr, "duijie-admin: user %s exists already\n", o->arg);
		return 1;
	}
	if (rc != ERR_OK) {
		fprintf(stderr, "duijie-admin: %s\n", err_str(rc));
		return 1;
	}
	printf("operator %s (id %lld, region %s) created.\n"
	    "one-time password (shown once, must be changed at first sign-in): %s\n",
	    o->arg, id, region, otp);
	explicit_bzero(otp, sizeof otp);
	return 0;
}

/* What a refused step says on stderr. */
static const char *
step_refusal(enum err rc)
{
	switch (rc) {
	case ERR_CONFLICT:
		return "not allowed in the account's present state";
	case ERR_INVAL:
		return "a reason is required (--reason)";
	case ERR_FORBIDDEN:
		return "not allowed";
	default:
		return err_str(rc);
	}
}

/*
 * One step of the account state machine (lib/accounts/account_state.h) by
 * duijie-admin: unlock, suspend, reactivate, revoke, totp-reset.  The
 * state table refuses what it refuses (a suspended or revoked account is
 * never "unlocked"), with the reason on stderr and exit status 1.
 */
static int
admin_step(const struct config *cfg, const struct opts *o, enum acct_action act,
    const char *done)
{
	struct audit_actor	 a;
	struct arena		*ar = arena_new(4096);
	struct db		*db;
	struct user		 u;
	struct acct_change	 ch = { .action = act, .by = ACCT_BY_ADMIN,
				    .reason = o->reason };
	enum err		 e;
	int			 rc = 1;

	if (o->arg == NULL)
		usage();
	if ((db = admin_db(cfg)) == NULL) {
		arena_free(ar);
		return 1;
	}
	actor_of(&a);
	if (find_user(db, ar, o->arg, &u) == 0) {
		e = act == ACCT_TOTP_RESET ? user_totp_reset(db, &a, ACCT_BY_ADMIN, u.id) :
		    user_step(db, &a, u.id, &ch, NULL);
		if (e == ERR_OK) {
			printf("%s %s\n", o->arg, done);
			rc = 0;
		} else
			fprintf(stderr, "duijie-admin: %s %s: %s\n", acct_action_name(act),
			    o->arg, step_refusal(e));
	}
	db_free(db);
	arena_free(ar);
	return rc;
}

static int
cmd_unlock(const struct config *cfg, const struct opts *o)
{
	return admin_step(cfg, o, ACCT_UNLOCK, "unlocked");
}

static int
cmd_suspend(const struct config *cfg, const struct opts *o)
{
	return admin_step(cfg, o, ACCT_SUSPEND, "suspended");
}

static int
cmd_reactivate(const struct config *cfg, const struct opts *o)
{
	return admin_step(cfg, o, ACCT_REACTIVATE, "reactivated");
}

static int
cmd_revoke(const struct config *cfg, const struct opts *o)
{
	return admin_step(cfg, o, ACCT_REVOKE, "revoked");
}

static int
cmd_totp_reset(const struct config *cfg, const struct opts *o)
{
	return admin_step(cfg, o, ACCT_TOTP_RESET, "authenticator reset");
}

static int
cmd_reset_password(const struct config *cfg, const struct opts *o)
{
	struct audit_actor	 a;
	struct arena		*ar = arena_new(4096);
	struct db		*db;
	struct user		 u;
	char			 otp[OTP_LEN + 1];
	bool			 found;
	int			 rc = 1;

	if (o->arg == NULL)
		usage();
	if ((db = admin_db(cfg)) == NULL) {
		arena_free(ar);
		return 1;
	}
	actor_of(&a);
	found = find_user(db, ar, o->arg, &u) == 0;
	if (found && u.role == ROLE_GOV) {
		/* a gov user's password is reset by a change form only */
		fprintf(stderr, "duijie-admin: %s is a gov user: its password is reset "
		    "only by a change form's reset line (/agency-forms)\n", o->arg);
	} else if (found) {
		enum err e = user_reset_password(db, &a, ACCT_BY_ADMIN, u.id, otp);

		if (e == ERR_OK) {
			printf("one-time password for %s (shown once, must be "
			    "changed at next sign-in): %s\n", o->arg, otp);
			explicit_bzero(otp, sizeof otp);
			rc = 0;
		} else
			fprintf(stderr, "duijie-admin: reset failed: %s\n",
			    step_refusal(e));
	}
	db_free(db);
	arena_free(ar);
	return rc;
}

static int
cmd_audit_verify(const struct config *cfg, const struct opts *o)
{
	struct db	*db;
	long long	 bad;

	long long	 seq = 0;
	char		 hash[65] = "", *end;

	if (o->tip != NULL) {
		const char *c = strchr(o->tip, ':');

		seq = strtoll(o->tip, &end, 10);
		if (c == NULL || end != c || seq <= 0 || strlen(c + 1) != 64 ||
		    strspn(c + 1, "0123456789abcdef") != 64) {
			fprintf(stderr, "duijie-admin: --tip wants SEQ:HASH as the"
			    " workers' log gives it (\"tip SEQ:HASH\")\n");
			return 1;
		}
		snprintf(hash, sizeof hash, "%s", c + 1);
	}
	if ((db = admin_db(cfg)) == NULL)
		return 1;
	bad = audit_verify(db, stdout);
	if (bad == 0 && seq > 0) {
		bad = audit_check_tip(db, seq, hash);
		if (bad > 0)
			printf("audit-verify: seal %lld is not the tip copied out:"
			    " the chain was rewritten at or before row %lld\n",
			    seq, bad);
		else if (bad == 0)
			printf("audit-verify: seal %lld matches the tip copied out\n",
			    seq);
		else
			printf("audit-verify: database error\n");
	}
	db_free(db);
	return bad == 0 ? 0 : 1;
}

/* The sealer by hand or from a timer (audit.h): the workers seal after
 * their answers; this covers rows left by a worker that died first. */
static int
cmd_audit_seal(const struct config *cfg, const struct opts *o)
{
	struct db	*db;
	long long	 n = 0;
	enum err	 rc;

	(void)o;
	if ((db = admin_db(cfg)) == NULL)
		return 1;
	rc = audit_seal(db, true, &n);
	db_free(db);
	if (rc != ERR_OK) {
		fprintf(stderr, "duijie-admin: audit-seal: %s\n", err_str(rc));
		return 1;
	}
	printf("audit-seal: %lld rows sealed\n", n);
	return 0;
}

/* Retention (issue 20): every batch audited "retention.purge", the audit
 * rows by audit_purge ("audit.purge"). */
static int
cmd_purge(const struct config *cfg, const struct opts *o)
{
	struct audit_actor	 a;
	struct retention_counts	 n;
	struct db		*db;
	enum err		 rc;

	(void)o;
	if ((db = admin_db(cfg)) == NULL)
		return 1;
	actor_of(&a);
	rc = retention_purge(db, &a, cfg, &n);
	db_free(db);
	if (rc != ERR_OK) {
		fprintf(stderr, "duijie-admin: purge: %s\n", err_str(rc));
		return 1;
	}
	printf("purge: %lld audit rows before %s, %lld credit queries, "
	    "%lld SMS codes, %lld sessions, %lld throttling windows deleted\n",
	    n.audit, n.audit_before, n.queries, n.sms, n.sessions, n.throttle);
	return 0;
}

static int
cmd_audit_purge(const struct config *cfg, const struct opts *o)
{
	struct audit_actor	 a;
	struct db		*db;
	long long		 n = 0;
	enum err		 rc;

	if (o->before == NULL)
		usage();
	if ((db = admin_db(cfg)) == NULL)
		return 1;
	actor_of(&a);
	rc = audit_purge(db, &a, o->before, &n);
	db_free(db);
	if (rc == ERR_FORBIDDEN) {
		fprintf(stderr, "duijie-admin: refusing: audit rows are kept at "
		    "least %d days (6 months); %s is too recent\n",
		    AUDIT_KEEP_DAYS, o->before);
		return 1;
	}
	if (rc == ERR_INVAL) {
		fprintf(stderr, "duijie-admin: --before wants YYYY-MM-DD\n");
		return 1;
	}
	if (rc != ERR_OK) {
		fprintf(stderr, "duijie-admin: %s\n", err_str(rc));
		return 1;
	}
	printf("audit-purge: %lld rows before %s deleted\n", n, o->before);
	return 0;
}

static int
cmd_backup(const struct config *cfg, const struct opts *o)
{
	return admin_backup(cfg, o->arg);
}

static int
cmd_restore(const struct config *cfg, const struct opts *o)
{
	return admin_restore(cfg, o->arg, o->before);
}

static int
cmd_restore_binlog(const struct config *cfg, const struct opts *o)
{
	return admin_restore_binlog(cfg, o->before);
}

static int
cmd_keygen(const struct config *cfg, const struct opts *o)
{
	unsigned char	key[32];
	char		hex[65];

	(void)cfg;
	(void)o;
	crypto_random(key, sizeof key);
	crypto_hex(key, sizeof key, hex);
	printf("Keys.data = %s\n", hex);
	crypto_random(key, sizeof key);
	crypto_hex(key, sizeof key, hex);
	printf("Keys.index = %s\n", hex);
	explicit_bzero(key, sizeof key);
	explicit_bzero(hex, sizeof hex);
	return 0;
}

static int
cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

static int
cmd_kdf_time(const struct config *cfg, const struct opts *o)
{
	char		 hash[PASSWORD_HASH_MAX];
	double		 ms[1000];
	long		 n = o->arg != NULL ? strtol(o->arg, NULL, 10) : 10;

	(void)cfg;
	if (n < 1 || n > 1000)
		usage();
	if (password_hash("kdf-time-Probe-1", 16, &kdf_current, hash) == -1)
		return 1;
	for (long i = 0; i < n; i++) {
		struct timespec t0, t1;

		clock_gettime(CLOCK_MONOTONIC, &t0);
		(void)password_verify("kdf-time-Probe-1", 16, hash, NULL);
		clock_gettime(CLOCK_MONOTONIC, &t1);
		ms[i] = (double)(t1.tv_sec - t0.tv_sec) * 1e3 +
		    (double)(t1.tv_nsec - t0.tv_nsec) / 1e6;
	}
	qsort(ms, (size_t)n, sizeof ms[0], cmp_double);
	printf("kdf-time: scrypt ln=%u r=%u p=%u, %ld checks, median ms %.1f\n",
	    kdf_current.ln, kdf_current.r, kdf_current.p, n, ms[(n - 1) / 2]);
	return 0;
}

/* The demo data of scripts/dev: never loaded by a migration. */
#define DEMO_PASSWORD "Demo-Pass-2026"

/*
 * The demo financial institutions (issue 14): three in Guangzhou, one in
 * Foshan, their facts, their users' roles and their products (published
 * once, when first created).  Idempotent: an FI that has its code keeps
 * its facts, a product that exists is left alone.  0, or 1 after a
 * message.
 */
static int
demo_finance(struct db *db, struct arena *ar, const struct audit_actor *a)
{
	static const struct {
		const char	*name, *region, *code;
		enum fi_kind	 kind;
		const char	*address;
	} fis[] = {
		{ "中国工商银行广州分行", "440100", "C1010244010016", FI_BANK, "广州市越秀区沿江西路123号" },
		{ "中国建设银行广州分行", "440100", "C1050544010023", FI_BANK, "广州市天河区天河路233号" },
		{ "广州农村商业银行", "440100", "C1140244010031", FI_RURAL_CREDIT, "广州市天河区珠江新城华夏路1号" },
		{ "佛山农村商业银行", "440600", "C1140244060018", FI_RURAL_CREDIT, "佛山市禅城区季华五路48号" },
	};
	static const struct {
		const char	*username;
		bool		 manager;
		const char	*department;
	} roles[] = {
		{ "fi-gz", false, "普惠金融事业部" },
		{ "fi-gz-mgr", true, "" },
		{ "fi-gz2", false, "小企业金融部" },
		{ "fi-fs", false, "公司金融部" },
	};
	static const struct {
		int		 fi;		/* index in fis[] */
		const char	*name;
		enum product_kind kind;
		long long	 amin, amax, tmin, tmax;
		int		 rmin, rmax;
		const char	*industries, *sizes, *requirements, *materials;
		const char	*regions[3];
	} products[] = {
		{ 0, "经营快贷", PK_CREDIT, 10, 300, 6, 36, 345, 480, "", "小型、微型",
		    "成立满 2 年，近 12 个月纳税正常，企业及实际控制人征信良好。",
		    "营业执照、近两年财务报表、近 12 个月纳税证明", { "440100", "440600" } },
		{ 0, "厂房抵押贷", PK_MORTGAGE, 100, 3000, 12, 120, 320, 420, "制造业", "",
		    "以自有厂房或商铺抵押，抵押率不超过评估值的 70%。",
		    "营业执照、产权证明、评估报告", { "440100" } },
		{ 1, "小微信用贷", PK_CREDIT, 5, 200, 3, 24, 360, 520, "", "微型",
		    "广州市注册的小微企业，经营满 1 年。", "营业执照、近 6 个月银行流水", { "440100" } },
		{ 2, "供应链订单贷", PK_SUPPLY_CHAIN, 20, 1000, 3, 12, 380, 550, "批发和零售业、制造业", "",
		    "与核心企业有 1 年以上稳定订单往来。", "购销合同、发票、应收账款清单", { "440100" } },
		{ 3, "佛山制造贷", PK_GUARANTEE, 20, 500, 6, 36, 400, 600, "制造业", "小型、中型",
		    "佛山市注册的制造业企业，由融资担保公司提供保证。", "营业执照、担保意向书、近两年财务报表",
		    { "440600" } },
	};
	struct scope	sc;
	long long	ids[sizeof fis / sizeof fis[0]];

	scope_system(&sc);
	for (size_t i = 0; i < sizeof fis / sizeof fis[0]; i++) {
		struct fi	f;
		enum err	e;

		arena_reset(ar);
		if ((e = org_fi_ensure(db, fis[i].name, fis[i].region, &ids[i])) != ERR_OK ||
		    (e = fi_get(db, ar, &sc, ids[i], &f)) != ERR_OK) {
			fprintf(stderr, "duijie-admin: demo FI %s failed\n", fis[i].name);
			return 1;
		}
		if (*f.code == '\0') {
			struct fi_input in = { .name = fis[i].name, .kind = fis[i].kind,
			    .code = fis[i].code, .address = fis[i].address };

			if (fi_update(db, a, &sc, ids[i], &in) != ERR_OK) {
				fprintf(stderr, "duijie-admin: demo FI %s failed\n", fis[i].name);
				return 1;
			}
		}
	}
	for (size_t i = 0; i < sizeof roles / sizeof roles[0]; i++) {
		struct user u;

		arena_reset(ar);
		if (user_by_name(db, ar, roles[i].username, &u) != ERR_OK ||
		    fi_user_set_role(db, a, u.id, roles[i].manager,
		    roles[i].department) != ERR_OK) {
			fprintf(stderr, "duijie-admin: demo FI user %s failed\n", roles[i].username);
			return 1;
		}
	}
	for (size_t i = 0; i < sizeof products / sizeof products[0]; i++) {
		struct product_input	in = { .name = products[i].name,
		    .kind = products[i].kind, .amount_min = products[i].amin,
		    .amount_max = products[i].amax, .term_min = products[i].tmin,
		    .term_max = products[i].tmax, .rate_min_bp = products[i].rmin,
		    .rate_max_bp = products[i].rmax,
		    .industries = products[i].industries, .sizes = products[i].sizes,
		    .requirements = products[i].requirements,
		    .materials = products[i].materials };
		long long		id;
		enum err		e;

		for (size_t k = 0; k < 3 && products[i].regions[k] != NULL; k++)
			in.regions[in.nregions++] = products[i].regions[k];
		e = product_create(db, a, ids[products[i].fi],
		    fis[products[i].fi].region, &in, &id);
		if (e == ERR_DB_DUP)
			continue;
		if (e != ERR_OK || product_step(db, a, &sc, id, PA_PUBLISH, NULL) != ERR_OK) {
			fprintf(stderr, "duijie-admin: demo product %s failed\n", products[i].name);
			return 1;
		}
	}
	return 0;
}

/*
 * The demo enterprise ent-a gets complete supplementary information
 * it may publish loan applications), ent-b keeps its gaps.  Only
 * the fields still empty are filled (changed today, not late), so a value
 * someone set is kept.  0, or 1 after a message.
 */
static int
demo_ent_a(const struct config *cfg, struct db *db, struct arena *ar,
    const struct audit_actor *a)
{
	static const struct {
		enum ent_field	 f;
		const char	*v;
	} fill[] = {
		{ ENT_F_ADDRESS, "广州市天河区天河北路 183 号" },
		{ ENT_F_BUSINESS_SCOPE, "软件开发；信息技术咨询服务" },
		{ ENT_F_REG_CAPITAL, "500000000" },	/* fen: 500 万元 */
		{ ENT_F_ORG_FORM, "llc" }, { ENT_F_INDUSTRY, "I" },
		{ ENT_F_SIZE, "small" }, { ENT_F_MAIN_NAME, "孙丽娟" },
		{ ENT_F_MAIN_MOBILE, "13800138001" }, { ENT_F_LIAISON_NAME, "陈晓" },
		{ ENT_F_LIAISON_MOBILE, "13800138003" },
	};
	struct ent_keys		 keys = { cfg->data_key, cfg->index_key };
	struct enterprise	 e;
	struct scope		 sys;
	const char		*v[ENT_F__MAX] = { NULL };
	char			 today[16];
	long long		 id;
	int			 y, m, d, changed = 0, late = 0;
	bool			 any = false;

	arena_reset(ar);
	scope_system(&sys);
	if (org_enterprise_ensure(db, "91440104567890120G", "广州市对接示范科技有限公司",
	    "440100", &id) != ERR_OK ||
	    enterprise_get(db, ar, &keys, &sys, id, false, &e) != ERR_OK) {
		fprintf(stderr, "duijie-admin: demo enterprise ent-a failed\n");
		return 1;
	}
	for (size_t i = 0; i < sizeof fill / sizeof fill[0]; i++)
		if (e.v[fill[i].f] == NULL || *e.v[fill[i].f] == '\0') {
			v[fill[i].f] = fill[i].v;
			any = true;
		}
	if (!any)
		return 0;
	beijing_today(&y, &m, &d);
	snprintf(today, sizeof today, "%04d-%02d-%02d", y % 10000, m % 100, d % 100);
	if (enterprise_update(db, ar, &keys, a, &sys, id, v, today, 0, &changed,
	    &late) != ERR_OK) {
		fprintf(stderr, "duijie-admin: demo enterprise ent-a failed\n");
		return 1;
	}
	return 0;
}

/*
 * Two demo loan applications of ent-a (once: only while it has none), so
 * that the banks' list is not empty: one open to the banks of Guangzhou,
 * published; one for 经营快贷, taken up by fi-gz.  0, or 1 after a
 * message.
 */
static int
demo_loans(struct db *db, struct arena *ar, const struct audit_actor *a)
{
	struct loan_input	 open = { .amount_wan = 300, .term_months = 12,
	    .purpose = "采购原材料，扩大生产", .guarantee = "实际控制人连带责任保证",
	    .consent = true, .disclaimer = true };
	struct loan_input	 addressed = { .amount_wan = 80, .term_months = 24,
	    .purpose = "补充日常经营流动资金", .guarantee = "",
	    .consent = true, .disclaimer = true };
	struct audit_actor	 ea = *a, fa = *a;
	struct loan_list	 l;
	struct scope		 sc;
	struct user		 ent, fi;
	long long		 eid, id;
	enum err		 e;

	arena_reset(ar);
	if (org_enterprise_ensure(db, "91440104567890120G", "广州市对接示范科技有限公司",
	    "440100", &eid) != ERR_OK || user_by_name(db, ar, "ent-a", &ent) != ERR_OK ||
	    user_by_name(db, ar, "fi-gz", &fi) != ERR_OK)
		goto fail;
	scope_of_user(&sc, &ent);
	if (loan_search(db, ar, &sc, -1, 0, 1, &l) != ERR_OK)
		goto fail;
	if (l.total > 0)
		return 0;
	ea.user_id = ent.id;
	ea.role = "enterprise";
	fa.user_id = fi.id;
	fa.role = "fi";
	if (loan_create(db, &ea, eid, "440100", &open, true, &id) != ERR_OK)
		goto fail;
	{
		struct product_filter	 f = { .kind = -1, .region = "440100", .status = -1 };
		struct product_list	 pl;

		if (product_catalogue(db, ar, &f, 0, 100, &pl) != ERR_OK)
			goto fail;
		for (size_t i = 0; i < pl.n; i++)
			if (strcmp(pl.v[i].name, "经营快贷") == 0)
				addressed.product_id = pl.v[i].id;
	}
	if (addressed.product_id == 0 ||
	    loan_create(db, &ea, eid, "440100", &addressed, true, &id) != ERR_OK)
		goto fail;
	scope_of_user(&sc, &fi);
	if ((e = loan_step(db, &fa, &sc, id, 0, LA_TAKE, NULL, NULL)) != ERR_OK)
		goto fail;
	return 0;
fail:
	fprintf(stderr, "duijie-admin: demo loan applications failed\n");
	return 1;
}

/*
 * DEMO VALUES, not the real offices' facts: the address, phone and hours
 * of the province's office and of Guangzhou's and Foshan's (issue 17), so
 * that the front page's directory shows filled rows next to the "not yet
 * published" line of the other cities.  Written through office_update
 * (its audit row office.edit) only while the office has no address, so
 * an operator's edit is left alone.  0, or 1 after a message.
 */
static int
demo_offices(struct db *db, struct arena *ar, const struct audit_actor *a)
{
	static const struct {
		const char		*region;
		struct office_input	 in;
	} demo[] = {
		{ REGION_PROVINCE, { "广州市越秀区沿江西路 137 号", "020-81322000",
		    "工作日 8:30—12:00，14:30—17:30（法定节假日除外）" } },
		{ "440100", { "广州市越秀区沿江西路 137 号（广州市分行办公区）", "020-81322100",
		    "工作日 8:30—12:00，14:30—17:30（法定节假日除外）" } },
		{ "440600", { "佛山市禅城区季华五路 33 号", "0757-83330000",
		    "工作日 8:30—12:00，14:30—17:30（法定节假日除外）" } },
	};
	struct scope	sc;

	scope_system(&sc);
	for (size_t i = 0; i < sizeof demo / sizeof demo[0]; i++) {
		struct office	o;
		long long	id;

		arena_reset(ar);
		if (org_office_of_region(db, demo[i].region, &id) != ERR_OK ||
		    office_get(db, ar, &sc, id, &o) != ERR_OK)
			goto fail;
		if (*o.address != '\0')
			continue;
		if (office_update(db, a, &sc, id, &demo[i].in, NULL) != ERR_OK)
			goto fail;
	}
	return 0;
fail:
	fprintf(stderr, "duijie-admin: demo offices failed\n");
	return 1;
}

static int
cmd_demo(const struct config *cfg, const struct opts *o)
{
	static const struct {
		const char	*username;
		enum role	 role;
		const char	*region;
		const char	*kind;	/* office, agency, fi, enterprise */
		const char	*org;	/* name (USCC for enterprises) */
		const char	*org_name;
		const char	*real_name;
		const char	*contact;
	} demo[] = {
		{ "op-gd", ROLE_OPERATOR, REGION_PROVINCE, "office", NULL, NULL, "陈敏", "020-81322001" },
		{ "sup-gd", ROLE_SUPERVISOR, REGION_PROVINCE, "office", NULL, NULL, "李志强", "020-81322002" },
		{ "aud-gd", ROLE_AUDITOR, REGION_PROVINCE, "office", NULL, NULL, "黄丽", "020-81322003" },
		/* the other two administrative roles (issue 16, 三权分立) */
		{ "sys-gd", ROLE_SYSADMIN, REGION_PROVINCE, "office", NULL, NULL, "邓建华", "020-81322004" },
		{ "sec-gd", ROLE_SECADMIN, REGION_PROVINCE, "office", NULL, NULL, "冯雪", "020-81322005" },
		{ "op-gz", ROLE_OPERATOR, "440100", "office", NULL, NULL, "王芳", "020-83330001" },
		{ "sup-gz", ROLE_SUPERVISOR, "440100", "office", NULL, NULL, "张伟", "020-83330002" },
		{ "op-fs", ROLE_OPERATOR, "440600", "office", NULL, NULL, "刘洋", "0757-83330001" },
		{ "gov-gz", ROLE_GOV, "440100", "agency", "广州市市场监督管理局", NULL, "赵磊", "020-83330101" },
		{ "gov-fs", ROLE_GOV, "440600", "agency", "佛山市市场监督管理局", NULL, "周静", "0757-83330101" },
		{ "fi-gz", ROLE_FI, "440100", "fi", "中国工商银行广州分行", NULL, "吴刚", "020-83330201" },
		{ "fi-gz-mgr", ROLE_FI, "440100", "fi", "中国工商银行广州分行", NULL, "林晓", "020-83330202" },
		{ "fi-gz2", ROLE_FI, "440100", "fi", "中国建设银行广州分行", NULL, "何军", "020-83330211" },
		{ "fi-fs", ROLE_FI, "440600", "fi", "佛山农村商业银行", NULL, "梁婷", "0757-83330201" },
		{ "ent-a", ROLE_ENTERPRISE, "440100", "enterprise", "91440104567890120G",
		    "广州市对接示范科技有限公司", "孙丽娟", "13800138001" },
		{ "ent-b", ROLE_ENTERPRISE, "440100", "enterprise", "91440106987654327Q",
		    "广州市岭南示范贸易有限公司", "郑浩", "13800138002" },
	};
	struct audit_actor	 a;
	struct arena		*ar = arena_new(4096);
	struct db		*db;
	size_t			 made = 0;
	int			 rc = 0;

	(void)o;
	if ((db = admin_db(cfg)) == NULL) {
		arena_free(ar);
		return 1;
	}
	actor_of(&a);
	for (size_t i = 0; i < sizeof demo / sizeof demo[0] && rc == 0; i++) {
		struct user	u;
		struct user_new	n;
		long long	org = 0, id;
		enum err	e;

		arena_reset(ar);
		if ((e = user_by_name(db, ar, demo[i].username, &u)) == ERR_OK)
			continue;
		if (e != ERR_NOTFOUND) {
			rc = 1;
			break;
		}
		if (strcmp(demo[i].kind, "office") == 0)
			e = org_office_of_region(db, demo[i].region, &org);
		else if (strcmp(demo[i].kind, "agency") == 0) {
			e = org_agency_ensure(db, demo[i].org, demo[i].region, &org);
			/* a source of every category, as every agency was
			 * before issue 16 */
			if (e == ERR_OK)
				e = perm_agency_source_all(db, org);
		} else if (strcmp(demo[i].kind, "fi") == 0)
			e = org_fi_ensure(db, demo[i].org, demo[i].region, &org);
		else
			e = org_enterprise_ensure(db, demo[i].org, demo[i].org_name,
			    demo[i].region, &org);
		memset(&n, 0, sizeof n);
		n.username = demo[i].username;
		n.role = demo[i].role;
		n.region = demo[i].region;
		n.org_kind = demo[i].kind;
		n.org_id = org;
		n.real_name = demo[i].real_name;
		n.contact = demo[i].contact;
		n.password = DEMO_PASSWORD;
		n.must_change = false;
		/* demo gov users view and import credit information */
		n.perms = demo[i].role == ROLE_GOV ? PERMS_ACCOUNT : 0;
		if (demo[i].role == ROLE_ENTERPRISE) {
			/* an enterprise's mobile is sealed, never plain. */
			static unsigned char idx[32];

			if (!cfg->have_keys) {
				fprintf(stderr, "duijie-admin: Keys.data/Keys.index missing from the secrets file\n");
				rc = 1;
				break;
			}
			n.contact = "";
			n.mobile_enc = seal_text(ar, cfg->data_key, "users.mobile", demo[i].contact);
			blind_index(cfg->index_key, "mobile", demo[i].contact, idx);
			n.mobile_idx = idx;
		}
		if (e != ERR_OK || user_create(db, &a, "user.create.demo", &n, &id, NULL) != ERR_OK) {
			fprintf(stderr, "duijie-admin: demo user %s failed\n", demo[i].username);
			rc = 1;
		} else
			made++;
	}
	if (rc == 0)
		rc = demo_finance(db, ar, &a);
	if (rc == 0 && cfg->have_keys)
		rc = demo_ent_a(cfg, db, ar, &a);
	if (rc == 0)
		rc = demo_loans(db, ar, &a);
	if (rc == 0)
		rc = demo_offices(db, ar, &a);
	db_free(db);
	arena_free(ar);
	if (rc == 0)
		printf("demo: %zu demo accounts created (password %s)\n", made, DEMO_PASSWORD);
	return rc;
}

/* The plain insert of the import benchmark: the old staging table's
 * columns, 64 rows a statement, no checks. */
#define BR	"(?,?,?,?,?,?,?,?,?)"
#define BR4	BR "," BR "," BR "," BR
#define BR16	BR4 "," BR4 "," BR4 "," BR4
#define BR64	BR16 "," BR16 "," BR16 "," BR16
#define BENCH_ROWS	64
#define BENCH_COLS	9

enum { STMT_BENCH_INSERT, STMT_BENCH__MAX };
static const char *const bench_sql[STMT_BENCH__MAX] = {
	[STMT_BENCH_INSERT] =
	    "INSERT INTO bench_plain (batch_id, row_no, uscc, ent_name, region_code,"
	    " decision_date, period_end, content, row_hash) VALUES " BR64,
};
static const struct db_module bench_mod = { DBM_BENCH, STMT_BENCH__MAX, bench_sql };

static int
cmd_bench_insert(const struct config *cfg, const struct opts *o)
{
	/* the shape of the staging table of before 048 (a primary key, no
	 * secondary index) */
	static const char ddl[] =
	    "CREATE TEMPORARY TABLE bench_plain (batch_id BIGINT UNSIGNED NOT NULL,"
	    " row_no INT UNSIGNED NOT NULL, uscc CHAR(18) NOT NULL,"
	    " ent_name VARCHAR(100) NOT NULL, region_code CHAR(6) NOT NULL,"
	    " decision_date DATE NOT NULL, period_end DATE NULL, content TEXT NOT NULL,"
	    " row_hash BINARY(32) NOT NULL, PRIMARY KEY (batch_id, row_no))"
	    " ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci";
	static struct db_param	 p[BENCH_ROWS * BENCH_COLS];
	static char		 keep[BENCH_ROWS][4][4096 + 1];
	static const unsigned char hash[32];
	struct csvr_record	 rec;
	struct timespec		 t0, t1;
	struct csvr		*rd;
	struct db		*db;
	char			 err[256];
	FILE			*f;
	size_t			 n = 0, rows = 0;
	double			 s;
	int			 r, rc = 1;

	if ((f = fopen(o->arg, "r")) == NULL) {
		perror(o->arg);
		return 1;
	}
	if ((db = admin_db(cfg)) == NULL) {
		fclose(f);
		return 1;
	}
	if ((rd = csvr_open(fileno(f), CSVR_AUTO, NULL)) == NULL ||
	    db_script(db, ddl, sizeof ddl - 1, err, sizeof err) != ERR_OK) {
		fprintf(stderr, "duijie-admin: bench-insert: %s\n", rd == NULL ? "reader" : err);
		goto out;
	}
	clock_gettime(CLOCK_MONOTONIC, &t0);
	if (db_begin(db) != ERR_OK || csvr_next(rd, &rec) != 1)	/* the header */
		goto out;
	while ((r = csvr_next(rd, &rec)) != 0) {
		struct db_param *q = &p[n * BENCH_COLS];

		if (r == -1)
			continue;
		/* the first four cells as USCC, name, date and content */
		for (size_t k = 0; k < 4; k++)
			snprintf(keep[n][k], sizeof keep[n][k], "%s", k < rec.n ? rec.f[k].s : "");
		q[0] = DB_INT(0);
		q[1] = DB_INT(rec.row);
		q[2] = DB_STR(keep[n][0]);
		q[3] = DB_STR(keep[n][1]);
		q[4] = DB_STR("440100");
		q[5] = DB_STR(keep[n][2]);
		q[6] = DB_NULL;
		q[7] = DB_STR(keep[n][3]);
		q[8] = DB_STRN((const char *)hash, 32);
		rows++;
		if (++n == BENCH_ROWS) {
			if (db_exec(db, &bench_mod, STMT_BENCH_INSERT, p, n * BENCH_COLS,
			    NULL, NULL) != ERR_OK)
				goto out;
			n = 0;
		}
	}
	/* full statements only: a remainder under 64 rows is left out of
	 * the count (and was never sent) */
	if (db_commit(db) != ERR_OK)
		goto out;
	clock_gettime(CLOCK_MONOTONIC, &t1);
	rows -= n;
	s = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
	printf("bench-insert: %zu rows in %.2f s, rows/s %.0f\n", rows, s,
	    s > 0 ? (double)rows / s : 0.0);
	rc = 0;
out:
	csvr_close(rd);
	db_free(db);
	fclose(f);
	return rc;
}

int
main(int argc, char *argv[])
{
	static const struct option longopts[] = {
		{ "config", required_argument, NULL, 'c' },
		{ "name", required_argument, NULL, 'n' },
		{ "contact", required_argument, NULL, 't' },
		{ "region", required_argument, NULL, 'r' },
		{ "before", required_argument, NULL, 'b' },
		{ "reason", required_argument, NULL, 'w' },
		{ "tip", required_argument, NULL, 'T' },
		{ NULL, 0, NULL, 0 },
	};
	static const struct {
		const char	*name;
		int		(*fn)(const struct config *, const struct opts *);
		int		 operand;	/* 1: takes USER */
	} cmds[] = {
		{ "migrate", cmd_migrate, 0 },
		{ "ping", cmd_ping, 0 },
		{ "create-operator", cmd_create_operator, 1 },
		{ "unlock", cmd_unlock, 1 },
		{ "suspend", cmd_suspend, 1 },
		{ "reactivate", cmd_reactivate, 1 },
		{ "revoke", cmd_revoke, 1 },
		{ "totp-reset", cmd_totp_reset, 1 },
		{ "reset-password", cmd_reset_password, 1 },
		{ "audit-verify", cmd_audit_verify, 0 },
		{ "audit-seal", cmd_audit_seal, 0 },
		{ "audit-purge", cmd_audit_purge, 0 },
		{ "purge", cmd_purge, 0 },
		{ "gram-stats", cmd_gram_stats, 0 },
		{ "loans-expire", cmd_loans_expire, 0 },
		{ "objections-remind", cmd_objections_remind, 0 },
		{ "keygen", cmd_keygen, 0 },
		{ "kdf-time", cmd_kdf_time, -1 },
		{ "demo", cmd_demo, 0 },
		{ "bench-insert", cmd_bench_insert, 1 },
		{ "backup", cmd_backup, -1 },
		{ "restore", cmd_restore, -1 },
		{ "restore-binlog", cmd_restore_binlog, 0 },
	};
	static const char *const owner_cmds[] = {
		"migrate", "audit-purge", "purge", "gram-stats", "demo", "bench-insert",
	};
	const char	*path = NULL, *cmd;
	struct config	 cfg;
	struct opts	 o;
	char		 err[512];
	int		 ch, rc = 2;
	size_t		 i;

	memset(&o, 0, sizeof o);
	/* GNU getopt permutes: options may follow the command and operand. */
	while ((ch = getopt_long(argc, argv, "", longopts, NULL)) != -1) {
		switch (ch) {
		case 'c': path = optarg; break;
		case 'n': o.name = optarg; break;
		case 't': o.contact = optarg; break;
		case 'r': o.region = optarg; break;
		case 'b': o.before = optarg; break;
		case 'w': o.reason = optarg; break;
		case 'T': o.tip = optarg; break;
		default: usage();
		}
	}
	if (optind >= argc)
		usage();
	cmd = argv[optind];
	for (i = 0; i < sizeof cmds / sizeof cmds[0]; i++)
		if (strcmp(cmd, cmds[i].name) == 0)
			break;
	if (i == sizeof cmds / sizeof cmds[0])
		usage();
	/* operand: 1 required, -1 optional, 0 none */
	if (argc - optind > 1 + (cmds[i].operand != 0) ||
	    (cmds[i].operand == 1 && argc - optind != 2))
		usage();
	if (cmds[i].operand != 0 && argc - optind == 2)
		o.arg = argv[optind + 1];
	if (cmds[i].fn == cmd_keygen || cmds[i].fn == cmd_kdf_time)
		return cmds[i].fn(NULL, &o);
	if (path == NULL)
		usage();
	if (config_load(path, PORTAL_NONE, &cfg, err, sizeof err) != ERR_OK) {
		fprintf(stderr, "duijie-admin: %s\n", err);
		return 1;
	}
	/* Only what needs the schema owner (DDL, audit deletion, the search
	 * statistics, development data) reads its password, from AdminSecrets
	 * (config.h); the rest works as the application account. */
	for (size_t k = 0; k < sizeof owner_cmds / sizeof owner_cmds[0]; k++)
		if (strcmp(cmd, owner_cmds[k]) == 0 &&
		    config_load_admin(&cfg, err, sizeof err) != ERR_OK) {
			fprintf(stderr, "duijie-admin: %s\n", err);
			config_free(&cfg);
			return 1;
		}
	log_init("admin", cfg.log_level);
	if (cfg.have_keys)
		seal_contacts_init(cfg.data_key);
	nerr_init();
	mysql_library_init(0, NULL, NULL);
	rc = cmds[i].fn(&cfg, &o);
	config_free(&cfg);
	mysql_library_end();
	return rc;
}
