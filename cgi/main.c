/*
 * main.c -- `duijie --portal internet|intranet --config FILE`: the
 * master.  It binds the portal's FastCGI socket (and, when configured, the
 * sign-in pool's: the requests nginx sends there run the password KDF, so
 * a burst of sign-ins takes those workers only; issue 19 item 4),
 * preforks the workers of each and supervises them:
 *
 *   a worker that dies is restarted, with a back-off when it keeps dying;
 *   SIGHUP re-reads the configuration and replaces the workers one by one
 *     (a configuration or template that does not load keeps the old ones);
 *   SIGTERM/SIGINT stop accepting, let in-flight requests finish, exit.
 *
 * The master never touches the database or a request.  Signals are
 * handled synchronously (sigtimedwait), so there is no async handler
 * state to get wrong.
 */
#include <errno.h>
#include <getopt.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <fcgiapp.h>
#include <mysql.h>

#include "core/log.h"
#include "routes.h"
#include "crypto/seal.h"
#include "worker.h"

#define WORKERS_MAX	256
#define GRACE_SECS	30	/* in-flight requests get this long at stop */
#define BACKOFF_MAX	30	/* seconds between restarts of a failing worker */
#define QUICK_DEATH	5	/* a worker that dies younger than this backs off */

struct slot {
	pid_t	pid;		/* 0: empty, waiting for `due` */
	time_t	started;
	time_t	due;		/* when to (re)start it */
	int	backoff;
};

static struct config	 cfg;
static struct slot	 slots[WORKERS_MAX + 64];
static int		 nslots;	/* cfg.workers, then cfg.signin_workers */
static int		 sock = -1;	/* the pages' socket */
static int		 ssock = -1;	/* the sign-in pool's, or -1 */
static sigset_t		 watched;

/* Slots [0, cfg.workers) accept on sock, the rest on ssock. */
static bool
signin_slot(int i)
{
	return i >= cfg.workers;
}

static void
usage(void)
{
	fprintf(stderr, "usage: duijie --portal internet|intranet --config FILE [--check]\n");
	exit(2);
}

static pid_t
spawn(bool signin)
{
	pid_t pid = fork();

	if (pid == -1) {
		log_error("fork: %s", strerror(errno));
		return -1;
	}
	if (pid == 0) {
		struct app app;

		sigprocmask(SIG_UNBLOCK, &watched, NULL);
		signal(SIGCHLD, SIG_DFL);
		memset(&app, 0, sizeof app);
		app.cfg = &cfg;
		/* each worker holds its own pool's socket only; the sign-in
		 * pool's are told apart by name (ps, pgrep -x) */
		if (signin) {
			close(sock);
			(void)prctl(PR_SET_NAME, "duijie-signin", 0, 0, 0);
			_exit(worker_main(&app, ssock));
		}
		if (ssock != -1)
			close(ssock);
		_exit(worker_main(&app, sock));
	}
	return pid;
}

static void
start_due(time_t now)
{
	for (int i = 0; i < nslots; i++) {
		if (slots[i].pid != 0 || slots[i].due > now)
			continue;
		if ((slots[i].pid = spawn(signin_slot(i))) == -1) {
			slots[i].pid = 0;
			slots[i].due = now + 1;
			continue;
		}
		slots[i].started = now;
	}
}

/* Reaps every dead child; schedules restarts for the ones in slots. */
static void
reap(time_t now, bool restart)
{
	pid_t	pid;
	int	status;

	while ((pid = waitpid(-1, &status, WNOHANG)) > 0) {
		int i;

		for (i = 0; i < nslots && slots[i].pid != pid; i++)
			;
		if (i == nslots)
			continue;	/* a retired worker */
		slots[i].pid = 0;
		if (!restart)
			continue;
		if (now - slots[i].started < QUICK_DEATH)
			slots[i].backoff = slots[i].backoff == 0 ? 1 :
			    slots[i].backoff * 2 > BACKOFF_MAX ? BACKOFF_MAX :
			    slots[i].backoff * 2;
		else
			slots[i].backoff = 0;
		slots[i].due = now + slots[i].backoff;
		if (WIFSIGNALED(status))
			log_warn("worker %ld killed by signal %d; restarting in %d s",
			    (long)pid, WTERMSIG(status), slots[i].backoff);
		else
			log_warn("worker %ld exited with status %d; restarting in %d s",
			    (long)pid, WEXITSTATUS(status), slots[i].backoff);
	}
}

