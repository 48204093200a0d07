/*
 * inbox.c -- in-site notices and their SMS (see inbox.h).
 */
#include <stdio.h>
#include <string.h>

#include "core/log.h"
#include "core/utf8.h"
#include "crypto/seal.h"
#include "accounts/inbox.h"

enum {
	STMT_INBOX_INSERT,
	STMT_INBOX_ORG_USERS,
	STMT_INBOX_COUNT,
	STMT_INBOX_PAGE,
	STMT_INBOX_GET,
	STMT_INBOX_UNREAD,
	STMT_INBOX_READ,
	STMT_INBOX_READ_ALL,
	STMT_INBOX_SMS_ROW,
	STMT_INBOX_SMS_SENT,
	STMT_INBOX_SMS_FAILED,
	STMT_INBOX__MAX
};

#define ITEM_COLS \
	"id, kind, title, body, link, created_at, read_at"

static const char *const sql[STMT_INBOX__MAX] = {
	[STMT_INBOX_INSERT] =
	    "INSERT INTO inbox (user_id, kind, title, body, link, sms)"
	    " VALUES (?, ?, ?, ?, ?, ?)",
	[STMT_INBOX_ORG_USERS] =
	    "SELECT id FROM users WHERE org_kind = ? AND org_id = ?"
	    " AND status NOT IN ('revoked', 'pending') ORDER BY id",
	[STMT_INBOX_COUNT] = "SELECT COUNT(*) FROM inbox WHERE user_id = ?",
	[STMT_INBOX_PAGE] =
	    "SELECT " ITEM_COLS " FROM inbox WHERE user_id = ?"
	    " ORDER BY id DESC LIMIT ? OFFSET ?",
	[STMT_INBOX_GET] =
	    "SELECT " ITEM_COLS " FROM inbox WHERE id = ? AND user_id = ?",
	/* an index range of at most the cap: cheap on every page */
	[STMT_INBOX_UNREAD] =
	    "SELECT COUNT(*) FROM (SELECT 1 FROM inbox WHERE user_id = ?"
	    " AND read_at IS NULL LIMIT " "100" ") t",
	[STMT_INBOX_READ] =
	    "UPDATE inbox SET read_at = UTC_TIMESTAMP()"
	    " WHERE id = ? AND user_id = ? AND read_at IS NULL",
	[STMT_INBOX_READ_ALL] =
	    "UPDATE inbox SET read_at = UTC_TIMESTAMP()"
	    " WHERE user_id = ? AND read_at IS NULL",
	[STMT_INBOX_SMS_ROW] =
	    "SELECT i.title, u.role, u.mobile_enc, u.contact_enc FROM inbox i"
	    " JOIN users u ON u.id = i.user_id WHERE i.id = ? AND i.sms = 'pending'",
	[STMT_INBOX_SMS_SENT] =
	    "UPDATE inbox SET sms = 'sent', sms_error = NULL WHERE id = ?",
	[STMT_INBOX_SMS_FAILED] =
	    "UPDATE inbox SET sms = 'failed', sms_error = ? WHERE id = ?",
};
_Static_assert(INBOX_UNREAD_CAP == 100, "the cap is spelled in STMT_INBOX_UNREAD");

static const struct db_module mod = { DBM_INBOX, STMT_INBOX__MAX, sql };

bool
inbox_link_valid(const char *s)
{
	if (s == NULL || *s == '\0')
		return true;
	if (s[0] != '/' || s[1] == '/' || strlen(s) > INBOX_LINK_MAX)
		return false;
	for (const unsigned char *p = (const unsigned char *)s; *p != '\0'; p++)
		if (*p <= 0x20 || *p == 0x7f || *p == '\\' || *p >= 0x80)
			return false;
	return true;
}

bool
inbox_kind_valid(const char *s)
{
	size_t n = s != NULL ? strlen(s) : 0;

	return n > 0 && n <= INBOX_KIND_MAX &&
	    strspn(s, "abcdefghijklmnopqrstuvwxyz0123456789_.") == n;
}

