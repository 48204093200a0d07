/*
 * seal.c -- AES-256-GCM text sealing as hex.
 */
#include <string.h>

#include "crypto.h"
#include "seal.h"

#define SEAL_TEXT_MAX 1024

char *
seal_text(struct arena *a, const unsigned char key[32], const char *aad,
    const char *text)
{
	unsigned char	 buf[SEAL_TEXT_MAX + CRYPTO_SEAL_OVERHEAD];
	size_t		 n = strlen(text);
	char		*hex;

	if (n > SEAL_TEXT_MAX ||
	    crypto_seal(key, aad, strlen(aad), text, n, buf) == -1 ||
	    (hex = arena_alloc(a, 2 * (n + CRYPTO_SEAL_OVERHEAD) + 1)) == NULL)
		return NULL;
	crypto_hex(buf, n + CRYPTO_SEAL_OVERHEAD, hex);
	return hex;
}

static int
unhex(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

char *
open_text(struct arena *a, const unsigned char key[32], const char *aad,
    const char *hex)
{
	unsigned char	 buf[SEAL_TEXT_MAX + CRYPTO_SEAL_OVERHEAD];
	size_t		 hl = hex != NULL ? strlen(hex) : 0, n = hl / 2;
	char		*out;
	long		 got;

	if (hl == 0 || hl % 2 != 0 || n > sizeof buf || n < CRYPTO_SEAL_OVERHEAD)
		return NULL;
	for (size_t i = 0; i < n; i++) {
		int hi = unhex(hex[2 * i]), lo = unhex(hex[2 * i + 1]);

		if (hi < 0 || lo < 0)
			return NULL;
		buf[i] = (unsigned char)(hi << 4 | lo);
	}
	if ((out = arena_alloc(a, n + 1)) == NULL)
		return NULL;
	if ((got = crypto_open(key, aad, strlen(aad), buf, n, out, n)) < 0)
		return NULL;
	out[got] = '\0';
	return out;
}
