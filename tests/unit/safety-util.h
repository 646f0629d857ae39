// safety-util.h — helpers for the hostile-input, file-safety, crash and
// concurrency tests: running the teema binary, hashing files, and looking
// inside a project with SQLite itself (read-only).
#pragma once

#include <glib.h>
#include <sqlite3.h>
#include <string>
#include <vector>

#include "testutil.h"

namespace safety {

struct Run {
  int status = -1;      // exit status, or -1 when killed by a signal
  int signal = 0;       // the signal that ended it, or 0
  std::string out, err; // what it printed
};

// Runs the teema binary with args (and extra "NAME=value" environment
// entries) and waits for it.
inline Run
teema (const std::vector<std::string> &args,
       const std::vector<std::string> &env = {})
{
  std::vector<char *> argv;
  argv.push_back ((char *) TEEMA_BINARY);
  for (auto &a : args)
    argv.push_back ((char *) a.c_str ());
  argv.push_back (nullptr);
  char **envp = g_get_environ ();
  for (auto &e : env) {
    std::string k = e.substr (0, e.find ('='));
    envp = g_environ_setenv (envp, k.c_str (),
                             e.substr (e.find ('=') + 1).c_str (), TRUE);
  }
  Run r;
  char *out = nullptr, *err = nullptr;
  int wait = 0;
  GError *spawn_error = nullptr;
  // A fork can fail for a moment when the machine is short of memory
  // (a sanitizer build's test process is large): try again, then say so.
  for (int attempt = 0; attempt < 5; attempt++) {
    g_clear_error (&spawn_error);
    if (g_spawn_sync (nullptr, argv.data (), envp, G_SPAWN_DEFAULT, nullptr,
                      nullptr, &out, &err, &wait, &spawn_error))
      break;
    g_usleep (200000);
  }
  g_strfreev (envp);
  if (spawn_error) {
    r.status = -2;
    r.err = std::string ("cannot run teema: ") + spawn_error->message;
    g_error_free (spawn_error);
    return r;
  }
  r.out = out ? out : "";
  r.err = err ? err : "";
  g_free (out);
  g_free (err);
  if (WIFEXITED (wait))
    r.status = WEXITSTATUS (wait);
  else if (WIFSIGNALED (wait))
    r.signal = WTERMSIG (wait);
  return r;
}

inline std::string
sha256 (const std::string &path)
{
  char *data = nullptr;
  gsize len = 0;
  if (!g_file_get_contents (path.c_str (), &data, &len, nullptr))
    return "missing";
  char *sum =
    g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) data, len);
  std::string s = sum;
  g_free (sum);
  g_free (data);
  return s;
}

// Runs sql on the SQLite file (read-only unless write) and returns the
// first column of the first row as text ("" when none).
inline std::string
sql (const std::string &path, const std::string &query, bool write = false)
{
  sqlite3 *db = nullptr;
  sqlite3_open_v2 (path.c_str (), &db,
                   write ? SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE
                         : SQLITE_OPEN_READONLY,
                   nullptr);
  sqlite3_busy_timeout (db, 20000);
  sqlite3_stmt *stmt = nullptr;
  std::string out;
  const char *tail = query.c_str ();
  while (tail && *tail) {
    if (sqlite3_prepare_v2 (db, tail, -1, &stmt, &tail) != SQLITE_OK) {
      out = std::string ("error: ") + sqlite3_errmsg (db);
      break;
    }
    if (!stmt)
      break;
    if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_text (stmt, 0))
      out = (const char *) sqlite3_column_text (stmt, 0);
    sqlite3_finalize (stmt);
  }
  sqlite3_close (db);
  return out;
}

inline long
count (const std::string &path, const std::string &query)
{
  return std::stol ("0" + sql (path, query));
}

} // namespace safety
