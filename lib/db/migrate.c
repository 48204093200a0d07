/*
 * migrate.c -- apply schema/NNN_*.sql in order, once, with checksums.
 */
#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <openssl/evp.h>

#include "db/migrate.h"
#include "crypto/seal.h"

#define MIGRATIONS_MAX 1000
#define SCRIPT_MAX (8 * 1024 * 1024)

enum {
	STMT_MIG_CREATE,
	STMT_MIG_LIST,
	STMT_MIG_RECORD,
	STMT_MIG_PLAIN_USERS,
	STMT_MIG_SEAL_USERS,
	STMT_MIG_PLAIN_AGENCIES,
	STMT_MIG_SEAL_AGENCIES,
	STMT_MIG_PLAIN_FORMS,
	STMT_MIG_SEAL_FORMS,
	STMT_MIG_PLAIN_LINES,
	STMT_MIG_SEAL_LINES,
	STMT_MIG__MAX
};

static const char *const mig_sql[STMT_MIG__MAX] = {
	[STMT_MIG_CREATE] =
	    "CREATE TABLE IF NOT EXISTS schema_migrations ("
	    " version INT UNSIGNED NOT NULL PRIMARY KEY,"
	    " name VARCHAR(200) NOT NULL,"
	    " checksum CHAR(64) NOT NULL,"
	    " applied_at DATETIME NOT NULL DEFAULT UTC_TIMESTAMP()"
	    ") ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci",
	[STMT_MIG_LIST] =
	    "SELECT version, name, checksum FROM schema_migrations ORDER BY version",
	[STMT_MIG_RECORD] =
	    "INSERT INTO schema_migrations (version, name, checksum) VALUES (?, ?, ?)",
	/*
	 * Contacts older versions wrote in plain (015_contacts_sealed.sql),
	 * sealed before 018_drop_plain_contacts.sql drops their columns:
	 * each PLAIN statement returns a batch as (key 1, key 2, text), its
	 * SEAL statement takes (sealed, key 1, key 2, text) and empties the
	 * plain column unless it changed meanwhile.
	 */
	[STMT_MIG_PLAIN_USERS] =
	    "SELECT id, 0, contact FROM users WHERE contact <> '' LIMIT 500",
	[STMT_MIG_SEAL_USERS] =
	    "UPDATE users SET contact_enc = ?, contact = ''"
	    " WHERE id = ? AND 0 = ? AND contact = ?",
	[STMT_MIG_PLAIN_AGENCIES] =
	    "SELECT id, 0, net_contact FROM agencies WHERE net_contact <> '' LIMIT 500",
	[STMT_MIG_SEAL_AGENCIES] =
	    "UPDATE agencies SET net_contact_enc = ?, net_contact = ''"
	    " WHERE id = ? AND 0 = ? AND net_contact = ?",
	[STMT_MIG_PLAIN_FORMS] =
	    "SELECT id, 0, net_contact FROM agency_forms WHERE net_contact <> ''"
	    " LIMIT 500",
	[STMT_MIG_SEAL_FORMS] =
	    "UPDATE agency_forms SET net_contact_enc = ?, net_contact = ''"
	    " WHERE id = ? AND 0 = ? AND net_contact = ?",
	[STMT_MIG_PLAIN_LINES] =
	    "SELECT form_id, seq, contact FROM agency_form_lines WHERE contact <> ''"
	    " LIMIT 500",
	[STMT_MIG_SEAL_LINES] =
	    "UPDATE agency_form_lines SET contact_enc = ?, contact = ''"
	    " WHERE form_id = ? AND seq = ? AND contact = ?",
};

/* 018_drop_plain_contacts.sql: the plain columns the PLAIN/SEAL pairs read */
#define MIG_DROP_PLAIN	18

static const struct db_module tab = { DBM_MIGRATE, STMT_MIG__MAX, mig_sql };

struct mig {
	unsigned	 version;
	char		*name;
	char		 sum[65];
	char		*text;
	size_t		 len;
};

void
sha256_hex(const void *buf, size_t n, char hex[65])
{
	unsigned char	md[32];
	unsigned	mdlen = 0;

	EVP_Digest(buf, n, md, &mdlen, EVP_sha256(), NULL);
	for (unsigned i = 0; i < 32; i++)
		snprintf(hex + 2 * i, 3, "%02x", md[i]);
	hex[64] = '\0';
}

