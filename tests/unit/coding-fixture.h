// coding-fixture.h — a small project for the coding tests: a three-theme
// codebook and two short interviews (A: three informant turns, B: two).
#pragma once

#include <gtest/gtest.h>
#include <teema/teema.h>

#include <string>
#include <vector>

#include "testutil.h"

namespace coding_fixture {

inline const char *
codebook_text ()
{
  return "codebook: t\nlanguage: fi\n\ntheme trust\n  rule: lemma:luottamus\n"
         "\ntheme price\n  rule: hinta\n\ntheme people\n  rule: ihminen\n";
}

inline std::string
write_a (const testutil::TempDir &dir)
{
  return dir.write ("A.txt",
                    "I: Kysymys?\nA: Luottamus on tärkeää, luottamusta "
                    "rakennetaan.\nI: Entä?\nA: Hinta ratkaisee.\nI: "
                    "Vielä?\nA: Ihmiset.\n");
}

inline std::string
write_b (const testutil::TempDir &dir)
{
  return dir.write ("B.txt", "I: Kysymys?\nB: Ei mitään.\nI: Entä?\n"
                             "B: Hinta ja luottamus.\n");
}

// Creates a project at path with the codebook and the given files.
inline TeemaProject *
create (const std::string &path, const std::vector<std::string> &files,
        const char *codebook = nullptr)
{
  GError *error = nullptr;
  TeemaProject *p = teema_project_create (path.c_str (), &error);
  EXPECT_NE (p, nullptr) << (error ? error->message : "");
  TeemaCodebook *cb = teema_codebook_parse (
    codebook ? codebook : codebook_text (), -1, "t", &error);
  EXPECT_NE (cb, nullptr) << (error ? error->message : "");
  EXPECT_TRUE (teema_codebook_set (p, cb, FALSE, &error));
  teema_codebook_free (cb);
  std::vector<const char *> paths;
  for (auto &f : files)
    paths.push_back (f.c_str ());
  GPtrArray *r =
    teema_document_import (p, paths.data (), paths.size (), nullptr, &error);
  EXPECT_NE (r, nullptr) << (error ? error->message : "");
  if (r)
    g_ptr_array_unref (r);
  return p;
}

// Informant segment ids in document order.
inline std::vector<gint64>
segments (TeemaProject *p)
{
  TeemaSegmentFilter f = {};
  GPtrArray *segs = teema_segment_list (p, &f, nullptr);
  std::vector<gint64> ids;
  for (guint i = 0; segs && i < segs->len; i++)
    ids.push_back (((TeemaSegment *) segs->pdata[i])->id);
  if (segs)
    g_ptr_array_unref (segs);
  return ids;
}

// "document:ordinal theme coder" lines for every coding.
inline std::vector<std::string>
codings (TeemaProject *p)
{
  std::vector<std::string> out;
  GPtrArray *list = teema_coding_list (p, nullptr, nullptr);
  for (guint i = 0; list && i < list->len; i++) {
    auto *c = (TeemaCoding *) list->pdata[i];
    TeemaSegment *s = teema_segment_get (p, c->segment_id, nullptr);
    out.push_back (std::string (s->document) + ":" + std::to_string (s->ordinal)
                   + " " + c->theme + " " + c->coder);
    teema_segment_free (s);
  }
  if (list)
    g_ptr_array_unref (list);
  return out;
}

} // namespace coding_fixture
