/* store/codings.c — coders and codings.
 * Must always hold: like every file of the store, nothing here begins or
 * commits a transaction, every value is a bound parameter, and every read
 * ends in teema_store__finish. */
#include "store/store-private.h"

#include <string.h>

gint64
teema_store__ensure_coder (TeemaStore *store, const char *name, GError **error)
{
  sqlite3_stmt *stmt = teema_store__prepare (
    store, "INSERT INTO coder (name) VALUES (?) ON CONFLICT DO NOTHING", error);
  if (!stmt)
    return 0;
  teema_store__bind_text (stmt, 1, name);
  if (!teema_store__step_done (store, stmt, error))
    return 0;
  gint64 id = teema_store__lookup_id (
    store, "SELECT id FROM coder WHERE name = ?", name, error);
  return id > 0 ? id : 0;
}

gboolean
teema_store__add_coding (TeemaStore *store, gint64 segment_id,
                         const char *theme, const char *coder, guint start,
                         guint end, const char *note, gboolean *added,
                         GError **error)
{
  gint64 theme_id = teema_store__find_theme (store, theme, error);
  if (theme_id < 0)
    return FALSE;
  if (!theme_id) {
    g_set_error (error, TEEMA_ERROR, TEEMA_ERROR_NOT_FOUND,
                 _ ("unknown theme '%s' (see 'teema theme list')"), theme);
    return FALSE;
  }
  gint64 coder_id = teema_store__ensure_coder (store, coder, error);
  if (!coder_id)
    return FALSE;
  return teema_store__insert_coding (store, segment_id, theme_id, coder_id,
                                     start, end, note, added, error);
}

gboolean
teema_store__insert_coding (TeemaStore *store, gint64 segment_id,
                            gint64 theme_id, gint64 coder_id, guint start,
                            guint end, const char *note, gboolean *added,
                            GError **error)
{
  sqlite3_stmt *stmt = teema_store__prepare (
    store,
    "INSERT INTO coding (segment_id, theme_id, coder_id, start, end,"
    " created_at, note) VALUES (?, ?, ?, ?, ?,"
    " strftime('%Y-%m-%dT%H:%M:%SZ'), ?) ON CONFLICT DO NOTHING",
    error);
  if (!stmt)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, segment_id);
  sqlite3_bind_int64 (stmt, 2, theme_id);
  sqlite3_bind_int64 (stmt, 3, coder_id);
  sqlite3_bind_int (stmt, 4, (int) start);
  sqlite3_bind_int (stmt, 5, (int) end);
  teema_store__bind_user_text (stmt, 6, note);
  if (!teema_store__step_done (store, stmt, error))
    return FALSE;
  if (added)
    *added = sqlite3_changes (store->db) > 0;
  return TRUE;
}

gboolean
teema_store__remove_coding (TeemaStore *store, gint64 segment_id,
                            const char *theme, const char *coder,
                            gboolean *removed, GError **error)
{
  sqlite3_stmt *stmt = teema_store__prepare (
    store,
    "DELETE FROM coding WHERE segment_id = ?"
    " AND theme_id = (SELECT id FROM theme WHERE code = ?)"
    " AND coder_id = (SELECT id FROM coder WHERE name = ?)",
    error);
  if (!stmt)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, segment_id);
  teema_store__bind_text (stmt, 2, theme);
  teema_store__bind_text (stmt, 3, coder);
  if (!teema_store__step_done (store, stmt, error))
    return FALSE;
  if (removed)
    *removed = sqlite3_changes (store->db) > 0;
  return TRUE;
}

gboolean
teema_store__remove_coding_span (TeemaStore *store, gint64 segment_id,
                                 const char *theme, const char *coder,
                                 guint start, guint end, gboolean *removed,
                                 GError **error)
{
  sqlite3_stmt *stmt = teema_store__prepare (
    store,
    "DELETE FROM coding WHERE segment_id = ?"
    " AND theme_id = (SELECT id FROM theme WHERE code = ?)"
    " AND coder_id = (SELECT id FROM coder WHERE name = ?)"
    " AND start = ? AND end = ?",
    error);
  if (!stmt)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, segment_id);
  teema_store__bind_text (stmt, 2, theme);
  teema_store__bind_text (stmt, 3, coder);
  sqlite3_bind_int (stmt, 4, (int) start);
  sqlite3_bind_int (stmt, 5, (int) end);
  if (!teema_store__step_done (store, stmt, error))
    return FALSE;
  if (removed)
    *removed = sqlite3_changes (store->db) > 0;
  return TRUE;
}

gboolean
teema_store__delete_coder_codings (TeemaStore *store, const char *coder,
                                   GError **error)
{
  sqlite3_stmt *stmt =
    teema_store__prepare (store,
                          "DELETE FROM coding WHERE coder_id ="
                          " (SELECT id FROM coder WHERE name = ?)",
                          error);
  if (!stmt)
    return FALSE;
  teema_store__bind_text (stmt, 1, coder);
  return teema_store__step_done (store, stmt, error);
}

