// test-autocode.cpp — autocoding the bundled corpus with the shipped
// codebook: the Finnish pitfalls land on the right themes, dry runs change
// nothing, re-runs are idempotent, and the analysis cache is persisted.
#include <gtest/gtest.h>
#include <teema/teema.h>

#include <set>
#include <sqlite3.h>
#include <string>
#include <utility>
#include <vector>

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
  TeemaCodingFilter f = { TEEMA_CODER_RULES, nullptr, nullptr, 0, FALSE };
  GPtrArray *none = teema_coding_list (p, &f, nullptr);
  EXPECT_EQ (none->len, 0u);
  g_ptr_array_unref (none);
  TeemaAutocodeResult *real = run (false);
  EXPECT_GT (real->n_added, 100u); // the corpus is coded at all
  EXPECT_EQ (dry->n_added, real->n_added);
  GPtrArray *after = teema_coding_list (p, &f, nullptr);
  // n_codings counts (segment, theme) pairs; a theme of scope sentence
  // may code a segment in several parts, each a row.
  std::set<std::pair<gint64, std::string>> pairs;
  for (guint i = 0; i < after->len; i++) {
    auto *c = (TeemaCoding *) after->pdata[i];
    pairs.insert ({ c->segment_id, c->theme });
  }
  EXPECT_EQ (pairs.size (), real->n_codings);
  EXPECT_GT (after->len, real->n_codings);
  TeemaAutocodeResult *again = run (false);
  EXPECT_EQ (again->n_added, 0u);
  EXPECT_EQ (again->n_removed, 0u);
  EXPECT_EQ (again->n_kept, real->n_codings);
  g_ptr_array_unref (after);
  teema_autocode_result_free (dry);
  teema_autocode_result_free (real);
  teema_autocode_result_free (again);
}

