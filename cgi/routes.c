/*
 * routes.c -- the one table of every URL of both portals.
 *
 * The dispatcher (worker.c) checks portal, method, size, sign-in, stage,
 * role and CSRF from this table before a handler runs; handlers never
 * re-check.  Object-level scope (which region, which organisation) is
 * checked by the handler's domain call, as it needs the object; the last
 * column names the object a path's {id} means (enum route_obj), and
 * tests/unit/cgi/test_routes.c refuses a row with {id} that names none and a
 * POST row without CSRF.
 */
#include <string.h>

#include "routes.h"

#define GET	(HTTP_GET | HTTP_HEAD)
#define POST	HTTP_POST
#define NET	PORTAL_INTERNET
#define LAN	PORTAL_INTRANET
#define BOTH	PORTAL_BOTH
#define PUBLIC	ROLE_PUBLIC, 0
#define FULL	STAGES_FULL
#define STAFF	ROLES_STAFF
#define ANY	ROLES_ANY
#define OPERATOR	ROLE_BIT(ROLE_OPERATOR)
#define AUDITOR		ROLE_BIT(ROLE_AUDITOR)
#define SUPERVISOR	ROLE_BIT(ROLE_SUPERVISOR)
#define GOV		ROLE_BIT(ROLE_GOV)
#define FI		ROLE_BIT(ROLE_FI)
#define SYSADMIN	ROLE_BIT(ROLE_SYSADMIN)
#define SECADMIN	ROLE_BIT(ROLE_SECADMIN)
#define ENTERPRISE	ROLE_BIT(ROLE_ENTERPRISE)

