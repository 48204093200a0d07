/*
 * events.c -- training and events (issue 17 "Training and events",
 * X-AUD): /events and /events/{id} on both portals (the internet's
 * readable without signing in), registration and cancellation by the
 * users of an event's audience (enterprises on the internet, gov and FI
 * users on the intranet), and the operators' pages on the intranet:
 * /events/manage, /events/new, /events/{id}/edit|publish|withdraw, the
 * attendee list with attendance marks and its CSV export.
 *
 * Scope: /events/{id} is loaded by the dispatcher (OBJ_EVENT, event_get
 * with this request's reader: the published events of the reader's
 * audience, and every event of their region for the offices' staff); a
 * user's registration is found by their own user id in the statement.
 */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "core/enumname.h"
#include "core/timefmt.h"
#include "formats/csv.h"
#include "info/event.h"
#include "routes.h"

#define EVENTS_PER_PAGE	20

static const char *const done_names[] = { "created", "updated", "published",
	"withdrawn", "registered", "waiting", "cancelled", "marked", NULL };

/* A time typed in Beijing time ("2026-12-31 09:00"). */
static const char *
check_time(struct arena *a, struct fval *v)
{
	char utc[24];

	(void)a;
	return beijing_to_utc(v->s, utc, sizeof utc) == 0 ? NULL : "event_time";
}

/* An online link: http(s), no space or control character. */
static const char *
check_url(struct arena *a, struct fval *v)
{
	(void)a;
	if (strncmp(v->s, "https://", 8) != 0 && strncmp(v->s, "http://", 7) != 0)
		return "event_url";
	for (const unsigned char *p = (const unsigned char *)v->s; *p; p++)
		if (*p <= ' ' || *p == '"' || *p == '<' || *p == '>' || *p == '\\')
			return "event_url";
	return NULL;
}

enum { EL_PAGE, EL__MAX };

static const struct field events_fields[EL__MAX] = {
	[EL_PAGE] = { .name = "page", .kind = FK_INT, .min = 1, .max = 100000 },
};
const struct form events_form = { events_fields, EL__MAX };

enum { EI_DONE, EI__MAX };

static const struct field event_item_fields[EI__MAX] = {
	[EI_DONE] = { .name = "done", .kind = FK_CHOICE, .choices = done_names },
};
const struct form event_item_form = { event_item_fields, EI__MAX };

enum { EF_KIND, EF_TITLE, EF_BODY, EF_PLACE, EF_URL, EF_STARTS, EF_ENDS,
	EF_DEADLINE, EF_CAPACITY, EF_AUD_ENT, EF_AUD_GOV, EF_AUD_FI,
	EF_VERSION, EF__MAX };

static const struct field event_edit_fields[EF__MAX] = {
	[EF_KIND] = { .name = "kind", .kind = FK_CHOICE, .flags = F_REQUIRED, .choices = event_kind_names },
	[EF_TITLE] = { .name = "title", .kind = FK_TEXT, .flags = F_REQUIRED | F_TRIM, .minlen = 4, .maxlen = 100 },
	[EF_BODY] = { .name = "body", .kind = FK_MULTILINE, .flags = F_REQUIRED | F_TRIM, .minlen = 10, .maxlen = 5000 },
	[EF_PLACE] = { .name = "place", .kind = FK_TEXT, .flags = F_TRIM, .maxlen = 200 },
	[EF_URL] = { .name = "online_url", .kind = FK_CUSTOM, .flags = F_TRIM, .maxlen = 300, .check = check_url },
	[EF_STARTS] = { .name = "starts_at", .kind = FK_CUSTOM, .flags = F_REQUIRED | F_TRIM, .maxlen = 16, .check = check_time },
	[EF_ENDS] = { .name = "ends_at", .kind = FK_CUSTOM, .flags = F_REQUIRED | F_TRIM, .maxlen = 16, .check = check_time },
	[EF_DEADLINE] = { .name = "deadline", .kind = FK_CUSTOM, .flags = F_REQUIRED | F_TRIM, .maxlen = 16, .check = check_time },
	[EF_CAPACITY] = { .name = "capacity", .kind = FK_INT, .flags = F_REQUIRED, .min = 1, .max = 100000 },
	[EF_AUD_ENT] = { .name = "aud_enterprise", .kind = FK_BOOL },
	[EF_AUD_GOV] = { .name = "aud_gov", .kind = FK_BOOL },
	[EF_AUD_FI] = { .name = "aud_fi", .kind = FK_BOOL },
	[EF_VERSION] = { .name = "version", .kind = FK_INT, .min = 1, .max = 1000000000 },
};
const struct form event_edit_form = { event_edit_fields, EF__MAX };

