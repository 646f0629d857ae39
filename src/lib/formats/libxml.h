/* formats/libxml.h — libxml2, opened when XML is first read or written.
 *
 * Only importing and exporting documents and projects (DOCX, ODT,
 * REFI-QDA) touch XML; linked, libxml2 and the ICU it pulls in would be
 * mapped and relocated by every command at start-up (some 3.5 ms of 15).
 * So the library is opened on first use (teema_libxml__load) and its
 * functions are called through a table; the names below turn the libxml2
 * calls of refi/ and formats/ into calls through it, so that code reads
 * as plain libxml2. Include this instead of libxml2's headers.
 * Must always hold: no libxml2 function is called before
 * teema_libxml__load has returned TRUE. It is called where XML work
 * starts: parsing (teema_xml__parse, the DOCX/ODT readers) and writing
 * (teema_package__open, teema_package__member_writer,
 * teema_codebook_to_qdc); every other call works on what those made. */
#ifndef TEEMA_FORMATS_LIBXML_H
#define TEEMA_FORMATS_LIBXML_H

#include <glib.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlreader.h>
#include <libxml/xmlwriter.h>

/* X (name): every libxml2 function teema calls, and xmlFree, a variable
 * holding libxml2's free function (its address is looked up). */
#define TEEMA_LIBXML_FUNCTIONS(X)                                              \
  X (xmlCtxtGetLastError)                                                      \
  X (xmlCtxtReadMemory)                                                        \
  X (xmlDocGetRootElement)                                                     \
  X (xmlFreeDoc)                                                               \
  X (xmlFreeParserCtxt)                                                        \
  X (xmlGetProp)                                                               \
  X (xmlNewParserCtxt)                                                         \
  X (xmlNodeGetContent)                                                        \
  X (xmlFreeTextReader)                                                        \
  X (xmlReaderForIO)                                                           \
  X (xmlReaderForMemory)                                                       \
  X (xmlTextReaderConstLocalName)                                              \
  X (xmlTextReaderExpand)                                                      \
  X (xmlTextReaderNext)                                                        \
  X (xmlTextReaderNodeType)                                                    \
  X (xmlTextReaderRead)                                                        \
  X (xmlTextReaderSetStructuredErrorHandler)                                   \
  X (xmlBufferContent)                                                         \
  X (xmlBufferCreate)                                                          \
  X (xmlBufferFree)                                                            \
  X (xmlOutputBufferCreateIO)                                                  \
  X (xmlFreeTextWriter)                                                        \
  X (xmlNewTextWriter)                                                         \
  X (xmlNewTextWriterMemory)                                                   \
  X (xmlTextWriterEndDocument)                                                 \
  X (xmlTextWriterEndElement)                                                  \
  X (xmlTextWriterFlush)                                                       \
  X (xmlTextWriterSetIndent)                                                   \
  X (xmlTextWriterStartDocument)                                               \
  X (xmlTextWriterStartElement)                                                \
  X (xmlTextWriterWriteAttribute)                                              \
  X (xmlTextWriterWriteElement)                                                \
  X (xmlTextWriterWriteFormatAttribute)                                        \
  X (xmlTextWriterWriteString)                                                 \
  X (xmlFree)

#define TEEMA_LIBXML_FIELD(name) __typeof__ (name) *f_##name;
typedef struct {
  TEEMA_LIBXML_FUNCTIONS (TEEMA_LIBXML_FIELD)
} TeemaLibxml;
#undef TEEMA_LIBXML_FIELD

/* The table, filled by teema_libxml__load. */
extern TeemaLibxml teema_libxml;

/* Opens libxml2 once (thread-safe); FALSE with an error naming the
 * package to install when it cannot be opened or lacks a function. */
gboolean teema_libxml__load (GError **error);

#ifndef TEEMA_LIBXML_LOADER /* libxml.c looks the functions up by name */
/* clang-format off */
#define xmlCtxtGetLastError teema_libxml.f_xmlCtxtGetLastError
#define xmlCtxtReadMemory teema_libxml.f_xmlCtxtReadMemory
#define xmlDocGetRootElement teema_libxml.f_xmlDocGetRootElement
#define xmlFreeDoc teema_libxml.f_xmlFreeDoc
#define xmlFreeParserCtxt teema_libxml.f_xmlFreeParserCtxt
#define xmlGetProp teema_libxml.f_xmlGetProp
#define xmlNewParserCtxt teema_libxml.f_xmlNewParserCtxt
#define xmlNodeGetContent teema_libxml.f_xmlNodeGetContent
#define xmlFreeTextReader teema_libxml.f_xmlFreeTextReader
#define xmlReaderForIO teema_libxml.f_xmlReaderForIO
#define xmlReaderForMemory teema_libxml.f_xmlReaderForMemory
#define xmlTextReaderConstLocalName teema_libxml.f_xmlTextReaderConstLocalName
#define xmlTextReaderExpand teema_libxml.f_xmlTextReaderExpand
#define xmlTextReaderNext teema_libxml.f_xmlTextReaderNext
#define xmlTextReaderNodeType teema_libxml.f_xmlTextReaderNodeType
#define xmlTextReaderRead teema_libxml.f_xmlTextReaderRead
#define xmlTextReaderSetStructuredErrorHandler teema_libxml.f_xmlTextReaderSetStructuredErrorHandler
#define xmlBufferContent teema_libxml.f_xmlBufferContent
#define xmlBufferCreate teema_libxml.f_xmlBufferCreate
#define xmlBufferFree teema_libxml.f_xmlBufferFree
#define xmlOutputBufferCreateIO teema_libxml.f_xmlOutputBufferCreateIO
#define xmlFreeTextWriter teema_libxml.f_xmlFreeTextWriter
#define xmlNewTextWriter teema_libxml.f_xmlNewTextWriter
#define xmlNewTextWriterMemory teema_libxml.f_xmlNewTextWriterMemory
#define xmlTextWriterEndDocument teema_libxml.f_xmlTextWriterEndDocument
#define xmlTextWriterEndElement teema_libxml.f_xmlTextWriterEndElement
#define xmlTextWriterFlush teema_libxml.f_xmlTextWriterFlush
#define xmlTextWriterSetIndent teema_libxml.f_xmlTextWriterSetIndent
#define xmlTextWriterStartDocument teema_libxml.f_xmlTextWriterStartDocument
#define xmlTextWriterStartElement teema_libxml.f_xmlTextWriterStartElement
#define xmlTextWriterWriteAttribute teema_libxml.f_xmlTextWriterWriteAttribute
#define xmlTextWriterWriteElement teema_libxml.f_xmlTextWriterWriteElement
#define xmlTextWriterWriteFormatAttribute teema_libxml.f_xmlTextWriterWriteFormatAttribute
#define xmlTextWriterWriteString teema_libxml.f_xmlTextWriterWriteString
#define xmlFree (*teema_libxml.f_xmlFree)
/* clang-format on */
#endif

#endif
