/*
 * files.h -- attachments: files that belong to an object (a loan
 * application's message, an objection), stored outside the web root and
 * served only through the owner's scope (issues 14 and 15,
 * schema/026_files.sql, X-SEC).
 *
 * How a feature uses it (docs/ARCHITECTURE.md, "Attachments"):
 *
 *   1. the route takes multipart (body_max BODY_ATTACHMENT, nginx 11m) and
 *      declares an FK_FILE field;
 *   2. before the transaction: files_accept() on the upload -- size and
 *      type, a message key for the field when refused -- then
 *      files_save() writes it under Paths.files (fsync, rename);
 *   3. inside the event's transaction (the message row is inserted):
 *      files_insert() with the owner's kind and id;
 *   4. when the transaction failed: files_discard() removes the file;
 *   5. serving (GET …/files/{id}): files_read() with a scope check that
 *      the owner object decides (the caller's own scoped getter of the
 *      owner), then the bytes with files_mime() and files_disposition().
 */
#ifndef DUIJIE_FILES_H
#define DUIJIE_FILES_H

#include <stdbool.h>
#include <stddef.h>

#include "core/arena.h"
#include "core/err.h"
#include "db/db.h"
#include "web/params.h"

/* A file's type, from its first bytes (never from its name). */
enum files_type { FILES_NONE, FILES_PDF, FILES_JPG, FILES_PNG, FILES__MAX };

/* The bytes files_sniff looks at. */
#define FILES_SNIFF_LEN	8
/* The default limit (Limits.attachment_max): 10 MiB. */
#define FILES_MAX_DEFAULT	(10u << 20)
/* Stored names: 32 hex digits, ".", the type; with the NUL. */
#define FILES_NAME_LEN	40
/* The uploader's file name as kept for display, in characters. */
#define FILES_FILENAME_MAX	100

/*
 * The type of a file that starts with buf[0..n): PDF ("%PDF-"), PNG (its
 * 8-byte signature), JPEG (FF D8 FF); FILES_NONE for anything else
 * (HTML, a script, an executable, whatever its name says).  Pure.
 */
enum files_type	files_sniff(const unsigned char *buf, size_t n);
/* "pdf", "jpg", "png" ("" for NONE); their MIME types
 * ("application/octet-stream" for NONE); the type of a name, NONE if
 * unknown. */
const char	*files_type_name(enum files_type);
const char	*files_mime(enum files_type);
enum files_type	 files_type_parse(const char *);

/* An upload accepted for storing. */
struct files_in {
	const struct upload	*up;
	enum files_type		 type;
	size_t			 size;
	char			 sha256[65];	/* hex, filled by files_save */
	char			 name[FILES_NAME_LEN];	/* stored name, by files_save */
	const char		*filename;	/* the sent name, cleaned, in the arena */
};

/*
 * Checks upload `up` against `max` bytes and the three types, reading
 * only its first bytes.  NULL when accepted (*in filled; name and sha256
 * empty until files_save), else the message key for the field (views
 * strings Err.<key>): "file_empty" (no bytes), "file_too_big" (over max),
 * "file_type" (not PDF, JPEG or PNG by its content).  A read error is
 * "file_read".  The sent name is kept without its directory part, at
 * most FILES_FILENAME_MAX characters, in `a`.
 */
const char	*files_accept(struct arena *a, const struct upload *up,
		    size_t max, struct files_in *in);

/*
 * Writes the accepted upload as a new file under `dir`: a temporary name
 * first, fsync, rename to in->name (random, never reused: O_EXCL), fsync
 * of the directory, so that a name in the table always means the whole
 * file.  Fills in->name and in->sha256.  Call it before the transaction
 * that records it.  ERR_IO (nothing left behind), ERR_CONFIG (dir too
 * long), ERR_NOMEM.
 */
enum err	files_save(const char *dir, struct files_in *in);

/*
 * The row of a saved file for owner (owner_kind, owner_id), uploaded by
 * user `by` (0: none), in the caller's open transaction (it neither
 * begins nor commits).  *id (may be NULL) gets its id.  ERR_INVAL for an
 * unsaved file or a bad owner kind ([a-z_]{1,40}); database errors as
 * db_exec.
 */
enum err	files_insert(struct db *, const char *owner_kind,
		    long long owner_id, long long by, const struct files_in *in,
		    long long *id);

/* Removes a saved file whose transaction failed (its row never
 * committed).  Never fails: a file nothing names is harmless. */
void		files_discard(const char *dir, const struct files_in *in);

struct files_row {
	long long	 id;
	const char	*owner_kind;
	long long	 owner_id;
	enum files_type	 type;
	long long	 size;
	const char	*sha256;
	const char	*storage_name;	/* never shown */
	const char	*filename;
	long long	 uploaded_by;
	const char	*created_at;	/* UTC */
};

/* The files of one owner, oldest first, into `a` (*v NULL when none). */
enum err	files_list(struct db *, struct arena *a, const char *owner_kind,
		    long long owner_id, struct files_row **v, size_t *n);

/*
 * Whether the caller may read the files of (owner_kind, owner_id): the
 * owner decides (typically its scoped getter with the request's scope).
 * ERR_OK yes, ERR_NOTFOUND no, any other error is passed on.
 */
typedef enum err files_scope_fn(void *ctx, const char *owner_kind,
		    long long owner_id);

/*
 * File `id` with its bytes, when may(ctx, owner) allows it: *row and
 * *data (size row->size) in `a`.  ERR_NOTFOUND for no such file and for
 * a file the check refuses (the same answer: 404); ERR_IO when the
 * stored file is missing, not a regular file or not of the recorded
 * size (altered); database errors as db_query.
 */
enum err	files_read(struct db *, struct arena *a, const char *dir,
		    long long id, files_scope_fn *may, void *ctx,
		    struct files_row *row, const unsigned char **data);

/*
 * The Content-Disposition value of a file served as a download:
 * `attachment; filename="file-ID.TYPE"; filename*=UTF-8''<the sent name,
 * percent-encoded>` (the second part only when a name was sent), so the
 * header carries no byte a client could split on.  In `a`; NULL on OOM.
 */
char		*files_disposition(struct arena *a, const struct files_row *row);

#endif
