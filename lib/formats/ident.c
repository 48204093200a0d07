/*
 * ident.c -- identity formats (GB 32100, GB 11714, GB 11643, GS15-2006,
 * mobile numbers) and their screen masks.  See ident.h and FORMATS.md.
 */
#include <stddef.h>
#include <string.h>

#include "formats/ident.h"

#define USCC_LEN	18
#define IDNO_LEN	18
#define MOBILE_LEN	11
#define GS15_LEN	15
/* The longest mobile input: '+', 13 digits, 12 separators. */
#define MOBILE_MAX	26

/*
 * The earliest birth year taken.  Not 1900: FORMATS.md gives
 * 440524188001010014 (born 1880-01-01) as a valid example.
 */
#define IDNO_MIN_YEAR	1800

/* GB 32100: the 31 characters, each worth its index. */
static const char	uscc_chars[] = "0123456789ABCDEFGHJKLMNPQRTUWXY";

/* GB 32100 weights for positions 1-17: 3^(i-1) mod 31. */
static const int	uscc_weight[17] = {
	1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28
};

/* GB 11714 weights for the 8 body characters of an organisation code. */
static const int	org_weight[8] = { 3, 7, 9, 10, 5, 8, 4, 2 };

/* GB 11643 (ISO 7064 MOD 11-2) weights and check characters. */
static const int	idno_weight[17] = {
	7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2
};
static const char	idno_checks[] = "10X98765432";

/* GB/T 2260: Guangdong's 21 prefecture-level cities, first 4 digits. */
static const char *const gd_cities[] = {
	"4401", "4402", "4403", "4404", "4405", "4406", "4407",
	"4408", "4409", "4412", "4413", "4414", "4415", "4416",
	"4417", "4418", "4419", "4420", "4451", "4452", "4453",
};

/* The locale-free isspace() of form.c's F_TRIM. */
static bool
is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' ||
	    c == '\f' || c == '\v';
}

static bool
is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/*
 * Trims `in` at both ends: returns its first kept byte and sets *len to
 * the kept length, or returns NULL when `in` is NULL or more than `max`
 * bytes are kept (callers then report a wrong length).
 */
static const char *
trim(const char *in, size_t max, size_t *len)
{
	size_t	 n;

	if (in == NULL)
		return NULL;
	while (is_space(*in))
		in++;
	n = strlen(in);
	while (n > 0 && is_space(in[n - 1]))
		n--;
	if (n > max)
		return NULL;
	*len = n;
	return in;
}

/* The GB 32100 value of c (already upper-case), or -1. */
static int
uscc_value(char c)
{
	const char	*p;

	if (c == '\0' || (p = strchr(uscc_chars, c)) == NULL)
		return -1;
	return (int)(p - uscc_chars);
}

/*
 * Does the work of uscc_error(); buf receives the trimmed, upper-cased
 * code whatever the outcome (it is scratch until NULL is returned).
 */
static const char *
uscc_check(const char *in, char buf[USCC_LEN + 1])
{
	const char	*s;
	size_t		 len, i;
	int		 sum, v, c;

	if ((s = trim(in, USCC_LEN, &len)) == NULL || len != USCC_LEN)
		return "uscc_length";
	for (i = 0; i < USCC_LEN; i++) {
		buf[i] = s[i] >= 'a' && s[i] <= 'z' ?
		    (char)(s[i] - 'a' + 'A') : s[i];
		if (uscc_value(buf[i]) < 0)
			return "uscc_chars";
	}
	buf[USCC_LEN] = '\0';

	/* GB 11714 on positions 9-16: digits 0-9, letters A=10 ... Z=35. */
	for (sum = 0, i = 0; i < 8; i++) {
		c = buf[8 + i];
		v = is_digit((char)c) ? c - '0' : c - 'A' + 10;
		sum += v * org_weight[i];
	}
	c = 11 - sum % 11;
	if (buf[16] != (c == 10 ? 'X' : c == 11 ? '0' : '0' + c))
		return "uscc_org_check";

	for (sum = 0, i = 0; i < 17; i++)
		sum += uscc_value(buf[i]) * uscc_weight[i];
	if (buf[17] != uscc_chars[(31 - sum % 31) % 31])
		return "uscc_check";
	return NULL;
}

bool
uscc_normalize(const char *in, char out[19])
{
	char	 buf[USCC_LEN + 1];

	if (uscc_check(in, buf) != NULL)
		return false;
	memcpy(out, buf, sizeof(buf));
	return true;
}

const char *
uscc_error(const char *in)
{
	char	 buf[USCC_LEN + 1];

	return uscc_check(in, buf);
}

bool
uscc_region(const char *uscc, char region[7])
{
	char	 buf[USCC_LEN + 1];
	size_t	 i;

	if (!uscc_normalize(uscc, buf))
		return false;
	for (i = 2; i < 8; i++)
		if (!is_digit(buf[i]))
			return false;
	if (memcmp(buf + 2, "440000", 6) == 0) {
		memcpy(region, "440000", 7);
		return true;
	}
	for (i = 0; i < sizeof(gd_cities) / sizeof(gd_cities[0]); i++)
		if (memcmp(buf + 2, gd_cities[i], 4) == 0) {
			memcpy(region, buf + 2, 4);
			memcpy(region + 4, "00", 3);
			return true;
		}
	return false;
}

static bool
is_leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

/* Is y-m-d a Gregorian date from IDNO_MIN_YEAR-01-01 to the given today? */
static bool
birth_ok(int y, int m, int d, int ty, int tm, int td)
{
	static const int	 mdays[12] = {
		31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31
	};

	if (y < IDNO_MIN_YEAR || m < 1 || m > 12 || d < 1)
		return false;
	if (d > mdays[m - 1] + (m == 2 && is_leap(y)))
		return false;
	if (y != ty)
		return y < ty;
	if (m != tm)
		return m < tm;
	return d <= td;
}

