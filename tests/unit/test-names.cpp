// test-names.cpp — personal names: the name key, inflected forms found
// through their lemmas (Jarkko, Jarkolle, Jarkon; Marja Virtanen),
// pseudonyms inflected like the form they replace, names Voikko knows
// replaced without a key, offsets mapped through the replacements, and
// the per-informant list for writing the key.
#include <gtest/gtest.h>
#include <teema/teema.h>

#include <string>

#include "testutil.h"
#include "zip-util.h"

namespace {

const char *const kTranscript =
  "---\ninformant: H3\ngroup: employee\n---\n"
  "I: Kenen kanssa teette töitä?\n"
  "H3: Jarkko hoitaa myynnin. Soitin eilen Jarkolle ja Jarkon mukaan "
  "Marja Virtanen hyväksyy tarjouksen. Virtasen tiimi on Helsingissä, "
  "ja Sisustamolla on uusi toimitusjohtaja Toivo.\n"
  "I: Entä toivo paremmasta?\n"
  "H3: Toivo on aina. Marja on kova tekijä, sanoi Pekka. (..) Varmaan "
  "niin.\n";

class Names : public ::testing::Test {
protected:
  void SetUp () override
  {
    GError *error = nullptr;
    az = teema_analyzer_new ("fi", &error);
    ASSERT_NE (az, nullptr) << error->message;
    if (teema_analyzer_backend (az) != TEEMA_BACKEND_VOIKKO)
      GTEST_SKIP () << "needs Voikko and voikko-fi (names come from it)";
  }
  void TearDown () override
  {
    teema_analyzer_free (az);
  }
  std::string pseudonymise (const char *text, const TeemaNameKey *key,
                            GArray **edits = nullptr)
  {
    TeemaPseudonymOptions opt = { key, FALSE, nullptr };
    char *out = teema_names_pseudonymise (az, &opt, text, edits);
    std::string s = out;
    g_free (out);
    return s;
  }
  TeemaAnalyzer *az = nullptr;
};

TEST_F (Names, KeyFindsInflectedFormsAndInflectsThePseudonym)
{
  GError *error = nullptr;
  TeemaNameKey *key = teema_name_key_parse ("# name = pseudonym\n"
                                            "Jarkko = Matti\n"
                                            "Marja Virtanen = Liisa Laine\n"
                                            "Virtanen = [sukunimi]\n"
                                            "Sisustamo = [yritys]\n"
                                            "Helsinki = Helsinki\n",
                                            -1, "key", &error);
  ASSERT_NE (key, nullptr) << error->message;
  EXPECT_EQ (teema_name_key_size (key), 5u);
  EXPECT_EQ (pseudonymise ("Jarkko hoitaa myynnin.", key),
             "Matti hoitaa myynnin.");
  EXPECT_EQ (
    pseudonymise ("Soitin eilen Jarkolle ja Jarkon mukaan hyvin.", key),
    "Soitin eilen Matille ja Matin mukaan hyvin.");
  // Two words in a row; the last one inflected like the text's.
  EXPECT_EQ (pseudonymise ("Tapasin Marja Virtasen eilen.", key),
             "Tapasin Liisa Laineen eilen.");
  EXPECT_EQ (pseudonymise ("Virtasen tiimi on Helsingissä.", key),
             "[sukunimi] tiimi on Helsingissä.");
  // A name the analyser does not know: the key's word and an ending.
  EXPECT_EQ (pseudonymise ("Sisustamolla on uusi johtaja.", key),
             "[yritys] on uusi johtaja.");
  teema_name_key_free (key);
}

TEST_F (Names, VoikkoNamesWithoutAKeyButNotCommonWords)
{
  // "Jarkko" and "Pekka" are only names: replaced anywhere. "Marja" and
  // "Toivo" are also words (a berry, hope): replaced mid-sentence, where
  // the capital means a name, not at the start of a sentence; "toivo" in
  // lower case is never a name. Places are not people.
  EXPECT_EQ (
    pseudonymise ("Jarkko soitti. Sitten tuli Marja Virtanen.", nullptr),
    "[nimi] soitti. Sitten tuli [nimi].");
  EXPECT_EQ (
    pseudonymise ("Toivo on aina. Meillä on toivo. Kysy Toivolta.", nullptr),
    "Toivo on aina. Meillä on toivo. Kysy [nimi].");
  EXPECT_EQ (
    pseudonymise ("Marja on kova tekijä, sanoi Pekka Helsingissä.", nullptr),
    "Marja on kova tekijä, sanoi [nimi] Helsingissä.");
  // Transcription marks before a word do not hide a sentence start.
  EXPECT_EQ (pseudonymise ("(..) Varmaan se. [naurua] Marja tuli.", nullptr),
             "(..) Varmaan se. [naurua] Marja tuli.");
  // The key can keep a name Voikko would replace, and can turn the
  // automatic part off.
  TeemaNameKey *key =
    teema_name_key_parse ("Pekka = Pekka\n", -1, "k", nullptr);
  EXPECT_EQ (pseudonymise ("Sanoi Pekka ja Jarkko.", key),
             "Sanoi Pekka ja [nimi].");
  TeemaPseudonymOptions only_key = { key, TRUE, "[N]" };
  char *out =
    teema_names_pseudonymise (az, &only_key, "Sanoi Jarkko.", nullptr);
  EXPECT_STREQ (out, "Sanoi Jarkko.");
  g_free (out);
  teema_name_key_free (key);
}

TEST_F (Names, OffsetsMapThroughTheReplacements)
{
  GArray *edits = nullptr;
  // "Soitin Jarkolle ja Marja Virtaselle." -> "Soitin [nimi] ja [nimi]."
  std::string out =
    pseudonymise ("Soitin Jarkolle ja Marja Virtaselle.", nullptr, &edits);
  EXPECT_EQ (out, "Soitin [nimi] ja [nimi].");
  ASSERT_EQ (edits->len, 2u);
  // "ja" starts at 16 in the original, 14 after; the end of the text
  // (36) maps to 24; an offset inside a name maps to its replacement.
  EXPECT_EQ (teema_names_map_offset (edits, 16, FALSE), 14u);
  EXPECT_EQ (teema_names_map_offset (edits, 36, TRUE), 24u);
  EXPECT_EQ (teema_names_map_offset (edits, 9, FALSE), 7u);
  EXPECT_EQ (teema_names_map_offset (edits, 9, TRUE), 13u);
  EXPECT_EQ (teema_names_map_offset (edits, 3, FALSE), 3u);
  g_array_unref (edits);
}

TEST_F (Names, KeyErrors)
{
  GError *error = nullptr;
  EXPECT_EQ (
    teema_name_key_parse ("Jarkko = Matti\n = Liisa\n", -1, "k.txt", &error),
    nullptr);
  ASSERT_NE (error, nullptr);
  EXPECT_TRUE (g_error_matches (error, TEEMA_ERROR, TEEMA_ERROR_PARSE));
  EXPECT_NE (std::string (error->message).find ("k.txt:2"), std::string::npos)
    << error->message;
  g_clear_error (&error);
  // A name twice is a mistake the user should see, not a silent choice.
  EXPECT_EQ (teema_name_key_parse ("Jarkko = [nimi]\n\njarkko = Matti\n", -1,
                                   "k.txt", &error),
             nullptr);
  ASSERT_NE (error, nullptr);
  EXPECT_NE (std::string (error->message).find ("k.txt:3"), std::string::npos)
    << error->message;
  g_clear_error (&error);
  EXPECT_EQ (teema_name_key_load ("/nonexistent/key.txt", &error), nullptr);
  EXPECT_TRUE (g_error_matches (error, TEEMA_ERROR, TEEMA_ERROR_IO));
  g_clear_error (&error);
}

TEST_F (Names, ListPerInformantForTheKey)
{
  testutil::TempDir dir;
  TeemaProject *p =
    testutil::fixture_project (dir, "theme trust\n  rule: lemma:luottamus\n",
                               { { "H3.txt", kTranscript } });
  ASSERT_NE (p, nullptr);
  GError *error = nullptr;
  TeemaNameKey *key = teema_name_key_parse (
    "Jarkko = Matti\nHelsinki = Helsinki\n", -1, "k", nullptr);
  TeemaNamesOptions opt = { key, nullptr, nullptr, TRUE };
  TeemaTable *t = teema_names_list (p, &opt, &error);
  ASSERT_NE (t, nullptr) << error->message;
  std::string all;
  for (guint r = 0; r < teema_table_n_rows (t); r++) {
    for (guint c = 0; c < teema_table_n_columns (t); c++)
      all += std::string (c ? "|" : "") + teema_table_cell (t, r, c);
    all += "\n";
  }
  // Jarkko three times in three forms, first; the interviewer's "toivo"
  // is not counted; the sentence-initial "Toivo" and "Marja" are listed
  // but not replaced; a word that is a name only by its capital at the
  // start of a sentence ("Varmaan", probably) is not listed at all.
  EXPECT_EQ (all.rfind ("H3|Jarkko|etunimi|3|Jarkko, Jarkolle, Jarkon|-> "
                        "Matti\n",
                        0),
             0u)
    << all;
  EXPECT_NE (all.find ("H3|Virtanen|sukunimi|2|Virtanen, Virtasen|[nimi]\n"),
             std::string::npos)
    << all;
  EXPECT_NE (all.find ("H3|Helsinki|paikannimi|1|Helsingissä|kept\n"),
             std::string::npos)
    << all;
  // A word the analyser does not know is listed as written.
  EXPECT_NE (all.find ("H3|Sisustamolla|tuntematon|1|Sisustamolla|not "
                       "replaced\n"),
             std::string::npos)
    << all;
  EXPECT_NE (all.find ("H3|Toivo|etunimi|2|Toivo|[nimi] 1, not replaced "
                       "(sentence start) 1\n"),
             std::string::npos)
    << all;
  EXPECT_EQ (all.find ("Varma"), std::string::npos) << all;
  teema_table_free (t);
  teema_name_key_free (key);
  teema_project_free (p);
}

// A pseudonymised REFI-QDA export: names gone from the texts, memos and
// notes, and every coding still on the same words once the text has
// changed length (the codings after "Jarkolle" move 2 code points).
TEST_F (Names, PseudonymisedExportKeepsCodingsOnTheirWords)
{
  testutil::TempDir dir;
  TeemaProject *p =
    testutil::fixture_project (dir, "theme trust\n  rule: lemma:luottamus\n",
                               { { "H3.txt", kTranscript } });
  ASSERT_NE (p, nullptr);
  GError *error = nullptr;
  TeemaSegmentFilter f = {};
  GPtrArray *segs = teema_segment_list (p, &f, &error);
  ASSERT_NE (segs, nullptr);
  ASSERT_EQ (segs->len, 2u);
  gint64 first = ((TeemaSegment *) segs->pdata[0])->id;
  gint64 second = ((TeemaSegment *) segs->pdata[1])->id;
  g_ptr_array_unref (segs);
  ASSERT_TRUE (teema_coding_add (p, second, "trust", "anna", nullptr, &error))
    << error->message;
  ASSERT_TRUE (teema_memo_set (p, first, "anna", "Jarkko on myyjä.", &error))
    << error->message;
  TeemaNameKey *key =
    teema_name_key_parse ("Jarkko = Matti\n", -1, "key", nullptr);
  std::string qdpx = dir.file ("out.qdpx");
  ASSERT_TRUE (
    teema_refi_export_qdpx_pseudonymised (p, qdpx.c_str (), key, &error))
    << error->message;
  teema_name_key_free (key);
  teema_project_free (p);
  // The coding's selection spans exactly the second turn in the text as
  // written (an offset left unmoved would start 13 code points late).
  auto zip = ziputil::unzip (qdpx);
  std::string qde = ziputil::member (zip, "project.qde");
  std::string source = ziputil::member (zip, ".txt");
  ASSERT_FALSE (qde.empty ());
  EXPECT_EQ (source.find ("Jarkko"), std::string::npos) << source;
  size_t at = qde.find ("<PlainTextSelection");
  ASSERT_NE (at, std::string::npos);
  long start = atol (qde.c_str () + qde.find ("startPosition=\"", at) + 15);
  long end = atol (qde.c_str () + qde.find ("endPosition=\"", at) + 13);
  gchar *from = g_utf8_offset_to_pointer (source.c_str (), start);
  gchar *to = g_utf8_offset_to_pointer (source.c_str (), end);
  std::string selected (from, to);
  EXPECT_EQ (selected.rfind ("Toivo on aina.", 0), 0u) << selected;
  EXPECT_TRUE (g_str_has_suffix (selected.c_str (), "Varmaan niin."))
    << selected;

  // Read it back into a new project: the coding is on the second turn,
  // whose text starts where it did, after the first turn got shorter.
  TeemaProject *q =
    teema_project_create (dir.file ("q.teema").c_str (), &error);
  ASSERT_NE (q, nullptr) << error->message;
  TeemaRefiReport *r = teema_refi_import (q, qdpx.c_str (), nullptr, &error);
  ASSERT_NE (r, nullptr) << error->message;
  EXPECT_EQ (r->n_codings, 1u);
  teema_refi_report_free (r);
  segs = teema_segment_list (q, &f, &error);
  ASSERT_NE (segs, nullptr);
  ASSERT_EQ (segs->len, 2u);
  std::string one = ((TeemaSegment *) segs->pdata[0])->text;
  std::string two = ((TeemaSegment *) segs->pdata[1])->text;
  EXPECT_EQ (one.find ("Jark"), std::string::npos) << one;
  EXPECT_EQ (one.find ("Virta"), std::string::npos) << one;
  EXPECT_NE (one.find ("Matti hoitaa myynnin. Soitin eilen Matille ja Matin "
                       "mukaan [nimi] hyväksyy"),
             std::string::npos)
    << one;
  EXPECT_EQ (
    two.rfind ("Toivo on aina. Marja on kova tekijä, sanoi [nimi].", 0), 0u)
    << two;
  TeemaCodingFilter cf = {};
  GPtrArray *codings = teema_coding_list (q, &cf, &error);
  ASSERT_NE (codings, nullptr);
  ASSERT_EQ (codings->len, 1u);
  EXPECT_EQ (((TeemaCoding *) codings->pdata[0])->segment_id,
             ((TeemaSegment *) segs->pdata[1])->id);
  g_ptr_array_unref (codings);
  GPtrArray *memos = teema_memo_list (q, nullptr, &error);
  ASSERT_NE (memos, nullptr);
  ASSERT_EQ (memos->len, 1u);
  EXPECT_STREQ (((TeemaMemo *) memos->pdata[0])->text, "Matti on myyjä.");
  g_ptr_array_unref (memos);
  g_ptr_array_unref (segs);
  teema_project_free (q);
}

} // namespace
