/* store/store.c — the SQLite project file.
 *
 * One file is one project. The schema carries its version in PRAGMA
 * user_version; opening an older file runs the missing migrations in one
 * transaction. Foreign keys are on and the journal is WAL. Prepared
 * statements are cached per SQL text; every value is a bound parameter.
 * Must always hold: no function here commits on its own except
 * teema_store__commit, so callers decide what is one change. */
#include "store/store-private.h"

#include <string.h>

/* Each migration takes the schema from version i to i + 1. */
static const char *const migrations[] = {
  "CREATE TABLE setting (key TEXT PRIMARY KEY, value TEXT NOT NULL);"
  "CREATE TABLE informant ("
  "  id INTEGER PRIMARY KEY, code TEXT NOT NULL UNIQUE,"
  "  grp TEXT, role TEXT);"
  "CREATE TABLE informant_attr ("
  "  informant_id INTEGER NOT NULL REFERENCES informant(id) ON DELETE CASCADE,"
  "  key TEXT NOT NULL, value TEXT NOT NULL, PRIMARY KEY (informant_id, key));"
  "CREATE TABLE document ("
  "  id INTEGER PRIMARY KEY, name TEXT NOT NULL, path TEXT,"
  "  sha256 TEXT NOT NULL UNIQUE, text TEXT NOT NULL, n_chars INTEGER NOT NULL,"
  "  informant_id INTEGER REFERENCES informant(id),"
  "  segmentation TEXT NOT NULL, imported_at TEXT NOT NULL);"
  "CREATE TABLE segment ("
  "  id INTEGER PRIMARY KEY,"
  "  document_id INTEGER NOT NULL REFERENCES document(id) ON DELETE CASCADE,"
  "  ordinal INTEGER NOT NULL, speaker TEXT NOT NULL,"
  "  interviewer INTEGER NOT NULL, start INTEGER NOT NULL, end INTEGER NOT "
  "NULL,"
  "  n_words INTEGER NOT NULL, timestamp TEXT, text TEXT NOT NULL,"
  "  UNIQUE (document_id, ordinal));"
  "CREATE TABLE theme ("
  "  id INTEGER PRIMARY KEY, code TEXT NOT NULL UNIQUE COLLATE NOCASE,"
  "  parent TEXT, label_fi TEXT, label_en TEXT, description TEXT,"
  "  colour TEXT, ordinal INTEGER NOT NULL);"
  "CREATE TABLE theme_rule ("
  "  theme_id INTEGER NOT NULL REFERENCES theme(id) ON DELETE CASCADE,"
  "  kind TEXT NOT NULL CHECK (kind IN ('rule', 'exclude')),"
  "  ordinal INTEGER NOT NULL, rule TEXT NOT NULL);"
  "CREATE TABLE coder (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE);"
  "CREATE TABLE coding ("
  "  id INTEGER PRIMARY KEY,"
  "  segment_id INTEGER NOT NULL REFERENCES segment(id) ON DELETE CASCADE,"
  "  theme_id INTEGER NOT NULL REFERENCES theme(id) ON DELETE CASCADE,"
  "  coder_id INTEGER NOT NULL REFERENCES coder(id),"
  "  start INTEGER NOT NULL, end INTEGER NOT NULL,"
  "  created_at TEXT NOT NULL, note TEXT,"
  "  UNIQUE (segment_id, theme_id, coder_id, start, end));"
  "CREATE INDEX coding_theme ON coding(theme_id);"
  "CREATE INDEX segment_document ON segment(document_id);"
  "CREATE TABLE analysis ("
  "  backend TEXT NOT NULL, form TEXT NOT NULL, data TEXT NOT NULL,"
  "  PRIMARY KEY (backend, form)) WITHOUT ROWID;",
  /* 2: memos per segment and coder; rule suggestions a coder rejected. */
  "CREATE TABLE memo ("
  "  segment_id INTEGER NOT NULL REFERENCES segment(id) ON DELETE CASCADE,"
  "  coder_id INTEGER NOT NULL REFERENCES coder(id),"
  "  text TEXT NOT NULL, updated_at TEXT NOT NULL,"
  "  PRIMARY KEY (segment_id, coder_id));"
  "CREATE TABLE rejection ("
  "  segment_id INTEGER NOT NULL REFERENCES segment(id) ON DELETE CASCADE,"
  "  theme_id INTEGER NOT NULL REFERENCES theme(id) ON DELETE CASCADE,"
  "  coder_id INTEGER NOT NULL REFERENCES coder(id),"
  "  created_at TEXT NOT NULL, PRIMARY KEY (segment_id, theme_id, coder_id));",
};

