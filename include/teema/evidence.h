/* teema/evidence.h — learning a codebook's evidence from hand coding.
 *
 * Keyword rules find a theme where its words are said; a researcher also
 * codes what is meant without them. Evidence (teema/codebook.h) weighs
 * every word of a segment for and against a theme, with the rules' own
 * verdict as one more piece of evidence. teema_evidence_learn fits those
 * weights to hand-coded rows (development sets) by logistic regression:
 * a segment is coded when the weighed odds favour the theme. The weights
 * are plain lines of the codebook, so a researcher can read which words
 * count, and the same codebook codes the same way everywhere. */
#ifndef TEEMA_EVIDENCE_H
#define TEEMA_EVIDENCE_H

#include <glib.h>
#include <teema/codebook.h>
#include <teema/project.h>
#include <teema/table.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct {
  const char *const *themes; /* the themes to learn (ids or labels), NULL-
                                terminated; NULL: every theme without
                                sub-themes coded in at least min_coded rows */
  guint min_coded;           /* 0: 10 */
  double min_weight;         /* terms weighing less, either way, are left
                                out of the codebook; 0: 0.5 */
  guint epochs;              /* passes over the rows; 0: 15 */
  double l2;                 /* weight decay; 0: 0.001 */
  const char *lang;          /* analyser language; NULL: the codebook's */
  gboolean force_snowball;   /* Snowball stems instead of Voikko */
} TeemaLearnOptions;

/* Learns evidence for codebook's themes from the hand-coded rows of the
 * development sets paths (NULL-terminated; TSV as teema_evaluate_devset
 * reads). Returns a copy of codebook whose learned themes have the new
 * evidence (their old evidence replaced; other themes as they were).
 * A theme's rules are the rules as written, without any evidence.
 *
 * *report (may be NULL) gets a table per learned theme: the rows coded
 * with it, the terms kept and, when there are two or more files, the F1
 * of the rules alone and of the rules with evidence on each file when
 * learning from the others (every file left out once, counts pooled), so
 * that the gain is measured on rows the weights did not see.
 *
 * Learning is deterministic: the same rows give the same weights. Fails
 * as teema_evaluate_devset does for a bad file, and with
 * TEEMA_ERROR_NOT_FOUND for an unknown theme or when no theme has enough
 * coded rows. */
TeemaCodebook *teema_evidence_learn (const TeemaCodebook *codebook,
                                     const char *const *paths,
                                     const TeemaLearnOptions *options,
                                     TeemaTable **report, GError **error);

/* As teema_evidence_learn, from a project's hand coding: the rows are
 * the informant segments of every interview (document) coder coded any
 * segment of, with the themes coder gave them (a segment left uncoded
 * there has none: coding is done interview by interview), each interview
 * a file for the report. coder "rules" is refused (TEEMA_ERROR_FAILED); a
 * coder without codings is TEEMA_ERROR_NOT_FOUND. Themes coded that
 * codebook lacks are ignored. */
TeemaCodebook *teema_evidence_learn_coder (TeemaProject *project,
                                           const TeemaCodebook *codebook,
                                           const char *coder,
                                           const TeemaLearnOptions *options,
                                           TeemaTable **report, GError **error);

/* The codebook file text source with the evidence lines of each theme of
 * codebook that has evidence put in place of the ones source has: after
 * the theme's last field, comments and everything else left as they
 * were. For writing learned evidence back into a commented codebook. A
 * theme of codebook that source lacks: NULL with TEEMA_ERROR_NOT_FOUND. */
char *teema_evidence_rewrite (const char *source, const TeemaCodebook *codebook,
                              GError **error);

#ifdef __cplusplus
}
#endif

#endif
