/*
 * sms.c -- verification codes: throttle, store, deliver, check.
 */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "db/audit.h"
#include "crypto/crypto.h"
#include "core/log.h"
#include "accounts/sms.h"

const struct sms_policy sms_default_policy = { 300, 5, 60, 10, 20 };

static const char *const purpose_names[SMS_PURPOSE__MAX] = {
	[SMS_REGISTER] = "register", [SMS_RESET] = "reset",
	[SMS_CONTACT] = "contact",
};

enum {
	STMT_SMS_COUNTS,
	STMT_SMS_ADDR_COUNT,
	STMT_SMS_INSERT,
	STMT_SMS_FAILED,
	STMT_SMS_SENT,
	STMT_SMS_LATEST,
	STMT_SMS_ATTEMPT,
	STMT_SMS_USE,
	STMT_SMS__MAX
};

static const char *const sql[STMT_SMS__MAX] = {
	[STMT_SMS_COUNTS] =
	    "SELECT COALESCE(TIMESTAMPDIFF(SECOND, MAX(created_at), UTC_TIMESTAMP()), -1),"
	    " COUNT(*) FROM sms_codes WHERE mobile_idx = ?"
	    " AND created_at > UTC_TIMESTAMP() - INTERVAL 1 DAY",
	[STMT_SMS_ADDR_COUNT] =
	    "SELECT COUNT(*) FROM sms_codes WHERE client_addr = ?"
	    " AND created_at > UTC_TIMESTAMP() - INTERVAL 1 HOUR",
	[STMT_SMS_INSERT] =
	    "INSERT INTO sms_codes (purpose, mobile_idx, code_hash, client_addr,"
	    " created_at, expires_at, delivery) VALUES (?, ?, ?, ?, UTC_TIMESTAMP(),"
	    " UTC_TIMESTAMP() + INTERVAL ? SECOND, ?)",
	[STMT_SMS_FAILED] =
	    "UPDATE sms_codes SET delivery = 'failed', delivery_error = ? WHERE id = ?",
	[STMT_SMS_SENT] = "UPDATE sms_codes SET delivery = 'sent' WHERE id = ?",
	[STMT_SMS_LATEST] =
	    "SELECT id, code_hash, attempts, used_at IS NULL AND expires_at > UTC_TIMESTAMP()"
	    " FROM sms_codes WHERE mobile_idx = ? AND purpose = ?"
	    " ORDER BY id DESC LIMIT 1 FOR UPDATE",
	[STMT_SMS_ATTEMPT] = "UPDATE sms_codes SET attempts = attempts + 1 WHERE id = ?",
	[STMT_SMS_USE] = "UPDATE sms_codes SET used_at = UTC_TIMESTAMP() WHERE id = ?",
};

static const struct db_module mod = { DBM_SMS, STMT_SMS__MAX, sql };

const char *
sms_may_send(const struct sms_policy *p, const struct sms_counts *c)
{
	if (c->since_last >= 0 && c->since_last < (long long)p->resend_gap)
		return "sms_wait";
	if (c->number_day >= p->per_number_day)
		return "sms_number_day";
	if (c->addr_hour >= p->per_addr_hour)
		return "sms_addr_hour";
	return NULL;
}

void
blind_index(const unsigned char key[32], const char *domain, const char *value,
    unsigned char out[32])
{
	char buf[512];
	int n = snprintf(buf, sizeof buf, "%s\x1f%s", domain, value);

	crypto_hmac_sha256(key, 32, buf, n < 0 ? 0 : (size_t)n, out);
	explicit_bzero(buf, sizeof buf);
}

static void
code_hash(const unsigned char key[32], enum sms_purpose p, const char *mobile,
    const char *code, unsigned char out[32])
{
	char buf[64];
	int n = snprintf(buf, sizeof buf, "sms\x1f%s\x1f%s\x1f%s",
	    purpose_names[p], mobile, code);

	crypto_hmac_sha256(key, 32, buf, n < 0 ? 0 : (size_t)n, out);
	explicit_bzero(buf, sizeof buf);
}

void
sms_text(enum sms_purpose p, const char *code, char *out, size_t len)
{
	snprintf(out, len, "【广东省中小微企业信用信息和融资对接平台】您的%s验证码为 %s，"
	    "5 分钟内有效。如非本人操作，请忽略本短信，切勿将验证码告诉他人。",
	    p == SMS_REGISTER ? "注册" : p == SMS_RESET ? "重置密码" : "更换手机号码",
	    code);
}

