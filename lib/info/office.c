/*
 * office.c -- the SQL of the operator offices' contact facts and their
 * edit (office.h).
 */
#include <stdio.h>
#include <string.h>

#include "core/utf8.h"
#include "db/db_region.h"
#include "info/office.h"

enum {
	STMT_O_DIRECTORY,
	STMT_O_GET,
	STMT_O_LOCK,
	STMT_O_UPDATE,
	STMT_O__MAX
};

/* editor?, region, region: the operators' predicate on o.region_code */
#define O_EDITOR " (? = 1 AND" REGION_SCOPE("o.region_code") ")"

static const char *const sql[STMT_O__MAX] = {
	[STMT_O_DIRECTORY] =
	    "SELECT r.code, r.name, o.id, o.name, o.address, o.phone, o.hours"
	    " FROM regions r JOIN offices o ON o.id = r.office_id"
	    " ORDER BY r.code",
	[STMT_O_GET] =
	    "SELECT o.id, o.name, o.region_code, r.name, o.address, o.phone, o.hours,"
	    " DATE_FORMAT(o.updated_at, '%Y-%m-%d %H:%i:%s'), COALESCE(u.real_name, '')"
	    " FROM offices o JOIN regions r ON r.code = o.region_code"
	    " LEFT JOIN users u ON u.id = o.updated_by"
	    " WHERE o.id = ? AND" O_EDITOR,
	[STMT_O_LOCK] =
	    "SELECT o.address, o.phone, o.hours FROM offices o"
	    " WHERE o.id = ? AND" O_EDITOR " FOR UPDATE",
	[STMT_O_UPDATE] =
	    "UPDATE offices SET address = ?, phone = ?, hours = ?,"
	    " updated_at = UTC_TIMESTAMP(), updated_by = ? WHERE id = ?",
};

static const struct db_module mod = { DBM_INFO_OFFICE, STMT_O__MAX, sql };

static const char *
nz(const char *s)
{
	return s != NULL ? s : "";
}

/* The editors: the system and the offices' operators. */
static bool
editor(const struct scope *sc)
{
	return sc->kind == SCOPE_SYSTEM || (sc->role == ROLE_OPERATOR &&
	    sc->org_kind != NULL && strcmp(sc->org_kind, "office") == 0);
}

/* O_EDITOR's three parameters for scope `sc`. */
static void
editor_params(const struct scope *sc, struct db_param p[3])
{
	const char *region = sc->kind == SCOPE_SYSTEM ? REGION_PROVINCE :
	    editor(sc) ? sc->region : "";

	p[0] = DB_INT(editor(sc) ? 1 : 0);
	p[1] = DB_STR(region);
	p[2] = DB_STR(region);
}

bool
office_editable(const struct scope *sc, const char *office_region)
{
	if (!editor(sc))
		return false;
	return scope_province_wide(sc) || strcmp(sc->region, nz(office_region)) == 0;
}

static void
fill_entry(const struct db_rows *r, struct arena *a, void *elem)
{
	struct office_entry *o = elem;

	o->region = db_col_text(r, a, 0);
	o->region_name = db_col_text(r, a, 1);
	o->province = strcmp(o->region, REGION_PROVINCE) == 0;
	o->office_id = db_col_int(r, 2);
	o->office = db_col_text(r, a, 3);
	o->address = db_col_text(r, a, 4);
	o->phone = db_col_text(r, a, 5);
	o->hours = db_col_text(r, a, 6);
	o->filled = *o->address != '\0' && *o->phone != '\0' && *o->hours != '\0';
}

enum err
office_directory(struct db *db, struct arena *a, struct office_entry **v,
    size_t *n)
{
	void *out = NULL;
	enum err rc;

	*v = NULL;
	*n = 0;
	if ((rc = db_query_list(db, a, &mod, STMT_O_DIRECTORY, NULL, 0,
	    sizeof **v, fill_entry, &out, n)) != ERR_OK)
		return rc;
	*v = out;
	return ERR_OK;
}

static void
fill(const struct db_rows *r, struct arena *a, void *elem)
{
	struct office *o = elem;

	o->id = db_col_int(r, 0);
	o->name = db_col_text(r, a, 1);
	o->region = db_col_text(r, a, 2);
	o->region_name = db_col_text(r, a, 3);
	o->address = db_col_text(r, a, 4);
	o->phone = db_col_text(r, a, 5);
	o->hours = db_col_text(r, a, 6);
	o->updated_at = db_col_text(r, a, 7);
	o->updated_by = db_col_text(r, a, 8);
}

enum err
office_get(struct db *db, struct arena *a, const struct scope *sc,
    long long id, struct office *out)
{
	struct db_param	 p[4];
	struct office	*v = NULL;
	size_t		 n = 0;
	enum err	 rc;

	p[0] = DB_INT(id);
	editor_params(sc, p + 1);
	if ((rc = db_query_list(db, a, &mod, STMT_O_GET, p, 4, sizeof *v, fill,
	    (void **)&v, &n)) != ERR_OK)
		return rc;
	if (n != 1)
		return ERR_NOTFOUND;
	*out = v[0];
	return ERR_OK;
}