static const char *const mark_names[] = { "attended", "absent", NULL };

enum { EA_REG, EA_MARK, EA__MAX };

static const struct field event_attendance_fields[EA__MAX] = {
	[EA_REG] = { .name = "reg", .kind = FK_INT, .flags = F_REQUIRED, .min = 1, .max = 9000000000000000000LL },
	[EA_MARK] = { .name = "mark", .kind = FK_CHOICE, .flags = F_REQUIRED, .choices = mark_names },
};
const struct form event_attendance_form = { event_attendance_fields, EA__MAX };

/* The offices' staff on the intranet manage the events of their region. */
static bool
is_manager(const struct req *r)
{
	return r->sess != NULL && r->app->cfg->portal == PORTAL_INTRANET &&
	    (r->sess->user.role == ROLE_OPERATOR ||
	    r->sess->user.role == ROLE_SUPERVISOR);
}

/* True when the signed-in staff member's region holds event `e` (the
 * province holds every one): the published events of other cities are
 * read by every office, managed by their own. */
static bool
manages(const struct req *r, const struct event *e)
{
	return is_manager(r) && (scope_province_wide(&r->scope) ||
	    strcmp(r->scope.region, e->region) == 0);
}

/* A management page refused to an office outside the event's region:
 * 403, audited (req_forbidden). */
static int
not_manager(struct req *r, const struct event *e)
{
	return req_forbidden(r, "event", e->id, "not its region's office");
}

/* The audience kind of the signed-in user (or the internet's visitor). */
static const char *
audience_of(const struct req *r)
{
	if (r->sess == NULL)
		return r->app->cfg->portal == PORTAL_INTERNET ?
		    event_aud_names[EVU_ENTERPRISE] : "";
	switch (r->sess->user.role) {
	case ROLE_ENTERPRISE:
		return event_aud_names[EVU_ENTERPRISE];
	case ROLE_GOV:
		return event_aud_names[EVU_GOV];
	case ROLE_FI:
		return event_aud_names[EVU_FI];
	case ROLE_OPERATOR:
	case ROLE_SUPERVISOR:
		return "*";
	default:
		return "";
	}
}

/* A user who may register: one of the audience kinds, signed in. */
static bool
registers(const struct req *r)
{
	const char *aud = audience_of(r);

	return r->sess != NULL && *aud != '\0' && strcmp(aud, "*") != 0;
}

void
event_reader_of(const struct req *r, struct event_reader *rd)
{
	rd->audience = audience_of(r);
	rd->manager = is_manager(r) ? &r->scope : NULL;
}

static int
set_time(HDF *n, const char *key, const char *utc)
{
	char when[32];

	if (utc == NULL || *utc == '\0' || time_beijing(utc, when, sizeof when) != 0)
		return node_set(n, key, "");
	return node_set(n, key, when);
}

