/* store/open.c — opening a project file without harming any other file.
 *
 * A project identifies itself before anything is written: every file is
 * first opened read-only and looked at (PRAGMA application_id, which init
 * sets; or, for projects made before it existed, the user_version and the
 * tables of schema 1). A file that is not a teema project, or is from a
 * newer teema, is refused from that read-only look, so its bytes never
 * change. Our own projects are then opened read-write, and older ones
 * upgraded: the old file is first copied beside itself with SQLite's
 * backup API, then every missing migration runs in one transaction.
 *
 * Files that cannot be written (mode 444, or a folder without write
 * permission) are opened read-only and "immutable" when no write-ahead
 * log is pending, so that SQLite creates no -shm file (one made with the
 * database's mode 444 kept later writes failing after the mode was
 * fixed). Writing to such a project fails with a message that says why.
 * Must always hold: nothing is written to a file until it is known to be
 * a teema project at most as new as this teema. */
#include "store/store-private.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

/* NOMUTEX: a connection is used by one thread at a time (autocode's
 * workers never touch it), and SQLite's per-call locking was a quarter
 * of the cost of reading a report's rows. */
#define OPEN_FLAGS SQLITE_OPEN_NOMUTEX

/* The tables every teema project has had since schema 1. */
static const char *const schema1_tables[] = {
  "setting", "informant",  "informant_attr", "document", "segment",
  "theme",   "theme_rule", "coder",          "coding",   "analysis",
};

typedef struct {
  int version;      /* PRAGMA user_version */
  gint64 app_id;    /* PRAGMA application_id */
  int n_objects;    /* rows of sqlite_master */
  gboolean schema1; /* all of schema1_tables exist */
} Identity;

static gboolean
query_int (sqlite3 *db, const char *sql, gint64 *out)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);
  if (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    *out = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return rc == SQLITE_ROW;
}

static gboolean
identify (sqlite3 *db, Identity *id)
{
  gint64 v = 0, app = 0, n = 0, tables = 0;
  g_autoptr (GString) sql = g_string_new (
    "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name IN (");
  for (gsize i = 0; i < G_N_ELEMENTS (schema1_tables); i++)
    g_string_append_printf (sql, "%s'%s'", i ? ", " : "", schema1_tables[i]);
  g_string_append (sql, ")");
  if (!query_int (db, "PRAGMA user_version", &v)
      || !query_int (db, "PRAGMA application_id", &app)
      || !query_int (db, "SELECT count(*) FROM sqlite_master", &n)
      || !query_int (db, sql->str, &tables))
    return FALSE;
  id->version = (int) v;
  id->app_id = app;
  id->n_objects = (int) n;
  id->schema1 = tables == (gint64) G_N_ELEMENTS (schema1_tables);
  return TRUE;
}

static gboolean
is_ours (const Identity *id)
{
  return id->app_id == TEEMA_STORE_APPLICATION_ID
         || (id->app_id == 0 && id->version >= 1 && id->schema1);
}

/* May we write path? A file or folder without any write bit counts as
 * read-only even for root (who may write anything): a researcher who
 * marks a project read-only means it. */
static gboolean
may_write (const char *path)
{
  GStatBuf st;
  return access (path, W_OK) == 0 && g_stat (path, &st) == 0
         && (st.st_mode & 0222) != 0;
}

static gboolean
writable (const char *path, const char **why)
{
  g_autofree char *dir = g_path_get_dirname (path);
  if (!may_write (path)) {
    *why = _ ("the file is read-only");
    return FALSE;
  }
  if (!may_write (dir)) {
    *why = _ ("its folder is read-only (SQLite keeps its journal beside the "
              "project)");
    return FALSE;
  }
  return TRUE;
}

/* A write-ahead log with content: then the file alone is not the whole
 * database, and an immutable open would miss the newest transactions. */
