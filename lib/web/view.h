/*
 * view.h -- ClearSilver templates, parsed once per worker.
 *
 * Each page is views/<page>.cs, which defines the macros `title` and
 * `content`, parsed together with views/layout.cs, which calls them: one
 * layout, one template per page.  HTML escaping is on for every `var:`
 * (Config.VarEscapeMode = html); templates use no construct that prints
 * raw (`alt:`, `name:`, `uvar:`: tests/unit/web/test_view.c checks them).
 * UI strings live in views/strings.hdf and are visible to every template
 * under `S.` without being copied into the request's data.
 */
#ifndef DUIJIE_VIEW_H
#define DUIJIE_VIEW_H

#include <stddef.h>

#include "core/cs.h"
#include "core/err.h"
#include "core/pager.h"

struct views;

/*
 * Loads dir/strings.hdf and parses dir/<names[i]>.cs + dir/layout.cs for
 * every i < n.  Returns ERR_OK, or ERR_TEMPLATE with ClearSilver's message
 * in errbuf (logged by the caller, never shown to users).
 */
enum err	views_load(const char *dir, const char *const *names, size_t n,
		    struct views **out, char *errbuf, size_t errlen);
void		views_free(struct views *);

/* The UI string `key` (e.g. "Err.required") or `key` itself if missing. */
const char	*views_str(const struct views *, const char *key);

/*
 * Renders page `idx` with `data` into *out (malloc'd, NUL-terminated,
 * caller frees).  ERR_TEMPLATE (logged with traceback) or ERR_NOMEM.
 */
enum err	view_render(struct views *, size_t idx, HDF *data,
		    char **out, size_t *len);
/*
 * A secret a page shows (a one-time password): the request's data holds
 * token (letters and digits, unguessable), the template prints it with
 * `var:` like any value, and view_render_secret() puts value in its place.
 */
struct view_secret {
	const char	*token;
	const char	*value;
};

/*
 * view_render() for a page that shows secrets: each token of sec[] in the
 * output is replaced by its value, html-escaped, in the output buffer,
 * the only copy the render makes (no HDF string, no ClearSilver escape
 * buffer, no freed block holds it).  ERR_INVAL for an empty token or NULL
 * value.  The caller wipes *out (its len + 1 bytes) before freeing it.
 */
enum err	view_render_secret(struct views *, size_t idx, HDF *data,
		    const struct view_secret *sec, size_t nsec, char **out,
		    size_t *len);

/*
 * The page `p` as Pager.{total, page, pages | capped, prev, next, href}
 * under `hdf`, for views/_pager.cs.  href is the list's URL up to the
 * page number ("/agencies?q=x&" or "/credit/batches?"); the template
 * appends "page=N".  Pager.href is href without its leading "/", which
 * the template writes itself.  -1 on OOM, and when href is NULL or not
 * a path of this site ("/..." but not "//...").
 */
int		pager_to_hdf(HDF *hdf, const struct pager *p, const char *href);

#endif
