/*
 * timefmt.h -- the database keeps UTC; people read Beijing time (X-UI).
 */
#ifndef DUIJIE_TIMEFMT_H
#define DUIJIE_TIMEFMT_H

#include <stddef.h>

/*
 * "YYYY-MM-DD HH:MM:SS[.ffffff]" in UTC to "YYYY-MM-DD HH:MM" in Beijing
 * time (UTC+8, no daylight saving).  Returns 0, or -1 (and out = "") when
 * utc is NULL or malformed.
 */
int	time_beijing(const char *utc, char *out, size_t len);

/* The same with seconds: "YYYY-MM-DD HH:MM:SS". */
int	time_beijing_secs(const char *utc, char *out, size_t len);

/* Today's date in Beijing (the date people and deadlines go by). */
void	beijing_today(int *y, int *m, int *d);

#endif
