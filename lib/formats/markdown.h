/*
 * markdown.h -- CommonMark text rendered to HTML on the server (issue 17
 * "Articles", R-13.1, X-SEC), through Debian's libcmark.
 *
 * The author's text is untrusted: libcmark's safe mode (the default since
 * 0.29; CMARK_OPT_SAFE is passed as well) replaces raw HTML blocks and
 * inline HTML by a comment and drops javascript:/vbscript:/file:/data:
 * URLs; on top of that a link keeps its destination only when it is
 * http(s):// or a local path ("/news/3", "#top", not "//host"), and an
 * image only when it is a local path, so a page never loads from another
 * site.  Anything else becomes an empty destination.  The output is the
 * one HTML a template prints raw (views/article.cs, reviewed in
 * tests/unit/web/test_view.c).
 */
#ifndef DUIJIE_MARKDOWN_H
#define DUIJIE_MARKDOWN_H

#include <stdbool.h>
#include <stddef.h>

#include "core/arena.h"

/*
 * `text` (len bytes of UTF-8; invalid sequences are replaced by U+FFFD)
 * as HTML in arena `a`.  NULL on OOM; libcmark's own memory is freed
 * before returning.  Pure otherwise.
 */
char	*md_render(struct arena *a, const char *text, size_t len);

/* True when `url` may stay a link's destination: http://, https:// (any
 * case) or a local path starting with one '/', '#' or '?'.  Pure. */
bool	 md_link_ok(const char *url);
/* True when `url` may stay an image's source: a local path only. */
bool	 md_image_ok(const char *url);

#endif
