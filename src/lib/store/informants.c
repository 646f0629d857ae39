/* store/informants.c — informants and their attributes.
 * Must always hold: like every file of the store, nothing here begins or
 * commits a transaction, every value is a bound parameter, and every read
 * ends in teema_store__finish. */
#include "store/store-private.h"

#include <string.h>

gint64
teema_store__find_informant (TeemaStore *store, const char *code,
                             GError **error)
{
  return teema_store__lookup_id (
    store, "SELECT id FROM informant WHERE code = ?", code, error);
}

gint64
teema_store__ensure_informant (TeemaStore *store, const char *code,
                               GError **error)
{
  gint64 id = teema_store__find_informant (store, code, error);
  if (id < 0)
    return 0;
  if (id)
    return id;
  sqlite3_stmt *stmt = teema_store__prepare (
    store, "INSERT INTO informant (code) VALUES (?)", error);
  if (!stmt)
    return 0;
  teema_store__bind_text (stmt, 1, code);
  if (!teema_store__step_done (store, stmt, error))
    return 0;
  return sqlite3_last_insert_rowid (store->db);
}

gboolean
teema_store__set_informant_attr (TeemaStore *store, gint64 id, const char *key,
                                 const char *value, GError **error)
{
  const char *sql;
  if (g_str_equal (key, "group"))
    sql = "UPDATE informant SET grp = ?2 WHERE id = ?1";
  else if (g_str_equal (key, "role"))
    sql = "UPDATE informant SET role = ?2 WHERE id = ?1";
  else if (value == NULL || *value == '\0')
    sql = "DELETE FROM informant_attr WHERE informant_id = ?1 AND key = ?3";
  else
    sql = "INSERT INTO informant_attr (informant_id, key, value) "
          "VALUES (?1, ?3, ?2) ON CONFLICT (informant_id, key) "
          "DO UPDATE SET value = excluded.value";
  sqlite3_stmt *stmt = teema_store__prepare (store, sql, error);
  if (!stmt)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  teema_store__bind_user_text (stmt, 2, value && *value ? value : NULL);
  if (sqlite3_bind_parameter_count (stmt) >= 3)
    teema_store__bind_text (stmt, 3, key);
  return teema_store__step_done (store, stmt, error);
}

/* Every informant's attributes in one read (one query per informant made
 * a project of 500 informants open 500 read transactions per list).
 * by_id maps an informant id to its TeemaInformant. */
static gboolean
load_informant_attrs (TeemaStore *store, GHashTable *by_id, GError **error)
{
  sqlite3_stmt *stmt =
    teema_store__prepare (store,
                          "SELECT informant_id, key, value FROM informant_attr "
                          "ORDER BY informant_id, key",
                          error);
  if (!stmt)
    return FALSE;
  int rc;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW) {
    gint64 id = sqlite3_column_int64 (stmt, 0);
    TeemaInformant *inf = g_hash_table_lookup (by_id, &id);
    if (!inf)
      continue; /* not possible: the key references an informant */
    g_ptr_array_add (inf->keys, teema_store__column_dup (stmt, 1));
    g_ptr_array_add (inf->values, teema_store__column_dup (stmt, 2));
  }
  return teema_store__finish (store, stmt, rc, "reading informants", error);
}

GPtrArray *
teema_store__list_informants (TeemaStore *store, GError **error)
{
  sqlite3_stmt *stmt = teema_store__prepare (
    store,
    "SELECT i.id, i.code, i.grp, i.role, count(d.id),"
    "  sum(d.n_segments), sum(d.n_words) "
    "FROM informant i LEFT JOIN document d ON d.informant_id = i.id "
    "GROUP BY i.id ORDER BY i.grp IS NULL, i.grp, i.code",
    error);
  if (!stmt)
    return NULL;
  GPtrArray *out =
    g_ptr_array_new_with_free_func ((GDestroyNotify) teema_informant_free);
  g_autoptr (GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr (GHashTable) by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  int rc;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW) {
    TeemaInformant *inf = g_new0 (TeemaInformant, 1);
    gint64 id = sqlite3_column_int64 (stmt, 0);
    inf->code = teema_store__column_dup (stmt, 1);
    inf->group = teema_store__column_dup (stmt, 2);
    inf->role = teema_store__column_dup (stmt, 3);
    inf->n_documents = sqlite3_column_int (stmt, 4);
    inf->n_segments = sqlite3_column_int (stmt, 5);
    inf->n_words = sqlite3_column_int (stmt, 6);
    inf->keys = g_ptr_array_new_with_free_func (g_free);
    inf->values = g_ptr_array_new_with_free_func (g_free);
    g_ptr_array_add (out, inf);
    g_array_append_val (ids, id);
  }
  gboolean ok =
    teema_store__finish (store, stmt, rc, "reading informants", error);
  for (guint i = 0; ok && i < out->len; i++)
    g_hash_table_insert (by_id, &g_array_index (ids, gint64, i), out->pdata[i]);
  ok = ok && load_informant_attrs (store, by_id, error);
  if (!ok) {
    g_ptr_array_unref (out);
    return NULL;
  }
  return out;
}
