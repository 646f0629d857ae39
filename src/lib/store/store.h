/* store/store.h — the project database, private to the library.
 *
 * Everything that speaks SQL lives behind this header (the files of store/, one
 * file per table family); the rest of the library sees rows as the public
 * record structs. All SQL uses bound parameters. Write functions expect
 * the caller to hold a transaction (teema_store__begin/commit/rollback)
 * so a command changes all or nothing. The store calls nothing above it:
 * the records it builds are freed by base/records.c. */
#ifndef TEEMA_STORE_H
#define TEEMA_STORE_H

#include <glib.h>
#include <teema/teema.h>

#include "base/base-private.h"

typedef struct TeemaStore TeemaStore;

/* Opens (or with create, makes) the project at path. A file that is not a
 * teema project, or is from a newer teema, is refused unchanged; an older
 * one is backed up and upgraded (see teema_store__notice). A project that
 * cannot be written is opened read-only: writes then fail saying why. */
TeemaStore *teema_store__open (const char *path, gboolean create,
                               GError **error);
/* Opens a project only to read it; an older one is upgraded in memory, so
 * the file never changes. */
TeemaStore *teema_store__open_readonly (const char *path, GError **error);
void teema_store__close (TeemaStore *store);
/* What opening did that the user should hear of (an upgrade), or NULL. */
const char *teema_store__notice (TeemaStore *store);
/* TRUE when opening ran migrations on an existing project (which may then
 * need data that SQL cannot derive, such as the word index). */
gboolean teema_store__migrated (TeemaStore *store);
int teema_store__schema_version (void);

gboolean teema_store__begin (TeemaStore *store, GError **error);
gboolean teema_store__commit (TeemaStore *store, GError **error);
void teema_store__rollback (TeemaStore *store);
/* A read that spans several statements and must see one state of the
 * project (the word index and the vocabulary it names): begins a deferred
 * transaction unless one is open (*started says which); end_read ends
 * what begin_read started. */
gboolean teema_store__begin_read (TeemaStore *store, gboolean *started,
                                  GError **error);
void teema_store__end_read (TeemaStore *store, gboolean started);

/* A setting's value; NULL when unset, or NULL with error set when the read
 * failed. */
char *teema_store__get_setting (TeemaStore *store, const char *key,
                                GError **error);
gboolean teema_store__set_setting (TeemaStore *store, const char *key,
                                   const char *value, GError **error);

/* Lookups by key (find_*) return the id, 0 when there is none, or -1 with
 * error set when the read failed; ensure_* return the id or 0 with error
 * set. */

/* Informants. */
gint64 teema_store__ensure_informant (TeemaStore *store, const char *code,
                                      GError **error);
gint64 teema_store__find_informant (TeemaStore *store, const char *code,
                                    GError **error);
gboolean teema_store__set_informant_attr (TeemaStore *store, gint64 id,
                                          const char *key, const char *value,
                                          GError **error);
GPtrArray *teema_store__list_informants (TeemaStore *store, GError **error);
/* Fails with TEEMA_ERROR_EXISTS when code is taken. */
gboolean teema_store__rename_informant (TeemaStore *store, gint64 id,
                                        const char *code, GError **error);
/* Deletes the informant with its documents (and all they hold). */
gboolean teema_store__delete_informant (TeemaStore *store, gint64 id,
                                        GError **error);

/* Documents and segments. */
gint64 teema_store__find_document_by_hash (TeemaStore *store,
                                           const char *sha256, GError **error);
gboolean teema_store__delete_document (TeemaStore *store, gint64 id,
                                       GError **error);
gint64 teema_store__insert_document (TeemaStore *store, const char *name,
                                     const char *path, const char *sha256,
                                     const char *text, guint n_chars,
                                     gint64 informant_id,
                                     const char *segmentation, GError **error);
/* TeemaDocument * in import order. */
GPtrArray *teema_store__document_list (TeemaStore *store, GError **error);
/* Stores a document's counts of informant segments and their words (read
 * by every informant and document list): call once its segments are in. */
gboolean teema_store__count_document (TeemaStore *store, gint64 id,
                                      GError **error);
/* Ids of the documents named name, or of the one whose id is name when it
 * is a number (gint64s, in id order). */
GArray *teema_store__find_documents (TeemaStore *store, const char *name,
                                     GError **error);
