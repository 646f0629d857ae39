// test-suggestions.cpp — rule suggestions computed by the library (the
// list scripts and the terminal coder share, ordered by support), and
// keyword rules proposed from a researcher's own coding.
#include <gtest/gtest.h>
#include <teema/teema.h>

#include <algorithm>
#include <cstring>
#include <string>
#include <vector>

#include "testutil.h"

namespace {

const char *const kCodebook = "codebook: t\nlanguage: fi\n"
                              "theme trust\n  rule: lemma:luottamus\n"
                              "theme price\n  rule: lemma:hinta\n"
                              "theme people\n  rule: lemma:ihminen\n";

// Turn 1: trust twice, price once; turn 2: price twice, trust once.
const char *const kA =
  "---\ninformant: A\n---\n"
  "I: Kysymys?\nA: Luottamus on tärkeää, luottamusta rakennetaan. Hinta "
  "ei ratkaise.\n"
  "I: Entä?\nA: Hinta ja hinnat ja luottamus.\n"
  "I: Vielä?\nA: Ihmiset.\n";

class Suggestions : public ::testing::Test {
protected:
  void SetUp () override
  {
    p = testutil::fixture_project (dir, kCodebook, { { "A.txt", kA } });
    ASSERT_NE (p, nullptr);
    GError *error = nullptr;
    GPtrArray *segs = teema_segment_list (p, nullptr, &error);
    for (guint i = 0; i < segs->len; i++)
      seg.push_back (((TeemaSegment *) segs->pdata[i])->id);
    g_ptr_array_unref (segs);
    ASSERT_EQ (seg.size (), 3u);
    TeemaAutocodeResult *r = teema_autocode_run (p, nullptr, &error);
    ASSERT_NE (r, nullptr) << error->message;
    teema_autocode_result_free (r);
  }
  void TearDown () override
  {
    teema_project_free (p);
  }
  // "segment-index:theme:hits" per suggestion.
  std::vector<std::string> list (const char *coder, gint64 segment = 0,
                                 const char *theme = nullptr)
  {
    TeemaSuggestionFilter f = { coder, segment, nullptr, theme };
    GError *error = nullptr;
    GPtrArray *l = teema_suggestion_list (p, &f, &error);
    EXPECT_NE (l, nullptr) << (error ? error->message : "");
    std::vector<std::string> out;
    for (guint i = 0; l && i < l->len; i++) {
      auto *s = (TeemaSuggestion *) l->pdata[i];
      guint k = 0;
      while (k < seg.size () && seg[k] != s->segment_id)
        k++;
      out.push_back (std::to_string (k) + ":" + s->theme + ":"
                     + std::to_string (s->n_hits));
    }
    if (l)
      g_ptr_array_unref (l);
    return out;
  }
  testutil::TempDir dir;
  TeemaProject *p = nullptr;
  std::vector<gint64> seg;
};

TEST_F (Suggestions, DocumentOrderThenStrongestSupportFirst)
{
  EXPECT_EQ (list ("anna"),
             (std::vector<std::string>{ "0:trust:2", "0:price:1", "1:price:2",
                                        "1:trust:1", "2:people:1" }));
  EXPECT_EQ (list ("anna", seg[1]),
             (std::vector<std::string>{ "1:price:2", "1:trust:1" }));
  EXPECT_EQ (list (nullptr, 0, "price"),
             (std::vector<std::string>{ "0:price:1", "1:price:2" }));
}

TEST_F (Suggestions, ClosedByTheCodersCodingOrRejection)
{
  GError *error = nullptr;
  ASSERT_TRUE (teema_coding_add (p, seg[1], "price", "anna", nullptr, &error));
  ASSERT_TRUE (teema_rejection_set (p, seg[1], "trust", "anna", TRUE, &error));
  EXPECT_EQ (list ("anna", seg[1]), (std::vector<std::string>{}));
  // Ben's are still open; with no coder, anyone's decision closes them.
  EXPECT_EQ (list ("ben", seg[1]),
             (std::vector<std::string>{ "1:price:2", "1:trust:1" }));
  EXPECT_EQ (list (nullptr, seg[1]), (std::vector<std::string>{}));
  TeemaSuggestionFilter f = { "anna", seg[0], nullptr, nullptr };
  GPtrArray *l = teema_suggestion_list (p, &f, &error);
  ASSERT_EQ (l->len, 2u);
  auto *s = (TeemaSuggestion *) l->pdata[0];
  EXPECT_STREQ (s->informant, "A");
  EXPECT_NE (strstr (s->note, "luottamusta"), nullptr) << s->note;
  g_ptr_array_unref (l);
}

const char *const kWork = "---\ninformant: H1\n---\n"
                          "I: 1?\nH1: Esimies tukee minua työssä joka päivä.\n"
                          "I: 2?\nH1: Esimiehen kanssa puhumme viikoittain.\n"
                          "I: 3?\nH1: Hyvä esimies kuuntelee aina.\n"
                          "I: 4?\nH1: Kahvi on hyvää ja se on aina lämmintä.\n"
                          "I: 5?\nH1: Sää oli kylmä ja tuulinen.\n"
                          "I: 6?\nH1: Esimies lähti lomalle.\n";

TEST (Proposals, LemmasOfTheCodedSegmentsWithHowManyMoreTheyCode)
{
  testutil::TempDir dir;
  TeemaProject *p = testutil::fixture_project (
    dir, "theme johtaminen\n  label.fi: Johtaminen\ntheme muu\n",
    { { "H1.txt", kWork } });
  ASSERT_NE (p, nullptr);
  GError *error = nullptr;
  GPtrArray *segs = teema_segment_list (p, nullptr, &error);
  ASSERT_EQ (segs->len, 6u);
  TeemaProposalOptions opt = {};
  opt.theme = "Johtaminen";
  for (guint i = 0; i < 2; i++)
    ASSERT_TRUE (teema_coding_add (p, ((TeemaSegment *) segs->pdata[i])->id,
                                   "johtaminen", "anna", nullptr, &error));
  // Two coded segments are too few.
  EXPECT_EQ (teema_proposal_list (p, &opt, &error), nullptr);
  EXPECT_NE (strstr (error->message, "has 2 segments coded by people"), nullptr)
    << error->message;
  g_clear_error (&error);
  ASSERT_TRUE (teema_coding_add (p, ((TeemaSegment *) segs->pdata[2])->id,
                                 "johtaminen", "anna", nullptr, &error));
  g_ptr_array_unref (segs);

  TeemaTable *t = teema_proposal_list (p, &opt, &error);
  ASSERT_NE (t, nullptr) << error->message;
  ASSERT_GE (teema_table_n_rows (t), 1u);
  std::string first;
  for (guint c = 0; c < teema_table_n_columns (t); c++)
    first += std::string (c ? " " : "") + teema_table_cell (t, 0, c);
  // In all 3 coded segments and 1 of the 3 others, which it would code;
  // G² of the 2×2 table (3, 0 | 1, 2): 2 (3 ln 1.5 + ln 0.5 + 2 ln 2).
  EXPECT_EQ (first, "lemma:esimies 3 1 3.82 1");
  for (guint r = 0; r < teema_table_n_rows (t); r++) {
    std::string rule = teema_table_cell (t, r, 0);
    EXPECT_NE (rule, "lemma:olla"); // stop words never
    EXPECT_NE (rule, "lemma:minä");
    EXPECT_NE (rule, "lemma:aina"); // as common outside: not distinctive
  }
  teema_table_free (t);
  teema_project_free (p);
}

// Accepting a suggestion of a theme of scope sentence gives the coder the
// sentences the rules coded, not the whole turn; a whole-turn theme is
// accepted whole; accepting where the rules coded nothing is an error.
TEST (SuggestionAccept, TakesTheRuleCodingsPartForPart)
{
  testutil::TempDir dir;
  TeemaProject *p = testutil::fixture_project (
    dir,
    "codebook: t\nlanguage: fi\n"
    "theme trust\n  scope: sentence\n  rule: lemma:luottamus\n"
    "theme price\n  rule: lemma:hinta\n",
    { { "A.txt", "---\ninformant: A\n---\nI: Kysymys?\n"
                 "A: Luottamus on tärkeää. Toimitus oli myöhässä. Hinta "
                 "ratkaisee. Luottamusta rakennetaan vuosia.\n" } });
  ASSERT_NE (p, nullptr);
  GError *error = nullptr;
  TeemaAutocodeResult *r = teema_autocode_run (p, nullptr, &error);
  ASSERT_NE (r, nullptr) << error->message;
  teema_autocode_result_free (r);
  GPtrArray *segs = teema_segment_list (p, nullptr, &error);
  ASSERT_EQ (segs->len, 1u);
  const TeemaSegment *seg = (const TeemaSegment *) segs->pdata[0];
  gint64 id = seg->id;

  guint n = 0;
  ASSERT_TRUE (teema_suggestion_accept (p, id, "trust", "anna", &n, &error))
    << error->message;
  EXPECT_EQ (n, 2u); // sentences 1 and 4
  ASSERT_TRUE (teema_suggestion_accept (p, id, "price", "anna", &n, &error))
    << error->message;
  EXPECT_EQ (n, 1u);

  TeemaCodingFilter f = { "anna", nullptr, nullptr, id, FALSE };
  GPtrArray *mine = teema_coding_list (p, &f, &error);
  ASSERT_NE (mine, nullptr) << error->message;
  std::vector<std::string> got;
  for (guint i = 0; i < mine->len; i++) {
    auto *c = (TeemaCoding *) mine->pdata[i];
    g_autofree char *text =
      g_utf8_substring (seg->text, c->start - seg->start, c->end - seg->start);
    got.push_back (std::string (c->theme) + ": " + text);
  }
  g_ptr_array_unref (mine);
  std::sort (got.begin (), got.end ());
  EXPECT_EQ (
    got, (std::vector<std::string>{
           "price: " + std::string (seg->text), "trust: Luottamus on tärkeää.",
           "trust: Luottamusta rakennetaan vuosia." }));
  // Nothing left to suggest; accepting again adds nothing.
  TeemaSuggestionFilter sf = { "anna", id, nullptr, nullptr };
  GPtrArray *open = teema_suggestion_list (p, &sf, &error);
  ASSERT_NE (open, nullptr);
  EXPECT_EQ (open->len, 0u);
  g_ptr_array_unref (open);
  ASSERT_TRUE (teema_suggestion_accept (p, id, "trust", "anna", &n, &error));
  EXPECT_EQ (n, 0u);

  // No rule coding of that theme there.
  ASSERT_TRUE (teema_theme_add (p, "people", nullptr, &error))
    << error->message;
  EXPECT_FALSE (teema_suggestion_accept (p, id, "people", "anna", &n, &error));
  ASSERT_NE (error, nullptr);
  EXPECT_EQ (error->code, TEEMA_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_ptr_array_unref (segs);
  teema_project_free (p);
}

} // namespace
