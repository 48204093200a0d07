/*
 * loan_clock.h -- the time limits of the loan applications, in working
 * days of the holiday calendar (issue 14 "Time limits", R-08.2a, R-08.2b;
 * db/workdays.h).
 *
 * A clock starts on the Beijing date of an event (the publication, a
 * release by the FI, a republication: open_at; a take-up: taken_at) and
 * its limit passes at the end of the n-th working day after that date,
 * not counting the date itself: the UTC instant of the following Beijing
 * midnight.  The rules:
 *   - take-up: LOAN_TAKE_ADDRESSED working days for an application
 *     addressed to one FI, LOAN_TAKE_OPEN for an open one; published and
 *     not taken up past it, the application is overdue (take_due_at);
 *   - reclaim: LOAN_RECLAIM working days after the take-up without a
 *     decision, the enterprise may take it back and republish it
 *     (reclaim_at; the action LA_REPUBLISH);
 *   - expiry: LOAN_EXPIRE working days after open_at, not taken up, it
 *     expires (expire_at; `duijie-admin loans-expire`, LA_EXPIRE).
 * Beijing dates come from core/timefmt; nothing here reads the clock but
 * loan_clock_today().
 */
#ifndef DUIJIE_LOAN_CLOCK_H
#define DUIJIE_LOAN_CLOCK_H

#include <stdbool.h>

#include "core/arena.h"
#include "db/db.h"
#include "db/workdays.h"

#define LOAN_TAKE_ADDRESSED	1	/* working days to take up, addressed */
#define LOAN_TAKE_OPEN		3	/* ... open to the region's FIs */
#define LOAN_RECLAIM		10	/* taken up, no decision: republish */
#define LOAN_EXPIRE		20	/* published, not taken up: expired */

#define LOAN_CLOCK_LEN		20	/* "YYYY-MM-DD HH:MM:SS" and NUL */

/* A Beijing date. */
struct bj_day {
	int	y, m, d;
};

/* The Beijing date of the UTC instant `utc` ("YYYY-MM-DD HH:MM:SS")
 * into *out.  0, or -1 when utc is NULL, empty or malformed.  Pure. */
int	loan_clock_day(const char *utc, struct bj_day *out);

/* Today's Beijing date. */
void	loan_clock_today(struct bj_day *out);

/*
 * The limit n working days after `from` (cal's days): the UTC instant
 * ending the n-th working day after it, into out.  0, or -1 when it
 * cannot be formatted (out = "").  Pure.
 */
int	loan_clock_due(const struct calendar *cal, const struct bj_day *from,
	    int n, char out[LOAN_CLOCK_LEN]);

/* The Beijing date of the first moment past a limit `due_utc` (what a
 * page says: "from YYYY-MM-DD"), "YYYY-MM-DD" into out (11 bytes); ""
 * when due_utc is empty or malformed.  Pure. */
void	loan_clock_from_date(const char *due_utc, char out[11]);

/* The take-up limit in working days: addressed (to one FI) or open. */
int	loan_clock_take_days(bool addressed);

/*
 * The working days elapsed since the Beijing date of `since_utc` up to
 * `today` (not counting the first date); 0 when since_utc is empty or
 * malformed, or not before today.  Pure.
 */
int	loan_clock_elapsed(const struct calendar *cal, const char *since_utc,
	    const struct bj_day *today);

/*
 * The calendar of years y-1 .. y+1 into *out (days in `a`): what a limit
 * counted from a date of year y, or an age counted to it, needs.  Errors
 * of calendar_load.
 */
enum err	loan_clock_calendar(struct db *, struct arena *a, int y,
		    struct calendar *out);

#endif
