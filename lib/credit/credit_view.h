/*
 * credit_view.h -- who sees an enterprise's credit information, and the
 * trace each look leaves (R-08.1, R-08.2c, R-09.4, X-AUD).
 *
 * Current records: not withdrawn, of a confirmed batch (a withdrawn batch
 * takes its records out of every view), and not past the end of their
 * publication period (period_end NULL or on/after today in Beijing).
 * Expired and withdrawn records stay in credit_records; no view here
 * shows them.
 *
 * Every opening of an enterprise's records is one transaction that writes
 * a credit_queries row (征信业管理条例 Art. 22: who, for which
 * organisation, which enterprise, the purpose, when, from where) and an
 * audit row, and reads the records: nothing is shown that was not logged,
 * and nothing is logged that was not read.  Gov users and operators open
 * them with a stated purpose (credit_open); the enterprise itself prints
 * a numbered report under a grant (credit_report_issue), logged with the
 * purpose "self".
 *
 * The enterprise's own view (R-08.2c): it applies with a reason, an
 * operator of its region grants (for CREDIT_GRANT_DAYS days) or refuses;
 * one request pending at a time.  It also sees who viewed its data --
 * the organisation, the purpose and the date, never the person.
 *
 * Who may call what (roles, region scope) is the caller's check.
 */
#ifndef DUIJIE_CREDIT_VIEW_H
#define DUIJIE_CREDIT_VIEW_H

#include <stdbool.h>
#include <stddef.h>

#include "accounts/scope.h"
#include "core/arena.h"
#include "db/audit.h"
#include "db/db.h"
#include "db/step.h"
#include "credit/credit_cat.h"

#define CREDIT_GRANT_DAYS	30	/* a granted self-view lasts this long */
#define CREDIT_RECORDS_MAX	1000	/* records on one page or report */
#define CREDIT_REPORT_NO_LEN	40	/* room for a report number */
/* A report's verification code: CREDIT_CODE_BYTES random bytes as
 * CREDIT_CODE_CHARS base32 characters, printed in groups of four with '-'
 * (CREDIT_CODE_LEN with the NUL). */
#define CREDIT_CODE_BYTES	10
#define CREDIT_CODE_CHARS	16
#define CREDIT_CODE_LEN		(CREDIT_CODE_CHARS + CREDIT_CODE_CHARS / 4)

/* Why credit information is opened (credit_queries.purpose). */
enum credit_purpose {
	CPUR_DUTY,		/* 行政履职 */
	CPUR_SUPERVISION,	/* 日常监管 */
	CPUR_EVALUATION,	/* 信用评价 */
	CPUR_OTHER,		/* 其他: with a text */
	CPUR_SELF,		/* the enterprise's own report */
	CPUR_REVIEW,		/* an office reviewing a batch's staged rows */
	CPUR_LOAN,		/* 信贷审批: an FI under a loan application's consent */
	CPUR__MAX
};

const char	*credit_purpose_name(enum credit_purpose);	/* "duty" */
int		 credit_purpose_parse(const char *);		/* -1: unknown */

/* The enterprise whose records are opened. */
struct credit_ent {
	long long	 id;
	const char	*uscc;
	const char	*name;
	const char	*region;
	const char	*region_name;
};

/* Enterprise `id` within scope `sc` (SCOPE_ENT, gov users province-wide:
 * the predicate is in the statement); ERR_NOTFOUND when there is none in
 * the scope.  Strings in `a`. */
enum err	credit_ent_get(struct db *, struct arena *, const struct scope *sc,
		    long long id, struct credit_ent *);

/* One column of a record: the category's label and the stored value. */
struct credit_field {
	const char	*label;
	const char	*value;
};

struct credit_record {
	long long		 id;
	int			 category_id;
	const char		*category;	/* 行政处罚 */
	const char		*date_label;	/* 处罚决定日期 */
	const char		*decision_date;	/* YYYY-MM-DD */
	const char		*period_end;	/* YYYY-MM-DD or NULL */
	long long		 agency_id;
	const char		*agency_name;	/* the source agency */
	long long		 batch_id;
	/* the mark 有异议 (objection.h): the marking objection, 0 for none;
	 * its filing time (UTC) and status name ("" without) */
	long long		 objection_id;
	const char		*objection_filed;
	const char		*objection_status;
	struct credit_field	*fields;	/* non-empty values, column order */
	size_t			 nfields;
};

