/* base/files.c — whole output files, written safely (see teema/files.h).
 * Must always hold: a special file is never renamed over, and a failed
 * write is an error, never a short file reported as written. */
#include "base/base-private.h"

#include <errno.h>
#include <stdio.h>
#include <teema/files.h>

gboolean
teema_file_is_special (const char *path)
{
  return g_file_test (path, G_FILE_TEST_EXISTS)
         && !g_file_test (path, G_FILE_TEST_IS_REGULAR)
         && !g_file_test (path, G_FILE_TEST_IS_DIR);
}

static gboolean
write_in_place (const char *path, const void *data, gsize len, GError **error)
{
  FILE *f = fopen (path, "w");
  gboolean ok = f && fwrite (data, 1, len, f) == len;
  int err = errno;
  if (f && fclose (f) != 0 && ok) {
    ok = FALSE;
    err = errno;
  }
  if (!ok)
    g_set_error (error, TEEMA_ERROR, TEEMA_ERROR_IO, "%s: %s", path,
                 g_strerror (err ? err : EIO));
  return ok;
}

gboolean
teema_file_write (const char *path, const void *data, gsize len, GError **error)
{
  if (teema_file_is_special (path))
    return write_in_place (path, data, len, error);
  GError *io = NULL;
  if (!g_file_set_contents (path, data, (gssize) len, &io)) {
    g_set_error (error, TEEMA_ERROR, TEEMA_ERROR_IO, "%s", io->message);
    g_error_free (io);
    return FALSE;
  }
  return TRUE;
}
