/* formats/doc-private.h — a small neutral document model (a title,
 * headings, paragraphs in named styles made of runs) and its writers:
 * Markdown, LaTeX and HTML (doc.c), DOCX (docx-write.c) and ODT
 * (odt-write.c).
 *
 * Reports build the model (reports/quote-doc.c) and formats write it, so
 * no report knows a file format and no writer knows what a quote is.
 * Every paragraph style is defined once in the written document (DOCX
 * styles.xml, ODT styles.xml, a LaTeX environment, a CSS rule), so that a
 * user restyles all quotes by changing one style. */
#ifndef TEEMA_DOC_PRIVATE_H
#define TEEMA_DOC_PRIVATE_H

#include "base/base-private.h"

typedef enum {
  TEEMA_PARA_BODY,    /* ordinary text */
  TEEMA_PARA_INTRO,   /* a theme's line "Mentioned by k of n informants" */
  TEEMA_PARA_QUOTE,   /* an interview quote: indented, in style "Quote" */
  TEEMA_PARA_HEADING, /* a heading; its level is in the block */
} TeemaParaStyle;

enum {
  TEEMA_RUN_LABEL = 1 << 0, /* the informant label "(H3)": character style
                               "Informant label" */
  TEEMA_RUN_EMPHASIS = 1 << 1,
};

typedef struct {
  char *text;
  guint flags; /* TEEMA_RUN_* */
} TeemaRun;

typedef struct {
  TeemaParaStyle style;
  guint level;  /* headings: 1, 2, 3 (deeper ones are written as 3) */
  GArray *runs; /* TeemaRun */
} TeemaBlock;

typedef struct {
  char *title;
  char *lang;        /* "fi" or "en": document language, for spelling */
  GPtrArray *blocks; /* TeemaBlock * */
} TeemaDoc;

TeemaDoc *teema_doc__new (const char *title, const char *lang);
void teema_doc__free (TeemaDoc *doc);
/* Appends a heading of level (1 = below the title). */
void teema_doc__heading (TeemaDoc *doc, guint level, const char *text);
/* Starts a paragraph in style; runs are then appended to it. */
void teema_doc__para (TeemaDoc *doc, TeemaParaStyle style);
void teema_doc__run (TeemaDoc *doc, const char *text, guint flags);

/* The text writers; each returns a new NUL-terminated string. */
char *teema_doc__markdown (const TeemaDoc *doc);
char *teema_doc__latex (const TeemaDoc *doc);
char *teema_doc__html (const TeemaDoc *doc);
/* The office writers: the whole file (a zip archive) in memory. */
GBytes *teema_doc__docx (const TeemaDoc *doc, GError **error);
GBytes *teema_doc__odt (const TeemaDoc *doc, GError **error);

/* The heading level a writer uses: 1..3. */
static inline guint
teema_doc__level (const TeemaBlock *b)
{
  return b->level < 1 ? 1 : b->level > 3 ? 3 : b->level;
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TeemaDoc, teema_doc__free)

#endif
