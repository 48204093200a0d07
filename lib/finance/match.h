/*
 * match.h -- suggestions: which published products fit a loan
 * application, and which open applications fit an FI's products (issue 14
 * "Suggestions", R-08.2a, R-12.1).  The rule is transparent and the same
 * on both sides (docs/ARCHITECTURE.md "Suggestions"):
 *
 * A product FITS an application when all five criteria hold:
 *   region    the product serves the application's region;
 *   amount    amount_min <= the amount (万元) <= amount_max;
 *   term      term_min <= the term (months) <= term_max;
 *   industry  the product's 适用行业 is empty or 不限, or one of its items
 *             (split at 、，,；; / and spaces) names the enterprise's
 *             GB/T 4754 section: the section's letter ("C"), or a text of
 *             at least two characters contained in the section's name
 *             ("制造业", "制造") or containing it ("制造业企业");
 *   size      the product's 适用企业规模 is empty or 不限, or one of its
 *             items contains the size's character (大 中 小 微: "小型",
 *             "小微" and "中小微企业" all name 小型).
 * An enterprise without a recorded industry (or size) fits only products
 * that do not restrict it.
 *
 * Its SCORE (0..100) ranks the fits: +40 when the product names the
 * enterprise's industry (a targeted product rather than an unrestricted
 * one), +30 when it names its size, +30 when the FI is of the
 * application's own region (a local FI).  Ties: the lower minimum annual
 * rate first, then the newer product (the larger id).  Each fit carries
 * the criteria that matched (MC_* bits) and how, so the page says why.
 */
#ifndef DUIJIE_MATCH_H
#define DUIJIE_MATCH_H

#include <stdbool.h>
#include <stddef.h>

#include "core/arena.h"
#include "db/db.h"
#include "accounts/scope.h"
#include "finance/loan.h"
#include "finance/product.h"

/* The criteria, as bits of match_result.met. */
enum {
	MC_REGION	= 1u << 0,
	MC_AMOUNT	= 1u << 1,
	MC_TERM		= 1u << 2,
	MC_INDUSTRY	= 1u << 3,	/* matched (named or unrestricted) */
	MC_SIZE		= 1u << 4,
	MC_ALL		= 0x1f,
	MC_INDUSTRY_NAMED = 1u << 5,	/* ... because the product names it */
	MC_SIZE_NAMED	= 1u << 6,
	MC_LOCAL	= 1u << 7,	/* the FI is of the application's region */
};

#define MATCH_W_INDUSTRY	40
#define MATCH_W_SIZE		30
#define MATCH_W_LOCAL		30

/* What the rule reads of an application and its enterprise. */
struct match_app {
	const char	*region;	/* "440100" */
	long long	 amount_wan, term_months;
	const char	*industry;	/* GB/T 4754 section letter, "" unknown */
	const char	*size;		/* large medium small micro, "" unknown */
};

/* What the rule reads of a product. */
struct match_product {
	const char	*regions;	/* served, "440100,440600" */
	const char	*fi_region;	/* the FI's (the product's) region */
	long long	 amount_min, amount_max, term_min, term_max;
	const char	*industries, *sizes;	/* free text, "" any */
};

struct match_result {
	unsigned	 met;		/* MC_* bits */
	int		 score;		/* 0..100, meaningful when fits */
	bool		 fits;		/* (met & MC_ALL) == MC_ALL */
};

/* The name of GB/T 4754 section `letter` ("C" -> "制造业"), NULL when
 * unknown.  Pure. */
const char	*match_industry_name(const char *letter);

/* Whether product text `industries` admits section `letter`; *named set
 * when it does by naming it (not by being empty or 不限).  Pure. */
bool		 match_industry(const char *industries, const char *letter,
		    bool *named);
/* The same for `sizes` and size key `size` (large medium small micro). */
bool		 match_size(const char *sizes, const char *size, bool *named);

/* The rule on one pair into *out (every criterion evaluated, so the
 * result names also those that failed).  Pure. */
void		 match_eval(const struct match_app *, const struct match_product *,
		    struct match_result *out);

/* Ranking order of two fits: negative when (sa, rate_a, id_a) comes
 * first (higher score, then lower rate_min_bp, then larger id).  Pure. */
int		 match_cmp(int sa, int rate_a, long long id_a,
		    int sb, int rate_b, long long id_b);

/* A product that fits, with why. */
struct match_fit {
	struct product		 p;
	struct match_result	 r;
};

#define MATCH_MAX	20	/* fits shown */

/*
 * The published products that fit application `l` (which the caller
 * loaded through its scope: loan_get), ranked, at most MATCH_MAX, in `a`.
 * The enterprise's industry and size are read by l->enterprise_id; *app
 * gets what the rule read (strings in `a`).
 * *v NULL and *n 0 when none.  ERR_DB_LOST, ERR_DB, ERR_NOMEM.
 */
enum err	match_products_for(struct db *, struct arena *, const struct loan *l,
		    struct match_app *app, struct match_fit **v, size_t *n);

/* An open application that fits one of the FI's products. */
struct match_lead {
	long long		 loan_id;
	char			 number[LOAN_NUMBER_LEN];
	const char		*ent_name, *region_name, *published_at;	/* UTC */
	long long		 amount_wan, term_months;
	const char		*industry, *size;
	long long		 product_id;
	const char		*product_name;	/* the best fitting product */
	long long		 amount_min, amount_max, term_min, term_max;
	const char		*industries, *sizes;	/* the product's */
	struct match_result	 r;
	int			 rate_min_bp;
};

#define MATCH_SCAN_MAX	500	/* newest open applications examined */

/*
 * For an FI user (scope `sc`: role fi, org_kind fi): the open published
 * applications (no product, no FI yet) of the regions its FI's published
 * products serve -- a subset of loan.h's FI scope -- that fit one of those
 * products, each once with its best product, ranked by score then newest;
 * the newest MATCH_SCAN_MAX candidate pairs are examined, at most
 * MATCH_MAX returned.  Any other scope: none (ERR_OK, *n 0).
 * ERR_DB_LOST, ERR_DB, ERR_NOMEM.
 */
enum err	match_leads_for(struct db *, struct arena *, const struct scope *sc,
		    struct match_lead **v, size_t *n);

#endif
