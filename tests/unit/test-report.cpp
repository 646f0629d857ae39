// test-report.cpp — theme frequencies on a small hand-coded project whose
// numbers are known, the table renderings (terminal, CSV, TSV, JSON,
// Markdown) and quotes in the thesis convention.
#include <gtest/gtest.h>
#include <teema/teema.h>

#include <cstring>
#include <map>
#include <string>
#include <vector>

#include "sql-fixture.h"
#include "testutil.h"

namespace {

// ---- a minimal JSON validator (RFC 8259 grammar, no semantics) -----------

struct Json {
  const char *p;
  void ws ()
  {
    while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')
      p++;
  }
  bool lit (const char *s)
  {
    size_t n = strlen (s);
    if (strncmp (p, s, n))
      return false;
    p += n;
    return true;
  }
  bool string ()
  {
    if (*p != '"')
      return false;
    for (p++; *p && *p != '"'; p++) {
      if ((unsigned char) *p < 0x20)
        return false;
      if (*p == '\\') {
        p++;
        if (*p == 'u') {
          for (int i = 1; i <= 4; i++)
            if (!g_ascii_isxdigit (p[i]))
              return false;
          p += 4;
        } else if (!strchr ("\"\\/bfnrt", *p) || !*p) {
          return false;
        }
      }
    }
    if (*p != '"')
      return false;
    p++;
    return true;
  }
  bool number ()
  {
    const char *s = p;
    if (*p == '-')
      p++;
    if (*p == '0')
      p++;
    else if (g_ascii_isdigit (*p))
      while (g_ascii_isdigit (*p))
        p++;
    else
      return false;
    if (*p == '.') {
      p++;
      if (!g_ascii_isdigit (*p))
        return false;
      while (g_ascii_isdigit (*p))
        p++;
    }
    if (*p == 'e' || *p == 'E') {
      p++;
      if (*p == '+' || *p == '-')
        p++;
      if (!g_ascii_isdigit (*p))
        return false;
      while (g_ascii_isdigit (*p))
        p++;
    }
    return p > s;
  }
  bool value ()
  {
    ws ();
    bool ok;
    if (*p == '{')
      ok = members ('}', true);
    else if (*p == '[')
      ok = members (']', false);
    else if (*p == '"')
      ok = string ();
    else
      ok = lit ("true") || lit ("false") || lit ("null") || number ();
    ws ();
    return ok;
  }
  bool members (char close, bool object)
  {
    p++;
    ws ();
    if (*p == close) {
      p++;
      return true;
    }
    for (;;) {
      if (object) {
        ws ();
        if (!string ())
          return false;
        ws ();
        if (*p++ != ':')
          return false;
      }
      if (!value ())
        return false;
      if (*p == ',') {
        p++;
        continue;
      }
      if (*p == close) {
        p++;
        return true;
      }
      return false;
    }
  }
};

bool
valid_json (const char *text)
{
  Json j{ text };
  return j.value () && *j.p == '\0';
}

TEST (JsonValidator, CatchesWhatItMust)
{
  EXPECT_TRUE (
    valid_json ("[\n  {\"a\": 1, \"b\": \"x\\\"y\", \"c\": -0.5e3}\n]\n"));
  EXPECT_TRUE (valid_json ("[]"));
  EXPECT_FALSE (valid_json ("[{\"a\": 1 (50%)}]"));
  EXPECT_FALSE (valid_json ("[{\"a\": 2/3}]"));
  EXPECT_FALSE (valid_json ("[{\"a\": }]"));
  EXPECT_FALSE (valid_json ("[{\"a\": \"x\ny\"}]"));
  EXPECT_FALSE (valid_json ("[1,]"));
}

// ---- tables ----------------------------------------------------------------

std::string
render (const TeemaTable *t, TeemaFormat f)
{
  char *s = teema_table_render (t, f);
  std::string out = s;
  g_free (s);
  return out;
}

TeemaTable *
small_table ()
{
  TeemaTable *t = teema_table_new ("Pieni");
  teema_table_add_column (t, "nimi", TEEMA_COLUMN_TEXT);
  teema_table_add_column (t, "n", TEEMA_COLUMN_INT);
  teema_table_add_column (t, "osuus", TEEMA_COLUMN_REAL);
  teema_table_add_row (t);
  teema_table_add_text (t, "Äänekoski");
  teema_table_add_int (t, 7);
  teema_table_add_real (t, 12.345, 1);
  teema_table_add_row (t);
  teema_table_add_text (t, "a, \"b\"\nc\td|e");
  teema_table_add_int (t, -12);
  teema_table_add_real (t, 100, 1);
  teema_table_add_note (t, "Huom: pieni taulu.");
  return t;
}

TEST (Table, Cells)
{
  TeemaTable *t = small_table ();
  EXPECT_STREQ (teema_table_title (t), "Pieni");
  EXPECT_EQ (teema_table_n_rows (t), 2u);
  EXPECT_EQ (teema_table_n_columns (t), 3u);
  EXPECT_STREQ (teema_table_column_name (t, 2), "osuus");
  EXPECT_STREQ (teema_table_cell (t, 0, 2), "12.3");
  EXPECT_STREQ (teema_table_cell (t, 1, 2), "100.0");
  EXPECT_EQ (teema_table_cell (t, 2, 0), nullptr);
  teema_table_free (t);
}

TEST (Table, Csv)
{
  TeemaTable *t = small_table ();
  EXPECT_EQ (render (t, TEEMA_FORMAT_CSV),
             "nimi,n,osuus\r\n"
             "Äänekoski,7,12.3\r\n"
             "\"a, \"\"b\"\"\nc\td|e\",-12,100.0\r\n");
  teema_table_free (t);
}

TEST (Table, Tsv)
{
  TeemaTable *t = small_table ();
  EXPECT_EQ (render (t, TEEMA_FORMAT_TSV), "nimi\tn\tosuus\n"
                                           "Äänekoski\t7\t12.3\n"
                                           "a, \"b\" c d|e\t-12\t100.0\n");
  teema_table_free (t);
}

TEST (Table, Json)
{
  TeemaTable *t = small_table ();
  std::string json = render (t, TEEMA_FORMAT_JSON);
  EXPECT_EQ (json, "[\n"
                   "  {\"nimi\": \"Äänekoski\", \"n\": 7, \"osuus\": 12.3},\n"
                   "  {\"nimi\": \"a, \\\"b\\\"\\nc\\u0009d|e\", \"n\": -12, "
                   "\"osuus\": 100.0}\n"
                   "]\n");
  EXPECT_TRUE (valid_json (json.c_str ())) << json;
  teema_table_free (t);
  TeemaTable *empty = teema_table_new (nullptr);
  teema_table_add_column (empty, "x", TEEMA_COLUMN_INT);
  EXPECT_EQ (render (empty, TEEMA_FORMAT_JSON), "[]\n");
  teema_table_free (empty);
}

TEST (Table, JsonQuotesTextInNumberColumns)
{
  // Report matrices put "3 (12%)" and "2/3" in number-typed columns.
  TeemaTable *t = teema_table_new (nullptr);
  teema_table_add_column (t, "H1", TEEMA_COLUMN_INT);
  teema_table_add_column (t, "k/n", TEEMA_COLUMN_INT);
  teema_table_add_column (t, "empty", TEEMA_COLUMN_REAL);
  teema_table_add_row (t);
  teema_table_add_text (t, "3 (12%)");
  teema_table_add_text (t, "2/3");
  teema_table_add_text (t, "");
  std::string json = render (t, TEEMA_FORMAT_JSON);
  EXPECT_TRUE (valid_json (json.c_str ())) << json;
  EXPECT_NE (json.find ("\"H1\": \"3 (12%)\""), std::string::npos) << json;
  teema_table_free (t);
}

TEST (Table, Markdown)
{
  TeemaTable *t = small_table ();
  EXPECT_EQ (render (t, TEEMA_FORMAT_MARKDOWN),
             "### Pieni\n\n"
             "| nimi | n | osuus |\n"
             "| --- | ---: | ---: |\n"
             "| Äänekoski | 7 | 12.3 |\n"
             "| a, \"b\" c\td\\|e | -12 | 100.0 |\n"
             "\n"
             "Huom: pieni taulu.\n");
  teema_table_free (t);
}

TEST (Table, TerminalAlignsByDisplayWidth)
{
  TeemaTable *t = teema_table_new ("Otsikko");
  teema_table_add_column (t, "teema", TEEMA_COLUMN_TEXT);
  teema_table_add_column (t, "n", TEEMA_COLUMN_INT);
  teema_table_add_column (t, "huom", TEEMA_COLUMN_TEXT);
  teema_table_add_row (t);
  teema_table_add_text (t, "Äänekoski");
  teema_table_add_int (t, 5);
  teema_table_add_text (t, "öö");
  teema_table_add_row (t);
  teema_table_add_text (t, "Oulu");
  teema_table_add_int (t, 120);
  teema_table_add_text (t, "x");
  teema_table_add_row (t);
  teema_table_add_text (t, "Ii");
  teema_table_add_int (t, 0);
  teema_table_add_text (t, "");
  teema_table_add_note (t, "Loppu.");
  // "Äänekoski" is 9 columns wide (12 bytes); numbers align right; the
  // line never ends in spaces, even when its last cells are empty.
  EXPECT_EQ (render (t, TEEMA_FORMAT_TABLE), "Otsikko\n\n"
                                             "teema        n  huom\n"
                                             "────────────────────\n"
                                             "Äänekoski    5  öö\n"
                                             "Oulu       120  x\n"
                                             "Ii           0\n"
                                             "\n"
                                             "Loppu.\n");
  teema_table_free (t);
}

// A theme x informant matrix of ten informants, as report themes makes.
static TeemaTable *
matrix_table ()
{
  TeemaTable *t = teema_table_new ("Teemat");
  teema_table_add_column_heading (t, "theme", "Teema", TEEMA_COLUMN_TEXT);
  for (int i = 1; i <= 10; i++) {
    char code[8];
    g_snprintf (code, sizeof code, "H%d", i);
    teema_table_add_column (t, code, TEEMA_COLUMN_INT);
  }
  const char *themes[] = { "Luottamus", "  Välittäminen", "Ä\u2400" };
  for (int r = 0; r < 3; r++) {
    teema_table_add_row (t);
    teema_table_add_text (t, themes[r]);
    for (int i = 1; i <= 10; i++)
      teema_table_add_text (t, i % 3 == r ? "12 (5%)" : "–");
  }
  teema_table_add_note (t, "Solut: koodatut segmentit.");
  return t;
}

static std::string
render_width (const TeemaTable *t, TeemaFormat f, guint width)
{
  char *s = teema_table_render_width (t, f, width);
  std::string out = s;
  g_free (s);
  return out;
}

// The longest line in display columns (ä, ö, ─ and ␀ are one each).
static guint
widest_line (const std::string &text)
{
  guint widest = 0;
  gchar **lines = g_strsplit (text.c_str (), "\n", -1);
  for (gchar **l = lines; *l; l++)
    widest = MAX (widest, teema_table_text_width (*l));
  g_strfreev (lines);
  return widest;
}

TEST (Table, WrapsIntoBlocksThatRepeatTheFirstColumn)
{
  TeemaTable *t = matrix_table ();
  std::string whole = render (t, TEEMA_FORMAT_TABLE);
  EXPECT_EQ (render_width (t, TEEMA_FORMAT_TABLE, 0), whole);
  EXPECT_EQ (render_width (t, TEEMA_FORMAT_TABLE, 500), whole);
  EXPECT_GT (widest_line (whole), 60u);
  std::string wrapped = render_width (t, TEEMA_FORMAT_TABLE, 60);
  // "  Välittäminen" is 14 columns, each informant 7 and two between:
  // 14 + 5 * 9 = 59 fit in 60, so two blocks of five informants.
  EXPECT_EQ (wrapped,
             "Teemat\n"
             "\n"
             "Teema                H1       H2       H3       H4       H5\n"
             "───────────────────────────────────────────────────────────\n"
             "Luottamus             –        –  12 (5%)        –        –\n"
             "  Välittäminen  12 (5%)        –        –  12 (5%)        –\n"
             "Ä␀                    –  12 (5%)        –        –  12 (5%)\n"
             "\n"
             "Teema                H6       H7       H8       H9      H10\n"
             "───────────────────────────────────────────────────────────\n"
             "Luottamus       12 (5%)        –        –  12 (5%)        –\n"
             "  Välittäminen        –  12 (5%)        –        –  12 (5%)\n"
             "Ä␀                    –        –  12 (5%)        –        –\n"
             "\n"
             "Solut: koodatut segmentit.\n");
  EXPECT_LE (widest_line (wrapped), 60u);
  // Too narrow for even one informant beside the theme: one per block.
  std::string narrow = render_width (t, TEEMA_FORMAT_TABLE, 10);
  EXPECT_EQ (g_strstr_len (narrow.c_str (), -1, "H10") != nullptr, true);
  size_t blocks = 0;
  for (size_t at = 0; (at = narrow.find ("Teema ", at)) != std::string::npos;
       at++)
    blocks++;
  EXPECT_EQ (blocks, 10u);
  // Files and tools get every column whatever the width.
  EXPECT_EQ (render_width (t, TEEMA_FORMAT_CSV, 20),
             render (t, TEEMA_FORMAT_CSV));
  EXPECT_EQ (render_width (t, TEEMA_FORMAT_MARKDOWN, 20),
             render (t, TEEMA_FORMAT_MARKDOWN));
  teema_table_free (t);
}

TEST (Table, ColumnsKeptTogetherStayInOneBlock)
{
  // A theme x group matrix: each group's k/n belongs to the group's count.
  TeemaTable *t = teema_table_new (nullptr);
  teema_table_add_column (t, "Theme", TEEMA_COLUMN_TEXT);
  const char *groups[] = { "asiakkaat", "myyjät", "johto" };
  for (const char *g : groups) {
    teema_table_add_column (t, g, TEEMA_COLUMN_INT);
    teema_table_add_column (t, "k/n", TEEMA_COLUMN_INT);
    teema_table_keep_with_previous (t);
  }
  teema_table_add_row (t);
  teema_table_add_text (t, "Luottamus");
  for (int i = 0; i < 3; i++) {
    teema_table_add_text (t, "2 (5%)");
    teema_table_add_text (t, "1/4");
  }
  // Luottamus (9) + asiakkaat, k/n (2 + 9 + 2 + 3) = 25: a width of 30
  // holds one group, never a group's count without its k/n.
  EXPECT_EQ (render_width (t, TEEMA_FORMAT_TABLE, 30),
             "Theme      asiakkaat  k/n\n"
             "─────────────────────────\n"
             "Luottamus     2 (5%)  1/4\n"
             "\n"
             "Theme      myyjät  k/n\n"
             "──────────────────────\n"
             "Luottamus  2 (5%)  1/4\n"
             "\n"
             "Theme       johto  k/n\n"
             "──────────────────────\n"
             "Luottamus  2 (5%)  1/4\n");
  // Too narrow for a group: the group still goes whole.
  std::string narrow = render_width (t, TEEMA_FORMAT_TABLE, 12);
  EXPECT_NE (narrow.find ("Theme      myyjät  k/n\n"), std::string::npos)
    << narrow;
  teema_table_free (t);
}

TEST (Table, HeadingsForReadersNamesForTools)
{
  TeemaTable *t = teema_table_new (nullptr);
  teema_table_add_column_heading (t, "segments", "Segmentit", TEEMA_COLUMN_INT);
  teema_table_add_column_heading (t, "n", nullptr, TEEMA_COLUMN_INT);
  teema_table_add_row (t);
  teema_table_add_int (t, 3);
  teema_table_add_int (t, 4);
  EXPECT_STREQ (teema_table_column_name (t, 0), "segments");
  EXPECT_STREQ (teema_table_column_heading (t, 0), "Segmentit");
  EXPECT_STREQ (teema_table_column_heading (t, 1), "n");
  EXPECT_EQ (render (t, TEEMA_FORMAT_CSV), "segments,n\r\n3,4\r\n");
  EXPECT_EQ (render (t, TEEMA_FORMAT_JSON),
             "[\n  {\"segments\": 3, \"n\": 4}\n]\n");
  EXPECT_EQ (render (t, TEEMA_FORMAT_TABLE), "Segmentit  n\n"
                                             "────────────\n"
                                             "        3  4\n");
  EXPECT_EQ (render (t, TEEMA_FORMAT_MARKDOWN), "| Segmentit | n |\n"
                                                "| ---: | ---: |\n"
                                                "| 3 | 4 |\n");
  EXPECT_EQ (teema_table_text_width ("Äö␀─"), 4u);
  EXPECT_EQ (teema_table_text_width ("漢字"), 4u);
  EXPECT_EQ (teema_table_text_width ("a\u0301"), 1u);
  teema_table_free (t);
}

TEST (Table, FormatNames)
{
  TeemaFormat f;
  EXPECT_TRUE (teema_format_parse ("md", &f, nullptr));
  EXPECT_EQ (f, TEEMA_FORMAT_MARKDOWN);
  EXPECT_TRUE (teema_format_parse ("markdown", &f, nullptr));
  EXPECT_TRUE (teema_format_parse ("tsv", &f, nullptr));
  EXPECT_EQ (f, TEEMA_FORMAT_TSV);
  GError *error = nullptr;
  EXPECT_FALSE (teema_format_parse ("xlsx", &f, &error));
  EXPECT_TRUE (g_error_matches (error, TEEMA_ERROR, TEEMA_ERROR_UNSUPPORTED));
  EXPECT_NE (strstr (error->message, "'xlsx'"), nullptr);
  g_clear_error (&error);
}

// ---- the report on a known project ------------------------------------------

const char *const kE1 =
  "---\ninformant: E1\ngroup: employee\n---\n"
  "I: Mistä luottamus syntyy?\n"
  "E1: Luottamus syntyy pitkän ajan.\n" // 4 words
  "I: Entä hinta?\n"
  "E1: Hinta ratkaisee aina lopulta ihan kaiken.\n"; // 6 words
const char *const kE2 =
  "---\ninformant: E2\ngroup: employee\n---\n"
  "I: Miten pidätte yhteyttä?\n"
  "E2: Me soitamme asiakkaille joka kuukausi.\n" // 5 words
  "I: Ja luottamus?\n"
  "E2: Luotan siihen että asiat hoituu ja\n"
  "asiakas saa sen mitä luvattiin ilman mitään turhaa säätöä.\n"; // 15
const char *const kC1 =
  "---\ninformant: C1\ngroup: customer\n---\n"
  "Haastattelija: Miten tilaaminen sujuu?\n"
  "C1: Tilaaminen on aina helppoa, kun kaikki toimii [naurua] heti.\n" // 8
  "Haastattelija: Muuta?\n"
  "C1: Ei muuta.\n"; // 2
const char *const kCodebook =
  "codebook: raportti\n"
  "theme experience\n  label.fi: Asiakaskokemus\n"
  "  label.en: Customer experience\n"
  "theme trust\n  parent: experience\n  label.fi: Luottamus, \"usko\"\n"
  "  label.en: Trust\n"
  "theme effort\n  parent: experience\n  label.fi: Vaivattomuus\n"
  "theme price\n  label.fi: Hinnan määrä\n  label.en: Price\n";

class Report : public ::testing::Test {
protected:
  void SetUp () override
  {
    GError *error = nullptr;
    p = testutil::fixture_project (
      dir, kCodebook,
      { { "E1.txt", kE1 }, { "E2.txt", kE2 }, { "C1.txt", kC1 } });
    ASSERT_NE (p, nullptr);
    TeemaSegmentFilter f = {};
    f.include_interviewer = TRUE;
    GPtrArray *segs = teema_segment_list (p, &f, &error);
    ASSERT_EQ (segs->len, 12u);
    for (guint i = 0; i < segs->len; i++) {
      auto *s = (TeemaSegment *) segs->pdata[i];
      std::string key =
        std::string (s->speaker) + (s->ordinal <= 2 ? "a" : "b");
      seg[key] = s->id;
      words[key] = s->n_words;
    }
    g_ptr_array_unref (segs);
    ASSERT_EQ (words["E1a"], 4u);
    ASSERT_EQ (words["E1b"], 6u);
    ASSERT_EQ (words["E2a"], 5u);
    ASSERT_EQ (words["E2b"], 15u);
    ASSERT_EQ (words["C1a"], 8u);
    ASSERT_EQ (words["C1b"], 2u);
    code ("E1a", "trust", "anna");
    code ("E1a", "trust", "ben");   // a second coder: still one segment
    code ("E1a", "effort", "anna"); // two children: experience counts once
    code ("E1b", "price", "anna");
    code ("E2b", "trust", "ben");
    code ("C1a", "effort", "anna");
    // An interviewer turn is never coded by hand (the library refuses),
    // and a coding of one that came from elsewhere never counts.
    EXPECT_FALSE (
      teema_coding_add (p, seg["Ib"], "trust", "anna", nullptr, &error));
    ASSERT_NE (error, nullptr);
    EXPECT_NE (strstr (error->message, "interviewer turn"), nullptr)
      << error->message;
    g_clear_error (&error);
    sql_fixture::insert_coding (dir.file ("p.teema").c_str (), seg["Ib"],
                                "trust", "anna");
  }
  void TearDown () override
  {
    teema_project_free (p);
  }

