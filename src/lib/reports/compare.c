/* compare.c — two informant groups side by side: per theme (k of n
 * informants, coded segments, segments per 1,000 words, Fisher's exact p)
 * and by keyness (lemmas most distinctive of each group by G²).
 *
 * Only informant segments of informants in one of the two groups count;
 * an informant without text is not among the n. A parent theme counts a
 * segment coded with it or any descendant, and a segment counts once per
 * theme however many coders coded it (as in report themes). Must always
 * hold: k <= n for each group, and the Fisher table is exactly
 * (k_a, n_a - k_a; k_b, n_b - k_b). */
#include "coding/coding-private.h"

#include <string.h>
#include <teema/teema.h>

#define DEFAULT_TOP      20
#define DEFAULT_MIN_FREQ 3

/* ---- the two groups ------------------------------------------------------ */

static int
compare_names (gconstpointer a, gconstpointer b)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

char **
teema_group_list (TeemaProject *project, GError **error)
{
  g_autoptr (GPtrArray) informants =
    teema_informant_list (project, error);
  if (!informants)
    return NULL;
  g_autoptr (GPtrArray) names = g_ptr_array_new ();
  for (guint i = 0; i < informants->len; i++) {
    TeemaInformant *inf = informants->pdata[i];
    if (!inf->group || !inf->n_words)
      continue;
    gboolean seen = FALSE;
    for (guint j = 0; j < names->len && !seen; j++)
      seen = g_str_equal (names->pdata[j], inf->group);
    if (!seen)
      g_ptr_array_add (names, g_strdup (inf->group));
  }
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);
  return (char **) g_ptr_array_free (g_steal_pointer (&names), FALSE);
}

typedef struct {
  const char *name;
  guint n;       /* informants with text */
  guint64 words; /* their informant words */
} Group;

/* Fills g[0], g[1] from the options or the project's two groups; *owned
 * keeps names that must outlive the call. */
static gboolean
resolve_groups (TeemaProject *p, const TeemaCompareOptions *opt, Group g[2],
                char ***owned, GError **error)
{
  *owned = teema_group_list (p, error);
  if (!*owned)
    return FALSE;
  g_autofree char *list = g_strjoinv (", ", *owned);
  if (!opt->group_a || !opt->group_b) {
    if (g_strv_length (*owned) != 2) {
      g_set_error (error, TEEMA_ERROR, TEEMA_ERROR_NOT_FOUND,
                   "the project has %u groups (%s): name the two to compare",
                   g_strv_length (*owned), *list ? list : "none");
      return FALSE;
    }
    g[0].name = (*owned)[0];
    g[1].name = (*owned)[1];
    return TRUE;
  }
  g[0].name = opt->group_a;
  g[1].name = opt->group_b;
  for (guint i = 0; i < 2; i++)
    if (!g_strv_contains ((const char *const *) *owned, g[i].name)) {
      g_set_error (error, TEEMA_ERROR, TEEMA_ERROR_NOT_FOUND,
                   "no informant with text in group '%s' (groups: %s)",
                   g[i].name, *list ? list : "none");
      return FALSE;
    }
  if (g_str_equal (g[0].name, g[1].name)) {
    g_set_error (error, TEEMA_ERROR, TEEMA_ERROR_FAILED,
                 "compare two different groups, not '%s' with itself",
                 g[0].name);
    return FALSE;
  }
  return TRUE;
}

static int
group_index (const Group g[2], const char *name)
{
  if (!name)
    return -1;
  return g_str_equal (name, g[0].name)   ? 0
         : g_str_equal (name, g[1].name) ? 1
                                         : -1;
}

/* Sets n and words of both groups from the informants. */
static gboolean
count_informants (TeemaProject *p, Group g[2], GError **error)
{
  g_autoptr (GPtrArray) informants = teema_informant_list (p, error);
  if (!informants)
    return FALSE;
  for (guint i = 0; i < informants->len; i++) {
    TeemaInformant *inf = informants->pdata[i];
    int k = group_index (g, inf->group);
    if (k < 0 || !inf->n_words)
      continue;
    g[k].n++;
    g[k].words += inf->n_words;
  }
  return TRUE;
}

/* ---- compare ---------------------------------------------------------- */

typedef struct {
  Group g[2];
  char **owned;
  TeemaCodebook *cb;
  GPtrArray *segments; /* TeemaSegment *, informant turns */
  GHashTable *coded;   /* "theme\x1fsegment" (rolled up) */
} Compare;

static void
compare_clear (Compare *c)
{
  g_clear_pointer (&c->owned, g_strfreev);
  g_clear_pointer (&c->cb, teema_codebook_free);
  g_clear_pointer (&c->segments, g_ptr_array_unref);
  g_clear_pointer (&c->coded, g_hash_table_destroy);
}

static char *
coded_key (const char *theme, gint64 segment)
{
  return g_strdup_printf ("%s\x1f%" G_GINT64_FORMAT, theme, segment);
}

