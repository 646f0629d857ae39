/* formats/zip-private.h — zip archives read into memory with limits, and
 * written member by member, atomically into a file or into a sink
 * (libarchive). Only files under formats/ and refi/
 * include this; only formats/archive.c includes libarchive. */
#ifndef TEEMA_ZIP_PRIVATE_H
#define TEEMA_ZIP_PRIVATE_H

#include <glib.h>
#include <teema/error.h>

typedef struct TeemaZip TeemaZip;

#define TEEMA_ZIP_MAX_BYTES   ((guint64) 512 * 1024 * 1024)
#define TEEMA_ZIP_MAX_MEMBERS 10000u

/* Reads every regular member of the zip at path. Refuses (with
 * TEEMA_ERROR_UNSUPPORTED) a member named with ".." or an absolute path,
 * more than max_members members or more than max_bytes uncompressed bytes
 * (0 = the defaults above); a corrupt archive fails with TEEMA_ERROR_PARSE. */
TeemaZip *teema_zip__read (const char *path, guint64 max_bytes,
                           guint max_members, GError **error);
void teema_zip__free (TeemaZip *zip);
/* The member named name, compared case-insensitively; NULL when absent. */
GBytes *teema_zip__get (TeemaZip *zip, const char *name);
/* Member names in archive order. */
const GPtrArray *teema_zip__names (TeemaZip *zip);

/* A zip written member by member as its data comes, so that memory holds
 * one piece at a time. Nothing appears at path until finish succeeds (the
 * archive is written beside it, then renamed); freeing an unfinished
 * writer removes what it wrote. */
typedef struct TeemaZipWriter TeemaZipWriter;
TeemaZipWriter *teema_zip__writer_new (const char *path, GError **error);
/* Receives an archive's bytes in order; returns FALSE with error set to
 * stop the writer (the error is then the writer's). */
typedef gboolean (*TeemaZipSink) (const char *data, gsize len,
                                  gpointer user_data, GError **error);
/* The same archive handed to sink as it is written, in blocks (nothing
 * is renamed; what the sink keeps of a failed archive is its business). */
TeemaZipWriter *teema_zip__writer_new_sink (TeemaZipSink sink, gpointer data,
                                            GError **error);
/* Starts a member; size is its length when known, or -1 (then the length
 * follows the data in the archive). A stored member (not compressed, as
 * an ODF "mimetype" must be) needs its size. */
gboolean teema_zip__writer_begin (TeemaZipWriter *writer, const char *name,
                                  gint64 size, gboolean stored, GError **error);
gboolean teema_zip__writer_write (TeemaZipWriter *writer, const void *data,
                                  gsize len, GError **error);
gboolean teema_zip__writer_finish (TeemaZipWriter *writer, GError **error);
void teema_zip__writer_free (TeemaZipWriter *writer);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TeemaZipWriter, teema_zip__writer_free)

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TeemaZip, teema_zip__free)

#endif
