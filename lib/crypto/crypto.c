/*
 * crypto.c -- random bytes, hashes, MACs, encodings, scrypt password
 * hashes, AES-256-GCM sealing and TOTP, all through OpenSSL 3 EVP.
 *
 * Nothing is cached between calls: algorithms are fetched per call, so
 * there is no shared state to guard in a threaded worker.  Every buffer
 * that held a derived key or unauthenticated plaintext is wiped with
 * OPENSSL_cleanse before it is released or handed back.
 */
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <openssl/core_names.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/kdf.h>
#include <openssl/params.h>
#include <openssl/rand.h>

#include "crypto/crypto.h"

/* Parameters of newly made hashes: scrypt N=32768, r=8, p=1 (32 MiB). */
const struct kdf_params kdf_current = { 15, 8, 1 };

#define SCRYPT_PREFIX	"$scrypt$"
#define SCRYPT_SALTLEN	16
#define SCRYPT_KEYLEN	32

/*
 * n bytes from the CSPRNG into buf.  0 on success, -1 when RAND_bytes
 * fails (buf is then wiped, never left half random).
 */
int
crypto_random(void *buf, size_t n)
{
	unsigned char	*p = buf;
	size_t		 chunk, total = n;

	while (n > 0) {
		chunk = n > INT_MAX ? INT_MAX : n;
		if (RAND_bytes(p, (int)chunk) != 1) {
			OPENSSL_cleanse(buf, total);
			return -1;
		}
		p += chunk;
		n -= chunk;
	}
	return 0;
}

/* Lower-case hex of buf[0..n) into hex[0..2n], NUL-terminated. */
void
crypto_hex(const void *buf, size_t n, char *hex)
{
	static const char	 digits[] = "0123456789abcdef";
	const unsigned char	*p = buf;
	size_t			 i;

	for (i = 0; i < n; i++) {
		hex[2 * i] = digits[p[i] >> 4];
		hex[2 * i + 1] = digits[p[i] & 0x0F];
	}
	hex[2 * n] = '\0';
}

/*
 * SHA-256 of buf[0..n) into out.  The void contract leaves no way to
 * report a failure, and a zeroed digest would make unrelated tokens
 * compare equal, so an OpenSSL failure (only OOM in practice) aborts.
 */
void
crypto_sha256(const void *buf, size_t n, unsigned char out[32])
{
	unsigned int	 olen = 0;

	if (buf == NULL)
		buf = "";
	if (EVP_Digest(buf, n, out, &olen, EVP_sha256(), NULL) != 1 ||
	    olen != 32)
		abort();
}

/*
 * HMAC with the named digest into out[0..outlen), which must be exactly
 * the digest size.  A zero-length key is allowed.  0 or -1.
 */
static int
crypto_hmac(const char *digest, const void *key, size_t klen,
    const void *msg, size_t mlen, unsigned char *out, size_t outlen)
{
	EVP_MAC		*mac;
	EVP_MAC_CTX	*ctx = NULL;
	OSSL_PARAM	 params[2];
	size_t		 got = 0;
	int		 rc = -1;

	/* A NULL key would mean "keep the previous key" to EVP_MAC_init. */
	if (key == NULL)
		key = "";
	if (msg == NULL)
		msg = "";
	if ((mac = EVP_MAC_fetch(NULL, "HMAC", NULL)) == NULL)
		return -1;
	if ((ctx = EVP_MAC_CTX_new(mac)) == NULL)
		goto out;
	params[0] = OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_DIGEST,
	    (char *)digest, 0);
	params[1] = OSSL_PARAM_construct_end();
	if (EVP_MAC_init(ctx, key, klen, params) != 1 ||
	    EVP_MAC_update(ctx, msg, mlen) != 1 ||
	    EVP_MAC_final(ctx, out, &got, outlen) != 1 || got != outlen)
		goto out;
	rc = 0;
