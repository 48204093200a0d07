/*
 * feedback.c -- the SQL, the state table and the answer step of the
 * users' feedback (feedback.h).
 */
#include <stdio.h>
#include <string.h>

#include "core/enumname.h"
#include "db/db_region.h"
#include "info/feedback.h"

const char *const feedback_kind_names[FBK__MAX + 1] = {
	[FBK_SUGGESTION] = "suggestion", [FBK_PROBLEM] = "problem",
	[FBK_IMPORTANT] = "important", [FBK__MAX] = NULL,
};

const char *const feedback_state_names[FBS__MAX + 1] = {
	[FBS_OPEN] = "open", [FBS_ANSWERED] = "answered", [FBS__MAX] = NULL,
};

static const char *const action_names[FBA__MAX] = {
	[FBA_ANSWER] = "answer",
};

static const signed char feedback_next[FBS__MAX][FBA__MAX] = {
	[FBS_OPEN] = { [FBA_ANSWER] = STEP_TO(FBS_ANSWERED) },
	[FBS_ANSWERED] = { [FBA_ANSWER] = STEP_NO },
};

const struct step_machine feedback_machine = {
	"feedback", FBS__MAX, FBA__MAX, feedback_state_names, action_names,
	&feedback_next[0][0],
};

enum {
	STMT_F_GET,
	STMT_F_SCOUNT,
	STMT_F_SLIST,
	STMT_F_OCOUNT,
	STMT_F_OLIST,
	STMT_F_INSERT,
	STMT_F_LOCK,
	STMT_F_ANSWER,
	STMT_F__MAX
};

#define F_COLS \
	"SELECT f.id, f.user_id, u.real_name, COALESCE(u.org_name, ''), f.portal," \
	" f.region_code, r.name, f.kind, f.subject, f.body, f.status," \
	" COALESCE(f.answer, ''), COALESCE(a.real_name, '')," \
	" COALESCE(DATE_FORMAT(f.answered_at, '%Y-%m-%d %H:%i:%s'), '')," \
	" DATE_FORMAT(f.created_at, '%Y-%m-%d %H:%i:%s')" \
	" FROM feedback f JOIN users u ON u.id = f.user_id" \
	" JOIN regions r ON r.code = f.region_code" \
	" LEFT JOIN users a ON a.id = f.answered_by"

/* staff?, region, region, province operator?: the region's feedback for
 * its staff, important reports for the province's operators only */
#define F_STAFF \
	" (? = 1 AND ((f.kind <> 'important' AND" REGION_SCOPE("f.region_code") ")" \
	" OR (f.kind = 'important' AND ? = 1)))"

static const char *const sql[STMT_F__MAX] = {
	[STMT_F_GET] = F_COLS " WHERE f.id = ? AND" F_STAFF,
	[STMT_F_SCOUNT] = "SELECT COUNT(*) FROM feedback f WHERE" F_STAFF
	    " AND (? = '' OR f.status = ?)",
	[STMT_F_SLIST] = F_COLS " WHERE" F_STAFF " AND (? = '' OR f.status = ?)"
	    " ORDER BY f.status = 'answered', f.created_at DESC, f.id DESC"
	    " LIMIT ? OFFSET ?",
	[STMT_F_OCOUNT] = "SELECT COUNT(*) FROM feedback f WHERE f.user_id = ?",
	[STMT_F_OLIST] = F_COLS " WHERE f.user_id = ?"
	    " ORDER BY f.created_at DESC, f.id DESC LIMIT ? OFFSET ?",
	[STMT_F_INSERT] =
	    "INSERT INTO feedback (user_id, portal, region_code, kind, subject, body)"
	    " VALUES (?, ?, ?, ?, ?, ?)",
	[STMT_F_LOCK] = "SELECT f.status FROM feedback f WHERE f.id = ? AND"
	    F_STAFF " FOR UPDATE",
	[STMT_F_ANSWER] =
	    "UPDATE feedback SET status = 'answered', answer = ?, answered_by = ?,"
	    " answered_at = UTC_TIMESTAMP() WHERE id = ?",
};

static const struct db_module mod = { DBM_INFO_FEEDBACK, STMT_F__MAX, sql };

static const char *
nz(const char *s)
{
	return s != NULL ? s : "";
}

/* The staff predicate's four parameters for scope `sc`. */
static void
staff_params(const struct scope *sc, struct db_param p[4])
{
	bool staff = sc->kind == SCOPE_SYSTEM || sc->role == ROLE_OPERATOR ||
	    sc->role == ROLE_SUPERVISOR;
	bool prov_op = sc->kind == SCOPE_SYSTEM ||
	    (sc->role == ROLE_OPERATOR && scope_province_wide(sc));
	const char *region = sc->kind == SCOPE_SYSTEM ? REGION_PROVINCE :
	    staff ? sc->region : "";

	p[0] = DB_INT(staff ? 1 : 0);
	p[1] = DB_STR(region);
	p[2] = DB_STR(region);
	p[3] = DB_INT(prov_op ? 1 : 0);
}

