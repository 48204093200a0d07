/*
 * admin_backup.c -- duijie-admin backup, restore, restore-binlog.
 *
 * The sets are mariadb-backup's (Debian's mariadb-backup package), run
 * with a fixed argv (no shell) and its log in a file next to the set.
 * The backup account's password is never on a command line: it is in
 * Backup.credentials, a MariaDB option file ([client] user, password,
 * socket) of mode 0600 that mariadb-backup reads by
 * --defaults-extra-file and this file by MYSQL_READ_DEFAULT_FILE.
 *
 * Backup.dir holds
 *   YYYYMMDDTHHMMSSZ-full/  YYYYMMDDTHHMMSSZ-inc/   complete sets (UTC start
 *                           time), each with duijie-backup.info
 *   NAME.log                mariadb-backup's output for the set
 *   NAME.partial/           a set being taken (removed by the next run)
 *   binlog/                 copies of the server's closed binlogs
 *   restore/                restore's work: copies of the chain's sets
 *                           (mariadb-backup --prepare changes what it
 *                           prepares and empties an incremental it
 *                           applies: the sets themselves are never
 *                           prepared), then binlog/ and binlog.pos for
 *                           restore-binlog, restore.log, replay.log
 *   .lock                   one backup or restore at a time (flock)
 *
 * A restore is: stop the portals and MariaDB; `restore` (prepare the
 * chain -- the full and its incrementals -- in restore/, copy it back into
 * the empty Backup.datadir, put the binlogs from the set's position on
 * aside); start MariaDB; `restore-binlog` (replay them as
 * Backup.replay_user over the unix socket, --disable-log-bin so that the
 * replayed transactions are not logged twice); audit-verify; `backup full`;
 * start the portals.  docs/OPERATIONS.md.
 */
#include <sys/file.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <sys/wait.h>

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <limits.h>
#include <pwd.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <mysql.h>

#include "admin_backup.h"

#define SET_LEN	32	/* YYYYMMDDTHHMMSSZ-full + NUL, with room */
#define INFO		"duijie-backup.info"

struct set {
	char	name[SET_LEN];
	int	full;
};

