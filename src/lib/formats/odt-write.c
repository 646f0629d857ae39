/* formats/odt-write.c — documents as OpenDocument texts (.odt), written
 * with libxml2's xmlTextWriter into a zip as they are made
 * (formats/package.c): the small parts first, then content.xml block by
 * block.
 *
 * The package: "mimetype" first and stored uncompressed (as ODF
 * requires), META-INF/manifest.xml, meta.xml (title, language),
 * styles.xml with every style the text uses — Title, Heading 1-3, "Theme
 * intro", "Quote" (indented, single-spaced) and the text style "Informant
 * label" — and the A4 page, and content.xml, whose paragraphs only name
 * those styles, so that a user restyles every quote at once. */
#include "formats/package-private.h"

#include <string.h>

#define MIMETYPE "application/vnd.oasis.opendocument.text"

static const char *const namespaces[][2] = {
  { "xmlns:office", "urn:oasis:names:tc:opendocument:xmlns:office:1.0" },
  { "xmlns:style", "urn:oasis:names:tc:opendocument:xmlns:style:1.0" },
  { "xmlns:text", "urn:oasis:names:tc:opendocument:xmlns:text:1.0" },
  { "xmlns:fo", "urn:oasis:names:tc:opendocument:xmlns:"
                "xsl-fo-compatible:1.0" },
  { "xmlns:meta", "urn:oasis:names:tc:opendocument:xmlns:meta:1.0" },
  { "xmlns:dc", "http://purl.org/dc/elements/1.1/" },
  { "xmlns:svg", "urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" },
};

typedef TeemaXml Xml;

/* The root element root, with every namespace. */
static void
root_element (Xml *x, const char *root)
{
  teema_xml__el (x, root);
  for (gsize i = 0; i < G_N_ELEMENTS (namespaces); i++)
    teema_xml__at (x, namespaces[i][0], namespaces[i][1]);
  teema_xml__at (x, "office:version", "1.2");
}

/* Starts a document in memory whose root element is root. */
static void
xml_begin (Xml *x, const char *root)
{
  teema_xml__begin (x, FALSE);
  root_element (x, root);
}

/* ---- manifest and meta --------------------------------------------------- */

static char *
manifest (void)
{
  static const char *const entries[][2] = {
    { "/", MIMETYPE },
    { "content.xml", "text/xml" },
    { "styles.xml", "text/xml" },
    { "meta.xml", "text/xml" },
  };
  Xml x;
  x.buf = xmlBufferCreate ();
  x.w = xmlNewTextWriterMemory (x.buf, 0);
  xmlTextWriterStartDocument (x.w, "1.0", "UTF-8", NULL);
  teema_xml__el (&x, "manifest:manifest");
  teema_xml__at (&x, "xmlns:manifest",
                 "urn:oasis:names:tc:opendocument:xmlns:manifest:1.0");
  teema_xml__at (&x, "manifest:version", "1.2");
  for (gsize i = 0; i < G_N_ELEMENTS (entries); i++) {
    teema_xml__el (&x, "manifest:file-entry");
    teema_xml__at (&x, "manifest:full-path", entries[i][0]);
    if (i == 0)
      teema_xml__at (&x, "manifest:version", "1.2");
    teema_xml__at (&x, "manifest:media-type", entries[i][1]);
    teema_xml__close (&x);
  }
  teema_xml__close (&x);
  return teema_xml__end (&x);
}

static char *
meta (const TeemaDocWriter *doc)
{
  Xml x;
  xml_begin (&x, "office:document-meta");
  teema_xml__el (&x, "office:meta");
  xmlTextWriterWriteElement (x.w, BAD_CAST "dc:title",
                             BAD_CAST (doc->title ? doc->title : ""));
  xmlTextWriterWriteElement (
    x.w, BAD_CAST "dc:language",
    BAD_CAST (g_str_equal (doc->lang, "fi") ? "fi-FI" : "en-GB"));
  xmlTextWriterWriteElement (x.w, BAD_CAST "meta:generator", BAD_CAST "teema");
  teema_xml__close (&x);
  teema_xml__close (&x);
  return teema_xml__end (&x);
}

/* ---- styles.xml ---------------------------------------------------------- */

typedef struct {
  const char *name, *display, *family, *parent;
  const char *size; /* "12pt", or NULL */
  gboolean bold, italic;
  const char *before, *after; /* margins, or NULL */
  const char *line;           /* line height "150%", or NULL */
  const char *indent_left, *indent_right;
  int outline; /* heading level, 0: none */
} Style;

