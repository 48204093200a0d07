/*
 * agency_forms.c -- 《政府机构用户开设或变更申请表》 on the intranet: entry,
 * check, four-eyes approval, execution and the printout (R-04.1 - R-04.4,
 *
 *
 * Who sees a form: operators and supervisors of the agency's region (the
 * province sees all), and the gov users of that agency.  Who enters it:
 * a gov user for its own agency (online), or an operator of the region
 * from the paper original (paper); the party that entered it edits it
 * while it is a draft or returned.  An operator or supervisor of the
 * region checks it, a supervisor other than the checker approves it
 * (lib/agency/agency_form.c enforces the four eyes), an operator executes it.
 * A form outside who sees it is not loaded: the dispatcher's scoped
 * getter (aform_get, OBJ_AFORM) answers 404 with an access.denied row.
 * Any other step outside these is a 403 with an access.denied audit row.
 *
 * Execution answers with the printout itself, carrying the one-time
 * passwords: the only time they exist outside the KDF.  The printout
 * opened later shows them masked.
 */
#include <stdio.h>
#include <string.h>

#include "accounts/perm.h"
#include "agency/agency_form.h"
#include "routes.h"
#include "crypto/seal.h"
#include "core/timefmt.h"

#define AFORMS_PER_PAGE	20
#define CHOOSER_MAX	500
/* the lines of the blank form (A..D; more users: a second form) */
#define AFORM_BLANK_LINES	4

/* --- declared input ---------------------------------------------------- */

static const char *const op_choices[] = { "open", "revoke", "reset", NULL };
static const char *const action_choices[] = { "save", "submit", "addline", NULL };
static const char *const result_choices[] = { "agree", "return", NULL };
static const char *const status_choices[] = { "draft", "submitted", "checked",
	"approved", "executed", "returned", NULL };
static const char *const done_choices[] = { "saved", "submitted", "checked",
	"approved", "returned", NULL };

/* The fields of one user line, repeated for lines 1..AFORM_LINES_MAX. */
/* view, import: the permissions an opened user gets (issue 16) */
enum { LF_OP, LF_NAME, LF_TITLE, LF_CONTACT, LF_USER, LF_VIEW, LF_IMPORT, LF__MAX };

enum {
	E_AGENCY, E_ACTION, E_VERSION, E_LINES,
	E_APPLY_DATE, E_NET_NAME, E_NET_TITLE, E_NET_CONTACT,
	E_OPINION, E_RESP_NAME, E_OPINION_DATE,
	E_LINE0,
	E__MAX = E_LINE0 + AFORM_LINES_MAX * LF__MAX
};

#define LF(i, k)	(E_LINE0 + (i) * LF__MAX + (k))