out:
	if (rc != 0)
		OPENSSL_cleanse(out, outlen);
	EVP_MAC_CTX_free(ctx);
	EVP_MAC_free(mac);
	return rc;
}

/* HMAC-SHA-256 of msg under key into out.  0, or -1 (out wiped). */
int
crypto_hmac_sha256(const void *key, size_t klen, const void *msg,
    size_t mlen, unsigned char out[32])
{
	return crypto_hmac("SHA256", key, klen, msg, mlen, out, 32);
}

/* HMAC-SHA-1 (for TOTP only) of msg under key into out.  0 or -1. */
int
crypto_hmac_sha1(const void *key, size_t klen, const void *msg,
    size_t mlen, unsigned char out[20])
{
	return crypto_hmac("SHA1", key, klen, msg, mlen, out, 20);
}

/* Constant-time (in n, not in the contents) equality; n == 0 is equal. */
bool
crypto_equal(const void *a, const void *b, size_t n)
{
	if (n == 0)
		return true;
	return CRYPTO_memcmp(a, b, n) == 0;
}

/*
 * base64url
 */

static const char b64url[] =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/* Value of a base64url character, or -1. */
static int
b64_value(unsigned char c)
{
	if (c >= 'A' && c <= 'Z')
		return c - 'A';
	if (c >= 'a' && c <= 'z')
		return c - 'a' + 26;
	if (c >= '0' && c <= '9')
		return c - '0' + 52;
	if (c == '-')
		return 62;
	if (c == '_')
		return 63;
	return -1;
}

/* base64url of buf[0..n), unpadded, into out[0..CRYPTO_B64LEN(n)] + NUL. */
void
crypto_b64_encode(const void *buf, size_t n, char *out)
{
	const unsigned char	*p = buf;
	uint32_t		 v;
	size_t			 i;

	for (i = 0; i + 3 <= n; i += 3) {
		v = (uint32_t)p[i] << 16 | (uint32_t)p[i + 1] << 8 | p[i + 2];
		*out++ = b64url[v >> 18 & 0x3F];
		*out++ = b64url[v >> 12 & 0x3F];
		*out++ = b64url[v >> 6 & 0x3F];
		*out++ = b64url[v & 0x3F];
	}
	if (n - i == 1) {
		v = (uint32_t)p[i] << 16;
		*out++ = b64url[v >> 18 & 0x3F];
		*out++ = b64url[v >> 12 & 0x3F];
	} else if (n - i == 2) {
		v = (uint32_t)p[i] << 16 | (uint32_t)p[i + 1] << 8;
		*out++ = b64url[v >> 18 & 0x3F];
		*out++ = b64url[v >> 12 & 0x3F];
		*out++ = b64url[v >> 6 & 0x3F];
	}
	*out = '\0';
}

/*
 * Decodes s[0..slen), unpadded base64url, into out.  Returns the byte
 * count, or -1 for a character outside the alphabet (padding included),
 * a length of 1 mod 4, non-zero unused bits in the last character (so
 * that every value has exactly one encoding), or out too small.  Nothing
 * is written to out when the input is rejected before decoding starts
 * (bad length, too small); on a bad character out may hold a prefix.
 */
long
crypto_b64_decode(const char *s, size_t slen, void *out, size_t outsz)
{
	unsigned char	*o = out;
	size_t		 need, i;
	uint32_t	 acc = 0;
	unsigned	 bits = 0;
	int		 v;

	if (slen % 4 == 1 || slen / 4 > (size_t)LONG_MAX / 3)
		return -1;
	need = slen / 4 * 3 + (slen % 4 == 0 ? 0 : slen % 4 - 1);
	if (need > outsz)
		return -1;
	for (i = 0; i < slen; i++) {
		if ((v = b64_value((unsigned char)s[i])) < 0)
			return -1;
		acc = (acc << 6 | (uint32_t)v) & 0xFFFFFF;
		bits += 6;
		if (bits >= 8) {
			bits -= 8;
			*o++ = (unsigned char)(acc >> bits);
		}
	}
	if ((acc & ((1u << bits) - 1)) != 0)
		return -1;
	return (long)need;
}

