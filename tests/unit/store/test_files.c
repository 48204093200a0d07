/*
 * test_files.c -- X-SEC attachments (lib/store/files.c; issues 14 and 15,
 * R-08.2d, R-08.2e): the type comes from the first bytes only (PDF, JPEG,
 * PNG; an HTML page named .pdf is refused), the size limit holds to the
 * byte, an empty file is refused, every refusal has its Chinese message;
 * a saved file is whole under its random name with its SHA-256, no
 * temporary file is left, a discarded one is gone; the download header
 * carries no byte a client could split on.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/arena.h"
#include "crypto/crypto.h"
#include "store/files.h"

#define NELEM(a)	(sizeof(a) / sizeof((a)[0]))

struct sniff_case {
	const char		*what;
	const char		*bytes;
	size_t			 len;
	enum files_type		 want;
};

#define C(what, lit, want)	{ what, lit, sizeof(lit) - 1, want }

static const struct sniff_case cases[] = {
	C("a PDF", "%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", FILES_PDF),
	C("a PDF header alone", "%PDF-", FILES_PDF),
	C("a JPEG (JFIF)", "\xff\xd8\xff\xe0\x00\x10JFIF\x00", FILES_JPG),
	C("a JPEG (Exif)", "\xff\xd8\xff\xe1\x12\x34" "Exif", FILES_JPG),
	C("a PNG", "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", FILES_PNG),
	C("an HTML page renamed .pdf", "<!DOCTYPE html><html><script>alert(1)</script>", FILES_NONE),
	C("HTML with a PDF signature later", "<html>%PDF-1.7", FILES_NONE),
	C("a PDF signature after a BOM", "\xef\xbb\xbf%PDF-1.7", FILES_NONE),
	C("a PDF signature after a space", " %PDF-1.7", FILES_NONE),
	C("an SVG image (script inside)", "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"x()\">", FILES_NONE),
	C("a GIF", "GIF89a\x01\x00\x01\x00", FILES_NONE),
	C("a ZIP (docx, xlsx)", "PK\x03\x04\x14\x00", FILES_NONE),
	C("an ELF executable", "\x7f" "ELF\x02\x01\x01", FILES_NONE),
	C("a Windows executable", "MZ\x90\x00\x03", FILES_NONE),
	C("a shell script", "#!/bin/sh\nrm -rf /\n", FILES_NONE),
	C("a PNG signature cut short", "\x89PNG\r\n\x1a", FILES_NONE),
	C("a PNG signature with a wrong byte", "\x89PNG\r\n\x1b\n\x00", FILES_NONE),
	C("a JPEG signature cut short", "\xff\xd8\xff", FILES_NONE),
	C("a PDF signature cut short", "%PDF", FILES_NONE),
	C("an empty file", "", FILES_NONE),
	C("text", "贷款材料", FILES_NONE),
};

static void
x_sec_sniff_by_content(void **state)
{
	(void)state;
	for (size_t i = 0; i < NELEM(cases); i++) {
		enum files_type got = files_sniff((const unsigned char *)cases[i].bytes,
		    cases[i].len);

		if (got != cases[i].want)
			fail_msg("%s: got %d, want %d", cases[i].what, (int)got,
			    (int)cases[i].want);
	}
	assert_int_equal(files_sniff(NULL, 8), FILES_NONE);
	assert_string_equal(files_mime(FILES_PDF), "application/pdf");
	assert_string_equal(files_mime(FILES_JPG), "image/jpeg");
	assert_string_equal(files_mime(FILES_PNG), "image/png");
	assert_string_equal(files_mime(FILES_NONE), "application/octet-stream");
	assert_string_equal(files_mime((enum files_type)99), "application/octet-stream");
	assert_int_equal(files_type_parse("png"), FILES_PNG);
	assert_int_equal(files_type_parse("html"), FILES_NONE);
	assert_int_equal(files_type_parse(""), FILES_NONE);
}

/* An upload as the multipart parser leaves it: an unlinked temp file. */
static struct upload *
make_upload(struct arena *a, const char *filename, const void *head,
    size_t hlen, size_t size)
{
	struct upload	*up = arena_calloc(a, 1, sizeof *up);
	char		 path[] = "/tmp/duijie-test-files-XXXXXX";
	int		 fd = mkstemp(path);

	assert_non_null(up);
	assert_true(fd >= 0);
	unlink(path);
	if (hlen > 0)
		assert_int_equal(write(fd, head, hlen), (ssize_t)hlen);
	if (size > hlen)
		assert_int_equal(ftruncate(fd, (off_t)size), 0);
	up->fd = fd;
	up->size = size;
	up->filename = filename;
	up->ctype = "application/pdf";
	return up;
}