static gboolean
wal_pending (const char *path)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  GStatBuf st;
  return g_stat (wal, &st) == 0 && st.st_size > 0;
}

/* Opens path read-only: immutable unless a log is pending. */
static sqlite3 *
open_readonly (const char *path, GError **error)
{
  g_autofree char *abs = g_canonicalize_filename (path, NULL);
  g_autofree char *uri = g_filename_to_uri (abs, NULL, NULL);
  g_autofree char *full = g_strconcat (
    uri ? uri : path, wal_pending (path) ? "?mode=ro" : "?mode=ro&immutable=1",
    NULL);
  sqlite3 *db = NULL;
  if (sqlite3_open_v2 (
        full, &db, OPEN_FLAGS | SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL)
      != SQLITE_OK) {
    g_set_error (error, TEEMA_ERROR, TEEMA_ERROR_STORE, "%s: %s", path,
                 db ? sqlite3_errmsg (db) : _ ("cannot open"));
    sqlite3_close_v2 (db);
    return NULL;
  }
  sqlite3_busy_timeout (db, TEEMA_STORE_BUSY_MS);
  return db;
}

/* A file that is busy, locked or cannot be read is an error in SQLite's
 * words; any other failure to read it means it is no database at all. */
static gboolean
unreadable_code (int code)
{
  switch (code & 0xFF) {
  case SQLITE_BUSY:
  case SQLITE_LOCKED:
  case SQLITE_IOERR:
  case SQLITE_CANTOPEN:
  case SQLITE_NOMEM:
    return TRUE;
  default:
    return FALSE;
  }
}

/* Reads what path is, read-only; sets an error naming the file unless it
 * is a teema project this teema can open. */
static gboolean
check_identity (const char *path, Identity *id, GError **error)
{
  sqlite3 *db = open_readonly (path, error);
  if (!db)
    return FALSE;
  gboolean ok = identify (db, id);
  g_autofree char *why = g_strdup (sqlite3_errmsg (db));
  gboolean unreadable = !ok && unreadable_code (sqlite3_errcode (db));
  sqlite3_close_v2 (db);
  if (unreadable) {
    g_set_error (error, TEEMA_ERROR, TEEMA_ERROR_STORE,
                 _ ("%s: reading the project: %s; nothing was changed"), path,
                 why);
    return FALSE;
  }
  if (!ok) {
    g_set_error (error, TEEMA_ERROR, TEEMA_ERROR_STORE,
                 _ ("%s: not a teema project (%s); nothing was changed"), path,
                 why);
    return FALSE;
  }
  if (!is_ours (id)) {
    g_set_error (
      error, TEEMA_ERROR, TEEMA_ERROR_STORE,
      id->n_objects == 0
        ? _ ("%s: not a teema project (an empty database); create one with "
             "'teema init'; nothing was changed")
        : _ ("%s: not a teema project (an SQLite database of another "
             "program: %d objects, application_id %lld, user_version %d); "
             "it was only read, nothing was changed"),
      path, id->n_objects, (long long) id->app_id, id->version);
    return FALSE;
  }
  if (id->version > teema_store__schema_version ()) {
    g_set_error (
      error, TEEMA_ERROR, TEEMA_ERROR_UNSUPPORTED,
      _ ("%s: the project is from a newer teema (schema %d; this "
         "teema knows schema %d): upgrade teema; nothing was changed"),
      path, id->version, teema_store__schema_version ());
    return FALSE;
  }
  return TRUE;
}

/* ---- migrations ---------------------------------------------------------- */

