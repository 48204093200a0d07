/*
 * loan_stats.c -- the financing statistics (issue 14 "Operators",
 * R-12.1, R-02.2): /loan-stats and /loan-stats.csv on the intranet.
 *
 * For a period of Beijing dates (from, to: both included; by default the
 * last 30 days), per city and per FI: applications, amounts requested /
 * approved / disbursed (万元), approval rate, median hours to take-up and
 * to decision (lib/finance/loan_stats.h says what each counts).  As
 * tables, as bar charts drawn here as inline SVG (no JavaScript; each
 * with its <title>, <desc> and an aria-label, every bar with its value
 * written beside it), and as CSV (UTF-8 with BOM through the csv writer,
 * which neutralises formula characters; the export is audited).
 *
 * Scope: the operators and supervisors see their region's applications
 * (the province every city), an FI's users their own FI's (loan_stats_get
 * puts the scope into the statement).
 */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "core/timefmt.h"
#include "finance/loan_stats.h"
#include "formats/csv.h"
#include "routes.h"

enum { ST_FROM, ST_TO, ST__MAX };

static const struct field stats_fields[ST__MAX] = {
	[ST_FROM] = { .name = "from", .kind = FK_DATE, .flags = F_TRIM },
	[ST_TO] = { .name = "to", .kind = FK_DATE, .flags = F_TRIM },
};
const struct form loan_stats_form = { stats_fields, ST__MAX };

#define STATS_DEFAULT_DAYS	30
#define STATS_MAX_DAYS		3660	/* ten years */

/* Chart geometry (SVG user units) */
#define CH_WIDTH	640
#define CH_LABEL_W	170	/* the labels' column */
#define CH_BAR_X	(CH_LABEL_W + 10)
#define CH_BAR_W	370	/* the scale's full length */
#define CH_TOP		28	/* room for the tick labels */
#define CH_BAR_H	14
#define CH_GAP		4
#define CH_GROUP_GAP	12

static const char *const series_colour[3] = { "#1f4e79", "#8a4500", "#1b5e20" };

struct period {
	int		 fy, fm, fd, ty, tm, td;
	char		 from[11], to[11];	/* Beijing dates */
	const char	*from_utc, *to_utc;	/* [from 00:00, to + 1 00:00) */
};

static long
day_number(int y, int m, int d)
{
	struct tm tm = { .tm_year = y - 1900, .tm_mon = m - 1, .tm_mday = d };

	return (long)(timegm(&tm) / 86400);
}

/* The period of the request, its messages set next to the fields.
 * 0, 1 when a field is wrong, -1 on OOM. */
static int
read_period(struct req *r, struct period *p)
{
	const struct fval	*from = &r->f[ST_FROM], *to = &r->f[ST_TO];
	char			 buf[32];
	long			 span;

	memset(p, 0, sizeof *p);
	if (r->nerrors > 0)
		return 1;
	if (to->present) {
		p->ty = to->y; p->tm = to->m; p->td = to->d;
	} else
		beijing_today(&p->ty, &p->tm, &p->td);
	if (from->present) {
		p->fy = from->y; p->fm = from->m; p->fd = from->d;
	} else {
		struct tm tm = { .tm_year = p->ty - 1900, .tm_mon = p->tm - 1,
		    .tm_mday = p->td - (STATS_DEFAULT_DAYS - 1) };
		time_t t = timegm(&tm);

		gmtime_r(&t, &tm);
		p->fy = tm.tm_year + 1900; p->fm = tm.tm_mon + 1; p->fd = tm.tm_mday;
	}
	snprintf(p->from, sizeof p->from, "%04d-%02d-%02d", p->fy, p->fm, p->fd);
	snprintf(p->to, sizeof p->to, "%04d-%02d-%02d", p->ty, p->tm, p->td);
	if (req_set(r, "Form.from.value", p->from) == -1 ||
	    req_set(r, "Form.to.value", p->to) == -1)
		return -1;
	span = day_number(p->ty, p->tm, p->td) - day_number(p->fy, p->fm, p->fd);
	if (span < 0) {
		req_field_error(r, "to", "date_order");
		return 1;
	}
	if (span >= STATS_MAX_DAYS) {
		req_field_error(r, "from", "stats_span");
		return 1;
	}
	if (beijing_midnight_utc(p->fy, p->fm, p->fd, 0, buf, sizeof buf) != 0 ||
	    (p->from_utc = arena_strdup(r->a, buf)) == NULL ||
	    beijing_midnight_utc(p->ty, p->tm, p->td, 1, buf, sizeof buf) != 0 ||
	    (p->to_utc = arena_strdup(r->a, buf)) == NULL)
		return -1;
	return 0;
}

