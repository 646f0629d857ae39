// test-quote-doc.cpp — quote documents for a thesis draft: the Markdown,
// LaTeX and HTML text, the DOCX and ODT packages and their styles, the
// options (themes, informants, by informant or attribute, maximum length,
// labels, pseudonyms), writing as they are made (and failing), and
// LibreOffice reading the documents back.
#include <gtest/gtest.h>
#include <teema/teema.h>

#include <libxml/parser.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>

#include <algorithm>
#include <cstring>
#include <map>
#include <string>
#include <vector>

#include "testutil.h"
#include "zip-util.h"

namespace {

std::string
transcript (const char *code, const char *group, const char *text)
{
  return std::string ("---\ninformant: ") + code + "\ngroup: " + group
         + "\n---\nI: Kerro.\n" + code + ": " + text + "\nI: Entä?\n" + code
         + ": Ei muuta.\n";
}

const char *const kCodebook =
  "codebook: Testikoodikirja\n"
  "theme experience\n  label.fi: Asiakaskokemus\n  label.en: Experience\n"
  "theme trust\n  parent: experience\n  label.fi: Luottamus\n"
  "  label.en: Trust\n  rule: lemma:luottamus OR lemma:luottaa\n"
  "theme price\n  label.fi: Hinta\n  label.en: Price\n  rule: lemma:hinta\n";

class QuoteDoc : public ::testing::Test {
protected:
  void SetUp () override
  {
    p = testutil::fixture_project (
      dir, kCodebook,
      { { "H3.txt", transcript ("H3", "employee",
                                "Luottamus syntyy ajan kanssa. Jarkko "
                                "soitti Jarkolle ja Marja Virtaselle.") },
        { "H1.txt",
          transcript ("H1", "employee", "Hinta ratkaisee aina. Se on selvä.") },
        { "A10.txt",
          transcript ("A10", "customer", "Luotan heihin, hinta on kova.") },
        { "A2.txt", transcript ("A2", "customer", "Luottamus on kaikki.") } });
    ASSERT_NE (p, nullptr);
    GError *error = nullptr;
    TeemaAutocodeResult *r = teema_autocode_run (p, nullptr, &error);
    ASSERT_NE (r, nullptr) << error->message;
    teema_autocode_result_free (r);
  }
  void TearDown () override
  {
    teema_project_free (p);
  }
  std::string text (const TeemaQuoteDocOptions *opt, TeemaDocFormat format)
  {
    GError *error = nullptr;
    GBytes *b = teema_quotes_document (p, opt, format, &error);
    EXPECT_NE (b, nullptr) << (error ? error->message : "");
    if (!b) {
      g_clear_error (&error);
      return "";
    }
    gsize n = 0;
    const char *data = (const char *) g_bytes_get_data (b, &n);
    std::string s (data, n);
    g_bytes_unref (b);
    return s;
  }
  std::string write (const char *name, TeemaDocFormat format,
                     const TeemaQuoteDocOptions *opt = nullptr)
  {
    GBytes *b = teema_quotes_document (p, opt, format, nullptr);
    EXPECT_NE (b, nullptr);
    gsize n = 0;
    const char *data = (const char *) g_bytes_get_data (b, &n);
    std::string path = dir.write (name, std::string (data, n));
    g_bytes_unref (b);
    return path;
  }
  testutil::TempDir dir;
  TeemaProject *p = nullptr;
};

using ziputil::member;
using ziputil::unzip;

// The string values of an XPath over xml, with namespace prefixes.
std::vector<std::string>
xpath (const std::string &xml, const char *expr,
       const std::map<std::string, std::string> &ns)
{
  std::vector<std::string> out;
  xmlDocPtr doc = xmlReadMemory (xml.data (), (int) xml.size (), "x.xml",
                                 nullptr, XML_PARSE_NONET);
  if (!doc)
    return out;
  xmlXPathContextPtr ctx = xmlXPathNewContext (doc);
  for (auto &n : ns)
    xmlXPathRegisterNs (ctx, BAD_CAST n.first.c_str (),
                        BAD_CAST n.second.c_str ());
  xmlXPathObjectPtr r = xmlXPathEvalExpression (BAD_CAST expr, ctx);
  for (int i = 0; r && r->nodesetval && i < r->nodesetval->nodeNr; i++) {
    xmlChar *s = xmlNodeGetContent (r->nodesetval->nodeTab[i]);
    out.push_back ((const char *) s);
    xmlFree (s);
  }
  xmlXPathFreeObject (r);
  xmlXPathFreeContext (ctx);
  xmlFreeDoc (doc);
  return out;
}

const std::map<std::string, std::string> kW = {
  { "w", "http://schemas.openxmlformats.org/wordprocessingml/2006/main" }
};
const std::map<std::string, std::string> kOdf = {
  { "text", "urn:oasis:names:tc:opendocument:xmlns:text:1.0" },
  { "style", "urn:oasis:names:tc:opendocument:xmlns:style:1.0" },
  { "fo", "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" },
  { "office", "urn:oasis:names:tc:opendocument:xmlns:office:1.0" },
};

TEST_F (QuoteDoc, MarkdownInTheThesisConvention)
{
  std::string md = text (nullptr, TEEMA_DOC_MARKDOWN);
  // Title, the convention, a heading per theme and sub-theme with k of n
  // (n: the four informants; the parent counts its child's), informants
  // in natural order (A2 before A10), each quote ending in its label.
  const char *expected =
    "# Haastattelulainaukset: Testikoodikirja\n\n"
    "Lainauksen lopussa on haastateltavan tunnus.\n\n"
    "## Asiakaskokemus\n\n"
    "Teeman mainitsi 3/4 haastateltavaa: A2, A10, H3.\n\n"
    "### Luottamus\n\n"
    "Teeman mainitsi 3/4 haastateltavaa: A2, A10, H3.\n\n"
    "> Luottamus on kaikki.\u00a0(A2)\n\n"
    "> Luotan heihin, hinta on kova.\u00a0(A10)\n\n"
    "> Luottamus syntyy ajan kanssa. Jarkko soitti Jarkolle ja Marja "
    "Virtaselle.\u00a0(H3)\n\n"
    "## Hinta\n\n"
    "Teeman mainitsi 2/4 haastateltavaa: A10, H1.\n\n"
    "> Luotan heihin, hinta on kova.\u00a0(A10)\n\n"
    "> Hinta ratkaisee aina. Se on selvä.\u00a0(H1)\n\n";
  EXPECT_EQ (md, expected);
}

// A sink that keeps each piece it is handed, and refuses the piece
// numbered fail_at (1-based; 0: none) and counts any it gets after that.
struct Sink {
  std::vector<std::string> pieces;
  guint fail_at = 0;
  guint after_failure = 0;
  std::string all () const
  {
    std::string s;
    for (auto &p : pieces)
      s += p;
    return s;
  }
};

gboolean
sink_write (const char *data, gsize len, gpointer sink, GError **error)
{
  auto *s = static_cast<Sink *> (sink);
  if (s->fail_at && s->pieces.size () + 1 >= s->fail_at) {
    if (s->pieces.size () + 1 > s->fail_at)
      s->after_failure++;
    else
      s->pieces.push_back ("(refused)");
    g_set_error (error, TEEMA_ERROR, TEEMA_ERROR_IO, "the disk is full");
    return FALSE;
  }
  s->pieces.push_back (std::string (data, len));
  return TRUE;
}

// The document written through a sink is the document, handed over as it
// is made: Markdown one block at a time, in every format the same bytes
// as teema_quotes_document, by theme, by informant and by attribute.
TEST_F (QuoteDoc, StreamedDocumentComesBlockByBlock)
{
  GError *error = nullptr;
  Sink md;
  ASSERT_TRUE (teema_quotes_write_document (p, nullptr, TEEMA_DOC_MARKDOWN,
                                            sink_write, &md, &error))
    << error->message;
  // Title, conventions; experience, its line; trust, its line, three
  // quotes; price, its line, two quotes.
  ASSERT_EQ (md.pieces.size (), 13u) << md.all ();
  EXPECT_EQ (md.pieces[0], "# Haastattelulainaukset: Testikoodikirja\n\n");
  EXPECT_EQ (md.pieces[4], "### Luottamus\n\n");
  EXPECT_EQ (md.pieces[6], "> Luottamus on kaikki.\u00a0(A2)\n\n");
  EXPECT_EQ (md.all (), text (nullptr, TEEMA_DOC_MARKDOWN));
  TeemaQuoteDocOptions by_informant = {};
  by_informant.by = "informant";
  TeemaQuoteDocOptions by_group = {};
  by_group.by = "group";
  const char *const themes[] = { "experience", nullptr };
  TeemaQuoteDocOptions parent_only = {};
  parent_only.themes = themes;
  parent_only.no_children = TRUE;
  const std::vector<const TeemaQuoteDocOptions *> options = {
    nullptr, &by_informant, &by_group, &parent_only
  };
  for (const TeemaQuoteDocOptions *opt : options)
    for (TeemaDocFormat f : { TEEMA_DOC_MARKDOWN, TEEMA_DOC_LATEX,
                              TEEMA_DOC_HTML, TEEMA_DOC_DOCX, TEEMA_DOC_ODT }) {
      Sink s;
      ASSERT_TRUE (
        teema_quotes_write_document (p, opt, f, sink_write, &s, &error))
        << error->message;
      EXPECT_EQ (s.all (), text (opt, f)) << "format " << f;
      EXPECT_FALSE (s.pieces.empty ());
    }
}

// A write that fails midway is the error returned, and nothing more is
// written after it; an option error writes nothing at all.
TEST_F (QuoteDoc, AWriteThatFailsMidwayIsTheError)
{
  for (TeemaDocFormat f : { TEEMA_DOC_MARKDOWN, TEEMA_DOC_LATEX, TEEMA_DOC_HTML,
                            TEEMA_DOC_DOCX, TEEMA_DOC_ODT }) {
    GError *error = nullptr;
    Sink whole;
    ASSERT_TRUE (
      teema_quotes_write_document (p, nullptr, f, sink_write, &whole, &error));
    Sink s;
    s.fail_at = std::min<guint> (3, whole.pieces.size ());
    EXPECT_FALSE (
      teema_quotes_write_document (p, nullptr, f, sink_write, &s, &error));
    ASSERT_NE (error, nullptr) << "format " << f;
    EXPECT_TRUE (g_error_matches (error, TEEMA_ERROR, TEEMA_ERROR_IO));
    EXPECT_STREQ (error->message, "the disk is full");
    EXPECT_EQ (s.pieces.size (), s.fail_at) << "format " << f;
    EXPECT_EQ (s.after_failure, 0u) << "format " << f;
    g_clear_error (&error);
  }
  const char *const nope[] = { "nope", nullptr };
  TeemaQuoteDocOptions opt = {};
  opt.themes = nope;
  Sink s;
  GError *error = nullptr;
  EXPECT_FALSE (teema_quotes_write_document (p, &opt, TEEMA_DOC_DOCX,
                                             sink_write, &s, &error));
  EXPECT_TRUE (g_error_matches (error, TEEMA_ERROR, TEEMA_ERROR_NOT_FOUND));
  EXPECT_TRUE (s.pieces.empty ());
  g_clear_error (&error);
}

TEST_F (QuoteDoc, OptionsChooseShortenLabelAndPseudonymise)
{
  GError *error = nullptr;
  const char *const themes[] = { "trust", nullptr };
  const char *const informants[] = { "h3", "A2", nullptr };
  TeemaQuoteDocOptions opt = {};
  opt.themes = themes;
  opt.informants = informants;
  opt.lang = "en";
  opt.max_chars = 40;
  opt.labels = TEEMA_LABEL_GROUP;
  opt.pseudonymise = TRUE;
  std::string md = text (&opt, TEEMA_DOC_MARKDOWN);
  // Only trust (level 1 now), only H3 and A2 (n = 2); shortened to whole
  // sentences with "--"; labels "group number" in the natural order of
  // all informants (A2 is customer 1, A10 customer 2).
  EXPECT_NE (md.find ("## Trust\n\nMentioned by 2 of 2 informants: "
                      "customer 1, employee 2.\n\n"),
             std::string::npos)
    << md;
  EXPECT_NE (md.find ("> Luottamus syntyy ajan kanssa. --\u00a0(employee 2)"),
             std::string::npos)
    << md;
  EXPECT_NE (md.find ("-- marks text left out."), std::string::npos) << md;
  EXPECT_EQ (md.find ("Hinta"), std::string::npos) << md;
  // Whole quotes, names replaced through the lemmas: Jarkko, Jarkolle,
  // and Marja Virtaselle as one person.
  opt.max_chars = 0;
  md = text (&opt, TEEMA_DOC_MARKDOWN);
  EXPECT_NE (md.find ("[nimi] soitti [nimi] ja [nimi].\u00a0(employee 2)"),
             std::string::npos)
    << md;
  // A pseudonym label needs the attribute on every informant shown.
  opt.labels = TEEMA_LABEL_ATTRIBUTE;
  EXPECT_EQ (teema_quotes_document (p, &opt, TEEMA_DOC_MARKDOWN, &error),
             nullptr);
  ASSERT_NE (error, nullptr);
  EXPECT_NE (std::string (error->message).find ("pseudonym"),
             std::string::npos);
  EXPECT_NE (std::string (error->message).find ("A2, H3"), std::string::npos)
    << error->message;
  g_clear_error (&error);
  ASSERT_TRUE (
    teema_informant_set_attr (p, "H3", "pseudonym", "Liisa", &error));
  ASSERT_TRUE (
    teema_informant_set_attr (p, "A2", "pseudonym", "Pekka", &error));
  md = text (&opt, TEEMA_DOC_MARKDOWN);
  EXPECT_NE (md.find ("\u00a0(Liisa)"), std::string::npos) << md;
  // Unknown names are errors that list the known ones.
  const char *const nobody[] = { "H9", nullptr };
  opt.informants = nobody;
  EXPECT_EQ (teema_quotes_document (p, &opt, TEEMA_DOC_MARKDOWN, &error),
             nullptr);
  EXPECT_NE (std::string (error->message).find ("A2, A10, H1, H3"),
             std::string::npos)
    << error->message;
  g_clear_error (&error);
  const char *const bad_theme[] = { "nope", nullptr };
  opt.informants = nullptr;
  opt.themes = bad_theme;
  EXPECT_EQ (teema_quotes_document (p, &opt, TEEMA_DOC_MARKDOWN, &error),
             nullptr);
  EXPECT_TRUE (g_error_matches (error, TEEMA_ERROR, TEEMA_ERROR_NOT_FOUND));
  g_clear_error (&error);
}

TEST_F (QuoteDoc, ByInformantAndByAttribute)
{
  TeemaQuoteDocOptions opt = {};
  opt.by = "informant";
  std::string md = text (&opt, TEEMA_DOC_MARKDOWN);
  EXPECT_NE (md.find ("## A10 (customer)\n\nLainauksia: 2, teemoja: 2.\n\n"
                      "### Luottamus\n\n> Luotan"),
             std::string::npos)
    << md;
  EXPECT_LT (md.find ("## A2 "), md.find ("## A10 ")) << md;
  EXPECT_LT (md.find ("## A10 "), md.find ("## H1 ")) << md;
  opt.by = "group";
  md = text (&opt, TEEMA_DOC_MARKDOWN);
  EXPECT_NE (md.find ("## Hinta\n\nTeeman mainitsi 2/4 haastateltavaa: A10, "
                      "H1.\n\n### customer\n\n> Luotan heihin, hinta on "
                      "kova.\u00a0(A10)\n\n### employee\n\n> Hinta"),
             std::string::npos)
    << md;
  opt.by = "rooli";
  GError *error = nullptr;
  EXPECT_EQ (teema_quotes_document (p, &opt, TEEMA_DOC_MARKDOWN, &error),
             nullptr);
  EXPECT_TRUE (g_error_matches (error, TEEMA_ERROR, TEEMA_ERROR_NOT_FOUND));
  g_clear_error (&error);
}

TEST_F (QuoteDoc, LatexAndHtmlEscapeAndDefineTheStylesOnce)
{
  std::string tex = text (nullptr, TEEMA_DOC_LATEX);
  EXPECT_EQ (tex.rfind ("% Written by teema.", 0), 0u);
  EXPECT_NE (tex.find ("\\usepackage[finnish]{babel}"), std::string::npos);
  EXPECT_NE (tex.find ("\\newenvironment{teemaquote}"), std::string::npos);
  EXPECT_NE (tex.find ("\\section{Asiakaskokemus}\n"), std::string::npos);
  EXPECT_NE (tex.find ("\\subsection{Luottamus}\n"), std::string::npos);
  EXPECT_NE (tex.find ("\\begin{teemaquote}\nLuottamus on "
                       "kaikki.~\\informant{(A2)}\n\\end{teemaquote}"),
             std::string::npos)
    << tex;
  EXPECT_EQ (tex.substr (tex.size () - 15), "\\end{document}\n");
  std::string html = text (nullptr, TEEMA_DOC_HTML);
  EXPECT_NE (html.find ("<html lang=\"fi\">"), std::string::npos);
  EXPECT_NE (html.find ("<blockquote class=\"quote\"><p>Luottamus on kaikki."
                        "\u00a0<span class=\"informant\">(A2)</span></p>"),
             std::string::npos)
    << html;
  // Transcript text never becomes markup.
  GError *error = nullptr;
  TeemaSegmentFilter f = {};
  GPtrArray *segs = teema_segment_list (p, &f, &error);
  ASSERT_NE (segs, nullptr);
  TeemaQuoteDocOptions opt = {};
  opt.title = "<b>50 % & $x_1$ {\"}</b>";
  tex = text (&opt, TEEMA_DOC_LATEX);
  EXPECT_NE (tex.find ("\\section*{\\textless{}b\\textgreater{}50 \\% \\& "
                       "\\$x\\_1\\$ \\{\\textquotedbl{}\\}"),
             std::string::npos)
    << tex;
  html = text (&opt, TEEMA_DOC_HTML);
  EXPECT_NE (html.find ("<h1>&lt;b&gt;50 % &amp; $x_1$ {&quot;}&lt;/b&gt;"),
             std::string::npos)
    << html;
  g_ptr_array_unref (segs);
}

TEST_F (QuoteDoc, DocxHasAQuoteStyleEveryQuoteUses)
{
  auto zip = unzip (write ("q.docx", TEEMA_DOC_DOCX));
  ASSERT_FALSE (zip.empty ());
  EXPECT_EQ (zip[0].first, "[Content_Types].xml");
  std::string styles = member (zip, "word/styles.xml");
  std::string doc = member (zip, "word/document.xml");
  ASSERT_FALSE (styles.empty ());
  ASSERT_FALSE (doc.empty ());
  // The style is defined once, indented; every quote paragraph names it.
  auto indent =
    xpath (styles, "//w:style[@w:styleId='Quote']/w:pPr/w:ind/@w:left", kW);
  ASSERT_EQ (indent.size (), 1u);
  EXPECT_EQ (indent[0], "1134"); // 2 cm
  EXPECT_EQ (
    xpath (styles, "//w:style[@w:styleId='InformantLabel']/w:name/@w:val", kW)
      .size (),
    1u);
  auto quotes = xpath (doc, "//w:p[w:pPr/w:pStyle/@w:val='Quote']", kW);
  ASSERT_EQ (quotes.size (), 5u);
  EXPECT_EQ (quotes[0], "Luottamus on kaikki.\u00a0(A2)");
  auto labels =
    xpath (doc, "//w:r[w:rPr/w:rStyle/@w:val='InformantLabel']/w:t", kW);
  EXPECT_EQ (labels.size (), 5u);
  auto headings = xpath (doc, "//w:p[w:pPr/w:pStyle/@w:val='Heading1']", kW);
  ASSERT_EQ (headings.size (), 2u);
  EXPECT_EQ (headings[1], "Hinta");
  EXPECT_EQ (xpath (doc, "//w:pgSz/@w:w", kW)[0], "11906"); // A4
  // The same quotes make the same bytes.
  auto again = unzip (write ("q2.docx", TEEMA_DOC_DOCX));
  gchar *a = nullptr, *b = nullptr;
  gsize na = 0, nb = 0;
  g_file_get_contents (dir.file ("q.docx").c_str (), &a, &na, nullptr);
  g_file_get_contents (dir.file ("q2.docx").c_str (), &b, &nb, nullptr);
  EXPECT_EQ (std::string (a, na), std::string (b, nb));
  g_free (a);
  g_free (b);
}

TEST_F (QuoteDoc, OdtStartsWithAStoredMimetypeAndUsesItsStyles)
{
  std::string path = write ("q.odt", TEEMA_DOC_ODT);
  gchar *raw = nullptr;
  gsize n = 0;
  ASSERT_TRUE (g_file_get_contents (path.c_str (), &raw, &n, nullptr));
  // ODF: the first member is "mimetype", stored, readable at offset 38.
  ASSERT_GT (n, 100u);
  EXPECT_EQ (std::string (raw + 30, 8), "mimetype");
  EXPECT_EQ (raw[8], 0); // compression method 0: stored
  EXPECT_NE (
    std::string (raw, 200).find ("application/vnd.oasis.opendocument.text"),
    std::string::npos);
  g_free (raw);
  auto zip = unzip (path);
  std::string content = member (zip, "content.xml");
  std::string styles = member (zip, "styles.xml");
  auto margin =
    xpath (styles,
           "//style:style[@style:name='Quote']/style:paragraph-properties/"
           "@fo:margin-left",
           kOdf);
  ASSERT_EQ (margin.size (), 1u);
  EXPECT_EQ (margin[0], "2cm");
  auto quotes = xpath (content, "//text:p[@text:style-name='Quote']", kOdf);
  ASSERT_EQ (quotes.size (), 5u);
  EXPECT_EQ (quotes[4], "Hinta ratkaisee aina. Se on selvä.\u00a0(H1)");
  auto h1 = xpath (content, "//text:h[@text:outline-level='1']", kOdf);
  ASSERT_EQ (h1.size (), 2u);
  EXPECT_EQ (h1[0], "Asiakaskokemus");
  EXPECT_FALSE (member (zip, "META-INF/manifest.xml").empty ());
}

TEST_F (QuoteDoc, TableForSpreadsheets)
{
  const char *const themes[] = { "experience", nullptr };
  TeemaQuoteDocOptions opt = {};
  opt.themes = themes;
  opt.pseudonymise = TRUE;
  GError *error = nullptr;
  TeemaTable *t = teema_quotes_table (p, &opt, &error);
  ASSERT_NE (t, nullptr) << error->message;
  // experience collects its sub-theme's quotes, informants in order.
  ASSERT_EQ (teema_table_n_rows (t), 3u);
  EXPECT_STREQ (teema_table_cell (t, 0, 0), "experience");
  EXPECT_STREQ (teema_table_cell (t, 0, 7), "(A2)");
  EXPECT_STREQ (teema_table_cell (t, 2, 6),
                "Luottamus syntyy ajan kanssa. [nimi] soitti [nimi] ja "
                "[nimi].");
  teema_table_free (t);
  opt.no_children = TRUE;
  t = teema_quotes_table (p, &opt, &error);
  ASSERT_NE (t, nullptr);
  EXPECT_EQ (teema_table_n_rows (t), 0u);
  teema_table_free (t);
}

TEST (DocFormats, NamesAndExtensions)
{
  TeemaDocFormat f;
  EXPECT_TRUE (teema_doc_format_parse ("tex", &f, nullptr));
  EXPECT_EQ (f, TEEMA_DOC_LATEX);
  EXPECT_FALSE (teema_doc_format_parse ("pdf", &f, nullptr));
  EXPECT_TRUE (teema_doc_format_for_path ("out/Lainaukset.DOCX", &f));
  EXPECT_EQ (f, TEEMA_DOC_DOCX);
  EXPECT_TRUE (teema_doc_format_for_path ("a.htm", &f));
  EXPECT_EQ (f, TEEMA_DOC_HTML);
  EXPECT_FALSE (teema_doc_format_for_path ("a.pdf", &f));
  EXPECT_FALSE (teema_doc_format_for_path ("noext", &f));
}

// report all writes every file into the folder, or, when anything
// fails, nothing: here the charts fail (no transcripts to chart) after
// the tables were made, and the folder keeps only what it had.
TEST_F (QuoteDoc, ReportAllWritesEverythingOrNothing)
{
  GError *error = nullptr;
  std::string out = dir.file ("out");
  GPtrArray *files = teema_report_all (p, out.c_str (), nullptr, &error);
  ASSERT_NE (files, nullptr) << error->message;
  std::vector<std::string> names;
  for (guint i = 0; i < files->len; i++)
    names.push_back ((const char *) files->pdata[i]);
  g_ptr_array_unref (files);
  for (const char *want :
       { "themes-by-informant.csv", "themes-by-group.md", "compare.csv",
         "keyness.md", "cooccurrence.csv", "saturation.md", "heatmap.svg",
         "bars.png", "quotes.docx", "quotes.md", "index.md" }) {
    EXPECT_NE (std::find (names.begin (), names.end (), want), names.end ())
      << want;
    EXPECT_TRUE (g_file_test ((out + "/" + want).c_str (), G_FILE_TEST_EXISTS))
      << want;
  }
  gchar *index = nullptr;
  ASSERT_TRUE (g_file_get_contents ((out + "/index.md").c_str (), &index,
                                    nullptr, nullptr));
  EXPECT_NE (strstr (index, "[compare.md](compare.md)"), nullptr) << index;
  g_free (index);

  TeemaProject *empty =
    teema_project_create (dir.file ("e.teema").c_str (), &error);
  TeemaCodebook *cb = teema_codebook_parse (kCodebook, -1, "cb", &error);
  ASSERT_TRUE (teema_codebook_set (empty, cb, FALSE, &error));
  teema_codebook_free (cb);
  std::string failed = dir.file ("failed");
  g_mkdir (failed.c_str (), 0777);
  dir.write ("failed/keep.txt", "mine");
  EXPECT_EQ (teema_report_all (empty, failed.c_str (), nullptr, &error),
             nullptr);
  ASSERT_NE (error, nullptr);
  EXPECT_NE (strstr (error->message, "nothing to chart"), nullptr)
    << error->message;
  g_clear_error (&error);
  GDir *d = g_dir_open (failed.c_str (), 0, nullptr);
  std::vector<std::string> left;
  for (const char *n; (n = g_dir_read_name (d));)
    left.push_back (n);
  g_dir_close (d);
  EXPECT_EQ (left, std::vector<std::string> ({ "keep.txt" }));
  teema_project_free (empty);
}

// Runs a program; TRUE when it exits 0.
bool
run (const std::vector<std::string> &argv, const std::string &cwd,
     std::string *out = nullptr)
{
  std::vector<char *> args;
  for (auto &a : argv)
    args.push_back ((char *) a.c_str ());
  args.push_back (nullptr);
  gchar *so = nullptr, *se = nullptr;
  gint status = 0;
  gboolean ok =
    g_spawn_sync (cwd.c_str (), args.data (), nullptr, G_SPAWN_SEARCH_PATH,
                  nullptr, nullptr, &so, &se, &status, nullptr);
  if (out)
    *out = std::string (so ? so : "") + (se ? se : "");
  g_free (so);
  g_free (se);
  return ok && g_spawn_check_wait_status (status, nullptr);
}

// LibreOffice reads both documents back: the headings, every quote and
// every "(H3)" label are in its plain-text conversion.
TEST_F (QuoteDoc, LibreOfficeReadsTheQuotesLabelsAndHeadings)
{
  gchar *soffice = g_find_program_in_path ("soffice");
  if (!soffice)
    GTEST_SKIP () << "soffice not installed (Debian: "
                     "libreoffice-writer-nogui; scripts/setup-deps.sh)";
  g_free (soffice);
  std::string profile = "-env:UserInstallation=file://" + dir.file ("lo");
  for (const char *name : { "lainaukset.docx", "lainaukset-odt.odt" }) {
    TeemaDocFormat format;
    ASSERT_TRUE (teema_doc_format_for_path (name, &format));
    write (name, format);
    std::string log;
    ASSERT_TRUE (
      run ({ "soffice", profile, "--headless", "--convert-to", "txt:Text",
             "--outdir", dir.file (""), dir.file (name) },
           dir.file (""), &log))
      << log;
    std::string txt_path =
      dir.file (std::string (name).substr (0, std::string (name).rfind ('.')))
      + ".txt";
    gchar *txt = nullptr;
    ASSERT_TRUE (
      g_file_get_contents (txt_path.c_str (), &txt, nullptr, nullptr))
      << name << ": " << log;
    std::string s = txt;
    g_free (txt);
    for (const char *want :
         { "Haastattelulainaukset: Testikoodikirja", "Asiakaskokemus",
           "Luottamus\n", "Hinta\n",
           "Teeman mainitsi 3/4 haastateltavaa: A2, A10, H3.",
           "Luottamus on kaikki.\u00a0(A2)",
           "Luotan heihin, hinta on kova.\u00a0(A10)",
           "Jarkko soitti Jarkolle ja Marja Virtaselle.\u00a0(H3)",
           "Hinta ratkaisee aina. Se on selvä.\u00a0(H1)" })
      EXPECT_NE (s.find (want), std::string::npos)
        << name << ": " << want << "\n"
        << s;
  }
}

// pdflatex compiles the LaTeX output (the structure is checked above).
TEST_F (QuoteDoc, LatexCompilesWithPdflatex)
{
  gchar *pdflatex = g_find_program_in_path ("pdflatex");
  if (!pdflatex)
    GTEST_SKIP () << "pdflatex not installed (Debian: texlive-latex-base "
                     "texlive-lang-european); the LaTeX structure is still "
                     "checked by LatexAndHtmlEscapeAndDefineTheStylesOnce";
  g_free (pdflatex);
  TeemaQuoteDocOptions opt = {};
  opt.title = "Lainaukset: 50 % & $x_1$ {\"} ~ ^ # | < > \\";
  opt.max_chars = 25;
  write ("q.tex", TEEMA_DOC_LATEX, &opt);
  std::string log;
  EXPECT_TRUE (
    run ({ "pdflatex", "-interaction=nonstopmode", "-halt-on-error", "q.tex" },
         dir.file (""), &log))
    << log;
  EXPECT_TRUE (g_file_test (dir.file ("q.pdf").c_str (), G_FILE_TEST_EXISTS));
}

} // namespace
