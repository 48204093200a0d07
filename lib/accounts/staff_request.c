/*
 * staff_request.c -- the SQL and the two transactions of requests on
 * staff accounts (see staff_request.h).
 */
#include <stdio.h>
#include <string.h>

#include "core/enumname.h"
#include "db/db_region.h"
#include "accounts/staff_request.h"

enum {
	STMT_SR_TARGET_LOCK,
	STMT_SR_PENDING_OF,
	STMT_SR_INSERT,
	STMT_SR_GET,
	STMT_SR_LOCK,
	STMT_SR_LIST,
	STMT_SR_PENDING_COUNT,
	STMT_SR_DECIDE,
	STMT_SR__MAX
};

#define SR_COLS \
	"SELECT s.id, s.target_id, t.username, t.real_name, t.role, s.region_code," \
	" r.name, s.action, s.reason, s.status, s.requested_by, q.username," \
	" q.real_name, DATE_FORMAT(s.requested_at, '%Y-%m-%d %H:%i:%s')," \
	" COALESCE(s.decided_by, 0), COALESCE(d.username, '')," \
	" COALESCE(DATE_FORMAT(s.decided_at, '%Y-%m-%d %H:%i:%s'), '')," \
	" s.decision_note" \
	" FROM staff_requests s JOIN users t ON t.id = s.target_id" \
	" JOIN regions r ON r.code = s.region_code" \
	" JOIN users q ON q.id = s.requested_by" \
	" LEFT JOIN users d ON d.id = s.decided_by" \
	" WHERE" REGION_SCOPE("s.region_code")

static const char *const sql[STMT_SR__MAX] = {
	[STMT_SR_TARGET_LOCK] =
	    "SELECT role, region_code, status FROM users WHERE id = ? FOR UPDATE",
	[STMT_SR_PENDING_OF] =
	    "SELECT id FROM staff_requests WHERE target_id = ? AND action = ?"
	    " AND status = 'pending'",
	[STMT_SR_INSERT] =
	    "INSERT INTO staff_requests (target_id, region_code, action, reason,"
	    " requested_by) VALUES (?, ?, ?, ?, ?)",
	[STMT_SR_GET] = SR_COLS " AND s.id = ?",
	[STMT_SR_LOCK] =
	    "SELECT s.status, s.target_id, s.action, s.reason, s.requested_by"
	    " FROM staff_requests s"
	    " WHERE s.id = ? AND" REGION_SCOPE("s.region_code") " FOR UPDATE",
	[STMT_SR_LIST] = SR_COLS
	    " AND (s.status = 'pending' OR ? = 1)"
	    " ORDER BY s.status <> 'pending',"
	    " CASE WHEN s.status = 'pending' THEN s.id ELSE -s.id END LIMIT ?",
	[STMT_SR_PENDING_COUNT] = "SELECT COUNT(*) FROM staff_requests s"
	    " WHERE s.status = 'pending' AND" REGION_SCOPE("s.region_code"),
	[STMT_SR_DECIDE] =
	    "UPDATE staff_requests SET status = ?, decided_by = ?,"
	    " decided_at = UTC_TIMESTAMP(), decision_note = ?"
	    " WHERE id = ? AND status = 'pending'",
};

static const struct db_module mod = { DBM_STAFF_REQUEST, STMT_SR__MAX, sql };

static const char *const status_names[SREQ__MAX] = {
	[SREQ_PENDING] = "pending", [SREQ_APPROVED] = "approved",
	[SREQ_REFUSED] = "refused",
};

static const char *const decision_names[SRA__MAX] = {
	[SRA_APPROVE] = "approve", [SRA_REFUSE] = "refuse",
};

/* Decided once (step_decide_once): the enums follow its order. */
_Static_assert(SREQ__MAX == STEP_ONCE_STATES && SRA__MAX == STEP_ONCE_ACTIONS &&
    SREQ_APPROVED == 1 && SREQ_REFUSED == 2 && SRA_REFUSE == 1, "sreq order");
