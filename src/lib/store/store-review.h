/* store/store-review.h — memos, rejected suggestions and the row access
 * that merging needs, private to the library. Writes expect the caller to
 * hold a transaction, as everywhere in the store. */
#ifndef TEEMA_STORE_REVIEW_H
#define TEEMA_STORE_REVIEW_H

#include "store/store.h"

char *teema_store__get_memo (TeemaStore *store, gint64 segment_id,
                             const char *coder, GError **error);
/* text NULL or "" deletes. */
gboolean teema_store__set_memo (TeemaStore *store, gint64 segment_id,
                                const char *coder, const char *text,
                                const char *updated_at, GError **error);
/* TeemaMemo * in document order, for coder or all (NULL). */
GPtrArray *teema_store__list_memos (TeemaStore *store, const char *coder,
                                    GError **error);
/* The same, also only on informant's segments unless informant is NULL. */
GPtrArray *teema_store__list_memos_for (TeemaStore *store, const char *coder,
                                        const char *informant, GError **error);

gboolean teema_store__set_rejected (TeemaStore *store, gint64 segment_id,
                                    const char *theme, const char *coder,
                                    gboolean rejected, GError **error);
/* TeemaCoding * with segment_id, theme and coder set. */
GPtrArray *teema_store__list_rejections (TeemaStore *store, const char *coder,
                                         GError **error);

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

#endif
