/*
 * agency_form.h -- 《政府机构用户开设或变更申请表》: the change form through
 * which government agency users are opened, revoked and reset (R-04.1 -
 *
 *
 * Life of a form (schema/007_agency_forms.sql):
 *
 *   draft --submit--> submitted --check--> checked --approve--> approved
 *     ^                   |                   |                    |
 *     +---- returned <----+---- (return) -----+                 execute
 *           (edit, submit again)                                   v
 *                                                               executed
 *
 * Every step is one transaction that locks the form row, checks its state
 * and version (a stale page is refused with ERR_CONFLICT, never applied),
 * changes it, adds a history row and an audit row.  Who may take a step
 * (role, region, agency) is the caller's check, except the four eyes: the
 * supervisor who approves must not be the user who checked (ERR_FORBIDDEN).
 *
 * Execution carries out every line in the same transaction: open creates a
 * gov user of the agency with a generated username and a one-time
 * password, revoke disables the user and ends its sessions, reset sets a
 * one-time password and ends its sessions.  The passwords come back to the
 * caller once, for the printout; only their scrypt hashes are stored.
 */
#ifndef DUIJIE_AGENCY_FORM_H
#define DUIJIE_AGENCY_FORM_H

#include <stdbool.h>
#include <stddef.h>

#include "accounts/scope.h"
#include "core/arena.h"
#include "db/audit.h"
#include "db/db.h"
#include "db/step.h"
#include "accounts/user.h"

#define AFORM_LINES_MIN	2	/* the paper form has A and B */
#define AFORM_LINES_MAX	8	/* A .. H */

enum aform_status { AF_DRAFT, AF_SUBMITTED, AF_CHECKED, AF_APPROVED,
	AF_EXECUTED, AF_RETURNED, AF__MAX };
/* What is done to a form (aform_machine): saved or submitted by the
 * applying side, checked or returned at the check, approved or returned
 * at the approval, executed. */
enum aform_action { AFA_SAVE, AFA_SUBMIT, AFA_CHECK, AFA_RETURN_AT_CHECK,
	AFA_APPROVE, AFA_RETURN_AT_APPROVAL, AFA_EXECUTE, AFA__MAX };

/* The forms' state machine: status x action -> status (step.h). */
extern const struct step_machine aform_machine;
enum aform_op { AFOP_OPEN, AFOP_REVOKE, AFOP_RESET, AFOP__MAX };
enum aform_source { AFSRC_ONLINE, AFSRC_PAPER };

/* One user line as entered.  target_user_id: the existing user a revoke or
 * reset line names (0 for open). */
struct aform_line {
	enum aform_op	 op;
	const char	*name;
	const char	*title;		/* 部门/职务 */
	const char	*contact;
	long long	 target_user_id;
	unsigned	 perms;		/* 开设用户: PERM_BIT()s the new user gets (accounts/perm.h) */
	/* read back only */
	const char	*target_username;
	long long	 result_user_id;
	const char	*result_username;
};

/* What the applying unit fills in. */
struct aform_input {
	const char		*apply_date;	/* "YYYY-MM-DD" or "" */
	const char		*net_name, *net_title, *net_contact;
	const char		*opinion;
	const char		*resp_name;
	const char		*opinion_date;	/* "YYYY-MM-DD" or "" */
	struct aform_line	 lines[AFORM_LINES_MAX];
	size_t			 nlines;
};

struct aform {
	long long		 id;
	long long		 agency_id;
	const char		*agency_name;
	const char		*region, *region_name;
	enum aform_status	 status;
	enum aform_source	 source;
	struct aform_input	 in;
	unsigned		 version;
	/* the steps: user id (0 when not yet), real name, UTC time */
	long long		 entered_by, checked_by, approved_by, executed_by;
	const char		*entered_name, *checked_name, *approved_name,
				*executed_name;
	const char		*entered_at, *submitted_at, *checked_at,
				*approved_at, *executed_at;
	const char		*check_note, *sup_opinion, *return_reason;
};

/* A row of a form's history. */
struct aform_event {
	const char	*at;		/* UTC */
	const char	*actor_name;
	const char	*actor_role;
	const char	*action;	/* create save submit check return approve execute */
	const char	*note;
};

/* A row of a list of forms. */
struct aform_row {
	long long		 id;
	long long		 agency_id;
	const char		*agency_name;
	const char		*region_name;
	enum aform_status	 status;
	const char		*apply_date;
	const char		*since;		/* UTC: when it entered its state */
	int			 age_days;	/* days since then */
	int			 nlines;
};

struct aform_list {
	struct aform_row	*v;
	size_t			 n;
	long long		 total;
};

const char	*aform_status_name(enum aform_status);	/* "submitted" */
const char	*aform_op_name(enum aform_op);		/* "open" */
int		 aform_op_parse(const char *);		/* -1 when unknown */
/* May the form's content still change (draft or returned)? */
bool		 aform_editable(enum aform_status);

