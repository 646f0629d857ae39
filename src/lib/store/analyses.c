/* store/analyses.c — the analysis cache: one row per word form and backend, so
 * each distinct form is analysed once per project. Must always hold: like every
 * file of the store, nothing here begins or commits a transaction, and every
 * value is a bound parameter. */
#include "store/store-private.h"

#include <string.h>

char *
teema_store__load_analyses (TeemaStore *store, const char *backend,
                            GError **error)
{
  sqlite3_stmt *stmt = teema_store__prepare (
    store, "SELECT form, data FROM analysis WHERE backend = ?", error);
  if (!stmt)
    return NULL;
  teema_store__bind_text (stmt, 1, backend);
  GString *out = g_string_new (NULL);
  int rc;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW) {
    g_string_append (out, (const char *) sqlite3_column_text (stmt, 0));
    g_string_append_c (out, '\t');
    g_string_append (out, (const char *) sqlite3_column_text (stmt, 1));
    g_string_append_c (out, '\n');
  }
  if (!teema_store__finish (store, stmt, rc, "reading analyses", error)) {
    g_string_free (out, TRUE);
    return NULL;
  }
  return g_string_free (out, FALSE);
}

gboolean
teema_store__save_analyses (TeemaStore *store, const char *backend,
                            const char *dump, GError **error)
{
  g_auto (GStrv) lines = g_strsplit (dump, "\n", -1);
  for (guint i = 0; lines[i]; i++) {
    char *tab = strchr (lines[i], '\t');
    if (!tab)
      continue;
    sqlite3_stmt *stmt = teema_store__prepare (
      store,
      "INSERT OR REPLACE INTO analysis (backend, form, data)"
      " VALUES (?, ?, ?)",
      error);
    if (!stmt)
      return FALSE;
    teema_store__bind_text (stmt, 1, backend);
    sqlite3_bind_text (stmt, 2, lines[i], (int) (tab - lines[i]),
                       SQLITE_TRANSIENT);
    teema_store__bind_text (stmt, 3, tab + 1);
    if (!teema_store__step_done (store, stmt, error))
      return FALSE;
  }
  return TRUE;
}

gboolean
teema_store__forget_analyses (TeemaStore *store, const char *family,
                              const char *keep, const char *family_mark,
                              const char *keep_mark, GError **error)
{
  /* The family's key before revisions ("voikko-fi") or with one. */
  sqlite3_stmt *stmt = teema_store__prepare (
    store,
    "DELETE FROM analysis WHERE backend != ?2"
    " AND (backend = ?1 OR backend GLOB ?1 || '-r[0-9]*')",
    error);
  if (!stmt)
    return FALSE;
  teema_store__bind_text (stmt, 1, family);
  teema_store__bind_text (stmt, 2, keep);
  if (!teema_store__step_done (store, stmt, error))
    return FALSE;
  stmt = teema_store__prepare (store,
                               "DELETE FROM setting WHERE key != ?2"
                               " AND (key = ?1 OR key GLOB ?1 || '-r[0-9]*')",
                               error);
  if (!stmt)
    return FALSE;
  teema_store__bind_text (stmt, 1, family_mark);
  teema_store__bind_text (stmt, 2, keep_mark);
  return teema_store__step_done (store, stmt, error);
}