gboolean
teema_store__fail (TeemaStore *store, GError **error, const char *what)
{
  g_set_error (error, TEEMA_ERROR, TEEMA_ERROR_STORE, "%s: %s", what,
               sqlite3_errmsg (store->db));
  return FALSE;
}

sqlite3_stmt *
teema_store__prepare (TeemaStore *store, const char *sql, GError **error)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (store->stmts, sql);
  if (stmt) {
    sqlite3_reset (stmt);
    sqlite3_clear_bindings (stmt);
    return stmt;
  }
  if (sqlite3_prepare_v3 (store->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt,
                          NULL)
      != SQLITE_OK) {
    teema_store__fail (store, error, "preparing a query");
    return NULL;
  }
  g_hash_table_insert (store->stmts, (gpointer) sql, stmt);
  return stmt;
}

void
teema_store__bind_text (sqlite3_stmt *stmt, int i, const char *s)
{
  if (s)
    sqlite3_bind_text (stmt, i, s, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, i);
}

char *
teema_store__column_dup (sqlite3_stmt *stmt, int i)
{
  const unsigned char *s = sqlite3_column_text (stmt, i);
  return s ? g_strdup ((const char *) s) : NULL;
}

gboolean
teema_store__exec (TeemaStore *store, const char *sql, GError **error)
{
  char *msg = NULL;
  if (sqlite3_exec (store->db, sql, NULL, NULL, &msg) != SQLITE_OK) {
    g_set_error (error, TEEMA_ERROR, TEEMA_ERROR_STORE, "%s", msg);
    sqlite3_free (msg);
    return FALSE;
  }
  return TRUE;
}

/* Runs a prepared statement that returns no rows. */
gboolean
teema_store__step_done (TeemaStore *store, sqlite3_stmt *stmt, GError **error)
{
  int rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return teema_store__fail (store, error, "writing the project");
  return TRUE;
}

static int
user_version (TeemaStore *store)
{
  sqlite3_stmt *stmt =
    teema_store__prepare (store, "PRAGMA user_version", NULL);
  int v = -1;
  if (stmt && sqlite3_step (stmt) == SQLITE_ROW)
    v = sqlite3_column_int (stmt, 0);
  if (stmt)
    sqlite3_reset (stmt);
  return v;
}

int
teema_store__schema_version (void)
{
  return (int) G_N_ELEMENTS (migrations);
}

static gboolean
is_teema_file (TeemaStore *store, int version, gboolean create)
{
  if (version > 0)
    return TRUE;
  /* A version-0 file is ours only when we are creating it, and empty:
   * opening an empty file must not turn it into a project. */
  if (!create)
    return FALSE;
  sqlite3_stmt *stmt =
    teema_store__prepare (store, "SELECT count(*) FROM sqlite_master", NULL);
  gboolean empty = stmt && sqlite3_step (stmt) == SQLITE_ROW
                   && sqlite3_column_int (stmt, 0) == 0;
  if (stmt)
    sqlite3_reset (stmt);
  return empty;
}

