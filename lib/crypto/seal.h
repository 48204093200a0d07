/*
 * seal.h -- sensitive text at rest: AES-256-GCM under Keys.data,
 * stored as hex (IV | ciphertext | tag), bound to its place by the AAD
 * (e.g. "enterprises.legal_id:42" would stop a value being copied to
 * another row; ids are not known before INSERT, so callers use the
 * column name as AAD where the row id is not yet known).
 */
#ifndef DUIJIE_SEAL_H
#define DUIJIE_SEAL_H

#include "core/arena.h"

/* Hex of the sealed text, in the arena; NULL on failure.  Text up to 1 KiB. */
char	*seal_text(struct arena *, const unsigned char key[32], const char *aad,
	    const char *text);
/* The text back, in the arena; NULL when altered, wrong key/AAD or malformed. */
char	*open_text(struct arena *, const unsigned char key[32], const char *aad,
	    const char *hex);

/*
 * Contact numbers (users.contact, agencies.net_contact,
 * agency_forms.net_contact, agency_form_lines.contact) are sealed
 * like enterprise mobiles, under the process's Keys.data, which the worker
 * and duijie-admin register once after loading the configuration (and
 * again after a reload): the stores that write and read these columns are
 * called from many places that do not carry the key.  `aad` is the column
 * ("users.contact").  Nothing is nothing: "" seals to "" and "" or NULL
 * opens to "".  contact_seal: hex in the arena, NULL when no key was
 * registered, the text is too long or out of memory.  contact_open: the
 * text in the arena; a value that does not open (altered, wrong key or
 * column, no key) is logged and opens to "", as a sealed enterprise field
 * does; NULL only out of memory.
 */
void	 seal_contacts_init(const unsigned char key[32]);
char	*contact_seal(struct arena *, const char *aad, const char *text);
char	*contact_open(struct arena *, const char *aad, const char *hex);
/*
 * The screen form of a contact: an 11-digit mobile as
 * mask_mobile; any other value of 8 or more characters keeps its first 3
 * and last 4 characters, the rest one '*' each; shorter values are all
 * '*'.  Counted in UTF-8 characters.  In the arena; "" for "" or NULL,
 * and out of memory (nothing is shown rather than the whole).
 */
const char *contact_mask(struct arena *, const char *plain);

#endif
