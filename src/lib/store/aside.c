/* store/aside.c — codings and memos set aside by import --replace.
 *
 * A row keeps what the coder made (theme, coder, note or memo, when) and
 * the text it was on, so nothing a coder did is lost when an edit deletes
 * the text under it. Rows go with their document.
 * Must always hold: like every file of the store, nothing here begins or
 * commits a transaction, every value is a bound parameter, and every read
 * ends in teema_store__finish. */
#include "store/store-private.h"

gboolean
teema_store__insert_aside (TeemaStore *store, gint64 document_id,
                           const char *kind, const char *theme,
                           const char *coder, const char *text,
                           const char *note, const char *created_at,
                           GError **error)
{
  sqlite3_stmt *stmt = teema_store__prepare (
    store,
    "INSERT INTO aside (document_id, kind, theme, coder, text, note,"
    " created_at, set_aside_at) VALUES (?, ?, ?, ?, ?, ?, ?,"
    " strftime('%Y-%m-%dT%H:%M:%SZ'))",
    error);
  if (!stmt)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, document_id);
  teema_store__bind_text (stmt, 2, kind);
  teema_store__bind_text (stmt, 3, theme);
  teema_store__bind_text (stmt, 4, coder);
  teema_store__bind_user_text (stmt, 5, text);
  teema_store__bind_user_text (stmt, 6, note);
  teema_store__bind_text (stmt, 7, created_at);
  return teema_store__step_done (store, stmt, error);
}

GPtrArray *
teema_store__list_aside (TeemaStore *store, gint64 document, GError **error)
{
  sqlite3_stmt *stmt = teema_store__prepare (
    store,
    "SELECT a.id, d.name, i.code, a.kind, a.theme, a.coder, a.text, a.note,"
    " a.created_at, a.set_aside_at FROM aside a"
    " JOIN document d ON d.id = a.document_id"
    " LEFT JOIN informant i ON i.id = d.informant_id"
    " WHERE ?1 = 0 OR a.document_id = ?1 ORDER BY a.id",
    error);
  if (!stmt)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, document);
  GPtrArray *out =
    g_ptr_array_new_with_free_func ((GDestroyNotify) teema_aside_free);
  int rc;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW) {
    TeemaAside *a = g_new0 (TeemaAside, 1);
    a->id = sqlite3_column_int64 (stmt, 0);
    a->document = teema_store__column_dup (stmt, 1);
    a->informant = teema_store__column_dup (stmt, 2);
    a->kind = teema_store__column_dup (stmt, 3);
    a->theme = teema_store__column_dup (stmt, 4);
    a->coder = teema_store__column_dup (stmt, 5);
    a->text = teema_store__column_dup (stmt, 6);
    a->note = teema_store__column_dup (stmt, 7);
    a->created_at = teema_store__column_dup (stmt, 8);
    a->set_aside_at = teema_store__column_dup (stmt, 9);
    g_ptr_array_add (out, a);
  }
  if (!teema_store__finish (store, stmt, rc, "reading set-aside codings",
                            error)) {
    g_ptr_array_unref (out);
    return NULL;
  }
  return out;
}

gboolean
teema_store__clear_aside (TeemaStore *store, gint64 document, guint *n_cleared,
                          GError **error)
{
  sqlite3_stmt *stmt = teema_store__prepare (
    store, "DELETE FROM aside WHERE ?1 = 0 OR document_id = ?1", error);
  if (!stmt)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, document);
  if (!teema_store__step_done (store, stmt, error))
    return FALSE;
  if (n_cleared)
    *n_cleared = (guint) sqlite3_changes (store->db);
  return TRUE;
}