static int
event_to_node(struct req *r, HDF *n, const struct event *e)
{
	long long left = e->capacity - e->registered;

	if (n == NULL ||
	    node_set(n, "id", arena_printf(r->a, "%lld", e->id)) == -1 ||
	    node_set(n, "region_name", e->region_name) == -1 ||
	    node_set(n, "kind", event_kind_names[e->kind]) == -1 ||
	    node_set(n, "title", e->title) == -1 ||
	    node_set(n, "body", e->body) == -1 ||
	    node_set(n, "place", e->place) == -1 ||
	    node_set(n, "online_url", e->online_url) == -1 ||
	    set_time(n, "starts", e->starts_at) == -1 ||
	    set_time(n, "ends", e->ends_at) == -1 ||
	    set_time(n, "deadline", e->deadline) == -1 ||
	    node_set(n, "capacity", arena_printf(r->a, "%lld", e->capacity)) == -1 ||
	    node_set(n, "registered", arena_printf(r->a, "%lld", e->registered)) == -1 ||
	    node_set(n, "left", arena_printf(r->a, "%lld", left > 0 ? left : 0)) == -1 ||
	    node_set(n, "waiting", arena_printf(r->a, "%lld", e->waiting)) == -1 ||
	    node_set(n, "state", event_state_names[e->state]) == -1 ||
	    node_set(n, "open", e->open ? "1" : "") == -1 ||
	    node_set(n, "started", e->started ? "1" : "") == -1)
		return -1;
	/* the link's scheme is written by the template (a URL attribute
	 * never starts with data), the rest escaped: only http(s) links
	 * are stored (check_url, events_url_ck) */
	if (strncmp(e->online_url, "https://", 8) == 0) {
		if (node_set(n, "online_https", "1") == -1 ||
		    node_set(n, "online_rest", e->online_url + 8) == -1)
			return -1;
	} else if (strncmp(e->online_url, "http://", 7) == 0 &&
	    node_set(n, "online_rest", e->online_url + 7) == -1)
		return -1;
	for (int k = 0; k < EVU__MAX; k++) {
		const char *m = event_aud_names[k], *p = strstr(e->audience, m);
		size_t l = strlen(m);

		if (p != NULL && (p == e->audience || p[-1] == ',') &&
		    (p[l] == '\0' || p[l] == ',') &&
		    node_set(n, arena_printf(r->a, "aud.%s", m), "1") == -1)
			return -1;
	}
	return 0;
}

static int
list_to_hdf(struct req *r, const char *name, const struct event_list *l)
{
	for (size_t i = 0; i < l->n; i++)
		if (event_to_node(r, req_row(r, arena_printf(r->a, "%s.rows", name), i),
		    &l->v[i]) == -1)
			return -1;
	return 0;
}

int
events_upcoming_to_hdf(struct req *r, const char *name, size_t n)
{
	struct event_reader	 rd;
	struct event_list	 l;
	enum err		 rc;

	event_reader_of(r, &rd);
	if ((rc = event_list_upcoming(r->app->db, r->a, &rd, 0, n, &l)) != ERR_OK)
		return status_of(rc);
	return list_to_hdf(r, name, &l) == 0 ? 0 : 500;
}

/*
 * GET /events (both portals; the internet's without signing in): the
 * events this reader may attend that have not ended, soonest first, with
 * seats left; the offices' staff see every published one and a link to
 * their management page.
 */
int
handle_events(struct req *r)
{
	struct event_reader	 rd;
	struct event_list	 l;
	struct pager		 pg;
	enum err		 rc;

	r->tmpl = TMPL_EVENTS;
	req_set(r, "Page.nav", "events");
	if (is_manager(r))
		req_set(r, "Can.manage", "1");
	event_reader_of(r, &rd);
	req_pager_init(r, EL_PAGE, EVENTS_PER_PAGE, 0, &pg);
	if ((rc = event_list_upcoming(r->app->db, r->a, &rd, (size_t)pg.page - 1,
	    EVENTS_PER_PAGE, &l)) != ERR_OK)
		return status_of(rc);
	if (list_to_hdf(r, "Events", &l) == -1)
		return 500;
	pg.total = l.total;
	return req_pager(r, &pg, "/events?") == 0 ? 200 : 500;
}

