/*
 * articles.c -- the information service's articles (issue 17 "Articles",
 * X-AUD): /news lists the published notices, policies, knowledge
 * and guides of the portal (the internet's without signing in, cacheable
 * for anonymous visitors), /news/{id} shows one rendered from CommonMark;
 * on the intranet the operators of a region write their region's
 * articles (/news/manage, /news/new, /news/{id}/edit), publish them at
 * once or at a time, withdraw them and read every saved version
 * (/news/{id}/history); supervisors read them in every state.
 *
 * Scope: every article by id is loaded by the dispatcher (OBJ_ARTICLE,
 * worker.c's get_article) through article_get() with the reader
 * (article_reader_of: portal, region) and, for the offices' staff on the
 * intranet, their region scope in the query; anything else is a 404.
 */
#include <stdio.h>
#include <string.h>

#include "accounts/scope.h"
#include "core/enumname.h"
#include "core/timefmt.h"
#include "db/db_region.h"
#include "formats/markdown.h"
#include "info/article.h"
#include "routes.h"

#define NEWS_PER_PAGE	20

static const char *
check_region(struct arena *a, struct fval *v)
{
	(void)a;
	return region_code_valid(v->s) ? NULL : "bad_region";
}

/* A publication time typed in Beijing time, in the future. */
static const char *
check_publish_at(struct arena *a, struct fval *v)
{
	char	utc[24], now[24];
	time_t	t = time(NULL);
	struct tm tm;

	(void)a;
	if (beijing_to_utc(v->s, utc, sizeof utc) != 0)
		return "article_time";
	if (gmtime_r(&t, &tm) == NULL ||
	    strftime(now, sizeof now, "%Y-%m-%d %H:%M:%S", &tm) == 0)
		return "article_time";
	return strcmp(utc, now) > 0 ? NULL : "article_time_past";
}

static const char *const done_names[] = { "created", "updated", "published",
	"scheduled", "withdrawn", NULL };

/* /news: ?kind= ?region= (anonymous visitors) ?page= */
enum { NL_KIND, NL_REGION, NL_PAGE, NL__MAX };

static const struct field news_fields[NL__MAX] = {
	[NL_KIND] = { .name = "kind", .kind = FK_CHOICE, .choices = article_kind_names },
	[NL_REGION] = { .name = "region", .kind = FK_CUSTOM, .flags = F_TRIM, .maxlen = 6, .check = check_region },
	[NL_PAGE] = { .name = "page", .kind = FK_INT, .min = 1, .max = 100000 },
};
const struct form news_form = { news_fields, NL__MAX };

/* /news/{id}: ?done= after a step */
enum { NI_DONE, NI__MAX };

static const struct field news_item_fields[NI__MAX] = {
	[NI_DONE] = { .name = "done", .kind = FK_CHOICE, .choices = done_names },
};
const struct form news_item_form = { news_item_fields, NI__MAX };

/* /news/manage: ?kind= ?state= ?page= */
enum { NM_KIND, NM_STATE, NM_PAGE, NM__MAX };

static const struct field news_manage_fields[NM__MAX] = {
	[NM_KIND] = { .name = "kind", .kind = FK_CHOICE, .choices = article_kind_names },
	[NM_STATE] = { .name = "state", .kind = FK_CHOICE, .choices = article_state_names },
	[NM_PAGE] = { .name = "page", .kind = FK_INT, .min = 1, .max = 100000 },
};
const struct form news_manage_form = { news_manage_fields, NM__MAX };

/* The article form of /news/new and /news/{id}/edit. */
enum { AF_KIND, AF_AUDIENCE, AF_TITLE, AF_BODY, AF_PINNED, AF_REVISION,
	AF__MAX };

