/* store/lifecycle.c — finding, renaming, replacing and removing documents
 * and informants, and what a removal takes with it.
 *
 * Deleting a document deletes its segments, and through the schema's
 * ON DELETE CASCADE their codings, memos, rejections and set-aside items.
 * A document's text lives in document_text, its segments' in segment_text
 * (schema 4); replacing the text updates both tables' rows, never the
 * narrow document and segment rows' layout.
 * Must always hold: like every file of the store, nothing here begins or
 * commits a transaction, every value is a bound parameter, and every read
 * ends in teema_store__finish. */
#include "store/store-private.h"

#include <string.h>

static gboolean
is_number (const char *s)
{
  if (!*s)
    return FALSE;
  for (; *s; s++)
    if (!g_ascii_isdigit (*s))
      return FALSE;
  return TRUE;
}

GArray *
teema_store__find_documents (TeemaStore *store, const char *name,
                             GError **error)
{
  sqlite3_stmt *stmt = teema_store__prepare (
    store,
    "SELECT id FROM document WHERE name = ?1 OR (?2 AND id = CAST(?1 AS "
    "INTEGER)) ORDER BY id",
    error);
  if (!stmt)
    return NULL;
  teema_store__bind_text (stmt, 1, name);
  sqlite3_bind_int (stmt, 2, is_number (name));
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  int rc;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW) {
    gint64 id = sqlite3_column_int64 (stmt, 0);
    g_array_append_val (ids, id);
  }
  if (!teema_store__finish (store, stmt, rc, "reading documents", error)) {
    g_array_unref (ids);
    return NULL;
  }
  return ids;
}

TeemaStoreDocument *
teema_store__get_document (TeemaStore *store, gint64 id, GError **error)
{
  sqlite3_stmt *stmt = teema_store__prepare (
    store,
    "SELECT d.name, d.path, d.sha256, t.text, i.code, d.segmentation"
    " FROM document d LEFT JOIN informant i ON i.id = d.informant_id"
    " LEFT JOIN document_text t ON t.document_id = d.id WHERE d.id = ?",
    error);
  if (!stmt)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  TeemaStoreDocument *d = NULL;
  int rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW) {
    d = g_new0 (TeemaStoreDocument, 1);
    d->id = id;
    d->name = teema_store__column_dup (stmt, 0);
    d->path = teema_store__column_dup (stmt, 1);
    d->sha256 = teema_store__column_dup (stmt, 2);
    d->text = teema_store__column_dup (stmt, 3);
    d->informant = teema_store__column_dup (stmt, 4);
    d->segmentation = teema_store__column_dup (stmt, 5);
  }
  if (!teema_store__finish (store, stmt, rc, "reading a document", error)) {
    teema_store_document__free (d);
    return NULL;
  }
  if (!d)
    g_set_error (error, TEEMA_ERROR, TEEMA_ERROR_NOT_FOUND,
                 _ ("no document %lld"), (long long) id);
  return d;
}

gboolean
teema_store__rename_document (TeemaStore *store, gint64 id, const char *name,
                              GError **error)
{
  sqlite3_stmt *stmt = teema_store__prepare (
    store, "UPDATE document SET name = ? WHERE id = ?", error);
  if (!stmt)
    return FALSE;
  teema_store__bind_text (stmt, 1, name);
  sqlite3_bind_int64 (stmt, 2, id);
  return teema_store__step_done (store, stmt, error);
}

gboolean
teema_store__update_document (TeemaStore *store, gint64 id, const char *path,
                              const char *sha256, const char *text,
                              guint n_chars, gint64 informant_id,
                              const char *segmentation, GError **error)
{
  sqlite3_stmt *stmt = teema_store__prepare (
    store,
    "UPDATE document SET path = ?2, sha256 = ?3, n_chars = ?4,"
    " informant_id = ?5, segmentation = ?6,"
    " imported_at = strftime('%Y-%m-%dT%H:%M:%SZ') WHERE id = ?1",
    error);
  if (!stmt)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  teema_store__bind_text (stmt, 2, path);
  teema_store__bind_text (stmt, 3, sha256);
  sqlite3_bind_int (stmt, 4, (int) n_chars);
  sqlite3_bind_int64 (stmt, 5, informant_id);
  teema_store__bind_text (stmt, 6, segmentation);
  if (!teema_store__step_done (store, stmt, error))
    return FALSE;
  stmt = teema_store__prepare (
    store,
    "INSERT INTO document_text (document_id, text) VALUES (?1, ?2)"
    " ON CONFLICT (document_id) DO UPDATE SET text = excluded.text",
    error);
  if (!stmt)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  teema_store__bind_user_text (stmt, 2, text);
  return teema_store__step_done (store, stmt, error);
}

gboolean
teema_store__delete_segments (TeemaStore *store, gint64 document_id,
                              GError **error)
{
  sqlite3_stmt *stmt = teema_store__prepare (
    store, "DELETE FROM segment WHERE document_id = ?", error);
  if (!stmt)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, document_id);
  return teema_store__step_done (store, stmt, error);
}

/* ---- what a document holds ------------------------------------------------
 */

static GPtrArray *
read_codings (TeemaStore *store, sqlite3_stmt *stmt, gint64 id, GError **error)
{
  sqlite3_bind_int64 (stmt, 1, id);
  return teema_store__rows (store, stmt, teema_store__read_coding,
                            (GDestroyNotify) teema_coding_free,
                            "reading codings", error);
}

