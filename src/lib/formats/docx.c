/* formats/docx.c — DOCX and ODT transcripts.
 *
 * Both formats are zip archives (read by formats/archive.c with its limits)
 * whose main XML (word/document.xml, content.xml) is streamed through
 * libxml2's reader with the safe options of formats/xml.c.
 * Every paragraph becomes a paragraph of teema's text format. A speaker
 * label is taken from a bold run at the start of a paragraph ("H1:" or
 * "H1" followed by text) or left for the transcript parser to find when
 * plain ("H1: ..."). A short paragraph all in bold is a label of the
 * paragraphs below it when it ends in a colon or recurs ("H2" as its own
 * paragraph before each answer); a bold title used once stays text.
 * Tables of rows (speaker, text) or (time, speaker, text), as
 * transcription services write them, become one turn per row.
 * Must always hold: the output is the text format (formats/turns.c
 * writes it), so segmentation is exactly that of a .txt transcript. */
#include "formats/formats-private.h"
#include "formats/xml-private.h"
#include "formats/zip-private.h"

#include "formats/libxml.h"
#include <string.h>

typedef struct {
  gboolean odt;
  GHashTable *bold_styles; /* ODT automatic styles that are bold */
  GPtrArray *turns;        /* speaker, timestamp, text triples */
  GArray *bold_only;       /* gboolean per triple: a short all-bold
                              paragraph, maybe a label of its own */
} Walk;

static char *
attr_any_ns (xmlNodePtr n, const char *local)
{
  for (xmlAttrPtr a = n->properties; a; a = a->next)
    if (g_str_equal ((const char *) a->name, local)) {
      xmlChar *v = xmlNodeGetContent ((xmlNodePtr) a);
      char *s = g_strdup ((const char *) v);
      xmlFree (v);
      return s;
    }
  return NULL;
}

/* Is a DOCX run (w:r) bold? */
static gboolean
docx_bold (xmlNodePtr run)
{
  for (xmlNodePtr p = run->children; p; p = p->next) {
    if (!teema_xml__is_el (p, "rPr"))
      continue;
    for (xmlNodePtr b = p->children; b; b = b->next)
      if (teema_xml__is_el (b, "b")) {
        g_autofree char *v = attr_any_ns (b, "val");
        return !v || (!g_str_equal (v, "0") && !g_str_equal (v, "false"));
      }
  }
  return FALSE;
}

static void
add_text (GString *text, GString *lead, const char *s, gboolean bold,
          gboolean *leading)
{
  g_string_append (text, s);
  if (*leading && bold) {
    g_string_append (lead, s);
    return;
  }
  for (; *s && *leading; s++)
    *leading = g_ascii_isspace (*s);
}

/* Appends the text of n to text, and to lead while the paragraph's text
 * so far is all bold. */
static void
collect (Walk *w, xmlNodePtr n, gboolean bold, GString *text, GString *lead,
         gboolean *leading)
{
  for (xmlNodePtr c = n->children; c; c = c->next) {
    if (c->type == XML_TEXT_NODE) {
      if (w->odt)
        add_text (text, lead, (const char *) c->content, bold, leading);
      continue;
    }
    if (c->type != XML_ELEMENT_NODE)
      continue;
    const char *name = (const char *) c->name;
    if (g_str_equal (name, "t") && !w->odt) {
      xmlChar *v = xmlNodeGetContent (c);
      add_text (text, lead, v ? (const char *) v : "", bold, leading);
      xmlFree (v);
    } else if (g_str_equal (name, "tab")) {
      g_string_append_c (text, ' ');
    } else if (g_str_equal (name, "br") || g_str_equal (name, "line-break")) {
      g_string_append_c (text, '\n');
    } else if (g_str_equal (name, "s")) {
      g_string_append_c (text, ' ');
    } else if (g_str_equal (name, "r")) {
      collect (w, c, docx_bold (c), text, lead, leading);
    } else if (g_str_equal (name, "span") && w->odt) {
      g_autofree char *style = attr_any_ns (c, "style-name");
      gboolean b =
        bold || (style && g_hash_table_contains (w->bold_styles, style));
      collect (w, c, b, text, lead, leading);
    } else if (!g_str_equal (name, "rPr") && !g_str_equal (name, "pPr")) {
      collect (w, c, bold, text, lead, leading);
    }
  }
}

static void
add_turn (Walk *w, const char *speaker, const char *ts, const char *text)
{
  gboolean no = FALSE;
  g_ptr_array_add (w->turns, g_strdup (speaker));
  g_ptr_array_add (w->turns, g_strdup (ts));
  g_ptr_array_add (w->turns, g_strdup (text));
  g_array_append_val (w->bold_only, no);
}