static const struct field article_fields[AF__MAX] = {
	[AF_KIND] = { .name = "kind", .kind = FK_CHOICE, .flags = F_REQUIRED, .choices = article_kind_names },
	[AF_AUDIENCE] = { .name = "audience", .kind = FK_CHOICE, .flags = F_REQUIRED, .choices = article_audience_names },
	[AF_TITLE] = { .name = "title", .kind = FK_TEXT, .flags = F_REQUIRED | F_TRIM, .minlen = 4, .maxlen = ARTICLE_TITLE_MAX },
	[AF_BODY] = { .name = "body", .kind = FK_MULTILINE, .flags = F_REQUIRED | F_TRIM, .minlen = 4, .maxlen = 20000 },
	[AF_PINNED] = { .name = "pinned", .kind = FK_BOOL },
	[AF_REVISION] = { .name = "revision", .kind = FK_INT, .min = 1, .max = 1000000000 },
};
const struct form article_edit_form = { article_fields, AF__MAX };

enum { AS_AT, AS_F__MAX };

static const struct field schedule_fields[AS_F__MAX] = {
	[AS_AT] = { .name = "publish_at", .kind = FK_CUSTOM, .flags = F_REQUIRED | F_TRIM, .maxlen = 16, .check = check_publish_at },
};
const struct form article_schedule_form = { schedule_fields, AS_F__MAX };

/* The offices' staff manage articles on the intranet only. */
static bool
is_manager(const struct req *r)
{
	return r->sess != NULL && r->app->cfg->portal == PORTAL_INTRANET &&
	    (r->sess->user.role == ROLE_OPERATOR ||
	    r->sess->user.role == ROLE_SUPERVISOR);
}

/* True when the signed-in operator writes article `a` (its region's; the
 * province's operators every region's). */
static bool
writes(const struct req *r, const struct article *a)
{
	return is_manager(r) && r->sess->user.role == ROLE_OPERATOR &&
	    (scope_province_wide(&r->scope) ||
	    strcmp(r->scope.region, a->region) == 0);
}

void
article_reader_of(const struct req *r, struct article_reader *rd)
{
	rd->portal = portal_name(r->app->cfg->portal);
	rd->region = r->sess != NULL ? r->sess->user.region : "";
	rd->manager = is_manager(r) ? &r->scope : NULL;
}

/* The article of the path's {id}, loaded by the dispatcher (OBJ_ARTICLE,
 * article_get with this reader): 0, or 404 when there is none. */
static int
article_load(struct req *r, struct article *out)
{
	if (r->obj == NULL)
		return 404;
	*out = *(const struct article *)r->obj;
	return 0;
}

static int
set_time(HDF *n, const char *key, const char *utc)
{
	char when[32];

	if (utc == NULL || *utc == '\0' || time_beijing(utc, when, sizeof when) != 0)
		return 0;
	return node_set(n, key, when);
}

/* One article as HDF node n (a row or "Article"); with_html renders its
 * body. */
static int
article_to_node(struct req *r, HDF *n, const struct article *a, bool with_html)
{
	if (n == NULL ||
	    node_set(n, "id", arena_printf(r->a, "%lld", a->id)) == -1 ||
	    node_set(n, "kind", article_kind_names[a->kind]) == -1 ||
	    node_set(n, "audience", article_audience_names[a->audience]) == -1 ||
	    node_set(n, "region", a->region) == -1 ||
	    node_set(n, "region_name", a->region_name) == -1 ||
	    node_set(n, "title", a->title) == -1 ||
	    node_set(n, "state", article_state_names[a->state]) == -1 ||
	    node_set(n, "revision", arena_printf(r->a, "%u", a->revision)) == -1 ||
	    node_set(n, "author", a->author) == -1 ||
	    node_set(n, "editor", a->editor) == -1 ||
	    (a->pinned && node_set(n, "pinned", "1") == -1) ||
	    set_time(n, "published", a->published_at) == -1 ||
	    set_time(n, "publish_at", a->publish_at) == -1 ||
	    set_time(n, "updated", a->updated_at) == -1)
		return -1;
	if (with_html) {
		const char *html = md_render(r->a, a->body, strlen(a->body));

		if (html == NULL || node_set(n, "html", html) == -1)
			return -1;
	}
	return 0;
}

