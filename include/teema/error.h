/* teema/error.h — the one error domain of the library.
 *
 * Every function that can fail returns FALSE or NULL and sets a GError in
 * TEEMA_ERROR with one of the codes below. Messages name the file, line and
 * column where there is one, and say what to do; the CLI prints them as-is. */
#ifndef TEEMA_ERROR_H
#define TEEMA_ERROR_H

#include <glib.h>

#ifdef __cplusplus
extern "C" {
#endif

#define TEEMA_ERROR (teema_error_quark ())

typedef enum {
  TEEMA_ERROR_FAILED,      /* anything not covered below */
  TEEMA_ERROR_IO,          /* a file could not be read or written */
  TEEMA_ERROR_ENCODING,    /* input is not valid UTF-8 */
  TEEMA_ERROR_EMPTY,       /* input has no content */
  TEEMA_ERROR_PARSE,       /* malformed header, codebook or file format */
  TEEMA_ERROR_NOT_FOUND,   /* unknown theme, informant, segment, coder */
  TEEMA_ERROR_EXISTS,      /* already imported / already exists */
  TEEMA_ERROR_STORE,       /* the project database failed */
  TEEMA_ERROR_RULE,        /* a keyword rule does not compile */
  TEEMA_ERROR_UNSUPPORTED, /* a format or version teema does not handle */
  TEEMA_ERROR_NO_CODEBOOK, /* the project has no codebook yet */
} TeemaErrorCode;

GQuark teema_error_quark (void);

#ifdef __cplusplus
}
#endif

#endif
