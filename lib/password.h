/*
 * password.h -- the password policy (R-11.1, 等保 level 3).
 */
#ifndef DUIJIE_PASSWORD_H
#define DUIJIE_PASSWORD_H

#include <stdbool.h>
#include <stddef.h>

#define PASSWORD_MIN	10	/* characters */
#define PASSWORD_MAX	128	/* bytes */

/*
 * Checks a new password.  Returns NULL when acceptable, else the message
 * key of the first rule it breaks (strings.hdf Err.*):
 *   "pw_short"      fewer than PASSWORD_MIN characters (or > PASSWORD_MAX bytes: "pw_long")
 *   "pw_classes"    fewer than three of: upper, lower, digit, symbol
 *   "pw_username"   contains the username (case-insensitive), when >= 3 chars
 *   "pw_mobile"     contains the mobile number (or its last 8 digits)
 *   "pw_common"     a common password, compared case-insensitively after
 *                   stripping digits/symbols at both ends (e.g. "Password123!")
 *   "pw_chars"      control characters
 * username and mobile may be NULL.
 */
const char	*password_policy(const char *pw, const char *username,
		    const char *mobile);

/* True when pw is in the shipped list of common passwords (exact,
 * case-insensitive). */
bool		 password_is_common(const char *pw);

#endif
