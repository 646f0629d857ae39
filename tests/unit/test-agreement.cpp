// test-agreement.cpp — the agreement statistics against worked examples
// from the literature, and agreement of coders on a small project.
//
// Sources:
//  - Krippendorff, K. (2011). Computing Krippendorff's Alpha-Reliability.
//    Annenberg School for Communication, University of Pennsylvania,
//    Departmental Papers 43. Example A (binary data, two observers, no
//    missing data): alpha = 0.095. Example C (nominal data, four observers,
//    twelve units, missing data): alpha = 0.743.
//  - Cohen's kappa, the "simple example" of Wikipedia's article (50 grant
//    proposals read by two readers: yes/yes 20, yes/no 5, no/yes 10,
//    no/no 15): p_o = 0.70, p_e = 0.50, kappa = 0.40.
#include <gtest/gtest.h>
#include <teema/teema.h>

#include <cmath>
#include <initializer_list>
#include <string>
#include <vector>

#include "testutil.h"

namespace {

const int M = TEEMA_AGREEMENT_MISSING;

TEST (AgreementStats, KrippendorffNominalFourCodersMissingData)
{
  // Krippendorff (2011), example C: rows are observers A-D, columns units.
  const int data[4 * 12] = {
    1, 2, 3, 3, 2, 1, 4, 1, 2, M, M, M, // A
    1, 2, 3, 3, 2, 2, 4, 1, 2, 5, M, 3, // B
    M, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, M, // C
    1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, M, // D
  };
  double alpha = teema_agreement_krippendorff_alpha (data, 4, 12);
  EXPECT_NEAR (alpha, 0.743, 0.0005);
  // By hand: 40 pairable values (unit 12 has one); units 2 and 8 each
  // contribute 6/3 = 2 to the off-diagonal coincidences and unit 6
  // contributes 12/3 = 4, so sum o_ck (c != k) = 8; n_c = 9, 13, 10, 5, 3
  // for values 1..5, sum n_c n_k (c != k) = 40^2 - 384 = 1216;
  // alpha = 1 - 39 * 8 / 1216 = 0.74342.
  EXPECT_NEAR (alpha, 1.0 - 39.0 * 8.0 / 1216.0, 1e-12);
}

TEST (AgreementStats, KrippendorffBinaryTwoCoders)
{
  // Krippendorff (2011), example A: o_01 = o_10 = 4, n_0 = 14, n_1 = 6,
  // alpha = 1 - 19 * 4 / (14 * 6) = 0.0952.
  const int data[2 * 10] = {
    0, 1, 0, 0, 0, 0, 0, 0, 1, 0, 1, 1, 1, 0, 0, 1, 0, 0, 0, 0,
  };
  EXPECT_NEAR (teema_agreement_krippendorff_alpha (data, 2, 10),
               1.0 - 19.0 * 4.0 / (14.0 * 6.0), 1e-12);
  EXPECT_NEAR (teema_agreement_krippendorff_alpha (data, 2, 10), 0.095, 0.0005);
  EXPECT_DOUBLE_EQ (teema_agreement_percent (data, 2, 10), 0.6);
  // Kappa on the same data: p_o = 0.6, p_e = 0.2*0.4 + 0.8*0.6 = 0.56.
  EXPECT_NEAR (teema_agreement_cohen_kappa (data, data + 10, 10), 0.04 / 0.44,
               1e-12);
}

TEST (AgreementStats, CohenKappaTextbookExample)
{
  // 20 yes/yes, 5 yes/no, 10 no/yes, 15 no/no (1 = yes).
  std::vector<int> a, b;
  auto add = [&] (int n, int x, int y) {
    for (int i = 0; i < n; i++) {
      a.push_back (x);
      b.push_back (y);
    }
  };
  add (20, 1, 1);
  add (5, 1, 0);
  add (10, 0, 1);
  add (15, 0, 0);
  EXPECT_NEAR (teema_agreement_cohen_kappa (a.data (), b.data (), 50), 0.4,
               1e-12);
  std::vector<int> both (a);
  both.insert (both.end (), b.begin (), b.end ());
  EXPECT_NEAR (teema_agreement_percent (both.data (), 2, 50), 0.7, 1e-12);
}

TEST (AgreementStats, UndefinedAndMissing)
{
  // No variation at all: alpha and kappa are undefined, agreement is 1.
  const int same[2 * 3] = { 1, 1, 1, 1, 1, 1 };
  EXPECT_TRUE (std::isnan (teema_agreement_krippendorff_alpha (same, 2, 3)));
  EXPECT_TRUE (std::isnan (teema_agreement_cohen_kappa (same, same + 3, 3)));
  EXPECT_DOUBLE_EQ (teema_agreement_percent (same, 2, 3), 1.0);
  // Nothing pairable.
  const int lone[2 * 2] = { 1, M, M, 0 };
  EXPECT_TRUE (std::isnan (teema_agreement_percent (lone, 2, 2)));
  EXPECT_TRUE (std::isnan (teema_agreement_krippendorff_alpha (lone, 2, 2)));
  // Perfect agreement with variation.
  const int perfect[2 * 4] = { 0, 1, 0, 1, 0, 1, 0, 1 };
  EXPECT_DOUBLE_EQ (teema_agreement_krippendorff_alpha (perfect, 2, 4), 1.0);
  EXPECT_DOUBLE_EQ (teema_agreement_cohen_kappa (perfect, perfect + 4, 4), 1.0);
}

// A project with two short interviews and a three-theme codebook.
class AgreementProject : public ::testing::Test {
protected:
  void SetUp () override
  {
    GError *error = nullptr;
    p = teema_project_create (dir.file ("p.teema").c_str (), &error);
    ASSERT_NE (p, nullptr) << error->message;
    TeemaCodebook *cb = teema_codebook_parse (
      "codebook: t\nlanguage: fi\n\ntheme trust\n  rule: luottamus\n\n"
      "theme price\n  rule: hinta\n\ntheme people\n  rule: ihminen\n",
      -1, "t", &error);
    ASSERT_NE (cb, nullptr) << error->message;
    ASSERT_TRUE (teema_codebook_set (p, cb, FALSE, &error));
    teema_codebook_free (cb);
    std::string a =
      dir.write ("A.txt", "I: Kysymys?\nA: Luottamus on tärkeää.\nI: Entä?\n"
                          "A: Hinta ratkaisee.\nI: Vielä?\nA: Ihmiset.\n");
    std::string b = dir.write (
      "B.txt",
      "I: Kysymys?\nB: Ei mitään.\nI: Entä?\nB: Hinta ja luottamus.\n");
    const char *paths[] = { a.c_str (), b.c_str () };
    GPtrArray *r = teema_document_import (p, paths, 2, nullptr, &error);
    ASSERT_NE (r, nullptr) << error->message;
    g_ptr_array_unref (r);
    TeemaSegmentFilter f = {};
    GPtrArray *segs = teema_segment_list (p, &f, &error);
    ASSERT_EQ (segs->len, 5u);
    for (guint i = 0; i < segs->len; i++)
      ids.push_back (((TeemaSegment *) segs->pdata[i])->id);
    g_ptr_array_unref (segs);
  }
  void TearDown () override
  {
    teema_project_free (p);
  }
  void code (int seg, const char *theme, const char *coder)
  {
    GError *error = nullptr;
    ASSERT_TRUE (teema_coding_add (p, ids[seg], theme, coder, nullptr, &error));
  }
  struct Coding {
    int seg;
    const char *theme, *coder;
  };
  void code_all (std::initializer_list<Coding> codings)
  {
    for (const Coding &c : codings)
      code (c.seg, c.theme, c.coder);
  }
  std::string cell (TeemaTable *t, const char *row, const char *col)
  {
    for (guint r = 0; r < teema_table_n_rows (t); r++)
      if (g_str_equal (teema_table_cell (t, r, 0), row))
        for (guint c = 0; c < teema_table_n_columns (t); c++)
          if (g_str_equal (teema_table_column_name (t, c), col))
            return teema_table_cell (t, r, c);
    return "?";
  }
  testutil::TempDir dir;
  TeemaProject *p = nullptr;
  std::vector<gint64> ids;
};

TEST_F (AgreementProject, PerThemeAndOverall)
{
  // Segments: 0 A1 luottamus, 1 A2 hinta, 2 A3 ihmiset, 3 B1, 4 B2. Ben
  // disagrees with anna on 2's price and coded nothing else in B, so 4's
  // trust is missed.
  code_all ({ { 0, "trust", "anna" },
              { 1, "price", "anna" },
              { 4, "price", "anna" },
              { 4, "trust", "anna" },
              { 0, "trust", "ben" },
              { 1, "price", "ben" },
              { 2, "price", "ben" },
              { 4, "price", "ben" } });
  const char *coders[] = { "anna", "ben", nullptr };
  GError *error = nullptr;
  TeemaTable *t = teema_agreement_report (p, coders, nullptr, &error);
  ASSERT_NE (t, nullptr) << error->message;
  // price: anna 1,1,0,0,1 / ben 1,1,1,0,1 over 5 units.
  const int pa[5] = { 0, 1, 0, 0, 1 }, pb[5] = { 0, 1, 1, 0, 1 };
  int pboth[10];
  for (int i = 0; i < 5; i++) {
    pboth[i] = pa[i];
    pboth[5 + i] = pb[i];
  }
  EXPECT_EQ (cell (t, "price", "units"), "5");
  EXPECT_EQ (cell (t, "price", "coded anna/ben"), "2/3");
  EXPECT_EQ (cell (t, "price", "agreement"), "0.800");
  char buf[32];
  g_snprintf (buf, sizeof buf, "%.3f", teema_agreement_cohen_kappa (pa, pb, 5));
  EXPECT_EQ (cell (t, "price", "kappa"), buf);
  g_snprintf (buf, sizeof buf, "%.3f",
              teema_agreement_krippendorff_alpha (pboth, 2, 5));
  EXPECT_EQ (cell (t, "price", "alpha"), buf);
  EXPECT_EQ (cell (t, "people", "alpha"), "-"); // nobody coded it
  EXPECT_EQ (cell (t, "trust", "agreement"), "0.800");
  EXPECT_EQ (cell (t, "(overall)", "units"), "15");
  EXPECT_EQ (cell (t, "(overall)", "agreement"), "0.867");
  teema_table_free (t);

  TeemaTable *d = teema_agreement_disagreements (p, coders, nullptr, &error);
  ASSERT_NE (d, nullptr) << error->message;
  ASSERT_EQ (teema_table_n_rows (d), 2u);
  EXPECT_STREQ (teema_table_cell (d, 0, 4), "price");
  EXPECT_STREQ (teema_table_cell (d, 0, 5), "no");
  EXPECT_STREQ (teema_table_cell (d, 0, 6), "yes");
  EXPECT_STREQ (teema_table_cell (d, 1, 4), "trust");
  teema_table_free (d);
}

TEST_F (AgreementProject, MissingDocumentsAndErrors)
{
  code (0, "trust", "anna");
  code (0, "trust", "ben");
  code (3, "price", "anna"); // ben never coded document B: missing there
  const char *coders[] = { "anna", "ben", nullptr };
  GError *error = nullptr;
  TeemaTable *t = teema_agreement_report (p, coders, nullptr, &error);
  ASSERT_NE (t, nullptr);
  EXPECT_EQ (cell (t, "trust", "units"), "3"); // only A's segments pair
  EXPECT_EQ (cell (t, "trust", "agreement"), "1.000");
  teema_table_free (t);
  TeemaAgreementOptions all = { TRUE };
  t = teema_agreement_report (p, coders, &all, &error);
  EXPECT_EQ (cell (t, "price", "units"), "5");
  EXPECT_EQ (cell (t, "price", "agreement"), "0.800");
  teema_table_free (t);
  const char *unknown[] = { "anna", "nobody", nullptr };
  EXPECT_EQ (teema_agreement_report (p, unknown, nullptr, &error), nullptr);
  EXPECT_TRUE (g_error_matches (error, TEEMA_ERROR, TEEMA_ERROR_NOT_FOUND));
  g_clear_error (&error);
  const char *one[] = { "anna", nullptr };
  EXPECT_EQ (teema_agreement_report (p, one, nullptr, &error), nullptr);
  g_clear_error (&error);
}

// Three coders, one of whom (cia) never coded document B: the report,
// which counts each pattern of values once with its number of units,
// gives what the statistics give on the full units x coders matrix.
TEST_F (AgreementProject, ThreeCodersMatchTheFullMatrix)
{
  // Segments: 0-2 in document A, 3-4 in B.
  code_all ({ { 0, "trust", "anna" },
              { 1, "price", "anna" },
              { 4, "price", "anna" },
              { 0, "trust", "ben" },
              { 2, "price", "ben" },
              { 3, "trust", "ben" },
              { 0, "trust", "cia" },
              { 1, "price", "cia" },
              { 2, "trust", "cia" } });
  const char *coders[] = { "anna", "ben", "cia", nullptr };
  GError *error = nullptr;
  TeemaTable *t = teema_agreement_report (p, coders, nullptr, &error);
  ASSERT_NE (t, nullptr) << error->message;
  const int M = TEEMA_AGREEMENT_MISSING;
  // Per coder, units 0-4; cia is missing in B (units 3, 4).
  const int trust[15] = { 1, 0, 0, 0, 0, 1, 0, 0, 1, 0, 1, 0, 1, M, M };
  const int price[15] = { 0, 1, 0, 0, 1, 0, 0, 1, 0, 0, 0, 1, 0, M, M };
  struct {
    const char *theme;
    const int *data;
  } rows[] = { { "trust", trust }, { "price", price } };
  char buf[32];
  for (auto &row : rows) {
    g_snprintf (buf, sizeof buf, "%.3f",
                teema_agreement_percent (row.data, 3, 5));
    EXPECT_EQ (cell (t, row.theme, "agreement"), buf) << row.theme;
    g_snprintf (buf, sizeof buf, "%.3f",
                teema_agreement_krippendorff_alpha (row.data, 3, 5));
    EXPECT_EQ (cell (t, row.theme, "alpha"), buf) << row.theme;
    EXPECT_EQ (cell (t, row.theme, "units"), "5") << row.theme;
  }
  EXPECT_EQ (cell (t, "trust", "coded anna/ben/cia"), "1/2/2");
  EXPECT_EQ (cell (t, "price", "coded anna/ben/cia"), "2/1/1");
  // Overall pools every theme's units: the three other themes are all no
  // (and missing for cia in B).
  guint n_themes = teema_table_n_rows (t) - 1;
  guint units = 5 * n_themes;
  std::vector<int> all (3 * units);
  for (guint c = 0; c < 3; c++)
    for (guint u = 0; u < units; u++) {
      guint theme = u / 5, unit = u % 5;
      const char *code = teema_table_cell (t, theme, 0);
      int v = c == 2 && unit >= 3 ? M : 0;
      if (g_str_equal (code, "trust"))
        v = trust[c * 5 + unit];
      else if (g_str_equal (code, "price"))
        v = price[c * 5 + unit];
      all[c * units + u] = v;
    }
  g_snprintf (buf, sizeof buf, "%.3f",
              teema_agreement_krippendorff_alpha (all.data (), 3, units));
  EXPECT_EQ (cell (t, "(overall)", "alpha"), buf);
  g_snprintf (buf, sizeof buf, "%.3f",
              teema_agreement_percent (all.data (), 3, units));
  EXPECT_EQ (cell (t, "(overall)", "agreement"), buf);
  EXPECT_EQ (cell (t, "(overall)", "units"), std::to_string (units));
  teema_table_free (t);
}

} // namespace
