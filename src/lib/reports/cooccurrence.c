/* cooccurrence.c — how often two leaf themes code the same segment.
 *
 * For each pair of leaf themes: informant segments coded with both, and the
 * Jaccard index |A ∩ B| / |A ∪ B| of their segment sets. A segment counts
 * once per theme however many coders coded it; codings on parent themes and
 * on interviewer turns are left out. Must always hold: the wide matrix is
 * symmetric and carries the same numbers as the long table. */
#include <teema/teema.h>


typedef struct {
  GPtrArray *leaves;  /* const TeemaTheme *, codebook order */
  GHashTable **coded; /* per leaf: set of gint64 * segment ids */
  gint64 *ids;        /* storage for the keys above */
} Cooc;

static gboolean
is_leaf (const TeemaCodebook *cb, const TeemaTheme *t)
{
  for (guint i = 0; i < teema_codebook_size (cb); i++) {
    const TeemaTheme *c = teema_codebook_theme (cb, i);
    if (c->parent && g_ascii_strcasecmp (c->parent, t->code) == 0)
      return FALSE;
  }
  return TRUE;
}

static int
leaf_index (Cooc *c, const char *code)
{
  for (guint i = 0; i < c->leaves->len; i++)
    if (g_ascii_strcasecmp (((TeemaTheme *) c->leaves->pdata[i])->code, code)
        == 0)
      return (int) i;
  return -1;
}

static gboolean
cooc_load (Cooc *c, TeemaProject *p, const TeemaCodebook *cb, const char *coder,
           GError **error)
{
  TeemaSegmentFilter sf = { 0 };
  g_autoptr (GPtrArray) segs = teema_segment_list (p, &sf, error);
  if (!segs)
    return FALSE;
  TeemaCodingFilter cf = { coder, NULL, NULL, 0 };
  g_autoptr (GPtrArray) codings = teema_coding_list (p, &cf, error);
  if (!codings)
    return FALSE;
  g_autoptr (GHashTable) informant_seg =
    g_hash_table_new (g_int64_hash, g_int64_equal);
  for (guint i = 0; i < segs->len; i++)
    g_hash_table_add (informant_seg, &((TeemaSegment *) segs->pdata[i])->id);
  c->leaves = g_ptr_array_new ();
  for (guint i = 0; i < teema_codebook_size (cb); i++)
    if (is_leaf (cb, teema_codebook_theme (cb, i)))
      g_ptr_array_add (c->leaves, (gpointer) teema_codebook_theme (cb, i));
  c->coded = g_new0 (GHashTable *, c->leaves->len + 1);
  for (guint i = 0; i < c->leaves->len; i++)
    c->coded[i] = g_hash_table_new (g_int64_hash, g_int64_equal);
  c->ids = g_new0 (gint64, codings->len + 1);
  for (guint i = 0; i < codings->len; i++) {
    TeemaCoding *k = codings->pdata[i];
    int li = leaf_index (c, k->theme);
    if (li < 0 || !g_hash_table_contains (informant_seg, &k->segment_id))
      continue;
    c->ids[i] = k->segment_id;
    g_hash_table_add (c->coded[li], &c->ids[i]);
  }
  return TRUE;
}

static void
cooc_clear (Cooc *c)
{
  for (guint i = 0; c->coded && i < c->leaves->len; i++)
    g_hash_table_destroy (c->coded[i]);
  g_clear_pointer (&c->coded, g_free);
  g_clear_pointer (&c->ids, g_free);
  g_clear_pointer (&c->leaves, g_ptr_array_unref);
}

static guint
both (Cooc *c, guint a, guint b)
{
  guint n = 0;
  GHashTableIter it;
  gpointer key;
  g_hash_table_iter_init (&it, c->coded[a]);
  while (g_hash_table_iter_next (&it, &key, NULL))
    if (g_hash_table_contains (c->coded[b], key))
      n++;
  return n;
}

static double
jaccard (Cooc *c, guint a, guint b, guint n_both)
{
  guint n_union =
    g_hash_table_size (c->coded[a]) + g_hash_table_size (c->coded[b]) - n_both;
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
      teema_table_add_text (t, ((TeemaTheme *) c->leaves->pdata[a])->code);
      teema_table_add_text (t, ((TeemaTheme *) c->leaves->pdata[b])->code);
      teema_table_add_int (t, n);
      teema_table_add_real (t, jaccard (c, a, b, n), 3);
    }
}

static void
wide_table (Cooc *c, TeemaTable *t, const TeemaCooccurrenceOptions *opt)
{
  teema_table_add_column (t, "Theme", TEEMA_COLUMN_TEXT);
  for (guint b = 0; b < c->leaves->len; b++)
    teema_table_add_column (t, ((TeemaTheme *) c->leaves->pdata[b])->code,
                            TEEMA_COLUMN_INT);
  for (guint a = 0; a < c->leaves->len; a++) {
    const TeemaTheme *ta = c->leaves->pdata[a];
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
    t, opt->jaccard ? "Cells: Jaccard index of the two themes' coded segments "
                      "(both / either)."
                    : "Cells: informant segments coded with both themes; the "
                      "diagonal is the theme's own segments.");
}

TeemaTable *
teema_report_cooccurrence (TeemaProject *project,
                           const TeemaCooccurrenceOptions *options,
                           GError **error)
{
  TeemaCooccurrenceOptions defaults = { NULL, "fi", FALSE, TRUE };
  const TeemaCooccurrenceOptions *opt = options ? options : &defaults;
  g_autoptr (TeemaCodebook) cb = teema_codebook_get (project, error);
  if (!cb)
    return NULL;
  Cooc c = { 0 };
  if (!cooc_load (&c, project, cb, opt->coder, error)) {
    cooc_clear (&c);
    return NULL;
  }
  TeemaTable *t = teema_table_new ("Theme co-occurrence");
  if (opt->wide)
    wide_table (&c, t, opt);
  else
    long_table (&c, t);
  cooc_clear (&c);
  return t;
}
