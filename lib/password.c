/*
 * password.c -- the password policy (R-11.1, 等保 level 3).
 *
 * Rules are checked in the order password.h lists them and the first
 * broken one is reported, so the form shows one message at a time.
 * Characters are code points (utf8_len), so 对接 counts as two; any
 * non-ASCII character counts in the "symbol" class.
 */
#include <string.h>

#include "password.h"
#include "utf8.h"

#define CORE_MIN	4	/* characters left after stripping */
#define MOBILE_TAIL	8	/* last digits of a mobile, often used alone */

/*
 * Common passwords, lower case, kept in LC_ALL=C sort order so that
 * duplicates show and review is easy; the lookup is a linear scan, so a
 * misplaced entry still works (about 380 strcmp calls, only when a
 * password is set).  Chosen for what the length/class rules would let
 * through on their own ("P@ssw0rd1", "Admin@123", "Huawei@123") or what
 * remains after digits and symbols are stripped from both ends
 * ("Password123!" -> "password", "Woaini1314!" -> "woaini",
 * "Zhangwei1990." -> "zhangwei"): keyboard walks, international top
 * lists, pinyin names and phrases, vendor defaults seen on Chinese
 * networks, and this product's own name.
 */
static const char *const common[] = {
	"!@#$%^", "!@#$%^&*", "!@#123", "!@#qwe", "!qaz2wsx", "!qaz@wsx",
	"000000", "00000000", "0000000000", "0123456789", "111111",
	"11111111", "1111111111", "112233", "11223344", "1122334455",
	"123123", "123123123", "123321", "12344321", "123456", "1234567",
	"12345678", "123456789", "1234567890", "12345678910", "1234@qwer",
	"1234qwer", "123654", "123abc", "123asd", "123qwe", "123qwe!@#",
	"123qweasd", "123qweasdzxc", "131313", "1314520", "1314521",
	"147258", "147258369", "147852369", "159357", "159753", "1q2w3e",
	"1q2w3e4r", "1q2w3e4r5t", "1q2w3e4r5t6y", "1qaz!qaz", "1qaz2wsx",
	"1qaz2wsx3edc", "1qaz@wsx", "1qaz@wsx3edc", "1qazxsw2", "201314",
	"5201314", "52013141314", "520520", "555555", "654321", "666666",
	"66666666", "696969", "741852963", "777777", "7777777",
	"789456123", "888888", "88888888", "987654321", "9876543210",
	"a123456", "a1234567", "a12345678", "a123456789", "a1b2c3",
	"a1b2c3d4", "a1b2c3d4e5", "aa112233", "aa123456", "aa123456!",
	"aa123456789", "aa@123456", "aaaaaa", "aaaaaaaa", "abc123",
	"abc123!", "abc12345", "abc123456", "abc@123", "abc@1234",
	"abc@123456", "abcd", "abcd1234", "abcd@1234", "abcdef", "abcdefg",
	"abcdefgh", "abcdefghij", "access", "admin", "admin123",
	"admin1234", "admin888", "admin@123", "admin@1234", "admin@huawei",
	"administrator", "aini", "aini1314", "alibaba", "aliyun", "amanda",
	"andrew", "asd123", "asdasd", "asdf", "asdf1234", "asdf@1234",
	"asdfasdf", "asdfgh", "asdfghjkl", "asdqwe123", "ashley", "baidu",
	"baobao", "baobei", "baobei520", "baseball", "basketball",
	"batman", "beijing", "buster", "caonima", "changeme", "changeme1",
	"changeme_123", "charlie", "cheese", "chelsea", "chen", "chenjing",
	"china", "china123", "computer", "dahua", "daniel", "database",
	"default", "dingding", "dongdong", "dragon", "duijie", "duijie123",
	"duijie@123", "fangfang", "football", "freedom", "gege", "george",
	"ginger", "gongsi", "guangdong", "guangzhou", "guest", "h3c",
	"harley", "hello", "hello123", "helloworld", "hikvision", "hockey",
	"huang", "huawei", "huawei12#$", "huawei123", "huawei@123",
	"hunter", "hunter2", "iloveu", "iloveyou", "iloveyou1314",
	"internet", "jennifer", "jessica", "jiejie", "jingjing", "jordan",
	"jordan23", "joshua", "kaixin", "killer", "laogong", "laopo",
	"laopo520", "letmein", "lijing", "lili", "lina", "linux",
	"liqiang", "liuwei", "liuyang", "liwei", "login", "love", "lovely",
	"loveyou", "lulu", "maggie", "manager", "master", "matrix",
	"matthew", "meimei", "michael", "michelle", "mima", "mima123",
	"mimamima", "ming", "mnbvcxz", "monkey", "mustang", "mypassword",
	"mysql", "nginx", "nicole", "nihao", "nihao123", "oracle",
	"p@ssw0rd", "p@ssw0rd1", "p@ssword", "p@ssword1", "pa$$w0rd",
	"pa$$word", "pass", "pass1234", "pass@123", "pass@1234",
	"pass@word1", "passw0rd", "passw0rd!", "passwd", "password",
	"password!", "password1", "password1!", "password123",
	"password@123", "pepper", "poiuytrewq", "pokemon", "postgres",
	"princess", "q123456", "q1234567", "q1w2e3r4", "q1w2e3r4t5",
	"qazwsx", "qazwsx123", "qazwsxedc", "qiye", "qq111111", "qq123",
	"qq123456", "qqqqqq", "qwe123", "qwe123!@#", "qwe@123", "qweasd",
	"qweasdzxc", "qweqwe", "qwer", "qwer1234", "qwer1234!",
	"qwer@1234", "qwerty", "qwerty123", "qwertyui", "qwertyuiop",
	"ranger", "robert", "root", "root123", "root@123", "ruijie",
	"sa123456", "sangfor", "secret", "server", "shabi", "shadow",
	"shanghai", "shenzhen", "soccer", "spiderman", "starwars",
	"summer", "sunshine", "super", "superman", "system", "taobao",
	"taylor", "tencent", "test", "test123", "test1234", "test@123",
	"testtest", "thomas", "thunder", "tiantian", "tigger", "tomcat",
	"toor", "trustno1", "ubuntu", "user", "user123", "w123456", "wang",
	"wangfang", "wangjing", "wangjun", "wanglei", "wangwei",
	"wangyang", "wangyi", "wechat", "weixin", "welcome", "welcome1",
	"welcome123", "welcome@1", "welcome@123", "whatever", "windows",
	"woai", "woaini", "woaini1314", "woaini520", "woaini521",
	"woainima", "woaiwojia", "woaiwoziji", "wodemima", "wojiushiwo",
	"woshishui", "xiaohong", "xiaomi", "xiaoming", "xiaoxiao",
	"xingfu", "yangyang", "yankees", "z123456", "zaq12wsx", "zaq1xsw2",
	"zhang", "zhangjing", "zhanglei", "zhangmin", "zhangwei",
	"zhangyong", "zhao", "zhengfu", "zhongguo", "zte", "zxc123",
	"zxcv", "zxcv1234", "zxcv@1234", "zxcvbn", "zxcvbnm", "zz123456",
};

