/*
 * credit_cat.h -- credit information categories and their columns, kept
 * as data (schema/008_credit.sql), and the checks of one value (R-08.1,
 *
 *
 * Every record has the fixed columns -- the enterprise (统一社会信用代码,
 * 企业名称), the category's date (date_label) and, when has_period, the
 * end of its publication period (公示截止日期) -- then the category's own
 * columns, whose values travel as a flat JSON object of strings keyed by
 * column code ("content").  Values are stored normalised: a money amount
 * as yuan with two decimals, a date as YYYY-MM-DD.
 */
#ifndef DUIJIE_CREDIT_CAT_H
#define DUIJIE_CREDIT_CAT_H

#include <stdbool.h>
#include <stddef.h>

#include "accounts/scope.h"
#include "core/arena.h"
#include "db/audit.h"
#include "db/db.h"
#include "db/step.h"

#define CREDIT_COLS_MAX	20	/* a category's own columns */

enum ccol_kind { CCOL_TEXT, CCOL_INT, CCOL_MONEY, CCOL_DATE, CCOL_CHOICE,
	CCOL__MAX };

struct credit_column {
	int		 seq;
	const char	*code;
	const char	*label;
	enum ccol_kind	 kind;
	bool		 required;
	unsigned	 max_len;	/* characters (text), digits (int) */
	const char	*choices;	/* choice: "A|B|M|C|D" */
};

struct credit_category {
	int			 id;
	const char		*code;
	const char		*name;
	const char		*date_label;
	bool			 has_period;
	bool			 active;
	struct credit_column	 cols[CREDIT_COLS_MAX];
	size_t			 ncols;
};

struct credit_catalog {
	struct credit_category	*v;
	size_t			 n;
};

/* The labels of the fixed columns, as in the CSV template's header. */
#define CREDIT_LABEL_USCC	"统一社会信用代码"
#define CREDIT_LABEL_NAME	"企业名称"
#define CREDIT_LABEL_PERIOD	"公示截止日期"

/*
 * The CSV template's second row is an example; its first field starts
 * with CREDIT_EXAMPLE_MARK, and the importer skips any row whose first
 * field does (a USCC or a name never starts with it), so a file saved
 * from the template without deleting the example still imports.
 */
#define CREDIT_EXAMPLE_MARK	"示例"
#define CREDIT_EXAMPLE_USCC	CREDIT_EXAMPLE_MARK "（导入时跳过此行）"
#define CREDIT_EXAMPLE_NAME	"广州市示例贸易有限公司"
#define CREDIT_EXAMPLE_DATE	"2026-01-15"
#define CREDIT_EXAMPLE_PERIOD	"2029-01-14"

/* An example value for column c, as the template's example row shows it:
 * a choice's first allowed value, a date, a number, a short text.  Static
 * or in `a`; NULL only when out of memory. */
const char	*credit_example_value(struct arena *a, const struct credit_column *c);

/* A choice column's allowed values for a message, joined by "、" (in `a`;
 * "" for none; NULL when out of memory). */
const char	*credit_choices_text(struct arena *a, const char *choices);

const char	*ccol_kind_name(enum ccol_kind);	/* "money" */
int		 ccol_kind_parse(const char *);

/* Every category (active_only: those offered for import) in display
 * order, with its columns. */
enum err	credit_catalog_load(struct db *, struct arena *, bool active_only,
		    struct credit_catalog *);
const struct credit_category *credit_category_by_id(const struct credit_catalog *,
		    int id);
/*
 * Category `id` with its columns, within scope `sc` (the predicate in the
 * statement: the categories are the province's, read by the operators,
 * supervisors and gov users, anyone else reaches none); ERR_NOTFOUND when
 * there is none in the scope.  Strings in `a`.
 */
enum err	credit_category_get(struct db *, struct arena *,
		    const struct scope *sc, long long id,
		    struct credit_category *);

