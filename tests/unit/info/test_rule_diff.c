/*
 * test_rule_diff.c -- the paragraphs of the measures and what changed
 * between two versions (lib/info/rule_diff.c; issue 17, R-17.1): table
 * cases written out by hand, then random texts checked against the
 * script's invariants and an independent LCS length.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "info/rule_diff.h"

#define NELEM(a)	(sizeof(a) / sizeof((a)[0]))

/* The script as "=same -deleted +added", one word per paragraph. */
static char *
script(struct arena *a, const char *old, const char *new)
{
	const char	**pa, **pb;
	size_t		 na, nb, n;
	struct rule_edit *e;
	char		 buf[1024] = "";

	assert_int_equal(rule_paragraphs(a, old, &pa, &na), 0);
	assert_int_equal(rule_paragraphs(a, new, &pb, &nb), 0);
	assert_int_equal(rule_diff(a, pa, na, pb, nb, &e, &n), 0);
	for (size_t i = 0; i < n; i++) {
		size_t l = strlen(buf);

		snprintf(buf + l, sizeof buf - l, "%s%c%s", i ? " " : "",
		    e[i].op == RD_SAME ? '=' : e[i].op == RD_DEL ? '-' : '+',
		    e[i].text);
	}
	return arena_strdup(a, buf);
}

/* readers see which paragraphs a revision kept, removed, added. */
static void
r_17_1_diff_by_paragraph(void **state)
{
	static const struct { const char *old, *new, *want; } cases[] = {
		{ "", "", "" },
		{ "a\nb\nc", "a\nb\nc", "=a =b =c" },
		{ "", "a\nb", "+a +b" },
		{ "a\nb", "", "-a -b" },
		{ "a\nb\nc", "a\nc", "=a -b =c" },
		{ "a\nc", "a\nb\nc", "=a +b =c" },
		/* a changed paragraph: the old one out, then the new one in */
		{ "a\nb\nc", "a\nB\nc", "=a -b +B =c" },
		{ "a\nb\nc\nd", "b\nd\ne", "-a =b -c =d +e" },
		/* blank lines and surrounding spaces are not paragraphs */
		{ "a\n\n  b  \r\n\t\n", "a\nb", "=a =b" },
		/* ideographic spaces around a Chinese paragraph are trimmed */
		{ "\xe3\x80\x80第一条 总则\xe3\x80\x80", "第一条 总则", "=第一条 总则" },
		{ "第一条 甲\n第二条 乙", "第一条 甲\n第二条 乙（修订）\n第三条 丙",
		  "=第一条 甲 -第二条 乙 +第二条 乙（修订） +第三条 丙" },
		/* a moved paragraph is a deletion and an addition */
		{ "a\nb\nc", "c\na\nb", "+c =a =b -c" },
	};
	struct arena *a = arena_new(4096);

	(void)state;
	for (size_t i = 0; i < NELEM(cases); i++) {
		const char *got = script(a, cases[i].old, cases[i].new);

		if (strcmp(got, cases[i].want) != 0)
			fail_msg("case %zu: got \"%s\", want \"%s\"", i, got,
			    cases[i].want);
	}
	arena_free(a);
}

/* An LCS length by plain recursion with a memo, independent of the DP. */
static int
lcs(const char *const *a, size_t na, const char *const *b, size_t nb,
    size_t i, size_t j, int *memo)
{
	int *m = &memo[i * (nb + 1) + j], x, y;

	if (i == na || j == nb)
		return 0;
	if (*m >= 0)
		return *m;
	if (strcmp(a[i], b[j]) == 0)
		return *m = 1 + lcs(a, na, b, nb, i + 1, j + 1, memo);
	x = lcs(a, na, b, nb, i + 1, j, memo);
	y = lcs(a, na, b, nb, i, j + 1, memo);
	return *m = x > y ? x : y;
}

/* on random texts the script rebuilds both texts in order and
 * keeps a longest common subsequence. */
static void
r_17_1_diff_invariants(void **state)
{
	static const char *const words[] = { "甲", "乙", "丙", "丁", "戊" };
	struct arena *a = arena_new(4096);

	(void)state;
	srand(1717);
	for (int round = 0; round < 500; round++) {
		const char	*pa[12], *pb[12];
		size_t		 na = (size_t)(rand() % 12), nb = (size_t)(rand() % 12);
		size_t		 n, ia = 0, ib = 0, same = 0;
		struct rule_edit *e;
		int		 memo[13 * 13];

		for (size_t i = 0; i < na; i++)
			pa[i] = words[rand() % 5];
		for (size_t i = 0; i < nb; i++)
			pb[i] = words[rand() % 5];
		assert_int_equal(rule_diff(a, pa, na, pb, nb, &e, &n), 0);
		for (size_t i = 0; i < n; i++) {
			if (e[i].op != RD_ADD) {
				assert_true(ia < na);
				assert_string_equal(e[i].text, pa[ia++]);
			}
			if (e[i].op != RD_DEL) {
				assert_true(ib < nb);
				assert_string_equal(e[i].text, pb[ib++]);
			}
			same += e[i].op == RD_SAME;
		}
		assert_int_equal(ia, na);
		assert_int_equal(ib, nb);
		memset(memo, -1, sizeof memo);
		assert_int_equal(same, (size_t)lcs(pa, na, pb, nb, 0, 0, memo));
		arena_reset(a);
	}
	arena_free(a);
}

/* Texts too large to compare are refused, not run out of memory on. */
static void
r_17_1_diff_refuses_huge_inputs(void **state)
{
	struct arena	*a = arena_new(4096);
	const char	*one[1] = { "x" };
	struct rule_edit *e = NULL;
	size_t		 n = 0;

	(void)state;
	assert_int_equal(rule_diff(a, one, RULE_DIFF_MAX_CELLS, one, 1, &e, &n), -1);
	assert_null(e);
	arena_free(a);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(r_17_1_diff_by_paragraph),
		cmocka_unit_test(r_17_1_diff_invariants),
		cmocka_unit_test(r_17_1_diff_refuses_huge_inputs),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
