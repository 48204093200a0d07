/*
 * auditlog.h -- reading the audit log (X-AUD): the auditor's search and
 * export, and the recent history of one user for operators.
 *
 * Writing rows is audit.c's business; this module only reads, so the
 * workers' SELECT grant on audit_log is all it needs.
 */
#ifndef DUIJIE_AUDITLOG_H
#define DUIJIE_AUDITLOG_H

#include <stdbool.h>
#include <stddef.h>

#include "core/arena.h"
#include "db/db.h"

/* One row as read.  Times are UTC "YYYY-MM-DD HH:MM:SS". */
struct auditlog_row {
	long long	 id;
	const char	*at;
	long long	 actor_id;	/* 0: nobody signed in */
	const char	*actor_name;	/* username, "" when no user */
	const char	*role;
	const char	*org;		/* "office:2" */
	const char	*region;
	const char	*portal;
	const char	*client_addr;
	const char	*request_id;
	const char	*action;
	const char	*object_type;
	const char	*object_id;
	const char	*outcome;	/* ok, denied, failed */
	const char	*detail;
	const char	*actor_real;	/* the user's real name, "" when none */
	const char	*org_name;	/* the organisation's name, "" when none */
	const char	*region_name;	/* "广州市", "" when no region */
};

struct auditlog_list {
	struct auditlog_row	*v;
	size_t			 n;
	long long		 total;	/* every match, not just this page */
};

/*
 * A search.  scope is required; every other string may be "" (no
 * condition):
 *   scope     the auditor's region: "440000" sees every row, a city only
 *             rows whose actor_region is that city, never rows
 *             without a region (failed sign-ins of unknown names);
 *   username  the actor's username, exact;
 *   action    exact, or a dotted prefix: "login" finds "login" and
 *             "login.totp", "password" finds "password.change" and
 *             "password.reset" (never "loginx");
 *   org       actor_org, exact ("office:2");
 *   from, to  UTC bounds "YYYY-MM-DD HH:MM:SS", from inclusive, to
 *             exclusive ("" = open).
 */
struct auditlog_filter {
	const char	*scope;
	const char	*username;
	const char	*action;
	const char	*org;
	const char	*from;
	const char	*to;
};

/* True when s is a plausible action name or prefix: 1..40 of [a-z0-9._-]. */
bool		auditlog_action_valid(const char *s);

/*
 * Page `page` (0-based) of `per` rows matching f, newest first, with the
 * total count.  Rows and strings belong to `a`.  ERR_DB_LOST, ERR_DB,
 * ERR_NOMEM; *out is empty on failure.
 */
enum err	auditlog_search(struct db *, struct arena *a,
		    const struct auditlog_filter *f, size_t page, size_t per,
		    struct auditlog_list *out);

/*
 * Calls fn for each of at most `max` rows matching f, newest first,
 * without keeping them: the row's strings are valid only during the call.
 * fn returns 0 to go on, -1 to stop (then ERR_NOMEM is returned).
 * *n receives the number of rows passed to fn.
 */
enum err	auditlog_each(struct db *, struct arena *a,
		    const struct auditlog_filter *f, size_t max,
		    int (*fn)(void *ctx, const struct auditlog_row *), void *ctx,
		    size_t *n);

/*
 * The `max` most recent rows about user `id` (object user:id) or by it
 * (actor_id = id), newest first; total is n.  As auditlog_search.
 */
enum err	auditlog_of_user(struct db *, struct arena *a, long long id,
		    size_t max, struct auditlog_list *out);

/* An organisation an auditor may filter by. */
struct auditlog_org {
	const char	*value;		/* as actor_org: "office:2" */
	const char	*kind;		/* office, agency, fi */
	const char	*name;
};

struct auditlog_org_list {
	struct auditlog_org	*v;
	size_t			 n;
};

/*
 * The offices, agencies and financial institutions of `scope` (a region
 * code as in auditlog_filter; "440000" is every one), offices first, then
 * agencies, then FIs, each by name; at most 2000.  In `a`.  ERR_DB_LOST,
 * ERR_DB, ERR_NOMEM (then *out is empty).
 */
enum err	auditlog_orgs(struct db *, struct arena *a, const char *scope,
		    struct auditlog_org_list *out);

#endif
