/*
 * credit_view.c -- the SQL of credit views, the query log, the
 * enterprise's requests and reports (see credit_view.h).
 */
#include <stdio.h>
#include <string.h>

#include "core/enumname.h"
#include "db/db_region.h"
#include "credit/credit_cat.h"
#include "credit/credit_view.h"
#include "crypto/crypto.h"
#include "crypto/seal.h"
#include "core/timefmt.h"

enum {
	STMT_CV_ENT,
	STMT_CV_RECORDS,
	STMT_CV_RECORD,
	STMT_CV_QUERY_ADD,
	STMT_CV_ENT_LOCK,
	STMT_CV_PENDING_OF,
	STMT_CV_REQ_ADD,
	STMT_CV_REQ_OF,
	STMT_CV_REQ_COUNT,
	STMT_CV_REQ_PENDING_COUNT,
	STMT_CV_REQ_SEARCH,
	STMT_CV_REQ_GET,
	STMT_CV_REQ_LOCK,
	STMT_CV_REQ_GRANT,
	STMT_CV_REQ_REFUSE,
	STMT_CV_REQ_LIVE,
	STMT_CV_REPORT_ADD,
	STMT_CV_REPORT_AT,
	STMT_CV_REPORT_LAST,
	STMT_CV_REPORT_VERIFY,
	STMT_CV_VIEWER_COUNT,
	STMT_CV_VIEWERS,
	STMT_CV__MAX
};

/* The columns of struct credit_self_req (see req_from_row) and their
 * FROM clause. */
#define REQ_COLS \
	"q.id, q.enterprise_id, e.uscc, e.name, q.region_code, rg.name, q.reason," \
	" q.status, DATE_FORMAT(q.created_at, '%Y-%m-%d %H:%i:%s')," \
	" DATE_FORMAT(q.decided_at, '%Y-%m-%d %H:%i:%s'), COALESCE(u.real_name, '')," \
	" q.decision_note, DATE_FORMAT(q.valid_until, '%Y-%m-%d %H:%i:%s')," \
	" q.status = 'granted' AND q.valid_until > UTC_TIMESTAMP()"
#define REQ_FROM \
	" FROM credit_self_requests q JOIN enterprises e ON e.id = q.enterprise_id" \
	" JOIN regions rg ON rg.code = q.region_code" \
	" LEFT JOIN users u ON u.id = q.decided_by"

static const char *const sql[STMT_CV__MAX] = {
	[STMT_CV_ENT] =
	    "SELECT e.id, e.uscc, e.name, e.region_code, r.name FROM enterprises e"
	    " JOIN regions r ON r.code = e.region_code WHERE e.id = ? AND"
	    SCOPE_ENT("e.id", "e.region_code"),
	/* a record shows while its batch is confirmed (not withdrawn) */
	[STMT_CV_RECORDS] =
	    "SELECT cr.id, cr.category_id, DATE_FORMAT(cr.decision_date, '%Y-%m-%d'),"
	    " DATE_FORMAT(cr.period_end, '%Y-%m-%d'), cr.agency_id, ag.name,"
	    " cr.batch_id, cr.content, COALESCE(om.id, 0),"
	    " COALESCE(DATE_FORMAT(om.filed_at, '%Y-%m-%d %H:%i:%s'), ''),"
	    " COALESCE(om.status, '')"
	    " FROM credit_records cr JOIN credit_batches b ON b.id = cr.batch_id"
	    " JOIN agencies ag ON ag.id = cr.agency_id"
	    /* the mark 有异议 (objection.h): the newest objection that marks */
	    " LEFT JOIN objections om ON om.id = (SELECT MAX(o2.id) FROM objections o2"
	    " WHERE o2.record_id = cr.id"
	    " AND o2.status IN ('filed','accepted','checked','unconfirmed'))"
	    " WHERE cr.enterprise_id = ? AND cr.withdrawn = 0 AND b.status = 'confirmed'"
	    " AND (cr.period_end IS NULL OR cr.period_end >= ?)"
	    " ORDER BY cr.decision_date DESC, cr.id DESC LIMIT ?",
	/* one record in any state (objections: the record disputed) */
	[STMT_CV_RECORD] =
	    "SELECT cr.id, cr.category_id, DATE_FORMAT(cr.decision_date, '%Y-%m-%d'),"
	    " DATE_FORMAT(cr.period_end, '%Y-%m-%d'), cr.agency_id, ag.name,"
	    " cr.batch_id, cr.content, cr.enterprise_id,"
	    " cr.withdrawn = 0 AND b.status = 'confirmed'"
	    " FROM credit_records cr JOIN credit_batches b ON b.id = cr.batch_id"
	    " JOIN agencies ag ON ag.id = cr.agency_id WHERE cr.id = ?",
	[STMT_CV_QUERY_ADD] =
	    "INSERT INTO credit_queries (user_id, role, org_kind, org_id, enterprise_id,"
	    " batch_id, purpose, purpose_text, client_addr)"
	    " VALUES (?, ?, ?, ?, NULLIF(?, 0), NULLIF(?, 0), ?, ?, ?)",
	[STMT_CV_ENT_LOCK] = "SELECT id, uscc, name FROM enterprises WHERE id = ? FOR UPDATE",
	[STMT_CV_PENDING_OF] =
	    "SELECT id FROM credit_self_requests WHERE enterprise_id = ?"
	    " AND status = 'pending' LIMIT 1",
	[STMT_CV_REQ_ADD] =
	    "INSERT INTO credit_self_requests (enterprise_id, region_code, user_id, reason)"
	    " VALUES (?, ?, ?, ?)",
	[STMT_CV_REQ_OF] =
	    "SELECT " REQ_COLS REQ_FROM " WHERE q.enterprise_id = ? ORDER BY q.id DESC LIMIT ?",
	[STMT_CV_REQ_COUNT] =
	    "SELECT COUNT(*) FROM credit_self_requests"
	    " WHERE" REGION_SCOPE("region_code"),
	[STMT_CV_REQ_PENDING_COUNT] =
	    "SELECT COUNT(*) FROM credit_self_requests"
	    " WHERE status = 'pending' AND" REGION_SCOPE("region_code"),
	[STMT_CV_REQ_SEARCH] =
	    "SELECT " REQ_COLS REQ_FROM
	    " WHERE" REGION_SCOPE("q.region_code")
	    " ORDER BY q.status <> 'pending',"
	    " CASE WHEN q.status = 'pending' THEN q.id END, q.id DESC"
	    " LIMIT ? OFFSET ?",
	/* parameters: id, then the scope (credit_self_get) */
	[STMT_CV_REQ_GET] = "SELECT " REQ_COLS REQ_FROM " WHERE q.id = ? AND"
	    SCOPE_ENT("q.enterprise_id", "q.region_code"),
	[STMT_CV_REQ_LOCK] =
	    "SELECT status, enterprise_id FROM credit_self_requests"
	    " WHERE id = ? AND" SCOPE_ENT("enterprise_id", "region_code")
	    " FOR UPDATE",
	[STMT_CV_REQ_GRANT] =
	    "UPDATE credit_self_requests SET status = 'granted', decided_by = ?,"
	    " decided_at = UTC_TIMESTAMP(), decision_note = ?,"
	    " valid_until = UTC_TIMESTAMP() + INTERVAL ? DAY WHERE id = ?",
	[STMT_CV_REQ_REFUSE] =
	    "UPDATE credit_self_requests SET status = 'refused', decided_by = ?,"
	    " decided_at = UTC_TIMESTAMP(), decision_note = ? WHERE id = ?",
	[STMT_CV_REQ_LIVE] =
	    "SELECT " REQ_COLS REQ_FROM
	    " WHERE q.enterprise_id = ? AND q.status = 'granted'"
	    " AND q.valid_until > UTC_TIMESTAMP() ORDER BY q.valid_until DESC, q.id DESC LIMIT 1",
	[STMT_CV_REPORT_ADD] =
	    "INSERT INTO credit_reports (request_id, enterprise_id, user_id, records,"
	    " records_hash, code_hash, code_enc, content_hash)"
	    " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
	[STMT_CV_REPORT_AT] =
	    "SELECT DATE_FORMAT(created_at, '%Y-%m-%d %H:%i:%s') FROM credit_reports WHERE id = ?",
	/* the newest report of a grant; whether it lists these records */
	[STMT_CV_REPORT_LAST] =
	    "SELECT id, DATE_FORMAT(created_at, '%Y-%m-%d %H:%i:%s'),"
	    " COALESCE(records_hash = ?, 0), code_enc, LOWER(HEX(content_hash))"
	    " FROM credit_reports"
	    " WHERE request_id = ? AND enterprise_id = ? ORDER BY id DESC LIMIT 1",
	/* /verify: by the hash of the code (credit_reports_code) */
	[STMT_CV_REPORT_VERIFY] =
	    "SELECT r.id, DATE_FORMAT(r.created_at, '%Y-%m-%d %H:%i:%s'), e.name,"
	    " e.uscc, r.records, LOWER(HEX(r.content_hash))"
	    " FROM credit_reports r JOIN enterprises e ON e.id = r.enterprise_id"
	    " WHERE r.code_hash = ?",
	[STMT_CV_VIEWER_COUNT] =
	    "SELECT COUNT(*) FROM credit_queries WHERE enterprise_id = ? AND purpose <> 'self'",
	/* the organisation of the moment, never the person */
	[STMT_CV_VIEWERS] =
	    "SELECT DATE_FORMAT(q.at, '%Y-%m-%d %H:%i:%s'), q.org_kind,"
	    " COALESCE(ag.name, o.name, f.name, ''), q.purpose, q.purpose_text"
	    " FROM credit_queries q"
	    " LEFT JOIN agencies ag ON q.org_kind = 'agency' AND ag.id = q.org_id"
	    " LEFT JOIN offices o ON q.org_kind = 'office' AND o.id = q.org_id"
	    " LEFT JOIN fis f ON q.org_kind = 'fi' AND f.id = q.org_id"
	    " WHERE q.enterprise_id = ? AND q.purpose <> 'self'"
	    " ORDER BY q.id DESC LIMIT ? OFFSET ?",
};

