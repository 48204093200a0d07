/*
 * enterprise.h -- enterprises: registration, registration and
 * supplementary information with its change history and the 5-day duty
 * (R-06.3, R-08.2b, R-10.1), sensitive values sealed.
 */
#ifndef DUIJIE_ENTERPRISE_H
#define DUIJIE_ENTERPRISE_H

#include <stdbool.h>
#include <stddef.h>

#include "accounts/scope.h"
#include "core/arena.h"
#include "db/audit.h"
#include "db/db.h"

/* a change entered more than this many days after it happened
 * (Beijing dates) is late. */
#define ENT_LATE_DAYS 5

/* The editable fields, in screen order.  ENT_F_* index ent_fields[]. */
enum ent_field {
	ENT_F_NAME,
	ENT_F_REG_NO,
	ENT_F_LEGAL_NAME,
	ENT_F_LEGAL_ID,		/* sealed */
	ENT_F_ADDRESS,
	ENT_F_BUSINESS_SCOPE,
	ENT_F_REG_CAPITAL,	/* fen, as decimal text */
	ENT_F_ORG_FORM,
	ENT_F_INDUSTRY,
	ENT_F_SIZE,
	ENT_F_HEADCOUNT,
	ENT_F_REVENUE,		/* fen */
	ENT_F_MAIN_NAME,	/* 主要负责人 */
	ENT_F_MAIN_TITLE,
	ENT_F_MAIN_MOBILE,	/* sealed */
	ENT_F_MAIN_EMAIL,
	ENT_F_LIAISON_NAME,	/* 联络员 */
	ENT_F_LIAISON_TITLE,
	ENT_F_LIAISON_MOBILE,	/* sealed */
	ENT_F_LIAISON_EMAIL,
	ENT_F__MAX
};

struct ent_field_info {
	const char	*name;		/* form field and history key */
	const char	*column;	/* in enterprises */
	bool		 sealed;	/* stored sealed, shown masked */
	bool		 supplementary;	/* needed for a complete profile */
};
extern const struct ent_field_info ent_fields[ENT_F__MAX];

struct enterprise {
	long long	 id;
	const char	*uscc;
	const char	*region;
	const char	*region_name;
	const char	*v[ENT_F__MAX];	/* current values ("" when empty) */
	unsigned	 late_changes;
	unsigned	 users;		/* registered accounts */
};

struct ent_keys {
	const unsigned char	*data;	/* Keys.data: sealing */
	const unsigned char	*index;	/* Keys.index: blind indexes */
};

/* Registration input, already validated and normalised. */
struct ent_registration {
	const char	*username;
	const char	*uscc;		/* upper case */
	const char	*region;	/* from the USCC */
	const char	*ent_name;
	const char	*reg_no;
	const char	*legal_name;
	const char	*legal_id;	/* 18, X upper case */
	const char	*contact_name;
	const char	*mobile;	/* 11 digits */
	const char	*password;
};

/*
 * Creates the enterprise user together with its new enterprise row,
 * in one transaction with its audit row.  *why
 * is set and ERR_CONFLICT returned when the USCC already has an account
 * ("uscc_taken"), when a row of that USCC exists ("uscc_known": it is
 * claimed through claim_register instead) or the username is taken
 * ("username_taken").
 */
enum err	enterprise_register(struct db *, const struct ent_keys *,
		    const struct audit_actor *, const struct ent_registration *,
		    long long *user_id, const char **why);

/*
 * Inside the caller's transaction (claim.c): locks enterprise `id` and
 * sets its name, registration number and legal representative to g's,
 * with one history row (dated changed_on, by user_id, not late) for each
 * value that differs; sealed values stay sealed in the history.
 * *nchanged is set.  The caller rolls back on any error.
 */
enum err	enterprise_claim_apply_tx(struct db *, struct arena *,
		    const struct ent_keys *, long long id,
		    const struct ent_registration *g, const char *changed_on,
		    long long user_id, int *nchanged);

/* True when an account exists for that USCC / that username. */
enum err	enterprise_uscc_taken(struct db *, const char *uscc, bool *taken);

/* The enterprise with id within scope `sc` (SCOPE_ENT, gov users
 * province-wide; the predicate is in the statement); sealed values are
 * opened when `reveal`, else masked.  ERR_NOTFOUND when there is none in
 * the scope.  Strings in `a`. */
enum err	enterprise_get(struct db *, struct arena *, const struct ent_keys *,
		    const struct scope *sc, long long id, bool reveal,
		    struct enterprise *);

/*
 * Applies the new values (NULL entries unchanged) that differ from the
 * current ones: one history row per changed field with `changed_on`
 * (YYYY-MM-DD, the day it happened) and late = entered more than 5 days
 * after.  *nchanged and *nlate are set.  Audited as "enterprise.update".
 * The lock carries `sc` (as enterprise_get): ERR_NOTFOUND outside it.
 */
enum err	enterprise_update(struct db *, struct arena *, const struct ent_keys *,
		    const struct audit_actor *, const struct scope *sc, long long id,
		    const char *const v[ENT_F__MAX], const char *changed_on,
		    long long user_id, int *nchanged, int *nlate);

struct ent_change {
	const char	*field;
	const char	*old_value;	/* masked for sealed fields */
	const char	*new_value;
	const char	*changed_on;	/* YYYY-MM-DD */
	const char	*entered_at;	/* UTC */
	bool		 late;
	const char	*by;		/* username or "" */
};

/* The history, newest first (at most `max`). */
enum err	enterprise_history(struct db *, struct arena *, long long id,
		    size_t max, struct ent_change **out, size_t *n);

/* The supplementary fields still empty: their names into
 * missing[], count returned. */
size_t		enterprise_missing(const struct enterprise *, const char **missing);

/*
 * How a stored value of field `field` (an ent_fields name, as in
 * enterprise_changes.field) is shown -- the same on the enterprise's own
 * pages and the operators':
 *  - money (reg_capital, revenue: fen) as yuan with thousands
 *    separators, the unit the form asks in: "1234567" -> "12,345.67",
 *    "100000000" -> "1,000,000";
 *  - coded values (org_form, industry, size) as the key of their label in
 *    views/strings.hdf under S. ("OrgForm.llc"): *is_key is set, the
 *    caller looks it up;
 *  - anything else, and "", as stored.
 * Returns a string in `a` or v itself; "" for a malformed amount; NULL
 * only when out of memory.
 */
const char	*ent_value_shown(struct arena *a, const char *field, const char *v,
		    bool *is_key);

/* Fen as yuan with thousands separators (see above); "" for "" or a
 * value that is not a non-negative integer; NULL when out of memory. */
const char	*ent_money_text(struct arena *a, const char *fen);

#endif
