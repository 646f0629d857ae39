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

typedef struct {
  xmlBufferPtr buf;
  xmlTextWriterPtr w;
} Xml;

static void
xml_begin (Xml *x)
{
  x->buf = xmlBufferCreate ();
  x->w = xmlNewTextWriterMemory (x->buf, 0);
  xmlTextWriterStartDocument (x->w, "1.0", "UTF-8", "yes");
}

/* Ends the document and returns its text (the writer is freed). */
static char *
xml_end (Xml *x)
{
  xmlTextWriterEndDocument (x->w);
  xmlFreeTextWriter (x->w);
  char *out = g_strdup ((const char *) xmlBufferContent (x->buf));
  xmlBufferFree (x->buf);
  return out;
}

static void
el (Xml *x, const char *name)
{
  xmlTextWriterStartElement (x->w, BAD_CAST name);
}

static void
end (Xml *x)
{
  xmlTextWriterEndElement (x->w);
}

static void
at (Xml *x, const char *name, const char *value)
{
  xmlTextWriterWriteAttribute (x->w, BAD_CAST name, BAD_CAST value);
}

/* An empty element: <w:b/>. */
static void
empty (Xml *x, const char *name)
{
  el (x, name);
  end (x);
}

/* An empty element with one attribute: <w:pStyle w:val="Quote"/>. */
static void
val (Xml *x, const char *name, const char *attr, const char *value)
{
  el (x, name);
  at (x, attr, value);
  end (x);
}

/* ---- package parts ------------------------------------------------------- */

static char *
content_types (void)
{
  Xml x;
  xml_begin (&x);
  el (&x, "Types");
  at (&x, "xmlns",
      "http://schemas.openxmlformats.org/package/2006/content-types");
  el (&x, "Default");
  at (&x, "Extension", "rels");
  at (&x, "ContentType",
      "application/vnd.openxmlformats-package.relationships+xml");
  end (&x);
  el (&x, "Default");
  at (&x, "Extension", "xml");
  at (&x, "ContentType", "application/xml");
  end (&x);
  static const char *const parts[][2] = {
    { "/word/document.xml", "application/vnd.openxmlformats-officedocument."
                            "wordprocessingml.document.main+xml" },
    { "/word/styles.xml", "application/vnd.openxmlformats-officedocument."
                          "wordprocessingml.styles+xml" },
    { "/docProps/core.xml",
      "application/vnd.openxmlformats-package.core-properties+xml" },
  };
  for (gsize i = 0; i < G_N_ELEMENTS (parts); i++) {
    el (&x, "Override");
    at (&x, "PartName", parts[i][0]);
    at (&x, "ContentType", parts[i][1]);
    end (&x);
  }
  end (&x);
  return xml_end (&x);
}

static char *
relationships (const char *const (*rels)[3], gsize n)
{
  Xml x;
  xml_begin (&x);
  el (&x, "Relationships");
  at (&x, "xmlns", PKG_REL);
  for (gsize i = 0; i < n; i++) {
    el (&x, "Relationship");
    at (&x, "Id", rels[i][0]);
    at (&x, "Type", rels[i][1]);
    at (&x, "Target", rels[i][2]);
    end (&x);
  }
  end (&x);
  return xml_end (&x);
}

static char *
core_properties (const TeemaDocWriter *doc)
{
  Xml x;
  xml_begin (&x);
  el (&x, "cp:coreProperties");
  at (&x, "xmlns:cp",
      "http://schemas.openxmlformats.org/package/2006/"
      "metadata/core-properties");
  at (&x, "xmlns:dc", "http://purl.org/dc/elements/1.1/");
  xmlTextWriterWriteElement (x.w, BAD_CAST "dc:title",
                             BAD_CAST (doc->title ? doc->title : ""));
  xmlTextWriterWriteElement (
    x.w, BAD_CAST "dc:language",
    BAD_CAST (g_str_equal (doc->lang, "fi") ? "fi-FI" : "en-GB"));
  xmlTextWriterWriteElement (x.w, BAD_CAST "dc:creator", BAD_CAST "teema");
  end (&x);
  return xml_end (&x);
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
  el (x, "w:pPr");
  if (s->outline)
    empty (x, "w:keepNext");
  if (s->before >= 0 || s->line) {
    el (x, "w:spacing");
    g_autofree char *b = g_strdup_printf ("%d", MAX (s->before, 0));
    g_autofree char *a = g_strdup_printf ("%d", MAX (s->after, 0));
    g_autofree char *l = g_strdup_printf ("%d", s->line ? s->line : 240);
    at (x, "w:before", b);
    at (x, "w:after", a);
    at (x, "w:line", l);
    at (x, "w:lineRule", "auto");
    end (x);
  }
  if (s->indent_left) {
    el (x, "w:ind");
    g_autofree char *l = g_strdup_printf ("%d", s->indent_left);
    g_autofree char *r = g_strdup_printf ("%d", s->indent_right);
    at (x, "w:left", l);
    at (x, "w:right", r);
    end (x);
  }
  if (s->outline) {
    g_autofree char *o = g_strdup_printf ("%d", s->outline - 1);
    val (x, "w:outlineLvl", "w:val", o);
  }
  end (x);
}