static const char *
hours(struct arena *a, long long n, double h)
{
	return n > 0 ? arena_printf(a, "%.1f", h) : "";
}

static const char *
rate(struct arena *a, const struct loan_stats_row *g)
{
	int pm = loan_stats_rate_pm(g->approved, g->decided);

	return pm < 0 ? "" : arena_printf(a, "%d.%d", pm / 10, pm % 10);
}

/* The name shown for row g (FI "0": the applications not yet taken up). */
static const char *
row_name(struct req *r, const struct loan_stats_row *g)
{
	if (g->name[0] == '\0')
		return views_str(r->app->views, "LoanStats.no_fi");
	return g->name;
}

static int
row_to_node(struct req *r, HDF *n, const struct loan_stats_row *g, const char *name)
{
	struct arena *a = r->a;

	if (n == NULL ||
	    node_set(n, "key", g->key) == -1 ||
	    node_set(n, "name", name) == -1 ||
	    node_set(n, "apps", arena_printf(a, "%lld", g->apps)) == -1 ||
	    node_set(n, "requested", arena_printf(a, "%lld", g->requested_wan)) == -1 ||
	    node_set(n, "decided", arena_printf(a, "%lld", g->decided)) == -1 ||
	    node_set(n, "approved", arena_printf(a, "%lld", g->approved)) == -1 ||
	    node_set(n, "rate", rate(a, g)) == -1 ||
	    node_set(n, "approved_wan", arena_printf(a, "%lld", g->approved_wan)) == -1 ||
	    node_set(n, "disbursed", arena_printf(a, "%lld", g->disbursed)) == -1 ||
	    node_set(n, "disbursed_wan", arena_printf(a, "%lld", g->disbursed_wan)) == -1 ||
	    node_set(n, "take_h", hours(a, g->taken, g->take_median_h)) == -1 ||
	    node_set(n, "decide_h", hours(a, g->decided, g->decide_median_h)) == -1)
		return -1;
	return 0;
}

/*
 * Chart `idx` as Charts.<idx>: one group of bars per row of s, one bar
 * per series (values picked by `pick`), on a common scale with its ticks;
 * every coordinate computed here, the template only writes them out.
 */
typedef long long pick_fn(const struct loan_stats_row *, int series);

static long long
pick_apps(const struct loan_stats_row *g, int s)
{
	(void)s;
	return g->apps;
}

static long long
pick_amounts(const struct loan_stats_row *g, int s)
{
	return s == 0 ? g->requested_wan : s == 1 ? g->approved_wan : g->disbursed_wan;
}

