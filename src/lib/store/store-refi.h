/* store/store-refi.h — the queries REFI-QDA export and import need beyond
 * store.h: whole documents, coders, and codings with their own time.
 * Same contract as store.h: bound parameters, the caller holds the
 * transaction for writes. */
#ifndef TEEMA_STORE_REFI_H
#define TEEMA_STORE_REFI_H

#include "store/store.h"

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
