/* store/themes.c — the codebook as stored: themes and their rules.
 * Must always hold: like every file of the store, nothing here begins or
 * commits a transaction, every value is a bound parameter, and every read
 * ends in teema_store__finish. */
#include "store/store-private.h"

#include <string.h>

gint64
teema_store__find_theme (TeemaStore *store, const char *code, GError **error)
{
  return teema_store__lookup_id (store, "SELECT id FROM theme WHERE code = ?",
                                 code, error);
}

typedef void (*ThemeRowFunc) (sqlite3_stmt *row, TeemaTheme *t);

/* Runs sql (one parameter: the theme id) and passes each row to fn. */
static gboolean
each_theme_row (TeemaStore *store, const char *sql, gint64 id, TeemaTheme *t,
                ThemeRowFunc fn, GError **error)
{
  sqlite3_stmt *stmt = teema_store__prepare (store, sql, error);
  if (!stmt)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  int rc;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    fn (stmt, t);
  return teema_store__finish (store, stmt, rc, "reading the codebook", error);
}

static void
add_rule_row (sqlite3_stmt *row, TeemaTheme *t)
{
  const char *kind = (const char *) sqlite3_column_text (row, 0);
  GPtrArray *into = g_str_equal (kind, "rule") ? t->rules : t->excludes;
  g_ptr_array_add (into, teema_store__column_dup (row, 1));
}

static void
add_evidence_row (sqlite3_stmt *row, TeemaTheme *t)
{
  if (!t->evidence)
    t->evidence = teema_evidence__array_new ();
  TeemaEvidence e = { teema_store__column_dup (row, 0),
                      sqlite3_column_double (row, 1) };
  g_array_append_val (t->evidence, e);
}

static gboolean
load_theme_lines (TeemaStore *store, gint64 id, TeemaTheme *t, GError **error)
{
  return each_theme_row (store,
                         "SELECT kind, rule FROM theme_rule WHERE theme_id = ?"
                         " ORDER BY ordinal",
                         id, t, add_rule_row, error)
         && each_theme_row (store,
                            "SELECT term, weight FROM theme_evidence"
                            " WHERE theme_id = ? ORDER BY ordinal",
                            id, t, add_evidence_row, error);
}

