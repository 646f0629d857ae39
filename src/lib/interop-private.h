/* interop-private.h — what the import/export modules share: safe zip and
 * XML reading, GUIDs, code ids, and transcript formats other than text.
 *
 * Only the files named here include libxml2 or libarchive headers:
 * archive.c, xml-safe.c, docx.c, refi-codebook.c, refi-export.c,
 * refi-import.c. */
#ifndef TEEMA_INTEROP_PRIVATE_H
#define TEEMA_INTEROP_PRIVATE_H

#include <glib.h>
#include <teema/teema.h>

#ifndef TEEMA_REFI_VERSION
#define TEEMA_REFI_VERSION "0.1.0" /* written as origin="teema ..." */
#endif

/* ---- archive.c: zip members read into memory, with limits ------------- */

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

/* Writes members (name, data, len; a NULL name ends the list) to a new zip
 * at path atomically. */
typedef struct {
  char *name;
  char *data;
  gsize len;
} TeemaZipMember;
gboolean teema_zip__write (const char *path, GArray *members, GError **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TeemaZip, teema_zip__free)

/* ---- xml-safe.c: libxml2 without network or entities ----------------- */

/* Parses XML in memory with XML_PARSE_NONET and without entity
 * substitution or DTD loading. A DOCTYPE that declares entities or names
 * an external DTD is refused before parsing (billion laughs, XXE). Returns
 * an xmlDoc * (as gpointer so that callers need not include libxml2 here);
 * free with teema_xml__free. */
gpointer teema_xml__parse (const char *data, gsize len, const char *name,
                           GError **error);
void teema_xml__free (gpointer doc);

/* ---- refi-codebook.c: ids and the teema block ------------------------- */

/* A deterministic GUID (upper-case hex) for "kind:key". */
char *teema_refi__guid (const char *kind, const char *key);
/* A theme id from a code name: lower-case ASCII letters, digits, '-',
 * unique against taken (which it is added to). */
char *teema_refi__code_id (const char *name, GHashTable *taken);
/* A theme's <Description> text: description, then the teema block. */
char *teema_refi__describe (const TeemaTheme *theme);
/* Appends one theme in the codebook text format to out, from a REFI code:
 * its name, colour, parent id, and <Description> (split at the marker). */
void teema_refi__theme_text (GString *out, const char *id, const char *name,
                             const char *colour, const char *parent,
                             const char *description);
/* Writes <Codes> with nested <Code> elements for cb (writer is an
 * xmlTextWriterPtr). */
void teema_refi__write_codes (gpointer writer, const TeemaCodebook *cb);
/* The theme id in a description's teema block, or NULL. */
char *teema_refi__block_code (const char *description);

/* ---- docx.c and subtitles.c: other transcript formats ----------------- */

/* Reads a transcript file and returns teema's text format for it (DOCX,
 * ODT, VTT and SRT converted; anything else returned as read). */
gboolean teema_import__read (const char *path, char **data, gsize *len,
                             GError **error);
char *teema_docx__to_text (GBytes *document_xml, const char *name,
                           GError **error);
char *teema_odt__to_text (GBytes *content_xml, const char *name,
                          GError **error);
char *teema_subtitles__to_text (const char *data, gsize len, gboolean vtt,
                                const char *name, GError **error);
/* Joins turns into the text format: speakers with spaces are declared in
 * a front matter so that the parser accepts them. turns holds
 * (speaker, timestamp, text) triples; speaker may be NULL (continues). */
char *teema_import__turns_to_text (GPtrArray *turns);

#endif