gboolean teema_store__rename_document (TeemaStore *store, gint64 id,
                                       const char *name, GError **error);
/* A new text (and source) for document id; its segments are the
 * caller's to replace. */
gboolean teema_store__update_document (TeemaStore *store, gint64 id,
                                       const char *path, const char *sha256,
                                       const char *text, guint n_chars,
                                       gint64 informant_id,
                                       const char *segmentation,
                                       GError **error);
/* Deletes the document's segments, and with them their codings, memos
 * and rejections. */
gboolean teema_store__delete_segments (TeemaStore *store, gint64 document_id,
                                       GError **error);
/* The document's segments (TeemaSegment *, the interviewer's too), codings
 * (TeemaCoding *), memos (TeemaMemo *) and rejections (TeemaCoding * with
 * segment_id, theme, coder and created_at), in document order. */
GPtrArray *teema_store__document_segments (TeemaStore *store, gint64 id,
                                           GError **error);
GPtrArray *teema_store__document_codings (TeemaStore *store, gint64 id,
                                          GError **error);
GPtrArray *teema_store__document_memos (TeemaStore *store, gint64 id,
                                        GError **error);
GPtrArray *teema_store__document_rejections (TeemaStore *store, gint64 id,
                                             GError **error);
/* What deleting the document (informant 0), or all documents of the
 * informant (document 0), takes with it. */
gboolean teema_store__count_removal (TeemaStore *store, gint64 document,
                                     gint64 informant, TeemaRemoval *out,
                                     GError **error);
/* Names of the informant's documents (char *), in import order. */
GPtrArray *teema_store__informant_documents (TeemaStore *store,
                                             const char *code, GError **error);

/* Codings and memos set aside by import --replace (aside.c). */
gboolean teema_store__insert_aside (TeemaStore *store, gint64 document_id,
                                    const char *kind, const char *theme,
                                    const char *coder, const char *text,
                                    const char *note, const char *created_at,
                                    GError **error);
/* TeemaAside * of document (0: all), in the order they were set aside. */
GPtrArray *teema_store__list_aside (TeemaStore *store, gint64 document,
                                    GError **error);
gboolean teema_store__clear_aside (TeemaStore *store, gint64 document,
                                   guint *n_cleared, GError **error);
/* Inserts a segment with its text; returns its id or 0. */
gint64 teema_store__insert_segment (TeemaStore *store,
                                    const TeemaSegment *segment,
                                    GError **error);
/* TeemaSegment * in document order; text NULL when filter->without_text. */
GPtrArray *teema_store__list_segments (TeemaStore *store,
                                       const TeemaSegmentFilter *filter,
                                       GError **error);
/* Calls fn for each segment matching filter, in document order, reading
 * one row at a time; fn returns FALSE (setting error) to stop. */
typedef gboolean (*TeemaSegmentFunc) (const TeemaSegment *segment,
                                      gpointer data, GError **error);
gboolean teema_store__foreach_segment (TeemaStore *store,
                                       const TeemaSegmentFilter *filter,
                                       TeemaSegmentFunc fn, gpointer data,
                                       GError **error);
typedef struct {
  gint64 id;
  gint64 document;
} TeemaStoreSegmentKey;

/* TeemaStoreSegmentKey of every segment matching filter, in document
 * order: for lists of units that need no text. */
GArray *teema_store__segment_keys_list (TeemaStore *store,
                                        const TeemaSegmentFilter *filter,
                                        GError **error);
/* TeemaStoreSegmentKey of one document's segments, in order. */
GArray *teema_store__document_segment_keys (TeemaStore *store, gint64 document,
                                            gboolean include_interviewer,
                                            GError **error);
/* The number of segments matching filter, or -1 with error set. */
gint64 teema_store__count_segments (TeemaStore *store,
                                    const TeemaSegmentFilter *filter,
                                    GError **error);
/* One segment with its text; no such segment is TEEMA_ERROR_NOT_FOUND. */
TeemaSegment *teema_store__get_segment (TeemaStore *store, gint64 id,
                                        GError **error);
/* A segment's text alone (NOT_FOUND as above). */
char *teema_store__segment_text (TeemaStore *store, gint64 id, GError **error);

/* Themes: the codebook as stored. */
GPtrArray *teema_store__list_themes (TeemaStore *store, GError **error);
gint64 teema_store__find_theme (TeemaStore *store, const char *code,
                                GError **error);
