/*
 * credit_cat.c -- the catalogue of credit categories and the checks of
 * their values (see credit_cat.h).
 */
#include <stdio.h>
#include <string.h>

#include "core/enumname.h"
#include "credit/credit_cat.h"
#include "web/form.h"
#include "core/utf8.h"

enum {
	STMT_CC_CATEGORIES,
	STMT_CC_COLUMNS,
	STMT_CC_GET,
	STMT_CC_COLUMNS_OF,
	STMT_CC_INSERT,
	STMT_CC_LOCK,
	STMT_CC_UPDATE,
	STMT_CC_OLD_COLUMNS,
	STMT_CC_BATCHES,
	STMT_CC_COL_DELETE,
	STMT_CC_COL_INSERT,
	STMT_CC__MAX
};

static const char *const sql[STMT_CC__MAX] = {
	[STMT_CC_CATEGORIES] =
	    "SELECT id, code, name, date_label, has_period, active"
	    " FROM credit_categories WHERE (? = 0 OR active = 1)"
	    " ORDER BY sort, id",
	[STMT_CC_COLUMNS] =
	    "SELECT category_id, seq, code, label, kind, required, max_len, choices"
	    " FROM credit_columns ORDER BY category_id, seq",
	/* parameters: id, what the scope may (ccat_scope) */
	[STMT_CC_GET] =
	    "SELECT id, code, name, date_label, has_period, active"
	    " FROM credit_categories WHERE id = ? AND ? IN ('read', 'edit')",
	[STMT_CC_COLUMNS_OF] =
	    "SELECT category_id, seq, code, label, kind, required, max_len, choices"
	    " FROM credit_columns WHERE category_id = ? ORDER BY seq",
	/* after the others in display order (the aggregate in a derived
	 * table: beside parameters, ONLY_FULL_GROUP_BY refuses it once the
	 * statement is re-executed) */
	[STMT_CC_INSERT] =
	    "INSERT INTO credit_categories (code, name, date_label, has_period,"
	    " active, sort) SELECT ?, ?, ?, ?, ?, m.s FROM (SELECT"
	    " COALESCE(MAX(sort), 0) + 10 AS s FROM credit_categories) m",
	/* parameters: id, what the scope may: only "edit" locks */
	[STMT_CC_LOCK] =
	    "SELECT IF(active, 'active', 'inactive') FROM credit_categories"
	    " WHERE id = ? AND ? = 'edit' FOR UPDATE",
	[STMT_CC_UPDATE] =
	    "UPDATE credit_categories SET name = ?, date_label = ?, has_period = ?,"
	    " active = ? WHERE id = ?",
	[STMT_CC_OLD_COLUMNS] =
	    "SELECT code, kind FROM credit_columns WHERE category_id = ? ORDER BY seq",
	[STMT_CC_BATCHES] =
	    "SELECT COUNT(*) FROM credit_batches WHERE category_id = ?",
	[STMT_CC_COL_DELETE] = "DELETE FROM credit_columns WHERE category_id = ?",
	[STMT_CC_COL_INSERT] =
	    "INSERT INTO credit_columns (category_id, seq, code, label, kind,"
	    " required, max_len, choices) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
};

static const struct db_module mod = { DBM_CREDIT_CAT, STMT_CC__MAX, sql };

static const char *const ccat_states[CCAT__MAX] = {
	[CCAT_INACTIVE] = "inactive", [CCAT_ACTIVE] = "active",
};
static const char *const ccat_actions[CCATA__MAX] = {
	[CCATA_EDIT_ACTIVE] = "edit_active", [CCATA_EDIT_INACTIVE] = "edit_inactive",
};
static const signed char ccat_next[CCAT__MAX][CCATA__MAX] = {
	[CCAT_INACTIVE] = { [CCATA_EDIT_ACTIVE] = STEP_TO(CCAT_ACTIVE),
	    [CCATA_EDIT_INACTIVE] = STEP_TO(CCAT_INACTIVE) },
	[CCAT_ACTIVE] = { [CCATA_EDIT_ACTIVE] = STEP_TO(CCAT_ACTIVE),
	    [CCATA_EDIT_INACTIVE] = STEP_TO(CCAT_INACTIVE) },
};
const struct step_machine ccat_machine = {
	"credit_category", CCAT__MAX, CCATA__MAX, ccat_states, ccat_actions,
	&ccat_next[0][0],
};