  void code (const std::string &key, const char *theme, const char *coder)
  {
    ASSERT_TRUE (seg.count (key)) << key;
    GError *error = nullptr;
    ASSERT_TRUE (teema_coding_add (p, seg[key], theme, coder, nullptr, &error))
      << error->message;
  }

  TeemaTable *report (TeemaReportBy by, bool wide, const char *coder = nullptr,
                      const char *lang = "fi")
  {
    TeemaReportOptions opt = { by, coder, lang, wide, nullptr, nullptr };
    GError *error = nullptr;
    TeemaTable *t = teema_report_themes (p, &opt, &error);
    EXPECT_NE (t, nullptr) << (error ? error->message : "");
    g_clear_error (&error);
    return t;
  }

  // Long-table rows as "theme unit: segments words share k n".
  std::vector<std::string> rows (const TeemaTable *t, guint unit_col)
  {
    std::vector<std::string> out;
    guint nc = teema_table_n_columns (t);
    for (guint r = 0; r < teema_table_n_rows (t); r++) {
      std::string s = std::string (teema_table_cell (t, r, 0)) + " "
                      + teema_table_cell (t, r, unit_col) + ":";
      for (guint c = nc - 5; c < nc; c++)
        s += std::string (" ") + teema_table_cell (t, r, c);
      out.push_back (s);
    }
    return out;
  }

