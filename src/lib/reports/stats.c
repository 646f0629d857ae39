/* stats.c — Fisher's exact test on 2×2 tables and the G² / log-ratio
 * keyness statistics.
 *
 * Fisher: the probability of each table with the observed margins is
 * hypergeometric, computed from log-factorials (lgamma) so that it neither
 * overflows nor loses precision for the counts interviews produce. The
 * two-sided p sums the tables no more probable than the observed one, the
 * comparison made with a relative tolerance so that tables equal in exact
 * arithmetic are not split by rounding. Must always hold: 0 <= p <= 1 and
 * the observed table's own probability is always included. */
#include <math.h>
#include <teema/stats.h>

/* Relative tolerance of R's fisher.test (1 + 1e-7). */
#define FISHER_TOLERANCE (1.0 + 1e-7)

static double
log_factorial (guint64 n)
{
  return lgamma ((double) n + 1.0);
}

static double
log_choose (guint64 n, guint64 k)
{
  return log_factorial (n) - log_factorial (k) - log_factorial (n - k);
}

/* log P(X = x) for the top-left cell given row sums r1, r2 and first
 * column sum c1. */
static double
log_hypergeometric (guint64 x, guint64 r1, guint64 r2, guint64 c1)
{
  return log_choose (r1, x) + log_choose (r2, c1 - x)
         - log_choose (r1 + r2, c1);
}

double
teema_stats_fisher_exact_2x2 (guint64 a, guint64 b, guint64 c, guint64 d)
{
  guint64 r1 = a + b, r2 = c + d, c1 = a + c, c2 = b + d;
  if (r1 == 0 || r2 == 0 || c1 == 0 || c2 == 0)
    return 1.0;
  guint64 lo = c1 > r2 ? c1 - r2 : 0;
  guint64 hi = MIN (r1, c1);
  double observed = log_hypergeometric (a, r1, r2, c1);
  double limit = observed + log (FISHER_TOLERANCE);
  double p = 0.0;
  for (guint64 x = lo; x <= hi; x++) {
    double lp = log_hypergeometric (x, r1, r2, c1);
    if (lp <= limit)
      p += exp (lp);
  }
  return MIN (p, 1.0);
}

static double
o_ln_o_over_e (double observed, double expected)
{
  return observed > 0.0 ? observed * log (observed / expected) : 0.0;
}

double
teema_stats_log_likelihood_g2 (guint64 freq1, guint64 size1, guint64 freq2,
                               guint64 size2)
{
  double total = (double) size1 + (double) size2;
  double freq = (double) freq1 + (double) freq2;
  if (total <= 0.0 || freq <= 0.0)
    return 0.0;
  double e1 = (double) size1 * freq / total;
  double e2 = (double) size2 * freq / total;
  return 2.0
         * (o_ln_o_over_e ((double) freq1, e1)
            + o_ln_o_over_e ((double) freq2, e2));
}

double
teema_stats_log_ratio (guint64 freq1, guint64 size1, guint64 freq2,
                       guint64 size2)
{
  if (size1 == 0 || size2 == 0)
    return 0.0;
  double f1 = freq1 ? (double) freq1 : 0.5;
  double f2 = freq2 ? (double) freq2 : 0.5;
  return log2 ((f1 / (double) size1) / (f2 / (double) size2));
}

double
teema_stats_chi2_p_1df (double statistic)
{
  if (statistic <= 0.0)
    return 1.0;
  return erfc (sqrt (statistic / 2.0));
}
