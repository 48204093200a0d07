/*
 * objection.c -- the SQL, the machine and the steps of the enterprises'
 * objections (objection.h).
 */
#include <stdio.h>
#include <string.h>

#include "accounts/inbox.h"
#include "core/enumname.h"
#include "core/timefmt.h"
#include "core/utf8.h"
#include "credit/objection.h"
#include "db/db_region.h"
#include "db/workdays.h"

/* --- names and the machine ------------------------------------------------ */

static const char *const subject_names[OSUB__MAX] = { "record", "registration" };
static const char *const kind_names[OKIND__MAX] = {
	"wrong", "missing", "duplicate", "not_public", "over_term", "inconsistent",
};
static const char *const status_names[OST__MAX] = {
	"filed", "accepted", "refused", "checked",
	"corrected", "removed", "kept", "unconfirmed",
};
static const char *const action_names[OA__MAX] = {
	"accept", "refuse", "check", "correct", "remove", "keep", "unconfirm",
	"take_over",
};

#define N_	STEP_NO
#define T(s)	STEP_TO(s)
static const signed char obj_next[OST__MAX][OA__MAX] = {
	/*                accept          refuse        check         correct          remove         keep         unconfirm          take_over */
	[OST_FILED] =    { T(OST_ACCEPTED), T(OST_REFUSED), N_,         N_,              N_,            N_,          N_,                T(OST_FILED) },
	[OST_ACCEPTED] = { N_,              N_,             T(OST_CHECKED), N_,          N_,            N_,          N_,                T(OST_ACCEPTED) },
	[OST_REFUSED] =  { N_,              N_,             N_,         N_,              N_,            N_,          N_,                N_ },
	[OST_CHECKED] =  { N_,              N_,             N_,         T(OST_CORRECTED), T(OST_REMOVED), T(OST_KEPT), T(OST_UNCONFIRMED), T(OST_CHECKED) },
	[OST_CORRECTED] = { N_,             N_,             N_,         N_,              N_,            N_,          N_,                N_ },
	[OST_REMOVED] =  { N_,              N_,             N_,         N_,              N_,            N_,          N_,                N_ },
	[OST_KEPT] =     { N_,              N_,             N_,         N_,              N_,            N_,          N_,                N_ },
	[OST_UNCONFIRMED] = { N_,           N_,             N_,         N_,              N_,            N_,          N_,                N_ },
};
#undef N_
#undef T

const struct step_machine objection_machine = {
	"objection", OST__MAX, OA__MAX, status_names, action_names, &obj_next[0][0],
};

const char *obj_subject_name(enum obj_subject s) { return enum_name(subject_names, OSUB__MAX, (int)s); }
int obj_subject_parse(const char *s) { return enum_parse(subject_names, OSUB__MAX, s); }
const char *obj_kind_name(enum obj_kind k) { return enum_name(kind_names, OKIND__MAX, (int)k); }
int obj_kind_parse(const char *s) { return enum_parse(kind_names, OKIND__MAX, s); }
const char *obj_status_name(enum obj_status s) { return enum_name(status_names, OST__MAX, (int)s); }
int obj_status_parse(const char *s) { return enum_parse(status_names, OST__MAX, s); }
const char *obj_action_name(enum obj_action a) { return enum_name(action_names, OA__MAX, (int)a); }
int obj_action_parse(const char *s) { return enum_parse(action_names, OA__MAX, s); }

bool
obj_status_open(enum obj_status s)
{
	return s == OST_FILED || s == OST_ACCEPTED || s == OST_CHECKED;
}

bool
obj_status_marks(enum obj_status s)
{
	return obj_status_open(s) || s == OST_UNCONFIRMED;
}

static int
parse_day(const char *s, int *y, int *m, int *d)
{
	if (s == NULL || strlen(s) != 10 || sscanf(s, "%4d-%2d-%2d", y, m, d) != 3 ||
	    !calendar_date_valid(*y, *m, *d))
		return -1;
	return 0;
}

/* Day number `day` as "YYYY-MM-DD" into out[11]. */
static void
day_text(long day, char out[11])
{
	char	tmp[40];
	int	y, m, d;

	civil_from_day(day, &y, &m, &d);
	snprintf(tmp, sizeof tmp, "%04d-%02d-%02d", y, m, d);
	memcpy(out, tmp, 10);
	out[10] = '\0';
}

void
obj_deadlines(const struct calendar *cal, int y, int m, int d, char due[11],
    char accept_by[11])
{
	int	oy, om, od;

	day_text(day_from_civil(y, m, d) + OBJ_DAYS, due);
	add_workdays(cal, y, m, d, OBJ_ACCEPT_WORKDAYS, &oy, &om, &od);
	day_text(day_from_civil(oy, om, od), accept_by);
}

int
obj_days_left(const char *due, const char *today)
{
	int	y1, m1, d1, y2, m2, d2;

	if (parse_day(due, &y1, &m1, &d1) == -1 || parse_day(today, &y2, &m2, &d2) == -1)
		return 0;
	return (int)(day_from_civil(y1, m1, d1) - day_from_civil(y2, m2, d2));
}

int
obj_reply_number(long long id, const char *day, char out[OBJ_REPLY_NO_LEN])
{
	int	y, m, d;

	out[0] = '\0';
	if (id <= 0 || parse_day(day, &y, &m, &d) == -1)
		return -1;
	snprintf(out, OBJ_REPLY_NO_LEN, "GDYY-%04d%02d%02d-%08lld", y, m, d, id);
	return 0;
}

/* --- SQL ------------------------------------------------------------------- */

enum {
	STMT_O_GET,
	STMT_O_LIST,
	STMT_O_COUNT,
	STMT_O_LIST_ENT,
	STMT_O_COUNT_ENT,
	STMT_O_LIST_AGENCY,
	STMT_O_COUNT_AGENCY,
	STMT_O_LIST_REGION,
	STMT_O_COUNT_REGION,
	STMT_O_LIST_ALL,
	STMT_O_COUNT_ALL,
	STMT_O_OVERDUE,
	STMT_O_EVENTS,
	STMT_O_EVENTS_REC,
	STMT_O_OWNER,
	STMT_O_REC_LOCK,
	STMT_O_ENT_LOCK,
	STMT_O_OPEN,
	STMT_O_INSERT,
	STMT_O_EVENT,
	STMT_O_LOCK,
	STMT_O_SET,
	STMT_O_REC_CONTENT,
	STMT_O_REC_CORRECT,
	STMT_O_REC_REMOVE,
	STMT_O_OFFICE,
	STMT_O_DUE,
	STMT_O_REMIND_LOCK,
	STMT_O_REMINDED,
	STMT_O_REG_MARK,
	STMT_O__MAX
};

