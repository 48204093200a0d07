/*
 * loan_clock.c -- working-day limits of the loan applications
 * (loan_clock.h).
 */
#include <stdio.h>
#include <string.h>

#include "core/timefmt.h"
#include "finance/loan_clock.h"

int
loan_clock_day(const char *utc, struct bj_day *out)
{
	char	bj[32];
	int	y, m, d;

	memset(out, 0, sizeof *out);
	if (utc == NULL || *utc == '\0' ||
	    time_beijing(utc, bj, sizeof bj) != 0 ||
	    sscanf(bj, "%4d-%2d-%2d", &y, &m, &d) != 3 ||
	    !calendar_date_valid(y, m, d))
		return -1;
	out->y = y;
	out->m = m;
	out->d = d;
	return 0;
}

void
loan_clock_today(struct bj_day *out)
{
	beijing_today(&out->y, &out->m, &out->d);
}

int
loan_clock_due(const struct calendar *cal, const struct bj_day *from, int n,
    char out[LOAN_CLOCK_LEN])
{
	int y, m, d;

	add_workdays(cal, from->y, from->m, from->d, n, &y, &m, &d);
	/* the end of the day y-m-d: the next Beijing midnight */
	return beijing_midnight_utc(y, m, d, 1, out, LOAN_CLOCK_LEN);
}

void
loan_clock_from_date(const char *due_utc, char out[11])
{
	struct bj_day day;

	out[0] = '\0';
	if (loan_clock_day(due_utc, &day) == 0)
		snprintf(out, 11, "%04u-%02u-%02u", (unsigned)day.y % 10000u,
		    (unsigned)day.m % 100u, (unsigned)day.d % 100u);
}

int
loan_clock_take_days(bool addressed)
{
	return addressed ? LOAN_TAKE_ADDRESSED : LOAN_TAKE_OPEN;
}

int
loan_clock_elapsed(const struct calendar *cal, const char *since_utc,
    const struct bj_day *today)
{
	struct bj_day since;

	if (loan_clock_day(since_utc, &since) != 0)
		return 0;
	return workdays_between(cal, since.y, since.m, since.d, today->y,
	    today->m, today->d);
}

enum err
loan_clock_calendar(struct db *db, struct arena *a, int y, struct calendar *out)
{
	return calendar_load(db, a, y - 1, y + 1, out);
}
