/* teema/evaluate.h — how well rules code, against hand coding.
 *
 * Precision, recall and F1 per theme with the segment as unit, plus micro
 * (all decisions pooled) and macro (mean over themes) rows. A theme with
 * scope: sentence predicts a unit when it codes any sentence of it. */
#ifndef TEEMA_EVALUATE_H
#define TEEMA_EVALUATE_H

#include <glib.h>
#include <teema/codebook.h>
#include <teema/project.h>
#include <teema/table.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct {
  const char *lang;        /* analyser language; NULL: the codebook's */
  gboolean force_snowball; /* Snowball stems instead of Voikko */
  gboolean leaves_only;    /* score only themes without children */
  gboolean errors;         /* list false positives and negatives instead
                              of scores (columns unit, theme, error, text) */
  gboolean why;            /* instead of scores, the errors of each leaf
                              theme grouped by cause (columns theme, error,
                              n, cause, units): a miss has no rule word, an
                              exclusion blocked the words, no whole rule
                              matched, or (below scope) a rule of a theme
                              with scope: sentence matched the unit but no
                              single sentence; a false coding names the
                              rule, the term and the words that fired */
} TeemaEvaluateOptions;

/* Scores codebook's rules on a development set: a TSV file whose header
 * names its columns, e.g. "id group speaker themes text reason". The
 * columns id, themes (comma-separated theme ids or "-") and text are
 * needed and found by name; any other (group, speaker, a coder's reason)
 * is read past. Every row has the header's number of fields; a text in
 * the last column may hold tabs. Fails with TEEMA_ERROR_PARSE naming the
 * line for a header without those columns, a malformed row or an unknown
 * theme. */
TeemaTable *teema_evaluate_devset (const TeemaCodebook *codebook,
                                   const char *path,
                                   const TeemaEvaluateOptions *options,
                                   GError **error);

/* Scores coder test (e.g. "rules") against coder gold in the project,
 * over the informant segments that gold coded at all or, when
 * all_segments, every informant segment. */
TeemaTable *teema_evaluate_coders (TeemaProject *project, const char *gold,
                                   const char *test, gboolean all_segments,
                                   GError **error);

#ifdef __cplusplus
}
#endif

#endif
