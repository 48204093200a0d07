/*
 * enumname.c -- the enum <-> string tables (enumname.h).
 */
#include <string.h>

#include "core/enumname.h"

int
enum_parse(const char *const *names, size_t n, const char *s)
{
	if (s == NULL)
		return -1;
	for (size_t i = 0; i < n; i++)
		if (names[i] != NULL && strcmp(s, names[i]) == 0)
			return (int)i;
	return -1;
}

const char *
enum_name(const char *const *names, size_t n, int i)
{
	if (i < 0 || (size_t)i >= n || names[i] == NULL)
		return "";
	return names[i];
}