/* One form with its lines, within scope `sc` (SCOPE_ORG in the
 * statement: the agency's own gov users, the operators and supervisors
 * of its region, the province's all); ERR_NOTFOUND when there is none in
 * the scope.  Strings in the arena. */
enum err	aform_get(struct db *, struct arena *, const struct scope *sc,
		    long long id, struct aform *);
/* Its history, oldest first. */
enum err	aform_events(struct db *, struct arena *, long long id,
		    struct aform_event **v, size_t *n);
/*
 * Forms of the region scope (440000: all) -- of one agency when agency_id
 * is not 0, in one state when status >= 0 -- newest first; page 0-based.
 */
enum err	aform_search(struct db *, struct arena *, const char *region,
		    long long agency_id, int status, size_t page,
		    size_t per_page, struct aform_list *);
/* How many forms aform_search finds (region scope, agency_id, status as
 * there) into *n: the start page's counts. */
enum err	aform_count(struct db *, struct arena *, const char *region,
		    long long agency_id, int status, long long *n);
/* The forms waiting for a check (submitted) or an approval (checked) in
 * the region scope, oldest first, at most `max`. */
enum err	aform_waiting(struct db *, struct arena *, const char *region,
		    size_t max, struct aform_list *);

/*
 * A new form of agency_id (region: the agency's) as entered; submitted at
 * once when `submit`.  Lines must already be valid for the agency (see
 * aform_lines_check).  *id receives the form's id.
 */
enum err	aform_create(struct db *, const struct audit_actor *,
		    long long agency_id, const char *region,
		    enum aform_source, const struct aform_input *,
		    bool submit, long long *id);
/*
 * The steps below lock the form within scope `sc` (as aform_get, in the
 * lock's statement): ERR_NOTFOUND outside it, whoever calls them.
 *
 * Replaces the content of a draft or returned form seen at `version`;
 * submits it when `submit`.  ERR_CONFLICT when its state or version moved.
 */
enum err	aform_update(struct db *, const struct audit_actor *,
		    const struct scope *sc, long long id, unsigned version,
		    const struct aform_input *, bool submit);
/* The check of a submitted form: agree (-> checked) or return with a note.
 * ERR_CONFLICT when it is not (any more) submitted at `version`. */
enum err	aform_check(struct db *, const struct audit_actor *,
		    const struct scope *sc, long long id, unsigned version, bool agree,
		    const char *note);
/* The supervisor's decision on a checked form: approve (-> approved, with
 * the opinion) or return with a reason.  ERR_FORBIDDEN when the actor is
 * the user who checked it (four eyes); ERR_CONFLICT as above. */
enum err	aform_approve(struct db *, const struct audit_actor *,
		    const struct scope *sc, long long id, unsigned version, bool agree,
		    const char *opinion);

/* What execution gives back: per line, the username opened or reset and
 * its one-time password (wipe with aform_result_wipe). */
struct aform_result {
	char		username[AFORM_LINES_MAX][41];
	char		password[AFORM_LINES_MAX][OTP_LEN + 1];
};
/*
 * Carries out an approved form seen at `version` in one transaction and
 * marks it executed (once: ERR_CONFLICT afterwards).  A revoke or reset
 * line whose user is no longer a live gov user of the agency fails the
 * whole execution with ERR_INVAL and *bad_line set (1-based); nothing is
 * changed then.
 */
enum err	aform_execute(struct db *, const struct audit_actor *,
		    const struct scope *sc, long long id, unsigned version, struct aform_result *,
		    int *bad_line);
void		aform_result_wipe(struct aform_result *);

/* The agency a form belongs to, and the choices its form offers. */
struct aform_agency {
	long long	 id;
	const char	*name;
	const char	*region, *region_name;
	const char	*net_name, *net_title, *net_contact;
	const char	*office_name;	/* the operator office of its region */
};
/* A gov user of an agency that a revoke or reset line may name. */
struct aform_member {
	long long	 id;
	const char	*username;
	const char	*real_name;
	const char	*contact;
	const char	*status;
};
struct aform_agency_list {
	struct aform_agency	*v;
	size_t			 n;
};
struct aform_member_list {
	struct aform_member	*v;
	size_t			 n;
};
enum err	aform_agency_get(struct db *, struct arena *, long long id,
		    struct aform_agency *);
/* The agencies of the region scope (440000: all), by name, at most max. */
enum err	aform_agencies(struct db *, struct arena *, const char *region,
		    size_t max, struct aform_agency_list *);
/* The agency's gov users that are not revoked, by username. */
enum err	aform_members(struct db *, struct arena *, long long agency_id,
		    struct aform_member_list *);

/* The letter of line i (0-based): 'A' + i. */
char		aform_line_letter(size_t i);

#endif
