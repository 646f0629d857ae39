/* teema/document.h — documents: transcripts imported into a project.
 *
 * A document is one imported file: its NFC text, its informant and its
 * segments. Importing reads every supported format (see the formats
 * registry: plain text and Markdown, DOCX, ODT, WebVTT, SRT) and says, per
 * file, what it understood and what looked wrong. Documents can be
 * removed, renamed and replaced by an edited version; codings whose text
 * the edit deleted are set aside, never dropped without a word. */
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
  guint n_codings;    /* codings on its segments, by every coder */
  guint n_aside;      /* codings and memos set aside by --replace */
} TeemaDocument;

void teema_document_free (TeemaDocument *document);

/* Every document in import order; free with g_ptr_array_unref. */
GPtrArray *teema_document_list (TeemaProject *project, GError **error);

/* The stored NFC text of a document (by name or id): a new string, or
 * NULL with TEEMA_ERROR_NOT_FOUND. Segment offsets are code points into
 * it. */
char *teema_document_text (TeemaProject *project, const char *document,
                           GError **error);

/* What a removal takes with it (or would, for a dry run). */
typedef struct {
  guint n_documents;
  guint n_segments; /* every segment, the interviewer's too */
  guint n_codings;
  guint n_memos;
  gboolean informant_removed; /* the document's informant had no other */
} TeemaRemoval;

/* Removes a document — named by its name ("H3.txt") or its id ("7") —
 * with its segments, codings, memos and set-aside items, and its
 * informant when that has no other document, in one transaction. With
 * dry_run nothing changes and *removal says what would go. removal may be
 * NULL. Unknown or ambiguous name: TEEMA_ERROR_NOT_FOUND. */
gboolean teema_document_remove (TeemaProject *project, const char *document,
                                gboolean dry_run, TeemaRemoval *removal,
                                GError **error);

/* Gives a document a new name (the name --replace matches). Fails with
 * TEEMA_ERROR_EXISTS when another document has that name. */
gboolean teema_document_rename (TeemaProject *project, const char *document,
                                const char *name, GError **error);

/* Where an import took the informant id from. */
typedef enum {
  TEEMA_INFORMANT_FROM_OPTION,    /* --informant */
  TEEMA_INFORMANT_FROM_HEADER,    /* front matter "informant:" */
  TEEMA_INFORMANT_FROM_LABEL,     /* the informant's speaker label */
  TEEMA_INFORMANT_FROM_FILE_NAME, /* the label is generic, or none */
  TEEMA_INFORMANT_FROM_DOCUMENT,  /* kept from the replaced document */
} TeemaInformantSource;

typedef struct {
  TeemaSegmentation segmentation;
  gboolean force;        /* replace an already imported identical file */
  gboolean join_hyphens; /* join words broken by line-end hyphenation */
  const char *informant; /* override the informant id, or NULL */
  /* Encoding of plain text that is not UTF-8 (an iconv name such as
   * "windows-1252", or "auto" to guess); NULL: such a file is refused.
   * UTF-8 and files with a byte-order mark are read as they are. */
  const char *encoding;
  /* Labels of the interviewer, comma-separated: they replace the
   * recognised ones in every file. NULL: recognise. */
  const char *interviewer;
  /* Read and report only; the project is not changed and may be NULL. */
  gboolean check;
  /* Each file replaces the document of the same name, keeping every
   * coding and memo whose text is still there (see teema_aside_list). */
  gboolean replace;
  TeemaProgressFunc progress; /* called after each file, or NULL */
  gpointer progress_data;
} TeemaImportOptions;

typedef struct {
  char *path;
  char *informant;
  gint64 document_id; /* 0 for a check */
  guint n_turns;
  guint n_segments;
  guint n_words;     /* words in informant (non-interviewer) turns */
  gboolean replaced; /* an identical earlier import was replaced */
  /* What the import understood. */
  TeemaInformantSource informant_from;
  char *speakers;    /* the informant's speaker labels as written, or NULL */
  char *interviewer; /* the interviewer's labels as written, or NULL */
  guint n_informant_turns;
  guint n_interviewer_turns;
  char *encoding;      /* read as: "UTF-8", "UTF-16LE", "windows-1252" */
  GPtrArray *warnings; /* TeemaWarning *, in file order */
  /* With options->replace: the document replaced and what became of its
   * codings and memos. */
  char *replaced_name;
  guint n_codings_kept, n_codings_aside;
  guint n_memos_kept, n_memos_aside;
  /* With options->check: why the file cannot be imported (the error an
   * import would stop at), or NULL; the other fields are then empty. */
  char *error;
} TeemaImportResult;

void teema_import_result_free (TeemaImportResult *result);

/* Imports the files in one transaction: all of them or none. On success
 * returns an array of TeemaImportResult (free with g_ptr_array_unref).
 * A check goes on past a file that cannot be imported and says why in
 * its result's error.
 * An identical file (same content hash) already in the project fails with
 * TEEMA_ERROR_EXISTS unless options->force; with options->replace, a file
 * whose name matches no document fails with TEEMA_ERROR_NOT_FOUND. */
GPtrArray *teema_document_import (TeemaProject *project,
                                  const char *const *paths, gsize n_paths,
                                  const TeemaImportOptions *options,
                                  GError **error);

/* A coding or memo that --replace could not carry over because its text
 * was deleted or rewritten. It keeps what it was on, so the coder can
 * code the new text again. */
typedef struct {
  gint64 id;
  char *document;  /* the document's name */
  char *informant; /* its informant, or NULL */
  char *kind;      /* "coding" or "memo" */
  char *theme;     /* the coding's theme; NULL for a memo */
  char *coder;
  char *text;         /* the text it was on, before the replacement */
  char *note;         /* the coding's note, or the memo's text */
  char *created_at;   /* of the coding or memo */
  char *set_aside_at; /* when the replacement set it aside */
} TeemaAside;

void teema_aside_free (TeemaAside *aside);

/* Set-aside codings and memos of document (name or id; NULL: all), in
 * the order they were set aside. */
GPtrArray *teema_aside_list (TeemaProject *project, const char *document,
                             GError **error);
/* Deletes them (document NULL: all) in one transaction; *n_cleared (may be
 * NULL) is how many. */
gboolean teema_aside_clear (TeemaProject *project, const char *document,
                            guint *n_cleared, GError **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TeemaDocument, teema_document_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TeemaImportResult, teema_import_result_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TeemaAside, teema_aside_free)

#ifdef __cplusplus
}
#endif

#endif
