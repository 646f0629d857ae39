/* store/words.c — the word index as stored: the vocabulary (every folded
 * word form seen in a segment, with a small integer id) and, per document,
 * the words of each of its segments (document_words: one blob per
 * document, written by project/words.c and read by coding/words.c). One
 * row per document rather than per segment: reading the index is then a
 * few hundred rows at ten million words, and SQLite's cost per row, not
 * the bytes, was what a search paid for. Also the lookups that tie word
 * forms to the analysis cache, so that a search reads only the analyses
 * it needs.
 * Must always hold: like every file of the store, nothing here begins or
 * commits a transaction, every value is a bound parameter, and every read
 * ends in teema_store__finish. */
#include "store/store-private.h"

#include <string.h>

gboolean
teema_store__load_words (TeemaStore *store, TeemaWordFunc fn, gpointer data,
                         GError **error)
{
  sqlite3_stmt *stmt =
    teema_store__prepare (store, "SELECT id, form FROM word", error);
  if (!stmt)
    return FALSE;
  int rc;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    fn (sqlite3_column_int64 (stmt, 0),
        (const char *) sqlite3_column_text (stmt, 1), NULL, data);
  return teema_store__finish (store, stmt, rc, "reading the word index", error);
}

gint64
teema_store__insert_word (TeemaStore *store, const char *form, GError **error)
{
  sqlite3_stmt *stmt =
    teema_store__prepare (store, "INSERT INTO word (form) VALUES (?)", error);
  if (!stmt)
    return 0;
  teema_store__bind_text (stmt, 1, form);
  if (!teema_store__step_done (store, stmt, error))
    return 0;
  return sqlite3_last_insert_rowid (store->db);
}

static gboolean
set_blob (TeemaStore *store, const char *sql, gint64 document_id,
          const guint8 *data, gsize len, GError **error)
{
  sqlite3_stmt *stmt = teema_store__prepare (store, sql, error);
  if (!stmt)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, document_id);
  sqlite3_bind_blob (stmt, 2, len ? data : (const void *) "", (int) len,
                     SQLITE_STATIC);
  return teema_store__step_done (store, stmt, error);
}

gboolean
teema_store__set_document_words (TeemaStore *store, gint64 document_id,
                                 const guint8 *words, gsize len,
                                 const guint8 *totals, gsize totals_len,
                                 GError **error)
{
  return set_blob (store,
                   "INSERT OR REPLACE INTO document_words (document_id, words)"
                   " VALUES (?, ?)",
                   document_id, words, len, error)
         && teema_store__set_document_totals (store, document_id, totals,
                                              totals_len, error);
}

gboolean
teema_store__set_document_totals (TeemaStore *store, gint64 document_id,
                                  const guint8 *totals, gsize len,
                                  GError **error)
{
  return set_blob (store,
                   "INSERT OR REPLACE INTO document_totals"
                   " (document_id, totals) VALUES (?, ?)",
                   document_id, totals, len, error);
}

typedef gboolean (*RowFunc) (sqlite3_stmt *stmt, gpointer data, GError **error);

/* Calls row for each row of sql, on a statement of its own (not the
 * cache's): row writes to the project meanwhile. what names the read in
 * an error (a message marked where teema_store__fail is called). */
