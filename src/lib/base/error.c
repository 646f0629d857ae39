/* base/error.c — the TEEMA_ERROR domain, and reading a file into it. */
#include "base/base-private.h"

G_DEFINE_QUARK (teema - error - quark, teema_error)

gboolean
teema__read_file (const char *path, char **data, gsize *len, GError **error)
{
  GError *io = NULL;
  if (g_file_get_contents (path, data, len, &io))
    return TRUE;
  g_set_error (error, TEEMA_ERROR, TEEMA_ERROR_IO, "%s", io->message);
  g_error_free (io);
  return FALSE;
}