static bool
text_ok(const char *s, size_t min, size_t max)
{
	size_t n = s != NULL ? strlen(s) : 0;

	if (n == 0)
		return min == 0;
	if (!utf8_valid(s, n) || memchr(s, '\0', n) != NULL)
		return false;
	n = utf8_len(s, n);
	return n >= min && n <= max;
}

const char *
inbox_note_check(const struct inbox_note *n)
{
	if (n == NULL || !inbox_kind_valid(n->kind))
		return "kind";
	if (!text_ok(n->title, 1, INBOX_TITLE_MAX))
		return "title";
	if (!text_ok(n->body, 0, INBOX_BODY_MAX))
		return "body";
	if (!inbox_link_valid(n->link))
		return "link";
	return NULL;
}

/*
 * Notices whose SMS waits for the end of the request.  An event tells a
 * handful of people; a queue that is full leaves the rest 'pending'
 * (logged), never blocks the event.
 */
#define INBOX_SMS_QUEUE 32
static unsigned long long sms_queue[INBOX_SMS_QUEUE];
static size_t sms_queued;

void
inbox_sms_forget(void)
{
	sms_queued = 0;
}

enum err
inbox_add(struct db *db, long long user_id, const struct inbox_note *n,
    long long *id)
{
	unsigned long long	 nid = 0;
	enum err		 rc;

	if (user_id <= 0 || inbox_note_check(n) != NULL)
		return ERR_INVAL;
	{
		struct db_param p[] = {
			DB_INT(user_id), DB_STR(n->kind), DB_STR(n->title),
			DB_STR(n->body != NULL ? n->body : ""),
			DB_STR(n->link != NULL ? n->link : ""),
			DB_STR(n->sms ? "pending" : "none"),
		};

		if ((rc = db_exec(db, &mod, STMT_INBOX_INSERT, p, 6, NULL, &nid)) != ERR_OK)
			return rc;
	}
	if (n->sms) {
		if (sms_queued < INBOX_SMS_QUEUE)
			sms_queue[sms_queued++] = nid;
		else
			log_warn("inbox: SMS queue full, notice %llu stays pending", nid);
	}
	if (id != NULL)
		*id = (long long)nid;
	return ERR_OK;
}

enum err
inbox_add_org(struct db *db, const char *org_kind, long long org_id,
    const struct inbox_note *n, size_t *count)
{
	struct arena	*a;
	struct db_rows	*rows;
	long long	*ids = NULL;
	size_t		 k = 0, cap = 0;
	enum err	 rc;
	int		 r;

	if (count != NULL)
		*count = 0;
	if (org_kind == NULL || org_id <= 0 || inbox_note_check(n) != NULL)
		return ERR_INVAL;
	if ((a = arena_new(1024)) == NULL)
		return ERR_NOMEM;
	{
		struct db_param p[] = { DB_STR(org_kind), DB_INT(org_id) };

		if ((rc = db_query(db, a, &mod, STMT_INBOX_ORG_USERS, p, 2, &rows)) != ERR_OK)
			goto out;
	}
	/* read them all before inserting: one statement at a time */
	while ((r = db_next(rows)) == 1) {
		if (k == cap) {
			long long *nv = arena_alloc(a, (cap ? cap * 2 : 8) * sizeof *nv);

			if (nv == NULL) {
				db_rows_free(rows);
				rc = ERR_NOMEM;
				goto out;
			}
			if (k > 0)
				memcpy(nv, ids, k * sizeof *ids);
			ids = nv;
			cap = cap ? cap * 2 : 8;
		}
		ids[k++] = db_col_int(rows, 0);
	}
	db_rows_free(rows);
	if (r == -1) {
		rc = db_rows_error(db);
		goto out;
	}
	for (size_t i = 0; i < k; i++)
		if ((rc = inbox_add(db, ids[i], n, NULL)) != ERR_OK)
			goto out;
	if (count != NULL)
		*count = k;
	rc = ERR_OK;
out:
	arena_free(a);
	return rc;
}

