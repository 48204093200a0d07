/*
 * office.h -- the operator offices' public contact facts (issue 17
 * "Front pages", R-02.2; schema/001_regions.sql, 046_office_hours.sql).
 *
 * Each region is run by one office (运行和管理机构); its address, phone
 * and office hours are data that the operators keep: a city's operators
 * their own city's office, the province's operators every office
 * (office_get and office_update's lock carry that predicate).  Each
 * change is one transaction with its audit row ("office.edit").  The
 * directory (office_directory) is read from the database on every call,
 * so a change shows on the next page in every worker.
 */
#ifndef DUIJIE_OFFICE_H
#define DUIJIE_OFFICE_H

#include <stdbool.h>
#include <stddef.h>

#include "core/arena.h"
#include "db/audit.h"
#include "db/db.h"
#include "accounts/scope.h"

/* Field limits, in characters (the columns' sizes or less). */
#define OFFICE_ADDRESS_MIN	5
#define OFFICE_ADDRESS_MAX	200
#define OFFICE_PHONE_MAX	40
#define OFFICE_HOURS_MIN	4
#define OFFICE_HOURS_MAX	100

struct office {
	long long	 id;
	const char	*name;		/* 中国人民银行广州市分行 */
	const char	*region, *region_name;	/* where it sits */
	const char	*address, *phone, *hours;	/* "" while not filled */
	const char	*updated_at;	/* UTC "YYYY-MM-DD HH:MM:SS" */
	const char	*updated_by;	/* real name, "" when none (a migration) */
};

/* One region of the directory and the office that runs it. */
struct office_entry {
	const char	*region, *region_name;
	bool		 province;
	long long	 office_id;
	const char	*office;
	const char	*address, *phone, *hours;	/* "" while not filled */
	bool		 filled;	/* address, phone and hours all set */
};

struct office_input {
	const char	*address, *phone, *hours;
};

/* Every region, province first then the cities in GB/T 2260 order, with
 * its office's facts, in `a`.  *v NULL when there are none.  db errors,
 * ERR_NOMEM. */
enum err	office_directory(struct db *, struct arena *a,
		    struct office_entry **v, size_t *n);

/* Office `id` as scope `sc` may edit it: the system and the province's
 * operators every office, a city's operators the office sitting in their
 * region, anyone else none.  ERR_NOTFOUND (absent or out of scope alike),
 * db errors. */
enum err	office_get(struct db *, struct arena *, const struct scope *sc,
		    long long id, struct office *out);

/* True when the scope may edit office `o` (which it has read): what
 * office_get's predicate says, for a list's links. */
bool		office_editable(const struct scope *sc, const char *office_region);

/* Writes `in` to office `id`, locked within `sc` as office_get, and its
 * audit row "office.edit" (the changed fields' names) in one transaction;
 * an unchanged form writes nothing and *changed is false.  ERR_INVAL
 * when `in` fails office_input_check (nothing written), ERR_NOTFOUND,
 * db errors. */
enum err	office_update(struct db *, const struct audit_actor *,
		    const struct scope *sc, long long id,
		    const struct office_input *in, bool *changed);

/* True when `s` is one phone number, or up to three separated by "、":
 * a landline with its area code (020-81322000, 0757-83330001, an
 * extension as -123 or 转123), a mobile (13800138001), a 400/800 number
 * (400-830-1234) or a five-digit service number (12363, 95588). */
bool		office_phone_valid(const char *s);

/* NULL when `in` is acceptable, else the name of the first bad field
 * ("address", "phone", "hours"): lengths as above, the phone as
 * office_phone_valid. */
const char	*office_input_check(const struct office_input *in);

#endif