static int
fail(const char *fmt, ...)
{
	va_list ap;

	fputs("duijie-admin: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	return 1;
}

/* snprintf into a PATH_MAX buffer; -1 when it does not fit. */
static int __attribute__((format(printf, 2, 3)))
path_of(char *buf, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(buf, PATH_MAX, fmt, ap);
	va_end(ap);
	if (n < 0 || n >= PATH_MAX) {
		fail("path too long: %s", buf);
		return -1;
	}
	return 0;
}

static double
now_secs(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

/* ---------------------------------------------------------------------
 * processes: fixed argv, no shell */

/* Starts argv[0] (looked up in PATH) with stdin IN (-1: /dev/null),
 * stdout OUT and stderr ERR (-1: this process's); the child closes
 * CLOSE_FD (the other end of a pipe) when >= 0.  Returns the pid or -1. */
static pid_t
spawn(const char *const argv[], int in, int out, int err, int close_fd)
{
	pid_t pid = fork();

	if (pid == -1) {
		fail("fork: %s", strerror(errno));
		return -1;
	}
	if (pid == 0) {
		int null = open("/dev/null", O_RDONLY);

		if (close_fd >= 0)
			close(close_fd);
		if (dup2(in >= 0 ? in : null, 0) == -1 ||
		    (out >= 0 && dup2(out, 1) == -1) ||
		    (err >= 0 && dup2(err, 2) == -1))
			_exit(126);
		execvp(argv[0], (char *const *)argv);
		fprintf(stderr, "duijie-admin: cannot run %s: %s\n", argv[0],
		    strerror(errno));
		_exit(127);
	}
	return pid;
}

/* The child's exit status, or -1 (killed, or waitpid failed). */
static int
reap(pid_t pid)
{
	int st;

	while (waitpid(pid, &st, 0) == -1)
		if (errno != EINTR)
			return -1;
	return WIFEXITED(st) ? WEXITSTATUS(st) : -1;
}

/* Runs argv with stdout and stderr appended to LOG; its exit status. */
static int
run_logged(const char *const argv[], const char *log)
{
	int fd = open(log, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600);
	pid_t pid;
	int rc;

	if (fd == -1)
		return fail("%s: %s", log, strerror(errno));
	dprintf(fd, "==> %s", argv[0]);
	for (size_t i = 1; argv[i] != NULL; i++)
		dprintf(fd, " %s", argv[i]);
	dprintf(fd, "\n");
	pid = spawn(argv, -1, fd, fd, -1);
	close(fd);
	if (pid == -1)
		return -1;
	rc = reap(pid);
	if (rc != 0)
		fail("%s failed (exit %d); its output: %s", argv[0], rc, log);
	return rc;
}

/* ---------------------------------------------------------------------
 * files */

static int
rm_one(const char *p, const struct stat *st, int flag, struct FTW *f)
{
	(void)st; (void)flag; (void)f;
	return remove(p) == 0 || errno == ENOENT ? 0 : -1;
}

/* rm -rf PATH (not following symbolic links); 0 or -1. */
static int
rm_tree(const char *path)
{
	struct stat st;

	if (lstat(path, &st) == -1)
		return errno == ENOENT ? 0 : -1;
	return nftw(path, rm_one, 32, FTW_DEPTH | FTW_PHYS);
}

static unsigned long long tree_bytes;

static int
size_one(const char *p, const struct stat *st, int flag, struct FTW *f)
{
	(void)p; (void)f;
	if (flag == FTW_F)
		tree_bytes += (unsigned long long)st->st_size;
	return 0;
}

static unsigned long long
du(const char *path)
{
	tree_bytes = 0;
	nftw(path, size_one, 32, FTW_PHYS);
	return tree_bytes;
}

static uid_t chown_uid;
static gid_t chown_gid;

static int
chown_one(const char *p, const struct stat *st, int flag, struct FTW *f)
{
	(void)st; (void)flag; (void)f;
	return lchown(p, chown_uid, chown_gid);
}

static int
fsync_path(const char *path, int dir)
{
	int fd = open(path, (dir ? O_DIRECTORY : 0) | O_RDONLY | O_CLOEXEC);
	int rc;

	if (fd == -1)
		return -1;
	rc = fsync(fd);
	close(fd);
	return rc;
}

/* Copies SRC to DST (through DST.tmp, fsync'd, renamed); 0 or 1. */
static int
copy_file(const char *src, const char *dst)
{
	char tmp[PATH_MAX], buf[1 << 16];
	int in, out;
	ssize_t n;

	if (path_of(tmp, "%s.tmp", dst) == -1)
		return 1;
	if ((in = open(src, O_RDONLY | O_CLOEXEC)) == -1)
		return fail("%s: %s", src, strerror(errno));
	if ((out = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600)) == -1) {
		close(in);
		return fail("%s: %s", tmp, strerror(errno));
	}
	while ((n = read(in, buf, sizeof buf)) > 0) {
		char *p = buf;

		while (n > 0) {
			ssize_t w = write(out, p, (size_t)n);

			if (w == -1 && errno == EINTR)
				continue;
			if (w == -1) {
				fail("%s: %s", tmp, strerror(errno));
				goto bad;
			}
			p += w;
			n -= w;
		}
	}
	if (n == -1) {
		fail("%s: %s", src, strerror(errno));
		goto bad;
	}
	if (fsync(out) == -1 || close(out) == -1) {
		out = -1;
		fail("%s: %s", tmp, strerror(errno));
		goto bad;
	}
	close(in);
	if (rename(tmp, dst) == -1) {
		unlink(tmp);
		return fail("%s: %s", dst, strerror(errno));
	}
	return 0;
bad:
	close(in);
	if (out != -1)
		close(out);
	unlink(tmp);
	return 1;
}

static long long
file_size(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 && S_ISREG(st.st_mode) ? (long long)st.st_size : -1;
}

/* The value of KEY in a key=value file, into OUT (size LEN); 0 or -1. */
static int
info_get(const char *file, const char *key, char *out, size_t len)
{
	FILE *f = fopen(file, "re");
	char line[PATH_MAX + 64];
	size_t k = strlen(key);
	int rc = -1;

	if (f == NULL)
		return -1;
	while (fgets(line, sizeof line, f) != NULL) {
		line[strcspn(line, "\n")] = '\0';
		if (strncmp(line, key, k) == 0 && line[k] == '=' &&
		    strlen(line + k + 1) < len) {
			strcpy(out, line + k + 1);
			rc = 0;
			break;
		}
	}
	fclose(f);
	return rc;
}

/* xtrabackup_binlog_info of a set or prepared copy: "FILE\tPOS[\tGTID]". */
static int
binlog_info(const char *dir, char *file, size_t flen, unsigned long long *pos)
{
	char path[PATH_MAX], line[512], *tab, *end;
	FILE *f;

	if (path_of(path, "%s/xtrabackup_binlog_info", dir) == -1)
		return -1;
	if ((f = fopen(path, "re")) == NULL)
		return fail("%s: %s (was the binary log on?)", path, strerror(errno)), -1;
	if (fgets(line, sizeof line, f) == NULL) {
		fclose(f);
		return fail("%s is empty", path), -1;
	}
	fclose(f);
	if ((tab = strchr(line, '\t')) == NULL || (size_t)(tab - line) >= flen ||
	    tab == line)
		return fail("%s: no binlog position", path), -1;
	memcpy(file, line, (size_t)(tab - line));
	file[tab - line] = '\0';
	errno = 0;
	*pos = strtoull(tab + 1, &end, 10);
	if (errno != 0 || end == tab + 1 || strchr(file, '/') != NULL)
		return fail("%s: no binlog position", path), -1;
	return 0;
}

/* ---------------------------------------------------------------------
 * the backup directory */

/* NAME is YYYYMMDDTHHMMSSZ-full or -inc; 1 (full), 0 (inc) or -1. */
static int
set_kind(const char *name)
{
	size_t i;

	for (i = 0; i < 16; i++) {
		char c = name[i];

		if (i == 8 ? c != 'T' : i == 15 ? c != 'Z' : (c < '0' || c > '9'))
			return -1;
	}
	if (strcmp(name + 16, "-full") == 0)
		return 1;
	if (strcmp(name + 16, "-inc") == 0)
		return 0;
	return -1;
}

static int
set_cmp(const void *a, const void *b)
{
	return strcmp(((const struct set *)a)->name, ((const struct set *)b)->name);
}

/* The complete sets of DIR (with their info file), oldest first; the
 * caller frees *OUT.  With PARTIALS, removes unfinished sets on the way. */
static int
list_sets(const char *dir, struct set **out, size_t *n, int partials)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	struct set *v = NULL;
	size_t cap = 0;
	char p[PATH_MAX];

	*out = NULL;
	*n = 0;
	if (d == NULL)
		return fail("%s: %s", dir, strerror(errno));
	while ((e = readdir(d)) != NULL) {
		size_t l = strlen(e->d_name);
		int k;

		if (partials && l > 8 && strcmp(e->d_name + l - 8, ".partial") == 0) {
			if (path_of(p, "%s/%s", dir, e->d_name) == 0 && rm_tree(p) == 0)
				printf("backup: removed the unfinished %s\n", e->d_name);
			continue;
		}
		if (l >= SET_LEN || (k = set_kind(e->d_name)) == -1)
			continue;
		if (path_of(p, "%s/%s/" INFO, dir, e->d_name) == -1 || access(p, R_OK) != 0)
			continue;
		if (*n == cap) {
			struct set *nv = reallocarray(v, cap ? cap * 2 : 16, sizeof *v);

			if (nv == NULL) {
				free(v);
				closedir(d);
				return fail("out of memory");
			}
			v = nv;
			cap = cap ? cap * 2 : 16;
		}
		strcpy(v[*n].name, e->d_name);
		v[*n].full = k;
		(*n)++;
	}
	closedir(d);
	if (*n > 0)
		qsort(v, *n, sizeof *v, set_cmp);
	*out = v;
	return 0;
}

