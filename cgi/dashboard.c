/*
 * dashboard.c -- the departure duty and the operators' dashboard of
 * government agency users.
 *
 * /departures: an agency (for its own users) or an operator (for the gov
 * users of its region) records that a user's holder left or changed
 * duties; the change form revoking or resetting that user is due within
 * 5 working days (the calendar of schema/005_calendar.sql).
 *
 * /dashboard: for operators and supervisors of a region, the forms
 * waiting for a check or an approval with their age, the departures
 * pending and overdue, the gov accounts without a sign-in for
 * Auth.dormant_days, and the gov users suspended in an emergency that
 * still wait for their change form; each list also as CSV.
 */
#include <stdio.h>
#include <string.h>

#include "agency/agency_form.h"
#include "formats/csv.h"
#include "agency/departure.h"
#include "routes.h"
#include "core/timefmt.h"
#include "db/workdays.h"
#include "finance/fi.h"
#include "credit/objection.h"
#include "finance/loan.h"

#define DASH_MAX	500	/* rows of each list on the page */
#define DASH_CSV_MAX	100000

static const char *const kind_choices[] = { "left", "changed", NULL };
static const char *const list_choices[] = { "forms", "departures", "dormant",
    "suspended", NULL };
/* ?done= after recording: "nocal" when the calendar lacks the year */
static const char *const done_choices[] = { "ok", "nocal", NULL };

enum { DP_USER, DP_USERNAME, DP_KIND, DP_DATE, DP_NOTE, DP_DONE, DP__MAX };
static const struct field departure_fields[DP__MAX] = {
	[DP_USER] = { .name = "user", .kind = FK_INT, .min = 1, .max = 1LL << 53 },
	[DP_USERNAME] = { .name = "username", .kind = FK_TEXT, .flags = F_TRIM, .maxlen = 40 },
	[DP_KIND] = { .name = "kind", .kind = FK_CHOICE, .flags = F_REQUIRED, .choices = kind_choices },
	[DP_DATE] = { .name = "event_date", .kind = FK_DATE, .flags = F_REQUIRED | F_TRIM, .check = check_not_future },
	[DP_NOTE] = { .name = "note", .kind = FK_TEXT, .flags = F_TRIM, .maxlen = 200 },
	[DP_DONE] = { .name = "done", .kind = FK_CHOICE, .choices = done_choices },
};
const struct form departures_form = { departure_fields, DP__MAX };

enum { DC_LIST, DC__MAX };
static const struct field dash_csv_fields[DC__MAX] = {
	[DC_LIST] = { .name = "list", .kind = FK_CHOICE, .flags = F_REQUIRED, .choices = list_choices },
};
const struct form dashboard_csv_form = { dash_csv_fields, DC__MAX };

static void
today_str(char out[16])
{
	int y, m, d;

	beijing_today(&y, &m, &d);
	snprintf(out, 16, "%04d-%02d-%02d", y % 10000, m % 100, d % 100);
}

static void
beijing(const char *utc, char *out, size_t len)
{
	if (utc == NULL || time_beijing(utc, out, len) == -1)
		snprintf(out, len, "%s", "");
}

/* The departures as HDF list `name`. */
static int
departures_to_hdf(struct req *r, const char *name, const struct departure_list *l)
{
	for (size_t i = 0; i < l->n; i++) {
		const struct departure	*d = &l->v[i];
		HDF			*row = req_row(r, name, i);
		char			 rec[32], sub[32];

		beijing(d->recorded_at, rec, sizeof rec);
		beijing(d->submitted_at, sub, sizeof sub);
		if (row == NULL ||
		    node_set(row, "username", d->username) == -1 ||
		    node_set(row, "real_name", d->real_name) == -1 ||
		    node_set(row, "agency", d->agency_name) == -1 ||
		    node_set(row, "agency_id", arena_printf(r->a, "%lld", d->agency_id)) == -1 ||
		    node_set(row, "region", d->region_name) == -1 ||
		    node_set(row, "kind", departure_kind_name(d->kind)) == -1 ||
		    node_set(row, "event_date", d->event_date) == -1 ||
		    node_set(row, "due_date", d->due_date) == -1 ||
		    node_set(row, "note", d->note) == -1 ||
		    node_set(row, "recorded_by", d->recorded_name) == -1 ||
		    node_set(row, "recorded_at", rec) == -1 ||
		    node_set(row, "submitted_at", sub) == -1 ||
		    node_set(row, "state", d->form_id != 0 ? "answered" :
		    d->overdue ? "overdue" : "pending") == -1 ||
		    node_set(row, "days", arena_printf(r->a, "%d",
		    d->days_left < 0 ? -d->days_left : d->days_left)) == -1)
			return -1;
		if (d->form_id != 0 &&
		    node_set(row, "form_id", arena_printf(r->a, "%lld", d->form_id)) == -1)
			return -1;
	}
	return 0;
}