/* Does the work of idno_error(); buf as for uscc_check(). */
static const char *
idno_check(const char *in, char buf[IDNO_LEN + 1], int ty, int tm, int td)
{
	const char	*s;
	size_t		 len, i;
	int		 sum, y, m, d;

	if ((s = trim(in, IDNO_LEN, &len)) == NULL || len != IDNO_LEN)
		return "idno_length";
	for (i = 0; i < 17; i++)
		if (!is_digit(s[i]))
			return "idno_chars";
	if (!is_digit(s[17]) && s[17] != 'X' && s[17] != 'x')
		return "idno_chars";
	memcpy(buf, s, IDNO_LEN);
	if (buf[17] == 'x')
		buf[17] = 'X';
	buf[IDNO_LEN] = '\0';

	y = (buf[6] - '0') * 1000 + (buf[7] - '0') * 100 +
	    (buf[8] - '0') * 10 + (buf[9] - '0');
	m = (buf[10] - '0') * 10 + (buf[11] - '0');
	d = (buf[12] - '0') * 10 + (buf[13] - '0');
	if (!birth_ok(y, m, d, ty, tm, td))
		return "idno_birth";

	for (sum = 0, i = 0; i < 17; i++)
		sum += (buf[i] - '0') * idno_weight[i];
	if (buf[17] != idno_checks[sum % 11])
		return "idno_check";
	return NULL;
}

bool
idno_valid(const char *in, char out[19], int today_y, int today_m,
    int today_d)
{
	char	 buf[IDNO_LEN + 1];

	if (idno_check(in, buf, today_y, today_m, today_d) != NULL)
		return false;
	memcpy(out, buf, sizeof(buf));
	return true;
}

const char *
idno_error(const char *in, int today_y, int today_m, int today_d)
{
	char	 buf[IDNO_LEN + 1];

	return idno_check(in, buf, today_y, today_m, today_d);
}

bool
mobile_valid(const char *in, char out[12])
{
	char		 buf[MOBILE_LEN + 2 + 1];	/* room for "86" */
	const char	*s;
	size_t		 len, i, n = 0;
	bool		 plus = false;

	if ((s = trim(in, MOBILE_MAX, &len)) == NULL || len == 0)
		return false;
	if (s[0] == '+') {
		plus = true;
		s++;
		len--;
	}
	for (i = 0; i < len; i++) {
		if (is_digit(s[i])) {
			if (n == sizeof(buf) - 1)
				return false;
			buf[n++] = s[i];
			continue;
		}
		/* One separator, and only between two digits. */
		if ((s[i] != ' ' && s[i] != '-') || i == 0 || i + 1 == len ||
		    !is_digit(s[i - 1]) || !is_digit(s[i + 1]))
			return false;
	}
	buf[n] = '\0';

	s = buf;
	if (n == MOBILE_LEN + 2 && s[0] == '8' && s[1] == '6')
		s += 2;
	else if (plus || n != MOBILE_LEN)
		return false;
	if (s[0] != '1' || s[1] < '3')
		return false;
	memcpy(out, s, MOBILE_LEN + 1);
	return true;
}

/*
 * ISO 7064 MOD 11,10 as GS15-2006 uses it (FORMATS.md): true when the
 * 15 digits at s carry the right check digit.
 */
static bool
gs15_ok(const char *s)
{
	int	 p = 10, t;
	size_t	 i;

	for (i = 0; i < GS15_LEN; i++)
		if (!is_digit(s[i]))
			return false;
	for (i = 0; i < GS15_LEN - 1; i++) {
		t = (p + (s[i] - '0')) % 10;
		if (t == 0)
			t = 10;
		p = (2 * t) % 11;
	}
	return (p + (s[GS15_LEN - 1] - '0')) % 10 == 1;
}

bool
regno_valid(const char *in, char out[19])
{
	const char	*s;
	size_t		 len;

	if (uscc_normalize(in, out))
		return true;
	if ((s = trim(in, GS15_LEN, &len)) == NULL || len != GS15_LEN ||
	    !gs15_ok(s))
		return false;
	memcpy(out, s, GS15_LEN);
	out[GS15_LEN] = '\0';
	return true;
}

const char *
regno_error(const char *in)
{
	char	 buf[USCC_LEN + 1];

	return regno_valid(in, buf) ? NULL : "regno";
}

/* Writes n '*' and a NUL to out. */
static void
stars(char *out, size_t n)
{
	memset(out, '*', n);
	out[n] = '\0';
}

void
mask_idno(const char *id, char out[19])
{
	size_t	 i;

	for (i = 0; id != NULL && i < 17 && is_digit(id[i]); i++)
		continue;
	if (i != 17 || !(is_digit(id[17]) || id[17] == 'X' ||
	    id[17] == 'x') || id[18] != '\0') {
		stars(out, IDNO_LEN);
		return;
	}
	memcpy(out, id, 4);
	memset(out + 4, '*', 10);
	memcpy(out + 14, id + 14, 4);
	if (out[17] == 'x')
		out[17] = 'X';
	out[IDNO_LEN] = '\0';
}

void
mask_mobile(const char *m, char out[12])
{
	size_t	 i;

	for (i = 0; m != NULL && i < MOBILE_LEN && is_digit(m[i]); i++)
		continue;
	if (i != MOBILE_LEN || m[MOBILE_LEN] != '\0') {
		stars(out, MOBILE_LEN);
		return;
	}
	memcpy(out, m, 3);
	memset(out + 3, '*', 4);
	memcpy(out + 7, m + 7, 4);
	out[MOBILE_LEN] = '\0';
}