/* Holds Backup.dir/.lock (flock) until exit; 0 or 1. */
static int
lock_dir(const char *dir)
{
	char p[PATH_MAX];
	int fd;

	if (mkdir(dir, 0700) == -1 && errno != EEXIST)
		return fail("%s: %s", dir, strerror(errno));
	if (path_of(p, "%s/.lock", dir) == -1)
		return 1;
	if ((fd = open(p, O_RDWR | O_CREAT | O_CLOEXEC, 0600)) == -1)
		return fail("%s: %s", p, strerror(errno));
	if (flock(fd, LOCK_EX | LOCK_NB) == -1)
		return fail("%s: another backup or restore is running", dir);
	return 0;	/* fd stays open: the lock lives as long as the process */
}

/* The credentials file: a regular file nobody but its owner reads. */
static int
check_credentials(const char *path)
{
	struct stat st;

	if (stat(path, &st) == -1)
		return fail("Backup.credentials %s: %s", path, strerror(errno));
	if (!S_ISREG(st.st_mode) || (st.st_mode & 077) != 0)
		return fail("Backup.credentials %s must be a regular file of mode 0600 "
		    "(it holds the backup account's password)", path);
	return 0;
}

/* A connection as the backup account (Backup.credentials), or NULL. */
static MYSQL *
backup_connect(const struct config *cfg)
{
	MYSQL *m = mysql_init(NULL);
	unsigned timeout = 5;

	if (m == NULL) {
		fail("out of memory");
		return NULL;
	}
	mysql_options(m, MYSQL_READ_DEFAULT_FILE, cfg->backup.credentials);
	mysql_options(m, MYSQL_READ_DEFAULT_GROUP, "client");
	mysql_options(m, MYSQL_OPT_CONNECT_TIMEOUT, &timeout);
	if (mysql_real_connect(m, NULL, NULL, NULL, NULL, 0, NULL, 0) == NULL) {
		fail("cannot connect with %s: %s", cfg->backup.credentials, mysql_error(m));
		mysql_close(m);
		return NULL;
	}
	return m;
}

/* Something accepts connections on the unix socket PATH. */
static int
socket_answers(const char *path)
{
	struct sockaddr_un sa = { .sun_family = AF_UNIX };
	int fd, ok;

	if (strlen(path) >= sizeof sa.sun_path)
		return 0;
	strcpy(sa.sun_path, path);
	if ((fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0)) == -1)
		return 0;
	ok = connect(fd, (struct sockaddr *)&sa, sizeof sa) == 0;
	close(fd);
	return ok;
}

/* PATH without trailing slashes and resolved when it exists, into OUT. */
static void
canon(const char *path, char *out)
{
	size_t l;

	if (realpath(path, out) == NULL)
		snprintf(out, PATH_MAX, "%s", path);
	l = strlen(out);
	while (l > 1 && out[l - 1] == '/')
		out[--l] = '\0';
}

/* ---------------------------------------------------------------------
 * backup */

/* FLUSH BINARY LOGS, then every closed binlog not yet in DIR/binlog (or
 * of another size there) copied; the count into *COPIED. */