/* The file sender: one line "time mobile text", appended atomically. */
static int
deliver_file(const char *path, const char *mobile, const char *text,
    char *err, size_t errlen)
{
	char		line[1024];
	struct tm	tm;
	time_t		now = time(NULL);
	int		fd, n;

	gmtime_r(&now, &tm);
	n = snprintf(line, sizeof line, "%04d-%02d-%02dT%02d:%02d:%02dZ %s %s\n",
	    tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min,
	    tm.tm_sec, mobile, text);
	if (n < 0 || (size_t)n >= sizeof line) {
		snprintf(err, errlen, "message too long");
		return -1;
	}
	if ((fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0600)) == -1) {
		snprintf(err, errlen, "outbox: %s", strerror(errno));
		return -1;
	}
	if (write(fd, line, (size_t)n) != n) {
		snprintf(err, errlen, "outbox: short write");
		close(fd);
		return -1;
	}
	close(fd);
	return 0;
}

/*
 * The command sender: argv {cmd, mobile}, text on stdin, killed after
 * the timeout.  Exit status 0 means delivered.  The child holds no
 * descriptor of the worker (its FastCGI socket, the database connection,
 * log files): stdin is one pipe, stdout and stderr another, whose first
 * line becomes the error text; everything from 3 up is closed before
 * exec (close_range), whatever lacks O_CLOEXEC.
 */
static int
deliver_command(const char *cmd, unsigned timeout, const char *mobile,
    const char *text, char *err, size_t errlen)
{
	int	in[2], out[2], status;
	pid_t	pid;
	time_t	until = time(NULL) + (timeout ? timeout : 10);
	char	msg[256];
	size_t	got = 0;
	bool	eof = false;

	if (pipe2(in, O_CLOEXEC) == -1) {
		snprintf(err, errlen, "pipe: %s", strerror(errno));
		return -1;
	}
	if (pipe2(out, O_CLOEXEC) == -1) {
		snprintf(err, errlen, "pipe: %s", strerror(errno));
		close(in[0]);
		close(in[1]);
		return -1;
	}
	if ((pid = fork()) == -1) {
		snprintf(err, errlen, "fork: %s", strerror(errno));
		close(in[0]);
		close(in[1]);
		close(out[0]);
		close(out[1]);
		return -1;
	}
	if (pid == 0) {
		sigset_t none;

		sigemptyset(&none);
		sigprocmask(SIG_SETMASK, &none, NULL);
		signal(SIGPIPE, SIG_DFL);
		signal(SIGTERM, SIG_DFL);
		/* dup2 clears FD_CLOEXEC on the copies */
		if (dup2(in[0], STDIN_FILENO) == -1 ||
		    dup2(out[1], STDOUT_FILENO) == -1 ||
		    dup2(out[1], STDERR_FILENO) == -1)
			_exit(127);
		if (close_range(3, ~0U, 0) == -1)
			_exit(127);
		execl(cmd, cmd, mobile, (char *)NULL);
		_exit(127);
	}
	close(in[0]);
	close(out[1]);
	{
		size_t	len = strlen(text), off = 0;
		void	(*old)(int) = signal(SIGPIPE, SIG_IGN);

		while (off < len) {
			ssize_t w = write(in[1], text + off, len - off);

			if (w <= 0)
				break;
			off += (size_t)w;
		}
		signal(SIGPIPE, old);
	}
	close(in[1]);
	(void)fcntl(out[0], F_SETFL, O_NONBLOCK);
	for (;;) {
		pid_t r;

		/* Drain the output so a talkative sender never blocks. */
		while (!eof) {
			char	 buf[256];
			ssize_t	 n = read(out[0], buf, sizeof buf);

			if (n == 0)
				eof = true;
			if (n <= 0)
				break;
			if (got < sizeof msg - 1) {
				size_t k = (size_t)n < sizeof msg - 1 - got ?
				    (size_t)n : sizeof msg - 1 - got;

				memcpy(msg + got, buf, k);
				got += k;
			}
		}
		r = waitpid(pid, &status, WNOHANG);
		if (r == pid)
			break;
		if (r == -1 && errno != EINTR) {
			snprintf(err, errlen, "waitpid: %s", strerror(errno));
			close(out[0]);
			return -1;
		}
		if (time(NULL) >= until) {
			kill(pid, SIGKILL);
			waitpid(pid, &status, 0);
			close(out[0]);
			snprintf(err, errlen, "sender timed out after %u s", timeout);
			return -1;
		}
		poll(NULL, 0, 20);
	}
	/* What the sender wrote just before it exited is still in the pipe. */
	for (;;) {
		char	 buf[256];
		ssize_t	 n = read(out[0], buf, sizeof buf);
		size_t	 k;

		if (n <= 0)
			break;
		k = (size_t)n < sizeof msg - 1 - got ? (size_t)n : sizeof msg - 1 - got;
		memcpy(msg + got, buf, k);
		got += k;
	}
	close(out[0]);
	msg[got] = '\0';
	msg[strcspn(msg, "\r\n")] = '\0';
	if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
		snprintf(err, errlen, "sender failed (status %d)%s%.200s",
		    WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status),
		    msg[0] != '\0' ? ": " : "", msg);
		return -1;
	}
	return 0;
}