/* Copies the whole database to backup with SQLite's backup API. */
static gboolean
backup_to (sqlite3 *db, const char *backup, GError **error)
{
  sqlite3 *out = NULL;
  int rc = sqlite3_open_v2 (backup, &out,
                            SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
  if (rc == SQLITE_OK) {
    sqlite3_backup *b = sqlite3_backup_init (out, "main", db, "main");
    rc = b ? sqlite3_backup_step (b, -1) : sqlite3_errcode (out);
    if (b)
      sqlite3_backup_finish (b);
  }
  gboolean ok = rc == SQLITE_DONE;
  if (!ok)
    g_set_error (
      error, TEEMA_ERROR, TEEMA_ERROR_STORE,
      _ ("%s: cannot write a backup before upgrading the project (%s)"), backup,
      out ? sqlite3_errmsg (out) : _ ("cannot open"));
  sqlite3_close_v2 (out);
  if (!ok)
    g_unlink (backup);
  return ok;
}

/* Runs the migrations from the version the file has (read again inside
 * the transaction: another process may have upgraded it meanwhile). */
static gboolean
run_migrations (TeemaStore *store, int *from, GError **error)
{
  if (!teema_store__begin (store, error))
    return FALSE;
  gint64 v = 0;
  int target = teema_store__schema_version ();
  gboolean ok = query_int (store->db, "PRAGMA user_version", &v)
                || teema_store__fail (store, error, "reading the schema");
  *from = (int) v;
  for (int i = (int) v; ok && i < target; i++)
    ok = teema_store__exec (store, teema_store__migration (i), error);
  g_autofree char *pragma =
    g_strdup_printf ("PRAGMA user_version = %d; PRAGMA application_id = %d",
                     target, TEEMA_STORE_APPLICATION_ID);
  ok = ok && teema_store__exec (store, pragma, error);
  if (!ok) {
    teema_store__rollback (store);
    return FALSE;
  }
  return teema_store__commit (store, error);
}

static gboolean
upgrade (TeemaStore *store, const Identity *id, GError **error)
{
  int target = teema_store__schema_version ();
  if (id->version == target && id->app_id == TEEMA_STORE_APPLICATION_ID)
    return TRUE;
  g_autofree char *backup = NULL;
  if (id->version > 0 && id->version < target) {
    backup = g_strdup_printf ("%s.schema-%d.bak", store->path, id->version);
    if (!backup_to (store->db, backup, error))
      return FALSE;
  }
  /* A new file's pages are 16 KiB rather than SQLite's 4: a report reads
   * whole tables, and a quarter of the reads (each a system call and a
   * page cache entry) took 5-10% off reports and quotes at 1M words.
   * (Only an empty file takes it; an existing one keeps its size.) */
  if (id->version == 0
      && !teema_store__exec (store, "PRAGMA page_size = 16384", error))
    return FALSE;
  int from = 0;
  if (!run_migrations (store, &from, error))
    return FALSE;
  if (id->version == 0)
    return TRUE; /* a new project */
  store->migrated = from > 0 && from < target;
  if (from < target)
    store->notice = g_strdup_printf (
      _ ("upgraded %s from schema %d to %d (the old file is kept as %s)"),
      store->path, from, target, backup);
  else
    store->notice = g_strdup_printf (
      _ ("marked %s as a teema project (PRAGMA application_id)"), store->path);
  return TRUE;
}

/* ---- opening ------------------------------------------------------------- */

static void
finalize_stmt (gpointer p)
{
  sqlite3_finalize (p);
}

static TeemaStore *
store_new (const char *path, sqlite3 *db)
{
  TeemaStore *store = g_new0 (TeemaStore, 1);
  store->stmts =
    g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL, finalize_stmt);
  store->path = g_strdup (path);
  store->db = db;
  sqlite3_busy_timeout (db, TEEMA_STORE_BUSY_MS);
  sqlite3_extended_result_codes (db, 1);
  return store;
}

/* A -shm that we may not write next to a database we may write was left
 * by a read-only open of an older teema; no writer can be using it, and
 * SQLite cannot open the project for writing while it is there. */
static void
drop_stale_shm (const char *path)
{
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);
  if (access (shm, F_OK) == 0 && access (shm, W_OK) != 0)
    g_unlink (shm);
}

