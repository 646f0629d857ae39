/* store/store.c — the SQLite project file: schema, statements, settings.
 *
 * One file is one project. The schema carries its version in PRAGMA
 * user_version and the file says it is a project in PRAGMA
 * application_id; opening (store/open.c) checks both before writing and
 * runs the missing migrations in one transaction. Foreign keys are on and
 * the journal is WAL. Prepared
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
  /* 5: what a theme's rules are matched on: the whole segment, or each
   * sentence of it (a codebook's "scope:"). */
  ("ALTER TABLE theme ADD COLUMN scope TEXT NOT NULL DEFAULT 'segment'"
   "  CHECK (scope IN ('segment', 'sentence'));"),
  /* 6: per document, its informant turns' words summed (what keyness
   * counts), derived from document_words and written with it. Its own
   * table: a column after the words would sit behind their overflow
   * pages. Projects upgraded to it get the totals on first open. */
  "CREATE TABLE document_totals ("
  "  document_id INTEGER PRIMARY KEY REFERENCES document(id)"
  "   ON DELETE CASCADE, totals BLOB NOT NULL);",
  /* 7: a theme's evidence lines (codebook "evidence: TERM WEIGHT"). */
  "CREATE TABLE theme_evidence ("
  "  theme_id INTEGER NOT NULL REFERENCES theme(id) ON DELETE CASCADE,"
  "  ordinal INTEGER NOT NULL, term TEXT NOT NULL, weight REAL NOT NULL);"
  "CREATE INDEX theme_evidence_theme ON theme_evidence(theme_id);",
};

gboolean
teema_store__fail (TeemaStore *store, GError **error, const char *what)
{
  /* what ("reading codings") is marked for xgettext by the keywords
   * teema_store__fail:3 and teema_store__finish:4 (po/meson.build). */
  int code = sqlite3_errcode (store->db);
  if (code == SQLITE_READONLY && store->readonly)
    g_set_error (error, TEEMA_ERROR, TEEMA_ERROR_STORE,
                 _ ("%s: cannot change the project: %s; nothing was changed"),
                 store->path, store->readonly);
  else
    g_set_error (error, TEEMA_ERROR, TEEMA_ERROR_STORE, "%s: %s: %s",
                 store->path, _ (what), sqlite3_errmsg (store->db));
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

/* XML 1.0 cannot hold C0 controls other than tab, LF and CR, nor U+FFFE
 * and U+FFFF; an export of a memo or a transcript holding one would not
 * parse. They are stored as the matching Control Picture (U+2400 + c,
 * e.g. U+241B for ESC) or U+FFFD: visible, and one code point for one, so
 * every offset into the text still holds. NULL when s needs no change. */
static char *
xml_safe (const char *s)
{
  const guchar *p = (const guchar *) s;
  for (; *p; p++)
    if ((*p < 0x20 && *p != '\t' && *p != '\n' && *p != '\r')
        || (p[0] == 0xEF && p[1] == 0xBF && (p[2] == 0xBE || p[2] == 0xBF)))
      break;
  if (!*p)
    return NULL;
  GString *out = g_string_new_len (s, (const char *) p - s);
  for (; *p; p++) {
    if (*p < 0x20 && *p != '\t' && *p != '\n' && *p != '\r')
      g_string_append_unichar (out, 0x2400 + *p);
    else if (p[0] == 0xEF && p[1] == 0xBF && (p[2] == 0xBE || p[2] == 0xBF)) {
      g_string_append_unichar (out, 0xFFFD);
      p += 2;
    } else
      g_string_append_c (out, (char) *p);
  }
  return g_string_free (out, FALSE);
}

void
teema_store__bind_user_text (sqlite3_stmt *stmt, int i, const char *s)
{
  g_autofree char *safe = s ? xml_safe (s) : NULL;
  teema_store__bind_text (stmt, i, safe ? safe : s);
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
  if (sqlite3_exec (store->db, sql, NULL, NULL, NULL) != SQLITE_OK)
    return teema_store__fail (store, error, "writing the project");
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

int
teema_store__schema_version (void)
{
  return (int) G_N_ELEMENTS (migrations);
}

const char *
teema_store__migration (int version)
{
  g_return_val_if_fail (
    version >= 0 && version < (int) G_N_ELEMENTS (migrations), "");
  return migrations[version];
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

gboolean
teema_store__text_of (TeemaStore *store, const char *sql, gint64 id,
                      const char *what, char **text, GError **error)
{
  *text = NULL;
  sqlite3_stmt *stmt = teema_store__prepare (store, sql, error);
  if (!stmt)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  int rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *text = teema_store__column_dup (stmt, 0);
  if (!teema_store__finish (store, stmt, rc, what, error)) {
    g_clear_pointer (text, g_free);
    return FALSE;
  }
  return TRUE;
}

GPtrArray *
teema_store__rows (TeemaStore *store, sqlite3_stmt *stmt,
                   gpointer (*row) (sqlite3_stmt *stmt),
                   GDestroyNotify free_row, const char *what, GError **error)
{
  GPtrArray *out = g_ptr_array_new_with_free_func (free_row);
  int rc;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (out, row (stmt));
  if (!teema_store__finish (store, stmt, rc, what, error)) {
    g_ptr_array_unref (out);
    return NULL;
  }
  return out;
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
