/*
 * event.c -- the SQL, the state tables and the steps of training and
 * events and their registrations (event.h).
 *
 * Locks: registering locks the event row first and counts the seats with
 * a plain read after it (the transaction's snapshot starts there, so it
 * sees every registration committed before the lock); a cancellation
 * locks the user's own registration, then the event, and moves the
 * waiting list up; no path waits for a registration while holding the
 * event and then for the event while holding a registration.
 */
#include <stdio.h>
#include <string.h>

#include "core/enumname.h"
#include "db/db_region.h"
#include "accounts/inbox.h"
#include "info/event.h"

const char *const event_kind_names[EVK__MAX + 1] = {
	[EVK_COURSE] = "course", [EVK_TRAINING] = "training",
	[EVK_LECTURE] = "lecture", [EVK__MAX] = NULL,
};

const char *const event_aud_names[EVU__MAX + 1] = {
	[EVU_ENTERPRISE] = "enterprise", [EVU_GOV] = "gov", [EVU_FI] = "fi",
	[EVU__MAX] = NULL,
};

const char *const event_state_names[EVS__MAX + 1] = {
	[EVS_DRAFT] = "draft", [EVS_PUBLISHED] = "published",
	[EVS_CANCELLED] = "cancelled", [EVS__MAX] = NULL,
};

static const char *const event_action_names[EVA__MAX] = {
	[EVA_EDIT] = "edit", [EVA_PUBLISH] = "publish",
	[EVA_WITHDRAW] = "withdraw",
};

static const signed char event_next[EVS__MAX][EVA__MAX] = {
	[EVS_DRAFT] = { [EVA_EDIT] = STEP_TO(EVS_DRAFT),
	    [EVA_PUBLISH] = STEP_TO(EVS_PUBLISHED),
	    [EVA_WITHDRAW] = STEP_TO(EVS_CANCELLED) },
	[EVS_PUBLISHED] = { [EVA_EDIT] = STEP_TO(EVS_PUBLISHED),
	    [EVA_PUBLISH] = STEP_NO, [EVA_WITHDRAW] = STEP_TO(EVS_CANCELLED) },
	[EVS_CANCELLED] = { [EVA_EDIT] = STEP_NO, [EVA_PUBLISH] = STEP_NO,
	    [EVA_WITHDRAW] = STEP_NO },
};

const struct step_machine event_machine = {
	"event", EVS__MAX, EVA__MAX, event_state_names, event_action_names,
	&event_next[0][0],
};

const char *const event_reg_state_names[ERS__MAX + 1] = {
	[ERS_REGISTERED] = "registered", [ERS_WAITING] = "waiting",
	[ERS_CANCELLED] = "cancelled", [ERS_ATTENDED] = "attended",
	[ERS_ABSENT] = "absent", [ERS__MAX] = NULL,
};

static const char *const reg_action_names[ERA__MAX] = {
	[ERA_CANCEL] = "cancel", [ERA_PROMOTE] = "promote",
	[ERA_ATTEND] = "attend", [ERA_ABSENT] = "absent",
};

static const signed char reg_next[ERS__MAX][ERA__MAX] = {
	[ERS_REGISTERED] = { [ERA_CANCEL] = STEP_TO(ERS_CANCELLED),
	    [ERA_PROMOTE] = STEP_NO, [ERA_ATTEND] = STEP_TO(ERS_ATTENDED),
	    [ERA_ABSENT] = STEP_TO(ERS_ABSENT) },
	[ERS_WAITING] = { [ERA_CANCEL] = STEP_TO(ERS_CANCELLED),
	    [ERA_PROMOTE] = STEP_TO(ERS_REGISTERED), [ERA_ATTEND] = STEP_NO,
	    [ERA_ABSENT] = STEP_NO },
	[ERS_CANCELLED] = { [ERA_CANCEL] = STEP_NO, [ERA_PROMOTE] = STEP_NO,
	    [ERA_ATTEND] = STEP_NO, [ERA_ABSENT] = STEP_NO },
	/* a mark may be corrected, never undone into a seat */
	[ERS_ATTENDED] = { [ERA_CANCEL] = STEP_NO, [ERA_PROMOTE] = STEP_NO,
	    [ERA_ATTEND] = STEP_NO, [ERA_ABSENT] = STEP_TO(ERS_ABSENT) },
	[ERS_ABSENT] = { [ERA_CANCEL] = STEP_NO, [ERA_PROMOTE] = STEP_NO,
	    [ERA_ATTEND] = STEP_TO(ERS_ATTENDED), [ERA_ABSENT] = STEP_NO },
};

const struct step_machine event_reg_machine = {
	"event_registration", ERS__MAX, ERA__MAX, event_reg_state_names,
	reg_action_names, &reg_next[0][0],
};

