/*
 * objections.c -- an enterprise disputes information about it, the source
 * agency answers within 20 days (issue 15, R-08.2e, X-AUD, X-SEC).
 *
 * Internet (the enterprise): GET /objections (its own, newest first);
 * GET|POST /objections/new (?record=ID from the report's 提出异议 link, or
 * ?subject=registration; multipart: kind, should_say, reason, commit,
 * file, file2, file3); GET /objections/{id} (the objection, the record as
 * it stands, its history, the evidence, the reply); /objections/{id}/form
 * (the printable objection with the commitment and the signature line);
 * /objections/{id}/reply (the numbered written reply, once there is one).
 *
 * Intranet: the same pages for the source agency's gov users and the
 * region's offices; POST /objections/{id}/step (action, version, note; a
 * correction also the record's new values v0.., period_end) for the
 * organisation answering it (objection_step checks it under the lock).
 *
 * Scope: the objection is loaded by the dispatcher (OBJ_OBJECTION,
 * objection_get with the reader's scope: 404 outside it); its record,
 * events and files are read through it.
 */
#include <stdio.h>
#include <string.h>

#include "accounts/scope.h"
#include "core/timefmt.h"
#include "core/utf8.h"
#include "credit/credit_cat.h"
#include "credit/credit_view.h"
#include "credit/objection.h"
#include "store/files.h"
#include "routes.h"

#define OBJ_PER_PAGE	20
#define OBJ_PAGE_MAX	500

/* GET /objections */
enum { OL_STATUS, OL_PAGE, OL__MAX };
static const char *const list_status_choices[] = {
	"open", "overdue", "filed", "accepted", "refused", "checked", "corrected",
	"removed", "kept", "unconfirmed", NULL,
};
static const struct field list_fields[OL__MAX] = {
	[OL_STATUS] = { .name = "status", .kind = FK_CHOICE, .choices = list_status_choices },
	[OL_PAGE] = { .name = "page", .kind = FK_INT, .min = 1, .max = OBJ_PAGE_MAX },
};
const struct form obj_list_form = { list_fields, OL__MAX };

/* GET|POST /objections/new */
enum { ON_RECORD, ON_SUBJECT, ON_KIND, ON_SHOULD, ON_REASON, ON_COMMIT,
	ON_FILE, ON_FILE2, ON_FILE3, ON__MAX };
static const char *const subject_choices[] = { "record", "registration", NULL };
static const char *const kind_choices[] = { "wrong", "missing", "duplicate",
	"not_public", "over_term", "inconsistent", NULL };
static const struct field new_fields[ON__MAX] = {
	[ON_RECORD] = { .name = "record", .kind = FK_INT, .min = 1, .max = 999999999999LL },
	[ON_SUBJECT] = { .name = "subject", .kind = FK_CHOICE, .choices = subject_choices },
	[ON_KIND] = { .name = "kind", .kind = FK_CHOICE, .flags = F_REQUIRED, .choices = kind_choices },
	[ON_SHOULD] = { .name = "should_say", .kind = FK_MULTILINE, .flags = F_REQUIRED | F_TRIM, .maxlen = OBJ_TEXT_MAX },
	[ON_REASON] = { .name = "reason", .kind = FK_MULTILINE, .flags = F_REQUIRED | F_TRIM, .maxlen = OBJ_TEXT_MAX },
	[ON_COMMIT] = { .name = "commit", .kind = FK_BOOL },
	[ON_FILE] = { .name = "file", .kind = FK_FILE },
	[ON_FILE2] = { .name = "file2", .kind = FK_FILE },
	[ON_FILE3] = { .name = "file3", .kind = FK_FILE },
};
const struct form obj_new_form = { new_fields, ON__MAX };

/* POST /objections/{id}/step */
enum { OS_ACTION, OS_VERSION, OS_NOTE, OS_PERIOD, OS_V0, OS__MAX = OS_V0 + CREDIT_COLS_MAX };
static const char *const action_choices[] = { "accept", "refuse", "check", "correct",
	"remove", "keep", "unconfirm", "take_over", NULL };
