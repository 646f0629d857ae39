// test-partial.cpp — coding part of a segment: character and sentence
// ranges, what reports count (a segment once) and what quotes print (the
// coded part, "--" for what was left out, consecutive segments joined);
// and rule codings a coder rejected, which never count.
#include <gtest/gtest.h>
#include <teema/teema.h>

#include <cstring>
#include <string>
#include <vector>

#include "testutil.h"

namespace {

// Sentence segmentation: H1's second turn is three segments in a row.
const char *const kH1 =
  "---\ninformant: H1\ngroup: employee\n---\n"
  "I: Kerro luottamuksesta.\n"
  "H1: Luottamus syntyy ajan kanssa. Se on tärkeää. Hinta ei ole kaikki.\n"
  "I: Entä?\n"
  "H1: Luotan heihin. Sovitut asiat pidetään. Mutta laskut myöhästyvät.\n";

const char *const kCodebook = "codebook: t\nlanguage: fi\n"
                              "theme trust\n  label.fi: Luottamus\n"
                              "  rule: lemma:luottamus OR lemma:luottaa\n"
                              "theme price\n  rule: lemma:hinta\n";

class Partial : public ::testing::Test {
protected:
  void SetUp () override
  {
    p = testutil::fixture_project (dir, kCodebook, { { "H1.txt", kH1 } });
    ASSERT_NE (p, nullptr);
    GError *error = nullptr;
    GPtrArray *segs = teema_segment_list (p, nullptr, &error);
    ASSERT_EQ (segs->len, 2u);
    for (guint i = 0; i < segs->len; i++)
      seg.push_back (((TeemaSegment *) segs->pdata[i])->id);
    g_ptr_array_unref (segs);
  }
  void TearDown () override
  {
    teema_project_free (p);
  }

  std::vector<std::string> quotes (const char *theme,
                                   const char *coder = nullptr)
  {
    TeemaQuoteOptions opt = {};
    opt.theme = theme;
    opt.coder = coder;
    GError *error = nullptr;
    TeemaTable *t = teema_quotes_collect (p, &opt, &error);
    EXPECT_NE (t, nullptr) << (error ? error->message : "");
    std::vector<std::string> out;
    for (guint r = 0; t && r < teema_table_n_rows (t); r++)
      out.push_back (teema_table_cell (t, r, 6));
    teema_table_free (t);
    return out;
  }

  // The theme's "Segments" cell of the long themes report, informant H1.
  std::string segments_counted (const char *theme, const char *coder)
  {
    TeemaReportOptions opt = {};
    opt.by = TEEMA_BY_INFORMANT;
    opt.coder = coder;
    opt.lang = "fi";
    TeemaTable *t = teema_report_themes (p, &opt, nullptr);
    std::string out = "?";
    for (guint r = 0; t && r < teema_table_n_rows (t); r++)
      if (g_str_equal (teema_table_cell (t, r, 0), theme))
        out = teema_table_cell (t, r, 5);
    teema_table_free (t);
    return out;
  }

