/*
 * agency_form.c -- the change form's SQL and its steps (see agency_form.h).
 */
#include <stdio.h>
#include <string.h>

#include "core/enumname.h"
#include "db/db_region.h"
#include "accounts/perm.h"
#include "agency/agency_form.h"
#include "crypto/crypto.h"
#include "crypto/seal.h"

enum {
	STMT_AF_GET,
	STMT_AF_LINES,
	STMT_AF_EVENTS,
	STMT_AF_LOCK,
	STMT_AF_INSERT,
	STMT_AF_UPDATE,
	STMT_AF_LINES_DEL,
	STMT_AF_LINE_ADD,
	STMT_AF_EVENT_ADD,
	STMT_AF_CHECK,
	STMT_AF_APPROVE,
	STMT_AF_RETURN,
	STMT_AF_EXECUTE,
	STMT_AF_LINE_RESULT,
	STMT_AF_TARGET,
	STMT_AF_DEPARTURE_LINK,
	STMT_AF_COUNT,
	STMT_AF_SEARCH,
	STMT_AF_WAITING,
	STMT_AF_NAME_TAKEN,
	STMT_AF_AGENCY,
	STMT_AF_AGENCIES,
	STMT_AF_MEMBERS,
	STMT_AF__MAX
};

#define AF_DATE(c)	"DATE_FORMAT(" c ", '%Y-%m-%d')"
#define AF_TIME(c)	"DATE_FORMAT(" c ", '%Y-%m-%d %H:%i:%s')"

/* When a form entered its present state: the step's own time, or (draft,
 * returned) its last history row. */
#define AF_SINCE \
	"CASE f.status WHEN 'submitted' THEN f.submitted_at" \
	" WHEN 'checked' THEN f.checked_at WHEN 'approved' THEN f.approved_at" \
	" WHEN 'executed' THEN f.executed_at ELSE (SELECT MAX(e.at)" \
	" FROM agency_form_events e WHERE e.form_id = f.id) END"

#define AF_ROW_COLS \
	"f.id, f.agency_id, ag.name, r.name, f.status, " AF_DATE("f.apply_date") "," \
	" " AF_TIME(AF_SINCE) ", DATEDIFF(UTC_TIMESTAMP(), " AF_SINCE ")," \
	" (SELECT COUNT(*) FROM agency_form_lines l WHERE l.form_id = f.id)"

#define AF_ROW_FROM \
	" FROM agency_forms f JOIN agencies ag ON ag.id = f.agency_id" \
	" JOIN regions r ON r.code = f.region_code"

#define AF_SCOPE \
	" WHERE" REGION_SCOPE("f.region_code") \
	" AND (? = 0 OR f.agency_id = ?) AND (? = '' OR f.status = ?)"

