/*
 * password.c -- the password policy (R-11.1, ASVS 2.1, 等保 level 3).
 *
 * Rules are checked in the order password.h lists them and the first
 * broken one is reported, so the form shows one message at a time.
 * Characters are code points (utf8_len), so 对接 counts as two: a
 * passphrase of Chinese words with spaces is as welcome as a Latin one.
 * The dictionary is Debian's cracklib (libcrack2, its dictionary from
 * cracklib-runtime), not a list of our own.
 */
#include <stddef.h>	/* crack.h uses size_t without it */
#include <crack.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "core/log.h"
#include "crypto/password.h"
#include "core/utf8.h"

#define MOBILE_TAIL	8	/* last digits of a mobile, often used alone */
#define CORE_MIN	6	/* bytes cracklib looks up at all */

static bool
is_upper(unsigned char c)
{
	return c >= 'A' && c <= 'Z';
}

static bool
is_lower(unsigned char c)
{
	return c >= 'a' && c <= 'z';
}

static bool
is_digit(unsigned char c)
{
	return c >= '0' && c <= '9';
}

static unsigned char
to_lower(unsigned char c)
{
	return is_upper(c) ? (unsigned char)(c - 'A' + 'a') : c;
}

/* Case-insensitive (ASCII) search for needle[0..nlen) in hay[0..hlen). */
static bool
contains_nocase(const char *hay, size_t hlen, const char *needle,
    size_t nlen)
{
	size_t	 i, j;

	if (nlen == 0 || nlen > hlen)
		return false;
	for (i = 0; i + nlen <= hlen; i++) {
		for (j = 0; j < nlen; j++)
			if (to_lower((unsigned char)hay[i + j]) !=
			    to_lower((unsigned char)needle[j]))
				break;
		if (j == nlen)
			return true;
	}
	return false;
}

/* Whether pw contains s (case-insensitive) when s has >= min characters. */
static bool
contains_text(const char *pw, size_t n, const char *s, size_t min)
{
	size_t slen;

	if (s == NULL || (slen = strlen(s)) == 0)
		return false;
	if ((utf8_valid(s, slen) ? utf8_len(s, slen) : slen) < min)
		return false;
	return contains_nocase(pw, n, s, slen);
}

/*
 * Whether pw contains the last MOBILE_TAIL digits of the mobile number
 * (non-digits in it, as in "+86 138-1234-5678", are skipped).  That also
 * covers the whole 11-digit number, which ends with them.  Numbers with
 * fewer than MOBILE_TAIL digits are ignored.
 */
static bool
contains_mobile(const char *pw, size_t n, const char *mobile)
{
	char	 tail[MOBILE_TAIL];
	size_t	 nd = 0;

	for (; *mobile != '\0'; mobile++) {
		if (!is_digit((unsigned char)*mobile))
			continue;
		if (nd == MOBILE_TAIL) {
			memmove(tail, tail + 1, MOBILE_TAIL - 1);
			nd--;
		}
		tail[nd++] = *mobile;
	}
	if (nd < MOBILE_TAIL)
		return false;
	return contains_nocase(pw, n, tail, MOBILE_TAIL);
}

/*
 * C0 controls, DEL and C1 controls (U+0080..U+009F, UTF-8 C2 80..9F).
 * They cannot be typed reliably and break logs and forms.
 */
static bool
has_control(const char *pw, size_t n)
{
	const unsigned char	*p = (const unsigned char *)pw;
	size_t			 i;

	for (i = 0; i < n; i++) {
		if (p[i] < 0x20 || p[i] == 0x7F)
			return true;
		if (p[i] == 0xC2 && i + 1 < n && p[i + 1] >= 0x80 &&
		    p[i + 1] <= 0x9F)
			return true;
	}
	return false;
}

static bool
is_padding(unsigned char c)
{
	return c < 0x80 && !is_lower(c) && !is_upper(c);
}

/*
 * cracklib's verdict: 0 acceptable, 1 refused, -1 the dictionary cannot
 * be read.  cracklib exits the process on a missing dictionary (Debian
 * #682735), so its files are looked for first.  The whole password goes
 * through FascistCheckUser (dictionary with its mangling rules,
 * simplicity, too few different characters); the core left after
 * stripping ASCII digits and symbols from both ends is looked up as a
 * dictionary word too, since cracklib's rules do not strip what people
 * append ("Password123!").
 */
static int
cracklib_refuses(const char *pw, size_t n, const char *username)
{
	const char	*dict = GetDefaultCracklibDict();
	const char	*why;
	char		 path[512], core[PASSWORD_MAX + 1];
	size_t		 start, end, i;

	snprintf(path, sizeof path, "%s.pwd", dict);
	if (access(path, R_OK) != 0) {
		log_error("password: cracklib dictionary %s unreadable", path);
		return -1;
	}
	if (FascistCheckUser(pw, dict, username != NULL ? username : "",
	    NULL) != NULL)
		return 1;
	for (start = 0; start < n && is_padding((unsigned char)pw[start]); start++)
		;
	for (end = n; end > start && is_padding((unsigned char)pw[end - 1]); end--)
		;
	if (end - start < CORE_MIN || (start == 0 && end == n))
		return 0;
	for (i = start; i < end; i++)
		core[i - start] = (char)to_lower((unsigned char)pw[i]);
	core[end - start] = '\0';
	why = FascistCheckUser(core, dict, "", NULL);
	explicit_bzero(core, sizeof core);
	return why != NULL && strstr(why, "dictionary") != NULL;
}

const char *
password_policy(const char *pw, const struct pw_context *ctx)
{
	static const struct pw_context none;
	const unsigned char	*p;
	size_t			 n, i, chars;
	int			 upper = 0, lower = 0, digit = 0, symbol = 0, cr;

	if (ctx == NULL)
		ctx = &none;
	if (pw == NULL)
		return "pw_short";
	if ((n = strnlen(pw, PASSWORD_MAX + 1)) > PASSWORD_MAX)
		return "pw_long";
	if (!utf8_valid(pw, n))
		return "pw_chars";
	if ((chars = utf8_len(pw, n)) > PASSWORD_MAX_CHARS)
		return "pw_long";
	if (has_control(pw, n))
		return "pw_chars";
	if (chars < PASSWORD_MIN)
		return "pw_short";

	if (chars < PASSWORD_CLASSES_BELOW) {
		/* Continuation bytes are >= 0x80 too; a class is enough. */
		p = (const unsigned char *)pw;
		for (i = 0; i < n; i++) {
			if (is_upper(p[i]))
				upper = 1;
			else if (is_lower(p[i]))
				lower = 1;
			else if (is_digit(p[i]))
				digit = 1;
			else
				symbol = 1;
		}
		if (upper + lower + digit + symbol < 3)
			return "pw_classes";
	}
	if (contains_text(pw, n, ctx->username, 3))
		return "pw_username";
	if (contains_text(pw, n, ctx->uscc, 1))
		return "pw_uscc";
	if (ctx->mobile != NULL && contains_mobile(pw, n, ctx->mobile))
		return "pw_mobile";
	if (contains_text(pw, n, ctx->org_name, 2))
		return "pw_org";
	if ((cr = cracklib_refuses(pw, n, ctx->username)) == -1)
		return "pw_unchecked";
	if (cr == 1)
		return "pw_common";
	return NULL;
}
