/*
 * cs.h -- the one way in to ClearSilver.
 *
 * ClearSilver's cs_config.h defines PACKAGE_NAME and friends as "" and its
 * headers are not clean under our warning flags: include it here, with
 * those warnings off and those macros undone, and nowhere else.
 */
#ifndef DUIJIE_CS_H
#define DUIJIE_CS_H

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wstrict-prototypes"
#pragma GCC diagnostic ignored "-Wshadow"
#pragma GCC diagnostic ignored "-Wunused-parameter"
#include <ClearSilver.h>
#pragma GCC diagnostic pop

#undef PACKAGE_NAME
#undef PACKAGE_VERSION
#undef PACKAGE_STRING
#undef PACKAGE_TARNAME
#undef PACKAGE_BUGREPORT
#undef PACKAGE_URL
#undef PACKAGE

#endif