struct credit_record_list {
	struct credit_record	*v;
	size_t			 n;
	bool			 capped;	/* more than `max` were current */
};

/*
 * The current records of enterprise ent_id on `today` (Beijing,
 * YYYY-MM-DD), newest decision date first, at most `max`, with their
 * category's columns as label/value pairs (empty values left out).  Rows
 * in `a`.  ERR_DB_LOST, ERR_DB, ERR_NOMEM; *out is empty on failure.
 * Reads only: callers show records through credit_open or
 * credit_report_issue, which log the opening (credit_report_show shows
 * again only what an issue logged).
 */
enum err	credit_records(struct db *, struct arena *, long long ent_id,
		    const char *today, size_t max, struct credit_record_list *);

/* One record in any state, with its category and stored content. */
struct credit_record_one {
	struct credit_record		 rec;
	const struct credit_category	*cat;		/* NULL: unknown category */
	const char			*content;	/* the JSON object */
	long long			 enterprise_id;
	bool				 shown;		/* not withdrawn, batch confirmed */
};

/*
 * Record `id` in whatever state (withdrawn, expired: for the objections
 * that dispute it), into `a`.  No scope and no log: the caller reached it
 * through an objection's scoped getter.  ERR_NOTFOUND, database errors.
 */
enum err	credit_record_get(struct db *, struct arena *, long long id,
		    struct credit_record_one *);

/* One opening of an enterprise's credit information by gov or operator
 * staff. */
struct credit_opening {
	long long		 enterprise_id;
	const char		*org_kind;	/* the querier's: agency, office */
	long long		 org_id;
	enum credit_purpose	 purpose;	/* not CPUR_SELF */
	const char		*purpose_text;	/* CPUR_OTHER: required; CPUR_LOAN:
						 * the application's number; else "" */
	/* CPUR_LOAN only (required then): run first in the opening's
	 * transaction (the consent held under a lock); an error it returns
	 * refuses the opening, nothing logged. */
	enum err		(*hold)(struct db *, struct arena *, void *);
	void			*hold_ctx;
};

/*
 * Logs the opening `o` by `actor` (a credit_queries row and an audit row
 * "credit.view", object the enterprise, detail the purpose) and reads the
 * current records as credit_records does, in one transaction.  *query_id
 * is the log row.  ERR_INVAL for a purpose of CPUR_SELF or CPUR_REVIEW,
 * an "other" without text, a "loan" without its number or hold; the
 * hold's error (ERR_FORBIDDEN: no consent); ERR_DB_LOST, ERR_DB, ERR_NOMEM: nothing logged, *out
 * empty.
 */
enum err	credit_open(struct db *, struct arena *, const struct audit_actor *,
		    const struct credit_opening *o, const char *today,
		    size_t max, struct credit_record_list *out,
		    long long *query_id);

/*
 * Adds the credit_queries row of an opening by `actor` for organisation
 * (org_kind, org_id), in the caller's transaction: of enterprise ent_id,
 * or (ent_id 0) of the staged rows of batch batch_id -- exactly one of
 * the two is non-zero.  *id receives the row.  ERR_INVAL when neither or
 * both are given; ERR_DB_LOST, ERR_DB: nothing added.
 */
enum err	credit_query_add(struct db *, const struct audit_actor *actor,
		    const char *org_kind, long long org_id, long long ent_id,
		    long long batch_id, enum credit_purpose purpose,
		    const char *text, long long *id);

/* --- the enterprise's own view ------------------------------------------ */

enum csr_status { CSR_PENDING, CSR_GRANTED, CSR_REFUSED, CSR__MAX };
/* A pending self-service request is granted or refused (csr_machine). */
enum csr_decision { CSRA_GRANT, CSRA_REFUSE, CSRA__MAX };
extern const struct step_machine csr_machine;

const char	*csr_status_name(enum csr_status);	/* "pending" */