static int
copy_binlogs(const struct config *cfg, const char *bindir, int *copied)
{
	MYSQL *m;
	MYSQL_RES *res;
	MYSQL_ROW row;
	char dir[PATH_MAX], src[PATH_MAX], dst[PATH_MAX];
	char (*names)[SET_LEN * 4] = NULL;
	long long *sizes = NULL;
	size_t n = 0, i;
	int rc = 1;

	*copied = 0;
	if (path_of(dir, "%s/binlog", cfg->backup.dir) == -1)
		return 1;
	if (mkdir(dir, 0700) == -1 && errno != EEXIST)
		return fail("%s: %s", dir, strerror(errno));
	if ((m = backup_connect(cfg)) == NULL)
		return 1;
	if (mysql_query(m, "FLUSH BINARY LOGS") != 0 ||
	    mysql_query(m, "SHOW BINARY LOGS") != 0 ||
	    (res = mysql_store_result(m)) == NULL) {
		fail("binlogs: %s", mysql_error(m));
		mysql_close(m);
		return 1;
	}
	n = mysql_num_rows(res);
	names = calloc(n ? n : 1, sizeof *names);
	sizes = calloc(n ? n : 1, sizeof *sizes);
	for (i = 0; names != NULL && sizes != NULL && (row = mysql_fetch_row(res)) != NULL; i++) {
		snprintf(names[i], sizeof names[i], "%s", row[0] ? row[0] : "");
		sizes[i] = row[1] ? strtoll(row[1], NULL, 10) : -1;
	}
	mysql_free_result(res);
	mysql_close(m);
	if (names == NULL || sizes == NULL) {
		fail("out of memory");
		goto out;
	}
	/* the last one is the server's open binlog, just begun by the flush */
	for (i = 0; i + 1 < n; i++) {
		if (names[i][0] == '\0' || strchr(names[i], '/') != NULL)
			continue;
		if (path_of(src, "%s/%s", bindir, names[i]) == -1 ||
		    path_of(dst, "%s/%s", dir, names[i]) == -1)
			goto out;
		if (file_size(dst) == sizes[i])
			continue;
		if (file_size(src) != sizes[i]) {
			fail("binlog %s: %lld bytes on disk, the server says %lld",
			    src, file_size(src), sizes[i]);
			goto out;
		}
		if (copy_file(src, dst) != 0)
			goto out;
		(*copied)++;
	}
	fsync_path(dir, 1);
	rc = 0;
out:
	free(names);
	free(sizes);
	return rc;
}

/* Sets older than the KEEP-th newest full, and the binlog copies older
 * than that full's binlog position, removed; the count into *REMOVED. */
static int
retain(const struct config *cfg, int *removed)
{
	struct set *v;
	size_t n, i, nfull = 0, seen = 0;
	const char *oldest = NULL;
	char p[PATH_MAX], file[SET_LEN * 4];
	unsigned long long pos;

	*removed = 0;
	if (list_sets(cfg->backup.dir, &v, &n, 0) != 0)
		return 1;
	for (i = 0; i < n; i++)
		nfull += v[i].full;
	if (nfull <= cfg->backup.keep) {
		free(v);
		return 0;
	}
	for (i = 0; i < n; i++)
		if (v[i].full && ++seen == nfull - cfg->backup.keep + 1) {
			oldest = v[i].name;
			break;
		}
	for (i = 0; oldest != NULL && strcmp(v[i].name, oldest) < 0; i++) {
		if (path_of(p, "%s/%s", cfg->backup.dir, v[i].name) == -1 || rm_tree(p) != 0) {
			free(v);
			return fail("cannot remove %s: %s", p, strerror(errno));
		}
		if (path_of(p, "%s/%s.log", cfg->backup.dir, v[i].name) == 0)
			unlink(p);
		(*removed)++;
	}
	if (oldest != NULL && path_of(p, "%s/%s", cfg->backup.dir, oldest) == 0 &&
	    binlog_info(p, file, sizeof file, &pos) == 0) {
		DIR *d;
		struct dirent *e;
		const char *dot = strrchr(file, '.');
		size_t stem = dot != NULL ? (size_t)(dot - file) + 1 : 0;

		if (path_of(p, "%s/binlog", cfg->backup.dir) == 0 && stem > 0 &&
		    (d = opendir(p)) != NULL) {
			while ((e = readdir(d)) != NULL) {
				char q[PATH_MAX];

				if (strncmp(e->d_name, file, stem) != 0 ||
				    strlen(e->d_name) != strlen(file) ||
				    strcmp(e->d_name, file) >= 0)
					continue;
				if (path_of(q, "%s/%s", p, e->d_name) == 0)
					unlink(q);
			}
			closedir(d);
		}
	}
	free(v);
	return 0;
}

