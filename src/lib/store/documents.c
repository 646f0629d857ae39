/* store/documents.c — documents and their segments.
 *
 * Texts live in their own tables (document_text, segment_text), so that
 * scans and joins for counts read narrow rows; a segment's text is read
 * only when the caller asks for it. Must always hold: like every file of
 * the store, nothing here begins or commits a transaction, every value is
 * a bound parameter, and every read ends in teema_store__finish. */
#include "store/store-private.h"

#include <string.h>

gint64
teema_store__find_document_by_hash (TeemaStore *store, const char *sha256,
                                    GError **error)
{
  return teema_store__lookup_id (
    store, "SELECT id FROM document WHERE sha256 = ?", sha256, error);
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
    "INSERT INTO document (name, path, sha256, n_chars,"
    " informant_id, segmentation, imported_at)"
    " VALUES (?, ?, ?, ?, ?, ?, strftime('%Y-%m-%dT%H:%M:%SZ'))",
    error);
  if (!stmt)
    return 0;
  teema_store__bind_text (stmt, 1, name);
  teema_store__bind_text (stmt, 2, path);
  teema_store__bind_text (stmt, 3, sha256);
  sqlite3_bind_int (stmt, 4, (int) n_chars);
  sqlite3_bind_int64 (stmt, 5, informant_id);
  teema_store__bind_text (stmt, 6, segmentation);
  if (!teema_store__step_done (store, stmt, error))
    return 0;
  gint64 id = sqlite3_last_insert_rowid (store->db);
  stmt = teema_store__prepare (
    store, "INSERT INTO document_text (document_id, text) VALUES (?, ?)",
    error);
  if (!stmt)
    return 0;
  sqlite3_bind_int64 (stmt, 1, id);
  teema_store__bind_user_text (stmt, 2, text);
  return teema_store__step_done (store, stmt, error) ? id : 0;
}

gboolean
teema_store__count_document (TeemaStore *store, gint64 id, GError **error)
{
  sqlite3_stmt *stmt = teema_store__prepare (
    store,
    "UPDATE document SET"
    " n_segments = (SELECT count(*) FROM segment s"
    "  WHERE s.document_id = ?1 AND s.interviewer = 0),"
    " n_words = (SELECT coalesce(sum(s.n_words), 0) FROM segment s"
    "  WHERE s.document_id = ?1 AND s.interviewer = 0) WHERE id = ?1",
    error);
  if (!stmt)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  return teema_store__step_done (store, stmt, error);
}

