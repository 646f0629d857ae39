/* formats/archive.c — zip archives (.qdpx, .docx, .odt) through libarchive.
 *
 * Opening an archive reads only its member names; a member's data is read
 * when asked for (teema_zip__load, for the few a reader needs, in one
 * pass) or streamed (teema_zip__stream_*, for a document's XML), so a huge
 * member nobody needs is never inflated. Limits are enforced on bytes
 * actually decompressed, never on sizes the archive claims. Writing goes
 * member by member as the data comes, into a file or a sink (a callback),
 * so that memory holds one piece at a time. Must always hold: a member
 * whose name could escape a directory (absolute, "..", a drive letter or
 * backslash tricks) fails the whole read; no file is ever written while
 * reading; a written archive appears at its path only when complete
 * (written beside it under a name of its own, then renamed), except into
 * a device or pipe, which is written in place and never replaced. */
#include "base/base-private.h"
#include "formats/zip-private.h"

#include <archive.h>
#include <archive_entry.h>
#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <string.h>
#include <teema/files.h>
#include <unistd.h>

/* libarchive, with the compression libraries it pulls in, is opened when
 * the first archive is read or written (base/library.c): linked, every
 * command would map it at start-up, about a tenth of the start-up of a
 * report. Its functions are called through a table; the names below turn
 * this file's libarchive calls into calls through it. Must always hold:
 * no libarchive function is called before load_archive returned TRUE
 * (open_archive and writer_alloc, where every archive starts, call it). */
#define TEEMA_ARCHIVE_FUNCTIONS(X)                                             \
  X (read_new)                                                                 \
  X (read_free)                                                                \
  X (read_support_format_zip)                                                  \
  X (read_open_filename)                                                       \
  X (read_next_header)                                                         \
  X (read_data)                                                                \
  X (error_string)                                                             \
  X (errno)                                                                    \
  X (write_new)                                                                \
  X (write_free)                                                               \
  X (write_set_format_zip)                                                     \
  X (write_set_format_option)                                                  \
  X (write_zip_set_compression_store)                                          \
  X (write_zip_set_compression_deflate)                                        \
  X (write_set_bytes_in_last_block)                                            \
  X (write_open_filename)                                                      \
  X (write_open_fd)                                                            \
  X (write_open)                                                               \
  X (write_header)                                                             \
  X (write_data)                                                               \
  X (write_close)                                                              \
  X (entry_new)                                                                \
  X (entry_free)                                                               \
  X (entry_pathname)                                                           \
  X (entry_filetype)                                                           \
  X (entry_set_size)                                                           \
  X (entry_unset_size)                                                         \
  X (entry_set_perm)                                                           \
  X (entry_set_pathname)                                                       \
  X (entry_set_filetype)
#define TEEMA_ARCHIVE_FIELD(name) __typeof__ (archive_##name) *f_##name;
static struct {
  TEEMA_ARCHIVE_FUNCTIONS (TEEMA_ARCHIVE_FIELD)
} la;
#undef TEEMA_ARCHIVE_FIELD

static gboolean
load_archive (GError **error)
{
  static TeemaLibrary lib;
#define TEEMA_ARCHIVE_NAME(name) #name,
#define TEEMA_ARCHIVE_SLOT(name) (void **) &la.f_##name,
  static const char *const names[] = { TEEMA_ARCHIVE_FUNCTIONS (
    TEEMA_ARCHIVE_NAME) };
  void **const slots[] = { TEEMA_ARCHIVE_FUNCTIONS (TEEMA_ARCHIVE_SLOT) };
#undef TEEMA_ARCHIVE_NAME
#undef TEEMA_ARCHIVE_SLOT
  const char *failure = teema__load_library (
    &lib, "libarchive.so.13", "archive_", names, slots, G_N_ELEMENTS (names));
  if (failure)
    g_set_error (error, TEEMA_ERROR, TEEMA_ERROR_UNSUPPORTED,
                 _ ("zip files need libarchive (Debian package libarchive13), "
                    "which could not be opened: %s"),
                 failure);
  return !failure;
}

