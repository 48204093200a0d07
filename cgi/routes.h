/*
 * routes.h -- every page of both portals, and the templates they render.
 */
#ifndef DUIJIE_ROUTES_H
#define DUIJIE_ROUTES_H

#include <stdbool.h>
#include <stddef.h>

#include "app.h"
#include "accounts/user.h"

enum page {
	PAGE_HEALTHZ,
	PAGE_HOME_INTERNET,
	PAGE_HOME_INTRANET,
	PAGE_LOGIN,
	PAGE_LOGOUT,
	PAGE_LOGIN_TOTP,
	PAGE_LOGIN_ENROL,
	PAGE_PASSWORD,
	PAGE_ACCOUNT,
	PAGE_USERS,
	PAGE_USER,
	PAGE_USER_UNLOCK,
	PAGE_USER_RESET_PW,
	PAGE_USER_SUSPEND,
	PAGE_USER_REACTIVATE,
	PAGE_USER_TOTP_RESET,
	PAGE_AUDIT,
	PAGE_AUDIT_CSV,
	PAGE_REGISTER,
	PAGE_REGISTER_SMS,
	PAGE_TERMS,
	PAGE_PRIVACY,
	PAGE_FORGOT,
	PAGE_FORGOT_SMS,
	PAGE_PROFILE,
	PAGE_PROFILE_EDIT,
	PAGE_ENTERPRISES,
	PAGE_ENTERPRISES_LATE,
	PAGE_ENTERPRISES_LATE_CSV,
	PAGE_ENTERPRISE,
	/* agency users through the change form (agency_forms.c, dashboard.c) */
	PAGE_AFORMS,
	PAGE_AFORM_NEW,
	PAGE_AFORM,
	PAGE_AFORM_EDIT,
	PAGE_AFORM_CHECK,
	PAGE_AFORM_APPROVE,
	PAGE_AFORM_EXECUTE,
	PAGE_AFORM_PRINT,
	PAGE_DEPARTURES,
	PAGE_DEPARTURE_ADD,
	PAGE_DASHBOARD,
	PAGE_DASHBOARD_CSV,
	PAGE_AGENCIES,
	PAGE_AGENCY_NEW,
	PAGE_AGENCY,
	PAGE_AGENCY_EDIT,
	PAGE_CALENDAR,
	PAGE_CALENDAR_SET,
	/* credit information imports (credit_import.c) */
	PAGE_CREDIT_IMPORT,
	PAGE_CREDIT_TEMPLATE,
	PAGE_CREDIT_BATCHES,
	PAGE_CREDIT_BATCH,
	PAGE_CREDIT_BATCH_ERRORS,
	PAGE_CREDIT_BATCH_CONFIRM,
	PAGE_CREDIT_BATCH_DISCARD,
	PAGE_CREDIT_BATCH_WITHDRAW,
	/* credit categories kept as data (credit_categories.c) */
	PAGE_CCATS,
	PAGE_CCAT_NEW,
	PAGE_CCAT_EDIT,
	/* credit information: logged views, the enterprise's own (credit_views.c) */
	PAGE_CREDIT_SEARCH,
	PAGE_CREDIT,
	PAGE_CREDIT_REQUESTS,
	PAGE_CREDIT_DECIDE,
	PAGE_MY_CREDIT,
	PAGE_MY_CREDIT_APPLY,
	PAGE_MY_CREDIT_REPORT,
	PAGE_MY_CREDIT_REPORT_ISSUE,
	PAGE_MY_CREDIT_VIEWERS,
	PAGE_VERIFY,
	/* claims of enterprises that existed without users (claims.c) */
	PAGE_CLAIMS,
	PAGE_CLAIM,
	PAGE_CLAIM_LICENCE,
	PAGE_CLAIM_DECIDE,
	PAGE_CLAIM_WITHDRAW,
	/* requests on staff accounts, decided by a supervisor (staff_requests.c) */
	PAGE_USER_REQUEST,
	PAGE_SREQS,
	PAGE_SREQ,
	PAGE_SREQ_APPROVE,
	PAGE_SREQ_REFUSE,
	/* financial institutions and their users (fis.c) */
	PAGE_FIS,
	PAGE_FI_NEW,
	PAGE_FI,
	PAGE_FI_EDIT,
	PAGE_FI_USER_OPEN,
	PAGE_FI_USER_CLOSE,
	/* financing products (products.c) */
	PAGE_PRODUCTS,
	PAGE_PRODUCT_NEW,
	PAGE_PRODUCT,
	PAGE_PRODUCT_EDIT,
	PAGE_PRODUCT_PUBLISH,
	PAGE_PRODUCT_WITHDRAW,
	PAGE_PRODUCT_TAKE_DOWN,
	PAGE_CATALOGUE,
	PAGE_CATALOGUE_ITEM,
	PAGE_INBOX,
	PAGE_INBOX_READ,
	PAGE_INBOX_READ_ALL,
	/* the administrative roles (admin_roles.c, issue 16) */
	PAGE_STAFF,
	PAGE_SECURITY,
	PAGE_SECURITY_ROLES,
	PAGE_AGENCY_SOURCE,
	PAGE_AUDIT_VERIFY,
	/* loan applications (loans.c; the FI's credit opening: credit_views.c) */
	PAGE_LOANS_NET,
	PAGE_LOAN_NEW,
	PAGE_LOAN_NET,
	PAGE_LOAN_EDIT,
	PAGE_LOAN_WITHDRAW,
	PAGE_LOAN_REVOKE,
	PAGE_LOANS_LAN,
	PAGE_LOAN_LAN,
	PAGE_LOAN_TAKE,
	PAGE_LOAN_ASSIGN,
	PAGE_LOAN_RELEASE,
	PAGE_LOAN_DECIDE,
	PAGE_LOAN_DISBURSE,
	PAGE_LOAN_NOT_TAKEN,
	PAGE_LOAN_CREDIT,
	PAGE_NEWS_NET,
	PAGE_NEWS_ITEM_NET,
	PAGE_NEWS_LAN,
	PAGE_NEWS_MANAGE,
	PAGE_NEWS_NEW,
	PAGE_NEWS_ITEM_LAN,
	PAGE_NEWS_EDIT,
	PAGE_NEWS_PUBLISH,
	PAGE_NEWS_SCHEDULE,
	PAGE_NEWS_WITHDRAW,
	PAGE_NEWS_HISTORY,
	PAGE_ABOUT_DISCLAIMER,
	PAGE_FEEDBACK,
	PAGE_FEEDBACK_MANAGE,
	PAGE_FEEDBACK_ITEM,
	PAGE_FEEDBACK_ANSWER,
	PAGE_ACCOUNT_CONTACT,
	PAGE_ACCOUNT_CONTACT_SMS,
	PAGE_LOAN_STATS,
	PAGE_LOAN_STATS_CSV,
	PAGE_LOANS_SUGGESTED,
	PAGE_EVENTS_NET,		/* events.c (issue 17, R-14.1) */
	PAGE_EVENTS_LAN,
	PAGE_EVENT_NET,
	PAGE_EVENT_LAN,
	PAGE_EVENT_REGISTER,
	PAGE_EVENT_CANCEL,
	PAGE_EVENTS_MANAGE,
	PAGE_EVENT_NEW,
	PAGE_EVENT_EDIT,
	PAGE_EVENT_PUBLISH,
	PAGE_EVENT_WITHDRAW,
	PAGE_EVENT_ATTENDEES,
	PAGE_EVENT_ATTENDEES_CSV,
	PAGE_EVENT_ATTENDANCE,
	PAGE_RULES_NET,			/* rules.c (issue 17, R-17.1) */
	PAGE_RULES_LAN,
	PAGE_RULE_NET,
	PAGE_RULE_LAN,
	PAGE_RULE_NEW,
	PAGE_RULE_EDIT,
	PAGE_RULE_SUBMIT,
	PAGE_RULE_APPROVE,
	PAGE_RULE_REJECT,
	PAGE_LOAN_REPUBLISH,
	PAGE_LOAN_DASHBOARD,
	/* loan applications' messages (loan_messages.c) */
	PAGE_LOAN_MESSAGE_NET,
	PAGE_LOAN_MESSAGE_LAN,
	PAGE_LOAN_FILE_NET,
	PAGE_LOAN_FILE_LAN,
	/* the operator offices' contact facts (offices.c, issue 17) */
	PAGE_OFFICES,
	PAGE_OFFICE_EDIT,
	PAGE_AFORM_BLANK,		/* agency_forms.c: the blank form */
	/* objections (objections.c, issue 15) */
	PAGE_OBJECTIONS_NET,
	PAGE_OBJECTION_NEW,
	PAGE_OBJECTION_NET,
	PAGE_OBJECTION_FORM_NET,
	PAGE_OBJECTION_REPLY_NET,
	PAGE_OBJECTION_FILE_NET,
	PAGE_OBJECTIONS_LAN,
	PAGE_OBJECTION_LAN,
	PAGE_OBJECTION_STEP,
	PAGE_OBJECTION_FORM_LAN,
	PAGE_OBJECTION_REPLY_LAN,
	PAGE_OBJECTION_FILE_LAN,
	PAGE_START,			/* start.c (issue 18) */
	/* measures on enterprise users (measures.c, issue 16, R-15.1) */
	PAGE_MEASURES_NET,
	PAGE_MEASURE_NET,
	PAGE_MEASURES_LAN,
	PAGE_MEASURES_CSV,
	PAGE_MEASURE_NEW,
	PAGE_MEASURE_LAN,
	PAGE_MEASURE_APPROVE,
	PAGE_MEASURE_REFUSE,
	PAGE_MEASURE_ADOPT,
	PAGE_MEASURE_LIFT,
	PAGE_MEASURE_FILE,
	PAGE__MAX
};

