// testutil.h — small helpers for the unit tests: temporary directories,
// writing fixture files, and paths to the repository and ../shared.
#pragma once

#include <glib.h>
#include <glib/gstdio.h>
#include <gtest/gtest.h>
#include <string>
#include <teema/teema.h>
#include <utility>
#include <vector>

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

// Parses a codebook text expecting it to fail with code; returns the
// message ("<no error>" if it parsed).
inline std::string
codebook_parse_error (const std::string &text, int code)
{
  GError *error = nullptr;
  TeemaCodebook *cb =
    teema_codebook_parse (text.c_str (), -1, "cb.txt", &error);
  EXPECT_EQ (cb, nullptr);
  teema_codebook_free (cb);
  if (!error)
    return "<no error>";
  EXPECT_EQ (error->code, code) << error->message;
  std::string msg = error->message;
  g_error_free (error);
  return msg;
}

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

// Skips the current test, naming what is missing, when ../shared/rel is
// absent (a clone without the vendor samples); CI has them and runs it.
#define TEEMA_NEEDS_SHARED(rel)                                                \
  do {                                                                         \
    if (!g_file_test (testutil::shared (rel).c_str (), G_FILE_TEST_EXISTS))    \
      GTEST_SKIP () << "needs ../shared/" << (rel)                             \
                    << " (the REFI-QDA vendor samples; see README)";           \
  } while (0)

// Keyness of group a against b with every lemma a row: no stop list, no
// minimum frequency, no significance cut.
inline TeemaCompareOptions
keyness_every_lemma (const char *a, const char *b)
{
  TeemaCompareOptions opt = {};
  opt.group_a = a;
  opt.group_b = b;
  opt.all = TRUE;
  opt.min_freq = 1;
  opt.top = 1000;
  opt.stopwords = "";
  return opt;
}

// A project in dir with codebook (text format) and the given transcripts
// (file name, content) imported in order; NULL (with a test failure) when
// any step fails.
inline TeemaProject *
fixture_project (const TempDir &dir, const char *codebook,
                 const std::vector<std::pair<std::string, std::string>> &files)
{
  GError *error = nullptr;
  TeemaProject *p =
    teema_project_create (dir.file ("p.teema").c_str (), &error);
  TeemaCodebook *cb =
    p ? teema_codebook_parse (codebook, -1, "cb", &error) : nullptr;
  bool ok = cb && teema_codebook_set (p, cb, FALSE, &error);
  teema_codebook_free (cb);
  std::vector<std::string> paths;
  for (auto &f : files)
    paths.push_back (dir.write (f.first, f.second));
  std::vector<const char *> cpaths;
  for (auto &path : paths)
    cpaths.push_back (path.c_str ());
  GPtrArray *r = ok ? teema_document_import (p, cpaths.data (), cpaths.size (),
                                             nullptr, &error)
                    : nullptr;
  if (!r) {
    ADD_FAILURE () << (error ? error->message : "fixture project failed");
    g_clear_error (&error);
    teema_project_free (p);
    return nullptr;
  }
  g_ptr_array_unref (r);
  return p;
}

} // namespace testutil
