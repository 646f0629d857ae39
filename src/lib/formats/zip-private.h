/* formats/zip-private.h — zip archives read member by member with limits,
 * and written atomically (libarchive). Only files under formats/ and refi/
 * include this; only formats/archive.c includes libarchive. */
#ifndef TEEMA_ZIP_PRIVATE_H
#define TEEMA_ZIP_PRIVATE_H

#include <glib.h>
#include <teema/error.h>

typedef struct TeemaZip TeemaZip;
typedef struct TeemaZipStream TeemaZipStream;

/* Bytes decompressed from one archive in all, and members it may have. */
#define TEEMA_ZIP_MAX_BYTES   ((guint64) 512 * 1024 * 1024)
#define TEEMA_ZIP_MAX_MEMBERS 10000u

/* Opens the zip at path and lists its regular members without reading
 * their data. Refuses (TEEMA_ERROR_UNSUPPORTED) a member named with ".."
 * or an absolute path, or more than max_members members; a corrupt archive
 * fails with TEEMA_ERROR_PARSE. max_bytes bounds all later reads of it
 * (0 = the defaults above). */
TeemaZip *teema_zip__open (const char *path, guint64 max_bytes,
                           guint max_members, GError **error);
void teema_zip__free (TeemaZip *zip);
/* Reads the named members (NULL-terminated list, names compared
 * case-insensitively; absent ones are left out) in one pass over the
 * archive, each at most max_member bytes; the others are skipped, never
 * inflated. Then teema_zip__get gives them. */
gboolean teema_zip__load (TeemaZip *zip, const char *const *names,
                          guint64 max_member, GError **error);
/* A member loaded by teema_zip__load, or NULL. */
GBytes *teema_zip__get (TeemaZip *zip, const char *name);
/* Whether the archive has a member named name (any case). */
gboolean teema_zip__has (TeemaZip *zip, const char *name);
/* Member names in archive order. */
const GPtrArray *teema_zip__names (TeemaZip *zip);

/* Streams one member (at most max bytes of it) without holding it: read
 * returns bytes read, 0 at its end, -1 with error set. */
TeemaZipStream *teema_zip__stream_open (TeemaZip *zip, const char *name,
                                        guint64 max, GError **error);
gssize teema_zip__stream_read (TeemaZipStream *stream, char *buf, gsize len,
                               GError **error);
void teema_zip__stream_close (TeemaZipStream *stream);

/* Writes members (name, data, len; a NULL name ends the list) to a new zip
 * at path atomically. */
typedef struct {
  char *name;
  char *data;
  gsize len;
  gboolean stored; /* not compressed (an ODF "mimetype" must not be) */
} TeemaZipMember;
gboolean teema_zip__write (const char *path, GArray *members, GError **error);

/* The same archive in memory, members in order, each dated 1980-01-01
 * so that the same members always make the same bytes. */
GBytes *teema_zip__to_bytes (GArray *members, GError **error);

/* A zip written member by member as its data comes, so that memory holds
 * one piece at a time. Nothing appears at path until finish succeeds (the
 * archive is written beside it, then renamed); freeing an unfinished
 * writer removes what it wrote. */
typedef struct TeemaZipWriter TeemaZipWriter;
TeemaZipWriter *teema_zip__writer_new (const char *path, GError **error);
/* Starts a member; size is its length when known, or -1 (then the length
 * follows the data in the archive). */
gboolean teema_zip__writer_begin (TeemaZipWriter *writer, const char *name,
                                  gint64 size, GError **error);
gboolean teema_zip__writer_write (TeemaZipWriter *writer, const void *data,
                                  gsize len, GError **error);
gboolean teema_zip__writer_finish (TeemaZipWriter *writer, GError **error);
void teema_zip__writer_free (TeemaZipWriter *writer);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TeemaZipWriter, teema_zip__writer_free)

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TeemaZip, teema_zip__free)

#endif