static const struct db_module mod = { DBM_CREDIT_VIEW, STMT_CV__MAX, sql };

static const char *const purpose_names[CPUR__MAX] = {
	[CPUR_DUTY] = "duty", [CPUR_SUPERVISION] = "supervision",
	[CPUR_EVALUATION] = "evaluation", [CPUR_OTHER] = "other",
	[CPUR_SELF] = "self", [CPUR_REVIEW] = "review", [CPUR_LOAN] = "loan",
};

static const char *const status_names[CSR__MAX] = {
	[CSR_PENDING] = "pending", [CSR_GRANTED] = "granted",
	[CSR_REFUSED] = "refused",
};

const char *
credit_purpose_name(enum credit_purpose p)
{
	return (unsigned)p < CPUR__MAX ? purpose_names[p] : "?";
}

int
credit_purpose_parse(const char *s)
{
	return enum_parse(purpose_names, CPUR__MAX, s);
}

static const char *const decision_names[CSRA__MAX] = {
	[CSRA_GRANT] = "grant", [CSRA_REFUSE] = "refuse",
};

/* Decided once (step_decide_once): the enums follow its order. */
_Static_assert(CSR__MAX == STEP_ONCE_STATES && CSRA__MAX == STEP_ONCE_ACTIONS &&
    CSR_GRANTED == 1 && CSR_REFUSED == 2 && CSRA_REFUSE == 1, "csr order");
const struct step_machine csr_machine = {
	"credit_request", CSR__MAX, CSRA__MAX, status_names, decision_names,
	step_decide_once,
};

const char *
csr_status_name(enum csr_status s)
{
	return (unsigned)s < CSR__MAX ? status_names[s] : "?";
}

static int
csr_status_parse(const char *s)
{
	return enum_parse(status_names, CSR__MAX, s);
}

int
credit_report_number(long long id, const char *created_utc,
    char out[CREDIT_REPORT_NO_LEN])
{
	char	when[32];
	int	y, m, d;

	out[0] = '\0';
	if (id <= 0 || time_beijing(created_utc, when, sizeof when) == -1 ||
	    sscanf(when, "%4d-%2d-%2d", &y, &m, &d) != 3)
		return -1;
	snprintf(out, CREDIT_REPORT_NO_LEN, "GDXY-%04d%02d%02d-%08lld",
	    y % 10000, m % 100, d % 100, id);
	return 0;
}