static const char *const kind_names[CCOL__MAX] = {
	[CCOL_TEXT] = "text", [CCOL_INT] = "int", [CCOL_MONEY] = "money",
	[CCOL_DATE] = "date", [CCOL_CHOICE] = "choice",
};

const char *
ccol_kind_name(enum ccol_kind k)
{
	return (unsigned)k < CCOL__MAX ? kind_names[k] : "?";
}

int
ccol_kind_parse(const char *s)
{
	return enum_parse(kind_names, CCOL__MAX, s);
}


/* The current row of a columns statement (category_id, seq, code, label,
 * kind, required, max_len, choices) as the next column of c (none when c
 * is NULL or full). */
static void
column_add(struct credit_category *c, const struct db_rows *rows,
    struct arena *a)
{
	struct credit_column	*col;
	int			 kind;

	if (c == NULL || c->ncols == CREDIT_COLS_MAX)
		return;
	col = &c->cols[c->ncols++];
	col->seq = (int)db_col_int(rows, 1);
	col->code = db_col_text(rows, a, 2);
	col->label = db_col_text(rows, a, 3);
	kind = ccol_kind_parse(db_col_str(rows, 4));
	col->kind = kind >= 0 ? (enum ccol_kind)kind : CCOL_TEXT;
	col->required = db_col_int(rows, 5) != 0;
	col->max_len = (unsigned)db_col_int(rows, 6);
	col->choices = db_col_text(rows, a, 7);
}

enum err
credit_catalog_load(struct db *db, struct arena *a, bool active_only,
    struct credit_catalog *out)
{
	struct db_param		 p[] = { DB_INT(active_only) };
	struct db_rows		*rows;
	unsigned long long	 cnt;
	enum err		 rc;
	int			 r = 0;

	memset(out, 0, sizeof *out);
	if ((rc = db_query(db, a, &mod, STMT_CC_CATEGORIES, p, 1, &rows)) != ERR_OK)
		return rc;
	cnt = db_rows_count(rows);
	if (cnt > 0 && (out->v = arena_calloc(a, cnt, sizeof *out->v)) == NULL) {
		db_rows_free(rows);
		return ERR_NOMEM;
	}
	while (out->n < cnt && (r = db_next(rows)) == 1) {
		struct credit_category *c = &out->v[out->n++];

		c->id = (int)db_col_int(rows, 0);
		c->code = db_col_text(rows, a, 1);
		c->name = db_col_text(rows, a, 2);
		c->date_label = db_col_text(rows, a, 3);
		c->has_period = db_col_int(rows, 4) != 0;
		c->active = db_col_int(rows, 5) != 0;
	}
	db_rows_free(rows);
	if (r == -1)
		return db_rows_error(db);

	if ((rc = db_query(db, a, &mod, STMT_CC_COLUMNS, NULL, 0, &rows)) != ERR_OK)
		return rc;
	while ((r = db_next(rows)) == 1)
		column_add((struct credit_category *)credit_category_by_id(out,
		    (int)db_col_int(rows, 0)), rows, a);
	db_rows_free(rows);
	return r == -1 ? db_rows_error(db) : ERR_OK;
}

/* Parameter of the category predicates: what scope `sc` may do with the
 * categories -- "edit" (the system, the province's operators), "read"
 * (the staff who use them: operators, supervisors, gov users) or
 * "none". */
static const char *
ccat_scope(const struct scope *sc)
{
	if (sc->kind == SCOPE_SYSTEM ||
	    (sc->role == ROLE_OPERATOR && scope_province_wide(sc)))
		return "edit";
	if (sc->role == ROLE_OPERATOR || sc->role == ROLE_SUPERVISOR ||
	    sc->role == ROLE_GOV)
		return "read";
	return "none";
}

