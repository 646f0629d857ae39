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

/* Opens a project only to read it (merge's other copy): never written,
 * an older one upgraded in memory. */
TeemaProject *teema_project__open_readonly (const char *path, GError **error);

/* ---- attributes.c: the informant attribute CSV ---------------------- */

/* A CSV file larger than this is refused before it is read. */
#define TEEMA_CSV_MAX_BYTES (64 * 1024 * 1024)

typedef struct {
  GPtrArray *fields; /* char *, stripped */
  guint line;        /* where the row starts */
} TeemaCsvRow;

/* Parses an attribute CSV (data need not be NUL-terminated): the header
 * row first, then one row per informant, each with as many fields as the
 * header; the header's first column is 'informant' (or 'id') and no column
 * is named twice. Errors name path and the line; TeemaCsvRow * rows. */
GPtrArray *teema_attributes__parse (const char *data, gsize len,
                                    const char *path, GError **error);

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
/* Or all at once, when the counts are needed before the segments have ids
 * (import reports them first): read_segments reads every segment
 * (TeemaSegment *) of a document, setting its n_words; then, for each in
 * turn, add_read adds segment i (of those) with its id. */
gboolean teema_words__read_segments (TeemaWordIndexer *indexer,
                                     GPtrArray *segments, GError **error);
void teema_words__add_read (TeemaWordIndexer *indexer, guint i,
                            gint64 segment_id, gboolean interviewer);
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

/* The id of a folded word form in the vocabulary, or 0. */
typedef gint64 (*TeemaFormIdFunc) (const char *form, gpointer data);
/* A document's totals from its words (see words.c) and the text of its
 * turns with a suspended part, whose forms id_of finds, into out; FALSE
 * with error set when the words are damaged or a text cannot be read. */
gboolean teema_words__totals (TeemaStore *store, gint64 document_id,
                              const guint8 *words, gsize len,
                              TeemaFormIdFunc id_of, gpointer id_data,
                              GByteArray *out, GError **error);
/* After the last segment of totals (teema_words__next): starts reading
 * their suspended parts. */
void teema_words__parts_init (TeemaWordsReader *reader);
/* The next part: into ids (gint64) its word id and those of the n tokens
 * before it, nearest first, 0 for one that is the part before; FALSE at
 * the end, or with reader->bad set on bad data. */
gboolean teema_words__next_part (TeemaWordsReader *reader, GArray *ids);
/* Sets error for a document whose index cannot be read; returns FALSE. */
gboolean teema_words__corrupt (gint64 document, GError **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TeemaWordIndexer, teema_words__indexer_free)

/* The id of the theme the user named (id or label, see
 * teema_codebook_find), newly allocated; NULL with the same errors. */
char *teema_project__theme_code (TeemaProject *project, const char *name,
                                 GError **error);

/* TRUE for "#rrggbb". */
gboolean teema_codebook__valid_colour (const char *colour);
/* Appends a theme's evidence lines as the codebook file writes them
 * (indent, then "evidence: TERM +0.123"). */
void teema_codebook__write_evidence (GString *out, const char *indent,
                                     const GArray *evidence);
/* ---- informant.c: choosing informants -------------------------------- */

/* Conditions on informant attributes: each "key=value" (or "key!=value")
 * of a --where, values compared case-insensitively, all of them must
 * hold. */
typedef struct TeemaWhere TeemaWhere;

/* Parses where (NULL-terminated; NULL or empty: no condition) against
 * informants. A malformed condition fails with TEEMA_ERROR_PARSE; an
 * attribute no informant has, a value no informant has, or conditions no
 * informant meets fail with TEEMA_ERROR_NOT_FOUND naming what there is. */
TeemaWhere *teema_where__new (const char *const *where, GPtrArray *informants,
                              GError **error);
void teema_where__free (TeemaWhere *where);
/* TRUE when informant meets every condition (always, for NULL). */
gboolean teema_where__matches (const TeemaWhere *where,
                               const TeemaInformant *informant);

/* TRUE when some informant has attribute key; else TEEMA_ERROR_NOT_FOUND
 * naming the attributes there are. */
gboolean teema_informant__check_attr (GPtrArray *informants, const char *key,
                                      GError **error);

/* The informant whose code is code, compared case-insensitively, or NULL
 * with TEEMA_ERROR_NOT_FOUND naming the informants there are. */
const TeemaInformant *teema_informant__find (GPtrArray *informants,
                                             const char *code, GError **error);
/* The group spelt as the informants have it, compared case-insensitively,
 * or NULL with TEEMA_ERROR_NOT_FOUND naming the groups there are. */
const char *teema_informant__find_group (GPtrArray *informants,
                                         const char *group, GError **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TeemaWhere, teema_where__free)

#endif