int
admin_backup(const struct config *cfg, const char *mode)
{
	MYSQL *m;
	MYSQL_RES *res;
	MYSQL_ROW row;
	struct set *v;
	size_t n, i;
	int full = -1, copied, removed;
	char datadir[PATH_MAX], want[PATH_MAX], basename_[PATH_MAX], bindir[PATH_MAX];
	char name[SET_LEN], base[SET_LEN] = "", dest[PATH_MAX], final[PATH_MAX];
	char log[PATH_MAX], basedir[PATH_MAX], arg_cred[PATH_MAX + 32];
	char arg_data[PATH_MAX + 16], arg_target[PATH_MAX + 16], arg_base[PATH_MAX + 32];
	char info[PATH_MAX], file[SET_LEN * 4], *slash;
	unsigned long long pos;
	time_t started = time(NULL);
	struct tm tm;
	double t0 = now_secs();
	FILE *f;

	if (mode != NULL && strcmp(mode, "full") == 0)
		full = 1;
	else if (mode != NULL && strcmp(mode, "incremental") == 0)
		full = 0;
	else if (mode != NULL)
		return fail("backup: full or incremental, not %s", mode);
	if (cfg->backup.keep < 1)
		return fail("Backup.keep must be at least 1");
	if (check_credentials(cfg->backup.credentials) != 0 ||
	    lock_dir(cfg->backup.dir) != 0)
		return 1;

	/* the server's data directory and binlogs, as it says */
	if ((m = backup_connect(cfg)) == NULL)
		return 1;
	if (mysql_query(m, "SELECT @@datadir, @@log_bin, @@log_bin_basename") != 0 ||
	    (res = mysql_store_result(m)) == NULL || (row = mysql_fetch_row(res)) == NULL) {
		fail("backup: %s", mysql_error(m));
		mysql_close(m);
		return 1;
	}
	canon(row[0] ? row[0] : "", datadir);
	canon(cfg->backup.datadir, want);
	if (row[1] == NULL || strcmp(row[1], "1") != 0 || row[2] == NULL) {
		mysql_free_result(res);
		mysql_close(m);
		return fail("backup: the server's binary log is off (log_bin): without it "
		    "nothing after a backup could be recovered");
	}
	snprintf(basename_, sizeof basename_, "%s", row[2]);
	mysql_free_result(res);
	mysql_close(m);
	if (strcmp(datadir, want) != 0)
		return fail("backup: the server's datadir is %s, Backup.datadir says %s "
		    "(restore would write there)", datadir, want);
	snprintf(bindir, sizeof bindir, "%s", basename_);
	if ((slash = strrchr(bindir, '/')) == NULL)
		return fail("backup: log_bin_basename %s is not a path", basename_);
	*slash = '\0';
	if (strncmp(bindir, datadir, strlen(datadir)) == 0 &&
	    (bindir[strlen(datadir)] == '\0' || bindir[strlen(datadir)] == '/'))
		fprintf(stderr, "duijie-admin: warning: the binlogs (%s) are in the data "
		    "directory: losing it loses what the last backup does not hold; "
		    "set log_bin to another disk (docs/OPERATIONS.md)\n", bindir);

	/* full or incremental, and on which set */
	if (list_sets(cfg->backup.dir, &v, &n, 1) != 0)
		return 1;
	for (i = n; i > 0 && !v[i - 1].full; i--)
		;
	if (i == 0 && full == 0) {
		free(v);
		return fail("backup: no full backup in %s to base an incremental on",
		    cfg->backup.dir);
	}
	if (full == -1)
		full = i == 0;
	if (!full)
		snprintf(base, sizeof base, "%s", v[n - 1].name);
	free(v);

	gmtime_r(&started, &tm);
	strftime(name, sizeof name, "%Y%m%dT%H%M%SZ", &tm);
	strcat(name, full ? "-full" : "-inc");
	if (path_of(final, "%s/%s", cfg->backup.dir, name) == -1 ||
	    path_of(dest, "%s.partial", final) == -1 ||
	    path_of(log, "%s.log", final) == -1 ||
	    path_of(basedir, "%s/%s", cfg->backup.dir, base) == -1)
		return 1;
	if (access(final, F_OK) == 0)
		return fail("backup: %s exists already (one backup a second)", final);
	unlink(log);
	snprintf(arg_cred, sizeof arg_cred, "--defaults-extra-file=%s", cfg->backup.credentials);
	snprintf(arg_data, sizeof arg_data, "--datadir=%s", datadir);
	snprintf(arg_target, sizeof arg_target, "--target-dir=%s", dest);
	snprintf(arg_base, sizeof arg_base, "--incremental-basedir=%s", basedir);
	{
		const char *argv[] = { "mariadb-backup", arg_cred, "--backup", arg_data,
		    arg_target, full ? NULL : arg_base, NULL };

		if (run_logged(argv, log) != 0) {
			rm_tree(dest);
			return 1;
		}
	}
	if (binlog_info(dest, file, sizeof file, &pos) != 0) {
		rm_tree(dest);
		return 1;
	}
	if (path_of(info, "%s/" INFO, dest) == -1 ||
	    (f = fopen(info, "we")) == NULL) {
		rm_tree(dest);
		return fail("%s: %s", info, strerror(errno));
	}
	fprintf(f, "type=%s\nbase=%s\ndatadir=%s\nlog_bin_basename=%s\n"
	    "binlog_file=%s\nbinlog_pos=%llu\nstarted=%lld\nfinished=%lld\n",
	    full ? "full" : "incremental", base, datadir, basename_, file, pos,
	    (long long)started, (long long)time(NULL));
	if (fflush(f) != 0 || fsync(fileno(f)) != 0 || fclose(f) != 0) {
		rm_tree(dest);
		return fail("%s: %s", info, strerror(errno));
	}
	if (rename(dest, final) == -1) {
		rm_tree(dest);
		return fail("%s: %s", final, strerror(errno));
	}
	fsync_path(cfg->backup.dir, 1);
	printf("backup: %s (%s%s), %.1f MB in %.1f s; binlog position %s:%llu\n",
	    name, full ? "full" : "incremental on ", full ? "" : base,
	    du(final) / 1048576.0, now_secs() - t0, file, pos);

	if (copy_binlogs(cfg, bindir, &copied) != 0)
		return 1;
	if (retain(cfg, &removed) != 0)
		return 1;
	printf("backup: %d binlog file(s) copied to %s/binlog; %d set(s) past "
	    "Backup.keep (%u fulls) removed\n", copied, cfg->backup.dir, removed,
	    cfg->backup.keep);
	return 0;
}

/* ---------------------------------------------------------------------
 * restore */