static TeemaStore *
open_write (const char *path, gboolean create, const Identity *id,
            GError **error)
{
  sqlite3 *db = NULL;
  int flags =
    OPEN_FLAGS | SQLITE_OPEN_READWRITE | (create ? SQLITE_OPEN_CREATE : 0);
  if (sqlite3_open_v2 (path, &db, flags, NULL) != SQLITE_OK) {
    g_set_error (error, TEEMA_ERROR, TEEMA_ERROR_STORE, "%s: %s", path,
                 db ? sqlite3_errmsg (db) : _ ("cannot open"));
    sqlite3_close_v2 (db);
    return NULL;
  }
  TeemaStore *store = store_new (path, db);
  if (!teema_store__exec (store, "PRAGMA foreign_keys = ON", error)
      || !upgrade (store, id, error)
      || !teema_store__exec (store, "PRAGMA journal_mode = WAL", error)
      || !teema_store__exec (store, "PRAGMA synchronous = NORMAL", error)) {
    g_prefix_error (error, "%s: ", path);
    teema_store__close (store);
    return NULL;
  }
  return store;
}

TeemaStore *
teema_store__open (const char *path, gboolean create, GError **error)
{
  Identity id = { 0 };
  if (create)
    return open_write (path, TRUE, &id, error);
  if (!check_identity (path, &id, error))
    return NULL;
  const char *why = NULL;
  if (writable (path, &why)) {
    drop_stale_shm (path);
    return open_write (path, FALSE, &id, error);
  }
  if (id.version < teema_store__schema_version ()) {
    g_set_error (error, TEEMA_ERROR, TEEMA_ERROR_STORE,
                 _ ("%s: the project is from an older teema (schema %d) and "
                    "must be upgraded, but %s; make it writable once"),
                 path, id.version, why);
    return NULL;
  }
  sqlite3 *db = open_readonly (path, error);
  if (!db)
    return NULL;
  TeemaStore *store = store_new (path, db);
  store->readonly = why;
  teema_store__exec (store, "PRAGMA foreign_keys = ON", NULL);
  return store;
}

TeemaStore *
teema_store__open_readonly (const char *path, GError **error)
{
  Identity id = { 0 };
  if (!check_identity (path, &id, error))
    return NULL;
  sqlite3 *db = open_readonly (path, error);
  if (!db)
    return NULL;
  if (id.version == teema_store__schema_version ()) {
    TeemaStore *store = store_new (path, db);
    store->readonly = _ ("it is opened only for reading");
    return store;
  }
  /* An older copy is upgraded in memory: the file itself never changes. */
  sqlite3 *mem = NULL;
  sqlite3_open_v2 (":memory:", &mem, SQLITE_OPEN_READWRITE, NULL);
  sqlite3_backup *b = sqlite3_backup_init (mem, "main", db, "main");
  int rc = b ? sqlite3_backup_step (b, -1) : SQLITE_ERROR;
  if (b)
    sqlite3_backup_finish (b);
  sqlite3_close_v2 (db);
  TeemaStore *store = store_new (path, mem);
  int from = 0;
  if (rc != SQLITE_DONE || !run_migrations (store, &from, error)) {
    if (rc != SQLITE_DONE)
      g_set_error (error, TEEMA_ERROR, TEEMA_ERROR_STORE,
                   _ ("%s: cannot read the project"), path);
    teema_store__close (store);
    return NULL;
  }
  store->readonly = _ ("it is opened only for reading");
  return store;
}

void
teema_store__close (TeemaStore *store)
{
  if (!store)
    return;
  g_hash_table_destroy (store->stmts);
  sqlite3_close_v2 (store->db);
  g_free (store->path);
  g_free (store->notice);
  g_free (store);
}

const char *
teema_store__notice (TeemaStore *store)
{
  return store->notice;
}

gboolean
teema_store__migrated (TeemaStore *store)
{
  return store->migrated;
}
