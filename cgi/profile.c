/*
 * profile.c -- the enterprise's own information: view, edit with the
 * date each change happened, history (R-06.3, R-08.2b, R-09.4, R-10.1).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "enterprise/enterprise.h"
#include "formats/ident.h"
#include "routes.h"
#include "core/timefmt.h"

/* Organisation forms (the licence's wording in strings.hdf S.OrgForm). */
static const char *const org_forms[] = {
	"llc", "jsc", "sole", "partner", "indiv", "coop", "foreign", "other", NULL,
};
static const char *const industries[] = {
	"A", "B", "C", "D", "E", "F", "G", "H", "I", "J", "K", "L", "M", "N",
	"O", "P", "Q", "R", "S", "T", NULL,
};
static const char *const sizes[] = { "large", "medium", "small", "micro", NULL };

/* Yuan with up to two decimals ("1234.5") to fen ("123450"). */
static const char *
check_money(struct arena *a, struct fval *v)
{
	long long	 yuan = 0, fen = 0;
	const char	*p = v->s;
	int		 digits = 0, dec = 0;

	for (; *p >= '0' && *p <= '9'; p++, digits++)
		if ((yuan = yuan * 10 + (*p - '0')) > 1000000000000LL)
			return "money";
	if (*p == '.')
		for (p++; *p >= '0' && *p <= '9' && dec < 2; p++, dec++)
			fen = fen * 10 + (*p - '0');
	if (*p != '\0' || digits == 0)
		return "money";
	if (dec == 1)
		fen *= 10;
	v->s = arena_printf(a, "%lld", yuan * 100 + fen);
	v->len = v->s != NULL ? strlen(v->s) : 0;
	return v->s == NULL ? "money" : NULL;
}

static const char *
check_idno_opt(struct arena *a, struct fval *v)
{
	int		 y, m, d;
	char		 out[19];
	const char	*why;

	beijing_today(&y, &m, &d);
	if ((why = idno_error(v->s, y, m, d)) != NULL)
		return why;
	idno_valid(v->s, out, y, m, d);
	v->s = arena_strdup(a, out);
	return NULL;
}

static const char *
check_mobile_opt(struct arena *a, struct fval *v)
{
	char out[12];

	if (!mobile_valid(v->s, out))
		return "mobile";
	v->s = arena_strdup(a, out);
	return NULL;
}

static const char *
check_regno_opt(struct arena *a, struct fval *v)
{
	char out[19];

	if (!regno_valid(v->s, out))
		return "regno";
	v->s = arena_strdup(a, out);
	return NULL;
}

static const char *
check_email(struct arena *a, struct fval *v)
{
	const char *at = strchr(v->s, '@');

	(void)a;
	if (at == NULL || at == v->s || strchr(at + 1, '.') == NULL ||
	    strchr(at + 1, '@') != NULL || strpbrk(v->s, " <>\"'") != NULL)
		return "email";
	return NULL;
}

/* Edit fields: ENT_F_* first (same order), then the date of the change. */
#define PF_CHANGED_ON ENT_F__MAX
#define PF__MAX (ENT_F__MAX + 1)