/*
 * Finds the user a departure is recorded for: gov chooses one of its own
 * agency's users (user=id); an operator types the username of a gov user
 * of its region.  0 with *u filled, or the field error shown.
 */
static int
departure_target(struct req *r, struct user *u)
{
	const struct user	*me = &r->sess->user;
	bool			 gov = me->role == ROLE_GOV;
	const char		*field = gov ? "user" : "username";
	enum err		 rc;

	if (gov ? !r->f[DP_USER].present : !r->f[DP_USERNAME].present) {
		req_field_error(r, field, "required");
		return 0;
	}
	rc = gov ? user_by_id(r->app->db, r->a, r->f[DP_USER].i, u) :
	    user_by_name(r->app->db, r->a, r->f[DP_USERNAME].s, u);
	if (rc == ERR_NOTFOUND) {
		req_field_error(r, field, "departure_no_user");
		return 0;
	}
	if (rc != ERR_OK)
		return status_of(rc);
	if (u->role != ROLE_GOV || strcmp(u->org_kind, "agency") != 0 ||
	    u->status == USER_REVOKED ||
	    (gov ? u->org_id != me->org_id : !region_covers(me->region, u->region)))
		req_field_error(r, field, "departure_no_user");
	return 0;
}

/* The due date of a departure on y-m-d: 5 working days later. */
static enum err
due_date(struct req *r, int y, int m, int d, char out[16], bool *known)
{
	struct calendar	cal;
	enum err	rc;
	int		dy, dm, dd;

	if ((rc = calendar_load(r->app->db, r->a, y, y + 1, &cal)) != ERR_OK)
		return rc;
	add_workdays(&cal, y, m, d, DEPARTURE_DUE_WORKDAYS, &dy, &dm, &dd);
	*known = calendar_has_year(&cal, y) && calendar_has_year(&cal, dy);
	snprintf(out, 16, "%04d-%02d-%02d", dy % 10000, dm % 100, dd % 100);
	return ERR_OK;
}

/*
 * GET /departures: the departures of the region (operators, supervisors)
 * or of the agency (gov), unanswered first, and the form to record one.
 * POST (operator or gov; the route table refuses supervisors): records it and 303s
 * back with ?done=1; a bad field or a user with a departure already open
 * shows the form again with the message.
 */
int
handle_departures(struct req *r)
{
	const struct user	*me = &r->sess->user;
	bool			 gov = me->role == ROLE_GOV;
	struct departure_list	 l;
	char			 today[16];
	enum err		 rc;

	r->tmpl = TMPL_DEPARTURES;
	req_set(r, "Page.nav", "departures");
	if (me->role != ROLE_SUPERVISOR)
		req_set(r, "Can.record", "1");
	if (r->method == HTTP_POST) {
		struct audit_actor	a;
		struct user		u;
		char			due[16], date[16];
		bool			known;
		long long		id;
		int			st;

		if ((st = departure_target(r, &u)) != 0)
			return st;
		if (r->nerrors == 0) {
			const struct fval *v = &r->f[DP_DATE];

			snprintf(date, sizeof date, "%04d-%02d-%02d", v->y % 10000,
			    v->m % 100, v->d % 100);
			if ((rc = due_date(r, v->y, v->m, v->d, due, &known)) != ERR_OK)
				return status_of(rc);
			req_actor(r, &a);
			rc = departure_record(r->app->db, &a, u.id, u.org_id, u.region,
			    (enum departure_kind)departure_kind_parse(r->f[DP_KIND].s),
			    date, due, r->f[DP_NOTE].s, &id);
			if (rc == ERR_CONFLICT)
				req_field_error(r, gov ? "user" : "username", "departure_open");
			else if (rc != ERR_OK)
				return status_of(rc);
			else {
				r->location = known ? "/departures?done=ok" :
				    "/departures?done=nocal";
				return 303;
			}
		}
	} else if (r->f[DP_DONE].present && r->f[DP_DONE].error == NULL) {
		req_set(r, "Done", "1");
		if (strcmp(r->f[DP_DONE].s, "nocal") == 0)
			req_set(r, "NoCalendar", "1");
	}

	today_str(today);
	if ((rc = departure_list(r->app->db, r->a, me->region, gov ? me->org_id : 0,
	    false, today, DASH_MAX, &l)) != ERR_OK)
		return status_of(rc);
	if (departures_to_hdf(r, "Departures", &l) == -1)
		return 500;
	if (gov) {
		struct aform_member_list m;

		if ((rc = aform_members(r->app->db, r->a, me->org_id, &m)) != ERR_OK)
			return status_of(rc);
		for (size_t i = 0; i < m.n; i++) {
			HDF *row = req_row(r, "Members", i);

			if (row == NULL ||
			    node_set(row, "id", arena_printf(r->a, "%lld", m.v[i].id)) == -1 ||
			    node_set(row, "username", m.v[i].username) == -1 ||
			    node_set(row, "real_name", m.v[i].real_name) == -1)
				return 500;
		}
	}
	return 200;
}