const struct route routes[PAGE__MAX] = {
	/*                     path           methods     portals roles/stages              csrf form            body handler  obj */
	[PAGE_HEALTHZ] =       { "/healthz",     GET,        BOTH, PUBLIC,                  0, NULL,           0, handle_healthz, OBJ_NONE },
	[PAGE_HOME_INTERNET] = { "/",            GET,        NET,  PUBLIC,                  0, &home_form,     0, handle_home, OBJ_NONE },
	[PAGE_HOME_INTRANET] = { "/",            GET,        LAN,  PUBLIC,                  0, &home_form,     0, handle_home, OBJ_NONE },
	[PAGE_LOGIN] =         { "/login",       GET | POST, BOTH, PUBLIC,                  1, &login_form,    0, handle_login, OBJ_NONE },
	[PAGE_LOGOUT] =        { "/logout",      POST,       BOTH, ANY, STAGES_ANY,         1, NULL,           0, handle_logout, OBJ_NONE },
	[PAGE_LOGIN_TOTP] =    { "/login/totp",  GET | POST, LAN,  STAFF, 1u << STAGE_TOTP, 1, &totp_form,     0, handle_login_totp, OBJ_NONE },
	[PAGE_LOGIN_ENROL] =   { "/login/enrol", GET | POST, LAN,  STAFF, 1u << STAGE_ENROL, 1, &totp_form,    0, handle_login_enrol, OBJ_NONE },
	[PAGE_PASSWORD] =      { "/password",    GET | POST, BOTH, ANY, FULL | 1u << STAGE_PWCHANGE, 1, &password_form, 0, handle_password, OBJ_NONE },
	[PAGE_ACCOUNT] =       { "/account",     GET,        BOTH, ANY, FULL,               0, &account_form,  0, handle_account, OBJ_NONE },
	[PAGE_USERS] =         { "/users",       GET,        LAN,  ROLES_OPS, FULL,         0, &users_form,    0, handle_users, OBJ_NONE },
	[PAGE_USER] =          { "/users/{id}",  GET,        LAN,  ROLES_OPS, FULL,         0, &user_form,     0, handle_user, OBJ_USER },
	[PAGE_USER_UNLOCK] =   { "/users/{id}/unlock", POST, LAN,  OPERATOR, FULL,          1, NULL,           0, handle_user_unlock, OBJ_USER },
	[PAGE_USER_RESET_PW] = { "/users/{id}/reset-password", POST, LAN, OPERATOR, FULL,   1, NULL,           0, handle_user_reset_password, OBJ_USER },
	[PAGE_USER_SUSPEND] =  { "/users/{id}/suspend", POST, LAN, OPERATOR, FULL,          1, &user_suspend_form, 0, handle_user_suspend, OBJ_USER },
	[PAGE_USER_REACTIVATE] = { "/users/{id}/reactivate", POST, LAN, OPERATOR, FULL,     1, NULL,           0, handle_user_reactivate, OBJ_USER },
	[PAGE_USER_TOTP_RESET] = { "/users/{id}/totp-reset", POST, LAN, OPERATOR, FULL,     1, NULL,           0, handle_user_totp_reset, OBJ_USER },
	[PAGE_AUDIT] =         { "/audit",       GET,        LAN,  AUDITOR, FULL,           0, &audit_form,    0, handle_audit, OBJ_NONE },
	[PAGE_AUDIT_CSV] =     { "/audit.csv",   GET,        LAN,  AUDITOR, FULL,           0, &audit_form,    0, handle_audit_csv, OBJ_NONE },
	[PAGE_REGISTER] =      { "/register",    GET | POST, NET,  PUBLIC,                  1, &register_form, BODY_LICENCE, handle_register, OBJ_NONE },
	[PAGE_REGISTER_SMS] =  { "/register/sms", POST,      NET,  PUBLIC,                  1, &register_sms_form, BODY_LICENCE, handle_register_sms, OBJ_NONE },
	[PAGE_TERMS] =         { "/terms",       GET,        NET,  PUBLIC,                  0, NULL,           0, handle_terms, OBJ_NONE },
	[PAGE_PRIVACY] =       { "/privacy",     GET,        NET,  PUBLIC,                  0, NULL,           0, handle_privacy, OBJ_NONE },
	[PAGE_FORGOT] =        { "/password/forgot", GET | POST, NET, PUBLIC,               1, &forgot_form,   0, handle_forgot, OBJ_NONE },
	[PAGE_FORGOT_SMS] =    { "/password/forgot/sms", POST, NET, PUBLIC,                 1, &forgot_sms_form, 0, handle_forgot_sms, OBJ_NONE },
	[PAGE_PROFILE] =       { "/profile",     GET,        NET,  ROLE_BIT(ROLE_ENTERPRISE), FULL, 0, &profile_view_form, 0, handle_profile, OBJ_NONE },
	[PAGE_PROFILE_EDIT] =  { "/profile/edit", GET | POST, NET, ROLE_BIT(ROLE_ENTERPRISE), FULL, 1, &profile_form, 0, handle_profile_edit, OBJ_NONE },
	[PAGE_ENTERPRISES] =   { "/enterprises", GET,        LAN,  ROLES_OPS, FULL,         0, &enterprises_form, 0, handle_enterprises, OBJ_NONE },
	[PAGE_ENTERPRISES_LATE] = { "/enterprises/late", GET, LAN, ROLES_OPS, FULL,         0, &enterprises_late_form, 0, handle_enterprises_late, OBJ_NONE },
	[PAGE_ENTERPRISES_LATE_CSV] = { "/enterprises/late.csv", GET, LAN, ROLES_OPS, FULL, 0, NULL,         0, handle_enterprises_late_csv, OBJ_NONE },
	[PAGE_ENTERPRISE] =    { "/enterprises/{id}", GET,   LAN,  ROLES_OPS, FULL,         0, NULL,           0, handle_enterprise, OBJ_ENTERPRISE },
	[PAGE_AFORMS] =        { "/agency-forms", GET,       LAN,  ROLES_OPS | GOV, FULL,   0, &aforms_form,   0, handle_aforms, OBJ_NONE },
	[PAGE_AFORM_NEW] =     { "/agency-forms/new", GET | POST, LAN, OPERATOR | GOV, FULL, 1, &aform_edit_form, 0, handle_aform_new, OBJ_NONE },
	[PAGE_AFORM] =         { "/agency-forms/{id}", GET,  LAN,  ROLES_OPS | GOV, FULL,   0, &aform_view_form, 0, handle_aform, OBJ_AFORM },
	[PAGE_AFORM_EDIT] =    { "/agency-forms/{id}/edit", GET | POST, LAN, OPERATOR | GOV, FULL, 1, &aform_edit_form, 0, handle_aform_edit, OBJ_AFORM },
	[PAGE_AFORM_CHECK] =   { "/agency-forms/{id}/check", POST, LAN, ROLES_OPS, FULL,    1, &aform_decide_form, 0, handle_aform_check, OBJ_AFORM },
	[PAGE_AFORM_APPROVE] = { "/agency-forms/{id}/approve", POST, LAN, SUPERVISOR, FULL, 1, &aform_decide_form, 0, handle_aform_approve, OBJ_AFORM },
	[PAGE_AFORM_EXECUTE] = { "/agency-forms/{id}/execute", POST, LAN, OPERATOR, FULL,   1, &aform_decide_form, 0, handle_aform_execute, OBJ_AFORM },
	[PAGE_AFORM_PRINT] =   { "/agency-forms/{id}/print", GET, LAN, ROLES_OPS | GOV, FULL, 0, NULL,         0, handle_aform_print, OBJ_AFORM },
	/* supervisors read the departures; agencies and operators record them */
	[PAGE_DEPARTURES] =    { "/departures",  GET,        LAN,  ROLES_OPS | GOV, FULL,   0, &departures_form, 0, handle_departures, OBJ_NONE },
	[PAGE_DEPARTURE_ADD] = { "/departures",  POST,       LAN,  OPERATOR | GOV, FULL,    1, &departures_form, 0, handle_departures, OBJ_NONE },
	[PAGE_DASHBOARD] =     { "/dashboard",   GET,        LAN,  ROLES_OPS, FULL,         0, NULL,           0, handle_dashboard, OBJ_NONE },
	[PAGE_DASHBOARD_CSV] = { "/dashboard.csv", GET,      LAN,  ROLES_OPS, FULL,         0, &dashboard_csv_form, 0, handle_dashboard_csv, OBJ_NONE },
	[PAGE_AGENCIES] =      { "/agencies",    GET,        LAN,  ROLES_OPS, FULL,         0, &agencies_form, 0, handle_agencies, OBJ_NONE },
	[PAGE_AGENCY_NEW] =    { "/agencies/new", GET | POST, LAN, OPERATOR, FULL,          1, &agency_new_form, 0, handle_agency_new, OBJ_NONE },
	/* gov users too, for their own agency only (the handler checks) */
	[PAGE_AGENCY] =        { "/agencies/{id}", GET,      LAN,  ROLES_OPS | ROLE_BIT(ROLE_GOV), FULL, 0, &agency_form,   0, handle_agency, OBJ_AGENCY },
	[PAGE_AGENCY_EDIT] =   { "/agencies/{id}/edit", GET | POST, LAN, OPERATOR, FULL,    1, &agency_edit_form, 0, handle_agency_edit, OBJ_AGENCY },
	/* one path, two rows: everyone of the offices reads, operators write
	 * (and only the province's: the handler checks the region) */
	[PAGE_CALENDAR] =      { "/calendar",    GET,        LAN,  ROLES_OPS, FULL,         0, &calendar_form, 0, handle_calendar, OBJ_NONE },
	[PAGE_CALENDAR_SET] =  { "/calendar",    POST,       LAN,  OPERATOR, FULL,          1, &calendar_set_form, 0, handle_calendar_set, OBJ_NONE },
	/* credit information imports: agencies upload, the offices read */
	[PAGE_CREDIT_IMPORT] = { "/credit/import", GET | POST, LAN, GOV, FULL,             1, &credit_upload_form, BODY_UPLOAD, handle_credit_import, OBJ_NONE },
	[PAGE_CREDIT_TEMPLATE] = { "/credit/categories/{id}/template.csv", GET, LAN, ROLES_OPS | GOV, FULL, 0, NULL, 0, handle_credit_template, OBJ_CATEGORY },
	[PAGE_CREDIT_BATCHES] = { "/credit/batches", GET,     LAN,  ROLES_OPS | GOV, FULL,   0, &credit_batches_form, 0, handle_credit_batches, OBJ_NONE },
	[PAGE_CREDIT_BATCH] =  { "/credit/batches/{id}", GET, LAN,  ROLES_OPS | GOV, FULL,   0, &credit_batch_form, 0, handle_credit_batch, OBJ_BATCH },
	[PAGE_CREDIT_BATCH_ERRORS] = { "/credit/batches/{id}/errors.csv", GET, LAN, ROLES_OPS | GOV, FULL, 0, NULL, 0, handle_credit_batch_errors, OBJ_BATCH },
	[PAGE_CREDIT_BATCH_CONFIRM] = { "/credit/batches/{id}/confirm", POST, LAN, GOV, FULL, 1, NULL,         0, handle_credit_batch_confirm, OBJ_BATCH },
	[PAGE_CREDIT_BATCH_DISCARD] = { "/credit/batches/{id}/discard", POST, LAN, GOV, FULL, 1, NULL,         0, handle_credit_batch_discard, OBJ_BATCH },
	[PAGE_CREDIT_BATCH_WITHDRAW] = { "/credit/batches/{id}/withdraw", POST, LAN, OPERATOR | GOV, FULL, 1, &credit_batch_form, 0, handle_credit_batch_withdraw, OBJ_BATCH },
	/* the categories: the offices and agencies read, operators of the
	 * province change them (the handler checks the region) */
	[PAGE_CCATS] =         { "/credit/categories", GET, LAN,  ROLES_OPS | GOV, FULL,   0, &ccats_form,    0, handle_ccats, OBJ_NONE },
	[PAGE_CCAT_NEW] =      { "/credit/categories/new", GET | POST, LAN, OPERATOR, FULL, 1, &ccat_edit_form, 0, handle_ccat_new, OBJ_NONE },
	[PAGE_CCAT_EDIT] =     { "/credit/categories/{id}/edit", GET | POST, LAN, OPERATOR, FULL, 1, &ccat_edit_form, 0, handle_ccat_edit, OBJ_CATEGORY },
	/* credit information: gov users open any enterprise of the province,
	 * operators and supervisors their region's (the handler checks); the
	 * region's operators decide the enterprises' own requests */
	[PAGE_CREDIT_SEARCH] = { "/credit",      GET,        LAN,  ROLES_OPS | GOV, FULL,   0, &credit_search_form, 0, handle_credit_search, OBJ_NONE },
	[PAGE_CREDIT] =        { "/credit/{id}", GET | POST, LAN,  ROLES_OPS | GOV, FULL,   1, &credit_open_form, 0, handle_credit, OBJ_ENTERPRISE },
	[PAGE_CREDIT_REQUESTS] = { "/credit-requests", GET,  LAN,  ROLES_OPS, FULL,         0, &credit_requests_form, 0, handle_credit_requests, OBJ_NONE },
	[PAGE_CREDIT_DECIDE] = { "/credit-requests/{id}/decide", POST, LAN, OPERATOR, FULL, 1, &credit_decide_form, 0, handle_credit_decide, OBJ_CREDIT_REQUEST },
	[PAGE_MY_CREDIT] =     { "/my-credit",   GET,        NET,  ROLE_BIT(ROLE_ENTERPRISE), FULL, 0, &my_credit_form, 0, handle_my_credit, OBJ_NONE },
	[PAGE_MY_CREDIT_APPLY] = { "/my-credit/apply", POST, NET,  ROLE_BIT(ROLE_ENTERPRISE), FULL, 1, &my_credit_apply_form, 0, handle_my_credit_apply, OBJ_NONE },
	[PAGE_MY_CREDIT_REPORT] = { "/my-credit/report", GET, NET, ROLE_BIT(ROLE_ENTERPRISE), FULL, 0, NULL,         0, handle_my_credit_report, OBJ_NONE },
	[PAGE_MY_CREDIT_REPORT_ISSUE] = { "/my-credit/report", POST, NET, ROLE_BIT(ROLE_ENTERPRISE), FULL, 1, NULL, 0, handle_my_credit_report_issue, OBJ_NONE },
	[PAGE_MY_CREDIT_VIEWERS] = { "/my-credit/viewers", GET, NET, ROLE_BIT(ROLE_ENTERPRISE), FULL, 0, &my_credit_viewers_form, 0, handle_my_credit_viewers, OBJ_NONE },
	/* anybody holding a printed report checks its code (nginx limits the POSTs) */
	[PAGE_VERIFY] =        { "/verify",      GET | POST, NET,  PUBLIC,                  1, &verify_form,   0, handle_verify, OBJ_NONE },
	/* claims of enterprises without users: the region's offices read,
	 * its operators decide; another region's claim is a 404 (the
	 * getter carries the region) */
	[PAGE_CLAIMS] =        { "/claims",      GET,        LAN,  ROLES_OPS, FULL,         0, &claims_form,   0, handle_claims, OBJ_NONE },
	[PAGE_CLAIM] =         { "/claims/{id}", GET,        LAN,  ROLES_OPS, FULL,         0, &claims_form,   0, handle_claim, OBJ_CLAIM },
	[PAGE_CLAIM_LICENCE] = { "/claims/{id}/licence", GET, LAN, ROLES_OPS, FULL,         0, &claim_licence_form, 0, handle_claim_licence, OBJ_CLAIM },
	[PAGE_CLAIM_DECIDE] =  { "/claims/{id}/decide", POST, LAN, OPERATOR, FULL,          1, &claim_decide_form, 0, handle_claim_decide, OBJ_CLAIM },
	/* the pending claimant withdraws its own claim (no session: its password) */
	[PAGE_CLAIM_WITHDRAW] = { "/login/withdraw", POST,     NET,  PUBLIC,                  1, &claim_withdraw_form, 0, handle_claim_withdraw, OBJ_NONE },
	/* staff accounts: the province's operators ask, a supervisor decides */
	[PAGE_USER_REQUEST] =  { "/users/{id}/request", POST, LAN, OPERATOR, FULL,          1, &user_request_form, 0, handle_user_request, OBJ_USER },
	[PAGE_SREQS] =         { "/users/requests", GET,     LAN,  ROLES_OPS, FULL,         0, NULL,           0, handle_sreqs, OBJ_NONE },
	[PAGE_SREQ] =          { "/users/requests/{id}", GET, LAN, ROLES_OPS, FULL,         0, &sreq_view_form, 0, handle_sreq, OBJ_STAFF_REQUEST },
	[PAGE_SREQ_APPROVE] =  { "/users/requests/{id}/approve", POST, LAN, SUPERVISOR, FULL, 1, &sreq_approve_form, 0, handle_sreq_approve, OBJ_STAFF_REQUEST },
	[PAGE_SREQ_REFUSE] =   { "/users/requests/{id}/refuse", POST, LAN, SUPERVISOR, FULL, 1, &sreq_refuse_form, 0, handle_sreq_refuse, OBJ_STAFF_REQUEST },
	/* financial institutions: the offices read their region's, operators
	 * keep them and open/close their managers; an FI's users read their
	 * own FI, its manager opens/closes its officers (the handler checks);
	 * another scope's FI is a 404 (fi_get carries the scope) */
	[PAGE_FIS] =           { "/fis",         GET,        LAN,  ROLES_OPS, FULL,         0, &fis_form,      0, handle_fis, OBJ_NONE },
	[PAGE_FI_NEW] =        { "/fis/new",     GET | POST, LAN,  OPERATOR, FULL,          1, &fi_new_form,   0, handle_fi_new, OBJ_NONE },
	[PAGE_FI] =            { "/fis/{id}",    GET,        LAN,  ROLES_OPS | FI, FULL,    0, &fi_view_form,  0, handle_fi, OBJ_FI },
	[PAGE_FI_EDIT] =       { "/fis/{id}/edit", GET | POST, LAN, OPERATOR, FULL,         1, &fi_edit_form,  0, handle_fi_edit, OBJ_FI },
	[PAGE_FI_USER_OPEN] =  { "/fis/{id}/users", POST,    LAN,  OPERATOR | FI, FULL,     1, &fi_user_form,  0, handle_fi_user_open, OBJ_FI },
	[PAGE_FI_USER_CLOSE] = { "/fis/{id}/users/close", POST, LAN, OPERATOR | FI, FULL,   1, &fi_close_form, 0, handle_fi_user_close, OBJ_FI },
	/* products: an FI's manager keeps its FI's, operators of its region
	 * take one down; the public catalogue on the internet */
	[PAGE_PRODUCTS] =      { "/products",    GET,        LAN,  ROLES_OPS | FI, FULL,    0, &products_form, 0, handle_products, OBJ_NONE },
	[PAGE_PRODUCT_NEW] =   { "/products/new", GET | POST, LAN, FI, FULL,                1, &product_edit_form, 0, handle_product_new, OBJ_NONE },
	[PAGE_PRODUCT] =       { "/products/{id}", GET,      LAN,  ROLES_OPS | FI, FULL,    0, &products_form, 0, handle_product, OBJ_PRODUCT },
	[PAGE_PRODUCT_EDIT] =  { "/products/{id}/edit", GET | POST, LAN, FI, FULL,          1, &product_edit_form, 0, handle_product_edit, OBJ_PRODUCT },
	[PAGE_PRODUCT_PUBLISH] = { "/products/{id}/publish", POST, LAN, FI, FULL,           1, NULL,           0, handle_product_publish, OBJ_PRODUCT },
	[PAGE_PRODUCT_WITHDRAW] = { "/products/{id}/withdraw", POST, LAN, FI, FULL,         1, NULL,           0, handle_product_withdraw, OBJ_PRODUCT },
	[PAGE_PRODUCT_TAKE_DOWN] = { "/products/{id}/take-down", POST, LAN, OPERATOR, FULL, 1, &product_takedown_form, 0, handle_product_take_down, OBJ_PRODUCT },
	[PAGE_CATALOGUE] =     { "/products",    GET,        NET,  PUBLIC,                  0, &catalogue_form, 0, handle_catalogue, OBJ_NONE },
	[PAGE_CATALOGUE_ITEM] = { "/products/{id}", GET,     NET,  PUBLIC,                  0, NULL,           0, handle_catalogue_item, OBJ_PRODUCT },
	/* in-site notices: every signed-in user, its own only (inbox_get) */
	[PAGE_INBOX] =         { "/inbox",       GET,        BOTH, ANY, FULL,               0, &inbox_form,    0, handle_inbox, OBJ_NONE },
	[PAGE_INBOX_READ] =    { "/inbox/{id}/read", POST,   BOTH, ANY, FULL,               1, &inbox_read_form, 0, handle_inbox_read, OBJ_INBOX },
	[PAGE_INBOX_READ_ALL] = { "/inbox/read-all", POST,   BOTH, ANY, FULL,               1, NULL,           0, handle_inbox_read_all, OBJ_NONE },
	/* 三权分立 (issue 16): each administrative role its own pages only */
	[PAGE_STAFF] =         { "/staff",       GET | POST, LAN,  SYSADMIN, FULL,          1, &staff_form,    0, handle_staff, OBJ_NONE },
	[PAGE_SECURITY] =      { "/security",    GET | POST, LAN,  SECADMIN, FULL,          1, &security_form, 0, handle_security, OBJ_NONE },
	[PAGE_SECURITY_ROLES] = { "/security/roles", GET | POST, LAN, SECADMIN, FULL,       1, &security_roles_form, 0, handle_security_roles, OBJ_NONE },
	/* the categories an agency is a source of (credit.import): its region's operators */
	[PAGE_AUDIT_VERIFY] =  { "/audit/verify", GET | POST, LAN, AUDITOR, FULL,          1, NULL,           0, handle_audit_verify, OBJ_NONE },
	[PAGE_AGENCY_SOURCE] = { "/agencies/{id}/sources", POST, LAN, OPERATOR, FULL,       1, &agency_source_form, 0, handle_agency_source, OBJ_AGENCY },
	/* loan applications: the enterprise keeps its own on the internet; an
	 * FI's users see the ones addressed to their FI and the open ones of
	 * the regions it serves, the region's offices read them; who may take
	 * which step is checked under the row's lock (loan_step) */
	[PAGE_LOANS_NET] =     { "/loans",       GET,        NET,  ENTERPRISE, FULL,        0, &loans_form,    0, handle_loans, OBJ_NONE },
	[PAGE_LOAN_NEW] =      { "/loans/new",   GET | POST, NET,  ENTERPRISE, FULL,        1, &loan_edit_form, 0, handle_loan_new, OBJ_NONE },
	[PAGE_LOAN_NET] =      { "/loans/{id}",  GET,        NET,  ENTERPRISE, FULL,        0, &loan_view_form, 0, handle_loan, OBJ_LOAN },
	[PAGE_LOAN_EDIT] =     { "/loans/{id}/edit", GET | POST, NET, ENTERPRISE, FULL,     1, &loan_edit_form, 0, handle_loan_edit, OBJ_LOAN },
	[PAGE_LOAN_WITHDRAW] = { "/loans/{id}/withdraw", POST, NET, ENTERPRISE, FULL,       1, NULL,           0, handle_loan_withdraw, OBJ_LOAN },
	[PAGE_LOAN_REVOKE] =   { "/loans/{id}/revoke", POST, NET,  ENTERPRISE, FULL,        1, NULL,           0, handle_loan_revoke, OBJ_LOAN },
	[PAGE_LOANS_LAN] =     { "/loans",       GET,        LAN,  ROLES_OPS | FI, FULL,    0, &loans_form,    0, handle_loans, OBJ_NONE },
	[PAGE_LOAN_LAN] =      { "/loans/{id}",  GET,        LAN,  ROLES_OPS | FI, FULL,    0, &loan_view_form, 0, handle_loan, OBJ_LOAN },
	[PAGE_LOAN_TAKE] =     { "/loans/{id}/take", POST,   LAN,  FI, FULL,                1, &loan_act_form, 0, handle_loan_take, OBJ_LOAN_TAKE },
	[PAGE_LOAN_ASSIGN] =   { "/loans/{id}/assign", POST, LAN,  FI, FULL,                1, &loan_act_form, 0, handle_loan_assign, OBJ_LOAN },
	[PAGE_LOAN_RELEASE] =  { "/loans/{id}/release", POST, LAN, FI, FULL,                1, &loan_act_form, 0, handle_loan_release, OBJ_LOAN },
	[PAGE_LOAN_DECIDE] =   { "/loans/{id}/decide", POST, LAN,  FI, FULL,                1, &loan_act_form, 0, handle_loan_decide, OBJ_LOAN },
	[PAGE_LOAN_DISBURSE] = { "/loans/{id}/disburse", POST, LAN, FI, FULL,               1, &loan_act_form, 0, handle_loan_disburse, OBJ_LOAN },
	[PAGE_LOAN_NOT_TAKEN] = { "/loans/{id}/not-taken", POST, LAN, FI, FULL,             1, &loan_act_form, 0, handle_loan_not_taken, OBJ_LOAN },
	[PAGE_LOAN_CREDIT] =   { "/loans/{id}/credit", GET | POST, LAN, FI, FULL,           1, NULL,           0, handle_loan_credit, OBJ_LOAN },
	[PAGE_NEWS_NET] =      { "/news",        GET,        NET,  PUBLIC,                  0, &news_form,     0, handle_news, OBJ_NONE },
	[PAGE_NEWS_ITEM_NET] = { "/news/{id}",   GET,        NET,  PUBLIC,                  0, &news_item_form, 0, handle_news_item, OBJ_ARTICLE },
	[PAGE_NEWS_LAN] =      { "/news",        GET,        LAN,  ANY, FULL,               0, &news_form,     0, handle_news, OBJ_NONE },
	[PAGE_NEWS_MANAGE] =   { "/news/manage", GET,        LAN,  ROLES_OPS, FULL,         0, &news_manage_form, 0, handle_news_manage, OBJ_NONE },
	[PAGE_NEWS_NEW] =      { "/news/new",    GET | POST, LAN,  OPERATOR, FULL,          1, &article_edit_form, 0, handle_news_new, OBJ_NONE },
	[PAGE_NEWS_ITEM_LAN] = { "/news/{id}",   GET,        LAN,  ANY, FULL,               0, &news_item_form, 0, handle_news_item, OBJ_ARTICLE },
	[PAGE_NEWS_EDIT] =     { "/news/{id}/edit", GET | POST, LAN, OPERATOR, FULL,        1, &article_edit_form, 0, handle_news_edit, OBJ_ARTICLE },
	[PAGE_NEWS_PUBLISH] =  { "/news/{id}/publish", POST, LAN,  OPERATOR, FULL,          1, NULL,           0, handle_news_publish, OBJ_ARTICLE },
	[PAGE_NEWS_SCHEDULE] = { "/news/{id}/schedule", POST, LAN, OPERATOR, FULL,          1, &article_schedule_form, 0, handle_news_schedule, OBJ_ARTICLE },
	[PAGE_NEWS_WITHDRAW] = { "/news/{id}/withdraw", POST, LAN, OPERATOR, FULL,          1, NULL,           0, handle_news_withdraw, OBJ_ARTICLE },
	[PAGE_NEWS_HISTORY] =  { "/news/{id}/history", GET, LAN,   ROLES_OPS, FULL,         0, NULL,           0, handle_news_history, OBJ_ARTICLE },
	[PAGE_ABOUT_DISCLAIMER] = { "/about/disclaimer", GET, BOTH, PUBLIC,                0, NULL,           0, handle_about, OBJ_NONE },
	[PAGE_FEEDBACK] =      { "/feedback",    GET | POST, BOTH, ANY, FULL,               1, &feedback_form, 0, handle_feedback, OBJ_NONE },
	[PAGE_FEEDBACK_MANAGE] = { "/feedback/manage", GET,  LAN,  ROLES_OPS, FULL,         0, &feedback_manage_form, 0, handle_feedback_manage, OBJ_NONE },
	[PAGE_FEEDBACK_ITEM] = { "/feedback/{id}", GET,      LAN,  ROLES_OPS, FULL,         0, &feedback_answer_form, 0, handle_feedback_item, OBJ_FEEDBACK },
	[PAGE_FEEDBACK_ANSWER] = { "/feedback/{id}/answer", POST, LAN, OPERATOR, FULL,      1, &feedback_answer_form, 0, handle_feedback_answer, OBJ_FEEDBACK },
	[PAGE_ACCOUNT_CONTACT] = { "/account/contact", GET | POST, NET, ROLE_BIT(ROLE_ENTERPRISE), FULL, 1, &contact_form, 0, handle_account_contact, OBJ_NONE },
	[PAGE_ACCOUNT_CONTACT_SMS] = { "/account/contact/sms", POST, NET, ROLE_BIT(ROLE_ENTERPRISE), FULL, 1, &contact_sms_form, 0, handle_account_contact_sms, OBJ_NONE },
	[PAGE_LOAN_STATS] =    { "/loan-stats",  GET,        LAN,  ROLES_OPS | FI, FULL,    0, &loan_stats_form, 0, handle_loan_stats, OBJ_NONE },
	[PAGE_LOAN_STATS_CSV] = { "/loan-stats.csv", GET,    LAN,  ROLES_OPS | FI, FULL,    0, &loan_stats_form, 0, handle_loan_stats_csv, OBJ_NONE },
	[PAGE_LOANS_SUGGESTED] = { "/loans/suggested", GET,  LAN,  FI, FULL,                0, NULL,           0, handle_loans_suggested, OBJ_NONE },
	/* training and events (issue 17, R-14.1): public on the internet */
	[PAGE_EVENTS_NET] =    { "/events",      GET,        NET,  PUBLIC,                  0, &events_form,   0, handle_events, OBJ_NONE },
	[PAGE_EVENTS_LAN] =    { "/events",      GET,        LAN,  ANY, FULL,               0, &events_form,   0, handle_events, OBJ_NONE },
	[PAGE_EVENT_NET] =     { "/events/{id}", GET,        NET,  PUBLIC,                  0, &event_item_form, 0, handle_event, OBJ_EVENT },
	[PAGE_EVENT_LAN] =     { "/events/{id}", GET,        LAN,  ANY, FULL,               0, &event_item_form, 0, handle_event, OBJ_EVENT },
	[PAGE_EVENT_REGISTER] = { "/events/{id}/register", POST, BOTH, ENTERPRISE | GOV | FI, FULL, 1, NULL,   0, handle_event_register, OBJ_EVENT },
	[PAGE_EVENT_CANCEL] =  { "/events/{id}/cancel", POST, BOTH, ENTERPRISE | GOV | FI, FULL, 1, NULL,      0, handle_event_cancel, OBJ_EVENT },
	[PAGE_EVENTS_MANAGE] = { "/events/manage", GET,      LAN,  ROLES_OPS, FULL,         0, &events_form,   0, handle_events_manage, OBJ_NONE },
	[PAGE_EVENT_NEW] =     { "/events/new",  GET | POST, LAN,  OPERATOR, FULL,          1, &event_edit_form, 0, handle_event_new, OBJ_NONE },
	[PAGE_EVENT_EDIT] =    { "/events/{id}/edit", GET | POST, LAN, OPERATOR, FULL,      1, &event_edit_form, 0, handle_event_edit, OBJ_EVENT },
	[PAGE_EVENT_PUBLISH] = { "/events/{id}/publish", POST, LAN, OPERATOR, FULL,         1, NULL,           0, handle_event_publish, OBJ_EVENT },
	[PAGE_EVENT_WITHDRAW] = { "/events/{id}/withdraw", POST, LAN, OPERATOR, FULL,       1, NULL,           0, handle_event_withdraw, OBJ_EVENT },
	[PAGE_EVENT_ATTENDEES] = { "/events/{id}/attendees", GET, LAN, ROLES_OPS, FULL,     0, &event_item_form, 0, handle_event_attendees, OBJ_EVENT },
	[PAGE_EVENT_ATTENDEES_CSV] = { "/events/{id}/attendees.csv", GET, LAN, ROLES_OPS, FULL, 0, NULL,       0, handle_event_attendees_csv, OBJ_EVENT },
	[PAGE_EVENT_ATTENDANCE] = { "/events/{id}/attendance", POST, LAN, OPERATOR, FULL,   1, &event_attendance_form, 0, handle_event_attendance, OBJ_EVENT },
	/* the measures and their revisions (issue 17, R-17.1) */
	[PAGE_RULES_NET] =     { "/rules",       GET,        NET,  PUBLIC,                  0, NULL,           0, handle_rules, OBJ_NONE },
	[PAGE_RULES_LAN] =     { "/rules",       GET,        LAN,  ANY, FULL,               0, NULL,           0, handle_rules, OBJ_NONE },
	[PAGE_RULE_NET] =      { "/rules/{id}",  GET,        NET,  PUBLIC,                  0, &rule_view_form, 0, handle_rule, OBJ_RULE },
	[PAGE_RULE_LAN] =      { "/rules/{id}",  GET,        LAN,  ANY, FULL,               0, &rule_view_form, 0, handle_rule, OBJ_RULE },
	[PAGE_RULE_NEW] =      { "/rules/new",   GET | POST, LAN,  OPERATOR, FULL,          1, &rule_edit_form, 0, handle_rule_new, OBJ_NONE },
	[PAGE_RULE_EDIT] =     { "/rules/{id}/edit", GET | POST, LAN, OPERATOR, FULL,       1, &rule_edit_form, 0, handle_rule_edit, OBJ_RULE },
	[PAGE_RULE_SUBMIT] =   { "/rules/{id}/submit", POST, LAN,  OPERATOR, FULL,          1, NULL,           0, handle_rule_submit, OBJ_RULE },
	[PAGE_RULE_APPROVE] =  { "/rules/{id}/approve", POST, LAN, SUPERVISOR, FULL,        1, NULL,           0, handle_rule_approve, OBJ_RULE },
	[PAGE_RULE_REJECT] =   { "/rules/{id}/reject", POST, LAN,  SUPERVISOR, FULL,        1, NULL,           0, handle_rule_reject, OBJ_RULE },
	[PAGE_LOAN_REPUBLISH] = { "/loans/{id}/republish", POST, NET, ENTERPRISE, FULL,     1, NULL,           0, handle_loan_republish, OBJ_LOAN },
	[PAGE_LOAN_DASHBOARD] = { "/loan-dashboard", GET,    LAN,  FI, FULL,                0, NULL,           0, handle_loan_dashboard, OBJ_NONE },
	/* questions and answers on a loan application (R-08.2d): the
	 * enterprise and the handling FI post (who: loan_msg_post under the
	 * row's lock), the region's offices read; attachments only to them */
	[PAGE_LOAN_MESSAGE_NET] = { "/loans/{id}/messages", POST, NET, ENTERPRISE, FULL,    1, &loan_msg_form, BODY_ATTACHMENT, handle_loan_message, OBJ_LOAN },
	[PAGE_LOAN_MESSAGE_LAN] = { "/loans/{id}/messages", POST, LAN, FI, FULL,            1, &loan_msg_form, BODY_ATTACHMENT, handle_loan_message, OBJ_LOAN },
	[PAGE_LOAN_FILE_NET] = { "/loans/{id}/files/{fid}", GET, NET, ENTERPRISE, FULL,     0, NULL,           0, handle_loan_file, OBJ_LOAN },
	[PAGE_LOAN_FILE_LAN] = { "/loans/{id}/files/{fid}", GET, LAN, ROLES_OPS | FI, FULL, 0, NULL,           0, handle_loan_file, OBJ_LOAN },
	/* the operator offices' address, phone and hours (issue 17): public
	 * on both portals, kept by the operators of each office's region */
	[PAGE_OFFICES] =       { "/offices",     GET,        BOTH, PUBLIC,                  0, &offices_form,  0, handle_offices, OBJ_NONE },
	[PAGE_OFFICE_EDIT] =   { "/offices/{id}/edit", GET | POST, LAN, OPERATOR, FULL,     1, &office_edit_form, 0, handle_office_edit, OBJ_OFFICE },
	/* the blank change form, printable, for who has no account yet */
	[PAGE_AFORM_BLANK] =   { "/agency-forms/blank", GET, LAN,  PUBLIC,                  0, NULL,           0, handle_aform_blank, OBJ_NONE },
	/* objections (issue 15, R-08.2e): the enterprise files on its own
	 * records and registration facts; the source agency's gov users and
	 * the region's operators answer (who may take a step: objection_step
	 * under the row's lock); the evidence only to them */
	[PAGE_OBJECTIONS_NET] = { "/objections", GET,        NET,  ENTERPRISE, FULL,        0, &obj_list_form, 0, handle_objections, OBJ_NONE },
	[PAGE_OBJECTION_NEW] = { "/objections/new", GET | POST, NET, ENTERPRISE, FULL,      1, &obj_new_form,  BODY_ATTACHMENT, handle_objection_new, OBJ_NONE },
	[PAGE_OBJECTION_NET] = { "/objections/{id}", GET,    NET,  ENTERPRISE, FULL,        0, NULL,           0, handle_objection, OBJ_OBJECTION },
	[PAGE_OBJECTION_FORM_NET] = { "/objections/{id}/form", GET, NET, ENTERPRISE, FULL,  0, NULL,           0, handle_objection_form, OBJ_OBJECTION },
	[PAGE_OBJECTION_REPLY_NET] = { "/objections/{id}/reply", GET, NET, ENTERPRISE, FULL, 0, NULL,          0, handle_objection_reply, OBJ_OBJECTION },
	[PAGE_OBJECTION_FILE_NET] = { "/objections/{id}/files/{fid}", GET, NET, ENTERPRISE, FULL, 0, NULL,     0, handle_objection_file, OBJ_OBJECTION },
	[PAGE_OBJECTIONS_LAN] = { "/objections", GET,        LAN,  ROLES_OPS | GOV, FULL,   0, &obj_list_form, 0, handle_objections, OBJ_NONE },
	[PAGE_OBJECTION_LAN] = { "/objections/{id}", GET,    LAN,  ROLES_OPS | GOV, FULL,   0, NULL,           0, handle_objection, OBJ_OBJECTION },
	[PAGE_OBJECTION_STEP] = { "/objections/{id}/step", POST, LAN, OPERATOR | GOV, FULL, 1, &obj_step_form, 0, handle_objection_step, OBJ_OBJECTION },
	[PAGE_OBJECTION_FORM_LAN] = { "/objections/{id}/form", GET, LAN, ROLES_OPS | GOV, FULL, 0, NULL,       0, handle_objection_form, OBJ_OBJECTION },
	[PAGE_OBJECTION_REPLY_LAN] = { "/objections/{id}/reply", GET, LAN, ROLES_OPS | GOV, FULL, 0, NULL,     0, handle_objection_reply, OBJ_OBJECTION },
	[PAGE_OBJECTION_FILE_LAN] = { "/objections/{id}/files/{fid}", GET, LAN, ROLES_OPS | GOV, FULL, 0, NULL, 0, handle_objection_file, OBJ_OBJECTION },
	/* each role's start page, where sign-in lands (issue 18) */
	[PAGE_START] =         { "/start",       GET,        BOTH, ANY, FULL,               0, NULL,           0, handle_start, OBJ_NONE },
	/* measures on enterprise users (issue 16, R-15.1): the enterprise
	 * reads its own; operators and FI managers propose, supervisors
	 * decide, operators adopt an FI's and ask to lift (who may which
	 * step: measure_step under the row's lock) */
	[PAGE_MEASURES_NET] =  { "/measures",    GET,        NET,  ENTERPRISE, FULL,        0, NULL,           0, handle_measures, OBJ_NONE },
	[PAGE_MEASURE_NET] =   { "/measures/{id}", GET,      NET,  ENTERPRISE, FULL,        0, &measure_view_form, 0, handle_measure, OBJ_MEASURE },
	[PAGE_MEASURES_LAN] =  { "/measures",    GET,        LAN,  ROLES_OPS | FI, FULL,    0, &measures_form, 0, handle_measures, OBJ_NONE },
	[PAGE_MEASURES_CSV] =  { "/measures.csv", GET,       LAN,  ROLES_OPS, FULL,         0, &measures_form, 0, handle_measures_csv, OBJ_NONE },
	[PAGE_MEASURE_NEW] =   { "/measures/new", GET | POST, LAN, OPERATOR | FI, FULL,     1, &measure_new_form, BODY_ATTACHMENT, handle_measure_new, OBJ_NONE },
	[PAGE_MEASURE_LAN] =   { "/measures/{id}", GET,      LAN,  ROLES_OPS | FI, FULL,    0, &measure_view_form, 0, handle_measure, OBJ_MEASURE },
	[PAGE_MEASURE_APPROVE] = { "/measures/{id}/approve", POST, LAN, SUPERVISOR, FULL,   1, &measure_act_form, 0, handle_measure_approve, OBJ_MEASURE },
	[PAGE_MEASURE_REFUSE] = { "/measures/{id}/refuse", POST, LAN, SUPERVISOR, FULL,     1, &measure_act_form, 0, handle_measure_refuse, OBJ_MEASURE },
	[PAGE_MEASURE_ADOPT] = { "/measures/{id}/adopt", POST, LAN, OPERATOR, FULL,         1, &measure_act_form, 0, handle_measure_adopt, OBJ_MEASURE },
	[PAGE_MEASURE_LIFT] =  { "/measures/{id}/lift", POST, LAN, OPERATOR | FI, FULL,     1, &measure_act_form, 0, handle_measure_lift, OBJ_MEASURE },
	[PAGE_MEASURE_FILE] =  { "/measures/{id}/files/{fid}", GET, LAN, ROLES_OPS | FI, FULL, 0, NULL,        0, handle_measure_file, OBJ_MEASURE },
};

