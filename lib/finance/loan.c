/*
 * loan.c -- the SQL, the state table and the steps of the loan
 * applications (loan.h).
 */
#include <stdio.h>
#include <string.h>

#include "accounts/inbox.h"
#include "core/enumname.h"
#include "db/db_region.h"
#include "finance/loan.h"
#include "finance/loan_clock.h"

loan_event_fn *loan_event_hook;

static const char *const status_names[LS__MAX] = {
	[LS_DRAFT] = "draft", [LS_PUBLISHED] = "published", [LS_TAKEN] = "taken",
	[LS_APPROVED] = "approved", [LS_DECLINED] = "declined",
	[LS_DISBURSED] = "disbursed", [LS_NOT_TAKEN] = "not_taken",
	[LS_WITHDRAWN] = "withdrawn", [LS_EXPIRED] = "expired",
};

static const char *const action_names[LA__MAX] = {
	[LA_EDIT] = "edit", [LA_PUBLISH] = "publish", [LA_WITHDRAW] = "withdraw",
	[LA_REVOKE] = "revoke", [LA_TAKE] = "take", [LA_ASSIGN] = "assign",
	[LA_RELEASE] = "release", [LA_APPROVE] = "approve",
	[LA_DECLINE] = "decline", [LA_DISBURSE] = "disburse",
	[LA_NOT_TAKEN] = "not_taken", [LA_EXPIRE] = "expire",
	[LA_REPUBLISH] = "republish",
};

const char *const loan_decline_names[LD__MAX + 1] = {
	[LD_CREDIT] = "credit", [LD_COLLATERAL] = "collateral",
	[LD_MATERIALS] = "materials", [LD_POLICY] = "policy",
	[LD_OTHER] = "other", [LD__MAX] = NULL,
};

#define D(s)	STEP_TO(LS_##s)
#define NO	STEP_NO
/*
 * The life of an application.  Columns: edit publish withdraw revoke take
 * assign release approve decline disburse not_taken expire republish.  The
 * enterprise edits and withdraws until an FI takes it up; the consent may
 * be revoked whenever it was given (the state stays); the closed states
 * (declined, disbursed, not taken, withdrawn, expired) take no other step.
 * Two cells hold only past a time limit (loan_clock.h, checked under the
 * row's lock): expire (published, past expire_at) and republish (taken,
 * past reclaim_at without a decision).
 */
static const signed char loan_next[LS__MAX * LA__MAX] = {
	/* draft */
	D(DRAFT), D(PUBLISHED), D(WITHDRAWN), NO, NO, NO, NO, NO, NO, NO, NO, NO, NO,
	/* published */
	D(PUBLISHED), NO, D(WITHDRAWN), D(PUBLISHED), D(TAKEN), NO, NO, NO, NO, NO, NO, D(EXPIRED), NO,
	/* taken */
	NO, NO, NO, D(TAKEN), NO, D(TAKEN), D(PUBLISHED), D(APPROVED), D(DECLINED), NO, NO, NO, D(PUBLISHED),
	/* approved */
	NO, NO, NO, D(APPROVED), NO, NO, NO, NO, NO, D(DISBURSED), D(NOT_TAKEN), NO, NO,
	/* declined */
	NO, NO, NO, D(DECLINED), NO, NO, NO, NO, NO, NO, NO, NO, NO,
	/* disbursed */
	NO, NO, NO, D(DISBURSED), NO, NO, NO, NO, NO, NO, NO, NO, NO,
	/* not_taken */
	NO, NO, NO, D(NOT_TAKEN), NO, NO, NO, NO, NO, NO, NO, NO, NO,
	/* withdrawn */
	NO, NO, NO, D(WITHDRAWN), NO, NO, NO, NO, NO, NO, NO, NO, NO,
	/* expired */
	NO, NO, NO, D(EXPIRED), NO, NO, NO, NO, NO, NO, NO, NO, NO,
};
#undef D
#undef NO

const struct step_machine loan_machine = {
	"loan", LS__MAX, LA__MAX, status_names, action_names, loan_next,
};

const char *
loan_status_name(enum loan_status s)
{
	return (unsigned)s < LS__MAX ? status_names[s] : "";
}

int
loan_status_parse(const char *s)
{
	return enum_parse(status_names, LS__MAX, s);
}

const char *
loan_action_name(enum loan_action a)
{
	return (unsigned)a < LA__MAX ? action_names[a] : "";
}

void
loan_number(long long id, char out[LOAN_NUMBER_LEN])
{
	snprintf(out, LOAN_NUMBER_LEN, "XD%08lld", id);
}

size_t
loan_check(const struct loan_input *in, bool publish, struct loan_error *e,
    size_t max)
{
	size_t n = 0;

#define ERR(f, k) do { if (n < max) { e[n].field = (f); e[n].key = (k); } n++; } while (0)
	if (in->amount_wan < 1 || in->amount_wan > LOAN_AMOUNT_MAX)
		ERR("amount_wan", "loan_amount");
	if (in->term_months < 1 || in->term_months > LOAN_TERM_MAX)
		ERR("term_months", "loan_term");
	if (in->purpose == NULL || *in->purpose == '\0')
		ERR("purpose", "required");
	if (publish && !in->consent)
		ERR("consent", "loan_consent");
	if (publish && !in->disclaimer)
		ERR("disclaimer", "loan_disclaimer");
#undef ERR
	return n < max ? n : max;
}

enum {
	STMT_L_GET,
	STMT_L_COUNT,
	STMT_L_STATUS_COUNT,
	STMT_L_SEARCH,
	STMT_L_COUNT_ENT,
	STMT_L_SEARCH_ENT,
	STMT_L_COUNT_CITY,
	STMT_L_SEARCH_CITY,
	STMT_L_COUNT_PROV,
	STMT_L_SEARCH_PROV,
	STMT_L_EVENTS,
	STMT_L_PRODUCT,
	STMT_L_INSERT,
	STMT_L_EVENT_ADD,
	STMT_L_LOCK,
	STMT_L_EDIT,
	STMT_L_MOVE,
	STMT_L_REVOKE,
	STMT_L_TAKE,
	STMT_L_OFFICER,
	STMT_L_ASSIGN,
	STMT_L_RELEASE,
	STMT_L_APPROVE,
	STMT_L_DECLINE,
	STMT_L_DISBURSE,
	STMT_L_CONSENT,
	STMT_L_LOST,
	STMT_L_FI_REGIONS,
	STMT_L_FI_COUNT,
	STMT_L_FI_COUNT_ST,
	STMT_L_FI_SEARCH,
	STMT_L_FI_SEARCH_ST,
	STMT_L_REPUBLISH,
	STMT_L_CLOCK_LIVE,
	STMT_L_CLOCK_SET,
	STMT_L_EXPIRE_DUE,
	STMT_L_UNWELCOME,
	STMT_L__MAX
};

#define TS(c)	"COALESCE(DATE_FORMAT(" c ", '%Y-%m-%d %H:%i:%s'), '')"

/* The columns of struct loan (loan_from_row). */
#define L_COLS \
	"SELECT l.id, l.enterprise_id, e.name, e.uscc, l.region_code, rg.name," \
	" COALESCE(l.product_id, 0), COALESCE(p.name, ''), COALESCE(l.fi_id, 0)," \
	" COALESCE(f.name, ''), COALESCE(l.officer_id, 0), COALESCE(u.real_name, '')," \
	" l.amount_wan, l.term_months, l.purpose, l.guarantee, l.status," \
	" COALESCE(l.approved_amount_wan, 0), COALESCE(l.approved_term_months, 0)," \
	" COALESCE(l.rate_bp, 0), l.conditions, COALESCE(l.decline_kind, '')," \
	" l.decline_reason, COALESCE(l.disbursed_amount_wan, 0)," \
	" COALESCE(DATE_FORMAT(l.disbursed_on, '%Y-%m-%d'), ''), l.contract_no," \
	" (l.consent_at IS NOT NULL AND l.consent_revoked_at IS NULL)," \
	" (l.consent_at IS NOT NULL AND l.consent_revoked_at IS NULL AND" \
	"  (l.closed_at IS NULL OR l.closed_at >= UTC_TIMESTAMP() - INTERVAL 30 DAY))," \
	" " TS("l.consent_at") ", " TS("l.consent_revoked_at") ", l.version," \
	" " TS("l.created_at") ", " TS("l.updated_at") ", " TS("l.published_at") "," \
	" " TS("l.taken_at") ", " TS("l.decided_at") ", " TS("l.closed_at") "," \
	" " TS("l.open_at") ", " TS("l.take_due_at") ", " TS("l.expire_at") "," \
	" " TS("l.reclaim_at") "," \
	" (l.status = 'published' AND l.take_due_at < UTC_TIMESTAMP())," \
	" (l.status = 'taken' AND l.reclaim_at <= UTC_TIMESTAMP())" \
	" FROM loans l JOIN enterprises e ON e.id = l.enterprise_id" \
	" JOIN regions rg ON rg.code = l.region_code" \
	" LEFT JOIN products p ON p.id = l.product_id" \
	" LEFT JOIN fis f ON f.id = l.fi_id" \
	" LEFT JOIN users u ON u.id = l.officer_id"

