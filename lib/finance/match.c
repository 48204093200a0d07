/*
 * match.c -- the suggestion rule and its two queries (match.h).
 */
#include <stdlib.h>
#include <string.h>

#include "finance/match.h"

/* GB/T 4754-2017 sections, as views/strings.hdf S.Industry (without the
 * letter). */
static const char *const industry_names[20] = {
	"农、林、牧、渔业", "采矿业", "制造业",
	"电力、热力、燃气及水生产和供应业", "建筑业", "批发和零售业",
	"交通运输、仓储和邮政业", "住宿和餐饮业",
	"信息传输、软件和信息技术服务业", "金融业", "房地产业",
	"租赁和商务服务业", "科学研究和技术服务业",
	"水利、环境和公共设施管理业", "居民服务、修理和其他服务业", "教育",
	"卫生和社会工作", "文化、体育和娱乐业", "公共管理、社会保障和社会组织",
	"国际组织",
};

const char *
match_industry_name(const char *letter)
{
	if (letter == NULL || letter[0] < 'A' || letter[0] > 'T' || letter[1] != '\0')
		return NULL;
	return industry_names[letter[0] - 'A'];
}

/* The length of the separator at s (0: none): , ; / space and the
 * full-width 、，；／ and ideographic space. */
static size_t
sep_len(const char *s)
{
	static const char *const wide[] = { "、", "，", "；", "／", "　" };

	if (*s == ',' || *s == ';' || *s == '/' || *s == ' ' || *s == '\t')
		return 1;
	for (size_t i = 0; i < sizeof wide / sizeof wide[0]; i++)
		if (strncmp(s, wide[i], strlen(wide[i])) == 0)
			return strlen(wide[i]);
	return 0;
}

/* UTF-8 characters in s[0..n). */
static size_t
chars(const char *s, size_t n)
{
	size_t c = 0;

	for (size_t i = 0; i < n; i++)
		if (((unsigned char)s[i] & 0xC0) != 0x80)
			c++;
	return c;
}

/* Calls fn(item, ctx) for each item of list `s` until it returns true;
 * true when one did.  An item longer than 200 bytes is cut. */
static bool
each_item(const char *s, bool (*fn)(const char *, void *), void *ctx)
{
	char	 item[201];
	size_t	 k;

	while (s != NULL && *s != '\0') {
		const char *start;
		size_t n;

		while ((k = sep_len(s)) > 0)
			s += k;
		if (*s == '\0')
			break;
		start = s;
		while (*s != '\0' && sep_len(s) == 0)
			s++;
		n = (size_t)(s - start);
		if (n > sizeof item - 1)
			n = sizeof item - 1;
		memcpy(item, start, n);
		item[n] = '\0';
		if (fn(item, ctx))
			return true;
	}
	return false;
}

static bool
any_item(const char *item, void *ctx)
{
	(void)item;
	(void)ctx;
	return true;
}

static bool
unrestricted_item(const char *item, void *ctx)
{
	(void)ctx;
	return strcmp(item, "不限") == 0;
}

/* Empty (no item) or an item 不限. */
static bool
unrestricted(const char *list)
{
	return !each_item(list, any_item, NULL) ||
	    each_item(list, unrestricted_item, NULL);
}

struct ind_ctx {
	const char	*letter, *name;
};

static bool
industry_item(const char *item, void *ctx)
{
	const struct ind_ctx *c = ctx;
	size_t n = strlen(item);

	if (n == 1 && (item[0] == c->letter[0] || item[0] == c->letter[0] + 32))
		return true;
	return chars(item, n) >= 2 &&
	    (strstr(c->name, item) != NULL || strstr(item, c->name) != NULL);
}

bool
match_industry(const char *industries, const char *letter, bool *named)
{
	struct ind_ctx c;

	*named = false;
	if (unrestricted(industries))
		return true;
	if ((c.name = match_industry_name(letter)) == NULL)
		return false;
	c.letter = letter;
	return *named = each_item(industries, industry_item, &c);
}

static bool
size_item(const char *item, void *ctx)
{
	return strstr(item, (const char *)ctx) != NULL;
}

