/*
 * fi.h -- the financial institutions (金融机构) the operators keep, and
 * their users: managers (FI 管理员) and loan officers (客户经理)
 * (issue 14, R-02.2, R-02.3, X-AUD).
 *
 * Every get, change or listing by id takes the caller's scope and puts it
 * in the statement's WHERE clause: the province's operators and
 * supervisors reach every FI, a city's those of its city, an FI's own
 * users their FI only, anyone else nothing.  An FI outside the scope is
 * simply not found (ERR_NOTFOUND: the handlers answer 404).  Each change
 * writes its audit row in the same transaction.
 */
#ifndef DUIJIE_FI_H
#define DUIJIE_FI_H

#include <stdbool.h>
#include <stddef.h>

#include "core/arena.h"
#include "db/audit.h"
#include "db/db.h"
#include "accounts/scope.h"
#include "accounts/user.h"

/* The length of a 金融机构编码 (JR/T 0124). */
#define FI_CODE_LEN	14

/*
 * Checks the format of a 金融机构编码: exactly 14 characters, upper-case
 * ASCII letters and digits only, the first one a JR/T 0124 category
 * letter (A 货币当局, B 监管当局, C 银行业存款类, D 银行业非存款类, E 证券业,
 * F 保险业, G 交易及结算类, H 金融控股公司, Z 其他).  Returns NULL when
 * good, else the Err.* key ("fi_code_len", "fi_code_chars",
 * "fi_code_category").  The standard's check character is not verified:
 * its algorithm is not part of the platform's specification.  Pure.
 */
const char	*fi_code_check(const char *code);

enum fi_kind { FI_BANK, FI_RURAL_CREDIT, FI_MICROCREDIT, FI_GUARANTEE,
	FI_OTHER, FI_KIND__MAX };
/* "bank", "rural_credit" ... (NULL outside the enum); -1 when unknown. */
const char	*fi_kind_name(enum fi_kind);
int		 fi_kind_parse(const char *);
extern const char *const fi_kind_names[FI_KIND__MAX + 1];	/* NULL-ended */

struct fi {
	long long	 id;
	const char	*name;
	enum fi_kind	 kind;
	const char	*code;		/* "" when none yet */
	const char	*region;
	const char	*region_name;
	long long	 parent_id;	/* 0: none */
	const char	*parent_name;	/* "" when none */
	const char	*address;
	long long	 managers, officers;	/* not revoked */
	long long	 products;	/* published */
	const char	*created_at;	/* UTC */
};

struct fi_list {
	struct fi	*v;
	size_t		 n;
	long long	 total;
};

struct fi_input {
	const char	*name;
	enum fi_kind	 kind;
	const char	*code;
	const char	*region;	/* fi_create only */
	long long	 parent_id;	/* 0: none */
	const char	*address;
};

/* FI `id` within `sc` into *out (strings in `a`).  ERR_NOTFOUND (none, or
 * outside the scope), ERR_DB_LOST, ERR_DB, ERR_NOMEM. */
enum err	fi_get(struct db *, struct arena *a, const struct scope *sc,
		    long long id, struct fi *out);

/* Page `page` (from 0) of the FIs within `sc` whose name holds q ("" for
 * all), by region then name.  Errors as fi_get; *out empty on failure. */
enum err	fi_search(struct db *, struct arena *a, const struct scope *sc,
		    const char *q, size_t page, size_t per_page,
		    struct fi_list *out);

/*
 * Creates an FI and its "fi.create" audit row in one transaction.  The
 * caller has checked the fields (fi_code_check) and that the region is
 * within its scope; a parent outside `sc` is refused (ERR_NOTFOUND,
 * nothing written).  ERR_DB_DUP: the region has an FI of that name or
 * the code is taken.  ERR_DB_LOST, ERR_DB.
 */
enum err	fi_create(struct db *, const struct audit_actor *,
		    const struct scope *sc, const struct fi_input *,
		    long long *id);

/* Sets name, kind, code, parent and address of FI `id` (within `sc`; the
 * region never changes) with an "fi.update" audit row naming the changed
 * fields.  A parent that is the FI itself or outside `sc`: ERR_INVAL.
 * ERR_NOTFOUND, ERR_DB_DUP, database errors. */
enum err	fi_update(struct db *, const struct audit_actor *,
		    const struct scope *sc, long long id,
		    const struct fi_input *);

/* An FI user with what the FI pages show. */
struct fi_user {
	long long		 id;
	const char		*username;
	const char		*real_name;
	const char		*department;
	const char		*contact;	/* opened (sealed in the table) */
	bool			 manager;
	enum user_status	 status;
	const char		*last_login_at;	/* UTC or NULL */
};

/* The users of FI `fi_id` (the caller fetched the FI through its scope),
 * managers first, at most 500.  Strings in `a`. */
enum err	fi_users(struct db *, struct arena *a, long long fi_id,
		    struct fi_user **v, size_t *n);

/* True in *mgr when user `user_id` is an FI manager (users.fi_manager). */
enum err	fi_user_is_manager(struct db *, long long user_id, bool *mgr);

/*
 * Opens a user of FI `fi` (got through the caller's scope): a manager
 * when `manager`, else an officer with `department`.  The caller decides
 * who may open which (operators of the FI's region: managers; the FI's
 * manager: officers).  A one-time password is made into otp (changed at
 * first sign-in); the contact is sealed.  One transaction with its
 * "fi.user.open" audit row.  ERR_DB_DUP: the username is taken.
 */
enum err	fi_user_open(struct db *, const struct audit_actor *,
		    const struct fi *fi, bool manager, const char *username,
		    const char *real_name, const char *department,
		    const char *contact, long long *id,
		    char otp[OTP_LEN + 1]);

/*
 * Closes (revokes, ACCT_BY_FI) user `user_id` of FI `fi_id`: the
 * operators of the FI's region close its managers (manager = true), an
 * FI's manager the officers of its own FI (manager = false).  The target
 * is found with the FI, the kind of user and the scope `sc` in the WHERE:
 * ERR_NOTFOUND for anyone else.  A reason is required (ERR_INVAL).  ERR_CONFLICT when already revoked.  One transaction with
 * its audit row (by the account-state table).
 */
enum err	fi_user_close(struct db *, const struct audit_actor *,
		    const struct scope *sc, long long fi_id, long long user_id,
		    bool manager, const char *reason);

/* Makes FI user `user_id` a manager or an officer of `department`, with
 * its "fi.user.role" audit row, in one transaction (duijie-admin's demo
 * data).  ERR_NOTFOUND when it is not an FI user. */
enum err	fi_user_set_role(struct db *, const struct audit_actor *,
		    long long user_id, bool manager, const char *department);

/* The changed fields of an edit, by form name, comma-separated
 * ("name,kind,code,parent,address"), as agency_diff.  Pure. */
size_t		fi_diff(const struct fi *old, const struct fi_input *in,
		    char *out, size_t len);

#endif