static void
fill_item(const struct db_rows *rows, struct arena *a, void *elem)
{
	struct inbox_item *it = elem;

	it->id = db_col_int(rows, 0);
	it->kind = db_col_text(rows, a, 1);
	it->title = db_col_text(rows, a, 2);
	it->body = db_col_text(rows, a, 3);
	it->link = db_col_text(rows, a, 4);
	it->created_at = db_col_text(rows, a, 5);
	it->read_at = db_col_null(rows, 6) ? NULL : db_col_text(rows, a, 6);
}

enum err
inbox_list(struct db *db, struct arena *a, long long user_id, long long offset,
    long long per, struct inbox_list *out)
{
	struct db_rows	*rows;
	void		*v = NULL;
	enum err	 rc;

	memset(out, 0, sizeof *out);
	{
		struct db_param p[] = { DB_INT(user_id) };

		if ((rc = db_query(db, a, &mod, STMT_INBOX_COUNT, p, 1, &rows)) != ERR_OK)
			return rc;
		if (db_next(rows) == 1)
			out->total = db_col_int(rows, 0);
		db_rows_free(rows);
	}
	{
		struct db_param p[] = { DB_INT(user_id), DB_INT(per), DB_INT(offset) };

		rc = db_query_list(db, a, &mod, STMT_INBOX_PAGE, p, 3,
		    sizeof(struct inbox_item), fill_item, &v, &out->n);
	}
	out->v = v;
	return rc;
}

enum err
inbox_get(struct db *db, struct arena *a, long long user_id, long long id,
    struct inbox_item *out)
{
	struct db_param	 p[] = { DB_INT(id), DB_INT(user_id) };
	void		*v = NULL;
	size_t		 n = 0;
	enum err	 rc;

	memset(out, 0, sizeof *out);
	if ((rc = db_query_list(db, a, &mod, STMT_INBOX_GET, p, 2,
	    sizeof(struct inbox_item), fill_item, &v, &n)) != ERR_OK)
		return rc;
	if (n != 1)
		return ERR_NOTFOUND;
	*out = *(struct inbox_item *)v;
	return ERR_OK;
}

enum err
inbox_unread(struct db *db, long long user_id, long long *n)
{
	struct db_param	 p[] = { DB_INT(user_id) };
	struct arena	*a;
	struct db_rows	*rows;
	enum err	 rc;

	*n = 0;
	if ((a = arena_new(256)) == NULL)
		return ERR_NOMEM;
	if ((rc = db_query(db, a, &mod, STMT_INBOX_UNREAD, p, 1, &rows)) == ERR_OK) {
		if (db_next(rows) == 1)
			*n = db_col_int(rows, 0);
		db_rows_free(rows);
	}
	arena_free(a);
	return rc;
}

struct read_ctx {
	const struct audit_actor	*actor;
	long long			 id;	/* 0: all */
	unsigned long long		 changed;
	bool				 found;
};

static enum err
read_tx(struct db *db, struct arena *scratch, void *vctx)
{
	struct read_ctx	*c = vctx;
	long long	 uid = c->actor->user_id;
	enum err	 rc;
	char		 oid[24], detail[48];

	if (c->id > 0) {
		struct db_param	 p[] = { DB_INT(c->id), DB_INT(uid) };
		struct db_rows	*rows;

		/* the recipient is in the WHERE: anyone else's is not found */
		if ((rc = db_query(db, scratch, &mod, STMT_INBOX_GET, p, 2, &rows)) != ERR_OK)
			return rc;
		c->found = db_next(rows) == 1;
		db_rows_free(rows);
		if (!c->found)
			return ERR_NOTFOUND;
		if ((rc = db_exec(db, &mod, STMT_INBOX_READ, p, 2, &c->changed,
		    NULL)) != ERR_OK)
			return rc;
		if (c->changed == 0)
			return ERR_OK;
		snprintf(oid, sizeof oid, "%lld", c->id);
		return audit_write(db, c->actor, "inbox.read", "inbox", oid,
		    AUDIT_OK, NULL);
	}
	{
		struct db_param p[] = { DB_INT(uid) };

		if ((rc = db_exec(db, &mod, STMT_INBOX_READ_ALL, p, 1, &c->changed,
		    NULL)) != ERR_OK)
			return rc;
	}
	if (c->changed == 0)
		return ERR_OK;
	snprintf(oid, sizeof oid, "%lld", uid);
	snprintf(detail, sizeof detail, "%llu notices", c->changed);
	return audit_write(db, c->actor, "inbox.read_all", "user", oid, AUDIT_OK,
	    detail);
}

