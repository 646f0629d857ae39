// test-codebook.cpp — the codebook text format: the shipped codebook,
// errors that point at file:line:column, the round trip through to_text,
// and replacing a project's codebook without losing codings.
#include <gtest/gtest.h>
#include <teema/teema.h>

#include <algorithm>
#include <cstring>
#include <string>
#include <vector>

#include "testutil.h"

namespace {

TeemaCodebook *
load_shipped ()
{
  GError *error = nullptr;
  TeemaCodebook *cb = teema_codebook_load (
    testutil::source ("codebooks/b2b-asiakaskokemus.codebook").c_str (),
    &error);
  EXPECT_NE (cb, nullptr) << (error ? error->message : "");
  g_clear_error (&error);
  return cb;
}

std::vector<std::string>
codes (const TeemaCodebook *cb)
{
  std::vector<std::string> out;
  for (guint i = 0; i < teema_codebook_size (cb); i++)
    out.push_back (teema_codebook_theme (cb, i)->code);
  return out;
}

std::string
join (GPtrArray *a)
{
  std::string s;
  for (guint i = 0; i < a->len; i++)
    s += std::string (i ? "\n" : "") + (char *) a->pdata[i];
  return s;
}

std::string
parse_error (const std::string &text, int code)
{
  return testutil::codebook_parse_error (text, code);
}

TEST (Codebook, ShippedCodebook)
{
  TeemaCodebook *cb = load_shipped ();
  ASSERT_NE (cb, nullptr);
  EXPECT_STREQ (teema_codebook_name (cb), "B2B-asiakaskokemus");
  EXPECT_STREQ (teema_codebook_language (cb), "fi");
  EXPECT_EQ (
    codes (cb),
    (std::vector<std::string>{
      "experience", "relationship", "trust", "effortlessness", "emotion", "b2b",
      "price", "journey", "touchpoints", "aftersales", "management", "strategy",
      "communication", "measurement", "personnel", "development", "feedback",
      "improvement" }));
  guint top = 0, max_depth = 0;
  for (guint i = 0; i < teema_codebook_size (cb); i++) {
    const TeemaTheme *t = teema_codebook_theme (cb, i);
    SCOPED_TRACE (t->code);
    top += t->depth == 0;
    max_depth = MAX (max_depth, t->depth);
    EXPECT_EQ (t->depth == 0, t->parent == nullptr);
    EXPECT_NE (t->label_fi, nullptr);
    EXPECT_NE (t->label_en, nullptr);
    ASSERT_NE (t->colour, nullptr);
    EXPECT_TRUE (g_regex_match_simple ("^#[0-9a-f]{6}$", t->colour,
                                       (GRegexCompileFlags) 0,
                                       (GRegexMatchFlags) 0));
    // Parents come before their children.
    if (t->parent) {
      const TeemaTheme *parent = teema_codebook_lookup (cb, t->parent);
      ASSERT_NE (parent, nullptr);
      EXPECT_EQ (t->depth, parent->depth + 1);
      bool before = false;
      for (guint j = 0; j < i; j++)
        before |= teema_codebook_theme (cb, j) == parent;
      EXPECT_TRUE (before);
      // Themes with a parent carry rules; top-level ones only roll up.
      EXPECT_GT (t->rules->len, 0u);
    }
  }
  EXPECT_EQ (top, 4u);
  EXPECT_EQ (max_depth, 1u);

  const TeemaTheme *trust = teema_codebook_lookup (cb, "TRUST");
  ASSERT_NE (trust, nullptr);
  EXPECT_STREQ (trust->parent, "experience");
  EXPECT_STREQ (trust->label_fi, "Luottamus");
  EXPECT_STREQ (trust->label_en, "Trust");
  EXPECT_STREQ (trust->colour, "#2ca02c");
  EXPECT_STREQ (teema_theme_label (trust, "fi"), "Luottamus");
  EXPECT_STREQ (teema_theme_label (trust, "en"), "Trust");
  // Repeated description lines are joined with a space.
  EXPECT_TRUE (g_str_has_prefix (
    trust->description, "Asiakkaan luottamus toimittajaan ja sen ihmisiin: "
                        "luotettavuus, lupausten ja sopimusten pitäminen "
                        "(toimitukset,"))
    << trust->description;
  EXPECT_EQ (std::string (trust->description).find ('\n'), std::string::npos);
  EXPECT_EQ (trust->rules->len, 21u);
  // Each exclude line is kept as written, in order.
  ASSERT_EQ (trust->excludes->len, 8u);
  std::string excludes = join (trust->excludes);
  EXPECT_TRUE (g_str_has_prefix (
    excludes.c_str (), "lemma:luoda OR root:luottaa NEAR/3 part:järjestelmä "
                       "OR part:luottotieto OR "))
    << excludes;
  EXPECT_NE (excludes.find ("\n\"rehellisesti sanottu\" OR \"rehellisesti "
                            "sanoa\" OR \"jos olla rehellinen\" OR \"mutta "
                            "rehellisesti\" OR \"rehellinen vastaus\" OR "),
             std::string::npos)
    << excludes;
  // Rule scopes (chosen on the trainset, devset and seed set; see
  // tests/seedset/SCORES.md): three of the four issue-14 themes keep the
  // whole turn, every other theme that codes looks at one sentence.
  const std::string whole[] = { "relationship", "effortlessness",
                                "measurement" };
  for (guint i = 0; i < teema_codebook_size (cb); i++) {
    const TeemaTheme *t = teema_codebook_theme (cb, i);
    bool segment = std::find (std::begin (whole), std::end (whole), t->code)
                   != std::end (whole);
    if (t->rules->len == 0)
      continue; // a parent that only rolls up
    EXPECT_EQ (t->scope, segment ? TEEMA_SCOPE_SEGMENT : TEEMA_SCOPE_SENTENCE)
      << t->code;
  }
  // Every theme that codes says what counts and what does not.
  for (guint i = 0; i < teema_codebook_size (cb); i++) {
    const TeemaTheme *t = teema_codebook_theme (cb, i);
    ASSERT_NE (t->description, nullptr) << t->code;
    if (t->rules->len > 0) {
      EXPECT_NE (std::string (t->description).find ("Ei koodata: "),
                 std::string::npos)
        << t->code;
    }
  }
  // trust->line is the line of "theme trust" in the file.
  char *src = nullptr;
  ASSERT_TRUE (g_file_get_contents (
    testutil::source ("codebooks/b2b-asiakaskokemus.codebook").c_str (), &src,
    nullptr, nullptr));
  gchar **lines = g_strsplit (src, "\n", -1);
  ASSERT_GT (trust->line, 0u);
  ASSERT_LE (trust->line, g_strv_length (lines));
  EXPECT_STREQ (lines[trust->line - 1], "theme trust");
  g_strfreev (lines);
  g_free (src);
  EXPECT_EQ (teema_codebook_lookup (cb, "nope"), nullptr);
  teema_codebook_free (cb);
}

TEST (Codebook, LabelFallsBack)
{
  GError *error = nullptr;
  TeemaCodebook *cb = teema_codebook_parse (
    "theme a\n  label.en: Only English\ntheme b\n", -1, "x", &error);
  ASSERT_NE (cb, nullptr) << error->message;
  EXPECT_STREQ (teema_theme_label (teema_codebook_lookup (cb, "a"), "fi"),
                "Only English");
  EXPECT_STREQ (teema_theme_label (teema_codebook_lookup (cb, "b"), "en"), "b");
  EXPECT_STREQ (teema_codebook_name (cb), nullptr);
  EXPECT_STREQ (teema_codebook_language (cb), "fi");
  teema_codebook_free (cb);
}

TEST (Codebook, ErrorsPointAtFileLineColumn)
{
  std::string msg;
  msg =
    parse_error ("codebook: x\n\ntheme a\n  label.fi: A\n  colur: #ffffff\n",
                 TEEMA_ERROR_PARSE);
  EXPECT_EQ (msg.rfind ("cb.txt:5:3: unknown field 'colur'", 0), 0u) << msg;

  msg = parse_error ("theme a\n  colour: punainen\n", TEEMA_ERROR_PARSE);
  EXPECT_EQ (msg.rfind ("cb.txt:2:11: colour 'punainen' is not #rrggbb", 0), 0u)
    << msg;
  parse_error ("theme a\n  colour: #12345g\n", TEEMA_ERROR_PARSE);

  msg = parse_error ("theme trust\n  label.fi: L\n\ntheme Trust\n",
                     TEEMA_ERROR_PARSE);
  EXPECT_EQ (msg.rfind ("cb.txt:4:7: theme 'Trust' is defined twice", 0), 0u)
    << msg;

  msg = parse_error ("theme a\ntheme b\n  parent: nope\n", TEEMA_ERROR_PARSE);
  EXPECT_EQ (msg.rfind ("cb.txt:2: theme 'b' has unknown parent 'nope'", 0), 0u)
    << msg;

  msg = parse_error ("theme root\ntheme a\n  parent: b\ntheme b\n  parent: a\n",
                     TEEMA_ERROR_PARSE);
  EXPECT_EQ (msg.rfind ("cb.txt:2: theme 'a' is its own ancestor", 0), 0u)
    << msg;
  parse_error ("theme a\n  parent: a\n", TEEMA_ERROR_PARSE);

  // The rule compiler's column lands on the offending character: the '('
  // is at column 28 (value starts at 9, '(' is its 20th character).
  msg = parse_error ("theme a\n  rule: lemma:luottamus OR (hinta\n",
                     TEEMA_ERROR_RULE);
  EXPECT_EQ (msg.rfind ("cb.txt:2:28: theme 'a', rule", 0), 0u) << msg;
  EXPECT_NE (msg.find ("unclosed '('"), std::string::npos) << msg;
  msg = parse_error ("theme a\n  exclude: luoda AND\n", TEEMA_ERROR_RULE);
  EXPECT_EQ (msg.rfind ("cb.txt:2:", 0), 0u) << msg;
  EXPECT_NE (msg.find ("exclude"), std::string::npos) << msg;

  msg = parse_error ("  label.fi: orpo\n", TEEMA_ERROR_PARSE);
  EXPECT_EQ (msg.rfind ("cb.txt:1:", 0), 0u) << msg;
  msg = parse_error ("theme a\nversion: 2\n", TEEMA_ERROR_PARSE);
  EXPECT_EQ (msg.rfind ("cb.txt:2:1: unknown line", 0), 0u) << msg;
  // Ids may be letters of any alphabet (työolot); not spaces or '/'.
  msg = parse_error ("theme työ olot\n", TEEMA_ERROR_PARSE);
  EXPECT_EQ (msg.rfind ("cb.txt:1:7:", 0), 0u) << msg;
  msg = parse_error ("theme a/b\n", TEEMA_ERROR_PARSE);
  EXPECT_EQ (msg.rfind ("cb.txt:1:7:", 0), 0u) << msg;
  parse_error ("# vain kommentti\n\n", TEEMA_ERROR_EMPTY);
  parse_error ("theme a\n  label.fi: L\xe4\n", TEEMA_ERROR_ENCODING);
}

TEST (Codebook, LoadMissingFile)
{
  GError *error = nullptr;
  EXPECT_EQ (teema_codebook_load ("/nonexistent/x.codebook", &error), nullptr);
  EXPECT_TRUE (g_error_matches (error, TEEMA_ERROR, TEEMA_ERROR_IO));
  EXPECT_NE (strstr (error->message, "/nonexistent/x.codebook"), nullptr);
  g_clear_error (&error);
}

void
expect_same (const TeemaCodebook *a, const TeemaCodebook *b)
{
  EXPECT_STREQ (teema_codebook_name (a), teema_codebook_name (b));
  EXPECT_STREQ (teema_codebook_language (a), teema_codebook_language (b));
  ASSERT_EQ (teema_codebook_size (a), teema_codebook_size (b));
  for (guint i = 0; i < teema_codebook_size (a); i++) {
    const TeemaTheme *x = teema_codebook_theme (a, i);
    const TeemaTheme *y = teema_codebook_theme (b, i);
    SCOPED_TRACE (x->code);
    EXPECT_STREQ (x->code, y->code);
    EXPECT_STREQ (x->parent, y->parent);
    EXPECT_STREQ (x->label_fi, y->label_fi);
    EXPECT_STREQ (x->label_en, y->label_en);
    EXPECT_STREQ (x->description, y->description);
    EXPECT_STREQ (x->colour, y->colour);
    EXPECT_EQ (x->depth, y->depth);
    EXPECT_EQ (join (x->rules), join (y->rules));
    EXPECT_EQ (join (x->excludes), join (y->excludes));
  }
}

TEST (Codebook, ToTextRoundTrip)
{
  TeemaCodebook *cb = load_shipped ();
  ASSERT_NE (cb, nullptr);
  char *text = teema_codebook_to_text (cb);
  GError *error = nullptr;
  TeemaCodebook *again = teema_codebook_parse (text, -1, "round", &error);
  ASSERT_NE (again, nullptr) << error->message;
  expect_same (cb, again);
  char *text2 = teema_codebook_to_text (again);
  EXPECT_STREQ (text, text2); // a fixed point
  g_free (text2);
  g_free (text);
  teema_codebook_free (again);
  teema_codebook_free (cb);
}

const char *const kTranscript =
  "---\ninformant: H1\ngroup: employee\n---\n"
  "I: Kysymys?\nH1: Luottamus on tärkeää.\nI: Entä?\nH1: Hinta ratkaisee.\n";

class ProjectCodebook : public ::testing::Test {
protected:
  void SetUp () override
  {
    GError *error = nullptr;
    p = teema_project_create (dir.file ("p.teema").c_str (), &error);
    ASSERT_NE (p, nullptr) << error->message;
    std::string path = dir.write ("H1.txt", kTranscript);
    const char *paths[] = { path.c_str () };
    GPtrArray *r = teema_document_import (p, paths, 1, nullptr, &error);
    ASSERT_NE (r, nullptr) << error->message;
    g_ptr_array_unref (r);
    GPtrArray *segs = teema_segment_list (p, nullptr, &error);
    ASSERT_EQ (segs->len, 2u);
    seg1 = ((TeemaSegment *) segs->pdata[0])->id;
    seg2 = ((TeemaSegment *) segs->pdata[1])->id;
    g_ptr_array_unref (segs);
  }
  void TearDown () override
  {
    teema_project_free (p);
  }

