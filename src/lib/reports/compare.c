/* reports/compare.c — two informant groups side by side, theme by theme:
 * k of n informants, coded segments, segments per 1,000 words, and
 * Fisher's exact p.
 *
 * Only informant segments of informants in one of the two groups count;
 * an informant without text is not among the n. A parent theme counts a
 * segment coded with it or any descendant, and a segment counts once per
 * theme however many coders coded it (as in report themes). Must always
 * hold: k <= n for each group, and the Fisher table is exactly
 * (k_a, n_a - k_a; k_b, n_b - k_b). */
#include "reports/reports-private.h"

#include <string.h>

typedef struct {
  TeemaGroup g[2];
  char **owned;
  TeemaCodingSet *set; /* rolled up */
  GHashTable *member;  /* informant code -> its group index + 1 */
} Compare;

static void
compare_clear (Compare *c)
{
  g_clear_pointer (&c->owned, g_strfreev);
  g_clear_pointer (&c->set, teema_coding_set__free);
  g_clear_pointer (&c->member, g_hash_table_destroy);
}

static gboolean
compare_load (Compare *c, TeemaProject *p, const TeemaCompareOptions *opt,
              GError **error)
{
  if (!teema_groups__resolve (p, opt, c->g, &c->owned, &c->member, error))
    return FALSE;
  TeemaCodingSetOptions so = { .coder = opt->coder,
                               .roll_up = TRUE,
                               .counts_only = TRUE };
  c->set = teema_coding_set__new (p, &so, error);
  return c->set != NULL;
}

typedef struct {
  guint k;        /* informants mentioning the theme */
  guint segments; /* coded segments */
} ThemeCount;

static void
count_theme (Compare *c, guint theme, ThemeCount tc[2])
{
  GPtrArray *informants = teema_coding_set__informants (c->set);
  for (guint i = 0; i < informants->len; i++) {
    const TeemaCodedCount *n = teema_coding_set__count (c->set, theme, i);
    TeemaInformant *inf = informants->pdata[i];
    int k = GPOINTER_TO_INT (g_hash_table_lookup (c->member, inf->code)) - 1;
    if (k < 0 || !n->segments)
      continue;
    tc[k].segments += n->segments;
    tc[k].k++;
  }
}

static double
per_1000 (guint64 count, guint64 words)
{
  return words ? 1000.0 * (double) count / (double) words : 0.0;
}

static void
compare_columns (TeemaTable *t, const TeemaGroup g[2], gboolean wide)
{
  if (wide) {
    teema_table_add_column_heading (t, "Theme", C_ ("heading", "Theme"),
                                    TEEMA_COLUMN_TEXT);
  } else {
    teema_table_add_column (t, "theme", TEEMA_COLUMN_TEXT);
    teema_table_add_column (t, "label", TEEMA_COLUMN_TEXT);
    teema_table_add_column (t, "parent", TEEMA_COLUMN_TEXT);
  }
  for (guint i = 0; i < 2; i++) {
    g_autofree char *k = g_strdup_printf ("%s_k", g[i].name);
    g_autofree char *n = g_strdup_printf ("%s_n", g[i].name);
    g_autofree char *seg = g_strdup_printf ("%s_segments", g[i].name);
    g_autofree char *rate = g_strdup_printf ("%s_per_1000_words", g[i].name);
    if (wide) {
      g_autofree char *kn = g_strdup_printf ("%s k/n", g[i].name);
      teema_table_add_column (t, kn, TEEMA_COLUMN_INT);
      /* The group's three columns stay together in a cut table: only
       * the first names the group. */
      teema_table_add_column_heading (t, "segments", C_ ("heading", "segments"),
                                      TEEMA_COLUMN_INT);
      teema_table_keep_with_previous (t);
      teema_table_add_column_heading (
        t, "/1000 words", C_ ("heading", "/1000 words"), TEEMA_COLUMN_REAL);
      teema_table_keep_with_previous (t);
      continue;
    }
    teema_table_add_column (t, k, TEEMA_COLUMN_INT);
    teema_table_add_column (t, n, TEEMA_COLUMN_INT);
    teema_table_add_column (t, seg, TEEMA_COLUMN_INT);
    teema_table_add_column (t, rate, TEEMA_COLUMN_REAL);
  }
  teema_table_add_column (t, wide ? "Fisher p" : "fisher_p", TEEMA_COLUMN_REAL);
}

static void
compare_row (Compare *c, TeemaTable *t, guint theme,
             const TeemaCompareOptions *opt)
{
  const TeemaTheme *th =
    teema_codebook_theme (teema_coding_set__codebook (c->set), theme);
  ThemeCount tc[2] = { { 0 } };
  count_theme (c, theme, tc);
  teema_table_add_row (t);
  const char *label = teema_theme_label (th, opt->lang ? opt->lang : "fi");
  if (opt->wide) {
    g_autofree char *indent = g_strnfill (2 * th->depth, ' ');
    g_autofree char *name = g_strconcat (indent, label, NULL);
    teema_table_add_text (t, name);
  } else {
    teema_table_add_text (t, th->code);
    teema_table_add_text (t, label);
    teema_table_add_text (t, th->parent);
  }
  for (guint i = 0; i < 2; i++) {
    if (opt->wide) {
      g_autofree char *kn = g_strdup_printf ("%u/%u", tc[i].k, c->g[i].n);
      teema_table_add_text (t, kn);
    } else {
      teema_table_add_int (t, tc[i].k);
      teema_table_add_int (t, c->g[i].n);
    }
    teema_table_add_int (t, tc[i].segments);
    teema_table_add_real (t, per_1000 (tc[i].segments, c->g[i].words), 2);
  }
  double p = teema_stats_fisher_exact_2x2 (tc[0].k, c->g[0].n - tc[0].k,
                                           tc[1].k, c->g[1].n - tc[1].k);
  teema_table_add_real (t, p, 3);
}

static void
compare_notes (Compare *c, TeemaTable *t, const char *coder)
{
  teema_table_add_note (t, _ ("k/n: informants who mention the theme of those "
                              "with text. /1000 words: coded segments per "
                              "1,000 words the group's informants said."));
  g_autofree char *words = g_strdup_printf (
    _ ("Fisher p: two-sided exact test of informants mentioning vs not "
       "(%s: %u informants, %llu words; %s: %u informants, %llu words)."),
    c->g[0].name, c->g[0].n, (unsigned long long) c->g[0].words, c->g[1].name,
    c->g[1].n, (unsigned long long) c->g[1].words);
  teema_table_add_note (t, words);
  g_autofree char *counted = teema_coding_set__counted_note (coder);
  teema_table_add_note (t, counted);
}

TeemaTable *
teema_report_compare (TeemaProject *project, const TeemaCompareOptions *options,
                      GError **error)
{
  TeemaCompareOptions defaults = { 0 };
  const TeemaCompareOptions *opt = options ? options : &defaults;
  Compare c = { 0 };
  if (!compare_load (&c, project, opt, error)) {
    compare_clear (&c);
    return NULL;
  }
  g_autofree char *title =
    g_strdup_printf (_ ("Themes: %s vs %s"), c.g[0].name, c.g[1].name);
  TeemaTable *t = teema_table_new (title);
  compare_columns (t, c.g, opt->wide);
  const TeemaCodebook *cb = teema_coding_set__codebook (c.set);
  for (guint i = 0; i < teema_codebook_size (cb); i++)
    compare_row (&c, t, i, opt);
  if (opt->wide)
    compare_notes (&c, t, opt->coder);
  compare_clear (&c);
  return t;
}
