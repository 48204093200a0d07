/*
 * product.c -- the SQL and rules of the financing products (product.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/enumname.h"
#include "finance/product.h"

const char *const product_kind_names[PK__MAX + 1] = {
	[PK_CREDIT] = "credit", [PK_MORTGAGE] = "mortgage",
	[PK_GUARANTEE] = "guarantee", [PK_BILL] = "bill",
	[PK_SUPPLY_CHAIN] = "supply_chain", [PK_OTHER] = "other",
	[PK__MAX] = NULL,
};

static const char *const status_names[PS__MAX] = {
	[PS_DRAFT] = "draft", [PS_PUBLISHED] = "published",
	[PS_WITHDRAWN] = "withdrawn", [PS_TAKEN_DOWN] = "taken_down",
};


int
product_kind_parse(const char *s)
{
	return enum_parse(product_kind_names, PK__MAX, s);
}

const char *
product_status_name(enum product_status s)
{
	return (unsigned)s < PS__MAX ? status_names[s] : NULL;
}

static int
status_parse(const char *s)
{
	return enum_parse(status_names, PS__MAX, s);
}

static const char *const action_names[PA__MAX] = {
	[PA_EDIT] = "edit", [PA_PUBLISH] = "publish",
	[PA_WITHDRAW] = "withdraw", [PA_TAKE_DOWN] = "take_down",
};
static const signed char product_next_table[PS__MAX][PA__MAX] = {
	[PS_DRAFT] = { [PA_EDIT] = STEP_TO(PS_DRAFT),
	    [PA_PUBLISH] = STEP_TO(PS_PUBLISHED), [PA_WITHDRAW] = STEP_NO,
	    [PA_TAKE_DOWN] = STEP_TO(PS_TAKEN_DOWN) },
	[PS_PUBLISHED] = { [PA_EDIT] = STEP_TO(PS_PUBLISHED),
	    [PA_PUBLISH] = STEP_NO, [PA_WITHDRAW] = STEP_TO(PS_WITHDRAWN),
	    [PA_TAKE_DOWN] = STEP_TO(PS_TAKEN_DOWN) },
	[PS_WITHDRAWN] = { [PA_EDIT] = STEP_TO(PS_WITHDRAWN),
	    [PA_PUBLISH] = STEP_TO(PS_PUBLISHED), [PA_WITHDRAW] = STEP_NO,
	    [PA_TAKE_DOWN] = STEP_TO(PS_TAKEN_DOWN) },
	/* nothing leaves taken_down */
	[PS_TAKEN_DOWN] = { [PA_EDIT] = STEP_NO, [PA_PUBLISH] = STEP_NO,
	    [PA_WITHDRAW] = STEP_NO, [PA_TAKE_DOWN] = STEP_NO },
};
const struct step_machine product_machine = {
	"product", PS__MAX, PA__MAX, status_names, action_names,
	&product_next_table[0][0],
};

int
product_next(enum product_status from, enum product_action act)
{
	return step_next(&product_machine, (int)from, (int)act);
}

int
product_rate_parse(const char *s, int *bp)
{
	long	 whole = 0, frac = 0;
	int	 nd = 0, nf = 0;
	const char *p = s;

	if (s == NULL)
		return -1;
	for (; *p >= '0' && *p <= '9'; p++, nd++)
		if (nd >= 2 || (whole = whole * 10 + (*p - '0')) > 36)
			return -1;
	if (nd == 0)
		return -1;
	if (*p == '.') {
		p++;
		for (; *p >= '0' && *p <= '9'; p++, nf++) {
			if (nf >= 2)
				return -1;
			frac = frac * 10 + (*p - '0');
		}
		if (nf == 0)
			return -1;
		if (nf == 1)
			frac *= 10;
	}
	if (*p != '\0')
		return -1;
	whole = whole * 100 + frac;
	if (whole < 1 || whole > PRODUCT_RATE_MAX_BP)
		return -1;
	*bp = (int)whole;
	return 0;
}

void
product_rate_format(int bp, char *buf, size_t len)
{
	snprintf(buf, len, "%d.%02d", bp / 100, bp % 100);
}