// Trust has scope sentence in the shipped codebook: each rule coding is
// the whole turn or runs of its sentences, from a sentence's first
// character to another's last, with the words that fired there.
TEST_F (Autocode, RuleCodingsCarryTheirExplanation)
{
  TeemaAutocodeResult *r = run (false);
  TeemaCodingFilter f = { TEEMA_CODER_RULES, "trust", nullptr, 0, FALSE };
  GPtrArray *codings = teema_coding_list (p, &f, nullptr);
  ASSERT_GT (codings->len, 0u);
  guint partial = 0;
  for (guint i = 0; i < codings->len; i++) {
    auto *c = (TeemaCoding *) codings->pdata[i];
    EXPECT_STREQ (c->coder, "rules");
    ASSERT_NE (c->note, nullptr);
    EXPECT_NE (std::string (c->note).find ("<-"), std::string::npos);
    TeemaSegment *s = teema_segment_get (p, c->segment_id, nullptr);
    EXPECT_FALSE (s->interviewer);
    EXPECT_GE (c->start, s->start);
    EXPECT_LE (c->end, s->end);
    if (c->start != s->start || c->end != s->end) {
      partial++;
      GArray *sentences = teema_segment_sentences (s);
      bool starts = false, ends = false;
      for (guint k = 0; k < sentences->len; k++) {
        TeemaSpan sp = g_array_index (sentences, TeemaSpan, k);
        starts |= s->start + sp.start == c->start;
        ends |= s->start + sp.end == c->end;
      }
      EXPECT_TRUE (starts && ends) << c->segment_id;
      g_array_unref (sentences);
    }
    teema_segment_free (s);
  }
  EXPECT_GT (partial, codings->len / 2); // long turns, a sentence or two
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
  TeemaCodingFilter f = { TEEMA_CODER_RULES, nullptr, nullptr, 0, FALSE };
  GPtrArray *before = teema_coding_list (p, &f, nullptr);
  guint rows = before->len; // a pair may be several rows (scope sentence)
  g_ptr_array_unref (before);
  teema_project_free (p);
  sqlite3 *db = nullptr;
  ASSERT_EQ (sqlite3_open (path.c_str (), &db), SQLITE_OK);
  sqlite3_stmt *count = nullptr;
  ASSERT_EQ (sqlite3_prepare_v2 (db,
                                 "SELECT count(*) FROM (SELECT DISTINCT "
                                 "segment_id, theme_id FROM coding"
                                 " WHERE (segment_id / 16) % 2 = 1)",
                                 -1, &count, nullptr),
             SQLITE_OK);
  ASSERT_EQ (sqlite3_step (count), SQLITE_ROW);
  guint deleted = (guint) sqlite3_column_int (count, 0);
  sqlite3_finalize (count);
  ASSERT_EQ (
    sqlite3_exec (db,
                  "UPDATE theme SET id = id + 1048576;"
                  "UPDATE theme_rule SET theme_id = theme_id + 1048576;"
                  "UPDATE theme_evidence SET theme_id = theme_id + 1048576;"
                  "UPDATE coding SET theme_id = theme_id + 1048576;"
                  "DELETE FROM coding WHERE (segment_id / 16) % 2 = 1;",
                  nullptr, nullptr, nullptr),
    SQLITE_OK);
  sqlite3_close (db);
  ASSERT_GT (deleted, 10u);
  p = teema_project_open (path.c_str (), nullptr);
  ASSERT_NE (p, nullptr);
  TeemaAutocodeResult *again = run (false);
  EXPECT_EQ (again->n_added, deleted);
  EXPECT_EQ (again->n_removed, 0u);
  EXPECT_EQ (again->n_kept, n - deleted);
  teema_autocode_result_free (again);
  GPtrArray *all = teema_coding_list (p, &f, nullptr);
  EXPECT_EQ (all->len, rows);
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

// Keyword in context counts code points (Ä is one), pads a hit near the
// start, cuts the context at width with "…", and prints line breaks as
// spaces.
TEST (Search, KeywordInContextCountsCodePoints)
{
  const char *text = "Äiti sanoi: asiakassuhde on tärkeä\nja pitkä.";
  auto kwic = [&] (guint start, guint end, guint width) {
    gchar *line = teema_search_kwic (text, start, end, width);
    std::string out = line;
    g_free (line);
    return out;
  };
  EXPECT_EQ (kwic (12, 24, 5), "…noi: [asiakassuhde] on t…");
  EXPECT_EQ (kwic (0, 4, 5), "      [Äiti] sano…");
  EXPECT_EQ (kwic (28, 34, 5), "…e on [tärkeä] ja p…");
  EXPECT_EQ (kwic (38, 43, 10), "…tärkeä ja [pitkä].");
  EXPECT_EQ (kwic (38, 43, 400), std::string (400 - 38, ' ')
                                   + " Äiti sanoi: asiakassuhde on tärkeä ja "
                                     "[pitkä].");
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

// The seed set's files carry a sixth column, the coder's reason: columns
// are found by their header names, so the reason is never scored as text
// (here "luottamus" in a reason would code trust).
TEST (Evaluate, ColumnsAreFoundByHeaderName)
{
  GError *error = nullptr;
  testutil::TempDir dir;
  TeemaCodebook *cb = teema_codebook_parse (
    "theme trust\n  rule: lemma:luottamus\n", -1, "cb", &error);
  std::string six = dir.write (
    "six.tsv", "id\tgroup\tspeaker\tthemes\ttext\treason\n"
               "1\temployee\t?\ttrust\tLuottamus kasvaa.\tabout trust\n"
               "2\tcustomer\t?\t-\tNe toimittaa ajallaan.\tno luottamus\n");
  TeemaTable *t = teema_evaluate_devset (cb, six.c_str (), nullptr, &error);
  ASSERT_NE (t, nullptr) << error->message;
  EXPECT_STREQ (teema_table_cell (t, 0, 2), "1"); // predicted: row 1 only
  EXPECT_STREQ (teema_table_cell (t, 0, 8), "1.000");
  teema_table_free (t);
  // Any order; the text in the last column may hold a tab.
  std::string moved =
    dir.write ("moved.tsv", "themes\tid\ttext\n-\tx\tHinta.\tLuottamus.\n");
  t = teema_evaluate_devset (cb, moved.c_str (), nullptr, &error);
  ASSERT_NE (t, nullptr) << error->message;
  EXPECT_STREQ (teema_table_cell (t, 0, 4), "1"); // a false positive
  teema_table_free (t);
  std::string short_row =
    dir.write ("short.tsv", "id\tthemes\ttext\treason\n1\ttrust\tLuottamus.\n");
  EXPECT_EQ (teema_evaluate_devset (cb, short_row.c_str (), nullptr, &error),
             nullptr);
  EXPECT_NE (std::string (error->message).find ("short.tsv:2: expected 4"),
             std::string::npos)
    << error->message;
  g_clear_error (&error);
  std::string no_text =
    dir.write ("notext.tsv", "id\tthemes\tsentence\n1\ttrust\tx\n");
  EXPECT_EQ (teema_evaluate_devset (cb, no_text.c_str (), nullptr, &error),
             nullptr);
  EXPECT_NE (std::string (error->message).find ("no 'text' column"),
             std::string::npos)
    << error->message;
  g_clear_error (&error);
  teema_codebook_free (cb);
}

// --why groups each theme's errors by cause: a miss without any rule
// word, one an exclusion caused, one whose NEAR words are too far apart,
// one that lacks a NEAR partner; a false coding names rule, term and word.
// A re:// that does not match the text is no rule word (it once made
// every miss look like words too far apart).
TEST (Evaluate, WhyGroupsErrorsByCause)
{
  GError *error = nullptr;
  testutil::TempDir dir;
  TeemaCodebook *cb =
    teema_codebook_parse ("theme trust\n"
                          "  rule: lemma:luottamus\n"
                          "  rule: lemma:pitää NEAR/2 lemma:lupaus\n"
                          "  rule: re:/luotto\\w*/ OR lemma:varma\n"
                          "  exclude: \"luottamus on\"\n",
                          -1, "cb", &error);
  ASSERT_NE (cb, nullptr) << error->message;
  std::string d = dir.write (
    "d.tsv", "id\tthemes\ttext\treason\n"
             "A\ttrust\tNe hoitaa asiat.\tno rule word\n"
             "B\ttrust\tLuottamus on kova sana.\texcluded\n"
             "C\ttrust\tNe pitää aina kaikki tärkeät lupaukset.\tapart\n"
             "D\ttrust\tLupaus on lupaus.\tonly one side\n"
             "E\t-\tLuottamuksen puute.\tfalse\n"
             "F\t-\tLuottamusta ei ole.\tfalse\n"
             "G\ttrust\tLuottamusta riittää.\tright\n");
  TeemaEvaluateOptions opt = {};
  opt.why = TRUE;
  TeemaTable *t = teema_evaluate_devset (cb, d.c_str (), &opt, &error);
  ASSERT_NE (t, nullptr) << error->message;
  std::vector<std::string> rows;
  for (guint r = 0; r < teema_table_n_rows (t); r++) {
    std::string row;
    for (guint c = 0; c < teema_table_n_columns (t); c++)
      row += std::string (c ? " | " : "") + teema_table_cell (t, r, c);
    rows.push_back (row);
  }
  std::vector<std::string> want = {
    "trust | missed | 1 | excluded by \"luottamus on\" (luottamus, on) | B",
    "trust | missed | 1 | no rule word | A",
    "trust | missed | 1 | no whole rule, only lemma:lupaus | D",
    "trust | missed | 1 | rule 2: its words apart or out of order | C",
    "trust | false | 2 | rule 1: lemma:luottamus (luottamuksen, luottamusta)"
    " | E F",
  };
  EXPECT_EQ (rows, want);
  teema_table_free (t);
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

// Scores a development set with the shipped codebook and checks the
// micro-F1 over all leaf themes, the F1 of each of the four themes issue
// 14 sets targets for, and their pooled (micro) F1.
void
expect_scores (TeemaCodebook *cb, const char *set, double min_micro,
               double min_theme, double min_pooled)
{
  SCOPED_TRACE (set);
  GError *error = nullptr;
  TeemaEvaluateOptions opt = {};
  opt.leaves_only = TRUE;
  TeemaTable *t =
    teema_evaluate_devset (cb, testutil::source (set).c_str (), &opt, &error);
  ASSERT_NE (t, nullptr) << error->message;
  guint micro = teema_table_n_rows (t) - 2;
  ASSERT_STREQ (teema_table_cell (t, micro, 0), "(micro)");
  EXPECT_GE (g_ascii_strtod (teema_table_cell (t, micro, 8), nullptr),
             min_micro);
  double tp = 0, fp = 0, fn = 0;
  for (guint r = 0; r < micro; r++) {
    std::string theme = teema_table_cell (t, r, 0);
    if (theme == "relationship" || theme == "trust" || theme == "effortlessness"
        || theme == "measurement") {
      EXPECT_GE (g_ascii_strtod (teema_table_cell (t, r, 8), nullptr),
                 min_theme)
        << theme;
      tp += g_ascii_strtod (teema_table_cell (t, r, 3), nullptr);
      fp += g_ascii_strtod (teema_table_cell (t, r, 4), nullptr);
      fn += g_ascii_strtod (teema_table_cell (t, r, 5), nullptr);
    }
  }
  EXPECT_GE (2 * tp / (2 * tp + fp + fn), min_pooled);
  teema_table_free (t);
}

// The shipped codebook on its development sets and on the seed set: the
// seed files read with their reason column, and the scores stay where
// issue 14 left them, so that a rule change that costs recall or
// precision shows here. devset: micro-F1 0.653 before issue 14, 0.798
// after its first round, 0.814 after the second (relationship, trust,
// effortlessness, measurement 0.95, 0.89, 0.88, 0.98). trainset (blind
// answers of three other industries, tuned on in the second round):
// micro-F1 0.441 before it, 0.676 after, the four themes pooled 0.479 ->
// 0.889. Round 3 (rule scopes, effortlessness precision): devset 0.819 ->
// 0.822, trainset 0.674 -> 0.682, pooled 0.885 -> 0.899, effortlessness
// on the trainset 0.816 -> 0.866. The 9 seed quotes are too few to hold
// to a score, and seedset-reported is checked to load (see
// tests/seedset/SCORES.md).
TEST (Evaluate, ShippedCodebookOnTheDevsetAndSeedSet)
{
  GError *error = nullptr;
  TeemaCodebook *cb = teema_codebook_load (
    testutil::source ("codebooks/b2b-asiakaskokemus.codebook").c_str (),
    &error);
  ASSERT_NE (cb, nullptr) << error->message;
  expect_scores (cb, "tests/devset/devset.tsv", 0.80, 0.85, 0.90);
  expect_scores (cb, "tests/trainset/trainset.tsv", 0.67, 0.85, 0.89);
  TeemaEvaluateOptions opt = {};
  opt.leaves_only = TRUE;
  for (const char *seed :
       { "tests/seedset/seedset.tsv", "tests/seedset/seedset-reported.tsv" }) {
    TeemaTable *t = teema_evaluate_devset (cb, testutil::source (seed).c_str (),
                                           &opt, &error);
    ASSERT_NE (t, nullptr) << seed << ": " << error->message;
    EXPECT_EQ (teema_table_n_rows (t), 16u) << seed; // 14 leaves, micro, macro
    teema_table_free (t);
  }
  teema_codebook_free (cb);
}

// Keyness keeps only the top rows of each group out of thousands of
// lemmas: they must be the first rows of the whole ranking, in its order,
// whatever the top.
TEST_F (Autocode, KeynessTopRowsAreTheWholeRankingsFirst)
{
  auto rows = [&] (guint top) {
    TeemaCompareOptions opt =
      testutil::keyness_every_lemma ("employee", "customer");
    opt.top = top;
    GError *error = nullptr;
    TeemaTable *t = teema_report_keyness (p, &opt, &error);
    EXPECT_NE (t, nullptr) << error->message;
    std::vector<std::vector<std::string>> out;
    for (guint r = 0; t && r < teema_table_n_rows (t); r++) {
      out.emplace_back ();
      for (guint c = 0; c < 7; c++)
        out.back ().push_back (teema_table_cell (t, r, c));
    }
    teema_table_free (t);
    return out;
  };
  auto whole = rows (100000);
  std::vector<std::vector<std::string>> per_group[2];
  for (auto &r : whole)
    per_group[r[0] == "employee" ? 0 : 1].push_back (r);
  ASSERT_GT (per_group[0].size (), 500u);
  ASSERT_GT (per_group[1].size (), 500u);
  for (guint top : { 1u, 2u, 7u, 20u, 333u }) {
    std::vector<std::vector<std::string>> want;
    for (auto &g : per_group)
      want.insert (want.end (), g.begin (), g.begin () + top);
    EXPECT_EQ (rows (top), want) << "top " << top;
  }
}

} // namespace
