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

double
teema_agreement_percent (const int *data, guint n_coders, guint n_units)
{
  guint n_cat = n_categories (data, (gsize) n_coders * n_units);
  g_autofree guint *counts = g_new0 (guint, MAX (n_cat, 1));
  double pairs = 0, agree = 0;
  for (guint u = 0; u < n_units; u++) {
    guint m = unit_counts (data, n_coders, n_units, u, counts, n_cat);
    if (m < 2)
      continue;
    pairs += m * (m - 1) / 2.0;
    for (guint k = 0; k < n_cat; k++)
      agree += (double) counts[k] * ((double) counts[k] - 1) / 2.0;
  }
  return pairs > 0 ? agree / pairs : NAN;
}

double
teema_agreement_cohen_kappa (const int *a, const int *b, guint n_units)
{
  guint n_cat = MAX (n_categories (a, n_units), n_categories (b, n_units));
  g_autofree double *pa = g_new0 (double, MAX (n_cat, 1));
  g_autofree double *pb = g_new0 (double, MAX (n_cat, 1));
  double n = 0, agree = 0;
  for (guint u = 0; u < n_units; u++) {
    if (a[u] == MISSING || b[u] == MISSING)
      continue;
    pa[a[u]]++;
    pb[b[u]]++;
    agree += a[u] == b[u];
    n++;
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
teema_agreement_krippendorff_alpha (const int *data, guint n_coders,
                                    guint n_units)
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
      n_c[k] += counts[k];
    }
    disagree += ((double) m * m - same) / (m - 1);
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

static gboolean
load_coder (TeemaProject *project, Reliability *r, guint c, const char *coder,
            GError **error)
{
  /* A coder is compared on what it coded; for the rule coder that
   * includes what people rejected. */
  TeemaCodingSetOptions so = { .coder = coder, .with_rejected = TRUE };
  r->coded[c] = teema_coding_set__new (project, &so, error);
  if (!r->coded[c])
    return FALSE;
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
  for (guint c = 0; c < r->n_coders; c++)
    if (!load_coder (project, r, c, coders[c], error))
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

/* Fills data (n_coders x n_units) for one theme at column offset. */
static void
fill_theme (const Reliability *r, guint theme, int *data, guint stride,
            guint offset)
{
  for (guint c = 0; c < r->n_coders; c++)
    for (guint u = 0; u < r->units->len; u++)
      data[(gsize) c * stride + offset + u] = value_of (r, c, u, theme);
}

static void
add_stat (TeemaTable *t, double v)
{
  if (isnan (v))
    teema_table_add_text (t, "-");
  else
    teema_table_add_real (t, v, 3);
}

static void
add_row (TeemaTable *t, const Reliability *r, const char *name, const int *data,
         guint n_units)
{
  guint pairable = 0;
  GString *coded = g_string_new (NULL);
  for (guint u = 0; u < n_units; u++) {
    guint m = 0;
    for (guint c = 0; c < r->n_coders; c++)
      m += data[(gsize) c * n_units + u] != MISSING;
    pairable += m >= 2;
  }
  for (guint c = 0; c < r->n_coders; c++) {
    guint k = 0;
    for (guint u = 0; u < n_units; u++)
      k += data[(gsize) c * n_units + u] == 1;
    g_string_append_printf (coded, "%s%u", c ? "/" : "", k);
  }
  teema_table_add_row (t);
  teema_table_add_text (t, name);
  teema_table_add_int (t, pairable);
  teema_table_add_text (t, coded->str);
  add_stat (t, teema_agreement_percent (data, r->n_coders, n_units));
  if (r->n_coders == 2)
    add_stat (t, teema_agreement_cohen_kappa (data, data + n_units, n_units));
  add_stat (t, teema_agreement_krippendorff_alpha (data, r->n_coders, n_units));
  g_string_free (coded, TRUE);
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
  const TeemaCodebook *cb = r.cb;
  guint n_units = r.units->len, n_themes = teema_codebook_size (cb);
  guint stride = n_units * n_themes;
  g_autofree int *all = g_new0 (int, MAX ((gsize) r.n_coders * stride, 1));
  g_autofree int *one = g_new0 (int, MAX ((gsize) r.n_coders * n_units, 1));
  TeemaTable *t = agreement_table (&r, coders);
  for (guint i = 0; i < n_themes; i++) {
    const char *code = teema_codebook_theme (cb, i)->code;
    fill_theme (&r, i, one, n_units, 0);
    fill_theme (&r, i, all, stride, i * n_units);
    add_row (t, &r, code, one, n_units);
  }
  add_row (t, &r, "(overall)", all, stride);
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
