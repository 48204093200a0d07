/*
 * test_seal.c -- R-09.4 contacts at rest and on screen: contact_seal /
 * contact_open round trips bound to their column, refuse without a key
 * and never show altered text; contact_mask for mobiles, landlines, short
 * values and UTF-8.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdbool.h>
#include <string.h>

#include "core/arena.h"
#include "crypto/seal.h"

static const unsigned char key[32] = { 1, 2, 3, 4, 5, 6, 7, 8, 9 };

static void
t_no_key(void **state)
{
	struct arena *a = arena_new(1024);

	(void)state;
	/* runs first: nothing is sealed before a key is registered */
	assert_null(contact_seal(a, "users.contact", "020-12345678"));
	assert_string_equal(contact_open(a, "users.contact", "00ff"), "");
	arena_free(a);
}

static void
t_round_trip(void **state)
{
	struct arena	*a = arena_new(4096);
	char		*hex, *other;

	(void)state;
	seal_contacts_init(key);
	hex = contact_seal(a, "users.contact", "020-12345678");
	assert_non_null(hex);
	assert_null(strstr(hex, "12345678"));
	assert_int_equal(strlen(hex), 2 * (12 + 28));
	assert_string_equal(contact_open(a, "users.contact", hex), "020-12345678");
	/* a fresh IV each time */
	other = contact_seal(a, "users.contact", "020-12345678");
	assert_string_not_equal(hex, other);
	/* bound to its column: another column's AAD does not open it */
	assert_string_equal(contact_open(a, "agencies.net_contact", hex), "");
	/* altered: nothing comes back */
	hex[10] = hex[10] == '0' ? '1' : '0';
	assert_string_equal(contact_open(a, "users.contact", hex), "");
	assert_string_equal(contact_open(a, "users.contact", "zz"), "");
	/* nothing is nothing */
	assert_string_equal(contact_seal(a, "users.contact", ""), "");
	assert_string_equal(contact_open(a, "users.contact", ""), "");
	assert_string_equal(contact_open(a, "users.contact", NULL), "");
	arena_free(a);
}

static void
t_mask(void **state)
{
	struct arena *a = arena_new(1024);

	(void)state;
	assert_string_equal(contact_mask(a, "13812345678"), "138****5678");
	assert_string_equal(contact_mask(a, "020-83126688"), "020*****6688");
	assert_string_equal(contact_mask(a, "0757-1234567"), "075*****4567");
	assert_string_equal(contact_mask(a, "12345678"), "123*5678");
	assert_string_equal(contact_mask(a, "1234567"), "*******");
	assert_string_equal(contact_mask(a, "020-1"), "*****");
	assert_string_equal(contact_mask(a, ""), "");
	assert_string_equal(contact_mask(a, NULL), "");
	/* characters, not bytes: "分机" is two */
	assert_string_equal(contact_mask(a, "020-8312分机12"), "020*****分机12");
	assert_string_equal(contact_mask(a, "wang@gz.gov.cn"), "wan*******v.cn");
	arena_free(a);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(t_no_key),
		cmocka_unit_test(t_round_trip),
		cmocka_unit_test(t_mask),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
