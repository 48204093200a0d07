/*
 * rule.c -- the SQL, the state table and the steps of the measures'
 * versions (rule.h).
 */
#include <stdio.h>
#include <string.h>

#include "core/enumname.h"
#include "accounts/inbox.h"
#include "info/rule.h"

const char *const rule_state_names[RLS__MAX + 1] = {
	[RLS_DRAFT] = "draft", [RLS_PENDING] = "pending",
	[RLS_PUBLISHED] = "published", [RLS__MAX] = NULL,
};

static const char *const action_names[RLA__MAX] = {
	[RLA_EDIT] = "edit", [RLA_SUBMIT] = "submit",
	[RLA_APPROVE] = "approve", [RLA_REJECT] = "reject",
};

static const signed char rule_next[RLS__MAX][RLA__MAX] = {
	[RLS_DRAFT] = { [RLA_EDIT] = STEP_TO(RLS_DRAFT),
	    [RLA_SUBMIT] = STEP_TO(RLS_PENDING), [RLA_APPROVE] = STEP_NO,
	    [RLA_REJECT] = STEP_NO },
	[RLS_PENDING] = { [RLA_EDIT] = STEP_NO, [RLA_SUBMIT] = STEP_NO,
	    [RLA_APPROVE] = STEP_TO(RLS_PUBLISHED),
	    [RLA_REJECT] = STEP_TO(RLS_DRAFT) },
	/* a published version is the record: a change is a new revision */
	[RLS_PUBLISHED] = { [RLA_EDIT] = STEP_NO, [RLA_SUBMIT] = STEP_NO,
	    [RLA_APPROVE] = STEP_NO, [RLA_REJECT] = STEP_NO },
};

const struct step_machine rule_machine = {
	"rule", RLS__MAX, RLA__MAX, rule_state_names, action_names,
	&rule_next[0][0],
};

enum {
	STMT_R_GET,
	STMT_R_LIST,
	STMT_R_PENDING_COUNT,
	STMT_R_CURRENT,
	STMT_R_INSERT,
	STMT_R_LOCK,
	STMT_R_UPDATE,
	STMT_R_SET_STATUS,
	STMT_R_PUBLISH,
	STMT_R_TO_NOTICE,
	STMT_R_NOTICED,
	STMT_R__MAX
};

#define R_COLS(body) \
	"SELECT v.id, v.title, " body ", v.summary," \
	" DATE_FORMAT(v.effective_on, '%Y-%m-%d'), v.status, COALESCE(v.base_id, 0)," \
	" v.version, COALESCE(v.drafted_by, 0), COALESCE(v.approved_by, 0)," \
	" COALESCE(d.real_name, ''), COALESCE(p.real_name, '')," \
	" COALESCE(DATE_FORMAT(v.published_at, '%Y-%m-%d %H:%i:%s'), '')" \
	" FROM rule_versions v LEFT JOIN users d ON d.id = v.drafted_by" \
	" LEFT JOIN users p ON p.id = v.approved_by"

