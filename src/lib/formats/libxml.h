/* formats/libxml.h — libxml2, opened when XML is first read or written.
 *
 * Only importing and exporting documents and projects (DOCX, ODT,
 * REFI-QDA) touch XML; linked, libxml2 and the ICU it pulls in would be
 * mapped and relocated by every command at start-up (some 3.5 ms of 15).
 * So the library is opened on first use and its functions are called
 * through a table. Every libxml2 call of refi/ and formats/ goes through
 * the names below, each of which makes sure the library is open first
 * (teema_libxml__require: after the first call, one atomic read), so no
 * call can come before the library is there, whichever function a
 * command reaches first.
 * Include this instead of libxml2's headers. */
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

/* The table, filled by teema_libxml__require. */
extern TeemaLibxml teema_libxml;

/* Opens libxml2 once (thread-safe). Without it (a broken installation:
 * the package is a dependency) no document can be read or written, so
 * teema stops with a message naming the package, as it did when libxml2
 * was linked and missing. */
void teema_libxml__require (void);

#ifndef TEEMA_LIBXML_LOADER /* libxml.c looks the functions up by name */
/* clang-format off */
#define xmlCtxtGetLastError(...) \
  (teema_libxml__require (), teema_libxml.f_xmlCtxtGetLastError (__VA_ARGS__))
#define xmlCtxtReadMemory(...) \
  (teema_libxml__require (), teema_libxml.f_xmlCtxtReadMemory (__VA_ARGS__))
#define xmlDocGetRootElement(...) \
  (teema_libxml__require (), teema_libxml.f_xmlDocGetRootElement (__VA_ARGS__))
#define xmlFreeDoc(...) \
  (teema_libxml__require (), teema_libxml.f_xmlFreeDoc (__VA_ARGS__))
#define xmlFreeParserCtxt(...) \
  (teema_libxml__require (), teema_libxml.f_xmlFreeParserCtxt (__VA_ARGS__))
#define xmlGetProp(...) \
  (teema_libxml__require (), teema_libxml.f_xmlGetProp (__VA_ARGS__))
#define xmlNewParserCtxt(...) \
  (teema_libxml__require (), teema_libxml.f_xmlNewParserCtxt (__VA_ARGS__))
#define xmlNodeGetContent(...) \
  (teema_libxml__require (), teema_libxml.f_xmlNodeGetContent (__VA_ARGS__))
#define xmlFreeTextReader(...) \
  (teema_libxml__require (), teema_libxml.f_xmlFreeTextReader (__VA_ARGS__))
#define xmlReaderForIO(...) \
  (teema_libxml__require (), teema_libxml.f_xmlReaderForIO (__VA_ARGS__))
#define xmlReaderForMemory(...) \
  (teema_libxml__require (), teema_libxml.f_xmlReaderForMemory (__VA_ARGS__))
#define xmlTextReaderConstLocalName(...) \
  (teema_libxml__require (), teema_libxml.f_xmlTextReaderConstLocalName (__VA_ARGS__))
#define xmlTextReaderExpand(...) \
  (teema_libxml__require (), teema_libxml.f_xmlTextReaderExpand (__VA_ARGS__))
#define xmlTextReaderNext(...) \
  (teema_libxml__require (), teema_libxml.f_xmlTextReaderNext (__VA_ARGS__))
#define xmlTextReaderNodeType(...) \
  (teema_libxml__require (), teema_libxml.f_xmlTextReaderNodeType (__VA_ARGS__))
#define xmlTextReaderRead(...) \
  (teema_libxml__require (), teema_libxml.f_xmlTextReaderRead (__VA_ARGS__))
#define xmlTextReaderSetStructuredErrorHandler(...) \
  (teema_libxml__require (), teema_libxml.f_xmlTextReaderSetStructuredErrorHandler (__VA_ARGS__))
#define xmlBufferContent(...) \
  (teema_libxml__require (), teema_libxml.f_xmlBufferContent (__VA_ARGS__))
#define xmlBufferCreate(...) \
  (teema_libxml__require (), teema_libxml.f_xmlBufferCreate (__VA_ARGS__))
#define xmlBufferFree(...) \
  (teema_libxml__require (), teema_libxml.f_xmlBufferFree (__VA_ARGS__))
#define xmlOutputBufferCreateIO(...) \
  (teema_libxml__require (), teema_libxml.f_xmlOutputBufferCreateIO (__VA_ARGS__))
#define xmlFreeTextWriter(...) \
  (teema_libxml__require (), teema_libxml.f_xmlFreeTextWriter (__VA_ARGS__))
#define xmlNewTextWriter(...) \
  (teema_libxml__require (), teema_libxml.f_xmlNewTextWriter (__VA_ARGS__))
#define xmlNewTextWriterMemory(...) \
  (teema_libxml__require (), teema_libxml.f_xmlNewTextWriterMemory (__VA_ARGS__))
#define xmlTextWriterEndDocument(...) \
  (teema_libxml__require (), teema_libxml.f_xmlTextWriterEndDocument (__VA_ARGS__))
#define xmlTextWriterEndElement(...) \
  (teema_libxml__require (), teema_libxml.f_xmlTextWriterEndElement (__VA_ARGS__))
#define xmlTextWriterFlush(...) \
  (teema_libxml__require (), teema_libxml.f_xmlTextWriterFlush (__VA_ARGS__))
#define xmlTextWriterSetIndent(...) \
  (teema_libxml__require (), teema_libxml.f_xmlTextWriterSetIndent (__VA_ARGS__))
#define xmlTextWriterStartDocument(...) \
  (teema_libxml__require (), teema_libxml.f_xmlTextWriterStartDocument (__VA_ARGS__))
#define xmlTextWriterStartElement(...) \
  (teema_libxml__require (), teema_libxml.f_xmlTextWriterStartElement (__VA_ARGS__))
#define xmlTextWriterWriteAttribute(...) \
  (teema_libxml__require (), teema_libxml.f_xmlTextWriterWriteAttribute (__VA_ARGS__))
#define xmlTextWriterWriteElement(...) \
  (teema_libxml__require (), teema_libxml.f_xmlTextWriterWriteElement (__VA_ARGS__))
#define xmlTextWriterWriteFormatAttribute(...) \
  (teema_libxml__require (), teema_libxml.f_xmlTextWriterWriteFormatAttribute (__VA_ARGS__))
#define xmlTextWriterWriteString(...) \
  (teema_libxml__require (), teema_libxml.f_xmlTextWriterWriteString (__VA_ARGS__))
#define xmlFree(p) \
  (teema_libxml__require (), (*teema_libxml.f_xmlFree) (p))
/* clang-format on */
#endif

#endif
