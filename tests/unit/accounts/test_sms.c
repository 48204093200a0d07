/*
 * test_sms.c -- SMS throttles with any clock, message text, blind
 * indexes and sealed text.  No database.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/arena.h"
#include "crypto/seal.h"
#include "accounts/sms.h"

/* 60 s between sends, 10 a day per number, 20 an hour per address. */
static void
r_06_2_throttle_table(void **state)
{
	static const struct {
		long long	 since;
		unsigned	 day, hour;
		const char	*want;
	} t[] = {
		{ -1, 0, 0, NULL },		/* never sent */
		{ 0, 1, 1, "sms_wait" },
		{ 59, 1, 1, "sms_wait" },
		{ 60, 1, 1, NULL },
		{ 61, 9, 19, NULL },
		{ 3600, 10, 0, "sms_number_day" },
		{ 86399, 10, 0, "sms_number_day" },
		{ 3600, 11, 0, "sms_number_day" },
		{ 3600, 0, 20, "sms_addr_hour" },
		{ 3600, 0, 19, NULL },
		{ 30, 10, 20, "sms_wait" },	/* the first rule broken is named */
		{ 120, 10, 20, "sms_number_day" },
		{ -1, 0, 20, "sms_addr_hour" },
	};

	(void)state;
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
		struct sms_counts c = { t[i].since, t[i].day, t[i].hour };
		const char *got = sms_may_send(&sms_default_policy, &c);

		if (t[i].want == NULL ? got != NULL : got == NULL || strcmp(got, t[i].want) != 0)
			fail_msg("case %zu: want %s, got %s", i,
			    t[i].want ? t[i].want : "NULL", got ? got : "NULL");
	}
	assert_int_equal(sms_default_policy.ttl, 300);
	assert_int_equal(sms_default_policy.max_attempts, 5);
}

static void
r_06_2_text_names_the_platform(void **state)
{
	char text[512];

	(void)state;
	sms_text(SMS_REGISTER, "123456", text, sizeof text);
	assert_non_null(strstr(text, "广东省中小微企业信用信息和融资对接平台"));
	assert_non_null(strstr(text, "123456"));
	assert_non_null(strstr(text, "5 分钟"));
	sms_text(SMS_RESET, "654321", text, sizeof text);
	assert_non_null(strstr(text, "重置密码"));
}

/* blind indexes are keyed, domain-separated and deterministic. */
static void
r_09_4_blind_index(void **state)
{
	unsigned char k1[32] = { 1 }, k2[32] = { 2 }, a[32], b[32];

	(void)state;
	blind_index(k1, "mobile", "13800138000", a);
	blind_index(k1, "mobile", "13800138000", b);
	assert_memory_equal(a, b, 32);
	blind_index(k2, "mobile", "13800138000", b);
	assert_memory_not_equal(a, b, 32);
	blind_index(k1, "idno", "13800138000", b);
	assert_memory_not_equal(a, b, 32);
	blind_index(k1, "mobile", "13800138001", b);
	assert_memory_not_equal(a, b, 32);
}

/* sealed text round-trips, and any change is detected. */
static void
r_09_4_seal_round_trip_and_tamper(void **state)
{
	struct arena	*a = arena_new(4096);
	unsigned char	 key[32] = { 7 }, other[32] = { 8 };
	const char	*id = "11010519491231002X";
	char		*hex, *back, *bad;

	(void)state;
	assert_non_null(hex = seal_text(a, key, "enterprises.legal_id_enc", id));
	assert_null(strstr(hex, "1101"));
	assert_non_null(back = open_text(a, key, "enterprises.legal_id_enc", hex));
	assert_string_equal(back, id);
	/* two seals of one value differ (random IV) */
	assert_string_not_equal(hex, seal_text(a, key, "enterprises.legal_id_enc", id));
	assert_null(open_text(a, other, "enterprises.legal_id_enc", hex));
	assert_null(open_text(a, key, "users.mobile", hex));
	for (size_t i = 0; i < strlen(hex); i++) {
		bad = arena_strdup(a, hex);
		bad[i] = bad[i] == '0' ? '1' : '0';
		if (open_text(a, key, "enterprises.legal_id_enc", bad) != NULL)
			fail_msg("a change at hex digit %zu went unnoticed", i);
	}
	assert_null(open_text(a, key, "x", "zz"));
	assert_null(open_text(a, key, "x", ""));
	arena_free(a);
}

/*
 * X-SEC (issue 12 item 18): the command sender's child holds its two
 * pipes and nothing else of the worker -- not a descriptor opened
 * without O_CLOEXEC -- reads the text on stdin, and a failure's first
 * line of output becomes the error.
 */
static void
x_sec_sms_child_inherits_only_its_pipes(void **state)
{
	char	 dir[] = "/tmp/test_sms.XXXXXX", script[128], marker[128];
	char	 fds[128], got[4096], err[256], cmd[512];
	FILE	*f;
	size_t	 n;
	int	 leak;
	struct sms_sender s = { SMS_SENDER_COMMAND, script, 5 };

	(void)state;
	assert_non_null(mkdtemp(dir));
	snprintf(script, sizeof script, "%s/send", dir);
	snprintf(marker, sizeof marker, "%s/worker-secret-file", dir);
	snprintf(fds, sizeof fds, "%s/fds", dir);
	assert_non_null(f = fopen(script, "w"));
	fprintf(f, "#!/bin/sh\nls -l /proc/$$/fd/ > %s\ncat >> %s\n"
	    "[ \"$1\" = 13800000000 ] || { echo wrong number; exit 3; }\n", fds, fds);
	fclose(f);
	assert_int_equal(chmod(script, 0700), 0);
	/* a descriptor the worker holds without close-on-exec */
	assert_true((leak = open(marker, O_CREAT | O_RDWR, 0600)) >= 0);

	assert_int_equal(sms_deliver(&s, "13800000000", "code 123456", err,
	    sizeof err), 0);
	assert_non_null(f = fopen(fds, "r"));
	n = fread(got, 1, sizeof got - 1, f);
	got[n] = '\0';
	fclose(f);
	if (strstr(got, "worker-secret-file") != NULL)
		fail_msg("the child inherited a worker descriptor:\n%s", got);
	assert_non_null(strstr(got, "0 -> pipe:"));
	assert_non_null(strstr(got, "1 -> pipe:"));
	assert_non_null(strstr(got, "2 -> pipe:"));
	assert_non_null(strstr(got, "code 123456"));

	assert_int_equal(sms_deliver(&s, "13900000000", "x", err, sizeof err), -1);
	assert_non_null(strstr(err, "status 3"));
	assert_non_null(strstr(err, "wrong number"));
	close(leak);
	snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
	assert_int_equal(system(cmd), 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(r_06_2_throttle_table),
		cmocka_unit_test(r_06_2_text_names_the_platform),
		cmocka_unit_test(r_09_4_blind_index),
		cmocka_unit_test(r_09_4_seal_round_trip_and_tamper),
		cmocka_unit_test(x_sec_sms_child_inherits_only_its_pipes),
	};

	return cmocka_run_group_tests_name("sms", tests, NULL, NULL);
}