const struct step_machine sreq_machine = {
	"staff_request", SREQ__MAX, SRA__MAX, status_names, decision_names,
	step_decide_once,
};

/* What may be asked for: the staff table's actions (account_rule.c). */
static const enum acct_action askable[] = {
	ACCT_UNLOCK, ACCT_PW_RESET, ACCT_TOTP_RESET, ACCT_SUSPEND, ACCT_REACTIVATE,
};

const char *
sreq_status_name(enum sreq_status s)
{
	return enum_name(status_names, SREQ__MAX, (int)s);
}

int
sreq_action_parse(const char *s)
{
	for (size_t i = 0; s != NULL && i < sizeof askable / sizeof askable[0]; i++)
		if (strcmp(s, acct_action_name(askable[i])) == 0)
			return (int)askable[i];
	return -1;
}

static enum sreq_status
status_parse(const char *s)
{
	int i = enum_parse(status_names, SREQ__MAX, s);

	return i < 0 ? SREQ_REFUSED : (enum sreq_status)i;
}

static enum role
role_of(const char *s)
{
	int r = role_parse(s);

	return r < 0 ? ROLE__MAX : (enum role)r;
}

static enum user_status
ustatus_parse(const char *s)
{
	for (int i = 0; s != NULL && i < USER_STATUS__MAX; i++)
		if (strcmp(s, user_status_name((enum user_status)i)) == 0)
			return (enum user_status)i;
	return USER_REVOKED;
}

static void
actor_party(const struct audit_actor *actor, struct acct_party *p)
{
	p->id = actor->user_id;
	p->role = role_of(actor->role);
	p->region = actor->region;
}

/* Locks the target's row and reads its role, region and status. */
static enum err
lock_target(struct db *db, struct arena *a, long long id,
    struct acct_party *t, enum user_status *st)
{
	struct db_param	 p[] = { DB_INT(id) };
	struct db_rows	*rows;
	enum err	 rc;
	int		 n;

	if ((rc = db_query(db, a, &mod, STMT_SR_TARGET_LOCK, p, 1, &rows)) != ERR_OK)
		return rc;
	if ((n = db_next(rows)) == 1) {
		t->id = id;
		t->role = role_of(db_col_str(rows, 0));
		t->region = db_col_dup(rows, a, 1);
		*st = ustatus_parse(db_col_str(rows, 2));
	}
	db_rows_free(rows);
	if (n == 1)
		return t->region != NULL ? ERR_OK : ERR_NOMEM;
	return n == 0 ? ERR_NOTFOUND : db_rows_error(db);
}

struct create_tx {
	const struct audit_actor *actor;
	long long		 target_id;
	enum acct_action	 act;
	const char		*reason;
	enum acct_verdict	*why;
	unsigned long long	 newid;
};

/* Under the target's lock: the rules, its state, no request pending for
 * the same action, the row and its audit row. */
static enum err
create_body(struct db *db, struct arena *a, void *ctx)
{
	struct create_tx	*c = ctx;
	const struct audit_actor *actor = c->actor;
	const char		*an = acct_action_name(c->act), *whys;
	struct acct_party	 me, t;
	enum user_status	 st;
	struct db_rows		*rows;
	char			 oid[24], detail[260];
	enum err		 rc;
	int			 n;

	if ((rc = lock_target(db, a, c->target_id, &t, &st)) != ERR_OK)
		return rc;
	actor_party(actor, &me);
	if ((*c->why = acct_rule_request(&me, &t, c->act)) != RULE_OK)
		return ERR_FORBIDDEN;
	if (acct_lookup(st, c->act, ACCT_BY_APPROVAL, &whys) == NULL)
		return ERR_CONFLICT;
	{
		struct db_param p[] = { DB_INT(c->target_id), DB_STR(an) };

		if ((rc = db_query(db, a, &mod, STMT_SR_PENDING_OF, p, 2, &rows)) != ERR_OK)
			return rc;
		n = db_next(rows);
		db_rows_free(rows);
		if (n != 0)
			return n == 1 ? ERR_CONFLICT : db_rows_error(db);
	}
	{
		struct db_param p[] = { DB_INT(c->target_id), DB_STR(t.region),
		    DB_STR(an), DB_STR(c->reason), DB_INT(actor->user_id) };

		if ((rc = db_exec(db, &mod, STMT_SR_INSERT, p, 5, NULL, &c->newid)) != ERR_OK)
			return rc;
	}
	snprintf(oid, sizeof oid, "%lld", c->target_id);
	snprintf(detail, sizeof detail, "request %llu %s: %.200s", c->newid, an,
	    c->reason);
	return audit_write(db, actor, "staff_request.create", "user", oid,
	    AUDIT_OK, detail);
}

