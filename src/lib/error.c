/* error.c — the TEEMA_ERROR domain. */
#include <teema/error.h>

G_DEFINE_QUARK (teema - error - quark, teema_error)
