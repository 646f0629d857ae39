/* formats/formats-private.h — the registry of file formats teema reads,
 * and the transcript readers behind it.
 *
 * Every transcript reader turns its file into teema's text format (speaker
 * labels, optional front matter; see corpora/FORMAT.md), so segmentation
 * is the same whatever the source. A new transcript format is one row in
 * the table of registry.c and one reader file here. */
#ifndef TEEMA_FORMATS_PRIVATE_H
#define TEEMA_FORMATS_PRIVATE_H

#include "base/base-private.h"

#include <glib.h>
#include <teema/formats.h>
#include <teema/transcript.h>

/* How a transcript file was read. */
typedef struct {
  const char *encoding; /* in: of plain text that is not UTF-8 (an iconv
                           name, or "auto"); NULL: such a file is refused */
  const char *used;     /* out: the encoding read, e.g. "UTF-16LE" */
  gboolean converted;   /* out: a reader (DOCX, ODT, VTT, SRT) wrote the
                           text format, so its lines are not the file's */
} TeemaReadInfo;

/* Reads a transcript file of any registered transcript format into the
 * text format, as UTF-8. A project or codebook file (REFI-QDA) fails with
 * TEEMA_ERROR_UNSUPPORTED naming the command that reads it. */
gboolean teema_formats__read_transcript (const char *path, TeemaReadInfo *info,
                                         char **data, gsize *len,
                                         GError **error);

/* Plain text in any of the encodings of formats/plain.c, as UTF-8. On
 * failure *data is NULL. */
gboolean teema_plain__read (const char *path, TeemaReadInfo *info, char **data,
                            gsize *len, GError **error);
/* The likelier 8-bit encoding of text that is not UTF-8: "windows-1252"
 * or "iso-8859-15". */
const char *teema_plain__guess_8bit (const char *data, gsize len);

/* The readers: each returns the text format of the file at path. */
typedef char *(*TeemaReadFunc) (const char *path, GError **error);
char *teema_docx__read (const char *path, GError **error);
char *teema_odt__read (const char *path, GError **error);
char *teema_vtt__read (const char *path, GError **error);
char *teema_srt__read (const char *path, GError **error);

/* The same converters on the main XML of a DOCX or ODT already in memory
 * (for tests and fuzzing). */
char *teema_docx__to_text (GBytes *document_xml, const char *name,
                           GError **error);
char *teema_odt__to_text (GBytes *content_xml, const char *name,
                          GError **error);
char *teema_subtitles__to_text (const char *data, gsize len, gboolean vtt,
                                const char *name, GError **error);

/* Joins turns into the text format: speakers with spaces are declared in
 * a front matter so that the parser accepts them. turns holds
 * (speaker, timestamp, text) triples; speaker may be NULL (continues). */
char *teema_turns__to_text (GPtrArray *turns);

#endif
