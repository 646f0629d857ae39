// test-autocode.cpp — autocoding the bundled corpus with the shipped
// codebook: the Finnish pitfalls land on the right themes, dry runs change
// nothing, re-runs are idempotent, and the analysis cache is persisted.
#include <gtest/gtest.h>
#include <teema/teema.h>

#include <set>
#include <sqlite3.h>
#include <string>

#include "testutil.h"

namespace {

class Autocode : public ::testing::Test {
protected:
  void SetUp () override
  {
    GError *error = nullptr;
    path = dir.file ("p.teema");
    p = teema_project_create (path.c_str (), &error);
    ASSERT_NE (p, nullptr) << error->message;
    TeemaCodebook *cb = teema_codebook_load (
      testutil::source ("codebooks/b2b-asiakaskokemus.codebook").c_str (),
      &error);
    ASSERT_NE (cb, nullptr) << error->message;
    ASSERT_TRUE (teema_codebook_set (p, cb, FALSE, &error));
    teema_codebook_free (cb);
    GPtrArray *paths = g_ptr_array_new_with_free_func (g_free);
    GDir *d =
      g_dir_open (testutil::source ("corpora/b2b").c_str (), 0, nullptr);
    const char *n;
    while ((n = g_dir_read_name (d)))
      g_ptr_array_add (
        paths, g_strdup (
                 testutil::source ("corpora/b2b/" + std::string (n)).c_str ()));
    g_dir_close (d);
    GPtrArray *r = teema_document_import (p, (const char *const *) paths->pdata,
                                          paths->len, nullptr, &error);
    ASSERT_NE (r, nullptr) << error->message;
    g_ptr_array_unref (r);
    g_ptr_array_unref (paths);
  }
  void TearDown () override
  {
    teema_project_free (p);
  }

  TeemaAutocodeResult *run (bool dry)
  {
    TeemaAutocodeOptions opt = {};
    opt.dry_run = dry;
    opt.keep_items = TRUE;
    GError *error = nullptr;
    TeemaAutocodeResult *r = teema_autocode_run (p, &opt, &error);
    EXPECT_NE (r, nullptr) << (error ? error->message : "");
    return r;
  }

  // Themes that code the segments where word occurs, via the hits.
  std::set<std::string> themes_hit_by (TeemaAutocodeResult *r,
                                       const std::string &word)
  {
    std::set<std::string> out;
    for (guint i = 0; i < r->items->len; i++) {
      auto *it = (TeemaAutocodeItem *) r->items->pdata[i];
      for (guint h = 0; h < it->hits->len; h++) {
        auto *hit = (TeemaAutocodeHit *) it->hits->pdata[h];
        if (g_utf8_collate (hit->word, word.c_str ()) == 0
            || g_ascii_strcasecmp (hit->word, word.c_str ()) == 0)
          out.insert (it->theme);
      }
    }
    return out;
  }