/*
 * The scope predicate (loan.h), seven parameters: mode, region, region,
 * org, org, region, org (scope_params).  An FI serves its own region and
 * every region a published product of it serves.
 */
#define L_SCOPE \
	" (CASE ? WHEN 'all' THEN 1" \
	" WHEN 'region' THEN l.status <> 'draft' AND (? = '" REGION_PROVINCE "' OR l.region_code = ?)" \
	" WHEN 'ent' THEN l.enterprise_id = ?" \
	" WHEN 'fi' THEN l.status <> 'draft' AND (l.fi_id = ? OR (l.fi_id IS NULL" \
	"  AND l.status = 'published' AND (l.region_code = ? OR EXISTS (SELECT 1" \
	"  FROM products sp JOIN product_regions spr ON spr.product_id = sp.id" \
	"  WHERE sp.fi_id = ? AND sp.status = 'published'" \
	"  AND spr.region_code = l.region_code))))" \
	" ELSE 0 END)"
#define L_NSCOPE	7

/*
 * An FI's list without the CASE above (issue 14's bench: a scope in a CASE
 * reads every row of loans).  Its two disjoint parts, each along an index
 * ordered like the list (schema/036): the applications addressed to or
 * taken up by the FI (fi_id = ?, loans_fi_id / loans_fi), and the open
 * ones of each region it serves (status 'published', fi_id NULL, one
 * region each: loans_open_fi), each part read newest first up to the
 * rows the page needs, merged by id.  L_FI_SLOTS regions at most (a
 * region '' matches nothing); an FI serving more takes the CASE.
 */
#define L_FI_SLOTS	16
#define L_OPEN1 \
	" UNION ALL (SELECT id FROM loans WHERE status = 'published'" \
	" AND fi_id IS NULL AND region_code = ? ORDER BY id DESC LIMIT ?)"
#define L_OPEN4		L_OPEN1 L_OPEN1 L_OPEN1 L_OPEN1
#define L_OPEN16	L_OPEN4 L_OPEN4 L_OPEN4 L_OPEN4
/* the page's ids: fi [, status], limit; (region, limit) x 16; per, offset */
#define L_FI_PAGE(addressed) \
	" JOIN (SELECT id FROM ((SELECT id FROM loans" addressed \
	" ORDER BY id DESC LIMIT ?)" L_OPEN16 ") t ORDER BY id DESC LIMIT ? OFFSET ?)" \
	" pg ON pg.id = l.id ORDER BY l.id DESC"
#define L_FI_ALL	" FORCE INDEX (loans_fi_id) WHERE fi_id = ? AND status <> 'draft'"
#define L_FI_ST		" WHERE fi_id = ? AND status = ?"
/* the count's: along loans_fi (fi_id, status, id), no row read */
#define L_FI_ALLC	" WHERE fi_id = ? AND status <> 'draft'"
#define L_R4		"?, ?, ?, ?, "
/* the count, each part stopped after cap + 1: fi [, status], cap;
 * region x 16, cap */
#define L_FI_COUNT(addressed) \
	"SELECT COUNT(*) FROM ((SELECT id FROM loans" addressed " LIMIT ?)" \
	" UNION ALL (SELECT id FROM loans WHERE status = 'published'" \
	" AND fi_id IS NULL AND region_code IN (" L_R4 L_R4 L_R4 "?, ?, ?, ?)" \
	" LIMIT ?)) t"
/* The list's filter, five parameters: status, status, overdue (0/1),
 * officer, officer (0: any). */
#define L_FILTER \
	" AND (? = '' OR l.status = ?)" \
	" AND (? = 0 OR (l.status = 'published' AND l.take_due_at < UTC_TIMESTAMP()))" \
	" AND (? = 0 OR l.officer_id = ?)"
#define L_NFILTER	5

/*
 * The lists and counts of an enterprise and of a region's offices without
 * the CASE (which reads every row of loans): one direct predicate each,
 * the CASE's branch for that mode, along loans_enterprise (enterprise_id,
 * id), loans_region (region_code, id) or, for the province, the primary
 * key, read newest first and stopped after the page (direct_of; the DB
 * test checks each against its branch).
 */
#define L_ENT		" WHERE l.enterprise_id = ?"
#define L_CITY		" WHERE l.region_code = ? AND l.status <> 'draft'"
#define L_PROV		" WHERE l.status <> 'draft'"
#define L_PAGE		" ORDER BY l.id DESC LIMIT ? OFFSET ?"

/* version = version + 1 and the row's own checks on every update */
#define L_BUMP		" version = version + 1, updated_at = UTC_TIMESTAMP()"
#define L_WHERE		" WHERE id = ? AND status = ? AND version = ?"

