/*
 * files.c -- attachments (see files.h).
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <openssl/evp.h>

#include "core/enumname.h"
#include "core/log.h"
#include "core/utf8.h"
#include "crypto/crypto.h"
#include "store/files.h"

enum {
	STMT_FILES_INSERT,
	STMT_FILES_GET,
	STMT_FILES_LIST,
	STMT_FILES__MAX
};

#define ROW_COLS \
	"id, owner_kind, owner_id, ftype, size, sha256, storage_name, filename," \
	" COALESCE(uploaded_by, 0), created_at"

static const char *const sql[STMT_FILES__MAX] = {
	[STMT_FILES_INSERT] =
	    "INSERT INTO files (owner_kind, owner_id, ftype, size, sha256,"
	    " storage_name, filename, uploaded_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
	[STMT_FILES_GET] = "SELECT " ROW_COLS " FROM files WHERE id = ?",
	[STMT_FILES_LIST] =
	    "SELECT " ROW_COLS " FROM files WHERE owner_kind = ? AND owner_id = ?"
	    " ORDER BY id",
};

static const struct db_module mod = { DBM_FILES, STMT_FILES__MAX, sql };

static const char *const type_names[FILES__MAX] = {
	[FILES_NONE] = "", [FILES_PDF] = "pdf", [FILES_JPG] = "jpg",
	[FILES_PNG] = "png",
};
static const char *const type_mimes[FILES__MAX] = {
	[FILES_NONE] = "application/octet-stream", [FILES_PDF] = "application/pdf",
	[FILES_JPG] = "image/jpeg", [FILES_PNG] = "image/png",
};

enum files_type
files_sniff(const unsigned char *b, size_t n)
{
	static const unsigned char png[8] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };

	if (b == NULL)
		return FILES_NONE;
	if (n >= 8 && memcmp(b, png, 8) == 0)
		return FILES_PNG;
	if (n >= 5 && memcmp(b, "%PDF-", 5) == 0)
		return FILES_PDF;
	if (n >= 4 && b[0] == 0xff && b[1] == 0xd8 && b[2] == 0xff)
		return FILES_JPG;
	return FILES_NONE;
}

const char *
files_type_name(enum files_type t)
{
	return (unsigned)t < FILES__MAX ? type_names[t] : "";
}

const char *
files_mime(enum files_type t)
{
	return (unsigned)t < FILES__MAX ? type_mimes[t] : type_mimes[FILES_NONE];
}

enum files_type
files_type_parse(const char *s)
{
	for (int t = FILES_PDF; s != NULL && t < FILES__MAX; t++)
		if (strcmp(s, type_names[t]) == 0)
			return (enum files_type)t;
	return FILES_NONE;
}

/* The sent name without a directory part, valid UTF-8 of at most
 * FILES_FILENAME_MAX characters, no control characters; "" when none. */
static const char *
clean_filename(struct arena *a, const char *s)
{
	const char	*base;
	size_t		 n, off = 0, chars = 0;
	char		*out;

	if (s == NULL)
		return "";
	base = strrchr(s, '/');
	base = base != NULL ? base + 1 : s;
	if (strrchr(base, '\\') != NULL)
		base = strrchr(base, '\\') + 1;
	n = strlen(base);
	if (!utf8_valid(base, n) || (out = arena_alloc(a, n + 1)) == NULL)
		return "";
	for (size_t i = 0; i < n && chars < FILES_FILENAME_MAX; ) {
		size_t len = 1;
		unsigned char c = (unsigned char)base[i];

		if (c >= 0xf0)
			len = 4;
		else if (c >= 0xe0)
			len = 3;
		else if (c >= 0xc0)
			len = 2;
		if (c < 0x20 || c == 0x7f || c == '"')
			out[off++] = '_';
		else {
			memcpy(out + off, base + i, len);
			off += len;
		}
		i += len;
		chars++;
	}
	out[off] = '\0';
	return out;
}

const char *
files_accept(struct arena *a, const struct upload *up, size_t max,
    struct files_in *in)
{
	unsigned char	 head[FILES_SNIFF_LEN];
	size_t		 want, got = 0;

	memset(in, 0, sizeof *in);
	if (up == NULL || up->size == 0)
		return "file_empty";
	if (up->size > max)
		return "file_too_big";
	want = up->size < sizeof head ? up->size : sizeof head;
	while (got < want) {
		ssize_t r = pread(up->fd, head + got, want - got, (off_t)got);

		if (r == -1 && errno == EINTR)
			continue;
		if (r <= 0)
			return "file_read";
		got += (size_t)r;
	}
	if ((in->type = files_sniff(head, got)) == FILES_NONE)
		return "file_type";
	in->up = up;
	in->size = up->size;
	in->filename = clean_filename(a, up->filename);
	return NULL;
}

/* fsync of the directory, so a new or renamed name survives a crash. */
static int
sync_dir(const char *dir)
{
	int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	int rc;

	if (fd == -1)
		return -1;
	rc = fsync(fd);
	close(fd);
	return rc;
}

