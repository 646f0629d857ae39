/* teema/agreement.h — inter-coder agreement with the segment as unit.
 *
 * The statistics are pure functions over reliability data: a matrix of
 * n_coders rows by n_units columns (row-major), each cell a nominal
 * category (any value >= 0) or TEEMA_AGREEMENT_MISSING when that coder did
 * not judge that unit. A statistic that is undefined for the data (no
 * pairable values, or no variation at all) is NAN.
 *
 * On a project every theme is a binary variable per segment (coded or not
 * coded by the coder); "overall" pools every (segment, theme) decision. */
#ifndef TEEMA_AGREEMENT_H
#define TEEMA_AGREEMENT_H

#include <glib.h>
#include <teema/project.h>
#include <teema/table.h>

#ifdef __cplusplus
extern "C" {
#endif

#define TEEMA_AGREEMENT_MISSING (-1)

/* Share of agreeing pairs among all pairs of values within units (for two
 * coders without missing data: the share of units they agree on). */
double teema_agreement_percent (const int *data, guint n_coders, guint n_units);

/* Cohen's kappa of two coders' values a and b over n_units; units where
 * either value is missing are left out. */
double teema_agreement_cohen_kappa (const int *a, const int *b, guint n_units);

/* Krippendorff's alpha for nominal data, any number of coders, missing
 * values allowed (units with fewer than two values are not pairable). */
double teema_agreement_krippendorff_alpha (const int *data, guint n_coders,
                                           guint n_units);

typedef struct {
  gboolean all_segments; /* every informant segment is a unit, every coder
                            judged it; default: only segments of documents
                            some coder coded, a coder's value missing in
                            documents that coder never coded */
} TeemaAgreementOptions;

/* Per theme and overall: units, codings per coder, percent agreement,
 * Cohen's kappa (two coders only) and Krippendorff's alpha. coders is a
 * NULL-terminated list of at least two names. Unknown coder (one with no
 * codings): TEEMA_ERROR_NOT_FOUND. */
TeemaTable *teema_agreement_report (TeemaProject *project,
                                    const char *const *coders,
                                    const TeemaAgreementOptions *options,
                                    GError **error);

/* The (segment, theme) decisions the coders disagree on, to adjudicate:
 * segment, informant, document, position, theme, one column per coder
 * ("yes", "no" or "-" for missing) and the segment's text. */
TeemaTable *teema_agreement_disagreements (TeemaProject *project,
                                           const char *const *coders,
                                           const TeemaAgreementOptions *options,
                                           GError **error);

#ifdef __cplusplus
}
#endif

#endif
