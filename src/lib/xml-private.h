/* xml-private.h — small libxml2 tree helpers shared by the modules that
 * read XML (REFI-QDA projects and codebooks, DOCX and ODT). Only those
 * modules include libxml2; documents come from teema_xml__parse. */
#ifndef TEEMA_XML_PRIVATE_H
#define TEEMA_XML_PRIVATE_H

#include <glib.h>
#include <libxml/tree.h>

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
