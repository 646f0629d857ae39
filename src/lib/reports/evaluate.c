/* reports/evaluate.c — precision, recall and F1 of rule coding.
 *
 * Both evaluations reduce to sets of (unit, theme) decisions: a gold set
 * and a predicted set over the same units. A parent theme is predicted or
 * gold for a unit when any of its descendants is. A unit is predicted for
 * a theme of scope sentence when any sentence of it is coded: the gold is
 * per unit. */
#include "reports/reports-private.h"

#include <string.h>

/* Decisions on units (development-set rows or segments), each a
 * (unit id, theme index) key. */
typedef struct {
  GHashTable *gold; /* TeemaCodingKey (unit, theme index) */
  GHashTable *pred;
  /* or, for segments as units, the two coders' sets (rolled up) */
  const TeemaCodingSet *gold_set, *pred_set;
  GArray *units;    /* gint64 unit ids, in order */
  GPtrArray *names; /* char *: each unit's name, parallel to units */
  GPtrArray *texts; /* char *: each unit's text (devset only) */
} Decisions;

static void
decisions_init (Decisions *d)
{
  d->gold = teema_coding_keys__new ();
  d->gold_set = d->pred_set = NULL;
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
is_gold (const Decisions *d, gint64 unit, guint theme)
{
  return d->gold_set ? teema_coding_set__has (d->gold_set, unit, theme)
                     : teema_coding_keys__has (d->gold, unit, theme);
}

static gboolean
is_pred (const Decisions *d, gint64 unit, guint theme)
{
  return d->pred_set ? teema_coding_set__has (d->pred_set, unit, theme)
                     : teema_coding_keys__has (d->pred, unit, theme);
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
  const char *cols[] = {
    NC_ ("heading", "theme"),     NC_ ("heading", "gold"),
    NC_ ("heading", "predicted"), NC_ ("heading", "tp"),
    NC_ ("heading", "fp"),        NC_ ("heading", "fn"),
    NC_ ("heading", "precision"), NC_ ("heading", "recall"),
    NC_ ("heading", "f1")
  };
  for (gsize i = 0; i < G_N_ELEMENTS (cols); i++)
    teema_table_add_column_heading (table, cols[i], TEEMA_HEADING (cols[i]),
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
      gboolean g = is_gold (d, unit, i);
      gboolean pr = is_pred (d, unit, i);
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
    n_empty ? g_strdup_printf (_ ("%u units. \"-\": no decisions to score "
                                  "(%u themes neither gold nor predicted); "
                                  "left out of the macro averages."),
                               d->units->len, n_empty)
            : g_strdup_printf (_ ("%u units"), d->units->len);
  teema_table_add_note (table, note);
  return table;
}

/* Lists every false positive and false negative, unit by unit. */
static TeemaTable *
errors (Decisions *d, const TeemaCodebook *cb, gboolean leaves_only)
{
  TeemaTable *table =
    teema_table_new (_ ("Disagreements with the gold coding"));
  teema_table_add_column_heading (table, "unit", C_ ("heading", "unit"),
                                  TEEMA_COLUMN_TEXT);
  teema_table_add_column_heading (table, "theme", C_ ("heading", "theme"),
                                  TEEMA_COLUMN_TEXT);
  teema_table_add_column_heading (table, "error", C_ ("heading", "error"),
                                  TEEMA_COLUMN_TEXT);
  teema_table_add_column_heading (table, "text", C_ ("heading", "text"),
                                  TEEMA_COLUMN_TEXT);
  for (guint u = 0; u < d->units->len; u++) {
    gint64 unit = g_array_index (d->units, gint64, u);
    for (guint i = 0; i < teema_codebook_size (cb); i++) {
      const TeemaTheme *t = teema_codebook_theme (cb, i);
      if (leaves_only && has_children (cb, t))
        continue;
      gboolean g = is_gold (d, unit, i);
      gboolean p = is_pred (d, unit, i);
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

/* Adds the gold decisions of a row. */
static void
read_gold (Decisions *d, const TeemaCodebook *cb, gint64 unit,
           const TeemaDevRow *row)
{
  for (guint i = 0; row->themes[i]; i++)
    decide (d->gold, cb, unit, row->themes[i]);
}

/* ---- the file: columns by header name ------------------------------------ */

/* Where the columns a development set needs are, from its header. Other
 * columns (group, speaker, reason, ...) are read past. */
typedef struct {
  guint n;                /* columns in the header */
  guint id, themes, text; /* their indices */
} Columns;

static gboolean
read_header (const char *path, char *line, Columns *cols, GError **error)
{
  g_strchomp (line);
  if (g_str_has_prefix (line, "\xef\xbb\xbf")) /* a BOM */
    line += 3;
  g_auto (GStrv) names = g_strsplit (line, "\t", -1);
  const char *want[] = { "id", "themes", "text" };
  guint *at[] = { &cols->id, &cols->themes, &cols->text };
  cols->n = g_strv_length (names);
  for (gsize w = 0; w < G_N_ELEMENTS (want); w++) {
    *at[w] = G_MAXUINT;
    for (guint i = 0; i < cols->n; i++)
      if (g_ascii_strcasecmp (g_strstrip (names[i]), want[w]) == 0)
        *at[w] = i;
    if (*at[w] == G_MAXUINT) {
      g_set_error (
        error, TEEMA_ERROR, TEEMA_ERROR_PARSE,
        _ ("%s:1: the header has no '%s' column: expected tab-separated"
           " names with at least id, themes and text (e.g. 'id group"
           " speaker themes text reason')"),
        path, want[w]);
      return FALSE;
    }
  }
  return TRUE;
}

/* Splits a row into the header's columns. A text in the last column may
 * hold tabs (the rest of the line is the text). */
static GStrv
split_row (const char *path, guint line, const char *row, const Columns *cols,
           GError **error)
{
  GStrv f = g_strsplit (row, "\t", (gint) cols->n);
  guint n = g_strv_length (f);
  gboolean text_last = cols->text == cols->n - 1;
  if (n == cols->n && (text_last || !strchr (f[cols->n - 1], '\t')))
    return f;
  g_set_error (error, TEEMA_ERROR, TEEMA_ERROR_PARSE,
               _ ("%s:%u: expected %u tab-separated fields, as in the header"),
               path, line, cols->n);
  g_strfreev (f);
  return NULL;
}

static void
dev_row_free (TeemaDevRow *r)
{
  g_free (r->name);
  g_free (r->text);
  g_strfreev (r->themes);
  g_free (r);
}

GPtrArray *
teema_devset__rows_new (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) dev_row_free);
}

/* The theme ids of a row's themes field, each checked against cb. */
static GStrv
row_themes (const TeemaCodebook *cb, const char *path, guint line,
            const char *themes, GError **error)
{
  g_autoptr (GStrvBuilder) b = g_strv_builder_new ();
  g_auto (GStrv) list = g_str_equal (themes, "-")
                          ? g_new0 (char *, 1)
                          : g_strsplit (themes, ",", -1);
  for (guint i = 0; list[i]; i++) {
    g_strstrip (list[i]);
    if (!teema_codebook_lookup (cb, list[i])) {
      g_set_error (error, TEEMA_ERROR, TEEMA_ERROR_PARSE,
                   _ ("%s:%u: unknown theme '%s' (not in the codebook)"), path,
                   line, list[i]);
      return NULL;
    }
    g_strv_builder_add (b, list[i]);
  }
  return g_strv_builder_end (b);
}

gboolean
teema_devset__read (const TeemaCodebook *cb, const char *path, GPtrArray *rows,
                    GError **error)
{
  g_autofree char *data = NULL;
  if (!teema__read_file (path, &data, NULL, error))
    return FALSE;
  g_auto (GStrv) lines = g_strsplit (data, "\n", -1);
  if (!lines[0]) {
    g_set_error (error, TEEMA_ERROR, TEEMA_ERROR_PARSE,
                 _ ("%s:1: empty file: expected a header line"), path);
    return FALSE;
  }
  Columns cols;
  if (!read_header (path, lines[0], &cols, error))
    return FALSE;
  for (guint i = 1; lines[i]; i++) {
    g_strchomp (lines[i]);
    if (!*lines[i])
      continue;
    g_auto (GStrv) f = split_row (path, i + 1, lines[i], &cols, error);
    if (!f)
      return FALSE;
    GStrv themes = row_themes (cb, path, i + 1, f[cols.themes], error);
    if (!themes)
      return FALSE;
    TeemaDevRow *r = g_new0 (TeemaDevRow, 1);
    r->name = g_strdup (f[cols.id]);
    r->text = g_strdup (f[cols.text]);
    r->themes = themes;
    g_ptr_array_add (rows, r);
  }
  return TRUE;
}

/* ---- why: the errors grouped by cause ------------------------------------ */

/* One cause of errors on one theme, with the units it explains. */
typedef struct {
  guint theme;      /* codebook index */
  gboolean missed;  /* TRUE: gold has it, the rules do not; FALSE: extra */
  char *cause;      /* e.g. "no rule word", "rule 2 lemma:tuttu" */
  GPtrArray *units; /* char *: unit names, each once */
  GPtrArray *words; /* char *: the words behind the cause, each once */
} WhyRow;

typedef struct {
  GHashTable *by_key; /* "theme\x1f missed\x1f cause" -> WhyRow (borrowed) */
  GPtrArray *rows;    /* WhyRow *, owned */
} Why;

static void
why_row_free (WhyRow *r)
{
  g_free (r->cause);
  g_ptr_array_unref (r->units);
  g_ptr_array_unref (r->words);
  g_free (r);
}

static void
why_init (Why *w)
{
  w->by_key = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  w->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) why_row_free);
}

static void
why_clear (Why *w)
{
  g_hash_table_destroy (w->by_key);
  g_ptr_array_unref (w->rows);
}

static void
add_once (GPtrArray *list, const char *s)
{
  for (guint i = 0; i < list->len; i++)
    if (g_str_equal (list->pdata[i], s))
      return;
  g_ptr_array_add (list, g_strdup (s));
}

/* Files unit under (theme, missed, cause), with word (may be NULL). */
static void
why_add (Why *w, guint theme, gboolean missed, const char *cause,
         const char *unit, const char *word)
{
  g_autofree char *key =
    g_strdup_printf ("%u\x1f%d\x1f%s", theme, missed, cause);
  WhyRow *r = g_hash_table_lookup (w->by_key, key);
  if (!r) {
    r = g_new0 (WhyRow, 1);
    r->theme = theme;
    r->missed = missed;
    r->cause = g_strdup (cause);
    r->units = g_ptr_array_new_with_free_func (g_free);
    r->words = g_ptr_array_new_with_free_func (g_free);
    g_ptr_array_add (w->rows, r);
    g_hash_table_insert (w->by_key, g_steal_pointer (&key), r);
  }
  add_once (r->units, unit);
  if (word) {
    g_autofree char *folded = g_utf8_strdown (word, -1);
    add_once (r->words, folded);
  }
}

/* The 1-based position of rule source among theme's rules, or 0. */
static guint
rule_number (const TeemaTheme *t, const char *rule)
{
  for (guint i = 0; i < t->rules->len; i++)
    if (g_str_equal (t->rules->pdata[i], rule))
      return i + 1;
  return 0;
}

/* The rules coded theme i on a unit the gold does not: which rule and
 * term, and the words. */
static void
why_extra (Why *w, guint i, const TeemaTheme *t, const char *unit,
           const TeemaAutocodeItem *it)
{
  for (guint h = 0; h < it->hits->len; h++) {
    const TeemaAutocodeHit *hit = it->hits->pdata[h];
    guint n = rule_number (t, hit->rule);
    g_autofree char *cause = n ? g_strdup_printf ("rule %u: %s", n, hit->why)
                               : g_strdup_printf ("evidence: %s", hit->why);
    why_add (w, i, FALSE, cause, unit, hit->word);
  }
}

/* The rules did not code theme i on a unit the gold has it on: why. */
static void
why_missed (Why *w, TeemaCompiled *compiled, guint i, const TeemaTheme *t,
            const char *unit, const TeemaSegment *seg, const GArray *tokens)
{
  g_autoptr (GPtrArray) details = g_ptr_array_new_with_free_func (g_free);
  switch (
    teema_compiled__why_missed (compiled, t->code, seg, tokens, details)) {
  case TEEMA_MISS_NO_WORD:
    why_add (w, i, TRUE, "no rule word", unit, NULL);
    break;
  case TEEMA_MISS_EXCLUDED:
    for (guint k = 0; k < details->len; k++) {
      char *d = details->pdata[k];
      char *sep = g_strrstr (d, ": ");
      if (sep)
        *sep = '\0';
      g_autofree char *cause = g_strdup_printf ("excluded by %s", d);
      why_add (w, i, TRUE, cause, unit, sep ? sep + 2 : NULL);
    }
    break;
  case TEEMA_MISS_APART:
    for (guint k = 0; k < details->len; k++) {
      g_autofree char *cause = g_strdup_printf (
        "%s: its words apart or out of order", (char *) details->pdata[k]);
      why_add (w, i, TRUE, cause, unit, NULL);
    }
    break;
  case TEEMA_MISS_INCOMPLETE:
    for (guint k = 0; k < details->len; k++) {
      g_autofree char *cause =
        g_strdup_printf ("no whole rule, only %s", (char *) details->pdata[k]);
      why_add (w, i, TRUE, cause, unit, NULL);
    }
    break;
  case TEEMA_MISS_BELOW_SCOPE:
    for (guint k = 0; k < details->len; k++) {
      g_autofree char *cause =
        g_strdup_printf ("below scope: %s matches the segment, no single "
                         "sentence",
                         (char *) details->pdata[k]);
      why_add (w, i, TRUE, cause, unit, NULL);
    }
    break;
  case TEEMA_MISS_OUTWEIGHED:
    why_add (w, i, TRUE,
             "outweighed: a rule matches, the evidence weighs "
             "against",
             unit, details->len ? details->pdata[0] : NULL);
    break;
  }
}

/* Explains each error of one unit on the leaf themes. */
static void
why_unit (Why *w, Decisions *d, const TeemaCodebook *cb,
          TeemaCompiled *compiled, gint64 unit, const TeemaSegment *seg,
          const GArray *tokens, GPtrArray *items)
{
  const char *name = d->names->pdata[unit];
  for (guint i = 0; i < teema_codebook_size (cb); i++) {
    const TeemaTheme *t = teema_codebook_theme (cb, i);
    if (has_children (cb, t))
      continue;
    const TeemaAutocodeItem *coded = NULL;
    for (guint k = 0; k < items->len && !coded; k++)
      if (g_str_equal (((TeemaAutocodeItem *) items->pdata[k])->theme, t->code))
        coded = items->pdata[k];
    gboolean gold = teema_coding_keys__has (d->gold, unit, i);
    if (gold && !coded)
      why_missed (w, compiled, i, t, name, seg, tokens);
    else if (!gold && coded)
      why_extra (w, i, t, name, coded);
  }
}

static gint
why_order (gconstpointer a, gconstpointer b)
{
  const WhyRow *x = *(WhyRow *const *) a, *y = *(WhyRow *const *) b;
  if (x->theme != y->theme)
    return x->theme < y->theme ? -1 : 1;
  if (x->missed != y->missed)
    return x->missed ? -1 : 1;
  if (x->units->len != y->units->len)
    return x->units->len > y->units->len ? -1 : 1;
  return g_strcmp0 (x->cause, y->cause);
}

static char *
joined (GPtrArray *list, const char *sep)
{
  g_ptr_array_add (list, NULL);
  char *s = g_strjoinv (sep, (char **) list->pdata);
  g_ptr_array_set_size (list, list->len - 1);
  return s;
}

static TeemaTable *
why_table (Why *w, const TeemaCodebook *cb)
{
  TeemaTable *table = teema_table_new (_ ("Errors by cause"));
  teema_table_add_column_heading (table, "theme", C_ ("heading", "theme"),
                                  TEEMA_COLUMN_TEXT);
  teema_table_add_column_heading (table, "error", C_ ("heading", "error"),
                                  TEEMA_COLUMN_TEXT);
  teema_table_add_column_heading (table, "n", C_ ("heading", "n"),
                                  TEEMA_COLUMN_INT);
  teema_table_add_column_heading (table, "cause", C_ ("heading", "cause"),
                                  TEEMA_COLUMN_TEXT);
  teema_table_add_column_heading (table, "units", C_ ("heading", "units"),
                                  TEEMA_COLUMN_TEXT);
  g_ptr_array_sort (w->rows, why_order);
  for (guint i = 0; i < w->rows->len; i++) {
    WhyRow *r = w->rows->pdata[i];
    g_autofree char *words = joined (r->words, ", ");
    g_autofree char *cause = *words
                               ? g_strdup_printf ("%s (%s)", r->cause, words)
                               : g_strdup (r->cause);
    g_autofree char *units = joined (r->units, " ");
    teema_table_add_row (table);
    teema_table_add_text (table, teema_codebook_theme (cb, r->theme)->code);
    teema_table_add_text (table, r->missed ? "missed" : "false");
    teema_table_add_int (table, r->units->len);
    teema_table_add_text (table, cause);
    teema_table_add_text (table, units);
  }
  teema_table_add_note (
    table, _ ("missed: hand-coded, not coded by the rules; false: coded by the "
              "rules, not by hand. A miss: no word of the theme's rules in "
              "the unit; excluded (a rule matched only with words an "
              "exclusion blocks); a rule's words apart (too far for NEAR, out "
              "of a phrase's order, or with a NOT word); or no whole rule (a "
              "NEAR or AND partner or a phrase word missing); below scope: "
              "a theme with scope: sentence whose rule matches the whole unit "
              "but no single sentence of it; outweighed: a theme with evidence "
              "whose rule matches but whose words weigh against it. A false "
              "coding names the rule and term, or the evidence terms that "
              "weighed for it. A unit may have several causes. "
              "Leaf themes only."));
  return table;
}

/* ---- the development set ------------------------------------------------- */

static gboolean
predict_devset (Decisions *d, Why *why, const TeemaCodebook *cb,
                GPtrArray *rows, TeemaAnalyzer *az, GError **error)
{
  g_autoptr (TeemaCompiled) compiled = teema_compiled__new (cb, az, error);
  if (!compiled)
    return FALSE;
  for (guint i = 0; i < rows->len; i++) {
    TeemaDevRow *row = rows->pdata[i];
    gint64 unit = d->units->len;
    add_unit (d, unit, g_strdup (row->name), g_strdup (row->text));
    read_gold (d, cb, unit, row);
    TeemaSegment seg = { .text = row->text, .informant = NULL };
    g_autoptr (GArray) tokens = teema_analyzer_tokenize (az, row->text, -1);
    g_autoptr (GPtrArray) items = teema_compiled__items_new ();
    teema_compiled__code_one (compiled, &seg, tokens, items);
    for (guint k = 0; k < items->len; k++)
      decide (d->pred, cb, unit,
              ((TeemaAutocodeItem *) items->pdata[k])->theme);
    if (why)
      why_unit (why, d, cb, compiled, unit, &seg, tokens, items);
  }
  return TRUE;
}

TeemaTable *
teema_evaluate_devset (const TeemaCodebook *cb, const char *path,
                       const TeemaEvaluateOptions *options, GError **error)
{
  TeemaEvaluateOptions defaults = { 0 };
  const TeemaEvaluateOptions *opt = options ? options : &defaults;
  g_autoptr (GPtrArray) rows = teema_devset__rows_new ();
  if (!teema_devset__read (cb, path, rows, error))
    return NULL;
  const char *lang = opt->lang ? opt->lang : teema_codebook_language (cb);
  g_autoptr (TeemaAnalyzer) az = opt->force_snowball
                                   ? teema_analyzer_new_snowball (lang, error)
                                   : teema_analyzer_new (lang, error);
  if (!az)
    return NULL;
  Decisions d;
  decisions_init (&d);
  Why why;
  why_init (&why);
  TeemaTable *t = NULL;
  if (!predict_devset (&d, opt->why ? &why : NULL, cb, rows, az, error))
    ;
  else if (opt->why)
    t = why_table (&why, cb);
  else if (opt->errors)
    t = errors (&d, cb, opt->leaves_only);
  else
    t =
      score (&d, cb, opt->leaves_only, _ ("Rules against the development set"));
  why_clear (&why);
  decisions_clear (&d);
  return t;
}

static gboolean
any_rows (const TeemaCodingSet *set)
{
  guint n_themes = teema_codebook_size (teema_coding_set__codebook (set));
  for (guint t = 0; t < n_themes; t++) {
    guint n = 0;
    teema_coding_set__rows (set, t, &n);
    if (n)
      return TRUE;
  }
  return FALSE;
}

/* The units: segments the gold coder coded at all, or every informant
 * segment. */
static gboolean
units_of (Decisions *d, TeemaProject *project, TeemaCodingSet *gold,
          gboolean all_segments, GError **error)
{
  TeemaSegmentFilter sf = { 0 };
  g_autoptr (GArray) segs =
    teema_store__segment_keys_list (project->store, &sf, error);
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
    gint64 id = g_array_index (segs, TeemaStoreSegmentKey, i).id;
    if (all_segments || g_hash_table_contains (coded, &id))
      add_unit (d, id, g_strdup_printf ("%" G_GINT64_FORMAT, id), NULL);
  }
  return TRUE;
}