enum err
credit_ent_get(struct db *db, struct arena *a, const struct scope *sc,
    long long id, struct credit_ent *e)
{
	struct db_param	 p[1 + SCOPE_ENT_NP] = { DB_INT(id) };
	struct db_rows	*rows;
	enum err	 rc;
	int		 r;

	memset(e, 0, sizeof *e);
	scope_ent_params(sc, true, p + 1);
	if ((rc = db_query(db, a, &mod, STMT_CV_ENT, p, 1 + SCOPE_ENT_NP,
	    &rows)) != ERR_OK)
		return rc;
	if ((r = db_next(rows)) == 1) {
		e->id = db_col_int(rows, 0);
		e->uscc = db_col_text(rows, a, 1);
		e->name = db_col_text(rows, a, 2);
		e->region = db_col_text(rows, a, 3);
		e->region_name = db_col_text(rows, a, 4);
	}
	db_rows_free(rows);
	return r == 1 ? ERR_OK : r == 0 ? ERR_NOTFOUND : db_rows_error(db);
}

/* The non-empty values of a record's content, labelled by its category. */
static enum err
record_fields(struct arena *a, const struct credit_category *cat,
    const char *content, struct credit_record *rec)
{
	rec->nfields = 0;
	rec->fields = NULL;
	if (cat == NULL || cat->ncols == 0)
		return ERR_OK;
	if ((rec->fields = arena_calloc(a, cat->ncols, sizeof *rec->fields)) == NULL)
		return ERR_NOMEM;
	for (size_t i = 0; i < cat->ncols; i++) {
		const char *v = credit_content_get(a, content, cat->cols[i].code);

		/* NULL: out of memory or a malformed object, shown as empty */
		if (v == NULL || *v == '\0')
			continue;
		rec->fields[rec->nfields].label = cat->cols[i].label;
		rec->fields[rec->nfields].value = v;
		rec->nfields++;
	}
	return ERR_OK;
}

enum err
credit_records(struct db *db, struct arena *a, long long ent_id,
    const char *today, size_t max, struct credit_record_list *l)
{
	struct db_param		 p[] = { DB_INT(ent_id), DB_STR(today), DB_INT(max + 1) };
	struct credit_catalog	 cat;
	struct db_rows		*rows;
	unsigned long long	 cnt;
	enum err		 rc;
	int			 r = 0;

	memset(l, 0, sizeof *l);
	if ((rc = credit_catalog_load(db, a, false, &cat)) != ERR_OK)
		return rc;
	if ((rc = db_query(db, a, &mod, STMT_CV_RECORDS, p, 3, &rows)) != ERR_OK)
		return rc;
	cnt = db_rows_count(rows);
	if (cnt > max) {
		l->capped = true;
		cnt = max;
	}
	if (cnt > 0 && (l->v = arena_calloc(a, cnt, sizeof *l->v)) == NULL) {
		db_rows_free(rows);
		return ERR_NOMEM;
	}
	while (l->n < cnt && (r = db_next(rows)) == 1) {
		struct credit_record		*x = &l->v[l->n++];
		const struct credit_category	*c;

		x->id = db_col_int(rows, 0);
		x->category_id = (int)db_col_int(rows, 1);
		x->decision_date = db_col_text(rows, a, 2);
		x->period_end = db_col_dup(rows, a, 3);
		x->agency_id = db_col_int(rows, 4);
		x->agency_name = db_col_text(rows, a, 5);
		x->batch_id = db_col_int(rows, 6);
		x->objection_id = db_col_int(rows, 8);
		x->objection_filed = db_col_text(rows, a, 9);
		x->objection_status = db_col_text(rows, a, 10);
		c = credit_category_by_id(&cat, x->category_id);
		x->category = c != NULL ? c->name : "";
		x->date_label = c != NULL ? c->date_label : "";
		if ((rc = record_fields(a, c, db_col_text(rows, a, 7), x)) != ERR_OK) {
			db_rows_free(rows);
			memset(l, 0, sizeof *l);
			return rc;
		}
	}
	db_rows_free(rows);
	if (r == -1) {
		memset(l, 0, sizeof *l);
		return db_rows_error(db);
	}
	return ERR_OK;
}

enum err
credit_record_get(struct db *db, struct arena *a, long long id,
    struct credit_record_one *out)
{
	struct db_param		 p[] = { DB_INT(id) };
	struct credit_catalog	 cat;
	struct db_rows		*rows;
	enum err		 rc;
	int			 r;

	memset(out, 0, sizeof *out);
	if ((rc = credit_catalog_load(db, a, false, &cat)) != ERR_OK)
		return rc;
	if ((rc = db_query(db, a, &mod, STMT_CV_RECORD, p, 1, &rows)) != ERR_OK)
		return rc;
	if ((r = db_next(rows)) == 1) {
		struct credit_record *x = &out->rec;

		x->id = db_col_int(rows, 0);
		x->category_id = (int)db_col_int(rows, 1);
		x->decision_date = db_col_text(rows, a, 2);
		x->period_end = db_col_dup(rows, a, 3);
		x->agency_id = db_col_int(rows, 4);
		x->agency_name = db_col_text(rows, a, 5);
		x->batch_id = db_col_int(rows, 6);
		out->content = db_col_text(rows, a, 7);
		out->enterprise_id = db_col_int(rows, 8);
		out->shown = db_col_int(rows, 9) != 0;
		out->cat = credit_category_by_id(&cat, x->category_id);
		x->category = out->cat != NULL ? out->cat->name : "";
		x->date_label = out->cat != NULL ? out->cat->date_label : "";
		rc = record_fields(a, out->cat, out->content, x);
	}
	db_rows_free(rows);
	if (r != 1)
		return r == 0 ? ERR_NOTFOUND : db_rows_error(db);
	return rc;
}

enum err
credit_query_add(struct db *db, const struct audit_actor *actor,
    const char *org_kind, long long org_id, long long ent_id, long long batch_id,
    enum credit_purpose purpose, const char *text, long long *id)
{
	unsigned long long	newid = 0;
	enum err		rc;

