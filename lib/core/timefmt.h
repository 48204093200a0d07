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

/* Today's date in Beijing as "YYYY-MM-DD" (out: at least 11 bytes). */
void	beijing_date(char *out, size_t len);

/* Now in Beijing as "YYYY-MM-DD HH:MM" ("" if it cannot be formatted). */
void	beijing_now_text(char *out, size_t len);

/* The number of the day it is in Beijing, counted from 1970-01-01 (to
 * subtract from a date's timegm() / 86400). */
long	beijing_day_number(void);

/* The UTC instant of 00:00 Beijing time on y-m-d plus `days` days, as
 * "YYYY-MM-DD HH:MM:SS" in `out`; -1 (out = "") if it cannot be formatted. */
int	beijing_midnight_utc(int y, int m, int d, int days, char *out, size_t len);

/*
 * A Beijing time typed by a person, "YYYY-MM-DD HH:MM" (or the
 * "YYYY-MM-DDTHH:MM" of an <input type="datetime-local">), as the UTC
 * "YYYY-MM-DD HH:MM:SS" the database keeps (out: at least 20 bytes).
 * Returns 0, or -1 (out = "") for anything else or a date that does not
 * exist (2026-02-30).  Pure.
 */
int	beijing_to_utc(const char *bj, char *out, size_t len);

#endif
