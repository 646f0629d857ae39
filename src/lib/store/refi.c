/* store/refi.c — statements for REFI-QDA export and import.
 *
 * Reads for the exporter, one document at a time (its codings in span
 * order, its memos, its speakers, then its text), so that an export holds
 * one document in memory; writes codings with their original creation
 * time for the importer. Must always hold: only bound parameters; no
 * statement here commits; every read ends in teema_store__finish. */
#include "store/store-private.h"

void
teema_store_document__free (TeemaStoreDocument *d)
{
  if (!d)
    return;
  g_free (d->name);
  g_free (d->path);
  g_free (d->sha256);
  g_free (d->text);
  g_free (d->informant);
  g_free (d->segmentation);
  g_free (d);
}

GPtrArray *
teema_store__list_documents (TeemaStore *store, GError **error)
{
  sqlite3_stmt *stmt = teema_store__prepare (
    store,
    "SELECT d.id, d.name, d.path, d.sha256, NULL, i.code,"
    " d.segmentation FROM document d"
    " LEFT JOIN informant i ON i.id = d.informant_id ORDER BY d.id",
    error);
  if (!stmt)
    return NULL;
  GPtrArray *out = g_ptr_array_new_with_free_func (
    (GDestroyNotify) teema_store_document__free);
  int rc;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW) {
    TeemaStoreDocument *d = g_new0 (TeemaStoreDocument, 1);
    d->id = sqlite3_column_int64 (stmt, 0);
    d->name = teema_store__column_dup (stmt, 1);
    d->path = teema_store__column_dup (stmt, 2);
    d->sha256 = teema_store__column_dup (stmt, 3);
    d->text = teema_store__column_dup (stmt, 4);
    d->informant = teema_store__column_dup (stmt, 5);
    d->segmentation = teema_store__column_dup (stmt, 6);
    g_ptr_array_add (out, d);
  }
  if (!teema_store__finish (store, stmt, rc, "reading documents", error)) {
    g_ptr_array_unref (out);
    return NULL;
  }
  return out;
}

char *
teema_store__document_text (TeemaStore *store, gint64 id, GError **error)
{
  char *text = NULL;
  if (teema_store__text_of (
        store, "SELECT text FROM document_text WHERE document_id = ?", id,
        "reading a document", &text, error)
      && !text)
    g_set_error (error, TEEMA_ERROR, TEEMA_ERROR_NOT_FOUND,
                 _ ("no document %lld"), (long long) id);
  return text;
}

/* Steps a statement with its own cursor (the callback may read meanwhile)
 * and calls fn per row. */
