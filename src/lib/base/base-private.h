/* base/base-private.h — what every layer of the library may use: reading a
 * file with the library's error, the one key for "this segment carries
 * this theme", and _() for words a reader sees. GLib only. */
#ifndef TEEMA_BASE_PRIVATE_H
#define TEEMA_BASE_PRIVATE_H

#include <glib.h>
#include <glib/gi18n-lib.h> /* _(), N_(), C_(): see base/i18n.c */
#include <teema/codebook.h>
#include <teema/error.h>

/* A column name's heading in the reader's language: names are marked
 * with NC_ and the context "heading", and stay English in CSV, TSV and
 * JSON. */
#define TEEMA_HEADING(name) g_dpgettext2 (GETTEXT_PACKAGE, "heading", (name))

/* teema__read_file for a file of at most max bytes: a larger one fails
 * with TEEMA_ERROR_UNSUPPORTED naming limit (the constant's name) before
 * anything is read. */
gboolean teema__read_file_max (const char *path, gsize max, const char *limit,
                               char **data, gsize *len, GError **error);
/* Frees a theme record (the codebook owns its themes; the store's theme
 * lists are built with this as their free function). NULL is ignored. */
void teema_theme__free (TeemaTheme *theme);
/* An empty array for TeemaEvidence (frees their terms). */
GArray *teema_evidence__array_new (void);

/* Reads a whole file; on failure sets TEEMA_ERROR_IO with the system's
 * message (which names the file). len may be NULL. */
gboolean teema__read_file (const char *path, char **data, gsize *len,
                           GError **error);

/* The number of code points in s (len bytes, or up to its NUL when len is
 * negative; a NUL also ends it), as g_utf8_strlen counts them for valid
 * UTF-8, without its per-character table walk. */
glong teema__utf8_length (const char *s, gssize len);

/* A shared library opened on first use (base/library.c). */
typedef struct {
  gsize once;
  char *failure; /* NULL once opened */
} TeemaLibrary;

/* Opens soname once (thread-safe) and looks up prefix + names[i] into
 * *slots[i], for each of n names; NULL, or why it could not (the same on
 * every later call). */
const char *teema__load_library (TeemaLibrary *lib, const char *soname,
                                 const char *prefix, const char *const *names,
                                 void **const *slots, guint n);

/* A (segment id, theme id) pair. Sets of them are GHashTables that own
 * their keys; any id a database can hold fits (no packing into one word). */
typedef struct {
  gint64 segment;
  gint64 theme;
} TeemaCodingKey;

GHashTable *teema_coding_keys__new (void);
void teema_coding_keys__add (GHashTable *set, gint64 segment, gint64 theme);
gboolean teema_coding_keys__has (GHashTable *set, gint64 segment, gint64 theme);
/* Adds the key with value (taken; NULL allowed), replacing any value it
 * had. */
void teema_coding_keys__set (GHashTable *set, gint64 segment, gint64 theme,
                             char *value);
/* TRUE when the key is in set; *value gets its value (NULL when none). */
gboolean teema_coding_keys__lookup (GHashTable *set, gint64 segment,
                                    gint64 theme, const char **value);

#endif