	if ((ent_id > 0) == (batch_id > 0) || (unsigned)purpose >= CPUR__MAX)
		return ERR_INVAL;
	{
		struct db_param p[] = { DB_INT(actor->user_id),
			DB_STR(actor->role != NULL ? actor->role : ""),
			DB_STR(org_kind != NULL ? org_kind : ""), DB_INT(org_id),
			DB_INT(ent_id), DB_INT(batch_id), DB_STR(purpose_names[purpose]),
			DB_STR(text != NULL ? text : ""),
			DB_STR(actor->client_addr != NULL ? actor->client_addr : "") };

		rc = db_exec(db, &mod, STMT_CV_QUERY_ADD, p, 9, NULL, &newid);
	}
	if (rc == ERR_OK)
		*id = (long long)newid;
	return rc;
}

/* What credit_open's transaction needs and fills (records in c->a). */
struct copen {
	struct arena			*a;
	const struct audit_actor	*actor;
	const struct credit_opening	*o;
	const char			*text, *detail, *oid, *today;
	size_t				 max;
	struct credit_record_list	*out;
	long long			*query_id;
};

/* The query-log row, the audit row and the records it showed. */
static enum err
open_body(struct db *db, struct arena *scratch, void *ctx)
{
	struct copen			*c = ctx;
	const struct credit_opening	*o = c->o;
	enum err			 rc;

	if ((o->hold != NULL && (rc = o->hold(db, scratch, o->hold_ctx)) != ERR_OK) ||
	    (rc = credit_query_add(db, c->actor, o->org_kind, o->org_id,
	    o->enterprise_id, 0, o->purpose, c->text, c->query_id)) != ERR_OK ||
	    (rc = audit_write(db, c->actor, "credit.view", "enterprise", c->oid,
	    AUDIT_OK, c->detail)) != ERR_OK)
		return rc;
	return credit_records(db, c->a, o->enterprise_id, c->today, c->max,
	    c->out);
}

enum err
credit_open(struct db *db, struct arena *a, const struct audit_actor *actor,
    const struct credit_opening *o, const char *today, size_t max,
    struct credit_record_list *out, long long *query_id)
{
	bool		 texted = o->purpose == CPUR_OTHER || o->purpose == CPUR_LOAN;
	const char	*text = texted ? o->purpose_text : "";
	const char	*detail;
	char		 oid[24];
	enum err	 rc;

	memset(out, 0, sizeof *out);
	if ((unsigned)o->purpose >= CPUR__MAX || o->purpose == CPUR_SELF ||
	    o->purpose == CPUR_REVIEW || (texted && (text == NULL || *text == '\0')) ||
	    (o->purpose == CPUR_LOAN) != (o->hold != NULL))
		return ERR_INVAL;
	snprintf(oid, sizeof oid, "%lld", o->enterprise_id);
	/* audit_write cuts it to 255 characters on a character boundary */
	detail = *text != '\0' ? arena_printf(a, "purpose=%s: %s",
	    purpose_names[o->purpose], text) :
	    arena_printf(a, "purpose=%s", purpose_names[o->purpose]);
	if (detail == NULL)
		return ERR_NOMEM;
	struct copen c = { a, actor, o, text, detail, oid, today, max, out,
	    query_id };

	if ((rc = db_tx(db, 0, open_body, &c)) != ERR_OK)
		memset(out, 0, sizeof *out);
	return rc;
}

/* --- the enterprise's own view ------------------------------------------ */

/* Fills *q from a row of REQ_COLS. */
static void
req_from_row(const struct db_rows *rows, struct arena *a, struct credit_self_req *q)
{
	int st;

	q->id = db_col_int(rows, 0);
	q->enterprise_id = db_col_int(rows, 1);
	q->uscc = db_col_text(rows, a, 2);
	q->ent_name = db_col_text(rows, a, 3);
	q->region = db_col_text(rows, a, 4);
	q->region_name = db_col_text(rows, a, 5);
	q->reason = db_col_text(rows, a, 6);
	st = csr_status_parse(db_col_str(rows, 7));
	q->status = st >= 0 ? (enum csr_status)st : CSR_PENDING;
	q->created_at = db_col_text(rows, a, 8);
	q->decided_at = db_col_dup(rows, a, 9);
	q->decided_name = db_col_text(rows, a, 10);
	q->note = db_col_text(rows, a, 11);
	q->valid_until = db_col_dup(rows, a, 12);
	q->live = db_col_int(rows, 13) != 0;
}

/* Reads every row of a REQ_COLS query into *l (after its count). */
static enum err
req_rows(struct db *db, struct arena *a, int stmt, const struct db_param *p,
    size_t np, struct credit_self_req_list *l)
{
	struct db_rows		*rows;
	unsigned long long	 cnt;
	enum err		 rc;
	int			 r = 0;

	if ((rc = db_query(db, a, &mod, stmt, p, np, &rows)) != ERR_OK)
		return rc;
	cnt = db_rows_count(rows);
	if (cnt > 0 && (l->v = arena_calloc(a, cnt, sizeof *l->v)) == NULL) {
		db_rows_free(rows);
		return ERR_NOMEM;
	}
	while (l->n < cnt && (r = db_next(rows)) == 1)
		req_from_row(rows, a, &l->v[l->n++]);
	db_rows_free(rows);
	return r == -1 ? db_rows_error(db) : ERR_OK;
}

/* The one value of a COUNT(*) statement into *n. */
static enum err
count(struct db *db, struct arena *a, int stmt, const struct db_param *p,
    size_t np, long long *n)
{
	struct db_rows	*rows;
	enum err	 rc;
	int		 r;

	*n = 0;
	if ((rc = db_query(db, a, &mod, stmt, p, np, &rows)) != ERR_OK)
		return rc;
	if ((r = db_next(rows)) == 1)
		*n = db_col_int(rows, 0);
	db_rows_free(rows);
	return r == 1 ? ERR_OK : db_rows_error(db);
}

struct apply_tx {
	const struct audit_actor *actor;
	long long		 ent_id, user_id;
	const char		*region, *reason;
	unsigned long long	 newid;
};

/* Under the enterprise's lock (it serialises its applications): none
 * pending, the request and its audit row. */
