/*
 * err.c -- phrases for the one error enum of lib/.
 */
#include <stddef.h>

#include "core/err.h"

static const char *const err_strs[ERR__MAX] = {
	[ERR_OK] = "success",
	[ERR_NOMEM] = "out of memory",
	[ERR_INVAL] = "malformed input",
	[ERR_UTF8] = "invalid UTF-8 or NUL byte",
	[ERR_TOOBIG] = "size limit exceeded",
	[ERR_TOOMANY] = "too many fields",
	[ERR_NOTFOUND] = "not found",
	[ERR_IO] = "input/output error",
	[ERR_CONFIG] = "invalid configuration",
	[ERR_TEMPLATE] = "template error",
	[ERR_DB] = "database error",
	[ERR_DB_LOST] = "database connection lost",
	[ERR_DB_DUP] = "duplicate key",
	[ERR_CONFLICT] = "conflicting change",
	[ERR_FORBIDDEN] = "outside the actor's scope",
};

/*
 * Short English phrase for `e`, for logs only.  Never NULL: a value outside
 * the enum gives "unknown error".  The string is static; do not free it.
 */
const char *
err_str(enum err e)
{
	if ((unsigned)e >= ERR__MAX || err_strs[e] == NULL)
		return "unknown error";
	return err_strs[e];
}
