/* formats/docx-write.c — documents as Word documents (.docx, Office Open
 * XML), written with libxml2's xmlTextWriter into a zip as they are made
 * (formats/package.c): the small parts first, then document.xml block by
 * block.
 *
 * The package holds the least Word and LibreOffice need: content types,
 * relationships, core properties (title, language), styles.xml and
 * document.xml. Every paragraph names a style defined in styles.xml —
 * Title, Heading 1-3 (Word's own, so the navigation pane and a table of
 * contents work), "Theme intro", and "Quote" (indented, single-spaced)
 * with the character style "Informant label" for "(H3)" — so a user
 * restyles every quote at once. The page is A4 with 2.5 cm margins
 * (16 cm of text, the width charts are drawn for). */
#include "formats/package-private.h"

#include <string.h>

#define W_NS "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
#define R_NS                                                                   \
  "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
#define PKG_REL "http://schemas.openxmlformats.org/package/2006/relationships"

typedef TeemaXml Xml;

static void
xml_begin (Xml *x)
{
  teema_xml__begin (x, TRUE);
}

/* An empty element: <w:b/>. */
static void
empty (Xml *x, const char *name)
{
  teema_xml__el (x, name);
  teema_xml__close (x);
}

/* An empty element with one attribute: <w:pStyle w:val="Quote"/>. */
static void
val (Xml *x, const char *name, const char *attr, const char *value)
{
  teema_xml__el (x, name);
  teema_xml__at (x, attr, value);
  teema_xml__close (x);
}

/* ---- package parts ------------------------------------------------------- */

static char *
content_types (void)
{
  Xml x;
  xml_begin (&x);
  teema_xml__el (&x, "Types");
  teema_xml__at (
    &x, "xmlns",
    "http://schemas.openxmlformats.org/package/2006/content-types");
  teema_xml__el (&x, "Default");
  teema_xml__at (&x, "Extension", "rels");
  teema_xml__at (&x, "ContentType",
                 "application/vnd.openxmlformats-package.relationships+xml");
  teema_xml__close (&x);
  teema_xml__el (&x, "Default");
  teema_xml__at (&x, "Extension", "xml");
  teema_xml__at (&x, "ContentType", "application/xml");
  teema_xml__close (&x);
  static const char *const parts[][2] = {
    { "/word/document.xml", "application/vnd.openxmlformats-officedocument."
                            "wordprocessingml.document.main+xml" },
    { "/word/styles.xml", "application/vnd.openxmlformats-officedocument."
                          "wordprocessingml.styles+xml" },
    { "/docProps/core.xml",
      "application/vnd.openxmlformats-package.core-properties+xml" },
  };
  for (gsize i = 0; i < G_N_ELEMENTS (parts); i++) {
    teema_xml__el (&x, "Override");
    teema_xml__at (&x, "PartName", parts[i][0]);
    teema_xml__at (&x, "ContentType", parts[i][1]);
    teema_xml__close (&x);
  }
  teema_xml__close (&x);
  return teema_xml__end (&x);
}

static char *
relationships (const char *const (*rels)[3], gsize n)
{
  Xml x;
  xml_begin (&x);
  teema_xml__el (&x, "Relationships");
  teema_xml__at (&x, "xmlns", PKG_REL);
  for (gsize i = 0; i < n; i++) {
    teema_xml__el (&x, "Relationship");
    teema_xml__at (&x, "Id", rels[i][0]);
    teema_xml__at (&x, "Type", rels[i][1]);
    teema_xml__at (&x, "Target", rels[i][2]);
    teema_xml__close (&x);
  }
  teema_xml__close (&x);
  return teema_xml__end (&x);
}

static char *
core_properties (const TeemaDocWriter *doc)
{
  Xml x;
  xml_begin (&x);
  teema_xml__el (&x, "cp:coreProperties");
  teema_xml__at (&x, "xmlns:cp",
                 "http://schemas.openxmlformats.org/package/2006/"
                 "metadata/core-properties");
  teema_xml__at (&x, "xmlns:dc", "http://purl.org/dc/elements/1.1/");
  xmlTextWriterWriteElement (x.w, BAD_CAST "dc:title",
                             BAD_CAST (doc->title ? doc->title : ""));
  xmlTextWriterWriteElement (
    x.w, BAD_CAST "dc:language",
    BAD_CAST (g_str_equal (doc->lang, "fi") ? "fi-FI" : "en-GB"));
  xmlTextWriterWriteElement (x.w, BAD_CAST "dc:creator", BAD_CAST "teema");
  teema_xml__close (&x);
  return teema_xml__end (&x);
}

/* ---- styles.xml ---------------------------------------------------------- */

typedef struct {
  const char *id, *name, *type, *based_on;
  gboolean bold, italic;
  int size;          /* half-points, 0: inherit */
  int before, after; /* spacing in twentieths of a point, -1: inherit */
  int line;          /* line spacing in 240ths, 0: inherit */
  int indent_left, indent_right; /* twips */
  int outline;                   /* heading outline level + 1, 0: none */
} Style;