static const char *const sql[STMT_L__MAX] = {
	[STMT_L_GET] = L_COLS " WHERE l.id = ? AND" L_SCOPE,
	[STMT_L_COUNT] = "SELECT COUNT(*) FROM loans l WHERE" L_SCOPE L_FILTER,
	[STMT_L_STATUS_COUNT] = "SELECT l.status, COUNT(*) FROM loans l WHERE" L_SCOPE
	    " GROUP BY l.status",
	[STMT_L_SEARCH] = L_COLS " WHERE" L_SCOPE L_FILTER L_PAGE,
	[STMT_L_COUNT_ENT] = "SELECT COUNT(*) FROM loans l" L_ENT L_FILTER,
	[STMT_L_SEARCH_ENT] = L_COLS L_ENT L_FILTER L_PAGE,
	[STMT_L_COUNT_CITY] = "SELECT COUNT(*) FROM loans l" L_CITY L_FILTER,
	[STMT_L_SEARCH_CITY] = L_COLS L_CITY L_FILTER L_PAGE,
	[STMT_L_COUNT_PROV] = "SELECT COUNT(*) FROM loans l" L_PROV L_FILTER,
	[STMT_L_SEARCH_PROV] = L_COLS L_PROV L_FILTER L_PAGE,
	[STMT_L_EVENTS] =
	    "SELECT " TS("ev.at") ", ev.action, ev.from_status, ev.to_status,"
	    " ev.org_kind, COALESCE(e.name, f.name, o.name, ''),"
	    " COALESCE(u.real_name, ''), ev.note"
	    " FROM loan_events ev"
	    " LEFT JOIN enterprises e ON ev.org_kind = 'enterprise' AND e.id = ev.org_id"
	    " LEFT JOIN fis f ON ev.org_kind = 'fi' AND f.id = ev.org_id"
	    " LEFT JOIN offices o ON ev.org_kind = 'office' AND o.id = ev.org_id"
	    " LEFT JOIN users u ON u.id = ev.user_id"
	    " WHERE ev.loan_id = ? ORDER BY ev.id LIMIT 200",
	/* the FI's unwelcome list (oversight/measure.h, issue 16 ):
	 * its own entry on the enterprise in force now, or one of its
	 * adopted platform-wide (the statement compares with the clock) */
	[STMT_L_UNWELCOME] =
	    "SELECT 1 FROM measures m WHERE m.enterprise_id = ? AND m.fi_id = ?"
	    " AND m.kind = 'unwelcome'"
	    " AND m.status IN ('fi_active','adopt_pending','active','lift_pending')"
	    " AND m.starts_at <= UTC_TIMESTAMP()"
	    " AND (m.ends_at IS NULL OR m.ends_at > UTC_TIMESTAMP()) LIMIT 1",
	[STMT_L_PRODUCT] =
	    "SELECT p.fi_id FROM products p WHERE p.id = ? AND p.status = 'published'"
	    " AND EXISTS (SELECT 1 FROM product_regions pr"
	    "  WHERE pr.product_id = p.id AND pr.region_code = ?)",
	[STMT_L_INSERT] =
	    "INSERT INTO loans (enterprise_id, region_code, product_id, fi_id,"
	    " created_by, amount_wan, term_months, purpose, guarantee, status,"
	    " consent_at, published_at, open_at, take_due_at, expire_at)"
	    " VALUES (?, ?, NULLIF(?, 0), NULLIF(?, 0), ?, ?, ?, ?, ?, ?,"
	    " IF(? = 'published', UTC_TIMESTAMP(), NULL),"
	    " IF(? = 'published', UTC_TIMESTAMP(), NULL),"
	    " IF(? = 'published', UTC_TIMESTAMP(), NULL), NULLIF(?, ''), NULLIF(?, ''))",
	[STMT_L_EVENT_ADD] =
	    "INSERT INTO loan_events (loan_id, user_id, org_kind, org_id, action,"
	    " from_status, to_status, note) VALUES (?, NULLIF(?, 0), ?, ?, ?, ?, ?, ?)",
	[STMT_L_LOCK] =
	    "SELECT l.status, l.version, COALESCE(l.fi_id, 0), COALESCE(l.officer_id, 0),"
	    " l.enterprise_id, l.region_code, COALESCE(l.product_id, 0),"
	    " (l.consent_at IS NOT NULL AND l.consent_revoked_at IS NULL),"
	    " " TS("COALESCE(l.open_at, l.published_at)") ","
	    " (l.reclaim_at IS NOT NULL AND l.reclaim_at <= UTC_TIMESTAMP()),"
	    " (l.expire_at IS NOT NULL AND l.expire_at <= UTC_TIMESTAMP())"
	    " FROM loans l WHERE l.id = ? AND" L_SCOPE " FOR UPDATE",
	/* edit and publish: the values, the status, publish twice */
	[STMT_L_EDIT] =
	    "UPDATE loans SET amount_wan = ?, term_months = ?, purpose = ?,"
	    " guarantee = ?, product_id = NULLIF(?, 0), fi_id = NULLIF(?, 0),"
	    " status = ?, consent_at = IF(? = 'published', UTC_TIMESTAMP(), consent_at),"
	    " consent_revoked_at = IF(? = 'published', NULL, consent_revoked_at),"
	    " published_at = IF(? = 'published', UTC_TIMESTAMP(), published_at),"
	    " open_at = IF(? = 'published', UTC_TIMESTAMP(), open_at),"
	    " take_due_at = NULLIF(?, ''), expire_at = NULLIF(?, ''),"
	    L_BUMP L_WHERE,
	/* to-status, closes (0/1) */
	[STMT_L_MOVE] =
	    "UPDATE loans SET status = ?, closed_at = IF(?, UTC_TIMESTAMP(), closed_at),"
	    L_BUMP L_WHERE,
	[STMT_L_REVOKE] =
	    "UPDATE loans SET consent_revoked_at = UTC_TIMESTAMP()," L_BUMP L_WHERE
	    " AND consent_at IS NOT NULL AND consent_revoked_at IS NULL",
	/* fi, officer, reclaim; id, from, version, fi */
	[STMT_L_TAKE] =
	    "UPDATE loans SET status = 'taken', fi_id = ?, officer_id = ?,"
	    " taken_at = UTC_TIMESTAMP(), reclaim_at = NULLIF(?, '')," L_BUMP L_WHERE
	    " AND (fi_id IS NULL OR fi_id = ?)",
	[STMT_L_OFFICER] =
	    "SELECT real_name FROM users WHERE id = ? AND role = 'fi'"
	    " AND org_kind = 'fi' AND org_id = ? AND status = 'active'",
	[STMT_L_ASSIGN] = "UPDATE loans SET officer_id = ?," L_BUMP L_WHERE,
	[STMT_L_RELEASE] =
	    "UPDATE loans SET status = 'published', fi_id = NULL, officer_id = NULL,"
	    " product_id = NULL, taken_at = NULL, reclaim_at = NULL,"
	    " open_at = UTC_TIMESTAMP(), take_due_at = NULLIF(?, ''),"
	    " expire_at = NULLIF(?, '')," L_BUMP L_WHERE,
	[STMT_L_APPROVE] =
	    "UPDATE loans SET status = 'approved', outcome = 'approved',"
	    " approved_amount_wan = ?, approved_term_months = ?, rate_bp = ?,"
	    " conditions = ?, decided_at = UTC_TIMESTAMP()," L_BUMP L_WHERE,
	[STMT_L_DECLINE] =
	    "UPDATE loans SET status = 'declined', outcome = 'declined',"
	    " decline_kind = ?, decline_reason = ?, decided_at = UTC_TIMESTAMP(),"
	    " closed_at = UTC_TIMESTAMP()," L_BUMP L_WHERE,
	[STMT_L_DISBURSE] =
	    "UPDATE loans SET status = 'disbursed', disbursed_amount_wan = ?,"
	    " disbursed_on = ?, contract_no = ?, closed_at = UTC_TIMESTAMP(),"
	    L_BUMP L_WHERE,
	[STMT_L_CONSENT] =
	    "SELECT l.enterprise_id FROM loans l WHERE l.id = ? AND l.fi_id = ?"
	    " AND l.status NOT IN ('draft', 'published')"
	    " AND l.consent_at IS NOT NULL AND l.consent_revoked_at IS NULL"
	    " AND (l.closed_at IS NULL OR l.closed_at >= UTC_TIMESTAMP() - INTERVAL 30 DAY)"
	    " LOCK IN SHARE MODE",
	/* id, fi, region, fi: an open one another FI took up meanwhile */
	[STMT_L_LOST] =
	    "SELECT l.id, l.status FROM loans l WHERE l.id = ?"
	    " AND l.product_id IS NULL AND l.fi_id IS NOT NULL AND l.fi_id <> ?"
	    " AND l.status NOT IN ('draft', 'published')"
	    " AND (l.region_code = ? OR EXISTS (SELECT 1"
	    "  FROM products sp JOIN product_regions spr ON spr.product_id = sp.id"
	    "  WHERE sp.fi_id = ? AND sp.status = 'published'"
	    "  AND spr.region_code = l.region_code))",
	/* fi: the regions its published products serve (its own: the caller) */
	[STMT_L_FI_REGIONS] =
	    "SELECT DISTINCT spr.region_code FROM products sp"
	    " JOIN product_regions spr ON spr.product_id = sp.id"
	    " WHERE sp.fi_id = ? AND sp.status = 'published'",
	[STMT_L_FI_COUNT] = L_FI_COUNT(L_FI_ALLC),
	[STMT_L_FI_COUNT_ST] = L_FI_COUNT(L_FI_ST),
	[STMT_L_FI_SEARCH] = L_COLS L_FI_PAGE(L_FI_ALL),
	[STMT_L_FI_SEARCH_ST] = L_COLS L_FI_PAGE(L_FI_ST),
	/* take due, expire; the enterprise takes it back, open again */
	[STMT_L_REPUBLISH] =
	    "UPDATE loans SET status = 'published', fi_id = NULL, officer_id = NULL,"
	    " product_id = NULL, taken_at = NULL, reclaim_at = NULL,"
	    " published_at = UTC_TIMESTAMP(), open_at = UTC_TIMESTAMP(),"
	    " take_due_at = NULLIF(?, ''), expire_at = NULLIF(?, '')," L_BUMP L_WHERE,
	/* after id: the live ones, by id, for loan_clock_refresh */
	[STMT_L_CLOCK_LIVE] =
	    "SELECT l.id, l.status, l.product_id IS NOT NULL,"
	    " " TS("COALESCE(l.open_at, l.published_at, l.created_at)") ","
	    " " TS("l.taken_at") ", " TS("l.take_due_at") ", " TS("l.expire_at") ","
	    " " TS("l.reclaim_at")
	    " FROM loans l WHERE l.status IN ('published', 'taken') AND l.id > ?"
	    " ORDER BY l.id LIMIT 500",
	/* open, take due, expire, reclaim; id, status (derived: no version) */
	[STMT_L_CLOCK_SET] =
	    "UPDATE loans SET open_at = COALESCE(NULLIF(?, ''), open_at),"
	    " take_due_at = NULLIF(?, ''),"
	    " expire_at = NULLIF(?, ''), reclaim_at = NULLIF(?, '')"
	    " WHERE id = ? AND status = ?",
	[STMT_L_EXPIRE_DUE] =
	    "SELECT l.id FROM loans l WHERE l.status = 'published'"
	    " AND l.expire_at <= UTC_TIMESTAMP() ORDER BY l.expire_at, l.id LIMIT ?",
};

static const struct db_module mod = { DBM_FINANCE_LOAN, STMT_L__MAX, sql };

static const char *
nz(const char *s)
{
	return s != NULL ? s : "";
}

const char *
loan_scope_mode(const struct scope *sc)
{
	if (sc->kind == SCOPE_SYSTEM)
		return "all";
	if (sc->role == ROLE_OPERATOR || sc->role == ROLE_SUPERVISOR)
		return "region";
	if (sc->role == ROLE_FI && strcmp(nz(sc->org_kind), "fi") == 0)
		return "fi";
	if (sc->role == ROLE_ENTERPRISE && strcmp(nz(sc->org_kind), "enterprise") == 0)
		return "ent";
	return "none";
}

static void
scope_params(const struct scope *sc, struct db_param p[L_NSCOPE])
{
	p[0] = DB_STR(loan_scope_mode(sc));
	p[1] = DB_STR(sc->region);
	p[2] = DB_STR(sc->region);
	p[3] = DB_INT(sc->org_id);
	p[4] = DB_INT(sc->org_id);
	p[5] = DB_STR(sc->region);
	p[6] = DB_INT(sc->org_id);
}