static gboolean
migrate (TeemaStore *store, gboolean create, GError **error)
{
  int version = user_version (store);
  int target = teema_store__schema_version ();
  if (version < 0 || !is_teema_file (store, version, create)) {
    g_set_error (error, TEEMA_ERROR, TEEMA_ERROR_STORE,
                 "not a teema project (unknown database layout)");
    return FALSE;
  }
  if (version > target) {
    g_set_error (error, TEEMA_ERROR, TEEMA_ERROR_UNSUPPORTED,
                 "project schema %d is newer than this teema (%d): "
                 "upgrade teema",
                 version, target);
    return FALSE;
  }
  if (version == target)
    return TRUE;
  if (!teema_store__begin (store, error))
    return FALSE;
  for (int v = version; v < target; v++) {
    if (!teema_store__exec (store, migrations[v], error)) {
      teema_store__rollback (store);
      return FALSE;
    }
  }
  g_autofree char *pragma =
    g_strdup_printf ("PRAGMA user_version = %d", target);
  if (!teema_store__exec (store, pragma, error)) {
    teema_store__rollback (store);
    return FALSE;
  }
  return teema_store__commit (store, error);
}

static void
finalize_stmt (gpointer p)
{
  sqlite3_finalize (p);
}

TeemaStore *
teema_store__open (const char *path, gboolean create, GError **error)
{
  int flags = SQLITE_OPEN_READWRITE | (create ? SQLITE_OPEN_CREATE : 0);
  TeemaStore *store = g_new0 (TeemaStore, 1);
  store->stmts =
    g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL, finalize_stmt);
  if (sqlite3_open_v2 (path, &store->db, flags, NULL) != SQLITE_OK) {
    g_set_error (error, TEEMA_ERROR, TEEMA_ERROR_STORE, "%s: %s", path,
                 sqlite3_errmsg (store->db));
    teema_store__close (store);
    return NULL;
  }
  sqlite3_busy_timeout (store->db, 5000);
  sqlite3_extended_result_codes (store->db, 1);
  /* migrate() first: it refuses a file that is not ours before WAL, which
   * persists in the file, could change someone else's database. */
  if (!teema_store__exec (store, "PRAGMA foreign_keys = ON", error)
      || !migrate (store, create, error)
      || !teema_store__exec (store, "PRAGMA journal_mode = WAL", error)
      || !teema_store__exec (store, "PRAGMA synchronous = NORMAL", error)) {
    g_prefix_error (error, "%s: ", path);
    teema_store__close (store);
    return NULL;
  }
  return store;
}

void
teema_store__close (TeemaStore *store)
{
  if (!store)
    return;
  g_hash_table_destroy (store->stmts);
  sqlite3_close_v2 (store->db);
  g_free (store);
}

gboolean
teema_store__begin (TeemaStore *store, GError **error)
{
  return teema_store__exec (store, "BEGIN IMMEDIATE", error);
}

gboolean
teema_store__commit (TeemaStore *store, GError **error)
{
  return teema_store__exec (store, "COMMIT", error);
}

void
teema_store__rollback (TeemaStore *store)
{
  if (!sqlite3_get_autocommit (store->db))
    teema_store__exec (store, "ROLLBACK", NULL);
}

/* The integer in the first column of the first row of sql, run with one
 * text parameter; 0 when there is no row. */
static gint64
lookup_id (TeemaStore *store, const char *sql, const char *param)
{
  sqlite3_stmt *stmt = teema_store__prepare (store, sql, NULL);
  if (!stmt)
    return 0;
  teema_store__bind_text (stmt, 1, param);
  gint64 id = 0;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return id;
}

/* ---- settings ---------------------------------------------------------- */

char *
teema_store__get_setting (TeemaStore *store, const char *key)
{
  sqlite3_stmt *stmt = teema_store__prepare (
    store, "SELECT value FROM setting WHERE key = ?", NULL);
  if (!stmt)
    return NULL;
  teema_store__bind_text (stmt, 1, key);
  char *value = NULL;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = teema_store__column_dup (stmt, 0);
  sqlite3_reset (stmt);
  return value;
}