enum err
inbox_mark_read(struct db *db, const struct audit_actor *actor, long long id)
{
	struct read_ctx c = { actor, id, 0, false };

	if (actor == NULL || actor->user_id <= 0 || id <= 0)
		return ERR_NOTFOUND;
	return db_tx(db, 512, read_tx, &c);
}

enum err
inbox_mark_all_read(struct db *db, const struct audit_actor *actor,
    size_t *count)
{
	struct read_ctx	 c = { actor, 0, 0, false };
	enum err	 rc;

	if (count != NULL)
		*count = 0;
	if (actor == NULL || actor->user_id <= 0)
		return ERR_INVAL;
	if ((rc = db_tx(db, 512, read_tx, &c)) == ERR_OK && count != NULL)
		*count = (size_t)c.changed;
	return rc;
}

/* An 11-digit mainland mobile number. */
static bool
is_mobile(const char *s)
{
	return s != NULL && strlen(s) == 11 && s[0] == '1' &&
	    strspn(s, "0123456789") == 11;
}

static void
sms_one(struct db *db, const struct sms_sender *sender,
    const unsigned char key[32], unsigned long long id)
{
	struct db_param	 p[] = { DB_INT((long long)id) };
	struct arena	*a = arena_new(1024);
	struct db_rows	*rows;
	const char	*mobile = NULL, *why = NULL;
	char		 text[512], err[256];
	int		 r;

	if (a == NULL)
		return;
	if (db_query(db, a, &mod, STMT_INBOX_SMS_ROW, p, 1, &rows) != ERR_OK)
		goto out;
	/* no row: the event rolled back, or another worker sent it */
	if ((r = db_next(rows)) != 1) {
		db_rows_free(rows);
		goto out;
	}
	snprintf(text, sizeof text, "【广东省中小微企业信用信息和融资对接平台】"
	    "您有一条新消息：%s。请登录平台查看。", db_col_str(rows, 0));
	if (strcmp(db_col_str(rows, 1), "enterprise") == 0)
		mobile = db_col_null(rows, 2) ? NULL :
		    open_text(a, key, "users.mobile", db_col_str(rows, 2));
	else
		mobile = db_col_null(rows, 3) ? NULL :
		    contact_open(a, "users.contact", db_col_str(rows, 3));
	db_rows_free(rows);
	if (!is_mobile(mobile))
		why = "no mobile number on record";
	else if (sms_deliver(sender, mobile, text, err, sizeof err) == -1)
		why = err;
	if (why != NULL) {
		struct db_param f[] = { DB_STR(why), DB_INT((long long)id) };

		log_error("inbox: SMS of notice %llu failed: %s", id, why);
		(void)db_exec(db, &mod, STMT_INBOX_SMS_FAILED, f, 2, NULL, NULL);
	} else
		(void)db_exec(db, &mod, STMT_INBOX_SMS_SENT, p, 1, NULL, NULL);
	if (mobile != NULL)
		explicit_bzero((char *)mobile, strlen(mobile));
out:
	arena_free(a);
}

size_t
inbox_sms_deliver(struct db *db, const struct sms_sender *sender,
    const unsigned char data_key[32])
{
	size_t n = sms_queued;

	/* a transaction the request left open was rolled back already
	 * (db_request_end): nothing queued here reads uncommitted rows */
	for (size_t i = 0; i < n; i++)
		sms_one(db, sender, data_key, sms_queue[i]);
	sms_queued = 0;
	return n;
}
