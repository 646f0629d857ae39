/* teema/highlight.h — where the codebook's rules hit in a segment's text,
 * for showing a coder why a theme is suggested.
 *
 * Highlights come from the same compiled codebook and analyser as
 * autocode, so what is highlighted is exactly what the rules code. */
#ifndef TEEMA_HIGHLIGHT_H
#define TEEMA_HIGHLIGHT_H

#include <glib.h>
#include <teema/project.h>
#include <teema/segment.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Where the codebook's rules hit in a segment's text. */
typedef struct {
  guint start, end;  /* code points into the segment's text */
  const char *theme; /* theme code, owned by the highlighter */
} TeemaHighlight;

typedef struct TeemaHighlighter TeemaHighlighter;

/* Compiles the project's codebook with the project's analyser once.
 * No codebook: TEEMA_ERROR_NO_CODEBOOK. */
TeemaHighlighter *teema_highlighter_new (TeemaProject *project, GError **error);
void teema_highlighter_free (TeemaHighlighter *highlighter);
/* Hits of every theme's rules in segment->text, ordered by start
 * (TeemaHighlight); never NULL. */
GArray *teema_highlighter_hits (TeemaHighlighter *highlighter,
                                const TeemaSegment *segment);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TeemaHighlighter, teema_highlighter_free)

#ifdef __cplusplus
}
#endif

#endif
