/*
 * log.h -- one line per event on stderr (the master sends it to a file,
 * journald or syslog).  Never pass passwords, tokens, codes or bodies.
 *
 * Format: 2026-11-25T12:00:00Z LEVEL [portal pid] message
 */
#ifndef DUIJIE_LOG_H
#define DUIJIE_LOG_H

enum log_level { LOG_ERROR, LOG_WARN, LOG_INFO, LOG_DEBUG, LOG__MAX };

/* Sets the prefix tag (usually the portal) and the least severe level
 * printed, and notes the process id: call it again in a forked child.
 * `tag` must outlive all logging. */
void	log_init(const char *tag, enum log_level level);
/* Parses "error".."debug"; returns LOG_INFO for anything else. */
enum log_level log_level_parse(const char *s);
void	log_msg(enum log_level, const char *fmt, ...)
	    __attribute__((format(printf, 2, 3)));

#define log_error(...)	log_msg(LOG_ERROR, __VA_ARGS__)
#define log_warn(...)	log_msg(LOG_WARN, __VA_ARGS__)
#define log_info(...)	log_msg(LOG_INFO, __VA_ARGS__)
#define log_debug(...)	log_msg(LOG_DEBUG, __VA_ARGS__)

#endif