static void
x_sec_accept_limits_and_types(void **state)
{
	struct arena	*a = arena_new(4096);
	struct files_in	 in;
	const size_t	 max = FILES_MAX_DEFAULT;
	struct upload	*up;

	(void)state;
	assert_non_null(a);
	/* exactly the limit is accepted, one byte more is not */
	up = make_upload(a, "材料.pdf", "%PDF-1.7\n", 9, max);
	assert_null(files_accept(a, up, max, &in));
	assert_int_equal(in.type, FILES_PDF);
	assert_int_equal(in.size, max);
	assert_string_equal(in.filename, "材料.pdf");
	close(up->fd);
	up = make_upload(a, "材料.pdf", "%PDF-1.7\n", 9, max + 1);
	assert_string_equal(files_accept(a, up, max, &in), "file_too_big");
	close(up->fd);
	/* the type by content, whatever the name and the Content-Type say */
	up = make_upload(a, "evil.pdf", "<html><script>", 14, 14);
	assert_string_equal(files_accept(a, up, max, &in), "file_type");
	close(up->fd);
	up = make_upload(a, "x.png", "\x89PNG\r\n\x1a\n", 8, 8);
	assert_null(files_accept(a, up, max, &in));
	assert_int_equal(in.type, FILES_PNG);
	close(up->fd);
	/* empty, or no file at all */
	up = make_upload(a, "empty.pdf", "", 0, 0);
	assert_string_equal(files_accept(a, up, max, &in), "file_empty");
	close(up->fd);
	assert_string_equal(files_accept(a, NULL, max, &in), "file_empty");
	/* a file shorter than the sniff length but a type: 5 bytes of PDF */
	up = make_upload(a, NULL, "%PDF-", 5, 5);
	assert_null(files_accept(a, up, max, &in));
	assert_string_equal(in.filename, "");
	close(up->fd);
	/* a read error is its own message */
	up = make_upload(a, "gone.pdf", "%PDF-1.7", 8, 8);
	close(up->fd);
	assert_string_equal(files_accept(a, up, max, &in), "file_read");
	arena_free(a);
}

/* The sent name loses its directory and control characters, stays UTF-8
 * and at most FILES_FILENAME_MAX characters. */
static void
x_sec_accept_cleans_the_name(void **state)
{
	struct arena	*a = arena_new(4096);
	struct files_in	 in;
	struct upload	*up;
	char		 longname[400];
	size_t		 n = 0;

	(void)state;
	up = make_upload(a, "C:\\Users\\x\\..\\报表.pdf", "%PDF-", 5, 5);
	assert_null(files_accept(a, up, 100, &in));
	assert_string_equal(in.filename, "报表.pdf");
	close(up->fd);
	up = make_upload(a, "../../etc/pass\"wd\r\n.pdf", "%PDF-", 5, 5);
	assert_null(files_accept(a, up, 100, &in));
	assert_string_equal(in.filename, "pass_wd__.pdf");
	close(up->fd);
	for (int i = 0; i < 120; i++) {
		memcpy(longname + n, "贷", 3);
		n += 3;
	}
	longname[n] = '\0';
	up = make_upload(a, longname, "%PDF-", 5, 5);
	assert_null(files_accept(a, up, 100, &in));
	assert_int_equal(strlen(in.filename), FILES_FILENAME_MAX * 3);
	close(up->fd);
	arena_free(a);
}

static size_t
count_entries(const char *dir)
{
	DIR		*d = opendir(dir);
	struct dirent	*de;
	size_t		 n = 0;

	assert_non_null(d);
	while ((de = readdir(d)) != NULL)
		if (de->d_name[0] != '.' || strncmp(de->d_name, ".tmp-", 5) == 0)
			n++;
	closedir(d);
	return n;
}