static const Style styles[] = {
  { "Standard", "Default Paragraph Style", "paragraph", NULL, "12pt", FALSE,
    FALSE, "0cm", "0.21cm", "150%", NULL, NULL, 0 },
  { "Title", "Title", "paragraph", "Standard", "16pt", TRUE, FALSE, "0cm",
    "0.42cm", "100%", NULL, NULL, 0 },
  { "Heading_20_1", "Heading 1", "paragraph", "Standard", "14pt", TRUE, FALSE,
    "0.64cm", "0.21cm", "100%", NULL, NULL, 1 },
  { "Heading_20_2", "Heading 2", "paragraph", "Standard", "13pt", TRUE, FALSE,
    "0.42cm", "0.21cm", "100%", NULL, NULL, 2 },
  { "Heading_20_3", "Heading 3", "paragraph", "Standard", "12pt", TRUE, TRUE,
    "0.42cm", "0.21cm", "100%", NULL, NULL, 3 },
  { "Theme_20_intro", "Theme intro", "paragraph", "Standard", NULL, FALSE, TRUE,
    NULL, NULL, NULL, NULL, NULL, 0 },
  /* Quote: 2 cm in from the left, 1 cm from the right, single-spaced. */
  { "Quote", "Quote", "paragraph", "Standard", "11pt", FALSE, FALSE, "0.21cm",
    "0.42cm", "100%", "2cm", "1cm", 0 },
  { "Informant_20_label", "Informant label", "text", NULL, NULL, FALSE, FALSE,
    NULL, NULL, NULL, NULL, NULL, 0 },
};

static void
style_properties (Xml *x, const Style *s, const TeemaDocWriter *doc)
{
  if (g_str_equal (s->family, "paragraph")) {
    teema_xml__el (x, "style:paragraph-properties");
    if (s->before) {
      teema_xml__at (x, "fo:margin-top", s->before);
      teema_xml__at (x, "fo:margin-bottom", s->after);
    }
    if (s->line)
      teema_xml__at (x, "fo:line-height", s->line);
    if (s->indent_left) {
      teema_xml__at (x, "fo:margin-left", s->indent_left);
      teema_xml__at (x, "fo:margin-right", s->indent_right);
    }
    if (s->outline)
      teema_xml__at (x, "fo:keep-with-next", "always");
    teema_xml__close (x);
  }
  teema_xml__el (x, "style:text-properties");
  if (!s->parent && g_str_equal (s->family, "paragraph")) {
    teema_xml__at (x, "style:font-name", "Liberation Serif");
    teema_xml__at (x, "fo:font-family",
                   "'Times New Roman', 'Liberation Serif'");
    teema_xml__at (x, "fo:language", doc->lang);
    teema_xml__at (x, "fo:country",
                   g_str_equal (doc->lang, "fi") ? "FI" : "GB");
  }
  if (s->size)
    teema_xml__at (x, "fo:font-size", s->size);
  if (s->bold)
    teema_xml__at (x, "fo:font-weight", "bold");
  if (s->italic)
    teema_xml__at (x, "fo:font-style", "italic");
  teema_xml__close (x);
}

static void
page_layout (Xml *x)
{
  teema_xml__el (x, "office:automatic-styles");
  teema_xml__el (x, "style:page-layout");
  teema_xml__at (x, "style:name", "A4");
  teema_xml__el (x, "style:page-layout-properties");
  teema_xml__at (x, "fo:page-width", "21cm");
  teema_xml__at (x, "fo:page-height", "29.7cm");
  static const char *const margins[] = { "fo:margin-top", "fo:margin-bottom",
                                         "fo:margin-left", "fo:margin-right" };
  for (gsize i = 0; i < G_N_ELEMENTS (margins); i++)
    teema_xml__at (x, margins[i], "2.5cm");
  teema_xml__close (x);
  teema_xml__close (x);
  teema_xml__close (x);
  teema_xml__el (x, "office:master-styles");
  teema_xml__el (x, "style:master-page");
  teema_xml__at (x, "style:name", "Standard");
  teema_xml__at (x, "style:page-layout-name", "A4");
  teema_xml__close (x);
  teema_xml__close (x);
}

