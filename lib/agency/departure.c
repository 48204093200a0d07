/*
 * departure.c -- the SQL of departures and dormant accounts (see
 * departure.h).
 */
#include <stdio.h>
#include <string.h>

#include "core/enumname.h"
#include "db/db_region.h"
#include "agency/departure.h"

enum {
	STMT_DEP_OPEN_OF,
	STMT_DEP_INSERT,
	STMT_DEP_LIST,
	STMT_DEP_DORMANT,
	STMT_DEP__MAX
};

static const char *const sql[STMT_DEP__MAX] = {
	[STMT_DEP_OPEN_OF] =
	    "SELECT id FROM departures WHERE user_id = ? AND form_id IS NULL"
	    " FOR UPDATE",
	[STMT_DEP_INSERT] =
	    "INSERT INTO departures (user_id, agency_id, region_code, kind,"
	    " event_date, due_date, note, recorded_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
	[STMT_DEP_LIST] =
	    "SELECT d.id, d.user_id, u.username, u.real_name, d.agency_id, ag.name,"
	    " r.name, d.kind, DATE_FORMAT(d.event_date, '%Y-%m-%d'),"
	    " DATE_FORMAT(d.due_date, '%Y-%m-%d'), d.note, rb.real_name,"
	    " DATE_FORMAT(d.recorded_at, '%Y-%m-%d %H:%i:%s'), COALESCE(d.form_id, 0),"
	    " DATE_FORMAT(d.submitted_at, '%Y-%m-%d %H:%i:%s'),"
	    " DATEDIFF(d.due_date, ?)"
	    " FROM departures d JOIN users u ON u.id = d.user_id"
	    " JOIN agencies ag ON ag.id = d.agency_id"
	    " JOIN regions r ON r.code = d.region_code"
	    " JOIN users rb ON rb.id = d.recorded_by"
	    " WHERE" REGION_SCOPE("d.region_code") " AND (? = 0 OR d.agency_id = ?)"
	    " AND (? = 0 OR d.form_id IS NULL)"
	    " ORDER BY d.form_id IS NOT NULL, d.due_date, d.id LIMIT ?",
	[STMT_DEP_DORMANT] =
	    "SELECT u.id, u.username, u.real_name, u.org_id, ag.name, r.name,"
	    " DATE_FORMAT(u.last_login_at, '%Y-%m-%d %H:%i:%s'),"
	    " DATE_FORMAT(u.created_at, '%Y-%m-%d %H:%i:%s'),"
	    " DATEDIFF(UTC_TIMESTAMP(), COALESCE(u.last_login_at, u.created_at))"
	    " FROM users u JOIN agencies ag ON ag.id = u.org_id"
	    " JOIN regions r ON r.code = u.region_code"
	    " WHERE u.role = 'gov' AND u.org_kind = 'agency' AND u.status <> 'revoked'"
	    " AND" REGION_SCOPE("u.region_code")
	    " AND COALESCE(u.last_login_at, u.created_at) < UTC_TIMESTAMP() - INTERVAL ? DAY"
	    " ORDER BY COALESCE(u.last_login_at, u.created_at), u.id LIMIT ?",
};

static const struct db_module mod = { DBM_DEPARTURE, STMT_DEP__MAX, sql };

static const char *const kind_names[DEP__MAX] = {
	[DEP_LEFT] = "left", [DEP_CHANGED] = "changed",
};

const char *
departure_kind_name(enum departure_kind k)
{
	return (unsigned)k < DEP__MAX ? kind_names[k] : "?";
}

int
departure_kind_parse(const char *s)
{
	return enum_parse(kind_names, DEP__MAX, s);
}


/* What departure_record's transaction needs and gives back. */
struct drec {
	const struct audit_actor	*actor;
	const struct db_param		*o, *p;	/* the open-one check's, the row's */
	long long			 user_id;
	const char			*detail;
	long long			 id;
};

