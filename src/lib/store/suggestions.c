/* store/suggestions.c — open rule suggestions: rule codings of informant
 * segments that a coder has neither made nor rejected.
 *
 * Must always hold: like every file of the store, nothing here begins or
 * commits a transaction, and every value is a bound parameter; rows come
 * in document order (then codebook order), and every read ends in
 * teema_store__finish: a failed step is an error, never a short list. */
#include "store/store-private.h"

/* ?1 the rule coder's name, ?2 the deciding coder or NULL for anyone,
 * ?3 segment id (in the one-segment query), ?4 informant code or NULL,
 * ?5 theme code or NULL. SEGMENT is the condition on the segment: a
 * query of its own for one segment, so that it is looked up by the
 * coding's (segment, ...) index instead of scanning every rule coding.
 * A theme of scope sentence may code a segment in several parts, each
 * with a note of its own words: the suggestion has them all. */
#define SUGGESTIONS_SQL(SEGMENT)                                               \
  "SELECT c.segment_id, t.code, i.code, group_concat(c.note, '; ')"            \
  " FROM coding c JOIN theme t ON t.id = c.theme_id"                           \
  " JOIN segment s ON s.id = c.segment_id AND s.interviewer = 0"               \
  " JOIN document d ON d.id = s.document_id"                                   \
  " LEFT JOIN informant i ON i.id = d.informant_id"                            \
  " WHERE c.coder_id = (SELECT id FROM coder WHERE name = ?1)"                 \
  "  AND " SEGMENT " AND (?4 IS NULL OR i.code = ?4)"                          \
  "  AND (?5 IS NULL OR t.code = ?5)"                                          \
  "  AND NOT EXISTS (SELECT 1 FROM coding h"                                   \
  "   WHERE h.segment_id = c.segment_id AND h.theme_id = c.theme_id"           \
  "   AND h.coder_id <> c.coder_id"                                            \
  "   AND (?2 IS NULL OR h.coder_id = (SELECT id FROM coder WHERE name = "     \
  "?2)))"                                                                      \
  "  AND NOT EXISTS (SELECT 1 FROM rejection r"                                \
  "   WHERE r.segment_id = c.segment_id AND r.theme_id = c.theme_id"           \
  "   AND (?2 IS NULL OR r.coder_id = (SELECT id FROM coder WHERE name = "     \
  "?2)))"                                                                      \
  " GROUP BY c.segment_id, c.theme_id"                                         \
  " ORDER BY d.id, s.ordinal, t.ordinal"

static const char suggestions_sql[] = SUGGESTIONS_SQL ("?3 = 0");
static const char segment_suggestions_sql[] =
  SUGGESTIONS_SQL ("c.segment_id = ?3");

GPtrArray *
teema_store__list_suggestions (TeemaStore *store, const char *coder,
                               gint64 segment_id, const char *informant,
                               const char *theme, GError **error)
{
  sqlite3_stmt *stmt = teema_store__prepare (
    store, segment_id ? segment_suggestions_sql : suggestions_sql, error);
  if (!stmt)
    return NULL;
  teema_store__bind_text (stmt, 1, TEEMA_CODER_RULES);
  teema_store__bind_text (stmt, 2, coder);
  sqlite3_bind_int64 (stmt, 3, segment_id);
  teema_store__bind_text (stmt, 4, informant);
  teema_store__bind_text (stmt, 5, theme);
  GPtrArray *out =
    g_ptr_array_new_with_free_func ((GDestroyNotify) teema_suggestion_free);
  int rc;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW) {
    TeemaSuggestion *s = g_new0 (TeemaSuggestion, 1);
    s->segment_id = sqlite3_column_int64 (stmt, 0);
    s->theme = teema_store__column_dup (stmt, 1);
    s->informant = teema_store__column_dup (stmt, 2);
    s->note = teema_store__column_dup (stmt, 3);
    g_ptr_array_add (out, s);
  }
  if (!teema_store__finish (store, stmt, rc, "reading suggestions", error)) {
    g_ptr_array_unref (out);
    return NULL;
  }
  return out;
}