/* Anonymous readers' pages may be kept by browsers and proxies for a few
 * minutes: the same for every visitor, no cookie, no token. */
static void
cacheable(struct req *r)
{
	if (r->sess == NULL)
		r->cacheable = true;
}

/* Regions.<i> for the city filter, `sel` marked. */
static int
regions_to_hdf(struct req *r, const char *sel)
{
	const struct region	*v;
	size_t			 n, k = 0;
	enum err		 rc;

	if ((rc = db_region_list(r->app->db, &r->app->regions, &v, &n)) != ERR_OK)
		return status_of(rc);
	for (size_t i = 0; i < n; i++) {
		HDF *row;

		if (v[i].province)
			continue;
		if ((row = req_row(r, "Regions", k++)) == NULL ||
		    node_set(row, "code", v[i].code) == -1 ||
		    node_set(row, "name", v[i].name) == -1 ||
		    (sel != NULL && strcmp(sel, v[i].code) == 0 &&
		    node_set(row, "selected", "1") == -1))
			return 500;
	}
	return 0;
}

int
news_latest_to_hdf(struct req *r, const char *name, int kind, size_t n)
{
	struct article_reader	 rd;
	struct article_filter	 f = { .kind = kind, .region = "", .state = -1 };
	struct article_list	 l;
	enum err		 rc;

	article_reader_of(r, &rd);
	if ((rc = article_list(r->app->db, r->a, &rd, &f, 0, n, &l)) != ERR_OK)
		return status_of(rc);
	for (size_t i = 0; i < l.n; i++)
		if (article_to_node(r, req_row(r, arena_printf(r->a, "%s.rows", name), i),
		    &l.v[i], false) == -1)
			return 500;
	return 0;
}

/*
 * GET /news (internet: everyone; intranet: signed-in users): the articles
 * shown on this portal to this reader, pinned first, newest first, 20 a
 * page; ?kind= and, for anonymous visitors, ?region= (a city: the
 * province's and that city's).  A bad filter shows its message and is
 * ignored.
 */
int
handle_news(struct req *r)
{
	struct article_reader	 rd;
	struct article_filter	 f = { .kind = -1, .region = "", .state = -1 };
	struct article_list	 l;
	struct pager		 pg;
	enum err		 rc;
	int			 st;

	r->tmpl = TMPL_NEWS;
	req_set(r, "Page.nav", "news");
	if (r->f[NL_KIND].present && r->f[NL_KIND].error == NULL) {
		f.kind = enum_parse(article_kind_names, AK__MAX, r->f[NL_KIND].s);
		req_set(r, "News.kind", r->f[NL_KIND].s);
	}
	article_reader_of(r, &rd);
	if (r->sess == NULL) {
		if (r->f[NL_REGION].present && r->f[NL_REGION].error == NULL)
			f.region = r->f[NL_REGION].s;
		req_set(r, "News.pick_region", "1");
		if ((st = regions_to_hdf(r, f.region)) != 0)
			return st;
	}
	if (is_manager(r))
		req_set(r, "Can.manage", "1");
	req_pager_init(r, NL_PAGE, NEWS_PER_PAGE, 0, &pg);
	if ((rc = article_list(r->app->db, r->a, &rd, &f, (size_t)pg.page - 1,
	    NEWS_PER_PAGE, &l)) != ERR_OK)
		return status_of(rc);
	for (size_t i = 0; i < l.n; i++)
		if (article_to_node(r, req_row(r, "News.rows", i), &l.v[i], false) == -1)
			return 500;
	pg.total = l.total;
	if (req_pager(r, &pg, arena_printf(r->a, "/news?kind=%s&region=%s&",
	    f.kind >= 0 ? article_kind_names[f.kind] : "",
	    query_escape(r->a, f.region))) == -1)
		return 500;
	cacheable(r);
	return 200;
}

/*
 * GET /news/{id}: the article, its body rendered from CommonMark (raw HTML
 * omitted, links only http(s) and local), printable.  On the intranet an
 * operator of its region also sees its state and the steps it may take.
 * 404 for an article not shown to this reader.
 */