/* clang-format off */
#define archive_read_new la.f_read_new
#define archive_read_free la.f_read_free
#define archive_read_support_format_zip la.f_read_support_format_zip
#define archive_read_open_filename la.f_read_open_filename
#define archive_read_next_header la.f_read_next_header
#define archive_read_data la.f_read_data
#define archive_error_string la.f_error_string
#define archive_errno la.f_errno
#define archive_write_new la.f_write_new
#define archive_write_free la.f_write_free
#define archive_write_set_format_zip la.f_write_set_format_zip
#define archive_write_set_format_option la.f_write_set_format_option
#define archive_write_zip_set_compression_store la.f_write_zip_set_compression_store
#define archive_write_zip_set_compression_deflate la.f_write_zip_set_compression_deflate
#define archive_write_set_bytes_in_last_block la.f_write_set_bytes_in_last_block
#define archive_write_open_filename la.f_write_open_filename
#define archive_write_open_fd la.f_write_open_fd
#define archive_write_open la.f_write_open
#define archive_write_header la.f_write_header
#define archive_write_data la.f_write_data
#define archive_write_close la.f_write_close
#define archive_entry_new la.f_entry_new
#define archive_entry_free la.f_entry_free
#define archive_entry_pathname la.f_entry_pathname
#define archive_entry_filetype la.f_entry_filetype
#define archive_entry_set_size la.f_entry_set_size
#define archive_entry_unset_size la.f_entry_unset_size
#define archive_entry_set_perm la.f_entry_set_perm
#define archive_entry_set_pathname la.f_entry_set_pathname
#define archive_entry_set_filetype la.f_entry_set_filetype
/* clang-format on */

struct TeemaZip {
  char *path;
  guint64 budget;      /* bytes that may still be decompressed */
  GPtrArray *names;    /* char *, archive order (regular files) */
  GHashTable *members; /* lower-case name -> GBytes, once loaded */
};

struct TeemaZipStream {
  struct archive *a;
  TeemaZip *zip;
  char *name;
  guint64 left; /* bytes this member may still give */
};

void
teema_zip__free (TeemaZip *zip)
{
  if (!zip)
    return;
  g_free (zip->path);
  g_ptr_array_unref (zip->names);
  g_hash_table_destroy (zip->members);
  g_free (zip);
}

static gboolean
unsafe_name (const char *name)
{
  if (!*name || name[0] == '/' || name[0] == '\\'
      || (g_ascii_isalpha (name[0]) && name[1] == ':'))
    return TRUE;
  g_auto (GStrv) parts = g_strsplit_set (name, "/\\", -1);
  for (guint i = 0; parts[i]; i++)
    if (g_str_equal (parts[i], ".."))
      return TRUE;
  return FALSE;
}

static gboolean
zip_fail (struct archive *a, const char *path, GError **error)
{
  const char *why = archive_error_string (a);
  g_set_error (error, TEEMA_ERROR, TEEMA_ERROR_PARSE,
               _ ("%s: not a readable zip archive (%s); export or save the "
                  "file again"),
               path, why ? why : _ ("unknown error"));
  return FALSE;
}

static gboolean
too_big (const char *path, const char *name, guint64 limit, GError **error)
{
  g_set_error (
    error, TEEMA_ERROR, TEEMA_ERROR_UNSUPPORTED,
    _ ("%s: member '%s' expands beyond the size limit (%llu MB); the "
       "archive is refused (a zip bomb or not a project)"),
    path, name, (unsigned long long) (limit >> 20));
  return FALSE;
}

/* A new reader positioned before the first member. For a whole file
 * libarchive's seekable zip reader wins (it uses the central directory, so
 * skipping a member does not inflate it); a truncated archive without a
 * central directory is still read member by member. */
static struct archive *
open_archive (const char *path, GError **error)
{
  if (!load_archive (error))
    return NULL;
  struct archive *a = archive_read_new ();
  archive_read_support_format_zip (a);
  if (archive_read_open_filename (a, path, 65536) == ARCHIVE_OK)
    return a;
  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    g_set_error (error, TEEMA_ERROR, TEEMA_ERROR_IO, _ ("%s: no such file"),
                 path);
  else
    zip_fail (a, path, error);
  archive_read_free (a);
  return NULL;
}