TeemaTable *
teema_evaluate_coders (TeemaProject *project, const char *gold,
                       const char *test, gboolean all_segments, GError **error)
{
  /* The rules are judged on everything they coded, rejected or not. */
  TeemaCodingSetOptions go = { .coder = gold,
                               .roll_up = TRUE,
                               .with_rejected = TRUE };
  TeemaCodingSetOptions to = { .coder = test,
                               .roll_up = TRUE,
                               .with_rejected = TRUE };
  g_autoptr (TeemaCodingSet) g = NULL;
  g_autoptr (TeemaCodingSet) p = NULL;
  if (!teema_coding_set__new_pair (project, &go, &to, &g, &p, error))
    return NULL;
  Decisions d;
  decisions_init (&d);
  d.gold_set = g;
  d.pred_set = p;
  TeemaTable *t = NULL;
  if (!units_of (&d, project, g, all_segments, error)) {
  } else if (!any_rows (g)) {
    g_set_error (error, TEEMA_ERROR, TEEMA_ERROR_NOT_FOUND,
                 _ ("coder '%s' has no codings (see 'teema coding list')"),
                 gold);
  } else {
    g_autofree char *title =
      g_strdup_printf (_ ("Coder '%s' against '%s'"), test, gold);
    t = score (&d, teema_coding_set__codebook (g), FALSE, title);
  }
  decisions_clear (&d);
  return t;
}
