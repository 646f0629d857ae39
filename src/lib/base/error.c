/* base/error.c — the TEEMA_ERROR domain, and reading a file into it.
 *
 * Must always hold: a file over its size limit is refused from its size
 * alone, before any of it is read into memory. */
#include "base/base-private.h"

#include <glib/gstdio.h>

G_DEFINE_QUARK (teema - error - quark, teema_error)

gboolean
teema__read_file_max (const char *path, gsize max, const char *limit,
                      char **data, gsize *len, GError **error)
{
  GStatBuf st;
  if (g_stat (path, &st) == 0 && S_ISREG (st.st_mode)
      && (guint64) st.st_size > max) {
    g_set_error (error, TEEMA_ERROR, TEEMA_ERROR_UNSUPPORTED,
                 _ ("%s: %llu MB is more than this kind of file may be (%s, "
                    "%llu MB); refused"),
                 path, (unsigned long long) st.st_size >> 20, limit,
                 (unsigned long long) max >> 20);
    return FALSE;
  }
  return teema__read_file (path, data, len, error);
}

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
