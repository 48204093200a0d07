/*
 * article.h -- the information service's articles (issue 17 "Articles",
 * X-AUD): important notices, support policies, financial
 * knowledge and how-to guides, published by the operators for their
 * region on one or both portals.
 *
 * An article belongs to its author's region: the province's are read by
 * everyone, a city's by that city's users (anonymous visitors of the
 * internet portal read every region's and may filter by city).  The
 * operators of the region (the province's: every region) write it; its
 * life is article_machine (draft -> scheduled / published -> withdrawn),
 * run by step_run() in one transaction with its audit row.  Each saved
 * version is kept (article_revisions).  Every get by id carries the
 * reader's or the manager's predicate in its SQL; anything else is
 * ERR_NOTFOUND.
 */
#ifndef DUIJIE_ARTICLE_H
#define DUIJIE_ARTICLE_H

#include <stdbool.h>
#include <stddef.h>

#include "core/arena.h"
#include "db/audit.h"
#include "db/db.h"
#include "db/step.h"
#include "accounts/scope.h"

enum article_kind { AK_NOTICE, AK_POLICY, AK_KNOWLEDGE, AK_GUIDE, AK__MAX };
extern const char *const article_kind_names[AK__MAX + 1];	/* NULL-ended */

enum article_audience { AUD_INTERNET, AUD_INTRANET, AUD_BOTH, AUD__MAX };
extern const char *const article_audience_names[AUD__MAX + 1];	/* NULL-ended */

enum article_state { AS_DRAFT, AS_SCHEDULED, AS_PUBLISHED, AS_WITHDRAWN,
	AS__MAX };
extern const char *const article_state_names[AS__MAX + 1];	/* NULL-ended */

/* edit keeps the state; publish from draft, scheduled or withdrawn;
 * schedule (again) from draft, scheduled or withdrawn; withdraw takes a
 * published article down and a scheduled one back to draft. */
enum article_action { AA_EDIT, AA_PUBLISH, AA_SCHEDULE, AA_WITHDRAW, AA__MAX };
extern const struct step_machine article_machine;

#define ARTICLE_TITLE_MAX	100	/* characters */
#define ARTICLE_BODY_MAX	60000	/* bytes of CommonMark */

struct article_input {
	int		 kind;		/* enum article_kind */
	int		 audience;	/* enum article_audience */
	const char	*title;
	const char	*body;		/* CommonMark */
	bool		 pinned;
};

struct article {
	long long		 id;
	enum article_kind	 kind;
	enum article_audience	 audience;
	const char		*region, *region_name;
	const char		*title, *body;
	bool			 pinned;
	enum article_state	 state;		/* a due scheduled one: published */
	const char		*publish_at;	/* UTC, "" none */
	const char		*published_at;	/* UTC (a scheduled one's time), "" */
	unsigned		 revision;
	const char		*author, *editor;	/* real names, "" none */
	const char		*updated_at;	/* UTC */
};

struct article_list {
	struct article	*v;
	size_t		 n;
	long long	 total;
};

/*
 * Who reads: the portal ("internet" or "intranet": articles for it or
 * both), the reader's region ("" for an anonymous visitor: every region;
 * otherwise the province's and this region's) and, for an operator or a
 * supervisor, the scope whose articles it manages in any state (NULL for
 * everyone else).
 */
struct article_reader {
	const char		*portal;
	const char		*region;
	const struct scope	*manager;
};

/* Article `id` as `rd` may see it into *out (strings in `a`).
 * ERR_NOTFOUND, ERR_DB_LOST, ERR_DB, ERR_NOMEM. */
enum err	article_get(struct db *, struct arena *,
		    const struct article_reader *rd, long long id,
		    struct article *out);

/* The shown articles' filters: -1 / "" any. */
struct article_filter {
	int		 kind;		/* enum article_kind, -1 any */
	const char	*region;	/* an anonymous reader's city, "" any */
	int		 state;		/* article_manage_list only, -1 any */
};

/* Page `page` (0-based) of the articles shown to `rd` (published, or
 * scheduled and due), pinned first, then newest first. */
enum err	article_list(struct db *, struct arena *,
		    const struct article_reader *rd,
		    const struct article_filter *f, size_t page, size_t per,
		    struct article_list *out);
/* Page `page` of every article within `sc` (the operators' own region,
 * all for the province), any state, newest change first. */
enum err	article_manage_list(struct db *, struct arena *,
		    const struct scope *sc, const struct article_filter *f,
		    size_t page, size_t per, struct article_list *out);

/* A draft in the actor's region (sc->region) with revision 1 kept, audited
 * "article.create"; *id set.  db errors. */
enum err	article_create(struct db *, const struct audit_actor *,
		    const struct scope *sc, const struct article_input *,
		    long long *id);
/* Saves a new version of article `id` within `sc` when its revision is
 * still `revision` (ERR_CONFLICT otherwise: someone saved meanwhile),
 * keeps it in the history, "article.update".  ERR_NOTFOUND. */
enum err	article_update(struct db *, const struct audit_actor *,
		    const struct scope *sc, long long id, unsigned revision,
		    const struct article_input *);
/* Publishes or withdraws article `id` within `sc` ("article.publish",
 * "article.withdraw").  ERR_NOTFOUND, ERR_CONFLICT (refused from its
 * state), db errors. */
enum err	article_step(struct db *, const struct audit_actor *,
		    const struct scope *sc, long long id,
		    enum article_action act);
/* Schedules article `id` within `sc` for `at_utc` ("YYYY-MM-DD
 * HH:MM:SS", in the future: the caller checks), "article.schedule". */
enum err	article_schedule(struct db *, const struct audit_actor *,
		    const struct scope *sc, long long id, const char *at_utc);

struct article_revision {
	unsigned		 revision;
	enum article_kind	 kind;
	enum article_audience	 audience;
	const char		*title, *body;
	const char		*editor;	/* real name, "" none */
	const char		*edited_at;	/* UTC */
};

/* Every kept version of article `id` within `sc`, newest first, into
 * *v / *n (in `a`).  ERR_NOTFOUND outside the scope. */
enum err	article_revisions(struct db *, struct arena *,
		    const struct scope *sc, long long id,
		    struct article_revision **v, size_t *n);

#endif
