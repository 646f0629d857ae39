// test-stats.cpp — Fisher's exact test and G² against published and
// hand-computed values, and the group comparison and keyness reports on a
// small project whose counts are known.
#include <gtest/gtest.h>
#include <teema/teema.h>

#include <cmath>
#include <cstdlib>
#include <cstring>
#include <map>
#include <string>

#include "testutil.h"

namespace {

// ---- statistics on raw numbers ---------------------------------------------

TEST (Fisher, TeaTasting)
{
  // Fisher's lady tasting tea: 3/1/1/3, p = 34/70 (R: 0.4857).
  EXPECT_NEAR (teema_stats_fisher_exact_2x2 (3, 1, 1, 3), 34.0 / 70.0, 1e-9);
}

TEST (Fisher, AllVersusNone)
{
  // 5 of 5 vs 0 of 5: the two extreme tables, 2 / C(10,5) = 0.00794.
  EXPECT_NEAR (teema_stats_fisher_exact_2x2 (5, 0, 0, 5), 2.0 / 252.0, 1e-12);
  EXPECT_NEAR (teema_stats_fisher_exact_2x2 (0, 5, 5, 0), 2.0 / 252.0, 1e-12);
}

TEST (Fisher, PublishedExamples)
{
  // R: fisher.test (matrix (c (1, 11, 9, 3), 2))$p.value = 0.002759456
  EXPECT_NEAR (teema_stats_fisher_exact_2x2 (1, 9, 11, 3), 0.002759456, 1e-9);
  // 5/0 vs 1/4: tables as or less probable are x = 5 and x = 1: 0.04762.
  EXPECT_NEAR (teema_stats_fisher_exact_2x2 (5, 0, 1, 4), 1.0 / 21.0, 1e-12);
  // Ties in probability are all included (tolerance): 2/0 vs 0/1 = 1/3.
  EXPECT_NEAR (teema_stats_fisher_exact_2x2 (2, 0, 0, 1), 1.0 / 3.0, 1e-12);
  // Identical groups: p = 1.
  EXPECT_NEAR (teema_stats_fisher_exact_2x2 (5, 0, 5, 0), 1.0, 1e-12);
  EXPECT_NEAR (teema_stats_fisher_exact_2x2 (2, 3, 2, 3), 1.0, 1e-9);
}

TEST (Fisher, LargeCountsStayInRange)
{
  double p = teema_stats_fisher_exact_2x2 (500, 500, 400, 600);
  EXPECT_GT (p, 0.0);
  EXPECT_LT (p, 1e-4);
  EXPECT_LE (teema_stats_fisher_exact_2x2 (1000, 1000, 1000, 1000), 1.0);
}

TEST (Fisher, EmptyMarginIsOne)
{
  EXPECT_EQ (teema_stats_fisher_exact_2x2 (0, 0, 0, 0), 1.0);
  EXPECT_EQ (teema_stats_fisher_exact_2x2 (0, 5, 0, 5), 1.0);
  EXPECT_EQ (teema_stats_fisher_exact_2x2 (3, 0, 2, 0), 1.0);
}

TEST (LogLikelihood, RaysonExample)
{
  // 100 in 10,000 vs 50 in 20,000: E = 50 and 100, so
  // G² = 2 (100 ln 2 + 50 ln ½) = 100 ln 2 = 69.315.
  double g2 = teema_stats_log_likelihood_g2 (100, 10000, 50, 20000);
  EXPECT_NEAR (g2, 100.0 * std::log (2.0), 1e-9);
  EXPECT_NEAR (g2, 69.315, 0.0005);
  // Symmetric in the two corpora.
  EXPECT_NEAR (teema_stats_log_likelihood_g2 (50, 20000, 100, 10000), g2, 1e-9);
}

TEST (LogLikelihood, ZeroFrequencyAndEqualRates)
{
  // 0 in 1,000 vs 10 in 1,000: E = 5 each, G² = 2 · 10 ln 2 = 13.863.
  EXPECT_NEAR (teema_stats_log_likelihood_g2 (0, 1000, 10, 1000),
               20.0 * std::log (2.0), 1e-9);
  EXPECT_NEAR (teema_stats_log_likelihood_g2 (10, 1000, 20, 2000), 0.0, 1e-12);
  EXPECT_EQ (teema_stats_log_likelihood_g2 (0, 1000, 0, 1000), 0.0);
  EXPECT_EQ (teema_stats_log_likelihood_g2 (0, 0, 0, 0), 0.0);
}

TEST (LogRatio, DirectionAndZeros)
{
  EXPECT_NEAR (teema_stats_log_ratio (100, 10000, 50, 20000), 2.0, 1e-12);
  EXPECT_NEAR (teema_stats_log_ratio (50, 20000, 100, 10000), -2.0, 1e-12);
  // A zero counts as 0.5: log2 (8 / 0.5) = 4.
  EXPECT_NEAR (teema_stats_log_ratio (8, 1000, 0, 1000), 4.0, 1e-12);
}

TEST (ChiSquared, CriticalValues)
{
  EXPECT_NEAR (teema_stats_chi2_p_1df (3.841459), 0.05, 1e-6);
  EXPECT_NEAR (teema_stats_chi2_p_1df (6.634897), 0.01, 1e-6);
  EXPECT_EQ (teema_stats_chi2_p_1df (0.0), 1.0);
}

// ---- the reports on a known project -----------------------------------------

const char *const kE1 = "---\ninformant: E1\ngroup: employee\n---\n"
                        "I: Mikä ratkaisee hinta?\n"
                        "E1: Hinta hinta hinta ratkaisee.\n" // 4 words
                        "I: Entä luottamus?\n"
                        "E1: Luottamus syntyy.\n"; // 2
const char *const kE2 = "---\ninformant: E2\ngroup: employee\n---\n"
                        "I: Hinta?\n"
                        "E2: Hinta on tärkeä.\n"; // 3
const char *const kC1 = "---\ninformant: C1\ngroup: customer\n---\n"
                        "I: Luottamus?\n"
                        "C1: Luottamus luottamus syntyy.\n"; // 3
const char *const kC2 = "---\ninformant: C2\ngroup: customer\n---\n"
                        "I: Luottamus?\n"
                        "C2: Luottamus on kaikki.\n"; // 3
const char *const kCodebook =
  "codebook: vertailu\n"
  "theme experience\n  label.fi: Asiakaskokemus\n"
  "theme trust\n  parent: experience\n  label.fi: Luottamus\n"
  "theme price\n  label.fi: Hinta\n";

class Compare : public ::testing::Test {
protected:
  void SetUp () override
  {
    GError *error = nullptr;
    p = testutil::fixture_project (dir, kCodebook,
                                   { { "E1.txt", kE1 },
                                     { "E2.txt", kE2 },
                                     { "C1.txt", kC1 },
                                     { "C2.txt", kC2 } });
    ASSERT_NE (p, nullptr);
    TeemaSegmentFilter f = {};
    GPtrArray *segs = teema_segment_list (p, &f, &error);
    ASSERT_EQ (segs->len, 5u);
    for (guint i = 0; i < segs->len; i++) {
      auto *s = (TeemaSegment *) segs->pdata[i];
      std::string key =
        std::string (s->informant) + std::to_string (s->ordinal);
      seg[key] = s->id;
    }
    g_ptr_array_unref (segs);
    code ("E12", "price", "anna");
    code ("E14", "trust", "anna");
    code ("E22", "price", "anna");
    code ("C12", "trust", "anna");
    code ("C22", "trust", "ben");
  }
  void TearDown () override
  {
    teema_project_free (p);
  }