enum err
sreq_create(struct db *db, const struct audit_actor *actor, long long target_id,
    enum acct_action act, const char *reason, long long *id,
    enum acct_verdict *why)
{
	struct create_tx	 c = { actor, target_id, act, reason, why, 0 };
	enum err		 rc;

	*why = RULE_OK;
	if (reason == NULL || reason[0] == '\0' ||
	    sreq_action_parse(acct_action_name(act)) < 0)
		return ERR_INVAL;
	if ((rc = db_tx(db, 512, create_body, &c)) == ERR_OK)
		*id = (long long)c.newid;
	return rc;
}

static void
sreq_fill(const struct db_rows *rows, struct arena *a, void *elem)
{
	struct staff_request	*s = elem;
	int			 act = sreq_action_parse(db_col_str(rows, 7));

	s->id = db_col_int(rows, 0);
	s->target_id = db_col_int(rows, 1);
	s->target_username = db_col_text(rows, a, 2);
	s->target_real_name = db_col_text(rows, a, 3);
	s->target_role = role_of(db_col_str(rows, 4));
	s->region = db_col_text(rows, a, 5);
	s->region_name = db_col_text(rows, a, 6);
	s->action = act < 0 ? ACCT__MAX : (enum acct_action)act;
	s->reason = db_col_text(rows, a, 8);
	s->status = status_parse(db_col_str(rows, 9));
	s->requested_by = db_col_int(rows, 10);
	s->requester_username = db_col_text(rows, a, 11);
	s->requester_real_name = db_col_text(rows, a, 12);
	s->requested_at = db_col_text(rows, a, 13);
	s->decided_by = db_col_int(rows, 14);
	s->decider_username = db_col_text(rows, a, 15);
	s->decided_at = db_col_text(rows, a, 16);
	s->decision_note = db_col_text(rows, a, 17);
}

enum err
sreq_get(struct db *db, struct arena *a, const struct scope *sc, long long id,
    struct staff_request *out)
{
	struct db_param		 p[] = {
		DB_STR(sc->region), DB_STR(sc->region), DB_INT(id),
	};
	struct staff_request	*v;
	size_t			 n;
	enum err		 rc;

	if ((rc = db_query_list(db, a, &mod, STMT_SR_GET, p, 3, sizeof *v,
	    sreq_fill, (void **)&v, &n)) != ERR_OK)
		return rc;
	if (n != 1)
		return ERR_NOTFOUND;
	*out = v[0];
	return ERR_OK;
}

enum err
sreq_list(struct db *db, struct arena *a, const char *region, bool with_decided,
    size_t max, struct staff_request **v, size_t *n)
{
	struct db_param p[] = { DB_STR(region), DB_STR(region),
	    DB_INT(with_decided ? 1 : 0), DB_INT(max) };

	return db_query_list(db, a, &mod, STMT_SR_LIST, p, 4, sizeof **v,
	    sreq_fill, (void **)v, n);
}

enum err
sreq_pending_count(struct db *db, struct arena *a, const struct scope *sc,
    long long *n)
{
	struct db_param p[] = { DB_STR(sc->region), DB_STR(sc->region) };

	return db_count(db, a, &mod, STMT_SR_PENDING_COUNT, p, 2, n);
}

