/*
 * offices.c -- the operator offices' contact facts (issue 17 "Front
 * pages", R-02.2): the public directory /offices on both portals (and
 * the front pages' table, offices_to_hdf), and the operators' edit of
 * their office's address, phone and hours on the intranet
 * (/offices/{id}/edit: a city's operators their city's office, the
 * province's every office).
 *
 * Scope: /offices/{id}/edit is loaded by the dispatcher (OBJ_OFFICE,
 * office_get with the operators' region predicate in the query): another
 * city's office is a 404 audited as access.denied.
 */
#include <stdio.h>
#include <string.h>

#include "core/timefmt.h"
#include "db/db_region.h"
#include "info/office.h"
#include "routes.h"

static const char *const done_names[] = { "updated", "unchanged", NULL };

enum { OL_DONE, OL__MAX };

static const struct field offices_fields[OL__MAX] = {
	[OL_DONE] = { .name = "done", .kind = FK_CHOICE, .choices = done_names },
};
const struct form offices_form = { offices_fields, OL__MAX };

static const char *
check_phone(struct arena *a, struct fval *v)
{
	(void)a;
	return office_phone_valid(v->s) ? NULL : "office_phone";
}

enum { OE_ADDRESS, OE_PHONE, OE_HOURS, OE__MAX };

static const struct field office_edit_fields[OE__MAX] = {
	[OE_ADDRESS] = { .name = "address", .kind = FK_TEXT, .flags = F_REQUIRED | F_TRIM,
	    .minlen = OFFICE_ADDRESS_MIN, .maxlen = OFFICE_ADDRESS_MAX },
	[OE_PHONE] = { .name = "phone", .kind = FK_CUSTOM, .flags = F_REQUIRED | F_TRIM,
	    .maxlen = OFFICE_PHONE_MAX, .check = check_phone },
	[OE_HOURS] = { .name = "hours", .kind = FK_TEXT, .flags = F_REQUIRED | F_TRIM,
	    .minlen = OFFICE_HOURS_MIN, .maxlen = OFFICE_HOURS_MAX },
};
const struct form office_edit_form = { office_edit_fields, OE__MAX };

/* The directory as <name>.<i> (region, region_name, province, office_id,
 * office, address, phone, hours, filled; edit when the signed-in reader
 * may edit it).  0, or the status to answer. */
int
offices_to_hdf(struct req *r, const char *name)
{
	struct office_entry	*v;
	size_t			 n;
	enum err		 rc;

	if ((rc = office_directory(r->app->db, r->a, &v, &n)) != ERR_OK)
		return status_of(rc);
	for (size_t i = 0; i < n; i++) {
		HDF *row = req_row(r, name, i);

		if (row == NULL || node_set(row, "region", v[i].region) == -1 ||
		    node_set(row, "region_name", v[i].region_name) == -1 ||
		    node_set(row, "office_id", arena_printf(r->a, "%lld", v[i].office_id)) == -1 ||
		    node_set(row, "office", v[i].office) == -1 ||
		    node_set(row, "address", v[i].address) == -1 ||
		    node_set(row, "phone", v[i].phone) == -1 ||
		    node_set(row, "hours", v[i].hours) == -1 ||
		    (v[i].province && node_set(row, "province", "1") == -1) ||
		    (v[i].filled && node_set(row, "filled", "1") == -1))
			return 500;
		if (r->sess != NULL && r->app->cfg->portal == PORTAL_INTRANET &&
		    office_editable(&r->scope, v[i].region) &&
		    node_set(row, "edit", "1") == -1)
			return 500;
	}
	return 0;
}

/*
 * GET /offices (both portals, everyone): every region's operator office
 * with its address, phone and office hours, a line saying so where they
 * are not yet published; on the intranet an operator sees an edit link
 * for the offices they keep.  ?done=updated|unchanged after an edit.
 * 200; 503 when the database is down.
 */
int
handle_offices(struct req *r)
{
	int st;

	r->tmpl = TMPL_OFFICES;
	req_set(r, "Page.nav", "offices");
	if (r->f[OL_DONE].present && r->f[OL_DONE].error == NULL)
		req_set(r, "Done", views_str(r->app->views,
		    arena_printf(r->a, "Office.done.%s", r->f[OL_DONE].s)));
	if ((st = offices_to_hdf(r, "Offices")) != 0)
		return st;
	return 200;
}

/*
 * GET /offices/{id}/edit (operators: their city's office; the province's
 * every office): the form with the stored address, phone and hours.
 * POST: address (5..200 characters), phone (office_phone_valid, up to 40),
 * hours (4..100), all required; one transaction with its audit row
 * (office.edit), then 303 to /offices?done=updated (unchanged: nothing
 * written, ?done=unchanged).  200 with the messages next to the fields and
 * the text as typed; 404 (audited) for an office outside the operator's
 * region.
 */
int
handle_office_edit(struct req *r)
{
	const struct office	*o = r->obj;	/* the dispatcher's, scoped */
	struct office_input	 in;
	struct audit_actor	 a;
	bool			 changed;
	char			 when[32];
	enum err		 rc;

	r->tmpl = TMPL_OFFICE_EDIT;
	req_set(r, "Page.nav", "office_edit");
	if (req_setf(r, "Office.id", "%lld", o->id) == -1 ||
	    req_set(r, "Office.name", o->name) == -1 ||
	    req_set(r, "Office.region", o->region) == -1 ||
	    req_set(r, "Office.region_name", o->region_name) == -1 ||
	    req_set(r, "Office.updated_by", o->updated_by) == -1)
		return 500;
	if (*o->updated_by != '\0' &&
	    time_beijing(o->updated_at, when, sizeof when) == 0 &&
	    req_set(r, "Office.updated", when) == -1)
		return 500;
	if (r->method != HTTP_POST) {
		if (req_set(r, "Form.address.value", o->address) == -1 ||
		    req_set(r, "Form.phone.value", o->phone) == -1 ||
		    req_set(r, "Form.hours.value", o->hours) == -1)
			return 500;
		return 200;
	}
	if (r->nerrors > 0)
		return 200;
	in.address = r->f[OE_ADDRESS].s;
	in.phone = r->f[OE_PHONE].s;
	in.hours = r->f[OE_HOURS].s;
	req_actor(r, &a);
	if ((rc = office_update(r->app->db, &a, &r->scope, o->id, &in,
	    &changed)) != ERR_OK)
		return status_of(rc);
	/* this worker's copy of the regions (the registration page's office
	 * phone) now; the others' within REGION_CACHE_SECONDS */
	region_cache_clear(&r->app->regions);
	r->location = changed ? "/offices?done=updated" : "/offices?done=unchanged";
	return 303;
}
