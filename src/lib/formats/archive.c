/* formats/archive.c — zip archives (.qdpx, .docx, .odt) through libarchive.
 *
 * Reading takes every regular member into memory, so the limits are
 * enforced on bytes actually decompressed, never on sizes the archive
 * claims. Must always hold: a member whose name could escape a directory
 * (absolute, "..", a drive letter or backslash tricks) fails the whole
 * read; no file is ever written while reading; a written archive appears
 * at its path only when complete (written beside it, then renamed). */
#include "base/base-private.h"
#include "formats/zip-private.h"

#include <archive.h>
#include <archive_entry.h>
#include <errno.h>
#include <glib/gstdio.h>
#include <string.h>

struct TeemaZip {
  GPtrArray *names;    /* char *, archive order */
  GHashTable *members; /* lower-case name -> GBytes */
};

void
teema_zip__free (TeemaZip *zip)
{
  if (!zip)
    return;
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

/* Reads the current member's data, counting against *budget. */
static GBytes *
read_member (struct archive *a, const char *path, const char *name,
             guint64 *budget, GError **error)
{
  GByteArray *buf = g_byte_array_new ();
  char chunk[65536];
  for (;;) {
    la_ssize_t n = archive_read_data (a, chunk, sizeof chunk);
    if (n == 0)
      break;
    if (n < 0) {
      g_byte_array_unref (buf);
      zip_fail (a, path, error);
      return NULL;
    }
    if ((guint64) n > *budget) {
      g_byte_array_unref (buf);
      g_set_error (error, TEEMA_ERROR, TEEMA_ERROR_UNSUPPORTED,
                   _ ("%s: member '%s' expands beyond the size limit; the "
                      "archive is refused (a zip bomb or not a project)"),
                   path, name);
      return NULL;
    }
    *budget -= (guint64) n;
    g_byte_array_append (buf, (const guint8 *) chunk, (guint) n);
  }
  return g_byte_array_free_to_bytes (buf);
}

static gboolean
read_entries (struct archive *a, TeemaZip *zip, const char *path,
              guint64 budget, guint max_members, GError **error)
{
  struct archive_entry *e;
  guint count = 0;
  int rc;
  while ((rc = archive_read_next_header (a, &e)) == ARCHIVE_OK
         || rc == ARCHIVE_WARN) {
    const char *name = archive_entry_pathname (e);
    if (!name || unsafe_name (name)) {
      g_set_error (error, TEEMA_ERROR, TEEMA_ERROR_UNSUPPORTED,
                   _ ("%s: member '%s' has an absolute path or '..'; the "
                      "archive is refused"),
                   path, name ? name : "");
      return FALSE;
    }
    if (++count > max_members) {
      g_set_error (error, TEEMA_ERROR, TEEMA_ERROR_UNSUPPORTED,
                   _ ("%s: more than %u members; the archive is refused"), path,
                   max_members);
      return FALSE;
    }
    if (archive_entry_filetype (e) != AE_IFREG)
      continue;
    GBytes *data = read_member (a, path, name, &budget, error);
    if (!data)
      return FALSE;
    g_ptr_array_add (zip->names, g_strdup (name));
    g_hash_table_replace (zip->members, g_ascii_strdown (name, -1), data);
  }
  if (rc != ARCHIVE_EOF)
    return zip_fail (a, path, error);
  return TRUE;
}

TeemaZip *
teema_zip__read (const char *path, guint64 max_bytes, guint max_members,
                 GError **error)
{
  struct archive *a = archive_read_new ();
  archive_read_support_format_zip (a);
  TeemaZip *zip = g_new0 (TeemaZip, 1);
  zip->names = g_ptr_array_new_with_free_func (g_free);
  zip->members = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                        (GDestroyNotify) g_bytes_unref);
  gboolean ok;
  if (archive_read_open_filename (a, path, 65536) != ARCHIVE_OK) {
    if (!g_file_test (path, G_FILE_TEST_EXISTS)) {
      g_set_error (error, TEEMA_ERROR, TEEMA_ERROR_IO, _ ("%s: no such file"),
                   path);
      ok = FALSE;
    } else {
      ok = zip_fail (a, path, error);
    }
  } else {
    ok =
      read_entries (a, zip, path, max_bytes ? max_bytes : TEEMA_ZIP_MAX_BYTES,
                    max_members ? max_members : TEEMA_ZIP_MAX_MEMBERS, error);
  }
  archive_read_free (a);
  if (!ok) {
    teema_zip__free (zip);
    return NULL;
  }
  return zip;
}

GBytes *
teema_zip__get (TeemaZip *zip, const char *name)
{
  g_autofree char *key = g_ascii_strdown (name, -1);
  return g_hash_table_lookup (zip->members, key);
}

const GPtrArray *
teema_zip__names (TeemaZip *zip)
{
  return zip->names;
}

/* ---- writing --------------------------------------------------------------
 */

/* 1980-01-01, the first date a zip can hold. */
#define ZIP_EPOCH ((time_t) 315532800)