static const char *const sql[STMT_AF__MAX] = {
	[STMT_AF_GET] =
	    "SELECT f.id, f.agency_id, ag.name, f.region_code, r.name, f.status,"
	    " f.source, " AF_DATE("f.apply_date") ", f.net_name, f.net_title,"
	    " f.net_contact_enc, f.opinion, f.resp_name, " AF_DATE("f.opinion_date") ","
	    " f.version, f.entered_by, ue.real_name,"
	    " COALESCE(f.checked_by, 0), uc.real_name,"
	    " COALESCE(f.approved_by, 0), ua.real_name,"
	    " COALESCE(f.executed_by, 0), ux.real_name,"
	    " " AF_TIME("f.entered_at") ", " AF_TIME("f.submitted_at") ","
	    " " AF_TIME("f.checked_at") ", " AF_TIME("f.approved_at") ","
	    " " AF_TIME("f.executed_at") ","
	    " f.check_note, f.sup_opinion, f.return_reason"
	    " FROM agency_forms f JOIN agencies ag ON ag.id = f.agency_id"
	    " JOIN regions r ON r.code = f.region_code"
	    " JOIN users ue ON ue.id = f.entered_by"
	    " LEFT JOIN users uc ON uc.id = f.checked_by"
	    " LEFT JOIN users ua ON ua.id = f.approved_by"
	    " LEFT JOIN users ux ON ux.id = f.executed_by"
	    " WHERE f.id = ? AND" SCOPE_ORG("f.agency_id", "f.region_code"),
	[STMT_AF_LINES] =
	    "SELECT l.op, l.name, l.title, l.contact_enc, COALESCE(l.target_user_id, 0),"
	    " COALESCE(t.username, ''), COALESCE(l.result_user_id, 0),"
	    " l.result_username, l.perms"
	    " FROM agency_form_lines l LEFT JOIN users t ON t.id = l.target_user_id"
	    " WHERE l.form_id = ? ORDER BY l.seq",
	[STMT_AF_EVENTS] =
	    "SELECT " AF_TIME("e.at") ", u.real_name, u.role, e.action, e.note"
	    " FROM agency_form_events e JOIN users u ON u.id = e.actor_id"
	    " WHERE e.form_id = ? ORDER BY e.id",
	[STMT_AF_LOCK] =
	    "SELECT status, version, COALESCE(checked_by, 0), agency_id, entered_by"
	    " FROM agency_forms WHERE id = ? AND"
	    SCOPE_ORG("agency_id", "region_code") " FOR UPDATE",
	[STMT_AF_INSERT] =
	    "INSERT INTO agency_forms (agency_id, region_code, status, source,"
	    " apply_date, net_name, net_title, net_contact_enc, opinion, resp_name,"
	    " opinion_date, entered_by, submitted_at)"
	    " VALUES (?, ?, ?, ?, NULLIF(?, ''), ?, ?, ?, ?, ?, NULLIF(?, ''), ?,"
	    " IF(? = 'submitted', UTC_TIMESTAMP(), NULL))",
	[STMT_AF_UPDATE] =
	    "UPDATE agency_forms SET apply_date = NULLIF(?, ''), net_name = ?,"
	    " net_title = ?, net_contact_enc = ?, opinion = ?, resp_name = ?,"
	    " opinion_date = NULLIF(?, ''), status = ?,"
	    " submitted_at = IF(? = 'submitted', UTC_TIMESTAMP(), submitted_at),"
	    " checked_by = NULL, checked_at = NULL, check_note = '',"
	    " approved_by = NULL, approved_at = NULL, sup_opinion = '',"
	    " version = version + 1 WHERE id = ?",
	[STMT_AF_LINES_DEL] = "DELETE FROM agency_form_lines WHERE form_id = ?",
	[STMT_AF_LINE_ADD] =
	    "INSERT INTO agency_form_lines (form_id, seq, op, name, title, contact_enc,"
	    " target_user_id, perms) VALUES (?, ?, ?, ?, ?, ?, NULLIF(?, 0), ?)",
	[STMT_AF_EVENT_ADD] =
	    "INSERT INTO agency_form_events (form_id, actor_id, action, note)"
	    " VALUES (?, ?, ?, ?)",
	[STMT_AF_CHECK] =
	    "UPDATE agency_forms SET status = 'checked', checked_by = ?,"
	    " checked_at = UTC_TIMESTAMP(), check_note = ?, return_reason = '',"
	    " version = version + 1 WHERE id = ?",
	[STMT_AF_APPROVE] =
	    "UPDATE agency_forms SET status = 'approved', approved_by = ?,"
	    " approved_at = UTC_TIMESTAMP(), sup_opinion = ?,"
	    " version = version + 1 WHERE id = ?",
	[STMT_AF_RETURN] =
	    "UPDATE agency_forms SET status = 'returned', return_reason = ?,"
	    " version = version + 1 WHERE id = ?",
	[STMT_AF_EXECUTE] =
	    "UPDATE agency_forms SET status = 'executed', executed_by = ?,"
	    " executed_at = UTC_TIMESTAMP(), version = version + 1 WHERE id = ?",
	[STMT_AF_LINE_RESULT] =
	    "UPDATE agency_form_lines SET result_user_id = ?, result_username = ?"
	    " WHERE form_id = ? AND seq = ?",
	[STMT_AF_TARGET] =
	    "SELECT username, status FROM users WHERE id = ? AND role = 'gov'"
	    " AND org_kind = 'agency' AND org_id = ? FOR UPDATE",
	[STMT_AF_DEPARTURE_LINK] =
	    "UPDATE departures SET form_id = ?, submitted_at = UTC_TIMESTAMP()"
	    " WHERE user_id = ? AND form_id IS NULL",
	[STMT_AF_COUNT] = "SELECT COUNT(*)" AF_ROW_FROM AF_SCOPE,
	[STMT_AF_SEARCH] =
	    "SELECT " AF_ROW_COLS AF_ROW_FROM AF_SCOPE
	    " ORDER BY f.id DESC LIMIT ? OFFSET ?",
	[STMT_AF_WAITING] =
	    "SELECT " AF_ROW_COLS AF_ROW_FROM
	    " WHERE" REGION_SCOPE("f.region_code")
	    " AND f.status IN ('submitted', 'checked')"
	    " ORDER BY " AF_SINCE ", f.id LIMIT ?",
	[STMT_AF_NAME_TAKEN] = "SELECT 1 FROM users WHERE username = ?",
	[STMT_AF_AGENCY] =
	    "SELECT ag.id, ag.name, ag.region_code, r.name, ag.net_name,"
	    " ag.net_title, ag.net_contact_enc, COALESCE(o.name, '')"
	    " FROM agencies ag JOIN regions r ON r.code = ag.region_code"
	    " LEFT JOIN offices o ON o.id = r.office_id WHERE ag.id = ?",
	[STMT_AF_AGENCIES] =
	    "SELECT ag.id, ag.name, ag.region_code, r.name, ag.net_name,"
	    " ag.net_title, ag.net_contact_enc, ''"
	    " FROM agencies ag JOIN regions r ON r.code = ag.region_code"
	    " WHERE" REGION_SCOPE("ag.region_code")
	    " ORDER BY ag.region_code, ag.name LIMIT ?",
	[STMT_AF_MEMBERS] =
	    "SELECT id, username, real_name, contact_enc, status FROM users"
	    " WHERE role = 'gov' AND org_kind = 'agency' AND org_id = ?"
	    " AND status <> 'revoked' ORDER BY username",
};

static const struct db_module mod = { DBM_AGENCY_FORM, STMT_AF__MAX, sql };

/* Bytes of a contact: 100 characters of UTF-8 (the forms' limit). */
#define AFORM_CONTACT_MAX 400

/* A sealed contact column opened; "" out of memory, like
 * db_col_text. */
static const char *
col_contact(const struct db_rows *rows, struct arena *a, unsigned col,
    const char *aad)
{
	const char *s = contact_open(a, aad, db_col_str(rows, col));

	return s != NULL ? s : "";
}

static const char *const status_names[AF__MAX] = {
	[AF_DRAFT] = "draft", [AF_SUBMITTED] = "submitted",
	[AF_CHECKED] = "checked", [AF_APPROVED] = "approved",
	[AF_EXECUTED] = "executed", [AF_RETURNED] = "returned",
};

