// test-scope.cpp — a theme's rule scope (scope: sentence): the codebook
// field and its round trips (text, project, .qdc), autocode coding only the
// sentences that match (adjacent ones as one span, NEAR and NOT within a
// sentence), re-runs that keep or replace those spans, quotes and reports
// that read them, and evaluate's "below scope" cause. Real SQLite, real
// Voikko.
#include <gtest/gtest.h>
#include <teema/teema.h>

#include <cstring>
#include <string>
#include <vector>

#include "testutil.h"

namespace {

// Turn 1 is long: trust in its sentences 2-3 (adjacent) and 5, price in
// sentence 6 only. Turn 2 is one sentence. Turn 3 says "lupaus" and
// "pidetään" in two sentences. Turn 4 has price and trust in one sentence
// and price alone in the next.
const char *const kH1 =
  "---\ninformant: H1\ngroup: employee\n---\n"
  "I: Kertoisitko teidän asiakkaista?\n"
  "H1: Meillä on pitkiä asiakkuuksia, osa on ollut mukana kymmenen vuotta. "
  "Tärkeintä on, että asiakas voi luottaa meihin. Lupaukset pidetään aina. "
  "Mut arki on enimmäkseen tarjouksia ja toimituksia. Luottamus syntyy "
  "hitaasti. Hinta ratkaisee usein lopulta.\n"
  "I: Entä palaute?\n"
  "H1: Luottamus syntyy ajan kanssa.\n"
  "I: Ja lupaukset?\n"
  "H1: Me annetaan aina lupaus. Ja se myös pidetään.\n"
  "I: Hinta?\n"
  "H1: Luottamus on tärkeää, mutta hinta ratkaisee. Ilman hintaa ei "
  "mitään.\n";

const char *const kCodebook = "codebook: t\nlanguage: fi\n"
                              "theme trust\n"
                              "  label.fi: Luottamus\n"
                              "  scope: sentence\n"
                              "  rule: root:luottaa OR lemma:luottamus\n"
                              "  rule: lemma:lupaus NEAR/5 lemma:pitää\n"
                              "theme price\n"
                              "  scope: sentence\n"
                              "  rule: lemma:hinta NOT lemma:luottamus\n"
                              "theme promise\n"
                              "  rule: lemma:lupaus NEAR/5 lemma:pitää\n";

TEST (Scope, CodebookFieldParsesAndRoundTrips)
{
  GError *error = nullptr;
  TeemaCodebook *cb = teema_codebook_parse (kCodebook, -1, "cb", &error);
  ASSERT_NE (cb, nullptr) << error->message;
  EXPECT_EQ (teema_codebook_lookup (cb, "trust")->scope, TEEMA_SCOPE_SENTENCE);
  EXPECT_EQ (teema_codebook_lookup (cb, "price")->scope, TEEMA_SCOPE_SENTENCE);
  EXPECT_EQ (teema_codebook_lookup (cb, "promise")->scope,
             TEEMA_SCOPE_SEGMENT); // the default
  char *text = teema_codebook_to_text (cb);
  std::string s (text);
  // Written back where it is not the default, and only there.
  EXPECT_NE (s.find ("theme trust\n  label.fi: Luottamus\n  scope: sentence\n"),
             std::string::npos)
    << s;
  EXPECT_EQ (s.find ("scope: segment"), std::string::npos) << s;
  TeemaCodebook *again = teema_codebook_parse (text, -1, "again", &error);
  ASSERT_NE (again, nullptr) << error->message;
  for (guint i = 0; i < teema_codebook_size (cb); i++)
    EXPECT_EQ (teema_codebook_theme (again, i)->scope,
               teema_codebook_theme (cb, i)->scope);
  teema_codebook_free (again);
  g_free (text);
  teema_codebook_free (cb);

  EXPECT_EQ (
    teema_codebook_parse ("theme a\n  scope: turn\n", -1, "cb.txt", &error),
    nullptr);
  ASSERT_NE (error, nullptr);
  EXPECT_EQ (std::string (error->message)
               .rfind ("cb.txt:2:10: scope 'turn' of theme 'a': expected "
                       "'segment'",
                       0),
             0u)
    << error->message;
  g_clear_error (&error);
  TeemaScope scope = TEEMA_SCOPE_SEGMENT;
  EXPECT_TRUE (teema_scope_parse ("Sentence", &scope));
  EXPECT_EQ (scope, TEEMA_SCOPE_SENTENCE);
  EXPECT_STREQ (teema_scope_name (scope), "sentence");
  EXPECT_FALSE (teema_scope_parse ("", &scope));
}

// REFI-QDA has no place for a rule scope: it travels in the teema block
// of the code's description, like the rules, and comes back.
TEST (Scope, QdcKeepsTheScope)
{
  GError *error = nullptr;
  TeemaCodebook *cb = teema_codebook_parse (kCodebook, -1, "cb", &error);
  ASSERT_NE (cb, nullptr) << error->message;
  char *qdc = teema_codebook_to_qdc (cb, nullptr);
  EXPECT_NE (strstr (qdc, "scope: sentence"), nullptr);
  TeemaCodebook *back =
    teema_codebook_parse_qdc (qdc, strlen (qdc), "cb.qdc", &error);
  ASSERT_NE (back, nullptr) << error->message;
  EXPECT_EQ (teema_codebook_lookup (back, "trust")->scope,
             TEEMA_SCOPE_SENTENCE);
  EXPECT_EQ (teema_codebook_lookup (back, "promise")->scope,
             TEEMA_SCOPE_SEGMENT);
  teema_codebook_free (back);
  g_free (qdc);
  teema_codebook_free (cb);
}

class ScopeProject : public ::testing::Test {
protected:
  void SetUp () override
  {
    p = testutil::fixture_project (dir, kCodebook, { { "H1.txt", kH1 } });
    ASSERT_NE (p, nullptr);
    GPtrArray *segs = teema_segment_list (p, nullptr, nullptr);
    ASSERT_EQ (segs->len, 4u);
    for (guint i = 0; i < segs->len; i++)
      seg.push_back (((TeemaSegment *) segs->pdata[i])->id);
    g_ptr_array_unref (segs);
  }
  void TearDown () override
  {
    teema_project_free (p);
  }