enum tmpl {
	TMPL_ERROR,
	TMPL_HOME_INTERNET,
	TMPL_HOME_INTRANET,
	TMPL_LOGIN,
	TMPL_LOGIN_TOTP,
	TMPL_LOGIN_ENROL,
	TMPL_PASSWORD,
	TMPL_ACCOUNT,
	TMPL_USERS,
	TMPL_USER,
	TMPL_USER_OTP,
	TMPL_AUDIT,
	TMPL_REGISTER,
	TMPL_TERMS,
	TMPL_PRIVACY,
	TMPL_FORGOT,
	TMPL_PROFILE,
	TMPL_PROFILE_EDIT,
	TMPL_ENTERPRISES,
	TMPL_ENTERPRISE,
	TMPL_ENTERPRISES_LATE,
	TMPL_AFORMS,
	TMPL_AFORM,
	TMPL_AFORM_EDIT,
	TMPL_AFORM_PRINT,
	TMPL_DEPARTURES,
	TMPL_DASHBOARD,
	TMPL_AGENCIES,
	TMPL_AGENCY,
	TMPL_AGENCY_EDIT,
	TMPL_CALENDAR,
	TMPL_CREDIT_IMPORT,
	TMPL_CREDIT_BATCHES,
	TMPL_CREDIT_BATCH,
	TMPL_CCATS,
	TMPL_CCAT_EDIT,
	TMPL_CREDIT_SEARCH,
	TMPL_CREDIT,
	TMPL_CREDIT_REQUESTS,
	TMPL_MY_CREDIT,
	TMPL_MY_CREDIT_REPORT,
	TMPL_VERIFY,
	TMPL_MY_CREDIT_VIEWERS,
	TMPL_CLAIMS,
	TMPL_CLAIM,
	TMPL_SREQS,
	TMPL_SREQ,
	TMPL_FIS,
	TMPL_FI,
	TMPL_FI_EDIT,
	TMPL_FI_USER_OTP,
	TMPL_PRODUCTS,
	TMPL_PRODUCT,
	TMPL_PRODUCT_EDIT,
	TMPL_CATALOGUE,
	TMPL_CATALOGUE_ITEM,
	TMPL_INBOX,
	TMPL_STAFF,
	TMPL_STAFF_OTP,
	TMPL_SECURITY,
	TMPL_SECURITY_ROLES,
	TMPL_AUDIT_VERIFY,
	TMPL_LOANS,
	TMPL_LOAN,
	TMPL_LOAN_EDIT,
	TMPL_LOAN_CREDIT,
	TMPL_NEWS,
	TMPL_ARTICLE,
	TMPL_NEWS_MANAGE,
	TMPL_ARTICLE_EDIT,
	TMPL_ARTICLE_HISTORY,
	TMPL_ABOUT,
	TMPL_FEEDBACK,
	TMPL_FEEDBACK_MANAGE,
	TMPL_FEEDBACK_ITEM,
	TMPL_ACCOUNT_CONTACT,
	TMPL_LOAN_STATS,
	TMPL_LOANS_SUGGESTED,
	TMPL_EVENTS,
	TMPL_EVENT,
	TMPL_EVENT_EDIT,
	TMPL_EVENTS_MANAGE,
	TMPL_EVENT_ATTENDEES,
	TMPL_RULES,
	TMPL_RULE,
	TMPL_RULE_EDIT,
	TMPL_LOAN_DASHBOARD,
	TMPL_OFFICES,
	TMPL_OFFICE_EDIT,
	TMPL_OBJECTIONS,
	TMPL_OBJECTION_NEW,
	TMPL_OBJECTION,
	TMPL_OBJECTION_FORM,
	TMPL_OBJECTION_REPLY,
	TMPL_START,
	TMPL_MEASURES,
	TMPL_MEASURE,
	TMPL_MEASURE_EDIT,
	TMPL_MEASURE_REFUSED,
	TMPL__MAX
};

