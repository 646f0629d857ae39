/* reports/learn.c — evidence learned from hand-coded rows (teema/evidence.h).
 *
 * Each row becomes the set of its words' terms (teema_evidence__terms, as
 * coding weighs them) plus whether the theme's rules code it. A logistic
 * regression per theme, fitted by stochastic gradient descent in a fixed
 * pseudo-random order, gives a weight per term, the rules' weight and a
 * bias; coding with them is the model's decision (odds above even).
 * Terms of small weight are then left out, so that the codebook lists the
 * words that matter.
 *
 * With several files, every file is left out once and coded with weights
 * learned from the others: the report's F1 is on rows the weights did not
 * see, the honest measure of what evidence adds on new text. */
#include "reports/reports-private.h"

#include <math.h>
#include <string.h>

#define DEFAULT_MIN_CODED  10
#define DEFAULT_MIN_WEIGHT 0.5
#define DEFAULT_EPOCHS     15
#define DEFAULT_L2         0.001
#define LEARNING_RATE      0.3
#define SEED               1

/* A row as the learner sees it. */
typedef struct {
  guint file; /* which development set */
  char *text;
  guint *feats; /* its distinct term ids */
  guint n_feats;
  guint8 *gold;  /* per codebook theme: coded by hand (with sub-themes) */
  guint8 *ruled; /* per codebook theme: coded by the rules */
} Row;

typedef struct {
  GPtrArray *rows;  /* Row * */
  GPtrArray *names; /* term id -> its term (owned) */
  guint n_files;
  const TeemaCodebook *cb;
} Data;

/* One theme's fitted weights. */
typedef struct {
  double *w; /* per term id */
  double bias, rules;
} Model;

static void
row_free (Row *r)
{
  g_free (r->text);
  g_free (r->feats);
  g_free (r->gold);
  g_free (r->ruled);
  g_free (r);
}

/* Marks theme code and its ancestors in flags. */
static void
mark (guint8 *flags, const TeemaCodebook *cb, const char *code)
{
  gint i = teema_codebook_index (cb, code);
  for (guint depth = 0; i >= 0 && depth <= teema_codebook_size (cb); depth++) {
    flags[i] = 1;
    const char *parent = teema_codebook_theme (cb, (guint) i)->parent;
    i = parent ? teema_codebook_index (cb, parent) : -1;
  }
}

/* The distinct term ids of tokens, new terms given the next ids. */
static guint *
row_terms (GHashTable *ids, GPtrArray *names, const GArray *tokens, guint *n)
{
  g_autoptr (GPtrArray) terms = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < tokens->len; i++)
    teema_evidence__terms (g_array_index (tokens, TeemaToken, i).analysis,
                           terms);
  g_autoptr (GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  guint *out = g_new (guint, terms->len + 1);
  *n = 0;
  for (guint i = 0; i < terms->len; i++) {
    const char *term = terms->pdata[i];
    if (!g_hash_table_add (seen, (gpointer) term))
      continue;
    gpointer id;
    if (!g_hash_table_lookup_extended (ids, term, NULL, &id)) {
      char *name = g_strdup (term); /* names owns it, ids borrows it */
      id = GUINT_TO_POINTER (names->len);
      g_hash_table_insert (ids, name, id);
      g_ptr_array_add (names, name);
    }
    out[(*n)++] = GPOINTER_TO_UINT (id);
  }
  return out;
}

/* What reading rows needs: the rules alone, compiled, to say which themes
 * they code, and the term ids given so far. */
typedef struct {
  TeemaCompiled *compiled;
  GHashTable *ids; /* term -> id (keys borrowed from the data's names) */
  TeemaAnalyzer *az;
} Loader;

/* Adds a row of file (a development set, or an interview) coded with
 * themes (theme ids; unknown ones are ignored) to d. */
