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
  /* 3: codings and memos that import --replace could not carry over to
   * the new text, kept with the text they were on. */
  "CREATE TABLE aside ("
  "  id INTEGER PRIMARY KEY,"
  "  document_id INTEGER NOT NULL REFERENCES document(id) ON DELETE CASCADE,"
  "  kind TEXT NOT NULL CHECK (kind IN ('coding', 'memo')),"
  "  theme TEXT, coder TEXT NOT NULL, text TEXT NOT NULL, note TEXT,"
  "  created_at TEXT, set_aside_at TEXT NOT NULL);"
  "CREATE INDEX aside_document ON aside(document_id);",
  /* 4: text apart from the rows that counts scan (a document's informant
   * sat behind its whole text, so every join through document walked the
   * text's overflow pages); indexes that cover the coding set; each
   * document's informant segments and words, counted once (every report
   * lists informants with them); the word index: the vocabulary, and each
   * document's segments' words (see words.c). */
  "CREATE TABLE segment_text ("
  "  segment_id INTEGER PRIMARY KEY REFERENCES segment(id) ON DELETE CASCADE,"
  "  text TEXT NOT NULL);"
  "INSERT INTO segment_text (segment_id, text) SELECT id, text FROM segment;"
  "ALTER TABLE segment DROP COLUMN text;"
  "CREATE TABLE document_text ("
  "  document_id INTEGER PRIMARY KEY REFERENCES document(id)"
  "   ON DELETE CASCADE, text TEXT NOT NULL);"
  "INSERT INTO document_text (document_id, text)"
  "  SELECT id, text FROM document;"
  "ALTER TABLE document DROP COLUMN text;"
  "DROP INDEX coding_theme;"
  "CREATE INDEX coding_theme ON coding(theme_id, coder_id, segment_id);"
  "DROP INDEX segment_document;"
  "CREATE INDEX segment_document ON segment(document_id, interviewer,"
  "  n_words);"
  "ALTER TABLE document ADD COLUMN n_segments INTEGER NOT NULL DEFAULT 0;"
  "ALTER TABLE document ADD COLUMN n_words INTEGER NOT NULL DEFAULT 0;"
  "UPDATE document SET"
  "  n_segments = (SELECT count(*) FROM segment s"
  "   WHERE s.document_id = document.id AND s.interviewer = 0),"
  "  n_words = (SELECT coalesce(sum(s.n_words), 0) FROM segment s"
  "   WHERE s.document_id = document.id AND s.interviewer = 0);"
  "CREATE INDEX document_informant ON document(informant_id);"
  "CREATE TABLE word (id INTEGER PRIMARY KEY, form TEXT NOT NULL UNIQUE);"
  "CREATE TABLE document_words ("
  "  document_id INTEGER PRIMARY KEY REFERENCES document(id)"
  "   ON DELETE CASCADE, words BLOB NOT NULL);",
};

gboolean
teema_store__fail (TeemaStore *store, GError **error, const char *what)
{
  /* what ("reading codings") is marked for xgettext by the keywords
   * teema_store__fail:3 and teema_store__finish:4 (po/meson.build). */
  g_set_error (error, TEEMA_ERROR, TEEMA_ERROR_STORE, "%s: %s", _ (what),
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

/* A database that is busy, locked or unreadable is an error in its own
 * words; any other failure to read the version means the file is not a
 * database at all (reported by the caller as not a teema project). */
static gboolean
unreadable (TeemaStore *store, GError **error)
{
  switch (sqlite3_errcode (store->db)) {
  case SQLITE_BUSY:
  case SQLITE_LOCKED:
  case SQLITE_IOERR:
  case SQLITE_CANTOPEN:
  case SQLITE_NOMEM:
    return !teema_store__fail (store, error, "reading the project");
  default:
    return FALSE;
  }
}

/* The schema version, or -1 (with error set only when unreadable). */
static int
user_version (TeemaStore *store, GError **error)
{
  sqlite3_stmt *stmt =
    teema_store__prepare (store, "PRAGMA user_version", NULL);
  int v = -1, rc = stmt ? sqlite3_step (stmt) : SQLITE_ERROR;
  if (rc == SQLITE_ROW)
    v = sqlite3_column_int (stmt, 0);
  else
    unreadable (store, error);
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
  GError *local = NULL;
  int version = user_version (store, &local);
  if (local) {
    g_propagate_error (error, local);
    return FALSE;
  }
  store->migrated = version > 0 && version < teema_store__schema_version ();
  int target = teema_store__schema_version ();
  if (version < 0 || !is_teema_file (store, version, create)) {
    g_set_error (error, TEEMA_ERROR, TEEMA_ERROR_STORE,
                 _ ("not a teema project (unknown database layout)"));
    return FALSE;
  }
  if (version > target) {
    g_set_error (error, TEEMA_ERROR, TEEMA_ERROR_UNSUPPORTED,
                 _ ("project schema %d is newer than this teema (%d): "
                    "upgrade teema"),
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
  /* NOMUTEX: a connection is used by one thread at a time (autocode's
   * workers never touch it), and SQLite's per-call locking was a quarter
   * of the cost of reading a report's rows. */
  int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX
              | (create ? SQLITE_OPEN_CREATE : 0);
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
teema_store__migrated (TeemaStore *store)
{
  return store->migrated;
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

gboolean
teema_store__begin_read (TeemaStore *store, gboolean *started, GError **error)
{
  *started = FALSE;
  if (!sqlite3_get_autocommit (store->db))
    return TRUE; /* inside the caller's transaction already */
  if (!teema_store__exec (store, "BEGIN DEFERRED", error))
    return FALSE;
  *started = TRUE;
  return TRUE;
}

void
teema_store__end_read (TeemaStore *store, gboolean started)
{
  if (started && !sqlite3_get_autocommit (store->db))
    teema_store__exec (store, "COMMIT", NULL);
}

gboolean
teema_store__finish (TeemaStore *store, sqlite3_stmt *stmt, int rc,
                     const char *what, GError **error)
{
  gboolean ok = rc == SQLITE_DONE || rc == SQLITE_ROW;
  if (!ok)
    teema_store__fail (store, error, what);
  sqlite3_reset (stmt);
  return ok;
}

gint64
teema_store__lookup_id (TeemaStore *store, const char *sql, const char *param,
                        GError **error)
{
  sqlite3_stmt *stmt = teema_store__prepare (store, sql, error);
  if (!stmt)
    return -1;
  teema_store__bind_text (stmt, 1, param);
  gint64 id = 0;
  int rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  if (!teema_store__finish (store, stmt, rc, "reading the project", error))
    return -1;
  return id;
}

/* ---- settings ---------------------------------------------------------- */

char *
teema_store__get_setting (TeemaStore *store, const char *key, GError **error)
{
  sqlite3_stmt *stmt = teema_store__prepare (
    store, "SELECT value FROM setting WHERE key = ?", error);
  if (!stmt)
    return NULL;
  teema_store__bind_text (stmt, 1, key);
  char *value = NULL;
  int rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    value = teema_store__column_dup (stmt, 0);
  teema_store__finish (store, stmt, rc, "reading a setting", error);
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