/* Who may open a page: ROLE_PUBLIC (no sign-in), or role bits. */
#define ROLE_PUBLIC	0u
#define ROLES_ANY	((1u << ROLE__MAX) - 1)
#define ROLES_OPS	(ROLE_BIT(ROLE_OPERATOR) | ROLE_BIT(ROLE_SUPERVISOR))

/* Which session stages a signed-in page serves (see session.h). */
#define STAGES_FULL	(1u << STAGE_FULL)
#define STAGES_ANY	((1u << STAGE__MAX) - 1)

struct form {
	const struct field	*fields;
	size_t			 n;
};

/* body_max of an upload route: Limits.upload_max for the file, plus room
 * for the form's other fields. */
#define BODY_UPLOAD	((size_t)-1)
/* body_max of the registration (a claim's licence): Limits.licence_max
 * for the file, plus 1 MiB for the other fields (nginx: 6m). */
#define BODY_LICENCE	((size_t)-2)
/* body_max of a route that takes an attachment (lib/store/files.h):
 * Limits.attachment_max for the file, plus 1 MiB for the other fields
 * (nginx: 11m, conf/nginx/duijie-common.conf). */
#define BODY_ATTACHMENT	((size_t)-3)

/*
 * The object a route's {id} names (STYLE.md "Scope is part of the
 * query").  Every route with {id} in its path declares one; the
 * dispatcher loads that object through its scoped getter (the actor's
 * region or organisation in the statement, worker.c obj_getters) before
 * the handler runs, and none in the scope is an audited 404.
 * tests/unit/cgi/test_routes.c fails for a route with {id} and OBJ_NONE or
 * an object without a getter, and the dispatcher answers 500 for one.
 */
