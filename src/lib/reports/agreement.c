/* agreement.c — percent agreement, Cohen's kappa and Krippendorff's alpha,
 * and their use on a project's codings with the segment as unit.
 *
 * The statistics take reliability data as plain int matrices so tests can
 * feed the published worked examples directly. Krippendorff's alpha follows
 * "Computing Krippendorff's Alpha-Reliability" (2011): a coincidence matrix
 * in which each unit with m >= 2 values contributes its m(m-1) ordered
 * pairs of values from different coders, each weighted 1/(m-1); then
 * alpha = 1 - (n-1) * sum_{c!=k} o_ck / sum_{c!=k} n_c n_k.
 * Must always hold: a statistic that the data cannot define is NAN, never a
 * made-up 0 or 1; missing values never count as a category. */
#include "reports/reports-private.h"

#include <math.h>
#include <string.h>

#define MISSING TEEMA_AGREEMENT_MISSING

/* Number of categories: one more than the largest value seen. */
static guint
n_categories (const int *data, gsize n)
{
  int max = -1;
  for (gsize i = 0; i < n; i++)
    max = MAX (max, data[i]);
  return (guint) (max + 1);
}

/* Counts of each category among unit u's values into counts[]. */
static guint
unit_counts (const int *data, guint n_coders, guint n_units, guint u,
             guint *counts, guint n_cat)
{
  memset (counts, 0, n_cat * sizeof (guint));
  guint m = 0;
  for (guint c = 0; c < n_coders; c++) {
    int v = data[(gsize) c * n_units + u];
    if (v != MISSING) {
      counts[v]++;
      m++;
    }
  }
  return m;
}

/* The statistics below weigh unit u by w[u] (1 when w is NULL): the
 * report gives each distinct pattern of values once, weighted by how many
 * units show it. */
#define WEIGHT(w, u) ((w) ? (w)[u] : 1.0)

static double
percent_weighted (const int *data, const double *w, guint n_coders,
                  guint n_units)
{
  guint n_cat = n_categories (data, (gsize) n_coders * n_units);
  g_autofree guint *counts = g_new0 (guint, MAX (n_cat, 1));
  double pairs = 0, agree = 0;
  for (guint u = 0; u < n_units; u++) {
    guint m = unit_counts (data, n_coders, n_units, u, counts, n_cat);
    if (m < 2)
      continue;
    pairs += WEIGHT (w, u) * m * (m - 1) / 2.0;
    for (guint k = 0; k < n_cat; k++)
      agree +=
        WEIGHT (w, u) * (double) counts[k] * ((double) counts[k] - 1) / 2.0;
  }
  return pairs > 0 ? agree / pairs : NAN;
}

double
teema_agreement_percent (const int *data, guint n_coders, guint n_units)
{
  return percent_weighted (data, NULL, n_coders, n_units);
}

static double
kappa_weighted (const int *a, const int *b, const double *w, guint n_units)
{
  guint n_cat = MAX (n_categories (a, n_units), n_categories (b, n_units));
  g_autofree double *pa = g_new0 (double, MAX (n_cat, 1));
  g_autofree double *pb = g_new0 (double, MAX (n_cat, 1));
  double n = 0, agree = 0;
  for (guint u = 0; u < n_units; u++) {
    if (a[u] == MISSING || b[u] == MISSING)
      continue;
    pa[a[u]] += WEIGHT (w, u);
    pb[b[u]] += WEIGHT (w, u);
    agree += a[u] == b[u] ? WEIGHT (w, u) : 0.0;
    n += WEIGHT (w, u);
  }
  if (n == 0)
    return NAN;
  double pe = 0;
  for (guint k = 0; k < n_cat; k++)
    pe += (pa[k] / n) * (pb[k] / n);
  double po = agree / n;
  return pe < 1.0 ? (po - pe) / (1.0 - pe) : NAN;
}

double
teema_agreement_cohen_kappa (const int *a, const int *b, guint n_units)
{
  return kappa_weighted (a, b, NULL, n_units);
}

