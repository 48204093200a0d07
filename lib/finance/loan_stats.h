/*
 * loan_stats.h -- the financing statistics of a period, per city and per
 * FI (issue 14 "Operators", R-12.1, R-02.2).
 *
 * The applications counted are those published in the period [from, to)
 * (UTC instants; the caller turns Beijing dates into them), never drafts.
 * Per group (the application's city, or the FI that handles it or to
 * which it is addressed, 0 = none yet):
 *   apps           applications;
 *   requested_wan  the sum of their amounts (万元);
 *   decided        those with a decision (approved or declined);
 *   approved       those approved (also when disbursed or not taken later),
 *                  approved_wan the sum of the approved amounts;
 *   disbursed      those disbursed, disbursed_wan the sum disbursed;
 *   approval rate  approved / decided (none when nothing was decided);
 *   median hours from publication to take-up (over the applications taken
 *                  up and still held: a release clears the take-up) and
 *                  to the decision (over the decided ones).
 * The median of an even count is the mean of the two middle values.
 *
 * Scope: the system all; the offices' operators and supervisors the
 * applications of their region (every city for the province); an FI's
 * users those their FI handles or is addressed (per city: its own
 * applications in each city); anyone else nothing.
 */
#ifndef DUIJIE_LOAN_STATS_H
#define DUIJIE_LOAN_STATS_H

#include <stdbool.h>
#include <stddef.h>

#include "core/arena.h"
#include "db/db.h"
#include "accounts/scope.h"

enum loan_stats_by { LSB_CITY, LSB_FI };

struct loan_stats_row {
	const char	*key;		/* region code, or the FI's id ("0": none) */
	const char	*name;		/* the city's or FI's name ("" for FI 0) */
	long long	 apps, requested_wan;
	long long	 decided, approved, approved_wan;
	long long	 disbursed, disbursed_wan;
	long long	 taken;		/* with a take-up time */
	double		 take_median_h;		/* valid when taken > 0 */
	double		 decide_median_h;	/* valid when decided > 0 */
};

struct loan_stats {
	struct loan_stats_row	*v;	/* by key */
	size_t			 n;
	struct loan_stats_row	 total;	/* every group (medians over all) */
};

/*
 * The statistics of the applications within `sc` published in
 * [from_utc, to_utc) ("YYYY-MM-DD HH:MM:SS"), grouped `by`, into *out (in
 * `a`).  ERR_DB_LOST, ERR_DB, ERR_NOMEM (*out empty).
 */
enum err	loan_stats_get(struct db *, struct arena *, const struct scope *sc,
		    const char *from_utc, const char *to_utc,
		    enum loan_stats_by by, struct loan_stats *out);

/* The median of v[0..n) (sorted in place); 0 for n == 0.  Pure. */
double		loan_stats_median(long long *v, size_t n);

/* The approval rate in tenths of a percent (approved * 1000 / decided,
 * rounded half up); -1 when decided is 0.  Pure. */
int		loan_stats_rate_pm(long long approved, long long decided);

/*
 * A chart's scale: the smallest "nice" top (1, 2 or 5 times a power of
 * ten) >= max (1 for max <= 0), and its tick step: top / 5 for a top
 * of 1 or 5 times a power of ten, top / 4 for 2 times, at least 1.  Pure.
 */
void		loan_stats_scale(long long max, long long *top, long long *step);

/* The length in pixels of a bar of value v on a scale of `top` drawn
 * `width` pixels wide: v * width / top rounded, at least 1 for v > 0,
 * clamped to [0, width].  Pure. */
int		loan_stats_bar(long long v, long long top, int width);

#endif