int
handle_news_item(struct req *r)
{
	struct article	 a;
	HDF		*n = NULL;
	int		 st;

	if ((st = article_load(r, &a)) != 0)
		return st;
	r->tmpl = TMPL_ARTICLE;
	req_set(r, "Page.nav", "news");
	if (hdf_get_node(r->hdf, "Article", &n) != STATUS_OK ||
	    article_to_node(r, n, &a, true) == -1)
		return 500;
	if (is_manager(r)) {
		req_set(r, "Can.manage", "1");
		if (writes(r, &a)) {
			req_set(r, "Can.write", "1");
			if (step_next(&article_machine, (int)a.state, AA_PUBLISH) >= 0)
				req_set(r, "Can.publish", "1");
			if (step_next(&article_machine, (int)a.state, AA_SCHEDULE) >= 0)
				req_set(r, "Can.schedule", "1");
			if (step_next(&article_machine, (int)a.state, AA_WITHDRAW) >= 0)
				req_set(r, "Can.withdraw", "1");
		}
	}
	if (r->f[NI_DONE].present && r->f[NI_DONE].error == NULL)
		req_set(r, "Done", views_str(r->app->views,
		    arena_printf(r->a, "Article.done.%s", r->f[NI_DONE].s)));
	cacheable(r);
	return 200;
}

/*
 * GET /news/manage (operators, supervisors): every article of their
 * region (the province's: all), any state, newest change first; ?kind=
 * ?state= filters; operators see the way to a new one.
 */
int
handle_news_manage(struct req *r)
{
	struct article_filter	 f = { .kind = -1, .region = "", .state = -1 };
	struct article_list	 l;
	struct pager		 pg;
	enum err		 rc;

	r->tmpl = TMPL_NEWS_MANAGE;
	req_set(r, "Page.nav", "news_manage");
	if (r->sess->user.role == ROLE_OPERATOR)
		req_set(r, "Can.create", "1");
	if (r->f[NM_KIND].present && r->f[NM_KIND].error == NULL)
		f.kind = enum_parse(article_kind_names, AK__MAX, r->f[NM_KIND].s);
	if (r->f[NM_STATE].present && r->f[NM_STATE].error == NULL)
		f.state = enum_parse(article_state_names, AS__MAX, r->f[NM_STATE].s);
	req_pager_init(r, NM_PAGE, NEWS_PER_PAGE, 0, &pg);
	if ((rc = article_manage_list(r->app->db, r->a, &r->scope, &f,
	    (size_t)pg.page - 1, NEWS_PER_PAGE, &l)) != ERR_OK)
		return status_of(rc);
	for (size_t i = 0; i < l.n; i++)
		if (article_to_node(r, req_row(r, "Manage.rows", i), &l.v[i], false) == -1)
			return 500;
	pg.total = l.total;
	return req_pager(r, &pg, arena_printf(r->a, "/news/manage?kind=%s&state=%s&",
	    f.kind >= 0 ? article_kind_names[f.kind] : "",
	    f.state >= 0 ? article_state_names[f.state] : "")) == 0 ? 200 : 500;
}

static void
input_of(const struct req *r, struct article_input *in)
{
	memset(in, 0, sizeof *in);
	in->kind = enum_parse(article_kind_names, AK__MAX, r->f[AF_KIND].s);
	in->audience = enum_parse(article_audience_names, AUD__MAX,
	    r->f[AF_AUDIENCE].s);
	in->title = r->f[AF_TITLE].s;
	in->body = r->f[AF_BODY].s;
	in->pinned = r->f[AF_PINNED].i != 0;
}

/* The form page's region line: the operator's region, where it appears. */
static void
region_to_hdf(struct req *r, const char *code)
{
	const struct region *v;
	size_t n;

	if (db_region_list(r->app->db, &r->app->regions, &v, &n) != ERR_OK)
		return;
	for (size_t i = 0; i < n; i++)
		if (strcmp(v[i].code, code) == 0)
			req_set(r, "Edit.region_name", v[i].name);
}

