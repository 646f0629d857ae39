// test-text.cpp — tokenising and analysing: ICU tokens with Finnish glue,
// transcription marks, code point offsets, Voikko readings, the spoken
// table, the Snowball fallback and the analysis cache.
#include <gtest/gtest.h>
#include <teema/teema.h>

#include <string>
#include <tuple>
#include <vector>

namespace {

struct Tok {
  std::string word;
  guint start, end;
};

std::vector<Tok>
tokens (TeemaAnalyzer *az, const char *text)
{
  GArray *a = teema_analyzer_tokenize (az, text, -1);
  std::vector<Tok> out;
  for (guint i = 0; i < a->len; i++) {
    const TeemaToken &t = g_array_index (a, TeemaToken, i);
    const char *s = g_utf8_offset_to_pointer (text, t.start);
    const char *e = g_utf8_offset_to_pointer (s, t.end - t.start);
    out.push_back ({ std::string (s, e - s), t.start, t.end });
  }
  g_array_unref (a);
  return out;
}

std::vector<std::string>
words (TeemaAnalyzer *az, const char *text)
{
  std::vector<std::string> w;
  for (auto &t : tokens (az, text))
    w.push_back (t.word);
  return w;
}

bool
has (const char *const *list, const char *s)
{
  for (; list && *list; list++)
    if (g_str_equal (*list, s))
      return true;
  return false;
}

class Text : public ::testing::Test {
protected:
  void SetUp () override
  {
    GError *error = nullptr;
    az = teema_analyzer_new ("fi", &error);
    ASSERT_NE (az, nullptr) << error->message;
  }
  void TearDown () override
  {
    teema_analyzer_free (az);
  }
  TeemaAnalyzer *az = nullptr;
};

TEST_F (Text, GluesHyphensAndColonsButNotSpacedDashes)
{
  EXPECT_EQ (words (az, "NPS-luku, B2B:ssä ja KT:n 80-vuotias kanta-asiakas."),
             (std::vector<std::string>{ "NPS-luku", "B2B:ssä", "ja", "KT:n",
                                        "80-vuotias", "kanta-asiakas" }));
  EXPECT_EQ (words (az, "se -- siis tota"),
             (std::vector<std::string>{ "se", "siis", "tota" }));
}

TEST_F (Text, DropsTranscriptionMarks)
{
  EXPECT_EQ (words (az, "No (.) mä [naurua] en (epäselvä) tiiä (..) [tauko]"),
             (std::vector<std::string>{ "No", "mä", "en", "tiiä" }));
  // A real parenthesis of several words is text, not a mark.
  EXPECT_EQ (words (az, "(siis se iso projekti)").size (), 4u);
  EXPECT_EQ (teema_text_count_words ("No (.) mä [naurua] en tiiä", -1), 4u);
}

TEST_F (Text, OffsetsAreCodePoints)
{
  auto t = tokens (az, "Äänestys ja säätö");
  ASSERT_EQ (t.size (), 3u);
  EXPECT_EQ (t[0].start, 0u);
  EXPECT_EQ (t[0].end, 8u);
  EXPECT_EQ (t[2].start, 12u);
  EXPECT_EQ (t[2].end, 17u);
}

TEST_F (Text, KeepsEveryVoikkoReading)
{
  const TeemaAnalysis *a = teema_analyzer_analyze (az, "verkkosivuilta");
  EXPECT_TRUE (has (a->lemmas, "verkkosivu"));
  EXPECT_TRUE (has (a->lemmas, "verkkosivuilta"));
}

TEST_F (Text, CompoundPartsHeadsAndRoots)
{
  const TeemaAnalysis *a = teema_analyzer_analyze (az, "Asiakassuhteiden");
  EXPECT_STREQ (a->form, "asiakassuhteiden");
  EXPECT_TRUE (has (a->lemmas, "asiakassuhde"));
  EXPECT_TRUE (has (a->parts, "asiakas"));
  EXPECT_TRUE (has (a->parts, "suhde"));
  EXPECT_TRUE (has (a->parts, "asiakassuhde"));
  EXPECT_TRUE (has (a->heads, "suhde"));
  EXPECT_FALSE (has (a->heads, "asiakas"));
  const TeemaAnalysis *b = teema_analyzer_analyze (az, "luotettavuutta");
  EXPECT_TRUE (has (b->roots, "luottaa"));
  const TeemaAnalysis *c = teema_analyzer_analyze (az, "luotu");
  EXPECT_FALSE (has (c->lemmas, "luottaa"));
  EXPECT_FALSE (has (c->roots, "luottaa"));
  EXPECT_TRUE (has (c->roots, "luoda"));
}

TEST_F (Text, SpokenFinnish)
{
  struct {
    const char *spoken, *lemma;
  } cases[] = {
    { "mä", "minä" },
    { "sä", "sinä" },
    { "oot", "olla" },
    { "semmonen", "sellainen" },
    { "meiän", "me" },
    { "mulla", "minä" },
    { "et", "että" },
    { "ollu", "ollut" },
    { "henkilökohtanen", "henkilökohtainen" },
    { "helpottais", "helpottaa" },
    { "selkee", "selkeä" },
    // a d dropped between vowels or after h, ts said as tt
    { "oottaa", "odottaa" },
    { "ootettiin", "odottaa" },
    { "yheksän", "yhdeksän" },
    { "tehään", "tehdä" },
    { "veetään", "vetää" },
    { "ettiä", "etsiä" },
  };
  for (auto &c : cases) {
    const TeemaAnalysis *a = teema_analyzer_analyze (az, c.spoken);
    EXPECT_TRUE (has (a->lemmas, c.lemma)) << c.spoken;
    EXPECT_NE (a->normalised, nullptr) << c.spoken;
  }
  // "et" is read as "että", not as the negation verb.
  EXPECT_FALSE (has (teema_analyzer_analyze (az, "et")->lemmas, "ei"));
  // A form Voikko knows is never respelled: "ootte" (olette) gets no d.
  EXPECT_EQ (teema_analyzer_analyze (az, "käet")->normalised, nullptr);
  EXPECT_FALSE (has (teema_analyzer_analyze (az, "ootte")->lemmas, "odottaa"));
}

TEST_F (Text, UnknownFormsFallBackToTheirParts)
{
  const TeemaAnalysis *a = teema_analyzer_analyze (az, "NPS-lukua");
  EXPECT_TRUE (has (a->lemmas, "nps-luku"));
  EXPECT_TRUE (has (a->heads, "luku"));
  const TeemaAnalysis *b = teema_analyzer_analyze (az, "CRM:ssä");
  EXPECT_TRUE (has (b->lemmas, "crm"));
}

TEST_F (Text, SuspendedCompoundBorrowsTheFirstPart)
{
  GArray *a = teema_analyzer_tokenize (
    az, "asiakaskokemuksen ja -polun kehittäminen", -1);
  ASSERT_EQ (a->len, 4u);
  const TeemaToken &t = g_array_index (a, TeemaToken, 2);
  EXPECT_TRUE (t.flags & TEEMA_TOKEN_SUSPENDED);
  EXPECT_TRUE (has (t.analysis->lemmas, "asiakaspolku"));
  g_array_unref (a);
}

TEST_F (Text, EachFormIsAnalysedOnce)
{
  guint before = teema_analyzer_cache_size (az);
  GArray *a = teema_analyzer_tokenize (az, "talo talon talo talo talon", -1);
  EXPECT_EQ (teema_analyzer_cache_size (az), before + 2);
  EXPECT_EQ (g_array_index (a, TeemaToken, 0).analysis,
             g_array_index (a, TeemaToken, 2).analysis);
  g_array_unref (a);
}

TEST_F (Text, CacheDumpLoadsIntoAnotherAnalyzer)
{
  teema_analyzer_analyze (az, "asiakassuhteiden");
  gchar *dump = teema_analyzer_dump_cache (az, FALSE);
  TeemaAnalyzer *b = teema_analyzer_new ("fi", nullptr);
  teema_analyzer_load_cache (b, dump);
  EXPECT_GE (teema_analyzer_cache_size (b), 1u);
  gchar *again = teema_analyzer_dump_cache (b, TRUE);
  EXPECT_STREQ (again, ""); // nothing new was analysed in b
  const TeemaAnalysis *a = teema_analyzer_analyze (b, "asiakassuhteiden");
  EXPECT_TRUE (has (a->heads, "suhde"));
  g_free (again);
  g_free (dump);
  teema_analyzer_free (b);
}

// (start, end, flags) of every token, with a Snowball analyser: fast,
// and the spans do not depend on it.
std::vector<std::tuple<guint, guint, guint>>
spans (TeemaAnalyzer *az, const std::string &text)
{
  GArray *a = teema_analyzer_tokenize (az, text.c_str (), -1);
  std::vector<std::tuple<guint, guint, guint>> out;
  for (guint i = 0; i < a->len; i++) {
    const TeemaToken &t = g_array_index (a, TeemaToken, i);
    out.push_back ({ t.start, t.end, t.flags });
  }
  g_array_unref (a);
  return out;
}

// Text in ASCII and the Latin-1 letters is split by ICU's word rules
// written out for that alphabet; the same text followed by a line break
// and a character outside it ("€", not a word) goes to ICU's iterator, and
// line breaks always end a word, so the tokens must be the same. Checked on
// every paragraph of the bundled and the messy transcripts and on random
// strings of the characters the rules treat apart.
TEST (Tokenize, FastSplitIsIcu)
{
  GError *error = nullptr;
  TeemaAnalyzer *az = teema_analyzer_new_snowball ("fi", &error);
  ASSERT_NE (az, nullptr) << error->message;
  std::vector<std::string> texts;
  // (and every text the fuzz harness split found a difference in)
  for (const char *dir :
       { "corpora/b2b", "tests/data/messy", "tests/data/hostile/split" }) {
    std::string path = std::string (TEEMA_SOURCE_DIR) + "/" + dir;
    GDir *d = g_dir_open (path.c_str (), 0, nullptr);
    ASSERT_NE (d, nullptr) << path;
    for (const char *name; (name = g_dir_read_name (d));) {
      if (!g_str_has_suffix (name, ".txt") && !g_str_has_suffix (name, ".md")
          && !g_str_has_suffix (dir, "split"))
        continue;
      char *data = nullptr;
      gsize len = 0;
      std::string file = path + "/" + name;
      ASSERT_TRUE (g_file_get_contents (file.c_str (), &data, &len, nullptr));
      if (g_utf8_validate (data, (gssize) len, nullptr)) {
        char **paras = g_strsplit (data, "\n\n", -1);
        for (char **p = paras; *p; p++)
          texts.push_back (*p);
        g_strfreev (paras);
      }
      g_free (data);
    }
    g_dir_close (d);
  }
  size_t from_files = texts.size ();
  ASSERT_GT (from_files, 100u);
  const char *const pieces[] = {
    "a", "Ä",  "ö",  "z", "1", "0", ".", "'", ",",   ";",  ":", "-",
    " ", " -", "\n", "[", "]", "(", ")", "é", "ß",   "\t", "!", "\"",
    "/", "Ö",  "ÿ",  "x", "%", "9", "?", "&", "B2B", "@",
  };
  GRand *rand = g_rand_new_with_seed (19);
  for (int i = 0; i < 20000; i++) {
    std::string t;
    int n = g_rand_int_range (rand, 1, 24);
    for (int k = 0; k < n; k++)
      t += pieces[g_rand_int_range (rand, 0, G_N_ELEMENTS (pieces))];
    texts.push_back (t);
  }
  g_rand_free (rand);
  size_t fast = 0;
  for (const std::string &t : texts) {
    auto mine = spans (az, t);
    auto icu = spans (az, t + "\n€");
    ASSERT_EQ (mine, icu) << "text: [" << t << "]";
    fast += !mine.empty ();
  }
  EXPECT_GT (fast, from_files / 2);
  teema_analyzer_free (az);
}

TEST (Snowball, StemsWhenAskedAndMatchesRulesByStem)
{
  GError *error = nullptr;
  TeemaAnalyzer *az = teema_analyzer_new_snowball ("fi", &error);
  ASSERT_NE (az, nullptr);
  EXPECT_EQ (teema_analyzer_backend (az), TEEMA_BACKEND_SNOWBALL);
  TeemaRule *r = teema_rule_compile ("lemma:mittari", nullptr);
  GArray *hits = teema_rule_test (r, az, "Meillä ei oo mittareita.", nullptr);
  EXPECT_NE (hits, nullptr);
  if (hits)
    g_array_unref (hits);
  teema_rule_free (r);
  // Stems are a fallback: they split some lemmas (luottamus/luottamu).
  r = teema_rule_compile ("lemma:luottamus", nullptr);
  hits = teema_rule_test (r, az, "Luottamusta ei ollut.", nullptr);
  EXPECT_EQ (hits, nullptr);
  teema_rule_free (r);
  teema_analyzer_free (az);
}

TEST (Analyzer, EnglishAndUnknownLanguages)
{
  GError *error = nullptr;
  TeemaAnalyzer *en = teema_analyzer_new ("en", &error);
  ASSERT_NE (en, nullptr);
  TeemaRule *r = teema_rule_compile ("lemma:relationship", nullptr);
  GArray *hits = teema_rule_test (r, en, "Good relationships matter.", nullptr);
  EXPECT_NE (hits, nullptr);
  if (hits)
    g_array_unref (hits);
  teema_rule_free (r);
  teema_analyzer_free (en);
  EXPECT_EQ (teema_analyzer_new ("xx", &error), nullptr);
  EXPECT_TRUE (g_error_matches (error, TEEMA_ERROR, TEEMA_ERROR_UNSUPPORTED));
  g_error_free (error);
}

} // namespace

namespace {

TEST (Hyphenation, JoinsLineBreaksButKeepsRealCompounds)
{
  TeemaAnalyzer *az = teema_analyzer_new ("fi", nullptr);
  ASSERT_NE (az, nullptr);
  guint n = 0;
  gchar *out = teema_analyzer_join_hyphenation (
    az, "pitkät asiakas-\nsuhteet ja kanta-\nasiakkaat, mutta xyzq-\nwvut", &n);
  EXPECT_STREQ (out,
                "pitkät asiakassuhteet ja kanta-asiakkaat, mutta xyzq-\nwvut");
  EXPECT_EQ (n, 2u);
  g_free (out);
  out = teema_analyzer_join_hyphenation (az, "ei katkoja - tässä", &n);
  EXPECT_STREQ (out, "ei katkoja - tässä");
  EXPECT_EQ (n, 0u);
  g_free (out);
  teema_analyzer_free (az);
}

} // namespace
