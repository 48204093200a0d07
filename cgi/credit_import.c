/*
 * credit_import.c -- agencies' reviewed imports of credit information on
 * the intranet: the CSV template of a category, upload and validation,
 * the preview with row errors, confirmation, discarding, withdrawal, and
 * the list of batches (R-09.2, R-08.1, X-AUD).
 *
 * A gov user imports for its own agency; operators and supervisors of the
 * agency's region see its batches (and operators may withdraw one).  A
 * batch of another agency or region is an audited 403.
 */
#include <stdio.h>
#include <string.h>

#include "credit/credit_import.h"
#include "formats/csv.h"
#include "formats/csvread.h"
#include "routes.h"
#include "accounts/perm.h"
#include "core/timefmt.h"

#define BATCHES_PER_PAGE	20
#define PREVIEW_ROWS		20
#define PREVIEW_ERRORS		100
#define IMPORT_FIELDS_MAX	64
#define IMPORT_FIELD_MAX	4096	/* bytes of one cell */

static const char *const enc_choices[] = { "auto", "utf8", "gb18030", NULL };

enum { U_CATEGORY, U_ENCODING, U_FILE, U__MAX };
static const struct field upload_fields[U__MAX] = {
	[U_CATEGORY] = { .name = "category", .kind = FK_INT, .flags = F_REQUIRED, .min = 1, .max = 1 << 30 },
	[U_ENCODING] = { .name = "encoding", .kind = FK_CHOICE, .choices = enc_choices },
	[U_FILE] = { .name = "file", .kind = FK_FILE, .flags = F_REQUIRED },
};
const struct form credit_upload_form = { upload_fields, U__MAX };

enum { B_PAGE, B__MAX };
static const struct field batches_fields[B__MAX] = {
	[B_PAGE] = { .name = "page", .kind = FK_INT, .min = 1, .max = 100000 },
};
const struct form credit_batches_form = { batches_fields, B__MAX };

static const char *const done_choices[] = { "uploaded", "confirmed", "discarded",
	"withdrawn", NULL };
enum { BA_DONE, BA_NOTE, BA__MAX };
static const struct field batch_fields[BA__MAX] = {
	[BA_DONE] = { .name = "done", .kind = FK_CHOICE, .choices = done_choices },
	[BA_NOTE] = { .name = "note", .kind = FK_MULTILINE, .flags = F_TRIM, .maxlen = 500 },
};
const struct form credit_batch_form = { batch_fields, BA__MAX };

/* The gov user's agency (0 for other roles). */
static long long
my_agency(const struct req *r)
{
	const struct user *u = &r->sess->user;

	return u->role == ROLE_GOV && strcmp(u->org_kind, "agency") == 0 ? u->org_id : 0;
}

/* --- the upload page ---------------------------------------------------- */

static int
categories_to_hdf(struct req *r, const struct credit_catalog *cat)
{
	for (size_t i = 0; i < cat->n; i++) {
		HDF *row = req_row(r, "Categories", i);

		if (row == NULL ||
		    node_set(row, "id", arena_printf(r->a, "%d", cat->v[i].id)) == -1 ||
		    node_set(row, "name", cat->v[i].name) == -1)
			return -1;
	}
	return 0;
}

/* Keeps in *cat only the categories the user's agency is a source of
 * (agency_credit_sources, issue 16). */
static enum err
only_sources(struct req *r, struct credit_catalog *cat)
{
	long long	*ids;
	size_t		 n, k = 0;
	enum err	 rc;

	if ((rc = perm_agency_sources(r->app->db, r->a, my_agency(r), &ids,
	    &n)) != ERR_OK)
		return rc;
	for (size_t i = 0; i < cat->n; i++) {
		bool on = false;

		for (size_t j = 0; j < n; j++)
			on = on || ids[j] == cat->v[i].id;
		if (on)
			cat->v[k++] = cat->v[i];
	}
	cat->n = k;
	return ERR_OK;
}

/* The upload form (again, with the messages of a refused upload). */
static int
upload_page(struct req *r, const struct credit_catalog *cat)
{
	r->tmpl = TMPL_CREDIT_IMPORT;
	req_set(r, "Page.nav", "credit_import");
	req_setf(r, "Import.max_mb", "%zu", r->app->cfg->upload_max >> 20);
	return categories_to_hdf(r, cat) == -1 ? 500 : 200;
}