enum {
	STMT_E_GET,
	STMT_E_UCOUNT,
	STMT_E_ULIST,
	STMT_E_MCOUNT,
	STMT_E_MLIST,
	STMT_E_MSTATE_COUNT,
	STMT_E_INSERT,
	STMT_E_LOCK,
	STMT_E_UPDATE,
	STMT_E_SET_STATUS,
	STMT_E_REG_LOCK_EVENT,
	STMT_E_OWN_REG,
	STMT_E_SEATS,
	STMT_E_REG_INSERT,
	STMT_E_REG_REQUEUE,
	STMT_E_CANCEL_LOCK,
	STMT_E_REG_SET,
	STMT_E_EVENT_LOCK_PLAIN,
	STMT_E_EVENT_READ,
	STMT_E_FIRST_WAITING,
	STMT_E_REG_OF,
	STMT_E_REGS,
	STMT_E_MARK_LOCK,
	STMT_E_REGISTRANTS,
	STMT_E__MAX
};

#define SEATS_IN "('registered','attended','absent')"
#define E_COLS \
	"SELECT e.id, e.region_code, r.name, e.kind, e.title, e.body, e.place," \
	" e.online_url, DATE_FORMAT(e.starts_at, '%Y-%m-%d %H:%i:%s')," \
	" DATE_FORMAT(e.ends_at, '%Y-%m-%d %H:%i:%s')," \
	" DATE_FORMAT(e.deadline, '%Y-%m-%d %H:%i:%s'), e.capacity, e.audience," \
	" e.status, e.version," \
	" (SELECT COUNT(*) FROM event_registrations x WHERE x.event_id = e.id" \
	"  AND x.status IN " SEATS_IN ")," \
	" (SELECT COUNT(*) FROM event_registrations x WHERE x.event_id = e.id" \
	"  AND x.status = 'waiting')," \
	" e.deadline > UTC_TIMESTAMP(), e.starts_at <= UTC_TIMESTAMP()" \
	" FROM events e JOIN regions r ON r.code = e.region_code"

/* audience, audience, manager?, region, region */
#define E_READER \
	" ((e.status <> 'draft' AND (? = '*' OR FIND_IN_SET(?, e.audience) > 0))" \
	" OR (? = 1 AND" REGION_SCOPE("e.region_code") "))"

