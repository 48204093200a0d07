/*
 * enumname.h -- the enum <-> string tables (issue 13 item 3).
 *
 * Every enum that is stored or sent as text keeps one table of names,
 * indexed by the enum's value; these two functions read it, so the
 * modules hold only their tables.
 */
#ifndef DUIJIE_ENUMNAME_H
#define DUIJIE_ENUMNAME_H

#include <stddef.h>

/* The index of `s` in names[0..n) (NULL entries never match), or -1 when
 * s is NULL or not one of them. */
int		 enum_parse(const char *const *names, size_t n, const char *s);

/* names[i], or "" when i is outside 0..n-1 or the entry is NULL. */
const char	*enum_name(const char *const *names, size_t n, int i);

#endif
