/* evaluate.c — precision, recall and F1 of rule coding.
 *
 * Both evaluations reduce to sets of (unit, theme) decisions: a gold set
 * and a predicted set over the same units. A parent theme is predicted or
 * gold for a unit when any of its descendants is. */
#include "coding/coding-private.h"
#include "project/project-private.h"

#include <string.h>

typedef struct {
  GHashTable *gold; /* "unit\x1ftheme" */
  GHashTable *pred;
  GPtrArray *units;  /* unit keys (char *) */
  GHashTable *texts; /* unit -> text (devset only) */
} Decisions;

static void
decisions_init (Decisions *d)
{
  d->gold = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  d->pred = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  d->units = g_ptr_array_new_with_free_func (g_free);
  d->texts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

static void
decisions_clear (Decisions *d)
{
  g_hash_table_destroy (d->gold);
  g_hash_table_destroy (d->pred);
  g_ptr_array_unref (d->units);
  g_hash_table_destroy (d->texts);
}

/* Adds theme and its ancestors for unit. */
static void
decide (GHashTable *set, const TeemaCodebook *cb, const char *unit,
        const char *code)
{
  const TeemaTheme *t = teema_codebook_lookup (cb, code);
  for (guint depth = 0; t && depth < 64; depth++) {
    g_hash_table_add (set, g_strdup_printf ("%s\x1f%s", unit, t->code));
    t = t->parent ? teema_codebook_lookup (cb, t->parent) : NULL;
  }
}

static gboolean
has_children (const TeemaCodebook *cb, const TeemaTheme *t)
{
  for (guint i = 0; i < teema_codebook_size (cb); i++)
    if (g_strcmp0 (teema_codebook_theme (cb, i)->parent, t->code) == 0)
      return TRUE;
  return FALSE;
}

static void
add_scores (TeemaTable *table, const char *name, guint tp, guint fp, guint fn)
{
  double p = tp + fp ? (double) tp / (tp + fp) : 0.0;
  double r = tp + fn ? (double) tp / (tp + fn) : 0.0;
  double f = p + r > 0 ? 2 * p * r / (p + r) : 0.0;
  teema_table_add_row (table);
  teema_table_add_text (table, name);
  teema_table_add_int (table, tp + fn);
  teema_table_add_int (table, tp + fp);
  teema_table_add_int (table, tp);
  teema_table_add_int (table, fp);
  teema_table_add_int (table, fn);
  teema_table_add_real (table, p, 3);
  teema_table_add_real (table, r, 3);
  teema_table_add_real (table, f, 3);
}

static TeemaTable *
score (Decisions *d, const TeemaCodebook *cb, gboolean leaves_only,
       const char *title)
{
  TeemaTable *table = teema_table_new (title);
  const char *cols[] = { "theme", "gold",      "predicted", "tp", "fp",
                         "fn",    "precision", "recall",    "f1" };
  for (gsize i = 0; i < G_N_ELEMENTS (cols); i++)
    teema_table_add_column (table, cols[i],
                            i == 0  ? TEEMA_COLUMN_TEXT
                            : i < 6 ? TEEMA_COLUMN_INT
                                    : TEEMA_COLUMN_REAL);
  guint TP = 0, FP = 0, FN = 0, n = 0;
  double macro_f = 0, macro_p = 0, macro_r = 0;
  for (guint i = 0; i < teema_codebook_size (cb); i++) {
    const TeemaTheme *t = teema_codebook_theme (cb, i);
    if (leaves_only && has_children (cb, t))
      continue;
    guint tp = 0, fp = 0, fn = 0;
    for (guint u = 0; u < d->units->len; u++) {
      g_autofree char *key =
        g_strdup_printf ("%s\x1f%s", (char *) d->units->pdata[u], t->code);
      gboolean g = g_hash_table_contains (d->gold, key);
      gboolean pr = g_hash_table_contains (d->pred, key);
      tp += g && pr;
      fp += !g && pr;
      fn += g && !pr;
    }
    add_scores (table, t->code, tp, fp, fn);
    TP += tp, FP += fp, FN += fn, n++;
    double p = tp + fp ? (double) tp / (tp + fp) : 0.0;
    double r = tp + fn ? (double) tp / (tp + fn) : 0.0;
    macro_p += p, macro_r += r, macro_f += p + r > 0 ? 2 * p * r / (p + r) : 0;
  }
  add_scores (table, "(micro)", TP, FP, FN);
  teema_table_add_row (table);
  teema_table_add_text (table, "(macro)");
  for (int i = 0; i < 5; i++)
    teema_table_add_text (table, "");
  teema_table_add_real (table, n ? macro_p / n : 0, 3);
  teema_table_add_real (table, n ? macro_r / n : 0, 3);
  teema_table_add_real (table, n ? macro_f / n : 0, 3);
  g_autofree char *note = g_strdup_printf ("%u units", d->units->len);
  teema_table_add_note (table, note);
  return table;
}

/* Lists every false positive and false negative, unit by unit. */
static TeemaTable *
errors (Decisions *d, const TeemaCodebook *cb, gboolean leaves_only)
{
  TeemaTable *table = teema_table_new ("Disagreements with the gold coding");
  teema_table_add_column (table, "unit", TEEMA_COLUMN_TEXT);
  teema_table_add_column (table, "theme", TEEMA_COLUMN_TEXT);
  teema_table_add_column (table, "error", TEEMA_COLUMN_TEXT);
  teema_table_add_column (table, "text", TEEMA_COLUMN_TEXT);
  for (guint u = 0; u < d->units->len; u++) {
    const char *unit = d->units->pdata[u];
    for (guint i = 0; i < teema_codebook_size (cb); i++) {
      const TeemaTheme *t = teema_codebook_theme (cb, i);
      if (leaves_only && has_children (cb, t))
        continue;
      g_autofree char *key = g_strdup_printf ("%s\x1f%s", unit, t->code);
      gboolean g = g_hash_table_contains (d->gold, key);
      gboolean p = g_hash_table_contains (d->pred, key);
      if (g == p)
        continue;
      teema_table_add_row (table);
      teema_table_add_text (table, unit);
      teema_table_add_text (table, t->code);
      teema_table_add_text (table, g ? "missed" : "extra");
      teema_table_add_text (table, g_hash_table_lookup (d->texts, unit));
    }
  }
  return table;
}

static gboolean
read_gold (Decisions *d, const TeemaCodebook *cb, const char *path, guint line,
           const char *unit, const char *themes, GError **error)
{
  if (g_str_equal (themes, "-"))
    return TRUE;
  g_auto (GStrv) list = g_strsplit (themes, ",", -1);
  for (guint i = 0; list[i]; i++) {
    g_strstrip (list[i]);
    if (!teema_codebook_lookup (cb, list[i])) {
      g_set_error (error, TEEMA_ERROR, TEEMA_ERROR_PARSE,
                   "%s:%u: unknown theme '%s' (not in the codebook)", path,
                   line, list[i]);
      return FALSE;
    }
    decide (d->gold, cb, unit, list[i]);
  }
  return TRUE;
}

static gboolean
predict_devset (Decisions *d, const TeemaCodebook *cb, const char *path,
                char **lines, TeemaAnalyzer *az, GError **error)
{
  g_autoptr (TeemaCompiled) compiled = teema_compiled__new (cb, az, error);
  if (!compiled)
    return FALSE;
  for (guint i = 1; lines[i]; i++) {
    g_strchomp (lines[i]);
    if (!*lines[i])
      continue;
    g_auto (GStrv) f = g_strsplit (lines[i], "\t", 5);
    if (g_strv_length (f) != 5) {
      g_set_error (error, TEEMA_ERROR, TEEMA_ERROR_PARSE,
                   "%s:%u: expected 5 tab-separated fields (id group "
                   "speaker themes text)",
                   path, i + 1);
      return FALSE;
    }
    g_ptr_array_add (d->units, g_strdup (f[0]));
    g_hash_table_insert (d->texts, g_strdup (f[0]), g_strdup (f[4]));
    if (!read_gold (d, cb, path, i + 1, f[0], f[3], error))
      return FALSE;
    TeemaSegment seg = { .text = f[4], .informant = f[2] };
    g_autoptr (GArray) tokens = teema_analyzer_tokenize (az, f[4], -1);
    g_autoptr (GPtrArray) items = teema_compiled__items_new ();
    teema_compiled__code_one (compiled, &seg, tokens, items);
    for (guint k = 0; k < items->len; k++)
      decide (d->pred, cb, f[0],
              ((TeemaAutocodeItem *) items->pdata[k])->theme);
  }
  return TRUE;
}

TeemaTable *
teema_evaluate_devset (const TeemaCodebook *cb, const char *path,
                       const TeemaEvaluateOptions *options, GError **error)
{
  TeemaEvaluateOptions defaults = { 0 };
  const TeemaEvaluateOptions *opt = options ? options : &defaults;
  g_autofree char *data = NULL;
  if (!teema__read_file (path, &data, NULL, error))
    return NULL;
  const char *lang = opt->lang ? opt->lang : teema_codebook_language (cb);
  g_autoptr (TeemaAnalyzer) az = opt->force_snowball
                                   ? teema_analyzer_new_snowball (lang, error)
                                   : teema_analyzer_new (lang, error);
  if (!az)
    return NULL;
  g_auto (GStrv) lines = g_strsplit (data, "\n", -1);
  if (!lines[0] || !g_str_has_prefix (lines[0], "id\t")) {
    g_set_error (error, TEEMA_ERROR, TEEMA_ERROR_PARSE,
                 "%s:1: expected the header 'id<TAB>group<TAB>speaker<TAB>"
                 "themes<TAB>text'",
                 path);
    return NULL;
  }
  Decisions d;
  decisions_init (&d);
  TeemaTable *t = NULL;
  if (predict_devset (&d, cb, path, lines, az, error))
    t = opt->errors ? errors (&d, cb, opt->leaves_only)
                    : score (&d, cb, opt->leaves_only,
                             "Rules against the development set");
  decisions_clear (&d);
  return t;
}

TeemaTable *
teema_evaluate_coders (TeemaProject *project, const char *gold,
                       const char *test, gboolean all_segments, GError **error)
{
  g_autoptr (TeemaCodebook) cb = teema_codebook_get (project, error);
  if (!cb)
    return NULL;
  TeemaCodingFilter gf = { gold, NULL, NULL, 0 };
  TeemaCodingFilter tf = { test, NULL, NULL, 0 };
  g_autoptr (GPtrArray) g = teema_coding_list (project, &gf, error);
  g_autoptr (GPtrArray) p =
    g ? teema_coding_list (project, &tf, error) : NULL;
  TeemaSegmentFilter sf = { 0 };
  g_autoptr (GPtrArray) segs =
    p ? teema_segment_list (project, &sf, error) : NULL;
  if (!segs)
    return NULL;
  if (g->len == 0) {
    g_set_error (error, TEEMA_ERROR, TEEMA_ERROR_NOT_FOUND,
                 "coder '%s' has no codings (see 'teema coding list')", gold);
    return NULL;
  }
  Decisions d;
  decisions_init (&d);
  g_autoptr (GHashTable) gold_units =
    g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; i < g->len; i++) {
    TeemaCoding *c = g->pdata[i];
    char *unit = g_strdup_printf ("%" G_GINT64_FORMAT, c->segment_id);
    decide (d.gold, cb, unit, c->theme);
    g_hash_table_add (gold_units, unit);
  }
  for (guint i = 0; i < p->len; i++) {
    TeemaCoding *c = p->pdata[i];
    g_autofree char *unit =
      g_strdup_printf ("%" G_GINT64_FORMAT, c->segment_id);
    decide (d.pred, cb, unit, c->theme);
  }
  for (guint i = 0; i < segs->len; i++) {
    char *unit = g_strdup_printf ("%" G_GINT64_FORMAT,
                                  ((TeemaSegment *) segs->pdata[i])->id);
    if (all_segments || g_hash_table_contains (gold_units, unit))
      g_ptr_array_add (d.units, unit);
    else
      g_free (unit);
  }
  g_autofree char *title =
    g_strdup_printf ("Coder '%s' against '%s'", test, gold);
  TeemaTable *t = score (&d, cb, FALSE, title);
  decisions_clear (&d);
  return t;
}
