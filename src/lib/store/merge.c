/* store/merge.c — the lookups that merge two projects: segments by
 * document content hash and ordinal, codings inserted as they were.
 * Must always hold: like every file of the store, nothing here begins or
 * commits a transaction, every value is a bound parameter, and every read
 * ends in teema_store__finish. */
#include "store/store-private.h"

gint64
teema_store__find_segment (TeemaStore *store, const char *sha256, guint ordinal,
                           GError **error)
{
  sqlite3_stmt *stmt = teema_store__prepare (
    store,
    "SELECT s.id FROM segment s JOIN document d"
    " ON d.id = s.document_id WHERE d.sha256 = ? AND s.ordinal = ?",
    error);
  if (!stmt)
    return -1;
  teema_store__bind_text (stmt, 1, sha256);
  sqlite3_bind_int (stmt, 2, (int) ordinal);
  gint64 id = 0;
  int rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  if (!teema_store__finish (store, stmt, rc, "reading segments", error))
    return -1;
  return id;
}

GHashTable *
teema_store__segment_keys (TeemaStore *store, GError **error)
{
  sqlite3_stmt *stmt =
    teema_store__prepare (store,
                          "SELECT s.id, d.sha256, s.ordinal FROM segment s"
                          " JOIN document d ON d.id = s.document_id",
                          error);
  if (!stmt)
    return NULL;
  GHashTable *out =
    g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  int rc;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW) {
    gint64 *id = g_new (gint64, 1);
    *id = sqlite3_column_int64 (stmt, 0);
    g_hash_table_insert (out, id,
                         g_strdup_printf ("%s\x1f%d",
                                          sqlite3_column_text (stmt, 1),
                                          sqlite3_column_int (stmt, 2)));
  }
  if (!teema_store__finish (store, stmt, rc, "reading segments", error)) {
    g_hash_table_destroy (out);
    return NULL;
  }
  return out;
}

gboolean
teema_store__merge_coding (TeemaStore *store, const TeemaCoding *c,
                           gint64 segment_id, gboolean *added, GError **error)
{
  gint64 theme_id = teema_store__find_theme (store, c->theme, error);
  if (theme_id < 0)
    return FALSE;
  gint64 coder_id = teema_store__ensure_coder (store, c->coder, error);
  if (!coder_id)
    return FALSE;
  sqlite3_stmt *stmt = teema_store__prepare (
    store,
    "INSERT INTO coding (segment_id, theme_id, coder_id, start, end,"
    " created_at, note) VALUES (?, ?, ?, ?, ?, ?, ?)"
    " ON CONFLICT DO NOTHING",
    error);
  if (!stmt)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, segment_id);
  sqlite3_bind_int64 (stmt, 2, theme_id);
  sqlite3_bind_int64 (stmt, 3, coder_id);
  sqlite3_bind_int (stmt, 4, (int) c->start);
  sqlite3_bind_int (stmt, 5, (int) c->end);
  teema_store__bind_text (stmt, 6, c->created_at);
  teema_store__bind_user_text (stmt, 7, c->note);
  if (!teema_store__step_done (store, stmt, error))
    return FALSE;
  *added = sqlite3_changes (store->db) > 0;
  return TRUE;
}