static void
add_bold_paragraph (Walk *w, const char *text)
{
  add_turn (w, NULL, NULL, text);
  g_array_index (w->bold_only, gboolean, w->bold_only->len - 1) = TRUE;
}

/* "H2" or "Haastattelija:" without the colon: a new string. */
static char *
label_key (const char *text)
{
  char *key = g_strstrip (g_strdup (text));
  gsize n = strlen (key);
  if (n && key[n - 1] == ':')
    key[n - 1] = '\0';
  return g_strstrip (key);
}

/* Turns the all-bold paragraphs that are labels into speakers of the
 * paragraphs below: those that end in a colon or recur. */
static void
label_paragraphs (Walk *w)
{
  g_autoptr (GHashTable) uses =
    g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; i < w->bold_only->len; i++)
    if (g_array_index (w->bold_only, gboolean, i)) {
      char *key = label_key (w->turns->pdata[3 * i + 2]);
      guint n = GPOINTER_TO_UINT (g_hash_table_lookup (uses, key));
      g_hash_table_replace (uses, key, GUINT_TO_POINTER (n + 1));
    }
  for (guint i = 0; i < w->bold_only->len; i++) {
    if (!g_array_index (w->bold_only, gboolean, i))
      continue;
    char **text = (char **) &w->turns->pdata[3 * i + 2];
    g_autofree char *key = label_key (*text);
    gboolean colon = g_str_has_suffix (*text, ":");
    if (*key
        && (colon || GPOINTER_TO_UINT (g_hash_table_lookup (uses, key)) > 1)) {
      g_free (w->turns->pdata[3 * i]);
      w->turns->pdata[3 * i] = g_steal_pointer (&key);
      g_free (*text);
      *text = g_strdup ("");
    }
  }
}

static void
paragraph (Walk *w, xmlNodePtr p)
{
  GString *text = g_string_new (NULL), *lead = g_string_new (NULL);
  gboolean leading = TRUE;
  collect (w, p, FALSE, text, lead, &leading);
  g_strstrip (text->str);
  text->len = strlen (text->str);
  g_autofree char *label = g_strstrip (g_strdup (lead->str));
  gsize ln = strlen (label);
  if (ln && ln <= 40 && ln < text->len && !strchr (label, '\n')) {
    if (label[ln - 1] == ':')
      label[ln - 1] = '\0';
    const char *rest = text->str + strlen (lead->str);
    while (*rest == ':' || g_ascii_isspace (*rest))
      rest++;
    g_strstrip (label);
    if (*label && *rest)
      add_turn (w, label, NULL, rest);
    else if (*text->str)
      add_turn (w, NULL, NULL, text->str);
  } else if (ln && ln <= 40 && ln == text->len && !strchr (label, '\n')) {
    add_bold_paragraph (w, text->str);
  } else if (text->len) {
    add_turn (w, NULL, NULL, text->str);
  }
  g_string_free (text, TRUE);
  g_string_free (lead, TRUE);
}

static char *
cell_text (Walk *w, xmlNodePtr cell)
{
  GString *text = g_string_new (NULL), *lead = g_string_new (NULL);
  gboolean leading = FALSE;
  collect (w, cell, FALSE, text, lead, &leading);
  g_string_free (lead, TRUE);
  for (char *p = text->str; *p; p++)
    if (*p == '\n')
      *p = ' ';
  return g_strstrip (g_string_free (text, FALSE));
}

static gboolean
is_time (const char *s)
{
  return g_regex_match_simple ("^[\\[(]?(\\d{1,2}:)?\\d{1,2}:\\d{2}([.,]\\d+)?"
                               "[\\])]?$",
                               s, 0, 0);
}

static void
table_row (Walk *w, xmlNodePtr row)
{
  g_autoptr (GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);
  for (xmlNodePtr c = row->children; c; c = c->next)
    if (teema_xml__is_el (c, "tc") || teema_xml__is_el (c, "table-cell"))
      g_ptr_array_add (cells, cell_text (w, c));
  if (cells->len < 2)
    return;
  char **cell = (char **) cells->pdata;
  const char *ts = NULL, *speaker = cell[0], *text = cell[cells->len - 1];
  if (cells->len >= 3 && is_time (cell[0])) {
    ts = cell[0];
    speaker = cell[1];
  } else if (cells->len >= 3 && is_time (cell[1])) {
    ts = cell[1];
  }
  g_autofree char *lower = g_utf8_strdown (speaker, -1);
  const char *headers[] = { "speaker", "puhuja", "name", "nimi", "henkilö" };
  for (gsize i = 0; i < G_N_ELEMENTS (headers); i++)
    if (g_str_equal (lower, headers[i]))
      return;
  char *stamp = ts ? g_strdelimit (
                  g_strdup (ts + (ts[0] == '[' || ts[0] == '(')), "])", '\0')
                   : NULL;
  if (*speaker && *text)
    add_turn (w, speaker, stamp, text);
  g_free (stamp);
}