static bool
is_upper(unsigned char c)
{
	return c >= 'A' && c <= 'Z';
}

static bool
is_lower(unsigned char c)
{
	return c >= 'a' && c <= 'z';
}

static bool
is_digit(unsigned char c)
{
	return c >= '0' && c <= '9';
}

static unsigned char
to_lower(unsigned char c)
{
	return is_upper(c) ? (unsigned char)(c - 'A' + 'a') : c;
}

/* Exact lookup of s[0..n), already lower case. */
static bool
common_lookup(const char *s, size_t n)
{
	size_t	 i;

	for (i = 0; i < sizeof(common) / sizeof(common[0]); i++)
		if (strncmp(common[i], s, n) == 0 && common[i][n] == '\0')
			return true;
	return false;
}

/*
 * True when pw, with ASCII letters folded to lower case, is in the
 * shipped list.  Only exact matches: see password_policy for the
 * stripped comparison.  NULL is not common.
 */
bool
password_is_common(const char *pw)
{
	char	 low[PASSWORD_MAX + 1];
	size_t	 i, n;

	/* No entry is anywhere near PASSWORD_MAX bytes. */
	if (pw == NULL || (n = strnlen(pw, PASSWORD_MAX + 1)) > PASSWORD_MAX)
		return false;
	for (i = 0; i < n; i++)
		low[i] = (char)to_lower((unsigned char)pw[i]);
	return common_lookup(low, n);
}

/* True for the ASCII bytes stripped from the ends: all but letters. */
static bool
is_padding(unsigned char c, bool digits)
{
	if (c >= 0x80 || is_lower(c) || is_upper(c))
		return false;
	return digits || !is_digit(c);
}

/*
 * Looks up the part of low[0..n) left after stripping padding bytes
 * (symbols, spaces, controls; digits too when `digits`) from both ends,
 * when at least CORE_MIN characters remain.  Bytes >= 0x80 are never
 * stripped, so the core stays valid UTF-8.
 */
static bool
common_core(const char *low, size_t n, bool digits)
{
	size_t	 start, end;

	for (start = 0; start < n; start++)
		if (!is_padding((unsigned char)low[start], digits))
			break;
	for (end = n; end > start; end--)
		if (!is_padding((unsigned char)low[end - 1], digits))
			break;
	if (utf8_len(low + start, end - start) < CORE_MIN)
		return false;
	return common_lookup(low + start, end - start);
}