/*
 * base32
 */

static const char b32alpha[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

/* base32 of buf[0..n), upper case, unpadded, into out + NUL. */
void
crypto_b32_encode(const void *buf, size_t n, char *out)
{
	const unsigned char	*p = buf;
	uint32_t		 acc = 0;
	unsigned		 bits = 0;
	size_t			 i;

	for (i = 0; i < n; i++) {
		acc = (acc << 8 | p[i]) & 0xFFFF;
		bits += 8;
		while (bits >= 5) {
			bits -= 5;
			*out++ = b32alpha[acc >> bits & 0x1F];
		}
	}
	if (bits > 0)
		*out++ = b32alpha[acc << (5 - bits) & 0x1F];
	*out = '\0';
}

/*
 * Decodes NUL-terminated base32 into out.  Case is ignored, spaces are
 * skipped anywhere, and '=' may appear only after the last data
 * character.  Returns the byte count, or -1 for another character, a
 * data length of 1, 3 or 6 mod 8, non-zero unused bits at the end, or
 * out too small.  out may hold a prefix after a failure.
 */
long
crypto_b32_decode(const char *s, void *out, size_t outsz)
{
	unsigned char	*o = out;
	size_t		 nout = 0, nchar = 0;
	uint32_t	 acc = 0;
	unsigned	 bits = 0;
	bool		 padding = false;
	unsigned char	 c;
	int		 v;

	for (; *s != '\0'; s++) {
		c = (unsigned char)*s;
		if (c == ' ')
			continue;
		if (c == '=') {
			padding = true;
			continue;
		}
		if (padding)
			return -1;
		if (c >= 'a' && c <= 'z')
			c = (unsigned char)(c - 'a' + 'A');
		if (c >= 'A' && c <= 'Z')
			v = c - 'A';
		else if (c >= '2' && c <= '7')
			v = c - '2' + 26;
		else
			return -1;
		nchar++;
		acc = (acc << 5 | (uint32_t)v) & 0xFFFF;
		bits += 5;
		if (bits >= 8) {
			bits -= 8;
			if (nout == outsz || nout >= (size_t)LONG_MAX)
				return -1;
			o[nout++] = (unsigned char)(acc >> bits);
		}
	}
	switch (nchar % 8) {
	case 1:
	case 3:
	case 6:
		return -1;
	default:
		break;
	}
	if ((acc & ((1u << bits) - 1)) != 0)
		return -1;
	return (long)nout;
}

/*
 * scrypt password hashes
 */

/*
 * Raw scrypt through EVP_KDF "SCRYPT".  SCRYPT_MAXMEM is set to exactly
 * what OpenSSL computes for these parameters (128·r·(N+2) for V plus
 * 128·r·p for B), so every allowed combination up to ln=20, r=32 runs
 * regardless of the provider's default limit.  OpenSSL itself still
 * refuses N >= 2^(16·r) (e.g. ln=16 with r=1).  0 or -1 (out wiped).
 */
static int
scrypt_derive(const void *pw, size_t len, const void *salt, size_t saltlen,
    unsigned ln, unsigned r, unsigned p, unsigned char *out, size_t outlen)
{
	EVP_KDF		*kdf;
	EVP_KDF_CTX	*ctx = NULL;
	OSSL_PARAM	 params[7], *q = params;
	uint64_t	 n, maxmem;
	uint32_t	 r32 = r, p32 = p;
	int		 rc = -1;

	if (ln < 1 || ln > 20 || r < 1 || r > 32 || p < 1 || p > 16 ||
	    outlen == 0)
		return -1;
	n = (uint64_t)1 << ln;
	maxmem = 128 * (uint64_t)r * (n + 2) + 128 * (uint64_t)r * p;
	/* EVP wants non-NULL buffers even when they are empty. */
	if (pw == NULL)
		pw = "";
	if (salt == NULL)
		salt = "";
	*q++ = OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_PASSWORD,
	    (void *)pw, len);
	*q++ = OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_SALT,
	    (void *)salt, saltlen);
	*q++ = OSSL_PARAM_construct_uint64(OSSL_KDF_PARAM_SCRYPT_N, &n);
	*q++ = OSSL_PARAM_construct_uint32(OSSL_KDF_PARAM_SCRYPT_R, &r32);
	*q++ = OSSL_PARAM_construct_uint32(OSSL_KDF_PARAM_SCRYPT_P, &p32);
	*q++ = OSSL_PARAM_construct_uint64(OSSL_KDF_PARAM_SCRYPT_MAXMEM,
	    &maxmem);
	*q = OSSL_PARAM_construct_end();

	if ((kdf = EVP_KDF_fetch(NULL, "SCRYPT", NULL)) == NULL)
		return -1;
	if ((ctx = EVP_KDF_CTX_new(kdf)) == NULL)
		goto out;
	if (EVP_KDF_derive(ctx, out, outlen, params) != 1)
		goto out;
	rc = 0;