#define TS(c)	"COALESCE(DATE_FORMAT(" c ", '%Y-%m-%d %H:%i:%s'), '')"
#define OPEN_IN	" ('filed','accepted','checked')"

/* Who reads objection o (objection.h), four parameters: mode, region,
 * org, org (scope_params). */
#define O_SCOPE \
	" (CASE ? WHEN 'all' THEN 1" \
	" WHEN 'region' THEN o.region_code = ?" \
	" WHEN 'ent' THEN o.enterprise_id = ?" \
	" WHEN 'agency' THEN o.agency_id = ?" \
	" ELSE 0 END)"
#define O_NSCOPE	4

#define O_COLS \
	"o.id, o.enterprise_id, e.name, e.uscc, o.region_code, rg.name, o.subject," \
	" COALESCE(o.record_id, 0), COALESCE(o.agency_id, 0), COALESCE(ag.name, '')," \
	" COALESCE(o.batch_id, 0), o.kind, o.should_say, o.reason, o.status, o.version," \
	" o.handler, COALESCE(u.real_name, ''), " TS("o.filed_at") "," \
	" DATE_FORMAT(o.accept_by, '%Y-%m-%d'), DATE_FORMAT(o.due_date, '%Y-%m-%d')," \
	" " TS("o.accepted_at") ", " TS("o.checked_at") ", " TS("o.closed_at") "," \
	" o.check_note, o.outcome_note, COALESCE(ca.name, ''), COALESCE(o.reply_no, '')," \
	" o.reminded"
#define O_FROM \
	" FROM objections o JOIN enterprises e ON e.id = o.enterprise_id" \
	" JOIN regions rg ON rg.code = o.region_code" \
	" LEFT JOIN agencies ag ON ag.id = o.agency_id" \
	" LEFT JOIN agencies ca ON ca.id = o.corr_agency_id" \
	" LEFT JOIN users u ON u.id = o.filed_by"
/* the list's filter, six parameters: status x3, today, status x2 */
#define O_FILTER \
	" AND (? = '' OR (? = 'open' AND o.status IN" OPEN_IN ")" \
	" OR (? = 'overdue' AND o.status IN" OPEN_IN " AND o.due_date < ?)" \
	" OR (? = 'marks' AND o.status IN ('filed','accepted','checked','unconfirmed'))" \
	" OR o.status = ?)"

/*
 * The lists without the CASE (docs/ARCHITECTURE.md "Lists at scale": no
 * index serves a scope in a CASE on a parameter): one direct predicate
 * per mode, the CASE's branch, along objections_enterprise,
 * objections_agency, objections_region or the primary key (direct_of).
 */
#define O_LIST_BY(where) \
	"SELECT " O_COLS O_FROM where O_FILTER " ORDER BY o.id DESC LIMIT ? OFFSET ?"
#define O_COUNT_BY(where) \
	"SELECT COUNT(*) FROM (SELECT 1 FROM objections o" where O_FILTER " LIMIT 501) t"
#define O_ENT		" WHERE o.enterprise_id = ?"
#define O_AGENCY	" WHERE o.agency_id = ?"
#define O_REGION	" WHERE o.region_code = ?"
#define O_ALL		" WHERE 1"

#define EV_COLS \
	"SELECT ev.objection_id, " TS("ev.at") ", ev.action, ev.org_kind," \
	" COALESCE(ag.name, of.name, e.name, ''), COALESCE(u.real_name, ''), ev.note," \
	" COALESCE(ev.old_content, ''), COALESCE(ev.new_content, '')" \
	" FROM objection_events ev" \
	" LEFT JOIN agencies ag ON ev.org_kind = 'agency' AND ag.id = ev.org_id" \
	" LEFT JOIN offices of ON ev.org_kind = 'office' AND of.id = ev.org_id" \
	" LEFT JOIN enterprises e ON ev.org_kind = 'enterprise' AND e.id = ev.org_id" \
	" LEFT JOIN users u ON u.id = ev.user_id"

