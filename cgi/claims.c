/*
 * claims.c -- the region's operators verify claims of enterprises that
 * existed without users: the list of pending claims, one claim with its
 * business licence, approval or refusal (R-06.1, R-02.2, X-SEC, X-AUD).
 *
 * Scope is part of the query: a claim of another city does not exist for
 * that city's offices (404), whatever id is typed.
 */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "enterprise/claim.h"
#include "routes.h"
#include "core/timefmt.h"

#define CLAIMS_MAX	200

static const char *const done_choices[] = { "approved", "refused", NULL };
enum { CL_DONE, CL__MAX };
static const struct field claims_fields[CL__MAX] = {
	[CL_DONE] = { .name = "done", .kind = FK_CHOICE, .choices = done_choices },
};
const struct form claims_form = { claims_fields, CL__MAX };

enum { LI_DOWNLOAD, LI__MAX };
static const struct field licence_fields[LI__MAX] = {
	[LI_DOWNLOAD] = { .name = "download", .kind = FK_BOOL },
};
const struct form claim_licence_form = { licence_fields, LI__MAX };

static const char *const result_choices[] = { "approve", "refuse", NULL };
enum { CD_RESULT, CD_REASON, CD__MAX };
static const struct field decide_fields[CD__MAX] = {
	[CD_RESULT] = { .name = "result", .kind = FK_CHOICE, .flags = F_REQUIRED, .choices = result_choices },
	[CD_REASON] = { .name = "reason", .kind = FK_MULTILINE, .flags = F_TRIM, .maxlen = 500 },
};
const struct form claim_decide_form = { decide_fields, CD__MAX };

static const char *
beijing(struct req *r, const char *utc)
{
	char out[32];

	if (utc == NULL || *utc == '\0' || time_beijing(utc, out, sizeof out) == -1)
		return "";
	return arena_strdup(r->a, out);
}

static int
claim_to_hdf(struct req *r, HDF *n, const struct claim *c)
{
	return node_set(n, "id", arena_printf(r->a, "%lld", c->id)) == -1 ||
	    node_set(n, "uscc", c->uscc) == -1 ||
	    node_set(n, "region_name", c->region_name) == -1 ||
	    node_set(n, "status", c->status) == -1 ||
	    node_set(n, "username", c->username) == -1 ||
	    node_set(n, "contact_name", c->contact_name) == -1 ||
	    node_set(n, "ent_name", c->ent_name) == -1 ||
	    node_set(n, "reg_no", c->reg_no) == -1 ||
	    node_set(n, "legal_name", c->legal_name) == -1 ||
	    node_set(n, "legal_id", c->legal_id) == -1 ||
	    node_set(n, "record_name", c->record_name) == -1 ||
	    node_set(n, "licence_type", claim_ftype_name(c->licence_type)) == -1 ||
	    node_set(n, "licence_kb", arena_printf(r->a, "%lld",
	    (c->licence_size + 1023) / 1024)) == -1 ||
	    node_set(n, "created", beijing(r, c->created_at)) == -1 ||
	    node_set(n, "decided", beijing(r, c->decided_at)) == -1 ||
	    node_set(n, "decided_by", c->decided_by) == -1 ||
	    node_set(n, "reason", c->reason) == -1 ? -1 : 0;
}

/*
 * GET /claims (operators, supervisors): the pending claims of the user's
 * region (the province's: every region), oldest first, each with a link
 * to its page.  ?done=approved|refused: the notice after a decision.
 */
int
handle_claims(struct req *r)
{
	struct claim	*v;
	size_t		 n;
	enum err	 rc;

	r->tmpl = TMPL_CLAIMS;
	req_set(r, "Page.nav", "claims");
	req_set(r, "Scope.region", r->sess->user.region);
	req_set(r, "Scope.region_name", r->sess->user.region_name);
	if (r->f[CL_DONE].present && r->f[CL_DONE].error == NULL)
		req_set(r, "Done", r->f[CL_DONE].s);
	if ((rc = claim_list(r->app->db, r->a, r->app->cfg->data_key,
	    r->sess->user.region, CLAIMS_MAX, &v, &n)) != ERR_OK)
		return status_of(rc);
	for (size_t i = 0; i < n; i++) {
		HDF *row = req_row(r, "Claims", i);

		if (row == NULL || claim_to_hdf(r, row, &v[i]) == -1)
			return 500;
	}
	return 200;
}