static enum err
apply_body(struct db *db, struct arena *a, void *ctx)
{
	struct apply_tx	*c = ctx;
	struct db_param	 e[] = { DB_INT(c->ent_id) };
	struct db_param	 p[] = { DB_INT(c->ent_id), DB_STR(c->region),
		DB_INT(c->user_id), DB_STR(c->reason) };
	struct db_rows	*rows;
	char		 oid[24], detail[48];
	enum err	 rc;
	int		 n;

	if ((rc = db_query(db, a, &mod, STMT_CV_ENT_LOCK, e, 1, &rows)) != ERR_OK)
		return rc;
	n = db_next(rows);
	db_rows_free(rows);
	if (n != 1)
		return n == 0 ? ERR_NOTFOUND : db_rows_error(db);
	if ((rc = db_query(db, a, &mod, STMT_CV_PENDING_OF, e, 1, &rows)) != ERR_OK)
		return rc;
	n = db_next(rows);
	db_rows_free(rows);
	if (n != 0)
		return n == 1 ? ERR_CONFLICT : db_rows_error(db);
	if ((rc = db_exec(db, &mod, STMT_CV_REQ_ADD, p, 4, NULL, &c->newid)) != ERR_OK)
		return rc;
	snprintf(oid, sizeof oid, "%llu", c->newid);
	snprintf(detail, sizeof detail, "enterprise %lld", c->ent_id);
	return audit_write(db, c->actor, "credit.self.apply", "credit_request",
	    oid, AUDIT_OK, detail);
}

enum err
credit_self_apply(struct db *db, const struct audit_actor *actor, long long ent_id,
    const char *region, long long user_id, const char *reason, long long *id)
{
	struct apply_tx	 c = { actor, ent_id, user_id, region, reason, 0 };
	enum err	 rc;

	if ((rc = db_tx(db, 512, apply_body, &c)) == ERR_OK)
		*id = (long long)c.newid;
	return rc;
}

enum err
credit_self_of(struct db *db, struct arena *a, long long ent_id, size_t max,
    struct credit_self_req_list *l)
{
	struct db_param	p[] = { DB_INT(ent_id), DB_INT(max) };
	enum err	rc;

	memset(l, 0, sizeof *l);
	if ((rc = req_rows(db, a, STMT_CV_REQ_OF, p, 2, l)) != ERR_OK)
		memset(l, 0, sizeof *l);
	else
		l->total = (long long)l->n;
	return rc;
}

enum err
credit_self_pending_count(struct db *db, struct arena *a, const struct scope *sc,
    long long *n)
{
	struct db_param	c[] = { DB_STR(sc->region), DB_STR(sc->region) };

	return count(db, a, STMT_CV_REQ_PENDING_COUNT, c, 2, n);
}

enum err
credit_self_search(struct db *db, struct arena *a, const char *scope,
    size_t page, size_t per, struct credit_self_req_list *l)
{
	struct db_param	c[] = { DB_STR(scope), DB_STR(scope) };
	struct db_param	p[] = { DB_STR(scope), DB_STR(scope), DB_INT(per),
		DB_INT(page * per) };
	enum err	rc;

	memset(l, 0, sizeof *l);
	if ((rc = count(db, a, STMT_CV_REQ_COUNT, c, 2, &l->total)) != ERR_OK ||
	    (rc = req_rows(db, a, STMT_CV_REQ_SEARCH, p, 4, l)) != ERR_OK)
		memset(l, 0, sizeof *l);
	return rc;
}

/* The one row of a REQ_COLS query; ERR_NOTFOUND when none. */
static enum err
req_one(struct db *db, struct arena *a, int stmt, long long key,
    struct credit_self_req *q)
{
	struct db_param	 p[] = { DB_INT(key) };
	struct db_rows	*rows;
	enum err	 rc;
	int		 r;

	memset(q, 0, sizeof *q);
	if ((rc = db_query(db, a, &mod, stmt, p, 1, &rows)) != ERR_OK)
		return rc;
	if ((r = db_next(rows)) == 1)
		req_from_row(rows, a, q);
	db_rows_free(rows);
	return r == 1 ? ERR_OK : r == 0 ? ERR_NOTFOUND : db_rows_error(db);
}

enum err
credit_self_get(struct db *db, struct arena *a, const struct scope *sc,
    long long id, struct credit_self_req *q)
{
	struct db_param	 p[1 + SCOPE_ENT_NP] = { DB_INT(id) };
	struct db_rows	*rows;
	enum err	 rc;
	int		 r;

	memset(q, 0, sizeof *q);
	scope_ent_params(sc, false, p + 1);
	if ((rc = db_query(db, a, &mod, STMT_CV_REQ_GET, p, 1 + SCOPE_ENT_NP,
	    &rows)) != ERR_OK)
		return rc;
	if ((r = db_next(rows)) == 1)
		req_from_row(rows, a, q);
	db_rows_free(rows);
	return r == 1 ? ERR_OK : r == 0 ? ERR_NOTFOUND : db_rows_error(db);
}

enum err
credit_self_live(struct db *db, struct arena *a, long long ent_id,
    struct credit_self_req *q)
{
	return req_one(db, a, STMT_CV_REQ_LIVE, ent_id, q);
}

/* What the decision reads from the locked request (STMT_CV_REQ_LOCK:
 * status, enterprise_id). */
struct csr_step {
	const char	*note;
	long long	 ent_id;
};

static enum err
csr_decide_locked(struct step_run *run)
{
	struct csr_step *c = run->ctx;

	c->ent_id = db_col_int(run->row, 1);
	return ERR_OK;
}

static enum err
csr_decide_change(struct step_run *run)
{
	struct csr_step	*c = run->ctx;
	long long	 uid = run->actor->user_id;
	enum err	 rc;

	if (run->step->action == CSRA_GRANT) {
		struct db_param p[] = { DB_INT(uid), DB_STR(c->note),
			DB_INT(CREDIT_GRANT_DAYS), DB_INT(run->id) };

		if ((rc = db_exec(run->db, &mod, STMT_CV_REQ_GRANT, p, 4, NULL,
		    NULL)) != ERR_OK)
			return rc;
		snprintf(run->detail, 48, "enterprise %lld; %d days", c->ent_id,
		    CREDIT_GRANT_DAYS);
	} else {
		struct db_param p[] = { DB_INT(uid), DB_STR(c->note), DB_INT(run->id) };

		if ((rc = db_exec(run->db, &mod, STMT_CV_REQ_REFUSE, p, 3, NULL,
		    NULL)) != ERR_OK)
			return rc;
		snprintf(run->detail, 48, "enterprise %lld", c->ent_id);
	}
	return ERR_OK;
}