GPtrArray *
teema_store__list_themes (TeemaStore *store, GError **error)
{
  sqlite3_stmt *stmt = teema_store__prepare (
    store,
    "SELECT id, code, parent, label_fi, label_en, description, colour,"
    " scope FROM theme ORDER BY ordinal",
    error);
  if (!stmt)
    return NULL;
  GPtrArray *out =
    g_ptr_array_new_with_free_func ((GDestroyNotify) teema_theme__free);
  g_autoptr (GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  int rc;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW) {
    TeemaTheme *t = g_new0 (TeemaTheme, 1);
    gint64 id = sqlite3_column_int64 (stmt, 0);
    t->code = teema_store__column_dup (stmt, 1);
    t->parent = teema_store__column_dup (stmt, 2);
    t->label_fi = teema_store__column_dup (stmt, 3);
    t->label_en = teema_store__column_dup (stmt, 4);
    t->description = teema_store__column_dup (stmt, 5);
    t->colour = teema_store__column_dup (stmt, 6);
    teema_scope_parse ((const char *) sqlite3_column_text (stmt, 7), &t->scope);
    t->rules = g_ptr_array_new_with_free_func (g_free);
    t->excludes = g_ptr_array_new_with_free_func (g_free);
    g_ptr_array_add (out, t);
    g_array_append_val (ids, id);
  }
  gboolean ok =
    teema_store__finish (store, stmt, rc, "reading the codebook", error);
  for (guint i = 0; ok && i < out->len; i++)
    ok = load_theme_lines (store, g_array_index (ids, gint64, i), out->pdata[i],
                           error);
  if (!ok) {
    g_ptr_array_unref (out);
    return NULL;
  }
  g_ptr_array_set_free_func (out, NULL);
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

static gboolean
insert_theme_evidence (TeemaStore *store, gint64 id, const GArray *evidence,
                       GError **error)
{
  for (guint i = 0; evidence && i < evidence->len; i++) {
    const TeemaEvidence *e = &g_array_index (evidence, TeemaEvidence, i);
    sqlite3_stmt *stmt = teema_store__prepare (
      store,
      "INSERT INTO theme_evidence (theme_id, ordinal, term, weight)"
      " VALUES (?, ?, ?, ?)",
      error);
    if (!stmt)
      return FALSE;
    sqlite3_bind_int64 (stmt, 1, id);
    sqlite3_bind_int (stmt, 2, (int) i);
    teema_store__bind_text (stmt, 3, e->term);
    sqlite3_bind_double (stmt, 4, e->weight);
    if (!teema_store__step_done (store, stmt, error))
      return FALSE;
  }
  return TRUE;
}

/* Deletes what table holds for theme id. */
static gboolean
delete_of_theme (TeemaStore *store, const char *sql, gint64 id, GError **error)
{
  sqlite3_stmt *stmt = teema_store__prepare (store, sql, error);
  if (!stmt)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  return teema_store__step_done (store, stmt, error);
}

gboolean
teema_store__upsert_theme (TeemaStore *store, const TeemaTheme *t,
                           guint ordinal, GError **error)
{
  sqlite3_stmt *stmt = teema_store__prepare (
    store,
    "INSERT INTO theme (code, parent, label_fi, label_en,"
    " description, colour, ordinal, scope) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
    " ON CONFLICT (code) DO UPDATE SET code = excluded.code,"
    " parent = excluded.parent, label_fi = excluded.label_fi,"
    " label_en = excluded.label_en,"
    " description = excluded.description, colour = excluded.colour,"
    " ordinal = excluded.ordinal, scope = excluded.scope",
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
  teema_store__bind_text (stmt, 8, teema_scope_name (t->scope));
  if (!teema_store__step_done (store, stmt, error))
    return FALSE;
  gint64 id = teema_store__find_theme (store, t->code, error);
  if (id < 0)
    return FALSE;
  return delete_of_theme (store, "DELETE FROM theme_rule WHERE theme_id = ?",
                          id, error)
         && delete_of_theme (
           store, "DELETE FROM theme_evidence WHERE theme_id = ?", id, error)
         && insert_theme_rules (store, id, "rule", t->rules, error)
         && insert_theme_rules (store, id, "exclude", t->excludes, error)
         && insert_theme_evidence (store, id, t->evidence, error);
}

gint64
teema_store__count_theme_codings (TeemaStore *store, const char *code,
                                  GError **error)
{
  return teema_store__lookup_id (
    store,
    "SELECT count(*) FROM coding c JOIN theme t ON t.id = c.theme_id"
    " WHERE t.code = ?",
    code, error);
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

/* ---- changing one theme (theme add, rename, move, merge, remove) ------- */

gint64
teema_store__next_theme_ordinal (TeemaStore *store, GError **error)
{
  sqlite3_stmt *stmt = teema_store__prepare (
    store, "SELECT coalesce(max(ordinal), -1) + 1 FROM theme", error);
  if (!stmt)
    return -1;
  gint64 n = 0;
  int rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    n = sqlite3_column_int64 (stmt, 0);
  if (!teema_store__finish (store, stmt, rc, "reading the codebook", error))
    return -1;
  return n;
}

/* Runs sql with two text parameters; *changed (may be NULL) gets the
 * number of rows it changed. */
static gboolean
run2 (TeemaStore *store, const char *sql, const char *a, const char *b,
      guint *changed, GError **error)
{
  sqlite3_stmt *stmt = teema_store__prepare (store, sql, error);
  if (!stmt)
    return FALSE;
  teema_store__bind_text (stmt, 1, a);
  teema_store__bind_text (stmt, 2, b);
  if (!teema_store__step_done (store, stmt, error))
    return FALSE;
  if (changed)
    *changed = (guint) sqlite3_changes (store->db);
  return TRUE;
}

gboolean
teema_store__rename_theme (TeemaStore *store, const char *old_code,
                           const char *new_code, GError **error)
{
  return run2 (store,
               "UPDATE theme SET parent = ?2 WHERE parent = ?1 COLLATE NOCASE",
               old_code, new_code, NULL, error)
         && run2 (store, "UPDATE theme SET code = ?2 WHERE code = ?1", old_code,
                  new_code, NULL, error);
}

gboolean
teema_store__update_theme (TeemaStore *store, const TeemaTheme *t,
                           GError **error)
{
  sqlite3_stmt *stmt = teema_store__prepare (
    store,
    "UPDATE theme SET parent = ?2, label_fi = ?3, label_en = ?4,"
    " description = ?5, colour = ?6, scope = ?7 WHERE code = ?1",
    error);
  if (!stmt)
    return FALSE;
  teema_store__bind_text (stmt, 1, t->code);
  teema_store__bind_text (stmt, 2, t->parent);
  teema_store__bind_user_text (stmt, 3, t->label_fi);
  teema_store__bind_user_text (stmt, 4, t->label_en);
  teema_store__bind_user_text (stmt, 5, t->description);
  teema_store__bind_text (stmt, 6, t->colour);
  teema_store__bind_text (stmt, 7, teema_scope_name (t->scope));
  return teema_store__step_done (store, stmt, error);
}

gboolean
teema_store__reparent_children (TeemaStore *store, const char *code,
                                const char *parent, guint *n, GError **error)
{
  return run2 (store,
               "UPDATE theme SET parent = ?2 WHERE parent = ?1 COLLATE NOCASE",
               code, parent, n, error);
}

static gboolean
move_rules (TeemaStore *store, gint64 from, gint64 into, guint *n,
            GError **error)
{
  sqlite3_stmt *stmt = teema_store__prepare (
    store,
    "SELECT coalesce(max(ordinal), -1) + 1 FROM theme_rule WHERE theme_id = ?",
    error);
  if (!stmt)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, into);
  gint64 offset = 0;
  int rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    offset = sqlite3_column_int64 (stmt, 0);
  if (!teema_store__finish (store, stmt, rc, "reading the codebook", error))
    return FALSE;
  stmt = teema_store__prepare (
    store,
    "UPDATE theme_rule SET theme_id = ?2, ordinal = ordinal + ?3"
    " WHERE theme_id = ?1",
    error);
  if (!stmt)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, from);
  sqlite3_bind_int64 (stmt, 2, into);
  sqlite3_bind_int64 (stmt, 3, offset);
  if (!teema_store__step_done (store, stmt, error))
    return FALSE;
  *n = (guint) sqlite3_changes (store->db);
  return TRUE;
}

/* Moves the rows of table from theme `from` to theme `into`; rows that
 * would repeat one of `into` are deleted instead (counted in *dropped). */
static gboolean
move_rows (TeemaStore *store, const char *update, const char *drop, gint64 from,
           gint64 into, guint *moved, guint *dropped, GError **error)
{
  sqlite3_stmt *stmt = teema_store__prepare (store, update, error);
  if (!stmt)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, from);
  sqlite3_bind_int64 (stmt, 2, into);
  if (!teema_store__step_done (store, stmt, error))
    return FALSE;
  *moved = (guint) sqlite3_changes (store->db);
  stmt = teema_store__prepare (store, drop, error);
  if (!stmt)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, from);
  if (!teema_store__step_done (store, stmt, error))
    return FALSE;
  if (dropped)
    *dropped = (guint) sqlite3_changes (store->db);
  return TRUE;
}