gint64
teema_store__insert_segment (TeemaStore *store, const TeemaSegment *seg,
                             GError **error)
{
  sqlite3_stmt *stmt = teema_store__prepare (
    store,
    "INSERT INTO segment (document_id, ordinal, speaker, interviewer,"
    " start, end, n_words, timestamp) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
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
  if (!teema_store__step_done (store, stmt, error))
    return 0;
  gint64 id = sqlite3_last_insert_rowid (store->db);
  stmt = teema_store__prepare (
    store, "INSERT INTO segment_text (segment_id, text) VALUES (?, ?)", error);
  if (!stmt)
    return 0;
  sqlite3_bind_int64 (stmt, 1, id);
  teema_store__bind_user_text (stmt, 2, seg->text);
  return teema_store__step_done (store, stmt, error) ? id : 0;
}

/* The segment columns, with its text or (SEGMENT_NO_TEXT) without; the
 * segment table drives the join, in id order unless ordered otherwise. */
#define SEGMENT_COLUMNS                                                        \
  "SELECT s.id, s.document_id, d.name, s.ordinal, s.speaker, i.code, i.grp,"   \
  " s.interviewer, s.start, s.end, s.n_words, s.timestamp, "
#define SEGMENT_FROM                                                           \
  "FROM segment s CROSS JOIN document d ON d.id = s.document_id "              \
  "LEFT JOIN informant i ON i.id = d.informant_id "
#define SEGMENT_SELECT                                                         \
  SEGMENT_COLUMNS "t.text " SEGMENT_FROM                                       \
                  "LEFT JOIN segment_text t ON t.segment_id = s.id "
#define SEGMENT_NO_TEXT SEGMENT_COLUMNS "NULL " SEGMENT_FROM

#define SEGMENT_FILTER                                                         \
  "WHERE (?1 IS NULL OR i.code = ?1) AND (?2 IS NULL OR i.grp = ?2)"           \
  " AND (?3 OR s.interviewer = 0) "

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

static void
bind_filter (sqlite3_stmt *stmt, const TeemaSegmentFilter *filter)
{
  teema_store__bind_text (stmt, 1, filter ? filter->informant : NULL);
  teema_store__bind_text (stmt, 2, filter ? filter->group : NULL);
  sqlite3_bind_int (stmt, 3, filter && filter->include_interviewer);
}

static int
by_position (gconstpointer a, gconstpointer b)
{
  const TeemaSegment *x = *(TeemaSegment *const *) a;
  const TeemaSegment *y = *(TeemaSegment *const *) b;
  if (x->document_id != y->document_id)
    return x->document_id < y->document_id ? -1 : 1;
  return x->ordinal < y->ordinal ? -1 : x->ordinal > y->ordinal;
}

/* Segments are read in id order, one pass over the table; ids follow
 * document order except where a document was replaced, and then the list
 * is sorted by position. */
static void
order_by_position (GPtrArray *segs)
{
  for (guint i = 1; i < segs->len; i++)
    if (by_position (&segs->pdata[i - 1], &segs->pdata[i]) > 0) {
      g_ptr_array_sort (segs, by_position);
      return;
    }
}

GPtrArray *
teema_store__list_segments (TeemaStore *store, const TeemaSegmentFilter *filter,
                            GError **error)
{
  sqlite3_stmt *stmt =
    teema_store__prepare (store,
                          filter && filter->without_text
                            ? SEGMENT_NO_TEXT SEGMENT_FILTER "ORDER BY s.id"
                            : SEGMENT_SELECT SEGMENT_FILTER "ORDER BY s.id",
                          error);
  if (!stmt)
    return NULL;
  bind_filter (stmt, filter);
  GPtrArray *out =
    g_ptr_array_new_with_free_func ((GDestroyNotify) teema_segment_free);
  int rc;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (out, read_segment (stmt));
  if (!teema_store__finish (store, stmt, rc, "reading segments", error)) {
    g_ptr_array_unref (out);
    return NULL;
  }
  order_by_position (out);
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
  if (sqlite3_prepare_v2 (store->db,
                          SEGMENT_SELECT SEGMENT_FILTER "ORDER BY s.id", -1,
                          &stmt, NULL)
      != SQLITE_OK)
    return teema_store__fail (store, error, "reading segments");
  bind_filter (stmt, filter);
  int rc = SQLITE_DONE;
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

/* The (segment id, document id) rows stmt gives, in its order. */
static GArray *
read_keys (TeemaStore *store, sqlite3_stmt *stmt, GError **error)
{
  GArray *out = g_array_new (FALSE, FALSE, sizeof (TeemaStoreSegmentKey));
  int rc;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW) {
    TeemaStoreSegmentKey k = { sqlite3_column_int64 (stmt, 0),
                               sqlite3_column_int64 (stmt, 1) };
    g_array_append_val (out, k);
  }
  if (!teema_store__finish (store, stmt, rc, "reading segments", error)) {
    g_array_unref (out);
    return NULL;
  }
  return out;
}

GArray *
teema_store__segment_keys_list (TeemaStore *store,
                                const TeemaSegmentFilter *filter,
                                GError **error)
{
  sqlite3_stmt *stmt = teema_store__prepare (
    store,
    "SELECT s.id, s.document_id FROM segment s JOIN document d"
    " ON d.id = s.document_id LEFT JOIN informant i"
    " ON i.id = d.informant_id " SEGMENT_FILTER "ORDER BY d.id, s.ordinal",
    error);
  if (!stmt)
    return NULL;
  teema_store__bind_text (stmt, 1, filter ? filter->informant : NULL);
  teema_store__bind_text (stmt, 2, filter ? filter->group : NULL);
  sqlite3_bind_int (stmt, 3, filter && filter->include_interviewer);
  return read_keys (store, stmt, error);
}

GArray *
teema_store__document_segment_keys (TeemaStore *store, gint64 document,
                                    gboolean include_interviewer,
                                    GError **error)
{
  sqlite3_stmt *stmt = teema_store__prepare (
    store,
    "SELECT id, document_id FROM segment WHERE document_id = ?1"
    " AND (?2 OR interviewer = 0) ORDER BY ordinal",
    error);
  if (!stmt)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, document);
  sqlite3_bind_int (stmt, 2, include_interviewer ? 1 : 0);
  return read_keys (store, stmt, error);
}