/* "YYYY-MM-DD HH:MM:SS" (local time) to *T; 0 or 1. */
static int
parse_before(const char *s, time_t *t)
{
	struct tm tm;
	const char *end;

	memset(&tm, 0, sizeof tm);
	if (s == NULL || strlen(s) != 19 || (end = strptime(s, "%Y-%m-%d %H:%M:%S", &tm)) == NULL ||
	    *end != '\0')
		return fail("--before: YYYY-MM-DD HH:MM:SS (the server's local time), not %s",
		    s ? s : "");
	tm.tm_isdst = -1;
	*t = mktime(&tm);
	return 0;
}

/* The binlogs from FILE (the set's position) on, for restore-binlog: each
 * from the server's binlog directory or the copy in Backup.dir/binlog,
 * whichever is longer, into WORK/binlog; stops at the first missing one. */
static int
stash_binlogs(const struct config *cfg, const char *basename_, const char *file,
    const char *work, int *count)
{
	char dir[PATH_MAX], copies[PATH_MAX], live[PATH_MAX], copy[PATH_MAX], dst[PATH_MAX];
	char stem[256], name[300], *dot, *end;
	const char *slash = strrchr(basename_, '/');
	unsigned long long num, k, miss;

	*count = 0;
	if (slash == NULL || (dot = strrchr(file, '.')) == NULL)
		return fail("restore: binlog %s / %s: unexpected names", basename_, file);
	errno = 0;
	num = strtoull(dot + 1, &end, 10);
	if (errno != 0 || *end != '\0' || end == dot + 1)
		return fail("restore: binlog %s: unexpected name", file);
	if ((size_t)(dot - file) >= sizeof stem)
		return fail("restore: binlog %s: name too long", file);
	snprintf(stem, sizeof stem, "%.*s", (int)(dot - file), file);
	snprintf(dir, sizeof dir, "%.*s", (int)(slash - basename_), basename_);
	if (path_of(copies, "%s/binlog", cfg->backup.dir) == -1 ||
	    path_of(dst, "%s/binlog", work) == -1)
		return 1;
	if (mkdir(dst, 0700) == -1)
		return fail("%s: %s", dst, strerror(errno));
	for (k = num;; k++) {
		long long ls, cs;

		snprintf(name, sizeof name, "%s.%06llu", stem, k);
		if (path_of(live, "%s/%s", dir, name) == -1 ||
		    path_of(copy, "%s/%s", copies, name) == -1 ||
		    path_of(dst, "%s/binlog/%s", work, name) == -1)
			return 1;
		ls = file_size(live);
		cs = file_size(copy);
		if (ls < 0 && cs < 0)
			break;
		if (copy_file(ls >= cs ? live : copy, dst) != 0)
			return 1;
		(*count)++;
	}
	/* a later one present after a hole: what lies in the hole is lost */
	for (miss = k, k = k + 1; k < miss + 1000; k++) {
		snprintf(name, sizeof name, "%s.%06llu", stem, k);
		if (path_of(live, "%s/%s", dir, name) == -1 ||
		    path_of(copy, "%s/%s", copies, name) == -1)
			return 1;
		if (file_size(live) >= 0 || file_size(copy) >= 0) {
			fprintf(stderr, "duijie-admin: warning: binlog %s.%06llu is missing "
			    "but %s exists: the transactions from %s.%06llu on cannot be "
			    "replayed\n", stem, miss, name, stem, miss);
			break;
		}
	}
	return 0;
}

