// test-charts.cpp — co-occurrence and saturation on a small hand-coded
// project with known answers, and the charts: well-formed SVG with every
// label, a PNG of the expected size with a shaded cell, a PDF, and a bad
// extension that writes nothing.
#include <gtest/gtest.h>
#include <teema/teema.h>

#include <cairo.h>
#include <glib/gstdio.h>
#include <libxml/parser.h>

#include <cmath>
#include <map>
#include <sys/stat.h>
#include <vector>
#include <string>

#include "sql-fixture.h"
#include "testutil.h"

namespace {

const char *const kA =
  "---\ninformant: A1\ngroup: customer\ndate: 2026-02-10\n---\n"
  "I: Kerro.\nA1: Luottamus on tärkeää ja hinta myös.\n"
  "I: Entä?\nA1: Helppoa oli.\n";
const char *const kB =
  "---\ninformant: B1\ngroup: employee\ndate: 2026-01-05\n---\n"
  "I: Kerro.\nB1: Hinta ratkaisee.\nI: Entä?\nB1: Hinta ja vaiva.\n";
const char *const kCodebook =
  "codebook: kaaviot\n"
  "theme experience\n  label.fi: Asiakaskokemus\n  label.en: Experience\n"
  "theme trust\n  parent: experience\n  label.fi: Luottamus\n"
  "  colour: #2ca02c\n"
  "theme effort\n  parent: experience\n  label.fi: Vaivattomuus\n"
  "theme price\n  label.fi: Hinnan määrä\n  label.en: Price\n";

class Charts : public ::testing::Test {
protected:
  void SetUp () override
  {
    GError *error = nullptr;
    p = testutil::fixture_project (dir, kCodebook,
                                   { { "A1.txt", kA }, { "B1.txt", kB } });
    ASSERT_NE (p, nullptr);
    TeemaSegmentFilter f = {};
    f.include_interviewer = TRUE;
    GPtrArray *segs = teema_segment_list (p, &f, &error);
    for (guint i = 0; i < segs->len; i++) {
      auto *s = (TeemaSegment *) segs->pdata[i];
      seg[std::string (s->speaker) + std::to_string (s->ordinal)] = s->id;
    }
    g_ptr_array_unref (segs);
    code ("A12", "trust", "anna");
    code ("A12", "price", "anna");
    code ("A12", "price", "ben");
    code ("A14", "effort", "ben");
    code ("A14", "experience", "anna"); // a parent: not in co-occurrence
    code ("B12", "price", "anna");
    code ("B14", "price", "anna");
    code ("B14", "effort", "anna");
    // An interviewer turn cannot be coded by hand; a coding of one from
    // elsewhere (a vendor project) never counts.
    EXPECT_FALSE (
      teema_coding_add (p, seg["I1"], "trust", "anna", nullptr, nullptr));
    sql_fixture::insert_coding (dir.file ("p.teema").c_str (), seg["I1"],
                                "trust", "anna");
  }
  void TearDown () override
  {
    teema_project_free (p);
  }
  void code (const std::string &k, const char *theme, const char *coder)
  {
    ASSERT_TRUE (seg.count (k)) << k;
    ASSERT_TRUE (teema_coding_add (p, seg[k], theme, coder, nullptr, nullptr));
  }
  std::string row (const TeemaTable *t, guint r)
  {
    std::string s;
    for (guint c = 0; c < teema_table_n_columns (t); c++)
      s += std::string (c ? "|" : "") + teema_table_cell (t, r, c);
    return s;
  }
  testutil::TempDir dir;
  TeemaProject *p = nullptr;
  std::map<std::string, gint64> seg;
};

TEST_F (Charts, CooccurrenceLong)
{
  TeemaCooccurrenceOptions opt = { nullptr, "fi", FALSE, FALSE, nullptr };
  g_autoptr (TeemaTable) t = teema_report_cooccurrence (p, &opt, nullptr);
  ASSERT_NE (t, nullptr);
  ASSERT_EQ (teema_table_n_rows (t), 3u); // trust, effort, price: 3 pairs
  EXPECT_EQ (row (t, 0), "trust|effort|0|0.000");
  EXPECT_EQ (row (t, 1), "trust|price|1|0.333");  // A12 of {A12,B12,B14}
  EXPECT_EQ (row (t, 2), "effort|price|1|0.250"); // B14 of {A12,A14,B12,B14}
}

TEST_F (Charts, CooccurrenceWideAndCoder)
{
  TeemaCooccurrenceOptions opt = { "ben", "fi", FALSE, TRUE, nullptr };
  g_autoptr (TeemaTable) t = teema_report_cooccurrence (p, &opt, nullptr);
  ASSERT_NE (t, nullptr);
  EXPECT_EQ (row (t, 2), "Hinnan määrä (price)|0|0|1");
  opt = { nullptr, "en", TRUE, TRUE, nullptr };
  g_autoptr (TeemaTable) j = teema_report_cooccurrence (p, &opt, nullptr);
  EXPECT_EQ (row (j, 1), "Vaivattomuus (effort)|0.00|–|0.25");
}

TEST_F (Charts, SaturationImportAndDateOrder)
{
  TeemaSaturationOptions opt = { nullptr, TEEMA_ORDER_IMPORT, nullptr };
  g_autoptr (TeemaTable) t = teema_report_saturation (p, &opt, nullptr);
  ASSERT_NE (t, nullptr);
  ASSERT_EQ (teema_table_n_rows (t), 2u);
  EXPECT_EQ (row (t, 0),
             "1|A1.txt|A1|2026-02-10|4|4|4|trust price experience effort");
  EXPECT_EQ (row (t, 1), "2|B1.txt|B1|2026-01-05|2|0|4|");
  opt.order = TEEMA_ORDER_DATE;
  g_autoptr (TeemaTable) d = teema_report_saturation (p, &opt, nullptr);
  EXPECT_EQ (row (d, 0), "1|B1.txt|B1|2026-01-05|2|2|2|price effort");
  EXPECT_EQ (row (d, 1), "2|A1.txt|A1|2026-02-10|4|2|4|trust experience");
  TeemaInterviewOrder o;
  EXPECT_FALSE (teema_interview_order_parse ("random", &o, nullptr));
}

TEST_F (Charts, HeatmapSvgIsWellFormedWithEveryLabel)
{
  std::string out = dir.file ("h.svg");
  GError *error = nullptr;
  ASSERT_TRUE (teema_chart_heatmap (p, out.c_str (), nullptr, &error))
    << error->message;
  xmlDocPtr doc = xmlReadFile (out.c_str (), nullptr, XML_PARSE_NONET);
  ASSERT_NE (doc, nullptr);
  xmlFreeDoc (doc);
  gchar *svg = nullptr;
  ASSERT_TRUE (g_file_get_contents (out.c_str (), &svg, nullptr, nullptr));
  for (const char *s : { "Asiakaskokemus", "Luottamus", "Vaivattomuus",
                         "Hinnan määrä", "A1", "B1", "customer", "employee" })
    EXPECT_NE (strstr (svg, s), nullptr) << s;
  g_free (svg);
}

TEST_F (Charts, PngHasSizeAndShadedCell)
{
  std::string svg = dir.file ("h.svg"), png = dir.file ("h.png");
  TeemaChartOptions opt = { nullptr, "fi", TRUE, nullptr, nullptr };
  ASSERT_TRUE (teema_chart_heatmap (p, svg.c_str (), &opt, nullptr));
  ASSERT_TRUE (teema_chart_heatmap (p, png.c_str (), &opt, nullptr));
  gchar *text = nullptr;
  g_file_get_contents (svg.c_str (), &text, nullptr, nullptr);
  int w = 0, h = 0;
  const char *ws = strstr (text, "width=\""), *hs = strstr (text, "height=\"");
  ASSERT_TRUE (ws && hs);
  w = atoi (ws + 7);
  h = atoi (hs + 8);
  // The SVG is sized in points, the PNG drawn at 300 dpi.
  EXPECT_NE (strstr (text, "pt\""), nullptr);
  cairo_surface_t *s = cairo_image_surface_create_from_png (png.c_str ());
  ASSERT_EQ (cairo_surface_status (s), CAIRO_STATUS_SUCCESS);
  int pw = cairo_image_surface_get_width (s);
  int ph = cairo_image_surface_get_height (s);
  EXPECT_EQ (pw, (int) ceil (w * 300.0 / 72.0));
  EXPECT_EQ (ph, (int) ceil (h * 300.0 / 72.0));
  // The darkest pixel is a coded cell's shade, far from white.
  int stride = cairo_image_surface_get_stride (s);
  unsigned char *data = cairo_image_surface_get_data (s);
  int darkest_blue_cell = 0;
  for (int y = 0; y < ph; y++)
    for (int x = 0; x < pw; x++) {
      guint32 px = *(guint32 *) (data + y * stride + x * 4);
      int r = (px >> 16) & 0xff, b = px & 0xff;
      if (b > r + 60 && b < 200)
        darkest_blue_cell++;
    }
  EXPECT_GT (darkest_blue_cell, 100);
  cairo_surface_destroy (s);
  g_free (text);
}

TEST_F (Charts, BarsPdfAndBadExtension)
{
  std::string pdf = dir.file ("b.pdf"), gif = dir.file ("b.gif");
  GError *error = nullptr;
  ASSERT_TRUE (teema_chart_bars (p, pdf.c_str (), nullptr, &error))
    << error->message;
  gchar *data = nullptr;
  ASSERT_TRUE (g_file_get_contents (pdf.c_str (), &data, nullptr, nullptr));
  EXPECT_EQ (strncmp (data, "%PDF", 4), 0);
  g_free (data);
  ASSERT_TRUE (
    teema_chart_bars (p, dir.file ("b.svg").c_str (), nullptr, nullptr));
  EXPECT_FALSE (teema_chart_bars (p, gif.c_str (), nullptr, &error));
  EXPECT_TRUE (g_error_matches (error, TEEMA_ERROR, TEEMA_ERROR_UNSUPPORTED));
  EXPECT_NE (strstr (error->message, ".svg, .png or .pdf"), nullptr);
  g_clear_error (&error);
  EXPECT_FALSE (g_file_test (gif.c_str (), G_FILE_TEST_EXISTS));
  GDir *d = g_dir_open (dir.file ("").c_str (), 0, nullptr);
  const char *name;
  while ((name = g_dir_read_name (d)))
    EXPECT_FALSE (g_str_has_prefix (name, "b.gif")) << name; // no temp
  g_dir_close (d);
}

// A4: 24 informants in two groups with long names still fit in 16 cm
// (453.5 pt); the heatmap stacks panels, every informant is on it, and the
// bars' legend shows the bars' own colours.
TEST (ChartsA4, ManyInformantsStayWithinSixteenCentimetres)
{
  testutil::TempDir dir;
  std::vector<std::pair<std::string, std::string>> files;
  for (int i = 1; i <= 24; i++) {
    std::string code = "K" + std::to_string (i);
    const char *group = i <= 12 ? "asiakasorganisaatiot" : "työntekijät";
    files.push_back (
      { code + ".txt", "---\ninformant: " + code + "\ngroup: " + group
                         + "\n---\nI: Kerro.\n" + code
                         + ": Luottamus on tärkeää ja hinta myös.\n" });
  }
  TeemaProject *p = testutil::fixture_project (
    dir,
    "theme trust\n  label.fi: Luottamus toimittajaan ja sen lupauksiin\n"
    "  rule: lemma:luottamus\ntheme price\n  rule: lemma:hinta\n",
    files);
  ASSERT_NE (p, nullptr);
  GError *error = nullptr;
  TeemaAutocodeResult *r = teema_autocode_run (p, nullptr, &error);
  ASSERT_NE (r, nullptr) << error->message;
  teema_autocode_result_free (r);
  for (const char *name : { "h.svg", "b.svg" }) {
    std::string out = dir.file (name);
    gboolean ok = name[0] == 'h'
                    ? teema_chart_heatmap (p, out.c_str (), nullptr, &error)
                    : teema_chart_bars (p, out.c_str (), nullptr, &error);
    ASSERT_TRUE (ok) << error->message;
    gchar *svg = nullptr;
    ASSERT_TRUE (g_file_get_contents (out.c_str (), &svg, nullptr, nullptr));
    const char *ws = strstr (svg, "width=\"");
    ASSERT_NE (ws, nullptr);
    double width_pt = g_ascii_strtod (ws + 7, nullptr);
    EXPECT_LE (width_pt, 16.0 / 2.54 * 72.0 + 0.5) << name;
    EXPECT_GT (width_pt, 200.0) << name;
    if (name[0] == 'h')
      for (int i = 1; i <= 24; i++) {
        std::string code = ">K" + std::to_string (i) + "<";
        EXPECT_NE (strstr (svg, code.c_str ()), nullptr) << code;
      }
    else {
      // Two colours of bars, and the legend's swatches (7 × 7) in them.
      EXPECT_NE (strstr (svg, "width=\"7.00\" height=\"7.00\" "
                              "fill=\"#0072b2\""),
                 nullptr);
      EXPECT_NE (strstr (svg, "width=\"7.00\" height=\"7.00\" "
                              "fill=\"#e69f00\""),
                 nullptr);
      EXPECT_NE (strstr (svg, "asiakasorganisaatiot (n = 12)"), nullptr);
      // and the bars themselves: one per theme of each group.
      int orange = 0;
      for (const char *q = svg; (q = strstr (q, "fill=\"#e69f00\"")); q++)
        orange++;
      EXPECT_EQ (orange, 1 + 2);
    }
    g_free (svg);
  }
  teema_project_free (p);
}

// Charts get the mode every other output gets (0666 less the umask),
// not mkstemp's 0600.
TEST_F (Charts, FilesGetTheUsualMode)
{
  mode_t old = umask (022);
  for (const char *name : { "m.png", "m.pdf", "m.svg" }) {
    std::string out = dir.file (name);
    ASSERT_TRUE (teema_chart_bars (p, out.c_str (), nullptr, nullptr));
    GStatBuf st;
    ASSERT_EQ (g_stat (out.c_str (), &st), 0);
    EXPECT_EQ (st.st_mode & 0777, 0644u) << name;
  }
  umask (old);
}

} // namespace