/* None open for the user yet, then the row and its audit row. */
static enum err
record_body(struct db *db, struct arena *a, void *ctx)
{
	struct drec		*d = ctx;
	struct db_rows		*rows;
	unsigned long long	 newid = 0;
	char			 oid[24];
	enum err		 rc;
	int			 n;

	if ((rc = db_query(db, a, &mod, STMT_DEP_OPEN_OF, d->o, 1, &rows)) != ERR_OK)
		return rc;
	n = db_next(rows);
	db_rows_free(rows);
	if (n != 0)
		return n == 1 ? ERR_CONFLICT : db_rows_error(db);
	if ((rc = db_exec(db, &mod, STMT_DEP_INSERT, d->p, 8, NULL, &newid)) != ERR_OK)
		return rc;
	snprintf(oid, sizeof oid, "%lld", d->user_id);
	if ((rc = audit_write(db, d->actor, "departure.record", "user", oid,
	    AUDIT_OK, d->detail)) != ERR_OK)
		return rc;
	d->id = (long long)newid;
	return ERR_OK;
}

enum err
departure_record(struct db *db, const struct audit_actor *actor,
    long long user_id, long long agency_id, const char *region,
    enum departure_kind kind, const char *event_date, const char *due_date,
    const char *note, long long *id)
{
	struct db_param		 o[] = { DB_INT(user_id) };
	struct db_param		 p[] = { DB_INT(user_id), DB_INT(agency_id),
		DB_STR(region), DB_STR(kind_names[kind]), DB_STR(event_date),
		DB_STR(due_date), DB_STR(note), DB_INT(actor->user_id) };
	char			 detail[96];
	struct drec		 d = { actor, o, p, user_id, detail, 0 };
	enum err		 rc;

	snprintf(detail, sizeof detail, "%s on %s, due %s", kind_names[kind],
	    event_date, due_date);
	if ((rc = db_tx(db, 0, record_body, &d)) == ERR_OK)
		*id = d.id;
	return rc;
}

static void
departure_fill(const struct db_rows *rows, struct arena *a, void *elem)
{
	struct departure *d = elem;

	d->id = db_col_int(rows, 0);
	d->user_id = db_col_int(rows, 1);
	d->username = db_col_text(rows, a, 2);
	d->real_name = db_col_text(rows, a, 3);
	d->agency_id = db_col_int(rows, 4);
	d->agency_name = db_col_text(rows, a, 5);
	d->region_name = db_col_text(rows, a, 6);
	d->kind = departure_kind_parse(db_col_str(rows, 7)) == DEP_CHANGED ?
	    DEP_CHANGED : DEP_LEFT;
	d->event_date = db_col_text(rows, a, 8);
	d->due_date = db_col_text(rows, a, 9);
	d->note = db_col_text(rows, a, 10);
	d->recorded_name = db_col_text(rows, a, 11);
	d->recorded_at = db_col_text(rows, a, 12);
	d->form_id = db_col_int(rows, 13);
	d->submitted_at = db_col_dup(rows, a, 14);
	d->days_left = (int)db_col_int(rows, 15);
	d->overdue = d->form_id == 0 && d->days_left < 0;
}

enum err
departure_list(struct db *db, struct arena *a, const char *region,
    long long agency_id, bool open_only, const char *today, size_t max,
    struct departure_list *l)
{
	struct db_param p[] = { DB_STR(today), DB_STR(region), DB_STR(region),
		DB_INT(agency_id), DB_INT(agency_id), DB_INT(open_only), DB_INT(max) };

	return db_query_list(db, a, &mod, STMT_DEP_LIST, p, 7, sizeof *l->v,
	    departure_fill, (void **)&l->v, &l->n);
}

static void
dormant_fill(const struct db_rows *rows, struct arena *a, void *elem)
{
	struct dormant *d = elem;

	d->id = db_col_int(rows, 0);
	d->username = db_col_text(rows, a, 1);
	d->real_name = db_col_text(rows, a, 2);
	d->agency_id = db_col_int(rows, 3);
	d->agency_name = db_col_text(rows, a, 4);
	d->region_name = db_col_text(rows, a, 5);
	d->last_login_at = db_col_dup(rows, a, 6);
	d->created_at = db_col_text(rows, a, 7);
	d->idle_days = (int)db_col_int(rows, 8);
}

enum err
dormant_list(struct db *db, struct arena *a, const char *region, unsigned days,
    size_t max, struct dormant_list *l)
{
	struct db_param p[] = { DB_STR(region), DB_STR(region), DB_INT(days),
		DB_INT(max) };

	return db_query_list(db, a, &mod, STMT_DEP_DORMANT, p, 4, sizeof *l->v,
	    dormant_fill, (void **)&l->v, &l->n);
}