  testutil::TempDir dir;
  TeemaProject *p = nullptr;
  std::map<std::string, gint64> seg;
  std::map<std::string, guint> words;
};

TEST_F (Report, LongByInformant)
{
  TeemaTable *t = report (TEEMA_BY_INFORMANT, false);
  ASSERT_NE (t, nullptr);
  std::vector<std::string> cols;
  for (guint c = 0; c < teema_table_n_columns (t); c++)
    cols.push_back (teema_table_column_name (t, c));
  EXPECT_EQ (
    cols, (std::vector<std::string>{
            "theme", "label", "parent", "informant", "group", "segments",
            "words", "share_of_words_pct", "informants_k", "informants_n" }));
  // Informants by group then code: C1 (customer), E1, E2 (employee).
  // Words per informant: C1 10, E1 10, E2 20.
  EXPECT_EQ (rows (t, 3), (std::vector<std::string>{
                            "experience C1: 1 8 80.0 1 3",
                            "experience E1: 1 4 40.0 1 3",
                            "experience E2: 1 15 75.0 1 3",
                            "trust C1: 0 0 0.0 0 3",
                            "trust E1: 1 4 40.0 1 3",
                            "trust E2: 1 15 75.0 1 3",
                            "effort C1: 1 8 80.0 1 3",
                            "effort E1: 1 4 40.0 1 3",
                            "effort E2: 0 0 0.0 0 3",
                            "price C1: 0 0 0.0 0 3",
                            "price E1: 1 6 60.0 1 3",
                            "price E2: 0 0 0.0 0 3",
                          }));
  EXPECT_STREQ (teema_table_cell (t, 3, 1), "Luottamus, \"usko\"");
  EXPECT_STREQ (teema_table_cell (t, 3, 2), "experience");
  EXPECT_STREQ (teema_table_cell (t, 3, 4), "customer");
  EXPECT_STREQ (teema_table_cell (t, 0, 2), "");
  teema_table_free (t);
}

TEST_F (Report, LongByGroup)
{
  TeemaTable *t = report (TEEMA_BY_GROUP, false);
  ASSERT_NE (t, nullptr);
  EXPECT_EQ (teema_table_n_columns (t), 9u); // no informant column
  // Group words: customer 10, employee 30; n is per group.
  EXPECT_EQ (rows (t, 3), (std::vector<std::string>{
                            "experience customer: 1 8 80.0 1 1",
                            "experience employee: 2 19 63.3 2 2",
                            "trust customer: 0 0 0.0 0 1",
                            "trust employee: 2 19 63.3 2 2",
                            "effort customer: 1 8 80.0 1 1",
                            "effort employee: 1 4 13.3 1 2",
                            "price customer: 0 0 0.0 0 1",
                            "price employee: 1 6 20.0 1 2",
                          }));
  teema_table_free (t);
}

TEST_F (Report, OneCoder)
{
  TeemaTable *t = report (TEEMA_BY_INFORMANT, false, "ben");
  ASSERT_NE (t, nullptr);
  // ben coded only trust on E1a and E2b.
  EXPECT_EQ (rows (t, 3), (std::vector<std::string>{
                            "experience C1: 0 0 0.0 0 3",
                            "experience E1: 1 4 40.0 1 3",
                            "experience E2: 1 15 75.0 1 3",
                            "trust C1: 0 0 0.0 0 3",
                            "trust E1: 1 4 40.0 1 3",
                            "trust E2: 1 15 75.0 1 3",
                            "effort C1: 0 0 0.0 0 3",
                            "effort E1: 0 0 0.0 0 3",
                            "effort E2: 0 0 0.0 0 3",
                            "price C1: 0 0 0.0 0 3",
                            "price E1: 0 0 0.0 0 3",
                            "price E2: 0 0 0.0 0 3",
                          }));
  teema_table_free (t);
}

TEST_F (Report, WideByInformantTerminal)
{
  TeemaTable *t = report (TEEMA_BY_INFORMANT, true);
  ASSERT_NE (t, nullptr);
  // "Hinnan määrä" is 12 columns wide in 14 bytes; "–" is one column.
  EXPECT_EQ (
    render (t, TEEMA_FORMAT_TABLE),
    "Themes by informant\n\n"
    "Theme                     C1       E1       E2  Segments  Informants\n"
    "────────────────────────────────────────────────────────────────────\n"
    "Asiakaskokemus       1 (80%)  1 (40%)  1 (75%)         3         3/3\n"
    "  Luottamus, \"usko\"        –  1 (40%)  1 (75%)         2         2/3\n"
    "  Vaivattomuus       1 (80%)  1 (40%)        –         2         2/3\n"
    "Hinnan määrä               –  1 (60%)        –         1         1/3\n"
    "\n"
    "Cells: coded segments (share of the informant's words in them; a "
    "coded part of a turn counts as its share of the turn). k/n: "
    "informants who mention the theme of those with text.\n"
    "Counted: codings by people, and rule codings that no coder "
    "rejected.\n"
    "Groups: customer: C1; employee: E1, E2\n");
  teema_table_free (t);
}

TEST_F (Report, WideByGroupInEnglish)
{
  TeemaTable *t = report (TEEMA_BY_GROUP, true, nullptr, "en");
  ASSERT_NE (t, nullptr);
  EXPECT_EQ (render (t, TEEMA_FORMAT_CSV),
             "Theme,customer,k/n,employee,k/n\r\n"
             "Customer experience,1 (80%),1/1,2 (63%),2/2\r\n"
             "  Trust,–,0/1,2 (63%),2/2\r\n"
             "  Vaivattomuus,1 (80%),1/1,1 (13%),1/2\r\n"
             "Price,–,0/1,1 (20%),1/2\r\n");
  teema_table_free (t);
}

TEST_F (Report, EveryRenderingOfTheReportIsWellFormed)
{
  for (bool wide : { false, true })
    for (TeemaReportBy by : { TEEMA_BY_INFORMANT, TEEMA_BY_GROUP }) {
      TeemaTable *t = report (by, wide);
      ASSERT_NE (t, nullptr);
      SCOPED_TRACE (std::string (wide ? "wide " : "long ")
                    + (by == TEEMA_BY_GROUP ? "group" : "informant"));
      std::string json = render (t, TEEMA_FORMAT_JSON);
      EXPECT_TRUE (valid_json (json.c_str ())) << json;
      // CSV and TSV: a header and one line per row, same field count.
      for (TeemaFormat f : { TEEMA_FORMAT_CSV, TEEMA_FORMAT_TSV }) {
        std::string out = render (t, f);
        gchar **lines = g_strsplit (out.c_str (), "\n", -1);
        EXPECT_EQ (g_strv_length (lines), teema_table_n_rows (t) + 2);
        g_strfreev (lines);
      }
      std::string md = render (t, TEEMA_FORMAT_MARKDOWN);
      EXPECT_NE (md.find ("| --- |"), std::string::npos);
      teema_table_free (t);
    }
  // Long JSON carries numbers as numbers.
  TeemaTable *t = report (TEEMA_BY_INFORMANT, false);
  std::string json = render (t, TEEMA_FORMAT_JSON);
  EXPECT_NE (json.find ("{\"theme\": \"experience\", \"label\": "
                        "\"Asiakaskokemus\", \"parent\": \"\", \"informant\": "
                        "\"C1\", \"group\": \"customer\", \"segments\": 1, "
                        "\"words\": 8, \"share_of_words_pct\": 80.0, "
                        "\"informants_k\": 1, \"informants_n\": 3}"),
             std::string::npos)
    << json;
  teema_table_free (t);
}

// A project without themes is a normal state: the report is an empty
// table that says how to add themes, not an error.
TEST_F (Report, NoThemesYetIsAnEmptyReport)
{
  GError *error = nullptr;
  TeemaProject *q =
    teema_project_create (dir.file ("q.teema").c_str (), &error);
  ASSERT_NE (q, nullptr);
  TeemaTable *t = teema_report_themes (q, nullptr, &error);
  ASSERT_NE (t, nullptr) << error->message;
  EXPECT_EQ (teema_table_n_rows (t), 0u);
  char *text = teema_table_render (t, TEEMA_FORMAT_TABLE);
  EXPECT_NE (strstr (text, "teema theme add"), nullptr) << text;
  g_free (text);
  teema_table_free (t);
  teema_project_free (q);
}

// ---- quotes
// -------------------------------------------------------------------

TEST_F (Report, QuotesThesisConvention)
{
  TeemaQuoteOptions opt = {};
  opt.theme = "trust";
  GError *error = nullptr;
  TeemaTable *q = teema_quotes_collect (p, &opt, &error);
  ASSERT_NE (q, nullptr) << error->message;
  ASSERT_EQ (teema_table_n_rows (q), 2u); // E1a once (two coders), E2b
  EXPECT_STREQ (teema_table_cell (q, 0, 1), "E1");
  char *md = teema_quotes_markdown (q, nullptr);
  EXPECT_STREQ (md, "## Luottamus, \"usko\" (2)\n\n"
                    "> Luottamus syntyy pitkän ajan.\n\n(E1)\n\n"
                    "> Luotan siihen että asiat hoituu ja asiakas saa sen mitä "
                    "luvattiin ilman mitään turhaa säätöä.\n\n(E2)\n\n");
  g_free (md);
  md = teema_quotes_markdown (q, "Luottamus");
  EXPECT_EQ (std::string (md).rfind ("## Luottamus\n\n> ", 0), 0u) << md;
  g_free (md);
  teema_table_free (q);

  // The parent collects its children's quotes; without children, none.
  opt.theme = "experience";
  opt.children = TRUE;
  q = teema_quotes_collect (p, &opt, &error);
  ASSERT_NE (q, nullptr);
  ASSERT_EQ (teema_table_n_rows (q), 3u);
  // By informant: group (customer first), then code.
  EXPECT_STREQ (teema_table_cell (q, 0, teema_table_n_columns (q) - 1), "(C1)");
  EXPECT_STREQ (teema_table_cell (q, 2, teema_table_n_columns (q) - 1), "(E2)");
  teema_table_free (q);
  opt.children = FALSE;
  q = teema_quotes_collect (p, &opt, &error);
  ASSERT_NE (q, nullptr);
  md = teema_quotes_markdown (q, nullptr);
  EXPECT_STREQ (md, "## Asiakaskokemus (0)\n\n_No coded segments._\n");
  g_free (md);
  teema_table_free (q);

  // Filters: informant, group, coder.
  opt = {};
  opt.theme = "trust";
  opt.informant = "e2"; // matched ignoring case
  q = teema_quotes_collect (p, &opt, &error);
  ASSERT_NE (q, nullptr) << error->message;
  EXPECT_EQ (teema_table_n_rows (q), 1u);
  teema_table_free (q);
  // An informant or group that matches nothing is an error naming those
  // there are, not an empty list.
  opt.informant = "H3";
  EXPECT_EQ (teema_quotes_collect (p, &opt, &error), nullptr);
  EXPECT_TRUE (g_error_matches (error, TEEMA_ERROR, TEEMA_ERROR_NOT_FOUND));
  EXPECT_NE (strstr (error->message, "C1, E1, E2"), nullptr) << error->message;
  g_clear_error (&error);
  opt.informant = nullptr;
  opt.group = "Partner";
  EXPECT_EQ (teema_quotes_collect (p, &opt, &error), nullptr);
  EXPECT_NE (strstr (error->message, "customer, employee"), nullptr)
    << error->message;
  g_clear_error (&error);
  opt = {};
  opt.theme = "effort";
  opt.group = "Customer";
  q = teema_quotes_collect (p, &opt, &error);
  ASSERT_EQ (teema_table_n_rows (q), 1u);
  EXPECT_STREQ (teema_table_cell (q, 0, 1), "C1");
  teema_table_free (q);
  opt = {};
  opt.theme = "trust";
  opt.coder = "anna";
  q = teema_quotes_collect (p, &opt, &error);
  EXPECT_EQ (teema_table_n_rows (q), 1u); // the interviewer turn never
  teema_table_free (q);

  opt = {};
  opt.theme = "nope";
  EXPECT_EQ (teema_quotes_collect (p, &opt, &error), nullptr);
  EXPECT_TRUE (g_error_matches (error, TEEMA_ERROR, TEEMA_ERROR_NOT_FOUND));
  EXPECT_NE (strstr (error->message, "'nope'"), nullptr);
  g_clear_error (&error);
}

TEST_F (Report, QuotesAllThemes)
{
  TeemaQuoteOptions opt = {};
  GError *error = nullptr;
  char *md = teema_quotes_markdown_all (p, &opt, &error);
  ASSERT_NE (md, nullptr) << error->message;
  std::string s = md;
  g_free (md);
  EXPECT_EQ (s.rfind ("# raportti\n\n", 0), 0u) << s;
  size_t trust = s.find ("## Luottamus, \"usko\" (2)");
  size_t effort = s.find ("## Vaivattomuus (2)");
  size_t price = s.find ("## Hinnan määrä (1)");
  EXPECT_NE (trust, std::string::npos) << s;
  EXPECT_LT (trust, effort);
  EXPECT_LT (effort, price);
  EXPECT_EQ (s.find ("## Asiakaskokemus"), std::string::npos) << s;
}

} // namespace

