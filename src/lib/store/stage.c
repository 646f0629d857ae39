/* store/stage.c — autocode's staging table: a long run that keeps the
 * project free for other writers, and still changes all or nothing.
 *
 * While autocode runs, the codings it produces go into a TEMP table of its
 * own connection, committed in batches: that takes no lock on the project,
 * so the terminal coder and scripts keep writing. At the end one short
 * transaction swaps the result in: rule codings no longer produced are
 * deleted and new ones inserted. A run killed before the swap leaves the
 * project exactly as it was (the TEMP table dies with the process). The
 * counts are what the swap changed, so a second run that raced with the
 * first reports what it did, not what it meant to do.
 * Must always hold: the project's own tables are written only in
 * teema_store__stage_swap, inside the caller's transaction. */
#include "store/store-private.h"

gboolean
teema_store__stage_open (TeemaStore *store, GError **error)
{
  return teema_store__exec (
    store,
    "CREATE TEMP TABLE IF NOT EXISTS autocode_stage ("
    "  segment_id INTEGER NOT NULL, theme_id INTEGER NOT NULL,"
    "  start INTEGER NOT NULL, end INTEGER NOT NULL, note TEXT,"
    "  PRIMARY KEY (segment_id, theme_id, start, end)) WITHOUT ROWID;"
    "DELETE FROM temp.autocode_stage;",
    error);
}

/* Batches go in their own transaction on the TEMP database only. */
gboolean
teema_store__stage_begin (TeemaStore *store, GError **error)
{
  return teema_store__exec (store, "BEGIN DEFERRED", error);
}

gboolean
teema_store__stage_commit (TeemaStore *store, GError **error)
{
  return teema_store__exec (store, "COMMIT", error);
}

gboolean
teema_store__stage_add (TeemaStore *store, gint64 segment_id, gint64 theme_id,
                        guint start, guint end, const char *note,
                        GError **error)
{
  sqlite3_stmt *stmt = teema_store__prepare (
    store,
    "INSERT OR REPLACE INTO temp.autocode_stage"
    " (segment_id, theme_id, start, end, note) VALUES (?, ?, ?, ?, ?)",
    error);
  if (!stmt)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, segment_id);
  sqlite3_bind_int64 (stmt, 2, theme_id);
  sqlite3_bind_int (stmt, 3, (int) start);
  sqlite3_bind_int (stmt, 4, (int) end);
  teema_store__bind_user_text (stmt, 5, note);
  return teema_store__step_done (store, stmt, error);
}

/* Runs sql (?1 the coder; it returns the segment and theme of each row
 * it changes) and counts the distinct (segment, theme) pairs it changed,
 * in the same pass. */
static gboolean
run_counted (TeemaStore *store, const char *sql, gint64 coder_id,
             guint *changed, GError **error)
{
  sqlite3_stmt *stmt = teema_store__prepare (store, sql, error);
  if (!stmt)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, coder_id);
  g_autoptr (GHashTable) pairs = teema_coding_keys__new ();
  int rc;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    teema_coding_keys__add (pairs, sqlite3_column_int64 (stmt, 0),
                            sqlite3_column_int64 (stmt, 1));
  *changed = g_hash_table_size (pairs);
  return teema_store__finish (store, stmt, rc, "changing codings", error);
}

/* A rule coding stays when the stage has its very span; a theme coded in
 * parts (scope: sentence) has a row per part. */
#define STALE                                                                  \
  " FROM coding WHERE coder_id = ?1 AND NOT EXISTS ("                          \
  " SELECT 1 FROM temp.autocode_stage s"                                       \
  " WHERE s.segment_id = coding.segment_id"                                    \
  " AND s.theme_id = coding.theme_id"                                          \
  " AND s.start = coding.start AND s.end = coding.end)"
#define FRESH                                                                  \
  " FROM temp.autocode_stage s"                                                \
  " WHERE EXISTS (SELECT 1 FROM segment WHERE id = s.segment_id)"              \
  " AND EXISTS (SELECT 1 FROM theme WHERE id = s.theme_id)"                    \
  " AND NOT EXISTS (SELECT 1 FROM coding c WHERE c.coder_id = ?1"              \
  " AND c.segment_id = s.segment_id AND c.theme_id = s.theme_id"               \
  " AND c.start = s.start AND c.end = s.end)"

gboolean
teema_store__stage_swap (TeemaStore *store, gint64 coder_id, guint *added,
                         guint *removed, GError **error)
{
  /* Segments or themes deleted while the run went on are skipped. The
   * counts are of (segment, theme) pairs: a theme whose parts changed is
   * one removed and one added, whatever the number of parts. */
  return run_counted (store, "DELETE" STALE " RETURNING segment_id, theme_id",
                      coder_id, removed, error)
         && run_counted (store,
                         "INSERT OR IGNORE INTO coding (segment_id, theme_id,"
                         " coder_id, start, end, created_at, note)"
                         " SELECT s.segment_id, s.theme_id, ?1, s.start, s.end,"
                         " strftime('%Y-%m-%dT%H:%M:%SZ'), s.note" FRESH
                         " ORDER BY s.segment_id, s.theme_id, s.start"
                         " RETURNING segment_id, theme_id",
                         coder_id, added, error);
}

void
teema_store__stage_close (TeemaStore *store)
{
  if (!sqlite3_get_autocommit (store->db))
    teema_store__exec (store, "ROLLBACK", NULL);
  teema_store__exec (store, "DROP TABLE IF EXISTS temp.autocode_stage", NULL);
}