static gboolean
each_row_apart (TeemaStore *store, const char *sql, const char *what,
                RowFunc row, gpointer data, GError **error)
{
  sqlite3_stmt *stmt = NULL;
  if (sqlite3_prepare_v2 (store->db, sql, -1, &stmt, NULL) != SQLITE_OK)
    return teema_store__fail (store, error, what);
  int rc = SQLITE_DONE;
  gboolean ok = TRUE;
  while (ok && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    ok = row (stmt, data, error);
  if (ok && rc != SQLITE_DONE)
    ok = teema_store__fail (store, error, what);
  sqlite3_finalize (stmt);
  return ok;
}

typedef struct { /* the caller's function (one of the two) and its data */
  TeemaTextFunc text;
  TeemaBlobFunc blob;
  gpointer data;
} Apart;

static gboolean
unindexed_row (sqlite3_stmt *stmt, gpointer data, GError **error)
{
  const Apart *a = data;
  return a->text (sqlite3_column_int64 (stmt, 0),
                  sqlite3_column_int64 (stmt, 1),
                  sqlite3_column_int (stmt, 2) != 0,
                  (const char *) sqlite3_column_text (stmt, 3), a->data, error);
}

gboolean
teema_store__foreach_unindexed (TeemaStore *store, TeemaTextFunc fn,
                                gpointer data, GError **error)
{
  Apart a = { fn, NULL, data };
  return each_row_apart (store,
                         "SELECT s.document_id, s.id, s.interviewer, t.text"
                         " FROM segment s"
                         " JOIN segment_text t ON t.segment_id = s.id"
                         " WHERE s.document_id NOT IN"
                         "  (SELECT document_id FROM document_words)"
                         " ORDER BY s.document_id, s.id",
                         "reading segments", unindexed_row, &a, error);
}

static gboolean
untotalled_row (sqlite3_stmt *stmt, gpointer data, GError **error)
{
  const Apart *a = data;
  return a->blob (sqlite3_column_int64 (stmt, 0),
                  (const guint8 *) sqlite3_column_blob (stmt, 1),
                  (gsize) sqlite3_column_bytes (stmt, 1), a->data, error);
}

gboolean
teema_store__foreach_untotalled (TeemaStore *store, TeemaBlobFunc fn,
                                 gpointer data, GError **error)
{
  Apart a = { NULL, fn, data };
  return each_row_apart (store,
                         "SELECT w.document_id, w.words FROM document_words w"
                         " WHERE w.document_id NOT IN"
                         "  (SELECT document_id FROM document_totals)"
                         " ORDER BY w.document_id",
                         "reading the word index", untotalled_row, &a, error);
}

/* ?1 informant, ?2 group: every document, with its words or NULL. */
static const char document_words_sql[] =
  "SELECT d.id, i.code, i.grp, w.words, 0 FROM document d"
  " LEFT JOIN informant i ON i.id = d.informant_id"
  " LEFT JOIN document_words w ON w.document_id = d.id"
  " WHERE (?1 IS NULL OR i.code = ?1) AND (?2 IS NULL OR i.grp = ?2)"
  " ORDER BY d.id";

/* The same with each document's totals instead where it has them (the
 * words are read only where it has not). */
static const char document_totals_sql[] =
  "SELECT d.id, i.code, i.grp, coalesce(t.totals, w.words),"
  "  t.totals IS NOT NULL FROM document d"
  " LEFT JOIN informant i ON i.id = d.informant_id"
  " LEFT JOIN document_totals t ON t.document_id = d.id"
  " LEFT JOIN document_words w ON w.document_id = d.id"
  " WHERE (?1 IS NULL OR i.code = ?1) AND (?2 IS NULL OR i.grp = ?2)"
  " ORDER BY d.id";

static gboolean
foreach_document_blob (TeemaStore *store, const char *sql,
                       const char *informant, const char *group,
                       TeemaDocumentWordsFunc fn, gpointer data, GError **error)
{
  sqlite3_stmt *stmt = teema_store__prepare (store, sql, error);
  if (!stmt)
    return FALSE;
  teema_store__bind_text (stmt, 1, informant);
  teema_store__bind_text (stmt, 2, group);
  int rc;
  gboolean ok = TRUE;
  while (ok && (rc = sqlite3_step (stmt)) == SQLITE_ROW) {
    TeemaStoreDocumentWords row = {
      sqlite3_column_int64 (stmt, 0),
      (const char *) sqlite3_column_text (stmt, 1),
      (const char *) sqlite3_column_text (stmt, 2),
      sqlite3_column_type (stmt, 3) == SQLITE_NULL
        ? NULL
        : (const guint8 *) sqlite3_column_blob (stmt, 3),
      (gsize) sqlite3_column_bytes (stmt, 3),
      sqlite3_column_int (stmt, 4) != 0,
    };
    ok = fn (&row, data, error);
  }
  if (!ok) {
    sqlite3_reset (stmt);
    return FALSE;
  }
  return teema_store__finish (store, stmt, rc, "reading the word index", error);
}

gboolean
teema_store__foreach_document_words (TeemaStore *store, const char *informant,
                                     const char *group,
                                     TeemaDocumentWordsFunc fn, gpointer data,
                                     GError **error)
{
  return foreach_document_blob (store, document_words_sql, informant, group, fn,
                                data, error);
}

gboolean
teema_store__foreach_document_totals (TeemaStore *store,
                                      TeemaDocumentWordsFunc fn, gpointer data,
                                      GError **error)
{
  return foreach_document_blob (store, document_totals_sql, NULL, NULL, fn,
                                data, error);
}

/* The words whose form contains ?2, or whose stored analysis (backend ?1)
 * contains it, each with its stored analysis or NULL. */
static const char words_like_sql[] =
  "SELECT w.id, w.form, a.data FROM word w LEFT JOIN analysis a"
  " ON a.backend = ?1 AND a.form = w.form WHERE instr(w.form, ?2) > 0"
  " UNION "
  "SELECT w.id, w.form, a.data FROM analysis a JOIN word w ON w.form = a.form"
  " WHERE a.backend = ?1 AND instr(a.data, ?2) > 0";

/* Every word past id ?3 (with its analysis for backend ?1, or NULL), or
 * with ?2 only those without one. */
static const char words_all_sql[] =
  "SELECT w.id, w.form, a.data FROM word w LEFT JOIN analysis a"
  " ON a.backend = ?1 AND a.form = w.form"
  " WHERE w.id > ?3 AND (NOT ?2 OR a.data IS NULL)";

static gboolean
each_word (TeemaStore *store, sqlite3_stmt *stmt, TeemaWordFunc fn,
           gpointer data, GError **error)
{
  int rc;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    fn (sqlite3_column_int64 (stmt, 0),
        (const char *) sqlite3_column_text (stmt, 1),
        (const char *) sqlite3_column_text (stmt, 2), data);
  return teema_store__finish (store, stmt, rc, "reading the word index", error);
}

gboolean
teema_store__words_containing (TeemaStore *store, const char *backend,
                               const char *key, TeemaWordFunc fn, gpointer data,
                               GError **error)
{
  sqlite3_stmt *stmt = teema_store__prepare (store, words_like_sql, error);
  if (!stmt)
    return FALSE;
  teema_store__bind_text (stmt, 1, backend);
  teema_store__bind_text (stmt, 2, key);
  return each_word (store, stmt, fn, data, error);
}

gboolean
teema_store__words_analysed (TeemaStore *store, const char *backend,
                             gboolean unanalysed_only, gint64 after,
                             TeemaWordFunc fn, gpointer data, GError **error)
{
  sqlite3_stmt *stmt = teema_store__prepare (store, words_all_sql, error);
  if (!stmt)
    return FALSE;
  teema_store__bind_text (stmt, 1, backend);
  sqlite3_bind_int (stmt, 2, unanalysed_only ? 1 : 0);
  sqlite3_bind_int64 (stmt, 3, after);
  return each_word (store, stmt, fn, data, error);
}

gboolean
teema_store__vocabulary (TeemaStore *store, const char *backend,
                         TeemaWordFunc fn, gpointer data, GError **error)
{
  /* Two scans in the same (binary) order of forms, merged: the analysis
   * table's rows of backend and the word table's index on form. Joining
   * them looked each word up in the analysis table's tree instead. */
  sqlite3_stmt *words = teema_store__prepare (
    store, "SELECT id, form FROM word ORDER BY form", error);
  sqlite3_stmt *an =
    words ? teema_store__prepare (store,
                                  "SELECT form, data FROM analysis"
                                  " WHERE backend = ?1 ORDER BY form",
                                  error)
          : NULL;
  if (!an)
    return FALSE;
  teema_store__bind_text (an, 1, backend);
  int rc_an = sqlite3_step (an);
  int rc;
  while ((rc = sqlite3_step (words)) == SQLITE_ROW) {
    const char *form = (const char *) sqlite3_column_text (words, 1);
    int cmp = -1;
    while (rc_an == SQLITE_ROW
           && (cmp = strcmp ((const char *) sqlite3_column_text (an, 0), form))
                < 0)
      rc_an = sqlite3_step (an);
    fn (sqlite3_column_int64 (words, 0), form,
        rc_an == SQLITE_ROW && cmp == 0
          ? (const char *) sqlite3_column_text (an, 1)
          : NULL,
        data);
  }
  gboolean ok =
    teema_store__finish (store, words, rc, "reading the word index", error);
  /* (a row left: analyses of forms past the last word) */
  return teema_store__finish (store, an, rc_an, "reading the word index",
                              ok ? error : NULL)
         && ok;
}

gint64
teema_store__max_word (TeemaStore *store, GError **error)
{
  /* lookup_id binds one text parameter; this query has none to use. */
  return teema_store__lookup_id (
    store, "SELECT coalesce(max(id), 0) FROM word WHERE ?1 IS NULL", NULL,
    error);
}

char *
teema_store__analysis_of (TeemaStore *store, const char *backend,
                          const char *form, GError **error)
{
  sqlite3_stmt *stmt = teema_store__prepare (
    store, "SELECT data FROM analysis WHERE backend = ? AND form = ?", error);
  if (!stmt)
    return NULL;
  teema_store__bind_text (stmt, 1, backend);
  teema_store__bind_text (stmt, 2, form);
  char *out = NULL;
  int rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    out = teema_store__column_dup (stmt, 0);
  teema_store__finish (store, stmt, rc, "reading analyses", error);
  return out;
}
