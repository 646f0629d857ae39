// test-merge.cpp — merging two copies of a project: codings, memos and
// rejections are unioned by (document hash, ordinal), whatever the import
// order; missing segments are reported; nothing is lost; dry runs and
// repeated merges change nothing.
#include <gtest/gtest.h>
#include <teema/teema.h>

#include <algorithm>

#include "coding-fixture.h"
#include "testutil.h"

namespace {

using coding_fixture::codings;
using coding_fixture::segments;

bool
has (const std::vector<std::string> &v, const std::string &s)
{
  return std::find (v.begin (), v.end (), s) != v.end ();
}

class Merge : public ::testing::Test {
protected:
  void SetUp () override
  {
    a_txt = coding_fixture::write_a (dir);
    b_txt = coding_fixture::write_b (dir);
    ours = coding_fixture::create (dir.file ("ours.teema"), { a_txt, b_txt });
    // The other copy imported B first and has one more document and theme.
    std::string c_txt = dir.write ("C.txt", "I: Mitä?\nC: Jotain muuta.\n");
    std::string cb = std::string (coding_fixture::codebook_text ())
                     + "\ntheme extra\n  label.en: Extra\n";
    theirs = coding_fixture::create (dir.file ("theirs.teema"),
                                     { b_txt, a_txt, c_txt }, cb.c_str ());
  }
  void TearDown () override
  {
    teema_project_free (ours);
    teema_project_free (theirs);
  }
  void code (TeemaProject *p, gint64 seg, const char *theme, const char *coder)
  {
    GError *error = nullptr;
    ASSERT_TRUE (teema_coding_add (p, seg, theme, coder, nullptr, &error))
      << error->message;
  }
  TeemaMergeResult *merge (bool dry)
  {
    GError *error = nullptr;
    TeemaMergeResult *r =
      teema_merge_run (ours, dir.file ("theirs.teema").c_str (), dry, &error);
    EXPECT_NE (r, nullptr) << (error ? error->message : "");
    return r;
  }
  testutil::TempDir dir;
  std::string a_txt, b_txt;
  TeemaProject *ours = nullptr, *theirs = nullptr;
};

TEST_F (Merge, UnionByContentWithConflictsReported)
{
  auto o = segments (ours);   // A:2 A:4 A:6 B:2 B:4
  auto t = segments (theirs); // B:2 B:4 A:2 A:4 A:6 C:2
  ASSERT_EQ (o.size (), 5u);
  ASSERT_EQ (t.size (), 6u);
  code (ours, o[0], "trust", "anna");
  code (theirs, t[2], "trust", "anna");            // the same coding: kept
  code (theirs, t[2], "price", "ben");             // new
  code (theirs, t[4], "extra", "ben");             // a theme ours lacks
  code (theirs, t[5], "people", "ben");            // C: no such segment in ours
  code (theirs, t[1], "trust", TEEMA_CODER_RULES); // rules: skipped
  GError *error = nullptr;
  ASSERT_TRUE (teema_memo_set (ours, o[3], "anna", "meidän", &error));
  ASSERT_TRUE (teema_memo_set (theirs, t[0], "anna", "heidän", &error));
  ASSERT_TRUE (teema_memo_set (theirs, t[3], "ben", "uusi", &error));
  ASSERT_TRUE (
    teema_rejection_set (theirs, t[1], "trust", "ben", TRUE, &error));

  TeemaMergeResult *dry = merge (true);
  EXPECT_EQ (dry->n_codings_added, 2u);
  teema_merge_result_free (dry);
  EXPECT_EQ (codings (ours).size (), 1u); // the dry run changed nothing

  TeemaMergeResult *r = merge (false);
  EXPECT_EQ (r->n_codings_added, 2u);
  EXPECT_EQ (r->n_codings_kept, 1u);
  EXPECT_EQ (r->n_rules_skipped, 1u);
  EXPECT_EQ (r->n_memos_added, 1u);
  EXPECT_EQ (r->n_memos_joined, 1u);
  EXPECT_EQ (r->n_rejections_added, 1u);
  EXPECT_EQ (r->n_themes_added, 1u);
  EXPECT_EQ (r->n_conflicts, 1u);
  // Events: the added theme, the missing segment, the joined memo.
  ASSERT_EQ (teema_table_n_rows (r->events), 3u);
  EXPECT_STREQ (teema_table_cell (r->events, 0, 0), "theme added");
  EXPECT_STREQ (teema_table_cell (r->events, 1, 0), "segment missing");
  EXPECT_STREQ (teema_table_cell (r->events, 1, 1), "C.txt");
  EXPECT_STREQ (teema_table_cell (r->events, 1, 3), "people");
  EXPECT_STREQ (teema_table_cell (r->events, 2, 0), "memo joined");
  teema_merge_result_free (r);

  auto all = codings (ours);
  EXPECT_EQ (all.size (), 3u);
  EXPECT_TRUE (has (all, "A.txt:2 trust anna"));
  EXPECT_TRUE (has (all, "A.txt:2 price ben"));
  EXPECT_TRUE (has (all, "A.txt:6 extra ben"));
  char *memo = teema_memo_get (ours, o[3], "anna", &error);
  ASSERT_NE (memo, nullptr);
  EXPECT_TRUE (g_str_has_prefix (memo, "meidän\n\n[merged from theirs.teema, "))
    << memo;
  EXPECT_TRUE (g_str_has_suffix (memo, "]\nheidän")) << memo;
  g_free (memo);
  memo = teema_memo_get (ours, o[1], "ben", &error);
  EXPECT_STREQ (memo, "uusi");
  g_free (memo);
  GPtrArray *rej = teema_rejection_list (ours, "ben", &error);
  ASSERT_EQ (rej->len, 1u);
  EXPECT_EQ (((TeemaCoding *) rej->pdata[0])->segment_id, o[4]);
  g_ptr_array_unref (rej);

  // Merging again adds nothing and joins nothing: nothing is doubled.
  r = merge (false);
  EXPECT_EQ (r->n_codings_added, 0u);
  EXPECT_EQ (r->n_codings_kept, 3u);
  EXPECT_EQ (r->n_memos_kept, 2u);
  EXPECT_EQ (r->n_memos_joined, 0u);
  EXPECT_EQ (r->n_themes_added, 0u);
  EXPECT_EQ (r->n_conflicts, 1u);
  teema_merge_result_free (r);
  EXPECT_EQ (codings (ours).size (), 3u);
}

TEST_F (Merge, RefusesItselfAndMissingFiles)
{
  GError *error = nullptr;
  EXPECT_EQ (
    teema_merge_run (ours, dir.file ("ours.teema").c_str (), FALSE, &error),
    nullptr);
  EXPECT_TRUE (g_error_matches (error, TEEMA_ERROR, TEEMA_ERROR_FAILED));
  g_clear_error (&error);
  EXPECT_EQ (
    teema_merge_run (ours, dir.file ("none.teema").c_str (), FALSE, &error),
    nullptr);
  EXPECT_TRUE (g_error_matches (error, TEEMA_ERROR, TEEMA_ERROR_NOT_FOUND));
  g_clear_error (&error);
}

} // namespace
