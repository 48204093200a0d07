/*
 * loan_suggest.c -- suggestions (issue 14 "Suggestions", R-12.1,
 * R-08.2a): the rule is lib/finance/match.h (docs/ARCHITECTURE.md
 * "Suggestions").
 *
 * The enterprise: on its application's page (a draft or published one),
 * the published products that fit it, ranked, each with the criteria it
 * met.  An FI's users: /loans/suggested, the open applications of the
 * regions its products serve that fit one of them, each naming the
 * product and why.  What is shown is within the reader's scope: the
 * application was loaded through its scope (OBJ_LOAN), the FI's list is
 * a subset of what loan_search shows it (match_leads_for).
 */
#include <stdio.h>
#include <string.h>

#include "core/timefmt.h"
#include "finance/match.h"
#include "routes.h"

static const char *
num(struct req *r, long long v)
{
	return arena_printf(r->a, "%lld", v);
}

/* The why of a fit: the flags and ranges the template words. */
static int
why_to_node(struct req *r, HDF *n, const struct match_result *m,
    long long amin, long long amax, long long tmin, long long tmax,
    const char *industries, const char *sizes)
{
	if (node_set(n, "score", arena_printf(r->a, "%d", m->score)) == -1 ||
	    node_set(n, "amount_min", num(r, amin)) == -1 ||
	    node_set(n, "amount_max", num(r, amax)) == -1 ||
	    node_set(n, "term_min", num(r, tmin)) == -1 ||
	    node_set(n, "term_max", num(r, tmax)) == -1 ||
	    node_set(n, "industries", industries) == -1 ||
	    node_set(n, "sizes", sizes) == -1 ||
	    node_set(n, "industry_named", m->met & MC_INDUSTRY_NAMED ? "1" : "") == -1 ||
	    node_set(n, "size_named", m->met & MC_SIZE_NAMED ? "1" : "") == -1 ||
	    node_set(n, "local", m->met & MC_LOCAL ? "1" : "") == -1)
		return -1;
	return 0;
}

/*
 * Suggest.<i> on the page of application l (the enterprise's own, a
 * draft or published: afterwards an FI has it), with Suggest_for.* the
 * enterprise's industry and size the reasons name.  0, or the status.
 */
int
loan_suggest_products(struct req *r, const struct loan *l)
{
	struct match_fit	*v = NULL;
	struct match_app	 app;
	size_t			 n = 0;
	enum err		 rc;

	if (r->sess == NULL || r->sess->user.role != ROLE_ENTERPRISE ||
	    (l->status != LS_DRAFT && l->status != LS_PUBLISHED))
		return 0;
	if ((rc = match_products_for(r->app->db, r->a, l, &app, &v, &n)) != ERR_OK)
		return status_of(rc);
	if (req_set(r, "Suggest_on", "1") == -1 ||
	    req_set(r, "Suggest_for.industry", app.industry) == -1 ||
	    req_set(r, "Suggest_for.size", app.size) == -1)
		return 500;
	for (size_t i = 0; i < n; i++) {
		const struct product	*p = &v[i].p;
		char			 rb[16];
		HDF			*row = req_row(r, "Suggest", i);

		product_rate_format(p->rate_min_bp, rb, sizeof rb);
		if (row == NULL ||
		    node_set(row, "id", num(r, p->id)) == -1 ||
		    node_set(row, "name", p->name) == -1 ||
		    node_set(row, "fi_name", p->fi_name) == -1 ||
		    node_set(row, "kind", product_kind_names[p->kind]) == -1 ||
		    node_set(row, "rate_min", rb) == -1 ||
		    node_set(row, "addressed", p->id == l->product_id ? "1" : "") == -1 ||
		    why_to_node(r, row, &v[i].r, p->amount_min, p->amount_max,
		    p->term_min, p->term_max, p->industries, p->sizes) == -1)
			return 500;
	}
	return 0;
}

/* UTC text as Beijing time, "" for none. */
static const char *
bj(struct req *r, const char *utc)
{
	char out[32];

	if (utc == NULL || *utc == '\0' || time_beijing(utc, out, sizeof out) != 0)
		return "";
	return arena_strdup(r->a, out);
}

/*
 * GET /loans/suggested (an FI's users): the open applications that fit
 * one of its FI's published products, ranked (match_leads_for), each with
 * the product and the criteria met; a link to the application, where it
 * is taken up.  200.
 */
int
handle_loans_suggested(struct req *r)
{
	struct match_lead	*v = NULL;
	size_t			 n = 0;
	enum err		 rc;

	r->tmpl = TMPL_LOANS_SUGGESTED;
	req_set(r, "Page.nav", "loans_suggested");
	if ((rc = match_leads_for(r->app->db, r->a, &r->scope, &v, &n)) != ERR_OK)
		return status_of(rc);
	for (size_t i = 0; i < n; i++) {
		const struct match_lead	*d = &v[i];
		HDF			*row = req_row(r, "Leads", i);

		if (row == NULL ||
		    node_set(row, "id", num(r, d->loan_id)) == -1 ||
		    node_set(row, "number", d->number) == -1 ||
		    node_set(row, "ent_name", d->ent_name) == -1 ||
		    node_set(row, "region_name", d->region_name) == -1 ||
		    node_set(row, "published", bj(r, d->published_at)) == -1 ||
		    node_set(row, "amount_wan", num(r, d->amount_wan)) == -1 ||
		    node_set(row, "term_months", num(r, d->term_months)) == -1 ||
		    node_set(row, "industry", d->industry) == -1 ||
		    node_set(row, "size", d->size) == -1 ||
		    node_set(row, "product_id", num(r, d->product_id)) == -1 ||
		    node_set(row, "product_name", d->product_name) == -1 ||
		    why_to_node(r, row, &d->r, d->amount_min, d->amount_max,
		    d->term_min, d->term_max, d->industries, d->sizes) == -1)
			return 500;
	}
	return 200;
}
