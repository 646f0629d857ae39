/* store/store.h — the project database, private to the library.
 *
 * Everything that speaks SQL lives behind this header; the rest of the
 * library sees rows as the public record structs. All SQL uses bound
 * parameters. Write functions expect the caller to hold a transaction
 * (teema_store__begin/commit/rollback) so a command changes all or nothing. */
#ifndef TEEMA_STORE_H
#define TEEMA_STORE_H

#include <glib.h>
#include <teema/teema.h>

typedef struct TeemaStore TeemaStore;

TeemaStore *teema_store__open (const char *path, gboolean create,
                               GError **error);
void teema_store__close (TeemaStore *store);
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
/* Keys of coder's codings, in a set of packed integers
 * TEEMA_CODING_KEY (segment id, theme id) stored as pointers. */
#define TEEMA_CODING_KEY(segment, theme)                                       \
  GSIZE_TO_POINTER (((gsize) (segment) << 16) | (gsize) (theme))
/* The hash for such keys: all 64 bits mixed (g_direct_hash keeps only the
 * low 32, which collide once segment ids pass 65,536). */
guint teema_store__coding_key_hash (gconstpointer key);
/* A new empty set of coding keys. */
GHashTable *teema_store__coding_key_set (void);
GHashTable *teema_store__coding_keys (TeemaStore *store, const char *coder,
                                      GError **error);
GPtrArray *teema_store__list_codings (TeemaStore *store,
                                      const TeemaCodingFilter *filter,
                                      GError **error);

/* The analysis cache: one row per word form. */
char *teema_store__load_analyses (TeemaStore *store, const char *backend);
gboolean teema_store__save_analyses (TeemaStore *store, const char *backend,
                                     const char *dump, GError **error);

#endif
