/* store/coded.c — the one query behind every count of coded segments:
 * which codings sit on which informant segments.
 *
 * The rows come in segment id order, one per coding, with what a report
 * needs of the segment (document, position, informant, words) and never
 * its text. The query is answered from the coding table's unique index
 * (segment, theme, coder, start, end), which covers it, joined to the
 * narrow segment rows; with a theme given, from the (theme, coder,
 * segment) index for that theme and its descendants. Rolling a theme up
 * to its ancestors and counting a segment once per theme is the caller's
 * (reports/coding-set.c), on these ordered rows, without a temporary
 * B-tree. Rule codings that any coder rejected (table rejection) are left
 * out here, unless the query asks for every rule coding (evaluating the
 * rules themselves): a lookup in the rejection table's primary key, made
 * only for the rule coder's rows. Each row carries the coding's span and
 * its segment's, so that quotes print and reports count the same codings,
 * and a report can count only the words a partial coding covers.
 * Must always hold: interviewer turns never appear; rows of one segment
 * are adjacent and segments come in id order; a failed step is an error,
 * never a short list. */
#include "store/store-private.h"

/* ?1 coder name or NULL, ?9 a second coder's name or NULL (rows of either
 * coder, the last column saying which), ?3 informant code or NULL, ?4
 * group or NULL, ?6 the rule coder's name, ?7 1: rule codings count even
 * when rejected, ?8 1: only human coders (not ?6). The informant filters become
 * a set of documents, evaluated once; the caller maps documents to informants,
 * so no row joins them. */
#define CODED_COLUMNS                                                          \
  "SELECT s.id, c.theme_id, s.document_id, s.ordinal, s.n_words, c.start,"     \
  " c.end, s.start, s.end,"                                                    \
  " c.coder_id IS (SELECT id FROM coder WHERE name = ?9)"

#define CODED_DOCUMENTS                                                        \
  " (SELECT d.id FROM document d JOIN informant i ON i.id = d.informant_id"    \
  "  WHERE (?3 IS NULL OR i.code = ?3) AND (?4 IS NULL OR i.grp = ?4))"
#define CODED_FILTER                                                           \
  " WHERE s.interviewer = 0"                                                   \
  "  AND (?1 IS NULL"                                                          \
  "   OR c.coder_id IN (SELECT id FROM coder WHERE name IN (?1, ?9)))"         \
  "  AND ((?3 IS NULL AND ?4 IS NULL) OR s.document_id IN" CODED_DOCUMENTS ")" \
  "  AND (?7 OR c.coder_id IS NOT (SELECT id FROM coder WHERE name = ?6)"      \
  "   OR NOT EXISTS (SELECT 1 FROM rejection r"                                \
  "    WHERE r.segment_id = c.segment_id AND r.theme_id = c.theme_id))"        \
  "  AND (NOT ?8 OR c.coder_id IS NOT (SELECT id FROM coder WHERE name = ?6))"

/* Every coding: segments in id order drive the join (CROSS JOIN keeps
 * SQLite from choosing another order). */
#define CODED_ALL                                                              \
  " FROM segment s CROSS JOIN coding c ON c.segment_id = s.id" CODED_FILTER    \
  " ORDER BY s.id"

/* Codings on the documents of informant ?3: from their segments (index
 * segment_document), not a scan of every segment, so that a run over the
 * informants one at a time reads each one's rows once; the rows are then
 * sorted into id order (one informant's: a small sort). */
#define CODED_INFORMANT                                                        \
  " FROM segment s CROSS JOIN coding c ON c.segment_id = s.id" CODED_FILTER    \
  "  AND s.document_id IN" CODED_DOCUMENTS " ORDER BY s.id"

/* Codings of theme ?5 and, when ?2, of its descendants. */
#define CODED_THEME_WITH                                                       \
  "WITH RECURSIVE down (id) AS ("                                              \
  "  SELECT id FROM theme WHERE code = ?5"                                     \
  "  UNION"                                                                    \
  "  SELECT t.id FROM down JOIN theme p ON p.id = down.id"                     \
  "   JOIN theme t ON t.parent = p.code COLLATE NOCASE WHERE ?2) "
