/*
 * totp.c -- a test tool: prints the TOTP code (RFC 6238, SHA-1, 6 digits,
 * 30 s) of a base32 secret for now + OFFSET steps.  HTTP tests use it to
 * act as the user's authenticator app.
 *
 *   tests/tools/totp SECRET [OFFSET]
 */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "crypto/crypto.h"

int
main(int argc, char *argv[])
{
	unsigned char	secret[64];
	long		n;
	long long	offset = 0;

	if (argc < 2 || argc > 3) {
		fprintf(stderr, "usage: totp SECRET [OFFSET]\n");
		return 2;
	}
	if (argc == 3)
		offset = strtoll(argv[2], NULL, 10);
	if ((n = crypto_b32_decode(argv[1], secret, sizeof secret)) <= 0) {
		fprintf(stderr, "totp: bad base32 secret\n");
		return 1;
	}
	printf("%06u\n", (unsigned)totp_code(secret, (size_t)n,
	    (uint64_t)((long long)time(NULL) / 30 + offset)));
	return 0;
}
