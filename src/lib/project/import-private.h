/* project/import-private.h — what import.c shares with replace.c: a file
 * read, parsed and segmented, and the replacement of a document by it. */
#ifndef TEEMA_IMPORT_PRIVATE_H
#define TEEMA_IMPORT_PRIVATE_H

#include "project/project-private.h"

typedef struct {
  char *path, *name, *sha256;
  TeemaTranscript *transcript;
  GPtrArray *segments; /* TeemaSegment *, without ids */
  char *informant;
  TeemaInformantSource from;
} TeemaPrepared;

typedef struct TeemaReplace TeemaReplace;

/* Finds the document p replaces (by name), and where each of its codings,
 * memos and rejections lands in p's segments. Keeps the document's
 * informant unless p's comes from an option or a header (then p's).
 * Unknown or ambiguous name: TEEMA_ERROR_NOT_FOUND. */
TeemaReplace *teema_replace__plan (TeemaStore *store, TeemaPrepared *p,
                                   GError **error);
/* The document replaced. */
gint64 teema_replace__document (const TeemaReplace *rp);
/* Sets r's replaced_name and counts of kept and set-aside items. */
void teema_replace__report (const TeemaReplace *rp, TeemaImportResult *r);
/* Writes the plan: p's text and segments in place of the old ones (their
 * words, read by teema_words__read_segments, into the word index), the
 * codings, memos and rejections carried over, the rest set aside. */
gboolean teema_replace__write (TeemaStore *store, TeemaWordIndexer *words,
                               TeemaReplace *rp, TeemaPrepared *p,
                               gint64 informant_id, const char *segmentation,
                               GError **error);
void teema_replace__free (TeemaReplace *rp);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TeemaReplace, teema_replace__free)

#endif