enum err
credit_category_get(struct db *db, struct arena *a, const struct scope *sc,
    long long id, struct credit_category *c)
{
	struct db_param	 p[] = { DB_INT(id), DB_STR(ccat_scope(sc)) };
	struct db_rows	*rows;
	enum err	 rc;
	int		 r;

	memset(c, 0, sizeof *c);
	if ((rc = db_query(db, a, &mod, STMT_CC_GET, p, 2, &rows)) != ERR_OK)
		return rc;
	if ((r = db_next(rows)) == 1) {
		c->id = (int)db_col_int(rows, 0);
		c->code = db_col_text(rows, a, 1);
		c->name = db_col_text(rows, a, 2);
		c->date_label = db_col_text(rows, a, 3);
		c->has_period = db_col_int(rows, 4) != 0;
		c->active = db_col_int(rows, 5) != 0;
	}
	db_rows_free(rows);
	if (r != 1)
		return r == 0 ? ERR_NOTFOUND : db_rows_error(db);
	if ((rc = db_query(db, a, &mod, STMT_CC_COLUMNS_OF, p, 1, &rows)) != ERR_OK)
		return rc;
	while ((r = db_next(rows)) == 1)
		column_add(c, rows, a);
	db_rows_free(rows);
	return r == -1 ? db_rows_error(db) : ERR_OK;
}

const struct credit_category *
credit_category_by_id(const struct credit_catalog *cat, int id)
{
	for (size_t i = 0; i < cat->n; i++)
		if (cat->v[i].id == id)
			return &cat->v[i];
	return NULL;
}

/* Reads 1..maxd digits at s[*i]; -1 when there are none. */
static long
digits(const char *s, size_t len, size_t *i, int maxd)
{
	long	v = 0;
	int	n = 0;

	while (*i < len && n < maxd && s[*i] >= '0' && s[*i] <= '9') {
		v = v * 10 + (s[*i] - '0');
		(*i)++;
		n++;
	}
	return n > 0 ? v : -1;
}

const char *
credit_date_check(const char *s, size_t len, char out[11])
{
	size_t	i = 0;
	long	y, m, d;
	char	sep;

	if ((y = digits(s, len, &i, 4)) < 0 || i != 4 || i >= len)
		return "credit_date";
	sep = s[i++];
	if ((sep != '-' && sep != '/' && sep != '.') ||
	    (m = digits(s, len, &i, 2)) < 0 || i >= len || s[i++] != sep ||
	    (d = digits(s, len, &i, 2)) < 0 || i != len ||
	    !date_valid((int)y, (int)m, (int)d))
		return "credit_date";
	snprintf(out, 11, "%04ld-%02ld-%02ld", y % 10000, m % 100, d % 100);
	return NULL;
}

/* "1234", "1,234.5", "0.05" as yuan with two decimals; NULL when bad. */
static const char *
money(struct arena *a, const char *s, size_t len)
{
	char	buf[40];
	size_t	n = 0, i = 0, dec = 0;
	bool	point = false;

	if (len == 0 || len >= sizeof buf - 4)
		return NULL;
	for (; i < len; i++) {
		char c = s[i];

		if (c == ',' && !point && n > 0)
			continue;
		if (c == '.' && !point && n > 0) {
			point = true;
			buf[n++] = c;
			continue;
		}
		if (c < '0' || c > '9' || (point && ++dec > 2))
			return NULL;
		buf[n++] = c;
	}
	if (point && dec == 0)
		return NULL;
	if (!point)
		buf[n++] = '.';
	while (dec++ < 2)
		buf[n++] = '0';
	buf[n] = '\0';
	/* no leading zeros but one before the point */
	for (i = 0; buf[i] == '0' && buf[i + 1] != '.'; i++)
		;
	return arena_strdup(a, buf + i);
}

const char *
credit_choices_text(struct arena *a, const char *choices)
{
	size_t	 n = 0, len = choices != NULL ? strlen(choices) : 0;
	char	*t;

	/* every '|' (1 byte) becomes "、" (3 bytes) */
	if ((t = arena_alloc(a, len * 3 + 1)) == NULL)
		return NULL;
	for (size_t i = 0; i < len; i++) {
		if (choices[i] == '|') {
			memcpy(t + n, "、", 3);
			n += 3;
		} else
			t[n++] = choices[i];
	}
	t[n] = '\0';
	return t;
}

const char *
credit_example_value(struct arena *a, const struct credit_column *c)
{
	const char *bar;

	switch (c->kind) {
	case CCOL_INT:
		return "1";
	case CCOL_MONEY:	/* 10000.00 fits any money column (20 digits) */
		return "10000.00";
	case CCOL_DATE:
		return CREDIT_EXAMPLE_DATE;
	case CCOL_CHOICE:
		if (c->choices == NULL)
			return "";
		bar = strchr(c->choices, '|');
		return bar == NULL ? c->choices :
		    arena_strndup(a, c->choices, (size_t)(bar - c->choices));
	case CCOL_TEXT:
	default:
		return c->max_len > 0 && c->max_len < 4 ? "示" : "示例内容";
	}
}

