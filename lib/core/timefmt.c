/*
 * timefmt.c -- UTC to Beijing time for screens.
 */
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "core/timefmt.h"

#define BEIJING_OFFSET (8 * 3600)

static int
convert(const char *utc, char *out, size_t len, bool secs)
{
	struct tm	 tm;
	time_t		 t;
	const char	*end;

	if (len > 0)
		out[0] = '\0';
	if (utc == NULL)
		return -1;
	memset(&tm, 0, sizeof tm);
	if ((end = strptime(utc, "%Y-%m-%d %H:%M:%S", &tm)) == NULL ||
	    (*end != '\0' && *end != '.'))
		return -1;
	t = timegm(&tm) + BEIJING_OFFSET;
	if (gmtime_r(&t, &tm) == NULL || strftime(out, len, secs ? "%Y-%m-%d %H:%M:%S" : "%Y-%m-%d %H:%M", &tm) == 0)
		return -1;
	return 0;
}

int
time_beijing(const char *utc, char *out, size_t len)
{
	return convert(utc, out, len, false);
}

int
time_beijing_secs(const char *utc, char *out, size_t len)
{
	return convert(utc, out, len, true);
}

/* The broken-down Beijing time of now. */
static void
beijing_now_tm(struct tm *tm)
{
	time_t		t = time(NULL) + BEIJING_OFFSET;

	gmtime_r(&t, tm);
}

void
beijing_today(int *y, int *m, int *d)
{
	struct tm	tm;

	beijing_now_tm(&tm);
	*y = tm.tm_year + 1900;
	*m = tm.tm_mon + 1;
	*d = tm.tm_mday;
}

/* Now in Beijing, the date or the date and time ("" if it does not fit). */
static void
beijing_now_fmt(bool with_time, char *out, size_t len)
{
	struct tm	tm;

	beijing_now_tm(&tm);
	if (strftime(out, len, with_time ? "%Y-%m-%d %H:%M" : "%Y-%m-%d",
	    &tm) == 0 && len > 0)
		out[0] = '\0';
}

void
beijing_date(char *out, size_t len)
{
	beijing_now_fmt(false, out, len);
}

void
beijing_now_text(char *out, size_t len)
{
	beijing_now_fmt(true, out, len);
}

long
beijing_day_number(void)
{
	return (long)((time(NULL) + BEIJING_OFFSET) / 86400);
}

int
beijing_midnight_utc(int y, int m, int d, int days, char *out, size_t len)
{
	struct tm	tm;
	time_t		t;

	memset(&tm, 0, sizeof tm);
	tm.tm_year = y - 1900;
	tm.tm_mon = m - 1;
	tm.tm_mday = d + days;
	t = timegm(&tm) - BEIJING_OFFSET;
	if (gmtime_r(&t, &tm) == NULL ||
	    strftime(out, len, "%Y-%m-%d %H:%M:%S", &tm) == 0) {
		if (len > 0)
			out[0] = '\0';
		return -1;
	}
	return 0;
}

int
beijing_to_utc(const char *bj, char *out, size_t len)
{
	struct tm	 tm, back;
	time_t		 t;
	const char	*end;
	char		 buf[17];

	if (len > 0)
		out[0] = '\0';
	if (bj == NULL || strlen(bj) != 16 || (bj[10] != ' ' && bj[10] != 'T'))
		return -1;
	memcpy(buf, bj, 17);
	buf[10] = ' ';
	for (int i = 0; i < 16; i++)
		if (i != 4 && i != 7 && i != 10 && i != 13 &&
		    (buf[i] < '0' || buf[i] > '9'))
			return -1;
	memset(&tm, 0, sizeof tm);
	if ((end = strptime(buf, "%Y-%m-%d %H:%M", &tm)) == NULL || *end != '\0')
		return -1;
	back = tm;
	t = timegm(&tm);
	/* timegm() normalises 02-30 to 03-02: such a date was not real */
	if (gmtime_r(&t, &tm) == NULL || tm.tm_mday != back.tm_mday ||
	    tm.tm_mon != back.tm_mon || tm.tm_hour != back.tm_hour ||
	    tm.tm_min != back.tm_min)
		return -1;
	t -= BEIJING_OFFSET;
	if (gmtime_r(&t, &tm) == NULL ||
	    strftime(out, len, "%Y-%m-%d %H:%M:%S", &tm) == 0) {
		if (len > 0)
			out[0] = '\0';
		return -1;
	}
	return 0;
}
