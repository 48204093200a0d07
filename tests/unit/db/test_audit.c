/*
 * test_audit.c -- the audit chain's row hash and the session token format
 * (X-AUD tamper evidence, X-SEC session ids).  No database.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <string.h>

#include "db/audit.h"
#include "crypto/crypto.h"
#include "accounts/session.h"

#define F 14	/* string fields besides prev, id and actor */

static void
hash_of(const char *v[F], long long id, long long actor, char out[65])
{
	audit_hash(v[0], id, v[1], actor, v[2], v[3], v[4], v[5], v[6], v[7],
	    v[8], v[9], v[10], v[11], v[12], out);
}

/* X-AUD: the hash is a pure function of every field. */
static void
x_aud_hash_is_deterministic_hex(void **state)
{
	const char *v[F] = { "0000", "2026-11-25 12:00:00.000001", "operator",
	    "office:2", "440100", "intranet", "127.0.0.1", "rid", "unlock",
	    "user", "42", "ok", "detail" };
	char a[65], b[65];

	(void)state;
	hash_of(v, 7, 3, a);
	hash_of(v, 7, 3, b);
	assert_string_equal(a, b);
	assert_int_equal(strlen(a), 64);
	assert_int_equal(strspn(a, "0123456789abcdef"), 64);
}

/* X-AUD: changing any one field, or the id or actor, changes the hash. */
static void
x_aud_every_field_is_covered(void **state)
{
	const char *base[F] = { "0000", "2026-11-25 12:00:00.000001", "operator",
	    "office:2", "440100", "intranet", "127.0.0.1", "rid", "unlock",
	    "user", "42", "ok", "detail" };
	char h0[65], h[65];

	(void)state;
	hash_of(base, 7, 3, h0);
	for (int i = 0; i < 13; i++) {
		const char *v[F];

		memcpy(v, base, sizeof v);
		v[i] = "x";
		hash_of(v, 7, 3, h);
		if (strcmp(h, h0) == 0)
			fail_msg("field %d is not covered by the hash", i);
	}
	hash_of(base, 8, 3, h);
	assert_string_not_equal(h, h0);
	hash_of(base, 7, 4, h);
	assert_string_not_equal(h, h0);
}

/* X-AUD: moving text across a field boundary changes the hash. */
static void
x_aud_fields_are_separated(void **state)
{
	const char *a[F] = { "p", "t", "ab", "c", "", "", "", "", "x", "", "", "ok", "" };
	const char *b[F] = { "p", "t", "a", "bc", "", "", "", "", "x", "", "", "ok", "" };
	char ha[65], hb[65];

	(void)state;
	hash_of(a, 1, 0, ha);
	hash_of(b, 1, 0, hb);
	assert_string_not_equal(ha, hb);
}

/* X-AUD (issue 19 item 2): an unchained row's hash covers each of its
 * fields, the actor too, and keeps them apart; it differs from the old
 * chain's hash of the same fields. */
static void
x_aud_row_hash_covers_every_field(void **state)
{
	const char *base[12] = { "2026-11-25 12:00:00.000001", "operator",
	    "office:2", "440100", "intranet", "127.0.0.1", "rid", "unlock",
	    "user", "42", "ok", "detail" };
	const char *v[12];
	char h0[65], h[65], old[65];

	(void)state;
#define ROW(v, actor, out) audit_row_hash(v[0], actor, v[1], v[2], v[3], \
	v[4], v[5], v[6], v[7], v[8], v[9], v[10], v[11], out)
	ROW(base, 3, h0);
	assert_int_equal(strlen(h0), 64);
	ROW(base, 3, h);
	assert_string_equal(h, h0);
	for (int i = 0; i < 12; i++) {
		memcpy(v, base, sizeof v);
		v[i] = "x";
		ROW(v, 3, h);
		if (strcmp(h, h0) == 0)
			fail_msg("field %d is not covered by the row hash", i);
	}
	ROW(base, 4, h);
	assert_string_not_equal(h, h0);
	memcpy(v, base, sizeof v);
	v[1] = "operato";
	v[2] = "roffice:2";
	ROW(v, 3, h);
	assert_string_not_equal(h, h0);
	audit_hash("", 0, base[0], 3, base[1], base[2], base[3], base[4],
	    base[5], base[6], base[7], base[8], base[9], base[10], base[11], old);
	assert_string_not_equal(old, h0);
#undef ROW
}

/* X-AUD (issue 19 item 2): a seal's chain value depends on the previous
 * value, its seq, the row id and the row hash, so a reordered, renumbered
 * or re-pointed seal no longer chains. */
static void
x_aud_chain_hash_covers_prev_seq_id_and_row(void **state)
{
	const char *p = "0000000000000000000000000000000000000000000000000000000000000000";
	const char *r = "1111111111111111111111111111111111111111111111111111111111111111";
	char c0[65], c[65];

	(void)state;
	audit_chain_hash(p, 1, 7, r, c0);
	assert_int_equal(strspn(c0, "0123456789abcdef"), 64);
	audit_chain_hash(p, 1, 7, r, c);
	assert_string_equal(c, c0);
	audit_chain_hash(r, 1, 7, r, c);
	assert_string_not_equal(c, c0);
	audit_chain_hash(p, 2, 7, r, c);
	assert_string_not_equal(c, c0);
	audit_chain_hash(p, 1, 8, r, c);
	assert_string_not_equal(c, c0);
	audit_chain_hash(p, 1, 7, p, c);
	assert_string_not_equal(c, c0);
	audit_chain_hash(p, 1, 17, r, c);	/* seq 1, id 17 is not seq 11, id 7 */
	audit_chain_hash(p, 11, 7, r, c0);
	assert_string_not_equal(c, c0);
}

/* X-SEC: session tokens are 43 base64url characters (256 bits), fresh
 * each time. */
static void
x_sec_session_tokens(void **state)
{
	char	t[64][SESSION_TOKEN_LEN + 1];
	unsigned char raw[40];

	(void)state;
	for (int i = 0; i < 64; i++) {
		assert_int_equal(session_token(t[i]), 0);
		assert_int_equal(strlen(t[i]), SESSION_TOKEN_LEN);
		assert_int_equal(strspn(t[i], "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"),
		    SESSION_TOKEN_LEN);
		assert_int_equal(crypto_b64_decode(t[i], SESSION_TOKEN_LEN, raw, sizeof raw), 32);
		for (int j = 0; j < i; j++)
			assert_string_not_equal(t[i], t[j]);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(x_aud_hash_is_deterministic_hex),
		cmocka_unit_test(x_aud_every_field_is_covered),
		cmocka_unit_test(x_aud_fields_are_separated),
		cmocka_unit_test(x_aud_row_hash_covers_every_field),
		cmocka_unit_test(x_aud_chain_hash_covers_prev_seq_id_and_row),
		cmocka_unit_test(x_sec_session_tokens),
	};

	return cmocka_run_group_tests_name("audit", tests, NULL, NULL);
}