static const char *const op_names[AFOP__MAX] = {
	[AFOP_OPEN] = "open", [AFOP_REVOKE] = "revoke", [AFOP_RESET] = "reset",
};

const char *
aform_status_name(enum aform_status s)
{
	return (unsigned)s < AF__MAX ? status_names[s] : "?";
}

static int
status_parse(const char *s)
{
	return enum_parse(status_names, AF__MAX, s);
}

static const char *const action_names[AFA__MAX] = {
	[AFA_SAVE] = "save", [AFA_SUBMIT] = "submit", [AFA_CHECK] = "check",
	[AFA_RETURN_AT_CHECK] = "return_at_check", [AFA_APPROVE] = "approve",
	[AFA_RETURN_AT_APPROVAL] = "return_at_approval",
	[AFA_EXECUTE] = "execute",
};

#define NO7	{ STEP_NO, STEP_NO, STEP_NO, STEP_NO, STEP_NO, STEP_NO, STEP_NO }

/* A draft or returned form is saved (and stays what it was: a returned
 * form stays returned until it is submitted again) or submitted; a
 * submitted one is checked or returned; a checked one approved or
 * returned; an approved one executed. */
static const signed char aform_next[AF__MAX][AFA__MAX] = {
	[AF_DRAFT] = { [AFA_SAVE] = STEP_TO(AF_DRAFT),
	    [AFA_SUBMIT] = STEP_TO(AF_SUBMITTED), [AFA_CHECK] = STEP_NO,
	    [AFA_RETURN_AT_CHECK] = STEP_NO, [AFA_APPROVE] = STEP_NO,
	    [AFA_RETURN_AT_APPROVAL] = STEP_NO, [AFA_EXECUTE] = STEP_NO },
	[AF_SUBMITTED] = { [AFA_SAVE] = STEP_NO, [AFA_SUBMIT] = STEP_NO,
	    [AFA_CHECK] = STEP_TO(AF_CHECKED),
	    [AFA_RETURN_AT_CHECK] = STEP_TO(AF_RETURNED),
	    [AFA_APPROVE] = STEP_NO, [AFA_RETURN_AT_APPROVAL] = STEP_NO,
	    [AFA_EXECUTE] = STEP_NO },
	[AF_CHECKED] = { [AFA_SAVE] = STEP_NO, [AFA_SUBMIT] = STEP_NO,
	    [AFA_CHECK] = STEP_NO, [AFA_RETURN_AT_CHECK] = STEP_NO,
	    [AFA_APPROVE] = STEP_TO(AF_APPROVED),
	    [AFA_RETURN_AT_APPROVAL] = STEP_TO(AF_RETURNED),
	    [AFA_EXECUTE] = STEP_NO },
	[AF_APPROVED] = { [AFA_SAVE] = STEP_NO, [AFA_SUBMIT] = STEP_NO,
	    [AFA_CHECK] = STEP_NO, [AFA_RETURN_AT_CHECK] = STEP_NO,
	    [AFA_APPROVE] = STEP_NO, [AFA_RETURN_AT_APPROVAL] = STEP_NO,
	    [AFA_EXECUTE] = STEP_TO(AF_EXECUTED) },
	[AF_EXECUTED] = NO7,
	[AF_RETURNED] = { [AFA_SAVE] = STEP_TO(AF_RETURNED),
	    [AFA_SUBMIT] = STEP_TO(AF_SUBMITTED), [AFA_CHECK] = STEP_NO,
	    [AFA_RETURN_AT_CHECK] = STEP_NO, [AFA_APPROVE] = STEP_NO,
	    [AFA_RETURN_AT_APPROVAL] = STEP_NO, [AFA_EXECUTE] = STEP_NO },
};

const struct step_machine aform_machine = {
	"agency_form", AF__MAX, AFA__MAX, status_names, action_names,
	&aform_next[0][0],
};

const char *
aform_op_name(enum aform_op op)
{
	return (unsigned)op < AFOP__MAX ? op_names[op] : "?";
}

int
aform_op_parse(const char *s)
{
	return enum_parse(op_names, AFOP__MAX, s);
}

bool
aform_editable(enum aform_status s)
{
	return step_next(&aform_machine, (int)s, AFA_SAVE) >= 0;
}

char
aform_line_letter(size_t i)
{
	return (char)('A' + (i < 26 ? i : 25));
}


enum err
aform_get(struct db *db, struct arena *a, const struct scope *sc, long long id,
    struct aform *f)
{
	struct db_param	 p[1 + SCOPE_ORG_NP] = { DB_INT(id) };
	struct db_rows	*rows;
	enum err	 rc;
	unsigned	 c = 0;
	int		 n;

