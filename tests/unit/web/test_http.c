/*
 * test_http.c -- response heads (X-SEC: security headers on every
 * response, no header injection).
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <string.h>

#include "web/http.h"

static void
x_sec_head_carries_security_headers(void **state)
{
	struct arena	*a = arena_new(4096);
	char		*h;

	(void)state;
	h = http_head(a, 200, "text/html; charset=utf-8", false, "abc-123", NULL, 0);
	assert_non_null(h);
	assert_true(strncmp(h, "Status: 200 OK\r\n", 16) == 0);
	assert_non_null(strstr(h, "Content-Type: text/html; charset=utf-8\r\n"));
	assert_non_null(strstr(h, "Content-Security-Policy: "));
	assert_non_null(strstr(h, "frame-ancestors 'none'"));
	assert_null(strstr(h, "unsafe-inline"));
	assert_non_null(strstr(h, "X-Content-Type-Options: nosniff\r\n"));
	assert_non_null(strstr(h, "Referrer-Policy: same-origin\r\n"));
	assert_non_null(strstr(h, "Cache-Control: no-store\r\n"));
	assert_non_null(strstr(h, "X-Request-Id: abc-123\r\n"));
	assert_true(strcmp(h + strlen(h) - 4, "\r\n\r\n") == 0);
	arena_free(a);
}

static void
x_sec_cacheable_head_has_no_no_store(void **state)
{
	struct arena	*a = arena_new(4096);
	char		*h;

	(void)state;
	h = http_head(a, 404, NULL, true, NULL, NULL, 0);
	assert_non_null(h);
	assert_true(strncmp(h, "Status: 404 Not Found\r\n", 23) == 0);
	assert_null(strstr(h, "Cache-Control"));
	assert_null(strstr(h, "\r\nContent-Type:"));
	assert_non_null(strstr(h, "X-Request-Id: -\r\n"));
	arena_free(a);
}

static void
x_sec_header_injection_is_dropped(void **state)
{
	struct arena		*a = arena_new(4096);
	struct http_header	 x[] = {
		{ "Location", "/ok" },
		{ "Location", "/x\r\nSet-Cookie: evil=1" },
		{ "X-Bad\r\nName", "v" },
	};
	char			*h;

	(void)state;
	h = http_head(a, 303, NULL, false, "r1", x, 3);
	assert_non_null(h);
	assert_non_null(strstr(h, "Location: /ok\r\n"));
	assert_null(strstr(h, "evil"));
	assert_null(strstr(h, "X-Bad"));
	arena_free(a);
}

static void
request_ids_are_checked(void **state)
{
	static const struct { const char *id; bool ok; } t[] = {
		{ "0123456789abcdef0123456789abcdef", true },
		{ "a-B-9", true },
		{ "", false },
		{ NULL, false },
		{ "a b", false },
		{ "a\r\nb", false },
		{ "<script>", false },
		{ "01234567890123456789012345678901234567890123456789012345678901234", false },
		{ "0123456789012345678901234567890123456789012345678901234567890123", true },
	};

	(void)state;
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++)
		assert_int_equal(http_request_id_valid(t[i].id), t[i].ok);
}

static void
methods_and_allow(void **state)
{
	char buf[64];

	(void)state;
	assert_int_equal(http_method_parse("GET"), HTTP_GET);
	assert_int_equal(http_method_parse("HEAD"), HTTP_HEAD);
	assert_int_equal(http_method_parse("POST"), HTTP_POST);
	assert_int_equal(http_method_parse("get"), HTTP_OTHER);
	assert_int_equal(http_method_parse("DELETE"), HTTP_OTHER);
	assert_int_equal(http_method_parse(NULL), HTTP_OTHER);
	assert_string_equal(http_allow(HTTP_GET | HTTP_HEAD, buf, sizeof buf), "GET, HEAD");
	assert_string_equal(http_allow(HTTP_POST, buf, sizeof buf), "POST");
	assert_string_equal(http_allow(HTTP_GET | HTTP_HEAD | HTTP_POST, buf, sizeof buf),
	    "GET, HEAD, POST");
	assert_string_equal(http_allow(0, buf, sizeof buf), "");
}

static void
reasons(void **state)
{
	static const struct { int code; const char *text; } t[] = {
		{ 200, "OK" }, { 303, "See Other" }, { 400, "Bad Request" },
		{ 403, "Forbidden" }, { 404, "Not Found" },
		{ 405, "Method Not Allowed" }, { 413, "Content Too Large" },
		{ 500, "Internal Server Error" }, { 503, "Service Unavailable" },
		{ 299, "Unknown" },
	};

	(void)state;
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++)
		assert_string_equal(http_reason(t[i].code), t[i].text);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(x_sec_head_carries_security_headers),
		cmocka_unit_test(x_sec_cacheable_head_has_no_no_store),
		cmocka_unit_test(x_sec_header_injection_is_dropped),
		cmocka_unit_test(request_ids_are_checked),
		cmocka_unit_test(methods_and_allow),
		cmocka_unit_test(reasons),
	};

	return cmocka_run_group_tests_name("http", tests, NULL, NULL);
}
