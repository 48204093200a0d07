/*
 * test_config.c -- X-SEC least privilege of the secrets (issue 12 item
 * 17): the workers' configuration never holds the schema owner's
 * password.  config_load() refuses DB.admin_password in the file or its
 * Secrets file; only config_load_admin() reads it, from AdminSecrets,
 * which must be 0600 and hold nothing else.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/config.h"

static char	 dir[64];
static char	 conf[128], secrets[128], admin[128];

static void
put(const char *path, mode_t mode, const char *fmt, ...)
{
	FILE	*f = fopen(path, "w");
	va_list	 ap;

	assert_non_null(f);
	va_start(ap, fmt);
	vfprintf(f, fmt, ap);
	va_end(ap);
	assert_int_equal(fclose(f), 0);
	assert_int_equal(chmod(path, mode), 0);
}

/* The stack's layout: config naming both files, each 0600. */
static void
write_split(const char *extra_conf, const char *extra_secrets,
    const char *admin_text, mode_t admin_mode)
{
	put(conf, 0644,
	    "Secrets = %s\nAdminSecrets = %s\n"
	    "Portal.internet.socket = %s/internet.sock\n%s",
	    secrets, admin, dir, extra_conf);
	put(secrets, 0600, "DB.password = app-pw-1\n"
	    "Keys.data = %064d\nKeys.index = %064d\n%s", 1, 2, extra_secrets);
	put(admin, admin_mode, "%s", admin_text);
}

static int
setup(void **state)
{
	(void)state;
	snprintf(dir, sizeof dir, "/tmp/duijie-test-config-XXXXXX");
	if (mkdtemp(dir) == NULL)
		return -1;
	snprintf(conf, sizeof conf, "%s/duijie.hdf", dir);
	snprintf(secrets, sizeof secrets, "%s/secrets.hdf", dir);
	snprintf(admin, sizeof admin, "%s/secrets-admin.hdf", dir);
	return 0;
}

static int
teardown(void **state)
{
	(void)state;
	unlink(conf);
	unlink(secrets);
	unlink(admin);
	rmdir(dir);
	return 0;
}

/* A worker's config: the app account's password, the keys, not the
 * owner's, and the AdminSecrets file is not even opened (it may be
 * unreadable to the workers' user). */
static void
xsec_worker_config_has_no_owner_password(void **state)
{
	struct config	 c;
	char		 err[512];

	(void)state;
	write_split("", "", "DB.admin_password = owner-pw-1\n", 0600);
	assert_int_equal(config_load(conf, PORTAL_INTERNET, &c, err,
	    sizeof err), ERR_OK);
	assert_string_equal(c.db.password, "app-pw-1");
	assert_string_equal(c.db.admin_password, "");
	assert_true(c.have_keys);
	config_free(&c);

	/* unreadable to the loader: no matter */
	assert_int_equal(chmod(admin, 0), 0);
	assert_int_equal(config_load(conf, PORTAL_INTERNET, &c, err,
	    sizeof err), ERR_OK);
	assert_string_equal(c.db.admin_password, "");
	config_free(&c);
	assert_int_equal(chmod(admin, 0600), 0);
}

/* The owner's password anywhere a worker reads it: refused, for workers
 * and duijie-admin alike, with a message naming AdminSecrets. */
static void
xsec_owner_password_in_worker_files_is_refused(void **state)
{
	static const struct {
		const char	*conf, *secrets;
	} bad[] = {
		{ "", "DB.admin_password = owner-pw-1\n" },
		{ "", "DB {\n  admin_password = owner-pw-1\n}\n" },
		{ "DB.admin_password = owner-pw-1\n", "" },
		{ "DB.admin_password =\n", "" },
	};
	struct config	 c;
	char		 err[512];

	(void)state;
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		write_split(bad[i].conf, bad[i].secrets,
		    "DB.admin_password = owner-pw-1\n", 0600);
		memset(&c, 0x5a, sizeof c);
		err[0] = '\0';
		assert_int_equal(config_load(conf, PORTAL_INTERNET, &c, err,
		    sizeof err), ERR_CONFIG);
		assert_non_null(strstr(err, "AdminSecrets"));
		assert_int_equal(config_load(conf, PORTAL_NONE, &c, err,
		    sizeof err), ERR_CONFIG);
	}
}

/* duijie-admin: the owner's password from AdminSecrets only. */
static void
xsec_admin_reads_owner_password_from_admin_secrets(void **state)
{
	static const struct {
		const char	*text;
		mode_t		 mode;
		const char	*why;	/* in the message */
	} bad[] = {
		{ "DB.admin_password = owner-pw-1\n", 0640, "chmod 600" },
		{ "DB.admin_password = owner-pw-1\n", 0604, "chmod 600" },
		{ "", 0600, "missing" },
		{ "DB.admin_password =\n", 0600, "missing" },
		{ "DB.admin_password = x\nDB.password = y\n", 0600, "DB.password" },
		{ "DB.admin_password = x\nKeys.data = y\n", 0600, "Keys" },
	};
	struct config	 c;
	char		 err[512];

	(void)state;
	write_split("", "", "# the owner\nDB.admin_password = owner-pw-1\n",
	    0600);
	assert_int_equal(config_load(conf, PORTAL_NONE, &c, err, sizeof err),
	    ERR_OK);
	assert_string_equal(c.db.admin_password, "");
	assert_int_equal(config_load_admin(&c, err, sizeof err), ERR_OK);
	assert_string_equal(c.db.admin_password, "owner-pw-1");
	assert_string_equal(c.db.password, "app-pw-1");
	config_free(&c);

	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		write_split("", "", bad[i].text, bad[i].mode);
		assert_int_equal(config_load(conf, PORTAL_NONE, &c, err,
		    sizeof err), ERR_OK);
		assert_int_equal(config_load_admin(&c, err, sizeof err),
		    ERR_CONFIG);
		assert_non_null(strstr(err, bad[i].why));
		assert_string_equal(c.db.admin_password, "");
		config_free(&c);
	}

	/* no AdminSecrets line */
	put(conf, 0644, "Secrets = %s\n", secrets);
	assert_int_equal(config_load(conf, PORTAL_NONE, &c, err, sizeof err),
	    ERR_OK);
	assert_int_equal(config_load_admin(&c, err, sizeof err), ERR_CONFIG);
	assert_non_null(strstr(err, "AdminSecrets"));
	config_free(&c);
}