static const char *const sql[STMT_E__MAX] = {
	[STMT_E_GET] = E_COLS " WHERE e.id = ? AND" E_READER,
	[STMT_E_UCOUNT] = "SELECT COUNT(*) FROM events e WHERE" E_READER
	    " AND e.status <> 'draft' AND e.ends_at >= UTC_TIMESTAMP()",
	[STMT_E_ULIST] = E_COLS " WHERE" E_READER
	    " AND e.status <> 'draft' AND e.ends_at >= UTC_TIMESTAMP()"
	    " ORDER BY e.starts_at, e.id LIMIT ? OFFSET ?",
	[STMT_E_MCOUNT] = "SELECT COUNT(*) FROM events e WHERE"
	    REGION_SCOPE("e.region_code"),
	[STMT_E_MLIST] = E_COLS " WHERE" REGION_SCOPE("e.region_code")
	    " ORDER BY e.starts_at DESC, e.id DESC LIMIT ? OFFSET ?",
	/* the region's events in one state; with ?=1 only those not ended */
	[STMT_E_MSTATE_COUNT] = "SELECT COUNT(*) FROM events e WHERE"
	    REGION_SCOPE("e.region_code") " AND e.status = ?"
	    " AND (? = 0 OR e.ends_at >= UTC_TIMESTAMP())",
	[STMT_E_INSERT] =
	    "INSERT INTO events (region_code, kind, title, body, place, online_url,"
	    " starts_at, ends_at, deadline, capacity, audience, created_by)"
	    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
	[STMT_E_LOCK] = "SELECT e.status, e.version, e.title, e.capacity"
	    " FROM events e WHERE e.id = ? AND" REGION_SCOPE("e.region_code")
	    " FOR UPDATE",
	[STMT_E_UPDATE] =
	    "UPDATE events SET kind = ?, title = ?, body = ?, place = ?,"
	    " online_url = ?, starts_at = ?, ends_at = ?, deadline = ?,"
	    " capacity = ?, audience = ?, version = version + 1,"
	    " updated_at = UTC_TIMESTAMP() WHERE id = ?",
	[STMT_E_SET_STATUS] = "UPDATE events SET status = ?, version = version + 1,"
	    " updated_at = UTC_TIMESTAMP() WHERE id = ?",
	[STMT_E_REG_LOCK_EVENT] = "SELECT e.status, e.deadline > UTC_TIMESTAMP(),"
	    " e.capacity, e.title, FIND_IN_SET(?, e.audience) > 0"
	    " FROM events e WHERE e.id = ? FOR UPDATE",
	[STMT_E_OWN_REG] = "SELECT id, status FROM event_registrations"
	    " WHERE event_id = ? AND user_id = ? FOR UPDATE",
	/* a plain read: after the event's lock it sees every commit */
	[STMT_E_SEATS] = "SELECT COUNT(*) FROM event_registrations"
	    " WHERE event_id = ? AND status IN " SEATS_IN,
	[STMT_E_REG_INSERT] = "INSERT INTO event_registrations"
	    " (event_id, user_id, status) VALUES (?, ?, ?)",
	[STMT_E_REG_REQUEUE] = "UPDATE event_registrations SET status = ?,"
	    " queued_at = UTC_TIMESTAMP(), updated_at = UTC_TIMESTAMP()"
	    " WHERE id = ?",
	[STMT_E_CANCEL_LOCK] = "SELECT r.status FROM event_registrations r"
	    " WHERE r.event_id = ? AND r.user_id = ? FOR UPDATE",
	[STMT_E_REG_SET] = "UPDATE event_registrations SET status = ?,"
	    " updated_at = UTC_TIMESTAMP() WHERE id = ?",
	[STMT_E_EVENT_LOCK_PLAIN] = "SELECT e.starts_at > UTC_TIMESTAMP(),"
	    " e.capacity, e.title, e.status FROM events e WHERE e.id = ? FOR UPDATE",
	/* a waiting place gives no seat back: the event is only read, so a
	 * promotion holding the event never waits for it */
	[STMT_E_EVENT_READ] = "SELECT e.starts_at > UTC_TIMESTAMP(),"
	    " e.capacity, e.title, e.status FROM events e WHERE e.id = ?",
	[STMT_E_FIRST_WAITING] = "SELECT id, user_id FROM event_registrations"
	    " WHERE event_id = ? AND status = 'waiting'"
	    " ORDER BY queued_at, id LIMIT 1 FOR UPDATE",
	[STMT_E_REG_OF] = "SELECT status FROM event_registrations"
	    " WHERE event_id = ? AND user_id = ?",
	[STMT_E_REGS] = "SELECT g.id, g.user_id, u.username, u.real_name,"
	    " COALESCE(u.org_name, ''), u.role, g.status,"
	    " DATE_FORMAT(g.queued_at, '%Y-%m-%d %H:%i:%s')"
	    " FROM event_registrations g JOIN events e ON e.id = g.event_id"
	    " JOIN users u ON u.id = g.user_id"
	    " WHERE g.event_id = ? AND" REGION_SCOPE("e.region_code")
	    " ORDER BY FIELD(g.status, 'attended', 'absent', 'registered',"
	    " 'waiting', 'cancelled'), g.queued_at, g.id",
	[STMT_E_MARK_LOCK] = "SELECT g.status, e.starts_at <= UTC_TIMESTAMP()"
	    " FROM event_registrations g JOIN events e ON e.id = g.event_id"
	    " WHERE g.id = ? AND g.event_id = ? AND" REGION_SCOPE("e.region_code")
	    " FOR UPDATE",
	[STMT_E_REGISTRANTS] = "SELECT user_id FROM event_registrations"
	    " WHERE event_id = ? AND status IN ('registered','waiting')",
};

static const struct db_module mod = { DBM_INFO_EVENT, STMT_E__MAX, sql };

static const char *
nz(const char *s)
{
	return s != NULL ? s : "";
}

bool
event_audience_valid(const char *csv)
{
	bool	 seen[EVU__MAX] = { false };
	char	 part[16];
	size_t	 n = 0;

	if (csv == NULL || *csv == '\0')
		return false;
	for (const char *p = csv;; p++) {
		if (*p == ',' || *p == '\0') {
			int k;

			part[n] = '\0';
			k = enum_parse(event_aud_names, EVU__MAX, part);
			if (k < 0 || seen[k])
				return false;
			seen[k] = true;
			n = 0;
			if (*p == '\0')
				return true;
			continue;
		}
		if (n + 1 >= sizeof part)
			return false;
		part[n++] = *p;
	}
}

static void
reader_params(const struct event_reader *rd, struct db_param p[5])
{
	const struct scope *m = rd->manager;
	const char *region = m == NULL ? "" :
	    m->kind == SCOPE_SYSTEM ? REGION_PROVINCE : m->region;

	p[0] = DB_STR(nz(rd->audience));
	p[1] = DB_STR(nz(rd->audience));
	p[2] = DB_INT(m != NULL ? 1 : 0);
	p[3] = DB_STR(region);
	p[4] = DB_STR(region);
}

static const char *
scope_region(const struct scope *sc)
{
	return sc->kind == SCOPE_SYSTEM ? REGION_PROVINCE : sc->region;
}