gboolean
teema_store__merge_theme (TeemaStore *store, const char *from, const char *into,
                          TeemaStoreMerged *m, GError **error)
{
  gint64 a = teema_store__find_theme (store, from, error);
  if (a < 0)
    return FALSE;
  gint64 b = teema_store__find_theme (store, into, error);
  if (b < 0)
    return FALSE;
  guint rejections = 0;
  if (!a || !b) {
    g_set_error (error, TEEMA_ERROR, TEEMA_ERROR_NOT_FOUND,
                 _ ("merging themes: no theme '%s'"), a ? into : from);
    return FALSE;
  }
  return move_rows (store,
                    "UPDATE OR IGNORE coding SET theme_id = ?2"
                    " WHERE theme_id = ?1",
                    "DELETE FROM coding WHERE theme_id = ?1", a, b,
                    &m->n_codings, &m->n_duplicates, error)
         && move_rows (store,
                       "UPDATE OR IGNORE rejection SET theme_id = ?2"
                       " WHERE theme_id = ?1",
                       "DELETE FROM rejection WHERE theme_id = ?1", a, b,
                       &rejections, NULL, error)
         && move_rules (store, a, b, &m->n_rules, error)
         && teema_store__reparent_children (store, from, into, &m->n_children,
                                            error)
         && teema_store__delete_theme (store, from, error);
}

GHashTable *
teema_store__theme_coding_counts (TeemaStore *store, GError **error)
{
  sqlite3_stmt *stmt =
    teema_store__prepare (store,
                          "SELECT t.code, count(c.id) FROM theme t"
                          " LEFT JOIN coding c ON c.theme_id = t.id"
                          " GROUP BY t.id",
                          error);
  if (!stmt)
    return NULL;
  GHashTable *out =
    g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  int rc;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_hash_table_insert (out, teema_store__column_dup (stmt, 0),
                         GUINT_TO_POINTER (sqlite3_column_int (stmt, 1)));
  if (!teema_store__finish (store, stmt, rc, "counting codings", error)) {
    g_hash_table_destroy (out);
    return NULL;
  }
  return out;
}

gboolean
teema_store__append_theme_rule (TeemaStore *store, const char *code,
                                const char *kind, const char *rule,
                                GError **error)
{
  sqlite3_stmt *stmt = teema_store__prepare (
    store,
    "INSERT INTO theme_rule (theme_id, kind, ordinal, rule)"
    " SELECT t.id, ?2, (SELECT coalesce(max(ordinal), -1) + 1"
    "  FROM theme_rule WHERE theme_id = t.id), ?3"
    " FROM theme t WHERE t.code = ?1",
    error);
  if (!stmt)
    return FALSE;
  teema_store__bind_text (stmt, 1, code);
  teema_store__bind_text (stmt, 2, kind);
  teema_store__bind_text (stmt, 3, rule);
  return teema_store__step_done (store, stmt, error);
}
