/*
 * config.h -- the HDF configuration file (see conf/duijie.hdf).
 *
 * config_load() reads the file, then the secrets file it names, and
 * copies every setting the program uses into a typed struct: nothing
 * reads the HDF tree after start-up.
 *
 * Two secrets files (X-SEC, least privilege): `Secrets` holds what the
 * workers need (DB.password of the application account, Keys.*);
 * `AdminSecrets` holds only DB.admin_password, the schema owner's, and is
 * read by config_load_admin() in duijie-admin alone.  The owner's password
 * in the main file or in `Secrets` is a configuration error, so a worker
 * never holds it.
 */
#ifndef DUIJIE_CONFIG_H
#define DUIJIE_CONFIG_H

#include <stddef.h>

#include "core/err.h"
#include "core/log.h"

/* The request parser's limits (Limits.* of the config; lib/web/params.h
 * applies them). */
struct limits {
	size_t	body_max;	/* CONTENT_LENGTH above this: ERR_TOOBIG */
	size_t	fields_max;	/* more fields than this: ERR_TOOMANY */
	size_t	field_max;	/* a name or non-file value longer: ERR_TOOBIG */
	size_t	file_max;	/* an uploaded file larger: ERR_TOOBIG */
};

/* Bit flags so a route can belong to both. */
enum portal {
	PORTAL_NONE = 0,
	PORTAL_INTERNET = 1,
	PORTAL_INTRANET = 2,
	PORTAL_BOTH = 3,
};

struct config_db {
	char		*socket;
	char		*name;
	char		*user;
	char		*app_host;	/* host part of the app account, for grants */
	char		*password;
	char		*admin_user;
	char		*admin_password;	/* "" unless config_load_admin() ran */
	unsigned	 connect_timeout;
	unsigned	 read_timeout;
	unsigned	 write_timeout;
};

/* Sign-in rules (R-11.1, 等保 level 3). */
struct config_auth {
	int		 totp_required;		/* Auth.totp = required|optional */
	unsigned	 max_failures;		/* 5 */
	unsigned	 failure_window;	/* seconds, 900 */
	unsigned	 lock_secs;		/* 1800 */
	unsigned	 addr_max_failures;	/* per client address and window */
	unsigned	 staff_pw_days;		/* 90 */
	unsigned	 dormant_days;		/* 90: gov accounts idle longer are listed */
	unsigned	 session_idle;		/* seconds, 1800 */
	unsigned	 session_absolute;	/* seconds, 43200 */
	unsigned	 otp_days;		/* a one-time password lives 7 days */
	unsigned	 pending_secs;		/* a sign-in between factors: 300 */
};

/* How SMS codes leave. */
struct config_sms {
	int		 command;	/* SMS.sender = command (else file) */
	char		*outbox;	/* SMS.outbox: the file sender's file */
	char		*cmd;		/* SMS.command: the command sender's program */
	unsigned	 timeout;	/* SMS.timeout, seconds */
};

/* What `duijie-admin purge` deletes (issue 20, "Retention"), in days.
 * The audit trail and the credit query log keep at least
 * RETENTION_MIN_LOG_DAYS (6 months: X-AUD, 网络安全法 art. 21): a lower
 * value is a config error, and purge holds to it again. */
#define RETENTION_MIN_LOG_DAYS 183
#define RETENTION_MIN_SMS_DAYS 1	/* the per-number daily limit counts them */
struct config_retention {
	unsigned	 audit_days;	/* Retention.audit_days, 365 */
	unsigned	 queries_days;	/* Retention.queries_days, 1095 */
	unsigned	 sms_days;	/* Retention.sms_days (after expiry), 30 */
};

/* What the portals' footer shows (issue 17 "Front pages"): "" hides it. */
struct config_site {
	char		*hotline;	/* Site.hotline: the service hotline */
	char		*icp;		/* Site.icp: the ICP licence / filing number */
	char		*psb;		/* Site.psb: the public-security filing number */
};

/* duijie-admin backup / restore (cgi/admin_backup.c, docs/OPERATIONS.md). */
struct config_backup {
	char		*dir;		/* Backup.dir: the sets, binlog copies, restore work */
	char		*credentials;	/* Backup.credentials: MariaDB option file, mode 0600 */
	char		*datadir;	/* Backup.datadir: the server's data directory */
	char		*replay_user;	/* Backup.replay_user: replays binlogs (unix socket) */
	unsigned	 keep;		/* Backup.keep: full backups kept, with their chains */
};

struct config {
	char		*path;		/* the file it was read from */
	char		*admin_secrets;	/* AdminSecrets: path, NULL when not set */
	enum portal	 portal;	/* PORTAL_NONE for duijie-admin */
	const char	*portal_name;	/* "internet", "intranet" or "admin" */
	char		*socket;
	unsigned	 socket_mode;
	int		 workers;
	/* Portal.<p>.signin_socket / signin_workers: a second pool of this
	 * master for the requests that run the password KDF (nginx sends
	 * them there), so a burst of sign-ins never takes every worker of
	 * the pages (issue 19 item 4).  NULL / 0: no such pool. */
	char		*signin_socket;
	int		 signin_workers;
	struct config_db db;
	struct config_auth auth;
	struct config_sms sms;
	struct config_site site;
	struct config_backup backup;
	struct config_retention retention;
	unsigned char	 data_key[32];	/* Keys.data: AES-256-GCM for secrets at rest */
	unsigned char	 index_key[32];	/* Keys.index: HMAC for blind indexes */
	int		 have_keys;	/* both keys present in the secrets file */
	struct limits	 limits;
	size_t		 upload_max;
	size_t		 licence_max;	/* Limits.licence_max: a claim's business licence */
	size_t		 attachment_max; /* Limits.attachment_max: one attachment (lib/store/files.h) */
	char		*views;
	char		*schema;
	char		*tmp;
	char		*licences;	/* Paths.licences: claims' licences, outside the web root */
	char		*files;		/* Paths.files: attachments, outside the web root */
	enum log_level	 log_level;
};

/* "internet"/"intranet" to the enum; PORTAL_NONE for anything else. */
enum portal	portal_parse(const char *name);
const char	*portal_name(enum portal);

/*
 * Reads `path` for `portal` (PORTAL_NONE: no Portal block needed).
 * Returns ERR_OK, or ERR_CONFIG with a message in errbuf and *out
 * untouched.  On success free with config_free().
 */
enum err	config_load(const char *path, enum portal portal,
		    struct config *out, char *errbuf, size_t errlen);
/*
 * duijie-admin only: reads DB.admin_password from the `AdminSecrets` file
 * of a loaded config (it must exist, be mode 0600 or stricter and hold
 * nothing else but comments) into c->db.admin_password.  Returns ERR_OK,
 * or ERR_CONFIG with a message in errbuf and c untouched.
 */
enum err	config_load_admin(struct config *c, char *errbuf, size_t errlen);
void		config_free(struct config *);

#endif