static const char *const sql[STMT_R__MAX] = {
	[STMT_R_GET] = R_COLS("v.body")
	    " WHERE v.id = ? AND (v.status = 'published' OR ? = 1)",
	[STMT_R_LIST] = R_COLS("''")
	    " WHERE v.status = 'published' OR ? = 1"
	    " ORDER BY v.status = 'published', v.effective_on DESC, v.id DESC",
	/* submitted versions someone other than their drafter may approve */
	[STMT_R_PENDING_COUNT] = "SELECT COUNT(*) FROM rule_versions v"
	    " WHERE v.status = 'pending' AND ? = 1"
	    " AND COALESCE(v.drafted_by, 0) <> ?",
	[STMT_R_CURRENT] = R_COLS("v.body")
	    " WHERE v.status = 'published' AND v.effective_on <= ?"
	    " ORDER BY v.effective_on DESC, v.id DESC LIMIT 1",
	[STMT_R_INSERT] =
	    "INSERT INTO rule_versions (title, body, summary, effective_on, base_id,"
	    " drafted_by) SELECT ?, ?, ?, ?, (SELECT MAX(b.id) FROM rule_versions b"
	    " WHERE b.status = 'published'), ?",
	[STMT_R_LOCK] = "SELECT status, version, COALESCE(drafted_by, 0)"
	    " FROM rule_versions WHERE id = ? AND ? = 1 FOR UPDATE",
	[STMT_R_UPDATE] = "UPDATE rule_versions SET title = ?, body = ?, summary = ?,"
	    " effective_on = ?, version = version + 1, updated_at = UTC_TIMESTAMP()"
	    " WHERE id = ?",
	[STMT_R_SET_STATUS] = "UPDATE rule_versions SET status = ?,"
	    " version = version + 1, updated_at = UTC_TIMESTAMP() WHERE id = ?",
	[STMT_R_PUBLISH] = "UPDATE rule_versions SET status = 'published',"
	    " approved_by = ?, published_at = UTC_TIMESTAMP(), version = version + 1,"
	    " updated_at = UTC_TIMESTAMP() WHERE id = ?",
	/* revisions in force that took effect after the account was opened
	 * (created_at is UTC: a day either way is still "after") and that
	 * the user was not told of; locked so two sign-ins tell once */
	[STMT_R_TO_NOTICE] = "SELECT v.id, DATE_FORMAT(v.effective_on, '%Y-%m-%d')"
	    " FROM rule_versions v JOIN users u ON u.id = ?"
	    " WHERE v.status = 'published' AND v.base_id IS NOT NULL"
	    " AND v.effective_on <= ? AND v.effective_on >= DATE(u.created_at)"
	    " AND NOT EXISTS (SELECT 1 FROM rule_notices n WHERE n.user_id = u.id"
	    " AND n.rule_id = v.id) ORDER BY v.effective_on, v.id FOR UPDATE",
	[STMT_R_NOTICED] = "INSERT IGNORE INTO rule_notices (user_id, rule_id)"
	    " VALUES (?, ?)",
};

static const struct db_module mod = { DBM_INFO_RULE, STMT_R__MAX, sql };

bool
rule_staff(const struct scope *sc)
{
	return sc != NULL && (sc->kind == SCOPE_SYSTEM ||
	    ((sc->role == ROLE_OPERATOR || sc->role == ROLE_SUPERVISOR) &&
	    scope_province_wide(sc)));
}

enum err
rule_pending_count(struct db *db, struct arena *a, const struct scope *sc,
    long long *n)
{
	struct db_param p[] = { DB_INT(rule_staff(sc) ? 1 : 0), DB_INT(sc->user_id) };

	return db_count(db, a, &mod, STMT_R_PENDING_COUNT, p, 2, n);
}

static const char *
nz(const char *s)
{
	return s != NULL ? s : "";
}

static void
fill(const struct db_rows *r, struct arena *a, void *elem)
{
	struct rule	*o = elem;
	int		 k;

	o->id = db_col_int(r, 0);
	o->title = db_col_text(r, a, 1);
	o->body = db_col_text(r, a, 2);
	o->summary = db_col_text(r, a, 3);
	o->effective_on = db_col_text(r, a, 4);
	k = enum_parse(rule_state_names, RLS__MAX, db_col_str(r, 5));
	o->state = k < 0 ? RLS_DRAFT : (enum rule_state)k;
	o->base_id = db_col_int(r, 6);
	o->version = (unsigned)db_col_int(r, 7);
	o->drafted_by = db_col_int(r, 8);
	o->approved_by = db_col_int(r, 9);
	o->drafter = db_col_text(r, a, 10);
	o->approver = db_col_text(r, a, 11);
	o->published_at = db_col_text(r, a, 12);
}

static enum err
one(struct db *db, struct arena *a, int stmt, const struct db_param *p,
    size_t np, struct rule *out)
{
	struct rule	*v = NULL;
	size_t		 n = 0;
	enum err	 rc;

	if ((rc = db_query_list(db, a, &mod, stmt, p, np, sizeof *v, fill,
	    (void **)&v, &n)) != ERR_OK)
		return rc;
	if (n != 1)
		return ERR_NOTFOUND;
	*out = v[0];
	return ERR_OK;
}

