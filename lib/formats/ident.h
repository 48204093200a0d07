/*
 * ident.h -- identity formats for enterprise registration and
 * their masking on screens.  Pure functions: no allocation, no
 * I/O, no clock (callers pass today's date), no locale.
 *
 * The algorithms are those of spec/FORMATS.md.  Every *_valid/_normalize
 * function trims ASCII whitespace (space, \t, \n, \r, \f, \v) at both
 * ends of its input, like F_TRIM in form.h, and writes `out` only when it
 * returns true: on false, `out` is left untouched.  Every *_error function
 * returns NULL for a good value, else a static message key for
 * strings.hdf ("Err.<key>"), never to be freed.  A NULL input is invalid.
 */
#ifndef DUIJIE_IDENT_H
#define DUIJIE_IDENT_H

#include <stdbool.h>

/*
 * Unified social credit code, GB 32100-2015.  True when `in`, trimmed and
 * upper-cased (ASCII only), is 18 characters of
 * 0123456789ABCDEFGHJKLMNPQRTUWXY (no I O Z S V), position 17 is the
 * GB 11714 check of positions 9-16 (letters there count A=10 ... Z=35)
 * and position 18 is the GB 32100 check of positions 1-17.  Then `out`
 * holds the normalised code, NUL-terminated.  On false `out` is untouched.
 * Codes of pilot areas that are legal yet fail a check are not accepted
 * here: they need the operator-approved exception path.
 */
bool		 uscc_normalize(const char *in, char out[19]);

/*
 * Why uscc_normalize(in) would fail: NULL when it would succeed, else
 * the first of "uscc_length" (not 18 characters once trimmed),
 * "uscc_chars" (a character outside the set), "uscc_org_check"
 * (position 17 is not the check of positions 9-16) or "uscc_check"
 * (position 18 is not the check of positions 1-17).  The organisation
 * check is tested first so that a wrong position 17 is reported as such
 * rather than as a wrong position 18, which it also breaks.
 */
const char	*uscc_error(const char *in);

/*
 * The Guangdong region of a USCC, from positions 3-8 (the registering
 * authority's GB/T 2260 code).  True, with `region` set to a 6-digit
 * NUL-terminated code, when `uscc` is valid by uscc_normalize() and its
 * positions 3-8 are either 440000 (provincial registration: region
 * "440000") or 44CCxx where 44CC00 is one of Guangdong's 21 prefecture-
 * level cities (region "44CC00", e.g. 440104 -> "440100").  False, with
 * `region` untouched, for an invalid code, a code registered outside
 * Guangdong, or any other 44xxxx (e.g. 449900, 441100, 440001).
 */
bool		 uscc_region(const char *uscc, char region[7]);

/*
 * Resident identity number, GB 11643-1999.  True when `in`, trimmed, is
 * 17 digits and a check character (a digit, X or x) that satisfies
 * ISO 7064 MOD 11-2, and positions 7-14 are a real Gregorian date
 * YYYYMMDD from 1800-01-01 to today_y-today_m-today_d inclusive (not
 * 1900: FORMATS.md's valid example 440524188001010014 was born 1880).  Then
 * `out` holds the number with the check character upper-cased,
 * NUL-terminated.  On false `out` is untouched.
 */
bool		 idno_valid(const char *in, char out[19], int today_y,
		    int today_m, int today_d);

/*
 * Why idno_valid() would fail with the same arguments: NULL, or the first
 * of "idno_length", "idno_chars", "idno_birth", "idno_check".
 */
const char	*idno_error(const char *in, int today_y, int today_m,
		    int today_d);

/*
 * Mainland mobile number.  True when `in`, trimmed, is 11 digits matching
 * ^1[3-9][0-9]{9}$, optionally preceded by "+86" or "86", and optionally
 * grouped by single spaces or hyphens between digits ("138 0013 8000",
 * "+86-138-0013-8000").  Then `out` holds the bare 11 digits,
 * NUL-terminated.  On false `out` is untouched.  No list of segments is
 * kept (FORMATS.md): the SMS code proves the number.
 */
bool		 mobile_valid(const char *in, char out[12]);

/*
 * Registration number (机构登记注册号): true when `in` is a valid USCC
 * (then `out` is as uscc_normalize() writes it) or, trimmed, a 15-digit
 * GS15-2006 registration number whose last digit is its ISO 7064
 * MOD 11,10 check (then `out` is those 15 digits, NUL-terminated).
 * On false `out` is untouched.
 */
bool		 regno_valid(const char *in, char out[19]);

/* NULL when regno_valid(in) would succeed, else "regno". */
const char	*regno_error(const char *in);

/*
 * Screen masks.  `out` is always written and NUL-terminated.
 * mask_idno: an 18-character id (17 digits and a digit, X or x) becomes
 * its first 4 characters, 10 '*' and its last 4 ("4401**********123X").
 * mask_mobile: an 11-digit number becomes its first 3 digits, "****" and
 * its last 4 ("138****5678").  Anything else, NULL included, becomes all
 * '*' of the masked length (18 or 11), so that nothing of a malformed
 * value, not even its length, reaches the screen.  Neither re-checks the
 * check digit: they mask stored values, which were validated on entry.
 */
void		 mask_idno(const char *id, char out[19]);
void		 mask_mobile(const char *m, char out[12]);

#endif