/*
 * Common after lower-casing: exactly, or once symbols are stripped from
 * both ends ("Aa123456!!" -> "aa123456", whose digits-stripped core "aa"
 * is too short to look up), or once digits and symbols are stripped
 * ("Password123!" -> "password").  pw is at most PASSWORD_MAX bytes of
 * valid UTF-8.
 */
static bool
common_with_padding(const char *pw, size_t n)
{
	char	 low[PASSWORD_MAX + 1];
	size_t	 i;

	for (i = 0; i < n; i++)
		low[i] = (char)to_lower((unsigned char)pw[i]);
	low[n] = '\0';
	return common_lookup(low, n) || common_core(low, n, false) ||
	    common_core(low, n, true);
}

/* Case-insensitive (ASCII) search for needle[0..nlen) in hay[0..hlen). */
static bool
contains_nocase(const char *hay, size_t hlen, const char *needle,
    size_t nlen)
{
	size_t	 i, j;

	if (nlen == 0 || nlen > hlen)
		return false;
	for (i = 0; i + nlen <= hlen; i++) {
		for (j = 0; j < nlen; j++)
			if (to_lower((unsigned char)hay[i + j]) !=
			    to_lower((unsigned char)needle[j]))
				break;
		if (j == nlen)
			return true;
	}
	return false;
}

/*
 * Whether pw contains the last MOBILE_TAIL digits of the mobile number
 * (non-digits in it, as in "+86 138-1234-5678", are skipped).  That also
 * covers the whole 11-digit number, which ends with them.  Numbers with
 * fewer than MOBILE_TAIL digits are ignored.
 */
static bool
contains_mobile(const char *pw, size_t n, const char *mobile)
{
	char	 tail[MOBILE_TAIL];
	size_t	 nd = 0;

	for (; *mobile != '\0'; mobile++) {
		if (!is_digit((unsigned char)*mobile))
			continue;
		if (nd == MOBILE_TAIL) {
			memmove(tail, tail + 1, MOBILE_TAIL - 1);
			nd--;
		}
		tail[nd++] = *mobile;
	}
	if (nd < MOBILE_TAIL)
		return false;
	return contains_nocase(pw, n, tail, MOBILE_TAIL);
}

/*
 * C0 controls, DEL and C1 controls (U+0080..U+009F, UTF-8 C2 80..9F).
 * They cannot be typed reliably and break logs and forms.
 */
static bool
has_control(const char *pw, size_t n)
{
	const unsigned char	*p = (const unsigned char *)pw;
	size_t			 i;

	for (i = 0; i < n; i++) {
		if (p[i] < 0x20 || p[i] == 0x7F)
			return true;
		if (p[i] == 0xC2 && i + 1 < n && p[i + 1] >= 0x80 &&
		    p[i + 1] <= 0x9F)
			return true;
	}
	return false;
}

/*
 * NULL when pw is acceptable, else the message key of the first rule it
 * breaks, in the order of password.h.  NULL pw is "pw_short"; pw that is
 * not valid UTF-8 (callers validate first) is "pw_chars".  username and
 * mobile may be NULL or empty.  Returns a static string; nothing is kept.
 */
const char *
password_policy(const char *pw, const char *username, const char *mobile)
{
	const unsigned char	*p;
	size_t			 n, i, ulen;
	int			 upper = 0, lower = 0, digit = 0, symbol = 0;

	if (pw == NULL)
		return "pw_short";
	if ((n = strnlen(pw, PASSWORD_MAX + 1)) > PASSWORD_MAX)
		return "pw_long";
	if (!utf8_valid(pw, n))
		return "pw_chars";
	if (utf8_len(pw, n) < PASSWORD_MIN)
		return "pw_short";

	/* Continuation bytes are >= 0x80 too; counting a class is enough. */
	p = (const unsigned char *)pw;
	for (i = 0; i < n; i++) {
		if (is_upper(p[i]))
			upper = 1;
		else if (is_lower(p[i]))
			lower = 1;
		else if (is_digit(p[i]))
			digit = 1;
		else if (p[i] >= 0x20 && p[i] != 0x7F)
			symbol = 1;
	}
	if (upper + lower + digit + symbol < 3)
		return "pw_classes";

	if (username != NULL) {
		ulen = strlen(username);
		if ((utf8_valid(username, ulen) ? utf8_len(username, ulen) :
		    ulen) >= 3 && contains_nocase(pw, n, username, ulen))
			return "pw_username";
	}
	if (mobile != NULL && contains_mobile(pw, n, mobile))
		return "pw_mobile";
	if (common_with_padding(pw, n))
		return "pw_common";
	if (has_control(pw, n))
		return "pw_chars";
	return NULL;
}