out:
	if (rc != 0)
		OPENSSL_cleanse(out, outlen);
	/* The context keeps a copy of the password; _free cleanses it. */
	EVP_KDF_CTX_free(ctx);
	EVP_KDF_free(kdf);
	return rc;
}

/* Test hook: see crypto.h. */
int
crypto_scrypt_raw(const void *pw, size_t len, const void *salt,
    size_t saltlen, const struct kdf_params *kp, unsigned char *out,
    size_t outlen)
{
	return scrypt_derive(pw, len, salt, saltlen, kp->ln, kp->r, kp->p,
	    out, outlen);
}

/* True when kp is inside the ranges crypto.h documents. */
static bool
kdf_params_ok(const struct kdf_params *kp)
{
	return kp->ln >= 10 && kp->ln <= 20 && kp->r >= 1 && kp->r <= 32 &&
	    kp->p >= 1 && kp->p <= 16;
}

/*
 * Hashes pw with a fresh 16-byte salt under kp (kdf_current when NULL)
 * into out as "$scrypt$ln=..,r=..,p=..$salt$key".  -1 when kp is out of
 * range, OpenSSL fails or the CSPRNG fails; out is then an empty string.
 */
int
password_hash(const char *pw, size_t len, const struct kdf_params *kp,
    char out[PASSWORD_HASH_MAX])
{
	unsigned char	 salt[SCRYPT_SALTLEN], key[SCRYPT_KEYLEN];
	char		 salt64[CRYPTO_B64LEN(SCRYPT_SALTLEN) + 1];
	char		 key64[CRYPTO_B64LEN(SCRYPT_KEYLEN) + 1];
	int		 n, rc = -1;

	out[0] = '\0';
	if (kp == NULL)
		kp = &kdf_current;
	if (!kdf_params_ok(kp))
		return -1;
	if (crypto_random(salt, sizeof(salt)) != 0)
		return -1;
	if (scrypt_derive(pw, len, salt, sizeof(salt), kp->ln, kp->r, kp->p,
	    key, sizeof(key)) != 0)
		goto out;
	crypto_b64_encode(salt, sizeof(salt), salt64);
	crypto_b64_encode(key, sizeof(key), key64);
	n = snprintf(out, PASSWORD_HASH_MAX,
	    SCRYPT_PREFIX "ln=%u,r=%u,p=%u$%s$%s", kp->ln, kp->r, kp->p,
	    salt64, key64);
	if (n < 0 || n >= PASSWORD_HASH_MAX) {
		out[0] = '\0';
		goto out;
	}
	rc = 0;
out:
	OPENSSL_cleanse(key, sizeof(key));
	OPENSSL_cleanse(key64, sizeof(key64));
	return rc;
}