/*
 * The count and list statements of scope sc and their scope parameters
 * into p (at most L_NSCOPE): the direct ones of an enterprise, a city's
 * offices and the province's (L_ENT, L_CITY, L_PROV), the CASE's for the
 * rest.  Returns the number of parameters.
 */
static int
direct_of(const struct scope *sc, struct db_param p[L_NSCOPE], int *count,
    int *search)
{
	const char *mode = loan_scope_mode(sc);

	if (strcmp(mode, "ent") == 0) {
		*count = STMT_L_COUNT_ENT;
		*search = STMT_L_SEARCH_ENT;
		p[0] = DB_INT(sc->org_id);
		return 1;
	}
	if (strcmp(mode, "region") == 0 &&
	    strcmp(nz(sc->region), REGION_PROVINCE) == 0) {
		*count = STMT_L_COUNT_PROV;
		*search = STMT_L_SEARCH_PROV;
		return 0;
	}
	if (strcmp(mode, "region") == 0) {
		*count = STMT_L_COUNT_CITY;
		*search = STMT_L_SEARCH_CITY;
		p[0] = DB_STR(sc->region);
		return 1;
	}
	*count = STMT_L_COUNT;
	*search = STMT_L_SEARCH;
	scope_params(sc, p);
	return L_NSCOPE;
}

static void
loan_from_row(const struct db_rows *r, struct arena *a, struct loan *o)
{
	int k;

	memset(o, 0, sizeof *o);
	o->id = db_col_int(r, 0);
	loan_number(o->id, o->number);
	o->enterprise_id = db_col_int(r, 1);
	o->ent_name = db_col_text(r, a, 2);
	o->uscc = db_col_text(r, a, 3);
	o->region = db_col_text(r, a, 4);
	o->region_name = db_col_text(r, a, 5);
	o->product_id = db_col_int(r, 6);
	o->product_name = db_col_text(r, a, 7);
	o->fi_id = db_col_int(r, 8);
	o->fi_name = db_col_text(r, a, 9);
	o->officer_id = db_col_int(r, 10);
	o->officer_name = db_col_text(r, a, 11);
	o->amount_wan = db_col_int(r, 12);
	o->term_months = db_col_int(r, 13);
	o->purpose = db_col_text(r, a, 14);
	o->guarantee = db_col_text(r, a, 15);
	k = loan_status_parse(db_col_str(r, 16));
	o->status = k < 0 ? LS_EXPIRED : (enum loan_status)k;
	o->approved_amount_wan = db_col_int(r, 17);
	o->approved_term_months = db_col_int(r, 18);
	o->rate_bp = (int)db_col_int(r, 19);
	o->conditions = db_col_text(r, a, 20);
	o->decline_kind = enum_parse(loan_decline_names, LD__MAX, db_col_str(r, 21));
	o->decline_reason = db_col_text(r, a, 22);
	o->disbursed_amount_wan = db_col_int(r, 23);
	o->disbursed_on = db_col_text(r, a, 24);
	o->contract_no = db_col_text(r, a, 25);
	o->consent = db_col_int(r, 26) != 0;
	o->consent_live = db_col_int(r, 27) != 0;
	o->consent_at = db_col_text(r, a, 28);
	o->consent_revoked_at = db_col_text(r, a, 29);
	o->version = (unsigned)db_col_int(r, 30);
	o->created_at = db_col_text(r, a, 31);
	o->updated_at = db_col_text(r, a, 32);
	o->published_at = db_col_text(r, a, 33);
	o->taken_at = db_col_text(r, a, 34);
	o->decided_at = db_col_text(r, a, 35);
	o->closed_at = db_col_text(r, a, 36);
	o->open_at = db_col_text(r, a, 37);
	o->take_due_at = db_col_text(r, a, 38);
	o->expire_at = db_col_text(r, a, 39);
	o->reclaim_at = db_col_text(r, a, 40);
	o->overdue = db_col_int(r, 41) != 0;
	o->reclaimable = db_col_int(r, 42) != 0;
}

enum err
loan_get(struct db *db, struct arena *a, const struct scope *sc, long long id,
    struct loan *out)
{
	struct db_param	 p[1 + L_NSCOPE];
	struct db_rows	*rows;
	enum err	 rc;
	int		 n;

	p[0] = DB_INT(id);
	scope_params(sc, p + 1);
	if ((rc = db_query(db, a, &mod, STMT_L_GET, p, 1 + L_NSCOPE, &rows)) != ERR_OK)
		return rc;
	if ((n = db_next(rows)) == 1)
		loan_from_row(rows, a, out);
	else
		rc = n == 0 ? ERR_NOTFOUND : db_rows_error(db);
	db_rows_free(rows);
	return rc;
}

/* The regions FI scope `sc` serves into r[] (its own first), at most
 * L_FI_SLOTS; *n = L_FI_SLOTS + 1 when it serves more. */
static enum err
fi_regions(struct db *db, struct arena *a, const struct scope *sc,
    const char *r[L_FI_SLOTS], size_t *n)
{
	struct db_param	 p[] = { DB_INT(sc->org_id) };
	struct db_rows	*rows;
	const char	*code;
	enum err	 rc;
	int		 k;

	*n = 0;
	r[(*n)++] = nz(sc->region);
	if ((rc = db_query(db, a, &mod, STMT_L_FI_REGIONS, p, 1, &rows)) != ERR_OK)
		return rc;
	while ((k = db_next(rows)) == 1) {
		if ((code = db_col_text(rows, a, 0)) == NULL) {
			db_rows_free(rows);
			return ERR_NOMEM;
		}
		if (strcmp(code, r[0]) == 0)
			continue;
		if (*n == L_FI_SLOTS) {
			*n = L_FI_SLOTS + 1;
			break;
		}
		r[(*n)++] = code;
	}
	db_rows_free(rows);
	return k == -1 ? db_rows_error(db) : ERR_OK;
}

/*
 * loan_search for an FI's user (see L_FI_SLOTS): ERR_NOTFOUND when the FI
 * serves too many regions for these statements (the caller takes the
 * CASE).  The count stops at LOAN_COUNT_CAP (out->capped); pages beyond
 * LOAN_DEPTH_MAX rows are empty.
 */
static enum err
search_fi(struct db *db, struct arena *a, const struct scope *sc, int status,
    size_t page, size_t per, struct loan_list *out)
{
	const char	*reg[L_FI_SLOTS];
	struct db_param	 p[2 + 1 + 2 * L_FI_SLOTS + 2];
	struct db_rows	*rows;
	size_t		 nreg, np = 0, k;
	bool		 open = status < 0 || status == LS_PUBLISHED;
	enum err	 rc;
	int		 n;

	if ((rc = fi_regions(db, a, sc, reg, &nreg)) != ERR_OK)
		return rc;
	if (nreg > L_FI_SLOTS)
		return ERR_NOTFOUND;
	if (status == LS_DRAFT || page * per >= LOAN_DEPTH_MAX)
		return ERR_OK;		/* drafts: never an FI's */
	/* the count: the FI's part, then the open part's regions */
	p[np++] = DB_INT(sc->org_id);
	if (status >= 0)
		p[np++] = DB_STR(status_names[status]);
	p[np++] = DB_INT(LOAN_COUNT_CAP + 1);
	for (size_t i = 0; i < L_FI_SLOTS; i++)
		p[np++] = DB_STR(open && i < nreg ? reg[i] : "");
	p[np++] = DB_INT(LOAN_COUNT_CAP + 1);
	if ((rc = db_query(db, a, &mod, status >= 0 ? STMT_L_FI_COUNT_ST :
	    STMT_L_FI_COUNT, p, np, &rows)) != ERR_OK)
		return rc;
	if ((n = db_next(rows)) == -1)
		return db_rows_error(db);
	out->total = n == 1 ? db_col_int(rows, 0) : 0;
	db_rows_free(rows);
	if (out->total > LOAN_COUNT_CAP) {
		out->total = LOAN_COUNT_CAP;
		out->capped = true;
	}
	/* the page: each part up to the page's end and one more row */
	k = page * per + per + 1;
	np = status >= 0 ? 2 : 1;
	p[np++] = DB_INT(k);
	for (size_t i = 0; i < L_FI_SLOTS; i++) {
		p[np++] = DB_STR(open && i < nreg ? reg[i] : "");
		p[np++] = DB_INT(k);
	}
	p[np++] = DB_INT(per + 1);
	p[np++] = DB_INT(page * per);
	if ((rc = db_query(db, a, &mod, status >= 0 ? STMT_L_FI_SEARCH_ST :
	    STMT_L_FI_SEARCH, p, np, &rows)) != ERR_OK)
		return rc;
	while ((n = db_next(rows)) == 1) {
		if (out->n == per) {
			out->more = true;
			continue;
		}
		loan_from_row(rows, a, &out->v[out->n++]);
	}
	db_rows_free(rows);
	if (n == -1) {
		out->n = 0;
		out->more = false;
		return db_rows_error(db);
	}
	return ERR_OK;
}