static const char *const sql[STMT_O__MAX] = {
	[STMT_O_GET] = "SELECT " O_COLS O_FROM " WHERE o.id = ? AND" O_SCOPE,
	[STMT_O_LIST] =
	    "SELECT " O_COLS O_FROM " WHERE" O_SCOPE O_FILTER
	    " ORDER BY o.id DESC LIMIT ? OFFSET ?",
	[STMT_O_COUNT] =
	    "SELECT COUNT(*) FROM (SELECT 1 FROM objections o WHERE" O_SCOPE O_FILTER
	    " LIMIT 501) t",
	[STMT_O_LIST_ENT] = O_LIST_BY(O_ENT),
	[STMT_O_COUNT_ENT] = O_COUNT_BY(O_ENT),
	[STMT_O_LIST_AGENCY] = O_LIST_BY(O_AGENCY),
	[STMT_O_COUNT_AGENCY] = O_COUNT_BY(O_AGENCY),
	[STMT_O_LIST_REGION] = O_LIST_BY(O_REGION),
	[STMT_O_COUNT_REGION] = O_COUNT_BY(O_REGION),
	[STMT_O_LIST_ALL] = O_LIST_BY(O_ALL),
	[STMT_O_COUNT_ALL] = O_COUNT_BY(O_ALL),
	[STMT_O_OVERDUE] =
	    "SELECT COUNT(*) FROM objections o WHERE o.status IN" OPEN_IN
	    " AND o.due_date < ? AND" O_SCOPE,
	[STMT_O_EVENTS] = EV_COLS " WHERE ev.objection_id = ? ORDER BY ev.id LIMIT 500",
	[STMT_O_EVENTS_REC] = EV_COLS " WHERE ev.record_id = ? ORDER BY ev.id LIMIT 500",
	[STMT_O_OWNER] = "SELECT o.id FROM objections o WHERE o.id = ? AND" O_SCOPE,
	/* a current record of the enterprise's own, held until the filing commits */
	[STMT_O_REC_LOCK] =
	    "SELECT cr.agency_id, cr.batch_id FROM credit_records cr"
	    " JOIN credit_batches b ON b.id = cr.batch_id"
	    " WHERE cr.id = ? AND cr.enterprise_id = ? AND cr.withdrawn = 0"
	    " AND b.status = 'confirmed' AND (cr.period_end IS NULL OR cr.period_end >= ?)"
	    " FOR UPDATE",
	[STMT_O_ENT_LOCK] = "SELECT region_code FROM enterprises WHERE id = ? FOR UPDATE",
	[STMT_O_OPEN] = "SELECT id FROM objections WHERE open_key = ?",
	[STMT_O_INSERT] =
	    "INSERT INTO objections (enterprise_id, region_code, subject, record_id,"
	    " agency_id, batch_id, kind, should_say, reason, committed, handler,"
	    " filed_by, accept_by, due_date)"
	    " VALUES (?, ?, ?, NULLIF(?, 0), NULLIF(?, 0), NULLIF(?, 0), ?, ?, ?, 1, ?, ?, ?, ?)",
	[STMT_O_EVENT] =
	    "INSERT INTO objection_events (objection_id, record_id, user_id, org_kind,"
	    " org_id, action, note, old_content, new_content)"
	    " VALUES (?, NULLIF(?, 0), NULLIF(?, 0), ?, ?, ?, ?, ?, ?)",
	/* a step's lock: state, version, then what the hooks need */
	[STMT_O_LOCK] =
	    "SELECT o.status, o.version, o.handler, COALESCE(o.agency_id, 0),"
	    " COALESCE(o.record_id, 0), o.enterprise_id,"
	    " DATE_FORMAT(o.accept_by, '%Y-%m-%d'), o.region_code,"
	    " DATE_FORMAT(o.due_date, '%Y-%m-%d')"
	    " FROM objections o WHERE o.id = ? AND" O_SCOPE " FOR UPDATE",
	[STMT_O_SET] =
	    "UPDATE objections SET status = ?, version = version + 1, handler = ?,"
	    " accepted_at = IF(? = 'accepted', UTC_TIMESTAMP(), accepted_at),"
	    " checked_at = IF(? = 'checked', UTC_TIMESTAMP(), checked_at),"
	    " closed_at = IF(? IN ('refused','corrected','removed','kept','unconfirmed'),"
	    " UTC_TIMESTAMP(), closed_at),"
	    " check_note = IF(? = 'checked', ?, check_note),"
	    " outcome_note = IF(? IN ('refused','corrected','removed','kept','unconfirmed'),"
	    " ?, outcome_note),"
	    " reply_no = COALESCE(NULLIF(?, ''), reply_no),"
	    " corr_agency_id = COALESCE(NULLIF(?, 0), corr_agency_id)"
	    " WHERE id = ?",
	[STMT_O_REC_CONTENT] =
	    "SELECT content, COALESCE(DATE_FORMAT(period_end, '%Y-%m-%d'), '')"
	    " FROM credit_records WHERE id = ? FOR UPDATE",
	[STMT_O_REC_CORRECT] =
	    "UPDATE credit_records SET content = ?, period_end = COALESCE(?, period_end)"
	    " WHERE id = ?",
	[STMT_O_REC_REMOVE] = "UPDATE credit_records SET withdrawn = 1 WHERE id = ?",
	[STMT_O_OFFICE] = "SELECT id FROM offices WHERE region_code = ? ORDER BY id LIMIT 1",
	[STMT_O_DUE] =
	    "SELECT o.id FROM objections o WHERE o.status IN" OPEN_IN
	    " AND ((o.due_date = ? AND o.reminded & 1 = 0)"
	    " OR (o.due_date = ? AND o.reminded & 2 = 0))"
	    " ORDER BY o.id LIMIT 1000",
	[STMT_O_REMIND_LOCK] =
	    "SELECT o.status, DATE_FORMAT(o.due_date, '%Y-%m-%d'), o.reminded, o.handler,"
	    " COALESCE(o.agency_id, 0), o.region_code, e.name, COALESCE(o.record_id, 0)"
	    " FROM objections o JOIN enterprises e ON e.id = o.enterprise_id"
	    " WHERE o.id = ? FOR UPDATE",
	[STMT_O_REMINDED] = "UPDATE objections SET reminded = reminded | ? WHERE id = ?",
	[STMT_O_REG_MARK] =
	    "SELECT id, " TS("filed_at") ", status FROM objections"
	    " WHERE enterprise_id = ? AND subject = 'registration'"
	    " AND status IN ('filed','accepted','checked','unconfirmed')"
	    " ORDER BY id DESC LIMIT 1",
};

static const struct db_module mod = { DBM_CREDIT_OBJECTION, STMT_O__MAX, sql };

static const char *
scope_mode(const struct scope *sc)
{
	if (sc->kind == SCOPE_SYSTEM)
		return "all";
	if (sc->role == ROLE_OPERATOR || sc->role == ROLE_SUPERVISOR)
		return scope_province_wide(sc) ? "all" : "region";
	if (sc->org_id <= 0 || sc->org_kind == NULL)
		return "none";
	if (sc->role == ROLE_GOV && strcmp(sc->org_kind, "agency") == 0)
		return "agency";
	if (sc->role == ROLE_ENTERPRISE && strcmp(sc->org_kind, "enterprise") == 0)
		return "ent";
	return "none";
}

static void
scope_params(const struct scope *sc, struct db_param p[O_NSCOPE])
{
	p[0] = DB_STR(scope_mode(sc));
	p[1] = DB_STR(sc->region);
	p[2] = DB_INT(sc->org_id);
	p[3] = DB_INT(sc->org_id);
}

/* The list and count statements of scope sc and their scope parameters
 * into p (O_NSCOPE at most): the direct ones of each mode, the CASE's
 * for "none" (which matches nothing).  Returns the parameters' number. */