static void
odt_bold_styles (xmlNodePtr n, GHashTable *bold)
{
  for (xmlNodePtr c = n->children; c; c = c->next) {
    if (teema_xml__is_el (c, "style")) {
      g_autofree char *name = attr_any_ns (c, "name");
      for (xmlNodePtr p = c->children; p && name; p = p->next) {
        g_autofree char *weight = teema_xml__is_el (p, "text-properties")
                                    ? attr_any_ns (p, "font-weight")
                                    : NULL;
        if (weight && g_str_equal (weight, "bold"))
          g_hash_table_add (bold, g_strdup (name));
      }
    } else if (c->type == XML_ELEMENT_NODE) {
      odt_bold_styles (c, bold);
    }
  }
}

/* ---- streaming the XML ---------------------------------------------------
 *
 * The main XML is read with libxml2's xmlTextReader, one paragraph or
 * table row at a time (expanded, converted, then freed), so memory follows
 * the text kept, not the size of the XML: a 450 MB document.xml used to
 * take 4.6 GB as a tree. Its text is bounded by TEEMA_TRANSCRIPT_MAX_BYTES. */

typedef struct {
  TeemaZipStream *zip; /* NULL: reading from memory */
  GError *error;       /* the stream's error, or the first XML error */
} Input;

static int
input_read (void *data, char *buf, int len)
{
  Input *in = data;
  gssize n = teema_zip__stream_read (in->zip, buf, (gsize) len,
                                     in->error ? NULL : &in->error);
  return (int) n;
}

static int
input_close (void *data)
{
  return 0;
}

static void
xml_error (void *data, const xmlError *e)
{
  Input *in = data;
  if (in->error || !e || e->level < XML_ERR_ERROR)
    return;
  g_autofree char *msg = g_strstrip (g_strdup (e->message ? e->message : ""));
  g_set_error (&in->error, TEEMA_ERROR, TEEMA_ERROR_PARSE,
               _ ("line %d: not well-formed XML: %s"), e->line, msg);
}

static gboolean
is_local (const char *local, const char *a, const char *b)
{
  return g_str_equal (local, a) || (b && g_str_equal (local, b));
}

/* Turns the element at the cursor into turns when it is a paragraph or
 * a row (or ODT styles); TRUE when it was consumed. */
static gboolean
take (Walk *w, xmlTextReaderPtr r)
{
  const char *local = (const char *) xmlTextReaderConstLocalName (r);
  gboolean para = is_local (local, "p", "h");
  gboolean row = is_local (local, "tr", "table-row");
  gboolean styles = is_local (local, "automatic-styles", NULL);
  if (!para && !row && !styles && !is_local (local, "sectPr", NULL))
    return FALSE;
  xmlNodePtr n = xmlTextReaderExpand (r);
  if (!n)
    return FALSE;
  if (para)
    paragraph (w, n);
  else if (row)
    table_row (w, n);
  else if (styles && w->odt)
    odt_bold_styles (n, w->bold_styles);
  return TRUE;
}

static gboolean
text_size (Walk *w, const char *name, GError **error)
{
  gsize bytes = 0;
  for (guint i = 2; i < w->turns->len; i += 3)
    bytes += w->turns->pdata[i] ? strlen (w->turns->pdata[i]) : 0;
  if (bytes <= TEEMA_TRANSCRIPT_MAX_BYTES)
    return TRUE;
  g_set_error (error, TEEMA_ERROR, TEEMA_ERROR_UNSUPPORTED,
               _ ("%s: the document holds more than %llu MB of text, more "
                  "than one transcript may (TEEMA_TRANSCRIPT_MAX_BYTES); "
                  "split it into several files"),
               name, (unsigned long long) TEEMA_TRANSCRIPT_MAX_BYTES >> 20);
  return FALSE;
}