/* The message key of a reader error. */
static const char *
reader_key(enum csvr_errcode code)
{
	switch (code) {
	case CSVR_EENCODING:
		return "csv_encoding";
	case CSVR_ENUL:
		return "csv_nul";
	case CSVR_EFIELD:
		return "csv_field_long";
	case CSVR_EFIELDS:
		return "csv_fields";
	case CSVR_EQUOTE:
		return "csv_quote";
	case CSVR_EEOF:
		return "csv_eof";
	case CSVR_EBOM:
		return "csv_bom";
	default:
		return "csv_io";
	}
}

/* What the file's feed reads and tells back. */
struct feed {
	struct csvr		*rd;
	struct csvr_record	*rec;		/* the header, already read */
	const char		*fatal;		/* a reader error that ends it */
};

/* The header, then every record of the file into the validation. */
static enum err
feed_file(struct cimport *ci, void *ctx)
{
	struct feed		*fd = ctx;
	struct csvr_record	*rec = fd->rec;
	const char		*s[IMPORT_FIELDS_MAX];
	size_t			 len[IMPORT_FIELDS_MAX];
	enum err		 rc;
	int			 n;

	for (size_t i = 0; i < rec->n; i++) {
		s[i] = rec->f[i].s;
		len[i] = rec->f[i].len;
	}
	if ((rc = cimport_header(ci, rec->n, s, len)) != ERR_OK)
		return rc;
	for (;;) {
		if ((n = csvr_next(fd->rd, rec)) == 0)
			break;
		if (n == -1) {
			const struct csvr_error *e = csvr_error(fd->rd);

			if (e->fatal) {
				fd->fatal = reader_key(e->code);
				return ERR_INVAL;
			}
			if ((rc = cimport_fail(ci, (unsigned)e->row,
			    reader_key(e->code))) != ERR_OK)
				return rc;
			continue;
		}
		for (size_t i = 0; i < rec->n; i++) {
			s[i] = rec->f[i].s;
			len[i] = rec->f[i].len;
		}
		if ((rc = cimport_row(ci, (unsigned)rec->row, rec->n, s, len)) != ERR_OK)
			return rc;
	}
	return ERR_OK;
}

/* Reads the whole file into a new batch.  0 with *batch_id, or the HTTP
 * status; a file that cannot be read at all is a message on the field. */
static int
import_file(struct req *r, const struct credit_category *cat, struct csvr *rd,
    long long *batch_id)
{
	const struct user	*me = &r->sess->user;
	struct csvr_record	 rec;
	struct cimport_counts	 counts;
	struct audit_actor	 a;
	struct feed		 fd = { rd, &rec, NULL };
	enum err		 rc;
	int			 n;

	/* the header tells the encoding */
	if ((n = csvr_next(rd, &rec)) != 1) {
		req_field_error(r, "file", n == 0 ? "csv_empty" :
		    reader_key(csvr_error(rd)->code));
		return 0;
	}
	req_actor(r, &a);
	rc = cimport_run(r->app->db, r->a, &a, my_agency(r), me->region, cat,
	    r->f[U_FILE].file->filename,
	    csvr_encoding(rd) == CSVR_GB18030 ? "gb18030" : "utf-8",
	    feed_file, &fd, &counts, batch_id);
	if (fd.fatal != NULL) {
		req_field_error(r, "file", fd.fatal);
		return 0;
	}
	return rc == ERR_OK ? 0 : status_of(rc);
}

/*
 * GET /credit/import (gov): the upload form.  POST (multipart: category,
 * encoding auto|utf8|gb18030, file): validates the whole file into a
 * batch and 303s to its preview; nothing takes effect before the
 * confirmation.  A missing file, an empty one or one that cannot be read
 * (a UTF-16 file, a broken read) shows the form again with the message.
 */
