/*
 * csv.h -- CSV for spreadsheets (RFC 4180), built in a request arena.
 *
 * Every field is quoted, quotes inside are doubled and rows end in CRLF,
 * so commas, quotes and line breaks in the data stay inside their cell.
 * A field that a spreadsheet would read as a formula (first character
 * = + - @, tab or CR) gets a leading single quote: an exported audit row
 * can never run a formula in the auditor's Excel (CSV injection).
 */
#ifndef DUIJIE_CSV_H
#define DUIJIE_CSV_H

#include <stdbool.h>
#include <stddef.h>

#include "core/arena.h"

struct csv;

/* A new, empty document in `a`, starting with the UTF-8 BOM when `bom`
 * (Excel needs it to read UTF-8).  NULL on OOM. */
struct csv	*csv_new(struct arena *a, bool bom);

/* Appends one field to the current row (s NULL is "").  -1 on OOM, after
 * which every call fails and csv_data returns NULL. */
int		 csv_field(struct csv *, const char *s);
int		 csv_field_ll(struct csv *, long long v);
/* Ends the current row (CRLF).  -1 on OOM. */
int		 csv_end_row(struct csv *);

/* The document so far (not NUL-terminated; *len bytes), owned by the
 * arena; NULL after an allocation failure. */
const char	*csv_data(const struct csv *, size_t *len);

/* True when a spreadsheet would take s as a formula. */
bool		 csv_risky(const char *s);

#endif