#define CODED_THEME                                                            \
  " FROM down CROSS JOIN coding c ON c.theme_id = down.id"                     \
  " JOIN segment s ON s.id = c.segment_id" CODED_FILTER " ORDER BY s.id"

static const char coded_all_sql[] = CODED_COLUMNS CODED_ALL;
static const char coded_theme_sql[] =
  CODED_THEME_WITH CODED_COLUMNS CODED_THEME;
static const char coded_informant_sql[] = CODED_COLUMNS CODED_INFORMANT;

static sqlite3_stmt *
prepare (TeemaStore *store, const TeemaStoreCodedQuery *q, GError **error)
{
  const char *sql = q->theme       ? coded_theme_sql
                    : q->informant ? coded_informant_sql
                                   : coded_all_sql;
  sqlite3_stmt *stmt = teema_store__prepare (store, sql, error);
  if (!stmt)
    return NULL;
  teema_store__bind_text (stmt, 1, q->coder);
  teema_store__bind_text (stmt, 9, q->coder ? q->second_coder : NULL);
  teema_store__bind_text (stmt, 3, q->informant);
  teema_store__bind_text (stmt, 4, q->group);
  if (q->theme) {
    sqlite3_bind_int (stmt, 2, q->roll_up ? 1 : 0);
    teema_store__bind_text (stmt, 5, q->theme);
  }
  teema_store__bind_text (stmt, 6, TEEMA_CODER_RULES);
  sqlite3_bind_int (stmt, 7, q->with_rejected ? 1 : 0);
  sqlite3_bind_int (stmt, 8, q->humans_only ? 1 : 0);
  return stmt;
}

gboolean
teema_store__foreach_coded (TeemaStore *store, const TeemaStoreCodedQuery *q,
                            TeemaCodedFunc fn, gpointer data, GError **error)
{
  sqlite3_stmt *stmt = prepare (store, q, error);
  if (!stmt)
    return FALSE;
  int rc;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW) {
    TeemaStoreCoded row = {
      sqlite3_column_int64 (stmt, 0),
      sqlite3_column_int64 (stmt, 1),
      sqlite3_column_int64 (stmt, 2),
      (guint) sqlite3_column_int (stmt, 3),
      (guint) sqlite3_column_int (stmt, 4),
      (guint) sqlite3_column_int (stmt, 5),
      (guint) sqlite3_column_int (stmt, 6),
      (guint) sqlite3_column_int (stmt, 7),
      (guint) sqlite3_column_int (stmt, 8),
      sqlite3_column_int (stmt, 9) != 0,
    };
    fn (&row, data);
  }
  return teema_store__finish (store, stmt, rc, "reading codings", error);
}

gboolean
teema_store__document_informants (TeemaStore *store, TeemaThemeIdFunc fn,
                                  gpointer data, GError **error)
{
  sqlite3_stmt *stmt =
    teema_store__prepare (store,
                          "SELECT d.id, i.code FROM document d"
                          " LEFT JOIN informant i ON i.id = d.informant_id",
                          error);
  if (!stmt)
    return FALSE;
  int rc;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    fn (sqlite3_column_int64 (stmt, 0),
        (const char *) sqlite3_column_text (stmt, 1), data);
  return teema_store__finish (store, stmt, rc, "reading documents", error);
}

gboolean
teema_store__theme_ids (TeemaStore *store, TeemaThemeIdFunc fn, gpointer data,
                        GError **error)
{
  sqlite3_stmt *stmt =
    teema_store__prepare (store, "SELECT id, code FROM theme", error);
  if (!stmt)
    return FALSE;
  int rc;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    fn (sqlite3_column_int64 (stmt, 0),
        (const char *) sqlite3_column_text (stmt, 1), data);
  return teema_store__finish (store, stmt, rc, "reading the codebook", error);
}