static gboolean
write_members (struct archive *a, GArray *members)
{
  for (guint i = 0; i < members->len; i++) {
    TeemaZipMember *m = &g_array_index (members, TeemaZipMember, i);
    if (m->stored)
      archive_write_zip_set_compression_store (a);
    else
      archive_write_zip_set_compression_deflate (a);
    struct archive_entry *e = archive_entry_new ();
    archive_entry_set_pathname (e, m->name);
    archive_entry_set_size (e, (la_int64_t) m->len);
    archive_entry_set_filetype (e, AE_IFREG);
    archive_entry_set_perm (e, 0644);
    archive_entry_set_mtime (e, ZIP_EPOCH, 0);
    gboolean ok =
      archive_write_header (a, e) == ARCHIVE_OK
      && (m->len == 0
          || archive_write_data (a, m->data, m->len) == (la_ssize_t) m->len);
    archive_entry_free (e);
    if (!ok)
      return FALSE;
  }
  return archive_write_close (a) == ARCHIVE_OK;
}

static la_ssize_t
append_out (struct archive *a, void *data, const void *buf, size_t len)
{
  g_byte_array_append (data, buf, (guint) len);
  return (la_ssize_t) len;
}

GBytes *
teema_zip__to_bytes (GArray *members, GError **error)
{
  GByteArray *out = g_byte_array_new ();
  struct archive *a = archive_write_new ();
  archive_write_set_format_zip (a);
  /* Unblocked: no padding after the archive's last byte. */
  archive_write_set_bytes_per_block (a, 0);
  gboolean ok =
    archive_write_open (a, out, NULL, append_out, NULL) == ARCHIVE_OK
    && write_members (a, members);
  if (!ok)
    g_set_error (error, TEEMA_ERROR, TEEMA_ERROR_IO,
                 _ ("cannot build the archive (%s)"),
                 archive_error_string (a) ? archive_error_string (a)
                                          : _ ("unknown error"));
  archive_write_free (a);
  if (!ok) {
    g_byte_array_unref (out);
    return NULL;
  }
  return g_byte_array_free_to_bytes (out);
}

gboolean
teema_zip__write (const char *path, GArray *members, GError **error)
{
  g_autofree char *tmp = g_strconcat (path, ".tmp", NULL);
  struct archive *a = archive_write_new ();
  archive_write_set_format_zip (a);
  gboolean ok = archive_write_open_filename (a, tmp) == ARCHIVE_OK
                && write_members (a, members);
  if (!ok)
    g_set_error (error, TEEMA_ERROR, TEEMA_ERROR_IO,
                 _ ("%s: cannot write (%s)"), path,
                 archive_error_string (a) ? archive_error_string (a)
                                          : _ ("unknown error"));
  archive_write_free (a);
  if (ok && g_rename (tmp, path) != 0) {
    g_set_error (error, TEEMA_ERROR, TEEMA_ERROR_IO,
                 _ ("%s: cannot write (%s)"), path, g_strerror (errno));
    ok = FALSE;
  }
  if (!ok)
    g_unlink (tmp);
  return ok;
}

/* ---- writing as the data comes ------------------------------------------ */

struct TeemaZipWriter {
  struct archive *a;
  char *path, *tmp;
  gboolean open;     /* the archive file is open */
  gboolean finished; /* renamed into place */
};

static gboolean
writer_fail (TeemaZipWriter *w, GError **error)
{
  const char *why = archive_error_string (w->a);
  g_set_error (error, TEEMA_ERROR, TEEMA_ERROR_IO, _ ("%s: cannot write (%s)"),
               w->path, why ? why : _ ("unknown error"));
  return FALSE;
}

TeemaZipWriter *
teema_zip__writer_new (const char *path, GError **error)
{
  TeemaZipWriter *w = g_new0 (TeemaZipWriter, 1);
  w->path = g_strdup (path);
  w->tmp = g_strconcat (path, ".tmp", NULL);
  w->a = archive_write_new ();
  archive_write_set_format_zip (w->a);
  /* A member of unknown length gets a data descriptor; without zip64
   * extensions, which older QDA software cannot read. */
  archive_write_set_format_option (w->a, "zip", "zip64", NULL);
  /* Deflate's fastest level: a project's XML compresses well at any level,
   * and the default's extra squeeze doubled the time of an export. */
  archive_write_set_format_option (w->a, "zip", "compression-level", "1");
  if (archive_write_open_filename (w->a, w->tmp) != ARCHIVE_OK) {
    writer_fail (w, error);
    teema_zip__writer_free (w);
    return NULL;
  }
  w->open = TRUE;
  return w;
}

gboolean
teema_zip__writer_begin (TeemaZipWriter *w, const char *name, gint64 size,
                         GError **error)
{
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
  if (g_rename (w->tmp, w->path) != 0) {
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
  if (w->open)
    archive_write_close (w->a);
  archive_write_free (w->a);
  if (!w->finished)
    g_unlink (w->tmp);
  g_free (w->path);
  g_free (w->tmp);
  g_free (w);
}
