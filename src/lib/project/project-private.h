/* project/project-private.h — what the modules above the store share
 * about an open project: its handle and the one way to write to it. */
#ifndef TEEMA_PROJECT_PRIVATE_H
#define TEEMA_PROJECT_PRIVATE_H

#include "base/base-private.h"
#include "store/store.h"

struct TeemaProject {
  char *path;
  TeemaStore *store;
};

/* Runs the write in one transaction; rolls back when it returns FALSE. */
typedef gboolean (*TeemaWriteFunc) (TeemaProject *project, gpointer data,
                                    GError **error);
gboolean teema_project__transact (TeemaProject *project, TeemaWriteFunc fn,
                                  gpointer data, GError **error);

/* TRUE when segment id exists; else TEEMA_ERROR_NOT_FOUND. */
gboolean teema_project__check_segment (TeemaProject *project, gint64 id,
                                       GError **error);

/* ---- the word index (words.c) ------------------------------------------ */

/* Writes documents' words, keeping the vocabulary in memory: one per
 * import. Its writes need the caller's transaction. */
typedef struct TeemaWordIndexer TeemaWordIndexer;
TeemaWordIndexer *teema_words__indexer_new (TeemaStore *store, GError **error);
void teema_words__indexer_free (TeemaWordIndexer *indexer);
/* A document's words: begin, then for each segment read (which returns
 * the number of words, the count teema stores, or G_MAXUINT with error
 * set) and, once the segment has its id, add; then end stores them. */
void teema_words__begin (TeemaWordIndexer *indexer);
guint teema_words__read (TeemaWordIndexer *indexer, const char *text,
                         GError **error);
void teema_words__add (TeemaWordIndexer *indexer, gint64 segment_id,
                       gboolean interviewer);
gboolean teema_words__end (TeemaWordIndexer *indexer, gint64 document_id,
                           GError **error);
/* Indexes every document that has no words yet (a project made before the
 * index existed, or segments written by another import). */
gboolean teema_words__index_missing (TeemaStore *store, GError **error);

/* Segment flags in the index. */
#define TEEMA_WORDS_INTERVIEWER 1u /* an interviewer's turn */
/* The segment has a suspended compound part: its words depend on the
 * words before them, so it must be read from its text. */
#define TEEMA_WORDS_SUSPENDED 2u

typedef struct {
  gint64 word; /* id in the vocabulary */
  guint count; /* tokens of that form in the segment */
} TeemaWordCount;

/* Reads a document's words segment by segment. */
typedef struct {
  const guint8 *p, *end;
  guint left;     /* segments still to read */
  gint64 segment; /* the last segment's id */
  gboolean bad;   /* the data ended early or was malformed */
} TeemaWordsReader;

void teema_words__reader_init (TeemaWordsReader *reader, const guint8 *data,
                               gsize len);
/* The next segment: its id, flags and words (TeemaWordCount, ascending
 * ids, into out); FALSE at the end, or with reader->bad set on bad data. */
gboolean teema_words__next (TeemaWordsReader *reader, gint64 *segment,
                            guint *flags, GArray *out);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TeemaWordIndexer, teema_words__indexer_free)

#endif