bool
match_size(const char *sizes, const char *size, bool *named)
{
	static const struct { const char *key, *ch; } t[] = {
		{ "large", "大" }, { "medium", "中" }, { "small", "小" },
		{ "micro", "微" },
	};

	*named = false;
	if (unrestricted(sizes))
		return true;
	for (size_t i = 0; size != NULL && i < sizeof t / sizeof t[0]; i++)
		if (strcmp(size, t[i].key) == 0)
			return *named = each_item(sizes, size_item, (void *)t[i].ch);
	return false;
}

/* Whether comma list `regions` holds `code`. */
static bool
serves(const char *regions, const char *code)
{
	size_t n = code != NULL ? strlen(code) : 0;

	for (const char *s = regions; n > 0 && s != NULL && *s != '\0'; ) {
		const char *e = strchr(s, ',');
		size_t k = e != NULL ? (size_t)(e - s) : strlen(s);

		if (k == n && strncmp(s, code, n) == 0)
			return true;
		s = e != NULL ? e + 1 : s + k;
	}
	return false;
}

void
match_eval(const struct match_app *app, const struct match_product *p,
    struct match_result *out)
{
	bool named;

	memset(out, 0, sizeof *out);
	if (serves(p->regions, app->region))
		out->met |= MC_REGION;
	if (app->amount_wan >= p->amount_min && app->amount_wan <= p->amount_max)
		out->met |= MC_AMOUNT;
	if (app->term_months >= p->term_min && app->term_months <= p->term_max)
		out->met |= MC_TERM;
	if (match_industry(p->industries, app->industry, &named)) {
		out->met |= MC_INDUSTRY;
		if (named) {
			out->met |= MC_INDUSTRY_NAMED;
			out->score += MATCH_W_INDUSTRY;
		}
	}
	if (match_size(p->sizes, app->size, &named)) {
		out->met |= MC_SIZE;
		if (named) {
			out->met |= MC_SIZE_NAMED;
			out->score += MATCH_W_SIZE;
		}
	}
	if (p->fi_region != NULL && app->region != NULL &&
	    strcmp(p->fi_region, app->region) == 0) {
		out->met |= MC_LOCAL;
		out->score += MATCH_W_LOCAL;
	}
	out->fits = (out->met & MC_ALL) == MC_ALL;
}

int
match_cmp(int sa, int rate_a, long long id_a, int sb, int rate_b, long long id_b)
{
	if (sa != sb)
		return sa > sb ? -1 : 1;
	if (rate_a != rate_b)
		return rate_a < rate_b ? -1 : 1;
	if (id_a != id_b)
		return id_a > id_b ? -1 : 1;
	return 0;
}

/* ---- the queries ---- */

enum { STMT_M_ENT, STMT_M_PRODUCTS, STMT_M_LEADS, STMT_M__MAX };

static const char *const sql[STMT_M__MAX] = {
	[STMT_M_ENT] = "SELECT industry, size FROM enterprises WHERE id = ?",
	/* the published products serving a region (the rest is the rule's) */
	[STMT_M_PRODUCTS] =
	    "SELECT p.id, p.fi_id, f.name, p.region_code, p.name, p.kind,"
	    " p.amount_min_wan, p.amount_max_wan, p.term_min_months,"
	    " p.term_max_months, p.rate_min_bp, p.rate_max_bp, p.industries,"
	    " p.sizes,"
	    " (SELECT GROUP_CONCAT(pr.region_code ORDER BY pr.region_code)"
	    "  FROM product_regions pr WHERE pr.product_id = p.id)"
	    " FROM products p JOIN fis f ON f.id = p.fi_id"
	    " WHERE p.status = 'published' AND EXISTS (SELECT 1 FROM"
	    "  product_regions sr WHERE sr.product_id = p.id AND sr.region_code = ?)"
	    " ORDER BY p.id DESC LIMIT 1000",
	/* fi: the open applications of the regions its products serve, with
	 * amount and term within the product's ranges (the rest is the
	 * rule's); newest first */
	[STMT_M_LEADS] =
	    "SELECT l.id, e.name, rg.name,"
	    " COALESCE(DATE_FORMAT(l.published_at, '%Y-%m-%d %H:%i:%s'), ''),"
	    " l.amount_wan, l.term_months, e.industry, e.size, l.region_code,"
	    " p.id, p.name, p.region_code, p.amount_min_wan, p.amount_max_wan,"
	    " p.term_min_months, p.term_max_months, p.industries, p.sizes,"
	    " p.rate_min_bp"
	    " FROM loans l JOIN enterprises e ON e.id = l.enterprise_id"
	    " JOIN regions rg ON rg.code = l.region_code"
	    " JOIN product_regions pr ON pr.region_code = l.region_code"
	    " JOIN products p ON p.id = pr.product_id"
	    " WHERE p.fi_id = ? AND p.status = 'published'"
	    " AND l.status = 'published' AND l.product_id IS NULL AND l.fi_id IS NULL"
	    " AND l.amount_wan BETWEEN p.amount_min_wan AND p.amount_max_wan"
	    " AND l.term_months BETWEEN p.term_min_months AND p.term_max_months"
	    " ORDER BY l.id DESC, p.id DESC LIMIT ?",
};

