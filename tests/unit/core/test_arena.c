/*
 * test_arena.c -- the request arena: alignment, chunking, oversized
 * requests, overflow-safe sizes, cleanups in reverse order, reset.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdalign.h>
#include <string.h>

#include "core/arena.h"

#define ALIGN	alignof(max_align_t)

/* Sizes that every arena must hand out, aligned and writable. */
static const size_t alloc_sizes[] = {
	0, 1, 2, 3, 7, 8, 9, 15, 16, 17, 31, 32, 33, 63, 64, 65, 100, 127,
	128, 129, 255, 256, 257, 511, 512, 1000, 1023, 1024, 1025, 4095,
	4096, 4097, 8191, 8192, 8193, 65536, 100000, 1 << 20,
};

/* Chunk sizes to build arenas with, including silly ones. */
static const size_t chunk_sizes[] = { 0, 1, 64, 255, 256, 1000, 4096, 65536 };

static void
aligned_and_writable_for_every_size(void **state)
{
	size_t	 c, i;

	(void)state;
	for (c = 0; c < sizeof(chunk_sizes) / sizeof(chunk_sizes[0]); c++) {
		struct arena	*a = arena_new(chunk_sizes[c]);
		unsigned char	*p[sizeof(alloc_sizes) / sizeof(alloc_sizes[0])];
		size_t		 used = 0;

		assert_non_null(a);
		for (i = 0; i < sizeof(alloc_sizes) / sizeof(alloc_sizes[0]);
		    i++) {
			p[i] = arena_alloc(a, alloc_sizes[i]);
			assert_non_null(p[i]);
			assert_int_equal((uintptr_t)p[i] % ALIGN, 0);
			memset(p[i], (int)(i & 0xff), alloc_sizes[i]);
			used += alloc_sizes[i];
			assert_int_equal(arena_used(a), used);
		}
		/* Nothing overlapped: every block still holds its pattern. */
		for (i = 0; i < sizeof(alloc_sizes) / sizeof(alloc_sizes[0]);
		    i++) {
			size_t k;

			for (k = 0; k < alloc_sizes[i]; k++)
				assert_int_equal(p[i][k], i & 0xff);
		}
		arena_free(a);
	}
}

static void
zero_size_gives_distinct_pointers(void **state)
{
	struct arena	*a = arena_new(256);
	void		*p, *q;

	(void)state;
	p = arena_alloc(a, 0);
	q = arena_alloc(a, 0);
	assert_non_null(p);
	assert_non_null(q);
	assert_ptr_not_equal(p, q);
	arena_free(a);
}

/* Sizes that cannot be rounded up to the alignment: NULL, arena intact. */
static const size_t overflow_sizes[] = {
	SIZE_MAX, SIZE_MAX - 1, SIZE_MAX - 7, SIZE_MAX - (ALIGN - 2),
};

static void
overflowing_sizes_return_null_and_arena_stays_usable(void **state)
{
	struct arena	*a = arena_new(1024);
	size_t		 i;
	char		*s;

	(void)state;
	for (i = 0; i < sizeof(overflow_sizes) / sizeof(overflow_sizes[0]);
	    i++) {
		assert_null(arena_alloc(a, overflow_sizes[i]));
		assert_int_equal(arena_used(a), 0);
	}
	assert_null(arena_strndup(a, "x", SIZE_MAX));
	s = arena_strdup(a, "still fine");
	assert_string_equal(s, "still fine");
	arena_free(a);
}

static const struct {
	size_t	 n, size;
	int	 ok;
} calloc_cases[] = {
	{ 0, 0, 1 },
	{ 0, 8, 1 },
	{ 8, 0, 1 },
	{ 1, 1, 1 },
	{ 10, 24, 1 },
	{ 1000, 16, 1 },
	{ SIZE_MAX, 2, 0 },
	{ 2, SIZE_MAX, 0 },
	{ SIZE_MAX / 2 + 1, 2, 0 },
	{ (size_t)1 << (sizeof(size_t) * 4), (size_t)1 << (sizeof(size_t) * 4), 0 },
	{ SIZE_MAX, SIZE_MAX, 0 },
	{ SIZE_MAX, 1, 0 },
};

static void
calloc_zeroes_and_rejects_product_overflow(void **state)
{
	struct arena	*a = arena_new(512);
	size_t		 i, k;

	(void)state;
	for (i = 0; i < sizeof(calloc_cases) / sizeof(calloc_cases[0]); i++) {
		unsigned char *p;

		/* Dirty the arena first so zeroing is really tested. */
		memset(arena_alloc(a, 300), 0xAA, 300);
		p = arena_calloc(a, calloc_cases[i].n, calloc_cases[i].size);
		if (!calloc_cases[i].ok) {
			assert_null(p);
			continue;
		}
		assert_non_null(p);
		assert_int_equal((uintptr_t)p % ALIGN, 0);
		for (k = 0; k < calloc_cases[i].n * calloc_cases[i].size; k++)
			assert_int_equal(p[k], 0);
		arena_reset(a);
	}
	arena_free(a);
}

static const struct {
	const char	*s;
	size_t		 n;
	const char	*want;
	size_t		 wantlen;
} strndup_cases[] = {
	{ "", 0, "", 0 },
	{ "abc", 0, "", 0 },
	{ "abc", 1, "a", 1 },
	{ "abc", 3, "abc", 3 },
	{ "a\0b", 3, "a\0b", 3 },	/* exactly n bytes, NUL included */
	{ "\xe5\xaf\xb9\xe6\x8e\xa5", 6, "\xe5\xaf\xb9\xe6\x8e\xa5", 6 },
};

