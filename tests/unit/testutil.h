// testutil.h — small helpers for the unit tests: temporary directories,
// writing fixture files, and paths to the repository and ../shared.
#pragma once

#include <glib.h>
#include <glib/gstdio.h>
#include <string>

namespace testutil {

// A temporary directory removed (with its files) at scope end.
class TempDir {
public:
  TempDir ()
  {
    path_ = g_dir_make_tmp ("teema-test-XXXXXX", nullptr);
  }
  ~TempDir ()
  {
    remove_tree (path_);
    g_free (path_);
  }
  std::string file (const std::string &name) const
  {
    return std::string (path_) + "/" + name;
  }
  std::string write (const std::string &name, const std::string &data) const
  {
    std::string p = file (name);
    g_file_set_contents (p.c_str (), data.data (), (gssize) data.size (),
                         nullptr);
    return p;
  }

private:
  static void remove_tree (const char *dir)
  {
    GDir *d = g_dir_open (dir, 0, nullptr);
    if (!d)
      return;
    const char *n;
    while ((n = g_dir_read_name (d))) {
      gchar *p = g_build_filename (dir, n, nullptr);
      if (g_file_test (p, G_FILE_TEST_IS_DIR))
        remove_tree (p);
      else
        g_unlink (p);
      g_free (p);
    }
    g_dir_close (d);
    g_rmdir (dir);
  }
  char *path_;
};

inline std::string
source (const std::string &rel)
{
  return std::string (TEEMA_SOURCE_DIR) + "/" + rel;
}

inline std::string
shared (const std::string &rel)
{
  return std::string (TEEMA_SHARED_DIR) + "/" + rel;
}

} // namespace testutil