  testutil::TempDir dir;
  std::string path;
  TeemaProject *p = nullptr;
};

TEST_F (Autocode, FinnishFormsLandOnTheRightThemes)
{
  TeemaAutocodeResult *r = run (false);
  ASSERT_NE (r, nullptr);
  EXPECT_STREQ (r->backend, "voikko");
  EXPECT_GT (r->n_words, 17000u);
  EXPECT_EQ (r->n_segments, 438u / 2);
  EXPECT_TRUE (themes_hit_by (r, "luottamuksen").count ("trust"));
  EXPECT_TRUE (themes_hit_by (r, "asiakassuhteita").count ("relationship"));
  EXPECT_TRUE (themes_hit_by (r, "vaivattomasti").count ("effortlessness"));
  EXPECT_TRUE (themes_hit_by (r, "mittareita").count ("measurement"));
  EXPECT_TRUE (themes_hit_by (r, "luotu").empty ());
  teema_autocode_result_free (r);
}

TEST_F (Autocode, DryRunChangesNothingAndRerunIsIdempotent)
{
  TeemaAutocodeResult *dry = run (true);
  TeemaCodingFilter f = { TEEMA_CODER_RULES, nullptr, nullptr, 0 };
  GPtrArray *none = teema_coding_list (p, &f, nullptr);
  EXPECT_EQ (none->len, 0u);
  g_ptr_array_unref (none);
  TeemaAutocodeResult *real = run (false);
  EXPECT_GT (real->n_added, 100u); // the corpus is coded at all
  EXPECT_EQ (dry->n_added, real->n_added);
  GPtrArray *after = teema_coding_list (p, &f, nullptr);
  EXPECT_EQ (after->len, real->n_codings);
  TeemaAutocodeResult *again = run (false);
  EXPECT_EQ (again->n_added, 0u);
  EXPECT_EQ (again->n_removed, 0u);
  EXPECT_EQ (again->n_kept, real->n_codings);
  g_ptr_array_unref (after);
  teema_autocode_result_free (dry);
  teema_autocode_result_free (real);
  teema_autocode_result_free (again);
}

TEST_F (Autocode, RuleCodingsCarryTheirExplanation)
{
  TeemaAutocodeResult *r = run (false);
  TeemaCodingFilter f = { TEEMA_CODER_RULES, "trust", nullptr, 0 };
  GPtrArray *codings = teema_coding_list (p, &f, nullptr);
  ASSERT_GT (codings->len, 0u);
  for (guint i = 0; i < codings->len; i++) {
    auto *c = (TeemaCoding *) codings->pdata[i];
    EXPECT_STREQ (c->coder, "rules");
    ASSERT_NE (c->note, nullptr);
    EXPECT_NE (std::string (c->note).find ("<-"), std::string::npos);
    TeemaSegment *s = teema_segment_get (p, c->segment_id, nullptr);
    EXPECT_EQ (c->start, s->start);
    EXPECT_EQ (c->end, s->end);
    EXPECT_FALSE (s->interviewer);
    teema_segment_free (s);
  }
  g_ptr_array_unref (codings);
  teema_autocode_result_free (r);
}

TEST_F (Autocode, AnalysisCacheIsPersistedInTheProject)
{
  TeemaAutocodeResult *r = run (false);
  teema_autocode_result_free (r);
  teema_project_free (p);
  GError *error = nullptr;
  p = teema_project_open (path.c_str (), &error);
  ASSERT_NE (p, nullptr);
  // A second run reads the cache: the same result, nothing added.
  TeemaAutocodeResult *again = run (false);
  EXPECT_EQ (again->n_added, 0u);
  teema_autocode_result_free (again);
}

TEST_F (Autocode, ChangedCodebookRemovesStaleRuleCodings)
{
  TeemaAutocodeResult *r = run (false);
  guint before = r->n_codings;
  teema_autocode_result_free (r);
  GError *error = nullptr;
  TeemaCodebook *cb = teema_codebook_parse (
    "theme trust\n  rule: lemma:luottamus\n", -1, "small", &error);
  ASSERT_NE (cb, nullptr);
  ASSERT_TRUE (teema_codebook_set (p, cb, TRUE, &error));
  teema_codebook_free (cb);
  TeemaAutocodeResult *after = run (false);
  EXPECT_GT (after->n_removed, 0u);
  EXPECT_LT (after->n_codings, before);
  EXPECT_GT (after->n_codings, 0u);
  teema_autocode_result_free (after);
}

// Coding keys once packed (segment << 16 | theme), so a theme id past
// 65,535 ran into the segment's bits: with theme ids above 2^20,
// (segment s, theme) stood for (segment s + 16, theme) too. The ids are
// raised here behind the library's back and the codings of every other
// run of 16 segments deleted: a re-run must put exactly those back.
TEST_F (Autocode, ThemeIdsBeyondSixteenBits)
{
  TeemaAutocodeResult *first = run (false);
  guint n = first->n_codings;
  ASSERT_GT (n, 100u);
  teema_autocode_result_free (first);
  teema_project_free (p);
  sqlite3 *db = nullptr;
  ASSERT_EQ (sqlite3_open (path.c_str (), &db), SQLITE_OK);
  ASSERT_EQ (
    sqlite3_exec (db,
                  "UPDATE theme SET id = id + 1048576;"
                  "UPDATE theme_rule SET theme_id = theme_id + 1048576;"
                  "UPDATE coding SET theme_id = theme_id + 1048576;"
                  "DELETE FROM coding WHERE (segment_id / 16) % 2 = 1;",
                  nullptr, nullptr, nullptr),
    SQLITE_OK);
  guint deleted = (guint) sqlite3_changes (db);
  sqlite3_close (db);
  ASSERT_GT (deleted, 10u);
  p = teema_project_open (path.c_str (), nullptr);
  ASSERT_NE (p, nullptr);
  TeemaAutocodeResult *again = run (false);
  EXPECT_EQ (again->n_added, deleted);
  EXPECT_EQ (again->n_removed, 0u);
  EXPECT_EQ (again->n_kept, n - deleted);
  teema_autocode_result_free (again);
  TeemaCodingFilter f = { TEEMA_CODER_RULES, nullptr, nullptr, 0 };
  GPtrArray *all = teema_coding_list (p, &f, nullptr);
  EXPECT_EQ (all->len, n);
  g_ptr_array_unref (all);
}

TEST_F (Autocode, SearchFindsRuleMatchesInContext)
{
  GError *error = nullptr;
  GPtrArray *m = teema_search_run (p, "part:suhde", nullptr, &error);
  ASSERT_NE (m, nullptr);
  EXPECT_GT (m->len, 5u);
  auto *first = (TeemaSearchMatch *) m->pdata[0];
  const TeemaRuleHit &h = g_array_index (first->hits, TeemaRuleHit, 0);
  gchar *line = teema_search_kwic (first->segment->text, h.start, h.end, 20);
  EXPECT_NE (std::string (line).find ("["), std::string::npos);
  g_free (line);
  g_ptr_array_unref (m);
  EXPECT_EQ (teema_search_run (p, "lemma:", nullptr, &error), nullptr);
  EXPECT_TRUE (g_error_matches (error, TEEMA_ERROR, TEEMA_ERROR_RULE));
  g_error_free (error);
}

TEST (Evaluate, DevsetScoresAreComputedFromCounts)
{
  GError *error = nullptr;
  testutil::TempDir dir;
  std::string devset = dir.write (
    "d.tsv", "id\tgroup\tspeaker\tthemes\ttext\n"
             "1\temployee\tH1\ttrust\tMeillä on luottamuksen ilmapiiri.\n"
             "2\temployee\tH1\t-\tMeille on luotu prosessi.\n"
             "3\tcustomer\tA1\ttrust\tNe pitää sanansa.\n");
  TeemaCodebook *cb = teema_codebook_parse (
    "theme trust\n  rule: lemma:luottamus\n", -1, "cb", &error);
  TeemaTable *t = teema_evaluate_devset (cb, devset.c_str (), nullptr, &error);
  ASSERT_NE (t, nullptr) << error->message;
  // trust: gold 2, predicted 1, tp 1 -> precision 1, recall 0.5.
  EXPECT_STREQ (teema_table_cell (t, 0, 0), "trust");
  EXPECT_STREQ (teema_table_cell (t, 0, 3), "1");
  EXPECT_STREQ (teema_table_cell (t, 0, 6), "1.000");
  EXPECT_STREQ (teema_table_cell (t, 0, 7), "0.500");
  EXPECT_STREQ (teema_table_cell (t, 0, 8), "0.667");
  teema_table_free (t);
  std::string bad = dir.write (
    "bad.tsv", "id\tgroup\tspeaker\tthemes\ttext\n1\temployee\tH1\tnope\tx\n");
  EXPECT_EQ (teema_evaluate_devset (cb, bad.c_str (), nullptr, &error),
             nullptr);
  EXPECT_NE (std::string (error->message).find ("bad.tsv:2"),
             std::string::npos);
  g_error_free (error);
  teema_codebook_free (cb);
}

// A theme with neither gold nor predicted codings has no precision,
// recall or F1: "-", and it does not pull the macro averages to zero.
TEST (Evaluate, ThemesWithoutDataAreLeftOutOfTheMacroAverage)
{
  GError *error = nullptr;
  testutil::TempDir dir;
  std::string devset = dir.write (
    "d.tsv", "id\tgroup\tspeaker\tthemes\ttext\n"
             "1\temployee\tH1\ttrust\tMeillä on luottamuksen ilmapiiri.\n"
             "2\temployee\tH1\ttrust\tNe pitää sanansa.\n");
  TeemaCodebook *cb =
    teema_codebook_parse ("theme trust\n  rule: lemma:luottamus\n"
                          "theme price\n  rule: lemma:hinta\n",
                          -1, "cb", &error);
  ASSERT_NE (cb, nullptr) << error->message;
  TeemaTable *t = teema_evaluate_devset (cb, devset.c_str (), nullptr, &error);
  ASSERT_NE (t, nullptr) << error->message;
  // trust: precision 1, recall 0.5, F1 0.667; price: nothing at all.
  EXPECT_STREQ (teema_table_cell (t, 1, 0), "price");
  for (guint c = 6; c <= 8; c++)
    EXPECT_STREQ (teema_table_cell (t, 1, c), "-") << c;
  EXPECT_STREQ (teema_table_cell (t, 3, 0), "(macro)");
  EXPECT_STREQ (teema_table_cell (t, 3, 6), "1.000");
  EXPECT_STREQ (teema_table_cell (t, 3, 7), "0.500");
  EXPECT_STREQ (teema_table_cell (t, 3, 8), "0.667");
  teema_table_free (t);
  teema_codebook_free (cb);
}

} // namespace