/* What the decision reads from the locked request (STMT_SR_LOCK:
 * status, target_id, action, reason, requested_by). */
struct sstep {
	const char		*note;
	const char		*hash;
	enum acct_verdict	*why;
	long long		 target, requester;
	int			 act;
	const char		*reason;
};

static enum err
decide_locked(struct step_run *run)
{
	struct sstep *ss = run->ctx;

	ss->target = db_col_int(run->row, 1);
	ss->act = sreq_action_parse(db_col_str(run->row, 2));
	ss->reason = db_col_text(run->row, run->a, 3);
	ss->requester = db_col_int(run->row, 4);
	return ss->act < 0 ? ERR_CONFLICT : ERR_OK;
}

/* The four eyes and the target's rules again under the target's lock,
 * the approved change itself, the request's decision. */
static enum err
decide_change(struct step_run *run)
{
	struct sstep		*ss = run->ctx;
	const struct audit_actor *actor = run->actor;
	bool			 approve = run->step->action == SRA_APPROVE;
	struct acct_party	 me, t;
	enum user_status	 st;
	unsigned long long	 changed = 0;
	enum err		 rc;

	if ((rc = lock_target(run->db, run->a, ss->target, &t, &st)) != ERR_OK)
		return rc;
	actor_party(actor, &me);
	if ((*ss->why = acct_rule_approve(&me, ss->requester, &t,
	    (enum acct_action)ss->act)) != RULE_OK)
		return ERR_FORBIDDEN;
	if (approve) {
		struct acct_change ch = { .action = (enum acct_action)ss->act,
		    .by = ACCT_BY_APPROVAL, .reason = ss->reason };

		if (ss->act == ACCT_PW_RESET) {
			rc = ss->hash != NULL ? user_reset_password_tx(run->db,
			    actor, ACCT_BY_APPROVAL, ss->target, ss->hash) : ERR_INVAL;
		} else
			rc = user_step_tx(run->db, actor, ss->target, &ch, NULL);
		if (rc != ERR_OK)
			return rc;
	}
	{
		const char	*sn = step_state_name(&sreq_machine, run->to);
		struct db_param	 u[] = { DB_STR(sn), DB_INT(actor->user_id),
		    DB_STR(ss->note), DB_INT(run->id) };

		if ((rc = db_exec(run->db, &mod, STMT_SR_DECIDE, u, 4, &changed,
		    NULL)) != ERR_OK)
			return rc;
		if (changed != 1)
			return ERR_CONFLICT;
	}
	snprintf(run->detail, sizeof run->detail,
	    "user %lld %s%s%.200s", ss->target,
	    acct_action_name((enum acct_action)ss->act),
	    ss->note[0] != '\0' ? ": " : "", ss->note);
	return ERR_OK;
}

static const struct step approve_step = {
	&sreq_machine, SRA_APPROVE, &mod, STMT_SR_LOCK, false,
	"staff_request.approve", "staff_request", decide_locked, decide_change,
};
static const struct step refuse_step = {
	&sreq_machine, SRA_REFUSE, &mod, STMT_SR_LOCK, false,
	"staff_request.refuse", "staff_request", decide_locked, decide_change,
};

enum err
sreq_decide(struct db *db, const struct audit_actor *actor, const char *region,
    long long id, bool approve, const char *note, const char *hash,
    enum acct_verdict *why)
{
	/* the scope predicate of STMT_SR_LOCK: the region, twice */
	struct db_param	 scope[] = { DB_STR(region), DB_STR(region) };
	struct sstep	 ss = { .note = note != NULL ? note : "", .hash = hash,
	    .why = why };

	*why = RULE_OK;
	if (!approve && ss.note[0] == '\0')
		return ERR_INVAL;
	return step_run(db, approve ? &approve_step : &refuse_step, actor,
	    scope, 2, id, 0, &ss);
}