static void
add_row (Data *d, Loader *l, guint file, const char *text,
         const char *const *themes)
{
  guint n_themes = teema_codebook_size (d->cb);
  Row *r = g_new0 (Row, 1);
  r->file = file;
  r->text = g_strdup (text);
  r->gold = g_new0 (guint8, n_themes + 1);
  r->ruled = g_new0 (guint8, n_themes + 1);
  g_ptr_array_add (d->rows, r);
  for (guint k = 0; themes && themes[k]; k++)
    mark (r->gold, d->cb, themes[k]);
  TeemaSegment seg = { .text = (char *) text };
  g_autoptr (GArray) tokens = teema_analyzer_tokenize (l->az, text, -1);
  r->feats = row_terms (l->ids, d->names, tokens, &r->n_feats);
  g_autoptr (GPtrArray) items = teema_compiled__items_new ();
  teema_compiled__code_one (l->compiled, &seg, tokens, items);
  for (guint k = 0; k < items->len; k++)
    mark (r->ruled, d->cb, ((TeemaAutocodeItem *) items->pdata[k])->theme);
}

/* Every row of every development set at paths, a file each. */
static gboolean
load_files (Data *d, Loader *l, gconstpointer paths_, GError **error)
{
  const char *const *paths = paths_;
  for (guint f = 0; paths[f]; f++, d->n_files++) {
    g_autoptr (GPtrArray) rows = teema_devset__rows_new ();
    if (!teema_devset__read (d->cb, paths[f], rows, error))
      return FALSE;
    for (guint i = 0; i < rows->len; i++) {
      const TeemaDevRow *dr = rows->pdata[i];
      add_row (d, l, f, dr->text, (const char *const *) dr->themes);
    }
  }
  return TRUE;
}

typedef struct {
  TeemaProject *project;
  const char *coder;
} FromCoder;

/* Every informant segment of each interview the coder coded any segment
 * of, with the themes the coder gave it (none: a segment the coder read
 * and found no theme in); an interview (document) is a file. */
static gboolean
load_coder (Data *d, Loader *l, gconstpointer data, GError **error)
{
  const FromCoder *fc = data;
  TeemaCodingFilter cf = { .coder = fc->coder, .keys_only = TRUE };
  g_autoptr (GPtrArray) codings = teema_coding_list (fc->project, &cf, error);
  if (!codings)
    return FALSE;
  /* segment id -> GPtrArray of its theme ids */
  g_autoptr (GHashTable) coded = g_hash_table_new_full (
    g_int64_hash, g_int64_equal, g_free, (GDestroyNotify) g_ptr_array_unref);
  for (guint i = 0; i < codings->len; i++) {
    const TeemaCoding *c = codings->pdata[i];
    GPtrArray *themes = g_hash_table_lookup (coded, &c->segment_id);
    if (!themes) {
      themes = g_ptr_array_new ();
      g_hash_table_insert (coded, g_memdup2 (&c->segment_id, sizeof (gint64)),
                           themes);
    }
    if (!g_ptr_array_find_with_equal_func (themes, c->theme, g_str_equal, NULL))
      g_ptr_array_add (themes, c->theme);
  }
  if (g_hash_table_size (coded) == 0) {
    g_set_error (error, TEEMA_ERROR, TEEMA_ERROR_NOT_FOUND,
                 _ ("coder '%s' has no codings to learn from (see 'teema "
                    "coding list')"),
                 fc->coder);
    return FALSE;
  }
  g_autoptr (GPtrArray) segs = teema_segment_list (fc->project, NULL, error);
  if (!segs)
    return FALSE;
  /* document id -> its file number + 1, for the interviews coded */
  g_autoptr (GHashTable) files = g_hash_table_new (g_int64_hash, g_int64_equal);
  for (guint i = 0; i < segs->len; i++) {
    const TeemaSegment *seg = segs->pdata[i];
    if (g_hash_table_contains (coded, &seg->id)
        && !g_hash_table_contains (files, &seg->document_id))
      g_hash_table_insert (files, (gpointer) &seg->document_id,
                           GUINT_TO_POINTER (++d->n_files));
  }
  for (guint i = 0; i < segs->len; i++) {
    const TeemaSegment *seg = segs->pdata[i];
    guint file =
      GPOINTER_TO_UINT (g_hash_table_lookup (files, &seg->document_id));
    if (!file)
      continue;
    GPtrArray *themes = g_hash_table_lookup (coded, &seg->id);
    if (themes)
      g_ptr_array_add (themes, NULL);
    add_row (d, l, file - 1, seg->text,
             themes ? (const char *const *) themes->pdata : NULL);
    if (themes)
      g_ptr_array_set_size (themes, themes->len - 1);
  }
  return TRUE;
}