size_t
product_check(const struct product_input *in, struct product_error *e,
    size_t max)
{
	size_t n = 0;

#define ERR(f, k) do { if (n < max) { e[n].field = (f); e[n].key = (k); } n++; } while (0)
	if (in->kind < 0 || in->kind >= PK__MAX)
		ERR("kind", "product_kind");
	if (in->amount_min > in->amount_max)
		ERR("amount_max", "amount_min_gt_max");
	if (in->term_min > in->term_max)
		ERR("term_max", "term_min_gt_max");
	if (in->rate_min_bp > in->rate_max_bp)
		ERR("rate_max", "rate_min_gt_max");
	if (in->nregions == 0)
		ERR("regions", "product_no_region");
#undef ERR
	return n < max ? n : max;
}

enum {
	STMT_P_GET,
	STMT_P_GET_PUBLIC,
	STMT_P_LOCK,
	STMT_P_CAT_COUNT,
	STMT_P_CAT,
	STMT_P_INSERT,
	STMT_P_UPDATE,
	STMT_P_REGIONS_DEL,
	STMT_P_REGION_ADD,
	STMT_P_STEP,
	STMT_P_ORG_COUNT,
	STMT_P_ORG,
	STMT_P_REG_COUNT,
	STMT_P_REG,
	STMT_P_ALL_COUNT,
	STMT_P_ALL,
	STMT_P__MAX
};

#define P_COLS \
	"SELECT p.id, p.fi_id, f.name, p.region_code, r.name, p.name, p.kind," \
	" p.amount_min_wan, p.amount_max_wan, p.term_min_months, p.term_max_months," \
	" p.rate_min_bp, p.rate_max_bp, p.industries, p.sizes, p.requirements," \
	" p.materials, p.status, p.takedown_reason," \
	" (SELECT GROUP_CONCAT(pr.region_code ORDER BY pr.region_code)" \
	"  FROM product_regions pr WHERE pr.product_id = p.id)," \
	" (SELECT GROUP_CONCAT(rr.name ORDER BY pr.region_code SEPARATOR '、')" \
	"  FROM product_regions pr JOIN regions rr ON rr.code = pr.region_code" \
	"  WHERE pr.product_id = p.id)," \
	" DATE_FORMAT(p.updated_at, '%Y-%m-%d %H:%i:%s')," \
	" COALESCE(DATE_FORMAT(p.published_at, '%Y-%m-%d %H:%i:%s'), '')" \
	" FROM products p JOIN fis f ON f.id = p.fi_id" \
	" JOIN regions r ON r.code = p.region_code"

/* mode, mode, region, mode, fi id */
#define P_SCOPE \
	" (? = 'all' OR (? = 'region' AND p.region_code = ?)" \
	" OR (? = 'org' AND p.fi_id = ?))"

/* kind, kind, amount x3, term x3, region x2 */
#define P_FILTER \
	" AND (? = -1 OR p.kind = ?)" \
	" AND (? = 0 OR (p.amount_min_wan <= ? AND p.amount_max_wan >= ?))" \
	" AND (? = 0 OR (p.term_min_months <= ? AND p.term_max_months >= ?))" \
	" AND (? = '' OR EXISTS (SELECT 1 FROM product_regions pr" \
	"  WHERE pr.product_id = p.id AND pr.region_code = ?))"

/*
 * product_search by scope, without P_SCOPE's ORs (one shape each, issue
 * 14's bench): an FI's own along products_fi_name (fi_id, name), which is
 * already the list's order; a city's along products_region; all.  The
 * first parameter (fi id, region) then P_FILTER's and the status's; the
 * page's ids first (P_IDS), then their columns (P_COLS).
 */
#define P_ST		" AND (? = -1 OR p.status = ?)"
#define P_IDS		" JOIN (SELECT p.id FROM products p JOIN fis f ON f.id = p.fi_id WHERE"
#define P_ORDER		" ORDER BY f.name, p.name LIMIT ? OFFSET ?) pg ON pg.id = p.id" \
			" ORDER BY f.name, p.name"