static void
index_codings (Compare *c, GPtrArray *codings)
{
  c->coded = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; i < codings->len; i++) {
    TeemaCoding *cd = codings->pdata[i];
    const TeemaTheme *t = teema_codebook_lookup (c->cb, cd->theme);
    for (guint depth = 0; t && depth < 64; depth++) {
      g_hash_table_add (c->coded, coded_key (t->code, cd->segment_id));
      t = t->parent ? teema_codebook_lookup (c->cb, t->parent) : NULL;
    }
  }
}

static gboolean
compare_load (Compare *c, TeemaProject *p, const TeemaCompareOptions *opt,
              GError **error)
{
  if (!resolve_groups (p, opt, c->g, &c->owned, error)
      || !count_informants (p, c->g, error))
    return FALSE;
  c->cb = teema_codebook_get (p, error);
  if (!c->cb)
    return FALSE;
  TeemaSegmentFilter sf = { 0 };
  c->segments = teema_segment_list (p, &sf, error);
  if (!c->segments)
    return FALSE;
  TeemaCodingFilter cf = { opt->coder, NULL, NULL, 0 };
  g_autoptr (GPtrArray) codings = teema_coding_list (p, &cf, error);
  if (!codings)
    return FALSE;
  index_codings (c, codings);
  return TRUE;
}

typedef struct {
  guint k;        /* informants mentioning the theme */
  guint segments; /* coded segments */
} ThemeCount;

static void
count_theme (Compare *c, const char *theme, ThemeCount tc[2])
{
  g_autoptr (GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < c->segments->len; i++) {
    TeemaSegment *s = c->segments->pdata[i];
    int k = group_index (c->g, s->group);
    g_autofree char *key = coded_key (theme, s->id);
    if (k < 0 || s->interviewer || !g_hash_table_contains (c->coded, key))
      continue;
    tc[k].segments++;
    if (g_hash_table_add (seen, s->informant))
      tc[k].k++;
  }
}

static double
per_1000 (guint64 count, guint64 words)
{
  return words ? 1000.0 * (double) count / (double) words : 0.0;
}