  gboolean set (const char *text, gboolean force, GError **error)
  {
    GError *local = nullptr;
    TeemaCodebook *cb = teema_codebook_parse (text, -1, "cb", &local);
    EXPECT_NE (cb, nullptr) << local->message;
    if (!cb) {
      g_propagate_error (error, local);
      return FALSE;
    }
    gboolean ok = teema_codebook_set (p, cb, force, error);
    teema_codebook_free (cb);
    return ok;
  }

  std::vector<std::string> coded ()
  {
    GPtrArray *c = teema_coding_list (p, nullptr, nullptr);
    std::vector<std::string> out;
    for (guint i = 0; i < c->len; i++)
      out.push_back (((TeemaCoding *) c->pdata[i])->theme);
    g_ptr_array_unref (c);
    return out;
  }

  std::vector<std::string> project_codes ()
  {
    TeemaCodebook *cb = teema_codebook_get (p, nullptr);
    std::vector<std::string> out = cb ? codes (cb) : std::vector<std::string>{};
    teema_codebook_free (cb);
    return out;
  }

  testutil::TempDir dir;
  TeemaProject *p = nullptr;
  gint64 seg1 = 0, seg2 = 0;
};

TEST_F (ProjectCodebook, StoredCodebookEqualsTheParsedOne)
{
  TeemaCodebook *cb = load_shipped ();
  ASSERT_NE (cb, nullptr);
  GError *error = nullptr;
  ASSERT_TRUE (teema_codebook_set (p, cb, FALSE, &error)) << error->message;
  TeemaCodebook *stored = teema_codebook_get (p, &error);
  ASSERT_NE (stored, nullptr) << error->message;
  expect_same (cb, stored);
  EXPECT_EQ (teema_codebook_theme (stored, 0)->line, 0u);
  teema_codebook_free (stored);
  teema_codebook_free (cb);
}

TEST_F (ProjectCodebook, KeepsCodingsOfKeptThemesAndRefusesDroppingCoded)
{
  GError *error = nullptr;
  ASSERT_TRUE (set ("codebook: v1\ntheme trust\ntheme price\ntheme misc\n",
                    FALSE, &error));
  ASSERT_TRUE (teema_coding_add (p, seg1, "trust", "anna", nullptr, &error));
  ASSERT_TRUE (teema_coding_add (p, seg2, "price", "anna", nullptr, &error));

  // New labels, a new theme, "misc" (uncoded) dropped: codings stay.
  ASSERT_TRUE (set ("codebook: v2\ntheme experience\n"
                    "theme trust\n  parent: experience\n  label.fi: Luottamus\n"
                    "theme price\n  parent: experience\n",
                    FALSE, &error))
    << error->message;
  EXPECT_EQ (coded (), (std::vector<std::string>{ "trust", "price" }));
  EXPECT_EQ (project_codes (),
             (std::vector<std::string>{ "experience", "trust", "price" }));

  // Dropping coded "price" without force: refused, nothing changes.
  EXPECT_FALSE (set ("codebook: v3\ntheme trust\n", FALSE, &error));
  ASSERT_NE (error, nullptr);
  EXPECT_TRUE (g_error_matches (error, TEEMA_ERROR, TEEMA_ERROR_EXISTS));
  EXPECT_NE (strstr (error->message, "'price'"), nullptr) << error->message;
  EXPECT_NE (strstr (error->message, "--force"), nullptr) << error->message;
  g_clear_error (&error);
  EXPECT_EQ (coded (), (std::vector<std::string>{ "trust", "price" }));
  EXPECT_EQ (project_codes (),
             (std::vector<std::string>{ "experience", "trust", "price" }));
  char *name = teema_project_get_setting (p, "codebook");
  EXPECT_STREQ (name, "v2");
  g_free (name);

  // With force: price and its codings go, trust's stay.
  ASSERT_TRUE (set ("codebook: v3\ntheme trust\n", TRUE, &error));
  EXPECT_EQ (coded (), (std::vector<std::string>{ "trust" }));
  EXPECT_EQ (project_codes (), (std::vector<std::string>{ "trust" }));
}

} // namespace