gboolean teema_store__upsert_theme (TeemaStore *store, const TeemaTheme *t,
                                    guint ordinal, GError **error);
/* Codings of a theme, or -1 with error set. */
gint64 teema_store__count_theme_codings (TeemaStore *store, const char *code,
                                         GError **error);
gboolean teema_store__delete_theme (TeemaStore *store, const char *code,
                                    GError **error);
/* The ordinal a theme added now gets: after every other. */
/* The ordinal a theme added now gets, or -1 with error set. */
gint64 teema_store__next_theme_ordinal (TeemaStore *store, GError **error);
/* Renames a theme, and the parent field of its sub-themes. */
gboolean teema_store__rename_theme (TeemaStore *store, const char *old_code,
                                    const char *new_code, GError **error);
/* Writes t's parent, labels, description and colour (t->code names it;
 * its rules and ordinal stay). */
gboolean teema_store__update_theme (TeemaStore *store, const TeemaTheme *t,
                                    GError **error);
/* Gives code's sub-themes the parent `parent` (NULL: top level); *n (may
 * be NULL) gets how many. */
gboolean teema_store__reparent_children (TeemaStore *store, const char *code,
                                         const char *parent, guint *n,
                                         GError **error);

typedef struct {
  guint n_codings;    /* codings moved to the other theme */
  guint n_duplicates; /* codings dropped: the other theme had them */
  guint n_rules;      /* rules and exclusions moved */
  guint n_children;   /* sub-themes moved under the other theme */
} TeemaStoreMerged;

/* Moves from's codings (keeping coder, span, time and note), rejections,
 * rules and sub-themes to into, then deletes from. */
gboolean teema_store__merge_theme (TeemaStore *store, const char *from,
                                   const char *into, TeemaStoreMerged *merged,
                                   GError **error);
/* Appends a rule (kind "rule" or "exclude") to theme code's. */
gboolean teema_store__append_theme_rule (TeemaStore *store, const char *code,
                                         const char *kind, const char *rule,
                                         GError **error);
/* theme code -> number of codings (any coder), every theme. */
GHashTable *teema_store__theme_coding_counts (TeemaStore *store,
                                              GError **error);

/* Codings. */
gint64 teema_store__ensure_coder (TeemaStore *store, const char *name,
                                  GError **error);
gboolean teema_store__add_coding (TeemaStore *store, gint64 segment_id,
                                  const char *theme, const char *coder,
                                  guint start, guint end, const char *note,
                                  gboolean *added, GError **error);
/* Like add_coding with the theme and coder ids already looked up (by
 * teema_store__find_theme and teema_store__ensure_coder): for bulk runs. */
gboolean teema_store__insert_coding (TeemaStore *store, gint64 segment_id,
                                     gint64 theme_id, gint64 coder_id,
                                     guint start, guint end, const char *note,
                                     gboolean *added, GError **error);
gboolean teema_store__remove_coding (TeemaStore *store, gint64 segment_id,
                                     const char *theme, const char *coder,
                                     gboolean *removed, GError **error);
/* Removes the coding of exactly [start, end) (document offsets). */
gboolean teema_store__remove_coding_span (TeemaStore *store, gint64 segment_id,
                                          const char *theme, const char *coder,
                                          guint start, guint end,
                                          gboolean *removed, GError **error);
gboolean teema_store__delete_coder_codings (TeemaStore *store,
                                            const char *coder, GError **error);
/* The (segment id, theme id) keys of coder's codings (a TeemaCodingKey
 * set), each with the parts of the segment it covers: NULL for the whole
 * segment, else "start-end" in code points of the segment's text, comma
 * separated in order ("*" for a whole-segment coding among several). */
GHashTable *teema_store__coding_keys (TeemaStore *store, const char *coder,
                                      GError **error);
GPtrArray *teema_store__list_codings (TeemaStore *store,
                                      const TeemaCodingFilter *filter,
                                      GError **error);

/* ---- coded segments (coded.c) ----------------------------------------- */

