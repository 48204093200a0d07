/*
 * floor.c -- the stack floor for `scripts/dev bench` (issue 19 item 1a):
 * what no application on this stack can beat for a signed-in page.  The
 * shape of duijie's workers and of scripts/bench/hello.c (one unix
 * socket, a prefork master, N single-threaded workers in an
 * FCGX_Accept_r loop); each request makes one prepared primary-key
 * SELECT on MariaDB (the demo user's row) and renders the real
 * views/account.cs inside views/layout.cs with views/strings.hdf, parsed
 * once per worker as lib/web/view.c does, html-escaped.
 *
 * usage: floor SOCKET_PATH WORKERS VIEWS_DIR DB_SOCKET DB_USER DB_NAME USER_ID
 * The password comes from the environment (FLOOR_DB_PASSWORD).
 * Build: gcc -O2 -I/usr/include/ClearSilver $(pkg-config --cflags libmariadb)
 *        -o floor floor.c -lfcgi -lneo_cgi -lneo_cs -lneo_utl -lz
 *        $(pkg-config --libs libmariadb)
 * SIGTERM/SIGINT to the master stops the workers and removes the socket.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fcgiapp.h>
#include <mysql.h>
#include <ClearSilver.h>

#define MAX_WORKERS 64
#define NCOL 5

static volatile sig_atomic_t stop;
static const char *const cols[NCOL] = {
	"User.username", "User.real_name", "User.role", "User.region",
	"User.org_name",
};

static void on_stop(int sig)
{
	(void)sig;
	stop = 1;
}

static NEOERR *render_cb(void *ctx, char *s)
{
	return string_append((STRING *)ctx, s);
}

static void die(const char *what, const char *why)
{
	fprintf(stderr, "floor: %s: %s\n", what, why != NULL ? why : "");
	_exit(1);
}

static void serve(int sock, char **argv)
{
	const char *q = "SELECT username, real_name, role, region_code, org_name"
	    " FROM users WHERE id = ?";
	char buf[NCOL][256], path[1024];
	unsigned long len[NCOL];
	long long uid = atoll(argv[7]);
	MYSQL_BIND in, out[NCOL];
	MYSQL_STMT *st;
	FCGX_Request r;
	HDF *global;
	CSPARSE *cs;
	MYSQL *m;

	signal(SIGTERM, SIG_DFL);
	signal(SIGINT, SIG_DFL);
	if ((m = mysql_init(NULL)) == NULL)
		die("mysql_init", NULL);
	mysql_options(m, MYSQL_SET_CHARSET_NAME, "utf8mb4");
	if (mysql_real_connect(m, NULL, argv[5], getenv("FLOOR_DB_PASSWORD"),
	    argv[6], 0, argv[4], 0) == NULL)
		die("connect", mysql_error(m));
	if ((st = mysql_stmt_init(m)) == NULL ||
	    mysql_stmt_prepare(st, q, strlen(q)) != 0)
		die("prepare", mysql_error(m));
	memset(&in, 0, sizeof in);
	in.buffer_type = MYSQL_TYPE_LONGLONG;
	in.buffer = &uid;
	memset(out, 0, sizeof out);
	for (int i = 0; i < NCOL; i++) {
		out[i].buffer_type = MYSQL_TYPE_STRING;
		out[i].buffer = buf[i];
		out[i].buffer_length = sizeof buf[i] - 1;
		out[i].length = &len[i];
	}
	if (mysql_stmt_bind_param(st, &in) != 0 ||
	    mysql_stmt_bind_result(st, out) != 0)
		die("bind", mysql_stmt_error(st));

	/* the page parsed once, as lib/web/view.c does */
	if (hdf_init(&global) != STATUS_OK ||
	    hdf_set_value(global, "hdf.loadpaths.0", argv[3]) != STATUS_OK ||
	    hdf_set_value(global, "Config.VarEscapeMode", "html") != STATUS_OK)
		die("hdf", NULL);
	snprintf(path, sizeof path, "%s/strings.hdf", argv[3]);
	if (hdf_read_file(global, path) != STATUS_OK ||
	    cs_init(&cs, global) != STATUS_OK)
		die("strings.hdf", path);
	cs->global_hdf = global;
	if (cs_parse_file(cs, "account.cs") != STATUS_OK ||
	    cs_parse_file(cs, "layout.cs") != STATUS_OK)
		die("parse", "account.cs, layout.cs");

	if (FCGX_InitRequest(&r, sock, 0) != 0)
		_exit(1);
	while (FCGX_Accept_r(&r) >= 0) {
		HDF *data = NULL;
		STRING s;
		int ok;

		ok = mysql_stmt_execute(st) == 0 && mysql_stmt_store_result(st) == 0 &&
		    mysql_stmt_fetch(st) == 0;
		if (ok) {
			ok = hdf_init(&data) == STATUS_OK;
			for (int i = 0; ok && i < NCOL; i++) {
				buf[i][len[i] < sizeof buf[i] ? len[i] : sizeof buf[i] - 1] = '\0';
				ok = hdf_set_value(data, cols[i], buf[i]) == STATUS_OK;
			}
		}
		mysql_stmt_free_result(st);
		string_init(&s);
		if (ok) {
			cs->hdf = data;
			ok = cs_render(cs, &s, render_cb) == STATUS_OK;
			cs->hdf = global;
		}
		if (ok) {
			FCGX_FPrintF(r.out, "Status: 200 OK\r\nContent-Type: text/html;"
			    " charset=utf-8\r\nContent-Length: %d\r\n\r\n", s.len);
			FCGX_PutStr(s.buf, s.len, r.out);
		} else
			FCGX_FPrintF(r.out, "Status: 500 Internal Server Error\r\n"
			    "Content-Type: text/plain\r\n\r\nfloor: %s\n",
			    mysql_stmt_error(st));
		string_clear(&s);
		hdf_destroy(&data);
		if (FCGX_GetChar(r.in) == EOF)
			(void)FCGX_Detach(&r);
		FCGX_Finish_r(&r);
	}
	_exit(0);
}