  TeemaAutocodeResult *autocode (bool dry = false)
  {
    TeemaAutocodeOptions opt = {};
    opt.dry_run = dry;
    opt.keep_items = TRUE;
    GError *error = nullptr;
    TeemaAutocodeResult *r = teema_autocode_run (p, &opt, &error);
    EXPECT_NE (r, nullptr) << (error ? error->message : "");
    return r;
  }

  // The rule codings of theme on segment i (0-based among informant
  // turns), as the text each covers ("*" for the whole segment).
  std::vector<std::string> coded (const char *theme, guint i)
  {
    TeemaCodingFilter f = { TEEMA_CODER_RULES, theme, nullptr, seg[i], FALSE };
    GPtrArray *list = teema_coding_list (p, &f, nullptr);
    TeemaSegment *s = teema_segment_get (p, seg[i], nullptr);
    std::vector<std::string> out;
    for (guint k = 0; list && k < list->len; k++) {
      auto *c = (TeemaCoding *) list->pdata[k];
      if (c->start == s->start && c->end == s->end) {
        out.push_back ("*");
        continue;
      }
      const char *a = g_utf8_offset_to_pointer (s->text, c->start - s->start);
      const char *b = g_utf8_offset_to_pointer (s->text, c->end - s->start);
      out.push_back (std::string (a, b - a));
    }
    teema_segment_free (s);
    if (list)
      g_ptr_array_unref (list);
    return out;
  }