static const char *const sql[STMT_P__MAX] = {
	[STMT_P_GET] = P_COLS " WHERE p.id = ? AND" P_SCOPE,
	[STMT_P_GET_PUBLIC] = P_COLS " WHERE p.id = ? AND p.status = 'published'",
	[STMT_P_LOCK] = "SELECT p.status FROM products p WHERE p.id = ? AND"
	    P_SCOPE " FOR UPDATE",
	[STMT_P_CAT_COUNT] = "SELECT COUNT(*) FROM products p"
	    " WHERE p.status = 'published'" P_FILTER,
	/* the page's ids first (products_pub, no sort), then their columns:
	 * P_COLS's region lists for 20 rows, not for every row sorted */
	[STMT_P_CAT] = P_COLS " JOIN (SELECT p.id FROM products p"
	    " WHERE p.status = 'published'" P_FILTER
	    " ORDER BY p.published_at DESC, p.id DESC LIMIT ? OFFSET ?) pg"
	    " ON pg.id = p.id ORDER BY p.published_at DESC, p.id DESC",
	[STMT_P_ORG_COUNT] = "SELECT COUNT(*) FROM products p WHERE p.fi_id = ?"
	    P_FILTER P_ST,
	[STMT_P_ORG] = P_COLS P_IDS " p.fi_id = ?" P_FILTER P_ST P_ORDER,
	[STMT_P_REG_COUNT] = "SELECT COUNT(*) FROM products p WHERE p.region_code = ?"
	    P_FILTER P_ST,
	[STMT_P_REG] = P_COLS P_IDS " p.region_code = ?" P_FILTER P_ST P_ORDER,
	[STMT_P_ALL_COUNT] = "SELECT COUNT(*) FROM products p WHERE ? = 0"
	    P_FILTER P_ST,
	[STMT_P_ALL] = P_COLS P_IDS " ? = 0" P_FILTER P_ST P_ORDER,
	[STMT_P_INSERT] =
	    "INSERT INTO products (fi_id, region_code, name, kind, amount_min_wan,"
	    " amount_max_wan, term_min_months, term_max_months, rate_min_bp,"
	    " rate_max_bp, industries, sizes, requirements, materials, created_by)"
	    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
	[STMT_P_UPDATE] =
	    "UPDATE products SET name = ?, kind = ?, amount_min_wan = ?,"
	    " amount_max_wan = ?, term_min_months = ?, term_max_months = ?,"
	    " rate_min_bp = ?, rate_max_bp = ?, industries = ?, sizes = ?,"
	    " requirements = ?, materials = ?, updated_at = UTC_TIMESTAMP()"
	    " WHERE id = ?",
	[STMT_P_REGIONS_DEL] = "DELETE FROM product_regions WHERE product_id = ?",
	[STMT_P_REGION_ADD] =
	    "INSERT INTO product_regions (product_id, region_code) VALUES (?, ?)",
	[STMT_P_STEP] =
	    "UPDATE products SET status = ?, takedown_reason = ?,"
	    " published_at = IF(? = 'published', UTC_TIMESTAMP(), published_at),"
	    " updated_at = UTC_TIMESTAMP() WHERE id = ?",
};

static const struct db_module mod = { DBM_FINANCE_PRODUCT, STMT_P__MAX, sql };

static const char *
nz(const char *s)
{
	return s != NULL ? s : "";
}

static void
scope_params(const struct scope *sc, struct db_param p[5])
{
	const char *mode = "none";

	if (sc->kind == SCOPE_SYSTEM)
		mode = "all";
	else if (sc->role == ROLE_OPERATOR || sc->role == ROLE_SUPERVISOR)
		mode = scope_province_wide(sc) ? "all" : "region";
	else if (sc->role == ROLE_FI && strcmp(nz(sc->org_kind), "fi") == 0)
		mode = "org";
	p[0] = DB_STR(mode);
	p[1] = DB_STR(mode);
	p[2] = DB_STR(sc->region);
	p[3] = DB_STR(mode);
	p[4] = DB_INT(sc->org_id);
}