/* The page of one event (r->obj) with what this user may do there. */
static int
event_page(struct req *r, const struct event *e)
{
	HDF	*n = NULL;
	int	 st = -1;
	enum err rc;

	r->tmpl = TMPL_EVENT;
	req_set(r, "Page.nav", "events");
	if (hdf_get_node(r->hdf, "Event", &n) != STATUS_OK ||
	    event_to_node(r, n, e) == -1)
		return 500;
	if (registers(r)) {
		if ((rc = event_reg_of(r->app->db, r->a, r->sess->user.id, e->id,
		    &st)) != ERR_OK)
			return status_of(rc);
		if (st >= 0)
			req_set(r, "Reg.state", event_reg_state_names[st]);
		if (e->state == EVS_PUBLISHED && e->open &&
		    (st < 0 || st == ERS_CANCELLED))
			req_set(r, "Can.register", "1");
		if (!e->started && (st == ERS_REGISTERED || st == ERS_WAITING))
			req_set(r, "Can.cancel", "1");
	} else if (r->sess == NULL && e->state == EVS_PUBLISHED && e->open)
		req_set(r, "Can.sign_in", "1");
	if (manages(r, e)) {
		req_set(r, "Can.manage", "1");
		if (r->sess->user.role == ROLE_OPERATOR) {
			if (step_next(&event_machine, (int)e->state, EVA_EDIT) >= 0)
				req_set(r, "Can.edit", "1");
			if (step_next(&event_machine, (int)e->state, EVA_PUBLISH) >= 0)
				req_set(r, "Can.publish", "1");
			if (step_next(&event_machine, (int)e->state, EVA_WITHDRAW) >= 0)
				req_set(r, "Can.withdraw", "1");
		}
	}
	return 0;
}

static void
done_to_hdf(struct req *r, int field)
{
	if (r->f[field].present && r->f[field].error == NULL)
		req_set(r, "Done", views_str(r->app->views,
		    arena_printf(r->a, "Events.done.%s", r->f[field].s)));
}

/* GET /events/{id}: the event, seats left, the user's own registration
 * and the register or cancel button; 404 when not the reader's. */
int
handle_event(struct req *r)
{
	int st;

	if ((st = event_page(r, r->obj)) != 0)
		return st;
	done_to_hdf(r, EI_DONE);
	return 200;
}

/* The event page again with a refusal `key` (Events.refused.<key>). */
static int
refused(struct req *r, const char *key, int status)
{
	const struct event *e = r->obj;

	if (event_page(r, e) != 0)
		return 500;
	r->tmpl_on_4xx = true;
	req_set(r, "Refused", views_str(r->app->views,
	    arena_printf(r->a, "Events.refused.%s", key)));
	return status;
}

/*
 * POST /events/{id}/register (enterprises, gov and FI users of the
 * event's audience): a seat, or the waiting list when it is full; an
 * in-site notice and an SMS.  303 to /events/{id}?done=registered|waiting;
 * 409 with the page and the reason when already registered, the deadline
 * passed or the event was cancelled; 404 outside the audience.
 */
int
handle_event_register(struct req *r)
{
	const struct event	*e = r->obj;
	struct audit_actor	 a;
	bool			 waiting = false;
	enum err		 rc;

	req_actor(r, &a);
	rc = event_register(r->app->db, &a, audience_of(r), e->id, &waiting);
	if (rc == ERR_NOTFOUND)
		return 404;
	if (rc == ERR_CONFLICT)
		return refused(r, "already", 409);
	if (rc == ERR_FORBIDDEN)
		return refused(r, "closed", 409);
	if (rc != ERR_OK)
		return status_of(rc);
	r->location = arena_printf(r->a, "/events/%lld?done=%s", e->id,
	    waiting ? "waiting" : "registered");
	return r->location != NULL ? 303 : 500;
}