  testutil::TempDir dir;
  TeemaProject *p = nullptr;
  std::vector<gint64> seg;
};

TEST_F (ScopeProject, StoredCodebookKeepsTheScopeAndThemeSetChangesIt)
{
  GError *error = nullptr;
  TeemaCodebook *cb = teema_codebook_get (p, &error);
  ASSERT_NE (cb, nullptr) << error->message;
  EXPECT_EQ (teema_codebook_lookup (cb, "trust")->scope, TEEMA_SCOPE_SENTENCE);
  EXPECT_EQ (teema_codebook_lookup (cb, "promise")->scope, TEEMA_SCOPE_SEGMENT);
  teema_codebook_free (cb);

  TeemaThemeFields f = {};
  f.scope = "sentence";
  ASSERT_TRUE (teema_theme_update (p, "promise", &f, &error)) << error->message;
  TeemaThemeFields other = {};
  other.label_en = "Trust"; // a field left NULL keeps the scope
  ASSERT_TRUE (teema_theme_update (p, "Luottamus", &other, &error));
  f.scope = "";
  ASSERT_TRUE (teema_theme_add (p, "new", &f, &error));
  cb = teema_codebook_get (p, &error);
  EXPECT_EQ (teema_codebook_lookup (cb, "promise")->scope,
             TEEMA_SCOPE_SENTENCE);
  EXPECT_EQ (teema_codebook_lookup (cb, "trust")->scope, TEEMA_SCOPE_SENTENCE);
  EXPECT_EQ (teema_codebook_lookup (cb, "new")->scope, TEEMA_SCOPE_SEGMENT);
  teema_codebook_free (cb);

  f.scope = "paragraph";
  EXPECT_FALSE (teema_theme_update (p, "trust", &f, &error));
  ASSERT_NE (error, nullptr);
  EXPECT_EQ (error->code, TEEMA_ERROR_PARSE);
  g_clear_error (&error);
}

TEST_F (ScopeProject, AutocodeCodesOnlyTheSentencesThatMatch)
{
  TeemaAutocodeResult *r = autocode ();
  ASSERT_NE (r, nullptr);
  // Adjacent matching sentences are one span; a gap makes two.
  EXPECT_EQ (coded ("trust", 0),
             (std::vector<std::string>{
               "Tärkeintä on, että asiakas voi luottaa meihin. Lupaukset "
               "pidetään aina.",
               "Luottamus syntyy hitaasti." }));
  EXPECT_EQ (coded ("price", 0),
             (std::vector<std::string>{ "Hinta ratkaisee usein lopulta." }));
  // A one-sentence turn that matches is coded whole.
  EXPECT_EQ (coded ("trust", 1), (std::vector<std::string>{ "*" }));
  // NEAR does not reach across a sentence: not coded, while the same rule
  // with scope segment codes the turn.
  EXPECT_TRUE (coded ("trust", 2).empty ());
  EXPECT_EQ (coded ("promise", 2), (std::vector<std::string>{ "*" }));
  // NOT looks only at its sentence.
  EXPECT_EQ (coded ("trust", 3),
             (std::vector<std::string>{ "Luottamus on tärkeää, mutta hinta "
                                        "ratkaisee." }));
  EXPECT_EQ (coded ("price", 3),
             (std::vector<std::string>{ "Ilman hintaa ei mitään." }));

  // The items say which sentences, numbered as coding add --sentences.
  bool seen = false;
  for (guint i = 0; i < r->items->len; i++) {
    auto *it = (TeemaAutocodeItem *) r->items->pdata[i];
    if (it->segment_id != seg[0] || !g_str_equal (it->theme, "trust"))
      continue;
    seen = true;
    ASSERT_EQ (it->spans->len, 2u);
    auto *a = &g_array_index (it->spans, TeemaAutocodeSpan, 0);
    auto *b = &g_array_index (it->spans, TeemaAutocodeSpan, 1);
    EXPECT_EQ (a->first, 2u);
    EXPECT_EQ (a->last, 3u);
    EXPECT_EQ (b->first, 5u);
    EXPECT_EQ (b->last, 5u);
    EXPECT_EQ (it->hits->len, 4u); // luottaa, Lupaukset, pidetään, Luottamus
  }
  EXPECT_TRUE (seen);
  // Counts are of (segment, theme) pairs: trust 3, price 2, promise 2.
  EXPECT_EQ (r->n_codings, 7u);
  teema_autocode_result_free (r);

  // Each part's note names its own words.
  TeemaCodingFilter f = { TEEMA_CODER_RULES, "trust", nullptr, seg[0], FALSE };
  GPtrArray *list = teema_coding_list (p, &f, nullptr);
  ASSERT_EQ (list->len, 2u);
  EXPECT_NE (strstr (((TeemaCoding *) list->pdata[0])->note, "luottaa"),
             nullptr);
  EXPECT_EQ (strstr (((TeemaCoding *) list->pdata[0])->note, "Luottamus"),
             nullptr);
  EXPECT_NE (strstr (((TeemaCoding *) list->pdata[1])->note, "Luottamus"),
             nullptr);
  g_ptr_array_unref (list);

  // A suggestion to a coder has the words of every part.
  TeemaSuggestionFilter sf = { "anna", seg[0], nullptr, "trust" };
  GPtrArray *sugg = teema_suggestion_list (p, &sf, nullptr);
  ASSERT_NE (sugg, nullptr);
  ASSERT_EQ (sugg->len, 1u);
  EXPECT_EQ (((TeemaSuggestion *) sugg->pdata[0])->n_hits, 4u);
  g_ptr_array_unref (sugg);
}

TEST_F (ScopeProject, RerunKeepsTheSpansAndANewScopeReplacesThem)
{
  TeemaAutocodeResult *first = autocode ();
  TeemaAutocodeResult *again = autocode ();
  EXPECT_EQ (again->n_added, 0u);
  EXPECT_EQ (again->n_removed, 0u);
  EXPECT_EQ (again->n_kept, first->n_codings);
  teema_autocode_result_free (first);
  teema_autocode_result_free (again);

  GError *error = nullptr;
  TeemaThemeFields f = {};
  f.scope = "segment";
  ASSERT_TRUE (teema_theme_update (p, "trust", &f, &error));
  TeemaAutocodeResult *dry = autocode (true);
  TeemaAutocodeResult *wide = autocode ();
  // Turns 1 and 4 change from parts to the whole turn (removed and
  // added), turn 2 stays, turn 3 is coded now.
  EXPECT_EQ (wide->n_removed, 2u);
  EXPECT_EQ (wide->n_added, 3u);
  EXPECT_EQ (dry->n_added, wide->n_added);
  EXPECT_EQ (dry->n_removed, wide->n_removed);
  EXPECT_EQ (coded ("trust", 0), (std::vector<std::string>{ "*" }));
  EXPECT_EQ (coded ("trust", 2), (std::vector<std::string>{ "*" }));
  teema_autocode_result_free (dry);
  teema_autocode_result_free (wide);

  f.scope = "sentence";
  ASSERT_TRUE (teema_theme_update (p, "trust", &f, &error));
  TeemaAutocodeResult *narrow = autocode ();
  EXPECT_EQ (narrow->n_removed, 3u);
  EXPECT_EQ (narrow->n_added, 2u);
  EXPECT_EQ (coded ("trust", 0).size (), 2u);
  EXPECT_TRUE (coded ("trust", 2).empty ());
  teema_autocode_result_free (narrow);
}

TEST_F (ScopeProject, QuotesPrintTheSentencesAndReportsCountTheTurn)
{
  teema_autocode_result_free (autocode ());
  TeemaQuoteOptions qo = {};
  qo.theme = "price";
  GError *error = nullptr;
  TeemaTable *t = teema_quotes_collect (p, &qo, &error);
  ASSERT_NE (t, nullptr) << error->message;
  ASSERT_EQ (teema_table_n_rows (t), 2u);
  EXPECT_STREQ (teema_table_cell (t, 0, 6),
                "-- Hinta ratkaisee usein lopulta.");
  EXPECT_STREQ (teema_table_cell (t, 1, 6), "-- Ilman hintaa ei mitään.");
  teema_table_free (t);

  TeemaReportOptions ro = {};
  ro.by = TEEMA_BY_INFORMANT;
  ro.lang = "fi";
  t = teema_report_themes (p, &ro, &error);
  ASSERT_NE (t, nullptr) << error->message;
  std::string trust = "?", price = "?";
  for (guint r = 0; r < teema_table_n_rows (t); r++) {
    if (g_str_equal (teema_table_cell (t, r, 0), "trust"))
      trust = teema_table_cell (t, r, 5);
    if (g_str_equal (teema_table_cell (t, r, 0), "price"))
      price = teema_table_cell (t, r, 5);
  }
  EXPECT_EQ (trust, "3"); // turns 1, 2 and 4: each once
  EXPECT_EQ (price, "2");
  teema_table_free (t);
}

// The highlights of a theme with scope sentence are the words of the
// sentences it codes, as autocode and a dry run see them.
TEST_F (ScopeProject, HighlightsAndAutocodeTextFollowTheScope)
{
  GError *error = nullptr;
  TeemaHighlighter *h = teema_highlighter_new (p, &error);
  ASSERT_NE (h, nullptr) << error->message;
  TeemaSegment *s = teema_segment_get (p, seg[3], &error);
  GArray *hits = teema_highlighter_hits (h, s);
  std::vector<std::string> price;
  for (guint i = 0; i < hits->len; i++) {
    TeemaHighlight hl = g_array_index (hits, TeemaHighlight, i);
    if (!g_str_equal (hl.theme, "price"))
      continue;
    const char *a = g_utf8_offset_to_pointer (s->text, hl.start);
    const char *b = g_utf8_offset_to_pointer (s->text, hl.end);
    price.push_back (std::string (a, b - a));
  }
  EXPECT_EQ (price, (std::vector<std::string>{ "hintaa" }));
  g_array_unref (hits);
  teema_highlighter_free (h);

  TeemaCodebook *cb = teema_codebook_get (p, &error);
  TeemaAnalyzer *az = teema_analyzer_new ("fi", &error);
  GPtrArray *items = teema_autocode_text (cb, az, s->text, &error);
  ASSERT_NE (items, nullptr) << error->message;
  guint n_price = 0;
  for (guint i = 0; i < items->len; i++) {
    auto *it = (TeemaAutocodeItem *) items->pdata[i];
    if (!g_str_equal (it->theme, "price"))
      continue;
    n_price++;
    ASSERT_EQ (it->spans->len, 1u);
    EXPECT_EQ (g_array_index (it->spans, TeemaAutocodeSpan, 0).first, 2u);
  }
  EXPECT_EQ (n_price, 1u);
  g_ptr_array_unref (items);
  teema_analyzer_free (az);
  teema_codebook_free (cb);
  teema_segment_free (s);
}

// A development-set row is predicted when any sentence of it is coded; a
// miss whose rule matches the row but no single sentence is "below scope".
TEST (Scope, EvaluateCountsTheRowAndNamesBelowScope)
{
  GError *error = nullptr;
  testutil::TempDir dir;
  TeemaCodebook *cb = teema_codebook_parse (kCodebook, -1, "cb", &error);
  ASSERT_NE (cb, nullptr) << error->message;
  std::string d = dir.write (
    "d.tsv", "id\tthemes\ttext\n"
             "A\ttrust\tMe annetaan aina lupaus. Ja se myös pidetään.\n"
             "B\ttrust\tArki on tarjouksia. Asiakas voi luottaa meihin. Niin.\n"
             "C\tprice\tLuottamus ja hinta. Hinta ratkaisee.\n");
  TeemaEvaluateOptions opt = {};
  opt.leaves_only = TRUE;
  TeemaTable *t = teema_evaluate_devset (cb, d.c_str (), &opt, &error);
  ASSERT_NE (t, nullptr) << error->message;
  // trust: gold 2, predicted 1 (B), tp 1; price: C predicted by sentence 2.
  EXPECT_STREQ (teema_table_cell (t, 0, 0), "trust");
  EXPECT_STREQ (teema_table_cell (t, 0, 3), "1");
  EXPECT_STREQ (teema_table_cell (t, 0, 5), "1");
  EXPECT_STREQ (teema_table_cell (t, 1, 0), "price");
  EXPECT_STREQ (teema_table_cell (t, 1, 3), "1");
  teema_table_free (t);

  opt.why = TRUE;
  t = teema_evaluate_devset (cb, d.c_str (), &opt, &error);
  ASSERT_NE (t, nullptr) << error->message;
  ASSERT_GE (teema_table_n_rows (t), 1u);
  EXPECT_STREQ (teema_table_cell (t, 0, 0), "trust");
  EXPECT_STREQ (teema_table_cell (t, 0, 1), "missed");
  EXPECT_STREQ (teema_table_cell (t, 0, 3),
                "below scope: rule 2 matches the segment, no single sentence");
  EXPECT_STREQ (teema_table_cell (t, 0, 4), "A");
  teema_table_free (t);
  teema_codebook_free (cb);
}

} // namespace