static double
alpha_weighted (const int *data, const double *w, guint n_coders, guint n_units)
{
  guint n_cat = n_categories (data, (gsize) n_coders * n_units);
  g_autofree guint *counts = g_new0 (guint, MAX (n_cat, 1));
  g_autofree double *n_c = g_new0 (double, MAX (n_cat, 1));
  double disagree = 0; /* sum over c != k of o_ck */
  for (guint u = 0; u < n_units; u++) {
    guint m = unit_counts (data, n_coders, n_units, u, counts, n_cat);
    if (m < 2)
      continue;
    /* Ordered pairs with different values: m^2 - sum counts^2. */
    double same = 0;
    for (guint k = 0; k < n_cat; k++) {
      same += (double) counts[k] * counts[k];
      n_c[k] += WEIGHT (w, u) * counts[k];
    }
    disagree += WEIGHT (w, u) * ((double) m * m - same) / (m - 1);
  }
  double n = 0, sq = 0;
  for (guint k = 0; k < n_cat; k++) {
    n += n_c[k];
    sq += n_c[k] * n_c[k];
  }
  double expected = n * n - sq; /* sum over c != k of n_c n_k */
  if (n < 2 || expected <= 0)
    return NAN;
  return 1.0 - (n - 1) * disagree / expected;
}

double
teema_agreement_krippendorff_alpha (const int *data, guint n_coders,
                                    guint n_units)
{
  return alpha_weighted (data, NULL, n_coders, n_units);
}

/* ---- on a project ------------------------------------------------------ */

typedef struct {
  guint n_coders;
  TeemaProject *project;
  GArray *units;          /* TeemaStoreSegmentKey: the units, no text */
  TeemaCodebook *cb;      /* the project's codebook: the themes */
  TeemaCodingSet **coded; /* per coder, not rolled up */
  GHashTable **docs;      /* per coder: gint64 * document ids coded */
  guint8 *in_coded_doc;   /* per coder and unit (c * units + u): the
                             unit's document is one the coder coded */
  guint *n_codings;       /* per coder */
  gboolean all_segments;
} Reliability;

static void
reliability_clear (Reliability *r)
{
  for (guint c = 0; c < r->n_coders; c++) {
    if (r->coded && r->coded[c])
      teema_coding_set__free (r->coded[c]);
    if (r->docs && r->docs[c])
      g_hash_table_destroy (r->docs[c]);
  }
  g_free (r->coded);
  g_free (r->docs);
  g_free (r->in_coded_doc);
  g_free (r->n_codings);
  if (r->units)
    g_array_unref (r->units);
  if (r->cb)
    teema_codebook_free (r->cb);
}

/* Reads the codings of coders c and c + 1 (when there is one) in one
 * pass. A coder is compared on what it coded; for the rule coder that
 * includes what people rejected. */
static gboolean
read_coders (TeemaProject *project, Reliability *r, guint c,
             const char *const *coders, GError **error)
{
  TeemaCodingSetOptions so = { .coder = coders[c], .with_rejected = TRUE };
  if (c + 1 == r->n_coders) {
    r->coded[c] = teema_coding_set__new (project, &so, error);
    return r->coded[c] != NULL;
  }
  TeemaCodingSetOptions next = so;
  next.coder = coders[c + 1];
  return teema_coding_set__new_pair (project, &so, &next, &r->coded[c],
                                     &r->coded[c + 1], error);
}

/* The documents coder c coded and its number of codings. */
static gboolean
index_coder (Reliability *r, guint c, const char *coder, GError **error)
{
  r->docs[c] = g_hash_table_new (g_int64_hash, g_int64_equal);
  for (guint t = 0; t < teema_codebook_size (r->cb); t++) {
    guint n = 0;
    const TeemaCoded *rows = teema_coding_set__rows (r->coded[c], t, &n);
    for (guint i = 0; i < n; i++)
      g_hash_table_add (r->docs[c], (gpointer) &rows[i].document);
    r->n_codings[c] += n;
  }
  if (r->n_codings[c] == 0) {
    g_set_error (error, TEEMA_ERROR, TEEMA_ERROR_NOT_FOUND,
                 _ ("coder '%s' has no codings (see 'teema coding list')"),
                 coder);
    return FALSE;
  }
  return TRUE;
}

