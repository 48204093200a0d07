/*
 * product.h -- the financing products of the financial institutions
 * (issue 14 "Products", R-12.1, R-03.1, X-AUD).
 *
 * A product belongs to one FI and carries that FI's region.  Its manager
 * creates it as a draft, edits, publishes and withdraws it; the operators
 * of the FI's region may take it down with a reason (final).  Published
 * products are the public catalogue of the internet portal.  Every get by
 * id takes the caller's scope into the WHERE clause (the FI's own users:
 * their FI's products; the offices' staff: those of their region, all for
 * the province; the public: published ones only); anything else is
 * ERR_NOTFOUND.  Each change is one transaction with its audit row.
 */
#ifndef DUIJIE_PRODUCT_H
#define DUIJIE_PRODUCT_H

#include <stdbool.h>
#include <stddef.h>

#include "core/arena.h"
#include "db/audit.h"
#include "db/db.h"
#include "db/step.h"
#include "accounts/scope.h"

enum product_kind { PK_CREDIT, PK_MORTGAGE, PK_GUARANTEE, PK_BILL,
	PK_SUPPLY_CHAIN, PK_OTHER, PK__MAX };
extern const char *const product_kind_names[PK__MAX + 1];	/* NULL-ended */
int		 product_kind_parse(const char *);	/* -1 when unknown */

enum product_status { PS_DRAFT, PS_PUBLISHED, PS_WITHDRAWN, PS_TAKEN_DOWN,
	PS__MAX };
const char	*product_status_name(enum product_status);

enum product_action { PA_EDIT, PA_PUBLISH, PA_WITHDRAW, PA_TAKE_DOWN, PA__MAX };

/*
 * The status after `act` from `from`, or -1 when the step is refused:
 * edit keeps a draft, published or withdrawn product's status; publish
 * from draft or withdrawn; withdraw from published; take down from
 * anything but taken down.  Nothing leaves taken_down.  Pure: a cell of
 * product_machine (status x action, step.h), which product_update and
 * product_step run through step_run.
 */
extern const struct step_machine product_machine;
int		 product_next(enum product_status from, enum product_action act);

/* Limits of the fields (万元, months, hundredths of a percent). */
#define PRODUCT_AMOUNT_MAX	1000000		/* 100 亿元 */
#define PRODUCT_TERM_MAX	360
#define PRODUCT_RATE_MAX_BP	3600		/* 36.00% a year */
#define PRODUCT_REGIONS_MAX	22

/*
 * An annual rate "4.35" (at most two decimals, 0.01 .. 36.00) into
 * hundredths of a percent (*bp = 435).  Returns 0, or -1 for anything
 * else (no sign, no spaces, no exponent).  Pure.
 */
int		 product_rate_parse(const char *s, int *bp);
/* bp as "4.35" into buf (at least 8 bytes).  Pure. */
void		 product_rate_format(int bp, char *buf, size_t len);

struct product_input {
	const char	*name;
	int		 kind;			/* enum product_kind, -1: none */
	long long	 amount_min, amount_max;	/* 万元 */
	long long	 term_min, term_max;	/* months */
	int		 rate_min_bp, rate_max_bp;
	const char	*industries;
	const char	*sizes;
	const char	*requirements;
	const char	*materials;
	const char	*regions[PRODUCT_REGIONS_MAX];	/* served */
	size_t		 nregions;
};

/* A field name and the Err.* key of its message. */
struct product_error {
	const char	*field;
	const char	*key;
};

/*
 * The cross-field rules of a product the form checks cannot see: a kind;
 * minimum <= maximum for amount, term and rate ("amount_max"/
 * "amount_min_gt_max", "term_max"/"term_min_gt_max", "rate_max"/
 * "rate_min_gt_max"); at least one region served ("regions"/
 * "product_no_region").  Fills errs[0..max) and returns how many.  Pure.
 */
size_t		 product_check(const struct product_input *,
		    struct product_error *errs, size_t max);

struct product {
	long long		 id;
	long long		 fi_id;
	const char		*fi_name;
	const char		*region;	/* the FI's */
	const char		*region_name;
	const char		*name;
	enum product_kind	 kind;
	long long		 amount_min, amount_max, term_min, term_max;
	int			 rate_min_bp, rate_max_bp;
	const char		*industries, *sizes, *requirements, *materials;
	enum product_status	 status;
	const char		*takedown_reason;
	const char		*regions;	/* served, "440100,440600" */
	const char		*region_names;	/* "广州市、佛山市" */
	const char		*updated_at, *published_at;	/* UTC, "" none */
};

struct product_list {
	struct product	*v;
	size_t		 n;
	long long	 total;
};

/* Product `id` within `sc` (see above) into *out.  ERR_NOTFOUND,
 * ERR_DB_LOST, ERR_DB, ERR_NOMEM. */
enum err	product_get(struct db *, struct arena *, const struct scope *sc,
		    long long id, struct product *out);
/* A published product for the public catalogue, same errors. */
enum err	product_get_public(struct db *, struct arena *, long long id,
		    struct product *out);

/* The catalogue's filters: 0 / -1 / "" mean "any". */
struct product_filter {
	int		 kind;		/* -1: any */
	long long	 amount;	/* 万元 within the range; 0: any */
	long long	 term;		/* months within the range; 0: any */
	const char	*region;	/* served; "" any */
	int		 status;	/* enum product_status; -1: any
					 * (product_search only) */
};

/* Page `page` of the published products matching f, newest first. */
enum err	product_catalogue(struct db *, struct arena *,
		    const struct product_filter *f, size_t page, size_t per,
		    struct product_list *out);
/* Page `page` of the products within `sc` matching f (any status unless
 * f->status), by FI then name. */
enum err	product_search(struct db *, struct arena *, const struct scope *sc,
		    const struct product_filter *f, size_t page, size_t per,
		    struct product_list *out);

/* Creates a draft of FI `fi_id` (the caller's own FI, region its region)
 * with "product.create".  ERR_DB_DUP: the FI has a product of that name. */
enum err	product_create(struct db *, const struct audit_actor *,
		    long long fi_id, const char *region,
		    const struct product_input *, long long *id);
/* Sets every field of product `id` within `sc` ("product.update").
 * ERR_NOTFOUND, ERR_CONFLICT (taken down), ERR_DB_DUP, db errors. */
enum err	product_update(struct db *, const struct audit_actor *,
		    const struct scope *sc, long long id,
		    const struct product_input *);
/* Publishes, withdraws or takes down product `id` within `sc` (the row
 * locked, the step checked by product_next, "product.publish" ...; a
 * take-down keeps `reason`).  ERR_NOTFOUND, ERR_CONFLICT (the step is not
 * allowed from the current status), db errors. */
enum err	product_step(struct db *, const struct audit_actor *,
		    const struct scope *sc, long long id,
		    enum product_action act, const char *reason);

#endif