static int
chart_to_hdf(struct req *r, int idx, const char *id, const char *title_key,
    const struct loan_stats *s, pick_fn *pick, int nseries,
    const char *const *series_keys)
{
	HDF		*c;
	long long	 max = 0, top, step;
	int		 y = CH_TOP, group_h = nseries * (CH_BAR_H + CH_GAP) - CH_GAP;
	struct arena	*a = r->a;
	const char	*title = views_str(r->app->views, title_key);

	for (size_t i = 0; i < s->n; i++)
		for (int k = 0; k < nseries; k++)
			if (pick(&s->v[i], k) > max)
				max = pick(&s->v[i], k);
	loan_stats_scale(max, &top, &step);
	if ((c = req_row(r, "Charts", (size_t)idx)) == NULL ||
	    node_set(c, "id", id) == -1 || node_set(c, "title", title) == -1 ||
	    node_set(c, "width", arena_printf(a, "%d", CH_WIDTH)) == -1 ||
	    node_set(c, "bar_x", arena_printf(a, "%d", CH_BAR_X)) == -1 ||
	    node_set(c, "label_x", arena_printf(a, "%d", CH_LABEL_W)) == -1 ||
	    node_set(c, "axis_y2", arena_printf(a, "%d", CH_TOP - 6 +
	    (int)s->n * (group_h + CH_GROUP_GAP))) == -1 ||
	    node_set(c, "top", arena_printf(a, "%lld", top)) == -1)
		return -1;
	for (int k = 0; k < nseries; k++) {
		HDF *l;

		if (hdf_get_node(c, arena_printf(a, "legend.%d", k), &l) != STATUS_OK ||
		    node_set(l, "name", views_str(r->app->views, series_keys[k])) == -1 ||
		    node_set(l, "colour", series_colour[k]) == -1 ||
		    node_set(l, "x", arena_printf(a, "%d", CH_BAR_X + k * 120)) == -1 ||
		    node_set(l, "tx", arena_printf(a, "%d", CH_BAR_X + k * 120 + 14)) == -1)
			return -1;
	}
	for (long long t = 0, j = 0; t <= top; t += step, j++) {
		HDF *tk;

		if (hdf_get_node(c, arena_printf(a, "ticks.%lld", j), &tk) != STATUS_OK ||
		    node_set(tk, "x", arena_printf(a, "%d", CH_BAR_X +
		    loan_stats_bar(t, top, CH_BAR_W))) == -1 ||
		    node_set(tk, "label", arena_printf(a, "%lld", t)) == -1)
			return -1;
	}
	for (size_t i = 0; i < s->n; i++) {
		HDF		*g;
		const char	*name = row_name(r, &s->v[i]);

		if (hdf_get_node(c, arena_printf(a, "groups.%zu", i), &g) != STATUS_OK ||
		    node_set(g, "label", name) == -1 ||
		    node_set(g, "label_y", arena_printf(a, "%d", y + group_h / 2 + 4)) == -1)
			return -1;
		for (int k = 0; k < nseries; k++) {
			HDF		*b;
			long long	 v = pick(&s->v[i], k);
			int		 w = loan_stats_bar(v, top, CH_BAR_W);

			if (hdf_get_node(g, arena_printf(a, "bars.%d", k), &b) != STATUS_OK ||
			    node_set(b, "y", arena_printf(a, "%d", y)) == -1 ||
			    node_set(b, "w", arena_printf(a, "%d", w)) == -1 ||
			    node_set(b, "h", arena_printf(a, "%d", CH_BAR_H)) == -1 ||
			    node_set(b, "text_x", arena_printf(a, "%d", CH_BAR_X + w + 4)) == -1 ||
			    node_set(b, "text_y", arena_printf(a, "%d", y + CH_BAR_H - 3)) == -1 ||
			    node_set(b, "value", arena_printf(a, "%lld", v)) == -1 ||
			    node_set(b, "series", views_str(r->app->views, series_keys[k])) == -1 ||
			    node_set(b, "colour", series_colour[k]) == -1)
				return -1;
			y += CH_BAR_H + CH_GAP;
		}
		y += CH_GROUP_GAP - CH_GAP;
	}
	return node_set(c, "height", arena_printf(a, "%d", y + 4));
}

static const char *const amount_series[3] = { "LoanStats.requested",
	"LoanStats.approved_wan", "LoanStats.disbursed_wan" };
static const char *const apps_series[1] = { "LoanStats.apps" };

static int
stats_to_hdf(struct req *r, const char *list, const struct loan_stats *s)
{
	for (size_t i = 0; i < s->n; i++)
		if (row_to_node(r, req_row(r, list, i), &s->v[i],
		    row_name(r, &s->v[i])) == -1)
			return -1;
	return row_to_node(r, req_row(r, "Totals", strcmp(list, "ByCity") == 0 ? 0 : 1),
	    &s->total, views_str(r->app->views, "LoanStats.total"));
}

/* Both groupings of the period p. */
static enum err
load(struct req *r, const struct period *p, struct loan_stats *city,
    struct loan_stats *fi)
{
	enum err rc;

	if ((rc = loan_stats_get(r->app->db, r->a, &r->scope, p->from_utc,
	    p->to_utc, LSB_CITY, city)) != ERR_OK)
		return rc;
	return loan_stats_get(r->app->db, r->a, &r->scope, p->from_utc,
	    p->to_utc, LSB_FI, fi);
}

/*
 * GET /loan-stats?from=YYYY-MM-DD&to=YYYY-MM-DD (operators, supervisors,
 * FI users; both dates Beijing, included; default the last 30 days): the
 * tables and charts.  A wrong date, a period ending before it starts or
 * longer than ten years: 200 with the message next to the field and no
 * figures.
 */