gboolean
teema_store__set_setting (TeemaStore *store, const char *key, const char *value,
                          GError **error)
{
  sqlite3_stmt *stmt = teema_store__prepare (
    store,
    "INSERT INTO setting (key, value) VALUES (?, ?) "
    "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
    error);
  if (!stmt)
    return FALSE;
  teema_store__bind_text (stmt, 1, key);
  teema_store__bind_text (stmt, 2, value);
  return teema_store__step_done (store, stmt, error);
}

/* ---- informants -------------------------------------------------------- */

gint64
teema_store__find_informant (TeemaStore *store, const char *code)
{
  return lookup_id (store, "SELECT id FROM informant WHERE code = ?", code);
}

gint64
teema_store__ensure_informant (TeemaStore *store, const char *code,
                               GError **error)
{
  gint64 id = teema_store__find_informant (store, code);
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
  teema_store__bind_text (stmt, 2, value && *value ? value : NULL);
  if (sqlite3_bind_parameter_count (stmt) >= 3)
    teema_store__bind_text (stmt, 3, key);
  return teema_store__step_done (store, stmt, error);
}

static void
load_informant_attrs (TeemaStore *store, gint64 id, TeemaInformant *inf)
{
  sqlite3_stmt *stmt = teema_store__prepare (
    store,
    "SELECT key, value FROM informant_attr WHERE informant_id = ? "
    "ORDER BY key",
    NULL);
  if (!stmt)
    return;
  sqlite3_bind_int64 (stmt, 1, id);
  while (sqlite3_step (stmt) == SQLITE_ROW) {
    g_ptr_array_add (inf->keys, teema_store__column_dup (stmt, 0));
    g_ptr_array_add (inf->values, teema_store__column_dup (stmt, 1));
  }
  sqlite3_reset (stmt);
}

GPtrArray *
teema_store__list_informants (TeemaStore *store, GError **error)
{
  sqlite3_stmt *stmt = teema_store__prepare (
    store,
    "SELECT i.id, i.code, i.grp, i.role,"
    "  (SELECT count(*) FROM document d WHERE d.informant_id = i.id),"
    "  (SELECT coalesce(sum(s.n_words), 0) FROM segment s JOIN document d"
    "     ON d.id = s.document_id WHERE d.informant_id = i.id"
    "     AND s.interviewer = 0) "
    "FROM informant i ORDER BY i.grp IS NULL, i.grp, i.code",
    error);
  if (!stmt)
    return NULL;
  GPtrArray *out =
    g_ptr_array_new_with_free_func ((GDestroyNotify) teema_informant_free);
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  while (sqlite3_step (stmt) == SQLITE_ROW) {
    TeemaInformant *inf = g_new0 (TeemaInformant, 1);
    gint64 id = sqlite3_column_int64 (stmt, 0);
    inf->code = teema_store__column_dup (stmt, 1);
    inf->group = teema_store__column_dup (stmt, 2);
    inf->role = teema_store__column_dup (stmt, 3);
    inf->n_documents = sqlite3_column_int (stmt, 4);
    inf->n_words = sqlite3_column_int (stmt, 5);
    inf->keys = g_ptr_array_new_with_free_func (g_free);
    inf->values = g_ptr_array_new_with_free_func (g_free);
    g_ptr_array_add (out, inf);
    g_array_append_val (ids, id);
  }
  sqlite3_reset (stmt);
  for (guint i = 0; i < out->len; i++)
    load_informant_attrs (store, g_array_index (ids, gint64, i), out->pdata[i]);
  g_array_unref (ids);
  return out;
}

/* ---- documents and segments -------------------------------------------- */

gint64
teema_store__find_document_by_hash (TeemaStore *store, const char *sha256)
{
  return lookup_id (store, "SELECT id FROM document WHERE sha256 = ?", sha256);
}

gboolean
teema_store__delete_document (TeemaStore *store, gint64 id, GError **error)
{
  sqlite3_stmt *stmt =
    teema_store__prepare (store, "DELETE FROM document WHERE id = ?", error);
  if (!stmt)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  return teema_store__step_done (store, stmt, error);
}