int main(int argc, char **argv)
{
	pid_t kids[MAX_WORKERS];
	struct sigaction sa;
	int n, i, sock;

	if (argc != 8) {
		fprintf(stderr, "usage: %s SOCKET_PATH WORKERS VIEWS_DIR DB_SOCKET"
		    " DB_USER DB_NAME USER_ID\n", argv[0]);
		return 2;
	}
	n = atoi(argv[2]);
	if (n < 1 || n > MAX_WORKERS) {
		fprintf(stderr, "floor: WORKERS must be 1..%d\n", MAX_WORKERS);
		return 2;
	}
	if (FCGX_Init() != 0 || (sock = FCGX_OpenSocket(argv[1], 1024)) < 0) {
		fprintf(stderr, "floor: cannot open socket %s\n", argv[1]);
		return 1;
	}
	if (chmod(argv[1], 0666) != 0) {
		fprintf(stderr, "floor: chmod %s: %s\n", argv[1], strerror(errno));
		return 1;
	}
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_stop;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);
	for (i = 0; i < n; i++) {
		kids[i] = fork();
		if (kids[i] < 0) {
			fprintf(stderr, "floor: fork: %s\n", strerror(errno));
			n = i;
			stop = 1;
			break;
		}
		if (kids[i] == 0)
			serve(sock, argv);
	}
	fprintf(stderr, "floor: %d workers on %s\n", n, argv[1]);
	while (!stop) {
		if (wait(NULL) < 0 && errno == ECHILD)
			break;
	}
	for (i = 0; i < n; i++)
		kill(kids[i], SIGTERM);
	while (wait(NULL) > 0 || errno == EINTR)
		;
	unlink(argv[1]);
	return 0;
}