static double
sigmoid (double z)
{
  return 1.0 / (1.0 + exp (-CLAMP (z, -30.0, 30.0)));
}

static double
model_score (const Model *m, const Row *r, guint theme)
{
  double z = m->bias + (r->ruled[theme] ? m->rules : 0);
  for (guint k = 0; k < r->n_feats; k++)
    z += m->w[r->feats[k]];
  return z;
}

/* Fits theme on the rows not in file skip (G_MAXUINT: all rows). */
static Model
fit (const Data *d, guint theme, guint skip, const TeemaLearnOptions *o)
{
  Model m = { g_new0 (double, d->names->len + 1), 0, 0 };
  g_autoptr (GArray) order = g_array_new (FALSE, FALSE, sizeof (guint));
  for (guint i = 0; i < d->rows->len; i++)
    if (((Row *) d->rows->pdata[i])->file != skip)
      g_array_append_val (order, i);
  GRand *rand = g_rand_new_with_seed (SEED);
  for (guint epoch = 0; epoch < o->epochs; epoch++) {
    for (guint i = order->len; i > 1; i--) { /* Fisher-Yates */
      guint j = (guint) g_rand_int_range (rand, 0, (gint32) i);
      guint tmp = g_array_index (order, guint, i - 1);
      g_array_index (order, guint, i - 1) = g_array_index (order, guint, j);
      g_array_index (order, guint, j) = tmp;
    }
    double rate = LEARNING_RATE / (1 + epoch);
    for (guint i = 0; i < order->len; i++) {
      const Row *r = d->rows->pdata[g_array_index (order, guint, i)];
      double g = sigmoid (model_score (&m, r, theme)) - r->gold[theme];
      m.bias -= rate * g;
      if (r->ruled[theme])
        m.rules -= rate * (g + o->l2 * m.rules);
      for (guint k = 0; k < r->n_feats; k++) {
        double *w = &m.w[r->feats[k]];
        *w -= rate * (g + o->l2 * *w);
      }
    }
  }
  g_rand_free (rand);
  for (guint t = 0; t < d->names->len; t++)
    if (fabs (m.w[t]) < o->min_weight)
      m.w[t] = 0;
  return m;
}

/* A copy of cb through its text form. */
static TeemaCodebook *
copy_of (const TeemaCodebook *cb, GError **error)
{
  g_autofree char *text = teema_codebook_to_text (cb);
  return teema_codebook_parse (text, -1, teema_codebook_name (cb), error);
}

/* ---- the evidence lines ------------------------------------------------- */

typedef struct {
  const char *term;
  double weight;
} Ranked;

static gint
by_weight (gconstpointer a, gconstpointer b)
{
  const Ranked *x = a, *y = b;
  if (x->weight != y->weight)
    return x->weight > y->weight ? -1 : 1;
  return strcmp (x->term, y->term);
}

/* Rounds as the codebook file writes weights, so that the learned
 * codebook codes as the file it is saved to. */
static double
rounded (double w)
{
  return round (w * 1000) / 1000;
}

static GArray *
evidence_of (const Data *d, const Model *m)
{
  GArray *ev = teema_evidence__array_new ();
  TeemaEvidence bias = { g_strdup ("bias"), rounded (m->bias) };
  TeemaEvidence rules = { g_strdup ("rules"), rounded (m->rules) };
  g_array_append_val (ev, bias);
  g_array_append_val (ev, rules);
  g_autoptr (GArray) ranked = g_array_new (FALSE, FALSE, sizeof (Ranked));
  for (guint t = 0; t < d->names->len; t++)
    if (rounded (m->w[t]) != 0) {
      Ranked r = { d->names->pdata[t], rounded (m->w[t]) };
      g_array_append_val (ranked, r);
    }
  g_array_sort (ranked, by_weight);
  for (guint i = 0; i < ranked->len; i++) {
    Ranked *r = &g_array_index (ranked, Ranked, i);
    TeemaEvidence e = { g_strdup (r->term), r->weight };
    g_array_append_val (ev, e);
  }
  return ev;
}

/* ---- the report ---------------------------------------------------------- */

