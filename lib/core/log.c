/*
 * log.c -- line-at-a-time logging to stderr.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "core/enumname.h"
#include "core/log.h"

static const char	*log_tag = "duijie";
static enum log_level	 log_max = LOG_INFO;
static long		 log_pid;	/* cached: one syscall less per line */

static const char *const level_names[LOG__MAX] = {
	[LOG_ERROR] = "error",
	[LOG_WARN] = "warn",
	[LOG_INFO] = "info",
	[LOG_DEBUG] = "debug",
};

void
log_init(const char *tag, enum log_level level)
{
	log_tag = tag;
	log_max = level;
	log_pid = (long)getpid();
}

enum log_level
log_level_parse(const char *s)
{
	int i = enum_parse(level_names, LOG__MAX, s);

	return i < 0 ? LOG_INFO : (enum log_level)i;
}

void
log_msg(enum log_level level, const char *fmt, ...)
{
	char		 line[2048];
	struct tm	 tm;
	time_t		 now;
	va_list		 ap;
	int		 n, m;

	if (level > log_max)
		return;
	now = time(NULL);
	gmtime_r(&now, &tm);
	n = snprintf(line, sizeof line, "%04d-%02d-%02dT%02d:%02d:%02dZ %s [%s %ld] ",
	    tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour,
	    tm.tm_min, tm.tm_sec, level_names[level], log_tag,
	    log_pid != 0 ? log_pid : (long)getpid());
	if (n < 0 || (size_t)n >= sizeof line)
		return;
	va_start(ap, fmt);
	m = vsnprintf(line + n, sizeof line - (size_t)n - 1, fmt, ap);
	va_end(ap);
	if (m < 0)
		return;
	n += m;
	if ((size_t)n > sizeof line - 2)
		n = (int)sizeof line - 2;
	/* One write(2) per line so lines from several workers never mix. */
	for (int i = 0; i < n; i++)
		if (line[i] == '\n' || line[i] == '\r')
			line[i] = ' ';
	line[n++] = '\n';
	(void)!write(STDERR_FILENO, line, (size_t)n);
}