enum err
rule_get(struct db *db, struct arena *a, bool staff, long long id,
    struct rule *out)
{
	struct db_param p[2] = { DB_INT(id), DB_INT(staff ? 1 : 0) };

	return one(db, a, STMT_R_GET, p, 2, out);
}

enum err
rule_list(struct db *db, struct arena *a, bool staff, struct rule_list *out)
{
	struct db_param	 p[1] = { DB_INT(staff ? 1 : 0) };
	void		*v = NULL;
	enum err	 rc;

	memset(out, 0, sizeof *out);
	if ((rc = db_query_list(db, a, &mod, STMT_R_LIST, p, 1, sizeof *out->v,
	    fill, &v, &out->n)) != ERR_OK)
		return rc;
	out->v = v;
	return ERR_OK;
}

enum err
rule_current(struct db *db, struct arena *a, const char *today,
    struct rule *out)
{
	struct db_param p[1] = { DB_STR(nz(today)) };

	return one(db, a, STMT_R_CURRENT, p, 1, out);
}

struct create_tx {
	const struct audit_actor *actor;
	const struct rule_input	*in;
	long long		 id;
};

static enum err
create_body(struct db *db, struct arena *a, void *ctx)
{
	struct create_tx	*t = ctx;
	unsigned long long	 newid = 0;
	char			 oid[24];
	enum err		 rc;
	struct db_param		 p[] = { DB_STR(nz(t->in->title)),
	    DB_STR(nz(t->in->body)), DB_STR(nz(t->in->summary)),
	    DB_STR(nz(t->in->effective_on)), DB_INT(t->actor->user_id) };

	(void)a;
	if ((rc = db_exec(db, &mod, STMT_R_INSERT, p, 5, NULL, &newid)) != ERR_OK)
		return rc;
	snprintf(oid, sizeof oid, "%llu", newid);
	if ((rc = audit_write(db, t->actor, "rule.create", "rule", oid, AUDIT_OK,
	    nz(t->in->effective_on))) != ERR_OK)
		return rc;
	t->id = (long long)newid;
	return ERR_OK;
}

enum err
rule_create(struct db *db, const struct audit_actor *actor,
    const struct rule_input *in, long long *id)
{
	struct create_tx	 t = { actor, in, 0 };
	enum err		 rc;

	if (actor->user_id <= 0)
		return ERR_INVAL;
	if ((rc = db_tx(db, 256, create_body, &t)) == ERR_OK)
		*id = t.id;
	return rc;
}

static enum err
edit_change(struct step_run *run)
{
	const struct rule_input *in = run->ctx;
	struct db_param p[] = { DB_STR(nz(in->title)), DB_STR(nz(in->body)),
	    DB_STR(nz(in->summary)), DB_STR(nz(in->effective_on)),
	    DB_INT(run->id) };
	enum err rc;

	if ((rc = db_exec(run->db, &mod, STMT_R_UPDATE, p, 5, NULL, NULL)) != ERR_OK)
		return rc;
	snprintf(run->detail, sizeof run->detail, "effective %s", nz(in->effective_on));
	return ERR_OK;
}

static const struct step edit_step = {
	&rule_machine, RLA_EDIT, &mod, STMT_R_LOCK, true,
	"rule.edit", "rule", NULL, edit_change,
};

enum err
rule_edit(struct db *db, const struct audit_actor *actor,
    const struct scope *sc, long long id, unsigned version,
    const struct rule_input *in)
{
	struct db_param p[1] = { DB_INT(rule_staff(sc) ? 1 : 0) };

	return step_run(db, &edit_step, actor, p, 1, id, version, (void *)in);
}

/* Four eyes: who drafted a revision does not publish it. */
static enum err
approve_locked(struct step_run *run)
{
	long long drafter = db_col_int(run->row, 2);

	if (drafter != 0 && drafter == run->actor->user_id) {
		run->denied = "four eyes: the drafter cannot approve the revision";
		return ERR_FORBIDDEN;
	}
	return ERR_OK;
}

