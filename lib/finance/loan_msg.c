/*
 * loan_msg.c -- the SQL and the posting of a loan application's messages
 * (loan_msg.h).
 */
#include <stdio.h>
#include <string.h>

#include "accounts/inbox.h"
#include "core/utf8.h"
#include "db/db_region.h"
#include "finance/loan_msg.h"

enum {
	STMT_M_LIST,
	STMT_M_FILES,
	STMT_M_OWNER,
	STMT_M_LOCK,
	STMT_M_INSERT,
	STMT_M__MAX
};

#define TS(c)	"COALESCE(DATE_FORMAT(" c ", '%Y-%m-%d %H:%i:%s'), '')"

/*
 * Who reads a message m of application l (loan_msg.h), five parameters:
 * mode, region, region, org, org (scope_params).  An FI reads its own
 * conversation while it handles the application.
 */
#define M_SCOPE \
	" (CASE ? WHEN 'all' THEN 1" \
	" WHEN 'region' THEN l.status <> 'draft' AND (? = '" REGION_PROVINCE "' OR l.region_code = ?)" \
	" WHEN 'ent' THEN l.enterprise_id = ?" \
	" WHEN 'fi' THEN l.fi_id = ? AND m.fi_id = l.fi_id" \
	" ELSE 0 END)"
#define M_NSCOPE	5

static const char *const sql[STMT_M__MAX] = {
	[STMT_M_LIST] =
	    "SELECT m.id, " TS("m.created_at") ", m.org_kind,"
	    " COALESCE(e.name, f.name, ''), COALESCE(u.real_name, ''), m.body"
	    " FROM loan_messages m JOIN loans l ON l.id = m.loan_id"
	    " LEFT JOIN enterprises e ON m.org_kind = 'enterprise' AND e.id = m.org_id"
	    " LEFT JOIN fis f ON m.org_kind = 'fi' AND f.id = m.org_id"
	    " LEFT JOIN users u ON u.id = m.user_id"
	    " WHERE m.loan_id = ? AND" M_SCOPE
	    " ORDER BY m.id LIMIT 500",
	[STMT_M_FILES] =
	    "SELECT fl.id, fl.owner_id, fl.ftype, fl.size, fl.filename"
	    " FROM loan_messages m JOIN loans l ON l.id = m.loan_id"
	    " JOIN files fl ON fl.owner_kind = '" LOAN_MSG_OWNER "' AND fl.owner_id = m.id"
	    " WHERE m.loan_id = ? AND" M_SCOPE
	    " ORDER BY fl.id LIMIT 1500",
	[STMT_M_OWNER] =
	    "SELECT m.id FROM loan_messages m JOIN loans l ON l.id = m.loan_id"
	    " WHERE m.id = ? AND m.loan_id = ? AND" M_SCOPE,
	/* the application as it stands, held until the message commits */
	[STMT_M_LOCK] =
	    "SELECT status, COALESCE(fi_id, 0), enterprise_id, COALESCE(officer_id, 0)"
	    " FROM loans WHERE id = ? LOCK IN SHARE MODE",
	[STMT_M_INSERT] =
	    "INSERT INTO loan_messages (loan_id, fi_id, user_id, org_kind, org_id, body)"
	    " VALUES (?, ?, ?, ?, ?, ?)",
};

static const struct db_module mod = { DBM_FINANCE_LOAN_MSG, STMT_M__MAX, sql };

static void
scope_params(const struct scope *sc, struct db_param p[M_NSCOPE])
{
	p[0] = DB_STR(loan_scope_mode(sc));
	p[1] = DB_STR(sc->region);
	p[2] = DB_STR(sc->region);
	p[3] = DB_INT(sc->org_id);
	p[4] = DB_INT(sc->org_id);
}

enum loan_msg_may
loan_msg_may_post(const struct loan *l, const struct scope *sc)
{
	const char	*mode = loan_scope_mode(sc);
	bool		 ent, fi;

	ent = strcmp(mode, "ent") == 0 && sc->org_id > 0 &&
	    sc->org_id == l->enterprise_id;
	fi = strcmp(mode, "fi") == 0 && sc->org_id > 0 && l->fi_id > 0 &&
	    sc->org_id == l->fi_id;
	if (!ent && !fi)
		return LM_NOT_PARTY;
	/* open and not taken up: nobody to write to */
	if (l->fi_id <= 0)
		return LM_CLOSED;
	switch (l->status) {
	case LS_PUBLISHED:	/* addressed: the FI may ask before taking it up */
	case LS_TAKEN:
	case LS_APPROVED:
		return LM_MAY;
	default:
		return LM_CLOSED;
	}
}