static const struct field profile_fields[PF__MAX] = {
	[ENT_F_NAME] = { .name = "ent_name", .kind = FK_TEXT, .flags = F_REQUIRED | F_TRIM, .minlen = 2, .maxlen = 100 },
	[ENT_F_REG_NO] = { .name = "reg_no", .kind = FK_CUSTOM, .flags = F_REQUIRED | F_TRIM, .maxlen = 24, .check = check_regno_opt },
	[ENT_F_LEGAL_NAME] = { .name = "legal_name", .kind = FK_TEXT, .flags = F_REQUIRED | F_TRIM, .maxlen = 50 },
	[ENT_F_LEGAL_ID] = { .name = "legal_id", .kind = FK_CUSTOM, .flags = F_REQUIRED | F_TRIM, .maxlen = 24, .check = check_idno_opt },
	[ENT_F_ADDRESS] = { .name = "address", .kind = FK_TEXT, .flags = F_TRIM, .maxlen = 200 },
	[ENT_F_BUSINESS_SCOPE] = { .name = "business_scope", .kind = FK_MULTILINE, .flags = F_TRIM, .maxlen = 2000 },
	[ENT_F_REG_CAPITAL] = { .name = "reg_capital", .kind = FK_CUSTOM, .flags = F_TRIM, .maxlen = 20, .check = check_money },
	[ENT_F_ORG_FORM] = { .name = "org_form", .kind = FK_CHOICE, .choices = org_forms },
	[ENT_F_INDUSTRY] = { .name = "industry", .kind = FK_CHOICE, .choices = industries },
	[ENT_F_SIZE] = { .name = "size", .kind = FK_CHOICE, .choices = sizes },
	[ENT_F_HEADCOUNT] = { .name = "headcount", .kind = FK_INT, .min = 0, .max = 10000000 },
	[ENT_F_REVENUE] = { .name = "revenue", .kind = FK_CUSTOM, .flags = F_TRIM, .maxlen = 20, .check = check_money },
	[ENT_F_MAIN_NAME] = { .name = "main_name", .kind = FK_TEXT, .flags = F_TRIM, .maxlen = 50 },
	[ENT_F_MAIN_TITLE] = { .name = "main_title", .kind = FK_TEXT, .flags = F_TRIM, .maxlen = 50 },
	[ENT_F_MAIN_MOBILE] = { .name = "main_mobile", .kind = FK_CUSTOM, .flags = F_TRIM, .maxlen = 20, .check = check_mobile_opt },
	[ENT_F_MAIN_EMAIL] = { .name = "main_email", .kind = FK_CUSTOM, .flags = F_TRIM, .maxlen = 100, .check = check_email },
	[ENT_F_LIAISON_NAME] = { .name = "liaison_name", .kind = FK_TEXT, .flags = F_TRIM, .maxlen = 50 },
	[ENT_F_LIAISON_TITLE] = { .name = "liaison_title", .kind = FK_TEXT, .flags = F_TRIM, .maxlen = 50 },
	[ENT_F_LIAISON_MOBILE] = { .name = "liaison_mobile", .kind = FK_CUSTOM, .flags = F_TRIM, .maxlen = 20, .check = check_mobile_opt },
	[ENT_F_LIAISON_EMAIL] = { .name = "liaison_email", .kind = FK_CUSTOM, .flags = F_TRIM, .maxlen = 100, .check = check_email },
	[PF_CHANGED_ON] = { .name = "changed_on", .kind = FK_DATE, .flags = F_REQUIRED | F_TRIM, .check = check_not_future },
};
const struct form profile_form = { profile_fields, PF__MAX };

enum { PV_WELCOME, PV_SAVED, PV__MAX };

static const struct field profile_view_fields[PV__MAX] = {
	[PV_WELCOME] = { .name = "welcome", .kind = FK_BOOL },
	[PV_SAVED] = { .name = "saved", .kind = FK_INT, .min = 0, .max = 100 },
};
const struct form profile_view_form = { profile_view_fields, PV__MAX };

/* Money in fen as yuan text for the screen and the form. */
static const char *
yuan(struct arena *a, const char *fen)
{
	long long v;

	if (fen == NULL || *fen == '\0' || parse_ll(fen, strlen(fen), 0, 1LL << 60, &v) == -1)
		return "";
	return v % 100 == 0 ? arena_printf(a, "%lld", v / 100) :
	    arena_printf(a, "%lld.%02lld", v / 100, v % 100);
}

/* Ent.<field> for every field; money as yuan with thousands separators
 * (the edit form's values stay plain, yuan()). */
static void
ent_to_hdf(struct req *r, const struct enterprise *e)
{
	char key[64];

	req_set(r, "Ent.uscc", e->uscc);
	req_set(r, "Ent.region", e->region);
	req_set(r, "Ent.region_name", e->region_name);
	req_setf(r, "Ent.late_changes", "%u", e->late_changes);
	for (int f = 0; f < ENT_F__MAX; f++) {
		const char *v = e->v[f];

		if (f == ENT_F_REG_CAPITAL || f == ENT_F_REVENUE)
			v = ent_money_text(r->a, v);
		snprintf(key, sizeof key, "Ent.%s", ent_fields[f].name);
		req_set(r, key, v);
	}
}

/* A history value as every page shows it (ent_value_shown, the
 * operators' page too): money in yuan with thousands separators, codes
 * as their labels (an unknown code as stored). */
static const char *
shown(struct req *r, const char *field, const char *v)
{
	const char	*s, *label;
	bool		 is_key;

	if ((s = ent_value_shown(r->a, field, v, &is_key)) == NULL)
		return "";
	if (!is_key)
		return s;
	label = views_str(r->app->views, s);
	return strcmp(label, s) == 0 ? v : label;
}