struct credit_self_req {
	long long	 id;
	long long	 enterprise_id;
	const char	*uscc;
	const char	*ent_name;
	const char	*region;	/* the enterprise's when it applied */
	const char	*region_name;
	const char	*reason;
	enum csr_status	 status;
	const char	*created_at;	/* UTC */
	const char	*decided_at;	/* UTC or NULL */
	const char	*decided_name;	/* the operator's real name, or "" */
	const char	*note;		/* the decision's note */
	const char	*valid_until;	/* UTC or NULL */
	bool		 live;		/* granted and not yet expired */
};

struct credit_self_req_list {
	struct credit_self_req	*v;
	size_t			 n;
	long long		 total;
};

/*
 * Enterprise ent_id (of `region`) applies, through its user user_id, with
 * `reason`; audited as "credit.self.apply".  ERR_CONFLICT when a request
 * of the enterprise is already pending (checked under a lock of the
 * enterprise row, so two at once cannot both pass).
 */
enum err	credit_self_apply(struct db *, const struct audit_actor *,
		    long long ent_id, const char *region, long long user_id,
		    const char *reason, long long *id);

/* The requests of enterprise ent_id, newest first, at most `max`. */
enum err	credit_self_of(struct db *, struct arena *, long long ent_id,
		    size_t max, struct credit_self_req_list *);

/*
 * Page `page` (from 0) of `per` requests in the region scope (440000:
 * all): pending ones first, oldest first; then the decided ones, newest
 * first.  total counts every request of the scope.
 */
enum err	credit_self_search(struct db *, struct arena *, const char *scope,
		    size_t page, size_t per, struct credit_self_req_list *);

/* How many of the requests credit_self_search lists for the region of
 * `sc` are pending, into *n (the start page). */
enum err	credit_self_pending_count(struct db *, struct arena *,
		    const struct scope *sc, long long *n);

/* Request `id` within scope `sc` (its region's operators and
 * supervisors, the province's all, the enterprise its own; SCOPE_ENT
 * without the gov users, in the statement); ERR_NOTFOUND when there is
 * none in the scope. */
enum err	credit_self_get(struct db *, struct arena *, const struct scope *sc,
		    long long id, struct credit_self_req *);

/*
 * Grants (valid for CREDIT_GRANT_DAYS days from now, by the database
 * clock) or refuses pending request `id`, with `note`; audited as
 * "credit.self.grant" / "credit.self.refuse".  The lock carries `sc`
 * (as credit_self_get): ERR_NOTFOUND outside it, as for none.
 * ERR_CONFLICT when it is not pending any more.
 */
enum err	credit_self_decide(struct db *, const struct audit_actor *,
		    const struct scope *sc, long long id, bool grant,
		    const char *note);

/* The latest grant of ent_id still valid now; ERR_NOTFOUND when none. */
enum err	credit_self_live(struct db *, struct arena *, long long ent_id,
		    struct credit_self_req *);

struct credit_report {
	long long	 id;
	long long	 request_id;		/* the grant it was printed under */
	const char	*valid_until;		/* the grant's end, UTC */
	const char	*created_at;		/* UTC */
	char		 number[CREDIT_REPORT_NO_LEN];
	char		 code[CREDIT_CODE_LEN];	/* XXXX-XXXX-XXXX-XXXX */
	char		 digest[65];		/* content_hash, hex */
};

/*
 * Issues the enterprise's report (POST): under a live grant of ent_id,
 * reads the current records (as credit_records, at most `max`) in a
 * transaction that holds the enterprise row.  When the newest report of
 * that grant was made today (Beijing, `today` YYYY-MM-DD) and lists the
 * same records (credit_reports.records_hash), that report is the answer
 * and nothing is written (*fresh false).  Otherwise numbers a new report
 * (a credit_reports row with the records' hash, a new verification code
 * -- stored as its SHA-256 and sealed under `key` -- and the SHA-256 of
 * the report's content, see credit_report_digest), logs the opening as a
 * credit_queries row with purpose "self" (org enterprise ent_id) and an
 * audit row "credit.report", and commits (*fresh true).  ERR_FORBIDDEN
 * (nothing written) when no grant is live; ERR_DB_LOST, ERR_DB,
 * ERR_NOMEM: nothing written, *rep zeroed.
 */
