/*
 * config.c -- read conf/duijie.hdf into struct config.
 */
#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "core/cs.h"
#include "core/config.h"

enum portal
portal_parse(const char *name)
{
	if (name == NULL)
		return PORTAL_NONE;
	if (strcmp(name, "internet") == 0)
		return PORTAL_INTERNET;
	if (strcmp(name, "intranet") == 0)
		return PORTAL_INTRANET;
	return PORTAL_NONE;
}

const char *
portal_name(enum portal p)
{
	switch (p) {
	case PORTAL_INTERNET:
		return "internet";
	case PORTAL_INTRANET:
		return "intranet";
	default:
		return "admin";
	}
}

static void
fail(char *errbuf, size_t errlen, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(errbuf, errlen, fmt, ap);
	va_end(ap);
}

/* Copies HDF string `name` (or `def`); NULL only when both are missing. */
static char *
get_str(HDF *h, const char *name, const char *def)
{
	const char *v = hdf_get_value(h, name, def);

	return v == NULL ? NULL : strdup(v);
}

/* Bounded unsigned read; -1 when the value is not a number in range. */
static int
get_num(HDF *h, const char *name, unsigned long long def,
    unsigned long long max, int base, unsigned long long *out)
{
	const char		*v = hdf_get_value(h, name, NULL);
	char			*end;
	unsigned long long	 n;

	if (v == NULL || *v == '\0') {
		*out = def;
		return 0;
	}
	if (*v == '-')
		return -1;
	errno = 0;
	n = strtoull(v, &end, base);
	if (errno != 0 || *end != '\0' || n > max)
		return -1;
	*out = n;
	return 0;
}

/* Reads an HDF file that must not be readable by group or others into h;
 * -1 with a message in errbuf otherwise. */
static int
read_private(HDF *h, const char *file, const char *what, char *errbuf,
    size_t errlen)
{
	struct stat	 st;
	NEOERR		*nerr;
	STRING		 s;

	if (stat(file, &st) == -1) {
		fail(errbuf, errlen, "%s: %s", file, strerror(errno));
		return -1;
	}
	if ((st.st_mode & 077) != 0) {
		fail(errbuf, errlen, "%s: %s must not be readable by group or "
		    "others (chmod 600)", file, what);
		return -1;
	}
	if ((nerr = hdf_read_file(h, file)) != STATUS_OK) {
		string_init(&s);
		nerr_error_string(nerr, &s);
		fail(errbuf, errlen, "%s", s.buf ? s.buf : "HDF error");
		string_clear(&s);
		nerr_ignore(&nerr);
		return -1;
	}
	return 0;
}

/* A 32-byte key as 64 hex digits; -1 when missing or malformed. */
static int
hex_key(HDF *h, const char *name, unsigned char key[32])
{
	const char *v = hdf_get_value(h, name, NULL);

	if (v == NULL || strlen(v) != 64)
		return -1;
	for (int i = 0; i < 32; i++) {
		unsigned hi, lo;
		char a = v[2 * i], b = v[2 * i + 1];

		if (!isxdigit((unsigned char)a) || !isxdigit((unsigned char)b))
			return -1;
		hi = (unsigned)(isdigit((unsigned char)a) ? a - '0' : (tolower((unsigned char)a) - 'a' + 10));
		lo = (unsigned)(isdigit((unsigned char)b) ? b - '0' : (tolower((unsigned char)b) - 'a' + 10));
		key[i] = (unsigned char)(hi << 4 | lo);
	}
	return 0;
}