enum route_obj {
	OBJ_NONE = 0,		/* no {id} in the path */
	OBJ_USER,		/* users.id: region of the user (users.c) */
	OBJ_ENTERPRISE,		/* enterprises.id: its region, any for gov users
				 * (credit_ent_get: enterprises.c, credit_views.c) */
	OBJ_AGENCY,		/* agencies.id: its region, or the gov user's own agency */
	OBJ_AFORM,		/* agency_forms.id: the agency's region or the agency itself (aform_get) */
	OBJ_CATEGORY,		/* credit_categories.id: province-wide, edits by the
				 * province's operators (credit_category_get) */
	OBJ_BATCH,		/* credit_batches.id: its agency or the offices of its region */
	OBJ_CREDIT_REQUEST,	/* credit_self_requests.id: its region (credit_self_get) */
	OBJ_CLAIM,		/* enterprise_claims.id: its region, in the query (claim.c) */
	OBJ_STAFF_REQUEST,	/* staff_requests.id: the target's region (staff_requests.c) */
	OBJ_FI,			/* fis.id: its region, or the FI user's own FI (fi_get) */
	OBJ_PRODUCT,		/* products.id: its FI's region or the FI itself; published
				 * ones for the public (product_get, product_get_public) */
	OBJ_INBOX,		/* inbox.id: its recipient only (inbox_get) */
	OBJ_LOAN,		/* loans.id: the enterprise's own, its FI's or the open ones of
				 * a region it serves, the offices' region (loan_get) */
	OBJ_LOAN_TAKE,		/* loans.id for a take-up: OBJ_LOAN, or an open one another
				 * FI took meanwhile, to tell the loser (loan_get_lost) */
	OBJ_ARTICLE,		/* articles.id: shown to the reader (portal, province or own
				 * city), any state for the region's offices (article_get) */
	OBJ_FEEDBACK,		/* feedback.id: its region's offices; important reports the
				 * province's operators only (feedback_get) */
	OBJ_EVENT,		/* events.id: the published ones of the reader's audience,
				 * any state for the region's offices (event_get) */
	OBJ_RULE,		/* rule_versions.id: published ones for everyone, drafts
				 * for the province's offices (rule_get) */
	OBJ_OFFICE,		/* offices.id: an operator's own city's, every one for the
				 * province's operators (office_get) */
	OBJ_OBJECTION,		/* objections.id: the enterprise's own, its source agency's,
				 * the enterprise's region's offices (objection_get) */
	OBJ_MEASURE,		/* measures.id: the enterprise's own (decided ones), an
				 * FI's own and the unwelcome entries on enterprises
				 * whose applications it handles, the offices'
				 * region (measure_get) */
	OBJ__MAX
};

