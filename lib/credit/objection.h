/*
 * objection.h -- an enterprise disputes information about it (异议): a
 * current credit record of its own or its registration facts (issue 15,
 * R-08.2e; 征信业管理条例 Art. 25 as the model; schema/037_objections.sql).
 *
 * Filing (objection_file): the enterprise names the record (or its
 * registration facts), the kind, what it should say, the reason, evidence
 * files (lib/store/files, owner "objection") and ticks the commitment that
 * the statement is true.  One open objection per record: the unique
 * open_key of the schema, and a check under the record's lock.  The record
 * carries the mark 有异议 at once (credit_records reads it) while the
 * objection is open, and after "cannot be confirmed".
 *
 * Handling (objection_step, objection_machine): the source agency's gov
 * users (the agency of the batch that brought the record) or, after an
 * operator of the enterprise's region took it over (registration facts:
 * from the start), that region's operators.  filed -> accepted (or
 * refused as inadmissible, with a reason, by the end of the 2nd working
 * day after filing) -> checked -> corrected (the agency supplies the new
 * values; the record's content changes, an event keeps old and new and
 * names the agency), removed (the record withdrawn), kept (mark removed,
 * with reasons), unconfirmed (both recorded, the mark stays with the
 * note).  A refusal and every outcome number the written reply
 * (GDYY-YYYYMMDD-NNNNNNNN).  Each step is one transaction with its event,
 * its audit row and its notices (the enterprise at acceptance, refusal and
 * outcome, with an SMS; the agency at filing).
 *
 * Scope (every statement): the enterprise its own; a gov user the
 * objections on records of its own agency; the operators and supervisors
 * of the enterprise's region (the province's: all); the system all.
 */
#ifndef DUIJIE_OBJECTION_H
#define DUIJIE_OBJECTION_H

#include <stdbool.h>
#include <stddef.h>

#include "accounts/scope.h"
#include "core/arena.h"
#include "credit/credit_view.h"
#include "db/audit.h"
#include "db/db.h"
#include "db/step.h"
#include "store/files.h"

#define OBJ_TEXT_MAX		2000	/* should_say, reason, notes: characters */
#define OBJ_FILES_MAX		3	/* evidence files of one objection */
#define OBJ_DAYS		20	/* calendar days from receipt to the answer */
#define OBJ_ACCEPT_WORKDAYS	2	/* to accept or refuse as inadmissible */
#define OBJ_LIST_MAX		500	/* a list page's rows at most */
#define OBJ_REPLY_NO_LEN	40
/* The owner_kind of the evidence files (files.h). */
#define OBJ_FILE_OWNER		"objection"

enum obj_subject { OSUB_RECORD, OSUB_REGISTRATION, OSUB__MAX };
enum obj_kind {
	OKIND_WRONG,		/* 错误 */
	OKIND_MISSING,		/* 遗漏 */
	OKIND_DUPLICATE,	/* 重复 */
	OKIND_NOT_PUBLIC,	/* 不应公开 */
	OKIND_OVER_TERM,	/* 超期 */
	OKIND_INCONSISTENT,	/* 与来源不一致 */
	OKIND__MAX
};
enum obj_status {
	OST_FILED, OST_ACCEPTED, OST_REFUSED, OST_CHECKED,
	OST_CORRECTED, OST_REMOVED, OST_KEPT, OST_UNCONFIRMED, OST__MAX
};
enum obj_action {
	OA_ACCEPT, OA_REFUSE, OA_CHECK, OA_CORRECT, OA_REMOVE, OA_KEEP,
	OA_UNCONFIRM, OA_TAKE_OVER, OA__MAX
};
extern const struct step_machine objection_machine;

const char	*obj_subject_name(enum obj_subject);	/* "record" */
int		 obj_subject_parse(const char *);
const char	*obj_kind_name(enum obj_kind);		/* "not_public" */
int		 obj_kind_parse(const char *);
const char	*obj_status_name(enum obj_status);	/* "checked" */
int		 obj_status_parse(const char *);
const char	*obj_action_name(enum obj_action);	/* "take_over" */
int		 obj_action_parse(const char *);
/* Open (filed, accepted, checked): the clock runs. */
bool		 obj_status_open(enum obj_status);
/* The record carries the mark 有异议 (open, or unconfirmed). */
bool		 obj_status_marks(enum obj_status);