int
admin_restore(const struct config *cfg, const char *want, const char *before)
{
	struct set *v;
	size_t n, i, last, first;
	time_t limit = 0;
	char work[PATH_MAX], data[PATH_MAX], log[PATH_MAX], p[PATH_MAX], src[PATH_MAX];
	char basename_[PATH_MAX], datadir[PATH_MAX], file[SET_LEN * 4], b[SET_LEN];
	char arg_target[PATH_MAX + 16], arg_inc[PATH_MAX + 32], arg_data[PATH_MAX + 16];
	unsigned long long pos;
	double t0 = now_secs();
	int count;
	DIR *d;
	FILE *f;

	if (before != NULL && parse_before(before, &limit) != 0)
		return 1;
	if (lock_dir(cfg->backup.dir) != 0)
		return 1;
	canon(cfg->backup.datadir, datadir);
	if (socket_answers(cfg->db.socket))
		return fail("restore: a server answers on %s: stop the portals and MariaDB "
		    "first (docs/OPERATIONS.md)", cfg->db.socket);
	if ((d = opendir(datadir)) != NULL) {
		struct dirent *e;
		int empty = 1;

		while ((e = readdir(d)) != NULL)
			if (strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0)
				empty = 0;
		closedir(d);
		if (!empty)
			return fail("restore: %s is not empty: move it aside first "
			    "(mv %s %s.broken)", datadir, datadir, datadir);
	} else if (errno != ENOENT)
		return fail("%s: %s", datadir, strerror(errno));

	/* the chain: the set asked for (or the newest, or the newest finished
	 * before BEFORE), back to its full */
	if (list_sets(cfg->backup.dir, &v, &n, 0) != 0)
		return 1;
	for (last = n; last > 0; last--) {
		const char *nm = v[last - 1].name;
		char fin[32];

		if (want != NULL) {
			if (strcmp(nm, want) == 0)
				break;
			continue;
		}
		if (before == NULL)
			break;
		if (path_of(p, "%s/%s/" INFO, cfg->backup.dir, nm) == 0 &&
		    info_get(p, "finished", fin, sizeof fin) == 0 &&
		    strtoll(fin, NULL, 10) < (long long)limit)
			break;
	}
	if (last == 0) {
		free(v);
		return fail("restore: no backup set %s%s in %s", want ? want : "",
		    before ? " finished before --before" : "", cfg->backup.dir);
	}
	last--;
	for (first = last; !v[first].full; first--) {
		if (first == 0) {
			fail("restore: %s has no full backup before it", v[last].name);
			free(v);
			return 1;
		}
	}
	for (i = first + 1; i <= last; i++) {
		if (path_of(p, "%s/%s/" INFO, cfg->backup.dir, v[i].name) == -1 ||
		    info_get(p, "base", b, sizeof b) != 0 || strcmp(b, v[i - 1].name) != 0) {
			free(v);
			return fail("restore: %s is not based on %s: the chain is broken",
			    v[i].name, v[i - 1].name);
		}
	}
	if (path_of(p, "%s/%s/" INFO, cfg->backup.dir, v[last].name) == -1 ||
	    info_get(p, "log_bin_basename", basename_, sizeof basename_) != 0) {
		free(v);
		return fail("restore: %s: no log_bin_basename", p);
	}

	/* prepare a copy: the sets stay as they are */
	if (path_of(work, "%s/restore", cfg->backup.dir) == -1 ||
	    path_of(data, "%s/data", work) == -1 || path_of(log, "%s/restore.log", work) == -1) {
		free(v);
		return 1;
	}
	if (rm_tree(work) != 0 || mkdir(work, 0700) == -1) {
		free(v);
		return fail("%s: %s", work, strerror(errno));
	}
	printf("restore: %s + %zu incremental%s%s%s into %s\n", v[first].name,
	    last - first, last - first == 1 ? "" : "s", last > first ? " up to " : "",
	    last > first ? v[last].name : "", datadir);
	if (path_of(src, "%s/%s", cfg->backup.dir, v[first].name) == -1) {
		free(v);
		return 1;
	}
	snprintf(arg_target, sizeof arg_target, "--target-dir=%s", data);
	{
		const char *cp[] = { "cp", "-a", "--reflink=auto", "--", src, data, NULL };
		const char *prep[] = { "mariadb-backup", "--prepare", arg_target, NULL };

		if (run_logged(cp, log) != 0 || run_logged(prep, log) != 0) {
			free(v);
			return 1;
		}
	}
	/* an incremental's prepare moves its files into the target: it too
	 * is applied from a copy */
	for (i = first + 1; i <= last; i++) {
		char inc[PATH_MAX];
		const char *cp[] = { "cp", "-a", "--reflink=auto", "--", src, inc, NULL };
		const char *prep[] = { "mariadb-backup", "--prepare", arg_target, arg_inc, NULL };

		if (path_of(src, "%s/%s", cfg->backup.dir, v[i].name) == -1 ||
		    path_of(inc, "%s/inc", work) == -1) {
			free(v);
			return 1;
		}
		snprintf(arg_inc, sizeof arg_inc, "--incremental-dir=%s", inc);
		if (rm_tree(inc) != 0 || run_logged(cp, log) != 0 || run_logged(prep, log) != 0) {
			free(v);
			return 1;
		}
		rm_tree(inc);
	}
	free(v);
	if (binlog_info(data, file, sizeof file, &pos) != 0)
		return 1;
	printf("restore: prepared in %.1f s; binlog position %s:%llu\n",
	    now_secs() - t0, file, pos);

	snprintf(arg_data, sizeof arg_data, "--datadir=%s", datadir);
	{
		const char *back[] = { "mariadb-backup", "--copy-back", arg_target, arg_data, NULL };

		if (run_logged(back, log) != 0)
			return 1;
	}
	/* the server runs as mysql on Debian: its files are its own */
	if (geteuid() == 0) {
		struct passwd *pw = getpwnam("mysql");

		if (pw != NULL) {
			chown_uid = pw->pw_uid;
			chown_gid = pw->pw_gid;
			if (nftw(datadir, chown_one, 32, FTW_PHYS) != 0)
				return fail("chown -R mysql %s: %s", datadir, strerror(errno));
		}
	}
	if (stash_binlogs(cfg, basename_, file, work, &count) != 0)
		return 1;
	if (path_of(p, "%s/binlog.pos", work) == -1 || (f = fopen(p, "we")) == NULL)
		return fail("%s: %s", p, strerror(errno));
	fprintf(f, "file=%s\npos=%llu\nbefore=%s\n", file, pos, before ? before : "");
	if (fclose(f) != 0)
		return fail("%s: %s", p, strerror(errno));
	rm_tree(data);
	printf("restore: files in place in %.1f s; %d binlog file(s) from %s:%llu set "
	    "aside in %s/binlog\n"
	    "restore: now start MariaDB (the portals stay stopped) and run "
	    "duijie-admin restore-binlog%s%s%s\n", now_secs() - t0, count, file, pos, work,
	    before ? " --before '" : "", before ? before : "", before ? "'" : "");
	return 0;
}