/* "user", "enterprise" ... for logs and tests; NULL outside the enum. */
const char *route_obj_name(enum route_obj);
/* True when the dispatcher loads objects of kind o through their scoped
 * getter before the handler runs (worker.c obj_getters; the object is
 * r->obj then).  False for OBJ_NONE and outside the enum. */
bool	route_obj_scoped(enum route_obj);

struct route {
	const char		*path;		/* pattern, see lib/web/route.h */
	unsigned		 methods;	/* HTTP_GET | ... (GET implies HEAD) */
	unsigned		 portals;	/* PORTAL_INTERNET | PORTAL_INTRANET */
	unsigned		 roles;		/* ROLE_PUBLIC or ROLE_BIT()s */
	unsigned		 stages;	/* signed-in pages: STAGES_FULL ... */
	int			 csrf;		/* 1: POST needs the token and same origin */
	const struct form	*form;		/* declared input, or NULL */
	size_t			 body_max;	/* 0: Limits.body_max */
	handler_fn		 handler;
	enum route_obj		 obj;		/* what {id} names; OBJ_NONE without {id} */
};

extern const struct route routes[PAGE__MAX];
extern const char *const tmpl_names[TMPL__MAX];

/*
 * The page for (portal, method, path): its index, or -1 with *allow set to
 * the methods that path takes on this portal (0: no such page, 404).
 * Routes of the other portal are never found.
 */
int	routes_find(enum portal, enum http_method, const char *path,
	    struct route_args *args, unsigned *allow);
/* Where a session in `stage` continues its sign-in ("/login/totp" ...). */
const char *routes_stage_path(enum session_stage);

/* Handlers, one file per area. */
int	handle_healthz(struct req *);		/* home.c */
int	handle_home(struct req *);
int	handle_about(struct req *);
extern const struct form home_form;

int	handle_login(struct req *);		/* auth.c */
int	handle_logout(struct req *);
int	handle_login_totp(struct req *);
int	handle_login_enrol(struct req *);
int	handle_password(struct req *);
int	handle_account(struct req *);
extern const struct form login_form, totp_form, password_form, account_form;

int	handle_users(struct req *);		/* users.c */
int	handle_user(struct req *);
int	handle_user_unlock(struct req *);
int	handle_user_reset_password(struct req *);
int	handle_user_suspend(struct req *);
int	handle_user_reactivate(struct req *);
int	handle_user_totp_reset(struct req *);
extern const struct form users_form, user_form, user_suspend_form;
int	handle_user_request(struct req *);

int	handle_sreqs(struct req *);		/* staff_requests.c */
int	handle_sreq(struct req *);
int	handle_sreq_approve(struct req *);
int	handle_sreq_refuse(struct req *);
extern const struct form user_request_form, sreq_view_form, sreq_approve_form,
	    sreq_refuse_form;
/* The pending staff requests of the reader's scope as HDF list `name`
 * (the dashboard): their count, or -1 with *st the HTTP status. */
long	sreq_pending_to_hdf(struct req *, const char *name, int *st);