static gboolean
each_row (TeemaStore *store, sqlite3_stmt *stmt,
          gboolean (*row) (sqlite3_stmt *stmt, gpointer fn, gpointer data,
                           GError **error),
          gpointer fn, gpointer data, GError **error)
{
  int rc = SQLITE_DONE;
  gboolean ok = TRUE;
  while (ok && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    ok = row (stmt, fn, data, error);
  if (ok && rc != SQLITE_DONE)
    ok = teema_store__fail (store, error, "reading the project");
  sqlite3_finalize (stmt);
  return ok;
}

static sqlite3_stmt *
prepare_own (TeemaStore *store, const char *sql, gint64 document,
             GError **error)
{
  sqlite3_stmt *stmt = NULL;
  if (sqlite3_prepare_v2 (store->db, sql, -1, &stmt, NULL) != SQLITE_OK) {
    teema_store__fail (store, error, "reading the project");
    sqlite3_finalize (stmt);
    return NULL;
  }
  sqlite3_bind_int64 (stmt, 1, document);
  return stmt;
}

static gboolean
coding_row (sqlite3_stmt *stmt, gpointer fn, gpointer data, GError **error)
{
  TeemaCoding c = { 0 };
  c.segment_id = sqlite3_column_int64 (stmt, 0);
  c.start = (guint) sqlite3_column_int (stmt, 1);
  c.end = (guint) sqlite3_column_int (stmt, 2);
  c.theme = (char *) sqlite3_column_text (stmt, 3);
  c.coder = (char *) sqlite3_column_text (stmt, 4);
  c.created_at = (char *) sqlite3_column_text (stmt, 5);
  c.note = (char *) sqlite3_column_text (stmt, 6);
  return ((TeemaStoreCodingFunc) fn) (&c, data, error);
}

gboolean
teema_store__foreach_document_coding (TeemaStore *store, gint64 document,
                                      gboolean with_notes_only,
                                      TeemaStoreCodingFunc fn, gpointer data,
                                      GError **error)
{
  /* Span order; equal spans by theme code and coder name, byte-wise. */
  sqlite3_stmt *stmt = prepare_own (
    store,
    "SELECT c.segment_id, c.start, c.end, t.code, k.name, c.created_at,"
    " c.note FROM segment s JOIN coding c ON c.segment_id = s.id"
    " JOIN theme t ON t.id = c.theme_id JOIN coder k ON k.id = c.coder_id"
    " WHERE s.document_id = ?1 AND (NOT ?2 OR coalesce(c.note, '') <> '')"
    " ORDER BY c.start, c.end, t.code COLLATE BINARY, k.name COLLATE BINARY",
    document, error);
  if (!stmt)
    return FALSE;
  sqlite3_bind_int (stmt, 2, with_notes_only ? 1 : 0);
  return each_row (store, stmt, coding_row, fn, data, error);
}

static gboolean
memo_row (sqlite3_stmt *stmt, gpointer fn, gpointer data, GError **error)
{
  TeemaStoreMemoSpan m = {
    (guint) sqlite3_column_int (stmt, 0),
    (guint) sqlite3_column_int (stmt, 1),
    (const char *) sqlite3_column_text (stmt, 2),
    (const char *) sqlite3_column_text (stmt, 3),
    (const char *) sqlite3_column_text (stmt, 4),
  };
  return ((TeemaStoreMemoFunc) fn) (&m, data, error);
}

gboolean
teema_store__foreach_document_memo (TeemaStore *store, gint64 document,
                                    TeemaStoreMemoFunc fn, gpointer data,
                                    GError **error)
{
  sqlite3_stmt *stmt = prepare_own (
    store,
    "SELECT s.start, s.end, k.name, m.text, m.updated_at FROM segment s"
    " JOIN memo m ON m.segment_id = s.id JOIN coder k ON k.id = m.coder_id"
    " WHERE s.document_id = ?1 ORDER BY s.ordinal, k.name",
    document, error);
  return stmt && each_row (store, stmt, memo_row, fn, data, error);
}

static gboolean
speaker_row (sqlite3_stmt *stmt, gpointer fn, gpointer data, GError **error)
{
  return ((TeemaStoreSpeakerFunc) fn) (
    (const char *) sqlite3_column_text (stmt, 0),
    sqlite3_column_int (stmt, 1) != 0, data, error);
}

gboolean
teema_store__foreach_document_speaker (TeemaStore *store, gint64 document,
                                       TeemaStoreSpeakerFunc fn, gpointer data,
                                       GError **error)
{
  sqlite3_stmt *stmt = prepare_own (
    store,
    "SELECT speaker, interviewer FROM segment WHERE document_id = ?1"
    " ORDER BY ordinal",
    document, error);
  return stmt && each_row (store, stmt, speaker_row, fn, data, error);
}

GPtrArray *
teema_store__list_coders (TeemaStore *store, GError **error)
{
  sqlite3_stmt *stmt =
    teema_store__prepare (store, "SELECT name FROM coder ORDER BY id", error);
  if (!stmt)
    return NULL;
  GPtrArray *out = g_ptr_array_new_with_free_func (g_free);
  int rc;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (out, teema_store__column_dup (stmt, 0));
  if (!teema_store__finish (store, stmt, rc, "reading coders", error)) {
    g_ptr_array_unref (out);
    return NULL;
  }
  return out;
}

gboolean
teema_store__insert_coding_at (TeemaStore *store, gint64 segment_id,
                               const char *theme, const char *coder,
                               guint start, guint end, const char *created_at,
                               const char *note, gboolean *added,
                               GError **error)
{
  gint64 theme_id = teema_store__find_theme (store, theme, error);
  if (theme_id < 0)
    return FALSE;
  if (!theme_id) {
    g_set_error (error, TEEMA_ERROR, TEEMA_ERROR_NOT_FOUND,
                 _ ("unknown theme '%s'"), theme);
    return FALSE;
  }
  gint64 coder_id = teema_store__ensure_coder (store, coder, error);
  if (!coder_id)
    return FALSE;
  sqlite3_stmt *stmt = teema_store__prepare (
    store,
    "INSERT INTO coding (segment_id, theme_id, coder_id, start, end,"
    " created_at, note) VALUES (?, ?, ?, ?, ?,"
    " coalesce(?, strftime('%Y-%m-%dT%H:%M:%SZ')), ?)"
    " ON CONFLICT DO NOTHING",
    error);
  if (!stmt)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, segment_id);
  sqlite3_bind_int64 (stmt, 2, theme_id);
  sqlite3_bind_int64 (stmt, 3, coder_id);
  sqlite3_bind_int (stmt, 4, (int) start);
  sqlite3_bind_int (stmt, 5, (int) end);
  teema_store__bind_text (stmt, 6, created_at);
  teema_store__bind_user_text (stmt, 7, note);
  if (!teema_store__step_done (store, stmt, error))
    return FALSE;
  if (added)
    *added = sqlite3_changes (store->db) > 0;
  return TRUE;
}