/*
 * Parses "name=" and a decimal in [min, max] without sign, spaces or
 * leading zeros at *sp, advancing *sp past it.  False when malformed.
 */
static bool
parse_param(const char **sp, const char *name, unsigned min, unsigned max,
    unsigned *val)
{
	const char	*s = *sp;
	size_t		 nlen = strlen(name);
	unsigned	 v = 0;
	int		 digits = 0;

	if (strncmp(s, name, nlen) != 0 || s[nlen] != '=')
		return false;
	s += nlen + 1;
	if (*s == '0')
		return false;
	while (*s >= '0' && *s <= '9') {
		if (++digits > 2)
			return false;
		v = v * 10 + (unsigned)(*s++ - '0');
	}
	if (digits == 0 || v < min || v > max)
		return false;
	*val = v;
	*sp = s;
	return true;
}

/*
 * Splits a stored hash into its parameters, salt and key.  Strict: the
 * exact prefix, ln/r/p in that order and in range, then exactly 22 and
 * 43 canonical base64url characters (16 and 32 bytes) and nothing after.
 */
static bool
parse_stored(const char *s, struct kdf_params *kp,
    unsigned char salt[SCRYPT_SALTLEN], unsigned char key[SCRYPT_KEYLEN])
{
	const size_t	 saltlen = CRYPTO_B64LEN(SCRYPT_SALTLEN);
	const size_t	 keylen = CRYPTO_B64LEN(SCRYPT_KEYLEN);

	if (s == NULL || strncmp(s, SCRYPT_PREFIX, strlen(SCRYPT_PREFIX)) != 0)
		return false;
	s += strlen(SCRYPT_PREFIX);
	if (!parse_param(&s, "ln", 10, 20, &kp->ln) || *s++ != ',' ||
	    !parse_param(&s, "r", 1, 32, &kp->r) || *s++ != ',' ||
	    !parse_param(&s, "p", 1, 16, &kp->p) || *s++ != '$')
		return false;
	if (strnlen(s, saltlen + 1) < saltlen + 1 || s[saltlen] != '$' ||
	    crypto_b64_decode(s, saltlen, salt, SCRYPT_SALTLEN) !=
	    SCRYPT_SALTLEN)
		return false;
	s += saltlen + 1;
	if (strnlen(s, keylen + 1) != keylen ||
	    crypto_b64_decode(s, keylen, key, SCRYPT_KEYLEN) != SCRYPT_KEYLEN)
		return false;
	return true;
}

/*
 * 1 when pw matches stored, 0 when it does not, -1 when stored is
 * malformed or the derivation fails.  *stale (if not NULL) is false on
 * -1 and otherwise tells whether stored used parameters other than
 * kdf_current, match or not.
 */
int
password_verify(const char *pw, size_t len, const char *stored, bool *stale)
{
	struct kdf_params	 kp;
	unsigned char		 salt[SCRYPT_SALTLEN], want[SCRYPT_KEYLEN];
	unsigned char		 got[SCRYPT_KEYLEN];
	int			 rc = -1;

	if (stale != NULL)
		*stale = false;
	if (!parse_stored(stored, &kp, salt, want))
		goto out;
	if (scrypt_derive(pw, len, salt, sizeof(salt), kp.ln, kp.r, kp.p,
	    got, sizeof(got)) != 0)
		goto out;
	rc = CRYPTO_memcmp(got, want, sizeof(got)) == 0;
	if (stale != NULL)
		*stale = kp.ln != kdf_current.ln || kp.r != kdf_current.r ||
		    kp.p != kdf_current.p;
out:
	OPENSSL_cleanse(got, sizeof(got));
	OPENSSL_cleanse(want, sizeof(want));
	return rc;
}

/*
 * The cost of a verify with kdf_current against a fixed salt and key, for
 * unknown users: a derivation, a constant-time compare, the wipes.  The
 * result is thrown away.
 */