static const Style styles[] = {
  { "Normal", "Normal", "paragraph", NULL, FALSE, FALSE, 24, 0, 120, 360, 0, 0,
    0 },
  { "Title", "Title", "paragraph", "Normal", TRUE, FALSE, 32, 0, 240, 240, 0, 0,
    0 },
  { "Heading1", "heading 1", "paragraph", "Normal", TRUE, FALSE, 28, 360, 120,
    240, 0, 0, 1 },
  { "Heading2", "heading 2", "paragraph", "Normal", TRUE, FALSE, 26, 240, 120,
    240, 0, 0, 2 },
  { "Heading3", "heading 3", "paragraph", "Normal", TRUE, TRUE, 24, 240, 120,
    240, 0, 0, 3 },
  { "ThemeIntro", "Theme intro", "paragraph", "Normal", FALSE, TRUE, 0, -1, -1,
    0, 0, 0, 0 },
  /* Quote: 2 cm in from the left, 1 cm from the right, single-spaced. */
  { "Quote", "Quote", "paragraph", "Normal", FALSE, FALSE, 22, 120, 240, 240,
    1134, 567, 0 },
  { "InformantLabel", "Informant label", "character", NULL, FALSE, FALSE, 0, -1,
    -1, 0, 0, 0, 0 },
};

static void
style_ppr (Xml *x, const Style *s)
{
  if (!g_str_equal (s->type, "paragraph"))
    return;
  teema_xml__el (x, "w:pPr");
  if (s->outline)
    empty (x, "w:keepNext");
  if (s->before >= 0 || s->line) {
    teema_xml__el (x, "w:spacing");
    g_autofree char *b = g_strdup_printf ("%d", MAX (s->before, 0));
    g_autofree char *a = g_strdup_printf ("%d", MAX (s->after, 0));
    g_autofree char *l = g_strdup_printf ("%d", s->line ? s->line : 240);
    teema_xml__at (x, "w:before", b);
    teema_xml__at (x, "w:after", a);
    teema_xml__at (x, "w:line", l);
    teema_xml__at (x, "w:lineRule", "auto");
    teema_xml__close (x);
  }
  if (s->indent_left) {
    teema_xml__el (x, "w:ind");
    g_autofree char *l = g_strdup_printf ("%d", s->indent_left);
    g_autofree char *r = g_strdup_printf ("%d", s->indent_right);
    teema_xml__at (x, "w:left", l);
    teema_xml__at (x, "w:right", r);
    teema_xml__close (x);
  }
  if (s->outline) {
    g_autofree char *o = g_strdup_printf ("%d", s->outline - 1);
    val (x, "w:outlineLvl", "w:val", o);
  }
  teema_xml__close (x);
}

static void
style_rpr (Xml *x, const Style *s)
{
  teema_xml__el (x, "w:rPr");
  if (s->bold)
    empty (x, "w:b");
  if (s->italic)
    empty (x, "w:i");
  if (s->size) {
    g_autofree char *sz = g_strdup_printf ("%d", s->size);
    val (x, "w:sz", "w:val", sz);
  }
  teema_xml__close (x);
}

static void
doc_defaults (Xml *x, const TeemaDocWriter *doc)
{
  teema_xml__el (x, "w:docDefaults");
  teema_xml__el (x, "w:rPrDefault");
  teema_xml__el (x, "w:rPr");
  teema_xml__el (x, "w:rFonts");
  teema_xml__at (x, "w:ascii", "Times New Roman");
  teema_xml__at (x, "w:hAnsi", "Times New Roman");
  teema_xml__at (x, "w:cs", "Times New Roman");
  teema_xml__close (x);
  val (x, "w:sz", "w:val", "24");
  val (x, "w:lang", "w:val", g_str_equal (doc->lang, "fi") ? "fi-FI" : "en-GB");
  teema_xml__close (x);
  teema_xml__close (x);
  teema_xml__close (x);
}

static char *
styles_xml (const TeemaDocWriter *doc)
{
  Xml x;
  xml_begin (&x);
  teema_xml__el (&x, "w:styles");
  teema_xml__at (&x, "xmlns:w", W_NS);
  doc_defaults (&x, doc);
  for (gsize i = 0; i < G_N_ELEMENTS (styles); i++) {
    const Style *s = &styles[i];
    teema_xml__el (&x, "w:style");
    teema_xml__at (&x, "w:type", s->type);
    teema_xml__at (&x, "w:styleId", s->id);
    if (i == 0)
      teema_xml__at (&x, "w:default", "1");
    val (&x, "w:name", "w:val", s->name);
    if (s->based_on)
      val (&x, "w:basedOn", "w:val", s->based_on);
    if (g_str_equal (s->type, "paragraph") && i > 0)
      val (&x, "w:next", "w:val", "Normal");
    empty (&x, "w:qFormat");
    style_ppr (&x, s);
    style_rpr (&x, s);
    teema_xml__close (&x);
  }
  teema_xml__close (&x);
  return teema_xml__end (&x);
}