typedef struct {
  const char *coder;        /* one coder's codings, or NULL for every coder */
  const char *second_coder; /* with coder: another coder's codings too, in
                               the same pass (rows say whose), or NULL */
  const char *informant;    /* only this informant, or NULL */
  const char *group;        /* only this group, or NULL */
  const char *theme;        /* only codings of this theme (code), or NULL */
  gboolean roll_up;         /* with theme: its descendants' codings too */
  gboolean with_rejected;   /* rule codings a coder rejected count too */
  gboolean humans_only;     /* leave out the coder "rules" */
} TeemaStoreCodedQuery;

/* One coding on an informant segment. */
typedef struct {
  gint64 segment;
  gint64 theme;     /* theme id (teema_store__theme_ids maps it to a code) */
  gint64 document;  /* (teema_store__document_informants: its informant) */
  guint ordinal;    /* the segment's position in its document */
  guint n_words;    /* the segment's words */
  guint start, end; /* the coding's span (document offsets) */
  guint seg_start, seg_end; /* the segment's (document offsets) */
  gboolean second;          /* the query's second coder's coding */
} TeemaStoreCoded;

typedef void (*TeemaCodedFunc) (const TeemaStoreCoded *row, gpointer data);

/* Calls fn once per coding of the query on an informant segment, in
 * segment id order (a segment's codings are adjacent; one theme may come
 * more than once, from several coders or spans). Rule codings rejected by
 * any coder are left out unless with_rejected. */
gboolean teema_store__foreach_coded (TeemaStore *store,
                                     const TeemaStoreCodedQuery *query,
                                     TeemaCodedFunc fn, gpointer data,
                                     GError **error);

typedef void (*TeemaThemeIdFunc) (gint64 id, const char *code, gpointer data);
/* Calls fn with every theme's id and code. */
gboolean teema_store__theme_ids (TeemaStore *store, TeemaThemeIdFunc fn,
                                 gpointer data, GError **error);
/* Calls fn with every document's id and its informant's code (or NULL). */
gboolean teema_store__document_informants (TeemaStore *store,
                                           TeemaThemeIdFunc fn, gpointer data,
                                           GError **error);

/* ---- autocode's staging table (stage.c) -------------------------------- */

/* A TEMP table of produced rule codings: written in batches
 * (stage_begin/add/commit) without locking the project, then swapped in
 * by stage_swap inside one transaction of the caller: rule codings of
 * coder_id not staged are deleted, staged ones not there inserted;
 * *added and *removed say how many rows that changed. */
gboolean teema_store__stage_open (TeemaStore *store, GError **error);
gboolean teema_store__stage_begin (TeemaStore *store, GError **error);
gboolean teema_store__stage_add (TeemaStore *store, gint64 segment_id,
                                 gint64 theme_id, guint start, guint end,
                                 const char *note, GError **error);
gboolean teema_store__stage_commit (TeemaStore *store, GError **error);
gboolean teema_store__stage_swap (TeemaStore *store, gint64 coder_id,
                                  guint *added, guint *removed, GError **error);
void teema_store__stage_close (TeemaStore *store);

/* The analysis cache: one row per word form. */
/* Every stored analysis of backend as "form\tdata\n" lines, or NULL with
 * error set. */
char *teema_store__load_analyses (TeemaStore *store, const char *backend,
                                  GError **error);
gboolean teema_store__save_analyses (TeemaStore *store, const char *backend,
                                     const char *dump, GError **error);
/* Forgets the analyses of an analyser family ("voikko-fi") stored under
 * another revision than keep ("voikko-fi-r2"), and their marks (settings
 * family_mark, family_mark-rN) other than keep_mark: what an upgraded
 * analyser would make differently. */
gboolean teema_store__forget_analyses (TeemaStore *store, const char *family,
                                       const char *keep,
                                       const char *family_mark,
                                       const char *keep_mark, GError **error);

/* ---- the word index (words.c) ------------------------------------------ */

/* A word of the vocabulary; data is its stored analysis where the call
 * reads one, else NULL. Strings are valid during the callback only. */
typedef void (*TeemaWordFunc) (gint64 id, const char *form, const char *data,
                               gpointer user_data);
/* Every word of the vocabulary (data NULL). */
gboolean teema_store__load_words (TeemaStore *store, TeemaWordFunc fn,
                                  gpointer data, GError **error);
/* Adds a form to the vocabulary; its id, or 0 with error set. */
gint64 teema_store__insert_word (TeemaStore *store, const char *form,
                                 GError **error);