/* Copies the upload (from offset 0) to fd, hashing it.  0 or -1. */
static int
copy_hash(int from, size_t size, int to, unsigned char digest[32])
{
	EVP_MD_CTX	*md = EVP_MD_CTX_new();
	unsigned char	 buf[65536];
	size_t		 done = 0;
	unsigned int	 dlen = 0;
	int		 rc = -1;

	if (md == NULL || EVP_DigestInit_ex(md, EVP_sha256(), NULL) != 1)
		goto out;
	while (done < size) {
		size_t	 want = size - done < sizeof buf ? size - done : sizeof buf;
		ssize_t	 r = pread(from, buf, want, (off_t)done);
		size_t	 off = 0;

		if (r == -1 && errno == EINTR)
			continue;
		if (r <= 0)
			goto out;
		if (EVP_DigestUpdate(md, buf, (size_t)r) != 1)
			goto out;
		while (off < (size_t)r) {
			ssize_t w = write(to, buf + off, (size_t)r - off);

			if (w == -1 && errno == EINTR)
				continue;
			if (w <= 0)
				goto out;
			off += (size_t)w;
		}
		done += (size_t)r;
	}
	if (EVP_DigestFinal_ex(md, digest, &dlen) != 1 || dlen != 32)
		goto out;
	rc = 0;
out:
	EVP_MD_CTX_free(md);
	return rc;
}

enum err
files_save(const char *dir, struct files_in *in)
{
	unsigned char	 rnd[16], digest[32];
	char		 hex[33], tmp[4096], path[4096];
	int		 fd;

	if (in->up == NULL || in->type == FILES_NONE)
		return ERR_INVAL;
	if (crypto_random(rnd, sizeof rnd) == -1)
		return ERR_IO;
	crypto_hex(rnd, sizeof rnd, hex);
	snprintf(in->name, sizeof in->name, "%s.%s", hex, files_type_name(in->type));
	if ((size_t)snprintf(path, sizeof path, "%s/%s", dir, in->name) >= sizeof path ||
	    (size_t)snprintf(tmp, sizeof tmp, "%s/.tmp-%s", dir, in->name) >= sizeof tmp) {
		in->name[0] = '\0';
		return ERR_CONFIG;
	}
	fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0640);
	if (fd == -1) {
		log_error("files: %s: %s", tmp, strerror(errno));
		in->name[0] = '\0';
		return ERR_IO;
	}
	if (copy_hash(in->up->fd, in->size, fd, digest) == -1 || fsync(fd) == -1) {
		log_error("files: writing %s: %s", tmp, strerror(errno));
		close(fd);
		goto fail;
	}
	if (close(fd) == -1)
		goto fail;
	/* the final name never exists half-written (128 random bits: no
	 * other file has it) */
	if (rename(tmp, path) == -1) {
		log_error("files: %s: %s", path, strerror(errno));
		goto fail;
	}
	if (sync_dir(dir) == -1) {
		log_error("files: sync of %s: %s", dir, strerror(errno));
		unlink(path);
		in->name[0] = '\0';
		return ERR_IO;
	}
	crypto_hex(digest, sizeof digest, in->sha256);
	return ERR_OK;
fail:
	unlink(tmp);
	in->name[0] = '\0';
	return ERR_IO;
}

static bool
owner_kind_valid(const char *s)
{
	size_t n = s != NULL ? strlen(s) : 0;

	return n > 0 && n <= 40 && strspn(s, "abcdefghijklmnopqrstuvwxyz_") == n;
}

/* A stored name is ours: 32 hex digits, a dot, a known type. */
static bool
name_valid(const char *s)
{
	if (s == NULL || strlen(s) != 36 || strspn(s, "0123456789abcdef") != 32 ||
	    s[32] != '.')
		return false;
	return files_type_parse(s + 33) != FILES_NONE;
}

enum err
files_insert(struct db *db, const char *owner_kind, long long owner_id,
    long long by, const struct files_in *in, long long *id)
{
	unsigned long long nid = 0;
	enum err rc;

	if (!owner_kind_valid(owner_kind) || owner_id <= 0 ||
	    !name_valid(in->name) || strlen(in->sha256) != 64)
		return ERR_INVAL;
	{
		struct db_param p[] = {
			DB_STR(owner_kind), DB_INT(owner_id),
			DB_STR(files_type_name(in->type)), DB_INT((long long)in->size),
			DB_STR(in->sha256), DB_STR(in->name),
			DB_STR(in->filename != NULL ? in->filename : ""),
			by > 0 ? DB_INT(by) : DB_NULL,
		};

		if ((rc = db_exec(db, &mod, STMT_FILES_INSERT, p, 8, NULL, &nid)) != ERR_OK)
			return rc;
	}
	if (id != NULL)
		*id = (long long)nid;
	return ERR_OK;
}