static void
fill(const struct db_rows *r, struct arena *a, void *elem)
{
	struct event	*o = elem;
	int		 k;

	o->id = db_col_int(r, 0);
	o->region = db_col_text(r, a, 1);
	o->region_name = db_col_text(r, a, 2);
	k = enum_parse(event_kind_names, EVK__MAX, db_col_str(r, 3));
	o->kind = k < 0 ? EVK_COURSE : (enum event_kind)k;
	o->title = db_col_text(r, a, 4);
	o->body = db_col_text(r, a, 5);
	o->place = db_col_text(r, a, 6);
	o->online_url = db_col_text(r, a, 7);
	o->starts_at = db_col_text(r, a, 8);
	o->ends_at = db_col_text(r, a, 9);
	o->deadline = db_col_text(r, a, 10);
	o->capacity = db_col_int(r, 11);
	o->audience = db_col_text(r, a, 12);
	k = enum_parse(event_state_names, EVS__MAX, db_col_str(r, 13));
	o->state = k < 0 ? EVS_CANCELLED : (enum event_state)k;
	o->version = (unsigned)db_col_int(r, 14);
	o->registered = db_col_int(r, 15);
	o->waiting = db_col_int(r, 16);
	o->open = db_col_int(r, 17) != 0;
	o->started = db_col_int(r, 18) != 0;
}

enum err
event_get(struct db *db, struct arena *a, const struct event_reader *rd,
    long long id, struct event *out)
{
	struct db_param	 p[6];
	struct event	*v = NULL;
	size_t		 n = 0;
	enum err	 rc;

	p[0] = DB_INT(id);
	reader_params(rd, p + 1);
	if ((rc = db_query_list(db, a, &mod, STMT_E_GET, p, 6, sizeof *v, fill,
	    (void **)&v, &n)) != ERR_OK)
		return rc;
	if (n != 1)
		return ERR_NOTFOUND;
	*out = v[0];
	return ERR_OK;
}

static enum err
page_of(struct db *db, struct arena *a, int cstmt, int stmt,
    struct db_param *p, size_t np, size_t page, size_t per,
    struct event_list *out)
{
	struct db_rows	*rows;
	void		*v = NULL;
	enum err	 rc;
	int		 k;

	memset(out, 0, sizeof *out);
	if ((rc = db_query(db, a, &mod, cstmt, p, np, &rows)) != ERR_OK)
		return rc;
	if ((k = db_next(rows)) == 1)
		out->total = db_col_int(rows, 0);
	db_rows_free(rows);
	if (k == -1)
		return db_rows_error(db);
	p[np] = DB_INT(per);
	p[np + 1] = DB_INT(page * per);
	if ((rc = db_query_list(db, a, &mod, stmt, p, np + 2, sizeof *out->v,
	    fill, &v, &out->n)) != ERR_OK)
		return rc;
	out->v = v;
	return ERR_OK;
}

enum err
event_list_upcoming(struct db *db, struct arena *a,
    const struct event_reader *rd, size_t page, size_t per,
    struct event_list *out)
{
	struct event_reader	 pub = { rd->audience, NULL };
	struct db_param		 p[7];

	reader_params(&pub, p);
	return page_of(db, a, STMT_E_UCOUNT, STMT_E_ULIST, p, 5, page, per, out);
}

enum err
event_list_manage(struct db *db, struct arena *a, const struct scope *sc,
    size_t page, size_t per, struct event_list *out)
{
	struct db_param p[4] = { DB_STR(scope_region(sc)), DB_STR(scope_region(sc)) };

	return page_of(db, a, STMT_E_MCOUNT, STMT_E_MLIST, p, 2, page, per, out);
}

enum err
event_count_manage(struct db *db, struct arena *a, const struct scope *sc,
    enum event_state state, bool upcoming, long long *n)
{
	struct db_param p[] = { DB_STR(scope_region(sc)), DB_STR(scope_region(sc)),
		DB_STR((unsigned)state < EVS__MAX ? event_state_names[state] : ""),
		DB_INT(upcoming ? 1 : 0) };

	return db_count(db, a, &mod, STMT_E_MSTATE_COUNT, p, 4, n);
}

static bool
input_valid(const struct event_input *in)
{
	return in->kind >= 0 && in->kind < EVK__MAX &&
	    event_audience_valid(in->audience) && in->capacity >= 1 &&
	    in->capacity <= 100000;
}

struct create_tx {
	const struct audit_actor *actor;
	const char		*region;
	const struct event_input *in;
	long long		 id;
};

static enum err
create_body(struct db *db, struct arena *a, void *ctx)
{
	struct create_tx	*t = ctx;
	const struct event_input *in = t->in;
	unsigned long long	 newid = 0;
	char			 oid[24], detail[96];
	enum err		 rc;
	struct db_param		 p[] = { DB_STR(t->region),
	    DB_STR(event_kind_names[in->kind]), DB_STR(nz(in->title)),
	    DB_STR(nz(in->body)), DB_STR(nz(in->place)),
	    DB_STR(nz(in->online_url)), DB_STR(nz(in->starts_at)),
	    DB_STR(nz(in->ends_at)), DB_STR(nz(in->deadline)),
	    DB_INT(in->capacity), DB_STR(in->audience),
	    DB_INT(t->actor->user_id) };

	(void)a;
	if ((rc = db_exec(db, &mod, STMT_E_INSERT, p, 12, NULL, &newid)) != ERR_OK)
		return rc;
	snprintf(oid, sizeof oid, "%llu", newid);
	snprintf(detail, sizeof detail, "%s in %s, %lld seats",
	    event_kind_names[in->kind], t->region, in->capacity);
	if ((rc = audit_write(db, t->actor, "event.create", "event", oid,
	    AUDIT_OK, detail)) != ERR_OK)
		return rc;
	t->id = (long long)newid;
	return ERR_OK;
}

