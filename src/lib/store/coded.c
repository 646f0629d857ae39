/* store/coded.c — the one query behind every count of coded segments:
 * which informant segments carry which theme.
 *
 * A theme is rolled up to its ancestors in SQL (a recursive walk over
 * theme.parent), and DISTINCT makes a segment count once per theme however
 * many coders or spans coded it. Rule codings that any coder rejected
 * (table rejection) do not count, unless the query asks for every rule
 * coding (evaluating the rules themselves). Segment text is never read.
 * The span query shares the same FROM and WHERE, so quotes print exactly
 * the codings that reports count.
 * Must always hold: interviewer turns never appear; every row is checked,
 * and a failed step is an error, never a short list. */
#include "store/store-private.h"

/* ?1 coder name or NULL, ?2 roll up (0/1), ?3 informant code or NULL,
 * ?4 group or NULL, ?5 the rule coder's name, ?6 1: rule codings count
 * even when rejected, ?7 1: only human coders (not ?5), ?8 only this
 * theme (code) or NULL. */
#define CODED_WITH                                                             \
  "WITH RECURSIVE up (id, anc) AS ("                                           \
  "  SELECT id, id FROM theme"                                                 \
  "  UNION"                                                                    \
  "  SELECT up.id, p.id FROM up JOIN theme t ON t.id = up.anc"                 \
  "   JOIN theme p ON p.code = t.parent COLLATE NOCASE WHERE ?2)"

#define CODED_FROM_WHERE                                                       \
  " FROM coding c"                                                             \
  " JOIN segment s ON s.id = c.segment_id AND s.interviewer = 0"               \
  " JOIN document d ON d.id = s.document_id"                                   \
  " LEFT JOIN informant i ON i.id = d.informant_id"                            \
  " JOIN up ON up.id = c.theme_id JOIN theme a ON a.id = up.anc"               \
  " WHERE (?1 IS NULL OR c.coder_id = (SELECT id FROM coder WHERE name = ?1))" \
  "  AND (?3 IS NULL OR i.code = ?3) AND (?4 IS NULL OR i.grp = ?4)"           \
  "  AND (?6 OR c.coder_id IS NOT (SELECT id FROM coder WHERE name = ?5)"      \
  "   OR NOT EXISTS (SELECT 1 FROM rejection r"                                \
  "    WHERE r.segment_id = c.segment_id AND r.theme_id = c.theme_id))"        \
  "  AND (NOT ?7 OR c.coder_id IS NOT (SELECT id FROM coder WHERE name = ?5))" \
  "  AND (?8 IS NULL OR a.code = ?8 COLLATE NOCASE)"

static const char coded_sql[] =
  CODED_WITH " SELECT DISTINCT a.code, s.id, s.document_id, s.ordinal, i.code,"
             "  s.n_words" CODED_FROM_WHERE;

static const char spans_sql[] =
  CODED_WITH " SELECT a.code, s.id, s.document_id, s.ordinal, i.code,"
             "  s.n_words, c.start, c.end" CODED_FROM_WHERE;

static sqlite3_stmt *
prepare (TeemaStore *store, const TeemaStoreCodedQuery *q, const char *sql,
         GError **error)
{
  sqlite3_stmt *stmt = teema_store__prepare (store, sql, error);
  if (!stmt)
    return NULL;
  teema_store__bind_text (stmt, 1, q->coder);
  sqlite3_bind_int (stmt, 2, q->roll_up ? 1 : 0);
  teema_store__bind_text (stmt, 3, q->informant);
  teema_store__bind_text (stmt, 4, q->group);
  teema_store__bind_text (stmt, 5, TEEMA_CODER_RULES);
  sqlite3_bind_int (stmt, 6, q->with_rejected ? 1 : 0);
  sqlite3_bind_int (stmt, 7, q->humans_only ? 1 : 0);
  teema_store__bind_text (stmt, 8, q->theme);
  return stmt;
}

gboolean
teema_store__foreach_coded (TeemaStore *store, const TeemaStoreCodedQuery *q,
                            TeemaCodedFunc fn, gpointer data, GError **error)
{
  sqlite3_stmt *stmt =
    prepare (store, q, q->spans ? spans_sql : coded_sql, error);
  if (!stmt)
    return FALSE;
  int rc;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW) {
    TeemaStoreCoded row = {
      (const char *) sqlite3_column_text (stmt, 0),
      sqlite3_column_int64 (stmt, 1),
      sqlite3_column_int64 (stmt, 2),
      (guint) sqlite3_column_int (stmt, 3),
      (const char *) sqlite3_column_text (stmt, 4),
      (guint) sqlite3_column_int (stmt, 5),
      q->spans ? (guint) sqlite3_column_int (stmt, 6) : 0,
      q->spans ? (guint) sqlite3_column_int (stmt, 7) : 0,
    };
    fn (&row, data);
  }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return teema_store__fail (store, error, "reading codings");
  return TRUE;
}