int
handle_credit_import(struct req *r)
{
	struct credit_catalog		 cat;
	const struct credit_category	*c = NULL;
	struct csvr_limits		 lim = { IMPORT_FIELD_MAX, IMPORT_FIELDS_MAX, 0 };
	enum csvr_encoding		 enc = CSVR_AUTO;
	struct csvr			*rd;
	long long			 id = 0;
	enum err			 rc;
	int				 st;

	/* issue 16: the account's credit.import, for its agency's sources */
	if ((st = req_perm(r, PERM_CREDIT_IMPORT)) != 0)
		return st;
	if ((rc = credit_catalog_load(r->app->db, r->a, true, &cat)) != ERR_OK)
		return status_of(rc);
	if ((rc = only_sources(r, &cat)) != ERR_OK)
		return status_of(rc);
	if (r->method != HTTP_POST)
		return upload_page(r, &cat);
	if (r->f[U_CATEGORY].error == NULL &&
	    (c = credit_category_by_id(&cat, (int)r->f[U_CATEGORY].i)) == NULL) {
		struct credit_catalog all;

		/* a category the agency is not a source of: refused, audited */
		if ((rc = credit_catalog_load(r->app->db, r->a, true, &all)) != ERR_OK)
			return status_of(rc);
		if (credit_category_by_id(&all, (int)r->f[U_CATEGORY].i) != NULL)
			return req_forbidden(r, "credit_category", r->f[U_CATEGORY].i,
			    "agency not a source of the category");
		req_field_error(r, "category", "credit_category");
	}
	if (r->nerrors > 0)
		return upload_page(r, &cat);
	if (r->f[U_ENCODING].present)
		enc = strcmp(r->f[U_ENCODING].s, "utf8") == 0 ? CSVR_UTF8 :
		    strcmp(r->f[U_ENCODING].s, "gb18030") == 0 ? CSVR_GB18030 : CSVR_AUTO;
	if ((rd = csvr_open(r->f[U_FILE].file->fd, enc, &lim)) == NULL)
		return 500;
	st = import_file(r, c, rd, &id);
	csvr_close(rd);
	if (st != 0)
		return st;
	if (r->nerrors > 0)
		return upload_page(r, &cat);
	r->location = arena_printf(r->a, "/credit/batches/%lld?done=uploaded", id);
	return r->location != NULL ? 303 : 500;
}

/*
 * GET /credit/categories/{id}/template.csv (gov, operators, supervisors):
 * the header row of a category's file -- the fixed columns, then its own
 * -- and an example row the importer skips, as UTF-8 with a BOM, for Excel.
 */
int
handle_credit_template(struct req *r)
{
	const struct credit_category	*c = r->obj;
	struct csv			*out;
	const char			*body;
	size_t				 len;

	if ((out = csv_new(r->a, true)) == NULL ||
	    csv_field(out, CREDIT_LABEL_USCC) == -1 ||
	    csv_field(out, CREDIT_LABEL_NAME) == -1 ||
	    csv_field(out, c->date_label) == -1 ||
	    (c->has_period && csv_field(out, CREDIT_LABEL_PERIOD) == -1))
		return 500;
	for (size_t i = 0; i < c->ncols; i++)
		if (csv_field(out, c->cols[i].label) == -1)
			return 500;
	/* the example row, which the importer skips (CREDIT_EXAMPLE_MARK) */
	if (csv_end_row(out) == -1 ||
	    csv_field(out, CREDIT_EXAMPLE_USCC) == -1 ||
	    csv_field(out, CREDIT_EXAMPLE_NAME) == -1 ||
	    csv_field(out, CREDIT_EXAMPLE_DATE) == -1 ||
	    (c->has_period && csv_field(out, CREDIT_EXAMPLE_PERIOD) == -1))
		return 500;
	for (size_t i = 0; i < c->ncols; i++) {
		const char *v = credit_example_value(r->a, &c->cols[i]);

		if (v == NULL || csv_field(out, v) == -1)
			return 500;
	}
	if (csv_end_row(out) == -1 || (body = csv_data(out, &len)) == NULL)
		return 500;
	r->body_out = body;
	r->body_len = len;
	r->ctype = "text/csv; charset=utf-8";
	req_header(r, "Content-Disposition", arena_printf(r->a,
	    "attachment; filename=\"credit-%s-template.csv\"", c->code));
	return 200;
}

/* --- batches -------------------------------------------------------------- */

static void
set_beijing(HDF *row, const char *key, const char *utc)
{
	char when[32];

	if (utc != NULL && time_beijing(utc, when, sizeof when) == 0)
		node_set(row, key, when);
}

/* The status a batch's pages show: a validated batch that cannot be
 * confirmed (errors, or no new record) does not read 待确认. */
static const char *
batch_shown(const struct cbatch *b)
{
	if (b->status == CB_VALIDATED && b->counts.errors > 0)
		return "blocked_errors";
	if (b->status == CB_VALIDATED && b->counts.fresh == 0)
		return "blocked_empty";
	return cbatch_status_name(b->status);
}

