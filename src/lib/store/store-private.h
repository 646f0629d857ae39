/* store/store-private.h — helpers shared by the files of the store module
 * (store.c and any store-*.c). Only files under src/lib/store include
 * this, and only they include <sqlite3.h>. */
#ifndef TEEMA_STORE_PRIVATE_H
#define TEEMA_STORE_PRIVATE_H

#include "store/store.h"

#include <sqlite3.h>

struct TeemaStore {
  sqlite3 *db;
  GHashTable *stmts; /* SQL text (static string) -> sqlite3_stmt * */
  gboolean migrated; /* opening upgraded an older project */
};

/* Sets a TEEMA_ERROR_STORE error with SQLite's message; returns FALSE. */
gboolean teema_store__fail (TeemaStore *store, GError **error,
                            const char *what);
/* A cached, reset statement for sql (which must be a static string). */
sqlite3_stmt *teema_store__prepare (TeemaStore *store, const char *sql,
                                    GError **error);
void teema_store__bind_text (sqlite3_stmt *stmt, int i, const char *s);
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
/* Steps a statement that returns no rows, then resets it. */
gboolean teema_store__step_done (TeemaStore *store, sqlite3_stmt *stmt,
                                 GError **error);

#endif
