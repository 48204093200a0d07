/*
 * test_claim.c -- X-SEC a claim's business licence is typed by its first
 * bytes, never by its name: PDF, JPEG and PNG are accepted, an
 * HTML page, a script, a GIF, a PDF signature not at the start and
 * anything shorter than a signature are not.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "enterprise/claim.h"

#define NELEM(a)	(sizeof(a) / sizeof((a)[0]))

struct sniff_case {
	const char		*what;
	const char		*bytes;
	size_t			 len;
	enum claim_ftype	 want;
};

#define C(what, lit, want)	{ what, lit, sizeof(lit) - 1, want }

static const struct sniff_case cases[] = {
	C("a PDF", "%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", CLAIM_FT_PDF),
	C("a PDF 1.4 header alone", "%PDF-", CLAIM_FT_PDF),
	C("a JPEG (JFIF)", "\xff\xd8\xff\xe0\x00\x10JFIF\x00", CLAIM_FT_JPG),
	C("a JPEG (Exif)", "\xff\xd8\xff\xe1\x12\x34" "Exif", CLAIM_FT_JPG),
	C("a PNG", "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", CLAIM_FT_PNG),
	C("an HTML page renamed .pdf", "<!DOCTYPE html><html><script>alert(1)</script>", CLAIM_FT_NONE),
	C("HTML with a PDF signature later", "<html>%PDF-1.7", CLAIM_FT_NONE),
	C("a PDF signature after a BOM", "\xef\xbb\xbf%PDF-1.7", CLAIM_FT_NONE),
	C("a PDF signature after a space", " %PDF-1.7", CLAIM_FT_NONE),
	C("%PDF without its dash", "%PDF1.7 not really", CLAIM_FT_NONE),
	C("an SVG image", "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"x()\">", CLAIM_FT_NONE),
	C("a GIF", "GIF89a\x01\x00\x01\x00", CLAIM_FT_NONE),
	C("a ZIP (docx)", "PK\x03\x04\x14\x00", CLAIM_FT_NONE),
	C("a shell script", "#!/bin/sh\nrm -rf /\n", CLAIM_FT_NONE),
	C("a PNG signature cut short", "\x89PNG\r\n\x1a", CLAIM_FT_NONE),
	C("a PNG signature with a wrong byte", "\x89PNG\r\n\x1b\n\x00", CLAIM_FT_NONE),
	C("a JPEG signature cut short", "\xff\xd8\xff", CLAIM_FT_NONE),
	C("two JPEG bytes", "\xff\xd8", CLAIM_FT_NONE),
	C("a PDF signature cut short", "%PDF", CLAIM_FT_NONE),
	C("an empty file", "", CLAIM_FT_NONE),
	C("text", "营业执照", CLAIM_FT_NONE),
};

static void
test_sniff_table(void **state)
{
	(void)state;
	for (size_t i = 0; i < NELEM(cases); i++) {
		enum claim_ftype got = claim_sniff((const unsigned char *)cases[i].bytes,
		    cases[i].len);

		if (got != cases[i].want)
			fail_msg("%s: got %d, want %d", cases[i].what, (int)got,
			    (int)cases[i].want);
	}
}

/* The length is what counts, not a NUL: a PDF signature beyond n is not
 * looked at, and NUL bytes inside a PNG signature are data. */
static void
test_sniff_length(void **state)
{
	static const unsigned char pdf[] = "%PDF-1.7";

	(void)state;
	assert_int_equal(claim_sniff(pdf, 4), CLAIM_FT_NONE);
	assert_int_equal(claim_sniff(pdf, 5), CLAIM_FT_PDF);
	assert_int_equal(claim_sniff(NULL, 0), CLAIM_FT_NONE);
	assert_int_equal(claim_sniff(NULL, 10), CLAIM_FT_NONE);
}

static void
test_names(void **state)
{
	(void)state;
	assert_string_equal(claim_ftype_name(CLAIM_FT_PDF), "pdf");
	assert_string_equal(claim_ftype_name(CLAIM_FT_JPG), "jpg");
	assert_string_equal(claim_ftype_name(CLAIM_FT_PNG), "png");
	assert_string_equal(claim_ftype_name(CLAIM_FT_NONE), "");
	assert_string_equal(claim_ftype_mime(CLAIM_FT_PDF), "application/pdf");
	assert_string_equal(claim_ftype_mime(CLAIM_FT_JPG), "image/jpeg");
	assert_string_equal(claim_ftype_mime(CLAIM_FT_PNG), "image/png");
	/* never text/html, whatever the value */
	assert_string_equal(claim_ftype_mime(CLAIM_FT_NONE), "application/octet-stream");
	assert_string_equal(claim_ftype_mime(CLAIM_FT__MAX), "application/octet-stream");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_sniff_table),
		cmocka_unit_test(test_sniff_length),
		cmocka_unit_test(test_names),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