/*
 * GET /news/new (operators): the empty form.  POST: kind, audience,
 * title, body (CommonMark), pinned; saved as a draft of the operator's
 * region, 303 to /news/{id}?done=created.  200 with the messages next to
 * the fields and the text as typed.
 */
int
handle_news_new(struct req *r)
{
	struct audit_actor	 a;
	struct article_input	 in;
	long long		 id;
	enum err		 rc;

	r->tmpl = TMPL_ARTICLE_EDIT;
	req_set(r, "Page.nav", "news_manage");
	req_set(r, "Edit.new", "1");
	region_to_hdf(r, r->scope.region);
	if (r->method != HTTP_POST) {
		req_set(r, "Form.audience.value", "both");
		return 200;
	}
	if (r->nerrors > 0)
		return 200;
	input_of(r, &in);
	req_actor(r, &a);
	if ((rc = article_create(r->app->db, &a, &r->scope, &in, &id)) != ERR_OK)
		return status_of(rc);
	r->location = arena_printf(r->a, "/news/%lld?done=created", id);
	return r->location != NULL ? 303 : 500;
}

/*
 * GET /news/{id}/edit (an operator of its region): the form with the
 * stored text and its revision.  POST: the fields of /news/new and the
 * revision the form was opened at; a new version kept in the history,
 * 303 to /news/{id}?done=updated.  200 with messages; 409 with the
 * form kept when someone saved the article meanwhile; 404 outside the
 * region.
 */
int
handle_news_edit(struct req *r)
{
	struct audit_actor	 a;
	struct article_input	 in;
	struct article		 art;
	enum err		 rc;
	int			 st;

	if ((st = article_load(r, &art)) != 0)
		return st;
	if (!writes(r, &art))
		return req_forbidden(r, "article", art.id, "not its region's operator");
	r->tmpl = TMPL_ARTICLE_EDIT;
	req_set(r, "Page.nav", "news_manage");
	req_setf(r, "Edit.id", "%lld", art.id);
	req_set(r, "Edit.title", art.title);
	req_set(r, "Edit.region_name", art.region_name);
	if (r->method != HTTP_POST) {
		req_set(r, "Form.kind.value", article_kind_names[art.kind]);
		req_set(r, "Form.audience.value", article_audience_names[art.audience]);
		req_set(r, "Form.title.value", art.title);
		req_set(r, "Form.body.value", art.body);
		req_set(r, "Form.pinned.value", art.pinned ? "1" : "");
		req_setf(r, "Form.revision.value", "%u", art.revision);
		return 200;
	}
	if (r->nerrors > 0)
		return 200;
	if (!r->f[AF_REVISION].present) {
		req_setf(r, "Form.revision.value", "%u", art.revision);
		return 400;
	}
	input_of(r, &in);
	req_actor(r, &a);
	rc = article_update(r->app->db, &a, &r->scope, art.id,
	    (unsigned)r->f[AF_REVISION].i, &in);
	if (rc == ERR_NOTFOUND)
		return 404;
	if (rc == ERR_CONFLICT) {
		/* the form stays as typed, with the newer revision to save over */
		r->tmpl_on_4xx = true;
		req_set(r, "Edit.conflict", "1");
		req_setf(r, "Form.revision.value", "%u", art.revision);
		return 409;
	}
	if (rc != ERR_OK)
		return status_of(rc);
	r->location = arena_printf(r->a, "/news/%lld?done=updated", art.id);
	return r->location != NULL ? 303 : 500;
}