/* Adds one coding's span to its key's value (see teema_store__coding_keys). */
static void
add_span_key (GHashTable *keys, sqlite3_stmt *stmt)
{
  gint64 segment = sqlite3_column_int64 (stmt, 0);
  gint64 theme = sqlite3_column_int64 (stmt, 1);
  gboolean whole = sqlite3_column_int (stmt, 4);
  char *piece = whole ? NULL
                      : g_strdup_printf ("%d-%d", sqlite3_column_int (stmt, 2),
                                         sqlite3_column_int (stmt, 3));
  const char *before = NULL;
  if (teema_coding_keys__lookup (keys, segment, theme, &before)) {
    char *both =
      g_strdup_printf ("%s,%s", before ? before : "*", piece ? piece : "*");
    g_free (piece);
    piece = both;
  }
  teema_coding_keys__set (keys, segment, theme, piece);
}

GHashTable *
teema_store__coding_keys (TeemaStore *store, const char *coder, GError **error)
{
  sqlite3_stmt *stmt = teema_store__prepare (
    store,
    "SELECT c.segment_id, c.theme_id, c.start - s.start, c.end - s.start,"
    " c.start = s.start AND c.end = s.end"
    " FROM coding c JOIN segment s ON s.id = c.segment_id"
    " WHERE c.coder_id = (SELECT id FROM coder WHERE name = ?)"
    " ORDER BY c.segment_id, c.theme_id, c.start",
    error);
  if (!stmt)
    return NULL;
  teema_store__bind_text (stmt, 1, coder);
  GHashTable *keys = teema_coding_keys__new ();
  int rc;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    add_span_key (keys, stmt);
  if (!teema_store__finish (store, stmt, rc, "reading codings", error)) {
    g_hash_table_destroy (keys);
    return NULL;
  }
  return keys;
}

/* The (segment, theme, coder) of codings with their spans, unordered and
 * without joins to segments: the coder's sets of a terminal session. Read
 * from the covering index of (segment, theme, coder, start, end), never
 * from the coding rows; one segment's by a seek into it. */
static const char keys_sql[] =
  "SELECT 0, c.segment_id, t.code, k.name, NULL, c.start, c.end, NULL, NULL"
  " FROM coding c JOIN theme t ON t.id = c.theme_id"
  " JOIN coder k ON k.id = c.coder_id"
  " WHERE (?1 IS NULL OR k.name = ?1) AND (?2 IS NULL OR t.code = ?2)";
static const char segment_keys_sql[] =
  "SELECT 0, c.segment_id, t.code, k.name, NULL, c.start, c.end, NULL, NULL"
  " FROM coding c JOIN theme t ON t.id = c.theme_id"
  " JOIN coder k ON k.id = c.coder_id"
  " WHERE (?1 IS NULL OR k.name = ?1) AND (?2 IS NULL OR t.code = ?2)"
  " AND c.segment_id = ?3";

static GPtrArray *
list_coding_keys (TeemaStore *store, const TeemaCodingFilter *f, GError **error)
{
  sqlite3_stmt *stmt = teema_store__prepare (
    store, f->segment_id ? segment_keys_sql : keys_sql, error);
  if (!stmt)
    return NULL;
  teema_store__bind_text (stmt, 1, f->coder);
  teema_store__bind_text (stmt, 2, f->theme);
  if (f->segment_id)
    sqlite3_bind_int64 (stmt, 3, f->segment_id);
  return teema_store__rows (store, stmt, teema_store__read_coding,
                            (GDestroyNotify) teema_coding_free,
                            "reading codings", error);
}

gpointer
teema_store__read_coding (sqlite3_stmt *stmt)
{
  TeemaCoding *c = g_new0 (TeemaCoding, 1);
  c->id = sqlite3_column_int64 (stmt, 0);
  c->segment_id = sqlite3_column_int64 (stmt, 1);
  c->theme = teema_store__column_dup (stmt, 2);
  c->coder = teema_store__column_dup (stmt, 3);
  c->informant = teema_store__column_dup (stmt, 4);
  c->start = (guint) sqlite3_column_int (stmt, 5);
  c->end = (guint) sqlite3_column_int (stmt, 6);
  c->created_at = teema_store__column_dup (stmt, 7);
  c->note = teema_store__column_dup (stmt, 8);
  return c;
}

GPtrArray *
teema_store__list_codings (TeemaStore *store, const TeemaCodingFilter *f,
                           GError **error)
{
  if (f && f->keys_only && !f->informant)
    return list_coding_keys (store, f, error);
  sqlite3_stmt *stmt = teema_store__prepare (
    store,
    "SELECT c.id, c.segment_id, t.code, k.name, i.code, c.start, c.end,"
    " c.created_at, c.note FROM coding c"
    " JOIN theme t ON t.id = c.theme_id JOIN coder k ON k.id = c.coder_id"
    " JOIN segment s ON s.id = c.segment_id"
    " JOIN document d ON d.id = s.document_id"
    " LEFT JOIN informant i ON i.id = d.informant_id"
    " WHERE (?1 IS NULL OR k.name = ?1) AND (?2 IS NULL OR t.code = ?2)"
    " AND (?3 IS NULL OR i.code = ?3) AND (?4 = 0 OR c.segment_id = ?4)"
    " ORDER BY d.id, s.ordinal, t.ordinal, k.name",
    error);
  if (!stmt)
    return NULL;
  teema_store__bind_text (stmt, 1, f ? f->coder : NULL);
  teema_store__bind_text (stmt, 2, f ? f->theme : NULL);
  teema_store__bind_text (stmt, 3, f ? f->informant : NULL);
  sqlite3_bind_int64 (stmt, 4, f ? f->segment_id : 0);
  return teema_store__rows (store, stmt, teema_store__read_coding,
                            (GDestroyNotify) teema_coding_free,
                            "reading codings", error);
}