/*
 * POST /events/{id}/cancel (the registrant): the seat or the place on
 * the waiting list given up; a seat goes to the first on the waiting
 * list in the same transaction.  303 to /events/{id}?done=cancelled; 409
 * with the reason when there is nothing to cancel or the event started.
 */
int
handle_event_cancel(struct req *r)
{
	const struct event	*e = r->obj;
	struct audit_actor	 a;
	enum err		 rc;

	req_actor(r, &a);
	rc = event_cancel(r->app->db, &a, e->id);
	if (rc == ERR_NOTFOUND || rc == ERR_CONFLICT)
		return refused(r, "nothing", 409);
	if (rc != ERR_OK)
		return status_of(rc);
	r->location = arena_printf(r->a, "/events/%lld?done=cancelled", e->id);
	return r->location != NULL ? 303 : 500;
}

/* GET /events/manage (operators, supervisors): every event of their
 * region (the province's: all), drafts included, newest start first. */
int
handle_events_manage(struct req *r)
{
	struct event_list	 l;
	struct pager		 pg;
	enum err		 rc;

	r->tmpl = TMPL_EVENTS_MANAGE;
	req_set(r, "Page.nav", "events_manage");
	if (r->sess->user.role == ROLE_OPERATOR)
		req_set(r, "Can.create", "1");
	req_pager_init(r, EL_PAGE, EVENTS_PER_PAGE, 0, &pg);
	if ((rc = event_list_manage(r->app->db, r->a, &r->scope,
	    (size_t)pg.page - 1, EVENTS_PER_PAGE, &l)) != ERR_OK)
		return status_of(rc);
	if (list_to_hdf(r, "Events", &l) == -1)
		return 500;
	pg.total = l.total;
	return req_pager(r, &pg, "/events/manage?") == 0 ? 200 : 500;
}

static const char *
utc_of(struct req *r, int field)
{
	char *out = arena_alloc(r->a, 24);

	if (out == NULL || beijing_to_utc(r->f[field].s, out, 24) != 0)
		return NULL;
	return out;
}

/*
 * The form's values as an event_input, with the checks across fields
 * (a place or a link; ends after it starts; the deadline not after the
 * start; a start in the future for a new event; an audience): 0, or the
 * number of fields in error, each with its message.
 */
static int
input_of(struct req *r, struct event_input *in, bool fresh)
{
	char	 now[24];
	time_t	 t = time(NULL);
	struct tm tm;
	char	*aud;
	int	 bad = 0;

	memset(in, 0, sizeof *in);
	in->kind = enum_parse(event_kind_names, EVK__MAX, r->f[EF_KIND].s);
	in->title = r->f[EF_TITLE].s;
	in->body = r->f[EF_BODY].s;
	in->place = r->f[EF_PLACE].s;
	in->online_url = r->f[EF_URL].s;
	in->starts_at = utc_of(r, EF_STARTS);
	in->ends_at = utc_of(r, EF_ENDS);
	in->deadline = utc_of(r, EF_DEADLINE);
	in->capacity = r->f[EF_CAPACITY].i;
	if ((aud = arena_printf(r->a, "%s%s%s",
	    r->f[EF_AUD_ENT].i ? ",enterprise" : "",
	    r->f[EF_AUD_GOV].i ? ",gov" : "", r->f[EF_AUD_FI].i ? ",fi" : "")) == NULL)
		return -1;
	in->audience = *aud == ',' ? aud + 1 : aud;
	if (*in->place == '\0' && *in->online_url == '\0') {
		req_field_error(r, "place", "event_where");
		bad++;
	}
	if (*in->audience == '\0') {
		req_field_error(r, "aud_enterprise", "event_audience");
		bad++;
	}
	if (in->starts_at == NULL || in->ends_at == NULL || in->deadline == NULL)
		return bad + 1;
	if (strcmp(in->ends_at, in->starts_at) < 0) {
		req_field_error(r, "ends_at", "event_ends");
		bad++;
	}
	if (strcmp(in->deadline, in->starts_at) > 0) {
		req_field_error(r, "deadline", "event_deadline");
		bad++;
	}
	if (fresh && gmtime_r(&t, &tm) != NULL &&
	    strftime(now, sizeof now, "%Y-%m-%d %H:%M:%S", &tm) != 0 &&
	    strcmp(in->starts_at, now) <= 0) {
		req_field_error(r, "starts_at", "event_past");
		bad++;
	}
	return bad;
}