/*
 * GET /dashboard (operators and supervisors): the region's forms waiting
 * for a check or an approval (oldest first, with their age in days), its
 * unanswered departures (overdue ones marked) and its dormant gov
 * accounts.
 */
int
handle_dashboard(struct req *r)
{
	const struct user	*me = &r->sess->user;
	unsigned		 days = r->app->cfg->auth.dormant_days;
	struct aform_list	 w;
	struct departure_list	 d;
	struct dormant_list	 z;
	struct user_suspended	*sv;
	char			 today[16];
	size_t			 overdue = 0, sn = 0;
	enum err		 rc;

	r->tmpl = TMPL_DASHBOARD;
	req_set(r, "Page.nav", "dashboard");
	req_set(r, "Scope.region", me->region_name);
	req_setf(r, "Dash.dormant_days", "%u", days);
	today_str(today);
	if ((rc = aform_waiting(r->app->db, r->a, me->region, DASH_MAX, &w)) != ERR_OK ||
	    (rc = departure_list(r->app->db, r->a, me->region, 0, true, today,
	    DASH_MAX, &d)) != ERR_OK ||
	    (rc = dormant_list(r->app->db, r->a, me->region, days, DASH_MAX, &z)) != ERR_OK ||
	    (rc = user_suspended_gov(r->app->db, r->a, me->region, DASH_MAX,
	    &sv, &sn)) != ERR_OK)
		return status_of(rc);
	for (size_t i = 0; i < sn; i++) {
		HDF	*row = req_row(r, "Suspended", i);
		char	 since[32] = "";

		if (sv[i].since != NULL)
			beijing(sv[i].since, since, sizeof since);
		if (row == NULL ||
		    node_set(row, "id", arena_printf(r->a, "%lld", sv[i].id)) == -1 ||
		    node_set(row, "username", sv[i].username) == -1 ||
		    node_set(row, "real_name", sv[i].real_name) == -1 ||
		    node_set(row, "agency", sv[i].org_name) == -1 ||
		    node_set(row, "region", sv[i].region_name) == -1 ||
		    node_set(row, "since", since) == -1 ||
		    node_set(row, "reason", sv[i].reason) == -1)
			return 500;
	}
	req_setf(r, "Dash.suspended", "%zu", sn);
	for (size_t i = 0; i < w.n; i++) {
		const struct aform_row	*x = &w.v[i];
		HDF			*row = req_row(r, "Waiting", i);
		char			 since[32];

		beijing(x->since, since, sizeof since);
		if (row == NULL ||
		    node_set(row, "id", arena_printf(r->a, "%lld", x->id)) == -1 ||
		    node_set(row, "agency", x->agency_name) == -1 ||
		    node_set(row, "region", x->region_name) == -1 ||
		    node_set(row, "status", aform_status_name(x->status)) == -1 ||
		    node_set(row, "since", since) == -1 ||
		    node_set(row, "age", arena_printf(r->a, "%d", x->age_days)) == -1)
			return 500;
	}
	for (size_t i = 0; i < d.n; i++)
		overdue += d.v[i].overdue;
	if (departures_to_hdf(r, "Departures", &d) == -1)
		return 500;
	for (size_t i = 0; i < z.n; i++) {
		const struct dormant	*x = &z.v[i];
		HDF			*row = req_row(r, "Dormant", i);
		char			 last[32];

		beijing(x->last_login_at, last, sizeof last);
		if (row == NULL ||
		    node_set(row, "id", arena_printf(r->a, "%lld", x->id)) == -1 ||
		    node_set(row, "username", x->username) == -1 ||
		    node_set(row, "real_name", x->real_name) == -1 ||
		    node_set(row, "agency", x->agency_name) == -1 ||
		    node_set(row, "region", x->region_name) == -1 ||
		    node_set(row, "last_login", last) == -1 ||
		    node_set(row, "idle", arena_printf(r->a, "%d", x->idle_days)) == -1)
			return 500;
	}
	req_setf(r, "Dash.waiting", "%zu", w.n);
	req_setf(r, "Dash.pending", "%zu", d.n - overdue);
	req_setf(r, "Dash.overdue", "%zu", overdue);
	req_setf(r, "Dash.dormant", "%zu", z.n);
	{
		/* the region's loan applications past their take-up limit */
		struct loan_filter	f = { -1, true, 0 };
		long long		n = 0;

		if ((rc = loan_count(r->app->db, r->a, &r->scope, &f, &n)) != ERR_OK)
			return status_of(rc);
		req_setf(r, "Dash.loans_overdue", "%lld", n);
	}
	{
		/* the region's objections past their 20 days (issue 15) */
		long long	n = 0;

		if ((rc = objection_overdue_count(r->app->db, &r->scope, today, &n)) != ERR_OK)
			return status_of(rc);
		req_setf(r, "Dash.objections_overdue", "%lld", n);
	}
	{
		/* requests on staff accounts waiting for a supervisor */
		int	st = 500;
		long	ns = sreq_pending_to_hdf(r, "StaffReqs", &st);

		if (ns < 0)
			return st;
		req_setf(r, "Dash.staff_requests", "%ld", ns);
	}
	return 200;
}