static size_t
direct_of(const struct scope *sc, struct db_param p[O_NSCOPE], int *list,
    int *count)
{
	const char *mode = scope_mode(sc);

	if (strcmp(mode, "ent") == 0 || strcmp(mode, "agency") == 0) {
		*list = mode[0] == 'e' ? STMT_O_LIST_ENT : STMT_O_LIST_AGENCY;
		*count = mode[0] == 'e' ? STMT_O_COUNT_ENT : STMT_O_COUNT_AGENCY;
		p[0] = DB_INT(sc->org_id);
		return 1;
	}
	if (strcmp(mode, "region") == 0) {
		*list = STMT_O_LIST_REGION;
		*count = STMT_O_COUNT_REGION;
		p[0] = DB_STR(sc->region);
		return 1;
	}
	if (strcmp(mode, "all") == 0) {
		*list = STMT_O_LIST_ALL;
		*count = STMT_O_COUNT_ALL;
		return 0;
	}
	*list = STMT_O_LIST;
	*count = STMT_O_COUNT;
	scope_params(sc, p);
	return O_NSCOPE;
}

static void
obj_fill(const struct db_rows *r, struct arena *a, void *elem)
{
	struct objection	*o = elem;
	int			 k;

	o->id = db_col_int(r, 0);
	o->enterprise_id = db_col_int(r, 1);
	o->ent_name = db_col_text(r, a, 2);
	o->uscc = db_col_text(r, a, 3);
	o->region = db_col_text(r, a, 4);
	o->region_name = db_col_text(r, a, 5);
	k = obj_subject_parse(db_col_str(r, 6));
	o->subject = k < 0 ? OSUB_RECORD : (enum obj_subject)k;
	o->record_id = db_col_int(r, 7);
	o->agency_id = db_col_int(r, 8);
	o->agency_name = db_col_text(r, a, 9);
	o->batch_id = db_col_int(r, 10);
	k = obj_kind_parse(db_col_str(r, 11));
	o->kind = k < 0 ? OKIND_WRONG : (enum obj_kind)k;
	o->should_say = db_col_text(r, a, 12);
	o->reason = db_col_text(r, a, 13);
	k = obj_status_parse(db_col_str(r, 14));
	o->status = k < 0 ? OST_REFUSED : (enum obj_status)k;
	o->version = (unsigned)db_col_int(r, 15);
	o->by_office = db_col_str(r, 16) != NULL && strcmp(db_col_str(r, 16), "office") == 0;
	o->filer_name = db_col_text(r, a, 17);
	o->filed_at = db_col_text(r, a, 18);
	o->accept_by = db_col_text(r, a, 19);
	o->due_date = db_col_text(r, a, 20);
	o->accepted_at = db_col_text(r, a, 21);
	o->checked_at = db_col_text(r, a, 22);
	o->closed_at = db_col_text(r, a, 23);
	o->check_note = db_col_text(r, a, 24);
	o->outcome_note = db_col_text(r, a, 25);
	o->corr_agency = db_col_text(r, a, 26);
	o->reply_no = db_col_text(r, a, 27);
	o->reminded = (int)db_col_int(r, 28);
}

enum err
objection_get(struct db *db, struct arena *a, const struct scope *sc,
    long long id, struct objection *o)
{
	struct db_param	 p[1 + O_NSCOPE];
	struct objection *v = NULL;
	size_t		 n = 0;
	enum err	 rc;

	memset(o, 0, sizeof *o);
	p[0] = DB_INT(id);
	scope_params(sc, p + 1);
	if ((rc = db_query_list(db, a, &mod, STMT_O_GET, p, 1 + O_NSCOPE,
	    sizeof *v, obj_fill, (void **)&v, &n)) != ERR_OK)
		return rc;
	if (n != 1)
		return ERR_NOTFOUND;
	*o = v[0];
	return ERR_OK;
}

static size_t
filter_params(const struct obj_filter *f, struct db_param *p)
{
	const char *st = f->status != NULL ? f->status : "";

	p[0] = DB_STR(st);
	p[1] = DB_STR(st);
	p[2] = DB_STR(st);
	p[3] = DB_STR(f->today != NULL ? f->today : "");
	p[4] = DB_STR(st);
	p[5] = DB_STR(st);
	return 6;
}

enum err
objection_list(struct db *db, struct arena *a, const struct scope *sc,
    const struct obj_filter *f, struct objection_list *l)
{
	struct db_param	 p[O_NSCOPE + 6 + 2];
	struct db_rows	*rows;
	size_t		 np, per = f->per > 0 && f->per <= OBJ_LIST_MAX ? f->per : 20;
	enum err	 rc;
	int		 r, list, count;

	memset(l, 0, sizeof *l);
	np = direct_of(sc, p, &list, &count);
	np += filter_params(f, p + np);
	if ((rc = db_query(db, a, &mod, count, p, np, &rows)) != ERR_OK)
		return rc;
	if ((r = db_next(rows)) == 1)
		l->total = db_col_int(rows, 0);
	db_rows_free(rows);
	if (r == -1)
		return db_rows_error(db);
	p[np] = DB_INT(per);
	p[np + 1] = DB_INT(f->page * per);
	return db_query_list(db, a, &mod, list, p, np + 2, sizeof *l->v,
	    obj_fill, (void **)&l->v, &l->n);
}

enum err
objection_overdue_count(struct db *db, const struct scope *sc, const char *today,
    long long *n)
{
	struct db_param	 p[1 + O_NSCOPE];
	struct db_rows	*rows;
	struct arena	*a;
	enum err	 rc;
	int		 r;

	*n = 0;
	if ((a = arena_new(1024)) == NULL)
		return ERR_NOMEM;
	p[0] = DB_STR(today);
	scope_params(sc, p + 1);
	if ((rc = db_query(db, a, &mod, STMT_O_OVERDUE, p, 1 + O_NSCOPE, &rows)) == ERR_OK) {
		if ((r = db_next(rows)) == 1)
			*n = db_col_int(rows, 0);
		else if (r == -1)
			rc = db_rows_error(db);
		db_rows_free(rows);
	}
	arena_free(a);
	return rc;
}

static void
ev_fill(const struct db_rows *r, struct arena *a, void *elem)
{
	struct obj_event *e = elem;

	e->objection_id = db_col_int(r, 0);
	e->at = db_col_text(r, a, 1);
	e->action = db_col_text(r, a, 2);
	e->org_kind = db_col_text(r, a, 3);
	e->org_name = db_col_text(r, a, 4);
	e->user_name = db_col_text(r, a, 5);
	e->note = db_col_text(r, a, 6);
	e->old_content = db_col_text(r, a, 7);
	e->new_content = db_col_text(r, a, 8);
}