static void
x_sec_save_whole_file_random_name(void **state)
{
	struct arena	*a = arena_new(4096);
	char		 dir[] = "/tmp/duijie-test-store-XXXXXX", path[4200];
	unsigned char	 buf[200000], digest[32];
	char		 hex[65];
	struct files_in	 in, in2;
	struct upload	*up;
	struct stat	 st;
	int		 fd;

	(void)state;
	assert_non_null(mkdtemp(dir));
	memcpy(buf, "%PDF-1.7\n", 9);
	for (size_t i = 9; i < sizeof buf; i++)
		buf[i] = (unsigned char)(i * 7);
	up = make_upload(a, "a.pdf", buf, sizeof buf, sizeof buf);
	assert_null(files_accept(a, up, sizeof buf, &in));
	assert_int_equal(files_save(dir, &in), ERR_OK);
	/* 32 hex digits, a dot, the sniffed type */
	assert_int_equal(strlen(in.name), 36);
	assert_int_equal(strspn(in.name, "0123456789abcdef"), 32);
	assert_string_equal(in.name + 32, ".pdf");
	crypto_sha256(buf, sizeof buf, digest);
	crypto_hex(digest, sizeof digest, hex);
	assert_string_equal(in.sha256, hex);
	snprintf(path, sizeof path, "%s/%s", dir, in.name);
	assert_int_equal(stat(path, &st), 0);
	assert_int_equal(st.st_size, (off_t)sizeof buf);
	assert_int_equal(st.st_mode & 0777, 0640);
	{
		unsigned char	*back = malloc(sizeof buf);
		ssize_t		 got;

		assert_non_null(back);
		assert_true((fd = open(path, O_RDONLY)) >= 0);
		got = read(fd, back, sizeof buf);
		close(fd);
		assert_int_equal(got, (ssize_t)sizeof buf);
		assert_memory_equal(back, buf, sizeof buf);
		free(back);
	}
	/* the same upload again gets another name; no temporary file stays */
	assert_null(files_accept(a, up, sizeof buf, &in2));
	assert_int_equal(files_save(dir, &in2), ERR_OK);
	assert_string_not_equal(in.name, in2.name);
	assert_int_equal(count_entries(dir), 2);
	/* a failed transaction's file is removed */
	files_discard(dir, &in2);
	assert_int_equal(count_entries(dir), 1);
	/* a name that is not ours is never unlinked */
	snprintf(in2.name, sizeof in2.name, "../x");
	files_discard(dir, &in2);
	/* an unwritable directory: ERR_IO, nothing left behind */
	assert_int_equal(files_save("/nonexistent-duijie-dir", &in2), ERR_IO);
	assert_string_equal(in2.name, "");
	/* an upload never accepted is refused */
	memset(&in2, 0, sizeof in2);
	assert_int_equal(files_save(dir, &in2), ERR_INVAL);
	files_discard(dir, &in);
	assert_int_equal(count_entries(dir), 0);
	close(up->fd);
	assert_int_equal(rmdir(dir), 0);
	arena_free(a);
}

static void
x_sec_disposition_is_one_safe_header(void **state)
{
	struct arena		*a = arena_new(4096);
	struct files_row	 r = { .id = 42, .type = FILES_PDF };
	const char		*d;

	(void)state;
	r.filename = "";
	assert_string_equal(files_disposition(a, &r),
	    "attachment; filename=\"file-42.pdf\"");
	/* the sent name percent-encoded, its extension the sniffed type's */
	r.filename = "报表 v2.html";
	d = files_disposition(a, &r);
	assert_string_equal(d, "attachment; filename=\"file-42.pdf\"; "
	    "filename*=UTF-8''%E6%8A%A5%E8%A1%A8%20v2.pdf");
	r.filename = "a\";\r\nSet-Cookie: x=1";
	d = files_disposition(a, &r);
	assert_non_null(strstr(d, "UTF-8''"));
	assert_null(strpbrk(strstr(d, "UTF-8''") + 7, "\r\n\"; "));
	r.type = FILES_PNG;
	r.filename = "noext";
	assert_string_equal(files_disposition(a, &r),
	    "attachment; filename=\"file-42.png\"; filename*=UTF-8''noext.png");
	r.filename = ".hidden";
	assert_string_equal(files_disposition(a, &r),
	    "attachment; filename=\"file-42.png\"; filename*=UTF-8''.hidden.png");
	arena_free(a);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(x_sec_sniff_by_content),
		cmocka_unit_test(x_sec_accept_limits_and_types),
		cmocka_unit_test(x_sec_accept_cleans_the_name),
		cmocka_unit_test(x_sec_save_whole_file_random_name),
		cmocka_unit_test(x_sec_disposition_is_one_safe_header),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
