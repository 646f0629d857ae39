/* store/store-private.h — helpers shared by the files of the store module
 * (store.c and any store-*.c). Only files under src/lib/store include
 * this, and only they include <sqlite3.h>. */
#ifndef TEEMA_STORE_PRIVATE_H
#define TEEMA_STORE_PRIVATE_H

#include "store/store.h"

#include <sqlite3.h>

/* What PRAGMA application_id holds in every teema project ("TEMA"). */
#define TEEMA_STORE_APPLICATION_ID 0x54454D41
/* How long a command waits for another's write to finish before it fails
 * with "database is locked": writes are short (autocode commits its work
 * in one final step), so this is only reached when something is stuck. */
#define TEEMA_STORE_BUSY_MS 20000

struct TeemaStore {
  sqlite3 *db;
  GHashTable *stmts;    /* SQL text (static string) -> sqlite3_stmt * */
  char *path;           /* for messages */
  const char *readonly; /* why the project cannot be written, or NULL */
  char *notice;         /* what opening did (an upgrade), or NULL */
  gboolean migrated;    /* opening upgraded an older project */
};

/* The SQL that takes the schema from version to version + 1. */
const char *teema_store__migration (int version);

/* Sets a TEEMA_ERROR_STORE error with SQLite's message; returns FALSE. */
gboolean teema_store__fail (TeemaStore *store, GError **error,
                            const char *what);
/* A cached, reset statement for sql (which must be a static string). */
sqlite3_stmt *teema_store__prepare (TeemaStore *store, const char *sql,
                                    GError **error);
void teema_store__bind_text (sqlite3_stmt *stmt, int i, const char *s);
/* Binds text written by people or other programs (transcripts, memos,
 * notes, labels, attribute values): characters XML 1.0 cannot hold are
 * stored as visible stand-ins of one code point each (see store.c), so
 * every export stays valid and offsets hold. */
void teema_store__bind_user_text (sqlite3_stmt *stmt, int i, const char *s);
char *teema_store__column_dup (sqlite3_stmt *stmt, int i);
gboolean teema_store__exec (TeemaStore *store, const char *sql, GError **error);
/* Ends a read: rc is the last sqlite3_step result. SQLITE_DONE (or
 * SQLITE_ROW, when the caller stopped early on purpose) is success; any
 * other code sets a TEEMA_ERROR_STORE error "what: SQLite's message" and
 * returns FALSE. Resets the statement either way. Every read loop ends
 * here, so a busy or damaged database is an error, never a short list. */
gboolean teema_store__finish (TeemaStore *store, sqlite3_stmt *stmt, int rc,
                              const char *what, GError **error);
/* The integer in the first column of the first row of sql, run with one
 * text parameter: the id, 0 when there is no row, or -1 with error set
 * when the read failed. */
gint64 teema_store__lookup_id (TeemaStore *store, const char *sql,
                               const char *param, GError **error);
/* The text in the first column of the row sql gives for an integer
 * parameter (an id): *text is a new string, or NULL when there is no such
 * row (the caller says what is missing); FALSE with error set when the
 * read failed (what names it, as for teema_store__finish). */
gboolean teema_store__text_of (TeemaStore *store, const char *sql, gint64 id,
                               const char *what, char **text, GError **error);
/* Every row of stmt (its parameters bound) as row(stmt) makes it, in an
 * array that frees them with free_row; NULL with error set when a step
 * fails (what names the read, as for teema_store__finish). */
GPtrArray *teema_store__rows (TeemaStore *store, sqlite3_stmt *stmt,
                              gpointer (*row) (sqlite3_stmt *stmt),
                              GDestroyNotify free_row, const char *what,
                              GError **error);
/* A TeemaCoding from a row of the columns id, segment_id, theme code,
 * coder name, informant code, start, end, created_at, note (a query
 * selects NULL or 0 for what it does not have). */
gpointer teema_store__read_coding (sqlite3_stmt *stmt);
/* Steps a statement that returns no rows, then resets it. */
gboolean teema_store__step_done (TeemaStore *store, sqlite3_stmt *stmt,
                                 GError **error);

#endif