/* Is s (len bytes) one of the '|'-separated choices? */
static bool
is_choice(const char *choices, const char *s, size_t len)
{
	const char *p = choices;

	while (*p != '\0') {
		const char	*bar = strchr(p, '|');
		size_t		 n = bar != NULL ? (size_t)(bar - p) : strlen(p);

		if (n == len && memcmp(p, s, n) == 0)
			return true;
		if (bar == NULL)
			break;
		p = bar + 1;
	}
	return false;
}

const char *
credit_value_check(struct arena *a, const struct credit_column *c,
    const char *s, size_t len, const char **out)
{
	char	date[11];
	size_t	i = 0;

	*out = "";
	if (len == 0)
		return c->required ? "required" : NULL;
	for (size_t k = 0; k < len; k++) {
		unsigned char ch = (unsigned char)s[k];

		/* line breaks and tabs only in text (a cell of several lines) */
		if ((ch < 0x20 && !(c->kind == CCOL_TEXT &&
		    (ch == '\n' || ch == '\r' || ch == '\t'))) || ch == 0x7f)
			return "credit_control";
	}
	switch (c->kind) {
	case CCOL_TEXT: {
		char	*t;
		size_t	 n = 0;

		if (c->max_len > 0 && utf8_len(s, len) > c->max_len)
			return "credit_too_long";
		/* CRLF and CR become LF */
		if ((t = arena_alloc(a, len + 1)) == NULL)
			return "credit_control";
		for (size_t k = 0; k < len; k++) {
			if (s[k] == '\r') {
				t[n++] = '\n';
				if (k + 1 < len && s[k + 1] == '\n')
					k++;
			} else
				t[n++] = s[k];
		}
		t[n] = '\0';
		*out = t;
		return NULL;
	}
	case CCOL_INT:
		if (digits(s, len, &i, c->max_len > 0 ? (int)c->max_len : 18) < 0 ||
		    i != len)
			return "credit_int";
		break;
	case CCOL_MONEY:
		if ((*out = money(a, s, len)) == NULL) {
			*out = "";
			return "credit_money";
		}
		return NULL;
	case CCOL_DATE:
		if (credit_date_check(s, len, date) != NULL)
			return "credit_date";
		*out = arena_strdup(a, date);
		return NULL;
	case CCOL_CHOICE:
		if (!is_choice(c->choices, s, len))
			return "credit_choice";
		break;
	default:
		return "credit_control";
	}
	*out = arena_strndup(a, s, len);
	return NULL;
}

/* Appends s as a JSON string to buf (escaped); returns the new end. */
static char *
json_str(char *p, const char *s)
{
	*p++ = '"';
	for (; *s != '\0'; s++) {
		unsigned char c = (unsigned char)*s;

		if (c == '"' || c == '\\') {
			*p++ = '\\';
			*p++ = (char)c;
		} else if (c < 0x20) {
			p += sprintf(p, "\\u%04x", c);
		} else
			*p++ = (char)c;
	}
	*p++ = '"';
	return p;
}

char *
credit_content_encode(struct arena *a, const struct credit_category *cat,
    const char *const *values)
{
	size_t	 need = 3;
	char	*buf, *p;

	for (size_t i = 0; i < cat->ncols; i++)
		need += 6 * (strlen(cat->cols[i].code) +
		    strlen(values[i] != NULL ? values[i] : "")) + 8;
	if ((buf = arena_alloc(a, need)) == NULL)
		return NULL;
	p = buf;
	*p++ = '{';
	for (size_t i = 0; i < cat->ncols; i++) {
		if (i > 0)
			*p++ = ',';
		p = json_str(p, cat->cols[i].code);
		*p++ = ':';
		p = json_str(p, values[i] != NULL ? values[i] : "");
	}
	*p++ = '}';
	*p = '\0';
	return buf;
}

/* Reads a JSON string at *pp (after its opening quote) into out (which
 * has room for it); advances past the closing quote.  -1 if malformed. */