static char *
read_file(const char *path, size_t *len)
{
	struct stat	 st;
	char		*buf;
	int		 fd;
	ssize_t		 r;
	size_t		 got = 0;

	if ((fd = open(path, O_RDONLY | O_CLOEXEC)) == -1)
		return NULL;
	if (fstat(fd, &st) == -1 || st.st_size > SCRIPT_MAX ||
	    (buf = malloc((size_t)st.st_size + 1)) == NULL) {
		close(fd);
		return NULL;
	}
	while (got < (size_t)st.st_size &&
	    (r = read(fd, buf + got, (size_t)st.st_size - got)) > 0)
		got += (size_t)r;
	close(fd);
	buf[got] = '\0';
	*len = got;
	return buf;
}

/* "NNN_name.sql" with NNN all digits; version out, or -1. */
static int
parse_name(const char *n, unsigned *version)
{
	size_t	len = strlen(n), i;
	unsigned v = 0;

	if (len < 9 || strcmp(n + len - 4, ".sql") != 0)
		return -1;
	for (i = 0; i < 3; i++) {
		if (!isdigit((unsigned char)n[i]))
			return -1;
		v = v * 10 + (unsigned)(n[i] - '0');
	}
	if (n[3] != '_' || v == 0)
		return -1;
	for (i = 4; i < len - 4; i++)
		if (!isalnum((unsigned char)n[i]) && n[i] != '_')
			return -1;
	*version = v;
	return 0;
}

static int
mig_cmp(const void *a, const void *b)
{
	const struct mig *x = a, *y = b;

	return x->version < y->version ? -1 : x->version > y->version;
}

static bool
plain_ident(const char *s)
{
	if (*s == '\0' || strlen(s) > 64)
		return false;
	for (; *s; s++)
		if (!isalnum((unsigned char)*s) && *s != '_' && *s != '.' && *s != '-')
			return false;
	return true;
}

/* grants.sql with @APP@ and @DB@ replaced; NULL on bad names or OOM. */
static char *
grants_text(const struct config *cfg, const char *tmpl)
{
	char	 app[200];
	size_t	 cap, n = 0;
	char	*out;

	if (!plain_ident(cfg->db.user) || !plain_ident(cfg->db.app_host) ||
	    !plain_ident(cfg->db.name))
		return NULL;
	snprintf(app, sizeof app, "'%s'@'%s'", cfg->db.user, cfg->db.app_host);
	cap = strlen(tmpl) * 4 + 1024;
	if ((out = malloc(cap)) == NULL)
		return NULL;
	for (const char *p = tmpl; *p; ) {
		const char *rep = NULL;
		size_t skip = 0;

		if (strncmp(p, "@APP@", 5) == 0)
			rep = app, skip = 5;
		else if (strncmp(p, "@DB@", 4) == 0)
			rep = cfg->db.name, skip = 4;
		if (rep != NULL) {
			size_t l = strlen(rep);
			if (n + l + 1 >= cap)
				break;
			memcpy(out + n, rep, l);
			n += l;
			p += skip;
		} else {
			if (n + 2 >= cap)
				break;
			out[n++] = *p++;
		}
	}
	out[n] = '\0';
	return out;
}

/* One batch of plain values of a PLAIN/SEAL pair sealed in a transaction;
 * *n: how many.  The AAD is the column, as the application's (seal.h). */
static enum err
seal_batch(struct db *db, const struct config *cfg, int plain, const char *aad,
    size_t *n)
{
	struct arena	*a = arena_new(4096);
	struct db_rows	*rows;
	struct {
		long long	 k1, k2;
		char		*text, *enc;
	}		 v[500];
	enum err	 rc;
	int		 r;

	*n = 0;
	if (a == NULL)
		return ERR_NOMEM;
	if ((rc = db_begin(db)) != ERR_OK)
		goto out;
	if ((rc = db_query(db, a, &tab, plain, NULL, 0, &rows)) != ERR_OK)
		goto rollback;
	while (*n < 500 && (r = db_next(rows)) == 1) {
		v[*n].k1 = db_col_int(rows, 0);
		v[*n].k2 = db_col_int(rows, 1);
		if ((v[*n].text = db_col_dup(rows, a, 2)) == NULL ||
		    (v[*n].enc = seal_text(a, cfg->data_key, aad, v[*n].text)) == NULL) {
			db_rows_free(rows);
			rc = ERR_NOMEM;
			goto rollback;
		}
		(*n)++;
	}
	db_rows_free(rows);
	for (size_t i = 0; i < *n; i++) {
		struct db_param p[] = { DB_STR(v[i].enc), DB_INT(v[i].k1),
		    DB_INT(v[i].k2), DB_STR(v[i].text) };

		if ((rc = db_exec(db, &tab, plain + 1, p, 4, NULL, NULL)) != ERR_OK)
			goto rollback;
		explicit_bzero(v[i].text, strlen(v[i].text));
	}
	rc = db_commit(db);
	goto out;
rollback:
	db_rollback(db);
	*n = 0;
out:
	arena_free(a);
	return rc;
}