static void
filter_params(const struct product_filter *f, struct db_param p[10])
{
	p[0] = DB_INT(f->kind);
	p[1] = DB_STR(f->kind >= 0 && f->kind < PK__MAX ? product_kind_names[f->kind] : "");
	p[2] = DB_INT(f->amount);
	p[3] = DB_INT(f->amount);
	p[4] = DB_INT(f->amount);
	p[5] = DB_INT(f->term);
	p[6] = DB_INT(f->term);
	p[7] = DB_INT(f->term);
	p[8] = DB_STR(nz(f->region));
	p[9] = DB_STR(nz(f->region));
}

static int
product_from_row(const struct db_rows *r, struct arena *a, struct product *o)
{
	int k;

	memset(o, 0, sizeof *o);
	o->id = db_col_int(r, 0);
	o->fi_id = db_col_int(r, 1);
	o->fi_name = db_col_text(r, a, 2);
	o->region = db_col_text(r, a, 3);
	o->region_name = db_col_text(r, a, 4);
	o->name = db_col_text(r, a, 5);
	o->kind = (k = product_kind_parse(db_col_str(r, 6))) < 0 ? PK_OTHER :
	    (enum product_kind)k;
	o->amount_min = db_col_int(r, 7);
	o->amount_max = db_col_int(r, 8);
	o->term_min = db_col_int(r, 9);
	o->term_max = db_col_int(r, 10);
	o->rate_min_bp = (int)db_col_int(r, 11);
	o->rate_max_bp = (int)db_col_int(r, 12);
	o->industries = db_col_text(r, a, 13);
	o->sizes = db_col_text(r, a, 14);
	o->requirements = db_col_text(r, a, 15);
	o->materials = db_col_text(r, a, 16);
	o->status = (k = status_parse(db_col_str(r, 17))) < 0 ? PS_TAKEN_DOWN :
	    (enum product_status)k;
	o->takedown_reason = db_col_text(r, a, 18);
	o->regions = db_col_text(r, a, 19);
	o->region_names = db_col_text(r, a, 20);
	o->updated_at = db_col_text(r, a, 21);
	o->published_at = db_col_text(r, a, 22);
	return 0;
}

static enum err
get_one(struct db *db, struct arena *a, int stmt, const struct db_param *p,
    size_t np, struct product *out)
{
	struct db_rows	*rows;
	enum err	 rc;
	int		 n;

	if ((rc = db_query(db, a, &mod, stmt, p, np, &rows)) != ERR_OK)
		return rc;
	if ((n = db_next(rows)) == 1)
		rc = product_from_row(rows, a, out) == 0 ? ERR_OK : ERR_NOMEM;
	else
		rc = n == 0 ? ERR_NOTFOUND : db_rows_error(db);
	db_rows_free(rows);
	return rc;
}

enum err
product_get(struct db *db, struct arena *a, const struct scope *sc,
    long long id, struct product *out)
{
	struct db_param p[6];

	p[0] = DB_INT(id);
	scope_params(sc, p + 1);
	return get_one(db, a, STMT_P_GET, p, 6, out);
}

enum err
product_get_public(struct db *db, struct arena *a, long long id,
    struct product *out)
{
	struct db_param p[] = { DB_INT(id) };

	return get_one(db, a, STMT_P_GET_PUBLIC, p, 1, out);
}

static enum err
list(struct db *db, struct arena *a, int cstmt, int stmt, struct db_param *p,
    size_t np, size_t page, size_t per, struct product_list *out)
{
	struct db_rows	*rows;
	enum err	 rc;
	int		 n;

	memset(out, 0, sizeof *out);
	if ((rc = db_query(db, a, &mod, cstmt, p, np, &rows)) != ERR_OK)
		return rc;
	if ((n = db_next(rows)) == -1)
		return db_rows_error(db);
	out->total = n == 1 ? db_col_int(rows, 0) : 0;
	db_rows_free(rows);
	if ((out->v = arena_calloc(a, per + 1, sizeof *out->v)) == NULL)
		return ERR_NOMEM;
	p[np] = DB_INT(per);
	p[np + 1] = DB_INT(page * per);
	if ((rc = db_query(db, a, &mod, stmt, p, np + 2, &rows)) != ERR_OK)
		return rc;
	while (out->n < per && (n = db_next(rows)) == 1)
		product_from_row(rows, a, &out->v[out->n++]);
	if (n == -1) {
		out->n = 0;
		return db_rows_error(db);
	}
	db_rows_free(rows);
	return ERR_OK;
}

