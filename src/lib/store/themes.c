/* store/themes.c — the codebook as stored: themes and their rules.
 * Must always hold: like every file of the store, nothing here begins or
 * commits a transaction, and every value is a bound parameter. */
#include "store/store-private.h"

#include <string.h>

gint64
teema_store__find_theme (TeemaStore *store, const char *code)
{
  return teema_store__lookup_id (store, "SELECT id FROM theme WHERE code = ?",
                                 code);
}

static void
load_theme_rules (TeemaStore *store, gint64 id, TeemaTheme *t)
{
  sqlite3_stmt *stmt =
    teema_store__prepare (store,
                          "SELECT kind, rule FROM theme_rule WHERE theme_id = ?"
                          " ORDER BY ordinal",
                          NULL);
  if (!stmt)
    return;
  sqlite3_bind_int64 (stmt, 1, id);
  while (sqlite3_step (stmt) == SQLITE_ROW) {
    const char *kind = (const char *) sqlite3_column_text (stmt, 0);
    GPtrArray *into = g_str_equal (kind, "rule") ? t->rules : t->excludes;
    g_ptr_array_add (into, teema_store__column_dup (stmt, 1));
  }
  sqlite3_reset (stmt);
}

GPtrArray *
teema_store__list_themes (TeemaStore *store, GError **error)
{
  sqlite3_stmt *stmt = teema_store__prepare (
    store,
    "SELECT id, code, parent, label_fi, label_en, description, colour"
    " FROM theme ORDER BY ordinal",
    error);
  if (!stmt)
    return NULL;
  GPtrArray *out = g_ptr_array_new ();
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  while (sqlite3_step (stmt) == SQLITE_ROW) {
    TeemaTheme *t = g_new0 (TeemaTheme, 1);
    gint64 id = sqlite3_column_int64 (stmt, 0);
    t->code = teema_store__column_dup (stmt, 1);
    t->parent = teema_store__column_dup (stmt, 2);
    t->label_fi = teema_store__column_dup (stmt, 3);
    t->label_en = teema_store__column_dup (stmt, 4);
    t->description = teema_store__column_dup (stmt, 5);
    t->colour = teema_store__column_dup (stmt, 6);
    t->rules = g_ptr_array_new_with_free_func (g_free);
    t->excludes = g_ptr_array_new_with_free_func (g_free);
    g_ptr_array_add (out, t);
    g_array_append_val (ids, id);
  }
  sqlite3_reset (stmt);
  for (guint i = 0; i < out->len; i++)
    load_theme_rules (store, g_array_index (ids, gint64, i), out->pdata[i]);
  g_array_unref (ids);
  return out;
}

static gboolean
insert_theme_rules (TeemaStore *store, gint64 id, const char *kind,
                    GPtrArray *rules, GError **error)
{
  for (guint i = 0; rules && i < rules->len; i++) {
    sqlite3_stmt *stmt = teema_store__prepare (
      store,
      "INSERT INTO theme_rule (theme_id, kind, ordinal, rule)"
      " VALUES (?, ?, ?, ?)",
      error);
    if (!stmt)
      return FALSE;
    sqlite3_bind_int64 (stmt, 1, id);
    teema_store__bind_text (stmt, 2, kind);
    sqlite3_bind_int (stmt, 3, (int) i);
    teema_store__bind_text (stmt, 4, rules->pdata[i]);
    if (!teema_store__step_done (store, stmt, error))
      return FALSE;
  }
  return TRUE;
}

gboolean
teema_store__upsert_theme (TeemaStore *store, const TeemaTheme *t,
                           guint ordinal, GError **error)
{
  sqlite3_stmt *stmt = teema_store__prepare (
    store,
    "INSERT INTO theme (code, parent, label_fi, label_en,"
    " description, colour, ordinal) VALUES (?, ?, ?, ?, ?, ?, ?)"
    " ON CONFLICT (code) DO UPDATE SET code = excluded.code,"
    " parent = excluded.parent, label_fi = excluded.label_fi,"
    " label_en = excluded.label_en,"
    " description = excluded.description, colour = excluded.colour,"
    " ordinal = excluded.ordinal",
    error);
  if (!stmt)
    return FALSE;
  teema_store__bind_text (stmt, 1, t->code);
  teema_store__bind_text (stmt, 2, t->parent);
  teema_store__bind_user_text (stmt, 3, t->label_fi);
  teema_store__bind_user_text (stmt, 4, t->label_en);
  teema_store__bind_user_text (stmt, 5, t->description);
  teema_store__bind_text (stmt, 6, t->colour);
  sqlite3_bind_int (stmt, 7, (int) ordinal);
  if (!teema_store__step_done (store, stmt, error))
    return FALSE;
  gint64 id = teema_store__find_theme (store, t->code);
  stmt = teema_store__prepare (
    store, "DELETE FROM theme_rule WHERE theme_id = ?", error);
  if (!stmt)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!teema_store__step_done (store, stmt, error))
    return FALSE;
  return insert_theme_rules (store, id, "rule", t->rules, error)
         && insert_theme_rules (store, id, "exclude", t->excludes, error);
}

guint
teema_store__count_theme_codings (TeemaStore *store, const char *code)
{
  return (guint) teema_store__lookup_id (
    store,
    "SELECT count(*) FROM coding c JOIN theme t ON t.id = c.theme_id"
    " WHERE t.code = ?",
    code);
}

gboolean
teema_store__delete_theme (TeemaStore *store, const char *code, GError **error)
{
  sqlite3_stmt *stmt =
    teema_store__prepare (store, "DELETE FROM theme WHERE code = ?", error);
  if (!stmt)
    return FALSE;
  teema_store__bind_text (stmt, 1, code);
  return teema_store__step_done (store, stmt, error);
}
