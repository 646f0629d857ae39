/* store/refi.c — statements for REFI-QDA export and import.
 *
 * Reads whole documents and coders for the exporter and writes codings
 * with their original creation time for the importer. Must always hold:
 * only bound parameters; no statement here commits. */
#include "store/store-private.h"

void
teema_store_document__free (TeemaStoreDocument *d)
{
  if (!d)
    return;
  g_free (d->name);
  g_free (d->path);
  g_free (d->sha256);
  g_free (d->text);
  g_free (d->informant);
  g_free (d->segmentation);
  g_free (d);
}

GPtrArray *
teema_store__list_documents (TeemaStore *store, GError **error)
{
  sqlite3_stmt *stmt = teema_store__prepare (
    store,
    "SELECT d.id, d.name, d.path, d.sha256, d.text, i.code,"
    " d.segmentation FROM document d"
    " LEFT JOIN informant i ON i.id = d.informant_id ORDER BY d.id",
    error);
  if (!stmt)
    return NULL;
  GPtrArray *out = g_ptr_array_new_with_free_func (
    (GDestroyNotify) teema_store_document__free);
  int rc;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW) {
    TeemaStoreDocument *d = g_new0 (TeemaStoreDocument, 1);
    d->id = sqlite3_column_int64 (stmt, 0);
    d->name = teema_store__column_dup (stmt, 1);
    d->path = teema_store__column_dup (stmt, 2);
    d->sha256 = teema_store__column_dup (stmt, 3);
    d->text = teema_store__column_dup (stmt, 4);
    d->informant = teema_store__column_dup (stmt, 5);
    d->segmentation = teema_store__column_dup (stmt, 6);
    g_ptr_array_add (out, d);
  }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE) {
    g_ptr_array_unref (out);
    teema_store__fail (store, error, "reading documents");
    return NULL;
  }
  return out;
}

GPtrArray *
teema_store__list_coders (TeemaStore *store, GError **error)
{
  sqlite3_stmt *stmt =
    teema_store__prepare (store, "SELECT name FROM coder ORDER BY id", error);
  if (!stmt)
    return NULL;
  GPtrArray *out = g_ptr_array_new_with_free_func (g_free);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (out, teema_store__column_dup (stmt, 0));
  sqlite3_reset (stmt);
  return out;
}

gboolean
teema_store__insert_coding_at (TeemaStore *store, gint64 segment_id,
                               const char *theme, const char *coder,
                               guint start, guint end, const char *created_at,
                               const char *note, gboolean *added,
                               GError **error)
{
  gint64 theme_id = teema_store__find_theme (store, theme);
  gint64 coder_id = teema_store__ensure_coder (store, coder, error);
  if (!theme_id || !coder_id) {
    if (!theme_id)
      g_set_error (error, TEEMA_ERROR, TEEMA_ERROR_NOT_FOUND,
                   "unknown theme '%s'", theme);
    return FALSE;
  }
  sqlite3_stmt *stmt = teema_store__prepare (
    store,
    "INSERT INTO coding (segment_id, theme_id, coder_id, start, end,"
    " created_at, note) VALUES (?, ?, ?, ?, ?,"
    " coalesce(?, strftime('%Y-%m-%dT%H:%M:%SZ')), ?)"
    " ON CONFLICT DO NOTHING",
    error);
  if (!stmt)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, segment_id);
  sqlite3_bind_int64 (stmt, 2, theme_id);
  sqlite3_bind_int64 (stmt, 3, coder_id);
  sqlite3_bind_int (stmt, 4, (int) start);
  sqlite3_bind_int (stmt, 5, (int) end);
  teema_store__bind_text (stmt, 6, created_at);
  teema_store__bind_user_text (stmt, 7, note);
  if (!teema_store__step_done (store, stmt, error))
    return FALSE;
  if (added)
    *added = sqlite3_changes (store->db) > 0;
  return TRUE;
}
