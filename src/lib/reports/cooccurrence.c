/* reports/cooccurrence.c — how often two leaf themes code the same segment.
 *
 * For each pair of leaf themes: informant segments coded with both, and the
 * Jaccard index |A ∩ B| / |A ∪ B| of their segment sets. A segment counts
 * once per theme however many coders coded it; codings on parent themes and
 * on interviewer turns are left out. Must always hold: the wide matrix is
 * symmetric and carries the same numbers as the long table. */
#include "reports/reports-private.h"

typedef struct {
  TeemaCodingSet *set; /* not rolled up */
  GArray *leaves;      /* guint codebook indices of leaf themes */
} Cooc;

static const TeemaTheme *
leaf (Cooc *c, guint i)
{
  return teema_codebook_theme (teema_coding_set__codebook (c->set),
                               g_array_index (c->leaves, guint, i));
}

static guint
size_of (Cooc *c, guint i)
{
  guint n = 0;
  teema_coding_set__rows (c->set, g_array_index (c->leaves, guint, i), &n);
  return n;
}

static gboolean
cooc_load (Cooc *c, TeemaProject *p, const TeemaCooccurrenceOptions *opt,
           GError **error)
{
  TeemaCodingSetOptions so = { .coder = opt->coder, .where = opt->where };
  c->set = teema_coding_set__new (p, &so, error);
  if (!c->set)
    return FALSE;
  c->leaves = g_array_new (FALSE, FALSE, sizeof (guint));
  guint n = teema_codebook_size (teema_coding_set__codebook (c->set));
  for (guint i = 0; i < n; i++)
    if (teema_coding_set__is_leaf (c->set, i))
      g_array_append_val (c->leaves, i);
  return TRUE;
}

static void
cooc_clear (Cooc *c)
{
  g_clear_pointer (&c->leaves, g_array_unref);
  g_clear_pointer (&c->set, teema_coding_set__free);
}

/* Segments carrying both leaves a and b. */
static guint
both (Cooc *c, guint a, guint b)
{
  guint n = 0, count = 0;
  guint tb = g_array_index (c->leaves, guint, b);
  const TeemaCoded *rows =
    teema_coding_set__rows (c->set, g_array_index (c->leaves, guint, a), &n);
  for (guint i = 0; i < n; i++)
    count += teema_coding_set__has (c->set, rows[i].segment, tb);
  return count;
}

static double
jaccard (Cooc *c, guint a, guint b, guint n_both)
{
  guint n_union = size_of (c, a) + size_of (c, b) - n_both;
  return n_union ? (double) n_both / (double) n_union : 0.0;
}

static void
long_table (Cooc *c, TeemaTable *t)
{
  teema_table_add_column (t, "theme_a", TEEMA_COLUMN_TEXT);
  teema_table_add_column (t, "theme_b", TEEMA_COLUMN_TEXT);
  teema_table_add_column (t, "segments", TEEMA_COLUMN_INT);
  teema_table_add_column (t, "jaccard", TEEMA_COLUMN_REAL);
  for (guint a = 0; a < c->leaves->len; a++)
    for (guint b = a + 1; b < c->leaves->len; b++) {
      guint n = both (c, a, b);
      teema_table_add_row (t);
      teema_table_add_text (t, leaf (c, a)->code);
      teema_table_add_text (t, leaf (c, b)->code);
      teema_table_add_int (t, n);
      teema_table_add_real (t, jaccard (c, a, b, n), 3);
    }
}

static void
wide_table (Cooc *c, TeemaTable *t, const TeemaCooccurrenceOptions *opt)
{
  teema_table_add_column_heading (t, "Theme", C_ ("heading", "Theme"),
                                  TEEMA_COLUMN_TEXT);
  for (guint b = 0; b < c->leaves->len; b++)
    teema_table_add_column (t, leaf (c, b)->code, TEEMA_COLUMN_INT);
  for (guint a = 0; a < c->leaves->len; a++) {
    const TeemaTheme *ta = leaf (c, a);
    g_autofree char *name =
      g_strdup_printf ("%s (%s)", teema_theme_label (ta, opt->lang), ta->code);
    teema_table_add_row (t);
    teema_table_add_text (t, name);
    for (guint b = 0; b < c->leaves->len; b++) {
      guint n = both (c, a, b);
      if (opt->jaccard && a == b)
        teema_table_add_text (t, "–");
      else if (opt->jaccard)
        teema_table_add_real (t, jaccard (c, a, b, n), 2);
      else
        teema_table_add_int (t, n);
    }
  }
  teema_table_add_note (
    t, opt->jaccard ? _ ("Cells: Jaccard index of the two themes' coded "
                         "segments (both / either).")
                    : _ ("Cells: informant segments coded with both themes; "
                         "the diagonal is the theme's own segments."));
}

TeemaTable *
teema_report_cooccurrence (TeemaProject *project,
                           const TeemaCooccurrenceOptions *options,
                           GError **error)
{
  TeemaCooccurrenceOptions defaults = { NULL, "fi", FALSE, TRUE, NULL };
  const TeemaCooccurrenceOptions *opt = options ? options : &defaults;
  Cooc c = { 0 };
  if (!cooc_load (&c, project, opt, error)) {
    cooc_clear (&c);
    return NULL;
  }
  TeemaTable *t = teema_table_new (_ ("Theme co-occurrence"));
  if (opt->wide)
    wide_table (&c, t, opt);
  else
    long_table (&c, t);
  cooc_clear (&c);
  return t;
}
