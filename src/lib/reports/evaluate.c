/* reports/evaluate.c — precision, recall and F1 of rule coding.
 *
 * Both evaluations reduce to sets of (unit, theme) decisions: a gold set
 * and a predicted set over the same units. A parent theme is predicted or
 * gold for a unit when any of its descendants is. */
#include "reports/reports-private.h"

#include <string.h>

/* Decisions on units (development-set rows or segments), each a
 * (unit id, theme index) key. */
typedef struct {
  GHashTable *gold; /* TeemaCodingKey (unit, theme index) */
  GHashTable *pred;
  GArray *units;    /* gint64 unit ids, in order */
  GPtrArray *names; /* char *: each unit's name, parallel to units */
  GPtrArray *texts; /* char *: each unit's text (devset only) */
} Decisions;

static void
decisions_init (Decisions *d)
{
  d->gold = teema_coding_keys__new ();
  d->pred = teema_coding_keys__new ();
  d->units = g_array_new (FALSE, FALSE, sizeof (gint64));
  d->names = g_ptr_array_new_with_free_func (g_free);
  d->texts = g_ptr_array_new_with_free_func (g_free);
}

static void
decisions_clear (Decisions *d)
{
  g_hash_table_destroy (d->gold);
  g_hash_table_destroy (d->pred);
  g_array_unref (d->units);
  g_ptr_array_unref (d->names);
  g_ptr_array_unref (d->texts);
}

static void
add_unit (Decisions *d, gint64 unit, char *name, char *text)
{
  g_array_append_val (d->units, unit);
  g_ptr_array_add (d->names, name);
  g_ptr_array_add (d->texts, text);
}