/*
 * The deadlines of an objection filed on Beijing day (y, m, d): *due the
 * day OBJ_DAYS calendar days later, *accept_by the OBJ_ACCEPT_WORKDAYS-th
 * working day after it by calendar `cal`; both "YYYY-MM-DD".  Pure.
 */
struct calendar;
void		 obj_deadlines(const struct calendar *cal, int y, int m, int d,
		    char due[11], char accept_by[11]);
/* Days from Beijing day `today` to `due` (both "YYYY-MM-DD"); negative
 * when overdue; 0 on a malformed date. */
int		 obj_days_left(const char *due, const char *today);
/* The reply's number: GDYY-YYYYMMDD-NNNNNNNN (id zero-padded to 8);
 * -1 (out "") for a malformed day or id <= 0. */
int		 obj_reply_number(long long id, const char *day,
		    char out[OBJ_REPLY_NO_LEN]);

struct objection {
	long long		 id;
	long long		 enterprise_id;
	const char		*ent_name;
	const char		*uscc;
	const char		*region;
	const char		*region_name;
	enum obj_subject	 subject;
	long long		 record_id;	/* 0: registration facts */
	long long		 agency_id;	/* 0: registration facts */
	const char		*agency_name;	/* "" without */
	long long		 batch_id;
	enum obj_kind		 kind;
	const char		*should_say;
	const char		*reason;
	enum obj_status		 status;
	unsigned		 version;
	bool			 by_office;	/* handler: the office (taken over) */
	const char		*filer_name;	/* the filing user's real name */
	const char		*filed_at;	/* UTC */
	const char		*accept_by;	/* Beijing YYYY-MM-DD */
	const char		*due_date;	/* Beijing YYYY-MM-DD */
	const char		*accepted_at;	/* UTC or "" */
	const char		*checked_at;
	const char		*closed_at;
	const char		*check_note;
	const char		*outcome_note;
	const char		*corr_agency;	/* the correcting agency's name or "" */
	const char		*reply_no;	/* "" until decided */
	int			 reminded;	/* bits: 1 five days, 2 one day */
};

struct objection_list {
	struct objection	*v;
	size_t			 n;
	long long		 total;
};

/* One step of an objection, the record's history. */
struct obj_event {
	long long	 objection_id;
	const char	*at;		/* UTC */
	const char	*action;	/* "file", "accept", ... "remind" */
	const char	*org_kind;	/* enterprise, agency, office, system */
	const char	*org_name;
	const char	*user_name;
	const char	*note;
	const char	*old_content;	/* corrections: the record's JSON before */
	const char	*new_content;	/* and after; else "" */
};

/* Objection `id` within scope `sc` (see above); ERR_NOTFOUND outside it. */
enum err	objection_get(struct db *, struct arena *, const struct scope *sc,
		    long long id, struct objection *);

/* Filter of a list: status "" (all), "open", "overdue", "marks" (those
 * that mark their record: open or unconfirmed), or a status name. */
struct obj_filter {
	const char	*status;
	const char	*today;		/* Beijing YYYY-MM-DD, for "overdue" */
	size_t		 page, per;
};

/* Page of the objections in scope `sc`, newest first; total counts every
 * one of the filter (at most OBJ_LIST_MAX + 1 counted). */
enum err	objection_list(struct db *, struct arena *, const struct scope *sc,
		    const struct obj_filter *, struct objection_list *);

/* How many open objections in scope `sc` are past their due date on
 * `today` (dashboards). */
enum err	objection_overdue_count(struct db *, const struct scope *sc,
		    const char *today, long long *n);

/* The events of objection `id` (oldest first) -- or, with record_id > 0
 * and id 0, of every objection on that record: its history.  Reads only;
 * the caller has the objection or the record through its scope. */
enum err	objection_events(struct db *, struct arena *, long long id,
		    long long record_id, struct obj_event **v, size_t *n);