gint64
teema_store__count_segments (TeemaStore *store,
                             const TeemaSegmentFilter *filter, GError **error)
{
  sqlite3_stmt *stmt =
    teema_store__prepare (store,
                          "SELECT count(*) FROM segment s JOIN document d"
                          " ON d.id = s.document_id LEFT JOIN informant i"
                          " ON i.id = d.informant_id " SEGMENT_FILTER,
                          error);
  if (!stmt)
    return -1;
  teema_store__bind_text (stmt, 1, filter ? filter->informant : NULL);
  teema_store__bind_text (stmt, 2, filter ? filter->group : NULL);
  sqlite3_bind_int (stmt, 3, filter && filter->include_interviewer);
  gint64 n = 0;
  int rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    n = sqlite3_column_int64 (stmt, 0);
  if (!teema_store__finish (store, stmt, rc, "counting segments", error))
    return -1;
  return n;
}

TeemaSegment *
teema_store__get_segment (TeemaStore *store, gint64 id, GError **error)
{
  sqlite3_stmt *stmt =
    teema_store__prepare (store, SEGMENT_SELECT "WHERE s.id = ?1", error);
  if (!stmt)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  TeemaSegment *s = NULL;
  int rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    s = read_segment (stmt);
  if (!teema_store__finish (store, stmt, rc, "reading a segment", error))
    return NULL;
  if (!s)
    g_set_error (error, TEEMA_ERROR, TEEMA_ERROR_NOT_FOUND,
                 _ ("no segment %lld (see 'teema segments' for ids)"),
                 (long long) id);
  return s;
}

char *
teema_store__segment_text (TeemaStore *store, gint64 id, GError **error)
{
  char *text = NULL;
  if (teema_store__text_of (
        store, "SELECT text FROM segment_text WHERE segment_id = ?", id,
        "reading a segment", &text, error)
      && !text)
    g_set_error (error, TEEMA_ERROR, TEEMA_ERROR_NOT_FOUND,
                 _ ("no segment %lld"), (long long) id);
  return text;
}

GPtrArray *
teema_store__document_list (TeemaStore *store, GError **error)
{
  sqlite3_stmt *stmt = teema_store__prepare (
    store,
    "SELECT d.id, d.name, d.path, i.code, d.segmentation, d.imported_at,"
    " d.n_segments, d.n_words,"
    " (SELECT count(*) FROM coding c JOIN segment s ON s.id = c.segment_id"
    "   WHERE s.document_id = d.id),"
    " (SELECT count(*) FROM aside a WHERE a.document_id = d.id)"
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
    d->n_codings = (guint) sqlite3_column_int (stmt, 8);
    d->n_aside = (guint) sqlite3_column_int (stmt, 9);
    g_ptr_array_add (out, d);
  }
  if (!teema_store__finish (store, stmt, rc, "reading documents", error)) {
    g_ptr_array_unref (out);
    return NULL;
  }
  return out;
}

GPtrArray *
teema_store__document_segments (TeemaStore *store, gint64 id, GError **error)
{
  sqlite3_stmt *stmt = teema_store__prepare (
    store, SEGMENT_SELECT "WHERE s.document_id = ? ORDER BY s.ordinal", error);
  if (!stmt)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  GPtrArray *out =
    g_ptr_array_new_with_free_func ((GDestroyNotify) teema_segment_free);
  int rc;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (out, read_segment (stmt));
  if (!teema_store__finish (store, stmt, rc, "reading segments", error)) {
    g_ptr_array_unref (out);
    return NULL;
  }
  return out;
}