/*
 * GET /loan-dashboard (an FI's users; issue 14 "Time limits"): the
 * applications in the FI's scope waiting for a take-up, linking the
 * filtered list; for the FI's manager also the overdue ones (published
 * and not taken up within 1 working day when addressed, 3 when open),
 * linking /loans?overdue=1.  200.
 */
int
handle_loan_dashboard(struct req *r)
{
	struct loan_filter	 wait = { LS_PUBLISHED, false, 0 }, late = { -1, true, 0 };
	long long		 nw = 0, nl = 0;
	bool			 mgr = false;
	enum err		 rc;

	r->tmpl = TMPL_LOAN_DASHBOARD;
	req_set(r, "Page.nav", "loan_dashboard");
	if ((rc = fi_user_is_manager(r->app->db, r->sess->user.id, &mgr)) != ERR_OK ||
	    (rc = loan_count(r->app->db, r->a, &r->scope, &wait, &nw)) != ERR_OK)
		return status_of(rc);
	req_setf(r, "Dash.loans_waiting", "%lld", nw);
	if (mgr) {
		if ((rc = loan_count(r->app->db, r->a, &r->scope, &late, &nl)) != ERR_OK)
			return status_of(rc);
		req_set(r, "Dash.manager", "1");
		req_setf(r, "Dash.loans_overdue", "%lld", nl);
	}
	return 200;
}

/* Appends the cells of one row; -1 on OOM. */
static int
csv_row(struct csv *c, const char *const *cells, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (csv_field(c, cells[i]) == -1)
			return -1;
	return csv_end_row(c);
}

static int
forms_csv(struct req *r, struct csv *c, size_t *rows)
{
	static const char *const head[] = { "申请表编号", "申请单位", "所属地区",
	    "状态", "进入该状态时间（北京时间）", "已等待天数" };
	struct aform_list	w;
	enum err		rc;

	if ((rc = aform_waiting(r->app->db, r->a, r->sess->user.region,
	    DASH_CSV_MAX, &w)) != ERR_OK)
		return status_of(rc);
	if (csv_row(c, head, 6) == -1)
		return 500;
	for (size_t i = 0; i < w.n; i++) {
		char since[32];
		const char *cells[] = {
			arena_printf(r->a, "%lld", w.v[i].id), w.v[i].agency_name,
			w.v[i].region_name,
			views_str(r->app->views, arena_printf(r->a, "AForm.status.%s",
			    aform_status_name(w.v[i].status))),
			since, arena_printf(r->a, "%d", w.v[i].age_days),
		};

		beijing(w.v[i].since, since, sizeof since);
		if (csv_row(c, cells, 6) == -1)
			return 500;
	}
	*rows = w.n;
	return 0;
}

static int
departures_csv(struct req *r, struct csv *c, size_t *rows)
{
	static const char *const head[] = { "用户名", "姓名", "所属机构", "所属地区",
	    "情形", "离岗或调岗日期", "应提交申请表日期", "状态", "记录人",
	    "记录时间（北京时间）" };
	struct departure_list	d;
	char			today[16];
	enum err		rc;

	today_str(today);
	if ((rc = departure_list(r->app->db, r->a, r->sess->user.region, 0, true,
	    today, DASH_CSV_MAX, &d)) != ERR_OK)
		return status_of(rc);
	if (csv_row(c, head, 10) == -1)
		return 500;
	for (size_t i = 0; i < d.n; i++) {
		const struct departure *x = &d.v[i];
		char rec[32];
		const char *cells[] = {
			x->username, x->real_name, x->agency_name, x->region_name,
			views_str(r->app->views, arena_printf(r->a, "Departure.kind.%s",
			    departure_kind_name(x->kind))),
			x->event_date, x->due_date,
			views_str(r->app->views, x->overdue ? "Departure.state.overdue" :
			    "Departure.state.pending"),
			x->recorded_name, rec,
		};

		beijing(x->recorded_at, rec, sizeof rec);
		if (csv_row(c, cells, 10) == -1)
			return 500;
	}
	*rows = d.n;
	return 0;
}