/*
 * Seals the contacts older versions kept in plain (R-09.4): every
 * non-empty plain contact column gets its value sealed into its *_enc
 * column and is emptied, in batches of one transaction each.  Run just
 * before MIG_DROP_PLAIN drops those columns (so only on a database that
 * still has them).  Without Keys it refuses (ERR_CONFIG) when a plain
 * value is left, rather than let the drop lose it.
 */
static enum err
seal_plain_contacts(struct db *db, const struct config *cfg, FILE *out)
{
	static const struct {
		int		 plain;
		const char	*aad;
	} col[] = {
		{ STMT_MIG_PLAIN_USERS, "users.contact" },
		{ STMT_MIG_PLAIN_AGENCIES, "agencies.net_contact" },
		{ STMT_MIG_PLAIN_FORMS, "agency_forms.net_contact" },
		{ STMT_MIG_PLAIN_LINES, "agency_form_lines.contact" },
	};
	enum err	 rc;

	if (!cfg->have_keys) {
		for (size_t c = 0; c < sizeof col / sizeof col[0]; c++) {
			struct arena	*a = arena_new(1024);
			struct db_rows	*rows;
			int		 r = -1;

			if (a == NULL)
				return ERR_NOMEM;
			if ((rc = db_query(db, a, &tab, col[c].plain, NULL, 0,
			    &rows)) == ERR_OK) {
				r = db_next(rows);
				db_rows_free(rows);
			}
			arena_free(a);
			if (rc != ERR_OK || r == -1)
				return rc != ERR_OK ? rc : ERR_DB;
			if (r == 1) {
				fprintf(out, "migrate: no Keys in the secrets file: "
				    "%s holds plain contacts that must be sealed "
				    "before the plain columns are dropped\n",
				    col[c].aad);
				return ERR_CONFIG;
			}
		}
		return ERR_OK;
	}
	for (size_t c = 0; c < sizeof col / sizeof col[0]; c++) {
		size_t	 n, total = 0;

		do {
			if ((rc = seal_batch(db, cfg, col[c].plain, col[c].aad,
			    &n)) != ERR_OK) {
				fprintf(out, "migrate: sealing %s failed (%s)\n",
				    col[c].aad, err_str(rc));
				return rc;
			}
			total += n;
		} while (n > 0);
		if (total > 0)
			fprintf(out, "migrate: sealed %zu plain %s\n", total,
			    col[c].aad);
	}
	return ERR_OK;
}

