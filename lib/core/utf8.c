/*
 * utf8.c -- strict UTF-8 checks (RFC 3629, Unicode table 3-7).
 */
#include "core/utf8.h"

/*
 * True when s[0..n) is well-formed UTF-8 and contains no NUL byte.
 * Rejects overlong forms (C0, C1, E0 80..9F, F0 80..8F), UTF-16
 * surrogates (ED A0..BF), code points above U+10FFFF (F4 90.., F5..FF),
 * stray continuation bytes and sequences cut short by the end of s.
 * n == 0 is valid.
 */
bool
utf8_valid(const char *s, size_t n)
{
	const unsigned char	*p = (const unsigned char *)s;
	size_t			 i = 0, k, need;
	unsigned char		 lo, hi;

	while (i < n) {
		unsigned char c = p[i];

		if (c < 0x80) {
			if (c == 0)
				return false;
			i++;
			continue;
		}
		lo = 0x80;
		hi = 0xBF;
		if (c >= 0xC2 && c <= 0xDF)
			need = 1;
		else if (c >= 0xE0 && c <= 0xEF) {
			need = 2;
			if (c == 0xE0)
				lo = 0xA0;
			else if (c == 0xED)
				hi = 0x9F;
		} else if (c >= 0xF0 && c <= 0xF4) {
			need = 3;
			if (c == 0xF0)
				lo = 0x90;
			else if (c == 0xF4)
				hi = 0x8F;
		} else
			return false;
		if (n - i - 1 < need)
			return false;
		/* Only the first continuation byte has a narrowed range. */
		if (p[i + 1] < lo || p[i + 1] > hi)
			return false;
		for (k = 2; k <= need; k++)
			if ((p[i + k] & 0xC0) != 0x80)
				return false;
		i += need + 1;
	}
	return true;
}

/*
 * Number of code points in s[0..n), which must be valid UTF-8 (otherwise
 * the count is of non-continuation bytes, which is still bounded by n).
 */
size_t
utf8_len(const char *s, size_t n)
{
	const unsigned char	*p = (const unsigned char *)s;
	size_t			 i, len = 0;

	for (i = 0; i < n; i++)
		if ((p[i] & 0xC0) != 0x80)
			len++;
	return len;
}