static void
style_rpr (Xml *x, const Style *s)
{
  el (x, "w:rPr");
  if (s->bold)
    empty (x, "w:b");
  if (s->italic)
    empty (x, "w:i");
  if (s->size) {
    g_autofree char *sz = g_strdup_printf ("%d", s->size);
    val (x, "w:sz", "w:val", sz);
  }
  end (x);
}

static void
doc_defaults (Xml *x, const TeemaDocWriter *doc)
{
  el (x, "w:docDefaults");
  el (x, "w:rPrDefault");
  el (x, "w:rPr");
  el (x, "w:rFonts");
  at (x, "w:ascii", "Times New Roman");
  at (x, "w:hAnsi", "Times New Roman");
  at (x, "w:cs", "Times New Roman");
  end (x);
  val (x, "w:sz", "w:val", "24");
  val (x, "w:lang", "w:val", g_str_equal (doc->lang, "fi") ? "fi-FI" : "en-GB");
  end (x);
  end (x);
  end (x);
}

static char *
styles_xml (const TeemaDocWriter *doc)
{
  Xml x;
  xml_begin (&x);
  el (&x, "w:styles");
  at (&x, "xmlns:w", W_NS);
  doc_defaults (&x, doc);
  for (gsize i = 0; i < G_N_ELEMENTS (styles); i++) {
    const Style *s = &styles[i];
    el (&x, "w:style");
    at (&x, "w:type", s->type);
    at (&x, "w:styleId", s->id);
    if (i == 0)
      at (&x, "w:default", "1");
    val (&x, "w:name", "w:val", s->name);
    if (s->based_on)
      val (&x, "w:basedOn", "w:val", s->based_on);
    if (g_str_equal (s->type, "paragraph") && i > 0)
      val (&x, "w:next", "w:val", "Normal");
    empty (&x, "w:qFormat");
    style_ppr (&x, s);
    style_rpr (&x, s);
    end (&x);
  }
  end (&x);
  return xml_end (&x);
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
  el (x, "w:r");
  if (flags) {
    el (x, "w:rPr");
    if (flags & TEEMA_RUN_LABEL)
      val (x, "w:rStyle", "w:val", "InformantLabel");
    if (flags & TEEMA_RUN_EMPHASIS)
      empty (x, "w:i");
    end (x);
  }
  el (x, "w:t");
  at (x, "xml:space", "preserve");
  xmlTextWriterWriteString (x->w, BAD_CAST text);
  end (x);
  end (x);
}

static void
paragraph (Xml *x, const char *style, const TeemaBlock *b, const char *text)
{
  el (x, "w:p");
  if (style) {
    el (x, "w:pPr");
    val (x, "w:pStyle", "w:val", style);
    end (x);
  }
  for (guint i = 0; b && i < b->n_runs; i++)
    run (x, b->runs[i].text, b->runs[i].flags);
  if (text)
    run (x, text, 0);
  end (x);
}

/* A4, 2.5 cm margins. */
static void
section (Xml *x)
{
  el (x, "w:sectPr");
  el (x, "w:pgSz");
  at (x, "w:w", "11906");
  at (x, "w:h", "16838");
  end (x);
  el (x, "w:pgMar");
  static const char *const sides[] = { "w:top", "w:right", "w:bottom",
                                       "w:left" };
  for (gsize i = 0; i < G_N_ELEMENTS (sides); i++)
    at (x, sides[i], "1418");
  at (x, "w:header", "709");
  at (x, "w:footer", "709");
  at (x, "w:gutter", "0");
  end (x);
  end (x);
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
  el (&x, "w:document");
  at (&x, "xmlns:w", W_NS);
  at (&x, "xmlns:r", R_NS);
  el (&x, "w:body");
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
  end (&x);
  end (&x);
  return teema_package__close (p, error);
}

void
teema_docx__free (TeemaDocWriter *w)
{
  if (w->state)
    teema_package__clear (w->state);
  g_clear_pointer (&w->state, g_free);
}