/* Sets a document's words and their totals (both encoded by
 * project/words.c). */
gboolean teema_store__set_document_words (TeemaStore *store, gint64 document_id,
                                          const guint8 *words, gsize len,
                                          const guint8 *totals,
                                          gsize totals_len, GError **error);
gboolean teema_store__set_document_totals (TeemaStore *store,
                                           gint64 document_id,
                                           const guint8 *totals, gsize len,
                                           GError **error);
typedef gboolean (*TeemaBlobFunc) (gint64 document_id, const guint8 *data,
                                   gsize len, gpointer user_data,
                                   GError **error);
/* Calls fn with the words of each document that has words but no totals
 * (a project from before the totals), in id order. */
gboolean teema_store__foreach_untotalled (TeemaStore *store, TeemaBlobFunc fn,
                                          gpointer data, GError **error);
typedef gboolean (*TeemaTextFunc) (gint64 document_id, gint64 segment_id,
                                   gboolean interviewer, const char *text,
                                   gpointer data, GError **error);
/* Calls fn with each segment of the documents that have no words yet, by
 * document and then id. */
gboolean teema_store__foreach_unindexed (TeemaStore *store, TeemaTextFunc fn,
                                         gpointer data, GError **error);

typedef struct {
  gint64 document;
  const char *informant; /* code, or NULL */
  const char *group;     /* or NULL */
  const guint8 *words;   /* the encoded words, or NULL when not indexed */
  gsize len;
  gboolean totals; /* words are the document's totals (see below) */
} TeemaStoreDocumentWords;

typedef gboolean (*TeemaDocumentWordsFunc) (const TeemaStoreDocumentWords *row,
                                            gpointer data, GError **error);
/* Calls fn with the words of each document (only informant's, or group's,
 * when not NULL), in id order; fn returns FALSE (setting error) to stop. */
gboolean teema_store__foreach_document_words (TeemaStore *store,
                                              const char *informant,
                                              const char *group,
                                              TeemaDocumentWordsFunc fn,
                                              gpointer data, GError **error);
/* The same for every document, with its totals (totals TRUE) where it has
 * them, else its words. */
gboolean teema_store__foreach_document_totals (TeemaStore *store,
                                               TeemaDocumentWordsFunc fn,
                                               gpointer data, GError **error);
/* Calls fn with every word whose form contains key, or whose analysis
 * stored for backend does, with that analysis (or NULL). */
gboolean teema_store__words_containing (TeemaStore *store, const char *backend,
                                        const char *key, TeemaWordFunc fn,
                                        gpointer data, GError **error);
/* Calls fn with every word and its analysis stored for backend (or NULL),
 * in the order of their forms. */
gboolean teema_store__vocabulary (TeemaStore *store, const char *backend,
                                  TeemaWordFunc fn, gpointer data,
                                  GError **error);
/* Calls fn with every word of id greater than after and its analysis
 * stored for backend (or NULL), or with unanalysed_only only the words
 * without one. */
gboolean teema_store__words_analysed (TeemaStore *store, const char *backend,
                                      gboolean unanalysed_only, gint64 after,
                                      TeemaWordFunc fn, gpointer data,
                                      GError **error);
/* The largest word id (0 for none), or -1 with error set. */
gint64 teema_store__max_word (TeemaStore *store, GError **error);
/* The analysis of form stored for backend; NULL when there is none (or
 * with error set when the read failed). */
char *teema_store__analysis_of (TeemaStore *store, const char *backend,
                                const char *form, GError **error);

/* ---- memos and rejections (memos.c) ------------------------------------ */

char *teema_store__get_memo (TeemaStore *store, gint64 segment_id,
                             const char *coder, GError **error);
/* text NULL or "" deletes. */
gboolean teema_store__set_memo (TeemaStore *store, gint64 segment_id,
                                const char *coder, const char *text,
                                const char *updated_at, GError **error);
/* TeemaMemo * in document order, for coder or all (NULL), only on
 * informant's segments unless informant is NULL. */
GPtrArray *teema_store__list_memos (TeemaStore *store, const char *coder,
                                    const char *informant, GError **error);

gboolean teema_store__set_rejected (TeemaStore *store, gint64 segment_id,
                                    const char *theme, const char *coder,
                                    gboolean rejected, GError **error);
