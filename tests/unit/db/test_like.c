/*
 * test_like.c -- db_like: the one builder of LIKE patterns (X-SEC: a
 * search for "50%" or "a_b" matches those characters, not any).
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "core/arena.h"
#include "db/db.h"

static void
x_sec_like_takes_its_own_characters_literally(void **state)
{
	struct arena *a = arena_new(1024);

	(void)state;
	assert_string_equal(db_like(a, "%", "广州", "%"), "%广州%");
	assert_string_equal(db_like(a, "%", "50%_a\\b", "%"), "%50\\%\\_a\\\\b%");
	assert_string_equal(db_like(a, "", "9144", "%"), "9144%");
	assert_string_equal(db_like(a, "", "login", ".%"), "login.%");
	assert_string_equal(db_like(a, "", "", ""), "");
	assert_string_equal(db_like(a, "%", "", "%"), "%%");
	arena_free(a);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(x_sec_like_takes_its_own_characters_literally),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