/* Walks the document; the text size is checked every 4096 turns. */
static gboolean
walk_reader (Walk *w, xmlTextReaderPtr r, Input *in, const char *name,
             GError **error)
{
  int rc = xmlTextReaderRead (r);
  guint checked = 0;
  while (rc == 1) {
    int type = xmlTextReaderNodeType (r);
    if (type == XML_READER_TYPE_DOCUMENT_TYPE) {
      g_set_error (
        error, TEEMA_ERROR, TEEMA_ERROR_PARSE,
        _ ("%s: the XML has a DOCTYPE; refused for safety (a DOCX or "
           "ODT file has none)"),
        name);
      return FALSE;
    }
    if (type == XML_READER_TYPE_ELEMENT && take (w, r)) {
      if (w->turns->len / 3 >= checked + 4096) {
        checked = w->turns->len / 3;
        if (!text_size (w, name, error))
          return FALSE;
      }
      rc = xmlTextReaderNext (r);
    } else {
      rc = xmlTextReaderRead (r);
    }
  }
  if (rc < 0 || in->error) {
    if (in->error && in->error->domain == TEEMA_ERROR
        && in->error->code != TEEMA_ERROR_PARSE)
      g_propagate_error (error, g_steal_pointer (&in->error));
    else
      g_set_error (error, TEEMA_ERROR, TEEMA_ERROR_PARSE, "%s: %s", name,
                   in->error ? in->error->message : _ ("not well-formed XML"));
    return FALSE;
  }
  return text_size (w, name, error);
}

static char *
convert (xmlTextReaderPtr r, Input *in, gboolean odt, const char *name,
         GError **error)
{
  if (!r) {
    g_set_error (error, TEEMA_ERROR, TEEMA_ERROR_FAILED,
                 _ ("%s: out of memory"), name);
    return NULL;
  }
  xmlTextReaderSetStructuredErrorHandler (r, (xmlStructuredErrorFunc) xml_error,
                                          in);
  Walk w = { odt, g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL),
             g_ptr_array_new_with_free_func (g_free),
             g_array_new (FALSE, FALSE, sizeof (gboolean)) };
  gboolean ok = walk_reader (&w, r, in, name, error);
  xmlFreeTextReader (r);
  g_clear_error (&in->error);
  if (ok)
    label_paragraphs (&w);
  g_array_unref (w.bold_only);
  char *out = NULL;
  if (ok && w.turns->len)
    out = teema_turns__to_text (w.turns);
  else if (ok)
    g_set_error (error, TEEMA_ERROR, TEEMA_ERROR_EMPTY,
                 _ ("%s: the document has no text; nothing to import"), name);
  g_hash_table_destroy (w.bold_styles);
  g_ptr_array_unref (w.turns);
  return out;
}

/* No network, no DTD, no entity substitution (see formats/xml.c). */
#define READER_OPTIONS                                                         \
  (XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING                   \
   | XML_PARSE_NOCDATA)

static char *
to_text (GBytes *xml, gboolean odt, const char *name, GError **error)
{
  gsize len = 0;
  const char *data = g_bytes_get_data (xml, &len);
  if (len > G_MAXINT) {
    g_set_error (error, TEEMA_ERROR, TEEMA_ERROR_UNSUPPORTED,
                 _ ("%s: XML larger than 2 GB is not read"), name);
    return NULL;
  }
  if (!teema_libxml__load (error))
    return NULL;
  Input in = { NULL, NULL };
  return convert (xmlReaderForMemory (data ? data : "", (int) len, name, NULL,
                                      READER_OPTIONS),
                  &in, odt, name, error);
}

char *
teema_docx__to_text (GBytes *document_xml, const char *name, GError **error)
{
  return to_text (document_xml, FALSE, name, error);
}

char *
teema_odt__to_text (GBytes *content_xml, const char *name, GError **error)
{
  return to_text (content_xml, TRUE, name, error);
}

/* ---- the readers of the registry ---------------------------------------- */

static char *
from_zip (const char *path, const char *member, gboolean odt, GError **error)
{
  g_autoptr (TeemaZip) zip = teema_zip__open (path, 0, 0, error);
  if (!zip || !teema_libxml__load (error))
    return NULL;
  if (!teema_zip__has (zip, member)) {
    g_set_error (error, TEEMA_ERROR, TEEMA_ERROR_PARSE,
                 _ ("%s: no %s in the archive: not a %s document"), path,
                 member, odt ? "ODT" : "DOCX");
    return NULL;
  }
  TeemaZipStream *stream =
    teema_zip__stream_open (zip, member, TEEMA_ZIP_MAX_BYTES, error);
  if (!stream)
    return NULL;
  g_autofree char *name = g_strconcat (path, ":", member, NULL);
  Input in = { stream, NULL };
  char *text = convert (
    xmlReaderForIO (input_read, input_close, &in, name, NULL, READER_OPTIONS),
    &in, odt, name, error);
  teema_zip__stream_close (stream);
  return text;
}

char *
teema_docx__read (const char *path, GError **error)
{
  return from_zip (path, "word/document.xml", FALSE, error);
}

char *
teema_odt__read (const char *path, GError **error)
{
  return from_zip (path, "content.xml", TRUE, error);
}