/*
 * GET /events/new (operators): the empty form.  POST: kind, title, body,
 * place and/or online link, start, end, registration deadline (Beijing
 * time), capacity, audience; a draft of the operator's region, 303 to
 * /events/{id}?done=created.  200 with the messages next to the fields
 * and the text as typed.
 */
int
handle_event_new(struct req *r)
{
	struct audit_actor	 a;
	struct event_input	 in;
	long long		 id;
	enum err		 rc;

	r->tmpl = TMPL_EVENT_EDIT;
	req_set(r, "Page.nav", "events_manage");
	req_set(r, "Edit.new", "1");
	if (r->method != HTTP_POST) {
		req_set(r, "Form.aud_enterprise.value", "1");
		return 200;
	}
	/* the checks across fields run too, so every message shows at once */
	if (input_of(r, &in, true) != 0 || r->nerrors > 0)
		return 200;
	req_actor(r, &a);
	if ((rc = event_create(r->app->db, &a, r->scope.region, &in, &id)) != ERR_OK)
		return status_of(rc);
	r->location = arena_printf(r->a, "/events/%lld?done=created", id);
	return r->location != NULL ? 303 : 500;
}

static void
form_time(struct req *r, const char *name, const char *utc)
{
	char when[32];

	if (time_beijing(utc, when, sizeof when) == 0)
		req_set(r, arena_printf(r->a, "Form.%s.value", name), when);
}

/*
 * GET /events/{id}/edit (an operator of its region, while not
 * cancelled): the form with the stored values.  POST: the fields of
 * /events/new and the version the form was opened at; a capacity raised
 * moves the waiting list up.  303 to /events/{id}?done=updated; 200 with
 * messages; 409 with the form kept when it changed meanwhile.
 */
int
handle_event_edit(struct req *r)
{
	const struct event	*e = r->obj;
	struct audit_actor	 a;
	struct event_input	 in;
	enum err		 rc;

	if (!manages(r, e))
		return not_manager(r, e);
	if (step_next(&event_machine, (int)e->state, EVA_EDIT) < 0)
		return 409;
	r->tmpl = TMPL_EVENT_EDIT;
	req_set(r, "Page.nav", "events_manage");
	req_setf(r, "Edit.id", "%lld", e->id);
	req_set(r, "Edit.title", e->title);
	if (r->method != HTTP_POST) {
		req_set(r, "Form.kind.value", event_kind_names[e->kind]);
		req_set(r, "Form.title.value", e->title);
		req_set(r, "Form.body.value", e->body);
		req_set(r, "Form.place.value", e->place);
		req_set(r, "Form.online_url.value", e->online_url);
		form_time(r, "starts_at", e->starts_at);
		form_time(r, "ends_at", e->ends_at);
		form_time(r, "deadline", e->deadline);
		req_setf(r, "Form.capacity.value", "%lld", e->capacity);
		for (int k = 0; k < EVU__MAX; k++)
			if (strstr(e->audience, event_aud_names[k]) != NULL)
				req_set(r, arena_printf(r->a, "Form.aud_%s.value",
				    event_aud_names[k]), "1");
		req_setf(r, "Form.version.value", "%u", e->version);
		return 200;
	}
	if (input_of(r, &in, false) != 0 || r->nerrors > 0)
		return 200;
	if (!r->f[EF_VERSION].present)
		return 400;
	req_actor(r, &a);
	rc = event_edit(r->app->db, &a, &r->scope, e->id,
	    (unsigned)r->f[EF_VERSION].i, &in);
	if (rc == ERR_NOTFOUND)
		return 404;
	if (rc == ERR_CONFLICT) {
		r->tmpl_on_4xx = true;
		req_set(r, "Edit.conflict", "1");
		req_setf(r, "Form.version.value", "%u", e->version);
		return 409;
	}
	if (rc != ERR_OK)
		return status_of(rc);
	r->location = arena_printf(r->a, "/events/%lld?done=updated", e->id);
	return r->location != NULL ? 303 : 500;
}