int	handle_audit(struct req *);		/* auditlog.c */
int	handle_audit_csv(struct req *);
extern const struct form audit_form;
struct auditlog_list;
/* Audit rows as HDF list `name`.<i>.{id, at (Beijing), actor, role, ...}
 * for the templates.  -1 on OOM. */
int	audit_rows_to_hdf(struct req *, const char *name,
	    const struct auditlog_list *);
/* s percent-encoded for a query string value (RFC 3986 unreserved kept),
 * in `a`; NULL on OOM. */
char	*query_escape(struct arena *, const char *s);

/* The signed-in menu as Menu.<section>.{path, items.N.{nav, path}}: the
 * items whose routes admit the user's role on this portal (menu.c).
 * -1 on OOM. */
int	menu_to_hdf(struct req *);
int	handle_terms(struct req *);		/* register.c */
int	handle_privacy(struct req *);
int	handle_register(struct req *);	/* register.c */
int	handle_register_sms(struct req *);
int	handle_forgot(struct req *);
int	handle_forgot_sms(struct req *);
int	handle_account_contact(struct req *);
int	handle_account_contact_sms(struct req *);
extern const struct form register_form, register_sms_form, forgot_form, forgot_sms_form;
extern const struct form contact_form, contact_sms_form;

int	handle_profile(struct req *);		/* profile.c */
int	handle_profile_edit(struct req *);
extern const struct form profile_form, profile_view_form;

int	handle_enterprises(struct req *);	/* enterprises.c */
int	handle_enterprise(struct req *);
int	handle_enterprises_late(struct req *);
int	handle_enterprises_late_csv(struct req *);
extern const struct form enterprises_form, enterprises_late_form;

int	handle_aforms(struct req *);		/* agency_forms.c */
int	handle_aform_new(struct req *);
int	handle_aform(struct req *);
int	handle_aform_edit(struct req *);
int	handle_aform_check(struct req *);
int	handle_aform_approve(struct req *);
int	handle_aform_execute(struct req *);
int	handle_aform_print(struct req *);
int	handle_aform_blank(struct req *);
extern const struct form aforms_form, aform_edit_form, aform_view_form,
	aform_decide_form;

int	handle_start(struct req *);		/* start.c */
/* What waits for the signed-in user as Start.items.<i>.{key, path
 * (without its leading "/"), count, waits, fact, detail} and Start.waiting (the start page, the
 * home page): 0, or the HTTP status of a failure. */
int	start_to_hdf(struct req *);

int	handle_departures(struct req *);	/* dashboard.c */
int	handle_dashboard(struct req *);
int	handle_dashboard_csv(struct req *);
int	handle_loan_dashboard(struct req *);
extern const struct form departures_form, dashboard_csv_form;
int	handle_agencies(struct req *);		/* agencies.c */
int	handle_agency_new(struct req *);
int	handle_agency(struct req *);
int	handle_agency_edit(struct req *);
extern const struct form agencies_form, agency_new_form, agency_form,
	    agency_edit_form;

int	handle_calendar(struct req *);		/* calendar.c */
int	handle_calendar_set(struct req *);
extern const struct form calendar_form, calendar_set_form;

int	handle_credit_import(struct req *);	/* credit_import.c */
int	handle_credit_template(struct req *);
int	handle_credit_batches(struct req *);
int	handle_credit_batch(struct req *);
int	handle_credit_batch_errors(struct req *);
int	handle_credit_batch_confirm(struct req *);
int	handle_credit_batch_discard(struct req *);
int	handle_credit_batch_withdraw(struct req *);
extern const struct form credit_upload_form, credit_batches_form, credit_batch_form;
int	handle_ccats(struct req *);		/* credit_categories.c */
int	handle_ccat_new(struct req *);
int	handle_ccat_edit(struct req *);
extern const struct form ccats_form, ccat_edit_form;
int	handle_credit_search(struct req *);	/* credit_views.c */
int	handle_credit(struct req *);
int	handle_credit_requests(struct req *);
int	handle_credit_decide(struct req *);
int	handle_my_credit(struct req *);
int	handle_my_credit_apply(struct req *);
int	handle_my_credit_report(struct req *);
int	handle_my_credit_report_issue(struct req *);
int	handle_my_credit_viewers(struct req *);
int	handle_verify(struct req *);
extern const struct form credit_search_form, credit_open_form,
	credit_requests_form, credit_decide_form, my_credit_form,
	my_credit_apply_form, my_credit_viewers_form, verify_form;
