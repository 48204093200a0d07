/*
 * arena.c -- request-scoped memory: a chunked bump allocator.
 *
 * Memory comes from a list of chunks.  Small requests are carved from the
 * current chunk; when it is full a new chunk of the arena's chunk size
 * becomes current.  A request larger than a quarter of the chunk size gets
 * a chunk of its own, so that it neither wastes the rest of the current
 * chunk nor forces the chunk size up.  Every allocation is aligned for
 * max_align_t.
 *
 * Cleanup records are malloc'd apart from the chunks so that arena_used()
 * counts only what callers asked for.
 */
#include <stdalign.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/arena.h"

#define ARENA_ALIGN	alignof(max_align_t)
#define ARENA_MINCHUNK	256

struct chunk {
	struct chunk	*next;
	size_t		 size;	/* usable bytes in data[] */
	size_t		 off;	/* first free byte in data[] */
	alignas(max_align_t) unsigned char data[];
};

struct cleanup {
	struct cleanup	*next;
	void		(*fn)(void *);
	void		*arg;
};

struct arena {
	struct chunk	*first;		/* kept by arena_reset() */
	struct chunk	*cur;		/* where small requests are carved */
	struct cleanup	*cleanups;	/* most recent first */
	size_t		 chunk;		/* size of ordinary chunks */
	size_t		 used;
};

/* Rounds n up to the alignment; 0 when that overflows. */
static size_t
arena_round(size_t n)
{
	if (n > SIZE_MAX - (ARENA_ALIGN - 1))
		return 0;
	return (n + ARENA_ALIGN - 1) & ~(size_t)(ARENA_ALIGN - 1);
}

static struct chunk *
chunk_new(size_t size)
{
	struct chunk	*c;

	if (size > SIZE_MAX - sizeof(*c))
		return NULL;
	if ((c = malloc(sizeof(*c) + size)) == NULL)
		return NULL;
	c->next = NULL;
	c->size = size;
	c->off = 0;
	return c;
}

/*
 * New arena whose ordinary chunks hold at least `chunk` bytes (a small or
 * zero value is raised to a sane minimum).  NULL on OOM or overflow.
 * The caller frees it with arena_free().
 */
struct arena *
arena_new(size_t chunk)
{
	struct arena	*a;

	if (chunk < ARENA_MINCHUNK)
		chunk = ARENA_MINCHUNK;
	if ((chunk = arena_round(chunk)) == 0)
		return NULL;
	if ((a = calloc(1, sizeof(*a))) == NULL)
		return NULL;
	if ((a->first = chunk_new(chunk)) == NULL) {
		free(a);
		return NULL;
	}
	a->cur = a->first;
	a->chunk = chunk;
	return a;
}

/* Runs and forgets the cleanups, most recently registered first. */
static void
arena_run_cleanups(struct arena *a)
{
	struct cleanup	*c, *next;

	/*
	 * Detach first: a cleanup that registers another one must not make
	 * this loop run forever or touch freed records.
	 */
	while ((c = a->cleanups) != NULL) {
		a->cleanups = NULL;
		for (; c != NULL; c = next) {
			next = c->next;
			if (c->fn != NULL)
				c->fn(c->arg);
			free(c);
		}
	}
}

/*
 * Runs the cleanups, then frees every chunk and `a` itself.  NULL is a
 * no-op.
 */
void
arena_free(struct arena *a)
{
	struct chunk	*c, *next;

	if (a == NULL)
		return;
	arena_run_cleanups(a);
	for (c = a->first; c != NULL; c = next) {
		next = c->next;
		free(c);
	}
	free(a);
}

/*
 * Runs the cleanups and forgets every allocation: all chunks but the first
 * are freed, the first is reused.  Pointers handed out before are invalid
 * afterwards.  NULL is a no-op.
 */