static void
filter_params(const struct loan_filter *f, struct db_param p[L_NFILTER])
{
	const char *st = f->status >= 0 && f->status < LS__MAX ?
	    status_names[f->status] : "";

	p[0] = DB_STR(st);
	p[1] = DB_STR(st);
	p[2] = DB_INT(f->overdue ? 1 : 0);
	p[3] = DB_INT(f->officer);
	p[4] = DB_INT(f->officer);
}

enum err
loan_count(struct db *db, struct arena *a, const struct scope *sc,
    const struct loan_filter *f, long long *total)
{
	struct db_param	 p[L_NSCOPE + L_NFILTER];
	struct db_rows	*rows;
	enum err	 rc;
	int		 n, np, count, search;

	*total = 0;
	np = direct_of(sc, p, &count, &search);
	filter_params(f, p + np);
	if ((rc = db_query(db, a, &mod, count, p, (size_t)np + L_NFILTER,
	    &rows)) != ERR_OK)
		return rc;
	if ((n = db_next(rows)) == 1)
		*total = db_col_int(rows, 0);
	else if (n == -1)
		rc = db_rows_error(db);
	db_rows_free(rows);
	return rc;
}

enum err
loan_count_by_status(struct db *db, struct arena *a, const struct scope *sc,
    long long n[LS__MAX])
{
	struct db_param	 p[L_NSCOPE];
	struct db_rows	*rows;
	enum err	 rc;
	int		 k, s;

	memset(n, 0, LS__MAX * sizeof n[0]);
	scope_params(sc, p);
	if ((rc = db_query(db, a, &mod, STMT_L_STATUS_COUNT, p, L_NSCOPE,
	    &rows)) != ERR_OK)
		return rc;
	while ((k = db_next(rows)) == 1)
		if ((s = loan_status_parse(db_col_str(rows, 0))) >= 0)
			n[s] = db_col_int(rows, 1);
	db_rows_free(rows);
	if (k == -1) {
		memset(n, 0, LS__MAX * sizeof n[0]);
		return db_rows_error(db);
	}
	return ERR_OK;
}

enum err
loan_search_filter(struct db *db, struct arena *a, const struct scope *sc,
    const struct loan_filter *f, size_t page, size_t per, struct loan_list *out)
{
	struct db_param	 p[L_NSCOPE + L_NFILTER + 2];
	struct db_rows	*rows;
	enum err	 rc;
	int		 n = 0, np, count, search;

	memset(out, 0, sizeof *out);
	if (per == 0)
		per = 1;
	if ((out->v = arena_calloc(a, per + 1, sizeof *out->v)) == NULL)
		return ERR_NOMEM;
	/* an FI's list along its indexes (search_fi); the overdue filter,
	 * a manager's, and an officer's own take the general statement */
	if (strcmp(loan_scope_mode(sc), "fi") == 0 && !f->overdue &&
	    f->officer == 0 &&
	    (rc = search_fi(db, a, sc, f->status, page, per, out)) != ERR_NOTFOUND)
		return rc;
	out->n = 0;
	out->total = 0;
	out->capped = out->more = false;
	if ((rc = loan_count(db, a, sc, f, &out->total)) != ERR_OK)
		return rc;
	np = direct_of(sc, p, &count, &search);
	filter_params(f, p + np);
	p[np + L_NFILTER] = DB_INT(per);
	p[np + L_NFILTER + 1] = DB_INT(page * per);
	if ((rc = db_query(db, a, &mod, search, p, (size_t)np + L_NFILTER + 2,
	    &rows)) != ERR_OK)
		return rc;
	while (out->n < per && (n = db_next(rows)) == 1)
		loan_from_row(rows, a, &out->v[out->n++]);
	if (n == -1) {
		out->n = 0;
		return db_rows_error(db);
	}
	db_rows_free(rows);
	return ERR_OK;
}

enum err
loan_search(struct db *db, struct arena *a, const struct scope *sc, int status,
    size_t page, size_t per, struct loan_list *out)
{
	struct loan_filter f = { status, false, 0 };

	return loan_search_filter(db, a, sc, &f, page, per, out);
}

static void
event_fill(const struct db_rows *r, struct arena *a, void *elem)
{
	struct loan_event *e = elem;

	e->at = db_col_text(r, a, 0);
	e->action = db_col_text(r, a, 1);
	e->from = db_col_text(r, a, 2);
	e->to = db_col_text(r, a, 3);
	e->org_kind = db_col_text(r, a, 4);
	e->org_name = db_col_text(r, a, 5);
	e->user_name = db_col_text(r, a, 6);
	e->note = db_col_text(r, a, 7);
}

enum err
loan_events(struct db *db, struct arena *a, long long id, struct loan_event **v,
    size_t *n)
{
	struct db_param p[] = { DB_INT(id) };

	return db_query_list(db, a, &mod, STMT_L_EVENTS, p, 1, sizeof **v,
	    event_fill, (void **)v, n);
}

/* The organisation acting: the scope's, "" for the system. */
static const char *
org_kind_of(const struct scope *sc)
{
	return sc->kind == SCOPE_SYSTEM ? "" : nz(sc->org_kind);
}

/*
 * What the enterprise is told at the steps of the bank that concern it
 * (issue 14): a notice for each of its users with an SMS of the title, in
 * the step's transaction (lib/accounts/inbox.h), linking the application.
 */
static const struct {
	enum loan_action	 act;
	const char		*kind, *title, *body;
} loan_notes[] = {
	{ LA_TAKE, "loan.taken", "您的信贷申请已被金融机构受理",
	    "金融机构已受理您的信贷申请，并可能通过平台向您了解情况，请留意本页消息。" },
	{ LA_RELEASE, "loan.released", "您的信贷申请已由金融机构退回",
	    "受理的金融机构已退回您的信贷申请，申请已重新向本地区的金融机构开放。" },
	{ LA_APPROVE, "loan.approved", "您的信贷申请已获批准",
	    "金融机构已批准您的信贷申请，请在申请页面查看批准的金额、期限、利率和条件。" },
	{ LA_DECLINE, "loan.declined", "您的信贷申请未获批准",
	    "金融机构未批准您的信贷申请，请在申请页面查看原因。" },
	{ LA_DISBURSE, "loan.disbursed", "您的贷款已发放",
	    "金融机构已报告放款，请在申请页面查看放款金额和日期。" },
	{ LA_EXPIRE, "loan.expired", "您的信贷申请已过期",
	    "您的信贷申请发布后 20 个工作日内没有金融机构受理，已过期关闭。如仍有融资需求，请重新提交申请。" },
};

static enum err
loan_notify(struct db *db, const struct loan_event_info *e)
{
	char link[48];

	for (size_t i = 0; i < sizeof loan_notes / sizeof loan_notes[0]; i++) {
		struct inbox_note n = { loan_notes[i].kind, loan_notes[i].title,
		    loan_notes[i].body, link, true };

		if (loan_notes[i].act != e->action)
			continue;
		snprintf(link, sizeof link, "/loans/%lld", e->loan_id);
		return inbox_add_org(db, "enterprise", e->enterprise_id, &n, NULL);
	}
	return ERR_OK;
}

/* The timeline row of a step and the hook, in the step's transaction. */
static enum err
event_add(struct db *db, const struct audit_actor *actor, const struct scope *sc,
    long long loan_id, long long ent_id, long long fi_id, enum loan_action act,
    int from, int to, const char *note)
{
	struct loan_event_info	 info = { loan_id, ent_id, fi_id, act, from, to, actor };
	struct db_param		 p[] = { DB_INT(loan_id), DB_INT(actor->user_id),
	    DB_STR(org_kind_of(sc)), DB_INT(sc->kind == SCOPE_SYSTEM ? 0 : sc->org_id),
	    DB_STR(act < LA__MAX ? action_names[act] : "create"),
	    DB_STR(from >= 0 ? status_names[from] : ""), DB_STR(status_names[to]),
	    DB_STR(nz(note)) };
	enum err		 rc;

	if ((rc = db_exec(db, &mod, STMT_L_EVENT_ADD, p, 8, NULL, NULL)) != ERR_OK ||
	    (rc = loan_notify(db, &info)) != ERR_OK)
		return rc;
	return loan_event_hook != NULL ? loan_event_hook(db, &info) : ERR_OK;
}

/* The FI of a published product serving `region` into *fi_id; ERR_INVAL
 * when there is none.  0 for none asked. */