enum err
product_catalogue(struct db *db, struct arena *a, const struct product_filter *f,
    size_t page, size_t per, struct product_list *out)
{
	struct db_param p[12];

	filter_params(f, p);
	return list(db, a, STMT_P_CAT_COUNT, STMT_P_CAT, p, 10, page, per, out);
}

enum err
product_search(struct db *db, struct arena *a, const struct scope *sc,
    const struct product_filter *f, size_t page, size_t per,
    struct product_list *out)
{
	struct db_param	 p[15];
	struct db_param	 m[5];
	const char	*mode;
	int		 c;

	/* the mode of P_SCOPE, one statement each (STMT_P_ORG ...) */
	scope_params(sc, m);
	mode = m[0].s;
	if (strcmp(mode, "org") == 0) {
		p[0] = DB_INT(sc->org_id);
		c = STMT_P_ORG_COUNT;
	} else if (strcmp(mode, "region") == 0) {
		p[0] = DB_STR(sc->region);
		c = STMT_P_REG_COUNT;
	} else if (strcmp(mode, "all") == 0) {
		p[0] = DB_INT(0);
		c = STMT_P_ALL_COUNT;
	} else {
		memset(out, 0, sizeof *out);
		out->v = arena_calloc(a, per + 1, sizeof *out->v);
		return out->v != NULL ? ERR_OK : ERR_NOMEM;
	}
	filter_params(f, p + 1);
	p[11] = DB_INT(f->status);
	p[12] = DB_STR(f->status >= 0 && f->status < PS__MAX ?
	    status_names[f->status] : "");
	return list(db, a, c, c + 1, p, 13, page, per, out);
}

/* The served regions of product `id` replaced by in's, in the caller's
 * transaction. */
static enum err
set_regions(struct db *db, long long id, const struct product_input *in)
{
	struct db_param	 d[] = { DB_INT(id) };
	enum err	 rc;

	if ((rc = db_exec(db, &mod, STMT_P_REGIONS_DEL, d, 1, NULL, NULL)) != ERR_OK)
		return rc;
	for (size_t i = 0; i < in->nregions; i++) {
		struct db_param p[] = { DB_INT(id), DB_STR(nz(in->regions[i])) };

		if ((rc = db_exec(db, &mod, STMT_P_REGION_ADD, p, 2, NULL, NULL)) != ERR_OK)
			return rc;
	}
	return ERR_OK;
}

/* What product_create's transaction needs and gives back. */
struct pcreate {
	const struct audit_actor	*actor;
	const struct db_param		*p;
	const struct product_input	*in;
	long long			 id;
};

static enum err
create_body(struct db *db, struct arena *a, void *ctx)
{
	struct pcreate		*c = ctx;
	unsigned long long	 newid = 0;
	char			 oid[24];
	enum err		 rc;

	(void)a;
	if ((rc = db_exec(db, &mod, STMT_P_INSERT, c->p, 15, NULL, &newid)) != ERR_OK ||
	    (rc = set_regions(db, (long long)newid, c->in)) != ERR_OK)
		return rc;
	snprintf(oid, sizeof oid, "%llu", newid);
	if ((rc = audit_write(db, c->actor, "product.create", "product", oid,
	    AUDIT_OK, nz(c->in->name))) != ERR_OK)
		return rc;
	c->id = (long long)newid;
	return ERR_OK;
}

enum err
product_create(struct db *db, const struct audit_actor *actor, long long fi_id,
    const char *region, const struct product_input *in, long long *id)
{
	struct db_param		 p[] = { DB_INT(fi_id), DB_STR(nz(region)),
	    DB_STR(nz(in->name)),
	    DB_STR(in->kind >= 0 && in->kind < PK__MAX ? product_kind_names[in->kind] : "other"),
	    DB_INT(in->amount_min), DB_INT(in->amount_max), DB_INT(in->term_min),
	    DB_INT(in->term_max), DB_INT(in->rate_min_bp), DB_INT(in->rate_max_bp),
	    DB_STR(nz(in->industries)), DB_STR(nz(in->sizes)),
	    DB_STR(nz(in->requirements)), DB_STR(nz(in->materials)),
	    actor->user_id > 0 ? DB_INT(actor->user_id) : DB_NULL };
	struct pcreate		 c = { actor, p, in, 0 };
	enum err		 rc;

	if ((rc = db_tx(db, 0, create_body, &c)) == ERR_OK)
		*id = c.id;
	return rc;
}