/* TeemaCoding * with segment_id, theme and coder set. */
GPtrArray *teema_store__list_rejections (TeemaStore *store, const char *coder,
                                         GError **error);

/* ---- open rule suggestions (suggestions.c) ------------------------------ */

/* TeemaSuggestion * (n_hits not set) in document and codebook order: rule
 * codings that coder (NULL: anyone) has neither made nor rejected; only
 * segment_id (0: all), informant and theme (NULL: all). */
GPtrArray *teema_store__list_suggestions (TeemaStore *store, const char *coder,
                                          gint64 segment_id,
                                          const char *informant,
                                          const char *theme, GError **error);

/* ---- merging two projects (merge.c) ------------------------------------ */

/* A segment's id by its document's content hash and its ordinal, 0 when
 * there is none, or -1 with error set. */
gint64 teema_store__find_segment (TeemaStore *store, const char *sha256,
                                  guint ordinal, GError **error);
/* (segment id -> "sha256\x1fordinal") for every segment. */
GHashTable *teema_store__segment_keys (TeemaStore *store, GError **error);
/* Inserts a coding as it was (keeping created_at and note); *added says
 * whether it was new. */
gboolean teema_store__merge_coding (TeemaStore *store,
                                    const TeemaCoding *coding,
                                    gint64 segment_id, gboolean *added,
                                    GError **error);

/* ---- REFI-QDA export and import (refi.c) -------------------------------- */

typedef struct {
  gint64 id;
  char *name;
  char *path;
  char *sha256;
  char *text;         /* the stored NFC text */
  char *informant;    /* informant code, or NULL */
  char *segmentation; /* "turn", "paragraph", "sentence" or "line" */
} TeemaStoreDocument;

void teema_store_document__free (TeemaStoreDocument *doc);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TeemaStoreDocument, teema_store_document__free)
/* One document with its text, or NULL with TEEMA_ERROR_NOT_FOUND. */
TeemaStoreDocument *teema_store__get_document (TeemaStore *store, gint64 id,
                                               GError **error);

/* All documents in id order (TeemaStoreDocument *, text NULL). */
GPtrArray *teema_store__list_documents (TeemaStore *store, GError **error);
/* One document's stored text (NOT_FOUND when there is no such document). */
char *teema_store__document_text (TeemaStore *store, gint64 id, GError **error);

/* The callbacks below get rows valid during the call only; returning FALSE
 * (with error set) stops the read. */
typedef gboolean (*TeemaStoreCodingFunc) (const TeemaCoding *coding,
                                          gpointer data, GError **error);
/* A document's codings (segment_id, start, end, theme, coder, created_at,
 * note) by span, then theme and coder byte-wise; with with_notes_only only
 * those with a note. */
gboolean teema_store__foreach_document_coding (TeemaStore *store,
                                               gint64 document,
                                               gboolean with_notes_only,
                                               TeemaStoreCodingFunc fn,
                                               gpointer data, GError **error);

typedef struct {
  guint start, end; /* the memo's segment */
  const char *coder;
  const char *text;
  const char *updated_at;
} TeemaStoreMemoSpan;

typedef gboolean (*TeemaStoreMemoFunc) (const TeemaStoreMemoSpan *memo,
                                        gpointer data, GError **error);
/* A document's memos by segment position, then coder. */
gboolean teema_store__foreach_document_memo (TeemaStore *store, gint64 document,
                                             TeemaStoreMemoFunc fn,
                                             gpointer data, GError **error);

typedef gboolean (*TeemaStoreSpeakerFunc) (const char *speaker,
                                           gboolean interviewer, gpointer data,
                                           GError **error);
/* The speaker of each of a document's segments, in order. */
gboolean teema_store__foreach_document_speaker (TeemaStore *store,
                                                gint64 document,
                                                TeemaStoreSpeakerFunc fn,
                                                gpointer data, GError **error);
/* All coder names in id order (char *). */
GPtrArray *teema_store__list_coders (TeemaStore *store, GError **error);
/* Like teema_store__add_coding, but created_at is given (ISO 8601; NULL
 * for now) and the theme must exist. */
gboolean teema_store__insert_coding_at (TeemaStore *store, gint64 segment_id,
                                        const char *theme, const char *coder,
                                        guint start, guint end,
                                        const char *created_at,
                                        const char *note, gboolean *added,
                                        GError **error);

#endif