static int
json_read(const char **pp, char *out)
{
	const char *p = *pp;

	while (*p != '"') {
		if (*p == '\0')
			return -1;
		if (*p != '\\') {
			*out++ = *p++;
			continue;
		}
		p++;
		switch (*p) {
		case '"': case '\\': case '/':
			*out++ = *p++;
			break;
		case 'n':
			*out++ = '\n';
			p++;
			break;
		case 't':
			*out++ = '\t';
			p++;
			break;
		case 'r':
			*out++ = '\r';
			p++;
			break;
		case 'u': {
			unsigned v;

			if (sscanf(p + 1, "%4x", &v) != 1 || v >= 0x80)
				return -1;	/* the encoder escapes controls only */
			*out++ = (char)v;
			p += 5;
			break;
		}
		default:
			return -1;
		}
	}
	*out = '\0';
	*pp = p + 1;
	return 0;
}

const char *
credit_content_get(struct arena *a, const char *json, const char *code)
{
	size_t		 len = strlen(json);
	char		*key, *val;
	const char	*p = json;

	if ((key = arena_alloc(a, len + 1)) == NULL ||
	    (val = arena_alloc(a, len + 1)) == NULL)
		return NULL;
	if (*p++ != '{')
		return NULL;
	if (*p == '}')
		return "";
	for (;;) {
		if (*p++ != '"' || json_read(&p, key) == -1 || *p++ != ':' ||
		    *p++ != '"' || json_read(&p, val) == -1)
			return NULL;
		if (strcmp(key, code) == 0)
			return val;
		if (*p == '}')
			return "";
		if (*p++ != ',')
			return NULL;
	}
}

/* --- maintenance ----------------------------------------------------------- */

static const char *
nz(const char *s)
{
	return s != NULL ? s : "";
}

/* [a-z][a-z0-9_]{1,39} */
static bool
code_valid(const char *s)
{
	size_t n = strlen(nz(s));

	if (n < 2 || n > 40 || s[0] < 'a' || s[0] > 'z')
		return false;
	for (size_t i = 1; i < n; i++)
		if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= '0' && s[i] <= '9') ||
		    s[i] == '_'))
			return false;
	return true;
}

/* Is s the label of a fixed column (or the category's date label)? */
static bool
label_fixed(const char *s, const char *date_label)
{
	return strcmp(s, CREDIT_LABEL_USCC) == 0 || strcmp(s, CREDIT_LABEL_NAME) == 0 ||
	    strcmp(s, CREDIT_LABEL_PERIOD) == 0 ||
	    (date_label != NULL && strcmp(s, date_label) == 0);
}

/* The number of non-empty '|'-separated choices in s; -1 if one is empty. */
static int
choices_count(const char *s)
{
	int	n = 0;

	if (*s == '\0')
		return 0;
	for (;;) {
		const char *bar = strchr(s, '|');
		size_t len = bar != NULL ? (size_t)(bar - s) : strlen(s);

		if (len == 0)
			return -1;
		n++;
		if (bar == NULL)
			return n;
		s = bar + 1;
	}
}

static void
add_error(struct ccat_error *errs, size_t max, size_t *n, int col,
    const char *field, const char *key)
{
	if (*n < max)
		errs[*n] = (struct ccat_error){ col, field, key };
	(*n)++;
}