/* Sends SIGTERM to `pid` and waits for it, SIGKILL after the grace time. */
static void
retire(pid_t pid)
{
	time_t	 until = time(NULL) + GRACE_SECS;
	int	 status;

	kill(pid, SIGTERM);
	while (waitpid(pid, &status, WNOHANG) == 0) {
		if (time(NULL) >= until) {
			log_warn("worker %ld did not stop in %d s; killing it",
			    (long)pid, GRACE_SECS);
			kill(pid, SIGKILL);
			waitpid(pid, &status, 0);
			break;
		}
		usleep(10 * 1000);
	}
}

/* Templates and strings must load before workers are started with them. */
static bool
views_ok(const struct config *c)
{
	struct views	*v;
	char		 err[512];

	if (views_load(c->views, tmpl_names, TMPL__MAX, &v, err, sizeof err) != ERR_OK) {
		log_error("templates: %s", err);
		return false;
	}
	views_free(v);
	return true;
}

static void
reload(void)
{
	struct config	 next;
	char		 err[512];
	int		 old_n = nslots;

	if (config_load(cfg.path, cfg.portal, &next, err, sizeof err) != ERR_OK) {
		log_error("reload: %s; keeping the running workers", err);
		return;
	}
	if (!views_ok(&next)) {
		log_error("reload: keeping the running workers");
		config_free(&next);
		return;
	}
	if (strcmp(next.socket, cfg.socket) != 0)
		log_warn("reload: a new socket path takes a restart; keeping %s",
		    cfg.socket);
	free(next.socket);
	next.socket = cfg.socket;
	cfg.socket = NULL;
	/* the same for the sign-in pool: its socket is the one bound */
	if ((next.signin_socket == NULL) != (cfg.signin_socket == NULL) ||
	    (next.signin_socket != NULL &&
	    strcmp(next.signin_socket, cfg.signin_socket) != 0))
		log_warn("reload: a new sign-in socket takes a restart; keeping %s",
		    cfg.signin_socket != NULL ? cfg.signin_socket : "none");
	free(next.signin_socket);
	next.signin_socket = cfg.signin_socket;
	cfg.signin_socket = NULL;
	if (next.signin_socket == NULL)
		next.signin_workers = 0;
	else if (next.signin_workers == 0)
		next.signin_workers = 1;
	config_free(&cfg);
	cfg = next;
	if (cfg.have_keys)
		seal_contacts_init(cfg.data_key);
	log_init(cfg.portal_name, cfg.log_level);
	nslots = cfg.workers + cfg.signin_workers;
	log_info("reload: replacing %d workers one by one", old_n);
	for (int i = 0; i < old_n || i < nslots; i++) {
		pid_t old = i < old_n ? slots[i].pid : 0;

		slots[i].pid = 0;
		slots[i].backoff = 0;
		slots[i].due = 0;
		if (i < nslots) {
			start_due(time(NULL));
			/* Mark the slot before retiring so reap() ignores old. */
		}
		if (old > 0)
			retire(old);
	}
	log_info("reload: done, %d workers", nslots);
}

static void
stop(void)
{
	time_t until = time(NULL) + GRACE_SECS;

	log_info("stopping: letting in-flight requests finish");
	for (int i = 0; i < nslots; i++)
		if (slots[i].pid > 0)
			kill(slots[i].pid, SIGTERM);
	for (;;) {
		pid_t	pid;
		int	status, left = 0;

		while ((pid = waitpid(-1, &status, WNOHANG)) > 0)
			for (int i = 0; i < nslots; i++)
				if (slots[i].pid == pid)
					slots[i].pid = 0;
		for (int i = 0; i < nslots; i++)
			left += slots[i].pid > 0;
		if (left == 0)
			break;
		if (time(NULL) >= until) {
			for (int i = 0; i < nslots; i++)
				if (slots[i].pid > 0)
					kill(slots[i].pid, SIGKILL);
			log_warn("stopping: killed %d workers after %d s", left, GRACE_SECS);
			until = time(NULL) + 5;
		}
		usleep(10 * 1000);
	}
	unlink(cfg.socket);
	if (cfg.signin_socket != NULL)
		unlink(cfg.signin_socket);
	log_info("stopped");
}