enum err
event_create(struct db *db, const struct audit_actor *actor,
    const char *region, const struct event_input *in, long long *id)
{
	struct create_tx	 t = { actor, nz(region), in, 0 };
	enum err		 rc;

	if (!input_valid(in) || actor->user_id <= 0)
		return ERR_INVAL;
	if ((rc = db_tx(db, 256, create_body, &t)) == ERR_OK)
		*id = t.id;
	return rc;
}

/* A notice (and its SMS) to user `uid` about event `id`. */
static enum err
tell(struct db *db, struct arena *a, long long uid, long long id,
    const char *kind, const char *title, const char *what,
    const char *event_title)
{
	struct inbox_note n = { kind, title,
	    arena_printf(a, "%s：%s", what, event_title),
	    arena_printf(a, "/events/%lld", id), true };

	if (n.body == NULL || n.link == NULL)
		return ERR_NOMEM;
	return inbox_add(db, uid, &n, NULL);
}

/*
 * Moves the waiting list of event `id` up while seats are free, in the
 * caller's transaction, which holds the event's lock: each one moved
 * registered, told, and audited ("event.promote").
 */
static enum err
promote(struct db *db, struct arena *a, const struct audit_actor *actor,
    long long id, long long capacity, const char *title, size_t *moved)
{
	struct db_param	 p[2] = { DB_INT(id) };
	struct db_rows	*rows;
	long long	 seats = 0, rid, uid;
	char		 oid[24], detail[96];
	enum err	 rc;
	int		 k;

	if ((rc = db_query(db, a, &mod, STMT_E_SEATS, p, 1, &rows)) != ERR_OK)
		return rc;
	if ((k = db_next(rows)) == 1)
		seats = db_col_int(rows, 0);
	db_rows_free(rows);
	if (k == -1)
		return db_rows_error(db);
	while (seats < capacity) {
		if ((rc = db_query(db, a, &mod, STMT_E_FIRST_WAITING, p, 1,
		    &rows)) != ERR_OK)
			return rc;
		rid = uid = 0;
		if ((k = db_next(rows)) == 1) {
			rid = db_col_int(rows, 0);
			uid = db_col_int(rows, 1);
		}
		db_rows_free(rows);
		if (k == -1)
			return db_rows_error(db);
		if (k == 0)
			break;
		{
			struct db_param u[2] = {
			    DB_STR(event_reg_state_names[ERS_REGISTERED]),
			    DB_INT(rid) };

			if ((rc = db_exec(db, &mod, STMT_E_REG_SET, u, 2, NULL,
			    NULL)) != ERR_OK)
				return rc;
		}
		if ((rc = tell(db, a, uid, id, "event.promoted", "培训活动候补转为正式报名",
		    "您已从候补转为正式报名", title)) != ERR_OK)
			return rc;
		snprintf(oid, sizeof oid, "%lld", id);
		snprintf(detail, sizeof detail, "waiting -> registered: user %lld",
		    uid);
		if ((rc = audit_write(db, actor, "event.promote", "event", oid,
		    AUDIT_OK, detail)) != ERR_OK)
			return rc;
		seats++;
		if (moved != NULL)
			(*moved)++;
	}
	return ERR_OK;
}

struct edit_ctx {
	const struct event_input *in;
	long long	 capacity;
	char		 title[512];
};

static enum err
edit_locked(struct step_run *run)
{
	struct edit_ctx *c = run->ctx;

	snprintf(c->title, sizeof c->title, "%s", db_col_str(run->row, 2));
	c->capacity = db_col_int(run->row, 3);
	return ERR_OK;
}

static enum err
edit_change(struct step_run *run)
{
	struct edit_ctx			*c = run->ctx;
	const struct event_input	*in = c->in;
	struct db_param p[] = { DB_STR(event_kind_names[in->kind]),
	    DB_STR(nz(in->title)), DB_STR(nz(in->body)), DB_STR(nz(in->place)),
	    DB_STR(nz(in->online_url)), DB_STR(nz(in->starts_at)),
	    DB_STR(nz(in->ends_at)), DB_STR(nz(in->deadline)),
	    DB_INT(in->capacity), DB_STR(in->audience), DB_INT(run->id) };
	size_t	 moved = 0;
	enum err rc;

	if ((rc = db_exec(run->db, &mod, STMT_E_UPDATE, p, 11, NULL, NULL)) != ERR_OK)
		return rc;
	if (in->capacity > c->capacity && run->to == EVS_PUBLISHED &&
	    (rc = promote(run->db, run->a, run->actor, run->id, in->capacity,
	    nz(in->title), &moved)) != ERR_OK)
		return rc;
	snprintf(run->detail, sizeof run->detail, "%lld -> %lld seats, %zu moved up",
	    c->capacity, in->capacity, moved);
	return ERR_OK;
}