size_t
credit_category_check(const struct credit_category *in, struct ccat_error *errs,
    size_t max)
{
	size_t	n = 0;

	if (!code_valid(in->code))
		add_error(errs, max, &n, -1, "code", "ccat_code");
	if (*nz(in->name) == '\0')
		add_error(errs, max, &n, -1, "name", "required");
	if (*nz(in->date_label) == '\0')
		add_error(errs, max, &n, -1, "date_label", "required");
	else if (label_fixed(in->date_label, NULL))
		add_error(errs, max, &n, -1, "date_label", "ccat_label_fixed");
	if (in->ncols == 0 || in->ncols > CREDIT_COLS_MAX)
		add_error(errs, max, &n, -1, "cols",
		    in->ncols == 0 ? "ccat_no_cols" : "ccat_too_many");
	for (size_t i = 0; i < in->ncols && i < CREDIT_COLS_MAX; i++) {
		const struct credit_column	*c = &in->cols[i];
		const char			*label = nz(c->label);
		size_t				 llen = utf8_len(label, strlen(label));
		bool				 dup_code = false, dup_label = false;
		int				 nch;

		for (size_t j = 0; j < i; j++) {
			if (c->code != NULL && in->cols[j].code != NULL &&
			    strcmp(c->code, in->cols[j].code) == 0)
				dup_code = true;
			if (strcmp(label, nz(in->cols[j].label)) == 0)
				dup_label = true;
		}
		if (!code_valid(c->code))
			add_error(errs, max, &n, (int)i, "code", "ccat_code");
		else if (dup_code)
			add_error(errs, max, &n, (int)i, "code", "ccat_col_dup");
		if (llen == 0)
			add_error(errs, max, &n, (int)i, "label", "required");
		else if (llen > 50)
			add_error(errs, max, &n, (int)i, "label", "too_long");
		else if (label_fixed(label, in->date_label))
			add_error(errs, max, &n, (int)i, "label", "ccat_label_fixed");
		else if (dup_label)
			add_error(errs, max, &n, (int)i, "label", "ccat_label_dup");
		if ((unsigned)c->kind >= CCOL__MAX)
			add_error(errs, max, &n, (int)i, "kind", "ccat_kind");
		if (c->max_len < 1 || c->max_len > 500 ||
		    (c->kind == CCOL_INT && c->max_len > 18))
			add_error(errs, max, &n, (int)i, "max_len", "ccat_max_len");
		nch = choices_count(nz(c->choices));
		if (c->kind == CCOL_CHOICE && nch < 2)
			add_error(errs, max, &n, (int)i, "choices", "ccat_choices");
		else if (c->kind != CCOL_CHOICE && nch != 0)
			add_error(errs, max, &n, (int)i, "choices", "ccat_choices_kind");
	}
	return n;
}

/* Inserts the columns of `in` as those of category `id` (seq 1..). */
static enum err
columns_insert(struct db *db, int id, const struct credit_category *in)
{
	enum err rc;

	for (size_t i = 0; i < in->ncols; i++) {
		const struct credit_column	*c = &in->cols[i];
		struct db_param			 p[] = { DB_INT(id), DB_INT(i + 1),
		    DB_STR(nz(c->code)), DB_STR(nz(c->label)),
		    DB_STR(ccol_kind_name(c->kind)), DB_INT(c->required),
		    DB_INT(c->max_len), DB_STR(nz(c->choices)) };

		if ((rc = db_exec(db, &mod, STMT_CC_COL_INSERT, p, 8, NULL, NULL)) != ERR_OK)
			return rc;
	}
	return ERR_OK;
}

/* The audit detail of a category: "code=x cols=a,b,c" (cut at len). */
static const char *
detail_of(char *out, size_t len, const char *code, const struct credit_category *in)
{
	size_t	used;
	int	w;

	w = snprintf(out, len, "code=%s active=%d cols=", nz(code), in->active ? 1 : 0);
	used = w < 0 ? len : (size_t)w;
	for (size_t i = 0; i < in->ncols && used < len; i++) {
		w = snprintf(out + used, len - used, "%s%s:%s", i > 0 ? "," : "",
		    nz(in->cols[i].code), ccol_kind_name(in->cols[i].kind));
		used = w < 0 ? len : used + (size_t)w;
	}
	return out;
}

/* What credit_category_create's transaction needs and gives back. */
struct ccreate {
	const struct audit_actor	*actor;
	const struct credit_category	*in;
	int				 id;
};

static enum err
create_body(struct db *db, struct arena *a, void *ctx)
{
	struct ccreate			*c = ctx;
	const struct credit_category	*in = c->in;
	struct db_param		 p[] = { DB_STR(nz(in->code)), DB_STR(nz(in->name)),
	    DB_STR(nz(in->date_label)), DB_INT(in->has_period), DB_INT(in->active) };
	unsigned long long	 newid = 0;
	char			 oid[24], detail[512];
	enum err		 rc;

	(void)a;
	if ((rc = db_exec(db, &mod, STMT_CC_INSERT, p, 5, NULL, &newid)) != ERR_OK ||
	    (rc = columns_insert(db, (int)newid, in)) != ERR_OK)
		return rc;
	snprintf(oid, sizeof oid, "%llu", newid);
	if ((rc = audit_write(db, c->actor, "credit.category.create",
	    "credit_category", oid, AUDIT_OK,
	    detail_of(detail, sizeof detail, in->code, in))) != ERR_OK)
		return rc;
	c->id = (int)newid;
	return ERR_OK;
}

