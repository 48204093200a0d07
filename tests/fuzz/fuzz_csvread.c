/*
 * fuzz_csvread.c -- libFuzzer target for the CSV reader (lib/formats/csvread.c).
 * Built and run by `scripts/dev fuzz`, never by `make check`.
 *
 * Each input is read in the three encodings, with small limits and with
 * the defaults, in whole 64 KiB reads and in odd small ones.  Checked:
 *  - every field is valid UTF-8 without NUL, NUL-terminated, within
 *    field_max, and a record has 1 .. fields_max fields;
 *  - records and bad records count rows up by one, each starting on a
 *    later line, never past the input's last line; codes and columns are
 *    in range; the only fatal error from memory is CSVR_EBOM, first;
 *  - memory stays under csvr_mem_max, and the reader ends;
 *  - the chunk size changes nothing, AUTO reads as the encoding it
 *    detected, and input without a byte >= 0x80 gives the same good and
 *    bad records as UTF-8 and as GB18030;
 *  - ASan sees any read past the input: libFuzzer's copy of it is exactly
 *    `size` bytes.
 */
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "formats/csvread.h"
#include "core/utf8.h"

int	LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define CHECK(x) do {							\
	if (!(x)) {							\
		fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__,	\
		    __LINE__, #x);					\
		abort();						\
	}								\
} while (0)

/* What one read of the input gave, as two hashes: `exact` of everything,
 * `coarse` of the good records and only the rows of the bad ones. */
struct sum {
	uint64_t		 exact, coarse;
	enum csvr_encoding	 enc;
};

static uint64_t
fnv(uint64_t h, const void *p, size_t n)
{
	const unsigned char *b = p;

	while (n-- > 0) {
		h ^= *b++;
		h *= 0x100000001b3ULL;
	}
	return h;
}

static uint64_t
fnv_z(uint64_t h, size_t v)
{
	return fnv(h, &v, sizeof v);
}

static struct sum
run(const uint8_t *data, size_t size, enum csvr_encoding enc,
    const struct csvr_limits *lim)
{
	size_t			 field_max = lim->field_max ? lim->field_max : 4096;
	size_t			 fields_max = lim->fields_max ? lim->fields_max : 256;
	size_t			 lines = 1, commas = 0, calls = 0, row = 0;
	size_t			 line = 0, i;
	struct sum		 s = { 0xcbf29ce484222325ULL, 0, CSVR_AUTO };
	struct csvr		*c = csvr_open_mem(data, size, enc, lim);
	struct csvr_record	 r;
	const struct csvr_error	*e;
	int			 k;

	CHECK(c != NULL);
	s.coarse = s.exact;
	for (i = 0; i < size; i++) {
		lines += data[i] == '\r' || data[i] == '\n';
		commas += data[i] == ',';
	}
	while ((k = csvr_next(c, &r)) != 0) {
		CHECK(++calls <= size + 1);
		CHECK(csvr_mem(c) <= csvr_mem_max(lim));
		if (k == -1) {
			e = csvr_error(c);
			CHECK(e->code > CSVR_OK && e->code < CSVR__MAX);
			if (e->fatal) {
				CHECK(e->code == CSVR_EBOM && calls == 1);
				CHECK(e->row == 1 && e->line == 1);
				CHECK(csvr_next(c, &r) == -1);
				CHECK(csvr_error(c)->code == CSVR_EBOM);
				s.exact = fnv_z(s.exact, 1000);
				s.coarse = fnv_z(s.coarse, 1000);
				break;
			}
			CHECK(e->code != CSVR_EIO && e->code != CSVR_ENOMEM &&
			    e->code != CSVR_EBOM);
			CHECK(e->row == row + 1);
			CHECK(e->line > line && e->line <= lines);
			/* the end inside quotes names the field it began in,
			 * even past fields_max */
			CHECK(e->column >= 1 && e->column <= commas + 1);
			CHECK(e->column <= fields_max + 1 ||
			    e->code == CSVR_EEOF);
			row = e->row;
			line = e->line;
			s.exact = fnv_z(s.exact, 2000 + e->code);
			s.exact = fnv_z(s.exact, e->column);
			s.exact = fnv_z(s.exact, e->line);
			s.coarse = fnv_z(s.coarse, 2000);
			s.coarse = fnv_z(s.coarse, e->row);
			continue;
		}
		CHECK(k == 1);
		CHECK(csvr_error(c)->code == CSVR_OK);
		CHECK(r.row == row + 1);
		CHECK(r.line > line && r.line <= lines);
		CHECK(r.n >= 1 && r.n <= fields_max);
		row = r.row;
		line = r.line;
		s.exact = fnv_z(s.exact, r.line);
		s.exact = fnv_z(s.exact, r.n);
		for (i = 0; i < r.n; i++) {
			CHECK(r.f[i].s != NULL);
			CHECK(r.f[i].len <= field_max);
			CHECK(utf8_valid(r.f[i].s, r.f[i].len));
			CHECK(r.f[i].s[r.f[i].len] == '\0');
			s.exact = fnv_z(s.exact, r.f[i].len);
			s.exact = fnv(s.exact, r.f[i].s, r.f[i].len);
		}
		s.coarse = fnv_z(s.coarse, 3000);
		s.coarse = fnv_z(s.coarse, r.row);
	}
	if (k == 0)
		CHECK(csvr_next(c, &r) == 0);
	s.enc = csvr_encoding(c);
	csvr_close(c);
	return s;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const enum csvr_encoding encs[] = {
		CSVR_AUTO, CSVR_UTF8, CSVR_GB18030
	};
	struct csvr_limits	 lims[] = { { 7, 5, 0 }, { 0, 0, 0 } };
	size_t			 odd[] = { 1, 2 + size % 11 };
	struct sum		 base[3][2], s;
	bool			 ascii = true;
	size_t			 e, l, i;

	for (i = 0; i < size && ascii; i++)
		ascii = data[i] < 0x80;
	for (e = 0; e < 3; e++) {
		for (l = 0; l < 2; l++) {
			lims[l].chunk = 0;
			base[e][l] = run(data, size, encs[e], &lims[l]);
			for (i = 0; i < sizeof odd / sizeof odd[0]; i++) {
				lims[l].chunk = odd[i];
				s = run(data, size, encs[e], &lims[l]);
				CHECK(s.exact == base[e][l].exact);
				CHECK(s.enc == base[e][l].enc);
			}
		}
	}
	for (l = 0; l < 2; l++) {
		if (base[0][l].enc == CSVR_UTF8)
			CHECK(base[0][l].exact == base[1][l].exact);
		else if (base[0][l].enc == CSVR_GB18030)
			CHECK(base[0][l].exact == base[2][l].exact);
		if (ascii)
			CHECK(base[1][l].coarse == base[2][l].coarse);
	}
	return 0;
}