/* Steps to the next regular member; *e NULL at the end. */
static gboolean
next_member (struct archive *a, const char *path, struct archive_entry **e,
             GError **error)
{
  for (;;) {
    int rc = archive_read_next_header (a, e);
    if (rc == ARCHIVE_EOF) {
      *e = NULL;
      return TRUE;
    }
    if (rc != ARCHIVE_OK && rc != ARCHIVE_WARN)
      return zip_fail (a, path, error);
    const char *name = archive_entry_pathname (*e);
    if (!name || unsafe_name (name)) {
      g_set_error (error, TEEMA_ERROR, TEEMA_ERROR_UNSUPPORTED,
                   _ ("%s: member '%s' has an absolute path or '..'; the "
                      "archive is refused"),
                   path, name ? name : "");
      return FALSE;
    }
    if (archive_entry_filetype (*e) == AE_IFREG)
      return TRUE;
  }
}

TeemaZip *
teema_zip__open (const char *path, guint64 max_bytes, guint max_members,
                 GError **error)
{
  struct archive *a = open_archive (path, error);
  if (!a)
    return NULL;
  TeemaZip *zip = g_new0 (TeemaZip, 1);
  zip->path = g_strdup (path);
  zip->budget = max_bytes ? max_bytes : TEEMA_ZIP_MAX_BYTES;
  zip->names = g_ptr_array_new_with_free_func (g_free);
  zip->members = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                        (GDestroyNotify) g_bytes_unref);
  guint limit = max_members ? max_members : TEEMA_ZIP_MAX_MEMBERS;
  struct archive_entry *e = NULL;
  gboolean ok;
  while ((ok = next_member (a, path, &e, error)) && e) {
    if (zip->names->len >= limit) {
      g_set_error (error, TEEMA_ERROR, TEEMA_ERROR_UNSUPPORTED,
                   _ ("%s: more than %u members; the archive is refused"), path,
                   limit);
      ok = FALSE;
      break;
    }
    g_ptr_array_add (zip->names, g_strdup (archive_entry_pathname (e)));
  }
  archive_read_free (a);
  if (!ok) {
    teema_zip__free (zip);
    return NULL;
  }
  return zip;
}

/* Reads the current member, at most max bytes, from the zip's budget. */
static GBytes *
read_member (struct archive *a, TeemaZip *zip, const char *name, guint64 max,
             GError **error)
{
  GByteArray *buf = g_byte_array_new ();
  char chunk[65536];
  for (;;) {
    la_ssize_t n = archive_read_data (a, chunk, sizeof chunk);
    if (n == 0)
      break;
    if (n < 0) {
      g_byte_array_unref (buf);
      zip_fail (a, zip->path, error);
      return NULL;
    }
    if ((guint64) n > zip->budget || buf->len + (guint64) n > max) {
      g_byte_array_unref (buf);
      too_big (zip->path, name, MIN (max, buf->len + zip->budget), error);
      return NULL;
    }
    zip->budget -= (guint64) n;
    g_byte_array_append (buf, (const guint8 *) chunk, (guint) n);
  }
  return g_byte_array_free_to_bytes (buf);
}

gboolean
teema_zip__load (TeemaZip *zip, const char *const *names, guint64 max_member,
                 GError **error)
{
  g_autoptr (GHashTable) want =
    g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; names && names[i]; i++) {
    char *key = g_ascii_strdown (names[i], -1);
    if (g_hash_table_contains (zip->members, key))
      g_free (key);
    else
      g_hash_table_add (want, key);
  }
  if (g_hash_table_size (want) == 0)
    return TRUE;
  struct archive *a = open_archive (zip->path, error);
  if (!a)
    return FALSE;
  struct archive_entry *e = NULL;
  gboolean ok;
  while ((ok = next_member (a, zip->path, &e, error)) && e) {
    const char *name = archive_entry_pathname (e);
    g_autofree char *key = g_ascii_strdown (name, -1);
    if (!g_hash_table_contains (want, key))
      continue; /* skipped without inflating it */
    GBytes *data = read_member (a, zip, name, max_member, error);
    if (!(ok = data != NULL))
      break;
    g_hash_table_remove (want, key);
    g_hash_table_replace (zip->members, g_steal_pointer (&key), data);
    if (g_hash_table_size (want) == 0)
      break;
  }
  archive_read_free (a);
  return ok;
}

GBytes *
teema_zip__get (TeemaZip *zip, const char *name)
{
  g_autofree char *key = g_ascii_strdown (name, -1);
  return g_hash_table_lookup (zip->members, key);
}

gboolean
teema_zip__has (TeemaZip *zip, const char *name)
{
  for (guint i = 0; i < zip->names->len; i++)
    if (g_ascii_strcasecmp (zip->names->pdata[i], name) == 0)
      return TRUE;
  return FALSE;
}

