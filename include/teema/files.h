/* teema/files.h — writing a whole output file the way every command does.
 *
 * A regular file (or a new one) is written beside its path under a name of
 * its own and renamed into place, so a failed or killed write leaves what
 * was there; a device, a pipe or /dev/stdout is written in place and is
 * never replaced. */
#ifndef TEEMA_FILES_H
#define TEEMA_FILES_H

#include <glib.h>

#ifdef __cplusplus
extern "C" {
#endif

/* TRUE when path exists and is neither a regular file nor a folder (a
 * device, a pipe, a socket): it must be written in place. */
gboolean teema_file_is_special (const char *path);

/* Writes len bytes of data to path as above; FALSE with a TEEMA_ERROR_IO
 * error naming the path (a full disk, a missing folder) otherwise. */
gboolean teema_file_write (const char *path, const void *data, gsize len,
                           GError **error);

#ifdef __cplusplus
}
#endif

#endif