/* Whether s[0..n) is all digits, between min and max of them. */
static bool
digits(const char *s, size_t n, size_t min, size_t max)
{
	if (n < min || n > max)
		return false;
	for (size_t i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return false;
	return true;
}

/* One number, s[0..n). */
static bool
one_phone(const char *s, size_t n)
{
	const char	*dash, *ext;
	size_t		 area, local;

	if (n == 0)
		return false;
	/* a mobile: 1[3-9] and nine digits */
	if (s[0] == '1' && n == 11)
		return s[1] >= '3' && s[1] <= '9' && digits(s, n, 11, 11);
	/* a service number: 12363, 95588 */
	if (n == 5)
		return (s[0] == '1' || s[0] == '9') && digits(s, n, 5, 5);
	/* 400/800: ten digits, or 400-ddd-dddd */
	if ((s[0] == '4' || s[0] == '8') && n >= 3 && s[1] == '0' && s[2] == '0')
		return digits(s, n, 10, 10) || (n == 12 && s[3] == '-' &&
		    s[7] == '-' && digits(s, 3, 3, 3) && digits(s + 4, 3, 3, 3) &&
		    digits(s + 8, 4, 4, 4));
	/* a landline: 0 and 2-3 digits of area code, '-', 7-8 digits, and an
	 * extension after '-' or 转 */
	if (s[0] != '0' || (dash = memchr(s, '-', n)) == NULL)
		return false;
	area = (size_t)(dash - s);
	if (!digits(s, area, 3, 4))
		return false;
	s = dash + 1;
	n -= area + 1;
	for (local = 0; local < n && s[local] >= '0' && s[local] <= '9'; local++)
		;
	if (local < 7 || local > 8)
		return false;
	if (local == n)
		return true;
	ext = s + local;
	n -= local;
	if (*ext == '-')
		return digits(ext + 1, n - 1, 1, 6);
	if (n > 3 && memcmp(ext, "转", 3) == 0)
		return digits(ext + 3, n - 3, 1, 6);
	return false;
}

bool
office_phone_valid(const char *s)
{
	static const char sep[] = "、";
	const char	*p, *q;
	int		 k = 0;

	if (s == NULL || *s == '\0' || strlen(s) > 4 * OFFICE_PHONE_MAX)
		return false;
	for (p = s; ; p = q + sizeof sep - 1) {
		size_t n;

		q = strstr(p, sep);
		n = q != NULL ? (size_t)(q - p) : strlen(p);
		if (++k > 3 || !one_phone(p, n))
			return false;
		if (q == NULL)
			return true;
	}
}

/* Whether s has between min and max characters. */
static bool
chars_within(const char *s, size_t min, size_t max)
{
	size_t n = strlen(nz(s));

	if (!utf8_valid(nz(s), n))
		return false;
	n = utf8_len(nz(s), n);
	return n >= min && n <= max;
}

const char *
office_input_check(const struct office_input *in)
{
	if (!chars_within(in->address, OFFICE_ADDRESS_MIN, OFFICE_ADDRESS_MAX))
		return "address";
	if (!chars_within(in->phone, 1, OFFICE_PHONE_MAX) ||
	    !office_phone_valid(in->phone))
		return "phone";
	if (!chars_within(in->hours, OFFICE_HOURS_MIN, OFFICE_HOURS_MAX))
		return "hours";
	return NULL;
}

struct update_tx {
	const struct audit_actor	*actor;
	const struct scope		*sc;
	const struct office_input	*in;
	long long			 id;
	bool				 changed;
};

/* The office locked within the editor's scope, the fields compared, the
 * row and its audit row written when something changed. */
static enum err
update_body(struct db *db, struct arena *a, void *ctx)
{
	struct update_tx	*t = ctx;
	const struct office_input *in = t->in;
	const char		*name[] = { "address", "phone", "hours" };
	const char		*now[] = { in->address, in->phone, in->hours };
	struct db_param		 lp[4];
	struct db_param		 p[] = { DB_STR(in->address), DB_STR(in->phone),
	    DB_STR(in->hours),
	    t->actor->user_id > 0 ? DB_INT(t->actor->user_id) : DB_NULL,
	    DB_INT(t->id) };
	struct db_rows		*rows;
	char			 oid[24], changed[64] = "";
	enum err		 rc;
	int			 n;

	lp[0] = DB_INT(t->id);
	editor_params(t->sc, lp + 1);
	if ((rc = db_query(db, a, &mod, STMT_O_LOCK, lp, 4, &rows)) != ERR_OK)
		return rc;
	if ((n = db_next(rows)) != 1) {
		db_rows_free(rows);
		return n == 0 ? ERR_NOTFOUND : db_rows_error(db);
	}
	for (unsigned i = 0; i < 3; i++)
		if (strcmp(nz(db_col_str(rows, i)), now[i]) != 0) {
			if (*changed != '\0')
				strcat(changed, ",");
			strcat(changed, name[i]);
		}
	db_rows_free(rows);
	if (*changed == '\0')
		return ERR_OK;	/* nothing to record: db_tx commits a read */
	if ((rc = db_exec(db, &mod, STMT_O_UPDATE, p, 5, NULL, NULL)) != ERR_OK)
		return rc;
	t->changed = true;
	snprintf(oid, sizeof oid, "%lld", t->id);
	return audit_write(db, t->actor, "office.edit", "office", oid, AUDIT_OK,
	    changed);
}

enum err
office_update(struct db *db, const struct audit_actor *actor,
    const struct scope *sc, long long id, const struct office_input *in,
    bool *changed)
{
	struct update_tx	t = { actor, sc, in, id, false };
	enum err		rc;

	if (changed != NULL)
		*changed = false;
	if (office_input_check(in) != NULL)
		return ERR_INVAL;
	if ((rc = db_tx(db, 0, update_body, &t)) == ERR_OK && changed != NULL)
		*changed = t.changed;
	return rc;
}
