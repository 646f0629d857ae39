/* store/documents.c — documents and their segments.
 * Must always hold: like every file of the store, nothing here begins or
 * commits a transaction, and every value is a bound parameter. */
#include "store/store-private.h"

#include <string.h>

gint64
teema_store__find_document_by_hash (TeemaStore *store, const char *sha256)
{
  return teema_store__lookup_id (
    store, "SELECT id FROM document WHERE sha256 = ?", sha256);
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
  teema_store__bind_user_text (stmt, 4, text);
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
  teema_store__bind_user_text (stmt, 9, seg->text);
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

GPtrArray *
teema_store__document_list (TeemaStore *store, GError **error)
{
  sqlite3_stmt *stmt = teema_store__prepare (
    store,
    "SELECT d.id, d.name, d.path, i.code, d.segmentation, d.imported_at,"
    " (SELECT count(*) FROM segment s WHERE s.document_id = d.id"
    "   AND s.interviewer = 0),"
    " (SELECT coalesce(sum(s.n_words), 0) FROM segment s"
    "   WHERE s.document_id = d.id AND s.interviewer = 0)"
    " FROM document d LEFT JOIN informant i ON i.id = d.informant_id"
    " ORDER BY d.id",
    error);
  if (!stmt)
    return NULL;
  GPtrArray *out =
    g_ptr_array_new_with_free_func ((GDestroyNotify) teema_document_free);
  int rc;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW) {
    TeemaDocument *d = g_new0 (TeemaDocument, 1);
    d->id = sqlite3_column_int64 (stmt, 0);
    d->name = teema_store__column_dup (stmt, 1);
    d->path = teema_store__column_dup (stmt, 2);
    d->informant = teema_store__column_dup (stmt, 3);
    d->segmentation = teema_store__column_dup (stmt, 4);
    d->imported_at = teema_store__column_dup (stmt, 5);
    d->n_segments = (guint) sqlite3_column_int (stmt, 6);
    d->n_words = (guint) sqlite3_column_int (stmt, 7);
    g_ptr_array_add (out, d);
  }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE) {
    g_ptr_array_unref (out);
    teema_store__fail (store, error, "reading documents");
    return NULL;
  }
  return out;
}