namespace {

// Every public function that takes an options or filter struct accepts
// NULL for "the defaults" (or says what is missing), never crashes.
TEST_F (Report, NullOptionsEverywhere)
{
  GError *error = nullptr;
  auto table_ok = [&] (TeemaTable *t, const char *what) {
    EXPECT_NE (t, nullptr) << what << ": " << (error ? error->message : "");
    g_clear_error (&error);
    teema_table_free (t);
  };
  table_ok (teema_report_themes (p, nullptr, &error), "themes");
  table_ok (teema_report_cooccurrence (p, nullptr, &error), "cooccurrence");
  table_ok (teema_report_saturation (p, nullptr, &error), "saturation");
  table_ok (teema_report_compare (p, nullptr, &error), "compare");
  table_ok (teema_report_keyness (p, nullptr, &error), "keyness");
  table_ok (teema_evaluate_coders (p, "anna", "ben", FALSE, &error),
            "evaluate");
  const char *const coders[] = { "anna", "ben", nullptr };
  table_ok (teema_agreement_report (p, coders, nullptr, &error), "agreement");
  table_ok (teema_agreement_disagreements (p, coders, nullptr, &error),
            "disagreements");
  // Quotes need a theme: NULL options is an error that says so.
  EXPECT_EQ (teema_quotes_collect (p, nullptr, &error), nullptr);
  EXPECT_TRUE (g_error_matches (error, TEEMA_ERROR, TEEMA_ERROR_NOT_FOUND));
  EXPECT_NE (std::string (error->message).find ("theme"), std::string::npos);
  g_clear_error (&error);
  char *md = teema_quotes_markdown_all (p, nullptr, &error);
  ASSERT_NE (md, nullptr) << error->message;
  EXPECT_NE (std::string (md).find ("(E1)"), std::string::npos);
  g_free (md);
  for (GPtrArray *a :
       { teema_coding_list (p, nullptr, &error),
         teema_segment_list (p, nullptr, &error),
         teema_memo_list (p, nullptr, &error),
         teema_search_run (p, "lemma:luottamus", nullptr, &error) }) {
    EXPECT_NE (a, nullptr) << (error ? error->message : "");
    g_clear_error (&error);
    if (a)
      g_ptr_array_unref (a);
  }
  std::string svg = dir.file ("h.svg");
  EXPECT_TRUE (teema_chart_heatmap (p, svg.c_str (), nullptr, &error))
    << (error ? error->message : "");
  g_clear_error (&error);
  EXPECT_TRUE (teema_chart_bars (p, svg.c_str (), nullptr, &error))
    << (error ? error->message : "");
  g_clear_error (&error);
  TeemaAutocodeResult *r = teema_autocode_run (p, nullptr, &error);
  EXPECT_NE (r, nullptr) << (error ? error->message : "");
  g_clear_error (&error);
  teema_autocode_result_free (r);
}

} // namespace