static const struct step csr_grant_step = {
	&csr_machine, CSRA_GRANT, &mod, STMT_CV_REQ_LOCK, false,
	"credit.self.grant", "credit_request", csr_decide_locked, csr_decide_change,
};
static const struct step csr_refuse_step = {
	&csr_machine, CSRA_REFUSE, &mod, STMT_CV_REQ_LOCK, false,
	"credit.self.refuse", "credit_request", csr_decide_locked, csr_decide_change,
};

enum err
credit_self_decide(struct db *db, const struct audit_actor *actor,
    const struct scope *sc, long long id, bool grant, const char *note)
{
	struct csr_step c = { .note = note };
	struct db_param	scope[SCOPE_ENT_NP];

	scope_ent_params(sc, false, scope);
	return step_run(db, grant ? &csr_grant_step : &csr_refuse_step, actor,
	    scope, SCOPE_ENT_NP, id, 0, &c);
}

/* A new verification code (CREDIT_CODE_BYTES from RAND_bytes) into out,
 * as XXXX-XXXX-XXXX-XXXX.  -1 when the CSPRNG fails. */
static int
credit_code_new(char out[CREDIT_CODE_LEN])
{
	unsigned char	raw[CREDIT_CODE_BYTES];
	char		b32[CRYPTO_B32LEN(CREDIT_CODE_BYTES) + 1];
	int		rc;

	out[0] = '\0';
	if (crypto_random(raw, sizeof raw) == -1)
		return -1;
	crypto_b32_encode(raw, sizeof raw, b32);
	rc = credit_code_normal(b32, out);
	memset(raw, 0, sizeof raw);
	return rc;
}

int
credit_code_normal(const char *typed, char out[CREDIT_CODE_LEN])
{
	static const char	alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
	size_t			n = 0, o = 0;

	out[0] = '\0';
	if (typed == NULL)
		return -1;
	for (const char *p = typed; *p != '\0'; p++) {
		char ch = *p;

		if (ch == ' ' || ch == '-' || ch == '\t')
			continue;
		if (ch >= 'a' && ch <= 'z')
			ch = (char)(ch - 'a' + 'A');
		/* base32 has no 0, 1 or 8: read as the letters they look like */
		ch = ch == '0' ? 'O' : ch == '1' ? 'I' : ch == '8' ? 'B' : ch;
		if (strchr(alphabet, ch) == NULL || n == CREDIT_CODE_CHARS) {
			out[0] = '\0';
			return -1;
		}
		if (n > 0 && n % 4 == 0)
			out[o++] = '-';
		out[o++] = ch;
		n++;
	}
	out[o] = '\0';
	if (n != CREDIT_CODE_CHARS) {
		out[0] = '\0';
		return -1;
	}
	return 0;
}

/* Appends s and its NUL at *p (room counted by digest_len). */
static void
digest_put(char **p, const char *s)
{
	size_t n = s != NULL ? strlen(s) : 0;

	if (n > 0)
		memcpy(*p, s, n);
	(*p)[n] = '\0';
	*p += n + 1;
}

enum err
credit_report_digest(struct arena *a, const char *code, const char *uscc,
    const char *name, const struct credit_record_list *l, unsigned char out[32])
{
	static const char	tag[] = "duijie credit report v1";
	char			*buf, *p, num[24];
	size_t			 cap;

#define SLEN(x) ((x) != NULL ? strlen(x) + 1 : 1)
	cap = sizeof tag + SLEN(code) + SLEN(uscc) + SLEN(name) + 2;
	for (size_t i = 0; i < l->n; i++) {
		const struct credit_record *x = &l->v[i];

		cap += 3 * sizeof num + SLEN(x->category) + SLEN(x->decision_date) +
		    SLEN(x->period_end) + SLEN(x->agency_name);
		for (size_t j = 0; j < x->nfields; j++)
			cap += SLEN(x->fields[j].label) + SLEN(x->fields[j].value);
	}
#undef SLEN
	if ((buf = arena_alloc(a, cap)) == NULL)
		return ERR_NOMEM;
	p = buf;
	digest_put(&p, tag);
	digest_put(&p, code);
	digest_put(&p, uscc);
	digest_put(&p, name);
	for (size_t i = 0; i < l->n; i++) {
		const struct credit_record *x = &l->v[i];

		snprintf(num, sizeof num, "%lld", x->id);
		digest_put(&p, num);
		digest_put(&p, x->category);
		digest_put(&p, x->decision_date);
		digest_put(&p, x->period_end);
		digest_put(&p, x->agency_name);
		snprintf(num, sizeof num, "%zu", x->nfields);
		digest_put(&p, num);
		for (size_t j = 0; j < x->nfields; j++) {
			digest_put(&p, x->fields[j].label);
			digest_put(&p, x->fields[j].value);
		}
	}
	digest_put(&p, l->capped ? "+" : ".");
	crypto_sha256(buf, (size_t)(p - buf), out);
	return ERR_OK;
}

enum err
credit_report_verify(struct db *db, struct arena *a,
    const struct audit_actor *actor, const char *code,
    struct credit_verified *v)
{
	unsigned char	 h[32];
	struct db_param	 p[1];
	struct db_rows	*rows;
	enum err	 rc;
	int		 n;

	memset(v, 0, sizeof *v);
	crypto_sha256(code, strlen(code), h);
	p[0] = DB_STRN((const char *)h, 32);
	if ((rc = db_query(db, a, &mod, STMT_CV_REPORT_VERIFY, p, 1, &rows)) != ERR_OK)
		return rc;
	if ((n = db_next(rows)) == 1) {
		const char *dig = db_col_str(rows, 5);

		v->id = db_col_int(rows, 0);
		v->created_at = db_col_dup(rows, a, 1);
		v->ent_name = db_col_text(rows, a, 2);
		v->uscc = db_col_text(rows, a, 3);
		v->records = (unsigned)db_col_int(rows, 4);
		if (dig != NULL && strlen(dig) == 64)
			memcpy(v->digest, dig, 65);
	}
	db_rows_free(rows);
	if (n == -1)
		return db_rows_error(db);
	if (n == 0) {
		memset(v, 0, sizeof *v);
		rc = audit_write1(db, actor, "credit.report.verify", "credit_report",
		    "", AUDIT_FAILED, "no report has this code");
		return rc != ERR_OK ? rc : ERR_NOTFOUND;
	}
	if (v->created_at == NULL)
		return ERR_NOMEM;
	if (credit_report_number(v->id, v->created_at, v->number) == -1)
		return ERR_DB;
	return ERR_OK;
}

