/* teema/stats.h — the statistics behind group comparison: Fisher's exact
 * test on a 2×2 table and the log-likelihood (G²) keyness statistic.
 *
 * Pure functions of raw counts, so that tests can feed published examples.
 * They never fail: degenerate input (an empty table, an empty corpus) gives
 * the neutral value documented on each function. */
#ifndef TEEMA_STATS_H
#define TEEMA_STATS_H

#include <glib.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Two-sided p of Fisher's exact test on the table
 *
 *     a  b
 *     c  d
 *
 * conditioned on its margins: the sum of the hypergeometric probabilities
 * of all tables no more probable than the observed one (as R's fisher.test,
 * with a relative tolerance of 1e-7). Returns 1.0 when a margin is zero. */
double teema_stats_fisher_exact_2x2 (guint64 a, guint64 b, guint64 c,
                                     guint64 d);

/* Log-likelihood G² (Rayson & Garside 2000) of a word occurring freq1 times
 * in a corpus of size1 words and freq2 times in one of size2:
 * 2 Σ O ln (O / E) with E the frequency expected from the pooled rate, and
 * 0 ln 0 = 0. Returns 0.0 when both sizes or both frequencies are zero. */
double teema_stats_log_likelihood_g2 (guint64 freq1, guint64 size1,
                                      guint64 freq2, guint64 size2);

/* Hardie's log ratio: log2 of the relative frequency in corpus 1 over that
 * in corpus 2, a zero frequency counted as 0.5 so the value stays finite.
 * Positive when the word is relatively more frequent in corpus 1. */
double teema_stats_log_ratio (guint64 freq1, guint64 size1, guint64 freq2,
                              guint64 size2);

/* p of a chi-squared statistic with one degree of freedom (for G²). */
double teema_stats_chi2_p_1df (double statistic);

#ifdef __cplusplus
}
#endif

#endif