int
sms_deliver(const struct sms_sender *s, const char *mobile, const char *text,
    char *err, size_t errlen)
{
	if (s->path == NULL || *s->path == '\0') {
		snprintf(err, errlen, "no SMS sender configured");
		return -1;
	}
	if (s->kind == SMS_SENDER_FILE)
		return deliver_file(s->path, mobile, text, err, errlen);
	return deliver_command(s->path, s->timeout, mobile, text, err, errlen);
}

/*
 * Messages waiting for the end of the request (sms_deliver_queued).  A
 * request sends at most one code; the room for a few more only spares a
 * caller that sends several from waiting for each.
 */
#define SMS_QUEUE 4
static struct queued {
	unsigned long long	 id;
	struct sms_sender	 sender;	/* its strings live as long as the config */
	char			 mobile[16];
	char			 text[512];
} queue[SMS_QUEUE];
static size_t queued_n;

/* Delivers one message and records the outcome on its row. */
static void
deliver_one(struct db *db, struct queued *q)
{
	char err[256];

	if (sms_deliver(&q->sender, q->mobile, q->text, err, sizeof err) == -1) {
		struct db_param p[] = { DB_STR(err), DB_INT((long long)q->id) };

		log_error("sms: delivery failed: %s", err);
		(void)db_exec(db, &mod, STMT_SMS_FAILED, p, 2, NULL, NULL);
	} else {
		struct db_param p[] = { DB_INT((long long)q->id) };

		(void)db_exec(db, &mod, STMT_SMS_SENT, p, 1, NULL, NULL);
	}
	explicit_bzero(q, sizeof *q);
}

size_t
sms_deliver_queued(struct db *db)
{
	size_t n = queued_n;

	for (size_t i = 0; i < n; i++)
		deliver_one(db, &queue[i]);
	queued_n = 0;
	return n;
}

/* What the code's row and its audit row need; the row's id back. */
struct sstore {
	const struct audit_actor	*actor;
	const struct db_param		*p;
	const char			*detail;
	unsigned long long		 id;
};

static enum err
store_body(struct db *db, struct arena *a, void *ctx)
{
	struct sstore	*t = ctx;
	char		 oid[24];
	enum err	 rc;

	(void)a;
	if ((rc = db_exec(db, &mod, STMT_SMS_INSERT, t->p, 6, NULL, &t->id)) != ERR_OK)
		return rc;
	snprintf(oid, sizeof oid, "%llu", t->id);
	return audit_write(db, t->actor, "sms.send", "sms_code", oid, AUDIT_OK,
	    t->detail);
}

enum err
sms_send_code(struct db *db, const unsigned char key[32],
    const struct sms_policy *pol, const struct sms_sender *sender,
    const struct audit_actor *actor, enum sms_purpose purpose,
    const char *mobile, bool deliver, const char **why)
{
	const char		*addr = actor->client_addr;
	struct arena		*a = arena_new(1024);
	struct db_rows		*rows;
	struct sms_counts	 c = { -1, 0, 0 };
	unsigned char		 idx[32], hash[32], rnd[4];
	unsigned long long	 id = 0;
	char			 code[8];
	enum err		 rc;

	*why = NULL;
	if (a == NULL)
		return ERR_NOMEM;
	blind_index(key, "mobile", mobile, idx);
	{
		struct db_param p[] = { DB_STRN((const char *)idx, 32) };

		if ((rc = db_query(db, a, &mod, STMT_SMS_COUNTS, p, 1, &rows)) != ERR_OK)
			goto out;
		if (db_next(rows) == 1) {
			c.since_last = db_col_int(rows, 0);
			c.number_day = (unsigned)db_col_int(rows, 1);
		}
		db_rows_free(rows);
	}
	{
		struct db_param p[] = { DB_STR(addr != NULL ? addr : "") };

		if ((rc = db_query(db, a, &mod, STMT_SMS_ADDR_COUNT, p, 1, &rows)) != ERR_OK)
			goto out;
		if (db_next(rows) == 1)
			c.addr_hour = (unsigned)db_col_int(rows, 0);
		db_rows_free(rows);
	}
	if ((*why = sms_may_send(pol, &c)) != NULL) {
		rc = audit_write1(db, actor, "sms.send", "sms_code", "", AUDIT_DENIED,
		    *why);
		goto out;
	}
	crypto_random(rnd, sizeof rnd);
	snprintf(code, sizeof code, "%06u",
	    (((unsigned)rnd[0] << 24 | (unsigned)rnd[1] << 16 | (unsigned)rnd[2] << 8 |
	    rnd[3]) % 1000000u));
	code_hash(key, purpose, mobile, code, hash);
	if (!deliver)	/* a stored hash no code of six digits can match */
		crypto_random(hash, sizeof hash);
	{
		struct db_param p[] = {
			DB_STR(purpose_names[purpose]), DB_STRN((const char *)idx, 32),
			DB_STRN((const char *)hash, 32), DB_STR(addr != NULL ? addr : ""),
			DB_INT(pol->ttl), DB_STR(deliver ? "pending" : "none"),
		};
		char detail[64];
		struct sstore t = { actor, p, detail, 0 };

		/* The row and its audit row in one transaction; the mobile
		 * only as the row's blind index. */
		snprintf(detail, sizeof detail, "purpose=%s", purpose_names[purpose]);
		if ((rc = db_tx(db, 0, store_body, &t)) != ERR_OK)
			goto out;
		id = t.id;
	}
	if (!deliver)
		goto out;
	/* Delivery happens after the row is stored (a code is never sent
	 * that the server does not know) and after the answer: the worker
	 * calls sms_deliver_queued once the response is finished, so the
	 * answer for a real pair takes no longer than for an unknown one. */
	{
		struct queued	 one, *q = queued_n < SMS_QUEUE ? &queue[queued_n] : &one;

		q->id = id;
		q->sender = *sender;
		snprintf(q->mobile, sizeof q->mobile, "%s", mobile);
		sms_text(purpose, code, q->text, sizeof q->text);
		if (q == &one)		/* no room: deliver now rather than lose it */
			deliver_one(db, q);
		else
			queued_n++;
	}
out:
	explicit_bzero(code, sizeof code);
	explicit_bzero(hash, sizeof hash);
	arena_free(a);
	return rc;
}

