/* formats/package.c — office packages (DOCX, ODT) written into a sink as
 * they are made.
 *
 * The small parts go in whole, with their sizes; the last part is an XML
 * document whose xmlTextWriter writes into its zip member through
 * libxml2's output buffer (a few KB), so the member's size is unknown
 * until it ends and the archive gives it a data descriptor. Must always
 * hold: the first failure of the sink is the one reported, and nothing
 * more reaches the sink after it. */
#include "formats/package-private.h"

#include <string.h>

gboolean
teema_package__open (TeemaPackage *p, TeemaDocWriter *writer, GError **error)
{
  if (!teema_libxml__load (error)) /* before any part is written */
    return FALSE;
  p->zip = teema_zip__writer_new_sink (writer->write, writer->user_data, error);
  return p->zip != NULL;
}

gboolean
teema_package__part (TeemaPackage *p, const char *name, char *xml,
                     gboolean stored, GError **error)
{
  gsize len = strlen (xml);
  gboolean ok =
    teema_zip__writer_begin (p->zip, name, (gint64) len, stored, error)
    && teema_zip__writer_write (p->zip, xml, len, error);
  g_free (xml);
  return ok;
}

/* The zip member an XML writer writes into, and where its first failure
 * goes. */
typedef struct {
  TeemaZipWriter *zip;
  GError **failure;
} Member;

/* Takes everything libxml2 writes: after a failure the rest is dropped
 * (the writer stops at the end of the block) rather than refused, since
 * libxml2 prints a refused write on stderr and the library never
 * prints. */
static int
to_member (void *context, const char *buffer, int len)
{
  Member *m = context;
  if (!*m->failure)
    teema_zip__writer_write (m->zip, buffer, (gsize) len, m->failure);
  return len;
}

static int
member_done (void *context)
{
  g_free (context);
  return 0;
}

xmlTextWriterPtr
teema_package__member_writer (TeemaZipWriter *zip, GError **failure)
{
  Member *m = g_new (Member, 1);
  m->zip = zip;
  m->failure = failure;
  return xmlNewTextWriter (
    xmlOutputBufferCreateIO (to_member, member_done, m, NULL));
}

gboolean
teema_package__stream (TeemaPackage *p, const char *name, gboolean standalone,
                       GError **error)
{
  if (!teema_zip__writer_begin (p->zip, name, -1, FALSE, error))
    return FALSE;
  p->w = teema_package__member_writer (p->zip, &p->error);
  xmlTextWriterStartDocument (p->w, "1.0", "UTF-8", standalone ? "yes" : NULL);
  return teema_package__ok (p, error);
}

gboolean
teema_package__ok (TeemaPackage *p, GError **error)
{
  if (!p->error)
    return TRUE;
  g_propagate_error (error, g_error_copy (p->error));
  return FALSE;
}

gboolean
teema_package__close (TeemaPackage *p, GError **error)
{
  xmlTextWriterEndDocument (p->w);
  xmlTextWriterFlush (p->w);
  xmlFreeTextWriter (p->w);
  p->w = NULL;
  return teema_package__ok (p, error)
         && teema_zip__writer_finish (p->zip, error);
}

void
teema_package__clear (TeemaPackage *p)
{
  if (p->w && !p->error) /* what libxml2 still holds is dropped */
    p->error = g_error_new_literal (TEEMA_ERROR, TEEMA_ERROR_IO, "unfinished");
  if (p->w)
    xmlFreeTextWriter (p->w);
  p->w = NULL;
  g_clear_pointer (&p->zip, teema_zip__writer_free);
  g_clear_error (&p->error);
}

/* ---- small parts ----------------------------------------------------------
 */

void
teema_xml__begin (TeemaXml *x, gboolean standalone)
{
  x->buf = xmlBufferCreate ();
  x->w = xmlNewTextWriterMemory (x->buf, 0);
  xmlTextWriterStartDocument (x->w, "1.0", "UTF-8", standalone ? "yes" : NULL);
}

char *
teema_xml__end (TeemaXml *x)
{
  xmlTextWriterEndDocument (x->w);
  xmlFreeTextWriter (x->w);
  char *out = g_strdup ((const char *) xmlBufferContent (x->buf));
  xmlBufferFree (x->buf);
  return out;
}

void
teema_xml__el (TeemaXml *x, const char *name)
{
  xmlTextWriterStartElement (x->w, BAD_CAST name);
}

void
teema_xml__close (TeemaXml *x)
{
  xmlTextWriterEndElement (x->w);
}

void
teema_xml__at (TeemaXml *x, const char *name, const char *value)
{
  xmlTextWriterWriteAttribute (x->w, BAD_CAST name, BAD_CAST value);
}
