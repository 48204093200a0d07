/*
 * route_rights.c -- the right each page needs of an enterprise user
 * (issue 16 "Measures on enterprise users", R-15.1; enum measure_right,
 * oversight/measure.h), one table beside the route table so that its
 * rows keep their shape.
 *
 * The dispatcher (measure_enforce, measures.c) reads the row of the page
 * asked for on every request of an enterprise user and refuses it (403,
 * the page naming the measure) while a measure in force suspends that
 * right.  Pages not named here read (MR_READ): refused only while all
 * rights are suspended or the qualification revoked.
 * tests/unit/cgi/test_routes.c fails for a POST route an enterprise user
 * may use that is not named here, so a new page must say what it needs.
 */
#include "oversight/measure.h"
#include "routes.h"

const unsigned char route_rights[PAGE__MAX] = {
	/* open even while all rights are suspended: signing out, one's
	 * password and account, the notices, the measures themselves and
	 * the feedback form through which one appeals */
	[PAGE_LOGOUT] = MR_ALWAYS,
	[PAGE_PASSWORD] = MR_ALWAYS,
	[PAGE_ACCOUNT] = MR_ALWAYS,
	[PAGE_INBOX] = MR_ALWAYS,
	[PAGE_INBOX_READ] = MR_ALWAYS,
	[PAGE_INBOX_READ_ALL] = MR_ALWAYS,
	[PAGE_FEEDBACK] = MR_ALWAYS,
	[PAGE_MEASURES_NET] = MR_ALWAYS,
	[PAGE_MEASURE_NET] = MR_ALWAYS,
	/* ... and an objection to information about it (R-08.2e): the data
	 * subject's right, which no measure of this platform suspends */
	[PAGE_OBJECTIONS_NET] = MR_ALWAYS,
	[PAGE_OBJECTION_NEW] = MR_ALWAYS,
	[PAGE_OBJECTION_NET] = MR_ALWAYS,
	[PAGE_OBJECTION_FORM_NET] = MR_ALWAYS,
	[PAGE_OBJECTION_REPLY_NET] = MR_ALWAYS,
	[PAGE_OBJECTION_FILE_NET] = MR_ALWAYS,
	/* 发布信贷申请: create, edit (a draft may be published), republish */
	[PAGE_LOAN_NEW] = MR_PUBLISH,
	[PAGE_LOAN_EDIT] = MR_PUBLISH,
	[PAGE_LOAN_REPUBLISH] = MR_PUBLISH,
	/* 与金融机构进行沟通交流: the questions and answers of a loan */
	[PAGE_LOAN_MESSAGE_NET] = MR_MESSAGE,
	/* 申请查看本企业的信用信息 */
	[PAGE_MY_CREDIT_APPLY] = MR_SELFVIEW,
	[PAGE_MY_CREDIT_REPORT_ISSUE] = MR_SELFVIEW,
	/* changes that need no right of their own: withdrawing an
	 * application or the consent stays possible under a suspension */
	[PAGE_LOAN_WITHDRAW] = MR_USE,
	[PAGE_LOAN_REVOKE] = MR_USE,
	[PAGE_PROFILE_EDIT] = MR_USE,
	[PAGE_ACCOUNT_CONTACT] = MR_USE,
	[PAGE_ACCOUNT_CONTACT_SMS] = MR_USE,
	[PAGE_EVENT_REGISTER] = MR_USE,
	[PAGE_EVENT_CANCEL] = MR_USE,
};
