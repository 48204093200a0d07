/*
 * home.c -- the public pages of both portals: the home page and the
 * health check.
 */
#include <stdio.h>
#include <string.h>

#include "db/db_region.h"
#include "info/article.h"
#include "routes.h"

/* ?region=440100 picks a city on the home page's office directory. */
static const char *
check_region(struct arena *a, struct fval *v)
{
	(void)a;
	return region_code_valid(v->s) ? NULL : "bad_region";
}

enum { HOME_REGION, HOME__MAX };

static const struct field home_fields[HOME__MAX] = {
	[HOME_REGION] = { .name = "region", .kind = FK_CUSTOM,
	    .flags = F_TRIM, .maxlen = 64, .check = check_region },
};

const struct form home_form = { home_fields, HOME__MAX };

/*
 * GET /healthz (both portals): 200 "ok" after a round trip to the
 * database; 503 "unavailable" while it cannot be reached.  Plain text for
 * monitors, never cached.  A connection found dead is replaced once
 * before answering: the question is whether the database is reachable
 * now, not whether this worker's old connection survived.
 */
int
handle_healthz(struct req *r)
{
	enum err rc = db_ping(r->app->db);

	if (rc == ERR_DB_LOST)
		rc = db_ping(r->app->db);

	r->ctype = "text/plain; charset=utf-8";
	if (rc != ERR_OK) {
		r->body_out = "unavailable: database\n";
		r->body_len = strlen(r->body_out);
		return 503;
	}
	r->body_out = "ok\n";
	r->body_len = 3;
	return 200;
}

/*
 * GET / : the platform's name, what this portal is for, and every region
 * with the operator office that runs it, its address, phone and hours
 * (offices_to_hdf; ?region= picks one); on the
 * internet the service entries, the latest notices and policies and how
 * to start; on the intranet who may sign in and how accounts are opened,
 * and the latest articles for a signed-in user; for a signed-in user
 * also how many things wait, linking /start (start.c).  200; 400
 * never (a bad region shows a message next to the selector); 503 when the
 * database is down.
 */
int
handle_home(struct req *r)
{
	HDF		*row;
	int		 st;
	const char	*sel = r->f[HOME_REGION].error == NULL ?
	    r->f[HOME_REGION].s : "";

	/* read on each request, not from the region cache: an operator's
	 * change to an office shows on the next page of every worker */
	if ((st = offices_to_hdf(r, "Regions")) != 0)
		return st;
	row = *sel != '\0' ? hdf_obj_child(hdf_get_obj(r->hdf, "Regions")) : NULL;
	for (; row != NULL; row = hdf_obj_next(row)) {
		static const char *const keys[] = { "region", "region_name",
		    "office", "address", "phone", "hours", "filled" };
		char name[32];

		if (strcmp(hdf_get_value(row, "region", ""), sel) != 0)
			continue;
		if (node_set(row, "selected", "1") == -1)
			return 500;
		for (size_t k = 0; k < sizeof keys / sizeof keys[0]; k++) {
			snprintf(name, sizeof name, "Selected.%s", keys[k]);
			if (req_set(r, name, hdf_get_value(row, keys[k], "")) == -1)
				return 500;
		}
		break;
	}
	if (*sel != '\0' && hdf_get_value(r->hdf, "Selected.region", NULL) == NULL)
		req_set(r, "Form.region.error", views_str(r->app->views, "Err.unknown_region"));
	req_set(r, "Page.nav", "home");
	/* a signed-in user sees what waits, linking its start page */
	if (r->sess != NULL && r->sess->stage == STAGE_FULL &&
	    (st = start_to_hdf(r)) != 0)
		return st;
	if (r->app->cfg->portal == PORTAL_INTERNET) {
		r->tmpl = TMPL_HOME_INTERNET;
		if ((st = news_latest_to_hdf(r, "Latest.notice", AK_NOTICE, 5)) != 0 ||
		    (st = news_latest_to_hdf(r, "Latest.policy", AK_POLICY, 5)) != 0 ||
		    (st = events_upcoming_to_hdf(r, "Upcoming", 3)) != 0)
			return st;
	} else {
		r->tmpl = TMPL_HOME_INTRANET;
		if (r->sess != NULL &&
		    ((st = news_latest_to_hdf(r, "Latest.staff", -1, 8)) != 0 ||
		    (st = events_upcoming_to_hdf(r, "Upcoming", 3)) != 0))
			return st;
	}
	return 200;
}

/*
 * GET /about/disclaimer (both portals, everyone): the platform's
 * disclaimer, from strings.hdf (S.About.disclaimer; the user agreement
 * and privacy policy are /terms and /privacy, register.c).  200,
 * cacheable for anonymous visitors.
 */
int
handle_about(struct req *r)
{
	r->tmpl = TMPL_ABOUT;
	req_set(r, "About.page", "disclaimer");
	if (r->sess == NULL)
		r->cacheable = true;
	return 200;
}
