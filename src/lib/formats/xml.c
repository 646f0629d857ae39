/* formats/xml.c — the one way the library parses XML.
 *
 * Files from other tools are untrusted. The parser never touches the
 * network (XML_PARSE_NONET), never loads a DTD and never substitutes
 * entities (no XML_PARSE_NOENT, XML_PARSE_DTDLOAD or XML_PARSE_HUGE).
 * Before libxml2 sees the bytes, a DOCTYPE that declares entities or
 * names an external DTD is refused: that is how billion-laughs and
 * external-entity (XXE) files work, and no REFI-QDA, DOCX or ODT file
 * needs one. Must always hold: errors name the file and line. */
#include "base/base-private.h"
#include "formats/xml-private.h"

#include "formats/libxml.h"
#include <string.h>

static guint
line_at (const char *data, const char *at)
{
  guint line = 1;
  for (const char *p = data; p < at; p++)
    line += *p == '\n';
  return line;
}

/* The DOCTYPE declaration, if any, before the root element. */
static gboolean
check_doctype (const char *data, gsize len, const char *name, GError **error)
{
  const char *end = data + len;
  const char *p = data;
  /* Skip the prolog: declarations, comments, processing instructions. */
  while (p < end) {
    const char *lt = memchr (p, '<', (gsize) (end - p));
    if (!lt || lt + 1 >= end)
      return TRUE;
    if (lt[1] == '?' || (lt + 3 < end && memcmp (lt, "<!--", 4) == 0)) {
      p = lt + 2;
      continue;
    }
    if (lt[1] != '!')
      return TRUE; /* the root element: no DOCTYPE before it */
    const char *scan_end = end;
    gboolean entity = g_strstr_len (lt, scan_end - lt, "<!ENTITY") != NULL;
    const char *close = memchr (lt, '>', (gsize) (end - lt));
    gsize decl = close ? (gsize) (close - lt) : (gsize) (end - lt);
    gboolean external = g_strstr_len (lt, (gssize) decl, "SYSTEM")
                        || g_strstr_len (lt, (gssize) decl, "PUBLIC");
    if (entity || external) {
      g_set_error (error, TEEMA_ERROR, TEEMA_ERROR_PARSE,
                   _ ("%s:%u: the XML declares %s in a DOCTYPE; refused for "
                      "safety (a REFI-QDA, DOCX or ODT file has none)"),
                   name, line_at (data, lt),
                   entity ? _ ("entities") : _ ("an external DTD"));
      return FALSE;
    }
    p = lt + 2;
  }
  return TRUE;
}

gpointer
teema_xml__parse (const char *data, gsize len, const char *name, GError **error)
{
  if (len > G_MAXINT) {
    g_set_error (error, TEEMA_ERROR, TEEMA_ERROR_UNSUPPORTED,
                 _ ("%s: XML larger than 2 GB is not read"), name);
    return NULL;
  }
  if (!check_doctype (data, len, name, error) || !teema_libxml__load (error))
    return NULL;
  xmlParserCtxtPtr ctxt = xmlNewParserCtxt ();
  if (!ctxt) {
    g_set_error (error, TEEMA_ERROR, TEEMA_ERROR_FAILED, _ ("out of memory"));
    return NULL;
  }
  int options = XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING
                | XML_PARSE_NOCDATA;
  xmlDocPtr doc =
    xmlCtxtReadMemory (ctxt, data, (int) len, name, NULL, options);
  if (!doc || !ctxt->wellFormed) {
    const xmlError *e = xmlCtxtGetLastError (ctxt);
    g_autofree char *msg =
      g_strstrip (g_strdup (e && e->message ? e->message : "malformed"));
    g_set_error (error, TEEMA_ERROR, TEEMA_ERROR_PARSE,
                 _ ("%s:%d: not well-formed XML: %s"), name, e ? e->line : 0,
                 msg);
    if (doc)
      xmlFreeDoc (doc);
    doc = NULL;
  }
  xmlFreeParserCtxt (ctxt);
  return doc;
}

void
teema_xml__free (gpointer doc)
{
  if (doc)
    xmlFreeDoc (doc);
}