/* Keeps the segments that are units: all, or those in a coded document. */
static void
select_units (Reliability *r, GArray *segs)
{
  r->units = g_array_new (FALSE, FALSE, sizeof (TeemaStoreSegmentKey));
  for (guint i = 0; i < segs->len; i++) {
    const TeemaStoreSegmentKey *s =
      &g_array_index (segs, TeemaStoreSegmentKey, i);
    gboolean keep = r->all_segments;
    for (guint c = 0; !keep && c < r->n_coders; c++)
      keep = g_hash_table_contains (r->docs[c], &s->document);
    if (keep)
      g_array_append_val (r->units, *s);
  }
  /* Asked for every unit, theme and coder: looked up once per unit. */
  guint n = r->units->len;
  r->in_coded_doc = g_new0 (guint8, (gsize) r->n_coders * n + 1);
  for (guint c = 0; c < r->n_coders; c++)
    for (guint u = 0; u < n; u++)
      r->in_coded_doc[(gsize) c * n + u] = g_hash_table_contains (
        r->docs[c],
        &g_array_index (r->units, TeemaStoreSegmentKey, u).document);
}

static gboolean
reliability_load (TeemaProject *project, const char *const *coders,
                  const TeemaAgreementOptions *opt, Reliability *r,
                  GError **error)
{
  memset (r, 0, sizeof *r);
  r->n_coders = coders ? g_strv_length ((char **) coders) : 0;
  if (r->n_coders < 2) {
    g_set_error (error, TEEMA_ERROR, TEEMA_ERROR_FAILED,
                 _ ("agreement needs at least two coders (e.g. A,B)"));
    return FALSE;
  }
  r->all_segments = opt && opt->all_segments;
  r->project = project;
  r->coded = g_new0 (TeemaCodingSet *, r->n_coders);
  r->docs = g_new0 (GHashTable *, r->n_coders);
  r->n_codings = g_new0 (guint, r->n_coders);
  r->cb = teema_codebook_get (project, error);
  TeemaSegmentFilter sf = { 0 };
  g_autoptr (GArray) segs =
    r->cb ? teema_store__segment_keys_list (project->store, &sf, error) : NULL;
  if (!segs)
    return FALSE;
  for (guint c = 0; c < r->n_coders; c += 2)
    if (!read_coders (project, r, c, coders, error))
      return FALSE;
  for (guint c = 0; c < r->n_coders; c++)
    if (!index_coder (r, c, coders[c], error))
      return FALSE;
  select_units (r, segs);
  return TRUE;
}

/* Coder c's value on unit u for theme index t: 1, 0 or missing. */
static int
value_of (const Reliability *r, guint c, guint u, guint t)
{
  const TeemaStoreSegmentKey *s =
    &g_array_index (r->units, TeemaStoreSegmentKey, u);
  if (!r->all_segments && !r->in_coded_doc[(gsize) c * r->units->len + u])
    return MISSING;
  return teema_coding_set__has (r->coded[c], s->id, t) ? 1 : 0;
}

static void
add_stat (TeemaTable *t, double v)
{
  if (isnan (v))
    teema_table_add_text (t, "-");
  else
    teema_table_add_real (t, v, 3);
}

/* ---- reliability data as patterns -------------------------------------- */

/* A unit's values as one number: coder c's value (missing, no, yes) is its
 * base-3 digit c (0, 1, 2). Units with the same number count alike in
 * every statistic, so a theme's data is the numbers seen, each with how
 * many units show it: a handful of patterns, not units x coders values. */
#define MAX_CODERS 40 /* 3^40 < 2^64 */