enum err
objection_events(struct db *db, struct arena *a, long long id, long long record_id,
    struct obj_event **v, size_t *n)
{
	struct db_param p[1] = { DB_INT(id > 0 ? id : record_id) };

	*v = NULL;
	*n = 0;
	return db_query_list(db, a, &mod, id > 0 ? STMT_O_EVENTS : STMT_O_EVENTS_REC,
	    p, 1, sizeof **v, ev_fill, (void **)v, n);
}

enum err
objection_file_owner(struct db *db, struct arena *a, const struct scope *sc,
    long long id)
{
	struct db_param	 p[1 + O_NSCOPE];
	struct db_rows	*rows;
	enum err	 rc;
	int		 n;

	if (id <= 0)
		return ERR_NOTFOUND;
	p[0] = DB_INT(id);
	scope_params(sc, p + 1);
	if ((rc = db_query(db, a, &mod, STMT_O_OWNER, p, 1 + O_NSCOPE, &rows)) != ERR_OK)
		return rc;
	n = db_next(rows);
	rc = n == 1 ? ERR_OK : n == 0 ? ERR_NOTFOUND : db_rows_error(db);
	db_rows_free(rows);
	return rc;
}

/* --- shared pieces of the transactions ----------------------------------- */

static enum err
event_add(struct db *db, long long obj_id, long long record_id, long long user_id,
    const char *org_kind, long long org_id, const char *action, const char *note,
    const char *old_content, const char *new_content)
{
	struct db_param p[] = {
		DB_INT(obj_id), DB_INT(record_id), DB_INT(user_id), DB_STR(org_kind),
		DB_INT(org_id), DB_STR(action), DB_STR(note != NULL ? note : ""),
		old_content != NULL ? DB_STR(old_content) : DB_NULL,
		new_content != NULL ? DB_STR(new_content) : DB_NULL,
	};

	return db_exec(db, &mod, STMT_O_EVENT, p, 9, NULL, NULL);
}

/* The office of `region` (0: none). */
static enum err
office_of(struct db *db, struct arena *a, const char *region, long long *id)
{
	struct db_param	 p[] = { DB_STR(region) };
	struct db_rows	*rows;
	enum err	 rc;
	int		 n;

	*id = 0;
	if ((rc = db_query(db, a, &mod, STMT_O_OFFICE, p, 1, &rows)) != ERR_OK)
		return rc;
	if ((n = db_next(rows)) == 1)
		*id = db_col_int(rows, 0);
	db_rows_free(rows);
	return n == -1 ? db_rows_error(db) : ERR_OK;
}

/* Tells the organisation answering an objection (the agency, or the
 * region's office). */
static enum err
tell_handler(struct db *db, struct arena *a, bool office, long long agency_id,
    const char *region, const struct inbox_note *n)
{
	long long	oid = 0;
	enum err	rc;

	if (!office && agency_id > 0)
		return inbox_add_org(db, "agency", agency_id, n, NULL);
	if ((rc = office_of(db, a, region, &oid)) != ERR_OK || oid <= 0)
		return rc;
	return inbox_add_org(db, "office", oid, n, NULL);
}

static bool
text_ok(const char *s, bool required)
{
	size_t len;

	if (s == NULL)
		return !required;
	len = strlen(s);
	if (len == 0)
		return !required;
	return utf8_valid(s, len) && utf8_len(s, len) <= OBJ_TEXT_MAX;
}

/* --- filing ---------------------------------------------------------------- */

struct file_ctx {
	const struct audit_actor	*actor;
	const struct obj_filing		*f;
	const char			*today;
	const char			*due, *accept_by;
	long long			 id;
};

static enum err
file_body(struct db *db, struct arena *a, void *arg)
{
	struct file_ctx		*c = arg;
	const struct obj_filing	*f = c->f;
	struct db_rows		*rows;
	long long		 agency_id = 0, batch_id = 0;
	unsigned long long	 newid = 0;
	const char		*region = NULL, *key;
	enum err		 rc;
	char			 oid[24];
	int			 n;

	/* the enterprise's row: its region, and one filing at a time */
	{
		struct db_param p[] = { DB_INT(f->enterprise_id) };

		if ((rc = db_query(db, a, &mod, STMT_O_ENT_LOCK, p, 1, &rows)) != ERR_OK)
			return rc;
		if ((n = db_next(rows)) == 1)
			region = db_col_text(rows, a, 0);
		db_rows_free(rows);
		if (n != 1)
			return n == 0 ? ERR_NOTFOUND : db_rows_error(db);
	}
	if (f->subject == OSUB_RECORD) {
		struct db_param p[] = { DB_INT(f->record_id), DB_INT(f->enterprise_id),
		    DB_STR(c->today) };

		if ((rc = db_query(db, a, &mod, STMT_O_REC_LOCK, p, 3, &rows)) != ERR_OK)
			return rc;
		if ((n = db_next(rows)) == 1) {
			agency_id = db_col_int(rows, 0);
			batch_id = db_col_int(rows, 1);
		}
		db_rows_free(rows);
		if (n != 1)
			return n == 0 ? ERR_NOTFOUND : db_rows_error(db);
	}
	key = f->subject == OSUB_RECORD ?
	    arena_printf(a, "record:%lld", f->record_id) :
	    arena_printf(a, "registration:%lld", f->enterprise_id);
	if (key == NULL || region == NULL)
		return ERR_NOMEM;
	{
		struct db_param p[] = { DB_STR(key) };

		if ((rc = db_query(db, a, &mod, STMT_O_OPEN, p, 1, &rows)) != ERR_OK)
			return rc;
		n = db_next(rows);
		db_rows_free(rows);
		if (n != 0)
			return n == 1 ? ERR_CONFLICT : db_rows_error(db);
	}
	{
		struct db_param p[] = {
			DB_INT(f->enterprise_id), DB_STR(region),
			DB_STR(obj_subject_name(f->subject)),
			DB_INT(f->subject == OSUB_RECORD ? f->record_id : 0),
			DB_INT(agency_id), DB_INT(batch_id), DB_STR(obj_kind_name(f->kind)),
			DB_STR(f->should_say), DB_STR(f->reason),
			DB_STR(f->subject == OSUB_RECORD ? "agency" : "office"),
			DB_INT(c->actor->user_id), DB_STR(c->accept_by), DB_STR(c->due),
		};

		rc = db_exec(db, &mod, STMT_O_INSERT, p, 13, NULL, &newid);
		if (rc == ERR_DB_DUP)
			return ERR_CONFLICT;	/* another filing won the race */
		if (rc != ERR_OK)
			return rc;
	}
	c->id = (long long)newid;
	for (size_t i = 0; i < f->nfiles; i++)
		if ((rc = files_insert(db, OBJ_FILE_OWNER, c->id, c->actor->user_id,
		    &f->files[i], NULL)) != ERR_OK)
			return rc;
	if ((rc = event_add(db, c->id, f->subject == OSUB_RECORD ? f->record_id : 0,
	    c->actor->user_id, "enterprise", f->enterprise_id, "file",
	    f->reason, NULL, NULL)) != ERR_OK)
		return rc;
	{
		struct inbox_note note = {
			"objection.filed", "企业提出了信用信息异议",
			f->subject == OSUB_RECORD ?
			    arena_printf(a, "有企业对贵单位报送的信用记录（编号 %lld）提出异议，"
			    "请在 2 个工作日内受理或不予受理，并于 %s 前答复。",
			    f->record_id, c->due) :
			    arena_printf(a, "有企业对其登记信息提出异议，请在 2 个工作日内受理，"
			    "并于 %s 前答复。", c->due),
			arena_printf(a, "/objections/%lld", c->id), true,
		};

		if (note.body == NULL || note.link == NULL)
			return ERR_NOMEM;
		if ((rc = tell_handler(db, a, f->subject != OSUB_RECORD, agency_id,
		    region, &note)) != ERR_OK)
			return rc;
	}
	snprintf(oid, sizeof oid, "%lld", c->id);
	return audit_write(db, c->actor, "objection.file", "objection", oid, AUDIT_OK,
	    arena_printf(a, "enterprise %lld %s %lld kind %s, %zu files, due %s",
	    f->enterprise_id, obj_subject_name(f->subject),
	    f->subject == OSUB_RECORD ? f->record_id : f->enterprise_id,
	    obj_kind_name(f->kind), f->nfiles, c->due));
}