/*
 * Checks the value s (len bytes, valid UTF-8, already trimmed) of column c
 * and sets *out to its normalised form (in `a`; "" for an empty optional
 * value; in text, CRLF and CR become LF).  Returns NULL, or the key of
 * the message (strings.hdf Err.*):
 * "required", "credit_too_long", "credit_int", "credit_money",
 * "credit_date", "credit_choice", "credit_control".
 */
const char	*credit_value_check(struct arena *, const struct credit_column *c,
		    const char *s, size_t len, const char **out);
/* A date as typed in spreadsheets -- 2026-11-05, 2026/11/5, 2026.11.5 --
 * as YYYY-MM-DD in out[11]; NULL when it is not a real date ("credit_date"
 * otherwise). */
const char	*credit_date_check(const char *s, size_t len, char out[11]);

/* values[i] (NULL: "") of cat->cols[i] as a JSON object in `a`; NULL on OOM. */
char		*credit_content_encode(struct arena *, const struct credit_category *,
		    const char *const *values);
/* The value of column `code` in a content object made by
 * credit_content_encode, in `a`; "" when absent, NULL on OOM or a
 * malformed object. */
const char	*credit_content_get(struct arena *, const char *json, const char *code);

/* --- maintenance by the province's operators ------------------------- */

/* One mistake in a category as an operator typed it: col -1 for the
 * category's own fields (field "code", "name", "date_label", "cols"),
 * else the index in cols[] (field "code", "label", "kind", "max_len",
 * "choices"); key is the message (strings.hdf Err.*). */
struct ccat_error {
	int		 col;
	const char	*field;
	const char	*key;
};

#define CCAT_ERRORS_MAX	(4 + 5 * CREDIT_COLS_MAX)

/*
 * Checks a category before it is stored, without the database: code
 * [a-z][a-z0-9_]{1,39} (the category's and each column's), a name,
 * a date label that is none of the fixed columns' labels, 1 to
 * CREDIT_COLS_MAX columns with codes unique among them, labels of 1-50
 * characters unique among them and other than the fixed columns' (the
 * date label included), max_len 1..500 (an int at most 18 digits), a
 * choice with at least two non-empty choices.  Fills errs[0..max) and
 * returns the number of mistakes found (0: good; more than max are
 * counted, not stored).  Reads `in` only.
 */
size_t		credit_category_check(const struct credit_category *in,
		    struct ccat_error *errs, size_t max);

/*
 * Stores a new category (in->id is ignored; sorted after the others) and
 * its columns (seq 1.. in the order of in->cols) with an audit row
 * credit.category.create, in one transaction; *id is the new id.
 * ERR_DB_DUP when the code is taken; nothing is stored on failure.  The
 * caller has checked `in` with credit_category_check.
 */
/* A category is offered for import (active) or not; an edit keeps it or
 * moves it either way (ccat_machine). */
enum ccat_state { CCAT_INACTIVE, CCAT_ACTIVE, CCAT__MAX };
enum ccat_action { CCATA_EDIT_ACTIVE, CCATA_EDIT_INACTIVE, CCATA__MAX };
extern const struct step_machine ccat_machine;

enum err	credit_category_create(struct db *, const struct audit_actor *,
		    const struct credit_category *in, int *id);
/*
 * Changes category `id` (name, date_label, has_period, active; the code
 * stays) and replaces its columns by in->cols, with an audit row
 * credit.category.update, in one transaction.  Once the category has any
 * credit_batches, the records' content is keyed by its column codes: a
 * column code that exists may not disappear nor change its kind, and the
 * call is ERR_CONFLICT (labels, required, max_len and choices may change,
 * columns may be added).  The lock carries `sc`: only the system and
 * the province's operators edit, anyone else gets ERR_NOTFOUND, as for
 * no such category; nothing is changed on failure.
 */
enum err	credit_category_update(struct db *, const struct audit_actor *,
		    const struct scope *sc, int id,
		    const struct credit_category *in);

#endif