gint64
teema_store__insert_document (TeemaStore *store, const char *name,
                              const char *path, const char *sha256,
                              const char *text, guint n_chars,
                              gint64 informant_id, const char *segmentation,
                              GError **error)
{
  sqlite3_stmt *stmt = teema_store__prepare (
    store,
    "INSERT INTO document (name, path, sha256, text, n_chars,"
    " informant_id, segmentation, imported_at)"
    " VALUES (?, ?, ?, ?, ?, ?, ?, strftime('%Y-%m-%dT%H:%M:%SZ'))",
    error);
  if (!stmt)
    return 0;
  teema_store__bind_text (stmt, 1, name);
  teema_store__bind_text (stmt, 2, path);
  teema_store__bind_text (stmt, 3, sha256);
  teema_store__bind_text (stmt, 4, text);
  sqlite3_bind_int (stmt, 5, (int) n_chars);
  sqlite3_bind_int64 (stmt, 6, informant_id);
  teema_store__bind_text (stmt, 7, segmentation);
  if (!teema_store__step_done (store, stmt, error))
    return 0;
  return sqlite3_last_insert_rowid (store->db);
}

gint64
teema_store__insert_segment (TeemaStore *store, const TeemaSegment *seg,
                             GError **error)
{
  sqlite3_stmt *stmt = teema_store__prepare (
    store,
    "INSERT INTO segment (document_id, ordinal, speaker, interviewer,"
    " start, end, n_words, timestamp, text)"
    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
    error);
  if (!stmt)
    return 0;
  sqlite3_bind_int64 (stmt, 1, seg->document_id);
  sqlite3_bind_int (stmt, 2, (int) seg->ordinal);
  teema_store__bind_text (stmt, 3, seg->speaker);
  sqlite3_bind_int (stmt, 4, seg->interviewer ? 1 : 0);
  sqlite3_bind_int (stmt, 5, (int) seg->start);
  sqlite3_bind_int (stmt, 6, (int) seg->end);
  sqlite3_bind_int (stmt, 7, (int) seg->n_words);
  teema_store__bind_text (stmt, 8, seg->timestamp);
  teema_store__bind_text (stmt, 9, seg->text);
  if (!teema_store__step_done (store, stmt, error))
    return 0;
  return sqlite3_last_insert_rowid (store->db);
}

#define SEGMENT_COLUMNS                                                        \
  "SELECT s.id, s.document_id, d.name, s.ordinal, s.speaker, i.code, i.grp,"   \
  " s.interviewer, s.start, s.end, s.n_words, s.timestamp, s.text "            \
  "FROM segment s JOIN document d ON d.id = s.document_id "                    \
  "LEFT JOIN informant i ON i.id = d.informant_id "

static TeemaSegment *
read_segment (sqlite3_stmt *stmt)
{
  TeemaSegment *s = g_new0 (TeemaSegment, 1);
  s->id = sqlite3_column_int64 (stmt, 0);
  s->document_id = sqlite3_column_int64 (stmt, 1);
  s->document = teema_store__column_dup (stmt, 2);
  s->ordinal = sqlite3_column_int (stmt, 3);
  s->speaker = teema_store__column_dup (stmt, 4);
  s->informant = teema_store__column_dup (stmt, 5);
  s->group = teema_store__column_dup (stmt, 6);
  s->interviewer = sqlite3_column_int (stmt, 7) != 0;
  s->start = sqlite3_column_int (stmt, 8);
  s->end = sqlite3_column_int (stmt, 9);
  s->n_words = sqlite3_column_int (stmt, 10);
  s->timestamp = teema_store__column_dup (stmt, 11);
  s->text = teema_store__column_dup (stmt, 12);
  return s;
}