static int
batch_to_hdf(struct req *r, HDF *row, const struct cbatch *b)
{
	if (node_set(row, "id", arena_printf(r->a, "%lld", b->id)) == -1 ||
	    node_set(row, "agency", b->agency_name) == -1 ||
	    node_set(row, "category", b->category_name) == -1 ||
	    node_set(row, "file", b->file_name) == -1 ||
	    node_set(row, "encoding", b->encoding) == -1 ||
	    node_set(row, "status", cbatch_status_name(b->status)) == -1 ||
	    node_set(row, "shown", batch_shown(b)) == -1 ||
	    node_set(row, "total", arena_printf(r->a, "%u", b->counts.total)) == -1 ||
	    node_set(row, "fresh", arena_printf(r->a, "%u", b->counts.fresh)) == -1 ||
	    node_set(row, "dup", arena_printf(r->a, "%u", b->counts.dup)) == -1 ||
	    node_set(row, "errors", arena_printf(r->a, "%u", b->counts.errors)) == -1 ||
	    node_set(row, "uploaded_by", b->uploaded_name) == -1 ||
	    node_set(row, "confirmed_by", b->confirmed_name) == -1 ||
	    node_set(row, "withdrawn_by", b->withdrawn_name) == -1 ||
	    node_set(row, "withdraw_note", b->withdraw_note) == -1)
		return -1;
	set_beijing(row, "uploaded_at", b->uploaded_at);
	set_beijing(row, "confirmed_at", b->confirmed_at);
	set_beijing(row, "withdrawn_at", b->withdrawn_at);
	return 0;
}

/*
 * GET /credit/batches: the agency's batches (gov) or the region's
 * (operators, supervisors), newest first, 20 a page.
 */
int
handle_credit_batches(struct req *r)
{
	struct cbatch_list	l;
	struct pager		pg;
	enum err		rc;

	r->tmpl = TMPL_CREDIT_BATCHES;
	req_set(r, "Page.nav", "credit_import");
	req_pager_init(r, B_PAGE, BATCHES_PER_PAGE, 0, &pg);
	if ((rc = cbatch_search(r->app->db, r->a, r->sess->user.region, my_agency(r),
	    (size_t)pg.page - 1, BATCHES_PER_PAGE, &l)) != ERR_OK)
		return status_of(rc);
	for (size_t i = 0; i < l.n; i++) {
		HDF *row = req_row(r, "Batches", i);

		if (row == NULL || batch_to_hdf(r, row, &l.v[i]) == -1)
			return 500;
	}
	pg.total = l.total;
	if (req_pager(r, &pg, "/credit/batches?") == -1)
		return 500;
	if (my_agency(r) != 0)
		req_set(r, "Can.import", "1");
	return 200;
}

/* The message of an error row; "not an allowed value" names the allowed
 * ones (the column found by its label in category c, which may be NULL). */
static const char *
error_text(struct req *r, const struct credit_category *c, const struct cerror *e)
{
	const char *msg = views_str(r->app->views, arena_printf(r->a, "Err.%s", e->key));

	if (c == NULL || strcmp(e->key, "credit_choice") != 0)
		return msg;
	for (size_t i = 0; i < c->ncols; i++) {
		const char *allowed;

		if (strcmp(c->cols[i].label, e->col_label) != 0)
			continue;
		if ((allowed = credit_choices_text(r->a, c->cols[i].choices)) == NULL)
			return msg;
		return arena_printf(r->a, "%s%s%s%s", msg,
		    views_str(r->app->views, "Err.credit_choice_pre"), allowed,
		    views_str(r->app->views, "Err.credit_choice_post"));
	}
	return msg;
}