/* Issue 19 item 4: the sign-in pool.  No signin_socket: no pool; with
 * one, 1 worker unless told; a pool without a socket, a socket without
 * workers, or the pages' own socket: refused. */
static void
signin_pool_config(void **state)
{
	struct config	 c;
	char		 err[512], extra[256];

	(void)state;
	write_split("", "", "", 0600);
	assert_int_equal(config_load(conf, PORTAL_INTERNET, &c, err,
	    sizeof err), ERR_OK);
	assert_null(c.signin_socket);
	assert_int_equal(c.signin_workers, 0);
	config_free(&c);

	snprintf(extra, sizeof extra, "Portal.internet.signin_socket = %s/in-s.sock\n", dir);
	write_split(extra, "", "", 0600);
	assert_int_equal(config_load(conf, PORTAL_INTERNET, &c, err,
	    sizeof err), ERR_OK);
	assert_non_null(c.signin_socket);
	assert_non_null(strstr(c.signin_socket, "in-s.sock"));
	assert_int_equal(c.signin_workers, 1);
	config_free(&c);

	snprintf(extra, sizeof extra, "Portal.internet.signin_socket = %s/in-s.sock\n"
	    "Portal.internet.signin_workers = 3\n", dir);
	write_split(extra, "", "", 0600);
	assert_int_equal(config_load(conf, PORTAL_INTERNET, &c, err,
	    sizeof err), ERR_OK);
	assert_int_equal(c.signin_workers, 3);
	config_free(&c);

	write_split("Portal.internet.signin_workers = 2\n", "", "", 0600);
	assert_int_not_equal(config_load(conf, PORTAL_INTERNET, &c, err,
	    sizeof err), ERR_OK);
	assert_non_null(strstr(err, "signin_workers"));

	snprintf(extra, sizeof extra, "Portal.internet.signin_socket = %s/in-s.sock\n"
	    "Portal.internet.signin_workers = 0\n", dir);
	write_split(extra, "", "", 0600);
	assert_int_not_equal(config_load(conf, PORTAL_INTERNET, &c, err,
	    sizeof err), ERR_OK);

	snprintf(extra, sizeof extra, "Portal.internet.signin_socket = %s/internet.sock\n", dir);
	write_split(extra, "", "", 0600);
	assert_int_not_equal(config_load(conf, PORTAL_INTERNET, &c, err,
	    sizeof err), ERR_OK);
	assert_non_null(strstr(err, "own socket"));
}

/* Retention (issue 20, X-AUD): the defaults, and a period under the legal
 * minimum of 6 months for the audit trail or the credit query log (or
 * under a day for SMS codes) is refused, naming the key. */
static void
xaud_retention_minimums(void **state)
{
	static const struct {
		const char	*conf;
		const char	*named;		/* NULL: accepted */
	} cases[] = {
		{ "", NULL },
		{ "Retention.audit_days = 183\nRetention.queries_days = 183\n"
		  "Retention.sms_days = 1\n", NULL },
		{ "Retention.audit_days = 182\n", "Retention.audit_days" },
		{ "Retention.queries_days = 100\n", "Retention.queries_days" },
		{ "Retention.sms_days = 0\n", "Retention.sms_days" },
	};
	struct config	 c;
	char		 err[512];

	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		write_split(cases[i].conf, "", "DB.admin_password = o\n", 0600);
		err[0] = '\0';
		if (cases[i].named == NULL) {
			assert_int_equal(config_load(conf, PORTAL_NONE, &c, err,
			    sizeof err), ERR_OK);
			if (i == 0) {
				assert_int_equal(c.retention.audit_days, 365);
				assert_int_equal(c.retention.queries_days, 1095);
				assert_int_equal(c.retention.sms_days, 30);
			} else {
				assert_int_equal(c.retention.audit_days, 183);
				assert_int_equal(c.retention.sms_days, 1);
			}
			config_free(&c);
		} else {
			assert_int_equal(config_load(conf, PORTAL_NONE, &c, err,
			    sizeof err), ERR_CONFIG);
			assert_non_null(strstr(err, cases[i].named));
		}
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(xsec_worker_config_has_no_owner_password),
		cmocka_unit_test(xsec_owner_password_in_worker_files_is_refused),
		cmocka_unit_test(xsec_admin_reads_owner_password_from_admin_secrets),
		cmocka_unit_test(signin_pool_config),
		cmocka_unit_test(xaud_retention_minimums),
	};

	return cmocka_run_group_tests_name("config", tests, setup, teardown);
}