/* ---- document.xml -------------------------------------------------------- */

static const char *
style_id (const TeemaBlock *b)
{
  static const char *const headings[] = { "Heading1", "Heading2", "Heading3" };
  switch (b->style) {
  case TEEMA_PARA_HEADING:
    return headings[teema_doc__level (b) - 1];
  case TEEMA_PARA_INTRO:
    return "ThemeIntro";
  case TEEMA_PARA_QUOTE:
    return "Quote";
  case TEEMA_PARA_BODY:
    return NULL;
  }
  return NULL;
}

static void
run (Xml *x, const char *text, guint flags)
{
  teema_xml__el (x, "w:r");
  if (flags) {
    teema_xml__el (x, "w:rPr");
    if (flags & TEEMA_RUN_LABEL)
      val (x, "w:rStyle", "w:val", "InformantLabel");
    if (flags & TEEMA_RUN_EMPHASIS)
      empty (x, "w:i");
    teema_xml__close (x);
  }
  teema_xml__el (x, "w:t");
  teema_xml__at (x, "xml:space", "preserve");
  xmlTextWriterWriteString (x->w, BAD_CAST text);
  teema_xml__close (x);
  teema_xml__close (x);
}

static void
paragraph (Xml *x, const char *style, const TeemaBlock *b, const char *text)
{
  teema_xml__el (x, "w:p");
  if (style) {
    teema_xml__el (x, "w:pPr");
    val (x, "w:pStyle", "w:val", style);
    teema_xml__close (x);
  }
  for (guint i = 0; b && i < b->n_runs; i++)
    run (x, b->runs[i].text, b->runs[i].flags);
  if (text)
    run (x, text, 0);
  teema_xml__close (x);
}

/* A4, 2.5 cm margins. */
static void
section (Xml *x)
{
  teema_xml__el (x, "w:sectPr");
  teema_xml__el (x, "w:pgSz");
  teema_xml__at (x, "w:w", "11906");
  teema_xml__at (x, "w:h", "16838");
  teema_xml__close (x);
  teema_xml__el (x, "w:pgMar");
  static const char *const sides[] = { "w:top", "w:right", "w:bottom",
                                       "w:left" };
  for (gsize i = 0; i < G_N_ELEMENTS (sides); i++)
    teema_xml__at (x, sides[i], "1418");
  teema_xml__at (x, "w:header", "709");
  teema_xml__at (x, "w:footer", "709");
  teema_xml__at (x, "w:gutter", "0");
  teema_xml__close (x);
  teema_xml__close (x);
}

/* ---- writing ------------------------------------------------------------ */

gboolean
teema_docx__begin (TeemaDocWriter *w, GError **error)
{
  static const char *const package_rels[][3] = {
    { "rId1", R_NS "/officeDocument", "word/document.xml" },
    { "rId2", PKG_REL "/metadata/core-properties", "docProps/core.xml" },
  };
  static const char *const document_rels[][3] = {
    { "rId1", R_NS "/styles", "styles.xml" },
  };
  TeemaPackage *p = w->state = g_new0 (TeemaPackage, 1);
  if (!teema_package__open (p, w, error)
      || !teema_package__part (p, "[Content_Types].xml", content_types (),
                               FALSE, error)
      || !teema_package__part (
        p, "_rels/.rels",
        relationships (package_rels, G_N_ELEMENTS (package_rels)), FALSE, error)
      || !teema_package__part (p, "docProps/core.xml", core_properties (w),
                               FALSE, error)
      || !teema_package__part (
        p, "word/_rels/document.xml.rels",
        relationships (document_rels, G_N_ELEMENTS (document_rels)), FALSE,
        error)
      || !teema_package__part (p, "word/styles.xml", styles_xml (w), FALSE,
                               error)
      || !teema_package__stream (p, "word/document.xml", TRUE, error))
    return FALSE;
  Xml x = { NULL, p->w };
  teema_xml__el (&x, "w:document");
  teema_xml__at (&x, "xmlns:w", W_NS);
  teema_xml__at (&x, "xmlns:r", R_NS);
  teema_xml__el (&x, "w:body");
  if (w->title)
    paragraph (&x, "Title", NULL, w->title);
  return teema_package__ok (p, error);
}

gboolean
teema_docx__block (TeemaDocWriter *w, const TeemaBlock *b, GError **error)
{
  TeemaPackage *p = w->state;
  Xml x = { NULL, p->w };
  paragraph (&x, style_id (b), b, NULL);
  return teema_package__ok (p, error);
}

gboolean
teema_docx__end (TeemaDocWriter *w, GError **error)
{
  TeemaPackage *p = w->state;
  Xml x = { NULL, p->w };
  section (&x);
  teema_xml__close (&x);
  teema_xml__close (&x);
  return teema_package__close (p, error);
}

void
teema_docx__free (TeemaDocWriter *w)
{
  if (w->state)
    teema_package__clear (w->state);
  g_clear_pointer (&w->state, g_free);
}