static const struct step edit_step = {
	&event_machine, EVA_EDIT, &mod, STMT_E_LOCK, true,
	"event.edit", "event", edit_locked, edit_change,
};

enum err
event_edit(struct db *db, const struct audit_actor *actor,
    const struct scope *sc, long long id, unsigned version,
    const struct event_input *in)
{
	struct db_param	 p[2] = { DB_STR(scope_region(sc)), DB_STR(scope_region(sc)) };
	struct edit_ctx	 c;

	if (!input_valid(in))
		return ERR_INVAL;
	memset(&c, 0, sizeof c);
	c.in = in;
	return step_run(db, &edit_step, actor, p, 2, id, version, &c);
}

static enum err
status_change(struct step_run *run)
{
	struct edit_ctx	*c = run->ctx;
	struct db_param	 p[2] = { DB_STR(event_state_names[run->to]),
	    DB_INT(run->id) };
	struct db_rows	*rows;
	size_t		 told = 0;
	enum err	 rc;
	int		 k;

	if ((rc = db_exec(run->db, &mod, STMT_E_SET_STATUS, p, 2, NULL, NULL)) != ERR_OK)
		return rc;
	if (run->to == EVS_CANCELLED) {
		/* every registrant told; the rows are read before the
		 * notices are written (one result set at a time) */
		struct db_param	 q[1] = { DB_INT(run->id) };
		long long	*uid = NULL;
		size_t		 n = 0, cap = 0;

		if ((rc = db_query(run->db, run->a, &mod, STMT_E_REGISTRANTS, q, 1,
		    &rows)) != ERR_OK)
			return rc;
		while ((k = db_next(rows)) == 1) {
			if (n == cap) {
				long long *nv;

				cap = cap ? cap * 2 : 16;
				if ((nv = arena_alloc(run->a, cap * sizeof *nv)) == NULL) {
					db_rows_free(rows);
					return ERR_NOMEM;
				}
				if (n > 0)
					memcpy(nv, uid, n * sizeof *nv);
				uid = nv;
			}
			uid[n++] = db_col_int(rows, 0);
		}
		db_rows_free(rows);
		if (k == -1)
			return db_rows_error(run->db);
		for (size_t i = 0; i < n; i++) {
			if ((rc = tell(run->db, run->a, uid[i], run->id,
			    "event.cancelled", "培训活动已取消", "活动已取消",
			    c->title)) != ERR_OK)
				return rc;
			told++;
		}
	}
	snprintf(run->detail, sizeof run->detail, "%s -> %s%s",
	    event_state_names[run->from], event_state_names[run->to],
	    run->to == EVS_CANCELLED ? arena_printf(run->a, ", %zu told", told) : "");
	return ERR_OK;
}

static const struct step publish_step = {
	&event_machine, EVA_PUBLISH, &mod, STMT_E_LOCK, false,
	"event.publish", "event", edit_locked, status_change,
};
static const struct step withdraw_step = {
	&event_machine, EVA_WITHDRAW, &mod, STMT_E_LOCK, false,
	"event.withdraw", "event", edit_locked, status_change,
};

enum err
event_step(struct db *db, const struct audit_actor *actor,
    const struct scope *sc, long long id, int action)
{
	struct db_param	 p[2] = { DB_STR(scope_region(sc)), DB_STR(scope_region(sc)) };
	struct edit_ctx	 c;

	memset(&c, 0, sizeof c);
	if (action == EVA_PUBLISH)
		return step_run(db, &publish_step, actor, p, 2, id, 0, &c);
	if (action == EVA_WITHDRAW)
		return step_run(db, &withdraw_step, actor, p, 2, id, 0, &c);
	return ERR_INVAL;
}

struct reg_tx {
	const struct audit_actor *actor;
	const char	*audience;
	long long	 id;
	bool		 waiting;
};