static const struct field step_fields[OS__MAX] = {
	[OS_ACTION] = { .name = "action", .kind = FK_CHOICE, .flags = F_REQUIRED, .choices = action_choices },
	[OS_VERSION] = { .name = "version", .kind = FK_INT, .flags = F_REQUIRED, .min = 0, .max = 4294967295LL },
	[OS_NOTE] = { .name = "note", .kind = FK_MULTILINE, .flags = F_TRIM, .maxlen = OBJ_TEXT_MAX },
	[OS_PERIOD] = { .name = "period_end", .kind = FK_DATE, .flags = F_TRIM },
#define V(i)	[OS_V0 + i] = { .name = "v" #i, .kind = FK_MULTILINE, .flags = F_TRIM, .maxlen = 500 }
	V(0), V(1), V(2), V(3), V(4), V(5), V(6), V(7), V(8), V(9),
	V(10), V(11), V(12), V(13), V(14), V(15), V(16), V(17), V(18), V(19),
#undef V
};
_Static_assert(CREDIT_COLS_MAX == 20, "one field v<i> per column");
const struct form obj_step_form = { step_fields, OS__MAX };

static void
today_str(char out[16])
{
	int y, m, d;

	beijing_today(&y, &m, &d);
	snprintf(out, 16, "%04d-%02d-%02d", y % 10000, m % 100, d % 100);
}

/* A UTC time as Beijing time ("" for none). */
static const char *
bj(struct req *r, const char *utc)
{
	char out[32];

	if (utc == NULL || *utc == '\0' || time_beijing(utc, out, sizeof out) != 0)
		return "";
	return arena_strdup(r->a, out);
}

/* The Beijing day of a UTC time ("" for none). */
static const char *
bj_day(struct req *r, const char *utc)
{
	const char *s = bj(r, utc);

	return strlen(s) >= 10 ? arena_strndup(r->a, s, 10) : s;
}

static bool
internet(const struct req *r)
{
	return r->app->cfg->portal == PORTAL_INTERNET;
}

/* "12 KB", "1.5 MB" */
static const char *
size_text(struct req *r, long long n)
{
	if (n < 1024 * 1024)
		return arena_printf(r->a, "%lld KB", (n + 1023) / 1024);
	return arena_printf(r->a, "%.1f MB", (double)n / (1024.0 * 1024.0));
}

/* The objection's facts under `node` (a list row or "Obj"), with the
 * clock: days left while open, overdue. */
static int
obj_to_node(struct req *r, HDF *n, const struct objection *o, const char *today)
{
	bool	open = obj_status_open(o->status);
	int	left = obj_days_left(o->due_date, today);

	if (node_set(n, "id", arena_printf(r->a, "%lld", o->id)) == -1 ||
	    node_set(n, "ent", o->ent_name) == -1 ||
	    node_set(n, "uscc", o->uscc) == -1 ||
	    node_set(n, "region", o->region_name) == -1 ||
	    node_set(n, "subject", obj_subject_name(o->subject)) == -1 ||
	    node_set(n, "record", arena_printf(r->a, "%lld", o->record_id)) == -1 ||
	    node_set(n, "agency", o->agency_name) == -1 ||
	    node_set(n, "batch", arena_printf(r->a, "%lld", o->batch_id)) == -1 ||
	    node_set(n, "kind", obj_kind_name(o->kind)) == -1 ||
	    node_set(n, "should_say", o->should_say) == -1 ||
	    node_set(n, "reason", o->reason) == -1 ||
	    node_set(n, "status", obj_status_name(o->status)) == -1 ||
	    node_set(n, "version", arena_printf(r->a, "%u", o->version)) == -1 ||
	    node_set(n, "handler", o->by_office ? "office" : "agency") == -1 ||
	    node_set(n, "filer", o->filer_name) == -1 ||
	    node_set(n, "filed_at", bj(r, o->filed_at)) == -1 ||
	    node_set(n, "filed_day", bj_day(r, o->filed_at)) == -1 ||
	    node_set(n, "accept_by", o->accept_by) == -1 ||
	    node_set(n, "due", o->due_date) == -1 ||
	    node_set(n, "accepted_at", bj(r, o->accepted_at)) == -1 ||
	    node_set(n, "checked_at", bj(r, o->checked_at)) == -1 ||
	    node_set(n, "closed_at", bj(r, o->closed_at)) == -1 ||
	    node_set(n, "closed_day", bj_day(r, o->closed_at)) == -1 ||
	    node_set(n, "check_note", o->check_note) == -1 ||
	    node_set(n, "outcome_note", o->outcome_note) == -1 ||
	    node_set(n, "corr_agency", o->corr_agency) == -1 ||
	    node_set(n, "reply_no", o->reply_no) == -1 ||
	    (obj_status_marks(o->status) && node_set(n, "marks", "1") == -1) ||
	    (open && node_set(n, "open", "1") == -1) ||
	    (open && node_set(n, "left", arena_printf(r->a, "%d", left < 0 ? 0 : left)) == -1) ||
	    (open && left < 0 && node_set(n, "overdue", arena_printf(r->a, "%d", -left)) == -1))
		return -1;
	return 0;
}