void
password_dummy_verify(const char *pw, size_t len)
{
	static const unsigned char	 salt[SCRYPT_SALTLEN] =
	    "Duijie-dummy-slt";
	static const unsigned char	 want[SCRYPT_KEYLEN] = { 0 };
	unsigned char			 got[SCRYPT_KEYLEN];
	volatile int			 sink;

	if (scrypt_derive(pw, len, salt, sizeof(salt), kdf_current.ln,
	    kdf_current.r, kdf_current.p, got, sizeof(got)) == 0)
		sink = CRYPTO_memcmp(got, want, sizeof(got));
	else
		sink = -1;
	(void)sink;
	OPENSSL_cleanse(got, sizeof(got));
}

/*
 * AES-256-GCM
 */

#define GCM_IVLEN	12
#define GCM_TAGLEN	16

/*
 * Seals pt[0..len) under key with a fresh random IV, binding aad, into
 * out[0..len + CRYPTO_SEAL_OVERHEAD) as IV ‖ ciphertext ‖ tag.  -1 when
 * a length does not fit OpenSSL's int, aad is NULL with alen > 0, the
 * CSPRNG fails or OpenSSL fails; out is then wiped.
 */
int
crypto_seal(const unsigned char key[32], const void *aad, size_t alen,
    const void *pt, size_t len, unsigned char *out)
{
	EVP_CIPHER_CTX	*ctx;
	unsigned char	*iv = out, *ct = out + GCM_IVLEN;
	int		 l, rc = -1;

	if (len > (size_t)INT_MAX - CRYPTO_SEAL_OVERHEAD || alen > INT_MAX ||
	    (aad == NULL && alen > 0) || (pt == NULL && len > 0))
		return -1;
	if (crypto_random(iv, GCM_IVLEN) != 0)
		return -1;
	if ((ctx = EVP_CIPHER_CTX_new()) == NULL)
		goto out;
	if (EVP_EncryptInit_ex2(ctx, EVP_aes_256_gcm(), key, iv, NULL) != 1)
		goto out;
	if (alen > 0 && EVP_EncryptUpdate(ctx, NULL, &l, aad, (int)alen) != 1)
		goto out;
	if (len > 0 && (EVP_EncryptUpdate(ctx, ct, &l, pt, (int)len) != 1 ||
	    (size_t)l != len))
		goto out;
	if (EVP_EncryptFinal_ex(ctx, ct + len, &l) != 1 || l != 0)
		goto out;
	if (EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_GCM_GET_TAG, GCM_TAGLEN,
	    ct + len) != 1)
		goto out;
	rc = 0;
out:
	if (rc != 0)
		OPENSSL_cleanse(out, len + CRYPTO_SEAL_OVERHEAD);
	EVP_CIPHER_CTX_free(ctx);
	return rc;
}

/*
 * Opens a sealed value into out.  Returns the plaintext length, or -1
 * when slen is shorter than the overhead, out is too small, the tag does
 * not verify (altered data, wrong key or wrong aad) or OpenSSL fails.
 * Unauthenticated plaintext never stays in out: it is wiped on failure.
 */
long
crypto_open(const unsigned char key[32], const void *aad, size_t alen,
    const unsigned char *sealed, size_t slen, void *out, size_t outsz)
{
	EVP_CIPHER_CTX	*ctx;
	unsigned char	 tag[GCM_TAGLEN];
	size_t		 len;
	int		 l;
	long		 rc = -1;

	if (slen < CRYPTO_SEAL_OVERHEAD || slen > INT_MAX || alen > INT_MAX ||
	    (aad == NULL && alen > 0))
		return -1;
	len = slen - CRYPTO_SEAL_OVERHEAD;
	if (len > outsz || (out == NULL && len > 0))
		return -1;
	/* The ctrl takes a non-const pointer; give it a copy. */
	memcpy(tag, sealed + slen - GCM_TAGLEN, GCM_TAGLEN);
	if ((ctx = EVP_CIPHER_CTX_new()) == NULL)
		return -1;
	if (EVP_DecryptInit_ex2(ctx, EVP_aes_256_gcm(), key, sealed,
	    NULL) != 1)
		goto out;
	if (alen > 0 && EVP_DecryptUpdate(ctx, NULL, &l, aad, (int)alen) != 1)
		goto out;
	if (len > 0 && (EVP_DecryptUpdate(ctx, out, &l, sealed + GCM_IVLEN,
	    (int)len) != 1 || (size_t)l != len))
		goto out;
	if (EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_GCM_SET_TAG, GCM_TAGLEN,
	    tag) != 1)
		goto out;
	if (EVP_DecryptFinal_ex(ctx, (unsigned char *)out + len, &l) != 1 ||
	    l != 0)
		goto out;
	rc = (long)len;