	memset(f, 0, sizeof *f);
	scope_org_params(sc, "agency", false, p + 1);
	if ((rc = db_query(db, a, &mod, STMT_AF_GET, p, 1 + SCOPE_ORG_NP, &rows)) != ERR_OK)
		return rc;
	if ((n = db_next(rows)) != 1) {
		db_rows_free(rows);
		return n == 0 ? ERR_NOTFOUND : db_rows_error(db);
	}
	f->id = db_col_int(rows, c++);
	f->agency_id = db_col_int(rows, c++);
	f->agency_name = db_col_text(rows, a, c++);
	f->region = db_col_text(rows, a, c++);
	f->region_name = db_col_text(rows, a, c++);
	f->status = (enum aform_status)status_parse(db_col_str(rows, c++));
	f->source = strcmp(db_col_str(rows, c++), "paper") == 0 ? AFSRC_PAPER : AFSRC_ONLINE;
	f->in.apply_date = db_col_text(rows, a, c++);
	f->in.net_name = db_col_text(rows, a, c++);
	f->in.net_title = db_col_text(rows, a, c++);
	f->in.net_contact = col_contact(rows, a, c++, "agency_forms.net_contact");
	f->in.opinion = db_col_text(rows, a, c++);
	f->in.resp_name = db_col_text(rows, a, c++);
	f->in.opinion_date = db_col_text(rows, a, c++);
	f->version = (unsigned)db_col_int(rows, c++);
	f->entered_by = db_col_int(rows, c++);
	f->entered_name = db_col_text(rows, a, c++);
	f->checked_by = db_col_int(rows, c++);
	f->checked_name = db_col_text(rows, a, c++);
	f->approved_by = db_col_int(rows, c++);
	f->approved_name = db_col_text(rows, a, c++);
	f->executed_by = db_col_int(rows, c++);
	f->executed_name = db_col_text(rows, a, c++);
	f->entered_at = db_col_dup(rows, a, c++);
	f->submitted_at = db_col_dup(rows, a, c++);
	f->checked_at = db_col_dup(rows, a, c++);
	f->approved_at = db_col_dup(rows, a, c++);
	f->executed_at = db_col_dup(rows, a, c++);
	f->check_note = db_col_text(rows, a, c++);
	f->sup_opinion = db_col_text(rows, a, c++);
	f->return_reason = db_col_text(rows, a, c++);
	db_rows_free(rows);
	if ((int)f->status < 0)
		return ERR_DB;

	if ((rc = db_query(db, a, &mod, STMT_AF_LINES, p, 1, &rows)) != ERR_OK)
		return rc;
	while (f->in.nlines < AFORM_LINES_MAX && (n = db_next(rows)) == 1) {
		struct aform_line *l = &f->in.lines[f->in.nlines++];

		l->op = (enum aform_op)aform_op_parse(db_col_str(rows, 0));
		l->name = db_col_text(rows, a, 1);
		l->title = db_col_text(rows, a, 2);
		l->contact = col_contact(rows, a, 3, "agency_form_lines.contact");
		l->target_user_id = db_col_int(rows, 4);
		l->target_username = db_col_text(rows, a, 5);
		l->result_user_id = db_col_int(rows, 6);
		l->result_username = db_col_text(rows, a, 7);
		l->perms = perm_set_parse(db_col_str(rows, 8));
	}
	db_rows_free(rows);
	return n == -1 ? db_rows_error(db) : ERR_OK;
}

static void
event_fill(const struct db_rows *rows, struct arena *a, void *elem)
{
	struct aform_event *e = elem;

	e->at = db_col_text(rows, a, 0);
	e->actor_name = db_col_text(rows, a, 1);
	e->actor_role = db_col_text(rows, a, 2);
	e->action = db_col_text(rows, a, 3);
	e->note = db_col_text(rows, a, 4);
}

enum err
aform_events(struct db *db, struct arena *a, long long id,
    struct aform_event **v, size_t *n)
{
	struct db_param p[] = { DB_INT(id) };

	return db_query_list(db, a, &mod, STMT_AF_EVENTS, p, 1, sizeof **v,
	    event_fill, (void **)v, n);
}

static void
row_fill(const struct db_rows *rows, struct arena *a, void *elem)
{
	struct aform_row *x = elem;

	x->id = db_col_int(rows, 0);
	x->agency_id = db_col_int(rows, 1);
	x->agency_name = db_col_text(rows, a, 2);
	x->region_name = db_col_text(rows, a, 3);
	x->status = (enum aform_status)status_parse(db_col_str(rows, 4));
	x->apply_date = db_col_text(rows, a, 5);
	x->since = db_col_text(rows, a, 6);
	x->age_days = (int)db_col_int(rows, 7);
	x->nlines = (int)db_col_int(rows, 8);
}

enum err
aform_search(struct db *db, struct arena *a, const char *region,
    long long agency_id, int status, size_t page, size_t per_page,
    struct aform_list *l)
{
	const char	*st = status >= 0 && status < AF__MAX ? status_names[status] : "";
	struct db_param	 p[] = { DB_STR(region), DB_STR(region), DB_INT(agency_id),
		DB_INT(agency_id), DB_STR(st), DB_STR(st), DB_INT(per_page),
		DB_INT(page * per_page) };
	enum err	 rc;

	memset(l, 0, sizeof *l);
	if ((rc = db_count(db, a, &mod, STMT_AF_COUNT, p, 6, &l->total)) != ERR_OK)
		return rc;
	return db_query_list(db, a, &mod, STMT_AF_SEARCH, p, 8, sizeof *l->v,
	    row_fill, (void **)&l->v, &l->n);
}

enum err
aform_count(struct db *db, struct arena *a, const char *region,
    long long agency_id, int status, long long *n)
{
	const char	*st = status >= 0 && status < AF__MAX ? status_names[status] : "";
	struct db_param	 p[] = { DB_STR(region), DB_STR(region), DB_INT(agency_id),
		DB_INT(agency_id), DB_STR(st), DB_STR(st) };

	return db_count(db, a, &mod, STMT_AF_COUNT, p, 6, n);
}

enum err
aform_waiting(struct db *db, struct arena *a, const char *region, size_t max,
    struct aform_list *l)
{
	struct db_param	 p[] = { DB_STR(region), DB_STR(region), DB_INT(max) };
	enum err	 rc;