/* --- the list ---------------------------------------------------------- */

/*
 * GET /objections (the enterprise its own; the agency's gov users those on
 * their records; the offices their region's): status (open, overdue, a
 * state), page; 20 a page, newest first, each with its clock (days left,
 * overdue).  The count of overdue ones heads the list.  200.
 */
int
handle_objections(struct req *r)
{
	struct objection_list	 l;
	struct obj_filter	 f;
	struct pager		 pg;
	long long		 overdue = 0;
	char			 today[16];
	enum err		 rc;
	const char		*st = r->f[OL_STATUS].present && r->f[OL_STATUS].error == NULL ?
				    r->f[OL_STATUS].s : "";

	r->tmpl = TMPL_OBJECTIONS;
	req_set(r, "Page.nav", "objections");
	today_str(today);
	req_pager_init(r, OL_PAGE, OBJ_PER_PAGE, OBJ_PAGE_MAX, &pg);
	memset(&f, 0, sizeof f);
	f.status = st;
	f.today = today;
	f.page = (size_t)pg.page - 1;
	f.per = OBJ_PER_PAGE;
	if ((rc = objection_list(r->app->db, r->a, &r->scope, &f, &l)) != ERR_OK ||
	    (rc = objection_overdue_count(r->app->db, &r->scope, today, &overdue)) != ERR_OK)
		return status_of(rc);
	for (size_t i = 0; i < l.n; i++) {
		HDF *row = req_row(r, "Objections", i);

		if (row == NULL || obj_to_node(r, row, &l.v[i], today) == -1)
			return 500;
	}
	if (req_set(r, "Filter.status", st) == -1 ||
	    req_setf(r, "Overdue.count", "%lld", overdue) == -1)
		return 500;
	pg.total = l.total;
	pg.capped = l.total > OBJ_LIST_MAX;
	return req_pager(r, &pg, arena_printf(r->a, "/objections?status=%s&", st)) == -1 ?
	    500 : 200;
}

/* --- filing ------------------------------------------------------------ */

/* The record an enterprise disputes: a current one of its own.  0, or
 * the status (404: none such). */
static int
own_record(struct req *r, long long id, struct credit_record_one *rec)
{
	const struct user	*u = &r->sess->user;
	char			 today[16];
	enum err		 rc;

	today_str(today);
	if ((rc = credit_record_get(r->app->db, r->a, id, rec)) != ERR_OK)
		return status_of(rc);
	if (rec->enterprise_id != u->org_id || !rec->shown ||
	    (rec->rec.period_end != NULL && strcmp(rec->rec.period_end, today) < 0))
		return 404;
	return 0;
}

static int
record_brief_to_hdf(struct req *r, const char *prefix, const struct credit_record *x)
{
	if (req_setf(r, arena_printf(r->a, "%s.id", prefix), "%lld", x->id) == -1 ||
	    req_set(r, arena_printf(r->a, "%s.category", prefix), x->category) == -1 ||
	    req_set(r, arena_printf(r->a, "%s.date_label", prefix), x->date_label) == -1 ||
	    req_set(r, arena_printf(r->a, "%s.date", prefix), x->decision_date) == -1 ||
	    req_set(r, arena_printf(r->a, "%s.agency", prefix), x->agency_name) == -1)
		return -1;
	return 0;
}

/* The filing page answering `st`. */
static int
new_page(struct req *r, int st)
{
	r->tmpl = TMPL_OBJECTION_NEW;
	r->tmpl_on_4xx = true;
	req_set(r, "Page.nav", "objections");
	req_setf(r, "Obj.max_mb", "%zu", r->app->cfg->attachment_max >> 20);
	req_setf(r, "Obj.days", "%d", OBJ_DAYS);
	return st;
}