static void
history_to_hdf(struct req *r, long long id)
{
	struct ent_change	*c;
	size_t			 n;
	char			 when[32];

	if (enterprise_history(r->app->db, r->a, id, 200, &c, &n) != ERR_OK)
		return;
	for (size_t i = 0; i < n; i++) {
		HDF *row = req_row(r, "History", i);
		char label[64];

		if (row == NULL)
			return;
		snprintf(label, sizeof label, "Field.%s", c[i].field);
		node_set(row, "field", views_str(r->app->views, label));
		node_set(row, "old", shown(r, c[i].field, c[i].old_value));
		node_set(row, "new", shown(r, c[i].field, c[i].new_value));
		node_set(row, "changed_on", c[i].changed_on);
		time_beijing(c[i].entered_at, when, sizeof when);
		node_set(row, "entered", when);
		node_set(row, "by", c[i].by);
		if (c[i].late)
			node_set(row, "late", "1");
	}
}

static long long
own_enterprise(const struct req *r)
{
	return r->sess->user.org_id;
}

/*
 * GET /profile: the enterprise's registration and supplementary
 * information (ID number and mobiles masked), what is still missing for a
 * loan application, and the change history.
 */
int
handle_profile(struct req *r)
{
	const struct config	*cfg = r->app->cfg;
	struct ent_keys		 keys = { cfg->data_key, cfg->index_key };
	struct enterprise	 e;
	const char		*missing[ENT_F__MAX];
	size_t			 n;
	enum err		 rc;

	r->tmpl = TMPL_PROFILE;
	req_set(r, "Page.nav", "profile");
	if ((rc = enterprise_get(r->app->db, r->a, &keys, &r->scope,
	    own_enterprise(r), false, &e)) != ERR_OK)
		return status_of(rc);
	ent_to_hdf(r, &e);
	n = enterprise_missing(&e, missing);
	for (size_t i = 0; i < n; i++) {
		char label[64];

		snprintf(label, sizeof label, "Field.%s", missing[i]);
		hdf_set_valuef(r->hdf, "Missing.%zu=%s", i, views_str(r->app->views, label));
	}
	if (n == 0)
		req_set(r, "Ent.complete", "1");
	if (r->f[PV_WELCOME].i)
		req_set(r, "Profile.welcome", "1");
	if (r->f[PV_SAVED].present)
		req_setf(r, "Profile.saved", "%lld", r->f[PV_SAVED].i);
	history_to_hdf(r, e.id);
	/* an objection on the registration facts marks them (issue 15) */
	if (objection_reg_mark_to_hdf(r, e.id) == -1)
		return 500;
	return 200;
}

/*
 * GET /profile/edit: the form with the enterprise's own full values.
 * POST: every field checked; the date the change happened is required
 * and not in the future; changed fields are recorded with it (late when
 * more than 5 days ago).  303 to /profile?saved=N.
 */
int
handle_profile_edit(struct req *r)
{
	const struct config	*cfg = r->app->cfg;
	struct ent_keys		 keys = { cfg->data_key, cfg->index_key };
	struct enterprise	 e;
	struct audit_actor	 a;
	const char		*v[ENT_F__MAX];
	char			 date[16];
	int			 changed, late;
	enum err		 rc;

	r->tmpl = TMPL_PROFILE_EDIT;
	req_set(r, "Page.nav", "profile");
	if ((rc = enterprise_get(r->app->db, r->a, &keys, &r->scope,
	    own_enterprise(r), true, &e)) != ERR_OK)
		return status_of(rc);
	req_set(r, "Ent.uscc", e.uscc);
	req_set(r, "Ent.region_name", e.region_name);
	if (r->method != HTTP_POST) {
		/* The form starts from the stored values. */
		for (int f = 0; f < ENT_F__MAX; f++) {
			char key[64];
			const char *val = e.v[f];

			if (f == ENT_F_REG_CAPITAL || f == ENT_F_REVENUE)
				val = yuan(r->a, val);
			snprintf(key, sizeof key, "Form.%s.value", ent_fields[f].name);
			req_set(r, key, val);
		}
		return 200;
	}
	if (r->nerrors > 0)
		return 200;
	for (int f = 0; f < ENT_F__MAX; f++)
		v[f] = r->f[f].s;
	snprintf(date, sizeof date, "%04d-%02d-%02d", r->f[PF_CHANGED_ON].y,
	    r->f[PF_CHANGED_ON].m, r->f[PF_CHANGED_ON].d);
	req_actor(r, &a);
	if ((rc = enterprise_update(r->app->db, r->a, &keys, &a, &r->scope,
	    e.id, v, date, r->sess->user.id, &changed, &late)) != ERR_OK)
		return status_of(rc);
	r->location = arena_printf(r->a, "/profile?saved=%d", changed);
	return 303;
}