static guint64
digit (guint c)
{
  guint64 d = 1;
  while (c--)
    d *= 3;
  return d;
}

/* patterns: guint64 * number -> double * units showing it */
static GHashTable *
patterns_new (void)
{
  return g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
}

static void
patterns_add (GHashTable *patterns, guint64 number, double units)
{
  double *w = g_hash_table_lookup (patterns, &number);
  if (!w) {
    w = g_new0 (double, 1);
    g_hash_table_insert (patterns, g_memdup2 (&number, sizeof number), w);
  }
  *w += units;
}

static void
patterns_add_all (GHashTable *to, GHashTable *from)
{
  GHashTableIter it;
  gpointer k, v;
  g_hash_table_iter_init (&it, from);
  while (g_hash_table_iter_next (&it, &k, &v))
    patterns_add (to, *(guint64 *) k, *(double *) v);
}

/* The statistics' row for the patterns: units pairable (two values or
 * more), each coder's yes count, percent agreement, kappa for two coders,
 * alpha. */
static void
add_row (TeemaTable *t, guint n_coders, const char *name, GHashTable *patterns)
{
  guint n = g_hash_table_size (patterns);
  g_autofree int *data = g_new0 (int, MAX ((gsize) n_coders * n, 1));
  g_autofree double *w = g_new0 (double, MAX (n, 1));
  g_autofree double *yes = g_new0 (double, n_coders);
  double pairable = 0;
  guint p = 0;
  GHashTableIter it;
  gpointer k, v;
  g_hash_table_iter_init (&it, patterns);
  while (g_hash_table_iter_next (&it, &k, &v)) {
    if (*(double *) v <= 0)
      continue;
    guint64 number = *(guint64 *) k;
    guint m = 0;
    for (guint c = 0; c < n_coders; c++, number /= 3) {
      int value = number % 3 == 0 ? MISSING : (int) (number % 3) - 1;
      data[(gsize) c * n + p] = value;
      m += value != MISSING;
      yes[c] += value == 1 ? *(double *) v : 0.0;
    }
    w[p] = *(double *) v;
    pairable += m >= 2 ? w[p] : 0.0;
    p++;
  }
  /* The matrix is n wide; p patterns are used (the others stay missing). */
  for (guint c = 0; c < n_coders; c++)
    for (guint q = p; q < n; q++)
      data[(gsize) c * n + q] = MISSING;
  GString *coded = g_string_new (NULL);
  for (guint c = 0; c < n_coders; c++)
    g_string_append_printf (coded, "%s%.0f", c ? "/" : "", yes[c]);
  teema_table_add_row (t);
  teema_table_add_text (t, name);
  teema_table_add_int (t, (gint64) pairable);
  teema_table_add_text (t, coded->str);
  add_stat (t, percent_weighted (data, w, n_coders, n));
  if (n_coders == 2)
    add_stat (t, kappa_weighted (data, data + n, w, n));
  add_stat (t, alpha_weighted (data, w, n_coders, n));
  g_string_free (coded, TRUE);
}

/* Each unit's number when no coder has coded it (no where the coder coded
 * the unit's document or all segments count, else missing), and the
 * patterns of those numbers. */
static GHashTable *
uncoded_patterns (const Reliability *r, guint64 *numbers)
{
  GHashTable *patterns = patterns_new ();
  guint n = r->units->len;
  for (guint u = 0; u < n; u++) {
    numbers[u] = 0;
    for (guint c = 0; c < r->n_coders; c++)
      if (r->all_segments || r->in_coded_doc[(gsize) c * n + u])
        numbers[u] += digit (c);
    patterns_add (patterns, numbers[u], 1);
  }
  return patterns;
}

/* Theme t's patterns: those of the uncoded units, with each unit a coder
 * coded moved to its number (the coder's digit no -> yes). at: segment id
 * -> unit + 1; coded: scratch, a number per unit, all 0. */
