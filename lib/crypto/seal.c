/*
 * seal.c -- AES-256-GCM text sealing as hex.
 */
#include <stdbool.h>
#include <string.h>

#include "crypto/crypto.h"
#include "formats/ident.h"
#include "core/log.h"
#include "crypto/seal.h"

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

static unsigned char	contact_key[32];
static bool		contact_key_set;

void
seal_contacts_init(const unsigned char key[32])
{
	memcpy(contact_key, key, sizeof contact_key);
	contact_key_set = true;
}

char *
contact_seal(struct arena *a, const char *aad, const char *text)
{
	if (!contact_key_set)
		return NULL;
	if (text == NULL || *text == '\0')
		return arena_strdup(a, "");
	return seal_text(a, contact_key, aad, text);
}

char *
contact_open(struct arena *a, const char *aad, const char *hex)
{
	char	*out;

	if (hex == NULL || *hex == '\0')
		return arena_strdup(a, "");
	if (contact_key_set &&
	    (out = open_text(a, contact_key, aad, hex)) != NULL)
		return out;
	log_msg(LOG_WARN, "seal: a value of %s does not open (key or data)", aad);
	return arena_strdup(a, "");
}

const char *
contact_mask(struct arena *a, const char *plain)
{
	size_t	 nchar = 0, c = 0, i = 0, o = 0, len;
	char	*out;

	if (plain == NULL || *plain == '\0')
		return "";
	len = strlen(plain);
	if ((out = arena_alloc(a, len + 1)) == NULL)
		return "";
	if (len == 11 && strspn(plain, "0123456789") == 11) {
		mask_mobile(plain, out);
		return out;
	}
	for (i = 0; i < len; i++)
		if (((unsigned char)plain[i] & 0xC0) != 0x80)
			nchar++;
	for (i = 0; i < len; c++) {
		size_t n = 1;

		while (i + n < len && ((unsigned char)plain[i + n] & 0xC0) == 0x80)
			n++;
		if (nchar >= 8 && (c < 3 || c + 4 >= nchar)) {
			memcpy(out + o, plain + i, n);
			o += n;
		} else
			out[o++] = '*';
		i += n;
	}
	out[o] = '\0';
	return out;
}