void
files_discard(const char *dir, const struct files_in *in)
{
	char path[4096];

	if (name_valid(in->name) &&
	    (size_t)snprintf(path, sizeof path, "%s/%s", dir, in->name) < sizeof path)
		unlink(path);
}

static void
fill_row(const struct db_rows *rows, struct arena *a, void *elem)
{
	struct files_row *f = elem;

	f->id = db_col_int(rows, 0);
	f->owner_kind = db_col_text(rows, a, 1);
	f->owner_id = db_col_int(rows, 2);
	f->type = files_type_parse(db_col_str(rows, 3));
	f->size = db_col_int(rows, 4);
	f->sha256 = db_col_text(rows, a, 5);
	f->storage_name = db_col_text(rows, a, 6);
	f->filename = db_col_text(rows, a, 7);
	f->uploaded_by = db_col_int(rows, 8);
	f->created_at = db_col_text(rows, a, 9);
}

enum err
files_list(struct db *db, struct arena *a, const char *owner_kind,
    long long owner_id, struct files_row **v, size_t *n)
{
	struct db_param	 p[] = { DB_STR(owner_kind), DB_INT(owner_id) };
	void		*out = NULL;
	enum err	 rc;

	rc = db_query_list(db, a, &mod, STMT_FILES_LIST, p, 2,
	    sizeof(struct files_row), fill_row, &out, n);
	*v = out;
	return rc;
}

enum err
files_read(struct db *db, struct arena *a, const char *dir, long long id,
    files_scope_fn *may, void *ctx, struct files_row *row,
    const unsigned char **data)
{
	struct db_param	 p[] = { DB_INT(id) };
	void		*v = NULL;
	size_t		 n = 0, got = 0;
	unsigned char	*buf;
	struct stat	 st;
	char		 path[4096];
	enum err	 rc;
	int		 fd;

	memset(row, 0, sizeof *row);
	*data = NULL;
	if (id <= 0 || may == NULL)
		return ERR_NOTFOUND;
	if ((rc = db_query_list(db, a, &mod, STMT_FILES_GET, p, 1,
	    sizeof(struct files_row), fill_row, &v, &n)) != ERR_OK)
		return rc;
	if (n != 1)
		return ERR_NOTFOUND;
	/* the owner decides; its refusal and no row look the same */
	if ((rc = may(ctx, ((struct files_row *)v)->owner_kind,
	    ((struct files_row *)v)->owner_id)) != ERR_OK)
		return rc;
	*row = *(struct files_row *)v;
	if (!name_valid(row->storage_name) || row->size < 0 ||
	    (size_t)snprintf(path, sizeof path, "%s/%s", dir, row->storage_name) >= sizeof path)
		return ERR_IO;
	if ((fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)) == -1) {
		log_error("files: %s: %s", path, strerror(errno));
		return ERR_IO;
	}
	if (fstat(fd, &st) == -1 || !S_ISREG(st.st_mode) ||
	    st.st_size != (off_t)row->size) {
		log_error("files: %s is not the recorded file", path);
		close(fd);
		return ERR_IO;
	}
	if ((buf = arena_alloc(a, (size_t)st.st_size + 1)) == NULL) {
		close(fd);
		return ERR_NOMEM;
	}
	while (got < (size_t)st.st_size) {
		ssize_t r = read(fd, buf + got, (size_t)st.st_size - got);

		if (r == -1 && errno == EINTR)
			continue;
		if (r <= 0)
			break;
		got += (size_t)r;
	}
	close(fd);
	if (got != (size_t)st.st_size)
		return ERR_IO;
	*data = buf;
	return ERR_OK;
}

char *
files_disposition(struct arena *a, const struct files_row *row)
{
	static const char hexd[] = "0123456789ABCDEF";
	const char	*ext = files_type_name(row->type);
	const char	*name = row->filename != NULL ? row->filename : "";
	const char	*dot = strrchr(name, '.');
	size_t		 base = dot != NULL && dot != name ? (size_t)(dot - name) : strlen(name);
	char		*enc, *p;

	if (base == 0)
		return arena_printf(a, "attachment; filename=\"file-%lld.%s\"",
		    row->id, ext);
	/* the sent name with the sniffed type's extension, every byte
	 * outside RFC 5987's attr-char percent-encoded */
	if ((enc = arena_alloc(a, base * 3 + 1)) == NULL)
		return NULL;
	p = enc;
	for (size_t i = 0; i < base; i++) {
		unsigned char c = (unsigned char)name[i];

		if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		    (c >= '0' && c <= '9') || strchr("!#$&+-.^_`|~", c) != NULL)
			*p++ = (char)c;
		else {
			*p++ = '%';
			*p++ = hexd[c >> 4];
			*p++ = hexd[c & 15];
		}
	}
	*p = '\0';
	return arena_printf(a, "attachment; filename=\"file-%lld.%s\";"
	    " filename*=UTF-8''%s.%s", row->id, ext, enc, ext);
}