int
main(int argc, char *argv[])
{
	static const struct option opts[] = {
		{ "portal", required_argument, NULL, 'p' },
		{ "config", required_argument, NULL, 'c' },
		{ "check", no_argument, NULL, 'k' },
		{ NULL, 0, NULL, 0 },
	};
	const char	*portal = NULL, *path = NULL;
	bool		 check = false;
	char		 err[512];
	int		 ch;
	enum portal	 p;

	/* What the starter left open past stderr is no worker's business
	 * and no child's (the SMS command): close-on-exec from here on
	 * (issue 12 item 18; tests/http/t_33_cloexec.sh). */
	(void)close_range(3, ~0U, CLOSE_RANGE_CLOEXEC);

	while ((ch = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		switch (ch) {
		case 'p': portal = optarg; break;
		case 'c': path = optarg; break;
		case 'k': check = true; break;
		default: usage();
		}
	}
	if (portal == NULL || path == NULL || optind != argc ||
	    (p = portal_parse(portal)) == PORTAL_NONE)
		usage();
	if (config_load(path, p, &cfg, err, sizeof err) != ERR_OK) {
		fprintf(stderr, "duijie: %s\n", err);
		return 1;
	}
	log_init(cfg.portal_name, cfg.log_level);
	if (cfg.have_keys)	/* without them no contact is stored (seal.h) */
		seal_contacts_init(cfg.data_key);
	nerr_init();
	if (!views_ok(&cfg))
		return 1;
	if (check) {
		printf("duijie: %s configuration and templates are fine\n", cfg.portal_name);
		return 0;
	}
	if (cfg.workers > WORKERS_MAX)
		cfg.workers = WORKERS_MAX;
	if (mysql_library_init(0, NULL, NULL) != 0) {
		log_error("mysql_library_init failed");
		return 1;
	}
	if (FCGX_Init() != 0) {
		log_error("FCGX_Init failed");
		return 1;
	}
	/* FCGX_OpenSocket replaces a stale socket file; its mode follows the
	 * umask, so set the configured one explicitly. */
	if ((sock = FCGX_OpenSocket(cfg.socket, 1024)) < 0) {
		log_error("cannot listen on %s", cfg.socket);
		return 1;
	}
	if (chmod(cfg.socket, cfg.socket_mode) == -1) {
		log_error("chmod %s: %s", cfg.socket, strerror(errno));
		return 1;
	}
	if (cfg.signin_socket != NULL &&
	    ((ssock = FCGX_OpenSocket(cfg.signin_socket, 1024)) < 0 ||
	    chmod(cfg.signin_socket, cfg.socket_mode) == -1)) {
		log_error("cannot listen on %s", cfg.signin_socket);
		return 1;
	}

	sigemptyset(&watched);
	sigaddset(&watched, SIGCHLD);
	sigaddset(&watched, SIGHUP);
	sigaddset(&watched, SIGTERM);
	sigaddset(&watched, SIGINT);
	sigprocmask(SIG_BLOCK, &watched, NULL);
	signal(SIGPIPE, SIG_IGN);

	nslots = cfg.workers + cfg.signin_workers;
	start_due(time(NULL));
	log_info("listening on %s with %d workers", cfg.socket, cfg.workers);
	if (cfg.signin_socket != NULL)
		log_info("sign-in pool: listening on %s with %d workers",
		    cfg.signin_socket, cfg.signin_workers);
	for (;;) {
		struct timespec	 tick = { 1, 0 };
		int		 sig = sigtimedwait(&watched, NULL, &tick);

		if (sig == SIGTERM || sig == SIGINT) {
			stop();
			return 0;
		}
		if (sig == SIGHUP)
			reload();
		reap(time(NULL), true);
		start_due(time(NULL));
	}
}
