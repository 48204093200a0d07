/*
 * seal.h -- sensitive text at rest: AES-256-GCM under Keys.data,
 * stored as hex (IV | ciphertext | tag), bound to its place by the AAD
 * (e.g. "enterprises.legal_id:42" would stop a value being copied to
 * another row; ids are not known before INSERT, so callers use the
 * column name as AAD where the row id is not yet known).
 */
#ifndef DUIJIE_SEAL_H
#define DUIJIE_SEAL_H

#include "arena.h"

/* Hex of the sealed text, in the arena; NULL on failure.  Text up to 1 KiB. */
char	*seal_text(struct arena *, const unsigned char key[32], const char *aad,
	    const char *text);
/* The text back, in the arena; NULL when altered, wrong key/AAD or malformed. */
char	*open_text(struct arena *, const unsigned char key[32], const char *aad,
	    const char *hex);

#endif