GPtrArray *
teema_store__document_codings (TeemaStore *store, gint64 id, GError **error)
{
  sqlite3_stmt *stmt = teema_store__prepare (
    store,
    "SELECT c.id, c.segment_id, t.code, k.name, NULL, c.start, c.end,"
    " c.created_at, c.note FROM coding c"
    " JOIN theme t ON t.id = c.theme_id JOIN coder k ON k.id = c.coder_id"
    " JOIN segment s ON s.id = c.segment_id WHERE s.document_id = ?"
    " ORDER BY s.ordinal, c.start, c.id",
    error);
  return stmt ? read_codings (store, stmt, id, error) : NULL;
}

GPtrArray *
teema_store__document_rejections (TeemaStore *store, gint64 id, GError **error)
{
  sqlite3_stmt *stmt = teema_store__prepare (
    store,
    "SELECT 0, r.segment_id, t.code, k.name, NULL, 0, 0, r.created_at, NULL"
    " FROM rejection r JOIN theme t ON t.id = r.theme_id"
    " JOIN coder k ON k.id = r.coder_id"
    " JOIN segment s ON s.id = r.segment_id WHERE s.document_id = ?"
    " ORDER BY s.ordinal",
    error);
  return stmt ? read_codings (store, stmt, id, error) : NULL;
}

static gpointer
read_memo (sqlite3_stmt *stmt)
{
  TeemaMemo *m = g_new0 (TeemaMemo, 1);
  m->segment_id = sqlite3_column_int64 (stmt, 0);
  m->coder = teema_store__column_dup (stmt, 1);
  m->text = teema_store__column_dup (stmt, 2);
  m->updated_at = teema_store__column_dup (stmt, 3);
  return m;
}

GPtrArray *
teema_store__document_memos (TeemaStore *store, gint64 id, GError **error)
{
  sqlite3_stmt *stmt = teema_store__prepare (
    store,
    "SELECT m.segment_id, k.name, m.text, m.updated_at FROM memo m"
    " JOIN coder k ON k.id = m.coder_id JOIN segment s ON s.id = m.segment_id"
    " WHERE s.document_id = ? ORDER BY s.ordinal, k.name",
    error);
  if (!stmt)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  return teema_store__rows (store, stmt, read_memo,
                            (GDestroyNotify) teema_memo_free, "reading memos",
                            error);
}

gboolean
teema_store__count_removal (TeemaStore *store, gint64 document,
                            gint64 informant, TeemaRemoval *out, GError **error)
{
  sqlite3_stmt *stmt = teema_store__prepare (
    store,
    "WITH docs AS (SELECT id FROM document WHERE id = ?1 OR informant_id = "
    "?2),"
    " segs AS (SELECT id FROM segment WHERE document_id IN docs)"
    " SELECT (SELECT count(*) FROM docs), (SELECT count(*) FROM segs),"
    " (SELECT count(*) FROM coding WHERE segment_id IN segs),"
    " (SELECT count(*) FROM memo WHERE segment_id IN segs)",
    error);
  if (!stmt)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, document);
  sqlite3_bind_int64 (stmt, 2, informant);
  int rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW) {
    out->n_documents = (guint) sqlite3_column_int (stmt, 0);
    out->n_segments = (guint) sqlite3_column_int (stmt, 1);
    out->n_codings = (guint) sqlite3_column_int (stmt, 2);
    out->n_memos = (guint) sqlite3_column_int (stmt, 3);
  }
  if (rc != SQLITE_ROW) {
    teema_store__fail (store, error, "counting what goes");
    sqlite3_reset (stmt);
    return FALSE;
  }
  sqlite3_reset (stmt);
  return TRUE;
}

GPtrArray *
teema_store__informant_documents (TeemaStore *store, const char *code,
                                  GError **error)
{
  sqlite3_stmt *stmt = teema_store__prepare (
    store,
    "SELECT d.name FROM document d JOIN informant i ON i.id = d.informant_id"
    " WHERE i.code = ? ORDER BY d.id",
    error);
  if (!stmt)
    return NULL;
  teema_store__bind_text (stmt, 1, code);
  GPtrArray *out = g_ptr_array_new_with_free_func (g_free);
  int rc;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (out, teema_store__column_dup (stmt, 0));
  if (!teema_store__finish (store, stmt, rc, "reading documents", error)) {
    g_ptr_array_unref (out);
    return NULL;
  }
  return out;
}

/* ---- informants -----------------------------------------------------------
 */

gboolean
teema_store__rename_informant (TeemaStore *store, gint64 id, const char *code,
                               GError **error)
{
  gint64 other = teema_store__find_informant (store, code, error);
  if (other < 0)
    return FALSE;
  if (other && other != id) {
    g_set_error (
      error, TEEMA_ERROR, TEEMA_ERROR_EXISTS,
      _ ("informant '%s' already exists (see 'teema informant list')"), code);
    return FALSE;
  }
  sqlite3_stmt *stmt = teema_store__prepare (
    store, "UPDATE informant SET code = ? WHERE id = ?", error);
  if (!stmt)
    return FALSE;
  teema_store__bind_text (stmt, 1, code);
  sqlite3_bind_int64 (stmt, 2, id);
  return teema_store__step_done (store, stmt, error);
}

gboolean
teema_store__delete_informant (TeemaStore *store, gint64 id, GError **error)
{
  sqlite3_stmt *stmt = teema_store__prepare (
    store, "DELETE FROM document WHERE informant_id = ?", error);
  if (!stmt)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!teema_store__step_done (store, stmt, error))
    return FALSE;
  stmt =
    teema_store__prepare (store, "DELETE FROM informant WHERE id = ?", error);
  if (!stmt)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  return teema_store__step_done (store, stmt, error);
}