out:
	if (rc < 0 && len > 0)
		OPENSSL_cleanse(out, len);
	EVP_CIPHER_CTX_free(ctx);
	return rc;
}

/*
 * TOTP
 */

#define TOTP_DIGITS	6
#define TOTP_MOD	1000000u

/*
 * The 6-digit RFC 6238 code for `step`, as a number below 1000000, or
 * UINT32_MAX (never a valid code) when HMAC-SHA-1 fails.
 */
uint32_t
totp_code(const unsigned char *secret, size_t slen, uint64_t step)
{
	unsigned char	 msg[8], mac[20];
	uint32_t	 bin;
	unsigned	 off;
	int		 i;

	for (i = 7; i >= 0; i--) {
		msg[i] = (unsigned char)(step & 0xFF);
		step >>= 8;
	}
	if (crypto_hmac_sha1(secret, slen, msg, sizeof(msg), mac) != 0)
		return UINT32_MAX;
	off = mac[19] & 0x0F;
	bin = (uint32_t)(mac[off] & 0x7F) << 24 |
	    (uint32_t)mac[off + 1] << 16 | (uint32_t)mac[off + 2] << 8 |
	    mac[off + 3];
	OPENSSL_cleanse(mac, sizeof(mac));
	return bin % TOTP_MOD;
}

/* The code as 6 ASCII digits with leading zeros; "" when it is no code. */
static void
totp_digits(uint32_t code, char out[TOTP_DIGITS + 1])
{
	int	 i;

	if (code >= TOTP_MOD) {
		memset(out, 0, TOTP_DIGITS + 1);
		return;
	}
	for (i = TOTP_DIGITS - 1; i >= 0; i--) {
		out[i] = (char)('0' + code % 10);
		code /= 10;
	}
	out[TOTP_DIGITS] = '\0';
}

/*
 * Checks `code` (exactly six ASCII digits, nothing else) against the
 * steps now-1, now and now+1 that are greater than last_step.  Returns
 * the matching step, or -1.  All candidate steps are computed and
 * compared in constant time; when a code happens to match two steps the
 * later one is returned, so that storing it as last_step also burns the
 * earlier one.
 */
long long
totp_check(const unsigned char *secret, size_t slen, const char *code,
    uint64_t now_step, long long last_step)
{
	char		 want[TOTP_DIGITS + 1];
	long long	 found = -1, step;
	uint64_t	 first;
	int		 i;

	if (code == NULL || strnlen(code, TOTP_DIGITS + 1) != TOTP_DIGITS)
		return -1;
	for (i = 0; i < TOTP_DIGITS; i++)
		if (code[i] < '0' || code[i] > '9')
			return -1;
	if (now_step > (uint64_t)LLONG_MAX - 1)
		return -1;
	first = now_step == 0 ? 0 : now_step - 1;
	for (step = (long long)first; step <= (long long)now_step + 1;
	    step++) {
		if (step <= last_step)
			continue;
		totp_digits(totp_code(secret, slen, (uint64_t)step), want);
		if (CRYPTO_memcmp(want, code, TOTP_DIGITS) == 0)
			found = step;
	}
	OPENSSL_cleanse(want, sizeof(want));
	return found;
}