enum err
migrate_run(struct db *db, const struct config *cfg, FILE *out)
{
	struct mig	*m = NULL;
	size_t		 nm = 0, applied = 0;
	DIR		*dir;
	struct dirent	*de;
	struct arena	*a = NULL;
	struct db_rows	*rows;
	char		 path[4096], err[512], *gt, *gtext = NULL;
	size_t		 glen;
	enum err	 rc = ERR_CONFLICT;
	if ((a = arena_new(4096)) == NULL)
		return ERR_NOMEM;
	if ((dir = opendir(cfg->schema)) == NULL) {
		fprintf(out, "migrate: %s: %s\n", cfg->schema, strerror(errno));
		rc = ERR_CONFIG;
		goto done;
	}
	m = calloc(MIGRATIONS_MAX, sizeof *m);
	while (m != NULL && (de = readdir(dir)) != NULL) {
		unsigned v;

		if (parse_name(de->d_name, &v) == -1)
			continue;
		if (nm == MIGRATIONS_MAX)
			break;
		snprintf(path, sizeof path, "%s/%s", cfg->schema, de->d_name);
		m[nm].version = v;
		m[nm].name = strdup(de->d_name);
		if ((m[nm].text = read_file(path, &m[nm].len)) == NULL) {
			fprintf(out, "migrate: %s: cannot read\n", path);
			closedir(dir);
			rc = ERR_IO;
			nm++;
			goto done;
		}
		sha256_hex(m[nm].text, m[nm].len, m[nm].sum);
		nm++;
	}
	closedir(dir);
	if (m == NULL) {
		rc = ERR_NOMEM;
		goto done;
	}
	qsort(m, nm, sizeof *m, mig_cmp);
	for (size_t i = 1; i < nm; i++)
		if (m[i].version == m[i - 1].version) {
			fprintf(out, "migrate: %s and %s share a version number\n",
			    m[i - 1].name, m[i].name);
			goto done;
		}

	if ((rc = db_exec(db, &tab, STMT_MIG_CREATE, NULL, 0, NULL, NULL)) != ERR_OK)
		goto dberr;
	if ((rc = db_query(db, a, &tab, STMT_MIG_LIST, NULL, 0, &rows)) != ERR_OK)
		goto dberr;
	/* Check everything that was applied before applying anything. */
	rc = ERR_CONFLICT;
	for (int r; (r = db_next(rows)) != 0; ) {
		unsigned	 v;
		const char	*name, *sum;
		size_t		 i;

		if (r == -1) {
			rc = ERR_DB;
			goto dberr;
		}
		v = (unsigned)db_col_int(rows, 0);
		name = db_col_str(rows, 1);
		sum = db_col_str(rows, 2);
		for (i = 0; i < nm && m[i].version != v; i++)
			;
		if (i == nm) {
			fprintf(out, "migrate: refusing: %s was applied but its "
			    "file is gone from %s\n", name, cfg->schema);
			goto done;
		}
		if (strcmp(m[i].sum, sum) != 0 || strcmp(m[i].name, name) != 0) {
			fprintf(out, "migrate: refusing: %s has changed since it "
			    "was applied (checksum %s, now %s); add a new "
			    "migration instead of editing an applied one\n",
			    m[i].name, sum, m[i].sum);
			goto done;
		}
		m[i].len = 0;	/* applied */
		applied++;
	}
	for (size_t i = 0; i < nm; i++) {
		if (m[i].len == 0)
			continue;
		/* the plain contact columns are sealed before they go */
		if (m[i].version == MIG_DROP_PLAIN &&
		    (rc = seal_plain_contacts(db, cfg, out)) != ERR_OK)
			goto done;
		fprintf(out, "migrate: applying %s\n", m[i].name);
		if ((rc = db_script(db, m[i].text, m[i].len, err, sizeof err)) != ERR_OK) {
			fprintf(out, "migrate: %s failed: %s\n", m[i].name, err);
			goto done;
		}
		struct db_param p[3] = { DB_INT(m[i].version), DB_STR(m[i].name),
		    DB_STR(m[i].sum) };
		if ((rc = db_exec(db, &tab, STMT_MIG_RECORD, p, 3, NULL, NULL)) != ERR_OK)
			goto dberr;
	}

	snprintf(path, sizeof path, "%s/grants.sql", cfg->schema);
	if ((gt = read_file(path, &glen)) != NULL) {
		gtext = grants_text(cfg, gt);
		free(gt);
		if (gtext == NULL) {
			fprintf(out, "migrate: DB.user, DB.app_host and DB.name "
			    "must be plain names to apply grants\n");
			rc = ERR_CONFIG;
			goto done;
		}
		if ((rc = db_script(db, gtext, strlen(gtext), err, sizeof err)) != ERR_OK) {
			fprintf(out, "migrate: grants.sql failed: %s\n", err);
			goto done;
		}
	}
	fprintf(out, "migrate: schema is current (%zu applied before, %zu now)\n",
	    applied, nm);
	rc = ERR_OK;
	goto done;
dberr:
	fprintf(out, "migrate: database error (%s), see the log above\n", err_str(rc));
done:
	for (size_t i = 0; m != NULL && i < nm; i++) {
		free(m[i].name);
		free(m[i].text);
	}
	free(m);
	free(gtext);
	arena_free(a);
	return rc;
}