static int
dormant_csv(struct req *r, struct csv *c, size_t *rows)
{
	static const char *const head[] = { "用户名", "姓名", "所属机构", "所属地区",
	    "最近登录（北京时间）", "未登录天数" };
	struct dormant_list	z;
	enum err		rc;

	if ((rc = dormant_list(r->app->db, r->a, r->sess->user.region,
	    r->app->cfg->auth.dormant_days, DASH_CSV_MAX, &z)) != ERR_OK)
		return status_of(rc);
	if (csv_row(c, head, 6) == -1)
		return 500;
	for (size_t i = 0; i < z.n; i++) {
		const struct dormant *x = &z.v[i];
		char last[32];
		const char *cells[] = {
			x->username, x->real_name, x->agency_name, x->region_name,
			last, arena_printf(r->a, "%d", x->idle_days),
		};

		beijing(x->last_login_at, last, sizeof last);
		if (last[0] == '\0')
			cells[4] = views_str(r->app->views, "Dash.never");
		if (csv_row(c, cells, 6) == -1)
			return 500;
	}
	*rows = z.n;
	return 0;
}

/* The gov users suspended in an emergency (R-04, issue 12 item 4). */
static int
suspended_csv(struct req *r, struct csv *c, size_t *rows)
{
	static const char *const head[] = { "用户名", "姓名", "所属机构", "所属地区",
	    "暂停时间（北京时间）", "暂停原因" };
	struct user_suspended	*sv;
	size_t			 n = 0;
	enum err		 rc;

	if ((rc = user_suspended_gov(r->app->db, r->a, r->sess->user.region,
	    DASH_CSV_MAX, &sv, &n)) != ERR_OK)
		return status_of(rc);
	if (csv_row(c, head, 6) == -1)
		return 500;
	for (size_t i = 0; i < n; i++) {
		char since[32] = "";
		const char *cells[] = {
			sv[i].username, sv[i].real_name, sv[i].org_name,
			sv[i].region_name, since, sv[i].reason,
		};

		if (sv[i].since != NULL)
			beijing(sv[i].since, since, sizeof since);
		if (csv_row(c, cells, 6) == -1)
			return 500;
	}
	*rows = n;
	return 0;
}

/*
 * GET /dashboard.csv?list=forms|departures|dormant|suspended (operators and
 * supervisors): one list of the dashboard, all its rows, as a UTF-8 CSV
 * with a BOM (lib/formats/csv.h neutralises formulas).  Audited as
 * "dashboard.export".  400 without a valid list.
 */
int
handle_dashboard_csv(struct req *r)
{
	struct audit_actor	 a;
	struct csv		*c;
	const char		*body, *list;
	size_t			 rows = 0, len;
	enum err		 rc;
	int			 st;

	if (!r->f[DC_LIST].present || r->f[DC_LIST].error != NULL)
		return 400;
	list = r->f[DC_LIST].s;
	if ((c = csv_new(r->a, true)) == NULL)
		return 500;
	st = strcmp(list, "forms") == 0 ? forms_csv(r, c, &rows) :
	    strcmp(list, "departures") == 0 ? departures_csv(r, c, &rows) :
	    strcmp(list, "suspended") == 0 ? suspended_csv(r, c, &rows) :
	    dormant_csv(r, c, &rows);
	if (st != 0)
		return st;
	if ((body = csv_data(c, &len)) == NULL)
		return 500;
	req_actor(r, &a);
	if ((rc = audit_write1(r->app->db, &a, "dashboard.export", "dashboard", list,
	    AUDIT_OK, arena_printf(r->a, "%zu rows; scope=%s", rows,
	    r->sess->user.region))) != ERR_OK)
		return status_of(rc);
	r->body_out = body;
	r->body_len = len;
	r->ctype = "text/csv; charset=utf-8";
	req_header(r, "Content-Disposition", arena_printf(r->a,
	    "attachment; filename=\"dashboard-%s.csv\"", list));
	return 200;
}
