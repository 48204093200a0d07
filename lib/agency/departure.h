/*
 * departure.h -- the departure duty and dormant accounts of government
 * agency users.
 *
 * When the holder of a gov account leaves or changes duties, the agency
 * (or an operator) records it with the date; a change form that revokes
 * or resets that user is due within 5 working days of that date.  The
 * first such form submitted afterwards answers the departure
 * (agency_form.c links it).  A departure is pending until then, overdue
 * once its due date has passed unanswered.
 *
 * Dormant accounts: gov users not revoked whose last sign-in (or, never
 * signed in, their opening) is older than a number of days.
 */
#ifndef DUIJIE_DEPARTURE_H
#define DUIJIE_DEPARTURE_H

#include <stdbool.h>
#include <stddef.h>

#include "core/arena.h"
#include "db/audit.h"
#include "db/db.h"

#define DEPARTURE_DUE_WORKDAYS	5

enum departure_kind { DEP_LEFT, DEP_CHANGED, DEP__MAX };

struct departure {
	long long		 id;
	long long		 user_id;
	const char		*username;
	const char		*real_name;
	long long		 agency_id;
	const char		*agency_name;
	const char		*region_name;
	enum departure_kind	 kind;
	const char		*event_date;	/* YYYY-MM-DD */
	const char		*due_date;	/* YYYY-MM-DD */
	const char		*note;
	const char		*recorded_name;
	const char		*recorded_at;	/* UTC */
	long long		 form_id;	/* 0: not answered */
	const char		*submitted_at;	/* UTC or NULL */
	bool			 overdue;	/* unanswered after its due date */
	int			 days_left;	/* calendar days to the due date
						 * (negative: overdue by) */
};

struct departure_list {
	struct departure	*v;
	size_t			 n;
};

const char	*departure_kind_name(enum departure_kind);	/* "left" */
int		 departure_kind_parse(const char *);

/*
 * Records that user_id (a gov user of agency_id in `region`) left or
 * changed duties on event_date, due by due_date; audited as
 * "departure.record".  ERR_CONFLICT when an unanswered departure of that
 * user is already on record.
 */
enum err	departure_record(struct db *, const struct audit_actor *,
		    long long user_id, long long agency_id, const char *region,
		    enum departure_kind, const char *event_date,
		    const char *due_date, const char *note, long long *id);
/*
 * Departures in the region scope (440000: all), of one agency when
 * agency_id is not 0; only the unanswered ones when `open_only`.  `today`
 * (Beijing, YYYY-MM-DD) decides overdue.  Unanswered first, by due date;
 * at most `max`.
 */
enum err	departure_list(struct db *, struct arena *, const char *region,
		    long long agency_id, bool open_only, const char *today,
		    size_t max, struct departure_list *);

/* A dormant gov account. */
struct dormant {
	long long	 id;
	const char	*username;
	const char	*real_name;
	long long	 agency_id;
	const char	*agency_name;
	const char	*region_name;
	const char	*last_login_at;	/* UTC or NULL: never */
	const char	*created_at;	/* UTC */
	int		 idle_days;
};

struct dormant_list {
	struct dormant	*v;
	size_t		 n;
};

/* Gov users of the region scope, not revoked, idle for more than `days`
 * days, longest idle first, at most `max`. */
enum err	dormant_list(struct db *, struct arena *, const char *region,
		    unsigned days, size_t max, struct dormant_list *);

#endif