/* The batch page: counts, the first rows, the first errors, actions. */
static int
batch_page(struct req *r, const struct cbatch *b)
{
	const struct user		*u = &r->sess->user;
	struct credit_catalog		 cat;
	const struct credit_category	*c;
	struct cbatch_view		 view;
	struct audit_actor		 a;
	struct cstaged			*rows;
	struct cerror			*errs;
	size_t				 nrows, nerrs;
	long long			 mine = my_agency(r);
	HDF				*node;
	enum err			 rc;

	r->tmpl = TMPL_CREDIT_BATCH;
	req_set(r, "Page.nav", "credit_import");
	if (hdf_get_node(r->hdf, "Batch", &node) != STATUS_OK ||
	    batch_to_hdf(r, node, b) == -1)
		return 500;
	if ((rc = credit_catalog_load(r->app->db, r->a, false, &cat)) != ERR_OK)
		return status_of(rc);
	c = credit_category_by_id(&cat, b->category_id);
	if (c != NULL) {
		for (size_t i = 0; i < c->ncols; i++)
			req_set(r, arena_printf(r->a, "Columns.%zu", i), c->cols[i].label);
		req_set(r, "DateLabel", c->date_label);
		if (c->has_period)
			req_set(r, "HasPeriod", "1");
	}
	/* an office's look at the rows is logged with them (cbatch_open) */
	req_actor(r, &a);
	if ((rc = cbatch_open(r->app->db, r->a, &a, b, mine == 0, u->org_kind,
	    u->org_id, false, PREVIEW_ROWS, PREVIEW_ERRORS, &view)) != ERR_OK)
		return status_of(rc);
	rows = view.rows;
	nrows = view.nrows;
	errs = view.errs;
	nerrs = view.nerrs;
	for (size_t i = 0; i < nrows; i++) {
		HDF *row = req_row(r, "Rows", i);

		if (row == NULL ||
		    node_set(row, "row", arena_printf(r->a, "%u", rows[i].row_no)) == -1 ||
		    node_set(row, "uscc", rows[i].uscc) == -1 ||
		    node_set(row, "name", rows[i].ent_name) == -1 ||
		    node_set(row, "date", rows[i].decision_date) == -1 ||
		    node_set(row, "period", rows[i].period_end) == -1 ||
		    (rows[i].dup && node_set(row, "dup", "1") == -1))
			return 500;
		for (size_t k = 0; c != NULL && k < c->ncols; k++) {
			const char *v = credit_content_get(r->a, rows[i].content, c->cols[k].code);

			if (node_set(row, arena_printf(r->a, "v.%zu", k), v) == -1)
				return 500;
		}
	}
	for (size_t i = 0; i < nerrs; i++) {
		HDF *row = req_row(r, "Errors", i);

		if (row == NULL ||
		    node_set(row, "row", arena_printf(r->a, "%u", errs[i].row_no)) == -1 ||
		    node_set(row, "column", errs[i].col_label) == -1 ||
		    node_set(row, "value", errs[i].value) == -1 ||
		    node_set(row, "message", error_text(r, c, &errs[i])) == -1)
			return 500;
	}
	if (b->status == CB_VALIDATED && mine != 0) {
		if (b->counts.errors == 0 && b->counts.fresh > 0)
			req_set(r, "Can.confirm", "1");
		req_set(r, "Can.discard", "1");
	}
	if (b->status == CB_CONFIRMED &&
	    (mine != 0 || r->sess->user.role == ROLE_OPERATOR))
		req_set(r, "Can.withdraw", "1");
	return 200;
}

/* GET /credit/batches/{id}: the preview of a validated batch (counts,
 * the first rows, the first errors) or a confirmed/withdrawn batch's
 * facts; ?done= confirms the step just taken. */
int
handle_credit_batch(struct req *r)
{
	struct cbatch	b;

	b = *(const struct cbatch *)r->obj;	/* the dispatcher's, scoped */
	if (r->f[BA_DONE].present && r->f[BA_DONE].error == NULL)
		req_set(r, "Done", views_str(r->app->views,
		    arena_printf(r->a, "Batch.done.%s", r->f[BA_DONE].s)));
	return batch_page(r, &b);
}

/*
 * GET /credit/batches/{id}/errors.csv: every stored row error.  The
 * export is audited ("credit.batch.errors") in the transaction that reads
 * the errors; an office's download is also a credit_queries row
 * (cbatch_open).
 */