static void
strndup_copies_exactly_n_bytes_and_terminates(void **state)
{
	struct arena	*a = arena_new(0);
	size_t		 i;

	(void)state;
	for (i = 0; i < sizeof(strndup_cases) / sizeof(strndup_cases[0]);
	    i++) {
		char *p = arena_strndup(a, strndup_cases[i].s,
		    strndup_cases[i].n);

		assert_non_null(p);
		assert_memory_equal(p, strndup_cases[i].want,
		    strndup_cases[i].wantlen);
		assert_int_equal(p[strndup_cases[i].wantlen], '\0');
	}
	assert_string_equal(arena_strdup(a, "duijie"), "duijie");
	arena_free(a);
}

static void
printf_formats_short_and_long_strings(void **state)
{
	struct arena	*a = arena_new(256);
	char		 big[5000];
	char		*s;

	(void)state;
	assert_string_equal(arena_printf(a, "%s", ""), "");
	assert_string_equal(arena_printf(a, "%d-%s-%zu", -42, "x", (size_t)7),
	    "-42-x-7");
	memset(big, 'z', sizeof(big) - 1);
	big[sizeof(big) - 1] = '\0';
	/* Longer than the chunk: must land in an oversized chunk. */
	s = arena_printf(a, "<%s>", big);
	assert_non_null(s);
	assert_int_equal(strlen(s), sizeof(big) + 1);
	assert_int_equal(s[0], '<');
	assert_int_equal(s[sizeof(big)], '>');
	arena_free(a);
}

/* Records the order in which cleanups run. */
struct order {
	int	 seen[16];
	int	 n;
};

struct tag {
	struct order	*o;
	int		 id;
};

static void
record(void *arg)
{
	struct tag *t = arg;

	t->o->seen[t->o->n++] = t->id;
}

static void
cleanups_run_in_reverse_order_at_free(void **state)
{
	struct arena	*a = arena_new(256);
	struct order	 o = { { 0 }, 0 };
	struct tag	 t[8];
	int		 i;

	(void)state;
	for (i = 0; i < 8; i++) {
		t[i].o = &o;
		t[i].id = i;
		assert_int_equal(arena_cleanup(a, record, &t[i]), 0);
	}
	arena_free(a);
	assert_int_equal(o.n, 8);
	for (i = 0; i < 8; i++)
		assert_int_equal(o.seen[i], 7 - i);
}

static void
cleanups_run_at_reset_once_and_arena_is_reusable(void **state)
{
	struct arena	*a = arena_new(256);
	struct order	 o = { { 0 }, 0 };
	struct tag	 t[3] = { { &o, 1 }, { &o, 2 }, { &o, 3 } };
	int		 round;

	(void)state;
	for (round = 0; round < 3; round++) {
		o.n = 0;
		assert_int_equal(arena_cleanup(a, record, &t[0]), 0);
		assert_non_null(arena_alloc(a, 10000));
		assert_int_equal(arena_cleanup(a, record, &t[1]), 0);
		assert_non_null(arena_alloc(a, 50));
		assert_int_equal(arena_cleanup(a, record, &t[2]), 0);
		assert_true(arena_used(a) >= 10050);
		arena_reset(a);
		assert_int_equal(arena_used(a), 0);
		assert_int_equal(o.n, 3);
		assert_int_equal(o.seen[0], 3);
		assert_int_equal(o.seen[1], 2);
		assert_int_equal(o.seen[2], 1);
	}
	/* Reset ran them all: free must not run them again. */
	o.n = 0;
	arena_free(a);
	assert_int_equal(o.n, 0);
}

/* Cleanups see arena memory intact: they run before the memory goes. */
static void
check_memory(void *arg)
{
	assert_string_equal((const char *)arg, "alive");
}

static void
cleanups_run_before_memory_is_released(void **state)
{
	struct arena	*a = arena_new(256);
	char		*s = arena_strdup(a, "alive");
	int		 i;

	(void)state;
	assert_int_equal(arena_cleanup(a, check_memory, s), 0);
	for (i = 0; i < 100; i++)
		assert_non_null(arena_alloc(a, 200));
	arena_free(a);
}

static void
free_and_reset_of_null_are_no_ops(void **state)
{
	(void)state;
	arena_free(NULL);
	arena_reset(NULL);
}

static void
many_small_allocations_span_many_chunks(void **state)
{
	struct arena	*a = arena_new(256);
	int		*v[5000];
	int		 i;

	(void)state;
	for (i = 0; i < 5000; i++) {
		v[i] = arena_alloc(a, sizeof(int));
		assert_non_null(v[i]);
		*v[i] = i;
	}
	for (i = 0; i < 5000; i++)
		assert_int_equal(*v[i], i);
	assert_int_equal(arena_used(a), 5000 * sizeof(int));
	arena_reset(a);
	for (i = 0; i < 5000; i++)
		assert_non_null(arena_alloc(a, 24));
	arena_free(a);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(aligned_and_writable_for_every_size),
		cmocka_unit_test(zero_size_gives_distinct_pointers),
		cmocka_unit_test(overflowing_sizes_return_null_and_arena_stays_usable),
		cmocka_unit_test(calloc_zeroes_and_rejects_product_overflow),
		cmocka_unit_test(strndup_copies_exactly_n_bytes_and_terminates),
		cmocka_unit_test(printf_formats_short_and_long_strings),
		cmocka_unit_test(cleanups_run_in_reverse_order_at_free),
		cmocka_unit_test(cleanups_run_at_reset_once_and_arena_is_reusable),
		cmocka_unit_test(cleanups_run_before_memory_is_released),
		cmocka_unit_test(free_and_reset_of_null_are_no_ops),
		cmocka_unit_test(many_small_allocations_span_many_chunks),
	};

	return cmocka_run_group_tests_name("arena", tests, NULL, NULL);
}
