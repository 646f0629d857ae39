/* teema/document.h — documents: transcripts imported into a project.
 *
 * A document is one imported file: its NFC text, its informant and its
 * segments. Importing reads every supported format (see the formats
 * registry: plain text and Markdown, DOCX, ODT, WebVTT, SRT). */
#ifndef TEEMA_DOCUMENT_H
#define TEEMA_DOCUMENT_H

#include <glib.h>
#include <teema/project.h>
#include <teema/transcript.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct {
  gint64 id;
  char *name;         /* file name as imported, e.g. "H3.txt" */
  char *path;         /* path it was imported from, or NULL */
  char *informant;    /* informant code, or NULL */
  char *segmentation; /* "turn", "paragraph" or "sentence" */
  char *imported_at;  /* ISO 8601 UTC */
  guint n_segments;   /* informant (non-interviewer) segments */
  guint n_words;      /* words in them */
} TeemaDocument;

void teema_document_free (TeemaDocument *document);

/* Every document in import order; free with g_ptr_array_unref. */
GPtrArray *teema_document_list (TeemaProject *project, GError **error);

typedef struct {
  TeemaSegmentation segmentation;
  gboolean force;             /* replace an already imported identical file */
  gboolean join_hyphens;      /* join words broken by line-end hyphenation */
  const char *informant;      /* override the informant id, or NULL */
  TeemaProgressFunc progress; /* called after each file, or NULL */
  gpointer progress_data;
} TeemaImportOptions;

typedef struct {
  char *path;
  char *informant;
  gint64 document_id;
  guint n_turns;
  guint n_segments;
  guint n_words;     /* words in informant (non-interviewer) turns */
  gboolean replaced; /* an identical earlier import was replaced */
} TeemaImportResult;

void teema_import_result_free (TeemaImportResult *result);

/* Imports the files in one transaction: all of them or none. On success
 * returns an array of TeemaImportResult (free with g_ptr_array_unref).
 * An identical file (same content hash) already in the project fails with
 * TEEMA_ERROR_EXISTS unless options->force. */
GPtrArray *teema_document_import (TeemaProject *project,
                                  const char *const *paths, gsize n_paths,
                                  const TeemaImportOptions *options,
                                  GError **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TeemaDocument, teema_document_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TeemaImportResult, teema_import_result_free)

#ifdef __cplusplus
}
#endif

#endif
