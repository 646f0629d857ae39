// test-rules.cpp — the rule language, driven by the data table in
// tests/rules/rules.tsv: each row is a rule, an optional exclusion, a text,
// whether the rule must match and which words it must hit.
#include <gtest/gtest.h>
#include <teema/teema.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "testutil.h"

namespace {

struct RuleCase {
  std::string rule, exclude, text, expect, hits, why;
  int line;
};

std::vector<RuleCase>
load_cases ()
{
  std::vector<RuleCase> cases;
  std::ifstream in (testutil::source ("tests/rules/rules.tsv"));
  std::string line;
  int n = 0;
  bool header = true;
  while (std::getline (in, line)) {
    n++;
    if (line.empty () || line[0] == '#')
      continue;
    if (header) {
      header = false;
      continue;
    }
    std::vector<std::string> f;
    std::stringstream ss (line);
    std::string cell;
    while (std::getline (ss, cell, '\t'))
      f.push_back (cell);
    if (f.size () != 6) {
      ADD_FAILURE () << "rules.tsv:" << n << ": expected 6 fields";
      continue;
    }
    cases.push_back ({ f[0], f[1], f[2], f[3], f[4], f[5], n });
  }
  return cases;
}

// The words (as written) that fired, comma separated, in text order.
std::string
hit_words (const TeemaAutocodeItem *item)
{
  std::string out;
  guint last = G_MAXUINT;
  for (guint i = 0; i < item->hits->len; i++) {
    auto *h = (const TeemaAutocodeHit *) item->hits->pdata[i];
    if (h->start == last)
      continue;
    last = h->start;
    if (!out.empty ())
      out += ",";
    out += h->word;
  }
  return out.empty () ? "-" : out;
}

class RuleTable : public ::testing::TestWithParam<RuleCase> {
protected:
  static TeemaAnalyzer *az;
  static void SetUpTestSuite ()
  {
    GError *error = nullptr;
    az = teema_analyzer_new ("fi", &error);
    ASSERT_NE (az, nullptr) << error->message;
    ASSERT_EQ (teema_analyzer_backend (az), TEEMA_BACKEND_VOIKKO)
      << "voikko-fi must be installed (scripts/setup-deps.sh)";
  }
  static void TearDownTestSuite ()
  {
    teema_analyzer_free (az);
  }
};
TeemaAnalyzer *RuleTable::az = nullptr;

TEST_P (RuleTable, MatchesAsTheTableSays)
{
  const RuleCase &c = GetParam ();
  SCOPED_TRACE ("rules.tsv:" + std::to_string (c.line) + " " + c.rule + " on '"
                + c.text + "': " + c.why);
  GError *error = nullptr;
  TeemaRule *rule = teema_rule_compile (c.rule.c_str (), &error);
  ASSERT_NE (rule, nullptr) << error->message;
  teema_rule_free (rule);
  // The row as a one-theme codebook, coded as autocode codes a segment:
  // the exclusion is the library's, not a copy of it.
  std::string cb = "theme t\n  rule: " + c.rule + "\n";
  if (c.exclude != "-")
    cb += "  exclude: " + c.exclude + "\n";
  TeemaCodebook *codebook =
    teema_codebook_parse (cb.c_str (), -1, "row", &error);
  ASSERT_NE (codebook, nullptr) << error->message;
  GPtrArray *items =
    teema_autocode_text (codebook, az, c.text.c_str (), &error);
  ASSERT_NE (items, nullptr) << error->message;
  gboolean matched = items->len > 0;
  EXPECT_EQ (matched ? "match" : "no", c.expect);
  if (matched) {
    EXPECT_EQ (hit_words ((TeemaAutocodeItem *) items->pdata[0]), c.hits);
  }
  g_ptr_array_unref (items);
  teema_codebook_free (codebook);
}

INSTANTIATE_TEST_SUITE_P (Table, RuleTable, ::testing::ValuesIn (load_cases ()),
                          [] (const ::testing::TestParamInfo<RuleCase> &i) {
                            return "line" + std::to_string (i.param.line);
                          });

TEST (RuleTableFile, HasCasesForEveryFeature)
{
  std::vector<RuleCase> cases = load_cases ();
  ASSERT_GE (cases.size (), 50u);
  for (const char *feature :
       { "lemma:", "part:", "head:", "root:", "*", "\"", "NEAR/", " AND ",
         " OR ", "NOT ", "re:/", "(" }) {
    bool found = false;
    for (auto &c : cases)
      if (c.rule.find (feature) != std::string::npos)
        found = true;
    EXPECT_TRUE (found) << "no rule test uses " << feature;
  }
}

struct BadRule {
  const char *rule;
  guint column;
  const char *says;
};

TEST (RuleErrors, NameTheColumnAndWhatIsExpected)
{
  const BadRule bad[] = {
    { "lemma:hinta OR", 15, "expected a word" },
    { "lemma:", 7, "expected a word after 'lemma:'" },
    { "(lemma:x", 1, "unclosed '('" },
    { "\"abc", 1, "unclosed '\"'" },
    { "re:/(/", 1, "bad regular expression" },
    { "a NEAR/0 b", 7, "NEAR/n needs a distance" },
    { "a ) b", 3, "unmatched ')'" },
    { "", 1, "expected a word" },
    { "part:x*", 7, "'*' works only on a plain word" },
  };
  for (const BadRule &b : bad) {
    GError *error = nullptr;
    TeemaRule *r = teema_rule_compile (b.rule, &error);
    EXPECT_EQ (r, nullptr) << b.rule;
    ASSERT_NE (error, nullptr) << b.rule;
    EXPECT_TRUE (g_error_matches (error, TEEMA_ERROR, TEEMA_ERROR_RULE));
    std::string msg = error->message;
    EXPECT_NE (msg.find ("column " + std::to_string (b.column)),
               std::string::npos)
      << msg;
    EXPECT_NE (msg.find (b.says), std::string::npos) << msg;
    g_error_free (error);
  }
}

} // namespace
