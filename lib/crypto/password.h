/*
 * password.h -- the password policy (R-11.1, ASVS 2.1, 等保 level 3).
 */
#ifndef DUIJIE_PASSWORD_H
#define DUIJIE_PASSWORD_H

#include <stdbool.h>
#include <stddef.h>

#define PASSWORD_MIN		12	/* characters (code points) */
#define PASSWORD_MAX_CHARS	128	/* characters */
#define PASSWORD_MAX		512	/* bytes: 128 characters of up to 4 bytes */
#define PASSWORD_CLASSES_BELOW	16	/* characters: the 等保 class rule applies below */

/* What a password must not contain; any member may be NULL or "". */
struct pw_context {
	const char	*username;
	const char	*mobile;	/* in clear: the policy opens nothing */
	const char	*uscc;		/* the enterprise's 统一社会信用代码 */
	const char	*org_name;	/* the enterprise's name */
};

/*
 * Checks a new password.  Returns NULL when acceptable, else the message
 * key of the first rule it breaks (strings.hdf Err.*), in this order:
 *   "pw_long"       more than PASSWORD_MAX_CHARS characters
 *   "pw_chars"      not valid UTF-8, or control characters
 *   "pw_short"      fewer than PASSWORD_MIN characters (NULL too)
 *   "pw_classes"    under PASSWORD_CLASSES_BELOW characters and fewer than
 *                   three of: upper, lower, digit, symbol (non-ASCII counts
 *                   as a symbol)
 *   "pw_username"   contains the username (case-insensitive), when >= 3 chars
 *   "pw_uscc"       contains the USCC (case-insensitive)
 *   "pw_mobile"     contains the mobile number (or its last 8 digits)
 *   "pw_org"        contains the enterprise's name, when >= 2 characters
 *   "pw_common"     cracklib refuses it (dictionary word, too simple, too
 *                   few different characters), or its core left after
 *                   stripping digits and symbols at both ends is a
 *                   dictionary word ("Password123!" -> "password")
 *   "pw_unchecked"  cracklib's dictionary cannot be read (logged)
 * Keeps nothing; ctx may be NULL.
 */
const char	*password_policy(const char *pw, const struct pw_context *ctx);

#endif
