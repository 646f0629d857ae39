/* teema/formats.h — the file formats teema reads, as one table.
 *
 * `teema import` and its help text both come from this table: transcripts
 * (plain text, Markdown, DOCX, ODT, WebVTT, SRT) become documents, REFI-QDA
 * projects (.qdpx, .qde) are imported whole, REFI-QDA codebooks (.qdc) are
 * read by `teema codebook import`. */
#ifndef TEEMA_FORMATS_H
#define TEEMA_FORMATS_H

#include <glib.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef enum {
  TEEMA_FILE_TRANSCRIPT, /* becomes one document (teema_document_import) */
  TEEMA_FILE_PROJECT,    /* a whole project (teema_refi_import) */
  TEEMA_FILE_CODEBOOK,   /* a codebook (teema_codebook_load_qdc) */
} TeemaFileKind;

typedef struct {
  const char *name;              /* "docx" */
  const char *description;       /* "Word document": English, translated
                                    by dgettext ("teema", description) */
  const char *const *extensions; /* lower case with the dot, NULL-ended */
  TeemaFileKind kind;
} TeemaFileFormat;

/* Every format teema reads, in a stable order. */
const TeemaFileFormat *const *teema_file_format_list (guint *n_formats);

/* The format of the file at path: by its extension (case-insensitive),
 * else by sniffing its first bytes (a WebVTT or SRT header, a zip or XML
 * document). Plain text is the answer for any other readable file. Fails
 * with TEEMA_ERROR_IO when the file cannot be read. */
const TeemaFileFormat *teema_file_format_detect (const char *path,
                                                 GError **error);

/* "*.txt *.md *.docx ..." for the formats of kind, for help texts; a new
 * string. */
char *teema_file_format_extensions (TeemaFileKind kind);

#ifdef __cplusplus
}
#endif

#endif
