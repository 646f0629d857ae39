// test-review.cpp — memos per segment and coder, rejected suggestions, and
// the rule-hit highlights the interactive coder shows.
#include <gtest/gtest.h>
#include <teema/teema.h>

#include "coding-fixture.h"
#include "testutil.h"

namespace {

class Review : public ::testing::Test {
protected:
  void SetUp () override
  {
    p = coding_fixture::create (dir.file ("p.teema"),
                                { coding_fixture::write_a (dir) });
    ids = coding_fixture::segments (p);
    ASSERT_EQ (ids.size (), 3u);
  }
  void TearDown () override
  {
    teema_project_free (p);
  }
  testutil::TempDir dir;
  TeemaProject *p = nullptr;
  std::vector<gint64> ids;
};

TEST_F (Review, MemosPerSegmentAndCoder)
{
  GError *error = nullptr;
  EXPECT_EQ (teema_memo_get (p, ids[0], "anna", &error), nullptr);
  EXPECT_EQ (error, nullptr);
  ASSERT_TRUE (teema_memo_set (p, ids[0], "anna", "Tärkeä kohta", &error));
  ASSERT_TRUE (teema_memo_set (p, ids[0], "ben", "eri", &error));
  ASSERT_TRUE (teema_memo_set (p, ids[0], "anna", "Päivitetty", &error));
  char *m = teema_memo_get (p, ids[0], "anna", &error);
  EXPECT_STREQ (m, "Päivitetty");
  g_free (m);
  GPtrArray *all = teema_memo_list (p, nullptr, &error);
  ASSERT_EQ (all->len, 2u);
  EXPECT_STREQ (((TeemaMemo *) all->pdata[0])->coder, "anna");
  g_ptr_array_unref (all);
  ASSERT_TRUE (teema_memo_set (p, ids[0], "anna", "", &error));
  EXPECT_EQ (teema_memo_get (p, ids[0], "anna", &error), nullptr);
  EXPECT_FALSE (teema_memo_set (p, 9999, "anna", "x", &error));
  EXPECT_TRUE (g_error_matches (error, TEEMA_ERROR, TEEMA_ERROR_NOT_FOUND));
  g_clear_error (&error);
}

TEST_F (Review, MemosFilteredByCoderAndInformant)
{
  GError *error = nullptr;
  testutil::TempDir d2;
  TeemaProject *q = coding_fixture::create (
    d2.file ("q.teema"),
    { coding_fixture::write_a (d2), coding_fixture::write_b (d2) });
  std::vector<gint64> s = coding_fixture::segments (q);
  ASSERT_EQ (s.size (), 5u); // A: 3 informant turns, B: 2
  ASSERT_TRUE (teema_memo_set (q, s[4], "anna", "B:n", &error));
  ASSERT_TRUE (teema_memo_set (q, s[0], "ben", "A:n", &error));
  ASSERT_TRUE (teema_memo_set (q, s[0], "anna", "A:n", &error));
  TeemaMemoFilter by_b = { nullptr, "B" };
  GPtrArray *m = teema_memo_list (q, &by_b, &error);
  ASSERT_NE (m, nullptr);
  ASSERT_EQ (m->len, 1u);
  EXPECT_EQ (((TeemaMemo *) m->pdata[0])->segment_id, s[4]);
  EXPECT_STREQ (((TeemaMemo *) m->pdata[0])->informant, "B");
  g_ptr_array_unref (m);
  TeemaMemoFilter anna_a = { "anna", "A" };
  m = teema_memo_list (q, &anna_a, &error);
  ASSERT_EQ (m->len, 1u);
  EXPECT_STREQ (((TeemaMemo *) m->pdata[0])->coder, "anna");
  EXPECT_STREQ (((TeemaMemo *) m->pdata[0])->text, "A:n");
  g_ptr_array_unref (m);
  m = teema_memo_list (q, nullptr, &error); // document order
  ASSERT_EQ (m->len, 3u);
  EXPECT_STREQ (((TeemaMemo *) m->pdata[0])->coder, "anna");
  EXPECT_STREQ (((TeemaMemo *) m->pdata[1])->coder, "ben");
  EXPECT_EQ (((TeemaMemo *) m->pdata[2])->segment_id, s[4]);
  g_ptr_array_unref (m);
  TeemaMemoFilter nobody = { "nobody", nullptr };
  m = teema_memo_list (q, &nobody, &error);
  ASSERT_NE (m, nullptr);
  EXPECT_EQ (m->len, 0u);
  g_ptr_array_unref (m);
  EXPECT_EQ (error, nullptr);
  teema_project_free (q);
}

// A codebook of themes without rules (coded by hand only) used to crash
// the highlighter and autocode: the matcher had no terms, so no bits.
TEST (ReviewNoRules, HighlightsAndAutocodeWithoutAnyRule)
{
  GError *error = nullptr;
  testutil::TempDir d;
  TeemaProject *q = coding_fixture::create (
    d.file ("q.teema"), { coding_fixture::write_a (d) },
    "codebook: t\nlanguage: fi\n\ntheme trust\n\ntheme price\n");
  std::vector<gint64> ids = coding_fixture::segments (q);
  ASSERT_EQ (ids.size (), 3u);
  TeemaHighlighter *h = teema_highlighter_new (q, &error);
  ASSERT_NE (h, nullptr) << error->message;
  TeemaSegment *s = teema_segment_get (q, ids[0], &error);
  GArray *hits = teema_highlighter_hits (h, s);
  EXPECT_EQ (hits->len, 0u);
  g_array_unref (hits);
  teema_segment_free (s);
  teema_highlighter_free (h);
  TeemaAutocodeOptions opt = {};
  TeemaAutocodeResult *r = teema_autocode_run (q, &opt, &error);
  ASSERT_NE (r, nullptr) << error->message;
  EXPECT_EQ (r->n_codings, 0u);
  EXPECT_EQ (r->n_segments, 3u);
  teema_autocode_result_free (r);
  teema_project_free (q);
}

TEST_F (Review, Rejections)
{
  GError *error = nullptr;
  ASSERT_TRUE (teema_rejection_set (p, ids[1], "price", "anna", TRUE, &error));
  ASSERT_TRUE (teema_rejection_set (p, ids[1], "price", "anna", TRUE,
                                    &error)); // idempotent
  GPtrArray *r = teema_rejection_list (p, "anna", &error);
  ASSERT_EQ (r->len, 1u);
  EXPECT_STREQ (((TeemaCoding *) r->pdata[0])->theme, "price");
  g_ptr_array_unref (r);
  ASSERT_TRUE (teema_rejection_set (p, ids[1], "price", "anna", FALSE, &error));
  r = teema_rejection_list (p, nullptr, &error);
  EXPECT_EQ (r->len, 0u);
  g_ptr_array_unref (r);
  EXPECT_FALSE (teema_rejection_set (p, ids[1], "nope", "anna", TRUE, &error));
  EXPECT_TRUE (g_error_matches (error, TEEMA_ERROR, TEEMA_ERROR_NOT_FOUND));
  g_clear_error (&error);
}

TEST_F (Review, HighlightsAreTheRulesHitsInTheText)
{
  GError *error = nullptr;
  TeemaHighlighter *h = teema_highlighter_new (p, &error);
  ASSERT_NE (h, nullptr) << error->message;
  TeemaSegment *s = teema_segment_get (p, ids[0], &error);
  // "Luottamus on tärkeää, luottamusta rakennetaan."
  GArray *hits = teema_highlighter_hits (h, s);
  ASSERT_EQ (hits->len, 2u);
  auto *a = &g_array_index (hits, TeemaHighlight, 0);
  auto *b = &g_array_index (hits, TeemaHighlight, 1);
  EXPECT_EQ (a->start, 0u);
  EXPECT_EQ (a->end, 9u);
  EXPECT_STREQ (a->theme, "trust");
  EXPECT_EQ (b->start, 22u); // code points: "ä" counts once
  EXPECT_EQ (b->end, 33u);
  g_array_unref (hits);
  teema_segment_free (s);
  teema_highlighter_free (h);
}

} // namespace