typedef struct {
  guint tp, fp, fn;
} Counts;

static void
count (Counts *c, gboolean predicted, gboolean gold)
{
  if (predicted && gold)
    c->tp++;
  else if (predicted)
    c->fp++;
  else if (gold)
    c->fn++;
}

static double
f1 (const Counts *c)
{
  guint den = 2 * c->tp + c->fp + c->fn;
  return den ? 2.0 * c->tp / den : 0;
}

/* Codes the rows of file f as autocode would with cb, into pred (per row,
 * per codebook theme). */
static gboolean
code_file (const Data *d, guint f, const TeemaCodebook *cb, TeemaAnalyzer *az,
           guint8 **pred, GError **error)
{
  g_autoptr (TeemaCompiled) compiled = teema_compiled__new (cb, az, error);
  if (!compiled)
    return FALSE;
  for (guint i = 0; i < d->rows->len; i++) {
    const Row *r = d->rows->pdata[i];
    if (r->file != f)
      continue;
    TeemaSegment seg = { .text = r->text };
    g_autoptr (GArray) tokens = teema_analyzer_tokenize (az, r->text, -1);
    g_autoptr (GPtrArray) items = teema_compiled__items_new ();
    teema_compiled__code_one (compiled, &seg, tokens, items);
    for (guint k = 0; k < items->len; k++)
      mark (pred[i], d->cb, ((TeemaAutocodeItem *) items->pdata[k])->theme);
  }
  return TRUE;
}

/* Codes each file with the rules and with evidence learned from the other
 * files, as autocode codes (long rows in runs of sentences), and counts
 * per theme: rules[k], weighed[k] (k: index into themes). */
static gboolean
held_out (const Data *d, const GArray *themes, const TeemaCodebook *rules_only,
          const TeemaLearnOptions *o, TeemaAnalyzer *az, Counts *rules,
          Counts *weighed, GError **error)
{
  guint n_themes = teema_codebook_size (d->cb);
  guint8 **pred = g_new0 (guint8 *, d->rows->len + 1);
  for (guint i = 0; i < d->rows->len; i++)
    pred[i] = g_new0 (guint8, n_themes + 1);
  gboolean ok = TRUE;
  for (guint f = 0; ok && f < d->n_files; f++) {
    g_autoptr (TeemaCodebook) fold = copy_of (rules_only, error);
    ok = fold != NULL;
    for (guint t = 0; ok && t < themes->len; t++) {
      guint k = g_array_index (themes, guint, t);
      Model m = fit (d, k, f, o);
      g_autoptr (GArray) ev = evidence_of (d, &m);
      g_free (m.w);
      ok = teema_codebook_set_evidence (
        fold, teema_codebook_theme (d->cb, k)->code, ev, error);
    }
    ok = ok && code_file (d, f, fold, az, pred, error);
  }
  for (guint i = 0; ok && i < d->rows->len; i++) {
    const Row *r = d->rows->pdata[i];
    for (guint t = 0; t < themes->len; t++) {
      guint k = g_array_index (themes, guint, t);
      count (&rules[t], r->ruled[k], r->gold[k]);
      count (&weighed[t], pred[i][k], r->gold[k]);
    }
  }
  for (guint i = 0; i < d->rows->len; i++)
    g_free (pred[i]);
  g_free (pred);
  return ok;
}

static TeemaTable *
report_new (gboolean cross)
{
  TeemaTable *t = teema_table_new (_ ("Evidence learned"));
  teema_table_add_column_heading (t, "theme", C_ ("heading", "theme"),
                                  TEEMA_COLUMN_TEXT);
  teema_table_add_column_heading (t, "coded", C_ ("heading", "coded"),
                                  TEEMA_COLUMN_INT);
  teema_table_add_column_heading (t, "terms", C_ ("heading", "terms"),
                                  TEEMA_COLUMN_INT);
  if (cross) {
    teema_table_add_column_heading (t, "f1_rules", C_ ("heading", "F1 rules"),
                                    TEEMA_COLUMN_REAL);
    teema_table_add_column_heading (
      t, "f1_evidence", C_ ("heading", "F1 with evidence"), TEEMA_COLUMN_REAL);
  }
  return t;
}

