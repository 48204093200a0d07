/*
 * qr.h -- a QR code as an SVG data: URI (for TOTP enrolment), so the page
 * needs no script and no image request, and CSP's img-src data: allows it.
 */
#ifndef DUIJIE_QR_H
#define DUIJIE_QR_H

#include "core/arena.h"

/* "data:image/svg+xml,..." for `text`, in the arena; NULL on failure. */
char	*qr_svg_data_uri(struct arena *, const char *text);

#endif
