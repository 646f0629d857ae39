/* formats/doc-private.h — documents written as they are made: a title,
 * then blocks (headings, paragraphs in named styles made of runs) handed
 * one at a time to a writer for Markdown, LaTeX or HTML (doc.c), DOCX
 * (docx-write.c) or ODT (odt-write.c), which writes each into a sink and
 * forgets it.
 *
 * Reports make the blocks (reports/quote-doc.c) and formats write them,
 * so no report knows a file format and no writer knows what a quote is;
 * memory holds one block, never the document. Every paragraph style is
 * defined once in the written document (DOCX styles.xml, ODT styles.xml,
 * a LaTeX environment, a CSS rule), so that a user restyles all quotes by
 * changing one style. */
#ifndef TEEMA_DOC_PRIVATE_H
#define TEEMA_DOC_PRIVATE_H

#include "base/base-private.h"

#include <teema/quotes.h>

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
  const char *text; /* borrowed: a block lives until it is written */
  guint flags;      /* TEEMA_RUN_* */
} TeemaRun;

#define TEEMA_BLOCK_RUNS 8

/* A block on the caller's stack: { style, level }, then runs added. */
typedef struct {
  TeemaParaStyle style;
  guint level; /* headings: 1 (below the title), 2, 3 (deeper: 3) */
  guint n_runs;
  TeemaRun runs[TEEMA_BLOCK_RUNS];
} TeemaBlock;

/* Appends a run of text (borrowed, not copied) to b. */
void teema_block__add (TeemaBlock *b, const char *text, guint flags);

typedef struct TeemaDocWriter TeemaDocWriter;

/* A writer of format whose bytes go to write (with user_data) in order.
 * Nothing is written before teema_doc__begin. */
TeemaDocWriter *teema_doc__writer_new (TeemaDocFormat format,
                                       TeemaOutputFunc write,
                                       gpointer user_data);
/* Frees the writer; an unfinished one has written an incomplete
 * document. */
void teema_doc__writer_free (TeemaDocWriter *writer);
/* Writes what comes before the first block: a preamble, the title (or
 * none), the document language ("fi", else "en") where the format keeps
 * it. */
gboolean teema_doc__begin (TeemaDocWriter *writer, const char *title,
                           const char *lang, GError **error);
/* Writes one block; b may be reused once this returns. */
gboolean teema_doc__block (TeemaDocWriter *writer, const TeemaBlock *b,
                           GError **error);
/* Writes the end of the document (and, for DOCX and ODT, the rest of the
 * archive). Each step fails with the sink's error once the sink refuses;
 * after a failure the writer only frees. */
gboolean teema_doc__end (TeemaDocWriter *writer, GError **error);

/* ---- what a format's writer is made of ------------------------------ */

struct TeemaDocWriter {
  TeemaDocFormat format;
  TeemaOutputFunc write; /* the sink */
  gpointer user_data;
  char *title;    /* NULL: none */
  char *lang;     /* "fi" or "en" */
  GString *text;  /* text formats: the last bytes written, then the block
                     being made */
  gpointer state; /* DOCX and ODT: their archive and XML writer */
  gboolean failed;
};

/* The office formats; state is theirs, freed by __free. */
gboolean teema_docx__begin (TeemaDocWriter *w, GError **error);
gboolean teema_docx__block (TeemaDocWriter *w, const TeemaBlock *b,
                            GError **error);
gboolean teema_docx__end (TeemaDocWriter *w, GError **error);
void teema_docx__free (TeemaDocWriter *w);
gboolean teema_odt__begin (TeemaDocWriter *w, GError **error);
gboolean teema_odt__block (TeemaDocWriter *w, const TeemaBlock *b,
                           GError **error);
gboolean teema_odt__end (TeemaDocWriter *w, GError **error);
void teema_odt__free (TeemaDocWriter *w);

/* The heading level a writer uses: 1..3. */
static inline guint
teema_doc__level (const TeemaBlock *b)
{
  return b->level < 1 ? 1 : b->level > 3 ? 3 : b->level;
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TeemaDocWriter, teema_doc__writer_free)

#endif