enum err
config_load(const char *path, enum portal portal, struct config *out,
    char *errbuf, size_t errlen)
{
	struct config		 c;
	HDF			*h = NULL;
	NEOERR			*nerr;
	const char		*secrets;
	char			 key[128];
	unsigned long long	 n;
	enum err		 rc = ERR_CONFIG;
	struct {
		const char		*name;
		unsigned long long	 def, max;
		int			 base;
		void			*dst;
		int			 size;	/* 4: unsigned, 8: size_t, -4: int */
	} nums[] = {
		{ "DB.connect_timeout", 2, 3600, 10, &c.db.connect_timeout, 4 },
		{ "DB.read_timeout", 10, 3600, 10, &c.db.read_timeout, 4 },
		{ "DB.write_timeout", 10, 3600, 10, &c.db.write_timeout, 4 },
		{ "Limits.body_max", 1 << 20, 1ULL << 32, 10, &c.limits.body_max, 8 },
		{ "Limits.upload_max", 20 << 20, 1ULL << 32, 10, &c.upload_max, 8 },
		{ "Limits.fields_max", 200, 100000, 10, &c.limits.fields_max, 8 },
		{ "Limits.field_max", 65536, 1ULL << 30, 10, &c.limits.field_max, 8 },
		{ "Limits.file_max", 20 << 20, 1ULL << 32, 10, &c.limits.file_max, 8 },
		{ "Limits.licence_max", 5 << 20, 1ULL << 30, 10, &c.licence_max, 8 },
		{ "Limits.attachment_max", 10 << 20, 1ULL << 30, 10, &c.attachment_max, 8 },
		{ "Auth.max_failures", 5, 100, 10, &c.auth.max_failures, 4 },
		{ "Auth.failure_window", 900, 86400, 10, &c.auth.failure_window, 4 },
		{ "Auth.lock_secs", 1800, 86400 * 30, 10, &c.auth.lock_secs, 4 },
		{ "Auth.addr_max_failures", 50, 100000, 10, &c.auth.addr_max_failures, 4 },
		{ "Auth.staff_pw_days", 90, 3650, 10, &c.auth.staff_pw_days, 4 },
		{ "Auth.dormant_days", 90, 3650, 10, &c.auth.dormant_days, 4 },
		{ "Session.idle", 1800, 86400, 10, &c.auth.session_idle, 4 },
		{ "Session.absolute", 43200, 86400 * 7, 10, &c.auth.session_absolute, 4 },
		{ "Auth.otp_days", 7, 365, 10, &c.auth.otp_days, 4 },
		{ "Session.pending", 300, 3600, 10, &c.auth.pending_secs, 4 },
		{ "SMS.timeout", 10, 300, 10, &c.sms.timeout, 4 },
		{ "Backup.keep", 4, 1000, 10, &c.backup.keep, 4 },
		{ "Retention.audit_days", 365, 36500, 10, &c.retention.audit_days, 4 },
		{ "Retention.queries_days", 1095, 36500, 10, &c.retention.queries_days, 4 },
		{ "Retention.sms_days", 30, 3650, 10, &c.retention.sms_days, 4 },
	};

	memset(&c, 0, sizeof c);
	if ((nerr = hdf_init(&h)) != STATUS_OK)
		goto nerr;
	if ((nerr = hdf_read_file(h, path)) != STATUS_OK)
		goto nerr;
	if ((secrets = hdf_get_value(h, "Secrets", NULL)) != NULL &&
	    read_private(h, secrets, "secrets file", errbuf, errlen) == -1)
		goto out;
	/* The schema owner's password lives in AdminSecrets only: whatever
	 * loads this config (a worker above all) must not hold it. */
	if (hdf_get_obj(h, "DB.admin_password") != NULL) {
		fail(errbuf, errlen, "%s: DB.admin_password (the schema owner's) "
		    "is in this file or its Secrets file; it belongs in the "
		    "AdminSecrets file only, which the workers never read", path);
		goto out;
	}

	c.portal = portal;
	c.portal_name = portal_name(portal);
	if (portal != PORTAL_NONE) {
		snprintf(key, sizeof key, "Portal.%s.socket", c.portal_name);
		if ((c.socket = get_str(h, key, NULL)) == NULL) {
			fail(errbuf, errlen, "%s: %s is missing", path, key);
			goto out;
		}
		snprintf(key, sizeof key, "Portal.%s.socket_mode", c.portal_name);
		if (get_num(h, key, 0660, 0777, 8, &n) == -1) {
			fail(errbuf, errlen, "%s: %s must be octal <= 0777", path, key);
			goto out;
		}
		c.socket_mode = (unsigned)n;
		snprintf(key, sizeof key, "Portal.%s.workers", c.portal_name);
		if (get_num(h, key, 4, 256, 10, &n) == -1 || n == 0) {
			fail(errbuf, errlen, "%s: %s must be 1..256", path, key);
			goto out;
		}
		c.workers = (int)n;
		snprintf(key, sizeof key, "Portal.%s.signin_socket", c.portal_name);
		c.signin_socket = get_str(h, key, NULL);
		if (c.signin_socket != NULL && *c.signin_socket == '\0') {
			free(c.signin_socket);
			c.signin_socket = NULL;
		}
		snprintf(key, sizeof key, "Portal.%s.signin_workers", c.portal_name);
		if (get_num(h, key, c.signin_socket != NULL ? 1 : 0, 64, 10, &n) == -1 ||
		    (c.signin_socket != NULL && n == 0) ||
		    (c.signin_socket == NULL && n != 0)) {
			fail(errbuf, errlen, "%s: %s must be 1..64 with a signin_socket, "
			    "0 without", path, key);
			goto out;
		}
		c.signin_workers = (int)n;
		if (c.signin_socket != NULL && strcmp(c.signin_socket, c.socket) == 0) {
			fail(errbuf, errlen, "%s: Portal.%s.signin_socket is the portal's "
			    "own socket", path, c.portal_name);
			goto out;
		}
	}
	for (size_t i = 0; i < sizeof nums / sizeof nums[0]; i++) {
		if (get_num(h, nums[i].name, nums[i].def, nums[i].max,
		    nums[i].base, &n) == -1) {
			fail(errbuf, errlen, "%s: %s must be a number <= %llu",
			    path, nums[i].name, nums[i].max);
			goto out;
		}
		if (nums[i].size == 4)
			*(unsigned *)nums[i].dst = (unsigned)n;
		else
			*(size_t *)nums[i].dst = (size_t)n;
	}
	if (c.retention.audit_days < RETENTION_MIN_LOG_DAYS ||
	    c.retention.queries_days < RETENTION_MIN_LOG_DAYS) {
		fail(errbuf, errlen, "%s: Retention.%s must be >= %d (6 months)",
		    path, c.retention.audit_days < RETENTION_MIN_LOG_DAYS ?
		    "audit_days" : "queries_days", RETENTION_MIN_LOG_DAYS);
		goto out;
	}
	if (c.retention.sms_days < RETENTION_MIN_SMS_DAYS) {
		fail(errbuf, errlen, "%s: Retention.sms_days must be >= %d", path,
		    RETENTION_MIN_SMS_DAYS);
		goto out;
	}
	{
		const char *t = hdf_get_value(h, "Auth.totp", "required");

		if (strcmp(t, "required") != 0 && strcmp(t, "optional") != 0) {
			fail(errbuf, errlen, "%s: Auth.totp must be required or optional", path);
			goto out;
		}
		c.auth.totp_required = strcmp(t, "required") == 0;
	}
	{
		const char *t = hdf_get_value(h, "SMS.sender", "file");

		if (strcmp(t, "file") != 0 && strcmp(t, "command") != 0) {
			fail(errbuf, errlen, "%s: SMS.sender must be file or command", path);
			goto out;
		}
		c.sms.command = strcmp(t, "command") == 0;
	}
	c.sms.outbox = get_str(h, "SMS.outbox", "/var/lib/duijie/sms-outbox.log");
	c.sms.cmd = get_str(h, "SMS.command", "");
	if (hex_key(h, "Keys.data", c.data_key) == 0 &&
	    hex_key(h, "Keys.index", c.index_key) == 0)
		c.have_keys = 1;
	c.db.socket = get_str(h, "DB.socket", "/run/mysqld/mysqld.sock");
	c.db.name = get_str(h, "DB.name", "duijie");
	c.db.user = get_str(h, "DB.user", "duijie_app");
	c.db.app_host = get_str(h, "DB.app_host", "localhost");
	c.db.password = get_str(h, "DB.password", "");
	c.db.admin_user = get_str(h, "DB.admin_user", "duijie_admin");
	c.db.admin_password = strdup("");
	if (hdf_get_value(h, "AdminSecrets", NULL) != NULL &&
	    (c.admin_secrets = get_str(h, "AdminSecrets", NULL)) == NULL) {
		fail(errbuf, errlen, "out of memory");
		goto out;
	}
	c.views = get_str(h, "Paths.views", "/usr/share/duijie/views");
	c.schema = get_str(h, "Paths.schema", "/usr/share/duijie/schema");
	c.tmp = get_str(h, "Paths.tmp", "/var/tmp");
	c.licences = get_str(h, "Paths.licences", "/var/lib/duijie/licences");
	c.files = get_str(h, "Paths.files", "/var/lib/duijie/files");
	c.site.hotline = get_str(h, "Site.hotline", "");
	c.site.icp = get_str(h, "Site.icp", "");
	c.site.psb = get_str(h, "Site.psb", "");
	c.backup.dir = get_str(h, "Backup.dir", "/var/backups/duijie");
	c.backup.credentials = get_str(h, "Backup.credentials", "/etc/duijie/backup.cnf");
	c.backup.datadir = get_str(h, "Backup.datadir", "/var/lib/mysql");
	c.backup.replay_user = get_str(h, "Backup.replay_user", "root");
	c.path = strdup(path);
	c.log_level = log_level_parse(hdf_get_value(h, "Log.level", "info"));
	if (c.db.socket == NULL || c.db.name == NULL || c.db.user == NULL ||
	    c.db.app_host == NULL || c.db.password == NULL || c.db.admin_user == NULL ||
	    c.db.admin_password == NULL || c.views == NULL ||
	    c.schema == NULL || c.tmp == NULL || c.licences == NULL || c.files == NULL ||
	    c.site.hotline == NULL || c.site.icp == NULL || c.site.psb == NULL ||
	    c.backup.dir == NULL || c.backup.credentials == NULL ||
	    c.backup.datadir == NULL || c.backup.replay_user == NULL ||
	    c.path == NULL) {
		fail(errbuf, errlen, "out of memory");
		goto out;
	}
	*out = c;
	hdf_destroy(&h);
	return ERR_OK;

nerr:
	{
		STRING s;

		string_init(&s);
		nerr_error_string(nerr, &s);
		fail(errbuf, errlen, "%s", s.buf ? s.buf : "HDF error");
		string_clear(&s);
		nerr_ignore(&nerr);
	}
out:
	config_free(&c);
	hdf_destroy(&h);
	return rc;
}