enum err
objection_file(struct db *db, const struct audit_actor *actor,
    const struct obj_filing *f, const char *today, long long *id)
{
	struct file_ctx	 c = { actor, f, today, NULL, NULL, 0 };
	struct calendar	 cal;
	struct arena	*a;
	char		 due[11], accept_by[11];
	enum err	 rc;
	int		 y, m, d;

	if (id != NULL)
		*id = 0;
	if (f->enterprise_id <= 0 || (unsigned)f->subject >= OSUB__MAX ||
	    (unsigned)f->kind >= OKIND__MAX ||
	    (f->subject == OSUB_RECORD && f->record_id <= 0) ||
	    !text_ok(f->should_say, true) || !text_ok(f->reason, true) ||
	    !f->committed || f->nfiles > OBJ_FILES_MAX ||
	    (f->nfiles > 0 && f->files == NULL) ||
	    parse_day(today, &y, &m, &d) == -1)
		return ERR_INVAL;
	if ((a = arena_new(4096)) == NULL)
		return ERR_NOMEM;
	if ((rc = calendar_load(db, a, y, y + 1, &cal)) != ERR_OK) {
		arena_free(a);
		return rc;
	}
	obj_deadlines(&cal, y, m, d, due, accept_by);
	arena_free(a);
	c.due = due;
	c.accept_by = accept_by;
	if ((rc = db_tx(db, 4096, file_body, &c)) == ERR_OK && id != NULL)
		*id = c.id;
	return rc;
}

/* --- the steps ------------------------------------------------------------- */

struct obj_step_ctx {
	const struct scope		*sc;
	const struct obj_step_in	*in;
	enum obj_refusal		 why;
	/* from the lock */
	bool				 by_office;
	long long			 agency_id, record_id, ent_id;
	char				 accept_by[11];
	char				 due[11];
	char				 region[7];
};

static enum err
step_locked(struct step_run *run)
{
	struct obj_step_ctx	*c = run->ctx;
	const struct scope	*sc = c->sc;
	const char		*h = db_col_str(run->row, 2), *s;
	int			 act = run->step->action;
	bool			 op = sc->kind == SCOPE_SYSTEM || sc->role == ROLE_OPERATOR;

	c->by_office = h != NULL && strcmp(h, "office") == 0;
	c->agency_id = db_col_int(run->row, 3);
	c->record_id = db_col_int(run->row, 4);
	c->ent_id = db_col_int(run->row, 5);
	s = db_col_str(run->row, 6);
	snprintf(c->accept_by, sizeof c->accept_by, "%s", s != NULL ? s : "");
	s = db_col_str(run->row, 7);
	snprintf(c->region, sizeof c->region, "%s", s != NULL ? s : "");
	s = db_col_str(run->row, 8);
	snprintf(c->due, sizeof c->due, "%s", s != NULL ? s : "");
	if (act == OA_TAKE_OVER) {
		if (!op) {
			c->why = OREF_NOT_HANDLER;
			run->denied = "objection take_over: not an operator";
			return ERR_FORBIDDEN;
		}
		if (c->by_office) {
			c->why = OREF_STATE;
			return ERR_CONFLICT;
		}
		return ERR_OK;
	}
	/* who answers now: the agency's gov users, or the office's operators */
	if (c->by_office ? !op :
	    !(sc->kind == SCOPE_SYSTEM || (sc->role == ROLE_GOV &&
	    sc->org_kind != NULL && strcmp(sc->org_kind, "agency") == 0 &&
	    sc->org_id == c->agency_id))) {
		c->why = OREF_NOT_HANDLER;
		run->denied = "objection step: not the answering organisation";
		return ERR_FORBIDDEN;
	}
	if (act == OA_REFUSE && strcmp(c->in->today, c->accept_by) > 0) {
		c->why = OREF_LATE;
		return ERR_CONFLICT;
	}
	if (act != OA_ACCEPT && !text_ok(c->in->note, true)) {
		c->why = OREF_INPUT;
		return ERR_INVAL;
	}
	if (act == OA_CORRECT && c->record_id > 0 &&
	    (c->in->new_content == NULL || *c->in->new_content == '\0')) {
		c->why = OREF_INPUT;
		return ERR_INVAL;
	}
	return ERR_OK;
}