GPtrArray *
teema_store__list_segments (TeemaStore *store, const TeemaSegmentFilter *filter,
                            GError **error)
{
  sqlite3_stmt *stmt = teema_store__prepare (
    store,
    SEGMENT_COLUMNS
    "WHERE (?1 IS NULL OR i.code = ?1) AND (?2 IS NULL OR i.grp = ?2)"
    " AND (?3 OR s.interviewer = 0) ORDER BY d.id, s.ordinal",
    error);
  if (!stmt)
    return NULL;
  teema_store__bind_text (stmt, 1, filter ? filter->informant : NULL);
  teema_store__bind_text (stmt, 2, filter ? filter->group : NULL);
  sqlite3_bind_int (stmt, 3, filter && filter->include_interviewer);
  GPtrArray *out =
    g_ptr_array_new_with_free_func ((GDestroyNotify) teema_segment_free);
  int rc;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (out, read_segment (stmt));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE) {
    g_ptr_array_unref (out);
    teema_store__fail (store, error, "reading segments");
    return NULL;
  }
  return out;
}

gboolean
teema_store__foreach_segment (TeemaStore *store,
                              const TeemaSegmentFilter *filter,
                              TeemaSegmentFunc fn, gpointer data,
                              GError **error)
{
  /* Its own statement, so that fn may list segments meanwhile. */
  sqlite3_stmt *stmt = NULL;
  if (sqlite3_prepare_v2 (
        store->db,
        SEGMENT_COLUMNS
        "WHERE (?1 IS NULL OR i.code = ?1) AND (?2 IS NULL OR i.grp = ?2)"
        " AND (?3 OR s.interviewer = 0) ORDER BY d.id, s.ordinal",
        -1, &stmt, NULL)
      != SQLITE_OK)
    return teema_store__fail (store, error, "reading segments");
  teema_store__bind_text (stmt, 1, filter ? filter->informant : NULL);
  teema_store__bind_text (stmt, 2, filter ? filter->group : NULL);
  sqlite3_bind_int (stmt, 3, filter && filter->include_interviewer);
  int rc;
  gboolean ok = TRUE;
  while (ok && (rc = sqlite3_step (stmt)) == SQLITE_ROW) {
    TeemaSegment *seg = read_segment (stmt);
    ok = fn (seg, data, error);
    teema_segment_free (seg);
  }
  if (ok && rc != SQLITE_DONE)
    ok = teema_store__fail (store, error, "reading segments");
  sqlite3_finalize (stmt);
  return ok;
}

guint
teema_store__count_segments (TeemaStore *store,
                             const TeemaSegmentFilter *filter)
{
  sqlite3_stmt *stmt = teema_store__prepare (
    store,
    "SELECT count(*) FROM segment s JOIN document d"
    " ON d.id = s.document_id LEFT JOIN informant i"
    " ON i.id = d.informant_id"
    " WHERE (?1 IS NULL OR i.code = ?1) AND (?2 IS NULL OR i.grp = ?2)"
    " AND (?3 OR s.interviewer = 0)",
    NULL);
  if (!stmt)
    return 0;
  teema_store__bind_text (stmt, 1, filter ? filter->informant : NULL);
  teema_store__bind_text (stmt, 2, filter ? filter->group : NULL);
  sqlite3_bind_int (stmt, 3, filter && filter->include_interviewer);
  guint n = 0;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    n = (guint) sqlite3_column_int (stmt, 0);
  sqlite3_reset (stmt);
  return n;
}

TeemaSegment *
teema_store__get_segment (TeemaStore *store, gint64 id, GError **error)
{
  sqlite3_stmt *stmt =
    teema_store__prepare (store, SEGMENT_COLUMNS "WHERE s.id = ?", error);
  if (!stmt)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  TeemaSegment *s = NULL;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    s = read_segment (stmt);
  sqlite3_reset (stmt);
  if (!s)
    g_set_error (
      error, TEEMA_ERROR, TEEMA_ERROR_NOT_FOUND,
      "no segment %" G_GINT64_FORMAT " (see 'teema segments' for ids)", id);
  return s;
}

/* ---- themes -------------------------------------------------------------- */