int
admin_restore_binlog(const struct config *cfg, const char *before)
{
	char work[PATH_MAX], posf[PATH_MAX], done[PATH_MAX], bdir[PATH_MAX], log[PATH_MAX];
	char file[SET_LEN * 4], posbuf[32], saved[64], arg_pos[64], arg_stop[96];
	char arg_sock[PATH_MAX + 16], arg_user[128];
	char **files = NULL;
	const char **argv = NULL;
	size_t n = 0, cap = 0, i, k;
	double t0 = now_secs();
	int fds[2], lfd, rc1, rc2, rc = 1;
	time_t t;
	pid_t p1, p2;
	DIR *d;
	struct dirent *e;

	if (before != NULL && parse_before(before, &t) != 0)
		return 1;
	if (lock_dir(cfg->backup.dir) != 0)
		return 1;
	if (path_of(work, "%s/restore", cfg->backup.dir) == -1 ||
	    path_of(posf, "%s/binlog.pos", work) == -1 ||
	    path_of(done, "%s/binlog.pos.done", work) == -1 ||
	    path_of(bdir, "%s/binlog", work) == -1 ||
	    path_of(log, "%s/replay.log", work) == -1)
		return 1;
	if (access(posf, F_OK) != 0) {
		if (access(done, F_OK) == 0)
			return fail("restore-binlog: the binlogs were replayed already "
			    "(%s); a second replay would apply them twice", done);
		return fail("restore-binlog: nothing to replay: run duijie-admin restore first");
	}
	if (info_get(posf, "file", file, sizeof file) != 0 ||
	    info_get(posf, "pos", posbuf, sizeof posbuf) != 0 ||
	    strspn(posbuf, "0123456789") != strlen(posbuf) || posbuf[0] == '\0')
		return fail("%s: no position", posf);
	if (before == NULL && info_get(posf, "before", saved, sizeof saved) == 0 &&
	    saved[0] != '\0') {
		if (parse_before(saved, &t) != 0)
			return 1;
		before = saved;
	}
	if ((d = opendir(bdir)) == NULL)
		return fail("%s: %s", bdir, strerror(errno));
	while ((e = readdir(d)) != NULL) {
		char p[PATH_MAX];

		if (e->d_name[0] == '.' || strcmp(e->d_name, file) < 0)
			continue;
		if (n == cap) {
			char **nf = reallocarray(files, cap ? cap * 2 : 16, sizeof *files);

			if (nf == NULL)
				goto oom;
			files = nf;
			cap = cap ? cap * 2 : 16;
		}
		if (path_of(p, "%s/%s", bdir, e->d_name) == -1 ||
		    (files[n] = strdup(p)) == NULL)
			goto oom;
		n++;
	}
	closedir(d);
	d = NULL;
	if (n == 0) {
		fail("restore-binlog: no binlog in %s", bdir);
		goto out;
	}
	for (i = 1; i < n; i++)	/* same stem, fixed-width numbers: name order */
		for (k = i; k > 0 && strcmp(files[k - 1], files[k]) > 0; k--) {
			char *tmp = files[k];

			files[k] = files[k - 1];
			files[k - 1] = tmp;
		}
	if ((argv = calloc(n + 8, sizeof *argv)) == NULL)
		goto oom;
	snprintf(arg_pos, sizeof arg_pos, "--start-position=%s", posbuf);
	snprintf(arg_stop, sizeof arg_stop, "--stop-datetime=%s", before ? before : "");
	snprintf(arg_sock, sizeof arg_sock, "--socket=%s", cfg->db.socket);
	snprintf(arg_user, sizeof arg_user, "--user=%s", cfg->backup.replay_user);
	k = 0;
	argv[k++] = "mariadb-binlog";
	argv[k++] = "--no-defaults";
	argv[k++] = "--disable-log-bin";
	argv[k++] = arg_pos;
	if (before != NULL)
		argv[k++] = arg_stop;
	for (i = 0; i < n; i++)
		argv[k++] = files[i];
	argv[k] = NULL;
	{
		const char *client[] = { "mariadb", "--no-defaults", arg_sock, arg_user,
		    "--binary-mode", "--batch", NULL };

		if ((lfd = open(log, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600)) == -1) {
			fail("%s: %s", log, strerror(errno));
			goto out;
		}
		if (pipe2(fds, O_CLOEXEC) == -1) {
			close(lfd);
			fail("pipe: %s", strerror(errno));
			goto out;
		}
		p1 = spawn(argv, -1, fds[1], lfd, fds[0]);
		p2 = p1 == -1 ? -1 : spawn(client, fds[0], lfd, lfd, fds[1]);
		close(fds[0]);
		close(fds[1]);
		close(lfd);
		rc1 = p1 == -1 ? -1 : reap(p1);
		rc2 = p2 == -1 ? -1 : reap(p2);
	}
	if (rc1 != 0 || rc2 != 0) {
		fail("restore-binlog: mariadb-binlog exit %d, mariadb exit %d; their "
		    "output: %s", rc1, rc2, log);
		goto out;
	}
	if (rename(posf, done) == -1) {
		fail("%s: %s", done, strerror(errno));
		goto out;
	}
	printf("restore-binlog: %zu binlog file(s) replayed from %s:%s%s%s in %.1f s\n"
	    "restore-binlog: next: duijie-admin audit-verify, duijie-admin backup full, "
	    "then start the portals\n", n, file, posbuf,
	    before ? " to before " : " to their end", before ? before : "", now_secs() - t0);
	rc = 0;
	goto out;
oom:
	fail("out of memory");
out:
	if (d != NULL)
		closedir(d);
	for (i = 0; i < n; i++)
		free(files[i]);
	free(files);
	free(argv);
	return rc;
}
