/* formats/package-private.h — an office package (DOCX, ODT) written as
 * it is made: a zip into a document writer's sink, its small parts added
 * whole, and then its one large part (document.xml, content.xml) written
 * through an xmlTextWriter straight into its zip member, so that memory
 * holds a block of the document at a time. Only docx-write.c,
 * odt-write.c and refi/export.c (the .qde of a .qdpx) include this. */
#ifndef TEEMA_PACKAGE_PRIVATE_H
#define TEEMA_PACKAGE_PRIVATE_H

#include "formats/doc-private.h"
#include "formats/zip-private.h"

#include "formats/libxml.h"

typedef struct {
  TeemaZipWriter *zip;
  xmlTextWriterPtr w; /* the streamed part, once started */
  GError *error;      /* the first failure while streaming into the zip */
} TeemaPackage;

/* A small XML part built in memory (or, with buf NULL, the streamed
 * part's writer), and the few calls both packages write with. */
typedef struct {
  xmlBufferPtr buf;
  xmlTextWriterPtr w;
} TeemaXml;

/* Starts a part in memory: an XML declaration (standalone="yes" when
 * standalone). Only after teema_package__open (which opens libxml2). */
void teema_xml__begin (TeemaXml *x, gboolean standalone);
/* Ends the part and returns its text (the writer is freed). */
char *teema_xml__end (TeemaXml *x);
void teema_xml__el (TeemaXml *x, const char *name);
void teema_xml__close (TeemaXml *x);
void teema_xml__at (TeemaXml *x, const char *name, const char *value);

/* An XML writer into zip's current member. Its first failure to write is
 * kept in *failure (which must stay valid while it writes) and what
 * follows is dropped, so libxml2 never prints one. Free it with
 * xmlFreeTextWriter, which flushes the rest. Only after
 * teema_libxml__load returned TRUE. */
xmlTextWriterPtr teema_package__member_writer (TeemaZipWriter *zip,
                                               GError **failure);

/* Starts the archive in the sink of writer. */
gboolean teema_package__open (TeemaPackage *p, TeemaDocWriter *writer,
                              GError **error);
/* Adds a whole part; takes xml (a string) and frees it. */
gboolean teema_package__part (TeemaPackage *p, const char *name, char *xml,
                              gboolean stored, GError **error);
/* Starts the streamed part name: an XML document (with standalone="yes"
 * when standalone) written through p->w. */
gboolean teema_package__stream (TeemaPackage *p, const char *name,
                                gboolean standalone, GError **error);
/* FALSE with the error when writing into the archive has failed so far
 * (libxml2 writes in chunks, so a failure shows a little later). */
gboolean teema_package__ok (TeemaPackage *p, GError **error);
/* Ends the streamed part's XML and the archive. */
gboolean teema_package__close (TeemaPackage *p, GError **error);
/* Frees what is left (an unfinished archive: whatever the sink got). */
void teema_package__clear (TeemaPackage *p);

#endif