  void code (const std::string &key, const char *theme, const char *coder)
  {
    ASSERT_TRUE (seg.count (key)) << key;
    GError *error = nullptr;
    ASSERT_TRUE (teema_coding_add (p, seg[key], theme, coder, nullptr, &error))
      << error->message;
  }

  // Row r of a table as its cells joined with spaces.
  static std::string row (const TeemaTable *t, guint r)
  {
    std::string s;
    for (guint c = 0; c < teema_table_n_columns (t); c++)
      s += (c ? " " : "") + std::string (teema_table_cell (t, r, c));
    return s;
  }

  testutil::TempDir dir;
  TeemaProject *p = nullptr;
  std::map<std::string, gint64> seg;
};

TEST_F (Compare, GroupsOfTheProject)
{
  char **groups = teema_group_list (p, nullptr);
  ASSERT_NE (groups, nullptr);
  ASSERT_EQ (g_strv_length (groups), 2u);
  EXPECT_STREQ (groups[0], "customer");
  EXPECT_STREQ (groups[1], "employee");
  g_strfreev (groups);
}

TEST_F (Compare, ThemesWithKnownCounts)
{
  TeemaCompareOptions opt = {};
  GError *error = nullptr;
  TeemaTable *t = teema_report_compare (p, &opt, &error);
  ASSERT_NE (t, nullptr) << error->message;
  ASSERT_EQ (teema_table_n_columns (t), 12u);
  EXPECT_STREQ (teema_table_column_name (t, 3), "customer_k");
  EXPECT_STREQ (teema_table_column_name (t, 10), "employee_per_1000_words");
  ASSERT_EQ (teema_table_n_rows (t), 3u);
  // customer: 6 words, employee: 9 words; parents roll up children.
  EXPECT_EQ (row (t, 0), "experience Asiakaskokemus  2 2 2 333.33 "
                         "1 2 1 111.11 1.000");
  EXPECT_EQ (row (t, 1), "trust Luottamus experience 2 2 2 333.33 "
                         "1 2 1 111.11 1.000");
  // 0/2 vs 2/2: Fisher p = 1/3.
  EXPECT_EQ (row (t, 2), "price Hinta  0 2 0 0.00 2 2 2 222.22 0.333");
  teema_table_free (t);
}

TEST_F (Compare, OneCoderAndOrderOfGroups)
{
  TeemaCompareOptions opt = {};
  opt.group_a = "employee";
  opt.group_b = "customer";
  opt.coder = "anna";
  opt.wide = TRUE;
  GError *error = nullptr;
  TeemaTable *t = teema_report_compare (p, &opt, &error);
  ASSERT_NE (t, nullptr) << error->message;
  EXPECT_STREQ (teema_table_title (t), "Themes: employee vs customer");
  EXPECT_EQ (row (t, 1), "  Luottamus 1/2 1 111.11 1/2 1 166.67 1.000");
  teema_table_free (t);
}

TEST_F (Compare, GroupErrors)
{
  TeemaCompareOptions opt = {};
  opt.group_a = "employee";
  opt.group_b = "partner";
  GError *error = nullptr;
  EXPECT_EQ (teema_report_compare (p, &opt, &error), nullptr);
  EXPECT_TRUE (g_error_matches (error, TEEMA_ERROR, TEEMA_ERROR_NOT_FOUND));
  EXPECT_NE (strstr (error->message, "'partner'"), nullptr);
  g_clear_error (&error);
  // A third group: defaults no longer apply, and the error names them.
  ASSERT_TRUE (teema_informant_set_attr (p, "C2", "group", "partner", &error));
  opt = {};
  EXPECT_EQ (teema_report_keyness (p, &opt, &error), nullptr);
  ASSERT_NE (error, nullptr);
  EXPECT_NE (strstr (error->message, "customer, employee, partner"), nullptr)
    << error->message;
  g_clear_error (&error);
}

TEST_F (Compare, KeynessWithKnownCounts)
{
  GError *error = nullptr;
  TeemaAnalyzer *az = teema_analyzer_new ("fi", &error);
  ASSERT_NE (az, nullptr);
  std::string hinta = teema_analyzer_analyze (az, "hinta")->lemmas[0];
  std::string luottamus = teema_analyzer_analyze (az, "luottamus")->lemmas[0];
  teema_analyzer_free (az);
  TeemaCompareOptions opt = {};
  opt.group_a = "employee";
  opt.group_b = "customer";
  // By default only rows with p < 0.05: hinta (G² 4.09, p 0.043).
  TeemaTable *t = teema_report_keyness (p, &opt, &error);
  ASSERT_NE (t, nullptr) << error->message;
  ASSERT_EQ (teema_table_n_rows (t), 1u);
  EXPECT_EQ (teema_table_cell (t, 0, 1), hinta);
  EXPECT_STREQ (teema_table_cell (t, 0, 5), "0.043");
  teema_table_free (t);
  opt.all = TRUE;
  t = teema_report_keyness (p, &opt, &error);
  ASSERT_NE (t, nullptr) << error->message;
  // Informant tokens: employee 9 (hinta ×4, interviewer's not counted),
  // customer 6 (luottamus ×3); other lemmas fall under 3 in all.
  ASSERT_EQ (teema_table_n_rows (t), 2u);
  EXPECT_STREQ (teema_table_cell (t, 0, 0), "employee");
  EXPECT_EQ (teema_table_cell (t, 0, 1), hinta);
  EXPECT_STREQ (teema_table_cell (t, 0, 2), "4");
  EXPECT_STREQ (teema_table_cell (t, 0, 3), "0");
  // G² = 2 · 4 ln (4 / (9 · 4 / 15)) = 8 ln (5/3) = 4.087
  EXPECT_NEAR (atof (teema_table_cell (t, 0, 4)), 8.0 * std::log (5.0 / 3.0),
               0.005);
  // log2 ((4/9) / (0.5/6)) = 2.415
  EXPECT_NEAR (atof (teema_table_cell (t, 0, 6)), 2.415, 0.005);
  EXPECT_STREQ (teema_table_cell (t, 1, 0), "customer");
  EXPECT_EQ (teema_table_cell (t, 1, 1), luottamus);
  EXPECT_STREQ (teema_table_cell (t, 1, 2), "1");
  EXPECT_STREQ (teema_table_cell (t, 1, 3), "3");
  teema_table_free (t);
  // --top 1 --min-freq 1 keeps one row per group.
  opt.top = 1;
  opt.min_freq = 1;
  t = teema_report_keyness (p, &opt, &error);
  ASSERT_NE (t, nullptr);
  EXPECT_EQ (teema_table_n_rows (t), 2u);
  EXPECT_EQ (teema_table_cell (t, 0, 1), hinta);
  teema_table_free (t);
}

// Keyness reads only the first lemma of each indexed word, summed per
// document, and completes suspended compound parts ("asiakaskokemuksen ja
// -polun") from the words before them: its counts are those of the
// analyser tokenising every informant turn itself.
TEST (Keyness, CountsWhatTheAnalyserTokenises)
{
  const char *emp =
    "---\ninformant: E1\ngroup: employee\n---\n"
    "I: Mitä te mittaatte?\n"
    "E1: Me mitataan asiakas- ja henkilöstötyytyväisyyttä joka vuosi, ja "
    "tyytyväisyys on noussut. Asiakastyytyväisyys on meille tärkein, "
    "ja asiakaskokemuksen ja -polun mittareita kehitetään. "
    "Asiakaskokemuksen, -polun, -matkan ja -tarinan pitää olla yksi.\n"
    "I: Entä hinta?\n"
    "E1: Hinnat nousee, hinta on 1200 euroa.\n";
  const char *cus = "---\ninformant: C1\ngroup: customer\n---\n"
                    "I: Luotatteko toimittajaan?\n"
                    "C1: Luottamus syntyy ajan kanssa, luotetaan kyllä. "
                    "Asiakastyytyväisyyskyselyihin vastataan harvoin.\n";
  testutil::TempDir dir;
  TeemaProject *p = testutil::fixture_project (
    dir, kCodebook, { { "E1.txt", emp }, { "C1.txt", cus } });
  ASSERT_NE (p, nullptr);
  GError *error = nullptr;
  TeemaCompareOptions opt =
    testutil::keyness_every_lemma ("employee", "customer");
  TeemaTable *t = teema_report_keyness (p, &opt, &error);
  ASSERT_NE (t, nullptr) << error->message;
  // lemma -> (employee, customer), from the report's rows.
  std::map<std::string, std::pair<int, int>> got;
  for (guint r = 0; r < teema_table_n_rows (t); r++)
    got[teema_table_cell (t, r, 1)] = { atoi (teema_table_cell (t, r, 2)),
                                        atoi (teema_table_cell (t, r, 3)) };
  teema_table_free (t);
  // The same counted by tokenising the informant turns (numbers left out).
  TeemaAnalyzer *az = teema_analyzer_new ("fi", &error);
  ASSERT_NE (az, nullptr);
  std::map<std::string, std::pair<int, int>> want;
  TeemaSegmentFilter f = {};
  GPtrArray *segs = teema_segment_list (p, &f, &error);
  ASSERT_NE (segs, nullptr);
  for (guint i = 0; i < segs->len; i++) {
    auto *s = (TeemaSegment *) segs->pdata[i];
    GArray *tokens = teema_analyzer_tokenize (az, s->text, -1);
    for (guint k = 0; k < tokens->len; k++) {
      const TeemaToken *tok = &g_array_index (tokens, TeemaToken, k);
      if (tok->flags & TEEMA_TOKEN_NUMBER)
        continue;
      auto &n = want[tok->analysis->lemmas[0]];
      (g_str_equal (s->group, "employee") ? n.first : n.second)++;
    }
    g_array_unref (tokens);
  }
  g_ptr_array_unref (segs);
  teema_analyzer_free (az);
  int total[2] = { 0, 0 };
  for (auto &[lemma, n] : want) {
    total[0] += n.first;
    total[1] += n.second;
  }
  // Every lemma one group uses relatively more than the other is a row
  // with the analyser's counts; one used alike by both is none.
  size_t rows = 0;
  for (auto &[lemma, n] : want) {
    if (n.first * total[1] == n.second * total[0])
      continue;
    rows++;
    ASSERT_TRUE (got.count (lemma)) << lemma;
    EXPECT_EQ (got[lemma], n) << lemma;
  }
  EXPECT_EQ (got.size (), rows);
  // "-polun" counts as the compound it completes, not as "polku"; so does
  // "-tarinan", whose nearest compounds are themselves suspended parts.
  EXPECT_EQ (want["asiakaspolku"].first, 2);
  EXPECT_EQ (got["asiakaspolku"], want["asiakaspolku"]);
  EXPECT_EQ (want["asiakastarina"].first, 1);
  EXPECT_EQ (got["asiakastarina"], want["asiakastarina"]);
  EXPECT_FALSE (got.count ("polku"));
  EXPECT_FALSE (got.count ("tarina"));
  teema_project_free (p);
}

} // namespace