/* A state step on the article of the path by an operator of its region. */
static int
step(struct req *r, enum article_action act, const char *done)
{
	struct audit_actor	 a;
	struct article		 art;
	char			 utc[24];
	enum err		 rc;
	int			 st;

	if ((st = article_load(r, &art)) != 0)
		return st;
	if (!writes(r, &art))
		return req_forbidden(r, "article", art.id, "not its region's operator");
	if (act == AA_SCHEDULE && r->nerrors > 0) {
		HDF *n = NULL;

		r->tmpl = TMPL_ARTICLE;
		r->tmpl_on_4xx = true;
		req_set(r, "Page.nav", "news");
		if (hdf_get_node(r->hdf, "Article", &n) != STATUS_OK ||
		    article_to_node(r, n, &art, true) == -1)
			return 500;
		req_set(r, "Can.manage", "1");
		req_set(r, "Can.write", "1");
		req_set(r, "Can.schedule", "1");
		if (step_next(&article_machine, (int)art.state, AA_PUBLISH) >= 0)
			req_set(r, "Can.publish", "1");
		if (step_next(&article_machine, (int)art.state, AA_WITHDRAW) >= 0)
			req_set(r, "Can.withdraw", "1");
		return 400;
	}
	req_actor(r, &a);
	if (act == AA_SCHEDULE) {
		if (beijing_to_utc(r->f[AS_AT].s, utc, sizeof utc) != 0)
			return 400;
		rc = article_schedule(r->app->db, &a, &r->scope, art.id, utc);
	} else
		rc = article_step(r->app->db, &a, &r->scope, art.id, act);
	if (rc == ERR_NOTFOUND)
		return 404;
	if (rc == ERR_CONFLICT)
		return 409;
	if (rc != ERR_OK)
		return status_of(rc);
	r->location = arena_printf(r->a, "/news/%lld?done=%s", art.id, done);
	return r->location != NULL ? 303 : 500;
}

/* POST /news/{id}/publish (an operator of its region): shown at once.
 * 303; 409 when already published. */
int
handle_news_publish(struct req *r)
{
	return step(r, AA_PUBLISH, "published");
}

/* POST /news/{id}/schedule (an operator of its region): publish_at, a
 * Beijing time in the future; shown from then on.  303; 400 with the
 * message next to the time; 409 for a published article. */
int
handle_news_schedule(struct req *r)
{
	return step(r, AA_SCHEDULE, "scheduled");
}

/* POST /news/{id}/withdraw (an operator of its region): a published
 * article is no longer shown, a scheduled one goes back to draft.  303;
 * 409 for a draft or withdrawn one. */
int
handle_news_withdraw(struct req *r)
{
	return step(r, AA_WITHDRAW, "withdrawn");
}

/*
 * GET /news/{id}/history (operators, supervisors of its region): every
 * saved version, newest first, with who saved it and when, the text as
 * written.  404 outside the region.
 */
int
handle_news_history(struct req *r)
{
	struct article_revision	*v;
	struct article		 art;
	HDF			*n = NULL;
	size_t			 nv;
	enum err		 rc;
	int			 st;

	if ((st = article_load(r, &art)) != 0)
		return st;
	r->tmpl = TMPL_ARTICLE_HISTORY;
	req_set(r, "Page.nav", "news_manage");
	if (hdf_get_node(r->hdf, "Article", &n) != STATUS_OK ||
	    article_to_node(r, n, &art, false) == -1)
		return 500;
	rc = article_revisions(r->app->db, r->a, &r->scope, art.id, &v, &nv);
	if (rc == ERR_NOTFOUND)
		return 404;
	if (rc != ERR_OK)
		return status_of(rc);
	for (size_t i = 0; i < nv; i++) {
		HDF *row = req_row(r, "Revisions", i);

		if (row == NULL ||
		    node_set(row, "revision", arena_printf(r->a, "%u", v[i].revision)) == -1 ||
		    node_set(row, "kind", article_kind_names[v[i].kind]) == -1 ||
		    node_set(row, "audience", article_audience_names[v[i].audience]) == -1 ||
		    node_set(row, "title", v[i].title) == -1 ||
		    node_set(row, "body", v[i].body) == -1 ||
		    node_set(row, "editor", v[i].editor) == -1 ||
		    set_time(row, "edited", v[i].edited_at) == -1)
			return 500;
	}
	return 200;
}