static char *
styles_xml (const TeemaDocWriter *doc)
{
  Xml x;
  xml_begin (&x, "office:document-styles");
  teema_xml__el (&x, "office:font-face-decls");
  teema_xml__el (&x, "style:font-face");
  teema_xml__at (&x, "style:name", "Liberation Serif");
  teema_xml__at (&x, "svg:font-family", "'Liberation Serif'");
  teema_xml__close (&x);
  teema_xml__close (&x);
  teema_xml__el (&x, "office:styles");
  for (gsize i = 0; i < G_N_ELEMENTS (styles); i++) {
    const Style *s = &styles[i];
    teema_xml__el (&x, "style:style");
    teema_xml__at (&x, "style:name", s->name);
    teema_xml__at (&x, "style:display-name", s->display);
    teema_xml__at (&x, "style:family", s->family);
    if (s->parent)
      teema_xml__at (&x, "style:parent-style-name", s->parent);
    if (s->outline) {
      g_autofree char *lvl = g_strdup_printf ("%d", s->outline);
      teema_xml__at (&x, "style:default-outline-level", lvl);
    }
    if (g_str_equal (s->family, "paragraph") && i > 0)
      teema_xml__at (&x, "style:next-style-name", "Standard");
    style_properties (&x, s, doc);
    teema_xml__close (&x);
  }
  teema_xml__close (&x);
  page_layout (&x);
  teema_xml__close (&x);
  return teema_xml__end (&x);
}

/* ---- content.xml --------------------------------------------------------- */

static void
runs (Xml *x, const TeemaBlock *b)
{
  for (guint i = 0; i < b->n_runs; i++) {
    const TeemaRun *r = &b->runs[i];
    if (r->flags & TEEMA_RUN_LABEL) {
      teema_xml__el (x, "text:span");
      teema_xml__at (x, "text:style-name", "Informant_20_label");
    }
    xmlTextWriterWriteString (x->w, BAD_CAST r->text);
    if (r->flags & TEEMA_RUN_LABEL)
      teema_xml__close (x);
  }
}

static void
block (Xml *x, const TeemaBlock *b)
{
  static const char *const headings[] = { "Heading_20_1", "Heading_20_2",
                                          "Heading_20_3" };
  if (b->style == TEEMA_PARA_HEADING) {
    teema_xml__el (x, "text:h");
    teema_xml__at (x, "text:style-name", headings[teema_doc__level (b) - 1]);
    g_autofree char *lvl = g_strdup_printf ("%u", teema_doc__level (b));
    teema_xml__at (x, "text:outline-level", lvl);
  } else {
    teema_xml__el (x, "text:p");
    teema_xml__at (x, "text:style-name",
                   b->style == TEEMA_PARA_QUOTE   ? "Quote"
                   : b->style == TEEMA_PARA_INTRO ? "Theme_20_intro"
                                                  : "Standard");
  }
  runs (x, b);
  teema_xml__close (x);
}

/* ---- writing ------------------------------------------------------------ */

gboolean
teema_odt__begin (TeemaDocWriter *w, GError **error)
{
  TeemaPackage *p = w->state = g_new0 (TeemaPackage, 1);
  if (!teema_package__open (p, w, error)
      || !teema_package__part (p, "mimetype", g_strdup (MIMETYPE), TRUE, error)
      || !teema_package__part (p, "META-INF/manifest.xml", manifest (), FALSE,
                               error)
      || !teema_package__part (p, "meta.xml", meta (w), FALSE, error)
      || !teema_package__part (p, "styles.xml", styles_xml (w), FALSE, error)
      || !teema_package__stream (p, "content.xml", FALSE, error))
    return FALSE;
  Xml x = { NULL, p->w };
  root_element (&x, "office:document-content");
  teema_xml__el (&x, "office:body");
  teema_xml__el (&x, "office:text");
  if (w->title) {
    teema_xml__el (&x, "text:p");
    teema_xml__at (&x, "text:style-name", "Title");
    xmlTextWriterWriteString (x.w, BAD_CAST w->title);
    teema_xml__close (&x);
  }
  return teema_package__ok (p, error);
}

gboolean
teema_odt__block (TeemaDocWriter *w, const TeemaBlock *b, GError **error)
{
  TeemaPackage *p = w->state;
  Xml x = { NULL, p->w };
  block (&x, b);
  return teema_package__ok (p, error);
}

gboolean
teema_odt__end (TeemaDocWriter *w, GError **error)
{
  TeemaPackage *p = w->state;
  Xml x = { NULL, p->w };
  teema_xml__close (&x);
  teema_xml__close (&x);
  teema_xml__close (&x);
  return teema_package__close (p, error);
}

void
teema_odt__free (TeemaDocWriter *w)
{
  if (w->state)
    teema_package__clear (w->state);
  g_clear_pointer (&w->state, g_free);
}
