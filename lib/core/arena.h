/*
 * arena.h -- request-scoped memory.
 *
 * An arena hands out memory that is never freed one piece at a time: it
 * all goes at arena_reset() or arena_free().  Cleanup callbacks (close a
 * result set, unlink a temp file, destroy an HDF) run in reverse order of
 * registration at reset/free, before the memory goes.
 *
 * Allocation functions return NULL when memory is exhausted and leave the
 * arena usable.  Nothing outside the request may keep a pointer into it.
 */
#ifndef DUIJIE_ARENA_H
#define DUIJIE_ARENA_H

#include <stdarg.h>
#include <stddef.h>

struct arena;

/* New arena whose chunks are at least `chunk` bytes; NULL on OOM. */
struct arena	*arena_new(size_t chunk);
/* Runs the cleanups and frees everything, including `a`.  NULL is a no-op. */
void		 arena_free(struct arena *a);
/* Runs the cleanups and forgets every allocation; keeps the first chunk. */
void		 arena_reset(struct arena *a);

/* `n` bytes aligned for any type; NULL on OOM or when n overflows. */
void		*arena_alloc(struct arena *a, size_t n);
/* Zeroed `n * size` bytes; NULL on OOM or overflow. */
void		*arena_calloc(struct arena *a, size_t n, size_t size);
/* Copy of s[0..n) plus a terminating NUL. */
char		*arena_strndup(struct arena *a, const char *s, size_t n);
char		*arena_strdup(struct arena *a, const char *s);
char		*arena_printf(struct arena *a, const char *fmt, ...)
		    __attribute__((format(printf, 2, 3)));
char		*arena_vprintf(struct arena *a, const char *fmt, va_list ap)
		    __attribute__((format(printf, 2, 0)));
/* Registers fn(arg) to run at reset/free.  Returns 0, or -1 on OOM, in
 * which case fn has NOT been registered (the caller cleans up itself). */
int		 arena_cleanup(struct arena *a, void (*fn)(void *), void *arg);
/* Bytes handed out since the last reset (for tests and limits). */
size_t		 arena_used(const struct arena *a);

#endif
