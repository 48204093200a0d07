/*
 * test_crypto.c -- X-SEC primitives: scrypt password hashes, HMAC, SHA-256,
 * base64url/base32, AES-256-GCM sealing and TOTP, against published
 * vectors (RFC 7914, 4231, 2202, 4648, 6238) and tampered inputs.
 *
 * scrypt cost is kept low: hashes are made at ln=10 (about 2 ms); only
 * the kdf_current round trip and the dummy verify run at ln=15.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "crypto/crypto.h"

/* Byte strings with explicit lengths, so NULs can be inside. */
#define S(lit)	lit, sizeof(lit) - 1
#define NELEM(a)	(sizeof(a) / sizeof((a)[0]))

static const struct kdf_params cheap = { 10, 8, 1 };

/* Hex of buf for comparisons against published vectors. */
static void
assert_hex(const void *buf, size_t n, const char *want, const char *what)
{
	char	 hex[2 * 128 + 1];

	assert_true(n <= 128);
	crypto_hex(buf, n, hex);
	if (strcmp(hex, want) != 0)
		fail_msg("%s: got %s, want %s", what, hex, want);
}

/*
 * scrypt
 */

static const struct {
	const char	*what;
	const char	*pw;
	size_t		 pwlen;
	const char	*salt;
	size_t		 saltlen;
	struct kdf_params kp;
	const char	*hex;
} scrypt_kat[] = {
	{ "RFC 7914 §12 #1 empty", S(""), S(""), { 4, 1, 1 },
	  "77d6576238657b203b19ca42c18a0497f16b4844e3074ae8dfdffa3fede21442"
	  "fcd0069ded0948f8326a753a0fc81f17e8d3e0fb2e0d3628cf35e20c38d18906" },
	{ "RFC 7914 §12 #2 password/NaCl", S("password"), S("NaCl"),
	  { 10, 8, 16 },
	  "fdbabe1c9d3472007856e7190d01e9fe7c6ad7cbc8237830e77376634b373162"
	  "2eaf30d92e22a3886ff109279d9830dac727afb94a83ee6d8360cbdfa2cc0640" },
	{ "RFC 7914 §12 #3 pleaseletmein", S("pleaseletmein"),
	  S("SodiumChloride"), { 14, 8, 1 },
	  "7023bdcb3afd7348461c06cd81fd38ebfda8fbba904f8e3ea9b543f6545da1f2"
	  "d5432955613f0fcf62d49705242a9af9e61e85dc0d651e40dfcf017b45575887" },
};

static void
xsec_scrypt_rfc7914_known_answers(void **state)
{
	unsigned char	 out[64];
	size_t		 i;

	(void)state;
	for (i = 0; i < NELEM(scrypt_kat); i++) {
		if (crypto_scrypt_raw(scrypt_kat[i].pw, scrypt_kat[i].pwlen,
		    scrypt_kat[i].salt, scrypt_kat[i].saltlen,
		    &scrypt_kat[i].kp, out, sizeof(out)) != 0)
			fail_msg("failed: %s", scrypt_kat[i].what);
		assert_hex(out, sizeof(out), scrypt_kat[i].hex,
		    scrypt_kat[i].what);
	}
}

/* Parameters outside the sanity limits fail before any memory is used. */
static void
xsec_scrypt_refuses_bad_parameters(void **state)
{
	static const struct kdf_params bad[] = {
		{ 0, 8, 1 }, { 21, 8, 1 }, { 63, 8, 1 },
		{ 10, 0, 1 }, { 10, 33, 1 },
		{ 10, 8, 0 }, { 10, 8, 17 },
		{ 16, 1, 1 },	/* OpenSSL: N must be < 2^(16r) */
	};
	unsigned char	 out[32];
	size_t		 i;

	(void)state;
	for (i = 0; i < NELEM(bad); i++)
		if (crypto_scrypt_raw("pw", 2, "salt", 4, &bad[i], out,
		    sizeof(out)) != -1)
			fail_msg("accepted ln=%u r=%u p=%u", bad[i].ln,
			    bad[i].r, bad[i].p);
	assert_int_equal(crypto_scrypt_raw("pw", 2, "salt", 4, &cheap, out, 0),
	    -1);
}

/*
 * password_hash / password_verify
 */

static const struct {
	const char	*what;
	const char	*pw;
	size_t		 len;
} round_trip[] = {
	{ "ASCII", S("correct horse battery") },
	{ "empty", S("") },
	{ "one byte", S("x") },
	{ "Chinese", S("\xe5\xaf\xb9\xe6\x8e\xa5\xe5\xb9\xb3\xe5\x8f\xb0"
	    "2026!") },
	{ "NUL inside is part of the password", S("ab\0cd") },
	{ "128 bytes",
	  S("0123456789abcdef0123456789abcdef0123456789abcdef"
	    "0123456789abcdef0123456789abcdef0123456789abcdef"
	    "0123456789abcdef0123456789abcdef") },
};

static bool
looks_like_hash(const char *h, const struct kdf_params *kp)
{
	char	 head[64];

	snprintf(head, sizeof(head), "$scrypt$ln=%u,r=%u,p=%u$", kp->ln,
	    kp->r, kp->p);
	return strncmp(h, head, strlen(head)) == 0 &&
	    strlen(h) == strlen(head) + 22 + 1 + 43 &&
	    h[strlen(head) + 22] == '$' && strlen(h) < PASSWORD_HASH_MAX;
}

