// test-themes.cpp — inductive coding without a codebook file: themes added,
// updated, renamed, moved, merged and removed one at a time; ids in any
// alphabet; a theme named by id or label everywhere; and a codebook file
// re-imported with a rename, which keeps the renamed theme's codings.
#include <gtest/gtest.h>
#include <teema/teema.h>

#include <cstring>
#include <string>
#include <vector>

#include "testutil.h"

namespace {

const char *const kTranscript =
  "---\ninformant: H1\n---\n"
  "I: Miten työ sujuu?\nH1: Työolot ovat hyvät. Luotan esimieheen.\n"
  "I: Entä asiakkaat?\nH1: Asiakkaat luottavat meihin.\n";

class Themes : public ::testing::Test {
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

  // "code<parent>" per theme in codebook order, e.g. "luottamus<asiakas".
  std::string tree ()
  {
    TeemaCodebook *cb = teema_codebook_get (p, nullptr);
    std::string out;
    for (guint i = 0; cb && i < teema_codebook_size (cb); i++) {
      const TeemaTheme *t = teema_codebook_theme (cb, i);
      out += std::string (i ? " " : "") + t->code
             + (t->parent ? std::string ("<") + t->parent : "");
    }
    teema_codebook_free (cb);
    return out;
  }

  // "theme/coder/created_at" per coding.
  std::vector<std::string> codings ()
  {
    std::vector<std::string> out;
    GPtrArray *list = teema_coding_list (p, nullptr, nullptr);
    for (guint i = 0; list && i < list->len; i++) {
      auto *c = (TeemaCoding *) list->pdata[i];
      out.push_back (std::string (c->theme) + "/" + c->coder + "/"
                     + c->created_at);
    }
    if (list)
      g_ptr_array_unref (list);
    return out;
  }

  void add (const char *code, const char *parent = nullptr,
            const char *label_fi = nullptr, const char *label_en = nullptr)
  {
    GError *error = nullptr;
    TeemaThemeFields f = {
      parent, label_fi, label_en, nullptr, nullptr, nullptr
    };
    ASSERT_TRUE (teema_theme_add (p, code, &f, &error)) << error->message;
  }