enum err
config_load_admin(struct config *c, char *errbuf, size_t errlen)
{
	HDF		*h = NULL, *o;
	NEOERR		*nerr;
	const char	*v;
	char		*pw;
	enum err	 rc = ERR_CONFIG;

	if (c->admin_secrets == NULL) {
		fail(errbuf, errlen, "%s: AdminSecrets (the file with "
		    "DB.admin_password) is not set", c->path);
		return ERR_CONFIG;
	}
	if ((nerr = hdf_init(&h)) != STATUS_OK) {
		nerr_ignore(&nerr);
		fail(errbuf, errlen, "out of memory");
		return ERR_CONFIG;
	}
	if (read_private(h, c->admin_secrets, "admin secrets file", errbuf,
	    errlen) == -1)
		goto out;
	/* Only the owner's password: a key here would be a copy the
	 * workers' file may come to disagree with. */
	for (o = hdf_obj_child(h); o != NULL; o = hdf_obj_next(o))
		if (strcmp(hdf_obj_name(o), "DB") != 0 ||
		    hdf_obj_value(o) != NULL) {
			fail(errbuf, errlen, "%s: only DB.admin_password belongs "
			    "here, not %s", c->admin_secrets, hdf_obj_name(o));
			goto out;
		}
	for (o = hdf_get_child(h, "DB"); o != NULL; o = hdf_obj_next(o))
		if (strcmp(hdf_obj_name(o), "admin_password") != 0) {
			fail(errbuf, errlen, "%s: only DB.admin_password belongs "
			    "here, not DB.%s", c->admin_secrets, hdf_obj_name(o));
			goto out;
		}
	if ((v = hdf_get_value(h, "DB.admin_password", NULL)) == NULL ||
	    *v == '\0') {
		fail(errbuf, errlen, "%s: DB.admin_password is missing",
		    c->admin_secrets);
		goto out;
	}
	if ((pw = strdup(v)) == NULL) {
		fail(errbuf, errlen, "out of memory");
		goto out;
	}
	if (c->db.admin_password != NULL) {
		explicit_bzero(c->db.admin_password, strlen(c->db.admin_password));
		free(c->db.admin_password);
	}
	c->db.admin_password = pw;
	rc = ERR_OK;
out:
	hdf_destroy(&h);
	return rc;
}

void
config_free(struct config *c)
{
	free(c->path);
	free(c->admin_secrets);
	free(c->socket);
	free(c->signin_socket);
	free(c->db.socket);
	free(c->db.name);
	free(c->db.user);
	free(c->db.app_host);
	if (c->db.password != NULL)
		explicit_bzero(c->db.password, strlen(c->db.password));
	free(c->db.password);
	free(c->db.admin_user);
	explicit_bzero(c->data_key, sizeof c->data_key);
	explicit_bzero(c->index_key, sizeof c->index_key);
	if (c->db.admin_password != NULL)
		explicit_bzero(c->db.admin_password, strlen(c->db.admin_password));
	free(c->db.admin_password);
	free(c->views);
	free(c->schema);
	free(c->tmp);
	free(c->licences);
	free(c->files);
	free(c->site.hotline);
	free(c->site.icp);
	free(c->site.psb);
	free(c->backup.dir);
	free(c->backup.credentials);
	free(c->backup.datadir);
	free(c->backup.replay_user);
	free(c->sms.outbox);
	free(c->sms.cmd);
	memset(c, 0, sizeof *c);
}