const char *const tmpl_names[TMPL__MAX] = {
	[TMPL_ERROR] = "error",
	[TMPL_HOME_INTERNET] = "home_internet",
	[TMPL_HOME_INTRANET] = "home_intranet",
	[TMPL_LOGIN] = "login",
	[TMPL_LOGIN_TOTP] = "login_totp",
	[TMPL_LOGIN_ENROL] = "login_enrol",
	[TMPL_PASSWORD] = "password",
	[TMPL_ACCOUNT] = "account",
	[TMPL_USERS] = "users",
	[TMPL_USER] = "user",
	[TMPL_USER_OTP] = "user_otp",
	[TMPL_AUDIT] = "audit",
	[TMPL_REGISTER] = "register",
	[TMPL_TERMS] = "terms",
	[TMPL_PRIVACY] = "privacy",
	[TMPL_FORGOT] = "forgot",
	[TMPL_PROFILE] = "profile",
	[TMPL_PROFILE_EDIT] = "profile_edit",
	[TMPL_ENTERPRISES] = "enterprises",
	[TMPL_ENTERPRISE] = "enterprise",
	[TMPL_ENTERPRISES_LATE] = "enterprises_late",
	[TMPL_AFORMS] = "agency_forms",
	[TMPL_AFORM] = "agency_form",
	[TMPL_AFORM_EDIT] = "agency_form_edit",
	[TMPL_AFORM_PRINT] = "agency_form_print",
	[TMPL_DEPARTURES] = "departures",
	[TMPL_DASHBOARD] = "dashboard",
	[TMPL_AGENCIES] = "agencies",
	[TMPL_AGENCY] = "agency",
	[TMPL_AGENCY_EDIT] = "agency_edit",
	[TMPL_CALENDAR] = "calendar",
	[TMPL_CREDIT_IMPORT] = "credit_import",
	[TMPL_CREDIT_BATCHES] = "credit_batches",
	[TMPL_CREDIT_BATCH] = "credit_batch",
	[TMPL_CCATS] = "credit_categories",
	[TMPL_CCAT_EDIT] = "credit_category_edit",
	[TMPL_CREDIT_SEARCH] = "credit_search",
	[TMPL_CREDIT] = "credit",
	[TMPL_CREDIT_REQUESTS] = "credit_requests",
	[TMPL_MY_CREDIT] = "my_credit",
	[TMPL_MY_CREDIT_REPORT] = "my_credit_report",
	[TMPL_VERIFY] = "verify",
	[TMPL_MY_CREDIT_VIEWERS] = "my_credit_viewers",
	[TMPL_CLAIMS] = "claims",
	[TMPL_CLAIM] = "claim",
	[TMPL_SREQS] = "staff_requests",
	[TMPL_SREQ] = "staff_request",
	[TMPL_FIS] = "fis",
	[TMPL_FI] = "fi",
	[TMPL_FI_EDIT] = "fi_edit",
	[TMPL_FI_USER_OTP] = "fi_user_otp",
	[TMPL_PRODUCTS] = "products",
	[TMPL_PRODUCT] = "product",
	[TMPL_PRODUCT_EDIT] = "product_edit",
	[TMPL_CATALOGUE] = "catalogue",
	[TMPL_CATALOGUE_ITEM] = "catalogue_item",
	[TMPL_INBOX] = "inbox",
	[TMPL_STAFF] = "staff",
	[TMPL_STAFF_OTP] = "staff_otp",
	[TMPL_SECURITY] = "security",
	[TMPL_SECURITY_ROLES] = "security_roles",
	[TMPL_AUDIT_VERIFY] = "audit_verify",
	[TMPL_LOANS] = "loans",
	[TMPL_LOAN] = "loan",
	[TMPL_LOAN_EDIT] = "loan_edit",
	[TMPL_LOAN_CREDIT] = "loan_credit",
	[TMPL_NEWS] = "news",
	[TMPL_ARTICLE] = "article",
	[TMPL_NEWS_MANAGE] = "news_manage",
	[TMPL_ARTICLE_EDIT] = "article_edit",
	[TMPL_ARTICLE_HISTORY] = "article_history",
	[TMPL_ABOUT] = "about",
	[TMPL_FEEDBACK] = "feedback",
	[TMPL_FEEDBACK_MANAGE] = "feedback_manage",
	[TMPL_FEEDBACK_ITEM] = "feedback_item",
	[TMPL_ACCOUNT_CONTACT] = "account_contact",
	[TMPL_LOAN_STATS] = "loan_stats",
	[TMPL_LOANS_SUGGESTED] = "loans_suggested",
	[TMPL_EVENTS] = "events",
	[TMPL_EVENT] = "event",
	[TMPL_EVENT_EDIT] = "event_edit",
	[TMPL_EVENTS_MANAGE] = "events_manage",
	[TMPL_EVENT_ATTENDEES] = "event_attendees",
	[TMPL_RULES] = "rules",
	[TMPL_RULE] = "rule",
	[TMPL_RULE_EDIT] = "rule_edit",
	[TMPL_OBJECTIONS] = "objections",
	[TMPL_OBJECTION_NEW] = "objection_new",
	[TMPL_OBJECTION] = "objection",
	[TMPL_OBJECTION_FORM] = "objection_form",
	[TMPL_OBJECTION_REPLY] = "objection_reply",
	[TMPL_LOAN_DASHBOARD] = "loan_dashboard",
	[TMPL_OFFICES] = "offices",
	[TMPL_OFFICE_EDIT] = "office_edit",
	[TMPL_START] = "start",
	[TMPL_MEASURES] = "measures",
	[TMPL_MEASURE] = "measure",
	[TMPL_MEASURE_EDIT] = "measure_edit",
	[TMPL_MEASURE_REFUSED] = "measure_refused",
};