int
handle_credit_batch_errors(struct req *r)
{
	static const char *const head[] = { "行号", "列", "内容", "问题" };
	const struct user	*u = &r->sess->user;
	struct cbatch_view	 view;
	struct audit_actor	 a;
	struct cbatch		 b;
	struct credit_catalog	 cat;
	const struct credit_category *c;
	struct cerror		*errs;
	struct csv		*out;
	const char		*body;
	size_t			 n, len;
	enum err		 rc;

	b = *(const struct cbatch *)r->obj;	/* the dispatcher's, scoped */
	req_actor(r, &a);
	if ((rc = cbatch_open(r->app->db, r->a, &a, &b, my_agency(r) == 0,
	    u->org_kind, u->org_id, true, 0, CIMPORT_ERRORS_KEPT, &view)) != ERR_OK)
		return status_of(rc);
	errs = view.errs;
	n = view.nerrs;
	if ((rc = credit_catalog_load(r->app->db, r->a, false, &cat)) != ERR_OK)
		return status_of(rc);
	c = credit_category_by_id(&cat, b.category_id);
	if ((out = csv_new(r->a, true)) == NULL)
		return 500;
	for (size_t i = 0; i < 4; i++)
		if (csv_field(out, head[i]) == -1)
			return 500;
	if (csv_end_row(out) == -1)
		return 500;
	for (size_t i = 0; i < n; i++)
		if (csv_field_ll(out, errs[i].row_no) == -1 ||
		    csv_field(out, errs[i].col_label) == -1 ||
		    csv_field(out, errs[i].value) == -1 ||
		    csv_field(out, error_text(r, c, &errs[i])) == -1 ||
		    csv_end_row(out) == -1)
			return 500;
	if ((body = csv_data(out, &len)) == NULL)
		return 500;
	r->body_out = body;
	r->body_len = len;
	r->ctype = "text/csv; charset=utf-8";
	req_header(r, "Content-Disposition", arena_printf(r->a,
	    "attachment; filename=\"credit-batch-%lld-errors.csv\"", b.id));
	return 200;
}

/* The outcome of a step on batch b: 303 to it, or 409 on its page. */
static int
step_done(struct req *r, long long id, enum err rc, const char *done)
{
	struct cbatch b;

	if (rc == ERR_OK) {
		r->location = arena_printf(r->a, "/credit/batches/%lld?done=%s", id, done);
		return r->location != NULL ? 303 : 500;
	}
	if (rc != ERR_CONFLICT)
		return status_of(rc);
	if ((rc = cbatch_get(r->app->db, r->a, &r->scope, id, &b)) != ERR_OK)
		return status_of(rc);
	r->tmpl_on_4xx = true;
	req_set(r, "Stale", "1");
	return batch_page(r, &b) == 200 ? 409 : 500;
}

/* POST /credit/batches/{id}/confirm (the agency's gov users): a batch
 * without errors takes effect, all or nothing. */
int
handle_credit_batch_confirm(struct req *r)
{
	struct audit_actor	a;
	struct cbatch		b;
	unsigned		n;
	int			st;

	if ((st = req_perm(r, PERM_CREDIT_IMPORT)) != 0)
		return st;
	b = *(const struct cbatch *)r->obj;	/* the dispatcher's, scoped */
	req_actor(r, &a);
	return step_done(r, b.id, cbatch_confirm(r->app->db, &a, b.id, &n), "confirmed");
}

/* POST /credit/batches/{id}/discard (the agency's gov users). */
int
handle_credit_batch_discard(struct req *r)
{
	struct audit_actor	a;
	struct cbatch		b;
	int			st;

	if ((st = req_perm(r, PERM_CREDIT_IMPORT)) != 0)
		return st;
	b = *(const struct cbatch *)r->obj;	/* the dispatcher's, scoped */
	req_actor(r, &a);
	return step_done(r, b.id, cbatch_discard(r->app->db, &a, b.id), "discarded");
}

/* POST /credit/batches/{id}/withdraw (the agency's gov users, operators
 * of its region): note, the reason, required. */
int
handle_credit_batch_withdraw(struct req *r)
{
	struct audit_actor	a;
	struct cbatch		b;
	int			st;

	/* an agency's user withdraws with credit.import (issue 16) */
	if (r->sess->user.role == ROLE_GOV &&
	    (st = req_perm(r, PERM_CREDIT_IMPORT)) != 0)
		return st;
	b = *(const struct cbatch *)r->obj;	/* the dispatcher's, scoped */
	if (!r->f[BA_NOTE].present) {
		if (r->f[BA_NOTE].error == NULL)
			req_field_error(r, "note", "required");
		return batch_page(r, &b);
	}
	req_actor(r, &a);
	return step_done(r, b.id, cbatch_withdraw(r->app->db, &a, b.id,
	    r->f[BA_NOTE].s), "withdrawn");
}