  testutil::TempDir dir;
  TeemaProject *p = nullptr;
  gint64 seg1 = 0, seg2 = 0;
};

TEST_F (Themes, AddWithoutCodebookIdsInAnyAlphabet)
{
  EXPECT_EQ (tree (), "");
  add ("työolot", nullptr, "Työolot", "Working conditions");
  add ("asiakas");
  add ("luottamus", "asiakas");
  add ("é_1-x.y");
  EXPECT_EQ (tree (), "työolot asiakas luottamus<asiakas é_1-x.y");

  GError *error = nullptr;
  // The same id in another case is the same theme.
  EXPECT_FALSE (teema_theme_add (p, "TYÖOLOT", nullptr, &error));
  EXPECT_TRUE (g_error_matches (error, TEEMA_ERROR, TEEMA_ERROR_EXISTS));
  g_clear_error (&error);
  EXPECT_FALSE (teema_theme_add (p, "työ olot", nullptr, &error));
  EXPECT_TRUE (g_error_matches (error, TEEMA_ERROR, TEEMA_ERROR_PARSE));
  g_clear_error (&error);
  TeemaThemeFields f = { "nope", nullptr, nullptr, nullptr, nullptr, nullptr };
  EXPECT_FALSE (teema_theme_add (p, "x", &f, &error));
  EXPECT_TRUE (g_error_matches (error, TEEMA_ERROR, TEEMA_ERROR_NOT_FOUND));
  g_clear_error (&error);
  TeemaThemeFields bad = { nullptr,    nullptr, nullptr,
                           "punainen", nullptr, nullptr };
  EXPECT_FALSE (teema_theme_add (p, "x", &bad, &error));
  EXPECT_TRUE (g_error_matches (error, TEEMA_ERROR, TEEMA_ERROR_PARSE));
  g_clear_error (&error);
  EXPECT_EQ (tree (), "työolot asiakas luottamus<asiakas é_1-x.y");
}

TEST_F (Themes, NamedByIdOrLabelWithCloseMatchesWhenNeither)
{
  add ("työolot", nullptr, "Työolot", "Working conditions");
  add ("trust", nullptr, "Luottamus", "Trust");
  GError *error = nullptr;
  // Coding by label, in any case, in either language, stores the id.
  ASSERT_TRUE (
    teema_coding_add (p, seg1, "WORKING CONDITIONS", "anna", nullptr, &error))
    << error->message;
  ASSERT_TRUE (teema_coding_add (p, seg2, "luottamus", "anna", nullptr, &error))
    << error->message;
  ASSERT_TRUE (teema_coding_add (p, seg1, "TYÖOLOT", "ben", nullptr, &error))
    << error->message;
  std::vector<std::string> themes;
  for (auto &c : codings ())
    themes.push_back (c.substr (0, c.find ('/')));
  EXPECT_EQ (themes,
             (std::vector<std::string>{ "työolot", "työolot", "trust" }));

  EXPECT_FALSE (
    teema_coding_add (p, seg1, "luotamus", "anna", nullptr, &error));
  ASSERT_TRUE (g_error_matches (error, TEEMA_ERROR, TEEMA_ERROR_NOT_FOUND));
  EXPECT_NE (strstr (error->message, "did you mean trust (Luottamus)"), nullptr)
    << error->message;
  g_clear_error (&error);
  EXPECT_FALSE (teema_coding_add (p, seg1, "zzz", "anna", nullptr, &error));
  EXPECT_EQ (strstr (error->message, "did you mean"), nullptr)
    << error->message;
  g_clear_error (&error);

  // A label shared by two themes names neither.
  add ("trust2", nullptr, "Luottamus");
  EXPECT_FALSE (
    teema_coding_add (p, seg1, "Luottamus", "anna", nullptr, &error));
  EXPECT_TRUE (g_error_matches (error, TEEMA_ERROR, TEEMA_ERROR_FAILED));
  EXPECT_NE (strstr (error->message, "trust, trust2"), nullptr)
    << error->message;
  g_clear_error (&error);
}

TEST_F (Themes, RenameKeepsCodingsCoderAndTime)
{
  add ("asiakas");
  add ("luotto", "asiakas");
  GError *error = nullptr;
  ASSERT_TRUE (teema_coding_add (p, seg1, "asiakas", "anna", nullptr, &error));
  ASSERT_TRUE (teema_coding_add (p, seg2, "luotto", "ben", nullptr, &error));
  std::vector<std::string> before = codings ();
  ASSERT_TRUE (teema_theme_rename (p, "asiakas", "asiakassuhde", &error))
    << error->message;
  ASSERT_TRUE (teema_theme_rename (p, "luotto", "luottamus", &error));
  EXPECT_EQ (tree (), "asiakassuhde luottamus<asiakassuhde");
  std::vector<std::string> after = codings ();
  ASSERT_EQ (after.size (), 2u);
  EXPECT_EQ (after[0], "asiakassuhde" + before[0].substr (7));
  EXPECT_EQ (after[1], "luottamus" + before[1].substr (6));

  // Only the case changes: allowed; taken by another: refused.
  ASSERT_TRUE (teema_theme_rename (p, "luottamus", "Luottamus", &error));
  EXPECT_FALSE (teema_theme_rename (p, "Luottamus", "ASIAKASSUHDE", &error));
  EXPECT_TRUE (g_error_matches (error, TEEMA_ERROR, TEEMA_ERROR_EXISTS));
  EXPECT_NE (strstr (error->message, "theme merge"), nullptr);
  g_clear_error (&error);
  EXPECT_EQ (tree (), "asiakassuhde Luottamus<asiakassuhde");
}

TEST_F (Themes, MoveRefusesCyclesAndGoesToTop)
{
  add ("a");
  add ("b", "a");
  add ("c", "b");
  GError *error = nullptr;
  EXPECT_FALSE (teema_theme_move (p, "a", "c", &error));
  EXPECT_TRUE (g_error_matches (error, TEEMA_ERROR, TEEMA_ERROR_FAILED));
  g_clear_error (&error);
  EXPECT_FALSE (teema_theme_move (p, "a", "a", &error));
  g_clear_error (&error);
  ASSERT_TRUE (teema_theme_move (p, "c", "a", &error));
  EXPECT_EQ (tree (), "a b<a c<a");
  ASSERT_TRUE (teema_theme_move (p, "b", nullptr, &error));
  EXPECT_EQ (tree (), "a c<a b");
}

TEST_F (Themes, MergeMovesCodingsRulesRejectionsAndChildren)
{
  add ("luotto");
  add ("luottamus");
  add ("pieni", "luotto");
  GError *error = nullptr;
  TeemaThemeFields d = {
    nullptr, nullptr, nullptr, nullptr, "Vanha.", nullptr
  };
  ASSERT_TRUE (teema_theme_update (p, "luotto", &d, &error));
  ASSERT_TRUE (
    teema_theme_add_rule (p, "luotto", "lemma:luottaa", FALSE, &error));
  ASSERT_TRUE (teema_coding_add (p, seg1, "luotto", "anna", nullptr, &error));
  ASSERT_TRUE (teema_coding_add (p, seg2, "luotto", "anna", nullptr, &error));
  ASSERT_TRUE (
    teema_coding_add (p, seg2, "luottamus", "anna", nullptr, &error));
  ASSERT_TRUE (teema_rejection_set (p, seg1, "luotto", "ben", TRUE, &error));
  std::vector<std::string> before = codings ();

  TeemaThemeMerge m = {};
  ASSERT_TRUE (teema_theme_merge (p, "luotto", "luottamus", &m, &error))
    << error->message;
  EXPECT_EQ (m.n_codings, 1u);    // seg1
  EXPECT_EQ (m.n_duplicates, 1u); // seg2 was coded with both by anna
  EXPECT_EQ (m.n_rules, 1u);
  EXPECT_EQ (m.n_children, 1u);
  EXPECT_EQ (tree (), "luottamus pieni<luottamus");
  std::vector<std::string> after = codings ();
  ASSERT_EQ (after.size (), 2u);
  // The moved coding keeps its coder and time.
  EXPECT_EQ (after[0], "luottamus" + before[0].substr (6));
  GPtrArray *rej = teema_rejection_list (p, "ben", &error);
  ASSERT_EQ (rej->len, 1u);
  EXPECT_STREQ (((TeemaCoding *) rej->pdata[0])->theme, "luottamus");
  g_ptr_array_unref (rej);
  TeemaCodebook *cb = teema_codebook_get (p, &error);
  const TeemaTheme *t = teema_codebook_lookup (cb, "luottamus");
  ASSERT_EQ (t->rules->len, 1u);
  EXPECT_STREQ ((char *) t->rules->pdata[0], "lemma:luottaa");
  EXPECT_STREQ (t->description, "Vanha.");
  teema_codebook_free (cb);

  EXPECT_FALSE (teema_theme_merge (p, "luottamus", "LUOTTAMUS", &m, &error));
  g_clear_error (&error);
}

TEST_F (Themes, MergeIntoOwnSubThemeTakesItsPlace)
{
  add ("top");
  add ("a", "top");
  add ("b", "a");
  add ("c", "b");
  GError *error = nullptr;
  ASSERT_TRUE (teema_theme_merge (p, "a", "c", nullptr, &error))
    << error->message;
  EXPECT_EQ (tree (), "top c<top b<c");
}

TEST_F (Themes, RemoveRefusesWhileCodedUnlessForced)
{
  add ("a");
  add ("b", "a");
  GError *error = nullptr;
  ASSERT_TRUE (teema_coding_add (p, seg1, "a", "anna", nullptr, &error));
  ASSERT_TRUE (teema_coding_add (p, seg2, "a", "ben", nullptr, &error));
  guint n = 99;
  EXPECT_FALSE (teema_theme_remove (p, "a", FALSE, &n, &error));
  EXPECT_TRUE (g_error_matches (error, TEEMA_ERROR, TEEMA_ERROR_EXISTS));
  EXPECT_NE (strstr (error->message, "2 codings"), nullptr) << error->message;
  EXPECT_EQ (n, 0u);
  g_clear_error (&error);
  EXPECT_EQ (codings ().size (), 2u);
  ASSERT_TRUE (teema_theme_remove (p, "a", TRUE, &n, &error));
  EXPECT_EQ (n, 2u);
  EXPECT_EQ (codings ().size (), 0u);
  EXPECT_EQ (tree (), "b"); // the sub-theme moved up
}

TEST_F (Themes, CodeForAName)
{
  auto code_for = [] (const char *name) {
    char *c = teema_theme_code_for (name);
    std::string s = c ? c : "(null)";
    g_free (c);
    return s;
  };
  EXPECT_EQ (code_for ("Hyvä asiakaskokemus"), "hyvä-asiakaskokemus");
  EXPECT_EQ (code_for ("  Työolot!  "), "työolot");
  EXPECT_EQ (code_for ("a / b"), "a-b");
  EXPECT_EQ (code_for ("?!"), "(null)");
  EXPECT_TRUE (teema_theme_code_valid ("työolot"));
  EXPECT_TRUE (teema_theme_code_equal ("TYÖOLOT", "työolot"));
  EXPECT_FALSE (teema_theme_code_equal ("työolot", "tyoolot"));
}

// The codebook file and the CLI are one workflow: export, edit (rename a
// theme, saying so), import: the theme is renamed in place.
TEST_F (Themes, ExportEditImportRenamesInPlace)
{
  add ("työolot", nullptr, "Työolot");
  add ("luotto");
  GError *error = nullptr;
  ASSERT_TRUE (teema_coding_add (p, seg1, "luotto", "anna", nullptr, &error));
  std::vector<std::string> before = codings ();
  TeemaCodebook *cb = teema_codebook_get (p, &error);
  char *text = teema_codebook_to_text (cb);
  teema_codebook_free (cb);
  std::string edited = text;
  g_free (text);
  edited.replace (edited.find ("theme luotto\n"), 13,
                  "theme luottamus\n  renamed-from: luotto\n");
  cb = teema_codebook_parse (edited.c_str (), -1, "edited", &error);
  ASSERT_NE (cb, nullptr) << error->message;
  TeemaCodebookChanges ch = {};
  ASSERT_TRUE (teema_codebook_apply (p, cb, FALSE, &ch, &error))
    << error->message;
  EXPECT_EQ (ch.n_renamed, 1u);
  EXPECT_EQ (ch.n_added, 0u);
  EXPECT_EQ (ch.n_removed, 0u);
  ASSERT_EQ (ch.notes->len, 1u);
  EXPECT_STREQ ((char *) ch.notes->pdata[0],
                "renamed luotto to luottamus (1 coding kept)");
  teema_codebook_changes_clear (&ch);
  // Importing the same file again changes nothing (the old id is gone).
  ASSERT_TRUE (teema_codebook_apply (p, cb, FALSE, &ch, &error));
  EXPECT_EQ (ch.n_renamed, 0u);
  teema_codebook_changes_clear (&ch);
  teema_codebook_free (cb);
  EXPECT_EQ (tree (), "työolot luottamus");
  std::vector<std::string> after = codings ();
  ASSERT_EQ (after.size (), 1u);
  EXPECT_EQ (after[0], "luottamus" + before[0].substr (6));

  // Without saying so, a coded theme is not silently dropped.
  cb = teema_codebook_parse ("theme työolot\ntheme luotettavuus\n", -1, "x",
                             &error);
  EXPECT_FALSE (teema_codebook_apply (p, cb, FALSE, nullptr, &error));
  EXPECT_NE (strstr (error->message, "renamed-from: luottamus"), nullptr)
    << error->message;
  g_clear_error (&error);
  // --rename OLD=NEW says it from the command line.
  ASSERT_TRUE (
    teema_codebook_mark_renamed (cb, "luottamus", "luotettavuus", &error));
  EXPECT_FALSE (teema_codebook_mark_renamed (cb, "a", "nope", &error));
  g_clear_error (&error);
  ASSERT_TRUE (teema_codebook_apply (p, cb, FALSE, nullptr, &error))
    << error->message;
  teema_codebook_free (cb);
  EXPECT_EQ (codings ()[0], "luotettavuus" + before[0].substr (6));
}

} // namespace