/* Adds theme (by code) and its ancestors for unit. */
static void
decide (GHashTable *set, const TeemaCodebook *cb, gint64 unit, const char *code)
{
  gint i = teema_codebook_index (cb, code);
  for (guint depth = 0; i >= 0 && depth <= teema_codebook_size (cb); depth++) {
    teema_coding_keys__add (set, unit, i);
    const char *parent = teema_codebook_theme (cb, (guint) i)->parent;
    i = parent ? teema_codebook_index (cb, parent) : -1;
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

/* Precision is undefined without predictions, recall without gold
 * decisions, and F1 when the theme has neither: such cells print "-" and
 * stay out of the macro averages, instead of counting as 0.000. */
typedef struct {
  double p, r, f;
  gboolean has_p, has_r, has_f;
} Scores;

static Scores
scores_of (guint tp, guint fp, guint fn)
{
  Scores s = { 0 };
  s.has_p = tp + fp > 0;
  s.has_r = tp + fn > 0;
  s.has_f = s.has_p || s.has_r;
  s.p = s.has_p ? (double) tp / (tp + fp) : 0.0;
  s.r = s.has_r ? (double) tp / (tp + fn) : 0.0;
  s.f = s.p + s.r > 0 ? 2 * s.p * s.r / (s.p + s.r) : 0.0;
  return s;
}

static void
add_score (TeemaTable *table, gboolean defined, double value)
{
  if (defined)
    teema_table_add_real (table, value, 3);
  else
    teema_table_add_text (table, "-");
}

static void
add_scores (TeemaTable *table, const char *name, guint tp, guint fp, guint fn)
{
  Scores s = scores_of (tp, fp, fn);
  teema_table_add_row (table);
  teema_table_add_text (table, name);
  teema_table_add_int (table, tp + fn);
  teema_table_add_int (table, tp + fp);
  teema_table_add_int (table, tp);
  teema_table_add_int (table, fp);
  teema_table_add_int (table, fn);
  add_score (table, s.has_p, s.p);
  add_score (table, s.has_r, s.r);
  add_score (table, s.has_f, s.f);
}

/* Sums of the defined scores and how many there were, for macro means. */
typedef struct {
  double p, r, f;
  guint n_p, n_r, n_f;
} Macro;

static void
macro_add (Macro *m, guint tp, guint fp, guint fn)
{
  Scores s = scores_of (tp, fp, fn);
  m->p += s.p, m->n_p += s.has_p;
  m->r += s.r, m->n_r += s.has_r;
  m->f += s.f, m->n_f += s.has_f;
}

static void
add_macro (TeemaTable *table, const Macro *m)
{
  teema_table_add_row (table);
  teema_table_add_text (table, "(macro)");
  for (int i = 0; i < 5; i++)
    teema_table_add_text (table, "");
  add_score (table, m->n_p > 0, m->n_p ? m->p / m->n_p : 0);
  add_score (table, m->n_r > 0, m->n_r ? m->r / m->n_r : 0);
  add_score (table, m->n_f > 0, m->n_f ? m->f / m->n_f : 0);
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
  guint TP = 0, FP = 0, FN = 0, n_empty = 0;
  Macro macro = { 0 };
  for (guint i = 0; i < teema_codebook_size (cb); i++) {
    const TeemaTheme *t = teema_codebook_theme (cb, i);
    if (leaves_only && has_children (cb, t))
      continue;
    guint tp = 0, fp = 0, fn = 0;
    for (guint u = 0; u < d->units->len; u++) {
      gint64 unit = g_array_index (d->units, gint64, u);
      gboolean g = teema_coding_keys__has (d->gold, unit, i);
      gboolean pr = teema_coding_keys__has (d->pred, unit, i);
      tp += g && pr;
      fp += !g && pr;
      fn += g && !pr;
    }
    add_scores (table, t->code, tp, fp, fn);
    TP += tp, FP += fp, FN += fn;
    n_empty += tp + fp + fn == 0;
    macro_add (&macro, tp, fp, fn);
  }
  add_scores (table, "(micro)", TP, FP, FN);
  add_macro (table, &macro);
  g_autofree char *note =
    n_empty ? g_strdup_printf ("%u units. \"-\": no decisions to score "
                               "(%u themes neither gold nor predicted); "
                               "left out of the macro averages.",
                               d->units->len, n_empty)
            : g_strdup_printf ("%u units", d->units->len);
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
    gint64 unit = g_array_index (d->units, gint64, u);
    for (guint i = 0; i < teema_codebook_size (cb); i++) {
      const TeemaTheme *t = teema_codebook_theme (cb, i);
      if (leaves_only && has_children (cb, t))
        continue;
      gboolean g = teema_coding_keys__has (d->gold, unit, i);
      gboolean p = teema_coding_keys__has (d->pred, unit, i);
      if (g == p)
        continue;
      teema_table_add_row (table);
      teema_table_add_text (table, d->names->pdata[u]);
      teema_table_add_text (table, t->code);
      teema_table_add_text (table, g ? "missed" : "extra");
      teema_table_add_text (table, d->texts->pdata[u]);
    }
  }
  return table;
}

static gboolean
read_gold (Decisions *d, const TeemaCodebook *cb, const char *path, guint line,
           gint64 unit, const char *themes, GError **error)
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
    gint64 unit = d->units->len;
    add_unit (d, unit, g_strdup (f[0]), g_strdup (f[4]));
    if (!read_gold (d, cb, path, i + 1, unit, f[3], error))
      return FALSE;
    TeemaSegment seg = { .text = f[4], .informant = f[2] };
    g_autoptr (GArray) tokens = teema_analyzer_tokenize (az, f[4], -1);
    g_autoptr (GPtrArray) items = teema_compiled__items_new ();
    teema_compiled__code_one (compiled, &seg, tokens, items);
    for (guint k = 0; k < items->len; k++)
      decide (d->pred, cb, unit,
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

/* Every (segment, theme) of set as a decision. */
static void
decide_all (GHashTable *into, TeemaCodingSet *set)
{
  guint n_themes = teema_codebook_size (teema_coding_set__codebook (set));
  for (guint t = 0; t < n_themes; t++) {
    guint n = 0;
    const TeemaCoded *rows = teema_coding_set__rows (set, t, &n);
    for (guint i = 0; i < n; i++)
      teema_coding_keys__add (into, rows[i].segment, t);
  }
}

/* The units: segments the gold coder coded at all, or every informant
 * segment. */
static gboolean
units_of (Decisions *d, TeemaProject *project, TeemaCodingSet *gold,
          gboolean all_segments, GError **error)
{
  TeemaSegmentFilter sf = { 0 };
  g_autoptr (GPtrArray) segs = teema_segment_list (project, &sf, error);
  if (!segs)
    return FALSE;
  g_autoptr (GHashTable) coded = g_hash_table_new (g_int64_hash, g_int64_equal);
  guint n_themes = teema_codebook_size (teema_coding_set__codebook (gold));
  for (guint t = 0; t < n_themes; t++) {
    guint n = 0;
    const TeemaCoded *rows = teema_coding_set__rows (gold, t, &n);
    for (guint i = 0; i < n; i++)
      g_hash_table_add (coded, (gpointer) &rows[i].segment);
  }
  if (!all_segments && g_hash_table_size (coded) == 0)
    return TRUE;
  for (guint i = 0; i < segs->len; i++) {
    gint64 id = ((TeemaSegment *) segs->pdata[i])->id;
    if (all_segments || g_hash_table_contains (coded, &id))
      add_unit (d, id, g_strdup_printf ("%" G_GINT64_FORMAT, id), NULL);
  }
  return TRUE;
}

TeemaTable *
teema_evaluate_coders (TeemaProject *project, const char *gold,
                       const char *test, gboolean all_segments, GError **error)
{
  TeemaCodingSetOptions go = { .coder = gold, .roll_up = TRUE };
  TeemaCodingSetOptions to = { .coder = test, .roll_up = TRUE };
  g_autoptr (TeemaCodingSet) g = teema_coding_set__new (project, &go, error);
  g_autoptr (TeemaCodingSet) p =
    g ? teema_coding_set__new (project, &to, error) : NULL;
  if (!p)
    return NULL;
  Decisions d;
  decisions_init (&d);
  decide_all (d.gold, g);
  decide_all (d.pred, p);
  TeemaTable *t = NULL;
  if (!units_of (&d, project, g, all_segments, error)) {
  } else if (g_hash_table_size (d.gold) == 0) {
    g_set_error (error, TEEMA_ERROR, TEEMA_ERROR_NOT_FOUND,
                 "coder '%s' has no codings (see 'teema coding list')", gold);
  } else {
    g_autofree char *title =
      g_strdup_printf ("Coder '%s' against '%s'", test, gold);
    t = score (&d, teema_coding_set__codebook (g), FALSE, title);
  }
  decisions_clear (&d);
  return t;
}