enum err
credit_category_create(struct db *db, const struct audit_actor *actor,
    const struct credit_category *in, int *id)
{
	struct ccreate	 c = { actor, in, 0 };
	enum err	 rc;

	if ((rc = db_tx(db, 0, create_body, &c)) == ERR_OK)
		*id = c.id;
	return rc;
}

/*
 * Once a category has batches, may its columns become in->cols?  Reads
 * the stored columns (in the caller's transaction): ERR_OK, ERR_CONFLICT
 * when a stored code is gone or has another kind, or a database error.
 */
static enum err
columns_keep(struct db *db, struct arena *a, int id, const struct credit_category *in)
{
	struct db_param	 p[] = { DB_INT(id) };
	struct db_rows	*rows;
	enum err	 rc;
	int		 r;

	if ((rc = db_query(db, a, &mod, STMT_CC_OLD_COLUMNS, p, 1, &rows)) != ERR_OK)
		return rc;
	while ((r = db_next(rows)) == 1) {
		const char	*code = db_col_str(rows, 0);
		int		 kind = ccol_kind_parse(db_col_str(rows, 1));
		bool		 kept = false;

		for (size_t i = 0; i < in->ncols && !kept; i++)
			kept = code != NULL && strcmp(nz(in->cols[i].code), code) == 0 &&
			    (int)in->cols[i].kind == kind;
		if (!kept) {
			db_rows_free(rows);
			return ERR_CONFLICT;
		}
	}
	db_rows_free(rows);
	return r == -1 ? db_rows_error(db) : ERR_OK;
}

/* The edit under the category's lock: the columns an import keyed its
 * records by stay (columns_keep) once it has batches. */
static enum err
ccat_change(struct step_run *run)
{
	const struct credit_category *in = run->ctx;
	int		 id = (int)run->id;
	struct db_param	 ip[] = { DB_INT(id) };
	struct db_param	 p[] = { DB_STR(nz(in->name)), DB_STR(nz(in->date_label)),
	    DB_INT(in->has_period), DB_INT(in->active), DB_INT(id) };
	struct db_rows	*rows;
	long long	 batches;
	enum err	 rc;

	/* an upload meanwhile inserts its batch with a foreign key to the
	 * locked row, so it waits until this transaction ends */
	if ((rc = db_query(run->db, run->a, &mod, STMT_CC_BATCHES, ip, 1, &rows)) != ERR_OK)
		return rc;
	if (db_next(rows) != 1) {
		db_rows_free(rows);
		return db_rows_error(run->db);
	}
	batches = db_col_int(rows, 0);
	db_rows_free(rows);
	if (batches > 0 && (rc = columns_keep(run->db, run->a, id, in)) != ERR_OK)
		return rc;
	if ((rc = db_exec(run->db, &mod, STMT_CC_UPDATE, p, 5, NULL, NULL)) != ERR_OK ||
	    (rc = db_exec(run->db, &mod, STMT_CC_COL_DELETE, ip, 1, NULL, NULL)) != ERR_OK ||
	    (rc = columns_insert(run->db, id, in)) != ERR_OK)
		return rc;
	(void)detail_of(run->detail, sizeof run->detail, in->code, in);
	return ERR_OK;
}

static const struct step ccat_edit_active = {
	&ccat_machine, CCATA_EDIT_ACTIVE, &mod, STMT_CC_LOCK, false,
	"credit.category.update", "credit_category", NULL, ccat_change,
};
static const struct step ccat_edit_inactive = {
	&ccat_machine, CCATA_EDIT_INACTIVE, &mod, STMT_CC_LOCK, false,
	"credit.category.update", "credit_category", NULL, ccat_change,
};

enum err
credit_category_update(struct db *db, const struct audit_actor *actor,
    const struct scope *sc, int id, const struct credit_category *in)
{
	struct db_param	scope[] = { DB_STR(ccat_scope(sc)) };

	return step_run(db, in->active ? &ccat_edit_active : &ccat_edit_inactive,
	    actor, scope, 1, id, 0, (void *)in);
}