	memset(l, 0, sizeof *l);
	if ((rc = db_query_list(db, a, &mod, STMT_AF_WAITING, p, 3, sizeof *l->v,
	    row_fill, (void **)&l->v, &l->n)) == ERR_OK)
		l->total = (long long)l->n;
	return rc;
}

/* --- the steps ------------------------------------------------------- */

static enum err
add_event(struct db *db, long long id, long long actor, const char *action,
    const char *note)
{
	struct db_param p[] = { DB_INT(id), DB_INT(actor), DB_STR(action),
		DB_STR(note != NULL ? note : "") };

	return db_exec(db, &mod, STMT_AF_EVENT_ADD, p, 4, NULL, NULL);
}

static enum err
audit_form(struct db *db, const struct audit_actor *actor, const char *action,
    long long id, const char *detail)
{
	char oid[24];

	snprintf(oid, sizeof oid, "%lld", id);
	return audit_write(db, actor, action, "agency_form", oid, AUDIT_OK, detail);
}

/* Line i of `in` as row seq i + 1 of form id, its contact sealed. */
static enum err
write_line(struct db *db, struct arena *a, long long id,
    const struct aform_input *in, size_t i, bool submit)
{
	const struct aform_line	*l = &in->lines[i];
	const char		*enc = contact_seal(a, "agency_form_lines.contact",
	    l->contact != NULL ? l->contact : "");
	struct db_param		 p[] = { DB_INT(id), DB_INT(i + 1),
		DB_STR(op_names[l->op]), DB_STR(l->name), DB_STR(l->title),
		DB_STR(enc != NULL ? enc : ""),
		DB_INT(l->op == AFOP_OPEN ? 0 : l->target_user_id),
		DB_NULL };
	const char		*perms = perm_set_text(a, l->op == AFOP_OPEN ? l->perms : 0);
	enum err		 rc;

	if (enc == NULL || perms == NULL)
		return ERR_NOMEM;
	p[7] = DB_STR(perms);
	if ((rc = db_exec(db, &mod, STMT_AF_LINE_ADD, p, 8, NULL, NULL)) != ERR_OK)
		return rc;
	if (submit && l->op != AFOP_OPEN) {
		struct db_param d[] = { DB_INT(id), DB_INT(l->target_user_id) };

		if ((rc = db_exec(db, &mod, STMT_AF_DEPARTURE_LINK, d, 2,
		    NULL, NULL)) != ERR_OK)
			return rc;
	}
	return ERR_OK;
}

/* Writes the lines of `in` for form id (after the old ones are gone) and,
 * on submission, marks the open departures of the users they revoke or
 * reset as answered by this form. */
static enum err
write_lines(struct db *db, long long id, const struct aform_input *in,
    bool submit)
{
	struct arena	*a = arena_new(1024);
	enum err	 rc = ERR_OK;

	if (a == NULL)
		return ERR_NOMEM;
	for (size_t i = 0; i < in->nlines && rc == ERR_OK; i++)
		rc = write_line(db, a, id, in, i, submit);
	arena_free(a);
	return rc;
}

static void
lines_detail(const struct aform_input *in, char *buf, size_t len)
{
	size_t off = 0;

	buf[0] = '\0';
	for (size_t i = 0; i < in->nlines && off < len; i++) {
		int w = snprintf(buf + off, len - off, "%s%c:%s", i > 0 ? " " : "",
		    aform_line_letter(i), op_names[in->lines[i].op]);

		if (w < 0)
			break;
		off += (size_t)w;
	}
}

/* The form's network contact sealed into enc[len]. */
static enum err
seal_net_contact(const struct aform_input *in, char *enc, size_t len)
{
	struct arena	*a = arena_new(1024);
	const char	*v = a == NULL ? NULL : contact_seal(a,
	    "agency_forms.net_contact", in->net_contact != NULL ? in->net_contact : "");
	enum err	 rc = ERR_NOMEM;

	if (v != NULL && strlen(v) < len) {
		memcpy(enc, v, strlen(v) + 1);
		rc = ERR_OK;
	}
	arena_free(a);
	return rc;
}

/* What aform_create's transaction needs and gives back. */
struct fcreate {
	const struct audit_actor	*actor;
	const struct db_param		*p;
	const struct aform_input	*in;
	const char			*detail;
	bool				 submit;
	long long			 id;
};

static enum err
create_body(struct db *db, struct arena *a, void *ctx)
{
	struct fcreate		*c = ctx;
	const struct audit_actor *actor = c->actor;
	unsigned long long	 newid = 0;
	enum err		 rc;

	(void)a;
	if ((rc = db_exec(db, &mod, STMT_AF_INSERT, c->p, 13, NULL, &newid)) != ERR_OK ||
	    (rc = write_lines(db, (long long)newid, c->in, c->submit)) != ERR_OK ||
	    (rc = add_event(db, (long long)newid, actor->user_id, "create", "")) != ERR_OK ||
	    (c->submit && (rc = add_event(db, (long long)newid, actor->user_id,
	    "submit", "")) != ERR_OK) ||
	    (rc = audit_form(db, actor, "agency_form.create", (long long)newid,
	    c->detail)) != ERR_OK ||
	    (c->submit && (rc = audit_form(db, actor, "agency_form.submit",
	    (long long)newid, "")) != ERR_OK))
		return rc;
	c->id = (long long)newid;
	return ERR_OK;
}