static const struct db_module mod = { DBM_FINANCE_MATCH, STMT_M__MAX, sql };

static int
fit_cmp(const void *x, const void *y)
{
	const struct match_fit *a = x, *b = y;

	return match_cmp(a->r.score, a->p.rate_min_bp, a->p.id,
	    b->r.score, b->p.rate_min_bp, b->p.id);
}

enum err
match_products_for(struct db *db, struct arena *a, const struct loan *l,
    struct match_app *appo, struct match_fit **v, size_t *n)
{
	struct db_param		 p[1];
	struct db_rows		*rows;
	struct match_app	 app;
	struct match_fit	*out = NULL;
	size_t			 k = 0, cap = 0;
	enum err		 rc;
	int			 r = 0;

	*v = NULL;
	*n = 0;
	memset(&app, 0, sizeof app);
	app.region = l->region;
	app.amount_wan = l->amount_wan;
	app.term_months = l->term_months;
	app.industry = app.size = "";
	p[0] = DB_INT(l->enterprise_id);
	if ((rc = db_query(db, a, &mod, STMT_M_ENT, p, 1, &rows)) != ERR_OK)
		return rc;
	if ((r = db_next(rows)) == 1) {
		app.industry = db_col_text(rows, a, 0);
		app.size = db_col_text(rows, a, 1);
	} else if (r == -1)
		return db_rows_error(db);
	db_rows_free(rows);
	*appo = app;

	p[0] = DB_STR(l->region);
	if ((rc = db_query(db, a, &mod, STMT_M_PRODUCTS, p, 1, &rows)) != ERR_OK)
		return rc;
	cap = db_rows_count(rows);
	if ((out = arena_calloc(a, cap + 1, sizeof *out)) == NULL) {
		db_rows_free(rows);
		return ERR_NOMEM;
	}
	while (k < cap && (r = db_next(rows)) == 1) {	/* k <= rows read */
		struct match_fit	*f = &out[k];
		struct match_product	 mp;
		int			 kind;

		f->p.id = db_col_int(rows, 0);
		f->p.fi_id = db_col_int(rows, 1);
		f->p.fi_name = db_col_text(rows, a, 2);
		f->p.region = db_col_text(rows, a, 3);
		f->p.name = db_col_text(rows, a, 4);
		kind = product_kind_parse(db_col_str(rows, 5));
		f->p.kind = kind < 0 ? PK_OTHER : (enum product_kind)kind;
		f->p.amount_min = db_col_int(rows, 6);
		f->p.amount_max = db_col_int(rows, 7);
		f->p.term_min = db_col_int(rows, 8);
		f->p.term_max = db_col_int(rows, 9);
		f->p.rate_min_bp = (int)db_col_int(rows, 10);
		f->p.rate_max_bp = (int)db_col_int(rows, 11);
		f->p.industries = db_col_text(rows, a, 12);
		f->p.sizes = db_col_text(rows, a, 13);
		f->p.regions = db_col_text(rows, a, 14);
		f->p.status = PS_PUBLISHED;
		mp = (struct match_product){ f->p.regions, f->p.region,
		    f->p.amount_min, f->p.amount_max, f->p.term_min, f->p.term_max,
		    f->p.industries, f->p.sizes };
		match_eval(&app, &mp, &f->r);
		if (f->r.fits)
			k++;
		else
			memset(f, 0, sizeof *f);
	}
	db_rows_free(rows);
	if (r == -1)
		return db_rows_error(db);
	qsort(out, k, sizeof *out, fit_cmp);
	*v = k > 0 ? out : NULL;
	*n = k < MATCH_MAX ? k : MATCH_MAX;
	return ERR_OK;
}