static int
state_step(struct req *r, int action, const char *done)
{
	const struct event	*e = r->obj;
	struct audit_actor	 a;
	enum err		 rc;

	if (!manages(r, e))
		return not_manager(r, e);
	req_actor(r, &a);
	rc = event_step(r->app->db, &a, &r->scope, e->id, action);
	if (rc == ERR_NOTFOUND)
		return 404;
	if (rc == ERR_CONFLICT)
		return 409;
	if (rc != ERR_OK)
		return status_of(rc);
	r->location = arena_printf(r->a, "/events/%lld?done=%s", e->id, done);
	return r->location != NULL ? 303 : 500;
}

/* POST /events/{id}/publish (an operator of its region): the draft is
 * shown to its audience.  303; 409 when not a draft. */
int
handle_event_publish(struct req *r)
{
	return state_step(r, EVA_PUBLISH, "published");
}

/* POST /events/{id}/withdraw (an operator of its region): the event is
 * cancelled, every registrant told by a notice and an SMS.  303; 409
 * when already cancelled. */
int
handle_event_withdraw(struct req *r)
{
	return state_step(r, EVA_WITHDRAW, "withdrawn");
}

static const char *
reg_time(struct req *r, const char *utc)
{
	char *when = arena_alloc(r->a, 32);

	if (when == NULL || time_beijing(utc, when, 32) != 0)
		return "";
	return when;
}

/*
 * GET /events/{id}/attendees (operators, supervisors of its region):
 * every registration, seats first, then the waiting list in order, then
 * the cancelled; operators mark attendance once the event has started.
 */
int
handle_event_attendees(struct req *r)
{
	const struct event	*e = r->obj;
	struct event_reg_list	 l;
	HDF			*n = NULL;
	enum err		 rc;

	if (!manages(r, e))
		return not_manager(r, e);
	r->tmpl = TMPL_EVENT_ATTENDEES;
	req_set(r, "Page.nav", "events_manage");
	if (hdf_get_node(r->hdf, "Event", &n) != STATUS_OK ||
	    event_to_node(r, n, e) == -1)
		return 500;
	if (e->started && r->sess->user.role == ROLE_OPERATOR)
		req_set(r, "Can.mark", "1");
	done_to_hdf(r, EI_DONE);
	if ((rc = event_regs(r->app->db, r->a, &r->scope, e->id, &l)) != ERR_OK)
		return status_of(rc);
	for (size_t i = 0; i < l.n; i++) {
		HDF *row = req_row(r, "Regs.rows", i);

		if (row == NULL ||
		    node_set(row, "id", arena_printf(r->a, "%lld", l.v[i].id)) == -1 ||
		    node_set(row, "no", arena_printf(r->a, "%zu", i + 1)) == -1 ||
		    node_set(row, "username", l.v[i].username) == -1 ||
		    node_set(row, "real_name", l.v[i].real_name) == -1 ||
		    node_set(row, "org", l.v[i].org) == -1 ||
		    node_set(row, "role", l.v[i].role) == -1 ||
		    node_set(row, "state", event_reg_state_names[l.v[i].state]) == -1 ||
		    node_set(row, "queued", reg_time(r, l.v[i].queued_at)) == -1)
			return 500;
	}
	return 200;
}