/*
 * GET /objections/new?record=ID | ?subject=registration (the enterprise):
 * the form, naming the record (category, date, source agency) or the
 * registration facts.  POST (multipart): files the objection
 * (objection_file) and 303 to /objections/{id}?done=filed; 400 with the
 * form, the messages next to the fields and what was typed; 409 when an
 * objection on it is already open; 404 for a record that is not a current
 * one of its own.
 */
int
handle_objection_new(struct req *r)
{
	const struct config	*cfg = r->app->cfg;
	const struct user	*u = &r->sess->user;
	struct credit_record_one rec;
	struct files_in		 in[OBJ_FILES_MAX];
	struct obj_filing	 f;
	struct audit_actor	 a;
	size_t			 nin = 0, saved = 0;
	long long		 id = 0;
	bool			 reg;
	char			 today[16];
	const char		*key;
	enum err		 rc = ERR_OK;
	int			 st;

	if (strcmp(u->org_kind, "enterprise") != 0 || u->org_id <= 0)
		return req_forbidden(r, "user", u->id, "not an enterprise account");
	reg = r->f[ON_SUBJECT].present && r->f[ON_SUBJECT].error == NULL &&
	    strcmp(r->f[ON_SUBJECT].s, "registration") == 0;
	if (!reg) {
		if (!r->f[ON_RECORD].present || r->f[ON_RECORD].error != NULL)
			return 404;
		if ((st = own_record(r, r->f[ON_RECORD].i, &rec)) != 0)
			return st;
		if (record_brief_to_hdf(r, "Record", &rec.rec) == -1)
			return 500;
	}
	if (req_set(r, "Obj.subject", reg ? "registration" : "record") == -1 ||
	    req_set(r, "Ent.name", u->org_name) == -1)
		return 500;
	if (r->method != HTTP_POST) {
		/* the form as GET sent it carries no error */
		for (int i = ON_KIND; i < ON__MAX; i++)
			r->f[i].error = NULL;
		return new_page(r, 200);
	}
	if (r->f[ON_SHOULD].error != NULL)
		req_field_error(r, "should_say", strcmp(r->f[ON_SHOULD].error, "required") == 0 ?
		    "obj_should_empty" : "obj_text_long");
	if (r->f[ON_REASON].error != NULL)
		req_field_error(r, "reason", strcmp(r->f[ON_REASON].error, "required") == 0 ?
		    "obj_reason_empty" : "obj_text_long");
	if (r->f[ON_KIND].error != NULL)
		req_field_error(r, "kind", "obj_kind");
	if (!r->f[ON_COMMIT].present || r->f[ON_COMMIT].i != 1)
		req_field_error(r, "commit", "obj_commit");
	for (int i = ON_FILE; i <= ON_FILE3; i++) {
		if (!r->f[i].present || r->f[i].error != NULL)
			continue;
		if ((key = files_accept(r->a, r->f[i].file, cfg->attachment_max,
		    &in[nin])) != NULL) {
			req_field_error(r, new_fields[i].name, key);
			continue;
		}
		nin++;
	}
	if (r->nerrors > 0)
		return new_page(r, 400);
	for (; saved < nin; saved++)
		if ((rc = files_save(cfg->files, &in[saved])) != ERR_OK)
			break;
	if (saved == nin) {
		memset(&f, 0, sizeof f);
		f.enterprise_id = u->org_id;
		f.subject = reg ? OSUB_REGISTRATION : OSUB_RECORD;
		f.record_id = reg ? 0 : rec.rec.id;
		f.kind = (enum obj_kind)obj_kind_parse(r->f[ON_KIND].s);
		f.should_say = r->f[ON_SHOULD].s;
		f.reason = r->f[ON_REASON].s;
		f.committed = true;
		f.files = in;
		f.nfiles = nin;
		today_str(today);
		req_actor(r, &a);
		rc = objection_file(r->app->db, &a, &f, today, &id);
	}
	if (rc != ERR_OK) {
		for (size_t i = 0; i < saved; i++)
			files_discard(cfg->files, &in[i]);
		switch (rc) {
		case ERR_CONFLICT:
			req_set(r, "Refused", views_str(r->app->views, "Err.obj_open"));
			return new_page(r, 409);
		case ERR_INVAL:
			req_field_error(r, "reason", "obj_reason_empty");
			return new_page(r, 400);
		default:
			return status_of(rc);
		}
	}
	r->location = arena_printf(r->a, "/objections/%lld?done=filed", id);
	return r->location != NULL ? 303 : 500;
}