static enum err
register_body(struct db *db, struct arena *a, void *ctx)
{
	struct reg_tx	*t = ctx;
	struct db_param	 p[3] = { DB_STR(t->audience), DB_INT(t->id) };
	struct db_rows	*rows;
	long long	 capacity = 0, seats = 0, rid = 0;
	const char	*title = "";
	char		 oid[24];
	bool		 open = false, aud = false, published = false;
	int		 k, st = -1;
	enum err	 rc;

	/* the event's lock first: registrations of one event run one by one */
	if ((rc = db_query(db, a, &mod, STMT_E_REG_LOCK_EVENT, p, 2, &rows)) != ERR_OK)
		return rc;
	if ((k = db_next(rows)) == 1) {
		published = strcmp(db_col_str(rows, 0), "draft") != 0;
		open = db_col_int(rows, 1) != 0 &&
		    strcmp(db_col_str(rows, 0), "published") == 0;
		capacity = db_col_int(rows, 2);
		title = db_col_text(rows, a, 3);
		aud = db_col_int(rows, 4) != 0;
	}
	db_rows_free(rows);
	if (k == -1)
		return db_rows_error(db);
	if (k == 0 || !published || !aud || title == NULL)
		return ERR_NOTFOUND;
	if (!open)
		return ERR_FORBIDDEN;
	p[0] = DB_INT(t->id);
	p[1] = DB_INT(t->actor->user_id);
	if ((rc = db_query(db, a, &mod, STMT_E_OWN_REG, p, 2, &rows)) != ERR_OK)
		return rc;
	if ((k = db_next(rows)) == 1) {
		rid = db_col_int(rows, 0);
		st = enum_parse(event_reg_state_names, ERS__MAX, db_col_str(rows, 1));
	}
	db_rows_free(rows);
	if (k == -1)
		return db_rows_error(db);
	if (k == 1 && st != ERS_CANCELLED)
		return ERR_CONFLICT;
	if ((rc = db_query(db, a, &mod, STMT_E_SEATS, p, 1, &rows)) != ERR_OK)
		return rc;
	if ((k = db_next(rows)) == 1)
		seats = db_col_int(rows, 0);
	db_rows_free(rows);
	if (k == -1)
		return db_rows_error(db);
	t->waiting = seats >= capacity;
	{
		const char *s = event_reg_state_names[t->waiting ? ERS_WAITING :
		    ERS_REGISTERED];
		struct db_param ins[3] = { DB_INT(t->id), DB_INT(t->actor->user_id),
		    DB_STR(s) };
		struct db_param upd[2] = { DB_STR(s), DB_INT(rid) };

		rc = rid > 0 ?
		    db_exec(db, &mod, STMT_E_REG_REQUEUE, upd, 2, NULL, NULL) :
		    db_exec(db, &mod, STMT_E_REG_INSERT, ins, 3, NULL, NULL);
		if (rc != ERR_OK)
			return rc;
	}
	if ((rc = tell(db, a, t->actor->user_id, t->id,
	    t->waiting ? "event.waiting" : "event.registered",
	    t->waiting ? "培训活动已进入候补" : "培训活动报名成功",
	    t->waiting ? "名额已满，您已进入候补名单，有人取消时按顺序递补" :
	    "您已报名", title)) != ERR_OK)
		return rc;
	snprintf(oid, sizeof oid, "%lld", t->id);
	return audit_write(db, t->actor, "event.register", "event", oid, AUDIT_OK,
	    arena_printf(a, "%s (%lld of %lld seats taken)", t->waiting ?
	    "waiting" : "registered", seats + (t->waiting ? 0 : 1), capacity));
}

enum err
event_register(struct db *db, const struct audit_actor *actor,
    const char *audience, long long id, bool *waiting)
{
	struct reg_tx	 t = { actor, nz(audience), id, false };
	enum err	 rc;

	if (actor->user_id <= 0 || *t.audience == '\0')
		return ERR_NOTFOUND;
	if ((rc = db_tx(db, 1024, register_body, &t)) == ERR_OK && waiting != NULL)
		*waiting = t.waiting;
	return rc;
}

static enum err
cancel_change(struct step_run *run)
{
	struct db_param	 p[2] = { DB_INT(run->id) };
	struct db_rows	*rows;
	long long	 capacity = 0, rid;
	const char	*title = "";
	size_t		 moved = 0;
	bool		 before = false;
	enum err	 rc;
	int		 k;

	/* the registration is locked; now the event, for the waiting list */
	if ((rc = db_query(run->db, run->a, &mod, run->from == ERS_REGISTERED ?
	    STMT_E_EVENT_LOCK_PLAIN : STMT_E_EVENT_READ, p, 1, &rows)) != ERR_OK)
		return rc;
	if ((k = db_next(rows)) == 1) {
		before = db_col_int(rows, 0) != 0;
		capacity = db_col_int(rows, 1);
		title = db_col_text(rows, run->a, 2);
	}
	db_rows_free(rows);
	if (k != 1)
		return k == 0 ? ERR_NOTFOUND : db_rows_error(run->db);
	if (!before || title == NULL)
		return ERR_CONFLICT;	/* started: the list is the record */
	p[1] = DB_INT(run->actor->user_id);
	if ((rc = db_query(run->db, run->a, &mod, STMT_E_OWN_REG, p, 2, &rows)) != ERR_OK)
		return rc;
	rid = (k = db_next(rows)) == 1 ? db_col_int(rows, 0) : 0;
	db_rows_free(rows);
	if (k != 1)
		return k == 0 ? ERR_NOTFOUND : db_rows_error(run->db);
	{
		struct db_param u[2] = { DB_STR(event_reg_state_names[ERS_CANCELLED]),
		    DB_INT(rid) };

		if ((rc = db_exec(run->db, &mod, STMT_E_REG_SET, u, 2, NULL, NULL)) != ERR_OK)
			return rc;
	}
	if (run->from == ERS_REGISTERED &&
	    (rc = promote(run->db, run->a, run->actor, run->id, capacity, title,
	    &moved)) != ERR_OK)
		return rc;
	snprintf(run->detail, sizeof run->detail, "%s -> cancelled, %zu moved up",
	    event_reg_state_names[run->from], moved);
	return ERR_OK;
}

