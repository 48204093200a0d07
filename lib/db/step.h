/*
 * step.h -- state machines as data, and the one runner of a state step.
 *
 * A state machine (struct step_machine) is a table: for every from-state
 * and every action, the to-state or STEP_NO (refused).  Each object with
 * a life cycle (agency change forms, credit import batches, staff
 * requests, credit categories) declares its table next to its SQL; a unit
 * test enumerates every cell, so a state or an action added without its
 * row fails the build's tests (step_machine_complete).
 *
 * A step (struct step) is one transition of one object, run by
 * step_run() in one transaction (db_tx): lock the row through the
 * caller's scope predicate, read its state (and version), refuse what
 * the table refuses, let the object's hooks check and change, write the
 * audit row, commit.  The transactional skeleton lives here once; the
 * domain modules keep only their SQL and what is theirs (four-eyes
 * rules, the rows a confirmation copies).
 */
#ifndef DUIJIE_STEP_H
#define DUIJIE_STEP_H

#include <stdbool.h>
#include <stddef.h>

#include "db/audit.h"
#include "db/db.h"

/* Cell values of a machine's table: STEP_TO(s) allows the action and
 * moves to state s; STEP_NO refuses it.  0 is "not declared", which
 * step_machine_complete() reports. */
#define STEP_TO(s)	((signed char)((s) + 1))
#define STEP_NO		((signed char)-1)

struct step_machine {
	const char		*name;		/* "credit_batch" */
	size_t			 nstates;
	size_t			 nactions;
	const char *const	*states;	/* [nstates]: the column's values */
	const char *const	*actions;	/* [nactions]: for tests and logs */
	const signed char	*next;		/* [nstates * nactions] */
};

/*
 * The table of an object decided once, shared by the machines that have
 * that life (staff requests, credit self-service requests): three
 * states, pending (0) then accepted (1) or refused (2), and two actions,
 * accept (0) and refuse (1); both final states refuse everything.
 */
#define STEP_ONCE_STATES	3
#define STEP_ONCE_ACTIONS	2
extern const signed char step_decide_once[STEP_ONCE_STATES * STEP_ONCE_ACTIONS];

/* The to-state of `action` from `from`, -1 when refused, out of range or
 * not declared. */
int		 step_next(const struct step_machine *, int from, int action);
/* The state named `s` (the status column), -1 when unknown or NULL. */
int		 step_state_parse(const struct step_machine *, const char *s);
/* The state's name; "" when out of range. */
const char	*step_state_name(const struct step_machine *, int state);
/* True when every cell is declared (STEP_TO or STEP_NO) and every
 * to-state is a state of the machine. */
bool		 step_machine_complete(const struct step_machine *);

struct step;

/* What step_run() hands the hooks: the locked row and the transition. */
struct step_run {
	const struct step	*step;
	struct db		*db;
	struct arena		*a;		/* scratch, freed after the step */
	const struct audit_actor *actor;
	long long		 id;
	struct db_rows		*row;		/* the lock's row, in `locked` only */
	int			 from, to;
	void			*ctx;		/* the caller's */
	/* set by the hooks: the audit row's detail (cut to 255) */
	char			 detail[512];
	/* set by a hook that returns ERR_FORBIDDEN: recorded as AUDIT_DENIED
	 * with this detail after the rollback, in a transaction of its own
	 * (so it must outlive the step: a literal or the caller's ctx, never
	 * the scratch arena `a`, which is freed before it is read) */
	const char		*denied;
};

typedef enum err step_hook(struct step_run *);

/*
 * One transition.  `lock` is a statement of `mod` returning the row with
 * the state's name in column 0 and, when `versioned`, the row's version
 * in column 1; its parameters are the id followed by the scope
 * predicate's (given to step_run): "... WHERE id = ? AND <scope> FOR
 * UPDATE".
 */
struct step {
	const struct step_machine *m;
	int			 action;
	const struct db_module	*mod;
	int			 lock;
	bool			 versioned;
	const char		*audit_action;	/* "credit.batch.discard" */
	const char		*object_type;	/* "credit_batch" */
	/* After the lock and the table's check, with run->row (read its
	 * columns only, run no statement): copies what `change` needs into
	 * run->ctx, refuses with ERR_CONFLICT or ERR_FORBIDDEN (+
	 * run->denied).  May be NULL. */
	step_hook		*locked;
	/* The update, the event row and whatever else the step changes;
	 * run->to is the new state.  Sets run->detail; may refuse like
	 * `locked`.  Not NULL. */
	step_hook		*change;
};

/*
 * Runs `s` on object `id` in one transaction (db_tx): lock (binding id
 * then scope[0..nscope)), ERR_NOTFOUND when no row (out of scope
 * included), ERR_CONFLICT when the version differs from `version` or the
 * machine refuses the action from the row's state, then s->locked,
 * s->change, the audit row (s->audit_action, s->object_type, id,
 * AUDIT_OK, run->detail), commit.  Any error rolls back everything; a
 * refusal with run->denied set is then audited as AUDIT_DENIED in its own
 * transaction.  Errors: the hooks', ERR_NOTFOUND, ERR_CONFLICT,
 * ERR_DB_LOST, ERR_DB, ERR_NOMEM.
 */
enum err	 step_run(struct db *, const struct step *s,
		    const struct audit_actor *actor,
		    const struct db_param *scope, size_t nscope,
		    long long id, unsigned version, void *ctx);

#endif