static enum err
product_fi(struct db *db, struct arena *a, long long product_id,
    const char *region, long long *fi_id)
{
	struct db_param	 p[] = { DB_INT(product_id), DB_STR(nz(region)) };
	struct db_rows	*rows;
	enum err	 rc;
	int		 n;

	*fi_id = 0;
	if (product_id <= 0)
		return ERR_OK;
	if ((rc = db_query(db, a, &mod, STMT_L_PRODUCT, p, 2, &rows)) != ERR_OK)
		return rc;
	if ((n = db_next(rows)) == 1)
		*fi_id = db_col_int(rows, 0);
	else
		rc = n == 0 ? ERR_INVAL : db_rows_error(db);
	db_rows_free(rows);
	return rc;
}

/* ERR_FORBIDDEN when FI fi_id has enterprise ent_id on its unwelcome
 * list now: an application to it is refused (Art. 15 (3)).  0 for no FI
 * named. */
static enum err
unwelcome(struct db *db, struct arena *a, long long ent_id, long long fi_id)
{
	struct db_param	 p[] = { DB_INT(ent_id), DB_INT(fi_id) };
	struct db_rows	*rows;
	enum err	 rc;
	int		 n;

	if (fi_id <= 0)
		return ERR_OK;
	if ((rc = db_query(db, a, &mod, STMT_L_UNWELCOME, p, 2, &rows)) != ERR_OK)
		return rc;
	n = db_next(rows);
	db_rows_free(rows);
	if (n == -1)
		return db_rows_error(db);
	return n == 1 ? ERR_FORBIDDEN : ERR_OK;
}

/*
 * The limits of a take-up clock started today (Beijing): take-up due
 * (addressed or open) and expiry, into take and expire.  Calendar errors.
 */
static enum err
clock_open(struct db *db, struct arena *a, const struct bj_day *from,
    bool addressed, char take[LOAN_CLOCK_LEN], char expire[LOAN_CLOCK_LEN])
{
	struct calendar	cal;
	enum err	rc;

	if ((rc = loan_clock_calendar(db, a, from->y, &cal)) != ERR_OK)
		return rc;
	if (loan_clock_due(&cal, from, loan_clock_take_days(addressed), take) != 0 ||
	    loan_clock_due(&cal, from, LOAN_EXPIRE, expire) != 0)
		return ERR_INVAL;
	return ERR_OK;
}

struct create_ctx {
	const struct audit_actor *actor;
	long long		 ent_id;
	const char		*region;
	const struct loan_input	*in;
	bool			 publish;
	long long		 id;
};

static enum err
create_body(struct db *db, struct arena *a, void *arg)
{
	struct create_ctx	*c = arg;
	const struct loan_input	*in = c->in;
	const char		*st = status_names[c->publish ? LS_PUBLISHED : LS_DRAFT];
	unsigned long long	 newid = 0;
	long long		 fi = 0;
	struct scope		 sc;
	char			 oid[24], num[LOAN_NUMBER_LEN];
	char			 take[LOAN_CLOCK_LEN] = "", expire[LOAN_CLOCK_LEN] = "";
	struct bj_day		 today;
	enum err		 rc;

	if ((rc = product_fi(db, a, in->product_id, c->region, &fi)) != ERR_OK ||
	    (rc = unwelcome(db, a, c->ent_id, fi)) != ERR_OK)
		return rc;
	loan_clock_today(&today);
	if (c->publish &&
	    (rc = clock_open(db, a, &today, fi > 0, take, expire)) != ERR_OK)
		return rc;
	{
		struct db_param p[] = { DB_INT(c->ent_id), DB_STR(nz(c->region)),
		    DB_INT(in->product_id), DB_INT(fi), DB_INT(c->actor->user_id),
		    DB_INT(in->amount_wan), DB_INT(in->term_months),
		    DB_STR(nz(in->purpose)), DB_STR(nz(in->guarantee)), DB_STR(st),
		    DB_STR(st), DB_STR(st), DB_STR(st), DB_STR(take), DB_STR(expire) };

		if ((rc = db_exec(db, &mod, STMT_L_INSERT, p, 15, NULL, &newid)) != ERR_OK)
			return rc;
	}
	c->id = (long long)newid;
	memset(&sc, 0, sizeof sc);
	sc.kind = SCOPE_USER;
	sc.role = ROLE_ENTERPRISE;
	sc.org_kind = "enterprise";
	sc.org_id = c->ent_id;
	if ((rc = event_add(db, c->actor, &sc, c->id, c->ent_id, fi,
	    c->publish ? LA_PUBLISH : LA__MAX, -1,
	    c->publish ? LS_PUBLISHED : LS_DRAFT, "")) != ERR_OK)
		return rc;
	loan_number(c->id, num);
	snprintf(oid, sizeof oid, "%lld", c->id);
	return audit_write(db, c->actor, c->publish ? "loan.publish" : "loan.create",
	    "loan", oid, AUDIT_OK, arena_printf(a, "%s %lld万元 %lld个月%s%s", num,
	    in->amount_wan, in->term_months, fi > 0 ? " fi " : " open",
	    fi > 0 ? arena_printf(a, "%lld", fi) : ""));
}

enum err
loan_create(struct db *db, const struct audit_actor *actor, long long ent_id,
    const char *region, const struct loan_input *in, bool publish, long long *id)
{
	struct create_ctx	c = { actor, ent_id, region, in, publish, 0 };
	enum err		rc;

	if ((rc = db_tx(db, 1024, create_body, &c)) == ERR_OK)
		*id = c.id;
	return rc;
}

/* --- the steps ----------------------------------------------------------- */

/* Who may take an action. */
enum who { W_ENT, W_FI, W_HANDLER, W_MANAGER, W_SYSTEM };

static const enum who action_who[LA__MAX] = {
	[LA_EDIT] = W_ENT, [LA_PUBLISH] = W_ENT, [LA_WITHDRAW] = W_ENT,
	[LA_REVOKE] = W_ENT, [LA_TAKE] = W_FI, [LA_ASSIGN] = W_MANAGER,
	[LA_RELEASE] = W_HANDLER, [LA_APPROVE] = W_HANDLER,
	[LA_DECLINE] = W_HANDLER, [LA_DISBURSE] = W_HANDLER,
	[LA_NOT_TAKEN] = W_HANDLER, [LA_EXPIRE] = W_SYSTEM,
	[LA_REPUBLISH] = W_ENT,
};

/* What the steps read from the locked row and hand on. */
struct lstep {
	const struct scope		*sc;
	const struct loan_input		*in;
	const struct loan_decision	*d;
	unsigned			 version;	/* the row's */
	long long			 fi_id, officer_id, ent_id, product_id;
	char				 region[8];
	bool				 consent;
	bool				 reclaim_due, expire_due;
	char				 open_at[LOAN_CLOCK_LEN];
	/* run->denied: read by step_run after the scratch arena is gone */
	char				 denied[64];
};

static enum err
step_locked(struct step_run *run)
{
	struct lstep		*ls = run->ctx;
	const char		*mode = loan_scope_mode(ls->sc);
	enum loan_action	 act = (enum loan_action)run->step->action;
	bool			 ok;

	ls->version = (unsigned)db_col_int(run->row, 1);
	ls->fi_id = db_col_int(run->row, 2);
	ls->officer_id = db_col_int(run->row, 3);
	ls->ent_id = db_col_int(run->row, 4);
	snprintf(ls->region, sizeof ls->region, "%s", nz(db_col_str(run->row, 5)));
	ls->product_id = db_col_int(run->row, 6);
	ls->consent = db_col_int(run->row, 7) != 0;
	snprintf(ls->open_at, sizeof ls->open_at, "%s", nz(db_col_str(run->row, 8)));
	ls->reclaim_due = db_col_int(run->row, 9) != 0;
	ls->expire_due = db_col_int(run->row, 10) != 0;
	switch (action_who[act]) {
	case W_ENT:
		ok = strcmp(mode, "ent") == 0 && ls->ent_id == ls->sc->org_id;
		break;
	case W_FI:
		ok = strcmp(mode, "fi") == 0 &&
		    (ls->fi_id == 0 || ls->fi_id == ls->sc->org_id);
		break;
	case W_MANAGER:
		ok = strcmp(mode, "fi") == 0 && ls->fi_id == ls->sc->org_id &&
		    ls->d != NULL && ls->d->manager;
		break;
	case W_HANDLER:
		ok = strcmp(mode, "fi") == 0 && ls->fi_id == ls->sc->org_id;
		break;
	default:
		ok = ls->sc->kind == SCOPE_SYSTEM;
		break;
	}
	if (!ok) {
		snprintf(ls->denied, sizeof ls->denied, "loan %s: not the %s's",
		    action_names[act], action_who[act] == W_ENT ? "enterprise" :
		    action_who[act] == W_MANAGER ? "FI manager" :
		    action_who[act] == W_SYSTEM ? "system" : "handling FI");
		run->denied = ls->denied;
		return ERR_FORBIDDEN;
	}
	if (act == LA_REVOKE && !ls->consent)
		return ERR_CONFLICT;
	/* the cells that hold only past a time limit (loan_clock.h) */
	if ((act == LA_REPUBLISH && !ls->reclaim_due) ||
	    (act == LA_EXPIRE && !ls->expire_due))
		return ERR_CONFLICT;
	return ERR_OK;
}

