/* formats/xml-private.h — the one safe way to parse XML, and small libxml2
 * tree helpers, for the modules that read XML (REFI-QDA projects and
 * codebooks under refi/, DOCX and ODT under formats/). Only those two
 * folders include libxml2. */
#ifndef TEEMA_XML_PRIVATE_H
#define TEEMA_XML_PRIVATE_H

#include <glib.h>
#include "formats/libxml.h"
#include <teema/error.h>

/* Parses XML in memory with XML_PARSE_NONET and without entity
 * substitution or DTD loading. A DOCTYPE that declares entities or names
 * an external DTD is refused before parsing (billion laughs, XXE). Returns
 * an xmlDoc * (as gpointer so that callers need not include libxml2 here);
 * free with teema_xml__free. */
gpointer teema_xml__parse (const char *data, gsize len, const char *name,
                           GError **error);
void teema_xml__free (gpointer doc);

/* TRUE when n is an element named local (any element when local is
 * NULL); namespaces are ignored. */
static inline gboolean
teema_xml__is_el (xmlNodePtr n, const char *local)
{
  return n && n->type == XML_ELEMENT_NODE
         && (!local || g_str_equal ((const char *) n->name, local));
}

/* The first child element of n named local, or NULL. */
static inline xmlNodePtr
teema_xml__child (xmlNodePtr n, const char *local)
{
  for (xmlNodePtr c = n ? n->children : NULL; c; c = c->next)
    if (teema_xml__is_el (c, local))
      return c;
  return NULL;
}

/* Attribute name of n as a new string, or NULL. */
static inline char *
teema_xml__prop (xmlNodePtr n, const char *name)
{
  xmlChar *v = xmlGetProp (n, (const xmlChar *) name);
  char *s = g_strdup ((const char *) v);
  xmlFree (v);
  return s;
}

#endif
