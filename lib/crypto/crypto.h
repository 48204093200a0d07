/*
 * crypto.h -- the few primitives Duijie uses, all through OpenSSL 3.
 *
 * Nothing here logs or keeps a secret; buffers holding secrets are wiped
 * by the functions that own them.  Every function returns 0 on success
 * and -1 on failure unless it says otherwise.
 */
#ifndef DUIJIE_CRYPTO_H
#define DUIJIE_CRYPTO_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* n bytes from the CSPRNG (RAND_bytes). */
int	crypto_random(void *buf, size_t n);
/* Lower-case hex of buf[0..n) into hex (2n+1 bytes, NUL-terminated). */
void	crypto_hex(const void *buf, size_t n, char *hex);
/* SHA-256 of buf[0..n) into out[32]. */
void	crypto_sha256(const void *buf, size_t n, unsigned char out[32]);
/* HMAC-SHA-256 and HMAC-SHA-1 (TOTP) into out (32 or 20 bytes). */
int	crypto_hmac_sha256(const void *key, size_t klen, const void *msg,
	    size_t mlen, unsigned char out[32]);
int	crypto_hmac_sha1(const void *key, size_t klen, const void *msg,
	    size_t mlen, unsigned char out[20]);
/* Constant-time equality of a[0..n) and b[0..n). */
bool	crypto_equal(const void *a, const void *b, size_t n);

/* base64url without padding (RFC 4648 §5).  Encoded length for n bytes:
 * CRYPTO_B64LEN(n) + 1 for the NUL.  Decode returns the byte count or -1
 * (bad character, bad length, out too small). */
#define CRYPTO_B64LEN(n)	(((n) * 4 + 2) / 3)
void	crypto_b64_encode(const void *buf, size_t n, char *out);
long	crypto_b64_decode(const char *s, size_t slen, void *out, size_t outsz);

/* base32 (RFC 4648 §6, upper case, no padding) for TOTP secrets.  Decode
 * accepts lower case, spaces and '=' padding; returns bytes or -1. */
#define CRYPTO_B32LEN(n)	(((n) * 8 + 4) / 5)
void	crypto_b32_encode(const void *buf, size_t n, char *out);
long	crypto_b32_decode(const char *s, void *out, size_t outsz);

/*
 * Password hashing: scrypt through EVP_KDF with a random 16-byte salt.
 * The stored form carries its parameters so they can be raised later:
 *   $scrypt$ln=15,r=8,p=1$<salt b64url>$<32-byte key b64url>
 * (ln = log2 N).  PASSWORD_HASH_MAX includes the NUL.
 */
#define PASSWORD_HASH_MAX 128
struct kdf_params {
	unsigned	ln;	/* log2(N), 10..20 */
	unsigned	r;	/* 1..32 */
	unsigned	p;	/* 1..16 */
};
extern const struct kdf_params kdf_current;	/* ln=15, r=8, p=1 */

int	password_hash(const char *pw, size_t len, const struct kdf_params *,
	    char out[PASSWORD_HASH_MAX]);
/*
 * 1 when pw matches `stored`, 0 when it does not, -1 when `stored` is
 * malformed.  *stale (may be NULL) is set when `stored` used parameters
 * other than kdf_current, so the caller re-hashes after a good sign-in.
 */
int	password_verify(const char *pw, size_t len, const char *stored,
	    bool *stale);
/* Does the same work as a verify against a fixed dummy hash: used for
 * unknown users so that both failures cost the same. */
void	password_dummy_verify(const char *pw, size_t len);

/*
 * For tests only (RFC 7914 known answers): raw scrypt of pw with the given
 * salt into out[0..outlen).  Only sanity limits on the parameters (ln
 * 1..20, r 1..32, p 1..16), not the kdf_params ranges; the output is the
 * caller's to wipe.
 */
int	crypto_scrypt_raw(const void *pw, size_t len, const void *salt,
	    size_t saltlen, const struct kdf_params *, unsigned char *out,
	    size_t outlen);

/*
 * AES-256-GCM with a random 12-byte IV.  Sealed form: IV ‖ ciphertext ‖
 * 16-byte tag, so sealed length = len + CRYPTO_SEAL_OVERHEAD.  `aad` binds
 * the value to its place (e.g. "users.totp:42") and may be NULL.
 * crypto_open returns the plaintext length or -1 when the data was
 * altered, the key is wrong or out is too small.
 */
#define CRYPTO_SEAL_OVERHEAD (12 + 16)
int	crypto_seal(const unsigned char key[32], const void *aad, size_t alen,
	    const void *pt, size_t len, unsigned char *out);
long	crypto_open(const unsigned char key[32], const void *aad, size_t alen,
	    const unsigned char *sealed, size_t slen, void *out, size_t outsz);

/*
 * TOTP (RFC 6238, HMAC-SHA-1, 6 digits, 30 s steps).  totp_code gives the
 * code for `step` (= unix time / 30).  totp_check accepts `code` for the
 * steps now-1, now, now+1 that are greater than `last_step` (a code is
 * accepted once); returns the matching step, or -1.
 */
uint32_t	totp_code(const unsigned char *secret, size_t slen, uint64_t step);
long long	totp_check(const unsigned char *secret, size_t slen,
		    const char *code, uint64_t now_step, long long last_step);

#endif