/* What a product's step writes: the edit's input, the take-down's reason. */
struct pstep {
	const struct product_input	*in;
	const char			*reason;
};

/* The edit under the lock: every field and the served regions. */
static enum err
edit_change(struct step_run *run)
{
	const struct product_input *in = ((struct pstep *)run->ctx)->in;
	struct db_param	 p[] = { DB_STR(nz(in->name)),
	    DB_STR(in->kind >= 0 && in->kind < PK__MAX ? product_kind_names[in->kind] : "other"),
	    DB_INT(in->amount_min), DB_INT(in->amount_max), DB_INT(in->term_min),
	    DB_INT(in->term_max), DB_INT(in->rate_min_bp), DB_INT(in->rate_max_bp),
	    DB_STR(nz(in->industries)), DB_STR(nz(in->sizes)),
	    DB_STR(nz(in->requirements)), DB_STR(nz(in->materials)),
	    DB_INT(run->id) };
	enum err	 rc;

	if ((rc = db_exec(run->db, &mod, STMT_P_UPDATE, p, 13, NULL, NULL)) != ERR_OK ||
	    (rc = set_regions(run->db, run->id, in)) != ERR_OK)
		return rc;
	snprintf(run->detail, sizeof run->detail, "%s", nz(in->name));
	return ERR_OK;
}

/* Publish, withdraw or take down: the new status (and reason). */
static enum err
status_change(struct step_run *run)
{
	const char	*reason = ((struct pstep *)run->ctx)->reason;
	bool		 td = run->step->action == PA_TAKE_DOWN;
	const char	*to = status_names[run->to];
	struct db_param	 p[] = { DB_STR(to), DB_STR(td ? nz(reason) : ""),
	    DB_STR(to), DB_INT(run->id) };
	enum err	 rc;

	if ((rc = db_exec(run->db, &mod, STMT_P_STEP, p, 4, NULL, NULL)) != ERR_OK)
		return rc;
	snprintf(run->detail, 300, "%s -> %s%s%s", status_names[run->from], to,
	    td ? ": " : "", td ? nz(reason) : "");
	return ERR_OK;
}

static const struct step steps[PA__MAX] = {
	[PA_EDIT] = { &product_machine, PA_EDIT, &mod, STMT_P_LOCK, false,
	    "product.update", "product", NULL, edit_change },
	[PA_PUBLISH] = { &product_machine, PA_PUBLISH, &mod, STMT_P_LOCK, false,
	    "product.publish", "product", NULL, status_change },
	[PA_WITHDRAW] = { &product_machine, PA_WITHDRAW, &mod, STMT_P_LOCK, false,
	    "product.withdraw", "product", NULL, status_change },
	[PA_TAKE_DOWN] = { &product_machine, PA_TAKE_DOWN, &mod, STMT_P_LOCK, false,
	    "product.take_down", "product", NULL, status_change },
};

enum err
product_update(struct db *db, const struct audit_actor *actor,
    const struct scope *sc, long long id, const struct product_input *in)
{
	struct pstep	 ps = { in, NULL };
	struct db_param	 scope[5];

	scope_params(sc, scope);
	return step_run(db, &steps[PA_EDIT], actor, scope, 5, id, 0, &ps);
}

enum err
product_step(struct db *db, const struct audit_actor *actor,
    const struct scope *sc, long long id, enum product_action act,
    const char *reason)
{
	struct pstep	 ps = { NULL, reason };
	struct db_param	 scope[5];

	if ((unsigned)act >= PA__MAX || act == PA_EDIT)
		return ERR_INVAL;
	scope_params(sc, scope);
	return step_run(db, &steps[act], actor, scope, 5, id, 0, &ps);
}
