/* store/memos.c — memos (one per segment and coder) and rejected rule
 * suggestions.
 * Must always hold: like every file of the store, nothing here begins or
 * commits a transaction, every value is a bound parameter, and every read
 * ends in teema_store__finish. */
#include "store/store-private.h"

char *
teema_store__get_memo (TeemaStore *store, gint64 segment_id, const char *coder,
                       GError **error)
{
  sqlite3_stmt *stmt = teema_store__prepare (
    store,
    "SELECT m.text FROM memo m JOIN coder k ON k.id = m.coder_id"
    " WHERE m.segment_id = ? AND k.name = ?",
    error);
  if (!stmt)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, segment_id);
  teema_store__bind_text (stmt, 2, coder);
  char *text = NULL;
  int rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    text = teema_store__column_dup (stmt, 0);
  teema_store__finish (store, stmt, rc, "reading memos", error);
  return text;
}

gboolean
teema_store__set_memo (TeemaStore *store, gint64 segment_id, const char *coder,
                       const char *text, const char *updated_at, GError **error)
{
  gint64 coder_id = teema_store__ensure_coder (store, coder, error);
  if (!coder_id)
    return FALSE;
  gboolean drop = !text || !*text;
  sqlite3_stmt *stmt = teema_store__prepare (
    store,
    drop ? "DELETE FROM memo WHERE segment_id = ?1 AND coder_id = ?2"
         : "INSERT INTO memo (segment_id, coder_id, text, updated_at)"
           " VALUES (?1, ?2, ?3,"
           " coalesce(?4, strftime('%Y-%m-%dT%H:%M:%SZ')))"
           " ON CONFLICT (segment_id, coder_id) DO UPDATE SET text = "
           "excluded.text,"
           " updated_at = excluded.updated_at",
    error);
  if (!stmt)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, segment_id);
  sqlite3_bind_int64 (stmt, 2, coder_id);
  if (!drop) {
    teema_store__bind_user_text (stmt, 3, text);
    teema_store__bind_text (stmt, 4, updated_at);
  }
  return teema_store__step_done (store, stmt, error);
}

GPtrArray *
teema_store__list_memos (TeemaStore *store, const char *coder,
                         const char *informant, GError **error)
{
  sqlite3_stmt *stmt = teema_store__prepare (
    store,
    "SELECT m.segment_id, k.name, m.text, m.updated_at, i.code"
    " FROM memo m JOIN coder k ON k.id = m.coder_id"
    " JOIN segment s ON s.id = m.segment_id"
    " JOIN document d ON d.id = s.document_id"
    " LEFT JOIN informant i ON i.id = d.informant_id"
    " WHERE (?1 IS NULL OR k.name = ?1)"
    " AND (?2 IS NULL OR i.code = ?2)"
    " ORDER BY s.document_id, s.ordinal, k.name",
    error);
  if (!stmt)
    return NULL;
  teema_store__bind_text (stmt, 1, coder);
  teema_store__bind_text (stmt, 2, informant);
  GPtrArray *out =
    g_ptr_array_new_with_free_func ((GDestroyNotify) teema_memo_free);
  int rc;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW) {
    TeemaMemo *m = g_new0 (TeemaMemo, 1);
    m->segment_id = sqlite3_column_int64 (stmt, 0);
    m->coder = teema_store__column_dup (stmt, 1);
    m->text = teema_store__column_dup (stmt, 2);
    m->updated_at = teema_store__column_dup (stmt, 3);
    m->informant = teema_store__column_dup (stmt, 4);
    g_ptr_array_add (out, m);
  }
  if (!teema_store__finish (store, stmt, rc, "reading memos", error)) {
    g_ptr_array_unref (out);
    return NULL;
  }
  return out;
}

gboolean
teema_store__set_rejected (TeemaStore *store, gint64 segment_id,
                           const char *theme, const char *coder,
                           gboolean rejected, GError **error)
{
  gint64 coder_id = teema_store__ensure_coder (store, coder, error);
  if (!coder_id)
    return FALSE;
  gint64 theme_id = teema_store__find_theme (store, theme, error);
  if (theme_id < 0)
    return FALSE;
  if (!theme_id) {
    g_set_error (error, TEEMA_ERROR, TEEMA_ERROR_NOT_FOUND,
                 _ ("unknown theme '%s' (see 'teema theme list')"), theme);
    return FALSE;
  }
  sqlite3_stmt *stmt = teema_store__prepare (
    store,
    rejected ? "INSERT INTO rejection (segment_id, theme_id, coder_id,"
               " created_at) VALUES (?1, ?2, ?3,"
               " strftime('%Y-%m-%dT%H:%M:%SZ')) ON CONFLICT DO NOTHING"
             : "DELETE FROM rejection WHERE segment_id = ?1"
               " AND theme_id = ?2 AND coder_id = ?3",
    error);
  if (!stmt)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, segment_id);
  sqlite3_bind_int64 (stmt, 2, theme_id);
  sqlite3_bind_int64 (stmt, 3, coder_id);
  return teema_store__step_done (store, stmt, error);
}

GPtrArray *
teema_store__list_rejections (TeemaStore *store, const char *coder,
                              GError **error)
{
  sqlite3_stmt *stmt =
    teema_store__prepare (store,
                          "SELECT 0, r.segment_id, t.code, k.name, NULL, 0, 0,"
                          " r.created_at, NULL"
                          " FROM rejection r JOIN theme t ON t.id = r.theme_id"
                          " JOIN coder k ON k.id = r.coder_id"
                          " WHERE ?1 IS NULL OR k.name = ?1"
                          " ORDER BY r.segment_id, t.ordinal, k.name",
                          error);
  if (!stmt)
    return NULL;
  teema_store__bind_text (stmt, 1, coder);
  return teema_store__rows (store, stmt, teema_store__read_coding,
                            (GDestroyNotify) teema_coding_free,
                            "reading rejections", error);
}