/* --- one objection ------------------------------------------------------ */

/* The values of content `json` of category `cat` as Prefix.<i>.label/value
 * (every column, empty ones too when `all`). */
static int
content_to_hdf(struct req *r, HDF *node, const struct credit_category *cat,
    const char *json, const char *other)
{
	size_t k = 0;

	if (cat == NULL)
		return 0;
	for (size_t i = 0; i < cat->ncols; i++) {
		const char	*v = credit_content_get(r->a, json, cat->cols[i].code);
		const char	*w = other != NULL ?
				    credit_content_get(r->a, other, cat->cols[i].code) : NULL;
		HDF		*f;

		if (v == NULL)
			v = "";
		/* a correction shows the columns it changed */
		if (other != NULL && w != NULL && strcmp(v, w) == 0)
			continue;
		if (hdf_get_node(node, arena_printf(r->a, "%zu", k++), &f) != STATUS_OK ||
		    node_set(f, "label", cat->cols[i].label) == -1 ||
		    node_set(f, "value", v) == -1 ||
		    node_set(f, "old", w != NULL ? w : "") == -1)
			return -1;
	}
	return 0;
}

/* Everything the pages of objection o show: its facts, the record as it
 * stands, its files, the events of the objection and the record's
 * history (every objection on it). */
static int
obj_page(struct req *r, const struct objection *o)
{
	struct credit_record_one rec;
	struct files_row	*fv = NULL;
	struct obj_event	*ev = NULL;
	size_t			 fn = 0, en = 0;
	HDF			*n;
	char			 today[16];
	enum err		 rc;

	today_str(today);
	req_set(r, "Page.nav", "objections");
	if (hdf_get_node(r->hdf, "Obj", &n) != STATUS_OK || n == NULL ||
	    obj_to_node(r, n, o, today) == -1)
		return 500;
	memset(&rec, 0, sizeof rec);
	if (o->record_id > 0) {
		if ((rc = credit_record_get(r->app->db, r->a, o->record_id, &rec)) != ERR_OK)
			return status_of(rc);
		if (record_brief_to_hdf(r, "Record", &rec.rec) == -1 ||
		    req_set(r, "Record.period_end", rec.rec.period_end != NULL ?
		    rec.rec.period_end : "") == -1 ||
		    (rec.shown && req_set(r, "Record.shown", "1") == -1))
			return 500;
		for (size_t j = 0; j < rec.rec.nfields; j++) {
			HDF *f = req_row(r, "Record.fields", j);

			if (f == NULL ||
			    node_set(f, "label", rec.rec.fields[j].label) == -1 ||
			    node_set(f, "value", rec.rec.fields[j].value) == -1)
				return 500;
		}
	}
	if ((rc = files_list(r->app->db, r->a, OBJ_FILE_OWNER, o->id, &fv, &fn)) != ERR_OK)
		return status_of(rc);
	for (size_t i = 0; i < fn; i++) {
		HDF *f = req_row(r, "Files", i);

		if (f == NULL ||
		    node_set(f, "id", arena_printf(r->a, "%lld", fv[i].id)) == -1 ||
		    node_set(f, "name", *fv[i].filename != '\0' ? fv[i].filename :
		    arena_printf(r->a, "file-%lld.%s", fv[i].id, files_type_name(fv[i].type))) == -1 ||
		    node_set(f, "type", files_type_name(fv[i].type)) == -1 ||
		    node_set(f, "size", size_text(r, fv[i].size)) == -1)
			return 500;
	}
	/* the record's history: every objection on it; registration facts:
	 * this objection's */
	if ((rc = objection_events(r->app->db, r->a, o->record_id > 0 ? 0 : o->id,
	    o->record_id, &ev, &en)) != ERR_OK)
		return status_of(rc);
	for (size_t i = 0; i < en; i++) {
		HDF *e = req_row(r, "History", i);

		if (e == NULL ||
		    node_set(e, "objection", arena_printf(r->a, "%lld", ev[i].objection_id)) == -1 ||
		    (ev[i].objection_id == o->id && node_set(e, "this", "1") == -1) ||
		    node_set(e, "at", bj(r, ev[i].at)) == -1 ||
		    node_set(e, "action", ev[i].action) == -1 ||
		    node_set(e, "org_kind", ev[i].org_kind) == -1 ||
		    node_set(e, "org", ev[i].org_name) == -1 ||
		    /* the enterprise sees organisations, not the staff's names */
		    node_set(e, "user", internet(r) && strcmp(ev[i].org_kind, "enterprise") != 0 ?
		    "" : ev[i].user_name) == -1 ||
		    node_set(e, "note", ev[i].note) == -1)
			return 500;
		if (*ev[i].new_content != '\0') {
			HDF *c;

			if (hdf_get_node(e, "changes", &c) != STATUS_OK ||
			    content_to_hdf(r, c, rec.cat, ev[i].new_content,
			    ev[i].old_content) == -1)
				return 500;
		}
	}
	return 0;
}