enum err	credit_report_issue(struct db *, struct arena *,
		    const unsigned char key[32],
		    const struct audit_actor *, long long ent_id,
		    const char *today, size_t max, struct credit_report *rep,
		    bool *fresh);

/*
 * Shows the enterprise's report (GET, HEAD: reads only, writes nothing):
 * the newest report issued under the live grant of ent_id, with the
 * records it lists, read again.  ERR_FORBIDDEN when no grant is live;
 * ERR_NOTFOUND when none was issued under it; ERR_CONFLICT when the
 * current records are no longer the ones it listed (a record added,
 * withdrawn or expired since: a new report must be issued) -- *rep is
 * still filled then, *out is empty.  A report issued before codes existed
 * (no code) or whose code does not open under `key` is ERR_CONFLICT too:
 * a new one must be issued.  ERR_DB_LOST, ERR_DB, ERR_NOMEM.
 */
enum err	credit_report_show(struct db *, struct arena *,
		    const unsigned char key[32], long long ent_id,
		    const char *today, size_t max,
		    struct credit_record_list *out, struct credit_report *rep);

/*
 * The number of report `id` made at `created_utc` ("YYYY-MM-DD HH:MM:SS",
 * UTC): "GDXY-" + its Beijing date YYYYMMDD + "-" + the id zero-padded to
 * 8 digits (more when larger), e.g. GDXY-20261120-00000042.  Unique
 * because the id is; the date lets a reader see when it was made.  Returns
 * 0, or -1 (out = "") when created_utc is malformed.
 */
int		credit_report_number(long long id, const char *created_utc,
		    char out[CREDIT_REPORT_NO_LEN]);

/*
 * The SHA-256 of a report's content into out[32]: a version tag, the
 * code, the enterprise's USCC and name, and for every record listed its
 * id, category, date, period end, source and fields, each value ended by
 * a NUL (so no two different contents give the same text), and whether
 * the list was capped.  ERR_NOMEM.
 */
enum err	credit_report_digest(struct arena *, const char *code,
		    const char *uscc, const char *name,
		    const struct credit_record_list *, unsigned char out[32]);

/*
 * A typed verification code in canonical form: upper case, spaces and
 * '-' left out, the digits 0, 1, 8 read as the letters O, I, B (base32
 * has none of them), CREDIT_CODE_CHARS characters of the base32 alphabet, into
 * out as XXXX-XXXX-XXXX-XXXX.  0, or -1 when it cannot be a code.
 */
int		credit_code_normal(const char *typed, char out[CREDIT_CODE_LEN]);

/* What /verify tells about a genuine report. */
struct credit_verified {
	long long	 id;
	char		 number[CREDIT_REPORT_NO_LEN];
	const char	*created_at;	/* UTC */
	const char	*ent_name;	/* the enterprise's name now */
	const char	*uscc;
	unsigned	 records;
	char		 digest[65];	/* content_hash, hex */
};

/*
 * Checks a verification code (canonical form, credit_code_normal): looks
 * the report up by the SHA-256 of the code (the unique index; no string
 * comparison of the code).  ERR_NOTFOUND when no report has it: audited
 * as "credit.report.verify" (failed, by `actor`, with nothing of the code
 * typed); a genuine one is not audited (the check only reads, and anybody
 * holding the paper may make it).  ERR_DB_LOST, ERR_DB, ERR_NOMEM.
 */
enum err	credit_report_verify(struct db *, struct arena *,
		    const struct audit_actor *, const char *code,
		    struct credit_verified *);

/* One opening as the enterprise sees it: the organisation, not the person. */
struct credit_viewer {
	const char		*at;		/* UTC */
	const char		*org_kind;	/* agency, office */
	const char		*org_name;
	enum credit_purpose	 purpose;
	const char		*purpose_text;
};

struct credit_viewer_list {
	struct credit_viewer	*v;
	size_t			 n;
	long long		 total;
};

/* Page `page` (from 0) of `per` openings of ent_id's credit information
 * by others (every purpose but "self"), newest first. */
enum err	credit_viewers(struct db *, struct arena *, long long ent_id,
		    size_t page, size_t per, struct credit_viewer_list *);

#endif