static int
lead_cmp(const void *x, const void *y)
{
	const struct match_lead *a = x, *b = y;

	if (a->r.score != b->r.score)
		return a->r.score > b->r.score ? -1 : 1;
	return a->loan_id > b->loan_id ? -1 : a->loan_id < b->loan_id;
}

enum err
match_leads_for(struct db *db, struct arena *a, const struct scope *sc,
    struct match_lead **v, size_t *n)
{
	struct db_param		 p[2];
	struct db_rows		*rows;
	struct match_lead	*out;
	size_t			 k = 0, cap;
	enum err		 rc;
	int			 r = 0;

	*v = NULL;
	*n = 0;
	if (sc->kind != SCOPE_USER || sc->role != ROLE_FI || sc->org_kind == NULL ||
	    strcmp(sc->org_kind, "fi") != 0 || sc->org_id <= 0)
		return ERR_OK;
	p[0] = DB_INT(sc->org_id);
	p[1] = DB_INT(MATCH_SCAN_MAX);
	if ((rc = db_query(db, a, &mod, STMT_M_LEADS, p, 2, &rows)) != ERR_OK)
		return rc;
	cap = db_rows_count(rows);
	if ((out = arena_calloc(a, cap + 1, sizeof *out)) == NULL) {
		db_rows_free(rows);
		return ERR_NOMEM;
	}
	while ((r = db_next(rows)) == 1) {
		struct match_app	 app;
		struct match_product	 mp;
		struct match_result	 res;
		long long		 id = db_col_int(rows, 0);
		const char		*region = db_col_str(rows, 8);
		int			 rate = (int)db_col_int(rows, 18);
		struct match_lead	*d;

		app = (struct match_app){ region, db_col_int(rows, 4),
		    db_col_int(rows, 5), db_col_str(rows, 6), db_col_str(rows, 7) };
		/* the join made the product serve the region */
		mp = (struct match_product){ region, db_col_str(rows, 11),
		    db_col_int(rows, 12), db_col_int(rows, 13), db_col_int(rows, 14),
		    db_col_int(rows, 15), db_col_str(rows, 16), db_col_str(rows, 17) };
		match_eval(&app, &mp, &res);
		if (!res.fits)
			continue;
		/* rows come by application: the same one follows its best so far */
		if (k > 0 && out[k - 1].loan_id == id) {
			d = &out[k - 1];
			if (match_cmp(res.score, rate, db_col_int(rows, 9),
			    d->r.score, d->rate_min_bp, d->product_id) >= 0)
				continue;
		} else if (k < cap)
			d = &out[k++];
		else
			break;
		d->loan_id = id;
		loan_number(id, d->number);
		d->ent_name = db_col_text(rows, a, 1);
		d->region_name = db_col_text(rows, a, 2);
		d->published_at = db_col_text(rows, a, 3);
		d->amount_wan = app.amount_wan;
		d->term_months = app.term_months;
		d->industry = db_col_text(rows, a, 6);
		d->size = db_col_text(rows, a, 7);
		d->product_id = db_col_int(rows, 9);
		d->product_name = db_col_text(rows, a, 10);
		d->amount_min = mp.amount_min;
		d->amount_max = mp.amount_max;
		d->term_min = mp.term_min;
		d->term_max = mp.term_max;
		d->industries = db_col_text(rows, a, 16);
		d->sizes = db_col_text(rows, a, 17);
		d->rate_min_bp = rate;
		d->r = res;
	}
	db_rows_free(rows);
	if (r == -1)
		return db_rows_error(db);
	qsort(out, k, sizeof *out, lead_cmp);
	*v = k > 0 ? out : NULL;
	*n = k < MATCH_MAX ? k : MATCH_MAX;
	return ERR_OK;
}