static enum err
status_change(struct step_run *run)
{
	struct db_param	 p[2];
	enum err	 rc;

	if (run->to == RLS_PUBLISHED) {
		p[0] = DB_INT(run->actor->user_id);
		p[1] = DB_INT(run->id);
		rc = db_exec(run->db, &mod, STMT_R_PUBLISH, p, 2, NULL, NULL);
	} else {
		p[0] = DB_STR(rule_state_names[run->to]);
		p[1] = DB_INT(run->id);
		rc = db_exec(run->db, &mod, STMT_R_SET_STATUS, p, 2, NULL, NULL);
	}
	if (rc != ERR_OK)
		return rc;
	snprintf(run->detail, sizeof run->detail, "%s -> %s",
	    rule_state_names[run->from], rule_state_names[run->to]);
	return ERR_OK;
}

static const struct step submit_step = {
	&rule_machine, RLA_SUBMIT, &mod, STMT_R_LOCK, false,
	"rule.submit", "rule", NULL, status_change,
};
static const struct step approve_step = {
	&rule_machine, RLA_APPROVE, &mod, STMT_R_LOCK, false,
	"rule.approve", "rule", approve_locked, status_change,
};
static const struct step reject_step = {
	&rule_machine, RLA_REJECT, &mod, STMT_R_LOCK, false,
	"rule.reject", "rule", NULL, status_change,
};

enum err
rule_step(struct db *db, const struct audit_actor *actor,
    const struct scope *sc, long long id, int action)
{
	struct db_param p[1] = { DB_INT(rule_staff(sc) ? 1 : 0) };
	const struct step *s = action == RLA_SUBMIT ? &submit_step :
	    action == RLA_APPROVE ? &approve_step :
	    action == RLA_REJECT ? &reject_step : NULL;

	if (s == NULL)
		return ERR_INVAL;
	return step_run(db, s, actor, p, 1, id, 0, NULL);
}

struct notice_tx {
	const struct audit_actor *actor;
	long long	 user_id;
	const char	*today;
	size_t		 count;
};

static enum err
notice_body(struct db *db, struct arena *a, void *ctx)
{
	struct notice_tx	*t = ctx;
	struct db_param		 p[2] = { DB_INT(t->user_id), DB_STR(t->today) };
	struct db_rows		*rows;
	long long		 ids[16];
	const char		*dates[16];
	size_t			 n = 0;
	enum err		 rc;
	int			 k;

	if ((rc = db_query(db, a, &mod, STMT_R_TO_NOTICE, p, 2, &rows)) != ERR_OK)
		return rc;
	while ((k = db_next(rows)) == 1 && n < 16) {
		ids[n] = db_col_int(rows, 0);
		dates[n] = db_col_text(rows, a, 1);
		n++;
	}
	db_rows_free(rows);
	if (k == -1)
		return db_rows_error(db);
	for (size_t i = 0; i < n; i++) {
		struct db_param q[2] = { DB_INT(t->user_id), DB_INT(ids[i]) };
		struct inbox_note note = { "rule.revised", "《管理办法》已修订",
		    arena_printf(a, "平台用户管理办法的修订自 %s 起施行，"
		    "请查看修订的内容。", nz(dates[i])),
		    arena_printf(a, "/rules/%lld", ids[i]), false };
		char oid[24];

		if (note.body == NULL || note.link == NULL)
			return ERR_NOMEM;
		if ((rc = db_exec(db, &mod, STMT_R_NOTICED, q, 2, NULL, NULL)) != ERR_OK ||
		    (rc = inbox_add(db, t->user_id, &note, NULL)) != ERR_OK)
			return rc;
		snprintf(oid, sizeof oid, "%lld", ids[i]);
		if ((rc = audit_write(db, t->actor, "rule.noticed", "rule", oid,
		    AUDIT_OK, "told at sign-in")) != ERR_OK)
			return rc;
		t->count++;
	}
	return ERR_OK;
}

enum err
rule_notice_signin(struct db *db, const struct audit_actor *actor,
    long long user_id, const char *today, size_t *count)
{
	struct notice_tx	 t = { actor, user_id, nz(today), 0 };
	enum err		 rc;

	if (user_id <= 0)
		return ERR_INVAL;
	rc = db_tx(db, 1024, notice_body, &t);
	if (count != NULL)
		*count = rc == ERR_OK ? t.count : 0;
	return rc;
}
