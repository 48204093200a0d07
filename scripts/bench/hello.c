/*
 * hello.c -- the baseline for `scripts/dev bench`: the cheapest possible
 * libfcgi responder, shaped like duijie (one unix socket, a prefork master,
 * N single-threaded workers in an FCGX_Accept_r loop), so that the ratio
 * "duijie req/s / hello req/s" behind the same nginx shows what the app
 * itself costs.
 *
 * usage: hello SOCKET_PATH WORKERS
 * Build: gcc -O2 -o hello hello.c -lfcgi
 * SIGTERM/SIGINT to the master stops the workers and removes the socket.
 */
#define _POSIX_C_SOURCE 200809L
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

#define MAX_WORKERS 64

static volatile sig_atomic_t stop;

static void on_stop(int sig)
{
	(void)sig;
	stop = 1;
}

static void serve(int sock)
{
	static const char resp[] =
	    "Status: 200 OK\r\nContent-Type: text/plain\r\n\r\nhello\n";
	FCGX_Request r;

	/* Die at once on SIGTERM; the master forwards it. */
	signal(SIGTERM, SIG_DFL);
	signal(SIGINT, SIG_DFL);
	if (FCGX_InitRequest(&r, sock, 0) != 0)
		_exit(1);
	while (FCGX_Accept_r(&r) >= 0) {
		FCGX_PutStr(resp, (int)sizeof resp - 1, r.out);
		/* closes as duijie's workers do (cgi/worker.c): at once when
		 * all input has been read, without libfcgi's lingering close */
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

	if (argc != 3) {
		fprintf(stderr, "usage: %s SOCKET_PATH WORKERS\n", argv[0]);
		return 2;
	}
	n = atoi(argv[2]);
	if (n < 1 || n > MAX_WORKERS) {
		fprintf(stderr, "hello: WORKERS must be 1..%d\n", MAX_WORKERS);
		return 2;
	}
	if (FCGX_Init() != 0) {
		fprintf(stderr, "hello: FCGX_Init failed\n");
		return 1;
	}
	sock = FCGX_OpenSocket(argv[1], 1024);
	if (sock < 0) {
		fprintf(stderr, "hello: cannot open socket %s\n", argv[1]);
		return 1;
	}
	/* FCGX_OpenSocket honours the umask; nginx workers run as nobody. */
	if (chmod(argv[1], 0666) != 0) {
		fprintf(stderr, "hello: chmod %s: %s\n", argv[1], strerror(errno));
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
			fprintf(stderr, "hello: fork: %s\n", strerror(errno));
			n = i;
			stop = 1;
			break;
		}
		if (kids[i] == 0)
			serve(sock);
	}
	fprintf(stderr, "hello: %d workers on %s\n", n, argv[1]);

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