/* The SHA-256 of what a report lists: its records' ids in order, what
 * each shows (period end, values, the mark 有异议 of an objection) and
 * whether the list was capped.  An objection's correction changes a
 * record's values and its filing or outcome the mark (objection.h), so
 * the same ids are not always the same report. */
static enum err
records_hash(struct arena *a, const struct credit_record_list *l,
    unsigned char out[32])
{
	char	*buf, *p;
	size_t	 cap = 2;

	for (size_t i = 0; i < l->n; i++) {
		cap += 64 + (l->v[i].period_end != NULL ? strlen(l->v[i].period_end) : 0);
		for (size_t j = 0; j < l->v[i].nfields; j++)
			cap += strlen(l->v[i].fields[j].value) + 2;
	}
	if ((buf = arena_alloc(a, cap)) == NULL)
		return ERR_NOMEM;
	p = buf;
	for (size_t i = 0; i < l->n; i++) {
		const struct credit_record *x = &l->v[i];

		p += snprintf(p, cap - (size_t)(p - buf), "%lld:%lld:%s", x->id,
		    x->objection_id, x->period_end != NULL ? x->period_end : "");
		for (size_t j = 0; j < x->nfields; j++)
			p += snprintf(p, cap - (size_t)(p - buf), "\x1f%s", x->fields[j].value);
		*p++ = ';';
	}
	*p++ = l->capped ? '+' : '.';
	crypto_sha256(buf, (size_t)(p - buf), out);
	return ERR_OK;
}

#define CODE_AAD	"credit_reports.code"

/* The newest report of grant `grant` of ent_id into *rep (id, time,
 * number, its code opened under `key`, its digest) and whether it lists
 * the records of `hash` and has a code that opens (a report of before
 * migration 045 has none).  ERR_NOTFOUND. */
static enum err
report_last(struct db *db, struct arena *a, const unsigned char key[32],
    long long grant, long long ent_id, const unsigned char hash[32],
    struct credit_report *rep, bool *same)
{
	const char	*code = NULL;
	struct db_param	 p[] = { DB_STRN((const char *)hash, 32), DB_INT(grant),
		DB_INT(ent_id) };
	struct db_rows	*rows;
	enum err	 rc;
	int		 n;

	*same = false;
	if ((rc = db_query(db, a, &mod, STMT_CV_REPORT_LAST, p, 3, &rows)) != ERR_OK)
		return rc;
	if ((n = db_next(rows)) == 1) {
		const char *enc = db_col_str(rows, 3), *dig = db_col_str(rows, 4);

		rep->id = db_col_int(rows, 0);
		rep->created_at = db_col_dup(rows, a, 1);
		*same = db_col_int(rows, 2) != 0;
		if (enc != NULL && dig != NULL && strlen(dig) == 64) {
			code = open_text(a, key, CODE_AAD, enc);
			memcpy(rep->digest, dig, 65);
		}
	}
	db_rows_free(rows);
	if (n != 1)
		return n == 0 ? ERR_NOTFOUND : db_rows_error(db);
	if (rep->created_at == NULL)
		return ERR_NOMEM;
	if (code != NULL && strlen(code) == CREDIT_CODE_LEN - 1)
		memcpy(rep->code, code, CREDIT_CODE_LEN);
	else {
		/* no code (or one that does not open): a new report is due */
		rep->code[0] = rep->digest[0] = '\0';
		*same = false;
	}
	return credit_report_number(rep->id, rep->created_at, rep->number) == 0 ?
	    ERR_OK : ERR_DB;
}

/* Whether report time `created_utc` is on Beijing day `today`. */
static bool
made_on(const char *created_utc, const char *today)
{
	char when[32];

	return time_beijing(created_utc, when, sizeof when) == 0 &&
	    strncmp(when, today, 10) == 0;
}

/* What credit_report_issue's transaction needs and fills (in c->a). */
struct cissue {
	struct arena			*a;
	const unsigned char		*key;
	const struct audit_actor	*actor;
	long long			 ent_id;
	const char			*today;
	size_t				 max;
	struct credit_report		*rep;
	bool				 fresh;
};

/* Under the enterprise's lock: the live grant, the records, today's
 * report of them again or a new one with its query-log and audit rows. */