/* The steps the reader may take now, and the correction's inputs. */
static int
steps_to_hdf(struct req *r, const struct objection *o)
{
	const struct scope	*sc = &r->scope;
	bool			 op = sc->role == ROLE_OPERATOR;
	bool			 agency = sc->role == ROLE_GOV && sc->org_kind != NULL &&
				    strcmp(sc->org_kind, "agency") == 0 && sc->org_id == o->agency_id;
	bool			 answers = o->by_office ? op : agency;
	char			 today[16];

	if (internet(r))
		return 0;
	today_str(today);
	for (int a = 0; a < OA__MAX; a++) {
		if (step_next(&objection_machine, (int)o->status, a) < 0)
			continue;
		if (a == OA_TAKE_OVER ? !(op && !o->by_office) : !answers)
			continue;
		if (a == OA_REFUSE && strcmp(today, o->accept_by) > 0)
			continue;
		if (req_set(r, arena_printf(r->a, "Can.%s", obj_action_name(a)), "1") == -1)
			return -1;
		if (req_set(r, "Can.any", "1") == -1)
			return -1;
	}
	/* a correction of a record: its columns with the values as they stand */
	if (o->status == OST_CHECKED && answers && o->record_id > 0) {
		struct credit_record_one rec;

		if (credit_record_get(r->app->db, r->a, o->record_id, &rec) != ERR_OK ||
		    rec.cat == NULL)
			return 0;
		for (size_t i = 0; i < rec.cat->ncols; i++) {
			const char	*v = credit_content_get(r->a, rec.content,
					    rec.cat->cols[i].code);
			const char	*name = arena_printf(r->a, "v%zu", i);
			HDF		*c = req_row(r, "Correct", i);
			const char	*typed = r->method == HTTP_POST ? req_raw(r, name) : NULL;

			if (c == NULL || name == NULL ||
			    node_set(c, "name", name) == -1 ||
			    node_set(c, "label", rec.cat->cols[i].label) == -1 ||
			    node_set(c, "value", typed != NULL ? typed : v != NULL ? v : "") == -1 ||
			    node_set(c, "max", arena_printf(r->a, "%u", rec.cat->cols[i].max_len)) == -1)
				return -1;
		}
		if (rec.cat->has_period && req_set(r, "Correct_period",
		    rec.rec.period_end != NULL ? rec.rec.period_end : "") == -1)
			return -1;
	}
	return 0;
}

static int
view_page(struct req *r, const struct objection *o, int st)
{
	int s;

	r->tmpl = TMPL_OBJECTION;
	r->tmpl_on_4xx = true;
	if ((s = obj_page(r, o)) != 0)
		return s;
	if (steps_to_hdf(r, o) == -1)
		return 500;
	return st;
}

/*
 * GET /objections/{id} (both portals, in scope): the objection, the
 * clock, the record as it stands, the evidence, the record's history and
 * the reply; on the intranet the steps the reader's organisation may take
 * now.  200.
 */
int
handle_objection(struct req *r)
{
	const char *done = req_raw(r, "done");

	if (done != NULL && strlen(done) <= 20 && strspn(done, "abcdefghijklmnopqrstuvwxyz_") ==
	    strlen(done))
		req_set(r, "Done", done);
	return view_page(r, r->obj, 200);
}