  testutil::TempDir dir;
  TeemaProject *p = nullptr;
  std::vector<gint64> seg;
};

TEST_F (Partial, SentencesOfASegment)
{
  TeemaSegment *s = teema_segment_get (p, seg[0], nullptr);
  GArray *sentences = teema_segment_sentences (s);
  ASSERT_EQ (sentences->len, 3u);
  std::vector<std::string> text;
  for (guint i = 0; i < sentences->len; i++) {
    TeemaSpan sp = g_array_index (sentences, TeemaSpan, i);
    const char *a = g_utf8_offset_to_pointer (s->text, sp.start);
    const char *b = g_utf8_offset_to_pointer (s->text, sp.end);
    text.push_back (std::string (a, b - a));
  }
  EXPECT_EQ (text, (std::vector<std::string>{ "Luottamus syntyy ajan kanssa.",
                                              "Se on tärkeää.",
                                              "Hinta ei ole kaikki." }));
  g_array_unref (sentences);
  teema_segment_free (s);
}

// The words a theme's codings cover, as the long themes report prints
// them: a part of a turn counts its share of the turn's words (by
// characters), overlapping parts of two coders count once, a whole turn
// counts all its words. H1's first turn is 11 words in 65 characters.
TEST_F (Partial, WordsCountOnlyTheCodedParts)
{
  GError *error = nullptr;
  ASSERT_TRUE (
    teema_coding_add_range (p, seg[0], "trust", "anna", 0, 29, nullptr, &error))
    << error->message;
  auto words = [&] (const char *coder) {
    TeemaReportOptions opt = {};
    opt.by = TEEMA_BY_INFORMANT;
    opt.coder = coder;
    TeemaTable *t = teema_report_themes (p, &opt, nullptr);
    std::string out = "?";
    for (guint r = 0; t && r < teema_table_n_rows (t); r++)
      if (g_str_equal (teema_table_cell (t, r, 0), "trust"))
        out = teema_table_cell (t, r, 6);
    teema_table_free (t);
    return out;
  };
  EXPECT_EQ (words ("anna"), "5"); // 11 * 29 / 65, rounded
  ASSERT_TRUE (teema_coding_add_range (p, seg[0], "trust", "ben", 20, 44,
                                       nullptr, &error));
  EXPECT_EQ (words (nullptr), "7"); // the union [0, 44): 11 * 44 / 65
  ASSERT_TRUE (teema_coding_add (p, seg[1], "trust", "ben", nullptr, &error));
  EXPECT_EQ (words (nullptr), "15"); // and all 8 words of the second turn
  EXPECT_EQ (words ("ben"), "12");   // 11 * 24 / 65 (4) + 8
}

// --context N: a quote of a coded sentence also gets N of the turn's
// sentences before and after it; neighbouring parts that meet are joined
// and the omission marks follow what is still left out.
TEST_F (Partial, QuoteContextAddsTheTurnsSentencesAround)
{
  GError *error = nullptr;
  // The second of "Luottamus syntyy ajan kanssa. Se on tärkeää. Hinta ei
  // ole kaikki." (characters 30-44).
  ASSERT_TRUE (teema_coding_add_range (p, seg[0], "trust", "anna", 30, 44,
                                       nullptr, &error))
    << error->message;
  auto quote = [&] (guint context) {
    TeemaQuoteDocOptions opt = {};
    const char *themes[] = { "trust", nullptr };
    opt.themes = themes;
    opt.context = context;
    GBytes *doc = teema_quotes_document (p, &opt, TEEMA_DOC_MARKDOWN, &error);
    EXPECT_NE (doc, nullptr) << (error ? error->message : "");
    std::string md =
      doc ? std::string ((const char *) g_bytes_get_data (doc, nullptr),
                         g_bytes_get_size (doc))
          : "";
    if (doc)
      g_bytes_unref (doc);
    size_t at = md.find ("> ");
    return at == std::string::npos ? md
                                   : md.substr (at, md.find ('\n', at) - at);
  };
  // The label follows a no-break space (U+00A0).
  EXPECT_EQ (quote (0), "> -- Se on tärkeää. --\u00a0(H1)");
  EXPECT_EQ (quote (1), "> Luottamus syntyy ajan kanssa. Se on tärkeää. Hinta "
                        "ei ole kaikki.\u00a0(H1)");
  EXPECT_EQ (quote (5), quote (1)); // no more sentences than the turn has
}

TEST_F (Partial, RangeIsStoredInDocumentOffsetsAndChecked)
{
  GError *error = nullptr;
  TeemaSegment *s = teema_segment_get (p, seg[0], nullptr);
  ASSERT_TRUE (
    teema_coding_add_range (p, seg[0], "trust", "anna", 0, 29, nullptr, &error))
    << error->message;
  GPtrArray *list = teema_coding_list (p, nullptr, &error);
  ASSERT_EQ (list->len, 1u);
  auto *c = (TeemaCoding *) list->pdata[0];
  EXPECT_EQ (c->start, s->start);
  EXPECT_EQ (c->end, s->start + 29);
  g_ptr_array_unref (list);
  guint len = s->end - s->start;
  EXPECT_FALSE (teema_coding_add_range (p, seg[0], "trust", "anna", 10, 10,
                                        nullptr, &error));
  g_clear_error (&error);
  EXPECT_FALSE (teema_coding_add_range (p, seg[0], "trust", "anna", 0, len + 1,
                                        nullptr, &error));
  EXPECT_NE (strstr (error->message, "not inside segment"), nullptr);
  g_clear_error (&error);
  gboolean removed = FALSE;
  ASSERT_TRUE (teema_coding_remove_range (p, seg[0], "trust", "anna", 0, 28,
                                          &removed, &error));
  EXPECT_FALSE (removed); // only the exact span is removed
  ASSERT_TRUE (teema_coding_remove_range (p, seg[0], "trust", "anna", 0, 29,
                                          &removed, &error));
  EXPECT_TRUE (removed);
  teema_segment_free (s);
}

TEST_F (Partial, QuotePrintsTheCodedPartWithOmissionMarks)
{
  GError *error = nullptr;
  // The middle sentence of turn 1 and the first of turn 2.
  ASSERT_TRUE (teema_coding_add_range (p, seg[0], "trust", "anna", 30, 44,
                                       nullptr, &error))
    << error->message;
  ASSERT_TRUE (teema_coding_add_range (p, seg[1], "trust", "anna", 0, 14,
                                       nullptr, &error));
  EXPECT_EQ (
    quotes ("trust"),
    (std::vector<std::string>{ "-- Se on tärkeää. --", "Luotan heihin. --" }));
  // Two parts of one turn: one quote, the gap marked.
  ASSERT_TRUE (teema_coding_add_range (p, seg[1], "trust", "ben", 39, 64,
                                       nullptr, &error));
  EXPECT_EQ (quotes ("Luottamus")[1],
             "Luotan heihin. -- Mutta laskut myöhästyvät.");
  EXPECT_EQ (quotes ("trust", "ben")[0], "-- Mutta laskut myöhästyvät.");
  // A whole-segment coding covers the parts.
  ASSERT_TRUE (teema_coding_add (p, seg[0], "trust", "ben", nullptr, &error));
  EXPECT_EQ (quotes ("trust")[0],
             "Luottamus syntyy ajan kanssa. Se on tärkeää. Hinta ei ole "
             "kaikki.");
  // However much of a segment is coded, it counts once.
  EXPECT_EQ (segments_counted ("trust", nullptr), "2");
  EXPECT_EQ (segments_counted ("trust", "ben"), "2");
}

TEST_F (Partial, InterviewerTurnIsNotCoded)
{
  GError *error = nullptr;
  TeemaSegmentFilter all = { nullptr, nullptr, TRUE, FALSE };
  GPtrArray *segs = teema_segment_list (p, &all, &error);
  auto *first = (TeemaSegment *) segs->pdata[0];
  ASSERT_TRUE (first->interviewer);
  EXPECT_FALSE (
    teema_coding_add (p, first->id, "trust", "anna", nullptr, &error));
  EXPECT_NE (strstr (error->message, "interviewer turn (I)"), nullptr)
    << error->message;
  g_clear_error (&error);
  g_ptr_array_unref (segs);
}

// Rejected rule suggestions never count: reports and quotes count human
// codings and the rule codings no coder rejected.
TEST_F (Partial, RejectedRuleCodingsNeverCount)
{
  GError *error = nullptr;
  TeemaAutocodeResult *r = teema_autocode_run (p, nullptr, &error);
  ASSERT_NE (r, nullptr) << error->message;
  teema_autocode_result_free (r);
  EXPECT_EQ (segments_counted ("trust", nullptr), "2");
  EXPECT_EQ (segments_counted ("trust", "rules"), "2");
  ASSERT_TRUE (teema_rejection_set (p, seg[1], "trust", "anna", TRUE, &error));
  EXPECT_EQ (segments_counted ("trust", nullptr), "1");
  EXPECT_EQ (segments_counted ("trust", "rules"), "1");
  EXPECT_EQ (quotes ("trust").size (), 1u);
  // A person's own coding of the segment still counts.
  ASSERT_TRUE (teema_coding_add (p, seg[1], "trust", "ben", nullptr, &error));
  EXPECT_EQ (segments_counted ("trust", nullptr), "2");
  // The rules are evaluated on everything they coded, rejected or not:
  // ben's one trust segment is one the rules found (recall 1).
  TeemaTable *ev = teema_evaluate_coders (p, "ben", "rules", TRUE, &error);
  ASSERT_NE (ev, nullptr) << (error ? error->message : "");
  std::string row;
  for (guint r = 0; r < teema_table_n_rows (ev); r++)
    if (g_str_equal (teema_table_cell (ev, r, 0), "trust"))
      for (guint c = 0; c < teema_table_n_columns (ev); c++)
        row += std::string (teema_table_column_name (ev, c)) + "="
               + teema_table_cell (ev, r, c) + " ";
  EXPECT_NE (row.find ("recall=1.00"), std::string::npos) << row;
  teema_table_free (ev);
}

} // namespace