/* The objection marking enterprise ent_id's registration facts (open, or
 * unconfirmed), newest: *id 0 when none; its filing time (UTC) and
 * status name, in `a`.  (The records' marks come with credit_records.) */
enum err	objection_registration_mark(struct db *, struct arena *,
		    long long ent_id, long long *id, const char **filed_at,
		    const char **status);

/* For files_read: ERR_OK when objection `id` is in scope `sc`. */
enum err	objection_file_owner(struct db *, struct arena *,
		    const struct scope *sc, long long id);

struct obj_filing {
	long long		 enterprise_id;	/* the filer's own */
	enum obj_subject	 subject;
	long long		 record_id;	/* OSUB_RECORD: a current record of it */
	enum obj_kind		 kind;
	const char		*should_say;	/* 1..OBJ_TEXT_MAX characters */
	const char		*reason;	/* 1..OBJ_TEXT_MAX characters */
	bool			 committed;	/* must be true */
	const struct files_in	*files;		/* saved by files_save */
	size_t			 nfiles;
};

/*
 * Files objection `f` by `actor` (a user of enterprise f->enterprise_id)
 * on Beijing day `today`, in one transaction: the record held (it must be
 * a current record of the enterprise: ERR_NOTFOUND otherwise) or the
 * enterprise row for its registration facts, no open objection on it
 * (ERR_CONFLICT), the row with its deadlines, the evidence rows, the
 * event "file", the audit row "objection.file" and the notices to the
 * source agency's users (or, for registration facts, the region's
 * office), in-site and by SMS.  ERR_INVAL for a bad filing (texts, commitment, files);
 * database errors.  On any error the caller discards the saved files.
 */
enum err	objection_file(struct db *, const struct audit_actor *,
		    const struct obj_filing *f, const char *today, long long *id);

/* What a step carries besides the action. */
struct obj_step_in {
	const char	*note;		/* refusal reason, check note, outcome
					 * reasons (required but for accept
					 * and take_over) */
	const char	*new_content;	/* OA_CORRECT on a record: the record's
					 * new content (credit_content_encode) */
	const char	*new_period_end; /* OA_CORRECT: YYYY-MM-DD, or NULL */
	const char	*today;		/* Beijing YYYY-MM-DD */
};

/* Why a step was refused beyond the machine's table (objection_step). */
enum obj_refusal {
	OREF_NONE,
	OREF_STATE,	/* the machine refuses it from the current state */
	OREF_LATE,	/* refusal as inadmissible after accept_by */
	OREF_NOT_HANDLER, /* the actor's organisation does not answer it now */
	OREF_INPUT,	/* note or correction missing */
};

/*
 * Step `action` on objection `id` (version `version`, the page's) by
 * `actor` in scope `sc`, in one transaction (step_run): lock through the
 * scope, the machine's cell, who answers (the agency's gov users while
 * handler is the agency, the region's operators after a take-over;
 * take_over: an operator, while the agency answers), the update, the
 * event, the outcome's effect on the record (corrected: new content and
 * period end; removed: withdrawn), the reply number at a refusal or an
 * outcome, the audit row "objection.<action>" and the notices.
 * ERR_NOTFOUND outside the scope, ERR_CONFLICT (*why) for a stale version
 * or a refusal, ERR_FORBIDDEN (*why OREF_NOT_HANDLER) audited as denied,
 * ERR_INVAL (*why OREF_INPUT), database errors.
 */
enum err	objection_step(struct db *, const struct audit_actor *,
		    const struct scope *sc, long long id, unsigned version,
		    enum obj_action action, const struct obj_step_in *in,
		    enum obj_refusal *why);

/*
 * Reminders (duijie-admin objections-remind): for each open objection
 * whose due date is 5 days (or 1 day) after `today` and not yet reminded
 * for that mark, tells its answering organisation (the agency's users, or
 * the office's) in-site and by SMS, with an event "remind" and an audit
 * row, one transaction each.  *n (may be NULL) counts the reminders sent.
 */
enum err	objection_remind(struct db *, const struct audit_actor *,
		    const char *today, size_t *n);

#endif