static void
fill(const struct db_rows *r, struct arena *a, void *elem)
{
	struct feedback	*o = elem;
	int		 k;

	o->id = db_col_int(r, 0);
	o->user_id = db_col_int(r, 1);
	o->sender = db_col_text(r, a, 2);
	o->org = db_col_text(r, a, 3);
	o->portal = db_col_text(r, a, 4);
	o->region = db_col_text(r, a, 5);
	o->region_name = db_col_text(r, a, 6);
	k = enum_parse(feedback_kind_names, FBK__MAX, db_col_str(r, 7));
	o->kind = k < 0 ? FBK_PROBLEM : (enum feedback_kind)k;
	o->subject = db_col_text(r, a, 8);
	o->body = db_col_text(r, a, 9);
	k = enum_parse(feedback_state_names, FBS__MAX, db_col_str(r, 10));
	o->state = k < 0 ? FBS_ANSWERED : (enum feedback_state)k;
	o->answer = db_col_text(r, a, 11);
	o->answerer = db_col_text(r, a, 12);
	o->answered_at = db_col_text(r, a, 13);
	o->created_at = db_col_text(r, a, 14);
}

enum err
feedback_get(struct db *db, struct arena *a, const struct scope *sc,
    long long id, struct feedback *out)
{
	struct db_param	 p[5];
	struct feedback	*v = NULL;
	size_t		 n = 0;
	enum err	 rc;

	p[0] = DB_INT(id);
	staff_params(sc, p + 1);
	if ((rc = db_query_list(db, a, &mod, STMT_F_GET, p, 5, sizeof *v, fill,
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
    struct feedback_list *out)
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
feedback_list_staff(struct db *db, struct arena *a, const struct scope *sc,
    int state, size_t page, size_t per, struct feedback_list *out)
{
	struct db_param	 p[8];
	const char	*st = state >= 0 && state < FBS__MAX ?
	    feedback_state_names[state] : "";

	staff_params(sc, p);
	p[4] = DB_STR(st);
	p[5] = DB_STR(st);
	return page_of(db, a, STMT_F_SCOUNT, STMT_F_SLIST, p, 6, page, per, out);
}

enum err
feedback_count_staff(struct db *db, struct arena *a, const struct scope *sc,
    int state, long long *n)
{
	struct db_param	 p[6];
	const char	*st = state >= 0 && state < FBS__MAX ?
	    feedback_state_names[state] : "";

	staff_params(sc, p);
	p[4] = DB_STR(st);
	p[5] = DB_STR(st);
	return db_count(db, a, &mod, STMT_F_SCOUNT, p, 6, n);
}

enum err
feedback_list_own(struct db *db, struct arena *a, long long user_id,
    size_t page, size_t per, struct feedback_list *out)
{
	struct db_param p[3] = { DB_INT(user_id) };

	return page_of(db, a, STMT_F_OCOUNT, STMT_F_OLIST, p, 1, page, per, out);
}

struct create_tx {
	const struct audit_actor *actor;
	const char	*region, *portal, *kind, *subject, *body;
	long long	 id;
};

static enum err
create_body(struct db *db, struct arena *a, void *ctx)
{
	struct create_tx	*t = ctx;
	unsigned long long	 newid = 0;
	char			 oid[24], detail[160];
	enum err		 rc;
	struct db_param		 p[] = { DB_INT(t->actor->user_id),
	    DB_STR(t->portal), DB_STR(t->region), DB_STR(t->kind),
	    DB_STR(t->subject), DB_STR(t->body) };

	(void)a;
	if ((rc = db_exec(db, &mod, STMT_F_INSERT, p, 6, NULL, &newid)) != ERR_OK)
		return rc;
	snprintf(oid, sizeof oid, "%llu", newid);
	snprintf(detail, sizeof detail, "%s to %s", t->kind, t->region);
	if ((rc = audit_write(db, t->actor, "feedback.create", "feedback", oid,
	    AUDIT_OK, detail)) != ERR_OK)
		return rc;
	t->id = (long long)newid;
	return ERR_OK;
}

enum err
feedback_create(struct db *db, const struct audit_actor *actor,
    const char *region, const char *portal, int kind, const char *subject,
    const char *body, long long *id)
{
	struct create_tx t;
	enum err rc;

	if (kind < 0 || kind >= FBK__MAX || actor->user_id <= 0)
		return ERR_INVAL;
	memset(&t, 0, sizeof t);
	t.actor = actor;
	t.region = kind == FBK_IMPORTANT ? REGION_PROVINCE : nz(region);
	t.portal = nz(portal);
	t.kind = feedback_kind_names[kind];
	t.subject = nz(subject);
	t.body = nz(body);
	if ((rc = db_tx(db, 256, create_body, &t)) == ERR_OK)
		*id = t.id;
	return rc;
}

static enum err
answer_change(struct step_run *run)
{
	struct db_param p[] = { DB_STR(nz(run->ctx)),
	    run->actor->user_id > 0 ? DB_INT(run->actor->user_id) : DB_NULL,
	    DB_INT(run->id) };
	enum err rc;

	if ((rc = db_exec(run->db, &mod, STMT_F_ANSWER, p, 3, NULL, NULL)) != ERR_OK)
		return rc;
	snprintf(run->detail, sizeof run->detail, "open -> answered");
	return ERR_OK;
}

static const struct step answer_step = {
	&feedback_machine, FBA_ANSWER, &mod, STMT_F_LOCK, false,
	"feedback.answer", "feedback", NULL, answer_change,
};

enum err
feedback_answer(struct db *db, const struct audit_actor *actor,
    const struct scope *sc, long long id, const char *answer)
{
	struct db_param p[4];

	staff_params(sc, p);
	return step_run(db, &answer_step, actor, p, 4, id, 0, (void *)answer);
}