static const struct step cancel_step = {
	&event_reg_machine, ERA_CANCEL, &mod, STMT_E_CANCEL_LOCK, false,
	"event.cancel", "event", NULL, cancel_change,
};

enum err
event_cancel(struct db *db, const struct audit_actor *actor, long long id)
{
	struct db_param p[1] = { DB_INT(actor->user_id) };

	if (actor->user_id <= 0)
		return ERR_NOTFOUND;
	return step_run(db, &cancel_step, actor, p, 1, id, 0, NULL);
}

enum err
event_reg_of(struct db *db, struct arena *a, long long user_id, long long id,
    int *state)
{
	struct db_param	 p[2] = { DB_INT(id), DB_INT(user_id) };
	struct db_rows	*rows;
	enum err	 rc;
	int		 k;

	*state = -1;
	if ((rc = db_query(db, a, &mod, STMT_E_REG_OF, p, 2, &rows)) != ERR_OK)
		return rc;
	if ((k = db_next(rows)) == 1)
		*state = enum_parse(event_reg_state_names, ERS__MAX, db_col_str(rows, 0));
	db_rows_free(rows);
	return k == -1 ? db_rows_error(db) : ERR_OK;
}

static void
fill_reg(const struct db_rows *r, struct arena *a, void *elem)
{
	struct event_reg	*o = elem;
	int			 k;

	o->id = db_col_int(r, 0);
	o->user_id = db_col_int(r, 1);
	o->username = db_col_text(r, a, 2);
	o->real_name = db_col_text(r, a, 3);
	o->org = db_col_text(r, a, 4);
	o->role = db_col_text(r, a, 5);
	k = enum_parse(event_reg_state_names, ERS__MAX, db_col_str(r, 6));
	o->state = k < 0 ? ERS_CANCELLED : (enum event_reg_state)k;
	o->queued_at = db_col_text(r, a, 7);
}

enum err
event_regs(struct db *db, struct arena *a, const struct scope *sc,
    long long id, struct event_reg_list *out)
{
	struct db_param	 p[3] = { DB_INT(id), DB_STR(scope_region(sc)),
	    DB_STR(scope_region(sc)) };
	void		*v = NULL;
	enum err	 rc;

	memset(out, 0, sizeof *out);
	if ((rc = db_query_list(db, a, &mod, STMT_E_REGS, p, 3, sizeof *out->v,
	    fill_reg, &v, &out->n)) != ERR_OK)
		return rc;
	out->v = v;
	return ERR_OK;
}

static enum err
mark_locked(struct step_run *run)
{
	return db_col_int(run->row, 1) != 0 ? ERR_OK : ERR_CONFLICT;
}

static enum err
mark_change(struct step_run *run)
{
	struct db_param p[2] = { DB_STR(event_reg_state_names[run->to]),
	    DB_INT(run->id) };
	enum err rc;

	if ((rc = db_exec(run->db, &mod, STMT_E_REG_SET, p, 2, NULL, NULL)) != ERR_OK)
		return rc;
	snprintf(run->detail, sizeof run->detail, "%s -> %s",
	    event_reg_state_names[run->from], event_reg_state_names[run->to]);
	return ERR_OK;
}

static const struct step attend_step = {
	&event_reg_machine, ERA_ATTEND, &mod, STMT_E_MARK_LOCK, false,
	"event.attendance", "event_registration", mark_locked, mark_change,
};
static const struct step absent_step = {
	&event_reg_machine, ERA_ABSENT, &mod, STMT_E_MARK_LOCK, false,
	"event.attendance", "event_registration", mark_locked, mark_change,
};

enum err
event_mark(struct db *db, const struct audit_actor *actor,
    const struct scope *sc, long long event_id, long long reg_id, int action)
{
	struct db_param p[3] = { DB_INT(event_id), DB_STR(scope_region(sc)),
	    DB_STR(scope_region(sc)) };

	if (action != ERA_ATTEND && action != ERA_ABSENT)
		return ERR_INVAL;
	return step_run(db, action == ERA_ATTEND ? &attend_step : &absent_step,
	    actor, p, 3, reg_id, 0, NULL);
}