/* Runs an update; ERR_CONFLICT unless exactly one row changed. */
static enum err
update1(struct step_run *run, int stmt, const struct db_param *p, size_t np)
{
	unsigned long long	changed = 0;
	enum err		rc;

	if ((rc = db_exec(run->db, &mod, stmt, p, np, &changed, NULL)) != ERR_OK)
		return rc;
	return changed == 1 ? ERR_OK : ERR_CONFLICT;
}

static bool
closes(int to)
{
	return to == LS_DECLINED || to == LS_DISBURSED || to == LS_NOT_TAKEN ||
	    to == LS_WITHDRAWN || to == LS_EXPIRED;
}

static enum err
step_change(struct step_run *run)
{
	struct lstep			*ls = run->ctx;
	const struct loan_decision	*d = ls->d;
	enum loan_action		 act = (enum loan_action)run->step->action;
	const char			*from = status_names[run->from];
	const char			*from_s = from;
	const char			*to = status_names[run->to];
	const char			*note = "";
	long long			 fi = ls->fi_id;
	char				 take[LOAN_CLOCK_LEN] = "";
	char				 expire[LOAN_CLOCK_LEN] = "";
	struct bj_day			 today, since;
	enum err			 rc;
	/* the tail of every update: id, from-status, the row's version */
#define TAIL	DB_INT(run->id), DB_STR(from), DB_INT(ls->version)

	switch (act) {
	case LA_EDIT:
	case LA_PUBLISH: {
		const struct loan_input *in = ls->in;

		if (in == NULL)
			return ERR_INVAL;
		if ((rc = product_fi(run->db, run->a, in->product_id, ls->region, &fi)) != ERR_OK)
			return rc;
		if ((rc = unwelcome(run->db, run->a, ls->ent_id, fi)) != ERR_OK) {
			run->denied = "the FI has the enterprise on its unwelcome list";
			return rc;
		}
		/* published: the limits of its clock, from today or from its
		 * opening (an edit may address it, or open it) */
		loan_clock_today(&today);
		since = today;
		if (act == LA_EDIT && loan_clock_day(ls->open_at, &since) != 0)
			since = today;
		if (run->to == LS_PUBLISHED && (rc = clock_open(run->db, run->a,
		    &since, fi > 0, take, expire)) != ERR_OK)
			return rc;
		struct db_param p[] = { DB_INT(in->amount_wan), DB_INT(in->term_months),
		    DB_STR(nz(in->purpose)), DB_STR(nz(in->guarantee)),
		    DB_INT(in->product_id), DB_INT(fi), DB_STR(to), DB_STR(to),
		    DB_STR(to), DB_STR(act == LA_PUBLISH ? to : ""),
		    DB_STR(act == LA_PUBLISH ? to : ""), DB_STR(take), DB_STR(expire),
		    TAIL };

		/* consent and disclaimer checked again: publishing needs both */
		if (act == LA_PUBLISH && (!in->consent || !in->disclaimer))
			return ERR_INVAL;
		/* an edit keeps the consent and published_at as they were */
		if (act == LA_EDIT) {
			p[7] = DB_STR("");
			p[8] = DB_STR("");
		}
		rc = update1(run, STMT_L_EDIT, p, sizeof p / sizeof p[0]);
		break;
	}
	case LA_REVOKE: {
		struct db_param p[] = { TAIL };

		rc = update1(run, STMT_L_REVOKE, p, 3);
		break;
	}
	case LA_TAKE: {
		struct calendar	cal;

		/* the reclaim limit: LOAN_RECLAIM working days from today */
		loan_clock_today(&today);
		if ((rc = loan_clock_calendar(run->db, run->a, today.y, &cal)) != ERR_OK)
			return rc;
		if (loan_clock_due(&cal, &today, LOAN_RECLAIM, take) != 0)
			return ERR_INVAL;
		struct db_param p[] = { DB_INT(ls->sc->org_id), DB_INT(run->actor->user_id),
		    DB_STR(take), TAIL, DB_INT(ls->sc->org_id) };

		fi = ls->sc->org_id;
		rc = update1(run, STMT_L_TAKE, p, 7);
		break;
	}
	case LA_ASSIGN: {
		struct db_param	 q[] = { DB_INT(d->officer_id), DB_INT(ls->fi_id) };
		struct db_param	 p[] = { DB_INT(d->officer_id), TAIL };
		struct db_rows	*rows;
		int		 n;

		if ((rc = db_query(run->db, run->a, &mod, STMT_L_OFFICER, q, 2, &rows)) != ERR_OK)
			return rc;
		if ((n = db_next(rows)) == 1)
			note = db_col_text(rows, run->a, 0);
		db_rows_free(rows);
		if (n != 1)
			return n == 0 ? ERR_INVAL : db_rows_error(run->db);
		rc = update1(run, STMT_L_ASSIGN, p, 4);
		break;
	}
	case LA_RELEASE: {
		struct db_param p[5];

		if (d == NULL || d->reason == NULL || *d->reason == '\0')
			return ERR_INVAL;
		note = d->reason;
		loan_clock_today(&today);
		if ((rc = clock_open(run->db, run->a, &today, false, take, expire)) != ERR_OK)
			return rc;
		p[0] = DB_STR(take);
		p[1] = DB_STR(expire);
		p[2] = DB_INT(run->id);
		p[3] = DB_STR(from_s);
		p[4] = DB_INT(ls->version);
		rc = update1(run, STMT_L_RELEASE, p, 5);
		break;
	}
	case LA_REPUBLISH: {
		struct db_param p[5];

		/* the clock of an open application starts again today */
		loan_clock_today(&today);
		if ((rc = clock_open(run->db, run->a, &today, false, take, expire)) != ERR_OK)
			return rc;
		p[0] = DB_STR(take);
		p[1] = DB_STR(expire);
		p[2] = DB_INT(run->id);
		p[3] = DB_STR(from_s);
		p[4] = DB_INT(ls->version);
		rc = update1(run, STMT_L_REPUBLISH, p, 5);
		break;
	}
	case LA_APPROVE: {
		if (d == NULL || d->amount_wan < 1 || d->term_months < 1 || d->rate_bp < 1)
			return ERR_INVAL;
		struct db_param p[] = { DB_INT(d->amount_wan), DB_INT(d->term_months),
		    DB_INT(d->rate_bp), DB_STR(nz(d->conditions)), TAIL };

		note = nz(d->conditions);
		rc = update1(run, STMT_L_APPROVE, p, 7);
		break;
	}
	case LA_DECLINE: {
		if (d == NULL || d->reason == NULL || *d->reason == '\0' ||
		    d->decline_kind < 0 || d->decline_kind >= LD__MAX)
			return ERR_INVAL;
		struct db_param p[] = { DB_STR(loan_decline_names[d->decline_kind]),
		    DB_STR(d->reason), TAIL };

		note = d->reason;
		rc = update1(run, STMT_L_DECLINE, p, 5);
		break;
	}
	case LA_DISBURSE: {
		if (d == NULL || d->amount_wan < 1 || d->date == NULL ||
		    *d->date == '\0' || d->contract_no == NULL || *d->contract_no == '\0')
			return ERR_INVAL;
		struct db_param p[] = { DB_INT(d->amount_wan), DB_STR(d->date),
		    DB_STR(d->contract_no), TAIL };

		note = d->contract_no;
		rc = update1(run, STMT_L_DISBURSE, p, 6);
		break;
	}
	default: {	/* withdraw, not taken, expire: the status alone */
		struct db_param p[] = { DB_STR(to), DB_INT(closes(run->to)), TAIL };

		rc = update1(run, STMT_L_MOVE, p, 5);
		break;
	}
	}
#undef TAIL
	if (rc != ERR_OK)
		return rc;
	if (act == LA_RELEASE || act == LA_REPUBLISH)
		fi = 0;
	if ((rc = event_add(run->db, run->actor, ls->sc, run->id, ls->ent_id, fi,
	    act, run->from, run->to, note)) != ERR_OK)
		return rc;
	snprintf(run->detail, sizeof run->detail, "%s -> %s%s%.200s", from, to,
	    *note != '\0' ? ": " : "", note);
	return ERR_OK;
}

#define LSTEP(a, name) [a] = { &loan_machine, a, &mod, STMT_L_LOCK, true, \
	"loan." name, "loan", step_locked, step_change }