gint64
teema_store__find_theme (TeemaStore *store, const char *code)
{
  return lookup_id (store, "SELECT id FROM theme WHERE code = ?", code);
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
  teema_store__bind_text (stmt, 3, t->label_fi);
  teema_store__bind_text (stmt, 4, t->label_en);
  teema_store__bind_text (stmt, 5, t->description);
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
  return (guint) lookup_id (
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

/* ---- codings ----------------------------------------------------------- */

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
  return lookup_id (store, "SELECT id FROM coder WHERE name = ?", name);
}

gboolean
teema_store__add_coding (TeemaStore *store, gint64 segment_id,
                         const char *theme, const char *coder, guint start,
                         guint end, const char *note, gboolean *added,
                         GError **error)
{
  gint64 theme_id = teema_store__find_theme (store, theme);
  if (!theme_id) {
    g_set_error (error, TEEMA_ERROR, TEEMA_ERROR_NOT_FOUND,
                 "unknown theme '%s' (see 'teema codebook list')", theme);
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
  teema_store__bind_text (stmt, 6, note);
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

guint
teema_store__coding_key_hash (gconstpointer key)
{
  guint64 k = GPOINTER_TO_SIZE (key);
  k ^= k >> 33;
  k *= G_GUINT64_CONSTANT (0xff51afd7ed558ccd);
  k ^= k >> 33;
  return (guint) k;
}

GHashTable *
teema_store__coding_key_set (void)
{
  return g_hash_table_new (teema_store__coding_key_hash, g_direct_equal);
}

GHashTable *
teema_store__coding_keys (TeemaStore *store, const char *coder, GError **error)
{
  sqlite3_stmt *stmt = teema_store__prepare (
    store,
    "SELECT segment_id, theme_id FROM coding"
    " WHERE coder_id = (SELECT id FROM coder WHERE name = ?)",
    error);
  if (!stmt)
    return NULL;
  teema_store__bind_text (stmt, 1, coder);
  GHashTable *keys = teema_store__coding_key_set ();
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_hash_table_add (keys, TEEMA_CODING_KEY (sqlite3_column_int64 (stmt, 0),
                                              sqlite3_column_int64 (stmt, 1)));
  sqlite3_reset (stmt);
  return keys;
}

GPtrArray *
teema_store__list_codings (TeemaStore *store, const TeemaCodingFilter *f,
                           GError **error)
{
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
  GPtrArray *out =
    g_ptr_array_new_with_free_func ((GDestroyNotify) teema_coding_free);
  while (sqlite3_step (stmt) == SQLITE_ROW) {
    TeemaCoding *c = g_new0 (TeemaCoding, 1);
    c->id = sqlite3_column_int64 (stmt, 0);
    c->segment_id = sqlite3_column_int64 (stmt, 1);
    c->theme = teema_store__column_dup (stmt, 2);
    c->coder = teema_store__column_dup (stmt, 3);
    c->informant = teema_store__column_dup (stmt, 4);
    c->start = sqlite3_column_int (stmt, 5);
    c->end = sqlite3_column_int (stmt, 6);
    c->created_at = teema_store__column_dup (stmt, 7);
    c->note = teema_store__column_dup (stmt, 8);
    g_ptr_array_add (out, c);
  }
  sqlite3_reset (stmt);
  return out;
}

/* ---- analysis cache ---------------------------------------------------- */

char *
teema_store__load_analyses (TeemaStore *store, const char *backend)
{
  sqlite3_stmt *stmt = teema_store__prepare (
    store, "SELECT form, data FROM analysis WHERE backend = ?", NULL);
  if (!stmt)
    return NULL;
  teema_store__bind_text (stmt, 1, backend);
  GString *out = g_string_new (NULL);
  while (sqlite3_step (stmt) == SQLITE_ROW) {
    g_string_append (out, (const char *) sqlite3_column_text (stmt, 0));
    g_string_append_c (out, '\t');
    g_string_append (out, (const char *) sqlite3_column_text (stmt, 1));
    g_string_append_c (out, '\n');
  }
  sqlite3_reset (stmt);
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
