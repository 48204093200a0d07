/*
 * qr.c -- libqrencode to a percent-encoded SVG.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <qrencode.h>

#include "formats/qr.h"

#define QUIET 4	/* modules of white border, as the standard asks */

char *
qr_svg_data_uri(struct arena *a, const char *text)
{
	static const char hex[] = "0123456789ABCDEF";
	QRcode	*q;
	char	*svg, *out, *p;
	size_t	 cap, n = 0, need;
	int	 w;

	if ((q = QRcode_encodeString(text, 0, QR_ECLEVEL_M, QR_MODE_8, 1)) == NULL)
		return NULL;
	w = q->width;
	cap = 256 + (size_t)w * (size_t)w * 16;
	if ((svg = malloc(cap)) == NULL) {
		QRcode_free(q);
		return NULL;
	}
	n = (size_t)snprintf(svg, cap,
	    "<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 %d %d' "
	    "shape-rendering='crispEdges'><rect width='100%%' height='100%%' "
	    "fill='white'/><path fill='black' d='", w + 2 * QUIET, w + 2 * QUIET);
	for (int y = 0; y < w; y++)
		for (int x = 0; x < w; x++)
			if (q->data[y * w + x] & 1)
				n += (size_t)snprintf(svg + n, cap - n, "M%d %dh1v1h-1z",
				    x + QUIET, y + QUIET);
	n += (size_t)snprintf(svg + n, cap - n, "'/></svg>");
	QRcode_free(q);
	need = sizeof "data:image/svg+xml," + 3 * n;
	if ((out = arena_alloc(a, need)) == NULL) {
		free(svg);
		return NULL;
	}
	p = out + sprintf(out, "data:image/svg+xml,");
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)svg[i];

		if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		    (c >= '0' && c <= '9') || c == '/' || c == '=' ||
		    c == '.' || c == '-' || c == ':')
			*p++ = (char)c;
		else {
			*p++ = '%';
			*p++ = hex[c >> 4];
			*p++ = hex[c & 15];
		}
	}
	*p = '\0';
	free(svg);
	return out;
}