/* The page of the route's claim, which the dispatcher loaded through the
 * scoped claim_get (again with the messages of a refused decision). */
static int
claim_page(struct req *r)
{
	const struct claim	*c = r->obj;
	HDF			*n;

	r->tmpl = TMPL_CLAIM;
	req_set(r, "Page.nav", "claims");
	if (hdf_get_node(r->hdf, "Claim", &n) != STATUS_OK) {
		/* only OOM fails here */
		return 500;
	}
	if (claim_to_hdf(r, n, c) == -1)
		return 500;
	if (r->sess->user.role == ROLE_OPERATOR && strcmp(c->status, "pending") == 0)
		req_set(r, "Can.decide", "1");
	return 200;
}

/*
 * GET /claims/{id} (operators, supervisors of the claim's region): what
 * the registration typed next to what is on record, the account, the
 * licence (view or download) and, for operators while it is pending, the
 * form to decide.  404 for another region's claim.
 */
int
handle_claim(struct req *r)
{
	return claim_page(r);
}

/*
 * GET /claims/{id}/licence[?download=1] (the claim's region): the file as
 * stored, with the type its bytes were sniffed as at upload; inline, or
 * as an attachment.  404 for another region's claim and for a refused or
 * withdrawn one (its licence was deleted then); 500 when the file is gone
 * or altered in size.
 */
int
handle_claim_licence(struct req *r)
{
	const unsigned char	*data;
	const struct claim	*c = r->obj;	/* the dispatcher's, scoped */
	long long		 id = c->id;
	size_t			 len;
	enum err		 rc;

	/* a refused or withdrawn claim's licence was deleted with it */
	if (strcmp(c->status, "refused") == 0 || strcmp(c->status, "withdrawn") == 0)
		return 404;
	if ((rc = claim_licence_read(r->a, r->app->cfg->licences, c, &data, &len)) != ERR_OK)
		return 500;
	r->body_out = (const char *)data;
	r->body_len = len;
	r->ctype = claim_ftype_mime(c->licence_type);
	req_header(r, "Content-Disposition", arena_printf(r->a,
	    "%s; filename=\"licence-%lld.%s\"", r->f[LI_DOWNLOAD].i ? "attachment" : "inline",
	    id, claim_ftype_name(c->licence_type)));
	return 200;
}

/*
 * POST /claims/{id}/decide (operators of the claim's region): result
 * approve|refuse, reason (required to refuse, at most 500 characters).
 * One transaction with its audit rows (claim_decide); 303 to
 * /claims?done=approved|refused.  Bad input: 200, the claim's page with
 * the message next to the field; already decided: 409, the page again.
 */
int
handle_claim_decide(struct req *r)
{
	struct ent_keys		keys = { r->app->cfg->data_key, r->app->cfg->index_key };
	struct audit_actor	a;
	long long		id = ((const struct claim *)r->obj)->id;
	bool			approve;
	char			today[11];
	enum err		rc;
	int			st;

	if ((st = claim_page(r)) != 200)
		return st;
	approve = r->f[CD_RESULT].present && strcmp(r->f[CD_RESULT].s, "approve") == 0;
	if (r->f[CD_RESULT].error == NULL && !approve && !r->f[CD_REASON].present &&
	    r->f[CD_REASON].error == NULL)
		req_field_error(r, "reason", "claim_refuse_reason");
	if (r->nerrors > 0)
		return 200;
	beijing_date(today, sizeof today);
	req_actor(r, &a);
	rc = claim_decide(r->app->db, &keys, &a, r->app->cfg->licences,
	    r->sess->user.region, id, approve,
	    r->f[CD_REASON].s, today);
	if (rc == ERR_NOTFOUND)
		return 404;
	if (rc == ERR_CONFLICT) {
		req_set(r, "Stale", "1");
		r->tmpl_on_4xx = true;
		hdf_remove_tree(r->hdf, "Can.decide");
		return 409;
	}
	if (rc != ERR_OK)
		return status_of(rc);
	r->location = approve ? "/claims?done=approved" : "/claims?done=refused";
	return 303;
}