static void
msg_fill(const struct db_rows *r, struct arena *a, void *elem)
{
	struct loan_msg *m = elem;

	m->id = db_col_int(r, 0);
	m->at = db_col_text(r, a, 1);
	m->org_kind = db_col_text(r, a, 2);
	m->org_name = db_col_text(r, a, 3);
	m->user_name = db_col_text(r, a, 4);
	m->body = db_col_text(r, a, 5);
}

/* A file row with the id of its message. */
struct mfile {
	long long		 msg_id;
	struct loan_msg_file	 f;
};

static void
file_fill(const struct db_rows *r, struct arena *a, void *elem)
{
	struct mfile *m = elem;

	m->f.id = db_col_int(r, 0);
	m->msg_id = db_col_int(r, 1);
	m->f.type = db_col_text(r, a, 2);
	m->f.size = db_col_int(r, 3);
	m->f.filename = db_col_text(r, a, 4);
}

enum err
loan_msg_list(struct db *db, struct arena *a, const struct scope *sc,
    long long loan_id, struct loan_msg **v, size_t *n)
{
	struct db_param	 p[1 + M_NSCOPE];
	struct mfile	*fv = NULL;
	size_t		 fn = 0;
	enum err	 rc;

	*v = NULL;
	*n = 0;
	p[0] = DB_INT(loan_id);
	scope_params(sc, p + 1);
	if ((rc = db_query_list(db, a, &mod, STMT_M_LIST, p, 1 + M_NSCOPE,
	    sizeof **v, msg_fill, (void **)v, n)) != ERR_OK)
		return rc;
	if (*n == 0)
		return ERR_OK;
	if ((rc = db_query_list(db, a, &mod, STMT_M_FILES, p, 1 + M_NSCOPE,
	    sizeof *fv, file_fill, (void **)&fv, &fn)) != ERR_OK) {
		*v = NULL;
		*n = 0;
		return rc;
	}
	/* each message's files: count, then hand out slices of one array */
	for (size_t i = 0; i < *n; i++) {
		struct loan_msg *m = &(*v)[i];

		for (size_t k = 0; k < fn; k++)
			if (fv[k].msg_id == m->id)
				m->nfiles++;
		if (m->nfiles == 0)
			continue;
		if ((m->files = arena_calloc(a, m->nfiles, sizeof *m->files)) == NULL) {
			*v = NULL;
			*n = 0;
			return ERR_NOMEM;
		}
		m->nfiles = 0;
		for (size_t k = 0; k < fn; k++)
			if (fv[k].msg_id == m->id)
				m->files[m->nfiles++] = fv[k].f;
	}
	return ERR_OK;
}

enum err
loan_msg_file_owner(struct db *db, struct arena *a, const struct scope *sc,
    long long loan_id, long long msg_id)
{
	struct db_param	 p[2 + M_NSCOPE];
	struct db_rows	*rows;
	enum err	 rc;
	int		 n;

	if (loan_id <= 0 || msg_id <= 0)
		return ERR_NOTFOUND;
	p[0] = DB_INT(msg_id);
	p[1] = DB_INT(loan_id);
	scope_params(sc, p + 2);
	if ((rc = db_query(db, a, &mod, STMT_M_OWNER, p, 2 + M_NSCOPE, &rows)) != ERR_OK)
		return rc;
	n = db_next(rows);
	rc = n == 1 ? ERR_OK : n == 0 ? ERR_NOTFOUND : db_rows_error(db);
	db_rows_free(rows);
	return rc;
}

/* What the two sides are told (issue 14): the enterprise of a question
 * (with an SMS, as at the other steps of the bank), the FI of an answer. */
#define NOTE_QUESTION_TITLE	"金融机构就您的信贷申请留言"
#define NOTE_ANSWER_TITLE	"企业回复了信贷申请的留言"

struct post_ctx {
	const struct audit_actor	*actor;
	const struct scope		*sc;
	const struct loan		*l;
	const char			*body;
	const struct files_in		*files;
	size_t				 nfiles;
	long long			 id;
};