void
arena_reset(struct arena *a)
{
	struct chunk	*c, *next;

	if (a == NULL)
		return;
	arena_run_cleanups(a);
	for (c = a->first->next; c != NULL; c = next) {
		next = c->next;
		free(c);
	}
	a->first->next = NULL;
	a->first->off = 0;
	a->cur = a->first;
	a->used = 0;
}

/*
 * `n` bytes aligned for max_align_t, uninitialised.  A request for 0 bytes
 * returns a valid, distinct pointer.  NULL on OOM or when n is too large
 * to round; the arena stays usable either way.
 */
void *
arena_alloc(struct arena *a, size_t n)
{
	struct chunk	*c;
	size_t		 rn;
	void		*p;

	if ((rn = arena_round(n == 0 ? 1 : n)) == 0)
		return NULL;

	c = a->cur;
	if (c->size - c->off >= rn) {
		p = c->data + c->off;
		c->off += rn;
		a->used += n;
		return p;
	}

	if (rn > a->chunk / 4) {
		/* Oversized: its own chunk, behind the current one. */
		if ((c = chunk_new(rn)) == NULL)
			return NULL;
		c->next = a->first->next;
		a->first->next = c;
	} else {
		if ((c = chunk_new(a->chunk)) == NULL)
			return NULL;
		c->next = a->first->next;
		a->first->next = c;
		a->cur = c;
	}
	c->off = rn;
	a->used += n;
	return c->data;
}

/* Zeroed n * size bytes; NULL on OOM or when the product overflows. */
void *
arena_calloc(struct arena *a, size_t n, size_t size)
{
	void	*p;

	if (size != 0 && n > SIZE_MAX / size)
		return NULL;
	if ((p = arena_alloc(a, n * size)) != NULL)
		memset(p, 0, n * size);
	return p;
}

/*
 * Copy of exactly the n bytes at s (which must all be readable; a NUL
 * among them is copied like any byte) plus a terminating NUL.  NULL on OOM
 * or overflow.
 */
char *
arena_strndup(struct arena *a, const char *s, size_t n)
{
	char	*p;

	if (n == SIZE_MAX)
		return NULL;
	if ((p = arena_alloc(a, n + 1)) == NULL)
		return NULL;
	if (n > 0)
		memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

/* Copy of the NUL-terminated s; NULL on OOM. */
char *
arena_strdup(struct arena *a, const char *s)
{
	return arena_strndup(a, s, strlen(s));
}

/* Formatted string in the arena; NULL on OOM or a formatting error. */
char *
arena_vprintf(struct arena *a, const char *fmt, va_list ap)
{
	va_list	 ap2;
	int	 len;
	char	*p;

	va_copy(ap2, ap);
	len = vsnprintf(NULL, 0, fmt, ap2);
	va_end(ap2);
	if (len < 0)
		return NULL;
	if ((p = arena_alloc(a, (size_t)len + 1)) == NULL)
		return NULL;
	if (vsnprintf(p, (size_t)len + 1, fmt, ap) != len)
		return NULL;
	return p;
}

/* As arena_vprintf(). */
char *
arena_printf(struct arena *a, const char *fmt, ...)
{
	va_list	 ap;
	char	*p;

	va_start(ap, fmt);
	p = arena_vprintf(a, fmt, ap);
	va_end(ap);
	return p;
}

/*
 * Registers fn(arg) to run at the next reset/free, before any memory goes;
 * cleanups run in reverse order of registration.  Returns 0, or -1 on OOM,
 * in which case fn is not registered and the caller must clean up itself.
 */
int
arena_cleanup(struct arena *a, void (*fn)(void *), void *arg)
{
	struct cleanup	*c;

	if ((c = malloc(sizeof(*c))) == NULL)
		return -1;
	c->fn = fn;
	c->arg = arg;
	c->next = a->cleanups;
	a->cleanups = c;
	return 0;
}

/* Bytes asked for since the last reset (not counting alignment padding). */
size_t
arena_used(const struct arena *a)
{
	return a->used;
}
