/*
 * calendar.c -- the holiday calendar that deadlines in working days are
 * counted on: the State Council's public holidays and adjusted
 * working weekends, one year a page, kept by the province's operators.
 *
 * The calendar is national, not a region's: every office reads it, only
 * operators of the province (440000) change it.  The route table lets
 * operators post; the region is checked here, a city operator's post is
 * a 403 with an access.denied audit row.
 */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "core/timefmt.h"
#include "db/db_region.h"
#include "routes.h"
#include "db/workdays.h"

#define YEAR_MIN	1900
#define YEAR_MAX	2999

enum { CAL_YEAR, CAL_DONE, CAL__MAX };

static const struct field calendar_fields[CAL__MAX] = {
	[CAL_YEAR] = { .name = "year", .kind = FK_INT, .min = YEAR_MIN, .max = YEAR_MAX },
	[CAL_DONE] = { .name = "done", .kind = FK_BOOL },
};
const struct form calendar_form = { calendar_fields, CAL__MAX };

static const char *const kinds[] = { "holiday", "workday", "none", NULL };

enum { SET_DAY, SET_KIND, SET_NAME, SET__MAX };

static const struct field calendar_set_fields[SET__MAX] = {
	[SET_DAY] = { .name = "day", .kind = FK_DATE, .flags = F_REQUIRED | F_TRIM },
	[SET_KIND] = { .name = "kind", .kind = FK_CHOICE, .flags = F_REQUIRED, .choices = kinds },
	/* required unless kind is none: checked by the handler */
	[SET_NAME] = { .name = "name", .kind = FK_TEXT, .flags = F_TRIM, .maxlen = CAL_NAME_MAX },
};
const struct form calendar_set_form = { calendar_set_fields, SET__MAX };

/* The year it is now in Beijing. */
static int
beijing_year(void)
{
	int		y, m, d;

	beijing_today(&y, &m, &d);
	return y;
}

/* May the signed-in user change the calendar (operator of the province)? */
static bool
may_set(const struct req *r)
{
	return r->sess->user.role == ROLE_OPERATOR &&
	    strcmp(r->sess->user.region, REGION_PROVINCE) == 0;
}

/* The page of year y: Cal.{year, prev, next, rows.<i>, empty}. */
static int
year_page(struct req *r, int y)
{
	struct cal_rows	l;
	enum err	rc;

	r->tmpl = TMPL_CALENDAR;
	req_set(r, "Page.nav", "calendar");
	if (may_set(r))
		req_set(r, "Can.set", "1");
	if ((rc = calendar_year_rows(r->app->db, r->a, y, &l)) != ERR_OK)
		return status_of(rc);
	req_setf(r, "Cal.year", "%d", y);
	if (y > YEAR_MIN)
		req_setf(r, "Cal.prev", "%d", y - 1);
	if (y < YEAR_MAX)
		req_setf(r, "Cal.next", "%d", y + 1);
	if (l.n == 0)
		req_set(r, "Cal.empty", "1");
	for (size_t i = 0; i < l.n; i++) {
		const struct cal_row	*c = &l.v[i];
		HDF			*row = req_row(r, "Cal.rows", i);
		char			 date[16], wd[4];

		snprintf(date, sizeof date, "%04d-%02d-%02d", c->y, c->m, c->d);
		snprintf(wd, sizeof wd, "%d", c->weekday);
		if (row == NULL || node_set(row, "date", date) == -1 ||
		    node_set(row, "weekday", wd) == -1 ||
		    node_set(row, "kind", calendar_kind_name(c->kind)) == -1 ||
		    node_set(row, "name", c->name) == -1)
			return 500;
	}
	return 200;
}

/*
 * GET /calendar (operator, supervisor): the year's public holidays and
 * adjusted working weekends (?year=YYYY, default the current Beijing
 * year), with the day of the week, links to the years before and after,
 * and a note when the year has no rows yet (deadlines then count Monday
 * to Friday).  The province's operators also get the form to change a
 * day.  ?done=1 confirms a change.  200; a bad year shows its message
 * and the current year.
 */
int
handle_calendar(struct req *r)
{
	int y = beijing_year();

	if (r->f[CAL_YEAR].present && r->f[CAL_YEAR].error == NULL)
		y = (int)r->f[CAL_YEAR].i;
	if (r->f[CAL_DONE].i)
		req_set(r, "Done", "1");
	return year_page(r, y);
}

/*
 * POST /calendar (operator of the province): day (YYYY-MM-DD), kind
 * (holiday: Monday to Friday only; workday: Saturday or Sunday only;
 * none: the day goes back to the rule), name (up to 40 characters,
 * required unless none).  303 to /calendar?year=YYYY&done=1; 200 with the
 * page of the day's year and the messages next to the fields; 403
 * (audited) for a city's operator.
 */
int
handle_calendar_set(struct req *r)
{
	const struct fval	*day = &r->f[SET_DAY];
	struct audit_actor	 a;
	const char		*why;
	int			 kind, y;
	enum err		 rc;

	if (!may_set(r))
		return req_forbidden(r, "calendar_day", 0,
		    "national calendar: province operators only");
	y = day->present && day->error == NULL ? day->y : beijing_year();
	if (r->nerrors > 0)
		return year_page(r, y);
	kind = calendar_kind_parse(r->f[SET_KIND].s);
	if (kind < 0)
		return 400;
	if ((why = calendar_kind_error(day->y, day->m, day->d,
	    (enum cal_kind)kind)) != NULL) {
		req_field_error(r, "kind", why);
		return year_page(r, y);
	}
	if (kind != CAL_NONE && !r->f[SET_NAME].present) {
		req_field_error(r, "name", "required");
		return year_page(r, y);
	}
	req_actor(r, &a);
	rc = calendar_set_day(r->app->db, &a, day->y, day->m, day->d,
	    (enum cal_kind)kind, r->f[SET_NAME].s);
	if (rc == ERR_NOTFOUND) {
		req_field_error(r, "day", "cal_no_row");
		return year_page(r, y);
	}
	if (rc != ERR_OK)
		return status_of(rc);
	r->location = arena_printf(r->a, "/calendar?year=%d&done=1", y);
	return r->location != NULL ? 303 : 500;
}