/* GET /objections/{id}/form: the objection as filed, for print (A4),
 * with the commitment and the signature line. */
int
handle_objection_form(struct req *r)
{
	int st;

	r->tmpl = TMPL_OBJECTION_FORM;
	if ((st = obj_page(r, r->obj)) != 0)
		return st;
	req_set(r, "Page.layout", "print");
	return 200;
}

/* GET /objections/{id}/reply: the numbered written reply, for print; a
 * notice while there is none yet. */
int
handle_objection_reply(struct req *r)
{
	const struct objection	*o = r->obj;
	int			 st;

	r->tmpl = TMPL_OBJECTION_REPLY;
	if ((st = obj_page(r, o)) != 0)
		return st;
	if (*o->reply_no != '\0')
		req_set(r, "Page.layout", "print");
	return 200;
}

/* files_read's check: the files of this objection, in the reader's scope. */
struct file_ctx {
	struct req	*r;
	long long	 id;
};

static enum err
file_may(void *ctx, const char *owner_kind, long long owner_id)
{
	struct file_ctx *c = ctx;

	if (strcmp(owner_kind, OBJ_FILE_OWNER) != 0 || owner_id != c->id)
		return ERR_NOTFOUND;
	return objection_file_owner(c->r->app->db, c->r->a, &c->r->scope, owner_id);
}

/* GET /objections/{id}/files/{fid}: an evidence file, as a download; 404
 * for another objection's file or outside the scope. */
int
handle_objection_file(struct req *r)
{
	const struct objection	*o = r->obj;
	struct file_ctx		 c = { r, o->id };
	struct files_row	 row;
	const unsigned char	*data = NULL;
	enum err		 rc;

	rc = files_read(r->app->db, r->a, r->app->cfg->files,
	    route_arg_int(&r->args, "fid"), file_may, &c, &row, &data);
	if (rc != ERR_OK)
		return status_of(rc);
	return req_file(r, &row, data);
}

/* --- the steps ------------------------------------------------------------ */

/* The record's new content from v0.. (a correction): NULL with the
 * messages next to the fields, or the JSON. */
static const char *
correction(struct req *r, const struct objection *o, const char **period)
{
	struct credit_record_one rec;
	const char		*vals[CREDIT_COLS_MAX];
	const char		*key, *out, *json;
	bool			 changed = false;

	*period = NULL;
	if (credit_record_get(r->app->db, r->a, o->record_id, &rec) != ERR_OK ||
	    rec.cat == NULL)
		return NULL;
	for (size_t i = 0; i < rec.cat->ncols; i++) {
		const struct fval	*v = &r->f[OS_V0 + i];
		const char		*name = arena_printf(r->a, "v%zu", i);
		const char		*old = credit_content_get(r->a, rec.content,
					    rec.cat->cols[i].code);

		vals[i] = "";
		if (v->error != NULL) {
			req_field_error(r, name, "credit_too_long");
			continue;
		}
		if ((key = credit_value_check(r->a, &rec.cat->cols[i], v->present ? v->s : "",
		    v->present ? v->len : 0, &out)) != NULL) {
			req_field_error(r, name, key);
			continue;
		}
		vals[i] = out;
		if (old == NULL || strcmp(old, out) != 0)
			changed = true;
	}
	if (r->f[OS_PERIOD].present) {
		if (r->f[OS_PERIOD].error != NULL)
			req_field_error(r, "period_end", "credit_date");
		else {
			*period = r->f[OS_PERIOD].s;
			if (rec.rec.period_end == NULL || strcmp(*period, rec.rec.period_end) != 0)
				changed = true;
			if (strcmp(*period, rec.rec.decision_date) < 0)
				req_field_error(r, "period_end", "date_order");
		}
	}
	if (r->nerrors > 0)
		return NULL;
	if (!changed) {
		req_field_error(r, "v0", "obj_no_change");
		return NULL;
	}
	if ((json = credit_content_encode(r->a, rec.cat, vals)) == NULL)
		return NULL;
	return json;
}