enum err
aform_create(struct db *db, const struct audit_actor *actor, long long agency_id,
    const char *region, enum aform_source source, const struct aform_input *in,
    bool submit, long long *id)
{
	const char		*st = submit ? "submitted" : "draft";
	char			 enc[2 * (AFORM_CONTACT_MAX + CRYPTO_SEAL_OVERHEAD) + 1];
	struct db_param		 p[] = { DB_INT(agency_id), DB_STR(region), DB_STR(st),
		DB_STR(source == AFSRC_PAPER ? "paper" : "online"),
		DB_STR(in->apply_date), DB_STR(in->net_name), DB_STR(in->net_title),
		DB_STRN(enc, 0), DB_STR(in->opinion), DB_STR(in->resp_name),
		DB_STR(in->opinion_date), DB_INT(actor->user_id), DB_STR(st) };
	char			 detail[128];
	struct fcreate		 c = { actor, p, in, detail, submit, 0 };
	enum err		 rc;

	if ((rc = seal_net_contact(in, enc, sizeof enc)) != ERR_OK)
		return rc;
	p[7].len = strlen(enc);
	lines_detail(in, detail, sizeof detail);
	if ((rc = db_tx(db, 0, create_body, &c)) == ERR_OK)
		*id = c.id;
	return rc;
}

/* What a form's steps read from the locked row (STMT_AF_LOCK: status,
 * version, checked_by, agency_id, entered_by) and what they write. */
struct fstep {
	const struct aform_input *in;
	const char		*note;
	/* aform_execute */
	const struct aform	*f;
	char			(*hash)[PASSWORD_HASH_MAX];
	struct aform_result	*res;
	int			*bad_line;
};

static enum err
save_change(struct step_run *run)
{
	struct fstep	*fs = run->ctx;
	const struct aform_input *in = fs->in;
	bool		 submit = run->step->action == AFA_SUBMIT;
	const char	*st = step_state_name(&aform_machine, run->to);
	enum err	 rc;

	lines_detail(in, run->detail, 128);
	{
		char enc[2 * (AFORM_CONTACT_MAX + CRYPTO_SEAL_OVERHEAD) + 1];
		struct db_param p[] = { DB_STR(in->apply_date), DB_STR(in->net_name),
			DB_STR(in->net_title), DB_STRN(enc, 0),
			DB_STR(in->opinion), DB_STR(in->resp_name),
			DB_STR(in->opinion_date), DB_STR(st), DB_STR(st), DB_INT(run->id) };
		struct db_param d[] = { DB_INT(run->id) };

		if ((rc = seal_net_contact(in, enc, sizeof enc)) != ERR_OK)
			return rc;
		p[3].len = strlen(enc);
		if ((rc = db_exec(run->db, &mod, STMT_AF_UPDATE, p, 10, NULL, NULL)) != ERR_OK ||
		    (rc = db_exec(run->db, &mod, STMT_AF_LINES_DEL, d, 1, NULL, NULL)) != ERR_OK)
			return rc;
	}
	if ((rc = write_lines(run->db, run->id, in, submit)) != ERR_OK)
		return rc;
	return add_event(run->db, run->id, run->actor->user_id,
	    submit ? "submit" : "save", "");
}

static const struct step save_step = {
	&aform_machine, AFA_SAVE, &mod, STMT_AF_LOCK, true,
	"agency_form.save", "agency_form", NULL, save_change,
};
static const struct step submit_step = {
	&aform_machine, AFA_SUBMIT, &mod, STMT_AF_LOCK, true,
	"agency_form.submit", "agency_form", NULL, save_change,
};

enum err
aform_update(struct db *db, const struct audit_actor *actor,
    const struct scope *sc, long long id, unsigned version,
    const struct aform_input *in, bool submit)
{
	struct fstep	fs = { .in = in };
	struct db_param	scope[SCOPE_ORG_NP];

	scope_org_params(sc, "agency", false, scope);
	return step_run(db, submit ? &submit_step : &save_step, actor, scope,
	    SCOPE_ORG_NP, id, version, &fs);
}

/* Four eyes over the whole form: whoever entered it does not
 * check it; recorded, not applied. */
static enum err
check_locked(struct step_run *run)
{
	if (db_col_int(run->row, 4) == run->actor->user_id) {
		run->denied = "four eyes: the person who entered the form cannot check it";
		return ERR_FORBIDDEN;
	}
	return ERR_OK;
}

/* Whoever entered or checked it does not decide it. */
static enum err
approve_locked(struct step_run *run)
{
	if (db_col_int(run->row, 2) == run->actor->user_id) {
		run->denied = "four eyes: the checker cannot decide";
		return ERR_FORBIDDEN;
	}
	if (db_col_int(run->row, 4) == run->actor->user_id) {
		run->denied = "four eyes: the person who entered the form cannot decide it";
		return ERR_FORBIDDEN;
	}
	return ERR_OK;
}

/* The check's, the approval's or a return's update and event row. */
static enum err
decide_change(struct step_run *run)
{
	struct fstep	*fs = run->ctx;
	const char	*note = fs->note;
	long long	 uid = run->actor->user_id;
	struct db_param	 by[] = { DB_INT(uid), DB_STR(note), DB_INT(run->id) };
	struct db_param	 ret[] = { DB_STR(note), DB_INT(run->id) };
	const char	*ev;
	enum err	 rc;

	switch (run->step->action) {
	case AFA_CHECK:
		rc = db_exec(run->db, &mod, STMT_AF_CHECK, by, 3, NULL, NULL);
		ev = "check";
		break;
	case AFA_APPROVE:
		rc = db_exec(run->db, &mod, STMT_AF_APPROVE, by, 3, NULL, NULL);
		ev = "approve";
		break;
	default:
		rc = db_exec(run->db, &mod, STMT_AF_RETURN, ret, 2, NULL, NULL);
		ev = "return";
		snprintf(run->detail, sizeof run->detail, "%s",
		    run->step->action == AFA_RETURN_AT_CHECK ? "at check" :
		    "at approval");
		break;
	}
	if (rc != ERR_OK)
		return rc;
	return add_event(run->db, run->id, uid, ev, note);
}

