/*
 * step.c -- state machines as data and the runner of a step (step.h).
 */
#include <stdio.h>
#include <string.h>

#include "core/log.h"
#include "db/step.h"

const signed char step_decide_once[STEP_ONCE_STATES * STEP_ONCE_ACTIONS] = {
	STEP_TO(1), STEP_TO(2),		/* pending: accepted, refused */
	STEP_NO, STEP_NO,		/* accepted */
	STEP_NO, STEP_NO,		/* refused */
};

int
step_next(const struct step_machine *m, int from, int action)
{
	signed char c;

	if (from < 0 || action < 0 || (size_t)from >= m->nstates ||
	    (size_t)action >= m->nactions)
		return -1;
	c = m->next[(size_t)from * m->nactions + (size_t)action];
	return c > 0 && (size_t)(c - 1) < m->nstates ? c - 1 : -1;
}

int
step_state_parse(const struct step_machine *m, const char *s)
{
	for (size_t i = 0; s != NULL && i < m->nstates; i++)
		if (strcmp(s, m->states[i]) == 0)
			return (int)i;
	return -1;
}

const char *
step_state_name(const struct step_machine *m, int state)
{
	return state >= 0 && (size_t)state < m->nstates ? m->states[state] : "";
}

bool
step_machine_complete(const struct step_machine *m)
{
	for (size_t i = 0; i < m->nstates * m->nactions; i++) {
		signed char c = m->next[i];

		if (c == 0 || (c != STEP_NO && (c < 0 || (size_t)(c - 1) >= m->nstates)))
			return false;
	}
	return true;
}

struct step_tx {
	struct step_run	 run;
	const struct db_param *scope;
	size_t		 nscope;
	unsigned	 version;
};

/* Lock, state and version, the table; then the hooks and the audit row. */
static enum err
step_body(struct db *db, struct arena *a, void *ctx)
{
	struct step_tx		*t = ctx;
	struct step_run		*run = &t->run;
	const struct step	*s = run->step;
	struct db_param		 p[12];	/* the id and up to 11 scope parameters */
	struct db_rows		*rows;
	char			 oid[24];
	enum err		 rc;
	int			 n, from = -1;
	bool			 stale = false;

	if (t->nscope + 1 > sizeof p / sizeof p[0])
		return ERR_INVAL;
	p[0] = DB_INT(run->id);
	for (size_t i = 0; i < t->nscope; i++)
		p[i + 1] = t->scope[i];
	run->db = db;
	run->a = a;
	if ((rc = db_query(db, a, s->mod, s->lock, p, t->nscope + 1, &rows)) != ERR_OK)
		return rc;
	if ((n = db_next(rows)) == 1) {
		from = step_state_parse(s->m, db_col_str(rows, 0));
		stale = s->versioned &&
		    (unsigned long long)db_col_int(rows, 1) != t->version;
		run->from = from;
		run->to = step_next(s->m, from, s->action);
		run->row = rows;
		if (from < 0)
			rc = ERR_DB;
		else if (stale || run->to < 0)
			rc = ERR_CONFLICT;
		else if (s->locked != NULL)
			rc = s->locked(run);
		run->row = NULL;
	}
	db_rows_free(rows);
	if (n != 1)
		return n == 0 ? ERR_NOTFOUND : db_rows_error(db);
	if (rc != ERR_OK)
		return rc;
	if ((rc = s->change(run)) != ERR_OK)
		return rc;
	snprintf(oid, sizeof oid, "%lld", run->id);
	return audit_write(db, run->actor, s->audit_action, s->object_type, oid,
	    AUDIT_OK, run->detail);
}

enum err
step_run(struct db *db, const struct step *s, const struct audit_actor *actor,
    const struct db_param *scope, size_t nscope, long long id,
    unsigned version, void *ctx)
{
	struct step_tx	 t;
	enum err	 rc;
	char		 oid[24];

	memset(&t, 0, sizeof t);
	t.run.step = s;
	t.run.actor = actor;
	t.run.id = id;
	t.run.from = t.run.to = -1;
	t.run.ctx = ctx;
	t.scope = scope;
	t.nscope = nscope;
	t.version = version;
	rc = db_tx(db, 1024, step_body, &t);
	if (rc == ERR_FORBIDDEN && t.run.denied != NULL) {
		snprintf(oid, sizeof oid, "%lld", id);
		(void)audit_write1(db, actor, s->audit_action, s->object_type,
		    oid, AUDIT_DENIED, t.run.denied);
	}
	return rc;
}
