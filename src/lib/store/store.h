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
int teema_store__schema_version (void);

gboolean teema_store__begin (TeemaStore *store, GError **error);
gboolean teema_store__commit (TeemaStore *store, GError **error);
void teema_store__rollback (TeemaStore *store);

char *teema_store__get_setting (TeemaStore *store, const char *key);
gboolean teema_store__set_setting (TeemaStore *store, const char *key,
                                   const char *value, GError **error);

/* Informants. */
gint64 teema_store__ensure_informant (TeemaStore *store, const char *code,
                                      GError **error);
gint64 teema_store__find_informant (TeemaStore *store, const char *code);
gboolean teema_store__set_informant_attr (TeemaStore *store, gint64 id,
                                          const char *key, const char *value,
                                          GError **error);
GPtrArray *teema_store__list_informants (TeemaStore *store, GError **error);

/* Documents and segments. */
gint64 teema_store__find_document_by_hash (TeemaStore *store,
                                           const char *sha256);
gboolean teema_store__delete_document (TeemaStore *store, gint64 id,
                                       GError **error);
gint64 teema_store__insert_document (TeemaStore *store, const char *name,
                                     const char *path, const char *sha256,
                                     const char *text, guint n_chars,
                                     gint64 informant_id,
                                     const char *segmentation, GError **error);
/* TeemaDocument * in import order. */
GPtrArray *teema_store__document_list (TeemaStore *store, GError **error);
gint64 teema_store__insert_segment (TeemaStore *store,
                                    const TeemaSegment *segment,
                                    GError **error);
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
guint teema_store__count_segments (TeemaStore *store,
                                   const TeemaSegmentFilter *filter);
TeemaSegment *teema_store__get_segment (TeemaStore *store, gint64 id,
                                        GError **error);

/* Themes: the codebook as stored. */
GPtrArray *teema_store__list_themes (TeemaStore *store, GError **error);
gint64 teema_store__find_theme (TeemaStore *store, const char *code);
gboolean teema_store__upsert_theme (TeemaStore *store, const TeemaTheme *t,
                                    guint ordinal, GError **error);
guint teema_store__count_theme_codings (TeemaStore *store, const char *code);
gboolean teema_store__delete_theme (TeemaStore *store, const char *code,
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
gboolean teema_store__delete_coder_codings (TeemaStore *store,
                                            const char *coder, GError **error);
/* The (segment id, theme id) keys of coder's codings (a TeemaCodingKey set). */
GHashTable *teema_store__coding_keys (TeemaStore *store, const char *coder,
                                      GError **error);
GPtrArray *teema_store__list_codings (TeemaStore *store,
                                      const TeemaCodingFilter *filter,
                                      GError **error);

/* ---- coded segments (coded.c) ----------------------------------------- */

typedef struct {
  const char *coder;     /* one coder's codings, or NULL for every coder */
  gboolean roll_up;      /* a theme also carries its descendants' segments */
  const char *informant; /* only this informant, or NULL */
  const char *group;     /* only this group, or NULL */
} TeemaStoreCodedQuery;

/* One (theme, segment) pair; strings are valid during the callback only. */
typedef struct {
  const char *theme; /* theme code */
  gint64 segment;
  gint64 document;
  guint ordinal;         /* the segment's position in its document */
  const char *informant; /* informant code, or NULL */
  guint n_words;         /* the segment's words */
} TeemaStoreCoded;

typedef void (*TeemaCodedFunc) (const TeemaStoreCoded *row, gpointer data);

/* Calls fn once per distinct (theme, informant segment) pair that the
 * query's codings give, in no particular order. */
gboolean teema_store__foreach_coded (TeemaStore *store,
                                     const TeemaStoreCodedQuery *query,
                                     TeemaCodedFunc fn, gpointer data,
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
char *teema_store__load_analyses (TeemaStore *store, const char *backend);
gboolean teema_store__save_analyses (TeemaStore *store, const char *backend,
                                     const char *dump, GError **error);

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

/* ---- merging two projects (merge.c) ------------------------------------ */

/* A segment's id by its document's content hash and its ordinal, or 0. */
gint64 teema_store__find_segment (TeemaStore *store, const char *sha256,
                                  guint ordinal);
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

/* All documents in id order (TeemaStoreDocument *). */
GPtrArray *teema_store__list_documents (TeemaStore *store, GError **error);
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
