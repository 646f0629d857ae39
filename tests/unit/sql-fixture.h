// sql-fixture.h — writing a row the public API refuses to write, for
// tests of what the library must do with such rows when they arrive from
// elsewhere (a vendor's REFI-QDA project, an older teema): a coding of an
// interviewer turn must never count. Suites that include this link SQLite.
#pragma once

#include <glib.h>
#include <gtest/gtest.h>
#include <sqlite3.h>
#include <teema/teema.h>

namespace sql_fixture {

// Inserts a whole-segment coding of segment by coder with theme into the
// project file at path (the project may be open: SQLite's WAL allows it).
inline void
insert_coding (const char *path, gint64 segment, const char *theme,
               const char *coder)
{
  sqlite3 *db = nullptr;
  ASSERT_EQ (sqlite3_open (path, &db), SQLITE_OK);
  char *sql = sqlite3_mprintf (
    "INSERT OR IGNORE INTO coder (name) VALUES (%Q);"
    "INSERT INTO coding (segment_id, theme_id, coder_id, start, end,"
    " created_at) SELECT s.id, t.id, k.id, s.start, s.end, '2024-01-01'"
    " FROM segment s, theme t, coder k WHERE s.id = %lld AND t.code = %Q"
    " AND k.name = %Q",
    coder, (long long) segment, theme, coder);
  char *msg = nullptr;
  EXPECT_EQ (sqlite3_exec (db, sql, nullptr, nullptr, &msg), SQLITE_OK)
    << (msg ? msg : "");
  EXPECT_EQ (sqlite3_changes (db), 1);
  sqlite3_free (msg);
  sqlite3_free (sql);
  sqlite3_close (db);
}

} // namespace sql_fixture
