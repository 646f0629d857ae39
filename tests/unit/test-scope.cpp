// test-scope.cpp — a theme's rule scope (scope: sentence): the codebook
// field and its round trips (text, project, .qdc). Real SQLite.
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
  char *qdc = teema_codebook_to_qdc (cb);
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

} // namespace