int	handle_claims(struct req *);		/* claims.c */
int	handle_claim(struct req *);
int	handle_claim_licence(struct req *);
int	handle_claim_decide(struct req *);
int	handle_claim_withdraw(struct req *);	/* auth.c */
extern const struct form claims_form, claim_licence_form, claim_decide_form;
struct fi;
struct product;
int	handle_fis(struct req *);		/* fis.c */
int	handle_fi_new(struct req *);
int	handle_fi(struct req *);
int	handle_fi_edit(struct req *);
int	handle_fi_user_open(struct req *);
int	handle_fi_user_close(struct req *);
extern const struct form fis_form, fi_new_form, fi_edit_form, fi_view_form,
	fi_user_form, fi_close_form;
int	handle_products(struct req *);		/* products.c */
int	handle_product_new(struct req *);
int	handle_product(struct req *);
int	handle_product_edit(struct req *);
int	handle_product_publish(struct req *);
int	handle_product_withdraw(struct req *);
int	handle_product_take_down(struct req *);
int	handle_catalogue(struct req *);
int	handle_catalogue_item(struct req *);
extern const struct form products_form, product_edit_form,
	product_takedown_form, catalogue_form;
int	handle_news(struct req *);		/* articles.c */
int	handle_news_item(struct req *);
int	handle_news_manage(struct req *);
int	handle_news_new(struct req *);
int	handle_news_edit(struct req *);
int	handle_news_publish(struct req *);
int	handle_news_schedule(struct req *);
int	handle_news_withdraw(struct req *);
int	handle_news_history(struct req *);
extern const struct form news_form, news_item_form, news_manage_form,
	article_edit_form, article_schedule_form;
/* The latest `n` articles of `kind` (-1 any) shown to this request's
 * reader under <name>.rows (for the home pages): 0, or the status. */
int	news_latest_to_hdf(struct req *, const char *name, int kind, size_t n);
struct article_reader;
/* The reader of this request (portal, the user's region or "" for an
 * anonymous visitor, the staff's scope on the intranet) for article_get. */
void	article_reader_of(const struct req *, struct article_reader *);
int	handle_feedback(struct req *);		/* feedback.c */
int	handle_feedback_manage(struct req *);
int	handle_feedback_item(struct req *);
int	handle_feedback_answer(struct req *);
int	handle_loan_stats(struct req *);		/* loan_stats.c */
int	handle_loan_stats_csv(struct req *);
extern const struct form loan_stats_form;
int	handle_loans_suggested(struct req *);	/* loan_suggest.c */
/* The products that fit application l as Suggest.<i> on its page (the
 * enterprise, a draft or published one; else nothing).  0, or the
 * status to answer. */
struct loan;
int	loan_suggest_products(struct req *, const struct loan *l);
extern const struct form feedback_form, feedback_manage_form,
	feedback_answer_form;

int	handle_events(struct req *);		/* events.c */
int	handle_event(struct req *);
int	handle_event_register(struct req *);
int	handle_event_cancel(struct req *);
int	handle_events_manage(struct req *);
int	handle_event_new(struct req *);
int	handle_event_edit(struct req *);
int	handle_event_publish(struct req *);
int	handle_event_withdraw(struct req *);
int	handle_event_attendees(struct req *);
int	handle_event_attendees_csv(struct req *);
int	handle_event_attendance(struct req *);
extern const struct form events_form, event_item_form, event_edit_form,
	event_attendance_form;
/* The reader of the events for this request (struct event_reader). */
struct event_reader;
void	event_reader_of(const struct req *, struct event_reader *);
/* The next `n` events this reader may register for as `name`.rows. */
int	events_upcoming_to_hdf(struct req *, const char *name, size_t n);

int	handle_rules(struct req *);		/* rules.c */
int	handle_rule(struct req *);
int	handle_rule_new(struct req *);
int	handle_rule_edit(struct req *);
int	handle_rule_submit(struct req *);
int	handle_rule_approve(struct req *);
int	handle_rule_reject(struct req *);
extern const struct form rule_view_form, rule_edit_form;
/* Whether this request sees the measures' drafts (the province's
 * offices on the intranet). */
