/*
 * markdown.c -- CommonMark to HTML with links and images filtered
 * (markdown.h).
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <cmark.h>

#include "formats/markdown.h"

static bool
local_path(const char *url)
{
	if (url[0] == '/')
		return url[1] != '/' && url[1] != '\\';
	return url[0] == '#' || url[0] == '?';
}

bool
md_link_ok(const char *url)
{
	if (url == NULL || *url == '\0')
		return false;
	if (strncasecmp(url, "https://", 8) == 0)
		return url[8] != '\0';
	if (strncasecmp(url, "http://", 7) == 0)
		return url[7] != '\0';
	return local_path(url);
}

bool
md_image_ok(const char *url)
{
	return url != NULL && local_path(url);
}

/* Every link and image whose destination is refused gets an empty one. */
static int
filter_urls(cmark_node *doc)
{
	cmark_iter		*it = cmark_iter_new(doc);
	cmark_event_type	 ev;
	int			 rc = 0;

	if (it == NULL)
		return -1;
	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node	*n = cmark_iter_get_node(it);
		cmark_node_type	 t = cmark_node_get_type(n);
		const char	*url;

		if (ev != CMARK_EVENT_ENTER ||
		    (t != CMARK_NODE_LINK && t != CMARK_NODE_IMAGE))
			continue;
		url = cmark_node_get_url(n);
		if ((t == CMARK_NODE_LINK ? md_link_ok(url) : md_image_ok(url)))
			continue;
		if (cmark_node_set_url(n, "") == 0)
			rc = -1;
	}
	cmark_iter_free(it);
	return rc;
}

char *
md_render(struct arena *a, const char *text, size_t len)
{
	const int	 opt = CMARK_OPT_SAFE | CMARK_OPT_VALIDATE_UTF8;
	cmark_node	*doc;
	char		*html, *out = NULL;

	if ((doc = cmark_parse_document(text != NULL ? text : "",
	    text != NULL ? len : 0, opt)) == NULL)
		return NULL;
	if (filter_urls(doc) == 0 && (html = cmark_render_html(doc, opt)) != NULL) {
		out = arena_strdup(a, html);
		free(html);
	}
	cmark_node_free(doc);
	return out;
}