const char *
route_obj_name(enum route_obj o)
{
	static const char *const names[OBJ__MAX] = {
		[OBJ_NONE] = "none",
		[OBJ_USER] = "user",
		[OBJ_ENTERPRISE] = "enterprise",
		[OBJ_AGENCY] = "agency",
		[OBJ_AFORM] = "agency_form",
		[OBJ_CATEGORY] = "credit_category",
		[OBJ_BATCH] = "credit_batch",
		[OBJ_CREDIT_REQUEST] = "credit_request",
		[OBJ_CLAIM] = "claim",
		[OBJ_STAFF_REQUEST] = "staff_request",
		[OBJ_FI] = "fi",
		[OBJ_PRODUCT] = "product",
		[OBJ_INBOX] = "inbox",
		[OBJ_LOAN] = "loan",
		[OBJ_LOAN_TAKE] = "loan",
		[OBJ_ARTICLE] = "article",
		[OBJ_FEEDBACK] = "feedback",
		[OBJ_EVENT] = "event",
		[OBJ_RULE] = "rule",
		[OBJ_OFFICE] = "office",
		[OBJ_OBJECTION] = "objection",
		[OBJ_MEASURE] = "measure",
	};

	return (unsigned)o < OBJ__MAX ? names[o] : NULL;
}

int
routes_find(enum portal portal, enum http_method method, const char *path,
    struct route_args *args, unsigned *allow)
{
	*allow = 0;
	for (int i = 0; i < PAGE__MAX; i++) {
		const struct route *rt = &routes[i];

		if (!(rt->portals & portal) || !route_match(rt->path, path, args))
			continue;
		if (rt->methods & method)
			return i;
		*allow |= rt->methods;
	}
	return -1;
}

const char *
routes_stage_path(enum session_stage stage)
{
	switch (stage) {
	case STAGE_TOTP:
		return "/login/totp";
	case STAGE_ENROL:
		return "/login/enrol";
	case STAGE_PWCHANGE:
		return "/password";
	default:
		return "/start";
	}
}