static const struct step check_step = {
	&aform_machine, AFA_CHECK, &mod, STMT_AF_LOCK, true,
	"agency_form.check", "agency_form", check_locked, decide_change,
};
static const struct step return_at_check_step = {
	&aform_machine, AFA_RETURN_AT_CHECK, &mod, STMT_AF_LOCK, true,
	"agency_form.return", "agency_form", check_locked, decide_change,
};
static const struct step approve_step = {
	&aform_machine, AFA_APPROVE, &mod, STMT_AF_LOCK, true,
	"agency_form.approve", "agency_form", approve_locked, decide_change,
};
static const struct step return_at_approval_step = {
	&aform_machine, AFA_RETURN_AT_APPROVAL, &mod, STMT_AF_LOCK, true,
	"agency_form.return", "agency_form", approve_locked, decide_change,
};

enum err
aform_check(struct db *db, const struct audit_actor *actor,
    const struct scope *sc, long long id, unsigned version, bool agree,
    const char *note)
{
	struct fstep	fs = { .note = note };
	struct db_param	scope[SCOPE_ORG_NP];

	scope_org_params(sc, "agency", false, scope);
	return step_run(db, agree ? &check_step : &return_at_check_step, actor,
	    scope, SCOPE_ORG_NP, id, version, &fs);
}

enum err
aform_approve(struct db *db, const struct audit_actor *actor,
    const struct scope *sc, long long id, unsigned version, bool agree,
    const char *opinion)
{
	struct fstep	fs = { .note = opinion };
	struct db_param	scope[SCOPE_ORG_NP];

	scope_org_params(sc, "agency", false, scope);
	return step_run(db, agree ? &approve_step : &return_at_approval_step,
	    actor, scope, SCOPE_ORG_NP, id, version, &fs);
}

void
aform_result_wipe(struct aform_result *res)
{
	explicit_bzero(res, sizeof *res);
}

/* A username for a new gov user of `region`: g + region code + 4 random
 * digits ("g4401003817"), not yet taken.  ERR_CONFLICT when 20 draws all
 * collide (a region with thousands of users would need more digits). */
static enum err
new_username(struct db *db, struct arena *a, const char *region, char out[41])
{
	for (int tries = 0; tries < 20; tries++) {
		unsigned char	 r[2];
		struct db_param	 p[1];
		struct db_rows	*rows;
		enum err	 rc;
		int		 n;

		crypto_random(r, sizeof r);
		snprintf(out, 41, "g%.6s%04u", region, (unsigned)((r[0] << 8 | r[1]) % 10000));
		p[0] = DB_STR(out);
		if ((rc = db_query(db, a, &mod, STMT_AF_NAME_TAKEN, p, 1, &rows)) != ERR_OK)
			return rc;
		n = db_next(rows);
		db_rows_free(rows);
		if (n == 0)
			return ERR_OK;
		if (n == -1)
			return db_rows_error(db);
	}
	return ERR_CONFLICT;
}

/* Checks that the user of a revoke or reset line is still a live gov user
 * of the agency, locking it; its username into *name. */
static enum err
target_ok(struct db *db, struct arena *a, long long agency_id,
    const struct aform_line *l, const char **name)
{
	struct db_param	 p[] = { DB_INT(l->target_user_id), DB_INT(agency_id) };
	struct db_rows	*rows;
	enum err	 rc;
	int		 n;

	if ((rc = db_query(db, a, &mod, STMT_AF_TARGET, p, 2, &rows)) != ERR_OK)
		return rc;
	n = db_next(rows);
	if (n == 1) {
		*name = db_col_text(rows, a, 0);
		if (strcmp(db_col_str(rows, 1), "revoked") == 0)
			n = 0;
	}
	db_rows_free(rows);
	return n == 1 ? ERR_OK : n == 0 ? ERR_INVAL : db_rows_error(db);
}

/* The lines of an approved form, each under the lock of its form. */
static enum err
execute_change(struct step_run *run)
{
	struct fstep		*fs = run->ctx;
	const struct aform	*f = fs->f;
	struct aform_result	*res = fs->res;
	struct db		*db = run->db;
	const struct audit_actor *actor = run->actor;
	long long		 id = run->id;
	enum err		 rc;
	size_t			 i;

	for (i = 0; i < f->in.nlines; i++) {
		const struct aform_line	*l = &f->in.lines[i];
		const char		*name = "";
		long long		 uid = l->target_user_id;

		if (l->op == AFOP_OPEN) {
			struct user_new n = {
				.role = ROLE_GOV, .region = f->region,
				.org_kind = "agency", .org_id = f->agency_id,
				.real_name = l->name, .contact = l->contact,
				.perms = l->perms,	/* what the line says (issue 16) */
			};

			if ((rc = new_username(db, run->a, f->region, res->username[i])) != ERR_OK)
				return rc;
			n.username = res->username[i];
			if ((rc = user_insert_tx(db, actor, "user.create", &n,
			    fs->hash[i], true, &uid)) != ERR_OK)
				return rc;
		} else {
			if ((rc = target_ok(db, run->a, f->agency_id, l, &name)) != ERR_OK) {
				if (rc == ERR_INVAL)
					*fs->bad_line = (int)i + 1;
				return rc;
			}
			snprintf(res->username[i], sizeof res->username[i], "%s", name);
			if (l->op == AFOP_REVOKE) {
				char why[48];
				struct acct_change ch = { .action = ACCT_REVOKE,
				    .by = ACCT_BY_FORM, .reason = why };

				snprintf(why, sizeof why, "change form %lld", id);
				rc = user_step_tx(db, actor, uid, &ch, NULL);
			} else
				rc = user_reset_password_tx(db, actor, ACCT_BY_FORM,
				    uid, fs->hash[i]);
			if (rc != ERR_OK)
				return rc;
		}
		{
			struct db_param p[] = { DB_INT(uid), DB_STR(res->username[i]),
				DB_INT(id), DB_INT(i + 1) };

			if ((rc = db_exec(db, &mod, STMT_AF_LINE_RESULT, p, 4, NULL,
			    NULL)) != ERR_OK)
				return rc;
		}
	}
	{
		struct db_param p[] = { DB_INT(actor->user_id), DB_INT(id) };

		lines_detail(&f->in, run->detail, 128);
		if ((rc = db_exec(db, &mod, STMT_AF_EXECUTE, p, 2, NULL, NULL)) != ERR_OK)
			return rc;
	}
	return add_event(db, id, actor->user_id, "execute", "");
}