static void
compare_columns (TeemaTable *t, const Group g[2], gboolean wide)
{
  if (wide) {
    teema_table_add_column (t, "Theme", TEEMA_COLUMN_TEXT);
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
      teema_table_add_column (t, "segments", TEEMA_COLUMN_INT);
      teema_table_add_column (t, "/1000 words", TEEMA_COLUMN_REAL);
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
compare_row (Compare *c, TeemaTable *t, const TeemaTheme *th,
             const TeemaCompareOptions *opt)
{
  ThemeCount tc[2] = { { 0 } };
  count_theme (c, th->code, tc);
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
compare_notes (Compare *c, TeemaTable *t)
{
  teema_table_add_note (t, "k/n: informants who mention the theme of those "
                           "with text. /1000 words: coded segments per "
                           "1,000 words the group's informants said.");
  g_autofree char *words = g_strdup_printf (
    "Fisher p: two-sided exact test of informants mentioning vs not "
    "(%s: %u informants, %" G_GUINT64_FORMAT " words; %s: %u informants, "
    "%" G_GUINT64_FORMAT " words).",
    c->g[0].name, c->g[0].n, c->g[0].words, c->g[1].name, c->g[1].n,
    c->g[1].words);
  teema_table_add_note (t, words);
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
    g_strdup_printf ("Themes: %s vs %s", c.g[0].name, c.g[1].name);
  TeemaTable *t = teema_table_new (title);
  compare_columns (t, c.g, opt->wide);
  for (guint i = 0; i < teema_codebook_size (c.cb); i++)
    compare_row (&c, t, teema_codebook_theme (c.cb, i), opt);
  if (opt->wide)
    compare_notes (&c, t);
  compare_clear (&c);
  return t;
}

/* ---- keyness ---------------------------------------------------------- */

typedef struct {
  const char *lemma; /* owned by the analyser */
  guint64 freq[2];
} LemmaCount;

typedef struct {
  const char *lemma;
  guint64 freq[2];
  double g2, log_ratio;
} Key;

/* Counts first lemmas of the two groups' informant segments; sets each
 * group's token total in tokens[]. */
static GHashTable *
count_lemmas (TeemaAnalyzer *az, GPtrArray *segments, const Group g[2],
              guint64 tokens[2])
{
  GHashTable *counts =
    g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  for (guint i = 0; i < segments->len; i++) {
    TeemaSegment *s = segments->pdata[i];
    int k = group_index (g, s->group);
    if (k < 0 || s->interviewer)
      continue;
    g_autoptr (GArray) toks = teema_analyzer_tokenize (az, s->text, -1);
    for (guint j = 0; j < toks->len; j++) {
      const TeemaToken *tok = &g_array_index (toks, TeemaToken, j);
      if ((tok->flags & TEEMA_TOKEN_NUMBER) || !tok->analysis->lemmas[0])
        continue;
      const char *lemma = tok->analysis->lemmas[0];
      LemmaCount *lc = g_hash_table_lookup (counts, lemma);
      if (!lc) {
        lc = g_new0 (LemmaCount, 1);
        lc->lemma = lemma;
        g_hash_table_insert (counts, (gpointer) lemma, lc);
      }
      lc->freq[k]++;
      tokens[k]++;
    }
  }
  return counts;
}

static int
key_compare (gconstpointer a, gconstpointer b)
{
  const Key *x = a, *y = b;
  if (x->g2 != y->g2)
    return x->g2 < y->g2 ? 1 : -1;
  return strcmp (x->lemma, y->lemma);
}

/* The lemmas overused in group k (relative frequency above the other's),
 * sorted by G² descending, then lemma. */
static GArray *
keys_for (GHashTable *counts, int k, const guint64 tokens[2], guint min_freq)
{
  GArray *keys = g_array_new (FALSE, TRUE, sizeof (Key));
  GHashTableIter it;
  gpointer value;
  g_hash_table_iter_init (&it, counts);
  while (g_hash_table_iter_next (&it, NULL, &value)) {
    LemmaCount *lc = value;
    if (lc->freq[0] + lc->freq[1] < min_freq)
      continue;
    double lr = teema_stats_log_ratio (lc->freq[k], tokens[k], lc->freq[1 - k],
                                       tokens[1 - k]);
    if (lr <= 0.0)
      continue;
    Key key = { lc->lemma,
                { lc->freq[0], lc->freq[1] },
                teema_stats_log_likelihood_g2 (lc->freq[0], tokens[0],
                                               lc->freq[1], tokens[1]),
                lr };
    g_array_append_val (keys, key);
  }
  g_array_sort (keys, key_compare);
  return keys;
}

static void
keyness_columns (TeemaTable *t, const Group g[2])
{
  teema_table_add_column (t, "group", TEEMA_COLUMN_TEXT);
  teema_table_add_column (t, "lemma", TEEMA_COLUMN_TEXT);
  teema_table_add_column (t, g[0].name, TEEMA_COLUMN_INT);
  teema_table_add_column (t, g[1].name, TEEMA_COLUMN_INT);
  teema_table_add_column (t, "g2", TEEMA_COLUMN_REAL);
  teema_table_add_column (t, "p", TEEMA_COLUMN_REAL);
  teema_table_add_column (t, "log_ratio", TEEMA_COLUMN_REAL);
}

static void
keyness_rows (TeemaTable *t, const Group g[2], int k, GArray *keys, guint top)
{
  for (guint i = 0; i < keys->len && i < top; i++) {
    const Key *key = &g_array_index (keys, Key, i);
    teema_table_add_row (t);
    teema_table_add_text (t, g[k].name);
    teema_table_add_text (t, key->lemma);
    teema_table_add_int (t, (gint64) key->freq[0]);
    teema_table_add_int (t, (gint64) key->freq[1]);
    teema_table_add_real (t, key->g2, 2);
    teema_table_add_real (t, teema_stats_chi2_p_1df (key->g2), 3);
    teema_table_add_real (t, key->log_ratio, 2);
  }
}

static TeemaTable *
keyness_table (GHashTable *counts, const Group g[2], const guint64 tokens[2],
               const TeemaCompareOptions *opt)
{
  guint top = opt->top ? opt->top : DEFAULT_TOP;
  guint min_freq = opt->min_freq ? opt->min_freq : DEFAULT_MIN_FREQ;
  g_autofree char *title =
    g_strdup_printf ("Keyness: %s vs %s", g[0].name, g[1].name);
  TeemaTable *t = teema_table_new (title);
  keyness_columns (t, g);
  for (int k = 0; k < 2; k++) {
    g_autoptr (GArray) keys = keys_for (counts, k, tokens, min_freq);
    keyness_rows (t, g, k, keys, top);
  }
  g_autofree char *note = g_strdup_printf (
    "Lemma frequencies in informant turns (%s: %" G_GUINT64_FORMAT
    " tokens; %s: %" G_GUINT64_FORMAT " tokens), at least %u in all. "
    "g2: log-likelihood; p: its chi-squared p (1 df); log_ratio: log2 of "
    "the relative frequency in the row's group over the other's.",
    g[0].name, tokens[0], g[1].name, tokens[1], min_freq);
  teema_table_add_note (t, note);
  return t;
}

TeemaTable *
teema_report_keyness (TeemaProject *project, const TeemaCompareOptions *options,
                      GError **error)
{
  TeemaCompareOptions defaults = { 0 };
  const TeemaCompareOptions *opt = options ? options : &defaults;
  Group g[2] = { { 0 } };
  g_auto (GStrv) owned = NULL;
  if (!resolve_groups (project, opt, g, &owned, error))
    return NULL;
  TeemaSegmentFilter sf = { 0 };
  g_autoptr (GPtrArray) segments =
    teema_segment_list (project, &sf, error);
  if (!segments)
    return NULL;
  g_autoptr (TeemaAnalyzer) az =
    teema_coding__analyzer (project, NULL, FALSE, NULL, error);
  if (!az)
    return NULL;
  guint64 tokens[2] = { 0, 0 };
  g_autoptr (GHashTable) counts = count_lemmas (az, segments, g, tokens);
  return keyness_table (counts, g, tokens, opt);
}