/*
 * POST /objections/{id}/step (the answering organisation; csrf_token):
 * action (accept, refuse, check, correct, remove, keep, unconfirm,
 * take_over), version (the page's), note (required but for accept and
 * take_over), a correction's v<i> and period_end.  303 to
 * /objections/{id}?done=<action>; 400 with the page and the messages next
 * to the fields; 409 with the page for a stale page, a state that takes no
 * such step, or a refusal after the 2 working days; 403 (audited) for an
 * organisation that does not answer it.
 */
int
handle_objection_step(struct req *r)
{
	const struct objection	*o = r->obj;
	struct obj_step_in	 in;
	struct audit_actor	 a;
	enum obj_refusal	 why = OREF_NONE;
	enum obj_action		 act;
	char			 today[16];
	enum err		 rc;
	int			 k;

	if (r->f[OS_ACTION].error != NULL || r->f[OS_VERSION].error != NULL ||
	    (k = obj_action_parse(r->f[OS_ACTION].s)) < 0)
		return 400;
	act = (enum obj_action)k;
	memset(&in, 0, sizeof in);
	today_str(today);
	in.today = today;
	in.note = r->f[OS_NOTE].present ? r->f[OS_NOTE].s : "";
	if (r->f[OS_NOTE].error != NULL)
		req_field_error(r, "note", "obj_text_long");
	else if (act != OA_ACCEPT && act != OA_TAKE_OVER && *in.note == '\0')
		req_field_error(r, "note", act == OA_REFUSE ? "obj_refuse_reason" :
		    "obj_note_empty");
	if (act == OA_CORRECT && o->record_id > 0 && r->nerrors == 0 &&
	    (in.new_content = correction(r, o, &in.new_period_end)) == NULL &&
	    r->nerrors == 0)
		return 500;
	if (r->nerrors > 0) {
		req_set(r, "Form.action", obj_action_name(act));
		return view_page(r, o, 400);
	}
	req_actor(r, &a);
	rc = objection_step(r->app->db, &a, &r->scope, o->id,
	    (unsigned)r->f[OS_VERSION].i, act, &in, &why);
	switch (rc) {
	case ERR_OK:
		break;
	case ERR_CONFLICT:
		req_set(r, "Refused", views_str(r->app->views, why == OREF_LATE ?
		    "Err.obj_refuse_late" : "Err.obj_stale"));
		return view_page(r, o, 409);
	case ERR_INVAL:
		req_field_error(r, "note", "obj_note_empty");
		return view_page(r, o, 400);
	case ERR_FORBIDDEN:
		/* audited by the step (AUDIT_DENIED) */
		req_set(r, "Refused", views_str(r->app->views, "Err.obj_not_handler"));
		return view_page(r, o, 403);
	default:
		return status_of(rc);
	}
	r->location = arena_printf(r->a, "/objections/%lld?done=%s", o->id,
	    obj_action_name(act));
	return r->location != NULL ? 303 : 500;
}

/* The mark 有异议 of enterprise ent_id's registration facts as RegMark.*
 * (profile.c, enterprises.c): 0, or -1 on error. */
int
objection_reg_mark_to_hdf(struct req *r, long long ent_id)
{
	const char	*at, *st;
	long long	 id;

	if (objection_registration_mark(r->app->db, r->a, ent_id, &id, &at, &st) != ERR_OK)
		return -1;
	if (id <= 0)
		return 0;
	if (req_setf(r, "RegMark.id", "%lld", id) == -1 ||
	    req_set(r, "RegMark.day", bj_day(r, at)) == -1 ||
	    req_set(r, "RegMark.status", st) == -1)
		return -1;
	return 0;
}

/* The reader's (an enterprise's) objections that mark its information, as
 * ObjMarks.<i> (credit_views.c: the self-view and 谁查询了我): 0, -1. */
int
objection_marks_to_hdf(struct req *r)
{
	struct objection_list	 l;
	struct obj_filter	 f;
	char			 today[16];

	today_str(today);
	memset(&f, 0, sizeof f);
	f.status = "marks";
	f.today = today;
	f.per = OBJ_PER_PAGE;
	if (objection_list(r->app->db, r->a, &r->scope, &f, &l) != ERR_OK)
		return -1;
	for (size_t i = 0; i < l.n; i++) {
		HDF *row = req_row(r, "ObjMarks", i);

		if (row == NULL || obj_to_node(r, row, &l.v[i], today) == -1)
			return -1;
	}
	return 0;
}