static void
report_row (TeemaTable *t, const char *name, gint coded, gint terms,
            const Counts *rules, const Counts *weighed)
{
  teema_table_add_row (t);
  teema_table_add_text (t, name);
  if (coded < 0)
    teema_table_add_text (t, "");
  else
    teema_table_add_int (t, coded);
  if (terms < 0)
    teema_table_add_text (t, "");
  else
    teema_table_add_int (t, terms);
  if (rules) {
    teema_table_add_real (t, f1 (rules), 3);
    teema_table_add_real (t, f1 (weighed), 3);
  }
}

/* ---- learning ------------------------------------------------------------ */

static gboolean
has_children (const TeemaCodebook *cb, const char *code)
{
  for (guint i = 0; i < teema_codebook_size (cb); i++) {
    const char *parent = teema_codebook_theme (cb, i)->parent;
    if (parent && teema_theme_code_equal (parent, code))
      return TRUE;
  }
  return FALSE;
}

static guint
n_coded (const Data *d, guint theme)
{
  guint n = 0;
  for (guint i = 0; i < d->rows->len; i++)
    n += ((Row *) d->rows->pdata[i])->gold[theme];
  return n;
}

/* The codebook indices of the themes to learn. */
static GArray *
chosen_themes (const Data *d, const TeemaLearnOptions *o, GError **error)
{
  GArray *out = g_array_new (FALSE, FALSE, sizeof (guint));
  const TeemaCodebook *cb = d->cb;
  for (guint i = 0; o->themes && o->themes[i]; i++) {
    const TeemaTheme *t = teema_codebook_find (cb, o->themes[i], error);
    if (!t) {
      g_array_unref (out);
      return NULL;
    }
    guint k = (guint) teema_codebook_index (cb, t->code);
    g_array_append_val (out, k);
  }
  for (guint k = 0; !o->themes && k < teema_codebook_size (cb); k++)
    if (!has_children (cb, teema_codebook_theme (cb, k)->code)
        && n_coded (d, k) >= o->min_coded)
      g_array_append_val (out, k);
  if (out->len == 0) {
    g_set_error (error, TEEMA_ERROR, TEEMA_ERROR_NOT_FOUND,
                 _ ("no theme is coded in %u rows or more: code more rows "
                    "by hand, or name the themes to learn"),
                 o->min_coded);
    g_array_unref (out);
    return NULL;
  }
  return out;
}

static TeemaCodebook *
without_evidence (const TeemaCodebook *cb, GError **error)
{
  TeemaCodebook *out = copy_of (cb, error);
  for (guint i = 0; out && i < teema_codebook_size (out); i++)
    teema_codebook_set_evidence (out, teema_codebook_theme (out, i)->code, NULL,
                                 NULL);
  return out;
}

static TeemaLearnOptions
defaults_of (const TeemaLearnOptions *options)
{
  TeemaLearnOptions o = { 0 };
  if (options)
    o = *options;
  if (!o.min_coded)
    o.min_coded = DEFAULT_MIN_CODED;
  if (o.min_weight <= 0)
    o.min_weight = DEFAULT_MIN_WEIGHT;
  if (!o.epochs)
    o.epochs = DEFAULT_EPOCHS;
  if (o.l2 <= 0)
    o.l2 = DEFAULT_L2;
  return o;
}

/* Learns each chosen theme into out, with its report row. */
static gboolean
learn_themes (const Data *d, const GArray *themes, const TeemaLearnOptions *o,
              const TeemaCodebook *rules_only, TeemaAnalyzer *az,
              TeemaCodebook *out, TeemaTable *report, GError **error)
{
  gboolean cross = d->n_files > 1;
  g_autofree Counts *rules = g_new0 (Counts, themes->len + 1);
  g_autofree Counts *weighed = g_new0 (Counts, themes->len + 1);
  if (cross && !held_out (d, themes, rules_only, o, az, rules, weighed, error))
    return FALSE;
  Counts all_rules = { 0 }, all_weighed = { 0 };
  for (guint i = 0; i < themes->len; i++) {
    guint k = g_array_index (themes, guint, i);
    const char *code = teema_codebook_theme (d->cb, k)->code;
    Model m = fit (d, k, G_MAXUINT, o);
    g_autoptr (GArray) ev = evidence_of (d, &m);
    g_free (m.w);
    if (!teema_codebook_set_evidence (out, code, ev, error))
      return FALSE;
    all_rules.tp += rules[i].tp, all_rules.fp += rules[i].fp;
    all_rules.fn += rules[i].fn;
    all_weighed.tp += weighed[i].tp, all_weighed.fp += weighed[i].fp;
    all_weighed.fn += weighed[i].fn;
    if (report)
      report_row (report, code, (gint) n_coded (d, k), (gint) ev->len - 2,
                  cross ? &rules[i] : NULL, &weighed[i]);
  }
  if (report && cross)
    report_row (report, "(micro)", -1, -1, &all_rules, &all_weighed);
  return TRUE;
}