bool	rule_reader_staff(const struct req *);
extern const struct form claim_withdraw_form;
int	handle_inbox(struct req *);		/* inbox.c */
int	handle_inbox_read(struct req *);
int	handle_inbox_read_all(struct req *);
extern const struct form inbox_form, inbox_read_form;
enum perm;
int	handle_staff(struct req *);		/* admin_roles.c */
int	handle_security(struct req *);
int	handle_security_roles(struct req *);
int	handle_audit_verify(struct req *);
int	handle_agency_source(struct req *);	/* agencies.c */
extern const struct form staff_form, security_form, security_roles_form,
	agency_source_form;
/* 0 when the signed-in user may use permission p (accounts/perm.h), else
 * 403 with an access.denied audit row (or 503/500). */
int	req_perm(struct req *, enum perm p);
int	handle_loans(struct req *);		/* loans.c */
int	handle_loan_new(struct req *);
int	handle_loan(struct req *);
int	handle_loan_edit(struct req *);
int	handle_loan_withdraw(struct req *);
int	handle_loan_revoke(struct req *);
int	handle_loan_take(struct req *);
int	handle_loan_assign(struct req *);
int	handle_loan_release(struct req *);
int	handle_loan_decide(struct req *);
int	handle_loan_disburse(struct req *);
int	handle_loan_not_taken(struct req *);
int	handle_loan_republish(struct req *);
extern const struct form loans_form, loan_view_form, loan_edit_form,
	loan_act_form;
int	handle_loan_credit(struct req *);	/* credit_views.c */
/* The page of application l (loans.c) answering `st`: 200, or a 4xx with
 * the page shown again (a refused message, its field errors). */
struct loan;
int	loan_page(struct req *, const struct loan *l, int st);
int	handle_loan_message(struct req *);	/* loan_messages.c */
int	handle_loan_file(struct req *);
extern const struct form loan_msg_form;
int	handle_measures(struct req *);		/* measures.c */
int	handle_measures_csv(struct req *);
int	handle_measure(struct req *);
int	handle_measure_new(struct req *);
int	handle_measure_approve(struct req *);
int	handle_measure_refuse(struct req *);
int	handle_measure_adopt(struct req *);
int	handle_measure_lift(struct req *);
int	handle_measure_file(struct req *);
extern const struct form measures_form, measure_view_form, measure_new_form,
	measure_act_form;
/* The unwelcome entries on l's enterprise the reading FI sees, as
 * Unwelcome.<i> on the loan page: 0, or the status to answer. */
int	measure_unwelcome_to_hdf(struct req *, const struct loan *l);
/*
 * The right each page needs of an enterprise user (route_rights.c;
 * enum measure_right, oversight/measure.h): the dispatcher refuses a
 * page whose right a measure in force suspends (measures.c
 * measure_enforce).  tests/unit/cgi/test_routes.c fails for an
 * enterprise's POST route without one.
 */
extern const unsigned char route_rights[PAGE__MAX];
/* Before the handler, for an enterprise user: 0, or the status (403 with
 * the page naming the measure; a revocation ends the session too). */
int	measure_enforce(struct req *);
/* The thread of l as Messages.<i> (with Files.<j>) and whether the reader
 * may post (Can.message) or is a party of a closed thread (Msg.closed):
 * 0, or the status to answer. */
int	loan_thread_to_hdf(struct req *, const struct loan *l);
/* objections.c (issue 15, R-08.2e) */
int	handle_objections(struct req *);
int	handle_objection_new(struct req *);
int	handle_objection(struct req *);
int	handle_objection_form(struct req *);
int	handle_objection_reply(struct req *);
int	handle_objection_file(struct req *);
int	handle_objection_step(struct req *);
extern const struct form obj_list_form, obj_new_form, obj_step_form;
/* The mark of an enterprise's registration facts as RegMark.* (0, -1). */
int	objection_reg_mark_to_hdf(struct req *, long long ent_id);
/* The enterprise's objections that mark its information as ObjMarks.*. */
int	objection_marks_to_hdf(struct req *);

int	handle_offices(struct req *);		/* offices.c */
int	handle_office_edit(struct req *);
extern const struct form offices_form, office_edit_form;
/* The offices' directory as <name>.<i> (the front pages' table): 0, or the
 * status to answer. */
int	offices_to_hdf(struct req *, const char *name);

#endif