static enum err
issue_body(struct db *db, struct arena *scratch, void *ctx)
{
	struct cissue			*c = ctx;
	struct arena			*a = c->a;
	const struct audit_actor	*actor = c->actor;
	long long			 ent_id = c->ent_id;
	const char			*today = c->today;
	struct credit_report		*rep = c->rep;
	struct db_param		 e[] = { DB_INT(ent_id) };
	struct credit_record_list l;
	struct credit_self_req	 grant;
	struct db_rows		*rows;
	unsigned long long	 newid = 0;
	unsigned char		 hash[32], code_hash[32], content[32];
	const char		*uscc = NULL, *name = NULL, *code_enc;
	long long		 qid;
	char			 oid[24], detail[96];
	bool			 same = false;
	enum err		 rc;
	int			 n;

	(void)scratch;
	/* the enterprise row serialises two issues at once: one report */
	if ((rc = db_query(db, a, &mod, STMT_CV_ENT_LOCK, e, 1, &rows)) != ERR_OK)
		return rc;
	if ((n = db_next(rows)) == 1) {
		uscc = db_col_dup(rows, a, 1);
		name = db_col_dup(rows, a, 2);
	}
	db_rows_free(rows);
	if (n != 1) {
		rc = n == 0 ? ERR_NOTFOUND : db_rows_error(db);
		return rc;
	}
	if (uscc == NULL || name == NULL)
		return ERR_NOMEM;
	if ((rc = credit_self_live(db, a, ent_id, &grant)) != ERR_OK) {
		if (rc == ERR_NOTFOUND)
			rc = ERR_FORBIDDEN;
		return rc;
	}
	if ((rc = credit_records(db, a, ent_id, today, c->max, &l)) != ERR_OK ||
	    (rc = records_hash(a, &l, hash)) != ERR_OK)
		return rc;
	rc = report_last(db, a, c->key, grant.id, ent_id, hash, rep, &same);
	if (rc != ERR_OK && rc != ERR_NOTFOUND)
		return rc;
	if (rc == ERR_OK && same && made_on(rep->created_at, today)) {
		/* today's report of these records: the same one, nothing new */
		rep->request_id = grant.id;
		rep->valid_until = grant.valid_until;
		return ERR_OK;
	}
	memset(rep, 0, sizeof *rep);
	/* a new code: random, kept as its hash (the lookup) and sealed (to
	 * print it again); the digest binds it to what the report lists */
	if (credit_code_new(rep->code) == -1)
		return ERR_DB;
	crypto_sha256(rep->code, strlen(rep->code), code_hash);
	if ((rc = credit_report_digest(a, rep->code, uscc, name, &l, content)) != ERR_OK)
		return rc;
	crypto_hex(content, 32, rep->digest);
	if ((code_enc = seal_text(a, c->key, CODE_AAD, rep->code)) == NULL)
		return ERR_NOMEM;
	{
		struct db_param p[] = { DB_INT(grant.id), DB_INT(ent_id),
			DB_INT(actor->user_id), DB_INT(l.n),
			DB_STRN((const char *)hash, 32),
			DB_STRN((const char *)code_hash, 32), DB_STR(code_enc),
			DB_STRN((const char *)content, 32) };

		if ((rc = db_exec(db, &mod, STMT_CV_REPORT_ADD, p, 8, NULL, &newid)) != ERR_OK)
			return rc;
	}
	{
		struct db_param p[] = { DB_INT(newid) };

		if ((rc = db_query(db, a, &mod, STMT_CV_REPORT_AT, p, 1, &rows)) != ERR_OK)
			return rc;
		if ((n = db_next(rows)) == 1)
			rep->created_at = db_col_dup(rows, a, 0);
		db_rows_free(rows);
		if (n != 1 || rep->created_at == NULL) {
			rc = n == 1 ? ERR_NOMEM : db_rows_error(db);
			return rc;
		}
	}
	rep->id = (long long)newid;
	rep->request_id = grant.id;
	rep->valid_until = grant.valid_until;
	if (credit_report_number(rep->id, rep->created_at, rep->number) == -1) {
		rc = ERR_DB;
		return rc;
	}
	snprintf(oid, sizeof oid, "%lld", ent_id);
	snprintf(detail, sizeof detail, "report %s; %zu records; grant %lld",
	    rep->number, l.n, grant.id);
	if ((rc = credit_query_add(db, actor, "enterprise", ent_id, ent_id, 0,
	    CPUR_SELF, "", &qid)) != ERR_OK ||
	    (rc = audit_write(db, actor, "credit.report", "enterprise", oid, AUDIT_OK,
	    detail)) != ERR_OK)
		return rc;
	c->fresh = true;
	return ERR_OK;
}

enum err
credit_report_issue(struct db *db, struct arena *a, const unsigned char key[32],
    const struct audit_actor *actor, long long ent_id, const char *today,
    size_t max, struct credit_report *rep, bool *fresh)
{
	struct cissue	 c = { a, key, actor, ent_id, today, max, rep, false };
	enum err	 rc;

	memset(rep, 0, sizeof *rep);
	*fresh = false;
	if ((rc = db_tx(db, 0, issue_body, &c)) != ERR_OK) {
		memset(rep, 0, sizeof *rep);
		return rc;
	}
	*fresh = c.fresh;
	return ERR_OK;
}

enum err
credit_report_show(struct db *db, struct arena *a, const unsigned char key[32],
    long long ent_id, const char *today, size_t max,
    struct credit_record_list *out, struct credit_report *rep)
{
	struct credit_self_req	grant;
	unsigned char		hash[32];
	bool			same = false;
	enum err		rc;

	memset(out, 0, sizeof *out);
	memset(rep, 0, sizeof *rep);
	if ((rc = credit_self_live(db, a, ent_id, &grant)) != ERR_OK)
		return rc == ERR_NOTFOUND ? ERR_FORBIDDEN : rc;
	if ((rc = credit_records(db, a, ent_id, today, max, out)) != ERR_OK)
		return rc;
	if ((rc = records_hash(a, out, hash)) != ERR_OK ||
	    (rc = report_last(db, a, key, grant.id, ent_id, hash, rep, &same)) != ERR_OK) {
		memset(out, 0, sizeof *out);
		return rc;
	}
	rep->request_id = grant.id;
	rep->valid_until = grant.valid_until;
	if (!same) {
		memset(out, 0, sizeof *out);
		return ERR_CONFLICT;
	}
	return ERR_OK;
}

enum err
credit_viewers(struct db *db, struct arena *a, long long ent_id, size_t page,
    size_t per, struct credit_viewer_list *l)
{
	struct db_param		 c[] = { DB_INT(ent_id) };
	struct db_param		 p[] = { DB_INT(ent_id), DB_INT(per), DB_INT(page * per) };
	struct db_rows		*rows;
	unsigned long long	 cnt;
	enum err		 rc;
	int			 r = 0;

	memset(l, 0, sizeof *l);
	if ((rc = count(db, a, STMT_CV_VIEWER_COUNT, c, 1, &l->total)) != ERR_OK)
		return rc;
	if ((rc = db_query(db, a, &mod, STMT_CV_VIEWERS, p, 3, &rows)) != ERR_OK)
		return rc;
	cnt = db_rows_count(rows);
	if (cnt > 0 && (l->v = arena_calloc(a, cnt, sizeof *l->v)) == NULL) {
		db_rows_free(rows);
		return ERR_NOMEM;
	}
	while (l->n < cnt && (r = db_next(rows)) == 1) {
		struct credit_viewer	*v = &l->v[l->n++];
		int			 pu = credit_purpose_parse(db_col_str(rows, 3));

		v->at = db_col_text(rows, a, 0);
		v->org_kind = db_col_text(rows, a, 1);
		v->org_name = db_col_text(rows, a, 2);
		v->purpose = pu >= 0 ? (enum credit_purpose)pu : CPUR_OTHER;
		v->purpose_text = db_col_text(rows, a, 4);
	}
	db_rows_free(rows);
	if (r == -1) {
		memset(l, 0, sizeof *l);
		return db_rows_error(db);
	}
	return ERR_OK;
}