static void
xsec_password_hash_verify_round_trip(void **state)
{
	char		 h[PASSWORD_HASH_MAX], other[200];
	bool		 stale;
	size_t		 i, n;

	(void)state;
	for (i = 0; i < NELEM(round_trip); i++) {
		const char	*pw = round_trip[i].pw;

		n = round_trip[i].len;
		if (password_hash(pw, n, &cheap, h) != 0)
			fail_msg("hash failed: %s", round_trip[i].what);
		if (!looks_like_hash(h, &cheap))
			fail_msg("format of %s: %s", round_trip[i].what, h);
		stale = false;
		if (password_verify(pw, n, h, &stale) != 1)
			fail_msg("own password refused: %s",
			    round_trip[i].what);
		/* ln=10 is not kdf_current, so the caller must re-hash. */
		if (!stale)
			fail_msg("not stale: %s", round_trip[i].what);
		assert_int_equal(password_verify(pw, n, h, NULL), 1);

		/* Near misses: one byte longer, shorter, changed. */
		memcpy(other, pw, n);
		other[n] = 'x';
		if (password_verify(other, n + 1, h, &stale) != 0)
			fail_msg("longer accepted: %s", round_trip[i].what);
		if (!stale)
			fail_msg("stale not set on mismatch: %s",
			    round_trip[i].what);
		if (n > 0) {
			if (password_verify(pw, n - 1, h, NULL) != 0)
				fail_msg("shorter accepted: %s",
				    round_trip[i].what);
			other[n] = '\0';
			other[n - 1] ^= 0x01;
			if (password_verify(other, n, h, NULL) != 0)
				fail_msg("bit flip accepted: %s",
				    round_trip[i].what);
		}
	}
}

static void
xsec_password_hash_uses_fresh_salt(void **state)
{
	char	 a[PASSWORD_HASH_MAX], b[PASSWORD_HASH_MAX];
	size_t	 head = strlen("$scrypt$ln=10,r=8,p=1$");

	(void)state;
	assert_int_equal(password_hash(S("same password"), &cheap, a), 0);
	assert_int_equal(password_hash(S("same password"), &cheap, b), 0);
	assert_string_not_equal(a, b);
	/* The salts differ, not only the keys. */
	assert_true(memcmp(a + head, b + head, 22) != 0);
	assert_int_equal(password_verify(S("same password"), a, NULL), 1);
	assert_int_equal(password_verify(S("same password"), b, NULL), 1);
}

static void
xsec_password_hash_refuses_out_of_range_params(void **state)
{
	static const struct kdf_params bad[] = {
		{ 9, 8, 1 }, { 21, 8, 1 }, { 0, 0, 0 },
		{ 10, 0, 1 }, { 10, 33, 1 }, { 10, 8, 0 }, { 10, 8, 17 },
	};
	char	 h[PASSWORD_HASH_MAX];
	size_t	 i;

	(void)state;
	for (i = 0; i < NELEM(bad); i++) {
		memset(h, 'x', sizeof(h));
		if (password_hash(S("pw"), &bad[i], h) != -1)
			fail_msg("hashed with ln=%u r=%u p=%u", bad[i].ln,
			    bad[i].r, bad[i].p);
		assert_string_equal(h, "");
	}
}

/* The two ln=15 derivations of this file: kdf_current is not stale. */
static void
xsec_password_current_params_are_not_stale(void **state)
{
	char	 h[PASSWORD_HASH_MAX];
	bool	 stale = true;

	(void)state;
	assert_int_equal(kdf_current.ln, 15);
	assert_int_equal(kdf_current.r, 8);
	assert_int_equal(kdf_current.p, 1);
	assert_int_equal(password_hash(S("Duijie-2026!"), &kdf_current, h), 0);
	assert_true(looks_like_hash(h, &kdf_current));
	assert_int_equal(password_verify(S("Duijie-2026!"), h, &stale), 1);
	assert_false(stale);
}

/* Same work as a verify; here only that it runs clean (ASan, UBSan). */
static void
xsec_password_dummy_verify_runs(void **state)
{
	(void)state;
	password_dummy_verify(S("whatever"));
	password_dummy_verify(NULL, 0);
}

/*
 * A stored hash of "correct horse battery" with salt 00 01 .. 0f at
 * ln=10, r=8, p=1 (computed independently with Python's hashlib.scrypt).
 */
#define GOOD_SALT	"AAECAwQFBgcICQoLDA0ODw"
#define GOOD_KEY	"hKGWL22WtdGfIbxEPAZ06BS2bWyYKuZIKvypfAlYOWk"
#define GOOD_TAIL	"$" GOOD_SALT "$" GOOD_KEY
#define GOOD		"$scrypt$ln=10,r=8,p=1" GOOD_TAIL
#define GOOD_PW		"correct horse battery"

static void
xsec_password_verify_known_stored_hash(void **state)
{
	bool	 stale = false;

	(void)state;
	assert_int_equal(password_verify(S(GOOD_PW), GOOD, &stale), 1);
	assert_true(stale);
	assert_int_equal(password_verify(S("correct horse batterz"), GOOD,
	    NULL), 0);
	assert_int_equal(password_verify(S("Correct horse battery"), GOOD,
	    NULL), 0);
}