/* The notices of message c (in the transaction). */
static enum err
notify(struct db *db, struct arena *a, const struct post_ctx *c, bool from_fi,
    long long ent_id, long long fi_id, long long officer_id)
{
	const char	*link = arena_printf(a, "/loans/%lld", c->l->id);
	struct inbox_note n;

	if (link == NULL)
		return ERR_NOMEM;
	memset(&n, 0, sizeof n);
	n.link = link;
	if (from_fi) {
		n.kind = "loan.question";
		n.title = NOTE_QUESTION_TITLE;
		n.body = arena_printf(a, "%s 就信贷申请 %s 给您留言，请在申请页面查看并回复。",
		    c->l->fi_name, c->l->number);
		n.sms = true;
		if (n.body == NULL)
			return ERR_NOMEM;
		return inbox_add_org(db, "enterprise", ent_id, &n, NULL);
	}
	n.kind = "loan.answer";
	n.title = NOTE_ANSWER_TITLE;
	n.body = arena_printf(a, "%s 在信贷申请 %s 中回复了留言，请在申请页面查看。",
	    c->l->ent_name, c->l->number);
	if (n.body == NULL)
		return ERR_NOMEM;
	if (officer_id > 0)
		return inbox_add(db, officer_id, &n, NULL);
	return inbox_add_org(db, "fi", fi_id, &n, NULL);
}

static enum err
post_body(struct db *db, struct arena *a, void *arg)
{
	struct post_ctx		*c = arg;
	struct db_param		 lp[] = { DB_INT(c->l->id) };
	struct db_rows		*rows;
	struct loan		 now;
	long long		 officer_id = 0, org_id;
	unsigned long long	 newid = 0;
	enum loan_msg_may	 may;
	bool			 from_fi;
	enum err		 rc;
	char			 oid[24];
	int			 n, k;

	if ((rc = db_query(db, a, &mod, STMT_M_LOCK, lp, 1, &rows)) != ERR_OK)
		return rc;
	if ((n = db_next(rows)) == 1) {
		now = *c->l;
		k = loan_status_parse(db_col_str(rows, 0));
		now.status = k < 0 ? LS_EXPIRED : (enum loan_status)k;
		now.fi_id = db_col_int(rows, 1);
		now.enterprise_id = db_col_int(rows, 2);
		officer_id = db_col_int(rows, 3);
	}
	db_rows_free(rows);
	if (n != 1)
		return n == 0 ? ERR_NOTFOUND : db_rows_error(db);
	/* released or taken by another FI since the page was read */
	if (now.fi_id != c->l->fi_id || now.enterprise_id != c->l->enterprise_id)
		return ERR_CONFLICT;
	if ((may = loan_msg_may_post(&now, c->sc)) == LM_NOT_PARTY)
		return ERR_FORBIDDEN;
	if (may != LM_MAY)
		return ERR_CONFLICT;
	from_fi = strcmp(loan_scope_mode(c->sc), "fi") == 0;
	org_id = from_fi ? now.fi_id : now.enterprise_id;
	{
		struct db_param p[] = { DB_INT(now.id), DB_INT(now.fi_id),
		    DB_INT(c->actor->user_id), DB_STR(from_fi ? "fi" : "enterprise"),
		    DB_INT(org_id), DB_STR(c->body) };

		if ((rc = db_exec(db, &mod, STMT_M_INSERT, p, 6, NULL, &newid)) != ERR_OK)
			return rc;
	}
	c->id = (long long)newid;
	for (size_t i = 0; i < c->nfiles; i++)
		if ((rc = files_insert(db, LOAN_MSG_OWNER, c->id, c->actor->user_id,
		    &c->files[i], NULL)) != ERR_OK)
			return rc;
	if ((rc = notify(db, a, c, from_fi, now.enterprise_id, now.fi_id,
	    officer_id)) != ERR_OK)
		return rc;
	snprintf(oid, sizeof oid, "%lld", now.id);
	return audit_write(db, c->actor, "loan.message", "loan", oid, AUDIT_OK,
	    arena_printf(a, "%s message %lld from %s %lld: %zu characters, %zu files",
	    now.number, c->id, from_fi ? "fi" : "enterprise", org_id,
	    utf8_len(c->body, strlen(c->body)), c->nfiles));
}

enum err
loan_msg_post(struct db *db, const struct audit_actor *actor,
    const struct scope *sc, const struct loan *l, const char *body,
    const struct files_in *files, size_t nfiles, long long *id)
{
	struct post_ctx	c = { actor, sc, l, body, files, nfiles, 0 };
	size_t		len;
	enum err	rc;

	if (id != NULL)
		*id = 0;
	if (body == NULL || (len = strlen(body)) == 0 || !utf8_valid(body, len) ||
	    utf8_len(body, len) > LOAN_MSG_BODY_MAX || nfiles > LOAN_MSG_FILES_MAX ||
	    (nfiles > 0 && files == NULL))
		return ERR_INVAL;
	if ((rc = db_tx(db, 2048, post_body, &c)) == ERR_OK && id != NULL)
		*id = c.id;
	return rc;
}