int
handle_loan_stats(struct req *r)
{
	struct period		 p;
	struct loan_stats	 city, fi;
	enum err		 rc;
	int			 st;

	r->tmpl = TMPL_LOAN_STATS;
	req_set(r, "Page.nav", "loan_stats");
	if (r->sess->user.role == ROLE_FI)
		req_set(r, "Stats.fi", "1");
	if ((st = read_period(r, &p)) == -1)
		return 500;
	if (st == 1) {
		req_set(r, "Stats.invalid", "1");
		return 200;
	}
	if ((rc = load(r, &p, &city, &fi)) != ERR_OK)
		return status_of(rc);
	if (req_set(r, "Stats.from", p.from) == -1 ||
	    req_set(r, "Stats.to", p.to) == -1 ||
	    stats_to_hdf(r, "ByCity", &city) == -1 ||
	    stats_to_hdf(r, "ByFi", &fi) == -1 ||
	    chart_to_hdf(r, 0, "chart-city-apps", "LoanStats.chart_city_apps",
	    &city, pick_apps, 1, apps_series) == -1 ||
	    chart_to_hdf(r, 1, "chart-city-amounts", "LoanStats.chart_city_amounts",
	    &city, pick_amounts, 3, amount_series) == -1 ||
	    chart_to_hdf(r, 2, "chart-fi-apps", "LoanStats.chart_fi_apps",
	    &fi, pick_apps, 1, apps_series) == -1 ||
	    chart_to_hdf(r, 3, "chart-fi-amounts", "LoanStats.chart_fi_amounts",
	    &fi, pick_amounts, 3, amount_series) == -1)
		return 500;
	return 200;
}

static int
csv_rows(struct req *r, struct csv *c, const char *dim, const struct loan_stats *s)
{
	for (size_t i = 0; i <= s->n; i++) {
		const struct loan_stats_row *g = i < s->n ? &s->v[i] : &s->total;
		const char *name = i < s->n ? row_name(r, g) :
		    views_str(r->app->views, "LoanStats.total");

		if (csv_field(c, dim) == -1 || csv_field(c, name) == -1 ||
		    csv_field_ll(c, g->apps) == -1 ||
		    csv_field_ll(c, g->requested_wan) == -1 ||
		    csv_field_ll(c, g->decided) == -1 ||
		    csv_field_ll(c, g->approved) == -1 ||
		    csv_field(c, rate(r->a, g)) == -1 ||
		    csv_field_ll(c, g->approved_wan) == -1 ||
		    csv_field_ll(c, g->disbursed) == -1 ||
		    csv_field_ll(c, g->disbursed_wan) == -1 ||
		    csv_field(c, hours(r->a, g->taken, g->take_median_h)) == -1 ||
		    csv_field(c, hours(r->a, g->decided, g->decide_median_h)) == -1 ||
		    csv_end_row(c) == -1)
			return -1;
	}
	return 0;
}

/*
 * GET /loan-stats.csv?from=&to= (as /loan-stats): both tables as CSV,
 * UTF-8 with a BOM, one row per city and per FI and a total row for each,
 * audited as loan_stats.export with the period.  A wrong period: the page
 * with its messages (200).
 */
int
handle_loan_stats_csv(struct req *r)
{
	static const char *const head[] = { "维度", "名称", "申请笔数",
	    "申请金额（万元）", "已决定笔数", "批准笔数", "批准率（%）",
	    "批准金额（万元）", "放款笔数", "放款金额（万元）",
	    "受理时长中位数（小时）", "决定时长中位数（小时）" };
	struct period		 p;
	struct loan_stats	 city, fi;
	struct audit_actor	 actor;
	struct csv		*c;
	const char		*body;
	size_t			 len;
	enum err		 rc;
	int			 st;

	if ((st = read_period(r, &p)) == -1)
		return 500;
	if (st == 1)
		return handle_loan_stats(r);
	if ((rc = load(r, &p, &city, &fi)) != ERR_OK)
		return status_of(rc);
	if ((c = csv_new(r->a, true)) == NULL)
		return 500;
	for (size_t i = 0; i < sizeof head / sizeof head[0]; i++)
		if (csv_field(c, head[i]) == -1)
			return 500;
	if (csv_end_row(c) == -1 ||
	    csv_rows(r, c, views_str(r->app->views, "LoanStats.by_city"), &city) == -1 ||
	    csv_rows(r, c, views_str(r->app->views, "LoanStats.by_fi"), &fi) == -1 ||
	    (body = csv_data(c, &len)) == NULL)
		return 500;
	req_actor(r, &actor);
	if ((rc = audit_write1(r->app->db, &actor, "loan_stats.export", "loan_stats",
	    "", AUDIT_OK, arena_printf(r->a, "from=%s to=%s cities=%zu fis=%zu",
	    p.from, p.to, city.n, fi.n))) != ERR_OK)
		return status_of(rc);
	r->body_out = body;
	r->body_len = len;
	r->ctype = "text/csv; charset=utf-8";
	req_header(r, "Content-Disposition", arena_printf(r->a,
	    "attachment; filename=\"loan-stats-%s-%s.csv\"", p.from, p.to));
	return 200;
}
