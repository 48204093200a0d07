/*
 * utf8.h -- UTF-8 checks.  Strings enter the HDF only after utf8_valid().
 */
#ifndef DUIJIE_UTF8_H
#define DUIJIE_UTF8_H

#include <stdbool.h>
#include <stddef.h>

/* True when s[0..n) is well-formed UTF-8 (RFC 3629: no overlongs, no
 * surrogates, nothing above U+10FFFF) and holds no NUL byte. */
bool	utf8_valid(const char *s, size_t n);
/* Number of code points in s[0..n), which must be valid. */
size_t	utf8_len(const char *s, size_t n);

#endif