#define LINE_FIELDS(i, n) \
	[LF(i, LF_OP)] = { .name = "op" #n, .kind = FK_CHOICE, .choices = op_choices }, \
	[LF(i, LF_NAME)] = { .name = "name" #n, .kind = FK_TEXT, .flags = F_TRIM, .maxlen = 50 }, \
	[LF(i, LF_TITLE)] = { .name = "title" #n, .kind = FK_TEXT, .flags = F_TRIM, .maxlen = 100 }, \
	[LF(i, LF_CONTACT)] = { .name = "contact" #n, .kind = FK_TEXT, .flags = F_TRIM, .maxlen = 100 }, \
	[LF(i, LF_USER)] = { .name = "user" #n, .kind = FK_INT, .min = 1, .max = (1LL << 53) }, \
	[LF(i, LF_VIEW)] = { .name = "view" #n, .kind = FK_BOOL }, \
	[LF(i, LF_IMPORT)] = { .name = "import" #n, .kind = FK_BOOL }

static const struct field edit_fields[E__MAX] = {
	[E_AGENCY] = { .name = "agency", .kind = FK_INT, .min = 1, .max = (1LL << 53) },
	[E_ACTION] = { .name = "action", .kind = FK_CHOICE, .choices = action_choices },
	[E_VERSION] = { .name = "version", .kind = FK_INT, .min = 0, .max = 1LL << 31 },
	[E_LINES] = { .name = "lines", .kind = FK_INT, .min = AFORM_LINES_MIN, .max = AFORM_LINES_MAX },
	[E_APPLY_DATE] = { .name = "apply_date", .kind = FK_DATE, .flags = F_TRIM, .check = check_not_future },
	[E_NET_NAME] = { .name = "net_name", .kind = FK_TEXT, .flags = F_TRIM, .maxlen = 50 },
	[E_NET_TITLE] = { .name = "net_title", .kind = FK_TEXT, .flags = F_TRIM, .maxlen = 100 },
	[E_NET_CONTACT] = { .name = "net_contact", .kind = FK_TEXT, .flags = F_TRIM, .maxlen = 100 },
	[E_OPINION] = { .name = "opinion", .kind = FK_MULTILINE, .flags = F_TRIM, .maxlen = 500 },
	[E_RESP_NAME] = { .name = "resp_name", .kind = FK_TEXT, .flags = F_TRIM, .maxlen = 50 },
	[E_OPINION_DATE] = { .name = "opinion_date", .kind = FK_DATE, .flags = F_TRIM, .check = check_not_future },
	LINE_FIELDS(0, 1), LINE_FIELDS(1, 2), LINE_FIELDS(2, 3), LINE_FIELDS(3, 4),
	LINE_FIELDS(4, 5), LINE_FIELDS(5, 6), LINE_FIELDS(6, 7), LINE_FIELDS(7, 8),
};
const struct form aform_edit_form = { edit_fields, E__MAX };

enum { L_STATUS, L_PAGE, L__MAX };
static const struct field list_fields[L__MAX] = {
	[L_STATUS] = { .name = "status", .kind = FK_CHOICE, .choices = status_choices },
	[L_PAGE] = { .name = "page", .kind = FK_INT, .min = 1, .max = 100000 },
};
const struct form aforms_form = { list_fields, L__MAX };

enum { V_DONE, V__MAX };
static const struct field view_fields[V__MAX] = {
	[V_DONE] = { .name = "done", .kind = FK_CHOICE, .choices = done_choices },
};
const struct form aform_view_form = { view_fields, V__MAX };

enum { D_VERSION, D_RESULT, D_NOTE, D__MAX };
static const struct field decide_fields[D__MAX] = {
	[D_VERSION] = { .name = "version", .kind = FK_INT, .flags = F_REQUIRED, .min = 0, .max = 1LL << 31 },
	[D_RESULT] = { .name = "result", .kind = FK_CHOICE, .choices = result_choices },
	[D_NOTE] = { .name = "note", .kind = FK_MULTILINE, .flags = F_TRIM, .maxlen = 500 },
};
const struct form aform_decide_form = { decide_fields, D__MAX };

/* --- who may do what ----------------------------------------------------- */

static bool
is_ops(const struct req *r)
{
	return (ROLES_OPS & ROLE_BIT(r->sess->user.role)) != 0;
}

static bool
own_agency(const struct req *r, long long agency_id)
{
	const struct user *u = &r->sess->user;

	return u->role == ROLE_GOV && strcmp(u->org_kind, "agency") == 0 &&
	    u->org_id == agency_id;
}

/* 0 when the signed-in user may see the agency's forms, else the audited
 * 403. */
static int
agency_scope(struct req *r, long long agency_id, const char *region)
{
	if (is_ops(r) ? region_covers(r->sess->user.region, region) :
	    own_agency(r, agency_id))
		return 0;
	return req_forbidden(r, "agency", agency_id,
	    is_ops(r) ? "region scope" : "not the user's agency");
}

/* May the signed-in user change the content of f?  The party that
 * entered it: the agency for online forms, an operator for paper ones. */
static bool
can_edit(const struct req *r, const struct aform *f)
{
	if (!aform_editable(f->status))
		return false;
	if (f->source == AFSRC_ONLINE)
		return own_agency(r, f->agency_id);
	return r->sess->user.role == ROLE_OPERATOR;
}

/* --- HDF ------------------------------------------------------------------- */

static void
set_beijing(struct req *r, const char *name, const char *utc)
{
	char when[32];

	if (utc != NULL && time_beijing(utc, when, sizeof when) == 0)
		req_set(r, name, when);
}

/* "YYYY-MM-DD" as name.y / name.m / name.d (for the printout's 年 月 日). */
static void
set_ymd(struct req *r, const char *name, const char *date)
{
	int y, m, d;

	if (date == NULL || sscanf(date, "%4d-%2d-%2d", &y, &m, &d) != 3)
		return;
	req_setf(r, arena_printf(r->a, "%s.y", name), "%d", y);
	req_setf(r, arena_printf(r->a, "%s.m", name), "%d", m);
	req_setf(r, arena_printf(r->a, "%s.d", name), "%d", d);
}

/* The Beijing date of a UTC time, as set_ymd does. */
static void
set_ymd_utc(struct req *r, const char *name, const char *utc)
{
	char when[32];

	if (utc != NULL && time_beijing(utc, when, sizeof when) == 0) {
		when[10] = '\0';
		set_ymd(r, name, when);
	}
}

/* Is the signed-in user a party to f: the agency, or whoever entered,
 * checked, approved or executed it?  They see its contacts whole on the
 * printout. */
static bool
form_party(const struct req *r, const struct aform *f)
{
	long long me = r->sess->user.id;

	return own_agency(r, f->agency_id) || me == f->entered_by ||
	    me == f->checked_by || me == f->approved_by || me == f->executed_by;
}

/* The form's facts as AForm.*, its lines as AForm.lines.<i>.  `res`: the
 * passwords of a fresh execution (NULL: none shown).  Contacts are masked
 * unless `whole`. */
static int
form_to_hdf(struct req *r, const struct aform *f, const struct aform_result *res,
    bool whole)
{
	const struct aform_input *in = &f->in;
#define SHOWN(v) (whole ? (v) : contact_mask(r->a, (v)))

	if (req_setf(r, "AForm.id", "%lld", f->id) == -1 ||
	    req_set(r, "AForm.status", aform_status_name(f->status)) == -1 ||
	    req_set(r, "AForm.source", f->source == AFSRC_PAPER ? "paper" : "online") == -1 ||
	    req_setf(r, "AForm.agency_id", "%lld", f->agency_id) == -1 ||
	    req_set(r, "AForm.agency_name", f->agency_name) == -1 ||
	    req_set(r, "AForm.region", f->region) == -1 ||
	    req_set(r, "AForm.region_name", f->region_name) == -1 ||
	    req_setf(r, "AForm.version", "%u", f->version) == -1 ||
	    req_set(r, "AForm.apply_date", in->apply_date) == -1 ||
	    req_set(r, "AForm.net_name", in->net_name) == -1 ||
	    req_set(r, "AForm.net_title", in->net_title) == -1 ||
	    req_set(r, "AForm.net_contact", SHOWN(in->net_contact)) == -1 ||
	    req_set(r, "AForm.opinion", in->opinion) == -1 ||
	    req_set(r, "AForm.resp_name", in->resp_name) == -1 ||
	    req_set(r, "AForm.opinion_date", in->opinion_date) == -1 ||
	    req_set(r, "AForm.entered_name", f->entered_name) == -1 ||
	    req_set(r, "AForm.checked_name", f->checked_name) == -1 ||
	    req_set(r, "AForm.check_note", f->check_note) == -1 ||
	    req_set(r, "AForm.approved_name", f->approved_name) == -1 ||
	    req_set(r, "AForm.sup_opinion", f->sup_opinion) == -1 ||
	    req_set(r, "AForm.return_reason", f->return_reason) == -1 ||
	    req_set(r, "AForm.executed_name", f->executed_name) == -1)
		return -1;
	set_ymd(r, "AForm.apply", in->apply_date);
	set_ymd(r, "AForm.opinion_on", in->opinion_date);
	set_beijing(r, "AForm.entered_at", f->entered_at);
	set_beijing(r, "AForm.submitted_at", f->submitted_at);
	set_beijing(r, "AForm.checked_at", f->checked_at);
	set_beijing(r, "AForm.approved_at", f->approved_at);
	set_beijing(r, "AForm.executed_at", f->executed_at);
	set_ymd_utc(r, "AForm.approved_on", f->approved_at);
	set_ymd_utc(r, "AForm.executed_on", f->executed_at);
	for (size_t i = 0; i < in->nlines; i++) {
		const struct aform_line	*l = &in->lines[i];
		HDF			*row = req_row(r, "AForm.lines", i);
		char			 letter[2] = { aform_line_letter(i), '\0' };

		if (row == NULL || node_set(row, "letter", letter) == -1 ||
		    node_set(row, "op", aform_op_name(l->op)) == -1 ||
		    node_set(row, "name", l->name) == -1 ||
		    node_set(row, "title", l->title) == -1 ||
		    node_set(row, "contact", SHOWN(l->contact)) == -1 ||
		    node_set(row, "target", l->target_username) == -1 ||
		    node_set(row, "username", l->result_username) == -1)
			return -1;
		if (l->op == AFOP_OPEN &&
		    ((l->perms & PERM_BIT(PERM_CREDIT_VIEW) && node_set(row, "view", "1") == -1) ||
		    (l->perms & PERM_BIT(PERM_CREDIT_IMPORT) && node_set(row, "import", "1") == -1)))
			return -1;
		if (res != NULL && res->password[i][0] != '\0' &&
		    node_set(row, "password", res->password[i]) == -1)
			return -1;
	}
	return 0;
#undef SHOWN
}

/* The view page: facts, lines, history and the steps the user may take. */
static int
view(struct req *r, const struct aform *f)
{
	const struct user	*u = &r->sess->user;
	struct aform_event	*ev;
	size_t			 nev;
	enum err		 rc;

	r->tmpl = TMPL_AFORM;
	req_set(r, "Page.nav", "agency_forms");
	if (form_to_hdf(r, f, NULL, false) == -1)
		return 500;
	if ((rc = aform_events(r->app->db, r->a, f->id, &ev, &nev)) != ERR_OK)
		return status_of(rc);
	for (size_t i = 0; i < nev; i++) {
		HDF *row = req_row(r, "AForm.events", i);
		char when[32] = "";

		time_beijing(ev[i].at, when, sizeof when);
		if (row == NULL || node_set(row, "at", when) == -1 ||
		    node_set(row, "actor", ev[i].actor_name) == -1 ||
		    node_set(row, "role", ev[i].actor_role) == -1 ||
		    node_set(row, "action", ev[i].action) == -1 ||
		    node_set(row, "note", ev[i].note) == -1)
			return 500;
	}
	if (can_edit(r, f))
		req_set(r, "Can.edit", "1");
	if (f->status == AF_SUBMITTED && is_ops(r)) {
		req_set(r, "Can.check", "1");
		if (f->entered_by == u->id)
			req_set(r, "Can.four_eyes_check", "1");
	}
	if (f->status == AF_CHECKED && u->role == ROLE_SUPERVISOR) {
		req_set(r, "Can.approve", "1");
		if (f->checked_by == u->id || f->entered_by == u->id)
			req_set(r, "Can.four_eyes", "1");
	}
	if (f->status == AF_APPROVED && u->role == ROLE_OPERATOR)
		req_set(r, "Can.execute", "1");
	return 200;
}

/* --- the entry form --------------------------------------------------------- */

/* Is line i of the request blank (nothing typed, no user chosen)? */
static bool
line_blank(const struct req *r, size_t i)
{
	return !r->f[LF(i, LF_NAME)].present && !r->f[LF(i, LF_TITLE)].present &&
	    !r->f[LF(i, LF_CONTACT)].present && !r->f[LF(i, LF_USER)].present;
}

static bool
is_member(const struct aform_member_list *m, long long id)
{
	for (size_t i = 0; i < m->n; i++)
		if (m->v[i].id == id)
			return true;
	return false;
}

/* A missing value of a field that submission needs. */
static void
need(struct req *r, int field)
{
	if (!r->f[field].present && r->f[field].error == NULL) {
		r->f[field].error = "required";
		req_field_error(r, edit_fields[field].name, "required");
	}
}

/* A field's own error (from form_validate) or a new one. */
static void
fail(struct req *r, int field, const char *key)
{
	if (r->f[field].error == NULL) {
		r->f[field].error = key;
		req_field_error(r, edit_fields[field].name, key);
	}
}

/*
 * Reads the typed form into *in, checking what the declarations cannot:
 * the users that lines name belong to the agency, no user twice, and --
 * when submitting -- everything the paper form requires.  Returns the
 * number of fields in error (shown next to them).
 */
static int
read_input(struct req *r, const struct aform_member_list *members, bool submit,
    struct aform_input *in)
{
	memset(in, 0, sizeof *in);
	in->apply_date = r->f[E_APPLY_DATE].error == NULL ? r->f[E_APPLY_DATE].s : "";
	in->net_name = r->f[E_NET_NAME].s;
	in->net_title = r->f[E_NET_TITLE].s;
	in->net_contact = r->f[E_NET_CONTACT].s;
	in->opinion = r->f[E_OPINION].s;
	in->resp_name = r->f[E_RESP_NAME].s;
	in->opinion_date = r->f[E_OPINION_DATE].error == NULL ? r->f[E_OPINION_DATE].s : "";
	for (size_t i = 0; i < AFORM_LINES_MAX; i++) {
		struct aform_line	*l;
		int			 op;

		if (line_blank(r, i))
			continue;
		op = aform_op_parse(r->f[LF(i, LF_OP)].s);
		l = &in->lines[in->nlines++];
		l->op = op >= 0 ? (enum aform_op)op : AFOP_OPEN;
		l->name = r->f[LF(i, LF_NAME)].s;
		l->title = r->f[LF(i, LF_TITLE)].s;
		l->contact = r->f[LF(i, LF_CONTACT)].s;
		if (op < 0)
			fail(r, LF(i, LF_OP), "required");
		if (l->op == AFOP_OPEN) {
			l->perms = (r->f[LF(i, LF_VIEW)].i ? PERM_BIT(PERM_CREDIT_VIEW) : 0) |
			    (r->f[LF(i, LF_IMPORT)].i ? PERM_BIT(PERM_CREDIT_IMPORT) : 0);
			continue;
		}
		if (r->f[LF(i, LF_USER)].present && r->f[LF(i, LF_USER)].error == NULL) {
			l->target_user_id = r->f[LF(i, LF_USER)].i;
			if (!is_member(members, l->target_user_id))
				fail(r, LF(i, LF_USER), "aform_not_member");
			for (size_t j = 0; j + 1 < in->nlines; j++)
				if (in->lines[j].op != AFOP_OPEN &&
				    in->lines[j].target_user_id == l->target_user_id)
					fail(r, LF(i, LF_USER), "aform_user_twice");
		} else if (submit)
			need(r, LF(i, LF_USER));
	}
	if (!submit)
		return r->nerrors;
	need(r, E_APPLY_DATE);
	need(r, E_NET_NAME);
	need(r, E_NET_CONTACT);
	need(r, E_OPINION);
	need(r, E_RESP_NAME);
	need(r, E_OPINION_DATE);
	if (in->nlines == 0)
		fail(r, LF(0, LF_NAME), "aform_no_lines");
	for (size_t i = 0; i < AFORM_LINES_MAX; i++)
		if (!line_blank(r, i)) {
			need(r, LF(i, LF_NAME));
			need(r, LF(i, LF_TITLE));
			need(r, LF(i, LF_CONTACT));
		}
	return r->nerrors;
}

/* The agency's facts and its users (for revoke and reset lines). */
static int
agency_to_hdf(struct req *r, const struct aform_agency *ag,
    const struct aform_member_list *m)
{
	if (req_setf(r, "Agency.id", "%lld", ag->id) == -1 ||
	    req_set(r, "Agency.name", ag->name) == -1 ||
	    req_set(r, "Agency.region_name", ag->region_name) == -1)
		return -1;
	for (size_t i = 0; i < m->n; i++) {
		HDF	*row = req_row(r, "Members", i);
		char	 id[24];

		snprintf(id, sizeof id, "%lld", m->v[i].id);
		if (row == NULL || node_set(row, "id", id) == -1 ||
		    node_set(row, "username", m->v[i].username) == -1 ||
		    node_set(row, "real_name", m->v[i].real_name) == -1)
			return -1;
	}
	return 0;
}

/* Lines 1..n of the entry form as Lines.<i>: from the request when it was
 * posted, else from `in` (a stored form, or nothing for a new one). */
static int
lines_to_hdf(struct req *r, const struct aform_input *in, bool posted, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		HDF			*row = req_row(r, "Lines", i);
		const struct aform_line	*l = !posted && i < in->nlines ? &in->lines[i] : NULL;
		char			 num[24], letter[2] = { aform_line_letter(i), '\0' };
		char			 user[24] = "";
		const char		*op = "open";
		/* a new line grants nothing until ticked (least privilege);
		 * what was typed or stored otherwise */
		unsigned		 perms = 0;

		snprintf(num, sizeof num, "%zu", i + 1);
		if (posted) {
			if (r->f[LF(i, LF_OP)].present)
				op = r->f[LF(i, LF_OP)].s;
			snprintf(user, sizeof user, "%s", r->f[LF(i, LF_USER)].s);
			perms = (r->f[LF(i, LF_VIEW)].i ? PERM_BIT(PERM_CREDIT_VIEW) : 0) |
			    (r->f[LF(i, LF_IMPORT)].i ? PERM_BIT(PERM_CREDIT_IMPORT) : 0);
		} else if (l != NULL) {
			op = aform_op_name(l->op);
			if (l->target_user_id > 0)
				snprintf(user, sizeof user, "%lld", l->target_user_id);
			perms = l->perms;
		}
		if (row == NULL ||
		    (perms & PERM_BIT(PERM_CREDIT_VIEW) && node_set(row, "view", "1") == -1) ||
		    (perms & PERM_BIT(PERM_CREDIT_IMPORT) && node_set(row, "import", "1") == -1))
			return -1;
		if (row == NULL || node_set(row, "n", num) == -1 ||
		    node_set(row, "letter", letter) == -1 ||
		    node_set(row, "op", op) == -1 ||
		    node_set(row, "user", user) == -1 ||
		    node_set(row, "name", posted ? r->f[LF(i, LF_NAME)].s : l ? l->name : "") == -1 ||
		    node_set(row, "title", posted ? r->f[LF(i, LF_TITLE)].s : l ? l->title : "") == -1 ||
		    node_set(row, "contact", posted ? r->f[LF(i, LF_CONTACT)].s : l ? l->contact : "") == -1)
			return -1;
	}
	return req_setf(r, "Lines_n", "%zu", n);
}

/* How many lines the entry form shows: what was shown (or stored), at
 * least the paper form's two, one more after "add a line". */
static size_t
lines_shown(const struct req *r, size_t stored, bool posted)
{
	size_t n = AFORM_LINES_MIN;

	if (posted && r->f[E_LINES].present && r->f[E_LINES].error == NULL)
		n = (size_t)r->f[E_LINES].i;
	if (stored > n)
		n = stored;
	for (size_t i = n; posted && i < AFORM_LINES_MAX; i++)
		if (!line_blank(r, i))
			n = i + 1;
	if (posted && r->f[E_ACTION].present && strcmp(r->f[E_ACTION].s, "addline") == 0)
		n++;
	return n < AFORM_LINES_MAX ? n : AFORM_LINES_MAX;
}

/* The header fields of a stored or new form as Form.<name>.value (a
 * posted form has them from the dispatcher already). */
static void
header_to_hdf(struct req *r, const struct aform_input *in)
{
	static const struct { int field; size_t off; } map[] = {
		{ E_APPLY_DATE, offsetof(struct aform_input, apply_date) },
		{ E_NET_NAME, offsetof(struct aform_input, net_name) },
		{ E_NET_TITLE, offsetof(struct aform_input, net_title) },
		{ E_NET_CONTACT, offsetof(struct aform_input, net_contact) },
		{ E_OPINION, offsetof(struct aform_input, opinion) },
		{ E_RESP_NAME, offsetof(struct aform_input, resp_name) },
		{ E_OPINION_DATE, offsetof(struct aform_input, opinion_date) },
	};

	for (size_t i = 0; i < sizeof map / sizeof map[0]; i++) {
		const char *v = *(const char *const *)((const char *)in + map[i].off);

		req_set(r, arena_printf(r->a, "Form.%s.value", edit_fields[map[i].field].name), v);
	}
}

/* A new form's defaults: today's dates, the agency's network contact and
 * the printed opinion of the attachment. */
static void
defaults(struct req *r, const struct aform_agency *ag, struct aform_input *in)
{
	int y, m, d;

	beijing_today(&y, &m, &d);
	memset(in, 0, sizeof *in);
	in->apply_date = arena_printf(r->a, "%04d-%02d-%02d", y, m, d);
	in->opinion_date = in->apply_date;
	in->net_name = ag->net_name;
	in->net_title = ag->net_title;
	in->net_contact = ag->net_contact;
	in->opinion = views_str(r->app->views, "AForm.opinion_text");
	in->resp_name = "";
}

/*
 * The entry form of agency `ag` -- new (f NULL) or the stored form f --
 * shown, or taken when posted: saved (a draft stays a draft, a returned
 * form stays returned) or submitted, then 303 to the form.  A bad field
 * shows the form again with its message and what was typed; a form
 * changed meanwhile is a 409 on the form page.
 */
static int
entry(struct req *r, const struct aform_agency *ag, const struct aform *f)
{
	struct aform_member_list	 members;
	struct aform_input		 in;
	bool				 posted = r->method == HTTP_POST;
	bool				 submit, addline;
	enum err			 rc;

	r->tmpl = TMPL_AFORM_EDIT;
	req_set(r, "Page.nav", "agency_forms");
	if ((rc = aform_members(r->app->db, r->a, ag->id, &members)) != ERR_OK)
		return status_of(rc);
	if (agency_to_hdf(r, ag, &members) == -1)
		return 500;
	if (f != NULL && (req_setf(r, "AForm.id", "%lld", f->id) == -1 ||
	    req_set(r, "AForm.status", aform_status_name(f->status)) == -1 ||
	    req_set(r, "AForm.return_reason", f->return_reason) == -1))
		return 500;
	if (!posted) {
		if (f != NULL)
			in = f->in;
		else
			defaults(r, ag, &in);
		header_to_hdf(r, &in);
		req_setf(r, "Form.version.value", "%u", f != NULL ? f->version : 0);
		return lines_to_hdf(r, &in, false, lines_shown(r, in.nlines, false)) == -1 ?
		    500 : 200;
	}

	submit = r->f[E_ACTION].present && strcmp(r->f[E_ACTION].s, "submit") == 0;
	addline = r->f[E_ACTION].present && strcmp(r->f[E_ACTION].s, "addline") == 0;
	if (lines_to_hdf(r, NULL, true, lines_shown(r, 0, true)) == -1)
		return 500;
	if (read_input(r, &members, submit, &in) > 0 || addline)
		return 200;
	if (f == NULL) {
		struct audit_actor	a;
		long long		id;

		req_actor(r, &a);
		rc = aform_create(r->app->db, &a, ag->id, ag->region,
		    r->sess->user.role == ROLE_GOV ? AFSRC_ONLINE : AFSRC_PAPER,
		    &in, submit, &id);
		if (rc != ERR_OK)
			return status_of(rc);
		r->location = arena_printf(r->a, "/agency-forms/%lld?done=%s", id,
		    submit ? "submitted" : "saved");
	} else {
		struct audit_actor a;

		req_actor(r, &a);
		rc = aform_update(r->app->db, &a, &r->scope, f->id,
		    (unsigned)r->f[E_VERSION].i, &in, submit);
		if (rc == ERR_CONFLICT) {
			req_set(r, "Stale", "1");
			r->tmpl_on_4xx = true;
			return 409;
		}
		if (rc != ERR_OK)
			return status_of(rc);
		r->location = arena_printf(r->a, "/agency-forms/%lld?done=%s", f->id,
		    submit ? "submitted" : "saved");
	}
	return r->location != NULL ? 303 : 500;
}

/* The agencies an operator may enter a paper form for (no agency chosen
 * yet, or a bad choice). */
static int
chooser(struct req *r)
{
	struct aform_agency_list	l;
	enum err			rc;

	r->tmpl = TMPL_AFORM_EDIT;
	req_set(r, "Page.nav", "agency_forms");
	req_set(r, "Chooser", "1");
	if ((rc = aform_agencies(r->app->db, r->a, r->sess->user.region,
	    CHOOSER_MAX, &l)) != ERR_OK)
		return status_of(rc);
	for (size_t i = 0; i < l.n; i++) {
		HDF	*row = req_row(r, "Agencies", i);
		char	 id[24];

		snprintf(id, sizeof id, "%lld", l.v[i].id);
		if (row == NULL || node_set(row, "id", id) == -1 ||
		    node_set(row, "name", l.v[i].name) == -1 ||
		    node_set(row, "region_name", l.v[i].region_name) == -1)
			return 500;
	}
	return 200;
}

/*
 * GET|POST /agency-forms/new (gov: for its own agency; operator: for
 * ?agency= of its region, from the paper original -- without one, the
 * list of agencies to choose from).  See entry().
 */
int
handle_aform_new(struct req *r)
{
	struct aform_agency	ag;
	long long		id;
	enum err		rc;
	int			st;

	if (r->sess->user.role == ROLE_GOV)
		id = r->sess->user.org_id;
	else if (r->f[E_AGENCY].present && r->f[E_AGENCY].error == NULL)
		id = r->f[E_AGENCY].i;
	else
		return chooser(r);
	if ((rc = aform_agency_get(r->app->db, r->a, id, &ag)) == ERR_NOTFOUND)
		return r->sess->user.role == ROLE_GOV ? 403 : chooser(r);
	if (rc != ERR_OK)
		return status_of(rc);
	if ((st = agency_scope(r, ag.id, ag.region)) != 0)
		return st;
	return entry(r, &ag, NULL);
}

/*
 * GET|POST /agency-forms/{id}/edit: the entry form of a draft or
 * returned form, for the party that entered it (403 otherwise, 409 once
 * it has moved on).
 */
int
handle_aform_edit(struct req *r)
{
	struct aform_agency	ag;
	struct aform		f;
	enum err		rc;

	f = *(const struct aform *)r->obj;
	if (!aform_editable(f.status)) {
		r->tmpl_on_4xx = true;
		req_set(r, "Stale", "1");
		return view(r, &f) == 200 ? 409 : 500;
	}
	if (!can_edit(r, &f))
		return req_forbidden(r, "agency_form", f.id, "not the entering party");
	if ((rc = aform_agency_get(r->app->db, r->a, f.agency_id, &ag)) != ERR_OK)
		return status_of(rc);
	return entry(r, &ag, &f);
}

/* --- the list and one form ------------------------------------------------------ */

/*
 * GET /agency-forms (operators and supervisors: the region's forms; gov:
 * its agency's), newest first, 20 a page, ?status= to filter.
 */
int
handle_aforms(struct req *r)
{
	const struct user	*u = &r->sess->user;
	struct aform_list	 l;
	struct pager		 pg;
	int			 status = -1;
	enum err		 rc;

	r->tmpl = TMPL_AFORMS;
	req_set(r, "Page.nav", "agency_forms");
	req_pager_init(r, L_PAGE, AFORMS_PER_PAGE, 0, &pg);
	if (r->f[L_STATUS].present && r->f[L_STATUS].error == NULL) {
		for (int i = 0; status_choices[i] != NULL; i++)
			if (strcmp(status_choices[i], r->f[L_STATUS].s) == 0)
				status = i;
		req_set(r, "Filter.status", r->f[L_STATUS].s);
	}
	if (u->role == ROLE_GOV)
		req_set(r, "Scope.agency", u->org_name);
	else
		req_set(r, "Scope.region", u->region_name);
	rc = aform_search(r->app->db, r->a, u->region,
	    u->role == ROLE_GOV ? u->org_id : 0, status, (size_t)pg.page - 1,
	    AFORMS_PER_PAGE, &l);
	if (rc != ERR_OK)
		return status_of(rc);
	for (size_t i = 0; i < l.n; i++) {
		const struct aform_row	*x = &l.v[i];
		HDF			*row = req_row(r, "Forms", i);
		char			 id[24], since[32] = "";

		snprintf(id, sizeof id, "%lld", x->id);
		time_beijing(x->since, since, sizeof since);
		if (row == NULL || node_set(row, "id", id) == -1 ||
		    node_set(row, "agency", x->agency_name) == -1 ||
		    node_set(row, "region", x->region_name) == -1 ||
		    node_set(row, "status", aform_status_name(x->status)) == -1 ||
		    node_set(row, "apply_date", x->apply_date) == -1 ||
		    node_set(row, "since", since) == -1 ||
		    node_set(row, "lines", arena_printf(r->a, "%d", x->nlines)) == -1)
			return 500;
	}
	pg.total = l.total;
	if (req_pager(r, &pg, status >= 0 ? arena_printf(r->a,
	    "/agency-forms?status=%s&", status_choices[status]) :
	    "/agency-forms?") == -1)
		return 500;
	if (u->role == ROLE_OPERATOR || u->role == ROLE_GOV)
		req_set(r, "Can.enter", "1");
	return 200;
}

/* GET /agency-forms/{id}: the form, its history and the next step the
 * signed-in user may take; ?done= confirms the step just taken. */
int
handle_aform(struct req *r)
{
	struct aform	f;

	f = *(const struct aform *)r->obj;
	if (r->f[V_DONE].present && r->f[V_DONE].error == NULL)
		req_set(r, "Done", views_str(r->app->views,
		    arena_printf(r->a, "AForm.done.%s", r->f[V_DONE].s)));
	return view(r, &f);
}

/* --- the steps ------------------------------------------------------------------ */

/* The outcome of a step on form id: 303 to the form, or the form as it
 * is now with the reason the step was not taken. */
static int
step_done(struct req *r, long long id, enum err rc, const char *done)
{
	struct aform	f;
	int		st;

	switch (rc) {
	case ERR_OK:
		r->location = arena_printf(r->a, "/agency-forms/%lld?done=%s", id, done);
		return r->location != NULL ? 303 : 500;
	case ERR_CONFLICT:
		st = 409;
		req_set(r, "Stale", "1");
		break;
	case ERR_FORBIDDEN:
		st = 403;
		req_set(r, "FourEyes", "1");
		break;
	default:
		return status_of(rc);
	}
	r->tmpl_on_4xx = true;
	if ((rc = aform_get(r->app->db, r->a, &r->scope, id, &f)) != ERR_OK)
		return status_of(rc);
	return view(r, &f) == 200 ? st : 500;
}

/* Reads result and note of a check or an approval: a return needs its
 * reason.  0, or 200 with the form and the message. */
static int
decision(struct req *r, const struct aform *f, bool *agree)
{
	*agree = !r->f[D_RESULT].present || strcmp(r->f[D_RESULT].s, "agree") == 0;
	/* a decision is chosen, never defaulted (issue 18) */
	if (!r->f[D_RESULT].present)
		req_field_error(r, "result", "decision_required");
	else if (!*agree && !r->f[D_NOTE].present && r->f[D_NOTE].error == NULL)
		req_field_error(r, "note", "aform_reason");
	if (r->nerrors == 0)
		return 0;
	return view(r, f);
}

/* POST /agency-forms/{id}/check (operator or supervisor of the region):
 * result=agree|return, note (the reason, for a return). */
int
handle_aform_check(struct req *r)
{
	struct audit_actor	a;
	struct aform		f;
	bool			agree;
	int			st;

	f = *(const struct aform *)r->obj;
	if ((st = decision(r, &f, &agree)) != 0)
		return st;
	req_actor(r, &a);
	return step_done(r, f.id, aform_check(r->app->db, &a, &r->scope, f.id,
	    (unsigned)r->f[D_VERSION].i, agree, r->f[D_NOTE].s),
	    agree ? "checked" : "returned");
}

/* POST /agency-forms/{id}/approve (supervisor of the region, not the
 * checker): result=agree|return, note (the opinion; required to return). */
int
handle_aform_approve(struct req *r)
{
	struct audit_actor	a;
	struct aform		f;
	bool			agree;
	int			st;

	f = *(const struct aform *)r->obj;
	if ((st = decision(r, &f, &agree)) != 0)
		return st;
	req_actor(r, &a);
	return step_done(r, f.id, aform_approve(r->app->db, &a, &r->scope, f.id,
	    (unsigned)r->f[D_VERSION].i, agree, r->f[D_NOTE].s),
	    agree ? "approved" : "returned");
}

/* The printout of f: both copies, passwords from `res` or masked. */
static int
printout(struct req *r, const struct aform *f, const struct aform_result *res)
{
	struct aform_agency	ag;
	enum err		rc;

	r->tmpl = TMPL_AFORM_PRINT;
	req_set(r, "Page.layout", "print");
	if ((rc = aform_agency_get(r->app->db, r->a, f->agency_id, &ag)) != ERR_OK)
		return status_of(rc);
	req_set(r, "AForm.office_name", ag.office_name);
	if (res != NULL)
		req_set(r, "AForm.fresh", "1");
	/* the executing operator is its party too (f was read before) */
	return form_to_hdf(r, f, res, res != NULL || form_party(r, f)) == -1 ?
	    500 : 200;
}

/*
 * POST /agency-forms/{id}/execute (operator of the region): carries out
 * every line in one transaction and answers with the printout carrying
 * the usernames and one-time passwords -- shown this once (no-store),
 * never stored or logged.  409 when it is not (any more) approved; 409
 * with the line named when a line's user is no longer a live user of the
 * agency.
 */
int
handle_aform_execute(struct req *r)
{
	struct aform_result	res;
	struct audit_actor	a;
	struct aform		f;
	enum err		rc;
	int			bad = 0, st;

	f = *(const struct aform *)r->obj;
	req_actor(r, &a);
	rc = aform_execute(r->app->db, &a, &r->scope, f.id,
	    (unsigned)r->f[D_VERSION].i, &res, &bad);
	if (rc == ERR_INVAL && bad > 0) {
		req_setf(r, "BadLine", "%c", aform_line_letter((size_t)bad - 1));
		rc = ERR_CONFLICT;
	}
	if (rc != ERR_OK)
		return step_done(r, f.id, rc, "");
	if ((rc = aform_get(r->app->db, r->a, &r->scope, f.id, &f)) != ERR_OK) {
		aform_result_wipe(&res);
		return status_of(rc);
	}
	st = printout(r, &f, &res);
	aform_result_wipe(&res);
	r->secret = true;
	return st;
}

/* GET /agency-forms/{id}/print: the printable form (A4, two copies:
 * 申请机构留存 and 人民银行留存); passwords, if any, masked. */
int
handle_aform_print(struct req *r)
{
	struct aform	f;

	f = *(const struct aform *)r->obj;
	return printout(r, &f, NULL);
}

/*
 * GET /agency-forms/blank (intranet, everyone, no sign-in): the change
 * form unfilled -- both copies, the lines A to D empty with every box
 * unticked -- for an agency to print, fill in by hand, stamp and hand to
 * its region's operator office (who enters it as a paper form).  200,
 * cacheable for anonymous visitors.
 */
int
handle_aform_blank(struct req *r)
{
	r->tmpl = TMPL_AFORM_PRINT;
	req_set(r, "Page.layout", "print");
	if (req_set(r, "AForm.blank", "1") == -1)
		return 500;
	for (size_t i = 0; i < AFORM_BLANK_LINES; i++) {
		HDF	*row = req_row(r, "AForm.lines", i);
		char	 letter[2] = { aform_line_letter(i), '\0' };

		if (row == NULL || node_set(row, "letter", letter) == -1)
			return 500;
	}
	if (r->sess == NULL)
		r->cacheable = true;
	return 200;
}
