/* teema/cooccurrence.h — themes that code the same segments.
 *
 * Counts informant segments only (interviewer turns never count) and one
 * coder's codings (or every coder's, a segment counted once per theme).
 * Co-occurrence works on leaf themes: a segment coded only with a parent
 * theme says nothing about which of its children it shares. */
#ifndef TEEMA_COOCCURRENCE_H
#define TEEMA_COOCCURRENCE_H

#include <glib.h>
#include <teema/project.h>
#include <teema/table.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct {
  const char *coder; /* or NULL for all coders */
  const char *lang;  /* label language, "fi" or "en" (default "fi") */
  gboolean jaccard;  /* wide table: Jaccard index instead of counts */
  gboolean wide;     /* TRUE: a leaf theme × leaf theme matrix (diagonal:
                        the theme's own segments); FALSE: one row per
                        unordered pair, columns theme_a, theme_b,
                        segments, jaccard */
  const char *const *where; /* only informants meeting every condition
                               "attribute=value", or NULL */
} TeemaCooccurrenceOptions;

/* Segments coded with both themes of each pair of leaf themes. NULL with
 * TEEMA_ERROR_NO_CODEBOOK when the project has none. options may be NULL. */
TeemaTable *teema_report_cooccurrence (TeemaProject *project,
                                       const TeemaCooccurrenceOptions *options,
                                       GError **error);

#ifdef __cplusplus
}
#endif

#endif