static const char *const outcome_text[OST__MAX] = {
	[OST_REFUSED] = "不予受理",
	[OST_CORRECTED] = "信息有误，已更正",
	[OST_REMOVED] = "信息已删除",
	[OST_KEPT] = "经核查信息无误，予以保留，异议标注已撤销",
	[OST_UNCONFIRMED] = "无法确认，核查情况与异议均已记录，异议标注保留",
};

static enum err
step_change(struct step_run *run)
{
	struct obj_step_ctx		*c = run->ctx;
	const struct obj_step_in	*in = c->in;
	const struct scope		*sc = c->sc;
	const char			*to = status_names[run->to];
	const char			*note = in->note != NULL ? in->note : "";
	const char			*old = NULL, *neu = NULL;
	bool				 final = !obj_status_open((enum obj_status)run->to);
	bool				 office = c->by_office || run->step->action == OA_TAKE_OVER;
	long long			 corr = 0;
	char				 reply[OBJ_REPLY_NO_LEN] = "";
	const char			*org_kind = sc->kind == SCOPE_SYSTEM ? "system" :
					    (sc->org_kind != NULL ? sc->org_kind : "");
	enum err			 rc;

	if (final && obj_reply_number(run->id, in->today, reply) == -1)
		return ERR_INVAL;
	if (run->step->action == OA_CORRECT && c->record_id > 0) {
		struct db_param	 p[] = { DB_INT(c->record_id) };
		struct db_rows	*rows;
		int		 n;

		if ((rc = db_query(run->db, run->a, &mod, STMT_O_REC_CONTENT, p, 1,
		    &rows)) != ERR_OK)
			return rc;
		if ((n = db_next(rows)) == 1)
			old = db_col_text(rows, run->a, 0);
		db_rows_free(rows);
		if (n != 1)
			return n == 0 ? ERR_NOTFOUND : db_rows_error(run->db);
		neu = in->new_content;
		{
			struct db_param q[] = { DB_STR(neu),
			    in->new_period_end != NULL && *in->new_period_end != '\0' ?
			    DB_STR(in->new_period_end) : DB_NULL, DB_INT(c->record_id) };

			if ((rc = db_exec(run->db, &mod, STMT_O_REC_CORRECT, q, 3, NULL,
			    NULL)) != ERR_OK)
				return rc;
		}
		/* the correction's agency: the record's source, whoever entered it */
		corr = c->agency_id;
	}
	if (run->step->action == OA_REMOVE && c->record_id > 0) {
		struct db_param p[] = { DB_INT(c->record_id) };

		if ((rc = db_exec(run->db, &mod, STMT_O_REC_REMOVE, p, 1, NULL, NULL)) != ERR_OK)
			return rc;
	}
	{
		struct db_param p[] = {
			DB_STR(to), DB_STR(office ? "office" : "agency"), DB_STR(to),
			DB_STR(to), DB_STR(to), DB_STR(to), DB_STR(note), DB_STR(to),
			DB_STR(note), DB_STR(reply), DB_INT(corr), DB_INT(run->id),
		};

		if ((rc = db_exec(run->db, &mod, STMT_O_SET, p, 12, NULL, NULL)) != ERR_OK)
			return rc == ERR_DB_DUP ? ERR_CONFLICT : rc;
	}
	if ((rc = event_add(run->db, run->id, c->record_id, run->actor->user_id,
	    org_kind, sc->org_id, action_names[run->step->action], note, old,
	    neu)) != ERR_OK)
		return rc;
	/* the enterprise hears of the acceptance, a refusal and the outcome */
	if (run->step->action == OA_ACCEPT || final) {
		bool		 acc = run->step->action == OA_ACCEPT;
		struct inbox_note n = {
			acc ? "objection.accepted" : "objection.answered",
			acc ? "您的异议已受理" : "您的异议已有书面答复",
			acc ? arena_printf(run->a, "您提出的信用信息异议已受理，将于 %s 前书面答复。",
			    c->due) :
			    arena_printf(run->a, "您提出的信用信息异议已答复：%s。书面答复编号 %s。",
			    outcome_text[run->to], reply),
			arena_printf(run->a, "/objections/%lld", run->id), true,
		};

		if (n.body == NULL || n.link == NULL)
			return ERR_NOMEM;
		if ((rc = inbox_add_org(run->db, "enterprise", c->ent_id, &n, NULL)) != ERR_OK)
			return rc;
	}
	snprintf(run->detail, sizeof run->detail, "%s -> %s%s%s%s",
	    status_names[run->from], to, *reply != '\0' ? "; reply " : "", reply,
	    corr > 0 ? "; record corrected" : "");
	return ERR_OK;
}

#define OSTEP(act, audit) \
	{ &objection_machine, act, &mod, STMT_O_LOCK, true, audit, "objection", \
	  step_locked, step_change }
static const struct step steps[OA__MAX] = {
	[OA_ACCEPT] = OSTEP(OA_ACCEPT, "objection.accept"),
	[OA_REFUSE] = OSTEP(OA_REFUSE, "objection.refuse"),
	[OA_CHECK] = OSTEP(OA_CHECK, "objection.check"),
	[OA_CORRECT] = OSTEP(OA_CORRECT, "objection.correct"),
	[OA_REMOVE] = OSTEP(OA_REMOVE, "objection.remove"),
	[OA_KEEP] = OSTEP(OA_KEEP, "objection.keep"),
	[OA_UNCONFIRM] = OSTEP(OA_UNCONFIRM, "objection.unconfirm"),
	[OA_TAKE_OVER] = OSTEP(OA_TAKE_OVER, "objection.take_over"),
};

enum err
objection_step(struct db *db, const struct audit_actor *actor,
    const struct scope *sc, long long id, unsigned version,
    enum obj_action action, const struct obj_step_in *in, enum obj_refusal *why)
{
	struct obj_step_ctx	 c;
	struct db_param		 scope[O_NSCOPE];
	enum err		 rc;