/* Well-formed but altered: a valid string that no longer matches. */
static const struct {
	const char	*what;
	const char	*stored;
} altered[] = {
	{ "ln raised", "$scrypt$ln=11,r=8,p=1" GOOD_TAIL },
	{ "r lowered", "$scrypt$ln=10,r=7,p=1" GOOD_TAIL },
	{ "p raised", "$scrypt$ln=10,r=8,p=2" GOOD_TAIL },
	{ "salt first char", "$scrypt$ln=10,r=8,p=1$BAECAwQFBgcICQoLDA0ODw$"
	    GOOD_KEY },
	{ "salt last char", "$scrypt$ln=10,r=8,p=1$AAECAwQFBgcICQoLDA0ODA$"
	    GOOD_KEY },
	{ "key first char", "$scrypt$ln=10,r=8,p=1$" GOOD_SALT
	    "$iKGWL22WtdGfIbxEPAZ06BS2bWyYKuZIKvypfAlYOWk" },
	{ "key last char", "$scrypt$ln=10,r=8,p=1$" GOOD_SALT
	    "$hKGWL22WtdGfIbxEPAZ06BS2bWyYKuZIKvypfAlYOWg" },
	{ "key middle char", "$scrypt$ln=10,r=8,p=1$" GOOD_SALT
	    "$hKGWL22WtdGfIbxEPAZ06BS3bWyYKuZIKvypfAlYOWk" },
	{ "key first char zeroed", "$scrypt$ln=10,r=8,p=1$" GOOD_SALT
	    "$AKGWL22WtdGfIbxEPAZ06BS2bWyYKuZIKvypfAlYOWk" },
};

static void
xsec_password_verify_altered_hash_does_not_match(void **state)
{
	size_t	 i;

	(void)state;
	for (i = 0; i < NELEM(altered); i++)
		if (password_verify(S(GOOD_PW), altered[i].stored, NULL) != 0)
			fail_msg("not 0: %s", altered[i].what);
}

/* Malformed: every field broken in turn.  All give -1, never a match. */
static const struct {
	const char	*what;
	const char	*stored;
} malformed[] = {
	{ "empty", "" },
	{ "prefix only", "$scrypt$" },
	{ "prefix cut", "$scrypt" },
	{ "prefix upper case", "$SCRYPT$ln=10,r=8,p=1" GOOD_TAIL },
	{ "prefix without $", "scrypt$ln=10,r=8,p=1" GOOD_TAIL },
	{ "leading space", " " GOOD },
	{ "double $ after prefix", "$scrypt$$ln=10,r=8,p=1" GOOD_TAIL },
	{ "other scheme", "$argon2id$v=19$m=65536,t=3,p=1" GOOD_TAIL },
	{ "bcrypt",
	  "$2b$10$N9qo8uLOickgx2ZMRZoMyeIjZAgcfl7p92ldGxad68LJZdL17lhWy" },
	{ "no params", "$scrypt$" GOOD_TAIL },
	{ "ln below range", "$scrypt$ln=9,r=8,p=1" GOOD_TAIL },
	{ "ln above range", "$scrypt$ln=21,r=8,p=1" GOOD_TAIL },
	{ "ln three digits", "$scrypt$ln=100,r=8,p=1" GOOD_TAIL },
	{ "ln leading zero", "$scrypt$ln=010,r=8,p=1" GOOD_TAIL },
	{ "ln plus sign", "$scrypt$ln=+10,r=8,p=1" GOOD_TAIL },
	{ "ln negative", "$scrypt$ln=-10,r=8,p=1" GOOD_TAIL },
	{ "ln empty", "$scrypt$ln=,r=8,p=1" GOOD_TAIL },
	{ "ln hex", "$scrypt$ln=0xa,r=8,p=1" GOOD_TAIL },
	{ "ln upper case name", "$scrypt$LN=10,r=8,p=1" GOOD_TAIL },
	{ "N instead of ln", "$scrypt$N=1024,r=8,p=1" GOOD_TAIL },
	{ "r zero", "$scrypt$ln=10,r=0,p=1" GOOD_TAIL },
	{ "r above range", "$scrypt$ln=10,r=33,p=1" GOOD_TAIL },
	{ "r leading zero", "$scrypt$ln=10,r=08,p=1" GOOD_TAIL },
	{ "p zero", "$scrypt$ln=10,r=8,p=0" GOOD_TAIL },
	{ "p above range", "$scrypt$ln=10,r=8,p=17" GOOD_TAIL },
	{ "p missing", "$scrypt$ln=10,r=8" GOOD_TAIL },
	{ "params reordered", "$scrypt$r=8,ln=10,p=1" GOOD_TAIL },
	{ "space after comma", "$scrypt$ln=10, r=8,p=1" GOOD_TAIL },
	{ "semicolon separator", "$scrypt$ln=10;r=8;p=1" GOOD_TAIL },
	{ "extra param", "$scrypt$ln=10,r=8,p=1,v=1" GOOD_TAIL },
	{ "trailing comma", "$scrypt$ln=10,r=8,p=1," GOOD_TAIL },
	{ "salt missing", "$scrypt$ln=10,r=8,p=1$$" GOOD_KEY },
	{ "salt and key missing", "$scrypt$ln=10,r=8,p=1$" },
	{ "salt 21 chars", "$scrypt$ln=10,r=8,p=1$AAECAwQFBgcICQoLDA0OD$"
	    GOOD_KEY },
	{ "salt 23 chars", "$scrypt$ln=10,r=8,p=1$AAECAwQFBgcICQoLDA0ODwA$"
	    GOOD_KEY },
	{ "salt padded", "$scrypt$ln=10,r=8,p=1$AAECAwQFBgcICQoLDA0ODw==$"
	    GOOD_KEY },
	{ "salt non-canonical last char",
	  "$scrypt$ln=10,r=8,p=1$AAECAwQFBgcICQoLDA0ODx$" GOOD_KEY },
	{ "salt standard base64 +",
	  "$scrypt$ln=10,r=8,p=1$AAECAwQFBgcI+QoLDA0ODw$" GOOD_KEY },
	{ "salt standard base64 /",
	  "$scrypt$ln=10,r=8,p=1$AAECAwQFBgcI/QoLDA0ODw$" GOOD_KEY },
	{ "salt with space", "$scrypt$ln=10,r=8,p=1$AAECAwQFBgcI QoLDA0ODw$"
	    GOOD_KEY },
	{ "key missing", "$scrypt$ln=10,r=8,p=1$" GOOD_SALT "$" },
	{ "key separator missing", "$scrypt$ln=10,r=8,p=1$" GOOD_SALT },
	{ "key 42 chars", "$scrypt$ln=10,r=8,p=1$" GOOD_SALT
	    "$hKGWL22WtdGfIbxEPAZ06BS2bWyYKuZIKvypfAlYOW" },
	{ "key 44 chars", GOOD "A" },
	{ "key padded", GOOD "=" },
	{ "key non-canonical last char", "$scrypt$ln=10,r=8,p=1$" GOOD_SALT
	    "$hKGWL22WtdGfIbxEPAZ06BS2bWyYKuZIKvypfAlYOWl" },
	{ "key with bad char", "$scrypt$ln=10,r=8,p=1$" GOOD_SALT
	    "$hKGWL22WtdGfIbxEPAZ06BS2bWyYKuZIKvypfAlYO.k" },
	{ "trailing newline", GOOD "\n" },
	{ "trailing space", GOOD " " },
	{ "trailing $", GOOD "$" },
	{ "extra field", GOOD "$" GOOD_KEY },
};