static GHashTable *
theme_patterns (const Reliability *r, guint t, GHashTable *uncoded,
                const guint64 *numbers, GHashTable *at, guint64 *coded,
                GArray *touched)
{
  g_array_set_size (touched, 0);
  for (guint c = 0; c < r->n_coders; c++) {
    guint n_rows = 0;
    const TeemaCoded *rows = teema_coding_set__rows (r->coded[c], t, &n_rows);
    for (guint i = 0; i < n_rows; i++) {
      guint u = GPOINTER_TO_UINT (g_hash_table_lookup (at, &rows[i].segment));
      if (!u--)
        continue; /* not a unit */
      if (!coded[u])
        g_array_append_val (touched, u);
      coded[u] += digit (c);
    }
  }
  GHashTable *patterns = patterns_new ();
  patterns_add_all (patterns, uncoded);
  for (guint i = 0; i < touched->len; i++) {
    guint u = g_array_index (touched, guint, i);
    patterns_add (patterns, numbers[u], -1);
    patterns_add (patterns, numbers[u] + coded[u], 1);
    coded[u] = 0;
  }
  return patterns;
}

static TeemaTable *
agreement_table (const Reliability *r, const char *const *coders)
{
  g_autofree char *names = g_strjoinv ("/", (char **) coders);
  g_autofree char *title = g_strdup_printf (_ ("Agreement of %s"), names);
  TeemaTable *t = teema_table_new (title);
  teema_table_add_column_heading (t, "theme", C_ ("heading", "theme"),
                                  TEEMA_COLUMN_TEXT);
  teema_table_add_column_heading (t, "units", C_ ("heading", "units"),
                                  TEEMA_COLUMN_INT);
  g_autofree char *coded = g_strdup_printf ("coded %s", names);
  g_autofree char *coded_heading = g_strdup_printf (_ ("coded %s"), names);
  teema_table_add_column_heading (t, coded, coded_heading, TEEMA_COLUMN_TEXT);
  teema_table_add_column_heading (t, "agreement", C_ ("heading", "agreement"),
                                  TEEMA_COLUMN_REAL);
  if (r->n_coders == 2)
    teema_table_add_column_heading (t, "kappa", C_ ("heading", "kappa"),
                                    TEEMA_COLUMN_REAL);
  teema_table_add_column_heading (t, "alpha", C_ ("heading", "alpha"),
                                  TEEMA_COLUMN_REAL);
  return t;
}

TeemaTable *
teema_agreement_report (TeemaProject *project, const char *const *coders,
                        const TeemaAgreementOptions *options, GError **error)
{
  Reliability r;
  if (!reliability_load (project, coders, options, &r, error)) {
    reliability_clear (&r);
    return NULL;
  }
  if (r.n_coders > MAX_CODERS) {
    g_set_error (error, TEEMA_ERROR, TEEMA_ERROR_FAILED,
                 _ ("agreement compares at most %d coders at a time"),
                 MAX_CODERS);
    reliability_clear (&r);
    return NULL;
  }
  const TeemaCodebook *cb = r.cb;
  guint n_units = r.units->len, n_themes = teema_codebook_size (cb);
  g_autofree guint64 *numbers = g_new0 (guint64, MAX (n_units, 1));
  g_autofree guint64 *coded = g_new0 (guint64, MAX (n_units, 1));
  g_autoptr (GHashTable) uncoded = uncoded_patterns (&r, numbers);
  g_autoptr (GHashTable) overall = patterns_new ();
  g_autoptr (GHashTable) at = g_hash_table_new (g_int64_hash, g_int64_equal);
  for (guint u = 0; u < n_units; u++)
    g_hash_table_insert (at,
                         &g_array_index (r.units, TeemaStoreSegmentKey, u).id,
                         GUINT_TO_POINTER (u + 1));
  g_autoptr (GArray) touched = g_array_new (FALSE, FALSE, sizeof (guint));
  TeemaTable *t = agreement_table (&r, coders);
  for (guint i = 0; i < n_themes; i++) {
    g_autoptr (GHashTable) patterns =
      theme_patterns (&r, i, uncoded, numbers, at, coded, touched);
    add_row (t, r.n_coders, teema_codebook_theme (cb, i)->code, patterns);
    patterns_add_all (overall, patterns);
  }
  add_row (t, r.n_coders, "(overall)", overall);
  g_autofree char *note = g_strdup_printf (
    _ ("%u segments as units; each theme coded or not per segment; overall "
       "pools every segment x theme decision"),
    n_units);
  teema_table_add_note (t, note);
  reliability_clear (&r);
  return t;
}