const GPtrArray *
teema_zip__names (TeemaZip *zip)
{
  return zip->names;
}

/* ---- streaming one member ---------------------------------------------- */

TeemaZipStream *
teema_zip__stream_open (TeemaZip *zip, const char *name, guint64 max,
                        GError **error)
{
  struct archive *a = open_archive (zip->path, error);
  if (!a)
    return NULL;
  struct archive_entry *e = NULL;
  while (next_member (a, zip->path, &e, error) && e) {
    if (g_ascii_strcasecmp (archive_entry_pathname (e), name) != 0)
      continue;
    TeemaZipStream *s = g_new0 (TeemaZipStream, 1);
    s->a = a;
    s->zip = zip;
    s->name = g_strdup (archive_entry_pathname (e));
    s->left = max;
    return s;
  }
  if (e == NULL && !(error && *error))
    g_set_error (error, TEEMA_ERROR, TEEMA_ERROR_PARSE,
                 _ ("%s: no member '%s' in the archive"), zip->path, name);
  archive_read_free (a);
  return NULL;
}

gssize
teema_zip__stream_read (TeemaZipStream *s, char *buf, gsize len, GError **error)
{
  la_ssize_t n = archive_read_data (s->a, buf, len);
  if (n < 0) {
    zip_fail (s->a, s->zip->path, error);
    return -1;
  }
  if ((guint64) n > s->left || (guint64) n > s->zip->budget) {
    too_big (s->zip->path, s->name, s->left, error);
    return -1;
  }
  s->left -= (guint64) n;
  s->zip->budget -= (guint64) n;
  return n;
}

void
teema_zip__stream_close (TeemaZipStream *s)
{
  if (!s)
    return;
  archive_read_free (s->a);
  g_free (s->name);
  g_free (s);
}

/* ---- writing as the data comes ------------------------------------------ */

struct TeemaZipWriter {
  struct archive *a;
  char *path, *tmp;  /* NULL when writing to a sink; tmp NULL also when
                        writing a special file in place */
  int fd;            /* the temporary file's, ours to close; or -1 */
  TeemaZipSink sink; /* or here */
  gpointer sink_data;
  GError *sink_error; /* why the sink refused */
  gboolean open;      /* the archive is open and being written */
  gboolean finished;  /* complete (and, to a file, renamed into place) */
};

static gboolean
writer_fail (TeemaZipWriter *w, GError **error)
{
  if (w->sink_error) {
    g_propagate_error (error, g_error_copy (w->sink_error));
    return FALSE;
  }
  int err = archive_errno (w->a);
  const char *why = err > 0 ? g_strerror (err) : archive_error_string (w->a);
  if (w->path)
    g_set_error (error, TEEMA_ERROR, TEEMA_ERROR_IO,
                 _ ("%s: cannot write (%s)"), w->path,
                 why ? why : _ ("unknown error"));
  else
    g_set_error (error, TEEMA_ERROR, TEEMA_ERROR_IO,
                 _ ("cannot write the archive (%s)"),
                 why ? why : _ ("unknown error"));
  return FALSE;
}

static TeemaZipWriter *
writer_alloc (GError **error)
{
  if (!load_archive (error))
    return NULL;
  TeemaZipWriter *w = g_new0 (TeemaZipWriter, 1);
  w->fd = -1;
  w->a = archive_write_new ();
  archive_write_set_format_zip (w->a);
  /* A member of unknown length gets a data descriptor; without zip64
   * extensions, which older QDA software cannot read. */
  archive_write_set_format_option (w->a, "zip", "zip64", NULL);
  /* Deflate's fastest level: a project's XML compresses well at any level,
   * and the default's extra squeeze doubled the time of an export. */
  archive_write_set_format_option (w->a, "zip", "compression-level", "1");
  return w;
}