static const struct step steps[LA__MAX] = {
	LSTEP(LA_EDIT, "edit"), LSTEP(LA_PUBLISH, "publish"),
	LSTEP(LA_WITHDRAW, "withdraw"), LSTEP(LA_REVOKE, "revoke"),
	LSTEP(LA_TAKE, "take"), LSTEP(LA_ASSIGN, "assign"),
	LSTEP(LA_RELEASE, "release"), LSTEP(LA_APPROVE, "approve"),
	LSTEP(LA_DECLINE, "decline"), LSTEP(LA_DISBURSE, "disburse"),
	LSTEP(LA_NOT_TAKEN, "not_taken"), LSTEP(LA_EXPIRE, "expire"),
	LSTEP(LA_REPUBLISH, "republish"),
};
#undef LSTEP

enum err
loan_step(struct db *db, const struct audit_actor *actor, const struct scope *sc,
    long long id, unsigned version, enum loan_action act,
    const struct loan_input *in, const struct loan_decision *d)
{
	struct db_param	 p[L_NSCOPE];
	struct lstep	 ls;
	struct step	 s;

	if ((unsigned)act >= LA__MAX)
		return ERR_INVAL;
	memset(&ls, 0, sizeof ls);
	ls.sc = sc;
	ls.in = in;
	ls.d = d;
	s = steps[act];
	/* version 0: the step is not a race on what the actor saw */
	s.versioned = version != 0;
	scope_params(sc, p);
	return step_run(db, &s, actor, p, L_NSCOPE, id, version, &ls);
}

enum err
loan_consent_hold_tx(struct db *db, struct arena *a, long long id,
    long long fi_id, long long *ent_id, char number[LOAN_NUMBER_LEN])
{
	struct db_param	 p[] = { DB_INT(id), DB_INT(fi_id) };
	struct db_rows	*rows;
	enum err	 rc;
	int		 n;

	*ent_id = 0;
	number[0] = '\0';
	if ((rc = db_query(db, a, &mod, STMT_L_CONSENT, p, 2, &rows)) != ERR_OK)
		return rc;
	if ((n = db_next(rows)) == 1) {
		*ent_id = db_col_int(rows, 0);
		loan_number(id, number);
	} else
		rc = n == 0 ? ERR_FORBIDDEN : db_rows_error(db);
	db_rows_free(rows);
	return rc;
}

enum err
loan_get_lost(struct db *db, struct arena *a, const struct scope *sc,
    long long id, struct loan *out)
{
	struct db_param	 p[] = { DB_INT(id), DB_INT(sc->org_id), DB_STR(sc->region),
	    DB_INT(sc->org_id) };
	struct db_rows	*rows;
	enum err	 rc;
	int		 n, k;

	if (strcmp(loan_scope_mode(sc), "fi") != 0)
		return ERR_NOTFOUND;
	if ((rc = db_query(db, a, &mod, STMT_L_LOST, p, 4, &rows)) != ERR_OK)
		return rc;
	if ((n = db_next(rows)) == 1) {
		memset(out, 0, sizeof *out);
		out->id = db_col_int(rows, 0);
		loan_number(out->id, out->number);
		k = loan_status_parse(db_col_str(rows, 1));
		out->status = k < 0 ? LS_EXPIRED : (enum loan_status)k;
		out->fi_id = -1;
		out->decline_kind = -1;
		out->lost = true;
	} else
		rc = n == 0 ? ERR_NOTFOUND : db_rows_error(db);
	db_rows_free(rows);
	return rc;
}

/* The limits a live application should have now (cal's days): for a
 * published one its take-up and expiry from open_at, for a taken-up one
 * its reclaim from taken_at.  0, or -1 for a row without its dates. */
static int
clock_of(const struct calendar *cal, bool taken, bool addressed,
    const char *open_at, const char *taken_at, char take[LOAN_CLOCK_LEN],
    char expire[LOAN_CLOCK_LEN], char reclaim[LOAN_CLOCK_LEN])
{
	struct bj_day from;

	take[0] = expire[0] = reclaim[0] = '\0';
	if (taken)
		return loan_clock_day(taken_at, &from) != 0 ? -1 :
		    loan_clock_due(cal, &from, LOAN_RECLAIM, reclaim);
	if (loan_clock_day(open_at, &from) != 0)
		return -1;
	if (loan_clock_due(cal, &from, loan_clock_take_days(addressed), take) != 0 ||
	    loan_clock_due(cal, &from, LOAN_EXPIRE, expire) != 0)
		return -1;
	return 0;
}

struct clock_row {
	long long	 id;
	bool		 taken, addressed;
	const char	*status, *open_at, *taken_at, *take, *expire, *reclaim;
};

enum err
loan_clock_refresh(struct db *db, long long *changed)
{
	struct arena	*a = arena_new(64 * 1024);
	struct calendar	 cal;
	struct bj_day	 today;
	long long	 after = 0;
	enum err	 rc = ERR_OK;

	*changed = 0;
	if (a == NULL)
		return ERR_NOMEM;
	loan_clock_today(&today);
	/* the years a live application's limits fall in: open 20 working
	 * days at most, reclaim 10 (older ones fall back to Monday-Friday) */
	if ((rc = calendar_load(db, a, today.y - 2, today.y + 1, &cal)) != ERR_OK)
		goto out;
	for (;;) {
		struct db_param	 q[] = { DB_INT(after) };
		struct clock_row v[500];
		struct db_rows	*rows;
		size_t		 n = 0;
		int		 k = 0;

		if ((rc = db_query(db, a, &mod, STMT_L_CLOCK_LIVE, q, 1, &rows)) != ERR_OK)
			goto out;
		while (n < 500 && (k = db_next(rows)) == 1) {
			struct clock_row *c = &v[n++];

			c->id = db_col_int(rows, 0);
			c->status = db_col_text(rows, a, 1);
			c->taken = strcmp(nz(c->status), "taken") == 0;
			c->addressed = db_col_int(rows, 2) != 0;
			c->open_at = db_col_text(rows, a, 3);
			c->taken_at = db_col_text(rows, a, 4);
			c->take = db_col_text(rows, a, 5);
			c->expire = db_col_text(rows, a, 6);
			c->reclaim = db_col_text(rows, a, 7);
		}
		if (n < 500 && k == -1) {
			rc = db_rows_error(db);
			goto out;
		}
		db_rows_free(rows);
		for (size_t i = 0; i < n; i++) {
			struct clock_row	*c = &v[i];
			char			 take[LOAN_CLOCK_LEN], expire[LOAN_CLOCK_LEN];
			char			 reclaim[LOAN_CLOCK_LEN];
			unsigned long long	 done = 0;

			after = c->id;
			if (clock_of(&cal, c->taken, c->addressed, c->open_at,
			    c->taken_at, take, expire, reclaim) != 0)
				continue;
			if (strcmp(take, nz(c->take)) == 0 &&
			    strcmp(expire, nz(c->expire)) == 0 &&
			    strcmp(reclaim, nz(c->reclaim)) == 0)
				continue;
			/* a taken-up one keeps the open_at it had */
			struct db_param p[] = { DB_STR(c->taken ? "" : nz(c->open_at)),
			    DB_STR(take), DB_STR(expire), DB_STR(reclaim),
			    DB_INT(c->id), DB_STR(nz(c->status)) };

			if ((rc = db_exec(db, &mod, STMT_L_CLOCK_SET, p, 6, &done,
			    NULL)) != ERR_OK)
				goto out;
			*changed += (long long)done;
		}
		if (n < 500)
			break;
		arena_reset(a);
		if ((rc = calendar_load(db, a, today.y - 2, today.y + 1, &cal)) != ERR_OK)
			goto out;
	}
out:
	arena_free(a);
	return rc;
}

enum err
loan_expire_due(struct db *db, const struct audit_actor *actor, size_t max,
    long long *expired)
{
	struct arena	*a = arena_new(16 * 1024);
	struct db_param	 q[] = { DB_INT(max) };
	struct db_rows	*rows;
	struct scope	 sc;
	long long	*ids;
	size_t		 n = 0;
	enum err	 rc;
	int		 k = 0;

	*expired = 0;
	if (a == NULL)
		return ERR_NOMEM;
	if ((ids = arena_calloc(a, max + 1, sizeof *ids)) == NULL) {
		arena_free(a);
		return ERR_NOMEM;
	}
	if ((rc = db_query(db, a, &mod, STMT_L_EXPIRE_DUE, q, 1, &rows)) != ERR_OK) {
		arena_free(a);
		return rc;
	}
	while (n < max && (k = db_next(rows)) == 1)
		ids[n++] = db_col_int(rows, 0);
	if (k == -1)
		rc = db_rows_error(db);
	db_rows_free(rows);
	scope_system(&sc);
	for (size_t i = 0; rc == ERR_OK && i < n; i++) {
		enum err st = loan_step(db, actor, &sc, ids[i], 0, LA_EXPIRE, NULL, NULL);

		if (st == ERR_OK)
			(*expired)++;
		else if (st != ERR_CONFLICT && st != ERR_NOTFOUND)
			rc = st;	/* taken up meanwhile: skipped */
	}
	arena_free(a);
	return rc;
}
