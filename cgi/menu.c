/*
 * menu.c -- the signed-in menu, grouped by section (issue 18).
 *
 * The menu is data: each item names a page of the route table, and it is
 * shown only when that route admits the user's role on this portal, so
 * the menu never offers a page the role cannot open and a new page's
 * entry is one row here.  The layout shows the sections in one row (each
 * a link to its first item) and the current section's items below it;
 * the current section is the one holding the item whose `nav` the page
 * set (Page.nav).
 */
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "routes.h"

enum menu_section { MS_MINE, MS_USERS, MS_CREDIT, MS_FINANCE, MS_SYSTEM,
	MS__MAX };

static const char *const section_key[MS__MAX] = {
	[MS_MINE] = "mine", [MS_USERS] = "users", [MS_CREDIT] = "credit",
	[MS_FINANCE] = "finance", [MS_SYSTEM] = "system",
};

struct menu_item {
	enum menu_section	 sec;
	int			 page;		/* PAGE_* */
	const char		*nav;		/* the Page.nav that marks it */
	/* an item for one's own organisation: its {id} is the user's org_id,
	 * shown only to the users of an organisation of this kind */
	const char		*own_org;
};

/* In the order shown.  The label is S.Nav.<nav>. */
static const struct menu_item items[] = {
	{ MS_MINE, PAGE_START, "start", NULL },
	{ MS_MINE, PAGE_ACCOUNT, "account", NULL },
	{ MS_MINE, PAGE_INBOX, "inbox", NULL },
	{ MS_MINE, PAGE_PROFILE, "profile", NULL },
	{ MS_MINE, PAGE_MY_CREDIT, "my_credit", NULL },
	{ MS_MINE, PAGE_OBJECTIONS_NET, "objections", NULL },
	{ MS_MINE, PAGE_PASSWORD, "password", NULL },
	{ MS_MINE, PAGE_NEWS_LAN, "news", NULL },
	{ MS_MINE, PAGE_FEEDBACK, "feedback", NULL },
	{ MS_MINE, PAGE_EVENTS_LAN, "events", NULL },
	{ MS_MINE, PAGE_RULES_LAN, "rules", NULL },
	{ MS_MINE, PAGE_MEASURES_NET, "my_measures", NULL },	/* issue 16 */
	{ MS_USERS, PAGE_DASHBOARD, "dashboard", NULL },
	{ MS_USERS, PAGE_USERS, "users", NULL },
	{ MS_USERS, PAGE_SREQS, "staff_requests", NULL },
	{ MS_USERS, PAGE_AGENCY, "agency", "agency" },
	{ MS_USERS, PAGE_AGENCIES, "agencies", NULL },
	{ MS_USERS, PAGE_AFORMS, "agency_forms", NULL },
	{ MS_USERS, PAGE_DEPARTURES, "departures", NULL },
	{ MS_USERS, PAGE_ENTERPRISES, "enterprises", NULL },
	{ MS_USERS, PAGE_CLAIMS, "claims", NULL },
	{ MS_USERS, PAGE_MEASURES_LAN, "measures", NULL },	/* issue 16 */
	{ MS_USERS, PAGE_FI, "fi", "fi" },
	{ MS_USERS, PAGE_FIS, "fis", NULL },
	{ MS_CREDIT, PAGE_CREDIT_SEARCH, "credit", NULL },
	{ MS_CREDIT, PAGE_CREDIT_BATCHES, "credit_import", NULL },
	{ MS_CREDIT, PAGE_CCATS, "credit_categories", NULL },
	{ MS_CREDIT, PAGE_CREDIT_REQUESTS, "credit_requests", NULL },
	{ MS_CREDIT, PAGE_OBJECTIONS_LAN, "objections", NULL },
	{ MS_FINANCE, PAGE_PRODUCTS, "products", NULL },
	{ MS_FINANCE, PAGE_LOANS_NET, "loans", NULL },
	{ MS_FINANCE, PAGE_LOANS_LAN, "loans", NULL },
	{ MS_FINANCE, PAGE_LOANS_SUGGESTED, "loans_suggested", NULL },
	{ MS_FINANCE, PAGE_LOAN_STATS, "loan_stats", NULL },
	{ MS_FINANCE, PAGE_LOAN_DASHBOARD, "loan_dashboard", NULL },
	{ MS_SYSTEM, PAGE_CALENDAR, "calendar", NULL },
	{ MS_SYSTEM, PAGE_AUDIT, "audit", NULL },
	{ MS_SYSTEM, PAGE_STAFF, "staff", NULL },	/* issue 16 */
	{ MS_SYSTEM, PAGE_SECURITY, "security", NULL },
	{ MS_SYSTEM, PAGE_NEWS_MANAGE, "news_manage", NULL },
	{ MS_SYSTEM, PAGE_FEEDBACK_MANAGE, "feedback_manage", NULL },
	{ MS_SYSTEM, PAGE_EVENTS_MANAGE, "events_manage", NULL },
	{ MS_SYSTEM, PAGE_OFFICE_EDIT, "office_edit", "office" },	/* issue 17 */
};

/* Whether the signed-in user may open item i's page on this portal. */
static bool
shown(const struct req *r, const struct menu_item *i)
{
	const struct route	*rt = &routes[i->page];
	const struct user	*u = &r->sess->user;

	if (!(rt->portals & r->app->cfg->portal) ||
	    !(rt->roles & ROLE_BIT(u->role)))
		return false;
	if (i->own_org != NULL)
		return strcmp(u->org_kind, i->own_org) == 0 && u->org_id > 0;
	return strchr(rt->path, '{') == NULL;
}

/* The item's path without its leading "/" (the template writes it):
 * the route's, with {id} the user's organisation for own_org items
 * (what follows {id} kept: /offices/{id}/edit). */
static const char *
item_path(struct req *r, const struct menu_item *i)
{
	const char *p = routes[i->page].path, *b, *e;

	if (i->own_org == NULL)
		return p + 1;
	if ((b = strchr(p, '{')) == NULL || (e = strchr(b, '}')) == NULL)
		return p + 1;
	return arena_printf(r->a, "%.*s%lld%s", (int)(b - p - 1), p + 1,
	    r->sess->user.org_id, e + 1);
}

int
menu_to_hdf(struct req *r)
{
	size_t	 n[MS__MAX] = { 0 };
	char	 name[96];

	for (size_t k = 0; k < sizeof items / sizeof items[0]; k++) {
		const struct menu_item	*i = &items[k];
		const char		*sec = section_key[i->sec], *path;

		if (!shown(r, i))
			continue;
		if ((path = item_path(r, i)) == NULL)
			return -1;
		if (n[i->sec] == 0) {
			snprintf(name, sizeof name, "Menu.%s.path", sec);
			if (req_set(r, name, path) == -1)
				return -1;
		}
		snprintf(name, sizeof name, "Menu.%s.items.%zu.nav", sec, n[i->sec]);
		if (req_set(r, name, i->nav) == -1)
			return -1;
		snprintf(name, sizeof name, "Menu.%s.items.%zu.path", sec, n[i->sec]);
		if (req_set(r, name, path) == -1)
			return -1;
		n[i->sec]++;
	}
	return 0;
}