	memset(&c, 0, sizeof c);
	c.sc = sc;
	c.in = in;
	if (why != NULL)
		*why = OREF_NONE;
	if ((unsigned)action >= OA__MAX || in == NULL || in->today == NULL)
		return ERR_INVAL;
	scope_params(sc, scope);
	rc = step_run(db, &steps[action], actor, scope, O_NSCOPE, id, version, &c);
	if (why != NULL) {
		*why = c.why;
		if (rc == ERR_CONFLICT && c.why == OREF_NONE)
			*why = OREF_STATE;
	}
	return rc;
}

/* --- reminders ------------------------------------------------------------- */

struct remind_ctx {
	const struct audit_actor	*actor;
	long long			 id;
	const char			*d5, *d1;
	bool				 sent;
};

static enum err
remind_body(struct db *db, struct arena *a, void *arg)
{
	struct remind_ctx	*c = arg;
	struct db_param		 p[] = { DB_INT(c->id) };
	struct db_rows		*rows;
	const char		*due = NULL, *region = NULL, *ent = NULL;
	bool			 office = false, open = false;
	long long		 agency_id = 0, record_id = 0;
	int			 reminded = 0, bit = 0, n, k;
	enum err		 rc;
	char			 oid[24];

	c->sent = false;
	if ((rc = db_query(db, a, &mod, STMT_O_REMIND_LOCK, p, 1, &rows)) != ERR_OK)
		return rc;
	if ((n = db_next(rows)) == 1) {
		k = obj_status_parse(db_col_str(rows, 0));
		open = k >= 0 && obj_status_open((enum obj_status)k);
		due = db_col_text(rows, a, 1);
		reminded = (int)db_col_int(rows, 2);
		office = db_col_str(rows, 3) != NULL && strcmp(db_col_str(rows, 3), "office") == 0;
		agency_id = db_col_int(rows, 4);
		region = db_col_text(rows, a, 5);
		ent = db_col_text(rows, a, 6);
		record_id = db_col_int(rows, 7);
	}
	db_rows_free(rows);
	if (n != 1)
		return n == 0 ? ERR_OK : db_rows_error(db);
	if (!open)
		return ERR_OK;
	if (strcmp(due, c->d5) == 0 && (reminded & 1) == 0)
		bit = 1;
	else if (strcmp(due, c->d1) == 0 && (reminded & 2) == 0)
		bit = 2;
	if (bit == 0)
		return ERR_OK;
	{
		struct db_param q[] = { DB_INT(bit), DB_INT(c->id) };

		if ((rc = db_exec(db, &mod, STMT_O_REMINDED, q, 2, NULL, NULL)) != ERR_OK)
			return rc;
	}
	{
		struct inbox_note note = {
			"objection.remind",
			bit == 1 ? "异议答复期限还有 5 日" : "异议答复期限还有 1 日",
			arena_printf(a, "%s 提出的异议须在 %s 前书面答复。", ent, due),
			arena_printf(a, "/objections/%lld", c->id), true,
		};

		if (note.body == NULL || note.link == NULL)
			return ERR_NOMEM;
		if ((rc = tell_handler(db, a, office, agency_id, region, &note)) != ERR_OK)
			return rc;
	}
	if ((rc = event_add(db, c->id, record_id, 0, "system", 0, "remind",
	    bit == 1 ? "5" : "1", NULL, NULL)) != ERR_OK)
		return rc;
	c->sent = true;
	snprintf(oid, sizeof oid, "%lld", c->id);
	return audit_write(db, c->actor, "objection.remind", "objection", oid, AUDIT_OK,
	    arena_printf(a, "due %s, %s day(s) left, to %s", due, bit == 1 ? "5" : "1",
	    office ? "office" : "agency"));
}

enum err
objection_remind(struct db *db, const struct audit_actor *actor, const char *today,
    size_t *count)
{
	struct arena	*a;
	struct db_rows	*rows;
	long long	*ids = NULL;
	size_t		 n = 0, cap = 0;
	char		 d5[11], d1[11];
	int		 y, m, d, r;
	enum err	 rc;

	if (count != NULL)
		*count = 0;
	if (parse_day(today, &y, &m, &d) == -1)
		return ERR_INVAL;
	day_text(day_from_civil(y, m, d) + 5, d5);
	day_text(day_from_civil(y, m, d) + 1, d1);
	if ((a = arena_new(4096)) == NULL)
		return ERR_NOMEM;
	{
		struct db_param p[] = { DB_STR(d5), DB_STR(d1) };

		if ((rc = db_query(db, a, &mod, STMT_O_DUE, p, 2, &rows)) != ERR_OK) {
			arena_free(a);
			return rc;
		}
	}
	cap = (size_t)db_rows_count(rows);
	if (cap > 0 && (ids = arena_calloc(a, cap, sizeof *ids)) == NULL) {
		db_rows_free(rows);
		arena_free(a);
		return ERR_NOMEM;
	}
	while (n < cap && (r = db_next(rows)) == 1)
		ids[n++] = db_col_int(rows, 0);
	db_rows_free(rows);
	for (size_t i = 0; i < n; i++) {
		struct remind_ctx c = { actor, ids[i], d5, d1, false };

		if ((rc = db_tx(db, 2048, remind_body, &c)) != ERR_OK) {
			arena_free(a);
			return rc;
		}
		if (c.sent && count != NULL)
			(*count)++;
	}
	arena_free(a);
	return ERR_OK;
}

enum err
objection_registration_mark(struct db *db, struct arena *a, long long ent_id,
    long long *id, const char **filed_at, const char **status)
{
	struct db_param	 p[] = { DB_INT(ent_id) };
	struct db_rows	*rows;
	enum err	 rc;
	int		 n;

	*id = 0;
	*filed_at = *status = "";
	if ((rc = db_query(db, a, &mod, STMT_O_REG_MARK, p, 1, &rows)) != ERR_OK)
		return rc;
	if ((n = db_next(rows)) == 1) {
		*id = db_col_int(rows, 0);
		*filed_at = db_col_text(rows, a, 1);
		*status = db_col_text(rows, a, 2);
	}
	db_rows_free(rows);
	return n == -1 ? db_rows_error(db) : ERR_OK;
}