static const struct step execute_step = {
	&aform_machine, AFA_EXECUTE, &mod, STMT_AF_LOCK, true,
	"agency_form.execute", "agency_form", NULL, execute_change,
};

enum err
aform_execute(struct db *db, const struct audit_actor *actor,
    const struct scope *sc, long long id, unsigned version,
    struct aform_result *res, int *bad_line)
{
	struct arena	*a = arena_new(4096);
	char		 hash[AFORM_LINES_MAX][PASSWORD_HASH_MAX];
	struct db_param	 scope[SCOPE_ORG_NP];
	struct aform	 f;
	struct fstep	 fs;
	enum err	 rc;
	size_t		 i;

	*bad_line = 0;
	memset(res, 0, sizeof *res);
	if (a == NULL)
		return ERR_NOMEM;
	scope_org_params(sc, "agency", false, scope);
	if ((rc = aform_get(db, a, sc, id, &f)) != ERR_OK)
		goto out;
	if (f.status != AF_APPROVED || f.version != version) {
		rc = ERR_CONFLICT;
		goto out;
	}
	/* the slow part (scrypt) before the transaction */
	for (i = 0; i < f.in.nlines; i++)
		if (f.in.lines[i].op != AFOP_REVOKE &&
		    user_otp_hash(res->password[i], hash[i]) == -1) {
			rc = ERR_NOMEM;
			goto out;
		}
	/* the step checks the version again under the lock: the lines read
	 * above are the ones executed */
	memset(&fs, 0, sizeof fs);
	fs.f = &f;
	fs.hash = hash;
	fs.res = res;
	fs.bad_line = bad_line;
	rc = step_run(db, &execute_step, actor, scope, SCOPE_ORG_NP, id, version, &fs);
out:
	explicit_bzero(hash, sizeof hash);
	if (rc != ERR_OK)
		aform_result_wipe(res);
	arena_free(a);
	return rc;
}

/* --- the agency and its users ------------------------------------------ */

static void
agency_fill(const struct db_rows *rows, struct arena *a, void *elem)
{
	struct aform_agency *ag = elem;

	ag->id = db_col_int(rows, 0);
	ag->name = db_col_text(rows, a, 1);
	ag->region = db_col_text(rows, a, 2);
	ag->region_name = db_col_text(rows, a, 3);
	ag->net_name = db_col_text(rows, a, 4);
	ag->net_title = db_col_text(rows, a, 5);
	ag->net_contact = col_contact(rows, a, 6, "agencies.net_contact");
	ag->office_name = db_col_text(rows, a, 7);
}

enum err
aform_agency_get(struct db *db, struct arena *a, long long id,
    struct aform_agency *ag)
{
	struct db_param	 p[] = { DB_INT(id) };
	struct db_rows	*rows;
	enum err	 rc;
	int		 n;

	memset(ag, 0, sizeof *ag);
	if ((rc = db_query(db, a, &mod, STMT_AF_AGENCY, p, 1, &rows)) != ERR_OK)
		return rc;
	if ((n = db_next(rows)) == 1)
		agency_fill(rows, a, ag);
	db_rows_free(rows);
	return n == 1 ? ERR_OK : n == 0 ? ERR_NOTFOUND : db_rows_error(db);
}

enum err
aform_agencies(struct db *db, struct arena *a, const char *region, size_t max,
    struct aform_agency_list *l)
{
	struct db_param p[] = { DB_STR(region), DB_STR(region), DB_INT(max) };

	return db_query_list(db, a, &mod, STMT_AF_AGENCIES, p, 3, sizeof *l->v,
	    agency_fill, (void **)&l->v, &l->n);
}

static void
member_fill(const struct db_rows *rows, struct arena *a, void *elem)
{
	struct aform_member *m = elem;

	m->id = db_col_int(rows, 0);
	m->username = db_col_text(rows, a, 1);
	m->real_name = db_col_text(rows, a, 2);
	m->contact = col_contact(rows, a, 3, "users.contact");
	m->status = db_col_text(rows, a, 4);
}

enum err
aform_members(struct db *db, struct arena *a, long long agency_id,
    struct aform_member_list *l)
{
	struct db_param p[] = { DB_INT(agency_id) };

	return db_query_list(db, a, &mod, STMT_AF_MEMBERS, p, 1, sizeof *l->v,
	    member_fill, (void **)&l->v, &l->n);
}