static void
xsec_password_verify_rejects_malformed_stored(void **state)
{
	bool	 stale;
	size_t	 i;

	(void)state;
	for (i = 0; i < NELEM(malformed); i++) {
		stale = true;
		if (password_verify(S(GOOD_PW), malformed[i].stored,
		    &stale) != -1)
			fail_msg("not -1: %s", malformed[i].what);
		if (stale)
			fail_msg("stale set: %s", malformed[i].what);
	}
	assert_int_equal(password_verify(S(GOOD_PW), NULL, NULL), -1);
}

/*
 * SHA-256, HMAC, constant-time equality, hex
 */

static const struct {
	const char	*what;
	const char	*msg;
	size_t		 len;
	const char	*hex;
} sha256_kat[] = {
	{ "FIPS 180-2 empty", S(""),
	  "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855" },
	{ "FIPS 180-2 abc", S("abc"),
	  "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad" },
	{ "FIPS 180-2 448 bits",
	  S("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
	  "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1" },
};

static void
xsec_sha256_known_answers(void **state)
{
	unsigned char	 out[32];
	size_t		 i;

	(void)state;
	for (i = 0; i < NELEM(sha256_kat); i++) {
		crypto_sha256(sha256_kat[i].msg, sha256_kat[i].len, out);
		assert_hex(out, sizeof(out), sha256_kat[i].hex,
		    sha256_kat[i].what);
	}
}

#define X0B20	"\x0b\x0b\x0b\x0b\x0b\x0b\x0b\x0b\x0b\x0b" \
		"\x0b\x0b\x0b\x0b\x0b\x0b\x0b\x0b\x0b\x0b"
#define XAA10	"\xaa\xaa\xaa\xaa\xaa\xaa\xaa\xaa\xaa\xaa"
#define XAA20	XAA10 XAA10
#define XAA131	XAA20 XAA20 XAA20 XAA20 XAA20 XAA20 XAA10 "\xaa"
#define XDD10	"\xdd\xdd\xdd\xdd\xdd\xdd\xdd\xdd\xdd\xdd"
#define XDD50	XDD10 XDD10 XDD10 XDD10 XDD10

static const struct {
	const char	*what;
	int		 sha;	/* 1 or 256 */
	const char	*key;
	size_t		 klen;
	const char	*msg;
	size_t		 mlen;
	const char	*hex;
} hmac_kat[] = {
	{ "RFC 4231 TC1", 256, S(X0B20), S("Hi There"),
	  "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7" },
	{ "RFC 4231 TC2", 256, S("Jefe"), S("what do ya want for nothing?"),
	  "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843" },
	{ "RFC 4231 TC3", 256, S(XAA20), S(XDD50),
	  "773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe" },
	{ "RFC 4231 TC6 key longer than block", 256, S(XAA131),
	  S("Test Using Larger Than Block-Size Key - Hash Key First"),
	  "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54" },
	{ "empty key and message", 256, S(""), S(""),
	  "b613679a0814d9ec772f95d778c35fc5ff1697c493715653c6c712144292c5ad" },
	{ "RFC 2202 SHA-1 TC1", 1, S(X0B20), S("Hi There"),
	  "b617318655057264e28bc0b6fb378c8ef146be00" },
	{ "RFC 2202 SHA-1 TC2", 1, S("Jefe"), S("what do ya want for nothing?"),
	  "effcdf6ae5eb2fa2d27416d5f184df9c259a7c79" },
	{ "RFC 2202 SHA-1 TC3", 1, S(XAA20), S(XDD50),
	  "125d7342b9ac11cd91a39af48aa17b4f63f175d3" },
};

static void
xsec_hmac_known_answers(void **state)
{
	unsigned char	 out[32];
	size_t		 i;

	(void)state;
	for (i = 0; i < NELEM(hmac_kat); i++) {
		if (hmac_kat[i].sha == 256) {
			assert_int_equal(crypto_hmac_sha256(hmac_kat[i].key,
			    hmac_kat[i].klen, hmac_kat[i].msg,
			    hmac_kat[i].mlen, out), 0);
			assert_hex(out, 32, hmac_kat[i].hex, hmac_kat[i].what);
		} else {
			assert_int_equal(crypto_hmac_sha1(hmac_kat[i].key,
			    hmac_kat[i].klen, hmac_kat[i].msg,
			    hmac_kat[i].mlen, out), 0);
			assert_hex(out, 20, hmac_kat[i].hex, hmac_kat[i].what);
		}
	}
}

static void
xsec_equal_and_hex(void **state)
{
	static const struct {
		const char	*a, *b;
		size_t		 n;
		bool		 eq;
	} eq[] = {
		{ "", "", 0, true },
		{ "a", "b", 0, true },
		{ "abc", "abc", 3, true },
		{ "abc", "abd", 3, false },
		{ "xbc", "abc", 3, false },
		{ "ab\0c", "ab\0d", 4, false },
		{ "abcX", "abcY", 3, true },
	};
	char		 hex[9];
	size_t		 i;

	(void)state;
	for (i = 0; i < NELEM(eq); i++)
		if (crypto_equal(eq[i].a, eq[i].b, eq[i].n) != eq[i].eq)
			fail_msg("crypto_equal case %zu", i);
	crypto_hex("\x00\x7f\xab\xff", 4, hex);
	assert_string_equal(hex, "007fabff");
	crypto_hex("", 0, hex);
	assert_string_equal(hex, "");
}

static void
xsec_random_fills_buffers(void **state)
{
	unsigned char	 a[32], b[32], zero[32] = { 0 };

	(void)state;
	assert_int_equal(crypto_random(a, sizeof(a)), 0);
	assert_int_equal(crypto_random(b, sizeof(b)), 0);
	assert_true(memcmp(a, b, sizeof(a)) != 0);
	assert_true(memcmp(a, zero, sizeof(a)) != 0);
	assert_int_equal(crypto_random(a, 0), 0);
}

/*
 * base64url and base32
 */

static const struct {
	const char	*what;
	const char	*raw;
	size_t		 n;
	const char	*b64;
	const char	*b32;
} enc_kat[] = {
	{ "RFC 4648 empty", S(""), "", "" },
	{ "RFC 4648 f", S("f"), "Zg", "MY" },
	{ "RFC 4648 fo", S("fo"), "Zm8", "MZXQ" },
	{ "RFC 4648 foo", S("foo"), "Zm9v", "MZXW6" },
	{ "RFC 4648 foob", S("foob"), "Zm9vYg", "MZXW6YQ" },
	{ "RFC 4648 fooba", S("fooba"), "Zm9vYmE", "MZXW6YTB" },
	{ "RFC 4648 foobar", S("foobar"), "Zm9vYmFy", "MZXW6YTBOI" },
	{ "URL-safe characters", S("\xfb\xff"), "-_8", "7P7Q" },
	{ "all ones", S("\xff\xff\xff"), "____", "77776" },
	{ "NUL bytes", S("\0\0\0\0\0"), "AAAAAAA", "AAAAAAAA" },
	{ "UTF-8 duijie", S("\xe5\xaf\xb9\xe6\x8e\xa5"), "5a-55o6l",
	  "4WX3TZUOUU" },
	{ "RFC 6238 secret", S("12345678901234567890"),
	  "MTIzNDU2Nzg5MDEyMzQ1Njc4OTA", "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ" },
};

static void
xsec_base64url_and_base32_rfc4648_vectors(void **state)
{
	char		 enc[64];
	unsigned char	 dec[64];
	size_t		 i;

	(void)state;
	for (i = 0; i < NELEM(enc_kat); i++) {
		crypto_b64_encode(enc_kat[i].raw, enc_kat[i].n, enc);
		if (strcmp(enc, enc_kat[i].b64) != 0)
			fail_msg("b64 of %s: %s", enc_kat[i].what, enc);
		assert_int_equal(strlen(enc), CRYPTO_B64LEN(enc_kat[i].n));
		assert_int_equal(crypto_b64_decode(enc, strlen(enc), dec,
		    sizeof(dec)), (long)enc_kat[i].n);
		assert_memory_equal(dec, enc_kat[i].raw, enc_kat[i].n);

		crypto_b32_encode(enc_kat[i].raw, enc_kat[i].n, enc);
		if (strcmp(enc, enc_kat[i].b32) != 0)
			fail_msg("b32 of %s: %s", enc_kat[i].what, enc);
		assert_int_equal(strlen(enc), CRYPTO_B32LEN(enc_kat[i].n));
		assert_int_equal(crypto_b32_decode(enc, dec, sizeof(dec)),
		    (long)enc_kat[i].n);
		assert_memory_equal(dec, enc_kat[i].raw, enc_kat[i].n);
	}
}

/* Every length 0..64 of pseudo-random bytes survives both encodings. */
static void
xsec_encodings_round_trip_every_length(void **state)
{
	unsigned char	 raw[64], dec[64];
	char		 enc[CRYPTO_B64LEN(64) + CRYPTO_B32LEN(64) + 2];
	size_t		 n;

	(void)state;
	assert_int_equal(crypto_random(raw, sizeof(raw)), 0);
	for (n = 0; n <= sizeof(raw); n++) {
		crypto_b64_encode(raw, n, enc);
		assert_int_equal(crypto_b64_decode(enc, strlen(enc), dec, n),
		    (long)n);
		assert_memory_equal(dec, raw, n);
		if (n > 0)
			assert_int_equal(crypto_b64_decode(enc, strlen(enc),
			    dec, n - 1), -1);
		crypto_b32_encode(raw, n, enc);
		assert_int_equal(crypto_b32_decode(enc, dec, n), (long)n);
		assert_memory_equal(dec, raw, n);
		if (n > 0)
			assert_int_equal(crypto_b32_decode(enc, dec, n - 1),
			    -1);
	}
}

static const struct {
	const char	*what;
	const char	*s;
} b64_bad[] = {
	{ "length 1 mod 4", "Z" },
	{ "length 5", "Zm9vY" },
	{ "padding", "Zg==" },
	{ "one pad", "Zm8=" },
	{ "standard +", "+_8" },
	{ "standard /", "-/8" },
	{ "space", "Zm 9v" },
	{ "newline", "Zm9v\n" },
	{ "dot", "Zm9." },
	{ "non-canonical f (Zh)", "Zh" },
	{ "non-canonical fo (Zm9)", "Zm9" },
	{ "non-ASCII", "Zm\xc3\xa9" },
};

static void
xsec_base64url_rejects_bad_input(void **state)
{
	unsigned char	 dec[16];
	size_t		 i;

	(void)state;
	for (i = 0; i < NELEM(b64_bad); i++)
		if (crypto_b64_decode(b64_bad[i].s, strlen(b64_bad[i].s), dec,
		    sizeof(dec)) != -1)
			fail_msg("b64 accepted: %s", b64_bad[i].what);
	/* slen is honoured: a NUL or junk beyond it is not read. */
	assert_int_equal(crypto_b64_decode("Zm9v!!", 4, dec, sizeof(dec)), 3);
	assert_int_equal(crypto_b64_decode("Zm9v", 4, dec, 2), -1);
}

static const struct {
	const char	*what;
	const char	*s;
	long		 n;	/* -1: rejected, else "foobar" prefix length */
} b32_cases[] = {
	{ "lower case", "mzxw6ytboi", 6 },
	{ "mixed case", "MzXw6YtBoI", 6 },
	{ "spaces in groups", "MZXW 6YTB OI", 6 },
	{ "leading and trailing spaces", "  MZXW6YTBOI  ", 6 },
	{ "padded", "MZXW6YTBOI======", 6 },
	{ "padded then space", "MZXW6YTBOI====== ", 6 },
	{ "padded fo", "MZXQ====", 2 },
	{ "only spaces", "   ", 0 },
	{ "only padding", "====", 0 },
	{ "length 1 mod 8", "MZXW6YTBO", -1 },
	{ "length 3 mod 8", "MZX", -1 },
	{ "length 6 mod 8", "MZXW6Y", -1 },
	{ "digit 1", "MZXW1YTBOI", -1 },
	{ "digit 0", "MZXW0YTBOI", -1 },
	{ "digit 8", "MZXW8YTBOI", -1 },
	{ "pad in middle", "MZ==XW6YTBOI", -1 },
	{ "hyphen", "MZXW-6YTB-OI", -1 },
	{ "tab", "MZXW\t6YTBOI", -1 },
	{ "non-canonical MZ", "MZ", -1 },
	{ "non-canonical MZXR", "MZXR", -1 },
};

static void
xsec_base32_decode_leniency_and_rejects(void **state)
{
	unsigned char	 dec[16];
	size_t		 i;
	long		 got;

	(void)state;
	for (i = 0; i < NELEM(b32_cases); i++) {
		got = crypto_b32_decode(b32_cases[i].s, dec, sizeof(dec));
		if (got != b32_cases[i].n)
			fail_msg("b32 %s: got %ld", b32_cases[i].what, got);
		if (got > 0)
			assert_memory_equal(dec, "foobar", (size_t)got);
	}
}

/*
 * AES-256-GCM
 */

static const unsigned char key1[32] =
    "0123456789abcdef0123456789abcdef";

static void
xsec_seal_open_round_trip(void **state)
{
	static const size_t	 lens[] = { 0, 1, 12, 15, 16, 17, 20, 64, 255 };
	unsigned char		 pt[255], sealed[255 + CRYPTO_SEAL_OVERHEAD];
	unsigned char		 other[sizeof(sealed)], out[255];
	size_t			 i, n;

	(void)state;
	assert_int_equal(crypto_random(pt, sizeof(pt)), 0);
	for (i = 0; i < NELEM(lens); i++) {
		n = lens[i];
		assert_int_equal(crypto_seal(key1, S("users.totp:42"), pt, n,
		    sealed), 0);
		assert_int_equal(crypto_open(key1, S("users.totp:42"), sealed,
		    n + CRYPTO_SEAL_OVERHEAD, out, n), (long)n);
		assert_memory_equal(out, pt, n);
		/* A fresh IV each time: sealing twice never repeats. */
		assert_int_equal(crypto_seal(key1, S("users.totp:42"), pt, n,
		    other), 0);
		assert_true(memcmp(sealed, other, n + CRYPTO_SEAL_OVERHEAD) !=
		    0);
		/* Without AAD on both sides. */
		assert_int_equal(crypto_seal(key1, NULL, 0, pt, n, sealed), 0);
		assert_int_equal(crypto_open(key1, NULL, 0, sealed,
		    n + CRYPTO_SEAL_OVERHEAD, out, sizeof(out)), (long)n);
		assert_memory_equal(out, pt, n);
		/* out one byte too small. */
		if (n > 0)
			assert_int_equal(crypto_open(key1, NULL, 0, sealed,
			    n + CRYPTO_SEAL_OVERHEAD, out, n - 1), -1);
	}
}

/* Every bit of every byte of the sealed blob is covered by the tag. */
static void
xsec_open_detects_any_flipped_bit(void **state)
{
	static const char	 pt[] = "JBSWY3DPEHPK3PXP totp secret";
	unsigned char		 sealed[sizeof(pt) + CRYPTO_SEAL_OVERHEAD];
	char			 out[sizeof(pt)];
	size_t			 i, slen = sizeof(sealed);
	unsigned		 bit;

	(void)state;
	assert_int_equal(crypto_seal(key1, S("users.totp:42"), pt, sizeof(pt),
	    sealed), 0);
	for (i = 0; i < slen; i++)
		for (bit = 0; bit < 8; bit++) {
			sealed[i] ^= (unsigned char)(1u << bit);
			memset(out, 0, sizeof(out));
			if (crypto_open(key1, S("users.totp:42"), sealed, slen,
			    out, sizeof(out)) != -1)
				fail_msg("byte %zu bit %u flipped, accepted",
				    i, bit);
			/* No unauthenticated plaintext is left behind. */
			if (memcmp(out, pt, sizeof(pt)) == 0)
				fail_msg("plaintext left at byte %zu", i);
			sealed[i] ^= (unsigned char)(1u << bit);
		}
	assert_int_equal(crypto_open(key1, S("users.totp:42"), sealed, slen,
	    out, sizeof(out)), (long)sizeof(pt));
	/* Every truncation, down to nothing. */
	for (i = 0; i < slen; i++)
		if (crypto_open(key1, S("users.totp:42"), sealed, i, out,
		    sizeof(out)) != -1)
			fail_msg("truncated to %zu accepted", i);
}

static void
xsec_open_refuses_wrong_aad(void **state)
{
	static const struct {
		const char	*aad;
		size_t		 alen;
	} wrong[] = {
		{ NULL, 0 },
		{ S("users.totp:43") },
		{ S("users.totp:4") },
		{ S("users.totp:420") },
		{ S("Users.totp:42") },
		{ S("users.totp:42\0") },
		{ S("enterprise.key:42") },
	};
	unsigned char	 sealed[5 + CRYPTO_SEAL_OVERHEAD];
	char		 out[5];
	size_t		 i;

	(void)state;
	assert_int_equal(crypto_seal(key1, S("users.totp:42"), "hello", 5,
	    sealed), 0);
	for (i = 0; i < NELEM(wrong); i++)
		if (crypto_open(key1, wrong[i].aad, wrong[i].alen, sealed,
		    sizeof(sealed), out, sizeof(out)) != -1)
			fail_msg("wrong AAD %zu accepted", i);
	/* An empty AAD is the same as none. */
	assert_int_equal(crypto_seal(key1, NULL, 0, "hello", 5, sealed), 0);
	assert_int_equal(crypto_open(key1, "", 0, sealed, sizeof(sealed), out,
	    sizeof(out)), 5);
	assert_int_equal(crypto_open(key1, S("x"), sealed, sizeof(sealed),
	    out, sizeof(out)), -1);
	/* NULL AAD with a length is a caller error. */
	assert_int_equal(crypto_seal(key1, NULL, 3, "hello", 5, sealed), -1);
}

static void
xsec_open_refuses_wrong_key(void **state)
{
	unsigned char	 sealed[5 + CRYPTO_SEAL_OVERHEAD], key2[32];
	char		 out[5];
	size_t		 i;

	(void)state;
	assert_int_equal(crypto_seal(key1, S("k"), "hello", 5, sealed), 0);
	for (i = 0; i < sizeof(key2); i++) {
		memcpy(key2, key1, sizeof(key2));
		key2[i] ^= 0x01;
		if (crypto_open(key2, S("k"), sealed, sizeof(sealed), out,
		    sizeof(out)) != -1)
			fail_msg("key with byte %zu changed accepted", i);
	}
	memset(key2, 0, sizeof(key2));
	assert_int_equal(crypto_open(key2, S("k"), sealed, sizeof(sealed), out,
	    sizeof(out)), -1);
}

/*
 * TOTP
 */

#define RFC6238_SECRET	(const unsigned char *)"12345678901234567890", 20

static const struct {
	uint64_t	 t;
	uint32_t	 code;
	const char	*digits;
} totp_kat[] = {
	{ 59ULL, 287082, "287082" },		/* 94287082 */
	{ 1111111109ULL, 81804, "081804" },	/* 07081804 */
	{ 1111111111ULL, 50471, "050471" },	/* 14050471 */
	{ 1234567890ULL, 5924, "005924" },	/* 89005924 */
	{ 2000000000ULL, 279037, "279037" },	/* 69279037 */
	{ 20000000000ULL, 353130, "353130" },	/* 65353130 */
};

static void
xsec_totp_rfc6238_sha1_vectors(void **state)
{
	unsigned char	 secret[32];
	size_t		 i;
	long long	 step;

	(void)state;
	for (i = 0; i < NELEM(totp_kat); i++) {
		step = (long long)(totp_kat[i].t / 30);
		if (totp_code(RFC6238_SECRET, totp_kat[i].t / 30) !=
		    totp_kat[i].code)
			fail_msg("code at T=%llu",
			    (unsigned long long)totp_kat[i].t);
		assert_int_equal(totp_check(RFC6238_SECRET, totp_kat[i].digits,
		    (uint64_t)step, -1), step);
	}
	/* The same secret as users store it: base32. */
	assert_int_equal(crypto_b32_decode("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ",
	    secret, sizeof(secret)), 20);
	assert_int_equal(totp_code(secret, 20, 59 / 30), 287082);
}

static void
xsec_totp_check_window_and_reuse(void **state)
{
	static const struct {
		const char	*what;
		long long	 code_step;	/* whose code is typed */
		uint64_t	 now;
		long long	 last;
		long long	 want;
	} cases[] = {
		{ "current step", 1000, 1000, -1, 1000 },
		{ "previous step (clock behind)", 999, 1000, -1, 999 },
		{ "next step (clock ahead)", 1001, 1000, -1, 1001 },
		{ "two steps behind", 998, 1000, -1, -1 },
		{ "two steps ahead", 1002, 1000, -1, -1 },
		{ "far past", 1, 1000, -1, -1 },
		{ "reused: step == last_step", 1000, 1000, 1000, -1 },
		{ "reused previous: step < last", 999, 1000, 1000, -1 },
		{ "previous step already used", 999, 1000, 999, -1 },
		{ "after last used step", 1000, 1000, 999, 1000 },
		{ "next after current used", 1001, 1000, 1000, 1001 },
		{ "last_step ahead of window", 1001, 1000, 1001, -1 },
		{ "step 0 at now 0", 0, 0, -1, 0 },
		{ "step 1 at now 0", 1, 0, -1, 1 },
		{ "RFC T=59 at step 1", 1, 1, -1, 1 },
		{ "RFC T=59 with last 0", 1, 1, 0, 1 },
		{ "RFC T=59 code a step late", 1, 2, -1, 1 },
		{ "RFC T=59 code two steps late", 1, 3, -1, -1 },
	};
	char		 code[7];
	size_t		 i;
	long long	 got;

	(void)state;
	for (i = 0; i < NELEM(cases); i++) {
		snprintf(code, sizeof(code), "%06u", (unsigned)totp_code(
		    RFC6238_SECRET, (uint64_t)cases[i].code_step));
		got = totp_check(RFC6238_SECRET, code, cases[i].now,
		    cases[i].last);
		if (got != cases[i].want)
			fail_msg("%s: got %lld, want %lld", cases[i].what, got,
			    cases[i].want);
	}
	/* Accepting a code once and storing the step burns it. */
	snprintf(code, sizeof(code), "%06u",
	    (unsigned)totp_code(RFC6238_SECRET, 5000));
	got = totp_check(RFC6238_SECRET, code, 5000, -1);
	assert_int_equal(got, 5000);
	assert_int_equal(totp_check(RFC6238_SECRET, code, 5000, got), -1);
	assert_int_equal(totp_check(RFC6238_SECRET, code, 5001, got), -1);
}

static void
xsec_totp_check_refuses_malformed_codes(void **state)
{
	static const char *const bad[] = {
		"", "2", "28708", "2870822", "28708a", "a87082", " 287082",
		"287082 ", "287082\n", "+28708", "-28708", "28 082",
		"2870.2", "0x1234", "287O82",
		"\xef\xbc\x92\xef\xbc\x98\xef\xbc\x97\xef\xbc\x90\xef\xbc\x98"
		"\xef\xbc\x92",	/* full-width digits */
		"94287082",	/* the 8-digit RFC form */
	};
	size_t	 i;

	(void)state;
	/* Sanity: the right code passes at step 1. */
	assert_int_equal(totp_check(RFC6238_SECRET, "287082", 1, -1), 1);
	for (i = 0; i < NELEM(bad); i++)
		if (totp_check(RFC6238_SECRET, bad[i], 1, -1) != -1)
			fail_msg("accepted code \"%s\"", bad[i]);
	assert_int_equal(totp_check(RFC6238_SECRET, NULL, 1, -1), -1);
	/* Another secret's code. */
	assert_int_equal(totp_check((const unsigned char *)"another secret!!",
	    16, "287082", 1, -1), -1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(xsec_scrypt_rfc7914_known_answers),
		cmocka_unit_test(xsec_scrypt_refuses_bad_parameters),
		cmocka_unit_test(xsec_password_hash_verify_round_trip),
		cmocka_unit_test(xsec_password_hash_uses_fresh_salt),
		cmocka_unit_test(xsec_password_hash_refuses_out_of_range_params),
		cmocka_unit_test(xsec_password_current_params_are_not_stale),
		cmocka_unit_test(xsec_password_dummy_verify_runs),
		cmocka_unit_test(xsec_password_verify_known_stored_hash),
		cmocka_unit_test(xsec_password_verify_altered_hash_does_not_match),
		cmocka_unit_test(xsec_password_verify_rejects_malformed_stored),
		cmocka_unit_test(xsec_sha256_known_answers),
		cmocka_unit_test(xsec_hmac_known_answers),
		cmocka_unit_test(xsec_equal_and_hex),
		cmocka_unit_test(xsec_random_fills_buffers),
		cmocka_unit_test(xsec_base64url_and_base32_rfc4648_vectors),
		cmocka_unit_test(xsec_encodings_round_trip_every_length),
		cmocka_unit_test(xsec_base64url_rejects_bad_input),
		cmocka_unit_test(xsec_base32_decode_leniency_and_rejects),
		cmocka_unit_test(xsec_seal_open_round_trip),
		cmocka_unit_test(xsec_open_detects_any_flipped_bit),
		cmocka_unit_test(xsec_open_refuses_wrong_aad),
		cmocka_unit_test(xsec_open_refuses_wrong_key),
		cmocka_unit_test(xsec_totp_rfc6238_sha1_vectors),
		cmocka_unit_test(xsec_totp_check_window_and_reuse),
		cmocka_unit_test(xsec_totp_check_refuses_malformed_codes),
	};

	return cmocka_run_group_tests_name("crypto", tests, NULL, NULL);
}