/* What the check's transaction needs and tells back (sms_check_code's
 * result). */
struct scheck {
	const unsigned char		*key;
	const struct sms_policy		*pol;
	const struct audit_actor	*actor;
	enum sms_purpose		 purpose;
	const char			*mobile, *code;
	int				 result;
};

/* The latest code of the mobile and purpose, spent or its attempt
 * counted, with the audit row.  A result of -1 (none live) writes
 * nothing. */
static enum err
check_body(struct db *db, struct arena *a, void *ctx)
{
	struct scheck	*c = ctx;
	struct db_rows	*rows;
	unsigned char	 idx[32], want[32], have[32];
	long long	 id, attempts;
	bool		 live;
	enum err	 rc;
	int		 n;

	blind_index(c->key, "mobile", c->mobile, idx);
	{
		struct db_param p[] = { DB_STRN((const char *)idx, 32),
		    DB_STR(purpose_names[c->purpose]) };

		if ((rc = db_query(db, a, &mod, STMT_SMS_LATEST, p, 2, &rows)) != ERR_OK)
			return rc;
	}
	if ((n = db_next(rows)) != 1) {
		db_rows_free(rows);
		if (n == 0) {
			c->result = -1;
			return ERR_OK;
		}
		return db_rows_error(db);
	}
	id = db_col_int(rows, 0);
	memcpy(have, db_col_str(rows, 1), 32);
	attempts = db_col_int(rows, 2);
	live = db_col_int(rows, 3) != 0;
	db_rows_free(rows);
	if (!live || attempts >= c->pol->max_attempts) {
		c->result = -1;
		return ERR_OK;
	}
	code_hash(c->key, c->purpose, c->mobile, c->code, want);
	{
		struct db_param p[] = { DB_INT(id) };
		bool right = strlen(c->code) == 6 && crypto_equal(want, have, 32);
		char oid[24], detail[64];

		snprintf(oid, sizeof oid, "%lld", id);
		snprintf(detail, sizeof detail, "purpose=%s%s",
		    purpose_names[c->purpose], right ? "" : " wrong code");
		if ((rc = db_exec(db, &mod, right ? STMT_SMS_USE : STMT_SMS_ATTEMPT,
		    p, 1, NULL, NULL)) != ERR_OK ||
		    (rc = audit_write(db, c->actor, "sms.check", "sms_code", oid,
		    right ? AUDIT_OK : AUDIT_FAILED, detail)) != ERR_OK)
			return rc;
		c->result = right ? 1 : 0;
	}
	return ERR_OK;
}

int
sms_check_code(struct db *db, const unsigned char key[32],
    const struct sms_policy *pol, const struct audit_actor *actor,
    enum sms_purpose purpose, const char *mobile, const char *code)
{
	struct scheck	 c = { key, pol, actor, purpose, mobile, code, -2 };

	if (db_tx(db, 1024, check_body, &c) != ERR_OK)
		return -2;
	return c.result;
}
