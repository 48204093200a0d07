/*
 * err.h -- the one error enum of lib/.
 *
 * Every lib/ function that can fail returns an enum err (ERR_OK is 0).
 * err_str() gives a short English phrase for logs; users never see it.
 */
#ifndef DUIJIE_ERR_H
#define DUIJIE_ERR_H

enum err {
	ERR_OK = 0,
	ERR_NOMEM,	/* allocation failed */
	ERR_INVAL,	/* malformed input (bad encoding, broken multipart) */
	ERR_UTF8,	/* invalid UTF-8 or a NUL byte in a field */
	ERR_TOOBIG,	/* a size limit was exceeded (body, field, file) */
	ERR_TOOMANY,	/* too many fields */
	ERR_NOTFOUND,	/* no such row, file or key */
	ERR_IO,		/* read/write/temp file failure */
	ERR_CONFIG,	/* configuration missing or invalid */
	ERR_TEMPLATE,	/* template parse or render failure */
	ERR_DB,		/* database error (logged with its code) */
	ERR_DB_LOST,	/* connection lost (2006/2013) or unreachable */
	ERR_DB_DUP,	/* duplicate key (1062) */
	ERR_CONFLICT,	/* state changed underneath (checksum, version) */
	ERR_FORBIDDEN,	/* exists, but outside the actor's scope */
	ERR__MAX
};

const char	*err_str(enum err);

#endif