/* One disagreement row; the segment (with its text) is read now, so only
 * the segments shown are read whole. */
static gboolean
add_disagreement (TeemaTable *t, const Reliability *r, guint u,
                  const char *theme, const int *values, GError **error)
{
  g_autoptr (TeemaSegment) s = teema_store__get_segment (
    r->project->store, g_array_index (r->units, TeemaStoreSegmentKey, u).id,
    error);
  if (!s)
    return FALSE;
  teema_table_add_row (t);
  teema_table_add_int (t, s->id);
  teema_table_add_text (t, s->informant);
  teema_table_add_text (t, s->document);
  teema_table_add_int (t, s->ordinal);
  teema_table_add_text (t, theme);
  for (guint c = 0; c < r->n_coders; c++)
    teema_table_add_text (t, values[c] == MISSING ? "-"
                             : values[c]          ? "yes"
                                                  : "no");
  g_strdelimit (s->text, "\n\t\r", ' ');
  teema_table_add_text (t, s->text);
  return TRUE;
}

/* Two or more values and not all the same. */
static gboolean
disagree (const int *values, guint n)
{
  int first = MISSING;
  guint m = 0;
  gboolean differ = FALSE;
  for (guint c = 0; c < n; c++) {
    if (values[c] == MISSING)
      continue;
    if (m++ == 0)
      first = values[c];
    else if (values[c] != first)
      differ = TRUE;
  }
  return m >= 2 && differ;
}

TeemaTable *
teema_agreement_disagreements (TeemaProject *project, const char *const *coders,
                               const TeemaAgreementOptions *options,
                               GError **error)
{
  Reliability r;
  if (!reliability_load (project, coders, options, &r, error)) {
    reliability_clear (&r);
    return NULL;
  }
  const TeemaCodebook *cb = r.cb;
  TeemaTable *t = teema_table_new (_ ("Disagreements to adjudicate"));
  const char *cols[] = { NC_ ("heading", "segment"),
                         NC_ ("heading", "informant"),
                         NC_ ("heading", "document"),
                         NC_ ("heading", "position"),
                         NC_ ("heading", "theme") };
  for (gsize i = 0; i < G_N_ELEMENTS (cols); i++)
    teema_table_add_column_heading (t, cols[i], TEEMA_HEADING (cols[i]),
                                    i == 0 || i == 3 ? TEEMA_COLUMN_INT
                                                     : TEEMA_COLUMN_TEXT);
  for (guint c = 0; c < r.n_coders; c++)
    teema_table_add_column (t, coders[c], TEEMA_COLUMN_TEXT);
  teema_table_add_column_heading (t, "text", C_ ("heading", "text"),
                                  TEEMA_COLUMN_TEXT);
  g_autofree int *values = g_new0 (int, r.n_coders);
  gboolean ok = TRUE;
  for (guint u = 0; ok && u < r.units->len; u++)
    for (guint i = 0; ok && i < teema_codebook_size (cb); i++) {
      const char *code = teema_codebook_theme (cb, i)->code;
      for (guint c = 0; c < r.n_coders; c++)
        values[c] = value_of (&r, c, u, i);
      if (disagree (values, r.n_coders))
        ok = add_disagreement (t, &r, u, code, values, error);
    }
  reliability_clear (&r);
  if (!ok)
    g_clear_pointer (&t, teema_table_free);
  return t;
}