/*
 * GET /events/{id}/attendees.csv (operators, supervisors of its region):
 * the attendee list as a UTF-8 CSV with a BOM, RFC 4180 quoting and
 * formula-like cells made inert (lib/formats/csv.h).  Audited as
 * "event.export".
 */
int
handle_event_attendees_csv(struct req *r)
{
	static const char *const head[] = { "序号", "用户名", "姓名", "机构",
	    "身份", "状态", "报名时间（北京时间）" };
	const struct event	*e = r->obj;
	struct event_reg_list	 l;
	struct audit_actor	 a;
	struct csv		*c;
	const char		*body;
	size_t			 len;
	enum err		 rc;

	if (!manages(r, e))
		return not_manager(r, e);
	if ((rc = event_regs(r->app->db, r->a, &r->scope, e->id, &l)) != ERR_OK)
		return status_of(rc);
	if ((c = csv_new(r->a, true)) == NULL)
		return 500;
	for (size_t i = 0; i < sizeof head / sizeof head[0]; i++)
		if (csv_field(c, head[i]) == -1)
			return 500;
	if (csv_end_row(c) == -1)
		return 500;
	for (size_t i = 0; i < l.n; i++) {
		const char *role = views_str(r->app->views,
		    arena_printf(r->a, "Role.%s", l.v[i].role));
		const char *st = views_str(r->app->views, arena_printf(r->a,
		    "EventReg.%s", event_reg_state_names[l.v[i].state]));

		if (csv_field_ll(c, (long long)i + 1) == -1 ||
		    csv_field(c, l.v[i].username) == -1 ||
		    csv_field(c, l.v[i].real_name) == -1 ||
		    csv_field(c, l.v[i].org) == -1 ||
		    csv_field(c, role != NULL ? role : l.v[i].role) == -1 ||
		    csv_field(c, st != NULL ? st : "") == -1 ||
		    csv_field(c, reg_time(r, l.v[i].queued_at)) == -1 ||
		    csv_end_row(c) == -1)
			return 500;
	}
	if ((body = csv_data(c, &len)) == NULL)
		return 500;
	req_actor(r, &a);
	if ((rc = audit_write1(r->app->db, &a, "event.export", "event",
	    arena_printf(r->a, "%lld", e->id), AUDIT_OK,
	    arena_printf(r->a, "%zu rows", l.n))) != ERR_OK)
		return status_of(rc);
	r->body_out = body;
	r->body_len = len;
	r->ctype = "text/csv; charset=utf-8";
	req_header(r, "Content-Disposition", arena_printf(r->a,
	    "attachment; filename=\"event-%lld-attendees.csv\"", e->id));
	return 200;
}

/*
 * POST /events/{id}/attendance (an operator of its region): reg (a
 * registration of this event), mark attended|absent, once the event has
 * started.  303 to /events/{id}/attendees?done=marked; 400 without a
 * valid field; 409 before the start or when the state refuses (a
 * cancelled or waiting registration); 404 for another event's.
 */
int
handle_event_attendance(struct req *r)
{
	const struct event	*e = r->obj;
	struct audit_actor	 a;
	enum err		 rc;

	if (!manages(r, e))
		return not_manager(r, e);
	if (r->nerrors > 0)
		return 400;
	req_actor(r, &a);
	rc = event_mark(r->app->db, &a, &r->scope, e->id, r->f[EA_REG].i,
	    strcmp(r->f[EA_MARK].s, "attended") == 0 ? ERA_ATTEND : ERA_ABSENT);
	if (rc == ERR_NOTFOUND)
		return 404;
	if (rc == ERR_CONFLICT)
		return 409;
	if (rc != ERR_OK)
		return status_of(rc);
	r->location = arena_printf(r->a, "/events/%lld/attendees?done=marked", e->id);
	return r->location != NULL ? 303 : 500;
}