typedef gboolean (*LoadFunc) (Data *d, Loader *l, gconstpointer data,
                              GError **error);

/* Learns from the rows load reads (see teema_evidence_learn). */
static TeemaCodebook *
learn (const TeemaCodebook *cb, LoadFunc load, gconstpointer data,
       const TeemaLearnOptions *options, const char *note, TeemaTable **report,
       GError **error)
{
  TeemaLearnOptions o = defaults_of (options);
  const char *lang = o.lang ? o.lang : teema_codebook_language (cb);
  g_autoptr (TeemaAnalyzer) az = o.force_snowball
                                   ? teema_analyzer_new_snowball (lang, error)
                                   : teema_analyzer_new (lang, error);
  g_autoptr (TeemaCodebook) rules_only =
    az ? without_evidence (cb, error) : NULL;
  g_autoptr (TeemaCompiled) compiled =
    rules_only ? teema_compiled__new (rules_only, az, error) : NULL;
  if (!compiled)
    return NULL;
  Data d = { g_ptr_array_new_with_free_func ((GDestroyNotify) row_free),
             g_ptr_array_new_with_free_func (g_free), 0, cb };
  g_autoptr (GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);
  Loader l = { compiled, ids, az };
  g_autoptr (TeemaCodebook) out = NULL;
  g_autoptr (GArray) themes = NULL;
  g_autoptr (TeemaTable) table = NULL;
  if (load (&d, &l, data, error) && (themes = chosen_themes (&d, &o, error))
      && (out = copy_of (cb, error))) {
    table = report ? report_new (d.n_files > 1) : NULL;
    if (!learn_themes (&d, themes, &o, rules_only, az, out, table, error))
      g_clear_pointer (&out, teema_codebook_free);
  }
  g_ptr_array_unref (d.rows);
  g_ptr_array_unref (d.names);
  if (out && report) {
    teema_table_add_note (table, note);
    *report = g_steal_pointer (&table);
  }
  return g_steal_pointer (&out);
}

TeemaCodebook *
teema_evidence_learn (const TeemaCodebook *cb, const char *const *paths,
                      const TeemaLearnOptions *options, TeemaTable **report,
                      GError **error)
{
  return learn (
    cb, load_files, paths, options,
    _ ("coded: rows coded with the theme by hand; terms: evidence terms kept. "
       "With several files, F1 is of each file coded with what the other "
       "files taught (every file left out once, counts pooled): the rules "
       "alone, then the rules with evidence."),
    report, error);
}

TeemaCodebook *
teema_evidence_learn_coder (TeemaProject *project, const TeemaCodebook *cb,
                            const char *coder, const TeemaLearnOptions *options,
                            TeemaTable **report, GError **error)
{
  if (g_strcmp0 (coder, TEEMA_CODER_RULES) == 0) {
    g_set_error (error, TEEMA_ERROR, TEEMA_ERROR_FAILED,
                 _ ("learning from the coder '%s' would teach the rules "
                    "their own codings: name a person who coded by hand"),
                 coder);
    return NULL;
  }
  FromCoder fc = { project, coder };
  return learn (
    cb, load_coder, &fc, options,
    _ ("coded: segments coded with the theme by the coder; terms: evidence "
       "terms kept. With several interviews, F1 is of each interview coded "
       "with what the others taught (every interview left out once, counts "
       "pooled): the rules alone, then the rules with evidence. Learned "
       "from every informant turn of the interviews the coder coded: a turn "
       "left uncoded there counts as having none of the themes."),
    report, error);
}