TeemaZipWriter *
teema_zip__writer_new (const char *path, GError **error)
{
  TeemaZipWriter *w = writer_alloc (error);
  if (!w)
    return NULL;
  w->path = g_strdup (path);
  int rc;
  if (teema_file_is_special (path)) { /* a device or pipe: in place */
    rc = archive_write_open_filename (w->a, path);
  } else {
    /* A temporary file of its own beside path, renamed at the end: a
     * failed or killed export leaves path as it was. */
    w->tmp = g_strconcat (path, ".XXXXXX", NULL);
    int fd = w->fd = g_mkstemp_full (w->tmp, O_WRONLY, 0666);
    if (fd < 0) {
      g_set_error (error, TEEMA_ERROR, TEEMA_ERROR_IO,
                   _ ("%s: cannot write (%s)"), path, g_strerror (errno));
      g_clear_pointer (&w->tmp, g_free);
      teema_zip__writer_free (w);
      return NULL;
    }
    rc = archive_write_open_fd (w->a, fd); /* it leaves fd open */
  }
  if (rc != ARCHIVE_OK) {
    writer_fail (w, error);
    teema_zip__writer_free (w);
    return NULL;
  }
  w->open = TRUE;
  return w;
}

static la_ssize_t
to_sink (struct archive *a, void *data, const void *buf, size_t len)
{
  TeemaZipWriter *w = data;
  if (w->sink_error || !w->open
      || !w->sink ((const char *) buf, len, w->sink_data, &w->sink_error))
    return -1;
  return (la_ssize_t) len;
}

TeemaZipWriter *
teema_zip__writer_new_sink (TeemaZipSink sink, gpointer data, GError **error)
{
  TeemaZipWriter *w = writer_alloc (error);
  if (!w)
    return NULL;
  w->sink = sink;
  w->sink_data = data;
  /* Blocks of the default size reach the sink, the last one unpadded. */
  archive_write_set_bytes_in_last_block (w->a, 1);
  if (archive_write_open (w->a, w, NULL, to_sink, NULL) != ARCHIVE_OK) {
    writer_fail (w, error);
    teema_zip__writer_free (w);
    return NULL;
  }
  w->open = TRUE;
  return w;
}

gboolean
teema_zip__writer_begin (TeemaZipWriter *w, const char *name, gint64 size,
                         gboolean stored, GError **error)
{
  g_return_val_if_fail (!stored || size >= 0, FALSE);
  if (stored)
    archive_write_zip_set_compression_store (w->a);
  else
    archive_write_zip_set_compression_deflate (w->a);
  struct archive_entry *e = archive_entry_new ();
  archive_entry_set_pathname (e, name);
  if (size >= 0)
    archive_entry_set_size (e, (la_int64_t) size);
  else
    archive_entry_unset_size (e);
  archive_entry_set_filetype (e, AE_IFREG);
  archive_entry_set_perm (e, 0644);
  gboolean ok = archive_write_header (w->a, e) == ARCHIVE_OK;
  archive_entry_free (e);
  return ok || writer_fail (w, error);
}

gboolean
teema_zip__writer_write (TeemaZipWriter *w, const void *data, gsize len,
                         GError **error)
{
  if (len == 0)
    return TRUE;
  return archive_write_data (w->a, data, len) == (la_ssize_t) len
         || writer_fail (w, error);
}

gboolean
teema_zip__writer_finish (TeemaZipWriter *w, GError **error)
{
  gboolean ok = archive_write_close (w->a) == ARCHIVE_OK;
  w->open = FALSE;
  if (!ok)
    return writer_fail (w, error);
  if (w->fd >= 0) {
    int fd = w->fd;
    w->fd = -1;
    if (close (fd) != 0) {
      g_set_error (error, TEEMA_ERROR, TEEMA_ERROR_IO,
                   _ ("%s: cannot write (%s)"), w->path, g_strerror (errno));
      return FALSE;
    }
  }
  if (w->tmp && g_rename (w->tmp, w->path) != 0) {
    g_set_error (error, TEEMA_ERROR, TEEMA_ERROR_IO,
                 _ ("%s: cannot write (%s)"), w->path, g_strerror (errno));
    return FALSE;
  }
  w->finished = TRUE;
  return TRUE;
}

void
teema_zip__writer_free (TeemaZipWriter *w)
{
  if (!w)
    return;
  /* An unfinished archive into a sink stays unfinished: closing it would
   * hand the sink a central directory, making a cut-off archive look
   * whole (to_sink refuses it once the writer is no longer open). */
  if (w->open && w->path)
    archive_write_close (w->a);
  w->open = FALSE;
  archive_write_free (w->a);
  if (w->fd >= 0)
    close (w->fd);
  if (w->tmp && !w->finished)
    g_unlink (w->tmp);
  g_clear_error (&w->sink_error);
  g_free (w->path);
  g_free (w->tmp);
  g_free (w);
}
